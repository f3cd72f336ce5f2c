#!/usr/bin/env bash
# A Redis cluster of three masters and no replicas on loopback, nothing persisted: what ElastiCache with cluster
# mode enabled looks like to a client (16,384 hash slots split over the masters, MOVED and ASK redirections).
# The three nodes run, or all three start afresh and form a new cluster: a node restarted alone would come back
# empty and outside the cluster. Sourced by up.sh (start) and status.sh (probes).

REDIS_CLUSTER_NODES=(redis-cluster-1 redis-cluster-2 redis-cluster-3)
REDIS_CLUSTER_HOME="$STACK_HOME/redis-cluster"

# redis_cluster_launch NAME PORT: one cluster-enabled node. The cluster bus port (default PORT + 10000, which can
# fall in the kernel's ephemeral range) is drawn free like the client port. full-coverage off: with a master down
# the others keep serving their own slots, as the tests of a dead node expect; the node timeout bounds how long the
# survivors take to mark it failed.
redis_cluster_launch() {
  local name="$1" port="$2" bus dir="$REDIS_CLUSTER_HOME/$1"
  bus="$(pick_free_port)"
  rm -rf "$dir"
  launch "$name" "$dir" "$port" \
    redis-server --bind 127.0.0.1 --port "$port" --cluster-enabled yes --cluster-port "$bus" \
    --cluster-config-file nodes.conf --cluster-node-timeout 2000 --cluster-require-full-coverage no \
    --save '' --appendonly no --daemonize no --protected-mode yes --dir "$dir"
}

redis_cluster_1_start() { redis_cluster_launch redis-cluster-1 "$1"; }
redis_cluster_2_start() { redis_cluster_launch redis-cluster-2 "$1"; }
redis_cluster_3_start() { redis_cluster_launch redis-cluster-3 "$1"; }

# A node answers PING (start-up); status asks more: the node must see the cluster as whole.
redis_cluster_ping() { tcp_exchange "$1" 'PING\r\n' '+PONG'; }

redis_cluster_node_probe() { redis-cli -h 127.0.0.1 -p "$1" cluster info 2>/dev/null | grep -q '^cluster_state:ok'; }

redis_cluster_1_probe() { redis_cluster_node_probe "$1"; }
redis_cluster_2_probe() { redis_cluster_node_probe "$1"; }
redis_cluster_3_probe() { redis_cluster_node_probe "$1"; }

# The seed list the clients get (SUITE_REDIS_CLUSTER): every master as host:port, comma separated.
redis_cluster_seeds() {
  local name seeds=""
  for name in "${REDIS_CLUSTER_NODES[@]}"; do
    seeds+="${seeds:+,}127.0.0.1:$(server_port "$name")"
  done
  printf '%s\n' "$seeds"
}

ensure_redis_cluster() {
  local name ports=() alive=0 port
  for name in "${REDIS_CLUSTER_NODES[@]}"; do
    server_alive "$name" && alive=$((alive + 1))
  done
  if ((alive == ${#REDIS_CLUSTER_NODES[@]})) && redis_cluster_node_probe "$(server_port redis-cluster-1)"; then
    stack_log "redis-cluster already running on ports $(redis_cluster_seeds)"
    return 0
  fi
  for name in "${REDIS_CLUSTER_NODES[@]}"; do
    port="$(server_port "$name" 2>/dev/null || true)"
    stop_server "$name"
    start_with_retries "$name" 20 "${name//-/_}_start" redis_cluster_ping "$port"
    ports+=("127.0.0.1:$(server_port "$name")")
  done
  # Splits the slots evenly (0-5460, 5461-10922, 10923-16383) and joins the nodes over their bus ports.
  redis-cli --cluster create "${ports[@]}" --cluster-replicas 0 --cluster-yes \
    >>"$LOG_DIR/redis-cluster-create.log" 2>&1 ||
    stack_die "redis-cli --cluster create failed; see $LOG_DIR/redis-cluster-create.log"
  for name in "${REDIS_CLUSTER_NODES[@]}"; do
    await_ready "$name" 20 redis_cluster_node_probe "$(server_port "$name")" ||
      stack_die "$name does not report cluster_state:ok; see $LOG_DIR/$name.log"
  done
  stack_log "redis-cluster ready on $(redis_cluster_seeds)"
}
