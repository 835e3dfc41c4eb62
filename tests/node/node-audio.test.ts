// Sound from Node (issue 13): CsoundPerformanceThread given a node-web-audio-api context performs through the same
// AudioWorkletProcessor as in browsers (dist/worklet.js), and the CLI plays -odac through it. Here there is no sound
// device: the library's OfflineAudioContext and its `sinkId: { type: 'none' }` realtime context render without one.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AudioContext, OfflineAudioContext } from 'node-web-audio-api';
import { afterAll, describe, expect, it } from 'vitest';
import { Csound, CsoundError, CsoundPerformanceThread } from '../../dist/js/index.js';

const repo = path.resolve(__dirname, '../..');
const cli = path.join(repo, 'dist', 'js', 'cli.js');
const work = mkdtempSync(path.join(tmpdir(), 'csound-wasm-node-audio-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const SR = 48000;
/** Two channels of different signals (an oscillator, a band-limited saw), 0dbfs 1 as Web Audio carries it. */
function csd(seconds: number, zeroDbfs = 1): string {
  return `<CsoundSynthesizer>\n<CsInstruments>\nsr=${SR}\nksmps=10\nnchnls=2\n0dbfs=${zeroDbfs}\ninstr 1\n` +
    ` a1 oscili 0.3 * 0dbfs, 440\n a2 vco2 0.2 * 0dbfs, 220\n outs a1, a2\nendin\n</CsInstruments>\n` +
    `<CsScore>\ni1 0 ${seconds}\n</CsScore>\n</CsoundSynthesizer>\n`;
}

async function started(text: string): Promise<Csound> {
  const cs = await Csound.create({ hostAudioIO: true, messages: 'none' });
  cs.compileCsdText(text);
  cs.start();
  return cs;
}

/** The worker performer's render, from its output ring: interleaved frames in Csound's units. */
async function workerRender(text: string): Promise<Float64Array> {
  const cs = await started(text);
  const pt = new CsoundPerformanceThread(cs, { outputRingFrames: SR });
  const chunks: Float64Array[] = [];
  const block = new Float64Array(4096 * 2);
  void pt.play();
  let ended = false;
  const done = pt.join().then(() => {
    ended = true;
  });
  for (;;) {
    const frames = pt.readOutput(block);
    if (frames > 0) chunks.push(block.slice(0, frames * 2));
    else if (ended) break;
    else await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await done;
  cs.destroy();
  const all = new Float64Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.length;
  }
  return all;
}

describe('sound from Node (node-web-audio-api)', () => {
  it('renders through the AudioWorklet processor on an OfflineAudioContext what the worker renders, sample for sample', async () => {
    for (const zeroDbfs of [1, 32768]) {
      const text = csd(0.5, zeroDbfs);
      const expected = await workerRender(text);
      const frames = expected.length / 2;
      expect(frames).toBe(SR / 2);
      const cs = await started(text);
      const context = new OfflineAudioContext(2, frames + 1280, SR);
      const pt = new CsoundPerformanceThread(cs, { audioContext: context });
      await pt.play();
      expect(pt.audioContext()).toBe(context);
      const buffer = await context.startRendering();
      // The score ended inside the rendering: the performer ends by itself with Csound's end status.
      expect(await pt.join()).toBeGreaterThan(0);
      cs.destroy();
      const gain = 1 / zeroDbfs; // the processor scales spout by 1/0dbfs into Float32, as in browsers
      let differing = 0;
      for (let c = 0; c < 2; c++) {
        const data = buffer.getChannelData(c);
        for (let i = 0; i < frames; i++) if (data[i] !== Math.fround(expected[i * 2 + c] * gain)) differing++;
        for (let i = frames; i < data.length; i++) if (data[i] !== 0) differing++;
      }
      expect(differing, `0dbfs=${zeroDbfs}`).toBe(0);
      expect(Math.max(...buffer.getChannelData(1).subarray(0, frames))).toBeGreaterThan(0.1);
    }
  }, 120_000);

  it('plays in real time on an AudioContext with no device (sinkId none) and ends with the score', async () => {
    const cs = await started(csd(0.5));
    const context = new AudioContext({ sampleRate: SR, sinkId: { type: 'none' } });
    const pt = new CsoundPerformanceThread(cs, { audioContext: context });
    const t0 = performance.now();
    await pt.play();
    const status = await pt.join();
    const seconds = (performance.now() - t0) / 1000;
    await context.close();
    expect(status).toBeGreaterThan(0);
    // Paced by the context's clock, not as fast as possible: at least the score's length (48,000 frames in 0.5 s).
    expect(seconds).toBeGreaterThan(0.45);
    expect(pt.controlBlock()[1]).toBeGreaterThanOrEqual(Math.floor((SR / 2) / 128));
    expect(cs.scoreTime()).toBeCloseTo(0.5, 2);
    cs.destroy();
  }, 120_000);

  it('refuses a context when the instance has no host audio I/O, and a context without audioWorklet', async () => {
    const cs = await Csound.create({ messages: 'none' });
    cs.compileCsdText(csd(0.1));
    cs.start();
    const context = new OfflineAudioContext(2, 128, SR);
    const pt = new CsoundPerformanceThread(cs, { audioContext: context });
    await expect(pt.play()).rejects.toThrow(/hostAudioIO: true/);
    expect(await pt.join()).toBeLessThan(0);
    cs.destroy();
    const other = await started(csd(0.1));
    const fake = new CsoundPerformanceThread(other, { audioContext: { sampleRate: SR } as never });
    await expect(fake.play()).rejects.toThrow(/no audioWorklet/);
    other.destroy();
  }, 60_000);

  it('the CLI plays -odac to the end of the score and exits 0', () => {
    const file = path.join(work, 'one-second.csd');
    writeFileSync(file, csd(1).replace('<CsInstruments>', '<CsOptions>\n-d\n</CsOptions>\n<CsInstruments>'));
    // --audio-sink=none: the CLI's flag for a context with no device (the library's sinkId none).
    const result = spawnSync(process.execPath, [cli, '-odac', '--audio-sink=none', file], { cwd: work, encoding: 'utf8', timeout: 110_000 });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain('end of score');
  }, 120_000);

  it('the CLI stops on SIGINT, closes the context and exits 1 as csound does', async () => {
    const file = path.join(work, 'long.csd');
    writeFileSync(file, csd(600));
    const child = spawn(process.execPath, [cli, '-d', '-odac', '--audio-sink=none', file], { cwd: work });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      // Interrupt once the performance is under way.
      if (/audio buffered|SECTION 1/.test(stderr) && !child.killed) setTimeout(() => child.kill('SIGINT'), 500);
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code, stderr).toBe(1);
    expect(stderr).toContain('csound-wasm: Interrupt');
  }, 120_000);

  it('says to npm install node-web-audio-api when it is missing (a copy of the package without it)', async () => {
    // A copy of dist/ outside this repository resolves no node-web-audio-api: the library is really missing there.
    const copy = mkdtempSync(path.join(tmpdir(), 'csound-wasm-no-web-audio-'));
    try {
      cpSync(path.join(repo, 'dist'), path.join(copy, 'dist'), { recursive: true });
      writeFileSync(path.join(copy, 'package.json'), JSON.stringify({ type: 'module' }));
      const script = path.join(copy, 'probe.mjs');
      writeFileSync(script, `import { Csound, CsoundPerformanceThread } from './dist/js/index.js';
const cs = await Csound.create({ hostAudioIO: true, messages: 'none' });
cs.compileCsdText(${JSON.stringify(csd(0.1))}); cs.start();
const pt = new CsoundPerformanceThread(cs, { audioContext: { sampleRate: ${SR}, audioWorklet: { addModule() {} } } });
try { await pt.play(); console.log('played'); } catch (e) { console.log(e.name + ': ' + e.message); }
cs.destroy();
`);
      const probe = spawnSync(process.execPath, [script], { cwd: copy, encoding: 'utf8', timeout: 60_000 });
      expect(probe.stdout, probe.stderr).toContain('CsoundError: play failed');
      expect(probe.stdout).toContain('npm install node-web-audio-api');
      const dac = spawnSync(process.execPath, [path.join(copy, 'dist', 'js', 'cli.js'), '-odac', path.join(repo, 'examples', 'hello.csd')], { cwd: work, encoding: 'utf8', timeout: 60_000 });
      expect(dac.status).toBe(1);
      expect(dac.stderr).toContain('npm install node-web-audio-api');
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  }, 120_000);

  it('refuses with a CsoundError a context that is not one of node-web-audio-api', async () => {
    const cs = await started(csd(0.1));
    const pt = new CsoundPerformanceThread(cs, { audioContext: { sampleRate: SR, audioWorklet: { addModule: async () => {} } } as never });
    const error = await pt.play().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CsoundError);
    expect((error as Error).message).toContain('not a node-web-audio-api context');
    cs.destroy();
  }, 60_000);
});
