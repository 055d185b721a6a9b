//! The report's year and unit as its title and opening phrase them (`2017年度`, `现将2017年…`,
//! `沈阳市科学技术局2022年…`, `我市科技局`), matched by hand: the regular expressions they replaced cost
//! more to compile than a small comparison takes (tests check them against those expressions).

use crate::lexicon::{PLACE_LEVELS, UNIT_SUFFIXES};
use crate::text::{is_clause_end, is_han};

/// After blanks, `word`: the bytes that takes, if `s` goes on so (`\s*年`).
fn blanks_then(s: &str, word: char) -> Option<usize> {
    let t = s.trim_start_matches(char::is_whitespace);
    t.starts_with(word).then(|| s.len() - t.len() + word.len_utf8())
}

/// Four digits (`digit`) at the start of `s`, then blanks and 年: the digits.
fn year_at(s: &str, digit: fn(char) -> bool) -> Option<&str> {
    let end = s.char_indices().nth(4).map_or(s.len(), |(i, _)| i);
    let digits = &s[..end];
    (digits.chars().count() == 4 && digits.chars().all(digit) && blanks_then(&s[end..], '年').is_some())
        .then_some(digits)
}

fn full_width_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// A plausible report year from four digits (full-width ones folded).
fn plausible_year(digits: &str) -> Option<u32> {
    let ascii: String = digits
        .chars()
        .map(|c| char::from_u32(c as u32 - if c.is_ascii_digit() { 0 } else { 0xfee0 }).unwrap_or(c))
        .collect();
    ascii.parse().ok().filter(|&y| crate::text::is_plausible_year(y))
}

/// The first `2017年` (or `2017 年度`) in `s`, if its year is plausible. Years are ASCII digits.
pub(super) fn title_year(s: &str) -> Option<u32> {
    let digits = s
        .char_indices()
        .find_map(|(i, _)| year_at(&s[i..], |c| c.is_ascii_digit()))?;
    plausible_year(digits)
}

/// Most characters between the phrase and the year.
const YEAR_GAP_MAX: usize = 16;

/// The year at most 16 characters after `phrase` (none of them a digit or 。), where `gap_ok`
/// accepts those characters.
fn year_after(s: &str, phrase: &str, gap_ok: impl Fn(&str) -> bool) -> Option<u32> {
    s.match_indices(phrase)
        .find_map(|(i, m)| {
            let rest = &s[i + m.len()..];
            // Only the first 17 characters are looked at: a longer gap is refused anyway, and a
            // text without 。 or digits would otherwise be read to its end after every phrase.
            let (skip, _) = rest
                .char_indices()
                .take(YEAR_GAP_MAX + 1)
                .find(|&(_, c)| c == '。' || c.is_ascii_digit())?;
            let gap = &rest[..skip];
            if !gap_ok(gap) {
                return None;
            }
            year_at(&rest[skip..], |c| c.is_ascii_digit())
        })
        .and_then(plausible_year)
}

/// `现将…2017年…`: the year at most 16 characters after 现将, none of them a digit or 。.
pub(super) fn report_phrase_year(s: &str) -> Option<u32> {
    year_after(s, "现将", |_| true)
}

/// `根据2024年度法治政府建设工作安排,…`: the year at most 16 characters after 根据 (none of them a
/// digit or 。), unless it is part of a document's name (`根据《2021年工作要点》` is not the
/// report's year).
pub(super) fn according_to_year(s: &str) -> Option<u32> {
    year_after(s, "根据", |gap| !gap.contains(['《', '〈', '“']))
}

/// `2017年,我局…`: the year the text opens with.
pub(super) fn leading_year(s: &str) -> Option<u32> {
    year_at(s, |c| c.is_ascii_digit()).and_then(plausible_year)
}

/// Longest unit name searched for inside running text, in characters.
const UNIT_IN_TEXT_MAX: usize = 16;

/// A unit's full name where a clause of running text starts with it: `沈丘县科学技术局` in
/// `根据2024年度…安排,沈丘县科学技术局高度重视`. The shortest run of Han characters from the
/// clause's start that names a place level, then ends in a unit suffix not followed by 长 (局长).
pub(super) fn unit_in_text(s: &str) -> Option<&str> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    // A clause's subject: at the start, or after clause punctuation (not after 》 or a quote).
    // Words that open a clause but never a place name: 和全市政府…, 对全县…
    const NOT_PLACE: &[char] = &[
        '和', '与', '及', '的', '在', '对', '向', '为', '全', '各', '本', '我', '该', '其', '由', '按',
    ];
    (0..chars.len())
        .filter(|&q| q == 0 || is_clause_end(chars[q - 1].1) || matches!(chars[q - 1].1, '、' | '\n'))
        .filter(|&q| !NOT_PLACE.contains(&chars[q].1))
        .find_map(|q| {
            let start = chars[q].0;
            let mut level_seen = false;
            for k in q..chars.len().min(q + UNIT_IN_TEXT_MAX) {
                let c = chars[k].1;
                if !is_han(c) {
                    return None;
                }
                let end = chars.get(k + 1).map_or(s.len(), |x| x.0);
                if level_seen && k >= q + 3 && chars.get(k + 1).is_none_or(|x| x.1 != '长') {
                    let (name, rest) = (&s[start..end], &s[end..]);
                    // Not when a longer suffix goes on (`…委` of `…委员会`).
                    let longer = UNIT_SUFFIXES.iter().any(|suffix| {
                        suffix
                            .char_indices()
                            .skip(1)
                            .any(|(j, _)| name.ends_with(&suffix[..j]) && rest.starts_with(&suffix[j..]))
                    });
                    if !longer && UNIT_SUFFIXES.iter().any(|suffix| name.ends_with(suffix)) {
                        return Some(name);
                    }
                }
                // A place is named by two or three characters before its level (`沈丘县`, `郑州市`);
                // a level opening the clause (`市科技局`) abbreviates, one further in follows other
                // words (`积极配合县政府`).
                level_seen |= (2..=3).contains(&(k - q)) && PLACE_LEVELS.contains(&c);
            }
            None
        })
}

/// A unit name opening a line, then a year: `沈阳市科学技术局2022年…` gives (the unit, the name
/// before its suffix). The shortest name (two Han characters or more) that a suffix and a year
/// follow.
pub(super) fn unit_prefix(s: &str) -> Option<(&str, &str)> {
    let mut ends = s.char_indices().map(|(i, c)| (i + c.len_utf8(), c));
    let mut count = 0;
    for (end, c) in ends.by_ref() {
        if !is_han(c) {
            return None;
        }
        count += 1;
        if count < 2 {
            continue;
        }
        let rest = &s[end..];
        for suffix in UNIT_SUFFIXES {
            let Some(after) = rest.strip_prefix(suffix) else {
                continue;
            };
            let after = after.trim_start_matches(char::is_whitespace);
            if year_at(after, full_width_digit).is_some() {
                return Some((&s[..end + suffix.len()], &s[..end]));
            }
        }
    }
    None
}

/// What may follow a unit's name in a title: another year, `关于`, or the report's subject.
const AFTER_TITLE_UNIT: &[&str] = &["关于", "法治", "依法", "法制", "年度", "工作", "情况", "推进"];

/// The unit a title names (`关于示例市交通运输局2023年度…的报告`, `2024年度示例区城市管理综合执法
/// 大队法治政府建设情况报告`, `示例市公安局交通警察支队2022年度…`): after a leading `关于` and year,
/// the shortest name of two Han characters or more that ends in a unit suffix and is followed by a
/// year, `关于`, the report's subject or nothing.
pub(super) fn unit_in_title(s: &str) -> Option<&str> {
    let mut s = s.trim_start_matches(char::is_whitespace);
    s = s.strip_prefix("关于").unwrap_or(s);
    if let Some(y) = year_at(s, full_width_digit) {
        let rest = &s[y.len()..];
        s = rest
            .strip_prefix("年度")
            .or_else(|| rest.strip_prefix('年'))
            .unwrap_or(s);
    }
    let mut count = 0;
    for (i, c) in s.char_indices() {
        if !is_han(c) {
            return None;
        }
        count += 1;
        let end = i + c.len_utf8();
        if count < 3 {
            continue;
        }
        let (name, rest) = (&s[..end], s[end..].trim_start_matches(char::is_whitespace));
        let follows = rest.is_empty()
            || year_at(rest, full_width_digit).is_some()
            || AFTER_TITLE_UNIT.iter().any(|w| rest.starts_with(w));
        if follows && UNIT_SUFFIXES.iter().any(|suffix| name.ends_with(suffix)) {
            return Some(name);
        }
    }
    None
}

/// A unit named with its short form (`示例高新技术产业开发区管理委员会(以下简称“管委会”)`): the run
/// of Han characters before `(以下简称`, when it ends in a unit suffix.
pub(super) fn unit_before_short_form(s: &str) -> Option<&str> {
    let at = s.find("(以下简称").or_else(|| s.find("（以下简称"))?;
    let before = &s[..at];
    let start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !is_han(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let name = &before[start..];
    (name.chars().count() >= 4 && UNIT_SUFFIXES.iter().any(|suffix| name.ends_with(suffix))).then_some(name)
}

/// `市科技局` where the opening refers to the unit (after a non-Han character or 我): the level
/// character and the shortest run of one to eight Han characters up to 局.
pub(super) fn self_reference(s: &str) -> Option<&str> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    (0..chars.len()).find_map(|q| {
        let (start, level) = chars[q];
        let after_boundary = q == 0 || !is_han(chars[q - 1].1) || chars[q - 1].1 == '我';
        if !after_boundary || !matches!(level, '市' | '区' | '县') {
            return None;
        }
        (1..=8).find_map(|m| {
            let body = chars.get(q + 1..q + 1 + m)?;
            let (end, last) = *chars.get(q + 1 + m)?;
            (body.iter().all(|&(_, c)| is_han(c)) && last == '局').then(|| &s[start..end + last.len_utf8()])
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The patterns these matchers replaced, as references (`\p{Han}` narrowed to the ideographs
    /// `is_han` knows, digits to ASCII and full-width).
    fn reference(pattern: &str) -> impl Fn(&str) -> Option<String> {
        let narrowed = pattern
            .replace(r"\p{Han}", r"[\x{4e00}-\x{9fff}\x{3400}-\x{4dbf}]")
            .replace(r"\d", "[0-9０-９]");
        let re = regex::Regex::new(&narrowed).unwrap();
        move |s| re.captures(s).map(|c| c[1].to_string())
    }

    #[test]
    fn the_year_follows_according_to_but_not_from_a_document_name() {
        assert_eq!(
            according_to_year("根据2024年度法治政府建设工作安排,沈丘县科学技术局高度重视"),
            Some(2024)
        );
        assert_eq!(according_to_year("根据市政府2023年工作部署,我局"), Some(2023));
        assert_eq!(according_to_year("根据《2021年法治政府建设工作要点》,我局"), None);
        assert_eq!(according_to_year("我局根据工作安排开展了培训。"), None);
    }

    #[test]
    fn a_full_unit_name_is_found_where_a_clause_starts() {
        let opening = "根据2024年度法治政府建设工作安排,沈丘县科学技术局高度重视,认真部署。";
        assert_eq!(unit_in_text(opening), Some("沈丘县科学技术局"));
        assert_eq!(
            unit_in_text("今年,河南省科学技术厅认真贯彻。"),
            Some("河南省科学技术厅")
        );
        assert_eq!(unit_in_text("一年来,沈丘县司法所坚持依法行政。"), Some("沈丘县司法所"));
        assert_eq!(
            unit_in_text("2023年,郑州市科学技术委员会扎实推进。"),
            Some("郑州市科学技术委员会")
        );
        // A title is no unit, an abbreviation names no place, and a name inside a clause is not its subject.
        assert_eq!(unit_in_text("沈丘县科学技术局局长带头学法。"), Some("沈丘县科学技术局"));
        assert_eq!(unit_in_text("市科技局高度重视。"), None);
        assert_eq!(unit_in_text("积极配合县政府开展工作。"), None);
        assert_eq!(unit_in_text("落实《纲要》和全市政府法制工作会议精神"), None);
        assert_eq!(unit_in_text("认真学习,和全市政府一起"), None);
    }

    #[test]
    fn the_report_phrase_reaches_sixteen_characters() {
        let gap = |n: usize| {
            format!(
                "现将{}2017年度工作报告如下",
                "我局法治政府建设情况".chars().cycle().take(n).collect::<String>()
            )
        };
        assert_eq!(report_phrase_year(&gap(0)), Some(2017));
        assert_eq!(report_phrase_year(&gap(16)), Some(2017));
        assert_eq!(report_phrase_year(&gap(17)), None);
        assert_eq!(report_phrase_year("现将本局。2017年情况报告如下"), None);
        assert_eq!(leading_year("2017 年,我局"), Some(2017));
        assert_eq!(
            title_year("郑州市科技局1017年和2017年度报告"),
            None,
            "the first year decides"
        );
        assert_eq!(
            unit_prefix("沈阳市科学技术局２０２２年度报告"),
            Some(("沈阳市科学技术局", "沈阳市科学技术"))
        );
        assert_eq!(self_reference("2017年,我市科技局全面推进"), Some("市科技局"));
    }

    #[test]
    fn hand_matchers_agree_with_the_patterns_they_replaced() {
        let pieces = [
            "2017",
            "２０２２",
            "20",
            "17",
            "年",
            "年度",
            " ",
            "　",
            "现将",
            "。",
            "报告",
            "我局",
            "我",
            "市",
            "区",
            "县",
            "科技",
            "科学技术",
            "局",
            "委员会",
            "委",
            "办公室",
            "厅",
            "中心",
            "政府",
            "所",
            "室",
            "办",
            "沈阳",
            ",",
            "a",
            "1",
        ];
        let title = reference(r"([0-9]{4})\s*年度?");
        let phrase = reference(r"现将[^。0-9]{0,16}([0-9]{4})\s*年");
        let leading = reference(r"^([0-9]{4})\s*年");
        let prefix =
            reference(r"^((\p{Han}\p{Han}+?)(?:委员会|办公室|局|委|厅|中心|院|政府|所|站|办|部|处|室))\s*\d{4}\s*年");
        let own = reference(r"(?:^|[^\p{Han}]|我)([市区县]\p{Han}{1,8}?局)");
        let mut seed = 3u64;
        for _ in 0..4000 {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let len = (seed >> 60) as usize + 1;
            let s: String = (0..len)
                .map(|k| pieces[((seed >> (k % 10 * 4 + 16)) as usize + k * 11) % pieces.len()])
                .collect();
            let year = |y: Option<String>| {
                y.and_then(|y| y.parse().ok())
                    .filter(|&y| crate::text::is_plausible_year(y))
            };
            assert_eq!(title_year(&s), year(title(&s)), "title {s:?}");
            assert_eq!(report_phrase_year(&s), year(phrase(&s)), "phrase {s:?}");
            assert_eq!(leading_year(&s), year(leading(&s)), "leading {s:?}");
            assert_eq!(unit_prefix(&s).map(|(u, _)| u.to_string()), prefix(&s), "prefix {s:?}");
            assert_eq!(self_reference(&s).map(str::to_string), own(&s), "self {s:?}");
        }
    }
}
