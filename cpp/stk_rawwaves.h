/* Read before STK's src/FileRead.cpp (-include, cmake/Plugins.cmake): STK opens its rawwaves through
 * csound_wasm_stk_fopen/_stat (cpp/stk_rawwaves.c), which serve the tables the host has put in memory
 * (js/stk-rawwaves.ts) without a file-system call. An AudioWorklet cannot have a file-system call served while it
 * performs, so without this an STK instrument whose note started on the audio thread waited for ever. */
#ifndef CSOUND_WASM_STK_RAWWAVES_H
#define CSOUND_WASM_STK_RAWWAVES_H
#include <stdio.h>
#include <sys/stat.h>
#ifdef __cplusplus
extern "C" {
#endif
FILE *csound_wasm_stk_fopen(const char *path, const char *mode);
int csound_wasm_stk_stat(const char *path, struct stat *st);
#ifdef __cplusplus
}
#endif
#define fopen(path, mode) csound_wasm_stk_fopen(path, mode)
#define stat(path, st) csound_wasm_stk_stat(path, st)
#endif
