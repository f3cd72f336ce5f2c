#!/usr/bin/env bash
# Builds the suite CLI when it is missing or older than what `stack tables` is made of, and runs it.
# Sourced after lib.sh.

# Only the sources behind `stack tables` count: a half-edited function elsewhere must not block `up`.
cli_is_stale() {
  [[ -f "$CLI_DLL" ]] || return 0
  [[ -n "$(find "$REPO_ROOT/cli/LambdaSuite.Cli" "$REPO_ROOT/shared/LambdaSuite.Data" "$REPO_ROOT/shared/LambdaSuite.Aws" \
    "$REPO_ROOT/Directory.Build.props" "$REPO_ROOT/Directory.Packages.props" \
    -path '*/obj' -prune -o -path '*/bin' -prune -o \
    \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' \) -newer "$CLI_DLL" -print -quit 2>/dev/null)" ]]
}

# cli_build_start: starts the build in the background (servers come up meanwhile); sets CLI_BUILD_PID.
# No build servers: they would outlive the script holding its output and lock descriptors.
CLI_BUILD_PID=""
cli_build_start() {
  cli_is_stale || return 0
  have dotnet || stack_die "dotnet is not on PATH; the stack's tables are created through the suite CLI"
  mkdir -p "$LOG_DIR"
  stack_log "building the suite CLI (log: $LOG_DIR/cli-build.log)"
  (cd "$REPO_ROOT" && exec dotnet build cli/LambdaSuite.Cli -c Release -nologo -v:q \
    -nodeReuse:false -p:UseSharedCompilation=false 9>&-) >"$LOG_DIR/cli-build.log" 2>&1 </dev/null &
  CLI_BUILD_PID=$!
}

# cli_build_wait: a failed build falls back to an existing CLI (with a warning); none at all is fatal.
cli_build_wait() {
  [[ -n "$CLI_BUILD_PID" ]] || return 0
  local status=0
  wait "$CLI_BUILD_PID" || status=$?
  CLI_BUILD_PID=""
  ((status == 0)) && return 0
  tail -n 20 "$LOG_DIR/cli-build.log" >&2
  [[ -f "$CLI_DLL" ]] || stack_die "building the suite CLI failed; see $LOG_DIR/cli-build.log"
  stack_log "warning: building the suite CLI failed (see $LOG_DIR/cli-build.log); using the previous build"
}

run_cli() { dotnet "$CLI_DLL" "$@"; }
