// Plugin opcodes. Native Csound loads plugin libraries from its plugin directory; the wasm build links them in
// (cmake/Plugins.cmake) and registers them on each new or reset instance (cpp/plugins.cpp). This file checks
//   - the inventory: the opcode list of wasm (`-z3` through the API) against the one of the native Csound on this
//     machine (`csound -z3`), minus the documented exclusions (opcode-exclusions.json), by name and by signature,
//     and that every opcode the linked plugin sources define is there;
//   - one or more behaviours per linked plugin: against native Csound when it has the plugin (same orchestra,
//     values printed by both), otherwise against the opcode's definition.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { csd, drainText, performToEnd, quietCsound } from './helpers.js';
import type { Csound } from '../../dist/js/index.js';
import { withNativeGlibcTunables } from '../native-glibc.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '../..');
const CSOUND_SRC = process.env.CSOUND_WASM_CSOUND_SRC ?? join(REPO, 'build/csound/src/csound_ext');
const PLUGINS_SRC = process.env.CSOUND_WASM_PLUGINS_SRC ?? join(REPO, 'build/csound-plugins/src/csound_plugins_ext');

/** The plugins cmake/Plugins.cmake links (padsynth only adds a GEN routine, checked below by what it makes). */
const LINKED_PLUGINS: Record<string, string[]> = {
  arrayops: [`${CSOUND_SRC}/Opcodes/arrayops.cpp`],
  bformdec2: [`${CSOUND_SRC}/Opcodes/bformdec2.cpp`],
  lfsr: [`${CSOUND_SRC}/Opcodes/lfsr.cpp`],
  pvsops: [`${CSOUND_SRC}/Opcodes/pvsops.cpp`],
  trigenvsegs: [`${CSOUND_SRC}/Opcodes/trigEnvSegs.cpp`],
  scansyn: [`${CSOUND_SRC}/Opcodes/scansyn.c`, `${CSOUND_SRC}/Opcodes/scansynx.c`],
  urandom: [`${CSOUND_SRC}/Opcodes/urandom.c`],
  deprecated: [`${CSOUND_SRC}/Opcodes/deprecated.c`],
  cpumeter: [`${CSOUND_SRC}/Opcodes/cpumeter.c`],
  osc: [`${CSOUND_SRC}/Opcodes/OSC.c`],
  linear_algebra: [`${PLUGINS_SRC}/linear_algebra/linear_algebra.cpp`],
  chua: [`${PLUGINS_SRC}/chua/ChuaOscillator.cpp`],
  image: [`${PLUGINS_SRC}/image/imageOpcodes.c`],
  mp3out: [`${PLUGINS_SRC}/mp3/mp3out.c`],
  stkops: [`${PLUGINS_SRC}/stk/stkOpcodes.cpp`],
};

interface Exclusion {
  source: string;
  reason: string;
  opcodes: string[];
}
const EXCLUSIONS: Record<string, Exclusion> = JSON.parse(
  readFileSync(join(HERE, 'opcode-exclusions.json'), 'utf8'),
).plugins;
const EXCLUDED = new Map<string, string>();
for (const [plugin, e] of Object.entries(EXCLUSIONS)) {
  for (const op of e.opcodes) EXCLUDED.set(op, `${plugin}: ${e.reason}`);
}

// ---------------------------------------------------------------- helpers

function stripAnsi(text: string): string {
  return text.replace(/\x1b\[[0-9;]*m/g, '');
}

interface OpcodeList {
  /** The count Csound prints after the list. */
  count: number;
  names: Set<string>;
  /** "name outtypes intypes", one per entry of the opcode table. */
  entries: Set<string>;
}

/** Parses the output of `-z3` (one "name outtypes intypes" line per entry, then "<n> opcodes"). */
function parseOpcodeList(text: string): OpcodeList {
  const names = new Set<string>();
  const entries = new Set<string>();
  let count = -1;
  for (const line of stripAnsi(text).split('\n')) {
    const done = /^(\d+) opcodes\s*$/.exec(line);
    if (done) {
      count = Number(done[1]);
      break;
    }
    const m = /^([A-Za-z_][A-Za-z0-9_]*)\s+(\S+)\s+(\S+)\s*$/.exec(line);
    if (m) {
      names.add(m[1]);
      entries.add(`${m[1]} ${m[2]} ${m[3]}`);
    }
  }
  return { count, names, entries };
}

async function wasmOpcodes(): Promise<OpcodeList> {
  const cs = await quietCsound();
  cs.setOption('-z3');
  const list = parseOpcodeList(drainText(cs));
  cs.destroy();
  return list;
}

function nativeOpcodes(): OpcodeList {
  const run = spawnSync('csound', ['-z3'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    timeout: 60_000,
    env: withNativeGlibcTunables(process.env),
  });
  if (run.error) throw new Error(`native csound: ${run.error.message}`);
  return parseOpcodeList(`${run.stdout}${run.stderr}`);
}

/** Opcode names a plugin source defines: OENTRY tables, AppendOpcode calls and csnd::plugin registrations. */
function opcodesInSource(files: string[]): string[] {
  const pattern =
    /(?:\{\s*(?:\(char\s*\*\)\s*)?|AppendOpcode\s*\(\s*csound\s*,\s*(?:\(char\s*\*\)\s*)?|plugin<[^;]*?>\s*\(\s*csound\s*,\s*)"([A-Za-z_][A-Za-z0-9_]*)(?:\.[A-Za-z0-9_]*)?"\s*,/g;
  const names = new Set<string>();
  for (const file of files) {
    const code = readFileSync(file, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\/\/[^\n]*/g, '');
    for (const m of code.matchAll(pattern)) names.add(m[1]);
  }
  return [...names].sort();
}

/** "v <key> <number>..." lines an orchestra printed, by key. */
type Printed = Map<string, number[]>;

function parsePrinted(text: string): Printed {
  const out: Printed = new Map();
  for (const line of stripAnsi(text).split('\n')) {
    const m = /^v (\S+)((?: \S+)+)\s*$/.exec(line);
    if (m) out.set(m[1], m[2].trim().split(/\s+/).map((s) => (/nan/i.test(s) ? NaN : Number(s))));
  }
  return out;
}

function document(orc: string, score: string): string {
  return csd({ options: '-n -d', orc, score });
}

/** Runs a CSD to its end in wasm; returns the printed values and all messages. */
async function runWasm(doc: string): Promise<{ values: Printed; text: string }> {
  const cs = await quietCsound();
  cs.compileCsdText(doc);
  cs.start();
  performToEnd(cs);
  const text = drainText(cs);
  cs.destroy();
  return { values: parsePrinted(text), text };
}

/** Runs the same CSD with native Csound (in a temporary folder). */
function runNative(doc: string): { values: Printed; text: string } {
  const dir = mkdtempSync(join(tmpdir(), 'csound-opcodes-'));
  try {
    writeFileSync(join(dir, 'test.csd'), doc);
    const run = spawnSync('csound', ['test.csd'], {
      cwd: dir,
      env: withNativeGlibcTunables(process.env),
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
      timeout: 60_000,
    });
    if (run.error) throw new Error(`native csound: ${run.error.message}`);
    const text = stripAnsi(`${run.stdout}${run.stderr}`);
    return { values: parsePrinted(text), text };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Equal within `tolerance` relative to the magnitude (at least 1), NaN equal to NaN. */
function expectClose(actual: number[] | undefined, expected: number[] | undefined, what: string, tolerance = 1e-12) {
  expect(actual, what).toBeDefined();
  expect(expected, what).toBeDefined();
  expect(actual!.length, what).toBe(expected!.length);
  actual!.forEach((a, i) => {
    const e = expected![i];
    if (Number.isNaN(e)) {
      expect(a, `${what}[${i}]`).toBeNaN();
      return;
    }
    expect(Math.abs(a - e), `${what}[${i}]: ${a} vs ${e}`).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(e)));
  });
}

/** Runs `doc` in wasm and natively; every printed value must agree. Returns the wasm values. */
async function expectSameAsNative(doc: string, tolerance = 1e-12): Promise<Printed> {
  const wasm = await runWasm(doc);
  const native = runNative(doc);
  expect(native.values.size, `native printed nothing:\n${native.text}`).toBeGreaterThan(0);
  expect([...wasm.values.keys()], wasm.text).toEqual([...native.values.keys()]);
  for (const [key, expected] of native.values) expectClose(wasm.values.get(key), expected, key, tolerance);
  return wasm.values;
}

/** Files a run reads (written first) and the names of those it should write. */
interface FileRun {
  inputs?: Record<string, Uint8Array | string>;
  outputs: string[];
}

/** Runs `doc` natively in a temporary folder with `inputs`; returns the messages and the `outputs` it wrote. */
function runNativeWithFiles(doc: string, files: FileRun): { text: string; files: Map<string, Uint8Array> } {
  const dir = mkdtempSync(join(tmpdir(), 'csound-opcodes-'));
  try {
    for (const [name, data] of Object.entries(files.inputs ?? {})) writeFileSync(join(dir, name), data);
    writeFileSync(join(dir, 'test.csd'), doc);
    const run = spawnSync('csound', ['test.csd'], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 60_000,
      env: withNativeGlibcTunables(process.env),
    });
    if (run.error) throw new Error(`native csound: ${run.error.message}`);
    const out = new Map<string, Uint8Array>();
    for (const name of files.outputs) if (existsSync(join(dir, name))) out.set(name, readFileSync(join(dir, name)));
    return { text: stripAnsi(`${run.stdout}${run.stderr}`), files: out };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The same in wasm, in a folder of the engine's file system. */
/** Performs `cs` expecting the engine to trap with `message` among Csound's messages; then a new instance works. */
async function expectTrapThenFreshInstanceWorks(cs: Csound, message: RegExp): Promise<void> {
  let error: unknown = null;
  try {
    performToEnd(cs, 10);
  } catch (e) {
    error = e;
  }
  expect(String(error)).toMatch(/engine trapped/);
  expect((error as { messages: string[] }).messages.join('')).toMatch(message);
  const { values } = await runWasm(document(`${HEADER(1000, 10)}\ninstr 1\n prints "v ok 1\\n"\nendin`, 'i1 0 0'));
  expect(values.get('ok')).toEqual([1]);
}

async function runWasmWithFiles(doc: string, files: FileRun): Promise<{ text: string; files: Map<string, Uint8Array> }> {
  const cs = await quietCsound();
  try {
    for (const [name, data] of Object.entries(files.inputs ?? {})) cs.writeFile(`/run/${name}`, data);
    cs.writeFile('/run/test.csd', doc);
    cs.chdir('/run');
    cs.compileCsdText(doc);
    cs.start();
    performToEnd(cs);
    cs.cleanup();
    const out = new Map<string, Uint8Array>();
    for (const name of files.outputs) if (cs.fileExists(`/run/${name}`)) out.set(name, cs.readFile(`/run/${name}`));
    return { text: drainText(cs), files: out };
  } finally {
    cs.destroy();
  }
}

/** Values of keys "<prefix>0", "<prefix>1", ... (first number of each), in order. */
function series(values: Printed, prefix: string): number[] {
  const out: number[] = [];
  for (let i = 0; values.has(`${prefix}${i}`); i++) out.push(values.get(`${prefix}${i}`)![0]);
  return out;
}

const HEADER = (sr: number, ksmps: number) => `sr = ${sr}\nksmps = ${ksmps}\nnchnls = 1\n0dbfs = 1\n`;

// ---------------------------------------------------------------- inventory

describe('opcode inventory', () => {
  let wasm: OpcodeList;
  let native: OpcodeList;

  beforeAll(async () => {
    wasm = await wasmOpcodes();
    native = nativeOpcodes();
  });

  it('wasm has every opcode of native Csound but the documented exclusions (by name and by signature)', () => {
    console.log(
      `opcodes (-z3, deprecated included): wasm ${wasm.names.size} names / ${wasm.entries.size} entries, ` +
        `native ${native.names.size} names / ${native.entries.size} entries`,
    );
    expect(wasm.count, 'wasm -z3 printed no count').toBeGreaterThan(1000);
    expect(native.names.size, 'native csound -z3 listed nothing').toBeGreaterThan(1000);
    const missingNames = [...native.names].filter((n) => !wasm.names.has(n)).sort();
    const excused = missingNames.filter((n) => EXCLUDED.has(n));
    const missing = missingNames.filter((n) => !EXCLUDED.has(n));
    console.log(`native opcodes not in wasm, documented (${excused.length}): ${excused.join(' ')}`);
    console.log(`native opcodes not in wasm, undocumented (${missing.length}): ${missing.join(' ') || '-'}`);
    expect(missing).toEqual([]);
    const missingEntries = [...native.entries]
      .filter((e) => !wasm.entries.has(e) && !EXCLUDED.has(e.split(' ')[0]))
      .sort();
    expect(missingEntries).toEqual([]);
    const extra = [...wasm.names].filter((n) => !native.names.has(n));
    console.log(`wasm opcodes native Csound here lacks (${extra.length}): ${extra.join(' ')}`);
  });

  it('no excluded opcode is in wasm (the exclusion list is not stale)', () => {
    expect([...EXCLUDED.keys()].filter((n) => wasm.names.has(n))).toEqual([]);
  });

  for (const [plugin, files] of Object.entries(LINKED_PLUGINS)) {
    it(`has every opcode defined by the linked plugin ${plugin}`, () => {
      for (const f of files) expect(existsSync(f), `${f} (built by the superbuild)`).toBe(true);
      const names = opcodesInSource(files);
      expect(names.length).toBeGreaterThan(0);
      expect(names.filter((n) => !wasm.names.has(n))).toEqual([]);
    });
  }

  it('registers the plugins again after a reset', async () => {
    const cs = await quietCsound();
    cs.reset();
    cs.setOption('-n');
    cs.compileOrc('instr 1\n iA[] fillarray 3, 1, 2\n iS[] sorta iA\n chnset iS[0] + 10 * iS[2], "r"\nendin\n');
    cs.start();
    cs.eventString('i1 0 0');
    cs.performKsmps();
    cs.performKsmps();
    expect(cs.controlChannel('r')[0]).toBe(31);
    cs.destroy();
  });
});

// ---------------------------------------------------------------- behaviours, per plugin

describe('arrayops (libarrayops natively)', () => {
  const A = [3, -1, 2.5, 7, 0];
  const B = [1, 2, 3, 4, 5];
  const orc = `${HEADER(1000, 10)}
instr 1
  iA[] fillarray ${A.join(', ')}
  iB[] fillarray ${B.join(', ')}
  iS[] sorta iA
  iD[] sortd iA
  iH[] hypot iA, iB
  iF[] fmod iB, iA
  iX[] fmax iA, iB
  iN[] fmin iA, iB
  iC[] cbrt iA
  iL[] limit1 iA
  prints "v dot %.17g\\n", dot(iA, iB)
  indx = 0
  while indx < ${A.length} do
    prints "v sorta%d %.17g\\n", indx, iS[indx]
    prints "v sortd%d %.17g\\n", indx, iD[indx]
    prints "v hypot%d %.17g\\n", indx, iH[indx]
    prints "v fmod%d %.17g\\n", indx, iF[indx]
    prints "v fmax%d %.17g\\n", indx, iX[indx]
    prints "v fmin%d %.17g\\n", indx, iN[indx]
    prints "v cbrt%d %.17g\\n", indx, iC[indx]
    prints "v limit1%d %.17g\\n", indx, iL[indx]
    indx += 1
  od
endin`;

  it('sorta/sortd sort, dot is the scalar product, fmax/fmin/fmod/hypot/cbrt/limit1 apply elementwise', async () => {
    const v = await expectSameAsNative(document(orc, 'i1 0 0'), 1e-15);
    expect(series(v, 'sorta')).toEqual([...A].sort((a, b) => a - b));
    expect(series(v, 'sortd')).toEqual([...A].sort((a, b) => b - a));
    expect(v.get('dot')).toEqual([A.reduce((s, a, i) => s + a * B[i], 0)]);
    expect(series(v, 'fmax')).toEqual(A.map((a, i) => Math.max(a, B[i])));
    expect(series(v, 'fmin')).toEqual(A.map((a, i) => Math.min(a, B[i])));
    expectClose(series(v, 'fmod'), B.map((b, i) => b % A[i]), 'fmod'); // C fmod: sign of the dividend, x % 0 = NaN
    expectClose(series(v, 'hypot'), A.map((a, i) => Math.hypot(a, B[i])), 'hypot', 1e-15);
    expectClose(series(v, 'cbrt'), A.map(Math.cbrt), 'cbrt', 1e-15);
    expect(series(v, 'limit1')).toEqual(A.map((a) => Math.min(Math.max(a, 0), 1)));
  });
});

describe('trigenvsegs (libtrigenvsegs natively)', () => {
  // sr 1000, ksmps 1: the trigger comes at sample 2; the envelope goes 0 -> 1 in 0.1 s, then 1 -> 0.5 in 0.05 s.
  const orc = `${HEADER(1000, 1)}
instr 1
  kcnt init 0
  ktrig = (kcnt == 2 ? 1 : 0)
  klin trigLinseg ktrig, 0, 0.1, 1, 0.05, 0.5
  kexp trigExpseg ktrig, 0.001, 0.1, 1
  printf "v lin%d %.17g\\n", kcnt + 1, kcnt, klin
  printf "v exp%d %.17g\\n", kcnt + 1, kcnt, kexp
  kcnt += 1
endin`;

  it('trigLinseg ramps linearly through its segments from the trigger on; trigExpseg likewise, exponentially', async () => {
    const v = await expectSameAsNative(document(orc, 'i1 0 0.2'));
    const lin = series(v, 'lin');
    expect(lin.length).toBe(200);
    // From the trigger (sample 2) on: +0.01 per sample up to 1 after 100 samples, then -0.01 per sample down to
    // 0.5, where it stays. Each segment boundary holds its value one sample longer (native does the same).
    for (let n = 1; n <= 100; n++) expect(lin[2 + n - 1]).toBeCloseTo(n / 100, 12);
    expect(lin[102]).toBeCloseTo(1, 12);
    for (let n = 1; n <= 50; n++) expect(lin[102 + n]).toBeCloseTo(1 - (0.5 * n) / 50, 12);
    for (let n = 153; n < 200; n++) expect(lin[n]).toBeCloseTo(0.5, 12);
    const exp = series(v, 'exp');
    // Exponential: a constant ratio (1/0.001)^(1/100) per sample during the segment.
    const ratio = Math.pow(1000, 1 / 100);
    for (let n = 3; n < 100; n++) expect(exp[n + 1] / exp[n]).toBeCloseTo(ratio, 10);
  });
});

describe('pvsops (libpvsops natively)', () => {
  const adsr = `${HEADER(1000, 10)}
instr 1
  kcnt init 0
  kgate = (kcnt < 12 ? 1 : 0)
  kadsr gtadsr 1, 0.05, 0.05, 0.5, 0.05, kgate
  printf "v adsr%d %.17g\\n", kcnt + 1, kcnt, kadsr
  kcnt += 1
endin`;

  it('gtadsr: attack, decay to the sustain level while the gate is open, release after (as native)', async () => {
    const v = await expectSameAsNative(document(adsr, 'i1 0 0.25'));
    const env = series(v, 'adsr');
    expect(env.slice(0, 4)).toEqual([0.2, 0.4, 0.6000000000000001, 0.8]); // 0.05 s attack = 5 k-periods
    expect(env.slice(8, 12)).toEqual([0.5, 0.5, 0.5, 0.5]); // sustain level
    expect(env[20]).toBe(0); // released
  });

  const audio = `${HEADER(8000, 1)}
instr 1
  kcnt init 0
  asig oscili 0.5, 100
  anoise oscili 0.3, 1234
  atv tvconv asig, anoise, 1, 1, 4, 16
  ktv downsamp atv
  if kcnt % 37 == 0 then
    printf "v tv%d %.17g\\n", kcnt + 1, kcnt, ktv
  endif
  kcnt += 1
endin
instr 2
  kcnt init 0
  asaw vco2 0.3, 110
  f1 pvsanal asaw, 256, 64, 256, 1
  ft pvstrace f1, 5
  a1 pvsynth ft
  kv downsamp a1
  if kcnt % 97 == 0 && kcnt > 500 then
    printf "v trace%d %.17g\\n", kcnt, kcnt, kv
  endif
  kcnt += 1
endin`;

  it('tvconv and pvstrace produce the same samples as native', async () => {
    const v = await expectSameAsNative(document(audio, 'i1 0 0.1\ni2 0 0.3'), 1e-12);
    expect([...v.keys()].filter((k) => k.startsWith('tv')).length).toBeGreaterThan(20);
    expect([...v.keys()].filter((k) => k.startsWith('trace')).length).toBeGreaterThan(10);
  });
});

describe('padsynth GEN (libpadsynth natively)', () => {
  const SIZE = 4096;
  const orc = `${HEADER(44100, 32)}
gipad ftgen 1, 0, ${SIZE}, "padsynth", 261.63, 25, 1, 1, 1, 1, 1, 0.5, 0.33, 0.25
instr 1
  prints "v len %d\\n", ftlen(1)
  indx = 0
  while indx < ${SIZE} do
    prints "v t%d %.17g\\n", indx, table(indx, 1)
    indx += 97
  od
endin`;

  it('makes a table of the requested size, normalised to a peak of 1, with the values native Csound makes', async () => {
    const doc = document(orc, 'i1 0 0');
    const native = runNative(doc);
    const cs = await quietCsound();
    cs.compileCsdText(doc);
    cs.start();
    const table = cs.table(1)!;
    expect(table.length).toBe(SIZE);
    expect(native.values.get('len')).toEqual([SIZE]);
    let peak = 0;
    for (const x of table) peak = Math.max(peak, Math.abs(x));
    expect(peak).toBeCloseTo(1, 12); // a positive GEN number: Csound rescales the table to a peak of 1
    for (let i = 0; i < SIZE; i += 97) expectClose([table[i]], native.values.get(`t${i}`), `t${i}`, 1e-12);
    cs.destroy();
  });
});

describe('lfsr (liblfsr natively)', () => {
  const orc = `${HEADER(1000, 10)}
instr 1
  kcnt init 0
  klf lfsr 4, 0, 5
  printf "v lfsr%d %d\\n", kcnt + 1, kcnt, klf
  kcnt += 1
endin`;

  it('shifts a 4-bit register seeded with 5 and never toggled (probability 0): 10, 5, 10, 5, ...', async () => {
    const v = await expectSameAsNative(document(orc, 'i1 0 0.1'));
    expect(series(v, 'lfsr')).toEqual([10, 5, 10, 5, 10, 5, 10, 5, 10, 5]);
  });
});

describe('bformdec2 (libbformdec2 natively)', () => {
  const orc = `${HEADER(8000, 1)}
instr 1
  kcnt init 0
  asig oscili 0.5, 100
  anoise oscili 0.3, 1234
  aB[] init 4
  aB[0] = asig
  aB[1] = anoise
  aB[2] = asig * 0.5
  aB[3] = 0
  aOut[] init 2
  aOut bformdec2 1, aB
  kleft downsamp aOut[0]
  kright downsamp aOut[1]
  if kcnt % 37 == 0 then
    printf "v bf%d %.17g %.17g\\n", kcnt + 1, kcnt, kleft, kright
  endif
  kcnt += 1
endin`;

  it('decodes first-order B-format to a stereo pair as native Csound does', async () => {
    const v = await expectSameAsNative(document(orc, 'i1 0 0.1'));
    expect(v.size).toBeGreaterThan(20);
    expect([...v.values()].some(([l, r]) => l !== 0 && r !== 0 && l !== r)).toBe(true);
  });
});

describe('deprecated (libdeprecated natively)', () => {
  const orc = `${HEADER(1000, 10)}
instr 1
  stack 100
  push 1, 2, 3
  push 4
  i4 pop
  i1, i2, i3 pop
  prints "v pop %g %g %g %g\\n", i4, i1, i2, i3
endin`;

  it('stack/push/pop: last pushed, first popped', async () => {
    const v = await expectSameAsNative(document(orc, 'i1 0 0'));
    expect(v.get('pop')).toEqual([4, 1, 2, 3]);
  });
});

describe('urandom (liburandom natively)', () => {
  const orc = `${HEADER(1000, 10)}
instr 1
  kcnt init 0
  kv urandom -2, 3
  printf "v u%d %.17g\\n", kcnt + 1, kcnt, kv
  kcnt += 1
endin`;

  it('reads /dev/urandom: values spread over [min, max]', async () => {
    const { values } = await runWasm(document(orc, 'i1 0 1'));
    const u = series(values, 'u');
    expect(u.length).toBe(100);
    for (const x of u) expect(x >= -2 && x <= 3).toBe(true);
    expect(new Set(u).size).toBeGreaterThan(90);
    expect(Math.min(...u)).toBeLessThan(-1);
    expect(Math.max(...u)).toBeGreaterThan(2);
  });
});

describe('cpumeter.c: systime and cpumeter', () => {
  const orc = `${HEADER(1000, 10)}
instr 1
  ; work for the meter to see, and the readings: the total and the first CPU, every 0.2 s
  kcnt = 0
  until kcnt >= 2000 do
    kcnt += 1
  od
  ktot, kcpu0 cpumeter 0.2
  printf "v cpu %.17g %.17g\\n", changed(ktot, kcpu0), ktot, kcpu0
endin
instr 2
  isys systime
  ksys systime
  printf "v sys %.17g %.17g\\n", 1, isys, ksys
endin`;

  it('systime gives the monotonic clock in ms; cpumeter reads the host\'s CPU times from /proc/stat', async () => {
    // Native Debian Csound's systime returns 0 (built without HAVE_CLOCK_GETTIME); here it reads clock_gettime.
    const { values, text } = await runWasm(document(orc, 'i1 0 2\ni2 0.05 0.02'));
    expect(text).not.toMatch(/INIT ERROR|PERF ERROR/);
    const [isys, ksys] = values.get('sys')!;
    expect(isys).toBeGreaterThan(0);
    expect(ksys).toBeGreaterThanOrEqual(isys);
    expect(ksys - isys).toBeLessThan(10_000);
    // The last reading: shares in percent (js/proc-stat.ts gives the counters in microseconds, so a reading over
    // a short interval is not the 100 that a zero interval gives).
    const [total, cpu0] = values.get('cpu')!;
    expect(total).toBeGreaterThanOrEqual(0);
    expect(total).toBeLessThanOrEqual(100);
    expect(Number.isFinite(cpu0)).toBe(true);
  });
});

describe('scansyn (not in native Debian Csound)', () => {
  // A 16-mass string: initial shape a triangle of height 1, neighbours connected.
  const orc = `${HEADER(8000, 10)}
giInit  ftgen 1, 0, -16, 7, 0, 8, 1, 8, 0
giMass  ftgen 2, 0, -16, -7, 1, 16, 1
giStif  ftgen 3, 0, -256, -7, 0, 256, 0
giCentr ftgen 4, 0, -16, -7, 0.1, 16, 0.1
giDamp  ftgen 5, 0, -16, -7, 1, 16, 1
giTraj  ftgen 6, 0, -16, -7, 0, 16, 16
giVel   ftgen 7, 0, -16, -7, 0, 16, 0
instr 1
  indx = 0
  while indx < 15 do
    tableiw 1, indx * 16 + indx + 1, 3
    tableiw 1, (indx + 1) * 16 + indx, 3
    indx += 1
  od
  ain = 0
  scanu 1, 0.01, 7, 2, 3, 4, 5, 2, 0.1, 0.1, -0.01, 0.1, 0.5, 0, 0, ain, 0, 2
  a1 scans 0.5, 220, 6, 2
  kcnt init 0
  kpk peak a1
  krms rms a1
  printf "v scan%d %.17g %.17g\\n", kcnt + 1, kcnt, kpk, krms
  kcnt += 1
endin`;

  it('scans reads the initial shape (peak = amplitude x 1) and keeps sounding as the string moves', async () => {
    const { values, text } = await runWasm(document(orc, 'i1 0 0.05'));
    expect(text).not.toMatch(/INIT ERROR|PERF ERROR/);
    const rows = [...values.values()];
    expect(rows.length).toBe(40);
    for (const [pk, rms] of rows) {
      expect(Number.isFinite(pk) && Number.isFinite(rms)).toBe(true);
      expect(pk).toBeLessThanOrEqual(0.5 + 1e-9);
    }
    expect(rows[2][0]).toBeGreaterThan(0.45); // within the first update period: 0.5 x the triangle's peak
    expect(rows[39][1]).toBeGreaterThan(0.05);
  });
});

describe('mp3out (csound-plugins: libmp3out natively, LAME 3.100)', () => {
  const orc = `sr = 44100\nksmps = 32\nnchnls = 2\n0dbfs = 1
instr 1
  kenv linseg 0, 0.05, 1, p3 - 0.1, 1, 0.05, 0
  a1 vco2 0.4 * kenv, 220
  a2 oscili 0.3 * kenv, 330 + 50 * oscili:k(1, 3)
  anoise rand 0.05, 0.5
  mp3out a1 + anoise, a2, "out.mp3", p4, p5, p6
endin
instr 2
  a1, a2 mp3in "out.mp3"
  krms rms a1 + a2
  kmax max_k a1, 1, 1
  kcnt init 0
  kcnt += 1
  if kcnt == 1000 then
    printf "v decoded %.17g %.17g\\n", 1, krms, kmax
  endif
endin`;

  it('encodes the same MP3 file, byte for byte, as native Csound (128 kbit/s joint stereo, 64 kbit/s mono)', async () => {
    for (const [bitrate, quality, mode] of [[128, 2, 1], [64, 5, 3]]) {
      const doc = document(orc, `i1 0 1.5 ${bitrate} ${quality} ${mode}`);
      const native = runNativeWithFiles(doc, { outputs: ['out.mp3'] });
      const wasm = await runWasmWithFiles(doc, { outputs: ['out.mp3'] });
      const expected = native.files.get('out.mp3');
      const actual = wasm.files.get('out.mp3');
      expect(expected?.length ?? 0, native.text).toBeGreaterThan(5000);
      expect(actual?.length, wasm.text).toBe(expected!.length);
      expect(Buffer.compare(Buffer.from(actual!), Buffer.from(expected!)), `mode ${mode}: bytes differ`).toBe(0);
    }
  });

  it('the file it writes decodes with mp3in (in libcsound) to the sound it was given', async () => {
    const doc = document(orc, 'i1 0 1.5 128 2 1\ni2 1.6 1');
    const wasm = await runWasmWithFiles(doc, { outputs: [] });
    const decoded = parsePrinted(wasm.text).get('decoded');
    expect(decoded, wasm.text).toBeDefined();
    expect(decoded![0]).toBeGreaterThan(0.1);
    expect(decoded![1]).toBeLessThan(1);
  });

  it('an output file it cannot open is an init error, as natively', async () => {
    const doc = document(orc.replace('"out.mp3"', '"no/such/folder/out.mp3"'), 'i1 0 0.1 128 2 1');
    const native = runNativeWithFiles(doc, { outputs: [] });
    const wasm = await runWasmWithFiles(doc, { outputs: [] });
    expect(native.text).toMatch(/INIT ERROR.*mp3out no\/such\/folder\/out.mp3: failed to open file/);
    expect(wasm.text).toMatch(/INIT ERROR.*mp3out no\/such\/folder\/out.mp3: failed to open file/);
  });
});

/** Instr 1 sets `variable` from `load` and prints it as "loaded"; instr 2 prints "after" (the performance went on). */
function loadThenGoOn(variable: string, load: string): string {
  return `${HEADER(1000, 10)}
instr 1
  ${variable} ${load}
  prints "v loaded %d\\n", ${variable}
endin
instr 2
  prints "v after 1\\n"
endin`;
}

describe('image opcodes: bad input (csound-plugins: libimage natively)', () => {
  const orc = loadThenGoOn('iimg', 'imageload p4 == 1 ? "missing.png" : "notpng.png"');
  const inputs = { 'notpng.png': 'this is text, not a PNG image\n' };

  for (const [which, pattern] of [
    [1, /INIT ERROR in instr 1.*imageload: cannot open image missing\.png/],
    [2, /INIT ERROR in instr 1.*imageload: file notpng\.png is not in PNG format/],
  ] as const) {
    it(`${which === 1 ? 'a missing file' : 'a file that is not a PNG'} gives Csound's init error; the performance goes on`, async () => {
      const doc = document(orc, `i1 0 0 ${which}\ni2 0.01 0`);
      const native = runNativeWithFiles(doc, { inputs, outputs: [] });
      const wasm = await runWasmWithFiles(doc, { inputs, outputs: [] });
      expect(native.text).toMatch(pattern);
      expect(wasm.text).toMatch(pattern);
      expect(parsePrinted(wasm.text).get('after')).toEqual([1]);
      expect(parsePrinted(wasm.text).has('loaded')).toBe(false);
    });
  }
});

describe('SoundFont opcodes (libcsound): bad input', () => {
  const orc = loadThenGoOn('isf', 'sfload p4 == 1 ? "missing.sf2" : "broken.sf2"');
  const inputs = { 'broken.sf2': 'RIFF\u0000\u0000\u0000\u0000sfbk and then nothing a SoundFont has' };

  it("a missing file gives Csound's message, as natively, and the performance goes on", async () => {
    const doc = document(orc, 'i1 0 0 1\ni2 0.01 0');
    const pattern = /sfload: cannot open SoundFont file "missing\.sf2"/;
    const native = runNativeWithFiles(doc, { outputs: [] });
    const wasm = await runWasmWithFiles(doc, { outputs: [] });
    expect(native.text).toMatch(pattern);
    expect(wasm.text).toMatch(pattern);
    expect(parsePrinted(wasm.text).get('after')).toEqual([1]);
  });

  it('a malformed file does not bring the engine down (native Csound 6.18 crashes on it)', async () => {
    const wasm = await runWasmWithFiles(document(orc, 'i1 0 0 2\ni2 0.01 0'), { inputs, outputs: [] });
    expect(parsePrinted(wasm.text).get('after')).toEqual([1]);
  });
});

describe('image opcodes: a corrupt PNG (libpng aborts)', () => {
  const orc = `${HEADER(1000, 10)}
instr 1
  iimg imageload "broken.png"
endin`;
  // The PNG signature, then bytes that are no chunk: libpng reports a read error and, with no setjmp set by the
  // plugin, calls abort(). Native Csound catches SIGABRT and ends the performance; here the abort ends that
  // instance with a CsoundError, and the process and other instances go on.
  const broken = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('GARBAGE!'.repeat(4))]);

  it('ends that instance with a CsoundError carrying libpng\'s message; new instances work', async () => {
    const doc = document(orc, 'i1 0 0');
    const native = runNativeWithFiles(doc, { inputs: { 'broken.png': broken }, outputs: [] });
    expect(native.text).toMatch(/libpng error/);
    const cs = await quietCsound();
    cs.writeFile('/run/broken.png', broken);
    cs.chdir('/run');
    cs.compileCsdText(doc);
    cs.start();
    await expectTrapThenFreshInstanceWorks(cs, /libpng error/);
  });
});

describe('linear algebra la_* (csound-plugins: liblinear_algebra natively)', () => {
  const orc = `${HEADER(1000, 10)}
instr 1
  ivr1 la_i_vr_create 3
  ivr2 la_i_vr_create 3
  ivr1 la_i_vr_set 0, 1
  ivr1 la_i_vr_set 1, -2
  ivr1 la_i_vr_set 2, 3.5
  ivr2 la_i_vr_set 0, 4
  ivr2 la_i_vr_set 1, 5
  ivr2 la_i_vr_set 2, 6
  prints "v dot %.17g\\n", la_i_dot_vr(ivr1, ivr2)
  imr la_i_mr_create 2, 2
  imr la_i_mr_set 0, 0, 4
  imr la_i_mr_set 0, 1, 3
  imr la_i_mr_set 1, 0, 6
  imr la_i_mr_set 1, 1, 3
  prints "v det %.17g\\n", la_i_lu_det_mr(imr)
  ix la_i_vr_create 2
  ix la_i_vr_set 0, 1
  ix la_i_vr_set 1, 2
  iy la_i_vr_create 2
  iy la_i_dot_mr_vr imr, ix
  prints "v mv %.17g %.17g\\n", la_i_get_vr(iy, 0), la_i_get_vr(iy, 1)
endin`;

  it('computes a dot product, a determinant and a matrix-vector product, as native Csound does', async () => {
    const values = await expectSameAsNative(document(orc, 'i1 0 0'), 0);
    expect(values.get('dot')).toEqual([1 * 4 + -2 * 5 + 3.5 * 6]);
    expect(values.get('det')).toEqual([4 * 3 - 3 * 6]);
    expect(values.get('mv')).toEqual([4 * 1 + 3 * 2, 6 * 1 + 3 * 2]);
  });
});

describe('a gmm error in la_* (inverting a singular matrix)', () => {
  const orc = `${HEADER(1000, 10)}
instr 1
  imr la_i_mr_create 2, 2
  imr la_i_mr_set 0, 0, 1
  imr la_i_mr_set 0, 1, 2
  imr la_i_mr_set 1, 0, 2
  imr la_i_mr_set 1, 1, 4
  iinv la_i_mr_create 2, 2
  iinv, icond la_i_invert_mr imr
endin`;

  it('ends that instance with a CsoundError carrying gmm\'s message; new instances work', async () => {
    // Native Csound would terminate the process (an uncaught C++ exception).
    const cs = await quietCsound();
    cs.compileCsdText(document(orc, 'i1 0 0'));
    cs.start();
    await expectTrapThenFreshInstanceWorks(cs, /non invertible matrix/);
  });
});

describe('chuap (csound-plugins: libchua natively)', () => {
  // Parameters of the example in ChuaOscillator.cpp: L, R0, C2, G, Ga, Gb, E, C1, I3(0), V2(0), V1(0), step.
  const P = [0.00945, 7.5, 2e-7, 0.00105, 0, -0.00121, 1.76e-5, 1.5e-8, 0, -0.1, 0.1, 5e-6];
  const orc = `${HEADER(8000, 1)}
instr 1
  aI3, aV2, aV1 chuap ${P.join(', ')}
  kcnt init 0
  kI3 downsamp aI3
  kV2 downsamp aV2
  kV1 downsamp aV1
  printf "v c%d %.17g %.17g %.17g\\n", kcnt + 1, kcnt, kI3, kV2, kV1
  kcnt += 1
endin`;

  /** Chua's circuit with the piecewise-linear diode, one classical Runge-Kutta step per sample. */
  function chuaReference(samples: number): number[][] {
    const [L, R0, C2, G, Ga, Gb, E, C1, I3, V2, V1, step] = P;
    const h = (step * G) / C2;
    const a = Ga / G;
    const b = Gb / G;
    const alpha = C2 / C1;
    const beta = C2 / (L * G * G);
    const gamma = (R0 * C2) / (L * G);
    const f = (x: number, y: number, z: number) => [
      alpha * (y - x - (b * x + 0.5 * (a - b) * (Math.abs(x + 1) - Math.abs(x - 1)))),
      x - y + z,
      -beta * y - gamma * z,
    ];
    let [x, y, z] = [V1 / E, V2 / E, I3 / (E * G)];
    const out: number[][] = [];
    for (let n = 0; n < samples; n++) {
      const k1 = f(x, y, z);
      const k2 = f(x + (h / 2) * k1[0], y + (h / 2) * k1[1], z + (h / 2) * k1[2]);
      const k3 = f(x + (h / 2) * k2[0], y + (h / 2) * k2[1], z + (h / 2) * k2[2]);
      const k4 = f(x + h * k3[0], y + h * k3[1], z + h * k3[2]);
      x += (h / 6) * (k1[0] + 2 * k2[0] + 2 * k3[0] + k4[0]);
      y += (h / 6) * (k1[1] + 2 * k2[1] + 2 * k3[1] + k4[1]);
      z += (h / 6) * (k1[2] + 2 * k2[2] + 2 * k3[2] + k4[2]);
      out.push([E * G * z, E * y, E * x]);
    }
    return out;
  }

  it("integrates Chua's circuit equations (I3, V2, V1 per sample), with the values native Csound prints", async () => {
    const values = await expectSameAsNative(document(orc, 'i1 0 0.025'), 1e-12);
    const expected = chuaReference(200);
    expect(values.size).toBe(200);
    expected.forEach((e, n) => expectClose(values.get(`c${n}`), e, `c${n}`, 1e-9));
  });
});
