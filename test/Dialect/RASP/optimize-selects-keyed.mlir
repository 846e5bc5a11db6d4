// RUN: rasp-opt %s -rasp-optimize-selects -split-input-file | FileCheck %s

// The paper's histogram: one equality column, keys and queries the same.
// CHECK-LABEL: func.func @hist
// CHECK:         %[[T:.+]] = rasp.tokens
// CHECK:         %[[W:.+]] = rasp.keyed_reduce equal(%[[T]] : !rasp.sop<!rasp.string>) to(%[[T]] : !rasp.sop<!rasp.string>) {rasp.op_id = 3 : i64} -> !rasp.sop<i64>
// CHECK-NOT:     rasp.selector_width
// CHECK:         return %[[W]]
func.func @hist() -> !rasp.sop<i64> {
  %t = rasp.tokens : !rasp.sop<!rasp.string>
  %s = rasp.select %t, %t, eq : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string>
  %w = rasp.selector_width %s {rasp.op_id = 3 : i64} : !rasp.sop<i64>
  return %w : !rasp.sop<i64>
}

// -----

// The paper's sort's rank: `<` on keys, ties broken by position, is the
// order `lt` on the tuple (keys, indices). (Scattering by it becomes a
// stable_sort: optimize-selects-sort.mlir.)
// CHECK-LABEL: func.func @sort_rank
// CHECK:         %[[T:.+]] = rasp.tokens
// CHECK:         %[[I:.+]] = rasp.indices
// CHECK:         %[[R:.+]] = rasp.keyed_reduce order lt(%[[T]], %[[I]] : !rasp.sop<!rasp.string>, !rasp.sop<i64>) to(%[[T]], %[[I]] : !rasp.sop<!rasp.string>, !rasp.sop<i64>) -> !rasp.sop<i64>
// CHECK:         return %[[R]]
func.func @sort_rank() -> !rasp.sop<i64> {
  %t = rasp.tokens : !rasp.sop<!rasp.string>
  %i = rasp.indices : !rasp.sop<i64>
  %lt = rasp.select %t, %t, lt : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string>
  %eq = rasp.select %t, %t, eq : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string>
  %before = rasp.select %i, %i, lt : !rasp.sop<i64>, !rasp.sop<i64>
  %tie = rasp.select_and %eq, %before
  %goes = rasp.select_or %lt, %tie
  %target = rasp.selector_width %goes : !rasp.sop<i64>
  return %target : !rasp.sop<i64>
}

// -----

// A scatter by a rank whose ties share a rank (not a permutation): an
// equality column against indices, with the values.
// CHECK-LABEL: func.func @scatter
// CHECK:         %[[T:.+]] = rasp.tokens
// CHECK:         %[[I:.+]] = rasp.indices
// CHECK:         %[[R:.+]] = rasp.keyed_reduce order lt(%[[T]] : !rasp.sop<!rasp.string>) to(%[[T]] : !rasp.sop<!rasp.string>) -> !rasp.sop<i64>
// CHECK:         %[[S:.+]] = rasp.keyed_reduce equal(%[[R]] : !rasp.sop<i64>) to(%[[I]] : !rasp.sop<i64>) values %[[T]] : !rasp.sop<!rasp.string> default 0 -> !rasp.sop<!rasp.string>
// CHECK:         return %[[S]]
func.func @scatter() -> !rasp.sop<!rasp.string> {
  %t = rasp.tokens : !rasp.sop<!rasp.string>
  %i = rasp.indices : !rasp.sop<i64>
  %lt = rasp.select %t, %t, lt : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string>
  %target = rasp.selector_width %lt : !rasp.sop<i64>
  %at = rasp.select %target, %i, eq : !rasp.sop<i64>, !rasp.sop<i64>
  %sorted = rasp.aggregate %at, %t default 0 : !rasp.sop<!rasp.string> -> !rasp.sop<!rasp.string>
  return %sorted : !rasp.sop<!rasp.string>
}

// -----

// Operands of `or` and `and` in the other order, `>` continued by `>=`.
// CHECK-LABEL: func.func @lexicographic_ge
// CHECK:         rasp.keyed_reduce order ge(%{{.+}}, %{{.+}} : !rasp.sop<i64>, !rasp.sop<i64>)
// CHECK-NOT:     rasp.select
func.func @lexicographic_ge() -> !rasp.sop<i64> {
  %t = rasp.tokens : !rasp.sop<i64>
  %i = rasp.indices : !rasp.sop<i64>
  %gt = rasp.select %t, %t, gt : !rasp.sop<i64>, !rasp.sop<i64>
  %eq = rasp.select %t, %t, eq : !rasp.sop<i64>, !rasp.sop<i64>
  %after = rasp.select %i, %i, ge : !rasp.sop<i64>, !rasp.sop<i64>
  %tie = rasp.select_and %after, %eq
  %s = rasp.select_or %tie, %gt
  %w = rasp.selector_width %s : !rasp.sop<i64>
  return %w : !rasp.sop<i64>
}

// -----

// hist2's last select: the constant query makes a key filter (a mask).
// CHECK-LABEL: func.func @key_filter
// CHECK:         %[[C:.+]] = rasp.constant true
// CHECK:         %[[F:.+]] = rasp.tokens : !rasp.sop<i1>
// CHECK:         %[[K:.+]] = rasp.indices
// CHECK:         %[[M:.+]] = rasp.cmp eq, %[[F]], %[[C]]
// CHECK:         rasp.keyed_reduce equal(%[[K]] : !rasp.sop<i64>) to(%[[K]] : !rasp.sop<i64>) key_mask %[[M]] : !rasp.sop<i1> -> !rasp.sop<i64>
func.func @key_filter() -> !rasp.sop<i64> {
  %c = rasp.constant true : !rasp.sop<i1>
  %f = rasp.tokens : !rasp.sop<i1>
  %k = rasp.indices : !rasp.sop<i64>
  %same = rasp.select %k, %k, eq : !rasp.sop<i64>, !rasp.sop<i64>
  %first = rasp.select %f, %c, eq : !rasp.sop<i1>, !rasp.sop<i1>
  %s = rasp.select_and %same, %first
  %w = rasp.selector_width %s : !rasp.sop<i64>
  return %w : !rasp.sop<i64>
}

// -----

// A constant key makes a query filter; two of them are and-ed.
// CHECK-LABEL: func.func @query_filters
// CHECK:         %[[A:.+]] = rasp.cmp lt, %{{.+}}, %[[T:.+]] :
// CHECK:         %[[B:.+]] = rasp.cmp ne, %{{.+}}, %[[T]] :
// CHECK:         %[[M:.+]] = rasp.and %[[A]], %[[B]]
// CHECK:         rasp.keyed_reduce query_mask %[[M]] : !rasp.sop<i1> values
func.func @query_filters() -> !rasp.sop<f64> {
  %one = rasp.constant 1 : !rasp.sop<i64>
  %t = rasp.tokens : !rasp.sop<i64>
  %a = rasp.select %one, %t, lt : !rasp.sop<i64>, !rasp.sop<i64>
  %b = rasp.select %one, %t, ne : !rasp.sop<i64>, !rasp.sop<i64>
  %s = rasp.select_and %a, %b
  %m = rasp.aggregate %s, %t default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  return %m : !rasp.sop<f64>
}

// -----

// `S or not S` selects everything: a global reduction (no columns).
// CHECK-LABEL: func.func @global
// CHECK:         %[[V:.+]] = rasp.tokens
// CHECK:         rasp.keyed_reduce values %[[V]] : !rasp.sop<i64> default 0 -> !rasp.sop<f64>
func.func @global() -> !rasp.sop<f64> {
  %i = rasp.indices : !rasp.sop<i64>
  %v = rasp.tokens : !rasp.sop<i64>
  %s = rasp.select %i, %i, eq : !rasp.sop<i64>, !rasp.sop<i64>
  %n = rasp.select_not %s
  %all = rasp.select_or %n, %s
  %m = rasp.aggregate %all, %v default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  return %m : !rasp.sop<f64>
}

// -----

// Two equality columns (dyck's partner), keys and queries different.
// CHECK-LABEL: func.func @two_columns
// CHECK:         rasp.keyed_reduce equal(%[[L:.+]], %[[N:.+]] : !rasp.sop<i64>, !rasp.sop<i64>) to(%[[L]], %[[P:.+]] : !rasp.sop<i64>, !rasp.sop<i64>) values
func.func @two_columns() -> !rasp.sop<!rasp.string> {
  %one = rasp.constant 1 : !rasp.sop<i64>
  %l = rasp.tokens : !rasp.sop<i64>
  %n = rasp.indices : !rasp.sop<i64>
  %p = rasp.sub %n, %one : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %a = rasp.select %l, %l, eq : !rasp.sop<i64>, !rasp.sop<i64>
  %b = rasp.select %n, %p, eq : !rasp.sop<i64>, !rasp.sop<i64>
  %s = rasp.select_and %a, %b
  %v = rasp.constant "x" : !rasp.sop<!rasp.string>
  %r = rasp.aggregate %s, %v default "-" : !rasp.sop<!rasp.string> -> !rasp.sop<!rasp.string>
  return %r : !rasp.sop<!rasp.string>
}

// -----

// Not keyed: `!=` (its complement is not an interval of the sorted keys).
// CHECK-LABEL: func.func @not_equal
// CHECK:         rasp.selector_width
// CHECK-NOT:     rasp.keyed_reduce
func.func @not_equal() -> !rasp.sop<i64> {
  %t = rasp.tokens : !rasp.sop<i64>
  %s = rasp.select %t, %t, ne : !rasp.sop<i64>, !rasp.sop<i64>
  %w = rasp.selector_width %s : !rasp.sop<i64>
  return %w : !rasp.sop<i64>
}

// -----

// Not keyed: float columns (nan and -0.0 have no exact packed order).
// CHECK-LABEL: func.func @float_keys
// CHECK:         rasp.selector_width
// CHECK-NOT:     rasp.keyed_reduce
func.func @float_keys() -> !rasp.sop<i64> {
  %t = rasp.tokens : !rasp.sop<f64>
  %s = rasp.select %t, %t, lt : !rasp.sop<f64>, !rasp.sop<f64>
  %w = rasp.selector_width %s : !rasp.sop<i64>
  return %w : !rasp.sop<i64>
}

// -----

// Not keyed: float values (their sums depend on the order of addition).
// CHECK-LABEL: func.func @float_values
// CHECK:         rasp.aggregate
// CHECK-NOT:     rasp.keyed_reduce
func.func @float_values() -> !rasp.sop<f64> {
  %v = rasp.tokens : !rasp.sop<f64>
  %k = rasp.length : !rasp.sop<i64>
  %s = rasp.select %k, %k, eq : !rasp.sop<i64>, !rasp.sop<i64>
  %m = rasp.aggregate %s, %v default 0 : !rasp.sop<f64> -> !rasp.sop<f64>
  return %m : !rasp.sop<f64>
}

// -----

// Not keyed: two independent orders, an `or` that is not lexicographic,
// and three columns (more than the kernel packs).
// CHECK-LABEL: func.func @two_orders
// CHECK:         rasp.selector_width
// CHECK-NOT:     rasp.keyed_reduce
func.func @two_orders() -> !rasp.sop<i64> {
  %t = rasp.tokens : !rasp.sop<i64>
  %i = rasp.indices : !rasp.sop<i64>
  %a = rasp.select %t, %t, lt : !rasp.sop<i64>, !rasp.sop<i64>
  %b = rasp.select %i, %i, lt : !rasp.sop<i64>, !rasp.sop<i64>
  %s = rasp.select_and %a, %b
  %w = rasp.selector_width %s : !rasp.sop<i64>
  return %w : !rasp.sop<i64>
}

// CHECK-LABEL: func.func @plain_or
// CHECK:         rasp.selector_width
// CHECK-NOT:     rasp.keyed_reduce
func.func @plain_or() -> !rasp.sop<i64> {
  %t = rasp.tokens : !rasp.sop<i64>
  %i = rasp.indices : !rasp.sop<i64>
  %a = rasp.select %t, %t, lt : !rasp.sop<i64>, !rasp.sop<i64>
  %b = rasp.select %i, %t, eq : !rasp.sop<i64>, !rasp.sop<i64>
  %s = rasp.select_or %a, %b
  %w = rasp.selector_width %s : !rasp.sop<i64>
  return %w : !rasp.sop<i64>
}

// CHECK-LABEL: func.func @three_columns
// CHECK:         rasp.selector_width
// CHECK-NOT:     rasp.keyed_reduce
func.func @three_columns() -> !rasp.sop<i64> {
  %t = rasp.tokens : !rasp.sop<i64>
  %i = rasp.indices : !rasp.sop<i64>
  %n = rasp.neg %t : !rasp.sop<i64> -> !rasp.sop<i64>
  %a = rasp.select %t, %t, eq : !rasp.sop<i64>, !rasp.sop<i64>
  %b = rasp.select %n, %n, eq : !rasp.sop<i64>, !rasp.sop<i64>
  %c = rasp.select %i, %i, lt : !rasp.sop<i64>, !rasp.sop<i64>
  %ab = rasp.select_and %a, %b
  %s = rasp.select_and %ab, %c
  %w = rasp.selector_width %s : !rasp.sop<i64>
  return %w : !rasp.sop<i64>
}

// -----

// Not a global reduction: `S or not S` over an s-op that may raise (an
// aggregate) keeps the generic kernel, which computes the s-op and so raises
// its error as the reference does.
// CHECK-LABEL: func.func @tautology_over_failing_sop
// CHECK:         rasp.select_or
// CHECK:         rasp.selector_width
// CHECK-NOT:     rasp.keyed_reduce
func.func @tautology_over_failing_sop() -> !rasp.sop<i64> {
  %i = rasp.indices : !rasp.sop<i64>
  %t = rasp.tokens : !rasp.sop<!rasp.string>
  %p = rasp.select %i, %i, le : !rasp.sop<i64>, !rasp.sop<i64>
  %x = rasp.aggregate %p, %t default 0 : !rasp.sop<!rasp.string> -> !rasp.sop<!rasp.string>
  %s = rasp.select %x, %x, eq : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string>
  %n = rasp.select_not %s
  %all = rasp.select_or %s, %n
  %w = rasp.selector_width %all : !rasp.sop<i64>
  return %w : !rasp.sop<i64>
}
