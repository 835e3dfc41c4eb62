// Packs STK's rawwaves (the *.raw tables its instruments read) into one file that ships next to the wasm:
//   8 bytes "STKRAWW1", a little-endian uint32 n, n bytes of JSON [[name, size], ...], then the files' bytes in
//   that order. js/stk-rawwaves.ts reads it back into the engine's file system on the first access.
// Usage: node scripts/pack-rawwaves.mjs <rawwaves folder> <output file>   (run by cmake/Plugins.cmake)
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const [dir, out] = process.argv.slice(2);
if (!dir || !out) {
  console.error('usage: node scripts/pack-rawwaves.mjs <rawwaves folder> <output file>');
  process.exit(2);
}
const names = readdirSync(dir).filter((name) => name.endsWith('.raw')).sort();
if (names.length === 0) {
  console.error(`pack-rawwaves: no .raw files in ${dir}`);
  process.exit(1);
}
const files = names.map((name) => readFileSync(path.join(dir, name)));
const index = Buffer.from(JSON.stringify(names.map((name, i) => [name, files[i].length])), 'utf8');
const head = Buffer.alloc(12);
head.write('STKRAWW1', 0, 'latin1');
head.writeUInt32LE(index.length, 8);
writeFileSync(out, Buffer.concat([head, index, ...files]));
console.log(`pack-rawwaves: ${names.length} files, ${12 + index.length + files.reduce((n, f) => n + f.length, 0)} bytes`);
