//===- Parser.cpp - RASP lexer and recursive-descent parser ---------------===//
//
// Precedence, loosest first (docs/rasp-language.md). `in` binds like a
// comparison, as in Python: looser than `+` (`opener + tokens in pairs` is
// `(opener + tokens) in pairs`, as the reference's grammar reads it too) and
// tighter than `not`, `and`, `or`:
//
//   a if c else b                 (left-associative, as in the reference)
//   a and b, a or b               (one level, left-associative)
//   not a
//   == < > <= >= in               (left-associative, no chaining)
//   + -
//   %
//   * /
//   ^                             (left-associative, as in the reference)
//   unary - +
//   postfix: calls f(x), indexing e[i]
//   primary: literals, names, (e), lists, dicts, comprehensions,
//            round(e), indicator(e), select(k, q, op), aggregate(s, v[, d]),
//            range(...), len(l), zip(...)
//
//===----------------------------------------------------------------------===//

#include "Parser.h"

#include "rasp/Frontend/Importer.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

#include <cerrno>
#include <cstdlib>

using namespace rasp::frontend;
using llvm::SMLoc;
using llvm::StringRef;

namespace {

/// Longest chain of operators in one expression (bounds recursion in the
/// evaluator and in destructors).
constexpr unsigned kMaxExprHeight = 1000;

enum class Tok { Eof, Ident, Int, Float, String, Punct };

struct Token {
  Tok kind = Tok::Eof;
  StringRef text;
  SMLoc loc;
  int64_t intValue = 0;
  double floatValue = 0;

  bool is(StringRef punctOrKeyword) const {
    return (kind == Tok::Punct || kind == Tok::Ident) && text == punctOrKeyword;
  }
};

[[noreturn]] void fail(SMLoc loc, const llvm::Twine &message) {
  throw CompileError{loc, message.str()};
}

bool isKeyword(StringRef word) {
  static const char *const keywords[] = {"def", "return", "for", "in",
                                        "load", "if",  "else", "and",
                                        "or",  "not"};
  for (const char *k : keywords)
    if (word == k)
      return true;
  return false;
}

class Lexer {
public:
  explicit Lexer(StringRef buffer)
      : cur(buffer.begin()), end(buffer.end()) {}

  Token next() {
    skipSpaceAndComments();
    Token tok;
    tok.loc = SMLoc::getFromPointer(cur);
    if (cur >= end) {
      tok.kind = Tok::Eof;
      return tok;
    }
    const char *start = cur;
    char c = *cur;
    if (isalpha(static_cast<unsigned char>(c)) || c == '_') {
      while (cur < end && (isalnum(static_cast<unsigned char>(*cur)) || *cur == '_'))
        ++cur;
      tok.kind = Tok::Ident;
      tok.text = StringRef(start, cur - start);
      return tok;
    }
    if (isdigit(static_cast<unsigned char>(c))) {
      while (cur < end && isdigit(static_cast<unsigned char>(*cur)))
        ++cur;
      if (cur + 1 < end && *cur == '.' &&
          isdigit(static_cast<unsigned char>(cur[1]))) {
        ++cur;
        while (cur < end && isdigit(static_cast<unsigned char>(*cur)))
          ++cur;
        tok.kind = Tok::Float;
        tok.text = StringRef(start, cur - start);
        std::string copy = tok.text.str();
        tok.floatValue = std::strtod(copy.c_str(), nullptr);
        return tok;
      }
      tok.kind = Tok::Int;
      tok.text = StringRef(start, cur - start);
      uint64_t value = 0;
      for (char d : tok.text) {
        uint64_t digit = d - '0';
        if (value > (uint64_t(INT64_MAX) - digit) / 10)
          fail(tok.loc, "integer literal '" + tok.text +
                            "' is too large (the limit is 9223372036854775807)");
        value = value * 10 + digit;
      }
      tok.intValue = static_cast<int64_t>(value);
      return tok;
    }
    if (c == '"') {
      ++cur;
      while (cur < end && *cur != '"' && *cur != '\n' && *cur != '\r')
        ++cur;
      if (cur >= end || *cur != '"')
        fail(tok.loc, "unterminated string literal (strings end on the same "
                      "line with '\"')");
      ++cur;
      tok.kind = Tok::String;
      tok.text = StringRef(start + 1, cur - start - 2);
      return tok;
    }
    static const char *const twoChar[] = {"==", "!=", "<=", ">="};
    for (const char *p : twoChar)
      if (cur + 1 < end && cur[0] == p[0] && cur[1] == p[1]) {
        cur += 2;
        tok.kind = Tok::Punct;
        tok.text = StringRef(start, 2);
        return tok;
      }
    if (StringRef("()[]{},;:=<>+-*/%^").contains(c)) {
      ++cur;
      tok.kind = Tok::Punct;
      tok.text = StringRef(start, 1);
      return tok;
    }
    std::string shown;
    llvm::raw_string_ostream os(shown);
    if (isprint(static_cast<unsigned char>(c)))
      os << "'" << c << "'";
    else
      os << "byte 0x" << llvm::format_hex_no_prefix(static_cast<unsigned char>(c), 2);
    fail(tok.loc, "unexpected character " + shown);
  }

private:
  void skipSpaceAndComments() {
    while (cur < end) {
      char c = *cur;
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
          c == '\v') {
        ++cur;
      } else if (c == '#') {
        ++comments;
        while (cur < end && *cur != '\n')
          ++cur;
      } else {
        break;
      }
    }
  }

  const char *cur;
  const char *end;
  unsigned comments = 0;

public:
  /// Comments skipped so far (a loop body may consist of one).
  unsigned commentsSeen() const { return comments; }
};

class Parser {
public:
  Parser(StringRef buffer) : lexer(buffer) { tok = lexer.next(); }

  std::vector<std::unique_ptr<Stmt>> parseFile() {
    std::vector<std::unique_ptr<Stmt>> statements;
    while (tok.kind != Tok::Eof)
      statements.push_back(parseStatement());
    return statements;
  }

private:
  // --- token helpers -------------------------------------------------------
  void advance() {
    prevEnd = SMLoc::getFromPointer(tok.text.end());
    tok = lexer.next();
  }

  std::string describe(const Token &t) {
    switch (t.kind) {
    case Tok::Eof: return "end of file";
    case Tok::String: return "string \"" + t.text.str() + "\"";
    default: return "'" + t.text.str() + "'";
    }
  }

  [[noreturn]] void expected(StringRef what) {
    fail(tok.loc, "expected " + what + ", but found " + describe(tok));
  }

  void expect(StringRef punct, StringRef context = "") {
    if (!tok.is(punct)) {
      std::string what = "'" + punct.str() + "'";
      if (!context.empty())
        what += " " + context.str();
      expected(what);
    }
    advance();
  }

  /// Names every binding position (assignment, def, parameter, loop
  /// variable) expects. As in the reference, the builtin inputs, True/False
  /// and the names of builtin forms cannot be rebound.
  std::string expectIdent(StringRef what) {
    if (tok.kind != Tok::Ident || isKeyword(tok.text))
      expected(what);
    static const char *const reserved[] = {
        "True",       "False",        "indices",     "tokens_str",
        "tokens_int", "tokens_float", "tokens_bool", "tokens_asis",
        "range",      "zip",          "len",         "round",
        "indicator",  "out",          "get"};
    for (const char *r : reserved)
      if (tok.text == r)
        fail(tok.loc, "cannot bind the reserved name '" + tok.text + "'");
    std::string name = tok.text.str();
    advance();
    return name;
  }

  struct DepthGuard {
    Parser &p;
    DepthGuard(Parser &p, SMLoc loc) : p(p) {
      if (++p.depth > rasp::kMaxParseDepth)
        fail(loc, "nesting is too deep (the limit is " +
                      llvm::Twine(rasp::kMaxParseDepth) + " levels)");
    }
    ~DepthGuard() { --p.depth; }
  };

  std::unique_ptr<Expr> make(ExprKind kind, SMLoc start) {
    return std::make_unique<Expr>(kind, start);
  }

  std::unique_ptr<Expr> finish(std::unique_ptr<Expr> e) {
    e->range.End = prevEnd;
    unsigned height = 0;
    for (auto &c : e->children)
      height = std::max(height, c->height);
    e->height = height + 1;
    if (e->height > kMaxExprHeight)
      fail(e->loc(), "expression is too large (more than " +
                         llvm::Twine(kMaxExprHeight) + " nested operations)");
    return e;
  }

  // --- statements ----------------------------------------------------------
  std::unique_ptr<Stmt> parseStatement() {
    DepthGuard guard(*this, tok.loc);
    SMLoc start = tok.loc;
    if (tok.is("def"))
      return parseDef();
    if (tok.is("for"))
      return parseFor();
    if (tok.is("load")) {
      auto s = std::make_unique<Stmt>(StmtKind::Load, start);
      advance();
      if (tok.kind != Tok::String)
        expected("a file name string after 'load'");
      s->name = tok.text.str();
      advance();
      expect(";", "after the load statement");
      s->range.End = prevEnd;
      return s;
    }
    if (tok.is("return"))
      fail(tok.loc, "'return' is only allowed as the last statement of a "
                    "function body");
    if (tok.kind == Tok::Ident &&
        (tok.text == "draw" || tok.text == "set" || tok.text == "show" ||
         tok.text == "exit" || tok.text == "quit")) {
      // Interactive REPL statements; detect the common forms.
      Lexer probe = lexer;
      Token after = probe.next();
      bool repl = tok.text == "exit" || tok.text == "quit"
                      ? (after.kind == Tok::Eof || after.is(";") || after.is("("))
                      : (tok.text == "draw" ? after.is("(")
                                            : after.kind == Tok::Ident);
      if (repl && !(after.is("=") || after.is(",")))
        fail(tok.loc, "'" + tok.text +
                          "' is an interactive REPL statement, not part of "
                          "RASP programs in files");
    }
    if (tok.kind == Tok::Ident && !isKeyword(tok.text)) {
      // An assignment starts with `name =` or `name ,`.
      Lexer probe = lexer;
      Token after = probe.next();
      if (after.is("=") || after.is(","))
        return parseAssign();
    }
    auto s = std::make_unique<Stmt>(StmtKind::Expr, start);
    s->exprs.push_back(parseExpr());
    expect(";", "after the expression");
    s->range.End = prevEnd;
    return s;
  }

  void parseNames(Stmt &s, StringRef what) {
    s.nameLocs.push_back(tok.loc);
    s.names.push_back(expectIdent(what));
    while (tok.is(",")) {
      advance();
      s.nameLocs.push_back(tok.loc);
      s.names.push_back(expectIdent(what));
    }
  }

  std::unique_ptr<Stmt> parseAssign() {
    auto s = std::make_unique<Stmt>(StmtKind::Assign, tok.loc);
    parseNames(*s, "a variable name");
    expect("=", "in the assignment");
    parseExprList(s->exprs);
    expect(";", "after the assignment");
    s->range.End = prevEnd;
    return s;
  }

  void parseExprList(std::vector<std::unique_ptr<Expr>> &out) {
    out.push_back(parseExpr());
    while (tok.is(",")) {
      advance();
      out.push_back(parseExpr());
    }
  }

  std::unique_ptr<Stmt> parseDef() {
    auto s = std::make_unique<Stmt>(StmtKind::Def, tok.loc);
    advance();
    s->name = expectIdent("a function name after 'def'");
    expect("(", "after the function name");
    if (!tok.is(")"))
      parseNames(*s, "a parameter name");
    expect(")", "after the parameters");
    expect("{", "to open the function body");
    while (!tok.is("return")) {
      if (tok.kind == Tok::Eof || tok.is("}"))
        fail(tok.loc, "function '" + s->name +
                          "' must end with a 'return' statement");
      s->body.push_back(parseStatement());
    }
    s->returnLoc = tok.loc;
    advance();
    parseExprList(s->exprs);
    expect(";", "after the return value");
    if (!tok.is("}"))
      expected("'}' (the return statement must be the last statement of "
               "the function)");
    advance();
    s->range.End = prevEnd;
    return s;
  }

  std::unique_ptr<Stmt> parseFor() {
    auto s = std::make_unique<Stmt>(StmtKind::For, tok.loc);
    advance();
    parseNames(*s, "a loop variable name after 'for'");
    expect("in", "after the loop variables");
    s->exprs.push_back(parseExpr());
    // The lexer stops right after the '{': comments in the body come later.
    unsigned commentsBefore = lexer.commentsSeen();
    SMLoc open = tok.loc;
    expect("{", "to open the loop body");
    while (!tok.is("}")) {
      if (tok.kind == Tok::Eof)
        expected("'}' to close the loop body");
      s->body.push_back(parseStatement());
    }
    // The reference's grammar wants a statement or a comment in the body.
    if (s->body.empty() && lexer.commentsSeen() == commentsBefore)
      fail(open, "a loop body needs a statement (or a comment)");
    advance();
    s->range.End = prevEnd;
    return s;
  }

  // --- expressions ---------------------------------------------------------
  std::unique_ptr<Expr> binary(std::unique_ptr<Expr> lhs, StringRef op,
                               SMLoc opLoc, std::unique_ptr<Expr> rhs) {
    auto e = make(ExprKind::Binary, lhs->loc());
    e->text = op.str();
    e->opLoc = opLoc;
    e->children.push_back(std::move(lhs));
    e->children.push_back(std::move(rhs));
    return finish(std::move(e));
  }

public:
  std::unique_ptr<Expr> parseExpr() {
    DepthGuard guard(*this, tok.loc);
    return parseTernary();
  }

private:
  std::unique_ptr<Expr> parseTernary() {
    auto lhs = parseAndOr();
    while (tok.is("if")) {
      SMLoc opLoc = tok.loc;
      advance();
      auto cond = parseExpr();
      expect("else", "in the conditional expression");
      auto otherwise = parseAndOr();
      auto e = make(ExprKind::Ternary, lhs->loc());
      e->opLoc = opLoc;
      e->children.push_back(std::move(lhs));
      e->children.push_back(std::move(cond));
      e->children.push_back(std::move(otherwise));
      lhs = finish(std::move(e));
    }
    return lhs;
  }

  std::unique_ptr<Expr> parseAndOr() {
    auto lhs = parseNot();
    while (tok.is("and") || tok.is("or")) {
      SMLoc opLoc = tok.loc;
      std::string op = tok.text.str();
      advance();
      lhs = binary(std::move(lhs), op, opLoc, parseNot());
    }
    return lhs;
  }

  std::unique_ptr<Expr> parseNot() {
    if (tok.is("not")) {
      DepthGuard guard(*this, tok.loc);
      auto e = make(ExprKind::Unary, tok.loc);
      e->opLoc = tok.loc;
      e->text = "not";
      advance();
      e->children.push_back(parseNot());
      return finish(std::move(e));
    }
    return parseCmp();
  }

  std::unique_ptr<Expr> parseCmp() {
    auto lhs = parseAdd();
    while (true) {
      if (tok.is("!="))
        fail(tok.loc, "'!=' is only allowed as a select predicate (write "
                      "'not (a == b)')");
      if (!(tok.is("==") || tok.is("<") || tok.is(">") || tok.is("<=") ||
            tok.is(">=") || tok.is("in")))
        return lhs;
      SMLoc opLoc = tok.loc;
      std::string op = tok.text.str();
      advance();
      lhs = binary(std::move(lhs), op, opLoc, parseAdd());
    }
  }

  std::unique_ptr<Expr> parseAdd() {
    auto lhs = parseMod();
    while (tok.is("+") || tok.is("-")) {
      SMLoc opLoc = tok.loc;
      std::string op = tok.text.str();
      advance();
      lhs = binary(std::move(lhs), op, opLoc, parseMod());
    }
    return lhs;
  }

  std::unique_ptr<Expr> parseMod() {
    auto lhs = parseMul();
    while (tok.is("%")) {
      SMLoc opLoc = tok.loc;
      advance();
      lhs = binary(std::move(lhs), "%", opLoc, parseMul());
    }
    return lhs;
  }

  std::unique_ptr<Expr> parseMul() {
    auto lhs = parsePow();
    while (tok.is("*") || tok.is("/")) {
      SMLoc opLoc = tok.loc;
      std::string op = tok.text.str();
      advance();
      lhs = binary(std::move(lhs), op, opLoc, parsePow());
    }
    return lhs;
  }

  std::unique_ptr<Expr> parsePow() {
    auto lhs = parseUnary();
    while (tok.is("^")) {
      SMLoc opLoc = tok.loc;
      advance();
      lhs = binary(std::move(lhs), "^", opLoc, parseUnary());
    }
    return lhs;
  }

  std::unique_ptr<Expr> parseUnary() {
    if (tok.is("-") || tok.is("+") || tok.is("not")) {
      DepthGuard guard(*this, tok.loc);
      auto e = make(ExprKind::Unary, tok.loc);
      e->opLoc = tok.loc;
      e->text = tok.text.str();
      advance();
      e->children.push_back(parseUnary());
      return finish(std::move(e));
    }
    return parsePostfix();
  }

  std::unique_ptr<Expr> parsePostfix() {
    auto e = parsePrimary();
    while (true) {
      if (tok.is("(")) {
        auto call = make(ExprKind::Call, e->loc());
        call->children.push_back(std::move(e));
        advance();
        if (!tok.is(")"))
          parseExprList(call->children);
        expect(")", "to close the argument list");
        e = finish(std::move(call));
      } else if (tok.is("[")) {
        auto index = make(ExprKind::Index, e->loc());
        index->children.push_back(std::move(e));
        advance();
        index->children.push_back(parseExpr());
        expect("]", "to close the index");
        e = finish(std::move(index));
      } else {
        return e;
      }
    }
  }

  /// Parses `( e1, e2, ... )` after a builtin's name into `e`.
  void parseArgs(Expr &e, StringRef name, size_t minArgs, size_t maxArgs) {
    SMLoc open = tok.loc;
    expect("(");
    if (!tok.is(")"))
      parseExprList(e.children);
    expect(")", "to close the arguments of '" + name.str() + "'");
    size_t n = e.children.size();
    if (n < minArgs || n > maxArgs) {
      std::string want = minArgs == maxArgs
                             ? std::to_string(minArgs)
                             : std::to_string(minArgs) + " to " +
                                   std::to_string(maxArgs);
      fail(open, "'" + name + "' expects " + want + " argument" +
                     (maxArgs == 1 ? "" : "s") + ", but got " +
                     std::to_string(n));
    }
  }

  std::unique_ptr<Expr> parsePrimary() {
    SMLoc start = tok.loc;
    switch (tok.kind) {
    case Tok::Int: {
      auto e = make(ExprKind::Int, start);
      e->intValue = tok.intValue;
      advance();
      return finish(std::move(e));
    }
    case Tok::Float: {
      auto e = make(ExprKind::Float, start);
      e->floatValue = tok.floatValue;
      advance();
      return finish(std::move(e));
    }
    case Tok::String: {
      auto e = make(ExprKind::String, start);
      e->text = tok.text.str();
      advance();
      return finish(std::move(e));
    }
    case Tok::Eof:
      expected("an expression");
    case Tok::Punct:
      if (tok.is("(")) {
        advance();
        auto inner = parseExpr();
        expect(")", "to close the parenthesis");
        return inner;
      }
      if (tok.is("["))
        return parseListOrComp();
      if (tok.is("{"))
        return parseDictOrComp();
      expected("an expression");
    case Tok::Ident:
      break;
    }
    if (isKeyword(tok.text))
      expected("an expression");
    StringRef word = tok.text;
    Lexer probe = lexer;
    bool called = probe.next().is("(");
    if (called) {
      ExprKind kind;
      size_t minArgs = 1, maxArgs = 1;
      if (word == "round")
        kind = ExprKind::Round;
      else if (word == "indicator")
        kind = ExprKind::Indicator;
      else if (word == "len")
        kind = ExprKind::Len;
      else if (word == "range")
        kind = ExprKind::Range, maxArgs = 3;
      else if (word == "zip")
        kind = ExprKind::Zip, maxArgs = 1000;
      else if (word == "aggregate")
        kind = ExprKind::Aggregate, minArgs = 2, maxArgs = 3;
      else if (word == "select")
        return parseSelect();
      else
        goto name;
      std::string spelled = word.str();
      auto e = make(kind, start);
      advance();
      parseArgs(*e, spelled, minArgs, maxArgs);
      return finish(std::move(e));
    }
  name: {
    auto e = make(ExprKind::Name, start);
    e->text = word.str();
    advance();
    return finish(std::move(e));
  }
  }

  std::unique_ptr<Expr> parseSelect() {
    auto e = make(ExprKind::Select, tok.loc);
    advance();
    expect("(");
    e->children.push_back(parseExpr());
    expect(",", "after select's keys");
    e->children.push_back(parseExpr());
    expect(",", "after select's queries");
    if (!(tok.is("==") || tok.is("!=") || tok.is("<") || tok.is(">") ||
          tok.is("<=") || tok.is(">=")))
      expected("a select predicate (==, !=, <, >, <=, >=)");
    e->text = tok.text.str();
    advance();
    expect(")", "to close select");
    return finish(std::move(e));
  }

  void parseIterators(Expr &e) {
    e.names.push_back(expectIdent("a loop variable name after 'for'"));
    while (tok.is(",")) {
      advance();
      e.names.push_back(expectIdent("a loop variable name"));
    }
    expect("in", "after the loop variables");
  }

  std::unique_ptr<Expr> parseListOrComp() {
    SMLoc start = tok.loc;
    advance();
    if (tok.is("]")) {
      advance();
      return finish(make(ExprKind::List, start));
    }
    auto first = parseExpr();
    if (tok.is("for")) {
      auto e = make(ExprKind::ListComp, start);
      advance();
      parseIterators(*e);
      e->children.push_back(std::move(first));
      e->children.push_back(parseExpr());
      expect("]", "to close the list comprehension");
      return finish(std::move(e));
    }
    auto e = make(ExprKind::List, start);
    e->children.push_back(std::move(first));
    while (tok.is(",")) {
      advance();
      e->children.push_back(parseExpr());
    }
    expect("]", "to close the list");
    return finish(std::move(e));
  }

  std::unique_ptr<Expr> parseDictOrComp() {
    SMLoc start = tok.loc;
    advance();
    if (tok.is("}")) {
      advance();
      return finish(make(ExprKind::Dict, start));
    }
    auto key = parseExpr();
    expect(":", "after the dict key");
    auto value = parseExpr();
    if (tok.is("for")) {
      auto e = make(ExprKind::DictComp, start);
      advance();
      parseIterators(*e);
      e->children.push_back(std::move(key));
      e->children.push_back(std::move(value));
      e->children.push_back(parseExpr());
      expect("}", "to close the dict comprehension");
      return finish(std::move(e));
    }
    auto e = make(ExprKind::Dict, start);
    e->children.push_back(std::move(key));
    e->children.push_back(std::move(value));
    while (tok.is(",")) {
      advance();
      e->children.push_back(parseExpr());
      expect(":", "after the dict key");
      e->children.push_back(parseExpr());
    }
    expect("}", "to close the dict");
    return finish(std::move(e));
  }

  Lexer lexer;
  Token tok;
  SMLoc prevEnd;
  unsigned depth = 0;
};

} // namespace

std::unique_ptr<Program>
rasp::frontend::parseProgram(llvm::SourceMgr &sourceMgr, unsigned bufferId) {
  auto program = std::make_unique<Program>();
  program->bufferId = bufferId;
  Parser parser(sourceMgr.getMemoryBuffer(bufferId)->getBuffer());
  program->statements = parser.parseFile();
  return program;
}
