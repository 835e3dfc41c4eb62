// The virtual file system: writeFile, readFile, listFiles, fileExists, removeFile, rendered WAVs, mountHostDir.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CsoundError } from '../../dist/js/index.js';
import { csd, performToEnd, quietCsound } from './helpers.js';

const WAV = { sr: 8000, nchnls: 2, ksmps: 10, seconds: 0.1, levels: [0.25, -0.5] };
const WAV_ORC = `
sr = ${WAV.sr}
ksmps = ${WAV.ksmps}
nchnls = ${WAV.nchnls}
0dbfs = 1
instr 1
  aLeft = ${WAV.levels[0]}
  aRight = ${WAV.levels[1]}
  outs aLeft, aRight
endin
`;

interface WavInfo {
  format: number;
  channels: number;
  sampleRate: number;
  byteRate: number;
  blockAlign: number;
  bitsPerSample: number;
  data: DataView;
}

/** Parses a RIFF/WAVE file: the fmt chunk and the data chunk (other chunks are skipped). */
function parseWav(bytes: Uint8Array): WavInfo & { riffSize: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (offset: number) => String.fromCharCode(...bytes.subarray(offset, offset + 4));
  expect(tag(0)).toBe('RIFF');
  expect(tag(8)).toBe('WAVE');
  let fmt: Omit<WavInfo, 'data'> | null = null;
  let data: DataView | null = null;
  for (let offset = 12; offset + 8 <= bytes.length; ) {
    const id = tag(offset);
    const size = view.getUint32(offset + 4, true);
    if (id === 'fmt ') {
      fmt = {
        format: view.getUint16(offset + 8, true),
        channels: view.getUint16(offset + 10, true),
        sampleRate: view.getUint32(offset + 12, true),
        byteRate: view.getUint32(offset + 16, true),
        blockAlign: view.getUint16(offset + 20, true),
        bitsPerSample: view.getUint16(offset + 22, true),
      };
    } else if (id === 'data') {
      data = new DataView(bytes.buffer, bytes.byteOffset + offset + 8, size);
    }
    offset += 8 + size + (size % 2);
  }
  expect(fmt).not.toBeNull();
  expect(data).not.toBeNull();
  return { ...fmt!, data: data!, riffSize: view.getUint32(4, true) };
}

describe('files in the virtual file system', () => {
  it('writeFile / readFile round-trip text and bytes, creating folders', async () => {
    const cs = await quietCsound();
    cs.writeFile('/data/sub/notes.txt', 'some text\n');
    expect(new TextDecoder().decode(cs.readFile('/data/sub/notes.txt'))).toBe('some text\n');
    const bytes = new Uint8Array([0, 1, 2, 253, 254, 255]);
    cs.writeFile('/data/bytes.bin', bytes);
    expect(Array.from(cs.readFile('/data/bytes.bin'))).toEqual(Array.from(bytes));
    cs.destroy();
  });

  it('listFiles / fileExists / removeFile', async () => {
    const cs = await quietCsound();
    cs.writeFile('/list/a.txt', 'a');
    cs.writeFile('/list/b.txt', 'b');
    expect(cs.listFiles('/list').sort()).toEqual(['a.txt', 'b.txt']);
    expect(cs.fileExists('/list/a.txt')).toBe(true);
    cs.removeFile('/list/a.txt');
    expect(cs.fileExists('/list/a.txt')).toBe(false);
    expect(cs.listFiles('/list')).toEqual(['b.txt']);
    cs.destroy();
  });

  it('missing files: readFile, removeFile and listFiles throw CsoundError naming the path', async () => {
    const cs = await quietCsound();
    expect(cs.fileExists('/nowhere/x.txt')).toBe(false);
    expect(() => cs.readFile('/nowhere/x.txt')).toThrow(CsoundError);
    expect(() => cs.removeFile('/nowhere/x.txt')).toThrow(/\/nowhere\/x\.txt/);
    expect(() => cs.listFiles('/nowhere')).toThrow(CsoundError);
    cs.destroy();
  });

  it('each instance has a file system of its own', async () => {
    const first = await quietCsound();
    const second = await quietCsound();
    first.writeFile('/mine.txt', '1');
    expect(second.fileExists('/mine.txt')).toBe(false);
    first.destroy();
    second.destroy();
  });

  it('Csound reads a file written with writeFile (GEN23 text table)', async () => {
    const cs = await quietCsound();
    const values = [0.5, -1.25, 3, 42];
    // A final newline: GEN23 drops a last number that ends the file (native Csound 6.18 does the same).
    cs.writeFile('/tables/values.txt', `${values.join(' ')}\n`);
    cs.setOption('-n');
    cs.compileOrc('giValues ftgen 1, 0, 0, -23, "/tables/values.txt"');
    cs.start();
    expect(Array.from(cs.table(1)!)).toEqual(values);
    cs.destroy();
  });
});

describe('a rendered WAV (-o /out.wav -W)', () => {
  it('has a RIFF header with the orchestra’s rate and channels and frames × channels × 2 data bytes', async () => {
    const cs = await quietCsound();
    cs.compileCsdText(csd({ options: '-o /out.wav -W', orc: WAV_ORC, score: `i1 0 ${WAV.seconds}` }));
    cs.start();
    performToEnd(cs);
    const frames = cs.currentTimeSamples();
    expect(frames).toBe(WAV.seconds * WAV.sr);
    cs.cleanup();

    const bytes = cs.readFile('/out.wav');
    const wav = parseWav(bytes);
    expect(wav.riffSize).toBe(bytes.length - 8);
    expect(wav.format).toBe(1); // PCM
    expect(wav.channels).toBe(WAV.nchnls);
    expect(wav.sampleRate).toBe(WAV.sr);
    expect(wav.bitsPerSample).toBe(16); // Csound's default sample format
    expect(wav.blockAlign).toBe(WAV.nchnls * 2);
    expect(wav.byteRate).toBe(WAV.sr * WAV.nchnls * 2);
    expect(wav.data.byteLength).toBe(frames * WAV.nchnls * 2);

    // The samples are the orchestra's constant levels at 16-bit full scale.
    for (let frame = 0; frame < frames; frame += 97) {
      WAV.levels.forEach((level, channel) => {
        const sample = wav.data.getInt16((frame * WAV.nchnls + channel) * 2, true);
        expect(Math.abs(sample - level * 32767)).toBeLessThanOrEqual(1);
      });
    }
    cs.destroy();
  });
});

describe('mountHostDir', () => {
  let hostDir: string;

  beforeAll(() => {
    hostDir = mkdtempSync(join(tmpdir(), 'csound-wasm-fs-'));
  });
  afterAll(() => {
    rmSync(hostDir, { recursive: true, force: true });
  });

  it('lets Csound read a host file and write host files', async () => {
    const values = [1, 2, 3, 5, 8];
    writeFileSync(join(hostDir, 'values.txt'), `${values.join('\n')}\n`);
    const cs = await quietCsound();
    cs.mountHostDir(hostDir, '/host');
    expect(cs.listFiles('/host')).toContain('values.txt');
    const orc = `${WAV_ORC}
giValues ftgen 1, 0, 0, -23, "/host/values.txt"
instr 2
  fprints "/host/log.txt", "table length %d\\n", ftlen(giValues)
endin
`;
    cs.compileCsdText(csd({ options: '-o /host/render.wav -W', orc, score: `i1 0 ${WAV.seconds}\ni2 0 0` }));
    cs.start();
    expect(Array.from(cs.table(1)!)).toEqual(values);
    performToEnd(cs);
    cs.cleanup();

    expect(readFileSync(join(hostDir, 'log.txt'), 'utf8')).toBe(`table length ${values.length}\n`);
    const rendered = readFileSync(join(hostDir, 'render.wav'));
    const wav = parseWav(new Uint8Array(rendered));
    expect(wav.sampleRate).toBe(WAV.sr);
    expect(wav.data.byteLength).toBe(WAV.seconds * WAV.sr * WAV.nchnls * 2);
    cs.destroy();
  });

  it('mounts at the host path itself when no mount point is given', async () => {
    writeFileSync(join(hostDir, 'same-path.txt'), 'host text');
    const cs = await quietCsound();
    cs.mountHostDir(hostDir);
    expect(new TextDecoder().decode(cs.readFile(join(hostDir, 'same-path.txt')))).toBe('host text');
    cs.writeFile(join(hostDir, 'from-wasm.txt'), 'written in wasm');
    expect(existsSync(join(hostDir, 'from-wasm.txt'))).toBe(true);
    cs.destroy();
  });

  it('a missing host folder throws CsoundError', async () => {
    const cs = await quietCsound();
    expect(() => cs.mountHostDir(join(hostDir, 'does-not-exist'), '/missing')).toThrow(CsoundError);
    cs.destroy();
  });
});
