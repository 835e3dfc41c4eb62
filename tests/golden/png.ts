// A minimal PNG writer for test images: the golden tests of the image opcodes read PNGs made here, so no binary
// file is committed and every pixel value is known. It writes the chunks libpng needs (IHDR, PLTE for palettes,
// one IDAT, IEND) with a chosen filter per row, so that the reader's unfiltering is exercised too.
import { deflateSync } from 'node:zlib';

export const PNG_GRAY = 0;
export const PNG_RGB = 2;
export const PNG_PALETTE = 3;
export const PNG_GRAY_ALPHA = 4;
export const PNG_RGBA = 6;

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

export interface PngImage {
  width: number;
  height: number;
  colorType: number;
  bitDepth: 1 | 2 | 4 | 8 | 16;
  /** Samples per row, channel by channel (palette indices for PNG_PALETTE), each < 2^bitDepth. */
  rows: number[][];
  /** RGB triples, for PNG_PALETTE. */
  palette?: [number, number, number][];
}

/** Packs one row's samples into bytes at the image's bit depth (big-endian, MSB first, as PNG stores them). */
function packRow(samples: number[], bitDepth: number): Uint8Array {
  if (bitDepth === 16) {
    const out = new Uint8Array(samples.length * 2);
    samples.forEach((s, i) => {
      out[2 * i] = s >> 8;
      out[2 * i + 1] = s & 0xff;
    });
    return out;
  }
  if (bitDepth === 8) return Uint8Array.from(samples);
  const perByte = 8 / bitDepth;
  const out = new Uint8Array(Math.ceil(samples.length / perByte));
  samples.forEach((s, i) => {
    out[Math.floor(i / perByte)] |= s << (8 - bitDepth * ((i % perByte) + 1));
  });
  return out;
}

/** PNG filter types 0 (none), 1 (sub), 2 (up); row r uses filter r % 3. */
function filterRow(row: Uint8Array, previous: Uint8Array, bytesPerPixel: number, type: number): Uint8Array {
  const out = new Uint8Array(row.length + 1);
  out[0] = type;
  for (let i = 0; i < row.length; i++) {
    const left = i >= bytesPerPixel ? row[i - bytesPerPixel] : 0;
    const predictor = type === 1 ? left : type === 2 ? previous[i] : 0;
    out[i + 1] = (row[i] - predictor) & 0xff;
  }
  return out;
}

export function encodePng(image: PngImage): Buffer {
  const { width, height, colorType, bitDepth, rows } = image;
  const channels = CHANNELS[colorType];
  if (rows.length !== height || rows.some((r) => r.length !== width * channels)) {
    throw new Error('encodePng: rows do not match width x height x channels');
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([bitDepth, colorType, 0, 0, 0], 8);
  const bytesPerPixel = Math.max(1, (channels * bitDepth) / 8);
  const filtered: Uint8Array[] = [];
  let previous: Uint8Array = new Uint8Array(packRow(rows[0], bitDepth).length);
  rows.forEach((samples, r) => {
    const row = packRow(samples, bitDepth);
    filtered.push(filterRow(row, previous, bytesPerPixel, r % 3));
    previous = row;
  });
  const parts = [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr)];
  if (colorType === PNG_PALETTE) parts.push(chunk('PLTE', Uint8Array.from((image.palette ?? []).flat())));
  parts.push(chunk('IDAT', deflateSync(Buffer.concat(filtered))), chunk('IEND', new Uint8Array(0)));
  return Buffer.concat(parts);
}
