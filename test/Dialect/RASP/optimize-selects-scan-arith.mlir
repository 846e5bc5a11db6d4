// RUN: rasp-opt %s -rasp-optimize-selects -split-input-file | FileCheck %s

// scan_sum(x) - scan_sum(y) over the same prefix is scan_sum(x - y) (sums
// wrap like the i64 sub): dyck's depth `opened - closed` keeps one running
// sum. The new scan keeps the sub's op id.
// CHECK-LABEL: func.func @difference
// CHECK-SAME:    (%[[X:.+]]: !rasp.sop<i64>, %[[Y:.+]]: !rasp.sop<i64>)
// CHECK-NEXT:    %[[D:.+]] = rasp.sub %[[X]], %[[Y]] : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
// CHECK-NEXT:    %[[S:.+]] = rasp.scan_sum %[[D]], le {rasp.op_id = 7 : i64} : !rasp.sop<i64>
// CHECK-NEXT:    return %[[S]]
func.func @difference(%x: !rasp.sop<i64>, %y: !rasp.sop<i64>) -> !rasp.sop<i64> {
  %a = rasp.scan_sum %x, le : !rasp.sop<i64>
  %b = rasp.scan_sum %y, le : !rasp.sop<i64>
  %d = rasp.sub %a, %b {rasp.op_id = 7 : i64} : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  return %d : !rasp.sop<i64>
}

// -----

// And a sum, over a suffix.
// CHECK-LABEL: func.func @sum_suffix
// CHECK-NEXT:    %[[A:.+]] = rasp.add
// CHECK-NEXT:    %[[S:.+]] = rasp.scan_sum %[[A]], gt : !rasp.sop<i64>
// CHECK-NEXT:    return %[[S]]
func.func @sum_suffix(%x: !rasp.sop<i64>, %y: !rasp.sop<i64>) -> !rasp.sop<i64> {
  %a = rasp.scan_sum %x, gt : !rasp.sop<i64>
  %b = rasp.scan_sum %y, gt : !rasp.sop<i64>
  %s = rasp.add %a, %b : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  return %s : !rasp.sop<i64>
}

// -----

// Does not fire: different ranges (le and lt), or a scan with another user
// (both forms would be computed).
// CHECK-LABEL: func.func @not_fired
// CHECK-DAG:     %[[A:.+]] = rasp.scan_sum %{{.+}}, le
// CHECK-DAG:     %[[B:.+]] = rasp.scan_sum %{{.+}}, lt
// CHECK-DAG:     %[[C:.+]] = rasp.scan_sum %{{.+}}, le
// CHECK:         rasp.sub %[[A]], %[[B]]
// CHECK:         rasp.sub %[[A]], %[[C]]
func.func @not_fired(%x: !rasp.sop<i64>, %y: !rasp.sop<i64>) -> (!rasp.sop<i64>, !rasp.sop<i64>) {
  %a = rasp.scan_sum %x, le : !rasp.sop<i64>
  %b = rasp.scan_sum %y, lt : !rasp.sop<i64>
  %c = rasp.scan_sum %y, le : !rasp.sop<i64>
  %d1 = rasp.sub %a, %b : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  %d2 = rasp.sub %a, %c : !rasp.sop<i64>, !rasp.sop<i64> -> !rasp.sop<i64>
  return %d1, %d2 : !rasp.sop<i64>, !rasp.sop<i64>
}
