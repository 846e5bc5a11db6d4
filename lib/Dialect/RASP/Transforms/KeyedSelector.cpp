//===- KeyedSelector.cpp - Selectors made of key comparisons --------------===//

#include "rasp/Dialect/RASP/Transforms/KeyedSelector.h"

using namespace mlir;
using namespace rasp;

namespace {

bool isConstant(Value sop) { return sop.getDefiningOp<ConstantOp>() != nullptr; }

/// Floats have no exact packed order (nan, -0.0): their selects stay generic.
bool isSortable(Value sop) {
  return !llvm::cast<SOpType>(sop.getType()).getElementType().isF64();
}

bool isOrder(Predicate predicate) {
  return predicate == Predicate::lt || predicate == Predicate::le ||
         predicate == Predicate::gt || predicate == Predicate::ge;
}

/// Same direction: `lt` continues with `lt`/`le`, `gt` with `gt`/`ge`.
bool continuesOrder(Predicate strict, Predicate next) {
  if (strict == Predicate::lt)
    return next == Predicate::lt || next == Predicate::le;
  if (strict == Predicate::gt)
    return next == Predicate::gt || next == Predicate::ge;
  return false;
}

bool sameColumns(SelectOp a, SelectOp b) {
  return a.getKeys() == b.getKeys() && a.getQueries() == b.getQueries();
}

/// True when a select in the tree reads an s-op that may raise.
bool readsFailingSOp(Value selector) {
  Operation *def = selector.getDefiningOp();
  if (auto select = llvm::dyn_cast_or_null<SelectOp>(def))
    return mayFailAtRunTime(select.getKeys()) || mayFailAtRunTime(select.getQueries());
  return !def || llvm::any_of(def->getOperands(), readsFailingSOp);
}

class Decomposer {
public:
  explicit Decomposer(KeyedSelector &result) : result(result) {}

  bool addConjunct(Value selector) {
    Operation *def = selector.getDefiningOp();
    if (auto andOp = llvm::dyn_cast_or_null<SelectAndOp>(def))
      return addConjunct(andOp.getLhs()) && addConjunct(andOp.getRhs());
    if (auto select = llvm::dyn_cast_or_null<SelectOp>(def))
      return addSelect(select);
    if (auto orOp = llvm::dyn_cast_or_null<SelectOrOp>(def))
      return addOr(orOp);
    return false;
  }

private:
  bool addSelect(SelectOp select) {
    Value keys = select.getKeys(), queries = select.getQueries();
    if (isConstant(keys)) {
      result.queryFilters.push_back(select); // includes constant-constant
      return true;
    }
    if (isConstant(queries)) {
      result.keyFilters.push_back(select);
      return true;
    }
    if (!isSortable(keys) || !isSortable(queries))
      return false;
    Predicate predicate = select.getPredicate();
    if (predicate == Predicate::eq) {
      result.equal.push_back({keys, queries});
      return true;
    }
    if (!isOrder(predicate) || result.orderPredicate)
      return false;
    result.order.push_back({keys, queries});
    result.orderPredicate = predicate;
    return true;
  }

  /// `S or not S` selects everything (unless computing S's s-ops may raise:
  /// the reference computes them, so the rewrite must not drop them);
  /// `select(K, Q, <) or (select(K, Q, ==) and select(K2, Q2, <=))` is the
  /// order `<=` on the tuple (K, K2).
  bool addOr(SelectOrOp orOp) {
    for (auto [a, b] : {std::make_pair(orOp.getLhs(), orOp.getRhs()),
                        std::make_pair(orOp.getRhs(), orOp.getLhs())}) {
      if (auto notOp = b.getDefiningOp<SelectNotOp>(); notOp && notOp.getOperand() == a)
        return !readsFailingSOp(a);
      if (matchLexicographic(a, b))
        return true;
    }
    return false;
  }

  bool matchLexicographic(Value strictValue, Value tieValue) {
    auto strict = strictValue.getDefiningOp<SelectOp>();
    auto tie = tieValue.getDefiningOp<SelectAndOp>();
    if (!strict || !tie || result.orderPredicate)
      return false;
    for (auto [eqValue, nextValue] : {std::make_pair(tie.getLhs(), tie.getRhs()),
                                      std::make_pair(tie.getRhs(), tie.getLhs())}) {
      auto eq = eqValue.getDefiningOp<SelectOp>();
      auto next = nextValue.getDefiningOp<SelectOp>();
      if (!eq || !next || eq.getPredicate() != Predicate::eq ||
          !sameColumns(strict, eq) ||
          !continuesOrder(strict.getPredicate(), next.getPredicate()))
        continue;
      SelectOp columns[] = {strict, next};
      if (llvm::any_of(columns, [](SelectOp s) {
            return isConstant(s.getKeys()) || isConstant(s.getQueries()) ||
                   !isSortable(s.getKeys()) || !isSortable(s.getQueries());
          }))
        return false;
      result.order.push_back({strict.getKeys(), strict.getQueries()});
      result.order.push_back({next.getKeys(), next.getQueries()});
      result.orderPredicate = next.getPredicate();
      return true;
    }
    return false;
  }

  KeyedSelector &result;
};

} // namespace

std::optional<KeyedSelector> rasp::matchKeyedSelector(Value selector,
                                                      size_t maxColumns) {
  KeyedSelector result;
  if (!Decomposer(result).addConjunct(selector) || result.numColumns() > maxColumns)
    return std::nullopt;
  return result;
}
