// RUN: rasp-opt %s -split-input-file --pass-pipeline='builtin.module(func.func(rasp-early-dealloc))' | FileCheck %s

// A temporary is freed right after the last op that reads it (here a loop
// reading it in its body), before the next temporary is allocated.
// CHECK-LABEL: func.func @after_last_use
// CHECK:         %[[A:.+]] = memref.alloc
// CHECK:         affine.for
// CHECK:         affine.for
// CHECK:           affine.load %[[A]]
// CHECK:         }
// CHECK-NEXT:    memref.dealloc %[[A]]
// CHECK-NEXT:    %[[B:.+]] = memref.alloc
// CHECK:         memref.dealloc %[[B]]
// CHECK-NEXT:    return
func.func @after_last_use(%n: index, %out: memref<?xi64>) {
  %a = memref.alloc(%n) : memref<?xi64>
  affine.for %i = 0 to %n {
    %c = arith.constant 1 : i64
    affine.store %c, %a[%i] : memref<?xi64>
  }
  affine.for %i = 0 to %n {
    %v = affine.load %a[%i] : memref<?xi64>
    affine.store %v, %out[%i] : memref<?xi64>
  }
  %b = memref.alloc(%n) : memref<?xi64>
  affine.for %i = 0 to %n {
    %v = affine.load %out[%i] : memref<?xi64>
    affine.store %v, %b[%i] : memref<?xi64>
  }
  memref.copy %b, %out : memref<?xi64> to memref<?xi64>
  memref.dealloc %a : memref<?xi64>
  memref.dealloc %b : memref<?xi64>
  return
}

// -----

// A use through a view counts as a use of the buffer.
// CHECK-LABEL: func.func @through_view
// CHECK:         %[[A:.+]] = memref.alloc
// CHECK:         %[[V:.+]] = memref.subview %[[A]]
// CHECK:         memref.copy %[[V]]
// CHECK-NEXT:    memref.dealloc %[[A]]
// CHECK-NEXT:    call @work
func.func private @work()
func.func @through_view(%n: index, %out: memref<4xi64, strided<[1]>>) {
  %a = memref.alloc(%n) : memref<?xi64>
  %v = memref.subview %a[0] [4] [1] : memref<?xi64> to memref<4xi64, strided<[1]>>
  memref.copy %v, %out : memref<4xi64, strided<[1]>> to memref<4xi64, strided<[1]>>
  func.call @work() : () -> ()
  memref.dealloc %a : memref<?xi64>
  return
}

// -----

// A buffer that escapes (stored as a value) keeps its deallocation.
// CHECK-LABEL: func.func @escapes
// CHECK:         memref.store %[[A:.+]], %{{.+}}[]
// CHECK-NEXT:    call @work
// CHECK-NEXT:    memref.dealloc %[[A]]
func.func private @work()
func.func @escapes(%n: index, %box: memref<memref<?xi64>>) {
  %a = memref.alloc(%n) : memref<?xi64>
  memref.store %a, %box[] : memref<memref<?xi64>>
  func.call @work() : () -> ()
  memref.dealloc %a : memref<?xi64>
  return
}
