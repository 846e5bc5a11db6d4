//===- RASPDialect.td - The RASP dialect -------------------*- tablegen -*-===//
//
// RASP (Restricted Access Sequence Processing; Weiss, Goldberg, Yahav 2021)
// models a transformer encoder as a program over sequences.
//
//===----------------------------------------------------------------------===//

#ifndef RASP_DIALECT_TD
#define RASP_DIALECT_TD

include "mlir/IR/OpBase.td"

def RASP_Dialect : Dialect {
  let name = "rasp";
  let cppNamespace = "::rasp";
  let summary = "Sequence operators (s-ops) and selectors of the RASP language";
  let description = [{
    The `rasp` dialect expresses a RASP program after compile-time evaluation:
    what remains is a graph of s-ops (one value per input position) and
    selectors (n-by-n attention patterns). Functions returning s-ops name a
    program's outputs.

    Element types of s-ops are `i64` (int), `f64` (float), `i1` (bool) and
    `!rasp.string`. Strings stay symbolic in this dialect; they are interned
    into integer ids, ordered like the strings themselves, only when lowering
    (see `rasp-intern-strings` and docs/strings.md).

    Selectors never become n-by-n data: `rasp.aggregate` and
    `rasp.selector_width` lower together with the selector tree that feeds
    them into one fused loop nest.
  }];
  let useDefaultTypePrinterParser = 1;
  let hasConstantMaterializer = 1;
  let extraClassDeclaration = [{
    void registerTypes();
  }];
}

#endif // RASP_DIALECT_TD
