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
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::Arc;

/// An update as published in the open data.
#[derive(Debug, Serialize)]
pub(crate) struct UpdateRecord<'s> {
    pub date: String,
    /// The review it assesses, when the content names one (`review:`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review: Option<String>,
    pub status: &'s str,
    pub progress: Option<u8>,
    pub note: Option<TextMap<'s>>,
    pub assessed_by: Option<&'static str>,
    /// Each the address alone, or `{ url, title }` when the content titles it.
    pub sources: &'s [crate::model::Source],
}

/// A text by language code, the default language included.
pub(crate) type TextMap<'s> = BTreeMap<&'s str, &'s str>;

/// One commitment as published in the open data. It borrows from the site
/// what it publishes as it is: made for every commitment of every build,
/// it copies no text.
#[derive(Debug, Serialize)]
pub(crate) struct Record<'s> {
    pub key: String,
    pub locality: &'s str,
    pub locality_name: TextMap<'s>,
    pub country: &'s str,
    /// The locality's `[latitude, longitude]`, when the content gives them.
    pub coordinates: Option<[f64; 2]>,
    pub id: &'s str,
    pub title: TextMap<'s>,
    pub summary: Option<TextMap<'s>>,
    pub pledged_by: &'s [String],
    pub agreed: String,
    pub due: Option<String>,
    pub status: &'s str,
    pub progress: Option<u8>,
    pub topics: &'s [String],
    pub responsible: Option<TextMap<'s>>,
    pub overdue: bool,
    pub updates: Vec<UpdateRecord<'s>>,
    pub url: BTreeMap<&'s str, String>,
    /// The Markdown description, per language.
    pub body: TextMap<'s>,
}

/// A text as a map from language code to text, default language included
/// (and no language left out of the build, see `Config::left_out`).
fn text_map<'s>(site: &'s Site, t: &'s Text) -> TextMap<'s> {
    let left_out = &site.config.left_out;
    let mut m: TextMap<'s> = t
        .translations
        .iter()
        .filter(|(l, _)| left_out.is_empty() || !left_out.iter().any(|o| o.code == **l))
        .map(|(l, s)| (l.as_str(), s.as_str()))
        .collect();
    m.insert(&site.config.default_language, &t.default);
    m
}

/// The export record of one commitment.
pub(crate) fn record<'s>(site: &'s Site, derived: &Derived, r: CRef) -> Record<'s> {
    let c = site.commitment(r);
    let loc = site.locality_of(r);
    Record {
        key: c.key(),
        locality: &loc.id,
        locality_name: text_map(site, &loc.name),
        country: &loc.country,
        coordinates: loc.coordinates.map(|(lat, lon)| [lat, lon]),
        id: &c.id,
        title: text_map(site, &c.title),
        summary: c.summary.as_ref().map(|t| text_map(site, t)),
        pledged_by: &c.pledged_by,
        agreed: c.agreed.to_string(),
        due: c.due.map(|d| d.to_string()),
        status: &c.status,
        progress: c.progress,
        topics: &c.topics,
        responsible: c.responsible.as_ref().map(|t| text_map(site, t)),
        overdue: derived.is_overdue(r),
        updates: c
            .updates
            .iter()
            .map(|u| UpdateRecord {
                date: u.date.to_string(),
                review: u.review.map(|d| d.to_string()),
                status: &u.status,
                progress: u.progress,
                note: u.note.as_ref().map(|t| text_map(site, t)),
                assessed_by: u.assessed_by.map(|a| a.as_str()),
                sources: &u.sources,
            })
            .collect(),
        url: site
            .config
            .languages
            .iter()
            .map(|l| {
                let path = urls::commitment(&l.code, &c.locality, &c.id);
                (
                    l.code.as_str(),
                    urls::absolute(&site.config.base_url, &path),
                )
            })
            .collect(),
        body: text_map(site, &c.body),
    }
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

/// The first characters that make a spreadsheet program read a cell as a
/// formula (OWASP, "CSV Injection"): `=`, `+`, `-`, `@`, tab and carriage
/// return.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// One CSV line: the fields separated by commas, ended by CRLF. A field is
/// quoted (its quotes doubled) when it holds a comma, a quote or a line end,
/// as the `csv` crate does; a field that starts with one of
/// [`FORMULA_STARTS`] is neutralised as OWASP advises: written with a `'`
/// before it, and quoted, so that a spreadsheet shows it as text. (The `csv`
/// crate cannot quote one field and not the others, hence this function.)
/// A field that is a plain decimal number (a longitude west of Greenwich,
/// `-1.4203`) is no formula and is written as it is.
fn csv_line<'f>(fields: impl IntoIterator<Item = &'f str>) -> Vec<u8> {
    let mut out = Vec::new();
    for (i, field) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        let formula = field.starts_with(FORMULA_STARTS) && !is_decimal(field);
        if formula || field.contains([',', '"', '\r', '\n']) {
            out.push(b'"');
            if formula {
                out.push(b'\'');
            }
            for part in field.split_inclusive('"') {
                out.extend_from_slice(part.as_bytes());
                if part.ends_with('"') {
                    out.push(b'"');
                }
            }
            out.push(b'"');
        } else {
            out.extend_from_slice(field.as_bytes());
        }
    }
    out.extend_from_slice(b"\r\n");
    out
}

/// Whether `field` is a decimal number as Rust writes an `f64`: an
/// optional minus sign, digits, and optionally a point and digits.
fn is_decimal(field: &str) -> bool {
    let digits = field.strip_prefix('-').unwrap_or(field);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
    [whole, fraction]
        .iter()
        .all(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
}

fn csv_header(site: &Site) -> Vec<u8> {
    let (langs, _, others) = csv_languages(site);
    let mut header: Vec<String> = ["key", "locality", "country", "latitude", "longitude", "id"]
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
    csv_line(header.iter().map(String::as_str))
}

/// One CSV row (with its line end) for a record.
fn csv_row<'r>(site: &Site, r: &'r Record) -> Vec<u8> {
    let (langs, default, others) = csv_languages(site);
    let mut row: Vec<Cow<'r, str>> = vec![
        r.key.as_str().into(),
        r.locality.into(),
        r.country.into(),
        r.coordinates
            .map(|c| c[0].to_string())
            .unwrap_or_default()
            .into(),
        r.coordinates
            .map(|c| c[1].to_string())
            .unwrap_or_default()
            .into(),
        r.id.into(),
    ];
    let text = |m: Option<&'r TextMap>, row: &mut Vec<Cow<'r, str>>| {
        for l in std::iter::once(&default).chain(&others) {
            row.push(
                m.and_then(|m| m.get(*l))
                    .copied()
                    .unwrap_or_default()
                    .into(),
            );
        }
    };
    text(Some(&r.locality_name), &mut row);
    text(Some(&r.title), &mut row);
    text(r.summary.as_ref(), &mut row);
    row.push(r.pledged_by.join(";").into());
    row.push(r.agreed.as_str().into());
    row.push(r.due.as_deref().unwrap_or_default().into());
    row.push(r.status.into());
    row.push(r.progress.map(|p| p.to_string()).unwrap_or_default().into());
    row.push(r.topics.join(";").into());
    text(r.responsible.as_ref(), &mut row);
    row.push(r.overdue.to_string().into());
    row.push(r.updates.len().to_string().into());
    row.push(r.updates.last().map_or("", |u| u.date.as_str()).into());
    for l in &langs {
        row.push(r.url.get(*l).map_or("", String::as_str).into());
    }
    row.push(serde_json::to_string(&r.updates).unwrap_or_default().into());
    csv_line(row.iter().map(|c| &**c))
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
pub(crate) enum Format {
    /// `data/commitments.json`
    Json,
    /// `data/commitments.csv`
    Csv,
}

/// Writes one open-data file straight from the site, a chunk of records at
/// a time, keeping nothing: what a one-shot build does. The bytes are those
/// of [`Files`] for the same site.
pub(crate) fn stream(
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
pub(crate) type Item = Arc<(String, Vec<u8>)>;

/// `data/commitments.json` and `data/commitments.csv`. `global` changes
/// whenever site.yaml does (languages, base URL, default language).
///
/// The JSON file is an array of records, one record a line. The CSV file has
/// one row per commitment, UTF-8 with a byte-order mark and CRLF line ends so
/// spreadsheet programs open it correctly; lists of ids are separated by
/// `;`, and the full update history is in the `updates` column as JSON.
/// Each record is made once per fingerprint of its inputs and kept by
/// `records` (a session's rebuild serialises only what changed).
pub(crate) fn files(
    site: &Site,
    derived: &Derived,
    global: Fingerprint,
    records: &Memo<Item>,
) -> Files {
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
pub(crate) struct Files {
    csv_header: Vec<u8>,
    items: Vec<Item>,
}

impl Files {
    /// Writes one of the two files.
    pub(crate) fn write(&self, format: Format, w: &mut dyn std::io::Write) -> std::io::Result<()> {
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
    #[cfg(test)]
    pub(crate) fn to_bytes(&self) -> (Vec<u8>, Vec<u8>) {
        let mut json = Vec::new();
        let mut csv = Vec::new();
        let _ = self.write(Format::Json, &mut json);
        let _ = self.write(Format::Csv, &mut csv);
        (json, csv)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::derive::derive;
    use crate::parse::testing::{SITE_YAML, site};
    use serde_json::{Value, json};

    const BOM: &[u8] = b"\xEF\xBB\xBF";
    /// A title CSV must quote (comma, quotes) and JSON must escape, kept exactly.
    const TITLE: &str = "Night \"patrols\", <b>&</b>; ليلاً 🚓";
    const BODY: &str = "First line.\n\n* a \"quoted\" item\n";

    /// Saaba (named in French too) with two commitments: `alarm`, due
    /// 2024-07-31 and in progress; `patrols`, translated into French, two
    /// updates, stalled since 2018-02-01 and overdue since 2018-01-31.
    fn saaba(site_yaml: &str) -> Site {
        let patrols = format!(
            "---\ntitle: '{TITLE}'\nsummary: Weekly patrols.\npledged_by: [police, community]\nagreed: 2017-05-20\ndue: 2018-01-31\ntopics: [theft, patrols]\nresponsible: {{ en: The chief, fr: Le chef }}\nupdates:\n  - {{ date: 2017-09-01, status: in-progress, progress: 30, note: Weekly. }}\n  - {{ date: 2018-02-01, status: stalled }}\n---\n{BODY}"
        );
        site(
            site_yaml,
            &[
                (
                    "localities/saaba/_index.md",
                    "---\nname: Saaba\ncountry: BF\n---\nA town.\n",
                ),
                (
                    "localities/saaba/_index.fr.md",
                    "---\nname: Saaba (Kadiogo)\n---\n",
                ),
                (
                    "localities/saaba/alarm.md",
                    "---\ntitle: Alarm\npledged_by: [community]\nagreed: 2017-05-20\ndue: 2024-07-31\nstatus: in-progress\n---\n",
                ),
                ("localities/saaba/patrols.md", &patrols),
                (
                    "localities/saaba/patrols.fr.md",
                    "---\ntitle: Patrouilles de nuit\nupdates:\n  - { date: 2017-09-01, note: Chaque semaine. }\n---\n",
                ),
            ],
        )
    }

    /// One file as a one-shot build writes it.
    fn streamed(site: &Site, format: Format) -> Vec<u8> {
        let mut out = Vec::new();
        stream(site, &derive(site), format, &mut out).expect("written to memory");
        out
    }

    /// Both files (JSON, CSV) as a session writes them, records kept in `memo`.
    fn kept(site: &Site, memo: &Memo<Item>) -> (Vec<u8>, Vec<u8>) {
        files(site, &derive(site), Fingerprint(0), memo).to_bytes()
    }

    /// The CSV's text after its byte-order mark, which it must start with.
    fn csv_text(csv: &[u8]) -> &str {
        let rest = csv
            .strip_prefix(BOM)
            .expect("a UTF-8 byte-order mark first");
        std::str::from_utf8(rest).expect("UTF-8")
    }

    /// The CSV's rows as (column, value) pairs, in column order.
    fn csv_rows(csv: &[u8]) -> Vec<Vec<(String, String)>> {
        let mut reader = csv::Reader::from_reader(csv_text(csv).as_bytes());
        let header = reader.headers().expect("a header").clone();
        reader
            .records()
            .map(|row| {
                let row = row.expect("a well-formed row");
                header
                    .iter()
                    .zip(row.iter())
                    .map(|(h, v)| (h.to_owned(), v.to_owned()))
                    .collect()
            })
            .collect()
    }

    fn column<'r>(row: &'r [(String, String)], name: &str) -> &'r str {
        let cell = row.iter().find(|(h, _)| h == name);
        cell.unwrap_or_else(|| panic!("no column `{name}`"))
            .1
            .as_str()
    }

    fn header(csv: &[u8]) -> Vec<String> {
        let line = csv_text(csv).split("\r\n").next().unwrap_or_default();
        line.split(',').map(String::from).collect()
    }

    #[test]
    fn the_csv_is_utf8_with_a_byte_order_mark_and_crlf_line_ends() {
        let csv = streamed(&saaba(SITE_YAML), Format::Csv);
        let text = csv_text(&csv);
        // A header and a row per commitment, each ended by CRLF, no bare LF.
        assert_eq!(text.matches("\r\n").count(), 3, "{text}");
        assert_eq!(text.matches('\n').count(), 3, "{text}");
        assert!(text.ends_with("\r\n"));
        // Quoted where it holds a comma or quotes, text otherwise as it is.
        assert!(
            text.contains(r#","Night ""patrols"", <b>&</b>; ليلاً 🚓","#),
            "{text}"
        );
    }

    #[test]
    fn the_csv_has_a_column_per_language_for_each_text_the_default_first() {
        let csv = streamed(&saaba(SITE_YAML), Format::Csv);
        assert_eq!(
            header(&csv),
            [
                "key",
                "locality",
                "country",
                "latitude",
                "longitude",
                "id",
                "locality_name",
                "locality_name.fr",
                "locality_name.ar",
                "title",
                "title.fr",
                "title.ar",
                "summary",
                "summary.fr",
                "summary.ar",
                "pledged_by",
                "agreed",
                "due",
                "status",
                "progress",
                "topics",
                "responsible",
                "responsible.fr",
                "responsible.ar",
                "overdue",
                "updates_count",
                "last_update",
                "url.en",
                "url.fr",
                "url.ar",
                "updates",
            ]
        );
        // French by default, listed second: its texts still come first,
        // unsuffixed; the addresses follow the order of `languages`.
        let french = "title: T\nbase_url: https://tracker.example.org/\ndefault_language: fr\nlanguages:\n  - { code: en, name: English }\n  - { code: fr, name: Français }\nas_of: 2024-06-30\n";
        let s = site(
            french,
            &[
                (
                    "localities/saaba/_index.md",
                    "---\nname: Saaba\ncountry: BF\n---\n",
                ),
                (
                    "localities/saaba/alarm.md",
                    "---\ntitle: Alarme\npledged_by: [community]\nagreed: 2017-05-20\nstatus: in-progress\n---\n",
                ),
                ("localities/saaba/alarm.en.md", "---\ntitle: Alarm\n---\n"),
            ],
        );
        let csv = streamed(&s, Format::Csv);
        let h = header(&csv);
        let title = h.iter().position(|c| c == "title").expect("a title column");
        assert_eq!(h[title..title + 3], ["title", "title.en", "summary"]);
        assert_eq!(h[h.len() - 3..], ["url.en", "url.fr", "updates"]);
        let rows = csv_rows(&csv);
        assert_eq!(column(&rows[0], "title"), "Alarme");
        assert_eq!(column(&rows[0], "title.en"), "Alarm");
        assert_eq!(
            column(&rows[0], "url.fr"),
            "https://tracker.example.org/fr/localities/saaba/alarm/"
        );
    }

    #[test]
    fn a_csv_row_joins_ids_with_semicolons_and_holds_the_updates_as_json() {
        let rows = csv_rows(&streamed(&saaba(SITE_YAML), Format::Csv));
        let keys: Vec<&str> = rows.iter().map(|r| column(r, "key")).collect();
        assert_eq!(keys, ["saaba/alarm", "saaba/patrols"]);
        let patrols = &rows[1];
        let cells =
            |names: &[&str]| -> Vec<&str> { names.iter().map(|n| column(patrols, n)).collect() };
        assert_eq!(
            cells(&["locality_name", "locality_name.fr", "locality_name.ar"]),
            ["Saaba", "Saaba (Kadiogo)", ""]
        );
        assert_eq!(
            cells(&["title", "title.fr", "title.ar"]),
            [TITLE, "Patrouilles de nuit", ""]
        );
        assert_eq!(
            cells(&["responsible", "responsible.fr", "summary.fr"]),
            ["The chief", "Le chef", ""]
        );
        assert_eq!(
            cells(&[
                "pledged_by",
                "topics",
                "agreed",
                "due",
                "status",
                "progress"
            ]),
            [
                "police;community",
                "theft;patrols",
                "2017-05-20",
                "2018-01-31",
                "stalled",
                ""
            ]
        );
        assert_eq!(
            cells(&["overdue", "updates_count", "last_update", "url.ar"]),
            [
                "true",
                "2",
                "2018-02-01",
                "https://tracker.example.org/ar/localities/saaba/patrols/"
            ]
        );
        let updates: Value = serde_json::from_str(column(patrols, "updates")).expect("JSON");
        assert_eq!(
            updates,
            json!([
                {
                    "date": "2017-09-01",
                    "status": "in-progress",
                    "progress": 30,
                    "note": { "en": "Weekly.", "fr": "Chaque semaine." },
                    "assessed_by": null,
                    "sources": [],
                },
                {
                    "date": "2018-02-01",
                    "status": "stalled",
                    "progress": null,
                    "note": null,
                    "assessed_by": null,
                    "sources": [],
                },
            ])
        );
        assert_eq!(
            (column(&rows[0], "overdue"), column(&rows[0], "updates")),
            ("false", "[]")
        );
    }

    #[test]
    fn the_json_is_an_array_of_one_record_a_line_with_texts_kept_exactly() {
        let json = String::from_utf8(streamed(&saaba(SITE_YAML), Format::Json)).expect("UTF-8");
        let lines: Vec<&str> = json.lines().collect();
        assert_eq!(lines.len(), 4, "{json}");
        assert_eq!((lines[0], lines[3]), ("[", "]"));
        assert!(json.ends_with("\n]\n"));
        let line = |i: usize| -> Value {
            serde_json::from_str(lines[i].trim_end_matches(',')).expect("a record on one line")
        };
        let (alarm, patrols) = (line(1), line(2));
        assert_eq!(alarm["key"], "saaba/alarm");
        assert_eq!(patrols["key"], "saaba/patrols");
        let whole: Value = serde_json::from_str(&json).expect("JSON");
        assert_eq!(whole, json!([alarm, patrols]));

        assert_eq!(
            patrols["title"],
            json!({ "en": TITLE, "fr": "Patrouilles de nuit" })
        );
        assert_eq!(patrols["body"], json!({ "en": BODY }));
        assert_eq!(
            patrols["locality_name"],
            json!({ "en": "Saaba", "fr": "Saaba (Kadiogo)" })
        );
        assert_eq!(patrols["pledged_by"], json!(["police", "community"]));
        assert_eq!(patrols["overdue"], true);
        assert_eq!(alarm["overdue"], false);
        assert_eq!(alarm["summary"], Value::Null);
        assert_eq!(
            alarm["url"]["fr"],
            "https://tracker.example.org/fr/localities/saaba/alarm/"
        );
    }

    #[test]
    fn an_empty_site_gives_an_empty_array_and_a_header_only_csv() {
        let s = site(SITE_YAML, &[]);
        assert_eq!(streamed(&s, Format::Json), b"[]\n");
        let csv = streamed(&s, Format::Csv);
        let text = csv_text(&csv);
        assert!(
            text.starts_with("key,locality,country,latitude,longitude,id,"),
            "{text}"
        );
        assert!(text.ends_with(",url.ar,updates\r\n"), "{text}");
        assert_eq!(text.matches('\n').count(), 1, "{text}");
        assert_eq!(kept(&s, &Memo::off()), (b"[]\n".to_vec(), csv));
    }

    #[test]
    fn a_one_shot_build_and_a_session_write_the_same_bytes() {
        let s = saaba(SITE_YAML);
        let one_shot = (streamed(&s, Format::Json), streamed(&s, Format::Csv));
        assert_eq!(kept(&s, &Memo::off()), one_shot);
        // A session's second build, from the records it kept.
        let mut memo = Memo::new();
        assert_eq!(kept(&s, &memo), one_shot);
        memo.finish_build(2);
        assert_eq!(kept(&s, &memo), one_shot);
        assert_eq!(memo.uses().hits, 2);
    }

    #[test]
    fn a_record_is_made_again_when_its_overdue_flag_changes() {
        // The same files, read on two dates: alarm is due 2024-07-31.
        let before = saaba(SITE_YAML);
        let after = saaba(&SITE_YAML.replace("as_of: 2024-06-30", "as_of: 2024-08-31"));
        let mut memo = Memo::new();
        kept(&before, &memo);
        memo.finish_build(2);
        // Nothing changed: both records are reused.
        kept(&before, &memo);
        assert_eq!(memo.finish_build(2).hits, 2);
        // Alarm is now overdue: its record is made again, patrols' reused.
        let (json, csv) = kept(&after, &memo);
        assert_eq!(memo.uses().misses, 1);
        assert_eq!(
            (json.clone(), csv.clone()),
            (
                streamed(&after, Format::Json),
                streamed(&after, Format::Csv)
            )
        );
        let json = String::from_utf8(json).expect("UTF-8");
        let alarm = json.lines().nth(1).unwrap_or_default();
        assert!(alarm.contains("\"key\":\"saaba/alarm\""), "{alarm}");
        assert!(alarm.contains("\"overdue\":true"), "{alarm}");
    }

    // ---- issue 16: coordinates in the open data ----

    #[test]
    fn coordinates_are_in_both_files_and_empty_when_absent() {
        let s = site(
            SITE_YAML,
            &[
                (
                    "localities/saaba/_index.md",
                    "---\nname: Saaba\ncountry: BF\ncoordinates: [12.3686, -1.4203]\n---\n",
                ),
                (
                    "localities/saaba/alarm.md",
                    "---\ntitle: Alarm\npledged_by: [community]\nagreed: 2017-05-20\nstatus: in-progress\n---\n",
                ),
                (
                    "localities/zorgho/_index.md",
                    "---\nname: Zorgho\ncountry: BF\n---\n",
                ),
                (
                    "localities/zorgho/well.md",
                    "---\ntitle: Well\npledged_by: [community]\nagreed: 2017-05-20\nstatus: in-progress\n---\n",
                ),
            ],
        );
        let json: Value = serde_json::from_slice(&streamed(&s, Format::Json)).expect("JSON");
        assert_eq!(json[0]["coordinates"], json!([12.3686, -1.4203]));
        assert_eq!(json[1]["coordinates"], Value::Null);
        let csv = streamed(&s, Format::Csv);
        let rows = csv_rows(&csv);
        let cell = |row: usize, col: &str| {
            rows[row]
                .iter()
                .find(|(c, _)| c == col)
                .map(|(_, v)| v.clone())
        };
        assert_eq!(cell(0, "latitude").as_deref(), Some("12.3686"));
        // A negative number is a number, not a formula: written as it is.
        assert_eq!(cell(0, "longitude").as_deref(), Some("-1.4203"));
        assert!(csv_text(&csv).contains(",BF,12.3686,-1.4203,alarm,"));
        assert_eq!(cell(1, "latitude").as_deref(), Some(""));
        assert_eq!(cell(1, "longitude").as_deref(), Some(""));
        // Only plain decimals escape the formula rule.
        assert_eq!(
            csv_line(["-1+2", "-1.5", "-", "1.", "-.5"]),
            b"\"'-1+2\",-1.5,\"'-\",1.,\"'-.5\"\r\n"
        );
    }

    /// [`csv_line`] against the `csv` crate: the same bytes for fields
    /// that are not formulas, and a reader gets back every field, formulas
    /// with a `'` before them.
    mod csv_line_against_the_csv_crate {
        use super::super::*;
        use proptest::prelude::*;

        fn field() -> impl Strategy<Value = String> {
            "[=+@a-z0-9.,\"\t\r\n '-]{0,8}"
        }

        proptest! {
            #[test]
            fn same_as_the_csv_crate(fields in prop::collection::vec(field(), 2..6)) {
                let line = csv_line(fields.iter().map(String::as_str));
                let mut reader = csv::ReaderBuilder::new()
                    .has_headers(false)
                    .from_reader(&line[..]);
                let read: Vec<String> = reader
                    .records()
                    .next()
                    .expect("one record")
                    .expect("a valid record")
                    .iter()
                    .map(String::from)
                    .collect();
                let expected: Vec<String> = fields
                    .iter()
                    .map(|f| if f.starts_with(FORMULA_STARTS) && !is_decimal(f) { format!("'{f}") } else { f.clone() })
                    .collect();
                prop_assert_eq!(read, expected);
                if !fields.iter().any(|f| f.starts_with(FORMULA_STARTS) && !is_decimal(f)) {
                    let mut w = csv::WriterBuilder::new()
                        .terminator(csv::Terminator::CRLF)
                        .from_writer(Vec::new());
                    w.write_record(&fields).expect("written to memory");
                    prop_assert_eq!(line, w.into_inner().expect("flushed"));
                }
            }
        }
    }
}
