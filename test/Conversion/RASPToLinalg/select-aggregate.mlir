// aggregate and selector_width: each becomes ONE linalg.generic over
// (d0 = query: parallel, d1 = key: reduction). The selector is never
// materialized: its tree (select, select_and, select_or, select_not) is
// evaluated in the body at (q, k), entry (q, k) = pred(keys[k], queries[q]),
// keys read with (d0, d1) -> (d1), queries with (d0, d1) -> (d0). indices and
// constants are computed in the body. The body is additive: a masked sum of
// the values and a count; a numeric aggregate is sum / count (the default
// where the count is 0); a string or bool aggregate is the sum where the count
// is 1, and a count above 1 is run-time error 1.
// Widths: string ids are i32, and a string aggregate sums in i32; the count
// is i32 when every select of the tree compares 32-bit (or narrower) values
// (string ids, bools; ints that provably fit in i32, such as indices, see
// narrow-int-keys.mlir) and the values, if any, are too; else i64.
// selector_width then widens its count to i64 with an element-wise generic.
// String ids and outputs keep their computed types (narrow-storage=false): the
// storage narrowing has its own tests (signature.mlir, narrow-storage.mlir).
// RUN: rasp-opt %s -convert-rasp-to-linalg=narrow-storage=false -split-input-file | FileCheck %s

// Numeric aggregate: select(tokens_int, indices, <) averaging tokens_int. The
// keys and the values are the same tensor at the same role: one operand.
// CHECK-DAG: #[[KEY:map[0-9]*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-DAG: #[[QUERY:map[0-9]*]] = affine_map<(d0, d1) -> (d0)>
// CHECK-DAG: #[[ID:map[0-9]*]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @mean(
// CHECK-SAME: {{%[a-z0-9]+}}: tensor<?xi32>, [[INT:%[a-z0-9]+]]: tensor<?xi64>
// CHECK: [[Z1:%.+]] = arith.constant 0 : i64
// CHECK-NEXT: [[SUM0:%.+]] = linalg.fill ins([[Z1]] : i64) outs(%{{.+}} : tensor<?xi64>)
// CHECK: [[Z2:%.+]] = arith.constant 0 : i64
// CHECK-NEXT: [[CNT0:%.+]] = linalg.fill ins([[Z2]] : i64) outs(%{{.+}} : tensor<?xi64>)
// CHECK-NEXT: [[AGG:%.+]]:2 = linalg.generic {indexing_maps = [#[[KEY]], #[[QUERY]], #[[QUERY]]], iterator_types = ["parallel", "reduction"]} ins([[INT]] : tensor<?xi64>) outs([[SUM0]], [[CNT0]] : tensor<?xi64>, tensor<?xi64>)
// CHECK-NEXT: ^bb0([[K:%.+]]: i64, [[SUM:%.+]]: i64, [[CNT:%.+]]: i64):
// CHECK-NEXT: [[Q:%.+]] = linalg.index 0 : index
// CHECK-NEXT: [[Q64:%.+]] = arith.index_cast [[Q]] : index to i64
// CHECK-NEXT: [[SEL:%.+]] = arith.cmpi slt, [[K]], [[Q64]] : i64
// CHECK-NEXT: [[ZERO:%.+]] = arith.constant 0 : i64
// CHECK-NEXT: [[MASKED:%.+]] = arith.select [[SEL]], [[K]], [[ZERO]] : i64
// CHECK-NEXT: [[NSUM:%.+]] = arith.addi [[SUM]], [[MASKED]] : i64
// CHECK-NEXT: [[ONE:%.+]] = arith.extui [[SEL]] : i1 to i64
// CHECK-NEXT: [[NCNT:%.+]] = arith.addi [[CNT]], [[ONE]] : i64
// CHECK-NEXT: linalg.yield [[NSUM]], [[NCNT]] : i64, i64
// CHECK-NOT: "reduction"
// CHECK-NOT: @rasp_runtime_error
// CHECK: [[MEAN:%.+]] = linalg.generic {indexing_maps = [#[[ID]], #[[ID]], #[[ID]]], iterator_types = ["parallel"]} ins([[AGG]]#0, [[AGG]]#1 : tensor<?xi64>, tensor<?xi64>) outs(%{{.+}} : tensor<?xf64>)
// CHECK-NEXT: ^bb0([[S:%.+]]: i64, [[C:%.+]]: i64, %{{.+}}: f64):
// CHECK-NEXT: [[Z:%.+]] = arith.constant 0 : i64
// CHECK-NEXT: [[NONE:%.+]] = arith.cmpi eq, [[C]], [[Z]] : i64
// CHECK-NEXT: [[SF:%.+]] = arith.sitofp [[S]] : i64 to f64
// CHECK-NEXT: [[CF:%.+]] = arith.sitofp [[C]] : i64 to f64
// CHECK-NEXT: [[DIV:%.+]] = arith.divf [[SF]], [[CF]] : f64
// CHECK-NEXT: [[DEF:%.+]] = arith.constant -1.000000e+00 : f64
// CHECK-NEXT: [[R:%.+]] = arith.select [[NONE]], [[DEF]], [[DIV]] : f64
// CHECK-NEXT: linalg.yield [[R]] : f64
// CHECK-NOT: "reduction"
// CHECK: bufferization.materialize_in_destination [[MEAN]]
// CHECK-NOT: rasp.
func.func @mean() -> !rasp.sop<f64> {
  %t = rasp.tokens : !rasp.sop<i64>
  %i = rasp.indices : !rasp.sop<i64>
  %s = rasp.select %t, %i, lt : !rasp.sop<i64>, !rasp.sop<i64>
  %r = rasp.aggregate %s, %t default -1 : !rasp.sop<i64> -> !rasp.sop<f64>
  return %r : !rasp.sop<f64>
}

// -----

// Float values: the sum is f64 (masked with 0.0, added with addf); keys are
// the floats, queries the ints; the values are the floats read at the key.
// CHECK-DAG: #[[KEY:map[0-9]*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-DAG: #[[QUERY:map[0-9]*]] = affine_map<(d0, d1) -> (d0)>
// CHECK-LABEL: func.func @mean_float(
// CHECK-SAME: {{%[a-z0-9]+}}: tensor<?xi32>, [[INT:%[a-z0-9]+]]: tensor<?xi64>, [[FLT:%[a-z0-9]+]]: tensor<?xf64>
// CHECK: [[AGG:%.+]]:2 = linalg.generic {indexing_maps = [#[[KEY]], #[[QUERY]], #[[QUERY]], #[[QUERY]]], iterator_types = ["parallel", "reduction"]} ins([[FLT]], [[INT]] : tensor<?xf64>, tensor<?xi64>) outs(%{{.+}}, %{{.+}} : tensor<?xf64>, tensor<?xi64>)
// CHECK-NEXT: ^bb0([[K:%.+]]: f64, [[Q:%.+]]: i64, [[SUM:%.+]]: f64, [[CNT:%.+]]: i64):
// CHECK-NEXT: [[QF:%.+]] = arith.sitofp [[Q]] : i64 to f64
// CHECK-NEXT: [[SEL:%.+]] = arith.cmpf oge, [[K]], [[QF]] : f64
// CHECK-NEXT: [[ZERO:%.+]] = arith.constant 0.000000e+00 : f64
// CHECK-NEXT: [[MASKED:%.+]] = arith.select [[SEL]], [[K]], [[ZERO]] : f64
// CHECK-NEXT: [[NSUM:%.+]] = arith.addf [[SUM]], [[MASKED]] : f64
// CHECK-NEXT: [[ONE:%.+]] = arith.extui [[SEL]] : i1 to i64
// CHECK-NEXT: [[NCNT:%.+]] = arith.addi [[CNT]], [[ONE]] : i64
// CHECK-NEXT: linalg.yield [[NSUM]], [[NCNT]] : f64, i64
// CHECK: linalg.generic {{.+}} ins([[AGG]]#0, [[AGG]]#1 : tensor<?xf64>, tensor<?xi64>) outs(%{{.+}} : tensor<?xf64>)
// CHECK-NEXT: ^bb0([[S:%.+]]: f64, [[C:%.+]]: i64, %{{.+}}: f64):
// CHECK-NEXT: [[Z:%.+]] = arith.constant 0 : i64
// CHECK-NEXT: [[NONE:%.+]] = arith.cmpi eq, [[C]], [[Z]] : i64
// CHECK-NEXT: [[CF:%.+]] = arith.sitofp [[C]] : i64 to f64
// CHECK-NEXT: [[DIV:%.+]] = arith.divf [[S]], [[CF]] : f64
// CHECK-NEXT: [[DEF:%.+]] = arith.constant 2.500000e+00 : f64
// CHECK-NEXT: [[R:%.+]] = arith.select [[NONE]], [[DEF]], [[DIV]] : f64
func.func @mean_float() -> !rasp.sop<f64> {
  %f = rasp.tokens : !rasp.sop<f64>
  %t = rasp.tokens : !rasp.sop<i64>
  %s = rasp.select %f, %t, ge : !rasp.sop<f64>, !rasp.sop<i64>
  %r = rasp.aggregate %s, %f default 2.5 : !rasp.sop<f64> -> !rasp.sop<f64>
  return %r : !rasp.sop<f64>
}

// -----

// The paper's reverse: aggregate(select(indices, length - indices - 1, ==),
// tokens). The keys (indices) come from linalg.index 1, not from a tensor;
// the queries (length - indices - 1) are read at d0, the tokens at d1.
// length - indices - 1 lies in [-2^30 - 1, 2^30 - 1] (rasp::getIntRange), so
// the selector compares i32: the queries are truncated once by a linalg.map
// (not fused into the n-by-n loop), the count is i32, and so is the sum of
// the string ids.
// A string aggregate: more than one selected is error 1 (op id 8); the
// default 0 is of another kind than strings: taking it at some positions and
// not at others is error 4; everywhere, for the returned value, the notice
// 100 (the driver prints the default).
// CHECK-DAG: #[[KEY:map[0-9]*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-DAG: #[[QUERY:map[0-9]*]] = affine_map<(d0, d1) -> (d0)>
// CHECK-DAG: #[[SCALAR:map[0-9]*]] = affine_map<(d0) -> ()>
// CHECK-LABEL: func.func @reverse(
// CHECK-SAME: [[STR:%[a-z0-9]+]]: tensor<?xi32>,
// CHECK: [[FLIP:%.+]] = linalg.generic {{.+}} ins(%{{[0-9]+}} : tensor<?xi64>)
// CHECK-NEXT: ^bb0
// CHECK-NEXT: arith.constant 1 : i64
// CHECK-NEXT: arith.subi
// CHECK: [[FLIP32:%.+]] = linalg.map { arith.trunci {{.*}} } ins([[FLIP]] : tensor<?xi64>) outs(%{{.+}} : tensor<?xi32>)
// CHECK: [[ZS:%.+]] = arith.constant 0 : i32
// CHECK-NEXT: [[SUM0:%.+]] = linalg.fill ins([[ZS]] : i32) outs(%{{.+}} : tensor<?xi32>)
// CHECK: [[ZC:%.+]] = arith.constant 0 : i32
// CHECK-NEXT: [[CNT0:%.+]] = linalg.fill ins([[ZC]] : i32) outs(%{{.+}} : tensor<?xi32>)
// CHECK-NEXT: [[AGG:%.+]]:2 = linalg.generic {indexing_maps = [#[[QUERY]], #[[KEY]], #[[QUERY]], #[[QUERY]]], iterator_types = ["parallel", "reduction"]} ins([[FLIP32]], [[STR]] : tensor<?xi32>, tensor<?xi32>) outs([[SUM0]], [[CNT0]] : tensor<?xi32>, tensor<?xi32>)
// CHECK-NEXT: ^bb0([[Q:%.+]]: i32, [[V:%.+]]: i32, [[SUM:%.+]]: i32, [[CNT:%.+]]: i32):
// CHECK-NEXT: [[K:%.+]] = linalg.index 1 : index
// CHECK-NEXT: [[K32:%.+]] = arith.index_cast [[K]] : index to i32
// CHECK-NEXT: [[SEL:%.+]] = arith.cmpi eq, [[K32]], [[Q]] : i32
// CHECK-NEXT: [[ZERO:%.+]] = arith.constant 0 : i32
// CHECK-NEXT: [[MASKED:%.+]] = arith.select [[SEL]], [[V]], [[ZERO]] : i32
// CHECK-NEXT: [[NSUM:%.+]] = arith.addi [[SUM]], [[MASKED]] : i32
// CHECK-NEXT: [[ONE:%.+]] = arith.extui [[SEL]] : i1 to i32
// CHECK-NEXT: [[NCNT:%.+]] = arith.addi [[CNT]], [[ONE]] : i32
// CHECK-NEXT: linalg.yield [[NSUM]], [[NCNT]] : i32, i32
//
// Several selected: first position whose count is > 1.
// CHECK: [[N64:%.+]] = arith.index_cast %{{.+}} : index to i64
// CHECK: [[FIRST:%.+]] = linalg.generic {{.+}} iterator_types = ["reduction"]} ins([[AGG]]#0, [[AGG]]#1 : tensor<?xi32>, tensor<?xi32>)
// CHECK-NEXT: ^bb0(%{{.+}}: i32, [[C:%.+]]: i32, [[ACC:%.+]]: i64):
// CHECK-NEXT: [[C1:%.+]] = arith.constant 1 : i32
// CHECK-NEXT: [[SEVERAL:%.+]] = arith.cmpi sgt, [[C]], [[C1]] : i32
// CHECK-NEXT: [[P:%.+]] = linalg.index 0 : index
// CHECK-NEXT: [[P64:%.+]] = arith.index_cast [[P]] : index to i64
// CHECK-NEXT: [[CAND:%.+]] = arith.select [[SEVERAL]], [[P64]], [[ACC]] : i64
// CHECK-NEXT: arith.minsi [[CAND]], [[ACC]] : i64
// CHECK: [[POS:%.+]] = tensor.extract [[FIRST]][] : tensor<i64>
// CHECK-NEXT: [[ANY:%.+]] = arith.cmpi slt, [[POS]], [[N64]] : i64
// CHECK-NEXT: scf.if [[ANY]] {
// CHECK-NEXT: [[CODE:%.+]] = arith.constant 1 : i64
// CHECK-NEXT: [[ID:%.+]] = arith.constant 8 : i64
// CHECK-NEXT: func.call @rasp_runtime_error([[CODE]], [[ID]], [[POS]])
//
// Mixed default: the first position taking the default, and the first not.
// CHECK: [[MIX:%.+]]:2 = linalg.generic {indexing_maps = [#{{.+}}, #[[SCALAR]], #[[SCALAR]]], iterator_types = ["reduction"]} ins([[AGG]]#1 : tensor<?xi32>)
// CHECK-NEXT: ^bb0([[C:%.+]]: i32, [[FD:%.+]]: i64, [[FV:%.+]]: i64):
// CHECK-NEXT: [[P:%.+]] = linalg.index 0 : index
// CHECK-NEXT: [[P64:%.+]] = arith.index_cast [[P]] : index to i64
// CHECK-NEXT: [[Z:%.+]] = arith.constant 0 : i32
// CHECK-NEXT: [[NONE:%.+]] = arith.cmpi eq, [[C]], [[Z]] : i32
// CHECK-NEXT: [[D1:%.+]] = arith.select [[NONE]], [[P64]], [[FD]] : i64
// CHECK-NEXT: [[D2:%.+]] = arith.minsi [[D1]], [[FD]] : i64
// CHECK-NEXT: [[V1:%.+]] = arith.select [[NONE]], [[FV]], [[P64]] : i64
// CHECK-NEXT: [[V2:%.+]] = arith.minsi [[V1]], [[FV]] : i64
// CHECK-NEXT: linalg.yield [[D2]], [[V2]] : i64, i64
// CHECK: [[FIRSTD:%.+]] = tensor.extract [[MIX]]#0[] : tensor<i64>
// CHECK-NEXT: [[FIRSTV:%.+]] = tensor.extract [[MIX]]#1[] : tensor<i64>
// CHECK-NEXT: [[ANYD:%.+]] = arith.cmpi slt, [[FIRSTD]], %{{.+}} : i64
// CHECK-NEXT: [[ANYV:%.+]] = arith.cmpi slt, [[FIRSTV]], %{{.+}} : i64
// CHECK-NEXT: scf.if [[ANYD]] {
// CHECK-NEXT: scf.if [[ANYV]] {
// CHECK-NEXT: [[CODE:%.+]] = arith.constant 4 : i64
// CHECK-NEXT: [[ID:%.+]] = arith.constant 8 : i64
// CHECK-NEXT: func.call @rasp_runtime_error([[CODE]], [[ID]], [[FIRSTD]])
// CHECK-NEXT: } else {
// CHECK-NEXT: [[CODE:%.+]] = arith.constant 100 : i64
// CHECK-NEXT: [[ID:%.+]] = arith.constant 8 : i64
// CHECK-NEXT: func.call @rasp_runtime_error([[CODE]], [[ID]], [[FIRSTD]])
// CHECK-NEXT: }
// CHECK-NEXT: }
//
// Finalize: the selected id, -1 (no string) where the default is taken.
// CHECK: [[R:%.+]] = linalg.generic {{.+}} iterator_types = ["parallel"]} ins([[AGG]]#0, [[AGG]]#1 : tensor<?xi32>, tensor<?xi32>) outs(%{{.+}} : tensor<?xi32>)
// CHECK-NEXT: ^bb0([[S:%.+]]: i32, [[C:%.+]]: i32, %{{.+}}: i32):
// CHECK-NEXT: [[Z:%.+]] = arith.constant 0 : i32
// CHECK-NEXT: [[NONE:%.+]] = arith.cmpi eq, [[C]], [[Z]] : i32
// CHECK-NEXT: [[M1:%.+]] = arith.constant -1 : i32
// CHECK-NEXT: [[V:%.+]] = arith.select [[NONE]], [[M1]], [[S]] : i32
// CHECK-NEXT: linalg.yield [[V]] : i32
// CHECK: bufferization.materialize_in_destination [[R]]
// CHECK-NOT: rasp.returned
module attributes {rasp.vocabulary = ["a", "b"]} {
  func.func @reverse() -> !rasp.sop<!rasp.string> {
    %t = rasp.tokens : !rasp.sop<!rasp.string>
    %i = rasp.indices : !rasp.sop<i64>
    %len = rasp.length : !rasp.sop<i64>
    %one = rasp.constant 1 : !rasp.sop<i64>
    %a = rasp.sub %len, %i : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
    %b = rasp.sub %a, %one : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
    %flip = rasp.select %i, %b, eq : !rasp.sop<i64>, !rasp.sop<i64>
    %r = rasp.aggregate %flip, %t default 0 {rasp.op_id = 8 : i64} : !rasp.sop<!rasp.string> -> !rasp.sop<!rasp.string>
    return %r : !rasp.sop<!rasp.string>
  }
}

// -----

// A mismatched default on a value that is not returned: taking it everywhere
// is an error too (code 4 in both branches, never the notice 100).
// CHECK-LABEL: func.func @mixed_default_not_returned(
// CHECK: scf.if
// CHECK-NEXT: arith.constant 1 : i64
// CHECK: scf.if %{{.+}} {
// CHECK-NEXT: scf.if %{{.+}} {
// CHECK-NEXT: [[CODE:%.+]] = arith.constant 4 : i64
// CHECK-NEXT: arith.constant -1 : i64
// CHECK-NEXT: func.call @rasp_runtime_error([[CODE]],
// CHECK-NEXT: } else {
// CHECK-NEXT: [[CODE:%.+]] = arith.constant 4 : i64
// CHECK-NEXT: arith.constant -1 : i64
// CHECK-NEXT: func.call @rasp_runtime_error([[CODE]],
// CHECK-NOT: arith.constant 100 : i64
// CHECK: return
module attributes {rasp.vocabulary = ["a", "b"]} {
  func.func @mixed_default_not_returned() -> !rasp.sop<i1> {
    %t = rasp.tokens : !rasp.sop<!rasp.string>
    %i = rasp.indices : !rasp.sop<i64>
    %prev = rasp.select %i, %i, lt : !rasp.sop<i64>, !rasp.sop<i64>
    %r = rasp.aggregate %prev, %t default 0 : !rasp.sop<!rasp.string> -> !rasp.sop<!rasp.string>
    %e = rasp.cmp eq, %r, %t : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string>
    return %e : !rasp.sop<i1>
  }
}

// -----

// A string default of the values' kind: no mixed-default check; the default
// is its id ("z" = 2 of ["a", "b", "z"]).
// CHECK-LABEL: func.func @string_default(
// CHECK: func.call @rasp_runtime_error
// CHECK-NOT: func.call @rasp_runtime_error
// CHECK: linalg.generic {{.+}} iterator_types = ["parallel"]} ins([[AGG:%.+]]#0, [[AGG]]#1 : tensor<?xi32>, tensor<?xi32>) outs(%{{.+}} : tensor<?xi32>)
// CHECK-NEXT: ^bb0([[S:%.+]]: i32, [[C:%.+]]: i32, %{{.+}}: i32):
// CHECK-NEXT: [[Z:%.+]] = arith.constant 0 : i32
// CHECK-NEXT: [[NONE:%.+]] = arith.cmpi eq, [[C]], [[Z]] : i32
// CHECK-NEXT: [[DEF:%.+]] = arith.constant 2 : i32
// CHECK-NEXT: [[V:%.+]] = arith.select [[NONE]], [[DEF]], [[S]] : i32
// CHECK-NEXT: linalg.yield [[V]] : i32
module attributes {rasp.vocabulary = ["a", "b"]} {
  func.func @string_default() -> !rasp.sop<!rasp.string> {
    %t = rasp.tokens : !rasp.sop<!rasp.string>
    %i = rasp.indices : !rasp.sop<i64>
    %prev = rasp.select %i, %i, lt : !rasp.sop<i64>, !rasp.sop<i64>
    %r = rasp.aggregate %prev, %t default "z" : !rasp.sop<!rasp.string> -> !rasp.sop<!rasp.string>
    return %r : !rasp.sop<!rasp.string>
  }
}

// -----

// A bool aggregate: the value is zero-extended into the sum, truncated back;
// several selected is error 1; the default false fits.
// select(indices, indices, ==): keys linalg.index 1, queries linalg.index 0,
// no tensor but the values.
// CHECK-DAG: #[[KEY:map[0-9]*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-DAG: #[[QUERY:map[0-9]*]] = affine_map<(d0, d1) -> (d0)>
// CHECK-LABEL: func.func @bool_aggregate(
// CHECK-SAME: [[BOOL:%[a-z0-9]+]]: tensor<?xi1>, {{%[a-z0-9]+}}: memref<?xi1>)
// CHECK: [[AGG:%.+]]:2 = linalg.generic {indexing_maps = [#[[KEY]], #[[QUERY]], #[[QUERY]]], iterator_types = ["parallel", "reduction"]} ins([[BOOL]] : tensor<?xi1>) outs(%{{.+}}, %{{.+}} : tensor<?xi64>, tensor<?xi32>)
// CHECK-NEXT: ^bb0([[V:%.+]]: i1, [[SUM:%.+]]: i64, [[CNT:%.+]]: i32):
// CHECK-NEXT: [[K:%.+]] = linalg.index 1 : index
// CHECK-NEXT: [[K64:%.+]] = arith.index_cast [[K]] : index to i32
// CHECK-NEXT: [[Q:%.+]] = linalg.index 0 : index
// CHECK-NEXT: [[Q64:%.+]] = arith.index_cast [[Q]] : index to i32
// CHECK-NEXT: [[SEL:%.+]] = arith.cmpi eq, [[K64]], [[Q64]] : i32
// CHECK-NEXT: [[V64:%.+]] = arith.extui [[V]] : i1 to i64
// CHECK-NEXT: [[ZERO:%.+]] = arith.constant 0 : i64
// CHECK-NEXT: [[MASKED:%.+]] = arith.select [[SEL]], [[V64]], [[ZERO]] : i64
// CHECK-NEXT: arith.addi [[SUM]], [[MASKED]] : i64
// CHECK: arith.cmpi sgt
// CHECK: scf.if
// CHECK-NEXT: [[CODE:%.+]] = arith.constant 1 : i64
// CHECK-NEXT: arith.constant -1 : i64
// CHECK-NEXT: func.call @rasp_runtime_error([[CODE]],
// CHECK-NOT: func.call
// CHECK: linalg.generic {{.+}} ins([[AGG]]#0, [[AGG]]#1 : tensor<?xi64>, tensor<?xi32>) outs(%{{.+}} : tensor<?xi1>)
// CHECK-NEXT: ^bb0([[S:%.+]]: i64, [[C:%.+]]: i32, %{{.+}}: i1):
// CHECK-NEXT: [[Z:%.+]] = arith.constant 0 : i32
// CHECK-NEXT: [[NONE:%.+]] = arith.cmpi eq, [[C]], [[Z]] : i32
// CHECK-NEXT: [[F:%.+]] = arith.constant false
// CHECK-NEXT: [[S1:%.+]] = arith.trunci [[S]] : i64 to i1
// CHECK-NEXT: [[R:%.+]] = arith.select [[NONE]], [[F]], [[S1]] : i1
// CHECK-NEXT: linalg.yield [[R]] : i1
func.func @bool_aggregate() -> !rasp.sop<i1> {
  %b = rasp.tokens : !rasp.sop<i1>
  %i = rasp.indices : !rasp.sop<i64>
  %s = rasp.select %i, %i, eq : !rasp.sop<i64>, !rasp.sop<i64>
  %r = rasp.aggregate %s, %b default false : !rasp.sop<i1> -> !rasp.sop<i1>
  return %r : !rasp.sop<i1>
}

// -----

// selector_width of a selector tree: or(and(select(indices, indices, <=),
// select(tokens_int, 2, >)), not(select(tokens_float, tokens_int, !=))),
// all in one body. The constant 2 is not a tensor; tokens_int appears twice,
// as a key (d1) and as a query (d0).
// CHECK-DAG: #[[KEY:map[0-9]*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-DAG: #[[QUERY:map[0-9]*]] = affine_map<(d0, d1) -> (d0)>
// CHECK-DAG: #[[ID:map[0-9]*]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @width_of_tree(
// CHECK-SAME: {{%[a-z0-9]+}}: tensor<?xi32>, [[INT:%[a-z0-9]+]]: tensor<?xi64>, [[FLT:%[a-z0-9]+]]: tensor<?xf64>
// CHECK: [[Z:%.+]] = arith.constant 0 : i64
// CHECK-NEXT: [[CNT0:%.+]] = linalg.fill ins([[Z]] : i64)
// CHECK-NEXT: [[W:%.+]] = linalg.generic {indexing_maps = [#[[KEY]], #[[KEY]], #[[QUERY]], #[[QUERY]]], iterator_types = ["parallel", "reduction"]} ins([[INT]], [[FLT]], [[INT]] : tensor<?xi64>, tensor<?xf64>, tensor<?xi64>) outs([[CNT0]] : tensor<?xi64>)
// CHECK-NEXT: ^bb0([[KI:%.+]]: i64, [[KF:%.+]]: f64, [[QI:%.+]]: i64, [[CNT:%.+]]: i64):
// CHECK-NEXT: [[K:%.+]] = linalg.index 1 : index
// CHECK-NEXT: [[K64:%.+]] = arith.index_cast [[K]] : index to i64
// CHECK-NEXT: [[Q:%.+]] = linalg.index 0 : index
// CHECK-NEXT: [[Q64:%.+]] = arith.index_cast [[Q]] : index to i64
// CHECK-NEXT: [[S1:%.+]] = arith.cmpi sle, [[K64]], [[Q64]] : i64
// CHECK-NEXT: [[TWO:%.+]] = arith.constant 2 : i64
// CHECK-NEXT: [[S2:%.+]] = arith.cmpi sgt, [[KI]], [[TWO]] : i64
// CHECK-NEXT: [[AND:%.+]] = arith.andi [[S1]], [[S2]] : i1
// CHECK-NEXT: [[T:%.+]] = arith.constant true
// CHECK-NEXT: [[QF:%.+]] = arith.sitofp [[QI]] : i64 to f64
// CHECK-NEXT: [[S3:%.+]] = arith.cmpf une, [[KF]], [[QF]] : f64
// CHECK-NEXT: [[NOT:%.+]] = arith.xori [[S3]], [[T]] : i1
// CHECK-NEXT: [[OR:%.+]] = arith.ori [[AND]], [[NOT]] : i1
// CHECK-NEXT: [[ONE:%.+]] = arith.extui [[OR]] : i1 to i64
// CHECK-NEXT: [[NCNT:%.+]] = arith.addi [[CNT]], [[ONE]] : i64
// CHECK-NEXT: linalg.yield [[NCNT]] : i64
// CHECK-NEXT: } -> tensor<?xi64>
// The count is already i64: no widening generic.
// CHECK-NEXT: bufferization.materialize_in_destination [[W]]
// CHECK-NOT: rasp.
func.func @width_of_tree() -> !rasp.sop<i64> {
  %t = rasp.tokens : !rasp.sop<i64>
  %f = rasp.tokens : !rasp.sop<f64>
  %i = rasp.indices : !rasp.sop<i64>
  %c = rasp.constant 2 : !rasp.sop<i64>
  %s1 = rasp.select %i, %i, le : !rasp.sop<i64>, !rasp.sop<i64>
  %s2 = rasp.select %t, %c, gt : !rasp.sop<i64>, !rasp.sop<i64>
  %s3 = rasp.select %f, %t, ne : !rasp.sop<f64>, !rasp.sop<i64>
  %a = rasp.select_and %s1, %s2
  %n = rasp.select_not %s3
  %o = rasp.select_or %a, %n
  %w = rasp.selector_width %o : !rasp.sop<i64>
  return %w : !rasp.sop<i64>
}

// -----

// A selector over indices only reads no tensor; the key loop still needs an
// extent: the string tokens (i32) are an (unused) key operand. Indices fit in
// i32 (n < 2^31): they are compared in i32 and the count is i32.
// CHECK-DAG: #[[KEY:map[0-9]*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-DAG: #[[QUERY:map[0-9]*]] = affine_map<(d0, d1) -> (d0)>
// CHECK-LABEL: func.func @width_of_indices(
// CHECK-SAME: [[STR:%[a-z0-9]+]]: tensor<?xi32>,
// CHECK: linalg.generic {indexing_maps = [#[[KEY]], #[[QUERY]]], iterator_types = ["parallel", "reduction"]} ins([[STR]] : tensor<?xi32>) outs(%{{.+}} : tensor<?xi32>)
// CHECK-NEXT: ^bb0(%{{.+}}: i32, [[CNT:%.+]]: i32):
// CHECK-NEXT: [[K:%.+]] = linalg.index 1 : index
// CHECK-NEXT: [[K32:%.+]] = arith.index_cast [[K]] : index to i32
// CHECK-NEXT: [[Q:%.+]] = linalg.index 0 : index
// CHECK-NEXT: [[Q32:%.+]] = arith.index_cast [[Q]] : index to i32
// CHECK-NEXT: [[SEL:%.+]] = arith.cmpi slt, [[K32]], [[Q32]] : i32
// CHECK-NEXT: [[ONE:%.+]] = arith.extui [[SEL]] : i1 to i32
// CHECK-NEXT: [[NCNT:%.+]] = arith.addi [[CNT]], [[ONE]] : i32
// CHECK-NEXT: linalg.yield [[NCNT]] : i32
func.func @width_of_indices() -> !rasp.sop<i64> {
  %i = rasp.indices : !rasp.sop<i64>
  %s = rasp.select %i, %i, lt : !rasp.sop<i64>, !rasp.sop<i64>
  %w = rasp.selector_width %s : !rasp.sop<i64>
  return %w : !rasp.sop<i64>
}

// -----

// The paper's hist: selector_width(select(tokens, tokens, ==)) on string ids.
// The selector compares only i32 ids: the count is i32 in the key loop, then
// an element-wise generic widens it (extui: a count is never negative) to the
// i64 result.
// CHECK-DAG: #[[KEY:map[0-9]*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-DAG: #[[QUERY:map[0-9]*]] = affine_map<(d0, d1) -> (d0)>
// CHECK-DAG: #[[ID:map[0-9]*]] = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func.func @hist(
// CHECK-SAME: [[STR:%[a-z0-9]+]]: tensor<?xi32>, {{%[a-z0-9]+}}: tensor<?xi64>, {{%[a-z0-9]+}}: tensor<?xf64>, {{%[a-z0-9]+}}: tensor<?xi1>, [[OUT:%[a-z0-9]+]]: memref<?xi64>)
// CHECK: [[Z:%.+]] = arith.constant 0 : i32
// CHECK-NEXT: [[CNT0:%.+]] = linalg.fill ins([[Z]] : i32) outs(%{{.+}} : tensor<?xi32>)
// CHECK-NEXT: [[W:%.+]] = linalg.generic {indexing_maps = [#[[KEY]], #[[QUERY]], #[[QUERY]]], iterator_types = ["parallel", "reduction"]} ins([[STR]], [[STR]] : tensor<?xi32>, tensor<?xi32>) outs([[CNT0]] : tensor<?xi32>)
// CHECK-NEXT: ^bb0([[K:%.+]]: i32, [[Q:%.+]]: i32, [[CNT:%.+]]: i32):
// CHECK-NEXT: [[SEL:%.+]] = arith.cmpi eq, [[K]], [[Q]] : i32
// CHECK-NEXT: [[ONE:%.+]] = arith.extui [[SEL]] : i1 to i32
// CHECK-NEXT: [[NCNT:%.+]] = arith.addi [[CNT]], [[ONE]] : i32
// CHECK-NEXT: linalg.yield [[NCNT]] : i32
// CHECK-NEXT: } -> tensor<?xi32>
// CHECK-NEXT: [[E:%.+]] = tensor.empty(%{{.+}}) : tensor<?xi64>
// CHECK-NEXT: [[W64:%.+]] = linalg.generic {indexing_maps = [#[[ID]], #[[ID]]], iterator_types = ["parallel"]} ins([[W]] : tensor<?xi32>) outs([[E]] : tensor<?xi64>)
// CHECK-NEXT: ^bb0([[C:%.+]]: i32, %{{.+}}: i64):
// CHECK-NEXT: [[C64:%.+]] = arith.extui [[C]] : i32 to i64
// CHECK-NEXT: linalg.yield [[C64]] : i64
// CHECK-NEXT: } -> tensor<?xi64>
// CHECK-NEXT: bufferization.materialize_in_destination [[W64]] in restrict writable [[OUT]] : (tensor<?xi64>, memref<?xi64>) -> ()
module attributes {rasp.vocabulary = ["a", "b"]} {
  func.func @hist() -> !rasp.sop<i64> {
    %t = rasp.tokens : !rasp.sop<!rasp.string>
    %same = rasp.select %t, %t, eq : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string>
    %w = rasp.selector_width %same : !rasp.sop<i64>
    return %w : !rasp.sop<i64>
  }
}

// -----

// One selector, two aggregates: each generic evaluates it in its own body
// (nothing n-by-n is stored), with its own values: the floats, then the ints
// (the same tensor as the keys: one operand).
// CHECK-DAG: #[[KEY:map[0-9]*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-DAG: #[[QUERY:map[0-9]*]] = affine_map<(d0, d1) -> (d0)>
// CHECK-LABEL: func.func @shared_selector(
// CHECK-SAME: {{%[a-z0-9]+}}: tensor<?xi32>, [[INT:%[a-z0-9]+]]: tensor<?xi64>, [[FLT:%[a-z0-9]+]]: tensor<?xf64>
// CHECK: [[A:%.+]]:2 = linalg.generic {indexing_maps = [#[[KEY]], #[[QUERY]], #[[KEY]], #[[QUERY]], #[[QUERY]]], iterator_types = ["parallel", "reduction"]} ins([[INT]], [[INT]], [[FLT]] : tensor<?xi64>, tensor<?xi64>, tensor<?xf64>)
// CHECK-NEXT: ^bb0([[K:%.+]]: i64, [[Q:%.+]]: i64, [[V:%.+]]: f64, [[SUM:%.+]]: f64, %{{.+}}: i64):
// CHECK-NEXT: [[SEL:%.+]] = arith.cmpi slt, [[K]], [[Q]] : i64
// CHECK-NEXT: [[ZERO:%.+]] = arith.constant 0.000000e+00 : f64
// CHECK-NEXT: [[MASKED:%.+]] = arith.select [[SEL]], [[V]], [[ZERO]] : f64
// CHECK-NEXT: arith.addf [[SUM]], [[MASKED]] : f64
// CHECK: [[MA:%.+]] = linalg.generic {{.+}} iterator_types = ["parallel"]} ins([[A]]#0, [[A]]#1
// CHECK: [[B:%.+]]:2 = linalg.generic {indexing_maps = [#[[KEY]], #[[QUERY]], #[[QUERY]], #[[QUERY]]], iterator_types = ["parallel", "reduction"]} ins([[INT]], [[INT]] : tensor<?xi64>, tensor<?xi64>)
// CHECK-NEXT: ^bb0([[K:%.+]]: i64, [[Q:%.+]]: i64, [[SUM:%.+]]: i64, %{{.+}}: i64):
// CHECK-NEXT: [[SEL:%.+]] = arith.cmpi slt, [[K]], [[Q]] : i64
// CHECK-NEXT: [[ZERO:%.+]] = arith.constant 0 : i64
// CHECK-NEXT: [[MASKED:%.+]] = arith.select [[SEL]], [[K]], [[ZERO]] : i64
// CHECK-NEXT: arith.addi [[SUM]], [[MASKED]] : i64
// CHECK: [[MB:%.+]] = linalg.generic {{.+}} iterator_types = ["parallel"]} ins([[B]]#0, [[B]]#1
// CHECK: [[SUMAB:%.+]] = linalg.generic {{.+}} ins([[MA]], [[MB]] : tensor<?xf64>, tensor<?xf64>)
// CHECK: arith.addf
// CHECK: bufferization.materialize_in_destination [[SUMAB]]
// CHECK-NOT: = rasp.
func.func @shared_selector() -> !rasp.sop<f64> {
  %f = rasp.tokens : !rasp.sop<f64>
  %t = rasp.tokens : !rasp.sop<i64>
  %s = rasp.select %t, %t, lt : !rasp.sop<i64>, !rasp.sop<i64>
  %a = rasp.aggregate %s, %f default 0 : !rasp.sop<f64> -> !rasp.sop<f64>
  %b = rasp.aggregate %s, %t default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
  %r = rasp.add %a, %b : !rasp.sop<f64>, !rasp.sop<f64> -> !rasp.sop<f64>
  return %r : !rasp.sop<f64>
}

// -----

// Count widths of selector_width. Int keys and queries (i64): the count is
// i64 in the key loop and is the result as it is.
// CHECK-LABEL: func.func @width_int_keys(
// CHECK-SAME: {{%[a-z0-9]+}}: tensor<?xi32>, [[INT:%[a-z0-9]+]]: tensor<?xi64>,
// CHECK: [[Z:%.+]] = arith.constant 0 : i64
// CHECK-NEXT: [[CNT0:%.+]] = linalg.fill ins([[Z]] : i64) outs(%{{.+}} : tensor<?xi64>)
// CHECK-NEXT: [[W:%.+]] = linalg.generic {{.+}} iterator_types = ["parallel", "reduction"]} ins([[INT]], [[INT]] : tensor<?xi64>, tensor<?xi64>) outs([[CNT0]] : tensor<?xi64>)
// CHECK-NEXT: ^bb0([[K:%.+]]: i64, [[Q:%.+]]: i64, [[CNT:%.+]]: i64):
// CHECK-NEXT: [[SEL:%.+]] = arith.cmpi eq, [[K]], [[Q]] : i64
// CHECK-NEXT: [[ONE:%.+]] = arith.extui [[SEL]] : i1 to i64
// CHECK-NEXT: [[NCNT:%.+]] = arith.addi [[CNT]], [[ONE]] : i64
// CHECK-NEXT: linalg.yield [[NCNT]] : i64
// CHECK-NEXT: } -> tensor<?xi64>
// CHECK-NEXT: bufferization.materialize_in_destination [[W]]
// CHECK-NOT: i32 to i64
// CHECK: return
func.func @width_int_keys() -> !rasp.sop<i64> {
  %t = rasp.tokens : !rasp.sop<i64>
  %s = rasp.select %t, %t, eq : !rasp.sop<i64>, !rasp.sop<i64>
  %w = rasp.selector_width %s : !rasp.sop<i64>
  return %w : !rasp.sop<i64>
}

// -----

// A tree is narrow only if every select in it is: a string select and'ed
// with a select of tokens_int (no rasp.int_range: it may not fit in i32)
// against indices counts in i64 (the string compare stays i32).
// CHECK-LABEL: func.func @width_mixed_tree(
// CHECK-SAME: [[STR:%[a-z0-9]+]]: tensor<?xi32>, [[INT:%[a-z0-9]+]]: tensor<?xi64>,
// CHECK: linalg.generic {{.+}} iterator_types = ["parallel", "reduction"]} ins([[STR]], [[STR]], [[INT]] : tensor<?xi32>, tensor<?xi32>, tensor<?xi64>) outs(%{{.+}} : tensor<?xi64>)
// CHECK-NEXT: ^bb0([[K:%.+]]: i32, [[Q:%.+]]: i32, %{{.+}}: i64, [[CNT:%.+]]: i64):
// CHECK-NEXT: [[S1:%.+]] = arith.cmpi eq, [[K]], [[Q]] : i32
// CHECK: [[S2:%.+]] = arith.cmpi slt, %{{.+}}, %{{.+}} : i64
// CHECK-NEXT: [[AND:%.+]] = arith.andi [[S1]], [[S2]] : i1
// CHECK-NEXT: [[ONE:%.+]] = arith.extui [[AND]] : i1 to i64
// CHECK-NEXT: arith.addi [[CNT]], [[ONE]] : i64
module attributes {rasp.vocabulary = ["a", "b"]} {
  func.func @width_mixed_tree() -> !rasp.sop<i64> {
    %t = rasp.tokens : !rasp.sop<!rasp.string>
    %i = rasp.indices : !rasp.sop<i64>
    %n = rasp.tokens : !rasp.sop<i64>
    %s1 = rasp.select %t, %t, eq : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string>
    %s2 = rasp.select %n, %i, lt : !rasp.sop<i64>, !rasp.sop<i64>
    %a = rasp.select_and %s1, %s2
    %w = rasp.selector_width %a : !rasp.sop<i64>
    return %w : !rasp.sop<i64>
  }
}

// -----

// A string aggregate under a bool selector: bools are narrow too, so the
// count is i32 like the sum of the i32 ids. The several-selected check, the
// mixed-default check (default 0 is no string) and the finalize read the i32
// counts and compare them with i32 constants.
// CHECK-DAG: #[[KEY:map[0-9]*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-DAG: #[[QUERY:map[0-9]*]] = affine_map<(d0, d1) -> (d0)>
// CHECK-LABEL: func.func @narrow_string_aggregate(
// CHECK-SAME: [[STR:%[a-z0-9]+]]: tensor<?xi32>, {{%[a-z0-9]+}}: tensor<?xi64>, {{%[a-z0-9]+}}: tensor<?xf64>, [[BOOL:%[a-z0-9]+]]: tensor<?xi1>, [[OUT:%[a-z0-9]+]]: memref<?xi32>)
// CHECK: [[ZS:%.+]] = arith.constant 0 : i32
// CHECK-NEXT: [[SUM0:%.+]] = linalg.fill ins([[ZS]] : i32) outs(%{{.+}} : tensor<?xi32>)
// CHECK: [[ZC:%.+]] = arith.constant 0 : i32
// CHECK-NEXT: [[CNT0:%.+]] = linalg.fill ins([[ZC]] : i32) outs(%{{.+}} : tensor<?xi32>)
// CHECK-NEXT: [[AGG:%.+]]:2 = linalg.generic {indexing_maps = [#[[KEY]], #[[QUERY]], #[[KEY]], #[[QUERY]], #[[QUERY]]], iterator_types = ["parallel", "reduction"]} ins([[BOOL]], [[BOOL]], [[STR]] : tensor<?xi1>, tensor<?xi1>, tensor<?xi32>) outs([[SUM0]], [[CNT0]] : tensor<?xi32>, tensor<?xi32>)
// CHECK-NEXT: ^bb0([[K:%.+]]: i1, [[Q:%.+]]: i1, [[V:%.+]]: i32, [[SUM:%.+]]: i32, [[CNT:%.+]]: i32):
// CHECK-NEXT: [[SEL:%.+]] = arith.cmpi eq, [[K]], [[Q]] : i1
// CHECK-NEXT: [[ZERO:%.+]] = arith.constant 0 : i32
// CHECK-NEXT: [[MASKED:%.+]] = arith.select [[SEL]], [[V]], [[ZERO]] : i32
// CHECK-NEXT: [[NSUM:%.+]] = arith.addi [[SUM]], [[MASKED]] : i32
// CHECK-NEXT: [[ONE:%.+]] = arith.extui [[SEL]] : i1 to i32
// CHECK-NEXT: [[NCNT:%.+]] = arith.addi [[CNT]], [[ONE]] : i32
// CHECK-NEXT: linalg.yield [[NSUM]], [[NCNT]] : i32, i32
// CHECK: linalg.generic {{.+}} iterator_types = ["reduction"]} ins([[AGG]]#0, [[AGG]]#1 : tensor<?xi32>, tensor<?xi32>)
// CHECK-NEXT: ^bb0(%{{.+}}: i32, [[C:%.+]]: i32, %{{.+}}: i64):
// CHECK-NEXT: [[C1:%.+]] = arith.constant 1 : i32
// CHECK-NEXT: arith.cmpi sgt, [[C]], [[C1]] : i32
// CHECK: func.call @rasp_runtime_error
// CHECK: linalg.generic {{.+}} iterator_types = ["reduction"]} ins([[AGG]]#1 : tensor<?xi32>)
// CHECK-NEXT: ^bb0([[C:%.+]]: i32, %{{.+}}: i64, %{{.+}}: i64):
// CHECK-NEXT: linalg.index 0
// CHECK-NEXT: arith.index_cast
// CHECK-NEXT: [[Z:%.+]] = arith.constant 0 : i32
// CHECK-NEXT: arith.cmpi eq, [[C]], [[Z]] : i32
// CHECK: [[R:%.+]] = linalg.generic {{.+}} iterator_types = ["parallel"]} ins([[AGG]]#0, [[AGG]]#1 : tensor<?xi32>, tensor<?xi32>) outs(%{{.+}} : tensor<?xi32>)
// CHECK-NEXT: ^bb0([[S:%.+]]: i32, [[C:%.+]]: i32, %{{.+}}: i32):
// CHECK-NEXT: [[Z:%.+]] = arith.constant 0 : i32
// CHECK-NEXT: [[NONE:%.+]] = arith.cmpi eq, [[C]], [[Z]] : i32
// CHECK-NEXT: [[M1:%.+]] = arith.constant -1 : i32
// CHECK-NEXT: [[RV:%.+]] = arith.select [[NONE]], [[M1]], [[S]] : i32
// CHECK-NEXT: linalg.yield [[RV]] : i32
// CHECK: bufferization.materialize_in_destination [[R]] in restrict writable [[OUT]]
module attributes {rasp.vocabulary = ["a", "b"]} {
  func.func @narrow_string_aggregate() -> !rasp.sop<!rasp.string> {
    %t = rasp.tokens : !rasp.sop<!rasp.string>
    %b = rasp.tokens : !rasp.sop<i1>
    %s = rasp.select %b, %b, eq : !rasp.sop<i1>, !rasp.sop<i1>
    %r = rasp.aggregate %s, %t default 0 : !rasp.sop<!rasp.string> -> !rasp.sop<!rasp.string>
    return %r : !rasp.sop<!rasp.string>
  }
}
