#!/usr/bin/env python3
"""Runs rasp-run on every case of a conformance file and compares the outputs.

Each line of the cases file (shared/conformance/expected.jsonl) is one case:
  {"file": "paper.rasp", "sop": "hist", "input": "hello", "output": [1, 1, 2, 2, 1]}
  {"file": "errors.rasp", "sop": "mix_strings", "input": "abc", "error": "several ..."}
An input "ints:5 3 8" means integer tokens (passed as --ints "5 3 8"); any other
input is a string whose characters are the tokens (passed as --input STR).

For each case this runs
  rasp-run PROGRAMS/FILE --sop SOP (--input STR | --ints "...") --format json EXTRA...
and compares: numbers within 1e-9 relative (an int and a float of the same
value are equal: the dialect's numeric aggregates are floats), strings and
bools exactly, lengths exactly. An "error" case must exit with status 1 and
print the error text on stderr. Prints one line per failure, then
`N passed, M failed`; exits 1 if any case failed.

Usage:
  check_conformance.py --rasp-run build/bin/rasp-run --extra-args=--interpret \\
      --cases test/Integration/Inputs/conformance/expected.jsonl \\
      --programs test/Integration/Inputs/conformance
(--extra-args takes one shell-quoted string; write it with `=` so that its
leading dashes are not read as an option of this script; it may be repeated.)
"""

import argparse
import json
import math
import os
import shlex
import subprocess
import sys

REL_TOL = 1e-9
ABS_TOL = 1e-12  # a float result that should be 0 may come out as 1e-17


def same_value(actual, expected):
    if expected is None or actual is None:  # JSON null: nan or inf
        return actual is None and expected is None
    if isinstance(expected, bool) or isinstance(actual, bool):
        return isinstance(expected, bool) and isinstance(actual, bool) and actual == expected
    if isinstance(expected, str) or isinstance(actual, str):
        return isinstance(expected, str) and isinstance(actual, str) and actual == expected
    if isinstance(expected, (int, float)) and isinstance(actual, (int, float)):
        return math.isclose(actual, expected, rel_tol=REL_TOL, abs_tol=ABS_TOL)
    return False


def same_output(actual, expected):
    return (isinstance(actual, list) and len(actual) == len(expected)
            and all(same_value(a, e) for a, e in zip(actual, expected)))


def run_case(args, extra, case):
    program = os.path.join(args.programs, case["file"])
    command = [args.rasp_run, program, "--sop", case["sop"]]
    text = case["input"]
    if text.startswith("ints:"):
        command += ["--ints", text[len("ints:"):].strip()]
    else:
        command += ["--input", text]
    command += ["--format", "json"] + extra
    try:
        proc = subprocess.run(command, capture_output=True, text=True,
                              timeout=args.timeout)
    except subprocess.TimeoutExpired:
        return "timed out after %ss" % args.timeout
    except OSError as err:
        return "cannot run %s: %s" % (command[0], err)
    shown = " ".join(shlex.quote(c) for c in command)
    if "error" in case:
        if proc.returncode != 1:
            return "%s: expected exit status 1 and an error, got status %d, stdout %r" % (
                shown, proc.returncode, proc.stdout.strip())
        if case["error"] not in proc.stderr:
            return "%s: stderr %r lacks %r" % (shown, proc.stderr.strip(), case["error"])
        return None
    if proc.returncode != 0:
        return "%s: exit status %d, stderr %r" % (shown, proc.returncode, proc.stderr.strip())
    try:
        actual = json.loads(proc.stdout)
    except ValueError:
        return "%s: output is not JSON: %r" % (shown, proc.stdout)
    if not same_output(actual, case["output"]):
        return "%s: got %s, expected %s" % (shown, json.dumps(actual), json.dumps(case["output"]))
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rasp-run", required=True, help="path of rasp-run")
    parser.add_argument("--extra-args", action="append", default=[],
                        help="more rasp-run arguments, one shell-quoted string "
                             "(write --extra-args=--interpret)")
    parser.add_argument("--cases", required=True, help="expected.jsonl")
    parser.add_argument("--programs", required=True,
                        help="directory holding the cases' .rasp files")
    parser.add_argument("--timeout", type=float, default=120,
                        help="seconds per case (default 120)")
    args = parser.parse_args()
    extra = [arg for chunk in args.extra_args for arg in shlex.split(chunk)]

    passed = failed = 0
    with open(args.cases) as cases:
        for number, line in enumerate(cases, 1):
            if not line.strip():
                continue
            case = json.loads(line)
            problem = run_case(args, extra, case)
            if problem is None:
                passed += 1
            else:
                failed += 1
                print("FAIL line %d (%s %s %r): %s" % (
                    number, case["file"], case["sop"], case["input"], problem))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
