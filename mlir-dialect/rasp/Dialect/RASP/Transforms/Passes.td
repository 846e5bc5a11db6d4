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
    - `aggregate(select(indices, positions, ==), values, default)` with int
      positions (reverse, `s[i]`, shifts) becomes `rasp.gather`: each query
      selects at most the one key `positions[q]`; `selector_width` of that
      select is 1 where the position is in [0, n).

    Float values (whose sums depend on the order of addition) and
    categorical aggregates are not rewritten. `rasp-run --no-rewrite` skips
    the pass.
  }];
}

#endif // RASP_TRANSFORMS_PASSES_TD
