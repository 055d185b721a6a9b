//! The reviewer's checklist: for each report, the contents the rules require and where they are,
//! the date against the deadline, how many figures it states, and, against last year's report of
//! the same unit, how much it copies, the problems it states again and last year's plans it says
//! it carried out. The rules are data (`rules.toml`).

pub mod contents;
pub mod date;
pub mod history;
pub mod rules;

use serde::Serialize;

use crate::align::Filed;
use crate::diff::CharTokenizer;
use crate::series::Series;
use crate::series::coverage::whole;
use crate::topics::Taxonomy;
pub use contents::{ContentCheck, Found, Located};
pub use date::{Date, Deadline, Status};
pub use history::{Plan, Repeated};
pub use rules::Rules;

/// One report, checked.
#[derive(Debug, Clone, Serialize)]
pub struct ReportCheck {
    /// The path as given.
    pub file: String,
    pub unit: Option<String>,
    pub year: Option<u32>,
    pub dated: Option<Date>,
    pub contents: Vec<ContentCheck>,
    pub deadline: Deadline,
    /// Figures stated (as `duibi figures` lists them).
    pub figures: usize,
    pub figures_per_1000: f64,
    /// The report measured against (last year's of the same unit), when there is one.
    pub last_year: Option<String>,
    /// The share of its sentences last year's report says word for word (numbering aside), as the
    /// coverage counts them; `None` without last year's.
    pub copied_share: Option<f64>,
    pub repeated_problems: Vec<Repeated>,
    pub plans: Vec<Plan>,
    /// Whether it passes the rules: every required content found, on time, concrete enough, not
    /// mostly copied.
    pub passes: bool,
    /// Why it does not, a line each.
    pub failures: Vec<String>,
    /// Its index in the series.
    #[serde(skip)]
    pub report: usize,
}

/// Every report given, checked; with what they are measured against.
#[derive(Debug, Clone, Serialize)]
pub struct Checklist {
    pub reports: Vec<ReportCheck>,
    /// The middle of the reports' figures per thousand characters.
    pub median_figures_per_1000: f64,
    /// Where the deadline comes from, as the rules say.
    pub due_source: String,
}

impl Checklist {
    pub fn new(series: &Series, tax: &Taxonomy, rules: &Rules) -> Checklist {
        let sentences: Vec<_> = series.reports.iter().map(|r| r.doc.sentences()).collect();
        let filings: Vec<Vec<_>> = series
            .reports
            .iter()
            .zip(&sentences)
            .map(|(r, s)| Filed::new(&r.doc, s, &r.topics, tax).filing)
            .collect();
        let parts: Vec<contents::Parts> = series
            .reports
            .iter()
            .enumerate()
            .map(|(i, r)| contents::Parts::new(&r.doc, &sentences[i], &r.topics, tax))
            .collect();
        let found: Vec<Vec<ContentCheck>> = parts.iter().map(|p| contents::contents(p, rules)).collect();
        let mut reports: Vec<ReportCheck> = (0..series.reports.len())
            .map(|i| {
                let doc = &series.reports[i].doc;
                let dated = doc.date.as_deref().and_then(Date::parse);
                let chars = doc.all_text().chars().filter(|c| !c.is_whitespace()).count();
                let figures =
                    crate::series::figures::in_report(doc, &sentences[i], &filings[i], tax, &CharTokenizer).len();
                let now = history::Checked {
                    parts: &parts[i],
                    contents: &found[i],
                };
                let before = series.previous(i).map(|j| history::Checked {
                    parts: &parts[j],
                    contents: &found[j],
                });
                // Counted as the coverage's totals count it.
                let total = whole(&series.reports[i], series.previous(i).map(|j| &series.reports[j]), tax);
                ReportCheck {
                    file: doc.path.clone(),
                    unit: doc.unit.clone(),
                    year: doc.year,
                    dated,
                    contents: found[i].clone(),
                    deadline: Deadline::new(doc.year, dated, rules.due),
                    figures,
                    figures_per_1000: if chars == 0 {
                        0.0
                    } else {
                        figures as f64 * 1000.0 / chars as f64
                    },
                    last_year: series.previous(i).map(|j| series.reports[j].doc.path.clone()),
                    copied_share: total.copied.map(|c| {
                        if total.sentences == 0 {
                            0.0
                        } else {
                            c as f64 / total.sentences as f64
                        }
                    }),
                    repeated_problems: before
                        .as_ref()
                        .map(|b| history::repeated_problems(&now, b, rules))
                        .unwrap_or_default(),
                    plans: before
                        .as_ref()
                        .map(|b| history::plans(&now, b, rules))
                        .unwrap_or_default(),
                    passes: true,
                    failures: Vec::new(),
                    report: i,
                }
            })
            .collect();
        for r in &mut reports {
            r.failures = failures(r, rules);
            r.passes = r.failures.is_empty();
        }
        let mut rates: Vec<f64> = reports.iter().map(|r| r.figures_per_1000).collect();
        rates.sort_by(f64::total_cmp);
        let median = match rates.len() {
            0 => 0.0,
            n if n % 2 == 1 => rates[n / 2],
            n => (rates[n / 2 - 1] + rates[n / 2]) / 2.0,
        };
        Checklist {
            reports,
            median_figures_per_1000: median,
            due_source: rules.due_source.clone(),
        }
    }

    /// Whether every report passes.
    pub fn passes(&self) -> bool {
        self.reports.iter().all(|r| r.passes)
    }
}

/// Why a report does not pass the rules, a line each (none: it passes).
fn failures(r: &ReportCheck, rules: &Rules) -> Vec<String> {
    let mut out: Vec<String> = r
        .contents
        .iter()
        .filter(|c| c.required && c.found == Found::Missing)
        .map(|c| format!("missing: {}", c.name))
        .collect();
    match r.deadline.status {
        Status::OnTime => {}
        Status::Late => out.push(format!("late by {} days", r.deadline.days_late.unwrap_or(0))),
        Status::Early => out.push("dated before the year ended".into()),
        Status::Undated => out.push("undated".into()),
    }
    if r.figures_per_1000 < rules.min_figures_per_1000 {
        out.push(format!(
            "{:.1} figures per 1000 characters (at least {:.1})",
            r.figures_per_1000, rules.min_figures_per_1000
        ));
    }
    if let Some(share) = r.copied_share.filter(|&s| s > rules.max_copied_share) {
        out.push(format!(
            "{:.0}% of its sentences copied from last year's (at most {:.0}%)",
            share * 100.0,
            rules.max_copied_share * 100.0
        ));
    }
    out
}
