// Engine: one Csound instance, exposed to the TypeScript facade through embind (see bindings.cpp).
// It only converts arguments: integer codes come back as Csound returns them, addresses in wasm memory travel as
// integers (the facade makes typed-array views), and lists come back as fresh JS arrays.
#pragma once

#include <csound.h>
#include <emscripten/val.h>

#include <cstdint>
#include <string>

#include "message_ring.hpp"
#include "midi_input.hpp"
#include "recorder.hpp"

namespace csound_wasm {

using emscripten::val;

class Engine {
 public:
  Engine();
  ~Engine();
  Engine(const Engine &) = delete;
  Engine &operator=(const Engine &) = delete;

  uintptr_t handle() const { return reinterpret_cast<uintptr_t>(csound_); }

  // Attributes
  int version() const;
  double sr() const;
  double kr() const;
  int ksmps() const;
  int channels(bool isInput) const;
  double get0dBFS() const;
  double A4() const;
  double currentTimeSamples() const;
  int sizeOfMYFLT() const;
  std::string outputName() const;
  int errorCount() const;

  // Configuration
  int setOption(const std::string &option);
  val params() const;
  void setParams(const val &params);
  void setDebug(bool on);
  void setMessageLevel(int level);
  int messageLevel() const;

  // Performance
  int compile(const val &args);
  /** `async` queues the compile; `performing` (a performer runs): waits for the queue before and after. */
  int compileOrc(const std::string &orc, bool async, bool performing);
  double evalCode(const std::string &code, bool async);
  /** Whether the last evalCode compiled but the performer did not run the code within the wait (1 s). */
  bool evalTimedOut() const { return evalTimedOut_; }
  int compileCsdFile(const std::string &path);
  int compileCsdText(const std::string &text);
  int start();
  int performKsmps();
  int performKsmpsBlock(int count);
  int cleanup();
  void reset();
  int runUtility(const std::string &name, const val &args);

  // Audio I/O
  uintptr_t spin() const;
  uintptr_t spout() const;
  void setHostAudioIO();
  bool hostAudioIO() const;
  void setRTAudioModule(const std::string &module);

  // Host commands (system, system_i, <CsScore bin>; cpp/host_commands.c, patches/csound/0008-*): denied from
  // creation on. `reason` (when denied) ends Csound's error message: how to allow them, or why one cannot.
  void setHostCommands(bool allowed, const std::string &reason);

  // Channels
  void setControlChannel(const std::string &name, double value);
  val controlChannel(const std::string &name);
  void setAudioChannel(const std::string &name, uintptr_t samples);
  void audioChannel(const std::string &name, uintptr_t samples);
  void setStringChannel(const std::string &name, const std::string &value);
  std::string stringChannel(const std::string &name);
  val channelPtr(const std::string &name, int type);
  val listChannels();
  int lockChannel(const std::string &name);
  int unlockChannel(const std::string &name);
  int setControlChannelHints(const std::string &name, const val &hints);

  // Events
  int scoreEvent(const std::string &type, const val &pfields, bool async);
  void inputMessage(const std::string &text, bool async);
  int instrNumber(const std::string &name, bool performing);

  // OSC through the host (cpp/osc/host_osc.c): a received packet for the OSCinit listening on `port`, and the
  // packets OSCsend_lo queued, as [{host, port, packet: Uint8Array}] copies.
  int oscDeliver(int port, const std::string &packet);
  val oscTake();

  // Tables
  int tableLength(int table) const;
  val table(int table) const;
  val tableArgs(int table) const;

  // MIDI input (the host-implemented MIDI driver; Csound opens it with -M)
  /** 0 queued, 1 Csound's MIDI input is not open, 2 the queue is full. */
  int pushMidi(const val &bytes);
  bool midiInputOpen() const { return midi_.isOpen(); }

  // Messages
  void message(const std::string &text, int attr);
  int pendingMessages() { return messages_.empty() && partial_.empty() ? 0 : 1; }
  val takeMessages();

  // Devices
  val audioDevList(bool isOutput);
  val midiDevList(bool isOutput);

  // Score
  double scoreTime() const;
  bool isScorePending() const;
  void setScorePending(bool pending);
  void rewindScore();
  void setScoreOffsetSeconds(double seconds);
  emscripten::val sortedScore() const;

 private:
  static void onMessage(CSOUND *csound, int attr, const char *text);
  static int onMidiInOpen(CSOUND *csound, void **userData, const char *device);
  static int onMidiRead(CSOUND *csound, void *userData, unsigned char *buffer, int size);
  static int onMidiInClose(CSOUND *csound, void *userData);
  /** Waits (up to 1 s) until the performer has applied Csound's queued requests; false on time-out. */
  bool waitForQueue();
  void install();
  void applyHostCommands();

  CSOUND *csound_;
  // 256 KiB of message fragments between two drains by the host thread.
  MessageRing messages_{256 * 1024};
  MidiInput midi_;
  std::string partial_;  // host thread only: the start of a line not yet ended
  int partialAttr_ = 0;
  bool evalTimedOut_ = false;
  bool hostCommandsAllowed_ = false;
  std::string hostCommandsReason_ =
      "Csound.create({ allowSystem: true }) allows them (the csound-wasm command: --allow-system)";
};

}  // namespace csound_wasm
