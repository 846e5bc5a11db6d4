//===- KernelSupport.h - Shared pieces of the runtime kernels ---*- C++ -*-===//
//
// What rasp_keyed_reduce, rasp_stable_sort and rasp_group_neighbor share: the
// C interface's view of a rank-1 memref descriptor and O(n) scratch vectors
// from the buffer cache. Private to lib/Runtime.
//
//===----------------------------------------------------------------------===//

#ifndef RASP_LIB_RUNTIME_KERNELSUPPORT_H
#define RASP_LIB_RUNTIME_KERNELSUPPORT_H

#include "rasp/Runtime/BufferCache.h"

#include <cstdint>
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

} // namespace rasp::kernel

#endif // RASP_LIB_RUNTIME_KERNELSUPPORT_H
