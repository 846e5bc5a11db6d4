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
//===----------------------------------------------------------------------===//

#include "rasp/Runtime/KeyedReduce.h"
#include "rasp/Runtime/BufferCache.h"

#include <algorithm>
#include <climits>
#include <array>
#include <cstring>
#include <memory>
#include <type_traits>
#include <vector>

using namespace rasp;

namespace {

/// O(n) scratch vectors come from the buffer cache (BufferCache.h).
template <typename T>
using Scratch = std::vector<T, CachedAllocator<T>>;

/// The C interface's view of a memref<?xT> descriptor (same layout for any T).
struct MemRef1D {
  void *allocated;
  void *aligned;
  int64_t offset;
  int64_t size;
  int64_t stride;
};

// rasp::Predicate values (RASPOps.td).
constexpr int64_t kLt = 2, kGt = 3, kLe = 4, kGe = 5;

/// A read-only column of n values, whatever its storage.
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
    case ColumnKind::Indices:
      return i;
    case ColumnKind::Absent:
      break;
    }
    return 0;
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

struct Range {
  int64_t min = 0;
  uint64_t size = 1; // max - min + 1
};

Range rangeOf(const Column &keys, const Column &queries, int64_t n) {
  int64_t lo = keys[0], hi = keys[0];
  for (const Column *column : {&keys, &queries}) {
    if (column != &keys && column->sameAs(keys))
      break;
    for (int64_t i = 0; i < n; ++i) {
      int64_t v = (*column)[i];
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
  }
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
/// the same 32 bits).
struct OutputColumn {
  void *base = nullptr;
  bool wide = true;

  explicit operator bool() const { return base != nullptr; }
  void set(int64_t i, uint64_t v) const {
    if (wide)
      static_cast<int64_t *>(base)[i] = (int64_t)v;
    else
      static_cast<int32_t *>(base)[i] = (int32_t)(uint32_t)v;
  }
  void add(int64_t i, uint64_t v) const {
    if (wide)
      static_cast<int64_t *>(base)[i] += (int64_t)v;
    else
      static_cast<int32_t *>(base)[i] += (int32_t)(uint32_t)v;
  }
  void clear(int64_t n) const {
    std::memset(base, 0, (size_t)n * (wide ? 8 : 4));
  }
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
  uint64_t orderRange = 1; // product of the order columns' ranges
  uint64_t packedRange = 1;
  Range ranges[kMaxKeyedColumns];

  bool sharedQueries() const {
    for (int c = 0; c < numColumns; ++c)
      if (!keys[c].sameAs(queries[c]))
        return false;
    return true;
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

  /// Element i of a stored column whose type is known at compile time (the
  /// switch of Column::operator[] hoisted out of the loops).
  template <typename T>
  static uint64_t storedValue(const Column &column, int64_t i) {
    uint64_t v = (uint64_t)(int64_t)reinterpret_cast<const T *>(column.base)[i * column.stride];
    if constexpr (std::is_same_v<T, int8_t>)
      v &= 1;
    return v + (uint64_t)column.offset;
  }

  template <typename T>
  static void packColumn(const Column &column, int64_t n, uint64_t min,
                         uint64_t size, uint64_t *out) {
    for (int64_t i = 0; i < n; ++i)
      out[i] = out[i] * size + (storedValue<T>(column, i) - min);
  }

  template <typename ColumnsT>
  void pack(const ColumnsT &columns, Scratch<uint64_t> &out) const {
    out.assign(n, 0);
    for (int c = 0; c < numColumns; ++c) {
      const Column &column = columns[c];
      uint64_t min = (uint64_t)ranges[c].min, size = ranges[c].size;
      switch (column.kind) {
      case ColumnKind::I64:
        packColumn<int64_t>(column, n, min, size, out.data());
        break;
      case ColumnKind::I32:
        packColumn<int32_t>(column, n, min, size, out.data());
        break;
      case ColumnKind::I8:
        packColumn<int8_t>(column, n, min, size, out.data());
        break;
      default:
        for (int64_t i = 0; i < n; ++i)
          out[i] = out[i] * size + ((uint64_t)column[i] - min);
      }
    }
  }

  uint64_t weight(int64_t k) const {
    return keyMask.kind == ColumnKind::Absent ? 1 : (uint64_t)keyMask[k];
  }

  void write(int64_t q, uint64_t count, uint64_t sum) const {
    if (queryMask.kind != ColumnKind::Absent && !queryMask[q])
      count = sum = 0;
    counts.set(q, count);
    if (sums)
      sums.set(q, sum);
  }

  /// Counting: bucket arrays indexed by P (at most ~2n of them); prefix sums
  /// answer each query's interval. `keyAt(k)` and `queryAt(q)` give packed
  /// values: read from packed copies, or straight from one stored column.
  template <typename KeyAt, typename QueryAt>
  void runCounting(KeyAt keyAt, QueryAt queryAt) {
    // Counts never exceed n: 32-bit buckets halve the array (and its page
    // faults) for up to 2^32 - 1 positions.
    // Sums written as 32 bits (string ids) are exact modulo 2^32, and so
    // are differences of 32-bit prefix sums.
    bool narrowSums = sums && !sums.wide;
    if ((uint64_t)n <= UINT32_MAX)
      narrowSums ? runCountingWith<uint32_t, uint32_t>(keyAt, queryAt)
                 : runCountingWith<uint32_t, uint64_t>(keyAt, queryAt);
    else
      runCountingWith<uint64_t, uint64_t>(keyAt, queryAt);
  }

  template <typename Count, typename Sum, typename KeyAt, typename QueryAt>
  void runCountingWith(KeyAt keyAt, QueryAt queryAt) {
    Scratch<Count> countBelow(packedRange + 1, 0);
    Scratch<Sum> sumBelow(sums ? packedRange + 1 : 0, 0);
    bool masked = keyMask.kind != ColumnKind::Absent;
    if (!masked && !sums) {
      for (int64_t k = 0; k < n; ++k)
        ++countBelow[keyAt(k) + 1];
    } else {
      for (int64_t k = 0; k < n; ++k) {
        uint64_t w = masked ? weight(k) : 1, p = keyAt(k) + 1;
        countBelow[p] += (Count)w;
        if (sums)
          sumBelow[p] += (Sum)(w * (uint64_t)values[k]);
      }
    }
    for (uint64_t p = 1; p <= packedRange; ++p) {
      countBelow[p] += countBelow[p - 1];
      if (sums)
        sumBelow[p] += sumBelow[p - 1];
    }
    for (int64_t q = 0; q < n; ++q) {
      Interval in = selectedInterval(queryAt(q), orderRange, order, numEqual);
      write(q, (uint64_t)(countBelow[in.hi] - countBelow[in.lo]),
            sums ? (uint64_t)(Sum)(sumBelow[in.hi] - sumBelow[in.lo]) : 0);
    }
  }

  /// Counting on one stored column, read in place (no packed copy): the
  /// histogram of a vocabulary, a scatter to positions, group sizes.
  template <typename K, typename Q>
  void runCountingColumn() {
    uint64_t min = (uint64_t)ranges[0].min;
    runCounting([&](int64_t k) { return storedValue<K>(keys[0], k) - min; },
                [&](int64_t q) { return storedValue<Q>(queries[0], q) - min; });
  }

  /// Dispatches runCountingColumn on the stored types; false when a column
  /// is not stored (indices) or there is not exactly one column.
  bool tryCountingColumn() {
    if (numColumns != 1)
      return false;
    auto withQuery = [&](auto keyTag) {
      using K = decltype(keyTag);
      switch (queries[0].kind) {
      case ColumnKind::I64: runCountingColumn<K, int64_t>(); return true;
      case ColumnKind::I32: runCountingColumn<K, int32_t>(); return true;
      case ColumnKind::I8: runCountingColumn<K, int8_t>(); return true;
      default: return false;
      }
    };
    switch (keys[0].kind) {
    case ColumnKind::I64: return withQuery(int64_t{});
    case ColumnKind::I32: return withQuery(int32_t{});
    case ColumnKind::I8: return withQuery(int8_t{});
    default: return false;
    }
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
    // One column before indices is read in place; more are packed first.
    if (last == 1) {
      uint64_t min = (uint64_t)ranges[0].min;
      switch (keys[0].kind) {
      case ColumnKind::I64:
        return runIndexOrderCounting(groups, [&](int64_t k) {
          return storedValue<int64_t>(keys[0], k) - min;
        });
      case ColumnKind::I32:
        return runIndexOrderCounting(groups, [&](int64_t k) {
          return storedValue<int32_t>(keys[0], k) - min;
        });
      case ColumnKind::I8:
        return runIndexOrderCounting(groups, [&](int64_t k) {
          return storedValue<int8_t>(keys[0], k) - min;
        });
      default:
        break;
      }
    }
    Scratch<uint64_t> packed;
    int savedColumns = numColumns;
    numColumns = last; // pack the columns before indices
    pack(keys, packed);
    numColumns = savedColumns;
    return runIndexOrderCounting(groups, [&](int64_t k) { return packed[k]; });
  }

  /// The pass of tryIndexOrderCounting; `group(k)` is position k's group in
  /// [0, groups).
  template <typename GroupAt>
  bool runIndexOrderCounting(uint64_t groups, GroupAt groupAt) {
    if (groups > kCacheFriendlyGroups)
      return runIndexOrderSorting(groups, groupAt);
    bool lexicographic = numEqual == 0; // else the group must be equal
    bool ascending = order == kLt || order == kLe;
    bool inclusive = order == kLe || order == kGe;
    bool masked = keyMask.kind != ColumnKind::Absent;
    auto valueAt = [&](int64_t k) { return sums ? (uint64_t)values[k] : 0; };
    // Keys in groups before g (after g for descending orders).
    Scratch<uint64_t> outsideCount, outsideSum;
    if (lexicographic) {
      outsideCount.assign(groups + 1, 0);
      outsideSum.assign(sums ? groups + 1 : 0, 0);
      for (int64_t k = 0; k < n; ++k) {
        uint64_t w = masked ? weight(k) : 1;
        uint64_t slot = ascending ? groupAt(k) + 1 : groupAt(k);
        outsideCount[slot] += w;
        if (sums)
          outsideSum[slot] += w * valueAt(k);
      }
      if (ascending) {
        for (uint64_t g = 1; g <= groups; ++g) {
          outsideCount[g] += outsideCount[g - 1];
          if (sums)
            outsideSum[g] += outsideSum[g - 1];
        }
      } else {
        for (uint64_t g = groups; g-- > 0;) {
          outsideCount[g] += outsideCount[g + 1];
          if (sums)
            outsideSum[g] += outsideSum[g + 1];
        }
      }
    }
    Scratch<uint64_t> seenCount(groups, 0), seenSum(sums ? groups : 0, 0);
    for (int64_t step = 0; step < n; ++step) {
      int64_t q = ascending ? step : n - 1 - step;
      uint64_t g = groupAt(q);
      uint64_t w = masked ? weight(q) : 1, wv = sums ? w * valueAt(q) : 0;
      uint64_t count = seenCount[g], sum = sums ? seenSum[g] : 0;
      if (lexicographic) {
        uint64_t slot = ascending ? g : g + 1;
        count += outsideCount[slot];
        if (sums)
          sum += outsideSum[slot];
      }
      if (inclusive) {
        count += w;
        sum += wv;
      }
      write(q, count, sum);
      seenCount[g] += w;
      if (sums)
        seenSum[g] += wv;
    }
    return true;
  }

  /// Past this many groups the running counts of runIndexOrderCounting no
  /// longer fit the caches, and every position pays a cache miss (10^6
  /// distinct ints: ~1 s at 10^7 tokens); sorting is then faster.
  static constexpr uint64_t kCacheFriendlyGroups = uint64_t(1) << 16;

  /// runIndexOrderCounting for many groups: a stable LSD radix sort of the
  /// positions by group (32-bit group numbers, only the bytes that vary)
  /// orders them by (group, index), so each query's selection is a prefix
  /// (lt, le) or suffix (gt, ge) of that order, within its group when the
  /// group must be equal: one running count over the sorted positions.
  template <typename GroupAt>
  bool runIndexOrderSorting(uint64_t groups, GroupAt groupAt) {
    if (groups > UINT32_MAX || (uint64_t)n > UINT32_MAX)
      return false;
    Scratch<uint32_t> group(n), position(n);
    for (int64_t i = 0; i < n; ++i) {
      group[i] = (uint32_t)groupAt(i);
      position[i] = (uint32_t)i;
    }
    radixSort(group, position); // now position[i] is the i-th by (group, index)
    bool lexicographic = numEqual == 0; // else the group must be equal
    bool ascending = order == kLt || order == kLe;
    bool inclusive = order == kLe || order == kGe;
    bool masked = keyMask.kind != ColumnKind::Absent;
    uint64_t count = 0, sum = 0;
    for (int64_t step = 0; step < n; ++step) {
      int64_t i = ascending ? step : n - 1 - step;
      if (!lexicographic && step > 0 &&
          group[i] != group[ascending ? i - 1 : i + 1])
        count = sum = 0; // a new group
      int64_t q = position[i];
      uint64_t w = masked ? weight(q) : 1, wv = sums ? w * (uint64_t)values[q] : 0;
      if (inclusive) {
        count += w;
        sum += wv;
      }
      write(q, count, sum);
      if (!inclusive) {
        count += w;
        sum += wv;
      }
    }
    return true;
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
    bool masked = keyMask.kind != ColumnKind::Absent;
    // Without a mask the count below position i is i itself.
    Scratch<uint32_t> countBelow(masked ? n + 1 : 0);
    Scratch<uint64_t> sumBelow(sums ? n + 1 : 0);
    if (masked || sums) {
      uint32_t count = 0;
      uint64_t sum = 0;
      for (int64_t i = 0; i < n; ++i) {
        int64_t k = keyOrder[i];
        uint64_t w = weight(k);
        if (masked)
          countBelow[i] = count;
        if (sums)
          sumBelow[i] = sum;
        count += (uint32_t)w;
        if (sums)
          sum += w * (uint64_t)values[k];
      }
      if (masked)
        countBelow[n] = count;
      if (sums)
        sumBelow[n] = sum;
    }
    Scratch<uint32_t> queryOrder;
    if (shared) {
      queryOrder.swap(keyOrder); // same rows, same order
    } else {
      keyOrder = Scratch<uint32_t>();
      queryOrder.resize(n);
      for (int64_t i = 0; i < n; ++i)
        queryOrder[i] = (uint32_t)i;
      radixSort(queryP, queryOrder);
    }
    const Scratch<uint64_t> &sortedQueries = shared ? keyP : queryP;
    int64_t lo = 0, hi = 0;
    for (int64_t i = 0; i < n; ++i) {
      Interval in = selectedInterval(sortedQueries[i], orderRange, order, numEqual);
      while (lo < n && keyP[lo] < in.lo)
        ++lo;
      while (hi < n && keyP[hi] < in.hi)
        ++hi;
      if (hi < lo)
        hi = lo; // an empty interval
      uint64_t count = masked ? countBelow[hi] - countBelow[lo] : (uint64_t)(hi - lo);
      write(queryOrder[i], count, sums ? sumBelow[hi] - sumBelow[lo] : 0);
    }
  }

  /// One equality column with indices on one side: a scatter to positions
  /// (`select(target, indices, ==)`: query q selects the keys whose target
  /// is q) or a gather (`select(indices, position, ==)`: query q selects
  /// key position[q] alone). One pass, no ranges, no scratch; out-of-range
  /// positions select nothing.
  template <typename T>
  void runScatter() {
    counts.clear(n);
    if (sums)
      sums.clear(n);
    for (int64_t k = 0; k < n; ++k) {
      uint64_t q = storedValue<T>(keys[0], k);
      if (q >= (uint64_t)n)
        continue; // also negative targets
      uint64_t w = weight(k);
      counts.add(q, w);
      if (sums)
        sums.add(q, w * (uint64_t)values[k]);
    }
    if (queryMask.kind != ColumnKind::Absent)
      for (int64_t q = 0; q < n; ++q)
        if (!queryMask[q])
          write(q, 0, 0);
  }

  template <typename T>
  void runGather() {
    for (int64_t q = 0; q < n; ++q) {
      uint64_t k = storedValue<T>(queries[0], q);
      bool hit = k < (uint64_t)n;
      uint64_t w = hit ? weight(k) : 0;
      write(q, w, hit && sums ? w * (uint64_t)values[k] : 0);
    }
  }

  bool tryScatterOrGather() {
    if (numColumns != 1 || numEqual != 1)
      return false;
    bool scatter = queries[0].kind == ColumnKind::Indices;
    const Column &stored = scatter ? keys[0] : queries[0];
    if (!scatter && keys[0].kind != ColumnKind::Indices)
      return false;
    switch (stored.kind) {
    case ColumnKind::I64:
      scatter ? runScatter<int64_t>() : runGather<int64_t>();
      return true;
    case ColumnKind::I32:
      scatter ? runScatter<int32_t>() : runGather<int32_t>();
      return true;
    default:
      return false; // bools and indices: the general paths
    }
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
    for (const Column *side : {keys, queries}) {
      for (int64_t i = 0; i < n; ++i) {
        uint64_t g = (uint64_t)side[0][i] - min0;
        int64_t v = side[1][i];
        low[g] = std::min(low[g], v);
        high[g] = std::max(high[g], v);
      }
      if (shared)
        break;
    }
    // offset[g]: the first number of group g; groups that never occur take
    // none.
    Scratch<uint64_t> offset(groups);
    uint64_t total = 0;
    for (uint64_t g = 0; g < groups; ++g) {
      offset[g] = total;
      if (low[g] <= high[g]) {
        total += (uint64_t)high[g] - (uint64_t)low[g] + 1;
        if (total > limit)
          return false;
      }
    }
    auto numberOf = [&](const Column *side, int64_t i) {
      uint64_t g = (uint64_t)side[0][i] - min0;
      return offset[g] + ((uint64_t)side[1][i] - (uint64_t)low[g]);
    };
    uint64_t savedRange = packedRange;
    packedRange = total;
    runCounting([&](int64_t k) { return numberOf(keys, k); },
                [&](int64_t q) { return numberOf(queries, q); });
    packedRange = savedRange;
    return true;
  }

  void run() {
    if (n == 0)
      return;
    if (tryScatterOrGather())
      return;
    computeRanges();
    // Buckets cost 8-16 bytes per packed value: worth it up to ~2n values.
    bool counting = packedRange <= 2 * (uint64_t)n + 4096;
    if (counting && tryCountingColumn())
      return;
    if (tryIndexOrderCounting())
      return;
    if (!counting && tryGroupedEqualityCounting())
      return;
    if (counting) {
      // Packed on the fly: no n-element copies of the packed rows.
      auto packedAt = [&](const Column *side, int64_t i) {
        uint64_t p = 0;
        for (int c = 0; c < numColumns; ++c)
          p = p * ranges[c].size + ((uint64_t)side[c][i] - (uint64_t)ranges[c].min);
        return p;
      };
      runCounting([&](int64_t k) { return packedAt(keys, k); },
                  [&](int64_t q) { return packedAt(queries, q); });
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
    column.wide = decodeColumnKind(kinds, slot) != ColumnKind::I32;
    column.base = static_cast<char *>(memref->aligned) +
                  memref->offset * (column.wide ? 8 : 4);
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
