// Sliders and meters made from the control channels an orchestra declares: `chn_k "name", 1, type, default,
// min, max` becomes a slider (type 1 integer, 2 linear, 3 exponential) bound to setControlChannel; an output
// channel (mode 2) becomes a meter that reads the channel's value straight from the engine's memory.
import {
  CSOUND_CHANNEL_TYPE_MASK,
  CSOUND_CONTROL_CHANNEL,
  CSOUND_CONTROL_CHANNEL_EXP,
  CSOUND_CONTROL_CHANNEL_INT,
  CSOUND_CONTROL_CHANNEL_NO_HINTS,
  CSOUND_INPUT_CHANNEL,
  CSOUND_OUTPUT_CHANNEL,
  type Csound,
  type ControlChannelInfo,
} from 'csound-wasm';

const SLIDER_STEPS = 1000;

/** Maps a slider position (0..SLIDER_STEPS) to a channel value and back, following the channel's hints. */
export class ChannelScale {
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
  private readonly exponential: boolean;

  constructor(info: ControlChannelInfo) {
    const hints = info.hints;
    const hinted = hints.behav !== CSOUND_CONTROL_CHANNEL_NO_HINTS && hints.max > hints.min;
    this.min = hinted ? hints.min : 0;
    this.max = hinted ? hints.max : 1;
    this.integer = hinted && hints.behav === CSOUND_CONTROL_CHANNEL_INT;
    // An exponential scale needs a range on one side of zero.
    this.exponential = hinted && hints.behav === CSOUND_CONTROL_CHANNEL_EXP && this.min * this.max > 0;
  }

  steps(): number {
    return this.integer ? this.max - this.min : SLIDER_STEPS;
  }

  valueAt(position: number): number {
    const fraction = position / this.steps();
    if (this.integer) return this.min + position;
    if (this.exponential) return this.min * Math.pow(this.max / this.min, fraction);
    return this.min + fraction * (this.max - this.min);
  }

  positionOf(value: number): number {
    const clamped = Math.min(this.max, Math.max(this.min, value));
    let fraction: number;
    if (this.integer) return Math.round(clamped - this.min);
    if (this.exponential) fraction = Math.log(clamped / this.min) / Math.log(this.max / this.min);
    else fraction = (clamped - this.min) / (this.max - this.min);
    return Math.round(fraction * SLIDER_STEPS);
  }
}

export function formatValue(value: number): string {
  if (Number.isInteger(value)) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude >= 1000) return value.toFixed(0);
  if (magnitude >= 100) return value.toFixed(1);
  if (magnitude >= 1) return value.toFixed(2);
  return value.toFixed(3);
}

interface Meter {
  value: Float64Array;
  scale: ChannelScale;
  bar: HTMLElement;
  text: HTMLOutputElement;
  shown: number;
}

/** The channels pane of one performance. */
export class ChannelPanel {
  private readonly root: HTMLElement;
  private readonly hint: HTMLElement | null;
  private meters: Meter[] = [];
  /** Slider values by channel name, kept across performances of the same text. */
  private readonly remembered = new Map<string, number>();

  constructor(root: HTMLElement) {
    this.root = root;
    this.hint = root.querySelector('.hint');
  }

  /** Forgets remembered slider values (a different example was picked). */
  forgetValues(): void {
    this.remembered.clear();
  }

  /**
   * Builds the pane for a compiled and started Csound: sets every input channel to its remembered value or its
   * default, and returns the number of channels shown.
   */
  build(csound: Csound): number {
    this.clear();
    const [channels] = csound.listChannels();
    const controls = channels.filter((c) => (c.type & CSOUND_CHANNEL_TYPE_MASK) === CSOUND_CONTROL_CHANNEL);
    for (const info of controls) {
      if (info.type & CSOUND_INPUT_CHANNEL) this.addSlider(csound, info);
      else if (info.type & CSOUND_OUTPUT_CHANNEL) this.addMeter(csound, info);
    }
    if (this.hint !== null) this.hint.hidden = controls.length > 0;
    return controls.length;
  }

  /**
   * Sets every input channel of `csound` to its remembered value or its default: what the sliders show. For an
   * instance of its own (an offline render).
   */
  applyValues(csound: Csound): void {
    const [channels] = csound.listChannels();
    for (const info of channels) {
      if ((info.type & CSOUND_CHANNEL_TYPE_MASK) !== CSOUND_CONTROL_CHANNEL || !(info.type & CSOUND_INPUT_CHANNEL)) continue;
      csound.setControlChannel(info.name, this.initialValue(info));
    }
  }

  /** Greys the sliders out once their performance has ended. */
  disable(): void {
    for (const input of this.root.querySelectorAll('input')) input.disabled = true;
    this.meters = [];
  }

  /** Removes the sliders and meters (the hint comes back). */
  clear(): void {
    for (const row of this.root.querySelectorAll('.channel')) row.remove();
    this.meters = [];
    if (this.hint !== null) this.hint.hidden = false;
  }

  /** Moves the meters to the engine's current values. Allocates nothing. */
  updateMeters(): void {
    for (let i = 0; i < this.meters.length; i++) {
      const meter = this.meters[i];
      const value = meter.value[0];
      if (value === meter.shown) continue;
      meter.shown = value;
      const fraction = meter.scale.positionOf(value) / meter.scale.steps();
      meter.bar.style.width = `${(fraction * 100).toFixed(1)}%`;
      meter.text.value = formatValue(value);
    }
  }

  private row(name: string): { row: HTMLElement; label: HTMLLabelElement; id: string } {
    const row = document.createElement('div');
    row.className = 'channel';
    row.dataset.channel = name;
    const id = `channel-${name.replace(/[^A-Za-z0-9_-]/g, '_')}`;
    const label = document.createElement('label');
    label.textContent = name;
    label.title = name;
    label.htmlFor = id;
    row.append(label);
    this.root.append(row);
    return { row, label, id };
  }

  private addSlider(csound: Csound, info: ControlChannelInfo): void {
    const scale = new ChannelScale(info);
    const { row, id } = this.row(info.name);
    const slider = document.createElement('input');
    slider.type = 'range';
    slider.id = id;
    slider.min = '0';
    slider.max = String(scale.steps());
    slider.step = '1';
    const output = document.createElement('output');
    output.htmlFor.add(id);
    row.append(slider, output);

    const initial = this.initialValue(info);
    const set = (value: number) => {
      csound.setControlChannel(info.name, value);
      this.remembered.set(info.name, value);
      output.value = formatValue(value);
    };
    slider.value = String(scale.positionOf(initial));
    set(initial);
    slider.addEventListener('input', () => set(scale.valueAt(Number(slider.value))));
  }

  private initialValue(info: ControlChannelInfo): number {
    return this.remembered.get(info.name) ?? (info.hints.behav !== CSOUND_CONTROL_CHANNEL_NO_HINTS ? info.hints.dflt : 0);
  }

  private addMeter(csound: Csound, info: ControlChannelInfo): void {
    const scale = new ChannelScale(info);
    const { row } = this.row(info.name);
    const bar = document.createElement('div');
    bar.className = 'bar';
    const fill = document.createElement('span');
    bar.append(fill);
    const text = document.createElement('output');
    row.append(bar, text);
    const [view, err] = csound.channelPtr(info.name, CSOUND_CONTROL_CHANNEL | CSOUND_OUTPUT_CHANNEL);
    if (view === null) {
      text.value = 'n/a';
      text.title = err;
      return;
    }
    this.meters.push({ value: view, scale, bar: fill, text, shown: Number.NaN });
  }
}
