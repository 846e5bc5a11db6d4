//===- MergeKernelCalls.cpp - One call for identical runtime-kernel calls -===//
//
// See the pass description in mlir-dialect/rasp/Conversion/Passes.td.
//
//===----------------------------------------------------------------------===//

#include "KernelCallNames.h"

#include "rasp/Conversion/Passes.h"

#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"

namespace rasp {
#define GEN_PASS_DEF_RASPMERGEKERNELCALLS
#include "rasp/Conversion/Passes.h.inc"
} // namespace rasp

using namespace mlir;
using rasp::lowering::isKernelCall;

namespace {

/// The one read of an output buffer: `buffer` is an allocation used by
/// `call` and by exactly one `bufferization.to_tensor`, or null.
bufferization::ToTensorOp getOnlyRead(memref::AllocOp buffer, func::CallOp call) {
  bufferization::ToTensorOp read;
  for (Operation *user : buffer->getUsers()) {
    if (user == call.getOperation())
      continue;
    auto toTensor = llvm::dyn_cast<bufferization::ToTensorOp>(user);
    if (!toTensor || read)
      return {};
    read = toTensor;
  }
  return read;
}

/// What a kernel reads through `operand`: the tensor behind a read-only
/// `to_buffer`, or the operand itself when it is not a buffer (a scalar).
/// Null for buffers that may be written (allocations, function arguments).
Value getReadValue(Value operand) {
  if (!isa<MemRefType>(operand.getType()))
    return operand;
  if (auto toBuffer = operand.getDefiningOp<bufferization::ToBufferOp>())
    if (toBuffer.getReadOnly())
      return toBuffer.getTensor();
  return Value();
}

/// Whether `later` computes what `earlier` did: same kernel, the same values
/// read, and fresh output buffers in the same places, each read once after
/// the call. On success, `reads` pairs each of later's output reads with
/// earlier's.
bool isRepeat(func::CallOp earlier, func::CallOp later,
              SmallVectorImpl<std::pair<bufferization::ToTensorOp,
                                        bufferization::ToTensorOp>> &reads) {
  if (earlier.getCallee() != later.getCallee() ||
      earlier->getBlock() != later->getBlock())
    return false;
  llvm::DenseMap<Value, Value> outputs; // later's buffer -> earlier's
  for (auto [a, b] : llvm::zip_equal(earlier.getOperands(), later.getOperands())) {
    auto allocA = a.getDefiningOp<memref::AllocOp>();
    auto allocB = b.getDefiningOp<memref::AllocOp>();
    if (allocA && allocB) {
      auto [it, inserted] = outputs.try_emplace(b, a);
      if (it->second != a)
        return false;
      if (!inserted)
        continue;
      bufferization::ToTensorOp readA = getOnlyRead(allocA, earlier);
      bufferization::ToTensorOp readB = getOnlyRead(allocB, later);
      if (!readA || !readB || !earlier->isBeforeInBlock(readA) ||
          !readA->isBeforeInBlock(later) || !later->isBeforeInBlock(readB))
        return false;
      reads.emplace_back(readB, readA);
      continue;
    }
    Value readValueA = getReadValue(a), readValueB = getReadValue(b);
    if (!readValueA || readValueA != readValueB)
      return false;
  }
  // The same buffer in two places of one call and not the other.
  llvm::SmallPtrSet<Value, 4> earlierOutputs;
  for (auto [b, a] : outputs)
    if (!earlierOutputs.insert(a).second)
      return false;
  return !reads.empty();
}

struct RASPMergeKernelCallsPass
    : public rasp::impl::RASPMergeKernelCallsBase<RASPMergeKernelCallsPass> {
  void runOnOperation() override {
    SmallVector<func::CallOp> calls;
    getOperation().walk([&](func::CallOp call) {
      if (isKernelCall(call))
        calls.push_back(call);
    });
    SmallVector<func::CallOp> kept;
    for (func::CallOp call : calls) {
      func::CallOp original;
      SmallVector<std::pair<bufferization::ToTensorOp, bufferization::ToTensorOp>> reads;
      for (func::CallOp candidate : kept) {
        reads.clear();
        if (isRepeat(candidate, call, reads)) {
          original = candidate;
          break;
        }
      }
      if (!original) {
        kept.push_back(call);
        continue;
      }
      SmallVector<Operation *> buffers;
      for (Value operand : call.getOperands())
        if (auto alloc = operand.getDefiningOp<memref::AllocOp>())
          if (!llvm::is_contained(buffers, alloc.getOperation()))
            buffers.push_back(alloc);
      for (auto [repeated, first] : reads) {
        repeated.getResult().replaceAllUsesWith(first.getResult());
        repeated.erase();
      }
      call.erase();
      for (Operation *buffer : buffers)
        buffer->erase();
    }
  }
};

} // namespace
