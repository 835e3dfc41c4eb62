// Run by bench/run.ts in a fresh Node process: how long until csound-wasm is usable. Prints one JSON line:
// importMs (loading the package), create1Ms (the first Csound.create(): wasm compile, instantiation, Csound's
// set-up), firstKcycleMs (process start to the end of the first performKsmps() of a tiny orchestra, from
// performance.now(), whose origin is the start of the process), create2Ms (a second Csound.create() in the same
// process, the module already compiled).
//   node bench/startup-child.mjs <path of dist/js/index.js>
const entry = process.argv[2];
const t0 = performance.now();
const { Csound } = await import(entry);
const t1 = performance.now();
const first = await Csound.create({ messages: 'none' });
const t2 = performance.now();
first.setOption('-n');
first.compileOrc('sr = 44100\nksmps = 32\nnchnls = 2\n0dbfs = 1\ninstr 1\n a1 oscili 0.1, 440\n outs a1, a1\nendin\n');
first.eventString('i 1 0 1');
first.start();
first.performKsmps();
const t3 = performance.now();
first.destroy();
const t4 = performance.now();
const second = await Csound.create({ messages: 'none' });
const t5 = performance.now();
second.destroy();
console.log(JSON.stringify({ importMs: t1 - t0, create1Ms: t2 - t1, firstKcycleMs: t3, create2Ms: t5 - t4 }));
