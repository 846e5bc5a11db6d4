// --rasp-to-linalg: rasp-intern-strings, convert-rasp-to-linalg, then
// element-wise fusion. No rasp op or type is left; each aggregate and
// selector_width is one (parallel, reduction) generic, and the element-wise
// maps feeding a selector are fused into its body.
// These check the generic kernels, so the select rewrites are off; the
// REWRITE lines check what rasp-optimize-selects makes of reverse.
// RUN: rasp-opt %s --rasp-to-linalg="rewrite=false" -split-input-file | FileCheck %s
// RUN: rasp-opt %s --rasp-to-linalg -split-input-file | FileCheck %s --check-prefix=REWRITE

// With the rewrites, reverse (select(indices, length - indices - 1, ==)) is
// a gather: one element-wise generic reading tokens at n - 1 - q, no
// (query x key) loop.
// REWRITE-LABEL: func.func @reverse(
// REWRITE-NOT: iterator_types = ["parallel", "reduction"]
// REWRITE: linalg.generic {{.*}}iterator_types = ["parallel"]
// REWRITE: tensor.extract
// REWRITE-NOT: iterator_types = ["parallel", "reduction"]
// REWRITE: return

// The paper's programs, written by hand as the front end emits them.
// The string table comes from rasp-intern-strings (vocabulary a, b, c).
// CHECK-DAG: #[[KEY:map[0-9]*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-DAG: #[[QUERY:map[0-9]*]] = affine_map<(d0, d1) -> (d0)>
// CHECK: module attributes
// CHECK-SAME: rasp.strings = ["a", "b", "c"]

// hist = selector_width(select(tokens, tokens, ==)): one generic, tokens
// read as keys and as queries; the i32 ids (widened from the input's i8) are
// compared, the count is i32 (the select compares only 32-bit values), and
// so is the output (counts fit): the widening of the count to the s-op's i64
// and the output's truncation cancel.
// CHECK-LABEL: func.func @hist(
// CHECK-SAME: [[STR:%[a-z0-9]+]]: tensor<?xi8>,
// CHECK-NOT: = rasp.
// CHECK: [[IDS:%.+]] = linalg.generic {{.*}} ins([[STR]] : tensor<?xi8>) outs(%{{.+}} : tensor<?xi32>) attrs = {rasp.widened}
// CHECK: [[W:%.+]] = linalg.generic {indexing_maps = [#[[KEY]], #[[QUERY]], #[[QUERY]]], iterator_types = ["parallel", "reduction"]} ins([[IDS]], [[IDS]] : tensor<?xi32>, tensor<?xi32>) outs(%{{.+}} : tensor<?xi32>)
// CHECK-NEXT: ^bb0([[K:%.+]]: i32, [[Q:%.+]]: i32, [[CNT:%.+]]: i32):
// CHECK-NEXT: [[SEL:%.+]] = arith.cmpi eq, [[K]], [[Q]] : i32
// CHECK-NEXT: [[ONE:%.+]] = arith.extui [[SEL]] : i1 to i32
// CHECK-NEXT: arith.addi [[CNT]], [[ONE]] : i32
// CHECK-NOT: linalg.generic
// CHECK-NOT: = rasp.
// CHECK: bufferization.materialize_in_destination [[W]]
// CHECK-NEXT: return

// reverse = aggregate(select(indices, length - indices - 1, ==), tokens):
// length - indices - 1 lies in i32, so it is computed once and truncated by
// a linalg.map (not fused into the n-by-n loop); the loop compares i32 keys
// (indices from linalg.index) and reads the tokens as the input's i8 ids
// (their widening is fused in). Sum and count are i32.
// CHECK-LABEL: func.func @reverse(
// CHECK-SAME: [[STR:%[a-z0-9]+]]: tensor<?xi8>,
// CHECK: [[ONE:%.+]] = arith.constant 1 : i64
// CHECK: [[FLIP:%.+]] = linalg.generic {{.*}}iterator_types = ["parallel"]} outs(%{{.+}} : tensor<?xi64>)
// CHECK-NEXT: ^bb0
// CHECK-NEXT: [[Q:%.+]] = linalg.index 0 : index
// CHECK-NEXT: [[Q64:%.+]] = arith.index_cast [[Q]] : index to i64
// CHECK-NEXT: [[N64:%.+]] = arith.index_cast %{{.+}} : index to i64
// CHECK-NEXT: [[NMQ:%.+]] = arith.subi [[N64]], [[Q64]] : i64
// CHECK-NEXT: arith.subi [[NMQ]], [[ONE]] : i64
// CHECK: [[FLIP32:%.+]] = linalg.map { arith.trunci {{.*}} } ins([[FLIP]] : tensor<?xi64>)
// CHECK: [[AGG:%.+]]:2 = linalg.generic {indexing_maps = [#[[QUERY]], #[[KEY]], #[[QUERY]], #[[QUERY]]], iterator_types = ["parallel", "reduction"]} ins([[FLIP32]], [[STR]] : tensor<?xi32>, tensor<?xi8>) outs(%{{.+}}, %{{.+}} : tensor<?xi32>, tensor<?xi32>)
// CHECK-NEXT: ^bb0([[F:%.+]]: i32, [[V8:%.+]]: i8, [[SUM:%.+]]: i32, [[CNT:%.+]]: i32):
// CHECK-NEXT: [[V:%.+]] = arith.extsi [[V8]] : i8 to i32
// CHECK-NEXT: [[K:%.+]] = linalg.index 1 : index
// CHECK-NEXT: [[K32:%.+]] = arith.index_cast [[K]] : index to i32
// CHECK-NEXT: [[SEL:%.+]] = arith.cmpi eq, [[K32]], [[F]] : i32
// CHECK-NEXT: arith.select [[SEL]], [[V]], %{{.+}} : i32
// The several-values check, the mixed-default check (default 0 for strings),
// the result: element-wise on the sums and counts.
// CHECK: func.call @rasp_runtime_error
// CHECK: func.call @rasp_runtime_error
// CHECK: linalg.generic {{.+}} iterator_types = ["parallel"]} ins([[AGG]]#0, [[AGG]]#1
// CHECK-NOT: iterator_types = ["parallel", "reduction"]
// CHECK: bufferization.materialize_in_destination
// CHECK-NOT: = rasp.
// CHECK-NOT: !rasp.
module attributes {rasp.vocabulary = ["c", "a", "b"]} {
  func.func @hist() -> !rasp.sop<i64> {
    %t = rasp.tokens : !rasp.sop<!rasp.string>
    %same = rasp.select %t, %t, eq : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string>
    %w = rasp.selector_width %same : !rasp.sop<i64>
    return %w : !rasp.sop<i64>
  }
  func.func @reverse() -> !rasp.sop<!rasp.string> {
    %t = rasp.tokens : !rasp.sop<!rasp.string>
    %i = rasp.indices : !rasp.sop<i64>
    %len = rasp.length : !rasp.sop<i64>
    %one = rasp.constant 1 : !rasp.sop<i64>
    %a = rasp.sub %len, %i : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
    %b = rasp.sub %a, %one : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
    %flip = rasp.select %i, %b, eq : !rasp.sop<i64>, !rasp.sop<i64>
    %r = rasp.aggregate %flip, %t default 0 : !rasp.sop<!rasp.string> -> !rasp.sop<!rasp.string>
    return %r : !rasp.sop<!rasp.string>
  }
}

// -----

// A chain of maps is one loop: ((tokens_int + 1) ^ 2 - indices) / tokens_float,
// after the division check (which reads only the divisor).
// CHECK-LABEL: func.func @map_chain(
// CHECK-SAME: {{%[a-z0-9]+}}: tensor<?xi8>, [[INT:%[a-z0-9]+]]: tensor<?xi64>, [[FLT:%[a-z0-9]+]]: tensor<?xf64>
// CHECK: linalg.generic {{.+}} iterator_types = ["reduction"]} ins([[FLT]] : tensor<?xf64>)
// CHECK: arith.cmpf oeq
// CHECK: scf.if
// CHECK: func.call @rasp_runtime_error
// CHECK: [[R:%.+]] = linalg.generic {{.+}} iterator_types = ["parallel"]} ins([[INT]], [[FLT]] : tensor<?xi64>, tensor<?xf64>) outs(%{{.+}} : tensor<?xf64>)
// CHECK-NEXT: ^bb0([[X:%.+]]: i64, [[Y:%.+]]: f64, %{{.+}}: f64):
// CHECK-NEXT: [[I:%.+]] = linalg.index 0 : index
// CHECK-NEXT: [[I64:%.+]] = arith.index_cast [[I]] : index to i64
// CHECK-NEXT: [[A:%.+]] = arith.addi [[X]], %{{.+}} : i64
// CHECK-NEXT: [[P:%.+]] = math.ipowi [[A]], %{{.+}} : i64
// CHECK-NEXT: [[S:%.+]] = arith.subi [[P]], [[I64]] : i64
// CHECK-NEXT: [[SF:%.+]] = arith.sitofp [[S]] : i64 to f64
// CHECK-NEXT: [[D:%.+]] = arith.divf [[SF]], [[Y]] : f64
// CHECK-NEXT: linalg.yield [[D]] : f64
// CHECK-NOT: linalg.generic
// CHECK: bufferization.materialize_in_destination [[R]]
func.func @map_chain() -> !rasp.sop<f64> {
  %t = rasp.tokens : !rasp.sop<i64>
  %i = rasp.indices : !rasp.sop<i64>
  %one = rasp.constant 1 : !rasp.sop<i64>
  %two = rasp.constant 2 : !rasp.sop<i64>
  %a = rasp.add %t, %one : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %b = rasp.pow %a, %two : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %c = rasp.sub %b, %i : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %f = rasp.tokens : !rasp.sop<f64>
  %d = rasp.div %c, %f : !rasp.sop<i64>, !rasp.sop<f64> -> !rasp.sop<f64>
  return %d : !rasp.sop<f64>
}
