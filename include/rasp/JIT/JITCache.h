//===- JITCache.h - In-process cache of compiled programs -------*- C++ -*-===//
//
// Running the same program twice in one process compiles it once. A program
// is identified by a key: a SHA-256 of the module as handed to the lowering
// (the rasp dialect with its module attributes: input vocabulary, int range,
// op ids), the lowering options (the pipeline text) and the host target
// (triple, CPU, features). The cache counts compilations and hits, so that
// tests can check that a second run does not recompile.
//
//===----------------------------------------------------------------------===//

#ifndef RASP_JIT_JITCACHE_H
#define RASP_JIT_JITCACHE_H

#include "rasp/JIT/JIT.h"

#include "mlir/IR/BuiltinOps.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"

#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace rasp {

/// A compiled program and what its caller needs to read its results.
struct CompiledProgram {
  std::unique_ptr<JITProgram> program;
  /// The string table (id -> string) the lowering fixed.
  std::vector<std::string> strings;
};

class JITCache {
public:
  /// The process-wide cache.
  static JITCache &global();

  /// The key of `module` (before lowering) compiled with the lowering
  /// described by `options` (e.g. the pipeline text) for this host.
  static std::string computeKey(mlir::ModuleOp module, llvm::StringRef options);

  using Compiler =
      llvm::function_ref<llvm::Expected<std::unique_ptr<CompiledProgram>>()>;

  /// The program cached under `key`, or the one `compile` makes (then
  /// cached; a failed compilation is not). `hit` tells which happened.
  llvm::Expected<std::shared_ptr<const CompiledProgram>>
  getOrCompile(llvm::StringRef key, Compiler compile, bool *hit = nullptr);

  /// Compilations run through getOrCompile (successful ones), and look-ups
  /// served from the cache.
  unsigned getNumCompiles() const;
  unsigned getNumHits() const;
  size_t size() const;
  void clear();

private:
  mutable std::mutex mutex;
  llvm::StringMap<std::shared_ptr<const CompiledProgram>> entries;
  unsigned numCompiles = 0;
  unsigned numHits = 0;
};

} // namespace rasp

#endif // RASP_JIT_JITCACHE_H
