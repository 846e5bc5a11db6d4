// The signature rewrite of program functions: `@f() -> !rasp.sop<T>` becomes
// `@f(tokens as string ids, ints, floats, bools, %out: memref<?xS>)` with no
// result, with the C interface, and the returned value is written into the
// caller's buffer. S stores T's values: i8 string ids when the string table
// has at most 127 entries (else i32), i32 for ints that provably fit, else
// T's lowered type. The module records S per function (rasp.output_storage)
// and the string ids' type (rasp.string_storage) for the driver. Other
// functions are left alone; @rasp_runtime_error is declared once.
// RUN: rasp-opt %s -convert-rasp-to-linalg -split-input-file | FileCheck %s

// CHECK-LABEL: module attributes
// CHECK-SAME: rasp.output_storage = {bool_program = i1, float_program = f64, int_program = i32, string_program = i8, wide_int_program = i64}
// CHECK-SAME: rasp.string_storage = i8
// CHECK-NOT: func.func private @rasp_runtime_error
// CHECK: func.func private @rasp_runtime_error(i64, i64, i64){{$}}
// CHECK-NOT: func.func private @rasp_runtime_error

// Indices fit in i32 (n < 2^31): the output is i32, truncated by a generic
// that later fuses into the producer.
// CHECK-LABEL: func.func @int_program(
// CHECK-SAME: [[S:%[a-z0-9]+]]: tensor<?xi8>, [[I:%[a-z0-9]+]]: tensor<?xi64>, [[F:%[a-z0-9]+]]: tensor<?xf64>, [[B:%[a-z0-9]+]]: tensor<?xi1>, [[OUT:%[a-z0-9]+]]: memref<?xi32>)
// CHECK-SAME: attributes {llvm.emit_c_interface} {
// CHECK: [[R:%.+]] = linalg.generic
// CHECK: [[NARROW:%.+]] = linalg.generic {{.*}} ins([[R]] : tensor<?xi64>) outs({{.*}} : tensor<?xi32>)
// CHECK: arith.trunci %{{.*}} : i64 to i32
// CHECK: bufferization.materialize_in_destination [[NARROW]] in restrict writable [[OUT]] : (tensor<?xi32>, memref<?xi32>) -> ()
// CHECK-NEXT: return{{$}}
// CHECK-NEXT: }
func.func @int_program() -> !rasp.sop<i64> {
  %i = rasp.indices : !rasp.sop<i64>
  return %i : !rasp.sop<i64>
}

// Input ints of unknown range: i64.
// CHECK-LABEL: func.func @wide_int_program(
// CHECK-SAME: [[I:%[a-z0-9]+]]: tensor<?xi64>, {{%[a-z0-9]+}}: tensor<?xf64>, {{%[a-z0-9]+}}: tensor<?xi1>, [[OUT:%[a-z0-9]+]]: memref<?xi64>)
// CHECK-NEXT: bufferization.materialize_in_destination [[I]] in restrict writable [[OUT]] : (tensor<?xi64>, memref<?xi64>) -> ()
func.func @wide_int_program() -> !rasp.sop<i64> {
  %t = rasp.tokens : !rasp.sop<i64>
  return %t : !rasp.sop<i64>
}

// The output element type follows the result: f64, i1.
// CHECK-LABEL: func.func @float_program(
// CHECK-SAME: tensor<?xi8>, {{%[a-z0-9]+}}: tensor<?xi64>, {{%[a-z0-9]+}}: tensor<?xf64>, {{%[a-z0-9]+}}: tensor<?xi1>, [[OUT:%[a-z0-9]+]]: memref<?xf64>)
// CHECK-SAME: attributes {llvm.emit_c_interface} {
// CHECK: bufferization.materialize_in_destination %{{.+}} in restrict writable [[OUT]] : (tensor<?xf64>, memref<?xf64>) -> ()
func.func @float_program() -> !rasp.sop<f64> {
  %c = rasp.constant 0.5 : !rasp.sop<f64>
  return %c : !rasp.sop<f64>
}

// CHECK-LABEL: func.func @bool_program(
// CHECK-SAME: tensor<?xi8>, {{%[a-z0-9]+}}: tensor<?xi64>, {{%[a-z0-9]+}}: tensor<?xf64>, {{%[a-z0-9]+}}: tensor<?xi1>, [[OUT:%[a-z0-9]+]]: memref<?xi1>)
// CHECK-SAME: attributes {llvm.emit_c_interface} {
// CHECK: bufferization.materialize_in_destination %{{.+}} in restrict writable [[OUT]] : (tensor<?xi1>, memref<?xi1>) -> ()
func.func @bool_program() -> !rasp.sop<i1> {
  %b = rasp.tokens : !rasp.sop<i1>
  %n = rasp.not %b : !rasp.sop<i1> -> !rasp.sop<i1>
  return %n : !rasp.sop<i1>
}

// Strings: the i8 input ids are widened to the i32 the code computes with
// (a generic marked rasp.widened, which kernel calls read through) and
// narrowed again for the i8 output; canonicalization folds the pair.
// CHECK-LABEL: func.func @string_program(
// CHECK-SAME: [[S:%[a-z0-9]+]]: tensor<?xi8>, {{%[a-z0-9]+}}: tensor<?xi64>, {{%[a-z0-9]+}}: tensor<?xf64>, {{%[a-z0-9]+}}: tensor<?xi1>, [[OUT:%[a-z0-9]+]]: memref<?xi8>)
// CHECK-SAME: attributes {llvm.emit_c_interface} {
// CHECK: [[WIDE:%.+]] = linalg.generic {{.*}} ins([[S]] : tensor<?xi8>) outs({{.*}} : tensor<?xi32>) attrs = {rasp.widened}
// CHECK: arith.extsi %{{.*}} : i8 to i32
// CHECK: [[NARROW:%.+]] = linalg.generic {{.*}} ins([[WIDE]] : tensor<?xi32>) outs({{.*}} : tensor<?xi8>)
// CHECK: arith.trunci %{{.*}} : i32 to i8
// CHECK: bufferization.materialize_in_destination [[NARROW]] in restrict writable [[OUT]] : (tensor<?xi8>, memref<?xi8>) -> ()
// CHECK-NEXT: return{{$}}
func.func @string_program() -> !rasp.sop<!rasp.string> {
  %t = rasp.tokens : !rasp.sop<!rasp.string>
  return %t : !rasp.sop<!rasp.string>
}

// CHECK-LABEL: func.func @helper(
// CHECK-SAME: [[X:%[a-z0-9]+]]: i32) -> i32 {
// CHECK-NEXT: return [[X]] : i32
func.func @helper(%x: i32) -> i32 {
  return %x : i32
}

// No rasp op, no cast, no marker attribute is left.
// CHECK-NOT: rasp.
// CHECK-NOT: unrealized_conversion_cast

// -----

// An existing declaration of the callee is kept (not duplicated).
// CHECK-LABEL: module
// CHECK: func.func private @rasp_runtime_error(i64, i64, i64)
// CHECK-NOT: @rasp_runtime_error(i64, i64, i64)
// CHECK-LABEL: func.func @declared(
func.func private @rasp_runtime_error(i64, i64, i64)
func.func @declared() -> !rasp.sop<i64> {
  %i = rasp.indices : !rasp.sop<i64>
  return %i : !rasp.sop<i64>
}

// -----

// A module without programs gets no declaration.
// CHECK-LABEL: module
// CHECK-NOT: @rasp_runtime_error
// CHECK: func.func @no_program
func.func @no_program(%x: i32) -> i32 {
  return %x : i32
}

// -----

// A table of 128 strings does not fit i8 ids (kept non-negative): i32 ids,
// no widening.
// CHECK-LABEL: module attributes
// CHECK-SAME: rasp.output_storage = {wide_strings = i32}
// CHECK-SAME: rasp.string_storage = i32
// CHECK-LABEL: func.func @wide_strings(
// CHECK-SAME: [[S:%[a-z0-9]+]]: tensor<?xi32>, {{%[a-z0-9]+}}: tensor<?xi64>, {{%[a-z0-9]+}}: tensor<?xf64>, {{%[a-z0-9]+}}: tensor<?xi1>, [[OUT:%[a-z0-9]+]]: memref<?xi32>)
// CHECK-NOT: linalg.generic
// CHECK: bufferization.materialize_in_destination [[S]] in restrict writable [[OUT]] : (tensor<?xi32>, memref<?xi32>) -> ()
module attributes {rasp.vocabulary = ["s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "s12", "s13", "s14", "s15", "s16", "s17", "s18", "s19", "s20", "s21", "s22", "s23", "s24", "s25", "s26", "s27", "s28", "s29", "s30", "s31", "s32", "s33", "s34", "s35", "s36", "s37", "s38", "s39", "s40", "s41", "s42", "s43", "s44", "s45", "s46", "s47", "s48", "s49", "s50", "s51", "s52", "s53", "s54", "s55", "s56", "s57", "s58", "s59", "s60", "s61", "s62", "s63", "s64", "s65", "s66", "s67", "s68", "s69", "s70", "s71", "s72", "s73", "s74", "s75", "s76", "s77", "s78", "s79", "s80", "s81", "s82", "s83", "s84", "s85", "s86", "s87", "s88", "s89", "s90", "s91", "s92", "s93", "s94", "s95", "s96", "s97", "s98", "s99", "s100", "s101", "s102", "s103", "s104", "s105", "s106", "s107", "s108", "s109", "s110", "s111", "s112", "s113", "s114", "s115", "s116", "s117", "s118", "s119", "s120", "s121", "s122", "s123", "s124", "s125", "s126", "s127"]} {
  func.func @wide_strings() -> !rasp.sop<!rasp.string> {
    %t = rasp.tokens : !rasp.sop<!rasp.string>
    return %t : !rasp.sop<!rasp.string>
  }
}
