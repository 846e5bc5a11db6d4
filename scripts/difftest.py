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

--mode rewrites aims at rasp-optimize-selects: every s-op is
selector_width(sel) or aggregate(sel, values[, default]) (int, bool, string
and float values) where sel has one of the shapes the rewrites turn into sort,
counting and scan kernels: equality joins select(K, Q, ==) (int, string, bool
and float keys; K and Q the same s-op or not; negative, large and
out-of-range values), joins with key filters (select(B, True, ==),
select(X, 3, <)), query filters (select(1, Q, <)) or a second equality
column, order predicates, grouped scans (select(K, K, ==) and
select(indices, indices, <)), lexicographic selectors (select(K, Q, <) or
(select(K, Q, ==) and select(indices, indices, <)), every variant and
operand order), permutation scatters aggregate(select(target, indices, ==),
v) with the stable rank as target or targets with duplicates and
out-of-range values, and global selectors (select(1, 1, ==), tautologies);
the count idiom round((indices + 1) * prefix mean) and prefix means (or
differences of two, shuffle_dyck's round_bal) compared with 0;
plus near misses (one column changed). Columns may be such s-ops themselves.
Inputs are small (n = 0, 1, 2 often) with many ties. Floats are then
compared exactly (--exact-floats): means must add in key order. A fifth of
the default mode's selectors are drawn from these shapes too.

  difftest.py --rasp-run build/bin/rasp-run --seed 1 --count 200
  difftest.py --rasp-run build/bin/rasp-run --soak 600 --out /tmp/difftest
  difftest.py --rasp-run build/bin/rasp-run --mode rewrites --seed 1 --count 200

On a disagreement the s-op is reduced (a smaller input, then smaller
sub-expressions of the same type, while the same kind of disagreement stays)
and written to OUT/case-SEED-K/ (prog.rasp, cmd.sh, report.txt, with the JIT's
result under --no-rewrite too), and printed.
Exit status: 0 if every s-op agreed, 1 otherwise.
"""

import argparse
import concurrent.futures
import copy
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

    def __init__(self, rng, mode, vocab, rewrite_share=0.0):
        self.rng = rng
        self.mode = mode  # 'str' (tokens are characters) or 'ints'
        self.vocab = vocab  # strings the tokens may be
        self.concats = 0
        self.rewrite_share = rewrite_share  # selectors drawn from the rewrite shapes
        self.shapes = []  # the rewrite shapes drawn (statistics)

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
        if self.rewrite_share and r.random() < self.rewrite_share:
            return self.rewrite_sel(max(0, d - 1))
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


    # -- shapes of rasp-optimize-selects (--mode rewrites) --------------------
    # The select/aggregate/selector_width patterns that the rewrites turn into
    # sort, counting and scan kernels, with their boundary cases: equality
    # joins on every key kind (negative, large, out-of-range values; keys and
    # queries the same s-op or not), joins with key/query filters, two
    # equality columns, order predicates, grouped scans, lexicographic
    # (sort-like) selectors, permutation scatters (and targets with duplicates
    # or out-of-range values), global selectors; plus near misses (one operand
    # changed) that must not be rewritten wrongly.

    def col(self, typ, d=0):
        """A key or query column of `typ` ('int', 'str', 'bool', 'float')."""
        r = self.rng
        ints = self.mode == "ints"
        if d > 0 and r.random() < 0.2:
            return self.derived_col(typ, d - 1)
        if r.random() < 0.08:
            return self.sop(typ, r.randint(0, 1))  # anything of the type
        v0 = self.vocab[0]
        v1 = self.vocab[-1]
        if typ == "int":
            opts = ["indices", "indices", "length", "(indices % 2)", "(indices - 2)",
                    "(-indices)", "(indices * 1000000007)", "((length - indices) - 1)",
                    "(indices + length)", "((indices * 5) % 7)", "(indices - length)"]
            if ints:
                opts += ["tokens_int"] * 4 + [
                    "(tokens_int % 3)", "(-tokens_int)", "(tokens_int * 1000000007)",
                    "(tokens_int - 5)", "(tokens_int - indices)",
                    "(tokens_int * (-1000000000000))",
                    "selector_width(select(tokens_int, tokens_int, ==))"]
            else:
                table = ", ".join('"%s": %d' % (v, (2, -1, 0, 5)[i % 4])
                                  for i, v in enumerate(self.vocab))
                opts += ['indicator((tokens == "%s"))' % v0,
                         "selector_width(select(tokens, tokens, ==))",
                         "{%s}[tokens]" % table]
            return leaf(r.choice(opts), "int")
        if typ == "str":
            opts = ["tokens", "tokens", "tokens",
                    '["%s", "%s", "%s"][(indices %% 3)]' % (v1, v0, v1),
                    '(tokens if ((indices %% 2) == 0) else "%s")' % v0,
                    '("%s" if (indices < 2) else tokens)' % v1]
            if self.concats < 2 and r.random() < 0.3:
                self.concats += 1
                opts.append('(tokens + "%s")' % v0)
            return leaf(r.choice(opts), "str")
        if typ == "bool":
            opts = ["((indices % 2) == 0)", "(indices < 2)", "(indices > (length - 3))"]
            if ints:
                opts += ["tokens_bool", "tokens_bool", "(tokens_int > 0)", "(tokens_int == indices)"]
            else:
                opts += ['(tokens == "%s")' % v0, '(tokens == "%s")' % v0, '(tokens < "%s")' % v1]
            return leaf(r.choice(opts), "bool")
        # float
        opts = ["(indices / 3)", "(indices * 0.5)", "((indices % 3) - 0.5)"]
        if ints:
            opts += ["tokens_float", "tokens_float", "(tokens_int / 2)",
                     "(tokens_float ^ 0.5)"]  # nan for negative tokens
        return leaf(r.choice(opts), "float")

    def derived_col(self, typ, d):
        """A column computed by a rewrite shape itself (nested rewrites)."""
        r = self.rng
        if typ == "int":
            if r.random() < 0.7:
                return Node("selector_width({0})", "int", self.rewrite_sel(d))
            return Node("round({0})", "int",
                        Node("aggregate({0}, {1}, 0)", "float", self.rewrite_sel(d),
                             self.col("int", 0)))
        if typ == "float":
            return Node("aggregate({0}, {1})", "float", self.rewrite_sel(d),
                        self.value_col(r.choice(["int", "float"])))
        # str, bool: a sort (one match per query), which may also fail
        return Node("aggregate({0}, {1})", typ, self.scatter_sel(d), self.col(typ, 0))

    def value_col(self, typ):
        """Values of an aggregate: columns, big ints whose means pass 2^53,
        floats whose sums depend on the order of addition."""
        r = self.rng
        if typ == "int":
            if r.random() < 0.3:
                opts = ["((indices * 1000000000000000) + 1)", "(indices * 1000000007)",
                        "(1 - (indices * 333333333333333))"]
                if self.mode == "ints":
                    opts += ["(tokens_int * 1000000000000)",
                             "((tokens_int * 1000000000001) + indices)"]
                return leaf(r.choice(opts), "int")
            return self.col("int", 0)
        if typ == "float":
            opts = ["(indices / 3)", "((indices / 7) + 1000000)", "(indices * 0.1)",
                    "(0.1 - (indices / 10))"]
            if self.mode == "ints":
                opts += ["tokens_float", "(tokens_float * 0.1)", "(tokens_int / 7)",
                         "((tokens_float / 3) + 100000000)"]
            if r.random() < 0.1:
                return self.sop("float", 1)
            return leaf(r.choice(opts), "float")
        return self.col(typ, 0)

    def const_for(self, typ):
        r = self.rng
        if typ == "int":
            return self.cint(-2, 5) if r.random() < 0.9 else leaf(
                r.choice(["1000000007", "(-1000000007)"]), "cint")
        if typ == "float":
            return r.choice([self.cfloat, self.cint])()
        if typ == "bool":
            return self.cbool()
        return leaf(py_str(r.choice(self.vocab + ["", "zz"])), "cstr")

    def kq(self, d, typ=None):
        """Key and query columns for one comparison: the same s-op (a third
        of the time), or two of one kind (ints with floats, bools with
        numbers sometimes)."""
        r = self.rng
        typ = typ or r.choice(["int", "int", "int", "str", "str", "bool", "float"])
        k = self.col(typ, d)
        u = r.random()
        if u < 0.35:
            q = k
        elif typ in ("int", "float") and u < 0.45:
            q = self.col("float" if typ == "int" else "int", d)
        elif typ == "bool" and u < 0.45:
            q = self.col("int", d)
        else:
            q = self.col(typ, d)
        if r.random() < 0.5:
            k, q = q, k
        return k, q

    @staticmethod
    def s(k, q, pred):
        return Node("select({0}, {1}, %s)" % pred, "sel", k, q)

    def both(self, form, a, b):
        """a and b / a or b, operands in either order."""
        if self.rng.random() < 0.5:
            a, b = b, a
        return Node("({0} %s {1})" % form, "sel", a, b)

    def key_filter(self, d):
        """A selector on keys only, queries only, or a bool column."""
        r = self.rng
        u = r.random()
        if u < 0.35:
            return self.s(self.col("bool", d), self.cbool(), r.choice(["==", "==", "!="]))
        typ = r.choice(["int", "int", "str", "float"])
        x = self.col(typ, d)
        c = self.const_for(typ)
        pred = r.choice(["<", "<", "<=", ">", ">=", "==", "!="])
        if u < 0.7:
            return self.s(x, c, pred)  # key filter: pred(x[k], c)
        return self.s(c, x, pred)  # query filter: pred(c, x[q])

    def lex(self, d, k=None, q=None):
        """select(K, Q, <) or (select(K, Q, ==) and select(indices, indices, <))
        and its variants (>, <=, >=, other tie-breaks, operands swapped);
        sometimes a near miss (another column in one of the parts)."""
        r = self.rng
        if k is None:
            k, q = self.kq(d)
        first = r.choice(["<", "<", ">", ">", "<=", ">="])
        tie = r.choice(["<", "<", ">", "<=", ">="])
        k2, q2 = k, q
        if r.random() < 0.12:  # near miss: the equality on other columns
            k2, q2 = self.kq(d)
        ti = leaf("indices", "int")
        tk, tq = ti, ti
        if r.random() < 0.15:  # tie-break on another column
            tk, tq = self.kq(d)
        eq = self.both("and", self.s(k2, q2, "=="), self.s(tk, tq, tie))
        return self.both("or", self.s(k, q, first), eq)

    def target(self, d):
        """Positions for a scatter: a permutation (the stable rank, reverse,
        rotation) or one with duplicates or values outside [0, n)."""
        r = self.rng
        u = r.random()
        if u < 0.4:  # stable rank: the width of a lexicographic selector on K, K
            k = self.col(r.choice(["int", "int", "str", "bool", "float"]), d)
            return Node("selector_width({0})", "int", self.lex(d, k, k))
        if u < 0.55:  # ranks with ties: duplicates
            k = self.col(r.choice(["int", "str"]), d)
            return Node("selector_width({0})", "int",
                        self.s(k, k, r.choice(["<", "<=", ">", ">="])))
        opts = ["((length - indices) - 1)", "((indices + 1) % length)", "(indices + 1)",
                "(indices - 1)", "(indices % 2)", "(indices * 2)", "((indices * 3) % length)"]
        if self.mode == "ints":
            opts += ["tokens_int", "tokens_int", "(tokens_int % length)", "(-tokens_int)"]
        return leaf(r.choice(opts), "int")

    def scatter_sel(self, d):
        r = self.rng
        t = self.target(d)
        if r.random() < 0.8:
            return self.s(t, leaf("indices", "int"), "==")  # scatter: key target[k] == q
        return self.s(leaf("indices", "int"), t, "==")  # gather: key k == target[q]

    def global_sel(self, d):
        r = self.rng
        form = r.choice(["taut", "self", "const", "const", "length", "notconst"])
        if form in ("taut", "self"):
            x = self.col(r.choice(["int", "str", "bool", "float"]), d)
            eq = self.s(x, x, r.choice(["==", "==", "<=", ">="]))
            if form == "self":
                return eq
            return self.both("or", eq, Node("(not {0})", "sel", eq))
        if form == "length":
            return self.s(leaf("length", "int"), leaf("length", "int"), r.choice(PREDICATES))
        typ = r.choice(["int", "int", "str", "bool"])
        a, b = self.const_for(typ), self.const_for(typ)
        if r.random() < 0.4:
            b = a
        sel = self.s(a, b, r.choice(PREDICATES))
        if form == "notconst":
            return Node("(not {0})", "sel", sel)
        return sel

    def level_col(self):
        """The dyck programs' nesting level: opened - closed + is_close."""
        if self.mode == "ints":
            opens, closes = "(tokens_int > 0)", "(tokens_int < 0)"
        else:
            opens = '(tokens == "%s")' % self.vocab[0]
            closes = '(tokens == "%s")' % self.vocab[-1]
        count = "round((indices + 1) * aggregate(select(indices, indices, <=), indicator(%s)))"
        return leaf("((%s - %s) + indicator(%s))" % (count % opens, count % closes, closes),
                    "int")

    def neighbor_sel(self, d):
        """The dyck programs' partner: (G, R + a) to (G, R + b) with R the
        rank within G in index order (select(G, G, ==) and select(indices,
        indices, <=), or <, >=, >), b - a = -1 or +1 written as R - 1,
        R + 1, 1 + R on either side; with key and query filters. Near
        misses: other offsets (0, 2), the rank of another group, ordered on
        another column, a filtered rank, another group in the pair."""
        r = self.rng
        g = self.level_col() if r.random() < 0.25 else self.col(
            r.choice(["int", "int", "str", "bool"]), d)
        rank_group = g if r.random() < 0.9 else self.col("int", d)
        ok = oq = leaf("indices", "int")
        if r.random() < 0.1:
            ok, oq = self.kq(d)
        rank_sel = self.both("and", self.s(rank_group, copy.deepcopy(rank_group), "=="),
                             self.s(ok, oq, r.choice(["<=", "<=", "<", ">=", ">"])))
        if r.random() < 0.08:
            rank_sel = self.both("and", rank_sel, self.key_filter(d))
        rank = Node("selector_width({0})", "int", rank_sel)
        a, b = r.choice([(0, -1), (0, -1), (0, 1), (1, 0), (-1, 0), (2, 1), (0, 0),
                         (0, -2), (1000000007, 1000000006)])

        def plus(c):
            x = copy.deepcopy(rank)
            if c == 0:
                return x
            if c < 0:
                return Node("({0} - %d)" % -c, "int", x)
            return Node(r.choice(["({0} + %d)", "(%d + {0})"]).replace("%d", str(c)), "int", x)

        g2 = g if r.random() < 0.92 else self.col("int", d)
        sel = self.both("and", self.s(g, copy.deepcopy(g2), "=="),
                        self.s(plus(a), plus(b), "=="))
        if r.random() < 0.4:
            sel = self.both("and", sel, self.key_filter(d))
        return sel

    REWRITE_SHAPES = ["eq", "eq", "eq_filter", "eq_filter", "eq_two", "order", "grouped",
                      "grouped", "lex", "lex", "scatter", "scatter", "global", "neighbor",
                      "neighbor"]

    def rewrite_sel(self, d):
        """A selector of one of the rewrite shapes (d: nesting of columns)."""
        r = self.rng
        shape = r.choice(self.REWRITE_SHAPES)
        self.shapes.append(shape)
        if shape == "eq":
            k, q = self.kq(d)
            sel = self.s(k, q, "==" if r.random() < 0.9 else "!=")
        elif shape == "eq_filter":
            k, q = self.kq(d)
            sel = self.both("and", self.s(k, q, "=="), self.key_filter(d))
            if r.random() < 0.25:
                sel = self.both("and", sel, self.key_filter(d))
        elif shape == "eq_two":
            a, a2 = self.kq(d)
            b, b2 = self.kq(d)
            sel = self.both("and", self.s(a, a2, "=="), self.s(b, b2, "=="))
        elif shape == "order":
            k, q = self.kq(d)
            sel = self.s(k, q, r.choice(["<", "<=", ">", ">="]))
        elif shape == "grouped":
            if r.random() < 0.5:
                k = self.col(r.choice(["int", "int", "str", "bool", "float"]), d)
                q = k
            else:
                k, q = self.kq(d)
            ti = leaf("indices", "int")
            ok, oq = ti, ti
            if r.random() < 0.2:  # near miss: ordered on another column
                ok, oq = self.kq(d)
            sel = self.both("and", self.s(k, q, "=="),
                            self.s(ok, oq, r.choice(["<", "<=", ">", ">=", "<", "<="])))
        elif shape == "lex":
            sel = self.lex(d)
        elif shape == "scatter":
            sel = self.scatter_sel(d)
        elif shape == "neighbor":
            sel = self.neighbor_sel(d)
        else:
            sel = self.global_sel(d)
        u = r.random()
        if u < 0.06:
            sel = Node("(not {0})", "sel", sel)
        elif u < 0.12:
            sel = self.both(r.choice(["and", "or"]), sel, self.sel(0))
        return sel

    def count_idiom(self, d):
        """The paper's dyck count round((indices + 1) * prefix mean), which
        becomes a scan_sum when the values are bounded, and near misses:
        other counts and predicates, unbounded or big values."""
        r = self.rng
        self.shapes.append("count")
        u = r.random()
        if u < 0.4:
            vals = Node("indicator({0})", "int", self.col("bool", d))
        elif u < 0.55:
            vals = Node("((3 * indicator({0})) - 1)", "int", self.col("bool", d))
        else:
            vals = self.value_col("int")
        pred = "<=" if r.random() < 0.8 else r.choice(["<", ">=", ">"])
        count = (r.choice(["(indices + 1)", "(1 + indices)"]) if r.random() < 0.8 else
                 r.choice(["(indices + 2)", "indices", "(length - indices)"]))
        mean = Node("aggregate(select(indices, indices, %s), {0})" % pred, "float", vals)
        form = "round(%s * {0})" % count if r.random() < 0.5 else "round({0} * %s)" % count
        return Node(form, "int", mean)

    def mean_sign(self, d):
        """Prefix means compared with 0: shuffle_dyck's difference of two
        prefix shares, (mean(a) - mean(b)) <pred> 0, which becomes the
        difference of scan_sums when |a|, |b| <= 2^19, and a lone mean
        compared with 0; near misses: other predicates, a nonzero constant,
        unbounded or big values, a sub with another use."""
        r = self.rng
        self.shapes.append("sign")

        def vals():
            u = r.random()
            if u < 0.5:
                return Node("indicator({0})", "int", self.col("bool", d))
            if u < 0.65:
                return Node("((3 * indicator({0})) - 1)", "int", self.col("bool", d))
            return self.value_col("int")

        def mean():
            pred = "<=" if r.random() < 0.85 else r.choice(["<", ">=", ">"])
            return Node("aggregate(select(indices, indices, %s), {0})" % pred, "float", vals())

        expr = mean() if r.random() < 0.2 else Node("({0} - {1})", "float", mean(), mean())
        zero = r.choice(["0", "0", "0.0"]) if r.random() < 0.9 else r.choice(["1", "(-1)", "0.5"])
        cmp = r.choice(["<", "<=", ">", ">=", "==", "!="])
        form = "({0} %s %s)" % (cmp, zero) if r.random() < 0.5 else "(%s %s {0})" % (zero, cmp)
        if r.random() < 0.15:  # the sub (or mean) also used as a number
            return Node("(%s and ({0} > 0.25))" % form.replace("{0}", "{1}"), "bool", expr,
                        copy.deepcopy(expr))
        return Node(form, "bool", expr)

    def rewrite_use(self, d):
        """selector_width(sel) or aggregate(sel, values[, default]) of a
        rewrite shape; int, bool, string and float values."""
        r = self.rng
        vt = r.choice(["width", "width", "width", "int", "int", "bool", "str", "str", "float",
                       "float", "count", "sign"])
        if vt == "count":
            return self.count_idiom(d)
        if vt == "sign":
            return self.mean_sign(d)
        if vt in ("bool", "str") and r.random() < 0.35:
            # several selected values are an error: more selectors with one match
            sel = self.scatter_sel(d) if r.random() < 0.6 else self.both(
                "and", self.rewrite_sel(d), self.s(leaf("indices", "int"),
                                                   leaf("indices", "int"), "=="))
        else:
            sel = self.rewrite_sel(d)
        if vt == "width":
            return Node("selector_width({0})", "int", sel)
        vals = self.value_col(vt)
        kind = r.choice(["none", "same", "same", "zero"])
        typ = "float" if vt in ("int", "float") else vt
        if kind == "none":
            return Node("aggregate({0}, {1})", typ, sel, vals)
        if kind == "zero" or (kind == "same" and typ == "float" and r.random() < 0.5):
            return Node("aggregate({0}, {1}, 0)", typ, sel, vals)
        dflt = self.const_for(vt) if vt != "float" else self.cfloat()
        if typ == "float" and r.random() < 0.5:
            dflt = self.cint()
        return Node("aggregate({0}, {1}, {2})", typ, sel, vals, dflt)


# ---------------------------------------------------------------------------
# Programs and inputs.

STR_VOCABS = [["a", "b"], ["a", "b", "c"], ["x", "y", "z"], ["(", ")"],
              ["a", "b", "0", "1"], ["a", "(", ")", "b"]]


def draw_size(rng, table, rest):
    """n from one uniform draw: the first (bound, size) with u < bound, where
    size is an n or an inclusive (lo, hi) range; else the range `rest`."""
    u = rng.random()
    for bound, size in table:
        if u < bound:
            return rng.randint(*size) if isinstance(size, tuple) else size
    return rng.randint(*rest)


def gen_input(rng, mode, vocab):
    n = draw_size(rng, [(0.06, 0), (0.16, 1), (0.75, (2, 8))], (9, 30))
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
        self.shapes = []  # rewrite shapes drawn (statistics)

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


REWRITE_VOCABS = [["a", "b"], ["a", "b"], ["a", "b", "c"], ["x", "y", "z"],
                  ["a", "b", "0", "1"], ["b", "a", "(", ")"]]

# --huge-ints: --mode rewrites also draws int tokens near +-2^63, whose sums
# in numeric aggregates leave i64 (the interpreter sums them in 128 bits).
HUGE_INTS = [False]

# Share of the default mode's selectors drawn from the rewrite shapes.
DEFAULT_REWRITE_SHARE = 0.2


def gen_rewrite_input(rng, mode, vocab):
    """Small n (0, 1, 2 often) with many ties and duplicate keys; ints with
    negatives, values outside [0, n), permutations, sorted runs, big values."""
    n = draw_size(rng, [(0.08, 0), (0.18, 1), (0.30, 2), (0.80, (3, 8))], (9, 40))
    if mode == "str":
        v = vocab if rng.random() < 0.85 else [rng.choice(vocab)]  # all ties
        return ("str", "".join(rng.choice(v) for _ in range(n)))
    kind = rng.choice(["ties", "ties", "small", "wide", "perm", "sorted", "big"] +
                      ["huge"] * (2 if HUGE_INTS[0] else 0))
    if kind == "huge":  # sums of the values leave i64 (the reference sums exactly)
        return ("ints", " ".join(str(rng.choice([1, -1]) * rng.randint(2**61, 2**63 - 1))
                                 for _ in range(n)))
    if kind == "perm":  # a permutation of 0..n-1, sometimes shifted
        vals = list(range(n))
        rng.shuffle(vals)
        shift = rng.choice([0, 0, 0, 1, -1])
        vals = [x + shift for x in vals]
    else:
        lo, hi = {"ties": rng.choice([(0, 1), (-1, 1), (0, 2), (2, 2)]),
                  "small": (-3, 3), "wide": (-20, 20), "sorted": (-3, 5),
                  "big": (-100000, 100000)}[kind]
        vals = [rng.randint(lo, hi) for _ in range(n)]
        if kind == "sorted":
            vals.sort(reverse=rng.random() < 0.5)
    return ("ints", " ".join(str(x) for x in vals))


def gen_program(seed, index, sops_per_program, inputs_per_program, mode="default"):
    if mode == "rewrites":
        return gen_rewrite_program(seed, index, sops_per_program, inputs_per_program)
    rng = random.Random("%d/%d" % (seed, index))
    mode = rng.choice(["str", "ints"])
    vocab = rng.choice(STR_VOCABS) if mode == "str" else ["0", "1", "-1", "2"]
    sops = []
    shapes = []
    for _ in range(sops_per_program):
        g = Gen(rng, mode, vocab, DEFAULT_REWRITE_SHARE)
        typ = rng.choice(["int", "float", "bool", "str"])
        depth = rng.randint(1, 4)
        sops.append(g.sop(typ, depth))
        shapes += g.shapes
    wrapped = [rng.random() < 0.15 for _ in sops]
    inputs = [gen_input(rng, mode, vocab) for _ in range(inputs_per_program)]
    prog = Program(seed, index, mode, vocab, sops, wrapped, inputs)
    prog.shapes = shapes
    return prog


def gen_rewrite_program(seed, index, sops_per_program, inputs_per_program):
    """--mode rewrites: every s-op is selector_width or aggregate of a
    rewrite shape (its columns may be rewrite shapes themselves)."""
    rng = random.Random("rewrites/%d/%d" % (seed, index))
    mode = rng.choice(["str", "ints", "ints"])
    vocab = rng.choice(REWRITE_VOCABS) if mode == "str" else ["0", "1", "-1", "2"]
    sops = []
    shapes = []
    for _ in range(sops_per_program):
        g = Gen(rng, mode, vocab)
        sops.append(g.rewrite_use(rng.choice([0, 0, 1, 1, 2])))
        shapes += g.shapes
    wrapped = [rng.random() < 0.1 for _ in sops]
    inputs = [gen_rewrite_input(rng, mode, vocab) for _ in range(inputs_per_program)]
    prog = Program(seed, index, mode + ", rewrites", vocab, sops, wrapped, inputs)
    prog.shapes = shapes
    return prog


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


EXACT_FLOATS = [False]  # --exact-floats: numbers must be equal, not within 1e-9


def same_value(a, b):
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, str) or isinstance(b, str):
        return isinstance(a, str) and isinstance(b, str) and a == b
    if type(a) is not type(b):  # an int where the other has a float
        return False
    if isinstance(a, int) or EXACT_FLOATS[0]:
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


def write_case(args, prog, k, expr, wrapped, inp, kind, jit, interp, n_case, generic=None,
               n_input=0):
    d = os.path.join(args.out, "case-%d-%d-s%d" % (prog.seed, prog.index, k) +
                     ("-i%d" % n_input if n_input else ""))
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
    if generic is not None:  # which path is wrong: the rewrites or the generic kernels
        report += "JIT --no-rewrite: %s (%s)\n" % (
            generic[0].describe(), "agrees with the interpreter"
            if classify(generic[0], generic[1]) is None else "disagrees too")
    with open(os.path.join(d, "report.txt"), "w") as f:
        f.write(report)
    print("=" * 72)
    print("DISAGREEMENT #%d -> %s" % (n_case, d))
    print(report, flush=True)


def run_batch(args, runner, seed, first, count, stats):
    progs = [gen_program(seed, first + i, args.sops_per_program, args.inputs, args.mode)
             for i in range(count)]
    jobs = []
    for prog in progs:
        for shape in prog.shapes:
            stats["shapes"][shape] = stats["shapes"].get(shape, 0) + 1
        path = os.path.join(runner.workdir, "prog-%d-%d.rasp" % (seed, prog.index))
        with open(path, "w") as f:
            f.write(prog.source())
        for k in range(len(prog.sops)):
            for inp in prog.inputs:
                jobs.append((prog, k, path, inp))
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        results = list(pool.map(lambda j: runner.run_pair(j[2], "s%d" % j[1], j[3]), jobs))
    for (prog, k, path, inp), (jit, interp) in zip(jobs, results):
        n_input = prog.inputs.index(inp)
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
        expr = copy.deepcopy(prog.sops[k])  # reduced in place; other inputs start afresh
        wrapped = prog.wrapped[k]
        best = (jit, interp)
        if args.reduce_budget > 0:
            expr, wrapped, inp, b = reduce_case(runner, expr, wrapped, inp, kind,
                                                args.reduce_budget,
                                                "%d-%d-%d" % (seed, prog.index, k))
            if b is not None:
                best = b
        generic = None
        if "--no-rewrite" not in JIT_ARGS:
            gpath = os.path.join(runner.workdir, "generic-%d-%d-%d.rasp" % (seed, prog.index, k))
            with open(gpath, "w") as f:
                f.write("\n".join(sop_source("s", expr, wrapped)) + "\n")
            generic = (run(command(args.rasp_run, gpath, "s", inp, False) + ["--no-rewrite"],
                           args.timeout),
                       run(command(args.rasp_run, gpath, "s", inp, True), args.timeout))
            runner.invocations += 2
        write_case(args, prog, k, expr, wrapped, inp, kind, best[0], best[1],
                   stats["disagreements"], generic, n_input)
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
    ap.add_argument("--inputs", type=int, default=None,
                    help="inputs per program (default 1; 3 with --mode rewrites)")
    ap.add_argument("--mode", choices=["default", "rewrites"], default="default",
                    help="default: every construct (a share of the selectors in the "
                         "rewrite shapes); rewrites: only selector_width and aggregate "
                         "of the shapes rasp-optimize-selects rewrites (equality joins, "
                         "filters, order predicates, grouped scans, lexicographic "
                         "selectors, permutation scatters, global selectors) and their "
                         "near misses, on small inputs with many ties")
    ap.add_argument("--huge-ints", action="store_true",
                    help="--mode rewrites: int inputs near +-2^63 too (sums beyond i64)")
    ap.add_argument("--exact-floats", action=argparse.BooleanOptionalAction, default=None,
                    help="floats must be equal, not within 1e-9 relative (default: on "
                         "with --mode rewrites, whose kernels must add in key order)")
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
    if args.inputs is None:
        args.inputs = 3 if args.mode == "rewrites" else 1
    if args.exact_floats is None:
        args.exact_floats = args.mode == "rewrites"
    EXACT_FLOATS[0] = args.exact_floats
    HUGE_INTS[0] = args.huge_ints
    if args.print_program:
        for i in range(args.count):
            p = gen_program(args.seed, i, args.sops_per_program, args.inputs, args.mode)
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
             "both-runtime-error": 0, "errors": {}, "shapes": {}}
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
    if args.verbose and stats["shapes"]:
        print("rewrite shapes drawn: " + ", ".join(
            "%s %d" % kv for kv in sorted(stats["shapes"].items())))
    if args.verbose:
        for msg, count in sorted(stats["errors"].items(), key=lambda kv: -kv[1]):
            print("  %5d  %s" % (count, msg))
    return 1 if stats["disagreements"] else 0


if __name__ == "__main__":
    sys.exit(main())
