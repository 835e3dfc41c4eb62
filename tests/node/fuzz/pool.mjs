// Runs corpus cases in child processes (runner.mjs), a batch per child and `children` children at a time, with a
// time limit per case: a case that runs over it is recorded as 'hang' and its child killed, one whose child exits
// as 'crash'; the rest of that batch goes on in a new child. Used by fuzz.test.ts; `node pool.mjs [filter]` runs
// the corpus (or the cases whose name contains `filter`) from the command line and prints what failed.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const RUNNER = fileURLToPath(new URL('./runner.mjs', import.meta.url));

/** Runs the cases `ids` in one child after another; resolves with a Map id → result. */
function runBatch(ids, limitMs, results) {
  return new Promise((resolve) => {
    const pending = [...ids];
    const next = () => {
      if (pending.length === 0) {
        resolve();
        return;
      }
      const child = fork(RUNNER, [], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'], execArgv: [] });
      let current = null;
      let timer = null;
      let settled = false;
      const finish = (outcome, detail) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (current !== null) {
          results.set(current, { outcome, detail, recovery: null, ms: limitMs });
          pending.splice(pending.indexOf(current), 1);
        } else {
          // The child failed before or between cases: the rest of the batch cannot run.
          for (const id of pending.splice(0)) results.set(id, { outcome, detail, recovery: null, ms: 0 });
        }
        child.kill('SIGKILL');
        next();
      };
      child.on('message', (message) => {
        if (message.type === 'ready') {
          child.send({ ids: pending.slice() });
        } else if (message.type === 'start') {
          current = message.id;
          clearTimeout(timer);
          timer = setTimeout(() => finish('hang', `no answer within ${limitMs} ms`), limitMs);
        } else if (message.type === 'done') {
          clearTimeout(timer);
          const { type: _, id, ...result } = message;
          results.set(id, result);
          pending.splice(pending.indexOf(id), 1);
          current = null;
        } else if (message.type === 'end') {
          settled = true;
          next();
        }
      });
      child.on('exit', (code, signal) => {
        if (!settled) finish('crash', `the child exited (code ${code}, signal ${signal})`);
      });
    };
    next();
  });
}

export async function runCorpus(ids, { children = 2, batch = 60, limitMs = 15_000 } = {}) {
  const results = new Map();
  const queue = [];
  for (let i = 0; i < ids.length; i += batch) queue.push(ids.slice(i, i + batch));
  const worker = async () => {
    while (queue.length > 0) await runBatch(queue.shift(), limitMs, results);
  };
  await Promise.all(Array.from({ length: children }, worker));
  return results;
}

/** Why a result is a failure, or null: raw errors, hangs, crashes, a failed recovery, a regression's expectation. */
export function failureOf(testCase, result) {
  if (result === undefined) return 'not run';
  if (result.outcome === 'skipped') return null;
  if (['raw', 'hang', 'crash'].includes(result.outcome)) return `${result.outcome}: ${result.detail}`;
  if (result.recovery !== null) return `recovery: ${result.recovery}`;
  return testCase.expect?.(result) ?? null;
}

/** Outcome counts by class, as printable lines. */
export function table(cases, results) {
  const outcomes = ['ok', 'CsoundError', 'retired', 'TypeError', 'RangeError', 'raw', 'hang', 'crash', 'skipped', 'recovery'];
  const rows = new Map();
  for (const [id, result] of results) {
    const cls = cases[id].cls;
    if (!rows.has(cls)) rows.set(cls, Object.fromEntries(outcomes.map((o) => [o, 0])));
    rows.get(cls)[result.outcome]++;
    if (result.recovery !== null) rows.get(cls).recovery++;
  }
  const head = `${'class'.padEnd(18)}${'cases'.padStart(6)}${outcomes.map((o) => o.padStart(12)).join('')}`;
  const lines = [head];
  for (const [cls, row] of rows) {
    const total = outcomes.slice(0, 9).reduce((n, o) => n + row[o], 0);
    lines.push(`${cls.padEnd(18)}${String(total).padStart(6)}${outcomes.map((o) => String(row[o]).padStart(12)).join('')}`);
  }
  return lines;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { corpus } = await import('./corpus.mjs');
  const cases = corpus();
  const filter = process.argv[2] ?? '';
  const ids = cases.map((c, i) => i).filter((i) => `${cases[i].cls}: ${cases[i].name}`.includes(filter));
  const started = performance.now();
  const results = await runCorpus(ids);
  for (const line of table(cases, results)) console.log(line);
  for (const id of ids) {
    const why = failureOf(cases[id], results.get(id));
    if (why !== null) console.log(`FAIL #${id} ${cases[id].cls}: ${cases[id].name}\n     ${why}`);
  }
  for (const id of ids) {
    if (process.env.FUZZ_SHOW && results.get(id)?.outcome === process.env.FUZZ_SHOW) {
      console.log(`${process.env.FUZZ_SHOW} #${id} ${cases[id].cls}: ${cases[id].name}\n     ${results.get(id).detail}`);
    }
  }
  const byClass = new Map();
  for (const [id, r] of results) byClass.set(cases[id].cls, (byClass.get(cases[id].cls) ?? 0) + r.ms);
  console.log('ms by class:', [...byClass].map(([c, ms]) => `${c} ${ms}`).join(', '));
  const slow = [...results].sort((a, b) => b[1].ms - a[1].ms).slice(0, 8);
  console.log('slowest:', slow.map(([id, r]) => `#${id} ${r.ms} ms`).join(', '));
  console.log(`${ids.length} cases in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
