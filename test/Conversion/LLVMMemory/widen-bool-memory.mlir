// RUN: rasp-opt %s -split-input-file -rasp-widen-bool-memory | FileCheck %s

// A bool store writes the byte zext(v); a bool load reads the byte and
// truncates it. Addresses (the i1 GEPs, one byte per element) are unchanged.
// CHECK-LABEL: llvm.func @copy_negated
// CHECK-SAME:    (%[[SRC:.+]]: !llvm.ptr, %[[DST:.+]]: !llvm.ptr, %[[I:.+]]: i64)
// CHECK:         %[[P:.+]] = llvm.getelementptr %[[SRC]][%[[I]]] : (!llvm.ptr, i64) -> !llvm.ptr, i1
// CHECK-NEXT:    %[[B:.+]] = llvm.load %[[P]] : !llvm.ptr -> i8
// CHECK-NEXT:    %[[V:.+]] = llvm.trunc %[[B]] : i8 to i1
// CHECK-NEXT:    %[[N:.+]] = llvm.xor %[[V]], %{{.+}} : i1
// CHECK-NEXT:    %[[Q:.+]] = llvm.getelementptr %[[DST]][%[[I]]] : (!llvm.ptr, i64) -> !llvm.ptr, i1
// CHECK-NEXT:    %[[W:.+]] = llvm.zext %[[N]] : i1 to i8
// CHECK-NEXT:    llvm.store %[[W]], %[[Q]] : i8, !llvm.ptr
// CHECK-NEXT:    llvm.return
llvm.func @copy_negated(%src: !llvm.ptr, %dst: !llvm.ptr, %i: i64) {
  %true = llvm.mlir.constant(true) : i1
  %p = llvm.getelementptr %src[%i] : (!llvm.ptr, i64) -> !llvm.ptr, i1
  %v = llvm.load %p : !llvm.ptr -> i1
  %n = llvm.xor %v, %true : i1
  %q = llvm.getelementptr %dst[%i] : (!llvm.ptr, i64) -> !llvm.ptr, i1
  llvm.store %n, %q : i1, !llvm.ptr
  llvm.return
}

// -----

// Loads and stores of other types stay as they are, also in nested regions.
// CHECK-LABEL: llvm.func @other_types
// CHECK:         llvm.load %{{.+}} : !llvm.ptr -> i8
// CHECK-NOT:     llvm.trunc
// CHECK:         llvm.store %{{.+}}, %{{.+}} : i32, !llvm.ptr
// CHECK:         llvm.store %{{.+}}, %{{.+}} : f64, !llvm.ptr
// CHECK-NOT:     llvm.zext
// CHECK:         llvm.return
llvm.func @other_types(%p: !llvm.ptr, %x: i32, %y: f64) -> i8 {
  %b = llvm.load %p : !llvm.ptr -> i8
  llvm.store %x, %p : i32, !llvm.ptr
  llvm.store %y, %p : f64, !llvm.ptr
  llvm.return %b : i8
}

// -----

// Inside a region of another op (an OpenMP parallel region) too.
// CHECK-LABEL: llvm.func @nested
// CHECK:         omp.parallel
// CHECK:           %[[W:.+]] = llvm.zext %{{.+}} : i1 to i8
// CHECK-NEXT:      llvm.store %[[W]], %{{.+}} : i8, !llvm.ptr
// CHECK:           omp.terminator
llvm.func @nested(%p: !llvm.ptr, %v: i1) {
  omp.parallel {
    llvm.store %v, %p : i1, !llvm.ptr
    omp.terminator
  }
  llvm.return
}
