// Renders one CSD with native Csound (the `csound` command) and with csound-wasm, both to headerless raw doubles
// with the same flags, and reads the result back as Float64Array.
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Csound, CsoundError } from '../../dist/js/index.js';
import { NATIVE_REFERENCE_LIB, withNativeGlibcTunables } from '../native-glibc.js';

/**
 * Flags given to both renderers, after the CSD's own <CsOptions> (command-line flags win, so `-odac` there is
 * replaced by our `-o`): no displays, no messages but errors, headerless (raw) 64-bit float output.
 */
export const RENDER_FLAGS = ['-d', '-m0', '-h', '--format=double'] as const;

/** Where the wasm render writes its output in the engine's virtual file system. */
const WASM_OUT = '/render/out.raw';
/** The folder of the virtual file system where a case's files are written; the engine works from there. */
const WASM_CWD = '/golden';

export interface RenderResult {
  /** False when the renderer failed (compile error, crash, timeout, performance error). */
  ok: boolean;
  /** The rendered samples (interleaved), or null when there is no output file. */
  samples: Float64Array | null;
  /** Output channels and sample rate (wasm only; 0 when unknown). */
  nchnls: number;
  sr: number;
  /** Samples in the whole output file (`samples` may hold a prefix only). */
  totalSamples: number;
  /** What went wrong, in one line, when !ok. */
  error: string;
  /** Everything the renderer printed (ANSI colours stripped). */
  log: string;
  ms: number;
}

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g;

/** Raw bytes as doubles; a trailing partial sample (a truncated file) is dropped. */
export function bytesToDoubles(bytes: Uint8Array, maxSamples = Infinity): Float64Array {
  const count = Math.min(Math.floor(bytes.byteLength / 8), maxSamples);
  const copy = new Uint8Array(count * 8);
  copy.set(bytes.subarray(0, count * 8));
  return new Float64Array(copy.buffer);
}

/** The regular files of `dir` (not recursive): a CSD and the neighbours it may read (samples, .orc/.sco, includes). */
export function neighbourFiles(dir: string): string[] {
  return readdirSync(dir).filter((name) => statSync(join(dir, name)).isFile());
}

/**
 * A fresh temporary copy of the CSD's folder (files only) for the native render, so that CSDs writing files
 * never touch the source tree and every case starts from the pristine folder.
 */
export function makeNativeWorkDir(sourceDir: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'csound-golden-'));
  for (const name of neighbourFiles(sourceDir)) copyFileSync(join(sourceDir, name), join(dir, name));
  return dir;
}

/**
 * The environment for native csound: glibc's baseline maths code (see tests/native-glibc.ts), and without the
 * variables that would let it find files elsewhere.
 */
function nativeEnv(): NodeJS.ProcessEnv {
  const env = withNativeGlibcTunables(process.env);
  if (NATIVE_REFERENCE_LIB !== null) {
    // Debian's csound command with the reference library, and Debian's plugins (the library's own default plugin
    // folder is under /usr/local).
    env.LD_LIBRARY_PATH = NATIVE_REFERENCE_LIB;
    env.OPCODE6DIR64 ??= debianPluginDir();
  }
  for (const name of ['SFDIR', 'SSDIR', 'SADIR', 'INCDIR', 'MFDIR', 'CSOUNDRC', 'CSSTRNGS', 'CS_LANG']) delete env[name];
  return env;
}

/** Debian's Csound plugin folder, /usr/lib/<multiarch>/csound/plugins64-6.0. */
function debianPluginDir(): string {
  const multiarch = spawnSync('gcc', ['-print-multiarch'], { encoding: 'utf8' }).stdout?.trim() || 'x86_64-linux-gnu';
  return `/usr/lib/${multiarch}/csound/plugins64-6.0`;
}

/** Reads at most `maxSamples` doubles of a raw file (long renders are compared over a capped prefix only). */
function readRawPrefix(path: string, maxSamples: number): { samples: Float64Array; total: number } {
  const size = statSync(path).size;
  const bytes = Math.min(size - (size % 8), Number.isFinite(maxSamples) ? maxSamples * 8 : size);
  const buf = new Uint8Array(bytes);
  const fd = openSync(path, 'r');
  try {
    let done = 0;
    while (done < bytes) {
      const n = readSync(fd, buf, done, bytes - done, done);
      if (n <= 0) break;
      done += n;
    }
  } finally {
    closeSync(fd);
  }
  return { samples: new Float64Array(buf.buffer), total: Math.floor(size / 8) };
}

export interface NativeOptions {
  /** Folder the CSD is in (it becomes the working folder of a temporary copy). */
  sourceDir: string;
  csd: string;
  timeoutMs?: number;
  /** Keep only this many samples of the output. */
  maxSamples?: number;
  /** Variables added to native csound's environment. */
  env?: Record<string, string>;
}

export function renderNative(options: NativeOptions): RenderResult {
  const started = Date.now();
  const work = makeNativeWorkDir(options.sourceDir);
  const out = join(work, '__golden_native.raw');
  try {
    const args = [...RENDER_FLAGS, '-o', out, options.csd];
    const run = spawnSync('csound', args, {
      cwd: work,
      env: { ...nativeEnv(), ...options.env },
      encoding: 'utf8',
      timeout: options.timeoutMs ?? 60_000,
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const log = `${run.stdout ?? ''}${run.stderr ?? ''}`.replace(ANSI, '');
    const raw = existsSync(out) ? readRawPrefix(out, options.maxSamples ?? Infinity) : null;
    let error = '';
    if (run.error) error = `csound did not run: ${run.error.message}`;
    else if (run.signal) error = `csound was killed by ${run.signal}`;
    else if (run.status !== 0) error = `csound exited with ${run.status}: ${firstErrorLine(log)}`;
    return {
      ok: error === '',
      samples: raw?.samples ?? null,
      nchnls: 0,
      sr: 0,
      totalSamples: raw?.total ?? 0,
      error,
      log,
      ms: Date.now() - started,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export interface WasmOptions {
  sourceDir: string;
  csd: string;
  /** Stop performing after this many seconds of audio (the output is then compared over a prefix). */
  maxSeconds?: number;
  /** Wall-clock limit, checked between blocks of control periods. */
  timeoutMs?: number;
}

export async function renderWasm(options: WasmOptions): Promise<RenderResult> {
  const started = Date.now();
  const lines: string[] = [];
  let cs: Csound | null = null;
  let nchnls = 0;
  let sr = 0;
  const result = (ok: boolean, samples: Float64Array | null, error: string): RenderResult => ({
    ok,
    samples,
    nchnls,
    sr,
    totalSamples: samples?.length ?? 0,
    error,
    log: lines.join('').replace(ANSI, ''),
    ms: Date.now() - started,
  });
  try {
    cs = await Csound.create({ messages: 'none' });
    cs.setMessageCallback((_attr, text) => {
      if (lines.length < 5000) lines.push(text);
    });
    for (const name of neighbourFiles(options.sourceDir)) {
      cs.writeFile(`${WASM_CWD}/${name}`, readFileSync(join(options.sourceDir, name)));
    }
    cs.writeFile(`${WASM_OUT}.keep`, ''); // the facade has no mkdir: writing a file creates the output folder
    cs.chdir(WASM_CWD);
    cs.compile('csound', ...RENDER_FLAGS, '-o', WASM_OUT, options.csd);
    nchnls = cs.channels();
    sr = cs.sr();
    const maxFrames = (options.maxSeconds ?? Infinity) * sr;
    const deadline = started + (options.timeoutMs ?? 60_000);
    let timedOut = false;
    while (cs.performKsmpsBlock(512) === 0) {
      if (cs.currentTimeSamples() >= maxFrames) break;
      if (Date.now() > deadline) {
        timedOut = true;
        break;
      }
    }
    cs.cleanup();
    const samples = cs.fileExists(WASM_OUT) ? bytesToDoubles(cs.readFile(WASM_OUT)) : null;
    if (timedOut) return result(false, samples, `timed out after ${options.timeoutMs ?? 60_000} ms`);
    return result(true, samples, '');
  } catch (cause) {
    // CsoundError's message ends with the last lines Csound printed: keep its first line.
    const text = (cause instanceof Error ? cause.message : String(cause)).split('\n')[0];
    if (cause instanceof CsoundError && lines.length === 0) lines.push(...cause.messages);
    const first = firstErrorLine(lines.join(''));
    return result(false, null, first ? `${text}: ${first}` : text);
  } finally {
    cs?.destroy();
  }
}

/** The first line that looks like an error, for one-line reports. */
export function firstErrorLine(log: string): string {
  const clean = log.replace(ANSI, '');
  const line = clean.split('\n').find((l) => /error|not found|unable|cannot|failed/i.test(l) && !/0 errors/.test(l));
  return (line ?? '').trim().slice(0, 160);
}

/**
 * The opcode named by a "missing opcode" failure in a render log, or null. Csound 6.18 reports an opcode it does
 * not know as a syntax error on the identifier (`unexpected T_IDENT (token "name")`, or `unexpected T_IDENT,
 * expecting ...` when it has an array output) when it is used as a statement; as `opcode 'name' for expression with
 * arg types ... not found` when a function-call form exists for other argument types only (the array versions of
 * sin, sqrt, ... live in a plugin); and as `Unable to find opcode ...` or `opcode name not found` elsewhere.
 */
export function missingOpcode(log: string): string | null {
  const patterns = [
    /opcode '([^']+)' for expression with arg types \S+ not found/,
    /unexpected T_IDENT[^(\n]*\(token "([^"]+)"\)/,
    /Unable to find opcode (?:entry )?(?:with name:?\s*|for\s*)'?"?([A-Za-z_][\w.]*)/i,
    /opcode\s+'?"?([A-Za-z_][\w.]*)'?"?\s+not found/i,
    /no legal opcode ([A-Za-z_][\w.]*)/i,
  ];
  for (const p of patterns) {
    const m = p.exec(log);
    if (m) return m[1];
  }
  return null;
}
