// The control block shared by the host thread and the performer: an Int32Array over a SharedArrayBuffer,
// indices below. Only the host writes State; only the performer writes the others.

export const enum Control {
  /** State.Running, State.Paused or State.Stop (host → performer). */
  State = 0,
  /** Calls of csound_wasm_perform made so far (performer → host), for progress. */
  Blocks = 1,
  /** The performance's end code (performer → host), valid once Ended is 1. */
  Status = 2,
  /** 1 when the performer has ended (score end, stop or error). */
  Ended = 3,
  /**
   * 1 while the performer is parked by a pause: it saw State != Running and makes no Csound call until the host
   * sets Running again. The performer clears it before it reads State, so a host that reads State != Running and
   * Parked == 1 knows no Csound call is under way or about to start.
   */
  Parked = 4,
  Length = 5,
}

export const enum State {
  Running = 0,
  Paused = 1,
  Stop = 2,
  /** Browser, realtime: the node is not in the graph yet; the processor pre-rolls, then the host sets Running. */
  Starting = 3,
}

/**
 * Audio-thread statistics (performer → host), a Float64Array over a SharedArrayBuffer. The audio thread has no
 * high-resolution clock (AudioWorkletGlobalScope lacks performance.now), so times come from Date.now(): 1 ms
 * resolution per quantum, unbiased on average over many quanta.
 */
export const enum Stat {
  /** process() calls that rendered audio. */
  Quanta = 0,
  /** Sum of their durations, ms. */
  TotalMs = 1,
  /** Longest one, ms. */
  MaxMs = 2,
  /** Quanta not fully rendered: the performer was not ready, or process() took longer than the quantum lasts. */
  Underruns = 3,
  Length = 4,
}

/** What every performer (Node worker or AudioWorklet) gets from the host thread to attach and perform. */
export interface PerformerLink {
  wasmModule: WebAssembly.Module;
  memory: WebAssembly.Memory;
  /** The CSOUND* to perform. */
  handle: number;
  /** The thread block made by csound_wasm_thread_create. */
  thread: number;
  /** The record ring (RecordRing*). */
  ring: number;
  /** The host's output ring (CsoundPerformanceThread's outputRingFrames), 0 for none. */
  output: number;
  control: Int32Array;
}

/** k-cycles per csound_wasm_perform call in the worker: the granularity of pause and stop. */
export const KCYCLES_PER_CALL = 16;
