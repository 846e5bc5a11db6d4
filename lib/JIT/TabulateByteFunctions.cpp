//===- TabulateByteFunctions.cpp - byte functions as table loads ----------===//
//
// See TabulateByteFunctions.h. The pass runs after the loop vectorizer, so
// the loops it sees with scalar byte expressions are the ones LLVM could
// not vectorize (scans, with a value carried from one position to the
// next) and the scalar remainders of the vectorized ones; vector
// expressions are left alone (a table there would be a gather).
//
//===----------------------------------------------------------------------===//

#include "rasp/JIT/TabulateByteFunctions.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/Analysis/ConstantFolding.h"
#include "llvm/Analysis/LoopInfo.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"
#include "llvm/Transforms/Utils/Local.h"

#include <optional>

using namespace llvm;

namespace rasp {
namespace {

/// Expression trees deeper than this are not followed (bounds the
/// recursion; real trees are a few levels deep).
constexpr unsigned kMaxDepth = 32;

/// The name (a prefix, LLVM numbers the others) of the tables' globals.
constexpr const char *kTableName = "rasp.byte_table";

/// True for the instructions a byte expression may contain: integer
/// operations that cannot trap and fold to a constant for constant operands.
bool isPureIntegerOp(const Instruction *inst) {
  // Table entries are at most 64 bits wide.
  if (!inst->getType()->isIntegerTy() || inst->getType()->getIntegerBitWidth() > 64)
    return false;
  if (auto *binary = dyn_cast<BinaryOperator>(inst)) {
    switch (binary->getOpcode()) {
    case Instruction::Add:
    case Instruction::Sub:
    case Instruction::Mul:
    case Instruction::And:
    case Instruction::Or:
    case Instruction::Xor:
    case Instruction::Shl:
    case Instruction::LShr:
    case Instruction::AShr:
      return true;
    default:
      return false; // divisions and remainders can trap
    }
  }
  if (auto *cmp = dyn_cast<ICmpInst>(inst))
    return cmp->getOperand(0)->getType()->isIntegerTy() &&
           cmp->getOperand(0)->getType()->getIntegerBitWidth() <= 64;
  if (isa<SelectInst>(inst))
    return true;
  if (auto *cast = dyn_cast<CastInst>(inst))
    return cast->getOperand(0)->getType()->isIntegerTy() &&
           cast->getOperand(0)->getType()->getIntegerBitWidth() <= 64 &&
           (isa<ZExtInst>(cast) || isa<SExtInst>(cast) || isa<TruncInst>(cast));
  return false;
}

/// Which byte load, if any, every instruction in loops is a function of.
class ByteExpressionAnalysis {
public:
  explicit ByteExpressionAnalysis(const LoopInfo &loops) : loops(loops) {}

  /// The i8 load `value` is a function of (with constants), or null.
  LoadInst *getByte(Value *value, unsigned depth = 0) {
    auto *inst = dyn_cast<Instruction>(value);
    if (!inst)
      return nullptr;
    auto it = byteOf.find(inst);
    if (it != byteOf.end())
      return it->second;
    LoadInst *byte = compute(inst, depth);
    byteOf[inst] = byte;
    return byte;
  }

  /// Instructions of the tree of `root` (a byte expression), the leaf
  /// excluded, counted once each.
  unsigned countInstructions(Instruction *root) {
    SmallPtrSet<Instruction *, 16> seen;
    SmallVector<Instruction *> stack = {root};
    while (!stack.empty()) {
      Instruction *inst = stack.pop_back_val();
      if (isa<LoadInst>(inst) || !seen.insert(inst).second)
        continue;
      for (Value *operand : inst->operands())
        if (auto *def = dyn_cast<Instruction>(operand))
          stack.push_back(def);
    }
    return seen.size();
  }

private:
  LoadInst *compute(Instruction *inst, unsigned depth) {
    if (auto *load = dyn_cast<LoadInst>(inst))
      return load->getType()->isIntegerTy(8) && !load->isVolatile() ? load : nullptr;
    if (depth > kMaxDepth || !loops.getLoopFor(inst->getParent()) ||
        !isPureIntegerOp(inst))
      return nullptr;
    LoadInst *byte = nullptr;
    for (Value *operand : inst->operands()) {
      if (isa<ConstantInt>(operand))
        continue;
      LoadInst *operandByte = getByte(operand, depth + 1);
      if (!operandByte || (byte && operandByte != byte))
        return nullptr;
      byte = operandByte;
    }
    return byte;
  }

  const LoopInfo &loops;
  DenseMap<Instruction *, LoadInst *> byteOf;
};

/// Folds `inst` for the byte value in `values` (which maps the leaf).
Constant *evaluate(Instruction *inst, DenseMap<Value *, Constant *> &values,
                   const DataLayout &layout) {
  auto it = values.find(inst);
  if (it != values.end())
    return it->second;
  SmallVector<Constant *> operands;
  for (Value *operand : inst->operands()) {
    Constant *constant = dyn_cast<Constant>(operand);
    if (!constant) {
      auto *def = dyn_cast<Instruction>(operand);
      constant = def ? evaluate(def, values, layout) : nullptr;
    }
    if (!constant)
      return nullptr;
    operands.push_back(constant);
  }
  Constant *result =
      isa<ICmpInst>(inst)
          ? ConstantFoldCompareInstOperands(cast<ICmpInst>(inst)->getPredicate(),
                                            operands[0], operands[1], layout)
          : ConstantFoldInstOperands(inst, operands, layout);
  // Poison (an `add nsw` that overflows) had no defined value: any will do.
  if (result && isa<UndefValue>(result))
    result = Constant::getNullValue(inst->getType());
  values[inst] = result;
  return result;
}

/// The 256 values of `root` for the bytes 0..255 of `byte`, or nothing
/// when one does not fold to an integer.
std::optional<SmallVector<APInt, 256>> tabulate(Instruction *root, LoadInst *byte,
                                                const DataLayout &layout) {
  SmallVector<APInt, 256> table;
  for (unsigned value = 0; value < 256; ++value) {
    DenseMap<Value *, Constant *> values;
    values[byte] = ConstantInt::get(byte->getType(), value);
    auto *result = dyn_cast_or_null<ConstantInt>(evaluate(root, values, layout));
    if (!result)
      return std::nullopt;
    table.push_back(result->getValue());
  }
  return table;
}

/// The narrowest table element width for `table`'s values of width `width`:
/// 8 for up to 8 bits (zero-extended), else the narrowest of 8/16/32 that
/// holds them sign-extended, else `width`.
unsigned getStorageWidth(ArrayRef<APInt> table, unsigned width) {
  if (width <= 8)
    return 8;
  for (unsigned candidate : {8u, 16u, 32u})
    if (candidate < width &&
        llvm::all_of(table, [&](const APInt &v) { return v.isSignedIntN(candidate); }))
      return candidate;
  return width;
}

/// A private constant global holding `table` in `storage`-bit entries
/// (zero-extended or truncated: getStorageWidth chose a width that keeps
/// the values). Constants are uniqued, so an equal table already in the
/// module is the same initializer and is shared.
GlobalVariable *getTableGlobal(Module &module, ArrayRef<APInt> table, unsigned storage) {
  LLVMContext &context = module.getContext();
  SmallVector<Constant *, 256> elements;
  for (const APInt &value : table)
    elements.push_back(ConstantInt::get(context, value.zextOrTrunc(storage)));
  auto *type = ArrayType::get(IntegerType::get(context, storage), table.size());
  Constant *initializer = ConstantArray::get(type, elements);
  for (GlobalVariable &existing : module.globals())
    if (existing.getName().starts_with(kTableName) && existing.isConstant() &&
        existing.hasInitializer() && existing.getInitializer() == initializer)
      return &existing;
  auto *global = new GlobalVariable(module, type, /*isConstant=*/true,
                                    GlobalValue::PrivateLinkage, initializer, kTableName);
  global->setUnnamedAddr(GlobalValue::UnnamedAddr::Global);
  global->setAlignment(Align(64));
  return global;
}

} // namespace

PreservedAnalyses TabulateByteFunctionsPass::run(Function &fn,
                                                 FunctionAnalysisManager &fam) {
  const LoopInfo &loops = fam.getResult<LoopAnalysis>(fn);
  if (loops.empty())
    return PreservedAnalyses::all();
  ByteExpressionAnalysis analysis(loops);
  const DataLayout &layout = fn.getDataLayout();

  // Roots: byte expressions used by something that is not one (a running
  // sum, a store, a branch). Decided and evaluated before any change.
  struct Root {
    Instruction *inst;
    LoadInst *byte;
    SmallVector<APInt, 256> table;
  };
  std::vector<Root> roots;
  for (BasicBlock &block : fn) {
    if (!loops.getLoopFor(&block))
      continue;
    for (Instruction &inst : block) {
      if (isa<LoadInst>(inst) || !inst.getType()->isIntegerTy())
        continue;
      LoadInst *byte = analysis.getByte(&inst);
      if (!byte)
        continue;
      bool usedOutside = llvm::any_of(inst.users(), [&](User *user) {
        auto *userInst = dyn_cast<Instruction>(user);
        return !userInst || !analysis.getByte(userInst);
      });
      if (!usedOutside || analysis.countInstructions(&inst) < kMinTabulatedInstructions)
        continue;
      if (auto table = tabulate(&inst, byte, layout))
        roots.push_back({&inst, byte, std::move(*table)});
    }
  }
  if (roots.empty())
    return PreservedAnalyses::all();

  for (Root &root : roots) {
    unsigned width = root.inst->getType()->getIntegerBitWidth();
    unsigned storage = getStorageWidth(root.table, width);
    GlobalVariable *global = getTableGlobal(*fn.getParent(), root.table, storage);
    IRBuilder<> builder(root.inst);
    Value *index = builder.CreateZExt(root.byte, builder.getInt64Ty());
    Value *address = builder.CreateInBoundsGEP(global->getValueType(), global,
                                               {builder.getInt64(0), index});
    Value *loaded = builder.CreateAlignedLoad(builder.getIntNTy(storage), address,
                                              Align(storage / 8), "byte_table");
    Value *value = width < storage    ? builder.CreateTrunc(loaded, root.inst->getType())
                   : width > storage ? builder.CreateSExt(loaded, root.inst->getType())
                                     : loaded;
    root.inst->replaceAllUsesWith(value);
  }
  // A root may be an operand of another's tree: handles, not pointers.
  SmallVector<WeakTrackingVH> replaced;
  for (Root &root : roots)
    replaced.push_back(root.inst);
  RecursivelyDeleteTriviallyDeadInstructionsPermissive(replaced);
  PreservedAnalyses preserved;
  preserved.preserveSet<CFGAnalyses>();
  return preserved;
}

} // namespace rasp
