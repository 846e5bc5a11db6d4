// RUN: rasp-opt %s -convert-rasp-to-linalg -split-input-file | FileCheck %s
// RUN: rasp-opt %s -convert-rasp-to-linalg=narrow-storage=false -split-input-file | FileCheck %s --check-prefix=WIDE

// A returned sort of the tokens by themselves: one call that reads the
// input's own i8 buffer as keys and values (key kind 5: U8 string ids; value
// kind 1: 1-byte copies; ascending) and writes the i8 output buffer itself.
// The result is widened for the s-op (rasp.widened) and narrowed for the
// output: canonicalize folds the pair.
// CHECK-LABEL: func.func @sort_tokens
// CHECK-SAME:    %[[OUT:[a-z0-9]+]]: memref<?xi8>
// CHECK-DAG:     %[[U8:.+]] = arith.constant 5 : i64
// CHECK-DAG:     %[[BYTES1:.+]] = arith.constant 1 : i64
// CHECK-DAG:     %[[ASC:.+]] = arith.constant 0 : i64
// CHECK:         %[[T:.+]] = bufferization.to_buffer %arg0 read_only {{.*}} : tensor<?xi8> to memref<?xi8>
// CHECK-NOT:     memref.alloc
// CHECK:         call @rasp_stable_sort_c_c_c(%[[T]], %[[T]], %[[OUT]], %[[U8]], %[[BYTES1]], %[[ASC]])
// CHECK:         %[[R:.+]] = bufferization.to_tensor %[[OUT]] restrict : memref<?xi8> to tensor<?xi8>
// CHECK:         linalg.generic {{.*}} ins(%[[R]] : tensor<?xi8>) outs(%{{.+}} : tensor<?xi32>) attrs = {rasp.widened}
// CHECK-NOT:     memref.alloc
// CHECK:         return
// With i32 string ids (narrow-storage=false, or a table of over 127
// strings): key kind 2 (I32), value kind 4 (4-byte copies), no widening.
// WIDE-LABEL: func.func @sort_tokens
// WIDE-SAME:    %[[OUT:[a-z0-9]+]]: memref<?xi32>
// WIDE:         %[[T:.+]] = bufferization.to_buffer %arg0 read_only {{.*}} : tensor<?xi32> to memref<?xi32>
// WIDE:         call @rasp_stable_sort_i_i_i(%[[T]], %[[T]], %[[OUT]], %c2_i64, %c4_i64, %c0_i64)
// WIDE-NOT:     linalg.generic
// WIDE:         return
func.func @sort_tokens() -> !rasp.sop<!rasp.string> attributes {rasp.vocabulary = ["a", "b"]} {
  %t = rasp.tokens : !rasp.sop<!rasp.string>
  %s = rasp.stable_sort %t by %t : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string> -> !rasp.sop<!rasp.string>
  return %s : !rasp.sop<!rasp.string>
}

// -----

// Int values by other int keys, descending, not returned: an f64 result
// buffer, the values converted by the kernel (value kind 9: IntToFloat),
// read back as a read-only tensor by the map that uses them.
// CHECK-LABEL: func.func @sort_descending
// CHECK:         %[[BUF:.+]] = memref.alloc(%{{.+}}) : memref<?xf64>
// CHECK:         call @rasp_stable_sort_l_l_d(%{{.+}}, %{{.+}}, %[[BUF]], %c1_i64, %c9_i64, %c1_i64_{{[0-9]+}})
// CHECK:         bufferization.to_tensor %[[BUF]] restrict : memref<?xf64>
// CHECK:         linalg.generic
func.func @sort_descending() -> !rasp.sop<f64> {
  %t = rasp.tokens : !rasp.sop<i64>
  %k = rasp.neg %t : !rasp.sop<i64> -> !rasp.sop<i64>
  %s = rasp.stable_sort %t by %k descending : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<f64>
  %c = rasp.constant 2.0 : !rasp.sop<f64>
  %r = rasp.mul %s, %c : !rasp.sop<f64>, !rasp.sop<f64> -> !rasp.sop<f64>
  return %r : !rasp.sop<f64>
}

// -----

// Bool values by string keys: one-byte copies (value kind 1).
// CHECK-LABEL: func.func @sort_bools
// CHECK:         call @rasp_stable_sort_c_b_b(
// CHECK-SAME:      %c5_i64, %c1_i64, %c0_i64)
func.func @sort_bools() -> !rasp.sop<i1> attributes {rasp.vocabulary = ["a", "b"]} {
  %t = rasp.tokens : !rasp.sop<!rasp.string>
  %b = rasp.tokens : !rasp.sop<i1>
  %s = rasp.stable_sort %b by %t : !rasp.sop<i1>, !rasp.sop<!rasp.string> -> !rasp.sop<i1>
  return %s : !rasp.sop<i1>
}

// -----

// most_freq's sort: columns computed by maps are stored as narrow as their
// values allow. The keys -(count - 300 * indicator) lie in
// [-2^30, 300]: i32 (key kind 2); the values (a where of strings of a
// small table) are i8 ids (value kind 1); the result goes straight into the
// i8 output. Each truncation is a generic that fuses into its maps.
// CHECK-LABEL: func.func @computed_columns
// CHECK-SAME:    %[[OUT:[a-z0-9]+]]: memref<?xi8>
// CHECK:         %[[K:.+]] = linalg.generic {{.*}} ins(%{{.+}} : tensor<?xi64>) outs(%{{.+}} : tensor<?xi32>)
// CHECK-NEXT:    ^bb0(%[[K64:.+]]: i64, %{{.+}}: i32):
// CHECK-NEXT:      arith.trunci %[[K64]] : i64 to i32
// CHECK:         %[[V:.+]] = linalg.generic {{.*}} ins(%{{.+}} : tensor<?xi32>) outs(%{{.+}} : tensor<?xi8>)
// CHECK-NEXT:    ^bb0(%[[V32:.+]]: i32, %{{.+}}: i8):
// CHECK-NEXT:      arith.trunci %[[V32]] : i32 to i8
// CHECK:         %[[KB:.+]] = bufferization.to_buffer %[[K]] read_only {{.*}} : tensor<?xi32> to memref<?xi32>
// CHECK:         %[[VB:.+]] = bufferization.to_buffer %[[V]] read_only {{.*}} : tensor<?xi8> to memref<?xi8>
// CHECK:         call @rasp_stable_sort_i_c_c(%[[KB]], %[[VB]], %[[OUT]], %c2_i64, %c1_i64{{[_0-9]*}}, %c0_i64{{[_0-9]*}})
func.func @computed_columns() -> !rasp.sop<!rasp.string> attributes {rasp.vocabulary = ["a", "b"]} {
  %t = rasp.tokens : !rasp.sop<!rasp.string>
  %dash = rasp.constant "-" : !rasp.sop<!rasp.string>
  %c300 = rasp.constant 300 : !rasp.sop<i64>
  %i = rasp.indices : !rasp.sop<i64>
  %count = rasp.keyed_reduce equal(%t : !rasp.sop<!rasp.string>) to(%t : !rasp.sop<!rasp.string>) -> !rasp.sop<i64>
  %zero = rasp.constant 0 : !rasp.sop<i64>
  %first = rasp.cmp eq, %i, %zero : !rasp.sop<i64>, !rasp.sop<i64>
  %ind = rasp.indicator %first : !rasp.sop<i1> -> !rasp.sop<i64>
  %m = rasp.mul %ind, %c300 : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %score = rasp.sub %count, %m : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %key = rasp.neg %score : !rasp.sop<i64> -> !rasp.sop<i64>
  %v = rasp.where %first, %dash, %t : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string> -> !rasp.sop<!rasp.string>
  %s = rasp.stable_sort %v by %key : !rasp.sop<!rasp.string>, !rasp.sop<i64> -> !rasp.sop<!rasp.string>
  return %s : !rasp.sop<!rasp.string>
}

// -----

// Keys that are a function of the token and of one position comparison
// (an equal token came before: a byte-table reduction with order lt) and
// values that are the tokens: one rasp_table_sort call on the input's bytes
// and 512-entry key and value tables. The comparison is "not the token's
// first occurrence" (marked extreme), so the kernel gets the byte histogram
// (its own rasp_byte_table call, no order: -1) instead of the first
// positions, and order 16 (kTableSortNotFirst): it counts the codes from
// the histogram and finds each bit as it visits the positions. Ascending
// (0), one-byte output ids (1). No key column. The first-position call is
// left for rasp-erase-dead-kernel-calls. (The WIDE run has i32 ids: the
// column sort.)
// CHECK-LABEL: func.func @table_sort
// CHECK-NOT:     call @rasp_stable_sort
// CHECK:         call @rasp_byte_table_{{.*}}, %c2_i64)
// CHECK:         %[[HIST:.+]] = memref.alloc() : memref<256xi64>
// CHECK:         bufferization.to_buffer {{.+}} {rasp.kernel_call_site = 1 : i64}
// CHECK:         call @rasp_byte_table_{{.*}}, %[[HIST]], %[[HIST]], %{{.+}}, %c-1_i64)
// CHECK-DAG:     %[[KEYS:.+]] = bufferization.to_buffer %{{.+}} {rasp.kernel_call_site = 2 : i64} : tensor<512xi64> to memref<512xi64>
// CHECK-DAG:     %[[VALUES:.+]] = bufferization.to_buffer %{{.+}} {rasp.kernel_call_site = 2 : i64} : tensor<512xi64> to memref<512xi64>
// CHECK:         call @rasp_table_sort_c_l_l_l_c(%{{.+}}, %[[HIST]], %[[KEYS]], %[[VALUES]], %arg4, %c16_i64{{.*}}, %c0_i64{{.*}}, %c1_i64{{.*}})
// CHECK-NOT:     call @rasp_stable_sort
// WIDE-LABEL:  func.func @table_sort
// WIDE-NOT:      rasp_table_sort
// WIDE:          call @rasp_stable_sort
func.func @table_sort() -> !rasp.sop<!rasp.string> attributes {rasp.vocabulary = ["a", "b"]} {
  %t = rasp.tokens : !rasp.sop<!rasp.string>
  %i = rasp.indices : !rasp.sop<i64>
  %one = rasp.constant 1 : !rasp.sop<i64>
  %zero = rasp.constant 0 : !rasp.sop<i64>
  %seen = rasp.keyed_reduce equal(%t : !rasp.sop<!rasp.string>) to(%t : !rasp.sop<!rasp.string>) order lt(%i : !rasp.sop<i64>) to(%i : !rasp.sop<i64>) values %one : !rasp.sop<i64> default 0 -> !rasp.sop<f64>
  %repeat = rasp.cmp gt, %seen, %zero : !rasp.sop<f64>, !rasp.sop<i64>
  %key = rasp.indicator %repeat : !rasp.sop<i1> -> !rasp.sop<i64>
  %r = rasp.stable_sort %t by %key : !rasp.sop<!rasp.string>, !rasp.sop<i64> -> !rasp.sop<!rasp.string>
  return %r : !rasp.sop<!rasp.string>
}

// -----

// The comparison of a masked reduction (an equal token before me among the
// positions the mask keeps) is not "not my first occurrence": the kernel
// gets the first-position table and order lt (2), and counts the codes in
// a pass of its own.
// CHECK-LABEL: func.func @table_sort_masked_bit
// CHECK:         %[[FIRST:.+]] = memref.alloc() : memref<256xi64>
// CHECK:         call @rasp_byte_table_{{.*}}, %[[FIRST]], %[[FIRST]], %{{.+}}, %c2_i64)
// CHECK-NOT:     call @rasp_byte_table
// CHECK:         call @rasp_table_sort_c_l_l_l_c(%{{.+}}, %[[FIRST]], %{{.+}}, %{{.+}}, %arg4, %c2_i64{{.*}}, %c0_i64{{.*}}, %c1_i64{{.*}})
func.func @table_sort_masked_bit() -> !rasp.sop<!rasp.string> attributes {rasp.vocabulary = ["a", "b"]} {
  %t = rasp.tokens : !rasp.sop<!rasp.string>
  %i = rasp.indices : !rasp.sop<i64>
  %one = rasp.constant 1 : !rasp.sop<i64>
  %zero = rasp.constant 0 : !rasp.sop<i64>
  %a = rasp.constant "a" : !rasp.sop<!rasp.string>
  %is_a = rasp.cmp eq, %t, %a : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string>
  %seen = rasp.keyed_reduce equal(%t : !rasp.sop<!rasp.string>) to(%t : !rasp.sop<!rasp.string>) order lt(%i : !rasp.sop<i64>) to(%i : !rasp.sop<i64>) key_mask %is_a : !rasp.sop<i1> values %one : !rasp.sop<i64> default 0 -> !rasp.sop<f64>
  %repeat = rasp.cmp gt, %seen, %zero : !rasp.sop<f64>, !rasp.sop<i64>
  %key = rasp.indicator %repeat : !rasp.sop<i1> -> !rasp.sop<i64>
  %r = rasp.stable_sort %t by %key : !rasp.sop<!rasp.string>, !rasp.sop<i64> -> !rasp.sop<!rasp.string>
  return %r : !rasp.sop<!rasp.string>
}
