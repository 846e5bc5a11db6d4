//===- rasp-fuzz-jit.cpp - libFuzzer harness for lowering + JIT -----------===//
//
// Input: a RASP program, a NUL byte, then bytes that derive a small input
// (at most 12 tokens). The program goes through the front end, the whole
// lowering pipeline and the JIT (compiled once per program text: a cache),
// then every output s-op runs on the input through the JIT and through the
// reference interpreter. Nothing may crash or trip a sanitizer, and the two
// must agree (values within 1e-9 relative, or the same error message):
// a disagreement aborts, so libFuzzer saves the input.
//
// Input tokens: if the program mentions tokens_int/_float/_bool, integers in
// -4..4 (tokens sees their decimal spellings); otherwise characters of
// "abc()[]01". The vocabulary given to the compiler is the union of both, so
// one compilation serves every input.
//
//===----------------------------------------------------------------------===//

#include "rasp/Conversion/RASPToLinalg/RASPToLinalg.h"
#include "rasp/Dialect/RASP/IR/RASPOps.h"
#include "rasp/Dialect/RASP/Transforms/Passes.h"
#include "rasp/Frontend/Importer.h"
#include "rasp/InitAllRASP.h"
#include "rasp/Interpreter/Interpreter.h"
#include "rasp/JIT/JIT.h"
#include "rasp/Pipelines/Pipelines.h"
#include "rasp/Runtime/Input.h"
#include "rasp/Runtime/RuntimeErrors.h"
#include "rasp/Runtime/Value.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <memory>

using namespace mlir;
using namespace rasp;

namespace {
const char *const kChars[] = {"a", "b", "c", "(", ")", "[", "]", "0", "1"};
constexpr size_t kMaxTokens = 12;
constexpr size_t kMaxProgramBytes = 2048;
constexpr size_t kMaxOps = 400;    // rasp ops per program: compile cost
constexpr size_t kMaxOutputs = 8;  // s-ops run per program
constexpr size_t kCacheSize = 256; // compiled programs kept

struct Output {
  std::string name;
  Type elementType;
  func::FuncOp original; // in Compiled::original: for the interpreter
};

struct Compiled {
  OwningOpRef<ModuleOp> original; // rasp dialect, ops numbered
  std::vector<Operation *> opsById;
  std::vector<Output> outputs;
  std::unique_ptr<JITProgram> program;
  llvm::StringMap<int64_t> ids;
  std::vector<std::string> strings;
  bool usesNumbers = false;
};

MLIRContext &getContext() {
  static MLIRContext *context = [] {
    llvm::InitializeNativeTarget();
    llvm::InitializeNativeTargetAsmPrinter();
    rasp::registerAllPasses();
    DialectRegistry registry;
    rasp::registerAllDialects(registry);
    rasp::registerAllTranslations(registry);
    auto *ctx = new MLIRContext(registry);
    ctx->loadAllAvailableDialects();
    return ctx;
  }();
  return *context;
}

/// Imports, lowers and JIT-compiles; null if any stage rejects the program
/// (the front end with a diagnostic: fine; the pipeline: an abort, since the
/// front end promises programs that lower).
std::unique_ptr<Compiled> compile(llvm::StringRef text) {
  MLIRContext &context = getContext();
  llvm::SourceMgr sourceMgr;
  sourceMgr.AddNewSourceBuffer(
      llvm::MemoryBuffer::getMemBufferCopy(text, "fuzz.rasp"), llvm::SMLoc());
  std::string diagnostics;
  ScopedDiagnosticHandler handler(&context, [&](Diagnostic &diag) {
    diagnostics += diag.str() + "\n";
    return success();
  });
  OwningOpRef<ModuleOp> module =
      importRaspProgram(sourceMgr, &context, ImportOptions());
  if (!module)
    return nullptr;
  auto result = std::make_unique<Compiled>();
  result->usesNumbers = text.contains("tokens_int") ||
                        text.contains("tokens_float") ||
                        text.contains("tokens_bool");
  size_t numOps = 0;
  module->walk([&](Operation *) { ++numOps; });
  if (numOps > kMaxOps)
    return nullptr;
  std::vector<func::FuncOp> funcs(module->getOps<func::FuncOp>().begin(),
                                  module->getOps<func::FuncOp>().end());
  for (size_t i = kMaxOutputs; i < funcs.size(); ++i)
    funcs[i].erase();
  if (funcs.size() > kMaxOutputs)
    funcs.resize(kMaxOutputs);
  if (funcs.empty())
    return nullptr;

  int64_t nextId = 0;
  module->walk([&](Operation *op) {
    if (llvm::isa<RASPDialect>(op->getDialect()))
      op->setAttr(kOpIdAttrName,
                  IntegerAttr::get(IntegerType::get(&context, 64), nextId++));
  });
  result->original = module->clone();
  result->original->walk([&](Operation *op) {
    if (op->hasAttr(kOpIdAttrName))
      result->opsById.push_back(op);
  });
  for (func::FuncOp fn : result->original->getOps<func::FuncOp>()) {
    auto type = llvm::cast<SOpType>(fn.getFunctionType().getResult(0));
    result->outputs.push_back({fn.getSymName().str(), type.getElementType(), fn});
  }

  SmallVector<Attribute> vocab;
  for (const char *c : kChars)
    vocab.push_back(StringAttr::get(&context, c));
  for (int v = -4; v <= 4; ++v)
    vocab.push_back(StringAttr::get(&context, std::to_string(v)));
  (*module)->setAttr(kVocabularyAttrName, ArrayAttr::get(&context, vocab));
  PassManager pm(&context);
  // RASP_FUZZ_NO_REWRITE=1 skips rasp-optimize-selects (rasp-run --no-rewrite),
  // to fuzz the rest of the pipeline while a bug there is open.
  LoweringOptions lowering;
  lowering.rewrite = !std::getenv("RASP_FUZZ_NO_REWRITE");
  if (failed(buildRASPLoweringPipeline(pm, LoweringStage::LLVM, lowering)) ||
      failed(pm.run(*module))) {
    llvm::errs() << "lowering failed for a program the front end accepted:\n"
                 << text << "\n" << diagnostics;
    std::abort();
  }
  if (auto table = (*module)->getAttrOfType<ArrayAttr>(kStringTableAttrName))
    for (auto [id, attr] : llvm::enumerate(table)) {
      result->strings.push_back(llvm::cast<StringAttr>(attr).str());
      result->ids[result->strings.back()] = id;
    }
  auto program = JITProgram::create(*module);
  if (!program) {
    llvm::errs() << "JIT compilation failed: "
                 << llvm::toString(program.takeError()) << "\n" << text << "\n";
    std::abort();
  }
  result->program = std::move(*program);
  return result;
}

bool sameValue(const SOpValue &a, const SOpValue &b) {
  auto asDouble = [](const SOpValue &v, size_t i) {
    return v.kind == ElemKind::Int ? (double)v.ints[i] : v.floats[i];
  };
  bool aNum = a.kind == ElemKind::Int || a.kind == ElemKind::Float;
  bool bNum = b.kind == ElemKind::Int || b.kind == ElemKind::Float;
  if (aNum && bNum) {
    size_t n = a.kind == ElemKind::Int ? a.ints.size() : a.floats.size();
    size_t m = b.kind == ElemKind::Int ? b.ints.size() : b.floats.size();
    if (n != m)
      return false;
    for (size_t i = 0; i < n; ++i) {
      if (a.kind == ElemKind::Int && b.kind == ElemKind::Int) {
        if (a.ints[i] != b.ints[i])
          return false;
        continue;
      }
      double x = asDouble(a, i), y = asDouble(b, i);
      if (std::isnan(x) || std::isnan(y)) {
        if (std::isnan(x) != std::isnan(y))
          return false;
        continue;
      }
      if (x == y)
        continue;
      if (std::fabs(x - y) > 1e-9 * std::max(std::fabs(x), std::fabs(y)) &&
          std::fabs(x - y) > 1e-12)
        return false;
    }
    return true;
  }
  if (a.kind != b.kind)
    return false;
  return a.bools == b.bools && a.strings == b.strings;
}

std::string show(const SOpValue &value) {
  std::string text;
  llvm::raw_string_ostream os(text);
  printJson(value, os);
  return text;
}

/// Runs `out` through the JIT: the value, or the error text in `error`.
bool runJIT(Compiled &c, const Output &out, const RaspInput &input,
            SOpValue &value, std::string &error) {
  size_t n = input.size();
  LoweredInputs lowered;
  lowered.length = n;
  bool narrowIds = c.program->getStringIdBytes() == 1;
  (narrowIds ? lowered.stringIds8.resize(n) : lowered.stringIds.resize(n));
  for (size_t i = 0; i < n; ++i) {
    auto it = c.ids.find(input.token(i));
    int32_t id = it == c.ids.end() ? -1 : it->second;
    if (narrowIds)
      lowered.stringIds8[i] = (uint8_t)id;
    else
      lowered.stringIds[i] = id;
  }
  if (auto e = readInts(input, lowered.ints))
    lowered.ints.assign(n, 0);
  if (auto e = readFloats(input, lowered.floats))
    lowered.floats.assign(n, 0);
  if (auto e = readBools(input, lowered.bools))
    lowered.bools.assign(n, 0);
  unsigned bytes = c.program->getOutputBytes(out.name);
  std::vector<uint8_t> buffer(std::max<size_t>(n * bytes, 8));
  auto report = c.program->run(out.name, lowered, buffer.data());
  if (!report) {
    llvm::errs() << "cannot run: " << llvm::toString(report.takeError()) << "\n";
    std::abort();
  }
  if (report->reported) {
    Operation *op = report->opId >= 0 && report->opId < (int64_t)c.opsById.size()
                        ? c.opsById[report->opId]
                        : nullptr;
    if (report->code == kAllDefaultNotice && op)
      if (auto aggregate = llvm::dyn_cast<AggregateOp>(op)) {
        Attribute attr = aggregate.getDefaultValue();
        if (auto s = llvm::dyn_cast<StringAttr>(attr)) {
          value.kind = ElemKind::String;
          value.strings.assign(n, s.str());
        } else if (auto b = llvm::dyn_cast<BoolAttr>(attr)) {
          value.kind = ElemKind::Bool;
          value.bools.assign(n, b.getValue());
        } else if (auto i = llvm::dyn_cast<IntegerAttr>(attr)) {
          value.kind = ElemKind::Int;
          value.ints.assign(n, i.getInt());
        } else if (auto f = llvm::dyn_cast<FloatAttr>(attr)) {
          value.kind = ElemKind::Float;
          value.floats.assign(n, f.getValueAsDouble());
        }
        return true;
      }
    error = describeRuntimeError(op, static_cast<RuntimeErrorCode>(report->code),
                                 report->position);
    return false;
  }
  Type t = out.elementType;
  if (t.isInteger(64)) {
    value.kind = ElemKind::Int;
    value.ints.resize(n);
    for (size_t i = 0; i < n; ++i)
      value.ints[i] = readStoredInt(buffer.data(), bytes, i);
  } else if (t.isF64()) {
    value.kind = ElemKind::Float;
    value.floats.assign((double *)buffer.data(), (double *)buffer.data() + n);
  } else if (t.isInteger(1)) {
    value.kind = ElemKind::Bool;
    value.bools.assign(buffer.data(), buffer.data() + n);
  } else {
    value.kind = ElemKind::String;
    for (size_t i = 0; i < n; ++i) {
      int64_t id = readStoredInt(buffer.data(), bytes, i);
      if (id < 0 || id >= (int64_t)c.strings.size()) {
        llvm::errs() << "string id " << id << " out of the table\n";
        std::abort();
      }
      value.strings.push_back(c.strings[id]);
    }
  }
  return true;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  llvm::StringRef bytes(reinterpret_cast<const char *>(data), size);
  auto [text, rest] = bytes.split('\0');
  if (text.size() > kMaxProgramBytes)
    return 0;

  // Never destroyed: tearing ExecutionEngines down during static destruction
  // at exit (after LLVM's own statics) crashes in ORC's object emission.
  static auto &cache = *new std::map<std::string, std::unique_ptr<Compiled>>();
  auto it = cache.find(text.str());
  if (it == cache.end()) {
    if (cache.size() >= kCacheSize)
      cache.clear();
    it = cache.emplace(text.str(), compile(text)).first;
  }
  Compiled *compiled = it->second.get();
  if (!compiled)
    return 0;

  RaspInput input;
  size_t n = std::min(rest.size(), kMaxTokens);
  if (compiled->usesNumbers) {
    std::vector<int64_t> values;
    for (size_t i = 0; i < n; ++i)
      values.push_back(static_cast<int64_t>((uint8_t)rest[i] % 9) - 4);
    input = makeIntInput(std::move(values));
  } else {
    for (size_t i = 0; i < n; ++i)
      input.push_back(kChars[(uint8_t)rest[i] % 9]);
  }

  for (const Output &out : compiled->outputs) {
    SOpValue jitValue;
    std::string jitError;
    bool jitOk = runJIT(*compiled, out, input, jitValue, jitError);
    std::string interpError;
    FailureOr<SOpValue> interpValue =
        interpret(const_cast<Output &>(out).original, input, interpError);
    bool interpOk = succeeded(interpValue);
    bool agree = jitOk == interpOk &&
                 (jitOk ? sameValue(jitValue, *interpValue)
                        : jitError == interpError);
    if (!agree) {
      llvm::errs() << "JIT and interpreter disagree on s-op '" << out.name
                   << "', n = " << n << "\nprogram:\n" << text << "\ninput:";
      for (size_t i = 0; i < input.size(); ++i)
        llvm::errs() << " " << input.token(i);
      llvm::errs() << "\nJIT: "
                   << (jitOk ? show(jitValue) : "error: " + jitError)
                   << "\ninterpreter: "
                   << (interpOk ? show(*interpValue) : "error: " + interpError)
                   << "\n";
      std::abort();
    }
  }
  return 0;
}
