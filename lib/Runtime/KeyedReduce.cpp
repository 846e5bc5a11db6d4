//===- KeyedReduce.cpp - Counting / radix-sort kernel of rasp.keyed_reduce -===//
//
// Each row (a key position or a query position) is packed into one 64-bit
// number P: its equality columns then its order columns, each offset by the
// column's minimum and scaled by the ranges of the columns after it, so that
// comparing packed numbers compares the tuples lexicographically. A query
// then selects exactly the keys whose P lies in one interval [lo, hi):
//
//   group of the query (equality columns agree): [E*RO, (E+1)*RO)
//   lt: [E*RO, Pq)   le: [E*RO, Pq+1)   gt: [Pq+1, (E+1)*RO)   ge: [Pq, (E+1)*RO)
//
// (RO: the product of the order columns' ranges). Counts and sums over an
// interval are differences of prefix sums over the keys ordered by P:
//
// - counting: when the packed range R is small (at most ~2n), the prefix
//   sums are taken over a bucket array indexed by P: O(n + R);
// - sorting: otherwise the keys are LSD-radix-sorted by P (only the bytes
//   that vary), the queries too unless they are the same columns, and one
//   merge sweep with two cursors answers every query: O(n * bytes).
//
// Two shapes skip packing altogether: one equality column against indices
// is a scatter (`select(target, indices, ==)`, the sort's last step: each key
// adds itself to the query its target names) or a gather (each query reads
// the key its position names), one pass each; and an order ending in indices
// on both sides is one pass over the positions (tryIndexOrderCounting).
//
// Columns whose ranges multiply beyond 2^62 are first replaced by their
// dense ranks (sort + unique), which keeps the order and equality of values.
// Sums wrap modulo 2^64, as the generic kernel's i64 sums do.
//
// No loop switches per element: each pass is instantiated for the key
// mask (none or bytes), the values (none, i64, i32) and the output widths,
// the query mask is applied after the pass, and packed values (or group
// numbers) are produced a block at a time by loops instantiated per column
// storage. A bucket holds a count and a sum together (one cache line): 32-bit
// counts, and a sum modulo 2^32 in the same 64-bit word when sums are
// written as 32 bits.
//
//===----------------------------------------------------------------------===//

#include "rasp/Runtime/KeyedReduce.h"
#include "rasp/Runtime/BufferCache.h"
#include "KernelSupport.h"

#include <algorithm>
#include <atomic>
#include <climits>
#include <array>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <optional>
#include <type_traits>
#include <utility>
#include <vector>

using namespace rasp;
using namespace rasp::kernel;

namespace {

// rasp::Predicate values (RASPOps.td).
constexpr int64_t kLt = 2, kGt = 3, kLe = 4, kGe = 5;

/// A read-only column of n values, whatever its storage. The hot loops do
/// not use operator[] (a switch per element): they visit the column once
/// (visitColumn) and are instantiated for its storage.
struct Column {
  ColumnKind kind = ColumnKind::Absent;
  const char *base = nullptr;
  int64_t stride = 1;
  /// Added to every stored int (wrapping like the generated i64 add): the
  /// lowering passes `x + c` as x's buffer and c, not as a computed copy.
  int64_t offset = 0;

  int64_t operator[](int64_t i) const {
    switch (kind) {
    case ColumnKind::I64:
      return (int64_t)((uint64_t)reinterpret_cast<const int64_t *>(base)[i * stride] +
                       (uint64_t)offset);
    case ColumnKind::I32:
      return (int64_t)((uint64_t)(int64_t)reinterpret_cast<const int32_t *>(base)[i * stride] +
                       (uint64_t)offset);
    case ColumnKind::I8:
      return reinterpret_cast<const int8_t *>(base)[i * stride] & 1;
    case ColumnKind::U8:
      return (int64_t)((uint64_t)reinterpret_cast<const uint8_t *>(base)[i * stride] +
                       (uint64_t)offset);
    case ColumnKind::Indices:
      return i;
    case ColumnKind::Absent:
      break;
    }
    return 0;
  }

  bool stored() const {
    return kind == ColumnKind::I64 || kind == ColumnKind::I32 || kind == ColumnKind::I8 ||
           kind == ColumnKind::U8;
  }

  bool sameAs(const Column &other) const {
    return kind == other.kind && base == other.base && stride == other.stride &&
           offset == other.offset;
  }
};

Column makeColumn(ColumnKind kind, const MemRef1D *memref) {
  Column column;
  column.kind = kind;
  if (kind == ColumnKind::Absent || kind == ColumnKind::Indices)
    return column;
  size_t width = kind == ColumnKind::I64 ? 8 : kind == ColumnKind::I32 ? 4 : 1;
  column.base = static_cast<const char *>(memref->aligned) + memref->offset * width;
  column.stride = memref->stride;
  return column;
}

//===----------------------------------------------------------------------===//
// Typed readers and writers. KeyedReduce::normalize makes every column the
// loops read contiguous, so a reader is a pointer (and an offset).
//===----------------------------------------------------------------------===//

/// Element i of a contiguous stored column as a uint64: ints plus the
/// column's offset (wrapping), bools as 0/1.
template <typename T>
struct Stored {
  const T *data;
  uint64_t offset;
  explicit Stored(const Column &column)
      : data(reinterpret_cast<const T *>(column.base)), offset((uint64_t)column.offset) {}
  uint64_t operator()(int64_t i) const {
    if constexpr (std::is_same_v<T, int8_t>)
      return (uint64_t)(data[i] & 1);
    else
      return (uint64_t)(int64_t)data[i] + offset;
  }
};


/// Calls f with the typed reader of a key or query column.
template <typename F>
void visitColumn(const Column &column, F &&f) {
  switch (column.kind) {
  case ColumnKind::I64: f(Stored<int64_t>(column)); return;
  case ColumnKind::I32: f(Stored<int32_t>(column)); return;
  case ColumnKind::I8: f(Stored<int8_t>(column)); return;
  case ColumnKind::U8: f(Stored<uint8_t>(column)); return;
  case ColumnKind::Indices: f(IndexAt{}); return;
  case ColumnKind::Absent: f(NoValues{}); return;
  }
}

struct NoSums {};

/// A store that bypasses the caches (clang's builtin; a plain store
/// elsewhere), and the fence that orders such stores before later reads.
template <typename T>
inline void streamingStore(T value, T *at) {
#if defined(__clang__)
  __builtin_nontemporal_store(value, at);
#else
  *at = value;
#endif
}

inline void streamingFence() {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_sfence();
#else
  std::atomic_thread_fence(std::memory_order_seq_cst);
#endif
}

/// The output buffers: counts as C (int32_t or int64_t, or uint8_t for
/// "any key selected": 1 or 0), sums as S (int32_t, int64_t, or NoSums).
/// Writes truncate to the width (sums wrap modulo 2^64 anyway, so their low
/// 32 bits are the 32-bit sums).
template <typename C, typename S>
struct Outputs {
  C *counts;
  S *sums;
  static constexpr bool kHasSums = !std::is_same_v<S, NoSums>;
  /// One-byte counts saturate: the lowering asks for them only where a
  /// count is used as "none or some" (a constant value's mean).
  static constexpr bool kSaturated = std::is_same_v<C, uint8_t>;
  static C countOf(uint64_t count) {
    if constexpr (kSaturated)
      return (C)(count != 0);
    else
      return (C)(std::make_unsigned_t<C>)count;
  }
  void write(int64_t q, uint64_t count, uint64_t sum) const {
    counts[q] = countOf(count);
    if constexpr (kHasSums)
      sums[q] = (S)(std::make_unsigned_t<S>)sum;
  }
  /// write() for passes that visit the queries in order over large outputs:
  /// streaming stores skip reading each output line into the cache first
  /// (half the memory traffic of a plain store to a line not in cache).
  void writeStreaming(int64_t q, uint64_t count, uint64_t sum) const {
    streamingStore(countOf(count), &counts[q]);
    if constexpr (kHasSums)
      streamingStore((S)(std::make_unsigned_t<S>)sum, &sums[q]);
  }
  void add(int64_t q, uint64_t count, uint64_t sum) const {
    if constexpr (kSaturated)
      counts[q] |= countOf(count);
    else
      counts[q] = (C)(std::make_unsigned_t<C>)((std::make_unsigned_t<C>)counts[q] + count);
    if constexpr (kHasSums)
      sums[q] = (S)(std::make_unsigned_t<S>)((std::make_unsigned_t<S>)sums[q] + sum);
  }
};

//===----------------------------------------------------------------------===//
// Buckets: a count and a sum of weighted values. Positions are below 2^32
// (the JIT refuses n >= 2^31; the sorts keep 32-bit positions), so counts
// fit 32 bits.
//===----------------------------------------------------------------------===//

/// Counts only.
struct CountBucket {
  uint32_t c = 0;
  static CountBucket of(uint64_t w, uint64_t) { return {(uint32_t)w}; }
  CountBucket &operator+=(CountBucket o) { c += o.c; return *this; }
  CountBucket operator-(CountBucket o) const { return {c - o.c}; }
  uint64_t count() const { return c; }
  uint64_t sum() const { return 0; }
};

/// A count in the low 32 bits and a sum modulo 2^32 (sums written as 32
/// bits: string ids) in the high 32: one 64-bit add updates both, and one
/// cache line holds both. Counts never exceed n < 2^32, so the low half
/// never carries into the high half, and a difference of two prefix totals
/// (high total minus low total: the low half does not borrow) is again a
/// count and a sum modulo 2^32. Weights are 0 or 1.
struct PackedBucket {
  uint64_t v = 0;
  static PackedBucket of(uint64_t w, uint64_t x) { return {w + ((w * x) << 32)}; }
  PackedBucket &operator+=(PackedBucket o) { v += o.v; return *this; }
  PackedBucket operator-(PackedBucket o) const { return {v - o.v}; }
  uint64_t count() const { return (uint32_t)v; }
  uint64_t sum() const { return v >> 32; }
};

/// A count and a 64-bit sum side by side (one cache line for both).
struct WideBucket {
  uint64_t c = 0, s = 0;
  static WideBucket of(uint64_t w, uint64_t x) { return {w, w * x}; }
  WideBucket &operator+=(WideBucket o) { c += o.c; s += o.s; return *this; }
  WideBucket operator-(WideBucket o) const { return {c - o.c, s - o.s}; }
  uint64_t count() const { return c; }
  uint64_t sum() const { return s; }
};

template <typename O>
using BucketFor = std::conditional_t<
    !O::kHasSums, CountBucket,
    std::conditional_t<sizeof(*std::declval<O>().sums) == 4, PackedBucket, WideBucket>>;

//===----------------------------------------------------------------------===//
// Packed sources: the packed value (or group number) of each position,
// produced a block at a time into a small buffer by loops instantiated per
// column storage; the bucket loops read the buffer and are instantiated per
// weight, values and outputs only.
//===----------------------------------------------------------------------===//

constexpr int64_t kBlock = 1024;

struct PackedSource {
  const void *context;
  void (*fillFn)(const void *context, int64_t start, int64_t length, uint64_t *out);
  void operator()(int64_t start, int64_t length, uint64_t *out) const {
    fillFn(context, start, length, out);
  }
};

/// A source calling `f(start, length, out)`; f must outlive the source.
template <typename F>
PackedSource sourceOf(const F &f) {
  return {&f, [](const void *context, int64_t start, int64_t length, uint64_t *out) {
            (*static_cast<const F *>(context))(start, length, out);
          }};
}

/// body(start, length, packed) over the blocks of [0, n), in order.
template <typename Body>
void forBlocks(int64_t n, const PackedSource &source, Body &&body) {
  uint64_t buffer[kBlock];
  for (int64_t start = 0; start < n; start += kBlock) {
    int64_t length = std::min(kBlock, n - start);
    source(start, length, buffer);
    body(start, length, (const uint64_t *)buffer);
  }
}

/// The same, last block first (the body walks each block backwards).
template <typename Body>
void forBlocksBackward(int64_t n, const PackedSource &source, Body &&body) {
  uint64_t buffer[kBlock];
  for (int64_t end = n; end > 0; end -= kBlock) {
    int64_t start = std::max<int64_t>(0, end - kBlock);
    source(start, end - start, buffer);
    body(start, end - start, (const uint64_t *)buffer);
  }
}

struct Range {
  int64_t min = 0;
  uint64_t size = 1; // max - min + 1
};

/// The smallest and largest value of a column.
struct MinMax {
  int64_t lo, hi;
};

MinMax minMaxOf(const Column &column, int64_t n) {
  if (column.kind == ColumnKind::Indices)
    return {0, n - 1};
  if (column.kind == ColumnKind::I32 && column.stride == 1 && column.offset == 0) {
    // In 32 bits: twice the lanes, and AVX2 has 32-bit min and max.
    const int32_t *data = reinterpret_cast<const int32_t *>(column.base);
    int32_t lo = data[0], hi = data[0];
    for (int64_t i = 1; i < n; ++i) {
      lo = std::min(lo, data[i]);
      hi = std::max(hi, data[i]);
    }
    return {lo, hi};
  }
  MinMax result{0, 0};
  visitColumn(column, [&](auto at) {
    int64_t lo = (int64_t)at(0), hi = lo;
    for (int64_t i = 1; i < n; ++i) {
      int64_t v = (int64_t)at(i);
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
    result = {lo, hi};
  });
  return result;
}

/// A column whose values are another's plus a constant: the same buffer
/// read with another offset (dyck's `nth - 1` beside `nth`).
bool sameBuffer(const Column &a, const Column &b) {
  return a.kind == b.kind && a.base == b.base && a.stride == b.stride &&
         (a.kind == ColumnKind::I64 || a.kind == ColumnKind::I32);
}

/// column's min and max given those of `other`, the same buffer read with
/// another offset, when no value wraps: neither other's values minus its
/// offset (the stored values) nor those plus column's offset. Subtracting
/// or adding a constant overflows only at one end of the int64 range, so
/// checking the two extremes checks every value; every value then moves by
/// the difference of the offsets.
std::optional<MinMax> shiftedMinMax(const Column &column, const Column &other,
                                    MinMax otherRange) {
  int64_t lo, hi, rawLo, rawHi;
  if (__builtin_sub_overflow(otherRange.lo, other.offset, &rawLo) ||
      __builtin_sub_overflow(otherRange.hi, other.offset, &rawHi) ||
      __builtin_add_overflow(rawLo, column.offset, &lo) ||
      __builtin_add_overflow(rawHi, column.offset, &hi))
    return std::nullopt;
  return MinMax{lo, hi};
}

/// The range of the values of a key column and its query column.
Range rangeOf(const Column &keys, const Column &queries, int64_t n) {
  MinMax k = minMaxOf(keys, n), q = k;
  if (!queries.sameAs(keys)) {
    // The other column's values with a different offset: no second pass
    // when the stored values lie where no offset wraps them.
    std::optional<MinMax> shifted;
    if (sameBuffer(keys, queries))
      shifted = shiftedMinMax(queries, keys, k);
    q = shifted ? *shifted : minMaxOf(queries, n);
  }
  int64_t lo = std::min(k.lo, q.lo), hi = std::max(k.hi, q.hi);
  return {lo, static_cast<uint64_t>(hi) - static_cast<uint64_t>(lo) + 1};
}

/// Replaces a key/query column pair by dense ranks of their values.
void rankColumns(Column &keys, Column &queries, int64_t n,
                 std::vector<std::unique_ptr<int64_t[]>> &storage) {
  bool shared = keys.sameAs(queries);
  std::vector<int64_t> values;
  values.reserve(shared ? n : 2 * n);
  for (int64_t i = 0; i < n; ++i)
    values.push_back(keys[i]);
  if (!shared)
    for (int64_t i = 0; i < n; ++i)
      values.push_back(queries[i]);
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  auto rank = [&](const Column &column) {
    storage.emplace_back(new int64_t[n]);
    int64_t *out = storage.back().get();
    for (int64_t i = 0; i < n; ++i)
      out[i] = std::lower_bound(values.begin(), values.end(), column[i]) - values.begin();
    Column ranked;
    ranked.kind = ColumnKind::I64;
    ranked.base = reinterpret_cast<const char *>(out);
    return ranked;
  };
  keys = rank(keys);
  queries = shared ? keys : rank(queries);
}

/// LSD radix sort of (P, position) pairs by P, one pass per byte that varies.
template <typename Key>
void radixSort(Scratch<Key> &keys, Scratch<uint32_t> &positions) {
  constexpr int kBytes = sizeof(Key);
  size_t n = keys.size();
  if (n < 2)
    return;
  std::vector<std::array<uint32_t, 256>> histograms(kBytes);
  for (auto &h : histograms)
    h.fill(0);
  for (Key key : keys)
    for (int byte = 0; byte < kBytes; ++byte)
      ++histograms[byte][(key >> (8 * byte)) & 0xff];
  Scratch<Key> keysOut(n);
  Scratch<uint32_t> positionsOut(n);
  for (int byte = 0; byte < kBytes; ++byte) {
    auto &h = histograms[byte];
    if (h[(keys[0] >> (8 * byte)) & 0xff] == n)
      continue; // every key has the same byte here
    uint32_t offsets[256];
    uint32_t total = 0;
    for (int d = 0; d < 256; ++d) {
      offsets[d] = total;
      total += h[d];
    }
    int shift = 8 * byte;
    for (size_t i = 0; i < n; ++i) {
      uint32_t slot = offsets[(keys[i] >> shift) & 0xff]++;
      keysOut[slot] = keys[i];
      positionsOut[slot] = positions[i];
    }
    keys.swap(keysOut);
    positions.swap(positionsOut);
  }
}

struct Interval {
  uint64_t lo, hi;
};

/// The interval of packed keys query P selects (see the file comment).
/// `numEqual`: without equality columns the group is everything, without
/// order columns the group is P itself; only grouped orders divide (a 64-bit
/// division per query would cost more than the rest of the sweep).
inline Interval selectedInterval(uint64_t p, uint64_t orderRange, int64_t order,
                                 int numEqual) {
  uint64_t groupStart = numEqual == 0    ? 0
                        : orderRange == 1 ? p
                                          : p / orderRange * orderRange;
  uint64_t groupEnd = groupStart + orderRange;
  switch (order) {
  case kLt:
    return {groupStart, p};
  case kLe:
    return {groupStart, p + 1};
  case kGt:
    return {p + 1, groupEnd};
  case kGe:
    return {p, groupEnd};
  default:
    return {groupStart, groupEnd};
  }
}

/// An output memref of n counts or sums: i64, or i32 where the lowering
/// knows 32 bits hold the result (counts never exceed n < 2^31; string ids
/// are read only where one key is selected, and wrapping sums truncate to
/// the same 32 bits), or (counts only) one byte that says whether any key
/// is selected.
struct OutputColumn {
  void *base = nullptr;
  unsigned bytes = 8;

  explicit operator bool() const { return base != nullptr; }
  void clear(int64_t n) const { std::memset(base, 0, (size_t)n * bytes); }
};

struct KeyedReduce {
  int64_t n;
  int numColumns;
  int numEqual = 0;
  int64_t order;
  Column keys[kMaxKeyedColumns], queries[kMaxKeyedColumns];
  Column keyMask, queryMask, values;
  OutputColumn counts, sums; // sums absent when there are no values

  std::vector<std::unique_ptr<int64_t[]>> rankedStorage;
  std::vector<std::unique_ptr<int8_t[]>> maskStorage;
  uint64_t orderRange = 1; // product of the order columns' ranges
  uint64_t packedRange = 1;
  Range ranges[kMaxKeyedColumns];

  bool sharedQueries() const {
    for (int c = 0; c < numColumns; ++c)
      if (!keys[c].sameAs(queries[c]))
        return false;
    return true;
  }

  /// Makes every column the typed loops read contiguous (the lowering
  /// passes contiguous memrefs; anything else is copied once): keys and
  /// queries stored with stride 1; masks as bytes; values as stride-1 i64
  /// i32 or u8 (bools and indices as values are copied to i64).
  void normalize() {
    auto copyInts = [&](const Column &column) {
      rankedStorage.emplace_back(new int64_t[n]);
      int64_t *out = rankedStorage.back().get();
      for (int64_t i = 0; i < n; ++i)
        out[i] = column[i];
      Column copy;
      copy.kind = ColumnKind::I64;
      copy.base = reinterpret_cast<const char *>(out);
      return copy;
    };
    for (int c = 0; c < numColumns; ++c) {
      bool shared = keys[c].sameAs(queries[c]);
      if (keys[c].stored() && keys[c].stride != 1)
        keys[c] = copyInts(keys[c]);
      if (shared)
        queries[c] = keys[c];
      else if (queries[c].stored() && queries[c].stride != 1)
        queries[c] = copyInts(queries[c]);
    }
    for (Column *mask : {&keyMask, &queryMask}) {
      if (mask->kind == ColumnKind::Absent ||
          (mask->kind == ColumnKind::I8 && mask->stride == 1))
        continue;
      maskStorage.emplace_back(new int8_t[n]);
      int8_t *out = maskStorage.back().get();
      for (int64_t i = 0; i < n; ++i)
        out[i] = (*mask)[i] != 0;
      mask->kind = ColumnKind::I8;
      mask->base = reinterpret_cast<const char *>(out);
      mask->stride = 1;
      mask->offset = 0;
    }
    if (values.kind != ColumnKind::Absent &&
        ((values.kind != ColumnKind::I64 && values.kind != ColumnKind::I32 &&
          values.kind != ColumnKind::U8) ||
         values.stride != 1))
      values = copyInts(values);
  }

  /// Calls f(weight, values, outputs) with the typed key weights (Ones or
  /// the key mask's bytes), values (NoValues, i64 or i32) and outputs.
  template <typename F>
  void dispatch(F &&f) const {
    auto withOutputs = [&](auto weight, auto valueAt) {
      auto withCounts = [&](auto *sumsBase) {
        using S = std::remove_pointer_t<decltype(sumsBase)>;
        if (counts.bytes == 8)
          f(weight, valueAt, Outputs<int64_t, S>{static_cast<int64_t *>(counts.base), sumsBase});
        else if (counts.bytes == 4)
          f(weight, valueAt, Outputs<int32_t, S>{static_cast<int32_t *>(counts.base), sumsBase});
        else
          f(weight, valueAt, Outputs<uint8_t, S>{static_cast<uint8_t *>(counts.base), sumsBase});
      };
      if constexpr (std::is_same_v<decltype(valueAt), NoValues>)
        withCounts((NoSums *)nullptr);
      else if (sums.bytes == 8)
        withCounts(static_cast<int64_t *>(sums.base));
      else
        withCounts(static_cast<int32_t *>(sums.base));
    };
    auto withValues = [&](auto weight) {
      if (!sums)
        return withOutputs(weight, NoValues{});
      if (values.kind == ColumnKind::I64)
        withOutputs(weight, Stored<int64_t>(values));
      else if (values.kind == ColumnKind::U8)
        withOutputs(weight, Stored<uint8_t>(values));
      else
        withOutputs(weight, Stored<int32_t>(values));
    };
    if (keyMask.kind == ColumnKind::Absent)
      withValues(Ones{});
    else
      withValues(Stored<int8_t>(keyMask));
  }

  /// Zeroes the outputs of the queries the query mask leaves out (every
  /// path writes all n outputs first).
  void applyQueryMask() const {
    if (queryMask.kind == ColumnKind::Absent)
      return;
    const int8_t *mask = reinterpret_cast<const int8_t *>(queryMask.base);
    auto clear = [&](auto *out) {
      for (int64_t q = 0; q < n; ++q)
        out[q] = (mask[q] & 1) ? out[q] : 0;
    };
    auto clearColumn = [&](const OutputColumn &column) {
      if (column.bytes == 8)
        clear(static_cast<int64_t *>(column.base));
      else if (column.bytes == 4)
        clear(static_cast<int32_t *>(column.base));
      else
        clear(static_cast<uint8_t *>(column.base));
    };
    clearColumn(counts);
    if (sums)
      clearColumn(sums);
  }

  /// Ranges of every column; ranks the columns when the packed range would
  /// not fit in 62 bits.
  void computeRanges() {
    for (int attempt = 0; attempt < 2; ++attempt) {
      unsigned __int128 total = 1, orderTotal = 1;
      for (int c = 0; c < numColumns; ++c) {
        ranges[c] = rangeOf(keys[c], queries[c], n);
        // A size of 0 means the range wrapped: all 2^64 values.
        unsigned __int128 size = ranges[c].size ? ranges[c].size
                                                : (unsigned __int128)1 << 64;
        total *= size;
        if (c >= numEqual)
          orderTotal *= size;
        if (total > ((unsigned __int128)1 << 62))
          break;
      }
      if (total <= ((unsigned __int128)1 << 62)) {
        packedRange = (uint64_t)total;
        orderRange = (uint64_t)orderTotal;
        return;
      }
      for (int c = 0; c < numColumns; ++c)
        rankColumns(keys[c], queries[c], n, rankedStorage);
    }
  }

  /// packed[i] = packed[i] * size + (column[start + i] - min); the first
  /// column starts the number.
  static void packBlock(const Column &column, uint64_t min, uint64_t size,
                        bool first, int64_t start, int64_t length, uint64_t *out) {
    visitColumn(column, [&](auto at) {
      if (first)
        for (int64_t i = 0; i < length; ++i)
          out[i] = at(start + i) - min;
      else
        for (int64_t i = 0; i < length; ++i)
          out[i] = out[i] * size + (at(start + i) - min);
    });
  }

  /// Packs columns [0, count) of one side (keys or queries) a block at a
  /// time; no columns pack to 0.
  void packColumns(const Column *side, int count, int64_t start, int64_t length,
                   uint64_t *out) const {
    if (count == 0)
      std::fill(out, out + length, 0);
    for (int c = 0; c < count; ++c)
      packBlock(side[c], (uint64_t)ranges[c].min, ranges[c].size, c == 0, start,
                length, out);
  }

  void pack(const Column *side, Scratch<uint64_t> &out) const {
    out.resize(n);
    for (int64_t start = 0; start < n; start += kBlock)
      packColumns(side, numColumns, start, std::min(kBlock, n - start),
                  out.data() + start);
  }

  /// Counting: buckets indexed by P (at most ~2n of them). Equality alone
  /// reads each query's bucket; an order takes prefix sums over the buckets
  /// and differences them over each query's interval.
  void runCounting(const PackedSource &keyP, const PackedSource &queryP,
                   uint64_t range) {
    dispatch([&](auto weight, auto valueAt, auto out) {
      countingPass<BucketFor<decltype(out)>>(keyP, queryP, range, weight, valueAt, out);
    });
    applyQueryMask();
  }

  /// From this many queries on, outputs no longer fit the caches: the
  /// in-order passes write them with streaming stores.
  static constexpr int64_t kStreamingOutputs = int64_t(1) << 20;

  template <typename Bucket, typename W, typename V, typename O>
  void countingPass(const PackedSource &keyP, const PackedSource &queryP,
                    uint64_t range, W weight, V valueAt, O out) {
    bool ordered = order != kNoOrder;
    // Ordered: bucket p + 1 holds the keys at p, so prefix sums count the
    // keys below each p.
    Scratch<Bucket> buckets(range + (ordered ? 1 : 0));
    Bucket *at = buckets.data() + (ordered ? 1 : 0);
    forBlocks(n, keyP, [&](int64_t start, int64_t length, const uint64_t *p) {
      for (int64_t i = 0; i < length; ++i)
        at[p[i]] += Bucket::of(weight(start + i), valueAt(start + i));
    });
    if (!ordered) {
      bool streaming = n >= kStreamingOutputs;
      forBlocks(n, queryP, [&](int64_t start, int64_t length, const uint64_t *p) {
        if (streaming) {
          for (int64_t i = 0; i < length; ++i) {
            Bucket b = at[p[i]];
            out.writeStreaming(start + i, b.count(), b.sum());
          }
        } else {
          for (int64_t i = 0; i < length; ++i) {
            Bucket b = at[p[i]];
            out.write(start + i, b.count(), b.sum());
          }
        }
      });
      if (streaming)
        streamingFence();
      return;
    }
    for (uint64_t p = 1; p <= range; ++p)
      buckets[p] += buckets[p - 1];
    forBlocks(n, queryP, [&](int64_t start, int64_t length, const uint64_t *p) {
      for (int64_t i = 0; i < length; ++i) {
        Interval in = selectedInterval(p[i], orderRange, order, numEqual);
        Bucket b = buckets[in.hi] - buckets[in.lo];
        out.write(start + i, b.count(), b.sum());
      }
    });
  }

  /// Counting over the packed columns (one stored column: a histogram of a
  /// vocabulary, group sizes; two: packed on the fly), no n-element copies.
  void runPackedCounting() {
    auto keyFill = [&](int64_t start, int64_t length, uint64_t *out) {
      packColumns(keys, numColumns, start, length, out);
    };
    auto queryFill = [&](int64_t start, int64_t length, uint64_t *out) {
      packColumns(queries, numColumns, start, length, out);
    };
    runCounting(sourceOf(keyFill), sourceOf(queryFill), packedRange);
  }

  /// An order whose last column is indices on both sides, keys = queries,
  /// and whose other columns pack into at most ~2n values: one pass over the
  /// positions in index order (backward for gt/ge) with a running count per
  /// group answers it in O(n) without sorting. That covers the stable sort's
  /// rank (order lt on (K, indices)) and grouped prefixes (K equal, order on
  /// indices): a query q selects the keys of its group seen before it, plus,
  /// for a lexicographic order, every key of a smaller (larger) group.
  bool tryIndexOrderCounting() {
    int last = numColumns - 1;
    bool hasOrder = order == kLt || order == kLe || order == kGt || order == kGe;
    if (!hasOrder || last < numEqual || keys[last].kind != ColumnKind::Indices ||
        queries[last].kind != ColumnKind::Indices || !sharedQueries())
      return false;
    uint64_t groups = packedRange / ranges[last].size;
    if (groups > 2 * (uint64_t)n + 4096)
      return false;
    // The columns before indices, packed a block at a time.
    auto groupFill = [&](int64_t start, int64_t length, uint64_t *out) {
      packColumns(keys, last, start, length, out);
    };
    PackedSource groupP = sourceOf(groupFill);
    uint64_t bucketBytes = !sums ? sizeof(CountBucket)
                           : sums.bytes == 8 ? sizeof(WideBucket)
                                       : sizeof(PackedBucket);
    if (groups * bucketBytes > countingBytesLimit())
      return runIndexOrderSorting(groups, groupP);
    dispatch([&](auto weight, auto valueAt, auto out) {
      using Bucket = BucketFor<decltype(out)>;
      if (order == kLt || order == kLe)
        indexOrderPass<Bucket, true>(groups, groupP, weight, valueAt, out);
      else
        indexOrderPass<Bucket, false>(groups, groupP, weight, valueAt, out);
    });
    applyQueryMask();
    return true;
  }

  /// The pass of tryIndexOrderCounting, forward for lt/le, backward for
  /// gt/ge. seen[g]: the keys of group g passed so far, starting (for a
  /// lexicographic order) at the keys of every group before g (after g).
  template <typename Bucket, bool Ascending, typename W, typename V, typename O>
  void indexOrderPass(uint64_t groups, const PackedSource &groupP, W weight,
                      V valueAt, O out) {
    bool lexicographic = numEqual == 0; // else the group must be equal
    bool inclusive = order == kLe || order == kGe;
    Scratch<Bucket> seen(groups);
    if (lexicographic) {
      forBlocks(n, groupP, [&](int64_t start, int64_t length, const uint64_t *g) {
        for (int64_t i = 0; i < length; ++i)
          seen[g[i]] += Bucket::of(weight(start + i), valueAt(start + i));
      });
      Bucket before{};
      for (uint64_t step = 0; step < groups; ++step) {
        uint64_t g = Ascending ? step : groups - 1 - step;
        Bucket total = seen[g];
        seen[g] = before;
        before += total;
      }
    }
    // Inclusive orders count the query's own key too.
    uint64_t ownMask = inclusive ? ~(uint64_t)0 : 0;
    // The queries are visited in order: large outputs take streaming stores.
    bool streaming = n >= kStreamingOutputs;
    auto step = [&](int64_t q, uint64_t g) {
      uint64_t w = weight(q), x = valueAt(q);
      Bucket s = seen[g];
      Bucket selected = s;
      selected += Bucket::of(w & ownMask, x);
      if (streaming)
        out.writeStreaming(q, selected.count(), selected.sum());
      else
        out.write(q, selected.count(), selected.sum());
      s += Bucket::of(w, x);
      seen[g] = s;
    };
    if constexpr (Ascending) {
      forBlocks(n, groupP, [&](int64_t start, int64_t length, const uint64_t *g) {
        for (int64_t i = 0; i < length; ++i)
          step(start + i, g[i]);
      });
    } else {
      forBlocksBackward(n, groupP, [&](int64_t start, int64_t length, const uint64_t *g) {
        for (int64_t i = length; i-- > 0;)
          step(start + i, g[i]);
      });
    }
    if (streaming)
      streamingFence();
  }

  /// Past this many bytes of buckets the running counts of the index-order
  /// pass no longer fit the caches, and every position pays a miss to
  /// memory; sorting is then faster. Below it the counting pass wins even
  /// out of L2: sorted_ints (10^6 distinct ints, 4 MB of 32-bit counts) at
  /// 10^7 tokens runs about 40% faster than by sorting. The
  /// environment variable RASP_KEYED_REDUCE_COUNTING_BYTES overrides the
  /// limit (tests use it to reach the sorting variant on small inputs).
  static uint64_t countingBytesLimit() {
    static const uint64_t limit = [] {
      if (const char *value = std::getenv("RASP_KEYED_REDUCE_COUNTING_BYTES"))
        return (uint64_t)std::strtoull(value, nullptr, 10);
      return (uint64_t)8 << 20;
    }();
    return limit;
  }

  /// The index-order pass for many groups: a stable LSD radix sort of the
  /// positions by group (32-bit group numbers, only the bytes that vary)
  /// orders them by (group, index), so each query's selection is a prefix
  /// (lt, le) or suffix (gt, ge) of that order, within its group when the
  /// group must be equal: one running count over the sorted positions.
  bool runIndexOrderSorting(uint64_t groups, const PackedSource &groupP) {
    if (groups > UINT32_MAX || (uint64_t)n > UINT32_MAX)
      return false;
    Scratch<uint32_t> group(n), position(n);
    forBlocks(n, groupP, [&](int64_t start, int64_t length, const uint64_t *g) {
      for (int64_t i = 0; i < length; ++i) {
        group[start + i] = (uint32_t)g[i];
        position[start + i] = (uint32_t)(start + i);
      }
    });
    radixSort(group, position); // now position[i] is the i-th by (group, index)
    dispatch([&](auto weight, auto valueAt, auto out) {
      using Bucket = BucketFor<decltype(out)>;
      if (order == kLt || order == kLe)
        sortedIndexOrderPass<Bucket, true>(group, position, weight, valueAt, out);
      else
        sortedIndexOrderPass<Bucket, false>(group, position, weight, valueAt, out);
    });
    applyQueryMask();
    return true;
  }

  template <typename Bucket, bool Ascending, typename W, typename V, typename O>
  void sortedIndexOrderPass(const Scratch<uint32_t> &group,
                            const Scratch<uint32_t> &position, W weight,
                            V valueAt, O out) {
    bool lexicographic = numEqual == 0; // else the group must be equal
    uint64_t ownMask = order == kLe || order == kGe ? ~(uint64_t)0 : 0;
    Bucket running{};
    for (int64_t step = 0; step < n; ++step) {
      int64_t i = Ascending ? step : n - 1 - step;
      if (!lexicographic && step > 0 && group[i] != group[Ascending ? i - 1 : i + 1])
        running = Bucket{}; // a new group
      int64_t q = position[i];
      uint64_t w = weight(q), x = valueAt(q);
      Bucket selected = running;
      selected += Bucket::of(w & ownMask, x);
      out.write(q, selected.count(), selected.sum());
      running += Bucket::of(w, x);
    }
  }

  /// Keys and queries sorted by P. Selected counts and sums are prefix sums
  /// over the sorted keys (gathered once, so the sweep reads sequentially);
  /// two cursors find each query's interval in one pass.
  void runSorting(Scratch<uint64_t> &keyP, Scratch<uint64_t> &queryP,
                  bool shared) {
    Scratch<uint32_t> keyOrder(n);
    for (int64_t i = 0; i < n; ++i)
      keyOrder[i] = (uint32_t)i;
    radixSort(keyP, keyOrder);
    Scratch<uint32_t> queryOrder;
    if (!shared) {
      queryOrder.resize(n);
      for (int64_t i = 0; i < n; ++i)
        queryOrder[i] = (uint32_t)i;
      radixSort(queryP, queryOrder);
    }
    const Scratch<uint64_t> &sortedQueries = shared ? keyP : queryP;
    dispatch([&](auto weight, auto valueAt, auto out) {
      using Bucket = BucketFor<decltype(out)>;
      // below[i]: the keys before sorted position i.
      Scratch<Bucket> below(n + 1);
      Bucket total{};
      for (int64_t i = 0; i < n; ++i) {
        int64_t k = keyOrder[i];
        below[i] = total;
        total += Bucket::of(weight(k), valueAt(k));
      }
      below[n] = total;
      const Scratch<uint32_t> &order_ = shared ? keyOrder : queryOrder;
      int64_t lo = 0, hi = 0;
      for (int64_t i = 0; i < n; ++i) {
        Interval in = selectedInterval(sortedQueries[i], orderRange, order, numEqual);
        while (lo < n && keyP[lo] < in.lo)
          ++lo;
        while (hi < n && keyP[hi] < in.hi)
          ++hi;
        if (hi < lo)
          hi = lo; // an empty interval
        Bucket b = below[hi] - below[lo];
        out.write(order_[i], b.count(), b.sum());
      }
    });
    applyQueryMask();
  }

  /// One equality column with indices on one side: a scatter to positions
  /// (`select(target, indices, ==)`: query q selects the keys whose target
  /// is q) or a gather (`select(indices, position, ==)`: query q selects
  /// key position[q] alone). One pass, no ranges, no scratch; out-of-range
  /// positions select nothing.
  template <typename Target, typename W, typename V, typename O>
  void scatterPass(Target target, W weight, V valueAt, O out) {
    counts.clear(n);
    if (sums)
      sums.clear(n);
    // The targets of a sort are a permutation: each add misses the caches,
    // so the lines a few keys ahead are fetched early.
    constexpr int64_t kAhead = 16;
    uint64_t limit = (uint64_t)n;
    auto prefetch = [&](int64_t k) {
      uint64_t q = target(k);
      q = q < limit ? q : 0;
      __builtin_prefetch(out.counts + q, 1);
      if constexpr (O::kHasSums)
        __builtin_prefetch(out.sums + q, 1);
    };
    int64_t k = 0;
    for (; k < n; ++k) {
      if (k + kAhead < n)
        prefetch(k + kAhead);
      uint64_t q = target(k);
      if (q >= limit)
        continue; // also negative targets
      uint64_t w = weight(k);
      out.add((int64_t)q, w, w * valueAt(k));
    }
  }

  template <typename Target, typename W, typename V, typename O>
  void gatherPass(Target position, W weight, V valueAt, O out) {
    for (int64_t q = 0; q < n; ++q) {
      uint64_t k = position(q);
      bool hit = k < (uint64_t)n;
      int64_t kk = hit ? (int64_t)k : 0;
      uint64_t w = hit ? weight(kk) : 0;
      out.write(q, w, w * valueAt(kk));
    }
  }

  bool tryScatterOrGather() {
    if (numColumns != 1 || numEqual != 1)
      return false;
    bool scatter = queries[0].kind == ColumnKind::Indices;
    const Column &stored = scatter ? keys[0] : queries[0];
    if (!scatter && keys[0].kind != ColumnKind::Indices)
      return false;
    if (stored.kind != ColumnKind::I64 && stored.kind != ColumnKind::I32)
      return false; // bools and indices: the general paths
    auto withTarget = [&](auto at) {
      dispatch([&](auto weight, auto valueAt, auto out) {
        scatter ? scatterPass(at, weight, valueAt, out)
                : gatherPass(at, weight, valueAt, out);
      });
    };
    if (stored.kind == ColumnKind::I64)
      withTarget(Stored<int64_t>(stored));
    else
      withTarget(Stored<int32_t>(stored));
    applyQueryMask();
    return true;
  }

  /// Two equality columns (no order) whose product of ranges is too large
  /// for buckets, but whose first column has few values: number the pairs
  /// group by group instead, each group of the first column taking only the
  /// range of second-column values that occur in it (among keys and
  /// queries). Equal pairs get equal numbers, and the numbers fit buckets
  /// whenever the groups' ranges add up to ~2n. That covers dyck's partner,
  /// (level, n-th at that level): pairs unique per position.
  bool tryGroupedEqualityCounting() {
    uint64_t limit = 2 * (uint64_t)n + 4096;
    if (numColumns != 2 || numEqual != 2 || ranges[0].size > limit ||
        ranges[0].size == 0)
      return false;
    uint64_t groups = ranges[0].size, min0 = (uint64_t)ranges[0].min;
    Scratch<int64_t> low(groups, INT64_MAX), high(groups, INT64_MIN);
    bool shared = sharedQueries();
    // Queries (g, v + d) against keys (g, v) (dyck's (level, nth - 1)):
    // each group's query values are its key values moved by d, when no
    // value wraps (checked at the ends of the range of both, as in
    // shiftedMinMax); then one pass over the keys finds both.
    int64_t shift = 0;
    bool shifted = false;
    if (!shared && keys[0].sameAs(queries[0]) && sameBuffer(keys[1], queries[1]) &&
        ranges[1].size != 0) {
      int64_t lo = ranges[1].min, hi = (int64_t)((uint64_t)lo + ranges[1].size - 1), t;
      shifted = !__builtin_sub_overflow(lo, keys[1].offset, &t) &&
                !__builtin_sub_overflow(hi, keys[1].offset, &t) &&
                !__builtin_sub_overflow(lo, queries[1].offset, &t) &&
                !__builtin_sub_overflow(hi, queries[1].offset, &t) &&
                !__builtin_sub_overflow(queries[1].offset, keys[1].offset, &shift);
    }
    for (const Column *side : {keys, queries}) {
      visitColumn(side[0], [&](auto first) {
        visitColumn(side[1], [&](auto second) {
          for (int64_t i = 0; i < n; ++i) {
            uint64_t g = first(i) - min0;
            int64_t v = (int64_t)second(i);
            low[g] = std::min(low[g], v);
            high[g] = std::max(high[g], v);
          }
        });
      });
      if (shared)
        break;
      if (shifted) {
        for (uint64_t g = 0; g < groups; ++g)
          if (low[g] <= high[g]) {
            low[g] += std::min<int64_t>(shift, 0);
            high[g] += std::max<int64_t>(shift, 0);
          }
        break;
      }
    }
    // base[g] + v: the number of (g, v), where group g's numbers start
    // after those of the groups before it; groups that never occur take
    // none.
    Scratch<uint64_t> base(groups);
    uint64_t total = 0;
    for (uint64_t g = 0; g < groups; ++g) {
      base[g] = total - (uint64_t)low[g];
      if (low[g] <= high[g]) {
        total += (uint64_t)high[g] - (uint64_t)low[g] + 1;
        if (total > limit)
          return false;
      }
    }
    auto numbers = [&](const Column *side) {
      return [&, side](int64_t start, int64_t length, uint64_t *out) {
        visitColumn(side[0], [&](auto first) {
          visitColumn(side[1], [&](auto second) {
            for (int64_t i = 0; i < length; ++i)
              out[i] = base[first(start + i) - min0] + second(start + i);
          });
        });
      };
    };
    auto keyNumbers = numbers(keys), queryNumbers = numbers(queries);
    runCounting(sourceOf(keyNumbers), sourceOf(queryNumbers), total);
    return true;
  }

  /// One equality column of byte keys and queries (the tokens of a small
  /// vocabulary): 256 buckets, no range pass, no packing. Counts alone use
  /// four interleaved tables so that consecutive equal keys do not wait on
  /// each other's increment.
  bool tryByteKeys() {
    if (keys[0].kind != ColumnKind::U8 || queries[0].kind != ColumnKind::U8 ||
        keys[0].offset != 0 || queries[0].offset != 0)
      return false;
    if (numColumns == 2)
      return tryByteGroupsInIndexOrder();
    if (numColumns != 1 || order != kNoOrder)
      return false;
    const uint8_t *key = reinterpret_cast<const uint8_t *>(keys[0].base);
    const uint8_t *query = reinterpret_cast<const uint8_t *>(queries[0].base);
    dispatch([&](auto weight, auto valueAt, auto out) {
      using Bucket = BucketFor<decltype(out)>;
      Bucket buckets[256] = {};
      if constexpr (std::is_same_v<decltype(weight), Ones> &&
                    std::is_same_v<decltype(valueAt), NoValues>) {
        uint32_t counts[256];
        countBytes(key, n, counts);
        for (int b = 0; b < 256; ++b)
          buckets[b] = Bucket::of(counts[b], 0);
      } else {
        for (int64_t i = 0; i < n; ++i)
          buckets[key[i]] += Bucket::of(weight(i), valueAt(i));
      }
      if (n >= kStreamingOutputs) {
        for (int64_t i = 0; i < n; ++i) {
          Bucket b = buckets[query[i]];
          out.writeStreaming(i, b.count(), b.sum());
        }
        streamingFence();
      } else {
        for (int64_t i = 0; i < n; ++i) {
          Bucket b = buckets[query[i]];
          out.write(i, b.count(), b.sum());
        }
      }
    });
    applyQueryMask();
    return true;
  }

  /// Equal byte keys, then an order on the positions (`seen_before`, a
  /// grouped prefix count): the index-order pass with the bytes as group
  /// numbers (256 groups), skipping the range pass and the packing.
  bool tryByteGroupsInIndexOrder() {
    bool hasOrder = order == kLt || order == kLe || order == kGt || order == kGe;
    if (!hasOrder || numEqual != 1 || keys[1].kind != ColumnKind::Indices ||
        queries[1].kind != ColumnKind::Indices || !keys[0].sameAs(queries[0]))
      return false;
    const uint8_t *group = reinterpret_cast<const uint8_t *>(keys[0].base);
    auto groupFill = [&](int64_t start, int64_t length, uint64_t *out) {
      for (int64_t i = 0; i < length; ++i)
        out[i] = group[start + i];
    };
    PackedSource groupP = sourceOf(groupFill);
    dispatch([&](auto weight, auto valueAt, auto out) {
      using Bucket = BucketFor<decltype(out)>;
      if (order == kLt || order == kLe)
        indexOrderPass<Bucket, true>(256, groupP, weight, valueAt, out);
      else
        indexOrderPass<Bucket, false>(256, groupP, weight, valueAt, out);
    });
    applyQueryMask();
    return true;
  }

  void run() {
    if (n == 0)
      return;
    normalize();
    if (tryScatterOrGather() || tryByteKeys())
      return;
    computeRanges();
    // Buckets cost 4-16 bytes per packed value: worth it up to ~2n values.
    bool counting = packedRange <= 2 * (uint64_t)n + 4096;
    if (counting && numColumns == 1 && keys[0].stored() && queries[0].stored()) {
      runPackedCounting();
      return;
    }
    if (tryIndexOrderCounting())
      return;
    if (!counting && tryGroupedEqualityCounting())
      return;
    if (counting) {
      runPackedCounting();
      return;
    }
    bool shared = sharedQueries();
    Scratch<uint64_t> keyP, queryP;
    pack(keys, keyP);
    if (!shared)
      pack(queries, queryP);
    runSorting(keyP, queryP, shared);
  }
};

} // namespace

extern "C" void _mlir_ciface_rasp_keyed_reduce(
    MemRef1D *keys0, MemRef1D *keys1, MemRef1D *queries0, MemRef1D *queries1,
    MemRef1D *keyMask, MemRef1D *queryMask, MemRef1D *values, MemRef1D *counts,
    MemRef1D *sums, int64_t numEqual, int64_t numOrder, int64_t order,
    int64_t kinds, int64_t keyOffset0, int64_t keyOffset1, int64_t queryOffset0,
    int64_t queryOffset1) {
  KeyedReduce kernel;
  kernel.n = counts->size;
  kernel.numColumns = (int)(numEqual + numOrder);
  kernel.order = numOrder ? order : kNoOrder;
  MemRef1D *keyArgs[] = {keys0, keys1}, *queryArgs[] = {queries0, queries1};
  int64_t keyOffsets[] = {keyOffset0, keyOffset1},
          queryOffsets[] = {queryOffset0, queryOffset1};
  for (int c = 0; c < kernel.numColumns && c < kMaxKeyedColumns; ++c) {
    kernel.keys[c] = makeColumn(decodeColumnKind(kinds, kKeys0Slot + c), keyArgs[c]);
    kernel.keys[c].offset = keyOffsets[c];
    kernel.queries[c] =
        makeColumn(decodeColumnKind(kinds, kQueries0Slot + c), queryArgs[c]);
    kernel.queries[c].offset = queryOffsets[c];
  }
  kernel.keyMask = makeColumn(decodeColumnKind(kinds, kKeyMaskSlot), keyMask);
  kernel.queryMask = makeColumn(decodeColumnKind(kinds, kQueryMaskSlot), queryMask);
  kernel.values = makeColumn(decodeColumnKind(kinds, kValuesSlot), values);
  auto output = [&](MemRef1D *memref, int slot) {
    OutputColumn column;
    ColumnKind kind = decodeColumnKind(kinds, slot);
    column.bytes = kind == ColumnKind::I32 ? 4 : kind == ColumnKind::I8 ? 1 : 8;
    column.base = static_cast<char *>(memref->aligned) + memref->offset * column.bytes;
    return column;
  };
  kernel.counts = output(counts, kCountsSlot);
  if (kernel.values.kind != ColumnKind::Absent)
    kernel.sums = output(sums, kSumsSlot);
  kernel.numEqual = (int)numEqual;
  kernel.run();
}

void *rasp::getKeyedReduceKernelAddress() {
  return reinterpret_cast<void *>(&_mlir_ciface_rasp_keyed_reduce);
}
