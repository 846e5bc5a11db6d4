//===- BufferCache.cpp - malloc/free for generated code -------------------===//

#include "rasp/Runtime/BufferCache.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <iterator>
#include <map>
#include <mutex>

#include <sys/mman.h>

using namespace rasp;

namespace {

/// Precedes every block; 16 bytes keep malloc's alignment for the caller.
struct alignas(16) Header {
  size_t capacity;
};
static_assert(sizeof(Header) == 16, "the header must keep 16-byte alignment");

constexpr size_t kPage = 4096;
/// Smaller blocks come from malloc's own free lists: no page faults to save.
/// Larger ones are anonymous mappings of their own (capacity: the mapping's
/// length, header included), so that a block can be split and its pages
/// moved into another block.
constexpr size_t kCachedMinimum = size_t(1) << 20;
/// Freed bytes kept for reuse at most.
constexpr size_t kCachedMaximum = size_t(8) << 30;

std::mutex cacheMutex;
std::multimap<size_t, Header *> freeBlocks; // by capacity
size_t cachedBytes = 0;

size_t roundUpToPage(size_t bytes) { return (bytes + kPage - 1) & ~(kPage - 1); }

Header *newHeader(void *at, size_t capacity) {
  auto *header = static_cast<Header *>(at);
  header->capacity = capacity;
  return header;
}

/// Adds `header`'s mapping to the cache, or unmaps it when the cache is full
/// (cacheMutex held).
void cacheBlock(Header *header) {
  if (cachedBytes + header->capacity <= kCachedMaximum) {
    cachedBytes += header->capacity;
    freeBlocks.emplace(header->capacity, header);
    return;
  }
  munmap(header, header->capacity);
}

/// Unmaps every cached block (cacheMutex held).
void releaseCachedBlocks() {
  for (auto &[capacity, header] : freeBlocks)
    munmap(header, capacity);
  freeBlocks.clear();
  cachedBytes = 0;
}

/// Takes `it` out of the cache; its first `bytes` become the block returned,
/// the rest stays cached as a block of its own (its pages are resident and
/// serve a later request) or, under kCachedMinimum, goes back to the system
/// (cacheMutex held).
Header *takeCached(std::multimap<size_t, Header *>::iterator it, size_t bytes) {
  Header *header = it->second;
  size_t capacity = it->first;
  cachedBytes -= capacity;
  freeBlocks.erase(it);
  if (capacity > bytes) {
    char *rest = reinterpret_cast<char *>(header) + bytes;
    if (capacity - bytes >= kCachedMinimum)
      cacheBlock(newHeader(rest, capacity - bytes));
    else
      munmap(rest, capacity - bytes);
    header->capacity = bytes;
  }
  return header;
}

/// Pre-faults [begin, begin + bytes) in one system call instead of one trap
/// per page as the code first writes it. Only for pages the block's user
/// writes anyway (generated code and the runtime's vectors fill what they
/// allocate), so it adds nothing to the resident peak.
void populate(char *begin, size_t bytes) {
  if (bytes)
    madvise(begin, bytes, MADV_POPULATE_WRITE); // best effort (Linux 5.14+)
}

/// Transparent huge pages for fresh blocks only with RASP_HUGE_PAGES=1
/// (off by default: see BufferCache.h).
bool useHugePages() {
  static const bool enabled = [] {
    const char *setting = std::getenv("RASP_HUGE_PAGES");
    return setting && std::string_view(setting) == "1";
  }();
  return enabled;
}

/// A block of `bytes` (a page multiple) when no cached block is that large:
/// a fresh mapping into which the cached blocks' pages are moved (mremap
/// moves page table entries, not data), so only the rest is new memory.
/// Cached pages are resident already; leaving them beside a fresh block
/// would add them to the peak, and unmapping them would fault as many new
/// pages in instead (cacheMutex held).
Header *assembleBlock(size_t bytes) {
  void *mapping = mmap(nullptr, bytes, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (mapping == MAP_FAILED)
    return nullptr;
  char *base = static_cast<char *>(mapping);
  if (useHugePages())
    madvise(base, bytes, MADV_HUGEPAGE); // best effort (BufferCache.h)
  size_t filled = 0;
  while (filled < bytes && !freeBlocks.empty()) {
    size_t part = std::min(bytes - filled, std::prev(freeBlocks.end())->first);
    Header *source = takeCached(std::prev(freeBlocks.end()), part);
    if (mremap(source, part, part, MREMAP_MAYMOVE | MREMAP_FIXED, base + filled) ==
        MAP_FAILED) {
      // The target may have been unmapped first: map it fresh again.
      munmap(source, part);
      if (mmap(base + filled, part, PROT_READ | PROT_WRITE,
               MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) == MAP_FAILED) {
        munmap(base, bytes);
        return nullptr;
      }
      break;
    }
    filled += part;
  }
  populate(base + filled, bytes - filled);
  return newHeader(base, bytes);
}

} // namespace

extern "C" void *rasp::rasp_buffer_malloc(size_t size) {
  if (size >= kCachedMinimum) {
    if (size > SIZE_MAX - sizeof(Header) - kPage)
      return nullptr;
    size_t bytes = roundUpToPage(sizeof(Header) + size);
    std::lock_guard<std::mutex> lock(cacheMutex);
    // The smallest cached block that fits, split if larger; else one
    // assembled from the cached pages plus fresh ones.
    auto it = freeBlocks.lower_bound(bytes);
    Header *header = it != freeBlocks.end() ? takeCached(it, bytes) : assembleBlock(bytes);
    return header ? header + 1 : nullptr;
  }
  auto *header = static_cast<Header *>(std::malloc(sizeof(Header) + size));
  if (!header)
    return nullptr;
  return newHeader(header, size) + 1;
}

extern "C" void rasp::rasp_buffer_free(void *ptr) {
  if (!ptr)
    return;
  Header *header = static_cast<Header *>(ptr) - 1;
  if (header->capacity < kCachedMinimum) {
    std::free(header);
    return;
  }
  std::lock_guard<std::mutex> lock(cacheMutex);
  cacheBlock(header);
}

void rasp::releaseBufferCache() {
  std::lock_guard<std::mutex> lock(cacheMutex);
  releaseCachedBlocks();
}

size_t rasp::getBufferCacheBytes() {
  std::lock_guard<std::mutex> lock(cacheMutex);
  return cachedBytes;
}
