//===- EarlyDealloc.cpp - Free temporaries after their last use -----------===//
//
// See the pass description (mlir-dialect/rasp/Conversion/Passes.td).
//
//===----------------------------------------------------------------------===//

#include "rasp/Conversion/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Interfaces/ViewLikeInterface.h"

namespace rasp {
#define GEN_PASS_DEF_RASPEARLYDEALLOC
#include "rasp/Conversion/Passes.h.inc"
} // namespace rasp

using namespace mlir;

namespace {

/// The last op of `block` that uses `buffer` or a view of it (the op itself
/// or the op of `block` whose region holds the use), or null when the buffer
/// escapes: used outside the block, stored as a value, or returned.
Operation *findLastUse(Value buffer, Block *block, Operation *dealloc) {
  Operation *last = nullptr;
  SmallVector<Value> worklist = {buffer};
  while (!worklist.empty()) {
    Value value = worklist.pop_back_val();
    for (OpOperand &use : value.getUses()) {
      Operation *user = use.getOwner();
      if (user == dealloc)
        continue;
      if (user->hasTrait<OpTrait::IsTerminator>() && user->getBlock() == block)
        return nullptr; // returned or yielded
      if (auto store = llvm::dyn_cast<memref::StoreOp>(user))
        if (store.getValueToStore() == value)
          return nullptr;
      if (auto view = llvm::dyn_cast<ViewLikeOpInterface>(user))
        if (view.getViewSource() == value)
          for (Value result : user->getResults())
            worklist.push_back(result);
      if (auto cast = llvm::dyn_cast<memref::CastOp>(user))
        worklist.push_back(cast.getResult());
      Operation *ancestor = block->findAncestorOpInBlock(*user);
      if (!ancestor)
        return nullptr;
      if (!last || last->isBeforeInBlock(ancestor))
        last = ancestor;
    }
  }
  return last;
}

struct EarlyDeallocPass
    : public rasp::impl::RASPEarlyDeallocBase<EarlyDeallocPass> {
  void runOnOperation() override {
    SmallVector<memref::DeallocOp> deallocs;
    getOperation().walk([&](memref::DeallocOp op) { deallocs.push_back(op); });
    for (memref::DeallocOp dealloc : deallocs) {
      auto alloc = dealloc.getMemref().getDefiningOp<memref::AllocOp>();
      Block *block = dealloc->getBlock();
      if (!alloc || alloc->getBlock() != block)
        continue;
      Operation *last = findLastUse(alloc.getResult(), block, dealloc);
      if (last && last->isBeforeInBlock(dealloc))
        dealloc->moveAfter(last);
    }
  }
};

} // namespace
