/* Shim: musl's stdlib.h plus glibc's `struct random_data`, the state of glibc's random_r.c (compiled here for
   rand/srand, see cpp/glibc-libm/rand.c). */
#ifndef GLIBM_STDLIB_H
#define GLIBM_STDLIB_H
#include_next <stdlib.h>
#include <stdint.h>
struct random_data
{
  int32_t *fptr;
  int32_t *rptr;
  int32_t *state;
  int rand_type;
  int rand_deg;
  int rand_sep;
  int32_t *end_ptr;
};
int __random_r (struct random_data *buf, int32_t *result);
int __srandom_r (unsigned int seed, struct random_data *buf);
int __initstate_r (unsigned int seed, char *state, size_t n, struct random_data *buf);
int __setstate_r (char *state, struct random_data *buf);
#endif
