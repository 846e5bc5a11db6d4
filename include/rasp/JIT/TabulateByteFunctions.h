//===- TabulateByteFunctions.h - byte functions as table loads -*- C++ -*-===//
//
// An LLVM pass of the JIT's pipeline: in scalar loops, an integer expression
// whose one variable is a byte loaded from memory (a string id of the input)
// becomes a load from a 256-entry constant table. The loops that keep such
// expressions after the loop vectorizer are the running scans (a balance
// that grows by `tokens == "("` minus `tokens == ")"`): there the compares,
// extensions and adds cost 5 or more instructions per position and per
// value, the table one load.
//
//===----------------------------------------------------------------------===//

#ifndef RASP_JIT_TABULATEBYTEFUNCTIONS_H
#define RASP_JIT_TABULATEBYTEFUNCTIONS_H

#include "llvm/IR/PassManager.h"

namespace rasp {

/// The name of the pass in textual LLVM pipelines.
inline constexpr const char *kTabulateByteFunctionsPassName = "rasp-tabulate-byte-functions";

/// Replaces, in loop blocks, each maximal scalar integer expression of at
/// least `kMinTabulatedInstructions` pure instructions (integer arithmetic
/// without division, compares, selects, casts) over constants and a single
/// byte load by a load from a private constant [256 x iK] table, iK the
/// narrowest of i8/i16/i32/i64 that holds every value (sign-extended back).
/// Values that fold to poison for some byte (an `add nsw` that overflows)
/// are stored as 0: the original code had no defined value there.
struct TabulateByteFunctionsPass : llvm::PassInfoMixin<TabulateByteFunctionsPass> {
  llvm::PreservedAnalyses run(llvm::Function &fn, llvm::FunctionAnalysisManager &fam);
};

/// Fewer instructions than this stay as they are: a compare and its
/// extension cost about what the load does.
inline constexpr unsigned kMinTabulatedInstructions = 3;

} // namespace rasp

#endif // RASP_JIT_TABULATEBYTEFUNCTIONS_H
