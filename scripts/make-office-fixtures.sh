#!/usr/bin/env bash
# Builds tests/fixtures/office/ from the demo report with real office programs, so that the tests
# read documents as LibreOffice and pandoc write them (the tests need only the committed outputs):
#
#   apt-get install -y libreoffice-writer-nogui fonts-noto-cjk pandoc; pip install reportlab weasyprint
#   bash scripts/make-office-fixtures.sh
#
# - libreoffice.{docx,odt,doc,pdf,html}: the text opened in LibreOffice Writer and saved in each
#   format (paragraphs as typed, numbers typed);
# - pandoc.{docx,html}: the text as Markdown (no smart quotes), one paragraph per line, so `1.` items become real
#   numbered lists (Word numbering in the .docx, <ol> in the page);
# - word-numbered.docx: headings numbered by Word's own lists (chineseCounting 一、, decimal 1.), no
#   typed numbers (scripts/word-numbered.py), and that file re-saved by LibreOffice as
#   resaved-numbered.docx (its numbering becomes chineseCountingThousand), .odt (lists that
#   continue the numbering of earlier ones) and .doc (numbers kept in the list tables);
# - word-styled.docx: the same numbering given by two heading styles, and its .doc
#   (styled-numbered.doc);
# - reportlab.pdf: the text typeset by reportlab in a CID font (scripts/reportlab-pdf.py);
# - weasyprint.pdf: the text typeset by WeasyPrint, justified, paragraphs indented, curly quotes
#   (scripts/weasyprint-pdf.py);
# - ../numbered/libreoffice-numbered.html: word-numbered.docx saved as a web page by LibreOffice
#   (nested ordered lists, no number formats);
# - gb18030.txt: the text in the legacy encoding.
set -euo pipefail
cd "$(dirname "$0")/.."
src=examples/reports/demo-2024.txt
out=tests/fixtures/office
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"
cp "$src" "$tmp/libreoffice.txt"
for format in docx odt doc pdf html; do
    soffice --headless --infilter="Text (encoded):UTF8,LF,,," --convert-to "$format" \
        --outdir "$tmp" "$tmp/libreoffice.txt" > /dev/null 2>&1
    cp "$tmp/libreoffice.$format" "$out/"
done
# Markdown: a blank line between lines makes each a paragraph; `1.` lines become list items.
sed 's/$/\n/' "$src" > "$tmp/pandoc.md"
pandoc --from markdown-auto_identifiers-smart --to docx -o "$out/pandoc.docx" "$tmp/pandoc.md"
pandoc --from markdown-auto_identifiers-smart --to html --standalone --metadata title=report \
    -o "$out/pandoc.html" "$tmp/pandoc.md"
iconv -f UTF-8 -t GB18030 "$src" > "$out/gb18030.txt"
python3 scripts/reportlab-pdf.py "$src" "$out/reportlab.pdf"
python3 scripts/weasyprint-pdf.py "$src" "$out/weasyprint.pdf"
python3 scripts/word-numbered.py "$src" "$out/word-numbered.docx"
cp "$out/word-numbered.docx" "$tmp/resaved-numbered.docx"
mkdir -p "$tmp/resaved"
for format in docx odt doc; do
    soffice --headless --convert-to "$format" --outdir "$tmp/resaved" "$tmp/resaved-numbered.docx" > /dev/null 2>&1
    cp "$tmp/resaved/resaved-numbered.$format" "$out/"
done
# The numbered .docx as LibreOffice's web page: nested <ol> with no number format (its own folder:
# it reads with other numbers than the demo text, 1. and (1) for 一、 and 1.).
soffice --headless --convert-to html --outdir "$tmp/resaved" "$tmp/resaved-numbered.docx" > /dev/null 2>&1
mkdir -p tests/fixtures/numbered
cp "$tmp/resaved/resaved-numbered.html" tests/fixtures/numbered/libreoffice-numbered.html
python3 scripts/word-numbered.py --styles "$src" "$out/word-styled.docx"
cp "$out/word-styled.docx" "$tmp/styled-numbered.docx"
soffice --headless --convert-to doc --outdir "$tmp/resaved" "$tmp/styled-numbered.docx" > /dev/null 2>&1
cp "$tmp/resaved/styled-numbered.doc" "$out/"
ls -l "$out"
