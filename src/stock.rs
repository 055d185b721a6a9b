//! Stock phrases: the wording reports of the genre repeat (认真贯彻落实, 高度重视 …), which a reader
//! may want dimmed to see what a report actually says. A series learns them as the runs of Chinese
//! characters most of its issuing units share (what one unit copies from year to year is its own
//! text, shown as unchanged, not the genre's); [`lexicon::STOCK_PHRASES`] seeds the set, and is all
//! a pair, or a series of too few units, has.
//!
//! Phrases are matched as overlapping runs of four characters (a gram): text is stock where every
//! character lies in a stock gram. Grams never cross punctuation, digits or Latin letters, so a
//! figure is never dimmed; a document's name (《…》) and the taxonomy's keywords never are either.

use std::ops::Range;

use aho_corasick::AhoCorasick;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::lexicon;
use crate::text::is_han;
use crate::topics::Taxonomy;

/// Characters in a gram: short enough to catch 高度重视, long enough that a shared gram is a shared
/// phrase rather than a shared word.
const GRAM: usize = 4;

/// Issuing units a series needs before it can tell stock wording from what two units happen to
/// share.
pub const MIN_UNITS: usize = 3;

/// Listed phrases are at most this long; a longer run is a copied passage, not a phrase.
const MAX_PHRASE_CHARS: usize = 20;

type Gram = [char; GRAM];

/// A phrase most issuing units of a series use.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Phrase {
    pub text: String,
    /// In how many of the units' reports.
    pub reports: usize,
}

/// The stock grams, and the phrases a series showed them in.
#[derive(Debug, Clone)]
pub struct StockPhrases {
    grams: FxHashSet<Gram>,
    /// Whose keywords are never stock.
    tax: Taxonomy,
    /// Learned phrases, most widespread first (empty for the built-in list alone).
    pub phrases: Vec<Phrase>,
    /// How many issuing units the phrases were learned from (0: built-in list only).
    pub learned_from: usize,
    /// A phrase is learned when at least this many units use it.
    pub threshold: usize,
}

/// Every gram of `text` with the byte range it spans; none inside a document's name (《…》).
fn grams(text: &str) -> impl Iterator<Item = (Range<usize>, Gram)> + '_ {
    let mut window: Vec<(usize, char)> = Vec::with_capacity(GRAM);
    let mut in_name = false;
    text.char_indices().filter_map(move |(i, c)| {
        match c {
            '《' => in_name = true,
            '》' => in_name = false,
            _ => {}
        }
        if !is_han(c) || in_name {
            window.clear();
            return None;
        }
        if window.len() == GRAM {
            window.remove(0);
        }
        window.push((i, c));
        (window.len() == GRAM).then(|| {
            let gram = [window[0].1, window[1].1, window[2].1, window[3].1];
            (window[0].0..i + c.len_utf8(), gram)
        })
    })
}

/// Byte ranges of `text` covered by grams of `set`, merged, less the taxonomy's keywords (a topic's
/// own terms are what the report is about, however often reports use them).
fn covered(text: &str, set: &FxHashSet<Gram>, tax: &Taxonomy) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for (r, g) in grams(text) {
        if !set.contains(&g) {
            continue;
        }
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    if out.is_empty() {
        return out;
    }
    let mut terms = tax.terms(text).into_iter().peekable();
    let mut kept = Vec::with_capacity(out.len());
    for mut r in out {
        while let Some(t) = terms.peek().filter(|t| t.start < r.end).cloned() {
            if t.end <= r.start {
                terms.next();
                continue;
            }
            if t.start > r.start {
                kept.push(r.start..t.start);
            }
            r.start = r.start.max(t.end);
            if t.end > r.end {
                break;
            }
            terms.next();
        }
        if r.start < r.end {
            kept.push(r);
        }
    }
    // What is left of a run must still be a phrase, not a stray character or two.
    kept.retain(|r| text[r.clone()].chars().count() >= GRAM);
    kept
}

impl StockPhrases {
    /// The built-in list only.
    pub fn builtin(tax: &Taxonomy) -> StockPhrases {
        let grams = lexicon::STOCK_PHRASES
            .iter()
            .flat_map(|p| grams(p).map(|(_, g)| g).collect::<Vec<_>>())
            .collect();
        StockPhrases {
            grams,
            tax: tax.clone(),
            phrases: Vec::new(),
            learned_from: 0,
            threshold: 0,
        }
    }

    /// The built-in list and the phrases at least 60 % of the issuing units (and at least
    /// [`MIN_UNITS`]) share. `reports` are each report's unit (`None`: not known, a unit of its own)
    /// and text; with fewer units, the built-in list alone.
    pub fn learn(reports: &[(Option<&str>, &str)], tax: &Taxonomy) -> StockPhrases {
        let mut stock = StockPhrases::builtin(tax);
        // Each unit's reports as one text: a phrase counts once per unit.
        let mut units: Vec<(Option<&str>, String)> = Vec::new();
        for &(unit, text) in reports {
            match units.iter_mut().find(|(u, _)| unit.is_some() && *u == unit) {
                Some((_, all)) => {
                    all.push('\n');
                    all.push_str(text);
                }
                None => units.push((unit, text.to_string())),
            }
        }
        let texts: Vec<&str> = units.iter().map(|(_, t)| t.as_str()).collect();
        if texts.len() < MIN_UNITS {
            return stock;
        }
        let need = MIN_UNITS.max((texts.len() * 3).div_ceil(5));
        let mut reports: FxHashMap<Gram, usize> = FxHashMap::default();
        for text in &texts {
            let own: FxHashSet<Gram> = grams(text).map(|(_, g)| g).collect();
            for g in own {
                *reports.entry(g).or_default() += 1;
            }
        }
        let common: FxHashSet<Gram> = reports
            .into_iter()
            .filter(|&(_, n)| n >= need)
            .map(|(g, _)| g)
            .collect();
        stock.phrases = phrases(&texts, &common, need, tax);
        stock.grams.extend(common);
        stock.learned_from = texts.len();
        stock.threshold = need;
        stock
    }

    /// Byte ranges of `text` that are stock wording, merged, in order.
    pub fn ranges(&self, text: &str) -> Vec<Range<usize>> {
        covered(text, &self.grams, &self.tax)
    }

    pub fn is_empty(&self) -> bool {
        self.grams.is_empty()
    }
}

/// The runs of `common` grams in `texts` that at least `need` of them contain, most widespread
/// first; a run inside a longer one as widespread is left out.
fn phrases(texts: &[&str], common: &FxHashSet<Gram>, need: usize, tax: &Taxonomy) -> Vec<Phrase> {
    let mut candidates: Vec<&str> = texts
        .iter()
        .flat_map(|t| covered(t, common, tax).into_iter().map(move |r| &t[r]))
        .filter(|p| p.chars().count() <= MAX_PHRASE_CHARS)
        .collect();
    candidates.sort_unstable();
    candidates.dedup();
    let Ok(ac) = AhoCorasick::new(&candidates) else {
        return Vec::new();
    };
    let mut reports = vec![0usize; candidates.len()];
    let mut uses = vec![0usize; candidates.len()];
    for text in texts {
        let mut seen = FxHashSet::default();
        for m in ac.find_overlapping_iter(*text) {
            let id = m.pattern().as_usize();
            uses[id] += 1;
            if seen.insert(id) {
                reports[id] += 1;
            }
        }
    }
    let mut kept: Vec<(usize, usize, &str)> = (0..candidates.len())
        .filter(|&i| reports[i] >= need)
        .map(|i| (reports[i], uses[i], candidates[i]))
        .collect();
    kept.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then(b.1.cmp(&a.1))
            .then(b.2.len().cmp(&a.2.len()))
            .then(a.2.cmp(b.2))
    });
    let inside_wider = |&(n, _, p): &(usize, usize, &str)| {
        kept.iter()
            .any(|&(m, _, q)| m >= n && q.len() > p.len() && q.contains(p))
    };
    kept.iter()
        .filter(|k| !inside_wider(k))
        .map(|&(n, _, p)| Phrase {
            text: p.to_string(),
            reports: n,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked<'a>(s: &StockPhrases, text: &'a str) -> Vec<&'a str> {
        s.ranges(text).into_iter().map(|r| &text[r]).collect()
    }

    /// Each text a unit of its own.
    fn learn(texts: &[&str]) -> StockPhrases {
        let units: Vec<String> = (0..texts.len()).map(|k| format!("第{k}单位")).collect();
        let reports: Vec<(Option<&str>, &str)> = units
            .iter()
            .map(|u| Some(u.as_str()))
            .zip(texts.iter().copied())
            .collect();
        StockPhrases::learn(&reports, &Taxonomy::builtin())
    }

    #[test]
    fn the_builtin_list_marks_its_phrases_and_nothing_else() {
        let s = StockPhrases::builtin(&Taxonomy::builtin());
        assert_eq!(marked(&s, "我局高度重视法律顾问工作，聘请律师2名。"), ["高度重视"]);
        assert_eq!(marked(&s, "认真贯彻落实党中央决策部署。"), ["认真贯彻落实党中央"]);
        assert!(marked(&s, "提供法律咨询16次。").is_empty());
    }

    #[test]
    fn a_topic_keyword_inside_stock_wording_stays_undimmed() {
        let s = StockPhrases::builtin(&Taxonomy::builtin());
        // 法治思想 is a keyword of 学法普法, inside a phrase of the built-in list.
        assert_eq!(marked(&s, "认真贯彻落实习近平法治思想。"), ["认真贯彻落实习近平"]);
        // A keyword splitting a run leaves the pieces that are still phrases.
        let said = "严格执行规范性文件管理各项制度，";
        let learned = learn(&[&format!("甲{said}"), &format!("乙{said}"), &format!("丙{said}")]);
        assert_eq!(marked(&learned, said), ["严格执行", "管理各项制度"]);
        // 备案审查 is a keyword too: of 备案审查制度 only two characters are left, too few to dim.
        assert_eq!(marked(&learned, "严格执行备案审查制度"), ["严格执行"]);
    }

    #[test]
    fn grams_stop_at_digits_and_punctuation_so_figures_are_never_stock() {
        let s = StockPhrases::builtin(&Taxonomy::builtin());
        assert_eq!(marked(&s, "高度重16视"), Vec::<&str>::new());
        assert_eq!(marked(&s, "高度，重视"), Vec::<&str>::new());
    }

    const REPORTS: [&str; 4] = [
        "甲局坚持统筹推进各项工作。全年办理复议案件3件。",
        "乙局坚持统筹推进法治建设。开展普法活动12场。",
        "丙局今年坚持统筹推进。聘请法律顾问2名。",
        "丁局聘请法律顾问1名。开展执法检查5次。",
    ];

    #[test]
    fn a_series_learns_what_most_of_its_reports_say() {
        let s = learn(&REPORTS);
        assert_eq!(s.threshold, 3, "60 % of four reports, rounded up");
        assert_eq!(
            s.phrases,
            [Phrase {
                text: "坚持统筹推进".into(),
                reports: 3
            }]
        );
        assert_eq!(marked(&s, "戊局坚持统筹推进改革。"), ["坚持统筹推进"]);
        // In two reports of four only: not stock.
        assert!(marked(&s, "聘请法律顾问3名。").is_empty());
    }

    #[test]
    fn one_units_copied_text_and_document_names_are_never_stock() {
        let tax = Taxonomy::builtin();
        let said = "我局研究出台了《示例市科学技术奖励办法》并认真组织实施。";
        // Three years of one unit: its own text, not the genre's.
        let one = StockPhrases::learn(
            &[(Some("甲局"), said), (Some("甲局"), said), (Some("甲局"), said)],
            &tax,
        );
        assert_eq!(one.learned_from, 0);
        assert!(marked(&one, said).is_empty());
        // Three units saying it: the wording is stock, the document's name is not.
        let three = learn(&[said, said, said]);
        let dimmed = marked(&three, said);
        assert!(!dimmed.is_empty());
        assert!(dimmed.iter().all(|d| !d.contains("奖励办法")), "{dimmed:?}");
    }

    #[test]
    fn two_reports_are_too_few_to_learn_from() {
        let s = learn(&REPORTS[..2]);
        assert_eq!(s.learned_from, 0);
        assert!(s.phrases.is_empty());
        assert!(marked(&s, "甲局坚持统筹推进。").is_empty());
    }
}
