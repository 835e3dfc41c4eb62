// The generated GUI of csound-wasm/wam: one slider per parameter, laid out from the channel hints (an integer
// channel steps through its values; a float one moves along the parameter's normalized range, so an exponential
// channel gets the same skew a host's automation lane uses). Sliders follow the values while the element is in
// the document, whether the host, automation or the Csound orchestra changed them.
import type { CsoundWamParameterInfo } from './wam-csd.js';
import type { CsoundWamNode } from './wam.js';

const STEPS = 1000;
const REFRESH_MS = 100;

const STYLE = `
:host { display: block; font: 13px/1.4 system-ui, sans-serif; color: #e8e8e8; }
.panel { background: #23262b; border-radius: 6px; padding: 10px 12px; min-width: 260px; }
h2 { font-size: 13px; font-weight: 600; margin: 0 0 8px; }
.row { display: grid; grid-template-columns: minmax(60px, max-content) 1fr 64px; gap: 8px; align-items: center; }
label { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
input { width: 100%; accent-color: #6cb6ff; }
output { text-align: right; font-variant-numeric: tabular-nums; }
.empty { color: #9aa0a6; }
`;

interface Row {
  info: CsoundWamParameterInfo;
  slider: HTMLInputElement;
  output: HTMLOutputElement;
  shown: number;
}

function position(info: CsoundWamParameterInfo, value: number): number {
  return info.discreteStep > 0 ? Math.round(info.clamp(value) - info.minValue) : Math.round(info.normalize(value) * STEPS);
}

function valueAt(info: CsoundWamParameterInfo, at: number): number {
  return info.discreteStep > 0 ? info.minValue + at : info.denormalize(at / STEPS);
}

/** Builds the GUI element of a plugin's node; `dispose` stops its refresh. */
export function createParameterGui(node: CsoundWamNode, title: string): { element: HTMLElement; dispose: () => void } {
  const element = document.createElement('div');
  element.className = 'csound-wam-gui';
  const shadow = element.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = STYLE;
  const panel = document.createElement('div');
  panel.className = 'panel';
  shadow.append(style, panel);
  let rows: Row[] = [];
  let generation = -1;

  const build = () => {
    generation = node.engineGeneration();
    panel.replaceChildren();
    const heading = document.createElement('h2');
    heading.textContent = title;
    panel.append(heading);
    rows = node.parameterList().map((info) => {
      const row = document.createElement('div');
      row.className = 'row';
      const id = `p-${info.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
      const label = document.createElement('label');
      label.textContent = info.label;
      label.title = info.id;
      label.htmlFor = id;
      const slider = document.createElement('input');
      slider.type = 'range';
      slider.id = id;
      slider.name = info.id;
      slider.min = '0';
      slider.max = String(info.discreteStep > 0 ? info.maxValue - info.minValue : STEPS);
      slider.step = '1';
      const output = document.createElement('output');
      output.htmlFor.add(id);
      row.append(label, slider, output);
      panel.append(row);
      slider.addEventListener('input', () => {
        const value = valueAt(info, Number(slider.value));
        node.setParameterValue(info.id, value);
        output.value = info.valueString(value);
      });
      return { info, slider, output, shown: Number.NaN };
    });
    if (rows.length === 0) {
      const empty = document.createElement('p');
      empty.className = 'empty';
      empty.textContent = 'This CSD declares no input channels (chn_k "name", 1, …).';
      panel.append(empty);
    }
    refresh();
  };

  const refresh = () => {
    if (node.engineGeneration() !== generation) {
      build();
      return;
    }
    for (const row of rows) {
      const value = node.parameterValue(row.info.id);
      if (value === row.shown) continue;
      row.shown = value;
      // Leave a slider the user is dragging alone.
      if (shadow.activeElement !== row.slider) row.slider.value = String(position(row.info, value));
      row.output.value = row.info.valueString(value);
    }
  };

  build();
  const timer = setInterval(() => {
    try {
      if (element.isConnected) refresh();
    } catch {
      clearInterval(timer); // the plugin was destroyed
    }
  }, REFRESH_MS);
  return { element, dispose: () => clearInterval(timer) };
}
