//===- RASPOps.h - RASP operations ------------------------------*- C++ -*-===//

#ifndef RASP_DIALECT_RASP_IR_RASPOPS_H
#define RASP_DIALECT_RASP_IR_RASPOPS_H

#include <optional>
#include <utility>

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "rasp/Dialect/RASP/IR/RASPDialect.h"
#include "rasp/Dialect/RASP/IR/RASPTypes.h"

#include "rasp/Dialect/RASP/IR/RASPEnums.h.inc"

#define GET_OP_CLASSES
#include "rasp/Dialect/RASP/IR/RASPOps.h.inc"

namespace rasp {
/// The kind of a scalar attribute as RASP sees it: the element type an s-op
/// holding it would have (i64, f64, i1 or !rasp.string), or null.
mlir::Type getScalarAttrElementType(mlir::Attribute attr);

/// Spells a predicate as in RASP source: ==, !=, <, >, <=, >=.
llvm::StringRef stringifyPredicateSymbol(Predicate predicate);

/// `a <predicate> b` on C++ values, as Python compares them (the folders and
/// the interpreter share it, so both agree with the generated code).
template <typename T>
bool applyPredicate(Predicate predicate, const T &a, const T &b) {
  switch (predicate) {
  case Predicate::eq: return a == b;
  case Predicate::ne: return !(a == b);
  case Predicate::lt: return a < b;
  case Predicate::gt: return b < a;
  case Predicate::le: return a < b || a == b;
  case Predicate::ge: return b < a || a == b;
  }
  return false;
}

/// True when computing `value` may raise a run-time error (division by zero,
/// a look-up miss, several values selected, ...). A rewrite or fold must not
/// drop such a value: the reference computes it, so its error must happen.
bool mayFailAtRunTime(mlir::Value value);

/// The value of `value` when it is an int constant s-op.
std::optional<int64_t> getIntConstant(mlir::Value value);

/// `x + c`, `c + x` or `x - c` with an int constant c: (x, c), the offset
/// wrapping like the generated i64 arithmetic; anything else: (value, 0).
std::pair<mlir::Value, int64_t> splitIntOffset(mlir::Value value);

/// The most tokens an input may have: rasp-run and the JIT refuse more.
/// Generated code counts and indexes in i32; 2^30 (not 2^31 - 1) leaves the
/// value ranges headroom, so that sums and differences of counts (dyck's
/// depth + 1) still fit in i32 and are stored so. At about 40 bytes per token
/// such an input needs more memory than the machines this runs on have.
inline constexpr uint64_t kMaxInputLength = uint64_t(1) << 30;

/// The range [min, max] of the int s-op `value` at every position, when its
/// form gives one: indicators, int constants, tokens_int within `intRange`
/// (the input ints' [min, max], when known), the s-ops in [0, n] (indices,
/// length, widths, the counts of keyed reductions and group neighbors; n is
/// at most kMaxInputLength), prefix and suffix sums (up to n of their values),
/// and neg, add, sub, mul and where of those. nullopt when unknown or when a
/// value could leave the i64 range (where the generated code wraps).
std::optional<std::pair<int64_t, int64_t>>
getIntRange(mlir::Value value, std::optional<std::pair<int64_t, int64_t>> intRange);

/// max(|min|, |max|) of getIntRange.
std::optional<uint64_t>
getIntBoundAbs(mlir::Value value, std::optional<std::pair<int64_t, int64_t>> intRange);
} // namespace rasp

#endif // RASP_DIALECT_RASP_IR_RASPOPS_H
