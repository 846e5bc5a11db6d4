// RUN: rasp-opt %s -convert-rasp-to-linalg -split-input-file | FileCheck %s
// RUN: rasp-opt %s -convert-rasp-to-linalg=byte-tables=false -split-input-file | FileCheck %s --check-prefix=OFF

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

// -----

// Dyck's level over a small table's tokens: groups scan_sum(step) + offset
// and the key mask are element-wise functions of the token bytes, so the
// call is rasp_scan_group_neighbor on the bytes and three 256-entry tables
// (step, offset, key mask), each computed by the maps' generics cloned
// onto the 256 bytes: no level or mask column. The key mask kind is U8 (5
// << 4): a table looked up by the byte. kinds = key mask U8 (5 << 4) |
// values U8 (5 << 12) | counts I8 (3 << 16) | sums U8 (5 << 20) = 5460048.
// Without byte tables the level is a stored column again.
// CHECK-LABEL: func.func @scan_groups
// CHECK-NOT:     call @rasp_group_neighbor
// CHECK:         %[[STEP:.+]] = bufferization.to_buffer %{{.+}} read_only {{.*}} : tensor<256xi64> to memref<256xi64>
// CHECK:         %[[OFFSET:.+]] = bufferization.to_buffer %{{.+}} read_only {{.*}} : tensor<256xi64> to memref<256xi64>
// CHECK:         %[[MASK:.+]] = bufferization.to_buffer %{{.+}} read_only {{.*}} : tensor<256xi64> to memref<256xi64>
// CHECK:         call @rasp_scan_group_neighbor_c_l_l_l_c_c_c_c(%{{.+}}, %[[STEP]], %[[OFFSET]], %[[MASK]], %{{.+}}, %{{.+}}, %{{.+}}, %{{.+}}, %c5460048_i64, %{{.+}})
// CHECK-NOT:     call @rasp_group_neighbor
// OFF-LABEL:   func.func @scan_groups
// OFF-NOT:       rasp_scan_group_neighbor
// OFF:           call @rasp_group_neighbor_i_b_
func.func @scan_groups() -> !rasp.sop<!rasp.string> attributes {rasp.vocabulary = ["(", ")"]} {
  %t = rasp.tokens : !rasp.sop<!rasp.string>
  %one = rasp.constant 1 : !rasp.sop<i64>
  %o = rasp.member %t, ["("] : !rasp.sop<!rasp.string>
  %c = rasp.member %t, [")"] : !rasp.sop<!rasp.string>
  %oi = rasp.indicator %o : !rasp.sop<i1> -> !rasp.sop<i64>
  %ci = rasp.indicator %c : !rasp.sop<i1> -> !rasp.sop<i64>
  %step = rasp.sub %oi, %ci : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %depth = rasp.scan_sum %step, le : !rasp.sop<i64>
  %level = rasp.add %depth, %ci : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %open = rasp.cmp eq, %oi, %one : !rasp.sop<i64>, !rasp.sop<i64>
  %r = rasp.group_neighbor previous %level : !rasp.sop<i64> key_mask %open : !rasp.sop<i1> values %t : !rasp.sop<!rasp.string> default "-" -> !rasp.sop<!rasp.string>
  return %r : !rasp.sop<!rasp.string>
}

// -----

// Not scan groups: a key mask that depends on the position (indices), and
// a suffix sum (ge) as the groups: the stored columns of before.
// CHECK-LABEL: func.func @not_scan_groups
// CHECK-NOT:     rasp_scan_group_neighbor
// CHECK-COUNT-2: call @rasp_group_neighbor
// CHECK-NOT:     rasp_scan_group_neighbor
func.func @not_scan_groups() -> !rasp.sop<i64> attributes {rasp.vocabulary = ["(", ")"]} {
  %t = rasp.tokens : !rasp.sop<!rasp.string>
  %i = rasp.indices : !rasp.sop<i64>
  %one = rasp.constant 1 : !rasp.sop<i64>
  %o = rasp.member %t, ["("] : !rasp.sop<!rasp.string>
  %oi = rasp.indicator %o : !rasp.sop<i1> -> !rasp.sop<i64>
  %prefix = rasp.scan_sum %oi, le : !rasp.sop<i64>
  %suffix = rasp.scan_sum %oi, ge : !rasp.sop<i64>
  %late = rasp.cmp gt, %i, %one : !rasp.sop<i64>, !rasp.sop<i64>
  %a = rasp.group_neighbor previous %prefix : !rasp.sop<i64> key_mask %late : !rasp.sop<i1> -> !rasp.sop<i64>
  %b = rasp.group_neighbor previous %suffix : !rasp.sop<i64> -> !rasp.sop<i64>
  %r = rasp.add %a, %b : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  return %r : !rasp.sop<i64>
}
