//! Parse: turn each loaded file into a typed, per-file record.
//!
//! This stage checks what can be checked inside one file: the front matter's
//! YAML syntax, field names (with "did you mean"), field types, id and date
//! formats, progress ranges, and that translation files carry text only.
//! Rules that span files (status ids, update order against `as_of`,
//! translations matching their original) belong to `validate`.
//!
//! Records keep their front-matter source ([`FrontMatter`]) so that `validate`
//! can point at the line and column of a field when it finds a problem.
//!
//! This file holds the per-file records and the helpers every part uses
//! (ids, language codes, dates). The parts:
//! - `content`: a Markdown file: front-matter splitting, what the file is
//!   from its name ([`DocKind`], language), [`parse_doc`];
//! - `fields`: the typed fields of commitments, updates and pages;
//! - `locality`: the typed fields of localities;
//! - `config`: `site.yaml` into [`Config`](crate::model::Config), [`parse_config`];
//! - `lists`: the entries of site.yaml's lists (languages, statuses, parties,
//!   countries, topics);
//! - `reader`: the `Reader` both parsers use to read typed values out of a
//!   YAML tree and collect problems.

mod config;
mod content;
mod fields;
mod lists;
mod locality;
pub(crate) use locality::{COUNTRY_EXPECTED, country_code};
/// The fields the parser reads, for the JSON Schemas (`crate::schema`).
pub(crate) mod field_lists {
    pub(crate) use super::config::{
        OFFLINE_BUNDLE_FIELDS, PARTY_FIELDS, SITE_FIELDS, STATUS_FIELDS,
    };
    pub(crate) use super::fields::{
        COMMITMENT_FIELDS, COMMITMENT_TEXT_FIELDS, SOURCE_FIELDS, UPDATE_FIELDS, UPDATE_TEXT_FIELDS,
    };
    pub(crate) use super::lists::LANGUAGE_FIELDS;
    pub(crate) use super::locality::{LOCALITY_FIELDS, LOCALITY_TEXT_FIELDS};
    pub(crate) use super::trust::{CONTACT_FIELDS, LICENSE_FIELDS, PUBLISHER_FIELDS};
}
mod reader;
#[cfg(test)]
pub(crate) mod testing;
mod trust;

pub use config::parse_config;
pub use config::{NOT_A_WEB_ADDRESS, NotAWebAddress, base_url, not_a_web_address};
pub use config::{default_parties, default_statuses};
pub use content::parse_doc;
pub(crate) use content::split_front_matter;
pub use trust::{check_logo, license_warning};

use crate::diag::Diagnostic;
use crate::model::{Assessor, PartialDate};
use crate::yaml::{self, Seg};
use jiff::civil::Date;
use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The front matter of one file, kept for locating problems later.
#[derive(Debug)]
pub struct FrontMatter {
    /// The file, relative to the site directory.
    pub rel: String,
    /// The whole file's text, for showing the offending line.
    pub file_text: Arc<str>,
    /// Where the YAML text between the `---` lines is in `file_text`.
    pub(crate) yaml_range: std::ops::Range<usize>,
    /// The file line on which the YAML text starts (1-based).
    pub(crate) first_line: usize,
    /// How many diagnostics have been located in this file so far (see [`FrontMatter::error`]).
    located: AtomicUsize,
}

/// At most this many diagnostics of one file are listed (the rest are
/// counted in one last diagnostic), and located: locating one re-reads the
/// YAML, so a file with a hundred thousand unknown fields must not be
/// located a hundred thousand times.
pub(crate) const MAX_DIAGNOSTICS_PER_FILE: usize = 100;

/// How much YAML text locating a file's diagnostics may re-read: a hundred
/// times a small file, a few times a huge one.
const LOCATE_BUDGET_BYTES: usize = 8 << 20;

impl FrontMatter {
    /// The front matter of `file_text` (named `rel`), whose YAML text is at
    /// `yaml_range` and starts on file line `first_line`.
    fn new(
        rel: &str,
        file_text: &str,
        yaml_range: std::ops::Range<usize>,
        first_line: usize,
    ) -> Self {
        FrontMatter {
            rel: rel.to_owned(),
            file_text: Arc::from(file_text),
            yaml_range,
            first_line,
            located: AtomicUsize::new(0),
        }
    }

    /// The YAML text between the `---` lines.
    pub(crate) fn yaml(&self) -> &str {
        &self.file_text[self.yaml_range.clone()]
    }

    /// A diagnostic pointing at the node at `path`, or at the start of the
    /// front matter when that node does not exist.
    pub(crate) fn error(&self, path: &[Seg], message: impl Into<String>) -> Diagnostic {
        let d = Diagnostic::error(&self.rel, message);
        let n = self.located.fetch_add(1, Ordering::Relaxed);
        if n >= MAX_DIAGNOSTICS_PER_FILE
            || (n > 0 && n * self.yaml_range.len() > LOCATE_BUDGET_BYTES)
        {
            // Past the listed ones (not shown), or a huge file: named, not located.
            return d;
        }
        let mut probe = path;
        loop {
            if let Some((l, c)) = yaml::locate(self.yaml(), probe) {
                return d.at(&self.file_text, l + self.first_line - 1, c);
            }
            match probe.split_last() {
                Some((_, parent)) if !parent.is_empty() => probe = parent,
                _ => return d.at(&self.file_text, self.first_line.saturating_sub(1).max(1), 1),
            }
        }
    }
}

/// A text field as written in one file: a plain string, or a map by language.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RawText {
    /// The plain string (in the file's own language).
    pub plain: Option<String>,
    /// Strings given per language in a map.
    pub by_lang: BTreeMap<String, String>,
}

/// What kind of content a Markdown file holds, from its place in the site directory.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DocKind {
    Home,
    Locality { locality: String },
    Commitment { locality: String, id: String },
    Page { id: String },
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct RawLocality {
    pub name: Option<RawText>,
    pub country: Option<String>,
    pub region: Option<RawText>,
    pub coordinates: Option<(f64, f64)>,
    pub dialogue_since: Option<PartialDate>,
    pub partners: Vec<String>,
    pub next_review: Option<Date>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct RawUpdate {
    pub date: Option<Date>,
    pub review: Option<Date>,
    pub status: Option<String>,
    pub progress: Option<u8>,
    pub note: Option<RawText>,
    pub assessed_by: Option<Assessor>,
    pub sources: Vec<crate::model::Source>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct RawCommitment {
    pub title: Option<RawText>,
    pub summary: Option<RawText>,
    pub pledged_by: Vec<String>,
    pub agreed: Option<Date>,
    pub due: Option<Date>,
    pub status: Option<String>,
    pub progress: Option<u8>,
    pub topics: Vec<String>,
    pub responsible: Option<RawText>,
    pub updates: Vec<RawUpdate>,
    /// Whether `updates` was given at all.
    pub has_updates: bool,
    /// `short_key:`, in capitals (see `crate::short_key`).
    pub short_key: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct RawPage {
    pub title: Option<RawText>,
}

/// The typed front matter of a file.
#[derive(Clone, Debug, PartialEq)]
pub enum Fields {
    Home(RawPage),
    Locality(RawLocality),
    Commitment(Box<RawCommitment>),
    Page(RawPage),
}

/// One parsed Markdown file.
#[derive(Debug)]
pub struct Doc {
    pub kind: DocKind,
    /// `None` for the default-language file, `Some(code)` for `<name>.<code>.md`.
    pub lang: Option<String>,
    pub fields: Fields,
    /// Where the Markdown body is in the file's text (see [`Doc::body`]):
    /// a document keeps its file's text once, not a second copy of its parts.
    body_range: std::ops::Range<usize>,
    pub fm: Arc<FrontMatter>,
    /// A hash of the file's path and text, computed once when it is parsed.
    pub hash: crate::memo::Fingerprint,
}

impl Doc {
    /// The Markdown body.
    pub fn body(&self) -> &str {
        &self.fm.file_text[self.body_range.clone()]
    }
}

/// Is `s` a valid identifier: lowercase ASCII letters, digits and single
/// hyphens, not starting or ending with a hyphen?
pub(crate) fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
}

/// What an id is, for the "expected" line of a bad one.
pub(crate) const ID_EXPECTED: &str =
    "lowercase ASCII letters, digits and single hyphens, such as `joint-night-patrols`";

/// A best guess at a valid id for a forbidden one.
pub(crate) fn suggest_id(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_owned();
    if out.is_empty() { "my-id".into() } else { out }
}

/// A language code: two or three lowercase letters, optionally followed by
/// `-` and a region or script (`pt-br`, `zh-hant`).
pub(crate) fn is_lang_code(s: &str) -> bool {
    let mut parts = s.split('-');
    let first = parts.next().unwrap_or("");
    (2..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// The default-language file a translation file belongs to.
pub(crate) fn original_file(rel: &str) -> String {
    match rel.rsplit_once('/') {
        Some((dir, name)) => format!("{dir}/{}", original_name(name)),
        None => original_name(rel),
    }
}

fn original_name(name: &str) -> String {
    let stem = name.strip_suffix(".md").unwrap_or(name);
    format!("{}.md", stem.split('.').next().unwrap_or(stem))
}

/// Parses a `YYYY-MM-DD` date, saying what is wrong when it is not one.
pub(crate) fn parse_date(s: &str) -> Result<Date, String> {
    let b = s.as_bytes();
    let shape_ok = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape_ok {
        return Err("it is not written YYYY-MM-DD".into());
    }
    let y: i16 = s[0..4].parse().map_err(|_| "bad year")?;
    let m: i8 = s[5..7].parse().map_err(|_| "bad month")?;
    let d: i8 = s[8..10].parse().map_err(|_| "bad day")?;
    if !(1..=12).contains(&m) {
        return Err(format!("there is no month {m}"));
    }
    Date::new(y, m, d).map_err(|_| format!("there is no day {d} in {y:04}-{m:02}"))
}
