#!/usr/bin/env bash
# npm start: install what is missing, build, render examples/hello.csd to examples/hello.wav, then serve the
# playground page (web/) on localhost with the headers that make it cross-origin isolated.
# The set-up and the build print one line per stage (full output: build/logs/build.log; see scripts/lib/output.sh).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
source scripts/lib/output.sh
out_init start build
if [ ! -d node_modules ]; then
  stage "installing npm packages"
  quiet npm install --no-audit --no-fund
fi
bash scripts/build.sh
node examples/render.mjs examples/hello.csd examples/hello.wav
echo "serving the playground (Ctrl+C stops it): open the Local URL below in Chromium or Chrome"
exec node_modules/.bin/vite --config web/vite.config.ts "$@"
