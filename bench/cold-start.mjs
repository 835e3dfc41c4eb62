// Cold start: how long the first Csound.create() takes in a fresh Node process (wasm compile + instantiate +
// Csound's own set-up), and the process's time until then. Each run is a new process; prints the median and best.
//   node bench/cold-start.mjs [runs=7]
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const entry = path.join(here, '..', 'dist', 'js', 'index.js');
const runs = Number(process.argv[2] ?? 7);

const child = `
const t0 = performance.now();
const { Csound } = await import(${JSON.stringify(entry)});
const t1 = performance.now();
const cs = await Csound.create({ messages: 'none' });
const t2 = performance.now();
cs.destroy();
console.log(JSON.stringify({ importMs: t1 - t0, createMs: t2 - t1, sinceStartMs: t2 }));
`;

const samples = [];
for (let i = 0; i < runs; i++) {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', child], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`run ${i} failed:\n${r.stderr}`);
  samples.push(JSON.parse(r.stdout.trim().split('\n').pop()));
}
const median = (key) => {
  const v = samples.map((s) => s[key]).sort((a, b) => a - b);
  return v[Math.floor(v.length / 2)];
};
const best = (key) => Math.min(...samples.map((s) => s[key]));
console.log(`cold start over ${runs} fresh processes (median / best, ms):`);
console.log(`  first Csound.create(): ${median('createMs').toFixed(1)} / ${best('createMs').toFixed(1)}`);
console.log(`  process start to instance ready: ${median('sinceStartMs').toFixed(1)} / ${best('sinceStartMs').toFixed(1)}`);
