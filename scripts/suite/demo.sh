#!/usr/bin/env bash
# ./suite demo: installs what is missing, publishes each function's AOT bootstrap, starts the local stack,
# runs every function end to end on realistic events and shows the resulting state, then stops the stack.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$SUITE_ROOT"

suite_require_dotnet
suite_log "installing the local stack's servers (when missing)"
bash scripts/stack/install.sh
suite_build_cli
suite_build_demo
suite_log "publishing each function's Native AOT bootstrap for this machine"
# The demo runs the bootstraps here, so it builds this machine's architecture (`package` alone builds the
# template's default, arm64).
dotnet "$SUITE_CLI_DLL" package --arch host
trap 'bash scripts/stack/stack.sh down >/dev/null 2>&1 || true' EXIT
suite_log "starting the local stack"
bash scripts/stack/stack.sh up >/dev/null
# shellcheck disable=SC1091
source .stack/env
suite_log "running the demo"
dotnet "$SUITE_DEMO_DLL" demo
