/* STK's rawwaves served from memory (see stk_rawwaves.h). The host copies each table into this instance's memory
 * once (csound_wasm_stk_rawwave_add, from js/stk-rawwaves.ts, on the host's thread, before the performance or
 * between k-cycles); STK's FileRead then opens a path under RAWWAVE_DIR as a read-only memory stream (fmemopen),
 * so reading a table needs no file-system call on whatever thread performs. Other paths, and tables the host has
 * not added, go to the file system as before. */
#include <stdatomic.h>
#include <string.h>
#include <emscripten/emscripten.h>
#include "stk_rawwaves.h"
#undef fopen
#undef stat

#define RAWWAVE_DIR "/usr/share/stk/rawwaves/"
#define MAX_TABLES 64

typedef struct {
  char name[32];
  const unsigned char *data;
  size_t size;
} Table;

static Table tables[MAX_TABLES];
static atomic_int table_count;

/* Adds a table (the host keeps `data` alive for the instance's life). Returns 0, or -1 when the list is full. */
EMSCRIPTEN_KEEPALIVE int csound_wasm_stk_rawwave_add(const char *name, const unsigned char *data, size_t size) {
  const int n = atomic_load_explicit(&table_count, memory_order_relaxed);
  if (n >= MAX_TABLES || strlen(name) >= sizeof tables[0].name) return -1;
  strcpy(tables[n].name, name);
  tables[n].data = data;
  tables[n].size = size;
  atomic_store_explicit(&table_count, n + 1, memory_order_release);
  return 0;
}

static const Table *find(const char *path) {
  const size_t dir = sizeof RAWWAVE_DIR - 1;
  if (strncmp(path, RAWWAVE_DIR, dir) != 0) return NULL;
  const int n = atomic_load_explicit(&table_count, memory_order_acquire);
  for (int i = 0; i < n; ++i) {
    if (strcmp(path + dir, tables[i].name) == 0) return &tables[i];
  }
  return NULL;
}

FILE *csound_wasm_stk_fopen(const char *path, const char *mode) {
  const Table *t = mode[0] == 'r' && strchr(mode, '+') == NULL ? find(path) : NULL;
  if (t == NULL) return fopen(path, mode);
  return fmemopen((void *)t->data, t->size, "rb");
}

int csound_wasm_stk_stat(const char *path, struct stat *st) {
  const Table *t = find(path);
  if (t == NULL) return stat(path, st);
  memset(st, 0, sizeof *st);
  st->st_mode = S_IFREG | 0444;
  st->st_size = (off_t)t->size;
  st->st_nlink = 1;
  return 0;
}
