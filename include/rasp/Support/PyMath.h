//===- PyMath.h - Python's arithmetic on int64 and double -------*- C++ -*-===//
//
// RASP values follow Python: floored % and //, round half to even, true
// division. These helpers are shared by the folders, the front end's
// compile-time evaluation and the reference interpreter so that all three
// agree with the generated code.
//
//===----------------------------------------------------------------------===//

#ifndef RASP_SUPPORT_PYMATH_H
#define RASP_SUPPORT_PYMATH_H

#include <cmath>
#include <cstdint>
#include <optional>

namespace rasp::py {

/// Python's a % b for ints (sign of the divisor). b must be non-zero.
inline int64_t floorMod(int64_t a, int64_t b) {
  if (b == -1)
    return 0; // avoids INT64_MIN % -1 overflow
  int64_t r = a % b;
  if (r != 0 && ((r < 0) != (b < 0)))
    r += b;
  return r;
}

/// Python's a % b for floats. b must be non-zero.
inline double floorMod(double a, double b) {
  double r = std::fmod(a, b);
  if (r != 0 && ((r < 0) != (b < 0)))
    r += b;
  else if (r == 0)
    r = std::copysign(0.0, b);
  return r;
}

/// Python's round(x): half to even, as an int.
inline double roundHalfEven(double x) { return std::nearbyint(x); }

/// Python's int ** int with a non-negative exponent (wraps on overflow).
inline int64_t ipow(int64_t base, int64_t exp) {
  uint64_t result = 1, b = static_cast<uint64_t>(base);
  while (exp > 0) {
    if (exp & 1)
      result *= b;
    b *= b;
    exp >>= 1;
  }
  return static_cast<int64_t>(result);
}

} // namespace rasp::py

#endif // RASP_SUPPORT_PYMATH_H
