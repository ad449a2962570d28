//! The search index of one language: its data, shaped and sharded so that
//! a query loads only the few small files it needs.
//!
//! **Guarantee:** the index of a language holds every commitment of the
//! site, with the terms ([`normalise`](super::normalise)) of the texts its
//! pages show in that language, fallback text included: title, summary,
//! locality and region names, responsible, update notes and topic labels.
//! Every collection is ordered, so the same site gives the same bytes.
//!
//! ## Format
//!
//! A language's index is in `{lang}/search/`, as script files (a browser
//! loads scripts from disk, where it refuses `fetch`). Each file is one call
//! `pledgeboardSearch.add(NAME, DATA);` with the file's name (without
//! `.js`) and its data as JSON. Commitments are numbered in the site's order
//! (locality id, then commitment id) from 0: their *doc numbers*.
//! - `t-XX-YY.js`, a term shard: every term whose first two characters
//!   have the code points `XX` and `YY` (lowercase hexadecimal), as an
//!   object from term to the doc numbers of the commitments that have it,
//!   ascending and delta-encoded (the first number, then differences).
//!   Terms are at least two characters long; an Arabic word is there by
//!   the terms it is looked up by (`normalise::lookup`): without its
//!   article (never with it), in full and without a leading particle, or
//!   whole when partial.
//! - `d-N.js`, the records of docs `N × CHUNK` to `N × CHUNK + CHUNK - 1`
//!   ([`CHUNK`]): an array of `[title, locality, url, progress, status]`,
//!   the url relative to the language's folder, progress -1 when there is
//!   none, status an index into site.yaml's statuses.
//! - `f.js`, the facets of every doc: `{"s": [...], "c": [...], "p": [...]}`,
//!   per doc its status (index into site.yaml's statuses), its country
//!   (index into the countries of the site, by code) and its parties (a
//!   string of characters `0` + index into site.yaml's parties).
//!
//! A query loads the term shards of its words, the records of the results
//! it shows (20 at a time), and `f.js` only when it narrows by a facet.
//!
//! A chunk of [`CHUNK`] docs is made once and kept by its fingerprint (a
//! session's rebuild remakes the chunk of an edited commitment only, from
//! each commitment's terms, also kept); a term shard's fingerprint is made
//! from the chunks' fingerprints of their part of it.

use super::normalise::{lookup, tokens};
use crate::memo::{Fingerprint, Fingerprinter};
use rustc_hash::FxHashMap;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;
use std::hash::Hash;
use std::sync::Arc;

/// How many docs a chunk holds (and a records file): small, since the
/// first results of a rare word may each be in a file of their own (20
/// files of 64 records are about 30 KB gzipped).
pub(crate) const CHUNK: usize = 64;

/// The terms of one commitment in one language: sorted, without repeats.
pub(crate) type DocTerms = Arc<[Box<str>]>;

/// The terms of texts: the terms their tokens are looked up by
/// ([`lookup`]), at least two characters long.
pub(crate) fn doc_terms<'t>(texts: impl IntoIterator<Item = &'t str>) -> DocTerms {
    let mut terms = BTreeSet::new();
    for text in texts {
        for token in tokens(text) {
            for term in lookup(&token).terms().filter(|t| long_enough(t)) {
                if !terms.contains(term) {
                    terms.insert(term.to_owned());
                }
            }
        }
    }
    terms.into_iter().map(String::into_boxed_str).collect()
}

/// Whether a term goes into the index (a query ignores shorter words too).
fn long_enough(term: &str) -> bool {
    term.chars().nth(1).is_some()
}

/// The term shard a term is in: its first two characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct ShardKey(char, char);

impl ShardKey {
    fn of(term: &str) -> ShardKey {
        let mut chars = term.chars();
        let first = chars.next().unwrap_or(' ');
        ShardKey(first, chars.next().unwrap_or(' '))
    }

    /// The file's name, without `.js`: `t-65-63`.
    pub(crate) fn name(self) -> String {
        format!("t-{:x}-{:x}", self.0 as u32, self.1 as u32)
    }
}

/// What a result shows of a commitment, and what narrows it.
#[derive(Clone, Debug, Hash)]
pub(crate) struct Record {
    pub title: String,
    pub locality: String,
    /// Relative to the language's folder.
    pub url: String,
    pub progress: Option<u8>,
    /// Index into site.yaml's statuses.
    pub status: usize,
    /// Index into the site's countries.
    pub country: usize,
    /// Indexes into site.yaml's parties.
    pub parties: Vec<usize>,
}

/// The part of a term shard one chunk holds.
struct ChunkShard {
    fingerprint: Fingerprint,
    /// Terms, sorted, with the chunk's docs that have them (from 0).
    terms: Vec<(Box<str>, Vec<u16>)>,
}

/// [`CHUNK`] docs (fewer in the last chunk) of one language.
pub(crate) struct Chunk {
    shards: Vec<(ShardKey, ChunkShard)>,
    records: Vec<Record>,
    /// A hash of the docs' statuses, countries and parties.
    facets: Fingerprint,
}

impl Chunk {
    /// The chunk of docs whose terms and records are `docs`, in doc order.
    pub(crate) fn new(docs: Vec<(DocTerms, Record)>) -> Chunk {
        let mut by_term: BTreeMap<&str, Vec<u16>> = BTreeMap::new();
        for (i, (terms, _)) in docs.iter().enumerate() {
            for term in terms.iter() {
                by_term.entry(term).or_default().push(i as u16);
            }
        }
        let mut shards: Vec<(ShardKey, ChunkShard)> = Vec::new();
        for (term, list) in by_term {
            let key = ShardKey::of(term);
            if shards.last().is_none_or(|(k, _)| *k != key) {
                let shard = ChunkShard {
                    fingerprint: Fingerprint::default(),
                    terms: Vec::new(),
                };
                shards.push((key, shard));
            }
            if let Some((_, shard)) = shards.last_mut() {
                shard.terms.push((term.into(), list));
            }
        }
        for (_, shard) in &mut shards {
            shard.fingerprint = crate::memo::of(&shard.terms);
        }
        let records: Vec<Record> = docs.into_iter().map(|(_, r)| r).collect();
        let mut h = Fingerprinter::new();
        for r in &records {
            (r.status, r.country, &r.parties).hash(&mut h);
        }
        Chunk {
            shards,
            records,
            facets: h.fingerprint(),
        }
    }
}

/// Every term shard of a language's chunks, with the fingerprint of its
/// content (from the chunks' parts of it), by key.
pub(crate) fn shard_fingerprints(chunks: &[Arc<Chunk>]) -> Vec<(ShardKey, Fingerprint)> {
    let mut shards: FxHashMap<ShardKey, Fingerprinter> = FxHashMap::default();
    for (n, chunk) in chunks.iter().enumerate() {
        for (key, part) in &chunk.shards {
            (n, part.fingerprint).hash(shards.entry(*key).or_default());
        }
    }
    let mut shards: Vec<(ShardKey, Fingerprint)> = shards
        .into_iter()
        .map(|(key, h)| (key, h.fingerprint()))
        .collect();
    shards.sort_unstable_by_key(|(key, _)| *key);
    shards
}

/// A hash of every doc's facets.
pub(crate) fn facets_fingerprint(chunks: &[Arc<Chunk>]) -> Fingerprint {
    let mut h = Fingerprinter::new();
    for chunk in chunks {
        chunk.facets.hash(&mut h);
    }
    h.fingerprint()
}

/// A file of the index: `pledgeboardSearch.add(NAME, DATA);`.
fn file(name: &str, data: &str) -> Vec<u8> {
    format!("pledgeboardSearch.add(\"{name}\",{data});\n").into_bytes()
}

/// A JSON string.
fn json(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

/// The term shard `key` of a language's chunks (`t-XX-YY.js`).
pub(crate) fn terms_file(chunks: &[Arc<Chunk>], key: ShardKey) -> Vec<u8> {
    let mut terms: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (n, chunk) in chunks.iter().enumerate() {
        let Ok(at) = chunk.shards.binary_search_by_key(&key, |(k, _)| *k) else {
            continue;
        };
        for (term, docs) in &chunk.shards[at].1.terms {
            let list = terms.entry(term).or_default();
            list.extend(docs.iter().map(|d| n * CHUNK + usize::from(*d)));
        }
    }
    let mut data = String::from("{");
    for (i, (term, docs)) in terms.iter().enumerate() {
        let sep = if i == 0 { "" } else { "," };
        let _ = write!(data, "{sep}{}:[", json(term));
        let mut last = 0;
        for (j, d) in docs.iter().enumerate() {
            if j > 0 {
                data.push(',');
            }
            push_number(&mut data, d - last);
            last = *d;
        }
        data.push(']');
    }
    data.push('}');
    file(&key.name(), &data)
}

/// Appends `n` in decimal (a shard holds many numbers: faster than `write!`).
fn push_number(s: &mut String, n: usize) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut n = n;
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    digits[at..].iter().for_each(|d| s.push(char::from(*d)));
}

/// The records of chunk `n` (`d-N.js`).
pub(crate) fn records_file(chunk: &Chunk, n: usize) -> Vec<u8> {
    let mut data = String::from("[");
    for (i, r) in chunk.records.iter().enumerate() {
        let sep = if i == 0 { "" } else { "," };
        let progress = r.progress.map_or(-1, i16::from);
        let (title, locality, url) = (json(&r.title), json(&r.locality), json(&r.url));
        let status = r.status;
        let _ = write!(data, "{sep}[{title},{locality},{url},{progress},{status}]");
    }
    data.push(']');
    file(&format!("d-{n}"), &data)
}

/// The facets of every doc (`f.js`).
pub(crate) fn facets_file(chunks: &[Arc<Chunk>]) -> Vec<u8> {
    let records = || chunks.iter().flat_map(|c| &c.records);
    let list = |f: &dyn Fn(&Record) -> String| -> String {
        let items: Vec<String> = records().map(f).collect();
        items.join(",")
    };
    let statuses = list(&|r| r.status.to_string());
    let countries = list(&|r| r.country.to_string());
    let parties = list(&|r| {
        let s: String = r
            .parties
            .iter()
            .filter_map(|p| char::from_u32(0x30 + *p as u32))
            .collect();
        json(&s)
    });
    let data = format!("{{\"s\":[{statuses}],\"c\":[{countries}],\"p\":[{parties}]}}");
    file("f", &data)
}

/// The name of the records file of chunk `n`, without `.js`.
pub(crate) fn records_name(n: usize) -> String {
    format!("d-{n}")
}

/// The name of the facets file, without `.js`.
pub(crate) const FACETS_NAME: &str = "f";

#[cfg(test)]
mod tests {
    use super::*;

    fn record(title: &str) -> Record {
        Record {
            title: title.into(),
            locality: "Saaba".into(),
            url: "localities/saaba/x/index.html".into(),
            progress: Some(40),
            status: 1,
            country: 0,
            parties: vec![0, 2],
        }
    }

    fn chunk_of(titles: &[&str]) -> Arc<Chunk> {
        let docs = titles
            .iter()
            .map(|t| (doc_terms([*t]), record(t)))
            .collect();
        Arc::new(Chunk::new(docs))
    }

    #[test]
    fn a_term_shard_lists_its_terms_with_delta_encoded_docs_across_chunks() {
        let mut titles = vec!["autre"; CHUNK + 2];
        titles[3] = "Éclairage du marché";
        titles[CHUNK + 1] = "éclairage public";
        let first = chunk_of(&titles[..CHUNK]);
        let second = chunk_of(&titles[CHUNK..]);
        let key = ShardKey::of("ec");
        let text = String::from_utf8(terms_file(&[first, second], key)).unwrap();
        let expected = format!(
            "pledgeboardSearch.add(\"t-65-63\",{{\"eclairage\":[3,{}]}});\n",
            CHUNK + 1 - 3
        );
        assert_eq!(text, expected);
    }

    #[test]
    fn arabic_words_are_indexed_without_the_article() {
        let terms = doc_terms(["إنارة طريق السوق", "الإنارة"]);
        let terms: Vec<&str> = terms.iter().map(|t| &**t).collect();
        assert_eq!(terms, ["اناره", "سوق", "طريق"]);
    }

    #[test]
    fn records_and_facets_are_json_in_a_call() {
        let chunk = chunk_of(&["Say \"hi\""]);
        let records = String::from_utf8(records_file(&chunk, 0)).unwrap();
        assert_eq!(
            records,
            "pledgeboardSearch.add(\"d-0\",[[\"Say \\\"hi\\\"\",\"Saaba\",\"localities/saaba/x/index.html\",40,1]]);\n"
        );
        let facets = String::from_utf8(facets_file(&[chunk])).unwrap();
        assert_eq!(
            facets,
            "pledgeboardSearch.add(\"f\",{\"s\":[1],\"c\":[0],\"p\":[\"02\"]});\n"
        );
    }
}
