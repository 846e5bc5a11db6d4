//===- Passes.td - RASP conversion passes -------------------*- tablegen -*-===//

#ifndef RASP_CONVERSION_PASSES_TD
#define RASP_CONVERSION_PASSES_TD

include "mlir/Pass/PassBase.td"

def ConvertRASPToLinalg : Pass<"convert-rasp-to-linalg", "mlir::ModuleOp"> {
  let summary = "Lower rasp s-ops and selectors to linalg on tensors";
  let description = [{
    Every s-op becomes a `tensor<?xT>` (T: i64, f64, i1; strings are i64 ids
    from the `rasp.strings` table that `rasp-intern-strings` builds).

    - Inputs: each output function `@f() -> !rasp.sop<T>` becomes
      `@f(%tok_str: tensor<?xi64>, %tok_int: tensor<?xi64>,
      %tok_float: tensor<?xf64>, %tok_bool: tensor<?xi1>, %out: memref<?xT>)`:
      the four readings of the input, and the output buffer the caller owns.
      `rasp.indices` and `rasp.length` derive from n, the inputs' size.
    - Maps become element-wise `linalg.generic`s (later fused).
    - `rasp.aggregate` and `rasp.selector_width` become ONE `linalg.generic`
      each, with a parallel query dimension and a reduction key dimension,
      whose body evaluates the whole selector tree (select, and, or, not) on
      (key, query). The n-by-n selector is never stored: memory stays O(n).
      The body is additive (masked sums and counts), so that the reduction
      can be tiled and vectorized; a categorical aggregate sums the selected
      ids and counts them, and a count above one is the "several values
      selected" error.
    - Run-time errors (several non-numeric values selected, a look-up miss,
      division by zero) find the first failing position with a min-reduction
      and call `rasp_runtime_error(code, op_id, position)`, which the JIT
      binds to the driver.
  }];
  let dependentDialects = [
    "mlir::arith::ArithDialect",
    "mlir::bufferization::BufferizationDialect",
    "mlir::func::FuncDialect",
    "mlir::linalg::LinalgDialect",
    "mlir::math::MathDialect",
    "mlir::memref::MemRefDialect",
    "mlir::scf::SCFDialect",
    "mlir::tensor::TensorDialect",
  ];
}

def ConvertSelectReductionsToAffine
    : Pass<"convert-select-reductions-to-affine", "mlir::func::FuncOp"> {
  let summary = "Lower fused select/aggregate generics to register-blocked affine loops";
  let description = [{
    The generics `convert-rasp-to-linalg` makes for aggregate and
    selector_width (on buffers, after bufferization: a parallel query loop
    d0, a reduction key loop d1, outputs indexed by d0) lowered by
    `convert-linalg-to-affine-loops` keep their accumulators in memory: a
    load and a store per (query, key) pair, which LLVM can neither promote to
    registers (the output may alias the inputs) nor vectorize. This pass
    lowers them instead to

    ```
    affine.for %q0 = 0 to (n floordiv B) * B step B      // B = query-block
      acc = out[q0 .. q0+B)                              // B x outputs values
      acc = affine.for %k = 0 to n iter_args(acc)        // in registers
        key inputs loaded once, shared by the B queries
      out[q0 .. q0+B) = acc
    affine.for %q = (n floordiv B) * B to n              // remainder queries
    ```

    Query-side inputs are loaded outside the key loop. The accumulators are
    loop-carried values, so LLVM vectorizes the key loop (integer sums and
    counts reassociate exactly) and each key load serves B queries.
  }];
  let options = [
    Option<"queryBlock", "query-block", "int64_t", /*default=*/"4",
           "Queries computed together in one key loop (register blocking)">,
    Option<"parallel", "parallel", "bool", /*default=*/"true",
           "Emit the query blocks as an affine.parallel (threads after "
           "convert-scf-to-openmp)">,
  ];
  let dependentDialects = [
    "mlir::affine::AffineDialect",
    "mlir::memref::MemRefDialect",
  ];
}


def RASPEarlyDealloc : Pass<"rasp-early-dealloc", "mlir::func::FuncOp"> {
  let summary = "Free each temporary buffer right after its last use";
  let description = [{
    Buffer deallocation frees a function's temporaries at the end of the
    block that allocated them, so a rasp program holds every O(n) temporary
    until it returns: peak memory is the sum of all of them, and no freed
    block can be reused by a later temporary. This pass moves each
    `memref.dealloc` of a `memref.alloc` in the same block to just after the
    block's last op that uses the buffer (directly, inside a nested region,
    or through a view of it). Buffers that escape (returned, stored, passed
    to an op with a region of its own terminator, used in another block)
    keep their deallocation where it was.
  }];
  let dependentDialects = ["mlir::memref::MemRefDialect"];
}

def RASPFuseStreams : Pass<"rasp-fuse-streams", "mlir::func::FuncOp"> {
  let summary = "Fuse running sums and maps over the positions into one loop";
  let description = [{
    A rasp program's O(n) parts are streams: element-wise maps and prefix
    running sums (rasp.scan_mean / scan_sum), each a linalg.generic with one
    loop over the positions whose operands are read and written at the loop
    position (plus 0-d accumulators for a running sum, whose loop is a
    `reduction`: in order). linalg-fuse-elementwise-ops fuses an element-wise
    producer into its consumer only when it has one use and never fuses a
    running sum, so the paper's dyck programs still write an i64 buffer per
    running sum and per shared map: most of their time is spent faulting in
    and streaming those buffers.

    This pass fuses any stream producer into any stream consumer: the
    producer's body (and its accumulators, as extra 0-d outputs) is cloned
    into the consumer's loop, which then runs in order if either did. A
    producer with other users stays for them and is recomputed here (a few
    scalar ops per position against an 8n-byte buffer). Repeated to a fixed
    point, dyck1 becomes one loop over the tokens with three running sums
    in registers. Bodies are capped at `max-ops` operations so that
    recomputation cannot blow up; operands of other lengths do not occur
    (every rank-1 tensor of a rasp function has the input's length n).
  }];
  let options = [
    Option<"maxOps", "max-ops", "unsigned", /*default=*/"128",
           "Largest fused body (operations) the pass creates">,
  ];
  let dependentDialects = ["mlir::linalg::LinalgDialect"];
}

#endif // RASP_CONVERSION_PASSES_TD
