// STK's rawwaves (js/stk-rawwaves.ts): dist/stk-rawwaves.bin is unpacked into /usr/share/stk/rawwaves (and into the
// instance's memory, where STK reads them) once an orchestra with STK is compiled, so STK instruments that read
// tables sound, also when the wasm is loaded from elsewhere (wasmUrl) without the pack next to it.
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Csound } from '../../dist/js/index.js';
import { csd } from './helpers.js';

const DIST = resolve(dirname(fileURLToPath(import.meta.url)), '../../dist');

/** The names in the pack's index (see scripts/pack-rawwaves.mjs). */
function packNames(): string[] {
  const pack = readFileSync(join(DIST, 'stk-rawwaves.bin'));
  expect(pack.subarray(0, 8).toString('latin1')).toBe('STKRAWW1');
  const length = pack.readUInt32LE(8);
  return (JSON.parse(pack.subarray(12, 12 + length).toString('utf8')) as Array<[string, number]>).map(([n]) => n);
}

const MANDOLIN_ORC = `
sr = 44100
ksmps = 32
nchnls = 1
0dbfs = 1
instr 1
  a1 STKMandolin 220, 0.9
  out a1
endin`;

const ORC = `
sr = 44100
ksmps = 32
nchnls = 1
0dbfs = 1
instr 1
  a1 STKMandolin 220, 0.9
  a2 STKFMVoices 330, 0.8
  out a1 + a2
endin`;

/** Peak of the output of one 0.2 s note. */
function peakOfNote(cs: Csound, orc = ORC): number {
  cs.compileCsdText(csd({ options: '-n', orc, score: 'i1 0 0.2' }));
  cs.start();
  let peak = 0;
  while (cs.performKsmps() === 0) for (const x of cs.spout()) peak = Math.max(peak, Math.abs(x));
  return peak;
}

describe('STK rawwaves', () => {
  it('are unpacked from dist/stk-rawwaves.bin when an orchestra with STK is compiled', async () => {
    const names = packNames();
    expect(names).toHaveLength(41);
    expect(names).toContain('mandpluk.raw');
    const cs = await Csound.create({ messages: 'none' });
    expect(peakOfNote(cs)).toBeGreaterThan(0.01);
    expect(cs.listFiles('/usr/share/stk/rawwaves').sort()).toEqual(names);
    // The same bytes as the pack's (sinewave.raw: 1024 big-endian 16-bit samples of one sine period).
    expect(cs.readFile('/usr/share/stk/rawwaves/sinewave.raw').length).toBe(2048);
    cs.destroy();
  });

  it('are there for the very first file an instrument opens (no message, the note sounds)', async () => {
    const cs = await Csound.create({ messages: 'none' });
    let text = '';
    cs.setMessageCallback((_attr, t) => {
      text += t;
    });
    expect(peakOfNote(cs, MANDOLIN_ORC)).toBeGreaterThan(0.01);
    expect(text).not.toMatch(/could not open|exception|rawwaves/i);
    cs.destroy();
  });

  it('are found next to the package when wasmUrl names a wasm elsewhere', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'csound-wasm-url-'));
    try {
      copyFileSync(join(DIST, 'csound-engine.wasm'), join(dir, 'csound-engine.wasm'));
      const cs = await Csound.create({ messages: 'none', wasmUrl: join(dir, 'csound-engine.wasm') });
      expect(peakOfNote(cs)).toBeGreaterThan(0.01);
      cs.destroy();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
