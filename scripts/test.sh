#!/usr/bin/env bash
# Builds (scripts/build.sh), then runs the whole test suite through ctest:
# one ctest test, check-rasp, runs every lit test (test/CMakeLists.txt).
# Exits non-zero when the build or any test fails.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/build.sh

build_dir=${BUILD_DIR:-build}
# The dialect reference generated from ODS must build too.
cmake --build "$build_dir" --target mlir-doc
test -s "$build_dir/docs/Dialects/RASPDialect.md"

# --verbose shows lit's summary (how many tests passed) even when all pass.
ctest --test-dir "$build_dir" --output-on-failure --verbose
