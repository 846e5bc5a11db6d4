//===- Parser.h - RASP lexer and recursive-descent parser -------*- C++ -*-===//

#ifndef RASP_LIB_FRONTEND_PARSER_H
#define RASP_LIB_FRONTEND_PARSER_H

#include "AST.h"

#include "llvm/Support/SourceMgr.h"

namespace rasp::frontend {

/// Parses buffer `bufferId` of `sourceMgr`. Throws CompileError on a lexical
/// or syntax error.
std::unique_ptr<Program> parseProgram(llvm::SourceMgr &sourceMgr,
                                      unsigned bufferId);

} // namespace rasp::frontend

#endif // RASP_LIB_FRONTEND_PARSER_H
