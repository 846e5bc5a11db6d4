//===- Importer.h - RASP source to the rasp dialect --------------*- C++ -*-===//
//
// The RASP language front end: parses a .rasp program, evaluates everything
// that is known at compile time (functions, loops, comprehensions, lists,
// dicts, constant arithmetic) and emits the remaining s-op / selector graph as
// `rasp` dialect IR, one `func.func @NAME() -> !rasp.sop<T>` per output s-op.
//
// See docs/frontend.md for the constructs covered and the limits.
//
//===----------------------------------------------------------------------===//

#ifndef RASP_FRONTEND_IMPORTER_H
#define RASP_FRONTEND_IMPORTER_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"

#include <string>
#include <vector>

namespace llvm {
class SourceMgr;
} // namespace llvm

namespace mlir {
class MLIRContext;
} // namespace mlir

namespace rasp {

struct ImportOptions {
  std::vector<std::string> sopNames;    // empty: every top-level named s-op
  std::vector<std::string> includeDirs; // extra dirs for `load`
};

/// Limits of compile-time evaluation (documented in docs/frontend.md).
constexpr unsigned kMaxCallDepth = 100;    // nested RASP function calls
constexpr unsigned kMaxParseDepth = 200;   // nested expressions / blocks
constexpr unsigned kMaxLoadDepth = 32;     // nested `load` statements
constexpr size_t kMaxListSize = 1000000;   // elements of a compile-time list

/// Parses and evaluates the main buffer of `sourceMgr`. Errors are emitted as
/// MLIR diagnostics at FileLineColLoc locations in that SourceMgr (the tool
/// installs an mlir::SourceMgrDiagnosticHandler, which prints
/// `file:line:col: error: message`, the source line and a caret). Returns
/// null on error. The rasp and func dialects are loaded into `context`.
mlir::OwningOpRef<mlir::ModuleOp>
importRaspProgram(llvm::SourceMgr &sourceMgr, mlir::MLIRContext *context,
                  const ImportOptions &options);

/// The RASP source of the prelude (has_focus, count, sort, ...), evaluated
/// before every program; user definitions shadow its names.
const char *getRaspPrelude();

} // namespace rasp

#endif // RASP_FRONTEND_IMPORTER_H
