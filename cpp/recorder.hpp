// Recorder: takes what the performer copies from spout (a RecordRing in shared memory) on the host thread: writes it
// to a sound file (CsoundPerformanceThread.record()), or hands it to the caller (the Node output ring), so the
// performer itself never touches a file.
#pragma once

#include <sndfile.h>

#include <cstdint>
#include <string>
#include <vector>

#include "performer.h"

namespace csound_wasm {

class Recorder {
 public:
  Recorder();
  ~Recorder();
  Recorder(const Recorder &) = delete;
  Recorder &operator=(const Recorder &) = delete;

  /** Address of the ring the performer fills (passed to csound_wasm_perform). */
  uintptr_t ring() const { return reinterpret_cast<uintptr_t>(&ring_); }

  /** Opens `path` as a WAV file (16 or 24-bit PCM, 32-bit float) and activates the ring. 0 or a negative code. */
  int start(const std::string &path, int sampleBits, int channels, double sampleRate, double zeroDbfs,
            int capacityFrames, bool waitWhenFull);
  /** Activates the ring without a file: the host reads frames with read() (Node's output ring). */
  int startRing(int channels, int capacityFrames, bool waitWhenFull);
  /** Copies up to maxFrames interleaved frames into wasm memory at `destination`; returns how many. */
  int read(uintptr_t destination, int maxFrames);
  /** Writes the frames the performer has produced so far; returns how many. */
  int drain();
  /** Deactivates the ring, writes what is left and closes the file (its header is finished). */
  int stop();
  bool recording() const { return file_ != nullptr; }
  double droppedFrames() const { return __atomic_load_n(&ring_.dropped_frames, __ATOMIC_RELAXED); }
  std::string error() const { return error_; }

 private:
  void arm(int channels, int capacityFrames, bool waitWhenFull);

  RecordRing ring_{};
  std::vector<double> storage_;
  std::vector<double> scratch_;
  SNDFILE *file_ = nullptr;
  double scale_ = 1.0;
  std::string error_;
};

}  // namespace csound_wasm
