// RUN: rasp-opt --rasp-analyze-layers %s | FileCheck %s
// RUN: rasp-opt --rasp-analyze-layers --rasp-analyze-layers %s | FileCheck %s

// The paper's programs (shared/conformance/paper.rasp), written by hand the
// way the front end evaluates them: functions inlined, a fresh select per
// call, so that structurally identical selectors are distinct SSA values.
// The expected counts are those of shared/conformance/layers.json.

// CHECK-LABEL: func.func @hist()
// CHECK-SAME: rasp.heads = array<i64: 1>, rasp.layers = 1 : i64
func.func @hist() -> !rasp.sop<i64> {
  %t = rasp.tokens : !rasp.sop<!rasp.string>
  %same = rasp.select %t, %t, eq : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string>
// CHECK: rasp.selector_width {{.*}}{rasp.layer = 1 : i64}
  %w = rasp.selector_width %same : !rasp.sop<i64>
  return %w : !rasp.sop<i64>
}

// reverse = aggregate(select(indices, length - indices - 1, ==), tokens)
// CHECK-LABEL: func.func @reverse()
// CHECK-SAME: rasp.heads = array<i64: 1, 1>, rasp.layers = 2 : i64
func.func @reverse() -> !rasp.sop<!rasp.string> {
  %t = rasp.tokens : !rasp.sop<!rasp.string>
  %i = rasp.indices : !rasp.sop<i64>
// CHECK: rasp.length {{.*}}{rasp.layer = 1 : i64}
  %len = rasp.length : !rasp.sop<i64>
  %one = rasp.constant 1 : !rasp.sop<i64>
  %a = rasp.sub %len, %i : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %b = rasp.sub %a, %one : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %flip = rasp.select %i, %b, eq : !rasp.sop<i64>, !rasp.sop<i64>
// CHECK: rasp.aggregate {{.*}}{rasp.layer = 2 : i64}
  %r = rasp.aggregate %flip, %t default 0 : !rasp.sop<!rasp.string> -> !rasp.sop<!rasp.string>
  return %r : !rasp.sop<!rasp.string>
}

// sorted = sort(tokens, tokens)
// CHECK-LABEL: func.func @sorted()
// CHECK-SAME: rasp.heads = array<i64: 1, 1>, rasp.layers = 2 : i64
func.func @sorted() -> !rasp.sop<!rasp.string> {
  %t = rasp.tokens : !rasp.sop<!rasp.string>
  %i = rasp.indices : !rasp.sop<i64>
  %lt = rasp.select %t, %t, lt : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string>
  %eq = rasp.select %t, %t, eq : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string>
  %ilt = rasp.select %i, %i, lt : !rasp.sop<i64>, !rasp.sop<i64>
  %tie = rasp.select_and %eq, %ilt
  %before = rasp.select_or %lt, %tie
// CHECK: rasp.selector_width {{.*}}{rasp.layer = 1 : i64}
  %target = rasp.selector_width %before : !rasp.sop<i64>
  %move = rasp.select %target, %i, eq : !rasp.sop<i64>, !rasp.sop<i64>
// CHECK: rasp.aggregate {{.*}}{rasp.layer = 2 : i64}
  %r = rasp.aggregate %move, %t default 0 : !rasp.sop<!rasp.string> -> !rasp.sop<!rasp.string>
  return %r : !rasp.sop<!rasp.string>
}

// hist2 = hist2_of(tokens)
// CHECK-LABEL: func.func @hist2()
// CHECK-SAME: rasp.heads = array<i64: 2, 1>, rasp.layers = 2 : i64
func.func @hist2() -> !rasp.sop<i64> {
  %t = rasp.tokens : !rasp.sop<!rasp.string>
  %i = rasp.indices : !rasp.sop<i64>
  %same = rasp.select %t, %t, eq : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string>
// CHECK: rasp.selector_width {{.*}}{rasp.layer = 1 : i64}
  %counts = rasp.selector_width %same : !rasp.sop<i64>
  %same2 = rasp.select %t, %t, eq : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string>
  %ilt = rasp.select %i, %i, lt : !rasp.sop<i64>, !rasp.sop<i64>
  %earlier = rasp.select_and %same2, %ilt
  %one = rasp.constant 1 : !rasp.sop<i64>
// CHECK: rasp.aggregate {{.*}}{rasp.layer = 1 : i64}
  %seen_mean = rasp.aggregate %earlier, %one default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  %zero = rasp.constant 0 : !rasp.sop<i64>
  %seen = rasp.cmp gt, %seen_mean, %zero : !rasp.sop<f64>, !rasp.sop<i64>
  %first = rasp.not %seen : !rasp.sop<i1> -> !rasp.sop<i1>
  %cc = rasp.select %counts, %counts, eq : !rasp.sop<i64>, !rasp.sop<i64>
  %true = rasp.constant true : !rasp.sop<i1>
  %fs = rasp.select %first, %true, eq : !rasp.sop<i1>, !rasp.sop<i1>
  %both = rasp.select_and %cc, %fs
// CHECK: rasp.selector_width {{.*}}{rasp.layer = 2 : i64}
  %r = rasp.selector_width %both : !rasp.sop<i64>
  return %r : !rasp.sop<i64>
}

// most_freq = by_frequency(tokens, "-", 300)
// CHECK-LABEL: func.func @most_freq()
// CHECK-SAME: rasp.heads = array<i64: 2, 1, 1>, rasp.layers = 3 : i64
func.func @most_freq() -> !rasp.sop<!rasp.string> {
  %t = rasp.tokens : !rasp.sop<!rasp.string>
  %i = rasp.indices : !rasp.sop<i64>
  %same = rasp.select %t, %t, eq : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string>
// CHECK: rasp.selector_width {{.*}}{rasp.layer = 1 : i64}
  %counts = rasp.selector_width %same : !rasp.sop<i64>
  %same2 = rasp.select %t, %t, eq : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string>
  %ilt = rasp.select %i, %i, lt : !rasp.sop<i64>, !rasp.sop<i64>
  %earlier = rasp.select_and %same2, %ilt
  %one = rasp.constant 1 : !rasp.sop<i64>
// CHECK: rasp.aggregate {{.*}}{rasp.layer = 1 : i64}
  %seen_mean = rasp.aggregate %earlier, %one default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  %zero = rasp.constant 0 : !rasp.sop<i64>
  %repeat = rasp.cmp gt, %seen_mean, %zero : !rasp.sop<f64>, !rasp.sop<i64>
  %ind = rasp.indicator %repeat : !rasp.sop<i1> -> !rasp.sop<i64>
  %max = rasp.constant 300 : !rasp.sop<i64>
  %penalty = rasp.mul %ind, %max : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %score = rasp.sub %counts, %penalty : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %keys = rasp.neg %score : !rasp.sop<i64> -> !rasp.sop<i64>
  %dash = rasp.constant "-" : !rasp.sop<!rasp.string>
  %vals = rasp.where %repeat, %dash, %t : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string> -> !rasp.sop<!rasp.string>
  %lt = rasp.select %keys, %keys, lt : !rasp.sop<i64>, !rasp.sop<i64>
  %eq = rasp.select %keys, %keys, eq : !rasp.sop<i64>, !rasp.sop<i64>
  %ilt2 = rasp.select %i, %i, lt : !rasp.sop<i64>, !rasp.sop<i64>
  %tie = rasp.select_and %eq, %ilt2
  %before = rasp.select_or %lt, %tie
// CHECK: rasp.selector_width {{.*}}{rasp.layer = 2 : i64}
  %target = rasp.selector_width %before : !rasp.sop<i64>
  %move = rasp.select %target, %i, eq : !rasp.sop<i64>, !rasp.sop<i64>
// CHECK: rasp.aggregate {{.*}}{rasp.layer = 3 : i64}
  %r = rasp.aggregate %move, %vals default 0 : !rasp.sop<!rasp.string> -> !rasp.sop<!rasp.string>
  return %r : !rasp.sop<!rasp.string>
}

// dyck1 = dyck1_of(tokens)
// CHECK-LABEL: func.func @dyck1()
// CHECK-SAME: rasp.heads = array<i64: 1, 1>, rasp.layers = 2 : i64
func.func @dyck1() -> !rasp.sop<!rasp.string> {
  %t = rasp.tokens : !rasp.sop<!rasp.string>
  %i = rasp.indices : !rasp.sop<i64>
  %prefix = rasp.select %i, %i, le : !rasp.sop<i64>, !rasp.sop<i64>
  %one = rasp.constant 1 : !rasp.sop<i64>
  %zero = rasp.constant 0 : !rasp.sop<i64>
  %ip1 = rasp.add %i, %one : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %lp = rasp.constant "(" : !rasp.sop<!rasp.string>
  %is_lp = rasp.cmp eq, %t, %lp : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string>
  %ind_lp = rasp.indicator %is_lp : !rasp.sop<i1> -> !rasp.sop<i64>
// CHECK: rasp.aggregate {{.*}}{rasp.layer = 1 : i64}
  %frac_lp = rasp.aggregate %prefix, %ind_lp default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  %prod_lp = rasp.mul %ip1, %frac_lp : !rasp.sop<i64>, !rasp.sop<f64> -> !rasp.sop<f64>
  %opened = rasp.round %prod_lp : !rasp.sop<f64> -> !rasp.sop<i64>
  %rp = rasp.constant ")" : !rasp.sop<!rasp.string>
  %is_rp = rasp.cmp eq, %t, %rp : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string>
  %ind_rp = rasp.indicator %is_rp : !rasp.sop<i1> -> !rasp.sop<i64>
// CHECK: rasp.aggregate {{.*}}{rasp.layer = 1 : i64}
  %frac_rp = rasp.aggregate %prefix, %ind_rp default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  %prod_rp = rasp.mul %ip1, %frac_rp : !rasp.sop<i64>, !rasp.sop<f64> -> !rasp.sop<f64>
  %closed = rasp.round %prod_rp : !rasp.sop<f64> -> !rasp.sop<i64>
  %depth = rasp.sub %opened, %closed : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %neg = rasp.cmp lt, %depth, %zero : !rasp.sop<i64>, !rasp.sop<i64>
  %ind_neg = rasp.indicator %neg : !rasp.sop<i1> -> !rasp.sop<i64>
// CHECK: rasp.aggregate {{.*}}{rasp.layer = 2 : i64}
  %frac_neg = rasp.aggregate %prefix, %ind_neg default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  %went = rasp.cmp gt, %frac_neg, %zero : !rasp.sop<f64>, !rasp.sop<i64>
  %F = rasp.constant "F" : !rasp.sop<!rasp.string>
  %T = rasp.constant "T" : !rasp.sop<!rasp.string>
  %P = rasp.constant "P" : !rasp.sop<!rasp.string>
  %bal = rasp.cmp eq, %depth, %zero : !rasp.sop<i64>, !rasp.sop<i64>
  %tp = rasp.where %bal, %T, %P : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string> -> !rasp.sop<!rasp.string>
  %r = rasp.where %went, %F, %tp : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string> -> !rasp.sop<!rasp.string>
  return %r : !rasp.sop<!rasp.string>
}

// dyck2 = dyck_of(['()', '{}'])
// CHECK-LABEL: func.func @dyck2()
// CHECK-SAME: rasp.heads = array<i64: 1, 1, 1, 1>, rasp.layers = 4 : i64
func.func @dyck2() -> !rasp.sop<!rasp.string> {
  %t = rasp.tokens : !rasp.sop<!rasp.string>
  %i = rasp.indices : !rasp.sop<i64>
  %one = rasp.constant 1 : !rasp.sop<i64>
  %zero = rasp.constant 0 : !rasp.sop<i64>
  %is_open_b = rasp.member %t, ["(", "{"] : !rasp.sop<!rasp.string>
  %is_open = rasp.indicator %is_open_b : !rasp.sop<i1> -> !rasp.sop<i64>
  %is_close_b = rasp.member %t, [")", "}"] : !rasp.sop<!rasp.string>
  %is_close = rasp.indicator %is_close_b : !rasp.sop<i1> -> !rasp.sop<i64>
  %prefix = rasp.select %i, %i, le : !rasp.sop<i64>, !rasp.sop<i64>
  %ip1 = rasp.add %i, %one : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
// CHECK: rasp.aggregate {{.*}}{rasp.layer = 1 : i64}
  %frac_open = rasp.aggregate %prefix, %is_open default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  %prod_open = rasp.mul %ip1, %frac_open : !rasp.sop<i64>, !rasp.sop<f64> -> !rasp.sop<f64>
  %opened = rasp.round %prod_open : !rasp.sop<f64> -> !rasp.sop<i64>
// CHECK: rasp.aggregate {{.*}}{rasp.layer = 1 : i64}
  %frac_close = rasp.aggregate %prefix, %is_close default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  %prod_close = rasp.mul %ip1, %frac_close : !rasp.sop<i64>, !rasp.sop<f64> -> !rasp.sop<f64>
  %closed = rasp.round %prod_close : !rasp.sop<f64> -> !rasp.sop<i64>
  %depth = rasp.sub %opened, %closed : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %level = rasp.add %depth, %is_close : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %same_level = rasp.select %level, %level, eq : !rasp.sop<i64>, !rasp.sop<i64>
  %same_level_before = rasp.select_and %same_level, %prefix
// CHECK: rasp.selector_width {{.*}}{rasp.layer = 2 : i64}
  %nth = rasp.selector_width %same_level_before : !rasp.sop<i64>
  %opens = rasp.select %is_open, %one, eq : !rasp.sop<i64>, !rasp.sop<i64>
  %nth_m1 = rasp.sub %nth, %one : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %pair_nth = rasp.select %nth, %nth_m1, eq : !rasp.sop<i64>, !rasp.sop<i64>
  %p1 = rasp.select_and %opens, %same_level
  %partner = rasp.select_and %p1, %pair_nth
// CHECK: rasp.aggregate {{.*}}{rasp.layer = 3 : i64}
  %opener = rasp.aggregate %partner, %t default "-" : !rasp.sop<!rasp.string> -> !rasp.sop<!rasp.string>
  %pair = rasp.concat %opener, %t : !rasp.sop<!rasp.string>
  %matches = rasp.member %pair, ["()", "{}"] : !rasp.sop<!rasp.string>
  %no_match = rasp.not %matches : !rasp.sop<i1> -> !rasp.sop<i1>
  %bad = rasp.and %is_close_b, %no_match : !rasp.sop<i1>
  %neg = rasp.cmp lt, %depth, %zero : !rasp.sop<i64>, !rasp.sop<i64>
  %bad_or_neg = rasp.or %bad, %neg : !rasp.sop<i1>
  %ind_fail = rasp.indicator %bad_or_neg : !rasp.sop<i1> -> !rasp.sop<i64>
// CHECK: rasp.aggregate {{.*}}{rasp.layer = 4 : i64}
  %frac_fail = rasp.aggregate %prefix, %ind_fail default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  %failed = rasp.cmp gt, %frac_fail, %zero : !rasp.sop<f64>, !rasp.sop<i64>
  %Fs = rasp.constant "F" : !rasp.sop<!rasp.string>
  %Ts = rasp.constant "T" : !rasp.sop<!rasp.string>
  %Ps = rasp.constant "P" : !rasp.sop<!rasp.string>
  %bal = rasp.cmp eq, %depth, %zero : !rasp.sop<i64>, !rasp.sop<i64>
  %tp = rasp.where %bal, %Ts, %Ps : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string> -> !rasp.sop<!rasp.string>
  %r = rasp.where %failed, %Fs, %tp : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string> -> !rasp.sop<!rasp.string>
  return %r : !rasp.sop<!rasp.string>
}

// dyck3 = dyck_of(['()', '{}', '[]'])
// CHECK-LABEL: func.func @dyck3()
// CHECK-SAME: rasp.heads = array<i64: 1, 1, 1, 1>, rasp.layers = 4 : i64
func.func @dyck3() -> !rasp.sop<!rasp.string> {
  %t = rasp.tokens : !rasp.sop<!rasp.string>
  %i = rasp.indices : !rasp.sop<i64>
  %one = rasp.constant 1 : !rasp.sop<i64>
  %zero = rasp.constant 0 : !rasp.sop<i64>
  %is_open_b = rasp.member %t, ["(", "{", "["] : !rasp.sop<!rasp.string>
  %is_open = rasp.indicator %is_open_b : !rasp.sop<i1> -> !rasp.sop<i64>
  %is_close_b = rasp.member %t, [")", "}", "]"] : !rasp.sop<!rasp.string>
  %is_close = rasp.indicator %is_close_b : !rasp.sop<i1> -> !rasp.sop<i64>
  %prefix = rasp.select %i, %i, le : !rasp.sop<i64>, !rasp.sop<i64>
  %ip1 = rasp.add %i, %one : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
// CHECK: rasp.aggregate {{.*}}{rasp.layer = 1 : i64}
  %frac_open = rasp.aggregate %prefix, %is_open default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  %prod_open = rasp.mul %ip1, %frac_open : !rasp.sop<i64>, !rasp.sop<f64> -> !rasp.sop<f64>
  %opened = rasp.round %prod_open : !rasp.sop<f64> -> !rasp.sop<i64>
// CHECK: rasp.aggregate {{.*}}{rasp.layer = 1 : i64}
  %frac_close = rasp.aggregate %prefix, %is_close default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  %prod_close = rasp.mul %ip1, %frac_close : !rasp.sop<i64>, !rasp.sop<f64> -> !rasp.sop<f64>
  %closed = rasp.round %prod_close : !rasp.sop<f64> -> !rasp.sop<i64>
  %depth = rasp.sub %opened, %closed : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %level = rasp.add %depth, %is_close : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %same_level = rasp.select %level, %level, eq : !rasp.sop<i64>, !rasp.sop<i64>
  %same_level_before = rasp.select_and %same_level, %prefix
// CHECK: rasp.selector_width {{.*}}{rasp.layer = 2 : i64}
  %nth = rasp.selector_width %same_level_before : !rasp.sop<i64>
  %opens = rasp.select %is_open, %one, eq : !rasp.sop<i64>, !rasp.sop<i64>
  %nth_m1 = rasp.sub %nth, %one : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %pair_nth = rasp.select %nth, %nth_m1, eq : !rasp.sop<i64>, !rasp.sop<i64>
  %p1 = rasp.select_and %opens, %same_level
  %partner = rasp.select_and %p1, %pair_nth
// CHECK: rasp.aggregate {{.*}}{rasp.layer = 3 : i64}
  %opener = rasp.aggregate %partner, %t default "-" : !rasp.sop<!rasp.string> -> !rasp.sop<!rasp.string>
  %pair = rasp.concat %opener, %t : !rasp.sop<!rasp.string>
  %matches = rasp.member %pair, ["()", "{}", "[]"] : !rasp.sop<!rasp.string>
  %no_match = rasp.not %matches : !rasp.sop<i1> -> !rasp.sop<i1>
  %bad = rasp.and %is_close_b, %no_match : !rasp.sop<i1>
  %neg = rasp.cmp lt, %depth, %zero : !rasp.sop<i64>, !rasp.sop<i64>
  %bad_or_neg = rasp.or %bad, %neg : !rasp.sop<i1>
  %ind_fail = rasp.indicator %bad_or_neg : !rasp.sop<i1> -> !rasp.sop<i64>
// CHECK: rasp.aggregate {{.*}}{rasp.layer = 4 : i64}
  %frac_fail = rasp.aggregate %prefix, %ind_fail default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  %failed = rasp.cmp gt, %frac_fail, %zero : !rasp.sop<f64>, !rasp.sop<i64>
  %Fs = rasp.constant "F" : !rasp.sop<!rasp.string>
  %Ts = rasp.constant "T" : !rasp.sop<!rasp.string>
  %Ps = rasp.constant "P" : !rasp.sop<!rasp.string>
  %bal = rasp.cmp eq, %depth, %zero : !rasp.sop<i64>, !rasp.sop<i64>
  %tp = rasp.where %bal, %Ts, %Ps : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string> -> !rasp.sop<!rasp.string>
  %r = rasp.where %failed, %Fs, %tp : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string> -> !rasp.sop<!rasp.string>
  return %r : !rasp.sop<!rasp.string>
}

// shuffle_dyck2 (paper, Figure 3)
// CHECK-LABEL: func.func @shuffle_dyck2()
// CHECK-SAME: rasp.heads = array<i64: 2, 2>, rasp.layers = 2 : i64
func.func @shuffle_dyck2() -> !rasp.sop<i1> {
  %t = rasp.tokens : !rasp.sop<!rasp.string>
  %i = rasp.indices : !rasp.sop<i64>
  %zero = rasp.constant 0 : !rasp.sop<i64>
  %one = rasp.constant 1 : !rasp.sop<i64>
  %p1 = rasp.select %i, %i, le : !rasp.sop<i64>, !rasp.sop<i64>
  %c1 = rasp.constant "(" : !rasp.sop<!rasp.string>
  %e1 = rasp.cmp eq, %t, %c1 : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string>
  %x1 = rasp.indicator %e1 : !rasp.sop<i1> -> !rasp.sop<i64>
// CHECK: rasp.aggregate {{.*}}{rasp.layer = 1 : i64}
  %s1 = rasp.aggregate %p1, %x1 default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  %p2 = rasp.select %i, %i, le : !rasp.sop<i64>, !rasp.sop<i64>
  %c2 = rasp.constant ")" : !rasp.sop<!rasp.string>
  %e2 = rasp.cmp eq, %t, %c2 : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string>
  %x2 = rasp.indicator %e2 : !rasp.sop<i1> -> !rasp.sop<i64>
// CHECK: rasp.aggregate {{.*}}{rasp.layer = 1 : i64}
  %s2 = rasp.aggregate %p2, %x2 default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  %round_bal = rasp.sub %s1, %s2 : !rasp.sop<f64>, !rasp.sop<f64> -> !rasp.sop<f64>
  %p3 = rasp.select %i, %i, le : !rasp.sop<i64>, !rasp.sop<i64>
  %c3 = rasp.constant "{" : !rasp.sop<!rasp.string>
  %e3 = rasp.cmp eq, %t, %c3 : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string>
  %x3 = rasp.indicator %e3 : !rasp.sop<i1> -> !rasp.sop<i64>
// CHECK: rasp.aggregate {{.*}}{rasp.layer = 1 : i64}
  %s3 = rasp.aggregate %p3, %x3 default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  %p4 = rasp.select %i, %i, le : !rasp.sop<i64>, !rasp.sop<i64>
  %c4 = rasp.constant "}" : !rasp.sop<!rasp.string>
  %e4 = rasp.cmp eq, %t, %c4 : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string>
  %x4 = rasp.indicator %e4 : !rasp.sop<i1> -> !rasp.sop<i64>
// CHECK: rasp.aggregate {{.*}}{rasp.layer = 1 : i64}
  %s4 = rasp.aggregate %p4, %x4 default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  %curly_bal = rasp.sub %s3, %s4 : !rasp.sop<f64>, !rasp.sop<f64> -> !rasp.sop<f64>
  %rn = rasp.cmp lt, %round_bal, %zero : !rasp.sop<f64>, !rasp.sop<i64>
  %cn = rasp.cmp lt, %curly_bal, %zero : !rasp.sop<f64>, !rasp.sop<i64>
  %any_negative = rasp.or %rn, %cn : !rasp.sop<i1>
  %ieq = rasp.select %i, %i, eq : !rasp.sop<i64>, !rasp.sop<i64>
  %ieq2 = rasp.select %i, %i, eq : !rasp.sop<i64>, !rasp.sop<i64>
  %nieq = rasp.select_not %ieq2
  %all = rasp.select_or %ieq, %nieq
  %ind_neg = rasp.indicator %any_negative : !rasp.sop<i1> -> !rasp.sop<i64>
// CHECK: rasp.aggregate {{.*}}{rasp.layer = 2 : i64}
  %frac_neg = rasp.aggregate %all, %ind_neg default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  %ever_negative = rasp.cmp gt, %frac_neg, %zero : !rasp.sop<f64>, !rasp.sop<i64>
// CHECK: rasp.length {{.*}}{rasp.layer = 1 : i64}
  %len = rasp.length : !rasp.sop<i64>
  %last = rasp.sub %len, %one : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %at_end = rasp.select %i, %last, eq : !rasp.sop<i64>, !rasp.sop<i64>
  %rb0 = rasp.cmp eq, %round_bal, %zero : !rasp.sop<f64>, !rasp.sop<i64>
  %cb0 = rasp.cmp eq, %curly_bal, %zero : !rasp.sop<f64>, !rasp.sop<i64>
  %both0 = rasp.and %rb0, %cb0 : !rasp.sop<i1>
// CHECK: rasp.aggregate {{.*}}{rasp.layer = 2 : i64}
  %ends_balanced = rasp.aggregate %at_end, %both0 default 0 : !rasp.sop<i1> -> !rasp.sop<i1>
  %never = rasp.not %ever_negative : !rasp.sop<i1> -> !rasp.sop<i1>
  %r = rasp.and %ends_balanced, %never : !rasp.sop<i1>
  return %r : !rasp.sop<i1>
}

// length (a builtin; one head in layer 1)
// CHECK-LABEL: func.func @length()
// CHECK-SAME: rasp.heads = array<i64: 1>, rasp.layers = 1 : i64
func.func @length() -> !rasp.sop<i64> {
// CHECK: rasp.length {{.*}}{rasp.layer = 1 : i64}
  %len = rasp.length : !rasp.sop<i64>
  return %len : !rasp.sop<i64>
}

// Edge cases of the rules.

// No attention at all: layer 0, no heads.
// CHECK-LABEL: func.func @maps_only()
// CHECK-SAME: rasp.heads = array<i64>, rasp.layers = 0 : i64
func.func @maps_only() -> !rasp.sop<i64> {
  %i = rasp.indices : !rasp.sop<i64>
  %one = rasp.constant 1 : !rasp.sop<i64>
  %r = rasp.add %i, %one : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  return %r : !rasp.sop<i64>
}

// One selector, used by an aggregate and a selector_width of the same layer:
// one head. Operands of a commutative selector op in either order: the same
// selector. A different predicate: another head.
// CHECK-LABEL: func.func @shared_heads()
// CHECK-SAME: rasp.heads = array<i64: 2>, rasp.layers = 1 : i64
func.func @shared_heads() -> !rasp.sop<f64> {
  %t = rasp.tokens : !rasp.sop<!rasp.string>
  %i = rasp.indices : !rasp.sop<i64>
  %a = rasp.select %t, %t, eq : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string>
  %b = rasp.select %i, %i, lt : !rasp.sop<i64>, !rasp.sop<i64>
  %ab = rasp.select_and %a, %b
  %ba = rasp.select_and %b, %a
  %w = rasp.selector_width %ab : !rasp.sop<i64>
  %m = rasp.aggregate %ba, %i default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  %c = rasp.select %i, %i, gt : !rasp.sop<i64>, !rasp.sop<i64>
  %n = rasp.aggregate %c, %i default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  %mn = rasp.add %m, %n : !rasp.sop<f64>, !rasp.sop<f64> -> !rasp.sop<f64>
  %r = rasp.add %mn, %w : !rasp.sop<f64>, !rasp.sop<i64> -> !rasp.sop<f64>
  return %r : !rasp.sop<f64>
}
// The selector_width is at layer 1, so the aggregate reading it is at 2;
// the other aggregate stays at 1 (2 heads there, one in layer 2).
// CHECK-LABEL: func.func @values_layer()
// CHECK-SAME: rasp.heads = array<i64: 2, 1>, rasp.layers = 2 : i64
// CHECK: rasp.selector_width {{.*}}{rasp.layer = 1 : i64}
// CHECK: rasp.aggregate {{.*}}{rasp.layer = 2 : i64}
// CHECK: rasp.aggregate {{.*}}{rasp.layer = 1 : i64}
func.func @values_layer() -> !rasp.sop<f64> {
  %t = rasp.tokens : !rasp.sop<!rasp.string>
  %i = rasp.indices : !rasp.sop<i64>
  %a = rasp.select %t, %t, eq : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string>
  %w = rasp.selector_width %a : !rasp.sop<i64>
  %m = rasp.aggregate %a, %w default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  %c = rasp.select %i, %i, gt : !rasp.sop<i64>, !rasp.sop<i64>
  %n = rasp.aggregate %c, %i default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  %r = rasp.add %m, %n : !rasp.sop<f64>, !rasp.sop<f64> -> !rasp.sop<f64>
  return %r : !rasp.sop<f64>
}

// Ops the result does not depend on are annotated but not counted.
// CHECK-LABEL: func.func @dead_ops()
// CHECK-SAME: rasp.heads = array<i64: 1>, rasp.layers = 1 : i64
// CHECK: rasp.selector_width {{.*}}{rasp.layer = 1 : i64}
// CHECK: rasp.selector_width {{.*}}{rasp.layer = 2 : i64}
// CHECK: rasp.length {rasp.layer = 1 : i64}
func.func @dead_ops() -> !rasp.sop<i64> {
  %t = rasp.tokens : !rasp.sop<!rasp.string>
  %a = rasp.select %t, %t, eq : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string>
  %w = rasp.selector_width %a : !rasp.sop<i64>
  %b = rasp.select %w, %w, eq : !rasp.sop<i64>, !rasp.sop<i64>
  %dead = rasp.selector_width %b : !rasp.sop<i64>
  %len = rasp.length : !rasp.sop<i64>
  return %w : !rasp.sop<i64>
}

// The queries' layer counts as much as the keys': a select on an aggregate's
// output is at depth 1, so the aggregate using it is at layer 2. Layer 1 has
// the first selector and `length`.
// CHECK-LABEL: func.func @query_depth()
// CHECK-SAME: rasp.heads = array<i64: 2, 1>, rasp.layers = 2 : i64
func.func @query_depth() -> !rasp.sop<f64> {
  %i = rasp.indices : !rasp.sop<i64>
  %len = rasp.length : !rasp.sop<i64>
  %a = rasp.select %i, %i, le : !rasp.sop<i64>, !rasp.sop<i64>
  %m = rasp.aggregate %a, %i default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  %q = rasp.add %m, %len : !rasp.sop<f64>, !rasp.sop<i64> -> !rasp.sop<f64>
  %s = rasp.select %i, %q, lt : !rasp.sop<i64>, !rasp.sop<f64>
  %r = rasp.aggregate %s, %i default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  return %r : !rasp.sop<f64>
}
