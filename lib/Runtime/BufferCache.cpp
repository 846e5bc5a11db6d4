//===- BufferCache.cpp - malloc/free for generated code -------------------===//

#include "rasp/Runtime/BufferCache.h"

#include <cstdint>
#include <cstdlib>
#include <map>
#include <mutex>

#include <sys/mman.h>

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

/// Frees every cached block (cacheMutex held).
void releaseCachedBlocks() {
  for (auto &[capacity, header] : freeBlocks)
    std::free(header);
  freeBlocks.clear();
  cachedBytes = 0;
}

/// Gives the pages of a reused block beyond `size` back to the system (they
/// read as zeros, and fault in again only if a later use needs them), so a
/// large block serving a smaller request holds no more memory than a fresh
/// one would.
void releaseTail(void *block, size_t size, size_t capacity) {
  constexpr size_t kPage = 4096;
  auto begin = (reinterpret_cast<uintptr_t>(block) + size + kPage - 1) & ~(kPage - 1);
  auto end = (reinterpret_cast<uintptr_t>(block) + capacity) & ~(kPage - 1);
  if (end > begin + (size_t(1) << 20))
    madvise(reinterpret_cast<void *>(begin), end - begin, MADV_DONTNEED);
}

} // namespace

extern "C" void *rasp::rasp_buffer_malloc(size_t size) {
  if (size >= kCachedMinimum) {
    std::lock_guard<std::mutex> lock(cacheMutex);
    // The smallest free block that fits, unless it is over 4x too large.
    // Its pages are resident already, so using part of it costs no memory;
    // a fresh block would add its size to the peak.
    auto it = freeBlocks.lower_bound(size);
    if (it != freeBlocks.end() && it->first / 4 <= size) {
      Header *header = it->second;
      cachedBytes -= it->first;
      freeBlocks.erase(it);
      releaseTail(header + 1, size, header->capacity);
      return header + 1;
    }
    // A miss: the cached blocks could not serve it, and would sit resident
    // beside the new one (73 -> 63 bytes/token for dyck2 at 10^7), so they
    // go back to the system first.
    releaseCachedBlocks();
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
  releaseCachedBlocks();
}

size_t rasp::getBufferCacheBytes() {
  std::lock_guard<std::mutex> lock(cacheMutex);
  return cachedBytes;
}
