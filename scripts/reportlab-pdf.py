#!/usr/bin/env python3
"""Typesets a text report as a PDF with reportlab, as report generators do: the built-in STSong-Light
CID font (no embedded glyphs, Adobe-GB1 with the UniGB-UCS2-H CMap), proportional line breaking,
one paragraph per line of the text. Needs `pip install reportlab`.

    python3 scripts/reportlab-pdf.py REPORT.txt OUT.pdf
"""
import sys
from reportlab.lib.pagesizes import A4
from reportlab.platypus import SimpleDocTemplate, Paragraph
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
pdfmetrics.registerFont(UnicodeCIDFont('STSong-Light'))
style = ParagraphStyle('zh', fontName='STSong-Light', fontSize=12, leading=18, wordWrap='CJK')
src, out = sys.argv[1], sys.argv[2]
doc = SimpleDocTemplate(out, pagesize=A4)
story = [Paragraph(line.replace('&','&amp;').replace('<','&lt;'), style) for line in open(src, encoding='utf-8').read().splitlines() if line.strip()]
doc.build(story)
