//===- WidenBoolMemory.cpp - Bool loads and stores as bytes ---------------===//
//
// See the pass description in mlir-dialect/rasp/Conversion/Passes.td.
//
//===----------------------------------------------------------------------===//

#include "rasp/Conversion/Passes.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/Builders.h"

namespace rasp {
#define GEN_PASS_DEF_RASPWIDENBOOLMEMORY
#include "rasp/Conversion/Passes.h.inc"
} // namespace rasp

using namespace mlir;

namespace {

bool isBool(Type type) { return type.isInteger(1); }

struct RASPWidenBoolMemoryPass
    : public rasp::impl::RASPWidenBoolMemoryBase<RASPWidenBoolMemoryPass> {
  using Base::Base;

  void runOnOperation() override {
    Type byte = IntegerType::get(&getContext(), 8);
    OpBuilder builder(&getContext());
    getOperation()->walk([&](Operation *op) {
      if (auto store = llvm::dyn_cast<LLVM::StoreOp>(op)) {
        if (!isBool(store.getValue().getType()))
          return;
        // zext: the byte holds 0 or 1, as an i1 store writes it on every
        // target the JIT runs on and as the drivers read it.
        builder.setInsertionPoint(store);
        Value wide = LLVM::ZExtOp::create(builder, store.getLoc(), byte, store.getValue());
        store.getValueMutable().assign(wide);
        return;
      }
      if (auto load = llvm::dyn_cast<LLVM::LoadOp>(op)) {
        if (!isBool(load.getType()))
          return;
        // trunc keeps bit 0: the byte's value when every writer stores 0 or 1.
        builder.setInsertionPointAfter(load);
        auto narrow = LLVM::TruncOp::create(builder, load.getLoc(), load.getType(),
                                            load.getResult());
        load.getResult().replaceAllUsesExcept(narrow.getResult(), narrow);
        load.getResult().setType(byte);
      }
    });
  }
};

} // namespace
