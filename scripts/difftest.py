#!/usr/bin/env python3
"""Differential testing: random RASP programs through the JIT and the interpreter.

Generates random well-typed RASP programs (every select predicate, selector
and/or/not, every map operator including / % ^ round indicator, conditionals,
`in [..]`, list/string/dict look-ups, string concatenation, int/float/bool/
string s-ops, aggregates with and without defaults, selector_width, s[i],
length; expression depth 1..4) and random inputs (strings over small
vocabularies, ints with negatives and zeros, n = 0, 1, 2..30). Every s-op runs
through `rasp-run` (the JIT) and `rasp-run --interpret` (the reference
interpreter) with `--format json`, and the two must agree:

- both succeed with the same values: same length, strings and bools exact,
  ints exact, numbers within 1e-9 relative (JSON null, i.e. nan/inf, only
  equals null), and the same JSON kinds (an int where the other has a float
  is a disagreement);
- or both fail with exit status 1 and the same `error: ...` text (the run-time
  error's message, its s-op, location and position);
- and neither crashes (any other exit status) or hangs (--timeout).

Deterministic from --seed. A program file holds several s-ops (s0, s1, ...),
each a generated expression; rasp-run compiles one --sop per invocation.

  difftest.py --rasp-run build/bin/rasp-run --seed 1 --count 200
  difftest.py --rasp-run build/bin/rasp-run --soak 600 --out /tmp/difftest

On a disagreement the s-op is reduced (a smaller input, then smaller
sub-expressions of the same type, while the same kind of disagreement stays)
and written to OUT/case-SEED-K/ (prog.rasp, cmd.sh, report.txt), and printed.
Exit status: 0 if every s-op agreed, 1 otherwise.
"""

import argparse
import concurrent.futures
import json
import math
import os
import random
import shlex
import shutil
import subprocess
import sys
import tempfile
import time

REL_TOL = 1e-9
ABS_TOL = 1e-12

PREDICATES = ["==", "!=", "<", ">", "<=", ">="]
CMP_OPS = ["==", "<", ">", "<=", ">="]  # `!=` exists only in select

# ---------------------------------------------------------------------------
# Expressions: a small typed AST, rendered fully parenthesised.


class Node:
    """An expression: `fmt` with {0}, {1}, ... for the children.

    typ: 'int' | 'float' | 'bool' | 'str' for s-ops, 'sel' for selectors,
    'cint' | 'cfloat' | 'cstr' | 'cbool' for compile-time constants.
    """

    __slots__ = ("fmt", "kids", "typ")

    def __init__(self, fmt, typ, *kids):
        self.fmt = fmt
        self.typ = typ
        self.kids = list(kids)

    def render(self):
        return self.fmt.format(*[k.render() for k in self.kids])

    def size(self):
        return 1 + sum(k.size() for k in self.kids)

    def walk(self):
        yield self
        for k in self.kids:
            yield from k.walk()


def leaf(text, typ):
    return Node(text.replace("{", "{{").replace("}", "}}"), typ)


def py_str(s):
    return '"' + s + '"'  # RASP strings have no escapes; ours have no quotes


class Gen:
    """Random expressions of one type, for one input mode."""

    def __init__(self, rng, mode, vocab):
        self.rng = rng
        self.mode = mode  # 'str' (tokens are characters) or 'ints'
        self.vocab = vocab  # strings the tokens may be
        self.concats = 0

    # -- constants -----------------------------------------------------------
    def cint(self, lo=-3, hi=5):
        v = self.rng.randint(lo, hi)
        return leaf(str(v) if v >= 0 else "(%d)" % v, "cint")

    def cfloat(self):
        v = self.rng.choice([0.5, 1.5, 2.5, -0.5, -2.5, 0.0, 3.25, 1.0, 0.1])
        return leaf(repr(v) if v >= 0 else "(%r)" % v, "cfloat")

    def cstr(self):
        pool = self.vocab + ["", "q", self.rng.choice(self.vocab) * 2]
        return leaf(py_str(self.rng.choice(pool)), "cstr")

    def cbool(self):
        return leaf(self.rng.choice(["True", "False"]), "cbool")

    def const_of(self, typ):
        if typ == "int":
            return self.cint()
        if typ == "float":
            return self.rng.choice([self.cfloat, self.cint])()
        if typ == "bool":
            return self.cbool()
        return self.cstr()

    # -- leaves --------------------------------------------------------------
    def leaf_of(self, typ):
        r = self.rng
        if typ == "int":
            opts = ["indices", "length"]
            if self.mode == "ints":
                opts += ["tokens_int"] * 3
            return leaf(r.choice(opts), "int")
        if typ == "float":
            if self.mode == "ints" and r.random() < 0.6:
                return leaf("tokens_float", "float")
            return Node("({0} / {1})", "float", self.leaf_of("int"),
                        r.choice([self.cint(1, 4), self.cfloat()]))
        if typ == "bool":
            if self.mode == "ints" and r.random() < 0.5:
                return leaf("tokens_bool", "bool")
            return Node("({0} %s {1})" % r.choice(CMP_OPS), "bool",
                        self.leaf_of("int"), self.cint(0, 4))
        return leaf("tokens", "str")

    # -- s-op expressions ----------------------------------------------------
    def sop(self, typ, depth):
        """An s-op of type `typ` (numeric: 'int' or 'float')."""
        if depth <= 0:
            return self.leaf_of(typ)
        return getattr(self, "sop_" + typ)(depth - 1)

    def operand(self, typ, depth, const_ok=True):
        """An s-op or (sometimes) a constant of `typ`."""
        if const_ok and self.rng.random() < 0.3:
            return self.const_of(typ)
        return self.sop(typ, self.rng.randint(0, depth))

    def numeric(self, depth):
        return self.sop(self.rng.choice(["int", "int", "float"]), depth)

    def pair(self, typ_a, typ_b, depth):
        """Two operands, at least one an s-op."""
        a = self.operand(typ_a, depth)
        b = self.operand(typ_b, depth, const_ok=not a.typ.startswith("c"))
        if self.rng.random() < 0.5 and not a.typ.startswith("c") and not b.typ.startswith("c"):
            return a, b
        return a, b

    def sop_int(self, d):
        r = self.rng
        choice = r.choice(["arith", "arith", "mod", "pow", "neg", "round",
                           "indicator", "width", "width", "where", "lookup",
                           "dict", "prelude", "leaf"])
        if choice == "arith":
            a, b = self.pair("int", "int", d)
            return Node("({0} %s {1})" % r.choice(["+", "-", "*"]), "int", a, b)
        if choice == "mod":
            a, b = self.pair("int", "int", d)
            return Node("({0} % {1})", "int", a, self.divisor(b))
        if choice == "pow":
            return Node("({0} ^ {1})", "int", self.sop("int", d),
                        self.cint(0, 3))
        if choice == "neg":
            return Node("(-{0})", "int", self.sop("int", d))
        if choice == "round":
            return Node("round({0})", "int", self.numeric(d))
        if choice == "indicator":
            return Node("indicator({0})", "int", self.sop("bool", d))
        if choice == "width":
            return Node("selector_width({0})", "int", self.sel(d))
        if choice == "where":
            return self.where("int", d)
        if choice == "lookup":
            items = [self.cint(-9, 9) for _ in range(r.randint(1, 5))]
            table = "[" + ", ".join(i.render() for i in items) + "]"
            return Node(table.replace("{", "{{").replace("}", "}}") + "[{0}]",
                        "int", self.key_in(self.sop("int", d), len(items)))
        if choice == "dict":
            return self.dict_lookup("int", d)
        if choice == "prelude":
            if r.random() < 0.5:
                t = r.choice(["int", "str"])
                return Node("count({0}, {1})", "int", self.sop(t, d), self.const_of(t))
            return Node("%s({0}, {1})" % r.choice(["max", "min"]), "int",
                        self.sop("int", d), self.operand("int", d))
        return self.leaf_of("int")

    def sop_float(self, d):
        r = self.rng
        choice = r.choice(["div", "arith", "mod", "pow", "neg", "agg", "agg",
                           "index", "where", "lookup", "prelude", "leaf"])
        if choice == "div":
            a, b = self.pair(r.choice(["int", "float"]), r.choice(["int", "float"]), d)
            return Node("({0} / {1})", "float", a, self.divisor(b))
        if choice in ("arith", "mod"):
            a, b = self.pair("float", r.choice(["int", "float"]), d)
            if r.random() < 0.5:
                a, b = b, a
            if a.typ in ("int", "cint") and b.typ in ("int", "cint"):
                b = self.sop("float", d)
            op = "%" if choice == "mod" else r.choice(["+", "-", "*"])
            if op == "%":
                b = self.divisor(b)
            return Node("({0} %s {1})" % op, "float", a, b)
        if choice == "pow":
            base = self.numeric(d)
            exp = r.choice([self.cfloat(), leaf("(-1)", "cint"),
                            leaf("(-2)", "cint"), self.numeric(d)])
            if base.typ == "int" and exp.typ == "int":
                exp = self.sop("float", d)
            return Node("({0} ^ {1})", "float", base, exp)
        if choice == "neg":
            return Node("(-{0})", "float", self.sop("float", d))
        if choice == "agg":
            sel = self.sel(d)
            vals = self.numeric(d)
            if r.random() < 0.5:
                return Node("aggregate({0}, {1})", "float", sel, vals)
            return Node("aggregate({0}, {1}, {2})", "float", sel, vals,
                        r.choice([self.cint(), self.cfloat()]))
        if choice == "index":
            return Node("{0}[%s]" % self.index_const(), "float", self.numeric(d))
        if choice == "where":
            return self.where("float", d)
        if choice == "lookup":
            items = [self.cfloat() for _ in range(r.randint(1, 4))]
            table = "[" + ", ".join(i.render() for i in items) + "]"
            return Node(table + "[{0}]", "float",
                        self.key_in(self.sop("int", d), len(items)))
        if choice == "prelude":
            return self.prelude_agg("float", d)
        return self.leaf_of("float")

    def sop_bool(self, d):
        r = self.rng
        choice = r.choice(["cmp", "cmp", "cmpstr", "logic", "not", "in",
                           "agg", "index", "where", "lookup", "truthy",
                           "contains", "cmpbool", "prelude", "leaf"])
        if choice == "cmp":
            a, b = self.pair(r.choice(["int", "float"]), r.choice(["int", "float"]), d)
            return Node("({0} %s {1})" % r.choice(CMP_OPS), "bool", a, b)
        if choice == "cmpstr":
            a, b = self.pair("str", "str", d)
            return Node("({0} %s {1})" % r.choice(CMP_OPS), "bool", a, b)
        if choice == "logic":
            a, b = self.pair("bool", "bool", d)
            return Node("({0} %s {1})" % r.choice(["and", "or"]), "bool", a, b)
        if choice == "not":
            return Node("(not {0})", "bool", self.sop("bool", d))
        if choice == "in":
            if r.random() < 0.5:
                items = [self.cstr().render() for _ in range(r.randint(1, 4))]
                return Node("({0} in [%s])" % ", ".join(items), "bool",
                            self.sop("str", d))
            items = [r.choice([self.cint(), self.cfloat()]).render()
                     for _ in range(r.randint(1, 4))]
            return Node("({0} in [%s])" % ", ".join(items), "bool",
                        self.numeric(d))
        if choice == "agg":
            return self.categorical_agg("bool", d)
        if choice == "index":
            return Node("{0}[%s]" % self.index_const(), "bool", self.sop("bool", d))
        if choice == "where":
            return self.where("bool", d)
        if choice == "lookup":
            items = [r.choice(["True", "False"]) for _ in range(r.randint(1, 4))]
            return Node("[%s][{0}]" % ", ".join(items), "bool",
                        self.key_in(self.sop("int", d), len(items)))
        if choice == "truthy":  # and/or/not on non-bool s-ops: truthiness
            a = self.sop(r.choice(["int", "float", "str"]), d)
            if r.random() < 0.5:
                return Node("(not {0})", "bool", a)
            b = self.sop(r.choice(["int", "bool", "str"]), d)
            return Node("({0} %s {1})" % r.choice(["and", "or"]), "bool", a, b)
        if choice == "contains":  # constant in s-op: the reference's construction
            if r.random() < 0.5:
                return Node("(%s in {0})" % self.cstr().render(), "bool",
                            self.sop("str", d))
            return Node("(%s in {0})" % self.cint().render(), "bool",
                        self.sop("int", d))
        if choice == "cmpbool":  # a bool facing a number compares as an int
            a = self.sop("bool", d)
            b = self.operand(r.choice(["int", "float", "bool"]), d)
            if r.random() < 0.5:
                a, b = b, a
            return Node("({0} %s {1})" % r.choice(CMP_OPS), "bool", a, b)
        if choice == "prelude":
            form = r.choice(["contains", "has_focus", "mark", "agg"])
            if form == "contains":
                t = r.choice(["int", "str"])
                return Node("contains({0}, {1})", "bool", self.sop(t, d), self.const_of(t))
            if form == "has_focus":
                return Node("has_focus({0})", "bool", self.sel(d))
            if form == "mark":
                t = r.choice(["int", "str"])
                return Node("mark_last_instance({0}, {1})", "bool", self.sop(t, d),
                            self.const_of(t))
            return self.prelude_agg("bool", d)
        return self.leaf_of("bool")

    def prelude_agg(self, typ, d):
        """load_from_location, shift, sort, average: aggregates in RASP."""
        r = self.rng
        vals = self.numeric(d) if typ == "float" else self.sop(typ, d)
        form = r.choice(["load", "shift", "sort", "average" if typ == "float" else "sort"])
        if form == "load":
            return Node("load_from_location({0}, {1})", typ, vals,
                        self.operand("int", d))
        if form == "shift":
            filler = self.const_of(typ) if typ != "float" else r.choice([self.cint(), self.cfloat()])
            return Node("shift({0}, %d, {1})" % r.randint(-2, 3), typ, vals, filler)
        if form == "sort":
            return Node("sort({0}, {1})", typ, vals,
                        self.sop(r.choice(["int", "float", "str"]), d))
        return Node("average({0})", "float", vals)

    def sop_str(self, d):
        r = self.rng
        choice = r.choice(["concat", "agg", "agg", "index", "where", "where",
                           "lookup", "strlookup", "dict", "prelude", "leaf"])
        if choice == "concat" and self.concats < 2:
            self.concats += 1
            a, b = self.pair("str", "str", d)
            return Node("({0} + {1})", "str", a, b)
        if choice == "agg":
            return self.categorical_agg("str", d)
        if choice == "index":
            return Node("{0}[%s]" % self.index_const(), "str", self.sop("str", d))
        if choice == "where":
            return self.where("str", d)
        if choice == "lookup":
            items = [self.cstr().render() for _ in range(r.randint(1, 4))]
            return Node("[%s][{0}]" % ", ".join(items), "str",
                        self.key_in(self.sop("int", d), len(items)))
        if choice == "strlookup":
            text = "".join(r.choice(self.vocab + ["z"]) for _ in range(r.randint(1, 5)))
            return Node(py_str(text) + "[{0}]", "str",
                        self.key_in(self.sop("int", d), len(text)))
        if choice == "dict":
            return self.dict_lookup("str", d)
        if choice == "prelude":
            return self.prelude_agg("str", d)
        return self.leaf_of("str")

    # -- shared forms --------------------------------------------------------
    def divisor(self, b):
        """Most of the time, a divisor that cannot be 0 (x*x + 1)."""
        if b.typ in ("int", "float") and self.rng.random() < 0.6:
            return Node("(({0} * {0}) + 1)", b.typ, b)
        return b

    def key_in(self, key, size):
        """Most of the time, an int key wrapped into 0..size-1 (floored %)."""
        if self.rng.random() < 0.7:
            return Node("({0} %% %d)" % size, "int", key)
        return key

    def index_const(self):
        v = self.rng.choice([0, 1, 2, 3, -1, -2, 5])
        return str(v) if v >= 0 else "(%d)" % v

    def where(self, typ, d):
        r = self.rng
        cond = self.sop("bool", d) if r.random() < 0.8 else self.sop(
            r.choice(["int", "str"]), d)  # truthiness of a non-bool condition
        if typ == "float":
            a = self.operand(r.choice(["int", "float"]), d)
            b = self.operand("float", d)
            if r.random() < 0.5:
                a, b = b, a
        else:
            a = self.operand(typ, d)
            b = self.operand(typ, d)
        return Node("({0} if {1} else {2})", typ, a, cond, b)

    def categorical_agg(self, typ, d):
        r = self.rng
        sel = self.sel(d)
        vals = self.sop(typ, d)
        kind = r.choice(["none", "same", "same", "zero"])
        if kind == "none":  # the default is the int 0
            return Node("aggregate({0}, {1})", typ, sel, vals)
        if kind == "zero":
            return Node("aggregate({0}, {1}, 0)", typ, sel, vals)
        return Node("aggregate({0}, {1}, {2})", typ, sel, vals, self.const_of(typ))

    def dict_lookup(self, typ, d):
        r = self.rng
        if r.random() < 0.5:  # string keys, a string s-op as the key
            keys = sorted(set(r.choice(self.vocab + ["z"]) for _ in range(r.randint(1, 5))))
            if r.random() < 0.7:  # every token is a key
                keys = sorted(set(keys) | set(self.vocab))
            key = self.sop("str", d)
            keys = [py_str(k) for k in keys]
        else:
            keys = sorted(set(r.randint(-3, 5) for _ in range(r.randint(1, 5))))
            key = self.sop("int", d)
            if r.random() < 0.7:
                size = r.randint(1, 5)
                keys = list(range(size))
                key = Node("({0} %% %d)" % size, "int", key)
            keys = [str(k) for k in keys]
        vals = [self.const_of(typ).render() for _ in keys]
        table = "{" + ", ".join("%s: %s" % kv for kv in zip(keys, vals)) + "}"
        return Node(table.replace("{", "{{").replace("}", "}}") + "[{0}]", typ, key)

    # -- selectors -----------------------------------------------------------
    def sel(self, d):
        r = self.rng
        if d > 0 and r.random() < 0.35:
            form = r.choice(["and", "or", "not"])
            if form == "not":
                return Node("(not {0})", "sel", self.sel(d - 1))
            return Node("({0} %s {1})" % form, "sel", self.sel(d - 1), self.sel(d - 1))
        kind = r.choice(["num", "num", "num", "str", "bool", "mixed", "prelude"])
        pred = r.choice(PREDICATES)
        if kind == "prelude":
            form = r.choice(["full", "last", "next"])
            if form == "full":
                return leaf("full_s", "sel")
            t = r.choice(["int", "str"])
            if form == "last":
                return Node("select_from_last({0}, {1})", "sel", self.sop(t, max(0, d - 1)),
                            self.const_of(t))
            return Node("select_next_identical({0})", "sel", self.sop(t, max(0, d - 1)))
        if kind == "mixed":  # bool keys, numeric queries (or the reverse)
            k = self.operand("bool", max(0, d - 1))
            q = self.operand(r.choice(["int", "float"]), max(0, d - 1))
            if r.random() < 0.5:
                k, q = q, k
            return Node("select({0}, {1}, %s)" % pred, "sel", k, q)
        sub = max(0, d - 1)
        if kind == "num":
            k = self.operand(r.choice(["int", "int", "float"]), sub)
            q = self.operand(r.choice(["int", "int", "float"]), sub)
        elif kind == "str":
            k = self.operand("str", sub)
            q = self.operand("str", sub)
        else:
            k = self.operand("bool", sub)
            q = self.operand("bool", sub)
        return Node("select({0}, {1}, %s)" % pred, "sel", k, q)


# ---------------------------------------------------------------------------
# Programs and inputs.

STR_VOCABS = [["a", "b"], ["a", "b", "c"], ["x", "y", "z"], ["(", ")"],
              ["a", "b", "0", "1"], ["a", "(", ")", "b"]]


def gen_input(rng, mode, vocab):
    u = rng.random()
    if u < 0.06:
        n = 0
    elif u < 0.16:
        n = 1
    elif u < 0.75:
        n = rng.randint(2, 8)
    else:
        n = rng.randint(9, 30)
    if mode == "str":
        return ("str", "".join(rng.choice(vocab) for _ in range(n)))
    lo, hi = rng.choice([(-3, 3), (0, 5), (-20, 20), (-1, 1)])
    return ("ints", " ".join(str(rng.randint(lo, hi)) for _ in range(n)))


class Program:
    def __init__(self, seed, index, mode, vocab, sops, wrapped, inputs):
        self.seed = seed
        self.index = index
        self.mode = mode
        self.vocab = vocab
        self.sops = sops  # list of Node
        self.wrapped = wrapped  # s-op k is defined through a function call
        self.inputs = inputs

    def source(self, only=None):
        lines = ["# difftest seed %d program %d (%s mode)" % (self.seed, self.index, self.mode)]
        for k, expr in enumerate(self.sops):
            if only is not None and k != only:
                continue
            lines += sop_source("s%d" % k, expr, self.wrapped[k])
        return "\n".join(lines) + "\n"


def sop_source(name, expr, wrapped):
    if wrapped:  # a call: locations become call sites
        return ["def f_%s(unused) {" % name,
                "    v = %s;" % expr.render(),
                "    return v;",
                "}",
                "%s = f_%s(0);" % (name, name)]
    return ["%s = %s;" % (name, expr.render())]


def gen_program(seed, index, sops_per_program, inputs_per_program):
    rng = random.Random("%d/%d" % (seed, index))
    mode = rng.choice(["str", "ints"])
    vocab = rng.choice(STR_VOCABS) if mode == "str" else ["0", "1", "-1", "2"]
    sops = []
    for _ in range(sops_per_program):
        g = Gen(rng, mode, vocab)
        typ = rng.choice(["int", "float", "bool", "str"])
        depth = rng.randint(1, 4)
        sops.append(g.sop(typ, depth))
    wrapped = [rng.random() < 0.15 for _ in sops]
    inputs = [gen_input(rng, mode, vocab) for _ in range(inputs_per_program)]
    return Program(seed, index, mode, vocab, sops, wrapped, inputs)


# ---------------------------------------------------------------------------
# Running and comparing.


class Result:
    __slots__ = ("status", "stdout", "stderr", "value")

    def __init__(self, status, stdout, stderr):
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
        self.value = None
        if status == 0:
            try:
                self.value = json.loads(stdout)
            except ValueError:
                self.value = ("unparsable", stdout)

    def describe(self):
        if self.status == 0:
            return self.stdout.strip()
        if self.status == "timeout":
            return "TIMEOUT"
        return "exit %s: %s" % (self.status, self.stderr.strip())


JIT_ARGS = []  # --jit-args: extra flags of the JIT runs (e.g. --threads 2)


def command(rasp_run, path, sop, inp, interpret):
    cmd = [rasp_run, path, "--sop", sop]
    cmd += ["--input", inp[1]] if inp[0] == "str" else ["--ints", inp[1]]
    cmd += ["--format", "json"]
    if interpret:
        cmd.append("--interpret")
    else:
        cmd += JIT_ARGS
    return cmd


def run(cmd, timeout):
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout,
                           errors="replace")
    except subprocess.TimeoutExpired:
        return Result("timeout", "", "")
    return Result(p.returncode, p.stdout, p.stderr)


def same_value(a, b):
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, str) or isinstance(b, str):
        return isinstance(a, str) and isinstance(b, str) and a == b
    if type(a) is not type(b):  # an int where the other has a float
        return False
    if isinstance(a, int):
        return a == b
    return math.isclose(a, b, rel_tol=REL_TOL, abs_tol=ABS_TOL)


# getRuntimeErrorMessage() of include/rasp/Runtime/RuntimeErrors.h.
RUNTIME_MESSAGES = [
    "several non-numeric values selected",
    "look-up failed: key not in the table (or index out of range)",
    "division by zero",
    "aggregate takes its default of another type at some positions and "
    "selected values at others",
    "cannot round an infinite, nan or too large float to an int",
    "0 cannot be raised to a negative power",
]


def error_message(stderr):
    """The error's message: the run-time error's text (without its location,
    s-op and position), else the last line of stderr."""
    text = stderr.strip()
    for m in RUNTIME_MESSAGES:
        if m in text:
            return m
    return text.splitlines()[-1] if text else ""


def classify(jit, interp):
    """None if the two agree, else a short kind of disagreement."""
    for r in (jit, interp):
        if r.status == "timeout":
            return "hang"
        if r.status not in (0, 1):
            return "crash"
    if jit.status == 0 and interp.status == 0:
        a, b = jit.value, interp.value
        if not isinstance(a, list) or not isinstance(b, list):
            return "bad-output"
        if len(a) != len(b):
            return "length"
        if all(same_value(x, y) for x, y in zip(a, b)):
            return None
        return "value"
    if jit.status != interp.status:
        return "error-vs-value"
    if error_message(jit.stderr) != error_message(interp.stderr):
        return "error-message"
    if jit.stderr.strip() != interp.stderr.strip():
        return "error-place"  # same error, another s-op, location or position
    return None


class Runner:
    def __init__(self, args, workdir):
        self.args = args
        self.workdir = workdir
        self.invocations = 0

    def run_pair(self, path, sop, inp):
        jit = run(command(self.args.rasp_run, path, sop, inp, False), self.args.timeout)
        interp = run(command(self.args.rasp_run, path, sop, inp, True), self.args.timeout)
        self.invocations += 2
        return jit, interp

    def check_single(self, expr, wrapped, inp, tag):
        """Runs one s-op alone (for reduction); the kind of disagreement."""
        path = os.path.join(self.workdir, "reduce-%s.rasp" % tag)
        with open(path, "w") as f:
            f.write("\n".join(sop_source("s", expr, wrapped)) + "\n")
        jit, interp = self.run_pair(path, "s", inp)
        return classify(jit, interp), jit, interp


def shrink_input(inp):
    """Smaller inputs: halves, then each token removed."""
    if inp[0] == "str":
        toks = list(inp[1])
        join = "".join
    else:
        toks = inp[1].split()
        join = " ".join
    n = len(toks)
    out = []
    if n >= 2:
        out += [toks[:n // 2], toks[n // 2:]]
    for i in range(n):
        out.append(toks[:i] + toks[i + 1:])
    return [(inp[0], join(t)) for t in out]


def smaller_exprs(expr):
    """Candidates replacing the whole expression or one sub-expression by a
    same-typed descendant (or leaf), smallest first."""
    cands = []
    nodes = list(expr.walk())
    for node in nodes:
        for d in node.walk():
            if d is not node and d.typ == node.typ:
                cands.append((node, d))
    cands.sort(key=lambda c: c[1].size() - c[0].size())
    return cands


def reduce_case(runner, expr, wrapped, inp, kind, budget, tag):
    """Greedy reduction keeping the same kind of disagreement."""
    checks = 0
    # The s-op alone must still disagree.
    got, jit, interp = runner.check_single(expr, wrapped, inp, tag)
    checks += 1
    if got != kind:
        return expr, wrapped, inp, None
    best = (jit, interp)
    if wrapped:
        got, j, i = runner.check_single(expr, False, inp, tag)
        checks += 1
        if got == kind:
            wrapped, best = False, (j, i)
    progress = True
    while progress and checks < budget:
        progress = False
        for cand in shrink_input(inp):
            if checks >= budget:
                break
            got, j, i = runner.check_single(expr, wrapped, cand, tag)
            checks += 1
            if got == kind:
                inp, best, progress = cand, (j, i), True
                break
        for node, repl in smaller_exprs(expr):
            if checks >= budget:
                break
            saved = (node.fmt, node.typ, node.kids)
            node.fmt, node.typ, node.kids = repl.fmt, repl.typ, list(repl.kids)
            got, j, i = runner.check_single(expr, wrapped, inp, tag)
            checks += 1
            if got == kind:
                best, progress = (j, i), True
                break
            node.fmt, node.typ, node.kids = saved
    return expr, wrapped, inp, best


def write_case(args, prog, k, expr, wrapped, inp, kind, jit, interp, n_case):
    d = os.path.join(args.out, "case-%d-%d-s%d" % (prog.seed, prog.index, k))
    os.makedirs(d, exist_ok=True)
    src = "# difftest: %s disagreement (seed %d, program %d, s%d)\n" % (
        kind, prog.seed, prog.index, k) + "\n".join(sop_source("s", expr, wrapped)) + "\n"
    with open(os.path.join(d, "prog.rasp"), "w") as f:
        f.write(src)
    flag = "--input" if inp[0] == "str" else "--ints"
    cmd = "rasp-run prog.rasp --sop s %s %s --format json" % (flag, shlex.quote(inp[1]))
    with open(os.path.join(d, "cmd.sh"), "w") as f:
        f.write(" ".join([cmd] + [shlex.quote(a) for a in JIT_ARGS]) + "\n" +
                cmd + " --interpret\n")
    report = ("kind: %s\nprogram:\n%s\ninput: %s %r\nJIT:         %s\ninterpreter: %s\n"
              % (kind, src, flag, inp[1], jit.describe(), interp.describe()))
    with open(os.path.join(d, "report.txt"), "w") as f:
        f.write(report)
    print("=" * 72)
    print("DISAGREEMENT #%d -> %s" % (n_case, d))
    print(report, flush=True)


def run_batch(args, runner, seed, first, count, stats):
    progs = [gen_program(seed, first + i, args.sops_per_program, args.inputs)
             for i in range(count)]
    jobs = []
    for prog in progs:
        path = os.path.join(runner.workdir, "prog-%d-%d.rasp" % (seed, prog.index))
        with open(path, "w") as f:
            f.write(prog.source())
        for k in range(len(prog.sops)):
            for inp in prog.inputs:
                jobs.append((prog, k, path, inp))
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        results = list(pool.map(lambda j: runner.run_pair(j[2], "s%d" % j[1], j[3]), jobs))
    for (prog, k, path, inp), (jit, interp) in zip(jobs, results):
        stats["sops"] += 1
        if jit.status == 1 and interp.status == 1 and "error: " in interp.stderr \
                and ".rasp:" in interp.stderr and " at position " not in interp.stderr:
            stats["both-rejected"] += 1  # a compile-time error: same for both
        elif jit.status == 1 and interp.status == 1:
            stats["both-runtime-error"] += 1
            msg = error_message(interp.stderr)
            stats["errors"][msg] = stats["errors"].get(msg, 0) + 1
        kind = classify(jit, interp)
        if kind is None:
            continue
        stats["disagreements"] += 1
        stats.setdefault("kinds", {}).setdefault(kind, 0)
        stats["kinds"][kind] += 1
        expr = prog.sops[k]
        wrapped = prog.wrapped[k]
        best = (jit, interp)
        if args.reduce_budget > 0:
            expr, wrapped, inp, b = reduce_case(runner, expr, wrapped, inp, kind,
                                                args.reduce_budget,
                                                "%d-%d-%d" % (seed, prog.index, k))
            if b is not None:
                best = b
        write_case(args, prog, k, expr, wrapped, inp, kind, best[0], best[1],
                   stats["disagreements"])
    stats["programs"] += count


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rasp-run", default="build/bin/rasp-run")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=50, help="program files")
    ap.add_argument("--soak", type=float, default=0,
                    help="run batches of --count programs (seeds seed, seed+1, ...) "
                         "until SECONDS have passed")
    ap.add_argument("--sops-per-program", type=int, default=6)
    ap.add_argument("--inputs", type=int, default=1, help="inputs per program")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("--reduce-budget", type=int, default=40,
                    help="rasp-run pairs spent reducing each disagreement (0: off)")
    ap.add_argument("--out", default="difftest-failures")
    ap.add_argument("--jit-args", default="",
                    help="extra rasp-run flags for the JIT runs only, one shell-quoted "
                         "string (write --jit-args='--threads 2')")
    ap.add_argument("--verbose", action="store_true",
                    help="also print how often each run-time error occurred")
    ap.add_argument("--print-program", action="store_true",
                    help="print the generated programs and exit")
    args = ap.parse_args()

    JIT_ARGS.extend(shlex.split(args.jit_args))
    if args.print_program:
        for i in range(args.count):
            p = gen_program(args.seed, i, args.sops_per_program, args.inputs)
            print(p.source(), end="")
            for inp in p.inputs:
                print("# input: %s %r" % inp)
        return 0
    if not os.path.exists(args.rasp_run):
        found = shutil.which(args.rasp_run)
        if not found:
            print("error: no rasp-run at %s" % args.rasp_run, file=sys.stderr)
            return 2
        args.rasp_run = found
    workdir = tempfile.mkdtemp(prefix="difftest-")
    runner = Runner(args, workdir)
    stats = {"programs": 0, "sops": 0, "disagreements": 0, "both-rejected": 0,
             "both-runtime-error": 0, "errors": {}}
    start = time.time()
    try:
        seed = args.seed
        while True:
            run_batch(args, runner, seed, 0, args.count, stats)
            if not args.soak or time.time() - start >= args.soak:
                break
            print("soak: seed %d done, %d programs, %d s-ops, %d disagreement(s), %.0f s"
                  % (seed, stats["programs"], stats["sops"], stats["disagreements"],
                     time.time() - start), flush=True)
            seed += 1
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    elapsed = time.time() - start
    print("difftest: %d programs, %d s-ops x inputs compared, %d rasp-run invocations, "
          "%.0f s; %d both rejected at compile time, %d both failed at run time; "
          "%d disagreement(s)%s" % (
              stats["programs"], stats["sops"], runner.invocations, elapsed,
              stats["both-rejected"], stats["both-runtime-error"],
              stats["disagreements"],
              (" " + json.dumps(stats["kinds"])) if stats.get("kinds") else ""))
    if args.verbose:
        for msg, count in sorted(stats["errors"].items(), key=lambda kv: -kv[1]):
            print("  %5d  %s" % (count, msg))
    return 1 if stats["disagreements"] else 0


if __name__ == "__main__":
    sys.exit(main())
