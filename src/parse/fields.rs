//! The typed fields of content files: a locality's, a commitment's and its
//! updates', a page's (and the home text's). Each field's type and format
//! is checked here (dates, progress, ids, country codes, coordinates, web
//! addresses), required fields are asked for, and a translation file may set
//! only the text fields.

use super::reader::{Reader, path_of};
use super::{RawCommitment, RawLocality, RawPage, RawUpdate, parse_date};
use crate::diag;
use crate::model::{Assessor, PartialDate};
use crate::yaml::{Node, Seg};

const LOCALITY_FIELDS: &[&str] = &[
    "name",
    "country",
    "region",
    "coordinates",
    "dialogue_since",
    "partners",
    "next_review",
];
/// The fields a translation of a locality may set.
const LOCALITY_TEXT_FIELDS: &[&str] = &["name", "region"];
const COMMITMENT_FIELDS: &[&str] = &[
    "title",
    "summary",
    "pledged_by",
    "agreed",
    "due",
    "status",
    "progress",
    "topics",
    "responsible",
    "updates",
];
/// The fields a translation of a commitment may set.
const COMMITMENT_TEXT_FIELDS: &[&str] = &["title", "summary", "responsible", "updates"];
const UPDATE_FIELDS: &[&str] = &[
    "date",
    "status",
    "progress",
    "note",
    "assessed_by",
    "sources",
];
/// The fields of an update a translation may set (`date` matches it to the original's).
const UPDATE_TEXT_FIELDS: &[&str] = &["date", "note"];
const PAGE_FIELDS: &[&str] = &["title"];

impl Reader<'_> {
    fn progress(&mut self, node: &Node, path: &[Seg]) -> Option<u8> {
        match node {
            Node::Int(i) if (0..=100).contains(i) => Some(*i as u8),
            Node::Int(_) | Node::Float(_) => {
                let d = self
                    .fm
                    .error(path, "`progress` is outside 0-100")
                    .found(node.describe())
                    .expected("a whole number from 0 to 100 (a percentage)".to_owned());
                self.push(d);
                None
            }
            Node::Str(s) if s.trim_end_matches('%').trim().parse::<i64>().is_ok() => {
                let d = self
                    .fm
                    .error(path, "`progress` is written as text")
                    .found(format!("`{s}`"))
                    .expected("a whole number from 0 to 100, without `%`".to_owned());
                self.push(d);
                None
            }
            other => {
                self.type_error(path, other, "progress", "a whole number from 0 to 100");
                None
            }
        }
    }

    fn url_list(&mut self, node: &Node, path: &[Seg]) -> Vec<String> {
        self.list(node, path, "sources", |r, n, p| {
            let s = r.string(n, p, "sources")?;
            let lower = s.to_ascii_lowercase();
            if lower.starts_with("https://") || lower.starts_with("http://") {
                Some(s)
            } else {
                let d =
                    r.fm.error(p, "a source is not a web address")
                        .found(format!("`{s}`"))
                        .expected("a link starting with `https://` or `http://`".to_owned());
                r.push(d);
                None
            }
        })
    }

    pub(super) fn page(&mut self, root: &Node, title_required: bool) -> RawPage {
        let mut page = RawPage::default();
        for (key, value) in self.fields(root, &[], PAGE_FIELDS, None, "a page's front matter") {
            if key == "title" {
                page.title = self.text(value, &[Seg::key(key)], key);
            }
        }
        if title_required && page.title.is_none() {
            self.missing(
                root,
                "title",
                "the page's title, shown in its heading and in the navigation",
            );
        }
        page
    }
    pub(super) fn locality(&mut self, root: &Node) -> RawLocality {
        let mut loc = RawLocality::default();
        let text_only = Some(LOCALITY_TEXT_FIELDS);
        for (key, value) in self.fields(
            root,
            &[],
            LOCALITY_FIELDS,
            text_only,
            "a locality's front matter",
        ) {
            let path = [Seg::key(key)];
            match key {
                "name" => loc.name = self.text(value, &path, key),
                "region" => loc.region = self.text(value, &path, key),
                "country" => loc.country = self.country(value, &path),
                "coordinates" => loc.coordinates = self.coordinates(value, &path),
                "dialogue_since" => loc.dialogue_since = self.partial_date(value, &path),
                "partners" => {
                    loc.partners =
                        self.list(value, &path, key, |r, n, p| r.string(n, p, "partners"))
                }
                "next_review" => loc.next_review = self.date(value, &path, key),
                _ => {}
            }
        }
        if !self.translation {
            if loc.name.is_none() {
                self.missing(root, "name", "the locality's name");
            }
            if loc.country.is_none() {
                self.missing(
                    root,
                    "country",
                    "the ISO 3166-1 alpha-2 country code, such as `BF`",
                );
            }
        }
        loc
    }

    /// A two-letter country code, upper-cased.
    fn country(&mut self, node: &Node, path: &[Seg]) -> Option<String> {
        let s = self.string(node, path, "country")?;
        if s.len() == 2 && s.bytes().all(|b| b.is_ascii_alphabetic()) {
            return Some(s.to_ascii_uppercase());
        }
        let d = self
            .fm
            .error(path, "`country` is not a two-letter country code")
            .found(format!("`{s}`"))
            .expected("an ISO 3166-1 alpha-2 code such as `BF`, `NG` or `SN`".to_owned());
        self.push(d);
        None
    }

    fn coordinates(&mut self, node: &Node, path: &[Seg]) -> Option<(f64, f64)> {
        let num = |n: &Node| match n {
            Node::Int(i) => Some(*i as f64),
            Node::Float(x) => Some(*x),
            _ => None,
        };
        if let Node::Seq(items) = node
            && let [lat, lon] = items.as_slice()
            && let (Some(lat), Some(lon)) = (num(lat), num(lon))
            && (-90.0..=90.0).contains(&lat)
            && (-180.0..=180.0).contains(&lon)
        {
            return Some((lat, lon));
        }
        let d = self
            .fm
            .error(path, "`coordinates` are not a latitude and a longitude")
            .found(node.describe())
            .expected(
                "`[latitude, longitude]` in degrees, such as `[12.3686, -1.4203]`".to_owned(),
            );
        self.push(d);
        None
    }

    fn partial_date(&mut self, node: &Node, path: &[Seg]) -> Option<PartialDate> {
        let parsed = match node {
            Node::Int(y) if (1000..=9999).contains(y) => Some(PartialDate::Year(*y as i16)),
            Node::Str(s) => {
                let s = s.trim();
                let parts: Vec<&str> = s.split('-').collect();
                match parts.as_slice() {
                    [y] => y
                        .parse::<i16>()
                        .ok()
                        .filter(|y| *y >= 1000)
                        .map(PartialDate::Year),
                    [y, m] if y.len() == 4 && m.len() == 2 => {
                        match (y.parse::<i16>(), m.parse::<i8>()) {
                            (Ok(y), Ok(m)) if (1..=12).contains(&m) => {
                                Some(PartialDate::Month(y, m))
                            }
                            _ => None,
                        }
                    }
                    _ => parse_date(s).ok().map(PartialDate::Day),
                }
            }
            _ => None,
        };
        if parsed.is_none() {
            let d = self
                .fm
                .error(path, "`dialogue_since` is not a valid date")
                .found(node.describe())
                .expected("a year, a month or a day: `2016`, `2016-11` or `2016-11-05`".to_owned());
            self.push(d);
        }
        parsed
    }

    pub(super) fn commitment(&mut self, root: &Node) -> RawCommitment {
        let mut c = RawCommitment::default();
        for (key, value) in self.fields(
            root,
            &[],
            COMMITMENT_FIELDS,
            Some(COMMITMENT_TEXT_FIELDS),
            "a commitment's front matter",
        ) {
            let path = [Seg::key(key)];
            match key {
                "title" => c.title = self.text(value, &path, key),
                "summary" => c.summary = self.text(value, &path, key),
                "responsible" => c.responsible = self.text(value, &path, key),
                "pledged_by" => c.pledged_by = self.id_list(value, &path, key),
                "topics" => c.topics = self.id_list(value, &path, key),
                "agreed" => c.agreed = self.date(value, &path, key),
                "due" => c.due = self.date(value, &path, key),
                "status" => c.status = self.id(value, &path, key),
                "progress" => c.progress = self.progress(value, &path),
                "updates" => {
                    c.has_updates = true;
                    c.updates = self.list(value, &path, key, |r, n, p| Some(r.update(n, p)));
                }
                _ => {}
            }
        }
        if !self.translation {
            self.commitment_required(root, &c);
        }
        c
    }

    /// Asks for the fields a commitment's default-language file must have.
    fn commitment_required(&mut self, root: &Node, c: &RawCommitment) {
        if c.title.is_none() {
            self.missing(root, "title", "what was pledged, in a few words");
        }
        if c.pledged_by.is_empty() {
            self.missing(
                root,
                "pledged_by",
                "the list of parties that made the pledge, such as `[police, community]`",
            );
        }
        if c.agreed.is_none() {
            self.missing(
                root,
                "agreed",
                "the date of the dialogue session where it was agreed (YYYY-MM-DD)",
            );
        }
        if c.status.is_none() && !c.has_updates {
            self.missing(root, "status", "the current status, such as `in-progress`");
        }
    }

    fn update(&mut self, node: &Node, path: &[Seg]) -> RawUpdate {
        let mut u = RawUpdate::default();
        for (key, value) in self.fields(
            node,
            path,
            UPDATE_FIELDS,
            Some(UPDATE_TEXT_FIELDS),
            "an update",
        ) {
            let p = path_of(path, Seg::key(key));
            match key {
                "date" => u.date = self.date(value, &p, key),
                "status" => u.status = self.id(value, &p, key),
                "progress" => u.progress = self.progress(value, &p),
                "note" => u.note = self.text(value, &p, key),
                "sources" => u.sources = self.url_list(value, &p),
                "assessed_by" => u.assessed_by = self.assessor(value, &p),
                _ => {}
            }
        }
        if u.date.is_none() && matches!(node, Node::Map(_)) {
            let d = self
                .fm
                .error(path, "an update has no `date`")
                .expected("`date: YYYY-MM-DD` in every update".to_owned());
            self.push(d);
        }
        if !self.translation && u.status.is_none() && matches!(node, Node::Map(_)) {
            let d = self.fm.error(path, "an update has no `status`").expected(
                "`status:` with the status at that date, such as `in-progress`".to_owned(),
            );
            self.push(d);
        }
        u
    }

    /// Who judged an update's status: one of [`Assessor::ALL`].
    fn assessor(&mut self, node: &Node, path: &[Seg]) -> Option<Assessor> {
        let s = self.string(node, path, "assessed_by")?;
        if let Some((_, a)) = Assessor::ALL.iter().find(|(n, _)| *n == s) {
            return Some(*a);
        }
        let names: Vec<&str> = Assessor::ALL.iter().map(|(n, _)| *n).collect();
        let mut d = self
            .fm
            .error(path, "`assessed_by` names nobody the content model knows")
            .found(format!("`{s}`"))
            .expected(diag::one_of(&names));
        if let Some(m) = diag::did_you_mean(&s, names.iter().copied()) {
            d = d.help(format!("did you mean `{m}`?"));
        }
        self.push(d);
        None
    }
}
