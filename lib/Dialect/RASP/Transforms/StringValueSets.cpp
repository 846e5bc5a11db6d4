//===- StringValueSets.cpp - Which strings each s-op can hold -------------===//

#include "rasp/Dialect/RASP/Transforms/StringValueSets.h"
#include "rasp/Dialect/RASP/IR/RASPOps.h"
#include "rasp/Dialect/RASP/Transforms/Passes.h"

using namespace mlir;
using namespace rasp;

StringValueSet rasp::getModuleVocabulary(Operation *module) {
  StringValueSet vocabulary;
  if (auto vocab = module->getAttrOfType<ArrayAttr>(kVocabularyAttrName))
    for (Attribute attr : vocab)
      if (auto str = llvm::dyn_cast<StringAttr>(attr))
        vocabulary.insert(str.str());
  return vocabulary;
}

const StringValueSet &StringValueSets::of(Value value) const {
  static const StringValueSet empty;
  auto it = possible.find(value);
  return it == possible.end() ? empty : it->second;
}

/// The strings a key mask lets through when it tests the values it masks:
/// `member(v, [...])` or `v == "s"`, also as `indicator(test) == 1` (the
/// dyck programs' `select(is_open, True, ==)`), `test == True`, or a
/// conjunction with other tests. A selected value is one whose key passes
/// the mask, so the values' set narrows to these (dyck's opener holds only
/// openers, not every token: its concatenation with the tokens then fits a
/// one-byte table). None when the mask tests something else.
static std::optional<StringValueSet> getMaskedStrings(Value mask, Value values,
                                                      unsigned depth = 0) {
  if (!mask || depth > 8)
    return std::nullopt;
  Operation *op = mask.getDefiningOp();
  if (!op)
    return std::nullopt;
  if (auto member = llvm::dyn_cast<MemberOp>(op)) {
    if (member.getOperand() != values)
      return std::nullopt;
    StringValueSet allowed;
    for (Attribute element : member.getElements())
      if (auto str = llvm::dyn_cast<StringAttr>(element))
        allowed.insert(str.str());
    return allowed;
  }
  if (auto both = llvm::dyn_cast<AndOp>(op)) {
    auto lhs = getMaskedStrings(both.getLhs(), values, depth + 1);
    auto rhs = getMaskedStrings(both.getRhs(), values, depth + 1);
    if (!lhs || !rhs)
      return lhs ? lhs : rhs;
    StringValueSet allowed;
    for (const std::string &str : *lhs)
      if (rhs->count(str))
        allowed.insert(str);
    return allowed;
  }
  auto cmp = llvm::dyn_cast<CmpOp>(op);
  if (!cmp || cmp.getPredicate() != Predicate::eq)
    return std::nullopt;
  for (auto [test, other] : {std::pair(cmp.getLhs(), cmp.getRhs()),
                             std::pair(cmp.getRhs(), cmp.getLhs())}) {
    auto constant = other.getDefiningOp<ConstantOp>();
    if (!constant)
      continue;
    Attribute value = constant.getValue();
    if (auto str = llvm::dyn_cast<StringAttr>(value); str && test == values)
      return StringValueSet{str.str()};
    if (auto flag = llvm::dyn_cast<BoolAttr>(value); flag && flag.getValue())
      return getMaskedStrings(test, values, depth + 1);
    auto number = llvm::dyn_cast<IntegerAttr>(value);
    if (auto indicator = test.getDefiningOp<IndicatorOp>();
        indicator && number && number.getValue().isOne())
      return getMaskedStrings(indicator.getOperand(), values, depth + 1);
  }
  return std::nullopt;
}

/// `values`' set, narrowed by a key mask that tests them.
static StringValueSet getSelectedStrings(const StringValueSets &sets, Value values,
                                         Value keyMask) {
  const StringValueSet &all = sets.of(values);
  std::optional<StringValueSet> allowed = getMaskedStrings(keyMask, values);
  if (!allowed)
    return all;
  StringValueSet selected;
  for (const std::string &str : all)
    if (allowed->count(str))
      selected.insert(str);
  return selected;
}

FailureOr<StringValueSets>
rasp::computeStringValueSets(Operation *root, const StringValueSet &vocabulary,
                             int64_t maxStrings) {
  StringValueSets result;
  result.all = vocabulary;
  auto addAttr = [&](Attribute attr, StringValueSet *into) {
    if (auto str = llvm::dyn_cast<StringAttr>(attr)) {
      result.all.insert(str.str());
      if (into)
        into->insert(str.str());
    }
  };

  WalkResult walk = root->walk([&](Operation *op) -> WalkResult {
    if (!llvm::isa<RASPDialect>(op->getDialect()))
      return WalkResult::advance();
    // Every string attribute (list elements, dict keys) joins the table so
    // that comparisons against it have an id.
    for (NamedAttribute named : op->getAttrs()) {
      if (auto list = llvm::dyn_cast<ArrayAttr>(named.getValue()))
        for (Attribute element : list)
          addAttr(element, nullptr);
      else
        addAttr(named.getValue(), nullptr);
    }
    if (op->getNumResults() != 1)
      return WalkResult::advance();
    auto type = llvm::dyn_cast<SOpType>(op->getResult(0).getType());
    if (!type || !type.isString())
      return WalkResult::advance();

    StringValueSet values;
    if (llvm::isa<TokensOp>(op)) {
      values = vocabulary;
    } else if (auto constant = llvm::dyn_cast<ConstantOp>(op)) {
      addAttr(constant.getValue(), &values);
    } else if (auto concat = llvm::dyn_cast<ConcatOp>(op)) {
      const StringValueSet &lhs = result.of(concat.getLhs());
      const StringValueSet &rhs = result.of(concat.getRhs());
      if ((int64_t)(lhs.size() * rhs.size() + result.all.size()) > maxStrings) {
        op->emitError("string concatenation can form more than ")
            << maxStrings << " distinct strings";
        return WalkResult::interrupt();
      }
      for (const std::string &a : lhs)
        for (const std::string &b : rhs)
          values.insert(a + b);
    } else if (auto aggregate = llvm::dyn_cast<AggregateOp>(op)) {
      values = result.of(aggregate.getValues());
      addAttr(aggregate.getDefaultValue(), &values);
    } else if (auto gather = llvm::dyn_cast<GatherOp>(op)) {
      // The rewrites of aggregates hold what the aggregate held.
      values = result.of(gather.getValues());
      addAttr(gather.getDefaultValue(), &values);
    } else if (auto keyed = llvm::dyn_cast<KeyedReduceOp>(op)) {
      if (keyed.getValues())
        values = getSelectedStrings(result, keyed.getValues(), keyed.getKeyMask());
      if (keyed.getDefaultValueAttr())
        addAttr(keyed.getDefaultValueAttr(), &values);
    } else if (auto neighbor = llvm::dyn_cast<GroupNeighborOp>(op)) {
      if (neighbor.getValues())
        values = getSelectedStrings(result, neighbor.getValues(), neighbor.getKeyMask());
      if (neighbor.getDefaultValueAttr())
        addAttr(neighbor.getDefaultValueAttr(), &values);
    } else if (auto where = llvm::dyn_cast<WhereOp>(op)) {
      values = result.of(where.getTrueValue());
      const StringValueSet &other = result.of(where.getFalseValue());
      values.insert(other.begin(), other.end());
    } else if (auto sort = llvm::dyn_cast<StableSortOp>(op)) {
      // A permutation of its values.
      values = result.of(sort.getValues());
    } else if (auto lookup = llvm::dyn_cast<LookupOp>(op)) {
      for (Attribute value : lookup.getValues())
        addAttr(value, &values);
    } else {
      // An op this analysis does not know would get no table entries: its
      // strings would have no id (a wrong value, or a crash) at run time.
      op->emitError("internal error: the strings '")
          << op->getName() << "' can hold are unknown";
      return WalkResult::interrupt();
    }
    result.all.insert(values.begin(), values.end());
    result.possible[op->getResult(0)] = std::move(values);
    return WalkResult::advance();
  });
  if (walk.wasInterrupted())
    return failure();
  if ((int64_t)result.all.size() > maxStrings) {
    root->emitError("the program and its input hold more than ")
        << maxStrings << " distinct strings";
    return failure();
  }
  return result;
}
