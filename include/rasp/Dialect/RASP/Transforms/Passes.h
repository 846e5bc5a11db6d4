//===- Passes.h - RASP dialect passes ---------------------------*- C++ -*-===//

#ifndef RASP_DIALECT_RASP_TRANSFORMS_PASSES_H
#define RASP_DIALECT_RASP_TRANSFORMS_PASSES_H

#include "mlir/Pass/Pass.h"

namespace rasp {

/// Module attribute naming the input vocabulary (strings tokens may hold).
inline constexpr llvm::StringLiteral kVocabularyAttrName = "rasp.vocabulary";
/// Module attribute holding the sorted string table; index = string id.
inline constexpr llvm::StringLiteral kStringTableAttrName = "rasp.strings";

#define GEN_PASS_DECL
#include "rasp/Dialect/RASP/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "rasp/Dialect/RASP/Transforms/Passes.h.inc"

} // namespace rasp

#endif // RASP_DIALECT_RASP_TRANSFORMS_PASSES_H
