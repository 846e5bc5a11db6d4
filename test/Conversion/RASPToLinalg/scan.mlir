// String ids and outputs keep their computed types (narrow-storage=false): the
// storage narrowing has its own tests (signature.mlir, narrow-storage.mlir).
// RUN: rasp-opt %s -convert-rasp-to-linalg=narrow-storage=false -split-input-file | FileCheck %s

// A prefix (le) runs forward: one in-order (reduction) loop whose 0-d
// output is the running sum and whose other output is position q's mean of
// the inclusive sum over q + 1 keys.
// CHECK-LABEL: func.func @prefix_le(
// CHECK-SAME:    %{{.+}}: tensor<?xi32>, %[[INTS:.+]]: tensor<?xi64>,
// CHECK:         %[[ZERO:.+]] = linalg.fill ins(%{{.+}} : i64) outs(%{{.+}} : tensor<i64>)
// CHECK:         %[[R:.+]]:2 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["reduction"]} ins(%[[INTS]] : tensor<?xi64>) outs(%[[ZERO]], %{{.+}} : tensor<i64>, tensor<?xf64>)
// CHECK-NEXT:    ^bb0(%[[V:.+]]: i64, %[[SUM:.+]]: i64, %{{.+}}: f64):
// CHECK-NEXT:      %[[NEXT:.+]] = arith.addi %[[SUM]], %[[V]] : i64
// CHECK-NEXT:      %[[I:.+]] = linalg.index 0 : index
// CHECK-NEXT:      %[[Q:.+]] = arith.index_cast %[[I]] : index to i64
// CHECK:           %[[COUNT:.+]] = arith.addi %[[Q]], %{{.+}} : i64
// CHECK:           %[[TOTAL:.+]] = arith.sitofp %[[NEXT]] : i64 to f64
// CHECK:           %[[C:.+]] = arith.sitofp %[[COUNT]] : i64 to f64
// CHECK:           %[[MEAN:.+]] = arith.divf %[[TOTAL]], %[[C]] : f64
// CHECK:           %[[PICK:.+]] = arith.select %{{.+}}, %{{.+}}, %[[MEAN]] : f64
// CHECK:           linalg.yield %[[NEXT]], %[[PICK]] : i64, f64
// CHECK:         bufferization.materialize_in_destination %[[R]]#1
func.func @prefix_le() -> !rasp.sop<f64> {
  %v = rasp.tokens : !rasp.sop<i64>
  %m = rasp.scan_mean %v, le default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  return %m : !rasp.sop<f64>
}

// -----

// A strict suffix (gt) runs backward from n - 1, averages the sum BEFORE
// adding the position's own value, over n - q - 1 keys.
// CHECK-LABEL: func.func @suffix_gt(
// CHECK:         scf.for %[[I:.+]] = {{.+}} iter_args(%[[SUM:.+]] = %{{.+}}, %{{.+}} = %{{.+}}) -> (i64, tensor<?xf64>) {
// CHECK:           %[[LAST:.+]] = arith.subi %{{.+}}, %{{.+}} : index
// CHECK:           %[[POS:.+]] = arith.subi %[[LAST]], %[[I]] : index
// CHECK:           %[[V:.+]] = tensor.extract %{{.+}}[%[[POS]]]
// CHECK:           %[[NEXT:.+]] = arith.addi %[[SUM]], %[[V]] : i64
// CHECK:           %[[Q:.+]] = arith.index_cast %[[POS]] : index to i64
// CHECK:           %[[REST:.+]] = arith.subi %{{.+}}, %[[Q]] : i64
// CHECK:           %[[COUNT:.+]] = arith.addi %[[REST]], %{{.+}} : i64
// CHECK:           %[[TOTAL:.+]] = arith.sitofp %[[SUM]] : i64 to f64
// CHECK:           arith.sitofp %[[COUNT]]
// CHECK:           scf.yield %[[NEXT]]
func.func @suffix_gt() -> !rasp.sop<f64> {
  %v = rasp.tokens : !rasp.sop<i64>
  %m = rasp.scan_mean %v, gt default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  return %m : !rasp.sop<f64>
}

// -----

// scan_sum stores the running i64 sum itself: no count, no division, no
// default. A prefix (le) stores the sum after adding the position's value.
// CHECK-LABEL: func.func @sum_le(
// CHECK-SAME:    %{{.+}}: tensor<?xi32>, %[[INTS:.+]]: tensor<?xi64>,
// CHECK:         %[[R:.+]]:2 = linalg.generic {{.*}} iterator_types = ["reduction"]} ins(%[[INTS]] : tensor<?xi64>) outs(%{{.+}}, %{{.+}} : tensor<i64>, tensor<?xi64>)
// CHECK-NEXT:    ^bb0(%[[V:.+]]: i64, %[[SUM:.+]]: i64, %{{.+}}: i64):
// CHECK-NEXT:      %[[NEXT:.+]] = arith.addi %[[SUM]], %[[V]] : i64
// CHECK-NOT:       arith.divf
// CHECK-NOT:       arith.select
// CHECK:           linalg.yield %[[NEXT]], %[[NEXT]] : i64, i64
// CHECK:         bufferization.materialize_in_destination %[[R]]#1
func.func @sum_le() -> !rasp.sop<i64> {
  %v = rasp.tokens : !rasp.sop<i64>
  %s = rasp.scan_sum %v, le : !rasp.sop<i64>
  return %s : !rasp.sop<i64>
}

// -----

// A strict suffix (gt) runs backward from n - 1 and stores the sum BEFORE
// adding the position's own value (0 at n - 1, the empty range).
// CHECK-LABEL: func.func @sum_gt(
// CHECK:         %[[ZERO:.+]] = arith.constant 0 : i64
// CHECK:         scf.for %[[I:.+]] = {{.+}} iter_args(%[[SUM:.+]] = %[[ZERO]], %[[OUT:.+]] = %{{.+}}) -> (i64, tensor<?xi64>) {
// CHECK:           %[[LAST:.+]] = arith.subi %{{.+}}, %{{.+}} : index
// CHECK:           %[[POS:.+]] = arith.subi %[[LAST]], %[[I]] : index
// CHECK:           %[[V:.+]] = tensor.extract %{{.+}}[%[[POS]]]
// CHECK:           %[[NEXT:.+]] = arith.addi %[[SUM]], %[[V]] : i64
// CHECK:           %[[U:.+]] = tensor.insert %[[SUM]] into %[[OUT]][%[[POS]]]
// CHECK:           scf.yield %[[NEXT]], %[[U]] : i64, tensor<?xi64>
func.func @sum_gt() -> !rasp.sop<i64> {
  %v = rasp.tokens : !rasp.sop<i64>
  %s = rasp.scan_sum %v, gt : !rasp.sop<i64>
  return %s : !rasp.sop<i64>
}
