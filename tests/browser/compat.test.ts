// csound-wasm/compat (dist/compat.js): the @csound/browser-shaped API. The call sequence a Strudel-style live-coding
// host makes plays in a shared AudioContext (its output is tapped with an AnalyserNode), and the rest of the
// surface (channels, tables, files, score, pause/resume, reset, a render to a file, refusals) behaves as
// docs/COMPAT.md says, in Chromium and Firefox.
import { describe, expect, it } from 'vitest';
import { eachBrowserWithPage } from './each-browser.js';

interface Refusal {
  name: string;
  message: string;
  isCsoundError: boolean;
  sameClass: boolean;
}

interface LiveCodingResult {
  codes: Record<string, number>;
  sameContext: boolean;
  contextRate: number;
  sr: number;
  nodeIsWorklet: boolean;
  connectedBeforeNotes: number;
  addedNumber: number;
  evalValue: number;
  peakAdded: number;
  addedWord: string;
  addedOther: string;
  pluckName: string;
  log: string[];
  eventsBeforeStop: string[];
  eventsAfterStop: string[];
}

interface OtherResult {
  start: number;
  lateOption: number;
  badOrc: number;
  badEval: number;
  node: boolean;
  controlOut: number;
  table: number[];
  tableGet: number;
  tableLength: number;
  tableArgs: number[];
  missingTable: unknown;
  pausedHolds: boolean;
  resumedMoves: boolean;
  scored: number;
  restartWithoutReset: number;
  reset: number;
  srAfterReset: number;
  notes: string;
  readdir: string[];
  missingFile: unknown;
  compileCsd: number;
  renderStart: number;
  wavHeader: string;
  wavBytes: number;
  readdirAfterUnlink: string[];
  unsupported: Record<string, Refusal | null>;
  useSPN: Refusal | null;
  withPlugins: Refusal | null;
  events: string[];
  log: string[];
  listenerCount: number;
  version: number;
  afterDestroy: Refusal | null;
}

interface CompatWindow {
  pageReady?: boolean;
  liveCodingHost(): Promise<LiveCodingResult>;
  otherMethods(): Promise<OtherResult>;
}

eachBrowserWithPage('/tests/browser/pages/compat.html', (name, session) => {
  describe('csound-wasm/compat', () => {
    it("plays the call sequence of a Strudel-style live-coding host in the host's AudioContext", async () => {
      const r = await session.opened.page.evaluate(() => (window as unknown as CompatWindow).liveCodingHost());
      const report = `${JSON.stringify(r, null, 1)}\n${session.opened.report()}`;
      // Every call resolved with Csound's success code.
      expect(r.codes, report).toEqual({ m0d: 0, sampleAccurate: 0, csd: 0, start: 0, orc: 0, input: 0, input2: 0 });
      // The shared context: the orchestra runs at its rate whatever the CSD says (sr = 44100 there).
      expect(r.sameContext).toBe(true);
      expect(r.sr).toBe(r.contextRate);
      expect(r.nodeIsWorklet).toBe(true);
      // No score: silence until the host sends a note, then the instrument compiled while playing sounds.
      expect(r.connectedBeforeNotes, report).toBeLessThan(1e-6);
      expect(r.addedNumber, report).toBeGreaterThan(1);
      expect(r.evalValue).toBe(42);
      expect(r.peakAdded, report).toBeGreaterThan(0.1);
      // String p-fields arrive whole (with spaces), in both instruments.
      expect(r.addedWord).toBe('hello world');
      expect(r.addedOther).toBe('second string');
      expect(r.pluckName).toBe('pluck-name');
      // Messages reach the host's logger line by line, without newlines, the default console listener removed.
      expect(r.log, report).toContain('Added hello world second string 330');
      expect(r.log).toContain('Pluck pluck-name 440');
      expect(r.log.some((line) => line.includes('\n'))).toBe(false);
      expect(r.eventsBeforeStop).toEqual(['onAudioNodeCreated:AudioWorkletNode', 'realtimePerformanceStarted', 'play']);
      expect(r.eventsAfterStop).toEqual(['realtimePerformanceEnded', 'stop']);
    });

    it('channels, tables, files, score, pause/resume, reset and a render to a file; refusals are CsoundErrors', async () => {
      const r = await session.opened.page.evaluate(() => (window as unknown as CompatWindow).otherMethods());
      const report = `${JSON.stringify(r, null, 1)}\n${session.opened.report()}`;
      expect(r.start, report).toBe(0);
      expect(r.node).toBe(true);
      // Failures resolve with Csound's code, as in @csound/browser, and say why through 'message'.
      expect(r.lateOption).toBeGreaterThan(0);
      expect(r.log.some((line) => /options must be set before compilation/.test(line))).toBe(true);
      expect(r.badOrc).not.toBe(0);
      expect(r.log.some((line) => /syntax error.*oscilli/.test(line))).toBe(true);
      expect(r.badEval).toBeNaN();
      // A control channel round trip through the performing orchestra.
      expect(r.controlOut).toBe(42);
      expect(r.table).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expect(r.tableGet).toBe(30);
      expect(r.tableLength).toBe(8);
      expect(r.tableArgs).toEqual([-2, 1, 2, 3, 4, 5, 6, 7, 8]);
      expect(r.missingTable).toBeUndefined();
      expect(r.pausedHolds).toBe(true);
      expect(r.resumedMoves).toBe(true);
      // readScore preprocesses ('+' and '.'), so the second event ran.
      expect(r.scored).toBe(9);
      // After the end of a performance, start() wants a reset first.
      expect(r.restartWithoutReset).toBe(-1);
      expect(r.reset).toBe(0);
      expect(r.notes).toBe('one two');
      expect(r.readdir).toEqual(['render.csd']);
      expect(r.missingFile).toBeUndefined();
      expect(r.compileCsd).toBe(0);
      expect(r.srAfterReset).toBeGreaterThan(0);
      // -o file.wav: an offline render into the virtual file system, closed when it ends.
      expect(r.renderStart).toBe(0);
      expect(r.wavHeader).toBe('RIFF');
      // 0.5 s of 16-bit mono after a 44-byte header, to a k-cycle (ksmps 32).
      expect(Math.abs((r.wavBytes - 44) / 2 - 0.5 * r.srAfterReset)).toBeLessThanOrEqual(32);
      expect(r.readdirAfterUnlink).toEqual(['render.csd']);
      expect(r.events).toEqual([
        'play', 'realtimePerformancePaused', 'pause', 'realtimePerformanceResumed', 'play', 'stop', 'renderStarted', 'renderEnded',
      ]);
      for (const [method, refusal] of Object.entries(r.unsupported)) {
        expect(refusal, method).not.toBeNull();
        expect(refusal?.isCsoundError, method).toBe(true);
        // One CsoundError class for both entries: compat.js imports browser.js.
        expect(refusal?.sameClass, method).toBe(true);
        expect(refusal?.message, method).toMatch(new RegExp(`^${method} failed .*not supported by csound-wasm/compat`));
      }
      expect(r.useSPN?.message).toMatch(/useSPN/);
      expect(r.withPlugins?.message).toMatch(/withPlugins/);
      expect(r.listenerCount).toBe(1);
      expect(r.version).toBe(6181);
      expect(r.afterDestroy?.message).toMatch(/destroyed/);
    });
  });
});
