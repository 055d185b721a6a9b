//! Where a review lives and how it is written: one TOML file per pair (or series) of reports in
//! the data directory (or a file the user names), read whole, changed under a lock from what is on
//! disk at that moment, and replaced atomically, so that two windows on the same reports keep each
//! other's notes and a crash never leaves half a file. A damaged or foreign file is never written.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::{FORMAT, ReportRef, State};
use crate::text::shown_path;

/// A review file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{}: not a duibi review file (it should start with `format = \"{FORMAT}\"`); left as it is", shown_path(.path))]
    Foreign { path: PathBuf },
    #[error("{}: damaged review file ({reason}); left as it is, nothing is saved to it", shown_path(.path))]
    Damaged { path: PathBuf, reason: String },
    #[error("{}: {}", shown_path(.path), crate::text::one_line(&.source.to_string()))]
    Io { path: PathBuf, source: io::Error },
}

/// Where reviews are kept: one file named (`--state`), a directory of them, or nowhere known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    File(PathBuf),
    Dir(PathBuf),
    Nowhere,
}

/// The review of a pair as found at a [`Place`].
#[derive(Debug, Default)]
pub struct Opened {
    /// The file to keep it in; `None` when there is nowhere to, or the file could not be used.
    pub store: Option<Store>,
    pub state: State,
    /// Other reviews there whose refilings name these reports (they apply wherever the reports
    /// are compared); unreadable ones are skipped (the review they belong to says so when opened).
    pub others: Vec<State>,
    /// Why the file could not be used.
    pub problem: Option<StoreError>,
}

impl Place {
    /// The review of `reports` (see [`Store::find`]) and the other reviews' refilings of them, the
    /// directory read once.
    pub fn open(&self, reports: &[ReportRef]) -> Opened {
        let (store, scan) = match self {
            Place::File(f) => (Store::at(f), Vec::new()),
            Place::Dir(d) => {
                let scan = Store::all_naming(d, reports);
                (Store::find_in(d, reports, &scan), scan)
            }
            Place::Nowhere => return Opened::default(),
        };
        let mut own = None;
        let mut others = Vec::new();
        for (s, state) in scan {
            if s == store {
                own = Some(state);
            } else if let Ok(state) = state
                && !state.refilings.is_empty()
            {
                others.push(state);
            }
        }
        // A file that names neither report (or none yet) is read on its own.
        match own.unwrap_or_else(|| store.load()) {
            Ok(state) => Opened {
                store: Some(store),
                state,
                others,
                problem: None,
            },
            Err(e) => Opened {
                others,
                problem: Some(e),
                ..Opened::default()
            },
        }
    }

    /// Nothing can be read there: no file is named and no directory of reviews exists (a command
    /// that only reads then has nothing to look for, not even the reports' digests to take).
    pub fn is_empty(&self) -> bool {
        match self {
            Place::File(_) => false,
            Place::Dir(d) => !d.is_dir(),
            Place::Nowhere => true,
        }
    }

    /// Every review file there, read (an unreadable one with its error).
    pub fn all(&self) -> Vec<(Store, Result<State, StoreError>)> {
        match self {
            Place::File(f) => vec![(Store::at(f), Store::at(f).load())],
            Place::Dir(d) => Store::all(d),
            Place::Nowhere => Vec::new(),
        }
    }
}

/// One review file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Store {
    path: PathBuf,
}

/// The name of the review file of these reports: their ids, in order, so that a pair shown either
/// way round has one review.
fn file_name(reports: &[ReportRef]) -> String {
    let mut ids: Vec<&str> = reports.iter().map(|r| r.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    let key = ids.join("-");
    if key.len() <= 120 {
        format!("{key}.toml")
    } else {
        format!("series-{}.toml", super::keys::hex(crate::text::digest(&key)))
    }
}

impl Store {
    /// The file at `path` (from `--state`, or a setting).
    pub fn at(path: impl Into<PathBuf>) -> Store {
        Store { path: path.into() }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The directory reviews are kept in: `reviews` in the user's data directory
    /// (`~/.local/share/duibi/reviews` on Linux).
    pub fn default_dir() -> Option<PathBuf> {
        directories::ProjectDirs::from("", "", "duibi").map(|d| d.data_dir().join("reviews"))
    }

    /// The review of `reports` in `dir`: the one keyed by their content, else one about reports at
    /// the same paths (an edited copy, whose refilings are then checked one by one), else a new one.
    pub fn find(dir: &Path, reports: &[ReportRef]) -> Store {
        // Only files that name one of the reports are parsed: a directory of many reviews is
        // searched for a new pair without reading each one as TOML.
        Store::find_in(dir, reports, &Store::all_naming(dir, reports))
    }

    /// [`find`](Self::find) among `scan`, the files of `dir` that name the reports, read.
    fn find_in(dir: &Path, reports: &[ReportRef], scan: &[(Store, Result<State, StoreError>)]) -> Store {
        let exact = dir.join(file_name(reports));
        if exact.exists() {
            return Store::at(exact);
        }
        let holds = |same: &dyn Fn(&ReportRef, &ReportRef) -> bool| {
            scan.iter().find(|(_, state)| {
                state
                    .as_ref()
                    .is_ok_and(|s| reports.iter().all(|r| s.reports.iter().any(|o| same(o, r))))
            })
        };
        // The same content under another file name, else reports at the same places.
        let found = holds(&|o, r| o.id == r.id).or_else(|| holds(&|o, r| o.path == r.path));
        found.map_or(Store::at(exact), |(store, _)| store.clone())
    }

    /// Every review file in `dir`, read (an unreadable one with its error).
    pub fn all(dir: &Path) -> Vec<(Store, Result<State, StoreError>)> {
        Store::files(dir)
            .into_iter()
            .map(|store| {
                let state = store.load();
                (store, state)
            })
            .collect()
    }

    /// The review files in `dir` whose text names one of `reports` (its id or its path), read.
    fn all_naming(dir: &Path, reports: &[ReportRef]) -> Vec<(Store, Result<State, StoreError>)> {
        // Each file read once: looked through as text, parsed only when it names one.
        Store::files(dir)
            .into_iter()
            .filter_map(|store| {
                let text = fs::read_to_string(&store.path).ok()?;
                let names = reports.iter().any(|r| text.contains(&r.id) || text.contains(&r.path));
                names.then(|| {
                    let state = store.parse(&text);
                    (store, state)
                })
            })
            .collect()
    }

    /// The `.toml` files of `dir`, in name order.
    fn files(dir: &Path) -> Vec<Store> {
        let Ok(entries) = fs::read_dir(dir) else {
            return Vec::new();
        };
        let mut paths: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect();
        paths.sort();
        paths.into_iter().map(Store::at).collect()
    }

    /// What the file holds; an empty review when there is no file yet.
    pub fn load(&self) -> Result<State, StoreError> {
        let text = match fs::read_to_string(&self.path) {
            Ok(t) => t,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(State::default()),
            Err(e) if e.kind() == io::ErrorKind::InvalidData => {
                return Err(self.damaged("not UTF-8 text".into()));
            }
            Err(e) => return Err(self.io(e)),
        };
        self.parse(&text)
    }

    /// The file's text, read, as a review (see [`load`](Self::load)).
    fn parse(&self, text: &str) -> Result<State, StoreError> {
        parse(text).map_err(|reason| match reason {
            None => StoreError::Foreign {
                path: self.path.clone(),
            },
            Some(r) => self.damaged(r),
        })
    }

    /// Changes the review: under a lock, from what the file holds now (another window may have
    /// written since this one read), then written whole to a new file that replaces the old. A
    /// damaged or foreign file is left as it is and the change is refused.
    pub fn update<R>(&self, change: impl FnOnce(&mut State) -> R) -> Result<(State, R), StoreError> {
        let dir = self
            .path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        fs::create_dir_all(dir).map_err(|e| self.io(e))?;
        let lock_path = self.sibling("lock");
        let lock = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(|e| StoreError::Io {
                path: lock_path.clone(),
                source: e,
            })?;
        lock.lock().map_err(|e| StoreError::Io {
            path: lock_path,
            source: e,
        })?;
        let mut state = self.load()?;
        let out = change(&mut state);
        let text = toml::to_string(&state).map_err(|e| self.damaged(e.to_string()))?;
        let tmp = self.sibling(&format!("tmp{}", std::process::id()));
        let written = File::create(&tmp).and_then(|mut f| {
            f.write_all(b"# duibi: the analyst's review of these reports (docs/review.md).\n")?;
            f.write_all(text.as_bytes())?;
            f.sync_all()
        });
        if let Err(e) = written.and_then(|()| fs::rename(&tmp, &self.path)) {
            let _ = fs::remove_file(&tmp);
            return Err(self.io(e));
        }
        drop(lock);
        Ok((state, out))
    }

    /// A file beside the review: `.NAME.toml.EXT`.
    fn sibling(&self, ext: &str) -> PathBuf {
        let name = self
            .path
            .file_name()
            .map_or_else(|| "review".into(), |n| n.to_string_lossy());
        self.path.with_file_name(format!(".{name}.{ext}"))
    }

    fn damaged(&self, reason: String) -> StoreError {
        StoreError::Damaged {
            path: self.path.clone(),
            reason: crate::text::one_line(&reason),
        }
    }

    fn io(&self, source: io::Error) -> StoreError {
        StoreError::Io {
            path: self.path.clone(),
            source,
        }
    }
}

/// A review file's text read: `Err(None)` when it is not a review file, `Err(Some(why))` when it
/// is a damaged one.
fn parse(text: &str) -> Result<State, Option<String>> {
    // An empty file (made with `touch` to name it with `--state`) is a review not begun.
    if text.trim().is_empty() {
        return Ok(State::default());
    }
    let at = |e: &toml::de::Error| {
        let line = e
            .span()
            .map_or(1, |s| text[..s.start.min(text.len())].matches('\n').count() + 1);
        format!("line {line}: {}", e.message())
    };
    let table: toml::Table = toml::from_str(text).map_err(|e| {
        // Something that is not TOML at all is not ours; TOML that says it is ours is damaged.
        if text.contains(FORMAT) { Some(at(&e)) } else { None }
    })?;
    if table.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(None);
    }
    toml::from_str(text).map_err(|e| Some(at(&e)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::{About, Note, fresh_id};

    fn note(text: &str) -> Note {
        Note {
            id: fresh_id("note"),
            about: About::Row,
            row: "enforcement".into(),
            at: String::new(),
            excerpt: "行政执法".into(),
            text: text.into(),
        }
    }

    #[test]
    fn two_writers_keep_each_others_notes() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("pair.toml");
        let threads: Vec<_> = (0..4)
            .map(|w| {
                let store = Store::at(&path);
                std::thread::spawn(move || {
                    for k in 0..25 {
                        store
                            .update(|s| s.notes.push(note(&format!("window {w} note {k}"))))
                            .expect("writes");
                    }
                })
            })
            .collect();
        threads.into_iter().for_each(|t| t.join().expect("joins"));
        let state = Store::at(&path).load().expect("reads");
        assert_eq!(state.notes.len(), 100, "no note lost");
    }

    #[test]
    fn a_damaged_or_foreign_file_is_reported_in_one_line_and_never_written() {
        let dir = tempfile::tempdir().expect("temp dir");
        for (name, text, says) in [
            (
                "damaged.toml",
                "format = \"duibi review 1\"\n[[note]\nid = 1\n",
                "damaged review file (line 2",
            ),
            ("foreign.toml", "[package]\nname = \"x\"\n", "not a duibi review file"),
            ("binary.toml", "\u{0}\u{1}PK", "not a duibi review file"),
            (
                "wrong.toml",
                "format = \"duibi review 1\"\n[[note]]\nid = 3\n",
                "damaged review file",
            ),
        ] {
            let path = dir.path().join(name);
            fs::write(&path, text).expect("writes");
            let store = Store::at(&path);
            let err = store.update(|s| s.notes.push(note("x"))).expect_err(name);
            let message = err.to_string();
            assert!(message.contains(says) && message.contains(name), "{message}");
            assert!(!message.contains('\n'), "{message}");
            assert_eq!(fs::read_to_string(&path).expect("reads"), text, "{name} untouched");
        }
    }

    #[test]
    fn a_place_opens_the_pairs_review_and_the_others_refilings_of_its_reports() {
        let dir = tempfile::tempdir().expect("temp dir");
        let r = |id: &str| ReportRef {
            id: id.into(),
            path: format!("/x/{id}.txt"),
            title: String::new(),
        };
        let refiling = |report: &str| crate::review::Refiling {
            id: fresh_id("refile"),
            report: report.into(),
            path: String::new(),
            sentences: vec!["00".into()],
            excerpt: String::new(),
            from: String::new(),
            to: "enforcement".into(),
        };
        let (a, b, c) = (r("aa"), r("bb"), r("cc"));
        let place = Place::Dir(dir.path().to_path_buf());
        // b read against c before: its refiling there.
        Store::find(dir.path(), &[b.clone(), c.clone()])
            .update(|s| {
                s.remember(&[b.clone(), c.clone()]);
                s.refilings.push(refiling("bb"));
            })
            .expect("writes");
        let opened = place.open(&[a.clone(), b.clone()]);
        assert!(opened.problem.is_none());
        assert_eq!(opened.store, Some(Store::at(dir.path().join("aa-bb.toml"))));
        assert_eq!(opened.state, State::default(), "a review not begun");
        assert_eq!(opened.others.len(), 1, "the other pair's refiling of b");
        // The pair's own file damaged: said, not kept, the others still read.
        fs::write(dir.path().join("aa-bb.toml"), "format = \"duibi review 1\"\n[[x]\n").expect("writes");
        let opened = place.open(&[a, b]);
        assert!(opened.store.is_none() && opened.problem.is_some());
        assert_eq!(opened.others.len(), 1);
    }

    #[test]
    fn an_empty_file_is_a_review_not_begun() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("new.toml");
        fs::write(&path, "\n").expect("writes");
        let store = Store::at(&path);
        assert_eq!(store.load().expect("reads"), State::default());
        store.update(|s| s.notes.push(note("第一条"))).expect("writes");
        assert_eq!(store.load().expect("reads").notes.len(), 1);
    }

    #[test]
    fn a_review_is_found_by_content_then_by_place() {
        let dir = tempfile::tempdir().expect("temp dir");
        let r = |id: &str, path: &str| ReportRef {
            id: id.into(),
            path: path.into(),
            title: String::new(),
        };
        let (a, b) = (r("aa", "/x/2023.txt"), r("bb", "/x/2024.txt"));
        let store = Store::find(dir.path(), &[b.clone(), a.clone()]);
        assert_eq!(
            store,
            Store::find(dir.path(), &[a.clone(), b.clone()]),
            "either way round"
        );
        store.update(|s| s.remember(&[a.clone(), b.clone()])).expect("writes");
        // A renamed copy: the same content elsewhere.
        assert_eq!(Store::find(dir.path(), &[r("aa", "/y/old.txt"), b.clone()]), store);
        // An edited copy at the same place.
        assert_eq!(Store::find(dir.path(), &[a.clone(), r("cc", "/x/2024.txt")]), store);
        // Other reports: a review of their own.
        assert_ne!(Store::find(dir.path(), &[a, r("dd", "/x/other.txt")]), store);
        let names: Vec<_> = fs::read_dir(dir.path())
            .expect("lists")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .filter(|n| !n.starts_with('.'))
            .collect();
        assert_eq!(names, ["aa-bb.toml"]);
    }
}
