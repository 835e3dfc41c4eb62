#!/usr/bin/env bash
# npm start: install what is missing, build, and render examples/hello.csd to examples/hello.wav.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
[ -d node_modules ] || npm install --no-audit --no-fund
bash scripts/build.sh
node examples/render.mjs examples/hello.csd examples/hello.wav
