// rasp-intern-strings: the module gets `rasp.strings`, the sorted table of
// every string the program can hold. The checks show the whole table, so a
// missing or extra string fails them.
// RUN: rasp-opt %s -split-input-file -rasp-intern-strings | FileCheck %s

// The vocabulary (unsorted, with a repeat), string constants, lookup keys and
// values, member lists and aggregate defaults all join the table; ints,
// floats and bools do not.
// CHECK-LABEL: module attributes
// CHECK-SAME: rasp.strings = ["", "a", "b", "c", "key", "m1", "m2", "none", "val", "z"]
// CHECK-SAME: rasp.vocabulary = ["c", "a", "b", "a"]
// CHECK: func.func @sources
module attributes {rasp.vocabulary = ["c", "a", "b", "a"]} {
  func.func @sources(%i: !rasp.sop<i64>, %sel: !rasp.selector)
      -> (!rasp.sop<!rasp.string>, !rasp.sop<!rasp.string>, !rasp.sop<i1>,
          !rasp.sop<i64>, !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string>) {
    %t = rasp.tokens : !rasp.sop<!rasp.string>
    %z = rasp.constant "z" : !rasp.sop<!rasp.string>
    %e = rasp.constant "" : !rasp.sop<!rasp.string>
    %n = rasp.constant 7 : !rasp.sop<i64>
    %f = rasp.constant 2.5 : !rasp.sop<f64>
    %m = rasp.member %t, ["m1", "m2", 3, true] : !rasp.sop<!rasp.string>
    %k = rasp.lookup %t, ["key", "a"] -> [1, 2] : !rasp.sop<!rasp.string> -> !rasp.sop<i64>
    %v = rasp.lookup %i, [0, 1] -> ["val", "z"] : !rasp.sop<i64> -> !rasp.sop<!rasp.string>
    %agg = rasp.aggregate %sel, %t default "none" : !rasp.sop<!rasp.string> -> !rasp.sop<!rasp.string>
    return %z, %e, %m, %k, %v, %agg : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string>, !rasp.sop<i1>,
        !rasp.sop<i64>, !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string>
  }
}

// -----

// Strings sort by bytes, which for UTF-8 is code point order, as in Python:
// upper case before lower case, a prefix before its extensions, "é" last.
// CHECK-LABEL: module attributes
// CHECK-SAME: rasp.strings = ["Ab", "B", "a", "a b", "ab", "abc", "\C3\A9"]
// CHECK: func.func @byte_order
module attributes {rasp.vocabulary = ["\C3\A9", "ab", "B", "a", "abc", "Ab", "a b"]} {
  func.func @byte_order() -> !rasp.sop<!rasp.string> {
    %t = rasp.tokens : !rasp.sop<!rasp.string>
    return %t : !rasp.sop<!rasp.string>
  }
}

// -----

// Concatenation closure: tokens + constant, then a nested concatenation.
// CHECK-LABEL: module attributes
// CHECK-SAME: rasp.strings = ["-", "a", "a-", "a-a", "a-b", "b", "b-", "b-a", "b-b"]
// CHECK: func.func @concat_closure
module attributes {rasp.vocabulary = ["b", "a"]} {
  func.func @concat_closure() -> !rasp.sop<!rasp.string> {
    %t = rasp.tokens : !rasp.sop<!rasp.string>
    %d = rasp.constant "-" : !rasp.sop<!rasp.string>
    %0 = rasp.concat %t, %d : !rasp.sop<!rasp.string>
    %1 = rasp.concat %0, %t : !rasp.sop<!rasp.string>
    return %1 : !rasp.sop<!rasp.string>
  }
}

// -----

// Without a vocabulary only the program's strings count; a concatenation of
// constants (not folded here) adds its result; tokens contribute nothing.
// CHECK-LABEL: module attributes {rasp.strings = ["x", "xy", "y"]}
// CHECK: func.func @no_vocabulary
module {
  func.func @no_vocabulary() -> (!rasp.sop<!rasp.string>, !rasp.sop<!rasp.string>) {
    %t = rasp.tokens : !rasp.sop<!rasp.string>
    %x = rasp.constant "x" : !rasp.sop<!rasp.string>
    %y = rasp.constant "y" : !rasp.sop<!rasp.string>
    %0 = rasp.concat %x, %y : !rasp.sop<!rasp.string>
    %1 = rasp.concat %t, %x : !rasp.sop<!rasp.string>
    return %0, %1 : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string>
  }
}

// -----

// Value sets flow through where, aggregate (with its string default) and
// lookup into the concatenations that use them.
// CHECK-LABEL: module attributes
// CHECK-SAME: rasp.strings = ["!", ".", "d", "d!", "q", "q!", "t", "t!", "u", "u.", "v", "v."]
// CHECK: func.func @flow
module attributes {rasp.vocabulary = ["t"]} {
  func.func @flow(%c: !rasp.sop<i1>, %i: !rasp.sop<i64>, %sel: !rasp.selector)
      -> (!rasp.sop<!rasp.string>, !rasp.sop<!rasp.string>) {
    %t = rasp.tokens : !rasp.sop<!rasp.string>
    %q = rasp.constant "q" : !rasp.sop<!rasp.string>
    %bang = rasp.constant "!" : !rasp.sop<!rasp.string>
    %dot = rasp.constant "." : !rasp.sop<!rasp.string>
    %w = rasp.where %c, %t, %q : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string> -> !rasp.sop<!rasp.string>
    %a = rasp.aggregate %sel, %w default "d" : !rasp.sop<!rasp.string> -> !rasp.sop<!rasp.string>
    %0 = rasp.concat %a, %bang : !rasp.sop<!rasp.string>
    %l = rasp.lookup %i, [0, -1] -> ["u", "v"] : !rasp.sop<i64> -> !rasp.sop<!rasp.string>
    %1 = rasp.concat %l, %dot : !rasp.sop<!rasp.string>
    return %0, %1 : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string>
  }
}

// -----

// A program without strings gets an empty table.
// CHECK-LABEL: module attributes {rasp.strings = []}
// CHECK: func.func @no_strings
module {
  func.func @no_strings() -> !rasp.sop<i64> {
    %i = rasp.indices : !rasp.sop<i64>
    return %i : !rasp.sop<i64>
  }
}

// -----

// A stable sort holds its values, so a concatenation with it forms every
// pair (a difftest finding: `tokens + sort(tokens, tokens)` had no ids for
// its concatenations once the sort was rewritten to rasp.stable_sort).
// CHECK-LABEL: module attributes
// CHECK-SAME: rasp.strings = ["a", "aa", "ab", "b", "ba", "bb"]
// CHECK: func.func @sorted_concat
module attributes {rasp.vocabulary = ["b", "a"]} {
  func.func @sorted_concat() -> !rasp.sop<!rasp.string> {
    %t = rasp.tokens : !rasp.sop<!rasp.string>
    %s = rasp.stable_sort %t by %t : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string> -> !rasp.sop<!rasp.string>
    %c = rasp.concat %t, %s : !rasp.sop<!rasp.string>
    return %c : !rasp.sop<!rasp.string>
  }
}

// -----

// A key mask that tests the values themselves narrows what can be selected:
// dyck's opener (`member(t, ["("])` through `indicator(...) == 1`) holds
// only "(" or the default "-", so its concatenation with the tokens forms
// "(" and "-" with each token, not every pair of tokens.
// CHECK-LABEL: module attributes
// CHECK-SAME: rasp.strings = ["(", "((", "()", "(a", ")", "-", "-(", "-)", "-a", "a"]
module attributes {rasp.vocabulary = ["(", ")", "a"]} {
  func.func @opener() -> !rasp.sop<!rasp.string> {
    %t = rasp.tokens : !rasp.sop<!rasp.string>
    %i = rasp.indices : !rasp.sop<i64>
    %one = rasp.constant 1 : !rasp.sop<i64>
    %open = rasp.member %t, ["("] : !rasp.sop<!rasp.string>
    %ind = rasp.indicator %open : !rasp.sop<i1> -> !rasp.sop<i64>
    %mask = rasp.cmp eq, %ind, %one : !rasp.sop<i64>, !rasp.sop<i64>
    %opener = rasp.group_neighbor previous %i : !rasp.sop<i64> key_mask %mask : !rasp.sop<i1> values %t : !rasp.sop<!rasp.string> default "-" -> !rasp.sop<!rasp.string>
    %pair = rasp.concat %opener, %t : !rasp.sop<!rasp.string>
    return %pair : !rasp.sop<!rasp.string>
  }
}

// -----

// The same for a keyed reduction masked by `t == "a"` (and a second test
// that says nothing about the values): "a" or "-" before each token.
// CHECK-LABEL: module attributes
// CHECK-SAME: rasp.strings = ["(", ")", "-", "-(", "-)", "-a", "a", "a(", "a)", "aa"]
module attributes {rasp.vocabulary = ["(", ")", "a"]} {
  func.func @only_a() -> !rasp.sop<!rasp.string> {
    %t = rasp.tokens : !rasp.sop<!rasp.string>
    %i = rasp.indices : !rasp.sop<i64>
    %one = rasp.constant 1 : !rasp.sop<i64>
    %a = rasp.constant "a" : !rasp.sop<!rasp.string>
    %isa = rasp.cmp eq, %t, %a : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string>
    %late = rasp.cmp gt, %i, %one : !rasp.sop<i64>, !rasp.sop<i64>
    %mask = rasp.and %late, %isa : !rasp.sop<i1>
    %r = rasp.keyed_reduce equal(%i : !rasp.sop<i64>) to(%i : !rasp.sop<i64>) key_mask %mask : !rasp.sop<i1> values %t : !rasp.sop<!rasp.string> default "-" -> !rasp.sop<!rasp.string>
    %pair = rasp.concat %r, %t : !rasp.sop<!rasp.string>
    return %pair : !rasp.sop<!rasp.string>
  }
}

// -----

// A mask on something else (the positions) keeps every token: every pair.
// CHECK-LABEL: module attributes
// CHECK-SAME: rasp.strings = ["(", "((", "()", "(a", ")", ")(", "))", ")a", "-", "-(", "-)", "-a", "a", "a(", "a)", "aa"]
module attributes {rasp.vocabulary = ["(", ")", "a"]} {
  func.func @unmasked() -> !rasp.sop<!rasp.string> {
    %t = rasp.tokens : !rasp.sop<!rasp.string>
    %i = rasp.indices : !rasp.sop<i64>
    %one = rasp.constant 1 : !rasp.sop<i64>
    %late = rasp.cmp gt, %i, %one : !rasp.sop<i64>, !rasp.sop<i64>
    %any = rasp.group_neighbor previous %i : !rasp.sop<i64> key_mask %late : !rasp.sop<i1> values %t : !rasp.sop<!rasp.string> default "-" -> !rasp.sop<!rasp.string>
    %pair = rasp.concat %any, %t : !rasp.sop<!rasp.string>
    return %pair : !rasp.sop<!rasp.string>
  }
}
