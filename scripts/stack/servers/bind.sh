#!/usr/bin/env bash
# Two BIND 9 servers on loopback, sharing one TSIG key made fresh each time they start:
#  - dns-primary serves every scripts/stack/bind/zones/<zone>.zone file as written (AXFR from
#    127.0.0.1 or with the key; zones named tsig.* only with the key);
#  - dns-secondary is the "secondary site": the same zone names, holding only SOA and NS, open to
#    RFC 2136 updates signed with the key (what DnsMirror writes to).
# Sourced by up.sh.

TSIG_KEY_NAME="suite-tsig."
TSIG_ALGORITHM="hmac-sha256"
DNS_ZONE_SOURCE="$STACK_SCRIPTS/bind/zones"
DNS_HOME="$STACK_HOME/bind"

# Zone names, one a line, from the zone files' names.
stack_zones() {
  local file
  for file in "$DNS_ZONE_SOURCE"/*.zone; do
    [[ -f "$file" ]] || continue
    file="${file##*/}"
    printf '%s\n' "${file%.zone}"
  done
}

first_zone() { stack_zones | head -n 1; }

tsig_secret() { cat "$DNS_HOME/tsig.secret"; }

tsig_env_value() { printf '%s:%s:%s\n' "$TSIG_KEY_NAME" "$TSIG_ALGORITHM" "$(tsig_secret)"; }

new_tsig_secret() {
  mkdir -p "$DNS_HOME"
  (umask 077 && head -c 32 /dev/urandom | base64 >"$DNS_HOME/tsig.secret")
}

# named.conf head shared by both servers: loopback only, no rndc, no recursion, logs to stderr
# (which launch() sends to the server's log file).
named_conf_head() {
  local dir="$1" port="$2"
  cat <<CONF
key "$TSIG_KEY_NAME" {
  algorithm $TSIG_ALGORITHM;
  secret "$(tsig_secret)";
};

options {
  directory "$dir";
  pid-file none;
  session-keyfile "$dir/session.key";
  managed-keys-directory "$dir";
  listen-on port $port { 127.0.0.1; };
  listen-on-v6 { none; };
  recursion no;
  notify no;
  dnssec-validation no;
};

controls { };

logging {
  channel to_stderr { stderr; severity info; print-time yes; print-category yes; };
  category default { to_stderr; };
  category lame-servers { null; };
};
CONF
}

write_primary_conf() {
  local port="$1" dir="$DNS_HOME/primary" zone transfer
  mkdir -p "$dir"
  {
    named_conf_head "$dir" "$port"
    while IFS= read -r zone; do
      transfer="127.0.0.1; key \"$TSIG_KEY_NAME\";"
      if [[ "$zone" == tsig.* ]]; then
        transfer="key \"$TSIG_KEY_NAME\";"
      fi
      printf '\nzone "%s" {\n  type primary;\n  file "%s";\n  allow-transfer { %s };\n};\n' \
        "$zone" "$DNS_ZONE_SOURCE/$zone.zone" "$transfer"
    done < <(stack_zones)
  } >"$dir/named.conf"
}

# The secondary site starts empty on every start: its zone files and journals are rewritten.
write_secondary_conf() {
  local port="$1" dir="$DNS_HOME/secondary" zone
  rm -rf "$dir"
  mkdir -p "$dir/zones"
  {
    named_conf_head "$dir" "$port"
    while IFS= read -r zone; do
      write_empty_zone "$zone" >"$dir/zones/$zone.db"
      printf '\nzone "%s" {\n  type primary;\n  file "%s";\n  check-names ignore;\n  allow-update { key "%s"; };\n  allow-transfer { 127.0.0.1; key "%s"; };\n};\n' \
        "$zone" "$dir/zones/$zone.db" "$TSIG_KEY_NAME" "$TSIG_KEY_NAME"
    done < <(stack_zones)
  } >"$dir/named.conf"
}

# SOA and NS only; the NS name lies outside the zone so no glue record is needed.
write_empty_zone() {
  cat <<ZONE
\$TTL 300
@ IN SOA localhost. hostmaster.localhost. 1 3600 600 86400 300
@ IN NS localhost.
ZONE
}

start_named() {
  local name="$1" dir="$2" port="$3"
  named-checkconf "$dir/named.conf" >>"$LOG_DIR/$name.log" 2>&1 ||
    stack_die "$name: named.conf rejected; see $LOG_DIR/$name.log"
  launch "$name" "$dir" "$port" named -4 -f -c "$dir/named.conf"
}

# A zone file that does not load is a bug in the repository: name it rather than serve without it.
check_zone_files() {
  local zone output
  while IFS= read -r zone; do
    output="$(named-checkzone "$zone" "$DNS_ZONE_SOURCE/$zone.zone" 2>&1)" ||
      stack_die "zone file $DNS_ZONE_SOURCE/$zone.zone does not load: ${output//$'\n'/ }"
  done < <(stack_zones)
}

dns_primary_start() {
  check_zone_files
  write_primary_conf "$1"
  start_named dns-primary "$DNS_HOME/primary" "$1"
}

dns_secondary_start() {
  write_secondary_conf "$1"
  start_named dns-secondary "$DNS_HOME/secondary" "$1"
}

dns_primary_probe() { dns_probe "$1"; }

dns_secondary_probe() { dns_probe "$1"; }

# write_zone_conf DIR PORT ZONE FILE: one primary zone served from FILE, transfers open to loopback;
# the same head as the stack's servers. Used by `./suite bench dns` through bench-named.sh. The bench rewrites
# FILE and sends named SIGHUP: ixfr-from-differences journals each reload's difference (beside FILE) so it is
# served by IXFR, and max-ixfr-ratio unlimited keeps BIND 9.18 from answering a delta with the whole zone when the
# delta is large against the zone (its default is 100 %).
write_zone_conf() {
  local dir="$1" port="$2" zone="$3" file="$4"
  mkdir -p "$dir"
  {
    named_conf_head "$dir" "$port"
    printf '\nzone "%s" {\n  type primary;\n  file "%s";\n  allow-transfer { 127.0.0.1; };\n  ixfr-from-differences yes;\n  max-ixfr-ratio unlimited;\n};\n' "$zone" "$file"
  } >"$dir/named.conf"
}
