// RUN: rasp-opt %s -convert-rasp-to-linalg=byte-tables=false -split-input-file | FileCheck %s
// RUN: rasp-opt %s -rasp-to-affine=byte-tables=false -split-input-file | FileCheck %s --check-prefix=AFFINE

// A returned histogram: one equality column, keys = queries passed as ONE
// buffer (the input's own i8 string ids, read through their widening: no
// copy), and the counts written by the call straight into the output buffer,
// i32 (counts fit): no temporary, no copy after the call.
// CHECK-LABEL: func.func @histogram(
// CHECK-SAME:    %[[TOKENS:[a-z0-9_]+]]: tensor<?xi8>, {{.*}}, %[[OUT:[a-z0-9_]+]]: memref<?xi32>)
// CHECK:         %[[KEYS:.+]] = bufferization.to_buffer %[[TOKENS]] read_only {rasp.kernel_call_site = 0 : i64} : tensor<?xi8> to memref<?xi8>
// CHECK:         call @rasp_keyed_reduce_c_i_c_i_i_i_i_i_i(%[[KEYS]], %[[OUT]], %[[KEYS]], %[[OUT]],
// CHECK:         bufferization.to_tensor %[[OUT]] restrict :
// AFFINE-LABEL: func.func @histogram(
// AFFINE-SAME:    %[[TOKENS:[a-z0-9_]+]]: memref<?xi8>, {{.*}}, %[[OUT:[a-z0-9_]+]]: memref<?xi32>)
// AFFINE-NOT:     memref.alloc
// AFFINE:         call @rasp_keyed_reduce_c_i_c_i_i_i_i_i_i(%[[TOKENS]], %[[OUT]], %[[TOKENS]],
// AFFINE-NOT:     memref.copy
// AFFINE:         return
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
// second call still reads (dyck2 was miscompiled so). The first call's counts
// are 32-bit, widened for the s-op by a marked generic; the second call reads
// them as a column in their 32-bit buffer, not a widened copy.
// CHECK-LABEL: func.func @two_calls_one_column(
// CHECK:         %[[WIDTH:.+]] = memref.alloc(%{{.+}}) : memref<?xi32>
// CHECK:         %[[B0:.+]] = bufferization.to_buffer %[[LEVEL:.+]] read_only {rasp.kernel_call_site = 0 : i64}
// CHECK:         call @rasp_keyed_reduce_l_i_l_i_i_i_i_i_i(%[[B0]], %[[WIDTH]],
// CHECK:         %[[NARROW:.+]] = bufferization.to_tensor %[[WIDTH]] restrict : memref<?xi32> to tensor<?xi32>
// CHECK:         linalg.generic {{.*}} ins(%[[NARROW]] : tensor<?xi32>) outs(%{{.+}} : tensor<?xi64>) attrs = {rasp.widened}
// CHECK-NEXT:    ^bb0(%[[C:.+]]: i32, %{{.+}}: i64):
// CHECK-NEXT:      arith.extsi %[[C]] : i32 to i64
// CHECK:         %[[B1:.+]] = bufferization.to_buffer %[[LEVEL]] read_only {rasp.kernel_call_site = 1 : i64}
// CHECK:         call @rasp_keyed_reduce_l_i_l_l_i_i_i_i_i(%[[B1]], %[[WIDTH]], %[[B1]],
// AFFINE-LABEL: func.func @two_calls_one_column(
// AFFINE:         call @rasp_keyed_reduce_l_i_l_i_i_i_i_i_i(%[[LEVEL:[a-z0-9_]+]], %[[WIDTH:[a-z0-9_]+]], %[[LEVEL]],
// AFFINE-NOT:     affine.store %{{.+}}, %[[LEVEL]][
// AFFINE:         affine.store %{{.+}}, %[[SHIFTED:[a-z0-9_]+]][
// AFFINE-NOT:     affine.store %{{.+}}, %[[LEVEL]][
// AFFINE:         call @rasp_keyed_reduce_l_i_l_l_i_i_i_i_i(%[[LEVEL]], %[[WIDTH]], %[[LEVEL]], %[[SHIFTED]],
// AFFINE-NOT:     memref.copy %[[LEVEL]]
func.func @two_calls_one_column() -> !rasp.sop<i64> {
  %t = rasp.tokens : !rasp.sop<i64>
  %i = rasp.indices : !rasp.sop<i64>
  %level = rasp.add %t, %i : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %width = rasp.keyed_reduce equal(%level : !rasp.sop<i64>) to(%level : !rasp.sop<i64>) order le(%i : !rasp.sop<i64>) to(%i : !rasp.sop<i64>) -> !rasp.sop<i64>
  %two = rasp.constant 2 : !rasp.sop<i64>
  %shifted = rasp.mul %width, %two : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %r = rasp.keyed_reduce equal(%level, %width : !rasp.sop<i64>, !rasp.sop<i64>) to(%level, %shifted : !rasp.sop<i64>, !rasp.sop<i64>) -> !rasp.sop<i64>
  return %r : !rasp.sop<i64>
}

// -----

// Constant int values (`aggregate(S, 3, 0)`): no column of copies goes to the
// kernel (the values slot repeats the counts buffer, and no sums buffer is
// allocated); the sum is 3 * count, computed after the call. The mean of a
// constant is the constant wherever any key is selected, so the kernel
// writes one byte per query that says only that (counts kind I8 in bits
// 28-31: 3 << 28, plus keys U8 (5), key order Indices (4 << 4), queries U8
// (5 << 8) and query order Indices (4 << 12) = 805324101).
// CHECK-LABEL: func.func @constant_values(
// CHECK:         %[[COUNTS:.+]] = memref.alloc(%{{.+}}) : memref<?xi8>
// CHECK-NOT:     memref.alloc
// CHECK:         call @rasp_keyed_reduce_c_c_c_c_c_c_c_c_c(%{{.+}}, %[[COUNTS]], %{{.+}}, %[[COUNTS]], %[[COUNTS]], %[[COUNTS]], %[[COUNTS]], %[[COUNTS]], %[[COUNTS]], %{{.+}}, %{{.+}}, %{{.+}}, %c805324101_i64,
// CHECK:         %[[NARROW:.+]] = bufferization.to_tensor %[[COUNTS]]
// CHECK:         %[[COUNT:.+]] = linalg.generic {{.*}} ins(%[[NARROW]] : tensor<?xi8>) {{.*}} {rasp.widened}
// CHECK:         linalg.generic {{.*}} ins(%[[COUNT]] : tensor<?xi64>)
// CHECK-NEXT:    ^bb0(%[[C:.+]]: i64,
// CHECK-NEXT:      %[[THREE:.+]] = arith.constant 3 : i64
// CHECK-NEXT:      arith.muli %[[C]], %[[THREE]] : i64
func.func @constant_values() -> !rasp.sop<f64> {
  %t = rasp.tokens : !rasp.sop<!rasp.string>
  %i = rasp.indices : !rasp.sop<i64>
  %three = rasp.constant 3 : !rasp.sop<i64>
  %m = rasp.keyed_reduce equal(%t : !rasp.sop<!rasp.string>) to(%t : !rasp.sop<!rasp.string>) order lt(%i : !rasp.sop<i64>) to(%i : !rasp.sop<i64>) values %three : !rasp.sop<i64> default 0 -> !rasp.sop<f64>
  return %m : !rasp.sop<f64>
}

// -----

// Past |c| = 2^22, c * count may not be exact as an f64 at n = 2^30: the
// counts stay 32-bit (counts kind I32: 2 << 28). At 2^22 they are bytes.
// CHECK-LABEL: func.func @large_constant_values(
// CHECK:         memref.alloc(%{{.+}}) : memref<?xi32>
// CHECK:         call @rasp_keyed_reduce_c_i_c_i_i_i_i_i_i(%{{.+}}, %c536888645_i64,
// CHECK-LABEL: func.func @largest_saturated_constant(
// CHECK:         memref.alloc(%{{.+}}) : memref<?xi8>
// CHECK:         call @rasp_keyed_reduce_c_c_c_c_c_c_c_c_c(%{{.+}}, %c805324101_i64,
func.func @large_constant_values() -> !rasp.sop<f64> {
  %t = rasp.tokens : !rasp.sop<!rasp.string>
  %i = rasp.indices : !rasp.sop<i64>
  %big = rasp.constant -4194305 : !rasp.sop<i64>
  %m = rasp.keyed_reduce equal(%t : !rasp.sop<!rasp.string>) to(%t : !rasp.sop<!rasp.string>) order lt(%i : !rasp.sop<i64>) to(%i : !rasp.sop<i64>) values %big : !rasp.sop<i64> default 0 -> !rasp.sop<f64>
  return %m : !rasp.sop<f64>
}
func.func @largest_saturated_constant() -> !rasp.sop<f64> {
  %t = rasp.tokens : !rasp.sop<!rasp.string>
  %i = rasp.indices : !rasp.sop<i64>
  %big = rasp.constant -4194304 : !rasp.sop<i64>
  %m = rasp.keyed_reduce equal(%t : !rasp.sop<!rasp.string>) to(%t : !rasp.sop<!rasp.string>) order lt(%i : !rasp.sop<i64>) to(%i : !rasp.sop<i64>) values %big : !rasp.sop<i64> default 0 -> !rasp.sop<f64>
  return %m : !rasp.sop<f64>
}

// -----

// No key columns (`S or not S`, a filter on a constant): every query selects
// the same keys. One reduction (count, sum) over the key mask and values, no
// kernel call; the scalars are broadcast to the queries (query mask: zero).
// CHECK-LABEL: func.func @global(
// CHECK-NOT:     call @rasp_keyed_reduce
// CHECK:         %[[R:.+]]:2 = linalg.generic {indexing_maps = [#{{.+}}, #{{.+}}, #[[SCALAR:.+]], #[[SCALAR]]], iterator_types = ["reduction"]}
// CHECK-SAME:      ins(%[[VALUES:.+]], %[[MASK:.+]] : tensor<?xi64>, tensor<?xi1>) outs(%{{.+}}, %{{.+}} : tensor<i64>, tensor<i64>)
// CHECK-NEXT:    ^bb0(%[[V:.+]]: i64, %[[M:.+]]: i1, %[[COUNT:.+]]: i64, %[[SUM:.+]]: i64):
// CHECK-NEXT:      %[[W:.+]] = arith.extui %[[M]] : i1 to i64
// CHECK-NEXT:      %[[NEWCOUNT:.+]] = arith.addi %[[COUNT]], %[[W]] : i64
// CHECK-NEXT:      %[[WV:.+]] = arith.muli %[[W]], %[[V]] : i64
// CHECK-NEXT:      %[[NEWSUM:.+]] = arith.addi %[[SUM]], %[[WV]] : i64
// CHECK-NEXT:      linalg.yield %[[NEWCOUNT]], %[[NEWSUM]] : i64, i64
// CHECK:         %[[TOTAL:.+]] = tensor.extract %[[R]]#0[]
// CHECK:         %[[TOTALSUM:.+]] = tensor.extract %[[R]]#1[]
// CHECK:         linalg.generic
// CHECK:           arith.select %{{.+}}, %[[TOTAL]], %{{.+}} : i64
// CHECK:         linalg.generic
// CHECK:           arith.select %{{.+}}, %[[TOTALSUM]], %{{.+}} : i64
// CHECK-NOT:     call @rasp_keyed_reduce
func.func @global() -> !rasp.sop<f64> {
  %v = rasp.tokens : !rasp.sop<i64>
  %i = rasp.indices : !rasp.sop<i64>
  %zero = rasp.constant 0 : !rasp.sop<i64>
  %positive = rasp.cmp gt, %v, %zero : !rasp.sop<i64>, !rasp.sop<i64>
  %first = rasp.cmp eq, %i, %zero : !rasp.sop<i64>, !rasp.sop<i64>
  %m = rasp.keyed_reduce key_mask %positive : !rasp.sop<i1> query_mask %first : !rasp.sop<i1> values %v : !rasp.sop<i64> default 0 -> !rasp.sop<f64>
  return %m : !rasp.sop<f64>
}

// -----

// Constant mask and values: no loop at all, count = n * 1 and sum = count * 2.
// CHECK-LABEL: func.func @global_constants(
// CHECK-NOT:     call @rasp_keyed_reduce
// CHECK:         %[[NI:.+]] = arith.index_cast %{{.+}} : index to i64
// CHECK:         %[[TOTAL:.+]] = arith.muli %[[NI]], %{{.+}} : i64
// CHECK:         arith.muli %[[TOTAL]], %{{.+}} : i64
func.func @global_constants() -> !rasp.sop<f64> {
  %two = rasp.constant 2 : !rasp.sop<i64>
  %m = rasp.keyed_reduce values %two : !rasp.sop<i64> default 0 -> !rasp.sop<f64>
  return %m : !rasp.sop<f64>
}

// -----

// Key and query columns `x + c`, `c + x`, `x - c` (c an int constant) are x's
// buffer plus an offset argument (keys0, keys1, queries0, queries1 after
// `kinds`): dyck's `nth - 1` makes no n-element copy. Not for indices
// (`indices - 1` is a computed column, stored in i32 as its values fit) and
// not for float columns.
// CHECK-LABEL: func.func @offsets(
// CHECK-SAME:    %{{.+}}: tensor<?xi8>, %[[INTS:[a-z0-9_]+]]: tensor<?xi64>,
// CHECK:         %[[A:.+]] = bufferization.to_buffer %[[INTS]] read_only
// CHECK-NEXT:    %[[B:.+]] = bufferization.to_buffer %[[INTS]] read_only
// CHECK-NEXT:    %[[C:.+]] = bufferization.to_buffer %[[INTS]] read_only
// CHECK-NEXT:    call @rasp_keyed_reduce_l_l_l_l_i_i_i_i_i(%[[A]], %[[C]], %[[B]], %[[C]], {{.*}}, %c-1_i64{{[_0-9]*}}, %c0_i64{{[_0-9]*}}, %c5_i64{{[_0-9]*}}, %c0_i64{{[_0-9]*}}) :
// CHECK:         %[[IM1:.+]] = bufferization.to_buffer %{{.+}} read_only {rasp.kernel_call_site = 1 : i64}
// CHECK-NEXT:    call @rasp_keyed_reduce_i_i_i_i_i_i_i_i_i(%[[IM1]], {{.*}}, %c0_i64{{[_0-9]*}}, %c0_i64{{[_0-9]*}}, %c0_i64{{[_0-9]*}}, %c0_i64{{[_0-9]*}}) :
func.func @offsets() -> !rasp.sop<i64> {
  %t = rasp.tokens : !rasp.sop<i64>
  %i = rasp.indices : !rasp.sop<i64>
  %one = rasp.constant 1 : !rasp.sop<i64>
  %five = rasp.constant 5 : !rasp.sop<i64>
  %tm1 = rasp.sub %t, %one : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %tp5 = rasp.add %five, %t : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %a = rasp.keyed_reduce equal(%tm1, %t : !rasp.sop<i64>, !rasp.sop<i64>) to(%tp5, %t : !rasp.sop<i64>, !rasp.sop<i64>) -> !rasp.sop<i64>
  %im1 = rasp.sub %i, %one : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %b = rasp.keyed_reduce equal(%im1 : !rasp.sop<i64>) to(%a : !rasp.sop<i64>) -> !rasp.sop<i64>
  return %b : !rasp.sop<i64>
}
