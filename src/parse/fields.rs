//! The typed fields of a commitment and its updates, and of a page (and the
//! home text); a locality's are in `locality`. Each field's type and format
//! is checked here (dates, progress, ids, web addresses, who assessed an
//! update), required fields are asked for, and a translation file may set
//! only the text fields.

use super::reader::{Reader, path_of};
use super::{RawCommitment, RawPage, RawUpdate};
use crate::diag;
use crate::model::{Assessor, Source};
use crate::yaml::{Node, Seg};

pub(crate) const COMMITMENT_FIELDS: &[&str] = &[
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
    "short_key",
];
/// The fields a translation of a commitment may set.
pub(crate) const COMMITMENT_TEXT_FIELDS: &[&str] = &["title", "summary", "responsible", "updates"];
pub(crate) const UPDATE_FIELDS: &[&str] = &[
    "date",
    "review",
    "status",
    "progress",
    "note",
    "assessed_by",
    "sources",
];
/// The fields of an update a translation may set (`date`, and `assessed_by`
/// where several updates share a date, match it to the original's).
pub(crate) const UPDATE_TEXT_FIELDS: &[&str] = &["date", "assessed_by", "note"];
/// The fields of a source written as a mapping.
pub(crate) const SOURCE_FIELDS: &[&str] = &["url", "title"];
pub(crate) const PAGE_FIELDS: &[&str] = &["title"];

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

    /// An update's `sources`: each a web address, or `{ url, title }`.
    fn sources(&mut self, node: &Node, path: &[Seg]) -> Vec<Source> {
        self.list(node, path, "sources", |r, n, p| match n {
            Node::Map(_) => r.titled_source(n, p),
            _ => r
                .web_address(n, p, "sources")
                .map(|url| Source { url, title: None }),
        })
    }

    /// A source written `{ url: …, title: … }`; `url` is required.
    fn titled_source(&mut self, node: &Node, path: &[Seg]) -> Option<Source> {
        let mut url = None;
        let mut title = None;
        for (key, value) in self.fields(node, path, SOURCE_FIELDS, None, "a source") {
            let p = path_of(path, Seg::key(key));
            match key {
                "url" => url = self.web_address(value, &p, "url"),
                "title" => title = self.string(value, &p, "title"),
                _ => {}
            }
        }
        if let Node::Map(entries) = node
            && !entries.iter().any(|(k, _)| k == "url")
        {
            let d = self.fm.error(path, "a source has no `url`").expected(
                "`url:` with the web address of the evidence, beside its `title:`".to_owned(),
            );
            self.push(d);
        }
        Some(Source { url: url?, title })
    }

    /// A web address: text starting with `https://` or `http://`.
    fn web_address(&mut self, node: &Node, path: &[Seg], what: &str) -> Option<String> {
        let s = self.string(node, path, what)?;
        let lower = s.to_ascii_lowercase();
        if lower.starts_with("https://") || lower.starts_with("http://") {
            return Some(s);
        }
        let d = self
            .fm
            .error(path, "a source is not a web address")
            .found(format!("`{s}`"))
            .expected("a link starting with `https://` or `http://`".to_owned());
        self.push(d);
        None
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
                "short_key" => c.short_key = self.short_key(value, &path),
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
                "review" => u.review = self.date(value, &p, key),
                "status" => u.status = self.id(value, &p, key),
                "progress" => u.progress = self.progress(value, &p),
                "note" => u.note = self.text(value, &p, key),
                "sources" => u.sources = self.sources(value, &p),
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

    /// `short_key:`: a few letters or digits (see `crate::short_key`).
    fn short_key(&mut self, node: &Node, path: &[Seg]) -> Option<String> {
        let s = self.string(node, path, "short_key")?;
        if let Some(key) = crate::short_key::parse(&s) {
            return Some(key);
        }
        let d = self
            .fm
            .error(path, "`short_key` is not a short key")
            .found(format!("`{s}`"))
            .expected(crate::short_key::EXPECTED.to_owned());
        self.push(d);
        None
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

#[cfg(test)]
mod tests {
    use crate::model::{Assessor, Source};
    use crate::parse::testing::{doc, doc_error, doc_errors, place, shown};
    use crate::parse::{Fields, ID_EXPECTED, RawCommitment};
    use jiff::civil::date;

    const C: &str = "localities/saaba/patrols.md";
    const L: &str = "localities/saaba/_index.md";

    /// A valid commitment (lines 2-5) with `extra` added as lines 6 on.
    fn commitment(extra: &str) -> String {
        format!(
            "---\ntitle: Patrols\npledged_by: [police]\nagreed: 2017-05-20\nstatus: in-progress\n{extra}---\nBody.\n"
        )
    }

    fn parsed_commitment(text: &str) -> RawCommitment {
        match doc(C, text).unwrap_or_else(|d| panic!("{d:#?}")).fields {
            Fields::Commitment(c) => *c,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_valid_commitment_reads_every_field() {
        let c = parsed_commitment(&commitment(
            "summary: {en: One line, fr: Une ligne}\ndue: 2018-01-31\nprogress: 30\ntopics: [theft]\nresponsible: The station\nupdates:\n  - date: 2017-09-01\n    status: in-progress\n    progress: 30\n    note: Weekly.\n    assessed_by: joint\n    sources: [\"https://example.org/r.pdf\"]\n",
        ));
        assert_eq!(c.title.unwrap().plain.as_deref(), Some("Patrols"));
        assert_eq!(c.summary.unwrap().by_lang["fr"], "Une ligne");
        assert_eq!(c.pledged_by, ["police"]);
        assert_eq!(c.agreed, Some(date(2017, 5, 20)));
        assert_eq!(c.due, Some(date(2018, 1, 31)));
        assert_eq!(
            (c.status.as_deref(), c.progress),
            (Some("in-progress"), Some(30))
        );
        assert_eq!(c.topics, ["theft"]);
        assert!(c.has_updates);
        let u = &c.updates[0];
        assert_eq!(u.date, Some(date(2017, 9, 1)));
        assert_eq!(u.assessed_by, Some(Assessor::Joint));
        assert_eq!(
            u.sources,
            [Source {
                url: "https://example.org/r.pdf".into(),
                title: None
            }]
        );
    }

    #[test]
    fn dates_must_be_written_yyyy_mm_dd_and_exist() {
        let expected = Some("a date written YYYY-MM-DD, such as `2017-05-20`");
        for (value, message, found) in [
            (
                "2017-02-30",
                "`due` is not a valid date: there is no day 30 in 2017-02",
                Some("`2017-02-30`"),
            ),
            (
                "2017-13-01",
                "`due` is not a valid date: there is no month 13",
                Some("`2017-13-01`"),
            ),
            (
                "31/01/2018",
                "`due` is not a valid date: it is not written YYYY-MM-DD",
                Some("`31/01/2018`"),
            ),
            (
                "2018-1-31",
                "`due` is not a valid date: it is not written YYYY-MM-DD",
                Some("`2018-1-31`"),
            ),
            (
                "2018",
                "`due` has the wrong kind of value",
                Some("the number `2018`"),
            ),
        ] {
            let d = doc_error(C, &commitment(&format!("due: {value}\n")));
            assert_eq!(shown(&d), (6, 6, message, found, expected), "{value}");
            assert_eq!(d.source_line.as_deref(), Some(&*format!("due: {value}")));
        }
    }

    #[test]
    fn progress_is_a_whole_number_from_0_to_100() {
        let c = parsed_commitment(&commitment("progress: 0\n"));
        assert_eq!(c.progress, Some(0));
        assert_eq!(
            parsed_commitment(&commitment("progress: 100\n")).progress,
            Some(100)
        );
        for (value, message, found, expected) in [
            (
                "101",
                "`progress` is outside 0-100",
                "the number `101`",
                "a whole number from 0 to 100 (a percentage)",
            ),
            (
                "-5",
                "`progress` is outside 0-100",
                "the number `-5`",
                "a whole number from 0 to 100 (a percentage)",
            ),
            (
                "12.5",
                "`progress` is outside 0-100",
                "the number `12.5`",
                "a whole number from 0 to 100 (a percentage)",
            ),
            (
                "50%",
                "`progress` is written as text",
                "`50%`",
                "a whole number from 0 to 100, without `%`",
            ),
            (
                "lots",
                "`progress` has the wrong kind of value",
                "the text `lots`",
                "a whole number from 0 to 100",
            ),
        ] {
            let d = doc_error(C, &commitment(&format!("progress: {value}\n")));
            assert_eq!(
                shown(&d),
                (6, 11, message, Some(found), Some(expected)),
                "{value}"
            );
        }
        // In an update, at the update's own line.
        let d = doc_error(
            C,
            &commitment(
                "updates:\n  - date: 2017-09-01\n    status: in-progress\n    progress: 130\n",
            ),
        );
        assert_eq!(place(&d), (C, 9, 15, "`progress` is outside 0-100"));
    }

    #[test]
    fn ids_and_id_lists() {
        let d = doc_error(C, &commitment("topics: [theft, Night Patrols]\n"));
        assert_eq!(
            shown(&d),
            (
                6,
                17,
                "`topics` is not a valid id",
                Some("`Night Patrols`"),
                Some(ID_EXPECTED)
            )
        );
        assert_eq!(d.help.as_deref(), Some("write it as `night-patrols`"));
        let text = commitment("").replace("[police]", "[police, community, police]");
        let d = doc_error(C, &text);
        assert_eq!(
            place(&d),
            (C, 3, 33, "`police` is listed twice in `pledged_by`")
        );
        // One id alone is a list of one.
        let c = parsed_commitment(&commitment("").replace("[police]", "police"));
        assert_eq!(c.pledged_by, ["police"]);
        let d = doc_error(C, &commitment("topics: {a: b}\n"));
        assert_eq!(
            shown(&d),
            (
                6,
                9,
                "`topics` has the wrong kind of value",
                Some("a mapping (key: value pairs)"),
                Some("a list, such as `[a, b]`")
            )
        );
    }

    #[test]
    fn unknown_fields_are_named_with_the_closest_known_one() {
        let d = doc_error(C, &commitment("deu: 2018-01-31\n"));
        assert_eq!(
            place(&d),
            (
                C,
                6,
                1,
                "unknown field `deu` in a commitment's front matter"
            )
        );
        assert_eq!(d.found.as_deref(), Some("`deu`"));
        assert_eq!(
            d.expected.as_deref(),
            Some(
                "one of `title`, `summary`, `pledged_by`, `agreed`, `due`, `status`, `progress`, `topics`, `responsible`, `updates` or `short_key`"
            )
        );
        assert_eq!(d.help.as_deref(), Some("did you mean `due`?"));
        // Nothing close: no guess.
        let d = doc_error(C, &commitment("colour: blue\n"));
        assert_eq!(d.help, None);
        // In an update and in a locality.
        let d = doc_error(
            C,
            &commitment("updates:\n  - date: 2017-09-01\n    status: in-progress\n    notes: x\n"),
        );
        assert_eq!(place(&d), (C, 9, 5, "unknown field `notes` in an update"));
        assert_eq!(d.help.as_deref(), Some("did you mean `note`?"));
        let d = doc_error(L, "---\nname: Saaba\ncountry: BF\nregoin: Centre\n---\n");
        assert_eq!(
            place(&d),
            (
                L,
                4,
                1,
                "unknown field `regoin` in a locality's front matter"
            )
        );
        assert_eq!(d.help.as_deref(), Some("did you mean `region`?"));
    }

    #[test]
    fn required_fields_are_asked_for_at_the_top_of_the_front_matter() {
        let d = doc_error(
            C,
            "---\ntitle: Patrols\npledged_by: [police]\nstatus: stalled\n---\n",
        );
        assert_eq!(
            place(&d),
            (C, 2, 1, "the required field `agreed` is missing")
        );
        assert_eq!(
            d.expected.as_deref(),
            Some(
                "`agreed:` with the date of the dialogue session where it was agreed (YYYY-MM-DD)"
            )
        );
        let diags = doc_errors(C, "---\nsummary: S\n---\n");
        let messages: Vec<_> = diags.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "the required field `title` is missing",
                "the required field `pledged_by` is missing",
                "the required field `agreed` is missing",
                "the required field `status` is missing",
            ]
        );
        // With updates, the status is the last update's.
        let text = "---\ntitle: P\npledged_by: [police]\nagreed: 2017-05-20\nupdates:\n  - { date: 2017-06-01, status: stalled }\n---\n";
        assert_eq!(parsed_commitment(text).status, None);
        // A required field present with a bad value is reported once, where it is.
        let d = doc_error(
            C,
            &commitment("").replace("agreed: 2017-05-20", "agreed: soon"),
        );
        assert_eq!(
            place(&d),
            (
                C,
                4,
                9,
                "`agreed` is not a valid date: it is not written YYYY-MM-DD"
            )
        );
    }

    #[test]
    fn an_update_needs_a_date_and_a_status() {
        let diags = doc_errors(C, &commitment("updates:\n  - note: Nothing yet.\n"));
        let places: Vec<_> = diags.iter().map(place).collect();
        assert_eq!(
            places,
            [
                (C, 7, 5, "an update has no `date`"),
                (C, 7, 5, "an update has no `status`"),
            ]
        );
        let d = doc_error(
            C,
            &commitment(
                "updates:\n  - date: 2017-09-01\n    status: in-progress\n    assessed_by: jiont\n",
            ),
        );
        assert_eq!(
            shown(&d),
            (
                9,
                18,
                "`assessed_by` names nobody the content model knows",
                Some("`jiont`"),
                Some("one of `police`, `community`, `joint` or `independent`")
            )
        );
        assert_eq!(d.help.as_deref(), Some("did you mean `joint`?"));
        let d = doc_error(
            C,
            &commitment(
                "updates:\n  - date: 2017-09-01\n    status: in-progress\n    sources: [https://a.org/x, www.b.org]\n",
            ),
        );
        assert_eq!(
            shown(&d),
            (
                9,
                32,
                "a source is not a web address",
                Some("`www.b.org`"),
                Some("a link starting with `https://` or `http://`")
            )
        );
    }

    #[test]
    fn texts_are_strings_or_maps_by_language() {
        let d = doc_error(C, &commitment("summary: ''\n"));
        assert_eq!(
            shown(&d),
            (6, 10, "`summary` is empty", None, Some("some text"))
        );
        let d = doc_error(C, &commitment("summary: [a, b]\n"));
        assert_eq!(
            shown(&d),
            (
                6,
                10,
                "`summary` has the wrong kind of value",
                Some("a list of 2 item(s)"),
                Some("text")
            )
        );
        let d = doc_error(
            C,
            &commitment("summary:\n  en: One line\n  French: Une ligne\n"),
        );
        assert_eq!(
            place(&d),
            (C, 8, 3, "`French` is not a language code in `summary`")
        );
        // A number is text where text is meant.
        let c = parsed_commitment(&commitment("responsible: 2024\n"));
        assert_eq!(c.responsible.unwrap().plain.as_deref(), Some("2024"));
    }

    #[test]
    fn front_matter_must_be_a_mapping() {
        let diags = doc_errors(C, "---\n- title\n- status\n---\n");
        assert_eq!(
            shown(&diags[0]),
            (
                2,
                1,
                "a commitment's front matter should be a mapping of `field: value` pairs",
                Some("a list of 2 item(s)"),
                Some("fields such as one of `title`, `summary` or `pledged_by`")
            )
        );
        // The required fields are then reported missing too, at the same place.
        let rest: Vec<_> = diags[1..].iter().map(place).collect();
        assert_eq!(
            rest,
            [
                (C, 2, 1, "the required field `title` is missing"),
                (C, 2, 1, "the required field `pledged_by` is missing"),
                (C, 2, 1, "the required field `agreed` is missing"),
                (C, 2, 1, "the required field `status` is missing"),
            ]
        );
    }

    #[test]
    fn translations_carry_text_only() {
        let fr = "localities/saaba/patrols.fr.md";
        let d = doc_error(fr, "---\ntitle: Patrouilles\nstatus: completed\n---\n");
        assert_eq!(place(&d), (fr, 3, 1, "a translation cannot set `status`"));
        assert_eq!(d.found.as_deref(), Some("`status` in a translation file"));
        assert_eq!(
            d.expected.as_deref(),
            Some(
                "only text in a translation: one of `title`, `summary`, `responsible` or `updates`"
            )
        );
        assert_eq!(
            d.help.as_deref(),
            Some(
                "`status` belongs in the default-language file `localities/saaba/patrols.md`; statuses, dates, progress, parties, topics and sources are the same in every language"
            )
        );
        // In a translated update, only the date (to match it) and the note.
        let d = doc_error(
            fr,
            "---\nupdates:\n  - date: 2017-09-01\n    note: Chaque semaine.\n    progress: 40\n---\n",
        );
        assert_eq!(place(&d), (fr, 5, 5, "a translation cannot set `progress`"));
        // A translation needs no required field, nor a status in its updates.
        let ok = doc(
            fr,
            "---\nupdates:\n  - { date: 2017-09-01, note: Chaque semaine. }\n---\nTexte.\n",
        );
        assert!(ok.is_ok(), "{ok:?}");
        let fr_loc = "localities/saaba/_index.fr.md";
        let d = doc_error(fr_loc, "---\nname: Saaba\ncountry: BF\n---\n");
        assert_eq!(
            place(&d),
            (fr_loc, 3, 1, "a translation cannot set `country`")
        );
        assert!(doc(fr_loc, "---\nregion: Centre\n---\n").is_ok());
    }

    #[test]
    fn pages_need_a_title_the_home_text_not() {
        // Empty front matter: placed on the line after the opening `---`.
        let d = doc_error("pages/about.md", "---\n---\nWho we are.\n");
        assert_eq!(
            place(&d),
            (
                "pages/about.md",
                2,
                1,
                "the required field `title` is missing"
            )
        );
        let d = doc_error("pages/about.md", "Who we are.\n");
        assert_eq!(
            place(&d),
            (
                "pages/about.md",
                1,
                1,
                "the required field `title` is missing"
            )
        );
        assert!(doc("_index.md", "Welcome.\n").is_ok());
        assert!(doc("pages/about.fr.md", "Qui nous sommes.\n").is_ok());
        let d = doc_error("pages/about.md", "---\ntitle: About\nmenu: main\n---\n");
        assert_eq!(
            place(&d),
            (
                "pages/about.md",
                3,
                1,
                "unknown field `menu` in a page's front matter"
            )
        );
    }

    #[test]
    fn past_a_hundred_problems_a_file_counts_the_rest() {
        let fields: String = (0..105).map(|i| format!("field{i}: 1\n")).collect();
        let diags = doc_errors(C, &commitment(&fields));
        assert_eq!(diags.len(), 101);
        assert_eq!(
            place(&diags[0]),
            (
                C,
                6,
                1,
                "unknown field `field0` in a commitment's front matter"
            )
        );
        assert_eq!(
            place(&diags[100]),
            (
                C,
                0,
                0,
                "this file has 5 more problems besides the 100 listed"
            )
        );
        assert_eq!(
            diags[100].help.as_deref(),
            Some("only the first problems of a file are listed; fix those and build again")
        );
    }
}
