// The playground page (web/) in Chromium: its production build (npm run build:web) served with the isolation
// headers, then played, tweaked, evaluated into and rendered like a user would; and the Vite dev server that
// `npm start` runs. Set UPDATE_DOCS_SCREENSHOT=1 to also write docs/playground.png (the README's picture).
// In Firefox the same build is loaded and played; the rest is Chromium-only (see the skip below).
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { build, createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Csound } from '../../dist/js/index.js';
import { launchBrowser, launchFirefox, openFirefoxPage, openPage, type OpenedPage } from './browser.js';
import { decodePng } from './png.js';
import { NO_ISOLATION_PREFIX, REPO_ROOT, startServer, type RunningServer } from './server.js';

const VITE_CONFIG = path.join(REPO_ROOT, 'web', 'vite.config.ts');
const ARTIFACTS = path.join(REPO_ROOT, 'tests', 'artifacts');
const EXAMPLES = path.join(REPO_ROOT, 'web', 'examples');

/** What the page exposes for tests (web/src/main.ts). */
interface PlaygroundHooks {
  csound(): { controlChannel(name: string): [number, number] } | null;
  performer(): { audioStats(): { quanta: number; underruns: number } } | null;
  state(): string;
  text(): string;
  setText(text: string): void;
  select(snippet: string): boolean;
  placeCursor(snippet: string): boolean;
  console(): string;
}
declare const playground: PlaygroundHooks;

let outDir: string;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  outDir = await mkdtemp(path.join(os.tmpdir(), 'csound-wasm-playground-'));
  await build({ configFile: VITE_CONFIG, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  server = await startServer({ root: outDir });
  // A fake microphone (Chromium's test tone), granted without a prompt.
  browser = await launchBrowser({ extraArgs: ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'] });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (outDir !== undefined) await rm(outDir, { recursive: true, force: true });
});

async function saveScreenshot(page: Page, name: string): Promise<Buffer> {
  await mkdir(ARTIFACTS, { recursive: true });
  return page.screenshot({ path: path.join(ARTIFACTS, name) });
}

/** Opens the page at `url` and waits until the engine has loaded. */
async function openPlaygroundAt(url: string): Promise<OpenedPage> {
  const opened = await openPage(browser, url);
  try {
    await opened.page.waitForFunction(() => document.body.dataset.state === 'idle', undefined, { timeout: 30_000 });
  } catch (error) {
    await saveScreenshot(opened.page, 'playground-failed-to-load.png').catch(() => {});
    const problems = await opened.page.locator('#problems').textContent().catch(() => '?');
    await opened.close();
    throw new Error(`the playground did not become ready: ${(error as Error).message}\nproblems: ${problems}\n${opened.report()}`);
  }
  return opened;
}

function openPlayground(hash = ''): Promise<OpenedPage> {
  return openPlaygroundAt(`${server.url}/index.html${hash}`);
}

/** Runs `body` on a fresh page and closes it; on failure the page's console and errors join the message. */
async function withPlayground(hash: string, body: (page: Page, opened: OpenedPage) => Promise<void>): Promise<void> {
  const opened = await openPlayground(hash);
  try {
    await body(opened.page, opened);
  } catch (error) {
    const problems = await opened.page.locator('#problems').textContent().catch(() => '?');
    (error as Error).message += `\nproblems shown: ${problems}\n${opened.report()}`;
    throw error;
  } finally {
    await opened.close();
  }
}

async function play(page: Page, example: string): Promise<void> {
  await page.selectOption('#example', example);
  await page.click('#play');
  await page.waitForFunction(() => document.body.dataset.state === 'playing', undefined, { timeout: 30_000 });
}

function channelValue(page: Page, name: string): Promise<number> {
  return page.evaluate((n) => playground.csound()?.controlChannel(n)[0] ?? Number.NaN, name);
}

/** The text as the page puts it in a link: `#csd=` + base64url(deflate-raw(text)). */
function hashOf(text: string): string {
  return `#csd=${deflateRawSync(Buffer.from(text)).toString('base64url')}`;
}

/** How a scope canvas screenshot looks: pixels of the trace's colour and the rows they span. */
function traceOf(png: Buffer): { tracePixels: number; rows: number } {
  const { width, height, rgba } = decodePng(png);
  let tracePixels = 0;
  const rows = new Set<number>();
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      // The trace is teal (#5cc8b0) on a near-black background; antialiasing blends the two.
      if (rgba[i + 1] > 90 && rgba[i + 1] > rgba[i] + 30) {
        tracePixels++;
        rows.add(y);
      }
    }
  }
  return { tracePixels, rows: rows.size };
}

describe('playground page (production build)', () => {
  it('loads, offers at least eight examples and highlights opcodes, p-fields, comments, strings and instr/endin', async () => {
    await withPlayground('', async (page) => {
      const examples = await page.locator('#example option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter((v) => v !== ''));
      expect(examples.length).toBeGreaterThanOrEqual(8);
      for (const kind of ['pad', 'fm-bells', 'granular', 'acid-bass', 'drums', 'strings', 'live-input', 'spectral']) {
        expect(examples).toContain(kind);
      }
      await page.selectOption('#example', 'fm-bells');
      const editor = page.locator('.cm-content');
      await expect.poll(() => editor.locator('.cs-opcode', { hasText: /^foscili$/ }).count(), { timeout: 5000 }).toBeGreaterThan(0);
      expect(await editor.locator('.cs-pfield', { hasText: /^p4$/ }).count()).toBeGreaterThan(0);
      expect(await editor.locator('.cs-instr', { hasText: /^instr$/ }).count()).toBeGreaterThan(0);
      expect(await editor.locator('.cs-instr', { hasText: /^endin$/ }).count()).toBeGreaterThan(0);
      expect(await editor.locator('.cs-comment').count()).toBeGreaterThan(0);
      expect(await editor.locator('.cs-string', { hasText: '"ratio"' }).count()).toBeGreaterThan(0);
      // A variable is not coloured as an opcode.
      expect(await editor.locator('.cs-opcode', { hasText: /^kindex$/ }).count()).toBe(0);
    });
  });

  it('plays an example: the scope shows a waveform, the spectrum, CPU meter and channels fill in', async () => {
    await withPlayground('', async (page) => {
      await page.evaluate(() => {
        const counter = window as unknown as { microphoneRequests: number };
        counter.microphoneRequests = 0;
        const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
        navigator.mediaDevices.getUserMedia = (constraints) => {
          counter.microphoneRequests++;
          return original(constraints);
        };
      });
      await play(page, 'acid-bass');
      await page.waitForFunction(() => (playground.performer()?.audioStats().quanta ?? 0) > 500);
      await page.waitForTimeout(1000);
      const scope = traceOf(await page.locator('#scope').screenshot());
      // A flat line (silence) covers two or three rows; a bass line sweeps across many.
      expect(scope.tracePixels).toBeGreaterThan(400);
      expect(scope.rows).toBeGreaterThan(8);
      expect(await page.locator('#cpu').textContent()).toMatch(/^\d+%$/);
      expect(await page.locator('.channel input[type=range]').count()).toBe(4);
      expect(await page.locator('.channel[data-channel="filter"] .bar').count()).toBe(1);
      // No microphone for an orchestra that does not read input.
      expect(await page.evaluate(() => (window as unknown as { microphoneRequests: number }).microphoneRequests)).toBe(0);
      const png = await saveScreenshot(page, 'playground-playing.png');
      if (process.env.UPDATE_DOCS_SCREENSHOT === '1') await writeFile(path.join(REPO_ROOT, 'docs', 'playground.png'), png);
      await page.click('#stop');
      await page.waitForFunction(() => document.body.dataset.state === 'idle');
    });
  });

  it('moving a generated slider changes the channel value read back from the engine', async () => {
    await withPlayground('', async (page) => {
      await play(page, 'acid-bass');
      const slider = page.locator('.channel[data-channel="cutoff"] input[type=range]');
      expect(await channelValue(page, 'cutoff')).toBe(500); // the chn_k default
      await slider.focus();
      await page.keyboard.press('End');
      await expect.poll(() => channelValue(page, 'cutoff')).toBe(6000);
      await page.keyboard.press('Home');
      await expect.poll(() => channelValue(page, 'cutoff')).toBe(60);
      // The cutoff is exponential (chn_k type 3): a tenth of the way is 60 * 100^0.1 Hz.
      for (let i = 0; i < 100; i++) await page.keyboard.press('ArrowRight');
      await expect.poll(() => channelValue(page, 'cutoff')).toBeCloseTo(60 * Math.pow(100, 0.1), 6);
      expect(await page.locator('.channel[data-channel="cutoff"] output').textContent()).toBe('95.09');
      // The output channel's meter shows the value the orchestra writes.
      await expect.poll(async () => Number(await page.locator('.channel[data-channel="filter"] output').textContent()), { timeout: 5000 }).toBeGreaterThan(20);
    });
  });

  it('Evaluate sends the instrument under the cursor, selected score lines and global code (evalCode) to the running engine', async () => {
    await withPlayground('', async (page) => {
      await page.selectOption('#example', 'live-code');
      const probe = '\ninstr 50\n  chnset 123, "probe"\nendin\n\ni 50 0 0.1\n';
      await page.evaluate((extra) => playground.setText(playground.text() + extra), probe);
      await page.click('#play');
      await page.waitForFunction(() => document.body.dataset.state === 'playing');
      // The instrument under the cursor (not yet in the running orchestra) ...
      expect(await page.evaluate(() => playground.placeCursor('chnset 123'))).toBe(true);
      await page.click('#evaluate');
      // ... then a selected score line plays it.
      expect(await page.evaluate(() => playground.select('i 50 0 0.1'))).toBe(true);
      await page.click('#evaluate');
      await expect.poll(() => channelValue(page, 'probe'), { timeout: 5000 }).toBe(123);
      // Redefining a playing instrument: the pattern's next notes use the new Blip.
      await page.evaluate(() => playground.setText(playground.text().replace('  ifreq = cpsmidinn(p4)', '  ifreq = cpsmidinn(p4)\n  chnset p4, "last note"')));
      expect(await page.evaluate(() => playground.placeCursor('chnset p4'))).toBe(true);
      await page.keyboard.press('Control+Enter'); // the shortcut, with the focus in the editor
      await page.click('#evaluate');
      await expect.poll(() => channelValue(page, 'last note'), { timeout: 5000 }).toBeGreaterThan(40);
      expect(await page.evaluate(() => playground.state())).toBe('playing');
      expect(await page.locator('.problem.error').count()).toBe(0);
      expect(await page.evaluate(() => playground.console())).toContain('evaluated lines');
      // Global code with a return value goes through evalCode, and the console shows the value.
      await page.evaluate(() => playground.setText(`${playground.text()}\ngiAnswer = 6 * 7\nreturn giAnswer\n`));
      expect(await page.evaluate(() => playground.select('giAnswer = 6 * 7\nreturn giAnswer'))).toBe(true);
      await page.click('#evaluate');
      await expect.poll(() => page.evaluate(() => playground.console()), { timeout: 5000 }).toMatch(/evaluated lines \d+–\d+: 42/);
      // A mistake in evaluated code names the editor's line, and the sound goes on.
      await page.evaluate(() => playground.setText(playground.text().replace('chnset 123, "probe"', 'chnset 123, "probe"\n  a1 oscilx 1, 440')));
      const broken = (await page.evaluate(() => playground.text())).split('\n').findIndex((l) => l.includes('oscilx')) + 1;
      expect(await page.evaluate(() => playground.placeCursor('chnset 123'))).toBe(true);
      await page.click('#evaluate');
      const problem = page.locator('.problem.error');
      await problem.waitFor();
      expect(await problem.textContent()).toContain(`Line ${broken}`);
      expect(await problem.textContent()).toContain('oscilx');
      expect(await page.evaluate(() => playground.state())).toBe('playing');
    });
  });

  it('a compile error shows Csound\'s message with its line number and marks that line', async () => {
    const pad = await readFile(path.join(EXAMPLES, 'pad.csd'), 'utf8');
    const broken = pad.replace('kbright port kbright, 0.08', 'kbright port kbright 0.08');
    const line = broken.split('\n').findIndex((l) => l.includes('kbright port kbright 0.08')) + 1;
    await withPlayground(hashOf(broken), async (page) => {
      expect(await page.evaluate(() => playground.text())).toBe(broken);
      await page.click('#play');
      const problem = page.locator('.problem.error');
      await problem.waitFor();
      const text = await problem.textContent();
      expect(text).toContain(`Line ${line}`);
      expect(text).toContain('did not compile');
      expect(text).toContain('unexpected number “0.08”');
      expect(await page.locator('.cm-error-line').textContent()).toContain('kbright port kbright 0.08');
      await saveScreenshot(page, 'playground-compile-error.png');
      expect(await page.evaluate(() => playground.state())).toBe('idle');
      // The console keeps Csound's own words, in red.
      expect(await page.locator('#console .error').count()).toBeGreaterThan(0);
    });
  });

  it('goes back to ready when the score ends, with the sliders greyed out', async () => {
    const short = [
      '<CsoundSynthesizer>', '<CsInstruments>', 'sr = 48000', 'ksmps = 32', 'nchnls = 2', '0dbfs = 1',
      'chn_k "pitch", 1, 3, 440, 110, 1760',
      'instr 1', '  a1 oscili 0.2, chnget:k("pitch")', '  outs a1, a1', 'endin',
      '</CsInstruments>', '<CsScore>', 'i 1 0 0.5', '</CsScore>', '</CsoundSynthesizer>', '',
    ].join('\n');
    await withPlayground(hashOf(short), async (page) => {
      await page.click('#play');
      await page.waitForFunction(() => document.body.dataset.state === 'playing', undefined, { timeout: 30_000 });
      await page.waitForFunction(() => document.body.dataset.state === 'idle', undefined, { timeout: 10_000 });
      await expect.poll(() => page.evaluate(() => playground.console())).toContain('performance ended');
      expect(await page.locator('.channel[data-channel="pitch"] input').isDisabled()).toBe(true);
      expect(await page.locator('.problem').count()).toBe(0);
    });
  });

  it('keeps the text in the URL hash, so that a link reproduces it', async () => {
    let link = '';
    await withPlayground('', async (page) => {
      await page.selectOption('#example', 'drums');
      expect(new URL(page.url()).hash).toBe('#example=drums');
      await page.evaluate(() => playground.setText(playground.text().replace('chn_k "tempo", 1, 1, 104', 'chn_k "tempo", 1, 1, 96')));
      await page.waitForFunction(() => location.hash.startsWith('#csd='));
      link = new URL(page.url()).hash;
    });
    const drums = await readFile(path.join(EXAMPLES, 'drums.csd'), 'utf8');
    await withPlayground(link, async (page) => {
      expect(await page.evaluate(() => playground.text())).toBe(drums.replace('chn_k "tempo", 1, 1, 104', 'chn_k "tempo", 1, 1, 96'));
    });
  });

  it('Render to WAV downloads a WAV file whose header and length are right and whose audio is not silent', async () => {
    await withPlayground('', async (page) => {
      await page.selectOption('#example', 'drums');
      await page.fill('#render-seconds', '8');
      // Every value the page gives the progress bar is recorded (a fast render can end between two polls).
      await page.evaluate(() => {
        const bar = document.getElementById('render-progress') as HTMLProgressElement;
        const values: number[] = [];
        (window as unknown as { progressValues: number[] }).progressValues = values;
        const setter = Object.getOwnPropertyDescriptor(HTMLProgressElement.prototype, 'value')!;
        Object.defineProperty(bar, 'value', {
          get: () => setter.get!.call(bar),
          set: (v: number) => {
            if (!bar.hidden) values.push(v);
            setter.set!.call(bar, v);
          },
        });
      });
      const downloading = page.waitForEvent('download', { timeout: 60_000 });
      await page.click('#render');
      await downloading;
      // The progress bar moved while the render ran: a slice is at most 1/32 of the render, however fast the
      // machine, so at least 31 values lie strictly between 0 and 1, rising, and the last one is 1.
      const progress = await page.evaluate(() => (window as unknown as { progressValues: number[] }).progressValues);
      expect(progress.filter((v) => v > 0 && v < 1).length).toBeGreaterThanOrEqual(31);
      expect(progress.every((v, i) => i === 0 || v >= progress[i - 1])).toBe(true);
      expect(progress.at(-1)).toBe(1);
      await page.waitForSelector('#render-progress', { state: 'hidden' });
      await page.fill('#render-seconds', '2');
      const secondDownload = page.waitForEvent('download', { timeout: 60_000 });
      await page.click('#render');
      const download = await secondDownload;
      expect(download.suggestedFilename()).toBe('drums.wav');
      const wav = await readFile(await download.path());
      const view = new DataView(wav.buffer, wav.byteOffset, wav.byteLength);
      const text = (at: number) => wav.subarray(at, at + 4).toString('latin1');
      const frames = 2 * 48000;
      expect(text(0)).toBe('RIFF');
      expect(view.getUint32(4, true)).toBe(wav.length - 8);
      expect(text(8)).toBe('WAVE');
      expect(text(12)).toBe('fmt ');
      expect(view.getUint16(20, true)).toBe(1); // PCM
      expect(view.getUint16(22, true)).toBe(2);
      expect(view.getUint32(24, true)).toBe(48000);
      expect(view.getUint16(34, true)).toBe(24);
      expect(text(36)).toBe('data');
      expect(view.getUint32(40, true)).toBe(frames * 2 * 3);
      expect(wav.length).toBe(44 + frames * 2 * 3);
      let sum = 0;
      for (let i = 44; i < wav.length; i += 3) {
        const sample = (wav[i] | (wav[i + 1] << 8) | (wav[i + 2] << 16)) << 8 >> 8;
        sum += (sample / 8388608) ** 2;
      }
      const rmsDb = 10 * Math.log10(sum / (frames * 2));
      expect(rmsDb).toBeGreaterThan(-40);
      expect(await page.locator('#download').textContent()).toContain('drums.wav');
      expect(await page.evaluate(() => playground.console())).toMatch(/rendered drums\.wav: 2 ch, 48000 Hz, 2\.00 s/);
    });
  });

  it('asks for the microphone for an orchestra that reads input, and the input reaches the engine', async () => {
    await withPlayground('', async (page) => {
      await play(page, 'live-input');
      expect(await page.locator('#input-status').textContent()).not.toMatch(/^(off|asking…)$/);
      // Chromium's fake device plays a tone; the orchestra meters what it hears on the "input" channel.
      let loudest = 0;
      for (let i = 0; i < 40 && loudest === 0; i++) {
        loudest = Math.max(loudest, await channelValue(page, 'input'));
        await page.waitForTimeout(100);
      }
      expect(loudest).toBeGreaterThan(0);
      await page.click('#stop');
      await page.waitForFunction(() => document.body.dataset.state === 'idle');
      expect(await page.locator('#input-status').textContent()).toBe('off');
    });
  });

  it('opens Web MIDI only for an orchestra that uses MIDI, and says whether the engine takes it', async () => {
    await withPlayground('', async (page) => {
      await play(page, 'fm-bells');
      expect(await page.locator('#midi-status').textContent()).toBe('–');
      await play(page, 'midi-synth');
      await expect.poll(() => page.locator('#midi-status').textContent(), { timeout: 10_000 }).not.toMatch(/^(–|opening…)/);
      const engineTakesMidi = await page.evaluate(() => typeof (playground.csound() as unknown as { pushMidi?: unknown }).pushMidi === 'function');
      const status = await page.locator('#midi-status').textContent();
      if (engineTakesMidi) expect(status).not.toContain('takes no MIDI');
      else expect(status).toContain('this engine build takes no MIDI yet');
      expect(await page.locator('.problem.error').count()).toBe(0);
    });
  });

  it('Web MIDI notes reach the running engine through pushMidi', async () => {
    const listener = [
      '<CsoundSynthesizer>', '<CsInstruments>', 'sr = 48000', 'ksmps = 32', 'nchnls = 2', '0dbfs = 1',
      'massign 0, 2',
      'instr 2 ; every MIDI note: its key and velocity',
      '  chnset notnum(), "key"', '  chnset veloc(), "velocity"',
      '  a1 oscili 0.1 * veloc(0, 1), cpsmidi()', '  outs a1, a1', 'endin',
      '</CsInstruments>', '<CsScore>', 'f 0 3600', '</CsScore>', '</CsoundSynthesizer>', '',
    ].join('\n');
    await withPlayground(hashOf(listener), async (page) => {
      // A Web MIDI input the test plays (headless Chromium has no MIDI devices).
      await page.evaluate(() => {
        const input = { id: 'test', name: 'Test keys', onmidimessage: null as ((event: { data: Uint8Array }) => void) | null };
        (window as unknown as { testKeys: typeof input }).testKeys = input;
        Object.defineProperty(navigator, 'requestMIDIAccess', {
          value: async () => ({ inputs: new Map([['test', input]]), onstatechange: null }),
        });
      });
      await page.click('#play');
      await page.waitForFunction(() => document.body.dataset.state === 'playing', undefined, { timeout: 30_000 });
      const engineTakesMidi = await page.evaluate(() => typeof (playground.csound() as unknown as { pushMidi?: unknown }).pushMidi === 'function');
      if (!engineTakesMidi) {
        expect(await page.locator('#midi-status').textContent()).toContain('takes no MIDI yet');
        return;
      }
      await expect.poll(() => page.locator('#midi-status').textContent(), { timeout: 5000 }).toBe('Test keys');
      await page.evaluate(() => (window as unknown as { testKeys: { onmidimessage(e: { data: Uint8Array }): void } }).testKeys.onmidimessage({ data: Uint8Array.of(0x90, 64, 100) }));
      await expect.poll(() => channelValue(page, 'key'), { timeout: 5000 }).toBe(64);
      expect(await channelValue(page, 'velocity')).toBe(100);
      await page.evaluate(() => (window as unknown as { testKeys: { onmidimessage(e: { data: Uint8Array }): void } }).testKeys.onmidimessage({ data: Uint8Array.of(0x80, 64, 0, 0x90, 67, 90) }));
      await expect.poll(() => channelValue(page, 'key'), { timeout: 5000 }).toBe(67);
      expect(await page.locator('.problem').count()).toBe(0);
    });
  });

  it('a CSD that turns on MIDI input (-M0) plays when the engine takes MIDI, and otherwise says why it cannot', async () => {
    const synth = await readFile(path.join(EXAMPLES, 'midi-synth.csd'), 'utf8');
    const withOption = synth.replace('-d -m6', '-d -m6 -M0');
    await withPlayground(hashOf(withOption), async (page) => {
      await page.click('#play');
      if ('pushMidi' in Csound.prototype) {
        await page.waitForFunction(() => document.body.dataset.state === 'playing', undefined, { timeout: 30_000 });
      } else {
        const problem = page.locator('.problem.error');
        await problem.waitFor();
        expect(await problem.textContent()).toContain('asks for MIDI input (-M in <CsOptions>)');
        expect(await page.evaluate(() => playground.state())).toBe('idle');
      }
    });
  });

  it('says so when the browser keeps audio suspended (autoplay policy), and plays once it allows it', async () => {
    await withPlayground('', async (page) => {
      // Automation counts as a user gesture in Chromium, so the policy itself cannot be triggered here: contexts
      // that stay suspended until the test "allows audio" stand in for a browser that holds audio back.
      await page.evaluate(() => {
        const held = window as unknown as { audioAllowed: boolean };
        held.audioAllowed = false;
        const Real = AudioContext;
        window.AudioContext = class extends Real {
          constructor(options?: AudioContextOptions) {
            super(options);
            void this.suspend();
          }
          override resume(): Promise<void> {
            return held.audioAllowed ? super.resume() : new Promise(() => {});
          }
        };
      });
      await page.selectOption('#example', 'fm-bells');
      await page.click('#play');
      const problem = page.locator('.problem.warning', { hasText: 'autoplay' });
      await problem.waitFor({ timeout: 10_000 });
      expect(await problem.textContent()).toContain('Click Play again');
      expect(await page.evaluate(() => playground.state())).toBe('idle');
      await page.evaluate(() => {
        (window as unknown as { audioAllowed: boolean }).audioAllowed = true;
      });
      await page.click('#play');
      await page.waitForFunction(() => document.body.dataset.state === 'playing', undefined, { timeout: 30_000 });
      await page.waitForFunction(() => (playground.performer()?.audioStats().quanta ?? 0) > 100);
    });
  });

  it('says so in the page when the engine cannot load, and keeps the editor', async () => {
    const context = await browser.newContext();
    try {
      // The production build names the wasm with a content hash (assets/csound-engine-<hash>.wasm).
      await context.route('**/csound-engine*.wasm', (route) => route.abort());
      const page = await context.newPage();
      await page.goto(`${server.url}/index.html`);
      const problem = page.locator('.problem.error', { hasText: 'could not load' });
      await problem.waitFor({ timeout: 30_000 });
      expect(await problem.textContent()).toContain('The Csound engine could not load');
      expect(await page.locator('.cm-content').textContent()).toContain('<CsoundSynthesizer>');
      expect(await page.locator('#play').isDisabled()).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('without cross-origin isolation it says which headers are missing, and the page still works', async () => {
    const opened = await openPlaygroundAt(`${server.url}${NO_ISOLATION_PREFIX}index.html`);
    try {
      const { page } = opened;
      expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
      const warning = await page.locator('.problem').first().textContent();
      expect(warning).toContain('not cross-origin isolated');
      expect(warning).toContain('Cross-Origin-Embedder-Policy: require-corp');
      expect(await page.locator('.cm-content').textContent()).toContain('<CsoundSynthesizer>');
      await page.click('#play');
      await expect.poll(() => page.locator('.problem.error').count(), { timeout: 5000 }).toBeGreaterThan(0);
      expect(await page.evaluate(() => playground.state())).toBe('idle');
      // Rendering runs on the page's own thread and needs no shared memory.
      await page.fill('#render-seconds', '1');
      const downloading = page.waitForEvent('download', { timeout: 60_000 });
      await page.click('#render');
      const wav = await readFile(await (await downloading).path());
      expect(wav.length).toBe(44 + 48000 * 2 * 3);
    } finally {
      await opened.close();
    }
  });
});

describe('playground page in Firefox (production build)', () => {
  let firefox: Awaited<ReturnType<typeof launchFirefox>> | undefined;

  beforeAll(async () => {
    firefox = await launchFirefox();
  }, 60_000);

  afterAll(async () => {
    await firefox?.close();
  });

  it('plays an example after a click on Play (a trusted click through WebDriver BiDi), and Stop ends it', async () => {
    const opened = await openFirefoxPage(firefox!, `${server.url}/index.html`);
    const { page } = opened;
    try {
      await page.waitForFunction(() => document.body.dataset.state === 'idle', { timeout: 30_000, polling: 50 });
      await page.select('#example', 'fm-bells');
      await page.click('#play');
      await page.waitForFunction(() => document.body.dataset.state === 'playing', { timeout: 30_000, polling: 50 });
      await page.waitForFunction(() => (playground.performer()?.audioStats().quanta ?? 0) > 300, { timeout: 30_000, polling: 50 });
      expect(await page.$$eval('.problem.error', (found) => found.length)).toBe(0);
      await page.click('#stop');
      await page.waitForFunction(() => document.body.dataset.state === 'idle', { timeout: 10_000, polling: 50 });
    } catch (error) {
      (error as Error).message += `\n${opened.report()}`;
      throw error;
    } finally {
      await opened.close();
    }
  });

  it('without cross-origin isolation it says which headers are missing, and Play does not start', async () => {
    const opened = await openFirefoxPage(firefox!, `${server.url}${NO_ISOLATION_PREFIX}index.html`);
    const { page } = opened;
    try {
      await page.waitForFunction(() => document.body.dataset.state === 'idle', { timeout: 30_000, polling: 50 });
      expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
      const warning = await page.$eval('.problem', (el) => el.textContent);
      expect(warning).toContain('not cross-origin isolated');
      expect(warning).toContain('Cross-Origin-Embedder-Policy: require-corp');
      await page.click('#play');
      // Before the click the page shows a warning; Play replaces it with an error.
      await page.waitForFunction(() => document.querySelector('.problem.error') !== null, { timeout: 5_000, polling: 50 });
      expect(await page.$eval('.problem.error', (el) => el.textContent)).toContain('nothing can play');
      expect(await page.evaluate(() => playground.state())).toBe('idle');
    } catch (error) {
      (error as Error).message += `\n${opened.report()}`;
      throw error;
    } finally {
      await opened.close();
    }
  });

  // The reason is the driver, not a known Firefox failure: the other steps are written against Playwright's Page
  // (locators, keyboard, download and request-routing events), Playwright cannot drive a stock Firefox, and
  // puppeteer-core (which drives it here over WebDriver BiDi) has a different API; a second copy of every step
  // would be the price. Whether Firefox passes them is untested. The engine paths they exercise (realtime
  // performance, control channels, offline renders, pause/play, messages) run in Firefox in harness.test.ts and
  // performer.test.ts.
  it.skip('the remaining playground steps (sliders, Evaluate, compile errors, links, Render to WAV, microphone, MIDI, autoplay, load failure, dev server) run in Chromium only: they use Playwright-only page APIs', () => {});
});

describe('npm start: the Vite dev server', () => {
  let dev: ViteDevServer | undefined;

  afterAll(async () => {
    await dev?.close();
  });

  it('serves the page cross-origin isolated and plays through the package served as built', async () => {
    dev = await createServer({ configFile: VITE_CONFIG, logLevel: 'warn', server: { port: 0, strictPort: false } });
    await dev.listen();
    const url = dev.resolvedUrls?.local[0];
    expect(url).toBeDefined();
    const response = await fetch(new URL('index.html', url));
    expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(response.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    const opened = await openPlaygroundAt(`${url}`);
    try {
      const { page } = opened;
      await play(page, 'fm-bells');
      await page.waitForFunction(() => (playground.performer()?.audioStats().quanta ?? 0) > 300);
      expect(await page.locator('.problem.error').count(), opened.report()).toBe(0);
    } finally {
      await opened.close();
    }
  });
});
