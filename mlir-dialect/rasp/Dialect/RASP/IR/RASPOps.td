//===- RASPOps.td - RASP operations -------------------------*- tablegen -*-===//

#ifndef RASP_OPS_TD
#define RASP_OPS_TD

include "rasp/Dialect/RASP/IR/RASPDialect.td"
include "rasp/Dialect/RASP/IR/RASPTypes.td"
include "mlir/IR/EnumAttr.td"
include "mlir/IR/OpBase.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

class RASP_Op<string mnemonic, list<Trait> traits = []>
    : Op<RASP_Dialect, mnemonic, traits>;

//===----------------------------------------------------------------------===//
// Comparison predicates
//===----------------------------------------------------------------------===//

def RASP_PredicateAttr : I64EnumAttr<"Predicate",
    "comparison predicate of select and element-wise comparisons", [
      I64EnumAttrCase<"eq", 0>, I64EnumAttrCase<"ne", 1>,
      I64EnumAttrCase<"lt", 2>, I64EnumAttrCase<"gt", 3>,
      I64EnumAttrCase<"le", 4>, I64EnumAttrCase<"ge", 5>]> {
  let cppNamespace = "::rasp";
}

//===----------------------------------------------------------------------===//
// Inputs and constants
//===----------------------------------------------------------------------===//

def RASP_TokensOp : RASP_Op<"tokens", [Pure]> {
  let summary = "the input tokens, read as the result's element type";
  let description = [{
    `tokens` / `tokens_str` (string), `tokens_int` (i64), `tokens_float` (f64)
    and `tokens_bool` (i1) of the language: the same input, read as that type.

    ```mlir
    %t = rasp.tokens : !rasp.sop<!rasp.string>
    ```
  }];
  let results = (outs RASP_AnySOp:$result);
  let assemblyFormat = "attr-dict `:` qualified(type($result))";
}

def RASP_IndicesOp : RASP_Op<"indices", [Pure]> {
  let summary = "the position of each token: 0, 1, ..., n-1";
  let results = (outs RASP_IntSOp:$result);
  let assemblyFormat = "attr-dict `:` qualified(type($result))";
}

def RASP_LengthOp : RASP_Op<"length", [Pure]> {
  let summary = "the input length n at every position";
  let description = [{
    A library function built from an aggregate in the reference; a primitive
    here so that it costs no n-by-n work. The layer analysis still counts it
    as one head in layer 1, as the paper does.
  }];
  let results = (outs RASP_IntSOp:$result);
  let assemblyFormat = "attr-dict `:` qualified(type($result))";
}

def RASP_ConstantOp : RASP_Op<"constant", [ConstantLike, Pure]> {
  let summary = "a compile-time constant broadcast to every position";
  let description = [{
    The value is an `i64` integer, an `f64` float, a bool or a string attribute
    matching the element type of the result.

    ```mlir
    %one = rasp.constant 1 : !rasp.sop<i64>
    %dash = rasp.constant "-" : !rasp.sop<!rasp.string>
    ```
  }];
  let arguments = (ins AnyAttr:$value);
  let results = (outs RASP_AnySOp:$result);
  let assemblyFormat = "custom<RASPScalar>($value) attr-dict `:` qualified(type($result))";
  let hasFolder = 1;
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Element-wise maps: one op per operator, Python semantics
//===----------------------------------------------------------------------===//

class RASP_UnaryOp<string mnemonic, Type operandType, Type resultType,
                   list<Trait> traits = []>
    : RASP_Op<mnemonic, !listconcat([Pure], traits)> {
  let arguments = (ins operandType:$operand);
  let results = (outs resultType:$result);
  let assemblyFormat = "$operand attr-dict `:` qualified(type($operand)) `->` qualified(type($result))";
  let hasFolder = 1;
}

def RASP_NegOp : RASP_UnaryOp<"neg", RASP_NumericSOp, RASP_NumericSOp,
                              [AllTypesMatch<["operand", "result"]>]> {
  let summary = "element-wise negation";
}

def RASP_NotOp : RASP_UnaryOp<"not", RASP_BoolSOp, RASP_BoolSOp> {
  let summary = "element-wise logical not";
}

def RASP_RoundOp : RASP_UnaryOp<"round", RASP_NumericSOp, RASP_IntSOp> {
  let summary = "round half to even, to an int (Python's round)";
}

def RASP_IndicatorOp : RASP_UnaryOp<"indicator", RASP_BoolSOp, RASP_IntSOp> {
  let summary = "1 where the operand is true, else 0";
}

class RASP_ArithOp<string mnemonic, list<Trait> traits = []>
    : RASP_Op<mnemonic, !listconcat([Pure], traits)> {
  let arguments = (ins RASP_NumericSOp:$lhs, RASP_NumericSOp:$rhs);
  let results = (outs RASP_NumericSOp:$result);
  let assemblyFormat =
      "$lhs `,` $rhs attr-dict `:` qualified(type($lhs)) `,` qualified(type($rhs)) `->` qualified(type($result))";
  let hasFolder = 1;
  let hasVerifier = 1;
}

def RASP_AddOp : RASP_ArithOp<"add", [Commutative]> {
  let summary = "element-wise addition (int if both operands are int)";
}
def RASP_SubOp : RASP_ArithOp<"sub"> {
  let summary = "element-wise subtraction (int if both operands are int)";
}
def RASP_MulOp : RASP_ArithOp<"mul", [Commutative]> {
  let summary = "element-wise multiplication (int if both operands are int)";
}
def RASP_DivOp : RASP_ArithOp<"div"> {
  let summary = "element-wise true division: always float";
  let description = [{
    Python's `/`: int / int gives a float. Division by zero is a run-time
    error, as in the reference.
  }];
}
def RASP_ModOp : RASP_ArithOp<"mod"> {
  let summary = "element-wise floored modulo (Python's %: -3 % 4 == 1)";
}
def RASP_PowOp : RASP_ArithOp<"pow"> {
  let summary = "element-wise power (Python's **, written ^ in RASP)";
  let description = [{
    int ^ int is an int when the result type says so (the front end chooses
    int for a non-negative constant exponent), else the power is computed in
    float.
  }];
}

def RASP_ConcatOp : RASP_Op<"concat", [Pure, AllTypesMatch<["lhs", "rhs", "result"]>]> {
  let summary = "element-wise string concatenation";
  let arguments = (ins RASP_StringSOp:$lhs, RASP_StringSOp:$rhs);
  let results = (outs RASP_StringSOp:$result);
  let assemblyFormat = "$lhs `,` $rhs attr-dict `:` qualified(type($result))";
  let hasFolder = 1;
}

def RASP_CmpOp : RASP_Op<"cmp", [Pure]> {
  let summary = "element-wise comparison";
  let description = [{
    Compares two s-ops of the same kind (numeric with numeric, string with
    string, bool with bool) position by position. Strings compare
    lexicographically, as in Python.
  }];
  let arguments = (ins RASP_PredicateAttr:$predicate, RASP_AnySOp:$lhs,
                       RASP_AnySOp:$rhs);
  let results = (outs RASP_BoolSOp:$result);
  let assemblyFormat = "$predicate `,` $lhs `,` $rhs attr-dict `:` qualified(type($lhs)) `,` qualified(type($rhs))";
  let hasFolder = 1;
  let hasVerifier = 1;
}

def RASP_AndOp : RASP_Op<"and", [Pure, Commutative,
                                 AllTypesMatch<["lhs", "rhs", "result"]>]> {
  let summary = "element-wise logical and";
  let arguments = (ins RASP_BoolSOp:$lhs, RASP_BoolSOp:$rhs);
  let results = (outs RASP_BoolSOp:$result);
  let assemblyFormat = "$lhs `,` $rhs attr-dict `:` qualified(type($result))";
  let hasFolder = 1;
}

def RASP_OrOp : RASP_Op<"or", [Pure, Commutative,
                               AllTypesMatch<["lhs", "rhs", "result"]>]> {
  let summary = "element-wise logical or";
  let arguments = (ins RASP_BoolSOp:$lhs, RASP_BoolSOp:$rhs);
  let results = (outs RASP_BoolSOp:$result);
  let assemblyFormat = "$lhs `,` $rhs attr-dict `:` qualified(type($result))";
  let hasFolder = 1;
}

def RASP_WhereOp : RASP_Op<"where", [Pure]> {
  let summary = "element-wise choice: `a if cond else b`";
  let description = [{
    Both branches have one kind (numeric, string or bool); the result is
    float if either numeric branch is float.
  }];
  let arguments = (ins RASP_BoolSOp:$condition, RASP_AnySOp:$true_value,
                       RASP_AnySOp:$false_value);
  let results = (outs RASP_AnySOp:$result);
  let assemblyFormat = [{
    $condition `,` $true_value `,` $false_value attr-dict `:`
    qualified(type($true_value)) `,` qualified(type($false_value)) `->` qualified(type($result))
  }];
  let hasFolder = 1;
  let hasVerifier = 1;
}

def RASP_MemberOp : RASP_Op<"member", [Pure]> {
  let summary = "element-wise membership in a compile-time list (`x in L`)";
  let arguments = (ins RASP_AnySOp:$operand, ArrayAttr:$elements);
  let results = (outs RASP_BoolSOp:$result);
  let assemblyFormat =
      "$operand `,` custom<RASPScalarList>($elements) attr-dict `:` qualified(type($operand))";
  let hasVerifier = 1;
}

def RASP_LookupOp : RASP_Op<"lookup", [Pure]> {
  let summary = "element-wise look-up in a compile-time table";
  let description = [{
    Position i gets `values[j]` where `keys[j] == operand[i]`. A list or string
    indexed by an s-op becomes a table whose keys are 0..len-1 and -len..-1; a
    dict keeps its keys. A value absent from the keys is a run-time error.

    ```mlir
    %r = rasp.lookup %i, [0, 1, -2, -1] -> ["a", "b", "a", "b"]
           : !rasp.sop<i64> -> !rasp.sop<!rasp.string>
    ```
  }];
  let arguments = (ins RASP_AnySOp:$operand, ArrayAttr:$keys, ArrayAttr:$values);
  let results = (outs RASP_AnySOp:$result);
  let assemblyFormat = [{
    $operand `,` custom<RASPScalarList>($keys) `->` custom<RASPScalarList>($values)
    attr-dict `:` qualified(type($operand)) `->` qualified(type($result))
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Selectors, aggregate, selector_width
//===----------------------------------------------------------------------===//

def RASP_SelectOp : RASP_Op<"select", [Pure]> {
  let summary = "an attention pattern: entry (q, k) is `keys[k] <pred> queries[q]`";
  let description = [{
    `select(keys, queries, op)` of the language. The predicate compares the
    key (left) with the query (right): `select(indices, indices, <)` lets
    query q see keys k < q.
  }];
  let arguments = (ins RASP_AnySOp:$keys, RASP_AnySOp:$queries,
                       RASP_PredicateAttr:$predicate);
  let results = (outs RASP_Selector:$result);
  let assemblyFormat = "$keys `,` $queries `,` $predicate attr-dict `:` qualified(type($keys)) `,` qualified(type($queries))";
  let hasVerifier = 1;
}

def RASP_SelectAndOp : RASP_Op<"select_and", [Pure, Commutative]> {
  let summary = "intersection of two selectors";
  let arguments = (ins RASP_Selector:$lhs, RASP_Selector:$rhs);
  let results = (outs RASP_Selector:$result);
  let assemblyFormat = "$lhs `,` $rhs attr-dict";
  let hasFolder = 1;
}

def RASP_SelectOrOp : RASP_Op<"select_or", [Pure, Commutative]> {
  let summary = "union of two selectors";
  let arguments = (ins RASP_Selector:$lhs, RASP_Selector:$rhs);
  let results = (outs RASP_Selector:$result);
  let assemblyFormat = "$lhs `,` $rhs attr-dict";
  let hasFolder = 1;
}

def RASP_SelectNotOp : RASP_Op<"select_not", [Pure]> {
  let summary = "complement of a selector";
  let arguments = (ins RASP_Selector:$operand);
  let results = (outs RASP_Selector:$result);
  let assemblyFormat = "$operand attr-dict";
  let hasFolder = 1;
}

def RASP_AggregateOp : RASP_Op<"aggregate", [Pure]> {
  let summary = "attention averaging: per query, combine the selected values";
  let description = [{
    For each query q, over the keys k the selector selects:
    - none: `default`;
    - exactly one: that value, its type kept;
    - several: their mean for numeric values; for string or bool values a
      run-time error ("several non-numeric values selected").

    The result of a numeric aggregate is `f64` (a mean is a float). A string
    or bool aggregate keeps the values' type. A default of another kind than
    the values (the implicit 0 of a string aggregate) is allowed; taking it at
    some positions and not at others is a run-time error, as in the reference.

    ```mlir
    %r = rasp.aggregate %sel, %tokens default 0
           : !rasp.sop<!rasp.string> -> !rasp.sop<!rasp.string>
    ```
  }];
  let arguments = (ins RASP_Selector:$selector, RASP_AnySOp:$values,
                       AnyAttr:$default_value);
  let results = (outs RASP_AnySOp:$result);
  let assemblyFormat = [{
    $selector `,` $values `default` custom<RASPScalar>($default_value) attr-dict `:`
    qualified(type($values)) `->` qualified(type($result))
  }];
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    /// Numeric aggregates average; the others pick the single selected value.
    bool isNumeric() {
      return ::llvm::cast<SOpType>(getValues().getType()).isNumeric();
    }
  }];
}

def RASP_SelectorWidthOp : RASP_Op<"selector_width", [Pure]> {
  let summary = "the number of keys each query selects";
  let arguments = (ins RASP_Selector:$selector);
  let results = (outs RASP_IntSOp:$result);
  let assemblyFormat = "$selector attr-dict `:` qualified(type($result))";
}

//===----------------------------------------------------------------------===//
// Ops introduced by rasp-optimize-selects
//===----------------------------------------------------------------------===//

def RASP_ScanMeanOp : RASP_Op<"scan_mean", [Pure]> {
  let summary = "mean of values over the positions before or after each one";
  let description = [{
    `aggregate(select(indices, indices, pred), values, default)` for an order
    predicate, computed by one running sum in O(n) instead of an n-by-n
    loop. Position q averages the values at the keys k with `pred(k, q)`:
    `le` the prefix [0, q], `lt` the prefix [0, q), `ge` the suffix [q, n),
    `gt` the suffix (q, n); an empty range gives the default. Sums of ints
    are exact, so the result equals the aggregate's bit for bit. Float
    values only with `le` and `lt`: the running sum adds them in key order
    from 0, as the reference's `sum` does, so each prefix's sum is the same
    float; a suffix summed backward would round differently.
    Made by `rasp-optimize-selects`; the front end never emits it.

    ```mlir
    %m = rasp.scan_mean %v, le default 0 : !rasp.sop<i64> -> !rasp.sop<f64>
    ```
  }];
  let arguments = (ins RASP_NumericSOp:$values, RASP_PredicateAttr:$predicate,
                       AnyAttr:$default_value);
  let results = (outs RASP_FloatSOp:$result);
  let assemblyFormat = [{
    $values `,` $predicate `default` custom<RASPScalar>($default_value) attr-dict
    `:` qualified(type($values)) `->` qualified(type($result))
  }];
  let hasVerifier = 1;
}

def RASP_ScanSumOp : RASP_Op<"scan_sum", [Pure, AllTypesMatch<["values", "result"]>]> {
  let summary = "sum of int values over the positions before or after each one";
  let description = [{
    Position q sums the values at the keys k with `pred(k, q)`: `le` the
    prefix [0, q], `lt` the prefix [0, q), `ge` the suffix [q, n), `gt` the
    suffix (q, n); an empty range sums to 0. The sum is in i64 and wraps
    modulo 2^64 like `rasp.add`. One pass, no division, no default.

    It exists for the paper's count idiom (dyck):
    `round((indices + 1) * aggregate(select(indices, indices, <=), v))`
    recovers the prefix sum s of the int values v from their mean, through
    an f64 mean buffer, a product buffer and the round's range check.
    `rasp-optimize-selects` rewrites `round(mul(scan_mean(v, le),
    add(indices, 1)))` (either operand order) into `scan_sum(v, le)` only
    when that is exact: the generated code computes fl(fl(s/d) * d) with
    d = q + 1 (s and d exact in f64), which is within |s| * 2^-52 (two
    roundings) of s, so less than 0.5 away while |s| < 2^51, and the round
    (half to even) gives s exactly and cannot fail. The rewrite requires
    |v| <= 2^19 from the values' form (indicators, constants, `tokens_int`
    within the module's `rasp.int_range`, and sums, products, negations and
    `where` of those), so that
    |s| <= (2^31 - 1) * 2^19 < 2^50 for every input the driver accepts
    (at most 2^31 - 1 tokens, checked by rasp-run and the JIT).
    The front end never emits it.

    ```mlir
    %s = rasp.scan_sum %v, le : !rasp.sop<i64>
    ```
  }];
  let arguments = (ins RASP_IntSOp:$values, RASP_PredicateAttr:$predicate);
  let results = (outs RASP_IntSOp:$result);
  let assemblyFormat = [{
    $values `,` $predicate attr-dict `:` qualified(type($result))
  }];
  let hasVerifier = 1;
}

def RASP_GatherOp : RASP_Op<"gather", [Pure]> {
  let summary = "each position reads the value at a computed position";
  let description = [{
    `aggregate(select(indices, positions, ==), values, default)`: query q
    selects exactly the key `positions[q]` when it lies in [0, n), and none
    otherwise, so the aggregate is a gather in O(n) instead of an n-by-n
    loop. Result types, defaults and run-time errors are the aggregate's
    (a numeric gather gives a float; a default of another kind than the
    values is checked as the aggregate checks it). Made by
    `rasp-optimize-selects`; the front end never emits it.

    ```mlir
    %r = rasp.gather %tokens, %target default 0
           : !rasp.sop<!rasp.string>, !rasp.sop<i64> -> !rasp.sop<!rasp.string>
    ```
  }];
  let arguments = (ins RASP_AnySOp:$values, RASP_IntSOp:$positions,
                       AnyAttr:$default_value);
  let results = (outs RASP_AnySOp:$result);
  let assemblyFormat = [{
    $values `,` $positions `default` custom<RASPScalar>($default_value) attr-dict
    `:` qualified(type($values)) `,` qualified(type($positions)) `->` qualified(type($result))
  }];
  let hasVerifier = 1;
}

def RASP_StableSortOp : RASP_Op<"stable_sort", [Pure]> {
  let summary = "the values, stably sorted by their keys";
  let description = [{
    The paper's sort: `aggregate(select(rank, indices, ==), values)` where
    `rank = selector_width(select(keys, keys, <) or (select(keys, keys, ==)
    and select(indices, indices, <)))`. The rank of position k counts the
    positions whose (key, index) pair is smaller, so the ranks are a
    permutation of [0, n): every query selects exactly one key, no default is
    ever taken and no error is possible, and position q holds the value
    whose rank is q. With `descending` the order is `>` on (key, index):
    keys from largest to smallest, equal keys from the last position to the
    first.

    Computed in O(n) by a counting sort when the keys' range is small, or an
    LSD radix sort of the keys otherwise (lib/Runtime/StableSort.cpp),
    instead of a rank pass and a scatter. The result type is the aggregate's:
    a float for int or float values (the mean of one value is that value),
    the values' type otherwise. Keys are ints, bools or strings. Made by
    `rasp-optimize-selects`; the front end never emits it.

    ```mlir
    %sorted = rasp.stable_sort %tokens by %tokens
                : !rasp.sop<!rasp.string>, !rasp.sop<!rasp.string> -> !rasp.sop<!rasp.string>
    ```
  }];
  let arguments = (ins RASP_AnySOp:$values, RASP_AnySOp:$keys,
                       UnitAttr:$descending);
  let results = (outs RASP_AnySOp:$result);
  let assemblyFormat = [{
    $values `by` $keys (`descending` $descending^)? attr-dict `:`
    qualified(type($values)) `,` qualified(type($keys)) `->` qualified(type($result))
  }];
  let hasVerifier = 1;
}

def RASP_KeyedReduceOp : RASP_Op<"keyed_reduce",
    [Pure, AttrSizedOperandSegments]> {
  let summary = "selector_width or aggregate of a selector made of key comparisons";
  let description = [{
    A selector that is a conjunction of comparisons between key columns and
    query columns can be answered by sorting or counting instead of visiting
    every (query, key) pair. Query q selects key k when

    - `key_mask[k]` and `query_mask[q]` hold (when given),
    - every equality column agrees: `equal_keys[i][k] == equal_queries[i][q]`,
    - the tuple of order columns compares as `order` says, lexicographically:
      `(order_keys[0][k], ...) <order> (order_queries[0][q], ...)`
      (no order columns: no condition).

    `select(tokens, tokens, ==)` has one equality column; the stable sort's
    `select(K, K, <) or (select(K, K, ==) and select(indices, indices, <))`
    is the order `lt` on the tuple `(K, indices)`; a grouped prefix
    `select(K, K, ==) and select(indices, indices, <=)` is one equality
    column and the order `le` on `(indices)`.

    Without `values` the result is the selector_width (an int); with
    `values` it is the aggregate, with the aggregate's default, types and
    run-time errors. Columns are ints, bools or strings (float columns and
    float values are left to the generic kernel: their sums depend on the
    order of addition). The lowering calls a runtime kernel that counts
    (small ranges) or radix-sorts (wide ranges) the packed keys: O(n) or
    O(n log n). Made by `rasp-optimize-selects`; the front end never emits it.

    ```mlir
    %hist = rasp.keyed_reduce equal(%t : !rasp.sop<!rasp.string>)
              to (%t : !rasp.sop<!rasp.string>) -> !rasp.sop<i64>
    ```
  }];
  let arguments = (ins Variadic<RASP_AnySOp>:$equal_keys,
                       Variadic<RASP_AnySOp>:$equal_queries,
                       Variadic<RASP_AnySOp>:$order_keys,
                       Variadic<RASP_AnySOp>:$order_queries,
                       Optional<RASP_BoolSOp>:$key_mask,
                       Optional<RASP_BoolSOp>:$query_mask,
                       Optional<RASP_AnySOp>:$values,
                       OptionalAttr<RASP_PredicateAttr>:$order,
                       OptionalAttr<AnyAttr>:$default_value);
  let results = (outs RASP_AnySOp:$result);
  let assemblyFormat = [{
    (`equal` `(` $equal_keys^ `:` qualified(type($equal_keys)) `)`
       `to` `(` $equal_queries `:` qualified(type($equal_queries)) `)`)?
    (`order` $order^ `(` $order_keys `:` qualified(type($order_keys)) `)`
       `to` `(` $order_queries `:` qualified(type($order_queries)) `)`)?
    (`key_mask` $key_mask^ `:` qualified(type($key_mask)))?
    (`query_mask` $query_mask^ `:` qualified(type($query_mask)))?
    (`values` $values^ `:` qualified(type($values))
       `default` custom<RASPScalar>($default_value))?
    attr-dict `->` qualified(type($result))
  }];
  let hasVerifier = 1;
}

def RASP_GroupNeighborOp : RASP_Op<"group_neighbor",
    [Pure, AttrSizedOperandSegments]> {
  let summary = "each position reads the previous (or next) position of its group";
  let description = [{
    Query q selects at most one key: the nearest position before q
    (`previous`) or after q (`next`) whose group is q's,
    `groups[p] == groups[q]`, and only when `key_mask[p]` and
    `query_mask[q]` hold (when given). Without `values` the result is the
    selector_width (0 or 1); with `values` it is the aggregate of that one
    value, with the aggregate's default, types and run-time errors, exactly
    as `rasp.keyed_reduce` finalizes it.

    It is what `rasp-optimize-selects` makes of a keyed reduction whose
    equality columns are `(G, R)` to `(G, R + c)` where R is the rank of
    each position within its group in index order,
    `R = selector_width(select(G, G, ==) and select(indices, indices, <=))`
    (1-based; `<` gives the same pairs 0-based, `>=` and `>` count from the
    end and swap the directions): (G, R) is unique per position, so query q
    selects the key of rank R[q] + c in q's group, which for c = -1 is the
    previous position of the group and for c = +1 the next. The dyck
    programs' `partner` selector is that shape. As a keyed reduction it cost
    a rank pass plus a two-column counting kernel with an 8n-byte bucket
    array read at random; here the rank is not computed at all and the
    kernel (lib/Runtime/GroupNeighbor.cpp) is one pass over the positions
    (backward for `next`) with the last position seen per group, indexed by
    `G - min(G)` (groups whose range is too wide are numbered by a sort
    first). Groups are ints, bools or strings; float values are left to the
    generic kernel, as for `rasp.keyed_reduce`. Made by
    `rasp-optimize-selects`; the front end never emits it.

    ```mlir
    %opener = rasp.group_neighbor previous %level : !rasp.sop<i64>
                key_mask %is_open : !rasp.sop<i1>
                values %tokens : !rasp.sop<!rasp.string> default "-"
                -> !rasp.sop<!rasp.string>
    ```
  }];
  let arguments = (ins RASP_AnySOp:$groups,
                       UnitAttr:$next,
                       Optional<RASP_BoolSOp>:$key_mask,
                       Optional<RASP_BoolSOp>:$query_mask,
                       Optional<RASP_AnySOp>:$values,
                       OptionalAttr<AnyAttr>:$default_value);
  let results = (outs RASP_AnySOp:$result);
  let assemblyFormat = [{
    (`next` $next^) : (`previous`)? $groups `:` qualified(type($groups))
    (`key_mask` $key_mask^ `:` qualified(type($key_mask)))?
    (`query_mask` $query_mask^ `:` qualified(type($query_mask)))?
    (`values` $values^ `:` qualified(type($values))
       `default` custom<RASPScalar>($default_value))?
    attr-dict `->` qualified(type($result))
  }];
  let hasVerifier = 1;
}

#endif // RASP_OPS_TD
