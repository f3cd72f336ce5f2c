#!/usr/bin/env bash
# ./suite stack down: stops every server `up` started (by recorded PID and start time, nothing else)
# and removes .stack/env. Nothing running is fine.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

main() {
  local index stopped=0
  [[ -d "$STACK_HOME" ]] || {
    stack_log "nothing to stop"
    return 0
  }
  with_stack_lock
  for ((index = ${#STACK_SERVERS[@]} - 1; index >= 0; index--)); do
    if server_alive "${STACK_SERVERS[index]}"; then
      stopped=$((stopped + 1))
    fi
    stop_server "${STACK_SERVERS[index]}"
  done
  # moto's request recorder file holds every request it served (headers included): it goes with the stack.
  rm -f "$ENV_FILE" "$STACK_HOME/mode" "$STACK_HOME/moto/moto_recording"
  if ((stopped == 0)); then
    stack_log "nothing was running"
  fi
}

main "$@"
