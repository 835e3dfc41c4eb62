// @csound/browser 6.18.7 (Csound's own WebAssembly build, from npm) for the browser comparison. Its dist/csound.js is
// one self-contained ES module (the wasm is inlined), but its package.json lists its build tools as dependencies
// (google-closure-compiler and others, about 160 MB installed), so it is not a devDependency: `npm pack` fetches the
// tarball through the npm client, which checks it against the registry's integrity, we compare that with the pinned
// value below and unpack only dist/csound.js into build/bench/ (ignored by git), once.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';

export const CSOUND_BROWSER_VERSION = '6.18.7';
const INTEGRITY = 'sha512-pHC83n1fzV9xp7hkFNBTWYsqkBnOS3qNAA9AJNnu3ZCG35a4rMZ5ydOuFi3qqfkLwRTd+frazabxM/lu0+u0qw==';

/**
 * Makes `<repo>/build/bench/csound-browser-<version>/dist/csound.js` exist and returns its URL path under the
 * repository root (the test server serves the root), or throws with the reason.
 */
export function ensureCsoundBrowser(repoRoot: string): string {
  const rel = `build/bench/csound-browser-${CSOUND_BROWSER_VERSION}`;
  const dir = path.join(repoRoot, rel);
  const entry = path.join(dir, 'dist', 'csound.js');
  if (existsSync(entry)) return `/${rel}/dist/csound.js`;
  mkdirSync(dir, { recursive: true });
  const pack = spawnSync('npm', ['pack', `@csound/browser@${CSOUND_BROWSER_VERSION}`, '--json', '--pack-destination', dir], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 180_000,
  });
  if (pack.status !== 0) throw new Error(`npm pack @csound/browser@${CSOUND_BROWSER_VERSION} failed: ${(pack.stderr || pack.error?.message || '').trim().slice(-500)}`);
  const info = JSON.parse(pack.stdout) as { filename: string; integrity: string }[];
  const tarball = path.join(dir, info[0].filename);
  try {
    if (info[0].integrity !== INTEGRITY) throw new Error(`@csound/browser tarball integrity ${info[0].integrity}, expected ${INTEGRITY}`);
    const untar = spawnSync('tar', ['-xzf', tarball, '-C', dir, '--strip-components=1', 'package/dist/csound.js'], { encoding: 'utf8' });
    if (untar.status !== 0) throw new Error(`unpacking ${tarball} failed: ${untar.stderr}`);
  } finally {
    rmSync(tarball, { force: true });
  }
  return `/${rel}/dist/csound.js`;
}
