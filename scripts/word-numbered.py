#!/usr/bin/env python3
"""Writes a .docx of a text report whose numbered headings carry no typed numbers: Word's own
numbering supplies them (一、 from chineseCounting, 1. from decimal), as a report written in Word
does. scripts/make-office-fixtures.sh re-saves it with LibreOffice.

    python3 scripts/word-numbered.py [--styles] REPORT.txt OUT.docx

With --styles the numbering belongs to two heading styles and the paragraphs only name their style,
as in a report whose headings use Word's 标题 1 / 标题 2 linked to a list.
"""
import re
import sys
import zipfile
from xml.sax.saxutils import escape

NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml"


STYLED = False


def num_pr(level):
    return f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="1"/></w:numPr>'


def paragraph(text, level=None):
    if level is None:
        num = ""
    elif STYLED:
        num = f'<w:pPr><w:pStyle w:val="Heading{level + 1}"/></w:pPr>'
    else:
        num = f'<w:pPr>{num_pr(level)}</w:pPr>'
    return f'<w:p>{num}<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def main(source, target):
    body = []
    for line in open(source, encoding="utf-8").read().splitlines():
        if m := re.match(r"^[一二三四五六七八九十]+、\s*(.*)$", line):
            body.append(paragraph(m.group(1), 0))
        elif m := re.match(r"^\d+\.(.*)$", line):
            body.append(paragraph(m.group(1), 1))
        else:
            body.append(paragraph(line))
    document = f'<?xml version="1.0" encoding="UTF-8"?><w:document {NS}><w:body>{"".join(body)}</w:body></w:document>'
    level = lambda ilvl, fmt, text: (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                                     f'<w:lvlText w:val="{text}"/><w:suff w:val="nothing"/></w:lvl>')
    numbering = (f'<?xml version="1.0" encoding="UTF-8"?><w:numbering {NS}><w:abstractNum w:abstractNumId="0">'
                 f'{level(0, "chineseCounting", "%1、")}{level(1, "decimal", "%2.")}</w:abstractNum>'
                 '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')
    styles = (f'<?xml version="1.0" encoding="UTF-8"?><w:styles {NS}>'
              + "".join(f'<w:style w:type="paragraph" w:styleId="Heading{i + 1}"><w:name w:val="heading {i + 1}"/>'
                        f'<w:pPr>{num_pr(i)}</w:pPr></w:style>' for i in range(2))
              + '</w:styles>')
    types = (f'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="xml" ContentType="application/xml"/>'
             f'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             f'<Override PartName="/word/document.xml" ContentType="{DOC_TYPE}.document.main+xml"/>'
             f'<Override PartName="/word/numbering.xml" ContentType="{DOC_TYPE}.numbering+xml"/>'
             f'<Override PartName="/word/styles.xml" ContentType="{DOC_TYPE}.styles+xml"/></Types>')
    rels = (f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{RELS_NS}"><Relationship Id="rId1" '
            'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    doc_rels = (f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{RELS_NS}"><Relationship Id="rId1" '
                'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>'
                '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" '
                'Target="styles.xml"/></Relationships>')
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in [("[Content_Types].xml", types), ("_rels/.rels", rels), ("word/document.xml", document),
                           ("word/_rels/document.xml.rels", doc_rels), ("word/numbering.xml", numbering), ("word/styles.xml", styles)]:
            z.writestr(zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0)), text)


if __name__ == "__main__":
    args = sys.argv[1:]
    if args and args[0] == "--styles":
        STYLED = True
        args = args[1:]
    main(args[0], args[1])
