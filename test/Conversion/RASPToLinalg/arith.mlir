// Arithmetic maps with Python's semantics: int op int stays i64, a float
// operand promotes the other with sitofp; `/` is always float; `%` is
// floored; division by zero, rounding a float outside [-2^63, 2^63) and
// 0 ** negative are run-time checks calling @rasp_runtime_error(code, op_id,
// first position).
// RUN: rasp-opt %s -convert-rasp-to-linalg -split-input-file | FileCheck %s

// CHECK: func.func private @rasp_runtime_error(i64, i64, i64)

// CHECK-LABEL: func.func @add_int_int(
// CHECK-SAME: {{%[a-z0-9]+}}: tensor<?xi8>, [[INT:%[a-z0-9]+]]: tensor<?xi64>
// CHECK: [[IDX:%.+]] = linalg.generic
// CHECK: linalg.index 0
// CHECK: [[R:%.+]] = linalg.generic {{.+}} ins([[INT]], [[IDX]] : tensor<?xi64>, tensor<?xi64>) outs(%{{.+}} : tensor<?xi64>)
// CHECK-NEXT: ^bb0([[A:%.+]]: i64, [[B:%.+]]: i64, %{{.+}}: i64):
// CHECK-NEXT: [[S:%.+]] = arith.addi [[A]], [[B]] : i64
// CHECK-NEXT: linalg.yield [[S]] : i64
// CHECK: bufferization.materialize_in_destination [[R]]
func.func @add_int_int() -> !rasp.sop<i64> {
  %i = rasp.tokens : !rasp.sop<i64>
  %j = rasp.indices : !rasp.sop<i64>
  %r = rasp.add %i, %j : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  return %r : !rasp.sop<i64>
}

// int + float: the int operand (lhs) is converted, the float one is not.
// CHECK-LABEL: func.func @add_int_float(
// CHECK-SAME: {{%[a-z0-9]+}}: tensor<?xi8>, [[INT:%[a-z0-9]+]]: tensor<?xi64>, [[FLT:%[a-z0-9]+]]: tensor<?xf64>
// CHECK: linalg.generic {{.+}} ins([[INT]], [[FLT]] : tensor<?xi64>, tensor<?xf64>) outs(%{{.+}} : tensor<?xf64>)
// CHECK-NEXT: ^bb0([[A:%.+]]: i64, [[B:%.+]]: f64, %{{.+}}: f64):
// CHECK-NEXT: [[AF:%.+]] = arith.sitofp [[A]] : i64 to f64
// CHECK-NEXT: [[S:%.+]] = arith.addf [[AF]], [[B]] : f64
// CHECK-NEXT: linalg.yield [[S]] : f64
func.func @add_int_float() -> !rasp.sop<f64> {
  %i = rasp.tokens : !rasp.sop<i64>
  %f = rasp.tokens : !rasp.sop<f64>
  %r = rasp.add %i, %f : !rasp.sop<i64>, !rasp.sop<f64> -> !rasp.sop<f64>
  return %r : !rasp.sop<f64>
}

// float - int: operand order is kept (lhs - rhs), the int rhs is converted.
// CHECK-LABEL: func.func @sub_float_int(
// CHECK-SAME: {{%[a-z0-9]+}}: tensor<?xi8>, [[INT:%[a-z0-9]+]]: tensor<?xi64>, [[FLT:%[a-z0-9]+]]: tensor<?xf64>
// CHECK: linalg.generic {{.+}} ins([[FLT]], [[INT]] : tensor<?xf64>, tensor<?xi64>) outs(%{{.+}} : tensor<?xf64>)
// CHECK-NEXT: ^bb0([[A:%.+]]: f64, [[B:%.+]]: i64, %{{.+}}: f64):
// CHECK-NEXT: [[BF:%.+]] = arith.sitofp [[B]] : i64 to f64
// CHECK-NEXT: [[S:%.+]] = arith.subf [[A]], [[BF]] : f64
// CHECK-NEXT: linalg.yield [[S]] : f64
func.func @sub_float_int() -> !rasp.sop<f64> {
  %i = rasp.tokens : !rasp.sop<i64>
  %f = rasp.tokens : !rasp.sop<f64>
  %r = rasp.sub %f, %i : !rasp.sop<f64>, !rasp.sop<i64> -> !rasp.sop<f64>
  return %r : !rasp.sop<f64>
}

// A constant operand is folded into the body, not read from a tensor.
// CHECK-LABEL: func.func @mul_int_const(
// CHECK-SAME: {{%[a-z0-9]+}}: tensor<?xi8>, [[INT:%[a-z0-9]+]]: tensor<?xi64>
// CHECK: linalg.generic {{.+}} ins([[INT]] : tensor<?xi64>) outs(%{{.+}} : tensor<?xi64>)
// CHECK-NEXT: ^bb0([[A:%.+]]: i64, %{{.+}}: i64):
// CHECK-NEXT: [[C:%.+]] = arith.constant 3 : i64
// CHECK-NEXT: [[M:%.+]] = arith.muli [[A]], [[C]] : i64
// CHECK-NEXT: linalg.yield [[M]] : i64
func.func @mul_int_const() -> !rasp.sop<i64> {
  %i = rasp.tokens : !rasp.sop<i64>
  %c = rasp.constant 3 : !rasp.sop<i64>
  %r = rasp.mul %i, %c : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  return %r : !rasp.sop<i64>
}

// An int constant in a float product becomes an f64 constant.
// CHECK-LABEL: func.func @mul_float_int_const(
// CHECK: linalg.generic {{.+}} outs(%{{.+}} : tensor<?xf64>)
// CHECK-NEXT: ^bb0([[A:%.+]]: f64, %{{.+}}: f64):
// CHECK-NEXT: [[C:%.+]] = arith.constant 2 : i64
// CHECK-NEXT: [[CF:%.+]] = arith.sitofp [[C]] : i64 to f64
// CHECK-NEXT: [[M:%.+]] = arith.mulf [[A]], [[CF]] : f64
// CHECK-NEXT: linalg.yield [[M]] : f64
func.func @mul_float_int_const() -> !rasp.sop<f64> {
  %f = rasp.tokens : !rasp.sop<f64>
  %c = rasp.constant 2 : !rasp.sop<i64>
  %r = rasp.mul %f, %c : !rasp.sop<f64>, !rasp.sop<i64> -> !rasp.sop<f64>
  return %r : !rasp.sop<f64>
}

// -----

// int / int is a float division. The divisor (operand 1, here indices) is
// checked first: the first position where it is 0 (min-reduction starting at
// n), and if that is < n, rasp_runtime_error(3 = division by zero, op id,
// position).
// CHECK-LABEL: func.func @div_int_int(
// CHECK-SAME: [[STR:%[a-z0-9]+]]: tensor<?xi8>, [[INT:%[a-z0-9]+]]: tensor<?xi64>
// CHECK: [[IDX:%.+]] = linalg.generic
// CHECK: [[N:%.+]] = tensor.dim [[STR]]
// CHECK: [[N64:%.+]] = arith.index_cast [[N]] : index to i64
// CHECK: [[INIT:%.+]] = linalg.fill ins([[N64]] : i64) outs(%{{.+}} : tensor<i64>)
// CHECK: [[FIRST:%.+]] = linalg.generic {indexing_maps = [#{{.+}}, #{{.+}}, #[[SCALAR:.+]]], iterator_types = ["reduction"]} ins([[INT]], [[IDX]] : tensor<?xi64>, tensor<?xi64>) outs([[INIT]] : tensor<i64>)
// CHECK-NEXT: ^bb0(%{{.+}}: i64, [[DIVISOR:%.+]]: i64, [[ACC:%.+]]: i64):
// CHECK-NEXT: [[ZERO:%.+]] = arith.constant 0 : i64
// CHECK-NEXT: [[BAD:%.+]] = arith.cmpi eq, [[DIVISOR]], [[ZERO]] : i64
// CHECK-NEXT: [[P:%.+]] = linalg.index 0 : index
// CHECK-NEXT: [[P64:%.+]] = arith.index_cast [[P]] : index to i64
// CHECK-NEXT: [[CAND:%.+]] = arith.select [[BAD]], [[P64]], [[ACC]] : i64
// CHECK-NEXT: [[MIN:%.+]] = arith.minsi [[CAND]], [[ACC]] : i64
// CHECK-NEXT: linalg.yield [[MIN]] : i64
// CHECK: [[POS:%.+]] = tensor.extract [[FIRST]][] : tensor<i64>
// CHECK-NEXT: [[ANY:%.+]] = arith.cmpi slt, [[POS]], [[N64]] : i64
// CHECK-NEXT: scf.if [[ANY]] {
// CHECK-NEXT: [[CODE:%.+]] = arith.constant 3 : i64
// CHECK-NEXT: [[ID:%.+]] = arith.constant 7 : i64
// CHECK-NEXT: func.call @rasp_runtime_error([[CODE]], [[ID]], [[POS]]) : (i64, i64, i64) -> ()
// CHECK-NEXT: }
// CHECK: linalg.generic {{.+}} ins([[INT]], [[IDX]] : tensor<?xi64>, tensor<?xi64>) outs(%{{.+}} : tensor<?xf64>)
// CHECK-NEXT: ^bb0([[A:%.+]]: i64, [[B:%.+]]: i64, %{{.+}}: f64):
// CHECK-NEXT: [[AF:%.+]] = arith.sitofp [[A]] : i64 to f64
// CHECK-NEXT: [[BF:%.+]] = arith.sitofp [[B]] : i64 to f64
// CHECK-NEXT: [[Q:%.+]] = arith.divf [[AF]], [[BF]] : f64
// CHECK-NEXT: linalg.yield [[Q]] : f64
// CHECK: #[[SCALAR]] = affine_map<(d0) -> ()>
func.func @div_int_int() -> !rasp.sop<f64> {
  %i = rasp.tokens : !rasp.sop<i64>
  %j = rasp.indices : !rasp.sop<i64>
  %r = rasp.div %i, %j {rasp.op_id = 7 : i64} : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<f64>
  return %r : !rasp.sop<f64>
}

// -----

// A float divisor is compared with 0.0 (ordered: nan is no zero); without
// rasp.op_id the id is -1.
// CHECK-LABEL: func.func @div_float(
// CHECK-SAME: {{%[a-z0-9]+}}: tensor<?xi8>, [[INT:%[a-z0-9]+]]: tensor<?xi64>, [[FLT:%[a-z0-9]+]]: tensor<?xf64>
// CHECK: linalg.generic {{.+}} iterator_types = ["reduction"]} ins([[INT]], [[FLT]] : tensor<?xi64>, tensor<?xf64>)
// CHECK-NEXT: ^bb0(%{{.+}}: i64, [[DIVISOR:%.+]]: f64, %{{.+}}: i64):
// CHECK-NEXT: [[ZERO:%.+]] = arith.constant 0.000000e+00 : f64
// CHECK-NEXT: arith.cmpf oeq, [[DIVISOR]], [[ZERO]] : f64
// CHECK: scf.if
// CHECK-NEXT: [[CODE:%.+]] = arith.constant 3 : i64
// CHECK-NEXT: [[ID:%.+]] = arith.constant -1 : i64
// CHECK-NEXT: func.call @rasp_runtime_error([[CODE]], [[ID]], %{{.+}})
func.func @div_float() -> !rasp.sop<f64> {
  %i = rasp.tokens : !rasp.sop<i64>
  %f = rasp.tokens : !rasp.sop<f64>
  %r = rasp.div %i, %f : !rasp.sop<i64>, !rasp.sop<f64> -> !rasp.sop<f64>
  return %r : !rasp.sop<f64>
}

// -----

// A non-zero constant divisor needs no check.
// CHECK-LABEL: func.func @div_by_nonzero_constant(
// CHECK-NOT: scf.if
// CHECK-NOT: @rasp_runtime_error
// CHECK: arith.divf
// CHECK-NOT: @rasp_runtime_error
// CHECK: return
func.func @div_by_nonzero_constant() -> !rasp.sop<f64> {
  %f = rasp.tokens : !rasp.sop<f64>
  %c = rasp.constant 4 : !rasp.sop<i64>
  %r = rasp.div %f, %c : !rasp.sop<f64>, !rasp.sop<i64> -> !rasp.sop<f64>
  return %r : !rasp.sop<f64>
}

// -----

// A zero constant divisor: the check reports position 0 (if n > 0).
// CHECK-LABEL: func.func @mod_by_zero_constant(
// CHECK: linalg.generic {{.+}} iterator_types = ["reduction"]}
// CHECK: [[ZERO:%.+]] = arith.constant 0 : i64
// CHECK: arith.cmpi eq, [[ZERO]], %{{.+}} : i64
// CHECK: scf.if
// CHECK-NEXT: [[CODE:%.+]] = arith.constant 3 : i64
// CHECK-NEXT: [[ID:%.+]] = arith.constant 2 : i64
// CHECK-NEXT: func.call @rasp_runtime_error([[CODE]], [[ID]], %{{.+}})
func.func @mod_by_zero_constant() -> !rasp.sop<i64> {
  %i = rasp.tokens : !rasp.sop<i64>
  %c = rasp.constant 0 : !rasp.sop<i64>
  %r = rasp.mod %i, %c {rasp.op_id = 2 : i64} : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  return %r : !rasp.sop<i64>
}

// -----

// Python's floored int %: r = x rem d (d replaced by 1 when it is 0 or -1, so
// that INT64_MIN % -1 cannot trap), then r + d where r != 0 and the signs of
// r and d differ: -3 % 4 == 1, 3 % -4 == -1.
// CHECK-LABEL: func.func @mod_int(
// CHECK-SAME: {{%[a-z0-9]+}}: tensor<?xi8>, [[INT:%[a-z0-9]+]]: tensor<?xi64>
// CHECK: linalg.generic {{.+}} iterator_types = ["reduction"]} ins([[INT]], [[IDX:%.+]] : tensor<?xi64>, tensor<?xi64>)
// CHECK: linalg.generic {{.+}} iterator_types = ["parallel"]} ins([[INT]], [[IDX]] : tensor<?xi64>, tensor<?xi64>) outs(%{{.+}} : tensor<?xi64>)
// CHECK-NEXT: ^bb0([[X:%.+]]: i64, [[D:%.+]]: i64, %{{.+}}: i64):
// CHECK-NEXT: [[C0:%.+]] = arith.constant 0 : i64
// CHECK-NEXT: [[C1:%.+]] = arith.constant 1 : i64
// CHECK-NEXT: [[CM1:%.+]] = arith.constant -1 : i64
// CHECK-NEXT: [[ISZERO:%.+]] = arith.cmpi eq, [[D]], [[C0]] : i64
// CHECK-NEXT: [[ISM1:%.+]] = arith.cmpi eq, [[D]], [[CM1]] : i64
// CHECK-NEXT: [[UNSAFE:%.+]] = arith.ori [[ISZERO]], [[ISM1]] : i1
// CHECK-NEXT: [[DIV:%.+]] = arith.select [[UNSAFE]], [[C1]], [[D]] : i64
// CHECK-NEXT: [[REM:%.+]] = arith.remsi [[X]], [[DIV]] : i64
// CHECK-NEXT: [[NZ:%.+]] = arith.cmpi ne, [[REM]], [[C0]] : i64
// CHECK-NEXT: [[RNEG:%.+]] = arith.cmpi slt, [[REM]], [[C0]] : i64
// CHECK-NEXT: [[DNEG:%.+]] = arith.cmpi slt, [[DIV]], [[C0]] : i64
// CHECK-NEXT: [[DIFF:%.+]] = arith.xori [[RNEG]], [[DNEG]] : i1
// CHECK-NEXT: [[ADJ:%.+]] = arith.andi [[NZ]], [[DIFF]] : i1
// CHECK-NEXT: [[SUM:%.+]] = arith.addi [[REM]], [[DIV]] : i64
// CHECK-NEXT: [[RES:%.+]] = arith.select [[ADJ]], [[SUM]], [[REM]] : i64
// CHECK-NEXT: linalg.yield [[RES]] : i64
func.func @mod_int() -> !rasp.sop<i64> {
  %i = rasp.tokens : !rasp.sop<i64>
  %j = rasp.indices : !rasp.sop<i64>
  %r = rasp.mod %i, %j : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  return %r : !rasp.sop<i64>
}

// Floored float %: remf, then + d where r != 0 and the signs differ; a
// zero result takes the divisor's sign (Python's -6.0 % 3 is 0.0).
// CHECK-LABEL: func.func @mod_float(
// CHECK-SAME: {{%[a-z0-9]+}}: tensor<?xi8>, [[INT:%[a-z0-9]+]]: tensor<?xi64>, [[FLT:%[a-z0-9]+]]: tensor<?xf64>
// CHECK: linalg.generic {{.+}} iterator_types = ["reduction"]} ins([[FLT]], [[INT]] : tensor<?xf64>, tensor<?xi64>)
// CHECK: linalg.generic {{.+}} iterator_types = ["parallel"]} ins([[FLT]], [[INT]] : tensor<?xf64>, tensor<?xi64>) outs(%{{.+}} : tensor<?xf64>)
// CHECK-NEXT: ^bb0([[X:%.+]]: f64, [[D:%.+]]: i64, %{{.+}}: f64):
// CHECK-NEXT: [[DF:%.+]] = arith.sitofp [[D]] : i64 to f64
// CHECK-NEXT: [[C0:%.+]] = arith.constant 0.000000e+00 : f64
// CHECK-NEXT: [[REM:%.+]] = arith.remf [[X]], [[DF]] : f64
// CHECK-NEXT: [[NZ:%.+]] = arith.cmpf one, [[REM]], [[C0]] : f64
// CHECK-NEXT: [[RNEG:%.+]] = arith.cmpf olt, [[REM]], [[C0]] : f64
// CHECK-NEXT: [[DNEG:%.+]] = arith.cmpf olt, [[DF]], [[C0]] : f64
// CHECK-NEXT: [[DIFF:%.+]] = arith.xori [[RNEG]], [[DNEG]] : i1
// CHECK-NEXT: [[ADJ:%.+]] = arith.andi [[NZ]], [[DIFF]] : i1
// CHECK-NEXT: [[SUM:%.+]] = arith.addf [[REM]], [[DF]] : f64
// CHECK-NEXT: [[FLOORED:%.+]] = arith.select [[ADJ]], [[SUM]], [[REM]] : f64
// CHECK-NEXT: [[ZERO:%.+]] = arith.cmpf oeq, [[REM]], [[C0]] : f64
// CHECK-NEXT: [[SIGNED:%.+]] = math.copysign [[C0]], [[DF]] : f64
// CHECK-NEXT: [[RES:%.+]] = arith.select [[ZERO]], [[SIGNED]], [[FLOORED]] : f64
// CHECK-NEXT: linalg.yield [[RES]] : f64
func.func @mod_float() -> !rasp.sop<f64> {
  %f = rasp.tokens : !rasp.sop<f64>
  %i = rasp.tokens : !rasp.sop<i64>
  %r = rasp.mod %f, %i : !rasp.sop<f64>, !rasp.sop<i64> -> !rasp.sop<f64>
  return %r : !rasp.sop<f64>
}

// -----

// int ** int with an int result: math.ipowi, no check.
// CHECK-LABEL: func.func @pow_int(
// CHECK-SAME: {{%[a-z0-9]+}}: tensor<?xi8>, [[INT:%[a-z0-9]+]]: tensor<?xi64>
// CHECK-NOT: scf.if
// CHECK: linalg.generic {{.+}} ins([[INT]] : tensor<?xi64>) outs(%{{.+}} : tensor<?xi64>)
// CHECK-NEXT: ^bb0([[X:%.+]]: i64, %{{.+}}: i64):
// CHECK-NEXT: [[E:%.+]] = arith.constant 2 : i64
// CHECK-NEXT: [[P:%.+]] = math.ipowi [[X]], [[E]] : i64
// CHECK-NEXT: linalg.yield [[P]] : i64
func.func @pow_int() -> !rasp.sop<i64> {
  %i = rasp.tokens : !rasp.sop<i64>
  %c = rasp.constant 2 : !rasp.sop<i64>
  %r = rasp.pow %i, %c : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  return %r : !rasp.sop<i64>
}

// A float power: math.powf on promoted operands, after the check for
// 0 ** negative (code 6).
// CHECK-LABEL: func.func @pow_float(
// CHECK-SAME: {{%[a-z0-9]+}}: tensor<?xi8>, [[INT:%[a-z0-9]+]]: tensor<?xi64>, [[FLT:%[a-z0-9]+]]: tensor<?xf64>
// CHECK: linalg.generic {{.+}} iterator_types = ["reduction"]} ins([[INT]], [[FLT]] : tensor<?xi64>, tensor<?xf64>)
// CHECK-NEXT: ^bb0([[B:%.+]]: i64, [[E:%.+]]: f64, %{{.+}}: i64):
// CHECK-NEXT: [[Z:%.+]] = arith.constant 0.000000e+00 : f64
// CHECK-NEXT: [[BF:%.+]] = arith.sitofp [[B]] : i64 to f64
// CHECK-NEXT: [[BZ:%.+]] = arith.cmpf oeq, [[BF]], [[Z]] : f64
// CHECK-NEXT: [[EN:%.+]] = arith.cmpf olt, [[E]], [[Z]] : f64
// CHECK-NEXT: [[BAD:%.+]] = arith.andi [[BZ]], [[EN]] : i1
// CHECK-NEXT: linalg.index 0
// CHECK-NEXT: arith.index_cast
// CHECK-NEXT: arith.select [[BAD]]
// CHECK: scf.if
// CHECK-NEXT: [[CODE:%.+]] = arith.constant 6 : i64
// CHECK-NEXT: [[ID:%.+]] = arith.constant 9 : i64
// CHECK-NEXT: func.call @rasp_runtime_error([[CODE]], [[ID]], %{{.+}})
// CHECK: linalg.generic {{.+}} iterator_types = ["parallel"]} ins([[INT]], [[FLT]] : tensor<?xi64>, tensor<?xf64>) outs(%{{.+}} : tensor<?xf64>)
// CHECK-NEXT: ^bb0([[B:%.+]]: i64, [[E:%.+]]: f64, %{{.+}}: f64):
// CHECK-NEXT: [[BF:%.+]] = arith.sitofp [[B]] : i64 to f64
// CHECK-NEXT: [[P:%.+]] = math.powf [[BF]], [[E]] : f64
// CHECK-NEXT: linalg.yield [[P]] : f64
func.func @pow_float() -> !rasp.sop<f64> {
  %i = rasp.tokens : !rasp.sop<i64>
  %f = rasp.tokens : !rasp.sop<f64>
  %r = rasp.pow %i, %f {rasp.op_id = 9 : i64} : !rasp.sop<i64>, !rasp.sop<f64> -> !rasp.sop<f64>
  return %r : !rasp.sop<f64>
}

// -----

// CHECK-LABEL: func.func @neg_int(
// CHECK: ^bb0([[X:%.+]]: i64, %{{.+}}: i64):
// CHECK-NEXT: [[Z:%.+]] = arith.constant 0 : i64
// CHECK-NEXT: [[R:%.+]] = arith.subi [[Z]], [[X]] : i64
// CHECK-NEXT: linalg.yield [[R]] : i64
func.func @neg_int() -> !rasp.sop<i64> {
  %i = rasp.tokens : !rasp.sop<i64>
  %r = rasp.neg %i : !rasp.sop<i64> -> !rasp.sop<i64>
  return %r : !rasp.sop<i64>
}

// CHECK-LABEL: func.func @neg_float(
// CHECK: ^bb0([[X:%.+]]: f64, %{{.+}}: f64):
// CHECK-NEXT: [[R:%.+]] = arith.negf [[X]] : f64
// CHECK-NEXT: linalg.yield [[R]] : f64
func.func @neg_float() -> !rasp.sop<f64> {
  %f = rasp.tokens : !rasp.sop<f64>
  %r = rasp.neg %f : !rasp.sop<f64> -> !rasp.sop<f64>
  return %r : !rasp.sop<f64>
}

// indicator: zero-extension of the bool (true -> 1, not -1). The output is
// i32: 0 and 1 fit.
// CHECK-LABEL: func.func @indicator(
// CHECK-SAME: [[BOOL:%[a-z0-9]+]]: tensor<?xi1>, {{%[a-z0-9]+}}: memref<?xi32>)
// CHECK: linalg.generic {{.+}} ins([[BOOL]] : tensor<?xi1>) outs(%{{.+}} : tensor<?xi64>)
// CHECK-NEXT: ^bb0([[X:%.+]]: i1, %{{.+}}: i64):
// CHECK-NEXT: [[R:%.+]] = arith.extui [[X]] : i1 to i64
// CHECK-NEXT: linalg.yield [[R]] : i64
func.func @indicator() -> !rasp.sop<i64> {
  %b = rasp.tokens : !rasp.sop<i1>
  %r = rasp.indicator %b : !rasp.sop<i1> -> !rasp.sop<i64>
  return %r : !rasp.sop<i64>
}

// -----

// round of a float: half to even, to i64, after the check (code 5) that
// reports the first x whose rounded value is outside the i64 range
// [-2^63, 2^63): roundeven(x) >= -0x1p63 and < 0x1p63 (printed
// -9.2233720368547758E+18 and 9.2233720368547758E+18: exactly -2^63 and 2^63,
// both representable; 2^63 - 1024, the next double below, would print
// 9.2233720368547748E+18). The compares are ordered, so nan fails both.
// CHECK-LABEL: func.func @round_float(
// CHECK-SAME: [[FLT:%[a-z0-9]+]]: tensor<?xf64>
// CHECK: linalg.generic {{.+}} iterator_types = ["reduction"]} ins([[FLT]] : tensor<?xf64>)
// CHECK-NEXT: ^bb0([[X:%.+]]: f64, [[ACC:%.+]]: i64):
// CHECK-NEXT: [[RX:%.+]] = math.roundeven [[X]] : f64
// CHECK-NEXT: [[MIN:%.+]] = arith.constant -9.2233720368547758E+18 : f64
// CHECK-NEXT: [[GE:%.+]] = arith.cmpf oge, [[RX]], [[MIN]] : f64
// CHECK-NEXT: [[MAX:%.+]] = arith.constant 9.2233720368547758E+18 : f64
// CHECK-NEXT: [[LT:%.+]] = arith.cmpf olt, [[RX]], [[MAX]] : f64
// CHECK-NEXT: [[FITS:%.+]] = arith.andi [[GE]], [[LT]] : i1
// CHECK-NEXT: [[T:%.+]] = arith.constant true
// CHECK-NEXT: [[BAD:%.+]] = arith.xori [[FITS]], [[T]] : i1
// CHECK: arith.select [[BAD]], %{{.+}}, [[ACC]] : i64
// CHECK: scf.if
// CHECK-NEXT: [[CODE:%.+]] = arith.constant 5 : i64
// CHECK-NEXT: [[ID:%.+]] = arith.constant 4 : i64
// CHECK-NEXT: func.call @rasp_runtime_error([[CODE]], [[ID]], %{{.+}})
// CHECK: linalg.generic {{.+}} iterator_types = ["parallel"]} ins([[FLT]] : tensor<?xf64>) outs(%{{.+}} : tensor<?xi64>)
// CHECK-NEXT: ^bb0([[X:%.+]]: f64, %{{.+}}: i64):
// CHECK-NEXT: [[RE:%.+]] = math.roundeven [[X]] : f64
// CHECK-NEXT: [[R:%.+]] = arith.fptosi [[RE]] : f64 to i64
// CHECK-NEXT: linalg.yield [[R]] : i64
func.func @round_float() -> !rasp.sop<i64> {
  %f = rasp.tokens : !rasp.sop<f64>
  %r = rasp.round %f {rasp.op_id = 4 : i64} : !rasp.sop<f64> -> !rasp.sop<i64>
  return %r : !rasp.sop<i64>
}

// round of an int is the int itself: no check, no conversion.
// CHECK-LABEL: func.func @round_int(
// CHECK-SAME: {{%[a-z0-9]+}}: tensor<?xi8>, [[INT:%[a-z0-9]+]]: tensor<?xi64>
// CHECK-NOT: scf.if
// CHECK-NOT: math.roundeven
// CHECK: linalg.generic {{.+}} ins([[INT]] : tensor<?xi64>) outs(%{{.+}} : tensor<?xi64>)
// CHECK-NEXT: ^bb0([[X:%.+]]: i64, %{{.+}}: i64):
// CHECK-NEXT: linalg.yield [[X]] : i64
func.func @round_int() -> !rasp.sop<i64> {
  %i = rasp.tokens : !rasp.sop<i64>
  %r = rasp.round %i : !rasp.sop<i64> -> !rasp.sop<i64>
  return %r : !rasp.sop<i64>
}

// -----

// An unused op is not computed, so its check does not run either (the
// reference evaluates only what the output needs): no call for the dead
// division by zero.
// CHECK-LABEL: func.func @dead_division(
// CHECK-SAME: {{%[a-z0-9]+}}: tensor<?xi8>, [[INT:%[a-z0-9]+]]: tensor<?xi64>
// CHECK-NOT: scf.if
// CHECK-NOT: func.call
// CHECK-NOT: arith.divf
// CHECK: bufferization.materialize_in_destination [[INT]]
func.func @dead_division() -> !rasp.sop<i64> {
  %i = rasp.tokens : !rasp.sop<i64>
  %z = rasp.constant 0 : !rasp.sop<i64>
  %d = rasp.div %i, %z : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<f64>
  return %i : !rasp.sop<i64>
}
