//===- BufferCache.h - malloc/free for generated code ------------*- C++ -*-===//
//
// Generated code allocates and frees O(n) temporaries one after another.
// glibc serves blocks above 32 MB with fresh mmaps and unmaps them on free,
// so at 10^7 tokens every temporary paid its page faults and zeroing again:
// three quarters of dyck1's run time was in the kernel. The JIT binds the
// generated code's `malloc`/`free` to these, which keep freed large blocks
// (up to a cap) for later requests: a larger cached block is split, a
// request larger than any cached block gets their pages moved into its
// mapping (mremap), so a run faults in about its peak of live temporaries
// and no more; those fresh pages are pre-faulted in one madvise
// (MADV_POPULATE_WRITE) instead of one trap per 4 KiB page.
// RASP_HUGE_PAGES=1 asks for transparent huge pages (MADV_HUGEPAGE) too:
// faster in isolated runs, 2-4x slower on a VM that reports free 2 MiB
// blocks to its host (docs/design.md), so off by default.
//
//===----------------------------------------------------------------------===//

#ifndef RASP_RUNTIME_BUFFERCACHE_H
#define RASP_RUNTIME_BUFFERCACHE_H

#include <cstddef>
#include <cstdlib>

namespace rasp {

/// The generated code's malloc and free (C calling convention).
extern "C" void *rasp_buffer_malloc(size_t size);
extern "C" void rasp_buffer_free(void *ptr);

/// Gives every cached block back (the JIT calls it after each run, so what
/// a run freed does not stay resident while its output is printed).
void releaseBufferCache();

/// Bytes held by freed blocks waiting for reuse (for tests and reports).
size_t getBufferCacheBytes();

/// A std::allocator over the cache, for the runtime kernels' O(n) vectors:
/// they reuse the blocks generated code freed and the other way round.
template <typename T>
struct CachedAllocator {
  using value_type = T;
  CachedAllocator() = default;
  template <typename U>
  CachedAllocator(const CachedAllocator<U> &) {}
  T *allocate(size_t count) {
    void *ptr = rasp_buffer_malloc(count * sizeof(T));
    if (!ptr)
      abort();
    return static_cast<T *>(ptr);
  }
  void deallocate(T *ptr, size_t) { rasp_buffer_free(ptr); }
  template <typename U>
  bool operator==(const CachedAllocator<U> &) const { return true; }
  template <typename U>
  bool operator!=(const CachedAllocator<U> &) const { return false; }
};

} // namespace rasp

#endif // RASP_RUNTIME_BUFFERCACHE_H
