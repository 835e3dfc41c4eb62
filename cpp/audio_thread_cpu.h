/* Read before Csound's Opcodes/cpumeter.c (-include, cmake/Plugins.cmake): cpumeter opens /proc/stat through
 * csound_wasm_cpumeter_fopen (cpp/audio_thread_cpu.c). On an AudioWorklet, which cannot have file-system calls
 * served while it performs, that is a memory stream written from the audio thread's own busy time; elsewhere it is
 * the file system's /proc/stat (js/proc-stat.ts). */
#ifndef CSOUND_WASM_AUDIO_THREAD_CPU_H
#define CSOUND_WASM_AUDIO_THREAD_CPU_H
#include <stdio.h>
#ifdef __cplusplus
extern "C" {
#endif
FILE *csound_wasm_cpumeter_fopen(const char *path, const char *mode);
#ifdef __cplusplus
}
#endif
#define fopen(path, mode) csound_wasm_cpumeter_fopen(path, mode)
#endif
