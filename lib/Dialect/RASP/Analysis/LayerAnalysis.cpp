//===- LayerAnalysis.cpp - The paper's layer and head counts --------------===//

#include "rasp/Dialect/RASP/Analysis/LayerAnalysis.h"

#include "rasp/Dialect/RASP/IR/RASPOps.h"

#include "llvm/ADT/SmallPtrSet.h"

#include <map>
#include <set>
#include <tuple>

using namespace mlir;
using namespace rasp;

namespace {
/// What makes two ops structurally equal: the op, its inherent attributes
/// (predicate, constant value, lists, default), its result types and the
/// structural ids of its operands (sorted for commutative ops).
using StructuralKey =
    std::tuple<const void *, const void *, std::vector<const void *>,
               std::vector<int64_t>>;

/// The head `length` stands for in layer 1 (the reference builds it from an
/// aggregate over a select-all pattern plus a beginning-of-sequence token).
constexpr int64_t kLengthHead = -1;
} // namespace

LayerReport
rasp::analyzeLayers(func::FuncOp fn,
                    llvm::DenseMap<Operation *, int64_t> &opLayers) {
  LayerReport report;
  if (fn.isExternal() || !fn.getBody().hasOneBlock())
    return report;
  Block &body = fn.getBody().front();

  // Layers (of s-ops) and depths (of selectors), and structural ids, in block
  // order: operands are defined before their users.
  llvm::DenseMap<Value, int64_t> layerOf;
  llvm::DenseMap<Value, int64_t> structuralId;
  std::map<StructuralKey, int64_t> ids;
  int64_t nextFreshId = 0;
  auto idOf = [&](Value value) -> int64_t {
    auto it = structuralId.find(value);
    if (it != structuralId.end())
      return it->second;
    // Not defined by an op of the body (a block argument): unique.
    int64_t id = (int64_t(1) << 40) + nextFreshId++;
    structuralId[value] = id;
    return id;
  };

  for (Operation &op : body) {
    int64_t layer = 0;
    for (Value operand : op.getOperands())
      layer = std::max(layer, layerOf.lookup(operand));
    if (llvm::isa<AggregateOp, SelectorWidthOp>(op))
      layer += 1;
    else if (llvm::isa<LengthOp>(op))
      layer = 1;
    if (llvm::isa<AggregateOp, SelectorWidthOp, LengthOp>(op))
      opLayers[&op] = layer;

    std::vector<int64_t> operandIds;
    for (Value operand : op.getOperands())
      operandIds.push_back(idOf(operand));
    if (op.hasTrait<OpTrait::IsCommutative>())
      std::sort(operandIds.begin(), operandIds.end());
    std::vector<const void *> resultTypes;
    for (Type type : op.getResultTypes())
      resultTypes.push_back(type.getAsOpaquePointer());
    StructuralKey key{op.getName().getAsOpaquePointer(),
                      op.getPropertiesAsAttribute().getAsOpaquePointer(),
                      std::move(resultTypes), std::move(operandIds)};
    auto inserted = ids.try_emplace(std::move(key), (int64_t)ids.size());
    for (Value result : op.getResults()) {
      layerOf[result] = layer;
      structuralId[result] = inserted.first->second;
    }
  }

  // Only what the returned value depends on counts.
  llvm::SmallPtrSet<Operation *, 32> live;
  SmallVector<Operation *> worklist;
  if (Operation *terminator = body.getTerminator())
    worklist.push_back(terminator);
  while (!worklist.empty()) {
    Operation *op = worklist.pop_back_val();
    for (Value operand : op->getOperands())
      if (Operation *def = operand.getDefiningOp())
        if (live.insert(def).second)
          worklist.push_back(def);
  }

  std::map<int64_t, std::set<int64_t>> headsByLayer;
  for (Operation &op : body) {
    if (!live.contains(&op))
      continue;
    Value selector;
    if (auto aggregate = llvm::dyn_cast<AggregateOp>(op))
      selector = aggregate.getSelector();
    else if (auto width = llvm::dyn_cast<SelectorWidthOp>(op))
      selector = width.getSelector();
    else if (!llvm::isa<LengthOp>(op))
      continue;
    int64_t layer = opLayers.lookup(&op);
    headsByLayer[layer].insert(selector ? idOf(selector) : kLengthHead);
    report.layers = std::max(report.layers, layer);
  }
  report.heads.assign(report.layers, 0);
  for (auto &[layer, heads] : headsByLayer)
    report.heads[layer - 1] = static_cast<int64_t>(heads.size());
  return report;
}

LayerReport rasp::analyzeLayers(func::FuncOp fn) {
  llvm::DenseMap<Operation *, int64_t> opLayers;
  return analyzeLayers(fn, opLayers);
}
