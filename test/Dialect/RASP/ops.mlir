// Every op and type of the rasp dialect round-trips through the custom
// syntax and through the generic form.
// RUN: rasp-opt %s | rasp-opt | FileCheck %s
// RUN: rasp-opt %s --mlir-print-op-generic | rasp-opt | FileCheck %s

// CHECK-LABEL: func.func @types
// CHECK-SAME:  (%[[A0:[0-9a-z_]+]]: !rasp.sop<i64>, %[[A1:[0-9a-z_]+]]: !rasp.sop<f64>, %[[A2:[0-9a-z_]+]]: !rasp.sop<i1>, %[[A3:[0-9a-z_]+]]: !rasp.sop<!rasp.string>, %[[A4:[0-9a-z_]+]]: !rasp.selector) -> (!rasp.sop<i64>, !rasp.sop<f64>, !rasp.sop<i1>, !rasp.sop<!rasp.string>, !rasp.selector) {
// CHECK-NEXT:  return %[[A0]], %[[A1]], %[[A2]], %[[A3]], %[[A4]] : !rasp.sop<i64>, !rasp.sop<f64>, !rasp.sop<i1>, !rasp.sop<!rasp.string>, !rasp.selector
func.func @types(%a: !rasp.sop<i64>, %b: !rasp.sop<f64>, %c: !rasp.sop<i1>,
                 %d: !rasp.sop<!rasp.string>, %e: !rasp.selector)
    -> (!rasp.sop<i64>, !rasp.sop<f64>, !rasp.sop<i1>, !rasp.sop<!rasp.string>,
        !rasp.selector) {
  return %a, %b, %c, %d, %e : !rasp.sop<i64>, !rasp.sop<f64>, !rasp.sop<i1>,
                              !rasp.sop<!rasp.string>, !rasp.selector
}

// CHECK-LABEL: func.func private @string_element
// CHECK-SAME:  (!rasp.string) -> !rasp.string
func.func private @string_element(!rasp.string) -> !rasp.string

// CHECK-LABEL: func.func @inputs
// CHECK-SAME:  () {
// CHECK-NEXT:  %[[V0:[0-9a-z_]+]] = rasp.tokens : !rasp.sop<!rasp.string>
// CHECK-NEXT:  %[[V1:[0-9a-z_]+]] = rasp.tokens : !rasp.sop<i64>
// CHECK-NEXT:  %[[V2:[0-9a-z_]+]] = rasp.tokens : !rasp.sop<f64>
// CHECK-NEXT:  %[[V3:[0-9a-z_]+]] = rasp.tokens : !rasp.sop<i1>
// CHECK-NEXT:  %[[V4:[0-9a-z_]+]] = rasp.indices : !rasp.sop<i64>
// CHECK-NEXT:  %[[V5:[0-9a-z_]+]] = rasp.length : !rasp.sop<i64>
// CHECK-NEXT:  return
func.func @inputs() {
  %0 = rasp.tokens : !rasp.sop<!rasp.string>
  %1 = rasp.tokens : !rasp.sop<i64>
  %2 = rasp.tokens : !rasp.sop<f64>
  %3 = rasp.tokens : !rasp.sop<i1>
  %4 = rasp.indices : !rasp.sop<i64>
  %5 = rasp.length : !rasp.sop<i64>
  return
}

// CHECK-LABEL: func.func @constants
// CHECK-SAME:  () {
// CHECK-NEXT:  %[[V0:[0-9a-z_]+]] = rasp.constant 0 : !rasp.sop<i64>
// CHECK-NEXT:  %[[V1:[0-9a-z_]+]] = rasp.constant 5 : !rasp.sop<i64>
// CHECK-NEXT:  %[[V2:[0-9a-z_]+]] = rasp.constant -7 : !rasp.sop<i64>
// CHECK-NEXT:  %[[V3:[0-9a-z_]+]] = rasp.constant 9223372036854775807 : !rasp.sop<i64>
// CHECK-NEXT:  %[[V4:[0-9a-z_]+]] = rasp.constant -9223372036854775808 : !rasp.sop<i64>
// CHECK-NEXT:  %[[V5:[0-9a-z_]+]] = rasp.constant 2.0 : !rasp.sop<f64>
// CHECK-NEXT:  %[[V6:[0-9a-z_]+]] = rasp.constant -1.5 : !rasp.sop<f64>
// CHECK-NEXT:  %[[V7:[0-9a-z_]+]] = rasp.constant 0.1 : !rasp.sop<f64>
// CHECK-NEXT:  %[[V8:[0-9a-z_]+]] = rasp.constant -0.0 : !rasp.sop<f64>
// CHECK-NEXT:  %[[V9:[0-9a-z_]+]] = rasp.constant 1.0e+20 : !rasp.sop<f64>
// CHECK-NEXT:  %[[V10:[0-9a-z_]+]] = rasp.constant -2.5e-07 : !rasp.sop<f64>
// CHECK-NEXT:  %[[V11:[0-9a-z_]+]] = rasp.constant inf : !rasp.sop<f64>
// CHECK-NEXT:  %[[V12:[0-9a-z_]+]] = rasp.constant -inf : !rasp.sop<f64>
// CHECK-NEXT:  %[[V13:[0-9a-z_]+]] = rasp.constant nan : !rasp.sop<f64>
// CHECK-NEXT:  %[[V14:[0-9a-z_]+]] = rasp.constant true : !rasp.sop<i1>
// CHECK-NEXT:  %[[V15:[0-9a-z_]+]] = rasp.constant false : !rasp.sop<i1>
// CHECK-NEXT:  %[[V16:[0-9a-z_]+]] = rasp.constant "a" : !rasp.sop<!rasp.string>
// CHECK-NEXT:  %[[V17:[0-9a-z_]+]] = rasp.constant "" : !rasp.sop<!rasp.string>
// CHECK-NEXT:  %[[V18:[0-9a-z_]+]] = rasp.constant "hello world" : !rasp.sop<!rasp.string>
// CHECK-NEXT:  %[[V19:[0-9a-z_]+]] = rasp.constant "q\22\\\0A\C3\A9" : !rasp.sop<!rasp.string>
// CHECK-NEXT:  return
func.func @constants() {
  %i0 = rasp.constant 0 : !rasp.sop<i64>
  %i1 = rasp.constant 5 : !rasp.sop<i64>
  %i2 = rasp.constant -7 : !rasp.sop<i64>
  %i3 = rasp.constant 9223372036854775807 : !rasp.sop<i64>
  %i4 = rasp.constant -9223372036854775808 : !rasp.sop<i64>
  %f0 = rasp.constant 2.0 : !rasp.sop<f64>
  %f1 = rasp.constant -1.5 : !rasp.sop<f64>
  %f2 = rasp.constant 0.1 : !rasp.sop<f64>
  %f3 = rasp.constant -0.0 : !rasp.sop<f64>
  %f4 = rasp.constant 1.0e20 : !rasp.sop<f64>
  %f5 = rasp.constant -2.5e-7 : !rasp.sop<f64>
  %f6 = rasp.constant inf : !rasp.sop<f64>
  %f7 = rasp.constant -inf : !rasp.sop<f64>
  %f8 = rasp.constant nan : !rasp.sop<f64>
  %b0 = rasp.constant true : !rasp.sop<i1>
  %b1 = rasp.constant false : !rasp.sop<i1>
  %s0 = rasp.constant "a" : !rasp.sop<!rasp.string>
  %s1 = rasp.constant "" : !rasp.sop<!rasp.string>
  %s2 = rasp.constant "hello world" : !rasp.sop<!rasp.string>
  %s3 = rasp.constant "q\"\\\n\C3\A9" : !rasp.sop<!rasp.string>
  return
}

// CHECK-LABEL: func.func @unary
// CHECK-SAME:  (%[[A0:[0-9a-z_]+]]: !rasp.sop<i64>, %[[A1:[0-9a-z_]+]]: !rasp.sop<f64>, %[[A2:[0-9a-z_]+]]: !rasp.sop<i1>) {
// CHECK-NEXT:  %[[V0:[0-9a-z_]+]] = rasp.neg %[[A0]] : !rasp.sop<i64> -> !rasp.sop<i64>
// CHECK-NEXT:  %[[V1:[0-9a-z_]+]] = rasp.neg %[[A1]] : !rasp.sop<f64> -> !rasp.sop<f64>
// CHECK-NEXT:  %[[V2:[0-9a-z_]+]] = rasp.not %[[A2]] : !rasp.sop<i1> -> !rasp.sop<i1>
// CHECK-NEXT:  %[[V3:[0-9a-z_]+]] = rasp.round %[[A0]] : !rasp.sop<i64> -> !rasp.sop<i64>
// CHECK-NEXT:  %[[V4:[0-9a-z_]+]] = rasp.round %[[A1]] : !rasp.sop<f64> -> !rasp.sop<i64>
// CHECK-NEXT:  %[[V5:[0-9a-z_]+]] = rasp.indicator %[[A2]] : !rasp.sop<i1> -> !rasp.sop<i64>
// CHECK-NEXT:  return
func.func @unary(%i: !rasp.sop<i64>, %f: !rasp.sop<f64>, %b: !rasp.sop<i1>) {
  %0 = rasp.neg %i : !rasp.sop<i64> -> !rasp.sop<i64>
  %1 = rasp.neg %f : !rasp.sop<f64> -> !rasp.sop<f64>
  %2 = rasp.not %b : !rasp.sop<i1> -> !rasp.sop<i1>
  %3 = rasp.round %i : !rasp.sop<i64> -> !rasp.sop<i64>
  %4 = rasp.round %f : !rasp.sop<f64> -> !rasp.sop<i64>
  %5 = rasp.indicator %b : !rasp.sop<i1> -> !rasp.sop<i64>
  return
}

// CHECK-LABEL: func.func @arith
// CHECK-SAME:  (%[[A0:[0-9a-z_]+]]: !rasp.sop<i64>, %[[A1:[0-9a-z_]+]]: !rasp.sop<f64>) {
// CHECK-NEXT:  %[[V0:[0-9a-z_]+]] = rasp.add %[[A0]], %[[A0]] : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
// CHECK-NEXT:  %[[V1:[0-9a-z_]+]] = rasp.add %[[A0]], %[[A1]] : !rasp.sop<i64>, !rasp.sop<f64> -> !rasp.sop<f64>
// CHECK-NEXT:  %[[V2:[0-9a-z_]+]] = rasp.add %[[A1]], %[[A0]] : !rasp.sop<f64>, !rasp.sop<i64> -> !rasp.sop<f64>
// CHECK-NEXT:  %[[V3:[0-9a-z_]+]] = rasp.add %[[A1]], %[[A1]] : !rasp.sop<f64>, !rasp.sop<f64> -> !rasp.sop<f64>
// CHECK-NEXT:  %[[V4:[0-9a-z_]+]] = rasp.sub %[[A0]], %[[A0]] : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
// CHECK-NEXT:  %[[V5:[0-9a-z_]+]] = rasp.sub %[[A1]], %[[A0]] : !rasp.sop<f64>, !rasp.sop<i64> -> !rasp.sop<f64>
// CHECK-NEXT:  %[[V6:[0-9a-z_]+]] = rasp.mul %[[A0]], %[[A0]] : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
// CHECK-NEXT:  %[[V7:[0-9a-z_]+]] = rasp.mul %[[A0]], %[[A1]] : !rasp.sop<i64>, !rasp.sop<f64> -> !rasp.sop<f64>
// CHECK-NEXT:  %[[V8:[0-9a-z_]+]] = rasp.div %[[A0]], %[[A0]] : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<f64>
// CHECK-NEXT:  %[[V9:[0-9a-z_]+]] = rasp.div %[[A1]], %[[A1]] : !rasp.sop<f64>, !rasp.sop<f64> -> !rasp.sop<f64>
// CHECK-NEXT:  %[[V10:[0-9a-z_]+]] = rasp.mod %[[A0]], %[[A0]] : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
// CHECK-NEXT:  %[[V11:[0-9a-z_]+]] = rasp.mod %[[A1]], %[[A0]] : !rasp.sop<f64>, !rasp.sop<i64> -> !rasp.sop<f64>
// CHECK-NEXT:  %[[V12:[0-9a-z_]+]] = rasp.pow %[[A0]], %[[A0]] : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
// CHECK-NEXT:  %[[V13:[0-9a-z_]+]] = rasp.pow %[[A0]], %[[A0]] : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<f64>
// CHECK-NEXT:  %[[V14:[0-9a-z_]+]] = rasp.pow %[[A1]], %[[A0]] : !rasp.sop<f64>, !rasp.sop<i64> -> !rasp.sop<f64>
// CHECK-NEXT:  return
func.func @arith(%i: !rasp.sop<i64>, %f: !rasp.sop<f64>) {
  %0 = rasp.add %i, %i : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %1 = rasp.add %i, %f : !rasp.sop<i64>, !rasp.sop<f64> -> !rasp.sop<f64>
  %2 = rasp.add %f, %i : !rasp.sop<f64>, !rasp.sop<i64> -> !rasp.sop<f64>
  %3 = rasp.add %f, %f : !rasp.sop<f64>, !rasp.sop<f64> -> !rasp.sop<f64>
  %4 = rasp.sub %i, %i : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %5 = rasp.sub %f, %i : !rasp.sop<f64>, !rasp.sop<i64> -> !rasp.sop<f64>
  %6 = rasp.mul %i, %i : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %7 = rasp.mul %i, %f : !rasp.sop<i64>, !rasp.sop<f64> -> !rasp.sop<f64>
  %8 = rasp.div %i, %i : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<f64>
  %9 = rasp.div %f, %f : !rasp.sop<f64>, !rasp.sop<f64> -> !rasp.sop<f64>
  %10 = rasp.mod %i, %i : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %11 = rasp.mod %f, %i : !rasp.sop<f64>, !rasp.sop<i64> -> !rasp.sop<f64>
  %12 = rasp.pow %i, %i : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %13 = rasp.pow %i, %i : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<f64>
  %14 = rasp.pow %f, %i : !rasp.sop<f64>, !rasp.sop<i64> -> !rasp.sop<f64>
  return
}

// CHECK-LABEL: func.func @strings
// CHECK-SAME:  (%[[A0:[0-9a-z_]+]]: !rasp.sop<!rasp.string>) {
// CHECK-NEXT:  %[[V0:[0-9a-z_]+]] = rasp.constant "-" : !rasp.sop<!rasp.string>
// CHECK-NEXT:  %[[V1:[0-9a-z_]+]] = rasp.concat %[[A0]], %[[V0]] : !rasp.sop<!rasp.string>
// CHECK-NEXT:  %[[V2:[0-9a-z_]+]] = rasp.concat %[[V1]], %[[A0]] : !rasp.sop<!rasp.string>
// CHECK-NEXT:  %[[V3:[0-9a-z_]+]] = rasp.cmp lt, %[[A0]], %[[V0]] : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string>
// CHECK-NEXT:  return
func.func @strings(%s: !rasp.sop<!rasp.string>) {
  %dash = rasp.constant "-" : !rasp.sop<!rasp.string>
  %0 = rasp.concat %s, %dash : !rasp.sop<!rasp.string>
  %1 = rasp.concat %0, %s : !rasp.sop<!rasp.string>
  %2 = rasp.cmp lt, %s, %dash : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string>
  return
}

// CHECK-LABEL: func.func @compare
// CHECK-SAME:  (%[[A0:[0-9a-z_]+]]: !rasp.sop<i64>, %[[A1:[0-9a-z_]+]]: !rasp.sop<f64>, %[[A2:[0-9a-z_]+]]: !rasp.sop<i1>) {
// CHECK-NEXT:  %[[V0:[0-9a-z_]+]] = rasp.cmp eq, %[[A0]], %[[A0]] : !rasp.sop<i64>, !rasp.sop<i64>
// CHECK-NEXT:  %[[V1:[0-9a-z_]+]] = rasp.cmp ne, %[[A0]], %[[A1]] : !rasp.sop<i64>, !rasp.sop<f64>
// CHECK-NEXT:  %[[V2:[0-9a-z_]+]] = rasp.cmp lt, %[[A1]], %[[A0]] : !rasp.sop<f64>, !rasp.sop<i64>
// CHECK-NEXT:  %[[V3:[0-9a-z_]+]] = rasp.cmp gt, %[[A1]], %[[A1]] : !rasp.sop<f64>, !rasp.sop<f64>
// CHECK-NEXT:  %[[V4:[0-9a-z_]+]] = rasp.cmp le, %[[A0]], %[[A0]] : !rasp.sop<i64>, !rasp.sop<i64>
// CHECK-NEXT:  %[[V5:[0-9a-z_]+]] = rasp.cmp ge, %[[A2]], %[[A2]] : !rasp.sop<i1>, !rasp.sop<i1>
// CHECK-NEXT:  return
func.func @compare(%i: !rasp.sop<i64>, %f: !rasp.sop<f64>, %b: !rasp.sop<i1>) {
  %0 = rasp.cmp eq, %i, %i : !rasp.sop<i64>, !rasp.sop<i64>
  %1 = rasp.cmp ne, %i, %f : !rasp.sop<i64>, !rasp.sop<f64>
  %2 = rasp.cmp lt, %f, %i : !rasp.sop<f64>, !rasp.sop<i64>
  %3 = rasp.cmp gt, %f, %f : !rasp.sop<f64>, !rasp.sop<f64>
  %4 = rasp.cmp le, %i, %i : !rasp.sop<i64>, !rasp.sop<i64>
  %5 = rasp.cmp ge, %b, %b : !rasp.sop<i1>, !rasp.sop<i1>
  return
}

// CHECK-LABEL: func.func @logic
// CHECK-SAME:  (%[[A0:[0-9a-z_]+]]: !rasp.sop<i1>, %[[A1:[0-9a-z_]+]]: !rasp.sop<i1>, %[[A2:[0-9a-z_]+]]: !rasp.sop<i64>, %[[A3:[0-9a-z_]+]]: !rasp.sop<f64>, %[[A4:[0-9a-z_]+]]: !rasp.sop<!rasp.string>) {
// CHECK-NEXT:  %[[V0:[0-9a-z_]+]] = rasp.and %[[A0]], %[[A1]] : !rasp.sop<i1>
// CHECK-NEXT:  %[[V1:[0-9a-z_]+]] = rasp.or %[[A0]], %[[A1]] : !rasp.sop<i1>
// CHECK-NEXT:  %[[V2:[0-9a-z_]+]] = rasp.where %[[A0]], %[[A2]], %[[A2]] : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
// CHECK-NEXT:  %[[V3:[0-9a-z_]+]] = rasp.where %[[A0]], %[[A2]], %[[A3]] : !rasp.sop<i64>, !rasp.sop<f64> -> !rasp.sop<f64>
// CHECK-NEXT:  %[[V4:[0-9a-z_]+]] = rasp.where %[[A0]], %[[A3]], %[[A2]] : !rasp.sop<f64>, !rasp.sop<i64> -> !rasp.sop<f64>
// CHECK-NEXT:  %[[V5:[0-9a-z_]+]] = rasp.where %[[A0]], %[[A4]], %[[A4]] : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string> -> !rasp.sop<!rasp.string>
// CHECK-NEXT:  %[[V6:[0-9a-z_]+]] = rasp.where %[[A0]], %[[A0]], %[[A1]] : !rasp.sop<i1>, !rasp.sop<i1> -> !rasp.sop<i1>
// CHECK-NEXT:  return
func.func @logic(%b: !rasp.sop<i1>, %c: !rasp.sop<i1>, %i: !rasp.sop<i64>,
                 %f: !rasp.sop<f64>, %s: !rasp.sop<!rasp.string>) {
  %0 = rasp.and %b, %c : !rasp.sop<i1>
  %1 = rasp.or %b, %c : !rasp.sop<i1>
  %2 = rasp.where %b, %i, %i : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %3 = rasp.where %b, %i, %f : !rasp.sop<i64>, !rasp.sop<f64> -> !rasp.sop<f64>
  %4 = rasp.where %b, %f, %i : !rasp.sop<f64>, !rasp.sop<i64> -> !rasp.sop<f64>
  %5 = rasp.where %b, %s, %s : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string> -> !rasp.sop<!rasp.string>
  %6 = rasp.where %b, %b, %c : !rasp.sop<i1>, !rasp.sop<i1> -> !rasp.sop<i1>
  return
}

// CHECK-LABEL: func.func @member
// CHECK-SAME:  (%[[A0:[0-9a-z_]+]]: !rasp.sop<i64>, %[[A1:[0-9a-z_]+]]: !rasp.sop<f64>, %[[A2:[0-9a-z_]+]]: !rasp.sop<i1>, %[[A3:[0-9a-z_]+]]: !rasp.sop<!rasp.string>) {
// CHECK-NEXT:  %[[V0:[0-9a-z_]+]] = rasp.member %[[A0]], [1, -2, 3] : !rasp.sop<i64>
// CHECK-NEXT:  %[[V1:[0-9a-z_]+]] = rasp.member %[[A1]], [0.5, -1.25, 3.0] : !rasp.sop<f64>
// CHECK-NEXT:  %[[V2:[0-9a-z_]+]] = rasp.member %[[A2]], [true, false] : !rasp.sop<i1>
// CHECK-NEXT:  %[[V3:[0-9a-z_]+]] = rasp.member %[[A3]], ["a", "bc", ""] : !rasp.sop<!rasp.string>
// CHECK-NEXT:  %[[V4:[0-9a-z_]+]] = rasp.member %[[A0]], [1, 2.5, true, "x"] : !rasp.sop<i64>
// CHECK-NEXT:  %[[V5:[0-9a-z_]+]] = rasp.member %[[A3]], [] : !rasp.sop<!rasp.string>
// CHECK-NEXT:  return
func.func @member(%i: !rasp.sop<i64>, %f: !rasp.sop<f64>, %b: !rasp.sop<i1>,
                  %s: !rasp.sop<!rasp.string>) {
  %0 = rasp.member %i, [1, -2, 3] : !rasp.sop<i64>
  %1 = rasp.member %f, [0.5, -1.25, 3.0] : !rasp.sop<f64>
  %2 = rasp.member %b, [true, false] : !rasp.sop<i1>
  %3 = rasp.member %s, ["a", "bc", ""] : !rasp.sop<!rasp.string>
  %4 = rasp.member %i, [1, 2.5, true, "x"] : !rasp.sop<i64>
  %5 = rasp.member %s, [] : !rasp.sop<!rasp.string>
  return
}

// CHECK-LABEL: func.func @lookup
// CHECK-SAME:  (%[[A0:[0-9a-z_]+]]: !rasp.sop<i64>, %[[A1:[0-9a-z_]+]]: !rasp.sop<f64>, %[[A2:[0-9a-z_]+]]: !rasp.sop<i1>, %[[A3:[0-9a-z_]+]]: !rasp.sop<!rasp.string>) {
// CHECK-NEXT:  %[[V0:[0-9a-z_]+]] = rasp.lookup %[[A0]], [0, 1, -2, -1] -> ["a", "b", "a", "b"] : !rasp.sop<i64> -> !rasp.sop<!rasp.string>
// CHECK-NEXT:  %[[V1:[0-9a-z_]+]] = rasp.lookup %[[A3]], ["a", "b"] -> [1, -1] : !rasp.sop<!rasp.string> -> !rasp.sop<i64>
// CHECK-NEXT:  %[[V2:[0-9a-z_]+]] = rasp.lookup %[[A0]], [0, 1] -> [1, -0.5] : !rasp.sop<i64> -> !rasp.sop<f64>
// CHECK-NEXT:  %[[V3:[0-9a-z_]+]] = rasp.lookup %[[A1]], [0.5, -1.5] -> [true, false] : !rasp.sop<f64> -> !rasp.sop<i1>
// CHECK-NEXT:  %[[V4:[0-9a-z_]+]] = rasp.lookup %[[A2]], [true, false] -> [2.5, -2.5] : !rasp.sop<i1> -> !rasp.sop<f64>
// CHECK-NEXT:  %[[V5:[0-9a-z_]+]] = rasp.lookup %[[A3]], [] -> [] : !rasp.sop<!rasp.string> -> !rasp.sop<!rasp.string>
// CHECK-NEXT:  return
func.func @lookup(%i: !rasp.sop<i64>, %f: !rasp.sop<f64>, %b: !rasp.sop<i1>,
                  %s: !rasp.sop<!rasp.string>) {
  %0 = rasp.lookup %i, [0, 1, -2, -1] -> ["a", "b", "a", "b"] : !rasp.sop<i64> -> !rasp.sop<!rasp.string>
  %1 = rasp.lookup %s, ["a", "b"] -> [1, -1] : !rasp.sop<!rasp.string> -> !rasp.sop<i64>
  %2 = rasp.lookup %i, [0, 1] -> [1, -0.5] : !rasp.sop<i64> -> !rasp.sop<f64>
  %3 = rasp.lookup %f, [0.5, -1.5] -> [true, false] : !rasp.sop<f64> -> !rasp.sop<i1>
  %4 = rasp.lookup %b, [true, false] -> [2.5, -2.5] : !rasp.sop<i1> -> !rasp.sop<f64>
  %5 = rasp.lookup %s, [] -> [] : !rasp.sop<!rasp.string> -> !rasp.sop<!rasp.string>
  return
}

// CHECK-LABEL: func.func @selectors
// CHECK-SAME:  (%[[A0:[0-9a-z_]+]]: !rasp.sop<i64>, %[[A1:[0-9a-z_]+]]: !rasp.sop<f64>, %[[A2:[0-9a-z_]+]]: !rasp.sop<i1>, %[[A3:[0-9a-z_]+]]: !rasp.sop<!rasp.string>) {
// CHECK-NEXT:  %[[V0:[0-9a-z_]+]] = rasp.select %[[A0]], %[[A0]], eq : !rasp.sop<i64>, !rasp.sop<i64>
// CHECK-NEXT:  %[[V1:[0-9a-z_]+]] = rasp.select %[[A0]], %[[A1]], ne : !rasp.sop<i64>, !rasp.sop<f64>
// CHECK-NEXT:  %[[V2:[0-9a-z_]+]] = rasp.select %[[A1]], %[[A0]], lt : !rasp.sop<f64>, !rasp.sop<i64>
// CHECK-NEXT:  %[[V3:[0-9a-z_]+]] = rasp.select %[[A3]], %[[A3]], gt : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string>
// CHECK-NEXT:  %[[V4:[0-9a-z_]+]] = rasp.select %[[A2]], %[[A2]], le : !rasp.sop<i1>, !rasp.sop<i1>
// CHECK-NEXT:  %[[V5:[0-9a-z_]+]] = rasp.select %[[A0]], %[[A0]], ge : !rasp.sop<i64>, !rasp.sop<i64>
// CHECK-NEXT:  %[[V6:[0-9a-z_]+]] = rasp.select_and %[[V0]], %[[V1]]
// CHECK-NEXT:  %[[V7:[0-9a-z_]+]] = rasp.select_or %[[V6]], %[[V2]]
// CHECK-NEXT:  %[[V8:[0-9a-z_]+]] = rasp.select_not %[[V7]]
// CHECK-NEXT:  %[[V9:[0-9a-z_]+]] = rasp.selector_width %[[V8]] : !rasp.sop<i64>
// CHECK-NEXT:  return
func.func @selectors(%i: !rasp.sop<i64>, %f: !rasp.sop<f64>, %b: !rasp.sop<i1>,
                     %s: !rasp.sop<!rasp.string>) {
  %0 = rasp.select %i, %i, eq : !rasp.sop<i64>, !rasp.sop<i64>
  %1 = rasp.select %i, %f, ne : !rasp.sop<i64>, !rasp.sop<f64>
  %2 = rasp.select %f, %i, lt : !rasp.sop<f64>, !rasp.sop<i64>
  %3 = rasp.select %s, %s, gt : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string>
  %4 = rasp.select %b, %b, le : !rasp.sop<i1>, !rasp.sop<i1>
  %5 = rasp.select %i, %i, ge : !rasp.sop<i64>, !rasp.sop<i64>
  %6 = rasp.select_and %0, %1
  %7 = rasp.select_or %6, %2
  %8 = rasp.select_not %7
  %9 = rasp.selector_width %8 : !rasp.sop<i64>
  return
}

// CHECK-LABEL: func.func @aggregate
// CHECK-SAME:  (%[[A0:[0-9a-z_]+]]: !rasp.selector, %[[A1:[0-9a-z_]+]]: !rasp.sop<i64>, %[[A2:[0-9a-z_]+]]: !rasp.sop<f64>, %[[A3:[0-9a-z_]+]]: !rasp.sop<i1>, %[[A4:[0-9a-z_]+]]: !rasp.sop<!rasp.string>) {
// CHECK-NEXT:  %[[V0:[0-9a-z_]+]] = rasp.aggregate %[[A0]], %[[A1]] default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
// CHECK-NEXT:  %[[V1:[0-9a-z_]+]] = rasp.aggregate %[[A0]], %[[A2]] default -1.5 : !rasp.sop<f64> -> !rasp.sop<f64>
// CHECK-NEXT:  %[[V2:[0-9a-z_]+]] = rasp.aggregate %[[A0]], %[[A1]] default 2.0 : !rasp.sop<i64> -> !rasp.sop<f64>
// CHECK-NEXT:  %[[V3:[0-9a-z_]+]] = rasp.aggregate %[[A0]], %[[A4]] default 0 : !rasp.sop<!rasp.string> -> !rasp.sop<!rasp.string>
// CHECK-NEXT:  %[[V4:[0-9a-z_]+]] = rasp.aggregate %[[A0]], %[[A4]] default "" : !rasp.sop<!rasp.string> -> !rasp.sop<!rasp.string>
// CHECK-NEXT:  %[[V5:[0-9a-z_]+]] = rasp.aggregate %[[A0]], %[[A3]] default false : !rasp.sop<i1> -> !rasp.sop<i1>
// CHECK-NEXT:  return
func.func @aggregate(%sel: !rasp.selector, %i: !rasp.sop<i64>, %f: !rasp.sop<f64>,
                     %b: !rasp.sop<i1>, %s: !rasp.sop<!rasp.string>) {
  %0 = rasp.aggregate %sel, %i default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  %1 = rasp.aggregate %sel, %f default -1.5 : !rasp.sop<f64> -> !rasp.sop<f64>
  %2 = rasp.aggregate %sel, %i default 2.0 : !rasp.sop<i64> -> !rasp.sop<f64>
  %3 = rasp.aggregate %sel, %s default 0 : !rasp.sop<!rasp.string> -> !rasp.sop<!rasp.string>
  %4 = rasp.aggregate %sel, %s default "" : !rasp.sop<!rasp.string> -> !rasp.sop<!rasp.string>
  %5 = rasp.aggregate %sel, %b default false : !rasp.sop<i1> -> !rasp.sop<i1>
  return
}

// CHECK-LABEL: func.func @scan_mean
// CHECK-SAME:  (%[[A0:[0-9a-z_]+]]: !rasp.sop<i64>) {
// CHECK-NEXT:  %[[V0:[0-9a-z_]+]] = rasp.scan_mean %[[A0]], le default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
// CHECK-NEXT:  %[[V1:[0-9a-z_]+]] = rasp.scan_mean %[[A0]], gt default -2.5 : !rasp.sop<i64> -> !rasp.sop<f64>
// CHECK-NEXT:  return
func.func @scan_mean(%v: !rasp.sop<i64>) {
  %0 = rasp.scan_mean %v, le default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  %1 = rasp.scan_mean %v, gt default -2.5 : !rasp.sop<i64> -> !rasp.sop<f64>
  return
}

// CHECK-LABEL: func.func @scan_sum
// CHECK-SAME:  (%[[A0:[0-9a-z_]+]]: !rasp.sop<i64>) {
// CHECK-NEXT:  %[[V0:[0-9a-z_]+]] = rasp.scan_sum %[[A0]], le : !rasp.sop<i64>
// CHECK-NEXT:  %[[V1:[0-9a-z_]+]] = rasp.scan_sum %[[A0]], gt : !rasp.sop<i64>
// CHECK-NEXT:  return
func.func @scan_sum(%v: !rasp.sop<i64>) {
  %0 = rasp.scan_sum %v, le : !rasp.sop<i64>
  %1 = rasp.scan_sum %v, gt : !rasp.sop<i64>
  return
}

// CHECK-LABEL: func.func @gather
// CHECK-SAME:  (%[[A0:[0-9a-z_]+]]: !rasp.sop<!rasp.string>, %[[A1:[0-9a-z_]+]]: !rasp.sop<i64>) {
// CHECK-NEXT:  %[[V0:[0-9a-z_]+]] = rasp.gather %[[A0]], %[[A1]] default "-" : !rasp.sop<!rasp.string>, !rasp.sop<i64> -> !rasp.sop<!rasp.string>
// CHECK-NEXT:  %[[V1:[0-9a-z_]+]] = rasp.gather %[[A1]], %[[A1]] default 0 : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<f64>
// CHECK-NEXT:  return
func.func @gather(%s: !rasp.sop<!rasp.string>, %p: !rasp.sop<i64>) {
  %0 = rasp.gather %s, %p default "-" : !rasp.sop<!rasp.string>, !rasp.sop<i64> -> !rasp.sop<!rasp.string>
  %1 = rasp.gather %p, %p default 0 : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<f64>
  return
}

// CHECK-LABEL: func.func @group_neighbor
// CHECK-SAME:  (%[[G:[0-9a-z_]+]]: !rasp.sop<i64>, %[[S:[0-9a-z_]+]]: !rasp.sop<!rasp.string>, %[[B:[0-9a-z_]+]]: !rasp.sop<i1>) {
// CHECK-NEXT:  rasp.group_neighbor previous %[[G]] : !rasp.sop<i64> -> !rasp.sop<i64>
// CHECK-NEXT:  rasp.group_neighbor next %[[S]] : !rasp.sop<!rasp.string> key_mask %[[B]] : !rasp.sop<i1> query_mask %[[B]] : !rasp.sop<i1> -> !rasp.sop<i64>
// CHECK-NEXT:  rasp.group_neighbor previous %[[G]] : !rasp.sop<i64> key_mask %[[B]] : !rasp.sop<i1> values %[[S]] : !rasp.sop<!rasp.string> default "-" -> !rasp.sop<!rasp.string>
// CHECK-NEXT:  rasp.group_neighbor next %[[B]] : !rasp.sop<i1> query_mask %[[B]] : !rasp.sop<i1> values %[[G]] : !rasp.sop<i64> default 0 -> !rasp.sop<f64>
// CHECK-NEXT:  return
func.func @group_neighbor(%g: !rasp.sop<i64>, %s: !rasp.sop<!rasp.string>, %b: !rasp.sop<i1>) {
  %0 = rasp.group_neighbor previous %g : !rasp.sop<i64> -> !rasp.sop<i64>
  %1 = rasp.group_neighbor next %s : !rasp.sop<!rasp.string> key_mask %b : !rasp.sop<i1> query_mask %b : !rasp.sop<i1> -> !rasp.sop<i64>
  %2 = rasp.group_neighbor previous %g : !rasp.sop<i64> key_mask %b : !rasp.sop<i1> values %s : !rasp.sop<!rasp.string> default "-" -> !rasp.sop<!rasp.string>
  %3 = rasp.group_neighbor next %b : !rasp.sop<i1> query_mask %b : !rasp.sop<i1> values %g : !rasp.sop<i64> default 0 -> !rasp.sop<f64>
  return
}

// CHECK-LABEL: func.func @keyed_reduce
// CHECK-SAME:  (%[[S:[0-9a-z_]+]]: !rasp.sop<!rasp.string>, %[[P:[0-9a-z_]+]]: !rasp.sop<i64>, %[[B:[0-9a-z_]+]]: !rasp.sop<i1>) {
// CHECK-NEXT:  rasp.keyed_reduce equal(%[[S]] : !rasp.sop<!rasp.string>) to(%[[S]] : !rasp.sop<!rasp.string>) -> !rasp.sop<i64>
// CHECK-NEXT:  rasp.keyed_reduce order lt(%[[S]], %[[P]] : !rasp.sop<!rasp.string>, !rasp.sop<i64>) to(%[[S]], %[[P]] : !rasp.sop<!rasp.string>, !rasp.sop<i64>) -> !rasp.sop<i64>
// CHECK-NEXT:  rasp.keyed_reduce equal(%[[P]] : !rasp.sop<i64>) to(%[[P]] : !rasp.sop<i64>) order le(%[[P]] : !rasp.sop<i64>) to(%[[P]] : !rasp.sop<i64>) key_mask %[[B]] : !rasp.sop<i1> query_mask %[[B]] : !rasp.sop<i1> values %[[S]] : !rasp.sop<!rasp.string> default "-" -> !rasp.sop<!rasp.string>
// CHECK-NEXT:  rasp.keyed_reduce values %[[P]] : !rasp.sop<i64> default 0 -> !rasp.sop<f64>
// CHECK-NEXT:  return
func.func @keyed_reduce(%s: !rasp.sop<!rasp.string>, %p: !rasp.sop<i64>, %b: !rasp.sop<i1>) {
  %0 = rasp.keyed_reduce equal(%s : !rasp.sop<!rasp.string>) to (%s : !rasp.sop<!rasp.string>) -> !rasp.sop<i64>
  %1 = rasp.keyed_reduce order lt (%s, %p : !rasp.sop<!rasp.string>, !rasp.sop<i64>) to (%s, %p : !rasp.sop<!rasp.string>, !rasp.sop<i64>) -> !rasp.sop<i64>
  %2 = rasp.keyed_reduce equal(%p : !rasp.sop<i64>) to (%p : !rasp.sop<i64>) order le (%p : !rasp.sop<i64>) to (%p : !rasp.sop<i64>) key_mask %b : !rasp.sop<i1> query_mask %b : !rasp.sop<i1> values %s : !rasp.sop<!rasp.string> default "-" -> !rasp.sop<!rasp.string>
  %3 = rasp.keyed_reduce values %p : !rasp.sop<i64> default 0 -> !rasp.sop<f64>
  return
}
