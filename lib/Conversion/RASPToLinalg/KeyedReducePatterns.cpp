//===- KeyedReducePatterns.cpp - rasp.keyed_reduce to a runtime call ------===//
//
// Sorting and counting have no linalg form, so rasp.keyed_reduce becomes one
// call of the runtime kernel rasp_keyed_reduce (lib/Runtime/KeyedReduce.cpp)
// on the columns' buffers, which writes per-query selection counts and
// selected-value sums, or, over byte columns, of rasp_byte_table
// (lib/Runtime/ByteTable.cpp), which writes 256-entry tables. The
// aggregate's own finalization (mean, default, run-time errors) then runs on
// those, exactly as after the fused kernel.
//
//===----------------------------------------------------------------------===//

#include "ByteDomain.h"
#include "KernelCalls.h"

using namespace mlir;
using namespace rasp;
using namespace rasp::lowering;

namespace {

static_assert(kByteTableOrderLt == (int64_t)Predicate::lt &&
                  kByteTableOrderGt == (int64_t)Predicate::gt &&
                  kByteTableOrderLe == (int64_t)Predicate::le &&
                  kByteTableOrderGe == (int64_t)Predicate::ge,
              "rasp_byte_table's order codes are the predicates");

struct KeyedReduceLowering : KernelCallPattern<KeyedReduceOp> {
  using KernelCallPattern::KernelCallPattern;

  /// `x + c`, `c + x` or `x - c` with an int constant c and a stored int
  /// column x (not indices, not a constant): (x, c or -c).
  static std::optional<std::pair<Value, int64_t>> matchOffsetColumn(Value original) {
    auto isStoredInt = [](Value v) {
      return llvm::cast<SOpType>(v.getType()).getElementType().isInteger(64) &&
             !v.getDefiningOp<ConstantOp>() && !v.getDefiningOp<IndicesOp>();
    };
    auto [x, offset] = splitIntOffset(original);
    if (x == original || !isStoredInt(original) || !isStoredInt(x))
      return std::nullopt;
    return std::make_pair(x, offset);
  }

  /// A column's buffer, storage kind and offset. Indices are not stored;
  /// constants are materialized (the rewrite never makes constant columns,
  /// but the op allows them); a key or query column `x + c` is x's buffer
  /// with offset c (dyck's `nth - 1`: no n-element copy).
  KernelColumn getColumn(ConversionPatternRewriter &rewriter, Location loc,
                         Value n, Value original, Value converted, Value dummy,
                         Attribute callSite, bool allowOffset) const {
    if (original.getDefiningOp<IndicesOp>())
      return {dummy, ColumnKind::Indices};
    if (allowOffset)
      if (auto offsetColumn = matchOffsetColumn(original)) {
        auto [x, offset] = *offsetColumn;
        KernelColumn column =
            getColumn(rewriter, loc, n, x, rewriter.getRemappedValue(x), dummy,
                      callSite, /*allowOffset=*/false);
        column.offset = offset;
        return column;
      }
    Value buffer = getStoredColumn(rewriter, loc, n, original, converted, callSite,
                                   /*allowNarrow=*/true);
    return {buffer,
            kindOf(llvm::cast<MemRefType>(buffer.getType()).getElementType())};
  }

  /// A scalar of a lowered column as i64 (bools and string ids widened).
  static Value toI64(OpBuilder &b, Location loc, Value scalar) {
    Type i64 = b.getI64Type();
    if (scalar.getType() == i64)
      return scalar;
    return arith::ExtUIOp::create(b, loc, i64, scalar);
  }

  /// No key columns: every query selects the same keys (all of them, or the
  /// key mask's), so one reduction gives the count and the sum, broadcast to
  /// the queries by element-wise generics that later fuse into their users.
  /// No kernel call and no n-element temporaries.
  std::pair<Value, Value> lowerGlobal(ConversionPatternRewriter &rewriter,
                                      KeyedReduceOp op, OpAdaptor adaptor,
                                      Location loc, Value n) const {
    Type i64 = rewriter.getI64Type();
    SmallVector<MapOperand> operands;
    int valuesIndex = -1, maskIndex = -1;
    if (op.getValues()) {
      valuesIndex = operands.size();
      operands.push_back(getMapOperand(op.getValues(), adaptor.getValues()));
    }
    if (op.getKeyMask()) {
      maskIndex = operands.size();
      operands.push_back(getMapOperand(op.getKeyMask(), adaptor.getKeyMask()));
    }
    SmallVector<Value> inputs;
    for (const MapOperand &operand : operands)
      if (operand.tensor)
        inputs.push_back(operand.tensor);
    Value total, totalSum;
    if (inputs.empty()) {
      // Constant mask and values: a generic without inputs would have no
      // loop bound, so the n equal terms are multiplied out instead.
      auto constantOf = [&](int index, int64_t otherwise) -> Value {
        if (index < 0)
          return arith::ConstantIntOp::create(rewriter, loc, i64, otherwise);
        const MapOperand &operand = operands[index];
        return toI64(rewriter, loc,
                     materializeScalar(rewriter, loc, operand.constant,
                                       getLoweredElementType(operand.raspElementType),
                                       state));
      };
      Value nI64 = arith::IndexCastOp::create(rewriter, loc, i64, n);
      total = arith::MulIOp::create(rewriter, loc, nI64, constantOf(maskIndex, 1));
      totalSum = arith::MulIOp::create(rewriter, loc, total, constantOf(valuesIndex, 0));
    } else {
      Value zero = arith::ConstantIntOp::create(rewriter, loc, i64, 0);
      Value scalarInit = linalg::FillOp::create(
                             rewriter, loc, ValueRange{zero},
                             ValueRange{tensor::EmptyOp::create(
                                 rewriter, loc, ArrayRef<int64_t>{}, i64)})
                             .getResult(0);
      MLIRContext *ctx = rewriter.getContext();
      SmallVector<AffineMap> maps(inputs.size(), AffineMap::getMultiDimIdentityMap(1, ctx));
      maps.append(2, AffineMap::get(1, 0, {}, ctx));
      auto reduction = linalg::GenericOp::create(
          rewriter, loc, TypeRange{scalarInit.getType(), scalarInit.getType()}, inputs,
          ValueRange{scalarInit, scalarInit}, maps,
          ArrayRef<utils::IteratorType>{utils::IteratorType::reduction},
          [&](OpBuilder &b, Location l, ValueRange args) {
            unsigned next = inputs.size();
            SmallVector<Value> scalars =
                bodyScalars(b, l, operands, args.take_front(next), state);
            Value weight = maskIndex >= 0
                               ? toI64(b, l, scalars[maskIndex])
                               : (Value)arith::ConstantIntOp::create(b, l, i64, 1);
            Value count = arith::AddIOp::create(b, l, args[next], weight);
            Value sum = args[next + 1];
            if (valuesIndex >= 0)
              sum = arith::AddIOp::create(
                  b, l, sum,
                  arith::MulIOp::create(b, l, weight, toI64(b, l, scalars[valuesIndex])));
            linalg::YieldOp::create(b, l, ValueRange{count, sum});
          });
      total = tensor::ExtractOp::create(rewriter, loc, reduction.getResult(0),
                                        ValueRange{});
      totalSum = tensor::ExtractOp::create(rewriter, loc, reduction.getResult(1),
                                           ValueRange{});
    }
    // Broadcast to every query (zero where the query mask is false).
    SmallVector<MapOperand> queryOperands;
    if (op.getQueryMask())
      queryOperands.push_back(getMapOperand(op.getQueryMask(), adaptor.getQueryMask()));
    auto broadcast = [&](Value scalar) {
      return buildElementwise(
          rewriter, loc, n, queryOperands, i64,
          [&](OpBuilder &b, Location l, ArrayRef<Value> s) -> Value {
            if (s.empty())
              return scalar;
            return arith::SelectOp::create(
                b, l, s[0], scalar, arith::ConstantIntOp::create(b, l, i64, 0));
          },
          state);
    };
    Value counts = broadcast(total);
    return {counts, op.getValues() ? broadcast(totalSum) : counts};
  }

  /// A key or query column with at most 256 values: `bytes`, a byte
  /// column, and `table` (tensor<256xi64>), the column's value at each byte.
  struct ByteDomainColumn {
    Value bytes;
    Value table;
    /// The table is the identity (the column is the bytes, widened).
    bool identity = false;
  };

  /// The byte column behind a key or query column, if any: a widened byte
  /// column (a small table's string ids; a kernel's one-byte output) is its
  /// own table (bytes sign-extended, as the widening does), and a byte
  /// lookup (an earlier byte-table reduction's result) brings its table.
  std::optional<ByteDomainColumn> getByteDomainColumn(OpBuilder &b, Location loc,
                                                      Value original,
                                                      Value converted) const {
    MapOperand operand = getMapOperand(original, converted);
    if (!operand.tensor)
      return std::nullopt;
    if (Value narrow = getNarrowColumn(operand.tensor)) {
      if (!llvm::cast<RankedTensorType>(narrow.getType()).getElementType().isInteger(8))
        return std::nullopt;
      return ByteDomainColumn{narrow, buildIdentityTable(b, loc), /*identity=*/true};
    }
    if (auto generic = operand.tensor.getDefiningOp<linalg::GenericOp>())
      if (generic->hasAttr(kByteLookupAttrName)) {
        Value table;
        generic.getBody()->walk([&](tensor::ExtractOp extract) { table = extract.getTensor(); });
        if (table)
          return ByteDomainColumn{generic.getDpsInputOperand(0)->get(), table};
      }
    return std::nullopt;
  }

  /// out[i] = table[bytes[i]] (i64), marked kByteLookupAttrName.
  Value buildByteLookup(OpBuilder &b, Location loc, Value n, Value bytes,
                        Value table) const {
    Value result = buildElementwise(
        b, loc, n, {{bytes, Attribute(), b.getI8Type()}}, b.getI64Type(),
        [&](OpBuilder &nested, Location l, ArrayRef<Value> s) -> Value {
          Value index = arith::IndexCastUIOp::create(nested, l, nested.getIndexType(), s[0]);
          return tensor::ExtractOp::create(nested, l, table, ValueRange{index});
        },
        state);
    result.getDefiningOp()->setAttr(kByteLookupAttrName, b.getUnitAttr());
    return result;
  }

  /// The order of a byte-table reduction: none, or an order on the
  /// positions alone when only "any key selected" matters (the mean of a
  /// constant, isSaturatedMean): `seen_before`'s earlier equal token exists
  /// exactly where the first such token comes before the query.
  static std::optional<int64_t> getByteTableOrder(KeyedReduceOp op) {
    if (op.getOrderKeys().empty())
      return kNoOrder;
    if (op.getOrderKeys().size() != 1 || !op.getOrderKeys()[0].getDefiningOp<IndicesOp>() ||
        !op.getOrderQueries()[0].getDefiningOp<IndicesOp>() || !op.getValues() ||
        !isSaturatedMean(getIntConstant(op.getValues())))
      return std::nullopt;
    switch (*op.getOrder()) {
    case Predicate::lt: return kByteTableOrderLt;
    case Predicate::le: return kByteTableOrderLe;
    case Predicate::gt: return kByteTableOrderGt;
    case Predicate::ge: return kByteTableOrderGe;
    default: return std::nullopt;
    }
  }

  /// count[i] = 1 if positions[bytes[i]] `order` i, else 0 (i64): whether
  /// query i selects any key (lowerToByteTable with an order).
  Value buildPositionCompare(OpBuilder &b, Location loc, Value n, Value bytes,
                             Value positions, int64_t order) const {
    arith::CmpIPredicate predicate =
        order == kByteTableOrderLt   ? arith::CmpIPredicate::slt
        : order == kByteTableOrderLe ? arith::CmpIPredicate::sle
        : order == kByteTableOrderGt ? arith::CmpIPredicate::sgt
                                     : arith::CmpIPredicate::sge;
    Value result = buildElementwise(
        b, loc, n, {{bytes, Attribute(), b.getI8Type()}}, b.getI64Type(),
        [&](OpBuilder &nested, Location l, ArrayRef<Value> s) -> Value {
          Value index = arith::IndexCastUIOp::create(nested, l, nested.getIndexType(), s[0]);
          Value position = tensor::ExtractOp::create(nested, l, positions, ValueRange{index});
          Value query = arith::IndexCastOp::create(
              nested, l, nested.getI64Type(), linalg::IndexOp::create(nested, l, 0));
          Value any = arith::CmpIOp::create(nested, l, predicate, position, query);
          return arith::ExtUIOp::create(nested, l, nested.getI64Type(), any);
        },
        state);
    result.getDefiningOp()->setAttr(kPositionCompareAttrName, b.getI64IntegerAttr(order));
    return result;
  }

  /// One equality column whose key and query are functions of byte columns
  /// (the histogram of a small table's tokens; hist2's count of counts):
  /// one call of rasp_byte_table, which reduces per byte and joins the 256
  /// key values against the 256 query values, then a lookup of the query's
  /// byte in the resulting tables. No n-element count column is written.
  /// With an order on the positions (getByteTableOrder), the table holds
  /// each query byte's first (last) selectable key position instead, and
  /// the lookup compares it with the query's position. None when the op has
  /// a query mask, another order or columns of more values.
  std::optional<std::pair<Value, Value>>
  lowerToByteTable(ConversionPatternRewriter &rewriter, KeyedReduceOp op,
                   OpAdaptor adaptor, Location loc, Value n) const {
    if (!state.byteTables || op.getEqualKeys().size() != 1 || op.getQueryMask())
      return std::nullopt;
    std::optional<int64_t> order = getByteTableOrder(op);
    if (!order)
      return std::nullopt;
    std::optional<ByteDomainColumn> key = getByteDomainColumn(
        rewriter, loc, op.getEqualKeys()[0], adaptor.getEqualKeys()[0]);
    if (!key)
      return std::nullopt;
    std::optional<ByteDomainColumn> query =
        op.getEqualQueries()[0] == op.getEqualKeys()[0]
            ? key
            : getByteDomainColumn(rewriter, loc, op.getEqualQueries()[0],
                                  adaptor.getEqualQueries()[0]);
    if (!query)
      return std::nullopt;
    Type i64 = rewriter.getI64Type();
    bool hasValues = static_cast<bool>(op.getValues());
    std::optional<int64_t> constantValue =
        hasValues ? getIntConstant(op.getValues()) : std::nullopt;
    bool kernelSums = hasValues && !constantValue;
    Attribute callSite = getCallSite(rewriter, op);
    // Counts times a constant value, where the op has one.
    auto withSums = [&](Value countTensor) {
      if (!hasValues)
        return std::make_pair(countTensor, countTensor);
      Value sumTensor = buildElementwise(
          rewriter, loc, n, {{countTensor, Attribute(), i64}}, i64,
          [&](OpBuilder &b, Location l, ArrayRef<Value> s) -> Value {
            return arith::MulIOp::create(
                b, l, s[0], arith::ConstantIntOp::create(b, l, i64, *constantValue));
          },
          state);
      return std::make_pair(countTensor, sumTensor);
    };
    if (op.getKeyMask() && !kernelSums && *order == kNoOrder)
      if (Value joined = joinMaskedHistogram(rewriter, loc, op, adaptor, *key, *query,
                                             callSite))
        return withSums(buildByteLookup(rewriter, loc, n, query->bytes, joined));

    auto tableType = MemRefType::get({kByteTableSize}, i64);
    Value countTable = memref::AllocOp::create(rewriter, loc, tableType);
    Value sumTable =
        kernelSums ? (Value)memref::AllocOp::create(rewriter, loc, tableType) : countTable;
    Value keyBytes = getReadOnlyBuffer(rewriter, loc, key->bytes, callSite);
    Value keyTable = getReadOnlyBuffer(rewriter, loc, key->table, callSite);
    Value queryTable = key->table == query->table
                           ? keyTable
                           : getReadOnlyBuffer(rewriter, loc, query->table, callSite);
    Value keyMask = keyBytes, values = keyBytes; // dummies unless present
    int64_t kinds = 0;
    auto kindOfBuffer = [](Value buffer) {
      return kindOf(llvm::cast<MemRefType>(buffer.getType()).getElementType());
    };
    if (op.getKeyMask()) {
      keyMask = getStoredColumn(rewriter, loc, n, op.getKeyMask(), adaptor.getKeyMask(),
                                callSite, /*allowNarrow=*/true);
      kinds |= encodeColumnKind(kByteTableKeyMaskSlot, kindOfBuffer(keyMask));
    }
    if (kernelSums && op.getValues().getDefiningOp<IndicesOp>()) {
      // Positions are not stored: the kernel counts them.
      kinds |= encodeColumnKind(kByteTableValuesSlot, ColumnKind::Indices);
    } else if (kernelSums) {
      values = getStoredColumn(rewriter, loc, n, op.getValues(), adaptor.getValues(),
                               callSite, /*allowNarrow=*/true);
      kinds |= encodeColumnKind(kByteTableValuesSlot, kindOfBuffer(values));
    }
    SmallVector<Value> args = {keyBytes, keyTable, queryTable, keyMask, values,
                               countTable, sumTable,
                               arith::ConstantIntOp::create(rewriter, loc, i64, kinds),
                               arith::ConstantIntOp::create(rewriter, loc, i64, *order)};
    func::FuncOp kernel =
        getKernel(rewriter, op, kByteTableFunctionName, ValueRange(args).getTypes());
    func::CallOp::create(rewriter, loc, kernel, args);

    auto readTable = [&](Value buffer) -> Value {
      return bufferization::ToTensorOp::create(
          rewriter, loc, RankedTensorType::get({kByteTableSize}, i64), buffer,
          /*restrict=*/rewriter.getUnitAttr());
    };
    Value countTensor;
    if (*order == kNoOrder) {
      countTensor = buildByteLookup(rewriter, loc, n, query->bytes, readTable(countTable));
    } else {
      countTensor = buildPositionCompare(rewriter, loc, n, query->bytes,
                                         readTable(countTable), *order);
      // Every key selectable, equal bytes: the first (last) position of
      // each byte is its first (last) occurrence, where the comparison
      // with the position itself fails, and nowhere else.
      if ((*order == kByteTableOrderLt || *order == kByteTableOrderGt) &&
          !op.getKeyMask() && key->identity && query->identity &&
          key->bytes == query->bytes)
        countTensor.getDefiningOp()->setAttr(kPositionCompareExtremeAttrName,
                                             rewriter.getUnitAttr());
    }
    if (kernelSums)
      return std::make_pair(
          countTensor, buildByteLookup(rewriter, loc, n, query->bytes, readTable(sumTable)));
    return withSums(countTensor);
  }

  /// A key mask that is a function of the key bytes and at most one extreme
  /// position comparison on them (hist2's `not seen_before`: a token's first
  /// occurrence) selects, of the c positions of byte b, mask(b, 0) times the
  /// one where the comparison fails and mask(b, 1) times the c - 1 others.
  /// The masked per-byte counts then follow from the byte histogram, and
  /// the join with the queries is a call of rasp_byte_join over the bytes
  /// that occur: no n-element mask column, no pass over it, and the
  /// comparison's own position table dies.
  /// Returns the joined table (tensor<256xi64>: the count each query byte
  /// selects), or null when the mask is not such a function.
  Value joinMaskedHistogram(ConversionPatternRewriter &rewriter, Location loc,
                            KeyedReduceOp op, OpAdaptor adaptor,
                            const ByteDomainColumn &key, const ByteDomainColumn &query,
                            Attribute callSite) const {
    Value maskTensor = getMapOperand(op.getKeyMask(), adaptor.getKeyMask()).tensor;
    if (!maskTensor)
      return Value();
    OpBuilder::InsertionGuard guard(rewriter);
    ByteDomainEvaluator evaluator(rewriter, loc, /*withBit=*/true);
    Value mask = evaluator.getTable(maskTensor);
    if (!mask || evaluator.getBytes() != key.bytes ||
        (evaluator.getBit() &&
         !evaluator.getBit()->hasAttr(kPositionCompareExtremeAttrName)))
      return Value();

    Type i64 = rewriter.getI64Type();
    MLIRContext *ctx = rewriter.getContext();
    auto tableType = RankedTensorType::get({kByteTableSize}, i64);
    auto half = [&](int64_t offset) -> Value {
      return tensor::ExtractSliceOp::create(rewriter, loc, tableType, mask, ValueRange{},
                                            ValueRange{}, ValueRange{},
                                            ArrayRef<int64_t>{offset},
                                            ArrayRef<int64_t>{kByteTableSize},
                                            ArrayRef<int64_t>{1});
    };
    Value histogram = buildByteHistogram(rewriter, loc, op, key.bytes, callSite);
    Value maskAtExtreme = half(0), maskElsewhere = half(kByteTableSize);
    AffineMap identity = AffineMap::getMultiDimIdentityMap(1, ctx);
    Value init = tensor::EmptyOp::create(rewriter, loc, ArrayRef<int64_t>{kByteTableSize}, i64);
    // masked[b] = c > 0 ? mask(b, 0) + mask(b, 1) * (c - 1) : 0, c = count[b].
    Value masked =
        linalg::GenericOp::create(
            rewriter, loc, TypeRange{tableType},
            ValueRange{histogram, maskAtExtreme, maskElsewhere}, ValueRange{init},
            SmallVector<AffineMap>(4, identity),
            ArrayRef<utils::IteratorType>{utils::IteratorType::parallel},
            [&](OpBuilder &b, Location l, ValueRange args) {
              Value zero = arith::ConstantIntOp::create(b, l, i64, 0);
              Value one = arith::ConstantIntOp::create(b, l, i64, 1);
              Value others = arith::SubIOp::create(b, l, args[0], one);
              Value count = arith::AddIOp::create(
                  b, l, args[1], arith::MulIOp::create(b, l, args[2], others));
              Value occurs =
                  arith::CmpIOp::create(b, l, arith::CmpIPredicate::sgt, args[0], zero);
              linalg::YieldOp::create(b, l,
                                      arith::SelectOp::create(b, l, occurs, count, zero)
                                          .getResult());
            })
            .getResult(0);
    // joined[q] = sum over key bytes k with keyTable[k] == queryTable[q] of
    // masked[k]: the kernel visits only the bytes with a non-zero count.
    // A call site of its own, after the histogram's call.
    callSite = getCallSite(rewriter, op);
    auto tableMemRef = MemRefType::get({kByteTableSize}, i64);
    Value joined = memref::AllocOp::create(rewriter, loc, tableMemRef);
    SmallVector<Value> args = {getReadOnlyBuffer(rewriter, loc, key.table, callSite),
                               getReadOnlyBuffer(rewriter, loc, query.table, callSite),
                               getReadOnlyBuffer(rewriter, loc, masked, callSite), joined};
    func::FuncOp kernel =
        getKernel(rewriter, op, kByteJoinFunctionName, ValueRange(args).getTypes());
    func::CallOp::create(rewriter, loc, kernel, args);
    return bufferization::ToTensorOp::create(rewriter, loc, tableType, joined,
                                             /*restrict=*/rewriter.getUnitAttr());
  }

  /// The mean of a constant int c is c wherever any key is selected: the
  /// sum c * count is exact (|c| * n < 2^53, so also as an f64) and
  /// divides back to c. Its counts then need to say only "none or some",
  /// in one byte each instead of four (seen_before's `aggregate(S, 1, 0)`).
  static bool isSaturatedMean(std::optional<int64_t> constantValue) {
    constexpr int64_t kLimit = int64_t(1) << 22; // kMaxInputLength is 2^30
    return constantValue && *constantValue <= kLimit && *constantValue >= -kLimit;
  }

  /// Key columns: one call of the runtime kernel, which writes the counts
  /// (and sums) into buffers read back as read-only tensors.
  std::pair<Value, Value> lowerToKernelCall(ConversionPatternRewriter &rewriter,
                                            KeyedReduceOp op, OpAdaptor adaptor,
                                            Location loc, Value n) const {
    size_t numEqual = op.getEqualKeys().size(), numOrder = op.getOrderKeys().size();
    Type i64 = rewriter.getI64Type();
    auto countsType = MemRefType::get({ShapedType::kDynamic}, i64);
    bool hasValues = static_cast<bool>(op.getValues());
    // Constant int values (`aggregate(S, 1, 0)`): the sum is value * count,
    // computed after the call, so the kernel neither reads an n-element
    // column of copies nor adds them up.
    std::optional<int64_t> constantValue =
        hasValues ? getIntConstant(op.getValues()) : std::nullopt;
    bool kernelSums = hasValues && !constantValue;
    // A returned count (the histogram) is written straight into the output
    // buffer: no temporary, no copy.
    // Otherwise 32-bit counts (n < 2^31: the JIT refuses longer inputs),
    // widened by a generic that fuses into the users; and 32-bit sums of
    // string ids (read only where one key is selected).
    Type i32 = rewriter.getI32Type();
    auto narrowType = MemRefType::get({ShapedType::kDynamic}, i32);
    Value counts = hasValues ? Value() : getReturnedCounts(op);
    if (!counts)
      counts = memref::AllocOp::create(
          rewriter, loc,
          isSaturatedMean(constantValue) ? getByteBufferType(rewriter) : narrowType,
          ValueRange{n});
    bool stringSums =
        kernelSums && getLoweredElementType(
                          llvm::cast<SOpType>(op.getValues().getType()).getElementType())
                          .isInteger(32);
    Value sums = kernelSums ? (Value)memref::AllocOp::create(
                                  rewriter, loc, stringSums ? narrowType : countsType,
                                  ValueRange{n})
                            : counts;

    SmallVector<Value> args(kNumKeyedReduceSlots, counts);
    int64_t kinds = 0;
    // One buffer per distinct s-op: the kernel sorts keys and queries once
    // when they are the same buffer (the paper's sort and histogram).
    // Key and query columns may carry offsets; masks and values are read as
    // stored, so they are looked up apart.
    llvm::DenseMap<Value, KernelColumn> keyQueryColumns, storedColumns;
    Attribute callSite = getCallSite(rewriter, op);
    int64_t offsets[kQueries1Slot + 1] = {0, 0, 0, 0};
    auto setSlot = [&](int slot, Value original, Value converted) {
      bool keyOrQuery = slot <= kQueries1Slot;
      auto &cache = keyOrQuery ? keyQueryColumns : storedColumns;
      auto it = cache.find(original);
      if (it == cache.end())
        it = cache
                 .try_emplace(original, getColumn(rewriter, loc, n, original,
                                                  converted, counts, callSite,
                                                  /*allowOffset=*/keyOrQuery))
                 .first;
      const KernelColumn &column = it->second;
      args[slot] = column.buffer;
      kinds |= encodeColumnKind(slot, column.kind);
      if (keyOrQuery)
        offsets[slot] = column.offset;
    };
    SmallVector<Value> keys(op.getEqualKeys()), queries(op.getEqualQueries());
    llvm::append_range(keys, op.getOrderKeys());
    llvm::append_range(queries, op.getOrderQueries());
    SmallVector<Value> convertedKeys(adaptor.getEqualKeys()),
        convertedQueries(adaptor.getEqualQueries());
    llvm::append_range(convertedKeys, adaptor.getOrderKeys());
    llvm::append_range(convertedQueries, adaptor.getOrderQueries());
    for (size_t c = 0; c < keys.size(); ++c) {
      setSlot(kKeys0Slot + c, keys[c], convertedKeys[c]);
      setSlot(kQueries0Slot + c, queries[c], convertedQueries[c]);
    }
    if (op.getKeyMask())
      setSlot(kKeyMaskSlot, op.getKeyMask(), adaptor.getKeyMask());
    if (op.getQueryMask())
      setSlot(kQueryMaskSlot, op.getQueryMask(), adaptor.getQueryMask());
    if (kernelSums)
      setSlot(kValuesSlot, op.getValues(), adaptor.getValues());

    args.push_back(counts);
    args.push_back(sums);
    kinds |= encodeColumnKind(kCountsSlot, outputKind(counts));
    if (kernelSums)
      kinds |= encodeColumnKind(kSumsSlot, outputKind(sums, /*isSums=*/true));
    int64_t order = op.getOrder() ? static_cast<int64_t>(*op.getOrder()) : kNoOrder;
    for (int64_t scalar : {(int64_t)numEqual, (int64_t)numOrder, order, kinds,
                           offsets[kKeys0Slot], offsets[kKeys1Slot],
                           offsets[kQueries0Slot], offsets[kQueries1Slot]})
      args.push_back(arith::ConstantIntOp::create(rewriter, loc, i64, scalar));
    func::FuncOp kernel =
        getKernel(rewriter, op, kKeyedReduceFunctionName, ValueRange(args).getTypes());
    func::CallOp::create(rewriter, loc, kernel, args);

    Value countTensor = readCounts(rewriter, loc, n, counts);
    if (!hasValues)
      return {countTensor, countTensor};
    Value sumTensor =
        kernelSums
            ? readOnlyTensor(rewriter, loc, sums)
            : buildElementwise(
                  rewriter, loc, n, {{countTensor, Attribute(), i64}}, i64,
                  [&](OpBuilder &b, Location l, ArrayRef<Value> s) -> Value {
                    return arith::MulIOp::create(
                        b, l, s[0],
                        arith::ConstantIntOp::create(b, l, i64, *constantValue));
                  },
                  state);
    return {countTensor, sumTensor};
  }

  LogicalResult
  matchAndRewrite(KeyedReduceOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    size_t numColumns = op.getEqualKeys().size() + op.getOrderKeys().size();
    if (numColumns > (size_t)kMaxKeyedColumns)
      return rewriter.notifyMatchFailure(op, "too many columns for the kernel");
    Value n = getInputLength(rewriter, loc, op);
    Value countTensor, sumTensor;
    if (numColumns == 0)
      std::tie(countTensor, sumTensor) = lowerGlobal(rewriter, op, adaptor, loc, n);
    else if (auto byTable = lowerToByteTable(rewriter, op, adaptor, loc, n))
      std::tie(countTensor, sumTensor) = *byTable;
    else
      std::tie(countTensor, sumTensor) = lowerToKernelCall(rewriter, op, adaptor, loc, n);
    if (!op.getValues()) {
      rewriter.replaceOp(op, countTensor);
      return success();
    }
    auto valuesType = llvm::cast<SOpType>(op.getValues().getType());
    Type loweredValue = getLoweredElementType(valuesType.getElementType());
    // String ids: the sum is the selected id where exactly one is selected.
    if (loweredValue.isInteger(32) &&
        llvm::cast<RankedTensorType>(sumTensor.getType()).getElementType().isInteger(64))
      sumTensor = buildTruncation(rewriter, loc, n, sumTensor, loweredValue);
    rewriter.replaceOp(op, finalizeAggregate(rewriter, op, loc, n, sumTensor,
                                             countTensor, valuesType,
                                             op.getDefaultValueAttr(),
                                             llvm::cast<SOpType>(op.getType()),
                                             state));
    return success();
  }
};

} // namespace

void rasp::populateRASPKeyedReduceToLinalgPatterns(
    const TypeConverter &converter, RewritePatternSet &patterns,
    const RASPLoweringState &state) {
  patterns.add<KeyedReduceLowering>(converter, patterns.getContext(), state);
  populateStableSortToLinalgPatterns(converter, patterns, state);
  populateGroupNeighborToLinalgPatterns(converter, patterns, state);
}
