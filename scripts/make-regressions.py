#!/usr/bin/env python3
"""Writes the hostile inputs of tests/regressions/: each once crashed, exhausted memory or stalled
duibi (see docs/reliability.md). Deterministic; rerun to rebuild them:

    python3 scripts/make-regressions.py tests/regressions
"""
import io
import sys
import zipfile
from pathlib import Path

NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
TYPES = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
         'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>'
         '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
         'officedocument.wordprocessingml.document.main+xml"/></Types>')


def docx(body, numbering=None):
    document = f'<?xml version="1.0" encoding="UTF-8"?><w:document {NS}><w:body>{body}</w:body></w:document>'
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in [("[Content_Types].xml", TYPES), ("word/document.xml", document)] + (
                [("word/numbering.xml", numbering)] if numbering else []):
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text)
    return out.getvalue()


def para(text, num=None):
    ppr = f'<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num}"/></w:numPr></w:pPr>' if num else ""
    return f'<w:p>{ppr}<w:r><w:t>{text}</w:t></w:r></w:p>'


def huge_numbering(fmt):
    numbering = (f'<?xml version="1.0" encoding="UTF-8"?><w:numbering {NS}><w:abstractNum w:abstractNumId="1">'
                 f'<w:lvl w:ilvl="0"><w:start w:val="4294967000"/><w:numFmt w:val="{fmt}"/>'
                 '<w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>'
                 '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>')
    return docx("".join(para(f"第{k}项工作。", 1) for k in range(40)), numbering)


def archive(entries):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    return out.getvalue()


def cyclic_pdf():
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [2 0 R] /Count 1 >>",  # the page tree lists itself
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{body}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def main(target):
    target = Path(target)
    target.mkdir(parents=True, exist_ok=True)
    sentence = "全年提供法律咨询16次。"
    files = {
        # Nesting that overflowed the stack of a recursive reader.
        "deep-sdt.docx": docx("<w:sdt><w:sdtContent>" * 50000 + para("正文。") + "</w:sdtContent></w:sdt>" * 50000),
        # Nested insertions in one paragraph: quadratic time once.
        "nested-ins.docx": docx("<w:p>" + "<w:ins>" * 100000 + "<w:r><w:t>正文。</w:t></w:r>" + "</w:ins>" * 100000 + "</w:p>"),
        # Numbering from 4,294,967,000: letters and roman numerals took seconds and gigabytes.
        "numbering-upper-letter.docx": huge_numbering("upperLetter"),
        "numbering-upper-roman.docx": huge_numbering("upperRoman"),
        # A page tree that contains itself.
        "cyclic-pages.pdf": cyclic_pdf(),
        # One bad byte in UTF-8, and a last character cut in half: read as GB18030 once.
        "one-bad-byte.txt": ("一、法律顾问\n" + sentence * 20).encode() + b"\xff" + sentence.encode(),
        "cut-last-character.txt": ("一、法律顾问\n" + sentence * 20).encode()[:-1],
        # Large but compressible: deep HTML nesting and one very long line.
        "large.inputs.zip": archive([
            ("deep-span.html", "<html><body>" + "<span>" * 100000 + sentence + "</span>" * 100000 + "</body></html>"),
            ("deep-div.html", "<html><body>" + "<div>" * 50000 + sentence + "</div>" * 50000 + "</body></html>"),
            ("long-line.txt", "一、法律顾问" + sentence * 10000),
        ]),
    }
    for name, data in files.items():
        (target / name).write_bytes(data if isinstance(data, bytes) else data.encode())
        print(f"{name}: {len(data)} bytes")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "tests/regressions")
