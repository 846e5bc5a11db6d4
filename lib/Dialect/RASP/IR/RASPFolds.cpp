//===- RASPFolds.cpp - Folders of the RASP ops ----------------------------===//
//
// Folds evaluate maps of constants with Python's semantics (rasp/Support/
// PyMath.h), and remove obviously redundant logic (double negation, and/or of
// identical operands). A fold that would raise in Python (division by zero)
// is left for run time, where it is reported.
//
//===----------------------------------------------------------------------===//

#include "rasp/Dialect/RASP/IR/RASPOps.h"
#include "rasp/Support/PyMath.h"

#include "mlir/IR/Builders.h"

using namespace mlir;
using namespace rasp;

namespace {
/// A constant numeric operand, int or float.
struct Number {
  bool isInt;
  int64_t i;
  double f;
  double asDouble() const { return isInt ? static_cast<double>(i) : f; }
};
} // namespace

static std::optional<Number> getNumber(Attribute attr) {
  if (auto intAttr = llvm::dyn_cast_or_null<IntegerAttr>(attr)) {
    if (!intAttr.getType().isInteger(64))
      return std::nullopt;
    return Number{true, intAttr.getInt(), 0};
  }
  if (auto floatAttr = llvm::dyn_cast_or_null<FloatAttr>(attr))
    return Number{false, 0, floatAttr.getValueAsDouble()};
  return std::nullopt;
}

static std::optional<bool> getBool(Attribute attr) {
  if (auto boolAttr = llvm::dyn_cast_or_null<BoolAttr>(attr))
    return boolAttr.getValue();
  return std::nullopt;
}

static Attribute makeNumber(Type resultType, int64_t i, double f, bool isInt) {
  auto elementType = llvm::cast<SOpType>(resultType).getElementType();
  Builder builder(resultType.getContext());
  if (elementType.isInteger(64) && isInt)
    return builder.getI64IntegerAttr(i);
  if (elementType.isF64())
    return builder.getF64FloatAttr(isInt ? static_cast<double>(i) : f);
  return {};
}

/// Folds a binary numeric op: `intOp` when both operands are int and the
/// result is int, else `floatOp` on doubles. Either may decline (nullopt).
template <typename IntFn, typename FloatFn>
static Attribute foldArith(Attribute lhsAttr, Attribute rhsAttr, Type resultType,
                           IntFn intOp, FloatFn floatOp) {
  std::optional<Number> lhs = getNumber(lhsAttr), rhs = getNumber(rhsAttr);
  if (!lhs || !rhs)
    return {};
  bool resultIsInt = llvm::cast<SOpType>(resultType).isInt();
  if (lhs->isInt && rhs->isInt && resultIsInt) {
    std::optional<int64_t> value = intOp(lhs->i, rhs->i);
    return value ? makeNumber(resultType, *value, 0, true) : Attribute();
  }
  std::optional<double> value = floatOp(lhs->asDouble(), rhs->asDouble());
  return value ? makeNumber(resultType, 0, *value, false) : Attribute();
}

/// True when computing `value` may raise a run-time error (division by zero,
/// a look-up miss, several values selected, ...). The reference computes
/// every operand of a map, so a fold must not drop such an operand: its
/// error would vanish. Conservative beyond a depth limit.
static bool mayFail(Value value, unsigned depth = 0);
bool rasp::mayFailAtRunTime(Value value) { return mayFail(value); }

static bool mayFail(Value value, unsigned depth) {
  Operation *def = value.getDefiningOp();
  if (!def)
    return false;
  if (depth > 32)
    return true;
  if (llvm::isa<DivOp, ModOp, PowOp, RoundOp, LookupOp, AggregateOp, GatherOp,
                KeyedReduceOp, GroupNeighborOp>(def))
    return true;
  return llvm::any_of(def->getOperands(), [&](Value operand) {
    return mayFail(operand, depth + 1);
  });
}

/// True when `value` is an aggregate (or one rewritten into a gather or a
/// keyed reduction) whose default has another kind than its values, such as
/// a string or bool aggregate with the default 0. Taking that default at
/// every position is fine for the program's output only: read by any other
/// op, the aggregate raises MixedDefault (docs/interpreter.md).
static bool mayTakeForeignDefault(Value value) {
  Operation *def = value.getDefiningOp();
  Attribute defaultValue;
  if (auto aggregate = llvm::dyn_cast_or_null<AggregateOp>(def))
    defaultValue = aggregate.getDefaultValueAttr();
  else if (auto gather = llvm::dyn_cast_or_null<GatherOp>(def))
    defaultValue = gather.getDefaultValueAttr();
  else if (auto keyed = llvm::dyn_cast_or_null<KeyedReduceOp>(def))
    defaultValue = keyed.getDefaultValueAttr();
  else if (auto neighbor = llvm::dyn_cast_or_null<GroupNeighborOp>(def))
    defaultValue = neighbor.getDefaultValueAttr();
  if (!defaultValue)
    return false;
  auto type = llvm::cast<SOpType>(value.getType());
  return !type.isNumeric() &&
         getScalarAttrElementType(defaultValue) != type.getElementType();
}

/// A fold that replaces an op by one of its operands (x or False, not not x,
/// x and x, where(c, x, x), ...): the operand loses a reader and may become
/// the returned value. Refused when that would turn the operand's
/// all-default MixedDefault error into an output.
static OpFoldResult forwardOperand(Value operand) {
  if (mayTakeForeignDefault(operand))
    return {};
  return operand;
}

OpFoldResult ConstantOp::fold(FoldAdaptor) { return getValue(); }

OpFoldResult NegOp::fold(FoldAdaptor adaptor) {
  std::optional<Number> value = getNumber(adaptor.getOperand());
  if (!value)
    return {};
  return makeNumber(getType(), -static_cast<uint64_t>(value->i), -value->f,
                    value->isInt);
}

OpFoldResult NotOp::fold(FoldAdaptor adaptor) {
  if (auto inner = getOperand().getDefiningOp<NotOp>())
    if (OpFoldResult operand = forwardOperand(inner.getOperand()))
      return operand;
  if (std::optional<bool> value = getBool(adaptor.getOperand()))
    return BoolAttr::get(getContext(), !*value);
  return {};
}

OpFoldResult RoundOp::fold(FoldAdaptor adaptor) {
  std::optional<Number> value = getNumber(adaptor.getOperand());
  if (!value)
    return {};
  if (value->isInt)
    return makeNumber(getType(), value->i, 0, true);
  double rounded = py::roundHalfEven(value->f);
  if (!std::isfinite(rounded) || std::fabs(rounded) >= 9.2e18)
    return {}; // Python raises; leave it to run time
  return makeNumber(getType(), static_cast<int64_t>(rounded), 0, true);
}

OpFoldResult IndicatorOp::fold(FoldAdaptor adaptor) {
  if (std::optional<bool> value = getBool(adaptor.getOperand()))
    return makeNumber(getType(), *value ? 1 : 0, 0, true);
  return {};
}

using OptI = std::optional<int64_t>;
using OptF = std::optional<double>;

OpFoldResult AddOp::fold(FoldAdaptor adaptor) {
  return foldArith(
      adaptor.getLhs(), adaptor.getRhs(), getType(),
      [](int64_t a, int64_t b) -> OptI { return (int64_t)((uint64_t)a + (uint64_t)b); },
      [](double a, double b) -> OptF { return a + b; });
}

OpFoldResult SubOp::fold(FoldAdaptor adaptor) {
  return foldArith(
      adaptor.getLhs(), adaptor.getRhs(), getType(),
      [](int64_t a, int64_t b) -> OptI { return (int64_t)((uint64_t)a - (uint64_t)b); },
      [](double a, double b) -> OptF { return a - b; });
}

OpFoldResult MulOp::fold(FoldAdaptor adaptor) {
  return foldArith(
      adaptor.getLhs(), adaptor.getRhs(), getType(),
      [](int64_t a, int64_t b) -> OptI { return (int64_t)((uint64_t)a * (uint64_t)b); },
      [](double a, double b) -> OptF { return a * b; });
}

OpFoldResult DivOp::fold(FoldAdaptor adaptor) {
  return foldArith(
      adaptor.getLhs(), adaptor.getRhs(), getType(),
      [](int64_t, int64_t) -> OptI { return std::nullopt; },
      [](double a, double b) -> OptF {
        if (b == 0)
          return std::nullopt;
        return a / b;
      });
}

OpFoldResult ModOp::fold(FoldAdaptor adaptor) {
  return foldArith(
      adaptor.getLhs(), adaptor.getRhs(), getType(),
      [](int64_t a, int64_t b) -> OptI {
        if (b == 0)
          return std::nullopt;
        return py::floorMod(a, b);
      },
      [](double a, double b) -> OptF {
        if (b == 0)
          return std::nullopt;
        return py::floorMod(a, b);
      });
}

OpFoldResult PowOp::fold(FoldAdaptor adaptor) {
  return foldArith(
      adaptor.getLhs(), adaptor.getRhs(), getType(),
      [](int64_t a, int64_t b) -> OptI {
        if (b < 0)
          return std::nullopt;
        return py::ipow(a, b);
      },
      [](double a, double b) -> OptF {
        if (a == 0 && b < 0)
          return std::nullopt; // ZeroDivisionError in Python
        return std::pow(a, b);
      });
}

OpFoldResult ConcatOp::fold(FoldAdaptor adaptor) {
  auto lhs = llvm::dyn_cast_or_null<StringAttr>(adaptor.getLhs());
  auto rhs = llvm::dyn_cast_or_null<StringAttr>(adaptor.getRhs());
  if (!lhs || !rhs)
    return {};
  return StringAttr::get(getContext(), lhs.getValue() + rhs.getValue());
}

OpFoldResult CmpOp::fold(FoldAdaptor adaptor) {
  Attribute lhs = adaptor.getLhs(), rhs = adaptor.getRhs();
  if (!lhs || !rhs)
    return {};
  Predicate predicate = getPredicate();
  std::optional<bool> result;
  if (auto a = getNumber(lhs), b = getNumber(rhs); a && b) {
    if (a->isInt && b->isInt)
      result = applyPredicate(predicate, a->i, b->i);
    else
      result = applyPredicate(predicate, a->asDouble(), b->asDouble());
  } else if (auto a = llvm::dyn_cast<StringAttr>(lhs),
             b = llvm::dyn_cast<StringAttr>(rhs);
             a && b) {
    result = applyPredicate(predicate, a.getValue(), b.getValue());
  } else if (auto a = getBool(lhs), b = getBool(rhs); a && b) {
    result = applyPredicate(predicate, *a, *b);
  }
  if (!result)
    return {};
  return BoolAttr::get(getContext(), *result);
}

OpFoldResult AndOp::fold(FoldAdaptor adaptor) {
  if (getLhs() == getRhs())
    return forwardOperand(getLhs());
  std::optional<bool> lhs = getBool(adaptor.getLhs()), rhs = getBool(adaptor.getRhs());
  if (lhs && rhs)
    return BoolAttr::get(getContext(), *lhs && *rhs);
  // x and False is False only when x cannot raise an error.
  if (lhs)
    return *lhs ? forwardOperand(getRhs())
                : mayFail(getRhs()) ? OpFoldResult() : OpFoldResult(adaptor.getLhs());
  if (rhs)
    return *rhs ? forwardOperand(getLhs())
                : mayFail(getLhs()) ? OpFoldResult() : OpFoldResult(adaptor.getRhs());
  return {};
}

OpFoldResult OrOp::fold(FoldAdaptor adaptor) {
  if (getLhs() == getRhs())
    return forwardOperand(getLhs());
  std::optional<bool> lhs = getBool(adaptor.getLhs()), rhs = getBool(adaptor.getRhs());
  if (lhs && rhs)
    return BoolAttr::get(getContext(), *lhs || *rhs);
  // x or True is True only when x cannot raise an error.
  if (lhs)
    return !*lhs ? forwardOperand(getRhs())
                 : mayFail(getRhs()) ? OpFoldResult() : OpFoldResult(adaptor.getLhs());
  if (rhs)
    return !*rhs ? forwardOperand(getLhs())
                 : mayFail(getLhs()) ? OpFoldResult() : OpFoldResult(adaptor.getRhs());
  return {};
}

OpFoldResult WhereOp::fold(FoldAdaptor adaptor) {
  // Whatever is dropped must not be able to raise an error.
  Value chosen;
  if (getTrueValue() == getFalseValue()) {
    if (!mayFail(getCondition()))
      chosen = getTrueValue();
  } else if (std::optional<bool> cond = getBool(adaptor.getCondition())) {
    Value dropped = *cond ? getFalseValue() : getTrueValue();
    if (!mayFail(dropped))
      chosen = *cond ? getTrueValue() : getFalseValue();
  }
  // Only fold when no int-to-float promotion is needed.
  if (chosen && chosen.getType() == getType())
    return forwardOperand(chosen);
  return {};
}

OpFoldResult SelectAndOp::fold(FoldAdaptor) {
  if (getLhs() == getRhs())
    return getLhs();
  return {};
}

OpFoldResult SelectOrOp::fold(FoldAdaptor) {
  if (getLhs() == getRhs())
    return getLhs();
  return {};
}

OpFoldResult SelectNotOp::fold(FoldAdaptor) {
  if (auto inner = getOperand().getDefiningOp<SelectNotOp>())
    return inner.getOperand();
  return {};
}
