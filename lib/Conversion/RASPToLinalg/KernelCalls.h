//===- KernelCalls.h - Lowering ops to runtime-kernel calls -----*- C++ -*-===//
//
// rasp.keyed_reduce, rasp.stable_sort and rasp.group_neighbor have no linalg
// form: each becomes one call of a runtime kernel (lib/Runtime) on the
// buffers of its columns. KernelCallPattern holds what those lowerings
// share: distinct call sites, the buffers a kernel reads (narrow where the
// column is stored narrow), its output buffers, and the kernel's
// declaration. Private to lib/Conversion/RASPToLinalg.
//
//===----------------------------------------------------------------------===//

#ifndef RASP_LIB_CONVERSION_RASPTOLINALG_KERNELCALLS_H
#define RASP_LIB_CONVERSION_RASPTOLINALG_KERNELCALLS_H

#include "KernelCallNames.h"
#include "LoweringUtils.h"

#include "rasp/Runtime/ByteTable.h"
#include "rasp/Runtime/GroupNeighbor.h"
#include "rasp/Runtime/KeyedReduce.h"
#include "rasp/Runtime/StableSort.h"
#include "rasp/Runtime/TableSort.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/BuiltinOps.h"

namespace rasp::lowering {

using namespace mlir;


/// Marks the to_buffer ops of one kernel call (see getColumn).
inline constexpr llvm::StringLiteral kCallSiteAttrName = "rasp.kernel_call_site";
/// The narrow column behind a widening generic (kWidenedAttrName): a
/// kernel's 32-bit counts, the input's i8 string ids. Null otherwise.
inline mlir::Value getNarrowColumn(mlir::Value tensor) {
  auto generic = tensor.getDefiningOp<linalg::GenericOp>();
  if (!generic || !generic->hasAttr(kWidenedAttrName) ||
      generic.getNumDpsInputs() != 1)
    return Value();
  return generic.getDpsInputOperand(0)->get();
}

/// How the kernel reads one column: a buffer (or a dummy), its storage, and
/// an offset added to its ints.
struct KernelColumn {
  Value buffer;
  ColumnKind kind;
  int64_t offset = 0;
};

/// What every runtime-kernel call needs: a distinct call site and the
/// buffers of the columns it reads.
template <typename OpTy>
struct KernelCallPattern : RASPConversionPattern<OpTy> {
  using RASPConversionPattern<OpTy>::RASPConversionPattern;

  /// A number distinct for each kernel call in the function: the calls
  /// already made before this one.
  static Attribute getCallSite(ConversionPatternRewriter &rewriter,
                               Operation *op) {
    int64_t calls = 0;
    op->getParentOfType<func::FuncOp>().walk([&](func::CallOp call) {
      if (isKernelCall(call))
        ++calls;
    });
    return rewriter.getI64IntegerAttr(calls);
  }

  static ColumnKind kindOf(Type elementType) {
    return elementType.isInteger(64)   ? ColumnKind::I64
           : elementType.isInteger(32) ? ColumnKind::I32
           : elementType.isInteger(8)  ? ColumnKind::U8
                                       : ColumnKind::I8;
  }

  /// The buffer the kernel reads a stored column from: constants are
  /// materialized, another kernel's result is read in place, a widened
  /// column (32-bit counts, i8 string ids) as its narrow self when
  /// `allowNarrow`, anything else is passed through its own read-only
  /// to_buffer.
  Value getStoredColumn(ConversionPatternRewriter &rewriter, Location loc,
                        Value n, Value original, Value converted,
                        Attribute callSite, bool allowNarrow) const {
    MapOperand operand = getMapOperand(original, converted);
    Type elementType = getLoweredElementType(operand.raspElementType);
    Value tensor = operand.tensor;
    if (!tensor)
      tensor = buildElementwise(
          rewriter, loc, n, {operand}, elementType,
          [](OpBuilder &, Location, ArrayRef<Value> s) { return s[0]; }, this->state);
    // A widened column is read as it is stored, not widened into a copy.
    if (allowNarrow)
      if (Value narrow = getNarrowColumn(tensor)) {
        tensor = narrow;
        elementType = llvm::cast<RankedTensorType>(narrow.getType()).getElementType();
      }
    // A column computed by maps is stored as narrow as its values allow
    // (string ids of a small table in i8, ints that fit in i32): the
    // truncation fuses into the maps, and the kernel reads a half or a
    // quarter of the bytes.
    if (allowNarrow && tensor.getDefiningOp<linalg::GenericOp>()) {
      Type narrowType;
      if (llvm::isa<StringType>(operand.raspElementType))
        narrowType = this->state.stringStorageType;
      else if (elementType.isInteger(64) && fitsInI32(original, this->state))
        narrowType = rewriter.getI32Type();
      if (narrowType && narrowType != elementType) {
        tensor = buildTruncation(rewriter, loc, n, tensor, narrowType);
        elementType = narrowType;
      }
    }
    return getReadOnlyBuffer(rewriter, loc, tensor, callSite);
  }

  /// The buffer of `tensor` for a kernel that only reads it.
  static Value getReadOnlyBuffer(OpBuilder &rewriter, Location loc, Value tensor,
                                 Attribute callSite) {
    auto tensorType = llvm::cast<RankedTensorType>(tensor.getType());
    auto memrefType = MemRefType::get(tensorType.getShape(), tensorType.getElementType());
    // Another kernel's result: its buffer is ours and read-only (to_tensor
    // without `writable`), so no op can overwrite it.
    if (auto result = tensor.getDefiningOp<bufferization::ToTensorOp>())
      if (!result.getWritable() && result.getBuffer().getType() == memrefType)
        return result.getBuffer();
    // Anything else (an input, a map's result) is passed as its own buffer,
    // without a copy: the kernel only reads it, and one-shot bufferization
    // counts to_buffer as a read right before the call, so no op writes the
    // buffer in place before the call has read it. That holds only while
    // each call has its own to_buffer: CSE would merge this one into an
    // earlier call's, moving the read before ops that may then reuse the
    // buffer (a miscompile of dyck2 seen here), so `callSite` (distinct per
    // call) keeps them apart.
    auto toBuffer = bufferization::ToBufferOp::create(rewriter, loc, memrefType,
                                                      tensor, /*read_only=*/true);
    toBuffer->setAttr(kCallSiteAttrName, callSite);
    return toBuffer;
  }

  /// The identity table of a widened byte column: byte b at b,
  /// sign-extended as the widening does.
  static Value buildIdentityTable(OpBuilder &b, Location loc) {
    SmallVector<int64_t> identity;
    for (int64_t byte = 0; byte < kByteTableSize; ++byte)
      identity.push_back((int64_t)(int8_t)(uint8_t)byte);
    auto tableType = RankedTensorType::get({kByteTableSize}, b.getI64Type());
    return arith::ConstantOp::create(
        b, loc, tableType, DenseIntElementsAttr::get(tableType, ArrayRef(identity)));
  }

  /// A per-byte count table of `bytes` (tensor<256xi64>): one rasp_byte_table
  /// call joining the bytes with themselves.
  Value buildByteHistogram(ConversionPatternRewriter &rewriter, Location loc,
                           Operation *op, Value bytes, Attribute callSite) const {
    Type i64 = rewriter.getI64Type();
    auto tableType = MemRefType::get({kByteTableSize}, i64);
    Value histogram = memref::AllocOp::create(rewriter, loc, tableType);
    Value bytesBuffer = getReadOnlyBuffer(rewriter, loc, bytes, callSite);
    Value identity =
        getReadOnlyBuffer(rewriter, loc, buildIdentityTable(rewriter, loc), callSite);
    SmallVector<Value> args = {bytesBuffer, identity, identity, bytesBuffer, bytesBuffer,
                               histogram, histogram,
                               arith::ConstantIntOp::create(rewriter, loc, i64, 0),
                               arith::ConstantIntOp::create(rewriter, loc, i64, kNoOrder)};
    func::FuncOp kernel =
        this->getKernel(rewriter, op, kByteTableFunctionName, ValueRange(args).getTypes());
    func::CallOp::create(rewriter, loc, kernel, args);
    return bufferization::ToTensorOp::create(
        rewriter, loc, RankedTensorType::get({kByteTableSize}, i64), histogram,
        /*restrict=*/rewriter.getUnitAttr());
  }

  /// The function's output buffer when `op`'s result is what it returns
  /// and the buffer has `type`: the kernel then writes the result in place,
  /// no temporary and no copy. Null otherwise.
  static Value getReturnedOutput(Operation *op, MemRefType type) {
    if (!op->hasAttr("rasp.returned"))
      return Value();
    Value output = op->getParentOfType<func::FuncOp>().getArgument(kOutputArg);
    return output.getType() == type ? output : Value();
  }

  /// The function's output buffer when `op`'s counts are what it returns
  /// (as i64 or, when they provably fit, i32): the kernel writes them there.
  static Value getReturnedCounts(Operation *op) {
    MLIRContext *ctx = op->getContext();
    for (unsigned bits : {64, 32})
      if (Value output = getReturnedOutput(
              op, MemRefType::get({ShapedType::kDynamic}, IntegerType::get(ctx, bits))))
        return output;
    return Value();
  }

  /// An output of one byte per query: counts that say whether any key is
  /// selected, or string ids of a small table.
  static MemRefType getByteBufferType(OpBuilder &b) {
    return MemRefType::get({ShapedType::kDynamic}, b.getI8Type());
  }

  /// How the kernel writes an output buffer of counts or sums: i8 counts
  /// say only whether any key is selected, i8 sums are one-byte string ids.
  static ColumnKind outputKind(Value buffer, bool isSums = false) {
    Type element = llvm::cast<MemRefType>(buffer.getType()).getElementType();
    if (element.isInteger(8))
      return isSums ? ColumnKind::U8 : ColumnKind::I8;
    return element.isInteger(32) ? ColumnKind::I32 : ColumnKind::I64;
  }

  /// A kernel's output buffer as a tensor. Not `writable`: canonicalization
  /// folds a later to_buffer of this tensor to the raw buffer, whose reads
  /// bufferization then cannot see, so no op may reuse the buffer in place.
  static Value readOnlyTensor(OpBuilder &b, Location loc, Value buffer) {
    auto tensorType = RankedTensorType::get(
        {ShapedType::kDynamic}, llvm::cast<MemRefType>(buffer.getType()).getElementType());
    return bufferization::ToTensorOp::create(b, loc, tensorType, buffer,
                                             /*restrict=*/b.getUnitAttr());
  }

  /// The counts as the s-op's i64: 32-bit and one-byte counts are widened
  /// by a generic marked `rasp.widened`, which fuses into the users and
  /// which a later kernel call reads through (getNarrowColumn).
  Value readCounts(OpBuilder &b, Location loc, Value n, Value counts) const {
    Value countTensor = readOnlyTensor(b, loc, counts);
    if (outputKind(counts) == ColumnKind::I64)
      return countTensor;
    return buildWidening(b, loc, n, countTensor, b.getI64Type());
  }

  /// A kernel's i8 string ids as the i32 the generated code computes with,
  /// by a widening generic that fuses into the users (and that a later
  /// kernel call reads through).
  Value readStringIds(OpBuilder &b, Location loc, Value n, Value buffer) const {
    Value ids = readOnlyTensor(b, loc, buffer);
    Type i32 = b.getI32Type();
    if (llvm::cast<RankedTensorType>(ids.getType()).getElementType() == i32)
      return ids;
    return buildWidening(b, loc, n, ids, i32);
  }

  /// The kernel's declaration for these argument types, named `prefix` plus
  /// one letter per memref argument. All variants share one C entry point
  /// (descriptors have the same layout whatever the element type); the JIT
  /// binds each name to it.
  static func::FuncOp getKernel(ConversionPatternRewriter &rewriter,
                                Operation *op, StringRef prefix,
                                TypeRange argTypes) {
    std::string name = prefix.str();
    for (Type type : argTypes) {
      auto memref = llvm::dyn_cast<MemRefType>(type);
      if (!memref)
        continue;
      Type element = memref.getElementType();
      name += element.isInteger(64)   ? "_l"
              : element.isInteger(32) ? "_i"
              : element.isInteger(8)  ? "_c"
              : element.isF64()       ? "_d"
                                      : "_b";
    }
    auto module = op->getParentOfType<ModuleOp>();
    if (auto existing = module.lookupSymbol<func::FuncOp>(name))
      return existing;
    OpBuilder::InsertionGuard guard(rewriter);
    rewriter.setInsertionPointToStart(module.getBody());
    auto kernel = func::FuncOp::create(rewriter, module.getLoc(), name,
                                       rewriter.getFunctionType(argTypes, {}));
    kernel.setPrivate();
    kernel->setAttr("llvm.emit_c_interface", rewriter.getUnitAttr());
    return kernel;
  }
};

void populateStableSortToLinalgPatterns(const TypeConverter &converter,
                                        RewritePatternSet &patterns,
                                        const RASPLoweringState &state);
void populateGroupNeighborToLinalgPatterns(const TypeConverter &converter,
                                           RewritePatternSet &patterns,
                                           const RASPLoweringState &state);

} // namespace rasp::lowering

#endif // RASP_LIB_CONVERSION_RASPTOLINALG_KERNELCALLS_H
