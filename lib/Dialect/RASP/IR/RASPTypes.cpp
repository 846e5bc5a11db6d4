//===- RASPTypes.cpp - RASP types -----------------------------------------===//

#include "rasp/Dialect/RASP/IR/RASPTypes.h"
#include "rasp/Dialect/RASP/IR/RASPDialect.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace rasp;

#define GET_TYPEDEF_CLASSES
#include "rasp/Dialect/RASP/IR/RASPOpsTypes.cpp.inc"

bool rasp::isSOpElementType(Type type) {
  return type.isInteger(64) || type.isF64() || type.isInteger(1) ||
         llvm::isa<StringType>(type);
}

LogicalResult SOpType::verify(function_ref<InFlightDiagnostic()> emitError,
                              Type elementType) {
  if (!isSOpElementType(elementType))
    return emitError() << "s-op element type must be i64 (int), f64 (float), "
                          "i1 (bool) or !rasp.string, but got "
                       << elementType;
  return success();
}

void RASPDialect::registerTypes() {
  addTypes<
#define GET_TYPEDEF_LIST
#include "rasp/Dialect/RASP/IR/RASPOpsTypes.cpp.inc"
      >();
}
