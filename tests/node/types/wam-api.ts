// Compile-time check (tests/node/wam.test.ts runs tsc on this folder): what csound-wasm/wam declares is what a
// host typed with the WAM API package (@webaudiomodules/api) expects, in both directions where both apply.
import type {
  WamDescriptor as ApiDescriptor,
  WamEvent as ApiEvent,
  WamNode as ApiNode,
  WamParameterInfo as ApiParameterInfo,
  WebAudioModule as ApiModule,
} from '@webaudiomodules/api';
import CsoundWebAudioModule, { createCsoundWam, type CsoundWamNode, type WamEvent } from '../../../dist/js/wam.js';

declare const node: CsoundWamNode;
declare const wam: CsoundWebAudioModule;
declare const apiEvent: ApiEvent;

export const asNode: ApiNode = node;
export const asModule: ApiModule = wam;
export const asDescriptor: ApiDescriptor = wam.descriptor;
export const asInfo: Promise<ApiParameterInfo> = node.getParameterInfo().then((map) => map.x);
export const eventIn: WamEvent = apiEvent;
export const eventOut: ApiEvent = {} as WamEvent;
// What a host does with the module's default export.
export const created: Promise<ApiModule> = createCsoundWam('<CsoundSynthesizer></CsoundSynthesizer>').createInstance('group', new AudioContext());
export const generic: Promise<ApiModule> = CsoundWebAudioModule.createInstance('group', new AudioContext(), { csd: '' });
