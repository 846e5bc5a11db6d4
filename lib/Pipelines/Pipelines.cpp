//===- Pipelines.cpp - The rasp lowering pipelines ------------------------===//

#include "rasp/Pipelines/Pipelines.h"

#include "mlir/Pass/PassRegistry.h"

using namespace mlir;
using namespace rasp;

std::string rasp::getStagePipeline(LoweringStage stage,
                                   const LoweringOptions &options) {
  switch (stage) {
  case LoweringStage::Optimized:
    return options.rewrite ? "rasp-optimize-selects" : "";
  case LoweringStage::Linalg:
    // Fusion merges chains of maps (and their constants) into one loop.
    return std::string("rasp-intern-strings,convert-rasp-to-linalg{narrow-storage=") +
           (options.narrowStorage ? "true" : "false") +
           " byte-tables=" + (options.byteTables ? "true" : "false") +
           "},canonicalize,"
           "linalg-fuse-elementwise-ops,canonicalize,cse,"
           "func.func(rasp-fuse-streams,rasp-stream-last-value,"
           "rasp-fuse-elementwise-into-extract),"
           "canonicalize,cse,func.func(rasp-merge-kernel-calls,"
           "rasp-erase-dead-kernel-calls),canonicalize";
  case LoweringStage::Affine:
    // Empty-tensor elimination lets the last generic write straight into the
    // caller's output buffer; deallocation frees the O(n) temporaries. The
    // select reductions get register-blocked loops, the rest plain loops.
    return std::string("eliminate-empty-tensors,empty-tensor-to-alloc-tensor,"
           "one-shot-bufferize{bufferize-function-boundaries "
           "function-boundary-type-conversion=identity-layout-map},"
           "canonicalize,"
           "func.func(promote-buffers-to-stack{max-alloc-size-in-bytes=64 "
           "max-rank-of-allocated-memref=0}),"
           "buffer-deallocation-pipeline,"
           "func.func(convert-select-reductions-to-affine{parallel=") +
           (options.parallel ? "true" : "false") +
           "}),func.func(convert-linalg-to-affine-loops),"
           "func.func(affine-scalrep),func.func(rasp-early-dealloc),"
           "func.func(rasp-early-exit-streams),"
           "canonicalize,cse";
  case LoweringStage::LLVM:
    // Parallel query blocks become OpenMP worksharing loops (the JIT loads
    // libomp). memref lowering must precede scf-to-cf once scf-to-openmp has
    // made alloca scopes. ipowi has no LLVM intrinsic: math-to-funcs first.
    // Bool memory as bytes lets LLVM vectorize loops over bool columns.
    return "lower-affine,convert-scf-to-openmp,finalize-memref-to-llvm,"
           "convert-math-to-funcs{convert-ctlz=false},"
           "convert-scf-to-cf,expand-strided-metadata,finalize-memref-to-llvm,"
           "convert-math-to-llvm,convert-arith-to-llvm,convert-index-to-llvm,"
           "convert-cf-to-llvm,convert-func-to-llvm,convert-openmp-to-llvm,"
           "convert-ub-to-llvm,reconcile-unrealized-casts,canonicalize,"
           "rasp-widen-bool-memory";
  }
  return "";
}

LogicalResult rasp::buildRASPLoweringPipeline(OpPassManager &pm,
                                              LoweringStage last,
                                              const LoweringOptions &options) {
  for (LoweringStage stage : {LoweringStage::Optimized, LoweringStage::Linalg,
                              LoweringStage::Affine, LoweringStage::LLVM}) {
    // The pipeline text is nested in pm (a module pass manager) directly:
    // wrapping it in builtin.module(...) would nest it one level too deep.
    std::string pipeline = getStagePipeline(stage, options);
    if (!pipeline.empty() &&
        failed(parsePassPipeline(pipeline, pm, llvm::errs())))
      return failure();
    if (stage == last)
      break;
  }
  return success();
}

namespace {
struct RASPPipelineOptions : public PassPipelineOptions<RASPPipelineOptions> {
  Option<bool> rewrite{*this, "rewrite",
                       llvm::cl::desc("Run rasp-optimize-selects first (O(n) "
                                      "forms of recognized selects)"),
                       llvm::cl::init(true)};
  Option<bool> parallel{*this, "parallel",
                        llvm::cl::desc("Parallel query loops (OpenMP)"),
                        llvm::cl::init(true)};
  Option<bool> narrowStorage{
      *this, "narrow-storage",
      llvm::cl::desc("Store string ids and outputs in the narrowest type that "
                     "holds their values (convert-rasp-to-linalg)"),
      llvm::cl::init(true)};
  Option<bool> byteTables{
      *this, "byte-tables",
      llvm::cl::desc("Reduce keyed_reduce ops over byte columns per byte value "
                     "(convert-rasp-to-linalg)"),
      llvm::cl::init(true)};
};
} // namespace

void rasp::registerRASPPipelines() {
  auto registerStage = [](llvm::StringRef name, llvm::StringRef description,
                          LoweringStage stage) {
    PassPipelineRegistration<RASPPipelineOptions>(
        name, description,
        [stage](OpPassManager &pm, const RASPPipelineOptions &options) {
          LoweringOptions lowering;
          lowering.rewrite = options.rewrite;
          lowering.parallel = options.parallel;
          lowering.narrowStorage = options.narrowStorage;
          lowering.byteTables = options.byteTables;
          (void)buildRASPLoweringPipeline(pm, stage, lowering);
        });
  };
  registerStage("rasp-to-linalg",
                "rasp-optimize-selects (unless rewrite=false), then lower rasp "
                "to linalg on tensors: one fused generic per aggregate / "
                "selector_width, element-wise maps and running sums fused "
                "(rasp-fuse-streams), outputs read only at the last position "
                "kept as one value (rasp-stream-last-value), gathers reading "
                "narrow inputs directly "
                "(rasp-fuse-elementwise-into-extract)",
                LoweringStage::Linalg);
  registerStage("rasp-to-affine",
                "rasp-to-linalg, then bufferize and lower linalg to affine "
                "loops",
                LoweringStage::Affine);
  registerStage("rasp-to-llvm",
                "rasp-to-affine, then lower to the LLVM dialect (ready for "
                "the JIT or mlir-translate --mlir-to-llvmir)",
                LoweringStage::LLVM);
}
