//! The sitemap: every page of every language with its `hreflang`
//! alternates; past the protocol's 50,000 URLs, an index of several files.

use super::{Build, Content, Output, Plan};
use crate::diag::Diagnostic;
use crate::feeds;
use crate::memo::Fingerprinter;
use std::sync::OnceLock;

pub(super) fn make(_build: &Build) -> Box<dyn Output> {
    Box::new(Sitemap {
        files: OnceLock::new(),
    })
}

struct Sitemap {
    /// Every sitemap file, made once when the first is asked for.
    files: OnceLock<Vec<(String, String)>>,
}

impl Output for Sitemap {
    fn name(&self) -> &'static str {
        "sitemap"
    }

    fn what(&self) -> &'static str {
        "the sitemap"
    }

    fn plan(&self, build: &Build) -> Plan {
        // The URLs and alternates come from the pages' paths, the base URL
        // and the languages (site.yaml, in the global fingerprint).
        let fingerprint = Fingerprinter::new()
            .add(&build.global)
            .add(&build.paths_fingerprint)
            .fingerprint();
        let urls = feeds::sitemap_urls(&build.pages);
        feeds::sitemap_files(urls, feeds::SITEMAP_MAX_URLS)
            .into_iter()
            .map(|path| (path, fingerprint))
            .collect()
    }

    fn produce<'b>(&self, build: &'b Build, item: usize) -> Result<Content<'b>, Diagnostic> {
        let files = self
            .files
            .get_or_init(|| feeds::sitemaps(build.site, &build.pages, &build.paths));
        Ok(Content::Bytes(files[item].1.clone().into_bytes()))
    }
}
