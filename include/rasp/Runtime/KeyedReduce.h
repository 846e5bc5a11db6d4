//===- KeyedReduce.h - The sorting/counting kernel of rasp.keyed_reduce -*- C++ -*-===//
//
// rasp.keyed_reduce lowers to one call of `rasp_keyed_reduce` (C interface:
// every memref is passed as a pointer to its descriptor). The lowering and
// the runtime agree on the argument order and on the codes below.
//
// Arguments: keys0, keys1, queries0, queries1, key_mask, query_mask, values,
// counts (out), sums (out), then the i64 scalars num_equal, num_order, order
// (a rasp::Predicate value, or kNoOrder), kinds, and the offsets added to
// keys0, keys1, queries0, queries1 (an int column `x + c` is passed as x's
// buffer and c; 0 for other kinds). Slot i (in the order above,
// 0..8) has its ColumnKind in bits [4i, 4i + 4) of `kinds`. Absent and index
// columns get a dummy memref. The outputs are I64 (the default, also for
// Absent) or I32; counts may also be I8, one byte that is 1 when any key
// is selected (the lowering asks for it where only that is used).
//
//===----------------------------------------------------------------------===//

#ifndef RASP_RUNTIME_KEYEDREDUCE_H
#define RASP_RUNTIME_KEYEDREDUCE_H

#include <cstdint>

namespace rasp {

inline constexpr const char *kKeyedReduceFunctionName = "rasp_keyed_reduce";

/// How a column's elements are stored.
enum class ColumnKind : int64_t {
  Absent = 0,
  I64 = 1,     // ints
  I32 = 2,     // string ids
  I8 = 3,      // bools (0/1 bytes)
  Indices = 4, // the positions 0..n-1, not stored
  U8 = 5,      // string ids of a small table (one byte each)
};

enum KeyedReduceSlot : int {
  kKeys0Slot = 0,
  kKeys1Slot,
  kQueries0Slot,
  kQueries1Slot,
  kKeyMaskSlot,
  kQueryMaskSlot,
  kValuesSlot,
  kNumKeyedReduceSlots, // the input columns
  kCountsSlot = kNumKeyedReduceSlots,
  kSumsSlot,
};

/// `order` when the op has no order columns.
inline constexpr int64_t kNoOrder = -1;

/// At most this many equality + order columns (the runtime packs each row
/// into one 64-bit key).
inline constexpr int kMaxKeyedColumns = 2;

inline int64_t encodeColumnKind(int slot, ColumnKind kind) {
  return static_cast<int64_t>(kind) << (4 * slot);
}

inline ColumnKind decodeColumnKind(int64_t kinds, int slot) {
  return static_cast<ColumnKind>((kinds >> (4 * slot)) & 0xf);
}

/// The kernel itself (exported for the JIT's symbol table).
void *getKeyedReduceKernelAddress();

} // namespace rasp

#endif // RASP_RUNTIME_KEYEDREDUCE_H
