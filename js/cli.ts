#!/usr/bin/env node
// csound-wasm: renders like the csound command. Every argument is passed to Csound unchanged (Csound parses its own
// flags: -o, -W, -d, -m N, --sample-rate, -k, -b/-B, orc/sco pairs, ...), apart from --allow-system, which is the
// CLI's. Host files are visible under the same paths, so relative and absolute file names work as with native
// csound, but only in the folders the command line names (see namedFolders).
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { Csound, CsoundError, MessageClassifier } from './index.js';

const PROGRESS_INTERVAL_MS = 100;
const BLOCK_KSMPS = 64;
/** The CLI's own flag: lets the CSD run shell commands (system, system_i, <CsScore bin>). Not passed to Csound. */
const ALLOW_SYSTEM = '--allow-system';

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
There is no audio device in csound-wasm: give -o file or -n.
Only the working folder and the folders of the files and folders named here are visible.
  --allow-system     DANGEROUS: let the CSD run shell commands (system, system_i,
                     <CsScore bin>); only for CSDs you trust like your own code
`);
}

async function main(args: string[]): Promise<number> {
  const allowSystem = args.includes(ALLOW_SYSTEM);
  const argv = args.filter((arg) => arg !== ALLOW_SYSTEM);
  if (argv.length === 0) {
    usage();
    return 1;
  }
  let progress: Progress | null = null;
  const csound = await Csound.create({ messages: 'stderr', allowSystem });
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
    if (/^(dac|adc)/.test(output)) {
      throw new CsoundError('csound-wasm', -1, `output "${output}" is an audio device; csound-wasm renders to files: use -o file.wav or -n`);
    }
    progress = new Progress(Boolean(process.stderr.isTTY), csound.scoreEndTime());
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
      return 1;
    }
    throw error;
  } finally {
    csound.destroy();
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
