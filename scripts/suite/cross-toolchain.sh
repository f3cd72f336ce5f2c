#!/usr/bin/env bash
# Installs what a Native AOT publish for the other Lambda architecture needs on this Debian machine, and the
# emulator that runs an arm64 bootstrap on an x64 host: clang drives the link of the ILCompiler's output (the AOT
# targets ask for the bfd linker, so lld is installed as the issue asked but not used), llvm-objcopy strips it, the
# aarch64 cross gcc/binutils/libc6-dev give the linker its arm64 crt files, libgcc, libc and ld (Debian's
# cross packages are not a sysroot, so no SysRoot property is passed), qemu-user-static runs the result
# (`qemu-aarch64-static -L /usr/aarch64-linux-gnu ./bootstrap`; these machines have no binfmt).
# An arm64 bootstrap also loads the arm64 OpenSSL at run time (.NET's hashing and HMAC go through it), which no cross
# package carries: its two libraries are taken from Debian's libssl3:arm64 package (downloaded, not installed, so
# the host's own libssl3 is left alone) into the cross C library's folder, where the emulated loader looks.
# Touches apt only when something is missing. `--check` prints what is missing and exits 1 if anything is.
set -euo pipefail

case ":$PATH:" in
  *:/usr/sbin:*) ;;
  *) PATH="$PATH:/usr/sbin:/sbin" ;;
esac

have() { command -v "$1" >/dev/null 2>&1; }

# Where Debian's libc6-arm64-cross puts the arm64 C library: `qemu-aarch64-static -L /usr/aarch64-linux-gnu` roots there.
ARM64_LIBS=/usr/aarch64-linux-gnu/lib

die() {
  printf 'cross-toolchain: error: %s\n' "$*" >&2
  exit 1
}

missing_packages() {
  have clang || echo clang
  # StripSymbols: with clang as the linker driver the AOT targets strip with llvm-objcopy (the host's GNU objcopy
  # cannot read an aarch64 ELF); clang does not pull it in.
  have llvm-objcopy || echo llvm
  have ld.lld || echo lld
  have aarch64-linux-gnu-gcc || echo gcc-aarch64-linux-gnu
  have aarch64-linux-gnu-objcopy || echo binutils-aarch64-linux-gnu
  [[ -f /usr/aarch64-linux-gnu/lib/libc.so.6 && -f /usr/aarch64-linux-gnu/lib/crt1.o ]] || echo libc6-dev-arm64-cross
  have qemu-aarch64-static || echo qemu-user-static
  if [[ "$(uname -m)" == "x86_64" ]]; then
    [[ -f "$ARM64_LIBS/libssl.so.3" && -f "$ARM64_LIBS/libcrypto.so.3" ]] || echo libssl3:arm64
  fi
  # x86_64 from an arm64 host: the mirror image, for developers on Graviton or Apple silicon under Linux.
  if [[ "$(uname -m)" == "aarch64" ]]; then
    have x86_64-linux-gnu-gcc || echo gcc-x86-64-linux-gnu
    have x86_64-linux-gnu-objcopy || echo binutils-x86-64-linux-gnu
    [[ -f /usr/x86_64-linux-gnu/lib/libc.so.6 ]] || echo libc6-dev-amd64-cross
  fi
}

# libssl3:arm64 is unpacked, not installed: installing it would force the host's libssl3 to the same version.
copy_arm64_openssl() {
  local folder
  folder="$(mktemp -d -t arm64-openssl.XXXXXX)"
  dpkg --print-foreign-architectures | grep -qx arm64 || dpkg --add-architecture arm64
  apt-get -o DPkg::Lock::Timeout=600 -q update &&
    (cd "$folder" && apt-get -q download libssl3:arm64) &&
    dpkg-deb -x "$folder"/libssl3_*_arm64.deb "$folder/unpacked" &&
    cp "$folder"/unpacked/usr/lib/aarch64-linux-gnu/libssl.so.3 "$folder"/unpacked/usr/lib/aarch64-linux-gnu/libcrypto.so.3 "$ARM64_LIBS/"
  local status=$?
  rm -rf "$folder"
  return $status
}

main() {
  local packages log status=0 openssl=false
  mapfile -t packages < <(missing_packages)
  if [[ "${1:-}" == "--check" ]]; then
    ((${#packages[@]} == 0)) && return 0
    printf '%s\n' "${packages[@]}"
    return 1
  fi
  ((${#packages[@]})) || return 0
  [[ $EUID -eq 0 ]] || die "installing ${packages[*]} needs root (apt-get); run this as root or install them by hand"
  if [[ " ${packages[*]} " == *" libssl3:arm64 "* ]]; then
    openssl=true
    mapfile -t packages < <(printf '%s\n' "${packages[@]}" | grep -vx 'libssl3:arm64')
  fi
  log="$(mktemp -t cross-toolchain.XXXXXX.log)"
  printf 'cross-toolchain: installing %s (log: %s)\n' "${packages[*]:-}${packages[*]:+ }$($openssl && echo 'the arm64 OpenSSL libraries')" "$log" >&2
  export DEBIAN_FRONTEND=noninteractive
  {
    if ((${#packages[@]})); then
      apt-get -o DPkg::Lock::Timeout=600 -q update &&
        apt-get -o DPkg::Lock::Timeout=600 -q install -y --no-install-recommends "${packages[@]}"
    fi && if $openssl; then copy_arm64_openssl; fi
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
