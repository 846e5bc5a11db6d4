"""Input and expected outputs of scan-groups.test: N random tokens over
"(", ")" and "a" and, from their definitions in Python, scan-groups.rasp's
partner (the previous position at the same level, if it is an opener: its
token, else "-") and next_idx (the next position at the same level, -1).
level = depth + is_close, depth = openers - closers so far (inclusive).

  scan_groups.py DIR N  writes DIR/tokens.txt, DIR/partner.expected and
  DIR/next_idx.expected
"""
import os
import random
import sys

out, n = sys.argv[1], int(sys.argv[2])
rng = random.Random(37)
tokens = rng.choices("()a", weights=[5, 4, 1], k=n)
levels, depth = [], 0
for t in tokens:
    depth += (t == "(") - (t == ")")
    levels.append(depth + (t == ")"))
partner, last = [], {}
for i, (t, level) in enumerate(zip(tokens, levels)):
    p = last.get(level)
    partner.append(tokens[p] if p is not None and tokens[p] == "(" else "-")
    last[level] = i
following, nxt = [0] * n, {}
for i in range(n - 1, -1, -1):
    following[i] = nxt.get(levels[i], -1)
    nxt[levels[i]] = i
with open(os.path.join(out, "tokens.txt"), "w") as f:
    f.write("".join(tokens))
with open(os.path.join(out, "partner.expected"), "w") as f:
    f.write("".join(f"{p}\n" for p in partner))
with open(os.path.join(out, "next_idx.expected"), "w") as f:
    f.write("".join(f"{float(j)}\n" for j in following))
