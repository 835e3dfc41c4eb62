// The CSD files of the golden suite: Csound's own tests, read from the extracted source tarball, and the CSDs of
// tests/golden/csd/. Which of them are excluded (and why) or pending is data in golden.test.ts.
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const OWN_CSD_DIR = join(REPO_ROOT, 'tests/golden/csd');

/** The extracted Csound source tree (the build puts it in build/csound/src/csound_ext). */
export function csoundSourceDir(): string {
  return process.env.CSOUND_WASM_CSOUND_SRC ?? join(REPO_ROOT, 'build/csound/src/csound_ext');
}

/** Folders of the Csound source tree whose *.csd files are golden candidates. */
export const TARBALL_FOLDERS = [
  'tests/commandline',
  'tests/commandline/arrays',
  'tests/commandline/contrib',
  'tests/commandline/udo',
  'tests/regression',
] as const;

/** Seconds of audio compared at most per file: longer renders are compared over their first seconds. */
export const MAX_SECONDS = 10;

export interface GoldenCase {
  /** Report name: "commandline/test1.csd", "regression/bugs.csd", "own/osc_oscili.csd". */
  name: string;
  /** Folder holding the CSD and the files it reads; the working folder of both renders. */
  sourceDir: string;
  csd: string;
}

function caseName(folder: string): string {
  return folder.replace(/^tests\//, '');
}

/** Every candidate CSD, tarball files first, in a stable order. */
export function discoverCases(): GoldenCase[] {
  const cases: GoldenCase[] = [];
  const src = csoundSourceDir();
  for (const folder of TARBALL_FOLDERS) {
    const dir = join(src, folder);
    if (!existsSync(dir)) continue;
    for (const csd of readdirSync(dir).filter((n) => n.endsWith('.csd')).sort()) {
      cases.push({ name: `${caseName(folder)}/${csd}`, sourceDir: dir, csd });
    }
  }
  if (existsSync(OWN_CSD_DIR)) {
    for (const csd of readdirSync(OWN_CSD_DIR).filter((n) => n.endsWith('.csd')).sort()) {
      cases.push({ name: `own/${csd}`, sourceDir: OWN_CSD_DIR, csd });
    }
  }
  return cases;
}
