//===- InternStrings.cpp - Build the sorted string table ------------------===//

#include "rasp/Dialect/RASP/IR/RASPOps.h"
#include "rasp/Dialect/RASP/Transforms/Passes.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringSet.h"

#include <set>

namespace rasp {
#define GEN_PASS_DEF_RASPINTERNSTRINGS
#include "rasp/Dialect/RASP/Transforms/Passes.h.inc"
} // namespace rasp

using namespace mlir;
using namespace rasp;

namespace {
using StringSet = std::set<std::string>;

struct InternStringsPass
    : public rasp::impl::RASPInternStringsBase<InternStringsPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    StringSet vocabulary;
    if (auto vocab = module->getAttrOfType<ArrayAttr>(kVocabularyAttrName))
      for (Attribute attr : vocab)
        if (auto str = llvm::dyn_cast<StringAttr>(attr))
          vocabulary.insert(str.str());

    StringSet table = vocabulary;
    // Possible values of each string s-op, for the concatenation closure.
    llvm::DenseMap<Value, StringSet> possible;
    auto setOf = [&](Value value) -> const StringSet & {
      static const StringSet empty;
      auto it = possible.find(value);
      return it == possible.end() ? empty : it->second;
    };
    auto addAttr = [&](Attribute attr, StringSet *into) {
      if (auto str = llvm::dyn_cast<StringAttr>(attr)) {
        table.insert(str.str());
        if (into)
          into->insert(str.str());
      }
    };

    bool tooLarge = false;
    module.walk([&](Operation *op) {
      if (tooLarge || !llvm::isa<RASPDialect>(op->getDialect()))
        return;
      // Every string attribute of a rasp op (list elements, dict keys) joins
      // the table so that comparisons against it have an id.
      for (NamedAttribute named : op->getAttrs()) {
        if (auto list = llvm::dyn_cast<ArrayAttr>(named.getValue()))
          for (Attribute element : list)
            addAttr(element, nullptr);
        else
          addAttr(named.getValue(), nullptr);
      }
      if (op->getNumResults() != 1)
        return;
      auto type = llvm::dyn_cast<SOpType>(op->getResult(0).getType());
      if (!type || !type.isString())
        return;
      StringSet values;
      if (llvm::isa<TokensOp>(op)) {
        values = vocabulary;
      } else if (auto constant = llvm::dyn_cast<ConstantOp>(op)) {
        addAttr(constant.getValue(), &values);
      } else if (auto concat = llvm::dyn_cast<ConcatOp>(op)) {
        const StringSet &lhs = setOf(concat.getLhs());
        const StringSet &rhs = setOf(concat.getRhs());
        if (lhs.size() * rhs.size() + table.size() > (size_t)maxStrings) {
          tooLarge = true;
          op->emitError("string concatenation can form more than ")
              << maxStrings << " distinct strings";
          return;
        }
        for (const std::string &a : lhs)
          for (const std::string &b : rhs)
            values.insert(a + b);
      } else if (auto aggregate = llvm::dyn_cast<AggregateOp>(op)) {
        values = setOf(aggregate.getValues());
        addAttr(aggregate.getDefaultValue(), &values);
      } else if (auto where = llvm::dyn_cast<WhereOp>(op)) {
        values = setOf(where.getTrueValue());
        const StringSet &other = setOf(where.getFalseValue());
        values.insert(other.begin(), other.end());
      } else if (auto lookup = llvm::dyn_cast<LookupOp>(op)) {
        for (Attribute value : lookup.getValues())
          addAttr(value, &values);
      }
      table.insert(values.begin(), values.end());
      possible[op->getResult(0)] = std::move(values);
    });
    if (tooLarge)
      return signalPassFailure();
    if ((int64_t)table.size() > maxStrings) {
      module.emitError("the program and its input hold more than ")
          << maxStrings << " distinct strings";
      return signalPassFailure();
    }

    // std::set orders by bytes: for UTF-8 that is code point order, Python's.
    SmallVector<Attribute> sorted;
    sorted.reserve(table.size());
    Builder builder(module.getContext());
    for (const std::string &str : table)
      sorted.push_back(builder.getStringAttr(str));
    module->setAttr(kStringTableAttrName, builder.getArrayAttr(sorted));
  }
};
} // namespace
