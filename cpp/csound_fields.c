/* Fields of Csound's internal CSOUND struct that the API does not expose. Read here, in C compiled with the
 * definitions libcsound itself is compiled with: the struct's layout differs when csoundCore.h is compiled as C++
 * (measured: fields after exitjmp sit 8 bytes further), so C++ code must not read it directly. */
#include <csoundCore.h>
#include <math.h>

#include "csound_fields.h"

int csound_wasm_host_audio_io(CSOUND *csound) { return csound->enableHostImplementedAudioIO; }

const char *csound_wasm_sorted_score(CSOUND *csound) {
  return csound->scstr != NULL ? csound->scstr->body : NULL;
}

jmp_buf *csound_wasm_exit_jump(CSOUND *csound) { return &csound->exitjmp; }

long csound_wasm_queue_items(CSOUND *csound) { return __atomic_load_n(&csound->msg_queue_items, __ATOMIC_ACQUIRE); }

double csound_wasm_instr0_return(CSOUND *csound) {
  if (csound->instr0 == NULL || csound->instr0->instance == NULL) return NAN;
  return csound->instr0->instance[0].retval;
}

/* csoundPerformKsmps without its setjmp. Emscripten implements setjmp by giving each call of a function that
 * contains one a table from malloc (and freeing it on return), and by calling everything that might longjmp
 * through JS trampolines. So every k-cycle took the allocator's lock twice: on an audio thread that cannot block,
 * whenever the main thread allocated at the same time (it does little else while compiling), the k-cycle waited
 * for a thread the OS may have descheduled — the audio quanta of 30-180 ms seen in Chromium's profile.
 * Csound's setjmp only runs on the first call (jumpset), which still goes to csoundPerformKsmps; later calls do
 * what csoundPerformKsmps does after it, with the same lock and the same message at the end of the score. */
int sensevents(CSOUND *csound);

int csound_wasm_perform_ksmps(CSOUND *csound) {
  if (!(csound->engineStatus & CS_STATE_COMP) || csound->jumpset == 0) return csoundPerformKsmps(csound);
  const int locks = !csound->oparms->realtime; /* no API lock in realtime mode, as in Csound */
  if (locks) csoundLockMutex(csound->API_lock);
  do {
    const int done = sensevents(csound);
    if (UNLIKELY(done)) {
      if (locks) csoundUnlockMutex(csound->API_lock);
      csoundMessage(csound, Str("Score finished in csoundPerformKsmps() with %d.\n"), done);
      return done;
    }
  } while (csound->kperf(csound));
  if (locks) csoundUnlockMutex(csound->API_lock);
  return 0;
}
