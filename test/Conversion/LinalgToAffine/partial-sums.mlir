// RUN: rasp-opt %s -convert-select-reductions-to-affine="query-block=1 parallel=false" -split-input-file | FileCheck %s

// rasp.i32_partial_sums: the i64 sum adds sext(i32 term) with |term| <= 1000
// (rasp.i32_partial_bound). The key loop is split into chunks of
// INT32_MAX / 1000 = 2147483 keys; inside a chunk the sum is an i32
// accumulator starting at 0 (no overflow possible), widened and added to the
// i64 sum once per chunk. The i32 count is carried through unchanged.

#key = affine_map<(d0, d1) -> (d1)>
#query = affine_map<(d0, d1) -> (d0)>

// CHECK-DAG: #[[LB:.+]] = affine_map<(d0) -> (d0)>
// CHECK-DAG: #[[UB:.+]] = affine_map<(d0)[s0] -> (d0 + 2147483, s0)>
// CHECK-LABEL: func.func @mean_lt(
// CHECK-SAME: %[[COL:.+]]: memref<?xi32>, %[[SUMS:.+]]: memref<?xi64>, %[[CNTS:.+]]: memref<?xi32>)
// CHECK: affine.for %[[Q:.+]] =
// CHECK: %[[QV:.+]] = affine.load %[[COL]][%[[Q]]]
// CHECK: %[[S0:.+]] = affine.load %[[SUMS]][%[[Q]]]
// CHECK: %[[C0:.+]] = affine.load %[[CNTS]][%[[Q]]]
// CHECK: %[[R:.+]]:2 = affine.for %[[KC:.+]] = 0 to %{{.+}} step 2147483 iter_args(%[[S:.+]] = %[[S0]], %[[C:.+]] = %[[C0]]) -> (i64, i32) {
// CHECK: %[[Z:.+]] = arith.constant 0 : i32
// CHECK: %[[P:.+]]:2 = affine.for %[[K:.+]] = #[[LB]](%[[KC]]) to min #[[UB]](%[[KC]])[%{{.+}}] iter_args(%[[PS:.+]] = %[[Z]], %[[PC:.+]] = %[[C]]) -> (i32, i32) {
// CHECK: %[[KV:.+]] = affine.load %[[COL]][%[[K]]]
// CHECK: %[[M:.+]] = arith.cmpi slt, %[[KV]], %[[QV]] : i32
// CHECK: %[[T:.+]] = arith.select %[[M]], %[[KV]], %{{.+}} : i32
// CHECK-NOT: arith.extsi
// CHECK: %[[ONE:.+]] = arith.extui %[[M]] : i1 to i32
// CHECK: %[[NC:.+]] = arith.addi %[[PC]], %[[ONE]] : i32
// CHECK: %[[NS:.+]] = arith.addi %[[PS]], %[[T]] : i32
// CHECK: affine.yield %[[NS]], %[[NC]] : i32, i32
// CHECK: %[[W:.+]] = arith.extsi %[[P]]#0 : i32 to i64
// CHECK: %[[NS64:.+]] = arith.addi %[[S]], %[[W]] : i64
// CHECK: affine.yield %[[NS64]], %[[P]]#1 : i64, i32
// CHECK: affine.store %[[R]]#0, %[[SUMS]][%[[Q]]]
// CHECK: affine.store %[[R]]#1, %[[CNTS]][%[[Q]]]
func.func @mean_lt(%col: memref<?xi32>, %sums: memref<?xi64>, %counts: memref<?xi32>) {
  linalg.generic {indexing_maps = [#key, #query, #query, #query],
                  iterator_types = ["parallel", "reduction"]}
      ins(%col, %col : memref<?xi32>, memref<?xi32>)
      outs(%sums, %counts : memref<?xi64>, memref<?xi32>)
      attrs = {rasp.i32_partial_bound = 1000 : i64, rasp.i32_partial_sums = [0]} {
  ^bb0(%k: i32, %q: i32, %sum: i64, %count: i32):
    %m = arith.cmpi slt, %k, %q : i32
    %zero = arith.constant 0 : i32
    %term = arith.select %m, %k, %zero : i32
    %wide = arith.extsi %term : i32 to i64
    %s = arith.addi %sum, %wide : i64
    %one = arith.extui %m : i1 to i32
    %c = arith.addi %count, %one : i32
    linalg.yield %s, %c : i64, i32
  }
  return
}

// -----

// Without the attributes: one key loop, the i64 sum adds sext(term) per key.
// CHECK-LABEL: func.func @no_attr(
// CHECK: affine.for %{{.+}} = 0 to %{{.+}} iter_args(%{{.+}} = %{{.+}}, %{{.+}} = %{{.+}}) -> (i64, i32) {
// CHECK: arith.extsi %{{.+}} : i32 to i64
// CHECK-NOT: step
#key = affine_map<(d0, d1) -> (d1)>
#query = affine_map<(d0, d1) -> (d0)>
func.func @no_attr(%col: memref<?xi32>, %sums: memref<?xi64>, %counts: memref<?xi32>) {
  linalg.generic {indexing_maps = [#key, #query, #query, #query],
                  iterator_types = ["parallel", "reduction"]}
      ins(%col, %col : memref<?xi32>, memref<?xi32>)
      outs(%sums, %counts : memref<?xi64>, memref<?xi32>) {
  ^bb0(%k: i32, %q: i32, %sum: i64, %count: i32):
    %m = arith.cmpi slt, %k, %q : i32
    %zero = arith.constant 0 : i32
    %term = arith.select %m, %k, %zero : i32
    %wide = arith.extsi %term : i32 to i64
    %s = arith.addi %sum, %wide : i64
    %one = arith.extui %m : i1 to i32
    %c = arith.addi %count, %one : i32
    linalg.yield %s, %c : i64, i32
  }
  return
}
