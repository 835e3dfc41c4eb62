#!/usr/bin/env bash
# Installs the system packages the build and the tests need, only when something is missing.
#   scripts/setup-system.sh build   -> toolchain for the wasm build (emscripten, binaryen, bison, flex, cmake) and
#                                      the gmm++ headers of the linear-algebra opcodes (header-only)
#   scripts/setup-system.sh test    -> the above plus native Csound (reference renders) with Debian's plugin
#                                      collection (csound-plugins: the reference of the plugin opcodes; stk for
#                                      the rawwaves its STK opcodes read, /usr/share/stk/rawwaves) and General
#                                      MIDI SoundFont (csound-soundfont), Chromium and Firefox ESR (browser tests), gcc
#                                      (the native side of tests/node/libm.test.ts), and g++ and libsndfile1-dev
#                                      (scripts/build-native-reference.sh, npm run test:reference)
# The deb-src entry needed by `apt-get source` is derived from the machine's own configured Debian sources.
# apt-get's output goes to the log of scripts/lib/output.sh (build/logs/setup.log when run on its own);
# CSOUND_WASM_VERBOSE=1 shows it instead.
set -euo pipefail
what=${1:-build}
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib/output.sh"
out_init setup setup

need=()
have() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
pkgs=(emscripten binaryen bison flex cmake xz-utils dpkg-dev libgmm-dev)
if [ "$what" = test ]; then
  pkgs+=(csound csound-plugins stk csound-soundfont libcsound64-dev chromium firefox-esr gcc g++ libc6-dev libsndfile1-dev)
fi
for p in "${pkgs[@]}"; do have "$p" || need+=("$p"); done

src_list=/etc/apt/sources.list.d/csound-wasm-deb-src.sources
updated=0
if [ ! -f "$src_list" ]; then
  stage "adding deb-src entries for apt-get source ($src_list)"
  # Copy every "Types: deb" stanza of the system's deb822 sources as "Types: deb-src".
  shopt -s nullglob
  for f in /etc/apt/sources.list.d/*.sources; do
    [ "$f" = "$src_list" ] && continue
    grep -q 'debian' "$f" || continue
    awk 'BEGIN{RS=""; ORS="\n\n"} /(^|\n)Types:[^\n]*deb/ && /debian/ {sub(/Types:[^\n]*/, "Types: deb-src"); print}' "$f"
  done > "$src_list.tmp"
  if [ -f /etc/apt/sources.list ]; then
    grep -E '^deb ' /etc/apt/sources.list | grep debian | sed 's/^deb /deb-src /' > /etc/apt/sources.list.d/csound-wasm-deb-src.list || true
  fi
  if [ -s "$src_list.tmp" ]; then mv "$src_list.tmp" "$src_list"; else rm -f "$src_list.tmp"; : > "$src_list"; fi
  need+=(__update__)
fi

if [ ${#need[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || { echo "setup-system: need root to install: ${need[*]}" >&2; exit 1; }
  export DEBIAN_FRONTEND=noninteractive
  stage "updating the package lists (apt-get update)"
  quiet apt-get update
  updated=1
  real=()
  for p in "${need[@]}"; do [ "$p" = __update__ ] || real+=("$p"); done
  if [ ${#real[@]} -gt 0 ]; then
    stage "installing packages: ${real[*]}"
    quiet apt-get install -y --no-install-recommends "${real[@]}"
  fi
fi
exit 0
