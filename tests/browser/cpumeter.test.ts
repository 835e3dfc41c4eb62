// cpumeter in browsers (js/proc-stat.ts): a page cannot see the machine's load, so /proc/stat shows one CPU that is
// busy while the AudioWorklet runs Csound and idle the rest of the page's time. An orchestra that loops at every
// k-cycle, rendered by an OfflineAudioContext (as fast as the thread can), reads a real share: more than 0, at most
// 100. On the AudioWorklet, /proc/stat is a memory stream the performer rewrites after each k-cycle
// (cpp/audio_thread_cpu.c), since that thread cannot have file-system calls served.
import { describe, expect, it } from 'vitest';
import { eachBrowserWithPage } from './each-browser.js';

interface MeterWindow {
  pageReady?: boolean;
  meter(): Promise<{ load?: number; readings?: number; log?: string; error: string | null }>;
}

eachBrowserWithPage('/tests/browser/pages/cpumeter.html', (_browserName, session) => {
  it('cpumeter reads the audio thread\'s busy share', async () => {
    const result = await session.opened.page.evaluate(() => (window as unknown as MeterWindow).meter());
    expect(result.error, session.opened.report()).toBeNull();
    // (An OfflineAudioContext may render with no pause at all: then every reading is 100 and it changes once.)
    expect(result.readings, result.log).toBeGreaterThanOrEqual(1);
    expect(result.load).toBeGreaterThan(0);
    expect(result.load).toBeLessThanOrEqual(100);
  });
});
