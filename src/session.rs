//! Sessions: what `watch` and `serve` keep between rebuilds, so that a
//! rebuild costs little more than what changed.
//!
//! This module owns every value kept from one build to the next: the
//! parsed files (by their stamp), the memos of the stages
//! ([`pipeline::Memos`], each a `Memo` keyed by the fingerprint of its
//! inputs), and the manifest of what the output folder holds. The stages
//! themselves take plain inputs and a memo, and work the same with
//! `Memos::off()` (a one-shot build).
//! The result of a rebuild is that of a clean build: `tests/incremental.rs`
//! compares them after each edit of a sequence.
//!
//! A file's stamp (size and modification time) says when to read it again,
//! except for a file the watcher reported: an edit can keep both (a clock
//! of one-second ticks, `cp -p`, `rsync -a`, `tar x`), so a reported file
//! is always read again and compared by content; unchanged content is not
//! parsed again. A reported static file is hashed again the same way.

use crate::diag::Diagnostic;
use crate::load;
use crate::memo::{Fingerprint, Fingerprinter};
use crate::outputs::Streamed;
use crate::parse;
use crate::pipeline::manifest::{self, Manifest};
use crate::pipeline::{self, Checked, Live, MemoUses, Memos, Mode, Report, lap};
use jiff::civil::Date;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// A file of the site directory as last read: its size and modification
/// time (none when it could not be read).
type Stamp = Option<crate::write::Stamp>;

/// A content file as last read: parsed, or the errors found in it, and the
/// warnings found in reading it.
#[derive(Clone)]
struct Parsed {
    doc: Result<Arc<parse::Doc>, Vec<Diagnostic>>,
    warnings: Vec<Diagnostic>,
}

/// A content file as the session knows it: its stamp and the fingerprint
/// of its text when last read (none when it could not be read), and what
/// was made of it.
struct Known {
    stamp: Stamp,
    content: Option<Fingerprint>,
    parsed: Parsed,
}

/// A content file read again: its stamp, and what reading it gave.
struct Reread {
    rel: String,
    stamp: Stamp,
    content: Option<Fingerprint>,
    /// `None` when its content is the one already known.
    parsed: Option<Parsed>,
}

/// The state kept between rebuilds by `watch` and `serve`.
pub struct Session {
    site_dir: PathBuf,
    output: Option<PathBuf>,
    /// Every content Markdown file by path (in path order, as a build reads them).
    docs: BTreeMap<String, Known>,
    /// The last scan of the site directory (without the Markdown texts) and its problems.
    listing: Option<(load::SiteFiles, Vec<Diagnostic>)>,
    memos: Memos,
    /// What the output folder holds, as the last rebuild left it.
    manifest: Option<Manifest>,
    /// What the output kept beside it holds (see `write::Base`).
    previous: Manifest,
    /// What the last good build's site needs of the memos.
    live: Live,
    /// The open-data files of the last rebuild, being written in the background.
    writing: Option<Background>,
    /// How the memos served the last rebuild.
    last_uses: MemoUses,
}

impl Drop for Session {
    fn drop(&mut self) {
        // Never leave an open-data file half-written behind, and leave the
        // manifest for the next build.
        let _ = self.finish_writes();
        if let (Some(out), Some(m)) = (self.out(), &self.manifest) {
            let _ = manifest::save(&out, m, &self.previous);
        }
    }
}

impl Session {
    /// A session building `site_dir` into `output` (default `site_dir/public`).
    pub fn new(site_dir: &Path, output: Option<&Path>) -> Session {
        Session {
            site_dir: site_dir.to_path_buf(),
            output: output.map(Path::to_path_buf),
            docs: BTreeMap::new(),
            listing: None,
            memos: Memos::new(),
            manifest: None,
            previous: Manifest::default(),
            live: Live::default(),
            writing: None,
            last_uses: MemoUses::default(),
        }
    }

    /// The output folder, when it is safe to write.
    fn out(&self) -> Option<PathBuf> {
        pipeline::output_folder(&self.site_dir, self.output.as_deref()).ok()
    }

    /// How the memos served the last rebuild (for tests and timings).
    pub fn memo_uses(&self) -> MemoUses {
        self.last_uses
    }

    /// Builds again, reusing what has not changed since the last build.
    pub fn rebuild(&mut self, today: Date) -> Result<Report, Vec<Diagnostic>> {
        self.rebuild_after(today, None)
    }

    /// Builds again after the files `changed` (relative to the site
    /// directory) changed. When every change is to a content Markdown file
    /// in a known place, only those files are looked at; anything else
    /// (site.yaml, a folder, the theme, static files) scans the whole site.
    pub fn rebuild_after(
        &mut self,
        today: Date,
        changed: Option<&[PathBuf]>,
    ) -> Result<Report, Vec<Diagnostic>> {
        let start = Instant::now();
        lap("start");
        let mut late = self.stop_writes();
        let out = pipeline::output_folder(&self.site_dir, self.output.as_deref())?;
        let checked = self.check(today, changed);
        let result = checked.and_then(|checked| {
            self.live = Live::of(&checked.site);
            self.write(&out, checked, &mut late, start)
        });
        self.last_uses = self.memos.finish_build(self.live);
        let mut report = result?;
        report.warnings.extend(late);
        Ok(report)
    }

    /// Loads, parses (again, only what changed) and checks the site.
    fn check(
        &mut self,
        today: Date,
        changed: Option<&[PathBuf]>,
    ) -> Result<Checked, Vec<Diagnostic>> {
        let docs = self.reload(changed);
        let Some((files, scan_diags)) = &self.listing else {
            unreachable!("reload makes the listing")
        };
        let mut diags = scan_diags.clone();
        let mut parsed = Vec::with_capacity(docs.len());
        for read in docs {
            diags.extend(read.warnings);
            match read.doc {
                Ok(doc) => parsed.push(doc),
                Err(d) => diags.extend(d),
            }
        }
        lap("reload");
        pipeline::assemble(
            &self.site_dir,
            today,
            files,
            parsed,
            diags,
            &self.memos,
            &pipeline::Overrides::default(),
        )
    }

    /// Writes the outputs of a checked site: in place while the output
    /// folder is as the last rebuild left it, else into a new folder.
    fn write(
        &mut self,
        out: &Path,
        checked: Checked,
        late: &mut Vec<Diagnostic>,
        start: Instant,
    ) -> Result<Report, Vec<Diagnostic>> {
        let in_place = out.is_dir() && self.manifest.is_some();
        let saved = match self.manifest.take().filter(|_| in_place) {
            Some(current) => manifest::Saved {
                current,
                previous: std::mem::take(&mut self.previous),
            },
            None => {
                // A whole new output folder is swapped in: no older write
                // may land in it afterwards.
                late.extend(self.finish_writes());
                manifest::load(out)
            }
        };
        let mode = if in_place {
            Mode::InPlace { defer: true }
        } else {
            Mode::Staged {
                base: &saved.previous,
            }
        };
        let written =
            match pipeline::write_outputs(out, checked, &self.memos, &saved.current, mode, start) {
                Ok(w) => w,
                Err(d) => {
                    if in_place {
                        self.manifest = Some(saved.current);
                        self.previous = saved.previous;
                    }
                    return Err(d);
                }
            };
        if in_place {
            self.previous = saved.previous;
        } else {
            // The output replaced is kept beside it (when trusted).
            self.previous = saved.current;
            let _ = manifest::save(out, &written.manifest, &self.previous);
        }
        self.manifest = Some(written.manifest);
        if !written.deferred.is_empty() {
            let older = self.writing.take();
            self.writing = Some(Background::start(out, written.deferred, older));
        }
        Ok(written.report)
    }

    /// The parsed content files: those changed (or all, without `changed`
    /// or when a change is not to a content file) read and parsed again.
    fn reload(&mut self, changed: Option<&[PathBuf]>) -> Vec<Parsed> {
        let reported = Reported::of(&self.site_dir, changed.unwrap_or_default());
        if reported.touches("static") {
            let forget = |path: &str| reported.covers(&format!("static/{path}"));
            self.memos.statics.forget(forget);
        }
        let (to_stat, scanned) = match changed.and_then(|c| self.update_listing(c)) {
            Some(paths) => (paths, false),
            None => {
                let listing = load::scan(&self.site_dir);
                let all = listing.0.markdown_paths.clone();
                self.listing = Some(listing);
                (all, true)
            }
        };
        let stamps: Vec<(String, Stamp)> = to_stat
            .into_iter()
            .map(|rel| {
                let meta = std::fs::metadata(self.site_dir.join(&rel)).ok();
                (rel, meta.map(|m| crate::write::Stamp::of(&m)))
            })
            .collect();
        self.read_stale(&stamps, &reported);
        self.forget_gone(&stamps, scanned);
        self.docs.values().map(|k| k.parsed.clone()).collect()
    }

    /// Reads the files among `stamps` whose stamp changed or that were
    /// `reported`, and parses those whose content changed.
    fn read_stale(&mut self, stamps: &[(String, Stamp)], reported: &Reported) {
        let Some((files, _)) = &self.listing else {
            return;
        };
        let stale: Vec<&(String, Stamp)> = stamps
            .iter()
            .filter(|(rel, stamp)| {
                reported.covers(rel) || self.docs.get(rel).is_none_or(|k| k.stamp != *stamp)
            })
            .filter(|(rel, _)| files.markdown_paths.binary_search(rel).is_ok())
            .collect();
        let fresh: Vec<Reread> = stale
            .par_iter()
            .map(|(rel, stamp)| self.reread(rel, *stamp))
            .collect();
        for read in fresh {
            let Some(parsed) = read.parsed else {
                // The content known (so the file is known): a new stamp only.
                if let Some(known) = self.docs.get_mut(&read.rel) {
                    known.stamp = read.stamp;
                }
                continue;
            };
            let known = Known {
                stamp: read.stamp,
                content: read.content,
                parsed,
            };
            self.docs.insert(read.rel, known);
        }
    }

    /// Reads the content file `rel` (of stamp `stamp`) and parses it when
    /// its content is not the one known.
    fn reread(&self, rel: &str, stamp: Stamp) -> Reread {
        let known = self.docs.get(rel).and_then(|k| k.content);
        let (content, parsed) = match load::read_text(&self.site_dir, rel) {
            Ok(f) => {
                let content = content_fingerprint(&f);
                let parsed = (known != Some(content)).then(|| Parsed {
                    doc: parse::parse_doc(&f).map(Arc::new),
                    warnings: f.warnings,
                });
                (Some(content), parsed)
            }
            Err(d) => {
                let parsed = Parsed {
                    doc: Err(vec![d]),
                    warnings: Vec::new(),
                };
                (None, Some(parsed))
            }
        };
        Reread {
            rel: rel.to_owned(),
            stamp,
            content,
            parsed,
        }
    }

    /// Drops the files gone since the last rebuild: after a scan, any not
    /// listed; otherwise only changed paths can have gone.
    fn forget_gone(&mut self, stamps: &[(String, Stamp)], scanned: bool) {
        let Some((files, _)) = &self.listing else {
            return;
        };
        if scanned {
            let present: std::collections::HashSet<&String> = files.markdown_paths.iter().collect();
            self.docs.retain(|rel, _| present.contains(rel));
        } else {
            for (rel, _) in stamps {
                if files.markdown_paths.binary_search(rel).is_err() {
                    self.docs.remove(rel);
                }
            }
        }
        // `docs` holds exactly the listed files, in the same (path) order.
        debug_assert!(self.docs.keys().eq(files.markdown_paths.iter()));
    }

    /// Applies changes to content Markdown files to the last listing and
    /// returns the paths to look at again, or `None` when a full scan is needed.
    fn update_listing(&mut self, changed: &[PathBuf]) -> Option<Vec<String>> {
        let (files, _) = self.listing.as_mut()?;
        let mut paths = Vec::new();
        for path in changed {
            let rel = path.to_str()?.replace('\\', "/");
            if !is_content_file(&rel, &files.locality_dirs) {
                return None;
            }
            let full = self.site_dir.join(&rel);
            match (full.is_file(), files.markdown_paths.binary_search(&rel)) {
                (true, Err(i)) => files.markdown_paths.insert(i, rel.clone()),
                (false, Ok(i)) => {
                    files.markdown_paths.remove(i);
                }
                (false, Err(_)) if full.exists() => return None,
                _ => {}
            }
            paths.push(rel);
        }
        Some(paths)
    }

    /// Stops the background writing of the last rebuild's open-data files
    /// (this rebuild makes newer ones): a file not yet complete is left as
    /// it was before, and written again by this rebuild. The rebuild does
    /// not wait for the thread to stop: the next background write does.
    fn stop_writes(&mut self) -> Vec<Diagnostic> {
        match &self.writing {
            Some(w) if w.is_finished() => self.finish_writes(),
            Some(w) => {
                w.tell(Signal::Stop);
                // Whether they were complete is not known yet.
                if let Some(m) = self.manifest.as_mut() {
                    for path in &w.paths {
                        m.forget(path);
                    }
                }
                Vec::new()
            }
            None => Vec::new(),
        }
    }

    /// Waits until the open-data files of the last rebuild are written
    /// and returns what could not be written; those files are written
    /// again next time.
    pub fn finish_writes(&mut self) -> Vec<Diagnostic> {
        let Some(writing) = self.writing.take() else {
            return Vec::new();
        };
        writing.tell(Signal::Now);
        let (written, failed) = writing.join();
        let mut diags = Vec::new();
        if let Some(m) = self.manifest.as_mut() {
            for (path, stamp) in written {
                m.set_stamp(&path, stamp);
            }
            for (path, _) in &failed {
                m.forget(path);
            }
        }
        for (path, e) in failed.into_iter().filter(|(_, e)| !is_stopped(e)) {
            diags.push(Diagnostic::warning(
                path,
                format!("could not write this open-data file: {e}; it is written again at the next rebuild"),
            ));
        }
        diags
    }
}

/// The paths the watcher reported, relative to the site directory with `/`
/// separators: files, and folders (all they hold counts as reported).
#[derive(Default)]
struct Reported {
    paths: HashSet<String>,
    /// The reported paths that are folders (`.`: the whole site, as after
    /// a watcher error).
    folders: Vec<String>,
}

impl Reported {
    fn of(site_dir: &Path, changed: &[PathBuf]) -> Reported {
        let paths: HashSet<String> = changed
            .iter()
            .filter_map(|p| p.to_str())
            .map(|p| p.replace('\\', "/"))
            .collect();
        let folders = paths
            .iter()
            .filter(|rel| site_dir.join(rel).is_dir())
            .cloned()
            .collect();
        Reported { paths, folders }
    }

    /// Whether the file `rel` was reported, or a folder holding it.
    fn covers(&self, rel: &str) -> bool {
        self.paths.contains(rel) || self.folders.iter().any(|f| holds(f, rel))
    }

    /// Whether anything reported is in the folder `dir`, or holds it.
    fn touches(&self, dir: &str) -> bool {
        self.paths.iter().any(|p| holds(dir, p)) || self.folders.iter().any(|f| holds(f, dir))
    }
}

/// Whether the folder `folder` (`.` for the site folder) holds `rel`, or is it.
fn holds(folder: &str, rel: &str) -> bool {
    folder == "."
        || rel
            .strip_prefix(folder)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// What a content file's text (and the warnings reading it gave) is:
/// equal fingerprints, the same parsed document.
fn content_fingerprint(file: &load::SourceFile) -> Fingerprint {
    let mut f = Fingerprinter::new();
    f.add(&file.text);
    for w in &file.warnings {
        f.add(&w.to_string());
    }
    f.fingerprint()
}

/// Whether `rel` is a content Markdown file in a place the content model
/// names: the home text, a free page, or a file of a known locality folder.
fn is_content_file(rel: &str, locality_dirs: &[String]) -> bool {
    let parts: Vec<&str> = rel.split('/').collect();
    match parts.as_slice() {
        [name] => name.starts_with("_index.") && name.ends_with(".md"),
        ["localities", loc, name] => {
            name.ends_with(".md")
                && locality_dirs
                    .iter()
                    .any(|d| d.strip_prefix("localities/") == Some(*loc))
        }
        ["pages", name] => name.ends_with(".md"),
        _ => false,
    }
}

/// How long a session waits after a rebuild before it writes the open-data
/// files: while saves follow each other they would only be replaced, and
/// writing them takes a core from the next rebuild.
const OPEN_DATA_DELAY: Duration = Duration::from_secs(1);

/// What the background writer is told.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Signal {
    /// Write now rather than after the pause (the session waits for it).
    Now,
    /// Stop: a newer rebuild makes newer files.
    Stop,
}

/// Files written, with their stamps, and files not written, with why.
type Results = (
    Vec<(String, crate::write::Stamp)>,
    Vec<(String, std::io::Error)>,
);

/// Open-data files being written on their own thread after a rebuild.
struct Background {
    paths: Vec<String>,
    handle: std::thread::JoinHandle<Results>,
    tell: mpsc::Sender<Signal>,
}

impl Background {
    /// Starts writing `files` into `out` once editing pauses, after the
    /// `older` write (stopped or not) has ended: two never overlap.
    fn start(
        out: &Path,
        files: Vec<(String, Arc<dyn Streamed>)>,
        older: Option<Background>,
    ) -> Background {
        let (tell, heard) = mpsc::channel();
        let out = out.to_path_buf();
        let paths = files.iter().map(|(p, _)| p.clone()).collect();
        let handle = std::thread::spawn(move || {
            // What the older write could not write counts; what it wrote
            // or was stopped from writing, this one writes anew.
            let mut results: Results = (Vec::new(), Vec::new());
            if let Some(older) = older {
                let (_, failed) = older.join();
                results.1 = failed.into_iter().filter(|(_, e)| !is_stopped(e)).collect();
            }
            match heard.recv_timeout(OPEN_DATA_DELAY) {
                Ok(Signal::Stop) => {
                    results
                        .1
                        .extend(files.into_iter().map(|(p, _)| (p, stopped())));
                    return results;
                }
                Ok(Signal::Now) | Err(_) => {}
            }
            for (path, content) in files {
                let mut stop = Stoppable {
                    heard: &heard,
                    stopped: false,
                };
                let written = crate::write::replace_file_with(&out, &path, |w| {
                    content.write_to(&mut StoppableWriter {
                        inner: w,
                        stop: &mut stop,
                    })
                });
                match written {
                    Ok(stamp) => results.0.push((path, stamp)),
                    Err(e) => results.1.push((path, e)),
                }
            }
            results
        });
        Background {
            paths,
            handle,
            tell,
        }
    }

    fn is_finished(&self) -> bool {
        self.handle.is_finished()
    }

    fn tell(&self, signal: Signal) {
        // A thread that has ended hears nothing, and needs to hear nothing.
        let _ = self.tell.send(signal);
    }

    fn join(self) -> Results {
        self.handle
            .join()
            .unwrap_or_else(|_| (Vec::new(), Vec::new()))
    }
}

/// Whether the background writer was told to stop.
struct Stoppable<'h> {
    heard: &'h mpsc::Receiver<Signal>,
    stopped: bool,
}

impl Stoppable<'_> {
    fn stopped(&mut self) -> bool {
        if !self.stopped {
            self.stopped = self.heard.try_iter().any(|s| s == Signal::Stop);
        }
        self.stopped
    }
}

/// A writer that fails with [`Stopped`] once the writer is told to stop.
struct StoppableWriter<'w, 's, 'h> {
    inner: &'w mut dyn std::io::Write,
    stop: &'s mut Stoppable<'h>,
}

impl std::io::Write for StoppableWriter<'_, '_, '_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.stop.stopped() {
            return Err(stopped());
        }
        self.inner.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// Why a background write ended early: a newer rebuild started.
#[derive(Debug)]
struct Stopped;

impl std::fmt::Display for Stopped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("stopped for a newer rebuild")
    }
}

impl std::error::Error for Stopped {}

fn stopped() -> std::io::Error {
    std::io::Error::other(Stopped)
}

fn is_stopped(e: &std::io::Error) -> bool {
    e.get_ref().is_some_and(|inner| inner.is::<Stopped>())
}
