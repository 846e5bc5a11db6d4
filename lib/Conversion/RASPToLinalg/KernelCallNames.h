//===- KernelCallNames.h - Recognizing calls of the runtime kernels -*- C++ -*-===//
//
// The runtime kernels (lib/Runtime) read their input buffers, write their
// output buffers and do nothing else: no errors, no other memory. Passes
// that remove or merge their calls recognize them by name.
//
//===----------------------------------------------------------------------===//

#ifndef RASP_LIB_CONVERSION_RASPTOLINALG_KERNELCALLNAMES_H
#define RASP_LIB_CONVERSION_RASPTOLINALG_KERNELCALLNAMES_H

#include "rasp/Runtime/ByteTable.h"
#include "rasp/Runtime/GroupNeighbor.h"
#include "rasp/Runtime/KeyedReduce.h"
#include "rasp/Runtime/StableSort.h"
#include "rasp/Runtime/TableSort.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"

namespace rasp::lowering {

/// A call of one of the runtime kernels.
inline bool isKernelCall(mlir::func::CallOp call) {
  for (const char *prefix : {kKeyedReduceFunctionName, kByteTableFunctionName, kByteJoinFunctionName,
                             kGroupNeighborFunctionName, kScanGroupNeighborFunctionName,
                             kStableSortFunctionName, kTableSortFunctionName})
    if (call.getCallee().starts_with(prefix))
      return true;
  return false;
}

/// The runtime-kernel calls nested in `root`, in order.
inline llvm::SmallVector<mlir::func::CallOp> collectKernelCalls(mlir::Operation *root) {
  llvm::SmallVector<mlir::func::CallOp> calls;
  root->walk([&](mlir::func::CallOp call) {
    if (isKernelCall(call))
      calls.push_back(call);
  });
  return calls;
}

} // namespace rasp::lowering

#endif // RASP_LIB_CONVERSION_RASPTOLINALG_KERNELCALLNAMES_H
