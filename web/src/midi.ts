// MIDI input through Web MIDI, passed to the engine as raw bytes with `csound.pushMidi(bytes)` when the engine
// has that method (feature-detected: engines without it play on, without MIDI). Access is requested only when
// the orchestra uses MIDI.
import { orchestraCode } from './audio-input.js';

const MIDI_OPCODE = /\b(massign|midiin|notnum|veloc|cpsmidi|cpsmidib|ampmidi|ampmidid|midinoteoncps|midinoteonkey|midinoteonoct|midinoteonpch|ctrl7|ctrl14|ctrl21|midictrl|pchbend|aftouch|polyaft|midichn|mididefault|initc7)\b/;

/** The method the engine offers for host MIDI, when it has one. */
export type MidiSink = (bytes: ArrayLike<number>) => void;

/** True when the CSD enables MIDI input (-M) or its orchestra uses MIDI opcodes. */
export function usesMidi(text: string): boolean {
  return hasMidiOption(text) || MIDI_OPCODE.test(orchestraCode(text));
}

/** True when the CSD's options already choose a MIDI input device (-M…, --midi-device=…). */
export function hasMidiOption(text: string): boolean {
  const options = /<CsOptions>([\s\S]*?)<\/CsOptions>/i.exec(text);
  return options !== null && /(^|\s)(-M\S*|--midi-device=\S+)/.test(options[1].replace(/;[^\n]*/g, ''));
}

/** The engine's pushMidi, if this build of csound-wasm has it. */
export function midiSinkOf(csound: object): MidiSink | null {
  const candidate = (csound as { pushMidi?: unknown }).pushMidi;
  return typeof candidate === 'function' ? (bytes) => (candidate as MidiSink).call(csound, bytes) : null;
}

export class MidiInput {
  private access: MIDIAccess | null = null;
  private sink: MidiSink | null = null;
  private lastProblem = '';
  private readonly onStatus: (text: string) => void;

  constructor(onStatus: (text: string) => void) {
    this.onStatus = onStatus;
  }

  /** Where incoming messages go (null: nowhere). */
  setSink(sink: MidiSink | null): void {
    this.sink = sink;
    this.lastProblem = '';
  }

  /** Opens Web MIDI once (the browser may ask the user) and listens to every input. */
  async open(): Promise<void> {
    if (this.access !== null) {
      this.listen();
      return;
    }
    if (typeof navigator.requestMIDIAccess !== 'function') {
      this.onStatus('no Web MIDI in this browser');
      return;
    }
    try {
      this.access = await navigator.requestMIDIAccess({ sysex: false });
    } catch (error) {
      this.onStatus(`not allowed (${error instanceof Error ? error.message : String(error)})`);
      return;
    }
    this.access.onstatechange = () => this.listen();
    this.listen();
  }

  private listen(): void {
    const access = this.access;
    if (access === null) return;
    const names: string[] = [];
    access.inputs.forEach((input) => {
      names.push(input.name ?? input.id);
      input.onmidimessage = (event) => {
        if (event.data === null || this.sink === null) return;
        try {
          this.sink(event.data);
        } catch (error) {
          // The engine refused the bytes (its queue is full, or its MIDI input closed): say so, once per burst.
          const text = `not delivered: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
          if (text !== this.lastProblem) this.onStatus(text);
          this.lastProblem = text;
        }
      };
    });
    this.onStatus(names.length === 0 ? 'no MIDI inputs' : names.join(', '));
  }
}
