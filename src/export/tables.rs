//! The open-data tables: `data/localities.csv`, `data/commitments.csv` and
//! `data/updates.csv`, their columns (described once, in [`Table::columns`],
//! for the header rows and for the data package) and their rows.
//!
//! **Guarantee.** Every row has one cell per header column, in the header's
//! order; a text has a column in the default language (`title`) and one per
//! other language of the build (`title.fr`); a cell a spreadsheet would read
//! as a formula is written with a `'` before it ([`csv_line`]). The files
//! are UTF-8 with a byte-order mark and CRLF line ends (see `export`).

use super::Record;
use crate::model::{Commitment, Locality, Site, Text};
use crate::urls;
use std::borrow::Cow;

/// One of the three tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Table {
    Localities,
    Commitments,
    Updates,
}

impl Table {
    pub(crate) const ALL: [Table; 3] = [Table::Localities, Table::Commitments, Table::Updates];

    /// The table's name: its file's name without `.csv` (and a
    /// spreadsheet's sheet name).
    pub(crate) fn name(self) -> &'static str {
        match self {
            Table::Localities => "localities",
            Table::Commitments => "commitments",
            Table::Updates => "updates",
        }
    }

    /// What one row is, in plain words (the data package's description).
    pub(crate) fn about(self) -> &'static str {
        match self {
            Table::Localities => "One row per locality, ordered by id.",
            Table::Commitments => {
                "One row per commitment, ordered by locality, then by commitment id."
            }
            Table::Updates => {
                "One row per update of a commitment's history, in the order of commitments.csv, then oldest first as in the commitment's file."
            }
        }
    }

    /// The table's columns, in order.
    pub(crate) fn columns(self) -> &'static [Column] {
        match self {
            Table::Localities => LOCALITIES,
            Table::Commitments => COMMITMENTS,
            Table::Updates => UPDATES,
        }
    }
}

/// What a column's cells hold (the data package's field types).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Any text.
    String,
    /// An id (a locality's, a commitment's, `locality/commitment`).
    Id,
    /// `YYYY-MM-DD`.
    Date,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as the content writes it.
    PartialDate,
    Latitude,
    Longitude,
    /// A whole number from 0.
    Count,
    /// A percentage, 0 to 100.
    Percent,
    /// `true` or `false`.
    Boolean,
    /// A status id of site.yaml.
    Status,
    /// Party ids of site.yaml, separated by `;`.
    Parties,
    /// Who assessed an update: `police`, `community`, `joint`, `independent`.
    Assessor,
    /// Topic ids, separated by `;`.
    Topics,
    /// Organisation names, separated by `;`.
    Names,
    /// A web address.
    Address,
    /// Web addresses, one a line, each optionally followed by a space and
    /// its title.
    Sources,
}

/// How many cells a column has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Per {
    /// One cell.
    One,
    /// A text: its name in the default language, then `name.<lang>` for
    /// each other language of the build.
    Text,
    /// `name.<lang>` for every language of the build, in site.yaml's order.
    Language,
}

/// One column of a table (several cells for a text or a per-language value).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Column {
    pub name: &'static str,
    pub per: Per,
    pub kind: Kind,
    /// What the column holds, in plain words.
    pub about: &'static str,
    /// Whether every row has a value.
    pub required: bool,
}

const fn col(name: &'static str, kind: Kind, about: &'static str) -> Column {
    Column {
        name,
        per: Per::One,
        kind,
        about,
        required: false,
    }
}

const fn required(column: Column) -> Column {
    Column {
        required: true,
        ..column
    }
}

const fn text(name: &'static str, about: &'static str) -> Column {
    Column {
        per: Per::Text,
        ..col(name, Kind::String, about)
    }
}

const fn per_language(name: &'static str, kind: Kind, about: &'static str) -> Column {
    Column {
        per: Per::Language,
        ..col(name, kind, about)
    }
}

const LOCALITIES: &[Column] = &[
    required(col(
        "locality",
        Kind::Id,
        "The locality's id (its folder's name).",
    )),
    required(col(
        "country",
        Kind::String,
        "The country, as an ISO 3166-1 alpha-2 code (BF, NG).",
    )),
    col(
        "latitude",
        Kind::Latitude,
        "Latitude in decimal degrees (WGS 84), north positive.",
    ),
    col(
        "longitude",
        Kind::Longitude,
        "Longitude in decimal degrees (WGS 84), east positive.",
    ),
    text("name", "The locality's name."),
    text("region", "The region, district or province."),
    col(
        "dialogue_since",
        Kind::PartialDate,
        "When the dialogue began, as written: YYYY, YYYY-MM or YYYY-MM-DD.",
    ),
    col(
        "partners",
        Kind::Names,
        "The partner organisations, separated by semicolons.",
    ),
    col(
        "next_review",
        Kind::Date,
        "The date of the next review session.",
    ),
    required(col(
        "commitments",
        Kind::Count,
        "How many commitments the locality has (computed).",
    )),
    per_language(
        "url",
        Kind::Address,
        "The locality's page in this language (computed).",
    ),
    text("body", "The locality's story, in Markdown."),
];

const COMMITMENTS: &[Column] = &[
    required(col(
        "key",
        Kind::Id,
        "The commitment's key: locality/commitment.",
    )),
    required(col("locality", Kind::Id, "The locality's id.")),
    required(col(
        "country",
        Kind::String,
        "The locality's country (ISO 3166-1 alpha-2).",
    )),
    col(
        "latitude",
        Kind::Latitude,
        "The locality's latitude in decimal degrees.",
    ),
    col(
        "longitude",
        Kind::Longitude,
        "The locality's longitude in decimal degrees.",
    ),
    required(col(
        "id",
        Kind::Id,
        "The commitment's id (its file's name), unique within its locality.",
    )),
    required(col(
        "short_key",
        Kind::String,
        "The commitment's short key, as on print sheets (JNP).",
    )),
    text("locality_name", "The locality's name."),
    text("title", "The commitment's title."),
    text("summary", "A one-sentence summary."),
    required(col(
        "pledged_by",
        Kind::Parties,
        "Who made the pledge: party ids, separated by semicolons.",
    )),
    required(col(
        "agreed",
        Kind::Date,
        "The date the commitment was agreed.",
    )),
    col("due", Kind::Date, "The date it is due."),
    required(col(
        "status",
        Kind::Status,
        "The current status (the last review's).",
    )),
    col(
        "progress",
        Kind::Percent,
        "The current progress, in percent.",
    ),
    col(
        "topics",
        Kind::Topics,
        "Topic ids, separated by semicolons.",
    ),
    text("responsible", "Who is responsible for carrying it out."),
    required(col(
        "overdue",
        Kind::Boolean,
        "Whether it is past its due date and still open, on the data's date (computed).",
    )),
    required(col(
        "updates_count",
        Kind::Count,
        "How many updates it has (computed).",
    )),
    col(
        "last_update",
        Kind::Date,
        "The date of its last update (computed).",
    ),
    per_language(
        "url",
        Kind::Address,
        "The commitment's page in this language (computed).",
    ),
    text("body", "The commitment's description, in Markdown."),
];

const UPDATES: &[Column] = &[
    required(col(
        "key",
        Kind::Id,
        "The commitment's key: locality/commitment (commitments.csv).",
    )),
    required(col("locality", Kind::Id, "The locality's id.")),
    required(col("commitment", Kind::Id, "The commitment's id.")),
    required(col("date", Kind::Date, "The date of the update.")),
    col(
        "review",
        Kind::Date,
        "The review session it assesses, when it is not the one on its own date.",
    ),
    required(col("status", Kind::Status, "The status it reports.")),
    col(
        "progress",
        Kind::Percent,
        "The progress it reports, in percent.",
    ),
    col(
        "assessed_by",
        Kind::Assessor,
        "Who judged the status: police, community, joint or independent.",
    ),
    text("note", "What happened."),
    col(
        "sources",
        Kind::Sources,
        "The evidence: one source a line, its address, then optionally a space and its title.",
    ),
];

/// The languages of a build's columns: all of them (site.yaml's order),
/// the default one, and the others.
pub(crate) struct Languages<'s> {
    pub all: Vec<&'s str>,
    pub default: &'s str,
    pub others: Vec<&'s str>,
}

impl<'s> Languages<'s> {
    pub(crate) fn of(site: &'s Site) -> Languages<'s> {
        let all: Vec<&str> = site
            .config
            .languages
            .iter()
            .map(|l| l.code.as_str())
            .collect();
        let default = site.config.default_language.as_str();
        let others = all.iter().copied().filter(|l| *l != default).collect();
        Languages {
            all,
            default,
            others,
        }
    }

    /// The names of a column's cells (`title`, `title.fr`, …).
    pub(crate) fn cells(&self, column: &Column) -> Vec<String> {
        let suffixed = |langs: &[&str]| -> Vec<String> {
            langs
                .iter()
                .map(|l| format!("{}.{l}", column.name))
                .collect()
        };
        match column.per {
            Per::One => vec![column.name.to_owned()],
            Per::Text => std::iter::once(column.name.to_owned())
                .chain(suffixed(&self.others))
                .collect(),
            Per::Language => suffixed(&self.all),
        }
    }

    /// The cells of a text: the default language's, then each other
    /// language's translation (empty when it has none).
    fn text<'t>(&self, t: Option<&'t Text>, row: &mut Vec<Cow<'t, str>>) {
        row.push(t.map_or("", |t| t.default.as_str()).into());
        for l in &self.others {
            let translation = t.and_then(|t| t.translations.get(*l));
            row.push(translation.map_or("", String::as_str).into());
        }
    }
}

/// A table's header row (with its line end).
pub(crate) fn header(site: &Site, table: Table) -> Vec<u8> {
    let langs = Languages::of(site);
    let names: Vec<String> = table
        .columns()
        .iter()
        .flat_map(|c| langs.cells(c))
        .collect();
    csv_line(names.iter().map(String::as_str))
}

fn number(n: Option<impl ToString>) -> Cow<'static, str> {
    n.map(|n| n.to_string()).unwrap_or_default().into()
}

/// A commitment's row of `commitments.csv`.
pub(crate) fn commitment_row<'r>(
    site: &Site,
    c: &'r Commitment,
    loc: &'r Locality,
    r: &'r Record,
) -> Vec<u8> {
    let langs = Languages::of(site);
    let mut row: Vec<Cow<'r, str>> = vec![
        r.key.as_str().into(),
        r.locality.into(),
        r.country.into(),
        number(r.coordinates.map(|c| c[0])),
        number(r.coordinates.map(|c| c[1])),
        r.id.into(),
        r.short_key.into(),
    ];
    langs.text(Some(&loc.name), &mut row);
    langs.text(Some(&c.title), &mut row);
    langs.text(c.summary.as_ref(), &mut row);
    row.push(r.pledged_by.join(";").into());
    row.push(r.agreed.as_str().into());
    row.push(r.due.as_deref().unwrap_or_default().into());
    row.push(r.status.into());
    row.push(number(r.progress));
    row.push(r.topics.join(";").into());
    langs.text(c.responsible.as_ref(), &mut row);
    row.push(r.overdue.to_string().into());
    row.push(r.updates.len().to_string().into());
    row.push(r.updates.last().map_or("", |u| u.date.as_str()).into());
    for l in &langs.all {
        row.push(r.url.get(*l).map_or("", String::as_str).into());
    }
    langs.text(Some(&c.body), &mut row);
    csv_line(row.iter().map(|c| &**c))
}

/// A commitment's rows of `updates.csv`, oldest first (with their line
/// ends, one after the other).
pub(crate) fn update_rows(site: &Site, c: &Commitment) -> Vec<u8> {
    let langs = Languages::of(site);
    let key = c.key();
    let mut out = Vec::new();
    for u in &c.updates {
        let mut row: Vec<Cow<str>> = vec![
            key.as_str().into(),
            c.locality.as_str().into(),
            c.id.as_str().into(),
            u.date.to_string().into(),
            number(u.review),
            u.status.as_str().into(),
            number(u.progress),
            u.assessed_by.map_or("", |a| a.as_str()).into(),
        ];
        langs.text(u.note.as_ref(), &mut row);
        row.push(sources_cell(&u.sources).into());
        out.extend(csv_line(row.iter().map(|c| &**c)));
    }
    out
}

/// An update's sources in one cell: one a line (CRLF between them), each
/// its address, then a space and its title when it has one.
fn sources_cell(sources: &[crate::model::Source]) -> String {
    let lines: Vec<String> = sources
        .iter()
        .map(|s| match &s.title {
            Some(title) => format!("{} {title}", s.url),
            None => s.url.clone(),
        })
        .collect();
    lines.join("\r\n")
}

/// A locality's row of `localities.csv`.
pub(crate) fn locality_row(site: &Site, loc: &Locality) -> Vec<u8> {
    let langs = Languages::of(site);
    let (latitude, longitude) = loc.coordinates.unzip();
    let mut row: Vec<Cow<str>> = vec![
        loc.id.as_str().into(),
        loc.country.as_str().into(),
        number(latitude),
        number(longitude),
    ];
    langs.text(Some(&loc.name), &mut row);
    langs.text(loc.region.as_ref(), &mut row);
    row.push(number(loc.dialogue_since));
    row.push(loc.partners.join(";").into());
    row.push(number(loc.next_review));
    row.push(loc.commitments.len().to_string().into());
    for l in &langs.all {
        let path = urls::locality(l, &loc.id);
        row.push(urls::absolute(&site.config.base_url, &path).into());
    }
    langs.text(Some(&loc.body), &mut row);
    csv_line(row.iter().map(|c| &**c))
}

/// The first characters that make a spreadsheet program read a cell as a
/// formula (OWASP, "CSV Injection"): `=`, `+`, `-`, `@`, tab and carriage
/// return.
pub(crate) const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// One CSV line: the fields separated by commas, ended by CRLF. A field is
/// quoted (its quotes doubled) when it holds a comma, a quote or a line end,
/// as the `csv` crate does; a field that starts with one of
/// [`FORMULA_STARTS`] is neutralised as OWASP advises: written with a `'`
/// before it, and quoted, so that a spreadsheet shows it as text. (The `csv`
/// crate cannot quote one field and not the others, hence this function.)
/// A field that is a plain decimal number (a longitude west of Greenwich,
/// `-1.4203`) is no formula and is written as it is.
pub(crate) fn csv_line<'f>(fields: impl IntoIterator<Item = &'f str>) -> Vec<u8> {
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
pub(crate) fn is_decimal(field: &str) -> bool {
    let digits = field.strip_prefix('-').unwrap_or(field);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
    [whole, fraction]
        .iter()
        .all(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
}
