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
using rasp::lowering::collectKernelCalls;
using rasp::lowering::isKernelCall;

namespace {

/// How an output buffer of `call` is read: by at most one
/// `bufferization.to_tensor` and by other kernel calls (which only read the
/// buffers they did not allocate: every kernel output is a fresh
/// allocation), all after `call`. False for any other use.
bool getReads(memref::AllocOp buffer, func::CallOp call,
              bufferization::ToTensorOp &toTensor) {
  toTensor = {};
  for (Operation *user : buffer->getUsers()) {
    if (user == call.getOperation())
      continue;
    if (user->getBlock() != call->getBlock() || !call->isBeforeInBlock(user))
      return false;
    if (auto read = llvm::dyn_cast<bufferization::ToTensorOp>(user)) {
      if (toTensor)
        return false;
      toTensor = read;
      continue;
    }
    auto reader = llvm::dyn_cast<func::CallOp>(user);
    if (!reader || !isKernelCall(reader))
      return false;
  }
  return true;
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

/// An output buffer of a later call and the same output of an earlier one.
struct RepeatedOutput {
  memref::AllocOp later, earlier;
};

/// Whether `later` computes what `earlier` did: same kernel in the same
/// block, the same values read, and fresh output buffers in the same
/// places, read only after the calls (getReads). On success, `outputs`
/// pairs later's buffers with earlier's.
bool isRepeat(func::CallOp earlier, func::CallOp later,
              SmallVectorImpl<RepeatedOutput> &outputs) {
  if (earlier.getCallee() != later.getCallee() ||
      earlier->getBlock() != later->getBlock() || !earlier->isBeforeInBlock(later))
    return false;
  llvm::DenseMap<Value, Value> earlierOf, laterOf;
  for (auto [a, b] : llvm::zip_equal(earlier.getOperands(), later.getOperands())) {
    auto allocA = a.getDefiningOp<memref::AllocOp>();
    auto allocB = b.getDefiningOp<memref::AllocOp>();
    if (allocA && allocB) {
      // The same buffer in two places of one call and not the other.
      auto [itB, newB] = earlierOf.try_emplace(b, a);
      auto [itA, newA] = laterOf.try_emplace(a, b);
      if (itB->second != a || itA->second != b)
        return false;
      if (!newB)
        continue;
      bufferization::ToTensorOp readA, readB;
      if (!getReads(allocA, earlier, readA) || !getReads(allocB, later, readB))
        return false;
      // The earlier read must be there for the later one's users.
      if (readB && readA && !readA->isBeforeInBlock(later))
        return false;
      outputs.push_back({allocB, allocA});
      continue;
    }
    Value readValueA = getReadValue(a), readValueB = getReadValue(b);
    if (!readValueA || readValueA != readValueB)
      return false;
  }
  return !outputs.empty();
}

/// The to_tensor that reads `buffer`, if any.
bufferization::ToTensorOp findRead(memref::AllocOp buffer) {
  for (Operation *user : buffer->getUsers())
    if (auto read = llvm::dyn_cast<bufferization::ToTensorOp>(user))
      return read;
  return {};
}

struct RASPMergeKernelCallsPass
    : public rasp::impl::RASPMergeKernelCallsBase<RASPMergeKernelCallsPass> {
  void runOnOperation() override {
    SmallVector<func::CallOp> calls = collectKernelCalls(getOperation());
    SmallVector<func::CallOp> kept;
    for (func::CallOp call : calls) {
      SmallVector<RepeatedOutput> outputs;
      bool repeated = llvm::any_of(kept, [&](func::CallOp candidate) {
        outputs.clear();
        return isRepeat(candidate, call, outputs);
      });
      if (!repeated) {
        kept.push_back(call);
        continue;
      }
      call.erase();
      for (auto [later, earlier] : outputs) {
        // One restrict to_tensor per buffer: the later read becomes the
        // earlier one, or, where the earlier buffer had none, reads it.
        if (bufferization::ToTensorOp readB = findRead(later)) {
          if (bufferization::ToTensorOp readA = findRead(earlier)) {
            readB.getResult().replaceAllUsesWith(readA.getResult());
            readB.erase();
          }
        }
        later.getResult().replaceAllUsesWith(earlier.getResult());
        later.erase();
      }
    }
  }
};

} // namespace
