//! Watch: notice edits to a site directory and say when to rebuild.
//!
//! File-system events are debounced (editors write a file in several steps:
//! write-in-place, write-to-temp-then-rename, swap and backup files), then
//! filtered: changes inside the output folder or its staging siblings, and
//! editors' swap, backup and hidden files, are ignored. What remains is one
//! batch of changed paths per pause in the editing, and a rebuild follows.
//! [`names`] shows a batch on the terminal, control characters escaped.

use crate::load::is_ignored_path;
use notify::event::ModifyKind;
use notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::Duration;

/// How long the folder must be quiet before a batch of changes is reported.
pub const DEBOUNCE: Duration = Duration::from_millis(50);

pub struct Watch {
    _debouncer: Debouncer<notify::RecommendedWatcher, RecommendedCache>,
    rx: Receiver<DebounceEventResult>,
    site_dir: PathBuf,
    ignored: Vec<PathBuf>,
}

impl Watch {
    /// Starts watching `site_dir` recursively; paths under `ignored` (the
    /// output folder, say) never trigger a rebuild.
    pub fn start(site_dir: &Path, ignored: &[PathBuf]) -> Result<Watch, String> {
        let site_dir = site_dir
            .canonicalize()
            .map_err(|e| format!("cannot watch {}: {e}", site_dir.display()))?;
        let (tx, rx) = channel();
        let mut debouncer =
            new_debouncer(DEBOUNCE, None, tx).map_err(|e| format!("cannot start watching: {e}"))?;
        debouncer
            .watch(&site_dir, RecursiveMode::Recursive)
            .map_err(|e| format!("cannot watch {}: {e}", site_dir.display()))?;
        let mut ignored_all = Vec::new();
        // What a build keeps beside its output folder (staging folders, the
        // kept output, the manifest, the lock) has hidden names, which
        // `is_ignored_path` ignores: the output is never inside `static/`,
        // where hidden files are read (write.rs refuses such a folder).
        for p in ignored {
            ignored_all.push(p.canonicalize().unwrap_or_else(|_| p.clone()));
        }
        Ok(Watch {
            _debouncer: debouncer,
            rx,
            site_dir,
            ignored: ignored_all,
        })
    }

    /// Does a change to `path` matter to the build?
    fn relevant(&self, path: &Path) -> bool {
        if self.ignored.iter().any(|i| path.starts_with(i)) {
            return false;
        }
        let Ok(rel) = path.strip_prefix(&self.site_dir) else {
            return false;
        };
        // Hidden folders (.git) and editors' files anywhere along the path
        // are ignored (in `static/`, only editors' files).
        !is_ignored_path(rel)
    }

    /// Waits for the next batch of relevant changes, relative to the site
    /// directory. `None` when the watcher stopped.
    pub fn next_change(&self) -> Option<Vec<PathBuf>> {
        loop {
            let batch = self.rx.recv().ok()?;
            let changed = self.filter(batch);
            if !changed.is_empty() {
                return Some(changed);
            }
        }
    }

    /// Like [`Watch::next_change`], giving up after `timeout` (`Some(empty)`).
    pub fn next_change_timeout(&self, timeout: Duration) -> Option<Vec<PathBuf>> {
        match self.rx.recv_timeout(timeout) {
            Ok(batch) => Some(self.filter(batch)),
            Err(RecvTimeoutError::Timeout) => Some(Vec::new()),
            Err(RecvTimeoutError::Disconnected) => None,
        }
    }

    fn filter(&self, batch: DebounceEventResult) -> Vec<PathBuf> {
        let events = match batch {
            Ok(events) => events,
            // A watcher error (such as too many files) still means something changed.
            Err(_) => return vec![PathBuf::from(".")],
        };
        let mut changed: Vec<PathBuf> = events
            .iter()
            .filter(|e| changes_content(&e.event.kind))
            .flat_map(|e| e.event.paths.iter())
            .filter(|p| self.relevant(p))
            .filter_map(|p| p.strip_prefix(&self.site_dir).ok().map(Path::to_path_buf))
            .collect();
        changed.sort();
        changed.dedup();
        changed
    }
}

/// The changed paths as `watch` and `serve` print them ("Changed: …"):
/// comma-separated, control characters in names escaped
/// ([`crate::diag::escape_controls`]).
pub fn names(changed: &[PathBuf]) -> String {
    let names: Vec<String> = changed
        .iter()
        .map(|p| {
            let name = p.to_string_lossy();
            crate::diag::escape_controls(&name, crate::diag::Keep::Nothing).into_owned()
        })
        .collect();
    names.join(", ")
}

/// Whether an event kind can change what a build reads. Reading a file (as
/// every build does) produces access events, and may update access times:
/// those must not trigger a rebuild, or each build would start the next.
fn changes_content(kind: &EventKind) -> bool {
    !matches!(
        kind,
        EventKind::Access(_) | EventKind::Modify(ModifyKind::Metadata(_))
    )
}
