// Plugin opcode libraries linked into the module (see cmake/Plugins.cmake for the list and what is left out).
#pragma once

#include <csound.h>

namespace csound_wasm {

// Registers every statically linked plugin with `csound`, as native Csound's csoundLoadModules +
// csoundInitModules would after finding them in its plugin directory: modules get csoundModuleCreate then
// csoundModuleInit, opcode and GEN tables are appended. Call after csoundCreate and after every csoundReset (the
// reset rebuilds the opcode table); a module's csoundModuleDestroy runs at the next reset or at csoundDestroy.
// A plugin that fails to register is reported through Csound's messages; the others are still registered.
void registerStaticPlugins(CSOUND *csound);

}  // namespace csound_wasm
