use super::fingerprint::{RADIX_FROM, hash_pair, sort_grams};
use super::*;

#[test]
fn book_titles_are_the_names_between_balanced_marks() {
    let text = "学习《宪法》《中华人民共和国行政复议法》和《条例》。《未闭合 《行政许可法》《》";
    let names: Vec<&str> = book_titles(text).into_iter().map(|r| &text[r]).collect();
    assert_eq!(names, ["宪法", "中华人民共和国行政复议法", "条例", "行政许可法"]);
    let long = format!("《{}》", "法".repeat(61));
    assert!(
        book_titles(&long).is_empty(),
        "an unbalanced mark does not swallow the text"
    );
}

#[test]
fn sentences_cover_the_text() {
    let text = "一是健全机制。二是强化约束；“三是规范。”最后";
    let parts: Vec<&str> = split_sentences(text).into_iter().map(|r| &text[r]).collect();
    assert_eq!(parts, ["一是健全机制。", "二是强化约束；", "“三是规范。”", "最后"]);
    assert_eq!(parts.concat(), text);
}

#[test]
fn quotations_stay_inside_their_sentence() {
    let text = "会议强调“要加强。要落实。”全年召开3次。提出“三个一”工作法。他说“好”";
    let parts: Vec<&str> = split_sentences(text).into_iter().map(|r| &text[r]).collect();
    assert_eq!(
        parts,
        [
            "会议强调“要加强。要落实。”",
            "全年召开3次。",
            "提出“三个一”工作法。",
            "他说“好”"
        ]
    );
    // A quote left open does not swallow what follows.
    let open = "他说“要加强。要落实。全年召开3次。";
    assert_eq!(split_sentences(open).len(), 3);
    let backwards = "要加强”。要落实“。";
    assert_eq!(split_sentences(backwards).len(), 2);
}

#[test]
fn trailing_blanks_join_the_last_sentence() {
    let text = "完成了。  ";
    assert_eq!(split_sentences(text), vec![0..text.len()]);
}

#[test]
fn names_never_carry_control_sequences() {
    assert_eq!(shown("报告\u{1b}[2J.txt"), "报告\\u{1b}[2J.txt");
    assert_eq!(shown("a\nb\u{9b}c\u{202e}d"), "a\\u{a}b\\u{9b}c\\u{202e}d");
    assert_eq!(shown("沈阳市科学技术局 2022.txt"), "沈阳市科学技术局 2022.txt");
}

#[test]
fn dates() {
    assert_eq!(parse_date("2018年3月27日"), Some((2018, 3, 27)));
    assert_eq!(parse_date("  2017年11月9日"), Some((2017, 11, 9)));
    assert_eq!(parse_date("二〇一八年三月二十七日"), Some((2018, 3, 27)));
    assert_eq!(parse_date("2018年度法治政府建设情况报告"), None);
    assert_eq!(parse_date("2018年3月27日召开会议"), None);
}

#[test]
fn dice_ignores_punctuation_and_width() {
    let a = Fingerprint::new("提供法律咨询，共16次。");
    let b = Fingerprint::new("提供法律咨询,共16次");
    assert!((a.dice(&b) - 1.0).abs() < f32::EPSILON);
    assert_eq!(Fingerprint::new("").dice(&Fingerprint::new("")), 0.0);
    assert!(Fingerprint::new("行政执法").dice(&Fingerprint::new("规范性文件")) < 0.01);
}

#[test]
fn a_fingerprint_made_in_pieces_and_compacted_as_it_fills_is_the_one_made_whole() {
    // Many repeats: the list fills and is compacted many times over.
    let text: String = (0..20_000)
        .map(|i| format!("全年办理案件{}件,法律咨询{}次。", i % 97, i % 13))
        .collect();
    let whole = Fingerprint::new(&text);
    let mut naive: Vec<u32> = Vec::new();
    let chars: Vec<char> = text
        .chars()
        .map(crate::chars::fold_char)
        .filter(|&c| !is_blank(c) && !is_punct(c))
        .collect();
    naive.extend(chars.windows(2).map(|w| hash_pair(w[0], w[1])));
    naive.sort_unstable();
    naive.dedup();
    assert_eq!(whole.grams(), naive.as_slice());
    let (a, b) = text.split_at(text.len() / 2 / 3 * 3);
    let pieces = Fingerprint::of_pieces(text.len(), |f| {
        f(a);
        f("\n");
        f(b);
    });
    assert_eq!(pieces, whole);
}

#[test]
fn a_sentence_is_found_on_the_line_it_starts_on() {
    let text = "标题\n一、法律顾问\n全年审查合同35份,提供法律咨询\n16次。聘请律师2名。\n";
    assert_eq!(line_holding(text, "一、法律顾问"), Some(2));
    assert_eq!(
        line_holding(text, "全年审查合同35份,提供法律咨询16次。"),
        Some(3),
        "broken across lines"
    );
    assert_eq!(line_holding(text, "聘请律师2名。"), Some(4), "mid-line");
    assert_eq!(line_holding(text, "不在文中。"), None);
}

/// Sentence splitting as first written, decoding every character: the reference.
fn split_sentences_plain(text: &str) -> Vec<Range<usize>> {
    let mut nesting = Nesting::default();
    text.chars().for_each(|c| nesting.update(c));
    let mut track_quotes = nesting.outside() && text.contains(['“', '「', '『', '《']);
    if track_quotes {
        // Closing marks that come before their opening leave the count at zero too: check the
        // count never went below zero.
        let mut depth = 0i32;
        for c in text.chars() {
            match c {
                '《' | '“' | '「' | '『' => depth += 1,
                '》' | '”' | '」' | '』' => depth -= 1,
                _ => {}
            }
            track_quotes &= depth >= 0;
        }
    }
    let mut nesting = Nesting::default();
    let mut out = Vec::new();
    let mut start = 0;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        nesting.update(c);
        if !is_sentence_end(c) {
            continue;
        }
        if track_quotes && !nesting.outside() {
            // Inside a quotation a stop ends the sentence only when the quotation closes right
            // after it (`“三是规范。”`).
            let mut probe = nesting;
            let closes = iter
                .clone()
                .take_while(|&(_, d)| is_closer(d) || is_sentence_end(d))
                .any(|(_, d)| {
                    probe.update(d);
                    probe.outside()
                });
            if !closes {
                continue;
            }
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = iter.peek() {
            if is_closer(d) || is_sentence_end(d) || is_blank(d) {
                end = j + d.len_utf8();
                nesting.update(d);
                iter.next();
            } else {
                break;
            }
        }
        out.push(start..end);
        start = end;
    }
    if start < text.len() {
        if trim_blank(&text[start..]).is_empty() && !out.is_empty() {
            if let Some(last) = out.last_mut() {
                last.end = text.len();
            }
        } else {
            out.push(start..text.len());
        }
    }
    out
}

/// Text over what sentence splitting looks at: stops, quotes and brackets of both widths,
/// blanks, and characters whose bytes look like theirs (other E2, E3 and EF characters).
fn report_text() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    let alphabet: Vec<char> = "法治。！？；!?;，、《》“”「」『』（）)】’\"' \u{3000}\n\t甲乙1a—…‘【〇ＡＢ、"
        .chars()
        .collect();
    prop::collection::vec(prop::sample::select(alphabet), 0..80).prop_map(|v| v.into_iter().collect())
}

#[test]
fn every_fixture_splits_as_the_plain_splitting_does() {
    for (path, text) in fixture_texts() {
        assert_eq!(
            split_sentences(&text),
            split_sentences_plain(&text),
            "{}",
            path.display()
        );
        for line in text.lines() {
            assert_eq!(
                split_sentences(line),
                split_sentences_plain(line),
                "{}: {line}",
                path.display()
            );
        }
    }
}

proptest::proptest! {
    #[test]
    fn sentences_split_as_the_plain_splitting_does(text in report_text()) {
        proptest::prop_assert_eq!(split_sentences(&text), split_sentences_plain(&text));
    }
}

proptest::proptest! {
    #[test]
    fn bigrams_sort_as_the_standard_sort_does_on_either_side_of_the_radix_bound(
        mut grams in proptest::collection::vec(proptest::prelude::any::<u32>(), 0..(3 * RADIX_FROM)),
    ) {
        let mut plain = grams.clone();
        plain.sort_unstable();
        sort_grams(&mut grams);
        proptest::prop_assert_eq!(grams, plain);
    }
}

proptest::proptest! {
    #[test]
    fn many_texts_fingerprinted_end_to_end_are_each_as_its_own_fingerprint(
        texts in proptest::collection::vec(report_text(), 0..12),
        long in 0usize..3,
    ) {
        // Some texts past the bound from which a text is fingerprinted on its own first.
        let mut texts = texts;
        for k in 0..long.min(texts.len()) {
            texts[k] = texts[k].repeat(4096 / texts[k].len().max(1) + 1);
        }
        let mut prints = Prints::default();
        texts.iter().for_each(|t| prints.push(t));
        proptest::prop_assert_eq!(prints.len(), texts.len());
        for (k, t) in texts.iter().enumerate() {
            let alone = Fingerprint::new(t);
            proptest::prop_assert_eq!(prints.of(k), alone.grams());
        }
    }
}

#[test]
fn stops_of_one_width_only_split_in_linear_time() {
    // Each narrow stop once looked for the next wide mark on to the end of a text without any:
    // a million of them took a minute, two million take a second now (a debug build).
    let narrow = "a;".repeat(2_000_000);
    assert_eq!(split_sentences(&narrow).len(), 2_000_000);
    let wide = "法。".repeat(300_000);
    assert_eq!(split_sentences(&wide).len(), 300_000);
}
