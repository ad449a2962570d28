//! The site's own static files (`SITE_DIR/static/`), copied as they are.
//!
//! A static file's fingerprint is a hash of its bytes, so an edit that
//! keeps the file's size and modification time (`cp -p`, `rsync -a`,
//! `tar x`, a clock of one-second ticks) is still copied by the next build.
//! A session keeps each file's fingerprint by its stamp
//! ([`StaticFingerprints`]) and reads again only files whose stamp changed
//! or that the watcher reported.

use super::{Build, Content, Output, Plan};
use crate::diag::Diagnostic;
use crate::memo::{self, Fingerprint, Fingerprinter};
use crate::write::Stamp;
use std::collections::HashMap;
use std::hash::Hasher;
use std::io::Read;
use std::path::Path;
use std::sync::{Arc, Mutex};

pub(super) fn make(_build: &Build) -> Box<dyn Output> {
    Box::new(Statics)
}

struct Statics;

impl Output for Statics {
    fn name(&self) -> &'static str {
        "static files"
    }

    fn what(&self) -> &'static str {
        "a static file"
    }

    fn copies(&self) -> bool {
        true
    }

    fn copied_from(&self, build: &Build, item: usize) -> Option<String> {
        Some(format!("static/{}", build.site.static_files.get(item)?))
    }

    fn paths(&self, build: &Build) -> Arc<Vec<String>> {
        Arc::new(build.site.static_files.clone())
    }

    fn plan(&self, build: &Build) -> Plan {
        use rayon::prelude::*;
        let dir = build.site.root.join("static");
        let known = &build.memos.statics;
        let files: Vec<(String, Option<Stamp>, Fingerprint)> = build
            .site
            .static_files
            .par_iter()
            .map(|path| {
                let file = dir.join(path);
                let stamp = std::fs::metadata(&file).ok().map(|m| Stamp::of(&m));
                let fingerprint = stamp
                    .and_then(|s| known.get(path, s))
                    .unwrap_or_else(|| content_fingerprint(&file, stamp));
                (path.clone(), stamp, fingerprint)
            })
            .collect();
        known.keep(&files);
        files.into_iter().map(|(p, _, f)| (p, f)).collect()
    }

    fn produce<'b>(&self, build: &'b Build, item: usize) -> Result<Content<'b>, Diagnostic> {
        let path = &build.site.static_files[item];
        Ok(Content::Copy(build.site.root.join("static").join(path)))
    }
}

/// The fingerprint of the bytes of `file`; a file that cannot be read
/// gets one of its stamp (copying it reports why it cannot be read).
fn content_fingerprint(file: &Path, stamp: Option<Stamp>) -> Fingerprint {
    let mut hasher = Fingerprinter::new();
    let read = std::fs::File::open(file).and_then(|mut f| {
        let mut buf = vec![0; 64 * 1024];
        loop {
            match f.read(&mut buf)? {
                0 => return Ok(()),
                n => hasher.write(&buf[..n]),
            }
        }
    });
    match read {
        Ok(()) => hasher.fingerprint(),
        Err(_) => memo::of(&stamp),
    }
}

/// The fingerprints of the static files by their stamp, kept by a session
/// between rebuilds (a one-shot build keeps nothing and reads every file).
pub(crate) struct StaticFingerprints {
    keeps: bool,
    known: Mutex<HashMap<String, (Stamp, Fingerprint)>>,
}

impl StaticFingerprints {
    /// Fingerprints kept from one build to the next.
    pub(crate) fn new() -> StaticFingerprints {
        StaticFingerprints {
            keeps: true,
            known: Mutex::new(HashMap::new()),
        }
    }

    /// Nothing kept: every file is read.
    pub(crate) fn off() -> StaticFingerprints {
        StaticFingerprints {
            keeps: false,
            ..StaticFingerprints::new()
        }
    }

    /// Forgets the files (relative to `static/`) that `which` says: the
    /// next build reads them again whatever their stamp.
    pub(crate) fn forget(&self, which: impl Fn(&str) -> bool) {
        let mut known = self.known.lock().unwrap_or_else(|e| e.into_inner());
        known.retain(|path, _| !which(path));
    }

    /// The fingerprint kept for `path` when its stamp is still `stamp`.
    fn get(&self, path: &str, stamp: Stamp) -> Option<Fingerprint> {
        let known = self.known.lock().unwrap_or_else(|e| e.into_inner());
        known
            .get(path)
            .filter(|(s, _)| *s == stamp)
            .map(|(_, f)| *f)
    }

    /// Keeps the fingerprints of this build's files (only theirs).
    fn keep(&self, files: &[(String, Option<Stamp>, Fingerprint)]) {
        if !self.keeps {
            return;
        }
        let now = files
            .iter()
            .filter_map(|(path, stamp, f)| Some((path.clone(), ((*stamp)?, *f))))
            .collect();
        *self.known.lock().unwrap_or_else(|e| e.into_inner()) = now;
    }
}
