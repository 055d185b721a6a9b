#!/usr/bin/env python3
"""Rebuilds src/diff/dict.txt from jieba's default dictionary (MIT licence, from the jieba-rs crate in
the cargo registry).

Kept: the entries with a frequency of at least 20 (the full dictionary takes ~100 ms to load; this
quarter of it ~25 ms, and segments government prose just as consistently: rarer words split into
known ones, the same way in both reports), minus the domain terms (DOMAIN_TERMS in
src/diff/tokenize.rs), which the segmenter adds with a frequency of its own.

Each line is `KEY word frequency`, sorted by KEY: the word's rarest character, by the frequency of
that character as a word of its own (ties to the lower code point). The segmenter loads only the
words whose characters all occur in the texts, so it reads only the blocks of the texts'
characters, and filing a word under its rarest character keeps those blocks short.

Prints the total frequency, which src/diff/jieba.rs states as DICTIONARY_TOTAL.
"""
import glob
import os
import re
import sys

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
os.chdir(root)
if os.system("cargo fetch --locked >/dev/null") != 0:
    sys.exit("cargo fetch failed")
cargo_home = os.environ.get("CARGO_HOME", os.path.expanduser("~/.cargo"))
source = sorted(glob.glob(f"{cargo_home}/registry/src/*/jieba-rs-0.11.*/src/data/dict.txt"))[0]

tokenize = open("src/diff/tokenize.rs", encoding="utf-8").read()
block = tokenize[tokenize.index("pub const DOMAIN_TERMS"):]
block = block[: block.index("];")]
terms = set(re.findall(r'^\s*"([^"]*)",$', block, re.M))

entries = []
for line in open(source, encoding="utf-8"):
    parts = line.split()
    if len(parts) >= 2 and int(parts[1]) >= 20 and parts[0] not in terms:
        entries.append((parts[0], int(parts[1])))
single = {w: f for w, f in entries if len(w) == 1}


def key(word):
    return min(word, key=lambda c: (single.get(c, 0), ord(c)))


lines = sorted((key(w), w, f) for w, f in entries)
with open("src/diff/dict.txt", "w", encoding="utf-8") as out:
    for k, w, f in lines:
        out.write(f"{k} {w} {f}\n")
print(f"{len(lines)} entries; DICTIONARY_TOTAL = {sum(f for _, f in entries)}")
