#!/usr/bin/env bash
# The Docker engine the opt-in emulator container needs (./suite test --emulator localstack|container).
#   docker-engine.sh start   installs Debian's docker.io when no engine is installed, starts dockerd when none
#                            answers (remembering its PID in .stack/dockerd.pid), waits until it answers
#   docker-engine.sh stop    stops the dockerd this script started, by that PID, and nothing else
#   docker-engine.sh env     prints the export lines Testcontainers needs for this engine
# An engine that was already running is used as it is and left running.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
pid_file="$root/.stack/dockerd.pid"
log_file="$root/.stack/dockerd.log"
# What dockerd changes in the network set-up when it starts (IP forwarding, the FORWARD policy), as it was before.
before_file="$root/.stack/dockerd.before"

answers() { docker info >/dev/null 2>&1; }

start() {
  command -v docker >/dev/null 2>&1 && answers && return 0
  if ! command -v dockerd >/dev/null 2>&1; then
    echo "docker-engine: installing Debian's docker.io" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q docker.io >/dev/null \
      || { echo "docker-engine: installing docker.io failed; install a Docker engine, then run this again" >&2; exit 1; }
  fi
  mkdir -p "$root/.stack"
  printf '%s %s\n' "$(sysctl -n net.ipv4.ip_forward 2>/dev/null || echo unknown)" \
    "$(iptables -S FORWARD 2>/dev/null | awk '$1 == "-P" { print $3 }' || true)" >"$before_file"
  nohup dockerd >"$log_file" 2>&1 &
  echo $! >"$pid_file"
  for _ in $(seq 1 60); do
    answers && return 0
    sleep 0.5
  done
  echo "docker-engine: dockerd did not answer within 30 s; see $log_file" >&2
  exit 1
}

stop() {
  [[ -f "$pid_file" ]] || return 0
  local pid
  pid="$(cat "$pid_file")"
  # Only that process, and only while it is still dockerd (a PID can be reused once it has exited).
  if [[ "$(ps -p "$pid" -o comm= 2>/dev/null)" == dockerd ]]; then
    kill "$pid"
    for _ in $(seq 1 40); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.25
    done
  fi
  rm -f "$pid_file"
  restore_network
}

# dockerd leaves its bridge, its firewall chains and rules, IP forwarding on and the FORWARD policy at DROP behind
# when it stops; the engine this script started is taken away with all of that, and the two settings put back.
restore_network() {
  [[ -f "$before_file" ]] || return 0
  local forward policy table rule chain
  read -r forward policy <"$before_file"
  if command -v iptables >/dev/null 2>&1; then
    for table in filter nat; do
      # Each rule is split into words and handed to iptables as arguments: never evaluated by the shell, so a rule's
      # comment text cannot run as a command (as root).
      iptables -t "$table" -S | grep -E -- '^-A .*(DOCKER|docker0)' | sed 's/^-A /-D /' | while read -r -a rule; do
        iptables -t "$table" "${rule[@]}" || true
      done || true # grep finds nothing in a table dockerd left alone; under pipefail that must not end the clean-up
      for chain in $(iptables -t "$table" -S | awk '$1 == "-N" && $2 ~ /^DOCKER/ { print $2 }'); do
        iptables -t "$table" -F "$chain" && iptables -t "$table" -X "$chain" || true
      done
    done
    [[ -z "$policy" ]] || iptables -P FORWARD "$policy" || true
  fi
  ip link delete docker0 2>/dev/null || true
  [[ "$forward" == unknown ]] || sysctl -q -w net.ipv4.ip_forward="$forward" || true
  rm -f "$before_file"
}

# Testcontainers talks to the engine's API directly: pin the API version the engine speaks (Debian's 20.10 engine
# speaks 1.41 and refuses newer clients), use loopback for published ports when the engine is on this machine, and
# leave Ryuk (the reaper image, which cannot be pulled without a registry) out unless its image is already here; the
# suite's fixture then stops its own container.
env_lines() {
  local api
  api="$(docker version --format '{{.Server.APIVersion}}' 2>/dev/null)" || { echo "docker-engine: the engine does not answer" >&2; exit 1; }
  printf 'export DOCKER_API_VERSION=%s\n' "$api"
  if [[ -z "${DOCKER_HOST:-}" || "${DOCKER_HOST}" == unix://* ]]; then
    printf 'export TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1\n'
  fi
  if [[ -z "$(docker images -q 'testcontainers/ryuk' 2>/dev/null)" ]]; then
    printf 'export TESTCONTAINERS_RYUK_DISABLED=true\n'
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  env) env_lines ;;
  *) echo "usage: docker-engine.sh start|stop|env" >&2; exit 2 ;;
esac
