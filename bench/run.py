#!/usr/bin/python3
"""Benchmark suite: rasp-run against hand-written C++ kernels and NumPy.

Everything is measured side by side in one run (this machine is noisy) and
reported as ratios. Writes bench/results/results.md and
bench/results/time_vs_n.png.

usage: bench/run.py [--build build] [--max-exp 16] [--numpy-max-exp 14] [--rounds 5]
"""
import argparse
import json
import os
import subprocess
import sys
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import numpy_rasp  # noqa: E402

PAPER = os.path.join(ROOT, "test/Integration/Inputs/conformance/paper.rasp")
GENERIC = os.path.join(HERE, "programs/generic.rasp")
LETTERS = "abcdefghijklmnopqrstuvwxyz"
PROGRAMS = [  # (s-op, vocabulary)
    ("hist", LETTERS), ("reverse", LETTERS), ("sorted", LETTERS),
    ("hist2", LETTERS), ("most_freq", LETTERS), ("dyck1", "()"),
    ("dyck2", "(){}"), ("dyck3", "(){}[]"), ("shuffle_dyck2", "(){}"),
]


def run_child(cmd):
    """Runs cmd; returns (stdout, stderr)."""
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed: {proc.stderr}")
    return proc.stdout, proc.stderr


def peak_rss_kib(cmd):
    """Peak RSS of one run of cmd (KiB), from wait4's rusage."""
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        os.execv(cmd[0], cmd)
    _, status, usage = os.wait4(pid, 0)
    return usage.ru_maxrss


def rasp_run(rasp, program, sop, n, vocab, threads, ints=None, extra=()):
    cmd = [rasp, program, "--sop", sop, "--time", "--threads", str(threads),
           "--output-file", os.devnull, *extra]
    if ints:
        cmd += ["--random-ints", str(n), "--range", ints]
    else:
        cmd += ["--random", str(n), "--vocab", vocab]
    _, err = run_child(cmd)
    timing = json.loads(err.strip().splitlines()[-1])
    return timing, cmd


def numpy_time(sop, n, vocab):
    rng = np.random.default_rng(1)
    t = rng.integers(0, len(vocab), n)
    codes = {c: i for i, c in enumerate(vocab)}
    fn = {
        "hist": lambda: numpy_rasp.hist(t),
        "reverse": lambda: numpy_rasp.reverse(t),
        "sorted": lambda: numpy_rasp.sorted_(t),
        "hist2": lambda: numpy_rasp.hist2(t),
        "most_freq": lambda: numpy_rasp.most_freq(t),
        "dyck1": lambda: numpy_rasp.dyck1(t, codes["("], codes[")"]),
        "dyck2": lambda: numpy_rasp.dyck(t, codes, ["()", "{}"]),
        "dyck3": lambda: numpy_rasp.dyck(t, codes, ["()", "{}", "[]"]),
        "shuffle_dyck2": lambda: numpy_rasp.shuffle_dyck2(t, codes),
    }[sop]
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def build_baseline(build):
    exe = os.path.join(build, "bench", "kernels")
    os.makedirs(os.path.dirname(exe), exist_ok=True)
    src = os.path.join(HERE, "baselines/kernels.cpp")
    if not os.path.exists(exe) or os.path.getmtime(exe) < os.path.getmtime(src):
        subprocess.check_call(["clang++-22", "-O3", "-march=native", "-std=c++17",
                               "-pthread", src, "-o", exe])
    return exe


def baseline_ms(exe, kernel, n, threads):
    out = subprocess.check_output([exe, kernel, str(n), str(threads), "3"], text=True)
    return float(out.split()[1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", default=os.path.join(ROOT, "build"))
    parser.add_argument("--min-exp", type=int, default=10)
    parser.add_argument("--max-exp", type=int, default=16)
    parser.add_argument("--numpy-max-exp", type=int, default=14)
    parser.add_argument("--rounds", type=int, default=5,
                        help="alternating 1/2-thread rounds of the generic kernels (best kept)")
    parser.add_argument("--out", default=os.path.join(HERE, "results"))
    args = parser.parse_args()
    rasp = os.path.join(args.build, "bin", "rasp-run")
    os.makedirs(args.out, exist_ok=True)
    exe = build_baseline(args.build)
    lines = ["# Benchmark results", "",
             f"Machine: {os.cpu_count()} cores; `{open('/proc/cpuinfo').read().split('model name')[1].splitlines()[0].strip(': ')}`; "
             f"AVX-512: {'yes' if ' avx512f' in open('/proc/cpuinfo').read() else 'no'}.",
             "All numbers come from one run of `bench/run.py`, side by side.", ""]

    # 1. The generic kernels against hand-written C++.
    n = 1 << args.max_exp
    lines += [f"## Generic kernels at n = {n} (G comparisons/s)", "",
              "| kernel | threads | rasp-run | hand-written C++ | ratio |", "| --- | --- | --- | --- | --- |"]
    generic, hand = {}, {}
    for kernel in ["lt_mean", "eq_count"]:
        # One and two threads alternate for --rounds rounds and each keeps its
        # best: a burst of load on this shared machine then spoils one round
        # of both, not one side of the ratio. --no-rewrite: the n-by-n kernel
        # itself (with the rewrites these selects become O(n log n) keyed
        # reductions); each rasp-run process keeps its best of 3 runs.
        for _ in range(args.rounds):
            for threads in [1, 2]:
                timing, _ = rasp_run(rasp, GENERIC, kernel, n, None, threads, ints="0:1000",
                                     extra=("--no-rewrite", "--repeat", "3"))
                run_ms = timing.get("best_run_ms", timing["run_ms"])
                base = baseline_ms(exe, kernel, n, threads)
                key = (kernel, threads)
                generic[key] = max(generic.get(key, 0), n * n / (run_ms * 1e6))
                hand[key] = max(hand.get(key, 0), n * n / (base * 1e6))
        for threads in [1, 2]:
            ours, theirs = generic[(kernel, threads)], hand[(kernel, threads)]
            lines.append(f"| {kernel} | {threads} | {ours:.2f} | {theirs:.2f} | {ours / theirs:.2f} |")
    for kernel in ["lt_mean", "eq_count"]:
        lines.append(f"\n{kernel}: two threads / one thread = {generic[(kernel, 2)] / generic[(kernel, 1)]:.2f}x"
                     f" (hand-written: {hand[(kernel, 2)] / hand[(kernel, 1)]:.2f}x)")
    lines.append("")

    # 2. The paper's programs against NumPy.
    lines += ["## Paper programs (one thread; ms)", "",
              "| program | n | compile | run | peak RSS MiB | NumPy | NumPy / run |",
              "| --- | --- | --- | --- | --- | --- | --- |"]
    series = {}
    for sop, vocab in PROGRAMS:
        for exp in range(args.min_exp, args.max_exp + 1):
            n = 1 << exp
            timing, cmd = rasp_run(rasp, PAPER, sop, n, vocab, 1)
            rss = peak_rss_kib(cmd) / 1024
            np_ms = numpy_time(sop, n, vocab) if exp <= args.numpy_max_exp else None
            ratio = f"{np_ms / timing['run_ms']:.0f}x" if np_ms else "-"
            np_text = f"{np_ms:.1f}" if np_ms else "-"
            lines.append(f"| {sop} | {n} | {timing['compile_ms']:.0f} | {timing['run_ms']:.2f} | "
                         f"{rss:.0f} | {np_text} | {ratio} |")
            series.setdefault(sop, []).append((n, timing["run_ms"], np_ms))
            print(lines[-1], flush=True)
    with open(os.path.join(args.out, "results.md"), "w") as f:
        f.write("\n".join(lines) + "\n")
    print("\n".join(lines))

    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("matplotlib missing (python3-matplotlib): no plot")
        return
    fig, ax = plt.subplots(figsize=(8, 5))
    for sop, points in series.items():
        line, = ax.loglog([p[0] for p in points], [p[1] for p in points], marker="o", label=f"{sop} (rasp-run)")
        np_points = [(p[0], p[2]) for p in points if p[2]]
        ax.loglog([p[0] for p in np_points], [p[1] for p in np_points], linestyle="--",
                  color=line.get_color(), label=f"{sop} (NumPy)")
    ax.set_xlabel("n (tokens)")
    ax.set_ylabel("run time (ms)")
    ax.set_title("rasp-run (JIT, one thread) vs NumPy dense selectors")
    ax.legend(fontsize=7, ncol=2)
    ax.grid(True, which="both", alpha=0.3)
    fig.savefig(os.path.join(args.out, "time_vs_n.png"), dpi=120, bbox_inches="tight")


if __name__ == "__main__":
    main()
