// Issue 10: a deterministic fuzz corpus of bad inputs (tests/node/fuzz/corpus.mjs: seeded mutations of valid CSDs,
// headers and options, tables, huge strings, wrong JS types for every public method, wrong-order calls, performer
// misuse, and every case of the issue as a named regression). Each case runs in a child process with a time limit
// (fuzz/pool.mjs, fuzz/runner.mjs) and must end in a CsoundError, a TypeError or RangeError that names the
// argument, or success: never another error, an exit or a hang. After each, the same instance after reset() and a
// new instance must render a known CSD correctly (a retired instance refuses reset() and destroys quietly).
import { beforeAll, describe, expect, it } from 'vitest';
import { corpus } from './fuzz/corpus.mjs';
import { failureOf, runCorpus, table } from './fuzz/pool.mjs';

interface Result {
  outcome: string;
  detail: string;
  recovery: string | null;
  ms: number;
}

const cases = corpus();
let results = new Map<number, Result>();

beforeAll(async () => {
  const started = performance.now();
  results = (await runCorpus(cases.map((_: unknown, id: number) => id))) as Map<number, Result>;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log([`fuzz corpus: ${cases.length} cases in ${seconds} s`, ...table(cases, results)].join('\n'));
}, 600_000);

describe('fuzz corpus (issue 10)', () => {
  it('has at least 1,000 cases, and none ends in a raw error, an exit, a hang or a failed recovery', () => {
    expect(cases.length).toBeGreaterThanOrEqual(1000);
    const failures = cases
      .map((c: { cls: string; name: string }, id: number) => [id, c, failureOf(c, results.get(id))] as const)
      .filter(([, , why]: readonly [number, unknown, string | null]) => why !== null)
      .map(([id, c, why]: readonly [number, { cls: string; name: string }, string | null]) => `#${id} ${c.cls}: ${c.name}: ${why}`);
    expect(failures).toEqual([]);
  });

  const regressions = cases
    .map((c: { cls: string; name: string }, id: number) => [c.name, id] as [string, number])
    .filter(([, id]: [string, number]) => cases[id].cls === 'regression');
  it.for(regressions)('regression: %s', ([, id], context) => {
    const result = results.get(id);
    if (result?.outcome === 'skipped') context.skip(result.detail);
    expect(failureOf(cases[id], result)).toBeNull();
  });
});
