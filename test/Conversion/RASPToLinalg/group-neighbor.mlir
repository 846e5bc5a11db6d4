// RUN: rasp-opt %s -convert-rasp-to-linalg -split-input-file | FileCheck %s

// The dyck partner: one call of rasp_group_neighbor on the level's, the
// key mask's and the tokens' own buffers (no copies: the tokens are the
// input's i8 string ids, read through their widening), writing one-byte
// counts (0 or 1) and one-byte string-id sums (the values' own storage).
// The level indices + 1 lies in [1, 2^30 + 1]: it is stored in i32 (a
// truncating generic that fuses into its map). kinds = groups I32 (2) |
// key mask I8 (3 << 4) | values U8 (5 << 12) | counts I8 (3 << 16) | sums
// U8 (5 << 20) = 5460018; previous: 0. At most one key is selected, so
// the finalization checks no "several values" (no runtime error call):
// where the count is 0 it takes the default's string id.
// CHECK-LABEL: func.func @partner
// CHECK:         %[[COUNTS:.+]] = memref.alloc(%{{.+}}) : memref<?xi8>
// CHECK:         %[[SUMS:.+]] = memref.alloc(%{{.+}}) : memref<?xi8>
// CHECK-DAG:     %[[KINDS:.+]] = arith.constant 5460018 : i64
// CHECK-DAG:     %[[PREV:.+]] = arith.constant 0 : i64
// CHECK:         %[[G:.+]] = bufferization.to_buffer %{{.+}} read_only {rasp.kernel_call_site = 0 : i64} : tensor<?xi32> to memref<?xi32>
// CHECK:         %[[M:.+]] = bufferization.to_buffer %{{.+}} read_only {rasp.kernel_call_site = 0 : i64} : tensor<?xi1> to memref<?xi1>
// CHECK:         %[[V:.+]] = bufferization.to_buffer %arg0 read_only {rasp.kernel_call_site = 0 : i64} : tensor<?xi8> to memref<?xi8>
// CHECK:         call @rasp_group_neighbor_i_b_c_c_c_c(%[[G]], %[[M]], %[[COUNTS]], %[[V]], %[[COUNTS]], %[[SUMS]], %[[KINDS]], %[[PREV]])
// CHECK:         %[[C:.+]] = bufferization.to_tensor %[[COUNTS]] restrict
// CHECK:         %[[WIDE:.+]] = linalg.generic {{.*}} ins(%[[C]] : tensor<?xi8>) {{.*}}rasp.widened
// CHECK:         %[[S:.+]] = bufferization.to_tensor %[[SUMS]] restrict
// CHECK:         %[[IDS:.+]] = linalg.generic {{.*}} ins(%[[S]] : tensor<?xi8>) {{.*}}rasp.widened
// CHECK:         linalg.generic {{.*}} ins(%[[IDS]], %[[WIDE]] : tensor<?xi32>, tensor<?xi64>)
// CHECK:           arith.cmpi eq
// CHECK:           arith.select
// CHECK-NOT:     rasp_runtime_error
// CHECK:         return
func.func @partner() -> !rasp.sop<!rasp.string> attributes {rasp.vocabulary = ["(", ")"]} {
  %t = rasp.tokens : !rasp.sop<!rasp.string>
  %i = rasp.indices : !rasp.sop<i64>
  %one = rasp.constant 1 : !rasp.sop<i64>
  %level = rasp.add %i, %one : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %open = rasp.cmp lt, %i, %one : !rasp.sop<i64>, !rasp.sop<i64>
  %r = rasp.group_neighbor previous %level : !rasp.sop<i64> key_mask %open : !rasp.sop<i1> values %t : !rasp.sop<!rasp.string> default "-" -> !rasp.sop<!rasp.string>
  return %r : !rasp.sop<!rasp.string>
}

// -----

// A returned count (no values) is written straight into the output buffer
// as i32 (a count fits): string groups (U8: 5), query mask (I8 at slot 2:
// 3 << 8), counts I32 (2 << 16): kinds 131845; next: 1. No temporaries.
// CHECK-LABEL: func.func @returned_count
// CHECK-SAME:    %[[OUT:[a-z0-9]+]]: memref<?xi32>
// CHECK-NOT:     memref.alloc
// CHECK:         %[[G:.+]] = bufferization.to_buffer %arg0 read_only
// CHECK:         %[[Q:.+]] = bufferization.to_buffer %{{.+}} read_only
// CHECK:         call @rasp_group_neighbor_c_i_b_i_i_i(%[[G]], %[[OUT]], %[[Q]], %[[OUT]], %[[OUT]], %[[OUT]], %c131845_i64, %c1_i64)
// The widening for the s-op and the output's truncation cancel in canonicalize.
// CHECK:         %[[C:.+]] = bufferization.to_tensor %[[OUT]] restrict
// CHECK:         %[[W:.+]] = linalg.generic {{.*}} ins(%[[C]] : tensor<?xi32>) {{.*}}rasp.widened
// CHECK:         linalg.generic {{.*}} ins(%[[W]] : tensor<?xi64>) outs(%{{.+}} : tensor<?xi32>)
// CHECK-NEXT:    ^bb0
// CHECK-NEXT:      arith.trunci
// CHECK-NOT:     memref.alloc
// CHECK:         return
func.func @returned_count() -> !rasp.sop<i64> attributes {rasp.vocabulary = ["a", "b"]} {
  %t = rasp.tokens : !rasp.sop<!rasp.string>
  %i = rasp.indices : !rasp.sop<i64>
  %one = rasp.constant 1 : !rasp.sop<i64>
  %q = rasp.cmp ge, %i, %one : !rasp.sop<i64>, !rasp.sop<i64>
  %w = rasp.group_neighbor next %t : !rasp.sop<!rasp.string> query_mask %q : !rasp.sop<i1> -> !rasp.sop<i64>
  return %w : !rasp.sop<i64>
}

// -----

// Int values over bool groups: i64 sums, one-byte counts widened by a
// generic (rasp.widened), the mean sum / count where the count is not 0,
// else the default. kinds = groups I8 (3) | values I64 (1 << 12) | counts
// I8 (3 << 16) | sums I64 (1 << 20) = 1249283.
// CHECK-LABEL: func.func @int_values
// CHECK:         %[[COUNTS:.+]] = memref.alloc(%{{.+}}) : memref<?xi8>
// CHECK:         %[[SUMS:.+]] = memref.alloc(%{{.+}}) : memref<?xi64>
// CHECK:         call @rasp_group_neighbor_b_c_c_l_c_l(%{{.+}}, %[[COUNTS]], %[[COUNTS]], %{{.+}}, %[[COUNTS]], %[[SUMS]], %c1249283_i64, %c0_i64)
// CHECK:         %[[C:.+]] = bufferization.to_tensor %[[COUNTS]] restrict
// CHECK:         %[[WIDE:.+]] = linalg.generic {{.*}} ins(%[[C]] : tensor<?xi8>) {{.*}}rasp.widened
// CHECK:           arith.extsi
// CHECK:         %[[S:.+]] = bufferization.to_tensor %[[SUMS]] restrict
// CHECK:         linalg.generic {{.*}} ins(%[[S]], %[[WIDE]] : tensor<?xi64>, tensor<?xi64>)
// CHECK:           arith.divf
// CHECK:           arith.select
func.func @int_values() -> !rasp.sop<f64> {
  %b = rasp.tokens : !rasp.sop<i1>
  %v = rasp.tokens : !rasp.sop<i64>
  %r = rasp.group_neighbor previous %b : !rasp.sop<i1> values %v : !rasp.sop<i64> default 7 -> !rasp.sop<f64>
  return %r : !rasp.sop<f64>
}
