//===- ByteDomain.cpp - Element-wise functions of a byte column as tables -===//

#include "ByteDomain.h"

#include "rasp/Conversion/RASPToLinalg/RASPToLinalg.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

using namespace mlir;
using namespace rasp::lowering;

namespace {

constexpr int64_t kBytes = 256;

/// A constant tensor<?xT> of `values`.
Value buildConstant(OpBuilder &b, Location loc, Type element, ArrayRef<int64_t> values,
                    RankedTensorType dynamicType) {
  auto type = RankedTensorType::get({(int64_t)values.size()}, element);
  SmallVector<APInt> elements;
  for (int64_t v : values)
    elements.push_back(APInt(element.getIntOrFloatBitWidth(), (uint64_t)v, /*isSigned=*/true,
                             /*implicitTrunc=*/true));
  Value constant =
      arith::ConstantOp::create(b, loc, type, DenseIntElementsAttr::get(type, elements));
  return tensor::CastOp::create(b, loc, dynamicType, constant);
}

/// Ops that are defined on every input: evaluating them on a byte that
/// does not occur cannot trap or read out of bounds.
bool isTotal(Operation &op) {
  if (isa<linalg::YieldOp>(op))
    return true;
  if (isa<arith::DivSIOp, arith::DivUIOp, arith::RemSIOp, arith::RemUIOp,
          arith::CeilDivSIOp, arith::CeilDivUIOp, arith::FloorDivSIOp,
          linalg::IndexOp>(op))
    return false;
  return op.getDialect() && op.getDialect()->getNamespace() == "arith" && isPure(&op);
}

/// A one-result, one-loop, parallel generic with identity maps that reads
/// only its inputs (not its init) and computes with total ops.
bool isElementwiseOfInputs(linalg::GenericOp generic) {
  if (generic.getNumDpsInits() != 1 || generic.getNumLoops() != 1 ||
      generic.getNumParallelLoops() != 1)
    return false;
  for (AffineMap map : generic.getIndexingMapsArray())
    if (!map.isIdentity())
      return false;
  if (!generic.getRegionOutputArgs()[0].use_empty())
    return false;
  // A byte look-up's extract reads a 256-entry table at a byte: in bounds.
  bool byteLookup = generic->hasAttr(rasp::kByteLookupAttrName);
  for (Operation &op : generic.getBody()->getOperations())
    if (!isTotal(op) && !(byteLookup && isa<tensor::ExtractOp>(op)))
      return false;
  return true;
}

} // namespace

Value ByteDomainEvaluator::evaluate(Value tensor, unsigned depth) {
  if (auto it = onBytes.find(tensor); it != onBytes.end())
    return it->second;
  // Deep chains are not the maps of one s-op: give up rather than recurse.
  if (depth > 64)
    return Value();
  auto type = dyn_cast<RankedTensorType>(tensor.getType());
  if (!type || type.getRank() != 1)
    return Value();
  Value result;
  int64_t domain = getDomainSize();
  auto setBytes = [&](Value column) {
    if (bytes && bytes != column)
      return false;
    bytes = column;
    return true;
  };
  auto generic = tensor.getDefiningOp<linalg::GenericOp>();
  if (type.getElementType().isInteger(8) &&
      (isa<BlockArgument>(tensor) || tensor.getDefiningOp<bufferization::ToTensorOp>())) {
    // A byte column: the one every table of this evaluator is a function of.
    if (!setBytes(tensor))
      return Value();
    SmallVector<int64_t> all;
    for (int64_t d = 0; d < domain; ++d)
      all.push_back((int64_t)(int8_t)(uint8_t)(d % kBytes));
    result = buildConstant(builder, loc, builder.getI8Type(), all, type);
  } else if (generic && generic->hasAttr(rasp::kPositionCompareAttrName)) {
    // The comparison is the bit: 0 on the first 256 entries, 1 on the rest.
    if (!withBit || (bit && bit != generic.getOperation()) ||
        !setBytes(generic.getDpsInputs()[0]))
      return Value();
    bit = generic;
    SmallVector<int64_t> all;
    for (int64_t d = 0; d < domain; ++d)
      all.push_back(d / kBytes);
    result = buildConstant(builder, loc, type.getElementType(), all, type);
  } else if (generic) {
    if (!isElementwiseOfInputs(generic))
      return Value();
    IRMapping mapping;
    for (Value input : generic.getDpsInputs()) {
      Value inputOnBytes = evaluate(input, depth + 1);
      if (!inputOnBytes)
        return Value();
      mapping.map(input, inputOnBytes);
    }
    Value size = arith::ConstantIndexOp::create(builder, loc, domain);
    Value init = tensor::EmptyOp::create(builder, loc, ArrayRef<int64_t>{ShapedType::kDynamic},
                                         type.getElementType(), ValueRange{size});
    mapping.map(generic.getDpsInits()[0], init);
    Operation *clone = builder.clone(*generic, mapping);
    result = clone->getResult(0);
  } else {
    return Value();
  }
  onBytes[tensor] = result;
  return result;
}

Value ByteDomainEvaluator::getTable(Value tensor) {
  Value onAllBytes = evaluate(tensor, 0);
  if (!onAllBytes)
    return Value();
  Type element = cast<RankedTensorType>(onAllBytes.getType()).getElementType();
  if (!element.isSignlessInteger() || element.getIntOrFloatBitWidth() > 64)
    return Value();
  Type i64 = builder.getI64Type();
  int64_t domain = getDomainSize();
  auto staticType = RankedTensorType::get({domain}, element);
  Value table = tensor::CastOp::create(builder, loc, staticType, onAllBytes);
  if (element == i64)
    return table;
  // Bools count as 0/1, ints keep their sign.
  bool isBool = element.isInteger(1);
  Value init = tensor::EmptyOp::create(builder, loc, ArrayRef<int64_t>{domain}, i64);
  MLIRContext *ctx = builder.getContext();
  auto identity = AffineMap::getMultiDimIdentityMap(1, ctx);
  auto widen = linalg::GenericOp::create(
      builder, loc, TypeRange{init.getType()}, ValueRange{table}, ValueRange{init},
      ArrayRef<AffineMap>{identity, identity},
      ArrayRef<utils::IteratorType>{utils::IteratorType::parallel},
      [&](OpBuilder &b, Location l, ValueRange args) {
        Value wide = isBool ? (Value)arith::ExtUIOp::create(b, l, i64, args[0])
                            : (Value)arith::ExtSIOp::create(b, l, i64, args[0]);
        linalg::YieldOp::create(b, l, wide);
      });
  return widen.getResult(0);
}
