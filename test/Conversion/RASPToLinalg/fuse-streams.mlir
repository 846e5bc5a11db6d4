// RUN: rasp-opt %s -split-input-file -pass-pipeline='builtin.module(func.func(rasp-fuse-streams,cse))' | FileCheck %s
// RUN: rasp-opt %s -split-input-file -pass-pipeline='builtin.module(func.func(rasp-fuse-streams{max-ops=3},cse))' | FileCheck %s --check-prefix=CAPPED

#id = affine_map<(d0) -> (d0)>
#sc = affine_map<(d0) -> ()>

// A running sum of an indicator, consumed by a map: one in-order loop that
// reads the tokens, keeps the sum as its 0-d output and writes the map.
// CHECK-LABEL: func.func @scan_into_map
// CHECK-SAME:    (%[[T:.+]]: tensor<?xi32>, %[[ACC:.+]]: tensor<i64>, %[[OUT:.+]]: tensor<?xi64>)
// CHECK:         %[[R:.+]]:2 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["reduction"]} ins(%[[T]] : tensor<?xi32>) outs(%[[ACC]], %[[OUT]] : tensor<i64>, tensor<?xi64>)
// CHECK-NEXT:    ^bb0(%[[TOK:.+]]: i32, %[[SUM:.+]]: i64, %{{.+}}: i64):
// CHECK-NEXT:      %[[IND:.+]] = arith.extui %[[TOK]] : i32 to i64
// CHECK-NEXT:      %[[NEXT:.+]] = arith.addi %[[SUM]], %[[IND]] : i64
// CHECK-NEXT:      %[[TWICE:.+]] = arith.addi %[[NEXT]], %[[NEXT]] : i64
// CHECK-NEXT:      linalg.yield %[[NEXT]], %[[TWICE]] : i64, i64
// CHECK-NOT:     linalg.generic
// CHECK:         return %[[R]]#1
func.func @scan_into_map(%t: tensor<?xi32>, %acc: tensor<i64>, %out: tensor<?xi64>) -> tensor<?xi64> {
  %scan:2 = linalg.generic {indexing_maps = [#id, #sc, #id], iterator_types = ["reduction"]}
      ins(%t : tensor<?xi32>) outs(%acc, %out : tensor<i64>, tensor<?xi64>) {
  ^bb0(%tok: i32, %sum: i64, %o: i64):
    %ind = arith.extui %tok : i32 to i64
    %next = arith.addi %sum, %ind : i64
    linalg.yield %next, %next : i64, i64
  } -> (tensor<i64>, tensor<?xi64>)
  %map = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]}
      ins(%scan#1 : tensor<?xi64>) outs(%out : tensor<?xi64>) {
  ^bb0(%s: i64, %o: i64):
    %twice = arith.addi %s, %s : i64
    linalg.yield %twice : i64
  } -> tensor<?xi64>
  return %map : tensor<?xi64>
}

// -----

#id = affine_map<(d0) -> (d0)>
#sc = affine_map<(d0) -> ()>

// A map with two users (the running sum and the result) is cloned into
// both, and the running sum into the result's map: one loop (canonicalize
// then merges the duplicate operands). Capped at 3 ops (a body of one op and its yield takes 2), nothing is fused.
// CHECK-LABEL: func.func @shared_map
// CHECK:         linalg.generic {{.*}} iterator_types = ["reduction"]} ins(%{{.+}}, %{{.+}} : tensor<?xi64>, tensor<?xi64>) outs(%{{.+}}, %{{.+}} : tensor<i64>, tensor<?xi1>)
// CHECK-NEXT:    ^bb0(%[[A:.+]]: i64, %[[B:.+]]: i64, %[[SUM:.+]]: i64, %{{.+}}: i1):
// CHECK-NEXT:      %[[D:.+]] = arith.subi %[[A]], %[[B]] : i64
// CHECK-NEXT:      %[[NEXT:.+]] = arith.addi %[[SUM]], %[[D]] : i64
// CHECK-NEXT:      %[[C:.+]] = arith.cmpi slt, %[[NEXT]], %[[D]] : i64
// CHECK-NEXT:      linalg.yield %[[NEXT]], %[[C]] : i64, i1
// CHECK-NOT:     linalg.generic
// CAPPED-LABEL: func.func @shared_map
// CAPPED-COUNT-3: linalg.generic
// CAPPED-NOT:   linalg.generic
func.func @shared_map(%a: tensor<?xi64>, %b: tensor<?xi64>, %acc: tensor<i64>, %out: tensor<?xi64>, %flags: tensor<?xi1>) -> tensor<?xi1> {
  %depth = linalg.generic {indexing_maps = [#id, #id, #id], iterator_types = ["parallel"]}
      ins(%a, %b : tensor<?xi64>, tensor<?xi64>) outs(%out : tensor<?xi64>) {
  ^bb0(%x: i64, %y: i64, %o: i64):
    %d = arith.subi %x, %y : i64
    linalg.yield %d : i64
  } -> tensor<?xi64>
  %scan:2 = linalg.generic {indexing_maps = [#id, #sc, #id], iterator_types = ["reduction"]}
      ins(%depth : tensor<?xi64>) outs(%acc, %out : tensor<i64>, tensor<?xi64>) {
  ^bb0(%d: i64, %sum: i64, %o: i64):
    %next = arith.addi %sum, %d : i64
    linalg.yield %next, %next : i64, i64
  } -> (tensor<i64>, tensor<?xi64>)
  %r = linalg.generic {indexing_maps = [#id, #id, #id], iterator_types = ["parallel"]}
      ins(%scan#1, %depth : tensor<?xi64>, tensor<?xi64>) outs(%flags : tensor<?xi1>) {
  ^bb0(%s: i64, %d: i64, %o: i1):
    %c = arith.cmpi slt, %s, %d : i64
    linalg.yield %c : i1
  } -> tensor<?xi1>
  return %r : tensor<?xi1>
}

// -----

#id = affine_map<(d0) -> (d0)>
#sc = affine_map<(d0) -> ()>

// Not fused: a producer without inputs (its loop bound is its output) into
// a consumer whose only outputs are 0-d would leave no loop bound.
// CHECK-LABEL: func.func @no_bound
// CAPPED-LABEL: func.func @no_bound
// CHECK:         %[[P:.+]] = linalg.generic {{.*}} iterator_types = ["parallel"]} outs(
// CHECK:         linalg.generic {{.*}} iterator_types = ["reduction"]} ins(%[[P]] : tensor<?xi64>)
func.func @no_bound(%out: tensor<?xi64>, %acc: tensor<i64>) -> tensor<i64> {
  %p = linalg.generic {indexing_maps = [#id], iterator_types = ["parallel"]} outs(%out : tensor<?xi64>) {
  ^bb0(%o: i64):
    %i = linalg.index 0 : index
    %v = arith.index_cast %i : index to i64
    linalg.yield %v : i64
  } -> tensor<?xi64>
  %m = linalg.generic {indexing_maps = [#id, #sc], iterator_types = ["reduction"]}
      ins(%p : tensor<?xi64>) outs(%acc : tensor<i64>) {
  ^bb0(%v: i64, %a: i64):
    %x = arith.maxsi %v, %a : i64
    linalg.yield %x : i64
  } -> tensor<i64>
  return %m : tensor<i64>
}

// -----

#id = affine_map<(d0) -> (d0)>
#q = affine_map<(d0, d1) -> (d0)>
#k = affine_map<(d0, d1) -> (d1)>

// Not fused: the consumer is a (query x key) generic, not a stream; and a
// producer whose output's current value is read is not a stream either.
// CHECK-LABEL: func.func @not_streams
// CHECK-COUNT-3: linalg.generic
func.func @not_streams(%a: tensor<?xi64>, %out: tensor<?xi64>) -> tensor<?xi64> {
  %p = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]}
      ins(%a : tensor<?xi64>) outs(%out : tensor<?xi64>) {
  ^bb0(%x: i64, %o: i64):
    %y = arith.addi %x, %o : i64
    linalg.yield %y : i64
  } -> tensor<?xi64>
  %m = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]}
      ins(%p : tensor<?xi64>) outs(%out : tensor<?xi64>) {
  ^bb0(%x: i64, %o: i64):
    %y = arith.muli %x, %x : i64
    linalg.yield %y : i64
  } -> tensor<?xi64>
  %r = linalg.generic {indexing_maps = [#k, #q], iterator_types = ["parallel", "reduction"]}
      ins(%m : tensor<?xi64>) outs(%out : tensor<?xi64>) {
  ^bb0(%x: i64, %o: i64):
    %y = arith.addi %x, %o : i64
    linalg.yield %y : i64
  } -> tensor<?xi64>
  return %r : tensor<?xi64>
}

// -----

#id = affine_map<(d0) -> (d0)>
#sc = affine_map<(d0) -> ()>

// Siblings: a total over the tokens, then a running sum of the same tokens
// written at each position (shuffle_dyck2's shape). One loop reads the
// tokens once; the two accumulators start alike and update alike, so they
// merge, and the total's extract moves after the fused loop.
// CHECK-LABEL: func.func @siblings
// CHECK-SAME:    (%[[T:.+]]: tensor<?xi64>, %[[ACC:.+]]: tensor<i64>, %[[OUT:.+]]: tensor<?xi64>)
// CHECK:         %[[R:.+]]:2 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["reduction"]} ins(%[[T]] : tensor<?xi64>) outs(%[[ACC]], %[[OUT]] : tensor<i64>, tensor<?xi64>)
// CHECK-NEXT:    ^bb0(%[[X:.+]]: i64, %[[SUM:.+]]: i64, %{{.+}}: i64):
// CHECK-NEXT:      %[[NEXT:.+]] = arith.addi %[[SUM]], %[[X]] : i64
// CHECK-NEXT:      linalg.yield %[[NEXT]], %[[NEXT]] : i64, i64
// CHECK-NOT:     linalg.generic
// CHECK:         %[[TOTAL:.+]] = tensor.extract %[[R]]#0[]
// CHECK:         return %[[TOTAL]], %[[R]]#1
func.func @siblings(%t: tensor<?xi64>, %acc: tensor<i64>, %out: tensor<?xi64>) -> (i64, tensor<?xi64>) {
  %total = linalg.generic {indexing_maps = [#id, #sc], iterator_types = ["reduction"]}
      ins(%t : tensor<?xi64>) outs(%acc : tensor<i64>) {
  ^bb0(%x: i64, %s: i64):
    %n = arith.addi %s, %x : i64
    linalg.yield %n : i64
  } -> tensor<i64>
  %v = tensor.extract %total[] : tensor<i64>
  %run:2 = linalg.generic {indexing_maps = [#id, #sc, #id], iterator_types = ["reduction"]}
      ins(%t : tensor<?xi64>) outs(%acc, %out : tensor<i64>, tensor<?xi64>) {
  ^bb0(%x: i64, %s: i64, %o: i64):
    %n = arith.addi %s, %x : i64
    linalg.yield %n, %n : i64, i64
  } -> (tensor<i64>, tensor<?xi64>)
  return %v, %run#1 : i64, tensor<?xi64>
}

// -----

#id = affine_map<(d0) -> (d0)>
#sc = affine_map<(d0) -> ()>

// Not siblings: the second loop's body reads the first loop's total (a
// normalized running sum needs the total first): two loops.
// CHECK-LABEL: func.func @reads_total
// CHECK:         %[[TOTAL:.+]] = linalg.generic
// CHECK:         %[[V:.+]] = tensor.extract %[[TOTAL]][]
// CHECK:         linalg.generic
// CHECK:           arith.subi %{{.+}}, %[[V]] : i64
func.func @reads_total(%t: tensor<?xi64>, %acc: tensor<i64>, %out: tensor<?xi64>) -> tensor<?xi64> {
  %total = linalg.generic {indexing_maps = [#id, #sc], iterator_types = ["reduction"]}
      ins(%t : tensor<?xi64>) outs(%acc : tensor<i64>) {
  ^bb0(%x: i64, %s: i64):
    %n = arith.addi %s, %x : i64
    linalg.yield %n : i64
  } -> tensor<i64>
  %v = tensor.extract %total[] : tensor<i64>
  %r = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]}
      ins(%t : tensor<?xi64>) outs(%out : tensor<?xi64>) {
  ^bb0(%x: i64, %o: i64):
    %d = arith.subi %x, %v : i64
    linalg.yield %d : i64
  } -> tensor<?xi64>
  return %r : tensor<?xi64>
}
