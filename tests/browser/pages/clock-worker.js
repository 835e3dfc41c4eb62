// A microsecond clock for the audio thread's statistics: keeps writing performance.now() (µs, modulo 2^31) into
// the shared Int32Array it is sent. Served with the page's isolation headers, so its timer has full resolution
// (a worker made from a blob URL is not cross-origin isolated and ticks in steps of about 100 µs).
onmessage = (event) => {
  const clock = new Int32Array(event.data);
  for (;;) Atomics.store(clock, 0, (performance.now() * 1000) | 0);
};
