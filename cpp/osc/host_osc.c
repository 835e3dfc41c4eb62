/* liblo without sockets, for Csound's OSC opcodes (Opcodes/OSC.c, compiled unchanged against cpp/osc/lo/lo.h).
 *
 * A browser or Node host has no UDP socket to give wasm code, but it can receive OSC itself (WebSocket, WebRTC,
 * Node's dgram, a MIDI-to-OSC bridge...). So an OSCinit "server" here is a port number registered in the engine;
 * the host hands each OSC packet it receives to csound_wasm_osc_deliver(port, packet), which decodes it and calls
 * the methods OSClisten added, as liblo's server thread would. OSCsend_lo's lo_send_message encodes the message as
 * an OSC packet and queues it with its destination; the host takes the queue with csound_wasm_osc_take.
 *
 * Both entry points may run on another thread than the performance (the performer worker), so the registry and
 * the queue are guarded by mutexes. Like liblo, a message is passed to the first method whose path and type
 * string match, numeric types (i h f d c) and strings (s S) being converted to what the method asked for; the
 * wildcard path NULL and typespec NULL match anything. Bundles (#bundle) are unpacked, their time tags ignored:
 * messages are delivered when the host delivers them. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "lo/lo.h"

struct csw_lo_method {
  char *path;     /* NULL: any path */
  char *typespec; /* NULL: any types */
  lo_method_handler handler;
  void *user_data;
  struct csw_lo_method *next;
};

struct csw_lo_server_thread {
  int port;
  int running;
  lo_method methods;
  struct csw_lo_server_thread *next;
};

struct csw_lo_address {
  char *host;
  char *port;
};

struct csw_lo_blob {
  int32_t size;
  char data[];
};

/* An outgoing message: the type string and the encoded arguments, grown as they are added. */
struct csw_lo_message {
  char *types;
  size_t ntypes;
  uint8_t *data;
  size_t size;
  size_t capacity;
};

/* A packet waiting for the host. */
typedef struct outgoing {
  char *host;
  int port;
  uint8_t *packet;
  size_t size;
  struct outgoing *next;
} outgoing;

static pthread_mutex_t servers_lock = PTHREAD_MUTEX_INITIALIZER;
static lo_server_thread servers = NULL;
static pthread_mutex_t queue_lock = PTHREAD_MUTEX_INITIALIZER;
static outgoing *queue_head = NULL;
static outgoing *queue_tail = NULL;
static size_t queue_length = 0;
/* Packets not yet taken beyond this are dropped (a host that never reads must not exhaust memory). */
#define MAX_QUEUED 4096

static char *copy_string(const char *s) {
  if (s == NULL) return NULL;
  size_t n = strlen(s) + 1;
  char *out = malloc(n);
  if (out != NULL) memcpy(out, s, n);
  return out;
}

static size_t pad4(size_t n) { return (n + 3) & ~(size_t)3; }

static uint32_t read_be32(const uint8_t *p) {
  return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3];
}

static void write_be32(uint8_t *p, uint32_t v) {
  p[0] = (uint8_t)(v >> 24);
  p[1] = (uint8_t)(v >> 16);
  p[2] = (uint8_t)(v >> 8);
  p[3] = (uint8_t)v;
}

/* ---------------------------------------------------------------- servers */

static lo_server_thread server_new(const char *port) {
  int number = port != NULL ? atoi(port) : 0;
  pthread_mutex_lock(&servers_lock);
  for (lo_server_thread s = servers; s != NULL; s = s->next) {
    if (s->port == number) {
      /* as a second liblo server on a bound UDP port would fail */
      pthread_mutex_unlock(&servers_lock);
      return NULL;
    }
  }
  lo_server_thread st = calloc(1, sizeof(*st));
  if (st != NULL) {
    st->port = number;
    st->next = servers;
    servers = st;
  }
  pthread_mutex_unlock(&servers_lock);
  return st;
}

lo_server_thread lo_server_thread_new(const char *port, lo_err_handler err_h) {
  (void)err_h;
  return server_new(port);
}

/* The host decides which packets reach the engine; a multicast group is a port like any other here. */
lo_server_thread lo_server_thread_new_multicast(const char *group, const char *port, lo_err_handler err_h) {
  (void)group;
  (void)err_h;
  return server_new(port);
}

int lo_server_thread_start(lo_server_thread st) {
  if (st == NULL) return -1;
  pthread_mutex_lock(&servers_lock);
  st->running = 1;
  pthread_mutex_unlock(&servers_lock);
  return 0;
}

int lo_server_thread_stop(lo_server_thread st) {
  if (st == NULL) return -1;
  pthread_mutex_lock(&servers_lock);
  st->running = 0;
  pthread_mutex_unlock(&servers_lock);
  return 0;
}

static void free_method(lo_method m) {
  free(m->path);
  free(m->typespec);
  free(m);
}

void lo_server_thread_free(lo_server_thread st) {
  if (st == NULL) return;
  pthread_mutex_lock(&servers_lock);
  for (lo_server_thread *link = &servers; *link != NULL; link = &(*link)->next) {
    if (*link == st) {
      *link = st->next;
      break;
    }
  }
  pthread_mutex_unlock(&servers_lock);
  while (st->methods != NULL) {
    lo_method next = st->methods->next;
    free_method(st->methods);
    st->methods = next;
  }
  free(st);
}

lo_method lo_server_thread_add_method(lo_server_thread st, const char *path, const char *typespec,
                                      lo_method_handler h, const void *user_data) {
  if (st == NULL) return NULL;
  lo_method m = calloc(1, sizeof(*m));
  if (m == NULL) return NULL;
  m->path = copy_string(path);
  m->typespec = copy_string(typespec);
  m->handler = h;
  m->user_data = (void *)user_data;
  pthread_mutex_lock(&servers_lock);
  lo_method *link = &st->methods; /* appended: methods are tried in the order they were added */
  while (*link != NULL) link = &(*link)->next;
  *link = m;
  pthread_mutex_unlock(&servers_lock);
  return m;
}

static int same_or_both_null(const char *a, const char *b) {
  return (a == NULL && b == NULL) || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

void lo_server_thread_del_method(lo_server_thread st, const char *path, const char *typespec) {
  if (st == NULL) return;
  pthread_mutex_lock(&servers_lock);
  for (lo_method *link = &st->methods; *link != NULL;) {
    lo_method m = *link;
    if (same_or_both_null(m->path, path) && same_or_both_null(m->typespec, typespec)) {
      *link = m->next;
      free_method(m);
    } else {
      link = &m->next;
    }
  }
  pthread_mutex_unlock(&servers_lock);
}

int lo_server_thread_del_lo_method(lo_server_thread st, lo_method target) {
  if (st == NULL) return -1;
  int found = -1;
  pthread_mutex_lock(&servers_lock);
  for (lo_method *link = &st->methods; *link != NULL; link = &(*link)->next) {
    if (*link == target) {
      *link = target->next;
      free_method(target);
      found = 0;
      break;
    }
  }
  pthread_mutex_unlock(&servers_lock);
  return found;
}

/* ---------------------------------------------------------------- incoming packets */

/* One decoded argument: its type and a lo_arg big enough for its string or blob. */
typedef struct {
  char type;
  lo_arg *arg;
} decoded_arg;

static int is_number_type(char t) { return t == 'i' || t == 'h' || t == 'f' || t == 'd' || t == 'c'; }

static double number_of(char t, const lo_arg *a) {
  switch (t) {
    case 'i': return a->i;
    case 'h': return (double)a->h;
    case 'f': return a->f;
    case 'd': return a->d;
    case 'c': return a->c;
    default: return 0;
  }
}

/* True when an argument of type `have` can be given to a method that wants `want` (liblo's coercions). */
static int coercible(char have, char want) {
  if (have == want) return 1;
  if (is_number_type(have) && is_number_type(want)) return 1;
  return (have == 's' || have == 'S') && (want == 's' || want == 'S');
}

/* A copy of `a` (of type `have`) as type `want`; strings and others are shared, not copied. */
static lo_arg *coerce(char have, char want, lo_arg *a, lo_arg *scratch) {
  if (have == want || !is_number_type(want)) return a;
  double v = number_of(have, a);
  switch (want) {
    case 'i': scratch->i = (int32_t)v; break;
    case 'h': scratch->h = (int64_t)v; break;
    case 'f': scratch->f = (float)v; break;
    case 'd': scratch->d = v; break;
    case 'c': scratch->c = (unsigned char)v; break;
  }
  return scratch;
}

/* Frees what decode_message allocated. */
static void free_args(decoded_arg *args, int count) {
  for (int i = 0; i < count; i++) free(args[i].arg);
  free(args);
}

/* Decodes the arguments of one message (after its path). Returns the count, or -1 when the packet is malformed. */
static int decode_args(const uint8_t *p, size_t size, const char **types_out, decoded_arg **args_out) {
  if (size < 4 || p[0] != ',') return -1;
  const char *types = (const char *)p + 1;
  size_t tlen = strnlen((const char *)p, size);
  if (tlen == size) return -1;
  size_t pos = pad4(tlen + 1);
  int count = (int)tlen - 1;
  decoded_arg *args = calloc(count > 0 ? count : 1, sizeof(decoded_arg));
  if (args == NULL) return -1;
  for (int i = 0; i < count; i++) {
    char t = types[i];
    size_t need = 0;
    size_t alloc = sizeof(lo_arg);
    switch (t) {
      case 'i': case 'f': case 'c': case 'm': case 'r': need = 4; break;
      case 'h': case 'd': case 't': need = 8; break;
      case 's': case 'S': {
        if (pos >= size) goto bad;
        size_t n = strnlen((const char *)p + pos, size - pos);
        if (pos + n >= size) goto bad;
        need = pad4(n + 1);
        if (n + 1 > alloc) alloc = n + 1;
        break;
      }
      case 'b': {
        if (pos + 4 > size) goto bad;
        uint32_t n = read_be32(p + pos);
        if (n > size - pos - 4) goto bad;
        need = 4 + pad4(n);
        alloc = sizeof(int32_t) + pad4(n) + sizeof(lo_arg);
        break;
      }
      case 'T': case 'F': case 'N': case 'I': need = 0; break;
      default: goto bad;
    }
    if (pos + need > size) goto bad;
    lo_arg *a = calloc(1, alloc);
    if (a == NULL) goto bad;
    args[i].type = t;
    args[i].arg = a;
    const uint8_t *q = p + pos;
    switch (t) {
      case 'i': case 'r': a->i = (int32_t)read_be32(q); break;
      case 'f': {
        uint32_t bits = read_be32(q);
        memcpy(&a->f, &bits, 4);
        break;
      }
      case 'c': a->c = (unsigned char)read_be32(q); break;
      case 'm': memcpy(a->m, q, 4); break;
      case 'h': case 'd': case 't': {
        uint64_t bits = ((uint64_t)read_be32(q) << 32) | read_be32(q + 4);
        if (t == 'd') memcpy(&a->d, &bits, 8);
        else if (t == 'h') a->h = (int64_t)bits;
        else {
          a->t.sec = (uint32_t)(bits >> 32);
          a->t.frac = (uint32_t)bits;
        }
        break;
      }
      case 's': case 'S': memcpy(&a->s, q, strlen((const char *)q) + 1); break;
      case 'b': {
        int32_t n = (int32_t)read_be32(q);
        a->blob.size = n; /* liblo's layout: the size in host order, then the bytes */
        memcpy(&a->blob.data, q + 4, (size_t)n);
        break;
      }
      default: break;
    }
    pos += need;
  }
  *types_out = types;
  *args_out = args;
  return count;
bad:
  free_args(args, count);
  return -1;
}

/* Calls the first method of `st` matching path and types; returns 1 when one took the message. */
static int dispatch(lo_server_thread st, const char *path, const char *types, decoded_arg *args, int count) {
  lo_arg *argv[64];
  lo_arg scratch[64];
  if (count > 64) return 0;
  for (lo_method m = st->methods; m != NULL; m = m->next) {
    if (m->path != NULL && strcmp(m->path, path) != 0) continue;
    const char *want = m->typespec != NULL ? m->typespec : types;
    if ((int)strlen(want) != count) continue;
    int ok = 1;
    for (int i = 0; i < count && ok; i++) ok = coercible(args[i].type, want[i]);
    if (!ok) continue;
    for (int i = 0; i < count; i++) argv[i] = coerce(args[i].type, want[i], args[i].arg, &scratch[i]);
    if (m->handler(path, want, argv, count, NULL, m->user_data) == 0) return 1;
  }
  return 0;
}

/* One message or bundle element; returns the number of messages a method took, or -1 when malformed. */
static int deliver_packet(lo_server_thread st, const uint8_t *p, size_t size, int depth) {
  if (size < 4 || depth > 8) return -1;
  if (size >= 16 && memcmp(p, "#bundle", 8) == 0) {
    int taken = 0;
    size_t pos = 16; /* "#bundle\0", then the 8-byte time tag */
    while (pos < size) {
      if (pos + 4 > size) return -1;
      uint32_t n = read_be32(p + pos);
      if (n > size - pos - 4) return -1;
      int r = deliver_packet(st, p + pos + 4, n, depth + 1);
      if (r < 0) return -1;
      taken += r;
      pos += 4 + n;
    }
    return taken;
  }
  if (p[0] != '/') return -1;
  size_t plen = strnlen((const char *)p, size);
  if (plen == size) return -1;
  size_t pos = pad4(plen + 1);
  const char *types = "";
  decoded_arg *args = NULL;
  int count = 0;
  if (pos < size) {
    count = decode_args(p + pos, size - pos, &types, &args);
    if (count < 0) return -1;
  }
  char typestring[65];
  size_t ntypes = strlen(types);
  if (ntypes > 64) ntypes = 64;
  memcpy(typestring, types, ntypes);
  typestring[ntypes] = '\0';
  int taken = dispatch(st, (const char *)p, typestring, args, count);
  free_args(args, count);
  return taken;
}

/* The host's entry point for a received packet (a message or a bundle) addressed to `port`. Returns how many
 * messages a listening opcode took, -1 when no OSCinit listens on that port, -2 when the packet is malformed. */
int csound_wasm_osc_deliver(int port, const uint8_t *packet, size_t size) {
  pthread_mutex_lock(&servers_lock);
  lo_server_thread st = servers;
  while (st != NULL && !(st->port == port && st->running)) st = st->next;
  if (st == NULL) {
    pthread_mutex_unlock(&servers_lock);
    return -1;
  }
  /* Handlers take Csound's own locks; ours is held so that OSCinit's deinit cannot free the server meanwhile. */
  int taken = deliver_packet(st, packet, size, 0);
  pthread_mutex_unlock(&servers_lock);
  return taken < 0 ? -2 : taken;
}

/* ---------------------------------------------------------------- outgoing messages */

lo_address lo_address_new(const char *host, const char *port) {
  lo_address a = calloc(1, sizeof(*a));
  if (a == NULL) return NULL;
  a->host = copy_string(host != NULL ? host : "localhost");
  a->port = copy_string(port != NULL ? port : "0");
  return a;
}

void lo_address_set_ttl(lo_address t, int ttl) {
  (void)t;
  (void)ttl;
}

void lo_address_free(lo_address t) {
  if (t == NULL) return;
  free(t->host);
  free(t->port);
  free(t);
}

lo_blob lo_blob_new(int32_t size, const void *data) {
  if (size < 0) return NULL;
  lo_blob b = malloc(sizeof(struct csw_lo_blob) + (size_t)size);
  if (b == NULL) return NULL;
  b->size = size;
  if (size > 0) memcpy(b->data, data, (size_t)size);
  return b;
}

void lo_blob_free(lo_blob b) { free(b); }
uint32_t lo_blob_datasize(lo_blob b) { return (uint32_t)b->size; }
void *lo_blob_dataptr(lo_blob b) { return b->data; }
uint32_t lo_blobsize(lo_blob b) { return (uint32_t)(4 + pad4((size_t)b->size)); }

lo_message lo_message_new(void) { return calloc(1, sizeof(struct csw_lo_message)); }

void lo_message_free(lo_message m) {
  if (m == NULL) return;
  free(m->types);
  free(m->data);
  free(m);
}

/* Appends a type tag and `n` zeroed bytes of argument data; returns where the data goes, or NULL. */
static uint8_t *append(lo_message m, char type, size_t n) {
  char *types = realloc(m->types, m->ntypes + 2);
  if (types == NULL) return NULL;
  m->types = types;
  m->types[m->ntypes++] = type;
  m->types[m->ntypes] = '\0';
  if (m->data == NULL || m->size + n > m->capacity) {
    size_t capacity = (m->size + n) * 2 + 64;
    uint8_t *data = realloc(m->data, capacity);
    if (data == NULL) return NULL;
    m->data = data;
    m->capacity = capacity;
  }
  uint8_t *at = m->data + m->size;
  memset(at, 0, n);
  m->size += n;
  return at;
}

/* Appends an argument of `type` whose value is one big-endian 32-bit or 64-bit word. */
static int add_word32(lo_message m, char type, uint32_t v) {
  uint8_t *at = append(m, type, 4);
  if (at == NULL) return -1;
  write_be32(at, v);
  return 0;
}

static int add_word64(lo_message m, char type, uint64_t v) {
  uint8_t *at = append(m, type, 8);
  if (at == NULL) return -1;
  write_be32(at, (uint32_t)(v >> 32));
  write_be32(at + 4, (uint32_t)v);
  return 0;
}

int lo_message_add_int32(lo_message m, int32_t a) { return add_word32(m, 'i', (uint32_t)a); }
int lo_message_add_int64(lo_message m, int64_t a) { return add_word64(m, 'h', (uint64_t)a); }

int lo_message_add_float(lo_message m, float a) {
  uint32_t bits;
  memcpy(&bits, &a, 4);
  return add_word32(m, 'f', bits);
}

int lo_message_add_double(lo_message m, double a) {
  uint64_t bits;
  memcpy(&bits, &a, 8);
  return add_word64(m, 'd', bits);
}

int lo_message_add_string(lo_message m, const char *a) {
  size_t n = strlen(a);
  uint8_t *at = append(m, 's', pad4(n + 1));
  if (at == NULL) return -1;
  memcpy(at, a, n);
  return 0;
}

int lo_message_add_char(lo_message m, char a) { return add_word32(m, 'c', (uint32_t)(unsigned char)a); }

int lo_message_add_midi(lo_message m, uint8_t a[4]) {
  uint8_t *at = append(m, 'm', 4);
  if (at == NULL) return -1;
  memcpy(at, a, 4);
  return 0;
}

int lo_message_add_true(lo_message m) { return append(m, 'T', 0) != NULL ? 0 : -1; }
int lo_message_add_false(lo_message m) { return append(m, 'F', 0) != NULL ? 0 : -1; }

int lo_message_add_timetag(lo_message m, lo_timetag a) {
  return add_word64(m, 't', ((uint64_t)a.sec << 32) | a.frac);
}

int lo_message_add_blob(lo_message m, lo_blob a) {
  uint8_t *at = append(m, 'b', 4 + pad4((size_t)a->size));
  if (at == NULL) return -1;
  write_be32(at, (uint32_t)a->size);
  memcpy(at + 4, a->data, (size_t)a->size);
  return 0;
}

/* Encodes path, type string and arguments as one OSC packet and queues it for the host. */
int lo_send_message(lo_address targ, const char *path, lo_message msg) {
  if (targ == NULL || path == NULL || msg == NULL) return -1;
  size_t plen = pad4(strlen(path) + 1);
  size_t tlen = pad4(msg->ntypes + 2);
  size_t size = plen + tlen + msg->size;
  outgoing *o = calloc(1, sizeof(*o));
  uint8_t *packet = calloc(1, size);
  char *host = copy_string(targ->host);
  if (o == NULL || packet == NULL || host == NULL) {
    free(o);
    free(packet);
    free(host);
    return -1;
  }
  memcpy(packet, path, strlen(path));
  packet[plen] = ',';
  if (msg->ntypes > 0) memcpy(packet + plen + 1, msg->types, msg->ntypes);
  if (msg->size > 0) memcpy(packet + plen + tlen, msg->data, msg->size);
  o->host = host;
  o->port = atoi(targ->port);
  o->packet = packet;
  o->size = size;
  pthread_mutex_lock(&queue_lock);
  if (queue_length >= MAX_QUEUED) {
    pthread_mutex_unlock(&queue_lock);
    free(o->host);
    free(o->packet);
    free(o);
    return -1;
  }
  if (queue_tail != NULL) queue_tail->next = o;
  else queue_head = o;
  queue_tail = o;
  queue_length++;
  pthread_mutex_unlock(&queue_lock);
  return (int)size;
}

/* The host's side of the queue: calls `take` for each queued packet, oldest first, and frees it. */
void csound_wasm_osc_take(void (*take)(void *context, const char *host, int port, const uint8_t *packet,
                                       size_t size),
                          void *context) {
  pthread_mutex_lock(&queue_lock);
  outgoing *list = queue_head;
  queue_head = queue_tail = NULL;
  queue_length = 0;
  pthread_mutex_unlock(&queue_lock);
  while (list != NULL) {
    outgoing *next = list->next;
    take(context, list->host, list->port, list->packet, list->size);
    free(list->host);
    free(list->packet);
    free(list);
    list = next;
  }
}
