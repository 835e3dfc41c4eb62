// Test helper: records, for each render quantum, the performer's quantum counter (control[1], incremented by the
// performer earlier in the same render pass) and the last sample of channel 0, into a shared Float64Array:
// [count, (blocks, sample) * n].
class TapProcessor extends AudioWorkletProcessor {
  constructor(options) {
    super();
    this.control = options.processorOptions.control;
    this.record = options.processorOptions.record;
  }

  process(inputs) {
    const input = inputs[0];
    const count = this.record[0];
    if (1 + 2 * (count + 1) <= this.record.length) {
      const channel = input.length > 0 ? input[0] : null;
      this.record[1 + 2 * count] = Atomics.load(this.control, 1);
      this.record[2 + 2 * count] = channel ? channel[channel.length - 1] : 0;
      this.record[0] = count + 1;
    }
    return true;
  }
}
registerProcessor('csound-test-tap', TapProcessor);
