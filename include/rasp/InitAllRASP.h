//===- InitAllRASP.h - Registration shared by every rasp tool ---*- C++ -*-===//
//
// One place registers the rasp dialect, its passes and pipelines, and the
// upstream dialects, extensions and passes the lowering uses, so that
// rasp-opt, rasp-translate and rasp-run accept the same IR and pipelines.
//
//===----------------------------------------------------------------------===//

#ifndef RASP_INITALLRASP_H
#define RASP_INITALLRASP_H

namespace mlir {
class DialectRegistry;
} // namespace mlir

namespace rasp {

/// The rasp dialect and every upstream dialect and external model the
/// lowering to LLVM uses.
void registerAllDialects(mlir::DialectRegistry &registry);

/// Translations from the LLVM dialect to LLVM IR (for the JIT and --emit).
void registerAllTranslations(mlir::DialectRegistry &registry);

/// rasp passes, conversion passes, pipelines, and upstream passes.
void registerAllPasses();

} // namespace rasp

#endif // RASP_INITALLRASP_H
