// The csound-wasm command: renders like the csound command (same flags, same file), exits non-zero on errors.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const repo = path.resolve(__dirname, '../..');
const cli = path.join(repo, 'dist', 'js', 'cli.js');
const work = mkdtempSync(path.join(tmpdir(), 'csound-wasm-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(cmd: string, args: string[]) {
  return spawnSync(cmd, args, { cwd: work, encoding: 'utf8', timeout: 60_000 });
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

  it('exits non-zero for a missing file and for audio-device output, saying why', () => {
    const missing = run(process.execPath, [cli, '-n', 'no-such-file.csd']);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain('no-such-file.csd');
    const dac = run(process.execPath, [cli, '-odac', path.join(repo, 'examples', 'hello.csd')]);
    expect(dac.status).not.toBe(0);
    expect(dac.stderr).toContain('use -o file.wav or -n');
  });

  it('exits with the number of performance errors, as csound does', () => {
    writeFileSync(path.join(work, 'perf.csd'), '<CsoundSynthesizer>\n<CsInstruments>\nsr=44100\nksmps=32\nnchnls=1\n0dbfs=1\ninstr 1\n kArr[] init 2\n kIdx = 5\n kArr[kIdx] = 1\n out a(0)\nendin\n</CsInstruments>\n<CsScore>\ni1 0 0.1\n</CsScore>\n</CsoundSynthesizer>\n');
    const wasm = run(process.execPath, [cli, '-n', 'perf.csd']);
    const native = run('csound', ['-n', 'perf.csd']);
    expect(native.stderr).toContain('PERF ERROR');
    expect(native.status).not.toBe(0);
    expect(wasm.status).toBe(native.status);
  });
});
