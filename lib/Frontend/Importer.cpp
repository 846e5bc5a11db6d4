//===- Importer.cpp - Evaluate RASP programs into the rasp dialect --------===//
//
// Compile-time evaluation, like tracing: the program runs in the front end
// with Python semantics over compile-time values (numbers, strings, bools,
// lists, dicts, functions); only s-ops and selectors become IR, one op per
// primitive, into a scratch graph with structural hashing (a shared
// sub-expression is emitted once). Each output s-op then gets a
// `func.func @NAME() -> !rasp.sop<T>` holding the ops it depends on.
//
//===----------------------------------------------------------------------===//

#include "rasp/Frontend/Importer.h"

#include "AST.h"
#include "Parser.h"

#include "rasp/Dialect/RASP/IR/RASPDialect.h"
#include "rasp/Dialect/RASP/IR/RASPOps.h"
#include "rasp/Dialect/RASP/IR/RASPTypes.h"
#include "rasp/Support/PyMath.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/Location.h"
#include "mlir/IR/Verifier.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/thread.h"

#include <cmath>
#include <functional>
#include <cstring>
#include <map>
#include <unordered_map>
#include <new>
#include <optional>

using namespace rasp::frontend;
using llvm::SMLoc;
using llvm::StringRef;
using llvm::Twine;

namespace {

constexpr uint64_t kMaxSteps = 5000000;    // evaluated expressions
constexpr size_t kMaxOps = 500000;         // ops in the graph
constexpr unsigned kMaxEvalDepth = 10000; // nested evaluations (stack)
constexpr const char *kPreludeName = "<rasp-prelude>";
constexpr unsigned kMaxNesting = 1000;     // lists within lists

/// Element kinds of s-ops.
enum class EK { Int, Float, Bool, String };

bool isNumericKind(EK k) { return k == EK::Int || k == EK::Float; }
/// The classes that compare and choose with each other: numeric, string, bool.
int kindClass(EK k) { return isNumericKind(k) ? 0 : (k == EK::Bool ? 1 : 2); }

const char *kindName(EK k) {
  switch (k) {
  case EK::Int: return "int";
  case EK::Float: return "float";
  case EK::Bool: return "bool";
  case EK::String: return "string";
  }
  return "?";
}

struct Env;

struct Function {
  const Stmt *def;
  Env *closure;
};

enum class BuiltinId {
  None,
  Tokens,
  TokensInt,
  TokensFloat,
  TokensBool,
  Indices,
  Length,
  SelectorWidth
};

struct Value {
  enum Kind { Int, Float, Bool, String, List, Dict, Func, Builtin, SOp, Selector };
  Kind kind = Int;
  int64_t i = 0;
  double f = 0;
  bool b = false;
  std::string s;
  /// List: the elements. Dict: key0, value0, key1, value1, ... in order.
  std::shared_ptr<const std::vector<Value>> items;
  std::shared_ptr<Function> func;
  /// Dict: key (see dictKey) -> position of the key in `items`.
  std::shared_ptr<const std::unordered_map<std::string, size_t>> dictIndex;
  BuiltinId builtin = BuiltinId::None;
  mlir::Value ir; // SOp, Selector
  const char *builtinName = ""; // Builtin: for messages
  unsigned nesting = 0; // List / Dict: depth of nested lists and dicts

  static Value mkInt(int64_t v) { Value r; r.kind = Int; r.i = v; return r; }
  static Value mkFloat(double v) { Value r; r.kind = Float; r.f = v; return r; }
  static Value mkBool(bool v) { Value r; r.kind = Bool; r.b = v; return r; }
  static Value mkString(std::string v) {
    Value r; r.kind = String; r.s = std::move(v); return r;
  }
  static Value mkList(std::vector<Value> v) {
    Value r; r.kind = List;
    r.nesting = nestingOf(v);
    r.items = std::make_shared<const std::vector<Value>>(std::move(v));
    return r;
  }
  static Value mkDict(std::vector<Value> kv) {
    Value r; r.kind = Dict;
    r.nesting = nestingOf(kv);
    r.items = std::make_shared<const std::vector<Value>>(std::move(kv));
    return r;
  }
  static unsigned nestingOf(const std::vector<Value> &v) {
    unsigned n = 0;
    for (const Value &x : v)
      n = std::max(n, x.nesting);
    return n + 1;
  }
  static Value mkSOp(mlir::Value v) { Value r; r.kind = SOp; r.ir = v; return r; }
  static Value mkSelector(mlir::Value v) {
    Value r; r.kind = Selector; r.ir = v; return r;
  }

  bool isAtom() const { return kind <= String; }
  bool isNumber() const { return kind == Int || kind == Float || kind == Bool; }
  const std::vector<Value> &elems() const { return *items; }
};

struct Env {
  Env *parent = nullptr;
  llvm::StringMap<Value> vars;
  std::vector<std::string> order; // first-binding order

  Value *lookup(StringRef name) {
    for (Env *e = this; e; e = e->parent) {
      auto it = e->vars.find(name);
      if (it != e->vars.end())
        return &it->second;
    }
    return nullptr;
  }
  void set(StringRef name, Value v) {
    auto it = vars.find(name);
    if (it == vars.end()) {
      order.push_back(name.str());
      vars.insert({name, std::move(v)});
    } else {
      it->second = std::move(v);
    }
  }
};

EK atomKind(const Value &v) {
  switch (v.kind) {
  case Value::Int: return EK::Int;
  case Value::Float: return EK::Float;
  case Value::Bool: return EK::Bool;
  default: return EK::String;
  }
}

std::string quoteAtom(const Value &v) {
  switch (v.kind) {
  case Value::Int: return std::to_string(v.i);
  case Value::Float: {
    char buf[64];
    snprintf(buf, sizeof(buf), "%.17g", v.f);
    return buf;
  }
  case Value::Bool: return v.b ? "True" : "False";
  case Value::String: return "\"" + v.s + "\"";
  default: return "?";
  }
}

bool truthy(const Value &v) {
  switch (v.kind) {
  case Value::Int: return v.i != 0;
  case Value::Float: return v.f != 0;
  case Value::Bool: return v.b;
  case Value::String: return !v.s.empty();
  case Value::List:
  case Value::Dict: return !v.items->empty();
  default: return true;
  }
}

double asDouble(const Value &v) {
  if (v.kind == Value::Float)
    return v.f;
  if (v.kind == Value::Bool)
    return v.b ? 1 : 0;
  return static_cast<double>(v.i);
}

int64_t asInt(const Value &v) { return v.kind == Value::Bool ? (v.b ? 1 : 0) : v.i; }

/// A dict key's identity under Python equality: 1, 1.0 and True are one key.
std::string dictKey(const Value &k) {
  switch (k.kind) {
  case Value::Int: return "i" + std::to_string(k.i);
  case Value::Bool: return k.b ? "i1" : "i0";
  case Value::Float:
    if (std::isfinite(k.f) && k.f == std::floor(k.f) &&
        k.f >= -9223372036854775808.0 && k.f < 9223372036854775808.0)
      return "i" + std::to_string(static_cast<int64_t>(k.f));
    {
      uint64_t bits;
      std::memcpy(&bits, &k.f, sizeof(bits));
      return "f" + std::to_string(bits);
    }
  case Value::String: return "s" + k.s;
  default: return "?";
  }
}

/// A string's characters as Python sees them: UTF-8 code points (a malformed
/// byte counts as one character).
std::vector<std::string> utf8Chars(const std::string &str) {
  std::vector<std::string> chars;
  for (size_t i = 0; i < str.size();) {
    unsigned char c = static_cast<unsigned char>(str[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3
                 : (c >> 3) == 0x1E ? 4 : 1;
    if (i + len > str.size())
      len = 1;
    for (size_t k = 1; k < len; ++k)
      if ((static_cast<unsigned char>(str[i + k]) & 0xC0) != 0x80)
        len = 1;
    chars.push_back(str.substr(i, len));
    i += len;
  }
  return chars;
}

/// Python's ==.
bool pyEquals(const Value &a, const Value &b) {
  if (a.isNumber() && b.isNumber()) {
    if (a.kind == Value::Float || b.kind == Value::Float)
      return asDouble(a) == asDouble(b);
    return asInt(a) == asInt(b);
  }
  if (a.kind != b.kind)
    return false;
  switch (a.kind) {
  case Value::String: return a.s == b.s;
  case Value::List: {
    if (a.items->size() != b.items->size())
      return false;
    for (size_t i = 0; i < a.items->size(); ++i)
      if (!pyEquals(a.elems()[i], b.elems()[i]))
        return false;
    return true;
  }
  case Value::Dict: {
    if (a.items->size() != b.items->size())
      return false;
    for (size_t i = 0; i < a.items->size(); i += 2) {
      auto it = b.dictIndex->find(dictKey(a.elems()[i]));
      if (it == b.dictIndex->end() ||
          !pyEquals(a.elems()[i + 1], b.elems()[it->second + 1]))
        return false;
    }
    return true;
  }
  case Value::Func: return a.func == b.func;
  case Value::Builtin: return a.builtin == b.builtin;
  default: return a.ir == b.ir;
  }
}

/// Builds a dict: a later equal key replaces the value, keeping the place.
struct DictBuilder {
  std::vector<Value> kv;
  std::unordered_map<std::string, size_t> index;
  void put(const Value &key, const Value &value) {
    auto [it, inserted] = index.insert({dictKey(key), kv.size()});
    if (!inserted) {
      kv[it->second + 1] = value;
      return;
    }
    kv.push_back(key);
    kv.push_back(value);
  }
};

class Importer {
public:
  Importer(llvm::SourceMgr &sm, mlir::MLIRContext *ctx,
           const rasp::ImportOptions &options)
      : sm(sm), ctx(ctx), options(options), builder(ctx) {}

  mlir::OwningOpRef<mlir::ModuleOp> run();

  std::optional<CompileError> error;

private:
  // --- errors and locations ------------------------------------------------
  [[noreturn]] void fail(SMLoc loc, const Twine &message) {
    CompileError err{loc, message.str()};
    for (auto it = contextStack.rbegin(); it != contextStack.rend(); ++it)
      err.notes.push_back(*it);
    throw err;
  }

  mlir::Location fileLoc(SMLoc loc) {
    unsigned buf = loc.isValid() ? sm.FindBufferContainingLoc(loc) : 0;
    if (!buf)
      return mlir::UnknownLoc::get(ctx);
    auto [line, col] = sm.getLineAndColumn(loc, buf);
    return mlir::FileLineColLoc::get(
        ctx, sm.getMemoryBuffer(buf)->getBufferIdentifier(), line, col);
  }

  /// The location of an op created at `loc`: inside a function call, a
  /// CallSiteLoc whose caller chain leads to the top-level call site.
  mlir::Location opLoc(SMLoc loc) {
    mlir::Location l = fileLoc(loc);
    if (callerLoc)
      return mlir::CallSiteLoc::get(l, *callerLoc);
    return l;
  }

  // --- types ---------------------------------------------------------------
  mlir::Type elemType(EK k) {
    switch (k) {
    case EK::Int: return builder.getI64Type();
    case EK::Float: return builder.getF64Type();
    case EK::Bool: return builder.getI1Type();
    case EK::String: return rasp::StringType::get(ctx);
    }
    return {};
  }
  rasp::SOpType sopType(EK k) { return rasp::SOpType::get(ctx, elemType(k)); }
  static EK kindOfType(mlir::Type t) {
    if (t.isInteger(64))
      return EK::Int;
    if (t.isF64())
      return EK::Float;
    if (t.isInteger(1))
      return EK::Bool;
    return EK::String;
  }
  static EK sopKind(mlir::Value v) {
    return kindOfType(llvm::cast<rasp::SOpType>(v.getType()).getElementType());
  }
  /// The element kind of an s-op or of the constant an atom broadcasts to.
  static EK valueKind(const Value &v) {
    return v.kind == Value::SOp ? sopKind(v.ir) : atomKind(v);
  }

  std::string describe(const Value &v) {
    switch (v.kind) {
    case Value::Int: return "the int " + quoteAtom(v);
    case Value::Float: return "the float " + quoteAtom(v);
    case Value::Bool: return "the bool " + quoteAtom(v);
    case Value::String: return "the string " + quoteAtom(v);
    case Value::List: return "a list";
    case Value::Dict: return "a dict";
    case Value::Func: return "the function '" + v.func->def->name + "'";
    case Value::Builtin:
      return std::string("the builtin function '") + v.builtinName + "'";
    case Value::SOp: {
      std::string k = kindName(sopKind(v.ir));
      return (k == "int" ? "an " : "a ") + k + " s-op";
    }
    case Value::Selector: return "a selector";
    }
    return "?";
  }

  // --- IR construction -----------------------------------------------------
  /// Structural hashing: returns an existing identical op's result instead.
  mlir::Value intern(mlir::Operation *op) {
    std::vector<const void *> key;
    key.push_back(op->getName().getAsOpaquePointer());
    key.push_back(op->getAttrDictionary().getAsOpaquePointer());
    key.push_back(op->getResult(0).getType().getAsOpaquePointer());
    for (mlir::Value operand : op->getOperands())
      key.push_back(operand.getAsOpaquePointer());
    auto it = internTable.find(key);
    if (it != internTable.end()) {
      // Prefer a location in the user's program to one in the prelude
      // (e.g. the constant 1 of full_s).
      mlir::Operation *existing = it->second.getDefiningOp();
      if (isPreludeLoc(existing->getLoc()) && !isPreludeLoc(op->getLoc())) {
        mlir::Location loc = op->getLoc();
        if (auto name = llvm::dyn_cast<mlir::NameLoc>(existing->getLoc()))
          loc = mlir::NameLoc::get(name.getName(), loc);
        existing->setLoc(loc);
      }
      op->erase();
      return it->second;
    }
    if (++opCount > kMaxOps)
      fail(currentLoc, "the program builds too many operations (more than " +
                           Twine(kMaxOps) + ")");
    mlir::Value result = op->getResult(0);
    internTable.emplace(std::move(key), result);
    creationIndex[op] = static_cast<unsigned>(opCount);
    return result;
  }

  static bool isPreludeLoc(mlir::Location loc) {
    if (auto name = llvm::dyn_cast<mlir::NameLoc>(loc))
      loc = name.getChildLoc();
    auto file = llvm::dyn_cast<mlir::FileLineColLoc>(loc);
    return file && file.getFilename() == kPreludeName;
  }

  template <typename OpTy, typename... Args>
  mlir::Value emit(SMLoc loc, Args &&...args) {
    auto op = OpTy::create(builder, opLoc(loc), std::forward<Args>(args)...);
    return intern(op.getOperation());
  }

  mlir::Attribute atomAttr(const Value &v) {
    switch (v.kind) {
    case Value::Int: return builder.getI64IntegerAttr(v.i);
    case Value::Float: return builder.getF64FloatAttr(v.f);
    case Value::Bool: return builder.getBoolAttr(v.b);
    case Value::String: return builder.getStringAttr(v.s);
    default: return {};
    }
  }

  mlir::Value constant(const Value &atom, SMLoc loc) {
    return emit<rasp::ConstantOp>(loc, sopType(atomKind(atom)), atomAttr(atom));
  }

  /// An s-op, or a constant broadcast to one; anything else is an error.
  mlir::Value toSOp(const Value &v, SMLoc loc, const Twine &context) {
    if (v.kind == Value::SOp)
      return v.ir;
    if (v.isAtom())
      return constant(v, loc);
    fail(loc, context + " must be an s-op or a constant (number, string or "
                        "bool), but got " +
                  describe(v));
  }

  /// Python truthiness per position, as a bool s-op.
  mlir::Value toBoolSOp(const Value &v, SMLoc loc, const Twine &context) {
    if (v.isAtom())
      return constant(Value::mkBool(truthy(v)), loc);
    mlir::Value s = toSOp(v, loc, context);
    EK k = sopKind(s);
    if (k == EK::Bool)
      return s;
    Value zero = k == EK::String ? Value::mkString("") : Value::mkInt(0);
    return emit<rasp::CmpOp>(loc, sopType(EK::Bool), rasp::Predicate::ne, s,
                             constant(zero, loc));
  }

  /// Operands of a comparison (element-wise or in select). Python compares
  /// bools with numbers as ints (True == 1), so a bool side facing a numeric
  /// side becomes an int (a constant, or indicator of the s-op). Other kind
  /// mismatches are errors, reported by the caller.
  std::pair<mlir::Value, mlir::Value> compareOperands(const Value &l,
                                                      const Value &r,
                                                      SMLoc lloc, SMLoc rloc,
                                                      const Twine &context) {
    EK kl = valueKind(l), kr = valueKind(r);
    auto promote = [&](const Value &v, SMLoc loc) -> mlir::Value {
      if (v.isAtom())
        return constant(Value::mkInt(v.b ? 1 : 0), loc);
      return emit<rasp::IndicatorOp>(loc, sopType(EK::Int), v.ir);
    };
    mlir::Value a = kl == EK::Bool && isNumericKind(kr)
                        ? promote(l, lloc)
                        : toSOp(l, lloc, context);
    mlir::Value b = kr == EK::Bool && isNumericKind(kl)
                        ? promote(r, rloc)
                        : toSOp(r, rloc, context);
    return {a, b};
  }
  /// A bool s-op that is False at every position, computed from the s-ops
  /// among `l` and `r` (x < x for each, and-ed): the reference evaluates
  /// both sides of `==` before comparing, so their run-time errors stay.
  mlir::Value neverEqual(const Value &l, const Value &r, SMLoc loc) {
    mlir::Value result;
    for (const Value *side : {&l, &r}) {
      if (side->kind != Value::SOp)
        continue;
      mlir::Value never = emit<rasp::CmpOp>(loc, sopType(EK::Bool), rasp::Predicate::lt,
                                            side->ir, side->ir);
      result = result ? emit<rasp::AndOp>(loc, sopType(EK::Bool), result, never) : never;
    }
    return result ? result : constant(Value::mkBool(false), loc);
  }

  static bool comparable(EK a, EK b) {
    return kindClass(a) == kindClass(b) ||
           (a == EK::Bool && isNumericKind(b)) ||
           (b == EK::Bool && isNumericKind(a));
  }

  mlir::Value materializeBuiltin(BuiltinId id, SMLoc loc) {
    switch (id) {
    case BuiltinId::Tokens:
      return emit<rasp::TokensOp>(loc, sopType(EK::String));
    case BuiltinId::TokensInt:
      return emit<rasp::TokensOp>(loc, sopType(EK::Int));
    case BuiltinId::TokensFloat:
      return emit<rasp::TokensOp>(loc, sopType(EK::Float));
    case BuiltinId::TokensBool:
      return emit<rasp::TokensOp>(loc, sopType(EK::Bool));
    case BuiltinId::Indices:
      return emit<rasp::IndicesOp>(loc, sopType(EK::Int));
    case BuiltinId::Length:
      return emit<rasp::LengthOp>(loc, sopType(EK::Int));
    default:
      return {};
    }
  }

  /// Gives the op producing an s-op or selector the name it is assigned to.
  /// A name given in a deeper function call is replaced by the caller's.
  void nameValue(const Value &v, StringRef name) {
    if (v.kind != Value::SOp && v.kind != Value::Selector)
      return;
    mlir::Operation *op = v.ir.getDefiningOp();
    if (!op)
      return;
    unsigned depth = callDepth;
    auto it = namedDepth.find(op);
    if (it != namedDepth.end() && it->second <= depth)
      return;
    // An unnamed op that an earlier statement built (structural hashing
    // returned it for an identical expression here) keeps its place there
    // without this name: a run-time error in it would otherwise show the
    // earlier statement's line under this statement's name.
    auto created = creationIndex.find(op);
    if (it == namedDepth.end() && created != creationIndex.end() &&
        created->second <= statementStartOp)
      return;
    mlir::Location loc = op->getLoc();
    if (auto nameLoc = llvm::dyn_cast<mlir::NameLoc>(loc))
      loc = nameLoc.getChildLoc();
    op->setLoc(mlir::NameLoc::get(builder.getStringAttr(name), loc));
    namedDepth[op] = depth;
  }

  // --- evaluation ----------------------------------------------------------
  struct DepthGuard {
    Importer &im;
    DepthGuard(Importer &im, SMLoc loc) : im(im) {
      if (++im.evalDepth > kMaxEvalDepth)
        im.fail(loc, "evaluation nests too deeply (more than " +
                         Twine(kMaxEvalDepth) + " levels of expressions and calls)");
    }
    ~DepthGuard() { --im.evalDepth; }
  };

  void execBlock(const std::vector<std::unique_ptr<Stmt>> &stmts, Env *env) {
    for (auto &s : stmts)
      exec(s.get(), env);
  }
  void exec(const Stmt *s, Env *env);
  void bindNames(const std::vector<std::string> &names,
                 const std::vector<SMLoc> &nameLocs, const Value &v,
                 Env *env, SMLoc loc, bool iterator);
  Value eval(const Expr *e, Env *env);
  Value evalUnary(const Expr *e, Env *env);
  Value evalBinary(const Expr *e, Env *env);
  Value evalTernary(const Expr *e, Env *env);
  Value evalCall(const Expr *e, Env *env);
  Value evalIndex(const Expr *e, Env *env);
  Value evalComprehension(const Expr *e, Env *env);
  Value callFunction(const Value &callee, std::vector<Value> args,
                     SMLoc callLoc);
  Value sopBinary(StringRef op, const Value &l, const Value &r, SMLoc exprLoc,
                  SMLoc opLoc, SMLoc lhsLoc, SMLoc rhsLoc);
  Value constBinary(StringRef op, const Value &l, const Value &r, SMLoc opLoc);
  Value lookupTable(const Value &table, const Value &index, SMLoc loc,
                    SMLoc indexLoc);
  Value logicalNot(const Value &v, SMLoc loc);
  void load(const Stmt *s, Env *env);
  std::shared_ptr<const std::vector<Value>> iterate(const Value &v, SMLoc loc,
                                                    StringRef what);
  /// Counts evaluation work; `cost` is e.g. the length of a list built.
  void tick(SMLoc loc, uint64_t cost = 1) {
    steps += cost;
    if (steps > kMaxSteps)
      fail(loc, "compile-time evaluation takes too long (more than " +
                    Twine(kMaxSteps) + " steps)");
  }
  Value list(std::vector<Value> items, SMLoc loc) {
    tick(loc, items.size());
    Value v = Value::mkList(std::move(items));
    if (v.nesting > kMaxNesting)
      fail(loc, "lists nest too deeply (the limit is " + Twine(kMaxNesting) +
                    " levels)");
    return v;
  }
  Value dict(DictBuilder builder, SMLoc loc) {
    tick(loc, builder.kv.size());
    Value v = Value::mkDict(std::move(builder.kv));
    v.dictIndex = std::make_shared<const std::unordered_map<std::string, size_t>>(
        std::move(builder.index));
    if (v.nesting > kMaxNesting)
      fail(loc, "dicts nest too deeply (the limit is " + Twine(kMaxNesting) +
                    " levels)");
    return v;
  }
  void checkListSize(size_t n, SMLoc loc) {
    if (n > rasp::kMaxListSize)
      fail(loc, "list is too long (more than " + Twine(rasp::kMaxListSize) +
                    " elements)");
  }
  int64_t checked(bool overflow, int64_t value, SMLoc loc) {
    if (overflow)
      fail(loc, "integer overflow in a compile-time expression (ints are "
                "64-bit)");
    return value;
  }

  void evaluateProgram();
  mlir::OwningOpRef<mlir::ModuleOp> buildOutputs();

  llvm::SourceMgr &sm;
  mlir::MLIRContext *ctx;
  const rasp::ImportOptions &options;
  mlir::OpBuilder builder;
  mlir::OwningOpRef<mlir::ModuleOp> scratch;

  std::map<std::vector<const void *>, mlir::Value> internTable;
  llvm::DenseMap<mlir::Operation *, unsigned> namedDepth;
  llvm::DenseMap<mlir::Operation *, unsigned> creationIndex;
  size_t opCount = 0;
  /// opCount when the innermost assignment being executed began.
  size_t statementStartOp = 0;
  uint64_t steps = 0;
  unsigned evalDepth = 0;
  unsigned callDepth = 0;
  SMLoc currentLoc;
  std::optional<mlir::Location> callerLoc;
  std::vector<std::pair<SMLoc, std::string>> contextStack;
  std::vector<std::string> loadStack; // real paths of files being loaded

  std::vector<std::unique_ptr<Program>> programs;
  std::vector<std::unique_ptr<Env>> envs;
  Env *baseEnv = nullptr;
  Env *globalEnv = nullptr;

  /// Whether running `body` may define a function that captures its scope.
  bool mayCapture(const std::vector<std::unique_ptr<Stmt>> &body) {
    for (auto &st : body) {
      if (st->kind == StmtKind::Def || st->kind == StmtKind::Load)
        return true;
      if (st->kind == StmtKind::For && mayCapture(st->body))
        return true;
    }
    return false;
  }

  Env *newEnv(Env *parent) {
    envs.push_back(std::make_unique<Env>());
    envs.back()->parent = parent;
    return envs.back().get();
  }
};

//===----------------------------------------------------------------------===//
// Statements
//===----------------------------------------------------------------------===//

std::shared_ptr<const std::vector<Value>>
Importer::iterate(const Value &v, SMLoc loc, StringRef what) {
  if (v.kind == Value::List)
    return v.items;
  if (v.kind == Value::Dict) {
    tick(loc, v.items->size());
    std::vector<Value> keys;
    for (size_t i = 0; i < v.items->size(); i += 2)
      keys.push_back(v.elems()[i]);
    return std::make_shared<const std::vector<Value>>(std::move(keys));
  }
  fail(loc, what + " needs a list or dict to iterate over, but got " +
                describe(v));
}

void Importer::bindNames(const std::vector<std::string> &names,
                         const std::vector<SMLoc> &nameLocs, const Value &v,
                         Env *env, SMLoc loc, bool iterator) {
  if (names.size() == 1) {
    if (!iterator)
      nameValue(v, names[0]);
    env->set(names[0], v);
    return;
  }
  std::vector<Value> parts;
  if (v.kind == Value::List) {
    parts = v.elems();
  } else if (v.kind == Value::String) {
    for (std::string &c : utf8Chars(v.s))
      parts.push_back(Value::mkString(std::move(c)));
  } else {
    fail(loc, "cannot unpack " + describe(v) + " into " + Twine(names.size()) +
                  " names");
  }
  if (parts.size() != names.size())
    fail(loc, "expected " + Twine(names.size()) + " values to unpack, but got " +
                  Twine(parts.size()));
  for (size_t i = 0; i < names.size(); ++i) {
    if (!iterator)
      nameValue(parts[i], names[i]);
    env->set(names[i], parts[i]);
  }
  (void)nameLocs;
}

void Importer::exec(const Stmt *s, Env *env) {
  currentLoc = s->loc();
  switch (s->kind) {
  case StmtKind::Expr:
    eval(s->exprs[0].get(), env);
    return;
  case StmtKind::Assign: {
    size_t enclosingStart = statementStartOp;
    statementStartOp = opCount;
    std::vector<Value> values;
    for (auto &e : s->exprs)
      values.push_back(eval(e.get(), env));
    Value v = values.size() == 1 ? values[0] : list(values, s->loc());
    bindNames(s->names, s->nameLocs, v, env, s->loc(), /*iterator=*/false);
    statementStartOp = enclosingStart;
    return;
  }
  case StmtKind::Def: {
    Value f;
    f.kind = Value::Func;
    f.func = std::make_shared<Function>(Function{s, env});
    env->set(s->name, f);
    return;
  }
  case StmtKind::For: {
    Value iterable = eval(s->exprs[0].get(), env);
    auto items = iterate(iterable, s->exprs[0]->loc(), "a for loop");
    for (const Value &item : *items) {
      tick(s->loc());
      bindNames(s->names, s->nameLocs, item, env, s->loc(), /*iterator=*/true);
      execBlock(s->body, env);
    }
    return;
  }
  case StmtKind::Load:
    load(s, env);
    return;
  }
}

void Importer::load(const Stmt *s, Env *env) {
  // Resolve relative to the loading file's directory, then the include dirs.
  unsigned buf = sm.FindBufferContainingLoc(s->loc());
  StringRef loader = sm.getMemoryBuffer(buf)->getBufferIdentifier();
  std::vector<std::string> dirs;
  llvm::SmallString<256> loaderDir(loader);
  llvm::sys::path::remove_filename(loaderDir);
  dirs.push_back(loaderDir.empty() ? "." : std::string(loaderDir));
  for (const std::string &d : options.includeDirs)
    dirs.push_back(d);
  std::vector<std::string> candidates = {s->name + ".rasp"};
  if (StringRef(s->name).ends_with(".rasp"))
    candidates.push_back(s->name);
  std::string found;
  for (const std::string &d : dirs) {
    for (const std::string &c : candidates) {
      llvm::SmallString<256> path;
      if (llvm::sys::path::is_absolute(c))
        path = c;
      else {
        path = d;
        llvm::sys::path::append(path, c);
      }
      if (llvm::sys::fs::is_regular_file(path)) {
        found = std::string(path);
        break;
      }
    }
    if (!found.empty())
      break;
  }
  if (found.empty()) {
    std::string searched;
    for (const std::string &d : dirs)
      searched += (searched.empty() ? "" : ", ") + d;
    fail(s->loc(), "cannot find the file '" + s->name + ".rasp' to load "
                   "(searched: " + searched + ")");
  }
  llvm::SmallString<256> real;
  if (llvm::sys::fs::real_path(found, real))
    real = found;
  for (const std::string &p : loadStack)
    if (p == real)
      fail(s->loc(), "load cycle: '" + s->name +
                         ".rasp' is already being loaded");
  if (loadStack.size() >= rasp::kMaxLoadDepth)
    fail(s->loc(), "loads nest too deeply (the limit is " +
                       Twine(rasp::kMaxLoadDepth) + ")");
  auto fileOrErr = llvm::MemoryBuffer::getFile(found);
  if (!fileOrErr)
    fail(s->loc(), "cannot read '" + found + "': " +
                       fileOrErr.getError().message());
  unsigned id = sm.AddNewSourceBuffer(std::move(*fileOrErr), s->loc());
  programs.push_back(parseProgram(sm, id));
  Program *program = programs.back().get();
  loadStack.push_back(std::string(real));
  contextStack.push_back({s->loc(), "loaded from here"});
  execBlock(program->statements, env);
  contextStack.pop_back();
  loadStack.pop_back();
}

//===----------------------------------------------------------------------===//
// Expressions
//===----------------------------------------------------------------------===//

Value Importer::eval(const Expr *e, Env *env) {
  tick(e->loc());
  DepthGuard guard(*this, e->loc());
  switch (e->kind) {
  case ExprKind::Int:
    return Value::mkInt(e->intValue);
  case ExprKind::Float:
    return Value::mkFloat(e->floatValue);
  case ExprKind::String:
    return Value::mkString(e->text);
  case ExprKind::Name: {
    Value *v = env->lookup(e->text);
    if (!v)
      fail(e->loc(), "'" + e->text + "' is not defined (names must be "
                     "defined before they are used)");
    if (v->kind == Value::Builtin && v->builtin != BuiltinId::SelectorWidth)
      return Value::mkSOp(materializeBuiltin(v->builtin, e->loc()));
    return *v;
  }
  case ExprKind::List: {
    std::vector<Value> items;
    for (auto &c : e->children)
      items.push_back(eval(c.get(), env));
    return list(std::move(items), e->loc());
  }
  case ExprKind::Dict: {
    DictBuilder kv;
    for (size_t i = 0; i < e->children.size(); i += 2) {
      Value key = eval(e->child(i), env);
      if (!key.isAtom())
        fail(e->child(i)->loc(), "dict keys must be numbers, strings or "
                                 "bools, but got " + describe(key));
      kv.put(key, eval(e->child(i + 1), env));
    }
    return dict(std::move(kv), e->loc());
  }
  case ExprKind::ListComp:
  case ExprKind::DictComp:
    return evalComprehension(e, env);
  case ExprKind::Unary:
    return evalUnary(e, env);
  case ExprKind::Binary:
    return evalBinary(e, env);
  case ExprKind::Ternary:
    return evalTernary(e, env);
  case ExprKind::Call:
    return evalCall(e, env);
  case ExprKind::Index:
    return evalIndex(e, env);
  case ExprKind::Round: {
    Value v = eval(e->child(0), env);
    if (v.kind == Value::SOp) {
      if (!isNumericKind(sopKind(v.ir)))
        fail(e->child(0)->loc(),
             "round expects a numeric s-op, but got " + describe(v));
      return Value::mkSOp(emit<rasp::RoundOp>(e->loc(), sopType(EK::Int), v.ir));
    }
    if (v.kind == Value::Int || v.kind == Value::Bool)
      return Value::mkInt(asInt(v));
    if (v.kind == Value::Float) {
      double r = rasp::py::roundHalfEven(v.f);
      if (!std::isfinite(r) || r < -9223372036854775808.0 ||
          r >= 9223372036854775808.0)
        fail(e->loc(), "cannot round " + quoteAtom(v) + " to a 64-bit int");
      return Value::mkInt(static_cast<int64_t>(r));
    }
    fail(e->child(0)->loc(), "round expects a number or a numeric s-op, but got " +
                                 describe(v));
  }
  case ExprKind::Indicator: {
    Value v = eval(e->child(0), env);
    if (v.kind != Value::SOp)
      fail(e->child(0)->loc(),
           "indicator expects an s-op, but got " + describe(v));
    mlir::Value b = toBoolSOp(v, e->child(0)->loc(), "indicator's operand");
    return Value::mkSOp(emit<rasp::IndicatorOp>(e->loc(), sopType(EK::Int), b));
  }
  case ExprKind::Select: {
    Value keys = eval(e->child(0), env);
    Value queries = eval(e->child(1), env);
    toSOp(keys, e->child(0)->loc(), "select's keys");
    toSOp(queries, e->child(1)->loc(), "select's queries");
    if (!comparable(valueKind(keys), valueKind(queries))) {
      // A string key never equals a number or a bool query (or the other
      // way round): `==` selects nothing and `!=` everything, as in Python.
      if (e->text == "==" || e->text == "!=") {
        mlir::Value never = neverEqual(keys, queries, e->loc());
        return Value::mkSelector(emit<rasp::SelectOp>(
            e->loc(), rasp::SelectorType::get(ctx), never, never,
            e->text == "==" ? rasp::Predicate::lt : rasp::Predicate::eq));
      }
      fail(e->loc(), Twine("select cannot compare ") +
                         kindName(valueKind(keys)) + " keys with " +
                         kindName(valueKind(queries)) + " queries");
    }
    auto [k, q] = compareOperands(keys, queries, e->child(0)->loc(),
                                  e->child(1)->loc(), "select's keys");
    rasp::Predicate pred = llvm::StringSwitch<rasp::Predicate>(e->text)
                               .Case("==", rasp::Predicate::eq)
                               .Case("!=", rasp::Predicate::ne)
                               .Case("<", rasp::Predicate::lt)
                               .Case(">", rasp::Predicate::gt)
                               .Case("<=", rasp::Predicate::le)
                               .Default(rasp::Predicate::ge);
    return Value::mkSelector(emit<rasp::SelectOp>(
        e->loc(), rasp::SelectorType::get(ctx), k, q, pred));
  }
  case ExprKind::Aggregate: {
    Value sel = eval(e->child(0), env);
    if (sel.kind != Value::Selector)
      fail(e->child(0)->loc(), "aggregate expects a selector as its first "
                               "argument, but got " + describe(sel));
    Value values = eval(e->child(1), env);
    mlir::Value v = toSOp(values, e->child(1)->loc(), "aggregate's values");
    EK k = sopKind(v);
    mlir::Attribute defaultAttr = builder.getI64IntegerAttr(0);
    if (e->children.size() == 3) {
      Value def = eval(e->child(2), env);
      if (!def.isAtom())
        fail(e->child(2)->loc(), "aggregate's default must be a number, "
                                 "string or bool, but got " + describe(def));
      if (isNumericKind(k) && !(def.kind == Value::Int || def.kind == Value::Float))
        fail(e->child(2)->loc(), Twine("the default of an aggregate of ") +
                                     kindName(k) + " values must be a number, "
                                     "but got " + describe(def));
      defaultAttr = atomAttr(def);
    }
    EK result = isNumericKind(k) ? EK::Float : k;
    return Value::mkSOp(emit<rasp::AggregateOp>(e->loc(), sopType(result),
                                                sel.ir, v, defaultAttr));
  }
  case ExprKind::Range: {
    std::vector<int64_t> args;
    for (auto &c : e->children) {
      Value v = eval(c.get(), env);
      if (v.kind != Value::Int && v.kind != Value::Bool)
        fail(c->loc(), "range expects ints, but got " + describe(v));
      args.push_back(asInt(v));
    }
    int64_t start = 0, stop, step = 1;
    if (args.size() == 1) {
      stop = args[0];
    } else {
      start = args[0];
      stop = args[1];
      if (args.size() == 3)
        step = args[2];
    }
    if (step == 0)
      fail(e->children[2]->loc(), "range's step must not be zero");
    // Count without overflow: work in 128 bits.
    __int128 span = step > 0 ? (__int128)stop - start : (__int128)start - stop;
    __int128 mag = step > 0 ? (__int128)step : -(__int128)step;
    __int128 count = span <= 0 ? 0 : (span + mag - 1) / mag;
    if (count > (__int128)rasp::kMaxListSize)
      checkListSize(rasp::kMaxListSize + 1, e->loc());
    std::vector<Value> items;
    for (__int128 i = 0; i < count; ++i)
      items.push_back(Value::mkInt(static_cast<int64_t>(start + i * step)));
    return list(std::move(items), e->loc());
  }
  case ExprKind::Len: {
    Value v = eval(e->child(0), env);
    if (v.kind != Value::List)
      fail(e->child(0)->loc(), "len expects a list, but got " + describe(v));
    return Value::mkInt(static_cast<int64_t>(v.items->size()));
  }
  case ExprKind::Zip: {
    std::vector<Value> lists;
    for (auto &c : e->children) {
      Value v = eval(c.get(), env);
      if (v.kind != Value::List)
        fail(c->loc(), "zip expects lists, but got " + describe(v));
      lists.push_back(v);
    }
    size_t n = lists[0].items->size();
    for (size_t i = 1; i < lists.size(); ++i)
      if (lists[i].items->size() != n)
        fail(e->children[i]->loc(),
             "zip expects lists of one length, but got lengths " + Twine(n) +
                 " and " + Twine(lists[i].items->size()));
    std::vector<Value> rows;
    for (size_t j = 0; j < n; ++j) {
      std::vector<Value> row;
      for (auto &l : lists)
        row.push_back(l.elems()[j]);
      rows.push_back(list(std::move(row), e->loc()));
    }
    return list(std::move(rows), e->loc());
  }
  }
  fail(e->loc(), "unsupported expression");
}

Value Importer::evalComprehension(const Expr *e, Env *env) {
  bool isDict = e->kind == ExprKind::DictComp;
  const Expr *iterExpr = e->children.back().get();
  Value iterable = eval(iterExpr, env);
  std::vector<Value> out;
  DictBuilder dictOut;
  auto items = iterate(iterable, iterExpr->loc(),
                       isDict ? "a dict comprehension" : "a list comprehension");
  for (const Value &item : *items) {
    Env local;
    local.parent = env;
    bindNames(e->names, {}, item, &local, iterExpr->loc(), /*iterator=*/true);
    if (!isDict) {
      out.push_back(eval(e->child(0), &local));
      checkListSize(out.size(), e->loc());
      continue;
    }
    Value key = eval(e->child(0), &local);
    if (!key.isAtom())
      fail(e->child(0)->loc(), "dict keys must be numbers, strings or bools, "
                               "but got " + describe(key));
    dictOut.put(key, eval(e->child(1), &local));
    checkListSize(dictOut.kv.size() / 2, e->loc());
  }
  return isDict ? dict(std::move(dictOut), e->loc())
                : list(std::move(out), e->loc());
}

Value Importer::logicalNot(const Value &v, SMLoc loc) {
  if (v.kind == Value::Selector)
    return Value::mkSelector(
        emit<rasp::SelectNotOp>(loc, rasp::SelectorType::get(ctx), v.ir));
  if (v.kind == Value::SOp) {
    EK k = sopKind(v.ir);
    if (k == EK::Bool)
      return Value::mkSOp(emit<rasp::NotOp>(loc, sopType(EK::Bool), v.ir));
    Value zero = k == EK::String ? Value::mkString("") : Value::mkInt(0);
    return Value::mkSOp(emit<rasp::CmpOp>(loc, sopType(EK::Bool),
                                          rasp::Predicate::eq, v.ir,
                                          constant(zero, loc)));
  }
  return Value::mkBool(!truthy(v));
}

Value Importer::evalUnary(const Expr *e, Env *env) {
  Value v = eval(e->child(0), env);
  StringRef op = e->text;
  if (op == "not")
    return logicalNot(v, e->loc());
  if (v.kind == Value::SOp) {
    if (!isNumericKind(sopKind(v.ir)))
      fail(e->opLoc, "unary '" + op + "' expects a numeric s-op, but got " +
                         describe(v));
    if (op == "+")
      return v;
    return Value::mkSOp(emit<rasp::NegOp>(e->loc(), v.ir.getType(), v.ir));
  }
  if (!v.isNumber())
    fail(e->opLoc, "unary '" + op + "' expects a number or a numeric s-op, "
                   "but got " + describe(v));
  if (v.kind == Value::Float)
    return Value::mkFloat(op == "-" ? -v.f : v.f);
  int64_t x = asInt(v);
  if (op == "+")
    return Value::mkInt(x);
  int64_t r;
  bool overflow = __builtin_sub_overflow((int64_t)0, x, &r);
  return Value::mkInt(checked(overflow, r, e->opLoc));
}

Value Importer::evalTernary(const Expr *e, Env *env) {
  Value cond = eval(e->child(1), env);
  if (cond.kind == Value::Selector)
    fail(e->child(1)->loc(), "the condition of 'if' cannot be a selector");
  if (cond.kind != Value::SOp)
    return truthy(cond) ? eval(e->child(0), env) : eval(e->child(2), env);
  Value a = eval(e->child(0), env);
  Value b = eval(e->child(2), env);
  mlir::Value c = toBoolSOp(cond, e->child(1)->loc(), "the condition");
  mlir::Value t = toSOp(a, e->child(0)->loc(), "a branch of a conditional with an s-op condition");
  mlir::Value f = toSOp(b, e->child(2)->loc(), "a branch of a conditional with an s-op condition");
  EK kt = sopKind(t), kf = sopKind(f);
  if (kindClass(kt) != kindClass(kf))
    fail(e->opLoc, Twine("the branches of a conditional must have one kind, "
                         "but got ") + describe(a) + " and " + describe(b));
  EK result = kt == kf ? kt : EK::Float;
  return Value::mkSOp(emit<rasp::WhereOp>(e->opLoc, sopType(result), c, t, f));
}

Value Importer::evalBinary(const Expr *e, Env *env) {
  Value l = eval(e->child(0), env);
  Value r = eval(e->child(1), env);
  StringRef op = e->text;
  SMLoc opLoc = e->opLoc;
  currentLoc = e->loc();

  if (op == "and" || op == "or") {
    bool isAnd = op == "and";
    if (l.kind == Value::Selector || r.kind == Value::Selector) {
      if (l.kind != r.kind)
        fail(opLoc, "'" + op + "' cannot combine " + describe(l) + " with " +
                        describe(r));
      mlir::Type selTy = rasp::SelectorType::get(ctx);
      return Value::mkSelector(
          isAnd ? emit<rasp::SelectAndOp>(opLoc, selTy, l.ir, r.ir)
                : emit<rasp::SelectOrOp>(opLoc, selTy, l.ir, r.ir));
    }
    if (l.kind == Value::SOp || r.kind == Value::SOp) {
      mlir::Value a = toBoolSOp(l, e->child(0)->loc(), "an operand of '" + op + "'");
      mlir::Value b = toBoolSOp(r, e->child(1)->loc(), "an operand of '" + op + "'");
      mlir::Type boolTy = sopType(EK::Bool);
      return Value::mkSOp(isAnd ? emit<rasp::AndOp>(opLoc, boolTy, a, b)
                                : emit<rasp::OrOp>(opLoc, boolTy, a, b));
    }
    // Python: `a and b` is b when a is true, else a.
    return isAnd ? (truthy(l) ? r : l) : (truthy(l) ? l : r);
  }

  if (op == "in") {
    if (l.kind == Value::SOp) {
      if (r.kind == Value::Dict)
        fail(e->child(1)->loc(), "'in' with an s-op needs a list of constants; "
                                 "a dict is not a container here");
      if (r.kind != Value::List)
        fail(e->child(1)->loc(), "'in' with an s-op needs a list of "
                                 "constants, but got " + describe(r));
      llvm::SmallVector<mlir::Attribute> elems;
      tick(opLoc, r.items->size());
      for (const Value &x : r.elems()) {
        if (!x.isAtom())
          fail(e->child(1)->loc(), "'in' with an s-op needs a list of "
                                   "constants, but the list holds " +
                                       describe(x));
        elems.push_back(atomAttr(x));
      }
      return Value::mkSOp(emit<rasp::MemberOp>(opLoc, sopType(EK::Bool),
                                               l.ir, builder.getArrayAttr(elems)));
    }
    if (l.isAtom()) {
      if (r.kind == Value::List) {
        tick(opLoc, r.items->size());
        for (const Value &x : r.elems())
          if (pyEquals(l, x))
            return Value::mkBool(true);
        return Value::mkBool(false);
      }
      if (r.kind == Value::SOp) {
        // Does any position hold the constant? (the reference's construction)
        if (!comparable(atomKind(l), sopKind(r.ir)))
          fail(opLoc, "'in' cannot look for " + describe(l) + " in " +
                          describe(r));
        SMLoc loc = opLoc;
        auto [lhs, rhs] = compareOperands(r, l, loc, loc, "'in'");
        mlir::Value eq = emit<rasp::CmpOp>(loc, sopType(EK::Bool),
                                           rasp::Predicate::eq, lhs, rhs);
        mlir::Value ind = emit<rasp::IndicatorOp>(loc, sopType(EK::Int), eq);
        mlir::Value one = constant(Value::mkInt(1), loc);
        mlir::Value all = emit<rasp::SelectOp>(loc, rasp::SelectorType::get(ctx),
                                               one, one, rasp::Predicate::eq);
        mlir::Value mean = emit<rasp::AggregateOp>(loc, sopType(EK::Float), all,
                                                   ind, builder.getI64IntegerAttr(0));
        return Value::mkSOp(emit<rasp::CmpOp>(loc, sopType(EK::Bool),
                                              rasp::Predicate::gt, mean,
                                              constant(Value::mkInt(0), loc)));
      }
      if (r.kind == Value::Dict)
        fail(e->child(1)->loc(), "'in' needs a list or an s-op; a dict is not "
                                 "a container here");
      fail(e->child(1)->loc(), "'in' needs a list or an s-op on its right, but "
                               "got " + describe(r));
    }
    fail(e->child(0)->loc(), "'in' looks for an s-op or a constant, but got " +
                                 describe(l));
  }

  if (l.kind == Value::Selector || r.kind == Value::Selector)
    fail(opLoc, "cannot apply '" + op + "' to a selector (selectors combine "
                "only with 'and', 'or' and 'not')");
  if (l.kind == Value::SOp || r.kind == Value::SOp)
    return sopBinary(op, l, r, opLoc, opLoc, e->child(0)->loc(),
                     e->child(1)->loc());
  return constBinary(op, l, r, opLoc);
}

Value Importer::sopBinary(StringRef op, const Value &l, const Value &r,
                          SMLoc exprLoc, SMLoc opLoc, SMLoc lhsLoc,
                          SMLoc rhsLoc) {
  for (const Value *v : {&l, &r})
    if (v->kind != Value::SOp && !v->isAtom())
      fail(opLoc, "cannot apply '" + op + "' to " + describe(l) + " and " +
                      describe(r));
  EK kl = valueKind(l), kr = valueKind(r);
  bool isCmp = op == "==" || op == "<" || op == ">" || op == "<=" || op == ">=";
  if (isCmp) {
    if (!comparable(kl, kr)) {
      // Python: a string never equals a number or a bool ('a' == 1 is
      // False); ordering them raises.
      if (op == "==")
        return Value::mkSOp(neverEqual(l, r, exprLoc));
      fail(opLoc, "cannot compare " + describe(l) + " with " + describe(r));
    }
    rasp::Predicate pred = llvm::StringSwitch<rasp::Predicate>(op)
                               .Case("==", rasp::Predicate::eq)
                               .Case("<", rasp::Predicate::lt)
                               .Case(">", rasp::Predicate::gt)
                               .Case("<=", rasp::Predicate::le)
                               .Default(rasp::Predicate::ge);
    auto [a, b] = compareOperands(l, r, lhsLoc, rhsLoc, "");
    return Value::mkSOp(emit<rasp::CmpOp>(exprLoc, sopType(EK::Bool), pred, a, b));
  }
  if (op == "+" && kl == EK::String && kr == EK::String) {
    mlir::Value a = toSOp(l, lhsLoc, "");
    mlir::Value b = toSOp(r, rhsLoc, "");
    return Value::mkSOp(emit<rasp::ConcatOp>(exprLoc, sopType(EK::String), a, b));
  }
  if (!isNumericKind(kl) || !isNumericKind(kr))
    fail(opLoc, "cannot apply '" + op + "' to " + describe(l) + " and " +
                    describe(r) +
                    (kl == EK::Bool || kr == EK::Bool
                         ? " (bools are not numbers: use indicator)"
                         : ""));
  mlir::Value a = toSOp(l, lhsLoc, "");
  mlir::Value b = toSOp(r, rhsLoc, "");
  bool bothInt = kl == EK::Int && kr == EK::Int;
  EK result = bothInt ? EK::Int : EK::Float;
  if (op == "/")
    result = EK::Float;
  if (op == "^")
    result = (bothInt && r.kind == Value::Int && r.i >= 0) ? EK::Int : EK::Float;
  mlir::Type t = sopType(result);
  mlir::Value v;
  if (op == "+")
    v = emit<rasp::AddOp>(exprLoc, t, a, b);
  else if (op == "-")
    v = emit<rasp::SubOp>(exprLoc, t, a, b);
  else if (op == "*")
    v = emit<rasp::MulOp>(exprLoc, t, a, b);
  else if (op == "/")
    v = emit<rasp::DivOp>(exprLoc, t, a, b);
  else if (op == "%")
    v = emit<rasp::ModOp>(exprLoc, t, a, b);
  else
    v = emit<rasp::PowOp>(exprLoc, t, a, b);
  return Value::mkSOp(v);
}

/// Python's ** on numbers.
static std::optional<std::string> pyPow(const Value &l, const Value &r,
                                        Value &out) {
  bool ints = l.kind != Value::Float && r.kind != Value::Float;
  if (ints && asInt(r) >= 0) {
    int64_t base = asInt(l), exp = asInt(r), result = 1;
    while (exp > 0) {
      if (exp & 1)
        if (__builtin_mul_overflow(result, base, &result))
          return std::string("integer overflow in a compile-time expression "
                             "(ints are 64-bit)");
      exp >>= 1;
      if (exp > 0 && __builtin_mul_overflow(base, base, &base)) {
        // base^2 overflows; fine only if the remaining result is 0/±1-bound.
        if (result == 0)
          break;
        return std::string("integer overflow in a compile-time expression "
                           "(ints are 64-bit)");
      }
    }
    out = Value::mkInt(result);
    return std::nullopt;
  }
  double a = asDouble(l), b = asDouble(r);
  if (a == 0 && b < 0)
    return std::string("0 cannot be raised to a negative power");
  if (a < 0 && b != std::floor(b))
    return std::string("a negative number raised to a fractional power is "
                       "complex");
  double v = std::pow(a, b);
  if (std::isinf(v) && std::isfinite(a) && std::isfinite(b))
    return std::string("numerical result out of range");
  out = Value::mkFloat(v);
  return std::nullopt;
}

Value Importer::constBinary(StringRef op, const Value &l, const Value &r,
                            SMLoc opLoc) {
  auto bad = [&]() -> Value {
    fail(opLoc, "cannot apply '" + op + "' to " + describe(l) + " and " +
                    describe(r));
  };
  // Comparisons (of lists and dicts: linear work).
  if (l.items)
    tick(opLoc, l.items->size());
  if (r.items)
    tick(opLoc, r.items->size());
  if (op == "==")
    return Value::mkBool(pyEquals(l, r));
  if (op == "<" || op == ">" || op == "<=" || op == ">=") {
    int cmp;
    std::function<bool(const Value &, const Value &, int &)> compare =
        [&](const Value &a, const Value &b, int &c) -> bool {
      if (a.isNumber() && b.isNumber()) {
        if (a.kind == Value::Float || b.kind == Value::Float) {
          double x = asDouble(a), y = asDouble(b);
          if (std::isnan(x) || std::isnan(y)) {
            c = 2; // unordered
            return true;
          }
          c = x < y ? -1 : (x > y ? 1 : 0);
        } else {
          int64_t x = asInt(a), y = asInt(b);
          c = x < y ? -1 : (x > y ? 1 : 0);
        }
        return true;
      }
      if (a.kind == Value::String && b.kind == Value::String) {
        int k = a.s.compare(b.s);
        c = k < 0 ? -1 : (k > 0 ? 1 : 0);
        return true;
      }
      if (a.kind == Value::List && b.kind == Value::List) {
        size_t n = std::min(a.items->size(), b.items->size());
        for (size_t i = 0; i < n; ++i) {
          if (pyEquals(a.elems()[i], b.elems()[i]))
            continue;
          return compare(a.elems()[i], b.elems()[i], c);
        }
        size_t x = a.items->size(), y = b.items->size();
        c = x < y ? -1 : (x > y ? 1 : 0);
        return true;
      }
      return false;
    };
    if (!compare(l, r, cmp))
      fail(opLoc, "cannot compare " + describe(l) + " with " + describe(r) +
                      " using '" + op + "'");
    if (cmp == 2)
      return Value::mkBool(false);
    bool res = op == "<" ? cmp < 0 : op == ">" ? cmp > 0 : op == "<=" ? cmp <= 0 : cmp >= 0;
    return Value::mkBool(res);
  }
  // Sequences.
  if (op == "+" && l.kind == Value::String && r.kind == Value::String) {
    checkListSize(l.s.size() + r.s.size(), opLoc);
    return Value::mkString(l.s + r.s);
  }
  if (op == "+" && l.kind == Value::List && r.kind == Value::List) {
    std::vector<Value> items = l.elems();
    items.insert(items.end(), r.elems().begin(), r.elems().end());
    checkListSize(items.size(), opLoc);
    return list(std::move(items), opLoc);
  }
  auto isSeq = [](const Value &v) {
    return v.kind == Value::String || v.kind == Value::List;
  };
  auto isIntLike = [](const Value &v) {
    return v.kind == Value::Int || v.kind == Value::Bool;
  };
  if (op == "*" && ((isSeq(l) && isIntLike(r)) || (isSeq(r) && isIntLike(l)))) {
    const Value &seq = l.kind == Value::String || l.kind == Value::List ? l : r;
    int64_t n = std::max<int64_t>(0, asInt(&seq == &l ? r : l));
    size_t len = seq.kind == Value::String ? seq.s.size() : seq.items->size();
    if (len && (uint64_t)n > rasp::kMaxListSize / len)
      checkListSize(rasp::kMaxListSize + 1, opLoc);
    tick(opLoc, (uint64_t)n * len);
    if (seq.kind == Value::String) {
      std::string out;
      for (int64_t i = 0; i < n; ++i)
        out += seq.s;
      return Value::mkString(out);
    }
    std::vector<Value> out;
    for (int64_t i = 0; i < n; ++i)
      out.insert(out.end(), seq.elems().begin(), seq.elems().end());
    return list(std::move(out), opLoc);
  }
  if (!l.isNumber() || !r.isNumber())
    return bad();
  bool ints = l.kind != Value::Float && r.kind != Value::Float;
  if (op == "^") {
    Value out;
    if (auto err = pyPow(l, r, out))
      fail(opLoc, *err);
    return out;
  }
  if (op == "/") {
    double b = asDouble(r);
    if (b == 0)
      fail(opLoc, "division by zero");
    return Value::mkFloat(asDouble(l) / b);
  }
  if (op == "%") {
    if (ints) {
      if (asInt(r) == 0)
        fail(opLoc, "modulo by zero");
      return Value::mkInt(rasp::py::floorMod(asInt(l), asInt(r)));
    }
    if (asDouble(r) == 0)
      fail(opLoc, "modulo by zero");
    return Value::mkFloat(rasp::py::floorMod(asDouble(l), asDouble(r)));
  }
  if (ints) {
    int64_t a = asInt(l), b = asInt(r), res = 0;
    bool overflow = op == "+"   ? __builtin_add_overflow(a, b, &res)
                    : op == "-" ? __builtin_sub_overflow(a, b, &res)
                                : __builtin_mul_overflow(a, b, &res);
    return Value::mkInt(checked(overflow, res, opLoc));
  }
  double a = asDouble(l), b = asDouble(r);
  return Value::mkFloat(op == "+" ? a + b : op == "-" ? a - b : a * b);
}

Value Importer::evalCall(const Expr *e, Env *env) {
  Value callee = eval(e->child(0), env);
  std::vector<Value> args;
  for (size_t i = 1; i < e->children.size(); ++i)
    args.push_back(eval(e->child(i), env));
  SMLoc loc = e->loc();
  currentLoc = loc;
  if (callee.kind == Value::Builtin && callee.builtin == BuiltinId::SelectorWidth) {
    if (args.size() != 1)
      fail(loc, "selector_width takes 1 argument, but " + Twine(args.size()) +
                    " were given");
    if (args[0].kind != Value::Selector)
      fail(e->child(1)->loc(), "selector_width expects a selector, but got " +
                                   describe(args[0]));
    return Value::mkSOp(
        emit<rasp::SelectorWidthOp>(loc, sopType(EK::Int), args[0].ir));
  }
  if (callee.kind == Value::SOp || callee.kind == Value::Selector)
    fail(loc, "cannot call " + describe(callee) +
                  ": s-ops and selectors are not functions (a program is "
                  "applied to its input only at run time)");
  if (callee.kind != Value::Func)
    fail(loc, "cannot call " + describe(callee) + ": it is not a function");
  return callFunction(callee, std::move(args), loc);
}

Value Importer::callFunction(const Value &callee, std::vector<Value> args,
                             SMLoc callLoc) {
  const Stmt *def = callee.func->def;
  if (args.size() != def->names.size())
    fail(callLoc, "function '" + def->name + "' takes " +
                      Twine(def->names.size()) + " argument" +
                      (def->names.size() == 1 ? "" : "s") + ", but " +
                      Twine(args.size()) +
                      (args.size() == 1 ? " was" : " were") + " given");
  if (callDepth >= rasp::kMaxCallDepth)
    fail(callLoc, "too many nested function calls (the limit is " +
                      Twine(rasp::kMaxCallDepth) +
                      "): is the recursion unbounded?");
  // The call's scope outlives the call only if a function defined in it (a
  // nested def, or one in a loaded file) captures it.
  Env stackEnv;
  Env *env = &stackEnv;
  if (mayCapture(def->body))
    env = newEnv(callee.func->closure);
  else
    stackEnv.parent = callee.func->closure;
  for (size_t i = 0; i < args.size(); ++i)
    env->set(def->names[i], args[i]);

  std::optional<mlir::Location> savedCaller = callerLoc;
  callerLoc = opLoc(callLoc);
  ++callDepth;
  contextStack.push_back({callLoc, "in a call to '" + def->name + "' from here"});

  execBlock(def->body, env);
  std::vector<Value> results;
  for (auto &r : def->exprs)
    results.push_back(eval(r.get(), env));

  contextStack.pop_back();
  --callDepth;
  callerLoc = savedCaller;
  return results.size() == 1 ? results[0] : list(std::move(results), callLoc);
}

Value Importer::lookupTable(const Value &table, const Value &index, SMLoc loc,
                            SMLoc indexLoc) {
  llvm::SmallVector<mlir::Attribute> keys, values;
  std::vector<Value> valueList;
  if (table.kind == Value::String) {
    for (std::string &c : utf8Chars(table.s))
      valueList.push_back(Value::mkString(std::move(c)));
  } else if (table.kind == Value::List) {
    valueList = table.elems();
  }
  if (table.kind == Value::Dict) {
    for (size_t i = 0; i < table.items->size(); i += 2) {
      keys.push_back(atomAttr(table.elems()[i]));
      valueList.push_back(table.elems()[i + 1]);
    }
  } else {
    int64_t n = static_cast<int64_t>(valueList.size());
    for (int64_t i = 0; i < n; ++i)
      keys.push_back(builder.getI64IntegerAttr(i));
    for (int64_t i = 0; i < n; ++i) {
      keys.push_back(builder.getI64IntegerAttr(i - n));
      valueList.push_back(valueList[i]);
    }
  }
  tick(loc, valueList.size());
  if (valueList.empty())
    fail(loc, "cannot index an empty " +
                  Twine(table.kind == Value::Dict ? "dict"
                        : table.kind == Value::List ? "list" : "string") +
                  " by an s-op: every position would be out of range");
  std::optional<EK> kind;
  for (const Value &v : valueList) {
    if (!v.isAtom())
      fail(loc, "indexing by an s-op needs a table of constants, but it "
                "holds " + describe(v));
    EK k = atomKind(v);
    if (!kind)
      kind = k;
    else if (kindClass(*kind) != kindClass(k))
      fail(loc, Twine("indexing by an s-op needs values of one kind, but the "
                      "table holds ") + kindName(*kind) + " and " + kindName(k) +
                    " values");
    else if (*kind != k)
      kind = EK::Float;
  }
  for (const Value &v : valueList)
    values.push_back(atomAttr(v));
  EK indexKind = sopKind(index.ir);
  bool anyKeyFits = false;
  for (mlir::Attribute k : keys)
    if (kindClass(kindOfType(rasp::getScalarAttrElementType(k))) ==
        kindClass(indexKind))
      anyKeyFits = true;
  if (!anyKeyFits)
    fail(indexLoc, Twine("cannot index by ") + describe(index) +
                       ": no key of the table has its kind");
  return Value::mkSOp(emit<rasp::LookupOp>(loc, sopType(*kind), index.ir,
                                           builder.getArrayAttr(keys),
                                           builder.getArrayAttr(values)));
}

Value Importer::evalIndex(const Expr *e, Env *env) {
  Value base = eval(e->child(0), env);
  Value index = eval(e->child(1), env);
  SMLoc loc = e->loc();
  SMLoc indexLoc = e->child(1)->loc();
  currentLoc = loc;
  if (base.kind == Value::SOp) {
    if (index.kind != Value::Int && index.kind != Value::Bool)
      fail(indexLoc, "an s-op can only be indexed by a constant int, but got " +
                         describe(index));
    int64_t i = asInt(index);
    mlir::Value query;
    if (i >= 0) {
      query = constant(Value::mkInt(i), loc);
    } else {
      mlir::Value length = materializeBuiltin(BuiltinId::Length, loc);
      query = emit<rasp::AddOp>(loc, sopType(EK::Int), length,
                                constant(Value::mkInt(i), loc));
    }
    mlir::Value indices = materializeBuiltin(BuiltinId::Indices, loc);
    mlir::Value sel = emit<rasp::SelectOp>(loc, rasp::SelectorType::get(ctx),
                                           indices, query, rasp::Predicate::eq);
    EK k = sopKind(base.ir);
    EK result = isNumericKind(k) ? EK::Float : k;
    return Value::mkSOp(emit<rasp::AggregateOp>(loc, sopType(result), sel,
                                                base.ir,
                                                builder.getI64IntegerAttr(0)));
  }
  if (base.kind == Value::List || base.kind == Value::String ||
      base.kind == Value::Dict) {
    if (index.kind == Value::SOp)
      return lookupTable(base, index, loc, indexLoc);
    if (base.kind == Value::Dict) {
      if (!index.isAtom())
        fail(indexLoc, "a dict key must be a number, string or bool, but got " +
                           describe(index));
      auto it = base.dictIndex->find(dictKey(index));
      if (it != base.dictIndex->end())
        return base.elems()[it->second + 1];
      fail(indexLoc, "key " + quoteAtom(index) + " is not in the dict");
    }
    const char *what = base.kind == Value::List ? "list" : "string";
    if (index.kind != Value::Int && index.kind != Value::Bool)
      fail(indexLoc, Twine("an index into a ") + what + " must be an int, but got " +
                         describe(index));
    std::vector<std::string> chars;
    if (base.kind == Value::String)
      chars = utf8Chars(base.s);
    int64_t n = base.kind == Value::List ? (int64_t)base.items->size()
                                         : (int64_t)chars.size();
    int64_t i = asInt(index);
    if (i >= n || i < -n)
      fail(indexLoc, "index " + Twine(i) + " is out of range for a " + what +
                         " of length " + Twine(n));
    if (i < 0)
      i += n;
    if (base.kind == Value::List)
      return base.elems()[i];
    return Value::mkString(chars[i]);
  }
  fail(e->child(0)->loc(), "cannot index into " + describe(base) +
                               " (only lists, dicts, strings and s-ops)");
}

//===----------------------------------------------------------------------===//
// Driver
//===----------------------------------------------------------------------===//

void Importer::evaluateProgram() {
  mlir::Location moduleLoc = mlir::UnknownLoc::get(ctx);
  scratch = mlir::ModuleOp::create(moduleLoc);
  builder.setInsertionPointToEnd(scratch->getBody());

  envs.push_back(std::make_unique<Env>());
  baseEnv = envs.back().get();
  auto builtin = [&](const char *name, BuiltinId id) {
    Value v;
    v.kind = Value::Builtin;
    v.builtin = id;
    v.builtinName = name;
    baseEnv->set(name, v);
  };
  builtin("tokens", BuiltinId::Tokens);
  builtin("tokens_str", BuiltinId::Tokens);
  builtin("tokens_int", BuiltinId::TokensInt);
  builtin("tokens_float", BuiltinId::TokensFloat);
  builtin("tokens_bool", BuiltinId::TokensBool);
  builtin("indices", BuiltinId::Indices);
  builtin("length", BuiltinId::Length);
  builtin("selector_width", BuiltinId::SelectorWidth);
  baseEnv->set("True", Value::mkBool(true));
  baseEnv->set("False", Value::mkBool(false));

  // The prelude, in its own buffer so its locations print.
  unsigned preludeId = sm.AddNewSourceBuffer(
      llvm::MemoryBuffer::getMemBuffer(rasp::getRaspPrelude(), kPreludeName),
      SMLoc());
  programs.push_back(parseProgram(sm, preludeId));
  execBlock(programs.back()->statements, baseEnv);

  globalEnv = newEnv(baseEnv);
  unsigned mainId = sm.getMainFileID();
  StringRef mainName = sm.getMemoryBuffer(mainId)->getBufferIdentifier();
  llvm::SmallString<256> real;
  if (!llvm::sys::fs::real_path(mainName, real))
    loadStack.push_back(std::string(real));
  programs.push_back(parseProgram(sm, mainId));
  execBlock(programs.back()->statements, globalEnv);
}

mlir::OwningOpRef<mlir::ModuleOp> Importer::buildOutputs() {
  unsigned mainId = sm.getMainFileID();
  SMLoc mainStart =
      SMLoc::getFromPointer(sm.getMemoryBuffer(mainId)->getBufferStart());
  std::vector<std::pair<std::string, mlir::Value>> outputs;
  if (options.sopNames.empty()) {
    for (const std::string &name : globalEnv->order) {
      const Value &v = globalEnv->vars.find(name)->second;
      if (v.kind == Value::SOp)
        outputs.push_back({name, v.ir});
    }
  } else {
    llvm::StringSet<> seen;
    for (const std::string &name : options.sopNames) {
      if (!seen.insert(name).second)
        continue;
      Value *v = globalEnv->lookup(name);
      if (!v)
        fail(SMLoc(), "no s-op named '" + name + "' in the program");
      if (v->kind == Value::Builtin && v->builtin != BuiltinId::SelectorWidth) {
        outputs.push_back({name, materializeBuiltin(v->builtin, mainStart)});
        continue;
      }
      if (v->kind != Value::SOp) {
        std::string d = describe(*v);
        if (v->kind == Value::Selector)
          d = "a selector";
        else if (v->kind == Value::Func || v->kind == Value::Builtin)
          d = "a function";
        else if (v->isAtom())
          d = "a constant";
        fail(SMLoc(), "'" + name + "' is " + d + ", not an s-op");
      }
      outputs.push_back({name, v->ir});
    }
  }

  mlir::Location moduleLoc = fileLoc(mainStart);
  mlir::OwningOpRef<mlir::ModuleOp> module = mlir::ModuleOp::create(moduleLoc);
  mlir::OpBuilder out(ctx);
  out.setInsertionPointToEnd(module->getBody());
  for (auto &[name, value] : outputs) {
    // The ops `value` depends on, in creation (= topological) order.
    llvm::DenseSet<mlir::Operation *> needed;
    std::vector<mlir::Operation *> work = {value.getDefiningOp()};
    while (!work.empty()) {
      mlir::Operation *op = work.back();
      work.pop_back();
      if (!op || !needed.insert(op).second)
        continue;
      for (mlir::Value operand : op->getOperands())
        work.push_back(operand.getDefiningOp());
    }
    auto funcType = out.getFunctionType({}, {value.getType()});
    auto func = mlir::func::FuncOp::create(out, value.getDefiningOp()->getLoc(),
                                           name, funcType);
    mlir::Block *body = func.addEntryBlock();
    mlir::OpBuilder inner = mlir::OpBuilder::atBlockEnd(body);
    mlir::IRMapping mapping;
    // Creation order is a topological order.
    std::vector<std::pair<unsigned, mlir::Operation *>> ordered;
    for (mlir::Operation *op : needed)
      ordered.push_back({creationIndex.lookup(op), op});
    llvm::sort(ordered, [](const auto &a, const auto &b) {
      return a.first < b.first;
    });
    for (auto &[index, op] : ordered)
      inner.clone(*op, mapping);
    mlir::func::ReturnOp::create(inner, value.getDefiningOp()->getLoc(),
                                 mlir::ValueRange{mapping.lookup(value)});
  }
  return module;
}

mlir::OwningOpRef<mlir::ModuleOp> Importer::run() {
  try {
    evaluateProgram();
    return buildOutputs();
  } catch (CompileError &err) {
    error = std::move(err);
    return nullptr;
  } catch (std::bad_alloc &) {
    error = CompileError{currentLoc, "out of memory while evaluating the "
                                     "program"};
    return nullptr;
  }
}

} // namespace

mlir::OwningOpRef<mlir::ModuleOp>
rasp::importRaspProgram(llvm::SourceMgr &sourceMgr, mlir::MLIRContext *context,
                        const ImportOptions &options) {
  context->loadDialect<rasp::RASPDialect, mlir::func::FuncDialect>();
  mlir::OwningOpRef<mlir::ModuleOp> module;
  std::optional<CompileError> error;
  {
    // Deeply nested programs recurse deeply: evaluate (and free the
    // evaluator's values) on a thread with a big stack.
    llvm::thread worker(std::optional<unsigned>(512u << 20), [&] {
      Importer importer(sourceMgr, context, options);
      module = importer.run();
      error = std::move(importer.error);
    });
    worker.join();
  }
  if (error) {
    const CompileError &err = *error;
    auto fileLoc = [&](SMLoc loc) -> mlir::Location {
      unsigned buf = loc.isValid() ? sourceMgr.FindBufferContainingLoc(loc) : 0;
      if (!buf)
        return mlir::UnknownLoc::get(context);
      auto [line, col] = sourceMgr.getLineAndColumn(loc, buf);
      return mlir::FileLineColLoc::get(
          context, sourceMgr.getMemoryBuffer(buf)->getBufferIdentifier(), line,
          col);
    };
    mlir::InFlightDiagnostic diag = mlir::emitError(fileLoc(err.loc))
                                    << err.message;
    for (auto &[loc, text] : err.notes)
      diag.attachNote(fileLoc(loc)) << text;
    return nullptr;
  }
  if (!module || mlir::failed(mlir::verify(*module)))
    return nullptr;
  return module;
}
