// Constants of the Csound API, with the values of Csound 6.18's csound.h and msg_attr.h.

/** Flags for csoundInitialize(). */
export const CSOUNDINIT_NO_SIGNAL_HANDLER = 1;
export const CSOUNDINIT_NO_ATEXIT = 2;

/** Return codes. */
export const CSOUND_SUCCESS = 0;
export const CSOUND_ERROR = -1;
export const CSOUND_INITIALIZATION = -2;
export const CSOUND_PERFORMANCE = -3;
export const CSOUND_MEMORY = -4;
export const CSOUND_SIGNAL = -5;
export const CSOUND_EXITJMP_SUCCESS = 256;

/** Event types of `Csound.event()` (the seed's Csound 7 constants). */
export const CS_INSTR_EVENT = 0;
export const CS_TABLE_EVENT = 1;
export const CS_END_EVENT = 2;

/** Channel type flags (controlChannelType). */
export const CSOUND_CONTROL_CHANNEL = 1;
export const CSOUND_AUDIO_CHANNEL = 2;
export const CSOUND_STRING_CHANNEL = 3;
export const CSOUND_PVS_CHANNEL = 4;
export const CSOUND_VAR_CHANNEL = 5;
export const CSOUND_CHANNEL_TYPE_MASK = 15;
export const CSOUND_INPUT_CHANNEL = 16;
export const CSOUND_OUTPUT_CHANNEL = 32;

/** Control channel behaviours (controlChannelBehavior). */
export const CSOUND_CONTROL_CHANNEL_NO_HINTS = 0;
export const CSOUND_CONTROL_CHANNEL_INT = 1;
export const CSOUND_CONTROL_CHANNEL_LIN = 2;
export const CSOUND_CONTROL_CHANNEL_EXP = 3;

/** Message attributes. The type is `attr & CSOUNDMSG_TYPE_MASK`. */
export const CSOUNDMSG_DEFAULT = 0x0000;
export const CSOUNDMSG_ERROR = 0x1000;
export const CSOUNDMSG_ORCH = 0x2000;
export const CSOUNDMSG_REALTIME = 0x3000;
export const CSOUNDMSG_WARNING = 0x4000;
export const CSOUNDMSG_STDOUT = 0x5000;
export const CSOUNDMSG_TYPE_MASK = 0x7000;
export const CSOUNDMSG_FG_MASK = 0x0f00;
export const CSOUNDMSG_BG_MASK = 0x00f0;

/** Size in bytes of MYFLT in this build (double precision). */
export const MYFLT_SIZE = 8;
