// Vite serves and builds the playground (web/). The page imports the package by its name, 'csound-wasm', and
// gets the built package (dist/) exactly as published: the package finds its glue, wasm and worklet next to
// itself with `new URL('../…', import.meta.url)`, which bundling would break. So:
//   - dev server: 'csound-wasm' is an alias of dist/js/index.js, excluded from dependency pre-bundling;
//   - production build: 'csound-wasm' stays an external import of ./csound-wasm/js/index.js, and dist's runtime
//     files are copied there unchanged.
// Both the dev server and `vite preview` send the two headers that make the page cross-origin isolated, which
// the audio thread needs to share the engine's memory.
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const webRoot = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(webRoot, '..');
const packageDist = path.join(repoRoot, 'dist');
const packageEntry = path.join(packageDist, 'js', 'index.js');
/** Where the production build puts the package, relative to the page. */
const PACKAGE_DIR = 'csound-wasm';

export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

function requireBuiltPackage(): void {
  if (!existsSync(packageEntry)) {
    throw new Error(`${path.relative(repoRoot, packageEntry)} is missing: build the package first (npm run build)`);
  }
}

/** Copies what the package loads at run time in a browser (not the Node-only glue, the CLI or type files). */
function copyPackage(outDir: string): void {
  const target = path.join(outDir, PACKAGE_DIR);
  for (const sub of ['js', 'worklet']) {
    mkdirSync(path.join(target, sub), { recursive: true });
    for (const file of readdirSync(path.join(packageDist, sub))) {
      if (file.endsWith('.js') && file !== 'cli.js') copyFileSync(path.join(packageDist, sub, file), path.join(target, sub, file));
    }
  }
  for (const file of ['csound-engine.mjs', 'csound-engine.wasm']) copyFileSync(path.join(packageDist, file), path.join(target, file));
}

function csoundWasmPackage(): Plugin {
  let outDir = '';
  return {
    name: 'csound-wasm-package',
    configResolved(config) {
      requireBuiltPackage();
      outDir = config.build.outDir;
    },
    writeBundle() {
      copyPackage(outDir);
    },
  };
}

/** The dev server's route to the package (the build keeps it external instead). */
function aliases(command: 'serve' | 'build'): Record<string, string> {
  return command === 'serve' ? { 'csound-wasm': packageEntry } : {};
}

export default defineConfig(({ command }) => ({
  root: webRoot,
  base: './',
  clearScreen: false,
  resolve: {
    alias: aliases(command),
  },
  optimizeDeps: {
    exclude: ['csound-wasm'],
  },
  server: {
    host: 'localhost',
    headers: ISOLATION_HEADERS,
    fs: { allow: [webRoot, packageDist] },
  },
  preview: {
    host: 'localhost',
    headers: ISOLATION_HEADERS,
  },
  build: {
    outDir: path.join(webRoot, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: {
      external: ['csound-wasm'],
      // The page's chunks live in assets/; the package sits next to them, unbundled.
      output: { paths: { 'csound-wasm': `../${PACKAGE_DIR}/js/index.js` } },
    },
  },
  plugins: [csoundWasmPackage()],
}));
