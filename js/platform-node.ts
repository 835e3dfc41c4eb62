// The Node side of the platform layer: the wasm from the package folder (or `wasmUrl`, a file URL or path),
// messages to the process's stdout/stderr, and the performer as a worker_threads Worker.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { CSOUND_ERROR } from './constants.js';
import type { EngineFactory } from './engine-module.js';
import { CsoundError } from './errors.js';
import type { MessageKind } from './message-kind.js';
import type { NodeWorkerData, PerformerLink } from './performer-control.js';
import type { CompiledEngine, Platform, WorkerHooks, WorkerPerformer } from './platform.js';

const require = createRequire(import.meta.url);

async function compileEngine(wasmUrl: string | URL | undefined): Promise<CompiledEngine> {
  const factory = require('../csound-engine.cjs') as EngineFactory;
  const location = wasmUrl ?? new URL('../csound-engine.wasm', import.meta.url);
  const path = location instanceof URL || location.startsWith('file:') ? fileURLToPath(location) : location;
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = await readFile(path);
  } catch (cause) {
    throw new Error(`cannot read ${path} (${(cause as Error).message}); reinstall the package or check wasmUrl`);
  }
  return { factory, module: await WebAssembly.compile(bytes) };
}

// Synchronous: see Platform.instantiate. The promise only keeps the platform's shape.
function instantiate(module: WebAssembly.Module, imports: WebAssembly.Imports): Promise<WebAssembly.Instance> {
  return Promise.resolve(new WebAssembly.Instance(module, imports));
}

/** STK's rawwaves pack: next to `wasmUrl` (a path or file URL) when given, else in the package's dist/. */
function stkRawwaves(wasmUrl: string | URL | undefined): Uint8Array {
  const wasm = wasmUrl ?? new URL('../csound-engine.wasm', import.meta.url);
  const wasmPath = wasm instanceof URL || wasm.startsWith('file:') ? fileURLToPath(wasm) : wasm;
  const candidates = [join(dirname(wasmPath), 'stk-rawwaves.bin')];
  const own = fileURLToPath(new URL('../stk-rawwaves.bin', import.meta.url));
  if (!candidates.includes(own)) candidates.push(own);
  for (const path of candidates) {
    try {
      return readFileSync(path);
    } catch {
      // the next candidate
    }
  }
  throw new Error(`not found at ${candidates.join(' or ')}`);
}

function writeMessage(text: string, _kind: MessageKind, stream: 'stdout' | 'stderr'): void {
  process[stream].write(text);
}

/**
 * The performer worker. It gets no execArgv: the host's flags (--max-old-space-size, --expose-gc, --stack-size,
 * --input-type, loaders) are process-wide or refused by Worker, and the performer needs none of them.
 */
function startWorker(link: PerformerLink, hooks: WorkerHooks): WorkerPerformer {
  const failureText = new Uint8Array(new SharedArrayBuffer(4 + 2048));
  const workerData: NodeWorkerData = { ...link, failureText };
  const worker = new Worker(new URL('./performer-node-worker.js', import.meta.url), { execArgv: [], workerData });
  let status: number | null = null;
  let resolveStarted!: () => void;
  let rejectStarted!: (error: Error) => void;
  const started = new Promise<void>((resolve, reject) => {
    resolveStarted = resolve;
    rejectStarted = reject;
  });
  // play() may be ignored, as the seed's play() returns nothing: a failed start must not become an unhandled rejection.
  started.catch(() => {});
  worker.on('message', (message: { cmd?: string; status?: number; error?: string }) => {
    if (message?.cmd === 'processQueuedMainThreadWork') {
      hooks.onFileSystemCall();
    } else if (message?.cmd === 'started') {
      resolveStarted();
    } else if (message?.cmd === 'ended') {
      status = message.status ?? 0;
    }
  });
  worker.on('error', (error: Error) => {
    status = -1;
    hooks.onError(error.message);
    rejectStarted(error);
  });
  const exited = new Promise<number | null>((resolve) => {
    worker.on('exit', () => {
      rejectStarted(new Error('the performer worker exited before it started'));
      resolve(status);
    });
  });
  return {
    started,
    exited,
    terminate: async () => {
      await worker.terminate();
    },
    failure: () => {
      const length = Atomics.load(new Int32Array(failureText.buffer, 0, 1), 0);
      return length > 0 ? new TextDecoder().decode(failureText.slice(4, 4 + length)) : null;
    },
  };
}

/**
 * The AudioWorklet module for node-web-audio-api: a file path (its addModule() reads paths, not file: URLs).
 * By default the package's dist/worklet.js, the same self-contained module browsers load.
 */
function workletUrl(override: string | URL | undefined): string {
  const location = override ?? new URL('../worklet.js', import.meta.url);
  return location instanceof URL || location.startsWith('file:') ? fileURLToPath(location) : location;
}

/** node-web-audio-api's exports that csound-wasm uses. */
export interface NodeWebAudio {
  AudioContext: new (options?: Record<string, unknown>) => AudioContext;
  OfflineAudioContext: new (channels: number, length: number, sampleRate: number) => OfflineAudioContext;
  AudioWorkletNode: typeof AudioWorkletNode;
  BaseAudioContext: abstract new () => BaseAudioContext;
}

let nodeWebAudio: Promise<NodeWebAudio> | null = null;

/**
 * Loads node-web-audio-api (Web Audio for Node, an optional peer dependency of csound-wasm) once. Rejects with a
 * CsoundError that says how to install it when it cannot be loaded.
 */
export function loadNodeWebAudio(op = 'play'): Promise<NodeWebAudio> {
  nodeWebAudio ??= (import('node-web-audio-api' as string) as Promise<NodeWebAudio & { default?: NodeWebAudio }>).then(
    (module) => (typeof module.AudioWorkletNode === 'function' ? module : module.default!),
  );
  return nodeWebAudio.catch((cause: unknown) => {
    nodeWebAudio = null;
    const missing = (cause as { code?: string }).code === 'ERR_MODULE_NOT_FOUND';
    throw new CsoundError(op, CSOUND_ERROR, missing
      ? 'sound in Node plays through node-web-audio-api, which is not installed: npm install node-web-audio-api'
      : `cannot load node-web-audio-api: ${(cause as Error).message}`);
  });
}

async function audioWorkletNodeClass(context: object): Promise<typeof AudioWorkletNode> {
  const webAudio = await loadNodeWebAudio();
  if (!(context instanceof webAudio.BaseAudioContext)) {
    throw new CsoundError('play', CSOUND_ERROR, 'options.audioContext is not a node-web-audio-api context of the copy ' +
      'csound-wasm loads (import { AudioContext } from \'node-web-audio-api\' in the same project)');
  }
  return webAudio.AudioWorkletNode;
}

/** The machine's CPUs, as native cpumeter sees them in /proc/stat (libuv reads that file on Linux). */
function cpuTimes() {
  return cpus().map((cpu) => cpu.times);
}

export const nodePlatform: Platform = {
  name: 'node',
  compileEngine,
  instantiate,
  writeMessage,
  startWorker,
  workletUrl,
  audioWorkletNodeClass,
  stkRawwaves,
  cpuTimes,
};
