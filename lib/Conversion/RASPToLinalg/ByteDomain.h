//===- ByteDomain.h - Element-wise functions of a byte column as tables -*- C++ -*-===//
//
// An s-op computed element-wise from one byte column (a small table's i8
// string ids) takes at most 256 values, one per byte. ByteDomainEvaluator
// finds the byte column behind a lowered tensor and computes the s-op's
// value at each byte: it clones the element-wise generics that compute the
// tensor onto a 256-element tensor of the bytes 0..255. Runtime kernels then
// read the byte column and a 256-entry table instead of an n-element column.
//
//===----------------------------------------------------------------------===//

#ifndef RASP_LIB_CONVERSION_RASPTOLINALG_BYTEDOMAIN_H
#define RASP_LIB_CONVERSION_RASPTOLINALG_BYTEDOMAIN_H

#include "mlir/IR/Builders.h"
#include "llvm/ADT/DenseMap.h"

namespace rasp::lowering {

class ByteDomainEvaluator {
public:
  /// With `withBit`, the tables may also depend on one position comparison
  /// of the same bytes (a generic marked kPositionCompareAttrName, such as
  /// seen_before's "the first equal token comes before me"): they then have
  /// 512 entries, byte b at b and b + 256, the comparison false and true.
  ByteDomainEvaluator(mlir::OpBuilder &builder, mlir::Location loc, bool withBit = false)
      : builder(builder), loc(loc), withBit(withBit) {}

  /// The tensor<256xi64> (or <512xi64>, withBit) of `tensor`'s value at each
  /// byte (bools 0/1, ints sign-extended), or null when `tensor` is not an
  /// element-wise function of one byte column (the same column for every
  /// call on this evaluator), or its generics hold ops that could trap on a
  /// byte that does not occur (divisions, look-ups).
  mlir::Value getTable(mlir::Value tensor);

  /// The byte column (tensor<?xi8>) the tables are functions of; null
  /// before the first successful getTable.
  mlir::Value getBytes() const { return bytes; }

  /// The position comparison the tables depend on (withBit), or null.
  mlir::Operation *getBit() const { return bit; }

private:
  /// 256 bytes, or each byte with the bit false and true.
  int64_t getDomainSize() const { return withBit ? 512 : 256; }

  /// `tensor` computed on the domain (tensor<?xT> of 256 or 512 elements).
  mlir::Value evaluate(mlir::Value tensor, unsigned depth);

  mlir::OpBuilder &builder;
  mlir::Location loc;
  bool withBit;
  mlir::Value bytes;
  mlir::Operation *bit = nullptr;
  llvm::DenseMap<mlir::Value, mlir::Value> onBytes;
};

} // namespace rasp::lowering

#endif // RASP_LIB_CONVERSION_RASPTOLINALG_BYTEDOMAIN_H
