// The browser side of the platform layer, bundled into dist/browser.js with the glue (scripts/build-browser.mjs):
// one ES module with no imports, so bundlers have nothing to resolve and nothing Node-only to trip over.
// - The wasm sits next to the bundle, named by a literal `new URL('./csound-engine.wasm', import.meta.url)`:
//   Vite and webpack 5 copy it as an asset from that pattern; `wasmUrl` overrides it (esbuild, CDNs).
// - The AudioWorklet module (dist/worklet.js) is embedded as text and loaded from a Blob URL, so no bundler has to
//   copy it; `workletUrl` overrides it (a page whose Content-Security-Policy refuses blob: workers).
// @ts-ignore -- resolved by scripts/build-browser.mjs to the web build of the Emscripten glue (an ES module)
import createEngine from 'csound-wasm:glue';
import type { EngineFactory } from './engine-module.js';
import type { MessageKind } from './message-kind.js';
import type { CompiledEngine, Platform } from './platform.js';
import { browserCpuTimes } from './proc-stat.js';

/** The text of dist/worklet.js, put here by the bundler (scripts/build-browser.mjs). */
declare const __CSOUND_WASM_WORKLET_SOURCE__: string;

const WASM_MAGIC = [0x00, 0x61, 0x73, 0x6d];

function packageWasmUrl(): string {
  return new URL('./csound-engine.wasm', import.meta.url).href;
}

/**
 * Vite's dev server pre-bundles dependencies into node_modules/.vite/deps/ and does not copy the files they name
 * with `new URL(…, import.meta.url)`; the package's own folder is still served, one level up.
 */
function devServerFallback(): string | null {
  const here = import.meta.url;
  const at = here.indexOf('/node_modules/.vite/');
  return at < 0 ? null : `${here.slice(0, at)}/node_modules/csound-wasm/dist/csound-engine.wasm`;
}

/** Fetches and compiles one URL; the Error says what the server answered when it is not the wasm. */
async function compileFrom(url: string): Promise<WebAssembly.Module> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin' });
  } catch (cause) {
    throw new Error(`fetching ${url} failed (${String(cause)})`);
  }
  if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}`);
  const type = response.headers.get('Content-Type') ?? '';
  if (type.startsWith('application/wasm')) return WebAssembly.compileStreaming(response);
  // Servers that do not know the .wasm type: compile from the bytes, if they are wasm at all.
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (!WASM_MAGIC.every((byte, i) => bytes[i] === byte)) {
    throw new Error(`${url} answered with ${type || 'no Content-Type'}, not WebAssembly (a page's index.html?)`);
  }
  return WebAssembly.compile(bytes);
}

async function compileEngine(wasmUrl: string | URL | undefined): Promise<CompiledEngine> {
  const candidates = wasmUrl !== undefined ? [String(wasmUrl)] : [packageWasmUrl()];
  const fallback = wasmUrl === undefined ? devServerFallback() : null;
  if (fallback !== null) candidates.push(fallback);
  const failures: string[] = [];
  for (const url of candidates) {
    try {
      return { factory: createEngine as EngineFactory, module: await compileFrom(url) };
    } catch (cause) {
      failures.push(cause instanceof Error ? cause.message : String(cause));
    }
  }
  throw new Error(`${failures.join('; ')}. Serve csound-engine.wasm from the package's dist/ folder next to the ` +
    `module that imports it, or pass Csound.create({ wasmUrl }) (e.g. \`import wasmUrl from ` +
    `'csound-wasm/csound-engine.wasm'\` with a bundler's file/asset loader)`);
}

function packageRawwavesUrl(): string {
  return new URL('./stk-rawwaves.bin', import.meta.url).href;
}

/**
 * STK's rawwaves pack, fetched synchronously the first time an STK instrument looks for a table (file-system calls
 * run on the page's thread, also those of the audio thread): next to `wasmUrl` when given, else next to this module
 * (named by a literal `new URL`, so Vite and webpack copy it), else Vite's dev-server fallback as for the wasm.
 */
function stkRawwaves(wasmUrl: string | URL | undefined): Uint8Array {
  const candidates: string[] = [];
  if (wasmUrl !== undefined) candidates.push(new URL('stk-rawwaves.bin', new URL(String(wasmUrl), location.href)).href);
  candidates.push(packageRawwavesUrl());
  const dev = devServerFallback();
  if (dev !== null) candidates.push(dev.replace(/csound-engine\.wasm$/, 'stk-rawwaves.bin'));
  const failures: string[] = [];
  for (const url of candidates) {
    try {
      const xhr = new XMLHttpRequest();
      xhr.open('GET', url, false);
      // A synchronous request cannot ask for an ArrayBuffer on a page's thread: bytes as 8-bit characters instead.
      xhr.overrideMimeType('text/plain; charset=x-user-defined');
      xhr.send(null);
      if (xhr.status !== 200 && xhr.status !== 0) throw new Error(`${url} answered HTTP ${xhr.status}`);
      const text = xhr.responseText;
      const bytes = new Uint8Array(text.length);
      for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
      if (text.slice(0, 8) !== 'STKRAWW1') throw new Error(`${url} is not the rawwaves pack (a page's index.html?)`);
      return bytes;
    } catch (cause) {
      failures.push(cause instanceof Error ? cause.message : String(cause));
    }
  }
  throw new Error(failures.join('; '));
}

/** Errors to console.error, warnings to console.warn, the rest (Csound's banner and progress lines) to console.log. */
function writeMessage(text: string, kind: MessageKind): void {
  const line = text.replace(/\n$/, '');
  if (kind === 'error') console.error(line);
  else if (kind === 'warning') console.warn(line);
  else console.log(line);
}

let workletBlobUrl: string | null = null;

function workletUrl(override: string | URL | undefined): string {
  if (override !== undefined) return String(override);
  if (workletBlobUrl === null) {
    const blob = new Blob([__CSOUND_WASM_WORKLET_SOURCE__], { type: 'text/javascript' });
    workletBlobUrl = URL.createObjectURL(blob);
  }
  return workletBlobUrl;
}

export const browserPlatform: Platform = {
  name: 'browser',
  compileEngine,
  instantiate: (module, imports) => WebAssembly.instantiate(module, imports),
  writeMessage,
  workletUrl,
  stkRawwaves,
  cpuTimes: browserCpuTimes,
};
