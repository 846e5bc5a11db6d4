//===- RuntimeErrors.cpp - The text of run-time errors --------------------===//
//
// One function formats run-time errors for both the reference interpreter and
// the JIT driver, so that a difference between them is never a difference in
// wording.
//
//===----------------------------------------------------------------------===//

#include "rasp/Runtime/RuntimeErrors.h"

#include "mlir/IR/Location.h"
#include "mlir/IR/Operation.h"
#include "mlir/IR/SymbolTable.h"

#include <optional>

using namespace mlir;

namespace {
struct LocParts {
  std::optional<std::string> fileLineCol;
  std::optional<std::string> name;
};
} // namespace

/// Pre-order walk: the first NameLoc is the outermost name; the first
/// FileLineColRange is the place the op was written. A CallSiteLoc's callee
/// (the op inside the RASP function) comes before its caller (the call).
static void walkLocation(Location loc, LocParts &parts) {
  if (parts.fileLineCol && parts.name)
    return;
  if (auto nameLoc = llvm::dyn_cast<NameLoc>(loc)) {
    if (!parts.name)
      parts.name = nameLoc.getName().str();
    walkLocation(nameLoc.getChildLoc(), parts);
    return;
  }
  if (auto fileLoc = llvm::dyn_cast<FileLineColRange>(loc)) {
    if (!parts.fileLineCol)
      parts.fileLineCol = (fileLoc.getFilename().getValue() + ":" +
                           llvm::Twine(fileLoc.getStartLine()) + ":" +
                           llvm::Twine(fileLoc.getStartColumn()))
                              .str();
    return;
  }
  if (auto callSite = llvm::dyn_cast<CallSiteLoc>(loc)) {
    walkLocation(callSite.getCallee(), parts);
    walkLocation(callSite.getCaller(), parts);
    return;
  }
  if (auto fused = llvm::dyn_cast<FusedLoc>(loc)) {
    for (Location part : fused.getLocations())
      walkLocation(part, parts);
    return;
  }
  if (auto opaque = llvm::dyn_cast<OpaqueLoc>(loc)) {
    walkLocation(opaque.getFallbackLocation(), parts);
    return;
  }
  // UnknownLoc: nothing to say.
}

std::string rasp::describeRuntimeError(Operation *op, RuntimeErrorCode code,
                                       int64_t position) {
  LocParts parts;
  if (op)
    walkLocation(op->getLoc(), parts);
  // The s-op asked for: the program function's name (each output s-op is
  // a function named after it).
  std::optional<std::string> computing;
  for (Operation *parent = op ? op->getParentOp() : nullptr; parent;
       parent = parent->getParentOp())
    if (auto symbol = parent->getAttrOfType<StringAttr>(SymbolTable::getSymbolAttrName())) {
      computing = symbol.getValue().str();
      break;
    }
  std::string text;
  if (parts.fileLineCol)
    text += *parts.fileLineCol + ": ";
  if (parts.name) {
    text += "in s-op '" + *parts.name + "'";
    if (computing && *computing != *parts.name)
      text += " (computing '" + *computing + "')";
    text += ": ";
  } else if (computing) {
    text += "in s-op '" + *computing + "': ";
  }
  text += getRuntimeErrorMessage(code);
  text += " at position " + std::to_string(position);
  return text;
}
