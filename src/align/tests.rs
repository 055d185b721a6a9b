use super::*;
use crate::compare::Comparison;
use crate::load::SourceText;
use crate::outline::outline;
use crate::sides::Side;

fn doc(text: &str) -> Document {
    outline(&SourceText::from_bytes("t.txt", text.as_bytes()).unwrap())
}

fn aligned(left: &str, right: &str) -> (Alignment, Taxonomy) {
    let tax = Taxonomy::builtin();
    let c = Comparison::build(doc(left), doc(right), &tax);
    (std::sync::Arc::unwrap_or_clone(c.alignment), tax)
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
    assert_eq!(counsel.passages.left.len(), 1);
    assert_eq!(counsel.passages.left[0].kind, PassageKind::Section);
    assert!(
        counsel.passages.left[0]
            .text
            .starts_with("(二)推进法律顾问制度常态化。")
    );
    assert_eq!(counsel.passages.right.len(), 1);
    assert_eq!(counsel.passages.right[0].kind, PassageKind::Sentences);
    assert_eq!(
        counsel.passages.right[0].text,
        "决策前由法律顾问进行合法性审查,全年提供法律咨询119次。"
    );
    assert_eq!(counsel.passages.right[0].path.headings(), ["一、规范行政决策"]);
    assert!(counsel.similarity > 0.0);
}

#[test]
fn topics_on_one_side_only_have_an_empty_side() {
    let (a, tax) = aligned(LEFT, RIGHT);
    let problems = row(&a, &tax, "problems").expect("problems row");
    assert!(!problems.passages.left.is_empty() && problems.passages.right.is_empty());
    assert_eq!(problems.similarity, 0.0);
    let enforcement = row(&a, &tax, "enforcement").expect("enforcement row");
    assert!(enforcement.passages.left.is_empty() && !enforcement.passages.right.is_empty());
}

#[test]
fn decision_row_holds_both_decision_passages() {
    let (a, tax) = aligned(LEFT, RIGHT);
    let decision = row(&a, &tax, "decision").expect("decision row");
    assert!(decision.passages.left.iter().any(|p| p.text.contains("专家论证")));
    assert!(decision.passages.right.iter().any(|p| p.text.contains("专家论证")));
    let overview = row(&a, &tax, "overview").expect("overview row");
    assert_eq!(overview.passages.left[0].kind, PassageKind::Preamble);
}

#[test]
fn untopical_passages_pair_by_content_or_fall_back() {
    let left = "一、科技投入\n全市研发经费投入持续增长,高新技术企业数量达到53家,科技型中小企业入库68家。\n二、平台建设\n建成市级以上研发平台242个。";
    let right = "一、研发投入\n全市研发经费投入持续增长,高新技术企业数量达到72家,科技型中小企业入库152家。";
    let (a, tax) = aligned(left, right);
    let content = a.rows.iter().find(|r| r.topic.is_none()).expect("content row");
    assert!(content.passages.left[0].text.contains("53家") && content.passages.right[0].text.contains("72家"));
    let other = row(&a, &tax, "other").expect("fallback row");
    assert!(other.passages.left[0].text.contains("研发平台242个"));
    assert!(other.passages.right.is_empty());
}

#[test]
fn every_sentence_of_both_reports_stands_in_exactly_one_row() {
    let (l, r) = (doc(LEFT), doc(RIGHT));
    let (ln, rn) = (l.sentences().len(), r.sentences().len());
    let tax = Taxonomy::builtin();
    let c = Comparison::build(l, r, &tax);
    for (side, n) in [(Side::Left, ln), (Side::Right, rn)] {
        let mut seen = vec![0; n];
        for row in &c.alignment.rows {
            for p in &row.passages[side] {
                assert_eq!(p.units.len(), p.sentences.len());
                for k in p.sentences.clone() {
                    seen[k as usize] += 1;
                }
            }
        }
        assert!(seen.iter().all(|&x| x == 1), "{side:?}: {seen:?}");
    }
}

#[test]
fn a_whole_section_holds_no_origins_and_gives_its_subtrees_from_the_document() {
    let text = "一、推进依法决策\n严格履行专家论证程序。\n(一)法律顾问\n聘请律师担任法律顾问。\n(二)合法性审查\n重大决策先经合法性审查。";
    let doc = doc(text);
    let a = Comparison::build(doc.clone(), doc.clone(), &Taxonomy::builtin()).alignment;
    let whole: Vec<&Passage> = a
        .rows
        .iter()
        .flat_map(|r| &r.passages.left)
        .filter(|p| p.kind == PassageKind::Section)
        .collect();
    assert!(!whole.is_empty());
    for p in whole {
        assert!(
            p.origin.is_none(),
            "one origin per subsection would weigh more than the text"
        );
        let id = p.section().expect("a section");
        assert_eq!(p.origins(&doc), doc.subtree_origins(id));
    }
}

#[test]
fn a_passage_stays_narrow() {
    // A large report holds a passage per paragraph or more: text, path and origin are held inline
    // with 32-bit offsets where they can be.
    let size = std::mem::size_of::<Passage>();
    assert!(size <= 80, "{size} bytes");
}

#[test]
fn rows_keep_no_room_to_grow() {
    let (a, _) = aligned(LEFT, RIGHT);
    for r in &a.rows {
        assert_eq!(
            (r.passages.left.capacity(), r.passages.right.capacity()),
            (r.passages.left.len(), r.passages.right.len()),
            "{}",
            r.label
        );
    }
}

#[test]
fn a_text_reports_passages_know_their_line_and_no_other_formats_do() {
    let text = "某局2024年工作报告\n一、法律顾问\n聘请顾问2名。\n\n二、学法普法\n组织学法8次。";
    let html = "<html><body><h1>某局2024年工作报告</h1><p>一、法律顾问</p><p>聘请顾问2名。</p><p>二、学法普法</p><p>组织学法8次。</p></body></html>";
    let lines = |name: &str, src: &str| -> Vec<u32> {
        let doc = crate::outline::outline(&SourceText::from_bytes(name, src.as_bytes()).expect("decodes"));
        let tax = Taxonomy::builtin();
        let cmp = crate::compare::Comparison::build(doc.clone(), doc, &tax);
        cmp.alignment
            .rows
            .iter()
            .flat_map(|r| r.passages.right.iter().map(|p| p.line))
            .collect()
    };
    let from_text = lines("a.txt", text);
    assert!(from_text.contains(&2) && from_text.contains(&5), "{from_text:?}");
    assert!(lines("a.html", html).iter().all(|&l| l == 0));
}

#[test]
fn a_rows_text_length_counts_both_sides() {
    let row = crate::view::testing::row(&["一二三", "四"], &["五六"]);
    assert_eq!(row.text_len(), "一二三四五六".len());
}

#[test]
fn a_rows_similarity_is_that_of_its_passages_joined_by_line_breaks() {
    let passages = |texts: &[&str]| -> Vec<Passage> {
        texts
            .iter()
            .map(|t| Passage::for_test(PassageKind::Paragraph, t))
            .collect()
    };
    let joined = |ps: &[Passage]| ps.iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join("\n");
    let pairs = [
        (
            vec!["全年提供法律咨询16次。", "组织学法6次。"],
            vec!["全年提供法律咨询119次。", "组织学法8次。开展宣传。"],
        ),
        (vec!["法律顾问", "顾问制度"], vec!["问制", "法律顾问制度"]),
        (vec!["abc def"], vec!["abc", "def"]),
    ];
    for (l, r) in pairs {
        let (l, r) = (passages(&l), passages(&r));
        let whole = Fingerprint::new(&joined(&l)).dice(&Fingerprint::new(&joined(&r)));
        assert_eq!(similarity(&l, &r), whole);
        assert!(whole > 0.0);
    }
    assert_eq!(similarity(&[], &passages(&["法律"])), 0.0);
}

#[test]
fn a_spot_gives_back_the_origin_it_was_made_of() {
    let places = [
        Place::Title,
        Place::Addressee,
        Place::Preamble(3),
        Place::Section(70_000),
        Place::Closing(1),
        Place::Signature,
        Place::Date,
        Place::Trailer(2),
    ];
    for place in places {
        let origin = Origin::whole(place, 12, 345);
        let spot = Spot::of(origin).expect("within 32 bits");
        assert_eq!(spot.origin(), origin, "{place:?}");
        assert_eq!(spot.place(), place);
    }
    assert_eq!(std::mem::size_of::<Option<Spot>>(), 16);
}
