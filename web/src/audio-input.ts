// Microphone input, asked for only when the orchestra reads live audio input.

/** Csound's opcodes that read the live audio input. */
const INPUT_OPCODE = /(^|[^\w.$])(in|ins|inq|inh|ino|inx|in32|inch|inrg)\b(?!\s*=)/m;

/** The orchestra part of a CSD (or the whole text when it is a bare orchestra), without comments and strings. */
export function orchestraCode(text: string): string {
  const match = /<CsInstruments>([\s\S]*?)<\/CsInstruments>/i.exec(text);
  const orchestra = match === null ? text : match[1];
  return orchestra
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/\{\{[\s\S]*?\}\}/g, '""')
    .replace(/"(?:[^"\\\n]|\\.)*"/g, '""')
    .replace(/(;|\/\/)[^\n]*/g, '');
}

/** True when the orchestra uses an input opcode such as `inch` or `ins`. */
export function usesAudioInput(text: string): boolean {
  return INPUT_OPCODE.test(orchestraCode(text));
}

/** Asks for the microphone, without the voice processing that would colour an instrument's sound. */
export async function openMicrophone(): Promise<MediaStream> {
  if (navigator.mediaDevices?.getUserMedia === undefined) {
    throw new Error('this browser gives pages no audio input (navigator.mediaDevices is missing)');
  }
  return navigator.mediaDevices.getUserMedia({
    audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false },
  });
}

/** Plain words for a refused or failed getUserMedia. */
export function microphoneProblem(error: unknown): string {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError') return 'The microphone was not allowed, so the orchestra hears silence. Allow it in the browser\'s site settings and press Play again.';
  if (name === 'NotFoundError') return 'No microphone was found, so the orchestra hears silence.';
  return `The microphone could not be opened (${String(error)}), so the orchestra hears silence.`;
}
