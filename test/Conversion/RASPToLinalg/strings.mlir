// Strings are i64 ids: their index in the module's sorted `rasp.strings`
// table (built from the vocabulary, the constants and every concatenation
// those can form). Concatenation is a look-up in constant tables; member and
// lookup compare ids; a look-up miss is a run-time check (code 2).
// RUN: rasp-opt %s -convert-rasp-to-linalg -split-input-file | FileCheck %s

// Without rasp-intern-strings the pass builds the table itself, sorted:
// "" < "a" < "b" < "c" < "ca".
// CHECK-LABEL: module attributes
// CHECK-SAME: rasp.strings = ["", "a", "b", "c", "ca"]
// CHECK-LABEL: func.func @string_constants(
// CHECK: linalg.generic
// CHECK: [[C:%.+]] = arith.constant 3 : i64
// CHECK-NEXT: linalg.yield [[C]] : i64
// CHECK: linalg.generic
// CHECK: [[E:%.+]] = arith.constant 0 : i64
// CHECK-NEXT: linalg.yield [[E]] : i64
// CHECK: linalg.generic
// CHECK: [[CA:%.+]] = arith.constant 4 : i64
// CHECK-NEXT: linalg.yield [[CA]] : i64
module attributes {rasp.vocabulary = ["b", "a"]} {
  func.func @string_constants() -> !rasp.sop<!rasp.string> {
    %c = rasp.constant "c" : !rasp.sop<!rasp.string>
    %e = rasp.constant "" : !rasp.sop<!rasp.string>
    %ca = rasp.constant "ca" : !rasp.sop<!rasp.string>
    %b = rasp.tokens : !rasp.sop<i1>
    %w1 = rasp.where %b, %c, %e : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string> -> !rasp.sop<!rasp.string>
    %w2 = rasp.where %b, %w1, %ca : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string> -> !rasp.sop<!rasp.string>
    return %w2 : !rasp.sop<!rasp.string>
  }
}

// -----

// An existing table (from rasp-intern-strings) is used as is, not rebuilt.
// CHECK-LABEL: module attributes
// CHECK-SAME: rasp.strings = ["x", "y", "z"]
// CHECK-LABEL: func.func @existing_table(
// CHECK: [[Y:%.+]] = arith.constant 1 : i64
// CHECK-NEXT: linalg.yield [[Y]] : i64
module attributes {rasp.strings = ["x", "y", "z"]} {
  func.func @existing_table() -> !rasp.sop<!rasp.string> {
    %y = rasp.constant "y" : !rasp.sop<!rasp.string>
    return %y : !rasp.sop<!rasp.string>
  }
}

// -----

// tokens + tokens over the vocabulary {a, b}: table ["a", "aa", "ab", "b",
// "ba", "bb"]. L = R = {a, b}; position in L (and R) of each id: a (0) -> 0,
// b (3) -> 1; pairs in L x R order: aa, ab, ba, bb = ids 1, 2, 4, 5.
// result = pairs[posL(lhs) * |R| + posR(rhs)], |R| = 2, indices clamped.
// CHECK-LABEL: module attributes
// CHECK-SAME: rasp.strings = ["a", "aa", "ab", "b", "ba", "bb"]
// CHECK-LABEL: func.func @concat_tokens(
// CHECK-SAME: [[STR:%[a-z0-9]+]]: tensor<?xi64>
// CHECK-DAG: [[LTAB:%.+]] = arith.constant dense<[0, 0, 0, 1, 0, 0]> : tensor<6xi64>
// CHECK-DAG: [[RTAB:%.+]] = arith.constant dense<[0, 0, 0, 1, 0, 0]> : tensor<6xi64>
// CHECK-DAG: [[PAIRS:%.+]] = arith.constant dense<[1, 2, 4, 5]> : tensor<4xi64>
// CHECK: [[R:%.+]] = linalg.generic {{.+}} ins([[STR]], [[STR]] : tensor<?xi64>, tensor<?xi64>) outs(%{{.+}} : tensor<?xi64>)
// CHECK-NEXT: ^bb0([[A:%.+]]: i64, [[B:%.+]]: i64, %{{.+}}: i64):
// CHECK-NEXT: [[LO:%.+]] = arith.constant 0 : i64
// CHECK-NEXT: [[HI:%.+]] = arith.constant 5 : i64
// CHECK-NEXT: [[M1:%.+]] = arith.maxsi [[A]], [[LO]] : i64
// CHECK-NEXT: [[M2:%.+]] = arith.minsi [[M1]], [[HI]] : i64
// CHECK-NEXT: [[AI:%.+]] = arith.index_cast [[M2]] : i64 to index
// CHECK-NEXT: [[PL:%.+]] = tensor.extract [[LTAB]][[[AI]]] : tensor<6xi64>
// CHECK: arith.maxsi [[B]],
// CHECK: [[BI:%.+]] = arith.index_cast %{{.+}} : i64 to index
// CHECK-NEXT: [[PR:%.+]] = tensor.extract [[RTAB]][[[BI]]] : tensor<6xi64>
// CHECK-NEXT: [[NR:%.+]] = arith.constant 2 : i64
// CHECK-NEXT: [[ROW:%.+]] = arith.muli [[PL]], [[NR]] : i64
// CHECK-NEXT: [[FLAT:%.+]] = arith.addi [[ROW]], [[PR]] : i64
// CHECK-NEXT: [[LO2:%.+]] = arith.constant 0 : i64
// CHECK-NEXT: [[HI2:%.+]] = arith.constant 3 : i64
// CHECK-NEXT: [[F1:%.+]] = arith.maxsi [[FLAT]], [[LO2]] : i64
// CHECK-NEXT: [[F2:%.+]] = arith.minsi [[F1]], [[HI2]] : i64
// CHECK-NEXT: [[FI:%.+]] = arith.index_cast [[F2]] : i64 to index
// CHECK-NEXT: [[ID:%.+]] = tensor.extract [[PAIRS]][[[FI]]] : tensor<4xi64>
// CHECK-NEXT: linalg.yield [[ID]] : i64
// CHECK: bufferization.materialize_in_destination [[R]]
module attributes {rasp.vocabulary = ["b", "a"]} {
  func.func @concat_tokens() -> !rasp.sop<!rasp.string> {
    %t = rasp.tokens : !rasp.sop<!rasp.string>
    %r = rasp.concat %t, %t : !rasp.sop<!rasp.string>
    return %r : !rasp.sop<!rasp.string>
  }
}

// -----

// "-" + tokens: the constant lhs is folded into the body (id 0); L = {"-"},
// R = {a, b}: pairs "-a", "-b" = ids 1, 2 of ["-", "-a", "-b", "a", "b"].
// CHECK-LABEL: module attributes
// CHECK-SAME: rasp.strings = ["-", "-a", "-b", "a", "b"]
// CHECK-LABEL: func.func @concat_constant(
// CHECK-SAME: [[STR:%[a-z0-9]+]]: tensor<?xi64>
// CHECK-DAG: [[LTAB:%.+]] = arith.constant dense<0> : tensor<5xi64>
// CHECK-DAG: [[RTAB:%.+]] = arith.constant dense<[0, 0, 0, 0, 1]> : tensor<5xi64>
// CHECK-DAG: [[PAIRS:%.+]] = arith.constant dense<[1, 2]> : tensor<2xi64>
// CHECK: linalg.generic {{.+}} ins([[STR]] : tensor<?xi64>) outs(%{{.+}} : tensor<?xi64>)
// CHECK-NEXT: ^bb0([[B:%.+]]: i64, %{{.+}}: i64):
// CHECK-NEXT: [[DASH:%.+]] = arith.constant 0 : i64
// CHECK: arith.maxsi [[DASH]],
// CHECK: tensor.extract [[LTAB]]
// CHECK: arith.maxsi [[B]],
// CHECK: tensor.extract [[RTAB]]
// CHECK: [[NR:%.+]] = arith.constant 2 : i64
// CHECK-NEXT: arith.muli %{{.+}}, [[NR]] : i64
// CHECK: [[ID:%.+]] = tensor.extract [[PAIRS]]
// CHECK-NEXT: linalg.yield [[ID]] : i64
module attributes {rasp.vocabulary = ["a", "b"]} {
  func.func @concat_constant() -> !rasp.sop<!rasp.string> {
    %t = rasp.tokens : !rasp.sop<!rasp.string>
    %d = rasp.constant "-" : !rasp.sop<!rasp.string>
    %r = rasp.concat %d, %t : !rasp.sop<!rasp.string>
    return %r : !rasp.sop<!rasp.string>
  }
}

// -----

// With no vocabulary the tokens hold no string (n = 0): no table, -1.
// CHECK-LABEL: func.func @concat_empty_vocabulary(
// CHECK-NOT: tensor.extract
// CHECK: [[NONE:%.+]] = arith.constant -1 : i64
// CHECK-NEXT: linalg.yield [[NONE]] : i64
func.func @concat_empty_vocabulary() -> !rasp.sop<!rasp.string> {
  %t = rasp.tokens : !rasp.sop<!rasp.string>
  %d = rasp.constant "-" : !rasp.sop<!rasp.string>
  %r = rasp.concat %d, %t : !rasp.sop<!rasp.string>
  return %r : !rasp.sop<!rasp.string>
}

// -----

// member on strings: an or of id compares; the int 1 is skipped (Python:
// "1" == 1 is False). Table ["a", "b", "zz"]: "a" = 0, "zz" = 2.
// CHECK-LABEL: func.func @member_string(
// CHECK-SAME: [[STR:%[a-z0-9]+]]: tensor<?xi64>
// CHECK: linalg.generic {{.+}} ins([[STR]] : tensor<?xi64>) outs(%{{.+}} : tensor<?xi1>)
// CHECK-NEXT: ^bb0([[X:%.+]]: i64, %{{.+}}: i1):
// CHECK-NEXT: [[F:%.+]] = arith.constant false
// CHECK-NEXT: [[A:%.+]] = arith.constant 0 : i64
// CHECK-NEXT: [[EA:%.+]] = arith.cmpi eq, [[X]], [[A]] : i64
// CHECK-NEXT: [[O1:%.+]] = arith.ori [[F]], [[EA]] : i1
// CHECK-NEXT: [[ZZ:%.+]] = arith.constant 2 : i64
// CHECK-NEXT: [[EZ:%.+]] = arith.cmpi eq, [[X]], [[ZZ]] : i64
// CHECK-NEXT: [[O2:%.+]] = arith.ori [[O1]], [[EZ]] : i1
// CHECK-NEXT: linalg.yield [[O2]] : i1
module attributes {rasp.vocabulary = ["b"]} {
  func.func @member_string() -> !rasp.sop<i1> {
    %t = rasp.tokens : !rasp.sop<!rasp.string>
    %r = rasp.member %t, ["a", 1, "zz"] : !rasp.sop<!rasp.string>
    return %r : !rasp.sop<i1>
  }
}

// -----

// member on numbers: an int element against a float s-op compares as floats.
// CHECK-LABEL: func.func @member_float(
// CHECK: ^bb0([[X:%.+]]: f64, %{{.+}}: i1):
// CHECK-NEXT: [[F:%.+]] = arith.constant false
// CHECK-NEXT: [[TWO:%.+]] = arith.constant 2 : i64
// CHECK-NEXT: [[TWOF:%.+]] = arith.sitofp [[TWO]] : i64 to f64
// CHECK-NEXT: [[E:%.+]] = arith.cmpf oeq, [[X]], [[TWOF]] : f64
// CHECK-NEXT: [[O:%.+]] = arith.ori [[F]], [[E]] : i1
// CHECK-NEXT: [[H:%.+]] = arith.constant 5.000000e-01 : f64
// CHECK-NEXT: [[E2:%.+]] = arith.cmpf oeq, [[X]], [[H]] : f64
// CHECK-NEXT: [[O2:%.+]] = arith.ori [[O]], [[E2]] : i1
// CHECK-NEXT: linalg.yield [[O2]] : i1
func.func @member_float() -> !rasp.sop<i1> {
  %f = rasp.tokens : !rasp.sop<f64>
  %r = rasp.member %f, [2, 0.5, "2"] : !rasp.sop<f64>
  return %r : !rasp.sop<i1>
}

// -----

// member with bools and numbers: as in Python, True == 1 and False == 0, so a
// bool is compared as 0/1 (zero-extended) with ints and floats; a string
// element never matches a bool.
// CHECK-LABEL: func.func @member_bool_number(
// CHECK-SAME: [[BOOL:%[a-z0-9]+]]: tensor<?xi1>, {{%[a-z0-9]+}}: memref<?xi1>)
// CHECK: linalg.generic {{.+}} ins([[BOOL]] : tensor<?xi1>) outs(%{{.+}} : tensor<?xi1>)
// CHECK-NEXT: ^bb0([[X:%.+]]: i1, %{{.+}}: i1):
// CHECK-NEXT: [[F:%.+]] = arith.constant false
// CHECK-NEXT: [[X64:%.+]] = arith.extui [[X]] : i1 to i64
// CHECK-NEXT: [[ONE:%.+]] = arith.constant 1 : i64
// CHECK-NEXT: [[E1:%.+]] = arith.cmpi eq, [[X64]], [[ONE]] : i64
// CHECK-NEXT: [[O1:%.+]] = arith.ori [[F]], [[E1]] : i1
// CHECK-NEXT: [[X64B:%.+]] = arith.extui [[X]] : i1 to i64
// CHECK-NEXT: [[H:%.+]] = arith.constant 5.000000e-01 : f64
// CHECK-NEXT: [[XF:%.+]] = arith.sitofp [[X64B]] : i64 to f64
// CHECK-NEXT: [[E2:%.+]] = arith.cmpf oeq, [[XF]], [[H]] : f64
// CHECK-NEXT: [[O2:%.+]] = arith.ori [[O1]], [[E2]] : i1
// CHECK-NEXT: linalg.yield [[O2]] : i1
func.func @member_bool_number() -> !rasp.sop<i1> {
  %b = rasp.tokens : !rasp.sop<i1>
  %r = rasp.member %b, [1, "x", 0.5] : !rasp.sop<i1>
  return %r : !rasp.sop<i1>
}

// An int s-op against True: True is the int 1.
// CHECK-LABEL: func.func @member_int_bool(
// CHECK: ^bb0([[X:%.+]]: i64, %{{.+}}: i1):
// CHECK-NEXT: [[F:%.+]] = arith.constant false
// CHECK-NEXT: [[ONE:%.+]] = arith.constant 1 : i64
// CHECK-NEXT: [[E:%.+]] = arith.cmpi eq, [[X]], [[ONE]] : i64
// CHECK-NEXT: [[O:%.+]] = arith.ori [[F]], [[E]] : i1
// CHECK-NEXT: linalg.yield [[O]] : i1
func.func @member_int_bool() -> !rasp.sop<i1> {
  %i = rasp.tokens : !rasp.sop<i64>
  %r = rasp.member %i, [true] : !rasp.sop<i64>
  return %r : !rasp.sop<i1>
}

// -----

// lookup by string: the check finds the first token that is no key (code 2,
// op id 11); the value is a select chain starting from the first value (a
// miss never gets there: the check reports it). Table ["a", "b"]: "b" = 1.
// CHECK-LABEL: func.func @lookup_string_keys(
// CHECK-SAME: [[STR:%[a-z0-9]+]]: tensor<?xi64>
// CHECK: [[FIRST:%.+]] = linalg.generic {{.+}} iterator_types = ["reduction"]} ins([[STR]] : tensor<?xi64>)
// CHECK-NEXT: ^bb0([[X:%.+]]: i64, [[ACC:%.+]]: i64):
// CHECK-NEXT: [[F:%.+]] = arith.constant false
// CHECK-NEXT: [[KA:%.+]] = arith.constant 0 : i64
// CHECK-NEXT: [[HA:%.+]] = arith.cmpi eq, [[X]], [[KA]] : i64
// CHECK-NEXT: [[O1:%.+]] = arith.ori [[F]], [[HA]] : i1
// CHECK-NEXT: [[KB:%.+]] = arith.constant 1 : i64
// CHECK-NEXT: [[HB:%.+]] = arith.cmpi eq, [[X]], [[KB]] : i64
// CHECK-NEXT: [[O2:%.+]] = arith.ori [[O1]], [[HB]] : i1
// CHECK-NEXT: [[T:%.+]] = arith.constant true
// CHECK-NEXT: [[MISS:%.+]] = arith.xori [[O2]], [[T]] : i1
// CHECK: arith.select [[MISS]], %{{.+}}, [[ACC]] : i64
// CHECK: [[POS:%.+]] = tensor.extract [[FIRST]][] : tensor<i64>
// CHECK-NEXT: [[ANY:%.+]] = arith.cmpi slt, [[POS]], %{{.+}} : i64
// CHECK-NEXT: scf.if [[ANY]] {
// CHECK-NEXT: [[CODE:%.+]] = arith.constant 2 : i64
// CHECK-NEXT: [[ID:%.+]] = arith.constant 11 : i64
// CHECK-NEXT: func.call @rasp_runtime_error([[CODE]], [[ID]], [[POS]])
// CHECK: linalg.generic {{.+}} ins([[STR]] : tensor<?xi64>) outs(%{{.+}} : tensor<?xi64>)
// CHECK-NEXT: ^bb0([[X:%.+]]: i64, %{{.+}}: i64):
// CHECK-NEXT: [[V10:%.+]] = arith.constant 10 : i64
// CHECK-NEXT: [[V20:%.+]] = arith.constant 20 : i64
// CHECK-NEXT: [[KB:%.+]] = arith.constant 1 : i64
// CHECK-NEXT: [[HB:%.+]] = arith.cmpi eq, [[X]], [[KB]] : i64
// CHECK-NEXT: [[R:%.+]] = arith.select [[HB]], [[V20]], [[V10]] : i64
// CHECK-NEXT: linalg.yield [[R]] : i64
module attributes {rasp.vocabulary = ["a", "b"]} {
  func.func @lookup_string_keys() -> !rasp.sop<i64> {
    %t = rasp.tokens : !rasp.sop<!rasp.string>
    %r = rasp.lookup %t, ["a", "b"] -> [10, 20] {rasp.op_id = 11 : i64} : !rasp.sop<!rasp.string> -> !rasp.sop<i64>
    return %r : !rasp.sop<i64>
  }
}

// -----

// A string indexed by an s-op: keys 0, 1, -2, -1, values are string ids
// ("x" = 0, "y" = 1); a negative key selects from the end.
// CHECK-LABEL: module attributes
// CHECK-SAME: rasp.strings = ["x", "y"]
// CHECK-LABEL: func.func @lookup_string_values(
// CHECK-SAME: {{%[a-z0-9]+}}: tensor<?xi64>, [[INT:%[a-z0-9]+]]: tensor<?xi64>
// CHECK: linalg.generic {{.+}} iterator_types = ["reduction"]} ins([[INT]] : tensor<?xi64>)
// CHECK: arith.constant 0 : i64
// CHECK: arith.constant 1 : i64
// CHECK: arith.constant -2 : i64
// CHECK: arith.constant -1 : i64
// CHECK: scf.if
// CHECK: func.call @rasp_runtime_error
// CHECK: linalg.generic {{.+}} ins([[INT]] : tensor<?xi64>) outs(%{{.+}} : tensor<?xi64>)
// CHECK-NEXT: ^bb0([[X:%.+]]: i64, %{{.+}}: i64):
// CHECK-NEXT: [[VX:%.+]] = arith.constant 0 : i64
// CHECK-NEXT: [[VY:%.+]] = arith.constant 1 : i64
// CHECK-NEXT: [[K1:%.+]] = arith.constant 1 : i64
// CHECK-NEXT: [[H1:%.+]] = arith.cmpi eq, [[X]], [[K1]] : i64
// CHECK-NEXT: [[S1:%.+]] = arith.select [[H1]], [[VY]], [[VX]] : i64
// CHECK-NEXT: [[VX2:%.+]] = arith.constant 0 : i64
// CHECK-NEXT: [[KM2:%.+]] = arith.constant -2 : i64
// CHECK-NEXT: [[H2:%.+]] = arith.cmpi eq, [[X]], [[KM2]] : i64
// CHECK-NEXT: [[S2:%.+]] = arith.select [[H2]], [[VX2]], [[S1]] : i64
// CHECK-NEXT: [[VY2:%.+]] = arith.constant 1 : i64
// CHECK-NEXT: [[KM1:%.+]] = arith.constant -1 : i64
// CHECK-NEXT: [[H3:%.+]] = arith.cmpi eq, [[X]], [[KM1]] : i64
// CHECK-NEXT: [[S3:%.+]] = arith.select [[H3]], [[VY2]], [[S2]] : i64
// CHECK-NEXT: linalg.yield [[S3]] : i64
func.func @lookup_string_values() -> !rasp.sop<!rasp.string> {
  %i = rasp.tokens : !rasp.sop<i64>
  %r = rasp.lookup %i, [0, 1, -2, -1] -> ["x", "y", "x", "y"] : !rasp.sop<i64> -> !rasp.sop<!rasp.string>
  return %r : !rasp.sop<!rasp.string>
}
