// Builds the browser files of the package from the Emscripten glue and the TypeScript sources:
//   dist/worklet.js  the AudioWorklet module: worklet/processor.ts + the glue, one file without imports
//   dist/browser.js  the browser entry: js/browser.ts + the glue + the worklet's text, one file without imports
//   dist/compat.js   csound-wasm/compat (js/compat.ts), importing only ./browser.js
// The glue is the same build as dist/csound-engine.cjs with its Node branches removed, so neither file names a
// Node module (bundlers that target browsers refuse those) and both load in any bundler or straight from a page.
// The wasm stays one file, dist/csound-engine.wasm, found next to dist/browser.js.
// Usage: node scripts/build-browser.mjs   (after the glue is in dist/ and tsc has run; scripts/build.sh does both)
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');

/** The glue as an ES module for browsers: ENVIRONMENT_IS_NODE is false, so the minifier drops the Node code. */
function webGlue(text) {
  const declaration = 'var ENVIRONMENT_IS_NODE=typeof process=="object"&&typeof process.versions=="object"&&typeof process.versions.node=="string";';
  const exportTail = /\}\)\(\);\s*if \(typeof exports === 'object' && typeof module === 'object'\)[\s\S]*$/;
  const filenameLine = "if (typeof __filename !== 'undefined') _scriptDir = _scriptDir || __filename;";
  for (const [what, found] of [
    ['the ENVIRONMENT_IS_NODE declaration', text.includes(declaration)],
    ['the CommonJS export tail', exportTail.test(text)],
    ['the __filename line', text.includes(filenameLine)],
  ]) {
    // A different Emscripten version writes its glue differently: fail loudly rather than ship Node code.
    if (!found) throw new Error(`build-browser: ${what} is not in the glue; update webGlue() for this Emscripten`);
  }
  return text
    .replace(declaration, '')
    .replace(filenameLine, '')
    .replace(/\bENVIRONMENT_IS_NODE\b/g, 'false')
    // What the minifier cannot prove dead (code after a `throw` in a Node-only socket path) still names modules;
    // no browser has require(), so each such call is unreachable there.
    .replace(/\brequire\("[^"]+"\)/g, 'undefined')
    .replace(exportTail, '})();\nexport default createCsoundEngine;\n');
}

const scratch = mkdtempSync(path.join(os.tmpdir(), 'csound-wasm-browser-'));
try {
  const gluePath = path.join(scratch, 'csound-engine.web.mjs');
  writeFileSync(gluePath, webGlue(readFileSync(path.join(dist, 'csound-engine.cjs'), 'utf8')));
  const glue = {
    name: 'csound-wasm-glue',
    setup(b) {
      b.onResolve({ filter: /^csound-wasm:glue$/ }, () => ({ path: gluePath }));
    },
  };
  const common = {
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    plugins: [glue],
    logLevel: 'warning',
  };
  await build({ ...common, entryPoints: [path.join(root, 'worklet/processor.ts')], outfile: path.join(dist, 'worklet.js') });
  const worklet = readFileSync(path.join(dist, 'worklet.js'), 'utf8');
  await build({
    ...common,
    entryPoints: [path.join(root, 'js/browser.ts')],
    outfile: path.join(dist, 'browser.js'),
    define: { __CSOUND_WASM_WORKLET_SOURCE__: JSON.stringify(worklet) },
  });
  // dist/compat.js, the @csound/browser-shaped API (js/compat.ts): its one import, the public API, becomes an import
  // of ./browser.js, so a page that uses both entries loads one engine and one CsoundError class.
  await build({
    ...common,
    entryPoints: [path.join(root, 'js/compat.ts')],
    outfile: path.join(dist, 'compat.js'),
    plugins: [{
      name: 'csound-wasm-compat',
      setup(b) {
        b.onResolve({ filter: /^\.\/api\.js$/ }, () => ({ path: './browser.js', external: true }));
      },
    }],
  });
  for (const file of ['worklet.js', 'browser.js', 'compat.js']) {
    const text = readFileSync(path.join(dist, file), 'utf8');
    const nodeOnly = /\brequire\(|["'`]node:[a-z_/]+|\bworker_threads\b|__dirname|__filename/.exec(text);
    if (nodeOnly) throw new Error(`build-browser: dist/${file} still holds Node code (${nodeOnly[0]})`);
    // compat.js may import ./browser.js and nothing else.
    const imports = text.replace(/\bimport\s*\{[^}]*\}\s*from\s*"\.\/browser\.js";?/g, file === 'compat.js' ? '' : '$&');
    if (/^\s*import[\s{*]/m.test(imports) || /\bimport\(/.test(imports)) throw new Error(`build-browser: dist/${file} imports a module`);
  }
  // dist/wam.js, csound-wasm/wam (js/wam.ts): the WAM plugin's processor (worklet/wam-processor.ts, no Csound code)
  // is embedded as text, and the public API is imported from ./browser.js, so the plugin adds only its own code.
  const wamProcessor = await build({ ...common, entryPoints: [path.join(root, 'worklet/wam-processor.ts')], write: false });
  await build({
    ...common,
    entryPoints: [path.join(root, 'js/wam.ts')],
    outfile: path.join(dist, 'wam.js'),
    define: { __CSOUND_WASM_WAM_PROCESSOR_SOURCE__: JSON.stringify(wamProcessor.outputFiles[0].text) },
    plugins: [{
      name: 'csound-wasm-wam',
      setup(b) {
        b.onResolve({ filter: /^\.\/api\.js$/ }, () => ({ path: './browser.js', external: true }));
      },
    }],
  });
  const wam = readFileSync(path.join(dist, 'wam.js'), 'utf8');
  const wamImports = wam.replace(/\bimport\s*\{[^}]*\}\s*from\s*"\.\/browser\.js";?/g, '');
  if (/\brequire\(|["'`]node:[a-z_/]+|__dirname/.test(wam) || /^\s*import[\s{*]/m.test(wamImports) || /\bimport\(/.test(wamImports)) {
    throw new Error('build-browser: dist/wam.js may import ./browser.js and nothing else');
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
