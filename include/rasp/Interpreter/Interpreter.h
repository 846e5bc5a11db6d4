//===- Interpreter.h - Reference interpreter of rasp --------*- C++ -*-===//
//
// The oracle every optimisation and the JIT are checked against: a direct,
// dense evaluation of a `rasp` function, position by position, with
// selectors materialised as n-by-n bit matrices. It favours obvious
// correctness over speed (O(n^2) memory and time per selector).
//
// Semantics decisions (see docs/interpreter.md):
// - Only the ops the returned s-op depends on are evaluated, in block order;
//   the first failing op (in block order) and its first failing position
//   are reported, through describeRuntimeError().
// - An aggregate of string/bool values whose default has another kind takes
//   that default either nowhere (fine), everywhere (the output is the default
//   at every position, of the default's kind) or at some positions only
//   (MixedDefault, reported at the first position that takes the default).
//   An all-default aggregate whose result feeds another op (not only the
//   func.return) is reported as MixedDefault at position 0 of the aggregate.
//
//===----------------------------------------------------------------------===//

#ifndef RASP_INTERPRETER_INTERPRETER_H
#define RASP_INTERPRETER_INTERPRETER_H

#include "rasp/Runtime/Value.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Support/LLVM.h"

#include <string>

namespace rasp {

/// Evaluates `fn` (no arguments, returns one !rasp.sop<T>) densely, following
/// the language page exactly. Selectors are materialised as n-by-n bit
/// matrices (O(n^2) is fine: this is the oracle). On a run-time error returns
/// failure and sets `error` to describeRuntimeError(...). An input that
/// `tokens` cannot read as its type, or an op the interpreter does not know,
/// also fails, with a message saying so.
mlir::FailureOr<SOpValue> interpret(mlir::func::FuncOp fn,
                                    const RaspInput &input, std::string &error);

} // namespace rasp

#endif // RASP_INTERPRETER_INTERPRETER_H
