//===- StableSort.cpp - Counting / radix sort kernel of rasp.stable_sort ---===//
//
// Position q of the result holds the value whose (key, index) pair is the
// q-th smallest (largest when descending). Keys are read as ints (string ids
// keep the strings' order, bools are 0 < 1) and offset by their minimum:
//
// - counting sort when the keys' range is small (at most n + 4096 values
//   and 2^16 buckets, so the bucket cursors stay in cache): one pass counts,
//   one pass moves each value to its bucket's cursor. When the values are
//   the keys themselves (the paper's `sort(tokens, tokens)`), the second
//   pass only fills each bucket with its key: no reads, no cursors, so any
//   range up to n + 4096 is counted;
// - LSD radix sort otherwise: (key, position) items, sorted only on the
//   bits the range needs, in passes of at most 11 bits; then each position
//   of the result gathers its value (or writes the sorted key itself).
//
// Both are stable by construction (positions are visited in index order),
// which is exactly the tie-break of the rank `(key, index) <`. Descending
// sorts visit positions backwards (counting) or read the ascending result
// backwards (radix): equal keys then come last position first, as the rank
// `(key, index) >` orders them.
//
// The lowering passes identity-layout memrefs only: every stride is 1.
//
//===----------------------------------------------------------------------===//

#include "rasp/Runtime/StableSort.h"
#include "rasp/Runtime/BufferCache.h"
#include "rasp/Runtime/KeyedReduce.h"
#include "KernelSupport.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <type_traits>

using namespace rasp;
using namespace rasp::kernel;

namespace {

/// Uninitialized n-element scratch from the buffer cache (a std::vector
/// would zero it first: a wasted pass over memory the sort overwrites).
template <typename T>
class ScratchArray {
public:
  explicit ScratchArray(size_t count)
      : data(static_cast<T *>(rasp_buffer_malloc(std::max<size_t>(count, 1) * sizeof(T)))) {
    if (!data)
      abort();
  }
  ~ScratchArray() { rasp_buffer_free(data); }
  ScratchArray(const ScratchArray &) = delete;
  ScratchArray &operator=(const ScratchArray &) = delete;
  T *get() const { return data; }
  T &operator[](size_t i) const { return data[i]; }
  void swap(ScratchArray &other) { std::swap(data, other.data); }

private:
  T *data;
};


/// The int a stored key stands for (bools: the low bit of their byte).
template <typename K>
inline int64_t keyValue(K stored) {
  if constexpr (std::is_same_v<K, int8_t>)
    return stored & 1;
  else
    return stored;
}

/// Counting and bucket cursors stay in cache up to this many buckets.
constexpr uint64_t kMaxCountingBuckets = uint64_t(1) << 16;
constexpr int kMaxDigitBits = 11;

/// One sort: keys of stored type K, values read as VIn and written as VOut.
template <typename K, typename VIn, typename VOut>
struct Sorter {
  int64_t n;
  const K *keys;
  const VIn *values;
  VOut *out;
  bool descending;
  /// The values are the keys' own buffer: results come from the keys.
  bool valuesAreKeys;
  int64_t min = 0;
  uint64_t range = 1; // max - min + 1; 0 when it wraps (all 2^64 values)

  VOut fromKey(uint64_t relative) const {
    return static_cast<VOut>(static_cast<VIn>((int64_t)(relative + (uint64_t)min)));
  }

  void run() {
    if constexpr (std::is_same_v<K, uint8_t>) {
      // Byte keys (string ids of a small table): 256 buckets, no range pass.
      min = 0;
      range = 256;
      countingSort();
      return;
    }
    int64_t lo = keyValue(keys[0]), hi = lo;
    for (int64_t i = 1; i < n; ++i) {
      int64_t v = keyValue(keys[i]);
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
    min = lo;
    range = (uint64_t)hi - (uint64_t)lo + 1;
    // Filling buckets with their keys needs no cursors: counting pays off
    // for any range up to ~n then.
    if (range != 0 && range <= (uint64_t)n + 4096 &&
        (valuesAreKeys || range <= kMaxCountingBuckets))
      countingSort();
    else
      radixSort();
  }

  uint64_t relativeKey(int64_t i) const {
    return (uint64_t)keyValue(keys[i]) - (uint64_t)min;
  }

  void countingSort() {
    ScratchArray<uint32_t> cursor(range);
    std::memset(cursor.get(), 0, range * sizeof(uint32_t));
    if constexpr (std::is_same_v<K, uint8_t>) {
      countBytes(keys, n, cursor.get());
    } else {
      for (int64_t i = 0; i < n; ++i)
        ++cursor[relativeKey(i)];
    }
    if (valuesAreKeys) {
      // Each bucket's values all equal its key.
      VOut *next = out;
      for (uint64_t step = 0; step < range; ++step) {
        uint64_t bucket = descending ? range - 1 - step : step;
        std::fill(next, next + cursor[bucket], fromKey(bucket));
        next += cursor[bucket];
      }
      return;
    }
    // Counts to each bucket's first slot, buckets in result order.
    uint32_t total = 0;
    for (uint64_t step = 0; step < range; ++step) {
      uint64_t bucket = descending ? range - 1 - step : step;
      uint32_t count = cursor[bucket];
      cursor[bucket] = total;
      total += count;
    }
    if (!descending) {
      for (int64_t i = 0; i < n; ++i)
        out[cursor[relativeKey(i)]++] = static_cast<VOut>(values[i]);
    } else {
      for (int64_t i = n; i-- > 0;)
        out[cursor[relativeKey(i)]++] = static_cast<VOut>(values[i]);
    }
  }

  /// LSD radix sort of items by their digits at bits [first, first + bits),
  /// in passes of at most kMaxDigitBits; `digitSource(item)` gives the bits.
  template <typename Item, typename DigitSource>
  void radixPasses(ScratchArray<Item> &items, int first, int bits,
                   DigitSource digitSource) {
    int passes = (bits + kMaxDigitBits - 1) / kMaxDigitBits;
    if (passes == 0)
      return;
    int digitBits = (bits + passes - 1) / passes;
    uint64_t buckets = uint64_t(1) << digitBits, mask = buckets - 1;
    ScratchArray<uint32_t> histogram(buckets * passes);
    std::memset(histogram.get(), 0, buckets * passes * sizeof(uint32_t));
    for (int64_t i = 0; i < n; ++i) {
      uint64_t source = digitSource(items[i]);
      for (int p = 0; p < passes; ++p)
        ++histogram[p * buckets + ((source >> (first + p * digitBits)) & mask)];
    }
    ScratchArray<Item> sorted(n);
    for (int p = 0; p < passes; ++p) {
      uint32_t *cursor = histogram.get() + p * buckets;
      int shift = first + p * digitBits;
      if (cursor[(digitSource(items[0]) >> shift) & mask] == (uint64_t)n)
        continue; // every item has this digit
      uint32_t total = 0;
      for (uint64_t d = 0; d < buckets; ++d) {
        uint32_t count = cursor[d];
        cursor[d] = total;
        total += count;
      }
      for (int64_t i = 0; i < n; ++i) {
        Item item = items[i];
        sorted[cursor[(digitSource(item) >> shift) & mask]++] = item;
      }
      items.swap(sorted);
    }
  }

  /// Writes the result from the items in ascending (key, position) order.
  template <typename Item, typename KeyOf, typename PositionOf>
  void emit(const ScratchArray<Item> &items, KeyOf keyOf, PositionOf positionOf) {
    for (int64_t i = 0; i < n; ++i) {
      int64_t slot = descending ? n - 1 - i : i;
      out[slot] = valuesAreKeys ? fromKey(keyOf(items[i]))
                                : static_cast<VOut>(values[positionOf(items[i])]);
    }
  }

  void radixSort() {
    // Bits that distinguish the relative keys (range 0: all 64).
    int bits = range == 0 ? 64 : 64 - __builtin_clzll(std::max<uint64_t>(range - 1, 1));
    if (bits <= 32) {
      // (key << 32) | position in one word: positions start in order, so
      // sorting on the key bits alone keeps them stable.
      ScratchArray<uint64_t> items(n);
      for (int64_t i = 0; i < n; ++i)
        items[i] = (relativeKey(i) << 32) | (uint64_t)i;
      radixPasses(items, 32, bits, [](uint64_t item) { return item; });
      emit(items, [](uint64_t item) { return item >> 32; },
           [](uint64_t item) { return (int64_t)(uint32_t)item; });
      return;
    }
    struct Wide {
      uint64_t key;
      uint64_t position;
    };
    ScratchArray<Wide> items(n);
    for (int64_t i = 0; i < n; ++i)
      items[i] = {relativeKey(i), (uint64_t)i};
    radixPasses(items, 0, bits, [](const Wide &item) { return item.key; });
    emit(items, [](const Wide &item) { return item.key; },
         [](const Wide &item) { return (int64_t)item.position; });
  }
};

template <typename K, typename VIn, typename VOut>
void sortAs(int64_t n, const MemRef1D *keys, const MemRef1D *values,
            const MemRef1D *out, bool descending) {
  const K *keyElements = elementsOf<const K>(keys);
  const VIn *valueElements = elementsOf<const VIn>(values);
  bool valuesAreKeys = sizeof(K) == sizeof(VIn) &&
                       static_cast<const void *>(keyElements) ==
                           static_cast<const void *>(valueElements);
  Sorter<K, VIn, VOut> sorter{n,          keyElements,   valueElements,
                              elementsOf<VOut>(out), descending,
                              valuesAreKeys};
  sorter.run();
}

template <typename K>
void sortWithKeys(int64_t n, const MemRef1D *keys, const MemRef1D *values,
                  const MemRef1D *out, SortValueKind valueKind, bool descending) {
  switch (valueKind) {
  case SortValueKind::Bytes1:
    return sortAs<K, uint8_t, uint8_t>(n, keys, values, out, descending);
  case SortValueKind::Bytes4:
    return sortAs<K, int32_t, int32_t>(n, keys, values, out, descending);
  case SortValueKind::Bytes8:
    return sortAs<K, int64_t, int64_t>(n, keys, values, out, descending);
  case SortValueKind::IntToFloat:
    return sortAs<K, int64_t, double>(n, keys, values, out, descending);
  }
  abort(); // the lowering passes one of the kinds above
}

} // namespace

extern "C" void _mlir_ciface_rasp_stable_sort(MemRef1D *keys, MemRef1D *values,
                                              MemRef1D *out, int64_t keyKind,
                                              int64_t valueKind, int64_t descending) {
  int64_t n = out->size;
  if (n == 0)
    return;
  auto kind = static_cast<SortValueKind>(valueKind);
  switch (static_cast<ColumnKind>(keyKind)) {
  case ColumnKind::I64:
    return sortWithKeys<int64_t>(n, keys, values, out, kind, descending != 0);
  case ColumnKind::I32:
    return sortWithKeys<int32_t>(n, keys, values, out, kind, descending != 0);
  case ColumnKind::I8:
    return sortWithKeys<int8_t>(n, keys, values, out, kind, descending != 0);
  case ColumnKind::U8:
    return sortWithKeys<uint8_t>(n, keys, values, out, kind, descending != 0);
  default:
    abort(); // the lowering passes stored columns only
  }
}

void *rasp::getStableSortKernelAddress() {
  return reinterpret_cast<void *>(&_mlir_ciface_rasp_stable_sort);
}
