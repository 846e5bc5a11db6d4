//===- JIT.cpp - Native code for lowered rasp programs --------------------===//

#include "rasp/JIT/JIT.h"
#include "rasp/JIT/TabulateByteFunctions.h"
#include "rasp/Conversion/RASPToLinalg/RASPToLinalg.h"
#include "rasp/Dialect/RASP/IR/RASPOps.h"
#include "rasp/Runtime/BufferCache.h"
#include "rasp/Runtime/ByteTable.h"
#include "rasp/Runtime/GroupNeighbor.h"
#include "rasp/Runtime/KeyedReduce.h"
#include "rasp/Runtime/StableSort.h"
#include "rasp/Runtime/TableSort.h"

#include "mlir/ExecutionEngine/CRunnerUtils.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/ExecutionEngine/OptUtils.h"
#include "mlir/Target/LLVMIR/Export.h"
#include "llvm/ExecutionEngine/Orc/JITTargetMachineBuilder.h"
#include "llvm/ExecutionEngine/Orc/Mangling.h"
#include "llvm/IR/LegacyPassManager.h"
#include "llvm/IR/Module.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/TargetParser/Host.h"
#include "llvm/Target/TargetMachine.h"

#include <mutex>
#include <thread>

#include "llvm/Support/DynamicLibrary.h"

using namespace rasp;

namespace {
/// Generated code reports run-time errors here; the first one wins. One
/// program runs at a time per process (run() holds the lock).
RuntimeReport currentReport;
std::mutex runMutex;
} // namespace

extern "C" void rasp_runtime_error(int64_t code, int64_t opId, int64_t position) {
  if (currentReport.reported)
    return;
  currentReport = {true, code, opId, position};
}

/// The OpenMP runtime parallel query loops call (__kmpc_*). Debian has no
/// LLVM-22 libomp; LLVM 14's (libomp-14-dev) implements the same ABI.
static constexpr const char *kOpenMPRuntimePaths[] = {
    "/usr/lib/llvm-14/lib/libomp.so.5", "/usr/lib/llvm-14/lib/libomp.so",
    "libomp.so.5", "libomp.so"};

using SetNumThreadsFn = void (*)(int);

/// Loads libomp into the process (once) so that the JIT resolves __kmpc_*
/// symbols; returns omp_set_num_threads, or null when no runtime was found.
static SetNumThreadsFn loadOpenMPRuntime() {
  static SetNumThreadsFn setNumThreads = [] () -> SetNumThreadsFn {
    for (const char *path : kOpenMPRuntimePaths) {
      std::string error;
      auto library = llvm::sys::DynamicLibrary::getPermanentLibrary(path, &error);
      if (!library.isValid())
        continue;
      return reinterpret_cast<SetNumThreadsFn>(
          library.getAddressOfSymbol("omp_set_num_threads"));
    }
    return nullptr;
  }();
  return setNumThreads;
}

/// True when `module` contains OpenMP ops (parallel query loops).
static bool usesOpenMP(mlir::ModuleOp module) {
  bool found = false;
  module.walk([&](mlir::Operation *op) {
    if (op->getDialect() && op->getDialect()->getNamespace() == "omp")
      found = true;
  });
  return found;
}

static void initializeNativeTarget() {
  static std::once_flag once;
  std::call_once(once, [] {
    llvm::InitializeNativeTarget();
    llvm::InitializeNativeTargetAsmPrinter();
    llvm::InitializeNativeTargetAsmParser();
  });
}

/// Code generation without loop strength reduction, unless the command line
/// sets -disable-lsr itself. LSR was a quarter of the instructions executed
/// by code generation for the paper's programs (callgrind); x86 addressing
/// modes take base + index * scale directly, and neither the select kernels
/// nor the element-wise loops ran measurably slower without it. LLVM reads
/// this only as a command-line option (TargetPassConfig), hence the lookup.
static void disableLoopStrengthReduction() {
  auto &options = llvm::cl::getRegisteredOptions();
  auto it = options.find("disable-lsr");
  if (it == options.end())
    return;
  auto *option = static_cast<llvm::cl::opt<bool> *>(it->second);
  if (option->getNumOccurrences() == 0)
    *option = true;
}

/// Alignment of every loop header in JIT-compiled code (see below).
static constexpr unsigned kLoopAlignmentBytes = 64;

static llvm::Expected<std::unique_ptr<llvm::TargetMachine>>
createHostTargetMachine() {
  initializeNativeTarget();
  disableLoopStrengthReduction();
  auto builder = llvm::orc::JITTargetMachineBuilder::detectHost();
  if (!builder)
    return builder.takeError();
  builder->setCodeGenOptLevel(llvm::CodeGenOptLevel::Aggressive);
  // Loops start on a 64-byte line: the x86 default (16) lets a small hot
  // loop straddle two lines of the op cache, which made hist2's lookup loop
  // (21 bytes at offset 48) 1.5x slower than hist's identical one.
  builder->getOptions().LoopAlignment = kLoopAlignmentBytes;
  return builder->createTargetMachine();
}

/// True when the host CPU has AVX-512 (foundation) instructions.
static bool hostHasAVX512() {
  llvm::StringMap<bool> features = llvm::sys::getHostCPUFeatures();
  auto it = features.find("avx512f");
  return it != features.end() && it->second;
}

/// The LLVM passes the JIT runs on a lowered program, in place of -O3.
///
/// The MLIR pipeline hands LLVM a few functions of plain loops over memrefs:
/// the select loops register-blocked already (convert-select-reductions-to-
/// affine), the element-wise loops fused and memory-bound. What they need
/// from LLVM is scalar clean-up (SROA of the memref descriptors, CSE,
/// InstCombine), loop-invariant loads hoisted, canonical induction variables
/// and the loop vectorizer. -O3's other ~80 passes (GVN, DSE, loop
/// unswitching, ...) cost about 60% of its time here and changed no hot loop:
/// callgrind counts the same instructions run by the generic kernels and by
/// dyck2, shuffle_dyck2 and most_freq at n = 200000 with either pipeline,
/// while compiling dyck2 executes 14% fewer instructions in all
/// (docs/design.md, "Compile latency"). InstCombine runs as in -O3, without
/// the fixpoint check that a textual pipeline otherwise turns on: that check
/// aborts the process (regressions/instcombine-fixpoint.test).
///
/// The inliner runs first, alone: it folds the small C-interface wrappers
/// of the runtime calls into their callers: the code of dyck3 is a fifth
/// smaller, and llc executes 9% fewer instructions on it (callgrind).
///
/// rasp-tabulate-byte-functions runs after the vectorizer: the scalar loops
/// left (running scans) get their functions of a token byte as table loads
/// (TabulateByteFunctions.h).
///
/// Neither the unroller nor the vectorizer's interleaving runs: the select
/// loops keep several accumulators without them, and unrolling the O(n)
/// loops roughly doubled the code that instruction selection then worked
/// through, for no measurable run-time gain.
#define RASP_INSTCOMBINE "instcombine<no-verify-fixpoint>"
static constexpr const char *kJITPassPipeline =
    "cgscc(inline),"
    "function(sroa,early-cse<memssa>,simplifycfg," RASP_INSTCOMBINE ","
    "loop(loop-rotate),loop-mssa(licm),simplifycfg," RASP_INSTCOMBINE ","
    "loop(indvars),loop-vectorize<interleave-forced-only>,rasp-tabulate-byte-functions,"
    RASP_INSTCOMBINE ","
    "simplifycfg,loop-mssa(licm))";
#undef RASP_INSTCOMBINE

/// The drivers call each program through its C-interface wrapper
/// (`_mlir_ciface_NAME`, JITProgram::lookupEntry), never through NAME itself
/// nor through the packed wrappers (`_mlir_NAME`) that ExecutionEngine adds
/// for every function. Those wrappers go, and NAME becomes internal: the
/// inliner then folds it into its one caller and deletes it, so each
/// program is optimized and compiled once instead of twice.
static void keepOnlyCInterfaces(llvm::Module &module) {
  llvm::SmallVector<llvm::Function *> packed;
  for (llvm::Function &fn : module)
    if (!fn.isDeclaration() && fn.getName().starts_with("_mlir_") &&
        !fn.getName().starts_with("_mlir_ciface_") && fn.use_empty())
      packed.push_back(&fn);
  for (llvm::Function *fn : packed)
    fn->eraseFromParent();
  for (llvm::Function &fn : module) {
    if (fn.isDeclaration() || fn.getName().starts_with("_mlir_"))
      continue;
    llvm::Function *wrapper = module.getFunction(("_mlir_ciface_" + fn.getName()).str());
    if (wrapper && !wrapper->isDeclaration())
      fn.setLinkage(llvm::GlobalValue::InternalLinkage);
  }
}

/// kJITPassPipeline for `tm`. Where the CPU has AVX-512, the vectorizer is
/// told to use 512-bit vectors: some hosts (a virtualized Zen reports itself
/// as znver3) otherwise tune for 256 bits and leave half the lanes unused.
static std::function<llvm::Error(llvm::Module *)>
makeHostOptimizer(llvm::TargetMachine *tm) {
  auto optimize = [tm](llvm::Module *module) -> llvm::Error {
    llvm::LoopAnalysisManager lam;
    llvm::FunctionAnalysisManager fam;
    llvm::CGSCCAnalysisManager cgam;
    llvm::ModuleAnalysisManager mam;
    llvm::PassBuilder builder(tm);
    builder.registerPipelineParsingCallback(
        [](llvm::StringRef name, llvm::FunctionPassManager &passes,
           llvm::ArrayRef<llvm::PassBuilder::PipelineElement>) {
          if (name != kTabulateByteFunctionsPassName)
            return false;
          passes.addPass(TabulateByteFunctionsPass());
          return true;
        });
    builder.registerModuleAnalyses(mam);
    builder.registerCGSCCAnalyses(cgam);
    builder.registerFunctionAnalyses(fam);
    builder.registerLoopAnalyses(lam);
    builder.crossRegisterProxies(lam, fam, cgam, mam);
    llvm::ModulePassManager passes;
    if (llvm::Error error = builder.parsePassPipeline(passes, kJITPassPipeline))
      return error;
    passes.run(*module, mam);
    return llvm::Error::success();
  };
  bool wide = hostHasAVX512();
  return [optimize, wide](llvm::Module *module) -> llvm::Error {
    keepOnlyCInterfaces(*module);
    if (wide)
      for (llvm::Function &fn : *module)
        if (!fn.isDeclaration())
          fn.addFnAttr("prefer-vector-width", "512");
    return optimize(module);
  };
}

llvm::Expected<std::unique_ptr<JITProgram>>
JITProgram::create(mlir::ModuleOp llvmModule) {
  auto tm = createHostTargetMachine();
  if (!tm)
    return tm.takeError();
  bool parallel = usesOpenMP(llvmModule);
  if (parallel && !loadOpenMPRuntime())
    return llvm::createStringError(
        "the program has parallel loops but no OpenMP runtime was found "
        "(install libomp-14-dev)");
  // options.transformer is a function_ref: the optimizer must outlive create().
  std::function<llvm::Error(llvm::Module *)> optimizer = makeHostOptimizer(tm->get());
  mlir::ExecutionEngineOptions options;
  options.transformer = optimizer;
  options.jitCodeGenOptLevel = llvm::CodeGenOptLevel::Aggressive;
  auto engine = mlir::ExecutionEngine::create(llvmModule, options, std::move(*tm));
  if (!engine)
    return engine.takeError();
  // Every typed variant of a runtime kernel is the same C function.
  std::pair<std::string, void *> kernels[] = {
      {std::string("_mlir_ciface_") + kKeyedReduceFunctionName,
       getKeyedReduceKernelAddress()},
      {std::string("_mlir_ciface_") + kStableSortFunctionName,
       getStableSortKernelAddress()},
      {std::string("_mlir_ciface_") + kGroupNeighborFunctionName,
       getGroupNeighborKernelAddress()},
      {std::string("_mlir_ciface_") + kByteTableFunctionName,
       getByteTableKernelAddress()},
      {std::string("_mlir_ciface_") + kByteJoinFunctionName, getByteJoinKernelAddress()},
      {std::string("_mlir_ciface_") + kScanGroupNeighborFunctionName,
       getScanGroupNeighborKernelAddress()},
      {std::string("_mlir_ciface_") + kTableSortFunctionName,
       getTableSortKernelAddress()}};
  std::vector<std::pair<std::string, void *>> kernelNames;
  llvmModule.walk([&](mlir::LLVM::LLVMFuncOp fn) {
    if (!fn.isExternal())
      return;
    for (const auto &[prefix, address] : kernels)
      if (fn.getName().starts_with(prefix))
        kernelNames.emplace_back(fn.getName().str(), address);
  });
  (*engine)->registerSymbols([&](llvm::orc::MangleAndInterner interner) {
    llvm::orc::SymbolMap symbols;
    symbols[interner(kRuntimeErrorFunctionName)] = {
        llvm::orc::ExecutorAddr::fromPtr(&rasp_runtime_error),
        llvm::JITSymbolFlags::Exported};
    // Temporaries reuse freed blocks instead of fresh pages (BufferCache.h).
    symbols[interner("malloc")] = {llvm::orc::ExecutorAddr::fromPtr(&rasp_buffer_malloc),
                                   llvm::JITSymbolFlags::Exported};
    symbols[interner("free")] = {llvm::orc::ExecutorAddr::fromPtr(&rasp_buffer_free),
                                 llvm::JITSymbolFlags::Exported};
    for (const auto &[name, address] : kernelNames)
      symbols[interner(name)] = {llvm::orc::ExecutorAddr::fromPtr(address),
                                 llvm::JITSymbolFlags::Exported};
    return symbols;
  });
  auto program = std::make_unique<JITProgram>();
  program->engine = std::move(*engine);
  program->parallel = parallel;
  // How the lowering stored strings and outputs (convert-rasp-to-linalg).
  auto byteWidth = [](mlir::Type type) -> unsigned {
    return type.isInteger(1) ? 1 : (type.getIntOrFloatBitWidth() + 7) / 8;
  };
  if (auto storage = llvmModule->getAttrOfType<mlir::TypeAttr>(kStringStorageAttrName))
    program->stringIdBytes = byteWidth(storage.getValue());
  if (auto outputs = llvmModule->getAttrOfType<mlir::DictionaryAttr>(kOutputStorageAttrName))
    for (mlir::NamedAttribute output : outputs)
      if (auto type = llvm::dyn_cast<mlir::TypeAttr>(output.getValue()))
        program->outputBytes[output.getName().getValue()] = byteWidth(type.getValue());
  return program;
}

template <typename T>
static StridedMemRefType<T, 1> describe(const std::vector<T> &data, int64_t size) {
  static T dummy{};
  T *ptr = const_cast<T *>(data.empty() ? &dummy : data.data());
  return {ptr, ptr, 0, {size}, {1}};
}

unsigned JITProgram::getOutputBytes(llvm::StringRef name) const {
  auto it = outputBytes.find(name);
  return it == outputBytes.end() ? 8 : it->second;
}

llvm::Error JITProgram::prepare(llvm::StringRef name) {
  return lookupEntry(name).takeError();
}

llvm::Expected<void *> JITProgram::lookupEntry(llvm::StringRef name) {
  std::lock_guard<std::mutex> lock(entryMutex);
  auto it = entries.find(name);
  if (it != entries.end())
    return it->second;
  auto fn = engine->lookup(("_mlir_ciface_" + name).str());
  if (!fn)
    return fn.takeError();
  entries[name] = *fn;
  return *fn;
}

llvm::Expected<RuntimeReport> JITProgram::run(llvm::StringRef name,
                                              const LoweredInputs &inputs,
                                              void *output, unsigned threads) {
  if (parallel)
    if (SetNumThreadsFn setNumThreads = loadOpenMPRuntime())
      setNumThreads(threads ? threads
                            : std::max(1u, std::thread::hardware_concurrency()));
  // Looked up once: an ORC look-up costs tens of microseconds, as much as
  // the whole run of a gather at n = 10^5.
  auto fn = lookupEntry(name);
  if (!fn)
    return fn.takeError();
  int64_t n = inputs.length;
  // Generated code counts in 32 bits, and the lowering's value ranges
  // assume at most kMaxInputLength tokens.
  if ((uint64_t)n > kMaxInputLength)
    return llvm::createStringError("the input has more than " +
                                   llvm::Twine(kMaxInputLength) + " tokens");
  auto checkSize = [&](size_t size) { return size == 0 || size == (size_t)n; };
  if ((stringIdBytes == 1 ? !inputs.stringIds.empty() : !inputs.stringIds8.empty()))
    return llvm::createStringError("internal error: string ids of the wrong width");
  if (!checkSize(inputs.stringIds.size()) || !checkSize(inputs.stringIds8.size()) ||
      !checkSize(inputs.ints.size()) ||
      !checkSize(inputs.floats.size()) || !checkSize(inputs.bools.size()))
    return llvm::createStringError("internal error: input readings of other lengths");
  // A reading the program does not use is empty: a descriptor of size n
  // over one dummy element (never read; n only sizes the loops).
  StridedMemRefType<int32_t, 1> strArg = describe(inputs.stringIds, n);
  StridedMemRefType<uint8_t, 1> strArg8 = describe(inputs.stringIds8, n);
  void *strings = stringIdBytes == 1 ? (void *)&strArg8 : (void *)&strArg;
  StridedMemRefType<int64_t, 1> intArg = describe(inputs.ints, n);
  StridedMemRefType<double, 1> floatArg = describe(inputs.floats, n);
  StridedMemRefType<uint8_t, 1> boolArg = describe(inputs.bools, n);
  StridedMemRefType<uint8_t, 1> outArg = {(uint8_t *)output, (uint8_t *)output, 0, {n}, {1}};

  using Entry = void (*)(void *, void *, void *, void *, void *);
  auto entry = reinterpret_cast<Entry>(*fn);
  std::lock_guard<std::mutex> lock(runMutex);
  currentReport = RuntimeReport();
  entry(strings, &intArg, &floatArg, &boolArg, &outArg);
  // Blocks freed during the run were reused within it; none stays resident.
  releaseBufferCache();
  return currentReport;
}

static llvm::Expected<std::unique_ptr<llvm::Module>>
translateAndOptimize(mlir::ModuleOp llvmModule, llvm::LLVMContext &context,
                     llvm::TargetMachine &tm) {
  std::unique_ptr<llvm::Module> module =
      mlir::translateModuleToLLVMIR(llvmModule, context);
  if (!module)
    return llvm::createStringError("cannot translate the module to LLVM IR");
  module->setDataLayout(tm.createDataLayout());
  module->setTargetTriple(tm.getTargetTriple());
  if (llvm::Error error = makeHostOptimizer(&tm)(module.get()))
    return std::move(error);
  return module;
}

/// Runs `emit` on `llvmModule` translated to LLVM IR and optimized as the
/// JIT would, with the host's target machine.
static llvm::Error
withOptimizedModule(mlir::ModuleOp llvmModule,
                    llvm::function_ref<llvm::Error(llvm::Module &,
                                                   llvm::TargetMachine &)>
                        emit) {
  auto tm = createHostTargetMachine();
  if (!tm)
    return tm.takeError();
  llvm::LLVMContext context;
  auto module = translateAndOptimize(llvmModule, context, **tm);
  if (!module)
    return module.takeError();
  return emit(**module, **tm);
}

llvm::Error rasp::emitLLVMIR(mlir::ModuleOp llvmModule, llvm::raw_ostream &os) {
  return withOptimizedModule(
      llvmModule, [&](llvm::Module &module, llvm::TargetMachine &) {
        module.print(os, nullptr);
        return llvm::Error::success();
      });
}

llvm::Error rasp::emitAssembly(mlir::ModuleOp llvmModule, llvm::raw_ostream &os) {
  return withOptimizedModule(
      llvmModule, [&](llvm::Module &module, llvm::TargetMachine &tm) -> llvm::Error {
        llvm::SmallString<0> buffer;
        llvm::raw_svector_ostream stream(buffer);
        llvm::legacy::PassManager pm;
        if (tm.addPassesToEmitFile(pm, stream, nullptr,
                                   llvm::CodeGenFileType::AssemblyFile))
          return llvm::createStringError("the target cannot emit assembly");
        pm.run(module);
        os << buffer;
        return llvm::Error::success();
      });
}
