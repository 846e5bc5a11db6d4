"""Inputs and expected outputs of large-buffers.test (a stack-based Dyck-2
and plain sorts, independent of rasp-run).

  large_buffers.py DIR N  writes DIR/NAME.txt and DIR/NAME.expected for
                          NAME in ints, letters and dyck2
"""
import os
import random
import sys

out, n = sys.argv[1], int(sys.argv[2])
rng = random.Random(5)

ints = [rng.randint(-1000, 1000000) for _ in range(n)]
with open(os.path.join(out, "ints.txt"), "w") as f:
    f.write(" ".join(map(str, ints)))
with open(os.path.join(out, "ints.expected"), "w") as f:
    f.write("".join(f"{v}.0\n" for v in sorted(ints)))

letters = [rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(n)]
with open(os.path.join(out, "letters.txt"), "w") as f:
    f.write("".join(letters))
with open(os.path.join(out, "letters.expected"), "w") as f:
    f.write("".join(v + "\n" for v in sorted(letters)))

# Brackets that stay balanced (so every value, T and P, occurs throughout)
# until one wrong closer near the end; F from there on.
pairs = {")": "(", "}": "{"}
tokens, stack = [], []
for i in range(n):
    if i == n - 100:
        tokens.append("}" if stack and stack[-1] == "(" else ")")
        continue
    if stack and rng.random() < 0.5:
        tokens.append({"(": ")", "{": "}"}[stack.pop()])
    else:
        stack.append(rng.choice("({"))
        tokens.append(stack[-1])
expected, stack, failed = [], [], False
for t in tokens:
    if t in pairs:
        failed = failed or not stack or stack.pop() != pairs[t]
    else:
        stack.append(t)
    expected.append("F" if failed else ("T" if not stack else "P"))
with open(os.path.join(out, "dyck2.txt"), "w") as f:
    f.write("".join(tokens))
with open(os.path.join(out, "dyck2.expected"), "w") as f:
    f.write("".join(v + "\n" for v in expected))
