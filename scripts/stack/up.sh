#!/usr/bin/env bash
# ./suite stack up: installs what is missing, starts every server that is not already running (each on
# 127.0.0.1, on a port free at this moment), creates the catalog's tables, writes .stack/env and prints it.
# Running it again keeps what runs and starts only what is missing.
# With AWS_ENDPOINT_URL set (a person's LocalStack) it starts only what LocalStack lacks: BIND, Redis,
# Memcached, the Redis cluster and mosquitto; the AWS services come from that endpoint.
# moto stands in for the AWS services that have no local server (see servers/moto.sh).
set -euo pipefail
here="$(dirname "${BASH_SOURCE[0]}")"
# shellcheck source=lib.sh
source "$here/lib.sh"
for part in probes dynamodb kinesis moto bind cache redis-cluster mosquitto; do
  # shellcheck disable=SC1090
  source "$here/servers/$part.sh"
done
# shellcheck source=cli.sh
source "$here/cli.sh"
# shellcheck source=env-file.sh
source "$here/env-file.sh"

GIVEN_ENDPOINT="${AWS_ENDPOINT_URL:-}"

# ensure_server NAME TIMEOUT: keeps a running server, starts a missing one.
ensure_server() {
  local name="$1" timeout="$2" fn="${1//-/_}" pid previous_port
  if pid="$(server_pid "$name")"; then
    stack_log "$name already running on 127.0.0.1:$(server_port "$name") (pid $pid)"
    return 0
  fi
  previous_port="$(server_port "$name" 2>/dev/null || true)"
  forget_server "$name"
  start_with_retries "$name" "$timeout" "${fn}_start" "${fn}_probe" "$previous_port"
}

# The two BIND servers share the TSIG key: both run, or both start afresh with a new key.
ensure_dns() {
  if server_alive dns-primary && server_alive dns-secondary; then
    stack_log "dns-primary and dns-secondary already running on ports $(server_port dns-primary), $(server_port dns-secondary)"
    return 0
  fi
  local primary_port secondary_port
  primary_port="$(server_port dns-primary 2>/dev/null || true)"
  secondary_port="$(server_port dns-secondary 2>/dev/null || true)"
  stop_server dns-primary
  stop_server dns-secondary
  [[ -n "$(first_zone)" ]] || stack_die "no zone files in $DNS_ZONE_SOURCE (*.zone)"
  new_tsig_secret
  start_with_retries dns-primary 20 dns_primary_start dns_primary_probe "$primary_port"
  start_with_retries dns-secondary 20 dns_secondary_start dns_secondary_probe "$secondary_port"
}

# Runs in a subshell that has loaded .stack/env; the CLI build must be awaited before (wait sees only
# the children of the shell that started them).
create_tables() {
  local endpoint="$1"
  stack_log "creating the catalog's tables at $endpoint"
  AWS_ENDPOINT_URL_DYNAMODB="$endpoint" run_cli stack tables >&2 ||
    stack_die "creating tables failed (endpoint $endpoint)"
}

main() {
  local began=$SECONDS endpoint
  with_stack_lock
  if [[ -n "$GIVEN_ENDPOINT" ]]; then
    bash "$here/install.sh" --no-aws 9>&-
  else
    bash "$here/install.sh" 9>&-
  fi
  cli_build_start

  if [[ -n "$GIVEN_ENDPOINT" ]]; then
    stack_log "AWS_ENDPOINT_URL is set: using $GIVEN_ENDPOINT for the AWS services (DynamoDB, Streams, Kinesis)"
    printf 'external\n' >"$STACK_HOME/mode"
  else
    printf 'local\n' >"$STACK_HOME/mode"
    ensure_server dynamodb 90
    ensure_server kinesis 30
    ensure_server moto 60
  fi
  ensure_dns
  ensure_server redis 20
  ensure_redis_cluster
  ensure_server memcached 20
  ensure_server mosquitto 20

  write_env_file "$GIVEN_ENDPOINT"
  endpoint="$(env_file_value AWS_ENDPOINT_URL_DYNAMODB)"
  cli_build_wait
  (
    # shellcheck disable=SC1090
    source "$ENV_FILE"
    create_tables "$endpoint"
  )
  cat "$ENV_FILE"
  stack_log "stack up in $((SECONDS - began))s; load it with: eval \"\$(./suite stack env)\""
}

main "$@"
