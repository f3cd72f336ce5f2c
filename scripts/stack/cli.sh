#!/usr/bin/env bash
# Builds the suite CLI when it is missing or older than its sources, and runs it.
# Sourced after lib.sh.

cli_is_stale() {
  [[ -f "$CLI_DLL" ]] || return 0
  [[ -n "$(find "$REPO_ROOT/cli" "$REPO_ROOT/shared" "$REPO_ROOT/functions" \
    "$REPO_ROOT/Directory.Build.props" "$REPO_ROOT/Directory.Packages.props" \
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

cli_build_wait() {
  [[ -n "$CLI_BUILD_PID" ]] || return 0
  wait "$CLI_BUILD_PID" || {
    tail -n 20 "$LOG_DIR/cli-build.log" >&2
    stack_die "building the suite CLI failed; see $LOG_DIR/cli-build.log"
  }
  CLI_BUILD_PID=""
}

run_cli() { dotnet "$CLI_DLL" "$@"; }
