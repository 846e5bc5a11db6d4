//===- rasp-run.cpp - Compile and run a RASP program ----------------------===//
//
// rasp-run PROG.rasp --sop NAME <input>: imports the program, lowers the
// s-op through linalg and affine to LLVM, JIT-compiles it for this CPU and
// runs it on the input. --interpret runs the reference interpreter instead;
// --emit stops after a stage and prints the IR; --analyze prints the paper's
// layer/head counts.
//
//===----------------------------------------------------------------------===//

#include "rasp/Conversion/RASPToLinalg/RASPToLinalg.h"
#include "rasp/Dialect/RASP/Analysis/LayerAnalysis.h"
#include "rasp/Dialect/RASP/IR/RASPOps.h"
#include "rasp/Dialect/RASP/Transforms/Passes.h"
#include "rasp/Frontend/Importer.h"
#include "rasp/InitAllRASP.h"
#include "rasp/Interpreter/Interpreter.h"
#include "rasp/JIT/JIT.h"
#include "rasp/JIT/JITCache.h"
#include "rasp/Pipelines/Pipelines.h"
#include "rasp/Runtime/Input.h"
#include "rasp/Runtime/RuntimeErrors.h"
#include "rasp/Runtime/Value.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/ToolOutputFile.h"

#include <chrono>
#include <thread>
#include <unistd.h>
#include <set>

using namespace mlir;
using namespace rasp;
namespace cl = llvm::cl;

namespace {
cl::OptionCategory runCategory("rasp-run options");
cl::OptionCategory inputCategory("Input (exactly one)");

cl::opt<std::string> programFile(cl::Positional, cl::Required,
                                 cl::desc("<program.rasp | program.mlir>"),
                                 cl::cat(runCategory));
cl::opt<std::string> sopName("sop", cl::value_desc("NAME"),
                             cl::desc("The s-op to compute (a top-level name, "
                                      "or a builtin such as length). Default: "
                                      "the program's only s-op"),
                             cl::cat(runCategory));
cl::list<std::string> includeDirs("I", cl::value_desc("DIR"), cl::Prefix,
                                  cl::desc("Directory searched by `load`"),
                                  cl::cat(runCategory));

cl::opt<std::string> inputText("input", cl::value_desc("STR"),
                               cl::desc("One token per character of STR"),
                               cl::cat(inputCategory));
cl::opt<std::string> inputFile("input-file", cl::value_desc("PATH"),
                               cl::desc("One token per UTF-8 character of the "
                                        "file (a final newline dropped)"),
                               cl::cat(inputCategory));
cl::opt<std::string> intsText("ints", cl::value_desc("\"5 3 8\""),
                              cl::desc("Integer tokens: tokens_int reads them, "
                                       "tokens sees their decimal strings"),
                              cl::cat(inputCategory));
cl::opt<std::string> intsFile("ints-file", cl::value_desc("PATH"),
                              cl::desc("Whitespace-separated integer tokens"),
                              cl::cat(inputCategory));
cl::opt<int64_t> randomCount("random", cl::value_desc("N"),
                             cl::desc("N random tokens drawn from --vocab"),
                             cl::cat(inputCategory));
cl::opt<std::string> vocabulary("vocab", cl::value_desc("CHARS"),
                                cl::init("abcdefghijklmnopqrstuvwxyz"),
                                cl::desc("Characters --random draws from "
                                         "(default a-z)"),
                                cl::cat(inputCategory));
cl::opt<int64_t> randomIntCount("random-ints", cl::value_desc("N"),
                                cl::desc("N random integers drawn from --range"),
                                cl::cat(inputCategory));
cl::opt<std::string> intRange("range", cl::value_desc("LO:HI"),
                              cl::desc("Inclusive range of --random-ints"),
                              cl::cat(inputCategory));
cl::opt<uint64_t> seed("seed", cl::init(1), cl::value_desc("S"),
                       cl::desc("Seed of --random and --random-ints"),
                       cl::cat(inputCategory));

enum class Format { Text, Json };
cl::opt<Format> format("format", cl::desc("Output format"),
                       cl::values(clEnumValN(Format::Text, "text",
                                             "Python-like list (default)"),
                                  clEnumValN(Format::Json, "json",
                                             "One JSON array")),
                       cl::init(Format::Text), cl::cat(runCategory));
cl::opt<std::string> outputFile("output-file", cl::value_desc("PATH"),
                                cl::desc("Write one value per line to PATH "
                                         "instead of printing"),
                                cl::cat(runCategory));

enum class Emit { None, Rasp, Optimized, Linalg, Affine, LLVMDialect, LLVMIR, Asm };
cl::opt<Emit> emit(
    "emit", cl::desc("Print the program after a stage and exit"),
    cl::values(clEnumValN(Emit::Rasp, "rasp", "the rasp dialect (front end)"),
               clEnumValN(Emit::Optimized, "rewritten",
                          "the rasp dialect after rasp-optimize-selects: the "
                          "kernel each select became (gather, scan_mean, scan_sum, "
                          "stable_sort, group_neighbor, "
                          "keyed_reduce, or the generic aggregate)"),
               clEnumValN(Emit::Linalg, "linalg", "after --rasp-to-linalg"),
               clEnumValN(Emit::Affine, "affine", "after --rasp-to-affine"),
               clEnumValN(Emit::LLVMDialect, "llvm-dialect",
                          "after --rasp-to-llvm"),
               clEnumValN(Emit::LLVMIR, "llvm-ir",
                          "LLVM IR after the JIT's LLVM passes (scalar "
                          "clean-up, LICM, the loop vectorizer)"),
               clEnumValN(Emit::Asm, "asm", "host assembly")),
    cl::init(Emit::None), cl::cat(runCategory));
cl::opt<bool> printTime("time",
                        cl::desc("Print {parse_ms, compile_ms, run_ms, n, "
                                 "compiles, cache_hits} as JSON on stderr "
                                 "(run_ms: native code only)"),
                        cl::cat(runCategory));
cl::opt<unsigned> repeatCount(
    "repeat", cl::value_desc("N"), cl::init(1),
    cl::desc("Compile and run the program N times on the same input in this "
             "process: the in-process cache compiles it once. --time adds "
             "cached_compile_ms (slowest later look-up) and best_run_ms"),
    cl::cat(runCategory));
/// --threads is created in main(): libLLVM already registers an option of
/// that name, which must be renamed first.
cl::opt<unsigned> *threads = nullptr;
cl::opt<bool> noRewrite("no-rewrite",
                        cl::desc("Skip rasp-optimize-selects: every select "
                                 "takes the generic n-by-n kernel"),
                        cl::cat(runCategory));
cl::opt<bool> wideStorage(
    "wide-storage",
    cl::desc("Keep string ids i32 and outputs in their computed types (i64 "
             "ints) instead of the narrowest that holds them (i8 ids for up "
             "to 127 strings, i32 counts): for comparing the two"),
    cl::cat(runCategory));
cl::opt<bool> noByteTables(
    "no-byte-tables",
    cl::desc("Reduce every rasp.keyed_reduce per position (rasp_keyed_reduce), "
             "also those over byte columns that otherwise reduce per byte "
             "value (rasp_byte_table): for comparing the two"),
    cl::cat(runCategory));
cl::opt<bool> interpretFlag("interpret",
                            cl::desc("Run the reference interpreter (dense, "
                                     "O(n^2)) instead of the JIT"),
                            cl::cat(runCategory));
cl::opt<bool> analyzeFlag("analyze",
                          cl::desc("Print the s-op's layers and heads per "
                                   "layer (the paper's analysis) and exit"),
                          cl::cat(runCategory));

using Clock = std::chrono::steady_clock;
double msSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

/// CPU time of the process (all threads) in ms: compile_cpu_ms, which a
/// busy machine inflates less than wall time.
double cpuMs() {
  timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

int fail(const llvm::Twine &message) {
  llvm::errs() << "error: " << message << "\n";
  return 1;
}

/// Bytes rasp-run needs per token (the token, its id, the output and the
/// kernels' O(n) temporaries), with a margin: generated inputs larger than
/// memory are refused up front rather than ended by the OOM killer.
constexpr uint64_t kBytesPerToken = 128;

std::optional<std::string> checkGeneratedSize(llvm::StringRef flag, int64_t n) {
  if (n > (int64_t)kMaxInputLength)
    return "--" + flag.str() + " " + std::to_string(n) + ": the input would have " + std::to_string(n) +
           " tokens; at most " + std::to_string(kMaxInputLength) + " are supported";
  uint64_t memory = (uint64_t)sysconf(_SC_PHYS_PAGES) * sysconf(_SC_PAGESIZE);
  if (n > 0 && (uint64_t)n * kBytesPerToken > memory)
    return "--" + flag.str() + " " + std::to_string(n) +
           ": the input would have " + std::to_string(n) + " tokens, about " +
           std::to_string((uint64_t)n * kBytesPerToken >> 30) +
           " GiB of memory; this machine has " + std::to_string(memory >> 30) +
           " GiB";
  return std::nullopt;
}

/// Builds the input from whichever input option was given.
std::optional<std::string> readInput(RaspInput &input, bool &given) {
  int count = (inputText.getNumOccurrences() > 0) +
              (inputFile.getNumOccurrences() > 0) +
              (intsText.getNumOccurrences() > 0) +
              (intsFile.getNumOccurrences() > 0) +
              (randomCount.getNumOccurrences() > 0) +
              (randomIntCount.getNumOccurrences() > 0);
  given = count > 0;
  if (count > 1)
    return std::string("give exactly one of --input, --input-file, --ints, "
                       "--ints-file, --random, --random-ints");
  if (count == 0)
    return std::nullopt;
  auto readFile = [](llvm::StringRef path,
                     std::string &text) -> std::optional<std::string> {
    auto buffer = llvm::MemoryBuffer::getFile(path, /*IsText=*/false);
    if (!buffer)
      return "cannot read '" + path.str() + "': " + buffer.getError().message();
    text = (*buffer)->getBuffer().str();
    return std::nullopt;
  };
  if (inputText.getNumOccurrences())
    return splitUtf8(inputText, input);
  if (inputFile.getNumOccurrences()) {
    std::string text;
    if (auto error = readFile(inputFile, text))
      return error;
    if (llvm::StringRef(text).ends_with("\r\n"))
      text.resize(text.size() - 2);
    else if (llvm::StringRef(text).ends_with("\n"))
      text.pop_back();
    return splitUtf8(text, input);
  }
  if (intsText.getNumOccurrences() || intsFile.getNumOccurrences()) {
    std::string text = intsText;
    if (intsFile.getNumOccurrences())
      if (auto error = readFile(intsFile, text))
        return error;
    std::vector<int64_t> values;
    if (auto error = parseIntList(text, values))
      return error;
    input = makeIntInput(std::move(values));
    return std::nullopt;
  }
  if (auto error = randomCount.getNumOccurrences()
                       ? checkGeneratedSize("random", randomCount)
                       : checkGeneratedSize("random-ints", randomIntCount))
    return error;
  if (randomCount.getNumOccurrences()) {
    if (randomCount < 0)
      return std::string("--random needs a non-negative count");
    RaspInput split;
    if (auto error = splitUtf8(vocabulary, split))
      return "--vocab: " + *error;
    if (split.size() == 0)
      return std::string("--vocab is empty");
    std::vector<std::string> chars;
    for (size_t i = 0; i < split.size(); ++i)
      chars.push_back(split.token(i));
    input = makeRandomInput(randomCount, chars, seed);
    return std::nullopt;
  }
  if (randomIntCount < 0)
    return std::string("--random-ints needs a non-negative count");
  llvm::StringRef lo, hi;
  std::tie(lo, hi) = llvm::StringRef(intRange).split(':');
  int64_t low, high;
  if (intRange.empty() || lo.getAsInteger(10, low) || hi.getAsInteger(10, high) ||
      low > high)
    return std::string("--random-ints needs --range LO:HI with LO <= HI");
  input = makeRandomIntInput(randomIntCount, low, high, seed);
  return std::nullopt;
}

/// Loads a .rasp program (or rasp-dialect .mlir) into a module.
OwningOpRef<ModuleOp> loadProgram(MLIRContext &context,
                                  llvm::SourceMgr &sourceMgr) {
  std::string error;
  auto buffer = llvm::MemoryBuffer::getFileOrSTDIN(programFile, /*IsText=*/false);
  if (!buffer) {
    fail("cannot read '" + programFile + "': " + buffer.getError().message());
    return nullptr;
  }
  sourceMgr.AddNewSourceBuffer(std::move(*buffer), llvm::SMLoc());
  if (llvm::StringRef(programFile).ends_with(".mlir"))
    return parseSourceFile<ModuleOp>(sourceMgr, &context);
  ImportOptions options;
  if (sopName.getNumOccurrences())
    options.sopNames.push_back(sopName);
  options.includeDirs.assign(includeDirs.begin(), includeDirs.end());
  return importRaspProgram(sourceMgr, &context, options);
}

/// The output function: --sop, or the only one.
func::FuncOp selectFunction(ModuleOp module) {
  SmallVector<func::FuncOp> funcs(module.getOps<func::FuncOp>());
  if (sopName.getNumOccurrences()) {
    for (func::FuncOp fn : funcs)
      if (fn.getSymName() == sopName)
        return fn;
    fail("the program has no s-op named '" + sopName + "'");
    return nullptr;
  }
  if (funcs.size() == 1)
    return funcs.front();
  if (funcs.empty()) {
    fail("the program defines no s-op to compute");
    return nullptr;
  }
  std::string names;
  for (func::FuncOp fn : funcs)
    names += (names.empty() ? "" : ", ") + fn.getSymName().str();
  fail("choose the s-op to compute with --sop NAME (the program has: " +
       names + ")");
  return nullptr;
}

void printValue(const SOpValue &value, llvm::raw_ostream &os) {
  if (format == Format::Json)
    printJson(value, os);
  else
    printText(value, os);
}

int emitOutput(const SOpValue &value) {
  if (outputFile.empty()) {
    printValue(value, llvm::outs());
    return 0;
  }
  std::error_code ec;
  llvm::raw_fd_ostream os(outputFile, ec);
  if (ec)
    return fail("cannot write '" + outputFile + "': " + ec.message());
  printLines(value, os);
  return 0;
}

/// The value of a scalar attribute repeated n times.
SOpValue repeatScalar(Attribute attr, size_t n) {
  SOpValue value;
  if (auto str = llvm::dyn_cast<StringAttr>(attr)) {
    value.kind = ElemKind::String;
    value.strings.assign(n, str.str());
  } else if (auto boolAttr = llvm::dyn_cast<BoolAttr>(attr)) {
    value.kind = ElemKind::Bool;
    value.bools.assign(n, boolAttr.getValue());
  } else if (auto intAttr = llvm::dyn_cast<IntegerAttr>(attr)) {
    value.kind = ElemKind::Int;
    value.ints.assign(n, intAttr.getInt());
  } else if (auto floatAttr = llvm::dyn_cast<FloatAttr>(attr)) {
    value.kind = ElemKind::Float;
    value.floats.assign(n, floatAttr.getValueAsDouble());
  }
  return value;
}

/// The input's distinct tokens join the string table (rasp-intern-strings).
/// Only programs that read the tokens as strings need it: an input of 10^7
/// distinct ints read by tokens_int never spells them out.
void setVocabulary(ModuleOp module, const RaspInput &input) {
  bool readsStrings = false;
  module.walk([&](TokensOp op) { readsStrings |= op.getType().isString(); });
  if (!readsStrings) {
    module->removeAttr(kVocabularyAttrName);
    return;
  }
  const std::vector<std::string> &spellings = input.getVocabulary();
  std::set<std::string> distinct(spellings.begin(), spellings.end());
  SmallVector<Attribute> vocab;
  for (const std::string &token : distinct)
    vocab.push_back(StringAttr::get(module.getContext(), token));
  module->setAttr(kVocabularyAttrName, ArrayAttr::get(module.getContext(), vocab));
}

/// True when the s-op reads the input as ints (tokens_int).
bool readsInts(ModuleOp module) {
  bool found = false;
  module.walk([&](TokensOp op) {
    found |= op.getType().getElementType().isInteger(64);
  });
  return found;
}

/// The input ints' range [min, max] (rasp.int_range), when the program reads
/// them: the lowering compares them in 32 bits where they fit.
void setIntRange(ModuleOp module, const RaspInput &input) {
  module->removeAttr(kIntRangeAttrName);
  std::vector<int64_t> ints;
  if (input.size() == 0 || !readsInts(module) || readInts(input, ints))
    return; // an input that is not ints is reported when it is read
  auto [lo, hi] = std::minmax_element(ints.begin(), ints.end());
  Type i64 = IntegerType::get(module.getContext(), 64);
  module->setAttr(kIntRangeAttrName,
                  ArrayAttr::get(module.getContext(),
                                 {IntegerAttr::get(i64, *lo), IntegerAttr::get(i64, *hi)}));
}

/// The threads a run uses: --threads, or every core.
unsigned threadCount() {
  return *threads ? *threads : std::max(1u, std::thread::hardware_concurrency());
}

LoweringOptions loweringOptions() {
  LoweringOptions options;
  options.rewrite = !noRewrite;
  options.narrowStorage = !wideStorage;
  options.byteTables = !noByteTables;
  options.parallel = threadCount() > 1;
  return options;
}

struct Timings {
  double parseMs = 0, compileMs = 0, runMs = 0, compileCpuMs = 0;
  // --repeat: the slowest compile after the first, the fastest run.
  double cachedCompileMs = 0, bestRunMs = 0;
};

/// A failed lowering whose diagnostics were printed already.
constexpr llvm::StringLiteral kDiagnosed = "(diagnosed)";

/// Lowers `module` to native code, or takes it from the in-process cache
/// (keyed by the module as lowered, with its vocabulary and int range, the
/// pass pipeline and the host).
llvm::Expected<std::shared_ptr<const CompiledProgram>>
compileCached(ModuleOp module, llvm::StringRef name, const RaspInput &input) {
  setVocabulary(module, input);
  setIntRange(module, input);
  PassManager pm(module.getContext());
#ifdef NDEBUG
  // The front end verified the program; verifying after each of the ~50
  // passes took about a third of the MLIR lowering time. Debug builds and
  // --emit keep it.
  pm.enableVerifier(false);
#endif
  if (failed(buildRASPLoweringPipeline(pm, LoweringStage::LLVM, loweringOptions())))
    return llvm::createStringError("cannot build the lowering pipeline");
  std::string pipeline;
  llvm::raw_string_ostream os(pipeline);
  pm.printAsTextualPipeline(os);
  std::string key = JITCache::computeKey(module, pipeline);
  return JITCache::global().getOrCompile(
      key, [&]() -> llvm::Expected<std::unique_ptr<CompiledProgram>> {
        if (failed(pm.run(module)))
          return llvm::createStringError(kDiagnosed);
        auto compiled = std::make_unique<CompiledProgram>();
        if (auto table = module->getAttrOfType<ArrayAttr>(kStringTableAttrName))
          for (Attribute attr : table)
            compiled->strings.push_back(llvm::cast<StringAttr>(attr).str());
        auto program = JITProgram::create(module);
        if (!program)
          return llvm::createStringError("JIT compilation failed: " +
                                         llvm::toString(program.takeError()));
        if (llvm::Error error = (*program)->prepare(name))
          return llvm::createStringError("JIT compilation failed: " +
                                         llvm::toString(std::move(error)));
        compiled->program = std::move(*program);
        return compiled;
      });
}

/// Compiles (or finds in the cache) and runs the s-op `fn` of `module` (the
/// module is lowered in place). Run `iteration` of --repeat: later runs must
/// give the bytes of the first (`firstResult`). The value goes to `value`.
int runJIT(ModuleOp module, func::FuncOp fn, const RaspInput &input,
           const std::vector<Operation *> &opsById, Timings &timings,
           unsigned iteration, std::vector<uint8_t> &firstResult,
           SOpValue &value) {
  auto compileStart = Clock::now();
  double compileCpuStart = cpuMs();
  std::string name = fn.getSymName().str();
  auto resultType = llvm::cast<SOpType>(fn.getFunctionType().getResult(0));
  llvm::DenseSet<Type> tokenTypes;
  fn.walk([&](TokensOp op) { tokenTypes.insert(op.getType().getElementType()); });

  auto compiled = compileCached(module, name, input);
  if (!compiled) {
    std::string message = llvm::toString(compiled.takeError());
    return message == kDiagnosed ? 1 : fail(message);
  }
  const std::vector<std::string> &strings = (*compiled)->strings;
  JITProgram &program = *(*compiled)->program;
  double compileMs = msSince(compileStart);
  if (iteration == 0)
    timings.compileCpuMs = cpuMs() - compileCpuStart;
  if (iteration == 0)
    timings.compileMs = compileMs;
  else
    timings.cachedCompileMs = std::max(timings.cachedCompileMs, compileMs);

  size_t n = input.size();
  // Counts and string ids are 32-bit in the generated code (kMaxInputLength).
  if (n > kMaxInputLength)
    return fail("the input has " + llvm::Twine(n) + " tokens; at most " +
                llvm::Twine(kMaxInputLength) + " are supported");
  LoweredInputs lowered;
  lowered.length = n;
  MLIRContext *ctx = module.getContext();
  if (tokenTypes.count(StringType::get(ctx))) {
    // Once per distinct spelling, then by position.
    llvm::StringMap<int64_t> ids;
    for (auto [id, str] : llvm::enumerate(strings))
      ids[str] = id;
    std::vector<int32_t> idOfSpelling;
    for (const std::string &spelling : input.getVocabulary()) {
      auto it = ids.find(spelling);
      idOfSpelling.push_back(it == ids.end() ? -1 : (int32_t)it->second);
    }
    const std::vector<uint32_t> &tokenIds = input.getTokenIds();
    if (program.getStringIdBytes() == 1) {
      lowered.stringIds8.resize(n);
      for (size_t i = 0; i < n; ++i)
        lowered.stringIds8[i] = (uint8_t)idOfSpelling[tokenIds[i]];
    } else {
      lowered.stringIds.resize(n);
      for (size_t i = 0; i < n; ++i)
        lowered.stringIds[i] = idOfSpelling[tokenIds[i]];
    }
  }
  if (tokenTypes.count(IntegerType::get(ctx, 64)))
    if (auto error = readInts(input, lowered.ints))
      return fail(*error);
  if (tokenTypes.count(Float64Type::get(ctx)))
    if (auto error = readFloats(input, lowered.floats))
      return fail(*error);
  if (tokenTypes.count(IntegerType::get(ctx, 1)))
    if (auto error = readBools(input, lowered.bools))
      return fail(*error);

  Type elementType = resultType.getElementType();
  // Bools and small-table string ids: 1 byte; ints that fit in i32 and other
  // string ids: 4; ints and floats: 8.
  unsigned elementBytes = program.getOutputBytes(name);
  std::vector<uint8_t> buffer(std::max<size_t>(n * elementBytes, 8));
  auto runStart = Clock::now();
  auto report = program.run(name, lowered, buffer.data(), threadCount());
  double runMs = msSince(runStart);
  if (iteration == 0)
    timings.runMs = timings.bestRunMs = runMs;
  else
    timings.bestRunMs = std::min(timings.bestRunMs, runMs);
  if (!report)
    return fail("cannot run '" + name + "': " + llvm::toString(report.takeError()));
  if (iteration == 0) {
    firstResult = buffer;
  } else if (buffer != firstResult && !report->reported) {
    return fail("internal error: run " + llvm::Twine(iteration + 1) +
                " of --repeat gave another result than the first");
  }

  if (report->reported) {
    Operation *op = report->opId >= 0 && report->opId < (int64_t)opsById.size()
                        ? opsById[report->opId]
                        : nullptr;
    if (report->code == kAllDefaultNotice && op)
      if (auto aggregate = llvm::dyn_cast<AggregateOp>(op))
        value = repeatScalar(aggregate.getDefaultValue(), n);
    if (report->code != kAllDefaultNotice || !op)
      return fail(describeRuntimeError(
          op, static_cast<RuntimeErrorCode>(report->code), report->position));
  } else if (elementType.isInteger(64)) {
    value.kind = ElemKind::Int;
    value.ints.resize(n);
    for (size_t i = 0; i < n; ++i)
      value.ints[i] = readStoredInt(buffer.data(), elementBytes, i);
  } else if (elementType.isF64()) {
    value.kind = ElemKind::Float;
    value.floats.assign((double *)buffer.data(), (double *)buffer.data() + n);
  } else if (elementType.isInteger(1)) {
    value.kind = ElemKind::Bool;
    value.bools.assign(buffer.data(), buffer.data() + n);
  } else {
    value.kind = ElemKind::String;
    value.stringIds.resize(n);
    for (size_t i = 0; i < n; ++i)
      value.stringIds[i] = (int32_t)readStoredInt(buffer.data(), elementBytes, i);
    value.stringTable = &strings;
    for (size_t i = 0; i < n; ++i) {
      int64_t id = value.stringIds[i];
      if (id < 0 || id >= (int64_t)strings.size())
        return fail("internal error: string id " + llvm::Twine(id) +
                    " out of the table at position " + llvm::Twine(i));
    }
  }
  return 0;
}

int emitStage(ModuleOp module, const RaspInput &input) {
  if (emit == Emit::Rasp) {
    module.print(llvm::outs());
    llvm::outs() << "\n";
    return 0;
  }
  setVocabulary(module, input);
  setIntRange(module, input);
  LoweringStage stage = emit == Emit::Optimized ? LoweringStage::Optimized
                        : emit == Emit::Linalg   ? LoweringStage::Linalg
                        : emit == Emit::Affine ? LoweringStage::Affine
                                               : LoweringStage::LLVM;
  PassManager pm(module.getContext());
  if (failed(buildRASPLoweringPipeline(pm, stage, loweringOptions())))
    return fail("cannot build the lowering pipeline");
  if (failed(pm.run(module)))
    return 1;
  if (emit == Emit::LLVMIR || emit == Emit::Asm) {
    llvm::Error error = emit == Emit::LLVMIR ? emitLLVMIR(module, llvm::outs())
                                             : emitAssembly(module, llvm::outs());
    if (error)
      return fail(llvm::toString(std::move(error)));
    return 0;
  }
  module.print(llvm::outs());
  llvm::outs() << "\n";
  return 0;
}

} // namespace

int main(int argc, char **argv) {
  llvm::InitLLVM initLLVM(argc, argv);
  if (cl::Option *llvmThreads = cl::getRegisteredOptions().lookup("threads"))
    llvmThreads->setArgStr("llvm-threads");
  cl::opt<unsigned> threadsOption(
      "threads", cl::value_desc("N"), cl::init(0),
      cl::desc("Threads for the select/aggregate loops (default 0: all cores)"),
      cl::cat(runCategory));
  threads = &threadsOption;
  cl::HideUnrelatedOptions({&runCategory, &inputCategory});
  cl::ParseCommandLineOptions(
      argc, argv,
      "rasp-run: compile a RASP program to native code and run it\n\n"
      "  rasp-run PROG.rasp --sop NAME --input hello\n"
      "  rasp-run PROG.rasp --sop NAME --random 1000000 --time\n"
      "  rasp-run PROG.rasp --sop NAME --emit=linalg\n\n"
      "The program is lowered rasp -> linalg -> affine -> LLVM and compiled "
      "for this CPU (vectorized).\nExit code 0 on success, 1 on any error (message "
      "on stderr).\n");

  // The pipelines are textual: their passes must be registered.
  rasp::registerAllPasses();
  DialectRegistry registry;
  rasp::registerAllDialects(registry);
  rasp::registerAllTranslations(registry);
  // One thread: a program is one function, so MLIR's pass threads have
  // nothing to overlap and only cost start-up (compile latency).
  MLIRContext context(registry, MLIRContext::Threading::DISABLED);
  context.loadAllAvailableDialects();

  RaspInput input;
  bool inputGiven = false;
  if (auto error = readInput(input, inputGiven))
    return fail(*error);
  if (!inputGiven && emit == Emit::None && !analyzeFlag)
    return fail("no input: give one of --input, --input-file, --ints, "
                "--ints-file, --random, --random-ints (see --help)");

  Timings timings;
  auto parseStart = Clock::now();
  llvm::SourceMgr sourceMgr;
  SourceMgrDiagnosticHandler diagnostics(sourceMgr, &context);
  OwningOpRef<ModuleOp> module = loadProgram(context, sourceMgr);
  if (!module)
    return 1;
  func::FuncOp fn = selectFunction(*module);
  if (!fn)
    return 1;
  auto resultTypes = fn.getFunctionType().getResults();
  if (fn.getNumArguments() != 0 || resultTypes.size() != 1 ||
      !llvm::isa<SOpType>(resultTypes[0]))
    return fail("'" + fn.getSymName() + "' is not an s-op");
  // Compile only the requested s-op.
  for (func::FuncOp other : llvm::make_early_inc_range(module->getOps<func::FuncOp>()))
    if (other != fn)
      other.erase();
  timings.parseMs = msSince(parseStart);

  if (analyzeFlag) {
    LayerReport report = analyzeLayers(fn);
    if (format == Format::Json) {
      llvm::outs() << "{\"layers\": " << report.layers << ", \"heads\": [";
      llvm::interleaveComma(report.heads, llvm::outs());
      llvm::outs() << "]}\n";
    } else {
      llvm::outs() << fn.getSymName() << ": " << report.layers << " layer(s)\n";
      for (auto [i, heads] : llvm::enumerate(report.heads))
        llvm::outs() << "  layer " << i + 1 << ": " << heads << " head(s)\n";
    }
    return 0;
  }
  if (emit != Emit::None)
    return emitStage(*module, input);

  if (interpretFlag) {
    std::string error;
    auto runStart = Clock::now();
    FailureOr<SOpValue> value = interpret(fn, input, error);
    timings.runMs = msSince(runStart);
    if (failed(value))
      return fail(error);
    int status = emitOutput(*value);
    if (printTime)
      llvm::errs() << llvm::format("{\"parse_ms\": %.3f, \"compile_ms\": 0, "
                                   "\"run_ms\": %.3f, \"n\": %zu}\n",
                                   timings.parseMs, timings.runMs, input.size());
    return status;
  }

  // Number the ops so that run-time errors can name them; a copy keeps the
  // originals (and their locations) after lowering replaces them.
  int64_t nextId = 0;
  fn.walk([&](Operation *op) {
    if (llvm::isa<RASPDialect>(op->getDialect()))
      op->setAttr(kOpIdAttrName,
                  IntegerAttr::get(IntegerType::get(&context, 64), nextId++));
  });
  OwningOpRef<ModuleOp> original = module->clone();
  std::vector<Operation *> opsById;
  original->walk([&](Operation *op) {
    if (op->hasAttr(kOpIdAttrName))
      opsById.push_back(op);
  });

  if (repeatCount < 1)
    return fail("--repeat needs a count of at least 1");
  // Each run starts from the program as imported; the cache decides whether
  // it compiles.
  std::vector<uint8_t> firstResult;
  SOpValue value;
  for (unsigned i = 0; i < repeatCount; ++i) {
    OwningOpRef<ModuleOp> copy = repeatCount > 1 ? module->clone() : nullptr;
    ModuleOp target = copy ? *copy : *module;
    func::FuncOp targetFn = target.lookupSymbol<func::FuncOp>(fn.getSymName());
    if (int status = runJIT(target, targetFn, input, opsById, timings, i,
                            firstResult, value))
      return status;
  }
  int status = emitOutput(value);
  if (status == 0 && printTime) {
    JITCache &cache = JITCache::global();
    llvm::errs() << llvm::format("{\"parse_ms\": %.3f, \"compile_ms\": %.3f, "
                                 "\"run_ms\": %.3f, \"n\": %zu, "
                                 "\"compiles\": %u, \"cache_hits\": %u",
                                 timings.parseMs, timings.compileMs,
                                 timings.runMs, input.size(),
                                 cache.getNumCompiles(), cache.getNumHits());
    if (repeatCount > 1)
      llvm::errs() << llvm::format(", \"repeat\": %u, \"cached_compile_ms\": "
                                   "%.3f, \"best_run_ms\": %.3f",
                                   (unsigned)repeatCount, timings.cachedCompileMs,
                                   timings.bestRunMs);
    llvm::errs() << llvm::format(", \"compile_cpu_ms\": %.3f}\n",
                                 timings.compileCpuMs);
  }
  return status;
}
