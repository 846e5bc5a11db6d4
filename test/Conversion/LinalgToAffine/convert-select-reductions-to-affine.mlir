// RUN: rasp-opt %s -convert-select-reductions-to-affine -split-input-file | FileCheck %s
// RUN: rasp-opt %s -convert-select-reductions-to-affine="query-block=1 parallel=false" -split-input-file | FileCheck %s --check-prefix=SERIAL

#key = affine_map<(d0, d1) -> (d1)>
#query = affine_map<(d0, d1) -> (d0)>

// Blocks of 4 queries in parallel; the query-side values and the initial
// accumulators are loaded once per block, the key once per key iteration and
// shared by the 4 queries; accumulators are loop-carried.
// CHECK-DAG: #[[END:.+]] = affine_map<()[s0] -> ((s0 floordiv 4) * 4)>
// CHECK-LABEL: func.func @count_equal(
// CHECK-SAME:    %[[KEYS:.+]]: memref<?xi32>, %[[OUT:.+]]: memref<?xi32>)
// CHECK:         %[[N:.+]] = memref.dim %[[KEYS]]
// CHECK:         affine.parallel (%[[Q:.+]]) = (0) to ((symbol(%{{.+}}) floordiv 4) * 4) step (4) {
// CHECK:           %[[Q1:.+]] = affine.apply #{{.+}}(%[[Q]])
// CHECK:           %[[Q2:.+]] = affine.apply #{{.+}}(%[[Q]])
// CHECK:           %[[Q3:.+]] = affine.apply #{{.+}}(%[[Q]])
// CHECK:           %[[V0:.+]] = affine.load %[[KEYS]][%[[Q]]]
// CHECK:           %[[V1:.+]] = affine.load %[[KEYS]][%[[Q1]]]
// CHECK:           %[[V2:.+]] = affine.load %[[KEYS]][%[[Q2]]]
// CHECK:           %[[V3:.+]] = affine.load %[[KEYS]][%[[Q3]]]
// CHECK:           %[[I0:.+]] = affine.load %[[OUT]][%[[Q]]]
// CHECK:           %[[R:.+]]:4 = affine.for %[[K:.+]] = 0 to %[[N]] iter_args(%[[A0:.+]] = %[[I0]], %[[A1:.+]] = %{{.+}}, %[[A2:.+]] = %{{.+}}, %[[A3:.+]] = %{{.+}}) -> (i32, i32, i32, i32) {
// CHECK:             %[[KEY:.+]] = affine.load %[[KEYS]][%[[K]]]
// CHECK:             %[[E0:.+]] = arith.cmpi eq, %[[KEY]], %[[V0]]
// CHECK:             %[[X0:.+]] = arith.extui %[[E0]]
// CHECK:             %[[S0:.+]] = arith.addi %[[A0]], %[[X0]]
// CHECK:             arith.cmpi eq, %[[KEY]], %[[V1]]
// CHECK:             arith.cmpi eq, %[[KEY]], %[[V2]]
// CHECK:             arith.cmpi eq, %[[KEY]], %[[V3]]
// CHECK:             affine.yield %[[S0]], %{{.+}}, %{{.+}}, %{{.+}} : i32, i32, i32, i32
// CHECK:           affine.store %[[R]]#0, %[[OUT]][%[[Q]]]
// CHECK:           affine.store %[[R]]#3, %[[OUT]][%[[Q3]]]
// The last n mod 4 queries, one at a time.
// CHECK:         affine.for %[[QR:.+]] = #[[END]]()[%{{.+}}] to %{{.+}} {
// CHECK:           affine.for %{{.+}} = 0 to %[[N]] iter_args(%{{.+}} = %{{.+}}) -> (i32) {
// CHECK-NOT:     linalg.generic

// SERIAL-LABEL: func.func @count_equal(
// SERIAL-NOT:     affine.parallel
// SERIAL:         affine.for %[[Q:.+]] = 0 to %{{.+}} {
// SERIAL:           affine.for %{{.+}} = 0 to %{{.+}} iter_args(%{{.+}} = %{{.+}}) -> (i32) {
// SERIAL-NOT:     linalg.generic
func.func @count_equal(%keys: memref<?xi32>, %out: memref<?xi32>) {
  linalg.generic {indexing_maps = [#key, #query, #query], iterator_types = ["parallel", "reduction"]}
      ins(%keys, %keys : memref<?xi32>, memref<?xi32>) outs(%out : memref<?xi32>) {
  ^bb0(%k: i32, %q: i32, %acc: i32):
    %eq = arith.cmpi eq, %k, %q : i32
    %one = arith.extui %eq : i1 to i32
    %next = arith.addi %acc, %one : i32
    linalg.yield %next : i32
  }
  return
}

// -----

#key = affine_map<(d0, d1) -> (d1)>
#query = affine_map<(d0, d1) -> (d0)>

// linalg.index 0 is the query, linalg.index 1 the key; two outputs (sum and
// count) give two accumulators per query.
// CHECK-LABEL: func.func @prefix_sum(
// SERIAL-LABEL: func.func @prefix_sum(
// CHECK:         affine.parallel (%[[Q:.+]]) =
// CHECK:           affine.for %[[K:.+]] = 0 to %{{.+}} iter_args({{.+}}) -> (i64, i64, i64, i64, i64, i64, i64, i64) {
// CHECK:             %[[KI:.+]] = arith.index_cast %[[K]] : index to i64
// CHECK:             %[[QI:.+]] = arith.index_cast %[[Q]] : index to i64
// CHECK:             arith.cmpi sle, %[[KI]], %[[QI]] : i64
func.func @prefix_sum(%values: memref<?xi64>, %sum: memref<?xi64>, %count: memref<?xi64>) {
  linalg.generic {indexing_maps = [#key, #query, #query], iterator_types = ["parallel", "reduction"]}
      ins(%values : memref<?xi64>) outs(%sum, %count : memref<?xi64>, memref<?xi64>) {
  ^bb0(%v: i64, %s: i64, %c: i64):
    %k = linalg.index 1 : index
    %q = linalg.index 0 : index
    %ki = arith.index_cast %k : index to i64
    %qi = arith.index_cast %q : index to i64
    %sel = arith.cmpi sle, %ki, %qi : i64
    %zero = arith.constant 0 : i64
    %masked = arith.select %sel, %v, %zero : i64
    %s1 = arith.addi %s, %masked : i64
    %one = arith.extui %sel : i1 to i64
    %c1 = arith.addi %c, %one : i64
    linalg.yield %s1, %c1 : i64, i64
  }
  return
}

// -----

#id = affine_map<(d0) -> (d0)>

// Element-wise generics are not select reductions: left to
// convert-linalg-to-affine-loops.
// CHECK-LABEL: func.func @elementwise(
// CHECK:         linalg.generic
// CHECK-NOT:     affine.parallel
func.func @elementwise(%in: memref<?xi64>, %out: memref<?xi64>) {
  linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]}
      ins(%in : memref<?xi64>) outs(%out : memref<?xi64>) {
  ^bb0(%a: i64, %b: i64):
    linalg.yield %a : i64
  }
  return
}

// -----

#key = affine_map<(d0, d1) -> (d1)>
#query = affine_map<(d0, d1) -> (d0)>

// On tensors (before bufferization) the pass does nothing.
// CHECK-LABEL: func.func @on_tensors(
// CHECK:         linalg.generic
// CHECK-NOT:     affine.
func.func @on_tensors(%keys: tensor<?xi32>, %init: tensor<?xi32>) -> tensor<?xi32> {
  %r = linalg.generic {indexing_maps = [#key, #query], iterator_types = ["parallel", "reduction"]}
      ins(%keys : tensor<?xi32>) outs(%init : tensor<?xi32>) {
  ^bb0(%k: i32, %acc: i32):
    %next = arith.addi %acc, %k : i32
    linalg.yield %next : i32
  } -> tensor<?xi32>
  return %r : tensor<?xi32>
}
