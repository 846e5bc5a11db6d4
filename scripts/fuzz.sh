#!/usr/bin/env bash
# Builds the libFuzzer harnesses (RASP_ENABLE_FUZZERS: the project compiled
# with -fsanitize=fuzzer-no-link,address,undefined, clang only) in
# build-fuzz-san and runs each for SECONDS (default 60), one after the other
# or, with FUZZ_PARALLEL=1, both at once.
#
#   scripts/fuzz.sh [SECONDS]
#
# Corpora grow in build-fuzz-san/corpus/<harness>/ (seeded from fuzz/corpus/);
# crashes, leaks and timeouts land in build-fuzz-san/artifacts/<harness>/;
# each run's log is build-fuzz-san/<harness>.log (libFuzzer's last stats line
# gives the executions). Known reproducers in fuzz/corpus/regressions/ run
# first (they must not crash any more once fixed).
# Environment: JOBS (ninja -j, default 2), FUZZ_PARALLEL, FUZZ_SKIP_BUILD=1.
set -u
cd "$(dirname "$0")/.."
ROOT=$PWD
SECONDS_EACH=${1:-60}
BUILD=$ROOT/build-fuzz-san
JOBS=${JOBS:-2}

if [ "${FUZZ_SKIP_BUILD:-0}" != 1 ]; then
  cmake -G Ninja -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_C_COMPILER=clang-22 -DCMAKE_CXX_COMPILER=clang++-22 \
    -DRASP_ENABLE_FUZZERS=ON >/dev/null || exit 1
  ninja -j"$JOBS" -C "$BUILD" rasp-fuzz-frontend rasp-fuzz-jit || exit 1
fi

# LLVM's JIT and libMLIR allocate objects that live until exit; leak reports
# from those are noise here; allow_user_poisoning=0: LLVM headers poison
# memory that uninstrumented libLLVM hands out (see docs/testing.md).
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1:allocator_may_return_null=1:allow_user_poisoning=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

run() {
  local harness=$1 timeout=$2 maxlen=$3
  local corpus=$BUILD/corpus/$harness artifacts=$BUILD/artifacts/$harness
  mkdir -p "$corpus" "$artifacts"
  local seeds=$ROOT/fuzz/corpus/${harness#rasp-fuzz-}
  # Regressions first: each must run cleanly.
  local regressions=()
  for f in "$ROOT"/fuzz/corpus/regressions/"${harness#rasp-fuzz-}"-*; do
    [ -f "$f" ] && regressions+=("$f")
  done
  if [ ${#regressions[@]} -gt 0 ]; then
    "$BUILD/bin/$harness" -timeout="$timeout" "${regressions[@]}" \
      >"$BUILD/$harness.regressions.log" 2>&1 &&
      echo "$harness: regressions pass" ||
      echo "$harness: a regression still fails (see $BUILD/$harness.regressions.log)"
  fi
  # -fork=1 with -ignore_*: a finding is saved and fuzzing goes on.
  "$BUILD/bin/$harness" "$corpus" "$seeds" -fork=1 -ignore_crashes=1 \
    -ignore_timeouts=1 -ignore_ooms=1 -rss_limit_mb=4096 \
    -timeout="$timeout" -max_len="$maxlen" -max_total_time="$SECONDS_EACH" \
    -artifact_prefix="$artifacts/" -print_final_stats=1 \
    >"$BUILD/$harness.log" 2>&1
  echo "$harness: $(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$BUILD/$harness.log" | tail -1)" \
       "$(grep -Eo '#[0-9]+' "$BUILD/$harness.log" | tail -1) execs," \
       "$(ls "$artifacts" | wc -l) artifact(s) in $artifacts"
}

if [ "${FUZZ_PARALLEL:-0}" = 1 ]; then
  run rasp-fuzz-frontend 10 4096 &
  run rasp-fuzz-jit 30 2100 &
  wait
else
  run rasp-fuzz-frontend 10 4096
  run rasp-fuzz-jit 30 2100
fi
