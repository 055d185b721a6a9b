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
    assert_eq!(counsel.right[0].path, ["一、规范行政决策"]);
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
