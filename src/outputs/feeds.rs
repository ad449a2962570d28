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
        // What each feed shows, the same in every language: the site's
        // (first), then each locality's.
        let scopes: Vec<Option<usize>> = std::iter::once(None)
            .chain((0..site.localities.len()).map(Some))
            .collect();
        let inputs: Vec<Fingerprint> = scopes
            .par_iter()
            .map(|&locality| {
                let entries = match locality {
                    None => &derived.latest_updates,
                    Some(i) => &derived.updates_by_locality[i],
                };
                let entries = &entries[..entries.len().min(FEED_ENTRIES)];
                build.renderer.feed_inputs(locality, entries)
            })
            .collect();
        self.feeds
            .iter()
            .map(|f| {
                let scope = f.locality.map_or(0, |i| i + 1);
                let fingerprint =
                    (build.renderer).feed_fingerprint(f.language, f.locality, inputs[scope]);
                (feed_path(site, f), fingerprint)
            })
            .collect()
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
