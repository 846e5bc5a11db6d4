//===- JITCache.cpp - In-process cache of compiled programs ---------------===//

#include "rasp/JIT/JITCache.h"

#include "mlir/IR/OperationSupport.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/SHA256.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/TargetParser/Host.h"

using namespace rasp;

JITCache &JITCache::global() {
  // Never destroyed: compiled code may be referenced until exit.
  static JITCache *cache = new JITCache();
  return *cache;
}

/// The host target: the triple, the CPU and its features (sorted).
static const std::string &getHostTargetDescription() {
  static const std::string description = [] {
    std::string text = llvm::sys::getProcessTriple() + ";" +
                       llvm::sys::getHostCPUName().str() + ";";
    llvm::StringMap<bool> features = llvm::sys::getHostCPUFeatures();
    std::vector<std::string> enabled;
    for (const auto &feature : features)
      if (feature.second)
        enabled.push_back(feature.first().str());
    llvm::sort(enabled);
    for (const std::string &feature : enabled)
      text += "+" + feature;
    return text;
  }();
  return description;
}

std::string JITCache::computeKey(mlir::ModuleOp module, llvm::StringRef options) {
  llvm::SHA256 hash;
  // Locations do not change the code (run-time errors are described from
  // the caller's copy of the program): a program read from another file
  // still hits.
  std::string text;
  llvm::raw_string_ostream os(text);
  mlir::OpPrintingFlags flags;
  flags.enableDebugInfo(false);
  module->print(os, flags);
  // Lengths separate the parts, so that no two triples print alike.
  for (llvm::StringRef part :
       {llvm::StringRef(text), options, llvm::StringRef(getHostTargetDescription())}) {
    uint64_t size = part.size();
    hash.update(llvm::ArrayRef<uint8_t>(reinterpret_cast<uint8_t *>(&size),
                                        sizeof(size)));
    hash.update(part);
  }
  std::array<uint8_t, 32> digest = hash.final();
  return llvm::toHex(digest, /*LowerCase=*/true);
}

llvm::Expected<std::shared_ptr<const CompiledProgram>>
JITCache::getOrCompile(llvm::StringRef key, Compiler compile, bool *hit) {
  {
    std::lock_guard<std::mutex> lock(mutex);
    auto it = entries.find(key);
    if (it != entries.end()) {
      ++numHits;
      if (hit)
        *hit = true;
      return it->second;
    }
  }
  if (hit)
    *hit = false;
  // Compiled outside the lock; two threads compiling the same key at once
  // both compile, and the first to finish is kept.
  auto compiled = compile();
  if (!compiled)
    return compiled.takeError();
  std::shared_ptr<const CompiledProgram> entry(std::move(*compiled));
  std::lock_guard<std::mutex> lock(mutex);
  ++numCompiles;
  auto inserted = entries.try_emplace(key, entry);
  return inserted.first->second;
}

unsigned JITCache::getNumCompiles() const {
  std::lock_guard<std::mutex> lock(mutex);
  return numCompiles;
}

unsigned JITCache::getNumHits() const {
  std::lock_guard<std::mutex> lock(mutex);
  return numHits;
}

size_t JITCache::size() const {
  std::lock_guard<std::mutex> lock(mutex);
  return entries.size();
}

void JITCache::clear() {
  std::lock_guard<std::mutex> lock(mutex);
  entries.clear();
  numCompiles = numHits = 0;
}
