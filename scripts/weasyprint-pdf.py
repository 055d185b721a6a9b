#!/usr/bin/env python3
"""Typesets a text report as a PDF with WeasyPrint (pip install weasyprint), the way a web
publishing system prints a page: justified lines, paragraphs indented two characters, curly quotes.
A paragraph's short last line then ends left of where the next, indented line starts, and justified
lines carry spacing between every character: a reader must still give back the text.

    python3 scripts/weasyprint-pdf.py REPORT.txt OUT.pdf
"""
import html
import re
import sys

import weasyprint

STYLE = """
body { font-family: 'Noto Serif CJK SC', 'Noto Sans CJK SC'; font-size: 12pt; text-align: justify }
p { text-indent: 2em; margin: 0 }
"""


def main(source, target):
    lines = open(source, encoding="utf-8").read().splitlines()
    curly = [re.sub(r'"([^"]*)"', "\u201c\\1\u201d", line) for line in lines]
    body = "".join(f"<p>{html.escape(line)}</p>" for line in curly)
    page = f'<html><head><meta charset="utf-8"><style>{STYLE}</style></head><body>{body}</body></html>'
    weasyprint.HTML(string=page).write_pdf(target)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
