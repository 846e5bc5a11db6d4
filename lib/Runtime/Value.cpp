//===- Value.cpp - Run-time s-op values, inputs and their printing --------===//

#include "rasp/Runtime/Value.h"

#include "llvm/ADT/DenseMap.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/Format.h"

#include <charconv>
#include <cmath>
#include <optional>
#include <cstdlib>

using namespace rasp;

llvm::StringRef rasp::getElemKindName(ElemKind kind) {
  switch (kind) {
  case ElemKind::Int: return "int";
  case ElemKind::Float: return "float";
  case ElemKind::Bool: return "bool";
  case ElemKind::String: return "string";
  }
  return "?";
}

size_t SOpValue::size() const {
  switch (kind) {
  case ElemKind::Int: return ints.size();
  case ElemKind::Float: return floats.size();
  case ElemKind::Bool: return bools.size();
  case ElemKind::String: return stringTable ? stringIds.size() : strings.size();
  }
  return 0;
}

void RaspInput::push_back(llvm::StringRef token) {
  int32_t *slot = token.size() == 1 ? &byteIds[(unsigned char)token[0]] : nullptr;
  uint32_t id;
  if (slot && *slot >= 0) {
    id = *slot;
  } else {
    auto [it, inserted] = longIds.try_emplace(token, (uint32_t)vocabulary.size());
    id = it->second;
    if (inserted)
      vocabulary.push_back(token.str());
    if (slot)
      *slot = (int32_t)id;
  }
  tokenIds.push_back(id);
}

void RaspInput::makeSpellings() const {
  if (spelled || !ints)
    return;
  spelled = true;
  llvm::DenseMap<int64_t, uint32_t> idOf;
  tokenIds.resize(ints->size());
  for (size_t i = 0; i < ints->size(); ++i) {
    auto [it, inserted] = idOf.try_emplace((*ints)[i], (uint32_t)vocabulary.size());
    if (inserted)
      vocabulary.push_back(std::to_string((*ints)[i]));
    tokenIds[i] = it->second;
  }
}

const std::vector<std::string> &RaspInput::getVocabulary() const {
  makeSpellings();
  return vocabulary;
}

const std::vector<uint32_t> &RaspInput::getTokenIds() const {
  makeSpellings();
  return tokenIds;
}

namespace {
/// Parses every distinct spelling once, then fills `out` by position. The
/// error names the first position holding a spelling that does not parse.
template <typename T, typename ParseFn>
std::optional<std::string> readTokens(const RaspInput &input, std::vector<T> &out,
                                      ParseFn parse, llvm::StringRef what) {
  const std::vector<std::string> &vocabulary = input.getVocabulary();
  const std::vector<uint32_t> &ids = input.getTokenIds();
  std::vector<T> parsed(vocabulary.size());
  std::vector<uint8_t> valid(vocabulary.size());
  for (size_t v = 0; v < vocabulary.size(); ++v)
    valid[v] = parse(vocabulary[v], parsed[v]);
  out.resize(ids.size());
  for (size_t i = 0; i < ids.size(); ++i) {
    if (!valid[ids[i]])
      return what.str() + ": the token '" + vocabulary[ids[i]] + "' at position " +
             std::to_string(i) + " is not " +
             (what == "tokens_int"     ? "an integer"
              : what == "tokens_float" ? "a number"
                                       : "a bool (1/0, T/F, True/False)");
    out[i] = parsed[ids[i]];
  }
  return std::nullopt;
}
} // namespace

std::optional<std::string> rasp::readInts(const RaspInput &input,
                                          std::vector<int64_t> &out) {
  if (input.ints) {
    out = *input.ints;
    return std::nullopt;
  }
  return readTokens(
      input, out,
      [](const std::string &token, int64_t &value) {
        const char *end = token.data() + token.size();
        auto [ptr, ec] = std::from_chars(token.data(), end, value);
        return ec == std::errc() && ptr == end;
      },
      "tokens_int");
}

std::optional<std::string> rasp::readFloats(const RaspInput &input,
                                            std::vector<double> &out) {
  if (input.ints) {
    out.resize(input.size());
    for (size_t i = 0; i < input.size(); ++i)
      out[i] = static_cast<double>((*input.ints)[i]);
    return std::nullopt;
  }
  return readTokens(
      input, out,
      [](const std::string &token, double &value) {
        char *end = nullptr;
        value = token.empty() ? 0 : std::strtod(token.c_str(), &end);
        return !token.empty() && end == token.c_str() + token.size();
      },
      "tokens_float");
}

std::optional<std::string> rasp::readBools(const RaspInput &input,
                                           std::vector<uint8_t> &out) {
  if (input.ints) {
    out.resize(input.size());
    for (size_t i = 0; i < input.size(); ++i)
      out[i] = (*input.ints)[i] != 0;
    return std::nullopt;
  }
  return readTokens(
      input, out,
      [](const std::string &token, uint8_t &value) {
        if (token == "1" || token == "T" || token == "True" || token == "true")
          value = 1;
        else if (token == "0" || token == "F" || token == "False" || token == "false")
          value = 0;
        else
          return false;
        return true;
      },
      "tokens_bool");
}

std::string rasp::formatFloat(double value) {
  if (std::isnan(value))
    return "nan";
  if (std::isinf(value))
    return value > 0 ? "inf" : "-inf";
  // Shortest round-trip digits in scientific form, then laid out as Python's
  // repr does: positional when -4 <= exponent < 16.
  char buf[64];
  auto result = std::to_chars(buf, buf + sizeof(buf), value,
                              std::chars_format::scientific);
  std::string sci(buf, result.ptr);
  size_t ePos = sci.find('e');
  std::string mantissa = sci.substr(0, ePos);
  int exponent = std::atoi(sci.c_str() + ePos + 1);
  bool negative = mantissa[0] == '-';
  if (negative)
    mantissa.erase(0, 1);
  std::string digits;
  for (char c : mantissa)
    if (c != '.')
      digits += c;
  std::string out = negative ? "-" : "";
  if (exponent >= -4 && exponent < 16) {
    if (exponent < 0) {
      out += "0." + std::string(-exponent - 1, '0') + digits;
    } else if ((int)digits.size() <= exponent + 1) {
      out += digits + std::string(exponent + 1 - digits.size(), '0') + ".0";
    } else {
      out += digits.substr(0, exponent + 1) + "." + digits.substr(exponent + 1);
    }
    return out;
  }
  out += digits.substr(0, 1);
  if (digits.size() > 1)
    out += "." + digits.substr(1);
  char expBuf[16];
  std::snprintf(expBuf, sizeof(expBuf), "e%c%02d", exponent < 0 ? '-' : '+',
                std::abs(exponent));
  return out + expBuf;
}

static void printJsonString(llvm::StringRef str, llvm::raw_ostream &os) {
  os << '"';
  for (unsigned char c : str) {
    switch (c) {
    case '"': os << "\\\""; break;
    case '\\': os << "\\\\"; break;
    case '\n': os << "\\n"; break;
    case '\t': os << "\\t"; break;
    case '\r': os << "\\r"; break;
    default:
      if (c < 0x20)
        os << llvm::format("\\u%04x", c);
      else
        os << c;
    }
  }
  os << '"';
}

/// JSON has no nan or inf: they print as null.
static void printJsonFloat(double value, llvm::raw_ostream &os) {
  if (!std::isfinite(value))
    os << "null";
  else
    os << formatFloat(value);
}

void rasp::printJson(const SOpValue &value, llvm::raw_ostream &os) {
  os << '[';
  for (size_t i = 0, e = value.size(); i < e; ++i) {
    if (i)
      os << ", ";
    switch (value.kind) {
    case ElemKind::Int: os << value.ints[i]; break;
    case ElemKind::Float: printJsonFloat(value.floats[i], os); break;
    case ElemKind::Bool: os << (value.bools[i] ? "true" : "false"); break;
    case ElemKind::String: printJsonString(value.stringAt(i), os); break;
    }
  }
  os << "]\n";
}

/// Code points Python's repr escapes besides the ASCII controls: the C1
/// controls, and the separators and format characters a string of tokens
/// may plausibly hold (str.isprintable() is false for all of them).
static bool isUnprintable(uint32_t cp) {
  return (cp >= 0x7f && cp <= 0xa0) || cp == 0xad || cp == 0x1680 ||
         (cp >= 0x2000 && cp <= 0x200f) || (cp >= 0x2028 && cp <= 0x202f) ||
         (cp >= 0x205f && cp <= 0x2064) || cp == 0x3000 || cp == 0xfeff;
}

/// The code point of the UTF-8 sequence at str[i] and its length, or
/// nothing for a malformed one (printed byte by byte).
static std::optional<std::pair<uint32_t, size_t>> decodeUtf8(llvm::StringRef str, size_t i) {
  auto *begin = reinterpret_cast<const llvm::UTF8 *>(str.data() + i);
  const llvm::UTF8 *next = begin;
  llvm::UTF32 codePoint;
  if (llvm::convertUTF8Sequence(&next, reinterpret_cast<const llvm::UTF8 *>(str.end()),
                                &codePoint, llvm::strictConversion) != llvm::conversionOK)
    return std::nullopt;
  return std::make_pair((uint32_t)codePoint, (size_t)(next - begin));
}

static void printPythonString(llvm::StringRef str, llvm::raw_ostream &os) {
  char quote = str.contains('\'') && !str.contains('"') ? '"' : '\'';
  os << quote;
  for (size_t i = 0; i < str.size();) {
    unsigned char c = str[i];
    auto decoded = decodeUtf8(str, i);
    size_t length = decoded ? decoded->second : 1;
    if (c == '\\' || c == (unsigned char)quote)
      os << '\\' << c;
    else if (c == '\n')
      os << "\\n";
    else if (c == '\t')
      os << "\\t";
    else if (c == '\r')
      os << "\\r";
    else if (c < 0x20)
      os << llvm::format("\\x%02x", c);
    else if (decoded && isUnprintable(decoded->first))
      os << llvm::format(decoded->first < 0x100 ? "\\x%02x" : "\\u%04x", decoded->first);
    else
      os << str.substr(i, length);
    i += length;
  }
  os << quote;
}

void rasp::printText(const SOpValue &value, llvm::raw_ostream &os) {
  os << '[';
  for (size_t i = 0, e = value.size(); i < e; ++i) {
    if (i)
      os << ", ";
    switch (value.kind) {
    case ElemKind::Int: os << value.ints[i]; break;
    case ElemKind::Float: os << formatFloat(value.floats[i]); break;
    case ElemKind::Bool: os << (value.bools[i] ? "True" : "False"); break;
    case ElemKind::String: printPythonString(value.stringAt(i), os); break;
    }
  }
  os << "]\n";
}

void rasp::printLines(const SOpValue &value, llvm::raw_ostream &os) {
  for (size_t i = 0, e = value.size(); i < e; ++i) {
    switch (value.kind) {
    case ElemKind::Int: os << value.ints[i]; break;
    case ElemKind::Float: os << formatFloat(value.floats[i]); break;
    case ElemKind::Bool: os << (value.bools[i] ? "true" : "false"); break;
    case ElemKind::String: os << value.stringAt(i); break;
    }
    os << '\n';
  }
}
