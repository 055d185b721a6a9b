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
# Ends the functions text comparisons run (the runs that come first); the linker skips comments.
marker="# the other commands"
toolchain=$(rustc -V)
cargo build --release --locked --quiet
bin=target/release/duibi
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

# A synthetic 1 MB report and its edited edition, as $dir/large.txt and $dir/large-edited.txt: the
# 2 MB pair both the list and its check run.
synthetic_pair() {
    cargo build --release --locked --quiet --example synth
    target/release/examples/synth report 1000000 "$dir/large.txt"
    target/release/examples/synth edit 50 "$dir/large.txt" "$dir/large-edited.txt"
}

if [ "${1:-}" = "--check" ]; then
    declare -A where
    while read -r addr size _ name; do
        where[$name]="$addr $size"
    done < <(nm -S --defined-only "$bin" | awk '$3 ~ /^[tTwW]$/')
    listed=0 found=0 bytes=0 lo=-1 hi=0 first=1
    declare -A windows text_windows
    while read -r name; do
        [ "$name" = "$marker" ] && first=0
        [[ $name == "#"* ]] && continue
        listed=$((listed + 1))
        [ -n "${where[$name]:-}" ] || continue
        read -r addr size <<< "${where[$name]}"
        a=$((16#$addr)) s=$((16#$size))
        found=$((found + 1)) bytes=$((bytes + s))
        ((lo < 0 || a < lo)) && lo=$a
        ((a + s > hi)) && hi=$((a + s))
        windows[$((a / 65536))]=1
        ((first)) && text_windows[$((a / 65536))]=1
    done < "$list"
    echo "$found of $listed listed functions in the binary, $((bytes / 1024)) KB of code lying in" \
        "$(((hi - lo) / 1024)) KB, ${#windows[@]} windows of 64 KB," \
        "${#text_windows[@]} of them those of a text comparison"
    # The code a text comparison keeps resident, read while it writes (the work done, the output
    # waiting in the pipe): the windows of its functions, and two for the start-up code and the
    # odd function the runs above did not enter.
    synthetic_pair
    mkfifo "$dir/out"
    "$bin" compare --format text "$dir/large.txt" "$dir/large-edited.txt" > "$dir/out" &
    pid=$!
    exec 3< "$dir/out"
    head -c 1 <&3 > /dev/null
    code=$(awk -v bin="$(realpath "$bin")" '
        /^[0-9a-f]+-[0-9a-f]+ / { on = ($2 ~ /x/ && $NF == bin) }
        on && /^Rss:/ { kb += $2 }
        END { print kb + 0 }' "/proc/$pid/smaps")
    cat <&3 > /dev/null
    wait "$pid" || true
    allowed=$(((${#text_windows[@]} + 2) * 64))
    echo "a text comparison of a 2 MB pair keeps $code KB of code resident (at most $allowed KB)"
    if [ "$(head -n 1 "$list")" != "# $toolchain" ]; then
        echo "the list was written by another toolchain ($(head -n 1 "$list" | cut -c3-)): not judged"
    elif ((found * 10 < listed * 9)); then
        echo "hot-functions.sh: $list is out of date; write it again (bash scripts/hot-functions.sh)" >&2
        exit 1
    elif ((hi - lo > 2 * bytes)); then
        echo "hot-functions.sh: the listed functions are not side by side (build.rs did not pass the list)" >&2
        exit 1
    elif ! grep -qx "$marker" "$list"; then
        echo "hot-functions.sh: $list does not say where a text comparison's functions end; write it again" >&2
        exit 1
    elif ((code > allowed)); then
        echo "hot-functions.sh: a text comparison's code is spread out (the list does not put it first)" >&2
        exit 1
    fi
    exit 0
fi

command -v valgrind > /dev/null || { echo "hot-functions.sh: needs valgrind" >&2; exit 2; }
synthetic_pair
old=examples/reports/demo-2024.txt
new=examples/reports/demo-2025.txt
# The list is in the order of these runs, each adding the functions the runs before it did not
# enter: a text comparison, the most common command, finds its code in the fewest windows.
printf '一、工作\n开展执法检查3次。\n' > "$dir/short.txt"
printf '开展执法检查4次,办理复议案件2件。\n' > "$dir/short-edited.txt"
runs=(
    "compare --format text $old $new"
    "compare --format text $dir/large.txt $dir/large-edited.txt"
    "compare --format text tests/fixtures/gold/city-justice.txt tests/fixtures/gold/county-market.txt"
    "compare --format text $dir/short.txt $dir/short-edited.txt"
    "compare --format text examples/reports/sample-market-2024.txt $old"
    "compare --format text tests/fixtures/changes/dev/labour-2022.txt tests/fixtures/changes/dev/labour-2023.txt"
    "compare --format text tests/fixtures/changes/dev/market-2023.txt tests/fixtures/changes/dev/market-2024.txt"
    "compare --format text tests/fixtures/changes/dev/science-2018.txt tests/fixtures/changes/dev/science-2019.txt"
    "compare --format json $old $new"
    "compare --format markdown $old $new"
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
# Every function a run entered or called, kept when it is one of the binary's own, run by run
# (sorted by name within a run) and each once.
nm --defined-only "$bin" | awk '$2 ~ /^[tTwW]$/ { print $3 }' | sort -u > "$dir/defined"
mkdir -p link
{
    echo "# $toolchain"
    for k in $(seq "${#runs[@]}"); do
        [[ ${runs[k - 1]} == "compare --format text "* ]] || echo "$marker"
        sed -n 's/^c\?fn=\(([0-9]*) \)\?//p' "$dir/run$k.out" | sort -u | comm -12 "$dir/defined" -
    done | awk '!seen[$0]++'
} > "$list"
echo "$list: $(grep -vc '^#' "$list") functions"
