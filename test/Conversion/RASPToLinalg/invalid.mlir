// The errors of convert-rasp-to-linalg: a program function takes no
// arguments and returns one s-op (its signature is rewritten to the four
// input tensors and the output buffer); a rasp op anywhere else is an error;
// the string table must hold every string the program can produce.
// RUN: rasp-opt %s -convert-rasp-to-linalg -split-input-file -verify-diagnostics

// expected-error @+1 {{a rasp program function takes no arguments and returns one s-op}}
func.func @with_argument(%x: i64) -> !rasp.sop<i64> {
  %t = rasp.tokens : !rasp.sop<i64>
  return %t : !rasp.sop<i64>
}

// -----

// expected-error @+1 {{a rasp program function takes no arguments and returns one s-op}}
func.func @with_sop_argument(%x: !rasp.sop<i64>) -> !rasp.sop<i64> {
  return %x : !rasp.sop<i64>
}

// -----

// expected-error @+1 {{a rasp program function takes no arguments and returns one s-op}}
func.func @two_results() -> (!rasp.sop<i64>, !rasp.sop<i64>) {
  %t = rasp.tokens : !rasp.sop<i64>
  %i = rasp.indices : !rasp.sop<i64>
  return %t, %i : !rasp.sop<i64>, !rasp.sop<i64>
}

// -----

// expected-error @+1 {{a rasp program function takes no arguments and returns one s-op}}
func.func @sop_and_int() -> (!rasp.sop<i64>, i64) {
  %t = rasp.tokens : !rasp.sop<i64>
  %c = arith.constant 1 : i64
  return %t, %c : !rasp.sop<i64>, i64
}

// -----

// A second program function is checked too, after a valid one.
func.func @valid() -> !rasp.sop<i64> {
  %t = rasp.tokens : !rasp.sop<i64>
  return %t : !rasp.sop<i64>
}

// expected-error @+1 {{a rasp program function takes no arguments and returns one s-op}}
func.func @invalid(%n: index) -> !rasp.sop<i64> {
  %t = rasp.tokens : !rasp.sop<i64>
  return %t : !rasp.sop<i64>
}

// -----

// An existing table that lacks a string of the program.
// expected-error @+1 {{string table rasp.strings lacks "b"}}
module attributes {rasp.strings = ["a"]} {
  func.func @table_lacks_constant() -> !rasp.sop<!rasp.string> {
    %b = rasp.constant "b" : !rasp.sop<!rasp.string>
    return %b : !rasp.sop<!rasp.string>
  }
}

// -----

// The vocabulary's concatenations must be in the table too.
// expected-error @+1 {{string table rasp.strings lacks "aa"}}
module attributes {rasp.strings = ["a"], rasp.vocabulary = ["a"]} {
  func.func @table_lacks_concatenation() -> !rasp.sop<!rasp.string> {
    %t = rasp.tokens : !rasp.sop<!rasp.string>
    %r = rasp.concat %t, %t : !rasp.sop<!rasp.string>
    return %r : !rasp.sop<!rasp.string>
  }
}

// -----

// A rasp op outside a program function has no input to read: a pass error,
// not a crash. A function without results is no program.
func.func @no_result() {
  // expected-error @+1 {{rasp ops must be in a function that takes no arguments and returns one s-op}}
  %t = rasp.tokens : !rasp.sop<!rasp.string>
  return
}

// -----

// A function returning a selector is no program either: the first of its
// rasp ops is reported.
func.func @returns_selector() -> !rasp.selector {
  // expected-error @+1 {{rasp ops must be in a function that takes no arguments and returns one s-op}}
  %t = rasp.tokens : !rasp.sop<i64>
  %i = rasp.indices : !rasp.sop<i64>
  %s = rasp.select %t, %i, lt : !rasp.sop<i64>, !rasp.sop<i64>
  return %s : !rasp.selector
}

// -----

// A stray op is reported even next to a valid program.
func.func @program() -> !rasp.sop<i64> {
  %t = rasp.tokens : !rasp.sop<i64>
  return %t : !rasp.sop<i64>
}

func.func @helper(%x: i64) -> i64 {
  // expected-error @+1 {{rasp ops must be in a function that takes no arguments and returns one s-op}}
  %l = rasp.length : !rasp.sop<i64>
  return %x : i64
}
