// npm run bench [-- --quick] [-- --repeats N] [-- --only name,name] [-- --no-browser] [-- --report-only]
//
// The benchmark suite (bench/suite.ts) against native Csound (Debian's `csound` command), measured in the same run,
// interleaved (native, csound-wasm in process, csound-wasm CLI, the browser worklet, @csound/browser; then again),
// the best of N runs each. Writes build/bench/results.json, docs/PERFORMANCE.md and docs/performance.png (a partial
// run, with --only or --no-browser, writes the last two into build/bench/ instead).
// `--quick` renders one second of each CSD, once: a smoke run of the whole pipeline, not a measurement.
//
// What is timed:
// - native in process: Csound's own clock, printed with -m128: "Elapsed time at end of performance" minus "... at
//   end of score sort", i.e. csoundStart() and the performance, without process start-up, plugin loading, parsing;
// - csound-wasm in process: start() and the performKsmps() loop, in this process, after a warm-up render of the
//   same CSD (the check render below) so the wasm code is already optimised;
// - CLI: user + system CPU time of the whole process (`csound` vs `node dist/js/cli.js`), start-up included, from
//   bash's `times`;
// - browser: see bench/browser.ts.
// Every path's first render writes its output, which is compared with native Csound's (max |Δ|).
import { spawnSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { findChromium } from '../tests/browser/browser.js';
import { REPO_ROOT } from '../tests/browser/server.js';
import { withNativeGlibcTunables } from '../tests/native-glibc.js';
import { BrowserBench } from './browser.js';
import { CSOUND_BROWSER_VERSION } from './csound-browser.js';
import { writeReport, type CaseResult, type Comparison, type Results, type Sample } from './report.js';
import { HELPER_CSDS, QUICK_SECONDS, SECONDS, SUITE, type BenchCsd } from './suite.js';

const argv = process.argv.slice(2);
const flag = (name: string): boolean => argv.includes(name);
const option = (name: string): string | undefined => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const QUICK = flag('--quick');
const REPEATS = Number(option('--repeats') ?? process.env.BENCH_REPEATS ?? (QUICK ? 1 : 3));
const ONLY = option('--only')?.split(',');
const BROWSER = !flag('--no-browser');
const AUDIO_SECONDS = QUICK ? QUICK_SECONDS : SECONDS;
const STARTUP_RUNS = QUICK ? 2 : 7;
const TINY_RUNS = QUICK ? 2 : 5;

const DIST = path.join(REPO_ROOT, 'dist');
const CLI = path.join(DIST, 'js', 'cli.js');
const SCRATCH = path.join(REPO_ROOT, 'build', 'bench', 'scratch');
/** Flags of every timed render (the CSDs' own <CsOptions> hold only -d); -m128 prints Csound's timing lines. */
const TIMED_FLAGS = ['-d', '-m128', '-n'];
/** Flags of the check renders: headerless raw doubles, as the golden suite compares them. */
const CHECK_FLAGS = ['-d', '-m0', '-h', '--format=double'];

const log = (text: string): void => {
  process.stdout.write(`${text}\n`);
};

// ---------------------------------------------------------------------------------------------------------------
// Prerequisites

/** dist/ is built by `npm run build`; another build may be replacing it right now, so wait a little for it. */
async function waitForDist(): Promise<void> {
  const needed = ['js/index.js', 'js/cli.js', 'csound-engine.wasm', 'browser.js'].map((f) => path.join(DIST, f));
  for (let waited = 0; ; waited += 5) {
    if (needed.every((f) => existsSync(f))) return;
    if (waited >= 300) throw new Error(`dist/ is not built (missing ${needed.filter((f) => !existsSync(f)).join(', ')}): run npm run build`);
    if (waited === 0) log('waiting for dist/ (npm run build) ...');
    await new Promise((resolve) => setTimeout(resolve, 5000));
  }
}

/** Native Csound is the reference, Chromium runs the browser part: scripts/setup-system.sh test installs both. */
function ensureNative(): string {
  const probe = () => spawnSync('csound', ['--version'], { encoding: 'utf8' });
  const hasChromium = (): boolean => {
    try {
      findChromium();
      return true;
    } catch {
      return false;
    }
  };
  let run = probe();
  if (run.error || !/Csound version/.test(`${run.stdout}${run.stderr}`) || (BROWSER && !hasChromium())) {
    log('native csound or Chromium not found: running scripts/setup-system.sh test');
    const setup = spawnSync('bash', [path.join(REPO_ROOT, 'scripts', 'setup-system.sh'), 'test'], { stdio: 'inherit' });
    if (setup.status !== 0) throw new Error('scripts/setup-system.sh test failed');
    run = probe();
  }
  const version = /Csound version ([^\n]*)/.exec(`${run.stdout}${run.stderr}`)?.[1]?.trim() ?? '?';
  const deb = spawnSync('dpkg-query', ['-W', '-f=${Version}', 'csound'], { encoding: 'utf8' }).stdout?.trim();
  return deb ? `${version}, Debian ${deb}` : version;
}

// ---------------------------------------------------------------------------------------------------------------
// Processes

interface Timed {
  wallMs: number;
  /** User + system CPU time of the child process (from bash's `times`). */
  cpuMs: number;
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `cmd args` under bash and reads the child's CPU time from `times` on fd 3. */
function timedRun(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Timed {
  const t0 = performance.now();
  const run = spawnSync('bash', ['-c', '"$@"; rc=$?; times >&3; exit $rc', 'bench', cmd, ...args], {
    cwd: SCRATCH,
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
    timeout: 600_000,
  });
  const wallMs = performance.now() - t0;
  const times = String(run.output?.[3] ?? '').trim().split('\n');
  const children = /(\d+)m([\d.]+)s\s+(\d+)m([\d.]+)s/.exec(times[1] ?? '');
  const cpuMs = children ? (Number(children[1]) * 60 + Number(children[2]) + Number(children[3]) * 60 + Number(children[4])) * 1000 : NaN;
  return { wallMs, cpuMs, status: run.status, stdout: run.stdout ?? '', stderr: run.stderr ?? '' };
}

function failure(what: string, run: Timed): Error {
  return new Error(`${what} exited with ${run.status}:\n${(run.stdout + run.stderr).replace(/\x1b\[[0-9;]*m/g, '').slice(-1500)}`);
}

/** "Elapsed time at end of <what>: real: Xs, CPU: Ys" from Csound's output, in ms. */
function elapsed(output: string, what: string): { real: number; cpu: number } {
  const m = new RegExp(`Elapsed time at end of ${what}: real: ([\\d.]+)s, CPU: ([\\d.]+)s`).exec(output.replace(/\x1b\[[0-9;]*m/g, ''));
  if (!m) throw new Error(`no "Elapsed time at end of ${what}" in Csound's output:\n${output.slice(-1000)}`);
  return { real: Number(m[1]) * 1000, cpu: Number(m[2]) * 1000 };
}

// ---------------------------------------------------------------------------------------------------------------
// Output comparison

function readDoubles(bytes: Uint8Array): Float64Array {
  const copy = new Uint8Array(bytes.byteLength - (bytes.byteLength % 8));
  copy.set(bytes.subarray(0, copy.length));
  return new Float64Array(copy.buffer);
}

/**
 * Compares over the common length. `fixedLength`: the renderer's length is not the score's (an OfflineAudioContext
 * renders the frames it was made with, silence after the score's end), so only a shorter output is noted.
 */
function compare(expected: Float64Array, got: ArrayLike<number>, round: (x: number) => number = (x) => x, fixedLength = false): Comparison {
  const n = Math.min(expected.length, got.length);
  let maxDiff = 0;
  let differing = 0;
  for (let i = 0; i < n; i++) {
    const d = Math.abs(round(expected[i]) - got[i]);
    if (d !== 0) differing++;
    if (d > maxDiff || Number.isNaN(d)) maxDiff = Number.isNaN(d) ? Infinity : d;
  }
  const result: Comparison = { maxDiff, samples: n, differing };
  if (n === 0) {
    result.maxDiff = Infinity;
    result.note = 'no output';
  } else if (fixedLength ? got.length < expected.length : expected.length !== got.length) {
    result.note = `${got.length} samples vs native ${expected.length}`;
  }
  return result;
}

/**
 * The first error Csound reported in a render's messages (an init or performance error, which leaves the render
 * doing less than native Csound's), or undefined: such a render is checked but not timed.
 */
function csoundErrors(messages: string[]): string | undefined {
  const text = messages.join('').replace(/\x1b\[[0-9;]*m/g, '');
  const count = Number(/(\d+) errors? in performance/.exec(text)?.[1] ?? 0);
  if (count === 0 && !/(INIT|PERF) ERROR/.test(text)) return undefined;
  const line = text.split('\n').find((l) => /cannot|unable|not found|ERROR|error:/i.test(l) && !/errors? in performance/.test(l));
  return `Csound reported ${count || 'an'} error${count === 1 ? '' : 's'}: ${(line ?? '').trim().slice(0, 200)}`;
}

// ---------------------------------------------------------------------------------------------------------------
// The renderers

type CsoundClass = typeof import('../dist/js/index.js').Csound;

function helperFiles(c: BenchCsd): Record<string, Uint8Array> {
  return Object.fromEntries((c.files ?? []).map((name) => [name, readFileSync(path.join(SCRATCH, name))]));
}

/** Native check render: raw doubles, with glibc's baseline maths as the golden suite (tests/native-glibc.ts). */
function nativeCheck(c: BenchCsd): Float64Array {
  const out = path.join(SCRATCH, `${c.name}.native.raw`);
  const run = timedRun('csound', [...CHECK_FLAGS, '-o', out, `${c.name}.csd`], withNativeGlibcTunables(process.env));
  if (run.status !== 0) throw failure(`csound ${c.name}`, run);
  const samples = readDoubles(readFileSync(out));
  rmSync(out);
  return samples;
}

/** Native timed render: Csound's own clock for the in-process figure, the process's CPU time for the CLI figure. */
function nativeTimed(c: BenchCsd): { inProcess: Sample; cli: Sample } {
  const run = timedRun('csound', [...TIMED_FLAGS, `${c.name}.csd`]);
  if (run.status !== 0) throw failure(`csound ${c.name}`, run);
  const sorted = elapsed(run.stderr + run.stdout, 'score sort');
  const end = elapsed(run.stderr + run.stdout, 'performance');
  return {
    inProcess: { wallMs: end.real - sorted.real, cpuMs: end.cpu - sorted.cpu },
    cli: { wallMs: run.wallMs, cpuMs: run.cpuMs },
  };
}

/** csound-wasm in this process: start() and the performKsmps() loop are timed; with `output`, also returns it. */
async function wasmInProcess(Csound: CsoundClass, c: BenchCsd, text: string, output: boolean): Promise<{ sample: Sample; samples?: Float64Array }> {
  const cs = await Csound.create({ messages: 'none' });
  try {
    cs.writeFile('/bench/in.csd', text);
    for (const [name, bytes] of Object.entries(helperFiles(c))) cs.writeFile(`/bench/${name}`, bytes);
    cs.chdir('/bench');
    for (const option of output ? [...CHECK_FLAGS, '-o/bench/out.raw'] : TIMED_FLAGS) cs.setOption(option);
    if (cs.compileCsdText(text) !== 0) throw new Error(`csound-wasm: ${c.name} did not compile`);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    cs.start();
    while (cs.performKsmps() === 0) {
      // render
    }
    const wallMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const sample = { wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
    if (!output) return { sample };
    cs.cleanup();
    return { sample, samples: readDoubles(cs.readFile('/bench/out.raw')) };
  } finally {
    cs.destroy();
  }
}

function wasmCli(c: BenchCsd, output: boolean): { sample: Sample; samples?: Float64Array } {
  const out = path.join(SCRATCH, `${c.name}.cli.raw`);
  const run = timedRun(process.execPath, [CLI, ...(output ? [...CHECK_FLAGS, '-o', out] : TIMED_FLAGS), `${c.name}.csd`]);
  if (run.status !== 0) throw failure(`csound-wasm CLI ${c.name}`, run);
  const sample = { wallMs: run.wallMs, cpuMs: run.cpuMs };
  if (!output) return { sample };
  const samples = readDoubles(readFileSync(out));
  rmSync(out);
  return { sample, samples };
}

// ---------------------------------------------------------------------------------------------------------------
// Start-up figures

function median(values: number[]): number {
  const v = [...values].sort((a, b) => a - b);
  return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
}

function startup(): Results['startup'] {
  const child = path.join(REPO_ROOT, 'bench', 'startup-child.mjs');
  const runs: { importMs: number; create1Ms: number; firstKcycleMs: number; create2Ms: number }[] = [];
  for (let i = 0; i < STARTUP_RUNS; i++) {
    const run = spawnSync(process.execPath, [child, path.join(DIST, 'js', 'index.js')], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`startup child failed:\n${run.stderr}`);
    runs.push(JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}'));
  }
  const pick = (key: keyof (typeof runs)[number]) => ({ median: median(runs.map((r) => r[key])), min: Math.min(...runs.map((r) => r[key])) });

  // A tiny CSD through both command lines: mostly process start-up.
  writeFileSync(path.join(SCRATCH, 'tiny.csd'), `<CsoundSynthesizer>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 2
0dbfs = 1
instr 1
  a1 oscili 0.1, 440
  outs a1, a1
endin
</CsInstruments>
<CsScore>
i 1 0 0.1
</CsScore>
</CsoundSynthesizer>
`);
  const tiny = { native: [] as Sample[], cli: [] as Sample[] };
  for (let i = 0; i < TINY_RUNS; i++) {
    const n = timedRun('csound', ['-n', '-d', '-m0', 'tiny.csd']);
    if (n.status !== 0) throw failure('csound tiny.csd', n);
    tiny.native.push({ wallMs: n.wallMs, cpuMs: n.cpuMs });
    const w = timedRun(process.execPath, [CLI, '-n', '-d', '-m0', 'tiny.csd']);
    if (w.status !== 0) throw failure('csound-wasm tiny.csd', w);
    tiny.cli.push({ wallMs: w.wallMs, cpuMs: w.cpuMs });
  }
  const best = (s: Sample[]): Sample => ({ wallMs: Math.min(...s.map((x) => x.wallMs)), cpuMs: Math.min(...s.map((x) => x.cpuMs)) });
  const wasm = readFileSync(path.join(DIST, 'csound-engine.wasm'));
  return {
    runs: STARTUP_RUNS,
    importMs: pick('importMs'),
    create1Ms: pick('create1Ms'),
    create2Ms: pick('create2Ms'),
    firstKcycleMs: pick('firstKcycleMs'),
    tinyRuns: TINY_RUNS,
    tinyNative: best(tiny.native),
    tinyCli: best(tiny.cli),
    wasmBytes: wasm.length,
    wasmGzipBytes: gzipSync(wasm, { level: 9 }).length,
  };
}

// ---------------------------------------------------------------------------------------------------------------

function machine(nativeVersion: string, chromium: string | null): Results['machine'] {
  const os = /PRETTY_NAME="([^"]*)"/.exec(existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : '')?.[1] ?? process.platform;
  return {
    cpu: cpus()[0]?.model?.trim() ?? '?',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os,
    node: process.version,
    chromium,
    native: nativeVersion,
  };
}

/** A whole run (every CSD, the browser part) rewrites docs/; a partial one (--only, --no-browser) build/bench/. */
function reportDir(whole: boolean): string {
  return whole ? path.join(REPO_ROOT, 'docs') : path.join(REPO_ROOT, 'build', 'bench');
}

async function main(): Promise<void> {
  if (flag('--report-only')) {
    // Rewrites the report from the last run's results (after a change to bench/report.ts).
    const last = JSON.parse(readFileSync(path.join(REPO_ROOT, 'build', 'bench', 'results.json'), 'utf8')) as Results;
    const dir = reportDir(last.cases.length === SUITE.length && last.browser);
    await writeReport(last, dir);
    log(`wrote ${path.relative(REPO_ROOT, dir)}/PERFORMANCE.md and performance.png from build/bench/results.json`);
    return;
  }
  const started = new Date();
  const load0 = loadavg();
  await waitForDist();
  const nativeVersion = ensureNative();
  const { Csound } = (await import('../dist/js/index.js')) as { Csound: CsoundClass };

  rmSync(SCRATCH, { recursive: true, force: true });
  mkdirSync(SCRATCH, { recursive: true });
  for (const [name, text] of Object.entries(HELPER_CSDS)) {
    writeFileSync(path.join(SCRATCH, `${name}.csd`), text);
    const run = timedRun('csound', ['-d', '-m0', '-W', '-f', '-o', name, `${name}.csd`]);
    if (run.status !== 0) throw failure(`rendering ${name}`, run);
  }
  const cases = SUITE.filter((c) => !ONLY || ONLY.includes(c.name));
  const texts = new Map(cases.map((c) => [c.name, c.csd(AUDIO_SECONDS)]));
  for (const c of cases) writeFileSync(path.join(SCRATCH, `${c.name}.csd`), texts.get(c.name) ?? '');

  log(`${QUICK ? 'quick run' : 'full run'}: ${cases.length} CSDs of ${AUDIO_SECONDS} s, best of ${REPEATS}, interleaved; load average ${load0.map((x) => x.toFixed(2)).join(' ')}`);
  log('start-up figures ...');
  const startupResults = startup();

  const browser = BROWSER ? await BrowserBench.open(REPO_ROOT) : null;
  if (browser?.csoundBrowserError) log(`@csound/browser is not available: ${browser.csoundBrowserError}`);
  const results: CaseResult[] = [];
  try {
    for (const c of cases) {
      const text = texts.get(c.name) ?? '';
      const files = helperFiles(c);
      const t0 = performance.now();
      const r: CaseResult = { name: c.name, covers: c.covers, seconds: AUDIO_SECONDS, native: [], nativeCli: [], wasm: [], wasmCli: [], worklet: [], csoundBrowser: [], check: {} };

      // Check renders, which are also the warm-up of each path.
      const expected = nativeCheck(c);
      r.check.wasm = compare(expected, (await wasmInProcess(Csound, c, text, true)).samples ?? new Float64Array());
      r.check.wasmCli = compare(expected, wasmCli(c, true).samples ?? new Float64Array());
      if (browser) {
        try {
          const w = await browser.worklet(text, files, AUDIO_SECONDS, true);
          r.check.worklet = compare(expected, w.interleaved ?? new Float32Array(), Math.fround, true);
          r.workletError = csoundErrors(w.messages);
        } catch (error) {
          r.workletError = String((error as Error).message ?? error).split('\n')[0];
        }
        if (!browser.csoundBrowserError) {
          const b = await browser.csoundBrowser(text, files, AUDIO_SECONDS, true);
          if (b.error) r.csoundBrowserError = b.error;
          else {
            r.check.csoundBrowser = compare(expected, b.samples ?? new Float64Array());
            r.csoundBrowserError = csoundErrors(b.messages ?? []);
          }
        }
      }

      for (let i = 0; i < REPEATS; i++) {
        const n = nativeTimed(c);
        r.native.push(n.inProcess);
        r.nativeCli.push(n.cli);
        r.wasm.push((await wasmInProcess(Csound, c, text, false)).sample);
        r.wasmCli.push(wasmCli(c, false).sample);
        if (browser && !r.workletError) r.worklet.push({ wallMs: (await browser.worklet(text, files, AUDIO_SECONDS, false)).ms, cpuMs: NaN });
        if (browser && !browser.csoundBrowserError && !r.csoundBrowserError) {
          const b = await browser.csoundBrowser(text, files, AUDIO_SECONDS, false);
          if (b.error) r.csoundBrowserError = b.error;
          else r.csoundBrowser.push({ wallMs: b.ms ?? NaN, cpuMs: NaN });
        }
      }
      results.push(r);
      const best = (s: Sample[], key: keyof Sample) => (s.length ? Math.min(...s.map((x) => x[key])).toFixed(0) : '-');
      log(`${c.name.padEnd(18)} native ${best(r.native, 'wallMs')} ms, wasm ${best(r.wasm, 'wallMs')} ms, ` +
        `CLI cpu ${best(r.nativeCli, 'cpuMs')} / ${best(r.wasmCli, 'cpuMs')} ms, worklet ${best(r.worklet, 'wallMs')} ms, ` +
        `@csound/browser ${best(r.csoundBrowser, 'wallMs')} ms; max |Δ| wasm ${r.check.wasm?.maxDiff.toExponential(1)} ` +
        `(${((performance.now() - t0) / 1000).toFixed(0)} s)`);
    }
  } finally {
    await browser?.close();
  }

  const all: Results = {
    quick: QUICK,
    repeats: REPEATS,
    started: started.toISOString(),
    durationS: 0,
    loadBefore: load0,
    loadAfter: loadavg(),
    machine: machine(nativeVersion, browser?.version ?? null),
    csoundBrowserVersion: CSOUND_BROWSER_VERSION,
    csoundBrowserError: browser?.csoundBrowserError ?? (BROWSER ? null : 'the browser part was not run (--no-browser)'),
    browser: BROWSER,
    startup: startupResults,
    cases: results,
  };
  all.durationS = (Date.now() - started.getTime()) / 1000;
  mkdirSync(path.join(REPO_ROOT, 'build', 'bench'), { recursive: true });
  writeFileSync(path.join(REPO_ROOT, 'build', 'bench', 'results.json'), JSON.stringify(all, null, 2));
  const dir = reportDir(!ONLY && BROWSER);
  await writeReport(all, dir);
  log(`wrote ${path.relative(REPO_ROOT, dir)}/PERFORMANCE.md and performance.png (${all.durationS.toFixed(0)} s in all)`);
}

await main();
