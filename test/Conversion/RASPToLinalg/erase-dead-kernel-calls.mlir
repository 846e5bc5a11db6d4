// RUN: rasp-opt %s -split-input-file -pass-pipeline='builtin.module(func.func(rasp-erase-dead-kernel-calls))' | FileCheck %s

// Nothing reads the kernel's outputs (two allocations only the call uses):
// the call and the allocations go.
// CHECK-LABEL: func.func @dead
// CHECK-NOT:     memref.alloc
// CHECK-NOT:     call
// CHECK:         return
func.func private @rasp_group_neighbor_c_c_c_c_c_c(memref<?xi8>, memref<?xi8>, memref<?xi8>, memref<?xi8>, memref<?xi8>, memref<?xi8>, i64, i64) attributes {llvm.emit_c_interface}
func.func @dead(%in: tensor<?xi8>, %n: index) {
  %kinds = arith.constant 0 : i64
  %next = arith.constant 0 : i64
  %counts = memref.alloc(%n) : memref<?xi8>
  %sums = memref.alloc(%n) : memref<?xi8>
  %g = bufferization.to_buffer %in read_only : tensor<?xi8> to memref<?xi8>
  call @rasp_group_neighbor_c_c_c_c_c_c(%g, %counts, %counts, %g, %counts, %sums, %kinds, %next) : (memref<?xi8>, memref<?xi8>, memref<?xi8>, memref<?xi8>, memref<?xi8>, memref<?xi8>, i64, i64) -> ()
  return
}

// -----

// An output that is read keeps the call (and both allocations).
// CHECK-LABEL: func.func @read
// CHECK:         %[[COUNTS:.+]] = memref.alloc
// CHECK:         memref.alloc
// CHECK:         call @rasp_group_neighbor_c_c_c_c_c_c
// CHECK:         bufferization.to_tensor %[[COUNTS]]
func.func private @rasp_group_neighbor_c_c_c_c_c_c(memref<?xi8>, memref<?xi8>, memref<?xi8>, memref<?xi8>, memref<?xi8>, memref<?xi8>, i64, i64) attributes {llvm.emit_c_interface}
func.func @read(%in: tensor<?xi8>, %n: index) -> tensor<?xi8> {
  %kinds = arith.constant 0 : i64
  %next = arith.constant 0 : i64
  %counts = memref.alloc(%n) : memref<?xi8>
  %sums = memref.alloc(%n) : memref<?xi8>
  %g = bufferization.to_buffer %in read_only : tensor<?xi8> to memref<?xi8>
  call @rasp_group_neighbor_c_c_c_c_c_c(%g, %counts, %counts, %g, %counts, %sums, %kinds, %next) : (memref<?xi8>, memref<?xi8>, memref<?xi8>, memref<?xi8>, memref<?xi8>, memref<?xi8>, i64, i64) -> ()
  %c = bufferization.to_tensor %counts restrict : memref<?xi8> to tensor<?xi8>
  return %c : tensor<?xi8>
}

// -----

// A kernel that writes the caller's output buffer (a function argument)
// stays; so does a call of a function that is not a runtime kernel.
// CHECK-LABEL: func.func @writes_output
// CHECK:         call @rasp_stable_sort_c_c_c
// CHECK:         call @something_else
func.func private @rasp_stable_sort_c_c_c(memref<?xi8>, memref<?xi8>, memref<?xi8>, i64, i64, i64) attributes {llvm.emit_c_interface}
func.func private @something_else(memref<?xi8>)
func.func @writes_output(%in: tensor<?xi8>, %out: memref<?xi8>, %n: index) {
  %c = arith.constant 0 : i64
  %k = bufferization.to_buffer %in read_only : tensor<?xi8> to memref<?xi8>
  call @rasp_stable_sort_c_c_c(%k, %k, %out, %c, %c, %c) : (memref<?xi8>, memref<?xi8>, memref<?xi8>, i64, i64, i64) -> ()
  %scratch = memref.alloc(%n) : memref<?xi8>
  call @something_else(%scratch) : (memref<?xi8>) -> ()
  return
}
