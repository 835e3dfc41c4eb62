// The wasm module's maths functions must return glibc's bits. Native reference: cpp/libm_probe.c compiled here with
// the host's gcc and run against the machine's glibc, with GLIBC_TUNABLES selecting glibc's baseline (SSE2) code
// (tests/native-glibc.ts); the same probe table is compiled into the wasm module. For every function, at least
// 10^6 seeded arguments (the ranges Csound uses, wide and random bit patterns, subnormals, specials) are evaluated
// on both sides and compared bit for bit. NaN results count as equal to any NaN (their sign and payload are
// not specified by C and never reach audio as anything but NaN). The test also reports, for information, how many
// results of glibc's FMA variants (the default on CPUs with FMA) differ from the baseline ones.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../../dist/js/index.js'; // the package entry installs the platform layer the loader uses
import { instantiateEngine, type LoadedEngine } from '../../dist/js/loader.js';
import { NATIVE_GLIBC_TUNABLES, withNativeGlibcTunables } from '../native-glibc.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BUILD_DIR = process.env.CSOUND_WASM_BUILD_DIR ?? join(ROOT, 'build');
const ARGS_PER_FUNCTION = 1_000_000;
const CHUNK = 1 << 16;

interface Probe {
  id: number;
  name: string;
  kind: string;
}

interface Row {
  name: string;
  count: number;
  mismatches: number;
  firstMismatch: string;
  fmaDifferences: number;
}

// ---------------------------------------------------------------- seeded arguments

/** splitmix64: a small seeded generator of 64-bit words. */
function generator(seed: bigint): () => bigint {
  let state = seed;
  return () => {
    state = (state + 0x9e3779b97f4a7c15n) & 0xffffffffffffffffn;
    let z = state;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & 0xffffffffffffffffn;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & 0xffffffffffffffffn;
    return z ^ (z >> 31n);
  };
}

const bitsView = new DataView(new ArrayBuffer(8));
function fromBits(bits: bigint): number {
  bitsView.setBigUint64(0, bits);
  return bitsView.getFloat64(0);
}
function toBits(x: number): bigint {
  bitsView.setFloat64(0, x);
  return bitsView.getBigUint64(0);
}

const SPECIALS = [
  0, -0, 1, -1, 0.5, -0.5, 2, -2, Infinity, -Infinity, NaN, Math.PI, -Math.PI, Math.PI / 2, Math.PI / 4, 2 * Math.PI,
  Number.MIN_VALUE, -Number.MIN_VALUE, 2.2250738585072014e-308, 2.225073858507201e-308, Number.MAX_VALUE,
  -Number.MAX_VALUE, Number.EPSILON, 1 - Number.EPSILON / 2, 1 + Number.EPSILON, 709.782712893384, -745.1332191019411,
  710, -746, 1024, -1075, 1e22, 2 ** 52, 2 ** 53, 2 ** 31, -(2 ** 31), 2 ** 31 - 0.5, 2 ** 63, -(2 ** 63), 0.1, 1e-300,
];

/** Typical arguments of each function in Csound's use (phases, cps/octave conversions, dB, filter coefficients). */
function typical(name: string, u: () => number): number {
  switch (name) {
    case 'sin': case 'cos': case 'tan':
      return u() < 0.5 ? u() * 2 * Math.PI : (u() - 0.5) * 2 * Math.PI * 1e4;
    case 'asin': case 'acos':
      return (u() - 0.5) * 2.2;
    case 'sinh': case 'cosh': case 'tanh':
      return (u() - 0.5) * 60;
    case 'exp': return (u() - 0.5) * 1500;
    case 'exp2': return (u() - 0.5) * 2200;
    case 'expm1': return (u() - 0.5) * 80;
    case 'expf': return (u() - 0.5) * 220;
    case 'log': case 'log2': case 'log10': case 'cbrt': case 'logf': case 'log10f': case 'powf':
      return u() < 0.5 ? u() * 2 : u() * 1e6;
    case 'log1p': return u() * 4 - 1;
    case 'lrint': case 'lround': case 'llrint':
      return u() < 0.5 ? Math.round((u() - 0.5) * 2e5) / 2 : (u() - 0.5) * 2 ** 42;
    default:
      return (u() - 0.5) * 2000;
  }
}

/** N arguments for one function: specials first, then a seeded mixture of ranges. */
function argumentsFor(name: string, which: 'x' | 'y', n: number): Float64Array {
  const next = generator(BigInt([...`${name}/${which}`].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7)));
  const u = () => Number(next() >> 11n) / 2 ** 53;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (which === 'x' && i < SPECIALS.length) {
      out[i] = SPECIALS[i];
      continue;
    }
    const pick = u();
    let x: number;
    if (pick < 0.3) x = typical(name, u);
    else if (pick < 0.45) x = (u() - 0.5) * 20;
    else if (pick < 0.7) x = fromBits(next()); // any double: huge, tiny, subnormal, NaN, Inf
    else if (pick < 0.9) x = (u() < 0.5 ? -1 : 1) * (1 + u()) * 2 ** Math.floor(u() * 2098 - 1074);
    else x = (u() < 0.5 ? -1 : 1) * u() * 2.2250738585072014e-308 * (u() < 0.5 ? 1 : 2 ** -20); // subnormal
    out[i] = x;
  }
  if ((name === 'pow' || name === 'powf') && which === 'y') {
    // pow: also integer and half-integer exponents, and the 2^(x/12) and 10^(x/20) shapes of Csound's converters
    for (let i = 0; i < n; i += 4) out[i] = u() < 0.5 ? Math.round((u() - 0.5) * 40) : Math.round((u() - 0.5) * 80) / 2;
  }
  if ((name === 'pow' || name === 'powf') && which === 'x') {
    for (let i = SPECIALS.length; i < n; i += 3) out[i] = [2, 10, Math.E, 0.5][Math.floor(u() * 4)];
  }
  if ((name === 'ldexp' || name === 'scalbn') && which === 'y') {
    for (let i = 0; i < n; i++) out[i] = Math.round((u() - 0.5) * 4400);
  }
  return out;
}

// ---------------------------------------------------------------- native and wasm evaluation

let work = '';
let nativeProbe = '';
let engine: LoadedEngine;
const rows: Row[] = [];

/** Runs the native probe asynchronously (a synchronous run would stall Vitest's worker for seconds). */
function runNative(probe: Probe, x: Float64Array, y: Float64Array, tunables: string): Promise<Float64Array> {
  const env = withNativeGlibcTunables(process.env, tunables);
  const input = Buffer.concat([Buffer.from(x.buffer, x.byteOffset, x.byteLength), Buffer.from(y.buffer, y.byteOffset, y.byteLength)]);
  return new Promise((resolvePromise, reject) => {
    const child = spawn(nativeProbe, [String(probe.id), String(x.length)], { env });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`native probe ${probe.name} exited with ${code}: ${stderr}`));
      const bytes = new Uint8Array(Buffer.concat(chunks));
      resolvePromise(new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8).slice());
    });
    child.stdin.end(input);
  });
}

interface ProbeExports {
  _malloc(size: number): number;
  _free(ptr: number): void;
  _csound_wasm_libm_probe(id: number, x: number, y: number, out: number, n: number): number;
  _csound_wasm_libm_probe_name(id: number): number;
}

function probeExports(): ProbeExports {
  return engine.module as unknown as ProbeExports;
}

function cString(ptr: number): string {
  const bytes = new Uint8Array(engine.memory.buffer);
  let end = ptr;
  while (bytes[end] !== 0) end++;
  return Buffer.from(bytes.slice(ptr, end)).toString('utf8');
}

function wasmProbes(): Probe[] {
  const probes: Probe[] = [];
  for (let id = 0; ; id++) {
    const ptr = probeExports()._csound_wasm_libm_probe_name(id);
    if (ptr === 0) break;
    const [name, kind] = cString(ptr).split(' ');
    probes.push({ id, name, kind });
  }
  return probes;
}

function runWasm(probe: Probe, x: Float64Array, y: Float64Array): Float64Array {
  const m = probeExports();
  const out = new Float64Array(x.length);
  const bytes = CHUNK * 8;
  const px = m._malloc(bytes);
  const py = m._malloc(bytes);
  const po = m._malloc(bytes);
  try {
    for (let start = 0; start < x.length; start += CHUNK) {
      const n = Math.min(CHUNK, x.length - start);
      new Float64Array(engine.memory.buffer, px, n).set(x.subarray(start, start + n));
      new Float64Array(engine.memory.buffer, py, n).set(y.subarray(start, start + n));
      // rand: only the first chunk may seed; later chunks continue the sequence
      if (probe.kind === 'rand' && start > 0) new Float64Array(engine.memory.buffer, px, 1)[0] = -1;
      if (m._csound_wasm_libm_probe(probe.id, px, py, po, n) !== 0) throw new Error(`wasm probe ${probe.name} refused`);
      out.set(new Float64Array(engine.memory.buffer, po, n), start);
    }
  } finally {
    m._free(px);
    m._free(py);
    m._free(po);
  }
  return out;
}

/** Same bits, or both NaN. */
function sameResult(a: number, b: number): boolean {
  if (Number.isNaN(a) && Number.isNaN(b)) return true;
  return toBits(a) === toBits(b);
}

function countDifferences(a: Float64Array, b: Float64Array, x: Float64Array, y: Float64Array, kind: string) {
  let count = 0;
  let first = '';
  for (let i = 0; i < a.length; i++) {
    if (sameResult(a[i], b[i])) continue;
    if (count === 0) {
      const args = kind === 'dd' || kind === 'di' || kind === 'ff' ? `${x[i]}, ${y[i]}` : `${x[i]}`;
      first = `f(${args}) = ${a[i]} native, ${b[i]} wasm`;
    }
    count++;
  }
  return { count, first };
}

// ---------------------------------------------------------------- which functions must be covered

/** Names of <math.h> functions (double and float), to find the ones the linked libraries call. */
const MATH_NAMES = new Set(
  `acos asin atan atan2 cos sin tan acosh asinh atanh cosh sinh tanh exp exp2 expm1 exp10 log log10 log1p log2 logb
   ilogb ldexp scalbn scalbln frexp modf cbrt fabs hypot pow sqrt erf erfc lgamma tgamma ceil floor nearbyint rint
   lrint llrint round lround llround trunc fmod remainder remquo copysign nan nextafter fdim fmax fmin fma sincos`
    .split(/\s+/)
    .flatMap((n) => [n, `${n}f`]),
);

/** Maths functions the wasm module's libraries leave to the C library (emnm -u: Emscripten's llvm-nm). */
function calledMathsFunctions(): string[] {
  const libs = [join(BUILD_DIR, 'csound/src/csound_ext-build/libcsound64.a')];
  for (const name of readdirSync(BUILD_DIR)) if (name.endsWith('.a')) libs.push(join(BUILD_DIR, name));
  const called = new Set<string>();
  for (const lib of libs) {
    const run = spawnSync('emnm', ['-u', lib], { encoding: 'utf8', maxBuffer: 64 << 20 });
    if (run.status !== 0) throw new Error(`emnm -u ${lib} failed: ${run.stderr}`);
    for (const line of run.stdout.split('\n')) {
      const name = line.trim().split(/\s+/).pop() ?? '';
      if (MATH_NAMES.has(name)) called.add(name);
    }
  }
  return [...called].sort();
}

// Functions that compile to a single wasm instruction, never to a call (fabs, copysign, sqrt, floor, ceil, trunc,
// nearbyint/rint) are IEEE-exact on both sides; the probe table covers the rest of what is called.
const INSTRUCTIONS = new Set(['fabs', 'copysign', 'sqrt', 'floor', 'ceil', 'trunc', 'nearbyint', 'fabsf', 'sqrtf']);

describe('libm: the wasm module returns glibc bits', () => {
  beforeAll(async () => {
    const cc = spawnSync('gcc', ['--version'], { encoding: 'utf8' });
    if (cc.error) throw new Error('gcc not found (scripts/setup-system.sh test installs it)');
    work = mkdtempSync(join(tmpdir(), 'csound-wasm-libm-'));
    nativeProbe = join(work, 'libm-probe');
    const build = spawnSync(
      'gcc',
      ['-O2', '-ffp-contract=off', '-o', nativeProbe, join(ROOT, 'tests/node/native/libm-probe-main.c'), join(ROOT, 'cpp/libm_probe.c'), '-lm'],
      { encoding: 'utf8' },
    );
    if (build.status !== 0) throw new Error(`gcc failed:\n${build.stderr}`);
    engine = await instantiateEngine(() => {});
  });

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
    const lines = [
      'function        args      wasm≠glibc  glibc FMA≠SSE2  first difference',
      ...rows.map(
        (r) =>
          `${r.name.padEnd(15)} ${String(r.count).padStart(8)}  ${String(r.mismatches).padStart(10)}  ` +
          `${String(r.fmaDifferences).padStart(14)}  ${r.firstMismatch}`,
      ),
    ];
    // eslint-disable-next-line no-console
    console.log(`\n${lines.join('\n')}\n`);
  });

  it('has the same probe table natively and in wasm', () => {
    const listing = spawnSync(nativeProbe, ['--list'], { encoding: 'utf8' }).stdout.trim().split('\n');
    expect(wasmProbes().map((p) => `${p.id} ${p.name} ${p.kind}`)).toEqual(listing);
  });

  it('probes every maths function the linked libraries call', () => {
    if (!existsSync(BUILD_DIR)) throw new Error(`build folder ${BUILD_DIR} not found`);
    const probed = new Set(wasmProbes().map((p) => p.name.split('.')[0]));
    const missing = calledMathsFunctions().filter((n) => !probed.has(n) && !INSTRUCTIONS.has(n));
    expect(missing).toEqual([]);
  });

  it('rand() follows glibc: the unseeded sequence and one after srand', async () => {
    // First rand use in this instance: the default state (as if srand(1)).
    const probe = wasmProbes().find((p) => p.kind === 'rand')!;
    for (const seed of [-1, 12345]) {
      const x = new Float64Array(ARGS_PER_FUNCTION).fill(seed);
      const y = new Float64Array(ARGS_PER_FUNCTION);
      const native = await runNative(probe, x, y, NATIVE_GLIBC_TUNABLES);
      const wasm = runWasm(probe, x, y);
      const d = countDifferences(native, wasm, x, y, 'rand');
      rows.push({ name: seed < 0 ? 'rand' : `rand/srand(${seed})`, count: x.length, mismatches: d.count, firstMismatch: d.first, fmaDifferences: 0 });
      expect(d.count, `rand ${seed}: ${d.first}`).toBe(0);
    }
  });

  for (const name of [
    'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'atan2', 'sinh', 'cosh', 'tanh', 'exp', 'exp2', 'expm1', 'log',
    'log2', 'log10', 'log1p', 'pow', 'cbrt', 'hypot', 'expf', 'logf', 'log10f', 'powf', 'fmod', 'fmax', 'fmin', 'ldexp', 'scalbn',
    'modf.fraction', 'modf.whole', 'frexp.mantissa', 'frexp.exponent', 'logb', 'round', 'sqrt', 'floor', 'ceil',
    'trunc', 'rint', 'lrint', 'lround', 'llrint',
  ]) {
    it(`${name}: ${ARGS_PER_FUNCTION} arguments bit for bit`, async () => {
      const probe = wasmProbes().find((p) => p.name === name);
      expect(probe, `probe ${name} in cpp/libm_probe.c`).toBeDefined();
      const x = argumentsFor(name, 'x', ARGS_PER_FUNCTION);
      const y = argumentsFor(name, 'y', ARGS_PER_FUNCTION);
      const native = await runNative(probe!, x, y, NATIVE_GLIBC_TUNABLES);
      const wasm = runWasm(probe!, x, y);
      const d = countDifferences(native, wasm, x, y, probe!.kind);
      const fma = countDifferences(native, await runNative(probe!, x, y, ''), x, y, probe!.kind);
      rows.push({ name, count: x.length, mismatches: d.count, firstMismatch: d.first, fmaDifferences: fma.count });
      expect(d.count, `${name}: ${d.count} of ${x.length} differ; first: ${d.first}`).toBe(0);
    });
  }
});
