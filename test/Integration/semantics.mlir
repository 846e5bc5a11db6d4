// The semantics decisions of docs/interpreter.md, one function per rule, run
// through the reference interpreter (--interpret) and through the JIT: both
// must give the values written here.

// RUN: rasp-run %s --sop mod --ints "-3 -1 0 5 7" --interpret --format json | FileCheck %s --check-prefix=MOD
// RUN: rasp-run %s --sop mod --ints "-3 -1 0 5 7" --format json | FileCheck %s --check-prefix=MOD
// MOD: [1, 3, 0, 1, 3]
func.func @mod() -> !rasp.sop<i64> {
  %t = rasp.tokens : !rasp.sop<i64>
  %c = rasp.constant 4 : !rasp.sop<i64>
  %r = rasp.mod %t, %c : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  return %r : !rasp.sop<i64>
}

// RUN: rasp-run %s --sop mod_neg --ints "-3 3 5" --interpret --format json | FileCheck %s --check-prefix=MODNEG
// RUN: rasp-run %s --sop mod_neg --ints "-3 3 5" --format json | FileCheck %s --check-prefix=MODNEG
// MODNEG: [-3, -1, -3]
func.func @mod_neg() -> !rasp.sop<i64> {
  %t = rasp.tokens : !rasp.sop<i64>
  %c = rasp.constant -4 : !rasp.sop<i64>
  %r = rasp.mod %t, %c : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  return %r : !rasp.sop<i64>
}

// (indices - 3.5) % 2: -3.5 % 2 == 0.5 in Python.
// RUN: rasp-run %s --sop fmod --input abcd --interpret --format json | FileCheck %s --check-prefix=FMOD
// RUN: rasp-run %s --sop fmod --input abcd --format json | FileCheck %s --check-prefix=FMOD
// FMOD: [0.5, 1.5, 0.5, 1.5]
func.func @fmod() -> !rasp.sop<f64> {
  %i = rasp.indices : !rasp.sop<i64>
  %h = rasp.constant 3.5 : !rasp.sop<f64>
  %x = rasp.sub %i, %h : !rasp.sop<i64>, !rasp.sop<f64> -> !rasp.sop<f64>
  %c = rasp.constant 2 : !rasp.sop<i64>
  %r = rasp.mod %x, %c : !rasp.sop<f64>, !rasp.sop<i64> -> !rasp.sop<f64>
  return %r : !rasp.sop<f64>
}

// RUN: rasp-run %s --sop div --ints "3 4 -8" --interpret --format json | FileCheck %s --check-prefix=DIV
// RUN: rasp-run %s --sop div --ints "3 4 -8" --format json | FileCheck %s --check-prefix=DIV
// DIV: [0.6666666666666666, 0.5, -0.25]
// RUN: not rasp-run %s --sop div --ints "4 -3 0 0" --interpret 2>&1 | FileCheck %s --check-prefix=DIV0
// RUN: not rasp-run %s --sop div --ints "4 -3 0 0" 2>&1 | FileCheck %s --check-prefix=DIV0
// DIV0: semantics.mlir:[[@LINE+4]]:{{[0-9]+}}: in s-op 'div': division by zero at position 2
func.func @div() -> !rasp.sop<f64> {
  %t = rasp.tokens : !rasp.sop<i64>
  %c = rasp.constant 2 : !rasp.sop<i64>
  %r = rasp.div %c, %t : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<f64>
  return %r : !rasp.sop<f64>
}

// round((2 * indices - 3) / 2): half to even, -0.5 -> 0.
// RUN: rasp-run %s --sop round --input abcdef --interpret --format json | FileCheck %s --check-prefix=ROUND
// RUN: rasp-run %s --sop round --input abcdef --format json | FileCheck %s --check-prefix=ROUND
// ROUND: [-2, 0, 0, 2, 2, 4]
func.func @round() -> !rasp.sop<i64> {
  %i = rasp.indices : !rasp.sop<i64>
  %two = rasp.constant 2 : !rasp.sop<i64>
  %three = rasp.constant 3 : !rasp.sop<i64>
  %a = rasp.mul %i, %two : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %b = rasp.sub %a, %three : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %c = rasp.div %b, %two : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<f64>
  %r = rasp.round %c : !rasp.sop<f64> -> !rasp.sop<i64>
  return %r : !rasp.sop<i64>
}

// RUN: not rasp-run %s --sop round_too_large --ints "0 3" --interpret 2>&1 | FileCheck %s --check-prefix=ROUNDBIG
// RUN: not rasp-run %s --sop round_too_large --ints "0 3" 2>&1 | FileCheck %s --check-prefix=ROUNDBIG
// ROUNDBIG: cannot round an infinite, nan or too large float to an int at position 1
func.func @round_too_large() -> !rasp.sop<i64> {
  %t = rasp.tokens : !rasp.sop<i64>
  %big = rasp.constant 1.0e300 : !rasp.sop<f64>
  %x = rasp.mul %t, %big : !rasp.sop<i64>, !rasp.sop<f64> -> !rasp.sop<f64>
  %r = rasp.round %x : !rasp.sop<f64> -> !rasp.sop<i64>
  return %r : !rasp.sop<i64>
}

// RUN: rasp-run %s --sop ipow --ints "2 -3 0" --interpret --format json | FileCheck %s --check-prefix=IPOW
// RUN: rasp-run %s --sop ipow --ints "2 -3 0" --format json | FileCheck %s --check-prefix=IPOW
// IPOW: [8, -27, 0]
func.func @ipow() -> !rasp.sop<i64> {
  %t = rasp.tokens : !rasp.sop<i64>
  %c = rasp.constant 3 : !rasp.sop<i64>
  %r = rasp.pow %t, %c : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  return %r : !rasp.sop<i64>
}

// RUN: rasp-run %s --sop fpow --ints "2 -4 1" --interpret --format json | FileCheck %s --check-prefix=FPOW
// RUN: rasp-run %s --sop fpow --ints "2 -4 1" --format json | FileCheck %s --check-prefix=FPOW
// FPOW: [0.5, -0.25, 1.0]
// RUN: not rasp-run %s --sop fpow --ints "2 0" --interpret 2>&1 | FileCheck %s --check-prefix=FPOW0
// RUN: not rasp-run %s --sop fpow --ints "2 0" 2>&1 | FileCheck %s --check-prefix=FPOW0
// FPOW0: 0 cannot be raised to a negative power at position 1
func.func @fpow() -> !rasp.sop<f64> {
  %t = rasp.tokens : !rasp.sop<i64>
  %c = rasp.constant -1 : !rasp.sop<i64>
  %r = rasp.pow %t, %c : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<f64>
  return %r : !rasp.sop<f64>
}

// Strings compare by bytes: "B" < "a" < "é".
// RUN: rasp-run %s --sop str_lt --input "BaéZ" --interpret --format json | FileCheck %s --check-prefix=STRLT
// RUN: rasp-run %s --sop str_lt --input "BaéZ" --format json | FileCheck %s --check-prefix=STRLT
// STRLT: [true, false, false, true]
func.func @str_lt() -> !rasp.sop<i1> {
  %t = rasp.tokens : !rasp.sop<!rasp.string>
  %c = rasp.constant "a" : !rasp.sop<!rasp.string>
  %r = rasp.cmp lt, %t, %c : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string>
  return %r : !rasp.sop<i1>
}

// RUN: rasp-run %s --sop cmp_mixed --ints "1 2" --interpret --format json | FileCheck %s --check-prefix=CMPMIXED
// RUN: rasp-run %s --sop cmp_mixed --ints "1 2" --format json | FileCheck %s --check-prefix=CMPMIXED
// CMPMIXED: [true, false]
func.func @cmp_mixed() -> !rasp.sop<i1> {
  %t = rasp.tokens : !rasp.sop<i64>
  %h = rasp.constant 1.5 : !rasp.sop<f64>
  %r = rasp.cmp le, %t, %h : !rasp.sop<i64>, !rasp.sop<f64>
  return %r : !rasp.sop<i1>
}

// RUN: rasp-run %s --sop mean --input abcde --interpret --format json | FileCheck %s --check-prefix=MEAN
// RUN: rasp-run %s --sop mean --input abcde --format json | FileCheck %s --check-prefix=MEAN
// MEAN: [0.0, 0.5, 1.0, 1.5, 2.0]
func.func @mean() -> !rasp.sop<f64> {
  %i = rasp.indices : !rasp.sop<i64>
  %s = rasp.select %i, %i, le : !rasp.sop<i64>, !rasp.sop<i64>
  %r = rasp.aggregate %s, %i default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  return %r : !rasp.sop<f64>
}

// RUN: rasp-run %s --sop mean_default --input abc --interpret --format json | FileCheck %s --check-prefix=MEANDEF
// RUN: rasp-run %s --sop mean_default --input abc --format json | FileCheck %s --check-prefix=MEANDEF
// MEANDEF: [2.5, 0.0, 0.5]
func.func @mean_default() -> !rasp.sop<f64> {
  %i = rasp.indices : !rasp.sop<i64>
  %s = rasp.select %i, %i, lt : !rasp.sop<i64>, !rasp.sop<i64>
  %r = rasp.aggregate %s, %i default 2.5 : !rasp.sop<i64> -> !rasp.sop<f64>
  return %r : !rasp.sop<f64>
}

// Several strings selected (even equal ones), reported at the first query.
// RUN: not rasp-run %s --sop several --input aab --interpret 2>&1 | FileCheck %s --check-prefix=SEVERAL
// RUN: not rasp-run %s --sop several --input aab 2>&1 | FileCheck %s --check-prefix=SEVERAL
// SEVERAL: prog.rasp:4:15: in s-op 'same_strings' (computing 'several'): several non-numeric values selected at position 0
func.func @several() -> !rasp.sop<!rasp.string> {
  %t = rasp.tokens : !rasp.sop<!rasp.string>
  %s = rasp.select %t, %t, eq : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string>
  %r = rasp.aggregate %s, %t default 0 : !rasp.sop<!rasp.string> -> !rasp.sop<!rasp.string> loc("same_strings"(callsite("prog.rasp":4:15 at "prog.rasp":9:1)))
  return %r : !rasp.sop<!rasp.string>
}

// Several bools selected: an error too.
// RUN: not rasp-run %s --sop several_bools --ints "1 1" --interpret 2>&1 | FileCheck %s --check-prefix=SEVBOOL
// RUN: not rasp-run %s --sop several_bools --ints "1 1" 2>&1 | FileCheck %s --check-prefix=SEVBOOL
// SEVBOOL: several non-numeric values selected at position 0
func.func @several_bools() -> !rasp.sop<i1> {
  %t = rasp.tokens : !rasp.sop<i1>
  %i = rasp.indices : !rasp.sop<i64>
  %s = rasp.select %i, %i, ge : !rasp.sop<i64>, !rasp.sop<i64>
  %r = rasp.aggregate %s, %t default false : !rasp.sop<i1> -> !rasp.sop<i1>
  return %r : !rasp.sop<i1>
}

// A string aggregate with the int default 0: position 0 takes the default,
// the others a value: MixedDefault at the first position taking the default.
// With one position only, every position takes the default: the output is
// the default (ints).
// RUN: not rasp-run %s --sop mixed_default --input abc --interpret 2>&1 | FileCheck %s --check-prefix=MIXED
// RUN: not rasp-run %s --sop mixed_default --input abc 2>&1 | FileCheck %s --check-prefix=MIXED
// MIXED: in s-op 'shifted' (computing 'mixed_default'): aggregate takes its default of another type at some positions and selected values at others at position 0
// RUN: rasp-run %s --sop mixed_default --input a --interpret --format json | FileCheck %s --check-prefix=MIXED1
// RUN: rasp-run %s --sop mixed_default --input a --format json | FileCheck %s --check-prefix=MIXED1
// MIXED1: [0]
func.func @mixed_default() -> !rasp.sop<!rasp.string> {
  %t = rasp.tokens : !rasp.sop<!rasp.string>
  %i = rasp.indices : !rasp.sop<i64>
  %one = rasp.constant 1 : !rasp.sop<i64>
  %p = rasp.sub %i, %one : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %s = rasp.select %i, %p, eq : !rasp.sop<i64>, !rasp.sop<i64>
  %r = rasp.aggregate %s, %t default 0 : !rasp.sop<!rasp.string> -> !rasp.sop<!rasp.string> loc("shifted"("x.rasp":1:1))
  return %r : !rasp.sop<!rasp.string>
}

// Nothing selected anywhere: the default everywhere, of the default's kind.
// RUN: rasp-run %s --sop all_default --input abc --interpret --format json | FileCheck %s --check-prefix=ALLDEF
// RUN: rasp-run %s --sop all_default --input abc --format json | FileCheck %s --check-prefix=ALLDEF
// ALLDEF: [0, 0, 0]
func.func @all_default() -> !rasp.sop<!rasp.string> {
  %t = rasp.tokens : !rasp.sop<!rasp.string>
  %i = rasp.indices : !rasp.sop<i64>
  %s = rasp.select %i, %i, ne : !rasp.sop<i64>, !rasp.sop<i64>
  %n = rasp.select_not %s
  %none = rasp.select_and %s, %n
  %r = rasp.aggregate %none, %t default 0 : !rasp.sop<!rasp.string> -> !rasp.sop<!rasp.string>
  return %r : !rasp.sop<!rasp.string>
}

// ... but another op may not read such an s-op: MixedDefault at position 0
// of the aggregate.
// RUN: not rasp-run %s --sop all_default_used --input abc --interpret 2>&1 | FileCheck %s --check-prefix=ALLDEFUSED
// RUN: not rasp-run %s --sop all_default_used --input abc 2>&1 | FileCheck %s --check-prefix=ALLDEFUSED
// ALLDEFUSED: semantics.mlir:[[@LINE+7]]:{{[0-9]+}}: in s-op 'all_default_used': aggregate takes its default of another type at some positions and selected values at others at position 0
func.func @all_default_used() -> !rasp.sop<!rasp.string> {
  %t = rasp.tokens : !rasp.sop<!rasp.string>
  %i = rasp.indices : !rasp.sop<i64>
  %s = rasp.select %i, %i, ne : !rasp.sop<i64>, !rasp.sop<i64>
  %n = rasp.select_not %s
  %none = rasp.select_and %s, %n
  %r = rasp.aggregate %none, %t default 0 : !rasp.sop<!rasp.string> -> !rasp.sop<!rasp.string>
  %c = rasp.concat %r, %t : !rasp.sop<!rasp.string>
  return %c : !rasp.sop<!rasp.string>
}

// Look-ups and membership use Python's ==: True == 1, 1.0 == 1.
// RUN: rasp-run %s --sop bool_lookup --ints "1 0 1" --interpret --format json | FileCheck %s --check-prefix=BOOLLOOKUP
// RUN: rasp-run %s --sop bool_lookup --ints "1 0 1" --format json | FileCheck %s --check-prefix=BOOLLOOKUP
// BOOLLOOKUP: ["one", "zero", "one"]
func.func @bool_lookup() -> !rasp.sop<!rasp.string> {
  %t = rasp.tokens : !rasp.sop<i1>
  %r = rasp.lookup %t, [0, 1] -> ["zero", "one"] : !rasp.sop<i1> -> !rasp.sop<!rasp.string>
  return %r : !rasp.sop<!rasp.string>
}

// RUN: rasp-run %s --sop float_member --ints "1 2" --interpret --format json | FileCheck %s --check-prefix=MEMBER
// RUN: rasp-run %s --sop float_member --ints "1 2" --format json | FileCheck %s --check-prefix=MEMBER
// MEMBER: [true, false]
func.func @float_member() -> !rasp.sop<i1> {
  %t = rasp.tokens : !rasp.sop<f64>
  %r = rasp.member %t, [1, "2", true] : !rasp.sop<f64>
  return %r : !rasp.sop<i1>
}

// RUN: not rasp-run %s --sop lookup_miss --input abc --interpret 2>&1 | FileCheck %s --check-prefix=MISS
// RUN: not rasp-run %s --sop lookup_miss --input abc 2>&1 | FileCheck %s --check-prefix=MISS
// MISS: look-up failed: key not in the table (or index out of range) at position 2
func.func @lookup_miss() -> !rasp.sop<!rasp.string> {
  %i = rasp.indices : !rasp.sop<i64>
  %r = rasp.lookup %i, [0, 1, -2, -1] -> ["a", "b", "a", "b"] : !rasp.sop<i64> -> !rasp.sop<!rasp.string>
  return %r : !rasp.sop<!rasp.string>
}

// RUN: rasp-run %s --sop where_promote --ints "3 -1 0" --interpret --format json | FileCheck %s --check-prefix=WHERE
// RUN: rasp-run %s --sop where_promote --ints "3 -1 0" --format json | FileCheck %s --check-prefix=WHERE
// WHERE: [3.0, 0.5, 0.5]
func.func @where_promote() -> !rasp.sop<f64> {
  %t = rasp.tokens : !rasp.sop<i64>
  %z = rasp.constant 0 : !rasp.sop<i64>
  %h = rasp.constant 0.5 : !rasp.sop<f64>
  %c = rasp.cmp gt, %t, %z : !rasp.sop<i64>, !rasp.sop<i64>
  %r = rasp.where %c, %t, %h : !rasp.sop<i64>, !rasp.sop<f64> -> !rasp.sop<f64>
  return %r : !rasp.sop<f64>
}

// Only what the result depends on runs: the unused % 0 does not fail.
// RUN: rasp-run %s --sop dead_error --ints "1 2" --interpret --format json | FileCheck %s --check-prefix=DEAD
// RUN: rasp-run %s --sop dead_error --ints "1 2" --format json | FileCheck %s --check-prefix=DEAD
// DEAD: [1, 2]
func.func @dead_error() -> !rasp.sop<i64> {
  %t = rasp.tokens : !rasp.sop<i64>
  %z = rasp.constant 0 : !rasp.sop<i64>
  %d = rasp.mod %t, %z : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  return %t : !rasp.sop<i64>
}

// The first failing op in block order wins.
// RUN: not rasp-run %s --sop first_error --ints "0 1" --interpret 2>&1 | FileCheck %s --check-prefix=FIRST
// RUN: not rasp-run %s --sop first_error --ints "0 1" 2>&1 | FileCheck %s --check-prefix=FIRST
// FIRST: in s-op 'first'{{( \(computing '[a-z_]+'\))?}}: division by zero at position 0
func.func @first_error() -> !rasp.sop<f64> {
  %t = rasp.tokens : !rasp.sop<i64>
  %a = rasp.div %t, %t : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<f64> loc("first"("y.rasp":1:1))
  %b = rasp.mod %t, %t : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64> loc("second"("y.rasp":2:1))
  %r = rasp.add %a, %b : !rasp.sop<f64>, !rasp.sop<i64> -> !rasp.sop<f64>
  return %r : !rasp.sop<f64>
}

// Selectors are n-by-n bytes: longer inputs are refused, not a crash.
// RUN: not rasp-run %s --sop mean --random 40000 --interpret 2>&1 | FileCheck %s --check-prefix=TOOLONG
// TOOLONG: interpret: the input has 40000 tokens; the reference interpreter materialises n-by-n selectors and accepts at most 32768

// Several values anywhere beat a mixed default: the reference raises while it
// computes the positions and type-checks the finished sequence afterwards.
// RUN: not rasp-run %s --sop several_then_mixed --input abc --interpret 2>&1 | FileCheck %s --check-prefix=ORDER3
// RUN: not rasp-run %s --sop several_then_mixed --input abc 2>&1 | FileCheck %s --check-prefix=ORDER3
// ORDER3: several non-numeric values selected at position 2
// RUN: not rasp-run %s --sop several_then_mixed --input ab --interpret 2>&1 | FileCheck %s --check-prefix=ORDER2
// RUN: not rasp-run %s --sop several_then_mixed --input ab 2>&1 | FileCheck %s --check-prefix=ORDER2
// ORDER2: aggregate takes its default of another type at some positions and selected values at others at position 0
// RUN: not rasp-run %s --sop mixed_late --input ab --interpret 2>&1 | FileCheck %s --check-prefix=LATE
// RUN: not rasp-run %s --sop mixed_late --input ab 2>&1 | FileCheck %s --check-prefix=LATE
// LATE: aggregate takes its default of another type at some positions and selected values at others at position 1
func.func @several_then_mixed() -> !rasp.sop<!rasp.string> {
  %t = rasp.tokens : !rasp.sop<!rasp.string>
  %i = rasp.indices : !rasp.sop<i64>
  %s = rasp.select %i, %i, lt : !rasp.sop<i64>, !rasp.sop<i64>
  %r = rasp.aggregate %s, %t default 0 : !rasp.sop<!rasp.string> -> !rasp.sop<!rasp.string>
  return %r : !rasp.sop<!rasp.string>
}
func.func @mixed_late() -> !rasp.sop<!rasp.string> {
  %t = rasp.tokens : !rasp.sop<!rasp.string>
  %i = rasp.indices : !rasp.sop<i64>
  %s = rasp.select %i, %i, gt : !rasp.sop<i64>, !rasp.sop<i64>
  %r = rasp.aggregate %s, %t default 0 : !rasp.sop<!rasp.string> -> !rasp.sop<!rasp.string>
  return %r : !rasp.sop<!rasp.string>
}
