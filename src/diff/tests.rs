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
        passages: Sides::new(
            left.iter().map(|t| passage(t)).collect(),
            right.iter().map(|t| passage(t)).collect(),
        ),
    }
}

/// The row's unified ops as `[-del-]{+ins+}{>move<}` text.
fn unified(r: &Row, d: &RowDiff) -> String {
    d_ops(&d.ops(r))
}

/// Ops as `[-del-]{+ins+}{>move<}` text.
fn d_ops(ops: &[Op]) -> String {
    ops.iter()
        .map(|o| match o.op {
            OpKind::Equal => o.text.clone(),
            OpKind::Delete => format!("[-{}-]", o.text),
            OpKind::Insert => format!("{{+{}+}}", o.text),
            OpKind::Move if o.ops.is_empty() => format!("{{>{}<}}", o.text),
            OpKind::Move => {
                let inner = d_ops(&o.ops);
                format!("{{>{inner}<}}")
            }
            OpKind::Renumber => format!("{{#{}→{}#}}", o.from.as_deref().unwrap_or(""), o.text),
        })
        .collect()
}

#[test]
fn numbering_that_changed_is_structure_not_content() {
    let r = row(
        &["二、规范行政决策和文件管理\n(一)严格重大行政决策程序。\n一是加强审核。"],
        &["三、规范行政决策和文件管理\n1.严格重大行政决策程序。\n二是加强审核。"],
    );
    let d = diff_row(&r, Some(&CharTokenizer), None);
    assert_eq!(
        unified(&r, &d),
        "{#二、→三、#}规范行政决策和文件管理\n{#(一)→1.#}严格重大行政决策程序。\n{#一是→二是#}加强审核。\n"
    );
    assert_eq!(d.stats.changes, 0, "{:?}", d.stats);
    assert_eq!(d.stats.renumbered, 3);
    assert_eq!((d.stats.inserted, d.stats.deleted), (0, 0));
    assert!(d.links.iter().all(|l| !l.changed));
    assert!(d.spans.left[0].iter().any(|s| s.mark == Mark::Renumbered));
    assert!(
        d.spans.left[0]
            .iter()
            .all(|s| matches!(s.mark, Mark::Renumbered | Mark::Equal))
    );
}

#[test]
fn a_renumbered_heading_with_other_edits_counts_once_as_changed() {
    let r = row(&["(一)落实第一责任人职责。"], &["1.压实第一责任人职责。"]);
    let d = diff_row(&r, Some(&CharTokenizer), None);
    assert_eq!(unified(&r, &d), "{#(一)→1.#}[-落-]{+压+}实第一责任人职责。\n");
    assert_eq!(d.stats.changes, 1);
    assert_eq!(d.stats.renumbered, 0);
    // A number inside a sentence is content, not numbering.
    let r = row(&["全年办理1.5万件。"], &["全年办理2.5万件。"]);
    let d = diff_row(&r, Some(&CharTokenizer), None);
    assert!(
        !d.ops(&r).iter().any(|o| o.op == OpKind::Renumber),
        "{}",
        unified(&r, &d)
    );
    assert_eq!(d.stats.changes, 1);
}

#[test]
fn a_moved_and_edited_sentence_keeps_its_edits_and_origin() {
    let r = row(
        &["甲项工作全面完成并通过验收。乙项工作稳步推进取得成效。全年开展随机抽查8次检查企业42家。"],
        &["全年开展随机抽查11次检查企业67家。甲项工作全面完成并通过验收。乙项工作稳步推进取得成效。"],
    );
    let d = diff_row(&r, Some(&CharTokenizer), None);
    let ops = d.ops(&r);
    let mv: Vec<&Op> = ops.iter().filter(|o| o.op == OpKind::Move).collect();
    assert_eq!(mv.len(), 1, "{}", unified(&r, &d));
    assert!(mv[0].from.is_some());
    let inner = d_ops(&mv[0].ops);
    assert!(inner.contains("[-8次-]{+11次+}"), "{inner}");
    assert!(inner.contains("[-42家-]{+67家+}"), "{inner}");
    assert_eq!(d.stats.changes, 1);
    // Both sides' marks carry the edit too, not only the move.
    assert!(d.spans.right[0].iter().any(|s| s.mark == Mark::Inserted));
    assert!(d.spans.right[0].iter().any(|s| s.mark == Mark::Moved));
}

#[test]
fn change_counts_add_up_added_dropped_and_edited_sentences() {
    let r = row(
        &["第一句保持不变的内容。第二句将被删除掉的内容。第三句提供法律咨询16次。"],
        &["第一句保持不变的内容。第三句提供法律咨询119次。第四句是全新增加的内容。"],
    );
    let d = diff_row(&r, Some(&CharTokenizer), None);
    assert_eq!(d.stats.changes, 3, "{}", unified(&r, &d));
    let same = row(&["第一句保持不变的内容。"], &["第一句保持不变的内容。"]);
    assert_eq!(diff_row(&same, Some(&CharTokenizer), None).stats.changes, 0);
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
        unified(&r, &d).contains("{>甲项工作全面完成并通过验收。\n<}"),
        "{}",
        unified(&r, &d)
    );
    assert!(d.spans.left[0].iter().any(|s| s.mark == Mark::Moved));
}

#[test]
fn paired_sentence_gets_word_marks_in_original_text() {
    let r = row(
        &["聘请法律顾问，提供法律咨询16次。"],
        &["聘请法律顾问, 提供法律咨询119次。新增一句完全不同的内容在这里。"],
    );
    let d = diff_row(&r, Some(&CharTokenizer), None);
    assert_eq!(
        unified(&r, &d),
        "聘请法律顾问, 提供法律咨询[-16次-]{+119次+}。\n{+新增一句完全不同的内容在这里。\n+}"
    );
    let figure: Vec<&Span> = d.spans.right[0].iter().filter(|s| s.figure).collect();
    assert_eq!(figure.len(), 1);
    assert_eq!(&r.passages.right[0].text[figure[0].range()], "119次");
    assert_eq!(d.figures.len(), 1);
    assert_eq!(d.stats.inserted, "119次新增一句完全不同的内容在这里。".chars().count());
}

#[test]
fn marks_cover_every_sentence_of_both_sides() {
    let r = row(&["第一句话。\n第二段的话。"], &["完全不同的内容。"]);
    let d = diff_row(&r, Some(&CharTokenizer), None);
    let covered: usize = d.spans.left[0].iter().map(|s| s.range().len()).sum();
    assert_eq!(covered, r.passages.left[0].text.len() - 1, "all but the newline");
    assert!(d.spans.right[0].iter().all(|s| s.mark == Mark::Inserted));
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
    assert_eq!(d.ops(&r).len(), 2, "one delete and one insert: {:?}", d.ops(&r));
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
    assert_eq!(d.units.left.len(), 2);
    assert_eq!(
        unified(&r, &d),
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
    assert!(
        d.links
            .iter()
            .all(|l| l.unit(Side::Left) == l.unit(Side::Right) && !l.moved)
    );
}

#[test]
fn duplicate_sentences_pair_in_order() {
    let r = row(&["甲完成。乙完成。甲完成。"], &["甲完成。丙开始。甲完成。"]);
    let d = diff_row(&r, Some(&CharTokenizer), None);
    let pairs: Vec<(usize, usize)> = d
        .links
        .iter()
        .map(|l| (l.unit(Side::Left), l.unit(Side::Right)))
        .collect();
    assert_eq!(pairs, [(0, 0), (2, 2)]);
}

#[test]
fn dropping_one_copy_of_a_repeated_sentence_moves_nothing() {
    // The first 甲 is dropped: the second pairs in place, not the first with the first.
    let r = row(&["甲完成。乙完成。甲完成。丙完成。"], &["乙完成。甲完成。丙完成。"]);
    let d = diff_row(&r, Some(&CharTokenizer), None);
    let pairs: Vec<(usize, usize, bool)> = d
        .links
        .iter()
        .map(|l| (l.unit(Side::Left), l.unit(Side::Right), l.moved))
        .collect();
    assert_eq!(pairs, [(1, 0, false), (2, 1, false), (3, 2, false)]);
    assert_eq!(unified(&r, &d), "[-甲完成。-]乙完成。甲完成。丙完成。\n");
}

#[test]
fn a_sentence_that_folds_to_itself_is_read_from_its_passage_not_copied() {
    let ps = [passage("全年提供法律咨询16次。ＡＢＣ公司提供服务。")];
    let us = units(&ps);
    assert!(
        us[0].folded.is_none(),
        "Chinese text and ASCII digits fold to themselves"
    );
    assert_eq!(us[0].text(&ps), "全年提供法律咨询16次。");
    let wide = us[1].folded.as_ref().expect("full-width letters fold");
    assert_eq!(us[1].text(&ps), wide.text);
    assert_eq!(us[1].text(&ps), "ABC公司提供服务。");
    // Marks on the folded text land on the original's bytes.
    let d = diff_row(
        &row(&["ＡＢＣ公司提供服务。"], &["ＡＢＤ公司提供服务。"]),
        Some(&CharTokenizer),
        None,
    );
    let deleted: Vec<&str> = d.spans.left[0]
        .iter()
        .filter(|s| s.mark == Mark::Deleted)
        .map(|s| &"ＡＢＣ公司提供服务。"[s.range()])
        .collect();
    assert_eq!(
        deleted,
        ["ＡＢＣ"],
        "a Latin word changes whole, in its full-width original"
    );
}

#[test]
fn a_row_diff_keeps_no_room_to_grow() {
    // A comparison holds every row's diff to the end: lists grown while diffing are given back.
    let texts: Vec<String> = (0..40).map(|i| format!("第{i}句话说了一件事。")).collect();
    let left: Vec<&str> = texts.iter().map(String::as_str).collect();
    let d = diff_row(
        &row(&[&left.concat()], &[&left[1..].concat()]),
        Some(&CharTokenizer),
        None,
    );
    assert_eq!(d.units.left.capacity(), d.units.left.len());
    assert_eq!(d.pieces.capacity(), d.pieces.len());
}

/// The row's ops from a diff that keeps only the pieces its links need, and from one that keeps
/// every pair's pieces.
fn ops_both_ways(r: &Row) -> (Vec<Op>, Vec<Op>, RowDiff) {
    let paired = PairedRow::new(r);
    let kept = diff_keeping(r, &paired, Some(&CharTokenizer), None, Keep::Needed);
    let all = diff_keeping(r, &paired, Some(&CharTokenizer), None, Keep::All);
    (kept.ops(r), all.ops(r), kept)
}

#[test]
fn pairs_alike_keep_no_pieces_and_their_steps_read_as_from_every_piece() {
    let same = "一、加强组织领导\n全年召开专题会议4次。印发工作要点。\n二、严格执法\n开展检查12次。";
    let (kept, all, d) = ops_both_ways(&row(&[same], &[same]));
    assert!(d.pieces.is_empty(), "{:?}", d.pieces);
    assert_eq!(kept, all);
    // Renumbered, moved, edited, figures, blanks and full-width text the folding drops or maps:
    // the pieces are kept where they say more than the right sentence's text.
    let rows = [
        (
            "二、 加强组织领导\n全年召开专题会议4次。印发工作要点。",
            "三、 加强组织领导\n全年召开专题会议6次。印发工作要点。",
        ),
        (
            "(一) 落实 责任。ＡＢＣ公司提供服务。",
            "(一) 落实 责任。ＡＢＣ公司提供服务。",
        ),
        (
            "甲项工作全面完成。乙项工作稳步推进。全年开展抽查8次。",
            "全年开展抽查11次。甲项工作全面完成。乙项工作稳步推进。",
        ),
        ("1.依法行政 。2.公开透明。", "1.依法行政。3.公开透明。新增一句话。"),
    ];
    for (l, r) in rows {
        let (kept, all, _) = ops_both_ways(&row(&[l], &[r]));
        assert_eq!(kept, all, "{l} → {r}");
    }
}

#[test]
fn what_a_row_holds_per_sentence_stays_narrow() {
    // A row holds a unit per sentence while it is diffed (32-bit offsets, the rare folded copy
    // boxed) and a link per pair (two indices: where each sentence is, the units say).
    let sizes = [std::mem::size_of::<Unit>(), std::mem::size_of::<Link>()];
    assert!(sizes.iter().all(|&s| s <= 24), "{sizes:?} bytes");
    // A kept piece (a changed pair's) is its two ranges and its kind.
    assert!(
        std::mem::size_of::<Placed>() <= 20,
        "{} bytes",
        std::mem::size_of::<Placed>()
    );
    // And keeps a unit's place a sentence once diffed (32-bit, 32 bytes before; 16 before the
    // line's end took a bit of the passage's index), and a span a run (24 bytes with 64-bit
    // offsets).
    let kept = [std::mem::size_of::<UnitRef>(), std::mem::size_of::<Span>()];
    assert!(kept.iter().all(|&s| s <= 12), "{kept:?} bytes");
    let u = UnitRef::new(7, 3..9, true);
    assert_eq!((u.passage(), u.range(), u.ends_line()), (7, 3..9, true));
    assert!(!UnitRef::new(7, 3..9, false).ends_line());
}

proptest::proptest! {
    /// Rows of sentences drawn from a few words, markers, blanks and full-width letters, the
    /// right side an edit of the left: reading the steps from the kept pieces gives what every
    /// piece gives.
    #[test]
    fn the_steps_read_alike_from_the_kept_pieces_and_from_every_piece(
        left in proptest::collection::vec("(一、|二、|\\(一\\)|1\\.| )?[依法行政制度培训８次 ＡＢa-c1-3]{1,10}[。；]?\n?", 1..8),
        edits in proptest::collection::vec((0usize..8, "[依法行政制度培训 9次]{0,3}"), 0..4),
    ) {
        let mut right = left.clone();
        for (k, text) in edits {
            let k = k % right.len();
            right[k] = format!("{text}{}", right[k]);
        }
        let (l, r) = (left.concat(), right.concat());
        let (kept, all, _) = ops_both_ways(&row(&[&l], &[&r]));
        proptest::prop_assert_eq!(kept, all);
    }
}
