//===- InitAllRASP.cpp - Registration shared by every rasp tool -----------===//

#include "rasp/InitAllRASP.h"

#include "rasp/Conversion/Passes.h"
#include "rasp/Dialect/RASP/IR/RASPDialect.h"
#include "rasp/Dialect/RASP/Transforms/Passes.h"
#include "rasp/Pipelines/Pipelines.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/InitAllPasses.h"
#include "mlir/Target/LLVMIR/Dialect/All.h"

void rasp::registerAllDialects(mlir::DialectRegistry &registry) {
  registry.insert<rasp::RASPDialect>();
  // The lowering crosses most of upstream MLIR (linalg, bufferization,
  // affine, scf, vector, LLVM); registering all keeps every tool able to
  // parse any stage's output.
  mlir::registerAllDialects(registry);
  mlir::registerAllExtensions(registry);
}

void rasp::registerAllTranslations(mlir::DialectRegistry &registry) {
  mlir::registerAllToLLVMIRTranslations(registry);
}

void rasp::registerAllPasses() {
  mlir::registerAllPasses();
  rasp::registerRASPPasses();
  rasp::registerRASPConversionPasses();
  rasp::registerRASPPipelines();
}
