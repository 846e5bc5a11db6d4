//===- StableSortPatterns.cpp - rasp.stable_sort to a runtime call -------===//
//
// rasp.stable_sort becomes one call of rasp_stable_sort (lib/Runtime/
// StableSort.cpp).
//
//===----------------------------------------------------------------------===//

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

  LogicalResult
  matchAndRewrite(StableSortOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value n = getInputLength(rewriter, loc, op);
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
