// Every folder of RASPFolds.cpp, with Python's semantics, and the cases that
// must stay ops (they raise in Python, or folding would need a conversion).
// RUN: rasp-opt %s -canonicalize -split-input-file | FileCheck %s

// CHECK-LABEL: func.func @neg
// CHECK-SAME:  () -> (!rasp.sop<i64>, !rasp.sop<f64>, !rasp.sop<i64>) {
// CHECK-NEXT:  %[[V0:[0-9a-z_]+]] = rasp.constant -5 : !rasp.sop<i64>
// CHECK-NEXT:  %[[V1:[0-9a-z_]+]] = rasp.constant 1.5 : !rasp.sop<f64>
// CHECK-NEXT:  %[[V2:[0-9a-z_]+]] = rasp.constant 5 : !rasp.sop<i64>
// CHECK-NEXT:  return %[[V0]], %[[V1]], %[[V2]] : !rasp.sop<i64>, !rasp.sop<f64>, !rasp.sop<i64>
func.func @neg() -> (!rasp.sop<i64>, !rasp.sop<f64>, !rasp.sop<i64>) {
  %i = rasp.constant 5 : !rasp.sop<i64>
  %f = rasp.constant -1.5 : !rasp.sop<f64>
  %0 = rasp.neg %i : !rasp.sop<i64> -> !rasp.sop<i64>
  %1 = rasp.neg %f : !rasp.sop<f64> -> !rasp.sop<f64>
  %2 = rasp.neg %0 : !rasp.sop<i64> -> !rasp.sop<i64>
  return %0, %1, %2 : !rasp.sop<i64>, !rasp.sop<f64>, !rasp.sop<i64>
}

// -----

// CHECK-LABEL: func.func @not_constant
// CHECK-SAME:  () -> (!rasp.sop<i1>, !rasp.sop<i1>) {
// CHECK-NEXT:  %[[V0:[0-9a-z_]+]] = rasp.constant false : !rasp.sop<i1>
// CHECK-NEXT:  %[[V1:[0-9a-z_]+]] = rasp.constant true : !rasp.sop<i1>
// CHECK-NEXT:  return %[[V0]], %[[V1]] : !rasp.sop<i1>, !rasp.sop<i1>
func.func @not_constant() -> (!rasp.sop<i1>, !rasp.sop<i1>) {
  %t = rasp.constant true : !rasp.sop<i1>
  %f = rasp.constant false : !rasp.sop<i1>
  %0 = rasp.not %t : !rasp.sop<i1> -> !rasp.sop<i1>
  %1 = rasp.not %f : !rasp.sop<i1> -> !rasp.sop<i1>
  return %0, %1 : !rasp.sop<i1>, !rasp.sop<i1>
}

// CHECK-LABEL: func.func @double_not
// CHECK-SAME:  (%[[A0:[0-9a-z_]+]]: !rasp.sop<i1>) -> (!rasp.sop<i1>, !rasp.sop<i1>) {
// CHECK-NEXT:  %[[V0:[0-9a-z_]+]] = rasp.not %[[A0]] : !rasp.sop<i1> -> !rasp.sop<i1>
// CHECK-NEXT:  return %[[V0]], %[[A0]] : !rasp.sop<i1>, !rasp.sop<i1>
func.func @double_not(%b: !rasp.sop<i1>) -> (!rasp.sop<i1>, !rasp.sop<i1>) {
  %0 = rasp.not %b : !rasp.sop<i1> -> !rasp.sop<i1>
  %1 = rasp.not %0 : !rasp.sop<i1> -> !rasp.sop<i1>
  return %0, %1 : !rasp.sop<i1>, !rasp.sop<i1>
}

// -----

// CHECK-LABEL: func.func @round
// CHECK-SAME:  () -> (!rasp.sop<i64>, !rasp.sop<i64>, !rasp.sop<i64>, !rasp.sop<i64>, !rasp.sop<i64>, !rasp.sop<i64>, !rasp.sop<i64>) {
// CHECK-NEXT:  %[[V0:[0-9a-z_]+]] = rasp.constant 2 : !rasp.sop<i64>
// CHECK-NEXT:  %[[V1:[0-9a-z_]+]] = rasp.constant -2 : !rasp.sop<i64>
// CHECK-NEXT:  %[[V2:[0-9a-z_]+]] = rasp.constant 4 : !rasp.sop<i64>
// CHECK-NEXT:  %[[V3:[0-9a-z_]+]] = rasp.constant 0 : !rasp.sop<i64>
// CHECK-NEXT:  %[[V4:[0-9a-z_]+]] = rasp.constant 3 : !rasp.sop<i64>
// CHECK-NEXT:  %[[V5:[0-9a-z_]+]] = rasp.constant -7 : !rasp.sop<i64>
// CHECK-NEXT:  %[[V6:[0-9a-z_]+]] = rasp.constant 1000000000000000 : !rasp.sop<i64>
// CHECK-NEXT:  return %[[V0]], %[[V1]], %[[V2]], %[[V3]], %[[V4]], %[[V5]], %[[V6]] : !rasp.sop<i64>, !rasp.sop<i64>, !rasp.sop<i64>, !rasp.sop<i64>, !rasp.sop<i64>, !rasp.sop<i64>, !rasp.sop<i64>
func.func @round() -> (!rasp.sop<i64>, !rasp.sop<i64>, !rasp.sop<i64>, !rasp.sop<i64>, !rasp.sop<i64>, !rasp.sop<i64>, !rasp.sop<i64>) {
  %a = rasp.constant 2.5 : !rasp.sop<f64>
  %b = rasp.constant -1.5 : !rasp.sop<f64>
  %c = rasp.constant 3.5 : !rasp.sop<f64>
  %d = rasp.constant -0.5 : !rasp.sop<f64>
  %e = rasp.constant 2.6 : !rasp.sop<f64>
  %f = rasp.constant -7 : !rasp.sop<i64>
  %g = rasp.constant 1.0e15 : !rasp.sop<f64>
  %0 = rasp.round %a : !rasp.sop<f64> -> !rasp.sop<i64>
  %1 = rasp.round %b : !rasp.sop<f64> -> !rasp.sop<i64>
  %2 = rasp.round %c : !rasp.sop<f64> -> !rasp.sop<i64>
  %3 = rasp.round %d : !rasp.sop<f64> -> !rasp.sop<i64>
  %4 = rasp.round %e : !rasp.sop<f64> -> !rasp.sop<i64>
  %5 = rasp.round %f : !rasp.sop<i64> -> !rasp.sop<i64>
  %6 = rasp.round %g : !rasp.sop<f64> -> !rasp.sop<i64>
  return %0, %1, %2, %3, %4, %5, %6 : !rasp.sop<i64>, !rasp.sop<i64>, !rasp.sop<i64>, !rasp.sop<i64>, !rasp.sop<i64>, !rasp.sop<i64>, !rasp.sop<i64>
}

// Python raises on these (OverflowError, ValueError): left for run time.

// CHECK-LABEL: func.func @round_not_folded
// CHECK-SAME:  () -> (!rasp.sop<i64>, !rasp.sop<i64>, !rasp.sop<i64>) {
// CHECK-NEXT:  %[[V0:[0-9a-z_]+]] = rasp.constant 1.0e+300 : !rasp.sop<f64>
// CHECK-NEXT:  %[[V1:[0-9a-z_]+]] = rasp.constant inf : !rasp.sop<f64>
// CHECK-NEXT:  %[[V2:[0-9a-z_]+]] = rasp.constant nan : !rasp.sop<f64>
// CHECK-NEXT:  %[[V3:[0-9a-z_]+]] = rasp.round %[[V0]] : !rasp.sop<f64> -> !rasp.sop<i64>
// CHECK-NEXT:  %[[V4:[0-9a-z_]+]] = rasp.round %[[V1]] : !rasp.sop<f64> -> !rasp.sop<i64>
// CHECK-NEXT:  %[[V5:[0-9a-z_]+]] = rasp.round %[[V2]] : !rasp.sop<f64> -> !rasp.sop<i64>
// CHECK-NEXT:  return %[[V3]], %[[V4]], %[[V5]] : !rasp.sop<i64>, !rasp.sop<i64>, !rasp.sop<i64>
func.func @round_not_folded() -> (!rasp.sop<i64>, !rasp.sop<i64>, !rasp.sop<i64>) {
  %huge = rasp.constant 1.0e300 : !rasp.sop<f64>
  %inf = rasp.constant inf : !rasp.sop<f64>
  %nan = rasp.constant nan : !rasp.sop<f64>
  %0 = rasp.round %huge : !rasp.sop<f64> -> !rasp.sop<i64>
  %1 = rasp.round %inf : !rasp.sop<f64> -> !rasp.sop<i64>
  %2 = rasp.round %nan : !rasp.sop<f64> -> !rasp.sop<i64>
  return %0, %1, %2 : !rasp.sop<i64>, !rasp.sop<i64>, !rasp.sop<i64>
}

// -----

// CHECK-LABEL: func.func @indicator
// CHECK-SAME:  () -> (!rasp.sop<i64>, !rasp.sop<i64>) {
// CHECK-NEXT:  %[[V0:[0-9a-z_]+]] = rasp.constant 1 : !rasp.sop<i64>
// CHECK-NEXT:  %[[V1:[0-9a-z_]+]] = rasp.constant 0 : !rasp.sop<i64>
// CHECK-NEXT:  return %[[V0]], %[[V1]] : !rasp.sop<i64>, !rasp.sop<i64>
func.func @indicator() -> (!rasp.sop<i64>, !rasp.sop<i64>) {
  %t = rasp.constant true : !rasp.sop<i1>
  %f = rasp.constant false : !rasp.sop<i1>
  %0 = rasp.indicator %t : !rasp.sop<i1> -> !rasp.sop<i64>
  %1 = rasp.indicator %f : !rasp.sop<i1> -> !rasp.sop<i64>
  return %0, %1 : !rasp.sop<i64>, !rasp.sop<i64>
}

// -----

// CHECK-LABEL: func.func @add_sub_mul
// CHECK-SAME:  () -> (!rasp.sop<i64>, !rasp.sop<f64>, !rasp.sop<f64>, !rasp.sop<i64>, !rasp.sop<f64>, !rasp.sop<i64>, !rasp.sop<f64>) {
// CHECK-NEXT:  %[[V0:[0-9a-z_]+]] = rasp.constant 5 : !rasp.sop<i64>
// CHECK-NEXT:  %[[V1:[0-9a-z_]+]] = rasp.constant 2.5 : !rasp.sop<f64>
// CHECK-NEXT:  %[[V2:[0-9a-z_]+]] = rasp.constant 3.0 : !rasp.sop<f64>
// CHECK-NEXT:  %[[V3:[0-9a-z_]+]] = rasp.constant -1 : !rasp.sop<i64>
// CHECK-NEXT:  %[[V4:[0-9a-z_]+]] = rasp.constant -1.5 : !rasp.sop<f64>
// CHECK-NEXT:  %[[V5:[0-9a-z_]+]] = rasp.constant -12 : !rasp.sop<i64>
// CHECK-NEXT:  %[[V6:[0-9a-z_]+]] = rasp.constant -6.0 : !rasp.sop<f64>
// CHECK-NEXT:  return %[[V0]], %[[V1]], %[[V2]], %[[V3]], %[[V4]], %[[V5]], %[[V6]] : !rasp.sop<i64>, !rasp.sop<f64>, !rasp.sop<f64>, !rasp.sop<i64>, !rasp.sop<f64>, !rasp.sop<i64>, !rasp.sop<f64>
func.func @add_sub_mul() -> (!rasp.sop<i64>, !rasp.sop<f64>, !rasp.sop<f64>, !rasp.sop<i64>, !rasp.sop<f64>, !rasp.sop<i64>, !rasp.sop<f64>) {
  %two = rasp.constant 2 : !rasp.sop<i64>
  %three = rasp.constant 3 : !rasp.sop<i64>
  %m4 = rasp.constant -4 : !rasp.sop<i64>
  %half = rasp.constant 0.5 : !rasp.sop<f64>
  %f15 = rasp.constant 1.5 : !rasp.sop<f64>
  %0 = rasp.add %two, %three : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %1 = rasp.add %two, %half : !rasp.sop<i64>, !rasp.sop<f64> -> !rasp.sop<f64>
  %2 = rasp.add %f15, %f15 : !rasp.sop<f64>, !rasp.sop<f64> -> !rasp.sop<f64>
  %3 = rasp.sub %two, %three : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %4 = rasp.sub %half, %two : !rasp.sop<f64>, !rasp.sop<i64> -> !rasp.sop<f64>
  %5 = rasp.mul %three, %m4 : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %6 = rasp.mul %f15, %m4 : !rasp.sop<f64>, !rasp.sop<i64> -> !rasp.sop<f64>
  return %0, %1, %2, %3, %4, %5, %6 : !rasp.sop<i64>, !rasp.sop<f64>, !rasp.sop<f64>, !rasp.sop<i64>, !rasp.sop<f64>, !rasp.sop<i64>, !rasp.sop<f64>
}

// -----

// True division: int / int is a float.

// CHECK-LABEL: func.func @div
// CHECK-SAME:  () -> (!rasp.sop<f64>, !rasp.sop<f64>, !rasp.sop<f64>, !rasp.sop<f64>) {
// CHECK-NEXT:  %[[V0:[0-9a-z_]+]] = rasp.constant 3.5 : !rasp.sop<f64>
// CHECK-NEXT:  %[[V1:[0-9a-z_]+]] = rasp.constant -3.5 : !rasp.sop<f64>
// CHECK-NEXT:  %[[V2:[0-9a-z_]+]] = rasp.constant 2.0 : !rasp.sop<f64>
// CHECK-NEXT:  %[[V3:[0-9a-z_]+]] = rasp.constant 8.0 : !rasp.sop<f64>
// CHECK-NEXT:  return %[[V0]], %[[V1]], %[[V2]], %[[V3]] : !rasp.sop<f64>, !rasp.sop<f64>, !rasp.sop<f64>, !rasp.sop<f64>
func.func @div() -> (!rasp.sop<f64>, !rasp.sop<f64>, !rasp.sop<f64>, !rasp.sop<f64>) {
  %seven = rasp.constant 7 : !rasp.sop<i64>
  %m7 = rasp.constant -7 : !rasp.sop<i64>
  %two = rasp.constant 2 : !rasp.sop<i64>
  %four = rasp.constant 4 : !rasp.sop<i64>
  %f = rasp.constant 0.25 : !rasp.sop<f64>
  %0 = rasp.div %seven, %two : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<f64>
  %1 = rasp.div %m7, %two : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<f64>
  %2 = rasp.div %four, %two : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<f64>
  %3 = rasp.div %two, %f : !rasp.sop<i64>, !rasp.sop<f64> -> !rasp.sop<f64>
  return %0, %1, %2, %3 : !rasp.sop<f64>, !rasp.sop<f64>, !rasp.sop<f64>, !rasp.sop<f64>
}

// ZeroDivisionError in Python: reported at run time, so not folded.

// CHECK-LABEL: func.func @div_by_zero
// CHECK-SAME:  () -> (!rasp.sop<f64>, !rasp.sop<f64>, !rasp.sop<f64>) {
// CHECK-NEXT:  %[[V0:[0-9a-z_]+]] = rasp.constant 1 : !rasp.sop<i64>
// CHECK-NEXT:  %[[V1:[0-9a-z_]+]] = rasp.constant 0 : !rasp.sop<i64>
// CHECK-NEXT:  %[[V2:[0-9a-z_]+]] = rasp.constant 1.0 : !rasp.sop<f64>
// CHECK-NEXT:  %[[V3:[0-9a-z_]+]] = rasp.constant 0.0 : !rasp.sop<f64>
// CHECK-NEXT:  %[[V4:[0-9a-z_]+]] = rasp.div %[[V0]], %[[V1]] : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<f64>
// CHECK-NEXT:  %[[V5:[0-9a-z_]+]] = rasp.div %[[V2]], %[[V3]] : !rasp.sop<f64>, !rasp.sop<f64> -> !rasp.sop<f64>
// CHECK-NEXT:  %[[V6:[0-9a-z_]+]] = rasp.div %[[V1]], %[[V1]] : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<f64>
// CHECK-NEXT:  return %[[V4]], %[[V5]], %[[V6]] : !rasp.sop<f64>, !rasp.sop<f64>, !rasp.sop<f64>
func.func @div_by_zero() -> (!rasp.sop<f64>, !rasp.sop<f64>, !rasp.sop<f64>) {
  %one = rasp.constant 1 : !rasp.sop<i64>
  %zero = rasp.constant 0 : !rasp.sop<i64>
  %fone = rasp.constant 1.0 : !rasp.sop<f64>
  %fzero = rasp.constant 0.0 : !rasp.sop<f64>
  %0 = rasp.div %one, %zero : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<f64>
  %1 = rasp.div %fone, %fzero : !rasp.sop<f64>, !rasp.sop<f64> -> !rasp.sop<f64>
  %2 = rasp.div %zero, %zero : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<f64>
  return %0, %1, %2 : !rasp.sop<f64>, !rasp.sop<f64>, !rasp.sop<f64>
}

// -----

// Floored modulo: the result has the divisor's sign.

// CHECK-LABEL: func.func @mod
// CHECK-SAME:  () -> (!rasp.sop<i64>, !rasp.sop<i64>, !rasp.sop<i64>, !rasp.sop<i64>, !rasp.sop<f64>, !rasp.sop<f64>, !rasp.sop<f64>, !rasp.sop<f64>) {
// CHECK-NEXT:  %[[V0:[0-9a-z_]+]] = rasp.constant 1 : !rasp.sop<i64>
// CHECK-NEXT:  %[[V1:[0-9a-z_]+]] = rasp.constant -1 : !rasp.sop<i64>
// CHECK-NEXT:  %[[V2:[0-9a-z_]+]] = rasp.constant 0 : !rasp.sop<i64>
// CHECK-NEXT:  %[[V3:[0-9a-z_]+]] = rasp.constant 1.5 : !rasp.sop<f64>
// CHECK-NEXT:  %[[V4:[0-9a-z_]+]] = rasp.constant 0.5 : !rasp.sop<f64>
// CHECK-NEXT:  %[[V5:[0-9a-z_]+]] = rasp.constant -0.5 : !rasp.sop<f64>
// CHECK-NEXT:  %[[V6:[0-9a-z_]+]] = rasp.constant 0.0 : !rasp.sop<f64>
// CHECK-NEXT:  return %[[V0]], %[[V1]], %[[V1]], %[[V2]], %[[V3]], %[[V4]], %[[V5]], %[[V6]] : !rasp.sop<i64>, !rasp.sop<i64>, !rasp.sop<i64>, !rasp.sop<i64>, !rasp.sop<f64>, !rasp.sop<f64>, !rasp.sop<f64>, !rasp.sop<f64>
func.func @mod() -> (!rasp.sop<i64>, !rasp.sop<i64>, !rasp.sop<i64>, !rasp.sop<i64>, !rasp.sop<f64>, !rasp.sop<f64>, !rasp.sop<f64>, !rasp.sop<f64>) {
  %seven = rasp.constant 7 : !rasp.sop<i64>
  %m7 = rasp.constant -7 : !rasp.sop<i64>
  %two = rasp.constant 2 : !rasp.sop<i64>
  %m2 = rasp.constant -2 : !rasp.sop<i64>
  %f = rasp.constant 7.5 : !rasp.sop<f64>
  %mf = rasp.constant -7.5 : !rasp.sop<f64>
  %six = rasp.constant 6 : !rasp.sop<i64>
  %0 = rasp.mod %m7, %two : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %1 = rasp.mod %seven, %m2 : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %2 = rasp.mod %m7, %m2 : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %3 = rasp.mod %six, %m2 : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %4 = rasp.mod %f, %two : !rasp.sop<f64>, !rasp.sop<i64> -> !rasp.sop<f64>
  %5 = rasp.mod %mf, %two : !rasp.sop<f64>, !rasp.sop<i64> -> !rasp.sop<f64>
  %6 = rasp.mod %f, %m2 : !rasp.sop<f64>, !rasp.sop<i64> -> !rasp.sop<f64>
  %7 = rasp.mod %six, %m2 : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %8 = rasp.mod %f, %f : !rasp.sop<f64>, !rasp.sop<f64> -> !rasp.sop<f64>
  return %0, %1, %2, %3, %4, %5, %6, %8 : !rasp.sop<i64>, !rasp.sop<i64>, !rasp.sop<i64>, !rasp.sop<i64>, !rasp.sop<f64>, !rasp.sop<f64>, !rasp.sop<f64>, !rasp.sop<f64>
}

// CHECK-LABEL: func.func @mod_by_zero
// CHECK-SAME:  () -> (!rasp.sop<i64>, !rasp.sop<f64>) {
// CHECK-NEXT:  %[[V0:[0-9a-z_]+]] = rasp.constant 7 : !rasp.sop<i64>
// CHECK-NEXT:  %[[V1:[0-9a-z_]+]] = rasp.constant 0 : !rasp.sop<i64>
// CHECK-NEXT:  %[[V2:[0-9a-z_]+]] = rasp.constant 7.5 : !rasp.sop<f64>
// CHECK-NEXT:  %[[V3:[0-9a-z_]+]] = rasp.constant 0.0 : !rasp.sop<f64>
// CHECK-NEXT:  %[[V4:[0-9a-z_]+]] = rasp.mod %[[V0]], %[[V1]] : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
// CHECK-NEXT:  %[[V5:[0-9a-z_]+]] = rasp.mod %[[V2]], %[[V3]] : !rasp.sop<f64>, !rasp.sop<f64> -> !rasp.sop<f64>
// CHECK-NEXT:  return %[[V4]], %[[V5]] : !rasp.sop<i64>, !rasp.sop<f64>
func.func @mod_by_zero() -> (!rasp.sop<i64>, !rasp.sop<f64>) {
  %seven = rasp.constant 7 : !rasp.sop<i64>
  %zero = rasp.constant 0 : !rasp.sop<i64>
  %f = rasp.constant 7.5 : !rasp.sop<f64>
  %fzero = rasp.constant 0.0 : !rasp.sop<f64>
  %0 = rasp.mod %seven, %zero : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %1 = rasp.mod %f, %fzero : !rasp.sop<f64>, !rasp.sop<f64> -> !rasp.sop<f64>
  return %0, %1 : !rasp.sop<i64>, !rasp.sop<f64>
}

// -----

// CHECK-LABEL: func.func @pow
// CHECK-SAME:  () -> (!rasp.sop<i64>, !rasp.sop<i64>, !rasp.sop<i64>, !rasp.sop<f64>, !rasp.sop<f64>, !rasp.sop<f64>) {
// CHECK-NEXT:  %[[V0:[0-9a-z_]+]] = rasp.constant 1024 : !rasp.sop<i64>
// CHECK-NEXT:  %[[V1:[0-9a-z_]+]] = rasp.constant -8 : !rasp.sop<i64>
// CHECK-NEXT:  %[[V2:[0-9a-z_]+]] = rasp.constant 1 : !rasp.sop<i64>
// CHECK-NEXT:  %[[V3:[0-9a-z_]+]] = rasp.constant 0.5 : !rasp.sop<f64>
// CHECK-NEXT:  %[[V4:[0-9a-z_]+]] = rasp.constant 1.4142135623730951 : !rasp.sop<f64>
// CHECK-NEXT:  %[[V5:[0-9a-z_]+]] = rasp.constant 0.25 : !rasp.sop<f64>
// CHECK-NEXT:  return %[[V0]], %[[V1]], %[[V2]], %[[V3]], %[[V4]], %[[V5]] : !rasp.sop<i64>, !rasp.sop<i64>, !rasp.sop<i64>, !rasp.sop<f64>, !rasp.sop<f64>, !rasp.sop<f64>
func.func @pow() -> (!rasp.sop<i64>, !rasp.sop<i64>, !rasp.sop<i64>, !rasp.sop<f64>, !rasp.sop<f64>, !rasp.sop<f64>) {
  %two = rasp.constant 2 : !rasp.sop<i64>
  %m2 = rasp.constant -2 : !rasp.sop<i64>
  %three = rasp.constant 3 : !rasp.sop<i64>
  %ten = rasp.constant 10 : !rasp.sop<i64>
  %zero = rasp.constant 0 : !rasp.sop<i64>
  %m1 = rasp.constant -1 : !rasp.sop<i64>
  %half = rasp.constant 0.5 : !rasp.sop<f64>
  %0 = rasp.pow %two, %ten : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %1 = rasp.pow %m2, %three : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %2 = rasp.pow %zero, %zero : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %3 = rasp.pow %two, %m1 : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<f64>
  %4 = rasp.pow %two, %half : !rasp.sop<i64>, !rasp.sop<f64> -> !rasp.sop<f64>
  %5 = rasp.pow %half, %two : !rasp.sop<f64>, !rasp.sop<i64> -> !rasp.sop<f64>
  return %0, %1, %2, %3, %4, %5 : !rasp.sop<i64>, !rasp.sop<i64>, !rasp.sop<i64>, !rasp.sop<f64>, !rasp.sop<f64>, !rasp.sop<f64>
}

// 0 ** -1 raises ZeroDivisionError; an int result cannot hold 2 ** -1.

// CHECK-LABEL: func.func @pow_not_folded
// CHECK-SAME:  () -> (!rasp.sop<f64>, !rasp.sop<f64>, !rasp.sop<i64>) {
// CHECK-NEXT:  %[[V0:[0-9a-z_]+]] = rasp.constant 0 : !rasp.sop<i64>
// CHECK-NEXT:  %[[V1:[0-9a-z_]+]] = rasp.constant 0.0 : !rasp.sop<f64>
// CHECK-NEXT:  %[[V2:[0-9a-z_]+]] = rasp.constant 2 : !rasp.sop<i64>
// CHECK-NEXT:  %[[V3:[0-9a-z_]+]] = rasp.constant -1 : !rasp.sop<i64>
// CHECK-NEXT:  %[[V4:[0-9a-z_]+]] = rasp.constant -0.5 : !rasp.sop<f64>
// CHECK-NEXT:  %[[V5:[0-9a-z_]+]] = rasp.pow %[[V0]], %[[V3]] : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<f64>
// CHECK-NEXT:  %[[V6:[0-9a-z_]+]] = rasp.pow %[[V1]], %[[V4]] : !rasp.sop<f64>, !rasp.sop<f64> -> !rasp.sop<f64>
// CHECK-NEXT:  %[[V7:[0-9a-z_]+]] = rasp.pow %[[V2]], %[[V3]] : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
// CHECK-NEXT:  return %[[V5]], %[[V6]], %[[V7]] : !rasp.sop<f64>, !rasp.sop<f64>, !rasp.sop<i64>
func.func @pow_not_folded() -> (!rasp.sop<f64>, !rasp.sop<f64>, !rasp.sop<i64>) {
  %zero = rasp.constant 0 : !rasp.sop<i64>
  %fzero = rasp.constant 0.0 : !rasp.sop<f64>
  %two = rasp.constant 2 : !rasp.sop<i64>
  %m1 = rasp.constant -1 : !rasp.sop<i64>
  %fm = rasp.constant -0.5 : !rasp.sop<f64>
  %0 = rasp.pow %zero, %m1 : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<f64>
  %1 = rasp.pow %fzero, %fm : !rasp.sop<f64>, !rasp.sop<f64> -> !rasp.sop<f64>
  %2 = rasp.pow %two, %m1 : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  return %0, %1, %2 : !rasp.sop<f64>, !rasp.sop<f64>, !rasp.sop<i64>
}

// -----

// CHECK-LABEL: func.func @concat
// CHECK-SAME:  () -> !rasp.sop<!rasp.string> {
// CHECK-NEXT:  %[[V0:[0-9a-z_]+]] = rasp.constant "abcab" : !rasp.sop<!rasp.string>
// CHECK-NEXT:  return %[[V0]] : !rasp.sop<!rasp.string>
func.func @concat() -> !rasp.sop<!rasp.string> {
  %a = rasp.constant "ab" : !rasp.sop<!rasp.string>
  %b = rasp.constant "c" : !rasp.sop<!rasp.string>
  %e = rasp.constant "" : !rasp.sop<!rasp.string>
  %0 = rasp.concat %a, %b : !rasp.sop<!rasp.string>
  %1 = rasp.concat %e, %0 : !rasp.sop<!rasp.string>
  %2 = rasp.concat %1, %a : !rasp.sop<!rasp.string>
  return %2 : !rasp.sop<!rasp.string>
}

// CHECK-LABEL: func.func @concat_not_folded
// CHECK-SAME:  (%[[A0:[0-9a-z_]+]]: !rasp.sop<!rasp.string>) -> !rasp.sop<!rasp.string> {
// CHECK-NEXT:  %[[V0:[0-9a-z_]+]] = rasp.constant "ab" : !rasp.sop<!rasp.string>
// CHECK-NEXT:  %[[V1:[0-9a-z_]+]] = rasp.concat %[[A0]], %[[V0]] : !rasp.sop<!rasp.string>
// CHECK-NEXT:  return %[[V1]] : !rasp.sop<!rasp.string>
func.func @concat_not_folded(%t: !rasp.sop<!rasp.string>) -> !rasp.sop<!rasp.string> {
  %a = rasp.constant "ab" : !rasp.sop<!rasp.string>
  %0 = rasp.concat %t, %a : !rasp.sop<!rasp.string>
  return %0 : !rasp.sop<!rasp.string>
}

// -----

// CHECK-LABEL: func.func @cmp_int
// CHECK-SAME:  () -> (!rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>) {
// CHECK-NEXT:  %[[V0:[0-9a-z_]+]] = rasp.constant false : !rasp.sop<i1>
// CHECK-NEXT:  %[[V1:[0-9a-z_]+]] = rasp.constant true : !rasp.sop<i1>
// CHECK-NEXT:  return %[[V0]], %[[V1]], %[[V1]], %[[V0]], %[[V1]], %[[V0]] : !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>
func.func @cmp_int() -> (!rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>) {
  %two = rasp.constant 2 : !rasp.sop<i64>
  %three = rasp.constant 3 : !rasp.sop<i64>
  %0 = rasp.cmp eq, %two, %three : !rasp.sop<i64>, !rasp.sop<i64>
  %1 = rasp.cmp ne, %two, %three : !rasp.sop<i64>, !rasp.sop<i64>
  %2 = rasp.cmp lt, %two, %three : !rasp.sop<i64>, !rasp.sop<i64>
  %3 = rasp.cmp gt, %two, %three : !rasp.sop<i64>, !rasp.sop<i64>
  %4 = rasp.cmp le, %three, %three : !rasp.sop<i64>, !rasp.sop<i64>
  %5 = rasp.cmp ge, %two, %three : !rasp.sop<i64>, !rasp.sop<i64>
  return %0, %1, %2, %3, %4, %5 : !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>
}

// 1 == 1.0 in Python; NaN equals nothing, not even itself.

// CHECK-LABEL: func.func @cmp_float
// CHECK-SAME:  () -> (!rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>) {
// CHECK-NEXT:  %[[V0:[0-9a-z_]+]] = rasp.constant true : !rasp.sop<i1>
// CHECK-NEXT:  %[[V1:[0-9a-z_]+]] = rasp.constant false : !rasp.sop<i1>
// CHECK-NEXT:  return %[[V0]], %[[V1]], %[[V1]], %[[V0]], %[[V1]] : !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>
func.func @cmp_float() -> (!rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>) {
  %one = rasp.constant 1 : !rasp.sop<i64>
  %fone = rasp.constant 1.0 : !rasp.sop<f64>
  %half = rasp.constant -0.5 : !rasp.sop<f64>
  %nan = rasp.constant nan : !rasp.sop<f64>
  %0 = rasp.cmp eq, %one, %fone : !rasp.sop<i64>, !rasp.sop<f64>
  %1 = rasp.cmp gt, %half, %one : !rasp.sop<f64>, !rasp.sop<i64>
  %2 = rasp.cmp eq, %nan, %nan : !rasp.sop<f64>, !rasp.sop<f64>
  %3 = rasp.cmp ne, %nan, %nan : !rasp.sop<f64>, !rasp.sop<f64>
  %4 = rasp.cmp le, %nan, %fone : !rasp.sop<f64>, !rasp.sop<f64>
  return %0, %1, %2, %3, %4 : !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>
}

// Strings compare by code point ("B" < "a"), a prefix first ("ab" < "abc").

// CHECK-LABEL: func.func @cmp_string_bool
// CHECK-SAME:  () -> (!rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>) {
// CHECK-NEXT:  %[[V0:[0-9a-z_]+]] = rasp.constant true : !rasp.sop<i1>
// CHECK-NEXT:  %[[V1:[0-9a-z_]+]] = rasp.constant false : !rasp.sop<i1>
// CHECK-NEXT:  return %[[V0]], %[[V0]], %[[V1]], %[[V0]], %[[V1]] : !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>
func.func @cmp_string_bool() -> (!rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>) {
  %a = rasp.constant "a" : !rasp.sop<!rasp.string>
  %B = rasp.constant "B" : !rasp.sop<!rasp.string>
  %ab = rasp.constant "ab" : !rasp.sop<!rasp.string>
  %abc = rasp.constant "abc" : !rasp.sop<!rasp.string>
  %t = rasp.constant true : !rasp.sop<i1>
  %f = rasp.constant false : !rasp.sop<i1>
  %0 = rasp.cmp lt, %B, %a : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string>
  %1 = rasp.cmp lt, %ab, %abc : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string>
  %2 = rasp.cmp eq, %ab, %abc : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string>
  %3 = rasp.cmp gt, %t, %f : !rasp.sop<i1>, !rasp.sop<i1>
  %4 = rasp.cmp ge, %f, %t : !rasp.sop<i1>, !rasp.sop<i1>
  return %0, %1, %2, %3, %4 : !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>
}

// x == x is not folded: NaN.

// CHECK-LABEL: func.func @cmp_not_folded
// CHECK-SAME:  (%[[A0:[0-9a-z_]+]]: !rasp.sop<f64>) -> !rasp.sop<i1> {
// CHECK-NEXT:  %[[V0:[0-9a-z_]+]] = rasp.cmp eq, %[[A0]], %[[A0]] : !rasp.sop<f64>, !rasp.sop<f64>
// CHECK-NEXT:  return %[[V0]] : !rasp.sop<i1>
func.func @cmp_not_folded(%x: !rasp.sop<f64>) -> !rasp.sop<i1> {
  %0 = rasp.cmp eq, %x, %x : !rasp.sop<f64>, !rasp.sop<f64>
  return %0 : !rasp.sop<i1>
}

// -----

// CHECK-LABEL: func.func @and_or
// CHECK-SAME:  (%[[A0:[0-9a-z_]+]]: !rasp.sop<i1>) -> (!rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>) {
// CHECK-NEXT:  %[[V0:[0-9a-z_]+]] = rasp.constant false : !rasp.sop<i1>
// CHECK-NEXT:  %[[V1:[0-9a-z_]+]] = rasp.constant true : !rasp.sop<i1>
// CHECK-NEXT:  return %[[A0]], %[[A0]], %[[V0]], %[[V0]], %[[A0]], %[[A0]], %[[V1]], %[[V0]], %[[V0]], %[[V1]] : !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>
func.func @and_or(%x: !rasp.sop<i1>) -> (!rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>) {
  %t = rasp.constant true : !rasp.sop<i1>
  %f = rasp.constant false : !rasp.sop<i1>
  %0 = rasp.and %x, %x : !rasp.sop<i1>
  %1 = rasp.and %t, %x : !rasp.sop<i1>
  %2 = rasp.and %x, %f : !rasp.sop<i1>
  %3 = rasp.and %t, %f : !rasp.sop<i1>
  %4 = rasp.or %x, %x : !rasp.sop<i1>
  %5 = rasp.or %f, %x : !rasp.sop<i1>
  %6 = rasp.or %x, %t : !rasp.sop<i1>
  %7 = rasp.or %f, %f : !rasp.sop<i1>
  %8 = rasp.and %f, %x : !rasp.sop<i1>
  %9 = rasp.or %t, %x : !rasp.sop<i1>
  return %0, %1, %2, %3, %4, %5, %6, %7, %8, %9 : !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>
}

// CHECK-LABEL: func.func @and_or_not_folded
// CHECK-SAME:  (%[[A0:[0-9a-z_]+]]: !rasp.sop<i1>, %[[A1:[0-9a-z_]+]]: !rasp.sop<i1>) -> (!rasp.sop<i1>, !rasp.sop<i1>) {
// CHECK-NEXT:  %[[V0:[0-9a-z_]+]] = rasp.and %[[A0]], %[[A1]] : !rasp.sop<i1>
// CHECK-NEXT:  %[[V1:[0-9a-z_]+]] = rasp.or %[[A0]], %[[A1]] : !rasp.sop<i1>
// CHECK-NEXT:  return %[[V0]], %[[V1]] : !rasp.sop<i1>, !rasp.sop<i1>
func.func @and_or_not_folded(%x: !rasp.sop<i1>, %y: !rasp.sop<i1>) -> (!rasp.sop<i1>, !rasp.sop<i1>) {
  %0 = rasp.and %x, %y : !rasp.sop<i1>
  %1 = rasp.or %x, %y : !rasp.sop<i1>
  return %0, %1 : !rasp.sop<i1>, !rasp.sop<i1>
}

// -----

// CHECK-LABEL: func.func @where
// CHECK-SAME:  (%[[A0:[0-9a-z_]+]]: !rasp.sop<i1>, %[[A1:[0-9a-z_]+]]: !rasp.sop<i64>, %[[A2:[0-9a-z_]+]]: !rasp.sop<i64>, %[[A3:[0-9a-z_]+]]: !rasp.sop<!rasp.string>) -> (!rasp.sop<i64>, !rasp.sop<i64>, !rasp.sop<i64>, !rasp.sop<!rasp.string>) {
// CHECK-NEXT:  return %[[A1]], %[[A2]], %[[A1]], %[[A3]] : !rasp.sop<i64>, !rasp.sop<i64>, !rasp.sop<i64>, !rasp.sop<!rasp.string>
func.func @where(%c: !rasp.sop<i1>, %x: !rasp.sop<i64>, %y: !rasp.sop<i64>, %s: !rasp.sop<!rasp.string>) -> (!rasp.sop<i64>, !rasp.sop<i64>, !rasp.sop<i64>, !rasp.sop<!rasp.string>) {
  %t = rasp.constant true : !rasp.sop<i1>
  %f = rasp.constant false : !rasp.sop<i1>
  %0 = rasp.where %t, %x, %y : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %1 = rasp.where %f, %x, %y : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %2 = rasp.where %c, %x, %x : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %3 = rasp.where %c, %s, %s : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string> -> !rasp.sop<!rasp.string>
  return %0, %1, %2, %3 : !rasp.sop<i64>, !rasp.sop<i64>, !rasp.sop<i64>, !rasp.sop<!rasp.string>
}

// The chosen branch is an int but the result a float: folding would need a
// conversion, so the op stays.

// CHECK-LABEL: func.func @where_needs_promotion
// CHECK-SAME:  (%[[A0:[0-9a-z_]+]]: !rasp.sop<i1>, %[[A1:[0-9a-z_]+]]: !rasp.sop<i64>, %[[A2:[0-9a-z_]+]]: !rasp.sop<f64>) -> (!rasp.sop<f64>, !rasp.sop<f64>, !rasp.sop<f64>) {
// CHECK-NEXT:  %[[V0:[0-9a-z_]+]] = rasp.constant true : !rasp.sop<i1>
// CHECK-NEXT:  %[[V1:[0-9a-z_]+]] = rasp.constant false : !rasp.sop<i1>
// CHECK-NEXT:  %[[V2:[0-9a-z_]+]] = rasp.where %[[V0]], %[[A1]], %[[A2]] : !rasp.sop<i64>, !rasp.sop<f64> -> !rasp.sop<f64>
// CHECK-NEXT:  %[[V3:[0-9a-z_]+]] = rasp.where %[[V1]], %[[A2]], %[[A1]] : !rasp.sop<f64>, !rasp.sop<i64> -> !rasp.sop<f64>
// CHECK-NEXT:  return %[[V2]], %[[V3]], %[[A2]] : !rasp.sop<f64>, !rasp.sop<f64>, !rasp.sop<f64>
func.func @where_needs_promotion(%c: !rasp.sop<i1>, %x: !rasp.sop<i64>, %y: !rasp.sop<f64>) -> (!rasp.sop<f64>, !rasp.sop<f64>, !rasp.sop<f64>) {
  %t = rasp.constant true : !rasp.sop<i1>
  %f = rasp.constant false : !rasp.sop<i1>
  %0 = rasp.where %t, %x, %y : !rasp.sop<i64>, !rasp.sop<f64> -> !rasp.sop<f64>
  %1 = rasp.where %f, %y, %x : !rasp.sop<f64>, !rasp.sop<i64> -> !rasp.sop<f64>
  %2 = rasp.where %t, %y, %x : !rasp.sop<f64>, !rasp.sop<i64> -> !rasp.sop<f64>
  return %0, %1, %2 : !rasp.sop<f64>, !rasp.sop<f64>, !rasp.sop<f64>
}

// CHECK-LABEL: func.func @where_not_folded
// CHECK-SAME:  (%[[A0:[0-9a-z_]+]]: !rasp.sop<i1>, %[[A1:[0-9a-z_]+]]: !rasp.sop<i64>, %[[A2:[0-9a-z_]+]]: !rasp.sop<i64>) -> !rasp.sop<i64> {
// CHECK-NEXT:  %[[V0:[0-9a-z_]+]] = rasp.where %[[A0]], %[[A1]], %[[A2]] : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
// CHECK-NEXT:  return %[[V0]] : !rasp.sop<i64>
func.func @where_not_folded(%c: !rasp.sop<i1>, %x: !rasp.sop<i64>, %y: !rasp.sop<i64>) -> !rasp.sop<i64> {
  %0 = rasp.where %c, %x, %y : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  return %0 : !rasp.sop<i64>
}

// -----

// CHECK-LABEL: func.func @selectors
// CHECK-SAME:  (%[[A0:[0-9a-z_]+]]: !rasp.sop<i64>, %[[A1:[0-9a-z_]+]]: !rasp.sop<i64>) -> (!rasp.sop<i64>, !rasp.sop<i64>, !rasp.sop<i64>, !rasp.sop<i64>) {
// CHECK-NEXT:  %[[V0:[0-9a-z_]+]] = rasp.select %[[A0]], %[[A1]], lt : !rasp.sop<i64>, !rasp.sop<i64>
// CHECK-NEXT:  %[[V1:[0-9a-z_]+]] = rasp.selector_width %[[V0]] : !rasp.sop<i64>
// CHECK-NEXT:  %[[V2:[0-9a-z_]+]] = rasp.selector_width %[[V0]] : !rasp.sop<i64>
// CHECK-NEXT:  %[[V3:[0-9a-z_]+]] = rasp.select_not %[[V0]]
// CHECK-NEXT:  %[[V4:[0-9a-z_]+]] = rasp.selector_width %[[V0]] : !rasp.sop<i64>
// CHECK-NEXT:  %[[V5:[0-9a-z_]+]] = rasp.selector_width %[[V3]] : !rasp.sop<i64>
// CHECK-NEXT:  return %[[V1]], %[[V2]], %[[V4]], %[[V5]] : !rasp.sop<i64>, !rasp.sop<i64>, !rasp.sop<i64>, !rasp.sop<i64>
func.func @selectors(%i: !rasp.sop<i64>, %j: !rasp.sop<i64>) -> (!rasp.sop<i64>, !rasp.sop<i64>, !rasp.sop<i64>, !rasp.sop<i64>) {
  %a = rasp.select %i, %j, lt : !rasp.sop<i64>, !rasp.sop<i64>
  %0 = rasp.select_and %a, %a
  %w0 = rasp.selector_width %0 : !rasp.sop<i64>
  %1 = rasp.select_or %a, %a
  %w1 = rasp.selector_width %1 : !rasp.sop<i64>
  %n = rasp.select_not %a
  %2 = rasp.select_not %n
  %w2 = rasp.selector_width %2 : !rasp.sop<i64>
  %w3 = rasp.selector_width %n : !rasp.sop<i64>
  return %w0, %w1, %w2, %w3 : !rasp.sop<i64>, !rasp.sop<i64>, !rasp.sop<i64>, !rasp.sop<i64>
}

// CHECK-LABEL: func.func @selectors_not_folded
// CHECK-SAME:  (%[[A0:[0-9a-z_]+]]: !rasp.sop<i64>) -> (!rasp.sop<i64>, !rasp.sop<i64>) {
// CHECK-NEXT:  %[[V0:[0-9a-z_]+]] = rasp.select %[[A0]], %[[A0]], lt : !rasp.sop<i64>, !rasp.sop<i64>
// CHECK-NEXT:  %[[V1:[0-9a-z_]+]] = rasp.select %[[A0]], %[[A0]], eq : !rasp.sop<i64>, !rasp.sop<i64>
// CHECK-NEXT:  %[[V2:[0-9a-z_]+]] = rasp.select_and %[[V0]], %[[V1]]
// CHECK-NEXT:  %[[V3:[0-9a-z_]+]] = rasp.select_or %[[V0]], %[[V1]]
// CHECK-NEXT:  %[[V4:[0-9a-z_]+]] = rasp.selector_width %[[V2]] : !rasp.sop<i64>
// CHECK-NEXT:  %[[V5:[0-9a-z_]+]] = rasp.selector_width %[[V3]] : !rasp.sop<i64>
// CHECK-NEXT:  return %[[V4]], %[[V5]] : !rasp.sop<i64>, !rasp.sop<i64>
func.func @selectors_not_folded(%i: !rasp.sop<i64>) -> (!rasp.sop<i64>, !rasp.sop<i64>) {
  %a = rasp.select %i, %i, lt : !rasp.sop<i64>, !rasp.sop<i64>
  %b = rasp.select %i, %i, eq : !rasp.sop<i64>, !rasp.sop<i64>
  %0 = rasp.select_and %a, %b
  %1 = rasp.select_or %a, %b
  %w0 = rasp.selector_width %0 : !rasp.sop<i64>
  %w1 = rasp.selector_width %1 : !rasp.sop<i64>
  return %w0, %w1 : !rasp.sop<i64>, !rasp.sop<i64>
}

// -----

// Folding cascades; equal constants are merged; dead ops go.

// CHECK-LABEL: func.func @cascade
// CHECK-SAME:  () -> !rasp.sop<i1> {
// CHECK-NEXT:  %[[V0:[0-9a-z_]+]] = rasp.constant true : !rasp.sop<i1>
// CHECK-NEXT:  return %[[V0]] : !rasp.sop<i1>
func.func @cascade() -> !rasp.sop<i1> {
  %one = rasp.constant 1 : !rasp.sop<i64>
  %two = rasp.constant 2 : !rasp.sop<i64>
  %also_two = rasp.constant 2 : !rasp.sop<i64>
  %dead = rasp.mul %two, %two : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %0 = rasp.add %one, %one : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %1 = rasp.cmp eq, %0, %also_two : !rasp.sop<i64>, !rasp.sop<i64>
  %2 = rasp.not %1 : !rasp.sop<i1> -> !rasp.sop<i1>
  %3 = rasp.indicator %2 : !rasp.sop<i1> -> !rasp.sop<i64>
  %4 = rasp.cmp lt, %3, %one : !rasp.sop<i64>, !rasp.sop<i64>
  return %4 : !rasp.sop<i1>
}

// -----

// Folds never drop an operand that may raise a run-time error: the reference
// computes every operand of a map (difftest found `tokens if (indices %
// indices) else tokens` folded to `tokens`, losing the division by zero).
// CHECK-LABEL: func.func @keep_failing_operands
// CHECK:         %[[MOD:.+]] = rasp.mod
// CHECK:         %[[C:.+]] = rasp.cmp ne, %[[MOD]]
// CHECK:         %[[W:.+]] = rasp.where %[[C]], %[[T:.+]], %[[T]]
// CHECK:         %[[AND:.+]] = rasp.and %[[C]], %{{.+}}
// CHECK:         %[[OR:.+]] = rasp.or %[[C]], %{{.+}}
// CHECK:         return %[[W]], %[[AND]], %[[OR]]
func.func @keep_failing_operands() -> (!rasp.sop<!rasp.string>, !rasp.sop<i1>, !rasp.sop<i1>) {
  %i = rasp.indices : !rasp.sop<i64>
  %t = rasp.tokens : !rasp.sop<!rasp.string>
  %m = rasp.mod %i, %i : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %z = rasp.constant 0 : !rasp.sop<i64>
  %c = rasp.cmp ne, %m, %z : !rasp.sop<i64>, !rasp.sop<i64>
  %w = rasp.where %c, %t, %t : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string> -> !rasp.sop<!rasp.string>
  %f = rasp.constant false : !rasp.sop<i1>
  %a = rasp.and %c, %f : !rasp.sop<i1>
  %tr = rasp.constant true : !rasp.sop<i1>
  %o = rasp.or %c, %tr : !rasp.sop<i1>
  return %w, %a, %o : !rasp.sop<!rasp.string>, !rasp.sop<i1>, !rasp.sop<i1>
}

// -----

// Operands that cannot fail are still folded away.
// CHECK-LABEL: func.func @drop_safe_operands
// CHECK:         %[[T:.+]] = rasp.tokens
// CHECK-NOT:     rasp.where
// CHECK:         return %[[T]]
func.func @drop_safe_operands() -> !rasp.sop<!rasp.string> {
  %i = rasp.indices : !rasp.sop<i64>
  %t = rasp.tokens : !rasp.sop<!rasp.string>
  %z = rasp.constant 0 : !rasp.sop<i64>
  %c = rasp.cmp ne, %i, %z : !rasp.sop<i64>, !rasp.sop<i64>
  %w = rasp.where %c, %t, %t : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string> -> !rasp.sop<!rasp.string>
  return %w : !rasp.sop<!rasp.string>
}

// -----

// Folds that forward an operand keep the op when the operand is a string or
// bool aggregate with a default of another kind: taking that default at
// every position is an output when returned, but MixedDefault when another op
// reads it (docs/interpreter.md), so the reader must stay.
// CHECK-LABEL: func.func @keep_reader_of_foreign_default
// CHECK:         %[[G:.+]] = rasp.aggregate
// CHECK:         %[[OR:.+]] = rasp.or {{.*}}%[[G]]
// CHECK:         %[[NOT:.+]] = rasp.not %[[G]]
// CHECK:         %[[NOTNOT:.+]] = rasp.not %[[NOT]]
// CHECK:         %[[AND:.+]] = rasp.and %[[G]], %[[G]]
// CHECK:         return %[[OR]], %[[NOTNOT]], %[[AND]]
func.func @keep_reader_of_foreign_default() -> (!rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>) {
  %i = rasp.indices : !rasp.sop<i64>
  %five = rasp.constant 5 : !rasp.sop<i64>
  %s = rasp.select %i, %five, eq : !rasp.sop<i64>, !rasp.sop<i64>
  %t = rasp.tokens : !rasp.sop<i1>
  %g = rasp.aggregate %s, %t default 0 : !rasp.sop<i1> -> !rasp.sop<i1>
  %f = rasp.constant false : !rasp.sop<i1>
  %o = rasp.or %f, %g : !rasp.sop<i1>
  %n = rasp.not %g : !rasp.sop<i1> -> !rasp.sop<i1>
  %nn = rasp.not %n : !rasp.sop<i1> -> !rasp.sop<i1>
  %a = rasp.and %g, %g : !rasp.sop<i1>
  return %o, %nn, %a : !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>
}

// -----

// With a default of the values' kind the same folds apply.
// CHECK-LABEL: func.func @forward_same_kind_default
// CHECK:         %[[G:.+]] = rasp.aggregate
// CHECK-NOT:     rasp.or
// CHECK:         return %[[G]]
func.func @forward_same_kind_default() -> !rasp.sop<i1> {
  %i = rasp.indices : !rasp.sop<i64>
  %five = rasp.constant 5 : !rasp.sop<i64>
  %s = rasp.select %i, %five, eq : !rasp.sop<i64>, !rasp.sop<i64>
  %t = rasp.tokens : !rasp.sop<i1>
  %g = rasp.aggregate %s, %t default false : !rasp.sop<i1> -> !rasp.sop<i1>
  %f = rasp.constant false : !rasp.sop<i1>
  %o = rasp.or %f, %g : !rasp.sop<i1>
  return %o : !rasp.sop<i1>
}
