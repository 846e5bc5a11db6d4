// RUN: rasp-opt %s -convert-rasp-to-linalg -split-input-file | FileCheck %s
// RUN: rasp-opt %s -convert-rasp-to-linalg=byte-tables=false -split-input-file | FileCheck %s --check-prefix=OFF
// RUN: rasp-opt %s -convert-rasp-to-linalg=narrow-storage=false -split-input-file | FileCheck %s --check-prefix=OFF

// The histogram of a small table's tokens (i8 ids): one rasp_byte_table
// call on the input's bytes, with the identity table (each byte's value is
// itself) for keys and queries, writing a 256-entry count table; then a
// look-up of each token's byte (rasp.byte_lookup), which the `+ 1` reads.
// No n-element count column. kinds 0 (no mask, no values), order -1.
// Without byte tables (or with i32 ids) it is the per-position kernel.
// CHECK-LABEL: func.func @histogram
// CHECK-DAG:     %[[NOORDER:.+]] = arith.constant -1 : i64
// CHECK-DAG:     %[[KINDS:.+]] = arith.constant 0 : i64
// CHECK-DAG:     %[[TABLE:.+]] = memref.alloc() : memref<256xi64>
// CHECK:         %[[IDENTITY:.+]] = bufferization.to_buffer %{{.+}} read_only {{.*}} : tensor<256xi64> to memref<256xi64>
// CHECK:         %[[BYTES:.+]] = bufferization.to_buffer %arg0 read_only
// CHECK:         call @rasp_byte_table_c_l_l_c_c_l_l(%[[BYTES]], %[[IDENTITY]], %[[IDENTITY]], %[[BYTES]], %[[BYTES]], %[[TABLE]], %[[TABLE]], %[[KINDS]], %[[NOORDER]])
// CHECK:         %[[COUNTS:.+]] = bufferization.to_tensor %[[TABLE]] restrict : memref<256xi64> to tensor<256xi64>
// CHECK:         %[[LOOKUP:.+]] = linalg.generic {{.*}} ins(%arg0 : tensor<?xi8>) {{.*}} attrs = {rasp.byte_lookup}
// CHECK-NEXT:    ^bb0(%[[B:.+]]: i8,
// CHECK-NEXT:      %[[I:.+]] = arith.index_castui %[[B]] : i8 to index
// CHECK-NEXT:      %[[C:.+]] = tensor.extract %[[COUNTS]][%[[I]]] : tensor<256xi64>
// CHECK-NEXT:      linalg.yield %[[C]]
// CHECK:         linalg.generic {{.*}} ins(%[[LOOKUP]] : tensor<?xi64>)
// CHECK:           arith.addi
// OFF-LABEL:   func.func @histogram
// OFF-NOT:       rasp_byte_table
// OFF:           call @rasp_keyed_reduce
func.func @histogram() -> !rasp.sop<i64> attributes {rasp.vocabulary = ["a", "b"]} {
  %t = rasp.tokens : !rasp.sop<!rasp.string>
  %w = rasp.keyed_reduce equal(%t : !rasp.sop<!rasp.string>) to(%t : !rasp.sop<!rasp.string>) -> !rasp.sop<i64>
  %one = rasp.constant 1 : !rasp.sop<i64>
  %r = rasp.add %w, %one : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  return %r : !rasp.sop<i64>
}

// -----

// hist2's count of counts: the keys are the histogram's look-up, so the
// second call reads the same bytes with the first call's count table as
// its key and query tables, and the key mask's i1 column (I8: kinds 3).
// Neither count column is stored.
// CHECK-LABEL: func.func @count_of_counts
// CHECK:         %[[FIRST:.+]] = memref.alloc() : memref<256xi64>
// CHECK:         call @rasp_byte_table_c_l_l_c_c_l_l(%{{.+}}, %{{.+}}, %{{.+}}, %{{.+}}, %{{.+}}, %[[FIRST]], %[[FIRST]],
// CHECK:         %[[SECOND:.+]] = memref.alloc() : memref<256xi64>
// CHECK-DAG:     %[[KINDS:.+]] = arith.constant 3 : i64
// CHECK-DAG:     %[[MASK:.+]] = bufferization.to_buffer %{{.+}} read_only {{.*}} : tensor<?xi1> to memref<?xi1>
// CHECK-DAG:     %[[BYTES:.+]] = bufferization.to_buffer %arg0 read_only {rasp.kernel_call_site = 1 : i64}
// CHECK:         call @rasp_byte_table_c_l_l_b_c_l_l(%[[BYTES]], %[[FIRST]], %[[FIRST]], %[[MASK]], %[[BYTES]], %[[SECOND]], %[[SECOND]], %[[KINDS]],
// CHECK:         %[[RESULT:.+]] = bufferization.to_tensor %[[SECOND]]
// CHECK:         linalg.generic {{.*}} ins(%arg0 : tensor<?xi8>) {{.*}} attrs = {rasp.byte_lookup}
// CHECK:           tensor.extract %[[RESULT]]
// CHECK-NOT:     memref.alloc(
// CHECK:         return
func.func @count_of_counts() -> !rasp.sop<i64> attributes {rasp.vocabulary = ["a", "b"]} {
  %t = rasp.tokens : !rasp.sop<!rasp.string>
  %i = rasp.indices : !rasp.sop<i64>
  %one = rasp.constant 1 : !rasp.sop<i64>
  %counts = rasp.keyed_reduce equal(%t : !rasp.sop<!rasp.string>) to(%t : !rasp.sop<!rasp.string>) -> !rasp.sop<i64>
  %first = rasp.cmp eq, %i, %one : !rasp.sop<i64>, !rasp.sop<i64>
  %r = rasp.keyed_reduce equal(%counts : !rasp.sop<i64>) to(%counts : !rasp.sop<i64>) key_mask %first : !rasp.sop<i1> -> !rasp.sop<i64>
  return %r : !rasp.sop<i64>
}

// -----

// hist2 itself: the key mask is a function of the token and of whether it
// is the token's first occurrence (the seen_before comparison, marked
// extreme), so the masked per-byte counts follow from a byte histogram:
// c > 0 ? mask(b, first) + mask(b, repeat) * (c - 1) : 0, joined with the
// query tables by rasp_byte_join (a call site of its own). No mask column,
// no call with a mask;
// the first-position call and its comparison are left for canonicalization
// and rasp-erase-dead-kernel-calls to remove.
// CHECK-LABEL: func.func @first_occurrence_count_of_counts
// CHECK:         call @rasp_byte_table_c_l_l_c_c_l_l(
// CHECK:         %[[COUNTS:.+]] = bufferization.to_tensor %[[COUNTBUF:[a-z0-9_]+]] restrict
// CHECK:         linalg.generic {{.*}} attrs = {rasp.position_compare = 2 : i64, rasp.position_compare_extreme}
// CHECK:         %[[TABLE:.+]] = linalg.generic {{.*}} ins(%{{.+}} : tensor<512xi1>) outs(%{{.+}} : tensor<512xi64>)
// CHECK:         call @rasp_byte_table_c_l_l_c_c_l_l(
// CHECK:         %[[HIST:.+]] = bufferization.to_tensor
// CHECK-DAG:     %[[AT_FIRST:.+]] = tensor.extract_slice %[[TABLE]][0] [256] [1]
// CHECK-DAG:     %[[AT_REPEAT:.+]] = tensor.extract_slice %[[TABLE]][256] [256] [1]
// CHECK:         %[[MASKED:.+]] = linalg.generic {{.*}} ins(%[[HIST]], %[[AT_FIRST]], %[[AT_REPEAT]] : tensor<256xi64>, tensor<256xi64>, tensor<256xi64>)
// CHECK:           arith.subi
// CHECK:           arith.muli
// CHECK:           arith.addi
// CHECK:           arith.cmpi sgt
// CHECK:           arith.select
// CHECK:         %[[WEIGHTS:.+]] = bufferization.to_buffer %[[MASKED]] read_only {rasp.kernel_call_site = 3 : i64}
// CHECK:         call @rasp_byte_join_l_l_l_l(%[[COUNTBUF]], %[[COUNTBUF]], %[[WEIGHTS]], %[[OUT:[a-z0-9_]+]]) :
// CHECK:         %[[JOINED:.+]] = bufferization.to_tensor %[[OUT]] restrict
// CHECK:         linalg.generic {{.*}} ins(%arg0 : tensor<?xi8>) {{.*}} attrs = {rasp.byte_lookup}
// CHECK:           tensor.extract %[[JOINED]]
// CHECK-NOT:     memref<?xi1>
// CHECK:         return
// OFF-LABEL:   func.func @first_occurrence_count_of_counts
// OFF:           call @rasp_keyed_reduce
func.func @first_occurrence_count_of_counts() -> !rasp.sop<i64> attributes {rasp.vocabulary = ["a", "b"]} {
  %t = rasp.tokens : !rasp.sop<!rasp.string>
  %i = rasp.indices : !rasp.sop<i64>
  %zero = rasp.constant 0 : !rasp.sop<i64>
  %one = rasp.constant 1 : !rasp.sop<i64>
  %counts = rasp.keyed_reduce equal(%t : !rasp.sop<!rasp.string>) to(%t : !rasp.sop<!rasp.string>) -> !rasp.sop<i64>
  %earlier = rasp.keyed_reduce equal(%t : !rasp.sop<!rasp.string>) to(%t : !rasp.sop<!rasp.string>) order lt(%i : !rasp.sop<i64>) to(%i : !rasp.sop<i64>) values %one : !rasp.sop<i64> default 0 -> !rasp.sop<f64>
  %seen = rasp.cmp gt, %earlier, %zero : !rasp.sop<f64>, !rasp.sop<i64>
  %first = rasp.not %seen : !rasp.sop<i1> -> !rasp.sop<i1>
  %r = rasp.keyed_reduce equal(%counts : !rasp.sop<i64>) to(%counts : !rasp.sop<i64>) key_mask %first : !rasp.sop<i1> -> !rasp.sop<i64>
  return %r : !rasp.sop<i64>
}

// -----

// The same with `<=`: the comparison holds at every position, it is not
// marked extreme, and the mask column goes to the kernel.
// CHECK-LABEL: func.func @at_or_before_count_of_counts
// CHECK:         linalg.generic {{.*}} attrs = {rasp.position_compare = 4 : i64}
// CHECK:         call @rasp_byte_table_c_l_l_b_c_l_l(
// CHECK-NOT:     tensor<512xi64>
// CHECK:         return
func.func @at_or_before_count_of_counts() -> !rasp.sop<i64> attributes {rasp.vocabulary = ["a", "b"]} {
  %t = rasp.tokens : !rasp.sop<!rasp.string>
  %i = rasp.indices : !rasp.sop<i64>
  %zero = rasp.constant 0 : !rasp.sop<i64>
  %one = rasp.constant 1 : !rasp.sop<i64>
  %counts = rasp.keyed_reduce equal(%t : !rasp.sop<!rasp.string>) to(%t : !rasp.sop<!rasp.string>) -> !rasp.sop<i64>
  %earlier = rasp.keyed_reduce equal(%t : !rasp.sop<!rasp.string>) to(%t : !rasp.sop<!rasp.string>) order le(%i : !rasp.sop<i64>) to(%i : !rasp.sop<i64>) values %one : !rasp.sop<i64> default 0 -> !rasp.sop<f64>
  %seen = rasp.cmp gt, %earlier, %zero : !rasp.sop<f64>, !rasp.sop<i64>
  %first = rasp.not %seen : !rasp.sop<i1> -> !rasp.sop<i1>
  %r = rasp.keyed_reduce equal(%counts : !rasp.sop<i64>) to(%counts : !rasp.sop<i64>) key_mask %first : !rasp.sop<i1> -> !rasp.sop<i64>
  return %r : !rasp.sop<i64>
}

// -----

// seen_before (`aggregate(same and earlier, 1, 0)`): only "any key
// selected" matters, so the kernel writes each byte's first position
// (order lt: 2) and query i selects a key exactly where that position is
// below i. The mean of 1 over that 0/1 count is the finalization's.
// CHECK-LABEL: func.func @seen_before
// CHECK-DAG:     %[[LT:.+]] = arith.constant 2 : i64
// CHECK:         call @rasp_byte_table_c_l_l_c_c_l_l(%{{.+}}, %{{.+}}, %{{.+}}, %{{.+}}, %{{.+}}, %[[TABLE:[a-z0-9_]+]], %[[TABLE]], %{{.+}}, %[[LT]])
// CHECK:         %[[FIRST:.+]] = bufferization.to_tensor %[[TABLE]]
// CHECK:         linalg.generic {{.*}} ins(%arg0 : tensor<?xi8>)
// CHECK:           %[[P:.+]] = tensor.extract %[[FIRST]]
// CHECK:           %[[Q:.+]] = linalg.index 0 : index
// CHECK:           %[[QI:.+]] = arith.index_cast %[[Q]] : index to i64
// CHECK:           %[[ANY:.+]] = arith.cmpi slt, %[[P]], %[[QI]] : i64
// CHECK:           arith.extui %[[ANY]] : i1 to i64
// CHECK:           arith.divf
// OFF-LABEL:   func.func @seen_before
// OFF:           call @rasp_keyed_reduce
func.func @seen_before() -> !rasp.sop<f64> attributes {rasp.vocabulary = ["a", "b"]} {
  %t = rasp.tokens : !rasp.sop<!rasp.string>
  %i = rasp.indices : !rasp.sop<i64>
  %one = rasp.constant 1 : !rasp.sop<i64>
  %r = rasp.keyed_reduce equal(%t : !rasp.sop<!rasp.string>) to(%t : !rasp.sop<!rasp.string>) order lt(%i : !rasp.sop<i64>) to(%i : !rasp.sop<i64>) values %one : !rasp.sop<i64> default 0 -> !rasp.sop<f64>
  return %r : !rasp.sop<f64>
}

// -----

// A group mean of the positions: the kernel sums the positions itself
// (values Indices: 4 << 4 = 64), nothing stored; count and sum tables are
// both looked up.
// CHECK-LABEL: func.func @group_mean
// CHECK-DAG:     %[[KINDS:.+]] = arith.constant 64 : i64
// CHECK:         call @rasp_byte_table_c_l_l_c_c_l_l(%{{.+}}, %{{.+}}, %{{.+}}, %{{.+}}, %{{.+}}, %[[COUNTS:[a-z0-9_]+]], %[[SUMS:[a-z0-9_]+]], %[[KINDS]],
// CHECK-DAG:     bufferization.to_tensor %[[COUNTS]]
// CHECK-DAG:     bufferization.to_tensor %[[SUMS]]
// CHECK:         arith.divf
func.func @group_mean() -> !rasp.sop<f64> attributes {rasp.vocabulary = ["a", "b"]} {
  %t = rasp.tokens : !rasp.sop<!rasp.string>
  %i = rasp.indices : !rasp.sop<i64>
  %r = rasp.keyed_reduce equal(%t : !rasp.sop<!rasp.string>) to(%t : !rasp.sop<!rasp.string>) values %i : !rasp.sop<i64> default 0 -> !rasp.sop<f64>
  return %r : !rasp.sop<f64>
}

// -----

// Not byte tables: a query mask; an order with values that are not a
// constant (the count itself matters); an order on a computed column; int
// keys (more than 256 values); two equality columns.
// CHECK-LABEL: func.func @not_byte_tables
// CHECK-NOT:     rasp_byte_table
// CHECK-COUNT-5: call @rasp_keyed_reduce
// CHECK-NOT:     rasp_byte_table
func.func @not_byte_tables() -> !rasp.sop<i64> attributes {rasp.vocabulary = ["a", "b"]} {
  %t = rasp.tokens : !rasp.sop<!rasp.string>
  %n = rasp.tokens : !rasp.sop<i64>
  %i = rasp.indices : !rasp.sop<i64>
  %one = rasp.constant 1 : !rasp.sop<i64>
  %q = rasp.cmp eq, %i, %one : !rasp.sop<i64>, !rasp.sop<i64>
  %a = rasp.keyed_reduce equal(%t : !rasp.sop<!rasp.string>) to(%t : !rasp.sop<!rasp.string>) query_mask %q : !rasp.sop<i1> -> !rasp.sop<i64>
  %b = rasp.keyed_reduce equal(%t : !rasp.sop<!rasp.string>) to(%t : !rasp.sop<!rasp.string>) order lt(%i : !rasp.sop<i64>) to(%i : !rasp.sop<i64>) -> !rasp.sop<i64>
  %c = rasp.keyed_reduce equal(%t : !rasp.sop<!rasp.string>) to(%t : !rasp.sop<!rasp.string>) order lt(%n : !rasp.sop<i64>) to(%n : !rasp.sop<i64>) values %one : !rasp.sop<i64> default 0 -> !rasp.sop<f64>
  %d = rasp.keyed_reduce equal(%n : !rasp.sop<i64>) to(%n : !rasp.sop<i64>) -> !rasp.sop<i64>
  %e = rasp.keyed_reduce equal(%t, %t : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string>) to(%t, %t : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string>) -> !rasp.sop<i64>
  %ab = rasp.add %a, %b : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %cc = rasp.round %c : !rasp.sop<f64> -> !rasp.sop<i64>
  %abc = rasp.add %ab, %cc : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %de = rasp.add %d, %e : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %r = rasp.add %abc, %de : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  return %r : !rasp.sop<i64>
}
