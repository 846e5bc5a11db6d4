//===- TableSort.h - rasp.stable_sort over a byte column's values -*- C++ -*-===//
//
// A rasp.stable_sort whose keys and values are both functions of one byte
// column and at most one position comparison of it (most_freq: the token,
// and whether an equal token came before) has at most 512 distinct
// (key, value) pairs. It lowers to one call of `rasp_table_sort`:
//
//   rasp_table_sort(bytes, positions, key_table, value_table, out, order,
//                   descending, out_bytes)
//
// Position i has code c = bytes[i] + 256 * bit, where bit is
// positions[bytes[i]] `order` i (rasp_byte_table's order codes; kNoOrder: no
// bit, and positions is not read). key_table and value_table
// (memref<512xi64>) give each code's key and value. The kernel counts the
// codes in one pass, orders the keys that occur, and writes in a second
// pass each position's value to its place in `out` (out_bytes: 1, 4 or 8
// bytes per element, truncated): keys ascending and ties in index order, or
// with `descending` keys descending and ties in reverse index order (the
// op's `>` on (key, index)).
// No key or value column is ever stored.
//
// With `order` kTableSortNotFirst (kTableSortNotLast), `positions` is the
// byte histogram instead and the bit says that position i is not the first
// (last) occurrence of its byte: what positions[bytes[i]] < i (> i) says
// when positions holds each byte's first (last) position. The code counts
// then follow from the histogram (one position per occurring byte has the
// bit clear), and the kernel finds each position's bit as it visits them:
// a single pass, and no first-position table to compute.
//
//===----------------------------------------------------------------------===//

#ifndef RASP_RUNTIME_TABLESORT_H
#define RASP_RUNTIME_TABLESORT_H

#include <cstdint>

namespace rasp {

inline constexpr const char *kTableSortFunctionName = "rasp_table_sort";

/// Entries of key_table and value_table.
inline constexpr int64_t kTableSortCodes = 512;

/// `order` codes whose bit is "not the first / last occurrence of the
/// byte", `positions` being the byte histogram (distinct from
/// rasp_byte_table's order codes and kNoOrder).
inline constexpr int64_t kTableSortNotFirst = 16, kTableSortNotLast = 17;

/// The kernel itself (exported for the JIT's symbol table).
void *getTableSortKernelAddress();

} // namespace rasp

#endif // RASP_RUNTIME_TABLESORT_H
