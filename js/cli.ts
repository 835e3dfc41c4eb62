#!/usr/bin/env node
// csound-wasm: renders like the csound command. Every argument is passed to Csound unchanged (Csound parses its own
// flags: -o, -W, -d, -m N, --sample-rate, -k, -b/-B, orc/sco pairs, ...), apart from --allow-system, which is the
// CLI's. Host files are visible under the same paths, so relative and absolute file names work as with native
// csound, but only in the folders the command line names (see namedFolders).
// -odac (also -odac:… and -o dac) plays through node-web-audio-api (an optional peer dependency) in real time:
// the performer is the same AudioWorkletProcessor as in browsers, on an AudioContext at the orchestra's sr.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { Csound, CsoundError, CsoundPerformanceThread, MessageClassifier } from './index.js';
import { loadNodeWebAudio } from './platform-node.js';

// V8 settings for this process only (the library sets none): the CLI is a short-lived process, and a render of a
// small CSD ended, then waited ≈60 ms at exit for optimising compiles of functions that ran a little (the parser's,
// Csound's set-up); with a larger tiering budget only what runs for long (the opcodes of a render) is optimised,
// and long renders take the same time. Lazy validation checks each wasm function when it is first compiled instead
// of all 4 MB up front (≈10 ms). Set before the engine is compiled, which happens in main().
v8.setFlagsFromString('--wasm-tiering-budget=50000000');
v8.setFlagsFromString('--wasm-lazy-validation');

const PROGRESS_INTERVAL_MS = 100;
const BLOCK_KSMPS = 64;
/** The CLI's own flag: lets the CSD run shell commands (system, system_i, <CsScore bin>). Not passed to Csound. */
const ALLOW_SYSTEM = '--allow-system';
/** The CLI's own flag: the output device (node-web-audio-api's sinkId) for -odac; `none` plays to no device. */
const AUDIO_SINK = '--audio-sink=';
/** Native csound exits with 1 when Ctrl+C (SIGINT) or SIGTERM stops it; so does this CLI. */
const INTERRUPTED_EXIT = 1;

/** Splits a <CsOptions> section into arguments (spaces separate them; quotes group). */
function csOptionsOf(file: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const section = /<CsOptions>([\s\S]*?)<\/CsOptions>/i.exec(text)?.[1] ?? '';
  const lines = section.split('\n').map((line) => line.replace(/(^|\s);.*$/, ''));
  return lines.join(' ').match(/"[^"]*"|\S+/g)?.map((arg) => arg.replace(/^"|"$/g, '')) ?? [];
}

/** The last -o/-i target (or -n: no sound) of a list of arguments, or null when none names one. */
function lastTarget(args: string[], flag: 'o' | 'i'): string | null {
  let target: string | null = null;
  const long = flag === 'o' ? '--output=' : '--input=';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === `-${flag}`) target = args[++i] ?? null;
    else if (arg.startsWith(`-${flag}`)) target = arg.slice(2);
    else if (arg.startsWith(long)) target = arg.slice(long.length);
    else if (flag === 'o' && (arg === '-n' || arg === '--nosound')) target = '';
  }
  return target;
}

/**
 * Where the performance sends its audio, before compiling: flags on the command line override a CSD's <CsOptions>,
 * as in csound. The engine must know before it compiles whether the host moves the audio (-odac).
 */
function audioTargets(argv: string[]): { dac: boolean; adc: boolean } {
  const fromOptions = argv.filter((a) => !a.startsWith('-') && /\.csd$/i.test(a)).flatMap(csOptionsOf);
  const output = lastTarget(argv, 'o') ?? lastTarget(fromOptions, 'o') ?? '';
  const input = lastTarget(argv, 'i') ?? lastTarget(fromOptions, 'i') ?? '';
  return { dac: /^dac/.test(output), adc: /^adc/.test(input) };
}

function isFolder(p: string): boolean {
  return existsSync(p) && statSync(p).isDirectory();
}

/**
 * The host folders the engine sees: the working folder (relative names), and for each path the command line names
 * (orc, sco or csd, `-o`/`-i` files, `--env:VAR=dir`, `--env:VAR+=dir`, any `--opt=value` or `-Xvalue`, any other
 * argument) the folder itself when it names one, else the folder that holds it. Nothing else of the host is
 * visible, so a CSD cannot read or write files elsewhere (an #include, diskin or fout of another folder fails as
 * for a missing file). Arguments that are not paths name nothing that exists, or a folder inside the working
 * folder. Never / (it would hide the engine's own /dev and /tmp) nor /dev, /proc or /sys.
 */
function namedFolders(args: string[], cwd: string): string[] {
  const candidates: string[] = [cwd];
  for (const arg of args) {
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      // Search paths (--env:SSDIR=a;b) are lists; Csound separates them with ';' (and ':' on Unix).
      if (eq >= 0) candidates.push(...arg.slice(eq + 1).split(/[;:]/));
    } else if (arg.startsWith('-')) {
      if (arg.length > 2) candidates.push(arg.slice(2)); // -ofile.wav, -i/path/in.wav
    } else {
      candidates.push(arg);
    }
  }
  const folders = new Set<string>();
  for (const candidate of candidates) {
    if (candidate === '') continue;
    const resolved = path.resolve(cwd, candidate);
    const folder = isFolder(resolved) ? resolved : path.dirname(resolved);
    if (folder === '/' || /^\/(dev|proc|sys)(\/|$)/.test(folder) || !isFolder(folder)) continue;
    folders.add(folder);
  }
  // A folder inside another is visible through it already.
  const sorted = [...folders].sort();
  return sorted.filter((f) => !sorted.some((g) => g !== f && f.startsWith(`${g}/`)));
}

class Progress {
  private shown = false;
  constructor(private readonly enabled: boolean, private readonly end: number | null) {}

  draw(time: number): void {
    if (!this.enabled) return;
    const width = 30;
    let line: string;
    if (this.end !== null && this.end > 0) {
      const fraction = Math.min(time / this.end, 1);
      const filled = Math.round(fraction * width);
      line = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${time.toFixed(1)} / ${this.end.toFixed(1)} s`;
    } else {
      line = `score time ${time.toFixed(1)} s`;
    }
    process.stderr.write(`\r${line}\x1b[K`);
    this.shown = true;
  }

  clear(): void {
    if (this.shown) process.stderr.write('\r\x1b[K');
    this.shown = false;
  }
}

function usage(): void {
  process.stdout.write(`usage: csound-wasm [csound flags] file.csd | file.orc file.sco
Renders with Csound ${'6.18.1'} compiled to WebAssembly. Flags are Csound's own, e.g.
  -o out.wav -W      write a WAV file          -n               no audio output
  -d                 no displays               -m N             message level
  --sample-rate=N    override sr               -k N             override kr
  -b N / -B N        buffer sizes              --help           Csound's full list
  -odac              play in real time through node-web-audio-api (npm install
                     node-web-audio-api); Ctrl+C stops. -iadc: the input device
  --audio-sink=ID    the output device for -odac (the library's sinkId);
                     --audio-sink=none plays to no device, at the same pace
Only the working folder and the folders of the files and folders named here are visible.
  --allow-system     DANGEROUS: let the CSD run shell commands (system, system_i,
                     <CsScore bin>); only for CSDs you trust like your own code
`);
}

async function main(args: string[]): Promise<number> {
  const allowSystem = args.includes(ALLOW_SYSTEM);
  const sink = args.filter((arg) => arg.startsWith(AUDIO_SINK)).map((arg) => arg.slice(AUDIO_SINK.length)).pop();
  const argv = args.filter((arg) => arg !== ALLOW_SYSTEM && !arg.startsWith(AUDIO_SINK));
  if (argv.length === 0) {
    usage();
    return 1;
  }
  let progress: Progress | null = null;
  const { dac, adc } = audioTargets(argv);
  // Realtime: the host moves the audio (spout to the AudioContext), so Csound opens no device or file itself.
  const csound = await Csound.create({ messages: 'stderr', allowSystem, hostAudioIO: dac });
  if (dac) {
    // From now on Ctrl+C ends the realtime performance cleanly (also one pressed while the orchestra compiles).
    process.on('SIGINT', interrupt);
    process.on('SIGTERM', interrupt);
  }
  const kinds = new MessageClassifier();
  csound.setMessageCallback((attr, text) => {
    progress?.clear();
    const kind = kinds.classify(attr, text);
    const colour = !process.stderr.isTTY ? '' : kind === 'error' ? '\x1b[31m' : kind === 'warning' ? '\x1b[33m' : '';
    process.stderr.write(colour ? `${colour}${text}\x1b[0m` : text);
  });
  try {
    const cwd = process.cwd();
    const folders = namedFolders(argv, cwd);
    for (const folder of folders) csound.mountHostDir(folder);
    // Relative names resolve from the working folder, which is visible unless it is / or under /dev, /proc, /sys.
    if (folders.some((f) => cwd === f || cwd.startsWith(`${f}/`))) csound.chdir(cwd);
    csound.compile('csound', ...argv); // csoundCompile also starts the performance
    const output = csound.outputName();
    if (/^dac/.test(output) !== dac) {
      // Named where audioTargets() does not look (an @file, a .csoundrc): refuse rather than guess.
      throw new CsoundError('csound-wasm', -1, `the output is "${output}", not what -o on the command line or in ` +
        '<CsOptions> names: name it there (-odac to play, or -o file.wav, or -n)');
    }
    if (adc && !dac) {
      throw new CsoundError('csound-wasm', -1, '-iadc (the input device) works with -odac only: use -i file.wav to render from a file');
    }
    progress = new Progress(Boolean(process.stderr.isTTY), csound.scoreEndTime());
    if (dac) return await playRealtime(csound, progress, sink, adc);
    let last = 0;
    while (csound.performKsmpsBlock(BLOCK_KSMPS) === 0) {
      const now = Date.now();
      if (now - last >= PROGRESS_INTERVAL_MS) {
        progress.draw(csound.scoreTime());
        last = now;
      }
    }
    progress.clear();
    csound.cleanup();
    // Like the csound command: the exit code is the number of performance errors.
    return Math.min(csound.errorCount(), 255);
  } catch (error) {
    progress?.clear();
    if (error instanceof CsoundError) {
      // Csound's own messages were already printed; the first line of the error says what failed.
      process.stderr.write(`csound-wasm: ${error.message.split('\n')[0]}\n`);
      // Like the csound command, which exits with -result when Csound returns a negative one (exitnow -3: 3).
      return error.code < 0 ? Math.min(-error.code, 255) : 1;
    }
    throw error;
  } finally {
    csound.destroy();
  }
}

/** Set by SIGINT/SIGTERM during a realtime performance (-odac). */
let interrupted = false;
let stopPerformance: (() => void) | null = null;

function interrupt(): void {
  interrupted = true;
  stopPerformance?.();
}

/**
 * -odac: performs on a node-web-audio-api AudioContext at the orchestra's sr until the score ends, drawing the
 * progress bar. Ctrl+C (SIGINT) or SIGTERM stops the performance, closes the context and exits with 1, as csound.
 */
async function playRealtime(csound: Csound, progress: Progress, sink: string | undefined, adc: boolean): Promise<number> {
  const webAudio = await loadNodeWebAudio('csound-wasm -odac');
  const sinkId = sink === undefined ? undefined : sink === 'none' ? { type: 'none' } : sink;
  let context: AudioContext;
  try {
    context = new webAudio.AudioContext({ sampleRate: csound.sr(), latencyHint: 'playback', ...(sinkId === undefined ? {} : { sinkId }) });
  } catch (cause) {
    throw new CsoundError('csound-wasm -odac', -1, `cannot open the audio output${sink === undefined ? '' : ` "${sink}"`} ` +
      `(${(cause as Error).message}): pick a device with --audio-sink=ID, or render with -o file.wav`);
  }
  const thread = new CsoundPerformanceThread(csound, { audioContext: context });
  stopPerformance = () => thread.stop();
  const timer = setInterval(() => progress.draw(csound.scoreTime()), PROGRESS_INTERVAL_MS);
  try {
    // -iadc: the input device (the library's getUserMedia), opened before the performance starts.
    let input: MediaStream | null = null;
    if (adc) {
      const devices = (webAudio as unknown as { mediaDevices: { getUserMedia(c: object): Promise<MediaStream> } }).mediaDevices;
      input = await devices.getUserMedia({ audio: true }).catch((cause: unknown) => {
        throw new CsoundError('csound-wasm -iadc', -1, `cannot open the input device: ${(cause as Error)?.message ?? String(cause)}`);
      });
    }
    await thread.play();
    if (interrupted) thread.stop();
    if (input !== null) context.createMediaStreamSource(input).connect(thread.audioNode()!);
    const status = await thread.join();
    progress.clear();
    if (interrupted) {
      process.stderr.write('\ncsound-wasm: Interrupt\n');
      return INTERRUPTED_EXIT;
    }
    return status < 0 ? 1 : Math.min(csound.errorCount(), 255);
  } finally {
    clearInterval(timer);
    stopPerformance = null;
    if (thread.isRunning()) {
      thread.stop();
      await thread.join();
    }
    await context.close();
  }
}

// The one process-level effect: the exit code.
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`csound-wasm: ${String(error)}\n`);
    process.exitCode = 2;
  },
);
