//===- Passes.h - RASP conversion passes ------------------------*- C++ -*-===//

#ifndef RASP_CONVERSION_PASSES_H
#define RASP_CONVERSION_PASSES_H

#include "rasp/Conversion/RASPToLinalg/RASPToLinalg.h"

#include "mlir/Pass/Pass.h"

namespace rasp {

#define GEN_PASS_DECL
#include "rasp/Conversion/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "rasp/Conversion/Passes.h.inc"

} // namespace rasp

#endif // RASP_CONVERSION_PASSES_H
