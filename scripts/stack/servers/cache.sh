#!/usr/bin/env bash
# Redis and Memcached, loopback only, nothing persisted. Sourced by up.sh.

redis_start() {
  local port="$1"
  launch redis "$STACK_HOME/redis" "$port" \
    redis-server --bind 127.0.0.1 --port "$port" --save '' --appendonly no --daemonize no \
    --protected-mode yes --dir "$STACK_HOME/redis"
}

memcached_start() {
  local port="$1" user=()
  # memcached refuses to run as root unless told which user to stay.
  if [[ $EUID -eq 0 ]]; then
    user=(-u root)
  fi
  launch memcached "$STACK_HOME/memcached" "$port" \
    memcached -l 127.0.0.1 -p "$port" -U 0 -m 64 "${user[@]}"
}
