use super::*;

#[test]
fn an_unreadable_file_is_reported_by_name_whoever_runs_the_tests() {
    // The CLI test cannot make a file unreadable to root; the message is made here.
    let e = io_error(
        Path::new("secret.txt"),
        std::io::Error::from(ErrorKind::PermissionDenied),
    );
    assert_eq!(e.to_string(), "secret.txt: permission denied");
    let e = io_error(Path::new("gone.txt"), std::io::Error::from(ErrorKind::NotFound));
    assert_eq!(e.to_string(), "gone.txt: no such file");
}

fn decode_str(bytes: &[u8]) -> Result<SourceText> {
    SourceText::from_bytes("t.txt", bytes)
}

#[test]
fn utf8_with_and_without_bom() {
    assert_eq!(decode_str("一、总体情况".as_bytes()).unwrap().text, "一、总体情况");
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice("报告".as_bytes());
    assert_eq!(decode_str(&bom).unwrap().text, "报告");
}

#[test]
fn utf16_with_bom() {
    let mut bytes = vec![0xFF, 0xFE];
    for unit in "法律顾问\r\n".encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    let src = decode_str(&bytes).unwrap();
    assert_eq!(src.text, "法律顾问\n");
    assert_eq!(src.encoding, "UTF-16LE");
}

#[test]
fn gbk_is_detected_from_content() {
    let (bytes, _, _) = GBK.encode("一、依法全面履行政府职能。我局认真落实规范性文件管理制度，完成清理工作。");
    let src = decode_str(&bytes).unwrap();
    assert_eq!(src.encoding, "gb18030");
    assert!(src.text.starts_with("一、依法全面履行政府职能"));
}

#[test]
fn control_characters_are_removed() {
    let src = decode_str("a\u{1b}[31mb\u{7}\u{9b}c\td".as_bytes()).unwrap();
    assert_eq!(src.text, "a[31mbc d");
}

#[test]
fn declared_charsets_are_found_as_browsers_find_them() {
    let find = |html: &str| declared_charset(html.as_bytes()).map(Encoding::name);
    assert_eq!(find(r#"<meta charset="gb2312">"#), Some("gb18030"));
    assert_eq!(
        find(r#"<meta http-equiv="Content-Type" content="text/html; charset=GBK" />"#),
        Some("gb18030")
    );
    // A meta tag that mentions a charset without declaring one does not end the search.
    assert_eq!(
        find(r#"<meta name="charset-note" content="x"><meta charset='utf-8'>"#),
        Some("UTF-8")
    );
    assert_eq!(find(r#"<meta charset="utf-16">"#), Some("UTF-8"));
    assert_eq!(find("<p>没有声明</p>"), None);
}

fn html_bytes(encoding: &'static Encoding, meta: &str) -> Vec<u8> {
    let page = format!(
        "<html><head><meta charset=\"{meta}\"><title>报告</title></head><body><p>一、依法全面履行政府职能。</p><p>我局认真落实规范性文件管理制度，完成清理工作。</p></body></html>"
    );
    encoding.encode(&page).0.into_owned()
}

#[test]
fn a_page_whose_declared_charset_the_bytes_contradict_is_read_as_it_is() {
    // Saved as UTF-8 by an editor that kept the old GBK declaration.
    let src = SourceText::from_bytes("p.html", &html_bytes(UTF_8, "gbk")).unwrap();
    assert_eq!(src.encoding, "UTF-8");
    assert!(src.text.contains("依法全面履行政府职能"), "{}", src.text);
    // Saved as GBK while declaring UTF-8.
    let src = SourceText::from_bytes("p.html", &html_bytes(GBK, "utf-8")).unwrap();
    assert_eq!(src.encoding, "gb18030");
    assert!(src.text.contains("规范性文件管理制度"), "{}", src.text);
    assert_eq!(src.replaced, 0);
    // A true declaration is still followed.
    let src = SourceText::from_bytes("p.html", &html_bytes(GBK, "gb2312")).unwrap();
    assert!(src.text.contains("规范性文件管理制度"), "{}", src.text);
}

#[test]
fn utf16_without_a_byte_order_mark_is_read() {
    let text = "一、法律顾问\r\n聘请法律顾问3名，提供法律咨询16次。\r\n";
    for big_endian in [false, true] {
        let bytes: Vec<u8> = text
            .encode_utf16()
            .flat_map(|unit| {
                if big_endian {
                    unit.to_be_bytes()
                } else {
                    unit.to_le_bytes()
                }
            })
            .collect();
        let src = decode_str(&bytes).unwrap();
        assert_eq!(src.text, "一、法律顾问\n聘请法律顾问3名，提供法律咨询16次。\n");
        assert_eq!(src.encoding, if big_endian { "UTF-16BE" } else { "UTF-16LE" });
    }
}

#[test]
fn a_broken_surrogate_in_utf16_is_counted_as_replaced() {
    let mut bytes = vec![0xFF, 0xFE];
    for unit in "一、法律顾问".encode_utf16().chain([0xD800]).chain(
        "聘请法律顾问3名，提供法律咨询16次，审核合同42份。"
            .repeat(3)
            .encode_utf16(),
    ) {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    let src = decode_str(&bytes).unwrap();
    assert_eq!(src.replaced, 1);
    assert!(src.text.contains("法律顾问\u{FFFD}聘请法律顾问"));
}

#[test]
fn nul_bytes_mean_binary() {
    assert!(matches!(decode_str(b"abc\0def"), Err(Error::Binary { .. })));
}

#[test]
fn whitespace_only_is_empty() {
    assert!(matches!(
        decode_str(" \n\u{3000}\n".as_bytes()),
        Err(Error::Empty { .. })
    ));
}

#[test]
fn unicode_line_separators_are_line_breaks() {
    let src = decode_str("一、法律顾问\u{2028}聘请顾问。\u{2029}二、学法\u{85}学法6次。".as_bytes()).expect("reads");
    assert_eq!(src.text, "一、法律顾问\n聘请顾问。\n二、学法\n学法6次。");
}
/// Sanitizing as first written, character by character: the reference.
fn sanitize_plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\t' => out.push(' '),
            '\u{2028}' | '\u{2029}' | '\u{85}' => out.push('\n'),
            c if crate::text::is_invisible_format(c) => {}
            c if is_unsafe_control(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Text with every kind of character sanitizing changes or keeps, and others sharing their
/// lead bytes.
fn dirty_text() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    let specials = prop::sample::select(
        "\r\n\t\u{0}\u{1b}\u{7f}\u{80}\u{85}\u{9f}\u{a0}\u{ad}\u{61c}\u{600}\u{2028}\u{2029}\u{200b}\u{200d}\u{200e}\u{200f}\u{202a}\u{202e}\u{2060}\u{2064}\u{2066}\u{2069}\u{201c}\u{feff}\u{ff0c}法a 。"
            .chars()
            .collect::<Vec<char>>(),
    );
    let c = prop_oneof![specials, any::<char>()];
    prop::collection::vec(c, 0..60).prop_map(|v| v.into_iter().collect())
}

#[test]
fn every_fixture_sanitizes_as_the_plain_sanitizing_does() {
    for (path, text) in crate::text::fixture_texts() {
        assert_eq!(sanitize(&text), sanitize_plain(&text), "{}", path.display());
    }
}

proptest::proptest! {
    #[test]
    fn sanitizing_changes_what_the_plain_sanitizing_does(text in dirty_text()) {
        proptest::prop_assert_eq!(sanitize(&text), sanitize_plain(&text));
    }
}
