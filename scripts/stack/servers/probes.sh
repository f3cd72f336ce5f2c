#!/usr/bin/env bash
# Readiness probes: each sends a real request and checks the answer, not just an open port.
# Sourced by up.sh after lib.sh.

# tcp_exchange PORT REQUEST EXPECTED_PREFIX: one line-based request over a loopback TCP connection.
# Runs in a subshell so a refused connection cannot end the calling script.
tcp_exchange() (
  port="$1" request="$2" expected="$3" reply=""
  exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
  printf '%b' "$request" >&3
  IFS= read -r -t 2 reply <&3 || true
  [[ "$reply" == "$expected"* ]]
)

# http_status PORT TARGET CONTENT_TYPE [HEADER...]: POSTs {} and prints the HTTP status (000: no answer).
http_status() {
  local port="$1" target="$2" content_type="$3"
  shift 3
  local headers=(-H "X-Amz-Target: $target" -H "Content-Type: $content_type")
  local header
  for header in "$@"; do
    headers+=(-H "$header")
  done
  curl -s -o /dev/null -w '%{http_code}' --max-time 2 -X POST "${headers[@]}" -d '{}' "http://127.0.0.1:$port/" || true
}

# DynamoDB Local rejects a request without an Authorization header; any value passes.
dynamodb_probe() {
  [[ "$(http_status "$1" DynamoDB_20120810.ListTables application/x-amz-json-1.0 \
    'Authorization: AWS4-HMAC-SHA256 Credential=local/20250101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=00')" == 200 ]]
}

# Any HTTP answer proves kinesalite is serving (unsigned requests get a 4xx).
kinesis_probe() {
  [[ "$(http_status "$1" Kinesis_20131202.ListStreams application/x-amz-json-1.1)" != 000 ]]
}

# The first zone the stack serves must answer SOA authoritatively.
dns_probe() {
  local zone
  zone="$(first_zone)"
  [[ -n "$(dig @127.0.0.1 -p "$1" "$zone" SOA +norecurse +short +time=1 +tries=1 2>/dev/null)" ]]
}

redis_probe() { tcp_exchange "$1" 'PING\r\n' '+PONG'; }

memcached_probe() { tcp_exchange "$1" 'version\r\n' 'VERSION'; }
