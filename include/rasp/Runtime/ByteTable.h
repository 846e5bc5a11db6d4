//===- ByteTable.h - rasp.keyed_reduce over a byte column's 256 values -*- C++ -*-===//
//
// A keyed reduction with one equality column, no order and no query mask,
// whose key and query columns are both functions of byte columns (a small
// table's string ids, or a table looked up by them), has at most 256
// distinct keys and queries. It lowers to one call of `rasp_byte_table`
// (C interface: every memref is passed as a pointer to its descriptor):
// one pass over the key bytes that counts (and sums) per byte, then a
// 256 x 256 join of the key table against the query table. Its results are
// two tables indexed by the query byte, which the generated code looks up
// per position (a gather that fuses into the users): no n-element count
// column is written.
//
// Arguments: key_bytes (memref<?xi8>), key_table and query_table
// (memref<256xi64>: the key and query value of each byte), key_mask,
// values, count_table and sum_table (memref<256xi64>, out), then the i64
// scalars `kinds` (the rasp::ColumnKind of key_mask, Absent or I8, in bits
// [0, 4) and of values, Absent, I64, I32, U8, I8 or Indices, in bits [4, 8)) and
// `order`. Absent columns get a dummy memref; without values, sum_table is
// not written (it may be count_table). Sums wrap modulo 2^64, as
// rasp_keyed_reduce's do.
//
// `order` is kNoOrder, or an order on the positions (key `order` query:
// rasp::Predicate lt, le, gt or ge) when only whether any key is selected
// matters (`seen_before`). count_table then holds, per query byte, the
// first selectable key position for lt and le (n if none) or the last one
// for gt and ge (-1 if none), and the generated code compares it with the
// query's position.
//
// `rasp_byte_join(key_table, query_table, weights, out)` (all
// memref<256xi64>) is the join alone, for per-byte weights computed
// without a pass over the positions (masked counts that follow from the
// histogram): out[c] = the sum of weights[b] over the bytes b with
// weights[b] != 0 and key_table[b] == query_table[c], wrapping modulo 2^64.
//
//===----------------------------------------------------------------------===//

#ifndef RASP_RUNTIME_BYTETABLE_H
#define RASP_RUNTIME_BYTETABLE_H

#include <cstdint>

namespace rasp {

inline constexpr const char *kByteTableFunctionName = "rasp_byte_table";
inline constexpr const char *kByteJoinFunctionName = "rasp_byte_join";

/// Entries of every table: one per byte value.
inline constexpr int64_t kByteTableSize = 256;

/// The `order` codes (rasp::Predicate's values; kNoOrder otherwise).
inline constexpr int64_t kByteTableOrderLt = 2, kByteTableOrderGt = 3,
                         kByteTableOrderLe = 4, kByteTableOrderGe = 5;

enum ByteTableSlot : int {
  kByteTableKeyMaskSlot = 0,
  kByteTableValuesSlot,
};

/// The kernels themselves (exported for the JIT's symbol table).
void *getByteTableKernelAddress();
void *getByteJoinKernelAddress();

} // namespace rasp

#endif // RASP_RUNTIME_BYTETABLE_H
