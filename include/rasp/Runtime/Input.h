//===- Input.h - Building program inputs ------------------------*- C++ -*-===//
//
// The ways rasp-run takes an input (text, a file, integers, random tokens),
// shared with the benchmarks and the differential tester.
//
//===----------------------------------------------------------------------===//

#ifndef RASP_RUNTIME_INPUT_H
#define RASP_RUNTIME_INPUT_H

#include "rasp/Runtime/Value.h"

#include <optional>
#include <string>
#include <vector>

namespace rasp {

/// Splits UTF-8 text into one token per character (code point). Returns an
/// error message naming the byte offset of the first invalid sequence.
std::optional<std::string> splitUtf8(llvm::StringRef text, RaspInput &tokens);

/// Parses whitespace-separated integers. Returns an error message naming the
/// first token that is not a 64-bit integer.
std::optional<std::string> parseIntList(llvm::StringRef text,
                                        std::vector<int64_t> &values);

/// Integer tokens: `tokens_int` reads the values, `tokens` their decimal
/// spellings.
RaspInput makeIntInput(std::vector<int64_t> values);

/// n tokens drawn uniformly from `vocabulary` (a deterministic function of
/// the seed).
RaspInput makeRandomInput(size_t n, const std::vector<std::string> &vocabulary,
                          uint64_t seed);

/// n integers drawn uniformly from [lo, hi].
RaspInput makeRandomIntInput(size_t n, int64_t lo, int64_t hi, uint64_t seed);

} // namespace rasp

#endif // RASP_RUNTIME_INPUT_H
