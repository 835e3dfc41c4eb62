// The package as its users get it: `npm pack` the built package, install the tarball into small apps written the
// way users write them (tests/consumers/fixtures/), build them with their own tools and use them.
// - Browser apps (Vite 7, Vite 8, webpack 5, esbuild, an import-map page without a bundler), each in Chromium and
//   Firefox, from Vite's dev server and from the built output: the engine loads, Play produces sound (the audio
//   thread counts quanta, the output ring is not silent), and an OfflineAudioContext render equals the Node
//   render sample for sample.
// - Node: an ESM script renders (its output is the reference for everything else), a TypeScript --strict
//   Node-only project compiles and renders the same bytes, and a TypeScript browser project type-checks.
// Each app is copied to a folder outside the repository before installing, so that nothing resolves from the
// repository's own node_modules (its @types/node, its vite, its copy of the package).
// At the end a table shows every consumer × (dev, build) × (Chromium, Firefox).
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchTestBrowser, type BrowserName, type TestBrowser } from '../browser/browser.js';
import { startServer, type RunningServer } from '../browser/server.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(HERE, '..', '..');
const ARTIFACTS = path.join(REPO_ROOT, 'tests', 'artifacts', 'consumers');
const PIECE_PATH = path.join(HERE, 'shared', 'piece.csd');
const CHECKS_PATH = path.join(HERE, 'shared', 'checks.js');

/** The piece lasts 1 s; the offline render is longer so that the silence after the score's end is checked too. */
const OFFLINE_SECONDS = 1.1;
/** How long each page plays in realtime (the piece plus the start-up). */
const REALTIME_SECONDS = 1.5;
/** A test that may install packages and build an app first (the npm cache may be cold). */
const INSTALLING = { timeout: 300_000 };

const BROWSERS: readonly BrowserName[] = ['chromium', 'firefox'];
const BROWSER_LABEL: Record<BrowserName, string> = { chromium: 'Chromium', firefox: 'Firefox' };

// ---------------------------------------------------------------------------------------------------------------
// Processes

/** The environment for npm and the tools: without what `npm test` puts there for the repository itself
 *  (npm_config_local_prefix and friends would point a nested npm at the repository). */
function toolEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^npm_/i.test(key) && key !== 'INIT_CWD') env[key] = value;
  }
  return { ...env, npm_config_update_notifier: 'false', NO_COLOR: '1', FORCE_COLOR: '0' };
}

function tail(text: string, lines = 40): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

/** Runs a command to its end; rejects with its output when it fails or outlasts `timeoutMs`. */
function run(command: string, args: string[], cwd: string, timeoutMs = 300_000): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: toolEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve({ stdout, stderr });
      else {
        reject(new Error(`\`${command} ${args.join(' ')}\` in ${cwd} ${signal ? `was killed (${signal})` : `exited with ${code}`}\n` +
          `--- stdout\n${tail(stdout)}\n--- stderr\n${tail(stderr)}`));
      }
    });
  });
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A server the test started (Vite's dev server or preview, or the static server), stopped after its pages. */
interface Served {
  url: string;
  stop(): Promise<void>;
}

/** Starts `node <script> ...args` and resolves once it prints `url` (Vite prints its address when it listens). */
function startNodeServer(script: string, args: string[], cwd: string, url: string): Promise<Served> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { cwd, env: toolEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const stop = () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      });
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`\`node ${script} ${args.join(' ')}\` did not print ${url} within 60 s:\n${tail(output)}`));
    }, 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.replace(/\x1b\[[0-9;]*m/g, '').includes(url)) {
        clearTimeout(timer);
        resolve({ url, stop });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`\`node ${script} ${args.join(' ')}\` exited (${code ?? signal}) before listening:\n${tail(output)}`));
    });
  });
}

async function serveStatic(root: string): Promise<Served> {
  const server: RunningServer = await startServer({ root });
  return { url: `${server.url}/`, stop: () => server.close() };
}

// ---------------------------------------------------------------------------------------------------------------
// The tarball and the apps

let tarball = '';
let scratchRoot = '';

async function packTarball(): Promise<string> {
  const browserEntry = path.join(REPO_ROOT, 'dist', 'browser.js');
  if (!(await stat(browserEntry).catch(() => null))) {
    throw new Error('dist/browser.js is missing: build the package first (npm run build)');
  }
  await rm(ARTIFACTS, { recursive: true, force: true });
  await mkdir(ARTIFACTS, { recursive: true });
  await run('npm', ['pack', '--pack-destination', ARTIFACTS, '--silent'], REPO_ROOT);
  const packed = (await readdir(ARTIFACTS)).filter((name) => name.endsWith('.tgz'));
  if (packed.length !== 1) throw new Error(`npm pack left ${packed.length} tarballs in ${ARTIFACTS}`);
  return path.join(ARTIFACTS, packed[0]);
}

/** Copies a fixture to a scratch folder and installs the tarball and the fixture's own devDependencies there. */
async function installFixture(name: string, options: { page?: boolean } = {}): Promise<string> {
  const dir = path.join(scratchRoot, name);
  await cp(path.join(HERE, 'fixtures', name), dir, { recursive: true });
  if (options.page) await cp(CHECKS_PATH, path.join(dir, 'src', 'checks.js'));
  await cp(PIECE_PATH, path.join(dir, 'piece.csd'));
  const started = Date.now();
  await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', tarball], dir);
  timings.push(`${name}: npm install ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return dir;
}

/** Runs a build step and records its duration. */
async function timed<T>(label: string, body: () => Promise<T>): Promise<T> {
  const started = Date.now();
  try {
    return await body();
  } finally {
    timings.push(`${label} ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}

/** Memoizes an async step: every test of a consumer shares one install/build, and its failure. */
function once<T>(body: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | null = null;
  return () => (promise ??= body());
}

// ---------------------------------------------------------------------------------------------------------------
// Results table

type Column = 'dev·Chromium' | 'dev·Firefox' | 'build·Chromium' | 'build·Firefox' | 'Node/tsc';
const COLUMNS: readonly Column[] = ['dev·Chromium', 'dev·Firefox', 'build·Chromium', 'build·Firefox', 'Node/tsc'];
const CONSUMERS = ['node-esm', 'ts-node-strict', 'ts-browser', 'vite7', 'vite8', 'webpack5', 'esbuild', 'importmap'] as const;
type Consumer = (typeof CONSUMERS)[number];

const results = new Map<Consumer, Map<Column, string[]>>();
const timings: string[] = [];

function note(consumer: Consumer, column: Column, outcome: string): void {
  const row = results.get(consumer) ?? new Map<Column, string[]>();
  results.set(consumer, row);
  row.set(column, [...(row.get(column) ?? []), outcome]);
}

/** Runs a check and notes 'pass' or 'FAIL' (prefixed with `what` when a cell holds several checks). */
async function checked(consumer: Consumer, column: Column, what: string, body: () => Promise<void>): Promise<void> {
  const label = what ? `${what} ` : '';
  try {
    await body();
    note(consumer, column, `${label}pass`);
  } catch (err) {
    note(consumer, column, `${label}FAIL`);
    throw err;
  }
}

function printTable(): string {
  const header = ['consumer', ...COLUMNS];
  const rows = CONSUMERS.map((consumer) => [
    consumer,
    ...COLUMNS.map((column) => results.get(consumer)?.get(column)?.join(', ') ?? (NOT_APPLICABLE[consumer].includes(column) ? 'n/a' : 'not run')),
  ]);
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => row[i].length)));
  const line = (row: string[]) => `| ${row.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  return [
    line(header),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.map(line),
    'n/a: no such mode (webpack5 and esbuild are only built; importmap has no build step, its "build" is the page ' +
      'served as written). not run: left out by a filter.',
  ].join('\n');
}

/** Cells that have no meaning for a consumer (no dev server, no page, no Node side). */
const BROWSER_COLUMNS: Column[] = ['dev·Chromium', 'dev·Firefox', 'build·Chromium', 'build·Firefox'];
const NOT_APPLICABLE: Record<Consumer, Column[]> = {
  'node-esm': BROWSER_COLUMNS,
  'ts-node-strict': BROWSER_COLUMNS,
  'ts-browser': BROWSER_COLUMNS,
  vite7: ['Node/tsc'],
  vite8: ['Node/tsc'],
  webpack5: ['dev·Chromium', 'dev·Firefox', 'Node/tsc'],
  esbuild: ['dev·Chromium', 'dev·Firefox', 'Node/tsc'],
  importmap: ['dev·Chromium', 'dev·Firefox', 'Node/tsc'],
};

// ---------------------------------------------------------------------------------------------------------------
// Samples

interface NodeRender {
  /** Interleaved float32 samples (spout / 0dbfs), as node-esm/main.mjs writes them. */
  samples: Float32Array;
  bytes: Buffer;
  nchnls: number;
  frames: number;
}

/**
 * The node-esm consumer's render: an ESM script importing the installed tarball. It is the reference of every
 * other consumer, made once, by whichever test needs it first.
 */
const nodeReference = once(async (): Promise<NodeRender> => {
  const dir = await installFixture('node-esm');
  const { stdout } = await timed('node-esm: render', () => run(process.execPath, ['main.mjs', 'piece.csd', 'render.f32'], dir));
  const summary = JSON.parse(stdout.trim().split('\n').pop()!) as { sr: number; nchnls: number; frames: number };
  expect(summary).toMatchObject({ sr: 48000, nchnls: 2, frames: 48000 });
  const bytes = await readFile(path.join(dir, 'render.f32'));
  const samples = new Float32Array(Uint8Array.from(bytes).buffer);
  expect(samples.length).toBe(summary.frames * summary.nchnls);
  return { samples, bytes, nchnls: summary.nchnls, frames: summary.frames };
});

async function requireReference(): Promise<NodeRender> {
  try {
    return await nodeReference();
  } catch (err) {
    throw new Error(`no Node reference render: the node-esm consumer failed:\n${(err as Error).message}`);
  }
}

function float32FromBase64(text: string): Float32Array {
  const bytes = Buffer.from(text, 'base64');
  // Copy into a fresh, aligned buffer (Buffer's pool offset need not be a multiple of 4).
  return new Float32Array(Uint8Array.from(bytes).buffer);
}

/** Compares an OfflineAudioContext render with the Node render: equal while the score plays, silent after. */
async function expectEqualsReference(channels: Float32Array[], context: string): Promise<void> {
  const ref = await requireReference();
  expect(channels.length, context).toBe(ref.nchnls);
  for (let c = 0; c < ref.nchnls; c++) {
    const got = channels[c];
    expect(got.length, `${context}: channel ${c} length`).toBeGreaterThanOrEqual(ref.frames);
    let firstDifference = -1;
    let maxDelta = 0;
    for (let f = 0; f < ref.frames; f++) {
      const delta = Math.abs(got[f] - ref.samples[f * ref.nchnls + c]);
      if (delta > 0 && firstDifference < 0) firstDifference = f;
      maxDelta = Math.max(maxDelta, delta);
    }
    expect(firstDifference, `${context}: channel ${c} differs from the Node render from frame ${firstDifference} ` +
      `(max |Δ| ${maxDelta})`).toBe(-1);
    const tailNonZero = got.subarray(ref.frames).findIndex((x) => x !== 0);
    expect(tailNonZero, `${context}: channel ${c} is not silent after the score's end`).toBe(-1);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Pages

interface PlayReport {
  crossOriginIsolated: boolean;
  contextState: string;
  framesRead: number;
  peak: number;
  quanta?: number;
  underruns?: number;
  meanMs?: number;
  quantumMs?: number;
  error?: string;
}
interface ConsumerWindow {
  consumerReady?: { version: number };
  consumerStartupError?: string;
  consumerChecks: {
    play(csd: string, seconds: number): Promise<PlayReport>;
    renderOffline(csd: string, seconds: number): Promise<{ sampleRate: number; channels: string[] }>;
  };
}

const browsers = new Map<BrowserName, Promise<TestBrowser>>();
function browser(name: BrowserName): Promise<TestBrowser> {
  let launched = browsers.get(name);
  if (!launched) {
    launched = launchTestBrowser(name);
    browsers.set(name, launched);
  }
  return launched;
}

let csd = '';

/** Opens the app's page and runs the checks: engine loads, realtime play is heard, offline render is exact. */
async function checkPage(browserName: BrowserName, url: string, label: string): Promise<void> {
  const page = await (await browser(browserName)).open(url);
  try {
    await page.page.waitForFunction(() => {
      const w = window as unknown as ConsumerWindow;
      return w.consumerReady !== undefined || w.consumerStartupError !== undefined;
    }, undefined, { timeout: 60_000 });
    const startupError = await page.page.evaluate(() => (window as unknown as ConsumerWindow).consumerStartupError ?? null);
    expect(startupError, page.report()).toBeNull();

    const played = await page.page.evaluate(
      ([text, seconds]) => (window as unknown as ConsumerWindow).consumerChecks.play(text, seconds),
      [csd, REALTIME_SECONDS] as [string, number],
    );
    console.log(`${label}: realtime ${played.contextState}, ${played.quanta ?? '?'} quanta, ${played.underruns ?? '?'} ` +
      `underruns, ${played.framesRead} frames read from the output ring, peak ${played.peak.toFixed(3)}`);
    expect(played.error, `${played.error}\n${page.report()}`).toBeUndefined();
    expect(played.crossOriginIsolated, 'the page is not cross-origin isolated').toBe(true);
    expect(played.contextState).toBe('running');
    // 1.5 s at 48 kHz is 562 quanta of 128 frames; the piece alone is 375.
    expect(played.quanta, page.report()).toBeGreaterThan(100);
    expect(played.framesRead).toBeGreaterThan(0);
    expect(played.peak, 'the output ring held only silence').toBeGreaterThan(0.1);

    const rendered = await page.page.evaluate(
      ([text, seconds]) => (window as unknown as ConsumerWindow).consumerChecks.renderOffline(text, seconds),
      [csd, OFFLINE_SECONDS] as [string, number],
    );
    expect(rendered.sampleRate).toBe(48000);
    await expectEqualsReference(rendered.channels.map(float32FromBase64), `${label}, OfflineAudioContext`);
  } finally {
    await page.close();
  }
}

// ---------------------------------------------------------------------------------------------------------------

const tierStarted = Date.now();

beforeAll(async () => {
  csd = await readFile(PIECE_PATH, 'utf8');
  scratchRoot = await mkdtemp(path.join(os.tmpdir(), 'csound-wasm-consumers-'));
  tarball = await timed('npm pack', packTarball);
});

afterAll(async () => {
  for (const launched of browsers.values()) await (await launched.catch(() => null))?.close();
  if (scratchRoot && !process.env.CSOUND_WASM_KEEP_CONSUMERS) await rm(scratchRoot, { recursive: true, force: true });
  console.log(`consumers of ${path.relative(REPO_ROOT, tarball)} (${((Date.now() - tierStarted) / 1000).toFixed(0)} s; ` +
    `${timings.join('; ')})\n${printTable()}`);
});

describe.sequential('Node consumers', () => {
  it('node-esm: an ESM script imports the tarball and renders the piece', INSTALLING, async () => {
    await checked('node-esm', 'Node/tsc', '', async () => {
      const { samples } = await nodeReference();
      expect(samples.reduce((peak, x) => Math.max(peak, Math.abs(x)), 0), 'the render is silent').toBeGreaterThan(0.1);
    });
  });

  const tsNodeStrict = once(async () => {
    const dir = await installFixture('ts-node-strict');
    // tsc writes out/ even when it reports errors, so the render below runs either way.
    const compiled = await timed('ts-node-strict: tsc', () => run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', '.'], dir))
      .then(() => null, (err: Error) => err);
    return { dir, compiled };
  });

  it('ts-node-strict: the package\'s types compile with --strict in a Node-only project (no DOM, skipLibCheck off)', INSTALLING, async () => {
    await checked('ts-node-strict', 'Node/tsc', 'tsc', async () => {
      const { compiled } = await tsNodeStrict();
      if (compiled) throw compiled;
    });
  });

  it('ts-node-strict: the compiled project renders the same bytes as node-esm, and plays on a CsoundPerformanceThread', async () => {
    await checked('ts-node-strict', 'Node/tsc', 'render', async () => {
      const { dir } = await tsNodeStrict();
      const { stdout } = await run(process.execPath, ['out/main.js', 'piece.csd', 'render.f32'], dir);
      const summary = JSON.parse(stdout.trim().split('\n').pop()!) as { frames: number; performanceThread: { frames: number } };
      const bytes = await readFile(path.join(dir, 'render.f32'));
      const ref = await requireReference();
      expect(bytes.equals(ref.bytes), 'the TypeScript project\'s render differs from node-esm\'s').toBe(true);
      expect(summary.performanceThread.frames).toBe(ref.frames);
    });
  });

  it('ts-browser: the package\'s types compile with --strict in a browser project (DOM, bundler resolution)', INSTALLING, async () => {
    await checked('ts-browser', 'Node/tsc', 'tsc', async () => {
      const dir = await installFixture('ts-browser');
      await timed('ts-browser: tsc', () => run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', '.'], dir));
    });
  });
});

type Mode = 'dev' | 'build';
interface PageConsumer {
  name: Consumer;
  /** How each mode is served: install (shared by the modes), build if needed, start a server. */
  modes: Partial<Record<Mode, (dir: string) => Promise<Served>>>;
}

const vite = (name: Consumer): PageConsumer => ({
  name,
  modes: {
    dev: async (dir) => {
      const port = await freePort();
      return startNodeServer('node_modules/vite/bin/vite.js', ['--host', '127.0.0.1', '--port', String(port), '--strictPort'], dir,
        `http://127.0.0.1:${port}/`);
    },
    build: async (dir) => {
      await timed(`${name}: vite build`, () => run(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], dir));
      const port = await freePort();
      return startNodeServer('node_modules/vite/bin/vite.js', ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
        dir, `http://127.0.0.1:${port}/`);
    },
  },
});

/** Built with the fixture's `npm run build`, served (page and output) by the test's static server with the headers. */
const bundled = (name: Consumer): PageConsumer => ({
  name,
  modes: {
    build: async (dir) => {
      await timed(`${name}: npm run build`, () => run('npm', ['run', 'build', '--silent'], dir));
      return serveStatic(dir);
    },
  },
});

const PAGE_CONSUMERS: PageConsumer[] = [
  vite('vite7'),
  vite('vite8'),
  bundled('webpack5'),
  bundled('esbuild'),
  // No build step: the page and node_modules are served as they are.
  { name: 'importmap', modes: { build: (dir) => serveStatic(dir) } },
];

for (const consumer of PAGE_CONSUMERS) {
  describe.sequential(`${consumer.name} app`, () => {
    const installed = once(() => installFixture(consumer.name, { page: true }));
    const servers: Served[] = [];
    afterAll(async () => {
      for (const server of servers) await server.stop();
    });

    for (const [mode, serve] of Object.entries(consumer.modes) as [Mode, (dir: string) => Promise<Served>][]) {
      const served = once(async () => {
        const server = await serve(await installed());
        servers.push(server);
        return server;
      });
      for (const browserName of BROWSERS) {
        const label = `${consumer.name} ${mode} in ${BROWSER_LABEL[browserName]}`;
        it(`${label}: the engine loads, Play is heard, the offline render equals Node's`, INSTALLING, async () => {
          await checked(consumer.name, `${mode}·${BROWSER_LABEL[browserName]}` as Column, '', async () => {
            const server = await served();
            await checkPage(browserName, server.url, label);
          });
        });
      }
    }
  });
}
