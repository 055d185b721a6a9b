//! The letter frame around a report: title, addressee, closing, signature, date, trailer; and the
//! report's unit and year, read from the frame first and the opening text second.

use std::collections::HashMap;
use std::ops::Range;

use super::phrases::{
    according_to_year, leading_year, report_phrase_year, self_reference, title_year, unit_before_short_form,
    unit_in_text, unit_in_title, unit_prefix,
};
use super::{Document, Paragraph};
use crate::lexicon::{CLOSING_OPENERS, TITLE_WORDS, UNIT_EXPANSIONS, UNIT_SUFFIXES};
use crate::normalize::Line;
use crate::numbering::parse_marker;
use crate::text::{is_comma, is_han, is_sentence_end, parse_date, trim_blank};

/// Which logical lines play which part of the letter.
pub struct Frame {
    pub title: Option<usize>,
    /// A line naming the unit above a title that does not (`示例市生态环境局` over
    /// `2023年法治政府建设工作报告`): part of the title.
    pub title_lead: Option<usize>,
    pub addressee: Option<usize>,
    pub body: Range<usize>,
    pub closing: Range<usize>,
    pub signature: Option<usize>,
    pub date: Option<usize>,
    /// Lines after the date (attachment notes, a repeated title) and `附件` lines before it.
    pub trailer: Vec<usize>,
}

fn has_sentence_punct(s: &str) -> bool {
    s.chars().any(|c| is_sentence_end(c) || is_comma(c))
}

fn is_title_like(s: &str) -> bool {
    let n = s.chars().count();
    (6..=60).contains(&n)
        && !has_sentence_punct(s)
        && parse_marker(s).is_none()
        && TITLE_WORDS.iter().any(|w| s.contains(w))
}

fn is_addressee(s: &str) -> bool {
    (s.ends_with(':') || s.ends_with('：'))
        && s.chars().count() <= 30
        && !has_sentence_punct(s)
        && parse_marker(s).is_none()
}

fn is_signature_like(s: &str) -> bool {
    let n = s.chars().count();
    (2..=30).contains(&n)
        && !has_sentence_punct(s)
        && !s.contains(['：', ':'])
        && parse_marker(s).is_none()
        && UNIT_SUFFIXES.iter().any(|suf| s.ends_with(suf))
}

fn is_closing_line(s: &str) -> bool {
    CLOSING_OPENERS.iter().any(|o| s.starts_with(o))
}

/// A numbered line that carries no body text after its heading sentence.
fn is_heading_only(line: &str) -> bool {
    parse_marker(line).is_some_and(|m| {
        let rest = line[m.len..].trim_end_matches(crate::chars::is_full_stop);
        !rest.contains(crate::chars::is_full_stop)
    })
}

/// Splits the logical lines into the parts of the letter.
pub fn split_frame(lines: &[Line]) -> Frame {
    let mut start = 0;
    let mut title = None;
    let mut title_lead = None;
    let mut addressee = None;
    if lines.first().is_some_and(|l| is_title_like(&l.text)) {
        title = Some(0);
        start = 1;
    } else if lines.first().is_some_and(|l| is_signature_like(&l.text))
        && lines.get(1).is_some_and(|l| is_title_like(&l.text))
    {
        title_lead = Some(0);
        title = Some(1);
        start = 2;
    }
    if lines.get(start).is_some_and(|l| is_addressee(&l.text)) {
        addressee = Some(start);
        start += 1;
    }
    let mut end = lines.len();
    let mut trailer = Vec::new();
    let mut date = None;
    // The signing date sits in the last few lines; anything after it is trailer.
    if let Some(d) = (start..end)
        .rev()
        .take(6)
        .find(|&i| parse_date(&lines[i].text).is_some())
    {
        date = Some(d);
        trailer.extend(d + 1..end);
        end = d;
    }
    while end > start && lines[end - 1].text.starts_with("附件") {
        trailer.push(end - 1);
        end -= 1;
    }
    let mut signature = None;
    if end > start + 1 && is_signature_like(&lines[end - 1].text) {
        signature = Some(end - 1);
        end -= 1;
    }
    let mut closing_start = end;
    while closing_start > start + 1 && is_closing_line(&lines[closing_start - 1].text) {
        closing_start -= 1;
    }
    // A last paragraph weighing the year up (`…虽然取得了较好成效,但…`) closes the letter, unless it is
    // the only text of the section above it.
    if closing_start > start + 2 {
        let last = &lines[closing_start - 1].text;
        let above = &lines[closing_start - 2].text;
        if last.contains("虽然") && last.contains('但') && parse_marker(last).is_none() && !is_heading_only(above) {
            closing_start -= 1;
        }
    }
    trailer.sort_unstable();
    Frame {
        title,
        title_lead,
        addressee,
        body: start..closing_start,
        closing: closing_start..end,
        signature,
        date,
        trailer,
    }
}

/// Fills the document's frame fields from the lines.
pub fn fill(doc: &mut Document, lines: &[Line], frame: &Frame) {
    let text = |i: usize| lines[i].text.to_string();
    let shared = |i: usize| lines[i].text.clone();
    doc.addressee = frame.addressee.map(text);
    doc.signature = frame.signature.map(text);
    doc.date = frame.date.map(text);
    doc.closing = frame
        .closing
        .clone()
        .map(|i| Paragraph {
            text: shared(i),
            line: lines[i].number,
        })
        .collect();
    doc.trailer = frame
        .trailer
        .iter()
        .map(|&i| Paragraph {
            text: shared(i),
            line: lines[i].number,
        })
        .collect();
    let trailer_title = frame
        .trailer
        .iter()
        .map(|&i| strip_attachment(&lines[i].text))
        .find(|t| is_title_like(t));
    doc.title = frame
        .title
        .map(|t| frame.title_lead.map(text).unwrap_or_default() + &text(t))
        .or_else(|| trailer_title.map(str::to_string));

    let opening: String = doc
        .preamble
        .iter()
        .take(2)
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let frame_texts: Vec<&str> = doc
        .title
        .iter()
        .map(String::as_str)
        .chain(frame.trailer.iter().map(|&i| strip_attachment(&lines[i].text)))
        .collect();
    doc.year = report_year(&frame_texts, &opening, doc.date.as_deref());
    let all_lines: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
    doc.unit = report_unit(doc.signature.as_deref(), &frame_texts, &opening, &all_lines);
}

fn strip_attachment(s: &str) -> &str {
    let s = s.strip_prefix("附件").unwrap_or(s);
    trim_blank(s.trim_start_matches([':', '：', ' ']))
}

/// The year reported on: the title's, then the opening's (`现将2017年…报告如下`, `根据2024年度…`,
/// `2017年,我局…`), then
/// the year before the signing date (reports are signed early in the following year).
fn report_year(frame_texts: &[&str], opening: &str, date: Option<&str>) -> Option<u32> {
    frame_texts
        .iter()
        .filter(|t| t.contains("报告") || t.contains("总结"))
        .find_map(|t| title_year(t))
        .or_else(|| report_phrase_year(opening))
        .or_else(|| according_to_year(opening))
        .or_else(|| leading_year(opening))
        // `…管理委员会(以下简称“管委会”)2022年…`: the year after the unit's short form.
        .or_else(|| {
            let at = opening.find("(以下简称").or_else(|| opening.find("（以下简称"))?;
            let close = opening[at..].find([')', '）'])? + at;
            let after = &opening[close..];
            leading_year(&after[after.chars().next()?.len_utf8()..])
        })
        .or_else(|| {
            let (y, m, _) = date.and_then(parse_date)?;
            Some(if m <= 6 { y - 1 } else { y })
        })
}

/// Longest name before the unit suffix.
const UNIT_MAX_CHARS: usize = 20;

/// The reporting unit: the signature, a title that names it, or the opening's self-reference
/// (`市科技局`) completed from the full name the text uses elsewhere (`郑州市科学技术局`).
fn report_unit(signature: Option<&str>, frame_texts: &[&str], opening: &str, all_lines: &[&str]) -> Option<String> {
    if let Some(sig) = signature {
        return Some(sig.to_string());
    }
    let mut abbreviated = None;
    for t in frame_texts {
        let found = unit_in_title(t)
            .map(|u| (u, u.chars().count()))
            .or_else(|| unit_prefix(t).map(|(unit, name)| (unit, name.chars().count())));
        if let Some((unit, _)) = found.filter(|&(_, n)| n <= UNIT_MAX_CHARS) {
            let unit = unit.to_string();
            if !unit.starts_with(['市', '区', '县']) {
                return Some(unit);
            }
            abbreviated.get_or_insert(unit);
        }
    }
    // A full name in the opening (`根据…安排,沈丘县科学技术局高度重视`), or given with its short form.
    if abbreviated.is_none()
        && let Some(unit) = unit_in_text(opening)
            .or_else(|| unit_before_short_form(opening))
            .filter(|u| !u.starts_with(['市', '区', '县']))
    {
        return Some(unit.to_string());
    }
    let abbreviated = abbreviated.or_else(|| self_reference(opening).map(str::to_string))?;
    Some(expand_unit(&abbreviated, all_lines).unwrap_or(abbreviated))
}

fn is_subsequence(needle: &str, hay: &str) -> bool {
    let mut it = hay.chars();
    needle.chars().all(|c| it.any(|h| h == c))
}

/// Completes `市科技局` to the full name used in the text, or to place + expanded name.
fn expand_unit(abbreviated: &str, lines: &[&str]) -> Option<String> {
    let mut chars = abbreviated.chars();
    let level = chars.next()?;
    let body: String = chars.collect();
    let first = body.chars().next()?;
    let last = body.chars().last()?;
    let mut places: HashMap<String, usize> = HashMap::new();
    let mut full_bodies: HashMap<String, usize> = HashMap::new();
    // Line by line: a name never runs across lines, and one line's characters are all that is
    // held at a time.
    for line in lines.iter().filter(|l| l.contains(level)) {
        let chars: Vec<char> = line.chars().collect();
        count_unit_forms(&chars, (level, first, last), &body, &mut places, &mut full_bodies);
    }
    if let Some((name, _)) = full_bodies.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0))) {
        return Some(name);
    }
    // No full form in the text: the most frequent place of this level plus the expanded name.
    let place = best_place(&places)?;
    let expanded = UNIT_EXPANSIONS
        .iter()
        .find(|(short, _)| *short == body)
        .map_or(body.as_str(), |(_, long)| long);
    Some(format!("{place}{level}{expanded}"))
}

/// Counts, in one line's `chars`, the places before the level character and the full forms of
/// `body` after it (`body` starts with `first`, ends with `last`).
fn count_unit_forms(
    chars: &[char],
    (level, first, last): (char, char, char),
    body: &str,
    places: &mut HashMap<String, usize>,
    full_bodies: &mut HashMap<String, usize>,
) {
    // Where the run of Han characters before `i` starts, kept as the line is read: looked for
    // backwards at each level character, it made a line of Han text quadratic.
    let mut run_start = 0;
    for (i, &c) in chars.iter().enumerate() {
        let run = run_start;
        if !is_han(c) {
            run_start = i + 1;
        }
        if c != level || i < 2 {
            continue;
        }
        let place2: String = chars[i - 2..i].iter().collect();
        if !place2.chars().all(is_han) {
            continue;
        }
        // A place name starts a run of Han characters (`《周村区…`), unlike `积极配合区政府`.
        if (2..=3).contains(&(i - run)) {
            *places.entry(chars[run..i].iter().collect()).or_default() += 1;
        }
        // A full form of the body right after the level character: starts and ends like it.
        if chars.get(i + 1) == Some(&first) {
            let tail: String = chars[i + 1..(i + 12).min(chars.len())].iter().collect();
            if let Some(end) = tail.find(last) {
                let candidate = &tail[..end + last.len_utf8()];
                if candidate.chars().count() > body.chars().count() && is_subsequence(body, candidate) {
                    *full_bodies.entry(format!("{place2}{level}{candidate}")).or_default() += 1;
                }
            }
        }
    }
}

/// The most frequent place name, ties broken by text order of the name.
fn best_place(places: &HashMap<String, usize>) -> Option<String> {
    places
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(p, _)| p.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_from_abbreviation_and_full_form_in_text() {
        let text =
            "2017年,市科技局在市委领导下工作。印发了《郑州市科学技术局关于调整的通知》。郑州市科学技术局《关于》";
        assert_eq!(
            expand_unit("市科技局", &text.lines().collect::<Vec<_>>()).as_deref(),
            Some("郑州市科学技术局")
        );
    }

    #[test]
    fn unit_from_a_name_opening_the_title() {
        let unit = |t: &str| report_unit(None, &[t], "", &[t]);
        assert_eq!(
            unit("示例市科学技术局2024年法治政府建设情况报告").as_deref(),
            Some("示例市科学技术局")
        );
        assert_eq!(
            unit("示例市发展和改革委员会 2023 年工作报告").as_deref(),
            Some("示例市发展和改革委员会")
        );
        let too_long = format!("{}局2024年报告", "长".repeat(UNIT_MAX_CHARS + 1));
        assert_eq!(unit(&too_long), None);
    }

    #[test]
    fn unit_from_place_when_no_full_form() {
        let text = "区科技局报告。按照《关于印发<周村区法治政府建设实施纲要>的通知》,编印了《周村区科技创新政策汇编》。淄博市知识产权局";
        assert_eq!(
            expand_unit("区科技局", &text.lines().collect::<Vec<_>>()).as_deref(),
            Some("周村区科学技术局")
        );
    }

    #[test]
    fn year_prefers_title_then_opening_then_date() {
        assert_eq!(
            report_year(&["区科技局2018年度法治政府建设情况报告"], "", None),
            Some(2018)
        );
        assert_eq!(
            report_year(
                &[],
                "根据(阳法通[2017]32号)要求,现将2017年法治政府建设情况报告如下:",
                None
            ),
            Some(2017)
        );
        assert_eq!(
            report_year(&[], "今年以来,现将我局2020年度法治政府建设工作报告如下:", None),
            Some(2020)
        );
        assert_eq!(
            report_year(&[], "2022年,市科技局坚持", Some("2023年2月6日")),
            Some(2022)
        );
        assert_eq!(report_year(&[], "今年以来,我局", Some("2023年2月6日")), Some(2022));
        assert_eq!(report_year(&[], "今年以来,我局", Some("2017年11月9日")), Some(2017));
    }
}
