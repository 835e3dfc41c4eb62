// A tiny static file server for the browser tests (node:http only, no dependencies).
//
// It serves the repository root, so both /dist/... (the built package) and /tests/browser/pages/...
// (the test pages) are reachable. It listens on 127.0.0.1 on an ephemeral port; 127.0.0.1 is a
// "potentially trustworthy" origin, so pages are secure contexts (needed by AudioWorklet and by
// cross-origin isolation).
//
// Every response carries the two headers that make a page cross-origin isolated
// (SharedArrayBuffer, shared WebAssembly.Memory), unless the path starts with NO_ISOLATION_PREFIX:
// `/no-isolation/tests/browser/pages/smoke.html` is the same file as `/tests/browser/pages/smoke.html`
// served without them (and everything that page loads by relative URL stays under the prefix).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is tests/browser/server.ts). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Paths under this prefix are served without the COOP/COEP headers. */
export const NO_ISOLATION_PREFIX = '/no-isolation/';

export const ISOLATION_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.wav': 'audio/wav',
  '.txt': 'text/plain; charset=utf-8',
  '.csd': 'text/plain; charset=utf-8',
  '.orc': 'text/plain; charset=utf-8',
  '.sco': 'text/plain; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
};

export function mimeType(file: string): string {
  return MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export interface ServerOptions {
  /** Directory served as "/" (default: the repository root). */
  root?: string;
  /** Send COOP/COEP on paths outside NO_ISOLATION_PREFIX (default true). */
  isolation?: boolean;
}

export interface RunningServer {
  /** Origin of the server, e.g. `http://127.0.0.1:40123` (no trailing slash). */
  url: string;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const root = path.resolve(options.root ?? REPO_ROOT);
  const isolationByDefault = options.isolation ?? true;

  const server = createServer((req, res) => {
    handle(req, res, root, isolationByDefault).catch((err: unknown) => {
      if (!res.headersSent) send(res, 500, String(err));
      else res.destroy();
    });
  });
  // Browsers keep connections alive; close() must not wait for them.
  server.keepAliveTimeout = 1000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function send(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

async function handle(req: IncomingMessage, res: ServerResponse, root: string, isolationByDefault: boolean): Promise<void> {
  let pathname: string;
  try {
    pathname = decodeURIComponent((req.url ?? '/').split(/[?#]/)[0]);
  } catch {
    return send(res, 400, 'bad request');
  }

  let isolated = isolationByDefault;
  if (pathname.startsWith(NO_ISOLATION_PREFIX)) {
    isolated = false;
    pathname = pathname.slice(NO_ISOLATION_PREFIX.length - 1);
  }
  const headers: Record<string, string> = isolated ? { ...ISOLATION_HEADERS } : {};

  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return send(res, 405, 'method not allowed', { ...headers, Allow: 'GET, HEAD' });
  }
  if (!pathname.startsWith('/') || pathname.includes('\0')) return send(res, 400, 'bad request', headers);

  const file = path.join(root, path.normalize(pathname));
  if (file !== root && !file.startsWith(root + path.sep)) return send(res, 403, 'forbidden', headers);

  let target = file;
  let info = await stat(target).catch(() => null);
  if (info?.isDirectory()) {
    target = path.join(file, 'index.html');
    info = await stat(target).catch(() => null);
  }
  if (!info?.isFile()) return send(res, 404, `not found: ${pathname}`, headers);

  res.writeHead(200, {
    ...headers,
    'Content-Type': mimeType(target),
    'Content-Length': String(info.size),
    'Cache-Control': 'no-store',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  // pipeline() closes the file however the response ends (completed, or aborted by the client).
  await pipeline(createReadStream(target), res).catch(() => res.destroy());
}
