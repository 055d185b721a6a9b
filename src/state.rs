//! The analyst's review for the commands: which review file (`--state FILE`, else the `reviews`
//! setting's directory), read, and its refilings put onto the reports before they are compared.

use std::path::{Path, PathBuf};

use duibi::config::{Config, Reviews};
use duibi::outline::Document;
pub use duibi::review::Place;
use duibi::review::{Opened, ReportRef, State, Store, apply::apply, keys};
use duibi::topics::Taxonomy;

/// Where the reviews of reports whose newer one is `newer` are kept.
pub fn place(state: Option<&Path>, config: &Config, newer: Option<&Path>) -> Place {
    if let Some(f) = state {
        return Place::File(f.to_path_buf());
    }
    match &config.reviews {
        Reviews::DataDir => Store::default_dir().map_or(Place::Nowhere, Place::Dir),
        Reviews::Beside => {
            let dir = newer.and_then(Path::parent).filter(|d| !d.as_os_str().is_empty());
            Place::Dir(dir.map_or_else(|| PathBuf::from("."), Path::to_path_buf))
        }
        Reviews::Dir(d) => Place::Dir(d.clone()),
    }
}

/// A pair's review, read and applied.
pub struct PairReview {
    /// `None` when there is nowhere to write, or the file could not be used.
    pub store: Option<Store>,
    pub state: State,
    /// Other reviews' refilings of these reports.
    pub others: Vec<State>,
    /// The reports as the review knows them (`None` when nothing was looked for).
    pub refs: Option<[ReportRef; 2]>,
    /// The taxonomy before the analyst's topics were added (`None` when nothing was looked for:
    /// then it is the one returned beside this review).
    pub base: Option<Taxonomy>,
    /// What to tell the user: a file that could not be used, refilings that no longer apply.
    pub warnings: Vec<String>,
}

/// Finds and reads the pair's review, and puts its refilings onto both reports; returns the
/// taxonomy to compare them with (the analyst's topics added).
pub fn pair(
    place: &Place,
    (left, right): (&mut Document, &mut Document),
    tax: Taxonomy,
    writes: bool,
) -> (Taxonomy, PairReview) {
    if !writes && place.is_empty() {
        // Nothing to read, nothing will be written: a plain comparison, at its speed.
        let review = PairReview {
            store: None,
            state: State::default(),
            others: Vec::new(),
            refs: None,
            base: None,
            warnings: Vec::new(),
        };
        return (tax, review);
    }
    let refs = keys::reports(duibi::sides::Sides::new(left, right));
    let Opened {
        store,
        state,
        others,
        problem,
    } = place.open(&refs);
    let mut warnings: Vec<String> = problem.iter().map(ToString::to_string).collect();
    // Refilings of these reports made against other reports apply too, this pair's over them.
    let states: Vec<&State> = others.iter().chain([&state]).collect();
    let applied = apply(&states, &mut [left, right], &refs, &tax);
    warnings.extend(applied.stale.iter().map(ToString::to_string));
    (
        applied.taxonomy,
        PairReview {
            store,
            state,
            others,
            refs: Some(refs),
            base: Some(tax),
            warnings,
        },
    )
}

/// Puts onto several reports the refilings any review made of them; returns the taxonomy to
/// read them with and what to tell the user.
pub fn reports(place: &Place, docs: &mut [&mut Document], tax: &Taxonomy) -> (Taxonomy, Vec<String>) {
    let loaded = place.all();
    let mut warnings = Vec::new();
    let mut states = Vec::new();
    for (_, state) in loaded {
        match state {
            Ok(s) => states.push(s),
            Err(e) => warnings.push(e.to_string()),
        }
    }
    if states.is_empty() {
        return (tax.clone(), warnings);
    }
    let refs: Vec<ReportRef> = docs.iter().map(|d| keys::report(d)).collect();
    let states: Vec<&State> = states.iter().collect();
    let applied = apply(&states, docs, &refs, tax);
    warnings.extend(applied.stale.iter().map(ToString::to_string));
    (applied.taxonomy, warnings)
}

/// Each warning on a line of its own on standard error.
pub fn warn(warnings: &[String]) {
    for w in warnings {
        eprintln!("duibi: warning: {}", duibi::text::shown(w));
    }
}
