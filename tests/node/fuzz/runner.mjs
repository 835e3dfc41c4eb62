// Runs fuzz cases (corpus.mjs) in a child process that fuzz.test.ts forks, so that a case that hangs or kills its
// process costs only this child: the parent gives each case a time limit, kills the child when it runs over, and
// goes on with a new child. Protocol (IPC): the parent sends { ids }; for each id the child sends
// { type: 'start', id } and then { type: 'done', id, outcome, detail, recovery, ms }; at the end { type: 'end' }.
//
// Outcomes: 'ok' (the input was accepted), 'CsoundError', 'retired' (a CsoundError that retired the instance),
// 'TypeError' / 'RangeError' (only with a message that names the function and argument, "name: ..."), 'raw'
// (anything else: a failure). After every case, `recovery` checks that the same instance, after reset(), and a new
// instance render the known CSD correctly (a retired or destroyed instance must instead refuse reset() with a
// CsoundError and destroy() quietly); it is null when both hold.
import { corpus, KNOWN, KNOWN_LEVEL } from './corpus.mjs';

const m = await import('../../../dist/js/index.js');
const cases = corpus();

function describeError(error) {
  if (error instanceof Error) return `${error.name}: ${error.message.split('\n')[0].slice(0, 300)}`;
  return `${typeof error} ${String(error).slice(0, 100)}`;
}

/** 'retired' (after a trap or a refused state), 'destroyed' (by the case) or null (the instance is usable). */
function gone(cs) {
  try {
    cs.version();
    return null;
  } catch (error) {
    if (error instanceof m.CsoundError && /retired/.test(error.message)) return 'retired';
    if (error instanceof m.CsoundError && /destroyed/.test(error.message)) return 'destroyed';
    throw error;
  }
}

function classify(error, cs) {
  if (error instanceof m.CsoundError) return gone(cs) === 'retired' ? 'retired' : 'CsoundError';
  if ((error instanceof TypeError || error instanceof RangeError) && /^[A-Za-z.]+(?:\([^)]*\))?: /.test(error.message)) {
    return error.name;
  }
  return 'raw';
}

/** Renders the known CSD; returns why it is wrong, or null. */
function render(cs) {
  cs.compileCsdText(KNOWN);
  cs.start();
  cs.performKsmps();
  cs.performKsmps();
  const out = Array.from(cs.spout());
  cs.cleanup();
  if (out.length === 0 || !out.every((v) => v === KNOWN_LEVEL)) return `rendered [${out.slice(0, 4).join(', ')}, …]`;
  return null;
}

async function recovery(cs) {
  const problems = [];
  if (gone(cs) !== null) {
    try {
      cs.reset();
      problems.push('reset() of a retired or destroyed instance did not throw');
    } catch (error) {
      if (!(error instanceof m.CsoundError)) problems.push(`reset() of a retired instance: ${describeError(error)}`);
    }
  } else {
    try {
      cs.setMessageCallback(null);
      cs.reset();
      const why = render(cs);
      if (why !== null) problems.push(`same instance after reset(): ${why}`);
    } catch (error) {
      problems.push(`same instance after reset(): ${describeError(error)}`);
    }
  }
  try {
    cs.destroy();
  } catch (error) {
    problems.push(`destroy(): ${describeError(error)}`);
  }
  try {
    const fresh = await m.Csound.create({ messages: 'none' });
    const why = render(fresh);
    if (why !== null) problems.push(`new instance: ${why}`);
    fresh.destroy();
  } catch (error) {
    problems.push(`new instance: ${describeError(error)}`);
  }
  return problems.length === 0 ? null : problems.join('; ');
}

/**
 * Which of the Csound patches that change behaviour this engine was built with (a case that `requires` one is
 * skipped without it): 0009 refuses instrument numbers beyond 1,000,000; 0010 skips at most 2^20 k-cycles per call.
 */
async function probePatches() {
  const found = new Set();
  const cs = await m.Csound.create({ messages: 'none' });
  try {
    cs.compileOrc('#define N #1000001#\ninstr $N\nendin\n');
  } catch {
    found.add('0009');
  }
  cs.reset();
  cs.compileCsdText(KNOWN.replace('i 1 0 1 0.375', 'f 0 1000').replace('ksmps = 8', 'ksmps = 1'));
  cs.start();
  cs.setScoreOffsetSeconds(500);
  cs.performKsmps();
  if (cs.scoreTime() < 500) found.add('0010');
  cs.destroy();
  return found;
}
const patches = await probePatches();

async function runCase(id) {
  if (cases[id].requires !== undefined && !patches.has(cases[id].requires)) {
    return { outcome: 'skipped', detail: `needs patches/csound/${cases[id].requires} (rebuild the engine)`, recovery: null, ms: 0 };
  }
  const started = performance.now();
  const cs = await m.Csound.create({ messages: 'none' });
  let outcome = 'ok';
  let detail = '';
  try {
    await cases[id].run({ cs, m });
  } catch (error) {
    outcome = classify(error, cs);
    detail = describeError(error);
  }
  const recovered = await recovery(cs);
  return { outcome, detail, recovery: recovered, ms: Math.round(performance.now() - started) };
}

process.on('message', async ({ ids }) => {
  for (const id of ids) {
    process.send({ type: 'start', id });
    const result = await runCase(id);
    process.send({ type: 'done', id, ...result });
  }
  process.send({ type: 'end' }, () => process.exit(0));
});
process.send({ type: 'ready' });
