//===- rasp-translate.cpp - RASP source to the rasp dialect ---------------===//
//
//   rasp-translate --import-rasp prog.rasp [--sop NAME]... [-I dir] [-o out]
//
// Parses and evaluates a RASP program and prints one func.func per output
// s-op. Errors print as `file:line:col: error: message` and exit with 1.
//
//===----------------------------------------------------------------------===//

#include "rasp/Frontend/Importer.h"
#include "rasp/Dialect/RASP/IR/RASPDialect.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/AsmState.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Support/FileUtilities.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

static cl::OptionCategory category("rasp-translate options");

static cl::opt<std::string> inputFilename(cl::Positional,
                                          cl::desc("<input .rasp file>"),
                                          cl::init("-"), cl::cat(category));

static cl::opt<bool> importRasp(
    "import-rasp",
    cl::desc("Translate RASP source into the rasp dialect (the default and "
             "only translation)"),
    cl::cat(category));

static cl::list<std::string> sopNames(
    "sop",
    cl::desc("Emit only this s-op (repeatable). Without --sop every top-level "
             "name bound to an s-op is emitted; builtins such as 'length' or "
             "'tokens' may be named too"),
    cl::value_desc("name"), cl::cat(category));

static cl::list<std::string> includeDirs(
    "I", cl::desc("Directory searched by `load` after the loading file's "
                  "own directory (repeatable)"),
    cl::value_desc("dir"), cl::Prefix, cl::cat(category));

static cl::opt<std::string> outputFilename("o", cl::desc("Output file"),
                                           cl::value_desc("filename"),
                                           cl::init("-"), cl::cat(category));

int main(int argc, char **argv) {
  InitLLVM y(argc, argv);
  mlir::registerAsmPrinterCLOptions();
  mlir::registerMLIRContextCLOptions();
  cl::HideUnrelatedOptions({&category, &cl::getGeneralCategory()});
  cl::ParseCommandLineOptions(
      argc, argv,
      "RASP front end: compiles a RASP program (Weiss et al., \"Thinking Like "
      "Transformers\") into the rasp MLIR dialect.\n\n"
      "Functions, loops, comprehensions, lists, dicts and constant arithmetic "
      "are evaluated at compile time; each output s-op becomes a\n"
      "`func.func @NAME() -> !rasp.sop<T>`. Errors print as "
      "file:line:col: error: message, and the exit status is 1.\n\n"
      "  rasp-translate --import-rasp prog.rasp [--sop NAME]... [-I dir] "
      "[-o out]\n");

  std::string errorMessage;
  auto input = mlir::openInputFile(inputFilename, &errorMessage);
  if (!input) {
    errs() << "rasp-translate: " << errorMessage << "\n";
    return 1;
  }
  auto output = mlir::openOutputFile(outputFilename, &errorMessage);
  if (!output) {
    errs() << "rasp-translate: " << errorMessage << "\n";
    return 1;
  }

  mlir::MLIRContext context;
  context.loadDialect<rasp::RASPDialect, mlir::func::FuncDialect>();
  SourceMgr sourceMgr;
  sourceMgr.AddNewSourceBuffer(std::move(input), SMLoc());
  mlir::SourceMgrDiagnosticHandler handler(sourceMgr, &context);

  rasp::ImportOptions options;
  options.sopNames.assign(sopNames.begin(), sopNames.end());
  options.includeDirs.assign(includeDirs.begin(), includeDirs.end());
  mlir::OwningOpRef<mlir::ModuleOp> module =
      rasp::importRaspProgram(sourceMgr, &context, options);
  if (!module)
    return 1;
  module->print(output->os());
  output->os() << "\n";
  output->keep();
  return 0;
}
