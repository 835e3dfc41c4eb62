/* The performer side of one Csound instance: what a second module instance on the same shared memory (an
 * AudioWorklet or a Node worker) calls without embind, and the record ring it fills. */
#ifndef CSOUND_WASM_PERFORMER_H
#define CSOUND_WASM_PERFORMER_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Single-producer (performer) single-consumer (host thread) ring of interleaved frames copied from spout.
 * Layout is fixed: the JS side reads the counters through Atomics (offsets in js/performer-layout.ts). */
typedef struct RecordRing {
  int32_t active;          /* 1 while frames are to be recorded */
  uint32_t write_frames;   /* frames written so far (wraps at 2^32) */
  uint32_t read_frames;    /* frames consumed so far */
  uint32_t dropped_frames; /* frames lost because the ring was full */
  uint32_t capacity;       /* frames the ring holds */
  uint32_t channels;
  int32_t wait_when_full;  /* 1: the performer waits for room (offline); 0: it drops (audio thread) */
  double *data;            /* capacity * channels doubles */
} RecordRing;

#ifdef __cplusplus
}
#endif

#endif
