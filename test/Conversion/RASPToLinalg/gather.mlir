// RUN: rasp-opt %s -convert-rasp-to-linalg -split-input-file | FileCheck %s

// Reverse: the positions length - indices - 1 are in [0, n) for every q and
// every n >= 1, so every query selects its key: the values are gathered
// without a mask or a clamp, and with no counts and no checks (the default
// is never taken, no error is possible): the finalization is the identity.
// CHECK-LABEL: func.func @reverse(
// CHECK:         %[[G:.+]] = linalg.generic {{.*}} ins(%{{.+}} : tensor<?xi64>) outs(%{{.+}} : tensor<?xi32>)
// CHECK-NEXT:    ^bb0(%[[P:.+]]: i64, %{{.+}}: i32):
// CHECK-NEXT:      %[[I:.+]] = arith.index_cast %[[P]] : i64 to index
// CHECK-NEXT:      %[[V:.+]] = tensor.extract %{{.+}}[%[[I]]] : tensor<?xi32>
// CHECK-NEXT:      linalg.yield %[[V]] : i32
// CHECK-NOT:     linalg.fill
// CHECK-NOT:     rasp_runtime_error
// CHECK:         linalg.generic {{.*}} ins(%[[G]] : tensor<?xi32>)
// CHECK-NEXT:    ^bb0(%[[S:.+]]: i32, %{{.+}}: i32):
// CHECK-NEXT:      linalg.yield %[[S]] : i32
func.func @reverse() -> !rasp.sop<!rasp.string> {
  %one = rasp.constant 1 : !rasp.sop<i64>
  %t = rasp.tokens : !rasp.sop<!rasp.string>
  %i = rasp.indices : !rasp.sop<i64>
  %n = rasp.length : !rasp.sop<i64>
  %a = rasp.sub %n, %i : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %pos = rasp.sub %a, %one : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %r = rasp.gather %t, %pos default 0 : !rasp.sop<!rasp.string>, !rasp.sop<i64> -> !rasp.sop<!rasp.string>
  return %r : !rasp.sop<!rasp.string>
}

// -----

// The last token: length - 1 is in range too.
// CHECK-LABEL: func.func @last(
// CHECK-NOT:     arith.cmpi
// CHECK-NOT:     linalg.fill
// CHECK-NOT:     rasp_runtime_error
// CHECK:         return
func.func @last() -> !rasp.sop<!rasp.string> {
  %one = rasp.constant 1 : !rasp.sop<i64>
  %t = rasp.tokens : !rasp.sop<!rasp.string>
  %n = rasp.length : !rasp.sop<i64>
  %pos = rasp.sub %n, %one : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %r = rasp.gather %t, %pos default "-" : !rasp.sop<!rasp.string>, !rasp.sop<i64> -> !rasp.sop<!rasp.string>
  return %r : !rasp.sop<!rasp.string>
}

// -----

// A shift: indices + 1 leaves [0, n) at q = n - 1 (and length - indices at
// q = 0), so the gather keeps its range mask, clamp and per-query count.
// CHECK-LABEL: func.func @shift(
// CHECK:         linalg.generic
// CHECK:           arith.cmpi sge
// CHECK:           arith.cmpi slt
// CHECK:           arith.minsi
// CHECK:           arith.maxsi
// CHECK:           tensor.extract
// CHECK:           arith.select
// CHECK:           arith.extui %{{.+}} : i1 to i8
// CHECK-NOT:     linalg.fill ins(%{{.+}} : i8)
func.func @shift() -> !rasp.sop<!rasp.string> {
  %one = rasp.constant 1 : !rasp.sop<i64>
  %t = rasp.tokens : !rasp.sop<!rasp.string>
  %i = rasp.indices : !rasp.sop<i64>
  %pos = rasp.add %i, %one : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %r = rasp.gather %t, %pos default "-" : !rasp.sop<!rasp.string>, !rasp.sop<i64> -> !rasp.sop<!rasp.string>
  return %r : !rasp.sop<!rasp.string>
}

// -----

// CHECK-LABEL: func.func @from_end(
// CHECK:           arith.cmpi sge
func.func @from_end() -> !rasp.sop<!rasp.string> {
  %t = rasp.tokens : !rasp.sop<!rasp.string>
  %i = rasp.indices : !rasp.sop<i64>
  %n = rasp.length : !rasp.sop<i64>
  %pos = rasp.sub %n, %i : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %r = rasp.gather %t, %pos default "-" : !rasp.sop<!rasp.string>, !rasp.sop<i64> -> !rasp.sop<!rasp.string>
  return %r : !rasp.sop<!rasp.string>
}
