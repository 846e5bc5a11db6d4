//===- rasp-fuzz-frontend.cpp - libFuzzer harness for the front end -------===//
//
// Bytes -> rasp::importRaspProgram on a SourceMgr buffer. The front end must
// never crash, hang or trip a sanitizer, whatever the bytes; diagnostics are
// discarded. A module that comes back must verify.
//
//===----------------------------------------------------------------------===//

#include "rasp/Frontend/Importer.h"
#include "rasp/InitAllRASP.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"

#include <cstdint>
#include <cstdlib>

static mlir::MLIRContext &getContext() {
  static mlir::MLIRContext *context = [] {
    mlir::DialectRegistry registry;
    rasp::registerAllDialects(registry);
    auto *ctx = new mlir::MLIRContext(registry,
                                      mlir::MLIRContext::Threading::DISABLED);
    ctx->loadAllAvailableDialects();
    return ctx;
  }();
  return *context;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  // Long inputs only slow the fuzzer down; the limits of the front end are
  // tested by lit tests.
  if (size > 4096)
    return 0;
  mlir::MLIRContext &context = getContext();
  llvm::SourceMgr sourceMgr;
  sourceMgr.AddNewSourceBuffer(
      llvm::MemoryBuffer::getMemBufferCopy(
          llvm::StringRef(reinterpret_cast<const char *>(data), size),
          "fuzz.rasp"),
      llvm::SMLoc());
  // Discard every diagnostic.
  mlir::ScopedDiagnosticHandler handler(
      &context, [](mlir::Diagnostic &) { return mlir::success(); });
  rasp::ImportOptions options; // `load` finds nothing: no include dirs
  mlir::OwningOpRef<mlir::ModuleOp> module =
      rasp::importRaspProgram(sourceMgr, &context, options);
  if (module && mlir::failed(mlir::verify(*module)))
    std::abort(); // the front end promised a verified module
  return 0;
}
