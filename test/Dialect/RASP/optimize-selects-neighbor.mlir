// RUN: rasp-opt %s -rasp-optimize-selects -split-input-file | FileCheck %s

// The dyck programs' partner: (level, nth) to (level, nth - 1) with nth the
// rank of each position within its level (`<=` on indices), keys filtered
// by is_open. One group_neighbor: the rank, its selects and the keyed
// reduction are gone; the aggregate's op id is kept.
// CHECK-LABEL: func.func @dyck_partner
// CHECK:         %[[T:.+]] = rasp.tokens : !rasp.sop<!rasp.string>
// CHECK:         %[[L:.+]] = rasp.tokens : !rasp.sop<i64>
// CHECK:         %[[O:.+]] = rasp.tokens : !rasp.sop<i1>
// CHECK:         %[[M:.+]] = rasp.cmp eq, %[[O]], %{{.+}} : !rasp.sop<i1>, !rasp.sop<i1>
// CHECK:         %[[R:.+]] = rasp.group_neighbor previous %[[L]] : !rasp.sop<i64> key_mask %[[M]] : !rasp.sop<i1> values %[[T]] : !rasp.sop<!rasp.string> default "-" {rasp.op_id = 9 : i64} -> !rasp.sop<!rasp.string>
// CHECK-NOT:     rasp.keyed_reduce
// CHECK-NOT:     rasp.selector_width
// CHECK-NOT:     rasp.select
// CHECK:         return %[[R]]
func.func @dyck_partner() -> !rasp.sop<!rasp.string> {
  %t = rasp.tokens : !rasp.sop<!rasp.string>
  %level = rasp.tokens : !rasp.sop<i64>
  %open = rasp.tokens : !rasp.sop<i1>
  %i = rasp.indices : !rasp.sop<i64>
  %true = rasp.constant true : !rasp.sop<i1>
  %one = rasp.constant 1 : !rasp.sop<i64>
  %prefix = rasp.select %i, %i, le : !rasp.sop<i64>, !rasp.sop<i64>
  %same = rasp.select %level, %level, eq : !rasp.sop<i64>, !rasp.sop<i64>
  %grouped = rasp.select_and %same, %prefix
  %nth = rasp.selector_width %grouped : !rasp.sop<i64>
  %prev = rasp.sub %nth, %one : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %opens = rasp.select %open, %true, eq : !rasp.sop<i1>, !rasp.sop<i1>
  %pair = rasp.select %nth, %prev, eq : !rasp.sop<i64>, !rasp.sop<i64>
  %a = rasp.select_and %opens, %same
  %partner = rasp.select_and %a, %pair
  %opener = rasp.aggregate %partner, %t default "-" {rasp.op_id = 9 : i64} : !rasp.sop<!rasp.string> -> !rasp.sop<!rasp.string>
  return %opener : !rasp.sop<!rasp.string>
}

// -----

// Both already keyed (the form of --emit=rewritten before this rewrite),
// with a query mask and no values: the count.
// CHECK-LABEL: func.func @keyed_form
// CHECK:         %[[L:.+]] = rasp.tokens : !rasp.sop<i64>
// CHECK:         %[[B:.+]] = rasp.tokens : !rasp.sop<i1>
// CHECK:         %[[R:.+]] = rasp.group_neighbor previous %[[L]] : !rasp.sop<i64> key_mask %[[B]] : !rasp.sop<i1> query_mask %[[B]] : !rasp.sop<i1> -> !rasp.sop<i64>
// CHECK-NOT:     rasp.keyed_reduce
// CHECK:         return %[[R]]
func.func @keyed_form() -> !rasp.sop<i64> {
  %level = rasp.tokens : !rasp.sop<i64>
  %b = rasp.tokens : !rasp.sop<i1>
  %i = rasp.indices : !rasp.sop<i64>
  %one = rasp.constant 1 : !rasp.sop<i64>
  %nth = rasp.keyed_reduce equal(%level : !rasp.sop<i64>) to(%level : !rasp.sop<i64>) order le(%i : !rasp.sop<i64>) to(%i : !rasp.sop<i64>) -> !rasp.sop<i64>
  %prev = rasp.sub %nth, %one : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %r = rasp.keyed_reduce equal(%level, %nth : !rasp.sop<i64>, !rasp.sop<i64>) to(%level, %prev : !rasp.sop<i64>, !rasp.sop<i64>) key_mask %b : !rasp.sop<i1> query_mask %b : !rasp.sop<i1> -> !rasp.sop<i64>
  return %r : !rasp.sop<i64>
}

// -----

// (R, G) column order, `1 + R` on the query side: the next position of the
// group. String groups, int values (the aggregate's f64).
// CHECK-LABEL: func.func @next_rank_first
// CHECK:         %[[T:.+]] = rasp.tokens : !rasp.sop<!rasp.string>
// CHECK:         %[[V:.+]] = rasp.tokens : !rasp.sop<i64>
// CHECK:         rasp.group_neighbor next %[[T]] : !rasp.sop<!rasp.string> values %[[V]] : !rasp.sop<i64> default 0 -> !rasp.sop<f64>
// CHECK-NOT:     rasp.keyed_reduce
func.func @next_rank_first() -> !rasp.sop<f64> {
  %t = rasp.tokens : !rasp.sop<!rasp.string>
  %v = rasp.tokens : !rasp.sop<i64>
  %i = rasp.indices : !rasp.sop<i64>
  %one = rasp.constant 1 : !rasp.sop<i64>
  %prefix = rasp.select %i, %i, le : !rasp.sop<i64>, !rasp.sop<i64>
  %same = rasp.select %t, %t, eq : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string>
  %grouped = rasp.select_and %prefix, %same
  %nth = rasp.selector_width %grouped : !rasp.sop<i64>
  %next = rasp.add %one, %nth : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %pair = rasp.select %nth, %next, eq : !rasp.sop<i64>, !rasp.sop<i64>
  %s = rasp.select_and %pair, %same
  %r = rasp.aggregate %s, %v default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  return %r : !rasp.sop<f64>
}

// -----

// The exclusive rank (`<`, 0-based) gives the same pairs; the offset on the
// key side (R + 1 against R) is the previous position too. The selector
// width of the pair selector.
// CHECK-LABEL: func.func @exclusive_rank_key_offset
// CHECK:         %[[G:.+]] = rasp.tokens : !rasp.sop<i64>
// CHECK:         %[[R:.+]] = rasp.group_neighbor previous %[[G]] : !rasp.sop<i64> -> !rasp.sop<i64>
// CHECK-NOT:     rasp.keyed_reduce
// CHECK:         return %[[R]]
func.func @exclusive_rank_key_offset() -> !rasp.sop<i64> {
  %g = rasp.tokens : !rasp.sop<i64>
  %i = rasp.indices : !rasp.sop<i64>
  %one = rasp.constant 1 : !rasp.sop<i64>
  %before = rasp.select %i, %i, lt : !rasp.sop<i64>, !rasp.sop<i64>
  %same = rasp.select %g, %g, eq : !rasp.sop<i64>, !rasp.sop<i64>
  %grouped = rasp.select_and %same, %before
  %nth = rasp.selector_width %grouped : !rasp.sop<i64>
  %up = rasp.add %nth, %one : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %pair = rasp.select %up, %nth, eq : !rasp.sop<i64>, !rasp.sop<i64>
  %s = rasp.select_and %same, %pair
  %w = rasp.selector_width %s : !rasp.sop<i64>
  return %w : !rasp.sop<i64>
}

// -----

// A rank counted from the end (`>=`): R - 1 is the next position, R + 1
// the previous one. Bool values, query filter.
// CHECK-LABEL: func.func @descending_rank
// CHECK:         rasp.group_neighbor next %{{.+}} : !rasp.sop<i64> query_mask %{{.+}} : !rasp.sop<i1> values %{{.+}} : !rasp.sop<i1> default false -> !rasp.sop<i1>
// CHECK:         rasp.group_neighbor previous %{{.+}} : !rasp.sop<i64> values %{{.+}} : !rasp.sop<i1> default false -> !rasp.sop<i1>
// CHECK-NOT:     rasp.keyed_reduce
func.func @descending_rank() -> (!rasp.sop<i1>, !rasp.sop<i1>) {
  %g = rasp.tokens : !rasp.sop<i64>
  %b = rasp.tokens : !rasp.sop<i1>
  %i = rasp.indices : !rasp.sop<i64>
  %one = rasp.constant 1 : !rasp.sop<i64>
  %zero = rasp.constant 0 : !rasp.sop<i64>
  %suffix = rasp.select %i, %i, ge : !rasp.sop<i64>, !rasp.sop<i64>
  %same = rasp.select %g, %g, eq : !rasp.sop<i64>, !rasp.sop<i64>
  %grouped = rasp.select_and %same, %suffix
  %nth = rasp.selector_width %grouped : !rasp.sop<i64>
  %down = rasp.sub %nth, %one : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %up = rasp.add %nth, %one : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %queries = rasp.select %zero, %g, lt : !rasp.sop<i64>, !rasp.sop<i64>
  %pair1 = rasp.select %nth, %down, eq : !rasp.sop<i64>, !rasp.sop<i64>
  %s1a = rasp.select_and %same, %pair1
  %s1 = rasp.select_and %s1a, %queries
  %r1 = rasp.aggregate %s1, %b default false : !rasp.sop<i1> -> !rasp.sop<i1>
  %pair2 = rasp.select %nth, %up, eq : !rasp.sop<i64>, !rasp.sop<i64>
  %s2 = rasp.select_and %same, %pair2
  %r2 = rasp.aggregate %s2, %b default false : !rasp.sop<i1> -> !rasp.sop<i1>
  return %r1, %r2 : !rasp.sop<i1>, !rasp.sop<i1>
}

// -----

// Not a neighbor: R is the rank of another group column.
// CHECK-LABEL: func.func @rank_of_other_group
// CHECK-NOT:     rasp.group_neighbor
// CHECK:         rasp.keyed_reduce equal(%{{.+}}, %{{.+}} : !rasp.sop<i64>, !rasp.sop<i64>) to
func.func @rank_of_other_group() -> !rasp.sop<i64> {
  %g = rasp.tokens : !rasp.sop<i64>
  %b = rasp.tokens : !rasp.sop<i1>
  %h = rasp.indicator %b : !rasp.sop<i1> -> !rasp.sop<i64>
  %i = rasp.indices : !rasp.sop<i64>
  %one = rasp.constant 1 : !rasp.sop<i64>
  %nth = rasp.keyed_reduce equal(%h : !rasp.sop<i64>) to(%h : !rasp.sop<i64>) order le(%i : !rasp.sop<i64>) to(%i : !rasp.sop<i64>) -> !rasp.sop<i64>
  %prev = rasp.sub %nth, %one : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %r = rasp.keyed_reduce equal(%g, %nth : !rasp.sop<i64>, !rasp.sop<i64>) to(%g, %prev : !rasp.sop<i64>, !rasp.sop<i64>) -> !rasp.sop<i64>
  return %r : !rasp.sop<i64>
}

// -----

// Not a neighbor: R orders by another column than indices (ties are
// possible, so (G, R) is not unique per position).
// CHECK-LABEL: func.func @rank_not_by_indices
// CHECK-NOT:     rasp.group_neighbor
// CHECK:         rasp.keyed_reduce equal(%{{.+}}, %{{.+}} : !rasp.sop<i64>, !rasp.sop<i64>) to
func.func @rank_not_by_indices() -> !rasp.sop<i64> {
  %g = rasp.tokens : !rasp.sop<i64>
  %i = rasp.indices : !rasp.sop<i64>
  %v = rasp.mul %g, %g : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %one = rasp.constant 1 : !rasp.sop<i64>
  %order = rasp.select %v, %v, le : !rasp.sop<i64>, !rasp.sop<i64>
  %same = rasp.select %g, %g, eq : !rasp.sop<i64>, !rasp.sop<i64>
  %grouped = rasp.select_and %same, %order
  %nth = rasp.selector_width %grouped : !rasp.sop<i64>
  %prev = rasp.sub %nth, %one : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %pair = rasp.select %nth, %prev, eq : !rasp.sop<i64>, !rasp.sop<i64>
  %s = rasp.select_and %same, %pair
  %w = rasp.selector_width %s : !rasp.sop<i64>
  return %w : !rasp.sop<i64>
}

// -----

// Not a neighbor: the order's query side is not indices.
// CHECK-LABEL: func.func @rank_against_other_queries
// CHECK-NOT:     rasp.group_neighbor
// CHECK:         rasp.keyed_reduce equal(%{{.+}}, %{{.+}} : !rasp.sop<i64>, !rasp.sop<i64>) to
func.func @rank_against_other_queries() -> !rasp.sop<i64> {
  %g = rasp.tokens : !rasp.sop<i64>
  %i = rasp.indices : !rasp.sop<i64>
  %one = rasp.constant 1 : !rasp.sop<i64>
  %nth = rasp.keyed_reduce equal(%g : !rasp.sop<i64>) to(%g : !rasp.sop<i64>) order le(%i : !rasp.sop<i64>) to(%g : !rasp.sop<i64>) -> !rasp.sop<i64>
  %prev = rasp.sub %nth, %one : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %r = rasp.keyed_reduce equal(%g, %nth : !rasp.sop<i64>, !rasp.sop<i64>) to(%g, %prev : !rasp.sop<i64>, !rasp.sop<i64>) -> !rasp.sop<i64>
  return %r : !rasp.sop<i64>
}

// -----

// Not a neighbor: the rank counts only the masked positions (a filter in
// its selector, or a key mask on its keyed form), so ranks repeat.
// CHECK-LABEL: func.func @masked_rank
// CHECK-NOT:     rasp.group_neighbor
// CHECK:         rasp.keyed_reduce equal(%{{.+}}, %{{.+}} : !rasp.sop<i64>, !rasp.sop<i64>) to
// CHECK-NOT:     rasp.group_neighbor
// CHECK:         rasp.keyed_reduce equal(%{{.+}}, %{{.+}} : !rasp.sop<i64>, !rasp.sop<i64>) to
func.func @masked_rank() -> (!rasp.sop<i64>, !rasp.sop<i64>) {
  %g = rasp.tokens : !rasp.sop<i64>
  %b = rasp.tokens : !rasp.sop<i1>
  %i = rasp.indices : !rasp.sop<i64>
  %one = rasp.constant 1 : !rasp.sop<i64>
  %true = rasp.constant true : !rasp.sop<i1>
  %prefix = rasp.select %i, %i, le : !rasp.sop<i64>, !rasp.sop<i64>
  %same = rasp.select %g, %g, eq : !rasp.sop<i64>, !rasp.sop<i64>
  %kept = rasp.select %b, %true, eq : !rasp.sop<i1>, !rasp.sop<i1>
  %grouped = rasp.select_and %same, %prefix
  %filtered = rasp.select_and %grouped, %kept
  %nth = rasp.selector_width %filtered : !rasp.sop<i64>
  %prev = rasp.sub %nth, %one : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %pair = rasp.select %nth, %prev, eq : !rasp.sop<i64>, !rasp.sop<i64>
  %s = rasp.select_and %same, %pair
  %w = rasp.selector_width %s : !rasp.sop<i64>
  %nth2 = rasp.keyed_reduce equal(%g : !rasp.sop<i64>) to(%g : !rasp.sop<i64>) order le(%i : !rasp.sop<i64>) to(%i : !rasp.sop<i64>) key_mask %b : !rasp.sop<i1> -> !rasp.sop<i64>
  %prev2 = rasp.sub %nth2, %one : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %r = rasp.keyed_reduce equal(%g, %nth2 : !rasp.sop<i64>, !rasp.sop<i64>) to(%g, %prev2 : !rasp.sop<i64>, !rasp.sop<i64>) -> !rasp.sop<i64>
  return %w, %r : !rasp.sop<i64>, !rasp.sop<i64>
}

// -----

// Not a neighbor: offsets other than -1 and +1 (R - 2: two back; R against
// R: the position itself) stay keyed reductions.
// CHECK-LABEL: func.func @other_offsets
// CHECK-NOT:     rasp.group_neighbor
// CHECK:         rasp.keyed_reduce equal(%{{.+}}, %{{.+}} : !rasp.sop<i64>, !rasp.sop<i64>) to
// CHECK-NOT:     rasp.group_neighbor
// CHECK:         rasp.keyed_reduce equal(%{{.+}}, %{{.+}} : !rasp.sop<i64>, !rasp.sop<i64>) to
// CHECK-NOT:     rasp.group_neighbor
func.func @other_offsets() -> (!rasp.sop<i64>, !rasp.sop<i64>) {
  %g = rasp.tokens : !rasp.sop<i64>
  %i = rasp.indices : !rasp.sop<i64>
  %two = rasp.constant 2 : !rasp.sop<i64>
  %prefix = rasp.select %i, %i, le : !rasp.sop<i64>, !rasp.sop<i64>
  %same = rasp.select %g, %g, eq : !rasp.sop<i64>, !rasp.sop<i64>
  %grouped = rasp.select_and %same, %prefix
  %nth = rasp.selector_width %grouped : !rasp.sop<i64>
  %back2 = rasp.sub %nth, %two : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %pair = rasp.select %nth, %back2, eq : !rasp.sop<i64>, !rasp.sop<i64>
  %s = rasp.select_and %same, %pair
  %w = rasp.selector_width %s : !rasp.sop<i64>
  %self = rasp.select %nth, %nth, eq : !rasp.sop<i64>, !rasp.sop<i64>
  %s2 = rasp.select_and %same, %self
  %w2 = rasp.selector_width %s2 : !rasp.sop<i64>
  return %w, %w2 : !rasp.sop<i64>, !rasp.sop<i64>
}

// -----

// Not rewritten: float values (the aggregate stays generic, as for every
// keyed shape).
// CHECK-LABEL: func.func @float_values
// CHECK-NOT:     rasp.group_neighbor
// CHECK:         rasp.aggregate
func.func @float_values() -> !rasp.sop<f64> {
  %g = rasp.tokens : !rasp.sop<i64>
  %f = rasp.tokens : !rasp.sop<f64>
  %i = rasp.indices : !rasp.sop<i64>
  %one = rasp.constant 1 : !rasp.sop<i64>
  %prefix = rasp.select %i, %i, le : !rasp.sop<i64>, !rasp.sop<i64>
  %same = rasp.select %g, %g, eq : !rasp.sop<i64>, !rasp.sop<i64>
  %grouped = rasp.select_and %same, %prefix
  %nth = rasp.selector_width %grouped : !rasp.sop<i64>
  %prev = rasp.sub %nth, %one : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %pair = rasp.select %nth, %prev, eq : !rasp.sop<i64>, !rasp.sop<i64>
  %s = rasp.select_and %same, %pair
  %r = rasp.aggregate %s, %f default 0 : !rasp.sop<f64> -> !rasp.sop<f64>
  return %r : !rasp.sop<f64>
}
