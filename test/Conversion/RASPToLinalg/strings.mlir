// Strings are i32 ids: their index in the module's sorted `rasp.strings`
// table (built from the vocabulary, the constants and every concatenation
// those can form). Concatenation is a look-up in constant tables; member and
// lookup compare ids; a look-up miss is a run-time check (code 2).
// String ids and outputs keep their computed types (narrow-storage=false): the
// storage narrowing has its own tests (signature.mlir, narrow-storage.mlir).
// RUN: rasp-opt %s -convert-rasp-to-linalg=narrow-storage=false -split-input-file | FileCheck %s

// Without rasp-intern-strings the pass builds the table itself, sorted:
// "" < "a" < "b" < "c" < "ca".
// CHECK-LABEL: module attributes
// CHECK-SAME: rasp.strings = ["", "a", "b", "c", "ca"]
// CHECK-LABEL: func.func @string_constants(
// CHECK: linalg.generic
// CHECK: [[C:%.+]] = arith.constant 3 : i32
// CHECK-NEXT: linalg.yield [[C]] : i32
// CHECK: linalg.generic
// CHECK: [[E:%.+]] = arith.constant 0 : i32
// CHECK-NEXT: linalg.yield [[E]] : i32
// CHECK: linalg.generic
// CHECK: [[CA:%.+]] = arith.constant 4 : i32
// CHECK-NEXT: linalg.yield [[CA]] : i32
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
// CHECK: [[Y:%.+]] = arith.constant 1 : i32
// CHECK-NEXT: linalg.yield [[Y]] : i32
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
// The tables hold i32 ids; the index arithmetic is done in i64 (ids and
// positions sign-extended).
// CHECK-LABEL: module attributes
// CHECK-SAME: rasp.strings = ["a", "aa", "ab", "b", "ba", "bb"]
// CHECK-LABEL: func.func @concat_tokens(
// CHECK-SAME: [[STR:%[a-z0-9]+]]: tensor<?xi32>,
// CHECK-DAG: [[LTAB:%.+]] = arith.constant dense<[0, 0, 0, 1, 0, 0]> : tensor<6xi32>
// CHECK-DAG: [[RTAB:%.+]] = arith.constant dense<[0, 0, 0, 1, 0, 0]> : tensor<6xi32>
// CHECK-DAG: [[PAIRS:%.+]] = arith.constant dense<[1, 2, 4, 5]> : tensor<4xi32>
// CHECK: [[R:%.+]] = linalg.generic {{.+}} ins([[STR]], [[STR]] : tensor<?xi32>, tensor<?xi32>) outs(%{{.+}} : tensor<?xi32>)
// CHECK-NEXT: ^bb0([[A:%.+]]: i32, [[B:%.+]]: i32, %{{.+}}: i32):
// CHECK-NEXT: [[A64:%.+]] = arith.extsi [[A]] : i32 to i64
// CHECK-NEXT: [[LO:%.+]] = arith.constant 0 : i64
// CHECK-NEXT: [[HI:%.+]] = arith.constant 5 : i64
// CHECK-NEXT: [[M1:%.+]] = arith.maxsi [[A64]], [[LO]] : i64
// CHECK-NEXT: [[M2:%.+]] = arith.minsi [[M1]], [[HI]] : i64
// CHECK-NEXT: [[AI:%.+]] = arith.index_cast [[M2]] : i64 to index
// CHECK-NEXT: [[PL32:%.+]] = tensor.extract [[LTAB]][[[AI]]] : tensor<6xi32>
// CHECK-NEXT: [[PL:%.+]] = arith.extsi [[PL32]] : i32 to i64
// CHECK-NEXT: [[B64:%.+]] = arith.extsi [[B]] : i32 to i64
// CHECK-NEXT: [[LOB:%.+]] = arith.constant 0 : i64
// CHECK-NEXT: [[HIB:%.+]] = arith.constant 5 : i64
// CHECK-NEXT: [[N1:%.+]] = arith.maxsi [[B64]], [[LOB]] : i64
// CHECK-NEXT: [[N2:%.+]] = arith.minsi [[N1]], [[HIB]] : i64
// CHECK-NEXT: [[BI:%.+]] = arith.index_cast [[N2]] : i64 to index
// CHECK-NEXT: [[PR32:%.+]] = tensor.extract [[RTAB]][[[BI]]] : tensor<6xi32>
// CHECK-NEXT: [[PR:%.+]] = arith.extsi [[PR32]] : i32 to i64
// CHECK-NEXT: [[NR:%.+]] = arith.constant 2 : i64
// CHECK-NEXT: [[ROW:%.+]] = arith.muli [[PL]], [[NR]] : i64
// CHECK-NEXT: [[FLAT:%.+]] = arith.addi [[ROW]], [[PR]] : i64
// CHECK-NEXT: [[LO2:%.+]] = arith.constant 0 : i64
// CHECK-NEXT: [[HI2:%.+]] = arith.constant 3 : i64
// CHECK-NEXT: [[F1:%.+]] = arith.maxsi [[FLAT]], [[LO2]] : i64
// CHECK-NEXT: [[F2:%.+]] = arith.minsi [[F1]], [[HI2]] : i64
// CHECK-NEXT: [[FI:%.+]] = arith.index_cast [[F2]] : i64 to index
// CHECK-NEXT: [[ID:%.+]] = tensor.extract [[PAIRS]][[[FI]]] : tensor<4xi32>
// CHECK-NEXT: linalg.yield [[ID]] : i32
// CHECK: bufferization.materialize_in_destination [[R]]
module attributes {rasp.vocabulary = ["b", "a"]} {
  func.func @concat_tokens() -> !rasp.sop<!rasp.string> {
    %t = rasp.tokens : !rasp.sop<!rasp.string>
    %r = rasp.concat %t, %t : !rasp.sop<!rasp.string>
    return %r : !rasp.sop<!rasp.string>
  }
}

// -----

// "-" + tokens: the constant lhs is folded into the body (id 0, an i32
// constant, sign-extended); L = {"-"}, R = {a, b}: pairs "-a", "-b" = ids 1, 2
// of ["-", "-a", "-b", "a", "b"].
// CHECK-LABEL: module attributes
// CHECK-SAME: rasp.strings = ["-", "-a", "-b", "a", "b"]
// CHECK-LABEL: func.func @concat_constant(
// CHECK-SAME: [[STR:%[a-z0-9]+]]: tensor<?xi32>,
// CHECK-DAG: [[LTAB:%.+]] = arith.constant dense<0> : tensor<5xi32>
// CHECK-DAG: [[RTAB:%.+]] = arith.constant dense<[0, 0, 0, 0, 1]> : tensor<5xi32>
// CHECK-DAG: [[PAIRS:%.+]] = arith.constant dense<[1, 2]> : tensor<2xi32>
// CHECK: linalg.generic {{.+}} ins([[STR]] : tensor<?xi32>) outs(%{{.+}} : tensor<?xi32>)
// CHECK-NEXT: ^bb0([[B:%.+]]: i32, %{{.+}}: i32):
// CHECK-NEXT: [[DASH:%.+]] = arith.constant 0 : i32
// CHECK-NEXT: [[DASH64:%.+]] = arith.extsi [[DASH]] : i32 to i64
// CHECK: arith.maxsi [[DASH64]],
// CHECK: tensor.extract [[LTAB]]
// CHECK: [[B64:%.+]] = arith.extsi [[B]] : i32 to i64
// CHECK: arith.maxsi [[B64]],
// CHECK: tensor.extract [[RTAB]]
// CHECK: [[NR:%.+]] = arith.constant 2 : i64
// CHECK-NEXT: arith.muli %{{.+}}, [[NR]] : i64
// CHECK: [[ID:%.+]] = tensor.extract [[PAIRS]]
// CHECK-NEXT: linalg.yield [[ID]] : i32
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
// CHECK: [[NONE:%.+]] = arith.constant -1 : i32
// CHECK-NEXT: linalg.yield [[NONE]] : i32
// CHECK-NEXT: } -> tensor<?xi32>
// CHECK-NEXT: bufferization.materialize_in_destination
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
// CHECK-SAME: [[STR:%[a-z0-9]+]]: tensor<?xi32>,
// CHECK: linalg.generic {{.+}} ins([[STR]] : tensor<?xi32>) outs(%{{.+}} : tensor<?xi1>)
// CHECK-NEXT: ^bb0([[X:%.+]]: i32, %{{.+}}: i1):
// CHECK-NEXT: [[F:%.+]] = arith.constant false
// CHECK-NEXT: [[A:%.+]] = arith.constant 0 : i32
// CHECK-NEXT: [[EA:%.+]] = arith.cmpi eq, [[X]], [[A]] : i32
// CHECK-NEXT: [[O1:%.+]] = arith.ori [[F]], [[EA]] : i1
// CHECK-NEXT: [[ZZ:%.+]] = arith.constant 2 : i32
// CHECK-NEXT: [[EZ:%.+]] = arith.cmpi eq, [[X]], [[ZZ]] : i32
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
// op id 11); the value is a select chain built from the last key to the
// first, so that the first matching key is the outermost select; the chain
// starts from the last value without a compare (a miss never gets there: the
// check reports it). Table ["a", "b"]: "a" = 0, "b" = 1.
// CHECK-LABEL: func.func @lookup_string_keys(
// CHECK-SAME: [[STR:%[a-z0-9]+]]: tensor<?xi32>,
// CHECK: [[FIRST:%.+]] = linalg.generic {{.+}} iterator_types = ["reduction"]} ins([[STR]] : tensor<?xi32>)
// CHECK-NEXT: ^bb0([[X:%.+]]: i32, [[ACC:%.+]]: i64):
// CHECK-NEXT: [[F:%.+]] = arith.constant false
// CHECK-NEXT: [[KA:%.+]] = arith.constant 0 : i32
// CHECK-NEXT: [[HA:%.+]] = arith.cmpi eq, [[X]], [[KA]] : i32
// CHECK-NEXT: [[O1:%.+]] = arith.ori [[F]], [[HA]] : i1
// CHECK-NEXT: [[KB:%.+]] = arith.constant 1 : i32
// CHECK-NEXT: [[HB:%.+]] = arith.cmpi eq, [[X]], [[KB]] : i32
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
// CHECK: linalg.generic {{.+}} iterator_types = ["parallel"]} ins([[STR]] : tensor<?xi32>) outs(%{{.+}} : tensor<?xi64>)
// CHECK-NEXT: ^bb0([[X:%.+]]: i32, %{{.+}}: i64):
// CHECK-NEXT: [[V20:%.+]] = arith.constant 20 : i64
// CHECK-NEXT: [[V10:%.+]] = arith.constant 10 : i64
// CHECK-NEXT: [[KA:%.+]] = arith.constant 0 : i32
// CHECK-NEXT: [[HA:%.+]] = arith.cmpi eq, [[X]], [[KA]] : i32
// CHECK-NEXT: [[R:%.+]] = arith.select [[HA]], [[V10]], [[V20]] : i64
// CHECK-NEXT: linalg.yield [[R]] : i64
module attributes {rasp.vocabulary = ["a", "b"]} {
  func.func @lookup_string_keys() -> !rasp.sop<i64> {
    %t = rasp.tokens : !rasp.sop<!rasp.string>
    %r = rasp.lookup %t, ["a", "b"] -> [10, 20] {rasp.op_id = 11 : i64} : !rasp.sop<!rasp.string> -> !rasp.sop<i64>
    return %r : !rasp.sop<i64>
  }
}

// -----

// A string indexed by an s-op: keys 0, 1, -2, -1, values are i32 string ids
// ("x" = 0, "y" = 1); a negative key selects from the end. The chain is built
// from the last key (-1, its value "y" unconditioned) to the first (0,
// outermost).
// CHECK-LABEL: module attributes
// CHECK-SAME: rasp.strings = ["x", "y"]
// CHECK-LABEL: func.func @lookup_string_values(
// CHECK-SAME: {{%[a-z0-9]+}}: tensor<?xi32>, [[INT:%[a-z0-9]+]]: tensor<?xi64>
// CHECK: linalg.generic {{.+}} iterator_types = ["reduction"]} ins([[INT]] : tensor<?xi64>)
// CHECK: arith.constant 0 : i64
// CHECK: arith.constant 1 : i64
// CHECK: arith.constant -2 : i64
// CHECK: arith.constant -1 : i64
// CHECK: scf.if
// CHECK: func.call @rasp_runtime_error
// CHECK: [[R:%.+]] = linalg.generic {{.+}} iterator_types = ["parallel"]} ins([[INT]] : tensor<?xi64>) outs(%{{.+}} : tensor<?xi32>)
// CHECK-NEXT: ^bb0([[X:%.+]]: i64, %{{.+}}: i32):
// CHECK-NEXT: [[VY:%.+]] = arith.constant 1 : i32
// CHECK-NEXT: [[VX:%.+]] = arith.constant 0 : i32
// CHECK-NEXT: [[KM2:%.+]] = arith.constant -2 : i64
// CHECK-NEXT: [[H1:%.+]] = arith.cmpi eq, [[X]], [[KM2]] : i64
// CHECK-NEXT: [[S1:%.+]] = arith.select [[H1]], [[VX]], [[VY]] : i32
// CHECK-NEXT: [[VY2:%.+]] = arith.constant 1 : i32
// CHECK-NEXT: [[K1:%.+]] = arith.constant 1 : i64
// CHECK-NEXT: [[H2:%.+]] = arith.cmpi eq, [[X]], [[K1]] : i64
// CHECK-NEXT: [[S2:%.+]] = arith.select [[H2]], [[VY2]], [[S1]] : i32
// CHECK-NEXT: [[VX2:%.+]] = arith.constant 0 : i32
// CHECK-NEXT: [[K0:%.+]] = arith.constant 0 : i64
// CHECK-NEXT: [[H3:%.+]] = arith.cmpi eq, [[X]], [[K0]] : i64
// CHECK-NEXT: [[S3:%.+]] = arith.select [[H3]], [[VX2]], [[S2]] : i32
// CHECK-NEXT: linalg.yield [[S3]] : i32
// CHECK: bufferization.materialize_in_destination [[R]]
func.func @lookup_string_values() -> !rasp.sop<!rasp.string> {
  %i = rasp.tokens : !rasp.sop<i64>
  %r = rasp.lookup %i, [0, 1, -2, -1] -> ["x", "y", "x", "y"] : !rasp.sop<i64> -> !rasp.sop<!rasp.string>
  return %r : !rasp.sop<!rasp.string>
}

// -----

// Duplicate keys: the FIRST matching key wins, as in the interpreter. 1.0
// equals 1 (Python ==), so keys [1, 1.0, 2] map 1 to 10 (not 20). The chain:
// start from 30 (key 2, last), then 1.0 -> 20, then 1 -> 10 outermost: where
// x == 1 both compares hold and the outer select yields 10.
// CHECK-LABEL: func.func @lookup_first_match(
// CHECK-SAME: {{%[a-z0-9]+}}: tensor<?xi32>, [[INT:%[a-z0-9]+]]: tensor<?xi64>
// CHECK: linalg.generic {{.+}} iterator_types = ["reduction"]} ins([[INT]] : tensor<?xi64>)
// CHECK: func.call @rasp_runtime_error
// CHECK: [[R:%.+]] = linalg.generic {{.+}} iterator_types = ["parallel"]} ins([[INT]] : tensor<?xi64>) outs(%{{.+}} : tensor<?xi64>)
// CHECK-NEXT: ^bb0([[X:%.+]]: i64, %{{.+}}: i64):
// CHECK-NEXT: [[V30:%.+]] = arith.constant 30 : i64
// CHECK-NEXT: [[V20:%.+]] = arith.constant 20 : i64
// CHECK-NEXT: [[K1F:%.+]] = arith.constant 1.000000e+00 : f64
// CHECK-NEXT: [[XF:%.+]] = arith.sitofp [[X]] : i64 to f64
// CHECK-NEXT: [[H1F:%.+]] = arith.cmpf oeq, [[XF]], [[K1F]] : f64
// CHECK-NEXT: [[S1:%.+]] = arith.select [[H1F]], [[V20]], [[V30]] : i64
// CHECK-NEXT: [[V10:%.+]] = arith.constant 10 : i64
// CHECK-NEXT: [[K1:%.+]] = arith.constant 1 : i64
// CHECK-NEXT: [[H1:%.+]] = arith.cmpi eq, [[X]], [[K1]] : i64
// CHECK-NEXT: [[S2:%.+]] = arith.select [[H1]], [[V10]], [[S1]] : i64
// CHECK-NEXT: linalg.yield [[S2]] : i64
// CHECK: bufferization.materialize_in_destination [[R]]
func.func @lookup_first_match() -> !rasp.sop<i64> {
  %i = rasp.tokens : !rasp.sop<i64>
  %r = rasp.lookup %i, [1, 1.0, 2] -> [10, 20, 30] : !rasp.sop<i64> -> !rasp.sop<i64>
  return %r : !rasp.sop<i64>
}
