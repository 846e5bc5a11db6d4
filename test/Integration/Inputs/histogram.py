"""Input and expected output of streaming-outputs.test: N random letters and
each position's histogram count (paper.rasp's `hist`), from Python.

  histogram.py DIR N  writes DIR/letters.txt and DIR/hist.expected
"""
import collections
import os
import random
import sys

out, n = sys.argv[1], int(sys.argv[2])
rng = random.Random(11)
letters = [rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(n)]
counts = collections.Counter(letters)
with open(os.path.join(out, "letters.txt"), "w") as f:
    f.write("".join(letters))
with open(os.path.join(out, "hist.expected"), "w") as f:
    f.write("".join(f"{counts[c]}\n" for c in letters))
