//! Property tests (proptest) over the whole pipeline: arbitrary bytes and text never panic, every
//! character of a document is read in every format, the outline keeps every character in exactly
//! one place, a diff rebuilds both passages, and a report
//! compared with itself shows no change.

use duibi::align::{Passage, PassageKind, Row};
use duibi::compare::Comparison;
use duibi::diff::{CharTokenizer, Mark, OpKind, diff_row};
use duibi::load::SourceText;
use duibi::normalize::{fold, logical_lines};
use duibi::outline::{Document, outline};
use duibi::sides::Sides;
use duibi::text::is_blank;
use duibi::topics::Taxonomy;
use proptest::prelude::*;

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Characters reports are made of, and some they should survive: CJK, digits, both widths of
/// punctuation, numbering marks, quotes, brackets, blanks and line breaks.
const ALPHABET: &[char] = &[
    '法', '律', '顾', '问', '学', '习', '执', '行', '政', '文', '件', '决', '策', '次', '项', '万', '元', '年', '度',
    '一', '二', '三', '十', '是', '第', '章', '条', '、', '，', '。', '；', '：', '！', '？', '（', '）', '(', ')',
    '“', '”', '《', '》', '0', '1', '2', '9', '.', ',', ':', '%', 'a', 'Z', ' ', '\u{3000}', '\t', '\n', '\n', '\n',
    '-', '—', '·',
];

fn report_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(ALPHABET), 0..400).prop_map(|cs| cs.into_iter().collect())
}

/// Report-shaped text: headings of several styles over paragraphs of sentences drawn from a small
/// pool (so that sentences repeat), with figures.
fn report() -> impl Strategy<Value = String> {
    let heading = (0usize..6, 1usize..9, 0usize..6).prop_map(|(style, n, word)| {
        let cn = ["一", "二", "三", "四", "五", "六", "七", "八", "九"][n - 1];
        let marker = match style {
            0 => format!("{cn}、"),
            1 => format!("（{cn}）"),
            2 => format!("{n}."),
            3 => format!("({n})"),
            4 => format!("{cn}是"),
            _ => format!("第{cn}章 "),
        };
        let topic = [
            "法律顾问",
            "规范性文件",
            "行政执法",
            "学法普法",
            "存在问题",
            "下一步工作",
        ][word];
        format!("{marker}{topic}")
    });
    let sentence = (0usize..8, 0u32..500).prop_map(|(k, n)| {
        [
            format!("全年提供法律咨询{n}次。"),
            format!("制定规范性文件{n}件，均已备案。"),
            "认真贯彻落实上级部署。".to_string(),
            format!("开展执法检查{n}次，检查企业{}家。", n * 2),
            "“要加强。要落实。”领导强调。".to_string(),
            "组织集中学法，邀请专家授课。".to_string(),
            format!("投入经费{n}.5万元"),
            "一是加强领导；二是完善制度；三是强化监督。".to_string(),
        ][k]
            .clone()
    });
    let paragraph = prop::collection::vec(sentence, 1..5).prop_map(|s| s.concat());
    let section = (heading, prop::collection::vec(paragraph, 0..4))
        .prop_map(|(h, ps)| std::iter::once(h).chain(ps).collect::<Vec<_>>().join("\n"));
    prop::collection::vec(section, 0..12).prop_map(|sections| {
        format!(
            "某局2024年法治政府建设情况报告\n市政府：\n今年以来，我局认真推进。\n{}\n特此报告。\n某局\n2025年1月5日",
            sections.join("\n")
        )
    })
}

fn doc(text: &str) -> Option<Document> {
    SourceText::from_bytes("t.txt", text.as_bytes())
        .ok()
        .map(|s| outline(&s))
}

fn compared(left: Document, right: Document) -> Comparison {
    let mut c = Comparison::build(left, right, &Taxonomy::builtin());
    c.diffs = std::sync::Arc::new(c.word_diffs(&CharTokenizer, std::time::Duration::from_secs(10)));
    c
}

fn no_blanks(s: &str) -> String {
    s.chars().filter(|&c| !is_blank(c)).collect()
}

proptest! {
    #![proptest_config(config(48))]

    #[test]
    fn arbitrary_bytes_load_or_fail_cleanly_and_compare_without_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        if let Ok(src) = SourceText::from_bytes("x.bin", &bytes) {
            let d = outline(&src);
            let c = compared(d.clone(), d);
            prop_assert!(c.diffs.iter().all(|d| d.stats.changes == 0));
        }
    }

    #[test]
    fn the_outline_keeps_every_character_in_exactly_one_place(text in report_text()) {
        let Some(d) = doc(&text) else { return Ok(()) };
        let src = SourceText::from_bytes("t.txt", text.as_bytes()).expect("loaded once already");
        let expected: String = logical_lines(&src.text).iter().map(|l| no_blanks(&l.text)).collect();
        let placed: String = d.places().into_iter().map(|p| no_blanks(&d.place_text(p))).collect();
        prop_assert_eq!(placed, expected);
    }

    #[test]
    fn a_report_compared_with_itself_shows_no_change(text in report()) {
        let Some(d) = doc(&text) else { return Ok(()) };
        let c = compared(d.clone(), d);
        for (row, diff) in c.alignment.rows.iter().zip(c.diffs.iter()) {
            prop_assert_eq!(diff.stats.changes, 0, "row {}", row.label);
            prop_assert_eq!((diff.stats.inserted, diff.stats.deleted, diff.stats.moved), (0, 0, 0));
        }
    }

    #[test]
    fn a_diff_rebuilds_both_passages(left in report_text(), right in report_text()) {
        let passage = |t: &str| Passage::for_test(PassageKind::Paragraph, t);
        let row = Row { topic: None, label: "p".into(), similarity: 0.0, passages: Sides::new(vec![passage(&left)], vec![passage(&right)]) };
        let d = diff_row(&row, Some(&CharTokenizer), None);
        // Marks cover each passage exactly, in order, and each side has only its own kind of change.
        for (text, spans, foreign) in [(&left, &d.spans.left[0], Mark::Inserted), (&right, &d.spans.right[0], Mark::Deleted)] {
            let mut at = 0;
            for s in spans {
                prop_assert!(s.range().start >= at && s.range().end <= text.len());
                prop_assert!(s.mark != foreign);
                at = s.range().end;
            }
            let marked: String = spans.iter().map(|s| &text[s.range()]).collect();
            prop_assert_eq!(no_blanks(&marked), no_blanks(text));
        }
        // Without moves, equal + delete is the left text and equal + insert the right (folded); a
        // renumbering holds the left marker in `from`, the right one in `text`.
        if d.links.iter().all(|l| !l.moved) {
            let ops = d.ops(&row);
            let side = |keep: OpKind| -> String {
                ops
                    .iter()
                    .filter_map(|o| match o.op {
                        OpKind::Renumber if keep == OpKind::Delete => o.from.as_deref(),
                        OpKind::Equal | OpKind::Renumber => Some(o.text.as_str()),
                        op if op == keep => Some(o.text.as_str()),
                        _ => None,
                    })
                    .collect()
            };
            let folded = |s: &str| no_blanks(&fold(s).text);
            prop_assert_eq!(folded(&side(OpKind::Delete)), folded(&left));
            prop_assert_eq!(folded(&side(OpKind::Insert)), folded(&right));
        }
    }
}

/// What a document's paragraphs are made of: no blank-only paragraph, none that a reader would
/// drop as a page number (a PDF's `3` on a line of its own).
const DOC_ALPHABET: &[char] = &[
    '法', '律', '顾', '问', '学', '习', '执', '行', '政', '文', '件', '决', '策', '次', '项', '万', '元', '年', '一',
    '二', '十', '是', '第', '、', '，', '。', '；', '：', '（', '）', '(', ')', '“', '”', '《', '》', '0', '1', '9',
    '.', '%', 'a', 'Z', '&', '<', '>', '"', '\'', ' ',
];

fn paragraphs() -> impl Strategy<Value = Vec<String>> {
    let paragraph = (
        prop::sample::select(&['法', '律', '政', '文'][..]),
        prop::collection::vec(prop::sample::select(DOC_ALPHABET), 0..60),
    )
        .prop_map(|(first, rest)| {
            std::iter::once(first)
                .chain(rest)
                .collect::<String>()
                .trim()
                .to_string()
        });
    prop::collection::vec(paragraph, 1..12)
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// The visible characters of a text, in order.
fn visible(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

proptest! {
    #![proptest_config(config(96))]

    /// Every character of a document's paragraphs is read, in order, whatever format holds them.
    #[test]
    fn every_character_of_a_document_is_read_in_every_format(ps in paragraphs()) {
        use crate::make::{Para, doc, docx, odt, pdf};
        let text = ps.join("\n");
        let refs: Vec<&str> = ps.iter().map(String::as_str).collect();
        let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
        let html = format!(
            "<html><body>{}</body></html>",
            ps.iter().map(|p| format!("<p>{}</p>", xml_escape(p))).collect::<String>()
        );
        let body: String = ps.iter().map(|p| format!("<text:p>{}</text:p>", xml_escape(p))).collect();
        let paras: Vec<Para> = refs.iter().map(|p| Para::Plain(p)).collect();
        let formats: Vec<(&str, Vec<u8>)> = vec![
            ("utf8.txt", text.as_bytes().to_vec()),
            ("utf16.txt", utf16),
            ("gb18030.txt", encoding_rs::GB18030.encode(&text).0.into_owned()),
            ("page.html", html.into_bytes()),
            ("word.docx", docx(&paras)),
            ("writer.odt", odt("", &body)),
            ("word.doc", doc(&(ps.join("\r") + "\r"))),
            ("print.pdf", pdf(&refs, 30)),
        ];
        for (name, bytes) in formats {
            // A PDF of a few characters is taken for a scan with a stamp or page numbers on it.
            // Nor can a few bytes tell an encoding for sure.
            if (name.ends_with(".pdf") || name.starts_with("gb")) && visible(&text).chars().count() < 20 {
                continue;
            }
            let src = SourceText::from_bytes(name, &bytes).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(visible(&src.text), visible(&text), "{}", name);
        }
    }
}
