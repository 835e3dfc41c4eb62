// C++ exceptions end the instance instead of vanishing.
//
// The module is built without exception catching (-sDISABLE_EXCEPTION_CATCHING=1). Emscripten's own __cxa_throw
// then throws a bare number to JS, and where a function on the stack calls setjmp (Csound's error handling, the
// glue's exit-jump targets) its JS trampoline takes that number for "no longjmp" and carries on after the call:
// the throw vanished and the code went on with half-built objects. STK reports a missing rawwave file by throwing
// StkError (natively nothing catches it either and csound terminates). This definition replaces Emscripten's:
// it says what was thrown and aborts, which ends that instance with a CsoundError (others are unaffected).
#include <cstdio>
#include <cstdlib>
#include <typeinfo>

extern "C" [[noreturn]] void __cxa_throw(void *thrown, std::type_info *type, void (*destructor)(void *)) {
  (void)thrown;
  (void)destructor;
  std::fprintf(stderr, "csound-wasm: uncaught C++ exception of type %s (this build does not catch C++ exceptions)\n",
               type != nullptr ? type->name() : "?");
  std::abort();
}
