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
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"

#include <memory>
#include <mutex>
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
  /// String ids as the module stores them (JITProgram::getStringIdBytes):
  /// four bytes each in `stringIds`, or one in `stringIds8`.
  std::vector<int32_t> stringIds;
  std::vector<uint8_t> stringIds8;
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

  /// The bytes of each string id in the inputs and outputs: 1 or 4 (the
  /// module's rasp.string_storage).
  unsigned getStringIdBytes() const { return stringIdBytes; }

  /// The bytes of each value in output function `name`'s output buffer
  /// (rasp.output_storage): 1 for bools and small-table string ids, 4 for
  /// other string ids and ints that fit in i32, 8 for ints and floats.
  /// Signed ints: a reader sign-extends.
  unsigned getOutputBytes(llvm::StringRef name) const;

  /// Runs output function `name` on `inputs`, writing n values of
  /// getOutputBytes(name) each into `output`, with `threads` OpenMP threads
  /// for the parallel query loops (0: all cores). Returns the first run-time
  /// report.
  llvm::Expected<RuntimeReport> run(llvm::StringRef name,
                                    const LoweredInputs &inputs, void *output,
                                    unsigned threads = 0);

private:
  std::unique_ptr<mlir::ExecutionEngine> engine;
  bool parallel = false; // uses the OpenMP runtime
  unsigned stringIdBytes = 4;
  llvm::StringMap<unsigned> outputBytes;
  /// Output functions' entry points, looked up once (lookupEntry).
  llvm::Expected<void *> lookupEntry(llvm::StringRef name);
  std::mutex entryMutex;
  llvm::StringMap<void *> entries;

};

/// Value i of an output buffer of signed ints `bytes` wide (1, 4 or 8).
inline int64_t readStoredInt(const uint8_t *buffer, unsigned bytes, size_t i) {
  switch (bytes) {
  case 1: return reinterpret_cast<const int8_t *>(buffer)[i];
  case 4: return reinterpret_cast<const int32_t *>(buffer)[i];
  default: return reinterpret_cast<const int64_t *>(buffer)[i];
  }
}

/// LLVM IR of `llvmModule` after the same -O3 pipeline the JIT runs.
llvm::Error emitLLVMIR(mlir::ModuleOp llvmModule, llvm::raw_ostream &os);
/// Host assembly of `llvmModule`, as the JIT would generate it.
llvm::Error emitAssembly(mlir::ModuleOp llvmModule, llvm::raw_ostream &os);

} // namespace rasp

#endif // RASP_JIT_JIT_H
