#!/usr/bin/env bash
# npm run build:web: the playground's production build in web/dist/, a static site. The page must be served with
# the COOP/COEP headers (npm run preview:web does); see web/vite.config.ts.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
[ -d node_modules ] || npm install --no-audit --no-fund
[ -f dist/js/index.js ] || bash scripts/build.sh
node_modules/.bin/tsc -p web/tsconfig.json
node_modules/.bin/vite build --config web/vite.config.ts
