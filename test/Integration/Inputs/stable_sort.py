"""Inputs and expected outputs of stable-sort.test, from Python's sorted().

  stable_sort.py DIR N  writes DIR/R.txt and DIR/R.S.expected for the key
                        ranges R (narrow: counting sort; word: one-word radix;
                        wide: beyond 2^32) and the s-ops S in self_desc,
                        pos_asc and pos_desc of Inputs/stable-sort.rasp
"""
import os
import random
import sys

out, n = sys.argv[1], int(sys.argv[2])
rng = random.Random(7)
ranges = {"narrow": (-300, 300), "word": (-(10**6), 10**6), "wide": (-(10**13), 10**13)}
for name, (lo, hi) in ranges.items():
    keys = [rng.randint(lo, hi) for _ in range(n)]
    with open(os.path.join(out, f"{name}.txt"), "w") as f:
        f.write(" ".join(map(str, keys)))
    ascending = sorted(range(n), key=lambda i: (keys[i], i))
    descending = sorted(range(n), key=lambda i: (keys[i], i), reverse=True)
    outputs = {
        "self_desc": [keys[i] for i in descending],
        "pos_asc": ascending,
        "pos_desc": descending,
    }
    for sop, values in outputs.items():
        with open(os.path.join(out, f"{name}.{sop}.expected"), "w") as f:
            f.write("".join(f"{v}.0\n" for v in values))
