#!/usr/bin/env bash
# Issues one MQTT client or server certificate from the local stack's private CA (made by `./suite stack up`):
# an EC P-256 key and a certificate valid for a year, in OUT_DIR as NAME.key (mode 600) and NAME.crt.
#
#   mqtt-cert.sh OUT_DIR NAME CN [EXTENSION]          the stack's own certificates (broker, rule engine, IoT Data)
#   mqtt-cert.sh --device SERIAL [CLIENT_ID]          a device's: CN = its serial number (the broker's user name, which
#                                                     its ACL ties to its topics), UID = the MQTT client id it was
#                                                     issued for; into .stack/mqtt/pki/devices/SERIAL.{key,crt}
# The CA is .stack/mqtt/pki/ca.{crt,key} (SUITE_STACK_HOME moves .stack). Prints the certificate's path.
set -euo pipefail
stack_home="${SUITE_STACK_HOME:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/.stack}"
pki="$stack_home/mqtt/pki"

fail() {
  printf 'mqtt-cert: %s\n' "$*" >&2
  exit 2
}

# A serial or client id as IotRegistry admits it: 1-128 letters, digits and . _ : - (so no '/' or '=' can
# reach the certificate's subject or a file name).
identifier() { [[ "$1" =~ ^[A-Za-z0-9._:-]{1,128}$ ]]; }

if [[ "${1:-}" == "--device" ]]; then
  serial="${2:-}"
  client_id="${3:-}"
  identifier "$serial" || fail "the serial number must be 1-128 letters, digits and . _ : - (got '${serial}')"
  [[ -z "$client_id" ]] || identifier "$client_id" || fail "the client id must be 1-128 letters, digits and . _ : - (got '${client_id}')"
  out="$pki/devices"
  name="$serial"
  subject="/CN=$serial"
  [[ -z "$client_id" ]] || subject="$subject/UID=$client_id"
  extension=""
else
  (($# >= 3)) || fail "usage: mqtt-cert.sh OUT_DIR NAME CN [EXTENSION] | mqtt-cert.sh --device SERIAL [CLIENT_ID]"
  out="$1"
  name="$2"
  subject="/CN=$3"
  extension="${4:-}"
fi

[[ -f "$pki/ca.crt" && -f "$pki/ca.key" ]] || fail "no MQTT CA in $pki: run ./suite stack up first"
mkdir -p "$out"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# A random serial, not a -CAcreateserial file: devices are issued in parallel.
umask 077
openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "$subject" \
  -keyout "$work/key.pem" -out "$work/req.pem" 2>"$work/err" || fail "openssl req failed: $(cat "$work/err")"
printf 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\n%s\n' "$extension" >"$work/ext.cnf"
openssl x509 -req -in "$work/req.pem" -CA "$pki/ca.crt" -CAkey "$pki/ca.key" -set_serial "0x$(openssl rand -hex 16)" -days 365 -sha256 \
  -extfile "$work/ext.cnf" -out "$work/crt.pem" 2>"$work/err" || fail "openssl x509 failed: $(cat "$work/err")"
mv "$work/key.pem" "$out/$name.key"
umask 022
mv "$work/crt.pem" "$out/$name.crt"
chmod 644 "$out/$name.crt"
printf '%s\n' "$out/$name.crt"
