"""Inputs and expected outputs of bool-columns.test, computed in Python from
the definitions in bool-columns.rasp.

  bool_columns.py DIR N  writes DIR/tokens.txt (N random tokens over "(", ")"
  and "a"), DIR/bools.txt (N random "T"/"F"), and DIR/<sop>.expected for
  each s-op of bool-columns.rasp
"""
import os
import random
import sys

out, n = sys.argv[1], int(sys.argv[2])
rng = random.Random(53)
tokens = rng.choices("()a", weights=[5, 5, 1], k=n)
bools = rng.choices("TF", k=n)
# round_bal is a difference of two prefix means: opened/(i+1) - closed/(i+1).
balances, opened, closed = [], 0, 0
for i, t in enumerate(tokens):
    opened += t == "("
    closed += t == ")"
    balances.append(opened / (i + 1) - closed / (i + 1))


def text(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    return repr(value)


columns = {
    "ends_balanced": [balances[-1] == 0] * n if n else [],
    "final_balance": [balances[-1]] * n if n else [],
    "last_is_zero": [balances[-1] == 0] * n if n else [],
    "is_open": [t == "(" for t in tokens],
    "is_not_open": [t != "(" for t in tokens],
    "flipped_open": [t == "(" for t in reversed(tokens)],
    "negated_input": [b == "F" for b in bools],
}
with open(os.path.join(out, "tokens.txt"), "w") as f:
    f.write("".join(tokens))
with open(os.path.join(out, "bools.txt"), "w") as f:
    f.write("".join(bools))
for name, values in columns.items():
    with open(os.path.join(out, name + ".expected"), "w") as f:
        f.write("".join(text(v) + "\n" for v in values))
