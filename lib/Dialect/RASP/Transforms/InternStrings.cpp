//===- InternStrings.cpp - Build the sorted string table ------------------===//

#include "rasp/Dialect/RASP/IR/RASPOps.h"
#include "rasp/Dialect/RASP/Transforms/Passes.h"
#include "rasp/Dialect/RASP/Transforms/StringValueSets.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"

namespace rasp {
#define GEN_PASS_DEF_RASPINTERNSTRINGS
#include "rasp/Dialect/RASP/Transforms/Passes.h.inc"
} // namespace rasp

using namespace mlir;
using namespace rasp;

namespace {
struct InternStringsPass
    : public rasp::impl::RASPInternStringsBase<InternStringsPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    StringValueSet vocabulary = getModuleVocabulary(module);

    FailureOr<StringValueSets> sets =
        computeStringValueSets(module, vocabulary, maxStrings);
    if (failed(sets))
      return signalPassFailure();

    // std::set orders by bytes: for UTF-8 that is code point order, Python's.
    Builder builder(module.getContext());
    SmallVector<Attribute> sorted;
    sorted.reserve(sets->all.size());
    for (const std::string &str : sets->all)
      sorted.push_back(builder.getStringAttr(str));
    module->setAttr(kStringTableAttrName, builder.getArrayAttr(sorted));
  }
};
} // namespace
