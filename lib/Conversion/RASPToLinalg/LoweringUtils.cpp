//===- LoweringUtils.cpp - Shared pieces of the rasp lowering -------------===//

#include "LoweringUtils.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

using namespace mlir;
using namespace rasp;
using namespace rasp::lowering;

Type rasp::getLoweredElementType(Type raspElementType) {
  // String ids are i32: a table never holds 2^31 strings, and the narrower
  // type doubles the vector lanes of string comparisons.
  if (llvm::isa<StringType>(raspElementType))
    return IntegerType::get(raspElementType.getContext(), 32);
  return raspElementType;
}

Type rasp::getStringStorageType(MLIRContext *ctx, size_t tableSize) {
  return IntegerType::get(ctx, tableSize <= 127 ? 8 : 32);
}

RASPToLinalgTypeConverter::RASPToLinalgTypeConverter() {
  addConversion([](Type type) { return type; });
  addConversion([](SOpType type) -> Type {
    return RankedTensorType::get({ShapedType::kDynamic},
                                 getLoweredElementType(type.getElementType()));
  });
  auto cast = [](OpBuilder &b, Type type, ValueRange inputs,
                 Location loc) -> Value {
    return UnrealizedConversionCastOp::create(b, loc, type, inputs).getResult(0);
  };
  addSourceMaterialization(cast);
  addTargetMaterialization(cast);
}

MapOperand lowering::getMapOperand(Value original, Value converted) {
  Type elementType = llvm::cast<SOpType>(original.getType()).getElementType();
  if (auto constant = original.getDefiningOp<ConstantOp>())
    return {Value(), constant.getValue(), elementType};
  return {converted, Attribute(), elementType};
}

int64_t lowering::getOpId(Operation *op) {
  if (auto id = op->getAttrOfType<IntegerAttr>(kOpIdAttrName))
    return id.getInt();
  return -1;
}

Value lowering::getInputLength(OpBuilder &b, Location loc, Operation *anchor) {
  auto func = anchor->getParentOfType<func::FuncOp>();
  return tensor::DimOp::create(b, loc, func.getArgument(kTokensStringArg), 0);
}

Value lowering::materializeScalar(OpBuilder &b, Location loc, Attribute value,
                                  Type type, const RASPLoweringState &state) {
  if (auto str = llvm::dyn_cast<StringAttr>(value))
    return arith::ConstantIntOp::create(b, loc, type,
                                        state.getStringId(str.getValue()));
  if (auto intAttr = llvm::dyn_cast<IntegerAttr>(value)) {
    if (type.isF64())
      return arith::ConstantFloatOp::create(
          b, loc, llvm::cast<FloatType>(type),
          APFloat((double)intAttr.getValue().getSExtValue()));
    return arith::ConstantIntOp::create(b, loc, type,
                                        intAttr.getValue().getSExtValue());
  }
  auto floatAttr = llvm::cast<FloatAttr>(value);
  return arith::ConstantFloatOp::create(b, loc, llvm::cast<FloatType>(type),
                                        floatAttr.getValue());
}

/// Scalars for each operand inside a generic body: block arguments for
/// tensors (in order), materialized constants for the rest.
SmallVector<Value> lowering::bodyScalars(OpBuilder &b, Location loc,
                                         ArrayRef<MapOperand> operands,
                                         ValueRange blockArgs,
                                         const RASPLoweringState &state) {
  SmallVector<Value> scalars;
  unsigned next = 0;
  for (const MapOperand &operand : operands) {
    if (operand.tensor)
      scalars.push_back(blockArgs[next++]);
    else
      scalars.push_back(materializeScalar(
          b, loc, operand.constant,
          getLoweredElementType(operand.raspElementType), state));
  }
  return scalars;
}

Value lowering::buildElementwise(OpBuilder &b, Location loc, Value n,
                                 ArrayRef<MapOperand> operands, Type resultType,
                                 BodyBuilder body,
                                 const RASPLoweringState &state) {
  SmallVector<Value> inputs;
  for (const MapOperand &operand : operands)
    if (operand.tensor)
      inputs.push_back(operand.tensor);
  Value init = tensor::EmptyOp::create(b, loc, ArrayRef<int64_t>{ShapedType::kDynamic},
                                       resultType, ValueRange{n});
  MLIRContext *ctx = b.getContext();
  SmallVector<AffineMap> maps(inputs.size() + 1,
                              AffineMap::getMultiDimIdentityMap(1, ctx));
  auto generic = linalg::GenericOp::create(
      b, loc, TypeRange{init.getType()}, inputs, ValueRange{init}, maps,
      ArrayRef<utils::IteratorType>{utils::IteratorType::parallel},
      [&](OpBuilder &nested, Location nestedLoc, ValueRange args) {
        SmallVector<Value> scalars = bodyScalars(
            nested, nestedLoc, operands, args.drop_back(), state);
        Value result = body(nested, nestedLoc, scalars);
        linalg::YieldOp::create(nested, nestedLoc, result);
      });
  return generic.getResult(0);
}

/// `tensor`'s int elements extended (sign) or truncated to `type`.
static Value buildIntCast(OpBuilder &b, Location loc, Value n, Value tensor,
                          Type type) {
  Type element = llvm::cast<RankedTensorType>(tensor.getType()).getElementType();
  bool widen = element.getIntOrFloatBitWidth() < type.getIntOrFloatBitWidth();
  static const RASPLoweringState noConstants; // the only operand is a tensor
  return buildElementwise(
      b, loc, n, {{tensor, Attribute(), element}}, type,
      [&](OpBuilder &nested, Location l, ArrayRef<Value> s) -> Value {
        if (widen)
          return arith::ExtSIOp::create(nested, l, type, s[0]);
        return arith::TruncIOp::create(nested, l, type, s[0]);
      },
      noConstants);
}

Value lowering::buildWidening(OpBuilder &b, Location loc, Value n, Value narrow,
                              Type wideType) {
  Value wide = buildIntCast(b, loc, n, narrow, wideType);
  wide.getDefiningOp()->setAttr(kWidenedAttrName, b.getUnitAttr());
  return wide;
}

Value lowering::buildTruncation(OpBuilder &b, Location loc, Value n, Value wide,
                                Type narrowType) {
  return buildIntCast(b, loc, n, wide, narrowType);
}

void lowering::emitRuntimeCheck(OpBuilder &b, Location loc, Value n,
                                ArrayRef<MapOperand> operands,
                                BodyBuilder failure, int64_t code, int64_t opId,
                                const RASPLoweringState &state) {
  // first = min over positions of (failure ? position : n): a reduction that
  // vectorizes, with the call outside the loop.
  Type i64 = b.getI64Type();
  Value nI64 = arith::IndexCastOp::create(b, loc, i64, n);
  SmallVector<Value> inputs;
  for (const MapOperand &operand : operands)
    if (operand.tensor)
      inputs.push_back(operand.tensor);
  auto callIfFailed = [&](Value first) {
    Value failedAnywhere =
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, first, nI64);
    scf::IfOp::create(b, loc, failedAnywhere, [&](OpBuilder &then, Location thenLoc) {
      emitRuntimeErrorCall(then, thenLoc, code, opId, first);
      scf::YieldOp::create(then, thenLoc);
    });
  };
  if (inputs.empty()) {
    // Only constants (a map the folds left for run time, such as a look-up
    // miss or a division by zero): the same at every position, so it fails
    // at position 0 or nowhere (n = 0). A reduction without a tensor input
    // would have no loop bound: linalg rejects it ("non-invertible" maps)
    // and, with the verifier off, linalg.index folding crashed on it.
    SmallVector<Value> scalars = bodyScalars(b, loc, operands, ValueRange{}, state);
    Value failed = failure(b, loc, scalars);
    Value zero = arith::ConstantIntOp::create(b, loc, i64, 0);
    callIfFailed(arith::SelectOp::create(b, loc, failed, zero, nI64));
    return;
  }
  Value empty = tensor::EmptyOp::create(b, loc, ArrayRef<int64_t>{}, i64);
  Value init = linalg::FillOp::create(b, loc, ValueRange{nI64}, ValueRange{empty})
                   .getResult(0);
  MLIRContext *ctx = b.getContext();
  SmallVector<AffineMap> maps(inputs.size(),
                              AffineMap::getMultiDimIdentityMap(1, ctx));
  maps.push_back(AffineMap::get(1, 0, {}, ctx));
  auto generic = linalg::GenericOp::create(
      b, loc, TypeRange{init.getType()}, inputs, ValueRange{init}, maps,
      ArrayRef<utils::IteratorType>{utils::IteratorType::reduction},
      [&](OpBuilder &nested, Location nestedLoc, ValueRange args) {
        SmallVector<Value> scalars = bodyScalars(
            nested, nestedLoc, operands, args.drop_back(), state);
        Value failed = failure(nested, nestedLoc, scalars);
        Value position = arith::IndexCastOp::create(
            nested, nestedLoc, i64, linalg::IndexOp::create(nested, nestedLoc, 0));
        // failed ? min(position, acc) : acc
        Value candidate =
            arith::SelectOp::create(nested, nestedLoc, failed, position, args.back());
        Value min = arith::MinSIOp::create(nested, nestedLoc, candidate, args.back());
        linalg::YieldOp::create(nested, nestedLoc, min);
      });
  callIfFailed(tensor::ExtractOp::create(b, loc, generic.getResult(0), ValueRange{}));
}

void lowering::emitRuntimeErrorCall(OpBuilder &b, Location loc, int64_t code,
                                    int64_t opId, Value position) {
  // The pass declares the callee once, before any pattern runs.
  Type i64 = b.getI64Type();
  Value codeValue = arith::ConstantIntOp::create(b, loc, i64, code);
  Value idValue = arith::ConstantIntOp::create(b, loc, i64, opId);
  func::CallOp::create(b, loc, kRuntimeErrorFunctionName, TypeRange{},
                       ValueRange{codeValue, idValue, position});
}

Value lowering::createZeroTensor(OpBuilder &b, Location loc, Value n, Type type) {
  Value empty = tensor::EmptyOp::create(
      b, loc, ArrayRef<int64_t>{ShapedType::kDynamic}, type, ValueRange{n});
  Value zero = type.isF64()
                   ? (Value)arith::ConstantFloatOp::create(
                         b, loc, llvm::cast<FloatType>(type), APFloat(0.0))
                   : (Value)arith::ConstantIntOp::create(b, loc, type, 0);
  return linalg::FillOp::create(b, loc, ValueRange{zero}, ValueRange{empty})
      .getResult(0);
}

Value lowering::toF64(OpBuilder &b, Location loc, Value value) {
  if (value.getType().isF64())
    return value;
  return arith::SIToFPOp::create(b, loc, b.getF64Type(), value);
}

Value lowering::emitCompare(OpBuilder &b, Location loc, Predicate predicate,
                            Value lhs, Type lhsType, Value rhs, Type rhsType) {
  if (lhsType.isF64() || rhsType.isF64()) {
    arith::CmpFPredicate fp;
    switch (predicate) {
    case Predicate::eq: fp = arith::CmpFPredicate::OEQ; break;
    case Predicate::ne: fp = arith::CmpFPredicate::UNE; break;
    case Predicate::lt: fp = arith::CmpFPredicate::OLT; break;
    case Predicate::gt: fp = arith::CmpFPredicate::OGT; break;
    case Predicate::le: fp = arith::CmpFPredicate::OLE; break;
    case Predicate::ge: fp = arith::CmpFPredicate::OGE; break;
    }
    return arith::CmpFOp::create(b, loc, fp, toF64(b, loc, lhs), toF64(b, loc, rhs));
  }
  // Bools order False < True: unsigned compare on i1.
  bool isBool = lhsType.isInteger(1);
  arith::CmpIPredicate ip;
  switch (predicate) {
  case Predicate::eq: ip = arith::CmpIPredicate::eq; break;
  case Predicate::ne: ip = arith::CmpIPredicate::ne; break;
  case Predicate::lt: ip = isBool ? arith::CmpIPredicate::ult : arith::CmpIPredicate::slt; break;
  case Predicate::gt: ip = isBool ? arith::CmpIPredicate::ugt : arith::CmpIPredicate::sgt; break;
  case Predicate::le: ip = isBool ? arith::CmpIPredicate::ule : arith::CmpIPredicate::sle; break;
  case Predicate::ge: ip = isBool ? arith::CmpIPredicate::uge : arith::CmpIPredicate::sge; break;
  }
  return arith::CmpIOp::create(b, loc, ip, lhs, rhs);
}

Value lowering::emitFloorModInt(OpBuilder &b, Location loc, Value lhs, Value rhs) {
  Type i64 = b.getI64Type();
  Value zero = arith::ConstantIntOp::create(b, loc, i64, 0);
  Value one = arith::ConstantIntOp::create(b, loc, i64, 1);
  Value minusOne = arith::ConstantIntOp::create(b, loc, i64, -1);
  // x % 0 is reported by a run-time check; x % -1 is 0 but traps on x86 for
  // INT64_MIN: divide by 1 instead in both cases (same result for -1).
  Value isZero = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, rhs, zero);
  Value isMinusOne = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, rhs, minusOne);
  Value unsafe = arith::OrIOp::create(b, loc, isZero, isMinusOne);
  Value divisor = arith::SelectOp::create(b, loc, unsafe, one, rhs);
  Value rem = arith::RemSIOp::create(b, loc, lhs, divisor);
  Value remNonZero = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne, rem, zero);
  Value remNeg = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, rem, zero);
  Value divNeg = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, divisor, zero);
  Value signsDiffer = arith::XOrIOp::create(b, loc, remNeg, divNeg);
  Value adjust = arith::AndIOp::create(b, loc, remNonZero, signsDiffer);
  Value adjusted = arith::AddIOp::create(b, loc, rem, divisor);
  return arith::SelectOp::create(b, loc, adjust, adjusted, rem);
}

Value lowering::emitFloorModFloat(OpBuilder &b, Location loc, Value lhs, Value rhs) {
  Value zero = arith::ConstantFloatOp::create(b, loc, b.getF64Type(), APFloat(0.0));
  Value rem = arith::RemFOp::create(b, loc, lhs, rhs);
  Value remNonZero = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::ONE, rem, zero);
  Value remNeg = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OLT, rem, zero);
  Value divNeg = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OLT, rhs, zero);
  Value signsDiffer = arith::XOrIOp::create(b, loc, remNeg, divNeg);
  Value adjust = arith::AndIOp::create(b, loc, remNonZero, signsDiffer);
  Value adjusted = arith::AddFOp::create(b, loc, rem, rhs);
  Value floored = arith::SelectOp::create(b, loc, adjust, adjusted, rem);
  // Python gives a zero result the divisor's sign (-6.0 % 3 is 0.0,
  // 6.0 % -3 is -0.0); fmod gives it the dividend's.
  Value remZero = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OEQ, rem, zero);
  Value signedZero = math::CopySignOp::create(b, loc, zero, rhs);
  return arith::SelectOp::create(b, loc, remZero, signedZero, floored);
}

/// A bound on |v| for every value v of the int s-op `original` that holds at
/// compile time, when one is known and fits in i32: constants, tokens_int
/// within the input's range (rasp.int_range), 0/1 indicators.
std::optional<int64_t> lowering::getStaticIntBound(Value original,
                                         const RASPLoweringState &state) {
  auto type = llvm::dyn_cast<SOpType>(original.getType());
  if (!type || !type.getElementType().isInteger(64))
    return std::nullopt;
  Operation *def = original.getDefiningOp();
  std::optional<int64_t> bound;
  if (auto constant = llvm::dyn_cast_or_null<ConstantOp>(def)) {
    if (auto value = llvm::dyn_cast<IntegerAttr>(constant.getValue()))
      if (llvm::isInt<32>(value.getInt()))
        bound = std::abs(value.getInt());
  } else if (llvm::isa_and_nonnull<TokensOp>(def) && state.intRange) {
    auto [lo, hi] = *state.intRange;
    if (llvm::isInt<32>(lo) && llvm::isInt<32>(hi))
      bound = std::max(std::abs(lo), std::abs(hi));
  } else if (llvm::isa_and_nonnull<IndicatorOp>(def)) {
    bound = 1;
  }
  return bound;
}

/// True when every value of the int s-op `original` provably fits in i32
/// (rasp::getIntRange).
bool lowering::fitsInI32(Value original, const RASPLoweringState &state) {
  auto range = getIntRange(original, state.intRange);
  return range && range->first >= INT32_MIN && range->second <= INT32_MAX;
}
