// Entry of csound-wasm in browsers (the `browser` export condition), bundled with the glue and the worklet into
// dist/browser.js by scripts/build-browser.mjs: the public API over the browser platform layer.
import { installPlatform } from './platform.js';
import { browserPlatform } from './platform-browser.js';

installPlatform(browserPlatform);

export * from './api.js';
