//! Builds the .docx and PDF test inputs from text, so the fixtures are readable in the tests that
//! use them and no binary file needs reviewing.

use std::fmt::Write as _;
use std::io::Write as _;

/// A paragraph of a generated Word document.
pub enum Para<'a> {
    Plain(&'a str),
    /// Numbered by Word at this level of the document's one list: 一、 （一） 1. ① (levels 0–3).
    Numbered(u32, &'a str),
    /// Numbered through its style (`Heading1`, which carries level 0 of the list).
    Heading(&'a str),
    /// Text followed by a tracked deletion, which must not be read.
    WithDeletion(&'a str, &'a str),
    Table(&'a [&'a [&'a str]]),
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

fn run(text: &str) -> String {
    format!(r#"<w:r><w:t xml:space="preserve">{}</w:t></w:r>"#, escape(text))
}

/// A .docx whose headings carry no typed numbers: Word's numbering supplies them.
pub fn docx(paragraphs: &[Para]) -> Vec<u8> {
    let mut body = String::new();
    for p in paragraphs {
        match p {
            Para::Plain(t) => write!(body, "<w:p>{}</w:p>", run(t)),
            Para::Numbered(level, t) => write!(
                body,
                r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="1"/></w:numPr></w:pPr>{}</w:p>"#,
                run(t)
            ),
            Para::Heading(t) => write!(
                body,
                r#"<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>{}</w:p>"#,
                run(t)
            ),
            Para::WithDeletion(t, deleted) => write!(
                body,
                r#"<w:p>{}<w:del w:id="1" w:author="审核人"><w:r><w:delText>{}</w:delText></w:r></w:del></w:p>"#,
                run(t),
                escape(deleted)
            ),
            Para::Table(rows) => {
                body.push_str("<w:tbl>");
                for row in *rows {
                    body.push_str("<w:tr>");
                    for cell in *row {
                        write!(body, "<w:tc><w:p>{}</w:p></w:tc>", run(cell)).expect("writes");
                    }
                    body.push_str("</w:tr>");
                }
                body.push_str("</w:tbl>");
                Ok(())
            }
        }
        .expect("writes");
    }
    docx_with_body(&body)
}

/// A .docx whose body is `body` (WordprocessingML, `w:` prefix), with the numbering of [`docx`].
pub fn docx_with_body(body: &str) -> Vec<u8> {
    const NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {NS}><w:body>{body}<w:sectPr/></w:body></w:document>"#
    );
    let level = |ilvl: u32, format: &str, text: &str| {
        format!(
            r#"<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{format}"/><w:lvlText w:val="{text}"/><w:suff w:val="nothing"/></w:lvl>"#
        )
    };
    let numbering = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering {NS}><w:abstractNum w:abstractNumId="7">{}{}{}{}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num></w:numbering>"#,
        level(0, "chineseCounting", "%1、"),
        level(1, "chineseCounting", "（%2）"),
        level(2, "decimal", "%3."),
        level(3, "decimalEnclosedCircle", "%4"),
    );
    let styles = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles {NS}><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>"#
    );
    let content_types = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    for (name, text) in [
        ("[Content_Types].xml", content_types),
        ("word/document.xml", &document),
        ("word/numbering.xml", &numbering),
        ("word/styles.xml", &styles),
    ] {
        zip.start_file(name, options).expect("zip entry");
        zip.write_all(text.as_bytes()).expect("zip write");
    }
    zip.finish().expect("zip").into_inner()
}

/// A one-page PDF showing `lines`, wrapped at `wrap` characters as a typesetter would, in a Type0
/// font with Identity-H encoding and a ToUnicode map: how Word and WPS export Chinese text.
pub fn pdf(lines: &[&str], wrap: usize) -> Vec<u8> {
    cid_font_pdf(&[lines], wrap, CjkFont::Identity { map: true })
}

/// The same over several pages.
pub fn pdf_pages(pages: &[&[&str]], wrap: usize) -> Vec<u8> {
    cid_font_pdf(pages, wrap, CjkFont::Identity { map: true })
}

/// The same without the ToUnicode map: the characters can be drawn but not read back.
pub fn pdf_without_unicode_map(lines: &[&str]) -> Vec<u8> {
    cid_font_pdf(&[lines], 40, CjkFont::Identity { map: false })
}

/// A PDF in a font with a predefined CMap and no ToUnicode map, as official-document typesetting
/// systems write them: `GBK-EUC-H` (strings in GBK) or `UniGB-UCS2-H` (strings in UTF-16).
pub fn pdf_predefined_cmap(lines: &[&str], encoding: &str) -> Vec<u8> {
    let font = match encoding {
        "GBK-EUC-H" => CjkFont::Gbk,
        "UniGB-UCS2-H" => CjkFont::Ucs2,
        other => panic!("no generator for {other}"),
    };
    cid_font_pdf(&[lines], 30, font)
}

/// How the generated PDF's Chinese font encodes its strings.
#[derive(Clone, Copy)]
enum CjkFont {
    /// Glyph ids, with or without a ToUnicode map back to text.
    Identity {
        map: bool,
    },
    Gbk,
    Ucs2,
}

/// A PDF page with a drawing and no text at all: what a scanner without OCR produces.
pub fn scanned_pdf() -> Vec<u8> {
    pdf_document(&["0.5 g 40 40 500 700 re f".to_string()], "", "")
}

fn cid_font_pdf(pages: &[&[&str]], wrap: usize, font: CjkFont) -> Vec<u8> {
    let mut chars: Vec<char> = pages.iter().flat_map(|p| p.iter()).flat_map(|l| l.chars()).collect();
    chars.sort_unstable();
    chars.dedup();
    let cid = |c: char| chars.binary_search(&c).expect("known character") + 1;
    let contents: Vec<String> = pages
        .iter()
        .map(|lines| {
            let mut content = String::from("BT /F1 10 Tf 12 TL 40 800 Td\n");
            for line in *lines {
                let line: Vec<char> = line.chars().collect();
                for piece in line.chunks(wrap.max(1)) {
                    // With a predefined CMap, ASCII (figures, dates) is set in a Latin font, as
                    // typesetting systems do; with Identity-H everything stays in the one font.
                    let mut runs: Vec<(bool, String)> = Vec::new();
                    for &c in piece {
                        let latin = c.is_ascii() && !matches!(font, CjkFont::Identity { .. });
                        match runs.last_mut() {
                            Some((l, run)) if *l == latin => run.push(c),
                            _ => runs.push((latin, c.to_string())),
                        }
                    }
                    for (latin, text) in runs {
                        if latin {
                            write!(content, "/F2 10 Tf ({text}) Tj /F1 10 Tf ").expect("writes");
                            continue;
                        }
                        let bytes: Vec<u8> = match font {
                            CjkFont::Identity { .. } => {
                                text.chars().flat_map(|c| (cid(c) as u16).to_be_bytes()).collect()
                            }
                            CjkFont::Gbk => encoding_rs::GBK.encode(&text).0.into_owned(),
                            CjkFont::Ucs2 => text.encode_utf16().flat_map(u16::to_be_bytes).collect(),
                        };
                        content.push('<');
                        for b in bytes {
                            write!(content, "{b:02X}").expect("writes");
                        }
                        content.push_str("> Tj ");
                    }
                    content.push_str("T*\n");
                }
            }
            content.push_str("ET");
            content
        })
        .collect();
    let mut cmap = String::new();
    if let CjkFont::Identity { map: true } = font {
        cmap.push_str(
            "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
        );
        for chunk in chars.chunks(100) {
            writeln!(cmap, "{} beginbfchar", chunk.len()).expect("writes");
            for &c in chunk {
                let utf16: String = c.encode_utf16(&mut [0; 2]).iter().map(|u| format!("{u:04X}")).collect();
                writeln!(cmap, "<{:04X}> <{utf16}>", cid(c)).expect("writes");
            }
            cmap.push_str("endbfchar\n");
        }
        cmap.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend");
    }
    let encoding = match font {
        CjkFont::Identity { .. } => "Identity-H",
        CjkFont::Gbk => "GBK-EUC-H",
        CjkFont::Ucs2 => "UniGB-UCS2-H",
    };
    pdf_document(&contents, encoding, &cmap)
}

/// Objects 1–6 are the catalog, the page tree and the font (in `encoding`; none when empty); then a
/// page and its content per page.
fn pdf_document(contents: &[String], encoding: &str, cmap: &str) -> Vec<u8> {
    let stream = |s: &str| format!("<< /Length {} >>\nstream\n{s}\nendstream", s.len());
    let latin_font = 7 + 2 * contents.len();
    let resources = if !encoding.is_empty() {
        format!("<< /Font << /F1 3 0 R /F2 {latin_font} 0 R >> >>")
    } else {
        "<< >>".to_string()
    };
    let kids: Vec<String> = (0..contents.len()).map(|i| format!("{} 0 R", 7 + 2 * i)).collect();
    let mut objects = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        format!("<< /Type /Pages /Kids [{}] /Count {} >>", kids.join(" "), contents.len()),
        format!(
            "<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /{encoding} /DescendantFonts [4 0 R]{} >>",
            if cmap.is_empty() { "" } else { " /ToUnicode 5 0 R" }
        ),
        "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 6 0 R /DW 1000 /CIDToGIDMap /Identity >>".to_string(),
        stream(cmap),
        "<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -140 1000 860] /ItalicAngle 0 /Ascent 860 /Descent -140 /CapHeight 700 /StemV 80 >>".to_string(),
    ];
    for (i, content) in contents.iter().enumerate() {
        objects.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources {resources} /Contents {} 0 R >>",
            8 + 2 * i
        ));
        objects.push(stream(content));
    }
    objects.push("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string());
    let objects: Vec<Vec<u8>> = objects.into_iter().map(String::into_bytes).collect();
    pdf_file("1.4", &objects)
}

/// An OpenDocument text package around `body` (the `office:text` content, `text:` and `table:`
/// prefixes) and `styles` (automatic styles), as LibreOffice writes one: the `mimetype` entry first
/// and stored.
pub fn odt(styles: &str, body: &str) -> Vec<u8> {
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"><office:automatic-styles>{styles}</office:automatic-styles><office:body><office:text>{body}</office:text></office:body></office:document-content>"#
    );
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("mimetype", stored).expect("zip entry");
    zip.write_all(b"application/vnd.oasis.opendocument.text")
        .expect("zip write");
    zip.start_file("content.xml", zip::write::SimpleFileOptions::default())
        .expect("zip entry");
    zip.write_all(content.as_bytes()).expect("zip write");
    zip.finish().expect("zip").into_inner()
}

/// A ZIP package of the given parts, deflated, in order.
pub fn package(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_level(Some(9));
    for (name, bytes) in parts {
        zip.start_file(*name, options).expect("zip entry");
        zip.write_all(bytes).expect("zip write");
    }
    zip.finish().expect("zip").into_inner()
}

/// A PDF of the given objects, numbered from 1 (the first is the catalog), each written as given
/// between `obj` and `endobj`, with a cross-reference table.
pub fn pdf_objects(objects: &[Vec<u8>]) -> Vec<u8> {
    pdf_file("1.5", objects)
}

/// A PDF file of format `version` holding `objects`, numbered from 1, and its cross-reference table.
fn pdf_file(version: &str, objects: &[Vec<u8>]) -> Vec<u8> {
    let mut out = format!("%PDF-{version}\n").into_bytes();
    out.extend_from_slice(b"%\xe2\xe3\xcf\xd3\n");
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(object);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    let mut table = format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1);
    for o in offsets {
        writeln!(table, "{o:010} 00000 n ").expect("writes");
    }
    write!(
        table,
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    )
    .expect("writes");
    out.extend_from_slice(table.as_bytes());
    out
}

/// A PDF stream object: `dict` entries (without `<< >>`) and its data, with its length.
pub fn pdf_stream(dict: &str, data: &[u8]) -> Vec<u8> {
    let mut out = format!("<< {dict} /Length {} >>\nstream\n", data.len()).into_bytes();
    out.extend_from_slice(data);
    out.extend_from_slice(b"\nendstream");
    out
}

/// A Word 97–2003 file whose main text is `text` (paragraphs ending in `\r`), in one piece stored
/// as UTF-16.
pub fn doc(text: &str) -> Vec<u8> {
    let units: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    compound_doc(&units, text.encode_utf16().count() as u32, 1, false)
}

/// A Word 97–2003 file whose main text is `pieces` pieces, every one of them pointing at the same
/// stretch of the stream: `text` (ASCII), stored one byte a character.
pub fn doc_with_pieces(text: &str, pieces: u32) -> Vec<u8> {
    compound_doc(text.as_bytes(), text.len() as u32, pieces, true)
}

/// The WordDocument stream (a FIB, then `stored`) and the table stream with a piece table of
/// `pieces` pieces of `len` characters, each pointing at `stored`, one byte a character when
/// `compressed`, else two.
fn compound_doc(stored: &[u8], len: u32, pieces: u32, compressed: bool) -> Vec<u8> {
    const TEXT_AT: usize = 1024;
    let mut word = vec![0u8; TEXT_AT];
    word[0..2].copy_from_slice(&0xA5ECu16.to_le_bytes());
    // The table stream is 1Table; no 16-bit values; four 32-bit ones (the last, the main text's
    // length); 34 (fc, lcb) pairs, the 34th locating the piece table.
    word[0x0A..0x0C].copy_from_slice(&0x0200u16.to_le_bytes());
    word[34..36].copy_from_slice(&4u16.to_le_bytes());
    word[48..52].copy_from_slice(&(len * pieces).to_le_bytes());
    word[52..54].copy_from_slice(&34u16.to_le_bytes());
    word.extend_from_slice(stored);
    let mut plc = Vec::new();
    for i in 0..=pieces {
        plc.extend_from_slice(&(i * len).to_le_bytes());
    }
    for _ in 0..pieces {
        plc.extend_from_slice(&0u16.to_le_bytes());
        let fc = if compressed {
            ((TEXT_AT as u32) * 2) | 0x4000_0000
        } else {
            TEXT_AT as u32
        };
        plc.extend_from_slice(&fc.to_le_bytes());
        plc.extend_from_slice(&0u16.to_le_bytes());
    }
    let mut table = vec![0x02];
    table.extend_from_slice(&(plc.len() as u32).to_le_bytes());
    table.extend_from_slice(&plc);
    let clx_at = 54 + 33 * 8;
    word[clx_at..clx_at + 4].copy_from_slice(&0u32.to_le_bytes());
    word[clx_at + 4..clx_at + 8].copy_from_slice(&(table.len() as u32).to_le_bytes());
    let mut file = cfb::CompoundFile::create(std::io::Cursor::new(Vec::new())).expect("compound file");
    file.create_stream("/WordDocument")
        .expect("stream")
        .write_all(&word)
        .expect("writes");
    file.create_stream("/1Table")
        .expect("stream")
        .write_all(&table)
        .expect("writes");
    file.flush().expect("flushes");
    file.into_inner().into_inner()
}
