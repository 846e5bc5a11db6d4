//===- RASPToLinalg.h - Lower rasp to linalg on tensors ---------*- C++ -*-===//

#ifndef RASP_CONVERSION_RASPTOLINALG_RASPTOLINALG_H
#define RASP_CONVERSION_RASPTOLINALG_RASPTOLINALG_H

#include "rasp/Dialect/RASP/Transforms/StringValueSets.h"

#include "mlir/Transforms/DialectConversion.h"
#include "llvm/ADT/StringMap.h"

#include <optional>
#include <utility>

namespace rasp {

/// The external function generated code calls on a run-time error:
/// `void rasp_runtime_error(i64 code, i64 op_id, i64 position)`.
inline constexpr llvm::StringLiteral kRuntimeErrorFunctionName =
    "rasp_runtime_error";

/// Not an error: an output aggregate whose default has another kind than its
/// values took the default at every position; the caller prints the default.
inline constexpr int64_t kAllDefaultNotice = 100;

/// Arguments of a lowered output function, in order: the input read as string
/// ids, ints, floats and bools, then the output buffer.
enum LoweredArgument : unsigned {
  kTokensStringArg = 0,
  kTokensIntArg = 1,
  kTokensFloatArg = 2,
  kTokensBoolArg = 3,
  kOutputArg = 4,
};

/// Module attribute [min, max] (two i64): every int the input holds (what
/// tokens_int reads) lies in this range. The driver knows the input before it
/// compiles; the select kernels then compare int keys in 32 bits where every
/// compared value provably fits.
inline constexpr llvm::StringLiteral kIntRangeAttrName = "rasp.int_range";

/// Module attribute (a type): how the output functions' buffers store string
/// ids, the input's and the output's (see getStringStorageType).
inline constexpr llvm::StringLiteral kStringStorageAttrName = "rasp.string_storage";

/// Module attribute: a dictionary from each output function's name to the
/// element type of its output buffer, which can be narrower than the s-op's
/// lowered type (string ids in i8, ints that provably fit in i32). The
/// driver reads it to size the buffer and to widen what it reads back.
inline constexpr llvm::StringLiteral kOutputStorageAttrName = "rasp.output_storage";

/// Marks an element-wise generic that only widens a narrower stored column
/// (the input's i8 string ids, a kernel's 32-bit counts) to the s-op's
/// lowered type. Kernel calls read the narrow column through it, and it
/// fuses into everything else: the wide column is never stored.
inline constexpr llvm::StringLiteral kWidenedAttrName = "rasp.widened";

/// Marks an element-wise generic that looks up each position's byte in a
/// 256-entry table (a byte-table reduction's result, rasp/Runtime/
/// ByteTable.h). A later byte-table reduction keyed on it reads the bytes
/// and the table, not an n-element column; everything else fuses it.
inline constexpr llvm::StringLiteral kByteLookupAttrName = "rasp.byte_lookup";

/// Marks the element-wise generic of a byte-table reduction with an order on
/// the positions: 1 where positions[bytes[i]] `order` i (the attribute's
/// value, rasp_byte_table's order code), else 0. The stable sort's table
/// path takes it as the one bit its tables may depend on besides the byte.
inline constexpr llvm::StringLiteral kPositionCompareAttrName = "rasp.position_compare";

/// Marks a kPositionCompareAttrName generic that is 0 at exactly one
/// position per byte that occurs (its first occurrence for `lt`, its last
/// for `gt`) and 1 at the others: the reduction it came from had the same
/// byte column as keys and queries, compared for equality, and no key mask
/// (seen_before). A function of (byte, this bit) then has per-byte counts
/// that follow from the byte histogram alone.
inline constexpr llvm::StringLiteral kPositionCompareExtremeAttrName =
    "rasp.position_compare_extreme";

/// How buffers store string ids: i8 when the table has at most 127 strings
/// (ids stay non-negative when sign-extended), else i32. Inside the generated
/// code ids are i32 (getLoweredElementType); only the input, the output and
/// the runtime kernels' columns are narrow: they are what moves through
/// memory at large n.
mlir::Type getStringStorageType(mlir::MLIRContext *ctx, size_t tableSize);

/// What the patterns need beyond the op: string ids and, for concatenation
/// tables, the strings each s-op can hold.
struct RASPLoweringState {
  llvm::StringMap<int64_t> stringIds;
  StringValueSets stringSets;
  /// The element type of the input's string ids (getStringStorageType).
  mlir::Type stringStorageType;
  /// Outputs in the narrowest type that holds their values (and string ids
  /// as stringStorageType): the pass's narrow-storage option.
  bool narrowStorage = true;
  /// keyed_reduce ops over byte columns reduce per byte value: the pass's
  /// byte-tables option.
  bool byteTables = true;
  /// The input ints' range (rasp.int_range), when the module gives one.
  std::optional<std::pair<int64_t, int64_t>> intRange;

  /// The id of `str`, or -1 when the table lacks it.
  int64_t getStringId(llvm::StringRef str) const {
    auto it = stringIds.find(str);
    return it == stringIds.end() ? -1 : it->second;
  }
};

/// s-ops become tensor<?xT>: i64, f64, i1, and i32 ids for strings.
class RASPToLinalgTypeConverter : public mlir::TypeConverter {
public:
  RASPToLinalgTypeConverter();
};

/// The lowered element type of an s-op element type (strings are i32 ids).
mlir::Type getLoweredElementType(mlir::Type raspElementType);

/// Element-wise maps, inputs and constants.
void populateRASPElementwiseToLinalgPatterns(
    const mlir::TypeConverter &converter, mlir::RewritePatternSet &patterns,
    const RASPLoweringState &state);

/// aggregate and selector_width, fused with the selector tree feeding them.
void populateRASPSelectorToLinalgPatterns(const mlir::TypeConverter &converter,
                                          mlir::RewritePatternSet &patterns,
                                          const RASPLoweringState &state);

/// rasp.scan_mean and rasp.scan_sum (made by rasp-optimize-selects) as
/// running-sum loops.
void populateRASPScanToLinalgPatterns(const mlir::TypeConverter &converter,
                                      mlir::RewritePatternSet &patterns,
                                      const RASPLoweringState &state);

/// rasp.keyed_reduce (made by rasp-optimize-selects) as a call of the
/// runtime's counting / radix-sort kernel.
void populateRASPKeyedReduceToLinalgPatterns(
    const mlir::TypeConverter &converter, mlir::RewritePatternSet &patterns,
    const RASPLoweringState &state);

/// All of the above.
void populateRASPToLinalgPatterns(const mlir::TypeConverter &converter,
                                  mlir::RewritePatternSet &patterns,
                                  const RASPLoweringState &state);

} // namespace rasp

#endif // RASP_CONVERSION_RASPTOLINALG_RASPTOLINALG_H
