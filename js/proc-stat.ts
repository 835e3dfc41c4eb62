// /proc/stat in the engine's file system, for the cpumeter opcode. Natively cpumeter reads Linux's /proc/stat: the
// first line sums the machine's CPU time by kind (user, nice, system, idle, ...), one line per CPU follows, and
// the meter is the busy share (100 - idle %) between two reads. The wasm build compiles cpumeter.c unchanged (as
// LINUX, cmake/Plugins.cmake); this file is its /proc/stat, written afresh each time it is read from the start
// (cpumeter rewinds it for every reading), from the host's numbers (Platform.cpuTimes):
//   - Node: os.cpus(), the same counters as native (libuv reads /proc/stat on Linux): the whole machine's load.
//   - Browser: a page cannot see the machine's load; one CPU whose busy time is the time the audio thread spent in
//     process() and whose idle time is the rest of the quanta it rendered (CsoundPerformanceThread measures both),
//     so the meter reads the share of the audio budget Csound uses. Nothing plays: 0.
// The counters are in microseconds (the kernel's are 10 ms ticks); cpumeter only uses their ratios.
import type { EmscriptenFS } from './engine-module.js';

/** One CPU's cumulative times in milliseconds, as os.cpus() gives them. */
export interface CpuTimes {
  user: number;
  nice: number;
  sys: number;
  idle: number;
  irq: number;
}

/** The text of /proc/stat for these CPUs (the first line is their sum). */
export function procStatText(cpus: CpuTimes[]): string {
  const us = (ms: number) => String(Math.max(0, Math.round(ms * 1000)));
  const line = (name: string, t: CpuTimes) =>
    `${name} ${us(t.user)} ${us(t.nice)} ${us(t.sys)} ${us(t.idle)} 0 ${us(t.irq)} 0 0 0 0\n`;
  const sum: CpuTimes = { user: 0, nice: 0, sys: 0, idle: 0, irq: 0 };
  for (const c of cpus) {
    sum.user += c.user;
    sum.nice += c.nice;
    sum.sys += c.sys;
    sum.idle += c.idle;
    sum.irq += c.irq;
  }
  // cpumeter reads CPU lines until one is not a CPU line: the kernel's next line is "intr".
  return `${line('cpu ', sum)}${cpus.map((c, i) => line(`cpu${i}`, c)).join('')}intr 0\nctxt 0\n`;
}

interface DeviceStream {
  position: number;
  procStat?: Uint8Array;
}
interface DeviceFS extends EmscriptenFS {
  ErrnoError: new (errno: number) => Error;
  makedev(major: number, minor: number): number;
  registerDevice(dev: number, ops: object): void;
  mkdev(path: string, mode: number, dev: number): void;
}

/** A device number no Emscripten device uses (they take majors 1, 5, 6 and 64-65). */
const PROC_STAT_DEVICE = [97, 0] as const;

/** Makes /proc/stat in `fs`, its text from `cpuTimes()` whenever it is read from offset 0. */
export function installProcStat(fs: EmscriptenFS, cpuTimes: () => CpuTimes[]): void {
  const dfs = fs as DeviceFS;
  if (typeof dfs.registerDevice !== 'function') return;
  const dev = dfs.makedev(...PROC_STAT_DEVICE);
  dfs.registerDevice(dev, {
    read(stream: DeviceStream, buffer: Uint8Array, offset: number, length: number, position: number): number {
      if (position === 0 || stream.procStat === undefined) {
        stream.procStat = new TextEncoder().encode(procStatText(cpuTimes()));
      }
      const text = stream.procStat;
      const n = Math.max(0, Math.min(length, text.length - position));
      buffer.set(text.subarray(position, position + n), offset);
      return n;
    },
    llseek(stream: DeviceStream, offset: number, whence: number): number {
      const size = stream.procStat?.length ?? 0;
      const at = whence === 0 ? offset : whence === 1 ? stream.position + offset : size + offset;
      if (at < 0) throw new dfs.ErrnoError(28); // EINVAL
      return at;
    },
  });
  fs.mkdirTree('/proc');
  dfs.mkdev('/proc/stat', 0o444 | 0o020000, dev);
}

// ---------------------------------------------------------------- the browser's source

let audioBusy: (() => number) | null = null;
let lastBusy = 0;
let busyTotal = 0;

/**
 * Browser: the audio thread's busy time from now on is `read()`, cumulative milliseconds (CsoundPerformanceThread's
 * statistics). A counter that goes back (resetAudioStats) adds nothing.
 */
export function setAudioThreadBusy(read: () => number): void {
  browserCpuTimes();
  audioBusy = read;
  lastBusy = read();
}

/** Browser: one CPU, busy while the audio thread runs Csound, idle the rest of the page's wall-clock time. */
export function browserCpuTimes(): CpuTimes[] {
  if (audioBusy !== null) {
    const now = audioBusy();
    if (now > lastBusy) busyTotal += now - lastBusy;
    lastBusy = now;
  }
  const wall = typeof performance !== 'undefined' ? performance.now() : Date.now();
  return [{ user: busyTotal, nice: 0, sys: 0, idle: Math.max(0, wall - busyTotal), irq: 0 }];
}
