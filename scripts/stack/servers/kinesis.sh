#!/usr/bin/env bash
# kinesalite, in memory, bound to loopback by a small node launcher. Sourced by up.sh.

kinesis_start() {
  local port="$1"
  launch kinesis "$STACK_HOME/kinesis" "$port" \
    node "$STACK_SCRIPTS/kinesis/kinesalite-loopback.js" "$NODE_PREFIX/node_modules" "$port"
}
