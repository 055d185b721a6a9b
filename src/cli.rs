//! Command-line interface: arguments (clap derive) and the non-interactive commands.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use clap::{Args, Parser, Subcommand, ValueEnum};

use duibi::compare::{Comparison, DIFF_BUDGET};
use duibi::config::{self, Config};
use duibi::load::{DEFAULT_MAX_BYTES, LoadOptions, SourceText, load};
use duibi::outline::{Document, outline};
use duibi::render;
use duibi::series::figures::Figures;
use duibi::series::{Series, Survey};
use duibi::topics::{Taxonomy, classify};

/// Compare Chinese government work reports: matching passages side by side, changes word by word.
///
/// Reports may be plain text (UTF-8, UTF-16, GB18030/GBK), saved web pages, Word .docx, .doc and
/// .odt files or PDFs with a text layer. On a terminal `duibi OLD NEW` opens the interface (`?`
/// lists its keys); otherwise it prints the comparison as text. Three reports or more (`duibi
/// FILE…`, or a folder of them) open in time order with the coverage of every topic.
#[derive(Debug, Parser)]
#[command(name = "duibi", version)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// The reports: the older then the newer, or three or more (or a folder), put in time order.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Use the two built-in sample reports.
    #[arg(long)]
    pub demo: bool,
    #[command(flatten)]
    pub options: Options,
}

/// Options every command takes.
#[derive(Debug, Args)]
pub struct Options {
    /// Refuse input files larger than this many bytes (at most 1 GiB: text offsets are 32-bit),
    /// and texts of more than one line break or sentence stop per 32 of them.
    #[arg(long, global = true, value_name = "BYTES", default_value_t = DEFAULT_MAX_BYTES,
          value_parser = clap::value_parser!(u64).range(1..=duibi::load::MAX_BYTES_LIMIT))]
    pub max_size: u64,
    /// Topic taxonomy (TOML) to use instead of the built-in one (or the configuration's).
    #[arg(long, global = true, value_name = "FILE")]
    pub taxonomy: Option<PathBuf>,
    /// Checklist rules (TOML) to use instead of the built-in ones (or the configuration's).
    #[arg(long, global = true, value_name = "FILE")]
    pub rules: Option<PathBuf>,
    /// Configuration file to read instead of the one in the configuration directory.
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Keymap: default (or vim), emacs, arrows, or a keymap file; replaces the configuration's choice.
    #[arg(long, global = true, value_name = "NAME|FILE")]
    pub keymap: Option<String>,
    /// The review file to read and write (notes, reviewed rows, refilings) instead of the one
    /// the `reviews` setting finds for these reports.
    #[arg(long, global = true, value_name = "FILE")]
    pub state: Option<PathBuf>,
    /// Colour: auto (on a terminal, unless NO_COLOR is set), always (for `less -R`), or never.
    #[arg(long, global = true, value_name = "WHEN", default_value = "auto")]
    pub color: ColorWhen,
}

/// When to colour the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorWhen {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the structure found in one report: levels, numbers, headings, topics, year and unit.
    Outline {
        /// The report file.
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = OutlineFormat::Text)]
        format: OutlineFormat,
    },
    /// Print the aligned, word-level comparison of two reports; of three or more, the coverage of
    /// every topic and each report against the one before.
    Compare {
        /// The older report then the newer; or three or more, or a folder of them.
        #[arg(value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Use the two built-in sample reports.
        #[arg(long)]
        demo: bool,
        #[arg(long, value_enum, default_value_t = CompareFormat::Text)]
        format: CompareFormat,
        /// Exit with 1 when the reports differ in content (numbering aside) and 0 when they do not,
        /// as `git diff --exit-code` does; errors exit with 2.
        #[arg(long)]
        exit_code: bool,
    },
    /// Print every figure the reports state (a number, its unit and what it counts), followed from
    /// report to report, one column a report.
    Figures {
        /// The reports, or a folder of them (put in time order).
        #[arg(value_name = "FILE", required = true)]
        files: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = FiguresFormat::Text)]
        format: FiguresFormat,
    },
    /// Check each report against the rules a reviewer applies: the required contents and where
    /// they are, the date against the deadline, the figures stated, and against last year's report
    /// of the same unit, the share copied, problems stated again and last year's plans done. Exits
    /// 1 when a report does not pass, 0 when all do.
    Check {
        /// The reports, or a folder of them.
        #[arg(value_name = "FILE", required = true)]
        files: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = CompareFormat::Text)]
        format: CompareFormat,
    },
    /// Write the analyst's review of two reports as a colleague would read it: the reports, what
    /// was refiled, the notes, the checklist, and every change by topic with its notes.
    Review {
        /// The older report then the newer.
        #[arg(value_name = "FILE", num_args = 2, required = true)]
        files: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = ReviewFormat::Markdown)]
        format: ReviewFormat,
    },
    /// Print the key bindings in effect (keymap, configuration and --keymap applied).
    Keys {
        #[arg(long, value_enum, default_value_t = KeysFormat::Text)]
        format: KeysFormat,
    },
    /// Check the configuration and print the settings in effect.
    Config {
        /// Print the default configuration, every setting commented, instead.
        #[arg(long, conflicts_with = "path")]
        print_default: bool,
        /// Print where the configuration file is looked for, instead.
        #[arg(long)]
        path: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KeysFormat {
    Text,
    Markdown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutlineFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FiguresFormat {
    Text,
    Json,
    Csv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReviewFormat {
    Markdown,
    Json,
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompareFormat {
    Text,
    Json,
    Markdown,
}

/// The built-in sample reports (written for duibi; no real report is shipped).
pub const DEMO: [(&str, &str); 2] = [
    (
        "demo/示例市科技局-2023.txt",
        include_str!("../examples/reports/demo-2023.txt"),
    ),
    (
        "demo/示例市科技局-2024.txt",
        include_str!("../examples/reports/demo-2024.txt"),
    ),
];

/// The configuration in effect: checked whole before anything else runs.
pub fn settings(options: &Options) -> Result<Config> {
    Ok(config::load(&config::Request {
        file: options.config.as_deref(),
        keymap: options.keymap.as_deref(),
    })?)
}

/// The taxonomy file named on the command line, else in the configuration; `None`: the built-in one.
fn taxonomy_path<'a>(options: &'a Options, config: &'a Config) -> Option<&'a PathBuf> {
    options.taxonomy.as_ref().or(config.taxonomy.as_ref())
}

/// The taxonomy in effect (see [`taxonomy_path`]).
pub fn taxonomy(options: &Options, config: &Config) -> Result<Taxonomy> {
    Ok(match taxonomy_path(options, config) {
        Some(path) => Taxonomy::from_file(path)?,
        None => Taxonomy::builtin(),
    })
}

fn load_document(path: &Path, options: &Options) -> Result<Document> {
    let src = load(
        path,
        &LoadOptions {
            max_bytes: options.max_size,
        },
    )?;
    if src.replaced > 0 {
        eprintln!(
            "duibi: warning: {}: {} invalid byte sequence(s) in the UTF-8 text, shown as �",
            src.display_name(),
            src.replaced
        );
    }
    Ok(duibi::outline::outline_owned(src))
}

/// The two documents to compare: the demo pair, or two files.
pub fn documents(
    left: Option<&Path>,
    right: Option<&Path>,
    demo: bool,
    options: &Options,
) -> Result<(Document, Document)> {
    if demo {
        let doc = |(name, text): (&str, &str)| -> Result<Document> {
            Ok(outline(&SourceText::from_bytes(name, text.as_bytes())?))
        };
        return Ok((doc(DEMO[0])?, doc(DEMO[1])?));
    }
    match (left, right) {
        // Side by side: at 2.5 MB a report, 40 ms sooner for 1.5 MB more at the peak (the
        // copies one outline frees stay in its thread's allocator); docs/performance.md.
        (Some(l), Some(r)) => std::thread::scope(|s| {
            let left = s.spawn(|| load_document(l, options));
            let right = load_document(r, options);
            let left = left.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
            Ok((left?, right?))
        }),
        (Some(_), None) => bail!("give a second report to compare with, or use --demo"),
        _ => bail!("give two report files to compare, or use --demo (see duibi --help)"),
    }
}

/// Loads, aligns and diffs two reports, the analyst's review applied; the segmenter loads only
/// what the changed sentences need.
pub fn comparison(
    left: Option<&Path>,
    right: Option<&Path>,
    demo: bool,
    options: &Options,
) -> Result<(Comparison, Taxonomy, crate::state::PairReview)> {
    let (mut c, tax, review) = aligned(left, right, demo, options)?;
    c.diff_all(&c.segmenter(), DIFF_BUDGET);
    Ok((c, tax, review))
}

/// Loads and aligns two reports, the analyst's review applied: [`comparison`] before the word diff.
fn aligned(
    left: Option<&Path>,
    right: Option<&Path>,
    demo: bool,
    options: &Options,
) -> Result<(Comparison, Taxonomy, crate::state::PairReview)> {
    // The configuration, the taxonomy and the word diff's patterns get ready while the reports
    // load; a problem with the configuration is still the one reported first.
    let (tax, docs) = std::thread::scope(|s| {
        let tax = s.spawn(|| {
            let config = settings(options)?;
            duibi::diff::tokenize::prepare();
            let tax = taxonomy(options, &config);
            Ok::<_, anyhow::Error>(tax.map(|t| (config, t)))
        });
        let docs = documents(left, right, demo, options);
        (tax.join().unwrap_or_else(|e| std::panic::resume_unwind(e)), docs)
    });
    let ((config, tax), (mut l, mut r)) = (tax??, docs?);
    let place = crate::state::place(options.state.as_deref(), &config, right);
    let (tax, review) = crate::state::pair(&place, (&mut l, &mut r), tax, false);
    crate::state::warn(&review.warnings);
    Ok((Comparison::build(l, r, &tax), tax, review))
}

/// Colour when stdout is a terminal, unless NO_COLOR or CLICOLOR say otherwise.
pub fn use_color(options: &Options) -> bool {
    match options.color {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto => {
            anstream::AutoStream::choice(&std::io::stdout()) != anstream::ColorChoice::Never
                && std::io::stdout().is_terminal()
        }
    }
}

/// Writes to stdout; a closed pipe (`duibi … | head`) is not an error.
pub fn print(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("cannot write to standard output"),
    }
}

pub fn run_outline(file: &Path, format: OutlineFormat, options: &Options) -> Result<()> {
    let tax = taxonomy(options, &settings(options)?)?;
    let doc = load_document(file, options)?;
    let topics = classify(&doc, &doc.sentences(), &tax);
    print(&match format {
        OutlineFormat::Text => render::text::outline(&doc, &topics, &tax, use_color(options)),
        OutlineFormat::Json => render::json::outline(&doc, &topics, &tax) + "\n",
    })
}

/// Whether these files are a series (three or more reports, or a folder) rather than a pair.
pub fn is_series(files: &[PathBuf]) -> bool {
    files.len() > 2 || files.iter().any(|f| f.is_dir())
}

/// The two files of a pair, as the pair commands take them.
pub fn pair(files: &[PathBuf]) -> (Option<&Path>, Option<&Path>) {
    (files.first().map(PathBuf::as_path), files.get(1).map(PathBuf::as_path))
}

/// Loads the reports of a series on every core, with a progress line on a terminal when it takes
/// more than a moment.
pub fn series(files: &[PathBuf], options: &Options, config: &Config) -> Result<(Series, Taxonomy)> {
    series_of(files, options, config, 2)
}

/// The reports named, at least `least` of them.
fn series_of(files: &[PathBuf], options: &Options, config: &Config, least: usize) -> Result<(Series, Taxonomy)> {
    let tax = taxonomy(options, config)?;
    let (inputs, skipped) = duibi::series::expand(files)?;
    if inputs.len() < least {
        bail!("give two reports or more to compare (a folder holding one report is not enough)");
    }
    let start = std::time::Instant::now();
    let show = std::io::stderr().is_terminal();
    let progress = |done: usize, total: usize| {
        if show && start.elapsed() > std::time::Duration::from_millis(300) {
            eprint!("\rduibi: reading reports {done}/{total}…");
        }
    };
    let mut series = Series::load(
        &inputs,
        skipped,
        &LoadOptions {
            max_bytes: options.max_size,
        },
        &tax,
        &progress,
    )?;
    let place = crate::state::place(
        options.state.as_deref(),
        config,
        inputs.last().map(|i| i.path.as_path()),
    );
    let mut docs: Vec<&mut Document> = series.reports.iter_mut().map(|r| &mut r.doc).collect();
    let (tax, warnings) = crate::state::reports(&place, &mut docs, &tax);
    if show && start.elapsed() > std::time::Duration::from_millis(300) {
        eprint!("\r\x1b[K");
    }
    // Each file a folder held that could not be read, on a line of its own.
    for s in &series.skipped {
        eprintln!(
            "duibi: {}: skipped: {}",
            duibi::text::shown_path(&s.path),
            duibi::text::one_line(&s.reason)
        );
    }
    if series.reports.len() < least {
        bail!("too few reports could be read to compare (see the files skipped above)");
    }
    crate::state::warn(&warnings);
    Ok((series, tax))
}

/// `compare` of three reports or more: the coverage matrix and each neighbouring pair.
fn run_compare_series(files: &[PathBuf], format: CompareFormat, options: &Options) -> Result<Outcome> {
    let (s, tax) = series(files, options, &settings(options)?)?;
    let survey = Survey::new(&s, &tax);
    print(&match format {
        CompareFormat::Text => render::series::text(&s, &survey, &tax),
        CompareFormat::Markdown => render::series::markdown(&s, &survey, &tax),
        CompareFormat::Json => render::series::json(&s, &survey),
    })?;
    let differ = survey.pairs.iter().any(|(_, _, p)| p.stats.changes > 0);
    Ok(if differ { Outcome::Differ } else { Outcome::Same })
}

pub fn run_figures(files: &[PathBuf], format: FiguresFormat, options: &Options) -> Result<()> {
    // One report's figures are worth a table too.
    let (s, tax) = series_of(files, options, &settings(options)?, 1)?;
    let f = Figures::new(&s, &tax);
    print(&match format {
        FiguresFormat::Text => render::series::figures_text(&s, &f, &tax),
        FiguresFormat::Json => render::series::figures_json(&s, &f),
        FiguresFormat::Csv => render::series::figures_csv(&s, &f),
    })
}

/// The checklist rules in effect: `--rules`, else the configuration's, else the built-in ones.
pub fn rules(options: &Options, config: &Config) -> Result<duibi::check::Rules> {
    Ok(match options.rules.as_ref().or(config.rules.as_ref()) {
        Some(path) => duibi::check::Rules::from_file(path)?,
        None => duibi::check::Rules::builtin(),
    })
}

pub fn run_check(files: &[PathBuf], format: CompareFormat, options: &Options) -> Result<Outcome> {
    let config = settings(options)?;
    let rules = rules(options, &config)?;
    let (s, tax) = series_of(files, options, &config, 1)?;
    let list = duibi::check::Checklist::new(&s, &tax, &rules);
    print(&match format {
        CompareFormat::Text => render::check::text(&list, &rules, use_color(options)),
        CompareFormat::Markdown => render::check::markdown(&list, &rules),
        CompareFormat::Json => render::check::json(&list),
    })?;
    Ok(if list.passes() { Outcome::Same } else { Outcome::Differ })
}

pub fn run_compare(files: &[PathBuf], demo: bool, format: CompareFormat, options: &Options) -> Result<Outcome> {
    if !demo && is_series(files) {
        return run_compare_series(files, format, options);
    }
    if files.len() > 2 {
        bail!("--demo compares the two built-in reports: give no files with it");
    }
    let (left, right) = pair(files);
    let (mut c, tax, _) = aligned(left, right, demo, options)?;
    warn_if_newer_on_the_left(&c);
    let tokenizer = c.segmenter();
    // Streamed: the output of two large reports is several times their size.
    let mut out = Stdout::new();
    let differ = match format {
        CompareFormat::Json => {
            c.diff_all(&tokenizer, DIFF_BUDGET);
            if let Err(e) = render::json::compare_to(&mut out, &c, &tax).and_then(|()| out.write_all(b"\n")) {
                out.error.get_or_insert(e);
            }
            c.summary(&tax).stats.changes > 0
        }
        CompareFormat::Text | CompareFormat::Markdown => {
            // These outputs read no outline: the reports go before the diffs come.
            let mut d = c.into_digest();
            d.diff_all(&tokenizer, DIFF_BUDGET);
            if format == CompareFormat::Markdown {
                render::markdown::compare_to(&mut out, &d, &tax);
            } else {
                render::text::compare_to(&mut out, &d, &tax, use_color(options));
            }
            d.summary(&tax).stats.changes > 0
        }
    };
    out.finish()?;
    Ok(if differ { Outcome::Differ } else { Outcome::Same })
}

/// One line on standard error when the left report is the newer: its additions read as
/// deletions.
pub fn warn_if_newer_on_the_left(c: &Comparison) {
    if let Some(d) = c.newer_on_the_left() {
        eprintln!(
            "duibi: warning: {} ({}) is newer than {} ({}): what it adds shows as dropped; give the older report first",
            duibi::text::shown(&c.docs.left.path),
            d.left.label(),
            duibi::text::shown(&c.docs.right.path),
            d.right.label()
        );
    }
}

/// What a command found, for `--exit-code`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Same,
    Differ,
}

/// Standard output, buffered, for output written piece by piece; a closed pipe (`duibi … | head`)
/// is not an error, and the first failure stops the writing.
struct Stdout {
    out: std::io::BufWriter<std::io::StdoutLock<'static>>,
    error: Option<std::io::Error>,
}

impl Stdout {
    fn new() -> Self {
        Stdout {
            out: std::io::BufWriter::with_capacity(64 * 1024, std::io::stdout().lock()),
            error: None,
        }
    }

    fn finish(mut self) -> Result<()> {
        if self.error.is_none()
            && let Err(e) = self.out.flush()
        {
            self.error = Some(e);
        }
        match self.error {
            Some(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e).context("cannot write to standard output"),
            _ => Ok(()),
        }
    }
}

impl std::io::Write for Stdout {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.error.is_some() {
            return Err(std::io::ErrorKind::BrokenPipe.into());
        }
        self.out.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

impl std::fmt::Write for Stdout {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        if self.error.is_some() {
            return Err(std::fmt::Error);
        }
        self.out.write_all(s.as_bytes()).map_err(|e| {
            self.error = Some(e);
            std::fmt::Error
        })
    }
}

/// `duibi LEFT RIGHT` on a terminal: everything that can fail happens before the screen switches.
pub fn run_interactive(files: &[PathBuf], demo: bool, options: &Options, start: std::time::Instant) -> Result<()> {
    let mut config = settings(options)?;
    if options.color == ColorWhen::Never {
        config.theme = config::ThemeName::Mono;
    }
    let rules = rules(options, &config)?;
    if files.len() > 2 && demo {
        bail!("--demo compares the two built-in reports: give no files with it");
    }
    // From here to the first screen, `q` and the signals are answered (see `loading`).
    let watch = crate::loading::LoadWatch::start();
    if !demo && is_series(files) {
        let (s, tax) = series(files, options, &config)?;
        let newer = files.last().map(PathBuf::as_path);
        let place = crate::state::place(options.state.as_deref(), &config, newer);
        return crate::tui::run_series(s, tax, place, rules, (&config, watch), start);
    }
    let tax = taxonomy(options, &config)?;
    let (left, right) = pair(files);
    // The built-in reports load in a moment: nothing to say of them.
    let named = (!demo).then(|| reading(&[left, right]));
    if let Some(named) = &named {
        watch.doing(format!("reading {named}"));
    }
    let (mut l, mut r) = documents(left, right, demo, options)?;
    let place = crate::state::place(options.state.as_deref(), &config, right);
    let (tax, review) = crate::state::pair(&place, (&mut l, &mut r), tax, true);
    if let Some(named) = &named {
        watch.doing(format!("comparing {named}"));
    }
    let c = Comparison::build(l, r, &tax);
    crate::tui::run(c, tax, review, rules, (&config, watch), start)
}

/// The files a load reads, as the load's line names them: `a.txt, b.txt (16.0 MB)`.
fn reading(files: &[Option<&Path>]) -> String {
    let files: Vec<&Path> = files.iter().flatten().copied().collect();
    let names: Vec<String> = files
        .iter()
        .map(|f| duibi::text::shown(&f.file_name().unwrap_or(f.as_os_str()).to_string_lossy()))
        .collect();
    let bytes: u64 = files
        .iter()
        .filter_map(|f| std::fs::metadata(f).ok())
        .map(|m| m.len())
        .sum();
    format!("{} ({:.1} MB)", names.join(", "), bytes as f64 / 1e6)
}

/// `duibi review LEFT RIGHT`: the analyst's review written out.
pub fn run_review(files: &[PathBuf], format: ReviewFormat, options: &Options) -> Result<()> {
    let config = settings(options)?;
    let rules = rules(options, &config)?;
    let (left, right) = pair(files);
    let (c, tax, review) = comparison(left, right, false, options)?;
    let check = duibi::view::checklist::check(&c, &tax, &rules);
    let export = render::review::Export {
        cmp: &c,
        tax: &tax,
        state: &review.state,
        others: &review.others,
        check: check.as_ref(),
        rules: &rules,
    };
    print(&match format {
        ReviewFormat::Markdown => render::review::markdown(&export),
        ReviewFormat::Json => render::review::json(&export),
        ReviewFormat::Html => render::review::html(&export),
    })
}

pub fn run_keys(format: KeysFormat, options: &Options) -> Result<()> {
    let config = settings(options)?;
    print(&match format {
        KeysFormat::Text => render::keys::text(&config.keymap()),
        KeysFormat::Markdown => render::keys::markdown(&config.keymap()),
    })
}

pub fn run_config(print_default: bool, path: bool, options: &Options) -> Result<()> {
    if print_default {
        return print(config::DEFAULT_CONFIG);
    }
    let default_path = || config::default_path().context("no configuration directory is known on this system");
    if path {
        return print(&format!("{}\n", default_path()?.display()));
    }
    let c = settings(options)?;
    let file = match &c.file {
        Some(f) => f.display().to_string(),
        None => format!("none ({} does not exist): defaults", default_path()?.display()),
    };
    let taxonomy = match taxonomy_path(options, &c) {
        Some(t) => t.display().to_string(),
        None => "built-in".to_string(),
    };
    let reviews = match &c.reviews {
        config::Reviews::DataDir => duibi::review::Store::default_dir().map_or_else(
            || "data (no data directory is known)".into(),
            |d| d.display().to_string(),
        ),
        config::Reviews::Beside => "beside (the newer report's folder)".into(),
        config::Reviews::Dir(d) => d.display().to_string(),
    };
    print(&format!(
        "file         {file}\nkeymap       {}\ntheme        {}\nview         {}\nsync_scroll  {}\nmouse        {}\ntaxonomy     {taxonomy}\nreviews      {reviews}\n",
        c.keymap_name,
        c.theme.name(),
        c.view.name(),
        c.sync_scroll,
        c.mouse
    ))
}
