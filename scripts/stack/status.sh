#!/usr/bin/env bash
# ./suite stack status [--json]: each server, its pid and port, whether the process lives and whether it
# answers a real request. Exit 0 when every server the current mode needs is up, 1 otherwise.
set -euo pipefail
here="$(dirname "${BASH_SOURCE[0]}")"
# shellcheck source=lib.sh
source "$here/lib.sh"
for part in probes bind moto redis-cluster mosquitto; do
  # shellcheck disable=SC1090
  source "$here/servers/$part.sh"
done

json_string() {
  local value="${1//\\/\\\\}"
  printf '"%s"' "${value//\"/\\\"}"
}

mode() { cat "$STACK_HOME/mode" 2>/dev/null || printf 'local\n'; }

# needed NAME: whether the current mode runs NAME (an external endpoint replaces DynamoDB, Kinesis and moto).
needed() {
  [[ "$(mode)" == local ]] && return 0
  [[ "$1" != dynamodb && "$1" != kinesis && "$1" != moto ]]
}

main() {
  local as_json=false name fn pid port state alive answering all_up=true first=true
  case "${1:-}" in
    --json) as_json=true ;;
    "") ;;
    *) stack_die "usage: status [--json]" ;;
  esac

  if $as_json; then
    printf '{"mode":%s,"servers":[' "$(json_string "$(mode)")"
  else
    printf '%-16s %-8s %-6s %s\n' SERVER PID PORT STATE
  fi
  for name in "${STACK_SERVERS[@]}"; do
    fn="${name//-/_}"
    pid="$(server_pid "$name" 2>/dev/null || true)"
    port="$(server_port "$name" 2>/dev/null || true)"
    alive=false
    answering=false
    if [[ -n "$pid" ]]; then
      alive=true
      "${fn}_probe" "$port" >/dev/null 2>&1 && answering=true
    fi
    if $alive && $answering; then
      state=up
    elif $alive; then
      state="alive, not answering"
    elif [[ -n "$port" ]]; then
      state=dead
    elif needed "$name"; then
      state=stopped
    else
      state="not used (AWS_ENDPOINT_URL)"
    fi
    if needed "$name" && [[ "$state" != up ]]; then
      all_up=false
    fi
    if $as_json; then
      $first || printf ','
      first=false
      printf '{"name":%s,"pid":%s,"port":%s,"alive":%s,"answering":%s,"needed":%s,"log":%s}' \
        "$(json_string "$name")" "${pid:-null}" "${port:-null}" "$alive" "$answering" \
        "$(needed "$name" && echo true || echo false)" "$(json_string "$LOG_DIR/$name.log")"
    else
      printf '%-16s %-8s %-6s %s\n' "$name" "${pid:--}" "${port:--}" "$state"
    fi
  done
  if $as_json; then
    printf '],"up":%s}\n' "$all_up"
  fi
  $all_up
}

main "$@"
