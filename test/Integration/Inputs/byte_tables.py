"""Input and expected outputs of byte-tables.test: N random letters over a
few letters and, from Python, paper.rasp's hist2 (how many distinct tokens
share my token's count) and byte-tables.rasp's seen_after (an equal token
comes later).

  byte_tables.py DIR N  writes DIR/letters.txt, DIR/hist2.expected and
  DIR/seen_after.expected
"""
import collections
import os
import sys

from shared_counts import shuffled_letters

out, n = sys.argv[1], int(sys.argv[2])
# a, b and g share a count, c and d another, e and f have counts of their own.
letters = shuffled_letters(
    n, 31, {"a": 20, "b": 20, "g": 20, "c": 15, "d": 15, "e": 6, "f": 14})
counts = collections.Counter(letters)
distinct_with_count = collections.Counter(counts.values())
last = {c: i for i, c in enumerate(letters)}
with open(os.path.join(out, "letters.txt"), "w") as f:
    f.write("".join(letters))
with open(os.path.join(out, "hist2.expected"), "w") as f:
    f.write("".join(f"{distinct_with_count[counts[c]]}\n" for c in letters))
with open(os.path.join(out, "seen_after.expected"), "w") as f:
    f.write("".join(("true" if last[c] > i else "false") + "\n"
                    for i, c in enumerate(letters)))
