// Vite serves and builds the playground (web/). The page imports the package by its name, 'csound-wasm', as an
// app would; here the name is an alias of the built package's browser entry (dist/browser.js), since the repo
// does not install itself. The package needs nothing else from Vite: its wasm is a `new URL(…, import.meta.url)`
// asset that Vite serves in dev and copies in the build, and its AudioWorklet is embedded. The only setting an
// app must add is the two headers that make the page cross-origin isolated (the audio thread shares the engine's
// memory), for the dev server and for `vite preview`.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const webRoot = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(webRoot, '..');
const packageEntry = path.join(repoRoot, 'dist', 'browser.js');

export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

if (!existsSync(packageEntry)) {
  throw new Error(`${path.relative(repoRoot, packageEntry)} is missing: build the package first (npm run build)`);
}

export default defineConfig({
  root: webRoot,
  base: './',
  clearScreen: false,
  resolve: { alias: { 'csound-wasm': packageEntry } },
  server: {
    host: 'localhost',
    headers: ISOLATION_HEADERS,
    fs: { allow: [webRoot, path.dirname(packageEntry)] },
  },
  preview: { host: 'localhost', headers: ISOLATION_HEADERS },
  build: {
    outDir: path.join(webRoot, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
  },
});
