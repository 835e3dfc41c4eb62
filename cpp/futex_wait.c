/* The futex wait under every pthread mutex, condition and join, in place of Emscripten 3.1.6's own (this object
 * defines both symbols of libc's emscripten_futex_wait.o, so that member is not linked).
 *
 * Why: a thread that may not block (Atomics.wait throws there) has to poll. Emscripten's version was written for
 * one such thread, the browser's main thread: the poller registers the address in a single global that
 * emscripten_futex_wake clears, and it serves the main thread's proxied calls while it waits. The AudioWorklet
 * thread is a second thread that may not block. When both polled at once (the main thread waiting for the
 * call-queue lock that the audio thread took while serving "its" queued calls, the audio thread waiting for the
 * allocator's lock), they overwrote each other's registration, wakes were lost, and the audio thread waited out
 * its 100 ms time slice: 50-150 ms quanta in Chromium while the main thread compiled (seen in a CPU profile of the
 * audio thread, inside dlmalloc's lock).
 *
 * Here the main browser thread keeps the registration protocol that emscripten_futex_wake expects, and any other
 * thread that may not block polls the word itself for a short slice and then reports a spurious wake-up, so the
 * caller (musl's lock or wait loop) looks again; it touches neither the global nor the main thread's call queue.
 * Threads that may block use the wasm wait instruction, as before. */
#include <emscripten.h>
#include <emscripten/threading.h>
#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>

extern void *_emscripten_main_thread_futex; /* cleared by emscripten_futex_wake to wake the main thread */
int _emscripten_thread_supports_atomics_wait(void);

static bool thread_crashed = false;

/* Called from JS when a worker thread crashed: a waiting main thread returns to the event loop to hear of it. */
void _emscripten_thread_crashed(void) { __atomic_store_n(&thread_crashed, true, __ATOMIC_SEQ_CST); }

static uint32_t load_word(volatile void *addr) {
  return __atomic_load_n((volatile uint32_t *)addr, __ATOMIC_SEQ_CST);
}

/* The main browser thread: register, then poll until a wake clears the registration, the word changes or time
 * runs out; serve proxied calls meanwhile (another thread may be waiting for one of them). */
static int wait_main_thread(volatile void *addr, uint32_t val, double timeout_ms) {
  const double end = emscripten_get_now() + timeout_ms;
  void *none = NULL;
  __atomic_compare_exchange_n(&_emscripten_main_thread_futex, &none, (void *)addr, false, __ATOMIC_SEQ_CST,
                              __ATOMIC_SEQ_CST);
  int result;
  for (;;) {
    if (__atomic_load_n(&_emscripten_main_thread_futex, __ATOMIC_SEQ_CST) != addr) return 0; /* woken */
    if (emscripten_get_now() > end) {
      result = -ETIMEDOUT;
      break;
    }
    emscripten_main_thread_process_queued_calls();
    if (load_word(addr) != val) {
      result = -EWOULDBLOCK;
      break;
    }
  }
  /* Unregister; a wake that cleared the registration first still counts as a wake. */
  void *mine = (void *)addr;
  const bool registered = __atomic_compare_exchange_n(&_emscripten_main_thread_futex, &mine, NULL, false,
                                                      __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
  return registered ? result : 0;
}

/* Any other thread that may not block (an AudioWorklet): poll for at most a short slice. */
static int wait_polling(volatile void *addr, uint32_t val, double timeout_ms) {
  const double slice_ms = 0.05;
  const double end = emscripten_get_now() + (timeout_ms < slice_ms ? timeout_ms : slice_ms);
  do {
    for (int i = 0; i < 256; ++i) {
      if (load_word(addr) != val) return -EWOULDBLOCK;
    }
  } while (emscripten_get_now() < end);
  return timeout_ms <= slice_ms ? -ETIMEDOUT : 0; /* 0: a spurious wake-up, the caller checks again */
}

int emscripten_futex_wait(volatile void *addr, uint32_t val, double max_wait_ms) {
  if (((uintptr_t)addr & 3) != 0) return -EINVAL;
  if (emscripten_is_main_runtime_thread()) {
    if (__atomic_load_n(&thread_crashed, __ATOMIC_SEQ_CST)) emscripten_unwind_to_js_event_loop();
    emscripten_main_thread_process_queued_calls(); /* another thread may wait for one of them */
  }
  if (_emscripten_thread_supports_atomics_wait()) {
    const int64_t ns = isinf(max_wait_ms) ? -1 : (int64_t)(max_wait_ms * 1e6);
    switch (__builtin_wasm_memory_atomic_wait32((int *)addr, (int)val, ns)) {
      case 0: return 0;
      case 1: return -EWOULDBLOCK;
      default: return -ETIMEDOUT;
    }
  }
  if (emscripten_is_main_browser_thread()) return wait_main_thread(addr, val, max_wait_ms);
  return wait_polling(addr, val, max_wait_ms);
}
