//===- GroupNeighbor.cpp - One-pass kernel of rasp.group_neighbor ---------===//
//
// Query q selects the nearest position p before it (`previous`) or after it
// (`next`) with groups[p] == groups[q], when key_mask[p] and query_mask[q]
// hold; it writes count 1 and the sum values[p] then, else 0 and 0 (the
// aggregate's finalization runs on those, as after rasp.keyed_reduce).
//
// One pass over the positions, in index order for `previous` and backwards
// for `next`, keeps the last position seen of every group: q reads its
// group's entry (its neighbor, or none) and replaces it by itself. Groups
// are numbered G - min(G) when that range is at most 2n + 4096 (the dyck
// programs' levels: at most 2n + 1 values, in practice O(sqrt(n))), so the
// table holds 32-bit positions (n < 2^31). Wider ranges are first numbered
// densely by sorting (value, position) pairs: O(n log n), for any input.
//
// Group numbers are produced a block at a time into a small buffer by a
// loop instantiated per group storage; the pass is instantiated per key and
// query mask (none or bytes), values (none, i64, i32, bools) and output
// widths, so no loop switches on a column's kind per element.
//
//===----------------------------------------------------------------------===//

#include "rasp/Runtime/GroupNeighbor.h"
#include "rasp/Runtime/BufferCache.h"
#include "rasp/Runtime/KeyedReduce.h"
#include "KernelSupport.h"

#include <algorithm>
#include <cstdlib>
#include <type_traits>
#include <utility>
#include <vector>

using namespace rasp;
using namespace rasp::kernel;

namespace {

/// A stored column's element i as a uint64: ints sign-extended, bools 0/1.
template <typename T>
struct Stored {
  const T *data;
  uint64_t operator()(int64_t i) const {
    if constexpr (std::is_same_v<T, int8_t>)
      return (uint64_t)(data[i] & 1);
    else
      return (uint64_t)(int64_t)data[i];
  }
};
/// No mask: every key (query) takes part.
struct Ones {
  uint64_t operator()(int64_t) const { return 1; }
};
/// No values: counts only.
struct NoValues {
  uint64_t operator()(int64_t) const { return 0; }
};
struct NoSums {};

template <typename C, typename S>
struct Outputs {
  C *counts;
  S *sums;
  void write(int64_t q, uint64_t count, uint64_t sum) const {
    counts[q] = (C)count;
    if constexpr (!std::is_same_v<S, NoSums>)
      sums[q] = (S)(std::make_unsigned_t<S>)sum;
  }
};

constexpr int64_t kBlock = 1024;

/// Fills out[0, length) with the group numbers of positions [start, start +
/// length).
struct GroupSource {
  const void *context;
  void (*fill)(const void *context, int64_t start, int64_t length, uint64_t *out);
};

template <typename F>
GroupSource sourceOf(const F &f) {
  return {&f, [](const void *context, int64_t start, int64_t length, uint64_t *out) {
            (*static_cast<const F *>(context))(start, length, out);
          }};
}

/// The pass: `last[g]` is the last position of group g seen so far (-1:
/// none), in index order (previous) or backwards (next).
template <bool Next, typename KM, typename QM, typename V, typename O>
void neighborPass(int64_t n, const GroupSource &groups, int32_t *last, KM keyMask,
                  QM queryMask, V valueAt, O out) {
  uint64_t buffer[kBlock];
  // The current group's entry lives in a register while the group repeats
  // (runs of one level, or one group throughout): no store-to-load
  // forwarding through last[] on every position.
  uint64_t currentGroup = 0;
  int32_t currentLast = last[0];
  auto step = [&](int64_t q, uint64_t g) {
    if (g != currentGroup) {
      last[currentGroup] = currentLast;
      currentGroup = g;
      currentLast = last[g];
    }
    int32_t p = currentLast;
    currentLast = (int32_t)q;
    bool found = p >= 0;
    int64_t k = found ? p : 0; // read something valid, weighted 0
    uint64_t w = (uint64_t)found & keyMask(k) & queryMask(q);
    out.write(q, w, w * valueAt(k));
  };
  if constexpr (!Next) {
    for (int64_t start = 0; start < n; start += kBlock) {
      int64_t length = std::min(kBlock, n - start);
      groups.fill(groups.context, start, length, buffer);
      for (int64_t i = 0; i < length; ++i)
        step(start + i, buffer[i]);
    }
  } else {
    for (int64_t end = n; end > 0; end -= kBlock) {
      int64_t start = std::max<int64_t>(0, end - kBlock);
      groups.fill(groups.context, start, end - start, buffer);
      for (int64_t i = end - start; i-- > 0;)
        step(start + i, buffer[i]);
    }
  }
  last[currentGroup] = currentLast;
}

struct GroupNeighbor {
  int64_t n;
  bool next;
  const MemRef1D *groups, *keyMask, *queryMask, *values, *counts, *sums;
  ColumnKind groupKind, keyMaskKind, queryMaskKind, valueKind, countKind, sumKind;

  /// Calls f(reader) with the typed reader of the groups.
  template <typename F>
  void withGroups(F &&f) const {
    switch (groupKind) {
    case ColumnKind::I64: return f(Stored<int64_t>{elementsOf<int64_t>(groups)});
    case ColumnKind::I32: return f(Stored<int32_t>{elementsOf<int32_t>(groups)});
    case ColumnKind::I8: return f(Stored<int8_t>{elementsOf<int8_t>(groups)});
    case ColumnKind::U8: return f(Stored<uint8_t>{elementsOf<uint8_t>(groups)});
    default: abort(); // the lowering passes stored columns only
    }
  }

  /// Runs the pass with every column typed.
  void runPass(const GroupSource &source, int32_t *last) const {
    auto withOutputs = [&](auto keyAt, auto queryAt, auto valueAt) {
      auto go = [&](auto out) {
        if (next)
          neighborPass<true>(n, source, last, keyAt, queryAt, valueAt, out);
        else
          neighborPass<false>(n, source, last, keyAt, queryAt, valueAt, out);
      };
      auto withSums = [&](auto *countBase) {
        using C = std::remove_pointer_t<decltype(countBase)>;
        if constexpr (std::is_same_v<decltype(valueAt), NoValues>)
          go(Outputs<C, NoSums>{countBase, nullptr});
        else if (sumKind == ColumnKind::U8)
          go(Outputs<C, uint8_t>{countBase, elementsOf<uint8_t>(sums)});
        else if (sumKind == ColumnKind::I32)
          go(Outputs<C, int32_t>{countBase, elementsOf<int32_t>(sums)});
        else
          go(Outputs<C, int64_t>{countBase, elementsOf<int64_t>(sums)});
      };
      if (countKind == ColumnKind::I8)
        withSums(elementsOf<uint8_t>(counts));
      else if (countKind == ColumnKind::I32)
        withSums(elementsOf<int32_t>(counts));
      else
        withSums(elementsOf<int64_t>(counts));
    };
    auto withValues = [&](auto keyAt, auto queryAt) {
      switch (valueKind) {
      case ColumnKind::Absent: return withOutputs(keyAt, queryAt, NoValues{});
      case ColumnKind::I64:
        return withOutputs(keyAt, queryAt, Stored<int64_t>{elementsOf<int64_t>(values)});
      case ColumnKind::I32:
        return withOutputs(keyAt, queryAt, Stored<int32_t>{elementsOf<int32_t>(values)});
      case ColumnKind::I8:
        return withOutputs(keyAt, queryAt, Stored<int8_t>{elementsOf<int8_t>(values)});
      case ColumnKind::U8:
        return withOutputs(keyAt, queryAt, Stored<uint8_t>{elementsOf<uint8_t>(values)});
      default: abort();
      }
    };
    auto withQueryMask = [&](auto keyAt) {
      if (queryMaskKind == ColumnKind::Absent)
        withValues(keyAt, Ones{});
      else
        withValues(keyAt, Stored<int8_t>{elementsOf<int8_t>(queryMask)});
    };
    if (keyMaskKind == ColumnKind::Absent)
      withQueryMask(Ones{});
    else
      withQueryMask(Stored<int8_t>{elementsOf<int8_t>(keyMask)});
  }

  /// The most groups numbered by G - min(G): 2n + 4096 (4 bytes each, so
  /// the table is at most twice the size of an i64 column). The environment
  /// variable RASP_GROUP_NEIGHBOR_TABLE_ENTRIES overrides it (tests set it
  /// to 0 to reach the sort fallback on small inputs).
  static uint64_t tableLimit(int64_t n) {
    static const char *value = std::getenv("RASP_GROUP_NEIGHBOR_TABLE_ENTRIES");
    if (value)
      return (uint64_t)std::strtoull(value, nullptr, 10);
    return 2 * (uint64_t)n + 4096;
  }

  void run() {
    if (n == 0)
      return;
    int64_t lo = 0, hi = 0;
    withGroups([&](auto at) {
      lo = hi = (int64_t)at(0);
      for (int64_t i = 1; i < n; ++i) {
        int64_t v = (int64_t)at(i);
        lo = std::min(lo, v);
        hi = std::max(hi, v);
      }
    });
    // A size of 0 means the range wrapped: all 2^64 values.
    uint64_t range = (uint64_t)hi - (uint64_t)lo + 1;
    if (range != 0 && range <= tableLimit(n)) {
      Scratch<int32_t> last(range, -1);
      auto fill = [&](int64_t start, int64_t length, uint64_t *out) {
        withGroups([&](auto at) {
          for (int64_t i = 0; i < length; ++i)
            out[i] = at(start + i) - (uint64_t)lo;
        });
      };
      runPass(sourceOf(fill), last.data());
      return;
    }
    // Too wide for a table: number the groups densely, in value order.
    Scratch<std::pair<int64_t, uint32_t>> sorted(n);
    withGroups([&](auto at) {
      for (int64_t i = 0; i < n; ++i)
        sorted[i] = {(int64_t)at(i), (uint32_t)i};
    });
    std::sort(sorted.begin(), sorted.end());
    Scratch<uint32_t> number(n);
    uint32_t distinct = 0;
    for (int64_t i = 0; i < n; ++i) {
      if (i > 0 && sorted[i].first != sorted[i - 1].first)
        ++distinct;
      number[sorted[i].second] = distinct;
    }
    Scratch<std::pair<int64_t, uint32_t>>().swap(sorted);
    Scratch<int32_t> last((size_t)distinct + 1, -1);
    auto fill = [&](int64_t start, int64_t length, uint64_t *out) {
      for (int64_t i = 0; i < length; ++i)
        out[i] = number[start + i];
    };
    runPass(sourceOf(fill), last.data());
  }
};

} // namespace

extern "C" void _mlir_ciface_rasp_group_neighbor(MemRef1D *groups, MemRef1D *keyMask,
                                                 MemRef1D *queryMask, MemRef1D *values,
                                                 MemRef1D *counts, MemRef1D *sums,
                                                 int64_t kinds, int64_t next) {
  GroupNeighbor kernel;
  kernel.n = counts->size;
  kernel.next = next != 0;
  kernel.groups = groups;
  kernel.keyMask = keyMask;
  kernel.queryMask = queryMask;
  kernel.values = values;
  kernel.counts = counts;
  kernel.sums = sums;
  kernel.groupKind = decodeColumnKind(kinds, kNeighborGroupsSlot);
  kernel.keyMaskKind = decodeColumnKind(kinds, kNeighborKeyMaskSlot);
  kernel.queryMaskKind = decodeColumnKind(kinds, kNeighborQueryMaskSlot);
  kernel.valueKind = decodeColumnKind(kinds, kNeighborValuesSlot);
  kernel.countKind = decodeColumnKind(kinds, kNeighborCountsSlot);
  kernel.sumKind = decodeColumnKind(kinds, kNeighborSumsSlot);
  kernel.run();
}

void *rasp::getGroupNeighborKernelAddress() {
  return reinterpret_cast<void *>(&_mlir_ciface_rasp_group_neighbor);
}
