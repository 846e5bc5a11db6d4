//===- Interpreter.cpp - Reference interpreter of the rasp dialect --------===//
//
// Dense and direct: every s-op is a vector of n values, every selector an
// n-by-n matrix of bits, every op a loop over positions that does what the
// language page says, with Python's arithmetic (rasp/Support/PyMath.h). No
// cleverness: this is the oracle the JIT and every optimisation are checked
// against. docs/interpreter.md lists the semantics decisions.
//
//===----------------------------------------------------------------------===//

#include "rasp/Interpreter/Interpreter.h"

#include "rasp/Dialect/RASP/IR/RASPOps.h"
#include "rasp/Runtime/RuntimeErrors.h"
#include "rasp/Support/PyMath.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/TypeSwitch.h"

#include <cmath>

using namespace mlir;
using namespace rasp;

namespace {

/// Row q (query), column k (key): entry q * n + k.
using Selector = std::vector<uint8_t>;

ElemKind kindOfElementType(Type elementType) {
  if (elementType.isInteger(64))
    return ElemKind::Int;
  if (elementType.isF64())
    return ElemKind::Float;
  if (elementType.isInteger(1))
    return ElemKind::Bool;
  return ElemKind::String;
}

ElemKind kindOfValue(Value value) {
  return kindOfElementType(
      llvm::cast<SOpType>(value.getType()).getElementType());
}

bool isNumericKind(ElemKind kind) {
  return kind == ElemKind::Int || kind == ElemKind::Float;
}

SOpValue makeSOp(ElemKind kind, size_t n) {
  SOpValue value;
  value.kind = kind;
  switch (kind) {
  case ElemKind::Int: value.ints.assign(n, 0); break;
  case ElemKind::Float: value.floats.assign(n, 0.0); break;
  case ElemKind::Bool: value.bools.assign(n, 0); break;
  case ElemKind::String: value.strings.assign(n, std::string()); break;
  }
  return value;
}

/// One value of any kind: a compile-time attribute or one s-op entry.
struct Scalar {
  ElemKind kind = ElemKind::Int;
  int64_t i = 0;
  double f = 0;
  bool b = false;
  std::string s;

  double asDouble() const {
    switch (kind) {
    case ElemKind::Int: return static_cast<double>(i);
    case ElemKind::Float: return f;
    case ElemKind::Bool: return b ? 1.0 : 0.0;
    case ElemKind::String: break;
    }
    return 0;
  }
};

std::optional<Scalar> scalarOfAttr(Attribute attr) {
  Type type = getScalarAttrElementType(attr);
  if (!type)
    return std::nullopt;
  Scalar scalar;
  scalar.kind = kindOfElementType(type);
  switch (scalar.kind) {
  case ElemKind::Int: scalar.i = llvm::cast<IntegerAttr>(attr).getInt(); break;
  case ElemKind::Float:
    scalar.f = llvm::cast<FloatAttr>(attr).getValueAsDouble();
    break;
  case ElemKind::Bool:
    scalar.b = llvm::cast<IntegerAttr>(attr).getValue().getBoolValue();
    break;
  case ElemKind::String: scalar.s = llvm::cast<StringAttr>(attr).str(); break;
  }
  return scalar;
}

Scalar scalarAt(const SOpValue &value, size_t pos) {
  Scalar scalar;
  scalar.kind = value.kind;
  switch (value.kind) {
  case ElemKind::Int: scalar.i = value.ints[pos]; break;
  case ElemKind::Float: scalar.f = value.floats[pos]; break;
  case ElemKind::Bool: scalar.b = value.bools[pos] != 0; break;
  case ElemKind::String: scalar.s = value.strings[pos]; break;
  }
  return scalar;
}

/// Stores `scalar` at `pos` of `out`, converted to out's kind the way the
/// dialect allows it (an int into a float s-op). Returns false when the kinds
/// cannot meet.
bool storeScalar(SOpValue &out, size_t pos, const Scalar &scalar) {
  switch (out.kind) {
  case ElemKind::Int:
    if (scalar.kind != ElemKind::Int)
      return false;
    out.ints[pos] = scalar.i;
    return true;
  case ElemKind::Float:
    if (!isNumericKind(scalar.kind))
      return false;
    out.floats[pos] = scalar.asDouble();
    return true;
  case ElemKind::Bool:
    if (scalar.kind != ElemKind::Bool)
      return false;
    out.bools[pos] = scalar.b;
    return true;
  case ElemKind::String:
    if (scalar.kind != ElemKind::String)
      return false;
    out.strings[pos] = scalar.s;
    return true;
  }
  return false;
}

/// Python's `==` between two scalars, as `x in [..]` and dict/list look-ups
/// use it: a bool is the int 0 or 1, ints and floats compare by value, a
/// string equals only a string.
bool pyEquals(const Scalar &a, const Scalar &b) {
  bool aString = a.kind == ElemKind::String,
       bString = b.kind == ElemKind::String;
  if (aString || bString)
    return aString && bString && a.s == b.s;
  if (a.kind != ElemKind::Float && b.kind != ElemKind::Float) {
    int64_t x = a.kind == ElemKind::Bool ? a.b : a.i;
    int64_t y = b.kind == ElemKind::Bool ? b.b : b.i;
    return x == y;
  }
  return a.asDouble() == b.asDouble();
}

double numberAt(const SOpValue &value, size_t pos) {
  return value.kind == ElemKind::Int ? static_cast<double>(value.ints[pos])
                                     : value.floats[pos];
}

/// `predicate(a[i], b[j])` for two s-ops of one kind (numeric, string, bool).
/// int with int compares exactly; int with float as doubles; strings by
/// bytes (StringRef compares unsigned, so UTF-8 sorts by code point).
bool compareAt(Predicate predicate, const SOpValue &a, size_t i,
               const SOpValue &b, size_t j) {
  if (a.kind == ElemKind::Int && b.kind == ElemKind::Int)
    return applyPredicate(predicate, a.ints[i], b.ints[j]);
  if (isNumericKind(a.kind) && isNumericKind(b.kind))
    return applyPredicate(predicate, numberAt(a, i), numberAt(b, j));
  if (a.kind == ElemKind::String && b.kind == ElemKind::String)
    return applyPredicate(predicate, llvm::StringRef(a.strings[i]),
                          llvm::StringRef(b.strings[j]));
  return applyPredicate(predicate, a.bools[i], b.bools[j]);
}

enum class ArithKind { Add, Sub, Mul, Div, Mod, Pow };

class Interpreter {
public:
  Interpreter(const RaspInput &input, std::string &error)
      : input(input), n(input.size()), error(error) {}

  FailureOr<SOpValue> run(func::FuncOp fn);

private:
  LogicalResult evaluate(Operation *op);
  LogicalResult evaluateArith(Operation *op, ArithKind arith);
  LogicalResult evaluateAggregate(AggregateOp op);

  LogicalResult fail(Operation *op, RuntimeErrorCode code, size_t position) {
    error = describeRuntimeError(op, code, static_cast<int64_t>(position));
    return failure();
  }
  LogicalResult failWith(std::string message) {
    error = std::move(message);
    return failure();
  }

  const SOpValue &sop(Value value) { return sops.find(value)->second; }
  const Selector &selector(Value value) {
    return selectors.find(value)->second;
  }
  LogicalResult define(Value result, SOpValue value) {
    sops[result] = std::move(value);
    return success();
  }
  LogicalResult defineSelector(Value result, Selector value) {
    selectors[result] = std::move(value);
    return success();
  }

  /// True if `value` feeds a live op other than the function's return.
  bool hasLiveNonReturnUser(Value value) {
    for (Operation *user : value.getUsers())
      if (live.contains(user) && !llvm::isa<func::ReturnOp>(user))
        return true;
    return false;
  }

  const RaspInput &input;
  size_t n;
  std::string &error;
  llvm::DenseMap<Value, SOpValue> sops;
  llvm::DenseMap<Value, Selector> selectors;
  llvm::SmallPtrSet<Operation *, 32> live;
};

} // namespace

FailureOr<SOpValue> Interpreter::run(func::FuncOp fn) {
  std::string fnName = fn.getSymName().str();
  auto reject = [&](std::string message) -> FailureOr<SOpValue> {
    error = std::move(message);
    return failure();
  };
  if (fn.isExternal() || !fn.getBody().hasOneBlock())
    return reject("interpret: function '" + fnName +
                  "' must have a body of one block");
  if (fn.getNumArguments() != 0 || fn.getNumResults() != 1 ||
      !llvm::isa<SOpType>(fn.getResultTypes()[0]))
    return reject("interpret: function '" + fnName +
                  "' must take no arguments and return one !rasp.sop");
  Block &body = fn.getBody().front();
  auto ret = llvm::dyn_cast<func::ReturnOp>(body.getTerminator());
  if (!ret || ret.getNumOperands() != 1)
    return reject("interpret: function '" + fnName +
                    "' must end with a func.return of one value");

  // Only what the returned s-op depends on runs: the reference evaluates
  // lazily, so an unused s-op never raises there either.
  SmallVector<Operation *> worklist{ret};
  live.insert(ret);
  while (!worklist.empty()) {
    Operation *op = worklist.pop_back_val();
    for (Value operand : op->getOperands()) {
      Operation *def = operand.getDefiningOp();
      if (!def)
        return reject("interpret: function '" + fnName +
                      "' uses a block argument");
      if (live.insert(def).second)
        worklist.push_back(def);
    }
  }

  // Selectors are n-by-n bytes: refuse inputs whose matrices would not fit
  // comfortably in memory rather than fail to allocate (this is the oracle,
  // meant for small inputs).
  constexpr size_t kMaxSelectorLength = 32768; // 1 GiB per selector
  if (n > kMaxSelectorLength &&
      llvm::any_of(live, [](Operation *op) {
        return llvm::isa<SelectOp, SelectAndOp, SelectOrOp, SelectNotOp>(op);
      }))
    return reject("interpret: the input has " + std::to_string(n) +
                  " tokens; the reference interpreter materialises n-by-n "
                  "selectors and accepts at most " +
                  std::to_string(kMaxSelectorLength));

  // A value is dropped once its last user has run: selectors are n^2 bytes.
  llvm::DenseMap<Value, unsigned> pendingUses;
  for (Operation *op : live)
    for (Value operand : op->getOperands())
      ++pendingUses[operand];

  for (Operation &op : body.without_terminator()) {
    if (!live.contains(&op))
      continue;
    if (failed(evaluate(&op)))
      return failure();
    for (Value operand : op.getOperands())
      if (--pendingUses[operand] == 0) {
        sops.erase(operand);
        selectors.erase(operand);
      }
  }
  SOpValue result = sop(ret.getOperand(0));
  return result;
}

LogicalResult Interpreter::evaluate(Operation *op) {
  return llvm::TypeSwitch<Operation *, LogicalResult>(op)
      // Inputs and constants.
      .Case([&](TokensOp tokens) -> LogicalResult {
        SOpValue out;
        out.kind = kindOfValue(tokens.getResult());
        std::optional<std::string> message;
        switch (out.kind) {
        case ElemKind::String:
          for (size_t i = 0; i < input.size(); ++i)
            out.strings.push_back(input.token(i));
          break;
        case ElemKind::Int: message = readInts(input, out.ints); break;
        case ElemKind::Float: message = readFloats(input, out.floats); break;
        case ElemKind::Bool: message = readBools(input, out.bools); break;
        }
        if (message)
          return failWith(*message);
        return define(tokens.getResult(), std::move(out));
      })
      .Case([&](IndicesOp indices) {
        SOpValue out = makeSOp(ElemKind::Int, n);
        for (size_t i = 0; i < n; ++i)
          out.ints[i] = static_cast<int64_t>(i);
        return define(indices.getResult(), std::move(out));
      })
      .Case([&](LengthOp length) {
        SOpValue out = makeSOp(ElemKind::Int, n);
        for (size_t i = 0; i < n; ++i)
          out.ints[i] = static_cast<int64_t>(n);
        return define(length.getResult(), std::move(out));
      })
      .Case([&](ConstantOp constant) -> LogicalResult {
        std::optional<Scalar> value = scalarOfAttr(constant.getValue());
        SOpValue out = makeSOp(kindOfValue(constant.getResult()), n);
        for (size_t i = 0; i < n; ++i)
          if (!value || !storeScalar(out, i, *value))
            return failWith("interpret: constant does not fit its type");
        return define(constant.getResult(), std::move(out));
      })
      // Unary maps.
      .Case([&](NegOp neg) {
        const SOpValue &x = sop(neg.getOperand());
        SOpValue out = makeSOp(kindOfValue(neg.getResult()), n);
        for (size_t i = 0; i < n; ++i) {
          if (out.kind == ElemKind::Int)
            out.ints[i] =
                static_cast<int64_t>(0 - static_cast<uint64_t>(x.ints[i]));
          else
            out.floats[i] = -numberAt(x, i);
        }
        return define(neg.getResult(), std::move(out));
      })
      .Case([&](NotOp notOp) {
        const SOpValue &x = sop(notOp.getOperand());
        SOpValue out = makeSOp(ElemKind::Bool, n);
        for (size_t i = 0; i < n; ++i)
          out.bools[i] = !x.bools[i];
        return define(notOp.getResult(), std::move(out));
      })
      .Case([&](IndicatorOp indicator) {
        const SOpValue &x = sop(indicator.getOperand());
        SOpValue out = makeSOp(ElemKind::Int, n);
        for (size_t i = 0; i < n; ++i)
          out.ints[i] = x.bools[i] ? 1 : 0;
        return define(indicator.getResult(), std::move(out));
      })
      .Case([&](RoundOp round) -> LogicalResult {
        const SOpValue &x = sop(round.getOperand());
        SOpValue out = makeSOp(ElemKind::Int, n);
        for (size_t i = 0; i < n; ++i) {
          if (x.kind == ElemKind::Int) {
            out.ints[i] = x.ints[i];
            continue;
          }
          double value = x.floats[i];
          if (!std::isfinite(value))
            return fail(op, RuntimeErrorCode::InvalidRound, i);
          double rounded = py::roundHalfEven(value);
          // Python's int is unbounded; ours is i64: [-2^63, 2^63).
          if (rounded >= 9223372036854775808.0 ||
              rounded < -9223372036854775808.0)
            return fail(op, RuntimeErrorCode::InvalidRound, i);
          out.ints[i] = static_cast<int64_t>(rounded);
        }
        return define(round.getResult(), std::move(out));
      })
      // Binary maps.
      .Case([&](AddOp) { return evaluateArith(op, ArithKind::Add); })
      .Case([&](SubOp) { return evaluateArith(op, ArithKind::Sub); })
      .Case([&](MulOp) { return evaluateArith(op, ArithKind::Mul); })
      .Case([&](DivOp) { return evaluateArith(op, ArithKind::Div); })
      .Case([&](ModOp) { return evaluateArith(op, ArithKind::Mod); })
      .Case([&](PowOp) { return evaluateArith(op, ArithKind::Pow); })
      .Case([&](ConcatOp concat) {
        const SOpValue &a = sop(concat.getLhs()), &b = sop(concat.getRhs());
        SOpValue out = makeSOp(ElemKind::String, n);
        for (size_t i = 0; i < n; ++i)
          out.strings[i] = a.strings[i] + b.strings[i];
        return define(concat.getResult(), std::move(out));
      })
      .Case([&](CmpOp cmp) {
        const SOpValue &a = sop(cmp.getLhs()), &b = sop(cmp.getRhs());
        SOpValue out = makeSOp(ElemKind::Bool, n);
        for (size_t i = 0; i < n; ++i)
          out.bools[i] = compareAt(cmp.getPredicate(), a, i, b, i);
        return define(cmp.getResult(), std::move(out));
      })
      .Case([&](AndOp andOp) {
        const SOpValue &a = sop(andOp.getLhs()), &b = sop(andOp.getRhs());
        SOpValue out = makeSOp(ElemKind::Bool, n);
        for (size_t i = 0; i < n; ++i)
          out.bools[i] = a.bools[i] && b.bools[i];
        return define(andOp.getResult(), std::move(out));
      })
      .Case([&](OrOp orOp) {
        const SOpValue &a = sop(orOp.getLhs()), &b = sop(orOp.getRhs());
        SOpValue out = makeSOp(ElemKind::Bool, n);
        for (size_t i = 0; i < n; ++i)
          out.bools[i] = a.bools[i] || b.bools[i];
        return define(orOp.getResult(), std::move(out));
      })
      .Case([&](WhereOp where) -> LogicalResult {
        const SOpValue &cond = sop(where.getCondition());
        const SOpValue &a = sop(where.getTrueValue());
        const SOpValue &b = sop(where.getFalseValue());
        SOpValue out = makeSOp(kindOfValue(where.getResult()), n);
        for (size_t i = 0; i < n; ++i) {
          const SOpValue &chosen = cond.bools[i] ? a : b;
          if (!storeScalar(out, i, scalarAt(chosen, i)))
            return failWith(
                "interpret: rasp.where branch does not fit its type");
        }
        return define(where.getResult(), std::move(out));
      })
      .Case([&](MemberOp member) -> LogicalResult {
        const SOpValue &x = sop(member.getOperand());
        SmallVector<Scalar> elements;
        for (Attribute attr : member.getElements()) {
          std::optional<Scalar> element = scalarOfAttr(attr);
          if (!element)
            return failWith("interpret: bad rasp.member element");
          elements.push_back(*element);
        }
        SOpValue out = makeSOp(ElemKind::Bool, n);
        for (size_t i = 0; i < n; ++i) {
          Scalar value = scalarAt(x, i);
          out.bools[i] = llvm::any_of(
              elements, [&](const Scalar &e) { return pyEquals(value, e); });
        }
        return define(member.getResult(), std::move(out));
      })
      .Case([&](LookupOp lookup) -> LogicalResult {
        const SOpValue &x = sop(lookup.getOperand());
        SmallVector<Scalar> keys, values;
        for (Attribute attr : lookup.getKeys()) {
          std::optional<Scalar> key = scalarOfAttr(attr);
          if (!key)
            return failWith("interpret: bad rasp.lookup key");
          keys.push_back(*key);
        }
        for (Attribute attr : lookup.getValues()) {
          std::optional<Scalar> value = scalarOfAttr(attr);
          if (!value)
            return failWith("interpret: bad rasp.lookup value");
          values.push_back(*value);
        }
        SOpValue out = makeSOp(kindOfValue(lookup.getResult()), n);
        for (size_t i = 0; i < n; ++i) {
          Scalar value = scalarAt(x, i);
          // The first key equal to the value (Python ==) wins.
          size_t j = 0;
          while (j < keys.size() && !pyEquals(value, keys[j]))
            ++j;
          if (j == keys.size())
            return fail(op, RuntimeErrorCode::LookupMiss, i);
          if (!storeScalar(out, i, values[j]))
            return failWith(
                "interpret: rasp.lookup value does not fit its type");
        }
        return define(lookup.getResult(), std::move(out));
      })
      // Selectors.
      .Case([&](SelectOp select) {
        const SOpValue &keys = sop(select.getKeys());
        const SOpValue &queries = sop(select.getQueries());
        Selector out(n * n);
        for (size_t q = 0; q < n; ++q)
          for (size_t k = 0; k < n; ++k)
            out[q * n + k] =
                compareAt(select.getPredicate(), keys, k, queries, q);
        return defineSelector(select.getResult(), std::move(out));
      })
      .Case([&](SelectAndOp selectAnd) {
        const Selector &a = selector(selectAnd.getLhs());
        const Selector &b = selector(selectAnd.getRhs());
        Selector out(n * n);
        for (size_t i = 0; i < n * n; ++i)
          out[i] = a[i] && b[i];
        return defineSelector(selectAnd.getResult(), std::move(out));
      })
      .Case([&](SelectOrOp selectOr) {
        const Selector &a = selector(selectOr.getLhs());
        const Selector &b = selector(selectOr.getRhs());
        Selector out(n * n);
        for (size_t i = 0; i < n * n; ++i)
          out[i] = a[i] || b[i];
        return defineSelector(selectOr.getResult(), std::move(out));
      })
      .Case([&](SelectNotOp selectNot) {
        const Selector &a = selector(selectNot.getOperand());
        Selector out(n * n);
        for (size_t i = 0; i < n * n; ++i)
          out[i] = !a[i];
        return defineSelector(selectNot.getResult(), std::move(out));
      })
      .Case([&](SelectorWidthOp width) {
        const Selector &s = selector(width.getSelector());
        SOpValue out = makeSOp(ElemKind::Int, n);
        for (size_t q = 0; q < n; ++q) {
          int64_t count = 0;
          for (size_t k = 0; k < n; ++k)
            count += s[q * n + k];
          out.ints[q] = count;
        }
        return define(width.getResult(), std::move(out));
      })
      .Case([&](AggregateOp aggregate) { return evaluateAggregate(aggregate); })
      .Default([&](Operation *other) {
        return failWith("interpret: unsupported operation '" +
                        other->getName().getStringRef().str() + "'");
      });
}

LogicalResult Interpreter::evaluateArith(Operation *op, ArithKind arith) {
  const SOpValue &a = sop(op->getOperand(0)), &b = sop(op->getOperand(1));
  Value result = op->getResult(0);
  SOpValue out = makeSOp(kindOfValue(result), n);
  if (out.kind == ElemKind::Int) {
    // The verifier makes both operands int here (and div is never int).
    if (a.kind != ElemKind::Int || b.kind != ElemKind::Int ||
        arith == ArithKind::Div)
      return failWith("interpret: int arithmetic on non-int operands");
    for (size_t i = 0; i < n; ++i) {
      int64_t x = a.ints[i], y = b.ints[i];
      uint64_t ux = static_cast<uint64_t>(x), uy = static_cast<uint64_t>(y);
      int64_t r = 0;
      switch (arith) {
      // Python ints are unbounded; ours wrap at 64 bits, like the JIT's.
      case ArithKind::Add: r = static_cast<int64_t>(ux + uy); break;
      case ArithKind::Sub: r = static_cast<int64_t>(ux - uy); break;
      case ArithKind::Mul: r = static_cast<int64_t>(ux * uy); break;
      case ArithKind::Div: break;
      case ArithKind::Mod:
        if (y == 0)
          return fail(op, RuntimeErrorCode::DivisionByZero, i);
        r = py::floorMod(x, y);
        break;
      case ArithKind::Pow:
        if (y >= 0) {
          r = py::ipow(x, y);
        } else {
          // Not produced by the front end (it types x ^ negative as float);
          // the int result is Python's float result truncated: 1, -1 or 0.
          if (x == 0)
            return fail(op, RuntimeErrorCode::ZeroToNegativePower, i);
          r = static_cast<int64_t>(std::pow(static_cast<double>(x),
                                            static_cast<double>(y)));
        }
        break;
      }
      out.ints[i] = r;
    }
    return define(result, std::move(out));
  }
  for (size_t i = 0; i < n; ++i) {
    double x = numberAt(a, i), y = numberAt(b, i);
    double r = 0;
    switch (arith) {
    case ArithKind::Add: r = x + y; break;
    case ArithKind::Sub: r = x - y; break;
    case ArithKind::Mul: r = x * y; break;
    case ArithKind::Div:
      if (y == 0)
        return fail(op, RuntimeErrorCode::DivisionByZero, i);
      r = x / y;
      break;
    case ArithKind::Mod:
      if (y == 0)
        return fail(op, RuntimeErrorCode::DivisionByZero, i);
      r = py::floorMod(x, y);
      break;
    case ArithKind::Pow:
      if (x == 0 && y < 0)
        return fail(op, RuntimeErrorCode::ZeroToNegativePower, i);
      r = std::pow(x, y);
      break;
    }
    out.floats[i] = r;
  }
  return define(result, std::move(out));
}

LogicalResult Interpreter::evaluateAggregate(AggregateOp aggregate) {
  Operation *op = aggregate;
  const Selector &sel = selector(aggregate.getSelector());
  const SOpValue &values = sop(aggregate.getValues());
  std::optional<Scalar> defaultValue =
      scalarOfAttr(aggregate.getDefaultValue());
  if (!defaultValue)
    return failWith("interpret: bad rasp.aggregate default");

  auto countSelected = [&](size_t q, size_t &only) {
    size_t count = 0;
    for (size_t k = 0; k < n; ++k)
      if (sel[q * n + k]) {
        if (count == 0)
          only = k;
        ++count;
      }
    return count;
  };

  if (isNumericKind(values.kind)) {
    // The mean, as the reference computes it: sum(selected) * 1.0 / count,
    // summing ints exactly and floats in key order.
    SOpValue out = makeSOp(ElemKind::Float, n);
    for (size_t q = 0; q < n; ++q) {
      size_t count = 0;
      if (values.kind == ElemKind::Int) {
        __int128 sum = 0;
        for (size_t k = 0; k < n; ++k)
          if (sel[q * n + k]) {
            sum += values.ints[k];
            ++count;
          }
        out.floats[q] = count == 0 ? defaultValue->asDouble()
                                   : static_cast<double>(sum) /
                                         static_cast<double>(count);
      } else {
        double sum = 0;
        for (size_t k = 0; k < n; ++k)
          if (sel[q * n + k]) {
            sum += values.floats[k];
            ++count;
          }
        out.floats[q] = count == 0 ? defaultValue->asDouble()
                                   : sum / static_cast<double>(count);
      }
    }
    return define(aggregate.getResult(), std::move(out));
  }

  // String or bool values: none -> default, one -> that value, several ->
  // error (the reference raises while it computes, position by position,
  // before it checks the result's types).
  std::vector<size_t> counts(n), chosen(n);
  for (size_t q = 0; q < n; ++q) {
    counts[q] = countSelected(q, chosen[q]);
    if (counts[q] > 1)
      return fail(op, RuntimeErrorCode::SeveralNonNumeric, q);
  }
  bool mismatched = defaultValue->kind != values.kind;
  if (mismatched && n > 0) {
    std::optional<size_t> firstDefault;
    bool anyValue = false;
    for (size_t q = 0; q < n; ++q) {
      if (counts[q] == 0 && !firstDefault)
        firstDefault = q;
      anyValue |= counts[q] == 1;
    }
    if (firstDefault && anyValue)
      return fail(op, RuntimeErrorCode::MixedDefault, *firstDefault);
    if (firstDefault) {
      // Every position takes the default: the output holds the default, of
      // the default's kind. The s-op's declared type is wrong, so no other
      // op may read it; only returning it is allowed.
      if (hasLiveNonReturnUser(aggregate.getResult()))
        return fail(op, RuntimeErrorCode::MixedDefault, 0);
      SOpValue out = makeSOp(defaultValue->kind, n);
      for (size_t q = 0; q < n; ++q)
        storeScalar(out, q, *defaultValue);
      return define(aggregate.getResult(), std::move(out));
    }
  }
  SOpValue out = makeSOp(values.kind, n);
  for (size_t q = 0; q < n; ++q) {
    Scalar value = counts[q] == 0 ? *defaultValue : scalarAt(values, chosen[q]);
    if (!storeScalar(out, q, value))
      return failWith(
          "interpret: rasp.aggregate default does not fit its type");
  }
  return define(aggregate.getResult(), std::move(out));
}

FailureOr<SOpValue> rasp::interpret(func::FuncOp fn, const RaspInput &input,
                                    std::string &error) {
  Interpreter interpreter(input, error);
  return interpreter.run(fn);
}
