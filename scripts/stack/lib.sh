#!/usr/bin/env bash
# Shared helpers for the local-stack scripts: paths, logging, free ports, and processes tracked by PID.
# Sourced, never run. A server counts as ours only while its PID still has the start time we recorded,
# so a recycled PID is never signalled.
# Its variables are used by the scripts that source it:
# shellcheck disable=SC2034

set -euo pipefail
set +m

STACK_SCRIPTS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$STACK_SCRIPTS/../.." && pwd)"
STACK_HOME="${SUITE_STACK_HOME:-$REPO_ROOT/.stack}"
RUN_DIR="$STACK_HOME/run"
LOG_DIR="$STACK_HOME/logs"
ENV_FILE="$STACK_HOME/env"
NODE_PREFIX="$STACK_HOME"
DYNAMODB_EMULATOR="$NODE_PREFIX/node_modules/amplify-dynamodb-simulator/emulator"
DYNAMODB_CLASSES="$STACK_HOME/dynamodb/classes"

# Every server the stack can run, in start order.
STACK_SERVERS=(dynamodb kinesis moto dns-primary dns-secondary redis redis-cluster-1 redis-cluster-2 redis-cluster-3 memcached mosquitto)

# Debian puts named and the service tools in sbin, which a non-login root shell may not have.
case ":$PATH:" in
  *:/usr/sbin:*) ;;
  *) PATH="$PATH:/usr/sbin:/sbin" ;;
esac

stack_log() { printf 'stack: %s\n' "$*" >&2; }

stack_die() {
  printf 'stack: error: %s\n' "$*" >&2
  exit 1
}

have() { command -v "$1" >/dev/null 2>&1; }

# Start time of a process in clock ticks since boot (field 22 of /proc/PID/stat; the command name in
# field 2 may hold spaces and parentheses, so cut after its last ')').
process_start_time() {
  local stat
  stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 1
  local fields
  read -ra fields <<<"${stat##*) }"
  # After the cut, field 3 (state) is the first word, so starttime (22) is word index 19.
  printf '%s\n' "${fields[19]}"
}

# record_server NAME PID PORT: remember a server this stack started.
record_server() {
  local start
  start="$(process_start_time "$2")" || return 1
  mkdir -p "$RUN_DIR"
  printf '%s %s %s\n' "$2" "$start" "$3" >"$RUN_DIR/$1.pid"
}

forget_server() { rm -f "$RUN_DIR/$1.pid"; }

# server_pid NAME: prints the PID when the recorded process is still the one we started.
server_pid() {
  local pid start port
  [[ -f "$RUN_DIR/$1.pid" ]] || return 1
  read -r pid start port <"$RUN_DIR/$1.pid" || return 1
  [[ -n "${pid:-}" && "$(process_start_time "$pid" 2>/dev/null)" == "$start" ]] || return 1
  printf '%s\n' "$pid"
}

# server_port NAME: the port recorded for NAME (alive or not).
server_port() {
  local pid start port
  [[ -f "$RUN_DIR/$1.pid" ]] || return 1
  read -r pid start port <"$RUN_DIR/$1.pid" || return 1
  printf '%s\n' "$port"
}

server_alive() { server_pid "$1" >/dev/null; }

port_in_use() {
  if have ss; then
    [[ -n "$(ss -Htanu "( sport = :$1 )" 2>/dev/null)" ]]
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
  fi
}

# Ports handed out during this run, so two servers never draw the same one before either binds it.
STACK_RESERVED_PORTS=" "

# pick_free_port: a random free port below the kernel's ephemeral range (32768+), so outgoing
# connections of other programs cannot take it between the pick and the bind.
pick_free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$((20000 + RANDOM % 12000))
    [[ "$STACK_RESERVED_PORTS" == *" $port "* ]] && continue
    port_in_use "$port" && continue
    STACK_RESERVED_PORTS+="$port "
    printf '%s\n' "$port"
    return 0
  done
  stack_die "no free port found between 20000 and 32000"
}

# launch NAME WORKDIR CMD...: starts CMD in its own session, output to the server's log, and records it.
# setsid execs in place (the background subshell is no group leader), so $! is the server's own PID.
launch() {
  local name="$1" workdir="$2" port="$3" pid
  shift 3
  mkdir -p "$LOG_DIR" "$workdir"
  printf -- '--- %s: starting on 127.0.0.1:%s: %s\n' "$(date -u +%FT%TZ)" "$port" "$*" >>"$LOG_DIR/$name.log"
  # fd 9 is the stack lock (see with_stack_lock): a server must not inherit it.
  (cd "$workdir" && exec setsid "$@" 9>&-) >>"$LOG_DIR/$name.log" 2>&1 </dev/null &
  pid=$!
  record_server "$name" "$pid" "$port" || stack_die "$name exited at once; see $LOG_DIR/$name.log"
}

# await_ready NAME TIMEOUT_SECONDS PROBE...: polls PROBE until it succeeds.
# Returns 0 when ready, 2 when the process died, 1 on timeout.
await_ready() {
  local name="$1" timeout="$2" deadline
  shift 2
  deadline=$((SECONDS + timeout))
  while ((SECONDS < deadline)); do
    server_alive "$name" || return 2
    if "$@" >/dev/null 2>&1; then
      return 0
    fi
    sleep 0.2
  done
  return 1
}

log_says_port_taken() {
  tail -n 40 "$LOG_DIR/$1.log" 2>/dev/null | grep -qiE 'address already in use|EADDRINUSE|BindException|address in use'
}

# start_with_retries NAME TIMEOUT START_FN PROBE_FN [PREFERRED_PORT]: picks a port (the preferred one,
# usually the port NAME had before, when it is still free), calls START_FN PORT, waits for PROBE_FN PORT.
# A port lost to another program between pick and bind is retried on a new port.
start_with_retries() {
  local name="$1" timeout="$2" start_fn="$3" probe_fn="$4" preferred="${5:-}" port status
  for _ in 1 2 3; do
    if [[ -n "$preferred" ]] && ! port_in_use "$preferred"; then
      port="$preferred"
      STACK_RESERVED_PORTS+="$port "
    else
      port="$(pick_free_port)"
    fi
    preferred=""
    "$start_fn" "$port"
    status=0
    await_ready "$name" "$timeout" "$probe_fn" "$port" || status=$?
    if ((status == 0)); then
      stack_log "$name ready on 127.0.0.1:$port (pid $(server_pid "$name"))"
      return 0
    fi
    if ((status == 2)) && log_says_port_taken "$name"; then
      stack_log "$name lost port $port to another program; trying another"
      forget_server "$name"
      continue
    fi
    stop_server "$name"
    if ((status == 2)); then
      stack_die "$name exited during start-up; see $LOG_DIR/$name.log"
    fi
    stack_die "$name not ready within ${timeout}s on 127.0.0.1:$port; see $LOG_DIR/$name.log"
  done
  stack_die "$name could not bind a free port in 3 attempts; see $LOG_DIR/$name.log"
}

# stop_server NAME: TERM, then KILL after 10 s, only for the process this stack recorded.
stop_server() {
  local name="$1" pid
  if pid="$(server_pid "$name")"; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do
      server_alive "$name" || break
      sleep 0.2
    done
    if server_alive "$name"; then
      stack_log "$name (pid $pid) ignored TERM; killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    stack_log "stopped $name (pid $pid)"
  fi
  forget_server "$name"
}

# with_stack_lock: one up/down at a time per .stack directory; the lock is released when the script ends.
with_stack_lock() {
  mkdir -p "$STACK_HOME"
  exec 9>"$STACK_HOME/.lock"
  flock -w 300 9 || stack_die "another ./suite stack command holds $STACK_HOME/.lock"
}

# Where the CLI lands with `dotnet build cli/LambdaSuite.Cli -c Release` (ArtifactsPath layout).
CLI_DLL="$REPO_ROOT/artifacts/bin/LambdaSuite.Cli/release/suite-cli.dll"
