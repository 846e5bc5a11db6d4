//===- RASPDialect.cpp - RASP dialect -------------------------------------===//

#include "rasp/Dialect/RASP/IR/RASPDialect.h"
#include "rasp/Dialect/RASP/IR/RASPOps.h"
#include "rasp/Dialect/RASP/IR/RASPTypes.h"

using namespace mlir;
using namespace rasp;

#include "rasp/Dialect/RASP/IR/RASPOpsDialect.cpp.inc"

void RASPDialect::initialize() {
  registerTypes();
  addOperations<
#define GET_OP_LIST
#include "rasp/Dialect/RASP/IR/RASPOps.cpp.inc"
      >();
}

Operation *RASPDialect::materializeConstant(OpBuilder &builder,
                                            Attribute value, Type type,
                                            Location loc) {
  auto sopType = llvm::dyn_cast<SOpType>(type);
  if (!sopType || getScalarAttrElementType(value) != sopType.getElementType())
    return nullptr;
  return ConstantOp::create(builder, loc, type, value);
}
