#!/usr/bin/env bash
# moto's server: a third-party emulator for the AWS services that have no local server of their own (SNS, SQS,
# Firehose with S3, IoT Data, Route 53, STS, Secrets Manager). One process serves them all on one port: it tells the
# services apart by the SigV4 credential scope. In memory, loopback only. Sourced by up.sh and status.sh.

# The services the suite points at moto, as the AWS_ENDPOINT_URL_<SERVICE> suffixes the SDKs read. Lambda is not
# among them: moto's Invoke runs functions in Docker, which the stack does not use.
MOTO_SERVICES=(SNS SQS FIREHOSE S3 IOT_DATA_PLANE ROUTE_53 STS SECRETS_MANAGER)

moto_start() {
  local port="$1"
  # The request recorder (tests read IoT Data publishes back through it) writes to this file once switched on:
  # a fresh one per stack, removed again by `stack down`, so it neither grows across runs nor outlives the stack.
  # Made empty here because moto answers download-recording with a 500 until the file exists.
  local recording="$STACK_HOME/moto/moto_recording"
  mkdir -p "$STACK_HOME/moto"
  : >"$recording"
  MOTO_RECORDER_FILEPATH="$recording" launch moto "$STACK_HOME/moto" "$port" "$(moto_python)" -m moto.server -H 127.0.0.1 -p "$port"
}

# moto answers its own API on /moto-api/; a 200 there means every service behind it is serving.
moto_probe() {
  [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$1/moto-api/data.json" || true)" == 200 ]]
}

# The python 3 that has moto with its server's dependencies (the machines' default one does).
moto_python() { command -v python3; }
