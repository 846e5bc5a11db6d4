"""Inputs and expected outputs of early-exit.test: paper.rasp's dyck1,
dyck2 and dyck3, computed in Python from their definitions, on bracket
strings that fail at the first token, early, at the last token, or never.

  dyck_prefixes.py DIR N  writes DIR/<case>.txt and DIR/<case>.<program>.expected
"""
import os
import random
import sys

out, n = sys.argv[1], int(sys.argv[2])
assert n % 2 == 1, "N odd: the *_last strings are N - 1 balanced tokens and a closer"
rng = random.Random(67)
PAIRS = {"dyck1": ["()"], "dyck2": ["()", "{}"], "dyck3": ["()", "{}", "[]"]}


def dyck1(tokens):
    result, depth, failed = [], 0, False
    for t in tokens:
        depth += (t == "(") - (t == ")")
        failed = failed or depth < 0
        result.append("F" if failed else ("T" if depth == 0 else "P"))
    return result


def dyck_of(tokens, pairs):
    """paper.rasp's dyck_of: a closer's opener is the token at the previous
    position of the same level (level = depth + is_close), if an opener."""
    openers = [p[0] for p in pairs]
    closers = [p[1] for p in pairs]
    result, depth, failed, last_at_level = [], 0, False, {}
    for t in tokens:
        is_open, is_close = t in openers, t in closers
        depth += is_open - is_close
        level = depth + is_close
        previous = last_at_level.get(level)
        opener = previous if previous in openers else "-"
        last_at_level[level] = t
        bad = is_close and (opener + t) not in pairs
        failed = failed or bad or depth < 0
        result.append("F" if failed else ("T" if depth == 0 else "P"))
    return result


def balanced(k, pairs, length):
    """A random string over pairs that never fails, of the given length."""
    tokens, stack = [], []
    for i in range(length):
        if stack and (rng.random() < 0.5 or length - i <= len(stack)):
            tokens.append(stack.pop())
        else:
            p = rng.choice(pairs[:k])
            tokens.append(p[0])
            stack.append(p[1])
    return tokens


cases = {}
for program, pairs in PAIRS.items():
    alphabet = "".join(pairs)
    cases[f"{program}_random"] = [rng.choice(alphabet) for _ in range(n)]
    cases[f"{program}_first"] = [pairs[0][1]] + [rng.choice(alphabet) for _ in range(n - 1)]
    # Balanced up to the last token, a closer with nothing open.
    cases[f"{program}_last"] = balanced(len(pairs), pairs, n - 1) + [pairs[-1][1]]
    cases[f"{program}_never"] = balanced(len(pairs), pairs, n - 1) + [pairs[0][0]]
for name, tokens in cases.items():
    program = name.split("_")[0]
    values = dyck1(tokens) if program == "dyck1" else dyck_of(tokens, PAIRS[program])
    with open(os.path.join(out, name + ".txt"), "w") as f:
        f.write("".join(tokens))
    with open(os.path.join(out, name + ".expected"), "w") as f:
        f.write("".join(v + "\n" for v in values))
