#!/usr/bin/env node
// csound-wasm: renders like the csound command. Every argument is passed to Csound unchanged (Csound parses its own
// flags: -o, -W, -d, -m N, --sample-rate, -k, -b/-B, orc/sco pairs, ...). The host file system is visible under the
// same paths, so relative and absolute file names work as with native csound.
import { existsSync, statSync } from 'node:fs';
import { Csound, CsoundError, MessageClassifier } from './index.js';

const PROGRESS_INTERVAL_MS = 100;
const BLOCK_KSMPS = 64;

/** Top-level host folders that paths in the arguments (and the working folder) live in. */
function hostRoots(args: string[]): Set<string> {
  const roots = new Set<string>();
  const addRoot = (p: string) => {
    const top = p.split('/')[1];
    if (top && !['dev', 'proc', 'sys'].includes(top) && existsSync(`/${top}`) && statSync(`/${top}`).isDirectory()) {
      roots.add(`/${top}`);
    }
  };
  addRoot(process.cwd());
  for (const arg of args) {
    for (const candidate of arg.split('=')) if (candidate.startsWith('/')) addRoot(candidate);
  }
  return roots;
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
`);
}

async function main(argv: string[]): Promise<number> {
  if (argv.length === 0) {
    usage();
    return 1;
  }
  let progress: Progress | null = null;
  const csound = await Csound.create({ messages: 'stderr' });
  const kinds = new MessageClassifier();
  csound.setMessageCallback((attr, text) => {
    progress?.clear();
    const kind = kinds.classify(attr, text);
    const colour = !process.stderr.isTTY ? '' : kind === 'error' ? '\x1b[31m' : kind === 'warning' ? '\x1b[33m' : '';
    process.stderr.write(colour ? `${colour}${text}\x1b[0m` : text);
  });
  try {
    for (const root of hostRoots(argv)) csound.mountHostDir(root);
    csound.chdir(process.cwd());
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
