#!/usr/bin/python3
"""The paper's programs at large n: rasp-run against hand-written C++.

For each program and each n (default 10^5, 10^6, 10^7) one input file is
generated and given to both `rasp-run --time` and the hand-written C++
baseline (bench/baselines/paper_programs.cpp: counting histograms, gathers,
counting and radix sorts, prefix-sum scans), side by side in one run. Both
write their output files, which must agree byte for byte. For each process
the wall time and peak RSS (GNU time's %M) are measured; rasp-run's RSS is
also reported net of its peak RSS on a one-token input (the compiler's own
memory). Each pair runs --rounds times (default 5), C++ then rasp-run,
and the table gives medians and the range of the rounds' ratios: this
machine is noisy, and one run of a 10 ms program can be off by 2x. Runs
over --timeout print "timeout"; by default a program that times out is not
run at larger n.

Inputs: random tokens over a-z (--vocab); `sorted_ints` (sort over
tokens_int, bench/programs/sort_ints.rasp) reads random ints in
0..999999 (10^6 distinct values, --int-range). --dyck-vocab brackets gives
the dyck programs bracket inputs instead ("()", "(){}", "(){}[]").

Writes bench/results/beyond_n2.md (after every row, so a stopped run keeps
what it measured).

usage: bench/beyond_n2.py [--sizes 1e5,1e6,1e7] [--programs hist,reverse,...]
                          [--timeout 120] [--threads N] [--rounds 3] [--build build]
"""
import argparse
import datetime
import filecmp
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PAPER = os.path.join(ROOT, "test/Integration/Inputs/conformance/paper.rasp")
SORT_INTS = os.path.join(HERE, "programs/sort_ints.rasp")
BASELINE_SRC = os.path.join(HERE, "baselines/paper_programs.cpp")
LETTERS = "abcdefghijklmnopqrstuvwxyz"
PROGRAMS = ["hist", "reverse", "sorted", "hist2", "most_freq", "dyck1", "dyck2",
            "dyck3", "shuffle_dyck2", "sorted_ints"]
BRACKETS = {"dyck1": "()", "dyck2": "(){}", "dyck3": "(){}[]", "shuffle_dyck2": "(){}"}
# The targets quoted for issue 7.
RATIO_TARGET = 2.0
WALL_TARGET_MS = 2000.0
WALL_TARGET_PROGRAMS = ("hist", "reverse", "dyck1")
BYTES_TARGET = 64.0
CHECK_FROM = 10**5  # the targets are checked from this n on


def parse_size(text):
    value = float(text)
    if value != int(value) or value < 1:
        raise argparse.ArgumentTypeError(f"bad size {text}")
    return int(value)


def build_baseline(build):
    """Compiles paper_programs.cpp into BUILD/bench (if stale); returns the path."""
    exe = os.path.join(build, "bench", "paper_programs")
    os.makedirs(os.path.dirname(exe), exist_ok=True)
    if not os.path.exists(exe) or os.path.getmtime(exe) < os.path.getmtime(BASELINE_SRC):
        cxx = shutil.which("clang++-22") or shutil.which("clang++") or "g++"
        subprocess.check_call([cxx, "-O3", "-march=native", "-std=c++17", BASELINE_SRC, "-o", exe])
    return exe


class Result:
    def __init__(self, rc, stdout, stderr, wall_ms, rss_kib, timed_out):
        self.rc, self.stdout, self.stderr = rc, stdout, stderr
        self.wall_ms, self.rss_kib, self.timed_out = wall_ms, rss_kib, timed_out

    @property
    def ok(self):
        return not self.timed_out and self.rc == 0


TIME = "/usr/bin/time"


def run_measured(cmd, timeout):
    """Runs cmd (stdout, stderr to files): its wall time and peak RSS.

    The peak RSS comes from GNU time (`%M`) when it exists: wait4's ru_maxrss
    of a child forked from Python starts at Python's own RSS (about 11 MB),
    which would swamp small processes. On timeout the child's process group
    (it gets its own session) is killed."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile(mode="r") as rss_file:
        use_time = os.access(TIME, os.X_OK)
        full = [TIME, "-f", "%M", "-o", rss_file.name] + cmd if use_time else cmd
        start = time.perf_counter()
        proc = subprocess.Popen(full, stdout=out, stderr=err, start_new_session=True)
        killed = threading.Event()

        def kill():
            killed.set()
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

        timer = threading.Timer(timeout, kill)
        timer.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall_ms = (time.perf_counter() - start) * 1000
        timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)  # Popen must not wait again
        rc = proc.returncode
        rss_kib = usage.ru_maxrss
        if use_time:
            text = rss_file.read().strip().splitlines()
            # GNU time prints "Command exited with non-zero status N" first when N != 0.
            if text and text[-1].strip().isdigit():
                rss_kib = int(text[-1])
            if text and text[0].startswith("Command exited with non-zero status"):
                rc = int(text[0].split()[-1])
        out.seek(0)
        err.seek(0)
        return Result(rc, out.read().decode(errors="replace"),
                      err.read().decode(errors="replace"), wall_ms, rss_kib, killed.is_set())


def rasp_timing(stderr):
    """The --time JSON (the last JSON line on stderr)."""
    for line in reversed(stderr.strip().splitlines()):
        line = line.strip()
        if line.startswith("{"):
            return json.loads(line)
    return None


def cpp_time_ms(stdout):
    for word in stdout.split():
        if word.startswith("time_ms="):
            return float(word[len("time_ms="):])
    return None


def fmt(value, digits=1):
    return "-" if value is None else f"{value:.{digits}f}"


def fmt_ratio(ratio):
    if ratio is None:
        return "-"
    return f"{ratio:.0f}x" if ratio >= 100 else f"{ratio:.1f}x"


def median(values):
    """The median, or None when a value is missing."""
    values = list(values)
    if not values or any(v is None for v in values):
        return None
    return statistics.median(values)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1e5,1e6,1e7",
                        help="comma-separated n (default 1e5,1e6,1e7)")
    parser.add_argument("--programs", default=",".join(PROGRAMS),
                        help="comma-separated, from: " + " ".join(PROGRAMS))
    parser.add_argument("--timeout", type=float, default=120, help="seconds per run")
    parser.add_argument("--no-skip", action="store_true",
                        help="run larger n even after a program timed out")
    parser.add_argument("--threads", type=int, default=None,
                        help="rasp-run --threads (default: rasp-run's, all cores)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--vocab", default=LETTERS)
    parser.add_argument("--dyck-vocab", choices=["letters", "brackets"], default="letters",
                        help="dyck inputs over --vocab (default) or over their brackets")
    parser.add_argument("--int-range", default="0:999999", help="LO:HI of sorted_ints's input")
    parser.add_argument("--build", default=os.path.join(ROOT, "build"))
    parser.add_argument("--rasp-run", default=None, help="default: BUILD/bin/rasp-run")
    parser.add_argument("--paper", default=PAPER)
    parser.add_argument("--workdir", default=None,
                        help="where inputs and outputs go (default: a temporary directory)")
    parser.add_argument("--rounds", type=int, default=5,
                        help="runs of each (program, n) pair, C++ then rasp-run each round; "
                             "the table gives medians (default 5: this machine is noisy)")
    parser.add_argument("--out", default=os.path.join(HERE, "results", "beyond_n2.md"))
    args = parser.parse_args()

    if args.rounds < 1:
        parser.error("--rounds must be at least 1")
    sizes = [parse_size(s) for s in args.sizes.split(",") if s]
    programs = [p for p in args.programs.split(",") if p]
    for p in programs:
        if p not in PROGRAMS:
            parser.error(f"unknown program {p}")
    rasp = args.rasp_run or os.path.join(args.build, "bin", "rasp-run")
    if not os.access(rasp, os.X_OK):
        parser.error(f"{rasp} is not executable (bash scripts/build.sh)")
    exe = build_baseline(args.build)
    lo, hi = args.int_range.split(":")
    work = args.workdir or tempfile.mkdtemp(prefix="beyond_n2.")
    os.makedirs(work, exist_ok=True)

    inputs = {}

    def input_for(program, n):
        """(rasp-run input flag, path): generated once per (n, vocabulary)."""
        if program == "sorted_ints":
            key = ("ints", n)
            flag = "--ints-file"
        else:
            vocab = BRACKETS[program] if (args.dyck_vocab == "brackets" and program in BRACKETS) else args.vocab
            key = (vocab, n)
            flag = "--input-file"
        if key not in inputs:
            path = os.path.join(work, f"input_{len(inputs)}_{n}.txt")
            if key[0] == "ints":
                subprocess.check_call([exe, "gen-ints", str(n), str(args.seed), lo, hi, path])
            else:
                subprocess.check_call([exe, "gen", str(n), str(args.seed), key[0], path])
            inputs[key] = path
        return flag, inputs[key]

    def rasp_cmd(program, flag, path, output):
        source = SORT_INTS if program == "sorted_ints" else args.paper
        cmd = [rasp, source, "--sop", program, flag, path, "--output-file", output, "--time"]
        if args.threads is not None:
            cmd += ["--threads", str(args.threads)]
        return cmd

    cpu = "?"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    try:
        commit = subprocess.check_output(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"],
                                         text=True).strip()
        dirty = subprocess.check_output(
            ["git", "-C", ROOT, "status", "--porcelain", "--", "lib", "include", "tools",
             "mlir-dialect", "CMakeLists.txt"], text=True).strip()
        if dirty:
            commit += " plus uncommitted changes"
    except (OSError, subprocess.CalledProcessError):
        commit = "?"
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    header = [
        "# The paper's programs at large n: rasp-run against hand-written C++", "",
        f"{datetime.date.today()}, commit {commit} (rasp-run built from the working tree), "
        f"{os.cpu_count()} cores, `{cpu}`, {platform.system()} {platform.release()}, "
        f"load average at the start {load}. rasp-run: `{rasp}`.",
        "Command: `" + " ".join(["/usr/bin/python3", "bench/beyond_n2.py"] + sys.argv[1:]) + "`",
        "",
        f"Inputs: random tokens over `{args.vocab}`"
        + (", dyck programs over their brackets" if args.dyck_vocab == "brackets" else "")
        + f" (seed {args.seed}); sorted_ints: random ints in {lo}..{hi}. "
        f"rasp-run threads: {args.threads if args.threads is not None else 'default (all cores)'}; "
        "the C++ baseline (`bench/baselines/paper_programs.cpp`, `-O3 -march=native`) is single-threaded.",
        "",
        f"- Each (program, n) ran {args.rounds} round(s), the C++ then rasp-run, each a fresh "
        "process that runs the program once; times are medians over the rounds, peak RSS the "
        "largest. rasp/C++ is the median of the rounds' ratios; range: their smallest and largest.",
        "- compile, run: rasp-run's `--time` (`compile_ms`, and `run_ms`: the native code only).",
        "- wall: the whole rasp-run process (start, parse, compile, read the input file, run, "
        "write the output file).",
        "- RSS: peak resident set (GNU time's %M). net B/token = (peak - peak on a one-token input) / n; "
        "raw B/token = peak / n.",
        "- C++: the computation only (input read and output written outside the timer).",
        "- agree: both output files identical.",
        "",
        "| program | n | compile ms | run ms | wall ms | peak RSS MB | n=1 RSS MB | net B/token | "
        "raw B/token | C++ ms | C++ RSS MB | rasp/C++ | range | agree |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    rows = []
    checks = {"run": [], "wall": [], "bytes": []}  # (label, ok)

    def write():
        os.makedirs(os.path.dirname(args.out), exist_ok=True)
        lines = header + rows
        if any(checks.values()):
            lines += ["", "## Targets", ""]
            for key, title in (("run", f"run within {RATIO_TARGET:g}x of C++ (n >= {CHECK_FROM})"),
                               ("wall", f"wall under {WALL_TARGET_MS / 1000:g} s for "
                                        f"{', '.join(WALL_TARGET_PROGRAMS)} at n >= 10^7"),
                               ("bytes", f"under {BYTES_TARGET:g} B/token (net) at n >= 10^7")):
                if checks[key]:
                    met = [label for label, ok in checks[key] if ok]
                    missed = [label for label, ok in checks[key] if not ok]
                    lines.append(f"- {title}: met {len(met)} of {len(checks[key])}"
                                 + (f"; missed: {', '.join(missed)}" if missed else ""))
        with open(args.out, "w") as f:
            f.write("\n".join(lines) + "\n")

    baseline_rss = {}

    def one_token_rss(program):
        """rasp-run's peak RSS (KiB) on a one-token input of the same kind."""
        if program not in baseline_rss:
            flag, path = input_for(program, 1)
            res = run_measured(rasp_cmd(program, flag, path, os.path.join(work, "out_1.txt")),
                               args.timeout)
            baseline_rss[program] = res.rss_kib if res.ok else None
        return baseline_rss[program]

    print(f"work directory: {work}", flush=True)
    for program in programs:
        skip = False
        for n in sizes:
            if skip:
                rows.append(f"| {program} | {n} | skipped (timed out at a smaller n) |"
                            + " |" * 11)
                print(rows[-1], flush=True)
                write()
                continue
            flag, path = input_for(program, n)
            rasp_out = os.path.join(work, "out_rasp.txt")
            cpp_out = os.path.join(work, "out_cpp.txt")
            for stale in (rasp_out, cpp_out):
                if os.path.exists(stale):
                    os.remove(stale)
            base = one_token_rss(program)
            rounds = []  # (cpp, ras, agree)
            for _ in range(args.rounds):
                cpp = run_measured([exe, program, flag, path, "--output-file", cpp_out],
                                   args.timeout)
                ras = run_measured(rasp_cmd(program, flag, path, rasp_out), args.timeout)
                agree = cpp.ok and ras.ok and filecmp.cmp(rasp_out, cpp_out, shallow=False)
                rounds.append((cpp, ras, agree))
                if not ras.ok or not cpp.ok or not agree:
                    break
            cpp, ras, _ = rounds[-1]
            cpp_ok = all(c.ok for c, _, _ in rounds)
            ras_ok = all(r.ok for _, r, _ in rounds)
            cpp_times = [cpp_time_ms(c.stdout) for c, _, _ in rounds] if cpp_ok else []
            cpp_ms = median(cpp_times) if cpp_ok and None not in cpp_times else None
            cpp_text = fmt(cpp_ms, 4) if cpp_ok else ("timeout" if cpp.timed_out else "error")
            cpp_rss = fmt(max(c.rss_kib for c, _, _ in rounds) / 1024) if cpp_ok else "-"
            base_mb = fmt(base / 1024) if base else "-"
            if ras_ok:
                timings = [rasp_timing(r.stderr) or {} for _, r, _ in rounds]
                compile_ms = median([t.get("compile_ms") for t in timings])
                run_times = [t.get("run_ms") for t in timings]
                run_ms = median(run_times)
                wall_ms = median([r.wall_ms for _, r, _ in rounds])
                rss_kib = max(r.rss_kib for _, r, _ in rounds)
                rss_mb = rss_kib / 1024
                net = (rss_kib - base) * 1024 / n if base else None
                raw = rss_kib * 1024 / n
                ratios = ([r / c for r, c in zip(run_times, cpp_times)]
                          if cpp_ms and None not in run_times and None not in cpp_times and all(cpp_times)
                          else [])
                ratio = median(ratios) if ratios else None
                spread = (f"{fmt_ratio(min(ratios))}-{fmt_ratio(max(ratios))}"
                          if len(ratios) > 1 else "-")
                agree = "yes" if all(a for _, _, a in rounds) else "NO"
                rows.append(f"| {program} | {n} | {fmt(compile_ms, 0)} | {fmt(run_ms, 2)} | "
                            f"{fmt(wall_ms, 0)} | {fmt(rss_mb)} | {base_mb} | {fmt(net)} | "
                            f"{fmt(raw)} | {cpp_text} | {cpp_rss} | "
                            f"{fmt_ratio(ratio)} | {spread} | {agree} |")
                if ratio is not None and n >= CHECK_FROM:
                    checks["run"].append((f"{program} n={n} ({fmt_ratio(ratio)})", ratio <= RATIO_TARGET))
                if n >= 10**7 and program in WALL_TARGET_PROGRAMS:
                    checks["wall"].append((f"{program} n={n} ({wall_ms:.0f} ms)",
                                           wall_ms < WALL_TARGET_MS))
                if n >= 10**7 and net is not None:
                    checks["bytes"].append((f"{program} n={n} ({net:.0f} B/token)", net < BYTES_TARGET))
                if agree == "NO":
                    print(f"error: outputs differ: {rasp_out} {cpp_out}", file=sys.stderr)
                    keep = os.path.join(work, f"differs_{program}_{n}")
                    shutil.copy(rasp_out, keep + ".rasp.txt")
                    shutil.copy(cpp_out, keep + ".cpp.txt")
            else:
                what = (f"timeout (> {args.timeout:g} s)" if ras.timed_out
                        else "error: " + (ras.stderr.strip().splitlines() or ["?"])[-1][:80].replace("|", "/"))
                rows.append(f"| {program} | {n} | {what} | | | | {base_mb} | | | {cpp_text} | "
                            f"{cpp_rss} | | | |")
                if n >= CHECK_FROM:
                    checks["run"].append((f"{program} n={n} ({'timeout' if ras.timed_out else 'error'})", False))
                if n >= 10**7 and program in WALL_TARGET_PROGRAMS:
                    checks["wall"].append((f"{program} n={n} ({'timeout' if ras.timed_out else 'error'})", False))
                    skip = not args.no_skip
            print(rows[-1], flush=True)
            write()
    for path in (os.path.join(work, "out_rasp.txt"), os.path.join(work, "out_cpp.txt")):
        if os.path.exists(path):
            os.remove(path)
    if not args.workdir:
        for path in inputs.values():
            os.remove(path)
        for name in os.listdir(work):
            if not name.startswith("differs_"):
                os.remove(os.path.join(work, name))
        if not os.listdir(work):
            os.rmdir(work)
    write()
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
