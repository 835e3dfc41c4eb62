// Golden renders of plugin opcodes whose CSDs need input files that are not committed: PNG images written here
// (tests/golden/png.ts) and a SoundFont of Debian's csound-soundfont package (installed with native Csound). Each
// case is a folder made in a temporary directory, rendered by native Csound and by csound-wasm with the harness of
// golden.test.ts (render.ts), and compared sample by sample (compare.ts): exact or rounding passes.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SECONDS } from './cases.js';
import { compareSamples } from './compare.js';
import { encodePng, PNG_GRAY, PNG_GRAY_ALPHA, PNG_PALETTE, PNG_RGB, PNG_RGBA, type PngImage } from './png.js';
import { renderNative, renderWasm } from './render.js';

/** The General MIDI SoundFont of Debian's csound-soundfont package (a dependency of csound-data). */
const SOUNDFONT = '/usr/share/sounds/sf2/sf_GMbank.sf2';

let root = '';

function caseDir(name: string, files: Record<string, string | Buffer>): string {
  const dir = join(root, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir);
  for (const [file, data] of Object.entries(files)) {
    writeFileSync(join(dir, file), data);
  }
  return dir;
}

/** Renders `csd` of `dir` natively and in wasm; fails unless wasm is exact or rounding. Returns wasm's samples. */
async function expectGolden(dir: string, csd: string): Promise<Float64Array> {
  const wasm = await renderWasm({ sourceDir: dir, csd, maxSeconds: MAX_SECONDS });
  const native = renderNative({ sourceDir: dir, csd });
  expect(native.ok, `native: ${native.error}\n${native.log}`).toBe(true);
  expect(wasm.ok, `wasm: ${wasm.error}\n${wasm.log}`).toBe(true);
  expect(native.samples?.length ?? 0, 'native rendered nothing').toBeGreaterThan(0);
  expect(native.samples!.some((x) => x !== 0), 'native render is silent').toBe(true);
  const c = compareSamples(native.samples!, wasm.samples);
  // eslint-disable-next-line no-console
  console.log(`${csd}: ${c.cls} (${c.reason}), ${c.expectedLength} samples`);
  expect(c.cls, c.reason).not.toBe('wrong');
  return wasm.samples!;
}

/** Test images: every colour type and bit depth path of the reader (alpha stripped, 16 to 8 bits, unpacking). */
function testImages(): Record<string, PngImage> {
  const grid = (w: number, h: number, f: (x: number, y: number) => number[]) =>
    Array.from({ length: h }, (_, y) => Array.from({ length: w }, (_, x) => f(x, y)).flat());
  return {
    'rgb.png': {
      width: 16, height: 12, colorType: PNG_RGB, bitDepth: 8,
      rows: grid(16, 12, (x, y) => [(x * 16 + y * 3) & 255, (255 - x * 13 + y * 7) & 255, (x * y * 5 + 11) & 255]),
    },
    'rgba.png': {
      width: 9, height: 7, colorType: PNG_RGBA, bitDepth: 8,
      rows: grid(9, 7, (x, y) => [(x * 29) & 255, (y * 37) & 255, ((x + y) * 19) & 255, (x * y * 7) & 255]),
    },
    'palette.png': {
      width: 11, height: 5, colorType: PNG_PALETTE, bitDepth: 4,
      rows: grid(11, 5, (x, y) => [(x + 3 * y) % 16]),
      palette: Array.from({ length: 16 }, (_, i) => [(i * 16) & 255, (255 - i * 9) & 255, (i * i * 3) & 255]),
    },
    'gray16.png': {
      width: 7, height: 6, colorType: PNG_GRAY_ALPHA, bitDepth: 16,
      rows: grid(7, 6, (x, y) => [(x * 9000 + y * 1234) & 0xffff, (y * 10000) & 0xffff]),
    },
    'gray1.png': {
      width: 13, height: 3, colorType: PNG_GRAY, bitDepth: 1,
      rows: grid(13, 3, (x, y) => [(x + y) % 2]),
    },
  };
}

// Plays every pixel of image p4 (w x h), one per sample, as red/green/blue on channels 1-3; the first sample
// of each note is (width, height, image number). Instr 1 reads with k-rate coordinates, instr 2 with a-rate ones.
// Instr 3 draws a 5 x 4 image pixel by pixel, instr 4 saves it as PNG, and instr 1/2 play it back after imageload.
const IMAGE_CSD = `<CsoundSynthesizer>
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 1000
ksmps = 1
nchnls = 3
0dbfs = 1

giRgb   imageload "rgb.png"
giRgba  imageload "rgba.png"
giPal   imageload "palette.png"
giGray  imageload "gray16.png"
giBits  imageload "gray1.png"
giMade  imagecreate 5, 4

instr 1
  iw, ih imagesize p4
  kn init 0
  if kn == 0 then
    outc a(iw), a(ih), a(p4)
  else
    kx = ((kn - 1) % iw + 0.5) / iw
    ky = (int((kn - 1) / iw) + 0.5) / ih
    kred, kgrn, kblu imagegetpixel p4, kx, ky
    outc a(kred), a(kgrn), a(kblu)
  endif
  kn += 1
endin

instr 2
  iw, ih imagesize p4
  kn init 0
  ax = ((kn % iw) + 0.5) / iw
  ay = (int(kn / iw) + 0.5) / ih
  ared, agrn, ablu imagegetpixel p4, ax, ay
  outc ared * 0.5, agrn * 0.5, ablu * 0.5
  kn += 1
endin

instr 3
  kn init 0
  kx = ((kn % 5) + 0.5) / 5
  ky = (int(kn / 5) + 0.5) / 4
  imagesetpixel giMade, kx, ky, ((kn * 37 + 5) % 256) / 256, ((kn * 11) % 256) / 256, ((200 - kn * 9) % 256) / 256
  kn += 1
endin

instr 4
  imagesave giMade, "made.png"
endin

instr 5
  giLoaded imageload "made.png"
  event_i "i", 1, 0, 0.025, giLoaded
endin
</CsInstruments>
<CsScore>
i1 0     0.2  1
i1 0.2   0.07 2
i1 0.27  0.06 3
i1 0.33  0.05 4
i1 0.38  0.045 5
i2 0.43  0.2  1
i2 0.63  0.06 3
i3 0.7   0.02
i4 0.73  0
i5 0.75  0
e 0.8
</CsScore>
</CsoundSynthesizer>
`;

// One note of three General MIDI presets through the SoundFont opcodes: sfplay (stereo, the preset's own
// envelope), sfplay3 (cubic interpolation), sfplaym (mono) and sfinstr (an instrument of the bank, not a preset).
const SOUNDFONT_CSD = `<CsoundSynthesizer>
<CsOptions>
-d -m0
</CsOptions>
<CsInstruments>
sr = 44100
ksmps = 32
nchnls = 2
0dbfs = 1

giSf      sfload "gm.sf2"
giPiano   sfpreset 0, 0, giSf, 0
giStrings sfpreset 48, 0, giSf, 1
giFlute   sfpreset 73, 0, giSf, 2

instr 1
  a1, a2 sfplay 100, p4, 1/32768, 1, p5, 0, 0, 1
  outs a1, a2
endin

instr 2
  a1, a2 sfplay3 90, p4, 1/32768, 1, p5, 0, 0, 1
  outs a1, a2
endin

instr 3
  a1 sfplaym 80, p4, 1/32768, 1, p5, 0, 0, 1
  outs a1, a1
endin

instr 4
  a1, a2 sfinstr 100, p4, 1/32768, 1, p5, giSf
  outs a1, a2
endin
</CsInstruments>
<CsScore>
i1 0    0.8 60 0
i1 0.3  0.8 67 0
i2 1    1   55 1
i3 2    0.8 72 2
i4 3    0.5 64 0
e 3.7
</CsScore>
</CsoundSynthesizer>
`;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'csound-plugin-golden-'));
});

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('golden: plugin opcodes with input files, native Csound vs csound-wasm', () => {
  it('image: imageload reads PNGs of every colour type, imagegetpixel at k- and a-rate, imagesave round trip', async () => {
    const files: Record<string, string | Buffer> = { 'image.csd': IMAGE_CSD };
    const images = testImages();
    for (const [name, image] of Object.entries(images)) files[name] = encodePng(image);
    const samples = await expectGolden(caseDir('image', files), 'image.csd');
    // Not only the same as native: the first note plays rgb.png as written (frame 0 is width, height, number).
    const rgb = images['rgb.png'];
    expect([...samples.subarray(0, 3)]).toEqual([rgb.width, rgb.height, 1]);
    const written = rgb.rows.flat();
    written.forEach((value, i) => expect(Math.abs(samples[3 + i] - value / 255), `rgb.png sample ${i}`).toBeLessThan(1e-15));
  });

  it('SoundFont: a note of three GM presets and a bank instrument (sfload, sfplay, sfplay3, sfplaym, sfinstr)', async () => {
    expect(existsSync(SOUNDFONT), `${SOUNDFONT} (Debian package csound-soundfont; scripts/setup-system.sh test)`).toBe(
      true,
    );
    const dir = caseDir('soundfont', { 'soundfont.csd': SOUNDFONT_CSD });
    copyFileSync(SOUNDFONT, join(dir, 'gm.sf2'));
    await expectGolden(dir, 'soundfont.csd');
  });
});
