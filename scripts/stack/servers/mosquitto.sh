#!/usr/bin/env bash
# mosquitto: the devices' MQTT broker, TLS only, loopback only, nothing persisted. Like AWS IoT it authenticates
# a device by its client certificate (mutual TLS, issued by a private CA made at the first `stack up`), and the ACL
# ties a certificate to its own topics: the certificate's CN is the device's serial number, which mosquitto uses as
# the user name, so a device can publish only on <prefix>/<its serial>/register|activate and read only its answers
# <prefix>/<its serial>/+/+ (the AWS IoT policy variable ${iot:Connection.Thing.ThingName} does the same there).
# Two service identities: the local rule engine (reads every topic) and the local IoT Data plane (writes answers).
# Sourced by up.sh and status.sh after lib.sh.

MQTT_HOME="$STACK_HOME/mqtt"
MQTT_PKI="$MQTT_HOME/pki"
MQTT_DEVICE_CERTS="$MQTT_PKI/devices"
# The template's IotTopicPrefix default; the ACL is written for it.
MQTT_TOPIC_PREFIX="${SUITE_MQTT_TOPIC_PREFIX:-devices}"
MQTT_RULE_ENGINE_CN="suite-rule-engine"
MQTT_IOT_DATA_CN="suite-iot-data"

# mqtt_issue DIR NAME CN [SAN]: an EC P-256 key and a certificate signed by the stack's CA (the mqtt-cert.sh helper).
mqtt_issue() {
  bash "$STACK_SCRIPTS/mqtt-cert.sh" "$@" >>"$LOG_DIR/mosquitto.log" 2>&1 ||
    stack_die "could not issue the MQTT certificate $2 (openssl); see $LOG_DIR/mosquitto.log"
}

# The CA and the broker's and services' certificates, once per .stack: devices issued earlier stay valid across
# restarts. The CA key never leaves .stack/ (mode 600).
mqtt_pki() {
  mkdir -p "$MQTT_PKI" "$MQTT_DEVICE_CERTS" "$LOG_DIR"
  if [[ ! -f "$MQTT_PKI/ca.crt" || ! -f "$MQTT_PKI/ca.key" ]]; then
    stack_log "making the MQTT private CA in $MQTT_PKI"
    (
      umask 077
      openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 3650 \
        -subj "/CN=LambdaSuite local MQTT CA" -keyout "$MQTT_PKI/ca.key" -out "$MQTT_PKI/ca.crt" \
        -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign"
    ) >>"$LOG_DIR/mosquitto.log" 2>&1 || stack_die "openssl could not make the MQTT CA; see $LOG_DIR/mosquitto.log"
    chmod 644 "$MQTT_PKI/ca.crt"
    rm -f "$MQTT_PKI/server.crt" "$MQTT_PKI/$MQTT_RULE_ENGINE_CN.crt" "$MQTT_PKI/$MQTT_IOT_DATA_CN.crt"
  fi
  [[ -f "$MQTT_PKI/server.crt" ]] || mqtt_issue "$MQTT_PKI" server localhost "subjectAltName=IP:127.0.0.1,DNS:localhost"
  [[ -f "$MQTT_PKI/$MQTT_RULE_ENGINE_CN.crt" ]] || mqtt_issue "$MQTT_PKI" "$MQTT_RULE_ENGINE_CN" "$MQTT_RULE_ENGINE_CN"
  [[ -f "$MQTT_PKI/$MQTT_IOT_DATA_CN.crt" ]] || mqtt_issue "$MQTT_PKI" "$MQTT_IOT_DATA_CN" "$MQTT_IOT_DATA_CN"
}

mqtt_acl() {
  local prefix="$MQTT_TOPIC_PREFIX"
  cat <<ACL
# Written by ./suite stack up (scripts/stack/servers/mosquitto.sh). User = the client certificate's CN.
user $MQTT_RULE_ENGINE_CN
topic read #

user $MQTT_IOT_DATA_CN
topic write $prefix/+/register/+
topic write $prefix/+/activate/+

# Every device: %u is its certificate's CN, its serial number.
pattern write $prefix/%u/register
pattern write $prefix/%u/activate
pattern read $prefix/%u/+/+
ACL
}

mqtt_config() {
  local port="$1"
  cat <<CONF
# Written by ./suite stack up (scripts/stack/servers/mosquitto.sh).
CONF
  # Started as root, mosquitto switches to the user "mosquitto", who cannot read the keys in .stack/ (mode 600):
  # it stays the user who started the stack, as memcached does.
  if [[ $EUID -eq 0 ]]; then
    printf 'user root\n'
  fi
  cat <<CONF
per_listener_settings false
allow_anonymous false
persistence false
log_dest stdout
log_type error
log_type warning
log_type notice
connection_messages true
acl_file $MQTT_HOME/acl
listener $port 127.0.0.1
protocol mqtt
cafile $MQTT_PKI/ca.crt
certfile $MQTT_PKI/server.crt
keyfile $MQTT_PKI/server.key
tls_version tlsv1.2
require_certificate true
use_identity_as_username true
CONF
}

mosquitto_start() {
  local port="$1"
  mqtt_pki
  mqtt_acl >"$MQTT_HOME/acl"
  mqtt_config "$port" >"$MQTT_HOME/mosquitto.conf"
  launch mosquitto "$MQTT_HOME" "$port" mosquitto -c "$MQTT_HOME/mosquitto.conf"
}

# A TLS handshake with the rule engine's certificate that the broker accepts proves the listener, the CA and
# the certificates all fit together (an open port alone would not).
mosquitto_probe() {
  openssl s_client -connect "127.0.0.1:$1" -verify_return_error -CAfile "$MQTT_PKI/ca.crt" \
    -cert "$MQTT_PKI/$MQTT_RULE_ENGINE_CN.crt" -key "$MQTT_PKI/$MQTT_RULE_ENGINE_CN.key" </dev/null 2>/dev/null |
    grep -q 'Verify return code: 0'
}
