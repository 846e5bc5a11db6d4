//===- RASPOps.h - RASP operations ------------------------------*- C++ -*-===//

#ifndef RASP_DIALECT_RASP_IR_RASPOPS_H
#define RASP_DIALECT_RASP_IR_RASPOPS_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "rasp/Dialect/RASP/IR/RASPDialect.h"
#include "rasp/Dialect/RASP/IR/RASPTypes.h"

#include "rasp/Dialect/RASP/IR/RASPEnums.h.inc"

#define GET_OP_CLASSES
#include "rasp/Dialect/RASP/IR/RASPOps.h.inc"

namespace rasp {
/// The kind of a scalar attribute as RASP sees it: the element type an s-op
/// holding it would have (i64, f64, i1 or !rasp.string), or null.
mlir::Type getScalarAttrElementType(mlir::Attribute attr);

/// Spells a predicate as in RASP source: ==, !=, <, >, <=, >=.
llvm::StringRef stringifyPredicateSymbol(Predicate predicate);
} // namespace rasp

#endif // RASP_DIALECT_RASP_IR_RASPOPS_H
