#!/usr/bin/env bash
# Installs the dependencies, then configures and builds everything in build/
# (Release, Ninja, clang 22, against Debian's LLVM/MLIR 22).
# BUILD_DIR overrides the folder; JOBS the number of parallel jobs.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/install-deps.sh

build_dir=${BUILD_DIR:-build}
cmake -G Ninja -S . -B "$build_dir" \
  -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_C_COMPILER=clang-22 \
  -DCMAKE_CXX_COMPILER=clang++-22 \
  -DMLIR_DIR=/usr/lib/llvm-22/lib/cmake/mlir
cmake --build "$build_dir" ${JOBS:+--parallel "$JOBS"}
