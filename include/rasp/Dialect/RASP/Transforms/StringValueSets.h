//===- StringValueSets.h - Which strings each s-op can hold -----*- C++ -*-===//
//
// A forward value-set analysis over string s-ops. rasp-intern-strings uses
// it to build the string table (closed under concatenation); the lowering
// uses it to size the concatenation tables.
//
//===----------------------------------------------------------------------===//

#ifndef RASP_DIALECT_RASP_TRANSFORMS_STRINGVALUESETS_H
#define RASP_DIALECT_RASP_TRANSFORMS_STRINGVALUESETS_H

#include "mlir/IR/Operation.h"
#include "mlir/IR/Value.h"
#include "llvm/ADT/DenseMap.h"

#include <set>
#include <string>

namespace rasp {

using StringValueSet = std::set<std::string>;

struct StringValueSets {
  /// Possible values of each string-typed s-op.
  llvm::DenseMap<mlir::Value, StringValueSet> possible;
  /// Every string the program can see: the union of the sets above, the
  /// vocabulary and every string attribute of a rasp op.
  StringValueSet all;

  const StringValueSet &of(mlir::Value value) const;
};

/// The input vocabulary attached to `module` (attribute rasp.vocabulary).
StringValueSet getModuleVocabulary(mlir::Operation *module);

/// Analyzes every rasp op under `root`. Fails (with an error on the op) when
/// a concatenation could form more than `maxStrings` strings.
mlir::FailureOr<StringValueSets>
computeStringValueSets(mlir::Operation *root, const StringValueSet &vocabulary,
                       int64_t maxStrings);

} // namespace rasp

#endif // RASP_DIALECT_RASP_TRANSFORMS_STRINGVALUESETS_H
