#!/usr/bin/env bash
# Helpers shared by ./suite, test.sh and demo.sh. Sourced, never run.
set -euo pipefail

SUITE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SUITE_CLI_DLL="$SUITE_ROOT/artifacts/bin/LambdaSuite.Cli/release/suite-cli.dll"

suite_log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

suite_die() {
  printf 'suite: error: %s\n' "$*" >&2
  exit 1
}

# The .NET SDK is the one prerequisite no registry here serves as a package; say so plainly.
suite_require_dotnet() {
  command -v dotnet >/dev/null 2>&1 || suite_die "the .NET SDK 10 is not installed (dotnet is not on PATH); install it, then run this again"
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
}

suite_cli_is_stale() {
  [[ -f "$SUITE_CLI_DLL" ]] || return 0
  [[ -n "$(find "$SUITE_ROOT/cli" "$SUITE_ROOT/shared" "$SUITE_ROOT/functions" \
    "$SUITE_ROOT/Directory.Build.props" "$SUITE_ROOT/Directory.Packages.props" \
    \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' \) -newer "$SUITE_CLI_DLL" -print -quit 2>/dev/null)" ]]
}

suite_build_cli() {
  suite_require_dotnet
  if suite_cli_is_stale; then
    suite_log "building the suite CLI"
    (cd "$SUITE_ROOT" && dotnet build cli/LambdaSuite.Cli -c Release -nologo -v:q -clp:ErrorsOnly) >&2 \
      || suite_die "building the suite CLI failed"
  fi
}

# Runs the CLI; the local stack's endpoints apply when the stack is up and the caller set none.
suite_cli() {
  suite_build_cli
  if [[ -f "$SUITE_ROOT/.stack/env" && -z "${AWS_ENDPOINT_URL:-}" && -z "${AWS_ENDPOINT_URL_DYNAMODB:-}" ]]; then
    # shellcheck disable=SC1091
    source "$SUITE_ROOT/.stack/env"
  fi
  (cd "$SUITE_ROOT" && dotnet "$SUITE_CLI_DLL" "$@")
}

# The benchmarks that read or write through the local stack. `./suite bench` starts the stack for them when it is
# not up (and no AWS_ENDPOINT_URL or AWS_ENDPOINT_URL_DYNAMODB points elsewhere), and stops it afterwards, as `test`
# and `demo` do; a stack that was already up is left as it was.
SUITE_BENCHES_NEEDING_STACK=" cold-start ses iot sizing dns "

suite_bench() {
  local kind="${2:-}"
  if [[ "$SUITE_BENCHES_NEEDING_STACK" == *" $kind "* && -z "${AWS_ENDPOINT_URL:-}" && -z "${AWS_ENDPOINT_URL_DYNAMODB:-}" ]] &&
    ! bash "$SUITE_ROOT/scripts/stack/status.sh" >/dev/null 2>&1; then
    suite_log "bench $kind: starting the local stack (stopped again when the bench ends)"
    trap 'bash "$SUITE_ROOT/scripts/stack/stack.sh" down >/dev/null 2>&1 || true' EXIT
    bash "$SUITE_ROOT/scripts/stack/stack.sh" up >/dev/null
  fi
  suite_cli "$@"
}
