#!/bin/sh
# Rebuilds src/diff/dict.txt: the entries of jieba's default dictionary (MIT licence, from the jieba-rs
# crate in the cargo registry) with a frequency of at least 20, as `word freq` lines. The full
# dictionary takes ~100 ms to load; this quarter of it ~25 ms, and segments government prose just as
# consistently (rarer words split into known ones, the same way in both reports).
#
# The domain terms (DOMAIN_TERMS in src/diff/tokenize.rs) are left out: the segmenter adds them with a
# frequency of their own, which replaces a dictionary entry anyway, and a dictionary without them
# lets the filtered load (src/diff/jieba.rs) keep jieba's total exact without looking words up.
set -eu
cd "$(dirname "$0")/.."
cargo fetch --locked >/dev/null
src=$(ls -d "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/jieba-rs-0.11.*/src/data/dict.txt | head -n 1)
terms=$(mktemp)
sed -n '/^pub const DOMAIN_TERMS/,/^];/s/^ *"\([^"]*\)",$/\1/p' src/diff/tokenize.rs > "$terms"
awk 'NR == FNR { term[$1] = 1; next } $2 >= 20 && !($1 in term) { print $1, $2 }' "$terms" "$src" | LC_ALL=C sort -k1,1 > src/diff/dict.txt
rm -f "$terms"
wc -l src/diff/dict.txt
awk '{ s += $2 } END { print "DICTIONARY_TOTAL in src/diff/jieba.rs:", s }' src/diff/dict.txt
