// Inputs and constants: each reading of the tokens is one of the function's
// four input tensors (strings: i8 ids for a small table, ints, floats, bools), indices come from
// linalg.index, length from the size n of the inputs, and constants are
// element-wise generics yielding the (lowered) scalar.
// RUN: rasp-opt %s -convert-rasp-to-linalg -split-input-file | FileCheck %s

// Tokens are the arguments themselves: no copy. String ids are widened from
// the stored i8 to i32 (and narrowed again for the i8 output).
// CHECK-LABEL: func.func @tokens_str(
// CHECK-SAME: [[STR:%[a-z0-9]+]]: tensor<?xi8>, {{%[a-z0-9]+}}: tensor<?xi64>, {{%[a-z0-9]+}}: tensor<?xf64>, {{%[a-z0-9]+}}: tensor<?xi1>, [[OUT:%[a-z0-9]+]]: memref<?xi8>)
// CHECK: linalg.generic {{.*}} ins([[STR]] : tensor<?xi8>) outs({{.*}} : tensor<?xi32>) attrs = {rasp.widened}
// CHECK: bufferization.materialize_in_destination {{.*}} in restrict writable [[OUT]]
func.func @tokens_str() -> !rasp.sop<!rasp.string> {
  %t = rasp.tokens : !rasp.sop<!rasp.string>
  return %t : !rasp.sop<!rasp.string>
}

// CHECK-LABEL: func.func @tokens_int(
// CHECK-SAME: {{%[a-z0-9]+}}: tensor<?xi8>, [[INT:%[a-z0-9]+]]: tensor<?xi64>, {{%[a-z0-9]+}}: tensor<?xf64>, {{%[a-z0-9]+}}: tensor<?xi1>, [[OUT:%[a-z0-9]+]]: memref<?xi64>)
// CHECK: bufferization.materialize_in_destination [[INT]] in restrict writable [[OUT]]
func.func @tokens_int() -> !rasp.sop<i64> {
  %t = rasp.tokens : !rasp.sop<i64>
  return %t : !rasp.sop<i64>
}

// CHECK-LABEL: func.func @tokens_float(
// CHECK-SAME: {{%[a-z0-9]+}}: tensor<?xi8>, {{%[a-z0-9]+}}: tensor<?xi64>, [[FLT:%[a-z0-9]+]]: tensor<?xf64>, {{%[a-z0-9]+}}: tensor<?xi1>, [[OUT:%[a-z0-9]+]]: memref<?xf64>)
// CHECK: bufferization.materialize_in_destination [[FLT]] in restrict writable [[OUT]]
func.func @tokens_float() -> !rasp.sop<f64> {
  %t = rasp.tokens : !rasp.sop<f64>
  return %t : !rasp.sop<f64>
}

// CHECK-LABEL: func.func @tokens_bool(
// CHECK-SAME: {{%[a-z0-9]+}}: tensor<?xi8>, {{%[a-z0-9]+}}: tensor<?xi64>, {{%[a-z0-9]+}}: tensor<?xf64>, [[BOOL:%[a-z0-9]+]]: tensor<?xi1>, [[OUT:%[a-z0-9]+]]: memref<?xi1>)
// CHECK: bufferization.materialize_in_destination [[BOOL]] in restrict writable [[OUT]]
func.func @tokens_bool() -> !rasp.sop<i1> {
  %t = rasp.tokens : !rasp.sop<i1>
  return %t : !rasp.sop<i1>
}

// The four readings in one map: each operand of the generic is the right
// argument, in operand order (cond, true value, false value).
// CHECK-LABEL: func.func @tokens_in_a_map(
// CHECK-SAME: {{%[a-z0-9]+}}: tensor<?xi8>, {{%[a-z0-9]+}}: tensor<?xi64>, [[FLT:%[a-z0-9]+]]: tensor<?xf64>, [[BOOL:%[a-z0-9]+]]: tensor<?xi1>, [[OUT:%[a-z0-9]+]]: memref<?xf64>)
// CHECK: [[R:%.+]] = linalg.generic {{.+}} ins([[BOOL]], [[FLT]] : tensor<?xi1>, tensor<?xf64>)
// CHECK-NEXT: ^bb0([[C:%.+]]: i1, [[X:%.+]]: f64, {{%.+}}: f64):
// CHECK: [[S:%.+]] = arith.select [[C]], [[X]], %{{.+}} : f64
// CHECK-NEXT: linalg.yield [[S]] : f64
// CHECK: bufferization.materialize_in_destination [[R]] in restrict writable [[OUT]]
func.func @tokens_in_a_map() -> !rasp.sop<f64> {
  %f = rasp.tokens : !rasp.sop<f64>
  %b = rasp.tokens : !rasp.sop<i1>
  %x = rasp.constant 1.5 : !rasp.sop<f64>
  %r = rasp.where %b, %f, %x : !rasp.sop<f64>, !rasp.sop<f64> -> !rasp.sop<f64>
  return %r : !rasp.sop<f64>
}

// -----

// indices: the position of the (only) loop dimension.
// CHECK-LABEL: func.func @indices(
// CHECK-SAME: [[STR:%[a-z0-9]+]]: tensor<?xi8>,
// CHECK: [[N:%.+]] = tensor.dim [[STR]], %{{.+}} : tensor<?xi8>
// CHECK: [[E:%.+]] = tensor.empty([[N]]) : tensor<?xi64>
// CHECK: [[R:%.+]] = linalg.generic {indexing_maps = [#{{.+}}], iterator_types = ["parallel"]} outs([[E]] : tensor<?xi64>)
// CHECK-NEXT: ^bb0(%{{.+}}: i64):
// CHECK-NEXT: [[I:%.+]] = linalg.index 0 : index
// CHECK-NEXT: [[I64:%.+]] = arith.index_cast [[I]] : index to i64
// CHECK-NEXT: linalg.yield [[I64]] : i64
// CHECK: [[NARROW:%.+]] = linalg.generic {{.*}} ins([[R]] : tensor<?xi64>) outs({{.*}} : tensor<?xi32>)
// CHECK: bufferization.materialize_in_destination [[NARROW]]
func.func @indices() -> !rasp.sop<i64> {
  %i = rasp.indices : !rasp.sop<i64>
  return %i : !rasp.sop<i64>
}

// -----

// length: n, the size of the inputs, at every position.
// CHECK-LABEL: func.func @length(
// CHECK-SAME: [[STR:%[a-z0-9]+]]: tensor<?xi8>,
// CHECK: [[R:%.+]] = linalg.generic
// CHECK-NEXT: ^bb0(%{{.+}}: i64):
// CHECK-NEXT: [[C0:%.+]] = arith.constant 0 : index
// CHECK-NEXT: [[N:%.+]] = tensor.dim [[STR]], [[C0]] : tensor<?xi8>
// CHECK-NEXT: [[N64:%.+]] = arith.index_cast [[N]] : index to i64
// CHECK-NEXT: linalg.yield [[N64]] : i64
// CHECK: [[NARROW:%.+]] = linalg.generic {{.*}} ins([[R]] : tensor<?xi64>) outs({{.*}} : tensor<?xi32>)
// CHECK: bufferization.materialize_in_destination [[NARROW]]
func.func @length() -> !rasp.sop<i64> {
  %n = rasp.length : !rasp.sop<i64>
  return %n : !rasp.sop<i64>
}

// -----

// length - indices: the map reads the two generics, in operand order.
// CHECK-LABEL: func.func @length_minus_indices(
// CHECK: [[IDX:%.+]] = linalg.generic
// CHECK: linalg.index 0
// CHECK: [[LEN:%.+]] = linalg.generic
// CHECK: tensor.dim
// CHECK: [[R:%.+]] = linalg.generic {{.+}} ins([[LEN]], [[IDX]] : tensor<?xi64>, tensor<?xi64>)
// CHECK-NEXT: ^bb0([[A:%.+]]: i64, [[B:%.+]]: i64, %{{.+}}: i64):
// CHECK-NEXT: [[D:%.+]] = arith.subi [[A]], [[B]] : i64
// CHECK-NEXT: linalg.yield [[D]] : i64
// The difference lies in [-2^30, 2^30] (at most 2^30 tokens): an i32 output.
// CHECK: [[NARROW:%.+]] = linalg.generic {{.+}} ins([[R]] : tensor<?xi64>) outs(%{{.+}} : tensor<?xi32>)
// CHECK: bufferization.materialize_in_destination [[NARROW]]
func.func @length_minus_indices() -> !rasp.sop<i64> {
  %i = rasp.indices : !rasp.sop<i64>
  %n = rasp.length : !rasp.sop<i64>
  %r = rasp.sub %n, %i : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  return %r : !rasp.sop<i64>
}

// -----

// Constants of each type: a generic without inputs yielding the scalar.
// CHECK-LABEL: func.func @const_int(
// CHECK: linalg.generic {indexing_maps = [#{{.+}}], iterator_types = ["parallel"]} outs(%{{.+}} : tensor<?xi64>)
// CHECK: [[C:%.+]] = arith.constant -7 : i64
// CHECK-NEXT: linalg.yield [[C]] : i64
func.func @const_int() -> !rasp.sop<i64> {
  %c = rasp.constant -7 : !rasp.sop<i64>
  return %c : !rasp.sop<i64>
}

// CHECK-LABEL: func.func @const_float(
// CHECK: linalg.generic {{.+}} outs(%{{.+}} : tensor<?xf64>)
// CHECK: [[C:%.+]] = arith.constant 2.500000e+00 : f64
// CHECK-NEXT: linalg.yield [[C]] : f64
func.func @const_float() -> !rasp.sop<f64> {
  %c = rasp.constant 2.5 : !rasp.sop<f64>
  return %c : !rasp.sop<f64>
}

// CHECK-LABEL: func.func @const_bool(
// CHECK: linalg.generic {{.+}} outs(%{{.+}} : tensor<?xi1>)
// CHECK: [[C:%.+]] = arith.constant true
// CHECK-NEXT: linalg.yield [[C]] : i1
func.func @const_bool() -> !rasp.sop<i1> {
  %c = rasp.constant true : !rasp.sop<i1>
  return %c : !rasp.sop<i1>
}

// -----

// A string constant is its id in the sorted table: "b" is 1 in ["a", "b", "c"].
// CHECK-LABEL: module attributes
// CHECK-SAME: rasp.strings = ["a", "b", "c"]
// CHECK-LABEL: func.func @const_string(
// CHECK: linalg.generic {{.+}} outs(%{{.+}} : tensor<?xi32>)
// CHECK-NEXT: ^bb0(%{{.+}}: i32):
// CHECK-NEXT: [[C:%.+]] = arith.constant 1 : i32
// CHECK-NEXT: linalg.yield [[C]] : i32
module attributes {rasp.vocabulary = ["c", "a"]} {
  func.func @const_string() -> !rasp.sop<!rasp.string> {
    %c = rasp.constant "b" : !rasp.sop<!rasp.string>
    return %c : !rasp.sop<!rasp.string>
  }
}
