#!/usr/bin/env bash
# Writes link/hot-functions.txt: the binary's functions that the common commands run, which the
# linker places side by side at the start of the code (build.rs, `--symbol-ordering-file`).
# The kernel maps a program's code in windows of 64 KB around each page it first runs, so code
# spread over the whole binary is resident nearly whole (3.3 of 4.9 MB comparing two one-line
# reports); gathered, it takes about 1 MB (docs/performance.md, "The code that runs, side by side").
#
# Needs valgrind. Run it again when the toolchain or a dependency changes: the names carry hashes
# of both, and names the linker does not find are skipped without a word (the build still works,
# the code is only spread out again).
#
# Usage: bash scripts/hot-functions.sh            write the list
#        bash scripts/hot-functions.sh --check    build, and say where the listed functions lie;
#            exits 1 when, built by the toolchain that wrote the list, under 90 % of them are in
#            the binary (then write it again) or they are not side by side, 0 otherwise
set -euo pipefail
cd "$(dirname "$0")/.."
list=link/hot-functions.txt
toolchain=$(rustc -V)
cargo build --release --locked --quiet
bin=target/release/duibi

if [ "${1:-}" = "--check" ]; then
    declare -A where
    while read -r addr size _ name; do
        where[$name]="$addr $size"
    done < <(nm -S --defined-only "$bin" | awk '$3 ~ /^[tTwW]$/')
    listed=0 found=0 bytes=0 lo=-1 hi=0
    declare -A windows
    while read -r name; do
        listed=$((listed + 1))
        [ -n "${where[$name]:-}" ] || continue
        read -r addr size <<< "${where[$name]}"
        a=$((16#$addr)) s=$((16#$size))
        found=$((found + 1)) bytes=$((bytes + s))
        ((lo < 0 || a < lo)) && lo=$a
        ((a + s > hi)) && hi=$((a + s))
        windows[$((a / 65536))]=1
    done < <(grep -v '^#' "$list")
    echo "$found of $listed listed functions in the binary, $((bytes / 1024)) KB of code lying in" \
        "$(((hi - lo) / 1024)) KB, ${#windows[@]} windows of 64 KB"
    if [ "$(head -n 1 "$list")" != "# $toolchain" ]; then
        echo "the list was written by another toolchain ($(head -n 1 "$list" | cut -c3-)): not judged"
    elif ((found * 10 < listed * 9)); then
        echo "hot-functions.sh: $list is out of date; write it again (bash scripts/hot-functions.sh)" >&2
        exit 1
    elif ((hi - lo > 2 * bytes)); then
        echo "hot-functions.sh: the listed functions are not side by side (build.rs did not pass the list)" >&2
        exit 1
    fi
    exit 0
fi

command -v valgrind > /dev/null || { echo "hot-functions.sh: needs valgrind" >&2; exit 2; }
cargo build --release --locked --quiet --example synth
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
target/release/examples/synth report 300000 "$dir/large.txt"
target/release/examples/synth edit 50 "$dir/large.txt" "$dir/large-edited.txt"
old=examples/reports/demo-2024.txt
new=examples/reports/demo-2025.txt
runs=(
    "compare --format text $old $new"
    "compare --format json $old $new"
    "compare --format markdown $old $new"
    "compare --format text $dir/large.txt $dir/large-edited.txt"
    "outline $new"
    "figures $old $new"
    "check $old $new"
    "compare examples/reports"
)
k=0
for run in "${runs[@]}"; do
    k=$((k + 1))
    # shellcheck disable=SC2086 # the runs are word lists
    valgrind --tool=callgrind --demangle=no --compress-strings=no \
        --callgrind-out-file="$dir/run$k.out" "$bin" $run > /dev/null 2> "$dir/run$k.err" || true
done
# Every function any run entered or called, kept when it is one of the binary's own.
nm --defined-only "$bin" | awk '$2 ~ /^[tTwW]$/ { print $3 }' | sort -u > "$dir/defined"
cat "$dir"/run*.out | sed -n 's/^c\?fn=\(([0-9]*) \)\?//p' | sort -u > "$dir/run"
mkdir -p link
{ echo "# $toolchain"; comm -12 "$dir/defined" "$dir/run"; } > "$list"
echo "$list: $(grep -vc '^#' "$list") functions"
