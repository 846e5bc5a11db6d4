// Every verifier error of the rasp dialect (RASPOps.cpp, RASPTypes.cpp), the
// custom scalar parser's errors, and a few ODS type constraints.
// RUN: rasp-opt %s -split-input-file -verify-diagnostics

//===----------------------------------------------------------------------===//
// Types
//===----------------------------------------------------------------------===//

// expected-error @+1 {{s-op element type must be i64 (int), f64 (float), i1 (bool) or !rasp.string, but got 'i32'}}
func.func private @sop_i32(!rasp.sop<i32>)

// -----

// expected-error @+1 {{s-op element type must be i64 (int), f64 (float), i1 (bool) or !rasp.string, but got 'f32'}}
func.func private @sop_f32(!rasp.sop<f32>)

// -----

// expected-error @+1 {{s-op element type must be i64 (int), f64 (float), i1 (bool) or !rasp.string, but got '!rasp.selector'}}
func.func private @sop_of_selector(!rasp.sop<!rasp.selector>)

// -----

// expected-error @+1 {{s-op element type must be i64 (int), f64 (float), i1 (bool) or !rasp.string, but got '!rasp.sop<i64>'}}
func.func private @sop_of_sop(!rasp.sop<!rasp.sop<i64>>)

// -----

//===----------------------------------------------------------------------===//
// Scalar syntax
//===----------------------------------------------------------------------===//

func.func @int_too_large() {
  // expected-error @+1 {{integer does not fit in i64}}
  %0 = rasp.constant 9223372036854775808 : !rasp.sop<i64>
  return
}

// -----

func.func @int_too_small() {
  // expected-error @+1 {{integer does not fit in i64}}
  %0 = rasp.constant -9223372036854775809 : !rasp.sop<i64>
  return
}

// -----

func.func @not_a_scalar() {
  // expected-error @+2 {{expected floating point literal}}
  // expected-error @+1 {{expected an int, float, bool or string}}
  %0 = rasp.constant foo : !rasp.sop<i64>
  return
}

// -----

func.func @not_a_scalar_in_list(%i: !rasp.sop<i64>) {
  // expected-error @+2 {{expected floating point literal}}
  // expected-error @+1 {{expected an int, float, bool or string}}
  %0 = rasp.member %i, [1, [2]] : !rasp.sop<i64>
  return
}

// -----

//===----------------------------------------------------------------------===//
// rasp.constant
//===----------------------------------------------------------------------===//

func.func @constant_i32() {
  // expected-error @+1 {{'rasp.constant' op value must be an i64 integer, f64 float, bool or string attribute}}
  %0 = "rasp.constant"() <{value = 1 : i32}> : () -> !rasp.sop<i64>
  return
}

// -----

func.func @constant_f32() {
  // expected-error @+1 {{'rasp.constant' op value must be an i64 integer, f64 float, bool or string attribute}}
  %0 = "rasp.constant"() <{value = 1.0 : f32}> : () -> !rasp.sop<f64>
  return
}

// -----

func.func @constant_array() {
  // expected-error @+1 {{'rasp.constant' op value must be an i64 integer, f64 float, bool or string attribute}}
  %0 = "rasp.constant"() <{value = [1]}> : () -> !rasp.sop<i64>
  return
}

// -----

func.func @constant_int_as_float() {
  // expected-error @+1 {{'rasp.constant' op value of type int does not match the result element type 'f64'}}
  %0 = rasp.constant 1 : !rasp.sop<f64>
  return
}

// -----

func.func @constant_float_as_int() {
  // expected-error @+1 {{'rasp.constant' op value of type float does not match the result element type 'i64'}}
  %0 = rasp.constant 1.5 : !rasp.sop<i64>
  return
}

// -----

func.func @constant_string_as_int() {
  // expected-error @+1 {{'rasp.constant' op value of type string does not match the result element type 'i64'}}
  %0 = rasp.constant "a" : !rasp.sop<i64>
  return
}

// -----

func.func @constant_bool_as_string() {
  // expected-error @+1 {{'rasp.constant' op value of type bool does not match the result element type '!rasp.string'}}
  %0 = rasp.constant true : !rasp.sop<!rasp.string>
  return
}

// -----

//===----------------------------------------------------------------------===//
// Arithmetic result types
//===----------------------------------------------------------------------===//

func.func @div_int_result(%i: !rasp.sop<i64>) {
  // expected-error @+1 {{'rasp.div' op result must be a float s-op (true division)}}
  %0 = rasp.div %i, %i : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  return
}

// -----

func.func @add_float_operand_int_result(%i: !rasp.sop<i64>, %f: !rasp.sop<f64>) {
  // expected-error @+1 {{'rasp.add' op result must be a float s-op when an operand is float}}
  %0 = rasp.add %i, %f : !rasp.sop<i64>, !rasp.sop<f64> -> !rasp.sop<i64>
  return
}

// -----

func.func @pow_float_operand_int_result(%i: !rasp.sop<i64>, %f: !rasp.sop<f64>) {
  // expected-error @+1 {{'rasp.pow' op result must be a float s-op when an operand is float}}
  %0 = rasp.pow %f, %i : !rasp.sop<f64>, !rasp.sop<i64> -> !rasp.sop<i64>
  return
}

// -----

func.func @add_int_operands_float_result(%i: !rasp.sop<i64>) {
  // expected-error @+1 {{'rasp.add' op result must be an int s-op when both operands are int}}
  %0 = rasp.add %i, %i : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<f64>
  return
}

// -----

func.func @sub_int_operands_float_result(%i: !rasp.sop<i64>) {
  // expected-error @+1 {{'rasp.sub' op result must be an int s-op when both operands are int}}
  %0 = rasp.sub %i, %i : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<f64>
  return
}

// -----

func.func @mul_int_operands_float_result(%i: !rasp.sop<i64>) {
  // expected-error @+1 {{'rasp.mul' op result must be an int s-op when both operands are int}}
  %0 = rasp.mul %i, %i : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<f64>
  return
}

// -----

func.func @mod_int_operands_float_result(%i: !rasp.sop<i64>) {
  // expected-error @+1 {{'rasp.mod' op result must be an int s-op when both operands are int}}
  %0 = rasp.mod %i, %i : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<f64>
  return
}

// -----

//===----------------------------------------------------------------------===//
// rasp.cmp, rasp.where, rasp.select
//===----------------------------------------------------------------------===//

func.func @cmp_int_string(%i: !rasp.sop<i64>, %s: !rasp.sop<!rasp.string>) {
  // expected-error @+1 {{'rasp.cmp' op cannot compare a int s-op with a string s-op}}
  %0 = rasp.cmp eq, %i, %s : !rasp.sop<i64>, !rasp.sop<!rasp.string>
  return
}

// -----

func.func @cmp_bool_float(%b: !rasp.sop<i1>, %f: !rasp.sop<f64>) {
  // expected-error @+1 {{'rasp.cmp' op cannot compare a bool s-op with a float s-op}}
  %0 = rasp.cmp lt, %b, %f : !rasp.sop<i1>, !rasp.sop<f64>
  return
}

// -----

func.func @where_mixed_kinds(%b: !rasp.sop<i1>, %i: !rasp.sop<i64>, %s: !rasp.sop<!rasp.string>) {
  // expected-error @+1 {{'rasp.where' op branches must have one kind, but got int and string}}
  %0 = rasp.where %b, %i, %s : !rasp.sop<i64>, !rasp.sop<!rasp.string> -> !rasp.sop<i64>
  return
}

// -----

func.func @where_bool_float(%b: !rasp.sop<i1>, %f: !rasp.sop<f64>) {
  // expected-error @+1 {{'rasp.where' op branches must have one kind, but got bool and float}}
  %0 = rasp.where %b, %b, %f : !rasp.sop<i1>, !rasp.sop<f64> -> !rasp.sop<f64>
  return
}

// -----

func.func @where_needs_promotion(%b: !rasp.sop<i1>, %i: !rasp.sop<i64>, %f: !rasp.sop<f64>) {
  // expected-error @+1 {{'rasp.where' op result element type must be 'f64'}}
  %0 = rasp.where %b, %i, %f : !rasp.sop<i64>, !rasp.sop<f64> -> !rasp.sop<i64>
  return
}

// -----

func.func @where_no_promotion(%b: !rasp.sop<i1>, %i: !rasp.sop<i64>) {
  // expected-error @+1 {{'rasp.where' op result element type must be 'i64'}}
  %0 = rasp.where %b, %i, %i : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<f64>
  return
}

// -----

func.func @where_string_result(%b: !rasp.sop<i1>, %s: !rasp.sop<!rasp.string>) {
  // expected-error @+1 {{'rasp.where' op result element type must be '!rasp.string'}}
  %0 = rasp.where %b, %s, %s : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string> -> !rasp.sop<i64>
  return
}

// -----

func.func @select_string_int(%i: !rasp.sop<i64>, %s: !rasp.sop<!rasp.string>) {
  // expected-error @+1 {{'rasp.select' op cannot compare string keys with int queries}}
  %0 = rasp.select %s, %i, eq : !rasp.sop<!rasp.string>, !rasp.sop<i64>
  return
}

// -----

func.func @select_float_bool(%f: !rasp.sop<f64>, %b: !rasp.sop<i1>) {
  // expected-error @+1 {{'rasp.select' op cannot compare float keys with bool queries}}
  %0 = rasp.select %f, %b, lt : !rasp.sop<f64>, !rasp.sop<i1>
  return
}

// -----

//===----------------------------------------------------------------------===//
// rasp.member, rasp.lookup
//===----------------------------------------------------------------------===//

func.func @member_bad_element(%i: !rasp.sop<i64>) {
  // expected-error @+1 {{'rasp.member' op list elements must be int, float, bool or string scalars, but got 1 : i32}}
  %0 = "rasp.member"(%i) <{elements = [0, 1 : i32]}> : (!rasp.sop<i64>) -> !rasp.sop<i1>
  return
}

// -----

func.func @member_nested_list(%i: !rasp.sop<i64>) {
  // expected-error @+1 {{'rasp.member' op list elements must be int, float, bool or string scalars, but got [1]}}
  %0 = "rasp.member"(%i) <{elements = [[1]]}> : (!rasp.sop<i64>) -> !rasp.sop<i1>
  return
}

// -----

func.func @lookup_size_mismatch(%i: !rasp.sop<i64>) {
  // expected-error @+1 {{'rasp.lookup' op has 2 keys but 1 values}}
  %0 = rasp.lookup %i, [0, 1] -> [5] : !rasp.sop<i64> -> !rasp.sop<i64>
  return
}

// -----

func.func @lookup_bad_key(%i: !rasp.sop<i64>) {
  // expected-error @+1 {{'rasp.lookup' op keys must be int, float, bool or string scalars}}
  %0 = "rasp.lookup"(%i) <{keys = [0 : i8], values = [1]}> : (!rasp.sop<i64>) -> !rasp.sop<i64>
  return
}

// -----

func.func @lookup_string_value_int_result(%i: !rasp.sop<i64>) {
  // expected-error @+1 {{'rasp.lookup' op value "a" does not fit the result type 'i64'}}
  %0 = rasp.lookup %i, [0, 1] -> [1, "a"] : !rasp.sop<i64> -> !rasp.sop<i64>
  return
}

// -----

func.func @lookup_float_value_int_result(%i: !rasp.sop<i64>) {
  // expected-error @+1 {{'rasp.lookup' op value 2.500000e+00 : f64 does not fit the result type 'i64'}}
  %0 = rasp.lookup %i, [0] -> [2.5] : !rasp.sop<i64> -> !rasp.sop<i64>
  return
}

// -----

func.func @lookup_bool_value_float_result(%i: !rasp.sop<i64>) {
  // expected-error @+1 {{'rasp.lookup' op value true does not fit the result type 'f64'}}
  %0 = rasp.lookup %i, [0] -> [true] : !rasp.sop<i64> -> !rasp.sop<f64>
  return
}

// -----

func.func @lookup_bad_value(%i: !rasp.sop<i64>) {
  // expected-error @+1 {{'rasp.lookup' op value 1 : i32 does not fit the result type 'i64'}}
  %0 = "rasp.lookup"(%i) <{keys = [0], values = [1 : i32]}> : (!rasp.sop<i64>) -> !rasp.sop<i64>
  return
}

// -----

//===----------------------------------------------------------------------===//
// rasp.aggregate
//===----------------------------------------------------------------------===//

func.func @aggregate_bad_default(%sel: !rasp.selector, %i: !rasp.sop<i64>) {
  // expected-error @+1 {{'rasp.aggregate' op default must be an int, float, bool or string scalar}}
  %0 = "rasp.aggregate"(%sel, %i) <{default_value = 0 : i32}> : (!rasp.selector, !rasp.sop<i64>) -> !rasp.sop<f64>
  return
}

// -----

func.func @aggregate_numeric_int_result(%sel: !rasp.selector, %i: !rasp.sop<i64>) {
  // expected-error @+1 {{'rasp.aggregate' op a numeric aggregate averages: its result must be !rasp.sop<f64>}}
  %0 = rasp.aggregate %sel, %i default 0 : !rasp.sop<i64> -> !rasp.sop<i64>
  return
}

// -----

func.func @aggregate_numeric_string_default(%sel: !rasp.selector, %f: !rasp.sop<f64>) {
  // expected-error @+1 {{'rasp.aggregate' op default of a numeric aggregate must be numeric, but got string}}
  %0 = rasp.aggregate %sel, %f default "x" : !rasp.sop<f64> -> !rasp.sop<f64>
  return
}

// -----

func.func @aggregate_numeric_bool_default(%sel: !rasp.selector, %i: !rasp.sop<i64>) {
  // expected-error @+1 {{'rasp.aggregate' op default of a numeric aggregate must be numeric, but got bool}}
  %0 = rasp.aggregate %sel, %i default true : !rasp.sop<i64> -> !rasp.sop<f64>
  return
}

// -----

func.func @aggregate_string_result(%sel: !rasp.selector, %s: !rasp.sop<!rasp.string>) {
  // expected-error @+1 {{'rasp.aggregate' op result element type must equal the values' element type '!rasp.string'}}
  %0 = rasp.aggregate %sel, %s default 0 : !rasp.sop<!rasp.string> -> !rasp.sop<i64>
  return
}

// -----

func.func @aggregate_bool_result(%sel: !rasp.selector, %b: !rasp.sop<i1>) {
  // expected-error @+1 {{'rasp.aggregate' op result element type must equal the values' element type 'i1'}}
  %0 = rasp.aggregate %sel, %b default false : !rasp.sop<i1> -> !rasp.sop<f64>
  return
}

// -----

//===----------------------------------------------------------------------===//
// ODS type constraints (a representative few)
//===----------------------------------------------------------------------===//

func.func @not_of_int(%i: !rasp.sop<i64>) {
  // expected-error @+1 {{'rasp.not' op operand #0 must be bool s-op, but got '!rasp.sop<i64>'}}
  %0 = rasp.not %i : !rasp.sop<i64> -> !rasp.sop<i1>
  return
}

// -----

func.func @indices_float() {
  // expected-error @+1 {{'rasp.indices' op result #0 must be int s-op, but got '!rasp.sop<f64>'}}
  %0 = rasp.indices : !rasp.sop<f64>
  return
}

// -----

func.func @add_strings(%s: !rasp.sop<!rasp.string>) {
  // expected-error @+1 {{'rasp.add' op operand #0 must be numeric (int or float) s-op, but got '!rasp.sop<!rasp.string>'}}
  %0 = rasp.add %s, %s : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string> -> !rasp.sop<i64>
  return
}

// -----

func.func @neg_changes_type(%i: !rasp.sop<i64>) {
  // expected-error @+1 {{'rasp.neg' op failed to verify that all of {operand, result} have same type}}
  %0 = rasp.neg %i : !rasp.sop<i64> -> !rasp.sop<f64>
  return
}

// -----

func.func @concat_ints(%i: !rasp.sop<i64>) {
  // expected-error @+1 {{'rasp.concat' op operand #0 must be string s-op, but got '!rasp.sop<i64>'}}
  %0 = "rasp.concat"(%i, %i) : (!rasp.sop<i64>, !rasp.sop<i64>) -> !rasp.sop<i64>
  return
}

// -----

func.func @select_and_of_sops(%b: !rasp.sop<i1>) {
  // expected-error @+1 {{'rasp.select_and' op operand #0 must be selector, but got '!rasp.sop<i1>'}}
  %0 = "rasp.select_and"(%b, %b) : (!rasp.sop<i1>, !rasp.sop<i1>) -> !rasp.selector
  return
}

// -----

func.func @aggregate_of_tensor(%sel: !rasp.selector, %t: tensor<?xi64>) {
  // expected-error @+1 {{'rasp.aggregate' op operand #1 must be s-op, but got 'tensor<?xi64>'}}
  %0 = "rasp.aggregate"(%sel, %t) <{default_value = 0}> : (!rasp.selector, tensor<?xi64>) -> !rasp.sop<f64>
  return
}

// -----

func.func @selector_width_float() {
  %i = rasp.indices : !rasp.sop<i64>
  %sel = rasp.select %i, %i, eq : !rasp.sop<i64>, !rasp.sop<i64>
  // expected-error @+1 {{'rasp.selector_width' op result #0 must be int s-op, but got '!rasp.sop<f64>'}}
  %0 = rasp.selector_width %sel : !rasp.sop<f64>
  return
}

// -----

func.func @bad_predicate(%i: !rasp.sop<i64>) {
  // expected-error @+1 {{expected string or keyword containing one of the following enum values for attribute 'predicate' [eq, ne, lt, gt, le, ge]}}
  %0 = rasp.cmp lte, %i, %i : !rasp.sop<i64>, !rasp.sop<i64>
  return
}

// -----

func.func @scan_mean_equality(%v: !rasp.sop<i64>) -> !rasp.sop<f64> {
  // expected-error @+1 {{predicate must be an order (lt, le, gt, ge), not eq}}
  %m = rasp.scan_mean %v, eq default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  return %m : !rasp.sop<f64>
}

// -----

func.func @scan_mean_string_default(%v: !rasp.sop<i64>) -> !rasp.sop<f64> {
  // expected-error @+1 {{default must be an int or float}}
  %m = rasp.scan_mean %v, le default "x" : !rasp.sop<i64> -> !rasp.sop<f64>
  return %m : !rasp.sop<f64>
}

// -----

func.func @scan_mean_float_suffix(%v: !rasp.sop<f64>) -> !rasp.sop<f64> {
  // expected-error @+1 {{float values need a prefix (le or lt)}}
  %m = rasp.scan_mean %v, ge default 0 : !rasp.sop<f64> -> !rasp.sop<f64>
  return %m : !rasp.sop<f64>
}

// -----

func.func @scan_mean_string_values(%v: !rasp.sop<!rasp.string>) -> !rasp.sop<f64> {
  // expected-error @+1 {{operand #0 must be numeric (int or float) s-op}}
  %m = rasp.scan_mean %v, le default 0 : !rasp.sop<!rasp.string> -> !rasp.sop<f64>
  return %m : !rasp.sop<f64>
}

// -----

func.func @scan_sum_equality(%v: !rasp.sop<i64>) -> !rasp.sop<i64> {
  // expected-error @+1 {{predicate must be an order (lt, le, gt, ge), not ne}}
  %s = rasp.scan_sum %v, ne : !rasp.sop<i64>
  return %s : !rasp.sop<i64>
}

// -----

func.func @scan_sum_float(%v: !rasp.sop<f64>) -> !rasp.sop<f64> {
  // expected-error @+1 {{operand #0 must be int s-op}}
  %s = rasp.scan_sum %v, le : !rasp.sop<f64>
  return %s : !rasp.sop<f64>
}

// -----

func.func @gather_numeric_result(%v: !rasp.sop<i64>) -> !rasp.sop<i64> {
  // expected-error @+1 {{a numeric aggregate averages: its result must be !rasp.sop<f64>}}
  %r = rasp.gather %v, %v default 0 : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  return %r : !rasp.sop<i64>
}

// -----

func.func @keyed_column_count(%p: !rasp.sop<i64>) -> !rasp.sop<i64> {
  // expected-error @+1 {{has 2 equal key columns but 1 query columns}}
  %w = rasp.keyed_reduce equal(%p, %p : !rasp.sop<i64>, !rasp.sop<i64>) to (%p : !rasp.sop<i64>) -> !rasp.sop<i64>
  return %w : !rasp.sop<i64>
}

// -----

func.func @keyed_float_column(%f: !rasp.sop<f64>) -> !rasp.sop<i64> {
  // expected-error @+1 {{order columns must be ints, bools or strings, not floats}}
  %w = rasp.keyed_reduce order lt (%f : !rasp.sop<f64>) to (%f : !rasp.sop<f64>) -> !rasp.sop<i64>
  return %w : !rasp.sop<i64>
}

// -----

func.func @keyed_kinds(%p: !rasp.sop<i64>, %s: !rasp.sop<!rasp.string>) -> !rasp.sop<i64> {
  // expected-error @+1 {{cannot compare int keys with string queries}}
  %w = rasp.keyed_reduce equal(%p : !rasp.sop<i64>) to (%s : !rasp.sop<!rasp.string>) -> !rasp.sop<i64>
  return %w : !rasp.sop<i64>
}

// -----

func.func @keyed_order_without_predicate(%p: !rasp.sop<i64>) -> !rasp.sop<i64> {
  // expected-error @+1 {{an order predicate needs order columns and order columns need an order predicate}}
  %w = "rasp.keyed_reduce"(%p, %p) {operandSegmentSizes = array<i32: 0, 0, 1, 1, 0, 0, 0>} : (!rasp.sop<i64>, !rasp.sop<i64>) -> !rasp.sop<i64>
  return %w : !rasp.sop<i64>
}

// -----

func.func @keyed_order_eq(%p: !rasp.sop<i64>) -> !rasp.sop<i64> {
  // expected-error @+1 {{order must be lt, le, gt or ge, not eq}}
  %w = rasp.keyed_reduce order eq (%p : !rasp.sop<i64>) to (%p : !rasp.sop<i64>) -> !rasp.sop<i64>
  return %w : !rasp.sop<i64>
}

// -----

func.func @keyed_width_type(%p: !rasp.sop<i64>) -> !rasp.sop<f64> {
  // expected-error @+1 {{without values the result is a selector width: !rasp.sop<i64>}}
  %w = rasp.keyed_reduce equal(%p : !rasp.sop<i64>) to (%p : !rasp.sop<i64>) -> !rasp.sop<f64>
  return %w : !rasp.sop<f64>
}

// -----

func.func @keyed_float_values(%p: !rasp.sop<i64>, %f: !rasp.sop<f64>) -> !rasp.sop<f64> {
  // expected-error @+1 {{float values are left to the generic kernel}}
  %w = rasp.keyed_reduce equal(%p : !rasp.sop<i64>) to (%p : !rasp.sop<i64>) values %f : !rasp.sop<f64> default 0 -> !rasp.sop<f64>
  return %w : !rasp.sop<f64>
}

// -----

func.func @keyed_numeric_result(%p: !rasp.sop<i64>) -> !rasp.sop<i64> {
  // expected-error @+1 {{a numeric aggregate averages: its result must be !rasp.sop<f64>}}
  %w = rasp.keyed_reduce values %p : !rasp.sop<i64> default 0 -> !rasp.sop<i64>
  return %w : !rasp.sop<i64>
}

// -----

func.func @stable_sort_float_keys(%f: !rasp.sop<f64>, %v: !rasp.sop<i64>) -> !rasp.sop<f64> {
  // expected-error @+1 {{'rasp.stable_sort' op keys must be ints, bools or strings, not floats}}
  %s = rasp.stable_sort %v by %f : !rasp.sop<i64>, !rasp.sop<f64> -> !rasp.sop<f64>
  return %s : !rasp.sop<f64>
}

// -----

func.func @stable_sort_int_result(%k: !rasp.sop<i64>) -> !rasp.sop<i64> {
  // expected-error @+1 {{'rasp.stable_sort' op result element type must be 'f64'}}
  %s = rasp.stable_sort %k by %k : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  return %s : !rasp.sop<i64>
}

// -----

func.func @stable_sort_string_result(%k: !rasp.sop<i64>, %b: !rasp.sop<i1>) -> !rasp.sop<!rasp.string> {
  // expected-error @+1 {{'rasp.stable_sort' op result element type must be 'i1'}}
  %s = rasp.stable_sort %b by %k : !rasp.sop<i1>, !rasp.sop<i64> -> !rasp.sop<!rasp.string>
  return %s : !rasp.sop<!rasp.string>
}

// -----

func.func @group_neighbor_float_groups(%f: !rasp.sop<f64>) -> !rasp.sop<i64> {
  // expected-error @+1 {{'rasp.group_neighbor' op groups must be ints, bools or strings, not floats}}
  %w = rasp.group_neighbor previous %f : !rasp.sop<f64> -> !rasp.sop<i64>
  return %w : !rasp.sop<i64>
}

// -----

func.func @group_neighbor_width_type(%g: !rasp.sop<i64>) -> !rasp.sop<f64> {
  // expected-error @+1 {{'rasp.group_neighbor' op without values the result is a selector width: !rasp.sop<i64>}}
  %w = rasp.group_neighbor next %g : !rasp.sop<i64> -> !rasp.sop<f64>
  return %w : !rasp.sop<f64>
}

// -----

func.func @group_neighbor_default_without_values(%g: !rasp.sop<i64>) -> !rasp.sop<i64> {
  // expected-error @+1 {{'rasp.group_neighbor' op a default needs values}}
  %w = "rasp.group_neighbor"(%g) {default_value = 0 : i64, operandSegmentSizes = array<i32: 1, 0, 0, 0>} : (!rasp.sop<i64>) -> !rasp.sop<i64>
  return %w : !rasp.sop<i64>
}

// -----

func.func @group_neighbor_values_without_default(%g: !rasp.sop<i64>, %s: !rasp.sop<!rasp.string>) -> !rasp.sop<!rasp.string> {
  // expected-error @+1 {{'rasp.group_neighbor' op values need a default}}
  %w = "rasp.group_neighbor"(%g, %s) {operandSegmentSizes = array<i32: 1, 0, 0, 1>} : (!rasp.sop<i64>, !rasp.sop<!rasp.string>) -> !rasp.sop<!rasp.string>
  return %w : !rasp.sop<!rasp.string>
}

// -----

func.func @group_neighbor_float_values(%g: !rasp.sop<i64>, %f: !rasp.sop<f64>) -> !rasp.sop<f64> {
  // expected-error @+1 {{'rasp.group_neighbor' op float values are left to the generic kernel, as for rasp.keyed_reduce}}
  %w = rasp.group_neighbor previous %g : !rasp.sop<i64> values %f : !rasp.sop<f64> default 0 -> !rasp.sop<f64>
  return %w : !rasp.sop<f64>
}

// -----

func.func @group_neighbor_numeric_result(%g: !rasp.sop<i64>) -> !rasp.sop<i64> {
  // expected-error @+1 {{'rasp.group_neighbor' op a numeric aggregate averages: its result must be !rasp.sop<f64>}}
  %w = rasp.group_neighbor previous %g : !rasp.sop<i64> values %g : !rasp.sop<i64> default 0 -> !rasp.sop<i64>
  return %w : !rasp.sop<i64>
}

// -----

func.func @group_neighbor_string_result(%g: !rasp.sop<i64>, %b: !rasp.sop<i1>) -> !rasp.sop<!rasp.string> {
  // expected-error @+1 {{'rasp.group_neighbor' op result element type must equal the values' element type 'i1'}}
  %w = rasp.group_neighbor next %g : !rasp.sop<i64> values %b : !rasp.sop<i1> default false -> !rasp.sop<!rasp.string>
  return %w : !rasp.sop<!rasp.string>
}
