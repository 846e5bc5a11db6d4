//===- RASPToLinalgPass.cpp - The convert-rasp-to-linalg pass -------------===//

#include "LoweringUtils.h"

#include "rasp/Conversion/Passes.h"
#include "rasp/Dialect/RASP/IR/RASPOps.h"
#include "rasp/Dialect/RASP/Transforms/Passes.h"

#include "mlir/Conversion/ReconcileUnrealizedCasts/ReconcileUnrealizedCasts.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Transforms/RegionUtils.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

namespace rasp {
#define GEN_PASS_DEF_CONVERTRASPTOLINALG
#include "rasp/Conversion/Passes.h.inc"
} // namespace rasp

using namespace mlir;
using namespace rasp;

namespace {

/// The element type of `func`'s output buffer: the s-op's lowered type, or
/// a narrower one that holds every value it can take (string ids in the
/// table's storage type, ints that provably fit in i32).
Type getOutputStorageType(Value returned, const RASPLoweringState &state) {
  Type element = llvm::cast<SOpType>(returned.getType()).getElementType();
  if (llvm::isa<StringType>(element))
    return state.stringStorageType;
  if (state.narrowStorage && element.isInteger(64) && lowering::fitsInI32(returned, state))
    return IntegerType::get(element.getContext(), 32);
  return getLoweredElementType(element);
}

/// `@f() -> !rasp.sop<T>` becomes `@f(inputs..., %out: memref<?xS>)`: the
/// body still computes s-ops; the returned one is written into %out, whose
/// element type S stores T's values (getOutputStorageType).
LogicalResult rewriteSignature(func::FuncOp func, const RASPLoweringState &state) {
  FunctionType type = func.getFunctionType();
  if (type.getNumInputs() != 0 || type.getNumResults() != 1 ||
      !llvm::isa<SOpType>(type.getResult(0)))
    return func.emitError("a rasp program function takes no arguments and "
                          "returns one s-op");
  auto resultType = llvm::cast<SOpType>(type.getResult(0));
  MLIRContext *ctx = func.getContext();
  auto tensorOf = [](Type element) {
    return RankedTensorType::get({ShapedType::kDynamic}, element);
  };
  Type i64 = IntegerType::get(ctx, 64), i1 = IntegerType::get(ctx, 1),
       f64 = Float64Type::get(ctx);
  Block &entry = func.front();
  auto ret = llvm::cast<func::ReturnOp>(entry.getTerminator());
  Value returned = ret.getOperand(0);
  Type storageType = getOutputStorageType(returned, state);
  Type outType = MemRefType::get({ShapedType::kDynamic}, storageType);
  SmallVector<Type> inputs = {tensorOf(state.stringStorageType), tensorOf(i64),
                              tensorOf(f64), tensorOf(i1), outType};
  for (Type input : inputs)
    entry.addArgument(input, func.getLoc());
  func.setFunctionType(FunctionType::get(ctx, inputs, {}));
  func->setAttr("llvm.emit_c_interface", UnitAttr::get(ctx));

  if (Operation *def = returned.getDefiningOp())
    def->setAttr("rasp.returned", UnitAttr::get(ctx));
  OpBuilder b(ret);
  Location loc = ret.getLoc();
  Type loweredElement = getLoweredElementType(resultType.getElementType());
  Value asTensor =
      UnrealizedConversionCastOp::create(b, loc, tensorOf(loweredElement), returned)
          .getResult(0);
  if (storageType != loweredElement) {
    // Narrowed by a generic that fuses into the producer; a kernel that
    // writes the output in place writes the narrow type, and the widening
    // it returns folds away against this truncation.
    Value n = tensor::DimOp::create(b, loc, entry.getArgument(kTokensStringArg), 0);
    asTensor = lowering::buildTruncation(b, loc, n, asTensor, storageType);
  }
  auto store = bufferization::MaterializeInDestinationOp::create(
      b, loc, asTensor, entry.getArgument(kOutputArg));
  store.setRestrict(true);
  store.setWritable(true);
  func::ReturnOp::create(b, loc);
  ret.erase();
  return success();
}

struct ConvertRASPToLinalgPass
    : public rasp::impl::ConvertRASPToLinalgBase<ConvertRASPToLinalgPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    MLIRContext *ctx = &getContext();

    // Strings: the table rasp-intern-strings built, or build it here.
    StringValueSet vocabulary = getModuleVocabulary(module);
    FailureOr<StringValueSets> sets =
        computeStringValueSets(module, vocabulary, /*maxStrings=*/1 << 20);
    if (failed(sets))
      return signalPassFailure();
    RASPLoweringState state;
    state.stringSets = std::move(*sets);
    auto table = module->getAttrOfType<ArrayAttr>(kStringTableAttrName);
    if (!table) {
      SmallVector<Attribute> sorted;
      for (const std::string &str : state.stringSets.all)
        sorted.push_back(StringAttr::get(ctx, str));
      table = ArrayAttr::get(ctx, sorted);
      module->setAttr(kStringTableAttrName, table);
    }
    for (auto [id, attr] : llvm::enumerate(table))
      state.stringIds[llvm::cast<StringAttr>(attr).getValue()] = id;
    state.narrowStorage = narrowStorage;
    state.byteTables = byteTables;
    state.stringStorageType = narrowStorage ? getStringStorageType(ctx, table.size())
                                            : IntegerType::get(ctx, 32);
    module->setAttr(kStringStorageAttrName, TypeAttr::get(state.stringStorageType));
    // The input ints' range (rasp.int_range = [min, max]), if the driver
    // attached one: int keys within i32 are compared in 32 bits.
    if (auto range = module->getAttrOfType<ArrayAttr>(kIntRangeAttrName)) {
      auto lo = range.size() == 2 ? llvm::dyn_cast<IntegerAttr>(range[0]) : nullptr;
      auto hi = range.size() == 2 ? llvm::dyn_cast<IntegerAttr>(range[1]) : nullptr;
      if (!lo || !hi || lo.getInt() > hi.getInt()) {
        module.emitError() << kIntRangeAttrName
                           << " must be [min, max], two integers with min <= max";
        return signalPassFailure();
      }
      state.intRange = std::make_pair(lo.getInt(), hi.getInt());
    }
    for (const std::string &str : state.stringSets.all)
      if (!state.stringIds.count(str)) {
        module.emitError("string table ") << kStringTableAttrName
                                          << " lacks \"" << str << "\"";
        return signalPassFailure();
      }

    SmallVector<func::FuncOp> programs;
    for (auto func : module.getOps<func::FuncOp>()) {
      bool usesRasp = llvm::any_of(func.getFunctionType().getResults(),
                                   [](Type t) { return llvm::isa<SOpType>(t); });
      if (usesRasp)
        programs.push_back(func);
    }
    // The reference computes only what the output needs: an unused op must
    // not raise its run-time error (an unused `x % 0`).
    for (func::FuncOp func : programs) {
      SmallVector<Operation *> ops;
      func.walk([&](Operation *op) { ops.push_back(op); });
      for (Operation *op : llvm::reverse(ops))
        if (llvm::isa<RASPDialect>(op->getDialect()) && isOpTriviallyDead(op))
          op->erase();
    }
    SmallVector<NamedAttribute> outputStorage;
    for (func::FuncOp func : programs) {
      if (failed(rewriteSignature(func, state)))
        return signalPassFailure();
      auto outType = llvm::cast<MemRefType>(
          func.getArgument(kOutputArg).getType());
      outputStorage.emplace_back(func.getSymNameAttr(),
                                 TypeAttr::get(outType.getElementType()));
    }
    module->setAttr(kOutputStorageAttrName, DictionaryAttr::get(ctx, outputStorage));
    // Every rasp op must belong to a program function: the patterns read the
    // input from its arguments.
    WalkResult stray = module.walk([&](Operation *op) -> WalkResult {
      if (!llvm::isa<RASPDialect>(op->getDialect()))
        return WalkResult::advance();
      auto func = op->getParentOfType<func::FuncOp>();
      if (func && llvm::is_contained(programs, func))
        return WalkResult::advance();
      op->emitError("rasp ops must be in a function that takes no arguments "
                    "and returns one s-op");
      return WalkResult::interrupt();
    });
    if (stray.wasInterrupted())
      return signalPassFailure();
    if (!programs.empty() &&
        !module.lookupSymbol<func::FuncOp>(kRuntimeErrorFunctionName)) {
      OpBuilder b = OpBuilder::atBlockBegin(module.getBody());
      Type i64 = b.getI64Type();
      auto decl = func::FuncOp::create(
          b, module.getLoc(), kRuntimeErrorFunctionName,
          b.getFunctionType({i64, i64, i64}, {}));
      decl.setPrivate();
    }

    RASPToLinalgTypeConverter converter;
    ConversionTarget target(*ctx);
    target.addLegalDialect<arith::ArithDialect, bufferization::BufferizationDialect,
                           func::FuncDialect, linalg::LinalgDialect,
                           math::MathDialect, memref::MemRefDialect,
                           scf::SCFDialect, tensor::TensorDialect>();
    target.addIllegalDialect<RASPDialect>();
    // Selectors have no value of their own: their consumers evaluate them.
    target.addLegalOp<SelectOp, SelectAndOp, SelectOrOp, SelectNotOp,
                      UnrealizedConversionCastOp>();
    RewritePatternSet patterns(ctx);
    populateRASPToLinalgPatterns(converter, patterns, state);
    if (failed(applyPartialConversion(module, target, std::move(patterns))))
      return signalPassFailure();

    // Dead selectors, then the casts that fed them.
    SmallVector<Operation *> selectors;
    module.walk([&](Operation *op) {
      if (llvm::isa<SelectOp, SelectAndOp, SelectOrOp, SelectNotOp>(op))
        selectors.push_back(op);
    });
    for (Operation *op : llvm::reverse(selectors)) {
      if (!op->use_empty()) {
        op->emitError("selector used by something other than aggregate or "
                      "selector_width");
        return signalPassFailure();
      }
      op->erase();
    }
    SmallVector<UnrealizedConversionCastOp> casts;
    module.walk([&](UnrealizedConversionCastOp cast) { casts.push_back(cast); });
    reconcileUnrealizedCasts(casts);
    module.walk([&](Operation *op) {
      op->removeAttr("rasp.returned");
    });
    sinkReadOnlyBuffersToCalls(module);
  }

  /// A kernel call (rasp.keyed_reduce) reads its columns through
  /// `bufferization.to_buffer read_only` when it runs, but one-shot
  /// bufferization sees the read at the to_buffer. A column built after an
  /// earlier column's to_buffer (a constant broadcast into the same
  /// CSE'd tensor.empty) could then be written in place into that column's
  /// buffer before the call read it: the key mask `indices == 1` became the
  /// broadcast `true` of the query mask (a difftest finding). Moving each
  /// to_buffer right before the call puts the read after every column has
  /// been computed.
  static void sinkReadOnlyBuffersToCalls(ModuleOp module) {
    module.walk([](func::CallOp call) {
      for (Value operand : call.getOperands()) {
        auto toBuffer = operand.getDefiningOp<bufferization::ToBufferOp>();
        if (!toBuffer || !toBuffer.getReadOnly() ||
            toBuffer->getBlock() != call->getBlock())
          continue;
        // Before its first user; all users must be calls of this block.
        Operation *first = nullptr;
        bool movable = true;
        for (Operation *user : toBuffer->getUsers()) {
          if (!llvm::isa<func::CallOp>(user) || user->getBlock() != call->getBlock()) {
            movable = false;
            break;
          }
          if (!first || user->isBeforeInBlock(first))
            first = user;
        }
        if (movable && first)
          toBuffer->moveBefore(first);
      }
    });
  }
};

} // namespace
