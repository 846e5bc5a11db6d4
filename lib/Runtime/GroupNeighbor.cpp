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

/// What the table holds for the last position p of each group seen so far:
/// p itself (-1: none); a query that finds p reads the key mask and the
/// value at p.
struct PositionEntries {
  using Entry = int32_t;
  static constexpr Entry kNone = -1;
  template <typename KM, typename V>
  static Entry make(int64_t p, KM, V) {
    return (Entry)p;
  }
  /// (weight, value) of the key an entry names.
  template <typename KM, typename V>
  static std::pair<uint64_t, uint64_t> read(Entry e, KM keyMask, V valueAt) {
    bool found = e >= 0;
    int64_t k = found ? e : 0; // read something valid, weighted 0
    return {(uint64_t)found & keyMask(k), valueAt(k)};
  }
};

/// The pass: `last[g]` is the entry of the last position of group g seen so
/// far, in index order (previous) or backwards (next).
template <bool Next, typename Entries, typename KM, typename QM, typename V, typename O>
void neighborPass(int64_t n, const GroupSource &groups, typename Entries::Entry *last,
                  KM keyMask, QM queryMask, V valueAt, O out) {
  using Entry = typename Entries::Entry;
  uint64_t buffer[kBlock];
  // No branch on whether the group changed (random for dyck's levels): a
  // load forwarded from the last store to the same group does not chain
  // the iterations, since the new entry does not depend on it.
  auto step = [&](int64_t q, uint64_t g) {
    Entry found = last[g];
    last[g] = Entries::make(q, keyMask, valueAt);
    auto [w, x] = Entries::read(found, keyMask, valueAt);
    w &= queryMask(q);
    out.write(q, w, w * x);
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
}

/// Groups computed from a byte column b instead of stored: G[i] = S[i] +
/// offset[b[i]], where S is the inclusive prefix sum of step[b[j]] (modulo
/// 2^64, as rasp.scan_sum and rasp.add compute it); the key mask, if any,
/// is keyMaskTable[b[k]]. Dyck's level: step = is_open - is_close, offset
/// = is_close, key mask = is_open.
struct ScanGroups {
  const uint8_t *bytes;
  const int64_t *step, *offset, *keyMaskTable;
};

/// A key mask looked up by each position's byte.
struct ByteTableMask {
  const uint8_t *bytes;
  const int64_t *table;
  uint64_t operator()(int64_t i) const { return (uint64_t)table[bytes[i]] & 1; }
};

struct GroupNeighbor {
  int64_t n;
  bool next;
  const MemRef1D *groups, *keyMask, *queryMask, *values, *counts, *sums;
  ColumnKind groupKind, keyMaskKind, queryMaskKind, valueKind, countKind, sumKind;
  const ScanGroups *scan = nullptr; // groups from a byte column, not stored

  /// Calls f(reader) with the typed reader of the groups.
  template <typename F>
  void withGroups(F &&f) const {
    switch (groupKind) {
    case ColumnKind::I64: return f(StoredAt<int64_t>{elementsOf<int64_t>(groups)});
    case ColumnKind::I32: return f(StoredAt<int32_t>{elementsOf<int32_t>(groups)});
    case ColumnKind::I8: return f(StoredAt<int8_t>{elementsOf<int8_t>(groups)});
    case ColumnKind::U8: return f(StoredAt<uint8_t>{elementsOf<uint8_t>(groups)});
    default: abort(); // the lowering passes stored columns only
    }
  }

  /// Runs the pass with every column typed and a table of `groups`
  /// entries.
  void runPass(const GroupSource &source, uint64_t groups) const {
    auto withOutputs = [&](auto keyAt, auto queryAt, auto valueAt) {
      auto go = [&](auto out) {
        using Entries = PositionEntries;
        Scratch<Entries::Entry> last(groups, Entries::kNone);
        if (next)
          neighborPass<true, Entries>(n, source, last.data(), keyAt, queryAt, valueAt, out);
        else
          neighborPass<false, Entries>(n, source, last.data(), keyAt, queryAt, valueAt, out);
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
        return withOutputs(keyAt, queryAt, StoredAt<int64_t>{elementsOf<int64_t>(values)});
      case ColumnKind::I32:
        return withOutputs(keyAt, queryAt, StoredAt<int32_t>{elementsOf<int32_t>(values)});
      case ColumnKind::I8:
        return withOutputs(keyAt, queryAt, StoredAt<int8_t>{elementsOf<int8_t>(values)});
      case ColumnKind::U8:
        return withOutputs(keyAt, queryAt, StoredAt<uint8_t>{elementsOf<uint8_t>(values)});
      default: abort();
      }
    };
    auto withQueryMask = [&](auto keyAt) {
      if (queryMaskKind == ColumnKind::Absent)
        withValues(keyAt, Ones{});
      else
        withValues(keyAt, StoredAt<int8_t>{elementsOf<int8_t>(queryMask)});
    };
    if (keyMaskKind == ColumnKind::Absent)
      withQueryMask(Ones{});
    else if (scan)
      withQueryMask(ByteTableMask{scan->bytes, scan->keyMaskTable});
    else
      withQueryMask(StoredAt<int8_t>{elementsOf<int8_t>(keyMask)});
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

  /// run() for ScanGroups: a first pass over the bytes finds the groups'
  /// range and the total; the neighbor pass then computes each block's
  /// groups from the running sum (forward for `previous`, backward from
  /// the total for `next`). No group column is stored, except for ranges
  /// too wide for a table, which take run()'s sort on a stored copy.
  void runScan() {
    const uint8_t *b = scan->bytes;
    const int64_t *step = scan->step, *offset = scan->offset;
    uint64_t sum = 0;
    int64_t lo = INT64_MAX, hi = INT64_MIN;
    for (int64_t i = 0; i < n; ++i) {
      sum += (uint64_t)step[b[i]];
      int64_t g = (int64_t)(sum + (uint64_t)offset[b[i]]);
      lo = std::min(lo, g);
      hi = std::max(hi, g);
    }
    uint64_t total = sum;
    uint64_t range = (uint64_t)hi - (uint64_t)lo + 1;
    if (range == 0 || range > tableLimit(n)) {
      Scratch<int64_t> stored(n);
      sum = 0;
      for (int64_t i = 0; i < n; ++i) {
        sum += (uint64_t)step[b[i]];
        stored[i] = (int64_t)(sum + (uint64_t)offset[b[i]]);
      }
      MemRef1D column = {stored.data(), stored.data(), 0, n, 1};
      GroupNeighbor withStoredGroups = *this;
      withStoredGroups.groups = &column;
      withStoredGroups.groupKind = ColumnKind::I64;
      // The key mask stays a look-up (scan is still set for runPass).
      withStoredGroups.runStored();
      return;
    }
    // The running sum S[i] at the block boundary the pass reaches next.
    uint64_t running = next ? total : 0;
    auto fill = [&](int64_t start, int64_t length, uint64_t *out) {
      if (!next) {
        for (int64_t i = 0; i < length; ++i) {
          uint8_t byte = b[start + i];
          running += (uint64_t)step[byte];
          out[i] = running + (uint64_t)offset[byte] - (uint64_t)lo;
        }
      } else {
        for (int64_t i = length; i-- > 0;) {
          uint8_t byte = b[start + i];
          out[i] = running + (uint64_t)offset[byte] - (uint64_t)lo;
          running -= (uint64_t)step[byte];
        }
      }
    };
    runPass(sourceOf(fill), range);
  }

  void run() {
    if (n == 0)
      return;
    if (scan)
      return runScan();
    runStored();
  }

  /// run() for a stored group column.
  void runStored() {
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
      auto fill = [&](int64_t start, int64_t length, uint64_t *out) {
        withGroups([&](auto at) {
          for (int64_t i = 0; i < length; ++i)
            out[i] = at(start + i) - (uint64_t)lo;
        });
      };
      runPass(sourceOf(fill), range);
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
    auto fill = [&](int64_t start, int64_t length, uint64_t *out) {
      for (int64_t i = 0; i < length; ++i)
        out[i] = number[start + i];
    };
    runPass(sourceOf(fill), (uint64_t)distinct + 1);
  }
};

} // namespace

namespace {
/// The kernel on the arguments both entry points share.
GroupNeighbor makeKernel(MemRef1D *groups, MemRef1D *keyMask, MemRef1D *queryMask,
                         MemRef1D *values, MemRef1D *counts, MemRef1D *sums,
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
  return kernel;
}
} // namespace

extern "C" void _mlir_ciface_rasp_group_neighbor(MemRef1D *groups, MemRef1D *keyMask,
                                                 MemRef1D *queryMask, MemRef1D *values,
                                                 MemRef1D *counts, MemRef1D *sums,
                                                 int64_t kinds, int64_t next) {
  makeKernel(groups, keyMask, queryMask, values, counts, sums, kinds, next).run();
}

extern "C" void _mlir_ciface_rasp_scan_group_neighbor(
    MemRef1D *bytes, MemRef1D *stepTable, MemRef1D *offsetTable, MemRef1D *keyMaskTable,
    MemRef1D *queryMask, MemRef1D *values, MemRef1D *counts, MemRef1D *sums,
    int64_t kinds, int64_t next) {
  ScanGroups scan = {elementsOf<uint8_t>(bytes), elementsOf<int64_t>(stepTable),
                     elementsOf<int64_t>(offsetTable), elementsOf<int64_t>(keyMaskTable)};
  GroupNeighbor kernel =
      makeKernel(bytes, keyMaskTable, queryMask, values, counts, sums, kinds, next);
  kernel.scan = &scan;
  kernel.groupKind = ColumnKind::U8;
  kernel.run();
}

void *rasp::getScanGroupNeighborKernelAddress() {
  return reinterpret_cast<void *>(&_mlir_ciface_rasp_scan_group_neighbor);
}

void *rasp::getGroupNeighborKernelAddress() {
  return reinterpret_cast<void *>(&_mlir_ciface_rasp_group_neighbor);
}
