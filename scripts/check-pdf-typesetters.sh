#!/usr/bin/env bash
# Typesets each text report as a PDF three ways (LibreOffice Writer, WeasyPrint, reportlab) and
# compares every PDF with the text it came from: each line should say "no change".
#
#   apt-get install -y libreoffice-writer-nogui fonts-noto-cjk; pip install reportlab weasyprint
#   bash scripts/check-pdf-typesetters.sh [REPORT.txt …]     # default: ../shared/corpus/*.txt
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
reports=("$@")
[ ${#reports[@]} -gt 0 ] || reports=(../shared/corpus/*.txt)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for report in "${reports[@]}"; do
    name=$(basename "$report" .txt)
    cp "$report" "$tmp/$name.txt"
    soffice --headless --infilter="Text (encoded):UTF8,LF,,," --convert-to pdf --outdir "$tmp" \
        "$tmp/$name.txt" > /dev/null 2>&1
    mv "$tmp/$name.pdf" "$tmp/$name.libreoffice.pdf"
    python3 scripts/weasyprint-pdf.py "$report" "$tmp/$name.weasyprint.pdf" 2> /dev/null
    python3 scripts/reportlab-pdf.py "$report" "$tmp/$name.reportlab.pdf"
    for pdf in "$tmp/$name".*.pdf; do
        summary=$(target/release/duibi compare "$pdf" "$report" --format text | sed -n 3p)
        printf '%-40s %s\n' "$(basename "$pdf")" "$summary"
    done
done
