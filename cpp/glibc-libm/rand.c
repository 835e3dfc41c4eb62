/* rand, srand, random, srandom with glibc's generator (its random_r.c, compiled from the glibc source package by
   cmake/GlibcLibm.cmake), replacing musl's. Some Csound opcodes call rand() (sequ, paulstretch, pvsgendy,
   tableshuffle, scans, lfsr, la_* random fills): natively they get glibc's additive feedback generator, seeded 1
   until srand is called; musl's rand is a different (LCG) sequence, so those opcodes rendered differently.
   As in glibc, the default state is the TYPE_3 table that initstate(1, state, 128) builds, behind one lock. */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>

int __glibm_initstate_r (unsigned int seed, char *state, size_t n, struct random_data *buf);
int __glibm_srandom_r (unsigned int seed, struct random_data *buf);
int __glibm_random_r (struct random_data *buf, int32_t *result);

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int32_t table[32]; /* 128 bytes: glibc's default TYPE_3 state, degree 31 */
static struct random_data generator;
static int initialized;

static void ensure_initialized (void)
{
  if (!initialized)
    {
      __glibm_initstate_r (1, (char *) table, sizeof table, &generator);
      initialized = 1;
    }
}

long random (void)
{
  int32_t value;
  pthread_mutex_lock (&lock);
  ensure_initialized ();
  __glibm_random_r (&generator, &value);
  pthread_mutex_unlock (&lock);
  return value;
}

void srandom (unsigned int seed)
{
  pthread_mutex_lock (&lock);
  ensure_initialized ();
  __glibm_srandom_r (seed, &generator);
  pthread_mutex_unlock (&lock);
}

int rand (void) { return (int) random (); }
void srand (unsigned int seed) { srandom (seed); }
