// --rasp-to-llvm: rasp-to-affine, then everything to the LLVM dialect. Only
// llvm (and OpenMP, for parallel query loops) ops are left; each program is
// an llvm.func on expanded memref descriptors with a _mlir_ciface_ wrapper
// taking descriptor pointers, which the JIT calls.
// The rewrites are off: this checks the generic kernel's lowering (the keyed
// kernel's call is checked in test/Integration/emit-stages.test).
// RUN: rasp-opt %s --rasp-to-llvm=rewrite=false | FileCheck %s
// RUN: rasp-opt %s --rasp-to-llvm | FileCheck %s --check-prefix=NONE

// Nothing of the earlier stages remains.
// NONE-NOT: {{(^|[ (])(affine|linalg|tensor|bufferization|memref|arith|math|scf|cf|func|index|ub|vector)\.[a-z_]+}}
// NONE-NOT: = rasp.
// NONE-NOT: !rasp.
// NONE-NOT: unrealized_conversion_cast

// CHECK: llvm.func @rasp_runtime_error(i64, i64, i64)

// hist: five memrefs (string ids, ints, floats, bools, the output), each
// expanded to (allocated ptr, aligned ptr, offset, size, stride).
// CHECK-LABEL: llvm.func @hist(
// CHECK-SAME: {{(%arg[0-9]+: !llvm.ptr, %arg[0-9]+: !llvm.ptr(, %arg[0-9]+: i64){3}, ){4}%arg20}}: !llvm.ptr, %arg21: !llvm.ptr, %arg22: i64, %arg23: i64, %arg24: i64)
// CHECK-SAME: attributes {llvm.emit_c_interface}
// The key loop: a compare of string ids and a count.
// CHECK: llvm.icmp "eq"
// CHECK: llvm.zext
// CHECK: llvm.add
// CHECK: llvm.return

// The C interface: one pointer per memref descriptor, loaded and passed on.
// CHECK-LABEL: llvm.func @_mlir_ciface_hist(
// CHECK-SAME: [[D0:%arg0]]: !llvm.ptr, [[D1:%arg1]]: !llvm.ptr, [[D2:%arg2]]: !llvm.ptr, [[D3:%arg3]]: !llvm.ptr, [[D4:%arg4]]: !llvm.ptr)
// CHECK-SAME: attributes {llvm.emit_c_interface}
// CHECK: llvm.load [[D0]] : !llvm.ptr -> !llvm.struct<(ptr, ptr, i64, array<1 x i64>, array<1 x i64>)>
// CHECK: llvm.load [[D1]] : !llvm.ptr -> !llvm.struct<(ptr, ptr, i64, array<1 x i64>, array<1 x i64>)>
// CHECK: llvm.load [[D2]] : !llvm.ptr -> !llvm.struct<(ptr, ptr, i64, array<1 x i64>, array<1 x i64>)>
// CHECK: llvm.load [[D3]] : !llvm.ptr -> !llvm.struct<(ptr, ptr, i64, array<1 x i64>, array<1 x i64>)>
// CHECK: llvm.load [[D4]] : !llvm.ptr -> !llvm.struct<(ptr, ptr, i64, array<1 x i64>, array<1 x i64>)>
// CHECK: llvm.call @hist({{(%[0-9]+, ){24}%[0-9]+}}) : ({{.+}}) -> ()
// CHECK-NEXT: llvm.return

// reverse: the run-time checks call rasp_runtime_error; temporaries are
// allocated with malloc and freed.
// CHECK-LABEL: llvm.func @reverse(
// CHECK-SAME: attributes {llvm.emit_c_interface}
// CHECK: llvm.call @malloc
// CHECK: llvm.call @rasp_runtime_error(
// CHECK: llvm.call @rasp_runtime_error(
// CHECK: llvm.call @free
// CHECK: llvm.return
// CHECK-LABEL: llvm.func @_mlir_ciface_reverse(
// CHECK-SAME: !llvm.ptr, %arg1: !llvm.ptr, %arg2: !llvm.ptr, %arg3: !llvm.ptr, %arg4: !llvm.ptr)
// CHECK: llvm.call @reverse(

// Python's floored % and round: spelled out with llvm ops and intrinsics.
// CHECK-LABEL: llvm.func @mod_round(
// CHECK: llvm.srem
// CHECK: llvm.intr.roundeven
// CHECK: llvm.fptosi
// CHECK-LABEL: llvm.func @_mlir_ciface_mod_round(
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
  func.func @mod_round() -> !rasp.sop<i64> {
    %t = rasp.tokens : !rasp.sop<i64>
    %i = rasp.indices : !rasp.sop<i64>
    %m = rasp.mod %t, %i : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
    %f = rasp.tokens : !rasp.sop<f64>
    %d = rasp.mul %f, %m : !rasp.sop<f64>, !rasp.sop<i64> -> !rasp.sop<f64>
    %r = rasp.round %d : !rasp.sop<f64> -> !rasp.sop<i64>
    return %r : !rasp.sop<i64>
  }
}
