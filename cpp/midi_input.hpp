// MidiInput: raw MIDI bytes from the host (Web MIDI, a sequencer, a test) to Csound's MIDI input. The engine
// registers itself as Csound's host-implemented MIDI driver; Csound reads this ring once per k-cycle on whichever
// thread performs. One producer (the host thread) and one consumer (the performing thread): indices are atomics
// and the storage is allocated once, so the audio thread never waits or allocates here.
#pragma once

#include <atomic>
#include <cstdint>

namespace csound_wasm {

class MidiInput {
 public:
  static constexpr uint32_t kCapacity = 16384;

  /** Why a push was refused. */
  enum class Push { Ok = 0, NotOpen = 1, Full = 2 };

  /** Host thread: queues `count` bytes, all or nothing. */
  Push push(const uint8_t *bytes, uint32_t count) {
    if (!open_.load(std::memory_order_acquire)) return Push::NotOpen;
    const uint32_t write = write_.load(std::memory_order_relaxed);
    const uint32_t read = read_.load(std::memory_order_acquire);
    if (kCapacity - (write - read) < count) return Push::Full;
    for (uint32_t i = 0; i < count; ++i) bytes_[(write + i) % kCapacity] = bytes[i];
    write_.store(write + count, std::memory_order_release);
    return Push::Ok;
  }

  /** Performing thread: moves up to `room` queued bytes into `out`; returns how many. */
  int take(unsigned char *out, int room) {
    const uint32_t read = read_.load(std::memory_order_relaxed);
    const uint32_t write = write_.load(std::memory_order_acquire);
    uint32_t count = write - read;
    if (room < 0) room = 0;
    if (count > static_cast<uint32_t>(room)) count = static_cast<uint32_t>(room);
    for (uint32_t i = 0; i < count; ++i) out[i] = bytes_[(read + i) % kCapacity];
    read_.store(read + count, std::memory_order_release);
    return static_cast<int>(count);
  }

  /** Csound opened (true) or closed (false) its MIDI input; bytes queued before an open are dropped. */
  void setOpen(bool open) {
    read_.store(write_.load(std::memory_order_acquire), std::memory_order_release);
    open_.store(open, std::memory_order_release);
  }
  bool isOpen() const { return open_.load(std::memory_order_acquire); }

 private:
  std::atomic<uint32_t> write_{0};
  std::atomic<uint32_t> read_{0};
  std::atomic<bool> open_{false};
  uint8_t bytes_[kCapacity] = {};
};

}  // namespace csound_wasm
