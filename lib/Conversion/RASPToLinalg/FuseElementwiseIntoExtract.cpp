//===- FuseElementwiseIntoExtract.cpp - Gathers read producers' inputs ----===//
//
// See the pass description in mlir-dialect/rasp/Conversion/Passes.td.
//
//===----------------------------------------------------------------------===//

#include "rasp/Conversion/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace rasp {
#define GEN_PASS_DEF_RASPFUSEELEMENTWISEINTOEXTRACT
#include "rasp/Conversion/Passes.h.inc"
} // namespace rasp

using namespace mlir;

namespace {

/// Bytes of one element as stored (i1: a byte).
unsigned storedBits(Type type) {
  return std::max(8u, type.getIntOrFloatBitWidth());
}

/// An element-wise generic on rank-1 tensors whose body can be recomputed at
/// one position: one parallel loop, identity maps, outputs not read, at most
/// `maxOps` side-effect-free operations, reading no more bytes per position
/// than its result `resultNumber` stores (a widening, a map of one narrower
/// column: reading the inputs instead moves less memory, never more).
bool isRecomputable(linalg::GenericOp op, unsigned resultNumber, unsigned maxOps) {
  if (!op.hasPureTensorSemantics() || op.getNumLoops() != 1 ||
      op.getIteratorTypesArray()[0] != utils::IteratorType::parallel)
    return false;
  AffineMap identity = AffineMap::getMultiDimIdentityMap(1, op.getContext());
  for (OpOperand &operand : op->getOpOperands()) {
    auto type = llvm::dyn_cast<RankedTensorType>(operand.get().getType());
    if (!type || type.getRank() != 1 || op.getMatchingIndexingMap(&operand) != identity)
      return false;
    if (op.isDpsInit(&operand) && op.payloadUsesValueFromOperand(&operand))
      return false;
  }
  unsigned inputBits = 0;
  for (OpOperand *input : op.getDpsInputOperands())
    inputBits += storedBits(getElementTypeOrSelf(input->get().getType()));
  if (inputBits > storedBits(getElementTypeOrSelf(op->getResult(resultNumber).getType())))
    return false;
  unsigned ops = 0;
  for (Operation &bodyOp : op.getBody()->without_terminator()) {
    if (++ops > maxOps || bodyOp.getNumRegions() != 0 || !isMemoryEffectFree(&bodyOp))
      return false;
    if (auto index = llvm::dyn_cast<linalg::IndexOp>(bodyOp); index && index.getDim() != 0)
      return false;
  }
  return true;
}

/// tensor.extract %r[%j], %r = generic(ins %a, %b) { body }
///   -> %x = tensor.extract %a[%j], %y = tensor.extract %b[%j], body(%x, %y)
struct FuseProducerIntoExtract : OpRewritePattern<tensor::ExtractOp> {
  FuseProducerIntoExtract(MLIRContext *ctx, unsigned maxOps)
      : OpRewritePattern(ctx), maxOps(maxOps) {}

  LogicalResult matchAndRewrite(tensor::ExtractOp extract,
                                PatternRewriter &rewriter) const override {
    auto result = llvm::dyn_cast<OpResult>(extract.getTensor());
    auto producer = result ? llvm::dyn_cast<linalg::GenericOp>(result.getOwner())
                           : linalg::GenericOp();
    if (!producer || extract.getIndices().size() != 1 ||
        !isRecomputable(producer, result.getResultNumber(), maxOps))
      return rewriter.notifyMatchFailure(extract, "not a recomputable producer");
    Value position = extract.getIndices()[0];
    Location loc = extract.getLoc();
    IRMapping mapping;
    for (OpOperand *input : producer.getDpsInputOperands())
      mapping.map(producer.getMatchingBlockArgument(input),
                  tensor::ExtractOp::create(rewriter, loc, input->get(), position));
    for (Operation &op : producer.getBody()->without_terminator()) {
      if (auto index = llvm::dyn_cast<linalg::IndexOp>(op)) {
        mapping.map(index.getResult(), position);
        continue;
      }
      rewriter.clone(op, mapping);
    }
    Value yielded =
        producer.getBody()->getTerminator()->getOperand(result.getResultNumber());
    rewriter.replaceOp(extract, mapping.lookupOrDefault(yielded));
    return success();
  }

  unsigned maxOps;
};

struct RASPFuseElementwiseIntoExtractPass
    : public rasp::impl::RASPFuseElementwiseIntoExtractBase<
          RASPFuseElementwiseIntoExtractPass> {
  using Base::Base;

  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<FuseProducerIntoExtract>(&getContext(), maxOps);
    // Producers left without users go too.
    linalg::GenericOp::getCanonicalizationPatterns(patterns, &getContext());
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();
  }
};

} // namespace
