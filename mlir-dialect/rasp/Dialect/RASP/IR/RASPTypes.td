//===- RASPTypes.td - RASP types ----------------------------*- tablegen -*-===//

#ifndef RASP_TYPES_TD
#define RASP_TYPES_TD

include "rasp/Dialect/RASP/IR/RASPDialect.td"
include "mlir/IR/AttrTypeBase.td"

class RASP_Type<string name, string typeMnemonic, list<Trait> traits = []>
    : TypeDef<RASP_Dialect, name, traits> {
  let mnemonic = typeMnemonic;
}

def RASP_StringType : RASP_Type<"String", "string"> {
  let summary = "a string value (element type of string s-ops)";
  let description = [{
    The element type of s-ops whose positions hold strings (`tokens`, string
    constants, concatenations). Lowering interns strings into `i64` ids whose
    order is the strings' lexicographic order, so `==` and `<` on ids equal
    `==` and `<` on the strings.
  }];
}

def RASP_SOpType : RASP_Type<"SOp", "sop"> {
  let summary = "a sequence operator: one value per input position";
  let description = [{
    `!rasp.sop<T>` holds one value of type `T` per input position, where `T`
    is `i64` (int), `f64` (float), `i1` (bool) or `!rasp.string`. The length
    of every s-op is the input length n, known only at run time.
  }];
  let parameters = (ins "::mlir::Type":$elementType);
  let assemblyFormat = "`<` $elementType `>`";
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    bool isInt() const { return getElementType().isInteger(64); }
    bool isFloat() const { return getElementType().isF64(); }
    bool isBool() const { return getElementType().isInteger(1); }
    bool isString() const { return ::llvm::isa<StringType>(getElementType()); }
    /// int and float mix: both are numeric.
    bool isNumeric() const { return isInt() || isFloat(); }
  }];
}

def RASP_SelectorType : RASP_Type<"Selector", "selector"> {
  let summary = "an n-by-n boolean attention pattern";
  let description = [{
    Entry (q, k) says whether query position q attends to key position k.
    Selectors are built by `rasp.select` and combined with `rasp.select_and`,
    `rasp.select_or` and `rasp.select_not`; they are consumed only by
    `rasp.aggregate` and `rasp.selector_width`.
  }];
}

//===----------------------------------------------------------------------===//
// Type constraints
//===----------------------------------------------------------------------===//

def RASP_AnySOp : Type<CPred<"::llvm::isa<::rasp::SOpType>($_self)">, "s-op",
                       "::rasp::SOpType">;
class RASP_SOpOf<string pred, string desc>
    : Type<And<[RASP_AnySOp.predicate,
                CPred<"::llvm::cast<::rasp::SOpType>($_self)." # pred # "()">]>,
           desc, "::rasp::SOpType">;
def RASP_NumericSOp : RASP_SOpOf<"isNumeric", "numeric (int or float) s-op">;
def RASP_IntSOp : RASP_SOpOf<"isInt", "int s-op">,
    BuildableType<"::rasp::SOpType::get($_builder.getContext(), $_builder.getI64Type())">;
def RASP_FloatSOp : RASP_SOpOf<"isFloat", "float s-op">;
def RASP_BoolSOp : RASP_SOpOf<"isBool", "bool s-op">,
    BuildableType<"::rasp::SOpType::get($_builder.getContext(), $_builder.getI1Type())">;
def RASP_StringSOp : RASP_SOpOf<"isString", "string s-op">;
def RASP_Selector : Type<CPred<"::llvm::isa<::rasp::SelectorType>($_self)">,
                         "selector", "::rasp::SelectorType">,
                    BuildableType<"::rasp::SelectorType::get($_builder.getContext())">;

#endif // RASP_TYPES_TD
