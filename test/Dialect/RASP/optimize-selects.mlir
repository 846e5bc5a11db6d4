// RUN: rasp-opt %s -rasp-optimize-selects -split-input-file | FileCheck %s

// CHECK-LABEL: func.func @width_le
// CHECK-DAG:     %[[I:.+]] = rasp.indices
// CHECK-DAG:     %[[ONE:.+]] = rasp.constant 1
// CHECK:         %[[W:.+]] = rasp.add %[[I]], %[[ONE]]
// CHECK-NOT:     rasp.selector_width
// CHECK:         return %[[W]]
func.func @width_le() -> !rasp.sop<i64> {
  %i = rasp.indices : !rasp.sop<i64>
  %s = rasp.select %i, %i, le : !rasp.sop<i64>, !rasp.sop<i64>
  %w = rasp.selector_width %s : !rasp.sop<i64>
  return %w : !rasp.sop<i64>
}

// -----

// CHECK-LABEL: func.func @width_lt
// CHECK:         %[[I:.+]] = rasp.indices
// CHECK-NOT:     rasp.selector_width
// CHECK:         return %[[I]]
func.func @width_lt() -> !rasp.sop<i64> {
  %i = rasp.indices : !rasp.sop<i64>
  %s = rasp.select %i, %i, lt : !rasp.sop<i64>, !rasp.sop<i64>
  %w = rasp.selector_width %s : !rasp.sop<i64>
  return %w : !rasp.sop<i64>
}

// -----

// CHECK-LABEL: func.func @width_gt
// CHECK-DAG:     %[[I:.+]] = rasp.indices
// CHECK-DAG:     %[[N:.+]] = rasp.length
// CHECK-DAG:     %[[ONE:.+]] = rasp.constant 1
// CHECK:         %[[D:.+]] = rasp.sub %[[N]], %[[I]]
// CHECK:         %[[W:.+]] = rasp.sub %[[D]], %[[ONE]]
// CHECK:         return %[[W]]
func.func @width_gt() -> !rasp.sop<i64> {
  %i = rasp.indices : !rasp.sop<i64>
  %s = rasp.select %i, %i, gt : !rasp.sop<i64>, !rasp.sop<i64>
  %w = rasp.selector_width %s : !rasp.sop<i64>
  return %w : !rasp.sop<i64>
}

// -----

// CHECK-LABEL: func.func @width_ge
// CHECK:         %[[W:.+]] = rasp.sub %{{.+}}, %{{.+}}
// CHECK-NOT:     rasp.constant
// CHECK:         return %[[W]]
func.func @width_ge() -> !rasp.sop<i64> {
  %i = rasp.indices : !rasp.sop<i64>
  %s = rasp.select %i, %i, ge : !rasp.sop<i64>, !rasp.sop<i64>
  %w = rasp.selector_width %s : !rasp.sop<i64>
  return %w : !rasp.sop<i64>
}

// -----

// Int values: a scan with the aggregate's predicate and default.
// CHECK-LABEL: func.func @mean_lt
// CHECK:         %[[V:.+]] = rasp.tokens : !rasp.sop<i64>
// CHECK:         %[[M:.+]] = rasp.scan_mean %[[V]], lt default 7 : !rasp.sop<i64> -> !rasp.sop<f64>
// CHECK-NOT:     rasp.aggregate
// CHECK:         return %[[M]]
func.func @mean_lt() -> !rasp.sop<f64> {
  %i = rasp.indices : !rasp.sop<i64>
  %v = rasp.tokens : !rasp.sop<i64>
  %s = rasp.select %i, %i, lt : !rasp.sop<i64>, !rasp.sop<i64>
  %m = rasp.aggregate %s, %v default 7 : !rasp.sop<i64> -> !rasp.sop<f64>
  return %m : !rasp.sop<f64>
}

// -----

// Float values over a prefix: a running sum in key order is the
// reference's sum, so they become scan_mean (le and lt).
// CHECK-LABEL: func.func @float_values
// CHECK:         %[[V:.+]] = rasp.tokens : !rasp.sop<f64>
// CHECK:         rasp.scan_mean %[[V]], le default 0 : !rasp.sop<f64> -> !rasp.sop<f64>
// CHECK:         rasp.scan_mean %[[V]], lt default 0 : !rasp.sop<f64> -> !rasp.sop<f64>
// CHECK-NOT:     rasp.aggregate
func.func @float_values() -> !rasp.sop<f64> {
  %i = rasp.indices : !rasp.sop<i64>
  %v = rasp.tokens : !rasp.sop<f64>
  %s = rasp.select %i, %i, le : !rasp.sop<i64>, !rasp.sop<i64>
  %m = rasp.aggregate %s, %v default 0 : !rasp.sop<f64> -> !rasp.sop<f64>
  %t = rasp.select %i, %i, lt : !rasp.sop<i64>, !rasp.sop<i64>
  %n = rasp.aggregate %t, %v default 0 : !rasp.sop<f64> -> !rasp.sop<f64>
  %r = rasp.add %m, %n : !rasp.sop<f64>, !rasp.sop<f64> -> !rasp.sop<f64>
  return %r : !rasp.sop<f64>
}

// -----

// Not rewritten: float values over a suffix (summed backward, the sums
// would round differently from the reference's key order), string values
// (categorical), keys that are not indices, and combined selectors.
// CHECK-LABEL: func.func @float_suffix_values
// CHECK:         rasp.aggregate
// CHECK:         rasp.aggregate
// CHECK-NOT:     rasp.scan_mean
func.func @float_suffix_values() -> !rasp.sop<f64> {
  %i = rasp.indices : !rasp.sop<i64>
  %v = rasp.tokens : !rasp.sop<f64>
  %s = rasp.select %i, %i, ge : !rasp.sop<i64>, !rasp.sop<i64>
  %m = rasp.aggregate %s, %v default 0 : !rasp.sop<f64> -> !rasp.sop<f64>
  %t = rasp.select %i, %i, gt : !rasp.sop<i64>, !rasp.sop<i64>
  %n = rasp.aggregate %t, %v default 0 : !rasp.sop<f64> -> !rasp.sop<f64>
  %r = rasp.add %m, %n : !rasp.sop<f64>, !rasp.sop<f64> -> !rasp.sop<f64>
  return %r : !rasp.sop<f64>
}

// -----

// CHECK-LABEL: func.func @string_values
// CHECK:         rasp.aggregate
func.func @string_values() -> !rasp.sop<!rasp.string> {
  %i = rasp.indices : !rasp.sop<i64>
  %v = rasp.tokens : !rasp.sop<!rasp.string>
  %s = rasp.select %i, %i, le : !rasp.sop<i64>, !rasp.sop<i64>
  %m = rasp.aggregate %s, %v default 0 : !rasp.sop<!rasp.string> -> !rasp.sop<!rasp.string>
  return %m : !rasp.sop<!rasp.string>
}

// -----

// Equality over indices is a one-match select (a gather of width 1).
// CHECK-LABEL: func.func @equality
// CHECK:         rasp.indicator
// CHECK-NOT:     rasp.selector_width
func.func @equality() -> !rasp.sop<i64> {
  %i = rasp.indices : !rasp.sop<i64>
  %s = rasp.select %i, %i, eq : !rasp.sop<i64>, !rasp.sop<i64>
  %w = rasp.selector_width %s : !rasp.sop<i64>
  return %w : !rasp.sop<i64>
}

// -----

// Not a closed form (the keys are tokens): a keyed reduction (sorting).
// CHECK-LABEL: func.func @token_keys
// CHECK:         rasp.keyed_reduce order le(%{{.+}} : !rasp.sop<i64>) to(%{{.+}} : !rasp.sop<i64>) -> !rasp.sop<i64>
// CHECK-NOT:     rasp.selector_width
func.func @token_keys() -> !rasp.sop<i64> {
  %i = rasp.indices : !rasp.sop<i64>
  %t = rasp.tokens : !rasp.sop<i64>
  %s = rasp.select %t, %i, le : !rasp.sop<i64>, !rasp.sop<i64>
  %w = rasp.selector_width %s : !rasp.sop<i64>
  return %w : !rasp.sop<i64>
}

// -----

// A grouped prefix mean: not a scan_mean, a keyed reduction.
// CHECK-LABEL: func.func @combined
// CHECK:         %[[I:.+]] = rasp.indices
// CHECK:         %[[T:.+]] = rasp.tokens
// CHECK:         rasp.keyed_reduce equal(%[[T]] : !rasp.sop<i64>) to(%[[T]] : !rasp.sop<i64>) order le(%[[I]] : !rasp.sop<i64>) to(%[[I]] : !rasp.sop<i64>) values %[[T]] : !rasp.sop<i64> default 0
// CHECK-NOT:     rasp.aggregate
func.func @combined() -> !rasp.sop<f64> {
  %i = rasp.indices : !rasp.sop<i64>
  %t = rasp.tokens : !rasp.sop<i64>
  %s = rasp.select %i, %i, le : !rasp.sop<i64>, !rasp.sop<i64>
  %e = rasp.select %t, %t, eq : !rasp.sop<i64>, !rasp.sop<i64>
  %a = rasp.select_and %s, %e
  %m = rasp.aggregate %a, %t default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  return %m : !rasp.sop<f64>
}

// -----

// One-match selects: keys are indices, queries an int s-op.
// CHECK-LABEL: func.func @gather
// CHECK:         %[[T:.+]] = rasp.tokens : !rasp.sop<!rasp.string>
// CHECK:         %[[P:.+]] = rasp.sub
// CHECK:         %[[G:.+]] = rasp.gather %[[T]], %[[P]] default 0 {rasp.op_id = 7 : i64} : !rasp.sop<!rasp.string>, !rasp.sop<i64> -> !rasp.sop<!rasp.string>
// CHECK-NOT:     rasp.aggregate
// CHECK:         return %[[G]]
func.func @gather() -> !rasp.sop<!rasp.string> {
  %i = rasp.indices : !rasp.sop<i64>
  %n = rasp.length : !rasp.sop<i64>
  %t = rasp.tokens : !rasp.sop<!rasp.string>
  %p = rasp.sub %n, %i : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %s = rasp.select %i, %p, eq : !rasp.sop<i64>, !rasp.sop<i64>
  %r = rasp.aggregate %s, %t default 0 {rasp.op_id = 7 : i64} : !rasp.sop<!rasp.string> -> !rasp.sop<!rasp.string>
  return %r : !rasp.sop<!rasp.string>
}

// -----

// CHECK-LABEL: func.func @gather_width
// CHECK-DAG:     %[[ZERO:.+]] = rasp.constant 0
// CHECK-DAG:     %[[N:.+]] = rasp.length
// CHECK-DAG:     %[[P:.+]] = rasp.tokens : !rasp.sop<i64>
// CHECK:         %[[GE:.+]] = rasp.cmp ge, %[[P]], %[[ZERO]]
// CHECK:         %[[LT:.+]] = rasp.cmp lt, %[[P]], %[[N]]
// CHECK:         %[[IN:.+]] = rasp.and %[[GE]], %[[LT]]
// CHECK:         %[[W:.+]] = rasp.indicator %[[IN]]
// CHECK:         return %[[W]]
func.func @gather_width() -> !rasp.sop<i64> {
  %i = rasp.indices : !rasp.sop<i64>
  %p = rasp.tokens : !rasp.sop<i64>
  %s = rasp.select %i, %p, eq : !rasp.sop<i64>, !rasp.sop<i64>
  %w = rasp.selector_width %s : !rasp.sop<i64>
  return %w : !rasp.sop<i64>
}

// -----

// Not a gather: the positions are floats (left generic), or indices are the
// queries (a scatter: several keys may name one query; a keyed reduction).
// CHECK-LABEL: func.func @float_positions
// CHECK:         rasp.aggregate
func.func @float_positions() -> !rasp.sop<f64> {
  %i = rasp.indices : !rasp.sop<i64>
  %p = rasp.tokens : !rasp.sop<f64>
  %s = rasp.select %i, %p, eq : !rasp.sop<i64>, !rasp.sop<f64>
  %r = rasp.aggregate %s, %i default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  return %r : !rasp.sop<f64>
}

// -----

// CHECK-LABEL: func.func @scatter
// CHECK:         %[[I:.+]] = rasp.indices
// CHECK:         %[[P:.+]] = rasp.tokens
// CHECK:         rasp.keyed_reduce equal(%[[P]] : !rasp.sop<i64>) to(%[[I]] : !rasp.sop<i64>) values %[[I]] : !rasp.sop<i64> default 0
func.func @scatter() -> !rasp.sop<f64> {
  %i = rasp.indices : !rasp.sop<i64>
  %p = rasp.tokens : !rasp.sop<i64>
  %s = rasp.select %p, %i, eq : !rasp.sop<i64>, !rasp.sop<i64>
  %r = rasp.aggregate %s, %i default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  return %r : !rasp.sop<f64>
}

// -----

// The paper's count idiom (dyck): round((indices + 1) * prefix mean of an
// indicator) is the prefix sum, exactly (|v| <= 1). The round's op id is
// kept; the scan_mean, still used, stays.
// CHECK-LABEL: func.func @count_idiom
// CHECK:         %[[T:.+]] = rasp.tokens : !rasp.sop<i1>
// CHECK:         %[[V:.+]] = rasp.indicator %[[T]]
// CHECK-NOT:     rasp.aggregate
// CHECK-DAG:     %[[M:.+]] = rasp.scan_mean %[[V]], le default 0
// CHECK-DAG:     %[[S:.+]] = rasp.scan_sum %[[V]], le {rasp.op_id = 3 : i64} : !rasp.sop<i64>
// CHECK-NOT:     rasp.round
// CHECK:         return %[[S]], %[[M]]
func.func @count_idiom() -> (!rasp.sop<i64>, !rasp.sop<f64>) {
  %i = rasp.indices : !rasp.sop<i64>
  %one = rasp.constant 1 : !rasp.sop<i64>
  %t = rasp.tokens : !rasp.sop<i1>
  %v = rasp.indicator %t : !rasp.sop<i1> -> !rasp.sop<i64>
  %s = rasp.select %i, %i, le : !rasp.sop<i64>, !rasp.sop<i64>
  %m = rasp.aggregate %s, %v default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  %d = rasp.add %i, %one : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %p = rasp.mul %d, %m : !rasp.sop<i64>, !rasp.sop<f64> -> !rasp.sop<f64>
  %r = rasp.round %p {rasp.op_id = 3 : i64} : !rasp.sop<f64> -> !rasp.sop<i64>
  return %r, %m : !rasp.sop<i64>, !rasp.sop<f64>
}

// -----

// The other operand orders (mean * count, 1 + indices), on a scan_mean, and
// bounded values other than an indicator: where(c, 2^19, -3) * 1.
// CHECK-LABEL: func.func @count_idiom_swapped
// CHECK:         %[[V:.+]] = rasp.mul
// CHECK:         %[[S:.+]] = rasp.scan_sum %[[V]], le : !rasp.sop<i64>
// CHECK-NOT:     rasp.scan_mean
// CHECK-NOT:     rasp.round
// CHECK:         return %[[S]]
func.func @count_idiom_swapped() -> !rasp.sop<i64> {
  %i = rasp.indices : !rasp.sop<i64>
  %one = rasp.constant 1 : !rasp.sop<i64>
  %big = rasp.constant 524288 : !rasp.sop<i64>
  %neg = rasp.constant -3 : !rasp.sop<i64>
  %c = rasp.tokens : !rasp.sop<i1>
  %w = rasp.where %c, %big, %neg : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %v = rasp.mul %w, %one : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %m = rasp.scan_mean %v, le default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  %d = rasp.add %one, %i : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %p = rasp.mul %m, %d : !rasp.sop<f64>, !rasp.sop<i64> -> !rasp.sop<f64>
  %r = rasp.round %p : !rasp.sop<f64> -> !rasp.sop<i64>
  return %r : !rasp.sop<i64>
}

// -----

// Not rewritten: values with no bound (tokens_int, no rasp.int_range), a
// bound above 2^19
// (2^19 + 1: the sum's f64 round trip is only proven exact below 2^50),
// a count that is not indices + 1, a mean over lt (position 0 takes the
// default), float values, and a product that is not rounded.
// CHECK-LABEL: func.func @count_unbounded
// CHECK:         rasp.round
// CHECK-NOT:     rasp.scan_sum
func.func @count_unbounded() -> !rasp.sop<i64> {
  %i = rasp.indices : !rasp.sop<i64>
  %one = rasp.constant 1 : !rasp.sop<i64>
  %v = rasp.tokens : !rasp.sop<i64>
  %m = rasp.scan_mean %v, le default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  %d = rasp.add %i, %one : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %p = rasp.mul %d, %m : !rasp.sop<i64>, !rasp.sop<f64> -> !rasp.sop<f64>
  %r = rasp.round %p : !rasp.sop<f64> -> !rasp.sop<i64>
  return %r : !rasp.sop<i64>
}

// -----

// tokens_int is bounded by the input's range (rasp.int_range, attached by
// rasp-run): |v| <= 2^19 fires, one more does not.
// CHECK-LABEL: func.func @count_int_range
// CHECK:         %[[V:.+]] = rasp.tokens : !rasp.sop<i64>
// CHECK:         %[[S:.+]] = rasp.scan_sum %[[V]], le : !rasp.sop<i64>
// CHECK-NOT:     rasp.round
// CHECK:         return %[[S]]
module attributes {rasp.int_range = [-524288, 7]} {
func.func @count_int_range() -> !rasp.sop<i64> {
  %i = rasp.indices : !rasp.sop<i64>
  %one = rasp.constant 1 : !rasp.sop<i64>
  %v = rasp.tokens : !rasp.sop<i64>
  %m = rasp.scan_mean %v, le default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  %d = rasp.add %i, %one : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %p = rasp.mul %d, %m : !rasp.sop<i64>, !rasp.sop<f64> -> !rasp.sop<f64>
  %r = rasp.round %p : !rasp.sop<f64> -> !rasp.sop<i64>
  return %r : !rasp.sop<i64>
}
}

// -----

// CHECK-LABEL: func.func @count_int_range_too_wide
// CHECK:         rasp.round
// CHECK-NOT:     rasp.scan_sum
module attributes {rasp.int_range = [-524289, 7]} {
func.func @count_int_range_too_wide() -> !rasp.sop<i64> {
  %i = rasp.indices : !rasp.sop<i64>
  %one = rasp.constant 1 : !rasp.sop<i64>
  %v = rasp.tokens : !rasp.sop<i64>
  %m = rasp.scan_mean %v, le default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  %d = rasp.add %i, %one : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %p = rasp.mul %d, %m : !rasp.sop<i64>, !rasp.sop<f64> -> !rasp.sop<f64>
  %r = rasp.round %p : !rasp.sop<f64> -> !rasp.sop<i64>
  return %r : !rasp.sop<i64>
}
}

// -----

// CHECK-LABEL: func.func @count_bound_too_large
// CHECK:         rasp.round
// CHECK-NOT:     rasp.scan_sum
func.func @count_bound_too_large() -> !rasp.sop<i64> {
  %i = rasp.indices : !rasp.sop<i64>
  %one = rasp.constant 1 : !rasp.sop<i64>
  %big = rasp.constant 524289 : !rasp.sop<i64>
  %c = rasp.tokens : !rasp.sop<i1>
  %b = rasp.indicator %c : !rasp.sop<i1> -> !rasp.sop<i64>
  %v = rasp.mul %b, %big : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %m = rasp.scan_mean %v, le default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  %d = rasp.add %i, %one : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %p = rasp.mul %d, %m : !rasp.sop<i64>, !rasp.sop<f64> -> !rasp.sop<f64>
  %r = rasp.round %p : !rasp.sop<f64> -> !rasp.sop<i64>
  return %r : !rasp.sop<i64>
}

// -----

// CHECK-LABEL: func.func @count_indices_plus_two
// CHECK:         rasp.round
// CHECK-NOT:     rasp.scan_sum
func.func @count_indices_plus_two() -> !rasp.sop<i64> {
  %i = rasp.indices : !rasp.sop<i64>
  %two = rasp.constant 2 : !rasp.sop<i64>
  %c = rasp.tokens : !rasp.sop<i1>
  %v = rasp.indicator %c : !rasp.sop<i1> -> !rasp.sop<i64>
  %m = rasp.scan_mean %v, le default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  %d = rasp.add %i, %two : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %p = rasp.mul %d, %m : !rasp.sop<i64>, !rasp.sop<f64> -> !rasp.sop<f64>
  %r = rasp.round %p : !rasp.sop<f64> -> !rasp.sop<i64>
  return %r : !rasp.sop<i64>
}

// -----

// CHECK-LABEL: func.func @count_lt
// CHECK:         rasp.round
// CHECK-NOT:     rasp.scan_sum
func.func @count_lt() -> !rasp.sop<i64> {
  %i = rasp.indices : !rasp.sop<i64>
  %c = rasp.tokens : !rasp.sop<i1>
  %v = rasp.indicator %c : !rasp.sop<i1> -> !rasp.sop<i64>
  %m = rasp.scan_mean %v, lt default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  %p = rasp.mul %i, %m : !rasp.sop<i64>, !rasp.sop<f64> -> !rasp.sop<f64>
  %r = rasp.round %p : !rasp.sop<f64> -> !rasp.sop<i64>
  return %r : !rasp.sop<i64>
}

// -----

// CHECK-LABEL: func.func @count_float_values
// CHECK:         rasp.scan_mean {{.+}} : !rasp.sop<f64> -> !rasp.sop<f64>
// CHECK:         rasp.round
// CHECK-NOT:     rasp.scan_sum
func.func @count_float_values() -> !rasp.sop<i64> {
  %i = rasp.indices : !rasp.sop<i64>
  %one = rasp.constant 1 : !rasp.sop<i64>
  %v = rasp.tokens : !rasp.sop<f64>
  %s = rasp.select %i, %i, le : !rasp.sop<i64>, !rasp.sop<i64>
  %m = rasp.aggregate %s, %v default 0 : !rasp.sop<f64> -> !rasp.sop<f64>
  %d = rasp.add %i, %one : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %p = rasp.mul %d, %m : !rasp.sop<i64>, !rasp.sop<f64> -> !rasp.sop<f64>
  %r = rasp.round %p : !rasp.sop<f64> -> !rasp.sop<i64>
  return %r : !rasp.sop<i64>
}

// -----

// CHECK-LABEL: func.func @count_not_rounded
// CHECK:         %[[M:.+]] = rasp.scan_mean
// CHECK:         %[[P:.+]] = rasp.mul %{{.+}}, %[[M]]
// CHECK-NOT:     rasp.scan_sum
// CHECK:         return %[[P]]
func.func @count_not_rounded() -> !rasp.sop<f64> {
  %i = rasp.indices : !rasp.sop<i64>
  %one = rasp.constant 1 : !rasp.sop<i64>
  %c = rasp.tokens : !rasp.sop<i1>
  %v = rasp.indicator %c : !rasp.sop<i1> -> !rasp.sop<i64>
  %m = rasp.scan_mean %v, le default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  %d = rasp.add %i, %one : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %p = rasp.mul %d, %m : !rasp.sop<i64>, !rasp.sop<f64> -> !rasp.sop<f64>
  return %p : !rasp.sop<f64>
}

// -----

// A prefix mean compared with 0 is its sum compared with 0 (the count
// q + 1 >= 1 keeps the sign and the zero), for any int values: dyck's
// `aggregate(prefix, indicator(...)) > 0`. Int or float zero, either side.
// CHECK-LABEL: func.func @prefix_mean_sign
// CHECK:         %[[Z:.+]] = rasp.constant 0 : !rasp.sop<i64>
// CHECK:         %[[V:.+]] = rasp.tokens : !rasp.sop<i64>
// CHECK-NOT:     rasp.aggregate
// CHECK-NOT:     rasp.scan_mean
// CHECK-DAG:     %[[S1:.+]] = rasp.scan_sum %[[V]], le : !rasp.sop<i64>
// CHECK-DAG:     %[[S2:.+]] = rasp.scan_sum %[[V]], le : !rasp.sop<i64>
// CHECK-DAG:     rasp.cmp gt, %[[S1]], %[[Z]] : !rasp.sop<i64>, !rasp.sop<i64>
// CHECK-DAG:     rasp.cmp le, %[[Z]], %[[S2]] : !rasp.sop<i64>, !rasp.sop<i64>
func.func @prefix_mean_sign() -> (!rasp.sop<i1>, !rasp.sop<i1>) {
  %i = rasp.indices : !rasp.sop<i64>
  %zero = rasp.constant 0 : !rasp.sop<i64>
  %fzero = rasp.constant 0.0 : !rasp.sop<f64>
  %v = rasp.tokens : !rasp.sop<i64>
  %s = rasp.select %i, %i, le : !rasp.sop<i64>, !rasp.sop<i64>
  %m1 = rasp.aggregate %s, %v default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  %m2 = rasp.aggregate %s, %v default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  %a = rasp.cmp gt, %m1, %zero : !rasp.sop<f64>, !rasp.sop<i64>
  %b = rasp.cmp le, %fzero, %m2 : !rasp.sop<f64>, !rasp.sop<f64>
  return %a, %b : !rasp.sop<i1>, !rasp.sop<i1>
}

// -----

// Not rewritten: a comparison with 1 (the mean's magnitude matters), a
// strict prefix (lt: position 0 takes the default), and a mean with another
// user (both scans would run).
// CHECK-LABEL: func.func @prefix_mean_sign_not
// CHECK-NOT:     rasp.scan_sum
// CHECK-COUNT-3: rasp.scan_mean
// CHECK-NOT:     rasp.scan_sum
func.func @prefix_mean_sign_not() -> (!rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<f64>) {
  %i = rasp.indices : !rasp.sop<i64>
  %zero = rasp.constant 0 : !rasp.sop<i64>
  %one = rasp.constant 1 : !rasp.sop<i64>
  %v = rasp.tokens : !rasp.sop<i64>
  %le = rasp.select %i, %i, le : !rasp.sop<i64>, !rasp.sop<i64>
  %lt = rasp.select %i, %i, lt : !rasp.sop<i64>, !rasp.sop<i64>
  %m1 = rasp.aggregate %le, %v default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  %a = rasp.cmp gt, %m1, %one : !rasp.sop<f64>, !rasp.sop<i64>
  %m2 = rasp.aggregate %lt, %v default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  %b = rasp.cmp gt, %m2, %zero : !rasp.sop<f64>, !rasp.sop<i64>
  %m3 = rasp.aggregate %le, %v default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  %c = rasp.cmp gt, %m3, %zero : !rasp.sop<f64>, !rasp.sop<i64>
  return %a, %b, %c, %m3 : !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<f64>
}

// -----

// A difference of two prefix means compared with 0 (shuffle_dyck's
// `round_bal < 0`, `round_bal == 0`) is the difference of the prefix sums
// compared with 0: the same count d = q + 1 divides both, and for |v| <= 2^19
// the two roundings cannot close the gap between distinct sums. Every cmp
// user of the sub is rewritten (int or float zero, either side); the means
// go. The difference of the two sums then becomes one sum of the differences
// (optimize-selects-scan-arith.mlir), which keeps the sub's op id.
// CHECK-LABEL: func.func @prefix_mean_diff_sign
// CHECK:         %[[Z:.+]] = rasp.constant 0 : !rasp.sop<i64>
// CHECK:         %[[T:.+]] = rasp.tokens : !rasp.sop<i1>
// CHECK:         %[[N:.+]] = rasp.not %[[T]]
// CHECK:         %[[A:.+]] = rasp.indicator %[[T]]
// CHECK:         %[[B:.+]] = rasp.indicator %[[N]]
// CHECK-NOT:     rasp.aggregate
// CHECK-NOT:     rasp.scan_mean
// CHECK:         %[[AB:.+]] = rasp.sub %[[A]], %[[B]] : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
// CHECK:         %[[D:.+]] = rasp.scan_sum %[[AB]], le {rasp.op_id = 5 : i64} : !rasp.sop<i64>
// CHECK:         %[[LT:.+]] = rasp.cmp lt, %[[D]], %[[Z]] : !rasp.sop<i64>, !rasp.sop<i64>
// CHECK:         %[[EQ:.+]] = rasp.cmp eq, %[[Z]], %[[D]] : !rasp.sop<i64>, !rasp.sop<i64>
// CHECK-NOT:     rasp.scan_mean
// CHECK:         return %[[LT]], %[[EQ]]
func.func @prefix_mean_diff_sign() -> (!rasp.sop<i1>, !rasp.sop<i1>) {
  %i = rasp.indices : !rasp.sop<i64>
  %zero = rasp.constant 0 : !rasp.sop<i64>
  %fzero = rasp.constant 0.0 : !rasp.sop<f64>
  %t = rasp.tokens : !rasp.sop<i1>
  %n = rasp.not %t : !rasp.sop<i1> -> !rasp.sop<i1>
  %a = rasp.indicator %t : !rasp.sop<i1> -> !rasp.sop<i64>
  %b = rasp.indicator %n : !rasp.sop<i1> -> !rasp.sop<i64>
  %s = rasp.select %i, %i, le : !rasp.sop<i64>, !rasp.sop<i64>
  %ma = rasp.aggregate %s, %a default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  %mb = rasp.aggregate %s, %b default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  %d = rasp.sub %ma, %mb {rasp.op_id = 5 : i64} : !rasp.sop<f64>, !rasp.sop<f64> -> !rasp.sop<f64>
  %lt = rasp.cmp lt, %d, %zero : !rasp.sop<f64>, !rasp.sop<i64>
  %eq = rasp.cmp eq, %fzero, %d : !rasp.sop<f64>, !rasp.sop<f64>
  return %lt, %eq : !rasp.sop<i1>, !rasp.sop<i1>
}

// -----

// The other operand orders and the other predicates, on scan_means, with
// values bounded by exactly 2^19 (where(c, 2^19, -3)) and tokens_int within
// the input's range.
// CHECK-LABEL: func.func @prefix_mean_diff_sign_swapped
// CHECK-DAG:     %[[W:.+]] = rasp.where
// CHECK-DAG:     %[[V:.+]] = rasp.tokens : !rasp.sop<i64>
// CHECK:         %[[VW:.+]] = rasp.sub %[[V]], %[[W]] : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
// CHECK:         %[[D:.+]] = rasp.scan_sum %[[VW]], le : !rasp.sop<i64>
// CHECK-DAG:     rasp.cmp lt, %{{.+}}, %[[D]] : !rasp.sop<i64>, !rasp.sop<i64>
// CHECK-DAG:     rasp.cmp eq, %[[D]], %{{.+}} : !rasp.sop<i64>, !rasp.sop<i64>
// CHECK-DAG:     rasp.cmp le, %[[D]], %{{.+}} : !rasp.sop<i64>, !rasp.sop<i64>
// CHECK-DAG:     rasp.cmp gt, %{{.+}}, %[[D]] : !rasp.sop<i64>, !rasp.sop<i64>
// CHECK-DAG:     rasp.cmp ge, %[[D]], %{{.+}} : !rasp.sop<i64>, !rasp.sop<i64>
// CHECK-DAG:     rasp.cmp ne, %{{.+}}, %[[D]] : !rasp.sop<i64>, !rasp.sop<i64>
// CHECK-NOT:     rasp.scan_mean
// CHECK:         return
module attributes {rasp.int_range = [-524288, 524288]} {
func.func @prefix_mean_diff_sign_swapped() -> (!rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>) {
  %zero = rasp.constant 0 : !rasp.sop<i64>
  %fzero = rasp.constant -0.0 : !rasp.sop<f64>
  %big = rasp.constant 524288 : !rasp.sop<i64>
  %neg = rasp.constant -3 : !rasp.sop<i64>
  %c = rasp.tokens : !rasp.sop<i1>
  %w = rasp.where %c, %big, %neg : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %v = rasp.tokens : !rasp.sop<i64>
  %mv = rasp.scan_mean %v, le default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  %mw = rasp.scan_mean %w, le default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  %d = rasp.sub %mv, %mw : !rasp.sop<f64>, !rasp.sop<f64> -> !rasp.sop<f64>
  %lt = rasp.cmp lt, %zero, %d : !rasp.sop<i64>, !rasp.sop<f64>
  %eq = rasp.cmp eq, %d, %fzero : !rasp.sop<f64>, !rasp.sop<f64>
  %le = rasp.cmp le, %d, %zero : !rasp.sop<f64>, !rasp.sop<i64>
  %gt = rasp.cmp gt, %fzero, %d : !rasp.sop<f64>, !rasp.sop<f64>
  %ge = rasp.cmp ge, %d, %zero : !rasp.sop<f64>, !rasp.sop<i64>
  %ne = rasp.cmp ne, %zero, %d : !rasp.sop<i64>, !rasp.sop<f64>
  return %lt, %eq, %le, %gt, %ge, %ne : !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>, !rasp.sop<i1>
}
}

// -----

// Not rewritten: a mean with another user (both scans would run).
// CHECK-LABEL: func.func @prefix_mean_diff_mean_used
// CHECK-NOT:     rasp.scan_sum
// CHECK:         rasp.sub %{{.+}}, %{{.+}} : !rasp.sop<f64>, !rasp.sop<f64> -> !rasp.sop<f64>
// CHECK-NOT:     rasp.scan_sum
func.func @prefix_mean_diff_mean_used() -> (!rasp.sop<i1>, !rasp.sop<f64>) {
  %zero = rasp.constant 0 : !rasp.sop<i64>
  %t = rasp.tokens : !rasp.sop<i1>
  %n = rasp.not %t : !rasp.sop<i1> -> !rasp.sop<i1>
  %a = rasp.indicator %t : !rasp.sop<i1> -> !rasp.sop<i64>
  %b = rasp.indicator %n : !rasp.sop<i1> -> !rasp.sop<i64>
  %ma = rasp.scan_mean %a, le default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  %mb = rasp.scan_mean %b, le default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  %d = rasp.sub %ma, %mb : !rasp.sop<f64>, !rasp.sop<f64> -> !rasp.sop<f64>
  %lt = rasp.cmp lt, %d, %zero : !rasp.sop<f64>, !rasp.sop<i64>
  return %lt, %mb : !rasp.sop<i1>, !rasp.sop<f64>
}

// -----

// Not rewritten: the sub has a user that is not a cmp (its value is needed).
// CHECK-LABEL: func.func @prefix_mean_diff_sub_used
// CHECK-NOT:     rasp.scan_sum
// CHECK:         rasp.sub %{{.+}}, %{{.+}} : !rasp.sop<f64>, !rasp.sop<f64> -> !rasp.sop<f64>
// CHECK-NOT:     rasp.scan_sum
func.func @prefix_mean_diff_sub_used() -> (!rasp.sop<i1>, !rasp.sop<f64>) {
  %zero = rasp.constant 0 : !rasp.sop<i64>
  %t = rasp.tokens : !rasp.sop<i1>
  %n = rasp.not %t : !rasp.sop<i1> -> !rasp.sop<i1>
  %a = rasp.indicator %t : !rasp.sop<i1> -> !rasp.sop<i64>
  %b = rasp.indicator %n : !rasp.sop<i1> -> !rasp.sop<i64>
  %ma = rasp.scan_mean %a, le default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  %mb = rasp.scan_mean %b, le default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  %d = rasp.sub %ma, %mb : !rasp.sop<f64>, !rasp.sop<f64> -> !rasp.sop<f64>
  %lt = rasp.cmp lt, %d, %zero : !rasp.sop<f64>, !rasp.sop<i64>
  %neg = rasp.neg %d : !rasp.sop<f64> -> !rasp.sop<f64>
  return %lt, %neg : !rasp.sop<i1>, !rasp.sop<f64>
}

// -----

// Not rewritten: one of the sub's cmps is with a nonzero constant (the
// difference's magnitude matters there), though the other is with 0.
// CHECK-LABEL: func.func @prefix_mean_diff_nonzero
// CHECK-NOT:     rasp.scan_sum
// CHECK:         rasp.sub %{{.+}}, %{{.+}} : !rasp.sop<f64>, !rasp.sop<f64> -> !rasp.sop<f64>
// CHECK-NOT:     rasp.scan_sum
func.func @prefix_mean_diff_nonzero() -> (!rasp.sop<i1>, !rasp.sop<i1>) {
  %zero = rasp.constant 0 : !rasp.sop<i64>
  %half = rasp.constant 0.5 : !rasp.sop<f64>
  %t = rasp.tokens : !rasp.sop<i1>
  %n = rasp.not %t : !rasp.sop<i1> -> !rasp.sop<i1>
  %a = rasp.indicator %t : !rasp.sop<i1> -> !rasp.sop<i64>
  %b = rasp.indicator %n : !rasp.sop<i1> -> !rasp.sop<i64>
  %ma = rasp.scan_mean %a, le default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  %mb = rasp.scan_mean %b, le default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  %d = rasp.sub %ma, %mb : !rasp.sop<f64>, !rasp.sop<f64> -> !rasp.sop<f64>
  %lt = rasp.cmp lt, %d, %zero : !rasp.sop<f64>, !rasp.sop<i64>
  %gt = rasp.cmp gt, %d, %half : !rasp.sop<f64>, !rasp.sop<f64>
  return %lt, %gt : !rasp.sop<i1>, !rasp.sop<i1>
}

// -----

// Not rewritten: values beyond 2^19 (where(c, 2^19 + 1, 0)): the sums could
// pass 2^50, where the roundings may close the gap.
// CHECK-LABEL: func.func @prefix_mean_diff_too_large
// CHECK-NOT:     rasp.scan_sum
// CHECK:         rasp.sub %{{.+}}, %{{.+}} : !rasp.sop<f64>, !rasp.sop<f64> -> !rasp.sop<f64>
// CHECK-NOT:     rasp.scan_sum
func.func @prefix_mean_diff_too_large() -> !rasp.sop<i1> {
  %zero = rasp.constant 0 : !rasp.sop<i64>
  %big = rasp.constant 524289 : !rasp.sop<i64>
  %t = rasp.tokens : !rasp.sop<i1>
  %a = rasp.indicator %t : !rasp.sop<i1> -> !rasp.sop<i64>
  %b = rasp.where %t, %big, %zero : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %ma = rasp.scan_mean %a, le default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  %mb = rasp.scan_mean %b, le default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  %d = rasp.sub %ma, %mb : !rasp.sop<f64>, !rasp.sop<f64> -> !rasp.sop<f64>
  %lt = rasp.cmp lt, %d, %zero : !rasp.sop<f64>, !rasp.sop<i64>
  return %lt : !rasp.sop<i1>
}

// -----

// Not rewritten: unbounded values (tokens_int with no rasp.int_range).
// CHECK-LABEL: func.func @prefix_mean_diff_unbounded
// CHECK-NOT:     rasp.scan_sum
// CHECK:         rasp.sub %{{.+}}, %{{.+}} : !rasp.sop<f64>, !rasp.sop<f64> -> !rasp.sop<f64>
// CHECK-NOT:     rasp.scan_sum
func.func @prefix_mean_diff_unbounded() -> !rasp.sop<i1> {
  %zero = rasp.constant 0 : !rasp.sop<i64>
  %v = rasp.tokens : !rasp.sop<i64>
  %c = rasp.cmp gt, %v, %zero : !rasp.sop<i64>, !rasp.sop<i64>
  %a = rasp.indicator %c : !rasp.sop<i1> -> !rasp.sop<i64>
  %ma = rasp.scan_mean %a, le default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  %mv = rasp.scan_mean %v, le default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  %d = rasp.sub %ma, %mv : !rasp.sop<f64>, !rasp.sop<f64> -> !rasp.sop<f64>
  %eq = rasp.cmp eq, %d, %zero : !rasp.sop<f64>, !rasp.sop<i64>
  return %eq : !rasp.sop<i1>
}

// -----

// Not rewritten: a strict prefix mean (lt: position 0 takes the default, the
// counts differ from the le mean's).
// CHECK-LABEL: func.func @prefix_mean_diff_strict
// CHECK-NOT:     rasp.scan_sum
// CHECK:         rasp.sub %{{.+}}, %{{.+}} : !rasp.sop<f64>, !rasp.sop<f64> -> !rasp.sop<f64>
// CHECK-NOT:     rasp.scan_sum
func.func @prefix_mean_diff_strict() -> !rasp.sop<i1> {
  %zero = rasp.constant 0 : !rasp.sop<i64>
  %t = rasp.tokens : !rasp.sop<i1>
  %n = rasp.not %t : !rasp.sop<i1> -> !rasp.sop<i1>
  %a = rasp.indicator %t : !rasp.sop<i1> -> !rasp.sop<i64>
  %b = rasp.indicator %n : !rasp.sop<i1> -> !rasp.sop<i64>
  %ma = rasp.scan_mean %a, le default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  %mb = rasp.scan_mean %b, lt default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  %d = rasp.sub %ma, %mb : !rasp.sop<f64>, !rasp.sop<f64> -> !rasp.sop<f64>
  %lt = rasp.cmp lt, %d, %zero : !rasp.sop<f64>, !rasp.sop<i64>
  return %lt : !rasp.sop<i1>
}
