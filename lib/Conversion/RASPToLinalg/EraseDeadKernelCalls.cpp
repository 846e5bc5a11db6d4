//===- EraseDeadKernelCalls.cpp - Runtime-kernel calls nothing reads ------===//
//
// See the pass description in mlir-dialect/rasp/Conversion/Passes.td.
//
//===----------------------------------------------------------------------===//

#include "KernelCallNames.h"

#include "rasp/Conversion/Passes.h"

#include "mlir/Dialect/MemRef/IR/MemRef.h"

namespace rasp {
#define GEN_PASS_DEF_RASPERASEDEADKERNELCALLS
#include "rasp/Conversion/Passes.h.inc"
} // namespace rasp

using namespace mlir;
using rasp::lowering::collectKernelCalls;

namespace {

/// Nothing reads what `call` writes: each of its buffers that it could
/// write is an allocation only it uses. Function arguments (the caller's
/// output buffer, the inputs) may be written: they keep the call.
bool hasDeadOutputs(func::CallOp call, SmallVectorImpl<memref::AllocOp> &allocs) {
  for (Value operand : call.getOperands()) {
    if (!isa<MemRefType>(operand.getType()))
      continue;
    if (isa<BlockArgument>(operand))
      return false;
    auto alloc = operand.getDefiningOp<memref::AllocOp>();
    if (!alloc)
      continue; // a read-only view of a tensor, or a constant table
    for (Operation *user : alloc->getUsers())
      if (user != call.getOperation())
        return false;
    if (!llvm::is_contained(allocs, alloc))
      allocs.push_back(alloc);
  }
  return true;
}

struct RASPEraseDeadKernelCallsPass
    : public rasp::impl::RASPEraseDeadKernelCallsBase<RASPEraseDeadKernelCallsPass> {
  void runOnOperation() override {
    SmallVector<func::CallOp> calls = collectKernelCalls(getOperation());
    for (func::CallOp call : calls) {
      SmallVector<memref::AllocOp> allocs;
      if (!hasDeadOutputs(call, allocs))
        continue;
      call.erase();
      for (memref::AllocOp alloc : allocs)
        alloc.erase();
    }
  }
};

} // namespace
