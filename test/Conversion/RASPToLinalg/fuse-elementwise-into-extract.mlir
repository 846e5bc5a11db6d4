// RUN: rasp-opt %s -split-input-file -pass-pipeline='builtin.module(func.func(rasp-fuse-elementwise-into-extract))' | FileCheck %s
// RUN: rasp-opt %s -split-input-file -pass-pipeline='builtin.module(func.func(rasp-fuse-elementwise-into-extract{max-ops=1}))' | FileCheck %s --check-prefix=CAPPED

#id = affine_map<(d0) -> (d0)>

// A gather (reverse) of widened i8 ids: the extract reads the i8 input and
// widens the one value; the widening generic dies.
// CHECK-LABEL: func.func @gather_of_widened
// CHECK-SAME:    (%[[IN:.+]]: tensor<?xi8>, %[[N:.+]]: index)
// CHECK:         linalg.generic
// CHECK:           arith.subi
// CHECK-NEXT:      %[[J:.+]] = arith.subi
// CHECK-NEXT:      %[[B:.+]] = tensor.extract %[[IN]][%[[J]]] : tensor<?xi8>
// CHECK-NEXT:      %[[W:.+]] = arith.extsi %[[B]] : i8 to i32
// CHECK-NEXT:      linalg.yield %[[W]] : i32
// CHECK-NOT:     linalg.generic
// CHECK:         return
func.func @gather_of_widened(%in: tensor<?xi8>, %n: index) -> tensor<?xi32> {
  %e = tensor.empty(%n) : tensor<?xi32>
  %wide = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]}
      ins(%in : tensor<?xi8>) outs(%e : tensor<?xi32>) {
  ^bb0(%b: i8, %o: i32):
    %w = arith.extsi %b : i8 to i32
    linalg.yield %w : i32
  } -> tensor<?xi32>
  %c1 = arith.constant 1 : index
  %r = linalg.generic {indexing_maps = [#id], iterator_types = ["parallel"]}
      outs(%e : tensor<?xi32>) {
  ^bb0(%o: i32):
    %i = linalg.index 0 : index
    %last = arith.subi %n, %c1 : index
    %j = arith.subi %last, %i : index
    %v = tensor.extract %wide[%j] : tensor<?xi32>
    linalg.yield %v : i32
  } -> tensor<?xi32>
  return %r : tensor<?xi32>
}

// -----

#id = affine_map<(d0) -> (d0)>

// A producer that reads its position (linalg.index) and two i8 inputs into
// an i64 result (it reads fewer bytes than it stores): the position becomes
// the extract's index; the producer's other user keeps it.
// CHECK-LABEL: func.func @position_and_two_inputs
// CHECK-SAME:    (%[[A:.+]]: tensor<?xi8>, %[[B:.+]]: tensor<?xi8>, %[[J:.+]]: index)
// CHECK:         %[[P:.+]] = linalg.generic
// CHECK:         %[[X:.+]] = tensor.extract %[[A]][%[[J]]] : tensor<?xi8>
// CHECK-NEXT:    %[[Y:.+]] = tensor.extract %[[B]][%[[J]]] : tensor<?xi8>
// CHECK-NEXT:    %[[S:.+]] = arith.addi %[[X]], %[[Y]] : i8
// CHECK-NEXT:    %[[W:.+]] = arith.extsi %[[S]] : i8 to i64
// CHECK-NEXT:    %[[I:.+]] = arith.index_cast %[[J]] : index to i64
// CHECK-NEXT:    %[[R:.+]] = arith.muli %[[W]], %[[I]] : i64
// CHECK-NEXT:    return %[[P]], %[[R]]
// CAPPED-LABEL: func.func @position_and_two_inputs
// CAPPED:         tensor.extract %{{.+}}[%{{.+}}] : tensor<?xi64>
// CAPPED-NOT:     tensor.extract
// CAPPED:         return
func.func @position_and_two_inputs(%a: tensor<?xi8>, %b: tensor<?xi8>, %j: index) -> (tensor<?xi64>, i64) {
  %c0 = arith.constant 0 : index
  %n = tensor.dim %a, %c0 : tensor<?xi8>
  %e = tensor.empty(%n) : tensor<?xi64>
  %p = linalg.generic {indexing_maps = [#id, #id, #id], iterator_types = ["parallel"]}
      ins(%a, %b : tensor<?xi8>, tensor<?xi8>) outs(%e : tensor<?xi64>) {
  ^bb0(%x: i8, %y: i8, %o: i64):
    %s = arith.addi %x, %y : i8
    %w = arith.extsi %s : i8 to i64
    %i = linalg.index 0 : index
    %i64 = arith.index_cast %i : index to i64
    %r = arith.muli %w, %i64 : i64
    linalg.yield %r : i64
  } -> tensor<?xi64>
  %v = tensor.extract %p[%j] : tensor<?xi64>
  return %p, %v : tensor<?xi64>, i64
}

// -----

#id = affine_map<(d0) -> (d0)>
#sc = affine_map<(d0) -> ()>

// Not fused: a running sum (a reduction loop: its value at j depends on the
// positions before j), a producer that reads its output's old values, and a
// map of two i64 columns to an i1 (reading them would move 16 bytes per
// gathered position instead of 1).
// CHECK-LABEL: func.func @not_recomputable
// CHECK:         %[[SCAN:.+]]:2 = linalg.generic
// CHECK:         %[[ACC:.+]] = linalg.generic
// CHECK:         %[[CMP:.+]] = linalg.generic
// CHECK:         tensor.extract %[[SCAN]]#1[%{{.+}}]
// CHECK:         tensor.extract %[[ACC]][%{{.+}}]
// CHECK:         tensor.extract %[[CMP]][%{{.+}}]
func.func @not_recomputable(%t: tensor<?xi64>, %acc: tensor<i64>, %out: tensor<?xi64>, %j: index) -> (i64, i64, i1) {
  %scan:2 = linalg.generic {indexing_maps = [#id, #sc, #id], iterator_types = ["reduction"]}
      ins(%t : tensor<?xi64>) outs(%acc, %out : tensor<i64>, tensor<?xi64>) {
  ^bb0(%x: i64, %sum: i64, %o: i64):
    %next = arith.addi %sum, %x : i64
    linalg.yield %next, %next : i64, i64
  } -> (tensor<i64>, tensor<?xi64>)
  %upd = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]}
      ins(%t : tensor<?xi64>) outs(%out : tensor<?xi64>) {
  ^bb0(%x: i64, %o: i64):
    %s = arith.addi %x, %o : i64
    linalg.yield %s : i64
  } -> tensor<?xi64>
  %c0 = arith.constant 0 : index
  %n = tensor.dim %t, %c0 : tensor<?xi64>
  %eb = tensor.empty(%n) : tensor<?xi1>
  %cmp = linalg.generic {indexing_maps = [#id, #id, #id], iterator_types = ["parallel"]}
      ins(%t, %t : tensor<?xi64>, tensor<?xi64>) outs(%eb : tensor<?xi1>) {
  ^bb0(%x: i64, %y: i64, %o: i1):
    %lt = arith.cmpi slt, %x, %y : i64
    linalg.yield %lt : i1
  } -> tensor<?xi1>
  %a = tensor.extract %scan#1[%j] : tensor<?xi64>
  %b = tensor.extract %upd[%j] : tensor<?xi64>
  %c = tensor.extract %cmp[%j] : tensor<?xi1>
  return %a, %b, %c : i64, i64, i1
}
