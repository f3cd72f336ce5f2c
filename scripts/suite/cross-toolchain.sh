#!/usr/bin/env bash
# Installs what a Native AOT publish for the other Lambda architecture needs on this Debian machine, and the
# emulator that runs an arm64 bootstrap on an x64 host: clang and lld link the ILCompiler's output, the
# aarch64 cross gcc/binutils/libc6-dev give the linker its arm64 crt files, libgcc, libc and objcopy (Debian's
# cross packages are not a sysroot, so no SysRoot property is passed), qemu-user-static runs the result
# (`qemu-aarch64-static -L /usr/aarch64-linux-gnu ./bootstrap`; these machines have no binfmt).
# Touches apt only when something is missing. `--check` prints the missing packages and exits 1 if any.
set -euo pipefail

case ":$PATH:" in
  *:/usr/sbin:*) ;;
  *) PATH="$PATH:/usr/sbin:/sbin" ;;
esac

have() { command -v "$1" >/dev/null 2>&1; }

die() {
  printf 'cross-toolchain: error: %s\n' "$*" >&2
  exit 1
}

missing_packages() {
  have clang || echo clang
  have ld.lld || echo lld
  have aarch64-linux-gnu-gcc || echo gcc-aarch64-linux-gnu
  have aarch64-linux-gnu-objcopy || echo binutils-aarch64-linux-gnu
  [[ -f /usr/aarch64-linux-gnu/lib/libc.so.6 && -f /usr/aarch64-linux-gnu/lib/crt1.o ]] || echo libc6-dev-arm64-cross
  have qemu-aarch64-static || echo qemu-user-static
  # x86_64 from an arm64 host: the mirror image, for developers on Graviton or Apple silicon under Linux.
  if [[ "$(uname -m)" == "aarch64" ]]; then
    have x86_64-linux-gnu-gcc || echo gcc-x86-64-linux-gnu
    have x86_64-linux-gnu-objcopy || echo binutils-x86-64-linux-gnu
    [[ -f /usr/x86_64-linux-gnu/lib/libc.so.6 ]] || echo libc6-dev-amd64-cross
  fi
}

main() {
  local packages log status=0
  mapfile -t packages < <(missing_packages)
  if [[ "${1:-}" == "--check" ]]; then
    ((${#packages[@]} == 0)) && return 0
    printf '%s\n' "${packages[@]}"
    return 1
  fi
  ((${#packages[@]})) || return 0
  [[ $EUID -eq 0 ]] || die "installing ${packages[*]} needs root (apt-get); run this as root or install them by hand"
  log="$(mktemp -t cross-toolchain.XXXXXX.log)"
  printf 'cross-toolchain: apt-get install %s (log: %s)\n' "${packages[*]}" "$log" >&2
  export DEBIAN_FRONTEND=noninteractive
  {
    apt-get -o DPkg::Lock::Timeout=600 -q update &&
      apt-get -o DPkg::Lock::Timeout=600 -q install -y --no-install-recommends "${packages[@]}"
  } >>"$log" 2>&1 || status=$?
  if ((status != 0)); then
    tail -n 20 "$log" >&2
    die "apt-get failed (exit $status); see $log"
  fi
  mapfile -t packages < <(missing_packages)
  ((${#packages[@]} == 0)) || die "installed, yet still missing: ${packages[*]}"
  rm -f "$log"
}

main "$@"
