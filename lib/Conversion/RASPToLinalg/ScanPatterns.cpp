//===- ScanPatterns.cpp - rasp.scan_mean/scan_sum to running-sum loops ----===//
//
// One pass over the positions (forward for prefixes, backward for suffixes)
// carrying an exact i64 sum; each position's count is known in closed form.
// Prefixes are a linalg.generic with one in-order (reduction) loop, so that
// element-wise producers fuse into them; suffixes an scf.for (a linalg map
// cannot read position n - 1 - q).
// scan_sum stores the sum itself (no count, no division, no default).
//
//===----------------------------------------------------------------------===//

#include "LoweringUtils.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

using namespace mlir;
using namespace rasp;
using namespace rasp::lowering;

namespace {

/// The running sum over `values` (i64 or f64 tensor: the sum has its type,
/// and f64 values are added in position order, from 0.0) in the predicate's
/// direction:
/// position q stores `finish(b, loc, total, q)`, with total the sum over the
/// positions the predicate selects (inclusive or not) and q an i64.
using FinishBuilder =
    llvm::function_ref<Value(OpBuilder &, Location, Value total, Value q)>;

Value buildRunningSum(OpBuilder &rewriter, Location loc, Value n,
                      Predicate predicate, Value values, Type resultType,
                      FinishBuilder finish) {
  bool forward = predicate == Predicate::lt || predicate == Predicate::le;
  bool inclusive = predicate == Predicate::le || predicate == Predicate::ge;
  Type i64 = rewriter.getI64Type();
  Type sumType = llvm::cast<RankedTensorType>(values.getType()).getElementType();
  bool isFloat = llvm::isa<FloatType>(sumType);
  Value zero = arith::ConstantIndexOp::create(rewriter, loc, 0);
  Value one = arith::ConstantIndexOp::create(rewriter, loc, 1);
  Value zeroSum = arith::ConstantOp::create(rewriter, loc, rewriter.getZeroAttr(sumType));
  auto add = [&](OpBuilder &b, Location l, Value lhs, Value rhs) -> Value {
    if (isFloat)
      return arith::AddFOp::create(b, l, lhs, rhs);
    return arith::AddIOp::create(b, l, lhs, rhs);
  };
  Value init = tensor::EmptyOp::create(
      rewriter, loc, ArrayRef<int64_t>{ShapedType::kDynamic}, resultType, ValueRange{n});
  if (forward) {
    // A generic whose one loop is a reduction, in order: the running sum is
    // a 0-d output (loaded and stored each step, kept in a register by
    // LLVM), position q's result an output indexed by q. Element-wise
    // producers of the values then fuse into it (linalg-fuse-elementwise-
    // ops), so `indicator(tokens == "(")` is computed in the scan's loop
    // instead of in an n-element buffer of its own.
    MLIRContext *ctx = rewriter.getContext();
    AffineMap position = AffineMap::getMultiDimIdentityMap(1, ctx);
    AffineMap scalar = AffineMap::get(1, 0, {}, ctx);
    Value sumInit =
        linalg::FillOp::create(
            rewriter, loc, ValueRange{zeroSum},
            ValueRange{tensor::EmptyOp::create(rewriter, loc, ArrayRef<int64_t>{}, sumType)})
            .getResult(0);
    auto scan = linalg::GenericOp::create(
        rewriter, loc, TypeRange{sumInit.getType(), init.getType()}, ValueRange{values},
        ValueRange{sumInit, init}, ArrayRef<AffineMap>{position, scalar, position},
        ArrayRef<utils::IteratorType>{utils::IteratorType::reduction},
        [&](OpBuilder &b, Location l, ValueRange args) {
          Value sum = args[1];
          Value next = add(b, l, sum, args[0]);
          Value total = inclusive ? next : sum;
          Value q = arith::IndexCastOp::create(b, l, i64, linalg::IndexOp::create(b, l, 0));
          linalg::YieldOp::create(b, l, ValueRange{next, finish(b, l, total, q)});
        });
    return scan.getResult(1);
  }
  auto loop = scf::ForOp::create(
      rewriter, loc, zero, n, one, ValueRange{zeroSum, init},
      [&](OpBuilder &b, Location l, Value i, ValueRange carried) {
        Value sum = carried[0];
        // Suffixes run backward: position n - 1 - i.
        Value pos = forward ? i
                            : arith::SubIOp::create(
                                  b, l, arith::SubIOp::create(b, l, n, one), i);
        Value value = tensor::ExtractOp::create(b, l, values, ValueRange{pos});
        Value next = add(b, l, sum, value);
        Value total = inclusive ? next : sum;
        Value q = arith::IndexCastOp::create(b, l, i64, pos);
        Value updated = tensor::InsertOp::create(b, l, finish(b, l, total, q),
                                                 carried[1], ValueRange{pos});
        scf::YieldOp::create(b, l, ValueRange{next, updated});
      });
  return loop.getResult(1);
}

struct ScanMeanLowering : RASPConversionPattern<ScanMeanOp> {
  using RASPConversionPattern::RASPConversionPattern;

  LogicalResult
  matchAndRewrite(ScanMeanOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Predicate predicate = op.getPredicate();
    bool forward = predicate == Predicate::lt || predicate == Predicate::le;
    bool inclusive = predicate == Predicate::le || predicate == Predicate::ge;
    Type i64 = rewriter.getI64Type(), f64 = rewriter.getF64Type();
    Value n = getInputLength(rewriter, loc, op);
    Value nI64 = arith::IndexCastOp::create(rewriter, loc, i64, n);
    Value zeroI64 = arith::ConstantIntOp::create(rewriter, loc, i64, 0);
    Value result = buildRunningSum(
        rewriter, loc, n, predicate, adaptor.getValues(), f64,
        [&](OpBuilder &b, Location l, Value total, Value q) -> Value {
          // Keys in range: q+1 (le), q (lt), n-q (ge), n-q-1 (gt).
          Value count = forward ? q : (Value)arith::SubIOp::create(b, l, nI64, q);
          int64_t adjust = (forward && inclusive) ? 1 : (!forward && !inclusive) ? -1 : 0;
          if (adjust)
            count = arith::AddIOp::create(
                b, l, count, arith::ConstantIntOp::create(b, l, i64, adjust));
          Value empty = arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq, count,
                                              zeroI64);
          // The reference's sum * 1.0 / count (the * 1.0 is exact).
          Value sum = total.getType().isF64() ? total
                                              : (Value)arith::SIToFPOp::create(b, l, f64, total);
          Value mean = arith::DivFOp::create(b, l, sum,
                                             arith::SIToFPOp::create(b, l, f64, count));
          Value fallback = materializeScalar(b, l, op.getDefaultValue(), f64, state);
          return arith::SelectOp::create(b, l, empty, fallback, mean);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct ScanSumLowering : RASPConversionPattern<ScanSumOp> {
  using RASPConversionPattern::RASPConversionPattern;

  LogicalResult
  matchAndRewrite(ScanSumOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    // An empty range (lt at 0, gt at n - 1) stores the initial 0.
    Location loc = op.getLoc();
    Value result = buildRunningSum(
        rewriter, loc, getInputLength(rewriter, loc, op), op.getPredicate(),
        adaptor.getValues(),
        rewriter.getI64Type(),
        [](OpBuilder &, Location, Value total, Value) { return total; });
    rewriter.replaceOp(op, result);
    return success();
  }
};

} // namespace

void rasp::populateRASPScanToLinalgPatterns(const TypeConverter &converter,
                                            RewritePatternSet &patterns,
                                            const RASPLoweringState &state) {
  patterns.add<ScanMeanLowering, ScanSumLowering>(converter, patterns.getContext(), state);
}
