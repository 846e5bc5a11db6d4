// The max-strings limit of rasp-intern-strings: at the limit the table is
// built; over it, by concatenation or by constants and vocabulary, the pass
// fails with an error.
// RUN: rasp-opt %s -split-input-file -rasp-intern-strings=max-strings=3 -verify-diagnostics | FileCheck %s

// Exactly at the limit: "-", "a", "a-".
// CHECK: module attributes {rasp.strings = ["-", "a", "a-"], rasp.vocabulary = ["a"]}
module attributes {rasp.vocabulary = ["a"]} {
  func.func @at_limit() -> !rasp.sop<!rasp.string> {
    %t = rasp.tokens : !rasp.sop<!rasp.string>
    %d = rasp.constant "-" : !rasp.sop<!rasp.string>
    %0 = rasp.concat %t, %d : !rasp.sop<!rasp.string>
    return %0 : !rasp.sop<!rasp.string>
  }
}

// -----

module attributes {rasp.vocabulary = ["a", "b"]} {
  func.func @concat_over_limit() -> !rasp.sop<!rasp.string> {
    %t = rasp.tokens : !rasp.sop<!rasp.string>
    %d = rasp.constant "-" : !rasp.sop<!rasp.string>
    // expected-error @+1 {{string concatenation can form more than 3 distinct strings}}
    %0 = rasp.concat %t, %d : !rasp.sop<!rasp.string>
    return %0 : !rasp.sop<!rasp.string>
  }
}

// -----

// expected-error @+1 {{the program and its input hold more than 3 distinct strings}}
module attributes {rasp.vocabulary = ["a", "b", "c", "d"]} {
  func.func @vocabulary_over_limit() -> !rasp.sop<!rasp.string> {
    %t = rasp.tokens : !rasp.sop<!rasp.string>
    return %t : !rasp.sop<!rasp.string>
  }
}

// -----

// The first concatenation fits ("a", "-", "a-"); the second cannot.
module attributes {rasp.vocabulary = ["a"]} {
  func.func @nested_concat_over_limit() -> !rasp.sop<!rasp.string> {
    %t = rasp.tokens : !rasp.sop<!rasp.string>
    %d = rasp.constant "-" : !rasp.sop<!rasp.string>
    %0 = rasp.concat %t, %d : !rasp.sop<!rasp.string>
    // expected-error @+1 {{string concatenation can form more than 3 distinct strings}}
    %1 = rasp.concat %0, %t : !rasp.sop<!rasp.string>
    return %1 : !rasp.sop<!rasp.string>
  }
}

// -----

// Constants alone: no vocabulary, four strings in a member list.
// expected-error @+1 {{the program and its input hold more than 3 distinct strings}}
module {
  func.func @constants_over_limit(%i: !rasp.sop<i64>) -> !rasp.sop<i1> {
    %s = rasp.lookup %i, [0, 1] -> ["w", "x"] : !rasp.sop<i64> -> !rasp.sop<!rasp.string>
    %0 = rasp.member %s, ["y", "z"] : !rasp.sop<!rasp.string>
    return %0 : !rasp.sop<i1>
  }
}
