// Host commands (libc system()), denied unless the host allows them.
//
// Emscripten's own system() is a JS library function that, in Node, runs the command with child_process: any
// CSD could run shell commands as the user of the process that renders it (system/system_i, <CsScore bin>).
// This definition replaces it (the linker takes a C definition over the JS library one, so the glue no longer
// has Emscripten's), and it refuses with EPERM unless the engine allowed host commands. Each Csound instance
// runs in a module instance of its own, so this flag is per instance; its performer thread shares the memory
// and so the flag. patches/csound/0008-* makes the opcodes and the score bin refuse first, with a clear message;
// this is the floor under them and under any other caller of system().
#include <emscripten.h>
#include <errno.h>
#include <stdlib.h>

static volatile int host_commands_allowed;

void csound_wasm_set_host_commands_allowed(int allowed) { host_commands_allowed = allowed; }

// Runs a command through the shell, as Emscripten's system() did: output to the process's stdout and stderr,
// the result as a wait status (exit code << 8, or the signal number). Browsers have no processes: -1. With a
// null command, says whether there is a shell (1 in Node).
EM_JS(int, csound_wasm_run_host_command, (const char *command), {
  if (!ENVIRONMENT_IS_NODE) return -1;
  if (!command) return 1;
  var result = require("child_process").spawnSync(UTF8ToString(command), [], { shell: true, stdio: "inherit" });
  if (result.error) return -1;
  if (result.status === null) return (require("os").constants.signals[result.signal] || 2) & 127;
  return (result.status & 255) << 8;
});

int system(const char *command) {
  if (!host_commands_allowed) {
    if (command == NULL) return 0;  // "no shell"
    errno = EPERM;
    return -1;
  }
  const int status = csound_wasm_run_host_command(command);
  if (status < 0) errno = ENOSYS;
  return status;
}
