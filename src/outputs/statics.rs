//! The site's own static files (`SITE_DIR/static/`), copied as they are.

use super::{Build, Content, Output, Plan};
use crate::diag::Diagnostic;
use crate::memo;
use crate::write::Stamp;

pub(super) fn make(_build: &Build) -> Box<dyn Output> {
    Box::new(Statics)
}

struct Statics;

impl Output for Statics {
    fn name(&self) -> &'static str {
        "static files"
    }

    /// A static file's fingerprint is its size and modification time:
    /// reading every file to hash it would cost more than copying it.
    fn plan(&self, build: &Build) -> Plan {
        use rayon::prelude::*;
        let dir = build.site.root.join("static");
        let files: Vec<(String, memo::Fingerprint)> = build
            .site
            .static_files
            .par_iter()
            .map(|path| {
                let meta = std::fs::metadata(dir.join(path)).ok();
                let stamp = meta.map(|m| Stamp::of(&m));
                (path.clone(), memo::of(&stamp))
            })
            .collect();
        files.into_iter().collect()
    }

    fn produce<'b>(&self, build: &'b Build, item: usize) -> Result<Content<'b>, Diagnostic> {
        let path = &build.site.static_files[item];
        Ok(Content::Copy(build.site.root.join("static").join(path)))
    }
}
