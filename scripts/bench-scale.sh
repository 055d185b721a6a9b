#!/usr/bin/env bash
# Scaling: `duibi compare` on a synthetic 1 MB and 5 MB report against its edited edition (every 50th
# figure changed, a sentence added or dropped in every 50th paragraph; examples/synth.rs), whole
# process. Prints the median of RUNS runs (default 3) of each, the 5 MB / 1 MB ratio, and peak memory
# (GNU time's maximum resident set size) against the pair's input size. Targets in docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-3}
cargo build --release --quiet
cargo build --release --quiet --example synth
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
synth=target/release/examples/synth
declare -A median rss bytes
for size in 1000000 5000000; do
    "$synth" report "$size" "$dir/$size.txt"
    "$synth" edit 50 "$dir/$size.txt" "$dir/$size-edited.txt"
    bytes[$size]=$(( $(wc -c < "$dir/$size.txt") + $(wc -c < "$dir/$size-edited.txt") ))
    times=()
    for _ in $(seq "$runs"); do
        out=$( { /usr/bin/time -f '%e %M' target/release/duibi compare --format text \
            "$dir/$size.txt" "$dir/$size-edited.txt" > /dev/null; } 2>&1 | tail -n 1)
        times+=("${out% *}")
        rss[$size]=${out#* }
    done
    median[$size]=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
    awk -v s="$size" -v t="${median[$size]}" -v m="${rss[$size]}" -v b="${bytes[$size]}" 'BEGIN {
        printf "%d MB pair: %.2f s, peak memory %.0f MB for %.1f MB of input (target 10 x input + 15 MB = %.0f MB)\n",
            s / 1e6, t, m / 1024, b / 1048576, 10 * b / 1048576 + 15 }'
done
awk -v a="${median[1000000]}" -v b="${median[5000000]}" 'BEGIN { printf "5 MB / 1 MB: %.1fx (target 6.5x)\n", b / a }'
