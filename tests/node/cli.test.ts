// The csound-wasm command: renders like the csound command (same flags, same file), exits non-zero on errors.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const repo = path.resolve(__dirname, '../..');
const cli = path.join(repo, 'dist', 'js', 'cli.js');
const work = mkdtempSync(path.join(tmpdir(), 'csound-wasm-cli-'));
// A folder next to the working one that no command line below names, except where a test says so.
const other = mkdtempSync(path.join(tmpdir(), 'csound-wasm-cli-other-'));
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  rmSync(other, { recursive: true, force: true });
});

function run(cmd: string, args: string[]) {
  return spawnSync(cmd, args, { cwd: work, encoding: 'utf8', timeout: 60_000 });
}

/** A CSD with this orchestra (after the header) and a score that plays instr 1 briefly. */
function csdText(orc: string): string {
  return `<CsoundSynthesizer>\n<CsInstruments>\nsr=44100\nksmps=32\nnchnls=1\n0dbfs=1\n${orc}\n</CsInstruments>\n<CsScore>\ni1 0 0.01\n</CsScore>\n</CsoundSynthesizer>\n`;
}

describe('csound-wasm CLI', () => {
  it('writes the same WAV file as native csound for the same flags, with relative and absolute paths', () => {
    const csd = path.join(repo, 'examples', 'hello.csd');
    const wasm = run(process.execPath, [cli, '-W', '-o', 'wasm.wav', csd]);
    expect(wasm.status, wasm.stderr).toBe(0);
    const native = run('csound', ['-W', '-o', path.join(work, 'native.wav'), csd]);
    expect(native.status, native.stderr).toBe(0);
    const wasmBytes = readFileSync(path.join(work, 'wasm.wav'));
    expect(wasmBytes.subarray(0, 4).toString()).toBe('RIFF');
    expect(wasmBytes.equals(readFileSync(path.join(work, 'native.wav')))).toBe(true);
  });

  it('renders an orc/sco pair with flags that override the orchestra (--sample-rate, -k)', () => {
    writeFileSync(path.join(work, 'a.orc'), 'sr = 44100\nksmps = 10\nnchnls = 1\n0dbfs = 1\ninstr 1\n out oscili(0.3, 440)\nendin\n');
    writeFileSync(path.join(work, 'a.sco'), 'i 1 0 0.5\n');
    const result = run(process.execPath, [cli, '-d', '--sample-rate=22050', '-k', '2205', '-W', '-o', 'pair.wav', 'a.orc', 'a.sco']);
    expect(result.status, result.stderr).toBe(0);
    const wav = readFileSync(path.join(work, 'pair.wav'));
    expect(wav.readUInt32LE(24)).toBe(22050); // sample rate field of the fmt chunk
    expect(result.stderr).toContain('sr = 22050');
  });

  it('exits non-zero and prints the parser error for an orchestra syntax error', () => {
    writeFileSync(path.join(work, 'bad.csd'), '<CsoundSynthesizer>\n<CsInstruments>\ninstr 1\n a1 nosuchopcode 1\nendin\n</CsInstruments>\n<CsScore>\ni1 0 1\n</CsScore>\n</CsoundSynthesizer>\n');
    const result = run(process.execPath, [cli, '-n', 'bad.csd']);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/syntax error|not found/);
    expect(result.stderr).toContain('csound-wasm: compile failed');
  });

  it('exits non-zero for a missing file, saying why', () => {
    const missing = run(process.execPath, [cli, '-n', 'no-such-file.csd']);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain('no-such-file.csd');
    // -odac plays through node-web-audio-api: tests/node/node-audio.test.ts.
  });

  it('refuses an output device it cannot open, saying how to choose one', () => {
    // A sink id no machine has: the library refuses it, with or without a sound card.
    const dac = run(process.execPath, [cli, '-d', '-odac', '--audio-sink=no-such-device', path.join(repo, 'examples', 'hello.csd')]);
    expect(dac.status).toBe(1);
    expect(dac.stderr).toContain('--audio-sink=ID');
  });

  it('exits with the number of performance errors, as csound does', () => {
    writeFileSync(path.join(work, 'perf.csd'), '<CsoundSynthesizer>\n<CsInstruments>\nsr=44100\nksmps=32\nnchnls=1\n0dbfs=1\ninstr 1\n kArr[] init 2\n kIdx = 5\n kArr[kIdx] = 1\n out a(0)\nendin\n</CsInstruments>\n<CsScore>\ni1 0 0.1\n</CsScore>\n</CsoundSynthesizer>\n');
    const wasm = run(process.execPath, [cli, '-n', 'perf.csd']);
    const native = run('csound', ['-n', 'perf.csd']);
    expect(native.stderr).toContain('PERF ERROR');
    expect(native.status).not.toBe(0);
    expect(wasm.status).toBe(native.status);
  });

  it('exits with the value of exitnow, as csound does (exitnow -3: 3; exitnow: 0)', () => {
    for (const [statement, code] of [['exitnow -3', 3], ['exitnow', 0]] as const) {
      writeFileSync(path.join(work, 'exit.csd'), csdText(`instr 1\n ${statement}\nendin`));
      const wasm = run(process.execPath, [cli, '-n', 'exit.csd']);
      const native = run('csound', ['-n', 'exit.csd']);
      expect(native.status).toBe(code);
      expect(wasm.status, wasm.stderr).toBe(native.status);
    }
  });

  it('runs no shell command from the CSD unless --allow-system is given (which is not passed to Csound)', () => {
    const marker = path.join(work, 'system-marker');
    writeFileSync(path.join(work, 'system.csd'), csdText(`instr 1\n i1 system_i 1, "touch ${marker}"\nendin`));
    const denied = run(process.execPath, [cli, '-n', 'system.csd']);
    expect(existsSync(marker)).toBe(false);
    expect(denied.stderr).toContain('system_i: running host commands is disabled');
    expect(denied.stderr).toContain('--allow-system');
    expect(denied.status).not.toBe(0); // one init error, counted as csound counts it
    const allowed = run(process.execPath, [cli, '--allow-system', '-n', 'system.csd']);
    expect(allowed.status, allowed.stderr).toBe(0);
    expect(existsSync(marker)).toBe(true);
  });

  it('sees only the folders the command line names: the working folder, the files\' folders, --env paths', () => {
    writeFileSync(path.join(other, 'secret.txt'), 'secret\n');
    writeFileSync(path.join(other, 'secret.orc'), 'giSecret = 1\n');
    writeFileSync(path.join(work, 'here.txt'), 'here\n');
    const probe = csdText(
      `instr 1\n iout filevalid "${other}/secret.txt"\n iin filevalid "here.txt"\n prints "visible: outside %d inside %d\\n", iout, iin\n fprints "${other}/written.txt", "x"\nendin`,
    );
    writeFileSync(path.join(work, 'probe.csd'), probe);
    const hidden = run(process.execPath, [cli, '-n', 'probe.csd']);
    expect(hidden.stderr).toContain('visible: outside 0 inside 1');
    expect(existsSync(path.join(other, 'written.txt'))).toBe(false);
    // Native csound sees the whole host: the difference is the sandbox's.
    const native = run('csound', ['-n', 'probe.csd']);
    expect(native.stderr).toContain('visible: outside 1 inside 1');
    rmSync(path.join(other, 'written.txt'), { force: true });

    // A folder named on the command line (here a search path) is visible; so is the folder of a CSD named by path.
    const named = run(process.execPath, [cli, '-n', `--env:SSDIR+=${other}`, 'probe.csd']);
    expect(named.stderr).toContain('visible: outside 1 inside 1');
    const elsewhere = path.join(other, 'sub');
    mkdirSync(elsewhere, { recursive: true });
    writeFileSync(path.join(elsewhere, 'probe.csd'), probe.replace('"here.txt"', `"${elsewhere}/probe.csd"`));
    const inFolder = run(process.execPath, [cli, '-n', path.join(elsewhere, 'probe.csd')]);
    expect(inFolder.stderr).toContain('visible: outside 0 inside 1');

    // An #include of a file outside fails as for a missing file.
    writeFileSync(path.join(work, 'include.csd'), csdText(`#include "${other}/secret.orc"\ninstr 1\nendin`));
    const include = run(process.execPath, [cli, '-n', 'include.csd']);
    expect(include.status).not.toBe(0);
    expect(include.stderr).toContain('secret.orc');
    expect(run('csound', ['-n', 'include.csd']).status).toBe(0);
  });
});
