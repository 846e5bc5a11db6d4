// The signature rewrite of program functions: `@f() -> !rasp.sop<T>` becomes
// `@f(tokens as string ids, ints, floats, bools, %out: memref<?xT'>)` with no
// result (T' = i32 for strings: string ids are i32), with the C interface, and the returned value
// is written into the caller's buffer. Other functions are left alone;
// @rasp_runtime_error is declared once.
// RUN: rasp-opt %s -convert-rasp-to-linalg -split-input-file | FileCheck %s

// CHECK-LABEL: module
// CHECK-NOT: func.func private @rasp_runtime_error
// CHECK: func.func private @rasp_runtime_error(i64, i64, i64){{$}}
// CHECK-NOT: func.func private @rasp_runtime_error

// CHECK-LABEL: func.func @int_program(
// CHECK-SAME: [[S:%[a-z0-9]+]]: tensor<?xi32>, [[I:%[a-z0-9]+]]: tensor<?xi64>, [[F:%[a-z0-9]+]]: tensor<?xf64>, [[B:%[a-z0-9]+]]: tensor<?xi1>, [[OUT:%[a-z0-9]+]]: memref<?xi64>)
// CHECK-SAME: attributes {llvm.emit_c_interface} {
// CHECK: [[R:%.+]] = linalg.generic
// CHECK: bufferization.materialize_in_destination [[R]] in restrict writable [[OUT]] : (tensor<?xi64>, memref<?xi64>) -> ()
// CHECK-NEXT: return{{$}}
// CHECK-NEXT: }
func.func @int_program() -> !rasp.sop<i64> {
  %i = rasp.indices : !rasp.sop<i64>
  return %i : !rasp.sop<i64>
}

// The output element type follows the result: f64, i1, and i32 for strings.
// CHECK-LABEL: func.func @float_program(
// CHECK-SAME: tensor<?xi32>, {{%[a-z0-9]+}}: tensor<?xi64>, {{%[a-z0-9]+}}: tensor<?xf64>, {{%[a-z0-9]+}}: tensor<?xi1>, [[OUT:%[a-z0-9]+]]: memref<?xf64>)
// CHECK-SAME: attributes {llvm.emit_c_interface} {
// CHECK: bufferization.materialize_in_destination %{{.+}} in restrict writable [[OUT]] : (tensor<?xf64>, memref<?xf64>) -> ()
func.func @float_program() -> !rasp.sop<f64> {
  %c = rasp.constant 0.5 : !rasp.sop<f64>
  return %c : !rasp.sop<f64>
}

// CHECK-LABEL: func.func @bool_program(
// CHECK-SAME: tensor<?xi32>, {{%[a-z0-9]+}}: tensor<?xi64>, {{%[a-z0-9]+}}: tensor<?xf64>, {{%[a-z0-9]+}}: tensor<?xi1>, [[OUT:%[a-z0-9]+]]: memref<?xi1>)
// CHECK-SAME: attributes {llvm.emit_c_interface} {
// CHECK: bufferization.materialize_in_destination %{{.+}} in restrict writable [[OUT]] : (tensor<?xi1>, memref<?xi1>) -> ()
func.func @bool_program() -> !rasp.sop<i1> {
  %b = rasp.tokens : !rasp.sop<i1>
  %n = rasp.not %b : !rasp.sop<i1> -> !rasp.sop<i1>
  return %n : !rasp.sop<i1>
}

// CHECK-LABEL: func.func @string_program(
// CHECK-SAME: [[S:%[a-z0-9]+]]: tensor<?xi32>, {{%[a-z0-9]+}}: tensor<?xi64>, {{%[a-z0-9]+}}: tensor<?xf64>, {{%[a-z0-9]+}}: tensor<?xi1>, [[OUT:%[a-z0-9]+]]: memref<?xi32>)
// CHECK-SAME: attributes {llvm.emit_c_interface} {
// CHECK-NEXT: bufferization.materialize_in_destination [[S]] in restrict writable [[OUT]] : (tensor<?xi32>, memref<?xi32>) -> ()
// CHECK-NEXT: return{{$}}
func.func @string_program() -> !rasp.sop<!rasp.string> {
  %t = rasp.tokens : !rasp.sop<!rasp.string>
  return %t : !rasp.sop<!rasp.string>
}

// A function without s-op results is not a program: unchanged.
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
