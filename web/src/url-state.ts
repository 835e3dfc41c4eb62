// The editor's text in the URL hash, so that a link reproduces it: `#csd=<base64url of deflate-raw(text)>`, or
// `#example=<id>` for an unchanged example. Compression keeps typical CSDs at a few hundred characters.

const CSD_KEY = 'csd=';
const EXAMPLE_KEY = 'example=';

export type HashState = { kind: 'text'; text: string } | { kind: 'example'; id: string } | { kind: 'none' };

export async function readHash(hash: string): Promise<HashState> {
  const value = hash.startsWith('#') ? hash.slice(1) : hash;
  if (value.startsWith(EXAMPLE_KEY)) return { kind: 'example', id: decodeURIComponent(value.slice(EXAMPLE_KEY.length)) };
  if (value.startsWith(CSD_KEY)) return { kind: 'text', text: await inflate(value.slice(CSD_KEY.length)) };
  return { kind: 'none' };
}

export async function hashForText(text: string): Promise<string> {
  return `#${CSD_KEY}${await deflate(text)}`;
}

export function hashForExample(id: string): string {
  return `#${EXAMPLE_KEY}${encodeURIComponent(id)}`;
}

async function deflate(text: string): Promise<string> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  return toBase64Url(bytes);
}

async function inflate(encoded: string): Promise<string> {
  const bytes = fromBase64Url(encoded);
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Response(stream).text();
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(encoded: string): Uint8Array<ArrayBuffer> {
  const base64 = encoded.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
