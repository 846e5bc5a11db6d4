//===- Pipelines.h - The rasp lowering pipelines ----------------*- C++ -*-===//
//
// Each pipeline is defined once here and used by rasp-opt (as a registered
// pipeline) and by rasp-run (which stops after any stage for --emit).
//
//===----------------------------------------------------------------------===//

#ifndef RASP_PIPELINES_PIPELINES_H
#define RASP_PIPELINES_PIPELINES_H

#include "mlir/Pass/PassManager.h"

namespace rasp {

/// The stages of the lowering, in order. Each adds its passes on top of the
/// previous ones.
enum class LoweringStage {
  Linalg, // rasp -> linalg on tensors, elementwise maps fused
  Affine, // bufferized, linalg -> affine loops
  LLVM,   // affine -> scf -> cf -> the LLVM dialect
};

/// The textual pass pipeline that one stage adds (for docs and --help).
llvm::StringRef getStagePipeline(LoweringStage stage);

/// Adds the passes of every stage up to and including `last` to `pm` (a
/// pass manager on builtin.module). `rewrite` runs rasp-optimize-selects
/// first (O(n) forms of recognized selects); without it every select takes
/// the generic n-by-n kernel.
mlir::LogicalResult buildRASPLoweringPipeline(mlir::OpPassManager &pm,
                                              LoweringStage last,
                                              bool rewrite = true);

/// Registers --rasp-to-linalg, --rasp-to-affine and --rasp-to-llvm.
void registerRASPPipelines();

} // namespace rasp

#endif // RASP_PIPELINES_PIPELINES_H
