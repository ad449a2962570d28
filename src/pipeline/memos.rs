//! The memos of the stages: what a build may reuse from the builds before
//! it, each a [`Memo`] keyed by the fingerprint of its inputs. A session
//! owns one set and keeps it between rebuilds; a one-shot build passes
//! [`Memos::off`], which keeps nothing.

use crate::derive::Coverage;
use crate::export;
use crate::memo::{Fingerprint, Memo, Uses};
use crate::model::Site;
use crate::outputs::StaticFingerprints;
use crate::search::index::{CHUNK, Chunk, DocTerms};
use crate::validate;
use std::sync::Arc;

/// The memos of every stage that reuses work.
pub struct Memos {
    keeps: bool,
    /// Commitments as checked (validate).
    pub checked: Memo<validate::Checked>,
    /// Interface strings and the templates compiled for them.
    pub strings: Memo<super::Compiled>,
    /// Each commitment's translation coverage.
    pub coverage: Memo<Arc<[Coverage]>>,
    /// Each commitment's serialised open-data record.
    pub(crate) records: Memo<export::Item>,
    /// Each locality's row of `localities.csv`.
    pub locality_rows: Memo<export::LocalityRow>,
    /// Each list card's HTML, per language.
    pub cards: Memo<Arc<str>>,
    /// The pages' output paths and their fingerprint, by layout.
    pub page_paths: Memo<(Arc<Vec<String>>, Fingerprint)>,
    /// The static files' fingerprints, by their stamp.
    pub(crate) statics: StaticFingerprints,
    /// Each locality's calendar events, per language.
    pub calendars: Memo<Arc<str>>,
    /// Each commitment's search terms, per language.
    pub(crate) search_terms: Memo<DocTerms>,
    /// The search index's chunks of commitments, per language.
    pub(crate) search_chunks: Memo<Arc<Chunk>>,
}

impl Memos {
    /// Memos that keep what they make, for a session.
    pub fn new() -> Memos {
        Memos {
            keeps: true,
            checked: Memo::new(),
            strings: Memo::new(),
            coverage: Memo::new(),
            records: Memo::new(),
            locality_rows: Memo::new(),
            cards: Memo::new(),
            page_paths: Memo::new(),
            statics: StaticFingerprints::new(),
            calendars: Memo::new(),
            search_terms: Memo::new(),
            search_chunks: Memo::new(),
        }
    }

    /// Memos that keep nothing, for a one-shot build.
    pub fn off() -> Memos {
        Memos {
            keeps: false,
            checked: Memo::off(),
            strings: Memo::off(),
            coverage: Memo::off(),
            records: Memo::off(),
            locality_rows: Memo::off(),
            cards: Memo::off(),
            page_paths: Memo::off(),
            statics: StaticFingerprints::off(),
            calendars: Memo::off(),
            search_terms: Memo::off(),
            search_chunks: Memo::off(),
        }
    }

    /// Whether values are kept for a later build.
    pub fn keeps(&self) -> bool {
        self.keeps
    }

    /// Ends a build: each memo takes in what the build made and, when it
    /// has grown past twice what the site needs (`live`), drops what the
    /// build did not use. Returns how each memo served the build.
    pub fn finish_build(&mut self, live: Live) -> MemoUses {
        let Live {
            commitments,
            languages,
            localities,
        } = live;
        MemoUses {
            checked: self.checked.finish_build(commitments),
            strings: self.strings.finish_build(1),
            coverage: self.coverage.finish_build(commitments),
            records: self.records.finish_build(commitments),
            locality_rows: self.locality_rows.finish_build(localities),
            cards: self.cards.finish_build(commitments * languages),
            page_paths: self.page_paths.finish_build(1),
            calendars: self.calendars.finish_build(localities * languages),
            search_terms: self.search_terms.finish_build(commitments * languages),
            search_chunks: self
                .search_chunks
                .finish_build(commitments.div_ceil(CHUNK) * languages),
        }
    }
}

impl Default for Memos {
    fn default() -> Memos {
        Memos::new()
    }
}

/// How many values of each memo a site needs.
#[derive(Clone, Copy, Debug, Default)]
pub struct Live {
    pub commitments: usize,
    pub languages: usize,
    pub localities: usize,
}

impl Live {
    pub fn of(site: &Site) -> Live {
        Live {
            commitments: site.crefs().count(),
            languages: site.config.languages.len(),
            localities: site.localities.len(),
        }
    }
}

/// How each memo served one build (see [`Memos::finish_build`]).
#[derive(Clone, Copy, Debug, Default)]
pub struct MemoUses {
    pub checked: Uses,
    pub strings: Uses,
    pub coverage: Uses,
    pub records: Uses,
    pub locality_rows: Uses,
    pub cards: Uses,
    pub page_paths: Uses,
    pub calendars: Uses,
    pub search_terms: Uses,
    pub search_chunks: Uses,
}
