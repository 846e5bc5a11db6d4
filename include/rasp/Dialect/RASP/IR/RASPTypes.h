//===- RASPTypes.h - RASP types ---------------------------------*- C++ -*-===//

#ifndef RASP_DIALECT_RASP_IR_RASPTYPES_H
#define RASP_DIALECT_RASP_IR_RASPTYPES_H

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Types.h"

#define GET_TYPEDEF_CLASSES
#include "rasp/Dialect/RASP/IR/RASPOpsTypes.h.inc"

namespace rasp {
/// True for the element types an s-op may hold: i64, f64, i1, !rasp.string.
bool isSOpElementType(mlir::Type type);
} // namespace rasp

#endif // RASP_DIALECT_RASP_IR_RASPTYPES_H
