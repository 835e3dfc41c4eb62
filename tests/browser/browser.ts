// Launching the system Chromium (Debian's `chromium` package) through playwright-core, and opening
// pages whose console output and errors are collected for failure reports.
//
// No browser is ever downloaded: the executable is $CHROMIUM_PATH or `chromium` on $PATH. If it is
// missing, launchBrowser() throws (tests fail, they do not skip): `scripts/setup-system.sh test`
// installs it.
import { accessSync, constants as fsConstants } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type ConsoleMessage, type Page } from 'playwright-core';

/** The switches Chromium is started with (besides the DevTools pipe, the startup window and the profile dir). */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--autoplay-policy=no-user-gesture-required',
  // Quietness/robustness in a container; none of these changes what a page can do.
  '--no-default-browser-check',
  '--disable-extensions',
  '--disable-breakpad',
  '--disable-dev-shm-usage',
  '--password-store=basic',
  // Keep timers and audio of the (invisible) pages at full speed.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];

/** Absolute path of the Chromium executable, or a thrown Error that says how to install it. */
export function findChromium(): string {
  const tried: string[] = [];
  const fromEnv = process.env.CHROMIUM_PATH;
  const candidates = fromEnv
    ? [fromEnv]
    : (process.env.PATH ?? '')
        .split(path.delimiter)
        .filter(Boolean)
        .map((dir) => path.join(dir, 'chromium'));
  for (const candidate of candidates) {
    tried.push(candidate);
    try {
      accessSync(candidate, fsConstants.X_OK);
      return candidate;
    } catch {
      // keep looking
    }
  }
  throw new Error(
    [
      'Chromium was not found, so the browser tests cannot run.',
      fromEnv ? `CHROMIUM_PATH=${fromEnv} is not an executable file.` : `Looked for "chromium" on PATH (${tried.length} directories).`,
      'Install Debian\'s package:  apt-get install -y chromium   (or run: bash scripts/setup-system.sh test)',
      'or point CHROMIUM_PATH at a Chromium/Chrome executable. (Do not use "npx playwright install".)',
    ].join('\n'),
  );
}

/**
 * Starts headless Chromium with a fresh profile directory (removed again when the browser closes).
 * Playwright's own default switches are not used: the command line is exactly CHROMIUM_ARGS plus
 * what Playwright needs to talk to the browser.
 */
export async function launchBrowser(options: { extraArgs?: string[] } = {}): Promise<Browser> {
  const executablePath = findChromium();
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'csound-wasm-chromium-'));
  let browser: Browser;
  try {
    browser = await chromium.launch({
      executablePath,
      headless: true,
      // Playwright refuses --user-data-dir among `args` unless it passes no switches of its own.
      ignoreDefaultArgs: true,
      args: [
        ...CHROMIUM_ARGS,
        ...(options.extraArgs ?? []),
        `--user-data-dir=${userDataDir}`,
        '--remote-debugging-pipe',
        '--no-startup-window',
      ],
      timeout: 30_000,
    });
  } catch (err) {
    await rm(userDataDir, { recursive: true, force: true });
    throw err;
  }
  // 'disconnected' fires once the browser process is gone (after close() or a crash).
  browser.on('disconnected', () => {
    void rm(userDataDir, { recursive: true, force: true, maxRetries: 3 });
  });
  const close = browser.close.bind(browser);
  browser.close = async (...args: Parameters<Browser['close']>) => {
    await close(...args);
    await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 });
  };
  return browser;
}

export interface OpenedPage {
  page: Page;
  /** Console messages, as `[type] text (url:line)`, in arrival order. */
  console: string[];
  /** Uncaught page errors, failed requests and HTTP error responses. */
  errors: string[];
  /** Everything collected so far, for a failure message. */
  report(): string;
  /** Closes the page and its browser context. */
  close(): Promise<void>;
}

function formatConsole(msg: ConsoleMessage): string {
  const loc = msg.location();
  const where = loc.url ? ` (${loc.url}:${loc.lineNumber + 1})` : '';
  return `[${msg.type()}] ${msg.text()}${where}`;
}

/**
 * Opens `url` in a new browser context and waits for its `load` event. Console messages and errors
 * are collected from the start (the page's `console` events include its dedicated workers' output).
 */
export async function openPage(browser: Browser, url: string): Promise<OpenedPage> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const consoleLines: string[] = [];
  const errors: string[] = [];
  page.on('console', (msg) => consoleLines.push(formatConsole(msg)));
  page.on('pageerror', (err) => errors.push(`[pageerror] ${err.stack ?? err.message}`));
  page.on('crash', () => errors.push('[crash] the page crashed'));
  page.on('requestfailed', (req) => errors.push(`[requestfailed] ${req.url()}: ${req.failure()?.errorText ?? '?'}`));
  page.on('response', (res) => {
    if (res.status() >= 400) errors.push(`[http ${res.status()}] ${res.url()}`);
  });

  const opened: OpenedPage = {
    page,
    console: consoleLines,
    errors,
    report: () =>
      [
        `page: ${url}`,
        `console (${consoleLines.length}):`,
        ...consoleLines.map((l) => `  ${l}`),
        `errors (${errors.length}):`,
        ...errors.map((l) => `  ${l}`),
      ].join('\n'),
    close: () => context.close(),
  };

  try {
    const response = await page.goto(url, { waitUntil: 'load', timeout: 15_000 });
    if (!response || !response.ok()) {
      throw new Error(`GET ${url} -> ${response ? response.status() : 'no response'}`);
    }
  } catch (err) {
    const report = opened.report();
    await context.close().catch(() => {});
    throw new Error(`${(err as Error).message}\n${report}`);
  }
  return opened;
}
