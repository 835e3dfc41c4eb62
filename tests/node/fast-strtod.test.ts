// cpp/fast_strtod.c: the engine's strtod (which Csound's score reader, orchestra compiler and line events call)
// converts short decimals and "%a" texts itself and hands everything else to musl. Two checks:
// - natively, against glibc's strtod (correctly rounded, the machine's reference): the same bits and end pointer
//   for 3,000,000 seeded texts and the edge cases (tests/node/native/strtod-check.c, compiled here with cc);
// - in the engine, against JavaScript's Number() (correctly rounded as well): numbers written in a score, sent as
//   line events and written as orchestra constants reach a table with exactly those values.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { csd, quietCsound } from './helpers.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

describe('fast strtod', () => {
  it('agrees with glibc strtod natively on 3,000,000 seeded texts and the edge cases', () => {
    const dir = mkdtempSync(join(tmpdir(), 'csound-wasm-strtod-'));
    try {
      const exe = join(dir, 'strtod-check');
      const cc = spawnSync('cc', ['-O2', '-o', exe, join(ROOT, 'tests/node/native/strtod-check.c'),
        join(ROOT, 'cpp/fast_strtod.c'), '-lm'], { encoding: 'utf8' });
      expect(cc.status, cc.stderr).toBe(0);
      const run = spawnSync(exe, ['3000000'], { encoding: 'utf8' });
      expect(run.stdout).toMatch(/^\d+ checked, \d+ on the fast path, 0 mismatches\n$/);
      const [checked, fast] = run.stdout.match(/\d+/g)!.map(Number);
      expect(checked).toBeGreaterThan(2_990_000);
      expect(fast).toBeGreaterThan(checked / 2); // both paths are exercised
      expect(fast).toBeLessThan(checked);
      expect(run.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  /** Seeded decimal texts of the forms scores hold, both fast-path and slow-path ones. */
  function numberTexts(count: number): string[] {
    let state = 0x9e3779b9;
    const next = () => {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      return (state >>> 0) / 2 ** 32;
    };
    const texts = ['0', '-0', '1', '0.1', '0.2', '0.3', '440', '-1.5e-7', '1e22', '1e23', '1e-22', '1e-23',
      '9007199254740993', '123456789012345678901', '0.000000000000000000000001', '4.9e-324', '1.7976931348623157e308',
      '.5', '-.25', '3.', '2.5E3', '0.1e+2'];
    while (texts.length < count) {
      const kind = texts.length % 5;
      const x = (next() - 0.5) * 10 ** Math.floor(next() * 40 - 20);
      if (kind === 0) texts.push(x.toPrecision(1 + Math.floor(next() * 17)));
      else if (kind === 1) texts.push(x.toExponential(Math.floor(next() * 20)));
      else if (kind === 2) texts.push((Math.round(next() * 1e6) / 1e3).toFixed(Math.floor(next() * 6)));
      else if (kind === 3) texts.push(String(x));
      else texts.push(`${Math.floor(next() * 1e9)}${next() < 0.5 ? '' : `e${Math.floor(next() * 50 - 25)}`}`);
    }
    return texts;
  }

  it('gives the engine the correctly rounded value of numbers in a score, line events and an orchestra', async () => {
    const texts = numberTexts(3000);
    // (an orchestra reads a literal without a point or exponent as an integer, not through strtod)
    const constants = numberTexts(300).reverse().filter((t) => /[.eE]/.test(t));
    const cs = await quietCsound();
    try {
      const orc = [
        'sr = 48000', 'ksmps = 16', 'nchnls = 1', '0dbfs = 1',
        'instr 1', '  tablew p5, p4, 1', 'endin',
        'instr 2', ...constants.map((t, i) => `  tablew ${t}, ${i}, 2`), 'endin',
      ].join('\n');
      const score = [`f 1 0 ${texts.length + 16} -2 0`, `f 2 0 ${constants.length} -2 0`, 'i 2 0 0.01',
        ...texts.map((t, i) => `i 1 0 0.01 ${i} ${t}`), 'f 0 1'].join('\n');
      expect(cs.compileCsdText(csd({ orc, score }))).toBe(0);
      expect(cs.start()).toBe(0);
      cs.performKsmps();
      const events = ['0.1', '-2.75e-3', '1234567.125', '0.3333333333333333', '1e-300', '6.02214076e23'];
      events.forEach((t, i) => cs.eventString(`i 1 0 0.01 ${texts.length + i} ${t}`));
      for (let k = 0; k < 20; k++) cs.performKsmps();
      const table1 = cs.table(1)!;
      const table2 = cs.table(2)!;
      const wrong: string[] = [];
      texts.forEach((t, i) => {
        if (!Object.is(table1[i], Number(t))) wrong.push(`score ${t}: ${table1[i]}`);
      });
      events.forEach((t, i) => {
        if (!Object.is(table1[texts.length + i], Number(t))) wrong.push(`event ${t}: ${table1[texts.length + i]}`);
      });
      constants.forEach((t, i) => {
        if (!Object.is(table2[i], Number(t))) wrong.push(`constant ${t}: ${table2[i]}`);
      });
      expect(wrong).toEqual([]);
    } finally {
      cs.destroy();
    }
  });
});
