// The performer thread in Node: a worker_threads Worker that performs the main thread's Csound instance on its
// shared memory until the score ends or the host says stop. The control block's layout is in performer-control.ts.
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import type { EngineFactory } from './engine-module.js';
import { attachPerformer } from './performer-attach.js';
import { Control, Owner, State, type NodeWorkerData } from './performer-control.js';

const data = workerData as NodeWorkerData;
const port = parentPort!;
// The glue proxies file system calls of this thread to the host thread with postMessage; forward them.
(globalThis as unknown as { postMessage: (message: unknown) => void }).postMessage = (message) =>
  port.postMessage(message);

const require = createRequire(import.meta.url);
const factory = require('../csound-engine.cjs') as EngineFactory;
const performer = attachPerformer({
  factory,
  wasmModule: data.wasmModule,
  memory: data.memory,
  thread: data.thread,
  canBlock: true,
});

const control = data.control;
port.postMessage({ cmd: 'started' });
let status = 0;
try {
  // One k-cycle per call: State is read before each one, so pause and stop take effect after the k-cycle under way.
  for (;;) {
    // Take Owner first, then read State: a host that sees Owner idle after it set Paused or Stop knows that no
    // k-cycle is under way or can start.
    if (Atomics.compareExchange(control, Control.Owner, Owner.Idle, Owner.Performer) !== Owner.Idle) break;
    const state = Atomics.load(control, Control.State);
    if (state !== State.Running) {
      Atomics.store(control, Control.Owner, Owner.Idle);
      if (state === State.Stop) break;
      Atomics.wait(control, Control.State, state, 100);
      continue;
    }
    const result = performer._csound_wasm_perform(data.handle, 1, data.ring, data.output);
    Atomics.store(control, Control.Owner, Owner.Idle);
    Atomics.add(control, Control.Blocks, 1);
    if (result !== 0) {
      status = result;
      break;
    }
  }
} catch (error) {
  // A wasm trap (or an abort) inside Csound: the instance's state is unknown. Owner stays with this thread, so the
  // host never takes it for a clean end; it retires the instance.
  status = -1;
  const text = new TextEncoder().encode(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
  const room = data.failureText.length - 4;
  const length = Math.min(text.length, room);
  data.failureText.set(text.subarray(0, length), 4);
  Atomics.store(new Int32Array(data.failureText.buffer, data.failureText.byteOffset, 1), 0, length);
  Atomics.store(control, Control.Failed, 1);
}
// The control block carries the result too: a worker's last message can arrive after its 'exit' event.
Atomics.store(control, Control.Status, status);
Atomics.store(control, Control.Ended, 1);
port.postMessage({ cmd: 'ended', status });
