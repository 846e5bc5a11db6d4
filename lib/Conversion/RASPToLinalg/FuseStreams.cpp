//===- FuseStreams.cpp - One loop for running sums and maps ---------------===//
//
// See the pass description in mlir-dialect/rasp/Conversion/Passes.td.
//
//===----------------------------------------------------------------------===//

#include "rasp/Conversion/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
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

/// A fused stream over `inputs` and `inits` (its block has one argument per
/// operand, in order, and no ops yet; the rewriter's insertion point is set
/// into it), in order when `inOrder`.
linalg::GenericOp createStream(PatternRewriter &rewriter, Location loc,
                               ValueRange inputs, ValueRange inits,
                               ArrayRef<AffineMap> maps, bool inOrder) {
  auto fused = linalg::GenericOp::create(
      rewriter, loc, inits.getTypes(), inputs, inits, maps,
      ArrayRef<utils::IteratorType>{inOrder ? utils::IteratorType::reduction
                                            : utils::IteratorType::parallel});
  Block *block = rewriter.createBlock(&fused.getRegion());
  for (Value operand : llvm::concat<const Value>(inputs, inits))
    block->addArgument(getElementTypeOrSelf(operand.getType()), loc);
  return fused;
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
    auto fused = createStream(rewriter, consumer.getLoc(), inputs, inits, maps, inOrder);
    fused->setDiscardableAttrs(consumer->getDiscardableAttrDictionary());
    Block *block = fused.getBody();
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

/// The operation whose block is `block` that contains `op` (op itself, or
/// the ancestor of a nested op), or null.
Operation *ancestorIn(Block *block, Operation *op) {
  while (op && op->getBlock() != block)
    op = op->getParentOp();
  return op;
}

/// Two streams over the same input (siblings: neither reads the other's
/// results) become one loop: dyck's and shuffle_dyck's running sums are
/// recomputed by a second loop for the per-position output after a first
/// one made the totals, each reading the tokens again. The later sibling's
/// place takes the fused loop; the earlier one's users in between move after
/// it, which they can only when they are pure and the later loop reads none.
struct FuseSiblingStreams : OpRewritePattern<linalg::GenericOp> {
  FuseSiblingStreams(MLIRContext *ctx, unsigned maxOps)
      : OpRewritePattern<linalg::GenericOp>(ctx), maxOps(maxOps) {}

  LogicalResult matchAndRewrite(linalg::GenericOp later,
                                PatternRewriter &rewriter) const override {
    if (!isStream(later))
      return failure();
    Block *block = later->getBlock();
    for (Operation &candidate : *block) {
      if (&candidate == later.getOperation())
        break;
      auto earlier = llvm::dyn_cast<linalg::GenericOp>(candidate);
      if (!earlier || !isStream(earlier) || !sharesInput(earlier, later))
        continue;
      size_t ops = earlier.getBody()->getOperations().size() +
                   later.getBody()->getOperations().size();
      SmallVector<Operation *> between;
      if (ops > maxOps || !usersCanFollow(earlier, later, between))
        continue;
      // The earlier loop's users before the later one (a total's
      // tensor.extract) move after it, in order.
      Operation *after = later.getOperation();
      for (Operation *op : between) {
        rewriter.moveOpAfter(op, after);
        after = op;
      }
      fuse(earlier, later, rewriter);
      return success();
    }
    return failure();
  }

  static bool sharesInput(linalg::GenericOp a, linalg::GenericOp b) {
    for (OpOperand *x : a.getDpsInputOperands())
      for (OpOperand *y : b.getDpsInputOperands())
        if (x->get() == y->get())
          return true;
    return false;
  }

  /// True when every op between `earlier` and `later` that depends on
  /// `earlier` (collected in `between`, in order) can move after `later`:
  /// `later` reads none of them, and they have no side effects.
  static bool usersCanFollow(linalg::GenericOp earlier, linalg::GenericOp later,
                             SmallVectorImpl<Operation *> &between) {
    llvm::SmallPtrSet<Operation *, 8> dependent = {earlier.getOperation()};
    for (Operation *op = earlier->getNextNode(); op != later.getOperation();
         op = op->getNextNode()) {
      bool depends = false;
      op->walk([&](Operation *nested) {
        for (Value operand : nested->getOperands())
          if (Operation *def = operand.getDefiningOp())
            depends |= dependent.contains(ancestorIn(later->getBlock(), def));
      });
      if (!depends)
        continue;
      if (!isMemoryEffectFree(op) || op->getNumRegions() != 0)
        return false;
      dependent.insert(op);
      between.push_back(op);
    }
    // Neither as an operand nor as a value its body captures (a total
    // extracted from `earlier`'s reduction).
    bool reads = false;
    later->walk([&](Operation *nested) {
      for (Value operand : nested->getOperands())
        if (Operation *def = operand.getDefiningOp())
          reads |= dependent.contains(ancestorIn(later->getBlock(), def));
    });
    return !reads;
  }

  static void fuse(linalg::GenericOp earlier, linalg::GenericOp later,
                   PatternRewriter &rewriter) {
    // Inputs once each (both loops read the tokens: one read, and the
    // accumulators over them become equivalent).
    SmallVector<Value> inputs, inits;
    SmallVector<AffineMap> maps;
    for (linalg::GenericOp op : {earlier, later})
      for (OpOperand *input : op.getDpsInputOperands())
        if (!llvm::is_contained(inputs, input->get())) {
          inputs.push_back(input->get());
          maps.push_back(op.getMatchingIndexingMap(input));
        }
    for (linalg::GenericOp op : {earlier, later})
      for (OpOperand &init : op.getDpsInitsMutable()) {
        inits.push_back(init.get());
        maps.push_back(op.getMatchingIndexingMap(&init));
      }
    bool inOrder = isInOrder(earlier) || isInOrder(later);
    rewriter.setInsertionPoint(later);
    auto fused = createStream(rewriter, later.getLoc(), inputs, inits, maps, inOrder);
    Block *body = fused.getBody();
    // Block arguments: inputs of both, then outputs of both, in order.
    unsigned nextInit = inputs.size();
    IRMapping maps2[2];
    linalg::GenericOp ops[2] = {earlier, later};
    for (int k = 0; k < 2; ++k)
      for (OpOperand *input : ops[k].getDpsInputOperands())
        maps2[k].map(ops[k].getMatchingBlockArgument(input),
                     body->getArgument(llvm::find(inputs, input->get()) - inputs.begin()));
    for (int k = 0; k < 2; ++k)
      for (OpOperand &init : ops[k].getDpsInitsMutable())
        maps2[k].map(ops[k].getMatchingBlockArgument(&init), body->getArgument(nextInit++));
    SmallVector<Value> yields;
    rewriter.setInsertionPointToEnd(body);
    for (int k = 0; k < 2; ++k) {
      for (Operation &op : ops[k].getBody()->without_terminator())
        rewriter.clone(op, maps2[k]);
      for (Value value : ops[k].getBody()->getTerminator()->getOperands())
        yields.push_back(maps2[k].lookupOrDefault(value));
    }
    linalg::YieldOp::create(rewriter, later.getLoc(), yields);
    unsigned earlierResults = earlier->getNumResults();
    rewriter.replaceOp(later, fused.getResults().drop_front(earlierResults));
    rewriter.replaceOp(earlier, fused.getResults().take_front(earlierResults));
  }

  unsigned maxOps;
};

/// True when `a` and `b` compute the same value given that the block
/// arguments `argA` and `argB` hold the same value.
bool equivalentUnder(Value a, Value b, Value argA, Value argB, unsigned depth = 0) {
  if (a == b || (a == argA && b == argB) || (a == argB && b == argA))
    return true;
  Operation *opA = a.getDefiningOp(), *opB = b.getDefiningOp();
  if (!opA || !opB || depth > 16 || opA->getName() != opB->getName() ||
      opA->getAttrDictionary() != opB->getAttrDictionary() ||
      opA->getNumOperands() != opB->getNumOperands() || opA->getNumRegions() ||
      !isMemoryEffectFree(opA) ||
      llvm::cast<OpResult>(a).getResultNumber() != llvm::cast<OpResult>(b).getResultNumber())
    return false;
  for (auto [x, y] : llvm::zip(opA->getOperands(), opB->getOperands()))
    if (!equivalentUnder(x, y, argA, argB, depth + 1))
      return false;
  return true;
}

/// Two accumulators of one loop with the same initial value and the same
/// update (each in terms of its own value) hold the same value at every
/// step: the later one's uses take the earlier one (sibling fusion leaves
/// such pairs: both loops counted the same tokens), and canonicalization
/// then drops it.
struct MergeEquivalentAccumulators : OpRewritePattern<linalg::GenericOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(linalg::GenericOp op,
                                PatternRewriter &rewriter) const override {
    if (!isStream(op) || !isInOrder(op))
      return failure();
    auto yield = llvm::cast<linalg::YieldOp>(op.getBody()->getTerminator());
    SmallVector<OpOperand *> accumulators;
    for (OpOperand &init : op.getDpsInitsMutable())
      if (llvm::cast<RankedTensorType>(init.get().getType()).getRank() == 0)
        accumulators.push_back(&init);
    for (size_t i = 0; i < accumulators.size(); ++i)
      for (size_t j = i + 1; j < accumulators.size(); ++j) {
        OpOperand *a = accumulators[i], *b = accumulators[j];
        BlockArgument argA = op.getMatchingBlockArgument(a);
        BlockArgument argB = op.getMatchingBlockArgument(b);
        if (a->get() != b->get() || argB.use_empty())
          continue;
        unsigned resultA = op.getTiedOpResult(a).getResultNumber();
        unsigned resultB = op.getTiedOpResult(b).getResultNumber();
        if (!equivalentUnder(yield.getOperand(resultA), yield.getOperand(resultB),
                             argA, argB))
          continue;
        rewriter.modifyOpInPlace(op, [&] { argB.replaceAllUsesWith(argA); });
        rewriter.replaceAllUsesWith(op->getResult(resultB), op->getResult(resultA));
        return success();
      }
    return failure();
  }
};

struct RASPFuseStreamsPass
    : public rasp::impl::RASPFuseStreamsBase<RASPFuseStreamsPass> {
  using Base::Base;

  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<FuseStreamProducer, FuseSiblingStreams>(&getContext(), maxOps);
    patterns.add<MergeEquivalentAccumulators>(&getContext());
    // Outputs left unused by the merge go.
    linalg::populateEraseUnusedOperandsAndResultsPatterns(patterns);
    // Producers left without users go too.
    linalg::GenericOp::getCanonicalizationPatterns(patterns, &getContext());
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();
  }
};

} // namespace
