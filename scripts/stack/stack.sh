#!/usr/bin/env bash
# ./suite stack <command>: the local stack of real servers (DynamoDB Local, kinesalite, two BIND 9,
# Redis, Memcached) on 127.0.0.1, for integration tests and local runs.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

usage() {
  cat <<'USAGE'
usage: ./suite stack <command>
  install          install the servers (apt-get, npm into .stack/); up does this when needed
  up               start what is not running, create the tables, write and print .stack/env
  down             stop what up started
  status [--json]  each server's pid, port and state; exit 1 when one is not up
  env              print .stack/env (eval "$(./suite stack env)")
  tables [--json]  create the catalog's missing DynamoDB tables (endpoint from .stack/env)
USAGE
}

command="${1:-}"
[[ $# -gt 0 ]] && shift
case "$command" in
  install | up | down | status) exec bash "$here/$command.sh" "$@" ;;
  env)
    # shellcheck source=lib.sh
    source "$here/lib.sh"
    [[ -f "$ENV_FILE" ]] || stack_die "the stack is not up (no $ENV_FILE); run: ./suite stack up"
    cat "$ENV_FILE"
    ;;
  tables)
    # shellcheck source=lib.sh
    source "$here/lib.sh"
    # shellcheck source=cli.sh
    source "$here/cli.sh"
    [[ -f "$ENV_FILE" ]] || stack_die "the stack is not up (no $ENV_FILE); run: ./suite stack up"
    cli_build_start
    cli_build_wait
    # shellcheck disable=SC1090
    source "$ENV_FILE"
    run_cli stack tables "$@"
    ;;
  help | -h | --help) usage ;;
  *)
    usage >&2
    exit 2
    ;;
esac
