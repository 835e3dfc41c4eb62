// Configuration: setOption, params / setParams, setMessageLevel, setDebug.
import { describe, expect, it } from 'vitest';
import { CsoundError, CsoundParams } from '../../dist/js/index.js';
import { quietCsound } from './helpers.js';

// The fields of CSOUND_PARAMS, in the order of Csound 6.18.1's include/csound.h.
const CSOUND_PARAMS_FIELDS = [
  'debug_mode', 'buffer_frames', 'hardware_buffer_frames', 'displays', 'ascii_graphs', 'postscript_graphs',
  'message_level', 'tempo', 'ring_bell', 'use_cscore', 'terminate_on_midi', 'heartbeat', 'defer_gen01_load',
  'midi_key', 'midi_key_cps', 'midi_key_oct', 'midi_key_pch', 'midi_velocity', 'midi_velocity_amp',
  'no_default_paths', 'number_of_threads', 'syntax_check_only', 'csd_line_counts', 'compute_weights',
  'realtime_mode', 'sample_accurate', 'sample_rate_override', 'control_rate_override', 'nchnls_override',
  'nchnls_i_override', 'e0dbfs_override', 'daemon', 'ksmps_override', 'FFT_library',
];

const ORC = `
sr = 48000
ksmps = 10
nchnls = 1
0dbfs = 1
instr 1
endin
`;

describe('setOption', () => {
  it('accepts a valid option, returns 0 and applies it (-m0 → message_level 0)', async () => {
    const cs = await quietCsound();
    expect(cs.params().message_level).not.toBe(0);
    expect(cs.setOption('-m0')).toBe(0);
    expect(cs.params().message_level).toBe(0);
    cs.destroy();
  });

  it('accepts a long option with a value (--ksmps=20 overrides the orchestra ksmps)', async () => {
    const cs = await quietCsound();
    expect(cs.setOption('-n')).toBe(0);
    expect(cs.setOption('--ksmps=20')).toBe(0);
    cs.compileOrc(ORC);
    cs.start();
    expect(cs.ksmps()).toBe(20);
    cs.destroy();
  });

  it('rejects an unknown option with a CsoundError carrying Csound’s message', async () => {
    const cs = await quietCsound();
    const error = (() => {
      try {
        cs.setOption('--no-such-option');
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(CsoundError);
    const csoundError = error as CsoundError;
    expect(csoundError.code).toBeLessThan(0);
    expect(csoundError.operation).toBe('setOption');
    expect(csoundError.message).toContain('--no-such-option');
    expect(csoundError.messages.join('')).toContain("unknown long option: '--no-such-option'");
    cs.destroy();
  });

  it('rejects an option missing its value (-r alone)', async () => {
    const cs = await quietCsound();
    expect(() => cs.setOption('-r')).toThrow(CsoundError);
    cs.destroy();
  });

  it('throws once the orchestra is compiled (csoundSetOption returns 1) and changes nothing', async () => {
    const cs = await quietCsound();
    cs.setOption('-n');
    cs.compileOrc(ORC);
    cs.start();
    const level = cs.params().message_level;
    let error: unknown = null;
    try {
      cs.setOption(`-m${level === 0 ? 7 : 0}`);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CsoundError);
    expect((error as CsoundError).code).toBe(1);
    expect((error as CsoundError).message).toContain('before compilation');
    expect(cs.params().message_level).toBe(level);
    cs.destroy();
  });
});

describe('params', () => {
  it('returns every CSOUND_PARAMS field of csound.h, each a number', async () => {
    const cs = await quietCsound();
    const params = cs.params();
    expect(params).toBeInstanceOf(CsoundParams);
    expect(Object.keys(params).sort()).toEqual([...CSOUND_PARAMS_FIELDS].sort());
    for (const field of CSOUND_PARAMS_FIELDS) {
      expect(Number.isFinite((params as unknown as Record<string, number>)[field]), field).toBe(true);
    }
    cs.destroy();
  });

  it('fills the object it is given and returns it, as the seed’s params(p)', async () => {
    const cs = await quietCsound();
    cs.setOption('-m0');
    const target = new CsoundParams();
    target.message_level = 99;
    expect(cs.params(target)).toBe(target);
    expect(target.message_level).toBe(0);
    cs.destroy();
  });

  it('reflects setMessageLevel() in message_level and messageLevel()', async () => {
    const cs = await quietCsound();
    cs.setMessageLevel(7);
    expect(cs.params().message_level).toBe(7);
    expect(cs.messageLevel()).toBe(7);
    cs.destroy();
  });

  it('reflects setDebug() in debug_mode', async () => {
    const cs = await quietCsound();
    cs.setDebug(true);
    expect(cs.params().debug_mode).toBe(1);
    cs.setDebug(false);
    expect(cs.params().debug_mode).toBe(0);
    cs.destroy();
  });
});

describe('setParams', () => {
  it('ksmps_override replaces the orchestra ksmps, and time advances by it', async () => {
    const cs = await quietCsound();
    cs.setOption('-n');
    cs.setParams({ ksmps_override: 20 });
    expect(cs.params().ksmps_override).toBe(20);
    cs.compileOrc(ORC);
    cs.start();
    expect(cs.ksmps()).toBe(20);
    expect(cs.kr()).toBe(cs.sr() / 20);
    cs.performKsmps();
    expect(cs.currentTimeSamples()).toBe(20);
    cs.destroy();
  });

  it('sample_rate_override replaces the orchestra sr, and score time follows it', async () => {
    const cs = await quietCsound();
    cs.setOption('-n');
    cs.setParams({ sample_rate_override: 22050 });
    cs.compileOrc(ORC);
    cs.start();
    expect(cs.sr()).toBe(22050);
    cs.performKsmps();
    expect(cs.scoreTime()).toBeCloseTo(cs.ksmps() / 22050, 12);
    cs.destroy();
  });

  it('keeps the fields it is not given', async () => {
    const cs = await quietCsound();
    cs.setMessageLevel(5);
    cs.setParams({ ksmps_override: 32 });
    const params = cs.params();
    expect(params.message_level).toBe(5);
    expect(params.ksmps_override).toBe(32);
    cs.destroy();
  });

  it('round-trips a full CsoundParams object from params()', async () => {
    const cs = await quietCsound();
    const params = cs.params();
    params.ksmps_override = 16;
    params.e0dbfs_override = 3;
    cs.setParams(params);
    expect(cs.params()).toEqual(params);
    cs.destroy();
  });

  it('rejects a field that is not in CSOUND_PARAMS (e.g. the seed’s Csound 7 name sr_override)', async () => {
    const cs = await quietCsound();
    expect(() => cs.setParams({ sr_override: 48000 } as never)).toThrow(/sr_override is not a CSOUND_PARAMS field/);
    cs.destroy();
  });

  it('rejects a non-numeric value and names the field', async () => {
    const cs = await quietCsound();
    expect(() => cs.setParams({ ksmps_override: 'abc' } as never)).toThrow(/ksmps_override must be a number/);
    expect(cs.params().ksmps_override).toBe(0);
    cs.destroy();
  });
});
