// RUN: rasp-opt %s -split-input-file -pass-pipeline='builtin.module(func.func(rasp-merge-kernel-calls))' | FileCheck %s

func.func private @rasp_byte_table_c_l_l_c_c_l_l(memref<?xi8>, memref<256xi64>, memref<256xi64>, memref<?xi8>, memref<?xi8>, memref<256xi64>, memref<256xi64>, i64, i64)

// The same histogram twice (hist2 needs the tokens' histogram after hist
// computed it): the second call, its buffer and its read go; its users read
// the first call's table.
// CHECK-LABEL: func.func @same_histogram_twice
// CHECK-SAME:    (%[[BYTES:.+]]: tensor<?xi8>, %[[TABLE:.+]]: tensor<256xi64>)
// CHECK:         %[[OUT:.+]] = memref.alloc() : memref<256xi64>
// CHECK:         call @rasp_byte_table_c_l_l_c_c_l_l({{.+}}, %[[OUT]], %[[OUT]],
// CHECK-NEXT:    %[[READ:.+]] = bufferization.to_tensor %[[OUT]]
// CHECK-NOT:     call @
// CHECK-NOT:     memref.alloc
// CHECK:         return %[[READ]], %[[READ]]
func.func @same_histogram_twice(%bytes: tensor<?xi8>, %table: tensor<256xi64>) -> (tensor<256xi64>, tensor<256xi64>) {
  %zero = arith.constant 0 : i64
  %none = arith.constant -1 : i64
  %a = memref.alloc() : memref<256xi64>
  %ta = bufferization.to_buffer %table read_only {rasp.kernel_call_site = 0 : i64} : tensor<256xi64> to memref<256xi64>
  %ba = bufferization.to_buffer %bytes read_only {rasp.kernel_call_site = 0 : i64} : tensor<?xi8> to memref<?xi8>
  call @rasp_byte_table_c_l_l_c_c_l_l(%ba, %ta, %ta, %ba, %ba, %a, %a, %zero, %none) : (memref<?xi8>, memref<256xi64>, memref<256xi64>, memref<?xi8>, memref<?xi8>, memref<256xi64>, memref<256xi64>, i64, i64) -> ()
  %ra = bufferization.to_tensor %a restrict : memref<256xi64> to tensor<256xi64>
  %b = memref.alloc() : memref<256xi64>
  %tb = bufferization.to_buffer %table read_only {rasp.kernel_call_site = 1 : i64} : tensor<256xi64> to memref<256xi64>
  %bb = bufferization.to_buffer %bytes read_only {rasp.kernel_call_site = 1 : i64} : tensor<?xi8> to memref<?xi8>
  call @rasp_byte_table_c_l_l_c_c_l_l(%bb, %tb, %tb, %bb, %bb, %b, %b, %zero, %none) : (memref<?xi8>, memref<256xi64>, memref<256xi64>, memref<?xi8>, memref<?xi8>, memref<256xi64>, memref<256xi64>, i64, i64) -> ()
  %rb = bufferization.to_tensor %b restrict : memref<256xi64> to tensor<256xi64>
  return %ra, %rb : tensor<256xi64>, tensor<256xi64>
}

// -----

func.func private @rasp_byte_table_c_l_l_c_c_l_l(memref<?xi8>, memref<256xi64>, memref<256xi64>, memref<?xi8>, memref<?xi8>, memref<256xi64>, memref<256xi64>, i64, i64)

// Calls that differ stay: another order (first positions, not counts),
// other bytes, one output buffer against two, and a buffer that something
// else writes (a function argument).
// CHECK-LABEL: func.func @different_calls
// CHECK-COUNT-5: call @rasp_byte_table_c_l_l_c_c_l_l
// CHECK-NOT:     call @
// CHECK:         return
func.func @different_calls(%bytes: tensor<?xi8>, %other: tensor<?xi8>, %table: tensor<256xi64>, %arg: memref<?xi8>) -> (tensor<256xi64>, tensor<256xi64>, tensor<256xi64>, tensor<256xi64>, tensor<256xi64>, tensor<256xi64>) {
  %zero = arith.constant 0 : i64
  %none = arith.constant -1 : i64
  %lt = arith.constant 2 : i64
  %t = bufferization.to_buffer %table read_only : tensor<256xi64> to memref<256xi64>
  %b = bufferization.to_buffer %bytes read_only : tensor<?xi8> to memref<?xi8>
  %o = bufferization.to_buffer %other read_only : tensor<?xi8> to memref<?xi8>
  %a1 = memref.alloc() : memref<256xi64>
  call @rasp_byte_table_c_l_l_c_c_l_l(%b, %t, %t, %b, %b, %a1, %a1, %zero, %none) : (memref<?xi8>, memref<256xi64>, memref<256xi64>, memref<?xi8>, memref<?xi8>, memref<256xi64>, memref<256xi64>, i64, i64) -> ()
  %r1 = bufferization.to_tensor %a1 restrict : memref<256xi64> to tensor<256xi64>
  %a2 = memref.alloc() : memref<256xi64>
  call @rasp_byte_table_c_l_l_c_c_l_l(%b, %t, %t, %b, %b, %a2, %a2, %zero, %lt) : (memref<?xi8>, memref<256xi64>, memref<256xi64>, memref<?xi8>, memref<?xi8>, memref<256xi64>, memref<256xi64>, i64, i64) -> ()
  %r2 = bufferization.to_tensor %a2 restrict : memref<256xi64> to tensor<256xi64>
  %a3 = memref.alloc() : memref<256xi64>
  call @rasp_byte_table_c_l_l_c_c_l_l(%o, %t, %t, %o, %o, %a3, %a3, %zero, %none) : (memref<?xi8>, memref<256xi64>, memref<256xi64>, memref<?xi8>, memref<?xi8>, memref<256xi64>, memref<256xi64>, i64, i64) -> ()
  %r3 = bufferization.to_tensor %a3 restrict : memref<256xi64> to tensor<256xi64>
  %a4 = memref.alloc() : memref<256xi64>
  %a5 = memref.alloc() : memref<256xi64>
  call @rasp_byte_table_c_l_l_c_c_l_l(%b, %t, %t, %b, %b, %a4, %a5, %zero, %none) : (memref<?xi8>, memref<256xi64>, memref<256xi64>, memref<?xi8>, memref<?xi8>, memref<256xi64>, memref<256xi64>, i64, i64) -> ()
  %r4 = bufferization.to_tensor %a4 restrict : memref<256xi64> to tensor<256xi64>
  %r5 = bufferization.to_tensor %a5 restrict : memref<256xi64> to tensor<256xi64>
  %a6 = memref.alloc() : memref<256xi64>
  call @rasp_byte_table_c_l_l_c_c_l_l(%arg, %t, %t, %arg, %arg, %a6, %a6, %zero, %none) : (memref<?xi8>, memref<256xi64>, memref<256xi64>, memref<?xi8>, memref<?xi8>, memref<256xi64>, memref<256xi64>, i64, i64) -> ()
  %r6 = bufferization.to_tensor %a6 restrict : memref<256xi64> to tensor<256xi64>
  return %r1, %r2, %r3, %r4, %r5, %r6 : tensor<256xi64>, tensor<256xi64>, tensor<256xi64>, tensor<256xi64>, tensor<256xi64>, tensor<256xi64>
}

// -----

func.func private @rasp_byte_table_c_l_l_c_c_l_l(memref<?xi8>, memref<256xi64>, memref<256xi64>, memref<?xi8>, memref<?xi8>, memref<256xi64>, memref<256xi64>, i64, i64)

// The first call's buffer is read twice: its reads are not one value to
// hand on, and both calls stay.
// CHECK-LABEL: func.func @read_twice
// CHECK-COUNT-2: call @rasp_byte_table_c_l_l_c_c_l_l
// CHECK:         return
func.func @read_twice(%bytes: tensor<?xi8>, %table: tensor<256xi64>) -> (tensor<256xi64>, tensor<256xi64>, tensor<256xi64>) {
  %zero = arith.constant 0 : i64
  %none = arith.constant -1 : i64
  %t = bufferization.to_buffer %table read_only : tensor<256xi64> to memref<256xi64>
  %b = bufferization.to_buffer %bytes read_only : tensor<?xi8> to memref<?xi8>
  %a = memref.alloc() : memref<256xi64>
  call @rasp_byte_table_c_l_l_c_c_l_l(%b, %t, %t, %b, %b, %a, %a, %zero, %none) : (memref<?xi8>, memref<256xi64>, memref<256xi64>, memref<?xi8>, memref<?xi8>, memref<256xi64>, memref<256xi64>, i64, i64) -> ()
  %ra = bufferization.to_tensor %a restrict : memref<256xi64> to tensor<256xi64>
  %ra2 = bufferization.to_tensor %a : memref<256xi64> to tensor<256xi64>
  %c = memref.alloc() : memref<256xi64>
  call @rasp_byte_table_c_l_l_c_c_l_l(%b, %t, %t, %b, %b, %c, %c, %zero, %none) : (memref<?xi8>, memref<256xi64>, memref<256xi64>, memref<?xi8>, memref<?xi8>, memref<256xi64>, memref<256xi64>, i64, i64) -> ()
  %rc = bufferization.to_tensor %c restrict : memref<256xi64> to tensor<256xi64>
  return %ra, %ra2, %rc : tensor<256xi64>, tensor<256xi64>, tensor<256xi64>
}

// -----

func.func private @rasp_byte_table_c_l_l_c_c_l_l(memref<?xi8>, memref<256xi64>, memref<256xi64>, memref<?xi8>, memref<?xi8>, memref<256xi64>, memref<256xi64>, i64, i64)
func.func private @rasp_table_sort_c_l_l_l_c(memref<?xi8>, memref<256xi64>, memref<512xi64>, memref<512xi64>, memref<?xi8>, i64, i64, i64)

// most_freq: the table sort reads the second histogram's buffer directly
// (another kernel only reads it). The second call goes and the sort reads
// the first histogram.
// CHECK-LABEL: func.func @read_by_another_kernel
// CHECK:         %[[OUT:.+]] = memref.alloc() : memref<256xi64>
// CHECK:         call @rasp_byte_table_c_l_l_c_c_l_l({{.+}}, %[[OUT]], %[[OUT]],
// CHECK-NOT:     call @rasp_byte_table
// CHECK:         call @rasp_table_sort_c_l_l_l_c(%{{.+}}, %[[OUT]],
func.func @read_by_another_kernel(%bytes: tensor<?xi8>, %table: tensor<256xi64>, %keys: memref<512xi64>, %out: memref<?xi8>) -> tensor<256xi64> {
  %zero = arith.constant 0 : i64
  %none = arith.constant -1 : i64
  %notFirst = arith.constant 16 : i64
  %one = arith.constant 1 : i64
  %t = bufferization.to_buffer %table read_only : tensor<256xi64> to memref<256xi64>
  %b = bufferization.to_buffer %bytes read_only : tensor<?xi8> to memref<?xi8>
  %a = memref.alloc() : memref<256xi64>
  call @rasp_byte_table_c_l_l_c_c_l_l(%b, %t, %t, %b, %b, %a, %a, %zero, %none) : (memref<?xi8>, memref<256xi64>, memref<256xi64>, memref<?xi8>, memref<?xi8>, memref<256xi64>, memref<256xi64>, i64, i64) -> ()
  %ra = bufferization.to_tensor %a restrict : memref<256xi64> to tensor<256xi64>
  %c = memref.alloc() : memref<256xi64>
  call @rasp_byte_table_c_l_l_c_c_l_l(%b, %t, %t, %b, %b, %c, %c, %zero, %none) : (memref<?xi8>, memref<256xi64>, memref<256xi64>, memref<?xi8>, memref<?xi8>, memref<256xi64>, memref<256xi64>, i64, i64) -> ()
  call @rasp_table_sort_c_l_l_l_c(%b, %c, %keys, %keys, %out, %notFirst, %zero, %one) : (memref<?xi8>, memref<256xi64>, memref<512xi64>, memref<512xi64>, memref<?xi8>, i64, i64, i64) -> ()
  return %ra : tensor<256xi64>
}
