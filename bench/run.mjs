// npm run bench: csound-wasm against native Csound (Debian's csound command), measured in the same run.
// Ratios are what matter: the machines are shared and noisy, so absolute times vary between runs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { Csound } from '../dist/js/index.js';
import { voicesCsd } from './voices.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const cli = path.join(here, '..', 'dist', 'js', 'cli.js');
const work = mkdtempSync(path.join(tmpdir(), 'csound-wasm-bench-'));
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);

function best(fn) {
  let min = Infinity;
  for (let i = 0; i < REPEATS; i++) {
    const t0 = performance.now();
    fn();
    min = Math.min(min, performance.now() - t0);
  }
  return min;
}

async function bestAsync(fn) {
  let min = Infinity;
  for (let i = 0; i < REPEATS; i++) {
    const t0 = performance.now();
    await fn();
    min = Math.min(min, performance.now() - t0);
  }
  return min;
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: work, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.stderr.slice(-2000)}`);
}

/** In-process render with the API: the engine's own time, without process start-up. */
async function apiRender(csdPath, outputArgs) {
  const csound = await Csound.create({ messages: 'none' });
  csound.writeFile('/b/in.csd', readFileSync(csdPath));
  const t0 = performance.now();
  csound.compile(...outputArgs, '/b/in.csd');
  while (csound.performKsmpsBlock(256) === 0) {
    // render
  }
  csound.cleanup();
  const ms = performance.now() - t0;
  csound.destroy();
  return ms;
}

const rows = [];
function report(name, wasmMs, nativeMs, note = '') {
  rows.push({ name, wasmMs, nativeMs, ratio: wasmMs / nativeMs, note });
}

const short = path.join(work, 'voices10.csd');
const long = path.join(work, 'voices60.csd');
writeFileSync(short, voicesCsd(10));
writeFileSync(long, voicesCsd(60));

// Warm the compiled module once so the first measurement does not include wasm compilation.
await apiRender(short, ['-n']);

report(
  '10 s 3-voice vco2+moogladder, -n (command line, incl. start-up)',
  best(() => run(process.execPath, [cli, '-n', short])),
  best(() => run('csound', ['-n', short])),
);
report(
  '10 s 3-voice, -n (in process: API vs csound command)',
  await bestAsync(() => apiRender(short, ['-n'])),
  best(() => run('csound', ['-n', short])),
  'native includes its process start-up',
);
const wasmFile = best(() => run(process.execPath, [cli, '-W', '-o', path.join(work, 'w.wav'), long]));
const wasmNull = best(() => run(process.execPath, [cli, '-n', long]));
const nativeFile = best(() => run('csound', ['-W', '-o', path.join(work, 'n.wav'), long]));
const nativeNull = best(() => run('csound', ['-n', long]));
report('60 s 3-voice to WAV file (command line)', wasmFile, nativeFile);
report('60 s 3-voice, -n (command line)', wasmNull, nativeNull);
const wasmMemFile = await bestAsync(() => apiRender(long, ['-W', '-o', '/b/out.wav']));
const wasmMemNull = await bestAsync(() => apiRender(long, ['-n']));

const first = performance.now();
const created = await Csound.create({ messages: 'none' });
const createMs = performance.now() - first;
created.destroy();

const wasmBytes = readFileSync(path.join(here, '..', 'dist', 'csound-engine.wasm'));

console.log('\ncsound-wasm vs native Csound (best of %d runs each, same run)\n', REPEATS);
console.log('| case | csound-wasm ms | native ms | ratio |');
console.log('|---|---:|---:|---:|');
for (const r of rows) {
  console.log(`| ${r.name} | ${r.wasmMs.toFixed(0)} | ${r.nativeMs.toFixed(0)} | ${r.ratio.toFixed(2)}× |`);
}
console.log('\nWriting a file vs -n (60 s):');
console.log(`  csound-wasm CLI (host file): ${(wasmFile / wasmNull).toFixed(2)}×   native: ${(nativeFile / nativeNull).toFixed(2)}×`);
console.log(`  csound-wasm API (in-memory file): ${(wasmMemFile / wasmMemNull).toFixed(2)}× (${wasmMemFile.toFixed(0)} vs ${wasmMemNull.toFixed(0)} ms)`);
console.log(`\nnew instance (module already compiled): ${createMs.toFixed(1)} ms`);
console.log(`wasm size: ${wasmBytes.length} bytes raw, ${gzipSync(wasmBytes, { level: 9 }).length} bytes gzip`);
console.log(`output sizes: wasm ${statSync(path.join(work, 'w.wav')).size}, native ${statSync(path.join(work, 'n.wav')).size} bytes`);
rmSync(work, { recursive: true, force: true });
