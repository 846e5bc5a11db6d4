//===- JIT.h - Native code for lowered rasp programs ------------*- C++ -*-===//
//
// Compiles a module in the LLVM dialect (the output of the rasp-to-llvm
// pipeline) with MLIR's ExecutionEngine over LLVM ORC, at -O3 for the host
// CPU, and runs its output functions on an input.
//
//===----------------------------------------------------------------------===//

#ifndef RASP_JIT_JIT_H
#define RASP_JIT_JIT_H

#include "rasp/Runtime/Value.h"

#include "mlir/ExecutionEngine/ExecutionEngine.h"
#include "mlir/IR/BuiltinOps.h"
#include "llvm/Support/Error.h"

#include <memory>
#include <string>
#include <vector>

namespace rasp {

/// The first run-time error (or notice) generated code reported.
struct RuntimeReport {
  bool reported = false;
  int64_t code = 0;
  int64_t opId = -1;
  int64_t position = 0;
};

/// The inputs of a lowered output function, read as every type it needs.
/// Each reading is either n long or empty when the program does not read
/// the input that way (the generated code then never touches it).
struct LoweredInputs {
  int64_t length = 0; // n
  std::vector<int32_t> stringIds;
  std::vector<int64_t> ints;
  std::vector<double> floats;
  std::vector<uint8_t> bools;
};

/// A compiled module: native code for each of its output functions.
class JITProgram {
public:
  /// Translates `llvmModule` (LLVM dialect) to native code for this host.
  /// The host's target machine is given to LLVM's -O3 pipeline as well as to
  /// the code generator: without it the optimizer does not vectorize.
  static llvm::Expected<std::unique_ptr<JITProgram>>
  create(mlir::ModuleOp llvmModule);

  /// Finishes compiling output function `name` (ORC materializes lazily, on
  /// the first look-up), so that run() measures native execution only.
  llvm::Error prepare(llvm::StringRef name);

  /// Runs output function `name` on `inputs`, writing n values of
  /// `elementBytes` each into `output`, with `threads` OpenMP threads for the
  /// parallel query loops (0: all cores). Returns the first run-time report.
  llvm::Expected<RuntimeReport> run(llvm::StringRef name,
                                    const LoweredInputs &inputs, void *output,
                                    unsigned threads = 0);

private:
  std::unique_ptr<mlir::ExecutionEngine> engine;
  bool parallel = false; // uses the OpenMP runtime

};

/// LLVM IR of `llvmModule` after the same -O3 pipeline the JIT runs.
llvm::Error emitLLVMIR(mlir::ModuleOp llvmModule, llvm::raw_ostream &os);
/// Host assembly of `llvmModule`, as the JIT would generate it.
llvm::Error emitAssembly(mlir::ModuleOp llvmModule, llvm::raw_ostream &os);

} // namespace rasp

#endif // RASP_JIT_JIT_H
