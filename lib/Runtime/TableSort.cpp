//===- TableSort.cpp - rasp.stable_sort over a byte column's values -------===//
//
// See rasp/Runtime/TableSort.h. Two passes over the bytes: count the codes,
// then scatter each position's value to its key's bucket.
//
//===----------------------------------------------------------------------===//

#include "rasp/Runtime/TableSort.h"
#include "rasp/Runtime/ByteTable.h"
#include "rasp/Runtime/KeyedReduce.h"
#include "KernelSupport.h"

#include <algorithm>
#include <cstdlib>

using namespace rasp;
using namespace rasp::kernel;

namespace {

/// The bit of position i: positions[b] `order` i.
struct Bit {
  const int64_t *positions;
  int64_t order;
  uint32_t operator()(uint8_t b, int64_t i) const {
    int64_t p = positions[b];
    switch (order) {
    case kByteTableOrderLt: return p < i;
    case kByteTableOrderLe: return p <= i;
    case kByteTableOrderGt: return p > i;
    default: return p >= i;
    }
  }
};
struct NoBit {
  uint32_t operator()(uint8_t, int64_t) const { return 0; }
};

template <typename T, typename B>
void sortByCodes(const uint8_t *bytes, int64_t n, B bit, const int64_t *keys,
                 const int64_t *values, T *out, bool descending) {
  constexpr int kCodes = (int)kTableSortCodes;
  int64_t count[kCodes] = {};
  for (int64_t i = 0; i < n; ++i)
    ++count[bytes[i] + 256 * bit(bytes[i], i)];
  // The codes that occur, by key (descending: largest first); codes with
  // equal keys share a bucket, so ties stay in position order.
  int codes[kCodes], numCodes = 0;
  for (int c = 0; c < kCodes; ++c)
    if (count[c])
      codes[numCodes++] = c;
  std::stable_sort(codes, codes + numCodes, [&](int a, int b) {
    return descending ? keys[a] > keys[b] : keys[a] < keys[b];
  });
  // One bucket (and one cursor: where its next position goes) per key.
  int bucketOf[kCodes];
  T valueOf[kCodes];
  for (int c = 0; c < kCodes; ++c)
    valueOf[c] = (T)(uint64_t)values[c]; // truncated to the output's width
  int64_t next[kCodes];
  int64_t start = 0;
  int buckets = 0;
  for (int k = 0; k < numCodes; ++buckets) {
    int64_t key = keys[codes[k]], size = 0;
    int end = k;
    while (end < numCodes && keys[codes[end]] == key) {
      bucketOf[codes[end]] = buckets;
      size += count[codes[end++]];
    }
    next[buckets] = start;
    start += size;
    k = end;
  }
  // Ties go in index order, or (descending) in reverse index order: the
  // positions are visited backward then.
  auto place = [&](int64_t i) {
    int c = bytes[i] + 256 * bit(bytes[i], i);
    out[next[bucketOf[c]]++] = valueOf[c];
  };
  if (descending)
    for (int64_t i = n; i-- > 0;)
      place(i);
  else
    for (int64_t i = 0; i < n; ++i)
      place(i);
}

} // namespace

extern "C" void _mlir_ciface_rasp_table_sort(MemRef1D *bytes, MemRef1D *positions,
                                            MemRef1D *keyTable, MemRef1D *valueTable,
                                            MemRef1D *out, int64_t order, int64_t descending,
                                            int64_t outBytes) {
  const uint8_t *b = elementsOf<uint8_t>(bytes);
  const int64_t *keys = elementsOf<int64_t>(keyTable);
  const int64_t *values = elementsOf<int64_t>(valueTable);
  auto withOut = [&](auto bit) {
    switch (outBytes) {
    case 1:
      return sortByCodes(b, bytes->size, bit, keys, values, elementsOf<uint8_t>(out),
                         descending != 0);
    case 4:
      return sortByCodes(b, bytes->size, bit, keys, values, elementsOf<uint32_t>(out),
                         descending != 0);
    case 8:
      return sortByCodes(b, bytes->size, bit, keys, values, elementsOf<uint64_t>(out),
                         descending != 0);
    default:
      abort(); // the lowering passes 1, 4 or 8
    }
  };
  if (order == kNoOrder)
    withOut(NoBit{});
  else
    withOut(Bit{elementsOf<int64_t>(positions), order});
}

void *rasp::getTableSortKernelAddress() {
  return reinterpret_cast<void *>(&_mlir_ciface_rasp_table_sort);
}
