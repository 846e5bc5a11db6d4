//===- RASPOps.cpp - RASP operations: syntax and verifiers ----------------===//

#include "rasp/Dialect/RASP/IR/RASPOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/OpImplementation.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/MathExtras.h"

#include <algorithm>
#include <charconv>
#include <limits>

using namespace mlir;
using namespace rasp;

//===----------------------------------------------------------------------===//
// Scalars
//===----------------------------------------------------------------------===//

Type rasp::getScalarAttrElementType(Attribute attr) {
  if (!attr)
    return {};
  MLIRContext *ctx = attr.getContext();
  if (auto intAttr = llvm::dyn_cast<IntegerAttr>(attr)) {
    if (intAttr.getType().isInteger(1))
      return IntegerType::get(ctx, 1);
    if (intAttr.getType().isInteger(64))
      return IntegerType::get(ctx, 64);
    return {};
  }
  if (auto floatAttr = llvm::dyn_cast<FloatAttr>(attr))
    return floatAttr.getType().isF64() ? Float64Type::get(ctx) : Type();
  if (llvm::isa<StringAttr>(attr))
    return StringType::get(ctx);
  return {};
}

llvm::StringRef rasp::stringifyPredicateSymbol(Predicate predicate) {
  switch (predicate) {
  case Predicate::eq: return "==";
  case Predicate::ne: return "!=";
  case Predicate::lt: return "<";
  case Predicate::gt: return ">";
  case Predicate::le: return "<=";
  case Predicate::ge: return ">=";
  }
  return "?";
}

/// Scalars print without their type: ints as `5`, floats always with a dot
/// (`1.5`, `2.0`, `1.0e+20`) so that they read back as floats, non-finite
/// floats as the keywords `inf`, `-inf` and `nan`, bools as `true`, strings
/// quoted.
static void printScalar(AsmPrinter &printer, Attribute attr) {
  if (auto floatAttr = llvm::dyn_cast<FloatAttr>(attr)) {
    double value = floatAttr.getValueAsDouble();
    if (std::isnan(value)) {
      printer.getStream() << "nan";
      return;
    }
    if (std::isinf(value)) {
      printer.getStream() << (value < 0 ? "-inf" : "inf");
      return;
    }
    // Shortest digits that read back to the same double. MLIR's float
    // literal needs a dot even with an exponent: `1e+20` would lex as an int.
    char buf[64];
    auto result = std::to_chars(buf, buf + sizeof(buf), value);
    std::string text(buf, result.ptr);
    if (text.find('.') == std::string::npos) {
      size_t exponent = text.find_first_of("eE");
      text.insert(exponent == std::string::npos ? text.size() : exponent, ".0");
    }
    printer.getStream() << text;
    return;
  }
  if (auto intAttr = llvm::dyn_cast<IntegerAttr>(attr)) {
    if (intAttr.getType().isInteger(1))
      printer.getStream() << (intAttr.getValue().getBoolValue() ? "true" : "false");
    else
      printer.getStream() << intAttr.getValue().getSExtValue();
    return;
  }
  printer.printAttributeWithoutType(attr);
}

static ParseResult parseScalar(OpAsmParser &parser, Attribute &attr) {
  Builder &builder = parser.getBuilder();
  std::string text;
  if (succeeded(parser.parseOptionalString(&text))) {
    attr = builder.getStringAttr(text);
    return success();
  }
  if (succeeded(parser.parseOptionalKeyword("true"))) {
    attr = builder.getBoolAttr(true);
    return success();
  }
  if (succeeded(parser.parseOptionalKeyword("false"))) {
    attr = builder.getBoolAttr(false);
    return success();
  }
  if (succeeded(parser.parseOptionalKeyword("nan"))) {
    attr = builder.getF64FloatAttr(std::numeric_limits<double>::quiet_NaN());
    return success();
  }
  llvm::SMLoc loc = parser.getCurrentLocation();
  bool negative = succeeded(parser.parseOptionalMinus());
  if (succeeded(parser.parseOptionalKeyword("inf"))) {
    double inf = std::numeric_limits<double>::infinity();
    attr = builder.getF64FloatAttr(negative ? -inf : inf);
    return success();
  }
  // Parsed as an APInt so that INT64_MIN, whose magnitude overflows int64,
  // reads back.
  APInt intValue;
  OptionalParseResult intResult = parser.parseOptionalInteger(intValue);
  if (intResult.has_value()) {
    if (failed(*intResult))
      return failure();
    if (negative)
      intValue.negate();
    if (intValue.getSignificantBits() > 64)
      return parser.emitError(loc, "integer does not fit in i64");
    attr = builder.getI64IntegerAttr(intValue.getSExtValue());
    return success();
  }
  double floatValue;
  if (parser.parseFloat(floatValue))
    return parser.emitError(loc, "expected an int, float, bool or string");
  attr = builder.getF64FloatAttr(negative ? -floatValue : floatValue);
  return success();
}

static void printRASPScalar(OpAsmPrinter &printer, Operation *, Attribute attr) {
  printScalar(printer, attr);
}

static ParseResult parseRASPScalar(OpAsmParser &parser, Attribute &attr) {
  return parseScalar(parser, attr);
}

static void printRASPScalarList(OpAsmPrinter &printer, Operation *,
                                ArrayAttr list) {
  printer.getStream() << "[";
  llvm::interleaveComma(list, printer.getStream(),
                        [&](Attribute attr) { printScalar(printer, attr); });
  printer.getStream() << "]";
}

static ParseResult parseRASPScalarList(OpAsmParser &parser, ArrayAttr &list) {
  SmallVector<Attribute> elements;
  if (parser.parseCommaSeparatedList(
          OpAsmParser::Delimiter::Square, [&]() -> ParseResult {
            Attribute element;
            if (parseScalar(parser, element))
              return failure();
            elements.push_back(element);
            return success();
          }))
    return failure();
  list = parser.getBuilder().getArrayAttr(elements);
  return success();
}

//===----------------------------------------------------------------------===//
// Verifiers
//===----------------------------------------------------------------------===//

static SOpType sopType(Value value) { return llvm::cast<SOpType>(value.getType()); }

/// The kinds that compare and choose with one another: numeric, string, bool.
enum class Kind { Numeric, String, Bool, Invalid };

static Kind kindOf(Type elementType) {
  if (elementType.isInteger(64) || elementType.isF64())
    return Kind::Numeric;
  if (elementType.isInteger(1))
    return Kind::Bool;
  if (llvm::isa<StringType>(elementType))
    return Kind::String;
  return Kind::Invalid;
}

static StringRef kindName(Type elementType) {
  switch (kindOf(elementType)) {
  case Kind::Numeric: return elementType.isF64() ? "float" : "int";
  case Kind::String: return "string";
  case Kind::Bool: return "bool";
  case Kind::Invalid: break;
  }
  return "invalid";
}

LogicalResult ConstantOp::verify() {
  Type attrType = getScalarAttrElementType(getValue());
  if (!attrType)
    return emitOpError("value must be an i64 integer, f64 float, bool or "
                       "string attribute");
  Type elementType = sopType(getResult()).getElementType();
  if (attrType != elementType)
    return emitOpError("value of type ")
           << kindName(attrType) << " does not match the result element type "
           << elementType;
  return success();
}

template <typename ArithOp>
static LogicalResult verifyArith(ArithOp op, bool alwaysFloat, bool mayBeInt) {
  bool bothInt = sopType(op.getLhs()).isInt() && sopType(op.getRhs()).isInt();
  bool resultFloat = sopType(op.getResult()).isFloat();
  if (alwaysFloat && !resultFloat)
    return op.emitOpError("result must be a float s-op (true division)");
  if (!bothInt && !resultFloat)
    return op.emitOpError("result must be a float s-op when an operand is float");
  if (bothInt && resultFloat && !alwaysFloat && !mayBeInt)
    return op.emitOpError("result must be an int s-op when both operands are int");
  return success();
}

LogicalResult AddOp::verify() { return verifyArith(*this, false, false); }
LogicalResult SubOp::verify() { return verifyArith(*this, false, false); }
LogicalResult MulOp::verify() { return verifyArith(*this, false, false); }
LogicalResult DivOp::verify() { return verifyArith(*this, true, false); }
LogicalResult ModOp::verify() { return verifyArith(*this, false, false); }
// int ^ int may be float: a negative exponent gives a float in Python.
LogicalResult PowOp::verify() { return verifyArith(*this, false, true); }

LogicalResult CmpOp::verify() {
  Type lhs = sopType(getLhs()).getElementType();
  Type rhs = sopType(getRhs()).getElementType();
  if (kindOf(lhs) != kindOf(rhs))
    return emitOpError("cannot compare a ")
           << kindName(lhs) << " s-op with a " << kindName(rhs) << " s-op";
  return success();
}

LogicalResult WhereOp::verify() {
  Type lhs = sopType(getTrueValue()).getElementType();
  Type rhs = sopType(getFalseValue()).getElementType();
  Type result = sopType(getResult()).getElementType();
  if (kindOf(lhs) != kindOf(rhs))
    return emitOpError("branches must have one kind, but got ")
           << kindName(lhs) << " and " << kindName(rhs);
  Type expected = lhs;
  if (kindOf(lhs) == Kind::Numeric && lhs != rhs)
    expected = Float64Type::get(getContext());
  if (result != expected)
    return emitOpError("result element type must be ") << expected;
  return success();
}

LogicalResult MemberOp::verify() {
  for (Attribute element : getElements())
    if (!getScalarAttrElementType(element))
      return emitOpError("list elements must be int, float, bool or string "
                         "scalars, but got ")
             << element;
  return success();
}

LogicalResult LookupOp::verify() {
  if (getKeys().size() != getValues().size())
    return emitOpError("has ") << getKeys().size() << " keys but "
                               << getValues().size() << " values";
  Type resultType = sopType(getResult()).getElementType();
  for (Attribute key : getKeys())
    if (!getScalarAttrElementType(key))
      return emitOpError("keys must be int, float, bool or string scalars");
  for (Attribute value : getValues()) {
    Type valueType = getScalarAttrElementType(value);
    bool fits = valueType == resultType ||
                (resultType.isF64() && valueType && valueType.isInteger(64));
    if (!fits)
      return emitOpError("value ") << value << " does not fit the result type "
                                   << resultType;
  }
  return success();
}

LogicalResult SelectOp::verify() {
  Type keys = sopType(getKeys()).getElementType();
  Type queries = sopType(getQueries()).getElementType();
  if (kindOf(keys) != kindOf(queries))
    return emitOpError("cannot compare ")
           << kindName(keys) << " keys with " << kindName(queries) << " queries";
  return success();
}

/// The result and default rules of an aggregate, shared by rasp.gather.
static LogicalResult verifyAggregateTypes(Operation *op, Value valuesValue,
                                          Value resultValue, Attribute defaultValue) {
  SOpType values = sopType(valuesValue);
  Type result = sopType(resultValue).getElementType();
  Type defaultType = getScalarAttrElementType(defaultValue);
  if (!defaultType)
    return op->emitOpError("default must be an int, float, bool or string scalar");
  if (values.isNumeric()) {
    if (!result.isF64())
      return op->emitOpError("a numeric aggregate averages: its result must be "
                             "!rasp.sop<f64>");
    if (kindOf(defaultType) != Kind::Numeric)
      return op->emitOpError("default of a numeric aggregate must be numeric, "
                             "but got ")
             << kindName(defaultType);
    return success();
  }
  if (result != values.getElementType())
    return op->emitOpError("result element type must equal the values' "
                           "element type ")
           << values.getElementType();
  return success();
}

LogicalResult AggregateOp::verify() {
  return verifyAggregateTypes(*this, getValues(), getResult(), getDefaultValueAttr());
}

LogicalResult GatherOp::verify() {
  return verifyAggregateTypes(*this, getValues(), getResult(), getDefaultValueAttr());
}

LogicalResult StableSortOp::verify() {
  SOpType values = sopType(getValues());
  if (sopType(getKeys()).isFloat())
    return emitOpError("keys must be ints, bools or strings, not floats");
  // The aggregate of exactly one selected value: numeric values give a float.
  Type expected = values.isNumeric() ? Float64Type::get(getContext())
                                     : values.getElementType();
  if (sopType(getResult()).getElementType() != expected)
    return emitOpError("result element type must be ") << expected;
  return success();
}

LogicalResult ScanMeanOp::verify() {
  Predicate predicate = getPredicate();
  if (predicate == Predicate::eq || predicate == Predicate::ne)
    return emitOpError("predicate must be an order (lt, le, gt, ge), not ")
           << stringifyPredicate(predicate);
  Type defaultType = getScalarAttrElementType(getDefaultValue());
  if (!defaultType || kindOf(defaultType) != Kind::Numeric)
    return emitOpError("default must be an int or float");
  if (getValues().getType().isFloat() && predicate != Predicate::le &&
      predicate != Predicate::lt)
    return emitOpError("float values need a prefix (le or lt): a suffix summed "
                       "backward would round differently from the reference");
  return success();
}

LogicalResult ScanSumOp::verify() {
  Predicate predicate = getPredicate();
  if (predicate == Predicate::eq || predicate == Predicate::ne)
    return emitOpError("predicate must be an order (lt, le, gt, ge), not ")
           << stringifyPredicate(predicate);
  return success();
}

/// Columns a keyed reduction can sort: ints, bools and strings, compared
/// pairwise with a column of the same kind.
static LogicalResult verifyKeyedColumns(Operation *op, StringRef what,
                                        ValueRange keys, ValueRange queries) {
  if (keys.size() != queries.size())
    return op->emitOpError() << "has " << keys.size() << " " << what
                             << " key columns but " << queries.size()
                             << " query columns";
  for (auto [key, query] : llvm::zip(keys, queries)) {
    Type keyType = sopType(key).getElementType();
    Type queryType = sopType(query).getElementType();
    if (keyType.isF64() || queryType.isF64())
      return op->emitOpError() << what << " columns must be ints, bools or "
                                          "strings, not floats";
    if (kindOf(keyType) != kindOf(queryType))
      return op->emitOpError("cannot compare ")
             << kindName(keyType) << " keys with " << kindName(queryType)
             << " queries";
  }
  return success();
}

/// The result of a runtime-kernel op: without values a selector width
/// (!rasp.sop<i64>, no default); with values an aggregate of int, bool or
/// string values (`floatReason` ends the error for float values).
static LogicalResult verifyKernelResult(Operation *op, Value values, Value result,
                                        Attribute defaultValue, StringRef floatReason) {
  if (!values) {
    if (defaultValue)
      return op->emitOpError("a default needs values");
    if (!sopType(result).getElementType().isInteger(64))
      return op->emitOpError("without values the result is a selector width: "
                             "!rasp.sop<i64>");
    return success();
  }
  if (sopType(values).getElementType().isF64())
    return op->emitOpError("float values are left to the generic kernel") << floatReason;
  return verifyAggregateTypes(op, values, result, defaultValue);
}

LogicalResult KeyedReduceOp::verify() {
  if (failed(verifyKeyedColumns(*this, "equal", getEqualKeys(), getEqualQueries())) ||
      failed(verifyKeyedColumns(*this, "order", getOrderKeys(), getOrderQueries())))
    return failure();
  std::optional<Predicate> order = getOrder();
  if (order.has_value() != !getOrderKeys().empty())
    return emitOpError("an order predicate needs order columns and order "
                       "columns need an order predicate");
  if (order && (*order == Predicate::eq || *order == Predicate::ne))
    return emitOpError("order must be lt, le, gt or ge, not ")
           << stringifyPredicate(*order);
  return verifyKernelResult(*this, getValues(), getResult(), getDefaultValueAttr(),
                            " (their sums depend on the order of addition)");
}

LogicalResult GroupNeighborOp::verify() {
  if (sopType(getGroups()).isFloat())
    return emitOpError("groups must be ints, bools or strings, not floats");
  if (getValues() && !getDefaultValueAttr())
    return emitOpError("values need a default");
  return verifyKernelResult(*this, getValues(), getResult(), getDefaultValueAttr(),
                            ", as for rasp.keyed_reduce");
}

std::optional<int64_t> rasp::getIntConstant(Value value) {
  if (auto constant = value.getDefiningOp<ConstantOp>())
    if (auto attr = llvm::dyn_cast<IntegerAttr>(constant.getValue());
        attr && attr.getType().isInteger(64))
      return attr.getInt();
  return std::nullopt;
}

std::pair<Value, int64_t> rasp::splitIntOffset(Value value) {
  if (auto add = value.getDefiningOp<AddOp>()) {
    if (auto c = getIntConstant(add.getRhs()))
      return {add.getLhs(), *c};
    if (auto c = getIntConstant(add.getLhs()))
      return {add.getRhs(), *c};
  }
  if (auto sub = value.getDefiningOp<SubOp>())
    if (auto c = getIntConstant(sub.getRhs()))
      return {sub.getLhs(), (int64_t)(0 - (uint64_t)*c)};
  return {value, 0};
}

namespace {
/// [lo, hi] in 128 bits: sums and products of i64 bounds cannot overflow it.
struct Interval {
  __int128 lo, hi;
};

/// The range of the int s-op `value` (see getIntBoundAbs); nullopt when
/// unknown or when it leaves the i64 range (the generated code would wrap).
std::optional<Interval> getIntInterval(Value value,
                                       std::optional<std::pair<int64_t, int64_t>> intRange,
                                       unsigned depth) {
  auto type = llvm::dyn_cast<SOpType>(value.getType());
  Operation *def = value.getDefiningOp();
  if (!type || !type.isInt() || !def || depth > 8)
    return std::nullopt;
  const __int128 maxLength = kMaxInputLength;
  auto within = [](Interval range) -> std::optional<Interval> {
    if (range.lo < INT64_MIN || range.hi > INT64_MAX)
      return std::nullopt;
    return range;
  };
  if (llvm::isa<IndicatorOp>(def))
    return Interval{0, 1};
  if (llvm::isa<IndicesOp, LengthOp, SelectorWidthOp>(def))
    return Interval{0, maxLength};
  if (auto keyed = llvm::dyn_cast<KeyedReduceOp>(def))
    return keyed.getValues() ? std::nullopt : std::optional<Interval>({0, maxLength});
  if (auto neighbor = llvm::dyn_cast<GroupNeighborOp>(def))
    return neighbor.getValues() ? std::nullopt : std::optional<Interval>({0, 1});
  if (llvm::isa<TokensOp>(def)) {
    if (!intRange)
      return std::nullopt;
    return Interval{intRange->first, intRange->second};
  }
  if (std::optional<int64_t> constant = getIntConstant(value))
    return Interval{*constant, *constant};
  auto of = [&](Value operand) { return getIntInterval(operand, intRange, depth + 1); };
  if (auto neg = llvm::dyn_cast<NegOp>(def)) {
    std::optional<Interval> a = of(neg.getOperand());
    if (!a)
      return std::nullopt;
    return within({-a->hi, -a->lo});
  }
  if (auto scan = llvm::dyn_cast<ScanSumOp>(def)) {
    // A sum of at most n values, each in [lo, hi].
    std::optional<Interval> a = of(scan.getValues());
    if (!a)
      return std::nullopt;
    return within({std::min<__int128>(0, a->lo * maxLength),
                   std::max<__int128>(0, a->hi * maxLength)});
  }
  if (auto where = llvm::dyn_cast<WhereOp>(def)) {
    std::optional<Interval> a = of(where.getTrueValue()), b = of(where.getFalseValue());
    if (!a || !b)
      return std::nullopt;
    return Interval{std::min(a->lo, b->lo), std::max(a->hi, b->hi)};
  }
  if (!llvm::isa<AddOp, SubOp, MulOp>(def))
    return std::nullopt;
  std::optional<Interval> a = of(def->getOperand(0)), b = of(def->getOperand(1));
  if (!a || !b)
    return std::nullopt;
  if (llvm::isa<AddOp>(def))
    return within({a->lo + b->lo, a->hi + b->hi});
  if (llvm::isa<SubOp>(def))
    return within({a->lo - b->hi, a->hi - b->lo});
  __int128 products[] = {a->lo * b->lo, a->lo * b->hi, a->hi * b->lo, a->hi * b->hi};
  return within({*std::min_element(std::begin(products), std::end(products)),
                 *std::max_element(std::begin(products), std::end(products))});
}
} // namespace

std::optional<std::pair<int64_t, int64_t>>
rasp::getIntRange(Value value, std::optional<std::pair<int64_t, int64_t>> intRange) {
  std::optional<Interval> range = getIntInterval(value, intRange, 0);
  if (!range)
    return std::nullopt;
  return std::make_pair((int64_t)range->lo, (int64_t)range->hi);
}

std::optional<uint64_t>
rasp::getIntBoundAbs(Value value, std::optional<std::pair<int64_t, int64_t>> intRange) {
  std::optional<Interval> range = getIntInterval(value, intRange, 0);
  if (!range)
    return std::nullopt;
  __int128 bound = std::max(-range->lo, range->hi);
  return (uint64_t)bound; // at most 2^63
}

#include "rasp/Dialect/RASP/IR/RASPEnums.cpp.inc"

#define GET_OP_CLASSES
#include "rasp/Dialect/RASP/IR/RASPOps.cpp.inc"

