#include "plugins.hpp"

// Linked into the same module as libcsound: the CSOUND struct and two of its internal functions are used directly.
#define __BUILDING_LIBCSOUND
#include <csoundCore.h>

#include <cstdint>

// Entry points of the plugins, renamed per plugin at compile time (cmake/Plugins.cmake). static_plugins.inc lists
// CSW_PLUGIN(name, create, init, destroy, opcodes, fgens, builtin) with 1 for each entry point the plugin has.
#define CSW_DECL_create_1(n) int csoundModuleCreate_##n(CSOUND *);
#define CSW_DECL_init_1(n) int csoundModuleInit_##n(CSOUND *);
#define CSW_DECL_destroy_1(n) int csoundModuleDestroy_##n(CSOUND *);
#define CSW_DECL_opcodes_1(n) int64_t csound_opcode_init_##n(CSOUND *, OENTRY **);
#define CSW_DECL_fgens_1(n) NGFENS *csound_fgen_init_##n(CSOUND *);
#define CSW_DECL_builtin_1(n) long csound_builtin_init_##n(CSOUND *, OENTRY **);
#define CSW_DECL_create_0(n)
#define CSW_DECL_init_0(n)
#define CSW_DECL_destroy_0(n)
#define CSW_DECL_opcodes_0(n)
#define CSW_DECL_fgens_0(n)
#define CSW_DECL_builtin_0(n)
#define CSW_PTR_create_1(n) &csoundModuleCreate_##n
#define CSW_PTR_init_1(n) &csoundModuleInit_##n
#define CSW_PTR_destroy_1(n) &csoundModuleDestroy_##n
#define CSW_PTR_opcodes_1(n) &csound_opcode_init_##n
#define CSW_PTR_fgens_1(n) &csound_fgen_init_##n
#define CSW_PTR_builtin_1(n) &csound_builtin_init_##n
#define CSW_PTR_create_0(n) nullptr
#define CSW_PTR_init_0(n) nullptr
#define CSW_PTR_destroy_0(n) nullptr
#define CSW_PTR_opcodes_0(n) nullptr
#define CSW_PTR_fgens_0(n) nullptr
#define CSW_PTR_builtin_0(n) nullptr

extern "C" {
#define CSW_PLUGIN(n, c, i, d, o, f, b) \
  CSW_DECL_create_##c(n) CSW_DECL_init_##i(n) CSW_DECL_destroy_##d(n) CSW_DECL_opcodes_##o(n) \
  CSW_DECL_fgens_##f(n) CSW_DECL_builtin_##b(n)
#include "static_plugins.inc"
#undef CSW_PLUGIN

// Engine/fgens.c: adds a named GEN routine (what csmodule.c does with a plugin's csound_fgen_init table).
int allocgen(CSOUND *csound, char *name, GEN fn);
// Top/opcode.c (prototyp.h)
int csoundAppendOpcodes(CSOUND *csound, const OENTRY *opcodeList, int n);
}

namespace csound_wasm {

namespace {

struct StaticPlugin {
  const char *name;
  int (*create)(CSOUND *);
  int (*init)(CSOUND *);
  int (*destroy)(CSOUND *);
  int64_t (*opcodes)(CSOUND *, OENTRY **);
  NGFENS *(*fgens)(CSOUND *);
  long (*builtin)(CSOUND *, OENTRY **);
};

const StaticPlugin kPlugins[] = {
#define CSW_PLUGIN(n, c, i, d, o, f, b)                                                                  \
  {#n, CSW_PTR_create_##c(n), CSW_PTR_init_##i(n), CSW_PTR_destroy_##d(n), CSW_PTR_opcodes_##o(n), \
   CSW_PTR_fgens_##f(n), CSW_PTR_builtin_##b(n)},
#include "static_plugins.inc"
#undef CSW_PLUGIN
};

int appendOpcodeTable(CSOUND *csound, OENTRY *table, int64_t bytes) {
  if (bytes < 0) return CSOUND_ERROR;
  const int count = static_cast<int>(bytes / static_cast<int64_t>(sizeof(OENTRY)));
  return count > 0 ? csoundAppendOpcodes(csound, table, count) : CSOUND_SUCCESS;
}

// Reset callback: runs the module's csoundModuleDestroy when Csound resets or is destroyed, where csmodule.c
// would run it for a dlopen'ed module (csoundDestroyModules). Csound drops the callback list after calling it.
int destroyModule(CSOUND *csound, void *plugin) {
  const auto *p = static_cast<const StaticPlugin *>(plugin);
  const int err = p->destroy(csound);
  if (err != 0) csound->Warning(csound, "Error de-initialising module '%s'", p->name);
  return 0;
}

// The same steps as csmodule.c for one plugin library: with csoundModuleCreate it is a module (create, then
// init); without, its GEN and opcode tables are added.
int registerOne(CSOUND *csound, const StaticPlugin &p) {
  if (p.create != nullptr || p.init != nullptr) {
    if (p.create != nullptr && p.create(csound) != 0) return CSOUND_ERROR;
    if (p.init != nullptr && p.init(csound) != 0) return CSOUND_ERROR;
    if (p.destroy != nullptr)
      csound->RegisterResetCallback(csound, const_cast<StaticPlugin *>(&p), &destroyModule);
    return CSOUND_SUCCESS;
  }
  if (p.fgens != nullptr) {
    NGFENS *gens = p.fgens(csound);
    for (int i = 0; gens != nullptr && gens[i].name != nullptr; ++i) allocgen(csound, gens[i].name, gens[i].fn);
  }
  if (p.opcodes != nullptr) {
    OENTRY *table = nullptr;
    const int64_t bytes = p.opcodes(csound, &table);
    if (appendOpcodeTable(csound, table, bytes) != 0) return CSOUND_ERROR;
  }
  if (p.builtin != nullptr) {
    OENTRY *table = nullptr;
    const int64_t bytes = p.builtin(csound, &table);
    if (appendOpcodeTable(csound, table, bytes) != 0) return CSOUND_ERROR;
  }
  return CSOUND_SUCCESS;
}

}  // namespace

void registerStaticPlugins(CSOUND *csound) {
  for (const StaticPlugin &p : kPlugins) {
    if (registerOne(csound, p) != CSOUND_SUCCESS) {
      csound->ErrorMsg(csound, "Error starting module '%s' (statically linked plugin)", p.name);
    }
  }
}

}  // namespace csound_wasm
