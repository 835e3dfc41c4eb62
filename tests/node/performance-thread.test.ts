// CsoundPerformanceThread in Node: the performance runs in a worker on the instance's shared memory while this
// thread drives the same Csound object (channels, events) synchronously.
import { describe, expect, it } from 'vitest';
import { Csound, CsoundError, CsoundPerformanceThread, CS_INSTR_EVENT } from '../../dist/js/index.js';

function csdText(orc: string, score: string, options = '-n'): string {
  return `<CsoundSynthesizer>\n<CsOptions>\n${options}\n</CsOptions>\n<CsInstruments>\nsr = 44100\nksmps = 32\nnchnls = 2\n0dbfs = 1\n${orc}\n</CsInstruments>\n<CsScore>\n${score}\n</CsScore>\n</CsoundSynthesizer>\n`;
}

// Scores of the tests that run a while are 100 hours long: the worker renders as fast as it can (~250× real time
// with both cores loaded), and an hour-long score ended during the 10,000 round trips on a busy machine.
async function started(orc: string, score: string, options?: string): Promise<Csound> {
  const cs = await Csound.create({ messages: 'none' });
  cs.makeDir('/out');
  cs.compileCsdText(csdText(orc, score, options));
  cs.start();
  return cs;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // The performer answers within microseconds: poll on this thread for a moment before yielding to the event
    // loop, whose timers are coarse on a loaded machine (10,000 round trips must not each cost a timer tick).
    const spinUntil = performance.now() + 5;
    while (performance.now() < spinUntil) if (condition()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(1);
  }
}

const TONE = 'instr 1\n  outs oscili(0.2, 440), oscili(0.2, 660)\nendin';

describe('CsoundPerformanceThread', () => {
  it('plays to the end of the score; join resolves with a positive status and the thread is gone', async () => {
    const cs = await started(TONE, 'i 1 0 1.5');
    const pt = new CsoundPerformanceThread(cs);
    expect(pt.status()).toBe(0);
    expect(pt.isRunning()).toBe(false);
    pt.play();
    expect(pt.isRunning()).toBe(true);
    const status = await pt.join();
    expect(status).toBeGreaterThan(0);
    expect(pt.status()).toBe(status);
    expect(pt.isRunning()).toBe(false);
    expect(cs.scoreTime()).toBeCloseTo(1.5, 2);
    cs.destroy();
  });

  it('pause holds score time, play continues it, togglePause flips, stop ends the performance', async () => {
    const cs = await started(TONE, 'i 1 0 360000');
    const pt = new CsoundPerformanceThread(cs);
    pt.play();
    await until(() => cs.scoreTime() > 0.5, 'score time to advance');
    pt.pause();
    await sleep(20); // the performer finishes its current block
    const held = cs.scoreTime();
    await sleep(100);
    expect(cs.scoreTime()).toBe(held);
    pt.togglePause();
    await until(() => cs.scoreTime() > held + 0.5, 'score time to advance after resume');
    pt.togglePause();
    await sleep(20);
    const heldAgain = cs.scoreTime();
    await sleep(50);
    expect(cs.scoreTime()).toBe(heldAgain);
    pt.play();
    await until(() => cs.scoreTime() > heldAgain + 0.5, 'score time to advance after play');
    pt.stop();
    const status = await pt.join();
    expect(status).toBeGreaterThan(0);
    expect(cs.scoreTime()).toBeLessThan(3600);
    cs.destroy();
  });

  it('sees 1,000 score events and 10,000 control-channel writes from this thread during playback', async () => {
    const orc = `
gkEvents init 0
gkSum init 0
instr 1 ; always on: echoes the control channel back, so each write can be seen to arrive
  chnset chnget:k("ctl"), "echo"
endin
instr 2 ; one score event: counts it and adds its p4
  gkEvents += 1
  gkSum += p4
  chnset gkEvents, "events"
  chnset gkSum, "sum"
  turnoff
endin`;
    const cs = await started(orc, 'i 1 0 360000');
    const pt = new CsoundPerformanceThread(cs);
    pt.play();
    for (let value = 1; value <= 10_000; value++) {
      cs.setControlChannel('ctl', value);
      await until(() => cs.controlChannel('echo')[0] === value, `echo of write ${value}`);
    }
    for (let i = 1; i <= 1000; i++) {
      if (i % 2 === 0) pt.scoreEvent(0, 'i', [2, 0, 0.01, i]);
      else cs.event(CS_INSTR_EVENT, [2, 0, 0.01, i]);
    }
    await until(() => cs.controlChannel('events')[0] === 1000, 'all 1,000 events');
    expect(cs.controlChannel('sum')[0]).toBe((1000 * 1001) / 2);
    expect(cs.controlChannel('echo')[0]).toBe(10_000);
    pt.stop();
    await pt.join();
    cs.destroy();
  });

  it('record() writes a WAV whose samples equal spout, and -o output written by the performer is complete', async () => {
    const orc = `instr 1
  a1 vco2 0.5, p4
  a2 oscili 0.25, p4 * 1.5
  outs a1, a2
endin`;
    // Csound writes its own output (raw doubles) from the performer thread; record() captures spout as floats.
    const cs = await started(orc, 'i 1 0 1 220\ni 1 1 0.5 330', '-o /out/raw.dbl -h --format=double');
    const pt = new CsoundPerformanceThread(cs);
    pt.record('/out/rec.wav', 32);
    pt.play();
    expect(await pt.join()).toBeGreaterThan(0);
    const raw = cs.readFile('/out/raw.dbl');
    const spout = new Float64Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength));
    expect(spout.length).toBe(cs.currentTimeSamples() * 2); // every k-cycle performed, two channels
    expect(cs.currentTimeSamples()).toBeGreaterThan(1.49 * 44100);
    const wav = cs.readFile('/out/rec.wav');
    const view = new DataView(wav.buffer, wav.byteOffset, wav.byteLength);
    expect(String.fromCharCode(...wav.subarray(0, 4))).toBe('RIFF');
    expect(view.getUint16(22, true)).toBe(2); // channels
    expect(view.getUint32(24, true)).toBe(44100);
    // Find the data chunk and compare every sample with float32(spout).
    let offset = 12;
    while (String.fromCharCode(...wav.subarray(offset, offset + 4)) !== 'data') offset += 8 + view.getUint32(offset + 4, true);
    const bytes = view.getUint32(offset + 4, true);
    expect(bytes / 4).toBe(spout.length);
    let mismatches = 0;
    for (let i = 0; i < spout.length; i++) {
      if (view.getFloat32(offset + 8 + i * 4, true) !== Math.fround(spout[i])) mismatches++;
    }
    expect(mismatches).toBe(0);
    expect(pt.droppedRecordFrames()).toBe(0);
    cs.destroy();
  });

  it('with an output ring, hands every k-cycle of spout to the caller, who sets the pace', async () => {
    const orc = `instr 1
  a1 vco2 0.5, p4
  outs a1, a1 * 0.5
endin`;
    const score = 'i 1 0 0.5 220\ni 1 0.5 0.5 330';
    // Reference: the same CSD performed on this thread.
    const reference = await started(orc, score);
    const expected: number[] = [];
    const spout = reference.spout();
    while (reference.performKsmps() === 0) expected.push(...spout);
    reference.destroy();

    const cs = await started(orc, score);
    const pt = new CsoundPerformanceThread(cs, { outputRingFrames: 1024 });
    const block = new Float64Array(256 * 2);
    const received: number[] = [];
    let ended = false;
    void pt.play();
    void pt.join().then(() => {
      ended = true;
    });
    for (;;) {
      // Whether the performer had ended is read before draining: an empty ring then means nothing more can come.
      const hadEnded = ended;
      const frames = pt.readOutput(block);
      for (let i = 0; i < frames * 2; i++) received.push(block[i]);
      if (frames > 0) continue;
      if (hadEnded) break;
      await sleep(1);
    }
    expect(pt.status()).toBeGreaterThan(0);
    const blocks = Atomics.load(pt.controlBlock(), 1);
    expect(received.length, `performer made ${blocks} k-cycles; frames read ${received.length / 2}`).toBe(expected.length);
    expect(received.every((x, i) => x === expected[i])).toBe(true);
    cs.destroy();
  });

  it('lets a Node process exit by itself once the performance has ended', async () => {
    const { spawnSync } = await import('node:child_process');
    const script = `
      import { Csound, CsoundPerformanceThread } from ${JSON.stringify(new URL('../../dist/js/index.js', import.meta.url).href)};
      const cs = await Csound.create({ messages: 'none' });
      cs.compileCsdText(${JSON.stringify(csdText(TONE, 'i 1 0 1'))});
      cs.start();
      const pt = new CsoundPerformanceThread(cs);
      pt.play();
      console.log('status', await pt.join());
    `;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 30_000 });
    expect(run.error, run.stderr).toBeUndefined();
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/status [1-9]/);
  });

  // Skipped: with global code (gi variables, evalCode) compiled on this thread while the worker performs, an
  // intermittent wasm trap (memory access out of bounds) and once a hang (a thread spinning on a lock the trapped
  // thread held) were seen, in about 1 run of 5. Csound 6.18 compiles global code against state the performer
  // uses; the race is open in the performer issue. compileOrc of instruments during playback is tested in
  // tests/browser/performer.test.ts.
  // 300 rounds of global code, new and redefined instruments and events while the worker performs: Csound's
  // allocator and queues are used by both threads at once (this found a Csound spin lock that let two threads in,
  // patches/csound/0001-spin-lock-retry.patch).
  it('compileOrc and evalCode during playback are compiled here and merged by the performer', async () => {
    const cs = await started(TONE, 'i 1 0 360000');
    const pt = new CsoundPerformanceThread(cs);
    void pt.play();
    await until(() => cs.scoreTime() > 0.1, 'the performance to start');
    for (let i = 1; i <= 300; i++) {
      const instr = 100 + (i % 25); // from round 26 on, each compile redefines a playing-capable instrument
      cs.compileOrc(`instr ${instr}\n  chnset ${i}, "compiled${instr}"\n  turnoff\nendin\ngiValue${i} = ${i} * 3`);
      expect(cs.evalCode(`return giValue${i} + 1`)).toBe(i * 3 + 1);
      cs.event(CS_INSTR_EVENT, [instr, 0, 0.01]);
    }
    await until(() => cs.controlChannel('compiled100')[0] === 300, 'the last compiled instrument to run');
    expect(cs.instrNumber('nosuch')).toBe(-1);
    expect(pt.status()).toBe(0);
    pt.stop();
    await pt.join();
    cs.destroy();
  });

  it('while paused or after the end, evalCode and compileOrc run synchronously on this thread', async () => {
    const cs = await started(TONE, 'i 1 0 360000');
    const pt = new CsoundPerformanceThread(cs);
    void pt.play();
    await until(() => cs.scoreTime() > 0.1, 'the performance to start');
    pt.pause();
    // The performer parks after its current block; the paused performance must not hold the compile for 1 s.
    await sleep(50);
    const before = Date.now();
    expect(cs.evalCode('giPaused = 7\nreturn giPaused * 2')).toBe(14);
    expect(Date.now() - before).toBeLessThan(900);
    pt.play();
    expect(cs.evalCode('return giPaused + 1')).toBe(8);
    pt.stop();
    await pt.join();
    expect(cs.evalCode('return giPaused + 2')).toBe(9);
    cs.destroy();
  });

  it('rejects what is not a Csound object and bad record arguments with CsoundError', async () => {
    expect(() => new CsoundPerformanceThread({} as unknown as Csound)).toThrow(CsoundError);
    const cs = await started(TONE, 'i 1 0 1');
    const pt = new CsoundPerformanceThread(cs);
    expect(() => pt.record('/x.wav', 12)).toThrow(/samplebits/);
    expect(() => pt.scoreEvent(0, 'q', [1, 0, 1])).toThrow(CsoundError);
    // An array-like that claims a billion elements is refused before it is copied (Array.from would hang).
    expect(() => pt.scoreEvent(0, 'i', { length: 1e9 } as ArrayLike<number>)).toThrow(/pFields must be an array of at most 1998/);
    expect(() => pt.scoreEvent(0, 'i', null as unknown as number[])).toThrow(CsoundError);
    const ringed = new CsoundPerformanceThread(cs, { outputRingFrames: 1024 });
    expect(() => ringed.readOutput(null as unknown as Float64Array)).toThrow(/target must be a Float64Array, got null/);
    expect(() => new CsoundPerformanceThread(cs, { audioClock: new Int32Array(1) })).toThrow(/audioClock must be an Int32Array on a SharedArrayBuffer/);
    expect(() => new CsoundPerformanceThread(cs, { audioClock: new Int32Array(new SharedArrayBuffer(0)) })).toThrow(CsoundError);
    cs.destroy();
  });
});
