#include "recorder.hpp"

#include <emscripten/threading.h>

#include <algorithm>
#include <climits>

namespace csound_wasm {

Recorder::Recorder() = default;

Recorder::~Recorder() { stop(); }

int Recorder::start(const std::string &path, int sampleBits, int channels, double sampleRate, double zeroDbfs,
                    int capacityFrames, bool waitWhenFull) {
  if (file_ != nullptr) {
    error_ = "already recording";
    return -1;
  }
  int subtype = 0;
  switch (sampleBits) {
    case 16: subtype = SF_FORMAT_PCM_16; break;
    case 24: subtype = SF_FORMAT_PCM_24; break;
    case 32: subtype = SF_FORMAT_FLOAT; break;
    default: error_ = "samplebits must be 16, 24 or 32"; return -1;
  }
  if (channels <= 0 || sampleRate <= 0 || capacityFrames <= 0) {
    error_ = "the performance has no output channels or sample rate yet";
    return -1;
  }
  SF_INFO info{};
  info.samplerate = static_cast<int>(sampleRate);
  info.channels = channels;
  info.format = SF_FORMAT_WAV | subtype;
  file_ = sf_open(path.c_str(), SFM_WRITE, &info);
  if (file_ == nullptr) {
    error_ = sf_strerror(nullptr);
    return -1;
  }
  // Csound's samples are in 0dBFS units; the file holds them normalized to 1.
  scale_ = zeroDbfs > 0 ? 1.0 / zeroDbfs : 1.0;
  const size_t doubles = static_cast<size_t>(capacityFrames) * channels;
  if (scratch_.size() < doubles) scratch_.resize(doubles);
  arm(channels, capacityFrames, waitWhenFull);
  error_.clear();
  return 0;
}

// Sizes the ring and activates it. Storage only ever grows: a performer may still be finishing a copy into it.
void Recorder::arm(int channels, int capacityFrames, bool waitWhenFull) {
  const size_t doubles = static_cast<size_t>(capacityFrames) * channels;
  if (storage_.size() < doubles) storage_.resize(doubles);
  ring_.data = storage_.data();
  ring_.capacity = static_cast<uint32_t>(capacityFrames);
  ring_.channels = static_cast<uint32_t>(channels);
  ring_.wait_when_full = waitWhenFull ? 1 : 0;
  __atomic_store_n(&ring_.read_frames, 0u, __ATOMIC_RELAXED);
  __atomic_store_n(&ring_.write_frames, 0u, __ATOMIC_RELAXED);
  __atomic_store_n(&ring_.dropped_frames, 0u, __ATOMIC_RELAXED);
  __atomic_store_n(&ring_.active, 1, __ATOMIC_RELEASE);
}

int Recorder::drain() {
  if (file_ == nullptr) return 0;
  const uint32_t read = __atomic_load_n(&ring_.read_frames, __ATOMIC_RELAXED);
  const uint32_t write = __atomic_load_n(&ring_.write_frames, __ATOMIC_ACQUIRE);
  const uint32_t frames = write - read;
  const uint32_t channels = ring_.channels;
  for (uint32_t f = 0; f < frames; ++f) {
    const double *slot = ring_.data + static_cast<size_t>((read + f) % ring_.capacity) * channels;
    for (uint32_t c = 0; c < channels; ++c) scratch_[static_cast<size_t>(f) * channels + c] = slot[c] * scale_;
  }
  if (frames > 0) sf_writef_double(file_, scratch_.data(), frames);
  __atomic_store_n(&ring_.read_frames, write, __ATOMIC_RELEASE);
  // A performer that waits for room (offline rendering in a worker) continues.
  emscripten_futex_wake(&ring_.read_frames, INT_MAX);
  return static_cast<int>(frames);
}

int Recorder::startRing(int channels, int capacityFrames, bool waitWhenFull) {
  if (channels <= 0 || capacityFrames <= 0) {
    error_ = "the performance has no output channels yet";
    return -1;
  }
  arm(channels, capacityFrames, waitWhenFull);
  return 0;
}

int Recorder::read(uintptr_t destination, int maxFrames) {
  auto *out = reinterpret_cast<double *>(destination);
  const uint32_t read = __atomic_load_n(&ring_.read_frames, __ATOMIC_RELAXED);
  const uint32_t write = __atomic_load_n(&ring_.write_frames, __ATOMIC_ACQUIRE);
  const uint32_t frames = std::min<uint32_t>(write - read, static_cast<uint32_t>(std::max(maxFrames, 0)));
  const uint32_t channels = ring_.channels;
  for (uint32_t f = 0; f < frames; ++f) {
    const double *slot = ring_.data + static_cast<size_t>((read + f) % ring_.capacity) * channels;
    std::copy(slot, slot + channels, out + static_cast<size_t>(f) * channels);
  }
  __atomic_store_n(&ring_.read_frames, read + frames, __ATOMIC_RELEASE);
  emscripten_futex_wake(&ring_.read_frames, INT_MAX);
  return static_cast<int>(frames);
}

int Recorder::stop() {
  if (file_ == nullptr) {
    __atomic_store_n(&ring_.active, 0, __ATOMIC_RELEASE);
    emscripten_futex_wake(&ring_.read_frames, INT_MAX);
    return 0;
  }
  __atomic_store_n(&ring_.active, 0, __ATOMIC_RELEASE);
  drain();
  const int result = sf_close(file_);
  file_ = nullptr;
  return result == 0 ? 0 : -1;
}

}  // namespace csound_wasm
