//===- StableSortPatterns.cpp - rasp.stable_sort to a runtime call -------===//
//
// rasp.stable_sort becomes one call of rasp_stable_sort (lib/Runtime/
// StableSort.cpp).
//
//===----------------------------------------------------------------------===//

#include "ByteDomain.h"
#include "KernelCalls.h"

using namespace mlir;
using namespace rasp;
using namespace rasp::lowering;

namespace {

/// rasp.stable_sort -> one call of rasp_stable_sort (lib/Runtime/
/// StableSort.cpp), which writes the sorted values straight into the result
/// buffer: nothing to finalize, as every query selects exactly one value.
struct StableSortLowering : KernelCallPattern<StableSortOp> {
  using KernelCallPattern::KernelCallPattern;

  /// Keys and values that are functions of one byte column and at most one
  /// position comparison of it (most_freq): one rasp_table_sort call on the
  /// bytes and 512-entry key and value tables; no key or value column is
  /// stored. Int and string values only (floats and bools keep the column
  /// sort). Null when they are not.
  Value lowerToTableSort(ConversionPatternRewriter &rewriter, StableSortOp op,
                         OpAdaptor adaptor, Location loc, Value n) const {
    // sort(x, x) of a stored byte column is a counting fill already, faster
    // than a scatter.
    if (!state.byteTables || op.getKeys() == op.getValues())
      return Value();
    Type resultElement = getLoweredElementType(sopType(op.getResult()).getElementType());
    bool stringValues = llvm::isa<StringType>(sopType(op.getValues()).getElementType());
    if (stringValues)
      resultElement = state.stringStorageType;
    if (!resultElement.isInteger(64) && !resultElement.isInteger(32) &&
        !resultElement.isInteger(8))
      return Value();
    Value keysTensor = getMapOperand(op.getKeys(), adaptor.getKeys()).tensor;
    Value valuesTensor = getMapOperand(op.getValues(), adaptor.getValues()).tensor;
    if (!keysTensor || !valuesTensor)
      return Value();
    ByteDomainEvaluator evaluator(rewriter, loc, /*withBit=*/true);
    Value keyTable = evaluator.getTable(keysTensor);
    if (!keyTable)
      return Value();
    Value valueTable = evaluator.getTable(valuesTensor);
    if (!valueTable)
      return Value();
    int64_t order = kNoOrder;
    Value positionTable;
    if (auto bit = llvm::dyn_cast_or_null<linalg::GenericOp>(evaluator.getBit())) {
      order = llvm::cast<IntegerAttr>(bit->getAttr(kPositionCompareAttrName)).getInt();
      if (bit->hasAttr(kPositionCompareExtremeAttrName) &&
          (order == kByteTableOrderLt || order == kByteTableOrderGt)) {
        // "Not the first (last) occurrence": the kernel tells it as it
        // visits the positions and counts the codes from the histogram
        // (usually the program's own, shared by rasp-merge-kernel-calls),
        // so the first-position table is not needed. The histogram call
        // comes first, with a call site of its own.
        order = order == kByteTableOrderLt ? kTableSortNotFirst : kTableSortNotLast;
        positionTable = buildByteHistogram(rewriter, loc, op, evaluator.getBytes(),
                                           getCallSite(rewriter, op));
      } else {
        bit.getBody()->walk(
            [&](tensor::ExtractOp extract) { positionTable = extract.getTensor(); });
      }
    }
    Attribute callSite = getCallSite(rewriter, op);
    Value positions = positionTable
                          ? getReadOnlyBuffer(rewriter, loc, positionTable, callSite)
                          : getReadOnlyBuffer(rewriter, loc, keyTable, callSite); // a dummy
    auto resultType = MemRefType::get({ShapedType::kDynamic}, resultElement);
    Value out = getReturnedOutput(op, resultType);
    if (!out)
      out = memref::AllocOp::create(rewriter, loc, resultType, ValueRange{n});
    Type i64 = rewriter.getI64Type();
    SmallVector<Value> args = {getReadOnlyBuffer(rewriter, loc, evaluator.getBytes(), callSite),
                               positions,
                               getReadOnlyBuffer(rewriter, loc, keyTable, callSite),
                               getReadOnlyBuffer(rewriter, loc, valueTable, callSite), out};
    for (int64_t scalar : {order, (int64_t)op.getDescending(),
                           (int64_t)resultElement.getIntOrFloatBitWidth() / 8})
      args.push_back(arith::ConstantIntOp::create(rewriter, loc, i64, scalar));
    func::FuncOp kernel =
        getKernel(rewriter, op, kTableSortFunctionName, ValueRange(args).getTypes());
    func::CallOp::create(rewriter, loc, kernel, args);
    return stringValues ? readStringIds(rewriter, loc, n, out)
                        : readOnlyTensor(rewriter, loc, out);
  }

  LogicalResult
  matchAndRewrite(StableSortOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value n = getInputLength(rewriter, loc, op);
    if (Value sorted = lowerToTableSort(rewriter, op, adaptor, loc, n)) {
      rewriter.replaceOp(op, sorted);
      return success();
    }
    Attribute callSite = getCallSite(rewriter, op);
    // Indices as keys are stored like any column here (they are rare: the
    // rewrite never makes them).
    Value keys = getStoredColumn(rewriter, loc, n, op.getKeys(), adaptor.getKeys(),
                                 callSite, /*allowNarrow=*/true);
    // String values may be read (and so written) as narrow ids; other values
    // are moved in the result's type.
    Type loweredValue = getLoweredElementType(sopType(op.getValues()).getElementType());
    bool stringValues = llvm::isa<StringType>(sopType(op.getValues()).getElementType());
    Value values = op.getValues() == op.getKeys()
                       ? keys
                       : getStoredColumn(rewriter, loc, n, op.getValues(),
                                         adaptor.getValues(), callSite,
                                         /*allowNarrow=*/stringValues);
    auto elementOf = [](Value buffer) {
      return llvm::cast<MemRefType>(buffer.getType()).getElementType();
    };
    if (values == keys && elementOf(keys) != loweredValue &&
        !(stringValues && elementOf(keys).isInteger(8)))
      values = getStoredColumn(rewriter, loc, n, op.getValues(), adaptor.getValues(),
                               callSite, /*allowNarrow=*/false);
    Type resultElement = getLoweredElementType(sopType(op.getResult()).getElementType());
    if (stringValues)
      resultElement = elementOf(values);
    auto resultType = MemRefType::get({ShapedType::kDynamic}, resultElement);
    // A returned result is sorted straight into the output buffer.
    Value out = getReturnedOutput(op, resultType);
    if (!out)
      out = memref::AllocOp::create(rewriter, loc, resultType, ValueRange{n});

    Type valueElement = llvm::cast<MemRefType>(values.getType()).getElementType();
    SortValueKind valueKind = valueElement.isInteger(64)
                                  ? (resultElement.isF64() ? SortValueKind::IntToFloat
                                                           : SortValueKind::Bytes8)
                              : valueElement.isF64()        ? SortValueKind::Bytes8
                              : valueElement.isInteger(32) ? SortValueKind::Bytes4
                                                           : SortValueKind::Bytes1;
    Type keyElement = llvm::cast<MemRefType>(keys.getType()).getElementType();
    Type i64 = rewriter.getI64Type();
    SmallVector<Value> args = {keys, values, out};
    for (int64_t scalar : {(int64_t)kindOf(keyElement), (int64_t)valueKind,
                           (int64_t)op.getDescending()})
      args.push_back(arith::ConstantIntOp::create(rewriter, loc, i64, scalar));
    func::FuncOp kernel =
        getKernel(rewriter, op, kStableSortFunctionName, ValueRange(args).getTypes());
    func::CallOp::create(rewriter, loc, kernel, args);
    rewriter.replaceOp(op, stringValues ? readStringIds(rewriter, loc, n, out)
                                        : readOnlyTensor(rewriter, loc, out));
    return success();
  }

  static SOpType sopType(Value value) { return llvm::cast<SOpType>(value.getType()); }
};

} // namespace

void rasp::lowering::populateStableSortToLinalgPatterns(const TypeConverter &converter,
                                        RewritePatternSet &patterns,
                                        const RASPLoweringState &state) {
  patterns.add<StableSortLowering>(converter, patterns.getContext(), state);
}
