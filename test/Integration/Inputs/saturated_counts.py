"""Input and expected output of saturated-counts.test: N random letters and,
from Python, `seen_letters` (an earlier equal token exists: True/False).

  saturated_counts.py DIR N  writes DIR/letters.txt and DIR/seen.expected
"""
import os
import random
import sys

out, n = sys.argv[1], int(sys.argv[2])
# Four letters, so every count passes 256 many times: a count truncated to
# a byte instead of saturated reads 0 at every 256th repeat.
rng = random.Random(29)
letters = [rng.choice("abcd") for _ in range(n)]
seen, met = [], set()
for c in letters:
    seen.append(c in met)
    met.add(c)
with open(os.path.join(out, "letters.txt"), "w") as f:
    f.write("".join(letters))
with open(os.path.join(out, "seen.expected"), "w") as f:
    f.write("".join(("true" if s else "false") + "\n" for s in seen))
