// The only file with EMSCRIPTEN_BINDINGS: it names what the TypeScript facade (js/) may call.
#include <emscripten/bind.h>

#include "engine.hpp"
#include "recorder.hpp"

using csound_wasm::Engine;
using csound_wasm::Recorder;

namespace {
int initialize(int flags) { return csoundInitialize(flags); }
void setOpcodedir(const std::string &dir) { csoundSetOpcodedir(dir.c_str()); }
}  // namespace

EMSCRIPTEN_BINDINGS(csound_wasm) {
  emscripten::function("csoundInitialize", &initialize);
  emscripten::function("csoundSetOpcodedir", &setOpcodedir);

  emscripten::class_<Engine>("Engine")
      .constructor<>()
      .function("handle", &Engine::handle)
      .function("version", &Engine::version)
      .function("sr", &Engine::sr)
      .function("kr", &Engine::kr)
      .function("ksmps", &Engine::ksmps)
      .function("channels", &Engine::channels)
      .function("get0dBFS", &Engine::get0dBFS)
      .function("A4", &Engine::A4)
      .function("currentTimeSamples", &Engine::currentTimeSamples)
      .function("sizeOfMYFLT", &Engine::sizeOfMYFLT)
      .function("outputName", &Engine::outputName)
      .function("errorCount", &Engine::errorCount)
      .function("setOption", &Engine::setOption)
      .function("pushMidi", &Engine::pushMidi)
      .function("midiInputOpen", &Engine::midiInputOpen)
      .function("evalTimedOut", &Engine::evalTimedOut)
      .function("params", &Engine::params)
      .function("setParams", &Engine::setParams)
      .function("setDebug", &Engine::setDebug)
      .function("setMessageLevel", &Engine::setMessageLevel)
      .function("messageLevel", &Engine::messageLevel)
      .function("compile", &Engine::compile)
      .function("compileOrc", &Engine::compileOrc)
      .function("evalCode", &Engine::evalCode)
      .function("compileCsdFile", &Engine::compileCsdFile)
      .function("compileCsdText", &Engine::compileCsdText)
      .function("start", &Engine::start)
      .function("performKsmps", &Engine::performKsmps)
      .function("performKsmpsBlock", &Engine::performKsmpsBlock)
      .function("cleanup", &Engine::cleanup)
      .function("reset", &Engine::reset)
      .function("runUtility", &Engine::runUtility)
      .function("spin", &Engine::spin)
      .function("spout", &Engine::spout)
      .function("setHostAudioIO", &Engine::setHostAudioIO)
      .function("hostAudioIO", &Engine::hostAudioIO)
      .function("setRTAudioModule", &Engine::setRTAudioModule)
      .function("setHostCommands", &Engine::setHostCommands)
      .function("setControlChannel", &Engine::setControlChannel)
      .function("controlChannel", &Engine::controlChannel)
      .function("setAudioChannel", &Engine::setAudioChannel)
      .function("audioChannel", &Engine::audioChannel)
      .function("setStringChannel", &Engine::setStringChannel)
      .function("stringChannel", &Engine::stringChannel)
      .function("channelPtr", &Engine::channelPtr)
      .function("listChannels", &Engine::listChannels)
      .function("lockChannel", &Engine::lockChannel)
      .function("unlockChannel", &Engine::unlockChannel)
      .function("setControlChannelHints", &Engine::setControlChannelHints)
      .function("scoreEvent", &Engine::scoreEvent)
      .function("inputMessage", &Engine::inputMessage)
      .function("instrNumber", &Engine::instrNumber)
      .function("oscDeliver", &Engine::oscDeliver)
      .function("oscTake", &Engine::oscTake)
      .function("tableLength", &Engine::tableLength)
      .function("table", &Engine::table)
      .function("tableArgs", &Engine::tableArgs)
      .function("message", &Engine::message)
      .function("pendingMessages", &Engine::pendingMessages)
      .function("takeMessages", &Engine::takeMessages)
      .function("audioDevList", &Engine::audioDevList)
      .function("midiDevList", &Engine::midiDevList)
      .function("scoreTime", &Engine::scoreTime)
      .function("isScorePending", &Engine::isScorePending)
      .function("setScorePending", &Engine::setScorePending)
      .function("rewindScore", &Engine::rewindScore)
      .function("setScoreOffsetSeconds", &Engine::setScoreOffsetSeconds)
      .function("sortedScore", &Engine::sortedScore);

  emscripten::class_<Recorder>("Recorder")
      .constructor<>()
      .function("ring", &Recorder::ring)
      .function("start", &Recorder::start)
      .function("startRing", &Recorder::startRing)
      .function("read", &Recorder::read)
      .function("drain", &Recorder::drain)
      .function("stop", &Recorder::stop)
      .function("recording", &Recorder::recording)
      .function("droppedFrames", &Recorder::droppedFrames)
      .function("error", &Recorder::error);
}
