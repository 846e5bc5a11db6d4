// RUN: rasp-opt %s -split-input-file -pass-pipeline='builtin.module(func.func(rasp-stream-last-value))' | FileCheck %s

#id = affine_map<(d0) -> (d0)>
#total = affine_map<(d0) -> ()>

// shuffle_dyck2's shape: a running sum whose per-position test is read only
// at length - 1 (index_cast of dim, minus 1, cast back). The test becomes a
// 0-d output that starts at false; the extract reads it; the running sum is
// untouched.
// CHECK-LABEL: func.func @read_at_end
// CHECK-SAME:    (%[[IN:.+]]: tensor<?xi8>)
// CHECK:         %[[FALSE:.+]] = arith.constant false
// CHECK:         %[[LAST:.+]] = linalg.fill ins(%[[FALSE]] : i1) outs(%{{.+}} : tensor<i1>) -> tensor<i1>
// CHECK:         %[[S:.+]]:2 = linalg.generic {indexing_maps = [#{{.+}}, #[[SCALAR:.+]], #[[SCALAR]]], iterator_types = ["reduction"]}
// CHECK-SAME:        ins(%[[IN]] : tensor<?xi8>) outs(%{{.+}}, %[[LAST]] : tensor<i64>, tensor<i1>)
// CHECK:           %[[SUM:.+]] = arith.addi
// CHECK:           %[[ZERO:.+]] = arith.cmpi eq, %[[SUM]]
// CHECK:           linalg.yield %[[SUM]], %[[ZERO]] : i64, i1
// CHECK:         } -> (tensor<i64>, tensor<i1>)
// CHECK:         %[[V:.+]] = tensor.extract %[[S]]#1[] : tensor<i1>
// CHECK:         return %[[V]]
func.func @read_at_end(%in: tensor<?xi8>) -> i1 {
  %c0 = arith.constant 0 : index
  %c0_i64 = arith.constant 0 : i64
  %c1_i64 = arith.constant 1 : i64
  %n = tensor.dim %in, %c0 : tensor<?xi8>
  %acc0 = tensor.empty() : tensor<i64>
  %acc = linalg.fill ins(%c0_i64 : i64) outs(%acc0 : tensor<i64>) -> tensor<i64>
  %e = tensor.empty(%n) : tensor<?xi1>
  %r:2 = linalg.generic {indexing_maps = [#id, #total, #id], iterator_types = ["reduction"]}
      ins(%in : tensor<?xi8>) outs(%acc, %e : tensor<i64>, tensor<?xi1>) {
  ^bb0(%b: i8, %sum: i64, %o: i1):
    %w = arith.extsi %b : i8 to i64
    %s = arith.addi %sum, %w : i64
    %z = arith.cmpi eq, %s, %c0_i64 : i64
    linalg.yield %s, %z : i64, i1
  } -> (tensor<i64>, tensor<?xi1>)
  %n64 = arith.index_cast %n : index to i64
  %last64 = arith.subi %n64, %c1_i64 : i64
  %last = arith.index_cast %last64 : i64 to index
  %v = tensor.extract %r#1[%last] : tensor<?xi1>
  return %v : i1
}

// -----

#id = affine_map<(d0) -> (d0)>
#total = affine_map<(d0) -> ()>

// The size comes from the empty output, the index is n + (-1) in index
// arithmetic, and two extracts (inside another loop and outside) both read
// the end: both become reads of the 0-d result.
// CHECK-LABEL: func.func @two_reads_at_end
// CHECK:         %[[S:.+]]:2 = linalg.generic
// CHECK:         } -> (tensor<i64>, tensor<i64>)
// CHECK:         linalg.generic
// CHECK:           tensor.extract %[[S]]#1[] : tensor<i64>
// CHECK:         tensor.extract %[[S]]#1[] : tensor<i64>
// CHECK:         return
func.func @two_reads_at_end(%in: tensor<?xi64>, %n: index) -> (tensor<?xi64>, i64) {
  %c0_i64 = arith.constant 0 : i64
  %cm1 = arith.constant -1 : index
  %acc0 = tensor.empty() : tensor<i64>
  %acc = linalg.fill ins(%c0_i64 : i64) outs(%acc0 : tensor<i64>) -> tensor<i64>
  %e = tensor.empty(%n) : tensor<?xi64>
  %r:2 = linalg.generic {indexing_maps = [#id, #total, #id], iterator_types = ["reduction"]}
      ins(%in : tensor<?xi64>) outs(%acc, %e : tensor<i64>, tensor<?xi64>) {
  ^bb0(%x: i64, %sum: i64, %o: i64):
    %s = arith.addi %sum, %x : i64
    linalg.yield %s, %s : i64, i64
  } -> (tensor<i64>, tensor<?xi64>)
  %last = arith.addi %n, %cm1 : index
  %bcast = linalg.generic {indexing_maps = [#id], iterator_types = ["parallel"]}
      outs(%e : tensor<?xi64>) {
  ^bb0(%o: i64):
    %v = tensor.extract %r#1[%last] : tensor<?xi64>
    linalg.yield %v : i64
  } -> tensor<?xi64>
  %w = tensor.extract %r#1[%last] : tensor<?xi64>
  return %bcast, %w : tensor<?xi64>, i64
}

// -----

#id = affine_map<(d0) -> (d0)>
#total = affine_map<(d0) -> ()>

// Not the end: position n - 2, a position read from an argument, an output
// also returned whole, and a parallel loop (left to
// rasp-fuse-elementwise-into-extract). Every output stays per position.
// CHECK-LABEL: func.func @not_only_at_end
// CHECK:         linalg.generic
// CHECK:         } -> (tensor<i64>, tensor<?xi64>, tensor<?xi64>, tensor<?xi64>)
// CHECK:         tensor.extract %{{.+}}#1[%{{.+}}] : tensor<?xi64>
// CHECK:         tensor.extract %{{.+}}#2[%{{.+}}] : tensor<?xi64>
// CHECK:         %[[P:.+]] = linalg.generic
// CHECK:         } -> tensor<?xi64>
// CHECK:         tensor.extract %[[P]][%{{.+}}] : tensor<?xi64>
// CHECK:         return
func.func @not_only_at_end(%in: tensor<?xi64>, %j: index) -> (i64, i64, tensor<?xi64>, i64, i64) {
  %c0 = arith.constant 0 : index
  %c2 = arith.constant 2 : index
  %c1 = arith.constant 1 : index
  %c0_i64 = arith.constant 0 : i64
  %n = tensor.dim %in, %c0 : tensor<?xi64>
  %acc0 = tensor.empty() : tensor<i64>
  %acc = linalg.fill ins(%c0_i64 : i64) outs(%acc0 : tensor<i64>) -> tensor<i64>
  %e = tensor.empty(%n) : tensor<?xi64>
  %r:4 = linalg.generic {indexing_maps = [#id, #total, #id, #id, #id], iterator_types = ["reduction"]}
      ins(%in : tensor<?xi64>) outs(%acc, %e, %e, %e : tensor<i64>, tensor<?xi64>, tensor<?xi64>, tensor<?xi64>) {
  ^bb0(%x: i64, %sum: i64, %o1: i64, %o2: i64, %o3: i64):
    %s = arith.addi %sum, %x : i64
    linalg.yield %s, %s, %s, %s : i64, i64, i64, i64
  } -> (tensor<i64>, tensor<?xi64>, tensor<?xi64>, tensor<?xi64>)
  %before = arith.subi %n, %c2 : index
  %a = tensor.extract %r#1[%before] : tensor<?xi64>
  %b = tensor.extract %r#2[%j] : tensor<?xi64>
  %last = arith.subi %n, %c1 : index
  %c = tensor.extract %r#3[%last] : tensor<?xi64>
  %p = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]}
      ins(%in : tensor<?xi64>) outs(%e : tensor<?xi64>) {
  ^bb0(%x: i64, %o: i64):
    %d = arith.muli %x, %x : i64
    linalg.yield %d : i64
  } -> tensor<?xi64>
  %q = tensor.extract %p[%last] : tensor<?xi64>
  return %a, %b, %r#3, %c, %q : i64, i64, tensor<?xi64>, i64, i64
}

// -----

#id = affine_map<(d0) -> (d0)>

// A stream with no input (a look-up on indices computes from linalg.index):
// its one output carries the trip count, so it stays rank-1 (difftest seed
// 9505: the 0-d version lost the loop bound and linalg.index's fold
// crashed).
// CHECK-LABEL: func.func @no_input_keeps_bound
// CHECK:         %[[R:.+]] = linalg.generic
// CHECK-SAME:      outs(%{{.+}} : tensor<?xi64>)
// CHECK:         linalg.index 0
// CHECK:         } -> tensor<?xi64>
// CHECK:         tensor.extract %[[R]][%{{.+}}] : tensor<?xi64>
func.func @no_input_keeps_bound(%n: index) -> i64 {
  %c1 = arith.constant 1 : index
  %e = tensor.empty(%n) : tensor<?xi64>
  %r = linalg.generic {indexing_maps = [#id], iterator_types = ["reduction"]}
      outs(%e : tensor<?xi64>) {
  ^bb0(%o: i64):
    %i = linalg.index 0 : index
    %v = arith.index_cast %i : index to i64
    linalg.yield %v : i64
  } -> tensor<?xi64>
  %last = arith.subi %n, %c1 : index
  %x = tensor.extract %r[%last] : tensor<?xi64>
  return %x : i64
}
