//! Open data: the whole dataset as `data/commitments.json` and
//! `data/commitments.csv`, one record per commitment.
//!
//! The record format is documented in the README ("Open data"). Text fields
//! are maps from language code to text (the default language always
//! present); the CSV flattens them into one column per language.

use crate::derive::Derived;
use crate::memo::{Fingerprint, Fingerprinter, Memo};
use crate::model::{CRef, Site, Text};
use crate::urls;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::Arc;

#[derive(Debug, Serialize)]
pub struct UpdateRecord {
    pub date: String,
    pub status: String,
    pub progress: Option<u8>,
    pub note: Option<BTreeMap<String, String>>,
    pub assessed_by: Option<&'static str>,
    pub sources: Vec<String>,
}

/// One commitment as published in the open data.
#[derive(Debug, Serialize)]
pub struct Record {
    pub key: String,
    pub locality: String,
    pub locality_name: BTreeMap<String, String>,
    pub country: String,
    pub id: String,
    pub title: BTreeMap<String, String>,
    pub summary: Option<BTreeMap<String, String>>,
    pub pledged_by: Vec<String>,
    pub agreed: String,
    pub due: Option<String>,
    pub status: String,
    pub progress: Option<u8>,
    pub topics: Vec<String>,
    pub responsible: Option<BTreeMap<String, String>>,
    pub overdue: bool,
    pub updates: Vec<UpdateRecord>,
    pub url: BTreeMap<String, String>,
    /// The Markdown description, per language.
    pub body: BTreeMap<String, String>,
}

/// A text as a map from language code to text, default language included.
fn text_map(site: &Site, t: &Text) -> BTreeMap<String, String> {
    let mut m = t.translations.clone();
    m.insert(site.config.default_language.clone(), t.default.clone());
    m
}

/// The export record of one commitment.
pub fn record(site: &Site, derived: &Derived, r: CRef) -> Record {
    let c = site.commitment(r);
    let loc = site.locality_of(r);
    Record {
        key: c.key(),
        locality: loc.id.clone(),
        locality_name: text_map(site, &loc.name),
        country: loc.country.clone(),
        id: c.id.clone(),
        title: text_map(site, &c.title),
        summary: c.summary.as_ref().map(|t| text_map(site, t)),
        pledged_by: c.pledged_by.clone(),
        agreed: c.agreed.to_string(),
        due: c.due.map(|d| d.to_string()),
        status: c.status.clone(),
        progress: c.progress,
        topics: c.topics.clone(),
        responsible: c.responsible.as_ref().map(|t| text_map(site, t)),
        overdue: derived.is_overdue(r),
        updates: c
            .updates
            .iter()
            .map(|u| UpdateRecord {
                date: u.date.to_string(),
                status: u.status.clone(),
                progress: u.progress,
                note: u.note.as_ref().map(|t| text_map(site, t)),
                assessed_by: u.assessed_by.map(|a| a.as_str()),
                sources: u.sources.clone(),
            })
            .collect(),
        url: site
            .config
            .languages
            .iter()
            .map(|l| {
                let path = urls::commitment(&l.code, &c.locality, &c.id);
                (l.code.clone(), urls::absolute(&site.config.base_url, &path))
            })
            .collect(),
        body: text_map(site, &c.body),
    }
}

/// Every commitment as an export record, in key order.
pub fn records(site: &Site, derived: &Derived) -> Vec<Record> {
    site.crefs().map(|r| record(site, derived, r)).collect()
}

/// The languages of the CSV columns: all, the default one, and the others.
fn csv_languages(site: &Site) -> (Vec<&str>, &str, Vec<&str>) {
    let langs: Vec<&str> = site
        .config
        .languages
        .iter()
        .map(|l| l.code.as_str())
        .collect();
    let default = site.config.default_language.as_str();
    let others: Vec<&str> = langs.iter().copied().filter(|l| *l != default).collect();
    (langs, default, others)
}

fn csv_writer() -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new())
}

fn csv_header(site: &Site) -> Vec<u8> {
    let (langs, _, others) = csv_languages(site);
    let mut header: Vec<String> = ["key", "locality", "country", "id"]
        .map(String::from)
        .to_vec();
    let text_cols = |name: &str, header: &mut Vec<String>| {
        header.push(name.to_owned());
        for l in &others {
            header.push(format!("{name}.{l}"));
        }
    };
    text_cols("locality_name", &mut header);
    text_cols("title", &mut header);
    text_cols("summary", &mut header);
    header.extend(
        [
            "pledged_by",
            "agreed",
            "due",
            "status",
            "progress",
            "topics",
        ]
        .map(String::from),
    );
    text_cols("responsible", &mut header);
    header.extend(["overdue", "updates_count", "last_update"].map(String::from));
    for l in &langs {
        header.push(format!("url.{l}"));
    }
    header.push("updates".into());

    let mut w = csv_writer();
    let _ = w.write_record(&header);
    w.into_inner().unwrap_or_default()
}

/// One CSV row (with its line end) for a record.
fn csv_row(site: &Site, r: &Record) -> Vec<u8> {
    let (langs, default, others) = csv_languages(site);
    let mut row: Vec<String> = vec![
        r.key.clone(),
        r.locality.clone(),
        r.country.clone(),
        r.id.clone(),
    ];
    let text = |m: Option<&BTreeMap<String, String>>, row: &mut Vec<String>| {
        row.push(m.and_then(|m| m.get(default)).cloned().unwrap_or_default());
        for l in &others {
            row.push(m.and_then(|m| m.get(*l)).cloned().unwrap_or_default());
        }
    };
    text(Some(&r.locality_name), &mut row);
    text(Some(&r.title), &mut row);
    text(r.summary.as_ref(), &mut row);
    row.push(r.pledged_by.join(";"));
    row.push(r.agreed.clone());
    row.push(r.due.clone().unwrap_or_default());
    row.push(r.status.clone());
    row.push(r.progress.map(|p| p.to_string()).unwrap_or_default());
    row.push(r.topics.join(";"));
    text(r.responsible.as_ref(), &mut row);
    row.push(r.overdue.to_string());
    row.push(r.updates.len().to_string());
    row.push(r.updates.last().map(|u| u.date.clone()).unwrap_or_default());
    for l in &langs {
        row.push(r.url.get(*l).cloned().unwrap_or_default());
    }
    row.push(serde_json::to_string(&r.updates).unwrap_or_default());
    let mut w = csv_writer();
    let _ = w.write_record(&row);
    w.into_inner().unwrap_or_default()
}

/// One record as an item of the JSON array: on one line, so that the file
/// has one line per commitment (a diff shows which commitments changed).
fn json_item(r: &Record) -> String {
    serde_json::to_string(r).unwrap_or_else(|_| "null".into())
}

/// A commitment's record serialised: its JSON array item and its CSV row.
fn item(site: &Site, derived: &Derived, r: CRef) -> (String, Vec<u8>) {
    let rec = record(site, derived, r);
    (json_item(&rec), csv_row(site, &rec))
}

/// How many records a one-shot build serialises (in parallel) before
/// writing them: enough to keep every core busy, few enough that the
/// dataset is never all in memory.
const STREAM_CHUNK: usize = 1024;

/// Which open-data file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// `data/commitments.json`
    Json,
    /// `data/commitments.csv`
    Csv,
}

/// Writes one open-data file straight from the site, a chunk of records at
/// a time, keeping nothing: what a one-shot build does. The bytes are those
/// of [`Files`] for the same site.
pub fn stream(
    site: &Site,
    derived: &Derived,
    format: Format,
    w: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let crefs: Vec<CRef> = site.crefs().collect();
    let mut out = Writer::begin(format, &csv_header(site), w)?;
    for chunk in crefs.chunks(STREAM_CHUNK) {
        let items: Vec<Vec<u8>> = chunk
            .par_iter()
            .map(|&r| {
                let rec = record(site, derived, r);
                match format {
                    Format::Json => json_item(&rec).into_bytes(),
                    Format::Csv => csv_row(site, &rec),
                }
            })
            .collect();
        for item in &items {
            out.push(item)?;
        }
    }
    out.finish()
}

/// One open-data file being written, record by record.
struct Writer<'w> {
    format: Format,
    w: &'w mut dyn std::io::Write,
    first: bool,
}

impl<'w> Writer<'w> {
    fn begin(
        format: Format,
        csv_header: &[u8],
        w: &'w mut dyn std::io::Write,
    ) -> std::io::Result<Writer<'w>> {
        match format {
            Format::Json => w.write_all(b"[")?,
            Format::Csv => {
                w.write_all(b"\xEF\xBB\xBF")?;
                w.write_all(csv_header)?;
            }
        }
        Ok(Writer {
            format,
            w,
            first: true,
        })
    }

    /// Adds one record: its JSON array item or its CSV row.
    fn push(&mut self, item: &[u8]) -> std::io::Result<()> {
        if self.format == Format::Json {
            self.w.write_all(if self.first { b"\n" } else { b",\n" })?;
        }
        self.first = false;
        self.w.write_all(item)
    }

    fn finish(self) -> std::io::Result<()> {
        match self.format {
            Format::Json => self.w.write_all(if self.first { b"]\n" } else { b"\n]\n" }),
            Format::Csv => Ok(()),
        }
    }
}

/// A record serialised: its JSON array item and its CSV row.
pub type Item = Arc<(String, Vec<u8>)>;

/// `data/commitments.json` and `data/commitments.csv`. `global` changes
/// whenever site.yaml does (languages, base URL, default language).
///
/// The JSON file is an array of records, one record a line. The CSV file has
/// one row per commitment, UTF-8 with a byte-order mark and CRLF line ends so
/// spreadsheet programs open it correctly; lists of ids are separated by
/// `;`, and the full update history is in the `updates` column as JSON.
/// Each record is made once per fingerprint of its inputs and kept by
/// `records` (a session's rebuild serialises only what changed).
pub fn files(site: &Site, derived: &Derived, global: Fingerprint, records: &Memo<Item>) -> Files {
    let crefs: Vec<CRef> = site.crefs().collect();
    let items: Vec<Item> = crefs
        .par_iter()
        .map(|&r| {
            let key = Fingerprinter::new()
                .add(&global)
                .add(&site.commitment(r).fingerprint)
                .add(&site.locality_of(r).fingerprint)
                .add(&derived.is_overdue(r))
                .fingerprint();
            records.get_or_make(key, || Arc::new(item(site, derived, r)))
        })
        .collect();
    Files {
        csv_header: csv_header(site),
        items,
    }
}

/// The two open-data files, kept as the serialised records they are made
/// of and written straight to disk: the whole file is never held in memory
/// a second time (it is hundreds of megabytes for a national programme).
pub struct Files {
    csv_header: Vec<u8>,
    items: Vec<Item>,
}

impl Files {
    /// Writes one of the two files.
    pub fn write(&self, format: Format, w: &mut dyn std::io::Write) -> std::io::Result<()> {
        let mut out = Writer::begin(format, &self.csv_header, w)?;
        for item in &self.items {
            match format {
                Format::Json => out.push(item.0.as_bytes())?,
                Format::Csv => out.push(&item.1)?,
            }
        }
        out.finish()
    }

    /// Both files in memory, for tests.
    pub fn to_bytes(&self) -> (Vec<u8>, Vec<u8>) {
        let mut json = Vec::new();
        let mut csv = Vec::new();
        let _ = self.write(Format::Json, &mut json);
        let _ = self.write(Format::Csv, &mut csv);
        (json, csv)
    }
}
