#!/usr/bin/env bash
# Writes and reads .stack/env: `export NAME=value` lines that point tests and tools at the stack.
# Sourced after lib.sh, servers/bind.sh, servers/moto.sh, servers/redis-cluster.sh and servers/mosquitto.sh.

# env_line NAME VALUE: quotes only what the shell would otherwise split or expand.
env_line() { printf 'export %s=%q\n' "$1" "$2"; }

# write_env_file GIVEN_ENDPOINT: local ports, or the person's endpoint for the AWS services.
write_env_file() {
  local given="$1" tmp="$ENV_FILE.tmp"
  {
    if [[ -n "$given" ]]; then
      env_line AWS_ENDPOINT_URL "$given"
      env_line AWS_ENDPOINT_URL_DYNAMODB "${AWS_ENDPOINT_URL_DYNAMODB:-$given}"
      env_line AWS_ENDPOINT_URL_DYNAMODB_STREAMS "${AWS_ENDPOINT_URL_DYNAMODB_STREAMS:-$given}"
      env_line AWS_ENDPOINT_URL_KINESIS "${AWS_ENDPOINT_URL_KINESIS:-$given}"
    else
      env_line AWS_ENDPOINT_URL_DYNAMODB "http://127.0.0.1:$(server_port dynamodb)"
      env_line AWS_ENDPOINT_URL_DYNAMODB_STREAMS "http://127.0.0.1:$(server_port dynamodb)"
      env_line AWS_ENDPOINT_URL_KINESIS "http://127.0.0.1:$(server_port kinesis)"
      local service
      for service in "${MOTO_SERVICES[@]}"; do
        env_line "AWS_ENDPOINT_URL_$service" "http://127.0.0.1:$(server_port moto)"
      done
    fi
    env_line SUITE_DNS_PRIMARY "127.0.0.1:$(server_port dns-primary)"
    # DnsMirror's default masters, so a local run needs no Masters in its input.
    env_line DNS_MIRROR_MASTERS "127.0.0.1:$(server_port dns-primary)"
    env_line SUITE_DNS_SECONDARY "127.0.0.1:$(server_port dns-secondary)"
    env_line SUITE_DNS_TSIG "$(tsig_env_value)"
    env_line SUITE_REDIS "127.0.0.1:$(server_port redis)"
    # The cluster's masters as host:port,host:port,host:port: any one of them is a seed.
    env_line SUITE_REDIS_CLUSTER "$(redis_cluster_seeds)"
    env_line SUITE_MEMCACHED "127.0.0.1:$(server_port memcached)"
    # The MQTT broker (TLS only), its PKI folder (ca.crt, the rule engine's and IoT Data plane's certificates,
    # devices/ for the devices'), and the topic prefix its ACL was written for.
    env_line SUITE_MQTT "127.0.0.1:$(server_port mosquitto)"
    env_line SUITE_MQTT_PKI "$MQTT_PKI"
    env_line SUITE_MQTT_TOPIC_PREFIX "$MQTT_TOPIC_PREFIX"
    if [[ -n "$given" ]]; then
      env_line AWS_REGION "${AWS_REGION:-us-east-1}"
      # A person's LocalStack keeps the person's credentials; LocalStack accepts any when none are set.
      if [[ -z "${AWS_ACCESS_KEY_ID:-}" ]]; then
        env_line AWS_ACCESS_KEY_ID test
        env_line AWS_SECRET_ACCESS_KEY test
      fi
    else
      # Local servers accept any credentials; dummies keep real ones from ever reaching them.
      env_line AWS_REGION us-east-1
      env_line AWS_ACCESS_KEY_ID local
      env_line AWS_SECRET_ACCESS_KEY local
      # A person's session token or profile would ride along with the dummies (SDKs and boto3 send the token), and
      # moto's request recorder writes every header it receives to disk.
      printf 'unset AWS_SESSION_TOKEN AWS_PROFILE\n'
    fi
  } >"$tmp"
  mv "$tmp" "$ENV_FILE"
}

# env_file_value NAME: the value NAME has in .stack/env.
env_file_value() {
  (
    # shellcheck disable=SC1090
    source "$ENV_FILE"
    printf '%s\n' "${!1:-}"
  )
}
