//===- Input.cpp - Building program inputs --------------------------------===//

#include "rasp/Runtime/Input.h"

#include "llvm/ADT/StringExtras.h"

#include <charconv>
#include <random>

using namespace rasp;

std::optional<std::string> rasp::splitUtf8(llvm::StringRef text,
                                           RaspInput &tokens) {
  tokens = RaspInput();
  size_t i = 0, size = text.size();
  while (i < size) {
    unsigned char lead = text[i];
    size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2
                                   : (lead >> 4) == 0xE ? 3
                                   : (lead >> 3) == 0x1E ? 4 : 0;
    bool valid = length != 0 && i + length <= size;
    for (size_t k = 1; valid && k < length; ++k)
      valid = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
    if (!valid)
      return "input is not valid UTF-8 (byte " + std::to_string(i) + ")";
    tokens.push_back(text.substr(i, length));
    i += length;
  }
  return std::nullopt;
}

std::optional<std::string> rasp::parseIntList(llvm::StringRef text,
                                              std::vector<int64_t> &values) {
  values.clear();
  llvm::SmallVector<llvm::StringRef> parts;
  text.split(parts, ' ', -1, false);
  for (llvm::StringRef chunk : parts) {
    // Any whitespace separates: split the chunk further.
    llvm::SmallVector<llvm::StringRef> words;
    llvm::SplitString(chunk, words, " \t\n\r\v\f");
    for (llvm::StringRef word : words) {
      int64_t value;
      const char *end = word.data() + word.size();
      const char *begin = word.data();
      if (*begin == '+')
        ++begin;
      auto [ptr, ec] = std::from_chars(begin, end, value);
      if (ec != std::errc() || ptr != end)
        return "'" + word.str() + "' is not a 64-bit integer";
      values.push_back(value);
    }
  }
  return std::nullopt;
}

RaspInput rasp::makeIntInput(std::vector<int64_t> values) {
  return RaspInput(std::move(values));
}

RaspInput rasp::makeRandomInput(size_t n,
                                const std::vector<std::string> &vocabulary,
                                uint64_t seed) {
  RaspInput input;
  if (vocabulary.empty())
    return input;
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<size_t> pick(0, vocabulary.size() - 1);
  for (size_t i = 0; i < n; ++i)
    input.push_back(vocabulary[pick(rng)]);
  return input;
}

RaspInput rasp::makeRandomIntInput(size_t n, int64_t lo, int64_t hi,
                                   uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<int64_t> pick(lo, hi);
  std::vector<int64_t> values(n);
  for (int64_t &value : values)
    value = pick(rng);
  return makeIntInput(std::move(values));
}
