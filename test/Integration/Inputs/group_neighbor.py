"""Inputs and expected outputs of group-neighbor.test at large n, computed
independently of rasp-run (a dict of the last position seen per group).

  group_neighbor.py DIR N  writes DIR/NAME.txt (ints) and
                           DIR/NAME.SOP.expected for the inputs NAME:
                           narrow (ints in 0..999: groups counted in a
                           table), wide (1000 distinct ints spread over
                           +-10^15: groups numbered by the sort fallback)
"""
import os
import random
import sys

out, n = sys.argv[1], int(sys.argv[2])
rng = random.Random(11)


def neighbors(groups, forward):
    """For each position, the previous (forward) or next position with the
    same group, or None."""
    result, last = [None] * len(groups), {}
    order = range(len(groups)) if forward else reversed(range(len(groups)))
    for q in order:
        result[q] = last.get(groups[q])
        last[groups[q]] = q
    return result


def f(x):
    return f"{float(x)}"


pool = [rng.randint(-10**15, 10**15) for _ in range(1000)]
inputs = {
    "narrow": [rng.randint(0, 999) for _ in range(n)],
    "wide": [rng.choice(pool) for _ in range(n)],
}
for name, ints in inputs.items():
    with open(os.path.join(out, f"{name}.txt"), "w") as fh:
        fh.write(" ".join(map(str, ints)))
    g = [t % 3 for t in ints]  # Python's floored %, as RASP's
    gp, gn = neighbors(g, True), neighbors(g, False)
    tp, tn = neighbors(ints, True), neighbors(ints, False)
    expected = {
        "prev_idx": [f(-1 if p is None else p) for p in gp],
        "next_idx": [f(-1 if p is None else p) for p in gn],
        "prev_masked": [f(0 if p is None or ints[p] <= 4 else ints[p]) for p in gp],
        "next_qmasked": ["true" if q % 2 == 0 and p is not None and ints[p] > 4 else "false"
                         for q, p in enumerate(gn)],
        "t_prev": [f(-1 if p is None else p) for p in tp],
        "t_next_tok": ["none" if p is None else str(ints[p]) for p in tn],
    }
    for sop, values in expected.items():
        with open(os.path.join(out, f"{name}.{sop}.expected"), "w") as fh:
            fh.write("".join(v + "\n" for v in values))
