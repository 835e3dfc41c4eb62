// Bad input: every failure is a CsoundError that names its cause, and leaves Csound usable.
import { describe, expect, it } from 'vitest';
import { Csound, CS_INSTR_EVENT, CsoundError } from '../../dist/js/index.js';
import { csd, quietCsound } from './helpers.js';

const KSMPS = 8;
const NOTE_ORC = `
sr = 8000
ksmps = ${KSMPS}
nchnls = 1
0dbfs = 1
instr 1
  aLevel = p4
  out aLevel
endin
`;

/** Resets `cs`, compiles a one-instrument orchestra, plays one note of `level` and returns one period of spout. */
function renderNote(cs: Csound, level: number): number[] {
  cs.reset();
  cs.setOption('-n');
  cs.compileOrc(NOTE_ORC);
  cs.start();
  cs.event(CS_INSTR_EVENT, [1, 0, 1, level]);
  cs.performKsmps();
  return Array.from(cs.spout());
}

/** Runs `body`, which must throw, and returns the CsoundError it threw. */
function failure(body: () => unknown): CsoundError {
  try {
    body();
  } catch (error) {
    expect(error).toBeInstanceOf(CsoundError);
    return error as CsoundError;
  }
  throw new Error('expected a CsoundError, but the call returned');
}

describe('engine errors', () => {
  it('an orchestra syntax error: code < 0, operation compileOrc, the parser message in .messages', async () => {
    const cs = await quietCsound();
    const error = failure(() => cs.compileOrc('instr 1\n  aOut oscil 1 1 1\n  out aOut\nendin'));
    expect(error.code).toBeLessThan(0);
    expect(error.operation).toBe('compileOrc');
    const printed = error.messages.join('');
    expect(printed).toContain('syntax error');
    expect(printed).toContain('line 2');
    expect(error.message).toContain('syntax error');
    cs.destroy();
  });

  it('a missing CSD file (compileCsd mode 0 and compile)', async () => {
    const cs = await quietCsound();
    const fromCompileCsd = failure(() => cs.compileCsd('/no/such/file.csd', 0));
    expect(fromCompileCsd.operation).toBe('compileCsd');
    expect(fromCompileCsd.message).toContain('/no/such/file.csd');
    const fromCompile = failure(() => cs.compile('csound', '/no/such/file.csd'));
    expect(fromCompile.operation).toBe('compile');
    expect(fromCompile.messages.join('')).toContain('/no/such/file.csd');
    cs.destroy();
  });

  it('an unknown option, given to setOption or in a CSD’s CsOptions, names the option', async () => {
    const cs = await quietCsound();
    const fromSetOption = failure(() => cs.setOption('--no-such-option'));
    expect(fromSetOption.message).toMatch(/^setOption failed \(code -1\): Csound rejected the option "--no-such-option"/);
    expect(fromSetOption.messages.join('')).toContain("unknown long option: '--no-such-option'");
    const text = csd({ options: '--bad-option-in-csd', orc: NOTE_ORC, score: 'i1 0 1 0.5' });
    const fromCsd = failure(() => cs.compileCsd(text, 1));
    expect(fromCsd.operation).toBe('compileCsd');
    expect(fromCsd.code).toBeLessThan(0);
    expect(fromCsd.message).toMatch(/^compileCsd failed \(code -1\): the CSD text did not compile/);
    expect(fromCsd.messages.join('')).toContain("unknown long option: '--bad-option-in-csd'");
    cs.destroy();
  });

  it('performKsmps before start()', async () => {
    const cs = await quietCsound();
    cs.compileOrc(NOTE_ORC);
    const error = failure(() => cs.performKsmps());
    expect(error.operation).toBe('performKsmps');
    expect(error.messages.join('')).toContain('csoundStart() has not been called');
    cs.destroy();
  });
});

describe('wrong JavaScript argument types', () => {
  const cases: [string, (cs: Csound) => unknown, RegExp][] = [
    ['setOption(number)', (cs) => cs.setOption(5 as never), /option must be a string, got number/],
    ['compileOrc(undefined)', (cs) => cs.compileOrc(undefined as never), /orc must be a string, got undefined/],
    ['compile(number)', (cs) => cs.compile(5 as never), /argument 1 must be a string/],
    ['compileCsd(text, true)', (cs) => cs.compileCsd('x', true as never), /mode must be 0 \(file\) or 1 \(text\)/],
    ['evalCode(number)', (cs) => cs.evalCode(7 as never), /code must be a string/],
    ['event with a string pfield', (cs) => cs.event(CS_INSTR_EVENT, [1, 0, '1' as never]), /p3 must be a number, got the string "1"/],
    ['event with null pfields', (cs) => cs.event(CS_INSTR_EVENT, null as never), /pfields must be an array of numbers, got null/],
    ['event with a NaN pfield', (cs) => cs.event(CS_INSTR_EVENT, [1, 0, NaN]), /p3 must be a number/],
    ['eventString(number)', (cs) => cs.eventString(1 as never), /text must be a string/],
    ['setControlChannel(name, string)', (cs) => cs.setControlChannel('x', '0.5' as never), /value must be a number, got the string "0.5"/],
    ['setControlChannel(number, value)', (cs) => cs.setControlChannel(3 as never, 1), /name must be a string, got number/],
    ['setControlChannelHints(name, null)', (cs) => cs.setControlChannelHints('x', null as never), /hints must be an object, got null/],
    ['setAudioChannel(name, null)', (cs) => cs.setAudioChannel('a', null as never), /samples must be an array of numbers, got null/],
    ['setStringChannel(name, number)', (cs) => cs.setStringChannel('s', 5 as never), /value must be a string, got number/],
    ['channelPtr(name, string)', (cs) => cs.channelPtr('c', 'control' as never), /type must be a number/],
    ['table(string)', (cs) => cs.table('1' as never), /number must be a number, got the string "1"/],
    ['setParams(null)', (cs) => cs.setParams(null as never), /params must be an object, got null/],
    ['runUtility(name, string)', (cs) => cs.runUtility('sndinfo', 'file.wav' as never), /args must be an array/],
    ['setMessageLevel(string)', (cs) => cs.setMessageLevel('7' as never), /level must be a number/],
    ['message(number)', (cs) => cs.message(42 as never), /text must be a string/],
    ['writeFile(number, data)', (cs) => cs.writeFile(1 as never, 'x'), /path must be a string/],
  ];

  it.each(cases)('%s throws a CsoundError naming the cause', async (_name, call, cause) => {
    const cs = await quietCsound();
    const error = failure(() => call(cs));
    expect(error.message).toMatch(cause);
    expect(error.code).toBeLessThan(0);
    cs.destroy();
  });
});

describe('recovery after a failure', () => {
  const failures: [string, (cs: Csound) => unknown][] = [
    ['a syntax error', (cs) => cs.compileOrc('instr 1\n  bogus bogus bogus\nendin')],
    ['a missing CSD file', (cs) => cs.compileCsd('/missing.csd', 0)],
    ['an unknown option', (cs) => cs.setOption('--no-such-option')],
    ['an unknown option in CsOptions', (cs) => cs.compileCsdText(csd({ options: '--nope', orc: NOTE_ORC }))],
    ['a missing file for a utility', (cs) => cs.runUtility('sndinfo', ['/missing.wav'])],
    ['performKsmps before start', (cs) => cs.performKsmps()],
    ['a wrong argument type', (cs) => cs.event(CS_INSTR_EVENT, ['1' as never])],
  ];

  it.each(failures)('after %s, the same Csound (after reset) and a new one render a note', async (_name, fail) => {
    const level = 0.375;
    const cs = await quietCsound();
    expect(() => fail(cs)).toThrow(CsoundError);
    expect(renderNote(cs, level)).toEqual(new Array(KSMPS).fill(level));
    const fresh = await quietCsound();
    expect(renderNote(fresh, level)).toEqual(new Array(KSMPS).fill(level));
    cs.destroy();
    fresh.destroy();
  });

  it('repeated failures do not wear the instance out', async () => {
    const cs = await quietCsound();
    for (let i = 0; i < 200; i++) expect(() => cs.setOption('--no-such-option')).toThrow(CsoundError);
    expect(renderNote(cs, 0.5)).toEqual(new Array(KSMPS).fill(0.5));
    cs.destroy();
  });
});

describe('many instances', () => {
  it('20 instances are independent and each renders its own note', async () => {
    const instances: Csound[] = [];
    for (let i = 0; i < 20; i++) instances.push(await quietCsound());
    instances.forEach((cs, i) => {
      expect(renderNote(cs, (i + 1) / 32)).toEqual(new Array(KSMPS).fill((i + 1) / 32));
    });
    // Each keeps its own state: perform again and read every spout.
    instances.forEach((cs) => cs.performKsmps());
    instances.forEach((cs, i) => expect(cs.spout()[0]).toBe((i + 1) / 32));
    for (const cs of instances) cs.destroy();
  });

  it('a create() after the first reuses the compiled module and is quick', async () => {
    (await quietCsound()).destroy();
    const started = performance.now();
    const cs = await quietCsound();
    const elapsed = performance.now() - started;
    expect(renderNote(cs, 0.25)[0]).toBe(0.25);
    // Loose bound: instantiating the compiled module takes milliseconds; compiling the wasm would take seconds.
    expect(elapsed).toBeLessThan(5000);
    cs.destroy();
  });
});
