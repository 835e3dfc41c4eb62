// Renders a CSD to a WAV file with the csound-wasm API and prints a one-line summary.
//   node examples/render.mjs in.csd out.wav
import { readFileSync, writeFileSync } from 'node:fs';
import { Csound } from '../dist/js/index.js';

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: node examples/render.mjs in.csd out.wav');
  process.exit(1);
}

const started = performance.now();
const csound = await Csound.create({ messages: 'none' });
csound.writeFile('/work/in.csd', readFileSync(input));
csound.compile('-d', '-W', '-o', '/work/out.wav', '/work/in.csd');
while (csound.performKsmpsBlock(256) === 0) {
  // Rendering runs inside the engine; nothing to do per block.
}
csound.cleanup();
const wav = csound.readFile('/work/out.wav');
const seconds = csound.currentTimeSamples() / csound.sr();
const summary = `${csound.channels()} ch, ${csound.sr()} Hz, ${seconds.toFixed(2)} s`;
csound.destroy();
writeFileSync(output, wav);

// Peak level from the 16-bit samples of the data chunk.
const view = new DataView(wav.buffer, wav.byteOffset, wav.byteLength);
let offset = 12;
let peak = 0;
while (offset + 8 <= view.byteLength) {
  const id = String.fromCharCode(...wav.subarray(offset, offset + 4));
  const size = view.getUint32(offset + 4, true);
  if (id === 'data') {
    for (let i = offset + 8; i + 1 < offset + 8 + size; i += 2) peak = Math.max(peak, Math.abs(view.getInt16(i, true)));
    break;
  }
  offset += 8 + size + (size & 1);
}
const peakDb = peak > 0 ? (20 * Math.log10(peak / 32768)).toFixed(1) : '-inf';
const ms = (performance.now() - started).toFixed(0);
console.log(`rendered ${output}: ${summary}, peak ${peakDb} dBFS, ${wav.byteLength} bytes in ${ms} ms`);
