//===- LayerAnalysis.h - The paper's layer and head counts ------*- C++ -*-===//
//
// "Thinking Like Transformers" compiles a RASP program to a transformer whose
// depth is the longest chain of attention operations (aggregate,
// selector_width) and whose width in each layer is the number of distinct
// attention patterns (selectors) used there. docs/layers.md has the rules.
//
//===----------------------------------------------------------------------===//

#ifndef RASP_DIALECT_RASP_ANALYSIS_LAYERANALYSIS_H
#define RASP_DIALECT_RASP_ANALYSIS_LAYERANALYSIS_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "llvm/ADT/DenseMap.h"

#include <cstdint>
#include <vector>

namespace rasp {

struct LayerReport {
  /// The number of layers: the layer of the returned s-op.
  int64_t layers = 0;
  /// heads[i] = the number of heads in layer i + 1.
  std::vector<int64_t> heads;
};

/// Counts the layers and heads of `fn` (one block, returning one s-op) by the
/// paper's rules:
/// - tokens, indices and constants are at layer 0; maps (every element-wise
///   op) add no layer: their layer is the max of their operands';
/// - a selector's depth is the max of its operands' layers (keys and queries
///   of a select; the operand selectors of select_and/or/not);
/// - aggregate and selector_width sit at 1 + max(selector depth, values'
///   layer); `length` is at layer 1;
/// - the heads of a layer are the distinct selectors used there by aggregates
///   and selector_widths, compared structurally (two selector trees built by
///   the same ops from the same inputs are one head, whatever their SSA
///   values); `length` is one more head in layer 1.
/// Only the ops the returned s-op depends on count.
LayerReport analyzeLayers(mlir::func::FuncOp fn);

/// As above, and sets `opLayers[op]` for every aggregate, selector_width and
/// length op of `fn`'s body (dead ones too: their layer is still defined).
LayerReport analyzeLayers(mlir::func::FuncOp fn,
                          llvm::DenseMap<mlir::Operation *, int64_t> &opLayers);

} // namespace rasp

#endif // RASP_DIALECT_RASP_ANALYSIS_LAYERANALYSIS_H
