//===- Passes.td - RASP dialect passes ----------------------*- tablegen -*-===//

#ifndef RASP_TRANSFORMS_PASSES_TD
#define RASP_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def RASPInternStrings : Pass<"rasp-intern-strings", "mlir::ModuleOp"> {
  let summary = "Compute the table of every string the program can hold";
  let description = [{
    Native code compares strings as integer ids. For `==`, `<` and the other
    order predicates to mean on ids what they mean on strings, the ids must be
    the ranks of the strings in one sorted table, so the table must hold every
    string the program can see before any code is generated: the string
    constants, the input vocabulary (the module attribute `rasp.vocabulary`,
    set by `rasp-run` from the input) and every concatenation those can form
    (a value-set analysis over `rasp.concat`).

    The sorted table is attached to the module as `rasp.strings`; string
    `i` has id `i`. `convert-rasp-to-linalg` reads it. The pass fails when the
    table would exceed `max-strings` entries.
  }];
  let options = [
    Option<"maxStrings", "max-strings", "int64_t", /*default=*/"1 << 20",
           "Largest string table the pass will build">,
  ];
}

def RASPAnalyzeLayers : Pass<"rasp-analyze-layers", "mlir::func::FuncOp"> {
  let summary = "Annotate the transformer layers and heads the paper counts";
  let description = [{
    "Thinking Like Transformers" measures a RASP program by the transformer it
    compiles to: its number of layers is the longest chain of attention
    operations (`rasp.aggregate`, `rasp.selector_width`) from the input to
    the output, and a layer's number of heads is the number of distinct
    attention patterns (selectors) those operations use in it. These counts
    are what the paper reports for each program (and what the conformance's
    layers.json lists); they are independent of how the compiler later
    executes the program, so they are computed on the `rasp` dialect itself.

    Rules (docs/layers.md): inputs and constants are at layer 0; element-wise
    maps add no layer; a selector's depth is the max of the layers of its
    keys and queries (and of the selectors it combines); an aggregate or
    selector_width sits at 1 + max(selector depth, values' layer);
    `rasp.length` is one head in layer 1 (the reference builds it from an
    aggregate). Heads are counted per layer over the selectors used there,
    structurally: two selector trees built from the same ops on the same
    inputs are one head even when they are distinct SSA values. Only ops the
    returned s-op depends on count.

    The pass attaches `rasp.layer` (i64) to every aggregate, selector_width
    and length op, and `rasp.layers` (i64) and `rasp.heads` (array<i64>, one
    entry per layer) to the function. It changes nothing else.
  }];
}

def RASPOptimizeSelects : Pass<"rasp-optimize-selects", "mlir::ModuleOp"> {
  let summary = "Replace select/aggregate patterns that have a faster algorithm";
  let description = [{
    Most selects in real programs have structure a compiler can see; the
    generic lowering still runs every (query, key) pair. This pass rewrites
    the patterns it recognizes into O(n) forms and leaves everything else to
    the fused n-by-n kernel:

    - `selector_width(select(indices, indices, pred))` for an order predicate
      is a closed form: `indices + 1` (le), `indices` (lt), `length - indices`
      (ge), `length - indices - 1` (gt).
    - `aggregate(select(indices, indices, pred), values, default)` for an
      order predicate and int values becomes `rasp.scan_mean` (a running
      sum). Int sums are exact, so the results equal the generic kernel's.
    - `round(mul(scan_mean(v, le), add(indices, 1)))` (either operand
      order; the paper's dyck count) becomes `rasp.scan_sum(v, le)`, the
      prefix sum in i64, when |v| <= 2^19 is provable (indicators,
      constants, tokens_int within rasp.int_range, arithmetic of those):
      the f64 mean-times-count then rounds to exactly that sum.
    - A prefix mean compared with 0 is `scan_sum(v, le)` compared with 0
      (any int v); `(scan_mean(a, le) - scan_mean(b, le)) <pred> 0` (the
      sub's only users such cmps) is `(scan_sum(a, le) - scan_sum(b, le))
      <pred> 0` in i64 when |a|, |b| <= 2^19: the shared count cannot make
      distinct sums' means equal or swap them.
    - `aggregate(select(indices, positions, ==), values, default)` with int
      positions (reverse, `s[i]`, shifts) becomes `rasp.gather`: each query
      selects at most the one key `positions[q]`; `selector_width` of that
      select is 1 where the position is in [0, n).

    - The paper's sort, `aggregate(select(rank, indices, ==), values)` where
      `rank` is the width of `<` (or `>`) on `(K, indices)` against itself
      (the stable rank, a permutation of [0, n)), becomes
      `rasp.stable_sort(values by K)`: one counting or radix sort writes the
      result, instead of a rank pass, a scatter and the aggregate's checks
      (which cannot fail: each query selects exactly one key).
    - The dyck programs' partner, a conjunction whose equality columns are
      `(G, R + a)` to `(G, R + b)` (either column order, filters allowed, no
      order) where `R` is each position's rank within its group of G in
      index order (the width of `select(G, G, ==) and select(indices,
      indices, <=)`; `<`, `>=` and `>` too, with no filter) and b - a = -1
      or +1, becomes `rasp.group_neighbor`: (G, R) is unique per position,
      so each query selects at most the previous (or next) position of its
      group, found by one pass that keeps the last position seen per group.
      The rank is no longer computed. Other offsets stay keyed reductions.
    - Any other selector that is a conjunction of key comparisons becomes
      `rasp.keyed_reduce`, answered by counting or radix-sorting packed keys
      (O(n) or O(n * key bytes)) in a runtime kernel: equality columns
      (`select(tokens, tokens, ==)`, a scatter `select(target, indices, ==)`,
      two columns as in dyck's partner), at most one order, which may be
      lexicographic (the stable sort's `select(K, K, <) or (select(K, K, ==)
      and select(indices, indices, <))` is `lt` on `(K, indices)`; a grouped
      prefix `select(K, K, ==) and select(indices, indices, <=)` is one
      equality column and `le` on `indices`), filters with a constant on one
      side (`select(first, True, ==)` keeps keys, `select(1, X, <)` keeps
      queries) and `S or not S` (everything: a global reduction), at most two
      columns in all.

    Left to the generic kernel: float columns (nan and -0.0 have no exact
    packed order), float values (their sums depend on the order of
    addition), `!=` joins, two independent orders, `or`s of other shapes, and
    tautologies over s-ops that may raise (the reference computes them, so
    their errors must happen). Every rewrite keeps the aggregate's results,
    defaults and run-time errors (rasp.op_id is kept). `rasp-run
    --no-rewrite` skips the pass; `rasp-run --emit=rewritten` shows the
    kernel each select became.
  }];
}

#endif // RASP_TRANSFORMS_PASSES_TD
