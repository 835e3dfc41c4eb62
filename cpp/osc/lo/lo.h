/* The part of liblo's API that Csound's Opcodes/OSC.c uses, implemented by cpp/osc/host_osc.c without sockets:
 * an OSC "server thread" is a port number registered in the engine, which the host feeds with OSC packets
 * (Csound.oscDeliver), and lo_send_message queues packets that the host collects (Csound.oscTake). Types and
 * function names follow liblo 0.31 so that OSC.c compiles unchanged. */
#ifndef CSOUND_WASM_LO_H
#define CSOUND_WASM_LO_H

#include <netinet/in.h> /* as liblo's headers do: OSC.c uses IPPROTO_IP from here */
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
  uint32_t sec;
  uint32_t frac;
} lo_timetag;

typedef union {
  int32_t i;
  int32_t i32;
  int64_t h;
  int64_t i64;
  float f;
  float f32;
  double d;
  double f64;
  char s;
  char S;
  unsigned char c;
  uint8_t m[4];
  lo_timetag t;
  struct {
    int32_t size;
    char data;
  } blob;
} lo_arg;

typedef struct csw_lo_blob *lo_blob;
typedef struct csw_lo_message *lo_message;
typedef struct csw_lo_address *lo_address;
typedef struct csw_lo_server_thread *lo_server_thread;
typedef struct csw_lo_method *lo_method;

typedef void (*lo_err_handler)(int num, const char *msg, const char *where);
typedef int (*lo_method_handler)(const char *path, const char *types, lo_arg **argv, int argc, lo_message msg,
                                 void *user_data);

lo_server_thread lo_server_thread_new(const char *port, lo_err_handler err_h);
lo_server_thread lo_server_thread_new_multicast(const char *group, const char *port, lo_err_handler err_h);
int lo_server_thread_start(lo_server_thread st);
int lo_server_thread_stop(lo_server_thread st);
void lo_server_thread_free(lo_server_thread st);
lo_method lo_server_thread_add_method(lo_server_thread st, const char *path, const char *typespec,
                                      lo_method_handler h, const void *user_data);
void lo_server_thread_del_method(lo_server_thread st, const char *path, const char *typespec);
int lo_server_thread_del_lo_method(lo_server_thread st, lo_method m);

lo_address lo_address_new(const char *host, const char *port);
void lo_address_set_ttl(lo_address t, int ttl);
void lo_address_free(lo_address t);

lo_blob lo_blob_new(int32_t size, const void *data);
void lo_blob_free(lo_blob b);
uint32_t lo_blob_datasize(lo_blob b);
void *lo_blob_dataptr(lo_blob b);
uint32_t lo_blobsize(lo_blob b);

lo_message lo_message_new(void);
void lo_message_free(lo_message m);
int lo_message_add_int32(lo_message m, int32_t a);
int lo_message_add_int64(lo_message m, int64_t a);
int lo_message_add_float(lo_message m, float a);
int lo_message_add_double(lo_message m, double a);
int lo_message_add_string(lo_message m, const char *a);
int lo_message_add_char(lo_message m, char a);
int lo_message_add_midi(lo_message m, uint8_t a[4]);
int lo_message_add_true(lo_message m);
int lo_message_add_false(lo_message m);
int lo_message_add_timetag(lo_message m, lo_timetag a);
int lo_message_add_blob(lo_message m, lo_blob a);
int lo_send_message(lo_address targ, const char *path, lo_message msg);

#ifdef __cplusplus
}
#endif

#endif
