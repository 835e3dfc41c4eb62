/* /proc/stat for cpumeter on an AudioWorklet (see audio_thread_cpu.h). The worklet's performer
 * (js/performer-attach.ts) reports before the first k-cycle and after each one how long it has spent in Csound and
 * how long it has been performing, in milliseconds. That becomes the text of a /proc/stat with one CPU, busy for
 * the first and idle for the rest, in microseconds (cpumeter uses only ratios), rewritten in place at each report
 * with fixed-width numbers; cpumeter opens it as a memory stream (fmemopen, no file-system call), and each time it
 * rewinds the stream for a reading it reads the latest text. Until a worklet reports, and on other threads,
 * /proc/stat is the file system's (js/proc-stat.ts). */
#include <stdatomic.h>
#include <string.h>
#include <emscripten/emscripten.h>
#include "audio_thread_cpu.h"
#undef fopen

/* "cpu  <20 digits> 0 0 <20 digits> 0 0 0 0 0 0\n" twice (total and cpu0), then "intr 0\n". */
static char text[160];
static size_t text_length;
/* Only the thread that reports (the worklet) reads this /proc/stat. */
static _Thread_local int reporting_thread;

EMSCRIPTEN_KEEPALIVE void csound_wasm_audio_thread_times(double busy_ms, double wall_ms) {
  double idle_ms = wall_ms - busy_ms;
  if (idle_ms < 0) idle_ms = 0;
  const unsigned long long busy = (unsigned long long)(busy_ms * 1000.0);
  /* Before any time has passed, idle: a first reading of 0 (with all counters 0 cpumeter would read 100). */
  const unsigned long long idle = busy == 0 && idle_ms < 0.001 ? 1 : (unsigned long long)(idle_ms * 1000.0);
  const int n = snprintf(text, sizeof text, "cpu  %020llu 0 0 %020llu 0 0 0 0 0 0\ncpu0 %020llu 0 0 %020llu 0 0 0 0 0 0\nintr 0\n",
                         busy, idle, busy, idle);
  text_length = n > 0 ? (size_t)n : 0;
  reporting_thread = 1;
}

FILE *csound_wasm_cpumeter_fopen(const char *path, const char *mode) {
  if (!reporting_thread || strcmp(path, "/proc/stat") != 0) return fopen(path, mode);
  return fmemopen(text, text_length, "r");
}
