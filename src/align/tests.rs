use super::*;
use crate::load::SourceText;
use crate::outline::outline;
use crate::topics::classify;

fn aligned(left: &str, right: &str) -> (Alignment, Taxonomy) {
    let tax = Taxonomy::builtin();
    let l = outline(&SourceText::from_bytes("l.txt", left.as_bytes()).unwrap());
    let r = outline(&SourceText::from_bytes("r.txt", right.as_bytes()).unwrap());
    let (lt, rt) = (classify(&l, &tax), classify(&r, &tax));
    let a = align(
        Classified { doc: &l, topics: &lt },
        Classified { doc: &r, topics: &rt },
        &tax,
    );
    (a, tax)
}

fn row<'a>(a: &'a Alignment, tax: &Taxonomy, id: &str) -> Option<&'a Row> {
    let t = tax.find(id)?;
    a.rows.iter().find(|r| r.topic == Some(t))
}

const LEFT: &str = "2023年,我局全面推进依法行政。\n一、推进依法决策\n(一)完善重大行政决策程序。严格履行专家论证、风险评估等程序。\n(二)推进法律顾问制度常态化。聘请律师担任法律顾问,提供法律咨询16次。\n二、存在问题\n学法普法的深度还不够。";
const RIGHT: &str = "2024年,我局持续推进依法行政。\n一、规范行政决策\n严格落实重大行政决策程序,履行专家论证、风险评估等程序。决策前由法律顾问进行合法性审查,全年提供法律咨询119次。\n二、加强行政执法\n组织执法人员培训,开展案卷评查。";

#[test]
fn a_topic_is_a_section_on_one_side_and_a_sentence_on_the_other() {
    let (a, tax) = aligned(LEFT, RIGHT);
    let counsel = row(&a, &tax, "legal_counsel").expect("legal counsel row");
    assert_eq!(counsel.left.len(), 1);
    assert_eq!(counsel.left[0].kind, PassageKind::Section);
    assert!(counsel.left[0].text.starts_with("(二)推进法律顾问制度常态化。"));
    assert_eq!(counsel.right.len(), 1);
    assert_eq!(counsel.right[0].kind, PassageKind::Sentences);
    assert_eq!(
        counsel.right[0].text,
        "决策前由法律顾问进行合法性审查,全年提供法律咨询119次。"
    );
    assert_eq!(counsel.right[0].path.headings(), ["一、规范行政决策"]);
    assert!(counsel.similarity > 0.0);
}

#[test]
fn topics_on_one_side_only_have_an_empty_side() {
    let (a, tax) = aligned(LEFT, RIGHT);
    let problems = row(&a, &tax, "problems").expect("problems row");
    assert!(!problems.left.is_empty() && problems.right.is_empty());
    assert_eq!(problems.similarity, 0.0);
    let enforcement = row(&a, &tax, "enforcement").expect("enforcement row");
    assert!(enforcement.left.is_empty() && !enforcement.right.is_empty());
}

#[test]
fn decision_row_holds_both_decision_passages() {
    let (a, tax) = aligned(LEFT, RIGHT);
    let decision = row(&a, &tax, "decision").expect("decision row");
    assert!(decision.left.iter().any(|p| p.text.contains("专家论证")));
    assert!(decision.right.iter().any(|p| p.text.contains("专家论证")));
    let overview = row(&a, &tax, "overview").expect("overview row");
    assert_eq!(overview.left[0].kind, PassageKind::Preamble);
}

#[test]
fn untopical_passages_pair_by_content_or_fall_back() {
    let left = "一、科技投入\n全市研发经费投入持续增长,高新技术企业数量达到53家,科技型中小企业入库68家。\n二、平台建设\n建成市级以上研发平台242个。";
    let right = "一、研发投入\n全市研发经费投入持续增长,高新技术企业数量达到72家,科技型中小企业入库152家。";
    let (a, tax) = aligned(left, right);
    let content = a.rows.iter().find(|r| r.topic.is_none()).expect("content row");
    assert!(content.similarity >= CONTENT_MATCH_MIN);
    assert!(content.left[0].text.contains("53家") && content.right[0].text.contains("72家"));
    let other = row(&a, &tax, "other").expect("fallback row");
    assert!(other.left[0].text.contains("研发平台242个"));
    assert!(other.right.is_empty());
}

/// What `content_pairs` must give: every pair scored, greedy best first.
fn content_pairs_by_scoring_all(left: &[Passage], right: &[Passage]) -> Vec<(usize, usize, f32)> {
    let mut all = Vec::new();
    for (i, a) in left.iter().enumerate() {
        for (j, b) in right.iter().enumerate() {
            let s = Fingerprint::new(&a.text).dice(&Fingerprint::new(&b.text));
            if s >= CONTENT_MATCH_MIN {
                all.push((i, j, s));
            }
        }
    }
    all.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)).then(a.1.cmp(&b.1)));
    let (mut ul, mut ur) = (vec![false; left.len()], vec![false; right.len()]);
    let mut pairs: Vec<_> = all
        .into_iter()
        .filter(|&(i, j, _)| {
            let free = !ul[i] && !ur[j];
            ul[i] |= free;
            ur[j] |= free;
            free
        })
        .collect();
    pairs.sort_by_key(|&(i, j, _)| (i, j));
    pairs
}

#[test]
fn content_pairs_through_the_index_are_those_of_scoring_every_pair() {
    let words = [
        "组织开展",
        "科技项目",
        "专项检查",
        "资金管理",
        "企业培育",
        "高新技术",
        "成果转化",
        "人才引进",
        "平台建设",
        "创新券",
        "孵化器",
        "研发投入",
        "技术合同",
        "知识产权",
        "工作",
        "全年",
    ];
    // Passages of 2–9 phrases drawn by a fixed linear congruential sequence: many near twins, many
    // strangers, similarities on both sides of the threshold.
    let mut seed = 7u64;
    let mut next = |n: usize| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) as usize % n
    };
    let mut passages = |count: usize| -> Vec<Passage> {
        (0..count)
            .map(|_| {
                let len = 2 + next(8);
                let text: String = (0..len).map(|_| words[next(words.len())]).collect::<Vec<_>>().join(",");
                Passage::for_test(PassageKind::Paragraph, &text)
            })
            .collect()
    };
    // As many leftovers as a long report has: no bigram in more than MAX_POSTING of them.
    let (left, right) = (passages(40), passages(30));
    let expected = content_pairs_by_scoring_all(&left, &right);
    assert!(expected.len() > 10, "the sample has matches: {}", expected.len());
    assert_eq!(
        content_pairs(&left, &right, &vec![false; left.len()], &vec![false; right.len()]),
        expected
    );
}

#[test]
fn thousands_of_near_twins_still_pair_every_twin_in_order() {
    // A huge repetitive report: every passage is similar to every other, and identical ones pair
    // in document order.
    let text = |n: usize| format!("{n}.现将本年度法治政府建设情况报告如下,全年组织专题培训{}场次。", n % 7);
    let left: Vec<Passage> = (0..3000)
        .map(|n| Passage::for_test(PassageKind::Paragraph, &text(n)))
        .collect();
    let right: Vec<Passage> = (0..3000)
        .map(|n| Passage::for_test(PassageKind::Paragraph, &text(n + 1)))
        .collect();
    let pairs = content_pairs(&left, &right, &vec![false; left.len()], &vec![false; right.len()]);
    // Left n is right n - 1; left 0 and right 2999 have no twin and pair with each other.
    assert_eq!(pairs.len(), 3000);
    assert_eq!((pairs[0].0, pairs[0].1), (0, 2999));
    for &(i, j, s) in &pairs[1..] {
        assert_eq!((j + 1, s), (i, 1.0), "left {i} pairs its twin");
    }
}

#[test]
fn a_whole_section_holds_no_origins_and_gives_its_subtrees_from_the_document() {
    let tax = Taxonomy::builtin();
    let text = "一、推进依法决策\n严格履行专家论证程序。\n(一)法律顾问\n聘请律师担任法律顾问。\n(二)合法性审查\n重大决策先经合法性审查。";
    let doc = outline(&SourceText::from_bytes("t.txt", text.as_bytes()).expect("reads"));
    let topics = classify(&doc, &tax);
    let c = Classified {
        doc: &doc,
        topics: &topics,
    };
    let a = align(c, c, &tax);
    let whole: Vec<&Passage> = a
        .rows
        .iter()
        .flat_map(|r| &r.left)
        .filter(|p| p.kind == PassageKind::Section)
        .collect();
    assert!(!whole.is_empty());
    for p in whole {
        assert!(
            p.origin.is_none(),
            "one origin per subsection would weigh more than the text"
        );
        let id = p.section.expect("a section");
        assert_eq!(p.origins(&doc).as_ref(), doc.subtree_origins(id).as_slice());
    }
}

#[test]
fn a_passage_stays_narrow() {
    // A large report holds a passage per paragraph or more: text, path and origin are held inline
    // with 32-bit offsets where they can be.
    let size = std::mem::size_of::<Passage>();
    assert!(size <= 128, "{size} bytes");
}

#[test]
fn rows_keep_no_room_to_grow() {
    let (a, _) = aligned(LEFT, RIGHT);
    for r in &a.rows {
        assert_eq!(
            (r.left.capacity(), r.right.capacity()),
            (r.left.len(), r.right.len()),
            "{}",
            r.label
        );
    }
}
