# Output of the set-up and build scripts, sourced by them: one line per stage on the terminal, the full output of
# every command (apt-get, CMake, the compilers, npm) in a log file, and on a failure the log's last 60 lines and
# its path, with the command's exit code.
#   CSOUND_WASM_VERBOSE=1   commands print to the terminal as they run (the log then holds the stage lines only)
#   CSOUND_WASM_LOG         the log file. The first script of a run sets it (out_init); the scripts it calls inherit
#                           it and add to the same file.
# Usage: out_init <stage prefix> <log name>, then `stage "text"`, `quiet cmd…`, `quiet_staged <awk program> cmd…`.

out_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

out_verbose() { [ -n "${CSOUND_WASM_VERBOSE:-}" ] && [ "${CSOUND_WASM_VERBOSE}" != 0 ]; }

# out_init <prefix> <name>: stage lines start with "<prefix>: "; a script that starts a run logs to
# <build dir>/logs/<name>.log, emptied first.
out_init() {
  OUT_PREFIX=$1
  if [ -z "${CSOUND_WASM_LOG:-}" ]; then
    local dir=${CSOUND_WASM_BUILD_DIR:-$out_root/build}/logs
    mkdir -p "$dir"
    export CSOUND_WASM_LOG="$dir/$2.log"
    : > "$CSOUND_WASM_LOG"
    unset CSOUND_WASM_LOG_SHOWN
  fi
}

# stage <text>: one line for the terminal (the first one of a run also says where the log is) and a marker in the
# log, so that a failure's context is easy to find there.
stage() {
  echo "$OUT_PREFIX: $*"
  printf '\n===== %s: %s\n' "$OUT_PREFIX" "$*" >> "$CSOUND_WASM_LOG"
  if [ -z "${CSOUND_WASM_LOG_SHOWN:-}" ] && ! out_verbose; then
    echo "$OUT_PREFIX: the full output goes to $(out_path)"
    export CSOUND_WASM_LOG_SHOWN=1
  fi
}

out_path() { case $CSOUND_WASM_LOG in "$out_root"/*) echo "${CSOUND_WASM_LOG#"$out_root"/}" ;; *) echo "$CSOUND_WASM_LOG" ;; esac; }

# out_fail <exit code>: shows the end of the log and exits with that code.
out_fail() {
  local rc=$1
  if out_verbose; then
    echo "$OUT_PREFIX: failed (exit code $rc)" >&2
  else
    echo "---- the last 60 lines of $(out_path):" >&2
    tail -n 60 "$CSOUND_WASM_LOG" >&2
    echo "----" >&2
    echo "$OUT_PREFIX: failed (exit code $rc); the full output is in $(out_path)" >&2
  fi
  exit "$rc"
}

# quiet <command…>: runs the command with its output in the log (on the terminal with CSOUND_WASM_VERBOSE=1).
quiet() {
  local rc=0
  if out_verbose; then
    "$@" || rc=$?
  else
    "$@" >> "$CSOUND_WASM_LOG" 2>&1 || rc=$?
  fi
  [ "$rc" = 0 ] || out_fail "$rc"
}

# quiet_staged <awk program> <command…>: as quiet, and the awk program reads the command's output and prints the
# stage lines it finds there (its variable `prefix` holds the stage prefix; it must fflush() after each line).
quiet_staged() {
  local program=$1 rc=0
  shift
  if out_verbose; then
    "$@" || rc=$?
  else
    set -o pipefail
    "$@" 2>&1 | tee -a "$CSOUND_WASM_LOG" | awk -v prefix="$OUT_PREFIX" "$program" || rc=$?
  fi
  [ "$rc" = 0 ] || out_fail "$rc"
}
