//===- SelectReductionsToAffine.cpp - Register-blocked select loops -------===//
//
// Lowers the (query x key) generics of aggregate and selector_width to
// affine loops whose accumulators are loop-carried values, B queries per key
// loop. See the pass description in mlir-dialect/rasp/Conversion/Passes.td.
//
//===----------------------------------------------------------------------===//

#include "rasp/Conversion/Passes.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/PatternMatch.h"

namespace rasp {
#define GEN_PASS_DEF_CONVERTSELECTREDUCTIONSTOAFFINE
#include "rasp/Conversion/Passes.h.inc"
} // namespace rasp

using namespace mlir;

namespace {

/// A generic over (d0: parallel query, d1: reduction key) on buffers whose
/// outputs are indexed by d0 and inputs by d0 or d1.
bool isSelectReduction(linalg::GenericOp op) {
  if (!op.hasPureBufferSemantics() || op.getNumLoops() != 2 ||
      op.getNumDpsInits() == 0)
    return false;
  auto iterators = op.getIteratorTypesArray();
  if (iterators[0] != utils::IteratorType::parallel ||
      iterators[1] != utils::IteratorType::reduction)
    return false;
  MLIRContext *ctx = op.getContext();
  AffineMap query = AffineMap::get(2, 0, getAffineDimExpr(0, ctx));
  AffineMap key = AffineMap::get(2, 0, getAffineDimExpr(1, ctx));
  for (OpOperand &operand : op->getOpOperands()) {
    AffineMap map = op.getMatchingIndexingMap(&operand);
    bool isInit = op.isDpsInit(&operand);
    if (map != query && (isInit || map != key))
      return false;
    auto type = llvm::dyn_cast<MemRefType>(operand.get().getType());
    if (!type || type.getRank() != 1)
      return false;
  }
  return true;
}

class SelectReductionLowering {
public:
  SelectReductionLowering(linalg::GenericOp op, int64_t block, bool parallel)
      : op(op), block(block), parallel(parallel) {
    MLIRContext *ctx = op.getContext();
    queryMap = AffineMap::get(2, 0, getAffineDimExpr(0, ctx));
  }

  void rewrite(RewriterBase &rewriter) {
    Location loc = op.getLoc();
    rewriter.setInsertionPoint(op);
    SmallVector<Range> ranges =
        llvm::cast<linalg::LinalgOp>(op.getOperation()).createLoopRanges(rewriter, loc);
    Value numQueries = getValueOrCreateConstantIndexOp(rewriter, loc, ranges[0].size);
    numKeys = getValueOrCreateConstantIndexOp(rewriter, loc, ranges[1].size);

    MLIRContext *ctx = rewriter.getContext();
    AffineExpr s0 = getAffineSymbolExpr(0, ctx);
    AffineMap blockedEnd = AffineMap::get(0, 1, s0.floorDiv(block) * block);
    AffineMap symbol = AffineMap::get(0, 1, s0);
    AffineMap zero = AffineMap::getConstantMap(0, ctx);
    if (block > 1 && parallel) {
      // Query blocks are independent: an affine.parallel becomes threads.
      auto loop = affine::AffineParallelOp::create(
          rewriter, loc, TypeRange{}, ArrayRef<arith::AtomicRMWKind>{},
          ArrayRef<AffineMap>{zero}, ValueRange{}, ArrayRef<AffineMap>{blockedEnd},
          ValueRange{numQueries}, ArrayRef<int64_t>{block});
      OpBuilder::InsertionGuard guard(rewriter);
      rewriter.setInsertionPointToStart(loop.getBody());
      emitQueryBlock(rewriter, loc, loop.getBody()->getArgument(0), block);
    } else if (block > 1) {
      affine::AffineForOp::create(
          rewriter, loc, ValueRange{}, zero, ValueRange{numQueries}, blockedEnd,
          block, ValueRange{},
          [&](OpBuilder &b, Location l, Value q, ValueRange) {
            emitQueryBlock(b, l, q, block);
            affine::AffineYieldOp::create(b, l);
          });
    }
    // The remaining queries (all of them when block == 1), one at a time.
    affine::AffineForOp::create(
        rewriter, loc, ValueRange{numQueries}, block > 1 ? blockedEnd : zero,
        ValueRange{numQueries}, symbol, 1, ValueRange{},
        [&](OpBuilder &b, Location l, Value q, ValueRange) {
          emitQueryBlock(b, l, q, 1);
          affine::AffineYieldOp::create(b, l);
        });
    rewriter.eraseOp(op);
  }

private:
  /// Queries first .. first + count - 1 against every key.
  void emitQueryBlock(OpBuilder &b, Location loc, Value first, int64_t count) {
    MLIRContext *ctx = b.getContext();
    SmallVector<Value> queries;
    for (int64_t i = 0; i < count; ++i) {
      if (i == 0) {
        queries.push_back(first);
        continue;
      }
      AffineMap plus = AffineMap::get(1, 0, getAffineDimExpr(0, ctx) + i);
      queries.push_back(affine::AffineApplyOp::create(b, loc, plus, first));
    }
    // Query-side inputs depend on q only: load them once per query.
    unsigned numInputs = op.getNumDpsInputs();
    SmallVector<SmallVector<Value>> queryInputs(numInputs);
    for (unsigned i = 0; i < numInputs; ++i)
      if (op.getMatchingIndexingMap(op.getDpsInputOperand(i)) == queryMap)
        for (Value q : queries)
          queryInputs[i].push_back(affine::AffineLoadOp::create(
              b, loc, op.getDpsInputOperand(i)->get(), ValueRange{q}));
    unsigned numOutputs = op.getNumDpsInits();
    SmallVector<Value> inits;
    for (Value q : queries)
      for (unsigned j = 0; j < numOutputs; ++j)
        inits.push_back(affine::AffineLoadOp::create(
            b, loc, op.getDpsInitOperand(j)->get(), ValueRange{q}));

    Block &body = op.getRegion().front();
    Operation *terminator = body.getTerminator();
    // Accumulators that add sign-extended i32 terms (rasp.i32_partial_sums,
    // set by convert-rasp-to-linalg with a bound on the terms): over chunks
    // of INT32_MAX / bound keys they are added in i32, which cannot
    // overflow, and widened once per chunk. Exact, and 32-bit lanes.
    SmallVector<Value> partialTerm(numOutputs);
    DenseSet<Operation *> skipped;
    int64_t chunk = 0;
    auto partialSums = op->getAttrOfType<ArrayAttr>("rasp.i32_partial_sums");
    auto partialBound = op->getAttrOfType<IntegerAttr>("rasp.i32_partial_bound");
    if (partialSums && partialBound && partialBound.getInt() >= 1) {
      for (Attribute attr : partialSums) {
        auto index = llvm::dyn_cast<IntegerAttr>(attr);
        if (!index || index.getInt() < 0 || index.getInt() >= (int64_t)numOutputs)
          continue;
        unsigned j = index.getInt();
        BlockArgument acc = body.getArgument(numInputs + j);
        auto add = terminator->getOperand(j).getDefiningOp<arith::AddIOp>();
        if (!add || add->getBlock() != &body || add.getLhs() != acc ||
            !acc.hasOneUse() || !add.getType().isInteger(64))
          continue;
        auto ext = add.getRhs().getDefiningOp<arith::ExtSIOp>();
        if (!ext || !ext.getIn().getType().isInteger(32))
          continue;
        partialTerm[j] = ext.getIn();
        skipped.insert(add);
        if (ext->hasOneUse())
          skipped.insert(ext);
      }
      // One term always fits (it is an i32), even with bound 2^31.
      chunk = std::max<int64_t>(1, INT32_MAX / partialBound.getInt());
    }
    bool chunked = !skipped.empty();

    // The body for key k on accumulators (query-major; partial ones in i32).
    auto emitBody = [&](OpBuilder &kb, Location kl, Value k,
                        ValueRange accumulators) {
      // Key-side inputs: one load per key, shared by the queries.
      SmallVector<Value> keyInputs(numInputs);
      for (unsigned i = 0; i < numInputs; ++i)
        if (queryInputs[i].empty())
          keyInputs[i] = affine::AffineLoadOp::create(
              kb, kl, op.getDpsInputOperand(i)->get(), ValueRange{k});
      SmallVector<Value> yielded;
      for (int64_t qi = 0; qi < count; ++qi) {
        IRMapping mapping;
        for (unsigned i = 0; i < numInputs; ++i)
          mapping.map(body.getArgument(i), queryInputs[i].empty()
                                               ? keyInputs[i]
                                               : queryInputs[i][qi]);
        for (unsigned j = 0; j < numOutputs; ++j)
          if (!partialTerm[j])
            mapping.map(body.getArgument(numInputs + j),
                        accumulators[qi * numOutputs + j]);
        for (Operation &bodyOp : body.without_terminator()) {
          if (auto index = llvm::dyn_cast<linalg::IndexOp>(bodyOp)) {
            mapping.map(index.getResult(), index.getDim() == 0 ? queries[qi] : k);
            continue;
          }
          if (skipped.contains(&bodyOp))
            continue;
          kb.clone(bodyOp, mapping);
        }
        for (auto [j, value] : llvm::enumerate(terminator->getOperands()))
          yielded.push_back(
              partialTerm[j]
                  ? (Value)arith::AddIOp::create(kb, kl,
                                                 accumulators[qi * numOutputs + j],
                                                 mapping.lookup(partialTerm[j]))
                  : mapping.lookupOrDefault(value));
      }
      affine::AffineYieldOp::create(kb, kl, yielded);
    };

    AffineMap zero = AffineMap::getConstantMap(0, ctx);
    AffineMap symbol = AffineMap::get(0, 1, getAffineSymbolExpr(0, ctx));
    affine::AffineForOp keyLoop;
    if (!chunked) {
      keyLoop = affine::AffineForOp::create(
          b, loc, ValueRange{}, zero, ValueRange{numKeys}, symbol, 1, inits,
          [&](OpBuilder &kb, Location kl, Value k, ValueRange accumulators) {
            emitBody(kb, kl, k, accumulators);
          });
    } else {
      AffineExpr d0 = getAffineDimExpr(0, ctx);
      AffineMap chunkEnd = AffineMap::get(
          1, 1, {d0 + chunk, getAffineSymbolExpr(0, ctx)}, ctx);
      AffineMap identity = AffineMap::get(1, 0, d0);
      keyLoop = affine::AffineForOp::create(
          b, loc, ValueRange{}, zero, ValueRange{numKeys}, symbol, chunk, inits,
          [&](OpBuilder &cb, Location cl, Value kc, ValueRange accumulators) {
            SmallVector<Value> innerInits;
            Value zero32 = arith::ConstantIntOp::create(cb, cl, cb.getI32Type(), 0);
            for (auto [i, acc] : llvm::enumerate(accumulators))
              innerInits.push_back(partialTerm[i % numOutputs] ? zero32 : acc);
            auto inner = affine::AffineForOp::create(
                cb, cl, ValueRange{kc}, identity, ValueRange{kc, numKeys},
                chunkEnd, 1, innerInits,
                [&](OpBuilder &kb, Location kl, Value k, ValueRange partials) {
                  emitBody(kb, kl, k, partials);
                });
            SmallVector<Value> results;
            for (auto [i, acc] : llvm::enumerate(accumulators)) {
              Value result = inner.getResult(i);
              if (partialTerm[i % numOutputs])
                result = arith::AddIOp::create(
                    cb, cl, acc,
                    arith::ExtSIOp::create(cb, cl, acc.getType(), result));
              results.push_back(result);
            }
            affine::AffineYieldOp::create(cb, cl, results);
          });
    }
    for (auto [qi, q] : llvm::enumerate(queries))
      for (unsigned j = 0; j < numOutputs; ++j)
        affine::AffineStoreOp::create(b, loc, keyLoop.getResult(qi * numOutputs + j),
                                      op.getDpsInitOperand(j)->get(),
                                      ValueRange{q});
  }

  linalg::GenericOp op;
  int64_t block;
  bool parallel;
  AffineMap queryMap;
  Value numKeys;
};

struct ConvertSelectReductionsToAffinePass
    : public rasp::impl::ConvertSelectReductionsToAffineBase<
          ConvertSelectReductionsToAffinePass> {
  using Base::Base;

  void runOnOperation() override {
    if (queryBlock < 1) {
      getOperation().emitError("query-block must be at least 1");
      return signalPassFailure();
    }
    SmallVector<linalg::GenericOp> candidates;
    getOperation().walk([&](linalg::GenericOp op) {
      if (isSelectReduction(op))
        candidates.push_back(op);
    });
    IRRewriter rewriter(&getContext());
    for (linalg::GenericOp op : candidates)
      SelectReductionLowering(op, queryBlock, parallel).rewrite(rewriter);
  }
};

} // namespace
