// Host commands (issue 10): a CSD must not run shell commands on the host unless the host allows it. Each test
// asks the shell to create a marker file and checks whether it appeared.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Csound } from '../../dist/js/index.js';
import { csd, drainText } from './helpers.js';

const work = mkdtempSync(path.join(tmpdir(), 'csound-wasm-host-commands-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let markers = 0;
const newMarker = () => path.join(work, `marker-${++markers}`);

async function quiet(allowSystem?: boolean): Promise<Csound> {
  const cs = await Csound.create({ messages: 'none', allowSystem });
  cs.createMessageBuffer();
  return cs;
}

/** Compiles the orchestra (sr 44100, ksmps 32) with `instr 1` as given, plays i1 for a few k-cycles. */
function runInstr(cs: Csound, body: string): string {
  cs.setOption('-n');
  cs.compileOrc(`sr = 44100\nksmps = 32\nnchnls = 1\n0dbfs = 1\ninstr 1\n${body}\nendin\n`);
  cs.start();
  cs.eventString('i1 0 0.01');
  cs.performKsmpsBlock(20);
  return drainText(cs);
}

describe('host commands', () => {
  it('system_i and system refuse by default with an init error, and the command does not run', async () => {
    const cs = await quiet();
    const a = newMarker();
    const b = newMarker();
    const text = runInstr(cs, ` i1 system_i 1, "touch ${a}"\n k1 system 1, "touch ${b}"`);
    expect(existsSync(a)).toBe(false);
    expect(existsSync(b)).toBe(false);
    expect(text).toContain('system_i: running host commands is disabled; Csound.create({ allowSystem: true }) allows them');
    expect(text).toMatch(/INIT ERROR/);
    cs.destroy();
  });

  it('run with Csound.create({ allowSystem: true }): system_i returns the exit status, system runs on its trigger', async () => {
    const cs = await quiet(true);
    const a = newMarker();
    const b = newMarker();
    const text = runInstr(cs, ` i1 system_i 1, "touch ${a}"\n i2 system_i 1, "exit 3"\n print i1, i2\n k1 system 1, "touch ${b}"`);
    expect(existsSync(a)).toBe(true);
    expect(existsSync(b)).toBe(true);
    expect(text).toMatch(/i1 = 0\.000\s+i2 = 768\.000/); // wait statuses: exit code << 8, as system() returns
    expect(text).not.toContain('disabled');
    cs.destroy();
  });

  it('system_i with its "no wait" argument runs the command too when allowed (wasm cannot fork)', async () => {
    const cs = await quiet(true);
    const a = newMarker();
    runInstr(cs, ` i1 system_i 1, "touch ${a}", 1`);
    expect(existsSync(a)).toBe(true);
    cs.destroy();
  });

  it('stay refused after reset(), and are allowed per instance: an allowing instance does not allow another', async () => {
    const allowing = await quiet(true);
    const cs = await quiet();
    cs.reset();
    const a = newMarker();
    const text = runInstr(cs, ` i1 system_i 1, "touch ${a}"`);
    expect(existsSync(a)).toBe(false);
    expect(text).toContain('running host commands is disabled');
    const b = newMarker();
    allowing.reset(); // and an allowed instance stays allowed after a reset
    runInstr(allowing, ` i1 system_i 1, "touch ${b}"`);
    expect(existsSync(b)).toBe(true);
    allowing.destroy();
    cs.destroy();
  });

  it('a CSD score made by a host program (<CsScore bin="...">) fails to compile by default; allowed, it runs', async () => {
    const score = (marker: string) =>
      csd({ orc: 'instr 1\nendin', score: 'i1 0 1' }).replace('<CsScore>', `<CsScore bin="touch ${marker}; true">`);
    const cs = await quiet();
    const a = newMarker();
    expect(() => cs.compileCsdText(score(a))).toThrow();
    expect(existsSync(a)).toBe(false);
    expect(drainText(cs)).toContain('<CsScore bin=...>: running host commands is disabled');
    cs.destroy();

    const allowed = await quiet(true);
    const b = newMarker();
    // The program runs on the host, so it cannot write the score file into the engine's /tmp: the compile still
    // fails, after the command ran.
    try {
      allowed.compileCsdText(score(b));
    } catch {
      // expected
    }
    expect(existsSync(b)).toBe(true);
    allowed.destroy();
  });
});
