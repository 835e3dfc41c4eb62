// CsoundPerformanceThread in Node when things go wrong: host flags the worker must not inherit, traps on either
// thread, calls right after play() or pause(), a k-cycle that never returns, and misuse. Every case that could
// end or hang the process runs in a child process with a time limit and reports one JSON line.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Csound, CsoundPerformanceThread } from '../../dist/js/index.js';

const INDEX = new URL('../../dist/js/index.js', import.meta.url).href;

function csdText(orc: string, score: string): string {
  return `<CsoundSynthesizer>\n<CsOptions>\n-n\n</CsOptions>\n<CsInstruments>\nsr = 44100\nksmps = 32\nnchnls = 2\n0dbfs = 1\n${orc}\n</CsInstruments>\n<CsScore>\n${score}\n</CsScore>\n</CsoundSynthesizer>\n`;
}

const TONE = 'instr 1\n  outs oscili(0.2, 440), oscili(0.2, 660)\nendin';
/** A k-rate loop that never ends: kx grows until adding 1 no longer changes it, and stays ≥ 0. */
const RUNAWAY = 'instr 9\n  kx = 0\n  while kx >= 0 do\n    kx += 1\n  od\nendin';
/** gmm throws on a singular matrix; with no handler Csound aborts: a trap on the thread that runs the init pass. */
const SINGULAR = `instr 3
  imr la_i_mr_create 2, 2
  imr la_i_mr_set 0, 0, 1
  imr la_i_mr_set 0, 1, 2
  imr la_i_mr_set 1, 0, 2
  imr la_i_mr_set 1, 1, 4
  iinv la_i_mr_create 2, 2
  iinv, icond la_i_invert_mr imr
endin`;

/** olabuffer checks its overlap factor with an integer remainder: an overlap of 0 is a wasm trap in the init pass. */
const DIVIDE_BY_ZERO = 'instr 4\n  kArr[] init 64\n  aout olabuffer kArr, 0\n  outs aout, aout\nendin';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'csound-wasm-performer-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface ChildRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** The last line of stdout that parses as JSON. */
  report: Record<string, unknown>;
}

/**
 * Runs `body` as an ES module in a new Node process (with `nodeFlags`), `Csound`, `CsoundPerformanceThread` and
 * `CsoundError` imported, `csd(orc, score)` and `sleep(ms)` defined. The process must end by itself within
 * `timeoutMs`: nothing calls process.exit().
 */
function runChild(body: string, { nodeFlags = [] as string[], timeoutMs = 30_000 } = {}): ChildRun {
  const file = path.join(scratch, `child-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(file, `import { Csound, CsoundError, CsoundPerformanceThread } from ${JSON.stringify(INDEX)};
const csd = ${csdText.toString()};
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
${body}
`);
  const run = spawnSync(process.execPath, [...nodeFlags, file], { encoding: 'utf8', timeout: timeoutMs });
  const lines = run.stdout.trim().split('\n').reverse();
  let report: Record<string, unknown> = {};
  for (const line of lines) {
    try {
      report = JSON.parse(line) as Record<string, unknown>;
      break;
    } catch {
      // not the report
    }
  }
  return { status: run.status, signal: run.signal, stdout: run.stdout, stderr: run.stderr, report };
}

function describeRun(run: ChildRun): string {
  return `exit ${run.status} signal ${run.signal}\nstdout:\n${run.stdout}\nstderr:\n${run.stderr}`;
}

describe('CsoundPerformanceThread in Node: failures and misuse', () => {
  it('plays under node --max-old-space-size=4096 --expose-gc --stack-size=900 (the worker takes none of them)', () => {
    const run = runChild(`
      const cs = await Csound.create({ messages: 'none' });
      cs.compileCsdText(csd(${JSON.stringify(TONE)}, 'i 1 0 0.5'));
      cs.start();
      const pt = new CsoundPerformanceThread(cs);
      await pt.play();
      const status = await pt.join();
      console.log(JSON.stringify({ status, time: cs.scoreTime(), gc: typeof globalThis.gc }));
    `, { nodeFlags: ['--max-old-space-size=4096', '--expose-gc', '--stack-size=900'] });
    expect(run.status, describeRun(run)).toBe(0);
    expect(run.report.status).toBeGreaterThan(0);
    expect(run.report.time).toBeCloseTo(0.5, 2);
    expect(run.report.gc).toBe('function');
  });

  it('a trap on the host thread during playback retires the instance; join() settles negative; the process lives on', () => {
    const run = runChild(`
      const cs = await Csound.create({ messages: 'none' });
      cs.compileCsdText(csd(${JSON.stringify(TONE)}, 'i 1 0 360000'));
      cs.start();
      const pt = new CsoundPerformanceThread(cs);
      await pt.play();
      let trap = null;
      try {
        cs.compileOrc('instr 2\\n/* TODO\\nendin\\n');
      } catch (error) {
        trap = error.message;
      }
      pt.stop();
      const status = await pt.join();
      let later = null;
      try {
        cs.scoreTime();
      } catch (error) {
        later = { name: error.name, message: error.message };
      }
      cs.destroy();
      console.log(JSON.stringify({ trap, status, later, running: pt.isRunning() }));
    `);
    expect(run.status, describeRun(run)).toBe(0);
    expect(run.report.trap).toMatch(/the engine trapped \(RuntimeError/);
    expect(run.report.status).toBeLessThan(0);
    expect(run.report.running).toBe(false);
    expect(run.report.later).toMatchObject({ name: 'CsoundError' });
    expect((run.report.later as { message: string }).message).toMatch(/retired: the engine trapped in compileOrc \(RuntimeError/);
  });

  it('an abort on the performer (gmm\'s singular-matrix error): join() settles negative, Csound\'s and the abort\'s messages are kept', () => {
    const run = runChild(`
      const cs = await Csound.create({ messages: 'none' });
      const messages = [];
      cs.setMessageCallback((attr, text) => messages.push(text));
      cs.compileCsdText(csd(${JSON.stringify(`${TONE}\n${SINGULAR}`)}, 'i 1 0 360000'));
      cs.start();
      const pt = new CsoundPerformanceThread(cs);
      await pt.play();
      pt.scoreEvent(0, 'i', [3, 0, 0]);
      const status = await pt.join();
      let later = null;
      try {
        cs.setControlChannel('x', 1);
      } catch (error) {
        later = error.message;
      }
      cs.destroy();
      console.log(JSON.stringify({ status, later, messages: messages.join('') }));
    `);
    expect(run.status, describeRun(run)).toBe(0);
    expect(run.report.status).toBeLessThan(0);
    expect(run.report.messages).toMatch(/non invertible matrix/);
    expect(run.report.messages).toMatch(/csound-wasm: the performer trapped \(RuntimeError: Aborted/);
    expect(run.report.later).toMatch(/this instance was retired: the performer trapped/);
  });

  it('a wasm trap on the performer (divide by zero): join() settles negative, the instance is retired, the process exits', () => {
    const run = runChild(`
      const cs = await Csound.create({ messages: 'none' });
      const messages = [];
      cs.setMessageCallback((attr, text) => messages.push(text));
      cs.compileCsdText(csd(${JSON.stringify(`${TONE}
${DIVIDE_BY_ZERO}`)}, 'i 1 0 360000'));
      cs.start();
      const pt = new CsoundPerformanceThread(cs);
      await pt.play();
      pt.scoreEvent(0, 'i', [4, 0, 0.1]);
      const status = await pt.join();
      const later = await (async () => {
        try {
          cs.evalCode('return 1');
        } catch (error) {
          return error.message;
        }
      })();
      cs.destroy();
      console.log(JSON.stringify({ status, later, messages: messages.join('') }));
    `);
    expect(run.status, describeRun(run)).toBe(0);
    expect(run.report.status).toBeLessThan(0);
    expect(run.report.messages).toMatch(/csound-wasm: the performer trapped \(RuntimeError: divide by zero\)/);
    expect(run.report.later).toMatch(/this instance was retired: the performer trapped \(RuntimeError: divide by zero\)/);
  });

  it('compileOrc right after play() is merged at once, and evalCode sees it', async () => {
    const cs = await Csound.create({ messages: 'none' });
    cs.compileCsdText(csdText(TONE, 'i 1 0 360000'));
    cs.start();
    const pt = new CsoundPerformanceThread(cs);
    await pt.play();
    const before = performance.now();
    expect(cs.compileOrc('giA = 42')).toBe(0);
    expect(performance.now() - before).toBeLessThan(900); // it does not wait out the 1 s limit
    expect(cs.evalCode('return giA')).toBe(42);
    pt.stop();
    expect(await pt.join()).toBeGreaterThan(0);
    cs.destroy();
  });

  it('pause() right after play(): the next compile runs on this thread at once', async () => {
    const cs = await Csound.create({ messages: 'none' });
    cs.compileCsdText(csdText(TONE, 'i 1 0 360000'));
    cs.start();
    const pt = new CsoundPerformanceThread(cs);
    await pt.play();
    pt.pause();
    const before = performance.now();
    expect(cs.compileOrc('giB = 43')).toBe(0);
    expect(cs.evalCode('return giB + 1')).toBe(44);
    expect(performance.now() - before).toBeLessThan(900);
    const held = cs.scoreTime();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(cs.scoreTime()).toBe(held);
    await pt.play();
    pt.stop();
    expect(await pt.join()).toBeGreaterThan(0);
    cs.destroy();
  });

  it('stop() ends a k-cycle that never returns within 1 s: worker terminated, instance retired, the process exits', () => {
    const run = runChild(`
      const cs = await Csound.create({ messages: 'none' });
      const messages = [];
      cs.setMessageCallback((attr, text) => messages.push(text));
      cs.compileCsdText(csd(${JSON.stringify(`${TONE}\n${RUNAWAY}`)}, 'i 1 0 360000'));
      cs.start();
      const pt = new CsoundPerformanceThread(cs);
      await pt.play();
      pt.scoreEvent(0, 'i', [9, 0, 1]);
      // The loop has begun once instr 9 has started and the k-cycle counter stands still for 300 ms.
      let blocks = -1;
      for (let still = 0; still < 3;) {
        await sleep(100);
        const now = Atomics.load(pt.controlBlock(), 1);
        still = now === blocks && messages.some((m) => m.includes('new alloc for instr 9')) ? still + 1 : 0;
        blocks = now;
      }
      const stopped = performance.now();
      pt.stop();
      const status = await pt.join();
      const stopMs = performance.now() - stopped;
      let later = null;
      try {
        cs.event(0, [1, 0, 1]);
      } catch (error) {
        later = { name: error.name, message: error.message };
      }
      cs.destroy();
      cs.destroy();
      console.log(JSON.stringify({ status, stopMs, later, running: pt.isRunning() }));
    `);
    expect(run.status, describeRun(run)).toBe(0);
    const stopMs = run.report.stopMs as number;
    console.log(`Node: stop() of a runaway k-cycle took ${stopMs.toFixed(0)} ms until join() settled`);
    expect(stopMs).toBeLessThan(1000);
    expect(run.report.status).toBeLessThan(0);
    expect(run.report.running).toBe(false);
    expect(run.report.later).toMatchObject({ name: 'CsoundError' });
    expect((run.report.later as { message: string }).message).toMatch(/this instance was retired: stop\(\): the performer's k-cycle did not return/);
  });

  it('refuses performing on this thread, cleanup, reset, destroy and a second performer while a performer runs', () => {
    const run = runChild(`
      const cs = await Csound.create({ messages: 'none' });
      cs.compileCsdText(csd(${JSON.stringify(TONE)}, 'i 1 0 360000'));
      cs.start();
      const pt = new CsoundPerformanceThread(cs);
      await pt.play();
      const refusals = {};
      const attempt = (name, body) => {
        try {
          body();
          refusals[name] = 'accepted';
        } catch (error) {
          refusals[name] = error instanceof CsoundError ? error.message : 'not a CsoundError: ' + error;
        }
      };
      attempt('performKsmps', () => cs.performKsmps());
      attempt('performKsmpsBlock', () => cs.performKsmpsBlock(10));
      attempt('start', () => cs.start());
      attempt('cleanup', () => cs.cleanup());
      attempt('reset', () => cs.reset());
      attempt('destroy', () => cs.destroy());
      const second = new CsoundPerformanceThread(cs);
      attempt('second play', () => second.play());
      pt.pause();
      attempt('performKsmps while paused', () => cs.performKsmps());
      await pt.play();
      const time = cs.scoreTime();
      await sleep(50);
      const advancing = cs.scoreTime() > time;
      pt.stop();
      const status = await pt.join();
      // After the end the instance is this thread's again; and another thread may perform it.
      const after = cs.performKsmps();
      const again = new CsoundPerformanceThread(cs);
      await again.play();
      again.stop();
      const againStatus = await again.join();
      cs.destroy();
      console.log(JSON.stringify({ refusals, advancing, status, after, againStatus, secondRunning: second.isRunning() }));
    `);
    expect(run.status, describeRun(run)).toBe(0);
    const refusals = run.report.refusals as Record<string, string>;
    for (const name of ['performKsmps', 'performKsmpsBlock', 'start', 'cleanup', 'reset', 'destroy', 'performKsmps while paused']) {
      expect(refusals[name], name).toMatch(/a CsoundPerformanceThread performs this instance.*stop\(\) (it|the thread) and await its join\(\) first/);
    }
    expect(refusals['second play']).toMatch(/another CsoundPerformanceThread performs this instance/);
    expect(run.report.secondRunning).toBe(false);
    expect(run.report.advancing).toBe(true);
    expect(run.report.status).toBeGreaterThan(0);
    expect(run.report.after).toBe(0);
    expect(run.report.againStatus).toBeGreaterThan(0);
  });

  it('lockChannel twice on one channel from one thread throws instead of spinning for ever', () => {
    const run = runChild(`
      const cs = await Csound.create({ messages: 'none' });
      cs.compileCsdText(csd('instr 1\\n  chnset 1, "level"\\nendin', 'i 1 0 1'));
      cs.start();
      cs.performKsmps();
      cs.lockChannel('level');
      let second = null;
      try {
        cs.lockChannel('level');
      } catch (error) {
        second = { name: error.name, message: error.message };
      }
      cs.unlockChannel('level');
      cs.lockChannel('level'); // free again
      cs.unlockChannel('level');
      cs.destroy();
      console.log(JSON.stringify({ second }));
    `, { timeoutMs: 20_000 });
    expect(run.status, describeRun(run)).toBe(0);
    expect(run.report.second).toMatchObject({ name: 'CsoundError' });
    expect((run.report.second as { message: string }).message).toMatch(/already holds the lock of channel "level"/);
  });

  it('a paused performance keeps the process alive until stop(), as documented', () => {
    const run = runChild(`
      const cs = await Csound.create({ messages: 'none' });
      cs.compileCsdText(csd(${JSON.stringify(TONE)}, 'i 1 0 360000'));
      cs.start();
      const pt = new CsoundPerformanceThread(cs);
      await pt.play();
      pt.pause();
      const paused = performance.now();
      void pt.join().then((status) => console.log(JSON.stringify({ status, pausedMs: performance.now() - paused })));
      setTimeout(() => pt.stop(), 300).unref(); // unref: only the paused performer may keep the process alive
    `);
    expect(run.status, describeRun(run)).toBe(0);
    expect(run.report.status).toBeGreaterThan(0);
    expect(run.report.pausedMs).toBeGreaterThanOrEqual(290);
  });
});

// Not in a child: these cannot hang.
describe('CsoundPerformanceThread: a retired instance', () => {
  it('cannot be performed again', async () => {
    const cs = await Csound.create({ messages: 'none' });
    cs.compileCsdText(csdText(TONE, 'i 1 0 1'));
    cs.start();
    expect(() => cs.compileOrc('instr 2\n/* TODO\nendin\n')).toThrow(/trapped/);
    expect(() => new CsoundPerformanceThread(cs)).toThrow(/retired/);
    cs.destroy();
  });
});
