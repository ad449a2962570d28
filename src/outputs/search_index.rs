//! The search index of every language (`{lang}/search/*.js`; the format is
//! `search::index`'s): term shards, records and facets, each file planned
//! with the fingerprint of its own part of the index, so that an edit
//! rewrites only the shards and records it changed.

use super::{Build, Content, Output, Plan};
use crate::diag::Diagnostic;
use crate::memo::{Fingerprint, Fingerprinter};
use crate::model::CRef;
use crate::search::index::{self, CHUNK, Chunk, DocTerms, Record, ShardKey};
use crate::urls;
use rayon::prelude::*;
use std::hash::Hash;
use std::sync::{Arc, OnceLock};

pub(super) fn make(_build: &Build) -> Box<dyn Output> {
    Box::new(SearchIndex {
        made: OnceLock::new(),
    })
}

struct SearchIndex {
    /// Each language's chunks and the files they make, made when first planned.
    made: OnceLock<Made>,
}

struct Made {
    chunks: Vec<Vec<Arc<Chunk>>>,
    /// Every file, in plan order: its language, what it is, its fingerprint.
    files: Vec<(usize, File, Fingerprint)>,
}

/// One file of a language's index.
#[derive(Clone, Copy)]
enum File {
    Facets,
    Records(usize),
    Terms(ShardKey),
}

impl File {
    fn name(self) -> String {
        match self {
            File::Facets => index::FACETS_NAME.to_owned(),
            File::Records(n) => index::records_name(n),
            File::Terms(key) => key.name(),
        }
    }
}

impl SearchIndex {
    fn made(&self, build: &Build) -> &Made {
        self.made.get_or_init(|| {
            let crefs: Vec<CRef> = build.site.crefs().collect();
            let languages = build.site.config.languages.len();
            let (keys, chunks): (Vec<Vec<Fingerprint>>, Vec<Vec<Arc<Chunk>>>) = (0..languages)
                .into_par_iter()
                .map(|li| chunks(build, li, &crefs).into_iter().unzip())
                .unzip();
            let files = (0..languages)
                .flat_map(|li| files(build, li, &keys[li], &chunks[li]))
                .collect();
            Made { chunks, files }
        })
    }
}

/// What the docs' records point into besides the site's statuses and
/// parties (which the site-wide fingerprint covers): the countries.
fn vocabulary(build: &Build) -> Fingerprint {
    let mut h = Fingerprinter::new();
    for (code, _) in &build.derived.by_country {
        code.hash(&mut h);
    }
    h.fingerprint()
}

/// The chunks of language `li`, each kept by the fingerprint of its docs
/// (returned with it).
fn chunks(build: &Build, li: usize, crefs: &[CRef]) -> Vec<(Fingerprint, Arc<Chunk>)> {
    let vocabulary = vocabulary(build);
    crefs
        .par_chunks(CHUNK)
        .enumerate()
        .map(|(n, docs)| {
            let mut h = Fingerprinter::new();
            ("search chunk", build.global, li, n, vocabulary).hash(&mut h);
            for r in docs {
                doc_key(build, *r).hash(&mut h);
            }
            let key = h.fingerprint();
            let chunk = build.memos.search_chunks.get_or_make(key, || {
                let docs = docs
                    .iter()
                    .map(|r| (doc_terms(build, li, *r), record(build, li, *r)))
                    .collect();
                Arc::new(Chunk::new(docs))
            });
            (key, chunk)
        })
        .collect()
}

/// What a doc is made from besides the site-wide inputs: its files and its locality's.
fn doc_key(build: &Build, r: CRef) -> (Fingerprint, Fingerprint) {
    let locality = build.site.locality_of(r);
    (build.site.commitment(r).fingerprint, locality.fingerprint)
}

/// The terms of commitment `r` in language `li`: the texts its page shows there.
fn doc_terms(build: &Build, li: usize, r: CRef) -> DocTerms {
    let key = crate::memo::of(&("search terms", build.global, li, doc_key(build, r)));
    build.memos.search_terms.get_or_make(key, || {
        let code = &build.site.config.languages[li].code;
        let c = build.site.commitment(r);
        let loc = build.site.locality_of(r);
        let topics: Vec<String> = c
            .topics
            .iter()
            .map(|t| build.renderer.topic_label(li, t))
            .collect();
        let texts = [Some(&c.title), c.summary.as_ref(), c.responsible.as_ref()]
            .into_iter()
            .chain([Some(&loc.name), loc.region.as_ref()])
            .chain(c.updates.iter().map(|u| u.note.as_ref()))
            .flatten()
            .map(|t| t.get(code).0);
        index::doc_terms(texts.chain(topics.iter().map(String::as_str)))
    })
}

/// What a result shows of commitment `r` in language `li`.
fn record(build: &Build, li: usize, r: CRef) -> Record {
    let (site, config) = (build.site, &build.site.config);
    let code = &config.languages[li].code;
    let c = site.commitment(r);
    let loc = site.locality_of(r);
    let page = urls::commitment(code, &loc.id, &c.id);
    let position = |id: &str| config.statuses.iter().position(|s| s.id == id);
    Record {
        title: c.title.get(code).0.to_owned(),
        locality: loc.name.get(code).0.to_owned(),
        url: page[code.len() + 1..].to_owned(),
        progress: c.progress,
        status: position(&c.status).unwrap_or_default(),
        country: (build.derived.by_country)
            .binary_search_by(|(k, _)| k.as_str().cmp(&loc.country))
            .unwrap_or_default(),
        parties: c
            .pledged_by
            .iter()
            .filter_map(|p| config.parties.iter().position(|d| d.id == *p))
            .collect(),
    }
}

/// The files of language `li`'s index, with their fingerprints.
fn files(
    build: &Build,
    li: usize,
    keys: &[Fingerprint],
    chunks: &[Arc<Chunk>],
) -> Vec<(usize, File, Fingerprint)> {
    let site = (build.global, li);
    let facets = crate::memo::of(&(site, index::facets_fingerprint(chunks)));
    let records = (keys.iter().enumerate())
        .map(|(n, key)| (li, File::Records(n), crate::memo::of(&(site, n, key))));
    let terms = index::shard_fingerprints(chunks)
        .into_iter()
        .map(|(key, fp)| (li, File::Terms(key), crate::memo::of(&(site, fp))));
    std::iter::once((li, File::Facets, facets))
        .chain(records)
        .chain(terms)
        .collect()
}

impl Output for SearchIndex {
    fn name(&self) -> &'static str {
        "search index"
    }

    fn what(&self) -> &'static str {
        "a file of the search index"
    }

    fn plan(&self, build: &Build) -> Plan {
        let languages = &build.site.config.languages;
        self.made(build)
            .files
            .iter()
            .map(|(li, file, fp)| (urls::search_file(&languages[*li].code, &file.name()), *fp))
            .collect()
    }

    fn produce<'b>(&self, build: &'b Build, item: usize) -> Result<Content<'b>, Diagnostic> {
        let made = self.made(build);
        let (li, file, _) = made.files[item];
        let chunks = &made.chunks[li];
        Ok(Content::Bytes(match file {
            File::Facets => index::facets_file(chunks),
            File::Records(n) => index::records_file(&chunks[n], n),
            File::Terms(key) => index::terms_file(chunks, key),
        }))
    }
}
