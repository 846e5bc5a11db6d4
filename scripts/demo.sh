#!/usr/bin/env bash
# The main job: builds everything (scripts/build.sh installs what it needs),
# then JIT-compiles each program of the paper ("Thinking Like Transformers")
# and runs it on a large random input, printing the first values and the
# compile and run times. N overrides the input length (default 10000000: every program has an O(n) or O(n log n) form).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/build.sh >/dev/null
build_dir=${BUILD_DIR:-build}
run="$build_dir/bin/rasp-run"
paper=test/Integration/Inputs/conformance/paper.rasp
n=${N:-10000000}

echo "rasp-run on the paper's programs, n = $n random tokens"
printf '%-14s %-12s %12s %12s  %s\n' s-op vocabulary compile_ms run_ms "first values"
for spec in hist:abcdefghijklmnopqrstuvwxyz reverse:abcdefghijklmnopqrstuvwxyz \
            sorted:abcdefghijklmnopqrstuvwxyz hist2:abcdefghijklmnopqrstuvwxyz \
            most_freq:abcdefghijklmnopqrstuvwxyz length:ab \
            dyck1:'()' dyck2:'(){}' dyck3:'(){}[]' shuffle_dyck2:'(){}'; do
  sop=${spec%%:*}
  vocab=${spec#*:}
  out=$(mktemp)
  timing=$("$run" "$paper" --sop "$sop" --random "$n" --vocab "$vocab" \
             --seed 1 --time --output-file "$out" 2>&1 >/dev/null)
  compile=$(echo "$timing" | sed -E 's/.*"compile_ms": ([0-9.]+).*/\1/')
  runtime=$(echo "$timing" | sed -E 's/.*"run_ms": ([0-9.]+).*/\1/')
  printf '%-14s %-12s %12s %12s  %s\n' "$sop" "$vocab" "$compile" "$runtime" \
    "$(head -n 8 "$out" | tr '\n' ' ')"
  rm -f "$out"
done
