//===- Prelude.cpp - The RASP prelude, written in RASP --------------------===//
//
// The helpers that programs written for the reference REPL call by name (its
// library rasplib.rasp), with the same meaning. `length` and `selector_width`
// are builtins here. Evaluated before every program in the scope around the
// program's globals: a user definition of the same name shadows these.
//
//===----------------------------------------------------------------------===//

#include "rasp/Frontend/Importer.h"

static const char kPrelude[] = R"RASP(# The RASP prelude (see docs/frontend.md).
full_s = select(1, 1, ==);

# True where the query selects at least one key.
def has_focus(sel) {
    return aggregate(sel, 1, 0) > 0;
}

# How many positions hold `atom` (the same at every position).
def count(seq, atom) {
    return round(length * aggregate(full_s, indicator(seq == atom)));
}

# True everywhere when some position holds `atom`.
def contains(seq, atom) {
    return aggregate(full_s, indicator(seq == atom)) > 0;
}

def max(a, b) {
    return a if a > b else b;
}

def min(a, b) {
    return a if a < b else b;
}

# The mean of a numeric s-op, at every position.
def average(seq) {
    return aggregate(full_s, seq);
}

# The value at position `location` (an s-op or a constant), everywhere.
def load_from_location(seq, location) {
    return aggregate(select(indices, location, ==), seq);
}

# Position i gets seq[i - n]; positions with no source get `filler`.
def shift(seq, n, filler) {
    return aggregate(select(indices + n, indices, ==), seq, filler);
}

# True at the last position holding `val`.
def mark_last_instance(seq, val) {
    has_val = seq == val;
    later_val = select(seq, val, ==) and select(indices, indices, >);
    return has_val and not has_focus(later_val);
}

# As in the reference library, whose definition looks at later positions
# too (select(indices, indices, >)), so it marks the same position as
# mark_last_instance.
def mark_first_instance(seq, val) {
    has_val = seq == val;
    earlier_val = select(seq, val, ==) and select(indices, indices, >);
    return has_val and not has_focus(earlier_val);
}

def select_from_last(seq, val) {
    return select(mark_last_instance(seq, val), True, ==);
}

def select_from_first(seq, val) {
    return select(mark_first_instance(seq, val), True, ==);
}

# Sorts `seq` by `key` (ascending; ties keep their order).
def sort(seq, key) {
    before = select(key, key, <) or (select(key, key, ==) and select(indices, indices, <));
    target = selector_width(before);
    return aggregate(select(target, indices, ==), seq);
}

# Each position selects the next position holding the same value.
def select_next_identical(seq) {
    prev_same = select(seq, seq, ==) and select(indices, indices, <);
    num_prev = selector_width(prev_same);
    return select(seq, seq, ==) and select(num_prev, num_prev + 1, ==);
}
)RASP";

const char *rasp::getRaspPrelude() { return kPrelude; }
