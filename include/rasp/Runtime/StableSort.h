//===- StableSort.h - The sorting kernel of rasp.stable_sort ----*- C++ -*-===//
//
// rasp.stable_sort lowers to one call of `rasp_stable_sort` (C interface:
// every memref is passed as a pointer to its descriptor):
//
//   rasp_stable_sort(keys, values, out, key_kind, value_kind, descending)
//
// `key_kind` is the keys' rasp::ColumnKind (I64, I32 or U8 string ids, I8 bools);
// `value_kind` says how a value is moved into `out` (SortValueKind);
// `descending` is 0 or 1. All typed variants share one C entry point; the
// JIT binds every name that starts with the prefix to it.
//
//===----------------------------------------------------------------------===//

#ifndef RASP_RUNTIME_STABLESORT_H
#define RASP_RUNTIME_STABLESORT_H

#include <cstdint>

namespace rasp {

inline constexpr const char *kStableSortFunctionName = "rasp_stable_sort";

/// How the kernel moves one value: copied as 1, 4 or 8 bytes (bools, string
/// ids, ints, floats), or an i64 converted to the f64 an int aggregate gives.
enum class SortValueKind : int64_t {
  Bytes1 = 1,
  Bytes4 = 4,
  Bytes8 = 8,
  IntToFloat = 9,
};

/// The kernel itself (exported for the JIT's symbol table).
void *getStableSortKernelAddress();

} // namespace rasp

#endif // RASP_RUNTIME_STABLESORT_H
