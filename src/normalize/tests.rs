use super::*;

fn texts(lines: &[Line]) -> Vec<&str> {
    lines.iter().map(|l| l.text.as_str()).collect()
}

#[test]
fn hard_breaks_inside_sentences_are_joined() {
    let text = "四、全面落实行政执法责任制\n2017年是强力推进年,按照持续\n深化要求,我局出台了方案。\n(四)严格落实制度。在专项执\n法监督检查中,未发现问题。\n五、强化监督";
    assert_eq!(
        texts(&logical_lines(text)),
        [
            "四、全面落实行政执法责任制",
            "2017年是强力推进年,按照持续深化要求,我局出台了方案。",
            "(四)严格落实制度。在专项执法监督检查中,未发现问题。",
            "五、强化监督"
        ]
    );
}

#[test]
fn lines_are_stretches_of_one_text() {
    // Built one by one and freed once the body was laid out, a string a line left holes between
    // the outline's blocks that the allocator kept (see the outline's paragraphs, which are
    // stretches of this text in turn).
    let text = "开头一段。\n一、法律顾问\n全年提供咨询16次,\n审查合同12份。\n(一)细项\n细项正文。";
    let lines = logical_lines(text);
    let shared = lines[0].text.source().0.clone();
    let mut at = 0;
    for l in &lines {
        assert!(l.text.is_stretch_of(&shared, at), "{l:?}");
        at += l.text.len();
    }
}

#[test]
fn frame_lines_are_not_joined() {
    let text = "区科技局2018年度法治政府建设情况报告\n\n市法制局:\n正文。\n沈阳市科学技术局\n2023年2月6日";
    assert_eq!(
        texts(&logical_lines(text)),
        [
            "区科技局2018年度法治政府建设情况报告",
            "市法制局:",
            "正文。",
            "沈阳市科学技术局",
            "2023年2月6日"
        ]
    );
}

#[test]
fn debris_after_the_report_is_dropped() {
    let text = "一、总体情况\n正文。\n特此报告。\n2021年1月22日\n下一篇:返回列表\n留言与评论(共有 0 条评论)";
    assert_eq!(
        texts(&logical_lines(text)),
        ["一、总体情况", "正文。", "特此报告。", "2021年1月22日"]
    );
}

#[test]
fn fold_unifies_widths_and_drops_cjk_spaces() {
    let f = fold("加大 科技 财 政投入（一），“放管服”");
    assert_eq!(f.text, "加大科技财政投入(一),\"放管服\"");
    let g = fold("plus  app 微信");
    assert_eq!(g.text, "plus app微信");
}

/// The map as it was first written, one entry per folded character: the reference.
fn reference_map(s: &str) -> (String, Vec<(usize, Range<usize>)>) {
    let (mut text, mut spans) = (String::new(), Vec::new());
    let mut pending: Option<Range<usize>> = None;
    for (i, c) in s.char_indices() {
        let f = fold_char(c);
        let range = i..i + c.len_utf8();
        if is_blank(f) {
            pending.get_or_insert(range);
            continue;
        }
        if let Some(space) = pending.take()
            && f.is_ascii_alphanumeric()
            && text.ends_with(|p: char| p.is_ascii_alphanumeric())
        {
            spans.push((text.len(), space));
            text.push(' ');
        }
        spans.push((text.len(), range));
        text.push(f);
    }
    (text, spans)
}

#[test]
fn the_compact_map_maps_every_range_as_one_entry_per_character_does() {
    let alphabet: Vec<char> = "法治a1 　，,（)“”\t科技局b２".chars().collect();
    let mut seed = 11u64;
    for _ in 0..400 {
        let len = {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (seed >> 40) as usize % 14
        };
        let s: String = (0..len)
            .map(|_| {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                alphabet[(seed >> 40) as usize % alphabet.len()]
            })
            .collect();
        let f = fold(&s);
        let (text, spans) = reference_map(&s);
        assert_eq!(f.text, text);
        let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        for (x, &a) in bounds.iter().enumerate() {
            for &b in &bounds[x..] {
                let first = spans.partition_point(|(o, _)| *o < a);
                let expected = if a == b || first >= spans.len() {
                    let at = spans.get(first).map_or(s.len(), |(_, r)| r.start);
                    at..at
                } else {
                    let last = spans.partition_point(|(o, _)| *o < b) - 1;
                    spans[first].1.start..spans[last].1.end
                };
                assert_eq!(f.to_original(a..b), expected, "{s:?} {a}..{b}");
            }
        }
    }
}

#[test]
fn folded_ranges_map_back() {
    let original = "加大 科技，投入";
    let f = fold(original);
    let start = f.text.find("科技").unwrap();
    let r = f.to_original(start..start + "科技,".len());
    assert_eq!(&original[r], "科技，");
    let all = f.to_original(0..f.text.len());
    assert_eq!(&original[all], original);
}

#[test]
fn a_number_cut_by_the_end_of_a_line_joins_up() {
    let lines = logical_lines(
        "全年共组织开展执法检查,检查企业达到了20\n19家,发现问题12个。\n本单位统一使用办公软件,版本为Word\n2007版本,共计English\nwords若干。",
    );
    let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "全年共组织开展执法检查,检查企业达到了2019家,发现问题12个。",
            "本单位统一使用办公软件,版本为Word 2007版本,共计English words若干。"
        ]
    );
}

use proptest::strategy::Strategy;

/// Folding as first written, one character at a time: the reference.
fn fold_plain(s: &str) -> Folded {
    let mut text = String::with_capacity(s.len());
    let mut anchors = Vec::new();
    // The original end of the last character if it was copied unchanged (its run may go on).
    let mut copy_end: Option<usize> = None;
    let mut end_before = 0;
    let emit = |text: &mut String,
                anchors: &mut Vec<Anchor>,
                (copy_end, end_before): (&mut Option<usize>, &mut usize),
                f: char,
                range: Range<usize>,
                original: char| {
        let copied = f == original;
        if !(copied && *copy_end == Some(range.start)) {
            anchors.push(Anchor {
                folded: text.len() as u32,
                original: range.start as u32,
                end_before: *end_before as u32,
            });
        }
        *copy_end = copied.then_some(range.end);
        *end_before = range.end;
        text.push(f);
    };
    let mut pending_space: Option<(Range<usize>, char)> = None;
    for (i, c) in s.char_indices() {
        // Ideographs, most of the text, fold to themselves and are no blanks: continue the run.
        if crate::chars::is_plain_ideograph(c) && pending_space.is_none() && copy_end == Some(i) {
            text.push(c);
            copy_end = Some(i + c.len_utf8());
            end_before = i + c.len_utf8();
            continue;
        }
        let f = fold_char(c);
        let range = i..i + c.len_utf8();
        if is_blank(f) {
            pending_space.get_or_insert((range, c));
            continue;
        }
        if let Some((space, original)) = pending_space.take()
            && f.is_ascii_alphanumeric()
            && text.ends_with(|p: char| p.is_ascii_alphanumeric())
        {
            emit(
                &mut text,
                &mut anchors,
                (&mut copy_end, &mut end_before),
                ' ',
                space,
                original,
            );
        }
        emit(&mut text, &mut anchors, (&mut copy_end, &mut end_before), f, range, c);
    }
    anchors.push(Anchor {
        folded: text.len() as u32,
        original: s.len() as u32,
        end_before: end_before as u32,
    });
    Folded { text, anchors }
}

#[test]
fn every_fixture_folds_as_the_plain_folding_does() {
    for (path, text) in crate::text::fixture_texts() {
        for line in text.lines().chain([text.as_str()]) {
            let (fast, plain) = (fold(line), fold_plain(line));
            assert_eq!(fast.text, plain.text, "{}", path.display());
            assert_eq!(fast.anchors, plain.anchors, "{}", path.display());
        }
    }
}

proptest::proptest! {
    #[test]
    fn folding_is_what_the_plain_folding_makes(
        text in proptest::collection::vec(
            proptest::sample::select("法治政府䀀鿿一 　\t\nab1２Ａ，。（）“”·—\u{a0}\u{3000}\u{4dbf}\u{e000}\u{20000}".chars().collect::<Vec<char>>()),
            0..60,
        ).prop_map(|v: Vec<char>| v.into_iter().collect::<String>())
    ) {
        let (fast, plain) = (fold(&text), fold_plain(&text));
        proptest::prop_assert_eq!(&fast.text, &plain.text);
        proptest::prop_assert_eq!(fast.anchors, plain.anchors);
    }
}
