// Bundles the CLI (dist/js/cli.js, as tsc wrote it, and the modules it imports) into that one file, in place: Node
// then loads one module instead of some twenty, ≈20 ms less before the CLI starts working. The bundle stays in
// dist/js/, so the paths it resolves from import.meta.url (../csound-engine.wasm, ../csound-engine.cjs,
// ./performer-node-worker.js) are the same. node-web-audio-api stays an import (an optional peer dependency).
// Usage: node scripts/bundle-cli.mjs   (after tsc; scripts/build.sh runs it)
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist', 'js', 'cli.js');
await build({
  entryPoints: [cli],
  outfile: cli,
  allowOverwrite: true,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['node-web-audio-api'],
  logLevel: 'warning',
});
