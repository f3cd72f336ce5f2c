#!/usr/bin/env bash
# bench-named.sh HOME PORT ZONE FILE: a throwaway BIND 9 for `./suite bench dns`, configured as the stack's
# servers are (servers/bind.sh) but serving one zone from FILE on 127.0.0.1:PORT. It replaces itself with
# named (foreground), so the caller's PID is named's own and the caller stops it by that PID.
set -euo pipefail
[[ $# -eq 4 ]] || { echo "usage: bench-named.sh HOME PORT ZONE FILE" >&2; exit 2; }
export SUITE_STACK_HOME="$1"
here="$(dirname "${BASH_SOURCE[0]}")"
# shellcheck source=lib.sh
source "$here/lib.sh"
# shellcheck source=servers/bind.sh
source "$here/servers/bind.sh"
have named || stack_die "named (Debian package bind9) is not installed; run ./suite stack up once"
new_tsig_secret
write_zone_conf "$DNS_HOME/bench" "$2" "$3" "$4"
named-checkconf "$DNS_HOME/bench/named.conf" >&2
exec named -4 -f -c "$DNS_HOME/bench/named.conf"
