//===- SelectorPatterns.cpp - aggregate / selector_width to linalg --------===//
//
// A selector is never materialized. Each aggregate and selector_width
// becomes one linalg.generic over (query q: parallel, key k: reduction)
// whose body evaluates the selector tree feeding it at (q, k): memory stays
// O(n). The body only adds (masked values and counts), so the reduction can
// be reassociated, tiled and vectorized.
//
//===----------------------------------------------------------------------===//

#include "LoweringUtils.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

using namespace mlir;
using namespace rasp;
using namespace rasp::lowering;

namespace {

enum class Role { Key, Query };

/// Generic attribute: the key-loop accumulators given (an array of result
/// numbers) add sign-extended i32 terms bounded by `rasp.i32_partial_bound`
/// in magnitude, so convert-select-reductions-to-affine may add them in i32
/// over chunks of INT32_MAX / bound keys and widen once per chunk (exact).
constexpr llvm::StringLiteral kPartialSumsAttr = "rasp.i32_partial_sums";
constexpr llvm::StringLiteral kPartialBoundAttr = "rasp.i32_partial_bound";

/// Builds the operands and the body of one fused (query x key) generic.
class FusedSelectorBuilder {
public:
  FusedSelectorBuilder(ConversionPatternRewriter &rewriter,
                       const RASPLoweringState &state)
      : rewriter(rewriter), state(state) {}

  /// Int keys and queries of selects are compared in i32 (each read column
  /// truncated once, an O(n) map of length `n`). Only when every compared
  /// int fits (see comparesNarrowValues).
  void enableNarrowInts(Location loc, Value n) {
    narrowLoc = loc;
    narrowLength = n;
  }
  bool narrowsInts() const { return (bool)narrowLength; }

  /// Registers the tensors the selector tree reads. Fails on a selector that
  /// is not built from select/and/or/not.
  LogicalResult addSelector(Value selector) {
    Operation *def = selector.getDefiningOp();
    if (auto select = llvm::dyn_cast_or_null<SelectOp>(def)) {
      addOperand(select.getKeys(), Role::Key, narrowsInts());
      addOperand(select.getQueries(), Role::Query, narrowsInts());
      return success();
    }
    if (auto andOp = llvm::dyn_cast_or_null<SelectAndOp>(def))
      return success(succeeded(addSelector(andOp.getLhs())) &&
                     succeeded(addSelector(andOp.getRhs())));
    if (auto orOp = llvm::dyn_cast_or_null<SelectOrOp>(def))
      return success(succeeded(addSelector(orOp.getLhs())) &&
                     succeeded(addSelector(orOp.getRhs())));
    if (auto notOp = llvm::dyn_cast_or_null<SelectNotOp>(def))
      return addSelector(notOp.getOperand());
    return failure();
  }

  /// Registers an s-op read at the key (k) or query (q) position. Constants
  /// and indices need no tensor: they are computed in the body.
  /// With `narrow`, an int s-op is read as its i32 truncation.
  void addOperand(Value original, Role role, bool narrow = false) {
    if (original.getDefiningOp<ConstantOp>() || original.getDefiningOp<IndicesOp>())
      return;
    narrow = narrow && isNarrowedInt(original);
    auto key = std::make_pair(original, (int)role + (narrow ? 2 : 0));
    if (inputIndex.count(key))
      return;
    inputIndex[key] = inputs.size();
    Value tensor = rewriter.getRemappedValue(original);
    if (narrow && truncated.count(original)) {
      tensor = truncated.lookup(original);
    } else if (narrow) {
      // A linalg.map, not a generic: linalg-fuse-elementwise-ops would fuse
      // a generic into the (query x key) loop, truncating at every (q, k).
      Type i32 = rewriter.getI32Type();
      Value init = tensor::EmptyOp::create(
          rewriter, narrowLoc, ArrayRef<int64_t>{ShapedType::kDynamic}, i32,
          ValueRange{narrowLength});
      tensor = linalg::MapOp::create(
                   rewriter, narrowLoc, ValueRange{tensor}, init,
                   [&](OpBuilder &b, Location l, ValueRange args) {
                     linalg::YieldOp::create(
                         b, l, arith::TruncIOp::create(b, l, i32, args[0]).getResult());
                   })
                   .getResult()
                   .front();
      truncated[original] = tensor;
    }
    inputs.push_back(tensor);
    MLIRContext *ctx = rewriter.getContext();
    maps.push_back(AffineMap::get(2, 0, getAffineDimExpr(role == Role::Key ? 1 : 0, ctx)));
  }

  /// The scalar value of `original` at the body's (q, k).
  Value scalar(OpBuilder &b, Location loc, ValueRange args, Value original,
               Role role, bool narrow = false) {
    narrow = narrow && isNarrowedInt(original);
    if (auto constant = original.getDefiningOp<ConstantOp>())
      return materializeScalar(
          b, loc, constant.getValue(),
          narrow ? b.getI32Type()
                 : getLoweredElementType(constant.getType().getElementType()),
          state);
    if (original.getDefiningOp<IndicesOp>())
      return arith::IndexCastOp::create(
          b, loc, narrow ? b.getI32Type() : b.getI64Type(),
          linalg::IndexOp::create(b, loc, role == Role::Key ? 1 : 0));
    return args[inputIndex.lookup(
        std::make_pair(original, (int)role + (narrow ? 2 : 0)))];
  }

  /// The selector's entry (q, k) as an i1.
  Value evaluate(OpBuilder &b, Location loc, ValueRange args, Value selector) {
    if (Value known = memo.lookup(selector))
      return known;
    Operation *def = selector.getDefiningOp();
    Value result;
    if (auto select = llvm::dyn_cast<SelectOp>(def)) {
      Value key = scalar(b, loc, args, select.getKeys(), Role::Key, narrowsInts());
      Value query =
          scalar(b, loc, args, select.getQueries(), Role::Query, narrowsInts());
      result = emitCompare(b, loc, select.getPredicate(), key,
                           select.getKeys().getType().getElementType(), query,
                           select.getQueries().getType().getElementType());
    } else if (auto andOp = llvm::dyn_cast<SelectAndOp>(def)) {
      result = arith::AndIOp::create(b, loc, evaluate(b, loc, args, andOp.getLhs()),
                                     evaluate(b, loc, args, andOp.getRhs()));
    } else if (auto orOp = llvm::dyn_cast<SelectOrOp>(def)) {
      result = arith::OrIOp::create(b, loc, evaluate(b, loc, args, orOp.getLhs()),
                                    evaluate(b, loc, args, orOp.getRhs()));
    } else {
      auto notOp = llvm::cast<SelectNotOp>(def);
      Value trueValue = arith::ConstantIntOp::create(b, loc, b.getI1Type(), 1);
      result = arith::XOrIOp::create(
          b, loc, evaluate(b, loc, args, notOp.getOperand()), trueValue);
    }
    memo[selector] = result;
    return result;
  }

  /// Builds the generic with the given accumulators (all indexed by q).
  /// `body` receives the block arguments and returns the new accumulators.
  /// True when `original` is an int s-op the narrow mode reads as i32.
  bool isNarrowedInt(Value original) const {
    return narrowsInts() &&
           llvm::cast<SOpType>(original.getType()).getElementType().isInteger(64);
  }

  linalg::GenericOp
  build(Location loc, ValueRange inits,
        llvm::function_ref<SmallVector<Value>(OpBuilder &, Location, ValueRange)>
            body) {
    MLIRContext *ctx = rewriter.getContext();
    // A selector over indices and constants only reads no key tensor; the
    // key loop still needs an extent: the input tokens give it (unused).
    AffineMap keyMap = AffineMap::get(2, 0, getAffineDimExpr(1, ctx));
    if (!llvm::is_contained(maps, keyMap)) {
      auto func = rewriter.getInsertionBlock()->getParentOp()->getParentOfType<func::FuncOp>();
      if (!func)
        func = llvm::dyn_cast<func::FuncOp>(rewriter.getInsertionBlock()->getParentOp());
      inputs.push_back(func.getArgument(kTokensStringArg));
      maps.push_back(keyMap);
    }
    SmallVector<AffineMap> allMaps = maps;
    for (size_t i = 0; i < inits.size(); ++i)
      allMaps.push_back(AffineMap::get(2, 0, getAffineDimExpr(0, ctx)));
    return linalg::GenericOp::create(
        rewriter, loc, TypeRange(inits), inputs, inits, allMaps,
        ArrayRef<utils::IteratorType>{utils::IteratorType::parallel,
                                      utils::IteratorType::reduction},
        [&](OpBuilder &b, Location bodyLoc, ValueRange args) {
          memo.clear();
          linalg::YieldOp::create(b, bodyLoc, body(b, bodyLoc, args));
        });
  }

private:
  ConversionPatternRewriter &rewriter;
  const RASPLoweringState &state;
  SmallVector<Value> inputs;
  SmallVector<AffineMap> maps;
  DenseMap<std::pair<Value, int>, unsigned> inputIndex;
  DenseMap<Value, Value> memo;
  Location narrowLoc = rewriter.getUnknownLoc();
  DenseMap<Value, Value> truncated; // int s-op -> its i32 column
  Value narrowLength;
};

/// True when `selector` is built from select/and/or/not.
bool isSelectTree(Value selector) {
  Operation *def = selector.getDefiningOp();
  if (llvm::isa_and_nonnull<SelectOp>(def))
    return true;
  if (!llvm::isa_and_nonnull<SelectAndOp, SelectOrOp, SelectNotOp>(def))
    return false;
  return llvm::all_of(def->getOperands(), isSelectTree);
}

/// True when `elementType` lowers to at most 32 bits (string ids, bools).
bool isNarrow(Type elementType) {
  return getLoweredElementType(elementType).getIntOrFloatBitWidth() <= 32;
}

/// True when every select in the tree compares narrow values: narrow types,
/// or (with `state`) ints on both sides that provably fit in i32, which
/// sets `narrowedInts`.
bool comparesNarrowValues(Value selector, const RASPLoweringState *state,
                          bool &narrowedInts) {
  Operation *def = selector.getDefiningOp();
  if (auto select = llvm::dyn_cast_or_null<SelectOp>(def)) {
    Type keyType = select.getKeys().getType().getElementType();
    Type queryType = select.getQueries().getType().getElementType();
    if (isNarrow(keyType) && isNarrow(queryType))
      return true;
    if (state && keyType.isInteger(64) && queryType.isInteger(64) &&
        fitsInI32(select.getKeys(), *state) &&
        fitsInI32(select.getQueries(), *state)) {
      narrowedInts = true;
      return true;
    }
    return false;
  }
  return def && llvm::all_of(def->getOperands(), [&](Value operand) {
           return comparesNarrowValues(operand, state, narrowedInts);
         });
}

/// True when the tree's int comparisons can all run in i32 (and there is at
/// least one): the input's int range is known and every compared int fits.
bool canNarrowIntKeys(Value selector, const RASPLoweringState &state) {
  bool narrowedInts = false;
  return comparesNarrowValues(selector, &state, narrowedInts) && narrowedInts;
}

/// The type counts accumulate in inside the key loop: i32 (n < 2^31, checked
/// by the driver) when the loop otherwise works on 32-bit lanes, which
/// doubles the lanes per vector; i64 when it compares or sums 64-bit values,
/// where mixing widths would cost shuffles. `narrowInts`: int keys are
/// compared in i32 and int values added as i32 (see AggregateLowering).
Type getCountType(Value selector, Value values, bool narrowInts,
                  const RASPLoweringState &state) {
  MLIRContext *ctx = selector.getContext();
  bool unused = false;
  bool narrow = (narrowInts || comparesNarrowValues(selector, nullptr, unused));
  if (narrow && values) {
    Type valueType = llvm::cast<SOpType>(values.getType()).getElementType();
    narrow = isNarrow(valueType) ||
             (narrowInts && getStaticIntBound(values, state).has_value());
  }
  return IntegerType::get(ctx, narrow ? 32 : 64);
}

Value countSelected(OpBuilder &b, Location loc, Value selected, Value count) {
  return arith::AddIOp::create(
      b, loc, count, arith::ExtUIOp::create(b, loc, count.getType(), selected));
}

/// With a default of another kind than the values, taking it at some
/// positions and not at others is an error. Taking it everywhere is fine only
/// for a program output (the driver prints the default).
void emitMixedDefaultCheck(OpBuilder &b, Location loc, Value n, Value counts,
                           Operation *op, int64_t opId) {
    Type i64 = b.getI64Type();
    Value nI64 = arith::IndexCastOp::create(b, loc, i64, n);
    Value empty = tensor::EmptyOp::create(b, loc, ArrayRef<int64_t>{}, i64);
    Value init = linalg::FillOp::create(b, loc, ValueRange{nI64}, ValueRange{empty})
                     .getResult(0);
    MLIRContext *ctx = b.getContext();
    AffineMap identity = AffineMap::getMultiDimIdentityMap(1, ctx);
    AffineMap scalarMap = AffineMap::get(1, 0, {}, ctx);
    // firstDefault = min position with count == 0; firstValue = with count > 0.
    auto generic = linalg::GenericOp::create(
        b, loc, TypeRange{init.getType(), init.getType()}, ValueRange{counts},
        ValueRange{init, init}, ArrayRef<AffineMap>{identity, scalarMap, scalarMap},
        ArrayRef<utils::IteratorType>{utils::IteratorType::reduction},
        [&](OpBuilder &nb, Location nl, ValueRange args) {
          Value position = arith::IndexCastOp::create(
              nb, nl, i64, linalg::IndexOp::create(nb, nl, 0));
          Value none = arith::CmpIOp::create(
              nb, nl, arith::CmpIPredicate::eq, args[0],
              arith::ConstantIntOp::create(nb, nl, args[0].getType(), 0));
          Value firstDefault = arith::MinSIOp::create(
              nb, nl, arith::SelectOp::create(nb, nl, none, position, args[1]), args[1]);
          Value firstValue = arith::MinSIOp::create(
              nb, nl, arith::SelectOp::create(nb, nl, none, args[2], position), args[2]);
          linalg::YieldOp::create(nb, nl, ValueRange{firstDefault, firstValue});
        });
    Value firstDefault = tensor::ExtractOp::create(b, loc, generic.getResult(0), ValueRange{});
    Value firstValue = tensor::ExtractOp::create(b, loc, generic.getResult(1), ValueRange{});
    Value anyDefault = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, firstDefault, nI64);
    Value anyValue = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, firstValue, nI64);
    bool isOutput = op->hasAttr("rasp.returned");
    scf::IfOp::create(b, loc, anyDefault, [&](OpBuilder &then, Location tl) {
      // Mixed: report the first position taking the default. All default: fine for an
      // output, an error where the value is used further.
      Value mixedAt = firstDefault; // as the interpreter reports it
      scf::IfOp::create(
          then, tl, anyValue,
          [&](OpBuilder &b2, Location l2) {
            emitRuntimeErrorCall(b2, l2, (int64_t)RuntimeErrorCode::MixedDefault,
                                 opId, mixedAt);
            scf::YieldOp::create(b2, l2);
          },
          [&](OpBuilder &b2, Location l2) {
            emitRuntimeErrorCall(
                b2, l2,
                isOutput ? kAllDefaultNotice
                         : (int64_t)RuntimeErrorCode::MixedDefault,
                opId, firstDefault);
            scf::YieldOp::create(b2, l2);
          });
      scf::YieldOp::create(then, tl);
    });
  }


} // namespace

Value rasp::lowering::finalizeAggregate(
    ConversionPatternRewriter &rewriter, Operation *op, Location loc, Value n,
    Value sums, Value counts, SOpType valuesType, Attribute defaultValue,
    SOpType resultSOpType, const RASPLoweringState &state,
    bool atMostOneSelected, bool exactlyOneSelected) {
  Type sumType = llvm::cast<RankedTensorType>(sums.getType()).getElementType();
  if (exactlyOneSelected) {
    // Each value is its own mean; no default, no error is possible. The
    // counts are not read: no check loops, no count buffer.
    Type resultType = getLoweredElementType(resultSOpType.getElementType());
    bool isNumeric = valuesType.isNumeric();
    return buildElementwise(
        rewriter, loc, n, {{sums, Attribute(), sumType}}, resultType,
        [&](OpBuilder &b, Location loc, ArrayRef<Value> s) -> Value {
          if (isNumeric)
            return toF64(b, loc, s[0]);
          if (resultType.isInteger(1))
            return arith::TruncIOp::create(b, loc, resultType, s[0]);
          return s[0];
        },
        state);
  }
  Type countType = llvm::cast<RankedTensorType>(counts.getType()).getElementType();
  SmallVector<MapOperand> finalOperands = {{sums, Attribute(), sumType},
                                           {counts, Attribute(), countType}};
  Type defaultType = getScalarAttrElementType(defaultValue);
  Type resultType = getLoweredElementType(resultSOpType.getElementType());
  bool isNumeric = valuesType.isNumeric();
  bool defaultFits = isNumeric || defaultType == resultSOpType.getElementType();
  int64_t opId = getOpId(op);
  Type f64 = rewriter.getF64Type();

  if (!isNumeric && !atMostOneSelected) {
    // Several strings or bools selected: an error, even when equal.
    emitRuntimeCheck(
        rewriter, loc, n, finalOperands,
        [&](OpBuilder &b, Location loc, ArrayRef<Value> s) -> Value {
          return arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sgt, s[1],
                                       arith::ConstantIntOp::create(b, loc, countType, 1));
        },
        (int64_t)RuntimeErrorCode::SeveralNonNumeric, opId, state);
  }
  if (!isNumeric && !defaultFits)
    emitMixedDefaultCheck(rewriter, loc, n, counts, op, opId);

  return buildElementwise(
      rewriter, loc, n, finalOperands, resultType,
      [&](OpBuilder &b, Location loc, ArrayRef<Value> s) -> Value {
        Value none = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, s[1],
                                           arith::ConstantIntOp::create(b, loc, countType, 0));
        if (isNumeric) {
          Value mean = arith::DivFOp::create(
              b, loc, toF64(b, loc, s[0]),
              arith::SIToFPOp::create(b, loc, f64, s[1]));
          Value fallback = materializeScalar(b, loc, defaultValue, f64, state);
          return arith::SelectOp::create(b, loc, none, fallback, mean);
        }
        // A default of another kind never reaches a value that is used: the
        // mixed-default check reports it. -1 marks it (no string has that id).
        Value fallback =
            defaultFits ? materializeScalar(b, loc, defaultValue,
                                            getLoweredElementType(defaultType), state)
                        : arith::ConstantIntOp::create(b, loc, resultType,
                                                       resultType.isInteger(1) ? 0 : -1);
        Value chosen = s[0];
        if (resultType.isInteger(1))
          chosen = arith::TruncIOp::create(b, loc, resultType, chosen);
        return arith::SelectOp::create(b, loc, none, fallback, chosen);
      },
      state);
}

namespace {

/// rasp.gather: per query, the value at positions[q] when it lies in [0, n)
/// (sum = that value, count = 1) or nothing (count = 0); then the
/// aggregate's own finalization, so results and errors are the aggregate's.
/// Positions as a * length + b * indices + c, when they are such a sum of
/// length, indices and int constants (depth-limited).
struct AffinePositions {
  int64_t a = 0, b = 0, c = 0;
};

std::optional<AffinePositions> getAffinePositions(Value value, int depth = 0) {
  if (depth > 8)
    return std::nullopt;
  Operation *def = value.getDefiningOp();
  if (!def || !llvm::cast<SOpType>(value.getType()).getElementType().isInteger(64))
    return std::nullopt;
  if (llvm::isa<LengthOp>(def))
    return AffinePositions{1, 0, 0};
  if (llvm::isa<IndicesOp>(def))
    return AffinePositions{0, 1, 0};
  if (auto constant = llvm::dyn_cast<ConstantOp>(def)) {
    auto attr = llvm::dyn_cast<IntegerAttr>(constant.getValue());
    // Small constants only: the sums below must not overflow.
    if (!attr || attr.getInt() < -(1 << 20) || attr.getInt() > (1 << 20))
      return std::nullopt;
    return AffinePositions{0, 0, attr.getInt()};
  }
  auto combine = [&](Value lhs, Value rhs, int64_t sign) -> std::optional<AffinePositions> {
    auto l = getAffinePositions(lhs, depth + 1), r = getAffinePositions(rhs, depth + 1);
    if (!l || !r)
      return std::nullopt;
    AffinePositions sum{l->a + sign * r->a, l->b + sign * r->b, l->c + sign * r->c};
    if (std::abs(sum.a) > 4 || std::abs(sum.b) > 4)
      return std::nullopt;
    return sum;
  };
  if (auto add = llvm::dyn_cast<AddOp>(def))
    return combine(add.getLhs(), add.getRhs(), 1);
  if (auto sub = llvm::dyn_cast<SubOp>(def))
    return combine(sub.getLhs(), sub.getRhs(), -1);
  return std::nullopt;
}

/// True when every position q (0 <= q < n) reads a key in [0, n), for every
/// n >= 1: the positions are linear in q, so their ends q = 0 and q = n - 1
/// decide, and p * n + r lies in [0, n - 1] for all n >= 1 only for p = 0,
/// r = 0 (position 0) or p = 1, r = -1 (position n - 1). That leaves
/// indices, length - 1 - indices, 0 and length - 1: reverse and the last
/// token.
bool positionsAlwaysInRange(Value positions) {
  auto form = getAffinePositions(positions);
  if (!form)
    return false;
  auto endInRange = [](int64_t p, int64_t r) {
    return (p == 0 && r == 0) || (p == 1 && r == -1);
  };
  // q = 0: a * n + c; q = n - 1: (a + b) * n + (c - b).
  return endInRange(form->a, form->c) && endInRange(form->a + form->b, form->c - form->b);
}

struct GatherLowering : RASPConversionPattern<GatherOp> {
  using RASPConversionPattern::RASPConversionPattern;

  LogicalResult
  matchAndRewrite(GatherOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value n = getInputLength(rewriter, loc, op);
    Type i64 = rewriter.getI64Type();
    Type valueType = getLoweredElementType(op.getValues().getType().getElementType());
    Type sumType = valueType.isInteger(1) ? i64 : valueType;
    Value values = adaptor.getValues();
    SmallVector<MapOperand> operands = {
        getMapOperand(op.getPositions(), adaptor.getPositions())};
    bool alwaysInRange = positionsAlwaysInRange(op.getPositions());
    Value empty = tensor::EmptyOp::create(
        rewriter, loc, ArrayRef<int64_t>{ShapedType::kDynamic}, sumType, ValueRange{n});
    // A gather selects at most one key: an i8 count is enough (and no
    // "several selected" check is needed).
    Type countType = rewriter.getI8Type();
    Value countEmpty = tensor::EmptyOp::create(
        rewriter, loc, ArrayRef<int64_t>{ShapedType::kDynamic}, countType, ValueRange{n});
    SmallVector<Value> inputs;
    if (operands[0].tensor)
      inputs.push_back(operands[0].tensor);
    // Positions always in range select their key at every query: the values
    // are gathered as they are (no mask, no clamp), with no count and no
    // checks (finalizeAggregate's exactlyOneSelected). Otherwise the generic
    // also yields a per-query count.
    SmallVector<Value> outputs = {empty};
    if (!alwaysInRange)
      outputs.push_back(countEmpty);
    MLIRContext *ctx = rewriter.getContext();
    SmallVector<AffineMap> maps(inputs.size() + outputs.size(),
                                AffineMap::getMultiDimIdentityMap(1, ctx));
    auto generic = linalg::GenericOp::create(
        rewriter, loc, ValueRange(outputs).getTypes(), inputs, outputs, maps,
        ArrayRef<utils::IteratorType>{utils::IteratorType::parallel},
        [&](OpBuilder &b, Location l, ValueRange args) {
          Value position = operands[0].tensor
                               ? args[0]
                               : materializeScalar(b, l, operands[0].constant, i64, state);
          auto gather = [&](Value at) {
            Value index = arith::IndexCastOp::create(b, l, b.getIndexType(), at);
            Value value = tensor::ExtractOp::create(b, l, values, ValueRange{index});
            if (value.getType() != sumType)
              value = arith::ExtUIOp::create(b, l, sumType, value);
            return value;
          };
          if (alwaysInRange) {
            linalg::YieldOp::create(b, l, gather(position));
            return;
          }
          Value nI64 = arith::IndexCastOp::create(b, l, i64, n);
          Value zero = arith::ConstantIntOp::create(b, l, i64, 0);
          Value inRange = arith::AndIOp::create(
              b, l,
              arith::CmpIOp::create(b, l, arith::CmpIPredicate::sge, position, zero),
              arith::CmpIOp::create(b, l, arith::CmpIPredicate::slt, position, nI64));
          // Clamped so that an out-of-range position reads nothing out of
          // bounds; its value is masked away.
          Value last = arith::SubIOp::create(b, l, nI64,
                                             arith::ConstantIntOp::create(b, l, i64, 1));
          Value clamped = arith::MaxSIOp::create(
              b, l, arith::MinSIOp::create(b, l, position, last), zero);
          Value value = gather(clamped);
          Value zeroValue =
              sumType.isF64()
                  ? (Value)arith::ConstantFloatOp::create(
                        b, l, llvm::cast<FloatType>(sumType), APFloat(0.0))
                  : (Value)arith::ConstantIntOp::create(b, l, sumType, 0);
          Value sum = arith::SelectOp::create(b, l, inRange, value, zeroValue);
          Value count = arith::ExtUIOp::create(b, l, countType, inRange);
          linalg::YieldOp::create(b, l, ValueRange{sum, count});
        });
    Value sums = generic.getResult(0);
    // Always in range: exactly one key per query, counts are not needed.
    Value counts = alwaysInRange ? Value() : generic.getResult(1);
    rewriter.replaceOp(op, finalizeAggregate(rewriter, op, loc, n, sums, counts,
                                             op.getValues().getType(),
                                             op.getDefaultValueAttr(),
                                             op.getType(), state,
                                             /*atMostOneSelected=*/true,
                                             /*exactlyOneSelected=*/alwaysInRange));
    return success();
  }

};

struct SelectorWidthLowering : RASPConversionPattern<SelectorWidthOp> {
  using RASPConversionPattern::RASPConversionPattern;

  LogicalResult
  matchAndRewrite(SelectorWidthOp op, OpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    FusedSelectorBuilder fused(rewriter, state);
    if (!isSelectTree(op.getSelector()))
      return rewriter.notifyMatchFailure(op, "selector is not a select tree");
    Value n = getInputLength(rewriter, loc, op);
    bool narrowInts = canNarrowIntKeys(op.getSelector(), state);
    if (narrowInts)
      fused.enableNarrowInts(loc, n);
    (void)fused.addSelector(op.getSelector());
    Type countType = getCountType(op.getSelector(), Value(), narrowInts, state);
    Value count = createZeroTensor(rewriter, loc, n, countType);
    auto generic = fused.build(
        loc, ValueRange{count},
        [&](OpBuilder &b, Location bodyLoc, ValueRange args) {
          Value selected = fused.evaluate(b, bodyLoc, args, op.getSelector());
          return SmallVector<Value>{
              countSelected(b, bodyLoc, selected, args.back())};
        });
    if (countType.isInteger(64)) {
      rewriter.replaceOp(op, generic.getResult(0));
      return success();
    }
    Value widened = buildElementwise(
        rewriter, loc, n, {{generic.getResult(0), Attribute(), countType}},
        rewriter.getI64Type(),
        [](OpBuilder &b, Location l, ArrayRef<Value> s) -> Value {
          return arith::ExtUIOp::create(b, l, b.getI64Type(), s[0]);
        },
        state);
    rewriter.replaceOp(op, widened);
    return success();
  }

};

struct AggregateLowering : RASPConversionPattern<AggregateOp> {
  using RASPConversionPattern::RASPConversionPattern;

  LogicalResult
  matchAndRewrite(AggregateOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    FusedSelectorBuilder fused(rewriter, state);
    if (!isSelectTree(op.getSelector()))
      return rewriter.notifyMatchFailure(op, "selector is not a select tree");
    Value n = getInputLength(rewriter, loc, op);
    Value values = op.getValues();
    bool narrowInts = canNarrowIntKeys(op.getSelector(), state);
    if (narrowInts)
      fused.enableNarrowInts(loc, n);
    (void)fused.addSelector(op.getSelector());
    // Int values with a static bound are added as i32 terms (extended into
    // the i64 sum; the affine lowering adds them in i32 over chunks).
    std::optional<int64_t> valueBound;
    if (narrowInts)
      valueBound = getStaticIntBound(values, state);
    fused.addOperand(values, Role::Key, valueBound.has_value());

    Type valueType = llvm::cast<SOpType>(values.getType()).getElementType();
    Type i64 = rewriter.getI64Type(), f64 = rewriter.getF64Type();
    Type countType = getCountType(op.getSelector(), values, narrowInts, state);
    // Numeric: sum and count give the mean (int sums are exact in i64).
    // Categorical (i32 string ids, bools): the masked sum equals the selected
    // value when exactly one is selected, so it needs no more bits than it.
    Type loweredValueType = getLoweredElementType(valueType);
    Type sumType = valueType.isF64()               ? f64
                   : loweredValueType.isInteger(32) ? loweredValueType
                                                    : i64;
    Value sumInit = createZeroTensor(rewriter, loc, n, sumType);
    Value countInit = createZeroTensor(rewriter, loc, n, countType);
    auto generic = fused.build(
        loc, ValueRange{sumInit, countInit},
        [&](OpBuilder &b, Location bodyLoc, ValueRange args) {
          Value selected = fused.evaluate(b, bodyLoc, args, op.getSelector());
          Value value = fused.scalar(b, bodyLoc, args, values, Role::Key,
                                     valueBound.has_value());
          if (valueBound) {
            // select(m, v, 0) in i32, then widened: sum + sext(term).
            Value zero32 = arith::ConstantIntOp::create(b, bodyLoc, b.getI32Type(), 0);
            Value term = arith::SelectOp::create(b, bodyLoc, selected, value, zero32);
            Value sum = args[args.size() - 2];
            Value newSum = arith::AddIOp::create(
                b, bodyLoc, sum, arith::ExtSIOp::create(b, bodyLoc, i64, term));
            return SmallVector<Value>{newSum,
                                      countSelected(b, bodyLoc, selected, args.back())};
          }
          if (value.getType().isInteger(1))
            value = arith::ExtUIOp::create(b, bodyLoc, sumType, value);
          Value zero = sumType.isF64()
                           ? (Value)arith::ConstantFloatOp::create(
                                 b, bodyLoc, llvm::cast<FloatType>(f64), APFloat(0.0))
                           : (Value)arith::ConstantIntOp::create(b, bodyLoc, sumType, 0);
          Value masked = arith::SelectOp::create(b, bodyLoc, selected, value, zero);
          Value sum = args[args.size() - 2];
          Value newSum = sumType.isF64()
                             ? (Value)arith::AddFOp::create(b, bodyLoc, sum, masked)
                             : (Value)arith::AddIOp::create(b, bodyLoc, sum, masked);
          return SmallVector<Value>{newSum,
                                    countSelected(b, bodyLoc, selected, args.back())};
        });
    if (valueBound) {
      generic->setAttr(kPartialSumsAttr, rewriter.getI64ArrayAttr({0}));
      generic->setAttr(kPartialBoundAttr,
                       rewriter.getI64IntegerAttr(std::max<int64_t>(*valueBound, 1)));
    }
    Value sums = generic.getResult(0), counts = generic.getResult(1);
    rewriter.replaceOp(op, finalizeAggregate(rewriter, op, loc, n, sums, counts,
                                             llvm::cast<SOpType>(values.getType()),
                                             op.getDefaultValueAttr(), op.getType(),
                                             state));
    return success();
  }

};

} // namespace

void rasp::populateRASPSelectorToLinalgPatterns(const TypeConverter &converter,
                                                RewritePatternSet &patterns,
                                                const RASPLoweringState &state) {
  patterns.add<SelectorWidthLowering, AggregateLowering, GatherLowering>(
      converter, patterns.getContext(), state);
}

void rasp::populateRASPToLinalgPatterns(const TypeConverter &converter,
                                        RewritePatternSet &patterns,
                                        const RASPLoweringState &state) {
  populateRASPElementwiseToLinalgPatterns(converter, patterns, state);
  populateRASPSelectorToLinalgPatterns(converter, patterns, state);
  populateRASPScanToLinalgPatterns(converter, patterns, state);
  populateRASPKeyedReduceToLinalgPatterns(converter, patterns, state);
}
