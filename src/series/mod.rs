//! Several reports at once: a bureau's reports over the years, or several bureaus' of one year.
//! They are loaded in parallel and put in time order; [`coverage`] tells what each says per topic
//! and how much it copies from the one before, [`figures`] follows every stated quantity from
//! report to report.

pub mod coverage;
pub mod figures;

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::compare::{Comparison, Report, Summary};
use crate::error::{Error, Result};
use crate::load::{LoadOptions, load};
use crate::outline::{Document, outline_owned};
use crate::stock::StockPhrases;
use crate::topics::Taxonomy;
use coverage::Coverage;

/// Most reports opened at once: a bureau's reports over decades, or a province's bureaus.
pub const MAX_REPORTS: usize = 50;

/// File names read from a directory given as the reports (any other file there is left alone).
const REPORT_EXTENSIONS: &[&str] = &["txt", "text", "md", "htm", "html", "xhtml", "docx", "doc", "odt", "pdf"];

/// Reports in time order (by year, then unit, then file name).
#[derive(Debug, Clone)]
pub struct Series {
    pub reports: Vec<Report>,
    /// Files of a folder that could not be read, with why: the screens and outputs list them.
    pub skipped: Vec<Skipped>,
    /// Each report's [`Series::previous`], worked out once: tables ask it for every cell.
    before: Vec<Option<usize>>,
}

/// What `compare` tells of a series: the coverage matrix, each report against the one before, and
/// the wording most reports share.
pub struct Survey {
    pub coverage: Coverage,
    pub pairs: Vec<(usize, usize, Summary)>,
    pub stock: StockPhrases,
}

impl Survey {
    pub fn new(series: &Series, tax: &Taxonomy) -> Survey {
        Survey {
            coverage: Coverage::new(series, tax),
            pairs: series.neighbour_summaries(tax),
            stock: series.stock_phrases(tax),
        }
    }
}

/// A report file to read: named on the command line, or found in a folder (then a file that
/// cannot be read is skipped and said, rather than stopping the rest).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub path: PathBuf,
    pub in_folder: bool,
}

/// A file of a folder that was not read, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub path: PathBuf,
    pub reason: String,
}

/// The report files named: files as given, and a folder as the report files in it (by name),
/// with the entries of a folder that look like reports but are no files to read (a broken link, a
/// link loop, a FIFO, a device) among the skipped.
pub fn expand(paths: &[PathBuf]) -> Result<(Vec<Input>, Vec<Skipped>)> {
    let mut out = Vec::new();
    let mut skipped = Vec::new();
    for path in paths {
        if !path.is_dir() {
            out.push(Input {
                path: path.clone(),
                in_folder: false,
            });
            continue;
        }
        let entries = std::fs::read_dir(path).map_err(|e| Error::Io {
            path: path.clone(),
            cause: e,
        })?;
        let mut found: Vec<PathBuf> = Vec::new();
        for p in entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| is_report_file(p))
        {
            match std::fs::metadata(&p) {
                Ok(m) if m.is_file() => found.push(p),
                Ok(m) if m.is_dir() => {}
                Ok(_) => skipped.push(Skipped {
                    path: p,
                    reason: "not a regular file (a FIFO, socket or device)".into(),
                }),
                Err(_) => skipped.push(Skipped {
                    path: p,
                    reason: "a link to nothing, or a loop of links".into(),
                }),
            }
        }
        found.sort();
        if found.is_empty() {
            return Err(Error::EmptyFolder { path: path.clone() });
        }
        out.extend(found.into_iter().map(|path| Input { path, in_folder: true }));
    }
    skipped.sort_by(|a, b| a.path.cmp(&b.path));
    Ok((out, skipped))
}

/// Files a folder of reports holds beside them that are never reports (a file named on the
/// command line is always read).
const NOT_REPORTS: &[&str] = &["readme", "license", "licence", "changelog", "notes", "说明"];

fn is_report_file(path: &Path) -> bool {
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default()
        .to_lowercase();
    let hidden = stem.starts_with('.') || stem.starts_with("~$");
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| REPORT_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
        && !hidden
        && !NOT_REPORTS.contains(&stem.as_str())
}

impl Series {
    /// Loads, outlines and classifies every report, on every core, calling `progress(done, total)`
    /// as each is ready. A file named on the command line that cannot be read is the error; one
    /// found in a folder is skipped (with why, added to `skipped`, what expanding the folders
    /// skipped).
    pub fn load(
        inputs: &[Input],
        skipped: Vec<Skipped>,
        options: &LoadOptions,
        tax: &Taxonomy,
        progress: &(dyn Fn(usize, usize) + Sync),
    ) -> Result<Series> {
        if inputs.len() > MAX_REPORTS {
            return Err(Error::TooManyReports {
                count: inputs.len(),
                limit: MAX_REPORTS,
            });
        }
        let done = AtomicUsize::new(0);
        let loaded = par_map(inputs, |input| {
            let report = load(&input.path, options).map(|src| Report::new(outline_owned(src), tax));
            progress(done.fetch_add(1, Ordering::Relaxed) + 1, inputs.len());
            report
        });
        let mut reports = Vec::with_capacity(inputs.len());
        let mut skipped = skipped;
        for (input, report) in inputs.iter().zip(loaded) {
            match report {
                Ok(r) => reports.push(r),
                Err(e) if input.in_folder => skipped.push(Skipped {
                    path: input.path.clone(),
                    // The reason alone: the name is said beside it.
                    reason: e
                        .to_string()
                        .split_once(": ")
                        .map_or_else(|| e.to_string(), |(_, r)| r.to_string()),
                }),
                Err(e) => return Err(e),
            }
        }
        let mut series = Series::new(reports);
        series.skipped = skipped;
        Ok(series)
    }

    /// The reports put in time order.
    pub fn new(mut reports: Vec<Report>) -> Series {
        reports.sort_by_cached_key(|r| order_key(&r.doc));
        let before = measured_against(&reports);
        Series {
            reports,
            skipped: Vec::new(),
            before,
        }
    }

    /// The report `i` is measured against: the latest earlier report of the same issuing unit.
    /// `None` for the first report of its unit, and for a report whose unit is not known (it is a
    /// chain of its own): reports of different units are compared only when asked for by name.
    pub fn previous(&self, i: usize) -> Option<usize> {
        self.before.get(i).copied().flatten()
    }

    /// The report measured against report `i` (the next of its unit), if any.
    pub fn next(&self, i: usize) -> Option<usize> {
        (i + 1..self.reports.len()).find(|&k| self.previous(k) == Some(i))
    }

    /// Why report `i` is measured against no other, when it is not: in words, for the screens.
    pub fn alone_because(&self, i: usize) -> Option<String> {
        if self.previous(i).is_some() {
            return None;
        }
        Some(match &self.reports.get(i)?.doc.unit {
            None => "its issuing unit is not named in it: compared with no other report".to_string(),
            Some(u) => format!("the first report of {u} here"),
        })
    }

    /// Whether the reports come from more than one unit.
    pub fn mixed_units(&self) -> bool {
        self.reports.windows(2).any(|w| w[0].doc.unit != w[1].doc.unit)
    }

    /// The comparison of report `i` with report `j` (the older on the left, as given).
    pub fn pair(&self, i: usize, j: usize, tax: &Taxonomy) -> Comparison {
        Comparison::build(self.reports[i].doc.clone(), self.reports[j].doc.clone(), tax)
    }

    /// Each report against the one it is measured against ([`Series::previous`]): (previous,
    /// report, summary) with topics gained and lost, similarity and changes, counted as `compare`
    /// of the two counts them (word by word). Built on every core.
    pub fn neighbour_summaries(&self, tax: &Taxonomy) -> Vec<(usize, usize, Summary)> {
        let pairs: Vec<(usize, usize)> = (0..self.reports.len())
            .filter_map(|j| self.previous(j).map(|i| (i, j)))
            .collect();
        par_map(&pairs, |&(i, j)| {
            let mut c = self.pair(i, j, tax);
            let segmenter = c.segmenter();
            c.diff_all(&segmenter, crate::compare::DIFF_BUDGET);
            (i, j, c.summary(tax))
        })
    }

    /// The wording most of the reports' issuing units share, with the built-in list (see
    /// [`StockPhrases::learn`]).
    pub fn stock_phrases(&self, tax: &Taxonomy) -> StockPhrases {
        let texts: Vec<String> = par_map(&self.reports, |r| r.doc.all_text());
        let reports: Vec<(Option<&str>, &str)> = self
            .reports
            .iter()
            .zip(&texts)
            .map(|(r, t)| (r.doc.unit.as_deref(), t.as_str()))
            .collect();
        StockPhrases::learn(&reports, tax)
    }

    /// How each report is named in tables: its year and unit, or its file name.
    pub fn names(&self) -> Vec<String> {
        self.reports.iter().map(|r| short_name(&r.doc)).collect()
    }
}

/// `f` of every item, on every core (items handed out one at a time, as they take uneven time),
/// in the items' order.
pub(super) fn par_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let next = AtomicUsize::new(0);
    let slots: Vec<Mutex<Option<R>>> = items.iter().map(|_| Mutex::new(None)).collect();
    let workers = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .min(items.len());
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = items.get(i) else { break };
                    let result = f(item);
                    if let Ok(mut slot) = slots[i].lock() {
                        *slot = Some(result);
                    }
                }
            });
        }
    });
    // Every slot was filled: a worker that panicked has taken the whole scope down with it.
    slots
        .into_iter()
        .filter_map(|slot| slot.into_inner().ok().flatten())
        .collect()
}

/// For each report (in order), the one it is measured against (see [`Series::previous`]).
fn measured_against(reports: &[Report]) -> Vec<Option<usize>> {
    let unit = |k: usize| reports[k].doc.unit.as_deref();
    (0..reports.len())
        .map(|i| (0..i).rev().find(|&k| unit(k).is_some() && unit(k) == unit(i)))
        .collect()
}

/// Year (unknown last), unit, file name.
fn order_key(d: &Document) -> (u32, String, String) {
    (
        d.year.unwrap_or(u32::MAX),
        d.unit.clone().unwrap_or_default(),
        d.file.clone(),
    )
}

/// `2024` for a series of one unit's years reads best with the unit beside it once; in a table
/// every column needs its year and, when units differ, its unit: `2024 示例市科技局`.
fn short_name(d: &Document) -> String {
    match (d.year, &d.unit) {
        (Some(y), Some(u)) => format!("{y} {u}"),
        (Some(y), None) => format!("{y} {}", d.file_name()),
        (None, Some(u)) => u.clone(),
        (None, None) => d.file_name(),
    }
}

#[cfg(test)]
mod tests;
