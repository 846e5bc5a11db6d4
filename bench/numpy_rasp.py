"""The paper's RASP programs written with NumPy and dense n-by-n selectors:
what a user would write instead of a compiler (bench/run.py times them).

Tokens are small integer codes (one per distinct character); selectors are
bool matrices indexed [query, key], as in RASP: select(keys, queries, op)
has entry [q, k] = op(keys[k], queries[q]).
"""
import numpy as np


def select(keys, queries, op):
    return op(keys[None, :], queries[:, None])


def width(sel):
    return sel.sum(axis=1)


def mean(sel, values, default=0.0):
    count = sel.sum(axis=1)
    total = sel.astype(np.float64) @ values.astype(np.float64)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(count == 0, default, total / np.maximum(count, 1))


def pick(sel, values, default):
    """Categorical aggregate: the single selected value."""
    count = sel.sum(axis=1)
    if (count > 1).any():
        raise ValueError("several non-numeric values selected")
    return np.where(count == 0, default, values[sel.argmax(axis=1)])


def hist(t):
    return width(select(t, t, np.equal))


def reverse(t):
    i = np.arange(len(t))
    return pick(select(i, len(t) - i - 1, np.equal), t, -1)


def sort(vals, keys):
    i = np.arange(len(keys))
    before = select(keys, keys, np.less) | (select(keys, keys, np.equal) & select(i, i, np.less))
    target = width(before)
    return pick(select(target, i, np.equal), vals, -1)


def sorted_(t):
    return sort(t, t)


def seen_before(t):
    i = np.arange(len(t))
    return mean(select(t, t, np.equal) & select(i, i, np.less), np.ones(len(t))) > 0


def hist2(t):
    counts = width(select(t, t, np.equal))
    first = ~seen_before(t)
    return width(select(counts, counts, np.equal) & select(first, np.ones(len(t), bool), np.equal))


def most_freq(t):
    counts = width(select(t, t, np.equal))
    repeat = seen_before(t)
    score = counts - repeat.astype(np.int64) * 300
    return sort(np.where(repeat, -1, t), -score)


def dyck1(t, open_code, close_code):
    i = np.arange(len(t))
    prefix = select(i, i, np.less_equal)
    opened = np.round((i + 1) * mean(prefix, (t == open_code).astype(np.int64)))
    closed = np.round((i + 1) * mean(prefix, (t == close_code).astype(np.int64)))
    depth = opened - closed
    negative = mean(prefix, (depth < 0).astype(np.int64)) > 0
    return np.where(negative, 2, np.where(depth == 0, 0, 1))


def shuffle_dyck2(t, codes):
    i = np.arange(len(t))
    prefix = select(i, i, np.less_equal)
    share = lambda c: mean(prefix, (t == c).astype(np.int64))
    round_bal = share(codes["("]) - share(codes[")"])
    curly_bal = share(codes["{"]) - share(codes["}"])
    negative = (round_bal < 0) | (curly_bal < 0)
    everything = select(i, i, np.equal) | ~select(i, i, np.equal)
    ever = mean(everything, negative.astype(np.int64)) > 0
    at_end = select(i, np.full(len(t), len(t) - 1), np.equal)
    balanced = pick(at_end, ((round_bal == 0) & (curly_bal == 0)).astype(np.int64), 0)
    return (balanced == 1) & ~ever


def dyck(t, codes, pairs):
    """The paper's Dyck-k for bracket pairs such as ["()", "{}"]: 0 = T, 1 = P, 2 = F."""
    i = np.arange(len(t))
    openers = [codes[p[0]] for p in pairs]
    closers = [codes[p[1]] for p in pairs]
    is_open = np.isin(t, openers).astype(np.int64)
    is_close = np.isin(t, closers).astype(np.int64)
    prefix = select(i, i, np.less_equal)
    opened = np.round((i + 1) * mean(prefix, is_open))
    closed = np.round((i + 1) * mean(prefix, is_close))
    depth = opened - closed
    level = depth + is_close
    same_level = select(level, level, np.equal)
    nth = width(same_level & prefix)
    partner = (select(is_open, np.ones(len(t), np.int64), np.equal) & same_level
               & select(nth, nth - 1, np.equal))
    opener = pick(partner, t, -1)
    matches = np.zeros(len(t), bool)
    for o, c in zip(openers, closers):
        matches |= (opener == o) & (t == c)
    bad = (is_close == 1) & ~matches
    failed = mean(prefix, (bad | (depth < 0)).astype(np.int64)) > 0
    return np.where(failed, 2, np.where(depth == 0, 0, 1))
