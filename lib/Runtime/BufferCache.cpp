//===- BufferCache.cpp - malloc/free for generated code -------------------===//

#include "rasp/Runtime/BufferCache.h"

#include <cstdint>
#include <cstdlib>
#include <map>
#include <mutex>

using namespace rasp;

namespace {

/// Precedes every block; 16 bytes keep malloc's alignment for the caller.
struct Header {
  size_t capacity;
  size_t magic;
};
static_assert(sizeof(Header) == 16, "the header must keep 16-byte alignment");

constexpr size_t kMagic = 0x52415350424c4b31; // "RASPBLK1"
/// Smaller blocks come from malloc's own free lists: no page faults to save.
constexpr size_t kCachedMinimum = size_t(1) << 20;
/// Freed bytes kept for reuse at most.
constexpr size_t kCachedMaximum = size_t(8) << 30;

std::mutex cacheMutex;
std::multimap<size_t, Header *> freeBlocks; // by capacity
size_t cachedBytes = 0;

} // namespace

extern "C" void *rasp::rasp_buffer_malloc(size_t size) {
  if (size >= kCachedMinimum) {
    std::lock_guard<std::mutex> lock(cacheMutex);
    // The smallest free block that fits, unless it would waste over half.
    auto it = freeBlocks.lower_bound(size);
    if (it != freeBlocks.end() && it->first / 2 <= size) {
      Header *header = it->second;
      cachedBytes -= it->first;
      freeBlocks.erase(it);
      return header + 1;
    }
  }
  auto *header = static_cast<Header *>(std::malloc(sizeof(Header) + size));
  if (!header)
    return nullptr;
  header->capacity = size;
  header->magic = kMagic;
  return header + 1;
}

extern "C" void rasp::rasp_buffer_free(void *ptr) {
  if (!ptr)
    return;
  Header *header = static_cast<Header *>(ptr) - 1;
  if (header->capacity >= kCachedMinimum) {
    std::lock_guard<std::mutex> lock(cacheMutex);
    if (cachedBytes + header->capacity <= kCachedMaximum) {
      cachedBytes += header->capacity;
      freeBlocks.emplace(header->capacity, header);
      return;
    }
  }
  std::free(header);
}

void rasp::releaseBufferCache() {
  std::lock_guard<std::mutex> lock(cacheMutex);
  for (auto &[capacity, header] : freeBlocks)
    std::free(header);
  freeBlocks.clear();
  cachedBytes = 0;
}

size_t rasp::getBufferCacheBytes() {
  std::lock_guard<std::mutex> lock(cacheMutex);
  return cachedBytes;
}
