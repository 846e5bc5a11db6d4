//===- ElementwisePatterns.cpp - Inputs, constants and maps to linalg -----===//
//
// Every map becomes an element-wise linalg.generic over tensor<?xT>;
// constant operands are folded into the body rather than broadcast, and
// linalg's element-wise fusion later merges chains of maps into one loop.
//
//===----------------------------------------------------------------------===//

#include "LoweringUtils.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

using namespace mlir;
using namespace rasp;
using namespace rasp::lowering;

namespace {

Type elementTypeOf(Value value) {
  return llvm::cast<SOpType>(value.getType()).getElementType();
}

Value constI64(OpBuilder &b, Location loc, int64_t value) {
  return arith::ConstantIntOp::create(b, loc, b.getI64Type(), value);
}

Value constF64(OpBuilder &b, Location loc, double value) {
  return arith::ConstantFloatOp::create(b, loc, b.getF64Type(), APFloat(value));
}

//===----------------------------------------------------------------------===//
// Inputs and constants
//===----------------------------------------------------------------------===//

struct TokensLowering : OpConversionPattern<TokensOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(TokensOp op, OpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto func = op->getParentOfType<func::FuncOp>();
    Type type = llvm::cast<SOpType>(op.getType()).getElementType();
    unsigned arg = kTokensStringArg;
    if (type.isInteger(64))
      arg = kTokensIntArg;
    else if (type.isF64())
      arg = kTokensFloatArg;
    else if (type.isInteger(1))
      arg = kTokensBoolArg;
    Value tokens = func.getArgument(arg);
    // Narrow string ids (i8) are widened to the i32 the generated code
    // computes with; the widening fuses into every reader.
    Type stored = llvm::cast<RankedTensorType>(tokens.getType()).getElementType();
    Type lowered = getLoweredElementType(type);
    if (stored != lowered) {
      Location loc = op.getLoc();
      Value n = tensor::DimOp::create(rewriter, loc, tokens, 0);
      tokens = buildWidening(rewriter, loc, n, tokens, lowered);
    }
    rewriter.replaceOp(op, tokens);
    return success();
  }
};

/// Base of the patterns that build one element-wise generic.
template <typename OpTy>
struct MapLowering : RASPConversionPattern<OpTy> {
  using RASPConversionPattern<OpTy>::RASPConversionPattern;

  using OpAdaptor = typename OpTy::Adaptor;

  /// The scalar result at one position.
  virtual Value emitScalar(OpTy op, OpBuilder &b, Location loc,
                           ArrayRef<Value> scalars) const = 0;
  /// Run-time checks on the operands (division by zero, look-up misses).
  virtual void emitChecks(OpTy op, OpBuilder &b, Location loc, Value n,
                          ArrayRef<MapOperand> operands) const {}

  LogicalResult
  matchAndRewrite(OpTy op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    SmallVector<MapOperand> operands;
    for (auto [original, converted] :
         llvm::zip(op->getOperands(), adaptor.getOperands()))
      operands.push_back(getMapOperand(original, converted));
    Value n = getInputLength(rewriter, loc, op);
    emitChecks(op, rewriter, loc, n, operands);
    Type resultType =
        getLoweredElementType(elementTypeOf(op->getResult(0)));
    Value result = buildElementwise(
        rewriter, loc, n, operands, resultType,
        [&](OpBuilder &b, Location bodyLoc, ArrayRef<Value> scalars) {
          return emitScalar(op, b, bodyLoc, scalars);
        },
        this->state);
    rewriter.replaceOp(op, result);
    return success();
  }

};

struct ConstantLowering : MapLowering<ConstantOp> {
  using MapLowering::MapLowering;
  Value emitScalar(ConstantOp op, OpBuilder &b, Location loc,
                   ArrayRef<Value>) const override {
    return materializeScalar(b, loc, op.getValue(),
                             getLoweredElementType(elementTypeOf(op)), state);
  }
};

struct IndicesLowering : MapLowering<IndicesOp> {
  using MapLowering::MapLowering;
  Value emitScalar(IndicesOp, OpBuilder &b, Location loc,
                   ArrayRef<Value>) const override {
    return arith::IndexCastOp::create(b, loc, b.getI64Type(),
                                      linalg::IndexOp::create(b, loc, 0));
  }
};

struct LengthLowering : MapLowering<LengthOp> {
  using MapLowering::MapLowering;
  Value emitScalar(LengthOp op, OpBuilder &b, Location loc,
                   ArrayRef<Value>) const override {
    auto func = op->template getParentOfType<func::FuncOp>();
    Value n = tensor::DimOp::create(b, loc, func.getArgument(kTokensStringArg), 0);
    return arith::IndexCastOp::create(b, loc, b.getI64Type(), n);
  }
};

//===----------------------------------------------------------------------===//
// Unary maps
//===----------------------------------------------------------------------===//

struct NegLowering : MapLowering<NegOp> {
  using MapLowering::MapLowering;
  Value emitScalar(NegOp, OpBuilder &b, Location loc,
                   ArrayRef<Value> s) const override {
    if (s[0].getType().isF64())
      return arith::NegFOp::create(b, loc, s[0]);
    return arith::SubIOp::create(b, loc, constI64(b, loc, 0), s[0]);
  }
};

struct NotLowering : MapLowering<NotOp> {
  using MapLowering::MapLowering;
  Value emitScalar(NotOp, OpBuilder &b, Location loc,
                   ArrayRef<Value> s) const override {
    Value trueValue = arith::ConstantIntOp::create(b, loc, b.getI1Type(), 1);
    return arith::XOrIOp::create(b, loc, s[0], trueValue);
  }
};

struct RoundLowering : MapLowering<RoundOp> {
  using MapLowering::MapLowering;
  Value emitScalar(RoundOp, OpBuilder &b, Location loc,
                   ArrayRef<Value> s) const override {
    if (s[0].getType().isInteger(64))
      return s[0];
    Value rounded = math::RoundEvenOp::create(b, loc, s[0]);
    return arith::FPToSIOp::create(b, loc, b.getI64Type(), rounded);
  }
  void emitChecks(RoundOp op, OpBuilder &b, Location loc, Value n,
                  ArrayRef<MapOperand> operands) const override {
    if (!operands[0].raspElementType.isF64())
      return;
    emitRuntimeCheck(
        b, loc, n, operands,
        [](OpBuilder &b, Location loc, ArrayRef<Value> s) -> Value {
          // round(x) must lie in [-2^63, 2^63); ordered compares also catch
          // nan.
          Value rounded = math::RoundEvenOp::create(b, loc, s[0]);
          Value low = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OGE,
                                            rounded, constF64(b, loc, -0x1p63));
          Value high = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OLT,
                                             rounded, constF64(b, loc, 0x1p63));
          Value fits = arith::AndIOp::create(b, loc, low, high);
          Value trueValue = arith::ConstantIntOp::create(b, loc, b.getI1Type(), 1);
          return arith::XOrIOp::create(b, loc, fits, trueValue);
        },
        (int64_t)RuntimeErrorCode::InvalidRound, getOpId(op), state);
  }
};

struct IndicatorLowering : MapLowering<IndicatorOp> {
  using MapLowering::MapLowering;
  Value emitScalar(IndicatorOp, OpBuilder &b, Location loc,
                   ArrayRef<Value> s) const override {
    return arith::ExtUIOp::create(b, loc, b.getI64Type(), s[0]);
  }
};

//===----------------------------------------------------------------------===//
// Arithmetic
//===----------------------------------------------------------------------===//

/// add, sub, mul: int when the result is int, else in f64.
template <typename OpTy, typename IntOp, typename FloatOp>
struct ArithLowering : MapLowering<OpTy> {
  using MapLowering<OpTy>::MapLowering;
  Value emitScalar(OpTy op, OpBuilder &b, Location loc,
                   ArrayRef<Value> s) const override {
    if (elementTypeOf(op.getResult()).isF64())
      return FloatOp::create(b, loc, toF64(b, loc, s[0]), toF64(b, loc, s[1]));
    return IntOp::create(b, loc, s[0], s[1]);
  }
};

using AddLowering = ArithLowering<AddOp, arith::AddIOp, arith::AddFOp>;
using SubLowering = ArithLowering<SubOp, arith::SubIOp, arith::SubFOp>;
using MulLowering = ArithLowering<MulOp, arith::MulIOp, arith::MulFOp>;

/// Reports the first position whose divisor (operand 1) is zero.
void emitDivisorCheck(Operation *op, OpBuilder &b, Location loc, Value n,
                      ArrayRef<MapOperand> operands,
                      const RASPLoweringState &state) {
  const MapOperand &divisor = operands[1];
  if (divisor.constant) {
    auto intAttr = llvm::dyn_cast<IntegerAttr>(divisor.constant);
    auto floatAttr = llvm::dyn_cast<FloatAttr>(divisor.constant);
    bool isZero = (intAttr && intAttr.getValue().isZero()) ||
                  (floatAttr && floatAttr.getValueAsDouble() == 0);
    if (!isZero)
      return;
  }
  emitRuntimeCheck(
      b, loc, n, operands,
      [](OpBuilder &b, Location loc, ArrayRef<Value> s) -> Value {
        if (s[1].getType().isF64())
          return arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OEQ, s[1],
                                       constF64(b, loc, 0));
        return arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, s[1],
                                     constI64(b, loc, 0));
      },
      (int64_t)RuntimeErrorCode::DivisionByZero, getOpId(op), state);
}

struct DivLowering : MapLowering<DivOp> {
  using MapLowering::MapLowering;
  Value emitScalar(DivOp, OpBuilder &b, Location loc,
                   ArrayRef<Value> s) const override {
    return arith::DivFOp::create(b, loc, toF64(b, loc, s[0]), toF64(b, loc, s[1]));
  }
  void emitChecks(DivOp op, OpBuilder &b, Location loc, Value n,
                  ArrayRef<MapOperand> operands) const override {
    emitDivisorCheck(op, b, loc, n, operands, state);
  }
};

struct ModLowering : MapLowering<ModOp> {
  using MapLowering::MapLowering;
  Value emitScalar(ModOp op, OpBuilder &b, Location loc,
                   ArrayRef<Value> s) const override {
    if (elementTypeOf(op.getResult()).isF64())
      return emitFloorModFloat(b, loc, toF64(b, loc, s[0]), toF64(b, loc, s[1]));
    return emitFloorModInt(b, loc, s[0], s[1]);
  }
  void emitChecks(ModOp op, OpBuilder &b, Location loc, Value n,
                  ArrayRef<MapOperand> operands) const override {
    emitDivisorCheck(op, b, loc, n, operands, state);
  }
};

struct PowLowering : MapLowering<PowOp> {
  using MapLowering::MapLowering;
  Value emitScalar(PowOp op, OpBuilder &b, Location loc,
                   ArrayRef<Value> s) const override {
    if (elementTypeOf(op.getResult()).isInteger(64))
      return math::IPowIOp::create(b, loc, s[0], s[1]);
    return math::PowFOp::create(b, loc, toF64(b, loc, s[0]), toF64(b, loc, s[1]));
  }
  void emitChecks(PowOp op, OpBuilder &b, Location loc, Value n,
                  ArrayRef<MapOperand> operands) const override {
    if (!elementTypeOf(op.getResult()).isF64())
      return;
    emitRuntimeCheck(
        b, loc, n, operands,
        [](OpBuilder &b, Location loc, ArrayRef<Value> s) -> Value {
          Value zero = constF64(b, loc, 0);
          Value baseZero = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OEQ,
                                                 toF64(b, loc, s[0]), zero);
          Value expNeg = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OLT,
                                               toF64(b, loc, s[1]), zero);
          return arith::AndIOp::create(b, loc, baseZero, expNeg);
        },
        (int64_t)RuntimeErrorCode::ZeroToNegativePower, getOpId(op), state);
  }
};

//===----------------------------------------------------------------------===//
// Strings, comparisons, logic, choice
//===----------------------------------------------------------------------===//

/// Concatenation of interned strings is a table look-up: the ids each side
/// can hold index a dense |L| x |R| table of result ids.
struct ConcatLowering : RASPConversionPattern<ConcatOp> {
  using RASPConversionPattern::RASPConversionPattern;

  LogicalResult
  matchAndRewrite(ConcatOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    const StringValueSet &lhsSet = state.stringSets.of(op.getLhs());
    const StringValueSet &rhsSet = state.stringSets.of(op.getRhs());
    int64_t tableSize = state.stringIds.size();
    if (lhsSet.empty() || rhsSet.empty()) {
      // A side that can hold no string (tokens of an empty vocabulary, n = 0)
      // has no position: the result is never read. -1 is no string's id.
      Value n = getInputLength(rewriter, loc, op);
      Type idType = getLoweredElementType(op.getType().getElementType());
      Value result = buildElementwise(
          rewriter, loc, n, {}, idType,
          [&](OpBuilder &b, Location loc, ArrayRef<Value>) -> Value {
            return arith::ConstantIntOp::create(b, loc, idType, -1);
          },
          state);
      rewriter.replaceOp(op, result);
      return success();
    }
    // Position of each string id within L and R.
    SmallVector<int64_t> lhsIndex(tableSize, 0), rhsIndex(tableSize, 0);
    int64_t i = 0;
    for (const std::string &str : lhsSet)
      lhsIndex[state.getStringId(str)] = i++;
    i = 0;
    for (const std::string &str : rhsSet)
      rhsIndex[state.getStringId(str)] = i++;
    SmallVector<int64_t> pairs;
    pairs.reserve(lhsSet.size() * rhsSet.size());
    for (const std::string &a : lhsSet)
      for (const std::string &b : rhsSet)
        pairs.push_back(state.getStringId(a + b));

    Type idType = getLoweredElementType(op.getType().getElementType());
    auto table = [&](ArrayRef<int64_t> values) -> Value {
      SmallVector<int32_t> narrow(values.begin(), values.end());
      auto type = RankedTensorType::get({(int64_t)values.size()}, idType);
      return arith::ConstantOp::create(
          rewriter, loc, DenseIntElementsAttr::get(type, ArrayRef<int32_t>(narrow)));
    };
    Value lhsTable = table(lhsIndex), rhsTable = table(rhsIndex),
          pairTable = table(pairs);
    int64_t rhsCount = rhsSet.size();

    SmallVector<MapOperand> operands = {
        getMapOperand(op.getLhs(), adaptor.getLhs()),
        getMapOperand(op.getRhs(), adaptor.getRhs())};
    Value n = getInputLength(rewriter, loc, op);
    Value result = buildElementwise(
        rewriter, loc, n, operands, idType,
        [&](OpBuilder &b, Location loc, ArrayRef<Value> s) -> Value {
          // Ids are in range by construction; clamp anyway so that a value
          // produced after a reported run-time error cannot read out of bounds.
          auto clampedIndex = [&](Value id, int64_t size) -> Value {
            if (!id.getType().isInteger(64))
              id = arith::ExtSIOp::create(b, loc, b.getI64Type(), id);
            Value lo = constI64(b, loc, 0), hi = constI64(b, loc, size - 1);
            Value clamped = arith::MinSIOp::create(
                b, loc, arith::MaxSIOp::create(b, loc, id, lo), hi);
            return arith::IndexCastOp::create(b, loc, b.getIndexType(), clamped);
          };
          Value li = arith::ExtSIOp::create(
              b, loc, b.getI64Type(),
              tensor::ExtractOp::create(b, loc, lhsTable,
                                        ValueRange{clampedIndex(s[0], tableSize)}));
          Value ri = arith::ExtSIOp::create(
              b, loc, b.getI64Type(),
              tensor::ExtractOp::create(b, loc, rhsTable,
                                        ValueRange{clampedIndex(s[1], tableSize)}));
          Value flat = arith::AddIOp::create(
              b, loc, arith::MulIOp::create(b, loc, li, constI64(b, loc, rhsCount)),
              ri);
          return tensor::ExtractOp::create(
              b, loc, pairTable,
              ValueRange{clampedIndex(flat, (int64_t)pairs.size())});
        },
        state);
    rewriter.replaceOp(op, result);
    return success();
  }

};

struct CmpLowering : MapLowering<CmpOp> {
  using MapLowering::MapLowering;
  Value emitScalar(CmpOp op, OpBuilder &b, Location loc,
                   ArrayRef<Value> s) const override {
    return emitCompare(b, loc, op.getPredicate(), s[0],
                       elementTypeOf(op.getLhs()), s[1],
                       elementTypeOf(op.getRhs()));
  }
};

struct AndLowering : MapLowering<AndOp> {
  using MapLowering::MapLowering;
  Value emitScalar(AndOp, OpBuilder &b, Location loc,
                   ArrayRef<Value> s) const override {
    return arith::AndIOp::create(b, loc, s[0], s[1]);
  }
};

struct OrLowering : MapLowering<OrOp> {
  using MapLowering::MapLowering;
  Value emitScalar(OrOp, OpBuilder &b, Location loc,
                   ArrayRef<Value> s) const override {
    return arith::OrIOp::create(b, loc, s[0], s[1]);
  }
};

struct WhereLowering : MapLowering<WhereOp> {
  using MapLowering::MapLowering;
  Value emitScalar(WhereOp op, OpBuilder &b, Location loc,
                   ArrayRef<Value> s) const override {
    Value a = s[1], c = s[2];
    if (elementTypeOf(op.getResult()).isF64()) {
      a = toF64(b, loc, a);
      c = toF64(b, loc, c);
    }
    return arith::SelectOp::create(b, loc, s[0], a, c);
  }
};

/// True when a scalar attribute can equal values of `elementType`. As in
/// Python, bools equal ints (True == 1); strings equal only strings.
bool isComparable(Attribute attr, Type elementType) {
  Type attrType = getScalarAttrElementType(attr);
  auto isNumber = [](Type t) {
    return t.isInteger(64) || t.isF64() || t.isInteger(1);
  };
  return attrType == elementType ||
         (attrType && isNumber(attrType) && isNumber(elementType));
}

/// `x == attr` on a lowered scalar (bools compare as 0 and 1 with numbers).
Value emitEqualsConstant(OpBuilder &b, Location loc, Value x, Type elementType,
                         Attribute attr, const RASPLoweringState &state) {
  Type attrType = getScalarAttrElementType(attr);
  if (attrType != elementType && elementType.isInteger(1)) {
    x = arith::ExtUIOp::create(b, loc, b.getI64Type(), x);
    elementType = b.getI64Type();
  }
  if (attrType != elementType && attrType.isInteger(1)) {
    attr = b.getI64IntegerAttr(llvm::cast<BoolAttr>(attr).getValue());
    attrType = b.getI64Type();
  }
  Value constant = materializeScalar(b, loc, attr, getLoweredElementType(attrType), state);
  return emitCompare(b, loc, Predicate::eq, x, elementType, constant, attrType);
}

struct MemberLowering : MapLowering<MemberOp> {
  using MapLowering::MapLowering;
  Value emitScalar(MemberOp op, OpBuilder &b, Location loc,
                   ArrayRef<Value> s) const override {
    Type elementType = elementTypeOf(op.getOperand());
    Value found = arith::ConstantIntOp::create(b, loc, b.getI1Type(), 0);
    for (Attribute element : op.getElements()) {
      if (!isComparable(element, elementType))
        continue; // Python: 1 == "1" is False
      found = arith::OrIOp::create(
          b, loc, found, emitEqualsConstant(b, loc, s[0], elementType, element, state));
    }
    return found;
  }
};

struct LookupLowering : MapLowering<LookupOp> {
  using MapLowering::MapLowering;
  Value emitScalar(LookupOp op, OpBuilder &b, Location loc,
                   ArrayRef<Value> s) const override {
    Type elementType = elementTypeOf(op.getOperand());
    Type resultType = getLoweredElementType(elementTypeOf(op.getResult()));
    // Built from the last key to the first, so that the first matching key
    // wins (as in the interpreter).
    Value result;
    for (auto [key, value] : llvm::reverse(llvm::zip(op.getKeys(), op.getValues()))) {
      Value scalar = materializeScalar(b, loc, value, resultType, state);
      if (!result) {
        result = scalar; // a miss is reported by the check
        continue;
      }
      if (!isComparable(key, elementType))
        continue;
      Value hit = emitEqualsConstant(b, loc, s[0], elementType, key, state);
      result = arith::SelectOp::create(b, loc, hit, scalar, result);
    }
    if (!result)
      result = materializeScalar(b, loc, b.getI64IntegerAttr(0), resultType, state);
    return result;
  }
  void emitChecks(LookupOp op, OpBuilder &b, Location loc, Value n,
                  ArrayRef<MapOperand> operands) const override {
    Type elementType = operands[0].raspElementType;
    emitRuntimeCheck(
        b, loc, n, operands,
        [&](OpBuilder &b, Location loc, ArrayRef<Value> s) -> Value {
          Value found = arith::ConstantIntOp::create(b, loc, b.getI1Type(), 0);
          for (Attribute key : op.getKeys())
            if (isComparable(key, elementType))
              found = arith::OrIOp::create(
                  b, loc, found,
                  emitEqualsConstant(b, loc, s[0], elementType, key, state));
          Value trueValue = arith::ConstantIntOp::create(b, loc, b.getI1Type(), 1);
          return arith::XOrIOp::create(b, loc, found, trueValue);
        },
        (int64_t)RuntimeErrorCode::LookupMiss, getOpId(op), state);
  }
};

} // namespace

void rasp::populateRASPElementwiseToLinalgPatterns(
    const TypeConverter &converter, RewritePatternSet &patterns,
    const RASPLoweringState &state) {
  MLIRContext *ctx = patterns.getContext();
  patterns.add<TokensLowering>(converter, ctx);
  patterns.add<ConstantLowering, IndicesLowering, LengthLowering, NegLowering,
               NotLowering, RoundLowering, IndicatorLowering, AddLowering,
               SubLowering, MulLowering, DivLowering, ModLowering, PowLowering,
               ConcatLowering, CmpLowering, AndLowering, OrLowering,
               WhereLowering, MemberLowering, LookupLowering>(converter, ctx,
                                                              state);
}
