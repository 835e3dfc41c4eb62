/* Native side of tests/node/libm.test.ts: compiled with the host's gcc against glibc's libm, together with
   cpp/libm_probe.c (the same table of functions the wasm module evaluates).
     libm-probe --list            prints "id name kind" per probe
     libm-probe ID N < input      input: N doubles x, then N doubles y; writes N doubles of results to stdout */
#include <stdio.h>
#include <stdlib.h>

const char *csound_wasm_libm_probe_name (int id);
int csound_wasm_libm_probe (int id, const double *x, const double *y, double *out, int n);

int main (int argc, char **argv)
{
  if (argc == 2)
    {
      for (int id = 0; csound_wasm_libm_probe_name (id); id++)
        printf ("%d %s\n", id, csound_wasm_libm_probe_name (id));
      return 0;
    }
  if (argc != 3) return 2;
  int id = atoi (argv[1]);
  int n = atoi (argv[2]);
  double *x = malloc (sizeof (double) * n), *y = malloc (sizeof (double) * n), *out = malloc (sizeof (double) * n);
  if (!x || !y || !out) return 3;
  if (fread (x, sizeof (double), n, stdin) != (size_t) n || fread (y, sizeof (double), n, stdin) != (size_t) n)
    return 4;
  if (csound_wasm_libm_probe (id, x, y, out, n) != 0) return 5;
  if (fwrite (out, sizeof (double), n, stdout) != (size_t) n) return 6;
  return 0;
}
