//===- EarlyExitStreams.cpp - Stop a stream once its output is decided ----===//
//
// See the pass description (mlir-dialect/rasp/Conversion/Passes.td).
//
//===----------------------------------------------------------------------===//

#include "rasp/Conversion/Passes.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Affine/Utils.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/Matchers.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

namespace rasp {
#define GEN_PASS_DEF_RASPEARLYEXITSTREAMS
#include "rasp/Conversion/Passes.h.inc"
} // namespace rasp

using namespace mlir;

namespace {

/// The largest start value of a sticky count: with at most 2^30 positions
/// adding 0 or 1 each, it cannot wrap.
constexpr int64_t kMaxStickyStart = int64_t(1) << 62;

/// The constant last written to the 0-d `slot` before `loop`: an
/// `affine.store` of a constant, or a `memref.copy` from a slot holding
/// one. Other writes (or none) give nothing.
std::optional<int64_t> getStartValue(Value slot, Operation *loop, unsigned depth = 0) {
  if (depth > 4)
    return std::nullopt;
  Operation *last = nullptr;
  for (Operation *user : slot.getUsers()) {
    if (user->getBlock() != loop->getBlock() || !user->isBeforeInBlock(loop))
      continue;
    bool writes = isa<affine::AffineStoreOp>(user) ||
                  (isa<memref::CopyOp>(user) && cast<memref::CopyOp>(user).getTarget() == slot);
    if (writes && (!last || last->isBeforeInBlock(user)))
      last = user;
  }
  APInt value;
  if (auto store = dyn_cast_or_null<affine::AffineStoreOp>(last))
    if (matchPattern(store.getValueToStore(), m_ConstantInt(&value)))
      return value.getSExtValue();
  if (auto copy = dyn_cast_or_null<memref::CopyOp>(last))
    return getStartValue(copy.getSource(), last, depth + 1);
  return std::nullopt;
}

/// A stream loop whose output is decided once a sticky count is positive:
/// `count = count + extui(c)` in a 0-d slot that starts at a small constant,
/// and the output `out[i] = casts(select(count > 0, K, x))`.
struct DecidedStream {
  affine::AffineStoreOp output;
  /// The select's condition (count > 0) and its constant K, with the casts
  /// between the select and the stored value.
  Value decided;
  Value constant;
  /// The 0-d slot the count is kept in.
  Value countSlot;
  SmallVector<Operation *> casts;
};

/// Whether `loop` is a plain stream: from 0 by 1 to one bound, no results,
/// a body of side-effect-free ops, loads (affine or memref, not of the
/// output), stores into 0-d slots allocated on the stack before it and
/// nowhere read after it, and one store at the loop position into a rank-1
/// buffer.
std::optional<DecidedStream> matchDecidedStream(affine::AffineForOp loop) {
  if (!loop.hasConstantLowerBound() || loop.getConstantLowerBound() != 0 ||
      loop.getStepAsInt() != 1 || loop.getNumResults() != 0 ||
      loop.getUpperBoundMap().getNumResults() != 1 ||
      loop.getUpperBoundOperands().size() != 1)
    return std::nullopt;
  AffineExpr bound = loop.getUpperBoundMap().getResult(0);
  if (!isa<AffineDimExpr, AffineSymbolExpr>(bound))
    return std::nullopt;
  Value position = loop.getInductionVar();
  affine::AffineStoreOp output;
  SmallVector<affine::AffineStoreOp> slotStores;
  for (Operation &op : loop.getBody()->without_terminator()) {
    // Reads: of the inputs, of temporaries, of constant tables (the output
    // is checked below, once it is known).
    if (isa<affine::AffineLoadOp, memref::LoadOp>(op))
      continue;
    if (auto store = dyn_cast<affine::AffineStoreOp>(op)) {
      auto type = cast<MemRefType>(store.getMemRef().getType());
      if (type.getRank() == 0) {
        auto slot = store.getMemRef().getDefiningOp<memref::AllocaOp>();
        if (!slot || slot->getBlock() != loop->getBlock())
          return std::nullopt;
        // Nothing reads the slot after the loop: stopping early leaves it
        // with another value.
        for (Operation *user : slot->getUsers())
          if (user->getBlock() == loop->getBlock() && loop->isBeforeInBlock(user))
            return std::nullopt;
        slotStores.push_back(store);
        continue;
      }
      if (output || type.getRank() != 1 || store.getMapOperands().size() != 1 ||
          store.getMapOperands()[0] != position || !store.getAffineMap().isIdentity())
        return std::nullopt;
      output = store;
      continue;
    }
    if (op.getNumRegions() != 0 || !isMemoryEffectFree(&op))
      return std::nullopt;
  }
  if (!output)
    return std::nullopt;
  // The output buffer is written by this store alone in the loop, and no
  // load in the loop reads it (both loads take the memref first).
  for (Operation &op : loop.getBody()->without_terminator())
    if (isa<affine::AffineLoadOp, memref::LoadOp>(op) &&
        op.getOperand(0) == output.getMemRef())
      return std::nullopt;

  DecidedStream stream;
  stream.output = output;
  Value stored = output.getValueToStore();
  while (Operation *def = stored.getDefiningOp()) {
    if (!isa<arith::TruncIOp, arith::ExtUIOp, arith::ExtSIOp>(def))
      break;
    stream.casts.insert(stream.casts.begin(), def);
    stored = def->getOperand(0);
  }
  auto select = stored.getDefiningOp<arith::SelectOp>();
  if (!select || !matchPattern(select.getTrueValue(), m_Constant()))
    return std::nullopt;
  stream.decided = select.getCondition();
  stream.constant = select.getTrueValue();
  auto positive = stream.decided.getDefiningOp<arith::CmpIOp>();
  if (!positive || positive.getPredicate() != arith::CmpIPredicate::sgt ||
      !matchPattern(positive.getRhs(), m_Zero()))
    return std::nullopt;
  // The count: the new value of a slot, its old value plus 0 or 1.
  Value count = positive.getLhs();
  auto add = count.getDefiningOp<arith::AddIOp>();
  if (!add)
    return std::nullopt;
  for (auto [old, increment] : {std::pair(add.getLhs(), add.getRhs()),
                                std::pair(add.getRhs(), add.getLhs())}) {
    auto load = old.getDefiningOp<affine::AffineLoadOp>();
    auto bit = increment.getDefiningOp<arith::ExtUIOp>();
    if (!load || !bit || !bit.getIn().getType().isInteger(1) ||
        load->getParentOp() != loop.getOperation())
      continue;
    bool storedBack = llvm::any_of(slotStores, [&](affine::AffineStoreOp store) {
      return store.getMemRef() == load.getMemRef() && store.getValueToStore() == count;
    });
    std::optional<int64_t> start = getStartValue(load.getMemRef(), loop);
    if (storedBack && start && *start >= 0 && *start <= kMaxStickyStart) {
      stream.countSlot = load.getMemRef();
      return stream;
    }
  }
  return std::nullopt;
}

/// affine.for %i = 0 to %n { body; out[%i] = f(count > 0 ? K : x) }
///   -> %stop = scf.while (%start = 0, %done = false) while %start < %n && !%done
///        { scf.for %i = %start to min(%start + B, %n) { body }
///          yield min(%start + B, %n), count > 0 }
///      scf.for %j = %stop to %n { out[%j] = f(K) }
/// The inner loop is the original body (memref loads and stores), without
/// a test per position: the count is tested once per block of
/// `blockSize` positions, and positions after the first decided one in
/// its block are computed as before (they give K too).
void exitEarly(affine::AffineForOp loop, const DecidedStream &stream, int64_t blockSize) {
  OpBuilder b(loop);
  Location loc = loop.getLoc();
  Value n = affine::expandAffineMap(b, loc, loop.getUpperBoundMap(),
                                    loop.getUpperBoundOperands())
                ->front();
  Value zero = arith::ConstantIndexOp::create(b, loc, 0);
  Value one = arith::ConstantIndexOp::create(b, loc, 1);
  Value block = arith::ConstantIndexOp::create(b, loc, blockSize);
  Value notYet = arith::ConstantIntOp::create(b, loc, b.getI1Type(), 0);
  auto whileOp = scf::WhileOp::create(
      b, loc, TypeRange{b.getIndexType(), b.getI1Type()}, ValueRange{zero, notYet},
      [&](OpBuilder &nested, Location l, ValueRange args) {
        Value inBounds =
            arith::CmpIOp::create(nested, l, arith::CmpIPredicate::slt, args[0], n);
        Value open = arith::XOrIOp::create(
            nested, l, args[1], arith::ConstantIntOp::create(nested, l, nested.getI1Type(), 1));
        Value go = arith::AndIOp::create(nested, l, inBounds, open);
        scf::ConditionOp::create(nested, l, go, args);
      },
      [&](OpBuilder &nested, Location l, ValueRange args) {
        Value end = arith::MinSIOp::create(
            nested, l, arith::AddIOp::create(nested, l, args[0], block), n);
        scf::ForOp::create(
            nested, l, args[0], end, one, ValueRange{},
            [&](OpBuilder &inner, Location il, Value position, ValueRange) {
              IRMapping mapping;
              mapping.map(loop.getInductionVar(), position);
              auto mapped = [&](ValueRange values) {
                return llvm::map_to_vector(values,
                                           [&](Value v) { return mapping.lookupOrDefault(v); });
              };
              for (Operation &op : loop.getBody()->without_terminator()) {
                if (auto load = dyn_cast<affine::AffineLoadOp>(op)) {
                  auto indices = affine::expandAffineMap(inner, il, load.getAffineMap(),
                                                         mapped(load.getMapOperands()));
                  mapping.map(load.getResult(),
                              memref::LoadOp::create(inner, il, load.getMemRef(), *indices));
                  continue;
                }
                if (auto store = dyn_cast<affine::AffineStoreOp>(op)) {
                  auto indices = affine::expandAffineMap(inner, il, store.getAffineMap(),
                                                         mapped(store.getMapOperands()));
                  memref::StoreOp::create(inner, il, mapping.lookup(store.getValueToStore()),
                                          store.getMemRef(), *indices);
                  continue;
                }
                inner.clone(op, mapping);
              }
              scf::YieldOp::create(inner, il);
            });
        Value count = memref::LoadOp::create(nested, l, stream.countSlot, ValueRange{});
        Value decided = arith::CmpIOp::create(
            nested, l, arith::CmpIPredicate::sgt, count,
            arith::ConstantIntOp::create(nested, l, count.getType(), 0));
        scf::YieldOp::create(nested, l, ValueRange{end, decided});
      });
  // The rest of the output is the decided value.
  Value fill = stream.constant;
  if (loop->isAncestor(fill.getDefiningOp()))
    fill = b.clone(*fill.getDefiningOp())->getResult(0);
  IRMapping castMapping;
  for (Operation *cast : stream.casts) {
    castMapping.map(cast->getOperand(0), fill);
    fill = b.clone(*cast, castMapping)->getResult(0);
  }
  Value out = affine::AffineStoreOp(stream.output).getMemRef();
  scf::ForOp::create(b, loc, whileOp.getResult(0), n, one, ValueRange{},
                     [&](OpBuilder &nested, Location l, Value j, ValueRange) {
                       memref::StoreOp::create(nested, l, fill, out, ValueRange{j});
                       scf::YieldOp::create(nested, l);
                     });
  loop.erase();
}

struct RASPEarlyExitStreamsPass
    : public rasp::impl::RASPEarlyExitStreamsBase<RASPEarlyExitStreamsPass> {
  using Base::Base;

  void runOnOperation() override {
    SmallVector<std::pair<affine::AffineForOp, DecidedStream>> streams;
    for (Operation &op : getOperation().getBody().getOps())
      if (auto loop = dyn_cast<affine::AffineForOp>(op))
        if (std::optional<DecidedStream> stream = matchDecidedStream(loop))
          streams.emplace_back(loop, *stream);
    for (auto &[loop, stream] : streams)
      exitEarly(loop, stream, blockSize);
  }
};

} // namespace
