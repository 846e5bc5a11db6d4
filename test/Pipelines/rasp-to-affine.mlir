// --rasp-to-affine: rasp-to-linalg, then bufferization (function boundaries
// included: the inputs become memrefs) and linalg to affine loops. No rasp,
// linalg, tensor or bufferization op is left; aggregates and selector_width
// are a query loop around a key loop that carries the sums and counts.
// (The select rewrites are off: these check the generic kernels' loops.)
// RUN: rasp-opt %s --rasp-to-affine="rewrite=false" | FileCheck %s

// CHECK-NOT: linalg.
// CHECK-LABEL: func.func @hist(
// CHECK-SAME: [[IN:%[a-z0-9]+]]: memref<?xi8>, {{%[a-z0-9]+}}: memref<?xi64>, {{%[a-z0-9]+}}: memref<?xf64>, {{%[a-z0-9]+}}: memref<?xi1>, [[OUT:%[a-z0-9]+]]: memref<?xi32>)
// CHECK-SAME: attributes {llvm.emit_c_interface}
// CHECK: [[N:%.+]] = memref.dim [[IN]]
// The input's i8 ids widened once (read twice, as keys and as queries, the
// widening is not fused into the select), into an i32 temporary.
// CHECK: [[STR:%.+]] = memref.alloc([[N]]) {{.*}} : memref<?xi32>
// CHECK: affine.for [[I:%[a-z0-9]+]] = 0 to [[N]] {
// CHECK-NEXT: [[B:%.+]] = affine.load [[IN]][[[I]]] : memref<?xi8>
// CHECK-NEXT: [[W:%.+]] = arith.extsi [[B]] : i8 to i32
// CHECK-NEXT: affine.store [[W]], [[STR]][[[I]]]
// The query loop (blocked: several queries per key loop), the key loop with
// the counts as loop-carried values; each key is loaded once, compared with
// the queries loaded outside the key loop.
// CHECK: {{affine.for|affine.parallel}} {{\(?}}[[Q:%[a-z0-9]+]]{{\)?}} = {{.+}} {
// CHECK: [[QV:%.+]] = affine.load [[STR]][[[Q]]]
// CHECK: affine.for [[K:%[a-z0-9]+]] = 0 to [[N]] iter_args(
// CHECK-NEXT: [[KV:%.+]] = affine.load [[STR]][[[K]]]
// CHECK-NEXT: [[SEL:%.+]] = arith.cmpi eq, [[KV]], [[QV]] : i32
// CHECK-NEXT: [[ONE:%.+]] = arith.extui [[SEL]] : i1 to i32
// CHECK-NEXT: arith.addi %{{.+}}, [[ONE]]
// CHECK: affine.yield
// The remainder queries: the same key loop, one query at a time.
// CHECK: affine.for [[Q:%[a-z0-9]+]] = {{.+}} to [[N]] {
// CHECK: [[QV:%.+]] = affine.load [[STR]][[[Q]]]
// CHECK: affine.for [[K:%[a-z0-9]+]] = 0 to [[N]] iter_args(
// CHECK-NEXT: [[KV:%.+]] = affine.load [[STR]][[[K]]]
// CHECK-NEXT: arith.cmpi eq, [[KV]], [[QV]]
// CHECK: affine.store %{{.+}}, [[OUT]][
// CHECK-NOT: linalg.
// CHECK-NOT: tensor.
// CHECK-NOT: bufferization.
// CHECK-NOT: = rasp.
// CHECK: return

// reverse: the query length - q - 1 is computed once (it fits in i32: an
// i32 column); the key loop reads only the tokens (the values, as the
// input's i8 ids) and compares i32.
// CHECK-LABEL: func.func @reverse(
// CHECK-SAME: [[STR:%[a-z0-9]+]]: memref<?xi8>, {{%[a-z0-9]+}}: memref<?xi64>, {{%[a-z0-9]+}}: memref<?xf64>, {{%[a-z0-9]+}}: memref<?xi1>, [[OUT:%[a-z0-9]+]]: memref<?xi8>)
// CHECK: [[N:%.+]] = memref.dim [[STR]]
// CHECK: affine.for [[I:%[a-z0-9]+]] = 0 to [[N]] {
// CHECK: arith.subi
// CHECK: [[T:%.+]] = arith.trunci %{{.+}} : i64 to i32
// CHECK-NEXT: affine.store [[T]], [[FLIP:%[a-z0-9_]+]][
// CHECK: {{affine.for|affine.parallel}} {{\(?}}[[Q:%[a-z0-9]+]]{{\)?}} = {{.+}} {
// CHECK: [[F:%.+]] = affine.load [[FLIP]][[[Q]]] : memref<?xi32>
// CHECK: affine.for [[K:%[a-z0-9]+]] = 0 to [[N]] iter_args(
// CHECK-NEXT: [[V8:%.+]] = affine.load [[STR]][[[K]]] : memref<?xi8>
// CHECK-NEXT: [[V:%.+]] = arith.extsi [[V8]] : i8 to i32
// CHECK-NEXT: [[K32:%.+]] = arith.index_cast [[K]] : index to i32
// CHECK-NEXT: [[SEL:%.+]] = arith.cmpi eq, [[K32]], [[F]] : i32
// CHECK-NEXT: arith.select [[SEL]], [[V]], %{{.+}}
// The checks: min-reductions as loops, then the calls.
// CHECK: affine.for
// CHECK: arith.minsi
// CHECK: scf.if
// CHECK-NEXT: func.call @rasp_runtime_error
// CHECK: affine.for
// CHECK: arith.minsi
// CHECK: scf.if
// CHECK: func.call @rasp_runtime_error
// The result written straight into the caller's buffer; temporaries freed.
// CHECK: affine.for [[I:%[a-z0-9]+]] = 0 to [[N]] {
// CHECK: affine.store %{{.+}}, [[OUT]][[[I]]]
// CHECK: memref.dealloc
// CHECK-NOT: linalg.
// CHECK-NOT: tensor.
// CHECK-NOT: bufferization.
// CHECK-NOT: = rasp.
// CHECK-NOT: !rasp.
// CHECK: return
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
