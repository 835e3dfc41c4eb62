#!/usr/bin/env bash
# Builds the wasm engine (CMake superbuild) and the TypeScript facade into dist/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/setup-system.sh build
# Debian's emscripten tools need Debian's node modules (acorn) on NODE_PATH.
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
build=${CSOUND_WASM_BUILD_DIR:-$root/build}
if [ ! -f "$build/CMakeCache.txt" ]; then
  emcmake cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$build" -j"$(nproc)"
rm -rf dist && mkdir -p dist  # generated only: stale files of an older layout must not linger
cp "$build/csound-engine.js" dist/csound-engine.cjs
cp "$build/csound-engine.wasm" dist/csound-engine.wasm
if [ ! -x node_modules/.bin/tsc ]; then npm install --no-audit --no-fund >/dev/null; fi
node_modules/.bin/tsc -p tsconfig.json
node_modules/.bin/tsc -p tsconfig.browser.json
# dist/browser.js and dist/worklet.js: self-contained browser files (glue, facade, worklet) made with esbuild.
node scripts/build-browser.mjs
