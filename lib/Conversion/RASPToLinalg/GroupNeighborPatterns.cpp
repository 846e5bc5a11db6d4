//===- GroupNeighborPatterns.cpp - rasp.group_neighbor to a runtime call -===//
//
// rasp.group_neighbor becomes one call of rasp_group_neighbor, or of
// rasp_scan_group_neighbor for groups computed from a byte column
// (lib/Runtime/GroupNeighbor.cpp).
//
//===----------------------------------------------------------------------===//

#include "ByteDomain.h"
#include "KernelCalls.h"

using namespace mlir;
using namespace rasp;
using namespace rasp::lowering;

namespace {

/// rasp.group_neighbor -> one call of rasp_group_neighbor (lib/Runtime/
/// GroupNeighbor.cpp), one pass over the positions that writes per-query
/// counts (0 or 1) and sums, finalized exactly as a keyed reduction's
/// (default, mixed-default errors, types), except that at most one key is
/// selected, so "several values selected" cannot happen and is not checked.
struct GroupNeighborLowering : KernelCallPattern<GroupNeighborOp> {
  using KernelCallPattern::KernelCallPattern;

  /// Groups that are a running sum over a byte column plus a function of
  /// it, with a key mask that is a function of it too (dyck's level
  /// `scan_sum(is_open - is_close) + is_close` and mask `is_open == 1`):
  /// the byte column and the tables of step, offset and key mask.
  struct ScanGroupTables {
    Value bytes, step, offset, keyMask;
  };

  /// The groups as ScanGroupTables, if they are: then the kernel computes
  /// each group from the bytes as it goes, and neither the group column
  /// nor the key mask is stored.
  std::optional<ScanGroupTables> matchScanGroups(ConversionPatternRewriter &rewriter,
                                                 Location loc, GroupNeighborOp op) const {
    if (!state.byteTables)
      return std::nullopt;
    Value groups = op.getGroups();
    ScanSumOp scan;
    Value offset;
    if ((scan = groups.getDefiningOp<ScanSumOp>())) {
    } else if (auto add = groups.getDefiningOp<AddOp>()) {
      if ((scan = add.getLhs().getDefiningOp<ScanSumOp>()))
        offset = add.getRhs();
      else if ((scan = add.getRhs().getDefiningOp<ScanSumOp>()))
        offset = add.getLhs();
    }
    // Inclusive prefix sums only (le): S[i] sums positions 0..i.
    if (!scan || scan.getPredicate() != Predicate::le)
      return std::nullopt;
    auto tensorOf = [&](Value original) -> Value {
      Value converted = rewriter.getRemappedValue(original);
      return converted ? getMapOperand(original, converted).tensor : Value();
    };
    ByteDomainEvaluator evaluator(rewriter, loc);
    ScanGroupTables tables;
    Value stepTensor = tensorOf(scan.getValues());
    if (!stepTensor || !(tables.step = evaluator.getTable(stepTensor)))
      return std::nullopt;
    if (offset) {
      Value offsetTensor = tensorOf(offset);
      if (!offsetTensor || !(tables.offset = evaluator.getTable(offsetTensor)))
        return std::nullopt;
    } else {
      auto tableType = RankedTensorType::get({kByteTableSize}, rewriter.getI64Type());
      tables.offset = arith::ConstantOp::create(
          rewriter, loc, tableType, DenseIntElementsAttr::get(tableType, int64_t(0)));
    }
    if (op.getKeyMask()) {
      Value maskTensor = tensorOf(op.getKeyMask());
      if (!maskTensor || !(tables.keyMask = evaluator.getTable(maskTensor)))
        return std::nullopt;
    }
    tables.bytes = evaluator.getBytes();
    return tables;
  }

  LogicalResult
  matchAndRewrite(GroupNeighborOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value n = getInputLength(rewriter, loc, op);
    Attribute callSite = getCallSite(rewriter, op);
    Type i64 = rewriter.getI64Type(), i32 = rewriter.getI32Type();
    auto wideType = MemRefType::get({ShapedType::kDynamic}, i64);
    auto narrowType = MemRefType::get({ShapedType::kDynamic}, i32);
    bool hasValues = static_cast<bool>(op.getValues());
    // A returned count is written straight into the output buffer; other
    // counts (0 or 1) take one byte, widened by a generic that fuses into
    // the users (and that a later kernel call reads through).
    Value counts = hasValues ? Value() : getReturnedCounts(op);
    if (!counts)
      counts = memref::AllocOp::create(rewriter, loc, getByteBufferType(rewriter),
                                       ValueRange{n});
    SmallVector<Value> args(kNeighborSumsSlot + 1, counts);
    int64_t kinds = 0;
    llvm::DenseMap<Value, Value> buffers; // one to_buffer per distinct s-op
    auto setSlot = [&](int slot, Value original, Value converted) {
      Value &buffer = buffers[original];
      if (!buffer)
        buffer = getStoredColumn(rewriter, loc, n, original, converted, callSite,
                                 /*allowNarrow=*/true);
      args[slot] = buffer;
      kinds |= encodeColumnKind(
          slot, kindOf(llvm::cast<MemRefType>(buffer.getType()).getElementType()));
    };
    std::optional<ScanGroupTables> scanGroups = matchScanGroups(rewriter, loc, op);
    if (!scanGroups) {
      setSlot(kNeighborGroupsSlot, op.getGroups(), adaptor.getGroups());
      if (op.getKeyMask())
        setSlot(kNeighborKeyMaskSlot, op.getKeyMask(), adaptor.getKeyMask());
    } else if (scanGroups->keyMask) {
      kinds |= encodeColumnKind(kNeighborKeyMaskSlot, ColumnKind::U8);
    }
    if (op.getQueryMask())
      setSlot(kNeighborQueryMaskSlot, op.getQueryMask(), adaptor.getQueryMask());
    // Sums: string ids as the values store them (one byte for a small
    // table, else i32; read only where the one key is selected), ints and
    // bools as i64.
    Value sums = counts;
    if (hasValues) {
      setSlot(kNeighborValuesSlot, op.getValues(), adaptor.getValues());
      Type lowered = getLoweredElementType(
          llvm::cast<SOpType>(op.getValues().getType()).getElementType());
      Type stored =
          llvm::cast<MemRefType>(args[kNeighborValuesSlot].getType()).getElementType();
      MemRefType sumsType = !lowered.isInteger(32) ? wideType
                            : stored.isInteger(8)  ? getByteBufferType(rewriter)
                                                   : narrowType;
      sums = memref::AllocOp::create(rewriter, loc, sumsType, ValueRange{n});
    }
    args[kNeighborCountsSlot] = counts;
    kinds |= encodeColumnKind(kNeighborCountsSlot, outputKind(counts));
    args[kNeighborSumsSlot] = sums;
    if (hasValues)
      kinds |= encodeColumnKind(kNeighborSumsSlot, outputKind(sums, /*isSums=*/true));
    StringRef kernelName = kGroupNeighborFunctionName;
    if (scanGroups) {
      // bytes, step, offset, key mask tables, then the slots from the query
      // mask on (GroupNeighbor.h).
      auto table = [&](Value tensor) {
        return getReadOnlyBuffer(rewriter, loc, tensor, callSite);
      };
      Value step = table(scanGroups->step);
      SmallVector<Value> scanArgs = {
          getReadOnlyBuffer(rewriter, loc, scanGroups->bytes, callSite), step,
          table(scanGroups->offset), scanGroups->keyMask ? table(scanGroups->keyMask) : step};
      scanArgs.append(args.begin() + kNeighborQueryMaskSlot, args.end());
      args = std::move(scanArgs);
      kernelName = kScanGroupNeighborFunctionName;
    }
    for (int64_t scalar : {kinds, (int64_t)op.getNext()})
      args.push_back(arith::ConstantIntOp::create(rewriter, loc, i64, scalar));
    func::FuncOp kernel = getKernel(rewriter, op, kernelName, ValueRange(args).getTypes());
    func::CallOp::create(rewriter, loc, kernel, args);

    Value countTensor = readCounts(rewriter, loc, n, counts);
    if (!hasValues) {
      rewriter.replaceOp(op, countTensor);
      return success();
    }
    bool stringValues = isa<StringType>(
        llvm::cast<SOpType>(op.getValues().getType()).getElementType());
    Value sumTensor = stringValues ? readStringIds(rewriter, loc, n, sums)
                                   : readOnlyTensor(rewriter, loc, sums);
    rewriter.replaceOp(
        op, finalizeAggregate(rewriter, op, loc, n, sumTensor, countTensor,
                              llvm::cast<SOpType>(op.getValues().getType()),
                              op.getDefaultValueAttr(),
                              llvm::cast<SOpType>(op.getType()), state,
                              /*atMostOneSelected=*/true));
    return success();
  }
};

} // namespace

void rasp::lowering::populateGroupNeighborToLinalgPatterns(const TypeConverter &converter,
                                        RewritePatternSet &patterns,
                                        const RASPLoweringState &state) {
  patterns.add<GroupNeighborLowering>(converter, patterns.getContext(), state);
}
