// Launching the system browsers and opening pages whose console output and errors are collected for failure
// reports:
// - Chromium (Debian's `chromium`) through playwright-core: launchBrowser() and openPage(), whose page is
//   Playwright's own (the playground test and the benchmark use its locators and screenshots);
// - Firefox (Debian's `firefox-esr`) through puppeteer-core over WebDriver BiDi. playwright-core cannot drive
//   it: its Firefox channel expects Playwright's patched build and fails on a stock one
//   (`emulation.setMediaFeaturesOverride: unknown command`).
// launchTestBrowser(name) gives either behind one small interface (TestPage), so a test body can run in both.
//
// No browser is ever downloaded: the executables are $CHROMIUM_PATH / $FIREFOX_PATH or found on $PATH. If one
// is missing, launching throws (tests fail, they do not skip): `scripts/setup-system.sh test` installs both.
import { accessSync, constants as fsConstants } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type ConsoleMessage, type Page } from 'playwright-core';
import puppeteer, {
  type Browser as PuppeteerBrowser,
  type ConsoleMessage as PuppeteerConsoleMessage,
  type Page as PuppeteerPage,
} from 'puppeteer-core';

export type BrowserName = 'chromium' | 'firefox';

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

/**
 * The preferences Firefox is started with, on top of puppeteer's automation defaults.
 *
 * media.cubeb.force_mock_context: a realtime AudioContext needs an audio device to run. Without one (a container
 * has no sound server and no /dev/snd) cubeb fails ("couldn't init pulse's context"), the graph gets an output of
 * 0 channels, the context stays "suspended" and resume() never settles. The mock cubeb context is a device that
 * plays nowhere, paced by the clock like a real one: the context, its worklets and currentTime advance at real
 * time. Tried without effect: media.cubeb.force_null_context, media.cubeb.sandbox false, the autoplay prefs
 * (media.autoplay.default 0, media.autoplay.blocking_policy 0) and a trusted click. Autoplay is not in the way:
 * with the mock context alone, resume() without a user gesture resolves.
 */
export const FIREFOX_PREFS: Readonly<Record<string, unknown>> = {
  'media.cubeb.force_mock_context': true,
};

/** The first executable of `names` on $PATH, or $`envVar` when set; otherwise a thrown Error with `help`. */
function findExecutable(what: string, envVar: string, names: string[], help: string[]): string {
  const fromEnv = process.env[envVar];
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  const candidates = fromEnv ? [fromEnv] : names.flatMap((name) => dirs.map((dir) => path.join(dir, name)));
  for (const candidate of candidates) {
    try {
      accessSync(candidate, fsConstants.X_OK);
      return candidate;
    } catch {
      // keep looking
    }
  }
  throw new Error(
    [
      `${what} was not found, so the browser tests cannot run.`,
      fromEnv
        ? `${envVar}=${fromEnv} is not an executable file.`
        : `Looked for ${names.map((n) => `"${n}"`).join(' and ')} on PATH (${dirs.length} directories).`,
      ...help,
    ].join('\n'),
  );
}

/** Absolute path of the Chromium executable, or a thrown Error that says how to install it. */
export function findChromium(): string {
  return findExecutable('Chromium', 'CHROMIUM_PATH', ['chromium'], [
    "Install Debian's package:  apt-get install -y chromium   (or run: bash scripts/setup-system.sh test)",
    'or point CHROMIUM_PATH at a Chromium/Chrome executable. (Do not use "npx playwright install".)',
  ]);
}

/** Absolute path of the Firefox executable, or a thrown Error that says how to install it. */
export function findFirefox(): string {
  return findExecutable('Firefox', 'FIREFOX_PATH', ['firefox-esr', 'firefox'], [
    "Install Debian's package:  apt-get install -y firefox-esr   (or run: bash scripts/setup-system.sh test)",
    'or point FIREFOX_PATH at a Firefox executable. (Do not use "npx puppeteer browsers install".)',
  ]);
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

/**
 * Starts headless Firefox over WebDriver BiDi with a fresh profile directory (removed again when the browser
 * closes) holding puppeteer's automation preferences and FIREFOX_PREFS.
 */
export async function launchFirefox(): Promise<PuppeteerBrowser> {
  const executablePath = findFirefox();
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'csound-wasm-firefox-'));
  let browser: PuppeteerBrowser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless: true,
      userDataDir,
      extraPrefsFirefox: { ...FIREFOX_PREFS },
      timeout: 30_000,
    });
  } catch (err) {
    await rm(userDataDir, { recursive: true, force: true });
    throw err;
  }
  browser.on('disconnected', () => {
    void rm(userDataDir, { recursive: true, force: true, maxRetries: 3 });
  });
  const close = browser.close.bind(browser);
  browser.close = async () => {
    await close();
    await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 });
  };
  return browser;
}

export interface OpenedPage<P = Page> {
  page: P;
  /** Console messages, as `[type] text (url:line)`, in arrival order. */
  console: string[];
  /** Uncaught page errors, failed requests and HTTP error responses. */
  errors: string[];
  /** Everything collected so far, for a failure message. */
  report(): string;
  /** Closes the page and its browser context. */
  close(): Promise<void>;
}

/** One console message as the reports show it. Line numbers are 0-based in both protocols. */
function formatConsole(type: string, text: string, loc: { url?: string; lineNumber?: number }): string {
  const where = loc.url ? ` (${loc.url}:${(loc.lineNumber ?? -1) + 1})` : '';
  return `[${type}] ${text}${where}`;
}

/** The page events both drivers report in the same shape; `subscribe` wires them to the collectors. */
async function collectAndGo<P>(
  url: string,
  page: P,
  subscribe: (console: string[], errors: string[]) => void,
  goto: () => Promise<{ ok(): boolean; status(): number } | null>,
  closeContext: () => Promise<void>,
): Promise<OpenedPage<P>> {
  const consoleLines: string[] = [];
  const errors: string[] = [];
  subscribe(consoleLines, errors);
  const opened: OpenedPage<P> = {
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
    close: closeContext,
  };
  try {
    const response = await goto();
    if (!response || !response.ok()) {
      throw new Error(`GET ${url} -> ${response ? response.status() : 'no response'}`);
    }
  } catch (err) {
    const report = opened.report();
    await closeContext().catch(() => {});
    throw new Error(`${(err as Error).message}\n${report}`);
  }
  return opened;
}

/**
 * Opens `url` in a new browser context and waits for its `load` event. Console messages and errors
 * are collected from the start (the page's `console` events include its dedicated workers' output).
 */
export async function openPage(browser: Browser, url: string): Promise<OpenedPage> {
  const context = await browser.newContext();
  const page = await context.newPage();
  return collectAndGo(
    url,
    page,
    (consoleLines, errors) => {
      page.on('console', (msg: ConsoleMessage) => consoleLines.push(formatConsole(msg.type(), msg.text(), msg.location())));
      page.on('pageerror', (err) => errors.push(`[pageerror] ${err.stack ?? err.message}`));
      page.on('crash', () => errors.push('[crash] the page crashed'));
      page.on('requestfailed', (req) => errors.push(`[requestfailed] ${req.url()}: ${req.failure()?.errorText ?? '?'}`));
      page.on('response', (res) => {
        if (res.status() >= 400) errors.push(`[http ${res.status()}] ${res.url()}`);
      });
    },
    () => page.goto(url, { waitUntil: 'load', timeout: 15_000 }),
    () => context.close(),
  );
}

/** The same as openPage(), in Firefox: a new browser context (a BiDi user context) per page. */
export async function openFirefoxPage(browser: PuppeteerBrowser, url: string): Promise<OpenedPage<PuppeteerPage>> {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  return collectAndGo(
    url,
    page,
    (consoleLines, errors) => {
      page.on('console', (msg: PuppeteerConsoleMessage) => consoleLines.push(formatConsole(msg.type(), msg.text(), msg.location())));
      page.on('pageerror', (err) => errors.push(`[pageerror] ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`));
      page.on('requestfailed', (req) => errors.push(`[requestfailed] ${req.url()}: ${req.failure()?.errorText ?? '?'}`));
      page.on('response', (res) => {
        if (res.status() >= 400) errors.push(`[http ${res.status()}] ${res.url()}`);
      });
    },
    () => page.goto(url, { waitUntil: 'load', timeout: 15_000 }),
    () => context.close(),
  );
}

/** What the shared test bodies do with a page, in either browser. */
export interface TestPage {
  /** Runs `fn(arg)` in the page; `arg` and the result cross as serialisable values. */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Resolves once `fn(arg)` returns something truthy in the page (default timeout 30 s). */
  waitForFunction<A = undefined>(fn: (arg: A) => unknown, arg?: A, options?: { timeout?: number }): Promise<void>;
}

export interface TestBrowser {
  name: BrowserName;
  open(url: string): Promise<OpenedPage<TestPage>>;
  close(): Promise<void>;
}

function playwrightTestPage(page: Page): TestPage {
  return {
    evaluate: (fn, arg) => page.evaluate(fn, arg as never),
    waitForFunction: async (fn, arg, options) => {
      await page.waitForFunction(fn, arg as never, { timeout: options?.timeout ?? 30_000 });
    },
  };
}

function puppeteerTestPage(page: PuppeteerPage): TestPage {
  return {
    evaluate: (fn, arg) => page.evaluate(fn as (a: unknown) => never, arg),
    waitForFunction: async (fn, arg, options) => {
      // An interval instead of puppeteer's default (requestAnimationFrame): no frame has to be painted.
      await page.waitForFunction(fn as (a: unknown) => unknown, { timeout: options?.timeout ?? 30_000, polling: 20 }, arg);
    },
  };
}

/** Launches `name` headless (see launchBrowser() and launchFirefox()) behind the TestPage interface. */
export async function launchTestBrowser(name: BrowserName): Promise<TestBrowser> {
  if (name === 'chromium') {
    const browser = await launchBrowser();
    return {
      name,
      open: async (url) => {
        const opened = await openPage(browser, url);
        return { ...opened, page: playwrightTestPage(opened.page) };
      },
      close: () => browser.close(),
    };
  }
  const browser = await launchFirefox();
  return {
    name,
    open: async (url) => {
      const opened = await openFirefoxPage(browser, url);
      return { ...opened, page: puppeteerTestPage(opened.page) };
    },
    close: () => browser.close(),
  };
}
