#!/usr/bin/env bash
# Builds the Csound source of the wasm build (the pinned tarball, unpacked and patched by the superbuild) natively
# for x86-64 with the wasm build's options: double samples, USE_COMPILER_OPTIMIZATIONS=0 (no -ffast-math), GCC.
# It is the bisecting tool of docs/FIDELITY.md: Debian's libcsound64 is compiled with Csound's default
# optimisation flags, and renders against this build tell those flags apart from anything else.
#   scripts/build-native-reference.sh            -> <build>/native-csound/libcsound64.so.6.0
#   LD_LIBRARY_PATH=build/native-csound npx vitest run tests/golden    (Debian's csound command, this library)
# Needs gcc, g++, cmake, bison, flex and libsndfile1-dev on the host; run scripts/build.sh first.
# Prints one line per stage; the compiler's output is in build/logs/native-reference.log (CSOUND_WASM_VERBOSE=1
# prints it instead).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/scripts/lib/output.sh"
out_init native-reference native-reference
build=${CSOUND_WASM_BUILD_DIR:-$root/build}
src=${CSOUND_WASM_CSOUND_SRC:-$build/csound/src/csound_ext}
out=$build/native-csound
[ -f "$src/CMakeLists.txt" ] || { echo "build-native-reference: no Csound source at $src (run scripts/build.sh)" >&2; exit 1; }
[ -f /usr/include/sndfile.h ] || { echo "build-native-reference: install libsndfile1-dev" >&2; exit 1; }
stage "configuring Csound for x86-64 (GCC, no -ffast-math)"
quiet cmake -S "$src" -B "$out" -DCMAKE_BUILD_TYPE=Release -DCMAKE_C_COMPILER=gcc -DCMAKE_CXX_COMPILER=g++ \
  -DUSE_DOUBLE=1 -DUSE_COMPILER_OPTIMIZATIONS=0 -DINIT_STATIC_MODULES=1 -DBUILD_MULTI_CORE=0 -DUSE_GETTEXT=NO \
  -DUSE_CURL=0 -DBUILD_TESTS=0 -DBUILD_UTILITIES=0 -DUSE_GIT_COMMIT=0 -DUSE_MP3=0 -DBUILD_DOCS=0 \
  -DBUILD_PYTHON_INTERFACE=0 -DBUILD_JAVA_INTERFACE=0 -DBUILD_LUA_INTERFACE=0 -DBUILD_CXX_INTERFACE=0 \
  -DUSE_ALSA=0 -DUSE_PULSEAUDIO=0 -DUSE_JACK=0 -DUSE_PORTAUDIO=0 -DUSE_PORTMIDI=0 -DUSE_IPMIDI=0 -DUSE_FLTK=0
stage "compiling libcsound64 ($(nproc) jobs)"
quiet cmake --build "$out" --target csound64 -j"$(nproc)"
echo "native reference: $out/libcsound64.so.6.0 (use with LD_LIBRARY_PATH=$out)"
