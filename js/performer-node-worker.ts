// The performer thread in Node: a worker_threads Worker that performs the main thread's Csound instance on its
// shared memory until the score ends or the host says stop. The control block's layout is in performer-control.ts.
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import type { EngineFactory } from './engine-module.js';
import { attachPerformer } from './performer-attach.js';
import { Control, KCYCLES_PER_CALL, State, type PerformerLink } from './performer-control.js';

const data = workerData as PerformerLink;
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
for (;;) {
  Atomics.store(control, Control.Parked, 0);
  const state = Atomics.load(control, Control.State);
  if (state === State.Stop) break;
  if (state === State.Paused) {
    Atomics.store(control, Control.Parked, 1);
    Atomics.wait(control, Control.State, State.Paused, 100);
    continue;
  }
  const result = performer._csound_wasm_perform(data.handle, KCYCLES_PER_CALL, data.ring, data.output);
  Atomics.add(control, Control.Blocks, 1);
  if (result !== 0) {
    status = result;
    break;
  }
}
// The control block carries the result too: a worker's last message can arrive after its 'exit' event.
Atomics.store(control, Control.Status, status);
Atomics.store(control, Control.Ended, 1);
port.postMessage({ cmd: 'ended', status });
