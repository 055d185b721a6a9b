#!/usr/bin/env bash
# Time growth on degenerate inputs: each shape (one character or phrase repeated, with and without
# line breaks: no punctuation, figures, unit names, enumeration markers, open quotes …) is written at
# SMALL and 4 × SMALL bytes (default 500 KB), with an edited copy, and every command is timed on
# both sizes. A linear command takes about 4 × as long on the larger; a ratio over 6 is flagged as
# SLOW, and a run over TIMEOUT seconds (default 60) as TIMEOUT. Needs python3.
#
#     bash scripts/check-shapes.sh [COMMAND...]      (default: outline compare figures check review)
set -euo pipefail
cd "$(dirname "$0")/.."
small=${SMALL:-500000}
timeout_s=${TIMEOUT:-60}
commands=("$@")
[ ${#commands[@]} -eq 0 ] && commands=(outline compare figures check review)
cargo build --release --quiet
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 - "$dir" "$small" <<'EOF'
import os, sys
out, small = sys.argv[1], int(sys.argv[2])
shapes = {
    'han': '法治政府建设情况报告工作', 'ascii': 'abcdefghij', 'digits': '1234567890', 'years': '2024年',
    'figs': '开展12次', 'pct': '增长12.5%', 'dun': '执法、', 'comma': '执法,', 'colon': '执法：',
    'item': '一是执法', 'article': '第一条', 'open_quote': '“执法', 'open_title': '《执法', 'paren': '(执法',
    'space': '执 法 ', 'unit': '市科学技术局', 'date': '2024年1月1日', 'abbrev': '(以下简称“局”)',
    'attach': '附件:', 'heading': '一、', 'stop_digit': '。1', 'opening': '现将根据工作情况',
    'lines': '法治\n', 'heading_lines': '一、\n', 'short_lines': '法\n\n',
}
for size, tag in ((small, 'small'), (4 * small, 'large')):
    for name, unit in shapes.items():
        text = unit * (size // len(unit.encode()))
        half = len(text) // 2
        os.makedirs(f'{out}/{tag}', exist_ok=True)
        open(f'{out}/{tag}/{name}.txt', 'w').write(text)
        open(f'{out}/{tag}/{name}-e.txt', 'w').write(text[:half] + '新增内容' + text[half:])
EOF
run() { # command, size tag, shape → seconds (or TIMEOUT)
    local args=("$dir/$2/$3.txt")
    [ "$1" != outline ] && args+=("$dir/$2/$3-e.txt")
    local t0 t1
    t0=$(date +%s.%N)
    local rc=0
    timeout "$timeout_s" target/release/duibi "$1" --max-size 200000000 "${args[@]}" > /dev/null 2>&1 || rc=$?
    [ "$rc" -eq 124 ] && { echo TIMEOUT; return; }
    t1=$(date +%s.%N)
    awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }'
}
for cmd in "${commands[@]}"; do
    for f in "$dir"/small/*-e.txt; do
        shape=$(basename "$f" -e.txt)
        a=$(run "$cmd" small "$shape")
        b=$(run "$cmd" large "$shape")
        awk -v c="$cmd" -v s="$shape" -v a="$a" -v b="$b" 'BEGIN {
            if (a == "TIMEOUT" || b == "TIMEOUT") { printf "%-8s %-14s %8s %8s  TIMEOUT\n", c, s, a, b; exit }
            r = (a > 0.01) ? b / a : 0
            printf "%-8s %-14s %7.2fs %7.2fs  x%-5.1f%s\n", c, s, a, b, r, (r > 6 ? "  SLOW" : "") }'
    done
done
