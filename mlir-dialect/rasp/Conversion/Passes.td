//===- Passes.td - RASP conversion passes -------------------*- tablegen -*-===//

#ifndef RASP_CONVERSION_PASSES_TD
#define RASP_CONVERSION_PASSES_TD

include "mlir/Pass/PassBase.td"

def ConvertRASPToLinalg : Pass<"convert-rasp-to-linalg", "mlir::ModuleOp"> {
  let summary = "Lower rasp s-ops and selectors to linalg on tensors";
  let description = [{
    Every s-op becomes a `tensor<?xT>` (T: i64, f64, i1; strings are i32 ids
    from the `rasp.strings` table that `rasp-intern-strings` builds).

    - Inputs: each output function `@f() -> !rasp.sop<T>` becomes
      `@f(%tok_str: tensor<?xi8>, %tok_int: tensor<?xi64>,
      %tok_float: tensor<?xf64>, %tok_bool: tensor<?xi1>, %out: memref<?xS>)`:
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
    - Storage (`narrow-storage`): at large n a program's time goes into
      moving its input, output and kernel columns through memory, so these
      are stored in the narrowest type that holds their values: string ids
      in i8 when the table has at most 127 strings, int outputs in i32 when
      they provably fit (counts, widths, indices, 0/1 indicators). Inside
      the generated code ids stay i32 and ints i64: a widening generic
      (`rasp.widened`) fuses into the readers, and the kernel calls read the
      narrow column through it. The module records the choices
      (`rasp.string_storage`, `rasp.output_storage`) for the driver.
    - Byte tables (`byte-tables`): a `rasp.keyed_reduce` with one equality
      column whose keys and queries are functions of byte columns (a small
      table's tokens, or an earlier such reduction's result) has at most
      256 distinct keys, so it becomes one pass that reduces per byte
      (`rasp_byte_table`) and a per-position look-up of a 256-entry table
      (`rasp.byte_lookup`), which fuses into the users: the histogram is
      never an n-element column, and hist2's count of counts reads bytes.
      An order on the positions is taken when only "any key selected"
      matters (the mean of a constant): `seen_before` is then "the first
      equal token comes before me", a comparison with a per-byte first
      position. A `rasp.stable_sort` whose keys and values are functions of
      the bytes and of at most one such comparison (most_freq) becomes
      `rasp_table_sort` on the bytes and 512-entry tables, and a
      `rasp.group_neighbor` whose groups are a running sum of a function of
      the bytes plus another (dyck's level) `rasp_scan_group_neighbor`.
  }];
  let options = [
    Option<"narrowStorage", "narrow-storage", "bool", /*default=*/"true",
           "Store string ids and outputs in the narrowest type that holds "
           "their values (false: string ids i32, outputs their lowered type)">,
    Option<"byteTables", "byte-tables", "bool", /*default=*/"true",
           "Reduce keyed_reduce ops over byte columns per byte value "
           "(rasp_byte_table) instead of per position (false: the "
           "rasp_keyed_reduce kernel for every keyed_reduce)">,
  ];
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

def RASPEarlyExitStreams : Pass<"rasp-early-exit-streams", "mlir::func::FuncOp"> {
  let summary = "Stop a stream loop once the rest of its output is decided";
  let description = [{
    dyck's output is `"F" if failed else ...`, where `failed` says that a
    prefix count (of negative depths, of unmatched closers) is positive.
    The count only grows, so from its first positive position on every
    output is "F": on bracket inputs, which fail within a few tokens, the
    loop computed depths and levels for millions of positions whose output
    was already known.

    This pass (on affine loops, after affine-scalrep) finds a top-level
    `affine.for` from 0 to n by 1 whose body is side-effect-free ops, loads
    (not of the output), stores into 0-d stack slots that nothing reads
    after the loop, and one
    store `out[i] = casts(select(count > 0, K, x))` with K a constant, where
    `count` is a slot's new value: its old value plus `extui` of an i1, the
    slot starting at a constant in [0, 2^62] (no wrap in 2^30 positions).
    The loop becomes an `scf.while` over blocks of `block-size` positions
    that runs the same body (memref loads and stores) in an `scf.for` over
    each block and stops after the first block that ends with a positive
    count, then an `scf.for` that stores casts(K) at the remaining
    positions. Positions after the first decided one in its block are
    computed as before and give K too, so outputs are unchanged. Testing
    once per block keeps the per-position loop as it was: a test at every
    position cost dyck3 8-10% on inputs that never fail. Slots read after
    the loop (totals) or a second output keep the loop as it is.
  }];
  let options = [
    Option<"blockSize", "block-size", "int64_t", /*default=*/"4096",
           "Positions computed between two tests of the count">,
  ];
  let dependentDialects = ["mlir::arith::ArithDialect",
                           "mlir::memref::MemRefDialect",
                           "mlir::scf::SCFDialect"];
}

def RASPFuseElementwiseIntoExtract
    : Pass<"rasp-fuse-elementwise-into-extract", "mlir::func::FuncOp"> {
  let summary = "Read a cheap element-wise producer's inputs where its result is extracted";
  let description = [{
    Gathers (`aggregate(select(indices, f(indices), ==), v)`: reverse, shift,
    `s[i]`) and the fused select kernels read their values with
    `tensor.extract v[j]` at a computed position. linalg-fuse-elementwise-ops
    fuses producers only into operands read at the loop position, so an
    element-wise producer of v (the widening of the input's i8 string ids to
    the i32 the code computes with, a map of the tokens) is stored in full
    before the gather reads it: reverse then moved 4n bytes in and 4n out
    instead of n and n.

    This pass rewrites `tensor.extract %r[%j]` of a result of an element-wise
    generic (one parallel loop, identity maps, outputs unread) into
    extracts of the producer's inputs at %j followed by a clone of its body
    (`linalg.index 0` becomes %j). A producer without other users then dies;
    one with other users stays for them, and the extract recomputes its
    value: bodies are capped at `max-ops` side-effect-free operations, so
    that the recomputation costs a few scalar ops per read. Only producers
    whose inputs hold no more bytes per position than their result are
    folded: reading four i64 running sums at each gathered position instead
    of one stored i1 map of them would move more memory, not less. It runs
    after rasp-fuse-streams, whose fused loops it must not split.
  }];
  let options = [
    Option<"maxOps", "max-ops", "unsigned", /*default=*/"8",
           "Largest producer body (operations, without the yield) recomputed "
           "at an extract">,
  ];
  let dependentDialects = ["mlir::linalg::LinalgDialect",
                           "mlir::tensor::TensorDialect"];
}

def RASPMergeKernelCalls : Pass<"rasp-merge-kernel-calls", "mlir::func::FuncOp"> {
  let summary = "Make one runtime-kernel call of identical calls";
  let description = [{
    Lowerings that need a kernel's result emit their own call: hist2's
    masked count of counts needs the byte histogram of the tokens, which
    the histogram before it already computed (`rasp_byte_table` over the
    same bytes with the same tables). Calls are not CSE'd (they write
    memory), so each made its own pass over the n tokens.

    This pass replaces a later call of a runtime kernel by an earlier one
    in the same block when both call the same function, read the same
    values (the same tensors through read-only `to_buffer`, the same
    scalars) and write fresh allocations in the same places, each read by
    one `to_tensor` after its call: the later call's reads become the
    earlier's, and the later call and its buffers go. The kernels only read
    their inputs and write their outputs (rasp-erase-dead-kernel-calls
    relies on the same), and tensors do not change, so the outputs are
    equal.
  }];
  let dependentDialects = ["mlir::bufferization::BufferizationDialect",
                           "mlir::memref::MemRefDialect"];
}

def RASPStreamLastValue : Pass<"rasp-stream-last-value", "mlir::func::FuncOp"> {
  let summary = "Keep only the last position of a stream output read only there";
  let description = [{
    `aggregate(select(indices, length - 1, ==), v)` reads v at the last
    position only (shuffle_dyck2's `ends_balanced`). When v is computed in
    a stream that runs in order (a running sum's loop, after
    rasp-fuse-streams), the loop still stored v at every position: an n-byte
    buffer written in full, faulted in page by page, for one read.

    This pass gives such an output (identity-indexed, not read by the body,
    every user a `tensor.extract` at `tensor.dim - 1` of the loop's own
    length) a 0-d output instead. The body yields the same value at every
    position and the last write wins, so the extract reads the value at
    n - 1 exactly; the 0-d output starts at zero so that nothing undefined
    is read when n = 0 (no extract executes then). Parallel loops are left
    alone: rasp-fuse-elementwise-into-extract recomputes their value at the
    extracted position instead, and making them run in order would stop
    their vectorization.
  }];
  let dependentDialects = ["mlir::arith::ArithDialect",
                           "mlir::linalg::LinalgDialect",
                           "mlir::tensor::TensorDialect"];
}

def RASPEraseDeadKernelCalls
    : Pass<"rasp-erase-dead-kernel-calls", "mlir::func::FuncOp"> {
  let summary = "Erase runtime-kernel calls whose outputs nothing reads";
  let description = [{
    The runtime kernels (`rasp_keyed_reduce`, `rasp_byte_table`, `rasp_byte_join`,
    `rasp_group_neighbor`, `rasp_scan_group_neighbor`, `rasp_stable_sort`,
    `rasp_table_sort`)
    only read their input buffers and write their output buffers; they
    report no errors. But a `func.call` to an external function is not known
    to be free of effects, so a call stays when folding has made its results
    dead: with a vocabulary that has no brackets, dyck's partner check folds
    to a constant, and the group_neighbor call still made a pass over the
    input and wrote two n-byte buffers nothing read.

    This pass erases a kernel call when every buffer it gets from a
    `memref.alloc` in the function is used by nothing else, and none of its
    operands is a function argument written in place (the output buffer);
    the allocations go with it. Inputs (`to_buffer` of tensors, function
    arguments read) then die in canonicalization.
  }];
  let dependentDialects = ["mlir::memref::MemRefDialect"];
}

def RASPWidenBoolMemory : Pass<"rasp-widen-bool-memory", "mlir::ModuleOp"> {
  let summary = "Load and store bools (i1) in memory as bytes (i8)";
  let description = [{
    rasp keeps bool columns (outputs such as shuffle_dyck2's, masks, the
    tokens == "a" maps) in memrefs of i1, one byte per element. LLVM's loop
    vectorizer does not widen loads and stores of i1: a vector of i1 is
    packed in bits, not bytes, so it scalarizes them. A loop that writes a
    bool column then stores a byte at a time (shuffle_dyck2's output: 7 ms
    for 10^7 positions of one loop-invariant value; tokens == "a": 32
    extracts and 32 stores per vector of 32 compares).

    This pass, on the LLVM dialect, rewrites every `llvm.store` of an i1
    into a `zext` to i8 and a store of the byte, and every `llvm.load` of an
    i1 into a load of the byte and a `trunc`. The address computations are
    unchanged (an i1 element takes a byte). The byte layout is the one the
    JIT's callers already use (0 or 1 per element), and every bool load of
    the module reads a byte written by such a store or by the caller.
  }];
  let dependentDialects = ["mlir::LLVM::LLVMDialect"];
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

    Siblings, two streams that read the same input and not each other's
    results, become one loop too (at the later one's place; the earlier
    one's pure users in between, such as the extract of a total, move after
    it): shuffle_dyck2 computed its running sums once for the totals and
    again for the per-position balance, reading the tokens twice. In the
    fused loop, accumulators that start from the same value and update
    alike (the same ops, each on its own value) are merged, so the second
    copy of each running sum disappears.
  }];
  let options = [
    Option<"maxOps", "max-ops", "unsigned", /*default=*/"128",
           "Largest fused body (operations) the pass creates">,
  ];
  let dependentDialects = ["mlir::linalg::LinalgDialect"];
}

#endif // RASP_CONVERSION_PASSES_TD
