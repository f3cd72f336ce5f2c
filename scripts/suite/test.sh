#!/usr/bin/env bash
# ./suite test: installs what is missing, builds, publishes the AOT bootstraps (process tests run them),
# starts the local stack (or uses AWS_ENDPOINT_URL, e.g. LocalStack, for the AWS services), runs every test
# project, stops what it started, and ends with one plain line "N passed, N failed".
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$SUITE_ROOT"

filter=()
# Where the moto-backed tests find AWS: native (the stack's moto; the default, so CI needs no Docker) or localstack
# (a container that Testcontainers' LocalStack module starts; --image picks it, e.g. the locally built suite/moto:local).
emulator=native
image=""
while (($#)); do
  case "$1" in
    --filter)
      [[ -n "${2:-}" ]] || suite_die "--filter needs an expression, e.g. --filter 'Category!=Integration'"
      filter=(--filter "$2")
      shift 2
      ;;
    --emulator)
      [[ "${2:-}" == native || "${2:-}" == localstack ]] || suite_die "--emulator takes native (the local stack's moto, the default) or localstack (a container started through Testcontainers)"
      emulator="$2"
      shift 2
      ;;
    --image)
      [[ -n "${2:-}" ]] || suite_die "--image needs an image name, e.g. --image suite/moto:local"
      image="$2"
      shift 2
      ;;
    *) suite_die "unknown option $1; use [--filter EXPR] [--emulator native|localstack] [--image IMAGE]" ;;
  esac
done
[[ -z "$image" || "$emulator" == localstack ]] || suite_die "--image is only used with --emulator localstack"

suite_require_dotnet
started=$(date +%s)
suite_log "installing the local stack's servers (when missing)"
if [[ -n "${AWS_ENDPOINT_URL:-}" ]]; then
  bash scripts/stack/install.sh --no-aws
else
  bash scripts/stack/install.sh
fi

suite_log "installing the cross toolchain and qemu (when missing)"
bash scripts/suite/cross-toolchain.sh

suite_log "building the solution"
dotnet build LambdaSuite.slnx -c Release -nologo -v:q -clp:ErrorsOnly

# The process tests run every function's bootstrap on this machine, so those are built for its architecture.
# One function is also built for the other architecture and run under qemu (Cli.Tests' cross-architecture
# bootstrap test), so the arm64 build Lambda runs by default is exercised here too, without paying for four.
suite_log "publishing each function's Native AOT bootstrap for this machine"
dotnet "$SUITE_CLI_DLL" package --arch host
if [[ "$(uname -m)" == "aarch64" ]]; then
  cross_architecture=x86_64
else
  cross_architecture=arm64
fi
suite_log "publishing SesFeedback's Native AOT bootstrap for $cross_architecture (run under qemu by the tests)"
dotnet "$SUITE_CLI_DLL" package --arch "$cross_architecture" --function SesFeedback

stopped=false
stop_stack() {
  $stopped && return 0
  stopped=true
  bash scripts/stack/stack.sh down >/dev/null 2>&1 || true
  # Stops dockerd only when docker-engine.sh started it for this run.
  [[ "$emulator" == native ]] || bash scripts/stack/containers/docker-engine.sh stop || true
}
trap stop_stack EXIT
if [[ "$emulator" == localstack ]]; then
  suite_log "starting the Docker engine (when none answers) for the emulator container"
  bash scripts/stack/containers/docker-engine.sh start
  eval "$(bash scripts/stack/containers/docker-engine.sh env)"
  if [[ "$image" == suite/moto:local ]] && ! docker image inspect "$image" >/dev/null 2>&1; then
    suite_log "building $image from this machine's moto (no registry needed)"
    bash scripts/stack/containers/build-moto-image.sh "$image"
  fi
  export SUITE_AWS_EMULATOR=localstack
  # Without --image the fixture's default LocalStack tag applies (AwsEmulatorSettings.DefaultLocalStackImage).
  [[ -z "$image" ]] || export SUITE_AWS_EMULATOR_IMAGE="$image"
  suite_log "the moto-backed tests run against ${image:-LocalStack}, started and stopped through Testcontainers"
fi
suite_log "starting the local stack"
bash scripts/stack/stack.sh up >/dev/null
# shellcheck disable=SC1091
source .stack/env

suite_log "running the tests"
log=artifacts/test-results.log
mkdir -p artifacts
status=0
results=artifacts/test-results
rm -rf "$results"
dotnet test LambdaSuite.slnx -c Release --no-build -nologo "${filter[@]}" --logger trx --results-directory "$results" 2>&1 \
  | tee "$log" || status=$?
stop_stack

# Sum the runners' closing lines ("Passed!  - Failed: 0, Passed: 73, ...") over every test project.
read -r passed failed projects < <(awk '
  /(Passed|Failed)! +- +Failed:/ {
    for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1) }
    n++
  }
  # With --filter, a project holding no matching test says so and has run: zero tests, not a crash.
  /No test matches the given testcase filter/ { n++ }
  END { printf "%d %d %d\n", p, f, n }' FS='[ ,]+' "$log")
expected=$(find tests -name '*.Tests.csproj' | wc -l)
if ((projects < expected)); then
  printf 'suite: %d of %d test projects printed no result (crashed or did not run); counted as failures\n' \
    $((expected - projects)) "$expected" >&2
  failed=$((failed + expected - projects))
fi
if ((status != 0 && failed == 0)); then
  echo "suite: dotnet test exited $status with no failed test; counted as one failure" >&2
  failed=1
fi
# The tests that run against the third-party emulator (their classes are named *Moto*), counted from the runners' results.
python3 scripts/suite/count-tests.py "$results" Moto >&2 || true
printf 'took %ds\n' $(($(date +%s) - started)) >&2
echo "$passed passed, $failed failed"
((failed == 0))
