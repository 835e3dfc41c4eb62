#!/usr/bin/env bash
# npm start: install what is missing, build, render examples/hello.csd to examples/hello.wav, then serve the
# playground page (web/) on localhost with the headers that make it cross-origin isolated.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
[ -d node_modules ] || npm install --no-audit --no-fund
bash scripts/build.sh
node examples/render.mjs examples/hello.csd examples/hello.wav
echo "serving the playground (Ctrl+C stops it): open the Local URL below in Chromium or Chrome"
exec node_modules/.bin/vite --config web/vite.config.ts "$@"
