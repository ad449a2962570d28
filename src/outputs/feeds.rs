//! Atom feeds of updates: the site's and each locality's, in every language.

use super::{Build, Content, Output, Plan};
use crate::diag::Diagnostic;
use crate::feeds::{self, FEED_ENTRIES};
use crate::memo::Fingerprint;
use crate::urls;

pub(super) fn make(build: &Build) -> Box<dyn Output> {
    let languages = build.site.config.languages.len();
    let localities = build.site.localities.len();
    let feeds = (0..languages)
        .flat_map(|li| {
            std::iter::once((li, None)).chain((0..localities).map(move |i| (li, Some(i))))
        })
        .map(|(language, locality)| Feed { language, locality })
        .collect();
    Box::new(Feeds { feeds })
}

/// One feed: a language, and a locality or the whole site.
struct Feed {
    language: usize,
    locality: Option<usize>,
}

/// Where the feed `f` goes.
fn feed_path(site: &crate::model::Site, f: &Feed) -> String {
    let lang = &site.config.languages[f.language].code;
    match f.locality {
        None => urls::site_feed(lang),
        Some(i) => urls::locality_feed(lang, &site.localities[i].id),
    }
}

struct Feeds {
    feeds: Vec<Feed>,
}

impl Output for Feeds {
    fn name(&self) -> &'static str {
        "feeds"
    }

    fn what(&self) -> &'static str {
        "an Atom feed"
    }

    fn paths(&self, build: &Build) -> std::sync::Arc<Vec<String>> {
        let site = build.site;
        let paths = self.feeds.iter().map(|f| feed_path(site, f)).collect();
        std::sync::Arc::new(paths)
    }

    fn plan(&self, build: &Build) -> Plan {
        use rayon::prelude::*;
        let (site, derived) = (build.site, build.derived);
        let files: Vec<(String, Fingerprint)> = self
            .feeds
            .par_iter()
            .map(|f| {
                let entries = match f.locality {
                    None => &derived.latest_updates,
                    Some(i) => &derived.updates_by_locality[i],
                };
                let path = feed_path(site, f);
                let entries = &entries[..entries.len().min(FEED_ENTRIES)];
                let fingerprint = build
                    .renderer
                    .feed_fingerprint(f.language, f.locality, entries);
                (path, fingerprint)
            })
            .collect();
        files.into_iter().collect()
    }

    fn produce<'b>(&self, build: &'b Build, item: usize) -> Result<Content<'b>, Diagnostic> {
        let f = &self.feeds[item];
        let xml = feeds::atom(
            build.site,
            build.derived,
            &build.renderer,
            f.language,
            f.locality,
        );
        Ok(Content::Bytes(xml.into_bytes()))
    }
}
