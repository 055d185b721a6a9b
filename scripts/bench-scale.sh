#!/usr/bin/env bash
# Scaling: `duibi compare` on synthetic reports of 1, 5, 10 and 50 MB against their edited editions
# (every 50th figure changed, a sentence added or dropped in every 50th paragraph; examples/synth.rs),
# whole process. Prints, per size, the median of RUNS runs (default 3) and the peak memory (GNU
# time's maximum resident set size) against the pair's input; then the scaling exponent between the
# smallest and the largest size (time ∝ size^k). Targets (docs/performance.md, issue "Speed II"):
# k ≤ 1.05, peak memory ≤ 6 × the input. SIZES overrides the sizes (bytes, space-separated).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-3}
sizes=${SIZES:-"1000000 5000000 10000000 50000000"}
cargo build --release --quiet
cargo build --release --quiet --example synth
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
synth=target/release/examples/synth
declare -A median bytes
for size in $sizes; do
    "$synth" report "$size" "$dir/$size.txt"
    "$synth" edit 50 "$dir/$size.txt" "$dir/$size-edited.txt"
    bytes[$size]=$(( $(wc -c < "$dir/$size.txt") + $(wc -c < "$dir/$size-edited.txt") ))
    times=()
    peak=0
    for _ in $(seq "$runs"); do
        out=$( { /usr/bin/time -f '%e %M' target/release/duibi compare --format text --max-size 200000000 \
            "$dir/$size.txt" "$dir/$size-edited.txt" > /dev/null; } 2>&1 | tail -n 1)
        times+=("${out% *}")
        rss=${out#* }
        (( rss > peak )) && peak=$rss
    done
    median[$size]=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
    awk -v s="$size" -v t="${median[$size]}" -v m="$peak" -v b="${bytes[$size]}" 'BEGIN {
        printf "%5.1f MB pair: %6.2f s, peak memory %5.0f MB = %.1f x the input (target 6 x)\n",
            b / 1e6, t, m / 1024, m * 1024 / b }'
done
first=$(echo "$sizes" | awk '{ print $1 }')
last=$(echo "$sizes" | awk '{ print $NF }')
awk -v a="${median[$first]}" -v b="${median[$last]}" -v x="${bytes[$first]}" -v y="${bytes[$last]}" 'BEGIN {
    printf "scaling exponent %.1f MB to %.1f MB: %.2f (target 1.05)\n", x / 1e6, y / 1e6, log(b / a) / log(y / x) }'
