//===- rasp-opt.cpp - Run rasp passes and pipelines -----------------------===//

#include "rasp/InitAllRASP.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"

int main(int argc, char **argv) {
  rasp::registerAllPasses();
  mlir::DialectRegistry registry;
  rasp::registerAllDialects(registry);
  rasp::registerAllTranslations(registry);
  return mlir::asMainReturnCode(mlir::MlirOptMain(
      argc, argv, "RASP optimizer: the rasp dialect, its lowering passes and "
                  "pipelines (rasp-to-linalg, rasp-to-affine, rasp-to-llvm)\n",
      registry));
}
