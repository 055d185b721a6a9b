//! HTML pages, Word .docx and PDF through the binary: each is read like the same report in plain
//! text, the format is told from the content whatever the name, and what cannot be read says why.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::make::{
    Para, docx, docx_with_body, odt, pdf, pdf_pages, pdf_predefined_cmap, pdf_without_unicode_map, scanned_pdf,
};
use crate::util::{duibi, fixture, stdout_of};

/// `outline --format json` of a file.
fn outline_json(path: &Path) -> Value {
    let out = stdout_of(duibi().args(["outline", "--format", "json"]).arg(path));
    serde_json::from_str(&out).expect("json")
}

fn scratch(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("formats");
    std::fs::create_dir_all(&dir).expect("scratch dir");
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("writes");
    path
}

/// Every section's number, heading and text, in order: what must not depend on the file format.
fn sections(v: &Value) -> Vec<(String, String, String)> {
    fn walk(s: &Value, out: &mut Vec<(String, String, String)>) {
        let field = |k: &str| s[k].as_str().unwrap_or_default().to_string();
        out.push((field("number"), field("heading"), field("text")));
        for c in s["children"].as_array().into_iter().flatten() {
            walk(c, out);
        }
    }
    let mut out = Vec::new();
    for s in v["sections"].as_array().expect("sections") {
        walk(s, &mut out);
    }
    out
}

#[test]
fn a_saved_gbk_page_reads_like_the_text_report() {
    let page = outline_json(&fixture("reports/html/page.gbk.html"));
    let text = outline_json(&fixture("reports/styles/left.txt"));
    assert_eq!(page["format"], "html");
    assert_eq!(page["encoding"], "gb18030");
    assert_eq!(sections(&page), sections(&text));
    for key in ["unit", "year", "addressee", "signature", "date", "preamble"] {
        assert_eq!(page[key], text[key], "{key}");
    }
    assert_eq!(page["title"], "示例县科学技术局2021年度法治政府建设情况报告");
    let all = page.to_string();
    for furniture in [
        "首页",
        "您当前的位置",
        "政务公开",
        "浏览次数",
        "打印本页",
        "分享到",
        "留言",
        "网站地图",
        "var _hmt",
    ] {
        assert!(
            !all.contains(furniture),
            "site furniture '{furniture}' leaked into the report"
        );
    }
}

#[test]
fn a_page_compares_with_a_text_report() {
    let out = stdout_of(
        duibi()
            .args(["compare", "--format", "json"])
            .arg(fixture("reports/html/page.gbk.html"))
            .arg(fixture("reports/styles/right.txt")),
    );
    let v: Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["left"]["format"], "html");
    let counsel = v["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| r["topic"] == "legal_counsel");
    let counsel = counsel.expect("a legal_counsel row");
    assert!(
        counsel["left"]
            .as_array()
            .expect("passages")
            .iter()
            .any(|p| p["text"].as_str().unwrap_or_default().contains("法律咨询16次")),
        "{counsel}"
    );
}

/// The report of the .docx tests, as Word holds it (numbers supplied by numbering) …
const DOCX: &[Para] = &[
    Para::Plain("示例市科学技术局2024年法治政府建设情况报告"),
    Para::Plain("2024年，我局深入学习贯彻习近平法治思想，全面推进依法行政，现将有关情况报告如下。"),
    Para::Heading("加强组织领导"),
    Para::Numbered(
        1,
        "落实第一责任人职责。局党组书记切实履行推进法治建设第一责任人职责，全年召开专题会议5次。",
    ),
    Para::Numbered(
        1,
        "健全法律顾问制度。聘请律师事务所担任常年法律顾问，全年审查合同52份，提供法律咨询119次。",
    ),
    Para::Numbered(0, "推进严格规范公正文明执法"),
    Para::Numbered(1, "落实行政执法三项制度"),
    Para::Numbered(2, "全面推行行政执法公示制度。"),
    Para::WithDeletion("开展“双随机、一公开”抽查11次。", "（此句已删除）"),
    Para::Numbered(2, "加强执法队伍建设。"),
    Para::Numbered(3, "组织执法人员参加业务培训3次。"),
    Para::Numbered(3, "全局持证执法人员达到24人。"),
    Para::Table(&[&["事项", "2023年", "2024年"], &["规范性文件", "4件", "6件"]]),
    Para::Numbered(0, "存在问题"),
    Para::Plain("执法信息化水平不高。"),
    Para::Plain("示例市科学技术局"),
    Para::Plain("2025年1月20日"),
];

/// … and as a reader sees it.
const DOCX_AS_TEXT: &str = "示例市科学技术局2024年法治政府建设情况报告
2024年，我局深入学习贯彻习近平法治思想，全面推进依法行政，现将有关情况报告如下。
一、加强组织领导
（一）落实第一责任人职责。局党组书记切实履行推进法治建设第一责任人职责，全年召开专题会议5次。
（二）健全法律顾问制度。聘请律师事务所担任常年法律顾问，全年审查合同52份，提供法律咨询119次。
二、推进严格规范公正文明执法
（一）落实行政执法三项制度
1.全面推行行政执法公示制度。
开展“双随机、一公开”抽查11次。
2.加强执法队伍建设。
①组织执法人员参加业务培训3次。
②全局持证执法人员达到24人。
事项 | 2023年 | 2024年
规范性文件 | 4件 | 6件
三、存在问题
执法信息化水平不高。
示例市科学技术局
2025年1月20日
";

#[test]
fn word_numbering_becomes_the_visible_numbers() {
    let doc = outline_json(&scratch("report.docx", &docx(DOCX)));
    let text = outline_json(&scratch("report-as-text.txt", DOCX_AS_TEXT.as_bytes()));
    assert_eq!(doc["format"], "docx");
    assert_eq!(sections(&doc), sections(&text));
    for key in ["title", "unit", "year", "signature", "date", "preamble"] {
        assert_eq!(doc[key], text[key], "{key}");
    }
    let numbers: Vec<String> = sections(&doc).into_iter().map(|s| s.0).collect();
    assert_eq!(
        numbers,
        [
            "一、",
            "（一）",
            "（二）",
            "二、",
            "（一）",
            "1.",
            "2.",
            "①",
            "②",
            "三、"
        ]
    );
    assert!(!doc.to_string().contains("此句已删除"), "a tracked deletion was read");
}

#[test]
fn a_pdf_with_a_text_layer_reads_like_the_text_report() {
    let lines: Vec<&str> = DOCX_AS_TEXT.lines().collect();
    // Wrapped at 30 characters, as on a printed page: the hard breaks must be joined again.
    let from_pdf = outline_json(&scratch("report.pdf", &pdf(&lines, 30)));
    let text = outline_json(&scratch("report-as-text.txt", DOCX_AS_TEXT.as_bytes()));
    assert_eq!(from_pdf["format"], "pdf");
    assert_eq!(sections(&from_pdf), sections(&text));
    for key in ["title", "unit", "year", "date"] {
        assert_eq!(from_pdf[key], text[key], "{key}");
    }
}

#[test]
fn pdfs_in_fonts_with_predefined_chinese_cmaps_are_read() {
    let lines: Vec<&str> = DOCX_AS_TEXT.lines().collect();
    let text = outline_json(&scratch("report-as-text.txt", DOCX_AS_TEXT.as_bytes()));
    for encoding in ["GBK-EUC-H", "UniGB-UCS2-H"] {
        let from_pdf = outline_json(&scratch(
            &format!("{encoding}.pdf"),
            &pdf_predefined_cmap(&lines, encoding),
        ));
        assert_eq!(sections(&from_pdf), sections(&text), "{encoding}");
        for key in ["title", "unit", "year", "date"] {
            assert_eq!(from_pdf[key], text[key], "{encoding}: {key}");
        }
    }
}

#[test]
fn running_headers_and_footers_of_a_long_pdf_are_not_report_text() {
    let lines: Vec<&str> = DOCX_AS_TEXT.lines().collect();
    let third = lines.len() / 3;
    let pages: Vec<Vec<&str>> = (0..3)
        .map(|i| {
            let body = &lines[i * third..if i == 2 { lines.len() } else { (i + 1) * third }];
            let mut page = vec!["示例市科学技术局文件"];
            page.extend_from_slice(body);
            page.push("示科发〔2025〕3号");
            page
        })
        .collect();
    let pages: Vec<&[&str]> = pages.iter().map(Vec::as_slice).collect();
    let from_pdf = outline_json(&scratch("three-pages.pdf", &pdf_pages(&pages, 30)));
    let text = outline_json(&scratch("report-as-text.txt", DOCX_AS_TEXT.as_bytes()));
    assert_eq!(sections(&from_pdf), sections(&text));
    let all = from_pdf.to_string();
    assert!(
        !all.contains("示例市科学技术局文件") && !all.contains("示科发"),
        "{all}"
    );
}

#[test]
fn a_paragraph_cut_by_a_page_break_reads_as_one() {
    // Thirty characters a line: the paragraph fills three lines of the first page and ends on the
    // second; the next paragraph is a heading.
    let first: String =
        "我局全面推进依法行政工作，聘请常年法律顾问两名，全年共审查合同五十二份，提出修改意见一百零六条，"
            .chars()
            .cycle()
            .take(90)
            .collect();
    let rest = "有效防范了法律风险。";
    let page_one: &[&str] = &["一、总体情况", &first];
    let page_two: &[&str] = &[rest, "二、存在问题", "学法用法的制度还要完善。"];
    let bytes = pdf_pages(&[page_one, page_two], 30);
    let text = duibi::load::SourceText::from_bytes("two-pages.pdf", &bytes)
        .expect("reads")
        .text;
    assert_eq!(
        text,
        format!("一、总体情况\n{first}{rest}\n二、存在问题\n学法用法的制度还要完善。")
    );
}

#[test]
fn the_content_decides_the_format_not_the_name() {
    let lines: Vec<&str> = DOCX_AS_TEXT.lines().collect();
    for (name, bytes, format) in [
        ("docx-named.txt", docx(DOCX), "docx"),
        ("pdf-named.docx", pdf(&lines, 40), "pdf"),
        ("text-named.pdf", DOCX_AS_TEXT.as_bytes().to_vec(), "text"),
        (
            "page-named.txt",
            std::fs::read(fixture("reports/html/page.html")).expect("fixture"),
            "html",
        ),
    ] {
        let v = outline_json(&scratch(name, &bytes));
        assert_eq!(v["format"], format, "{name}");
        assert!(!sections(&v).is_empty(), "{name}");
    }
}

#[test]
fn what_cannot_be_read_says_why_in_one_line() {
    let mut not_word = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    not_word
        .start_file("photo.jpg", zip::write::SimpleFileOptions::default())
        .expect("entry");
    let not_word = not_word.finish().expect("zip").into_inner();
    let lines: Vec<&str> = DOCX_AS_TEXT.lines().collect();
    let cases: [(&str, Vec<u8>, &str); 7] = [
        (
            "unmapped.pdf",
            pdf_without_unicode_map(&lines),
            "is a PDF whose Chinese fonts (SimSun) carry no map to Unicode, so their text cannot be read",
        ),
        (
            "scan.pdf",
            scanned_pdf(),
            "is a PDF without a text layer (a scanned image?): run OCR on it first, or use the .docx or text version",
        ),
        (
            "broken.pdf",
            b"%PDF-1.7\n1 0 obj\n<< /Type /Cat".to_vec(),
            "is not a readable PDF",
        ),
        (
            "old.doc",
            [&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1][..], &[0; 512]].concat(),
            "is a damaged Office 97–2003 file",
        ),
        (
            "report.rtf",
            b"{\\rtf1\\ansi report}".to_vec(),
            "is an RTF file: save it as .docx or plain text",
        ),
        (
            "archive.docx",
            not_word,
            "is a ZIP archive but not a Word document (no word/document.xml)",
        ),
        (
            "truncated.docx",
            docx(DOCX)[..200].to_vec(),
            "is not a readable .docx file",
        ),
    ];
    for (name, bytes, message) in cases {
        let path = scratch(name, &bytes);
        let out = duibi()
            .arg("outline")
            .arg(&path)
            .assert()
            .failure()
            .get_output()
            .clone();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(stderr.lines().count(), 1, "{name}: {stderr}");
        assert!(
            stderr.starts_with(&format!("duibi: {}: {message}", path.display())),
            "{name}: {stderr}"
        );
        assert!(
            !stderr.contains("panicked") && !stderr.contains("internal error"),
            "{stderr}"
        );
    }
}

/// Damaged files (bytes flipped, cut short) give text or a clean error: never a panic or a hang.
#[test]
fn damaged_files_never_panic() {
    let lines: Vec<&str> = DOCX_AS_TEXT.lines().collect();
    let page = std::fs::read(fixture("reports/html/page.gbk.html")).expect("fixture");
    let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for (name, original) in [
        ("d.docx", docx(DOCX)),
        ("p.pdf", pdf(&lines, 30)),
        ("g.pdf", pdf_predefined_cmap(&lines, "GBK-EUC-H")),
        ("h.html", page),
    ] {
        for round in 0..80 {
            let mut bytes = original.clone();
            for _ in 0..1 + round % 8 {
                let at = next() as usize % bytes.len();
                bytes[at] = next() as u8;
            }
            if round % 5 == 0 {
                bytes.truncate(next() as usize % bytes.len());
            }
            let result =
                std::panic::catch_unwind(|| duibi::load::SourceText::from_bytes(name, &bytes).map(|s| s.text.len()));
            assert!(result.is_ok(), "{name}, round {round}: panicked");
        }
    }
}

/// The text a hostile document yields: read on a test thread (a small stack), so that a walk that
/// recursed once per level would overflow here.
fn text_of(bytes: &[u8]) -> Result<String, String> {
    duibi::load::SourceText::from_bytes("hostile", bytes)
        .map(|s| s.text)
        .map_err(|e| e.to_string())
}

#[test]
fn deeply_nested_documents_are_read_without_recursion() {
    let depth = 50_000;
    let run = r#"<w:r><w:t>一、总体情况</w:t></w:r>"#;
    let sdt = format!(
        "{}<w:p>{run}</w:p>{}",
        "<w:sdt><w:sdtContent>".repeat(depth),
        "</w:sdtContent></w:sdt>".repeat(depth)
    );
    let ins = format!(
        "<w:p>{}{run}{}</w:p>",
        r#"<w:ins w:id="1" w:author="a">"#.repeat(depth * 2),
        "</w:ins>".repeat(depth * 2)
    );
    for body in [sdt, ins] {
        // The XML parser may refuse such depth; either way, an answer and no overflow.
        if let Ok(text) = text_of(&docx_with_body(&body)) {
            assert_eq!(text.trim(), "一、总体情况");
        }
    }
    for tag in ["span", "div"] {
        let page = format!(
            "<!doctype html><html><body>{}一、总体情况{}</body></html>",
            format!("<{tag}>").repeat(depth * 2),
            format!("</{tag}>").repeat(depth * 2)
        );
        // Refused with a message before the parser, whose work grows with the square of the depth.
        let refused = text_of(page.as_bytes()).expect_err("too deep");
        assert!(refused.contains("nests elements more than 2000 deep"), "{refused}");
    }
    let shallow = format!(
        "<html><body>{}一、总体情况{}</body></html>",
        "<div>".repeat(500),
        "</div>".repeat(500)
    );
    assert_eq!(text_of(shallow.as_bytes()).expect("a page reads"), "一、总体情况");
}

#[test]
fn an_odt_reads_like_the_text_report() {
    // As LibreOffice saves a report: numbered headings carry their number, list items get theirs
    // from the list style, a table, a tracked deletion and a comment that are not text.
    let styles = r#"<text:list-style style:name="L1"><text:list-level-style-number text:level="1" style:num-prefix="（" style:num-suffix="）" style:num-format="一, 二, 三, ..."/><text:list-level-style-number text:level="2" style:num-suffix="." style:num-format="1"/></text:list-style>"#;
    let body = r#"<text:tracked-changes><text:changed-region text:id="c1"><text:deletion><text:p>删掉的旧句子。</text:p></text:deletion></text:changed-region></text:tracked-changes>
        <text:p>示例县科学技术局2021年度法治政府建设情况报告</text:p>
        <text:p>2021年,我局<text:s/>全面推进依法行政。<office:annotation><text:p>批注</text:p></office:annotation></text:p>
        <text:h text:outline-level="1"><text:number>一、</text:number>加强组织领导</text:h>
        <text:list text:style-name="L1">
          <text:list-item><text:p>健全领导机制</text:p>
            <text:list><text:list-item><text:p>召开专题会议5次。</text:p></text:list-item><text:list-item><text:p>制定工作要点。</text:p></text:list-item></text:list>
          </text:list-item>
          <text:list-item><text:p>落实第一责任人职责</text:p></text:list-item>
        </text:list>
        <text:h text:outline-level="1"><text:number>二、</text:number>推进依法决策</text:h>
        <table:table><table:table-row><table:table-cell><text:p>事项</text:p></table:table-cell><table:table-cell><text:p>数量</text:p></table:table-cell></table:table-row></table:table>
        <text:p>聘请法律顾问1名,提供法律咨询16次。</text:p>"#;
    let text = "示例县科学技术局2021年度法治政府建设情况报告\n2021年,我局 全面推进依法行政。\n一、加强组织领导\n（一）健全领导机制\n1.召开专题会议5次。\n2.制定工作要点。\n（二）落实第一责任人职责\n二、推进依法决策\n事项 | 数量\n聘请法律顾问1名,提供法律咨询16次。\n";
    let from_odt = outline_json(&scratch("report.odt", &odt(styles, body)));
    let from_text = outline_json(&scratch("report.txt", text.as_bytes()));
    assert_eq!(from_odt["format"], "odt");
    assert_eq!(sections(&from_odt), sections(&from_text));
    assert_eq!(from_odt["unit"], from_text["unit"]);
    assert_eq!(from_odt["year"], 2021);
    let out = stdout_of(duibi().arg("outline").arg(scratch("report2.odt", &odt(styles, body))));
    assert!(
        out.contains("OpenDocument .odt") && !out.contains("删掉") && !out.contains("批注"),
        "{out}"
    );
}

#[test]
fn a_pdf_whose_page_tree_is_damaged_is_not_called_a_scan() {
    let lines: Vec<&str> = DOCX_AS_TEXT.lines().collect();
    let good = pdf(&lines, 30);
    let at = good.windows(13).position(|w| w == b"/Kids [7 0 R]").expect("one page");
    let mut cyclic = good.clone();
    cyclic[at + 7] = b'2'; // the page tree lists itself as its page
    let path = scratch("cyclic.pdf", &cyclic);
    duibi()
        .arg("outline")
        .arg(&path)
        .timeout(std::time::Duration::from_secs(30))
        .assert()
        .failure()
        .code(2)
        .stderr(predicates::str::contains(
            "cyclic.pdf: is a PDF whose pages could not be found (its page tree is damaged)",
        ));
}

#[test]
fn every_word_of_a_docx_is_read_whatever_wraps_it() {
    let r = |t: &str| format!("<w:r><w:t>{t}</w:t></w:r>");
    let body = format!(
        "<w:customXml w:element=\"a\"><w:p>{}</w:p></w:customXml>\
         <w:sdt><w:sdtContent><w:tbl>\
           <w:sdt><w:sdtContent><w:tr>\
             <w:customXml w:element=\"c\"><w:tc><w:p>{}</w:p></w:tc></w:customXml>\
             <w:tc><w:tbl><w:tr><w:tc><w:p>{}</w:p></w:tc><w:tc><w:sdt><w:sdtContent><w:p>{}</w:p></w:sdtContent></w:sdt></w:tc></w:tr></w:tbl></w:tc>\
           </w:tr></w:sdtContent></w:sdt>\
           <w:customXml w:element=\"r\"><w:tr><w:tc><w:p>{}</w:p></w:tc></w:tr></w:customXml>\
         </w:tbl></w:sdtContent></w:sdt>\
         <w:p><w:smartTag w:element=\"s\">{}</w:smartTag></w:p>",
        r("一、在自定义标记里"),
        r("单元格甲"),
        r("表中表乙"),
        r("表中表丙"),
        r("包起来的行"),
        r("智能标记里的字")
    );
    let text = text_of(&docx_with_body(&body)).expect("reads");
    for word in [
        "在自定义标记里",
        "单元格甲",
        "表中表乙",
        "表中表丙",
        "包起来的行",
        "智能标记里的字",
    ] {
        assert!(text.contains(word), "{word} lost: {text}");
    }
    // Tables nested thousands deep are read in time linear in their size.
    let depth = 20_000;
    let nested = format!(
        "{}<w:p>{}</w:p>{}",
        "<w:tbl><w:tr><w:tc>".repeat(depth),
        r("最里面"),
        "</w:tc></w:tr></w:tbl>".repeat(depth)
    );
    if let Ok(text) = text_of(&docx_with_body(&nested)) {
        assert!(text.contains("最里面"));
    }
}

#[test]
fn an_odt_is_read_however_it_was_zipped_and_whatever_its_table_cells_hold() {
    let body = "<text:h text:outline-level=\"1\">一、总体情况</text:h>\
        <table:table><table:table-header-rows><table:table-row><table:table-cell><text:p>表头</text:p></table:table-cell></table:table-row></table:table-header-rows>\
        <table:table-row><table:table-cell><text:h>格中标题</text:h><text:list><text:list-item><text:p>格中列表</text:p></text:list-item></text:list>\
        <text:section><text:p>格中分节</text:p></text:section>\
        <table:table><table:table-row><table:table-cell><text:p>格中之表</text:p></table:table-cell></table:table-row></table:table></table:table-cell></table:table-row></table:table>";
    let good = crate::make::odt("", body);
    let text = text_of(&good).expect("reads");
    for word in ["表头", "格中标题", "格中列表", "格中分节", "格中之表"] {
        assert!(text.contains(word), "{word} lost: {text}");
    }
    // Re-zipped: the mimetype entry compressed, or not first, or missing.
    let entries = crate::exercise::archive_entries(&good).expect("a zip");
    for (order, compress) in [(false, true), (true, false), (true, true)] {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let method = if compress {
            zip::CompressionMethod::Deflated
        } else {
            zip::CompressionMethod::Stored
        };
        let opts = zip::write::SimpleFileOptions::default().compression_method(method);
        let mut list = entries.clone();
        if order {
            list.reverse();
        }
        for (name, data) in &list {
            zip.start_file(name.as_str(), opts).expect("entry");
            std::io::Write::write_all(&mut zip, data).expect("writes");
        }
        let bytes = zip.finish().expect("zip").into_inner();
        let read = duibi::load::SourceText::from_bytes("re-zipped.odt", &bytes).expect("reads");
        assert_eq!(read.format, duibi::load::Format::Odt);
        assert!(read.text.contains("格中之表"));
    }
}
