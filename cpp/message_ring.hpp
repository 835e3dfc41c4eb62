// MessageRing: Csound's message fragments, written by whichever thread prints (the host thread or the performer)
// and read by the host thread. Storage is allocated once; writers copy under a spin lock held only for a memcpy,
// and never allocate, so the audio thread can print. When the ring is full, fragments are dropped and counted.
#pragma once

#include <atomic>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace csound_wasm {

class MessageRing {
 public:
  struct Fragment {
    int attr;
    std::string text;
  };

  explicit MessageRing(size_t capacity) : bytes_(capacity) {}

  /** Appends one fragment: [int32 attr][int32 length][bytes]. Safe from any thread; never allocates. */
  void push(int attr, const char *text) {
    const uint32_t length = static_cast<uint32_t>(std::strlen(text));
    const size_t need = kHeader + length;
    lock();
    if (bytes_.size() - used_ < need) {
      ++dropped_;
    } else {
      const int32_t header[2] = {attr, static_cast<int32_t>(length)};
      put(reinterpret_cast<const char *>(header), kHeader);
      put(text, length);
      __atomic_store_n(&used_, used_ + need, __ATOMIC_RELEASE);
    }
    unlock();
  }

  /** Moves every stored fragment into `out` (host thread). */
  void drain(std::vector<Fragment> &out) {
    lock();
    while (used_ > 0) {
      int32_t header[2];
      get(reinterpret_cast<char *>(header), kHeader);
      std::string text(static_cast<size_t>(header[1]), '\0');
      get(&text[0], text.size());
      __atomic_store_n(&used_, used_ - kHeader - text.size(), __ATOMIC_RELEASE);
      out.push_back({header[0], std::move(text)});
    }
    unlock();
  }

  bool empty() const { return __atomic_load_n(&used_, __ATOMIC_ACQUIRE) == 0; }
  uint32_t dropped() const { return dropped_; }

 private:
  static constexpr size_t kHeader = 2 * sizeof(int32_t);

  void lock() {
    while (lock_.test_and_set(std::memory_order_acquire)) {
    }
  }
  void unlock() { lock_.clear(std::memory_order_release); }

  void put(const char *src, size_t n) {
    for (size_t i = 0; i < n; ++i) bytes_[(head_ + i) % bytes_.size()] = src[i];
    head_ = (head_ + n) % bytes_.size();
  }
  void get(char *dst, size_t n) {
    for (size_t i = 0; i < n; ++i) dst[i] = bytes_[(tail_ + i) % bytes_.size()];
    tail_ = (tail_ + n) % bytes_.size();
  }

  std::vector<char> bytes_;
  size_t head_ = 0;
  size_t tail_ = 0;
  size_t used_ = 0;
  uint32_t dropped_ = 0;
  std::atomic_flag lock_ = ATOMIC_FLAG_INIT;
};

}  // namespace csound_wasm
