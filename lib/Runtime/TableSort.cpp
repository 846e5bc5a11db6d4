//===- TableSort.cpp - rasp.stable_sort over a byte column's values -------===//
//
// See rasp/Runtime/TableSort.h. Two passes over the bytes: count the codes,
// then scatter each position's value to its key's bucket; one (the scatter)
// when the codes' counts follow from the byte histogram.
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

/// The bit "visited before", in the order the positions are visited.
struct SeenBefore {
  bool seen[256] = {};
  uint32_t operator()(uint8_t b, int64_t) {
    // Stores only on a byte's first visit (a predictable branch): a store
    // at every position cost most_freq up to 2.5x at 10^5, depending on
    // where the stack fell relative to the output's write streams.
    if (seen[b])
      return 1;
    seen[b] = true;
    return 0;
  }
};
/// The bit "visited again later", from the histogram: set until the byte's
/// last visit.
struct MoreToCome {
  int64_t remaining[256];
  explicit MoreToCome(const int64_t *histogram) {
    std::copy(histogram, histogram + 256, remaining);
  }
  uint32_t operator()(uint8_t b, int64_t) { return --remaining[b] != 0; }
};

/// Counts of each code: one pass over the positions.
template <typename B>
void countCodes(const uint8_t *bytes, int64_t n, B bit, int64_t *count) {
  for (int64_t i = 0; i < n; ++i)
    ++count[bytes[i] + 256 * bit(bytes[i], i)];
}

/// Counts of each code when exactly one position per occurring byte has
/// the bit clear: from the histogram, no pass.
void countCodesOfOccurrences(const int64_t *histogram, int64_t *count) {
  for (int b = 0; b < 256; ++b) {
    count[b] = histogram[b] > 0;
    count[b + 256] = histogram[b] > 0 ? histogram[b] - 1 : 0;
  }
}

/// Orders the codes by key and writes each position's value to its place:
/// `count` holds each code's number of positions, `bit` is called once per
/// position in the order they are visited.
template <typename T, typename B>
void placeByCodes(const uint8_t *bytes, int64_t n, B bit, const int64_t *count,
                  const int64_t *keys, const int64_t *values, T *out, bool descending) {
  constexpr int kCodes = (int)kTableSortCodes;
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
  int64_t n = bytes->size;
  auto withOut = [&](auto bit) {
    int64_t count[kTableSortCodes] = {};
    if (order == kTableSortNotFirst || order == kTableSortNotLast)
      countCodesOfOccurrences(elementsOf<int64_t>(positions), count);
    else
      countCodes(b, n, bit, count);
    bool down = descending != 0;
    switch (outBytes) {
    case 1:
      return placeByCodes(b, n, bit, count, keys, values, elementsOf<uint8_t>(out), down);
    case 4:
      return placeByCodes(b, n, bit, count, keys, values, elementsOf<uint32_t>(out), down);
    case 8:
      return placeByCodes(b, n, bit, count, keys, values, elementsOf<uint64_t>(out), down);
    default:
      abort(); // the lowering passes 1, 4 or 8
    }
  };
  const int64_t *p = elementsOf<int64_t>(positions);
  if (order == kTableSortNotFirst || order == kTableSortNotLast) {
    // Visited forward, "not the first" is "seen before"; backward, it is
    // "more to come" (and the other way round for "not the last").
    if ((order == kTableSortNotFirst) != (descending != 0))
      withOut(SeenBefore{});
    else
      withOut(MoreToCome{p});
  } else if (order == kNoOrder) {
    withOut(NoBit{});
  } else {
    withOut(Bit{p, order});
  }
}

void *rasp::getTableSortKernelAddress() {
  return reinterpret_cast<void *>(&_mlir_ciface_rasp_table_sort);
}
