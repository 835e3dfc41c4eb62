// OSC opcodes through the host. Native Csound's OSCinit/OSClisten/OSCsend_lo use liblo over UDP; the wasm build
// compiles the same Opcodes/OSC.c against a socket-free liblo (cpp/osc/host_osc.c), so the host hands received
// packets to Csound.oscDeliver and collects sent ones with Csound.oscTake. The same orchestra runs natively, fed by
// and sending to real UDP sockets of this process, and in wasm, fed and drained through the API: what OSClisten
// read and what OSCsend_lo sent must be the same.
import { spawn } from 'node:child_process';
import { createSocket, type Socket } from 'node:dgram';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CsoundError, CsoundPerformanceThread, decodeOscMessage, encodeOscMessage } from '../../dist/js/index.js';
import { csd, drainText, quietCsound } from './helpers.js';

/** Messages sent to the listeners: exact types, and types liblo converts (d and i to f, f to i, S to s). */
const INCOMING: Array<[string, string, Array<number | string>]> = [
  ['/synth/note', 'fis', [440.5, 3, 'pluck']],
  ['/synth/note', 'dis', [220.25, -7, 'bow']],
  ['/synth/note', 'ffS', [110, 2.75, 'blow']],
  ['/synth/other', 'fis', [1, 2, 'not listened to']],
  ['/level', 'f', [0.5]],
  ['/level', 'i', [2]],
  ['/synth/note', 'fis', [55.125, 1, 'last']],
];
/** Messages a listener takes (all but /synth/other). */
const TAKEN = INCOMING.filter(([path]) => path !== '/synth/other').length;

function orchestra(listenPort: number, sendPort: number): string {
  return `sr = 1000
ksmps = 10
nchnls = 1
0dbfs = 1
giOsc OSCinit ${listenPort}

instr 1
  kfreq init 0
  kn    init 0
  Sname init ""
  klev  init 0
  knotes init 0
  klevels init 0
  knote OSClisten giOsc, "/synth/note", "fis", kfreq, kn, Sname
  if knote == 1 then
    knotes += 1
    printf "v note%d %.17g %d\\n", knotes, knotes, kfreq, kn
    printf "s note%d %s\\n", knotes, knotes, Sname
    OSCsend_lo knotes, "127.0.0.1", ${sendPort}, "/reply", "dihs", kfreq * 2, kn + 100, knotes, Sname
  endif
  klevel OSClisten giOsc, "/level", "f", klev
  prints "listening\\n" ; both OSClisten have registered their methods (at init, in order)
  if klevel == 1 then
    klevels += 1
    printf "v level%d %.17g\\n", klevels, klevels, klev
    OSCsend_lo klevels, "127.0.0.1", ${sendPort}, "/reply/level", "fc", klev, 64 + klevels
  endif
  kdone init 0
  if knotes + klevels == ${TAKEN} && kdone == 0 then
    kdone = 1
    kcount OSCcount
    printf "v count %d\\n", 1, kcount
    event "e", 0, 0
  endif
endin
`;
}

function document(listenPort: number, sendPort: number): string {
  return csd({ options: '-n -d', orc: orchestra(listenPort, sendPort), score: 'i1 0 20' });
}

/** "v key numbers..." and "s key text" lines, in order of appearance. */
function printedLines(text: string): string[] {
  return text
    .replace(/\x1b\[[0-9;]*m/g, '')
    .split('\n')
    .filter((l) => /^[vs] \S+/.test(l))
    .map((l) => l.trim());
}

function packets(): Uint8Array[] {
  return INCOMING.map(([path, types, args]) => encodeOscMessage(path, types, args));
}

function freePort(): number {
  return 20000 + Math.floor(Math.random() * 20000);
}

interface NativeRun {
  lines: string[];
  sent: Uint8Array[];
  log: string;
}

/** Runs the orchestra natively: sends INCOMING to its OSCinit port once it listens, collects what it sends. */
async function runNative(): Promise<NativeRun> {
  const listenPort = freePort();
  const receiver: Socket = createSocket('udp4');
  const sent: Uint8Array[] = [];
  receiver.on('message', (msg) => sent.push(new Uint8Array(msg)));
  await new Promise<void>((resolve) => receiver.bind(0, '127.0.0.1', resolve));
  const sendPort = receiver.address().port;
  const dir = mkdtempSync(join(tmpdir(), 'csound-osc-'));
  writeFileSync(join(dir, 'osc.csd'), document(listenPort, sendPort));
  const sender = createSocket('udp4');
  try {
    // Real-time pacing (the null audio device), so that the score lasts while the packets arrive.
    const child = spawn('csound', ['-odac', '-+rtaudio=null', 'osc.csd'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    let started = false;
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Sent once the orchestra says its listeners are in place: a packet that arrives before is dropped by liblo.
    const onData = async (chunk: Buffer) => {
      log += chunk.toString();
      if (started || !/listening/.test(log)) return;
      started = true;
      for (const packet of packets()) {
        await new Promise<void>((resolve) => sender.send(packet, listenPort, '127.0.0.1', () => resolve()));
        await new Promise((r) => setTimeout(r, 20)); // one at a time: each k-cycle reads at most one per listener
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    const code = await exited;
    clearTimeout(timer);
    await new Promise((r) => setTimeout(r, 100)); // the last replies
    if (code !== 0) throw new Error(`native csound exited with ${code}:\n${log}`);
    return { lines: printedLines(log), sent, log };
  } finally {
    sender.close();
    receiver.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('OSC opcodes through the host (OSCinit, OSClisten, OSCsend_lo, OSCcount)', () => {
  let native: NativeRun;

  beforeAll(async () => {
    native = await runNative();
  });

  afterAll(() => undefined);

  it('OSClisten reads what native Csound reads over UDP, OSCsend_lo sends the same bytes', async () => {
    const port = 7400;
    const cs = await quietCsound();
    cs.compileCsdText(document(port, 9999));
    cs.start();
    cs.performKsmps();
    const taken: number[] = [];
    const sent: Array<{ host: string; port: number; packet: Uint8Array }> = [];
    for (const packet of packets()) {
      taken.push(cs.oscDeliver(port, packet));
      cs.performKsmps();
      sent.push(...cs.oscTake());
    }
    let cycles = 0;
    while (cs.performKsmps() === 0 && cycles++ < 100) sent.push(...cs.oscTake());
    sent.push(...cs.oscTake());
    const text = drainText(cs);
    cs.destroy();

    expect(native.lines.length, native.log).toBe(4 * 2 + 2 + 1); // 4 notes (2 lines each), 2 levels, the count
    // Each listener reads its messages in order; how two listeners interleave depends on when UDP packets arrive
    // natively, so the lines are compared as a set (their keys number the messages of each listener).
    expect(printedLines(text).sort()).toEqual([...native.lines].sort());
    expect(taken).toEqual(INCOMING.map(([path]) => (path === '/synth/other' ? 0 : 1)));
    expect(sent.map((s) => `${s.host}:${s.port}`)).toEqual(Array(TAKEN).fill('127.0.0.1:9999'));
    const hex = (p: Uint8Array) => Buffer.from(p).toString('hex');
    expect(sent.map((s) => hex(s.packet)).sort()).toEqual(native.sent.map(hex).sort());
    expect(decodeOscMessage(sent[0].packet)).toEqual({ path: '/reply', types: 'dihs', args: [881, 103, 1n, 'pluck'] });
  });

  it('a bundle delivers each of its messages', async () => {
    const port = 7401;
    const cs = await quietCsound();
    cs.compileCsdText(document(port, 9999));
    cs.start();
    cs.performKsmps(); // OSClisten registers its method when the instrument starts
    const elements = packets().slice(0, 2);
    const size = 16 + elements.reduce((n, p) => n + 4 + p.length, 0);
    const bundle = new Uint8Array(size);
    bundle.set(new TextEncoder().encode('#bundle'));
    let at = 16;
    for (const p of elements) {
      new DataView(bundle.buffer).setInt32(at, p.length);
      bundle.set(p, at + 4);
      at += 4 + p.length;
    }
    expect(cs.oscDeliver(port, bundle)).toBe(2);
    for (let i = 0; i < 5; i++) cs.performKsmps();
    expect(printedLines(drainText(cs)).filter((l) => l.startsWith('v note'))).toEqual(native.lines.filter((l) => /^v note[12] /.test(l)));
    cs.destroy();
  });

  it('works while a CsoundPerformanceThread performs: packets in from this thread, replies out to it', async () => {
    const cs = await quietCsound();
    cs.compileCsdText(
      csd({
        options: '-n -d',
        orc: `sr = 44100\nksmps = 32\nnchnls = 1\n0dbfs = 1
giOsc OSCinit 7404
instr 1
  kv init 0
  kn init 0
  knew OSClisten giOsc, "/value", "f", kv
  if knew == 1 then
    kn += 1
    chnset kv, "value"
    OSCsend_lo kn, "127.0.0.1", 9000, "/ack", "if", kn, kv * 10
  endif
endin`,
        score: 'i1 0 3600',
      }),
    );
    cs.start();
    const pt = new CsoundPerformanceThread(cs);
    pt.play();
    const replies: Uint8Array[] = [];
    try {
      for (let i = 1; i <= 20; i++) {
        let taken = 0;
        const deadline = Date.now() + 10_000;
        // Until instr 1 has started on the performer, the port has no method yet and the packet is not taken.
        while ((taken = cs.oscDeliver(7404, encodeOscMessage('/value', 'f', [i / 4]))) === 0 && Date.now() < deadline) {
          await new Promise((r) => setTimeout(r, 5));
        }
        expect(taken).toBe(1);
        while (cs.controlChannel('value')[0] !== i / 4 && Date.now() < deadline) {
          await new Promise((r) => setTimeout(r, 1));
        }
        expect(cs.controlChannel('value')[0]).toBe(i / 4);
        replies.push(...cs.oscTake().map((p) => p.packet));
      }
      const deadline = Date.now() + 5_000;
      while (replies.length < 20 && Date.now() < deadline) {
        replies.push(...cs.oscTake().map((p) => p.packet));
        await new Promise((r) => setTimeout(r, 5));
      }
    } finally {
      pt.stop();
      await pt.join();
    }
    expect(replies.map((p) => decodeOscMessage(p).args)).toEqual(
      Array.from({ length: 20 }, (_, k) => [k + 1, ((k + 1) / 4) * 10]),
    );
    cs.destroy();
  });

  it('refuses a port nobody listens on and bytes that are no OSC packet, with a CsoundError', async () => {
    const cs = await quietCsound();
    cs.compileCsdText(document(7402, 9999));
    cs.start();
    cs.performKsmps();
    expect(() => cs.oscDeliver(7403, packets()[0])).toThrow(/no OSCinit listens on port 7403/);
    expect(() => cs.oscDeliver(7402, new Uint8Array([47, 120, 0, 0, 44, 105, 0, 0, 1]))).toThrow(CsoundError);
    expect(() => cs.oscDeliver(7402, new Uint8Array([1, 2, 3, 4]))).toThrow(/not an OSC message or bundle/);
    expect(cs.oscDeliver(7402, packets()[0])).toBe(1);
    cs.destroy();
  });
});
