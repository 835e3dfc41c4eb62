#include "engine.hpp"
#include "plugins.hpp"

#include "csound_fields.h"

#include <emscripten.h>
#include <emscripten/threading.h>

#include <cmath>
#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <vector>

extern "C" {
int csoundErrCnt(CSOUND *csound);  // public in libcsound, not declared in csound.h
int csoundModuleCreate_stdutil(CSOUND *csound);
// Csound 6.18 keeps the name -> number map internal (Engine/namedins.c); it is linked statically here.
MYFLT named_instr_find(CSOUND *csound, char *name);
// patches/csound/0002: replaced instrument definitions retired by a merge; frees (1) or forgets (0) them.
void csoundWasmFreeRetired(CSOUND *csound, int freeThem);
// cpp/host_commands.c
void csound_wasm_set_host_commands_allowed(int allowed);
// cpp/osc/host_osc.c
int csound_wasm_osc_deliver(int port, const uint8_t *packet, size_t size);
void csound_wasm_osc_take(void (*take)(void *context, const char *host, int port, const uint8_t *packet,
                                       size_t size),
                          void *context);
}

namespace csound_wasm {

namespace {

val hintsToJs(const controlChannelHints_t &h) {
  val o = val::object();
  o.set("behav", static_cast<int>(h.behav));
  o.set("dflt", h.dflt);
  o.set("min", h.min);
  o.set("max", h.max);
  o.set("x", h.x);
  o.set("y", h.y);
  o.set("width", h.width);
  o.set("height", h.height);
  o.set("attributes", h.attributes ? val(std::string(h.attributes)) : val::null());
  return o;
}

// Csound reports a bad command-line option (argdecode's dieu) with csound->LongJmp to csound->exitjmp, a target
// only csoundCompile, csoundStart and csoundPerformKsmps set. Calls that can parse options without one get it
// here, so the jump ends the call with CSOUND_ERROR (native 6.18 jumps through a stale buffer and crashes; in wasm
// the jump escaped to JS as a bare exception).
template <typename Body>
int withExitJump(CSOUND *csound, Body body) {
  if (setjmp(*csound_wasm_exit_jump(csound)) != 0) return CSOUND_ERROR;
  return body();
}

// Reads a numeric field of a JS object, keeping `fallback` when it is absent.
template <typename T>
void readField(const val &obj, const char *key, T &field) {
  val v = obj[key];
  if (!v.isUndefined() && !v.isNull()) field = static_cast<T>(v.as<double>());
}

val argsFromJs(const val &args, std::vector<std::string> &storage, std::vector<char *> &argv) {
  const unsigned n = args["length"].as<unsigned>();
  storage.reserve(n);
  for (unsigned i = 0; i < n; ++i) storage.push_back(args[i].as<std::string>());
  for (auto &s : storage) argv.push_back(&s[0]);
  argv.push_back(nullptr);
  return val::undefined();
}

}  // namespace

Engine::Engine() : csound_(csoundCreate(this)) { install(); }

Engine::~Engine() {
  csoundWasmFreeRetired(csound_, 0);  // the list's memory goes with the instance
  csoundDestroy(csound_);
}

// Reinstalled after each reset: Csound clears the message callback and its utility list there.
void Engine::install() {
  csoundSetMessageStringCallback(csound_, &Engine::onMessage);
  // wasm has no MIDI drivers: the host is the driver, and pushMidi feeds it.
  csoundSetHostImplementedMIDIIO(csound_, 1);
  csoundSetExternalMidiInOpenCallback(csound_, &Engine::onMidiInOpen);
  csoundSetExternalMidiReadCallback(csound_, &Engine::onMidiRead);
  csoundSetExternalMidiInCloseCallback(csound_, &Engine::onMidiInClose);
  csoundModuleCreate_stdutil(csound_);
  registerStaticPlugins(csound_);
  applyHostCommands();  // a reset deletes Csound's global variables
}

// The C flag gates libc system() for this module instance; the global variable (its text: the reason) makes
// patches/csound/0008's opcodes and score bin refuse with a message. Both, so that neither alone is relied on.
void Engine::setHostCommands(bool allowed, const std::string &reason) {
  hostCommandsAllowed_ = allowed;
  if (!reason.empty()) hostCommandsReason_ = reason;
  applyHostCommands();
}

void Engine::applyHostCommands() {
  static const char *const name = "csound-wasm:host-commands-denied";
  csound_wasm_set_host_commands_allowed(hostCommandsAllowed_ ? 1 : 0);
  // (csoundDestroyGlobalVariable does not check that Csound's table of them exists; the query does)
  if (csoundQueryGlobalVariable(csound_, name) != nullptr) csoundDestroyGlobalVariable(csound_, name);
  if (hostCommandsAllowed_) return;
  const size_t size = hostCommandsReason_.size() + 1;
  if (csoundCreateGlobalVariable(csound_, name, size) == CSOUND_SUCCESS) {
    std::memcpy(csoundQueryGlobalVariable(csound_, name), hostCommandsReason_.c_str(), size);
  }
}

// Runs on whichever thread prints (the host thread or the performer): it only copies the fragment.
void Engine::onMessage(CSOUND *csound, int attr, const char *text) {
  auto *self = static_cast<Engine *>(csoundGetHostData(csound));
  if (self == nullptr || text == nullptr) return;
  self->messages_.push(attr, text);
}

int Engine::onMidiInOpen(CSOUND *csound, void **userData, const char *) {
  auto *self = static_cast<Engine *>(csoundGetHostData(csound));
  if (self == nullptr) return -1;
  self->midi_.setOpen(true);
  *userData = &self->midi_;
  return 0;
}

int Engine::onMidiRead(CSOUND *, void *userData, unsigned char *buffer, int size) {
  return userData == nullptr ? 0 : static_cast<MidiInput *>(userData)->take(buffer, size);
}

int Engine::onMidiInClose(CSOUND *, void *userData) {
  if (userData != nullptr) static_cast<MidiInput *>(userData)->setOpen(false);
  return 0;
}

int Engine::pushMidi(const val &bytes) {
  const std::vector<uint8_t> data = emscripten::convertJSArrayToNumberVector<uint8_t>(bytes);
  return static_cast<int>(midi_.push(data.data(), static_cast<uint32_t>(data.size())));
}

int Engine::version() const { return csoundGetVersion(); }
double Engine::sr() const { return csoundGetSr(csound_); }
double Engine::kr() const { return csoundGetKr(csound_); }
int Engine::ksmps() const { return static_cast<int>(csoundGetKsmps(csound_)); }
int Engine::channels(bool isInput) const {
  return static_cast<int>(isInput ? csoundGetNchnlsInput(csound_) : csoundGetNchnls(csound_));
}
double Engine::get0dBFS() const { return csoundGet0dBFS(csound_); }
double Engine::A4() const { return csoundGetA4(csound_); }
double Engine::currentTimeSamples() const { return static_cast<double>(csoundGetCurrentTimeSamples(csound_)); }
int Engine::sizeOfMYFLT() const { return csoundGetSizeOfMYFLT(); }
std::string Engine::outputName() const {
  const char *name = csoundGetOutputName(csound_);
  return name ? name : "";
}

int Engine::errorCount() const { return csoundErrCnt(csound_); }

int Engine::setOption(const std::string &option) {
  return withExitJump(csound_, [&] { return csoundSetOption(csound_, option.c_str()); });
}

val Engine::params() const {
  CSOUND_PARAMS p;
  csoundGetParams(csound_, &p);
  val o = val::object();
#define CSW_FIELD(name) o.set(#name, p.name);
  CSW_FIELD(debug_mode) CSW_FIELD(buffer_frames) CSW_FIELD(hardware_buffer_frames) CSW_FIELD(displays)
  CSW_FIELD(ascii_graphs) CSW_FIELD(postscript_graphs) CSW_FIELD(message_level) CSW_FIELD(tempo)
  CSW_FIELD(ring_bell) CSW_FIELD(use_cscore) CSW_FIELD(terminate_on_midi) CSW_FIELD(heartbeat)
  CSW_FIELD(defer_gen01_load) CSW_FIELD(midi_key) CSW_FIELD(midi_key_cps) CSW_FIELD(midi_key_oct)
  CSW_FIELD(midi_key_pch) CSW_FIELD(midi_velocity) CSW_FIELD(midi_velocity_amp) CSW_FIELD(no_default_paths)
  CSW_FIELD(number_of_threads) CSW_FIELD(syntax_check_only) CSW_FIELD(csd_line_counts) CSW_FIELD(compute_weights)
  CSW_FIELD(realtime_mode) CSW_FIELD(sample_accurate) CSW_FIELD(sample_rate_override)
  CSW_FIELD(control_rate_override) CSW_FIELD(nchnls_override) CSW_FIELD(nchnls_i_override)
  CSW_FIELD(e0dbfs_override) CSW_FIELD(daemon) CSW_FIELD(ksmps_override) CSW_FIELD(FFT_library)
#undef CSW_FIELD
  return o;
}

void Engine::setParams(const val &o) {
  CSOUND_PARAMS p;
  csoundGetParams(csound_, &p);
#define CSW_FIELD(name) readField(o, #name, p.name);
  CSW_FIELD(debug_mode) CSW_FIELD(buffer_frames) CSW_FIELD(hardware_buffer_frames) CSW_FIELD(displays)
  CSW_FIELD(ascii_graphs) CSW_FIELD(postscript_graphs) CSW_FIELD(message_level) CSW_FIELD(tempo)
  CSW_FIELD(ring_bell) CSW_FIELD(use_cscore) CSW_FIELD(terminate_on_midi) CSW_FIELD(heartbeat)
  CSW_FIELD(defer_gen01_load) CSW_FIELD(midi_key) CSW_FIELD(midi_key_cps) CSW_FIELD(midi_key_oct)
  CSW_FIELD(midi_key_pch) CSW_FIELD(midi_velocity) CSW_FIELD(midi_velocity_amp) CSW_FIELD(no_default_paths)
  CSW_FIELD(number_of_threads) CSW_FIELD(syntax_check_only) CSW_FIELD(csd_line_counts) CSW_FIELD(compute_weights)
  CSW_FIELD(realtime_mode) CSW_FIELD(sample_accurate) CSW_FIELD(sample_rate_override)
  CSW_FIELD(control_rate_override) CSW_FIELD(nchnls_override) CSW_FIELD(nchnls_i_override)
  CSW_FIELD(e0dbfs_override) CSW_FIELD(daemon) CSW_FIELD(ksmps_override) CSW_FIELD(FFT_library)
#undef CSW_FIELD
  csoundSetParams(csound_, &p);
}

void Engine::setDebug(bool on) { csoundSetDebug(csound_, on ? 1 : 0); }
void Engine::setMessageLevel(int level) { csoundSetMessageLevel(csound_, level); }
int Engine::messageLevel() const { return csoundGetMessageLevel(csound_); }

namespace {
// Once a compiled orchestra uses an STK opcode, the host puts STK's rawwaves in memory (js/stk-rawwaves.ts), where
// STK reads them without a file-system call on the thread that performs (cpp/stk_rawwaves.c): an AudioWorklet
// cannot have one served while it performs. Called on the host's thread after compiles and start().
void requestStkRawwaves(CSOUND *csound) {
  if (!csound_wasm_uses_stk(csound)) return;
  EM_ASM({
    if (Module['csoundWasmStkRawwaves']) Module['csoundWasmStkRawwaves']();
  });
}
}  // namespace

int Engine::compile(const val &args) {
  std::vector<std::string> storage;
  std::vector<char *> argv;
  argsFromJs(args, storage, argv);
  const int result =
      csoundCompile(csound_, static_cast<int>(storage.size()), const_cast<const char **>(argv.data()));
  requestStkRawwaves(csound_);
  return result;
}

// Without a performer an asynchronous compile is queued at once, as in C: the caller's next performKsmps merges it.
// With one:
// - A compile reads the engine state that the performer changes when it merges an earlier one, so it starts once
//   the queue has been applied (if the performer does not drain it within the limit, it is paused and nothing races).
// - It returns once the performer has merged it (within a k-cycle), so the new instruments can be used at once.
// - The parse tree is freed only after that merge (Csound's async compile frees it while the performer merges):
//   freeing it takes the allocator's lock thousands of times in a row, and an audio thread merging meanwhile waits
//   for that lock by polling. Measured with both cores kept busy: 7 of 60 first compile batches on fresh pages had
//   a quantum over its duration (3-11 ms) with the tree freed during the merge, 1 of 80 with it freed after.
int Engine::compileOrc(const std::string &orc, bool async, bool performing) {
  if (!async) {
    const int result = csoundCompileOrc(csound_, orc.c_str());
    requestStkRawwaves(csound_);
    return result;
  }
  if (!performing) return csoundCompileOrcAsync(csound_, orc.c_str());
  waitForQueue();
  TREE *tree = nullptr;
  const int result = withExitJump(csound_, [&] {
    tree = csoundParseOrc(csound_, orc.c_str());
    return tree == nullptr ? CSOUND_ERROR : csoundCompileTreeAsync(csound_, tree);
  });
  waitForQueue();
  if (tree != nullptr) csoundDeleteTree(csound_, tree);
  requestStkRawwaves(csound_);
  return result;
}

double Engine::evalCode(const std::string &code, bool async) {
  evalTimedOut_ = false;
  if (!async) {
    const double value = csoundEvalCode(csound_, code.c_str());
    requestStkRawwaves(csound_);
    return value;
  }
  // While a performer runs: compile here, let the performer run the code when it merges it, then read the value.
  if (compileOrc(code, true, true) != CSOUND_SUCCESS) return NAN;
  if (!waitForQueue()) {
    evalTimedOut_ = true;
    return NAN;
  }
  return csound_wasm_instr0_return(csound_);
}

bool Engine::waitForQueue() {
  if (csound_wasm_queue_items(csound_) == 0) return true;
  const double limit = emscripten_get_now() + 1000.0;
  for (unsigned spin = 1;; ++spin) {
    if (csound_wasm_queue_items(csound_) == 0) return true;
    // Every 256 polls: serve a Node performer's file writes (-o), which are proxied to this thread (the performer
    // would otherwise wait for this loop while it waits for the performer), and check the time. Not on every poll:
    // both take locks and call into JS, and a tight loop of them slowed the performer's own lock waits.
    if (spin % 256 == 0) {
      emscripten_main_thread_process_queued_calls();
      if (emscripten_get_now() > limit) return false;
    }
  }
}
int Engine::compileCsdFile(const std::string &path) {
  return withExitJump(csound_, [&] { return csoundCompileCsd(csound_, path.c_str()); });
}
int Engine::compileCsdText(const std::string &text) {
  return withExitJump(csound_, [&] { return csoundCompileCsdText(csound_, text.c_str()); });
}
int Engine::start() {
  const int result = csoundStart(csound_);
  requestStkRawwaves(csound_);
  return result;
}

namespace {
// exitnow and Csound's fatal errors end a k-cycle with csound->LongJmp to csound->exitjmp. csoundPerform (the
// csound command's loop) sets that target on every call, csoundPerformKsmps only in its first call, whose frame is
// gone by the next k-cycle. A setjmp per call would give each call a live target, but Emscripten's setjmp is dear on
// a path taken per k-cycle: the function holding it allocates a table on entry and calls everything through JS
// trampolines (≈0.2 µs per call, a sixth of a ksmps = 1 render). So no call sets one (jumpset tells
// csoundPerformKsmps not to either): a jump finds no target and escapes to JS as a thrown Infinity, and the caller
// (js/csound.ts on the host thread, js/performer-attach.ts on a performer) restores the stack and asks
// csound_wasm_exit_jump_escaped for csoundPerform's code: positive after exitnow (the end of the performance, like
// an `e` statement), negative after a fatal error.
int performKsmpsCycles(CSOUND *csound, int count) {
  csound_wasm_exit_jump_set(csound);
  int result = 0;
  for (int i = 0; i < count && result == 0; ++i) result = csoundPerformKsmps(csound);
  return result;
}
}  // namespace

int Engine::performKsmps() { return performKsmpsCycles(csound_, 1); }

// Runs up to `count` k-cycles in one call across the JS/wasm boundary; stops early when the score ends or fails.
int Engine::performKsmpsBlock(int count) { return performKsmpsCycles(csound_, count); }

int Engine::cleanup() { return csoundCleanup(csound_); }

void Engine::reset() {
  csoundWasmFreeRetired(csound_, 0);  // the reset frees the retired definitions with all of Csound's memory
  csoundReset(csound_);
  install();
}

int Engine::runUtility(const std::string &name, const val &args) {
  std::vector<std::string> storage;
  std::vector<char *> argv;
  storage.push_back(name);
  const unsigned n = args["length"].as<unsigned>();
  for (unsigned i = 0; i < n; ++i) storage.push_back(args[i].as<std::string>());
  for (auto &s : storage) argv.push_back(&s[0]);
  argv.push_back(nullptr);
  return csoundRunUtility(csound_, name.c_str(), static_cast<int>(storage.size()), argv.data());
}

uintptr_t Engine::spin() const { return reinterpret_cast<uintptr_t>(csoundGetSpin(csound_)); }
uintptr_t Engine::spout() const { return reinterpret_cast<uintptr_t>(csoundGetSpout(csound_)); }
void Engine::setHostAudioIO() { csoundSetHostImplementedAudioIO(csound_, 1, 0); }
bool Engine::hostAudioIO() const { return csound_wasm_host_audio_io(csound_) != 0; }
void Engine::setRTAudioModule(const std::string &module) { csoundSetRTAudioModule(csound_, module.c_str()); }

void Engine::setControlChannel(const std::string &name, double value) {
  csoundSetControlChannel(csound_, name.c_str(), value);
}

val Engine::controlChannel(const std::string &name) {
  int err = 0;
  const double value = csoundGetControlChannel(csound_, name.c_str(), &err);
  val o = val::object();
  o.set("value", value);
  o.set("err", err);
  return o;
}

void Engine::setAudioChannel(const std::string &name, uintptr_t samples) {
  csoundSetAudioChannel(csound_, name.c_str(), reinterpret_cast<MYFLT *>(samples));
}

void Engine::audioChannel(const std::string &name, uintptr_t samples) {
  csoundGetAudioChannel(csound_, name.c_str(), reinterpret_cast<MYFLT *>(samples));
}

void Engine::setStringChannel(const std::string &name, const std::string &value) {
  csoundSetStringChannel(csound_, name.c_str(), const_cast<char *>(value.c_str()));
}

std::string Engine::stringChannel(const std::string &name) {
  const int size = csoundGetChannelDatasize(csound_, name.c_str());
  if (size <= 0) return "";
  std::vector<char> buffer(static_cast<size_t>(size) + 1, '\0');
  csoundGetStringChannel(csound_, name.c_str(), buffer.data());
  return std::string(buffer.data());
}

val Engine::channelPtr(const std::string &name, int type) {
  MYFLT *ptr = nullptr;
  const int err = csoundGetChannelPtr(csound_, &ptr, name.c_str(), type);
  val o = val::object();
  o.set("ptr", reinterpret_cast<uintptr_t>(ptr));
  o.set("err", err);
  o.set("size", err == 0 ? csoundGetChannelDatasize(csound_, name.c_str()) : 0);
  return o;
}

val Engine::listChannels() {
  controlChannelInfo_t *list = nullptr;
  const int n = csoundListChannels(csound_, &list);
  if (n < 0) return val(n);
  val out = val::array();
  for (int i = 0; i < n; ++i) {
    val entry = val::object();
    entry.set("name", std::string(list[i].name));
    entry.set("type", list[i].type);
    entry.set("hints", hintsToJs(list[i].hints));
    out.call<void>("push", entry);
  }
  csoundDeleteChannelList(csound_, list);
  return out;
}

int Engine::lockChannel(const std::string &name) {
  int *lock = csoundGetChannelLock(csound_, name.c_str());
  if (lock == nullptr) return CSOUND_ERROR;
  csoundSpinLock(lock);
  return CSOUND_SUCCESS;
}

int Engine::unlockChannel(const std::string &name) {
  int *lock = csoundGetChannelLock(csound_, name.c_str());
  if (lock == nullptr) return CSOUND_ERROR;
  csoundSpinUnLock(lock);
  return CSOUND_SUCCESS;
}

int Engine::setControlChannelHints(const std::string &name, const val &hints) {
  controlChannelHints_t h{};
  int behav = 0;
  readField(hints, "behav", behav);
  h.behav = static_cast<controlChannelBehavior>(behav);
  readField(hints, "dflt", h.dflt);
  readField(hints, "min", h.min);
  readField(hints, "max", h.max);
  readField(hints, "x", h.x);
  readField(hints, "y", h.y);
  readField(hints, "width", h.width);
  readField(hints, "height", h.height);
  std::string attributes;
  val attr = hints["attributes"];
  if (attr.isString()) attributes = attr.as<std::string>();
  h.attributes = attr.isString() ? &attributes[0] : nullptr;
  return csoundSetControlChannelHints(csound_, name.c_str(), h);
}

int Engine::scoreEvent(const std::string &type, const val &pfields, bool async) {
  const std::vector<double> values = emscripten::vecFromJSArray<double>(pfields);
  const char opcode = type.empty() ? 'i' : type[0];
  if (async) {
    // csoundScoreEventAsync queues the pfields *pointer*, read when the engine dequeues the event during its next
    // k-cycle, by which time `values` is freed. A score line through csoundInputMessageAsync is copied instead;
    // %.17g gives back the exact doubles.
    std::string line(1, opcode);
    char number[32];
    for (const double v : values) {
      std::snprintf(number, sizeof number, " %.17g", v);
      line += number;
    }
    line += '\n';
    csoundInputMessageAsync(csound_, line.c_str());
    return CSOUND_SUCCESS;
  }
  return csoundScoreEvent(csound_, opcode, values.data(), static_cast<long>(values.size()));
}

void Engine::inputMessage(const std::string &text, bool async) {
  if (async)
    csoundInputMessageAsync(csound_, text.c_str());
  else
    csoundInputMessage(csound_, text.c_str());
}

int Engine::instrNumber(const std::string &name, bool performing) {
  // The name table changes when the performer merges a compile: read it only once queued merges are done.
  if (performing) waitForQueue();
  std::string copy = name;
  const MYFLT number = named_instr_find(csound_, &copy[0]);
  return number > 0 ? static_cast<int>(number) : -1;
}

int Engine::tableLength(int table) const { return csoundTableLength(csound_, table); }

val Engine::table(int table) const {
  MYFLT *ptr = nullptr;
  const int length = csoundGetTable(csound_, &ptr, table);
  val o = val::object();
  o.set("ptr", reinterpret_cast<uintptr_t>(ptr));
  o.set("length", length);
  return o;
}

val Engine::tableArgs(int table) const {
  MYFLT *ptr = nullptr;
  const int n = csoundGetTableArgs(csound_, &ptr, table);
  if (n < 0 || ptr == nullptr) return val::null();
  val out = val::array();
  for (int i = 0; i < n; ++i) out.call<void>("push", ptr[i]);
  return out;
}

int Engine::oscDeliver(int port, const std::string &packet) {
  return csound_wasm_osc_deliver(port, reinterpret_cast<const uint8_t *>(packet.data()), packet.size());
}

val Engine::oscTake() {
  val out = val::array();
  csound_wasm_osc_take(
      [](void *context, const char *host, int port, const uint8_t *packet, size_t size) {
        val entry = val::object();
        entry.set("host", std::string(host));
        entry.set("port", port);
        // A copy: the packet is freed when this returns, and the memory may be shared.
        entry.set("packet", val::global("Uint8Array").new_(emscripten::typed_memory_view(size, packet)));
        static_cast<val *>(context)->call<void>("push", entry);
      },
      &out);
  return out;
}

void Engine::message(const std::string &text, int attr) {
  csoundMessageS(csound_, attr, "%s", text.c_str());
}

// Csound prints a line in several fragments; the facade gets whole lines (a fragment with another attribute, or
// the end of the drain, ends what is pending).
val Engine::takeMessages() {
  std::vector<MessageRing::Fragment> fragments;
  messages_.drain(fragments);
  val out = val::array();
  auto emit = [&out](int attr, const std::string &text) {
    val entry = val::object();
    entry.set("attr", attr);
    entry.set("text", text);
    out.call<void>("push", entry);
  };
  for (auto &fragment : fragments) {
    if (!partial_.empty() && fragment.attr != partialAttr_) {
      emit(partialAttr_, partial_);
      partial_.clear();
    }
    partialAttr_ = fragment.attr;
    partial_ += fragment.text;
    std::string::size_type nl;
    while ((nl = partial_.find('\n')) != std::string::npos) {
      emit(fragment.attr, partial_.substr(0, nl + 1));
      partial_.erase(0, nl + 1);
    }
  }
  if (!partial_.empty()) {
    emit(partialAttr_, partial_);
    partial_.clear();
  }
  return out;
}

val Engine::audioDevList(bool isOutput) {
  const int n = csoundGetAudioDevList(csound_, nullptr, isOutput ? 1 : 0);
  val out = val::array();
  if (n <= 0) return out;
  std::vector<CS_AUDIODEVICE> devices(static_cast<size_t>(n));
  csoundGetAudioDevList(csound_, devices.data(), isOutput ? 1 : 0);
  for (const auto &d : devices) {
    val entry = val::object();
    entry.set("device_name", std::string(d.device_name));
    entry.set("device_id", std::string(d.device_id));
    entry.set("rt_module", std::string(d.rt_module));
    entry.set("max_nchnls", d.max_nchnls);
    entry.set("isOutput", d.isOutput);
    out.call<void>("push", entry);
  }
  return out;
}

val Engine::midiDevList(bool isOutput) {
  const int n = csoundGetMIDIDevList(csound_, nullptr, isOutput ? 1 : 0);
  val out = val::array();
  if (n <= 0) return out;
  std::vector<CS_MIDIDEVICE> devices(static_cast<size_t>(n));
  csoundGetMIDIDevList(csound_, devices.data(), isOutput ? 1 : 0);
  for (const auto &d : devices) {
    val entry = val::object();
    entry.set("device_name", std::string(d.device_name));
    entry.set("interface_name", std::string(d.interface_name));
    entry.set("device_id", std::string(d.device_id));
    entry.set("midi_module", std::string(d.midi_module));
    entry.set("isOutput", d.isOutput);
    out.call<void>("push", entry);
  }
  return out;
}

double Engine::scoreTime() const { return csoundGetScoreTime(csound_); }
bool Engine::isScorePending() const { return csoundIsScorePending(csound_) != 0; }
void Engine::setScorePending(bool pending) { csoundSetScorePending(csound_, pending ? 1 : 0); }
void Engine::rewindScore() { csoundRewindScore(csound_); }
void Engine::setScoreOffsetSeconds(double seconds) { csoundSetScoreOffsetSeconds(csound_, seconds); }

// Where the score as Csound sorted it lies in memory (each i-statement carries p2 and p3 in beats and in seconds):
// the facade checks its times before a performance and the CLI reads the end time for its progress bar. The text
// is read from memory in JS: embind's string conversion goes byte by byte (23 ms for a score of 4,000 notes).
val Engine::sortedScore() const {
  const char *score = csound_wasm_sorted_score(csound_);
  val o = val::object();
  o.set("ptr", reinterpret_cast<uintptr_t>(score));
  o.set("length", score != nullptr ? std::strlen(score) : 0);
  return o;
}

}  // namespace csound_wasm
