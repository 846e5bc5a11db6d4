//===- OptimizeSelects.cpp - Faster forms of recognized selects -----------===//

#include "rasp/Dialect/RASP/IR/RASPOps.h"
#include "rasp/Dialect/RASP/Transforms/KeyedSelector.h"
#include "rasp/Dialect/RASP/Transforms/Passes.h"
#include "rasp/Runtime/KeyedReduce.h"
#include "rasp/Runtime/RuntimeErrors.h"

#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace rasp {
#define GEN_PASS_DEF_RASPOPTIMIZESELECTS
#include "rasp/Dialect/RASP/Transforms/Passes.h.inc"
} // namespace rasp

using namespace mlir;
using namespace rasp;

namespace {

/// The replacement keeps the op's id (rasp.op_id): run-time errors of the
/// new op still name the s-op and source location the user wrote.
template <typename NewOp, typename... Args>
NewOp replaceKeepingId(PatternRewriter &rewriter, Operation *op, Args &&...args) {
  Attribute id = op->getAttr(kOpIdAttrName); // op is erased below
  auto newOp = rewriter.replaceOpWithNewOp<NewOp>(op, std::forward<Args>(args)...);
  if (id)
    newOp->setAttr(kOpIdAttrName, id);
  return newOp;
}

/// The predicate of `select(indices, indices, pred)` with an order predicate.
std::optional<Predicate> matchIndexOrderSelect(Value selector) {
  auto select = selector.getDefiningOp<SelectOp>();
  if (!select || !select.getKeys().getDefiningOp<IndicesOp>() ||
      !select.getQueries().getDefiningOp<IndicesOp>())
    return std::nullopt;
  switch (select.getPredicate()) {
  case Predicate::lt:
  case Predicate::le:
  case Predicate::gt:
  case Predicate::ge:
    return select.getPredicate();
  default:
    return std::nullopt;
  }
}

/// selector_width(select(indices, indices, pred)): how many indices k satisfy
/// pred(k, q) is q + 1, q, n - q or n - q - 1.
struct IndexOrderWidth : OpRewritePattern<SelectorWidthOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(SelectorWidthOp op,
                                PatternRewriter &rewriter) const override {
    std::optional<Predicate> predicate = matchIndexOrderSelect(op.getSelector());
    if (!predicate)
      return failure();
    Location loc = op.getLoc();
    Type type = op.getType();
    auto constant = [&](int64_t value) {
      return ConstantOp::create(rewriter, loc, type, rewriter.getI64IntegerAttr(value));
    };
    Value indices = IndicesOp::create(rewriter, loc, type);
    Value width;
    switch (*predicate) {
    case Predicate::le:
      width = AddOp::create(rewriter, loc, type, indices, constant(1));
      break;
    case Predicate::lt:
      width = indices;
      break;
    case Predicate::ge:
    case Predicate::gt: {
      Value length = LengthOp::create(rewriter, loc, type);
      width = SubOp::create(rewriter, loc, type, length, indices);
      if (*predicate == Predicate::gt)
        width = SubOp::create(rewriter, loc, type, width, constant(1));
      break;
    }
    default:
      return failure();
    }
    rewriter.replaceOp(op, width);
    return success();
  }
};

/// aggregate(select(indices, indices, pred), int values) -> scan_mean.
struct IndexOrderMean : OpRewritePattern<AggregateOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(AggregateOp op,
                                PatternRewriter &rewriter) const override {
    std::optional<Predicate> predicate = matchIndexOrderSelect(op.getSelector());
    if (!predicate || !op.getValues().getType().isInt())
      return failure();
    replaceKeepingId<ScanMeanOp>(rewriter, op, op.getType(), op.getValues(),
                                 *predicate, op.getDefaultValueAttr());
    return success();
  }
};

/// The positions of `select(indices, positions, ==)` with int positions:
/// query q selects the one key positions[q] (when in range).
Value matchIndexGatherSelect(Value selector) {
  auto select = selector.getDefiningOp<SelectOp>();
  if (!select || select.getPredicate() != Predicate::eq ||
      !select.getKeys().getDefiningOp<IndicesOp>() ||
      !select.getQueries().getType().isInt())
    return Value();
  return select.getQueries();
}

/// aggregate(select(indices, positions, ==), values) -> gather.
struct IndexGather : OpRewritePattern<AggregateOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(AggregateOp op,
                                PatternRewriter &rewriter) const override {
    Value positions = matchIndexGatherSelect(op.getSelector());
    if (!positions)
      return failure();
    replaceKeepingId<GatherOp>(rewriter, op, op.getType(), op.getValues(),
                               positions, op.getDefaultValueAttr());
    return success();
  }
};

/// selector_width(select(indices, positions, ==)) is 1 where the position
/// lies in [0, n), else 0.
struct IndexGatherWidth : OpRewritePattern<SelectorWidthOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(SelectorWidthOp op,
                                PatternRewriter &rewriter) const override {
    Value positions = matchIndexGatherSelect(op.getSelector());
    if (!positions)
      return failure();
    Location loc = op.getLoc();
    Type type = op.getType();
    auto boolType = SOpType::get(rewriter.getContext(), rewriter.getI1Type());
    Value zero = ConstantOp::create(rewriter, loc, type, rewriter.getI64IntegerAttr(0));
    Value length = LengthOp::create(rewriter, loc, type);
    Value aboveZero = CmpOp::create(rewriter, loc, boolType, Predicate::ge, positions, zero);
    Value belowN = CmpOp::create(rewriter, loc, boolType, Predicate::lt, positions, length);
    Value inRange = AndOp::create(rewriter, loc, boolType, aboveZero, belowN);
    rewriter.replaceOpWithNewOp<IndicatorOp>(op, type, inRange);
    return success();
  }
};

/// The conjunction of `filters` as a bool s-op (null when there are none):
/// select(X, c, p) keeps the keys with p(X[k], c), select(c, X, p) the
/// queries with p(c, X[q]); both are the element-wise comparison.
Value buildFilterMask(PatternRewriter &rewriter, Location loc,
                      ArrayRef<SelectOp> filters) {
  auto boolType = SOpType::get(rewriter.getContext(), rewriter.getI1Type());
  Value mask;
  for (SelectOp filter : filters) {
    Value kept = CmpOp::create(rewriter, loc, boolType, filter.getPredicate(),
                               filter.getKeys(), filter.getQueries());
    mask = mask ? AndOp::create(rewriter, loc, boolType, mask, kept) : kept;
  }
  return mask;
}

/// Builds the keyed_reduce of `selector` in place of `op` (values null for a
/// selector_width). Fails when the selector has no keyed form or a cheaper
/// rewrite above applies.
LogicalResult rewriteAsKeyedReduce(PatternRewriter &rewriter, Operation *op,
                                   Value selector, Value values,
                                   Attribute defaultValue) {
  if (matchIndexOrderSelect(selector) || matchIndexGatherSelect(selector))
    return failure();
  std::optional<KeyedSelector> keyed = matchKeyedSelector(selector, kMaxKeyedColumns);
  if (!keyed)
    return failure();
  Location loc = op->getLoc();
  SmallVector<Value> equalKeys, equalQueries, orderKeys, orderQueries;
  for (auto [key, query] : keyed->equal) {
    equalKeys.push_back(key);
    equalQueries.push_back(query);
  }
  for (auto [key, query] : keyed->order) {
    orderKeys.push_back(key);
    orderQueries.push_back(query);
  }
  PredicateAttr order;
  if (keyed->orderPredicate)
    order = PredicateAttr::get(rewriter.getContext(), *keyed->orderPredicate);
  Value keyMask = buildFilterMask(rewriter, loc, keyed->keyFilters);
  Value queryMask = buildFilterMask(rewriter, loc, keyed->queryFilters);
  replaceKeepingId<KeyedReduceOp>(rewriter, op, op->getResult(0).getType(),
                                  equalKeys, equalQueries, orderKeys,
                                  orderQueries, keyMask, queryMask, values,
                                  order, defaultValue);
  return success();
}

/// selector_width of a keyed selector -> keyed_reduce (counting or sorting).
struct KeyedWidth : OpRewritePattern<SelectorWidthOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(SelectorWidthOp op,
                                PatternRewriter &rewriter) const override {
    return rewriteAsKeyedReduce(rewriter, op, op.getSelector(), Value(), Attribute());
  }
};

/// aggregate of int, bool or string values over a keyed selector ->
/// keyed_reduce. Float sums depend on the order of addition: left generic.
struct KeyedAggregate : OpRewritePattern<AggregateOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(AggregateOp op,
                                PatternRewriter &rewriter) const override {
    if (op.getValues().getType().getElementType().isF64())
      return failure();
    return rewriteAsKeyedReduce(rewriter, op, op.getSelector(), op.getValues(),
                                op.getDefaultValueAttr());
  }
};

struct OptimizeSelectsPass
    : public rasp::impl::RASPOptimizeSelectsBase<OptimizeSelectsPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<IndexOrderWidth, IndexOrderMean, IndexGather, IndexGatherWidth,
                 KeyedWidth, KeyedAggregate>(
        &getContext());
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();
  }
};

} // namespace
