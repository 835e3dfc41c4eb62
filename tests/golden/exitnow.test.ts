// exitnow ends the performance (issue 12). Natively the csound command performs with csoundPerform, which sets
// Csound's exit jump on every call: exitnow jumps there, the output ends with the last complete k-cycle, the file
// is closed and csoundPerform returns. In wasm the k-cycles come one call at a time (csoundPerformKsmps, whose jump
// target is stale from the second k-cycle on): the jump escapes to JS, and js/csound.ts (the host thread) and
// js/performer-attach.ts (a performer) land it.
// Here each way of performing renders tests/golden/csd/exitnow.csd (exitnow at 1.234 s of a 5 s score) to the same
// samples as native Csound and ends as a normal end of the performance. (golden.test.ts compares the same file
// through the API's performKsmpsBlock.)
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Csound, CsoundPerformanceThread } from '../../dist/js/index.js';
import { OWN_CSD_DIR, REPO_ROOT } from './cases.js';
import { bytesToDoubles, renderNative, RENDER_FLAGS } from './render.js';

const CSD = 'exitnow.csd';
let native: Float64Array;
let scratch = '';

beforeAll(() => {
  const run = renderNative({ sourceDir: OWN_CSD_DIR, csd: CSD });
  expect(run.ok, `native: ${run.error}\n${run.log}`).toBe(true);
  native = run.samples!;
  // 850 k-cycles of 64 frames, 2 channels: the k-cycles before the one at 1.234 s.
  expect(native.length).toBe(850 * 64 * 2);
  scratch = mkdtempSync(join(tmpdir(), 'csound-exitnow-'));
});

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

function expectSameAsNative(samples: Float64Array): void {
  expect(samples.length).toBe(native.length);
  let maxAbs = 0;
  for (let i = 0; i < native.length; i++) maxAbs = Math.max(maxAbs, Math.abs(samples[i] - native[i]));
  expect(maxAbs).toBeLessThanOrEqual(1e-9);
}

async function compiled(): Promise<Csound> {
  const cs = await Csound.create({ messages: 'none' });
  cs.writeFile('/w/exitnow.csd', readFileSync(join(OWN_CSD_DIR, CSD)));
  cs.compile('csound', ...RENDER_FLAGS, '-o', '/w/out.raw', '/w/exitnow.csd');
  return cs;
}

describe('exitnow ends the performance as natively', () => {
  it('the CLI writes the same samples, closes the file and exits with 0 (no error message)', () => {
    copyFileSync(join(OWN_CSD_DIR, CSD), join(scratch, CSD));
    const run = spawnSync(process.execPath, [join(REPO_ROOT, 'dist/js/cli.js'), ...RENDER_FLAGS, '-o', 'out.raw', CSD], {
      cwd: scratch,
      encoding: 'utf8',
      timeout: 60_000,
    });
    const output = `${run.stdout}${run.stderr}`;
    expect(run.status, output).toBe(0);
    expect(output).not.toMatch(/Infinity|failed/);
    expectSameAsNative(bytesToDoubles(readFileSync(join(scratch, 'out.raw'))));
  });

  it('performKsmps returns a positive value (the end) after the last k-cycle before exitnow', async () => {
    const cs = await compiled();
    let cycles = 0;
    let result: number;
    while ((result = cs.performKsmps()) === 0) cycles++;
    expect(result).toBeGreaterThan(0);
    expect(cycles).toBe(850);
    cs.cleanup();
    expectSameAsNative(bytesToDoubles(cs.readFile('/w/out.raw')));
    cs.destroy();
  });

  it('exitnow with a negative value fails the call with that code, and the instance performs again after reset()', async () => {
    const csdText = (instr: string, score: string) => ['<CsoundSynthesizer>', '<CsOptions>', '-n', '</CsOptions>',
      '<CsInstruments>', 'sr = 44100', 'ksmps = 32', 'nchnls = 1', '0dbfs = 1', 'instr 1', instr, 'endin',
      '</CsInstruments>', '<CsScore>', score, '</CsScore>', '</CsoundSynthesizer>', ''].join('\n');
    for (const block of [false, true]) {
      const cs = await Csound.create({ messages: 'none' });
      expect(cs.compileCsdText(csdText('  exitnow -3', 'i 1 0.5 1\ne 2'))).toBe(0);
      expect(cs.start()).toBe(0);
      let cycles = 0;
      let thrown: unknown = null;
      try {
        if (block) cs.performKsmpsBlock(100000);
        else while (cs.performKsmps() === 0) cycles++;
      } catch (error) {
        thrown = error;
      }
      expect((thrown as { code?: number }).code).toBe(-3);
      if (!block) expect(cycles).toBe(689); // the k-cycles before the one holding 0.5 s (44100 * 0.5 / 32 = 689.06)
      // The jump left nothing behind: the stack, Csound's API lock and the exit record are as before the call.
      cs.reset();
      expect(cs.compileCsdText(csdText('  out oscili(0.1, 440)', 'i 1 0 0.1'))).toBe(0);
      expect(cs.start()).toBe(0);
      let after = 0;
      while (cs.performKsmps() === 0) after++;
      expect(after).toBe(138); // 0.1 s of k-cycles: ceil(4410 / 32)
      cs.destroy();
    }
  });

  it('a CsoundPerformanceThread ends with a positive status and the same samples', async () => {
    const cs = await compiled();
    const pt = new CsoundPerformanceThread(cs);
    pt.play();
    expect(await pt.join()).toBeGreaterThan(0);
    cs.cleanup();
    expectSameAsNative(bytesToDoubles(cs.readFile('/w/out.raw')));
    // The instance is fine afterwards: it performs again.
    cs.reset();
    cs.writeFile('/w/exitnow.csd', readFileSync(join(OWN_CSD_DIR, CSD)));
    cs.compile('csound', ...RENDER_FLAGS, '-o', '/w/out2.raw', '/w/exitnow.csd');
    while (cs.performKsmpsBlock(256) === 0) {
      // until exitnow
    }
    cs.cleanup();
    expectSameAsNative(bytesToDoubles(cs.readFile('/w/out2.raw')));
    cs.destroy();
  });
});
