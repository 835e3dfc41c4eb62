// The control block shared by the host thread and the performer: an Int32Array over a SharedArrayBuffer,
// indices below. Only the host writes State; the performer writes Blocks, Status, Ended and Failed; both take
// Owner with compare-and-swap.

export const enum Control {
  /** State.Running, State.Paused, State.Stop or State.Starting (host → performer). */
  State = 0,
  /** Browser: render quanta performed so far; Node: k-cycles performed so far (performer → host), for progress. */
  Blocks = 1,
  /** The performance's end code (performer → host), valid once Ended is 1. */
  Status = 2,
  /** 1 when the performer has ended (score end, stop or error). */
  Ended = 3,
  /**
   * Who may call into Csound now (Owner.*). The performer takes it (Idle → Performer) before each k-cycle and only
   * then reads State, and gives it back after; the host takes it for good (Idle → Host) to end a performer that
   * cannot (a suspended AudioContext) and reads it to tell a k-cycle that never returns.
   */
  Owner = 4,
  /** 1 when the performer threw (a wasm trap): the instance's state is unknown (performer → host). */
  Failed = 5,
  Length = 6,
}

export const enum State {
  Running = 0,
  Paused = 1,
  Stop = 2,
  /** Browser, realtime: the node is not in the graph yet; the processor pre-rolls, then the host sets Running. */
  Starting = 3,
}

export const enum Owner {
  /** Nobody is inside Csound. */
  Idle = 0,
  /** The performer is inside a k-cycle (or about to read State and start one). */
  Performer = 1,
  /** The host has taken over: the performer must not call into Csound again. */
  Host = 2,
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

/**
 * What the Node worker gets: the link, and a shared buffer for the text of an error it caught (a worker's last
 * message can arrive after its 'exit' event, so the text travels in shared memory): a byte length in the first
 * four bytes (Int32), then UTF-8.
 */
export interface NodeWorkerData extends PerformerLink {
  failureText: Uint8Array;
}
