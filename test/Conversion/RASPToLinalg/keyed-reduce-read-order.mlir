// String ids and outputs keep their computed types (narrow-storage=false), and
// the affine run keeps the per-position kernel (byte-tables=false): the
// storage narrowing has its own tests (signature.mlir, narrow-storage.mlir).
// RUN: rasp-opt %s -convert-rasp-to-linalg=narrow-storage=false | FileCheck %s
// RUN: rasp-opt %s -rasp-to-affine=byte-tables=false | FileCheck %s --check-prefix=AFFINE

// A kernel call's columns are read through `to_buffer read_only`, which
// one-shot bufferization takes as the read. The constant values (True) are
// broadcast at the call site, into the same tensor.empty as the key mask
// (indices == 1, a computed column): every to_buffer must come after that
// broadcast, right before the call, or the broadcast is written in place over
// the key mask's buffer before the call reads it (a difftest finding:
// test/Integration/regressions/kernel-column-buffers.test).
// CHECK-LABEL: func.func @mask_and_constant_values(
// CHECK:         %[[MASK:.+]] = linalg.generic {{.*}} ins(
// CHECK:           arith.cmpi eq
// CHECK:         %[[TRUE:.+]] = linalg.generic
// CHECK-NEXT:    ^bb0
// CHECK-NEXT:      %[[T:.+]] = arith.constant true
// CHECK-NEXT:      linalg.yield %[[T]]
// CHECK:         %[[KEYS:.+]] = bufferization.to_buffer %{{.+}} read_only
// CHECK-NEXT:    %[[MASKBUF:.+]] = bufferization.to_buffer %[[MASK]] read_only
// CHECK-NEXT:    %[[VALUES:.+]] = bufferization.to_buffer %[[TRUE]] read_only
// CHECK-NEXT:    call @rasp_keyed_reduce_{{.*}}(%[[KEYS]], %{{.+}}, %[[KEYS]], %{{.+}}, %[[MASKBUF]], %{{.+}}, %[[VALUES]],
// After bufferization the mask keeps its own buffer: nothing stores True
// into it before the call.
// AFFINE-LABEL: func.func @mask_and_constant_values(
// AFFINE:         arith.cmpi eq
// AFFINE-NEXT:    affine.store %{{.+}}, %[[M:[a-z0-9_]+]][
// AFFINE-NOT:     affine.store %true, %[[M]][
// AFFINE:         call @rasp_keyed_reduce_{{.*}}(%{{.+}}, %{{.+}}, %{{.+}}, %{{.+}}, %[[M]], %{{.+}}, %[[V:[a-z0-9_]+]],
func.func @mask_and_constant_values() -> !rasp.sop<i1> {
  %true = rasp.constant true : !rasp.sop<i1>
  %one = rasp.constant 1 : !rasp.sop<i64>
  %i = rasp.indices : !rasp.sop<i64>
  %t = rasp.tokens : !rasp.sop<!rasp.string>
  %mask = rasp.cmp eq, %i, %one : !rasp.sop<i64>, !rasp.sop<i64>
  %r = rasp.keyed_reduce equal(%t : !rasp.sop<!rasp.string>) to(%t : !rasp.sop<!rasp.string>) key_mask %mask : !rasp.sop<i1> values %true : !rasp.sop<i1> default false -> !rasp.sop<i1>
  return %r : !rasp.sop<i1>
}
