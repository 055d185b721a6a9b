//! Every input ends in bounded time and memory. What a document unfolds into (numbering written
//! before every paragraph, pieces that repeat one stretch, unpacked streams, ToUnicode ranges) is
//! budgeted against the file's size and refused with one line past it; what once took time growing
//! with the square of the input is linear, each tried at ten times the size that once stalled.

use std::fmt::Write as _;
use std::io::Write as _;

use duibi::load::SourceText;
use duibi::outline::outline;
use duibi::topics::{Taxonomy, classify};

use crate::make::{doc_with_pieces, odt, package, pdf_objects, pdf_stream};

const W_NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

fn read(name: &str, bytes: &[u8]) -> Result<String, String> {
    SourceText::from_bytes(name, bytes)
        .map(|s| s.text)
        .map_err(|e| e.to_string())
}

/// The file is refused with one line that names it and says what was too large.
fn refused(name: &str, bytes: &[u8], because: &str) {
    let err = read(name, bytes).expect_err("refused");
    assert!(err.starts_with(&format!("{name}: ")), "{err}");
    assert!(err.contains(because), "{err}");
    assert!(!err.contains('\n'), "{err}");
}

fn docx(body: &str, numbering: &str) -> Vec<u8> {
    let document =
        format!(r#"<?xml version="1.0" encoding="UTF-8"?><w:document {W_NS}><w:body>{body}</w:body></w:document>"#);
    let numbering = format!(r#"<?xml version="1.0" encoding="UTF-8"?><w:numbering {W_NS}>{numbering}</w:numbering>"#);
    package(&[
        ("word/document.xml", document.as_bytes()),
        ("word/numbering.xml", numbering.as_bytes()),
    ])
}

fn numbered_paragraph(num_id: u32, text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
    )
}

fn abstract_num(text: &str) -> String {
    let levels: String = (0..9)
        .map(|i| format!(r#"<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="{text}"/></w:lvl>"#))
        .collect();
    format!(r#"<w:abstractNum w:abstractNumId="0">{levels}</w:abstractNum>"#)
}

#[test]
fn numbering_text_written_before_every_paragraph_is_budgeted() {
    let long = format!("第{}%1", "条".repeat(50_000));
    let body: String = (0..400).map(|_| numbered_paragraph(1, "正文")).collect();
    let numbering = format!(
        r#"{}<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#,
        abstract_num(&long)
    );
    let bytes = docx(&body, &numbering);
    assert!(bytes.len() < 100_000, "{}", bytes.len());
    refused("numbers.docx", &bytes, "unfolds into more than 16 MiB of text");
}

#[test]
fn one_numbering_definition_named_by_a_hundred_thousand_lists_is_shared() {
    let text = format!("{}%1", "级".repeat(2_000));
    let mut numbering = abstract_num(&text);
    for id in 1..=100_000 {
        write!(
            numbering,
            r#"<w:num w:numId="{id}"><w:abstractNumId w:val="0"/></w:num>"#
        )
        .unwrap();
    }
    let body = [1, 50_000, 100_000].map(|id| numbered_paragraph(id, "正文")).concat();
    let text = read("lists.docx", &docx(&body, &numbering)).expect("read");
    assert_eq!(text.matches("正文").count(), 3);
}

#[test]
fn two_million_attributes_on_a_word_paragraph_are_read_in_one_pass() {
    let attrs: String = (0..2_000_000).map(|i| format!(" a{i}=\"\"")).collect();
    let body = format!(
        r#"<w:p{attrs}><w:r><w:t>一、总体情况</w:t></w:r></w:p><w:p><w:r><w:t>全年办理复议案件12件。</w:t></w:r></w:p>"#
    );
    let text = read("attributes.docx", &docx(&body, "")).expect("read");
    assert_eq!(text, "一、总体情况\n全年办理复议案件12件。");
}

/// A page's elements are counted before it is parsed: the parser holds hundreds of bytes an element.
#[test]
fn a_web_page_of_a_million_elements_is_refused_before_it_is_parsed() {
    let page = format!("<html><body>{}</body></html>", "<p>a</p>".repeat(1_000_000));
    refused(
        "big.html",
        page.as_bytes(),
        "the page has 1000002 elements, more than 524288",
    );
}

#[test]
fn ten_million_attributes_on_a_web_page_are_read_in_one_pass() {
    let mut page = String::from("<html><body><p");
    for i in 0..10_000_000u32 {
        write!(page, " a{i:x}").unwrap();
    }
    page.push_str(">一、总体情况</p><p>全年办理复议案件12件。</p></body></html>");
    let text = read("attributes.html", page.as_bytes()).expect("read");
    assert!(text.contains("一、总体情况\n全年办理复议案件12件。"), "{text}");
}

#[test]
fn a_list_prefix_written_before_every_item_is_budgeted() {
    let prefix = "前".repeat(50_000);
    let styles = format!(
        r#"<text:list-style style:name="L1"><text:list-level-style-number text:level="1" style:num-format="1" style:num-prefix="{prefix}"/></text:list-style>"#
    );
    let items: String = (0..400)
        .map(|_| "<text:list-item><text:p>正文</text:p></text:list-item>")
        .collect();
    let bytes = odt(
        &styles,
        &format!(r#"<text:list text:style-name="L1">{items}</text:list>"#),
    );
    refused("prefix.odt", &bytes, "unfolds into more than 16 MiB of text");
}

#[test]
fn doc_pieces_that_repeat_one_stretch_are_budgeted() {
    let text = "Report text, one line of it.\r".repeat(3_600);
    let bytes = doc_with_pieces(&text, 1_000);
    assert!(bytes.len() < 200_000);
    refused("pieces.doc", &bytes, "of text");
    // The same file with one piece reads.
    assert!(
        read("one.doc", &doc_with_pieces(&text, 1))
            .expect("read")
            .starts_with("Report text")
    );
}

/// A one-page PDF whose font has `to_unicode` as its map and whose page shows `content`.
fn pdf_with(to_unicode: &[u8], content: &[u8]) -> Vec<u8> {
    pdf_objects(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>".to_vec(),
        content.to_vec(),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>".to_vec(),
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>".to_vec(),
        to_unicode.to_vec(),
    ])
}

fn deflated(data: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(data).unwrap();
    encoder.finish().unwrap()
}

const SHOW: &str = "BT /F1 10 Tf 40 800 Td <00010002> Tj ET";
const MAP: &str = "begincmap\n1 begincodespacerange <0000> <FFFF> endcodespacerange\n2 beginbfchar\n<0001> <6CD5>\n<0002> <6CBB>\nendbfchar\nendcmap";

#[test]
fn a_to_unicode_range_over_every_code_is_refused() {
    let cmap = "begincmap\n1 begincodespacerange <00000000> <FFFFFFFF> endcodespacerange\n1 beginbfrange\n<00000000> <FFFFFFFF> <0000>\nendbfrange\nendcmap";
    let bytes = pdf_with(&pdf_stream("", cmap.as_bytes()), &pdf_stream("", SHOW.as_bytes()));
    assert!(bytes.len() < 2_000);
    refused("ranges.pdf", &bytes, "codes to text");
}

#[test]
fn compressed_streams_that_unpack_past_the_budget_are_refused() {
    // A page's contents.
    let mut content = SHOW.as_bytes().to_vec();
    content.extend(std::iter::repeat_n(b' ', 20 << 20));
    let bytes = pdf_with(
        &pdf_stream("", MAP.as_bytes()),
        &pdf_stream("/Filter /FlateDecode", &deflated(&content)),
    );
    assert!(bytes.len() < 100_000, "{}", bytes.len());
    refused("contents.pdf", &bytes, "unpacked streams");
    // An object stream, unpacked while the file loads.
    let mut objects = b"9 0 ".to_vec();
    let first = objects.len();
    objects.extend(std::iter::repeat_n(b' ', 20 << 20));
    objects.extend_from_slice(b"<< >>");
    let objstm = pdf_stream(
        &format!("/Type /ObjStm /N 1 /First {first} /Filter /FlateDecode"),
        &deflated(&objects),
    );
    let mut all = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>".to_vec(),
        pdf_stream("", SHOW.as_bytes()),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>".to_vec(),
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>".to_vec(),
        pdf_stream("", MAP.as_bytes()),
    ];
    all.push(objstm);
    let bytes = pdf_objects(&all);
    assert!(bytes.len() < 100_000, "{}", bytes.len());
    refused("objects.pdf", &bytes, "unpacked streams");
}

#[test]
fn a_content_stream_shared_by_every_page_is_counted_for_each() {
    // Two thousand pages draw one 100 KB stream: 200 MB to unpack from a file of 120 KB.
    let pages = 2_000;
    let kids: Vec<String> = (0..pages).map(|i| format!("{} 0 R", 8 + i)).collect();
    let mut content = SHOW.as_bytes().to_vec();
    content.extend(std::iter::repeat_n(b' ', 100_000));
    let mut objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        format!("<< /Type /Pages /Kids [{}] /Count {pages} >>", kids.join(" ")).into_bytes(),
        b"<< >>".to_vec(),
        pdf_stream("/Filter /FlateDecode", &deflated(&content)),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>".to_vec(),
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>".to_vec(),
        pdf_stream("", MAP.as_bytes()),
    ];
    for _ in 0..pages {
        objects.push(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>".to_vec());
    }
    refused("shared.pdf", &pdf_objects(&objects), "page contents");
}

#[test]
fn a_million_pages_are_refused_without_reading_them() {
    let pages = 1_000_000;
    let kids: String = (0..pages).map(|i| format!("{} 0 R ", 3 + i)).collect();
    let mut objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        format!("<< /Type /Pages /Kids [{kids}] /Count {pages} >>").into_bytes(),
    ];
    objects.extend((0..pages).map(|_| b"<< /Type /Page /Parent 2 0 R >>".to_vec()));
    refused(
        "pages.pdf",
        &pdf_objects(&objects),
        "is a PDF of 1000000 pages or more; at most 10000 are read",
    );
}

#[test]
fn full_stops_inside_quotes_and_titles_outline_in_linear_time() {
    // Ten times the 192 KB that once took 8 s: runs of 。 inside 《…》 and “…”, closed and not.
    for shape in ["《", "“", "《。》", "“。”"] {
        let mut text = String::from("某局2024年法治政府建设情况报告\n一、总体情况\n");
        while text.len() < 1_920_000 {
            text.push_str(shape);
            text.push_str(&"。".repeat(100));
            text.push_str("学法用法。");
        }
        let doc = outline(&SourceText::from_bytes("quotes.txt", text.as_bytes()).expect("read"));
        let sentences = doc.sentences();
        let topics = classify(&doc, &sentences, &Taxonomy::builtin());
        assert!(sentences.len() > 10_000 && !topics.sentences.is_empty());
    }
}

#[test]
fn an_inline_enumeration_of_fifty_thousand_items_outlines_in_one_pass() {
    // `一是 … 一是 …`: a repeated number goes on with the list (a typo in the source), so every
    // marker opens an item; each item once looked for the next through all the text after it, and
    // recursed into it.
    let text = format!(
        "某局2024年法治政府建设情况报告\n一、总体情况\n{}\n",
        "一是完善制度，健全工作机制。".repeat(50_000)
    );
    let doc = outline(&SourceText::from_bytes("items.txt", text.as_bytes()).expect("read"));
    let items = doc
        .sections
        .iter()
        .filter(|s| s.kind == duibi::outline::SectionKind::Item)
        .count();
    assert_eq!(items, 50_000);
}

#[test]
fn an_opening_without_full_stops_or_digits_outlines_in_linear_time() {
    // Every `现将` and `根据` once read the rest of the paragraph looking for a year (a 4 MB line
    // took 3.8 s); the year is looked for in the 16 characters after each.
    let mut text = "现将根据工作情况报告如下".repeat(200_000);
    text.push_str("现将2024年法治政府建设情况报告如下。");
    let doc = outline(&SourceText::from_bytes("opening.txt", text.as_bytes()).expect("read"));
    assert_eq!(doc.year, Some(2024));
}

#[test]
fn a_line_of_unit_names_outlines_in_linear_time() {
    // The place before each level character (市) was found by reading back to the start of its
    // run of Han characters: a line of names without punctuation was quadratic (2 MB: over 60 s).
    let text = format!(
        "市科技局2024年法治政府建设情况报告\n{}\n",
        "示例市科学技术局".repeat(100_000)
    );
    let doc = outline(&SourceText::from_bytes("names.txt", text.as_bytes()).expect("read"));
    assert_eq!(doc.unit.as_deref(), Some("示例市科学技术局"));
}
