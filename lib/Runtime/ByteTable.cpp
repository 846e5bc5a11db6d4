//===- ByteTable.cpp - rasp.keyed_reduce over a byte column's 256 values --===//
//
// See rasp/Runtime/ByteTable.h. One pass per call over the n key bytes (and
// the key mask and values, when present); everything after it is on
// 256-entry tables.
//
//===----------------------------------------------------------------------===//

#include "rasp/Runtime/ByteTable.h"
#include "rasp/Runtime/KeyedReduce.h"
#include "KernelSupport.h"

#include <algorithm>
#include <cstdlib>

using namespace rasp;
using namespace rasp::kernel;

namespace {

/// counts[b] += weight(i) and sums[b] += weight(i) * value(i) for every
/// position i with key byte b (weights 0 or 1; sums wrap modulo 2^64).
template <typename W, typename V>
void countAndSum(const uint8_t *key, int64_t n, W weight, V value, uint64_t counts[256],
                 uint64_t sums[256]) {
  for (int64_t i = 0; i < n; ++i) {
    uint64_t w = weight(i);
    counts[key[i]] += w;
    sums[key[i]] += w * value(i);
  }
}

template <typename W>
void withValues(const uint8_t *key, int64_t n, W weight, ColumnKind kind,
                const MemRef1D *values, uint64_t counts[256], uint64_t sums[256]) {
  switch (kind) {
  case ColumnKind::Absent: {
    if constexpr (std::is_same_v<W, Ones>) {
      uint32_t narrow[256];
      countBytes(key, n, narrow);
      for (int b = 0; b < 256; ++b)
        counts[b] = narrow[b];
    } else {
      // Four interleaved tables: consecutive equal keys do not wait on each
      // other's increment.
      uint64_t tables[4][256] = {};
      int64_t i = 0;
      for (; i + 4 <= n; i += 4)
        for (int k = 0; k < 4; ++k)
          tables[k][key[i + k]] += weight(i + k);
      for (; i < n; ++i)
        tables[0][key[i]] += weight(i);
      for (int b = 0; b < 256; ++b)
        counts[b] = tables[0][b] + tables[1][b] + tables[2][b] + tables[3][b];
    }
    return;
  }
  case ColumnKind::I64:
    return countAndSum(key, n, weight, StoredAt<int64_t>{elementsOf<int64_t>(values)}, counts, sums);
  case ColumnKind::I32:
    return countAndSum(key, n, weight, StoredAt<int32_t>{elementsOf<int32_t>(values)}, counts, sums);
  case ColumnKind::U8:
    return countAndSum(key, n, weight, StoredAt<uint8_t>{elementsOf<uint8_t>(values)}, counts, sums);
  case ColumnKind::I8:
    return countAndSum(key, n, weight, StoredAt<int8_t>{elementsOf<int8_t>(values)}, counts, sums);
  case ColumnKind::Indices:
    return countAndSum(key, n, weight, IndexAt{}, counts, sums);
  default:
    abort(); // the lowering passes no other kinds
  }
}

/// positions[c]: the first (last) position whose key byte's value equals
/// query byte c's, among the keys the mask keeps; n (-1) if none.
template <bool Last, typename W>
void extremePositions(const uint8_t *key, int64_t n, W weight, const int64_t *keyValue,
                      const int64_t *queryValue, int64_t *positions) {
  int64_t none = Last ? -1 : n;
  int64_t byByte[256];
  for (int b = 0; b < 256; ++b)
    byByte[b] = none;
  if constexpr (Last) {
    for (int64_t i = n; i-- > 0;)
      if (byByte[key[i]] < 0 && weight(i))
        byByte[key[i]] = i;
  } else {
    for (int64_t i = 0; i < n; ++i)
      if (byByte[key[i]] == n && weight(i))
        byByte[key[i]] = i;
  }
  for (int c = 0; c < 256; ++c) {
    int64_t best = none;
    for (int b = 0; b < 256; ++b)
      if (byByte[b] != none && keyValue[b] == queryValue[c])
        best = Last ? std::max(best, byByte[b]) : std::min(best, byByte[b]);
    positions[c] = best;
  }
}

/// Query byte c selects the keys whose byte's value equals c's: a join of
/// the (at most 256) bytes with a non-zero count against the 256 query
/// values. `sumOut` may be null (no sums).
void join(const int64_t *keyValue, const int64_t *queryValue, const uint64_t *counts,
          const uint64_t *sums, int64_t *countOut, int64_t *sumOut) {
  int present[256], numPresent = 0;
  for (int b = 0; b < 256; ++b)
    if (counts[b] != 0)
      present[numPresent++] = b;
  for (int c = 0; c < 256; ++c) {
    uint64_t count = 0, sum = 0;
    for (int k = 0; k < numPresent; ++k) {
      int b = present[k];
      bool match = keyValue[b] == queryValue[c];
      count += match ? counts[b] : 0;
      sum += match ? sums[b] : 0;
    }
    countOut[c] = (int64_t)count;
    if (sumOut)
      sumOut[c] = (int64_t)sum;
  }
}

} // namespace

extern "C" void _mlir_ciface_rasp_byte_table(MemRef1D *keyBytes, MemRef1D *keyTable,
                                            MemRef1D *queryTable, MemRef1D *keyMask,
                                            MemRef1D *values, MemRef1D *countTable,
                                            MemRef1D *sumTable, int64_t kinds,
                                            int64_t order) {
  int64_t n = keyBytes->size;
  const uint8_t *key = elementsOf<uint8_t>(keyBytes);
  ColumnKind maskKind = decodeColumnKind(kinds, kByteTableKeyMaskSlot);
  ColumnKind valueKind = decodeColumnKind(kinds, kByteTableValuesSlot);
  if (order != kNoOrder) {
    bool last = order == kByteTableOrderGt || order == kByteTableOrderGe;
    auto run = [&](auto weight) {
      if (last)
        extremePositions<true>(key, n, weight, elementsOf<int64_t>(keyTable),
                               elementsOf<int64_t>(queryTable), elementsOf<int64_t>(countTable));
      else
        extremePositions<false>(key, n, weight, elementsOf<int64_t>(keyTable),
                                elementsOf<int64_t>(queryTable), elementsOf<int64_t>(countTable));
    };
    if (maskKind == ColumnKind::Absent)
      run(Ones{});
    else
      run(StoredAt<int8_t>{elementsOf<int8_t>(keyMask)});
    return;
  }
  uint64_t counts[256] = {}, sums[256] = {};
  if (maskKind == ColumnKind::Absent)
    withValues(key, n, Ones{}, valueKind, values, counts, sums);
  else
    withValues(key, n, StoredAt<int8_t>{elementsOf<int8_t>(keyMask)}, valueKind, values,
               counts, sums);

  join(elementsOf<int64_t>(keyTable), elementsOf<int64_t>(queryTable), counts, sums,
       elementsOf<int64_t>(countTable),
       // Without values sum_table may be count_table: not written.
       valueKind != ColumnKind::Absent ? elementsOf<int64_t>(sumTable) : nullptr);
}

extern "C" void _mlir_ciface_rasp_byte_join(MemRef1D *keyTable, MemRef1D *queryTable,
                                           MemRef1D *weights, MemRef1D *out) {
  const int64_t *w = elementsOf<int64_t>(weights);
  uint64_t counts[256];
  for (int b = 0; b < 256; ++b)
    counts[b] = (uint64_t)w[b];
  join(elementsOf<int64_t>(keyTable), elementsOf<int64_t>(queryTable), counts, counts,
       elementsOf<int64_t>(out), nullptr);
}

void *rasp::getByteJoinKernelAddress() {
  return reinterpret_cast<void *>(&_mlir_ciface_rasp_byte_join);
}

void *rasp::getByteTableKernelAddress() {
  return reinterpret_cast<void *>(&_mlir_ciface_rasp_byte_table);
}
