/* Entry points for the performer: a second instance of the module, running on another thread (AudioWorklet or
 * Node worker) over the main instance's shared memory. That instance has no embind and runs no constructors, so
 * these are plain exported C functions, and the thread it runs on is described to libc by a thread block made
 * here, as pthread_create would make it. */
#include <emscripten.h>
#include <emscripten/threading.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "pthread_impl.h" /* Emscripten's musl internals: struct pthread */

#include <csound.h>

#include "performer.h"

/* Thread ids of performer threads start far above the ones pthread_create hands out (pid + 1, + 2, ...). */
static _Atomic int next_performer_tid = 0x40000000;

/* A thread block (struct pthread) with its own stack and TLS-key table, for a performer thread. The performer
 * passes it to _emscripten_thread_init and sets its stack limits from it. */
EMSCRIPTEN_KEEPALIVE pthread_t csound_wasm_thread_create(size_t stack_size) {
  struct pthread *thread = calloc(1, sizeof(struct pthread));
  void **tsd = calloc(PTHREAD_KEYS_MAX, sizeof(void *));
  char *stack = aligned_alloc(16, stack_size);
  if (thread == NULL || tsd == NULL || stack == NULL) {
    free(thread);
    free(tsd);
    free(stack);
    return NULL;
  }
  thread->self = thread;
  thread->tid = atomic_fetch_add(&next_performer_tid, 1);
  thread->robust_list.head = &thread->robust_list.head;
  thread->locale = &libc.global_locale;
  thread->tsd = tsd;
  thread->detach_state = DT_JOINABLE;
  thread->stack = stack + stack_size; /* musl keeps the high end */
  thread->stack_size = stack_size;
  thread->stack_owned = 1;
  /* From now on libc takes its locks: another thread uses the memory. */
  if (!libc.threads_minus_1++) libc.need_locks = 1;
  return thread;
}

/* Frees a thread block once its performer has stopped. */
EMSCRIPTEN_KEEPALIVE void csound_wasm_thread_free(pthread_t thread) {
  if (thread == NULL) return;
  free((char *)thread->stack - thread->stack_size);
  free(thread->tsd);
  free(thread);
  --libc.threads_minus_1;
}

static void record_frames(CSOUND *csound, RecordRing *ring) {
  const uint32_t frames = csoundGetKsmps(csound);
  const uint32_t channels = ring->channels;
  const uint32_t write = atomic_load_explicit((_Atomic uint32_t *)&ring->write_frames, memory_order_relaxed);
  uint32_t read = atomic_load_explicit((_Atomic uint32_t *)&ring->read_frames, memory_order_acquire);
  while (ring->capacity - (write - read) < frames) {
    if (!ring->wait_when_full) {
      atomic_fetch_add((_Atomic uint32_t *)&ring->dropped_frames, frames);
      return;
    }
    /* The host thread drains the ring and wakes this address; the timeout rechecks a stopped recording. */
    emscripten_futex_wait(&ring->read_frames, read, 10.0);
    if (!atomic_load_explicit((_Atomic int32_t *)&ring->active, memory_order_acquire)) return;
    read = atomic_load_explicit((_Atomic uint32_t *)&ring->read_frames, memory_order_acquire);
  }
  const MYFLT *spout = csoundGetSpout(csound);
  for (uint32_t f = 0; f < frames; ++f) {
    double *slot = ring->data + (size_t)((write + f) % ring->capacity) * channels;
    memcpy(slot, spout + (size_t)f * channels, channels * sizeof(double));
  }
  atomic_store_explicit((_Atomic uint32_t *)&ring->write_frames, write + frames, memory_order_release);
}

/* Performs up to `count` k-cycles; after each one, copies spout into each ring that is active (the recording and
 * the host's output ring). Returns csoundPerformKsmps's last result (0 while the performance goes on). */
EMSCRIPTEN_KEEPALIVE int csound_wasm_perform(CSOUND *csound, int count, RecordRing *ring, RecordRing *output) {
  int result = 0;
  for (int i = 0; i < count && result == 0; ++i) {
    result = csoundPerformKsmps(csound);
    /* A call that reports the end performed nothing: spout holds the previous k-cycle. */
    if (result == 0 && ring != NULL && atomic_load_explicit((_Atomic int32_t *)&ring->active, memory_order_acquire)) {
      record_frames(csound, ring);
    }
    if (result == 0 && output != NULL && atomic_load_explicit((_Atomic int32_t *)&output->active, memory_order_acquire)) {
      record_frames(csound, output);
    }
  }
  return result;
}
