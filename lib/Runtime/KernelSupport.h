//===- KernelSupport.h - Shared pieces of the runtime kernels ---*- C++ -*-===//
//
// What the runtime kernels share: the C interface's view of a rank-1 memref
// descriptor, O(n) scratch vectors from the buffer cache, the per-position
// readers of their typed loops, and the histogram of byte keys. Private to
// lib/Runtime.
//
//===----------------------------------------------------------------------===//

#ifndef RASP_LIB_RUNTIME_KERNELSUPPORT_H
#define RASP_LIB_RUNTIME_KERNELSUPPORT_H

#include "rasp/Runtime/BufferCache.h"

#include <cstdint>
#include <type_traits>
#include <vector>

namespace rasp::kernel {

/// O(n) scratch vectors come from the buffer cache (BufferCache.h).
template <typename T>
using Scratch = std::vector<T, CachedAllocator<T>>;

/// The C interface's view of a memref<?xT> descriptor (same layout for any T).
struct MemRef1D {
  void *allocated;
  void *aligned;
  int64_t offset;
  int64_t size;
  int64_t stride;
};

/// The first element of a memref of T.
template <typename T>
T *elementsOf(const MemRef1D *memref) {
  return static_cast<T *>(memref->aligned) + memref->offset;
}

/// Readers of one uint64 per position, for the kernels' typed loops.
/// A stored column: bools as their low bit, ints and ids sign-extended.
template <typename T>
struct StoredAt {
  const T *data;
  uint64_t operator()(int64_t i) const {
    if constexpr (std::is_same_v<T, int8_t>)
      return (uint64_t)(data[i] & 1);
    else
      return (uint64_t)(int64_t)data[i];
  }
};
/// The positions themselves (indices are not stored).
struct IndexAt {
  uint64_t operator()(int64_t i) const { return (uint64_t)i; }
};
/// No mask: every key (query) takes part.
struct Ones {
  uint64_t operator()(int64_t) const { return 1; }
};
/// No values: counts only.
struct NoValues {
  uint64_t operator()(int64_t) const { return 0; }
};

/// counts[b] = how many of the n bytes equal b. Four interleaved tables:
/// consecutive equal keys do not wait on each other's increment.
inline void countBytes(const uint8_t *bytes, int64_t n, uint32_t counts[256]) {
  uint32_t tables[4][256] = {};
  int64_t i = 0;
  for (; i + 4 <= n; i += 4) {
    ++tables[0][bytes[i]];
    ++tables[1][bytes[i + 1]];
    ++tables[2][bytes[i + 2]];
    ++tables[3][bytes[i + 3]];
  }
  for (; i < n; ++i)
    ++tables[0][bytes[i]];
  for (int b = 0; b < 256; ++b)
    counts[b] = tables[0][b] + tables[1][b] + tables[2][b] + tables[3][b];
}

} // namespace rasp::kernel

#endif // RASP_LIB_RUNTIME_KERNELSUPPORT_H
