//===- OptimizeSelects.cpp - Faster forms of recognized selects -----------===//

#include "rasp/Conversion/RASPToLinalg/RASPToLinalg.h"
#include "rasp/Dialect/RASP/IR/RASPOps.h"
#include "rasp/Dialect/RASP/Transforms/KeyedSelector.h"
#include "rasp/Dialect/RASP/Transforms/Passes.h"
#include "rasp/Runtime/KeyedReduce.h"
#include "rasp/Runtime/RuntimeErrors.h"

#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

#include "llvm/Support/MathExtras.h"

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

/// aggregate(select(indices, indices, pred), int values) -> scan_mean; float
/// values for prefixes only (summed in key order, as the reference does).
struct IndexOrderMean : OpRewritePattern<AggregateOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(AggregateOp op,
                                PatternRewriter &rewriter) const override {
    std::optional<Predicate> predicate = matchIndexOrderSelect(op.getSelector());
    if (!predicate)
      return failure();
    bool prefix = *predicate == Predicate::le || *predicate == Predicate::lt;
    if (!op.getValues().getType().isInt() && !(op.getValues().getType().isFloat() && prefix))
      return failure();
    replaceKeepingId<ScanMeanOp>(rewriter, op, op.getType(), op.getValues(),
                                 *predicate, op.getDefaultValueAttr());
    return success();
  }
};

/// Largest |v| for which `round((indices + 1) * prefix mean of v)` is
/// rewritten into the prefix sum: inputs have at most 2^31 - 1 tokens
/// (rasp-run and the JIT refuse more; generated code counts in i32), so
/// every prefix sum s has |s| <= (2^31 - 1) * 2^19 < 2^50.
constexpr uint64_t kMaxExactSumValue = uint64_t(1) << 19;

/// The input ints' range (rasp.int_range on the module, attached by the
/// driver, which knows the input before it compiles), when given.
using IntRange = std::optional<std::pair<int64_t, int64_t>>;

/// The int values v of a prefix mean: `scan_mean(v, le)`, or the aggregate
/// it is made from (so the match does not depend on the rewrite order).
Value matchPrefixMeanValues(Value mean) {
  if (auto scan = mean.getDefiningOp<ScanMeanOp>())
    return scan.getPredicate() == Predicate::le && scan.getValues().getType().isInt()
               ? scan.getValues()
               : Value();
  auto aggregate = mean.getDefiningOp<AggregateOp>();
  if (!aggregate || !aggregate.getValues().getType().isInt() ||
      matchIndexOrderSelect(aggregate.getSelector()) != Predicate::le)
    return Value();
  return aggregate.getValues();
}

/// `indices + 1` (int 1, either operand order).
bool isIndicesPlusOne(Value value) {
  auto add = value.getDefiningOp<AddOp>();
  if (!add)
    return false;
  auto isOne = [](Value v) { return getIntConstant(v) == 1; };
  return (add.getLhs().getDefiningOp<IndicesOp>() && isOne(add.getRhs())) ||
         (add.getRhs().getDefiningOp<IndicesOp>() && isOne(add.getLhs()));
}

/// round((indices + 1) * scan_mean(v, le)) -> scan_sum(v, le), the paper's
/// count idiom (dyck), when provably exact. With s the prefix sum at q and
/// d = q + 1 (both exact in f64: |s| < 2^53, d < 2^31), the generated code
/// computes m = fl(s / d) = (s / d)(1 + e1) and fl(d * m) = s(1 + e1)(1 + e2)
/// with |e1|, |e2| <= 2^-53, so it is within |s| * (2^-52 + 2^-106) of s:
/// less than 0.5 while |s| < 2^51 (kMaxExactSumValue keeps |s| < 2^50), so
/// round half to even gives exactly s, and its range check cannot fail. The
/// count d = q + 1 >= 1: the mean's default is never used. Dropped
/// operands (indices, 1) cannot fail; v stays an operand.
struct PrefixCountTimesMean : OpRewritePattern<RoundOp> {
  PrefixCountTimesMean(MLIRContext *ctx, IntRange intRange)
      : OpRewritePattern(ctx), intRange(intRange) {}
  LogicalResult matchAndRewrite(RoundOp op,
                                PatternRewriter &rewriter) const override {
    auto mul = op.getOperand().getDefiningOp<MulOp>();
    if (!mul)
      return failure();
    Value values;
    if (isIndicesPlusOne(mul.getLhs()))
      values = matchPrefixMeanValues(mul.getRhs());
    if (!values && isIndicesPlusOne(mul.getRhs()))
      values = matchPrefixMeanValues(mul.getLhs());
    if (!values)
      return failure();
    std::optional<uint64_t> bound = getIntBoundAbs(values, intRange);
    if (!bound || *bound > kMaxExactSumValue)
      return failure();
    replaceKeepingId<ScanSumOp>(rewriter, op, op.getType(), values,
                                Predicate::le);
    return success();
  }

private:
  IntRange intRange;
};

/// An int 0 (i64) or float 0.0 (either sign) constant.
bool isZeroConstant(Value v) {
  auto constant = v.getDefiningOp<ConstantOp>();
  if (!constant)
    return false;
  if (auto i = llvm::dyn_cast<IntegerAttr>(constant.getValue()))
    return i.getType().isInteger(64) && i.getValue().isZero();
  if (auto f = llvm::dyn_cast<FloatAttr>(constant.getValue()))
    return f.getValue().isZero();
  return false;
}

/// `scan_mean(v, le) <pred> 0` -> `scan_sum(v, le) <pred> 0` (either operand
/// order): dyck's `aggregate(prefix, indicator(...)) > 0`. The mean is
/// fl(fl(s) / d) with the wrapped i64 sum s (scan_sum's very value) and d =
/// q + 1 >= 1: fl(s) has s's sign and is 0 only for s = 0, and dividing by
/// d >= 1 keeps both (|fl(s)| >= 1 cannot underflow), so any comparison with
/// 0 is the same on s, for every int v. Only when the mean has no other
/// user (else both scans would run).
struct PrefixMeanSign : OpRewritePattern<CmpOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(CmpOp op,
                                PatternRewriter &rewriter) const override {
    for (unsigned meanIndex : {0u, 1u}) {
      Value mean = op->getOperand(meanIndex), other = op->getOperand(1 - meanIndex);
      if (!isZeroConstant(other) || !mean.hasOneUse())
        continue;
      Value values = matchPrefixMeanValues(mean);
      if (!values)
        continue;
      Location loc = mean.getLoc();
      auto i64Type = SOpType::get(rewriter.getContext(), rewriter.getI64Type());
      Value sum = ScanSumOp::create(rewriter, loc, i64Type, values, Predicate::le);
      Value zero = ConstantOp::create(rewriter, other.getLoc(), i64Type,
                                      rewriter.getI64IntegerAttr(0));
      rewriter.modifyOpInPlace(op, [&] {
        op->setOperand(meanIndex, sum);
        op->setOperand(1 - meanIndex, zero);
      });
      return success();
    }
    return failure();
  }
};

/// `(scan_mean(a, le) - scan_mean(b, le)) <pred> 0` ->
/// `(scan_sum(a, le) - scan_sum(b, le)) <pred> 0` (every predicate, either
/// operand order of each cmp): shuffle_dyck's `round_bal < 0`, `== 0` with
/// round_bal a difference of two prefix shares. Both means are fl(fl(s) / d)
/// with the same d = q + 1 >= 1 and int sums s1, s2. With |a|, |b| <= 2^19
/// (boundAbs, as PrefixCountTimesMean) and n < 2^31, |s| < 2^50, so fl(s) =
/// s, and for s1 != s2 the quotients differ by a relative gap >= 2^-50, more
/// than two roundings (<= 2^-53 each) can close: division by the same d,
/// correctly rounded, is monotone and keeps them distinct. So
/// fl(s1/d) - fl(s2/d) has the sign of s1 - s2 and is 0 iff s1 == s2 (the
/// f64 subtraction is exact in sign and zero), and the i64 s1 - s2 cannot
/// overflow. Only when every user of the sub is such a cmp (all are
/// rewritten; else both forms would be computed) and each mean's only user
/// is the sub.
struct PrefixMeanDifferenceSign : OpRewritePattern<SubOp> {
  PrefixMeanDifferenceSign(MLIRContext *ctx, IntRange intRange)
      : OpRewritePattern(ctx), intRange(intRange) {}
  LogicalResult matchAndRewrite(SubOp op,
                                PatternRewriter &rewriter) const override {
    Value lhsMean = op.getLhs(), rhsMean = op.getRhs();
    if (lhsMean == rhsMean || !lhsMean.hasOneUse() || !rhsMean.hasOneUse() ||
        op->use_empty())
      return failure();
    // Every user a cmp with a zero constant on the other side.
    SmallVector<std::pair<CmpOp, unsigned>> cmps; // cmp, the sub's operand
    for (OpOperand &use : op->getUses()) {
      auto cmp = llvm::dyn_cast<CmpOp>(use.getOwner());
      if (!cmp)
        return failure();
      unsigned index = use.getOperandNumber();
      if (!isZeroConstant(cmp->getOperand(1 - index)))
        return failure();
      cmps.emplace_back(cmp, index);
    }
    Value lhsValues = matchPrefixMeanValues(lhsMean);
    Value rhsValues = matchPrefixMeanValues(rhsMean);
    if (!lhsValues || !rhsValues)
      return failure();
    for (Value values : {lhsValues, rhsValues}) {
      std::optional<uint64_t> bound = getIntBoundAbs(values, intRange);
      if (!bound || *bound > kMaxExactSumValue)
        return failure();
    }
    Location loc = op.getLoc();
    auto i64Type = SOpType::get(rewriter.getContext(), rewriter.getI64Type());
    Value lhsSum = ScanSumOp::create(rewriter, lhsMean.getLoc(), i64Type,
                                     lhsValues, Predicate::le);
    Value rhsSum = ScanSumOp::create(rewriter, rhsMean.getLoc(), i64Type,
                                     rhsValues, Predicate::le);
    auto difference = SubOp::create(rewriter, loc, i64Type, lhsSum, rhsSum);
    if (Attribute id = op->getAttr(kOpIdAttrName))
      difference->setAttr(kOpIdAttrName, id);
    for (const std::pair<CmpOp, unsigned> &use : cmps) {
      CmpOp cmp = use.first;
      unsigned index = use.second;
      Value zero = ConstantOp::create(rewriter, cmp->getOperand(1 - index).getLoc(),
                                      i64Type, rewriter.getI64IntegerAttr(0));
      rewriter.modifyOpInPlace(cmp, [&] {
        cmp->setOperand(index, difference);
        cmp->setOperand(1 - index, zero);
      });
    }
    rewriter.eraseOp(op);
    for (Value mean : {lhsMean, rhsMean})
      if (mean.use_empty())
        rewriter.eraseOp(mean.getDefiningOp());
    return success();
  }

private:
  IntRange intRange;
};

/// `scan_sum(x, p) - scan_sum(y, p)` -> `scan_sum(x - y, p)` (and `+`):
/// sums wrap modulo 2^64 like the i64 add and sub, so the two are equal.
/// The paper's depth `opened - closed` and shuffle_dyck's balances then keep
/// one running sum each instead of two. Only when each scan's one user is
/// this op (else both forms would be computed).
template <typename ArithOp>
struct ScanSumArith : OpRewritePattern<ArithOp> {
  using OpRewritePattern<ArithOp>::OpRewritePattern;
  LogicalResult matchAndRewrite(ArithOp op,
                                PatternRewriter &rewriter) const override {
    auto lhs = op.getLhs().template getDefiningOp<ScanSumOp>();
    auto rhs = op.getRhs().template getDefiningOp<ScanSumOp>();
    if (!lhs || !rhs || lhs == rhs || lhs.getPredicate() != rhs.getPredicate() ||
        !lhs->hasOneUse() || !rhs->hasOneUse())
      return failure();
    Value values = ArithOp::create(rewriter, op.getLoc(), op.getType(),
                                   lhs.getValues(), rhs.getValues());
    replaceKeepingId<ScanSumOp>(rewriter, op, op.getType(), values,
                                lhs.getPredicate());
    rewriter.eraseOp(lhs);
    rewriter.eraseOp(rhs);
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

/// The key column K when `rank` is the stable rank of K: the width of the
/// lexicographic order lt (or gt) on (K, indices) against itself, with no
/// equality columns and no filters, as a selector_width or as the
/// keyed_reduce it becomes. Those (key, index) pairs are distinct, so the
/// ranks are a permutation of [0, n). Sets `descending` for gt.
Value matchStableRank(Value rank, bool &descending) {
  auto isIndices = [](Value v) { return static_cast<bool>(v.getDefiningOp<IndicesOp>()); };
  auto strictOrder = [&](std::optional<Predicate> order) {
    if (!order || (*order != Predicate::lt && *order != Predicate::gt))
      return false;
    descending = *order == Predicate::gt;
    return true;
  };
  if (auto width = rank.getDefiningOp<SelectorWidthOp>()) {
    std::optional<KeyedSelector> keyed =
        matchKeyedSelector(width.getSelector(), kMaxKeyedColumns);
    if (!keyed || !keyed->equal.empty() || keyed->order.size() != 2 ||
        !keyed->keyFilters.empty() || !keyed->queryFilters.empty() ||
        !strictOrder(keyed->orderPredicate))
      return Value();
    auto [key, query] = keyed->order[0];
    auto [keyIndex, queryIndex] = keyed->order[1];
    if (key != query || isIndices(key) || !isIndices(keyIndex) || !isIndices(queryIndex))
      return Value();
    return key;
  }
  if (auto keyed = rank.getDefiningOp<KeyedReduceOp>()) {
    if (keyed.getValues() || !keyed.getEqualKeys().empty() || keyed.getKeyMask() ||
        keyed.getQueryMask() || keyed.getOrderKeys().size() != 2 ||
        !strictOrder(keyed.getOrder()))
      return Value();
    Value key = keyed.getOrderKeys()[0];
    if (key != keyed.getOrderQueries()[0] || isIndices(key) ||
        !isIndices(keyed.getOrderKeys()[1]) || !isIndices(keyed.getOrderQueries()[1]))
      return Value();
    return key;
  }
  return Value();
}

/// aggregate(select(rank, indices, ==), values) with `rank` the stable rank
/// of K -> stable_sort(values by K): one counting or radix sort instead of a
/// rank pass, a scatter and the aggregate's checks (none can fail: each
/// query selects exactly one key). Tried before the scatter becomes a
/// keyed_reduce (higher benefit).
struct StableSortByRank : OpRewritePattern<AggregateOp> {
  StableSortByRank(MLIRContext *context)
      : OpRewritePattern<AggregateOp>(context, /*benefit=*/2) {}
  LogicalResult matchAndRewrite(AggregateOp op,
                                PatternRewriter &rewriter) const override {
    auto select = op.getSelector().getDefiningOp<SelectOp>();
    if (!select || select.getPredicate() != Predicate::eq ||
        !select.getQueries().getDefiningOp<IndicesOp>())
      return failure();
    bool descending = false;
    Value keys = matchStableRank(select.getKeys(), descending);
    if (!keys)
      return failure();
    replaceKeepingId<StableSortOp>(rewriter, op, op.getType(), op.getValues(),
                                   keys, descending);
    return success();
  }
};

/// The group column G when `rank` is each position's rank within its group
/// of G in index order: the width of `select(G, G, ==) and
/// select(indices, indices, pred)` with an order pred and no filters (as a
/// selector_width or as the keyed_reduce it becomes; no masks, no values).
/// le counts 1..size in index order and lt 0..size-1: within a group the
/// ranks of both are distinct, one apart from one position to the next, so
/// equal ranks (and ranks plus a constant) select the same pairs. ge and gt
/// count from the end; `descending` is set for them.
Value matchGroupRank(Value rank, bool &descending) {
  auto isIndices = [](Value v) { return static_cast<bool>(v.getDefiningOp<IndicesOp>()); };
  auto isOrder = [&](std::optional<Predicate> order) {
    if (!order)
      return false;
    switch (*order) {
    case Predicate::lt:
    case Predicate::le:
      descending = false;
      return true;
    case Predicate::gt:
    case Predicate::ge:
      descending = true;
      return true;
    default:
      return false;
    }
  };
  Value group, groupQuery, orderKey, orderQuery;
  if (auto width = rank.getDefiningOp<SelectorWidthOp>()) {
    std::optional<KeyedSelector> keyed =
        matchKeyedSelector(width.getSelector(), kMaxKeyedColumns);
    if (!keyed || keyed->equal.size() != 1 || keyed->order.size() != 1 ||
        !keyed->keyFilters.empty() || !keyed->queryFilters.empty() ||
        !isOrder(keyed->orderPredicate))
      return Value();
    std::tie(group, groupQuery) = keyed->equal[0];
    std::tie(orderKey, orderQuery) = keyed->order[0];
  } else if (auto keyed = rank.getDefiningOp<KeyedReduceOp>()) {
    if (keyed.getValues() || keyed.getKeyMask() || keyed.getQueryMask() ||
        keyed.getEqualKeys().size() != 1 || keyed.getOrderKeys().size() != 1 ||
        !isOrder(keyed.getOrder()))
      return Value();
    group = keyed.getEqualKeys()[0];
    groupQuery = keyed.getEqualQueries()[0];
    orderKey = keyed.getOrderKeys()[0];
    orderQuery = keyed.getOrderQueries()[0];
  } else {
    return Value();
  }
  if (group != groupQuery || !isIndices(orderKey) || !isIndices(orderQuery))
    return Value();
  return group;
}

/// The group column and direction when the equality columns `equal` (no
/// order columns) are (G, R + a) to (G, R + b), in either column order,
/// with R the within-group rank of G (matchGroupRank) and b - a = -1 or +1:
/// (G, R) is unique per position, so query q selects at most the key whose
/// rank is R[q] + (b - a) in q's group: the previous position of the group
/// for -1 (ascending ranks), the next for +1, and the other way round for
/// ranks counted from the end. The sums wrap like the generated i64 add, so
/// R[k] + a == R[q] + b exactly when R[k] - R[q] == b - a modulo 2^64, and
/// ranks differ by less than 2^31. Other differences (0: the position
/// itself; beyond 1: further neighbors) are left to the keyed reduction.
std::optional<std::pair<Value, bool>>
matchGroupNeighbor(ArrayRef<std::pair<Value, Value>> equal) {
  if (equal.size() != 2)
    return std::nullopt;
  for (unsigned groupColumn : {0u, 1u}) {
    auto [group, groupQuery] = equal[groupColumn];
    if (group != groupQuery)
      continue;
    auto [rankKey, keyOffset] = splitIntOffset(equal[1 - groupColumn].first);
    auto [rankQuery, queryOffset] = splitIntOffset(equal[1 - groupColumn].second);
    if (rankKey != rankQuery)
      continue;
    bool descending = false;
    if (matchGroupRank(rankKey, descending) != group)
      continue;
    int64_t difference = (int64_t)((uint64_t)queryOffset - (uint64_t)keyOffset);
    if (difference != 1 && difference != -1)
      continue;
    bool next = (difference == 1) != descending;
    return std::make_pair(group, next);
  }
  return std::nullopt;
}

/// The selector of an aggregate or selector_width as a group neighbor
/// (keys (G, R + a) to queries (G, R + b), filters allowed, no order):
/// replaced by rasp.group_neighbor before it becomes a keyed_reduce
/// (higher benefit; GroupNeighborKeyed matches the keyed_reduce too, so the
/// result does not depend on the order the driver visits ops in).
LogicalResult rewriteSelectorAsGroupNeighbor(PatternRewriter &rewriter,
                                             Operation *op, Value selector,
                                             Value values, Attribute defaultValue) {
  std::optional<KeyedSelector> keyed = matchKeyedSelector(selector, kMaxKeyedColumns);
  if (!keyed || !keyed->order.empty())
    return failure();
  std::optional<std::pair<Value, bool>> neighbor = matchGroupNeighbor(keyed->equal);
  if (!neighbor)
    return failure();
  Location loc = op->getLoc();
  Value keyMask = buildFilterMask(rewriter, loc, keyed->keyFilters);
  Value queryMask = buildFilterMask(rewriter, loc, keyed->queryFilters);
  replaceKeepingId<GroupNeighborOp>(rewriter, op, op->getResult(0).getType(),
                                    neighbor->first, neighbor->second, keyMask,
                                    queryMask, values, defaultValue);
  return success();
}

struct GroupNeighborWidth : OpRewritePattern<SelectorWidthOp> {
  GroupNeighborWidth(MLIRContext *context)
      : OpRewritePattern<SelectorWidthOp>(context, /*benefit=*/2) {}
  LogicalResult matchAndRewrite(SelectorWidthOp op,
                                PatternRewriter &rewriter) const override {
    return rewriteSelectorAsGroupNeighbor(rewriter, op, op.getSelector(), Value(),
                                          Attribute());
  }
};

/// Float values stay generic, as KeyedAggregate leaves them.
struct GroupNeighborAggregate : OpRewritePattern<AggregateOp> {
  GroupNeighborAggregate(MLIRContext *context)
      : OpRewritePattern<AggregateOp>(context, /*benefit=*/2) {}
  LogicalResult matchAndRewrite(AggregateOp op,
                                PatternRewriter &rewriter) const override {
    if (op.getValues().getType().getElementType().isF64())
      return failure();
    return rewriteSelectorAsGroupNeighbor(rewriter, op, op.getSelector(),
                                          op.getValues(), op.getDefaultValueAttr());
  }
};

/// The same shape once it is a keyed_reduce (its masks and values kept).
struct GroupNeighborKeyed : OpRewritePattern<KeyedReduceOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(KeyedReduceOp op,
                                PatternRewriter &rewriter) const override {
    if (!op.getOrderKeys().empty())
      return failure();
    SmallVector<std::pair<Value, Value>> equal;
    for (auto [key, query] : llvm::zip_equal(op.getEqualKeys(), op.getEqualQueries()))
      equal.emplace_back(key, query);
    std::optional<std::pair<Value, bool>> neighbor = matchGroupNeighbor(equal);
    if (!neighbor)
      return failure();
    replaceKeepingId<GroupNeighborOp>(rewriter, op, op.getType(), neighbor->first,
                                      neighbor->second, op.getKeyMask(),
                                      op.getQueryMask(), op.getValues(),
                                      op.getDefaultValueAttr());
    return success();
  }
};

struct OptimizeSelectsPass
    : public rasp::impl::RASPOptimizeSelectsBase<OptimizeSelectsPass> {
  void runOnOperation() override {
    IntRange intRange;
    if (auto range = getOperation()->getAttrOfType<ArrayAttr>(kIntRangeAttrName)) {
      auto lo = range.size() == 2 ? llvm::dyn_cast<IntegerAttr>(range[0]) : nullptr;
      auto hi = range.size() == 2 ? llvm::dyn_cast<IntegerAttr>(range[1]) : nullptr;
      if (lo && hi && lo.getInt() <= hi.getInt()) // else the lowering reports it
        intRange = std::make_pair(lo.getInt(), hi.getInt());
    }
    RewritePatternSet patterns(&getContext());
    patterns.add<IndexOrderWidth, IndexOrderMean, IndexGather, IndexGatherWidth,
                 KeyedWidth, KeyedAggregate, PrefixMeanSign, StableSortByRank,
                 GroupNeighborWidth, GroupNeighborAggregate, GroupNeighborKeyed,
                 ScanSumArith<AddOp>, ScanSumArith<SubOp>>(&getContext());
    patterns.add<PrefixCountTimesMean, PrefixMeanDifferenceSign>(&getContext(),
                                                                 intRange);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();
  }
};

} // namespace
