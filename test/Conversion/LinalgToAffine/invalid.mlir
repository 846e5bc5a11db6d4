// RUN: rasp-opt %s -convert-select-reductions-to-affine="query-block=0" -verify-diagnostics

// expected-error @+1 {{query-block must be at least 1}}
func.func @zero_block() {
  return
}
