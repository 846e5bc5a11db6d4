"""Input and expected output of table-sort.test: N shuffled letters, some
with equal counts, and, from its definition in Python, paper.rasp's
most_freq = sort("-" if seen before else token, by -(count - 300 * seen)),
stable (ties in index order).

  table_sort.py DIR N  writes DIR/letters.txt and DIR/most_freq.expected
"""
import collections
import os
import sys

from shared_counts import shuffled_letters

out, n = sys.argv[1], int(sys.argv[2])
letters = shuffled_letters(
    n, 41, {"a": 20, "b": 20, "c": 15, "d": 15, "e": 6, "f": 14, "g": 20})
counts = collections.Counter(letters)
seen, met = [], set()
for c in letters:
    seen.append(c in met)
    met.add(c)
keys = [-(counts[c] - 300 * s) for c, s in zip(letters, seen)]
order = sorted(range(n), key=lambda i: keys[i])  # Python's sort is stable
with open(os.path.join(out, "letters.txt"), "w") as f:
    f.write("".join(letters))
with open(os.path.join(out, "most_freq.expected"), "w") as f:
    f.write("".join(("-" if seen[i] else letters[i]) + "\n" for i in order))
