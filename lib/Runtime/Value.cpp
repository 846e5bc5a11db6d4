//===- Value.cpp - Run-time s-op values, inputs and their printing --------===//

#include "rasp/Runtime/Value.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Format.h"

#include <charconv>
#include <cmath>
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
  case ElemKind::String: return strings.size();
  }
  return 0;
}

std::optional<std::string> rasp::readInts(const RaspInput &input,
                                          std::vector<int64_t> &out) {
  if (input.ints) {
    out = *input.ints;
    return std::nullopt;
  }
  out.resize(input.size());
  for (size_t i = 0; i < input.size(); ++i) {
    const std::string &token = input.tokens[i];
    const char *end = token.data() + token.size();
    auto [ptr, ec] = std::from_chars(token.data(), end, out[i]);
    if (ec != std::errc() || ptr != end)
      return "tokens_int: the token '" + token + "' at position " +
             std::to_string(i) + " is not an integer";
  }
  return std::nullopt;
}

std::optional<std::string> rasp::readFloats(const RaspInput &input,
                                            std::vector<double> &out) {
  out.resize(input.size());
  if (input.ints) {
    for (size_t i = 0; i < input.size(); ++i)
      out[i] = static_cast<double>((*input.ints)[i]);
    return std::nullopt;
  }
  for (size_t i = 0; i < input.size(); ++i) {
    const std::string &token = input.tokens[i];
    char *end = nullptr;
    out[i] = token.empty() ? 0 : std::strtod(token.c_str(), &end);
    if (token.empty() || end != token.c_str() + token.size())
      return "tokens_float: the token '" + token + "' at position " +
             std::to_string(i) + " is not a number";
  }
  return std::nullopt;
}

std::optional<std::string> rasp::readBools(const RaspInput &input,
                                           std::vector<uint8_t> &out) {
  out.resize(input.size());
  for (size_t i = 0; i < input.size(); ++i) {
    if (input.ints) {
      out[i] = (*input.ints)[i] != 0;
      continue;
    }
    const std::string &token = input.tokens[i];
    if (token == "1" || token == "T" || token == "True" || token == "true")
      out[i] = 1;
    else if (token == "0" || token == "F" || token == "False" || token == "false")
      out[i] = 0;
    else
      return "tokens_bool: the token '" + token + "' at position " +
             std::to_string(i) + " is not a bool (1/0, T/F, True/False)";
  }
  return std::nullopt;
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
    case ElemKind::String: printJsonString(value.strings[i], os); break;
    }
  }
  os << "]\n";
}

static void printPythonString(llvm::StringRef str, llvm::raw_ostream &os) {
  char quote = str.contains('\'') && !str.contains('"') ? '"' : '\'';
  os << quote;
  for (unsigned char c : str) {
    if (c == '\\' || c == (unsigned char)quote)
      os << '\\' << c;
    else if (c == '\n')
      os << "\\n";
    else if (c == '\t')
      os << "\\t";
    else if (c < 0x20)
      os << llvm::format("\\x%02x", c);
    else
      os << c;
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
    case ElemKind::String: printPythonString(value.strings[i], os); break;
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
    case ElemKind::String: os << value.strings[i]; break;
    }
    os << '\n';
  }
}
