//===- LoweringUtils.h - Shared pieces of the rasp lowering -----*- C++ -*-===//
//
// Scalar semantics (Python's arithmetic on lowered element types), element-
// wise generics and run-time checks, shared by the element-wise and the
// selector patterns.
//
//===----------------------------------------------------------------------===//

#ifndef RASP_LIB_CONVERSION_RASPTOLINALG_LOWERINGUTILS_H
#define RASP_LIB_CONVERSION_RASPTOLINALG_LOWERINGUTILS_H

#include "rasp/Conversion/RASPToLinalg/RASPToLinalg.h"
#include "rasp/Dialect/RASP/IR/RASPOps.h"
#include "rasp/Runtime/RuntimeErrors.h"

#include "mlir/IR/Builders.h"
#include "mlir/Transforms/DialectConversion.h"

namespace rasp::lowering {

/// An operand of an element-wise body: a tensor read at the current
/// position, or a compile-time constant folded into the body.
struct MapOperand {
  mlir::Value tensor;       // set for tensor operands
  mlir::Attribute constant; // set for constants
  mlir::Type raspElementType;
};

/// A conversion pattern that reads the lowering state (string ids and sets).
template <typename OpTy>
struct RASPConversionPattern : mlir::OpConversionPattern<OpTy> {
  RASPConversionPattern(const mlir::TypeConverter &converter,
                        mlir::MLIRContext *ctx, const RASPLoweringState &state)
      : mlir::OpConversionPattern<OpTy>(converter, ctx), state(state) {}

  const RASPLoweringState &state;
};

/// A bound on |v| for every value v of the int s-op `original` known at
/// compile time, when it fits in i32: constants, tokens_int within the
/// input's range (rasp.int_range), 0/1 indicators.
std::optional<int64_t> getStaticIntBound(mlir::Value original,
                                         const RASPLoweringState &state);

/// True when every value of the int s-op `original` provably fits in i32.
bool fitsInI32(mlir::Value original, const RASPLoweringState &state);

/// Classifies `original` (a rasp s-op value) given its converted value.
MapOperand getMapOperand(mlir::Value original, mlir::Value converted);

using BodyBuilder = llvm::function_ref<mlir::Value(
    mlir::OpBuilder &, mlir::Location, llvm::ArrayRef<mlir::Value>)>;

/// The input length n (index), read from the enclosing function's inputs.
mlir::Value getInputLength(mlir::OpBuilder &b, mlir::Location loc,
                           mlir::Operation *anchor);

/// One scalar per operand inside a generic's body: the next block argument
/// for tensor operands, the materialized constant for the others.
llvm::SmallVector<mlir::Value> bodyScalars(mlir::OpBuilder &b, mlir::Location loc,
                                           llvm::ArrayRef<MapOperand> operands,
                                           mlir::ValueRange blockArgs,
                                           const RASPLoweringState &state);

/// Builds an element-wise linalg.generic producing tensor<?x resultType>;
/// `body` receives one scalar per operand (constants materialized).
mlir::Value buildElementwise(mlir::OpBuilder &b, mlir::Location loc,
                             mlir::Value n, llvm::ArrayRef<MapOperand> operands,
                             mlir::Type resultType, BodyBuilder body,
                             const RASPLoweringState &state);

/// An element-wise generic that sign-extends the int tensor `narrow` to
/// `wideType`, marked kWidenedAttrName: it fuses into its readers, and
/// kernel calls read `narrow` through it.
mlir::Value buildWidening(mlir::OpBuilder &b, mlir::Location loc, mlir::Value n,
                          mlir::Value narrow, mlir::Type wideType);

/// An element-wise generic that truncates the int tensor `wide` to
/// `narrowType`; its values must fit.
mlir::Value buildTruncation(mlir::OpBuilder &b, mlir::Location loc, mlir::Value n,
                            mlir::Value wide, mlir::Type narrowType);

/// Emits the check that calls rasp_runtime_error(code, opId, first) when
/// `failure` holds at some position (the first such position is reported).
void emitRuntimeCheck(mlir::OpBuilder &b, mlir::Location loc, mlir::Value n,
                      llvm::ArrayRef<MapOperand> operands, BodyBuilder failure,
                      int64_t code, int64_t opId,
                      const RASPLoweringState &state);

/// Calls rasp_runtime_error(code, opId, position) (declaring it if needed).
void emitRuntimeErrorCall(mlir::OpBuilder &b, mlir::Location loc, int64_t code,
                          int64_t opId, mlir::Value position);

/// A zero-filled tensor<?x type> of size n (an accumulator).
mlir::Value createZeroTensor(mlir::OpBuilder &b, mlir::Location loc,
                             mlir::Value n, mlir::Type type);

/// The op's id for run-time errors (attribute rasp.op_id), or -1.
int64_t getOpId(mlir::Operation *op);

/// A scalar constant of the lowered element type `type`.
mlir::Value materializeScalar(mlir::OpBuilder &b, mlir::Location loc,
                              mlir::Attribute value, mlir::Type type,
                              const RASPLoweringState &state);

/// i64 to f64 (f64 unchanged).
mlir::Value toF64(mlir::OpBuilder &b, mlir::Location loc, mlir::Value value);

/// `lhs <predicate> rhs` on lowered scalars of rasp element types
/// `lhsType`/`rhsType` (numeric kinds mix; strings compare ids; bools as 0/1).
mlir::Value emitCompare(mlir::OpBuilder &b, mlir::Location loc,
                        Predicate predicate, mlir::Value lhs, mlir::Type lhsType,
                        mlir::Value rhs, mlir::Type rhsType);

/// Python's floored % on i64 (guarded against x % 0 and INT64_MIN % -1).
mlir::Value emitFloorModInt(mlir::OpBuilder &b, mlir::Location loc,
                            mlir::Value lhs, mlir::Value rhs);
/// Python's floored % on f64.
mlir::Value emitFloorModFloat(mlir::OpBuilder &b, mlir::Location loc,
                              mlir::Value lhs, mlir::Value rhs);

/// The aggregate's value from per-query selected-value sums and selection
/// counts, with its run-time checks (several strings selected, mixed
/// defaults): shared by every kernel that computes an aggregate. When every
/// query selects exactly one key (`exactlyOneSelected`; `counts` may then be
/// null), the sums are the values and nothing is checked.
mlir::Value finalizeAggregate(mlir::ConversionPatternRewriter &rewriter,
                              mlir::Operation *op, mlir::Location loc,
                              mlir::Value n, mlir::Value sums, mlir::Value counts,
                              SOpType valuesType, mlir::Attribute defaultValue,
                              SOpType resultSOpType,
                              const RASPLoweringState &state,
                              bool atMostOneSelected = false,
                              bool exactlyOneSelected = false);

} // namespace rasp::lowering

#endif // RASP_LIB_CONVERSION_RASPTOLINALG_LOWERINGUTILS_H
