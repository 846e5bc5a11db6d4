//===- GroupNeighbor.h - The kernel of rasp.group_neighbor -------*- C++ -*-===//
//
// rasp.group_neighbor lowers to one call of `rasp_group_neighbor` (C
// interface: every memref is passed as a pointer to its descriptor):
//
//   rasp_group_neighbor(groups, key_mask, query_mask, values, counts, sums,
//                       kinds, next)
//
// Slot i (in the argument order above, GroupNeighborSlot) has its
// rasp::ColumnKind in bits [4i, 4i + 4) of `kinds` (encodeColumnKind).
// groups: I64, I32 or U8 (string ids) or I8 (bools); masks: Absent or I8; values:
// Absent, I64, I32, U8 or I8; counts (0 or 1): I64, I32 or I8; sums: I64
// (int and bool values), I32 or U8 (string ids, as the values store them),
// Absent without values. Absent columns get a
// dummy memref. `next` is 0 (previous position of the group) or 1 (next).
// Every memref has the identity layout (stride 1). All typed variants share
// one C entry point; the JIT binds every name that starts with the prefix.
//
//===----------------------------------------------------------------------===//

#ifndef RASP_RUNTIME_GROUPNEIGHBOR_H
#define RASP_RUNTIME_GROUPNEIGHBOR_H

#include <cstdint>

namespace rasp {

inline constexpr const char *kGroupNeighborFunctionName = "rasp_group_neighbor";

/// The variant whose groups are a running sum over a byte column:
/// `rasp_scan_group_neighbor(bytes, step_table, offset_table,
/// key_mask_table, query_mask, values, counts, sums, kinds, next)`. The
/// tables are memref<256xi64> indexed by the byte: position i's group is
/// (sum of step[bytes[j]] for j <= i) + offset[bytes[i]], modulo 2^64, and
/// its key mask key_mask_table[bytes[i]] (key mask kind U8; Absent: none).
/// The other slots are as above (the groups slot's kind is not read).
inline constexpr const char *kScanGroupNeighborFunctionName = "rasp_scan_group_neighbor";

enum GroupNeighborSlot : int {
  kNeighborGroupsSlot = 0,
  kNeighborKeyMaskSlot,
  kNeighborQueryMaskSlot,
  kNeighborValuesSlot,
  kNeighborCountsSlot,
  kNeighborSumsSlot,
};

/// The kernel itself (exported for the JIT's symbol table).
void *getGroupNeighborKernelAddress();
void *getScanGroupNeighborKernelAddress();

} // namespace rasp

#endif // RASP_RUNTIME_GROUPNEIGHBOR_H
