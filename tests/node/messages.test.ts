// Messages: the message buffer, message attributes, message(), setMessageCallback.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  Csound,
  CSOUNDMSG_DEFAULT,
  CSOUNDMSG_ERROR,
  CSOUNDMSG_ORCH,
  CSOUNDMSG_TYPE_MASK,
  CSOUNDMSG_WARNING,
  CsoundError,
} from '../../dist/js/index.js';
import { drainMessages } from './helpers.js';

const ORC = `
sr = 8000
ksmps = 8
nchnls = 1
instr 1
  prints "one\\n"
  prints "two\\n"
  prints "three\\n"
endin
instr 2  ; one line printed in two pieces
  prints "first half, "
  prints "second half\\n"
endin
`;

async function bufferedCsound(): Promise<Csound> {
  const cs = await Csound.create({ messages: 'none' });
  cs.createMessageBuffer();
  cs.setOption('-n');
  cs.compileOrc(ORC);
  cs.start();
  return cs;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('message buffer', () => {
  it('keeps the orchestra’s prints in order, read with messageCnt / firstMessage / popFirstMessage', async () => {
    const cs = await bufferedCsound();
    drainMessages(cs);
    expect(cs.messageCnt()).toBe(0);
    cs.eventString('i 1 0 0.01');
    cs.performKsmps();
    const printed: string[] = [];
    while (cs.messageCnt() > 0) {
      const before = cs.messageCnt();
      if ((cs.firstMessageAttr() & CSOUNDMSG_TYPE_MASK) === CSOUNDMSG_ORCH) printed.push(cs.firstMessage());
      cs.popFirstMessage();
      expect(cs.messageCnt()).toBe(before - 1);
    }
    expect(printed).toEqual(['one\n', 'two\n', 'three\n']);
    cs.destroy();
  });

  it('firstMessage does not consume: it returns the same message until popFirstMessage', async () => {
    const cs = await bufferedCsound();
    drainMessages(cs);
    cs.message('only\n');
    expect(cs.firstMessage()).toBe('only\n');
    expect(cs.firstMessage()).toBe('only\n');
    expect(cs.messageCnt()).toBe(1);
    cs.popFirstMessage();
    expect(cs.messageCnt()).toBe(0);
    expect(cs.firstMessage()).toBe('');
    expect(cs.firstMessageAttr()).toBe(0);
    cs.destroy();
  });

  it('marks the orchestra’s prints with CSOUNDMSG_ORCH', async () => {
    const cs = await bufferedCsound();
    drainMessages(cs);
    cs.eventString('i 1 0 0.01');
    cs.performKsmps();
    const one = drainMessages(cs).find((m) => m.text === 'one\n');
    expect(one!.attr & CSOUNDMSG_TYPE_MASK).toBe(CSOUNDMSG_ORCH);
    cs.destroy();
  });

  it('marks the parser’s error lines with CSOUNDMSG_ERROR', async () => {
    const cs = await bufferedCsound();
    drainMessages(cs);
    expect(() => cs.compileOrc('instr 3\n  a1 oscil 1 1 1\nendin')).toThrow(CsoundError);
    const syntax = drainMessages(cs).find((m) => m.text.includes('syntax error'));
    expect(syntax).toBeDefined();
    expect(syntax!.attr & CSOUNDMSG_TYPE_MASK).toBe(CSOUNDMSG_ERROR);
    cs.destroy();
  });

  it('marks warnings with CSOUNDMSG_WARNING', async () => {
    const cs = await Csound.create({ messages: 'none' });
    cs.createMessageBuffer();
    expect(() => cs.performKsmps()).toThrow(CsoundError); // not started: Csound warns
    const warning = drainMessages(cs).find((m) => m.text.startsWith('WARNING:'));
    expect(warning!.attr & CSOUNDMSG_TYPE_MASK).toBe(CSOUNDMSG_WARNING);
    cs.destroy();
  });

  it('joins a line Csound prints in pieces into one message', async () => {
    const cs = await bufferedCsound();
    drainMessages(cs);
    cs.eventString('i 2 0 0.01');
    cs.performKsmps();
    expect(drainMessages(cs).map((m) => m.text)).toContain('first half, second half\n');
    cs.destroy();
  });

  it('message() appears in the buffer with attribute 0, or the one given', async () => {
    const cs = await bufferedCsound();
    drainMessages(cs);
    cs.message('hello from the host\n');
    cs.message('careful\n', CSOUNDMSG_WARNING);
    expect(drainMessages(cs)).toEqual([
      { attr: CSOUNDMSG_DEFAULT, text: 'hello from the host\n' },
      { attr: CSOUNDMSG_WARNING, text: 'careful\n' },
    ]);
    cs.destroy();
  });

  it('message() prints the text as given: no printf formatting of % signs', async () => {
    const cs = await bufferedCsound();
    drainMessages(cs);
    cs.message('100% of %d and %s\n');
    expect(cs.firstMessage()).toBe('100% of %d and %s\n');
    cs.destroy();
  });

  it('with toStdout, messages are also written to stdout', async () => {
    const cs = await Csound.create({ messages: 'none' });
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    cs.createMessageBuffer(true);
    cs.message('to both\n');
    const written = write.mock.calls.map((call) => call[0]);
    write.mockRestore();
    expect(written).toContain('to both\n');
    expect(cs.firstMessage()).toBe('to both\n');
    cs.destroy();
  });

  it('destroyMessageBuffer empties the buffer and stops buffering', async () => {
    const cs = await bufferedCsound();
    cs.message('before\n');
    expect(cs.messageCnt()).toBeGreaterThan(0);
    cs.destroyMessageBuffer();
    expect(cs.messageCnt()).toBe(0);
    cs.message('after\n');
    expect(cs.messageCnt()).toBe(0);
    expect(cs.firstMessage()).toBe('');
    cs.destroy();
  });
});

describe('setMessageCallback', () => {
  it('receives whole lines, each ending in one newline', async () => {
    const cs = await Csound.create({ messages: 'none' });
    const received: { attr: number; text: string }[] = [];
    cs.setMessageCallback((attr, text) => received.push({ attr, text }));
    cs.setOption('-n');
    cs.compileOrc(ORC);
    cs.start();
    cs.eventString('i 2 0 0.01');
    cs.performKsmps();
    expect(received.length).toBeGreaterThan(0);
    for (const { text } of received) {
      expect(text.endsWith('\n')).toBe(true);
      expect(text.indexOf('\n')).toBe(text.length - 1);
    }
    const texts = received.map((m) => m.text);
    expect(texts).toContain('first half, second half\n');
    // Csound prints this banner line in several calls.
    expect(texts.some((t) => /^sr = 8000\.0, kr = 1000\.000, ksmps = 8\n$/.test(t))).toBe(true);
    cs.destroy();
  });

  it('takes the messages instead of the buffer; null gives them back to the buffer', async () => {
    const cs = await Csound.create({ messages: 'none' });
    cs.createMessageBuffer();
    const received: string[] = [];
    cs.setMessageCallback((_attr, text) => received.push(text));
    cs.message('to the callback\n');
    expect(received).toEqual(['to the callback\n']);
    expect(cs.messageCnt()).toBe(0);
    cs.setMessageCallback(null);
    cs.message('to the buffer\n');
    expect(received).toEqual(['to the callback\n']);
    expect(cs.firstMessage()).toBe('to the buffer\n');
    cs.destroy();
  });

  it('passes the attribute of each line', async () => {
    const cs = await Csound.create({ messages: 'none' });
    const received: { attr: number; text: string }[] = [];
    cs.setMessageCallback((attr, text) => received.push({ attr, text }));
    cs.message('an error line\n', CSOUNDMSG_ERROR);
    expect(received).toEqual([{ attr: CSOUNDMSG_ERROR, text: 'an error line\n' }]);
    cs.destroy();
  });
});

describe('default sink', () => {
  it('without buffer or callback, messages go to stderr (messages: "stderr", the default)', async () => {
    const cs = await Csound.create();
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    cs.message('to stderr\n');
    const written = write.mock.calls.map((call) => call[0]);
    write.mockRestore();
    expect(written).toContain('to stderr\n');
    cs.destroy();
  });
});
