// RUN: rasp-opt %s -rasp-optimize-selects -split-input-file | FileCheck %s

// The paper's sort: the scatter by the stable rank of the keys is one
// stable_sort; the rank, the scatter and their selects are gone.
// CHECK-LABEL: func.func @sort
// CHECK:         %[[T:.+]] = rasp.tokens
// CHECK:         %[[S:.+]] = rasp.stable_sort %[[T]] by %[[T]] {rasp.op_id = 7 : i64} : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string> -> !rasp.sop<!rasp.string>
// CHECK-NOT:     rasp.keyed_reduce
// CHECK-NOT:     rasp.select
// CHECK:         return %[[S]]
func.func @sort() -> !rasp.sop<!rasp.string> {
  %t = rasp.tokens : !rasp.sop<!rasp.string>
  %i = rasp.indices : !rasp.sop<i64>
  %lt = rasp.select %t, %t, lt : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string>
  %eq = rasp.select %t, %t, eq : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string>
  %before = rasp.select %i, %i, lt : !rasp.sop<i64>, !rasp.sop<i64>
  %tie = rasp.select_and %eq, %before
  %goes = rasp.select_or %lt, %tie
  %target = rasp.selector_width %goes : !rasp.sop<i64>
  %at = rasp.select %target, %i, eq : !rasp.sop<i64>, !rasp.sop<i64>
  %sorted = rasp.aggregate %at, %t default 0 {rasp.op_id = 7 : i64} : !rasp.sop<!rasp.string> -> !rasp.sop<!rasp.string>
  return %sorted : !rasp.sop<!rasp.string>
}

// -----

// `>` on (keys, indices), operands of `or` and `and` swapped: descending.
// Int values give the aggregate's float.
// CHECK-LABEL: func.func @sort_descending
// CHECK:         %[[T:.+]] = rasp.tokens
// CHECK:         %[[V:.+]] = rasp.neg %[[T]]
// CHECK:         rasp.stable_sort %[[V]] by %[[T]] descending : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<f64>
func.func @sort_descending() -> !rasp.sop<f64> {
  %t = rasp.tokens : !rasp.sop<i64>
  %i = rasp.indices : !rasp.sop<i64>
  %v = rasp.neg %t : !rasp.sop<i64> -> !rasp.sop<i64>
  %gt = rasp.select %t, %t, gt : !rasp.sop<i64>, !rasp.sop<i64>
  %eq = rasp.select %t, %t, eq : !rasp.sop<i64>, !rasp.sop<i64>
  %after = rasp.select %i, %i, gt : !rasp.sop<i64>, !rasp.sop<i64>
  %tie = rasp.select_and %after, %eq
  %goes = rasp.select_or %tie, %gt
  %target = rasp.selector_width %goes : !rasp.sop<i64>
  %at = rasp.select %target, %i, eq : !rasp.sop<i64>, !rasp.sop<i64>
  %sorted = rasp.aggregate %at, %v default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  return %sorted : !rasp.sop<f64>
}

// -----

// A rank already in keyed form is recognized too.
// CHECK-LABEL: func.func @keyed_rank
// CHECK:         rasp.stable_sort %{{.+}} by %{{.+}} : !rasp.sop<i1>, !rasp.sop<i64> -> !rasp.sop<i1>
func.func @keyed_rank() -> !rasp.sop<i1> {
  %t = rasp.tokens : !rasp.sop<i64>
  %i = rasp.indices : !rasp.sop<i64>
  %b = rasp.tokens : !rasp.sop<i1>
  %target = rasp.keyed_reduce order lt(%t, %i : !rasp.sop<i64>, !rasp.sop<i64>) to(%t, %i : !rasp.sop<i64>, !rasp.sop<i64>) -> !rasp.sop<i64>
  %at = rasp.select %target, %i, eq : !rasp.sop<i64>, !rasp.sop<i64>
  %sorted = rasp.aggregate %at, %b default false : !rasp.sop<i1> -> !rasp.sop<i1>
  return %sorted : !rasp.sop<i1>
}

// -----

// `<=` on (keys, indices) counts the position itself: ranks 1..n are not a
// permutation of the queries (query 0 selects nothing). Kept as a scatter.
// CHECK-LABEL: func.func @rank_le
// CHECK-NOT:     rasp.stable_sort
// CHECK:         rasp.keyed_reduce equal
func.func @rank_le() -> !rasp.sop<f64> {
  %t = rasp.tokens : !rasp.sop<i64>
  %i = rasp.indices : !rasp.sop<i64>
  %target = rasp.keyed_reduce order le(%t, %i : !rasp.sop<i64>, !rasp.sop<i64>) to(%t, %i : !rasp.sop<i64>, !rasp.sop<i64>) -> !rasp.sop<i64>
  %at = rasp.select %target, %i, eq : !rasp.sop<i64>, !rasp.sop<i64>
  %sorted = rasp.aggregate %at, %t default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  return %sorted : !rasp.sop<f64>
}

// -----

// Ties not broken by position: equal keys share a rank. Kept as a scatter.
// CHECK-LABEL: func.func @rank_ties
// CHECK-NOT:     rasp.stable_sort
// CHECK:         rasp.keyed_reduce equal
func.func @rank_ties() -> !rasp.sop<f64> {
  %t = rasp.tokens : !rasp.sop<i64>
  %i = rasp.indices : !rasp.sop<i64>
  %lt = rasp.select %t, %t, lt : !rasp.sop<i64>, !rasp.sop<i64>
  %target = rasp.selector_width %lt : !rasp.sop<i64>
  %at = rasp.select %target, %i, eq : !rasp.sop<i64>, !rasp.sop<i64>
  %sorted = rasp.aggregate %at, %t default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  return %sorted : !rasp.sop<f64>
}

// -----

// Keys compared with other queries (the rank of t among u's) are not a
// permutation either.
// CHECK-LABEL: func.func @rank_against_other_queries
// CHECK-NOT:     rasp.stable_sort
// CHECK:         rasp.keyed_reduce equal
func.func @rank_against_other_queries() -> !rasp.sop<f64> {
  %t = rasp.tokens : !rasp.sop<i64>
  %u = rasp.neg %t : !rasp.sop<i64> -> !rasp.sop<i64>
  %i = rasp.indices : !rasp.sop<i64>
  %target = rasp.keyed_reduce order lt(%t, %i : !rasp.sop<i64>, !rasp.sop<i64>) to(%u, %i : !rasp.sop<i64>, !rasp.sop<i64>) -> !rasp.sop<i64>
  %at = rasp.select %target, %i, eq : !rasp.sop<i64>, !rasp.sop<i64>
  %sorted = rasp.aggregate %at, %t default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  return %sorted : !rasp.sop<f64>
}

// -----

// A filtered rank skips positions: not a permutation.
// CHECK-LABEL: func.func @filtered_rank
// CHECK-NOT:     rasp.stable_sort
func.func @filtered_rank() -> !rasp.sop<f64> {
  %t = rasp.tokens : !rasp.sop<i64>
  %i = rasp.indices : !rasp.sop<i64>
  %m = rasp.tokens : !rasp.sop<i1>
  %target = rasp.keyed_reduce order lt(%t, %i : !rasp.sop<i64>, !rasp.sop<i64>) to(%t, %i : !rasp.sop<i64>, !rasp.sop<i64>) key_mask %m : !rasp.sop<i1> -> !rasp.sop<i64>
  %at = rasp.select %target, %i, eq : !rasp.sop<i64>, !rasp.sop<i64>
  %sorted = rasp.aggregate %at, %t default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  return %sorted : !rasp.sop<f64>
}

// -----

// The rank as the query side (`select(indices, rank, ==)`) is a gather, not
// a sort.
// CHECK-LABEL: func.func @gather_by_rank
// CHECK-NOT:     rasp.stable_sort
// CHECK:         rasp.gather
func.func @gather_by_rank() -> !rasp.sop<f64> {
  %t = rasp.tokens : !rasp.sop<i64>
  %i = rasp.indices : !rasp.sop<i64>
  %target = rasp.keyed_reduce order lt(%t, %i : !rasp.sop<i64>, !rasp.sop<i64>) to(%t, %i : !rasp.sop<i64>, !rasp.sop<i64>) -> !rasp.sop<i64>
  %at = rasp.select %i, %target, eq : !rasp.sop<i64>, !rasp.sop<i64>
  %sorted = rasp.aggregate %at, %t default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  return %sorted : !rasp.sop<f64>
}
