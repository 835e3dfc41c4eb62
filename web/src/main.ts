// The playground page: edit a CSD, play it on the audio thread, tweak it through its channels, evaluate code
// into the running engine, and render it to a WAV file. It uses only csound-wasm's public API, so it is also the
// reference for using the package in a browser.
import { Csound, CsoundError, CsoundPerformanceThread } from 'csound-wasm';
import { microphoneProblem, openMicrophone, usesAudioInput } from './audio-input.js';
import { ChannelPanel } from './channels.js';
import { ConsolePane } from './console-pane.js';
import { diagnoseCompile, diagnoseRuntime, type Diagnosis } from './diagnostics.js';
import { CsdEditor } from './editor.js';
import { EXAMPLES, exampleById, type Example } from './examples.js';
import { hasMidiOption, MidiInput, midiSinkOf, usesMidi } from './midi.js';
import { OutputView } from './output-view.js';
import { renderWav } from './render.js';
import { hashForExample, hashForText, readHash } from './url-state.js';

/** Frames of the output ring the scope and spectrum read: about 170 ms at 48 kHz. */
const OUTPUT_RING_FRAMES = 8192;
/** How long Play waits for the browser to let audio run before it explains the autoplay policy. */
const AUTOPLAY_WAIT_MS = 2000;

type PlayState = 'loading' | 'idle' | 'starting' | 'playing' | 'paused';

/** One performance: its own Csound instance, the performer, and what the page attached to them. */
interface Session {
  cs: Csound;
  pt: CsoundPerformanceThread;
  microphone: { stream: MediaStream; source: MediaStreamAudioSourceNode } | null;
  /**
   * Csound keeps counting orchestra lines from the CSD it compiled first: code compiled later reports its line N
   * as N + the line number of the CSD's <CsInstruments> tag.
   */
  orchestraLineOffset: number;
  ended: boolean;
  /** Audio-thread totals at the last CPU-meter update. */
  lastQuanta: number;
  lastTotalMs: number;
}

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`the page has no #${id}`);
  return found as T;
}

const ui = {
  example: element<HTMLSelectElement>('example'),
  play: element<HTMLButtonElement>('play'),
  pause: element<HTMLButtonElement>('pause'),
  stop: element<HTMLButtonElement>('stop'),
  evaluate: element<HTMLButtonElement>('evaluate'),
  render: element<HTMLButtonElement>('render'),
  renderSeconds: element<HTMLInputElement>('render-seconds'),
  renderProgress: element<HTMLProgressElement>('render-progress'),
  download: element<HTMLAnchorElement>('download'),
  state: element<HTMLElement>('state'),
  problems: element<HTMLElement>('problems'),
  cpu: element<HTMLElement>('cpu'),
  cpuMeter: element<HTMLMeterElement>('cpu-meter'),
  underruns: element<HTMLElement>('underruns'),
  inputStatus: element<HTMLElement>('input-status'),
  midiStatus: element<HTMLElement>('midi-status'),
  clearConsole: element<HTMLButtonElement>('clear-console'),
};

const consolePane = new ConsolePane(element('console'));
const channels = new ChannelPanel(element('controls'));
const outputView = new OutputView(element<HTMLCanvasElement>('scope'), element<HTMLCanvasElement>('spectrum'));
/** Added to the MIDI status while the engine cannot take MIDI from the page. */
let midiEngineNote = '';
const midi = new MidiInput((text) => (ui.midiStatus.textContent = `${text}${midiEngineNote}`));

let state: PlayState = 'loading';
let session: Session | null = null;
let audioContext: AudioContext | null = null;
let currentExample: Example | null = null;
/** An instance created ahead of time, so that Play compiles at once (inside the click's user activation). */
let spareEngine: Promise<Csound> | null = null;
let rendering: { cancel: boolean } | null = null;
let editor: CsdEditor;

// ---------------------------------------------------------------- problems shown in the page

function showProblem(message: string, options: { kind?: 'error' | 'warning'; line?: number | null } = {}): void {
  const box = document.createElement('div');
  box.className = `problem ${options.kind ?? 'error'}`;
  const close = document.createElement('button');
  close.className = 'close';
  close.textContent = '×';
  close.title = 'Dismiss';
  close.addEventListener('click', () => box.remove());
  box.append(close);
  if (options.line !== undefined && options.line !== null) {
    const line = options.line;
    const go = document.createElement('button');
    go.className = 'goto';
    go.textContent = `Line ${line}`;
    go.addEventListener('click', () => editor.goToLine(line));
    box.append(go, ': ');
    editor.markErrorLine(line);
  }
  box.append(message);
  ui.problems.append(box);
}

function clearProblems(): void {
  ui.problems.textContent = '';
  editor?.markErrorLine(null);
}

function showDiagnosis(prefix: string, diagnosis: Diagnosis): void {
  showProblem(`${prefix}${diagnosis.message}`, { line: diagnosis.line });
}

/** Any error, in one line (a CsoundError's first line; its `messages` are in the console). */
function describeError(error: unknown): string {
  if (error instanceof CsoundError) return error.message.split('\n')[0];
  if (error instanceof Error) return error.message;
  return String(error);
}

// Nothing escapes silently: an uncaught error becomes a problem in the page, and the page stays usable.
Object.assign(window, { playgroundReportsErrors: true });
window.addEventListener('error', (event) => showProblem(`Unexpected error: ${event.message}`));
window.addEventListener('unhandledrejection', (event) => showProblem(`Unexpected error: ${describeError(event.reason)}`));

// ---------------------------------------------------------------- state and buttons

function setState(next: PlayState, detail = ''): void {
  state = next;
  document.body.dataset.state = next;
  const words: Record<PlayState, string> = {
    loading: 'loading the engine…',
    idle: 'ready',
    starting: 'starting…',
    playing: 'playing',
    paused: 'paused',
  };
  ui.state.textContent = detail === '' ? words[next] : `${words[next]} · ${detail}`;
  ui.state.className = `state ${next}`;
  const live = next === 'playing' || next === 'paused';
  ui.play.disabled = next === 'loading' || next === 'starting';
  ui.pause.disabled = !live;
  ui.pause.textContent = next === 'paused' ? '▶ Continue' : '❚❚ Pause';
  ui.stop.disabled = !live;
  ui.evaluate.disabled = !live;
}

function newEngine(): Promise<Csound> {
  return Csound.create({ messages: 'none' });
}

async function takeEngine(): Promise<Csound> {
  const engine = spareEngine ?? newEngine();
  spareEngine = newEngine();
  spareEngine.catch(() => {
    spareEngine = null;
  });
  return engine;
}

function contextFor(sampleRate: number): AudioContext {
  if (audioContext !== null && audioContext.sampleRate === sampleRate && audioContext.state !== 'closed') return audioContext;
  void audioContext?.close();
  audioContext = new AudioContext({ sampleRate, latencyHint: 'interactive' });
  return audioContext;
}

function onMessage(attr: number, text: string): void {
  consolePane.message(attr, text);
  const runtime = diagnoseRuntime(text);
  if (runtime !== null) showProblem(runtime.message, { kind: 'warning', line: runtime.line });
}

async function play(): Promise<void> {
  if (state === 'paused' && session !== null) {
    void session.pt.play();
    setState('playing');
    return;
  }
  if (state === 'loading' || state === 'starting') return;
  // Some browsers let a context start only from within the click itself, before any await.
  if (audioContext !== null && audioContext.state === 'suspended') void audioContext.resume();
  if (session !== null) await stop();
  clearProblems();
  if (!crossOriginIsolated) {
    showProblem('This page is not cross-origin isolated, so the audio thread cannot share the engine\'s memory and ' +
      'nothing can play. Serve it with the headers "Cross-Origin-Opener-Policy: same-origin" and ' +
      '"Cross-Origin-Embedder-Policy: require-corp" (npm start does). Render to WAV still works.');
    return;
  }
  setState('starting');
  const text = editor.text();
  let cs: Csound | null = null;
  let microphone: Session['microphone'] = null;
  try {
    cs = await takeEngine();
    cs.setMessageCallback(onMessage);
    const wantsMidi = usesMidi(text);
    const midiSink = midiSinkOf(cs);
    if (wantsMidi && midiSink !== null && !hasMidiOption(text)) cs.setOption('-M0');
    try {
      cs.compileCsdText(text);
    } catch (error) {
      if (error instanceof CsoundError) {
        showDiagnosis('The orchestra did not compile: ', diagnoseCompile(error.messages));
        cs.destroy();
        setState('idle');
        return;
      }
      throw error;
    }
    const context = contextFor(cs.sr());
    const resumed = await Promise.race([
      context.resume().then(() => true),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), AUTOPLAY_WAIT_MS)),
    ]);
    if (!resumed || context.state !== 'running') {
      showProblem('The browser is holding sound back until you interact with the page (its autoplay policy). ' +
        'Click Play again.', { kind: 'warning' });
      cs.destroy();
      setState('idle');
      return;
    }
    cs.start();
    const shown = channels.build(cs);
    if (usesAudioInput(text)) {
      if (cs.channels(true) < 1) {
        showProblem('The orchestra reads audio input but has no input channels: set nchnls_i = 1 (or 2).', { kind: 'warning' });
      } else {
        ui.inputStatus.textContent = 'asking…';
        try {
          const stream = await openMicrophone();
          microphone = { stream, source: context.createMediaStreamSource(stream) };
          ui.inputStatus.textContent = stream.getAudioTracks()[0]?.label || 'microphone';
        } catch (error) {
          ui.inputStatus.textContent = 'off';
          showProblem(microphoneProblem(error), { kind: 'warning' });
        }
      }
    }
    const pt = new CsoundPerformanceThread(cs, { audioContext: context, outputRingFrames: OUTPUT_RING_FRAMES });
    await pt.play();
    pt.resetAudioStats();
    const node = pt.audioNode();
    if (microphone !== null && node !== null) microphone.source.connect(node);
    if (wantsMidi) {
      midiEngineNote = midiSink === null ? ' (this engine build takes no MIDI yet)' : '';
      ui.midiStatus.textContent = `opening…${midiEngineNote}`;
      midi.setSink(midiSink);
      void midi.open();
    }
    const orchestraLineOffset = text.split('\n').findIndex((line) => /<CsInstruments>/i.test(line)) + 1;
    const perf: Session = { cs, pt, microphone, orchestraLineOffset, ended: false, lastQuanta: 0, lastTotalMs: 0 };
    session = perf;
    outputView.attach(pt, cs.channels(), cs.get0dBFS(), cs.sr());
    setState('playing', `${cs.sr()} Hz, ksmps ${cs.ksmps()}, ${cs.channels()} ch${shown > 0 ? `, ${shown} channels` : ''}`);
    void pt.join().then((status) => ended(perf, status));
  } catch (error) {
    if (error instanceof CsoundError && error.messages.length > 0) showDiagnosis('Could not start: ', diagnoseCompile(error.messages));
    else showProblem(`Could not start: ${describeError(error)}`);
    if (microphone !== null) for (const track of microphone.stream.getTracks()) track.stop();
    ui.inputStatus.textContent = 'off';
    try {
      cs?.destroy();
    } catch {
      // the instance may already be gone
    }
    setState('idle');
  }
}

function togglePause(): void {
  const perf = session;
  if (perf === null) return;
  if (state === 'playing') {
    perf.pt.pause();
    setState('paused');
  } else if (state === 'paused') {
    void perf.pt.play();
    setState('playing');
  }
}

async function stop(): Promise<void> {
  const perf = session;
  if (perf === null) return;
  perf.pt.stop();
  const status = await perf.pt.join();
  ended(perf, status);
}

/** Tears a performance down once it has ended (score end, Stop, or an error on the audio thread). */
function ended(perf: Session, status: number): void {
  if (perf.ended) return;
  perf.ended = true;
  outputView.detach();
  channels.disable();
  midi.setSink(null);
  if (perf.microphone !== null) {
    perf.microphone.source.disconnect();
    for (const track of perf.microphone.stream.getTracks()) track.stop();
    ui.inputStatus.textContent = 'off';
  }
  try {
    perf.cs.destroy();
  } catch {
    // a trapped instance is already retired
  }
  if (session === perf) {
    session = null;
    setState('idle');
  }
  if (status < 0) showProblem('The performance stopped because of an error; the console has Csound\'s messages.');
  else consolePane.note('— performance ended —');
}

// ---------------------------------------------------------------- Evaluate: code into the running engine

function isScoreText(code: string): boolean {
  const lines = code.split('\n').map((l) => l.replace(/;.*$/, '').trim()).filter((l) => l.length > 0);
  return lines.length > 0 && lines.every((l) => /^[ifea]\s*[-\d."]/.test(l));
}

function evaluate(): void {
  const perf = session;
  if (perf === null) {
    showProblem('Evaluate sends code to a running performance: press Play first.', { kind: 'warning' });
    return;
  }
  const target = editor.evaluationTarget();
  if (target.text.trim() === '') return;
  clearProblems();
  if (isScoreText(target.text)) {
    perf.pt.inputMessage(target.text);
    editor.flash(target.from, target.to);
    consolePane.note(`evaluated score line${target.text.trim().includes('\n') ? 's' : ''} at line ${target.line}`);
    return;
  }
  const lastLine = target.line + target.text.split('\n').length - 1;
  const where = `line${lastLine > target.line ? `s ${target.line}–${lastLine}` : ` ${target.line}`}`;
  try {
    // Code with a `return` outside instruments is an expression to evaluate: show its value.
    if (/^\s*return\b/m.test(target.text) && !/^\s*(instr|opcode)\b/m.test(target.text)) {
      const value = perf.cs.evalCode(target.text);
      editor.flash(target.from, target.to);
      consolePane.note(`evaluated ${where}: ${value}`);
      return;
    }
    perf.cs.compileOrc(target.text);
    editor.flash(target.from, target.to);
    consolePane.note(`evaluated ${where}`);
  } catch (error) {
    if (!(error instanceof CsoundError)) throw error;
    const diagnosis = diagnoseCompile(error.messages);
    // Lines of an evaluated snippet count from its own first line (after Csound's offset).
    const snippetLine = diagnosis.line === null ? null : diagnosis.line - perf.orchestraLineOffset;
    const line = snippetLine === null || snippetLine < 1 ? null : target.line + snippetLine - 1;
    showDiagnosis('Evaluate: the code did not compile: ', { message: diagnosis.message, line });
  }
}

// ---------------------------------------------------------------- Render to WAV

function fileName(): string {
  return currentExample !== null && editor.text() === currentExample.text ? currentExample.id : 'csound-playground';
}

async function render(): Promise<void> {
  if (rendering !== null) {
    rendering.cancel = true;
    return;
  }
  const seconds = Number(ui.renderSeconds.value);
  if (!(seconds > 0 && seconds <= 600)) {
    showProblem('The render length must be a number of seconds between 0.5 and 600.', { kind: 'warning' });
    return;
  }
  clearProblems();
  const job = { cancel: false };
  rendering = job;
  ui.render.textContent = 'Cancel render';
  ui.renderProgress.hidden = false;
  ui.renderProgress.value = 0;
  ui.download.hidden = true;
  const started = performance.now();
  try {
    const result = await renderWav(editor.text(), {
      seconds,
      onProgress: (fraction) => (ui.renderProgress.value = fraction),
      onMessage: (attr, text) => consolePane.message(attr, text),
      prepare: (cs) => channels.applyValues(cs),
      cancelled: () => job.cancel,
    });
    const name = `${fileName()}.wav`;
    if (ui.download.href.startsWith('blob:')) URL.revokeObjectURL(ui.download.href);
    ui.download.href = URL.createObjectURL(new Blob([result.wav], { type: 'audio/wav' }));
    ui.download.download = name;
    ui.download.textContent = `${name} (${result.seconds.toFixed(1)} s, ${(result.wav.length / 1048576).toFixed(1)} MB)`;
    ui.download.hidden = false;
    ui.download.click();
    const peak = Number.isFinite(result.peakDb) ? `${result.peakDb.toFixed(1)} dBFS` : 'silent';
    consolePane.note(`rendered ${name}: ${result.channels} ch, ${result.sampleRate} Hz, ${result.seconds.toFixed(2)} s, ` +
      `peak ${peak}, in ${Math.round(performance.now() - started)} ms`);
  } catch (error) {
    if (error instanceof CsoundError && error.operation.startsWith('compile')) {
      showDiagnosis('Render: the orchestra did not compile: ', diagnoseCompile(error.messages));
    } else if (error instanceof CsoundError && error.messages.length > 0) {
      showDiagnosis('Render failed: ', diagnoseCompile(error.messages));
    } else if (!job.cancel) {
      showProblem(`Render failed: ${describeError(error)}`);
    } else {
      consolePane.note('render cancelled', 'warning');
    }
  } finally {
    rendering = null;
    ui.render.textContent = 'Render to WAV';
    ui.renderProgress.hidden = true;
  }
}

// ---------------------------------------------------------------- examples and the URL hash

function fillExamplePicker(): void {
  const custom = document.createElement('option');
  custom.value = '';
  custom.textContent = '(your text)';
  ui.example.append(custom);
  for (const example of EXAMPLES) {
    const option = document.createElement('option');
    option.value = example.id;
    option.textContent = example.title;
    ui.example.append(option);
  }
}

function showExample(example: Example): void {
  currentExample = example;
  ui.example.value = example.id;
  channels.forgetValues();
  editor.setText(example.text);
  history.replaceState(null, '', hashForExample(example.id));
}

let hashTimer: ReturnType<typeof setTimeout> | null = null;
/** The hash the page wrote last, so that its own updates are not read back as navigation. */
let writtenHash = '';

function textChanged(): void {
  if (hashTimer !== null) clearTimeout(hashTimer);
  hashTimer = setTimeout(() => void syncHash(), 300);
}

async function syncHash(): Promise<void> {
  const text = editor.text();
  const unchanged = currentExample !== null && text === currentExample.text;
  if (!unchanged) ui.example.value = '';
  const hash = unchanged && currentExample !== null ? hashForExample(currentExample.id) : await hashForText(text);
  if (hash !== location.hash) {
    writtenHash = hash;
    history.replaceState(null, '', hash);
  }
}

async function textFromHash(): Promise<{ text: string; example: Example | null }> {
  try {
    const parsed = await readHash(location.hash);
    if (parsed.kind === 'text') return { text: parsed.text, example: null };
    if (parsed.kind === 'example') {
      const example = exampleById(parsed.id);
      if (example !== undefined) return { text: example.text, example };
      showProblem(`The link names an example "${parsed.id}" that does not exist; showing the first one.`, { kind: 'warning' });
    }
  } catch (error) {
    showProblem(`The text in the link could not be read (${describeError(error)}); showing the first example.`, { kind: 'warning' });
  }
  return { text: EXAMPLES[0].text, example: EXAMPLES[0] };
}

// ---------------------------------------------------------------- the drawing loop and meters

function frame(): void {
  consolePane.flush();
  outputView.update();
  channels.updateMeters();
  requestAnimationFrame(frame);
}

function updateStats(): void {
  const perf = session;
  if (perf === null) {
    ui.cpu.textContent = '–';
    ui.cpuMeter.value = 0;
    return;
  }
  const stats = perf.pt.audioStats();
  const totalMs = stats.meanMs * stats.quanta;
  const quanta = stats.quanta - perf.lastQuanta;
  if (quanta > 0) {
    const load = (totalMs - perf.lastTotalMs) / quanta / stats.quantumMs;
    ui.cpu.textContent = `${Math.round(load * 100)}%`;
    ui.cpuMeter.value = Math.min(1, load);
  }
  perf.lastQuanta = stats.quanta;
  perf.lastTotalMs = totalMs;
  ui.underruns.textContent = String(stats.underruns);
}

/** Opcode names for highlighting, from the engine itself (`-z` prints them). */
async function loadOpcodeNames(): Promise<Set<string>> {
  const cs = await Csound.create({ messages: 'none' });
  const printed: string[] = [];
  cs.setMessageCallback((_attr, text) => printed.push(text));
  cs.setOption('-z');
  cs.destroy();
  const names = new Set<string>();
  for (const line of printed) {
    if (/^\s*\d+ opcodes/.test(line)) continue;
    for (const name of line.split(/\s+/)) if (name.length > 1) names.add(name);
  }
  return names;
}

// ---------------------------------------------------------------- start-up

async function main(): Promise<void> {
  setState('loading');
  fillExamplePicker();
  editor = new CsdEditor(element('editor'), '', { evaluate, play: () => void play(), changed: textChanged });
  const initial = await textFromHash();
  editor.setText(initial.text);
  currentExample = initial.example;
  ui.example.value = initial.example?.id ?? '';
  writtenHash = location.hash;

  ui.example.addEventListener('change', () => {
    const example = exampleById(ui.example.value);
    if (example !== undefined) showExample(example);
  });
  ui.play.addEventListener('click', () => void play());
  ui.pause.addEventListener('click', togglePause);
  ui.stop.addEventListener('click', () => void stop());
  ui.evaluate.addEventListener('click', evaluate);
  ui.render.addEventListener('click', () => void render());
  ui.clearConsole.addEventListener('click', () => consolePane.clear());
  window.addEventListener('hashchange', () => {
    if (location.hash === writtenHash) return;
    void textFromHash().then(({ text, example }) => {
      currentExample = example;
      ui.example.value = example?.id ?? '';
      channels.forgetValues();
      editor.setText(text);
    });
  });
  requestAnimationFrame(frame);
  setInterval(updateStats, 500);

  if (!crossOriginIsolated) {
    showProblem('This page is not cross-origin isolated, so it cannot play (the audio thread shares the engine\'s ' +
      'memory). Serve it with "Cross-Origin-Opener-Policy: same-origin" and "Cross-Origin-Embedder-Policy: ' +
      'require-corp"; npm start does. Render to WAV works anyway.', { kind: 'warning' });
  }
  try {
    const opcodes = await loadOpcodeNames();
    editor.setOpcodes(opcodes);
    spareEngine = newEngine();
    await spareEngine;
    setState('idle', `${opcodes.size} opcodes`);
  } catch (error) {
    setState('idle');
    ui.play.disabled = true;
    ui.render.disabled = true;
    showProblem(`The Csound engine could not load: ${describeError(error)}`);
  }
}

/** For tests and the browser console: the running engine and a few page functions. */
Object.assign(window, {
  playground: {
    csound: () => session?.cs ?? null,
    performer: () => session?.pt ?? null,
    state: () => state,
    text: () => editor.text(),
    setText: (text: string) => editor.setText(text),
    select: (snippet: string) => editor.select(snippet),
    placeCursor: (snippet: string) => editor.placeCursor(snippet),
    console: () => consolePane.text(),
  },
});

main().catch((error: unknown) => showProblem(`The playground failed to start: ${describeError(error)}`));
