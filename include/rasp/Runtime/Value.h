//===- Value.h - Run-time s-op values, inputs and their printing -*- C++ -*-===//
//
// Shared by the JIT driver and the reference interpreter so that both read
// inputs and print outputs identically: a difference between them is then
// always a difference in computed values.
//
//===----------------------------------------------------------------------===//

#ifndef RASP_RUNTIME_VALUE_H
#define RASP_RUNTIME_VALUE_H

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace rasp {

enum class ElemKind { Int, Float, Bool, String };

/// The kind of an s-op element type (i64, f64, i1, !rasp.string).
llvm::StringRef getElemKindName(ElemKind kind);

/// The values of one s-op over the whole input.
struct SOpValue {
  ElemKind kind = ElemKind::Int;
  std::vector<int64_t> ints;        // kind == Int
  std::vector<double> floats;       // kind == Float
  std::vector<uint8_t> bools;       // kind == Bool (0 or 1)
  std::vector<std::string> strings; // kind == String
  // Or, for strings, ids into a table that outlives the value (the JIT's
  // output: no string copied per position).
  std::vector<int32_t> stringIds;
  const std::vector<std::string> *stringTable = nullptr;

  const std::string &stringAt(size_t i) const {
    return stringTable ? (*stringTable)[stringIds[i]] : strings[i];
  }
  size_t size() const;
};

/// The program input: one token per position, stored as an index into the
/// distinct spellings (`vocabulary`, in order of first appearance): 4 bytes
/// per token however long the input, and every per-string step (the string
/// table, parsing ints) runs once per distinct token. `ints` is set when the
/// input was given as integers (--ints, --random-ints); the spellings are
/// then made on first use, since programs reading `tokens_int` never need
/// them.
class RaspInput {
public:
  RaspInput() = default;
  /// An input of integers; `tokens` sees their decimal spellings.
  explicit RaspInput(std::vector<int64_t> values) : ints(std::move(values)) {}

  size_t size() const { return ints ? ints->size() : tokenIds.size(); }

  /// Appends one token (text inputs, random inputs).
  void push_back(llvm::StringRef token);

  /// The distinct spellings and, per position, the index of its spelling.
  const std::vector<std::string> &getVocabulary() const;
  const std::vector<uint32_t> &getTokenIds() const;
  const std::string &token(size_t i) const {
    return getVocabulary()[getTokenIds()[i]];
  }

  std::optional<std::vector<int64_t>> ints;

private:
  void makeSpellings() const;

  mutable std::vector<std::string> vocabulary;
  mutable std::vector<uint32_t> tokenIds;
  mutable bool spelled = false;
  // Index of each spelling, for push_back (single bytes: a direct table).
  std::vector<int32_t> byteIds = std::vector<int32_t>(256, -1);
  llvm::StringMap<uint32_t> longIds;
};

/// The input read as ints (`tokens_int`), floats (`tokens_float`) or bools
/// (`tokens_bool`). A token that is not a valid spelling of that type is an
/// error, returned as a message naming the position.
std::optional<std::string> readInts(const RaspInput &input,
                                    std::vector<int64_t> &out);
std::optional<std::string> readFloats(const RaspInput &input,
                                      std::vector<double> &out);
std::optional<std::string> readBools(const RaspInput &input,
                                     std::vector<uint8_t> &out);

/// Python's repr of a float (shortest round-trip digits; `2.0`, `0.5`,
/// `1e-05`, `1e+16`, `inf`, `nan`).
std::string formatFloat(double value);

/// One JSON array: numbers, strings (escaped), true/false.
void printJson(const SOpValue &value, llvm::raw_ostream &os);
/// Python's repr of the list: [1, 2.5, 'a', True].
void printText(const SOpValue &value, llvm::raw_ostream &os);
/// One value per line (strings raw, bools as true/false).
void printLines(const SOpValue &value, llvm::raw_ostream &os);

} // namespace rasp

#endif // RASP_RUNTIME_VALUE_H
