// Entry of csound-wasm in Node (the `node` export condition): the public API over the Node platform layer.
import { installPlatform } from './platform.js';
import { nodePlatform } from './platform-node.js';

installPlatform(nodePlatform);

export * from './api.js';
