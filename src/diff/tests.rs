use super::*;
use crate::align::{PassageKind, Row};

fn passage(text: &str) -> Passage {
    Passage::for_test(PassageKind::Paragraph, text)
}

fn row(left: &[&str], right: &[&str]) -> Row {
    Row {
        topic: None,
        label: "t".into(),
        similarity: 0.0,
        left: left.iter().map(|t| passage(t)).collect(),
        right: right.iter().map(|t| passage(t)).collect(),
    }
}

/// The unified ops as `[-del-]{+ins+}{>move<}` text.
fn unified(d: &RowDiff) -> String {
    d.ops
        .iter()
        .map(|o| match o.op {
            OpKind::Equal => o.text.clone(),
            OpKind::Delete => format!("[-{}-]", o.text),
            OpKind::Insert => format!("{{+{}+}}", o.text),
            OpKind::Move => format!("{{>{}<}}", o.text),
        })
        .collect()
}

#[test]
fn reordered_sentence_is_a_move() {
    let r = row(
        &["甲项工作全面完成并通过验收。乙项工作稳步推进取得成效。丙项工作按期启动各项准备。"],
        &["乙项工作稳步推进取得成效。丙项工作按期启动各项准备。甲项工作全面完成并通过验收。"],
    );
    let d = diff_row(&r, Some(&CharTokenizer), None);
    assert_eq!(d.links.iter().filter(|l| l.moved).count(), 1);
    assert_eq!(d.stats.deleted, 0);
    assert_eq!(d.stats.inserted, 0);
    assert!(d.stats.moved > 0);
    assert!(
        unified(&d).contains("{>甲项工作全面完成并通过验收。\n<}"),
        "{}",
        unified(&d)
    );
    assert!(d.left[0].iter().any(|s| s.mark == Mark::Moved));
}

#[test]
fn paired_sentence_gets_word_marks_in_original_text() {
    let r = row(
        &["聘请法律顾问，提供法律咨询16次。"],
        &["聘请法律顾问, 提供法律咨询119次。新增一句完全不同的内容在这里。"],
    );
    let d = diff_row(&r, Some(&CharTokenizer), None);
    assert_eq!(
        unified(&d),
        "聘请法律顾问, 提供法律咨询[-16次-]{+119次+}。\n{+新增一句完全不同的内容在这里。\n+}"
    );
    let figure: Vec<&Span> = d.right[0].iter().filter(|s| s.figure).collect();
    assert_eq!(figure.len(), 1);
    assert_eq!(&r.right[0].text[figure[0].range.clone()], "119次");
    assert_eq!(d.figures.len(), 1);
    assert_eq!(d.stats.inserted, "119次新增一句完全不同的内容在这里。".chars().count());
}

#[test]
fn marks_cover_every_sentence_of_both_sides() {
    let r = row(&["第一句话。\n第二段的话。"], &["完全不同的内容。"]);
    let d = diff_row(&r, Some(&CharTokenizer), None);
    let covered: usize = d.left[0].iter().map(|s| s.range.len()).sum();
    assert_eq!(covered, r.left[0].text.len() - 1, "all but the newline");
    assert!(d.right[0].iter().all(|s| s.mark == Mark::Inserted));
}

#[test]
fn a_past_deadline_degrades_to_whole_sentences() {
    let r = row(
        &["聘请法律顾问，提供法律咨询16次。"],
        &["聘请法律顾问，提供法律咨询119次。"],
    );
    let d = diff_row(
        &r,
        Some(&CharTokenizer),
        Some(Instant::now() - std::time::Duration::from_secs(1)),
    );
    assert!(d.coarse);
    assert_eq!(d.ops.len(), 2, "one delete and one insert: {:?}", d.ops);
}

#[test]
fn without_a_tokenizer_sentences_pair_but_compare_whole() {
    let r = row(
        &["聘请法律顾问，提供法律咨询16次。相同的一句话在这里。"],
        &["聘请法律顾问，提供法律咨询119次。相同的一句话在这里。"],
    );
    let d = diff_row(&r, None, None);
    assert!(d.coarse);
    assert_eq!(d.links.len(), 2);
    assert_eq!(d.units[0].len(), 2);
    assert_eq!(
        unified(&d),
        "[-聘请法律顾问，提供法律咨询16次。-]{+聘请法律顾问，提供法律咨询119次。+}相同的一句话在这里。\n"
    );
}

#[test]
fn a_long_repetitive_passage_against_itself_shows_no_change() {
    // Hundreds of sentences sharing every bigram: too common to suggest a pair by similarity, yet
    // each has an identical twin, and twins always pair.
    let text: String = (0..400)
        .map(|k| format!("组织开展法治培训{}次,参训人员{}人。", k % 3, k % 2))
        .collect();
    let r = row(&[&text], &[&text]);
    let d = diff_row(&r, Some(&CharTokenizer), None);
    assert_eq!((d.stats.inserted, d.stats.deleted, d.stats.moved), (0, 0, 0));
    assert_eq!(d.links.len(), 400);
    assert!(d.links.iter().all(|l| l.left_unit == l.right_unit && !l.moved));
}

#[test]
fn duplicate_sentences_pair_in_order() {
    let r = row(&["甲完成。乙完成。甲完成。"], &["甲完成。丙开始。甲完成。"]);
    let d = diff_row(&r, Some(&CharTokenizer), None);
    let pairs: Vec<(usize, usize)> = d.links.iter().map(|l| (l.left_unit, l.right_unit)).collect();
    assert_eq!(pairs, [(0, 0), (2, 2)]);
}

#[test]
fn dropping_one_copy_of_a_repeated_sentence_moves_nothing() {
    // The first 甲 is dropped: the second pairs in place, not the first with the first.
    let r = row(&["甲完成。乙完成。甲完成。丙完成。"], &["乙完成。甲完成。丙完成。"]);
    let d = diff_row(&r, Some(&CharTokenizer), None);
    let pairs: Vec<(usize, usize, bool)> = d.links.iter().map(|l| (l.left_unit, l.right_unit, l.moved)).collect();
    assert_eq!(pairs, [(1, 0, false), (2, 1, false), (3, 2, false)]);
    assert_eq!(unified(&d), "[-甲完成。-]乙完成。甲完成。丙完成。\n");
}
