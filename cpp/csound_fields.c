/* Fields of Csound's internal CSOUND struct that the API does not expose. Read here, in C compiled with the
 * definitions libcsound itself is compiled with: the struct's layout differs when csoundCore.h is compiled as C++
 * (measured: fields after exitjmp sit 8 bytes further), so C++ code must not read it directly. */
#include <csoundCore.h>
#include <math.h>
#include <stdint.h>
#include <string.h>
#include <emscripten/emscripten.h>

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

/* A k-cycle that ended with csound->LongJmp (exitnow, a fatal error): what csoundPerform returns after such a jump
 * ((n - CSOUND_EXITJMP_SUCCESS) | CSOUND_EXITJMP_SUCCESS: positive for exitnow's default 0, the end of the
 * performance; negative for an error). The k-cycle took the API lock (outside realtime mode) and the jump skipped
 * its release: released here, as another thread (the host's, after a performer thread) may take it next. */
int csound_wasm_exit_jump_landed(CSOUND *csound, int jumped) {
  if (!csound->oparms->realtime) csoundUnlockMutex(csound->API_lock);
  return (jumped - CSOUND_EXITJMP_SUCCESS) | CSOUND_EXITJMP_SUCCESS;
}

void csound_wasm_exit_jump_set(CSOUND *csound) { csound->jumpset = 1; }

/* Emscripten's longjmp records its target and value in these (compiler-rt) before it throws to JS. */
extern _Thread_local uintptr_t __THREW__;
extern _Thread_local int __threwValue;

/* For a jump that escaped to JS out of a k-cycle with no live target (the performer's calls): the value it carried,
 * as csound_wasm_exit_jump_landed returns it; 0 when no jump is recorded. Clears the record. */
EMSCRIPTEN_KEEPALIVE int csound_wasm_exit_jump_escaped(CSOUND *csound) {
  const int jumped = __THREW__ != 0 ? __threwValue : 0;
  __THREW__ = 0;
  __threwValue = 0;
  return jumped != 0 ? csound_wasm_exit_jump_landed(csound, jumped) : 0;
}

/* True when a compiled instrument (or UDO) uses an STK opcode: the host then puts STK's rawwaves in memory before
 * a note can need them (cpp/stk_rawwaves.c). */
int csound_wasm_uses_stk(CSOUND *csound) {
  for (INSTRTXT *ip = csound->engineState.instxtanchor.nxtinstxt; ip != NULL; ip = ip->nxtinstxt) {
    for (OPTXT *op = ((OPTXT *)ip)->nxtop; op != NULL; op = op->nxtop) {
      if (op->t.oentry != NULL && op->t.oentry->opname != NULL && strncmp(op->t.oentry->opname, "STK", 3) == 0) {
        return 1;
      }
    }
  }
  return 0;
}
