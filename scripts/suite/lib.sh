#!/usr/bin/env bash
# Helpers shared by ./suite, test.sh and demo.sh. Sourced, never run.
set -euo pipefail

SUITE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SUITE_CLI_DLL="$SUITE_ROOT/artifacts/bin/LambdaSuite.Cli/release/suite-cli.dll"
SUITE_BENCH_DLL="$SUITE_ROOT/artifacts/bin/LambdaSuite.Bench/release/LambdaSuite.Bench.dll"
SUITE_DEMO_DLL="$SUITE_ROOT/artifacts/bin/LambdaSuite.Demo/release/LambdaSuite.Demo.dll"

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

# Is the built program $1 older than any source under the folders after it (or missing)?
suite_is_stale() {
  local dll="$1"
  shift
  [[ -f "$dll" ]] || return 0
  local folders=()
  for folder in "$@"; do folders+=("$SUITE_ROOT/$folder"); done
  [[ -n "$(find "${folders[@]}" "$SUITE_ROOT/Directory.Build.props" "$SUITE_ROOT/Directory.Packages.props" \
    \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' \) -newer "$dll" -print -quit 2>/dev/null)" ]]
}

# Builds project $2 (named $1 in messages) into $3 when a source under the folders after it is newer.
suite_build_when_stale() {
  local what="$1" project="$2" dll="$3"
  shift 3
  suite_require_dotnet
  if suite_is_stale "$dll" "$@"; then
    suite_log "building $what"
    (cd "$SUITE_ROOT" && dotnet build "$project" -c Release -nologo -v:q -clp:ErrorsOnly) >&2 \
      || suite_die "building $what failed"
  fi
}

suite_build_cli() {
  suite_build_when_stale "the suite CLI" cli/LambdaSuite.Cli "$SUITE_CLI_DLL" cli harness shared functions
}

# The demo scenes (demo/LambdaSuite.Demo), built when their sources changed.
suite_build_demo() {
  suite_build_when_stale "the demo" demo/LambdaSuite.Demo "$SUITE_DEMO_DLL" demo/LambdaSuite.Demo cli harness shared functions
}

# The local stack's endpoints apply when the stack is up and the caller set none.
suite_use_stack_env() {
  if [[ -f "$SUITE_ROOT/.stack/env" && -z "${AWS_ENDPOINT_URL:-}" && -z "${AWS_ENDPOINT_URL_DYNAMODB:-}" ]]; then
    # shellcheck disable=SC1091
    source "$SUITE_ROOT/.stack/env"
  fi
}

# Runs the CLI; the local stack's endpoints apply when the stack is up and the caller set none.
suite_cli() {
  suite_build_cli
  suite_use_stack_env
  (cd "$SUITE_ROOT" && dotnet "$SUITE_CLI_DLL" "$@")
}

# The benchmarks that read or write through the local stack. `./suite bench` starts the stack for them when it is
# not up (and no AWS_ENDPOINT_URL or AWS_ENDPOINT_URL_DYNAMODB points elsewhere), and stops it afterwards, as `test`
# and `demo` do; a stack that was already up is left as it was.
SUITE_BENCHES_NEEDING_STACK=" cold-start ses iot sizing dns "

# `./suite bench KIND ...`: the bench program (bench/LambdaSuite.Bench), built when its sources changed.
suite_bench() {
  shift # "bench"
  local kind="${1:-}"
  if [[ "$SUITE_BENCHES_NEEDING_STACK" == *" $kind "* && -z "${AWS_ENDPOINT_URL:-}" && -z "${AWS_ENDPOINT_URL_DYNAMODB:-}" ]] &&
    ! bash "$SUITE_ROOT/scripts/stack/status.sh" >/dev/null 2>&1; then
    suite_log "bench $kind: starting the local stack (stopped again when the bench ends)"
    trap 'bash "$SUITE_ROOT/scripts/stack/stack.sh" down >/dev/null 2>&1 || true' EXIT
    bash "$SUITE_ROOT/scripts/stack/stack.sh" up >/dev/null
  fi
  suite_build_when_stale "the benchmarks" bench/LambdaSuite.Bench "$SUITE_BENCH_DLL" bench cli harness shared functions
  suite_use_stack_env
  (cd "$SUITE_ROOT" && dotnet "$SUITE_BENCH_DLL" "$@")
}
