//===- KeyedSelector.h - Selectors made of key comparisons ------*- C++ -*-===//
//
// Recognizes selector trees that rasp.keyed_reduce can answer by sorting or
// counting: conjunctions of equality columns, at most one (lexicographic)
// order, and filters that read only the key or only the query side.
//
//===----------------------------------------------------------------------===//

#ifndef RASP_DIALECT_RASP_TRANSFORMS_KEYEDSELECTOR_H
#define RASP_DIALECT_RASP_TRANSFORMS_KEYEDSELECTOR_H

#include "rasp/Dialect/RASP/IR/RASPOps.h"

#include "llvm/ADT/SmallVector.h"

#include <optional>

namespace rasp {

/// A selector as the parts of rasp.keyed_reduce. Filters are selects with a
/// constant on one side: `select(X, c, p)` keeps the keys with p(X[k], c),
/// `select(c, X, p)` the queries with p(c, X[q]).
struct KeyedSelector {
  llvm::SmallVector<std::pair<mlir::Value, mlir::Value>> equal; // (keys, queries)
  llvm::SmallVector<std::pair<mlir::Value, mlir::Value>> order; // lexicographic
  std::optional<Predicate> orderPredicate;
  llvm::SmallVector<SelectOp> keyFilters, queryFilters;

  size_t numColumns() const { return equal.size() + order.size(); }
};

/// Decomposes `selector`, or returns nullopt when it has another shape (a
/// `!=`, an `or` that is not a lexicographic order or a tautology, two
/// orders, float columns, more than `maxColumns` columns).
std::optional<KeyedSelector> matchKeyedSelector(mlir::Value selector,
                                                size_t maxColumns);

} // namespace rasp

#endif // RASP_DIALECT_RASP_TRANSFORMS_KEYEDSELECTOR_H
