//! The build, stage by stage: load, parse, validate, derive (`check`), then
//! the outputs: plan every file, compare with what the output folder holds,
//! produce and write what changed (`build`).
//!
//! Every stage reports all of its problems; a build stops before writing
//! anything when any stage found an error, so the previous output stays as
//! it was. `session` runs the same stages again for `watch` and `serve`.

mod assemble;
mod execute;
pub mod manifest;
mod memos;

pub use assemble::{Compiled, assemble};
pub use execute::{Counts, Deferred, Target};
use manifest::Manifest;
pub use memos::{Live, MemoUses, Memos};

use crate::derive::{self, Coverage, Derived};
use crate::diag::Diagnostic;
use crate::i18n::{MissingStrings, Strings};
use crate::load;
use crate::memo::Fingerprint;
use crate::model::Site;
use crate::outputs::{self, Build};
use crate::parse;
use crate::render::{self, Renderer};
use crate::theme::Theme;
use crate::write::{self, Refusal, Staging};
pub use crate::write::{Holder, Lock, Use};
use jiff::civil::Date;
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A site that passed validation, with what rendering needs.
pub struct Checked {
    pub site: Site,
    pub derived: Derived,
    pub theme: Theme,
    pub strings: Arc<Strings>,
    pub tera: Arc<render::Templates>,
    /// Warnings found on the way.
    pub warnings: Vec<Diagnostic>,
    /// Changes whenever anything every page depends on changes: site.yaml,
    /// the theme, interface strings, free pages (navigation), home text, build date.
    pub fingerprint: Fingerprint,
    /// The date the build is made on (in `fingerprint`).
    pub build_date: jiff::civil::Date,
}

/// What a successful build did.
#[derive(Debug)]
pub struct Report {
    pub output: PathBuf,
    pub pages: usize,
    /// How many pages were rendered (all of them, unless the output held
    /// some already).
    pub rendered: usize,
    pub files: usize,
    pub languages: usize,
    pub commitments: usize,
    pub localities: usize,
    pub coverage: Vec<Coverage>,
    /// Interface strings each language lacks (shown in a fallback language).
    pub interface: Vec<MissingStrings>,
    pub warnings: Vec<Diagnostic>,
    pub elapsed: Duration,
}

/// The date a build is made on: `SOURCE_DATE_EPOCH` when set, else today
/// (UTC). A malformed value reads as unset here: the command line refuses
/// it first, with [`source_date_epoch`]'s error, before any command runs.
pub fn build_date() -> Date {
    let ts = source_date_epoch()
        .ok()
        .flatten()
        .unwrap_or_else(jiff::Timestamp::now);
    ts.to_zoned(jiff::tz::TimeZone::UTC).date()
}

/// The variable that fixes the build date for reproducible builds.
const SOURCE_DATE_EPOCH: &str = "SOURCE_DATE_EPOCH";

/// The build date `SOURCE_DATE_EPOCH` sets, as the reproducible-builds
/// specification has it: a whole number of seconds since 1970-01-01 UTC,
/// digits only. Unset or empty (as CI systems often pass an unset
/// variable): `None`, the build uses today. Anything else is an error.
pub fn source_date_epoch() -> Result<Option<jiff::Timestamp>, Diagnostic> {
    let value = match std::env::var(SOURCE_DATE_EPOCH) {
        Ok(value) => value,
        Err(std::env::VarError::NotPresent) => return Ok(None),
        Err(std::env::VarError::NotUnicode(raw)) => {
            return Err(bad_epoch(&raw.to_string_lossy(), "it is not text"));
        }
    };
    if value.is_empty() {
        return Ok(None);
    }
    if !value.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad_epoch(&value, "it is not a whole number of seconds"));
    }
    value
        .parse::<i64>()
        .ok()
        .and_then(|secs| jiff::Timestamp::from_second(secs).ok())
        .map(Some)
        .ok_or_else(|| bad_epoch(&value, "it is past the year 9999"))
}

fn bad_epoch(value: &str, why: &str) -> Diagnostic {
    Diagnostic::error(
        SOURCE_DATE_EPOCH,
        format!("this environment variable does not give a build date: {why}"),
    )
    .found(format!("`{value}`"))
    .expected("a whole number of seconds since 1970-01-01 00:00 UTC, such as `1719705600`")
    .help(
        "set it to the output of `date +%s` (or `git log -1 --format=%ct`), \
         or unset it to build with today's date",
    )
}

/// What the command line sets over site.yaml for one build.
#[derive(Clone, Debug, Default, Hash, PartialEq, Eq)]
pub struct Overrides {
    /// `build --base-url`: the address a preview deploy is published at,
    /// in place of site.yaml's `base_url` (checked as it is).
    base_url: Option<String>,
}

impl Overrides {
    /// Overrides setting `base_url` to `given`, or the error site.yaml's
    /// `base_url` would give, naming the option.
    pub fn with_base_url(given: &str) -> Result<Overrides, Diagnostic> {
        match parse::base_url(given) {
            Ok(url) => Ok(Overrides {
                base_url: Some(url),
            }),
            Err(parse::NotAWebAddress) => Err(parse::not_a_web_address(
                Diagnostic::error("--base-url", parse::NOT_A_WEB_ADDRESS),
                given,
            )
            .help("`--base-url` replaces site.yaml's `base_url` for this build only")),
        }
    }

    /// Sets the overridden fields of `config`.
    pub(crate) fn apply(&self, config: &mut crate::model::Config) {
        if let Some(url) = &self.base_url {
            config.base_url.clone_from(url);
        }
    }
}

/// When the last lap ended.
static LAST_LAP: Mutex<Option<Instant>> = Mutex::new(None);

/// With `PLEDGEBOARD_TIMINGS` set, prints the time since the last lap and
/// the resident memory to stderr: a cheap profile of the stages.
pub(crate) fn lap(label: &str) {
    if std::env::var_os("PLEDGEBOARD_TIMINGS").is_none() {
        return;
    }
    let now = Instant::now();
    let mut last = LAST_LAP.lock().unwrap_or_else(|e| e.into_inner());
    let since = last.map_or(Duration::ZERO, |l| now - l);
    *last = Some(now);
    // Resident memory now, from /proc (Linux); 0 elsewhere.
    let rss_mb = std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|s| s.split_whitespace().nth(1)?.parse::<u64>().ok())
        .map_or(0, |pages| pages * 4096 / (1 << 20));
    eprintln!(
        "timing: {label:<12} {:>8.1} ms  (resident {rss_mb} MB)",
        since.as_secs_f64() * 1000.0
    );
}

/// Loads, parses and validates a site directory, and prepares its theme.
/// Returns every problem found when there is any error.
pub fn check(site_dir: &Path, today: Date) -> Result<Checked, Vec<Diagnostic>> {
    lap("start");
    let (files, diags) = load::load(site_dir);
    lap("load");
    check_files(site_dir, today, files, diags)
}

fn check_with(
    site_dir: &Path,
    today: Date,
    memos: &Memos,
    overrides: &Overrides,
) -> Result<Checked, Vec<Diagnostic>> {
    lap("start");
    let (files, diags) = load::load(site_dir);
    lap("load");
    check_loaded(site_dir, today, files, diags, memos, overrides)
}

/// [`check`] of files already loaded (`diags`: the problems found loading
/// them): `import` checks the site as it would be with the files it would
/// write, before writing any.
pub fn check_files(
    site_dir: &Path,
    today: Date,
    files: load::SiteFiles,
    diags: Vec<Diagnostic>,
) -> Result<Checked, Vec<Diagnostic>> {
    let checked = check_loaded(
        site_dir,
        today,
        files,
        diags,
        &Memos::off(),
        &Overrides::default(),
    )?;
    // What a build would refuse, found from the outputs' paths.
    let collisions = outputs::collisions_of(&checked);
    if collisions.is_empty() {
        Ok(checked)
    } else {
        let mut all = [collisions, checked.warnings].concat();
        crate::diag::sort(&mut all);
        Err(all)
    }
}

fn check_loaded(
    site_dir: &Path,
    today: Date,
    mut files: load::SiteFiles,
    mut diags: Vec<Diagnostic>,
    memos: &Memos,
    overrides: &Overrides,
) -> Result<Checked, Vec<Diagnostic>> {
    // Each file's text is dropped once parsed: a parsed document keeps what
    // it needs, and a national programme's texts are hundreds of megabytes.
    let markdown = std::mem::take(&mut files.markdown);
    let parsed: Vec<Result<parse::Doc, Vec<Diagnostic>>> = markdown
        .into_par_iter()
        .map(|f| parse::parse_doc(&f))
        .collect();
    let mut docs = Vec::with_capacity(parsed.len());
    for p in parsed {
        match p {
            Ok(doc) => docs.push(Arc::new(doc)),
            Err(d) => diags.extend(d),
        }
    }
    lap("parse");
    assemble(site_dir, today, &files, docs, diags, memos, overrides)
}

/// Builds the site at `site_dir` into `output` (default `site_dir/public`).
/// Files the output folder holds already, unchanged since the last build
/// and made from the same inputs, are kept rather than made again.
pub fn build(
    site_dir: &Path,
    output: Option<&Path>,
    today: Date,
) -> Result<Report, Vec<Diagnostic>> {
    build_with(site_dir, output, today, &Overrides::default())
}

/// [`build`] with settings of the command line over site.yaml's.
pub fn build_with(
    site_dir: &Path,
    output: Option<&Path>,
    today: Date,
    overrides: &Overrides,
) -> Result<Report, Vec<Diagnostic>> {
    let start = Instant::now();
    let (out, _lock) = lock_output(site_dir, output, Use::Build, |other, out| {
        eprintln!("Waiting for {other} to finish writing {} …", out.display());
    })?;
    let memos = Memos::off();
    let checked = check_with(site_dir, today, &memos, overrides)?;
    let saved = manifest::load(&out);
    let mode = Mode::Staged {
        base: &saved.previous,
    };
    let done = write_outputs(&out, checked, &memos, &saved.current, mode, start)?;
    // The output replaced is kept beside as the next build's starting
    // point when its manifest was trusted (see `write::Base`).
    let _ = manifest::save(&out, &done.manifest, &saved.current);
    Ok(done.report)
}

/// Builds a site already checked into `out`, a new folder of the caller's
/// own that no other pledgeboard writes (an offline bundle's temporary
/// folder): no lock, no manifest; staged and swapped in like any build.
pub fn build_checked(out: &Path, checked: Checked) -> Result<Report, Vec<Diagnostic>> {
    let start = Instant::now();
    let none = Manifest::default();
    let mode = Mode::Staged { base: &none };
    let done = write_outputs(out, checked, &Memos::off(), &none, mode, start)?;
    Ok(done.report)
}

/// The output folder, checked to be safe to write.
pub(crate) fn output_folder(
    site_dir: &Path,
    output: Option<&Path>,
) -> Result<PathBuf, Vec<Diagnostic>> {
    let out = output.map_or_else(|| site_dir.join("public"), Path::to_path_buf);
    write::check_output(site_dir, &out).map_err(|r| {
        vec![Diagnostic::error(out.display().to_string(), "cannot write the output here").help(r.0)]
    })
}

/// The output folder, checked to be safe to write, and its lock, taken
/// for `doing`: while a one-shot build holds it, this waits (telling
/// `waiting` whom it waits for, once each); while a session does, this is
/// refused at once.
pub fn lock_output(
    site_dir: &Path,
    output: Option<&Path>,
    doing: Use,
    mut waiting: impl FnMut(Holder, &Path),
) -> Result<(PathBuf, Lock), Vec<Diagnostic>> {
    let out = output_folder(site_dir, output)?;
    match Lock::take(&out, doing, |other| waiting(other, &out)) {
        Ok(lock) => Ok((out, lock)),
        Err(Refusal::Busy(other)) => Err(vec![
            Diagnostic::error(
                out.display().to_string(),
                format!("another pledgeboard is writing this output folder: {other}"),
            )
            .help(
                "it rewrites the folder for as long as it runs: stop it (Ctrl-C where it \
                 runs) and build again, or build into another folder with `--output`",
            ),
        ]),
        Err(Refusal::Failed(e)) => Err(vec![execute::io_error(
            &out,
            "the lock file beside the output folder",
            e,
        )]),
    }
}

/// How the outputs reach the output folder.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Mode<'m> {
    /// Into a staging folder swapped into place at the end, which starts
    /// from the output before the current one when `base`, its manifest,
    /// is not empty.
    Staged { base: &'m Manifest },
    /// Into the output folder itself, file by file; with `defer`, the open
    /// data is left for the caller to write later.
    InPlace { defer: bool },
}

/// What writing the outputs did.
pub(crate) struct Written {
    pub report: Report,
    /// What the output folder holds now.
    pub manifest: Manifest,
    /// Files left to write (`Mode::InPlace { defer: true }`).
    pub deferred: Vec<Deferred>,
}

/// Plans every output of a checked site, and produces and writes what
/// `previous` (what `out` holds) lacks.
pub(crate) fn write_outputs(
    out: &Path,
    checked: Checked,
    memos: &Memos,
    previous: &Manifest,
    mode: Mode,
    start: Instant,
) -> Result<Written, Vec<Diagnostic>> {
    let mut build = Build::new(&checked, memos);
    let kinds: Vec<Box<dyn outputs::Output>> =
        outputs::KINDS.iter().map(|make| make(&build)).collect();
    let target = match mode {
        Mode::Staged { base } => {
            let from = write::Base {
                reuse_previous: !base.is_empty(),
                keep_replaced: !previous.is_empty(),
            };
            Target::Staging {
                staging: Staging::begin_with(out, from)
                    .map_err(|e| vec![execute::io_error(out, "the output folder", e)])?,
                current: out,
                base,
            }
        }
        Mode::InPlace { defer } => Target::InPlace { out, defer },
    };
    let outcome = execute::execute(&mut build, &kinds, previous, target)?;
    print_template_times(&build.renderer);
    let report = report(out, &checked, memos, &build, &outcome.counts, start);
    Ok(Written {
        report,
        manifest: outcome.manifest,
        deferred: outcome.deferred,
    })
}

fn print_template_times(renderer: &Renderer) {
    for (template, n, spent) in renderer.template_times() {
        eprintln!(
            "timing: {template:<18} {n:>7} pages {:>9.1} ms CPU ({:.0} µs a page)",
            spent.as_secs_f64() * 1000.0,
            spent.as_secs_f64() * 1e6 / n.max(1) as f64
        );
    }
}

/// What a build reports: counts, coverage, warnings.
fn report(
    out: &Path,
    checked: &Checked,
    memos: &Memos,
    build: &Build,
    counts: &[Counts],
    start: Instant,
) -> Report {
    let site = &checked.site;
    let mut warnings = checked.warnings.clone();
    for (lang, key) in checked.strings.missing() {
        warnings.push(Diagnostic::warning(
            format!("i18n/{lang}.ftl"),
            format!("no language defines the interface string `{key}`; its key is shown"),
        ));
    }
    Report {
        output: out.to_path_buf(),
        pages: build.pages.len(),
        rendered: counts
            .iter()
            .filter(|c| c.kind == "pages")
            .map(|c| c.produced)
            .sum(),
        files: counts.iter().map(|c| c.planned).sum(),
        languages: site.config.languages.len(),
        commitments: checked.derived.total,
        localities: site.localities.len(),
        coverage: derive::coverage(site, &memos.coverage),
        interface: checked.strings.missing_strings(),
        warnings,
        elapsed: start.elapsed(),
    }
}
