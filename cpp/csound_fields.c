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
