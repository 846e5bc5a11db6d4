"""Inputs and expected outputs of storage-widths.test, computed here from the
paper's definitions (not by rasp-run).

  storage_widths.py DIR N  writes DIR/V.txt and DIR/V.P.expected for the
                           vocabularies V (small: 26 letters, stored as i8
                           ids; wide: 200 CJK characters, a table of over 127
                           strings, stored as i32 ids) and the paper's
                           programs P in hist, reverse, sorted, hist2 and
                           most_freq
"""
import os
import random
import sys

out, n = sys.argv[1], int(sys.argv[2])
rng = random.Random(11)
vocabularies = {
    "small": [chr(ord("a") + i) for i in range(26)],
    "wide": [chr(0x4E00 + i) for i in range(200)],
}
for name, vocab in vocabularies.items():
    tokens = [rng.choice(vocab) for _ in range(n)]
    with open(os.path.join(out, f"{name}.txt"), "w", encoding="utf-8") as f:
        f.write("".join(tokens))
    count = {}
    for t in tokens:
        count[t] = count.get(t, 0) + 1
    hist = [count[t] for t in tokens]
    seen, repeat = set(), []
    for t in tokens:
        repeat.append(t in seen)
        seen.add(t)
    tokens_per_count = {}
    for t, c in count.items():
        tokens_per_count[c] = tokens_per_count.get(c, 0) + 1
    # by_frequency: sort(filler if repeat else seq, -score), stable by position.
    score = [hist[i] - (300 if repeat[i] else 0) for i in range(n)]
    order = sorted(range(n), key=lambda i: (-score[i], i))
    outputs = {
        "hist": hist,
        "reverse": tokens[::-1],
        "sorted": sorted(tokens),
        "hist2": [tokens_per_count[c] for c in hist],
        "most_freq": ["-" if repeat[i] else tokens[i] for i in order],
    }
    for program, values in outputs.items():
        with open(os.path.join(out, f"{name}.{program}.expected"), "w", encoding="utf-8") as f:
            f.write("".join(f"{v}\n" for v in values))
