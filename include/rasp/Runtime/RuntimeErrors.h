//===- RuntimeErrors.h - Run-time error codes -------------------*- C++ -*-===//
//
// Errors the reference raises while running a program. Generated code calls
// `rasp_runtime_error(code, op_id, position)`; the interpreter reports the
// same codes, so both print the same message.
//
//===----------------------------------------------------------------------===//

#ifndef RASP_RUNTIME_RUNTIMEERRORS_H
#define RASP_RUNTIME_RUNTIMEERRORS_H

#include <cstdint>
#include <string>

namespace mlir {
class Operation;
} // namespace mlir

namespace rasp {

enum class RuntimeErrorCode : int64_t {
  /// An aggregate of strings or bools selected more than one value.
  SeveralNonNumeric = 1,
  /// A look-up (list index or dict key) found no entry.
  LookupMiss = 2,
  /// Division or modulo by zero.
  DivisionByZero = 3,
  /// An aggregate whose default has another kind than its values took the
  /// default at some positions and values at others.
  MixedDefault = 4,
  /// A float too large (or nan) to round to an int.
  InvalidRound = 5,
  /// 0 raised to a negative power.
  ZeroToNegativePower = 6,
};

/// The reference's wording of each error.
inline const char *getRuntimeErrorMessage(RuntimeErrorCode code) {
  switch (code) {
  case RuntimeErrorCode::SeveralNonNumeric:
    return "several non-numeric values selected";
  case RuntimeErrorCode::LookupMiss:
    return "look-up failed: key not in the table (or index out of range)";
  case RuntimeErrorCode::DivisionByZero:
    return "division by zero";
  case RuntimeErrorCode::MixedDefault:
    return "aggregate takes its default of another type at some positions "
           "and selected values at others";
  case RuntimeErrorCode::InvalidRound:
    return "cannot round an infinite, nan or too large float to an int";
  case RuntimeErrorCode::ZeroToNegativePower:
    return "0 cannot be raised to a negative power";
  }
  return "unknown run-time error";
}

/// The attribute naming an op for run-time errors: an integer id that the
/// driver maps back to the op's location and s-op name.
inline constexpr const char *kOpIdAttrName = "rasp.op_id";


/// The message of a run-time error, shared by the interpreter and the JIT
/// driver so that both print the same text:
///
///   <file>:<line>:<col>: in s-op '<name>': <message> at position <p>
///
/// file:line:col is the first FileLineCol location found walking the op's
/// location in pre-order (NameLoc -> its child; CallSiteLoc -> the callee,
/// i.e. where the op was written inside a RASP function, before the caller;
/// FusedLoc -> its parts in order; OpaqueLoc -> its fallback). The name is
/// the first (outermost) NameLoc met in the same walk; without one it is the
/// s-op asked for (the name of the function holding the op), and a name
/// that differs from that s-op is followed by ` (computing '<s-op>')`. A
/// part without a location or a name is left out, so the shortest form is
/// `<message> at position <p>`.
std::string describeRuntimeError(mlir::Operation *op, RuntimeErrorCode code,
                                 int64_t position);

} // namespace rasp

#endif // RASP_RUNTIME_RUNTIMEERRORS_H
