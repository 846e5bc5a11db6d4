//===- RASPDialect.h - RASP dialect -----------------------------*- C++ -*-===//

#ifndef RASP_DIALECT_RASP_IR_RASPDIALECT_H
#define RASP_DIALECT_RASP_IR_RASPDIALECT_H

#include "mlir/IR/Dialect.h"

#include "rasp/Dialect/RASP/IR/RASPOpsDialect.h.inc"

#endif // RASP_DIALECT_RASP_IR_RASPDIALECT_H
