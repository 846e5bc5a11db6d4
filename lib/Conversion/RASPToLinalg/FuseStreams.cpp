//===- FuseStreams.cpp - One loop for running sums and maps ---------------===//
//
// See the pass description in mlir-dialect/rasp/Conversion/Passes.td.
//
//===----------------------------------------------------------------------===//

#include "rasp/Conversion/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace rasp {
#define GEN_PASS_DEF_RASPFUSESTREAMS
#include "rasp/Conversion/Passes.h.inc"
} // namespace rasp

using namespace mlir;

namespace {

/// A generic with one loop over the positions, on tensors: inputs and
/// per-position outputs are rank 1 with the identity map (the outputs'
/// current values unread), accumulators are rank-0 outputs of an in-order
/// (reduction) loop.
bool isStream(linalg::GenericOp op) {
  if (!op.hasPureTensorSemantics() || op.getNumLoops() != 1)
    return false;
  bool inOrder = op.getIteratorTypesArray()[0] == utils::IteratorType::reduction;
  AffineMap identity = AffineMap::getMultiDimIdentityMap(1, op.getContext());
  for (OpOperand &operand : op->getOpOperands()) {
    auto type = llvm::dyn_cast<RankedTensorType>(operand.get().getType());
    if (!type)
      return false;
    AffineMap map = op.getMatchingIndexingMap(&operand);
    if (type.getRank() == 1) {
      if (map != identity ||
          (op.isDpsInit(&operand) && op.payloadUsesValueFromOperand(&operand)))
        return false;
    } else if (type.getRank() != 0 || !op.isDpsInit(&operand) || !inOrder ||
               map.getNumResults() != 0) {
      return false;
    }
  }
  return true;
}

bool isInOrder(linalg::GenericOp op) {
  return op.getIteratorTypesArray()[0] == utils::IteratorType::reduction;
}

/// Clones `producer` (a stream) into the loop of `consumer` (a stream) that
/// reads one or more of its per-position results.
struct FuseStreamProducer : OpRewritePattern<linalg::GenericOp> {
  FuseStreamProducer(MLIRContext *ctx, unsigned maxOps)
      : OpRewritePattern<linalg::GenericOp>(ctx), maxOps(maxOps) {}

  LogicalResult matchAndRewrite(linalg::GenericOp consumer,
                                PatternRewriter &rewriter) const override {
    if (!isStream(consumer))
      return failure();
    for (OpOperand *input : consumer.getDpsInputOperands()) {
      auto producer = input->get().getDefiningOp<linalg::GenericOp>();
      if (!producer || !isStream(producer))
        continue;
      size_t ops = consumer.getBody()->getOperations().size() +
                   producer.getBody()->getOperations().size();
      if (ops > maxOps || !keepsLoopBound(producer, consumer))
        continue;
      fuse(producer, consumer, rewriter);
      return success();
    }
    return failure();
  }

  /// The fused loop's bound comes from its rank-1 operands: the consumer's
  /// other inputs, the producer's inputs, the consumer's per-position
  /// outputs. A producer without inputs (`indices - 2`) into a consumer
  /// with only 0-d outputs (a run-time check) would leave none.
  static bool keepsLoopBound(linalg::GenericOp producer, linalg::GenericOp consumer) {
    auto isRank1 = [](Value v) {
      return llvm::cast<RankedTensorType>(v.getType()).getRank() == 1;
    };
    for (OpOperand *input : consumer.getDpsInputOperands())
      if (input->get().getDefiningOp() != producer.getOperation())
        return true;
    if (producer.getNumDpsInputs() > 0)
      return true;
    return llvm::any_of(consumer.getDpsInits(), isRank1);
  }

  static void fuse(linalg::GenericOp producer, linalg::GenericOp consumer,
                   PatternRewriter &rewriter) {
    MLIRContext *ctx = consumer.getContext();
    AffineMap identity = AffineMap::getMultiDimIdentityMap(1, ctx);
    AffineMap scalar = AffineMap::get(1, 0, {}, ctx);
    // Operands: the consumer's inputs that are not the producer's, the
    // producer's inputs; the producer's accumulators, the consumer's outputs.
    SmallVector<Value> inputs, inits;
    SmallVector<AffineMap> maps;
    for (OpOperand *input : consumer.getDpsInputOperands())
      if (input->get().getDefiningOp() != producer.getOperation()) {
        inputs.push_back(input->get());
        maps.push_back(identity);
      }
    for (OpOperand *input : producer.getDpsInputOperands()) {
      inputs.push_back(input->get());
      maps.push_back(identity);
    }
    SmallVector<OpOperand *> accumulators;
    for (OpOperand &init : producer.getDpsInitsMutable())
      if (llvm::cast<RankedTensorType>(init.get().getType()).getRank() == 0) {
        accumulators.push_back(&init);
        inits.push_back(init.get());
        maps.push_back(scalar);
      }
    for (OpOperand &init : consumer.getDpsInitsMutable()) {
      inits.push_back(init.get());
      maps.push_back(consumer.getMatchingIndexingMap(&init));
    }
    bool inOrder = isInOrder(producer) || isInOrder(consumer);
    auto fused = linalg::GenericOp::create(
        rewriter, consumer.getLoc(), ValueRange(inits).getTypes(), inputs, inits, maps,
        ArrayRef<utils::IteratorType>{inOrder ? utils::IteratorType::reduction
                                              : utils::IteratorType::parallel});
    fused->setDiscardableAttrs(consumer->getDiscardableAttrDictionary());

    // The fused block's arguments, in operand order.
    Block *block = rewriter.createBlock(&fused.getRegion());
    for (Value operand : llvm::concat<Value>(inputs, inits))
      block->addArgument(getElementTypeOrSelf(operand.getType()), consumer.getLoc());
    unsigned nextArg = 0;
    IRMapping consumerMap, producerMap;
    for (OpOperand *input : consumer.getDpsInputOperands())
      if (input->get().getDefiningOp() != producer.getOperation())
        consumerMap.map(consumer.getMatchingBlockArgument(input),
                        block->getArgument(nextArg++));
    for (OpOperand *input : producer.getDpsInputOperands())
      producerMap.map(producer.getMatchingBlockArgument(input),
                      block->getArgument(nextArg++));
    for (OpOperand *accumulator : accumulators)
      producerMap.map(producer.getMatchingBlockArgument(accumulator),
                      block->getArgument(nextArg++));
    for (OpOperand &init : consumer.getDpsInitsMutable())
      consumerMap.map(consumer.getMatchingBlockArgument(&init),
                      block->getArgument(nextArg++));

    // The producer's body first; its per-position results feed the
    // consumer's reads of them.
    rewriter.setInsertionPointToEnd(block);
    for (Operation &op : producer.getBody()->without_terminator())
      rewriter.clone(op, producerMap);
    auto producerYield = llvm::cast<linalg::YieldOp>(producer.getBody()->getTerminator());
    SmallVector<Value> yields;
    for (OpOperand *accumulator : accumulators)
      yields.push_back(producerMap.lookupOrDefault(
          producerYield.getOperand(producer.getTiedOpResult(accumulator).getResultNumber())));
    for (OpOperand *input : consumer.getDpsInputOperands())
      if (auto result = llvm::dyn_cast<OpResult>(input->get());
          result && result.getOwner() == producer.getOperation())
        consumerMap.map(consumer.getMatchingBlockArgument(input),
                        producerMap.lookupOrDefault(
                            producerYield.getOperand(result.getResultNumber())));
    for (Operation &op : consumer.getBody()->without_terminator())
      rewriter.clone(op, consumerMap);
    for (Value value : consumer.getBody()->getTerminator()->getOperands())
      yields.push_back(consumerMap.lookupOrDefault(value));
    linalg::YieldOp::create(rewriter, consumer.getLoc(), yields);

    rewriter.replaceOp(consumer,
                       fused.getResults().drop_front(accumulators.size()));
  }

  unsigned maxOps;
};

struct RASPFuseStreamsPass
    : public rasp::impl::RASPFuseStreamsBase<RASPFuseStreamsPass> {
  using Base::Base;

  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<FuseStreamProducer>(&getContext(), maxOps);
    // Producers left without users go too.
    linalg::GenericOp::getCanonicalizationPatterns(patterns, &getContext());
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();
  }
};

} // namespace
