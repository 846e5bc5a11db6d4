"""Letters with exact shares of n, shuffled: several letters share a count
(byte-tables.test's hist2, table-sort.test's most_freq)."""
import random


def shuffled_letters(n, seed, shares):
    """n letters, letter c making up shares[c] / 110 of them, shuffled by a
    random.Random(seed); n must be a multiple of 110."""
    assert n % 110 == 0 and sum(shares.values()) == 110
    letters = [c for c, share in shares.items() for _ in range(n // 110 * share)]
    random.Random(seed).shuffle(letters)
    return letters
