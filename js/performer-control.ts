// The control block shared by the host thread and the performer: an Int32Array over a SharedArrayBuffer,
// indices below. Only the host writes State; only the performer writes Blocks.

export const enum Control {
  /** State.Running, State.Paused or State.Stop (host → performer). */
  State = 0,
  /** Calls of csound_wasm_perform made so far (performer → host), for progress. */
  Blocks = 1,
  Length = 4,
}

export const enum State {
  Running = 0,
  Paused = 1,
  Stop = 2,
}

/** k-cycles per csound_wasm_perform call in the worker: the granularity of pause and stop. */
export const KCYCLES_PER_CALL = 16;
