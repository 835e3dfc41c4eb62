// Channels: control, audio and string channels both ways, channelPtr views, listChannels, hints, locks.
import { describe, expect, it } from 'vitest';
import {
  CS_INSTR_EVENT,
  CSOUND_AUDIO_CHANNEL,
  CSOUND_CHANNEL_TYPE_MASK,
  CSOUND_CONTROL_CHANNEL,
  CSOUND_CONTROL_CHANNEL_EXP,
  CSOUND_CONTROL_CHANNEL_LIN,
  CSOUND_INPUT_CHANNEL,
  CSOUND_OUTPUT_CHANNEL,
  CSOUND_STRING_CHANNEL,
  CsoundError,
} from '../../dist/js/index.js';
import { startedCsound } from './helpers.js';

const KSMPS = 8;
// chn_k "gain": mode 3 (input and output), type 2 (linear), default 0.5, range 0..2.
const GAIN_HINTS = { behav: CSOUND_CONTROL_CHANNEL_LIN, dflt: 0.5, min: 0, max: 2 };
const ORC = `
sr = 8000
ksmps = ${KSMPS}
nchnls = 1
0dbfs = 1
chn_k "gain", 3, ${GAIN_HINTS.behav}, ${GAIN_HINTS.dflt}, ${GAIN_HINTS.min}, ${GAIN_HINTS.max}
chn_a "bus", 2
chn_S "title", 1
instr 1  ; the gain channel as a constant signal
  aOut = chnget:k("gain")
  out aOut
endin
instr 2  ; writes a control value given as p4
  chnset p4, "written"
endin
instr 3  ; plays the audio channel "audioIn"
  aIn chnget "audioIn"
  out aIn
endin
instr 4  ; a sine to spout and to the audio channel "audioOut"
  aSine poscil 0.5, 440
  chnset aSine, "audioOut"
  out aSine
endin
instr 5  ; the length of the string channel "name", and a string for the host
  SName chnget "name"
  chnset strlen(SName), "nameLength"
  chnset "from the orchestra", "reply"
endin
`;

describe('control channels', () => {
  it('a value set by setControlChannel is read by chnget and shows up in spout', async () => {
    const cs = await startedCsound(ORC);
    cs.setControlChannel('gain', 0.375);
    cs.event(CS_INSTR_EVENT, [1, 0, 1]);
    cs.performKsmps();
    expect(Array.from(cs.spout())).toEqual(new Array(KSMPS).fill(0.375));
    cs.setControlChannel('gain', 0.125);
    cs.performKsmps();
    expect(cs.spout()[KSMPS - 1]).toBe(0.125);
    cs.destroy();
  });

  it('controlChannel returns [value, 0] for a channel the orchestra wrote with chnset', async () => {
    const cs = await startedCsound(ORC);
    cs.event(CS_INSTR_EVENT, [2, 0, 0.1, 42.5]);
    cs.performKsmps();
    expect(cs.controlChannel('written')).toEqual([42.5, 0]);
    cs.destroy();
  });

  it('controlChannel of a name that is another type of channel returns a non-zero err', async () => {
    const cs = await startedCsound(ORC);
    const [value, err] = cs.controlChannel('bus');
    expect(value).toBe(0);
    expect(err).not.toBe(0);
    cs.destroy();
  });

  it('controlChannel of a missing name creates the channel and returns [0, 0], as csoundGetControlChannel', async () => {
    const cs = await startedCsound(ORC);
    expect(cs.listChannels()[0].some((c) => c.name === 'neverDeclared')).toBe(false);
    expect(cs.controlChannel('neverDeclared')).toEqual([0, 0]);
    expect(cs.listChannels()[0].some((c) => c.name === 'neverDeclared')).toBe(true);
    cs.destroy();
  });
});

describe('audio channels', () => {
  it('setAudioChannel feeds chnget at a-rate', async () => {
    const cs = await startedCsound(ORC);
    const ramp = Array.from({ length: KSMPS }, (_, i) => (i + 1) / 16);
    cs.event(CS_INSTR_EVENT, [3, 0, 1]);
    cs.setAudioChannel('audioIn', ramp);
    cs.performKsmps();
    expect(Array.from(cs.spout())).toEqual(ramp);
    cs.destroy();
  });

  it('audioChannel reads what chnset wrote, equal to the instrument output', async () => {
    const cs = await startedCsound(ORC);
    cs.event(CS_INSTR_EVENT, [4, 0, 1]);
    cs.performKsmps();
    cs.performKsmps();
    const samples = cs.audioChannel('audioOut');
    expect(samples.length).toBe(KSMPS);
    expect(samples.some((v) => v !== 0)).toBe(true);
    expect(Array.from(samples)).toEqual(Array.from(cs.spout()));
    const out = new Float64Array(KSMPS);
    expect(cs.audioChannel('audioOut', out)).toBe(out);
    expect(Array.from(out)).toEqual(Array.from(samples));
    cs.destroy();
  });
});

describe('string channels', () => {
  it('a string set by setStringChannel is read by the orchestra', async () => {
    const cs = await startedCsound(ORC);
    const name = 'hello, csound';
    cs.setStringChannel('name', name);
    cs.event(CS_INSTR_EVENT, [5, 0, 0.1]);
    cs.performKsmps();
    expect(cs.controlChannel('nameLength')).toEqual([name.length, 0]);
    cs.destroy();
  });

  it('stringChannel reads a string the orchestra wrote', async () => {
    const cs = await startedCsound(ORC);
    cs.event(CS_INSTR_EVENT, [5, 0, 0.1]);
    cs.performKsmps();
    expect(cs.stringChannel('reply')).toBe('from the orchestra');
    cs.destroy();
  });

  it('round-trips a string longer than the default channel size', async () => {
    const cs = await startedCsound(ORC);
    const long = 'x'.repeat(1000);
    cs.setStringChannel('title', long);
    expect(cs.stringChannel('title')).toBe(long);
    cs.destroy();
  });
});

describe('channelPtr', () => {
  it('a control channel view is live both ways', async () => {
    const cs = await startedCsound(ORC);
    const [view, err] = cs.channelPtr('gain', CSOUND_CONTROL_CHANNEL | CSOUND_INPUT_CHANNEL);
    expect(err).toBe('');
    expect(view).not.toBeNull();
    expect(view!.length).toBe(1);
    // chn_k's default is only a hint (Csound 6.18 does not write it into the channel).
    expect(view![0]).toBe(0);
    view![0] = 0.625;
    cs.event(CS_INSTR_EVENT, [1, 0, 1]);
    cs.performKsmps();
    expect(cs.spout()[0]).toBe(0.625);

    const [written] = cs.channelPtr('written', CSOUND_CONTROL_CHANNEL | CSOUND_OUTPUT_CHANNEL);
    cs.event(CS_INSTR_EVENT, [2, 0, 0.1, 3.5]);
    cs.performKsmps();
    expect(written![0]).toBe(3.5);
    cs.destroy();
  });

  it('an audio channel input view has ksmps samples that chnget reads', async () => {
    const cs = await startedCsound(ORC);
    const [input, err] = cs.channelPtr('audioIn', CSOUND_AUDIO_CHANNEL | CSOUND_INPUT_CHANNEL);
    expect(err).toBe('');
    expect(input!.length).toBe(KSMPS);
    for (let i = 0; i < KSMPS; i++) input![i] = -(i + 1) / 32;
    const written = Array.from(input!);
    cs.event(CS_INSTR_EVENT, [3, 0, 1]);
    cs.performKsmps();
    expect(Array.from(cs.spout())).toEqual(written);
    cs.destroy();
  });

  it('an audio channel output view shows what chnset writes, period after period', async () => {
    const cs = await startedCsound(ORC);
    const [output, err] = cs.channelPtr('audioOut', CSOUND_AUDIO_CHANNEL | CSOUND_OUTPUT_CHANNEL);
    expect(err).toBe('');
    cs.event(CS_INSTR_EVENT, [4, 0, 1]);
    for (let period = 0; period < 3; period++) {
      cs.performKsmps();
      expect(output!.some((v) => v !== 0)).toBe(true);
      expect(Array.from(output!)).toEqual(Array.from(cs.spout()));
    }
    cs.destroy();
  });

  it('a string channel gives no numeric view and no error', async () => {
    const cs = await startedCsound(ORC);
    expect(cs.channelPtr('title', CSOUND_STRING_CHANNEL | CSOUND_INPUT_CHANNEL)).toEqual([null, '']);
    cs.destroy();
  });

  it('asking for an existing channel with another type returns null and an error string', async () => {
    const cs = await startedCsound(ORC);
    const [view, err] = cs.channelPtr('bus', CSOUND_CONTROL_CHANNEL | CSOUND_INPUT_CHANNEL);
    expect(view).toBeNull();
    expect(err).toMatch(/another type/);
    cs.destroy();
  });
});

describe('listChannels', () => {
  it('lists chn_k, chn_a and chn_S channels with their type bits and the chn_k hints', async () => {
    const cs = await startedCsound(ORC);
    const [channels, err] = cs.listChannels();
    expect(err).toBe('');
    const byName = new Map(channels.map((c) => [c.name, c]));
    expect(byName.get('gain')!.type).toBe(CSOUND_CONTROL_CHANNEL | CSOUND_INPUT_CHANNEL | CSOUND_OUTPUT_CHANNEL);
    expect(byName.get('bus')!.type).toBe(CSOUND_AUDIO_CHANNEL | CSOUND_OUTPUT_CHANNEL);
    expect(byName.get('title')!.type).toBe(CSOUND_STRING_CHANNEL | CSOUND_INPUT_CHANNEL);
    expect(byName.get('gain')!.hints).toMatchObject(GAIN_HINTS);
    expect(byName.get('gain')!.hints.attributes).toBeNull();
    for (const channel of channels) expect(channel.type & CSOUND_CHANNEL_TYPE_MASK).toBeGreaterThan(0);
    cs.deleteChannelList(channels);
    cs.destroy();
  });

  it('lists a channel created from the host', async () => {
    const cs = await startedCsound(ORC);
    cs.setControlChannel('hostMade', 1);
    const [channels] = cs.listChannels();
    const hostMade = channels.find((c) => c.name === 'hostMade');
    expect(hostMade!.type & CSOUND_CHANNEL_TYPE_MASK).toBe(CSOUND_CONTROL_CHANNEL);
    cs.destroy();
  });
});

describe('setControlChannelHints', () => {
  it('sets hints that listChannels then reports', async () => {
    const cs = await startedCsound(ORC);
    const hints = {
      behav: CSOUND_CONTROL_CHANNEL_EXP,
      dflt: 440,
      min: 20,
      max: 20000,
      x: 1,
      y: 2,
      width: 300,
      height: 40,
      attributes: 'unit=Hz',
    };
    expect(cs.setControlChannelHints('gain', hints)).toBe(0);
    const gain = cs.listChannels()[0].find((c) => c.name === 'gain');
    expect(gain!.hints).toEqual({ ...hints });
    cs.destroy();
  });

  it('throws CsoundError for a channel that does not exist', async () => {
    const cs = await startedCsound(ORC);
    expect(() => cs.setControlChannelHints('missing', { min: 0, max: 1 })).toThrow(CsoundError);
    cs.destroy();
  });

  it('throws CsoundError naming a hint that is not a number', async () => {
    const cs = await startedCsound(ORC);
    expect(() => cs.setControlChannelHints('gain', { min: 'low' } as never)).toThrow(/hints\.min must be a number/);
    expect(cs.listChannels()[0].find((c) => c.name === 'gain')!.hints).toMatchObject(GAIN_HINTS);
    cs.destroy();
  });
});

describe('lockChannel / unlockChannel', () => {
  it('lock, write through the view, unlock: the orchestra sees the value', async () => {
    const cs = await startedCsound(ORC);
    const [view] = cs.channelPtr('gain', CSOUND_CONTROL_CHANNEL | CSOUND_INPUT_CHANNEL);
    cs.lockChannel('gain');
    view![0] = 0.75;
    cs.unlockChannel('gain');
    cs.event(CS_INSTR_EVENT, [1, 0, 1]);
    cs.performKsmps();
    expect(cs.spout()[0]).toBe(0.75);
    // Unlocked again: a second lock does not spin forever.
    cs.lockChannel('gain');
    cs.unlockChannel('gain');
    cs.destroy();
  });

  it('throw CsoundError for a missing channel', async () => {
    const cs = await startedCsound(ORC);
    expect(() => cs.lockChannel('missing')).toThrow(CsoundError);
    expect(() => cs.unlockChannel('missing')).toThrow(/no channel named "missing"/);
    cs.destroy();
  });
});
