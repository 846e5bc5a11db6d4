//===- Pipelines.h - The rasp lowering pipelines ----------------*- C++ -*-===//
//
// Each pipeline is defined once here and used by rasp-opt (as a registered
// pipeline) and by rasp-run (which stops after any stage for --emit).
//
//===----------------------------------------------------------------------===//

#ifndef RASP_PIPELINES_PIPELINES_H
#define RASP_PIPELINES_PIPELINES_H

#include "mlir/Pass/PassManager.h"

#include <string>

namespace rasp {

/// The stages of the lowering, in order. Each adds its passes on top of the
/// previous ones.
enum class LoweringStage {
  Optimized, // rasp after rasp-optimize-selects (which kernel each select became)
  Linalg, // rasp -> linalg on tensors, elementwise maps fused
  Affine, // bufferized, linalg -> affine loops
  LLVM,   // affine -> scf -> cf -> the LLVM dialect
};


/// Options of the lowering pipelines.
struct LoweringOptions {
  /// Run rasp-optimize-selects first (O(n) forms of recognized selects);
  /// without it every select takes the generic n-by-n kernel.
  bool rewrite = true;
  /// Emit the select loops' query blocks as parallel loops (OpenMP threads).
  /// A one-thread run is compiled without them: no runtime start-up cost.
  bool parallel = true;
  /// Store string ids (i8 for small tables) and outputs (i32 where values
  /// fit) narrowly: convert-rasp-to-linalg's narrow-storage.
  bool narrowStorage = true;
  /// Reduce keyed_reduce ops over byte columns per byte value:
  /// convert-rasp-to-linalg's byte-tables.
  bool byteTables = true;
};

/// The textual pass pipeline that one stage adds.
std::string getStagePipeline(LoweringStage stage,
                             const LoweringOptions &options = {});

/// Adds the passes of every stage up to and including `last` to `pm` (a
/// pass manager on builtin.module).
mlir::LogicalResult buildRASPLoweringPipeline(mlir::OpPassManager &pm,
                                              LoweringStage last,
                                              const LoweringOptions &options = {});

/// Registers --rasp-to-linalg, --rasp-to-affine and --rasp-to-llvm.
void registerRASPPipelines();

} // namespace rasp

#endif // RASP_PIPELINES_PIPELINES_H
