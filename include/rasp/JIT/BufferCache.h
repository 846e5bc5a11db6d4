//===- BufferCache.h - malloc/free for generated code ------------*- C++ -*-===//
//
// Generated code allocates and frees O(n) temporaries one after another.
// glibc serves blocks above 32 MB with fresh mmaps and unmaps them on free,
// so at 10^7 tokens every temporary paid its page faults and zeroing again:
// three quarters of dyck1's run time was in the kernel. The JIT binds the
// generated code's `malloc`/`free` to these, which keep freed large blocks
// (up to a cap) and hand them to the next request of a similar size.
//
//===----------------------------------------------------------------------===//

#ifndef RASP_JIT_BUFFERCACHE_H
#define RASP_JIT_BUFFERCACHE_H

#include <cstddef>

namespace rasp {

/// The generated code's malloc and free (C calling convention).
extern "C" void *rasp_buffer_malloc(size_t size);
extern "C" void rasp_buffer_free(void *ptr);

/// Bytes held by freed blocks waiting for reuse (for tests and reports).
size_t getBufferCacheBytes();

} // namespace rasp

#endif // RASP_JIT_BUFFERCACHE_H
