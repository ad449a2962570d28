//! The HTML pages: one file per [`Page`], rendered by the theme's templates.

use super::{Build, Content, Output, Plan};
use crate::diag::Diagnostic;
use std::ops::Range;

pub(super) fn make(build: &Build) -> Box<dyn Output> {
    // Language by language: a language's cards are freed before the next
    // language's are made, so only one language's are in memory at a time.
    let mut runs = Vec::new();
    let mut start = 0;
    for run in build.pages.chunk_by(|a, b| a.language() == b.language()) {
        runs.push((start..start + run.len(), run[0].language()));
        start += run.len();
    }
    Box::new(Pages { runs })
}

struct Pages {
    /// Runs of pages of one language (or none: the root picker and 404).
    runs: Vec<(Range<usize>, Option<usize>)>,
}

impl Output for Pages {
    fn name(&self) -> &'static str {
        "pages"
    }

    fn what(&self) -> &'static str {
        "a page"
    }

    fn paths(&self, build: &Build) -> std::sync::Arc<Vec<String>> {
        build.paths.clone()
    }

    fn plan(&self, build: &Build) -> Plan {
        use rayon::prelude::*;
        // The paths are the build's own (shared, and kept by a session
        // while the layout is the same): only fingerprints are made here.
        let fingerprints = build
            .pages
            .par_iter()
            .zip(&build.paths[..])
            .map(|(page, path)| build.renderer.fingerprint(*page, path))
            .collect();
        Plan {
            paths: build.paths.clone(),
            fingerprints,
        }
    }

    fn produce<'b>(&self, build: &'b Build, item: usize) -> Result<Content<'b>, Diagnostic> {
        let html = build
            .renderer
            .render(build.pages[item], &build.paths[item])?;
        Ok(Content::Bytes(html))
    }

    fn runs(&self, _planned: usize) -> Vec<Range<usize>> {
        self.runs.iter().map(|(r, _)| r.clone()).collect()
    }

    fn after_run(&self, build: &mut Build, run: usize) {
        if let Some(li) = self.runs[run].1 {
            build.renderer.release_language(li);
        }
    }
}
