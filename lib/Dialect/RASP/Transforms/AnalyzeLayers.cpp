//===- AnalyzeLayers.cpp - Annotate the paper's layer/head counts ---------===//

#include "rasp/Dialect/RASP/Analysis/LayerAnalysis.h"
#include "rasp/Dialect/RASP/Transforms/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"

namespace rasp {
#define GEN_PASS_DEF_RASPANALYZELAYERS
#include "rasp/Dialect/RASP/Transforms/Passes.h.inc"
} // namespace rasp

using namespace mlir;
using namespace rasp;

namespace {
struct AnalyzeLayersPass
    : public rasp::impl::RASPAnalyzeLayersBase<AnalyzeLayersPass> {
  using Base::Base;

  void runOnOperation() override {
    func::FuncOp fn = getOperation();
    if (fn.isExternal())
      return;
    llvm::DenseMap<Operation *, int64_t> opLayers;
    LayerReport report = analyzeLayers(fn, opLayers);
    Builder builder(fn.getContext());
    for (auto [op, layer] : opLayers)
      op->setAttr("rasp.layer", builder.getI64IntegerAttr(layer));
    fn->setAttr("rasp.layers", builder.getI64IntegerAttr(report.layers));
    fn->setAttr("rasp.heads", builder.getDenseI64ArrayAttr(report.heads));
    markAllAnalysesPreserved();
  }
};
} // namespace
