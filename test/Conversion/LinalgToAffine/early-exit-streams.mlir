// RUN: rasp-opt %s -split-input-file -pass-pipeline='builtin.module(func.func(rasp-early-exit-streams))' | FileCheck %s
// RUN: rasp-opt %s -split-input-file -pass-pipeline='builtin.module(func.func(rasp-early-exit-streams{block-size=64}))' | FileCheck %s --check-prefix=SMALL

// dyck1's loop: a running depth and a sticky count of negative depths in
// stack slots that start at 0; the output is "F" (2) once the count is
// positive. The loop becomes a while loop over blocks of 4096 positions
// (the original body in an scf.for, the count tested after each block)
// that stops after the first block whose count is positive, and a loop
// that stores 2 at the rest.
// CHECK-LABEL: func.func @dyck1_shape
// CHECK-SAME:    (%[[IN:.+]]: memref<?xi8>, %[[OUT:.+]]: memref<?xi8>)
// CHECK:         memref.alloca() : memref<i64>
// CHECK:         memref.alloca() : memref<i64>
// CHECK:         %[[FAILED:.+]] = memref.alloca() : memref<i64>
// CHECK:         %[[N:.+]] = memref.dim %[[IN]]
// CHECK-DAG:     %[[ZERO:.+]] = arith.constant 0 : index
// CHECK-DAG:     %[[BLOCK:.+]] = arith.constant 4096 : index
// CHECK-DAG:     %[[FALSE:.+]] = arith.constant false
// CHECK-NOT:     affine.for
// CHECK:         %[[STOP:.+]]:2 = scf.while (%[[I:.+]] = %[[ZERO]], %[[DONE:.+]] = %[[FALSE]]) : (index, i1) -> (index, i1) {
// CHECK:           %[[IN_BOUNDS:.+]] = arith.cmpi slt, %[[I]], %[[N]] : index
// CHECK:           %[[OPEN:.+]] = arith.xori %[[DONE]], %{{.+}} : i1
// CHECK:           %[[GO:.+]] = arith.andi %[[IN_BOUNDS]], %[[OPEN]] : i1
// CHECK:           scf.condition(%[[GO]]) %[[I]], %[[DONE]] : index, i1
// CHECK:         } do {
// CHECK:         ^bb0(%[[START:.+]]: index, %{{.+}}: i1):
// CHECK:           %[[AFTER:.+]] = arith.addi %[[START]], %[[BLOCK]] : index
// CHECK:           %[[END:.+]] = arith.minsi %[[AFTER]], %[[N]] : index
// CHECK:           scf.for %[[J:.+]] = %[[START]] to %[[END]] step %{{.+}} {
// CHECK:             memref.load %[[IN]][%[[J]]] : memref<?xi8>
// CHECK:             memref.store %{{.+}}, %[[OUT]][%[[J]]] : memref<?xi8>
// CHECK-NEXT:      }
// CHECK:           %[[COUNT:.+]] = memref.load %[[FAILED]][] : memref<i64>
// CHECK:           %[[DECIDED:.+]] = arith.cmpi sgt, %[[COUNT]], %{{.+}} : i64
// CHECK:           scf.yield %[[END]], %[[DECIDED]] : index, i1
// CHECK:         }
// CHECK:         scf.for %[[K:.+]] = %[[STOP]]#0 to %[[N]] step %{{.+}} {
// CHECK-NEXT:      memref.store %[[F:.+]], %[[OUT]][%[[K]]] : memref<?xi8>
// CHECK:         return
// SMALL-LABEL: func.func @dyck1_shape
// SMALL:         arith.constant 64 : index
// SMALL:         scf.while
func.func @dyck1_shape(%in: memref<?xi8>, %out: memref<?xi8>) {
  %c0 = arith.constant 0 : index
  %c0_i64 = arith.constant 0 : i64
  %c1_i32 = arith.constant 1 : i32
  %c0_i32 = arith.constant 0 : i32
  %c2_i32 = arith.constant 2 : i32
  %c3_i32 = arith.constant 3 : i32
  %c4_i32 = arith.constant 4 : i32
  %zero = memref.alloca() : memref<i64>
  affine.store %c0_i64, %zero[] : memref<i64>
  %depth = memref.alloca() : memref<i64>
  memref.copy %zero, %depth : memref<i64> to memref<i64>
  %failed = memref.alloca() : memref<i64>
  memref.copy %zero, %failed : memref<i64> to memref<i64>
  %n = memref.dim %in, %c0 : memref<?xi8>
  affine.for %i = 0 to %n {
    %t = affine.load %in[%i] : memref<?xi8>
    %d = affine.load %depth[] : memref<i64>
    %f = affine.load %failed[] : memref<i64>
    %w = arith.extsi %t : i8 to i32
    %close = arith.cmpi eq, %w, %c1_i32 : i32
    %close64 = arith.extui %close : i1 to i64
    %open = arith.cmpi eq, %w, %c0_i32 : i32
    %open64 = arith.extui %open : i1 to i64
    %step = arith.subi %open64, %close64 : i64
    %d2 = arith.addi %d, %step : i64
    %neg = arith.cmpi slt, %d2, %c0_i64 : i64
    %neg64 = arith.extui %neg : i1 to i64
    %f2 = arith.addi %f, %neg64 : i64
    %balanced = arith.cmpi eq, %d2, %c0_i64 : i64
    %tp = arith.select %balanced, %c4_i32, %c3_i32 : i32
    %decided = arith.cmpi sgt, %f2, %c0_i64 : i64
    %v = arith.select %decided, %c2_i32, %tp : i32
    %b = arith.trunci %v : i32 to i8
    affine.store %d2, %depth[] : memref<i64>
    affine.store %f2, %failed[] : memref<i64>
    affine.store %b, %out[%i] : memref<?xi8>
  }
  return
}

// -----

// The loop stays when stopping early would change something: a slot read
// after the loop (a total), a count that starts at an unknown value, an
// increment that may be negative (extsi), a test other than `> 0`, and a
// decided value that is not a constant.
// CHECK-LABEL: func.func @not_decided
// CHECK-NOT:     scf.while
// SMALL-LABEL: func.func @not_decided
// SMALL-NOT:     scf.while
// CHECK-COUNT-5: affine.for
// CHECK-NOT:     scf.while
// CHECK:         return
func.func @not_decided(%in: memref<?xi1>, %out: memref<?xi64>, %start: i64) -> i64 {
  %c0 = arith.constant 0 : index
  %c0_i64 = arith.constant 0 : i64
  %c7 = arith.constant 7 : i64
  %n = memref.dim %in, %c0 : memref<?xi1>
  // Read after the loop.
  %a = memref.alloca() : memref<i64>
  affine.store %c0_i64, %a[] : memref<i64>
  affine.for %i = 0 to %n {
    %c = affine.load %in[%i] : memref<?xi1>
    %x = affine.load %a[] : memref<i64>
    %e = arith.extui %c : i1 to i64
    %y = arith.addi %x, %e : i64
    %p = arith.cmpi sgt, %y, %c0_i64 : i64
    %v = arith.select %p, %c7, %y : i64
    affine.store %y, %a[] : memref<i64>
    affine.store %v, %out[%i] : memref<?xi64>
  }
  %total = affine.load %a[] : memref<i64>
  // Starts at an argument.
  %b = memref.alloca() : memref<i64>
  affine.store %start, %b[] : memref<i64>
  affine.for %i = 0 to %n {
    %c = affine.load %in[%i] : memref<?xi1>
    %x = affine.load %b[] : memref<i64>
    %e = arith.extui %c : i1 to i64
    %y = arith.addi %x, %e : i64
    %p = arith.cmpi sgt, %y, %c0_i64 : i64
    %v = arith.select %p, %c7, %y : i64
    affine.store %y, %b[] : memref<i64>
    affine.store %v, %out[%i] : memref<?xi64>
  }
  // A sign-extended increment: -1 or 0.
  %c = memref.alloca() : memref<i64>
  affine.store %c0_i64, %c[] : memref<i64>
  affine.for %i = 0 to %n {
    %t = affine.load %in[%i] : memref<?xi1>
    %x = affine.load %c[] : memref<i64>
    %e = arith.extsi %t : i1 to i64
    %y = arith.addi %x, %e : i64
    %p = arith.cmpi sgt, %y, %c0_i64 : i64
    %v = arith.select %p, %c7, %y : i64
    affine.store %y, %c[] : memref<i64>
    affine.store %v, %out[%i] : memref<?xi64>
  }
  // `>= 0` holds from the start and says nothing about the rest.
  %d = memref.alloca() : memref<i64>
  affine.store %c0_i64, %d[] : memref<i64>
  affine.for %i = 0 to %n {
    %t = affine.load %in[%i] : memref<?xi1>
    %x = affine.load %d[] : memref<i64>
    %e = arith.extui %t : i1 to i64
    %y = arith.addi %x, %e : i64
    %p = arith.cmpi sge, %y, %c0_i64 : i64
    %v = arith.select %p, %c7, %y : i64
    affine.store %y, %d[] : memref<i64>
    affine.store %v, %out[%i] : memref<?xi64>
  }
  // The decided value is the count itself.
  %f = memref.alloca() : memref<i64>
  affine.store %c0_i64, %f[] : memref<i64>
  affine.for %i = 0 to %n {
    %t = affine.load %in[%i] : memref<?xi1>
    %x = affine.load %f[] : memref<i64>
    %e = arith.extui %t : i1 to i64
    %y = arith.addi %x, %e : i64
    %p = arith.cmpi sgt, %y, %c0_i64 : i64
    %v = arith.select %p, %y, %c7 : i64
    affine.store %y, %f[] : memref<i64>
    affine.store %v, %out[%i] : memref<?xi64>
  }
  return %total : i64
}
