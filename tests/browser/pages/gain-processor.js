// A trivial AudioWorkletProcessor for the harness test: output = input * 0.5, channel by channel.
// It also counts the frames it has processed; posting it any message makes it reply with the count
// (to see whether a realtime context really runs its audio thread).
class GainProcessor extends AudioWorkletProcessor {
  constructor() {
    super();
    this.frames = 0;
    this.port.onmessage = () => this.port.postMessage({ frames: this.frames, currentFrame, sampleRate });
  }

  process(inputs, outputs) {
    const input = inputs[0];
    const output = outputs[0];
    for (let ch = 0; ch < output.length; ch++) {
      const src = input[ch];
      const dst = output[ch];
      if (!src) continue; // no input connected: the output stays silent (it is zero-filled)
      for (let i = 0; i < dst.length; i++) dst[i] = src[i] * 0.5;
    }
    this.frames += output.length > 0 ? output[0].length : 128;
    return true;
  }
}

registerProcessor('gain-processor', GainProcessor);
