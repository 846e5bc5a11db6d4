//===- StreamLastValue.cpp - Keep only the last value of a stream output --===//
//
// See the pass description in mlir-dialect/rasp/Conversion/Passes.td.
//
//===----------------------------------------------------------------------===//

#include "rasp/Conversion/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace rasp {
#define GEN_PASS_DEF_RASPSTREAMLASTVALUE
#include "rasp/Conversion/Passes.h.inc"
} // namespace rasp

using namespace mlir;

namespace {

/// `value` with index and integer casts looked through.
Value stripCasts(Value value) {
  while (Operation *def = value.getDefiningOp()) {
    if (!llvm::isa<arith::IndexCastOp, arith::IndexCastUIOp>(def))
      break;
    value = def->getOperand(0);
  }
  return value;
}

/// Whether `size` is the trip count of `stream`'s loop: `tensor.dim %t, 0` of
/// one of its rank-1 operands, or the size of the `tensor.empty` one of its
/// outputs starts from.
bool isTripCount(Value size, linalg::GenericOp stream) {
  auto dim = size.getDefiningOp<tensor::DimOp>();
  if (dim && dim.getConstantIndex() != std::optional<int64_t>(0))
    dim = {};
  for (Value operand : stream->getOperands()) {
    if (dim && dim.getSource() == operand)
      return true;
    if (auto empty = operand.getDefiningOp<tensor::EmptyOp>())
      if (empty.getType().getRank() == 1 && empty.getDynamicSizes().size() == 1 &&
          empty.getDynamicSizes()[0] == size)
        return true;
  }
  return false;
}

/// Whether `index` is the stream's last position: trip count - 1.
bool isLastPosition(Value index, linalg::GenericOp stream) {
  Operation *def = stripCasts(index).getDefiningOp();
  APInt step;
  if (auto sub = llvm::dyn_cast_or_null<arith::SubIOp>(def)) {
    if (matchPattern(sub.getRhs(), m_ConstantInt(&step)) && step.isOne())
      return isTripCount(stripCasts(sub.getLhs()), stream);
  } else if (auto add = llvm::dyn_cast_or_null<arith::AddIOp>(def)) {
    if (matchPattern(add.getRhs(), m_ConstantInt(&step)) && step.isAllOnes())
      return isTripCount(stripCasts(add.getLhs()), stream);
  }
  return false;
}

/// Whether result `number` of `stream` is a per-position output that the
/// body does not read and that is only ever extracted at the last position.
bool isOnlyReadAtEnd(linalg::GenericOp stream, unsigned number) {
  OpOperand *init = stream.getDpsInitOperand(number);
  auto type = llvm::dyn_cast<RankedTensorType>(init->get().getType());
  if (!type || type.getRank() != 1 ||
      stream.getMatchingIndexingMap(init) !=
          AffineMap::getMultiDimIdentityMap(1, stream.getContext()) ||
      stream.payloadUsesValueFromOperand(init))
    return false;
  Value result = stream->getResult(number);
  if (result.use_empty())
    return false;
  return llvm::all_of(result.getUsers(), [&](Operation *user) {
    auto extract = llvm::dyn_cast<tensor::ExtractOp>(user);
    return extract && extract.getIndices().size() == 1 &&
           isLastPosition(extract.getIndices()[0], stream);
  });
}

/// A stream (one loop, run in order) whose per-position output is only read
/// at position n - 1 keeps that position's value in a 0-d output instead: the
/// loop yields it at every position, and the last write wins.
struct KeepLastValue : OpRewritePattern<linalg::GenericOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(linalg::GenericOp stream,
                                PatternRewriter &rewriter) const override {
    if (!stream.hasPureTensorSemantics() || stream.getNumLoops() != 1 ||
        stream.getIteratorTypesArray()[0] != utils::IteratorType::reduction)
      return rewriter.notifyMatchFailure(stream, "not a stream run in order");
    SmallVector<unsigned> lastOnly;
    for (unsigned number = 0, e = stream.getNumDpsInits(); number < e; ++number)
      if (isOnlyReadAtEnd(stream, number))
        lastOnly.push_back(number);
    if (lastOnly.empty())
      return rewriter.notifyMatchFailure(stream, "no output read only at the end");
    // The loop's trip count comes from the operands indexed by it: one must
    // stay (a stream with no input that computes from linalg.index, such as
    // a look-up on indices, would otherwise lose its bound).
    bool keepsBound = false;
    for (OpOperand &operand : stream->getOpOperands()) {
      bool turnedScalar = stream.isDpsInit(&operand) &&
                          llvm::is_contained(lastOnly, operand.getOperandNumber() -
                                                           stream.getNumDpsInputs());
      if (!turnedScalar && stream.getMatchingIndexingMap(&operand).getNumResults() > 0)
        keepsBound = true;
    }
    if (!keepsBound)
      return rewriter.notifyMatchFailure(stream, "no operand would keep the trip count");

    Location loc = stream.getLoc();
    MLIRContext *ctx = stream.getContext();
    AffineMap scalarMap = AffineMap::get(1, 0, ctx);
    SmallVector<Value> inits = stream.getDpsInits();
    SmallVector<AffineMap> maps = stream.getIndexingMapsArray();
    for (unsigned number : lastOnly) {
      // The value stays defined when the loop runs zero times (no extract
      // then executes, but the buffer is read by nothing undefined).
      Type element = getElementTypeOrSelf(inits[number].getType());
      Value empty = tensor::EmptyOp::create(rewriter, loc, ArrayRef<int64_t>{}, element);
      Value zero = arith::ConstantOp::create(rewriter, loc, rewriter.getZeroAttr(element));
      inits[number] = linalg::FillOp::create(rewriter, loc, zero, empty).getResult(0);
      maps[stream.getNumDpsInputs() + number] = scalarMap;
    }
    SmallVector<Type> resultTypes;
    for (Value init : inits)
      resultTypes.push_back(init.getType());
    auto kept = linalg::GenericOp::create(rewriter, loc, resultTypes,
                                          stream.getDpsInputs(), inits, maps,
                                          stream.getIteratorTypesArray());
    kept->setDiscardableAttrs(stream->getDiscardableAttrDictionary());
    rewriter.inlineRegionBefore(stream.getRegion(), kept.getRegion(),
                                kept.getRegion().begin());
    for (unsigned number : lastOnly)
      for (Operation *user : llvm::make_early_inc_range(stream->getResult(number).getUsers())) {
        rewriter.setInsertionPoint(user);
        rewriter.replaceOpWithNewOp<tensor::ExtractOp>(user, kept->getResult(number),
                                                       ValueRange{});
      }
    for (unsigned number = 0, e = stream->getNumResults(); number < e; ++number)
      if (!llvm::is_contained(lastOnly, number))
        rewriter.replaceAllUsesWith(stream->getResult(number), kept->getResult(number));
    rewriter.eraseOp(stream);
    return success();
  }
};

struct RASPStreamLastValuePass
    : public rasp::impl::RASPStreamLastValueBase<RASPStreamLastValuePass> {
  using Base::Base;

  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<KeepLastValue>(&getContext());
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();
  }
};

} // namespace
