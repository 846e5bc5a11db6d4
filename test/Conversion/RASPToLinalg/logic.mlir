// Comparisons, logic and choice. Numbers compare signed (or ordered float
// compares, ne unordered so that nan != nan, with an int side promoted);
// string ids compare signed (the ids are in string order); bools compare
// unsigned (False < True, while signed i1 has true = -1 < 0). The checks pin
// the predicate and the operand order (lhs, rhs).
// String ids and outputs keep their computed types (narrow-storage=false): the
// storage narrowing has its own tests (signature.mlir, narrow-storage.mlir).
// RUN: rasp-opt %s -convert-rasp-to-linalg=narrow-storage=false -split-input-file | FileCheck %s

// int <pred> int: tokens_int (lhs) against indices (rhs).
// CHECK-LABEL: func.func @cmp_int(
// CHECK-SAME: {{%[a-z0-9]+}}: tensor<?xi32>, [[INT:%[a-z0-9]+]]: tensor<?xi64>
// CHECK: [[IDX:%.+]] = linalg.generic
// CHECK-NEXT: ^bb0(%{{.+}}: i64):
// CHECK-NEXT: linalg.index 0
// CHECK: linalg.generic {{.+}} ins([[INT]], [[IDX]] : tensor<?xi64>, tensor<?xi64>) outs(%{{.+}} : tensor<?xi1>)
// CHECK-NEXT: ^bb0([[A:%.+]]: i64, [[B:%.+]]: i64, %{{.+}}: i1):
// CHECK-NEXT: [[C:%.+]] = arith.cmpi eq, [[A]], [[B]] : i64
// CHECK-NEXT: linalg.yield [[C]] : i1
// CHECK: linalg.generic {{.+}} ins([[INT]], [[IDX]] : tensor<?xi64>, tensor<?xi64>) outs(%{{.+}} : tensor<?xi1>)
// CHECK-NEXT: ^bb0([[A:%.+]]: i64, [[B:%.+]]: i64, %{{.+}}: i1):
// CHECK-NEXT: [[C:%.+]] = arith.cmpi ne, [[A]], [[B]] : i64
// CHECK-NEXT: linalg.yield [[C]] : i1
// CHECK: linalg.generic {{.+}} ins([[INT]], [[IDX]] : tensor<?xi64>, tensor<?xi64>) outs(%{{.+}} : tensor<?xi1>)
// CHECK-NEXT: ^bb0([[A:%.+]]: i64, [[B:%.+]]: i64, %{{.+}}: i1):
// CHECK-NEXT: [[C:%.+]] = arith.cmpi slt, [[A]], [[B]] : i64
// CHECK-NEXT: linalg.yield [[C]] : i1
// CHECK: linalg.generic {{.+}} ins([[INT]], [[IDX]] : tensor<?xi64>, tensor<?xi64>) outs(%{{.+}} : tensor<?xi1>)
// CHECK-NEXT: ^bb0([[A:%.+]]: i64, [[B:%.+]]: i64, %{{.+}}: i1):
// CHECK-NEXT: [[C:%.+]] = arith.cmpi sgt, [[A]], [[B]] : i64
// CHECK-NEXT: linalg.yield [[C]] : i1
// CHECK: linalg.generic {{.+}} ins([[INT]], [[IDX]] : tensor<?xi64>, tensor<?xi64>) outs(%{{.+}} : tensor<?xi1>)
// CHECK-NEXT: ^bb0([[A:%.+]]: i64, [[B:%.+]]: i64, %{{.+}}: i1):
// CHECK-NEXT: [[C:%.+]] = arith.cmpi sle, [[A]], [[B]] : i64
// CHECK-NEXT: linalg.yield [[C]] : i1
// CHECK: linalg.generic {{.+}} ins([[INT]], [[IDX]] : tensor<?xi64>, tensor<?xi64>) outs(%{{.+}} : tensor<?xi1>)
// CHECK-NEXT: ^bb0([[A:%.+]]: i64, [[B:%.+]]: i64, %{{.+}}: i1):
// CHECK-NEXT: [[C:%.+]] = arith.cmpi sge, [[A]], [[B]] : i64
// CHECK-NEXT: linalg.yield [[C]] : i1
func.func @cmp_int() -> !rasp.sop<i1> {
  %x = rasp.tokens : !rasp.sop<i64>
  %y = rasp.indices : !rasp.sop<i64>
  %c0 = rasp.cmp eq, %x, %y : !rasp.sop<i64>, !rasp.sop<i64>
  %c1 = rasp.cmp ne, %x, %y : !rasp.sop<i64>, !rasp.sop<i64>
  %c2 = rasp.cmp lt, %x, %y : !rasp.sop<i64>, !rasp.sop<i64>
  %c3 = rasp.cmp gt, %x, %y : !rasp.sop<i64>, !rasp.sop<i64>
  %c4 = rasp.cmp le, %x, %y : !rasp.sop<i64>, !rasp.sop<i64>
  %c5 = rasp.cmp ge, %x, %y : !rasp.sop<i64>, !rasp.sop<i64>
  %o0 = rasp.or %c0, %c1 : !rasp.sop<i1>
  %o1 = rasp.or %o0, %c2 : !rasp.sop<i1>
  %o2 = rasp.or %o1, %c3 : !rasp.sop<i1>
  %o3 = rasp.or %o2, %c4 : !rasp.sop<i1>
  %o4 = rasp.or %o3, %c5 : !rasp.sop<i1>
  return %o4 : !rasp.sop<i1>
}

// -----

// float <pred> int: the int rhs is converted; ne is unordered (une).
// CHECK-LABEL: func.func @cmp_float_int(
// CHECK-SAME: {{%[a-z0-9]+}}: tensor<?xi32>, [[INT:%[a-z0-9]+]]: tensor<?xi64>, [[FLT:%[a-z0-9]+]]: tensor<?xf64>
// CHECK: linalg.generic {{.+}} ins([[FLT]], [[INT]] : tensor<?xf64>, tensor<?xi64>) outs(%{{.+}} : tensor<?xi1>)
// CHECK-NEXT: ^bb0([[A:%.+]]: f64, [[B:%.+]]: i64, %{{.+}}: i1):
// CHECK-NEXT: [[BF:%.+]] = arith.sitofp [[B]] : i64 to f64
// CHECK-NEXT: [[C:%.+]] = arith.cmpf oeq, [[A]], [[BF]] : f64
// CHECK-NEXT: linalg.yield [[C]] : i1
// CHECK: linalg.generic {{.+}} ins([[FLT]], [[INT]] : tensor<?xf64>, tensor<?xi64>) outs(%{{.+}} : tensor<?xi1>)
// CHECK-NEXT: ^bb0([[A:%.+]]: f64, [[B:%.+]]: i64, %{{.+}}: i1):
// CHECK-NEXT: [[BF:%.+]] = arith.sitofp [[B]] : i64 to f64
// CHECK-NEXT: [[C:%.+]] = arith.cmpf une, [[A]], [[BF]] : f64
// CHECK-NEXT: linalg.yield [[C]] : i1
// CHECK: linalg.generic {{.+}} ins([[FLT]], [[INT]] : tensor<?xf64>, tensor<?xi64>) outs(%{{.+}} : tensor<?xi1>)
// CHECK-NEXT: ^bb0([[A:%.+]]: f64, [[B:%.+]]: i64, %{{.+}}: i1):
// CHECK-NEXT: [[BF:%.+]] = arith.sitofp [[B]] : i64 to f64
// CHECK-NEXT: [[C:%.+]] = arith.cmpf olt, [[A]], [[BF]] : f64
// CHECK-NEXT: linalg.yield [[C]] : i1
// CHECK: linalg.generic {{.+}} ins([[FLT]], [[INT]] : tensor<?xf64>, tensor<?xi64>) outs(%{{.+}} : tensor<?xi1>)
// CHECK-NEXT: ^bb0([[A:%.+]]: f64, [[B:%.+]]: i64, %{{.+}}: i1):
// CHECK-NEXT: [[BF:%.+]] = arith.sitofp [[B]] : i64 to f64
// CHECK-NEXT: [[C:%.+]] = arith.cmpf ogt, [[A]], [[BF]] : f64
// CHECK-NEXT: linalg.yield [[C]] : i1
// CHECK: linalg.generic {{.+}} ins([[FLT]], [[INT]] : tensor<?xf64>, tensor<?xi64>) outs(%{{.+}} : tensor<?xi1>)
// CHECK-NEXT: ^bb0([[A:%.+]]: f64, [[B:%.+]]: i64, %{{.+}}: i1):
// CHECK-NEXT: [[BF:%.+]] = arith.sitofp [[B]] : i64 to f64
// CHECK-NEXT: [[C:%.+]] = arith.cmpf ole, [[A]], [[BF]] : f64
// CHECK-NEXT: linalg.yield [[C]] : i1
// CHECK: linalg.generic {{.+}} ins([[FLT]], [[INT]] : tensor<?xf64>, tensor<?xi64>) outs(%{{.+}} : tensor<?xi1>)
// CHECK-NEXT: ^bb0([[A:%.+]]: f64, [[B:%.+]]: i64, %{{.+}}: i1):
// CHECK-NEXT: [[BF:%.+]] = arith.sitofp [[B]] : i64 to f64
// CHECK-NEXT: [[C:%.+]] = arith.cmpf oge, [[A]], [[BF]] : f64
// CHECK-NEXT: linalg.yield [[C]] : i1
func.func @cmp_float_int() -> !rasp.sop<i1> {
  %x = rasp.tokens : !rasp.sop<f64>
  %y = rasp.tokens : !rasp.sop<i64>
  %c0 = rasp.cmp eq, %x, %y : !rasp.sop<f64>, !rasp.sop<i64>
  %c1 = rasp.cmp ne, %x, %y : !rasp.sop<f64>, !rasp.sop<i64>
  %c2 = rasp.cmp lt, %x, %y : !rasp.sop<f64>, !rasp.sop<i64>
  %c3 = rasp.cmp gt, %x, %y : !rasp.sop<f64>, !rasp.sop<i64>
  %c4 = rasp.cmp le, %x, %y : !rasp.sop<f64>, !rasp.sop<i64>
  %c5 = rasp.cmp ge, %x, %y : !rasp.sop<f64>, !rasp.sop<i64>
  %o0 = rasp.or %c0, %c1 : !rasp.sop<i1>
  %o1 = rasp.or %o0, %c2 : !rasp.sop<i1>
  %o2 = rasp.or %o1, %c3 : !rasp.sop<i1>
  %o3 = rasp.or %o2, %c4 : !rasp.sop<i1>
  %o4 = rasp.or %o3, %c5 : !rasp.sop<i1>
  return %o4 : !rasp.sop<i1>
}

// -----

// string <pred> string: i32 ids compared signed; the constant "b" is id 1 of
// ["a", "b", "c"], folded into the body.
// CHECK-LABEL: module attributes
// CHECK-SAME: rasp.strings = ["a", "b", "c"]
// CHECK-LABEL: func.func @cmp_string(
// CHECK-SAME: [[STR:%[a-z0-9]+]]: tensor<?xi32>
// CHECK: linalg.generic {{.+}} ins([[STR]] : tensor<?xi32>) outs(%{{.+}} : tensor<?xi1>)
// CHECK-NEXT: ^bb0([[A:%.+]]: i32, %{{.+}}: i1):
// CHECK-NEXT: [[B:%.+]] = arith.constant 1 : i32
// CHECK-NEXT: [[C:%.+]] = arith.cmpi eq, [[A]], [[B]] : i32
// CHECK-NEXT: linalg.yield [[C]] : i1
// CHECK: linalg.generic {{.+}} ins([[STR]] : tensor<?xi32>) outs(%{{.+}} : tensor<?xi1>)
// CHECK-NEXT: ^bb0([[A:%.+]]: i32, %{{.+}}: i1):
// CHECK-NEXT: [[B:%.+]] = arith.constant 1 : i32
// CHECK-NEXT: [[C:%.+]] = arith.cmpi ne, [[A]], [[B]] : i32
// CHECK-NEXT: linalg.yield [[C]] : i1
// CHECK: linalg.generic {{.+}} ins([[STR]] : tensor<?xi32>) outs(%{{.+}} : tensor<?xi1>)
// CHECK-NEXT: ^bb0([[A:%.+]]: i32, %{{.+}}: i1):
// CHECK-NEXT: [[B:%.+]] = arith.constant 1 : i32
// CHECK-NEXT: [[C:%.+]] = arith.cmpi slt, [[A]], [[B]] : i32
// CHECK-NEXT: linalg.yield [[C]] : i1
// CHECK: linalg.generic {{.+}} ins([[STR]] : tensor<?xi32>) outs(%{{.+}} : tensor<?xi1>)
// CHECK-NEXT: ^bb0([[A:%.+]]: i32, %{{.+}}: i1):
// CHECK-NEXT: [[B:%.+]] = arith.constant 1 : i32
// CHECK-NEXT: [[C:%.+]] = arith.cmpi sgt, [[A]], [[B]] : i32
// CHECK-NEXT: linalg.yield [[C]] : i1
// CHECK: linalg.generic {{.+}} ins([[STR]] : tensor<?xi32>) outs(%{{.+}} : tensor<?xi1>)
// CHECK-NEXT: ^bb0([[A:%.+]]: i32, %{{.+}}: i1):
// CHECK-NEXT: [[B:%.+]] = arith.constant 1 : i32
// CHECK-NEXT: [[C:%.+]] = arith.cmpi sle, [[A]], [[B]] : i32
// CHECK-NEXT: linalg.yield [[C]] : i1
// CHECK: linalg.generic {{.+}} ins([[STR]] : tensor<?xi32>) outs(%{{.+}} : tensor<?xi1>)
// CHECK-NEXT: ^bb0([[A:%.+]]: i32, %{{.+}}: i1):
// CHECK-NEXT: [[B:%.+]] = arith.constant 1 : i32
// CHECK-NEXT: [[C:%.+]] = arith.cmpi sge, [[A]], [[B]] : i32
// CHECK-NEXT: linalg.yield [[C]] : i1
module attributes {rasp.vocabulary = ["a", "c"]} {
  func.func @cmp_string() -> !rasp.sop<i1> {
    %x = rasp.tokens : !rasp.sop<!rasp.string>
    %y = rasp.constant "b" : !rasp.sop<!rasp.string>
    %c0 = rasp.cmp eq, %x, %y : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string>
    %c1 = rasp.cmp ne, %x, %y : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string>
    %c2 = rasp.cmp lt, %x, %y : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string>
    %c3 = rasp.cmp gt, %x, %y : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string>
    %c4 = rasp.cmp le, %x, %y : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string>
    %c5 = rasp.cmp ge, %x, %y : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string>
    %o0 = rasp.or %c0, %c1 : !rasp.sop<i1>
    %o1 = rasp.or %o0, %c2 : !rasp.sop<i1>
    %o2 = rasp.or %o1, %c3 : !rasp.sop<i1>
    %o3 = rasp.or %o2, %c4 : !rasp.sop<i1>
    %o4 = rasp.or %o3, %c5 : !rasp.sop<i1>
    return %o4 : !rasp.sop<i1>
  }
}

// -----

// bool <pred> bool: unsigned i1 compares (False < True).
// CHECK-LABEL: func.func @cmp_bool(
// CHECK-SAME: [[BOOL:%[a-z0-9]+]]: tensor<?xi1>, {{%[a-z0-9]+}}: memref<?xi1>)
// CHECK: [[NOT:%.+]] = linalg.generic {{.+}} ins([[BOOL]] : tensor<?xi1>)
// CHECK: arith.xori
// CHECK: linalg.generic {{.+}} ins([[BOOL]], [[NOT]] : tensor<?xi1>, tensor<?xi1>) outs(%{{.+}} : tensor<?xi1>)
// CHECK-NEXT: ^bb0([[A:%.+]]: i1, [[B:%.+]]: i1, %{{.+}}: i1):
// CHECK-NEXT: [[C:%.+]] = arith.cmpi eq, [[A]], [[B]] : i1
// CHECK-NEXT: linalg.yield [[C]] : i1
// CHECK: linalg.generic {{.+}} ins([[BOOL]], [[NOT]] : tensor<?xi1>, tensor<?xi1>) outs(%{{.+}} : tensor<?xi1>)
// CHECK-NEXT: ^bb0([[A:%.+]]: i1, [[B:%.+]]: i1, %{{.+}}: i1):
// CHECK-NEXT: [[C:%.+]] = arith.cmpi ne, [[A]], [[B]] : i1
// CHECK-NEXT: linalg.yield [[C]] : i1
// CHECK: linalg.generic {{.+}} ins([[BOOL]], [[NOT]] : tensor<?xi1>, tensor<?xi1>) outs(%{{.+}} : tensor<?xi1>)
// CHECK-NEXT: ^bb0([[A:%.+]]: i1, [[B:%.+]]: i1, %{{.+}}: i1):
// CHECK-NEXT: [[C:%.+]] = arith.cmpi ult, [[A]], [[B]] : i1
// CHECK-NEXT: linalg.yield [[C]] : i1
// CHECK: linalg.generic {{.+}} ins([[BOOL]], [[NOT]] : tensor<?xi1>, tensor<?xi1>) outs(%{{.+}} : tensor<?xi1>)
// CHECK-NEXT: ^bb0([[A:%.+]]: i1, [[B:%.+]]: i1, %{{.+}}: i1):
// CHECK-NEXT: [[C:%.+]] = arith.cmpi ugt, [[A]], [[B]] : i1
// CHECK-NEXT: linalg.yield [[C]] : i1
// CHECK: linalg.generic {{.+}} ins([[BOOL]], [[NOT]] : tensor<?xi1>, tensor<?xi1>) outs(%{{.+}} : tensor<?xi1>)
// CHECK-NEXT: ^bb0([[A:%.+]]: i1, [[B:%.+]]: i1, %{{.+}}: i1):
// CHECK-NEXT: [[C:%.+]] = arith.cmpi ule, [[A]], [[B]] : i1
// CHECK-NEXT: linalg.yield [[C]] : i1
// CHECK: linalg.generic {{.+}} ins([[BOOL]], [[NOT]] : tensor<?xi1>, tensor<?xi1>) outs(%{{.+}} : tensor<?xi1>)
// CHECK-NEXT: ^bb0([[A:%.+]]: i1, [[B:%.+]]: i1, %{{.+}}: i1):
// CHECK-NEXT: [[C:%.+]] = arith.cmpi uge, [[A]], [[B]] : i1
// CHECK-NEXT: linalg.yield [[C]] : i1
func.func @cmp_bool() -> !rasp.sop<i1> {
  %x = rasp.tokens : !rasp.sop<i1>
  %y = rasp.not %x : !rasp.sop<i1> -> !rasp.sop<i1>
  %c0 = rasp.cmp eq, %x, %y : !rasp.sop<i1>, !rasp.sop<i1>
  %c1 = rasp.cmp ne, %x, %y : !rasp.sop<i1>, !rasp.sop<i1>
  %c2 = rasp.cmp lt, %x, %y : !rasp.sop<i1>, !rasp.sop<i1>
  %c3 = rasp.cmp gt, %x, %y : !rasp.sop<i1>, !rasp.sop<i1>
  %c4 = rasp.cmp le, %x, %y : !rasp.sop<i1>, !rasp.sop<i1>
  %c5 = rasp.cmp ge, %x, %y : !rasp.sop<i1>, !rasp.sop<i1>
  %o0 = rasp.or %c0, %c1 : !rasp.sop<i1>
  %o1 = rasp.or %o0, %c2 : !rasp.sop<i1>
  %o2 = rasp.or %o1, %c3 : !rasp.sop<i1>
  %o3 = rasp.or %o2, %c4 : !rasp.sop<i1>
  %o4 = rasp.or %o3, %c5 : !rasp.sop<i1>
  return %o4 : !rasp.sop<i1>
}

// -----

// and, or, not on i1, operands in order; `not` is xor with true.
// CHECK-LABEL: func.func @logic(
// CHECK-SAME: {{%[a-z0-9]+}}: tensor<?xi32>, [[INT:%[a-z0-9]+]]: tensor<?xi64>, {{%[a-z0-9]+}}: tensor<?xf64>, [[BOOL:%[a-z0-9]+]]: tensor<?xi1>
// CHECK: [[POS:%.+]] = linalg.generic {{.+}} ins([[INT]] : tensor<?xi64>) outs(%{{.+}} : tensor<?xi1>)
// CHECK: arith.cmpi sgt
// CHECK: [[AND:%.+]] = linalg.generic {{.+}} ins([[BOOL]], [[POS]] : tensor<?xi1>, tensor<?xi1>) outs(%{{.+}} : tensor<?xi1>)
// CHECK-NEXT: ^bb0([[A:%.+]]: i1, [[B:%.+]]: i1, %{{.+}}: i1):
// CHECK-NEXT: [[R:%.+]] = arith.andi [[A]], [[B]] : i1
// CHECK-NEXT: linalg.yield [[R]] : i1
// CHECK: [[NOT:%.+]] = linalg.generic {{.+}} ins([[AND]] : tensor<?xi1>) outs(%{{.+}} : tensor<?xi1>)
// CHECK-NEXT: ^bb0([[A:%.+]]: i1, %{{.+}}: i1):
// CHECK-NEXT: [[T:%.+]] = arith.constant true
// CHECK-NEXT: [[R:%.+]] = arith.xori [[A]], [[T]] : i1
// CHECK-NEXT: linalg.yield [[R]] : i1
// CHECK: [[OR:%.+]] = linalg.generic {{.+}} ins([[NOT]], [[BOOL]] : tensor<?xi1>, tensor<?xi1>) outs(%{{.+}} : tensor<?xi1>)
// CHECK-NEXT: ^bb0([[A:%.+]]: i1, [[B:%.+]]: i1, %{{.+}}: i1):
// CHECK-NEXT: [[R:%.+]] = arith.ori [[A]], [[B]] : i1
// CHECK-NEXT: linalg.yield [[R]] : i1
// CHECK: bufferization.materialize_in_destination [[OR]]
func.func @logic() -> !rasp.sop<i1> {
  %b = rasp.tokens : !rasp.sop<i1>
  %i = rasp.tokens : !rasp.sop<i64>
  %z = rasp.constant 0 : !rasp.sop<i64>
  %c = rasp.cmp gt, %i, %z : !rasp.sop<i64>, !rasp.sop<i64>
  %a = rasp.and %b, %c : !rasp.sop<i1>
  %n = rasp.not %a : !rasp.sop<i1> -> !rasp.sop<i1>
  %o = rasp.or %n, %b : !rasp.sop<i1>
  return %o : !rasp.sop<i1>
}

// -----

// where: select(cond, true value, false value); an int branch is promoted
// when the result is float (here the true branch, then the false one).
// CHECK-LABEL: func.func @where_int_float(
// CHECK-SAME: {{%[a-z0-9]+}}: tensor<?xi32>, [[INT:%[a-z0-9]+]]: tensor<?xi64>, {{%[a-z0-9]+}}: tensor<?xf64>, [[BOOL:%[a-z0-9]+]]: tensor<?xi1>
// CHECK: linalg.generic {{.+}} ins([[BOOL]], [[INT]] : tensor<?xi1>, tensor<?xi64>) outs(%{{.+}} : tensor<?xf64>)
// CHECK-NEXT: ^bb0([[C:%.+]]: i1, [[A:%.+]]: i64, %{{.+}}: f64):
// CHECK-NEXT: [[F:%.+]] = arith.constant 5.000000e-01 : f64
// CHECK-NEXT: [[AF:%.+]] = arith.sitofp [[A]] : i64 to f64
// CHECK-NEXT: [[R:%.+]] = arith.select [[C]], [[AF]], [[F]] : f64
// CHECK-NEXT: linalg.yield [[R]] : f64
func.func @where_int_float() -> !rasp.sop<f64> {
  %b = rasp.tokens : !rasp.sop<i1>
  %i = rasp.tokens : !rasp.sop<i64>
  %f = rasp.constant 0.5 : !rasp.sop<f64>
  %r = rasp.where %b, %i, %f : !rasp.sop<i64>, !rasp.sop<f64> -> !rasp.sop<f64>
  return %r : !rasp.sop<f64>
}

// CHECK-LABEL: func.func @where_float_int(
// CHECK-SAME: {{%[a-z0-9]+}}: tensor<?xi32>, [[INT:%[a-z0-9]+]]: tensor<?xi64>, [[FLT:%[a-z0-9]+]]: tensor<?xf64>, [[BOOL:%[a-z0-9]+]]: tensor<?xi1>
// CHECK: linalg.generic {{.+}} ins([[BOOL]], [[FLT]], [[INT]] : tensor<?xi1>, tensor<?xf64>, tensor<?xi64>) outs(%{{.+}} : tensor<?xf64>)
// CHECK-NEXT: ^bb0([[C:%.+]]: i1, [[A:%.+]]: f64, [[B:%.+]]: i64, %{{.+}}: f64):
// CHECK-NEXT: [[BF:%.+]] = arith.sitofp [[B]] : i64 to f64
// CHECK-NEXT: [[R:%.+]] = arith.select [[C]], [[A]], [[BF]] : f64
// CHECK-NEXT: linalg.yield [[R]] : f64
func.func @where_float_int() -> !rasp.sop<f64> {
  %b = rasp.tokens : !rasp.sop<i1>
  %i = rasp.tokens : !rasp.sop<i64>
  %f = rasp.tokens : !rasp.sop<f64>
  %r = rasp.where %b, %f, %i : !rasp.sop<f64>, !rasp.sop<i64> -> !rasp.sop<f64>
  return %r : !rasp.sop<f64>
}

// int branches stay int.
// CHECK-LABEL: func.func @where_int_int(
// CHECK: ^bb0([[C:%.+]]: i1, [[A:%.+]]: i64, [[B:%.+]]: i64, %{{.+}}: i64):
// CHECK-NEXT: [[R:%.+]] = arith.select [[C]], [[A]], [[B]] : i64
// CHECK-NEXT: linalg.yield [[R]] : i64
func.func @where_int_int() -> !rasp.sop<i64> {
  %b = rasp.tokens : !rasp.sop<i1>
  %i = rasp.tokens : !rasp.sop<i64>
  %j = rasp.indices : !rasp.sop<i64>
  %r = rasp.where %b, %i, %j : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  return %r : !rasp.sop<i64>
}

// -----

// where on strings selects ids: "x" is id 2 of ["a", "b", "x"].
// CHECK-LABEL: func.func @where_string(
// CHECK-SAME: [[STR:%[a-z0-9]+]]: tensor<?xi32>, {{%[a-z0-9]+}}: tensor<?xi64>, {{%[a-z0-9]+}}: tensor<?xf64>, [[BOOL:%[a-z0-9]+]]: tensor<?xi1>
// CHECK: linalg.generic {{.+}} ins([[BOOL]], [[STR]] : tensor<?xi1>, tensor<?xi32>) outs(%{{.+}} : tensor<?xi32>)
// CHECK-NEXT: ^bb0([[C:%.+]]: i1, [[A:%.+]]: i32, %{{.+}}: i32):
// CHECK-NEXT: [[X:%.+]] = arith.constant 2 : i32
// CHECK-NEXT: [[R:%.+]] = arith.select [[C]], [[X]], [[A]] : i32
// CHECK-NEXT: linalg.yield [[R]] : i32
module attributes {rasp.vocabulary = ["a", "b"]} {
  func.func @where_string() -> !rasp.sop<!rasp.string> {
    %b = rasp.tokens : !rasp.sop<i1>
    %t = rasp.tokens : !rasp.sop<!rasp.string>
    %x = rasp.constant "x" : !rasp.sop<!rasp.string>
    %r = rasp.where %b, %x, %t : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string> -> !rasp.sop<!rasp.string>
    return %r : !rasp.sop<!rasp.string>
  }
}
