// Shared helpers of the API tests: they run on the built package (dist/), i.e. on the real wasm engine.
import { Csound, type CsoundMessage } from '../../dist/js/index.js';

/** A new Csound whose messages go to its message buffer (read with `drainMessages`) instead of stderr. */
export async function quietCsound(options: { hostData?: unknown } = {}): Promise<Csound> {
  const cs = await Csound.create({ ...options, messages: 'none' });
  cs.createMessageBuffer();
  return cs;
}

/** Empties the message buffer and returns what it held, oldest first. */
export function drainMessages(cs: Csound): CsoundMessage[] {
  const messages: CsoundMessage[] = [];
  while (cs.messageCnt() > 0) {
    messages.push({ attr: cs.firstMessageAttr(), text: cs.firstMessage() });
    cs.popFirstMessage();
  }
  return messages;
}

/** The text of the buffered messages, drained, as one string. */
export function drainText(cs: Csound): string {
  return drainMessages(cs)
    .map((m) => m.text)
    .join('');
}

/** A CSD document. Csound's CSD reader wants each tag on a line of its own. */
export function csd(parts: { options?: string; orc: string; score?: string }): string {
  return [
    '<CsoundSynthesizer>',
    '<CsOptions>',
    parts.options ?? '-n',
    '</CsOptions>',
    '<CsInstruments>',
    parts.orc,
    '</CsInstruments>',
    '<CsScore>',
    parts.score ?? '',
    '</CsScore>',
    '</CsoundSynthesizer>',
    '',
  ].join('\n');
}

/** A quiet Csound with `orc` compiled under the given options (default: no sound output) and started. */
export async function startedCsound(orc: string, options: string[] = ['-n']): Promise<Csound> {
  const cs = await quietCsound();
  for (const option of options) cs.setOption(option);
  cs.compileOrc(orc);
  cs.start();
  return cs;
}

/** Runs `count` control periods and returns the last return code. */
export function performCycles(cs: Csound, count: number): number {
  let code = 0;
  for (let i = 0; i < count; i++) code = cs.performKsmps();
  return code;
}

/** Performs until the score ends (or `limit` periods) and returns the number of periods that returned 0. */
export function performToEnd(cs: Csound, limit = 100_000): number {
  let running = 0;
  while (running < limit && cs.performKsmps() === 0) running++;
  return running;
}
