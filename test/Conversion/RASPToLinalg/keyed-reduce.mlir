// RUN: rasp-opt %s -convert-rasp-to-linalg -split-input-file | FileCheck %s
// RUN: rasp-opt %s -rasp-to-affine -split-input-file | FileCheck %s --check-prefix=AFFINE

// A histogram: one equality column, keys = queries passed as ONE buffer (the
// input's own: no copy), counts written by the call and read back as a
// read-only tensor.
// CHECK-LABEL: func.func @histogram(
// CHECK-SAME:    %[[TOKENS:[a-z0-9_]+]]: tensor<?xi32>
// CHECK:         %[[COUNTS:.+]] = memref.alloc(%{{.+}}) : memref<?xi64>
// CHECK:         %[[KEYS:.+]] = bufferization.to_buffer %[[TOKENS]] read_only {rasp.kernel_call_site = 0 : i64}
// CHECK:         call @rasp_keyed_reduce_i_l_i_l_l_l_l(%[[KEYS]], %[[COUNTS]], %[[KEYS]], %[[COUNTS]],
// CHECK:         bufferization.to_tensor %[[COUNTS]] restrict :
// AFFINE-LABEL: func.func @histogram(
// AFFINE-SAME:    %[[TOKENS:[a-z0-9_]+]]: memref<?xi32>
// AFFINE:         call @rasp_keyed_reduce_i_l_i_l_l_l_l(%[[TOKENS]], %{{.+}}, %[[TOKENS]],
func.func @histogram() -> !rasp.sop<i64> {
  %t = rasp.tokens : !rasp.sop<!rasp.string>
  %h = rasp.keyed_reduce equal(%t : !rasp.sop<!rasp.string>) to(%t : !rasp.sop<!rasp.string>) -> !rasp.sop<i64>
  return %h : !rasp.sop<i64>
}

// -----

// Two calls read the same computed s-op %level, passed without a copy. Each
// call has its own to_buffer (distinct call sites), so CSE cannot merge the
// second read into the first and bufferization sees it after %shifted:
// %shifted must not be written in place over %level's buffer, which the
// second call still reads (dyck2 was miscompiled so).
// CHECK-LABEL: func.func @two_calls_one_column(
// CHECK:         %[[B0:.+]] = bufferization.to_buffer %[[LEVEL:.+]] read_only {rasp.kernel_call_site = 0 : i64}
// CHECK:         call @rasp_keyed_reduce_l_l_l_l_l_l_l(%[[B0]],
// CHECK:         %[[B1:.+]] = bufferization.to_buffer %[[LEVEL]] read_only {rasp.kernel_call_site = 1 : i64}
// CHECK:         call @rasp_keyed_reduce_l_l_l_l_l_l_l(%[[B1]],
// AFFINE-LABEL: func.func @two_calls_one_column(
// AFFINE:         call @rasp_keyed_reduce_l_l_l_l_l_l_l(%[[LEVEL:[a-z0-9_]+]], %[[WIDTH:[a-z0-9_]+]], %[[LEVEL]],
// AFFINE-NOT:     affine.store %{{.+}}, %[[LEVEL]][
// AFFINE:         affine.store %{{.+}}, %[[SHIFTED:[a-z0-9_]+]][
// AFFINE-NOT:     affine.store %{{.+}}, %[[LEVEL]][
// AFFINE:         call @rasp_keyed_reduce_l_l_l_l_l_l_l(%[[LEVEL]], %[[WIDTH]], %[[LEVEL]], %[[SHIFTED]],
// AFFINE-NOT:     memref.copy %[[LEVEL]]
func.func @two_calls_one_column() -> !rasp.sop<i64> {
  %t = rasp.tokens : !rasp.sop<i64>
  %i = rasp.indices : !rasp.sop<i64>
  %level = rasp.add %t, %i : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %width = rasp.keyed_reduce equal(%level : !rasp.sop<i64>) to(%level : !rasp.sop<i64>) order le(%i : !rasp.sop<i64>) to(%i : !rasp.sop<i64>) -> !rasp.sop<i64>
  %one = rasp.constant 1 : !rasp.sop<i64>
  %shifted = rasp.sub %width, %one : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %r = rasp.keyed_reduce equal(%level, %width : !rasp.sop<i64>, !rasp.sop<i64>) to(%level, %shifted : !rasp.sop<i64>, !rasp.sop<i64>) -> !rasp.sop<i64>
  return %r : !rasp.sop<i64>
}
