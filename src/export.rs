//! Open data: the whole dataset as `data/commitments.json` (one record per
//! commitment, its updates inside), three tables a spreadsheet can use
//! (`data/localities.csv`, `data/commitments.csv`, `data/updates.csv`, see
//! [`tables`]) and the data package that describes them all
//! (`data/datapackage.json`, see [`package`]).
//!
//! The formats are documented in the README ("Open data"). In the JSON, text
//! fields are maps from language code to text (the default language always
//! present); the tables flatten them into one column per language.
//!
//! **Guarantee.** A one-shot build ([`stream`]) and a session ([`files`])
//! write the same bytes for the same site, record by record, never holding
//! a whole file in memory twice.

pub(crate) mod package;
pub(crate) mod tables;

use crate::derive::Derived;
use crate::memo::{Fingerprint, Fingerprinter, Memo};
use crate::model::{CRef, Site, Text};
use crate::urls;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::Arc;
pub(crate) use tables::Table;

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
    /// The short key print sheets show (`JNP`).
    pub short_key: &'s str,
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
        short_key: &c.short_key,
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

/// One record as an item of the JSON array: on one line, so that the file
/// has one line per commitment (a diff shows which commitments changed).
fn json_item(r: &Record) -> String {
    serde_json::to_string(r).unwrap_or_else(|_| "null".into())
}

/// A commitment serialised for every file it is in.
#[derive(Debug)]
pub(crate) struct Serialised {
    /// Its item of the JSON array.
    json: String,
    /// Its row of `commitments.csv`.
    row: Vec<u8>,
    /// Its updates' rows of `updates.csv`.
    update_rows: Vec<u8>,
}

/// A commitment serialised for every file it is in.
fn item(site: &Site, derived: &Derived, r: CRef) -> Serialised {
    let rec = record(site, derived, r);
    let (c, loc) = (site.commitment(r), site.locality_of(r));
    Serialised {
        json: json_item(&rec),
        row: tables::commitment_row(site, c, loc, &rec),
        update_rows: tables::update_rows(site, c),
    }
}

/// How many records a one-shot build serialises (in parallel) before
/// writing them: enough to keep every core busy, few enough that the
/// dataset is never all in memory.
const STREAM_CHUNK: usize = 1024;

/// Which open-data file (the data package aside, see [`package`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Format {
    /// `data/commitments.json`
    Json,
    /// `data/localities.csv`, `data/commitments.csv` or `data/updates.csv`
    Csv(Table),
}

impl Format {
    /// The file's path in the output.
    pub(crate) fn path(self) -> &'static str {
        match self {
            Format::Json => urls::DATA_JSON,
            Format::Csv(Table::Localities) => urls::DATA_LOCALITIES_CSV,
            Format::Csv(Table::Commitments) => urls::DATA_CSV,
            Format::Csv(Table::Updates) => urls::DATA_UPDATES_CSV,
        }
    }
}

/// Every streamed open-data file, in plan order.
pub(crate) const FORMATS: [Format; 4] = [
    Format::Json,
    Format::Csv(Table::Localities),
    Format::Csv(Table::Commitments),
    Format::Csv(Table::Updates),
];

/// Writes one open-data file straight from the site, a chunk of records at
/// a time, keeping nothing: what a one-shot build does. The bytes are those
/// of [`Files`] for the same site.
pub(crate) fn stream(
    site: &Site,
    derived: &Derived,
    format: Format,
    w: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let header = match format {
        Format::Csv(table) => tables::header(site, table),
        Format::Json => Vec::new(),
    };
    let mut out = Writer::begin(format, &header, w)?;
    if format == Format::Csv(Table::Localities) {
        let rows: Vec<Vec<u8>> = site
            .localities
            .par_iter()
            .map(|loc| tables::locality_row(site, loc))
            .collect();
        return rows.iter().try_for_each(|row| out.push(row));
    }
    let crefs: Vec<CRef> = site.crefs().collect();
    for chunk in crefs.chunks(STREAM_CHUNK) {
        let items: Vec<Vec<u8>> = chunk
            .par_iter()
            .map(|&r| match format {
                Format::Json => json_item(&record(site, derived, r)).into_bytes(),
                Format::Csv(Table::Updates) => tables::update_rows(site, site.commitment(r)),
                Format::Csv(_) => {
                    let (c, loc) = (site.commitment(r), site.locality_of(r));
                    tables::commitment_row(site, c, loc, &record(site, derived, r))
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
    /// Starts a file: `[` for the JSON, the byte-order mark and the
    /// header row (`csv_header`) for a table.
    fn begin(
        format: Format,
        csv_header: &[u8],
        w: &'w mut dyn std::io::Write,
    ) -> std::io::Result<Writer<'w>> {
        match format {
            Format::Json => w.write_all(b"[")?,
            Format::Csv(_) => {
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

    /// Adds one record: its JSON array item or its CSV rows.
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
            Format::Csv(_) => Ok(()),
        }
    }
}

/// A commitment serialised, kept by a session.
pub(crate) type Item = Arc<Serialised>;

/// A locality's row of `localities.csv`, kept by a session.
pub(crate) type LocalityRow = Arc<[u8]>;

/// The open-data files but the data package, as a session makes them.
/// `global` changes whenever site.yaml does (languages, base URL, default
/// language).
///
/// The JSON file is an array of records, one record a line. The tables have
/// one row per locality, commitment or update (see [`tables`]). Each
/// commitment's record and rows are made once per fingerprint of their
/// inputs and kept by `records`, each locality's row by `locality_rows` (a
/// session's rebuild serialises only what changed).
pub(crate) fn files(
    site: &Site,
    derived: &Derived,
    global: Fingerprint,
    records: &Memo<Item>,
    locality_rows: &Memo<LocalityRow>,
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
    let localities: Vec<LocalityRow> = site
        .localities
        .par_iter()
        .map(|loc| {
            let key = Fingerprinter::new()
                .add(&global)
                .add(&loc.fingerprint)
                .add(&loc.commitments.len())
                .fingerprint();
            locality_rows.get_or_make(key, || tables::locality_row(site, loc).into())
        })
        .collect();
    Files {
        headers: Table::ALL.map(|t| tables::header(site, t)),
        items,
        localities,
    }
}

/// The streamed open-data files, kept as the serialised records they are
/// made of and written straight to disk: a whole file is never held in
/// memory a second time (it is hundreds of megabytes for a national
/// programme).
pub(crate) struct Files {
    /// The tables' header rows, in the order of [`Table::ALL`].
    headers: [Vec<u8>; 3],
    items: Vec<Item>,
    localities: Vec<LocalityRow>,
}

impl Files {
    /// Writes one of the files.
    pub(crate) fn write(&self, format: Format, w: &mut dyn std::io::Write) -> std::io::Result<()> {
        let header = match format {
            Format::Csv(table) => &self.headers[table as usize][..],
            Format::Json => &[],
        };
        let mut out = Writer::begin(format, header, w)?;
        if format == Format::Csv(Table::Localities) {
            self.localities.iter().try_for_each(|row| out.push(row))?;
            return out.finish();
        }
        for item in &self.items {
            match format {
                Format::Json => out.push(item.json.as_bytes())?,
                Format::Csv(Table::Updates) => out.push(&item.update_rows)?,
                Format::Csv(_) => out.push(&item.row)?,
            }
        }
        out.finish()
    }

    /// Every file in memory, in the order of [`FORMATS`], for tests.
    #[cfg(test)]
    pub(crate) fn to_bytes(&self) -> Vec<Vec<u8>> {
        FORMATS
            .iter()
            .map(|&f| {
                let mut out = Vec::new();
                let _ = self.write(f, &mut out);
                out
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::derive::derive;
    use crate::parse::testing::{SITE_YAML, site};
    use serde_json::{Value, json};
    use tables::csv_line;

    const CSV: Format = Format::Csv(Table::Commitments);

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

    /// Every file (in the order of [`FORMATS`]) as a session writes it,
    /// records kept in `memo`.
    fn kept(site: &Site, memo: &Memo<Item>) -> Vec<Vec<u8>> {
        files(site, &derive(site), Fingerprint(0), memo, &Memo::off()).to_bytes()
    }

    /// Every file (in the order of [`FORMATS`]) as a one-shot build writes it.
    fn all_streamed(site: &Site) -> Vec<Vec<u8>> {
        FORMATS.iter().map(|&f| streamed(site, f)).collect()
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
        let csv = streamed(&saaba(SITE_YAML), CSV);
        let text = csv_text(&csv);
        // A header and a row per commitment, each ended by CRLF; the only
        // bare LFs are the Markdown body's own, inside its quoted cell.
        assert_eq!(text.matches("\r\n").count(), 3, "{text}");
        assert_eq!(
            text.matches('\n').count(),
            3 + BODY.matches('\n').count(),
            "{text}"
        );
        assert!(text.contains(&format!(",\"{}\",,\r\n", BODY.replace('"', "\"\""))));
        assert!(text.ends_with("\r\n"));
        // Quoted where it holds a comma or quotes, text otherwise as it is.
        assert!(
            text.contains(r#","Night ""patrols"", <b>&</b>; ليلاً 🚓","#),
            "{text}"
        );
    }

    #[test]
    fn the_csv_has_a_column_per_language_for_each_text_the_default_first() {
        let csv = streamed(&saaba(SITE_YAML), CSV);
        assert_eq!(
            header(&csv),
            [
                "key",
                "locality",
                "country",
                "latitude",
                "longitude",
                "id",
                "short_key",
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
                "body",
                "body.fr",
                "body.ar",
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
        let csv = streamed(&s, CSV);
        let h = header(&csv);
        let title = h.iter().position(|c| c == "title").expect("a title column");
        assert_eq!(h[title..title + 3], ["title", "title.en", "summary"]);
        assert_eq!(h[h.len() - 4..], ["url.en", "url.fr", "body", "body.en"]);
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
        let rows = csv_rows(&streamed(&saaba(SITE_YAML), CSV));
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
        assert_eq!(
            cells(&["id", "short_key", "body", "body.fr"]),
            ["patrols", "PAT", BODY, ""]
        );
        assert_eq!(column(&rows[0], "overdue"), "false");
        // The history is in updates.csv, one row per update.
        let updates = csv_rows(&streamed(&saaba(SITE_YAML), Format::Csv(Table::Updates)));
        let cells = |row: usize, names: &[&str]| -> Vec<String> {
            names
                .iter()
                .map(|n| column(&updates[row], n).to_owned())
                .collect()
        };
        let names = [
            "key",
            "locality",
            "commitment",
            "date",
            "review",
            "status",
            "progress",
            "assessed_by",
            "note",
            "note.fr",
            "note.ar",
            "sources",
        ];
        assert_eq!(updates.len(), 2);
        assert_eq!(
            cells(0, &names),
            [
                "saaba/patrols",
                "saaba",
                "patrols",
                "2017-09-01",
                "",
                "in-progress",
                "30",
                "",
                "Weekly.",
                "Chaque semaine.",
                "",
                ""
            ]
        );
        assert_eq!(
            cells(1, &names[3..9]),
            ["2018-02-01", "", "stalled", "", "", ""]
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
        let csv = streamed(&s, CSV);
        let text = csv_text(&csv);
        assert!(
            text.starts_with("key,locality,country,latitude,longitude,id,"),
            "{text}"
        );
        assert!(text.ends_with(",url.ar,body,body.fr,body.ar\r\n"), "{text}");
        assert_eq!(text.matches('\n').count(), 1, "{text}");
        let all = all_streamed(&s);
        assert_eq!(all[0], b"[]\n");
        for table in &all[1..] {
            assert_eq!(
                csv_text(table).matches('\n').count(),
                1,
                "{}",
                csv_text(table)
            );
        }
        assert_eq!(kept(&s, &Memo::off()), all);
    }

    #[test]
    fn a_one_shot_build_and_a_session_write_the_same_bytes() {
        let s = saaba(SITE_YAML);
        let one_shot = all_streamed(&s);
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
        let all = kept(&after, &memo);
        assert_eq!(memo.uses().misses, 1);
        assert_eq!(all, all_streamed(&after));
        let json = String::from_utf8(all[0].clone()).expect("UTF-8");
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
        let csv = streamed(&s, CSV);
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
        use super::super::tables::{FORMULA_STARTS, csv_line, is_decimal};
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
