//===- AST.h - RASP abstract syntax tree ------------------------*- C++ -*-===//
//
// Internal to the RASP front end. Every node carries its source range.
//
//===----------------------------------------------------------------------===//

#ifndef RASP_LIB_FRONTEND_AST_H
#define RASP_LIB_FRONTEND_AST_H

#include "llvm/Support/SMLoc.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace rasp::frontend {

/// An error found while lexing, parsing or evaluating: thrown inside the front
/// end only, turned into an MLIR diagnostic at the API boundary.
struct CompileError {
  llvm::SMLoc loc; // null: the error has no place in the source
  std::string message;
  /// Notes (e.g. the call stack): place and text.
  std::vector<std::pair<llvm::SMLoc, std::string>> notes = {};
};

enum class ExprKind {
  Int,        // intValue
  Float,      // floatValue
  String,     // text
  Name,       // text
  List,       // children: elements
  Dict,       // children: k0, v0, k1, v1, ...
  ListComp,   // children: value, iterable; names: iterator names
  DictComp,   // children: key, value, iterable; names
  Unary,      // op: "-", "+", "not"; children: operand
  Binary,     // op: + - * / % ^ == < > <= >= and or in; children: lhs, rhs
  Ternary,    // children: then, cond, else
  Call,       // children: callee, args...
  Index,      // children: indexable, index
  Round,      // children: operand
  Indicator,  // children: operand
  Select,     // op: predicate; children: keys, queries
  Aggregate,  // children: selector, values[, default]
  Range,      // children: 1 to 3 args
  Len,        // children: list
  Zip,        // children: lists
};

struct Expr {
  ExprKind kind;
  llvm::SMRange range;
  std::string text; // names, string literals, operator spelling
  int64_t intValue = 0;
  double floatValue = 0;
  std::vector<std::unique_ptr<Expr>> children;
  std::vector<std::string> names; // comprehension iterators
  llvm::SMLoc opLoc;              // Unary/Binary/Ternary: the operator
  unsigned height = 1;            // longest path to a leaf

  Expr(ExprKind kind, llvm::SMLoc start) : kind(kind), range(start, start) {}
  llvm::SMLoc loc() const { return range.Start; }
  Expr *child(size_t i) const { return children[i].get(); }
};

enum class StmtKind {
  Expr,   // expr
  Assign, // names = exprs
  Def,    // name(params) { body; return exprs; }
  For,    // for names in expr { body }
  Load,   // load "file";
};

struct Stmt {
  StmtKind kind;
  llvm::SMRange range;
  std::string name;                           // def name, load file
  std::vector<std::string> names;             // targets, params, iterators
  std::vector<llvm::SMLoc> nameLocs;          // where each of `names` is
  std::vector<std::unique_ptr<Expr>> exprs;   // values / return values / iterable
  std::vector<std::unique_ptr<Stmt>> body;    // def / for body
  llvm::SMLoc returnLoc;                      // def: where `return` is

  Stmt(StmtKind kind, llvm::SMLoc start) : kind(kind), range(start, start) {}
  llvm::SMLoc loc() const { return range.Start; }
};

/// A parsed file; owns its statements (functions point into them).
struct Program {
  unsigned bufferId = 0;
  std::vector<std::unique_ptr<Stmt>> statements;
};

} // namespace rasp::frontend

#endif // RASP_LIB_FRONTEND_AST_H
