// Narrow int keys: with rasp.int_range = [min, max] (the driver's input
// ints) inside i32, selects on ints whose every compared value provably fits
// in i32 (rasp::getIntRange: tokens_int in range, indices, selector_width
// results, constants that fit, and sums, products, negations of those)
// compare in i32: each int column is
// truncated once by a linalg.map (O(n); not a generic, which element-wise
// fusion would pull into the n-by-n loop), and counts are i32. Int values
// with a static bound (tokens_int in range, constants) are added as i32
// terms sign-extended into the i64 sum; rasp.i32_partial_sums /
// rasp.i32_partial_bound let convert-select-reductions-to-affine add them in
// i32 over chunks. Without the attribute, with a range beyond i32, or with a
// key whose arithmetic may leave i32, the loop compares i64 as before.
// String ids and outputs keep their computed types (narrow-storage=false): the
// storage narrowing has its own tests (signature.mlir, narrow-storage.mlir).
// RUN: rasp-opt %s -convert-rasp-to-linalg=narrow-storage=false -split-input-file | FileCheck %s

// Fires: keys, queries and values are tokens_int in [-5, 1000]; one i32
// column serves as keys, queries and values; sum i64, count i32.
// CHECK-LABEL: func.func @mean_lt(
// CHECK-SAME: %{{.+}}: tensor<?xi32>, [[INT:%[a-z0-9]+]]: tensor<?xi64>
// CHECK: [[COL:%.+]] = linalg.map { arith.trunci {{.*}} } ins([[INT]] : tensor<?xi64>) outs(%{{.+}} : tensor<?xi32>)
// CHECK-NOT: linalg.map
// CHECK: linalg.generic {{.*}}iterator_types = ["parallel", "reduction"]} ins([[COL]], [[COL]] : tensor<?xi32>, tensor<?xi32>) outs(%{{.+}}, %{{.+}} : tensor<?xi64>, tensor<?xi32>) attrs = {rasp.i32_partial_bound = 1000 : i64, rasp.i32_partial_sums = [0]}
// CHECK-NEXT: ^bb0([[K:%.+]]: i32, [[Q:%.+]]: i32, [[SUM:%.+]]: i64, [[CNT:%.+]]: i32):
// CHECK-NEXT: [[SEL:%.+]] = arith.cmpi slt, [[K]], [[Q]] : i32
// CHECK: [[TERM:%.+]] = arith.select [[SEL]], [[K]], %{{.+}} : i32
// CHECK-NEXT: [[WIDE:%.+]] = arith.extsi [[TERM]] : i32 to i64
// CHECK-NEXT: arith.addi [[SUM]], [[WIDE]] : i64
// CHECK-NEXT: [[ONE:%.+]] = arith.extui [[SEL]] : i1 to i32
// CHECK-NEXT: arith.addi [[CNT]], [[ONE]] : i32
module attributes {rasp.int_range = [-5, 1000]} {
func.func @mean_lt() -> !rasp.sop<f64> {
  %t = rasp.tokens : !rasp.sop<i64>
  %s = rasp.select %t, %t, lt : !rasp.sop<i64>, !rasp.sop<i64>
  %r = rasp.aggregate %s, %t default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  return %r : !rasp.sop<f64>
}
}

// -----

// Fires on a tree: tokens_int == indices (an i32 index) or tokens_int < 3 (an
// i32 constant); the i32 count is widened to i64 once, after the loop.
// CHECK-LABEL: func.func @width_tree(
// CHECK: [[COL:%.+]] = linalg.map { arith.trunci {{.*}} } ins(%{{.+}} : tensor<?xi64>) outs(%{{.+}} : tensor<?xi32>)
// CHECK: [[W:%.+]] = linalg.generic {{.*}}iterator_types = ["parallel", "reduction"]} ins([[COL]] : tensor<?xi32>) outs(%{{.+}} : tensor<?xi32>)
// CHECK-NEXT: ^bb0([[K:%.+]]: i32, [[CNT:%.+]]: i32):
// CHECK-NEXT: [[Q:%.+]] = linalg.index 0 : index
// CHECK-NEXT: [[Q32:%.+]] = arith.index_cast [[Q]] : index to i32
// CHECK-NEXT: arith.cmpi eq, [[K]], [[Q32]] : i32
// CHECK-NEXT: [[C3:%.+]] = arith.constant 3 : i32
// CHECK-NEXT: arith.cmpi slt, [[K]], [[C3]] : i32
// CHECK: arith.extui %{{.+}} : i32 to i64
module attributes {rasp.int_range = [0, 7]} {
func.func @width_tree() -> !rasp.sop<i64> {
  %t = rasp.tokens : !rasp.sop<i64>
  %i = rasp.indices : !rasp.sop<i64>
  %c = rasp.constant 3 : !rasp.sop<i64>
  %s1 = rasp.select %t, %i, eq : !rasp.sop<i64>, !rasp.sop<i64>
  %s2 = rasp.select %t, %c, lt : !rasp.sop<i64>, !rasp.sop<i64>
  %s = rasp.select_or %s1, %s2
  %w = rasp.selector_width %s : !rasp.sop<i64>
  return %w : !rasp.sop<i64>
}
}

// -----

// Does not fire: 2^31 is beyond i32.
// CHECK-LABEL: func.func @too_wide(
// CHECK-NOT: linalg.map
// CHECK: linalg.generic {{.*}} outs(%{{.+}} : tensor<?xi64>) {
// CHECK: arith.cmpi eq, %{{.+}}, %{{.+}} : i64
module attributes {rasp.int_range = [0, 2147483648]} {
func.func @too_wide() -> !rasp.sop<i64> {
  %t = rasp.tokens : !rasp.sop<i64>
  %s = rasp.select %t, %t, eq : !rasp.sop<i64>, !rasp.sop<i64>
  %w = rasp.selector_width %s : !rasp.sop<i64>
  return %w : !rasp.sop<i64>
}
}

// -----

// Does not fire: no rasp.int_range.
// CHECK-LABEL: func.func @no_range(
// CHECK-NOT: linalg.map
// CHECK: linalg.generic {{.*}} outs(%{{.+}} : tensor<?xi64>) {
// CHECK: arith.cmpi eq, %{{.+}}, %{{.+}} : i64
func.func @no_range() -> !rasp.sop<i64> {
  %t = rasp.tokens : !rasp.sop<i64>
  %s = rasp.select %t, %t, eq : !rasp.sop<i64>, !rasp.sop<i64>
  %w = rasp.selector_width %s : !rasp.sop<i64>
  return %w : !rasp.sop<i64>
}

// -----

// Fires through arithmetic: tokens_int + 1 lies in [1, 8].
// CHECK-LABEL: func.func @arith_key(
// CHECK: linalg.map { arith.trunci
// CHECK: arith.cmpi eq, %{{.+}}, %{{.+}} : i32
module attributes {rasp.int_range = [0, 7]} {
func.func @arith_key() -> !rasp.sop<i64> {
  %t = rasp.tokens : !rasp.sop<i64>
  %c = rasp.constant 1 : !rasp.sop<i64>
  %p = rasp.add %t, %c : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %s = rasp.select %p, %t, eq : !rasp.sop<i64>, !rasp.sop<i64>
  %w = rasp.selector_width %s : !rasp.sop<i64>
  return %w : !rasp.sop<i64>
}
}

// -----

// Does not fire: tokens_int * 1000 may reach 7 * 10^9, beyond i32.
// CHECK-LABEL: func.func @arith_key_too_wide(
// CHECK-NOT: linalg.map
// CHECK: arith.cmpi eq, %{{.+}}, %{{.+}} : i64
// CHECK-NOT: linalg.map
module attributes {rasp.int_range = [0, 7000000]} {
func.func @arith_key_too_wide() -> !rasp.sop<i64> {
  %t = rasp.tokens : !rasp.sop<i64>
  %c = rasp.constant 1000 : !rasp.sop<i64>
  %p = rasp.mul %t, %c : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %s = rasp.select %p, %t, eq : !rasp.sop<i64>, !rasp.sop<i64>
  %w = rasp.selector_width %s : !rasp.sop<i64>
  return %w : !rasp.sop<i64>
}
}

// -----

// Does not fire: the constant 2^32 does not fit in i32.
// CHECK-LABEL: func.func @wide_constant(
// CHECK-NOT: linalg.map
// CHECK: arith.cmpi slt, %{{.+}}, %{{.+}} : i64
module attributes {rasp.int_range = [0, 7]} {
func.func @wide_constant() -> !rasp.sop<i64> {
  %t = rasp.tokens : !rasp.sop<i64>
  %c = rasp.constant 4294967296 : !rasp.sop<i64>
  %s = rasp.select %t, %c, lt : !rasp.sop<i64>, !rasp.sop<i64>
  %w = rasp.selector_width %s : !rasp.sop<i64>
  return %w : !rasp.sop<i64>
}
}

// -----

// Keys fire, values do not: indices have no static bound (they reach n), so
// the values stay i64, the count is i64 (no mixed widths) and there are no
// partial sums.
// CHECK-LABEL: func.func @mean_of_indices(
// CHECK: [[COL:%.+]] = linalg.map { arith.trunci {{.*}} }
// CHECK: linalg.generic {{.*}} ins([[COL]], [[COL]] : tensor<?xi32>, tensor<?xi32>) outs(%{{.+}}, %{{.+}} : tensor<?xi64>, tensor<?xi64>) {
// CHECK: arith.cmpi sle, %{{.+}}, %{{.+}} : i32
// CHECK: arith.index_cast %{{.+}} : index to i64
module attributes {rasp.int_range = [0, 7]} {
func.func @mean_of_indices() -> !rasp.sop<f64> {
  %t = rasp.tokens : !rasp.sop<i64>
  %i = rasp.indices : !rasp.sop<i64>
  %s = rasp.select %t, %t, le : !rasp.sop<i64>, !rasp.sop<i64>
  %r = rasp.aggregate %s, %i default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  return %r : !rasp.sop<f64>
}
}
