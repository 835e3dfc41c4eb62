/* Accessors for fields of the internal CSOUND struct (csound_fields.c). */
#ifndef CSOUND_WASM_CSOUND_FIELDS_H
#define CSOUND_WASM_CSOUND_FIELDS_H

#include <csound.h>
#include <setjmp.h>

#ifdef __cplusplus
extern "C" {
#endif

int csound_wasm_host_audio_io(CSOUND *csound);
/** Csound's sorted score text, or NULL before a score is read. */
const char *csound_wasm_sorted_score(CSOUND *csound);
/** The jump target Csound's errors longjmp to (set it with setjmp around calls that can fail). */
jmp_buf *csound_wasm_exit_jump(CSOUND *csound);
/** Items in Csound's queue of asynchronous requests (events, compiles) that the performer has not applied yet. */
long csound_wasm_queue_items(CSOUND *csound);
/** Marks the exit jump as set (by the caller), so that csoundPerformKsmps does not set one of its own. */
void csound_wasm_exit_jump_set(CSOUND *csound);
/** After a setjmp on csound_wasm_exit_jump returned `jumped` during a k-cycle: csoundPerform's return code for it. */
int csound_wasm_exit_jump_landed(CSOUND *csound, int jumped);
/** True when a compiled instrument or UDO uses an STK opcode. */
int csound_wasm_uses_stk(CSOUND *csound);
/** The value given to `return` by the latest global (instr 0) code once it has run, or NaN. */
double csound_wasm_instr0_return(CSOUND *csound);

#ifdef __cplusplus
}
#endif

#endif
