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

#endif // RASP_TRANSFORMS_PASSES_TD
