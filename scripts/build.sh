#!/usr/bin/env bash
# Builds the wasm engine (CMake superbuild) and the TypeScript facade into dist/.
# Prints one line per stage; the full output is in build/logs/build.log (scripts/lib/output.sh), and
# CSOUND_WASM_VERBOSE=1 prints it all instead.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
source scripts/lib/output.sh
out_init build build
bash scripts/setup-system.sh build
# Debian's emscripten tools need Debian's node modules (acorn) on NODE_PATH.
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
build=${CSOUND_WASM_BUILD_DIR:-$root/build}
# Where STK comes from (cmake/Plugins.cmake says it when it configures): Debian's source package, the shared copy
# when that download fails, or nothing (a build without the STK opcodes).
stk_note='/^-- (STK 4\.6\.2 from|without STK)/ { print prefix ": " substr($0, 4); fflush() }'
if [ ! -f "$build/CMakeCache.txt" ]; then
  stage "configuring (the first time, this fetches the pinned Debian source packages)"
  quiet_staged "$stk_note" emcmake cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release
fi

# The superbuild's stages, read from its output: each ExternalProject (a dependency) when it starts, then the
# libraries of this project and the engine's link. An up-to-date build prints none of them.
dependencies=$( (grep -l "Creating directories for '" "$build"/CMakeFiles/*.dir/build.make 2>/dev/null || true) | wc -l)
superbuild_stages='
function say(text) { print prefix ": " text; fflush() }
function label(name) {
  if (name == "sndfile_ext") return "libsndfile"
  if (name == "csound_ext") return "Csound (the longest step)"
  if (name == "csound_plugins_ext") return "csound-plugins (unpacking)"
  if (name == "eigen_ext") return "Eigen (unpacking)"
  if (name == "zlib_ext") return "zlib (unpacking)"
  if (name == "png_ext") return "libpng (unpacking, Debian patches)"
  if (name == "lame_ext") return "LAME (unpacking)"
  if (name == "glibc_src") return "glibc maths sources (unpacking)"
  if (name == "stk_ext") return "STK (unpacking)"
  return name
}
/Creating directories for \047/ {
  name = $0; sub(/.*Creating directories for \047/, "", name); sub(/\047.*/, "", name)
  if (!(name in seen)) { seen[name] = 1; say("dependency " (++n) "/" total " " label(name)) }
  next
}
/CMakeFiles\/glibm\.dir\// { if (!glibm++) say("glibc maths functions") }
/CMakeFiles\/wasm_(zlib|png|lame)\.dir\// { if (!codecs++) say("zlib, libpng and LAME") }
/CMakeFiles\/wasm_stk\.dir\// { if (!stk++) say("STK instrument classes") }
/CMakeFiles\/plugin_[A-Za-z0-9_]+\.dir\// { if (!plugins++) say("plugin opcodes") }
/CMakeFiles\/stdutil\.dir\// { if (!stdutil++) say("Csound utilities") }
/CMakeFiles\/csound-engine\.dir\// { if (!glue++) say("the engine glue (cpp/)") }
/Linking CXX executable csound-engine\.js/ { say("linking the engine") }
'
stage "compiling (CMake superbuild, $(nproc) jobs)"
quiet_staged "BEGIN { total = $dependencies } $superbuild_stages $stk_note" cmake --build "$build" -j"$(nproc)"

stage "copying the engine into dist/"
rm -rf dist && mkdir -p dist  # generated only: stale files of an older layout must not linger
cp "$build/csound-engine.js" dist/csound-engine.cjs
cp "$build/csound-engine.wasm" dist/csound-engine.wasm
# STK's rawwaves, read on the first access by an STK instrument (js/stk-rawwaves.ts); absent in a build without STK.
[ ! -f "$build/stk-rawwaves.bin" ] || cp "$build/stk-rawwaves.bin" dist/stk-rawwaves.bin
if [ ! -x node_modules/.bin/tsc ]; then
  stage "installing npm packages"
  quiet npm install --no-audit --no-fund
fi
stage "TypeScript"
quiet node_modules/.bin/tsc -p tsconfig.json
quiet node_modules/.bin/tsc -p tsconfig.browser.json
quiet node scripts/bundle-cli.mjs
# dist/browser.js and dist/worklet.js: self-contained browser files (glue, facade, worklet) made with esbuild.
stage "browser bundle"
quiet node scripts/build-browser.mjs
