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

use crate::diag::{self, Diagnostic};
use crate::load::SourceFile;
use crate::model::{Assessor, Config, Dir, Language, PartialDate, PartyDef, StatusDef, Text};
use crate::yaml::{self, Node, Seg};
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
    pub yaml_range: std::ops::Range<usize>,
    /// The file line on which the YAML text starts (1-based).
    pub first_line: usize,
    /// How many diagnostics have been located in this file so far (see [`FrontMatter::error`]).
    located: AtomicUsize,
}

/// At most this many diagnostics of one file are listed (the rest are
/// counted in one last diagnostic), and located: locating one re-reads the
/// YAML, so a file with a hundred thousand unknown fields must not be
/// located a hundred thousand times.
pub const MAX_DIAGNOSTICS_PER_FILE: usize = 100;

/// How much YAML text locating a file's diagnostics may re-read: a hundred
/// times a small file, a few times a huge one.
const LOCATE_BUDGET_BYTES: usize = 8 << 20;

impl FrontMatter {
    /// The YAML text between the `---` lines.
    pub fn yaml(&self) -> &str {
        &self.file_text[self.yaml_range.clone()]
    }

    /// A diagnostic pointing at the node at `path`, or at the start of the
    /// front matter when that node does not exist.
    pub fn error(&self, path: &[Seg], message: impl Into<String>) -> Diagnostic {
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
    pub status: Option<String>,
    pub progress: Option<u8>,
    pub note: Option<RawText>,
    pub assessed_by: Option<Assessor>,
    pub sources: Vec<String>,
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
    pub hash: u64,
}

impl Doc {
    /// The Markdown body.
    pub fn body(&self) -> &str {
        &self.fm.file_text[self.body_range.clone()]
    }
}

/// Is `s` a valid identifier: lowercase ASCII letters, digits and single
/// hyphens, not starting or ending with a hyphen?
pub fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
}

const ID_EXPECTED: &str =
    "lowercase ASCII letters, digits and single hyphens, such as `joint-night-patrols`";

/// Splits a file into its front matter (YAML text and the line it starts on)
/// and its body. A file without front matter has an empty one.
type Span = std::ops::Range<usize>;

fn split_front_matter(file: &SourceFile) -> Result<(Span, usize, Span), Diagnostic> {
    let text = &file.text;
    let first = text.lines().next().unwrap_or("");
    if first.trim_end() != "---" {
        return Ok((0..0, 1, 0..text.len()));
    }
    let mut offset = first.len() + 1;
    for line in text.get(offset..).unwrap_or("").split_inclusive('\n') {
        let bare = line.trim_end();
        if bare == "---" || bare == "..." {
            let yaml = (first.len() + 1).min(offset)..offset;
            let body = (offset + line.len()).min(text.len())..text.len();
            return Ok((yaml, 2, body));
        }
        offset += line.len();
    }
    Err(
        Diagnostic::error(&file.rel, "the front matter is not closed")
            .at(text, 1, 1)
            .found("a `---` line that opens the front matter, and no closing `---` line")
            .expected("a second `---` line after the YAML fields, before the Markdown text"),
    )
}

/// Works out what a Markdown file is from its path: kind and language.
fn classify(rel: &str) -> Result<(DocKind, Option<String>), Diagnostic> {
    let parts: Vec<&str> = rel.split('/').collect();
    let file_name = parts[parts.len() - 1];
    let stem = file_name.strip_suffix(".md").unwrap_or(file_name);
    let (name, lang) = match stem.split_once('.') {
        None => (stem, None),
        Some((name, lang)) => {
            if lang.contains('.') || !is_lang_code(lang) {
                return Err(Diagnostic::error(rel, "cannot tell the language of this file from its name")
                    .found(format!("`{file_name}`"))
                    .expected("`<name>.md` for the default language or `<name>.<language code>.md` for a translation, such as `saaba.fr.md`"));
            }
            (name, Some(lang.to_owned()))
        }
    };
    let check_id = |id: &str, what: &str| -> Result<String, Diagnostic> {
        if is_id(id) {
            Ok(id.to_owned())
        } else {
            Err(Diagnostic::error(
                rel,
                format!("the {what} id `{id}` has forbidden characters"),
            )
            .found(format!("`{id}`"))
            .expected(ID_EXPECTED)
            .help(format!("rename it, for example to `{}`", suggest_id(id))))
        }
    };
    let kind = match parts.as_slice() {
        [_] if name == "_index" => DocKind::Home,
        ["localities", loc, _] if name == "_index" => DocKind::Locality {
            locality: check_id(loc, "locality")?,
        },
        ["localities", loc, _] => DocKind::Commitment {
            locality: check_id(loc, "locality")?,
            id: check_id(name, "commitment")?,
        },
        ["pages", _] => DocKind::Page {
            id: check_id(name, "page")?,
        },
        _ => {
            return Err(Diagnostic::error(rel, "this file is not in a place the content model knows")
                .expected("`_index.md`, `localities/<locality>/_index.md`, `localities/<locality>/<commitment>.md` or `pages/<page>.md`"));
        }
    };
    Ok((kind, lang))
}

/// A best guess at a valid id for a forbidden one.
pub fn suggest_id(s: &str) -> String {
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
pub fn is_lang_code(s: &str) -> bool {
    let mut parts = s.split('-');
    let first = parts.next().unwrap_or("");
    (2..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

const LOCALITY_FIELDS: &[&str] = &[
    "name",
    "country",
    "region",
    "coordinates",
    "dialogue_since",
    "partners",
    "next_review",
];
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
const COMMITMENT_TEXT_FIELDS: &[&str] = &["title", "summary", "responsible", "updates"];
const UPDATE_FIELDS: &[&str] = &[
    "date",
    "status",
    "progress",
    "note",
    "assessed_by",
    "sources",
];
const UPDATE_TEXT_FIELDS: &[&str] = &["date", "note"];
const PAGE_FIELDS: &[&str] = &["title"];

/// Parses one Markdown file of the content.
pub fn parse_doc(file: &SourceFile) -> Result<Doc, Vec<Diagnostic>> {
    let (kind, lang) = classify(&file.rel).map_err(|d| vec![d])?;
    let (yaml_range, first_line, body_range) = split_front_matter(file).map_err(|d| vec![d])?;
    let fm = Arc::new(FrontMatter {
        rel: file.rel.clone(),
        file_text: Arc::from(file.text.as_str()),
        yaml_range,
        first_line,
        located: AtomicUsize::new(0),
    });
    let root = match yaml::parse(fm.yaml()) {
        Ok(n) => n,
        Err(e) => {
            let d = Diagnostic::error(
                &file.rel,
                format!("the front matter is not valid YAML: {}", e.message),
            );
            let d = if e.line > 0 {
                d.at(&file.text, e.line + first_line - 1, e.column)
            } else {
                d.at(&file.text, 1, 1)
            };
            return Err(vec![d]);
        }
    };
    let mut r = Reader {
        fm: &fm,
        diags: Vec::new(),
        dropped: 0,
        translation: lang.is_some(),
    };
    let needs_front_matter = matches!(kind, DocKind::Locality { .. } | DocKind::Commitment { .. });
    if fm.yaml_range.is_empty() && needs_front_matter && lang.is_none() {
        r.diags.push(
            Diagnostic::error(&file.rel, "this file has no front matter")
                .at(&file.text, 1, 1)
                .expected("YAML fields between two `---` lines at the top of the file"),
        );
        return Err(r.diags);
    }
    let fields = match &kind {
        DocKind::Home => Fields::Home(r.page(&root, false)),
        DocKind::Page { .. } => Fields::Page(r.page(&root, lang.is_none())),
        DocKind::Locality { .. } => Fields::Locality(r.locality(&root)),
        DocKind::Commitment { .. } => Fields::Commitment(Box::new(r.commitment(&root))),
    };
    if r.diags.is_empty() {
        let hash = {
            use std::hash::{Hash, Hasher};
            let mut h = std::collections::hash_map::DefaultHasher::new();
            fm.rel.hash(&mut h);
            fm.file_text.hash(&mut h);
            h.finish()
        };
        Ok(Doc {
            kind,
            lang,
            fields,
            body_range,
            fm,
            hash,
        })
    } else {
        Err(r.finish())
    }
}

/// Reads typed fields out of a [`Node`] tree, collecting diagnostics.
struct Reader<'a> {
    fm: &'a FrontMatter,
    diags: Vec<Diagnostic>,
    /// Whether the file is a translation (text fields only).
    translation: bool,
    /// Problems counted but not listed (past [`MAX_DIAGNOSTICS_PER_FILE`]).
    dropped: usize,
}

fn path_of(parent: &[Seg], seg: Seg) -> Vec<Seg> {
    let mut p = parent.to_vec();
    p.push(seg);
    p
}

impl Reader<'_> {
    fn push(&mut self, d: Diagnostic) {
        if self.full() {
            self.dropped += 1;
        } else {
            self.diags.push(d);
        }
    }

    /// Whether [`MAX_DIAGNOSTICS_PER_FILE`] are listed already: further
    /// problems are only counted, so a file with a hundred thousand unknown
    /// fields costs no more than the first hundred.
    fn full(&self) -> bool {
        self.diags.len() >= MAX_DIAGNOSTICS_PER_FILE
    }

    /// The file's diagnostics, with one that counts those left out.
    fn finish(mut self) -> Vec<Diagnostic> {
        if self.dropped > 0 {
            self.diags.push(
                Diagnostic::error(
                    &self.fm.rel,
                    format!(
                        "this file has {} more problems besides the {MAX_DIAGNOSTICS_PER_FILE} listed",
                        self.dropped
                    ),
                )
                .help("only the first problems of a file are listed; fix those and build again"),
            );
        }
        self.diags
    }

    fn type_error(&mut self, path: &[Seg], node: &Node, what: &str, expected: &str) {
        let d = self
            .fm
            .error(path, format!("`{what}` has the wrong kind of value"))
            .found(node.describe())
            .expected(expected.to_owned());
        self.push(d);
    }

    /// Checks that `node` is a mapping with only `allowed` keys. `text_only`
    /// lists the keys a translation may set.
    fn fields<'n>(
        &mut self,
        node: &'n Node,
        path: &[Seg],
        allowed: &[&str],
        text_only: Option<&[&str]>,
        what: &str,
    ) -> Vec<(&'n str, &'n Node)> {
        let entries = match node {
            Node::Map(entries) => entries,
            Node::Null if path.is_empty() => return Vec::new(),
            other => {
                let d = self
                    .fm
                    .error(
                        path,
                        format!("{what} should be a mapping of `field: value` pairs"),
                    )
                    .found(other.describe())
                    .expected(format!(
                        "fields such as {}",
                        diag::one_of(&allowed[..allowed.len().min(3)])
                    ));
                self.push(d);
                return Vec::new();
            }
        };
        let mut out = Vec::new();
        for (key, value) in entries {
            if self.full() && !allowed.contains(&key.as_str()) {
                self.dropped += 1;
                continue;
            }
            let key_path = path_of(path, Seg::KeyName(key.clone()));
            if !allowed.contains(&key.as_str()) {
                let mut d = self
                    .fm
                    .error(&key_path, format!("unknown field `{key}` in {what}"))
                    .found(format!("`{key}`"))
                    .expected(diag::one_of(allowed));
                if let Some(s) = diag::did_you_mean(key, allowed.iter().copied()) {
                    d = d.help(format!("did you mean `{s}`?"));
                }
                self.push(d);
                continue;
            }
            if let Some(text_fields) = text_only
                && self.translation
                && !text_fields.contains(&key.as_str())
            {
                let original = original_file(&self.fm.rel);
                let d = self
                        .fm
                        .error(&key_path, format!("a translation cannot set `{key}`"))
                        .found(format!("`{key}` in a translation file"))
                        .expected(format!("only text in a translation: {}", diag::one_of(text_fields)))
                        .help(format!("`{key}` belongs in the default-language file `{original}`; statuses, dates, progress, parties, topics and sources are the same in every language"));
                self.push(d);
                continue;
            }
            out.push((key.as_str(), value));
        }
        out
    }

    fn string(&mut self, node: &Node, path: &[Seg], what: &str) -> Option<String> {
        match node.as_scalar_text() {
            Some(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
            Some(_) | None if matches!(node, Node::Str(_) | Node::Null) => {
                let d = self
                    .fm
                    .error(path, format!("`{what}` is empty"))
                    .expected("some text".to_owned());
                self.push(d);
                None
            }
            _ => {
                self.type_error(path, node, what, "text");
                None
            }
        }
    }

    fn text(&mut self, node: &Node, path: &[Seg], what: &str) -> Option<RawText> {
        match node {
            Node::Map(entries) => {
                let mut t = RawText::default();
                for (lang, value) in entries {
                    let p = path_of(path, Seg::Key(lang.clone()));
                    if !is_lang_code(lang) {
                        let d = self
                            .fm
                            .error(&path_of(path, Seg::KeyName(lang.clone())), format!("`{lang}` is not a language code in `{what}`"))
                            .expected("a map from language codes (such as `en`, `fr`, `ar`) to text, or a plain text".to_owned());
                        self.push(d);
                        continue;
                    }
                    if let Some(s) = self.string(value, &p, what) {
                        t.by_lang.insert(lang.clone(), s);
                    }
                }
                Some(t)
            }
            _ => self.string(node, path, what).map(|s| RawText {
                plain: Some(s),
                by_lang: BTreeMap::new(),
            }),
        }
    }

    fn id(&mut self, node: &Node, path: &[Seg], what: &str) -> Option<String> {
        let s = self.string(node, path, what)?;
        if is_id(&s) {
            Some(s)
        } else {
            let d = self
                .fm
                .error(path, format!("`{what}` is not a valid id"))
                .found(format!("`{s}`"))
                .expected(ID_EXPECTED.to_owned())
                .help(format!("write it as `{}`", suggest_id(&s)));
            self.push(d);
            None
        }
    }

    fn list<T>(
        &mut self,
        node: &Node,
        path: &[Seg],
        what: &str,
        mut item: impl FnMut(&mut Self, &Node, &[Seg]) -> Option<T>,
    ) -> Vec<T> {
        match node {
            Node::Seq(items) => items
                .iter()
                .enumerate()
                .filter_map(|(i, n)| item(self, n, &path_of(path, Seg::Index(i))))
                .collect(),
            Node::Null => Vec::new(),
            // A single value where a list is expected is taken as a list of one.
            Node::Str(_) => item(self, node, path).into_iter().collect(),
            other => {
                self.type_error(path, other, what, "a list, such as `[a, b]`");
                Vec::new()
            }
        }
    }

    fn id_list(&mut self, node: &Node, path: &[Seg], what: &str) -> Vec<String> {
        let ids = self.list(node, path, what, |r, n, p| r.id(n, p, what));
        let mut seen: Vec<&String> = Vec::new();
        for (i, id) in ids.iter().enumerate() {
            if seen.contains(&id) {
                let d = self.fm.error(
                    &path_of(path, Seg::Index(i)),
                    format!("`{id}` is listed twice in `{what}`"),
                );
                self.push(d);
            }
            seen.push(id);
        }
        ids
    }

    fn date(&mut self, node: &Node, path: &[Seg], what: &str) -> Option<Date> {
        let s = match node {
            Node::Str(s) => s.trim(),
            other => {
                self.type_error(
                    path,
                    other,
                    what,
                    "a date written YYYY-MM-DD, such as `2017-05-20`",
                );
                return None;
            }
        };
        match parse_date(s) {
            Ok(d) => Some(d),
            Err(why) => {
                let d = self
                    .fm
                    .error(path, format!("`{what}` is not a valid date: {why}"))
                    .found(format!("`{s}`"))
                    .expected("a date written YYYY-MM-DD, such as `2017-05-20`".to_owned());
                self.push(d);
                None
            }
        }
    }

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

    fn page(&mut self, root: &Node, title_required: bool) -> RawPage {
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

    /// Reports a required field as missing, unless it is there with a bad
    /// value (already reported where it is).
    fn missing(&mut self, root: &Node, field: &str, meaning: &str) {
        if let Node::Map(entries) = root
            && entries.iter().any(|(k, _)| k == field)
        {
            return;
        }
        let d = self
            .fm
            .error(&[], format!("the required field `{field}` is missing"))
            .expected(format!("`{field}:` with {meaning}"));
        self.push(d);
    }

    fn locality(&mut self, root: &Node) -> RawLocality {
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
                "country" => {
                    if let Some(s) = self.string(value, &path, key) {
                        if s.len() == 2 && s.bytes().all(|b| b.is_ascii_alphabetic()) {
                            loc.country = Some(s.to_ascii_uppercase());
                        } else {
                            let d = self
                                .fm
                                .error(&path, "`country` is not a two-letter country code")
                                .found(format!("`{s}`"))
                                .expected(
                                    "an ISO 3166-1 alpha-2 code such as `BF`, `NG` or `SN`"
                                        .to_owned(),
                                );
                            self.push(d);
                        }
                    }
                }
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

    fn commitment(&mut self, root: &Node) -> RawCommitment {
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
        c
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
                "assessed_by" => {
                    if let Some(s) = self.string(value, &p, key) {
                        match Assessor::ALL.iter().find(|(n, _)| *n == s) {
                            Some((_, a)) => u.assessed_by = Some(*a),
                            None => {
                                let names: Vec<&str> =
                                    Assessor::ALL.iter().map(|(n, _)| *n).collect();
                                let mut d = self
                                    .fm
                                    .error(&p, "`assessed_by` names nobody the content model knows")
                                    .found(format!("`{s}`"))
                                    .expected(diag::one_of(&names));
                                if let Some(m) = diag::did_you_mean(&s, names.iter().copied()) {
                                    d = d.help(format!("did you mean `{m}`?"));
                                }
                                self.push(d);
                            }
                        }
                    }
                }
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
}

/// The default-language file a translation file belongs to.
pub fn original_file(rel: &str) -> String {
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
pub fn parse_date(s: &str) -> Result<Date, String> {
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

// ---------------------------------------------------------------------------
// site.yaml

const SITE_FIELDS: &[&str] = &[
    "title",
    "description",
    "base_url",
    "default_language",
    "languages",
    "as_of",
    "statuses",
    "parties",
    "theme",
    "countries",
    "topics",
    "unsafe_trusted_raw_html",
];

/// Scripts written right to left, by language code.
const RTL_LANGUAGES: &[&str] = &[
    "ar", "arc", "ckb", "dv", "fa", "ha-arab", "he", "ks", "ku-arab", "pa-arab", "ps", "sd", "syr",
    "ug", "ur", "yi",
];

/// Parses site.yaml into the site's settings. `build_date` is the date
/// `as_of` defaults to.
/// Problems are returned with a config whenever one could still be made
/// from the rest of the file, so that content can be checked against it in
/// the same run.
pub fn parse_config(file: &SourceFile, build_date: Date) -> (Option<Config>, Vec<Diagnostic>) {
    let fm = FrontMatter {
        rel: file.rel.clone(),
        file_text: Arc::from(file.text.as_str()),
        yaml_range: 0..file.text.len(),
        first_line: 1,
        located: AtomicUsize::new(0),
    };
    let root = match yaml::parse(fm.yaml()) {
        Ok(root) => root,
        Err(e) => {
            let d = Diagnostic::error(
                &file.rel,
                format!("site.yaml is not valid YAML: {}", e.message),
            )
            .at(&file.text, e.line.max(1), e.column);
            return (None, vec![d]);
        }
    };
    let mut r = Reader {
        fm: &fm,
        diags: Vec::new(),
        dropped: 0,
        translation: false,
    };
    let mut title = None;
    let mut description = None;
    let mut base_url = None;
    let mut default_language = None;
    let mut languages: Vec<Language> = Vec::new();
    let mut as_of = None;
    let mut statuses = None;
    let mut parties = None;
    let mut theme = None;
    let mut countries = BTreeMap::new();
    let mut topics = BTreeMap::new();
    let mut unsafe_trusted_raw_html = false;
    for (key, value) in r.fields(&root, &[], SITE_FIELDS, None, "site.yaml") {
        let path = [Seg::key(key)];
        match key {
            "title" => title = r.text(value, &path, key),
            "description" => description = r.text(value, &path, key),
            "base_url" => {
                if let Some(s) = r.string(value, &path, key) {
                    if s.starts_with("https://") || s.starts_with("http://") || s.starts_with('/') {
                        base_url = Some(if s.ends_with('/') { s } else { format!("{s}/") });
                    } else {
                        let d = fm
                            .error(&path, "`base_url` is not a web address")
                            .found(format!("`{s}`"))
                            .expected("the address the portal is published at, such as `https://tracker.example.org/`".to_owned());
                        r.push(d);
                    }
                }
            }
            "default_language" => {
                if let Some(s) = r.string(value, &path, key) {
                    if is_lang_code(&s) {
                        default_language = Some(s);
                    } else {
                        let d = fm
                            .error(&path, "`default_language` is not a language code")
                            .found(format!("`{s}`"))
                            .expected("a lowercase code such as `en`, `fr` or `ar`".to_owned());
                        r.push(d);
                    }
                }
            }
            "languages" => languages = r.list(value, &path, key, |r, n, p| r.language(n, p)),
            "as_of" => as_of = r.date(value, &path, key),
            "theme" => theme = r.id(value, &path, key),
            "statuses" => {
                statuses = Some(r.list(value, &path, key, |r, n, p| {
                    r.definition(n, p, "a status", &["id", "label", "done", "closed"])
                }))
            }
            "parties" => {
                parties = Some(r.list(value, &path, key, |r, n, p| {
                    r.definition(n, p, "a party", &["id", "label"])
                }))
            }
            "countries" => {
                countries = r.labels(
                    value,
                    &path,
                    key,
                    |k| k.len() == 2 && k.bytes().all(|b| b.is_ascii_uppercase()),
                    "upper-case ISO 3166-1 alpha-2 codes such as `BF`",
                )
            }
            "topics" => {
                topics = r.labels(value, &path, key, is_id, "topic ids such as `women-safety`")
            }
            "unsafe_trusted_raw_html" => match value {
                Node::Bool(b) => unsafe_trusted_raw_html = *b,
                other => r.type_error(
                    &path,
                    other,
                    key,
                    "`true` (every author is trusted to put any HTML, script included, into pages) or `false` (the default: raw HTML is sanitised)",
                ),
            },
            _ => {}
        }
    }
    if title.is_none() {
        r.missing(
            &root,
            "title",
            "the portal's title, a text or one text per language",
        );
    }
    if default_language.is_none() {
        r.missing(
            &root,
            "default_language",
            "the language of the content files without a language suffix, such as `en`",
        );
    }
    if base_url.is_none() {
        r.missing(
            &root,
            "base_url",
            "the address the portal is published at, such as `https://tracker.example.org/`",
        );
    }
    // Languages: unique codes; the default among them (added first when the list is absent).
    let mut seen: Vec<String> = Vec::new();
    for (i, l) in languages.iter().enumerate() {
        if seen.contains(&l.code) {
            let d = fm.error(
                &[Seg::key("languages"), Seg::Index(i)],
                format!("the language `{}` is listed twice", l.code),
            );
            r.push(d);
        }
        seen.push(l.code.clone());
    }
    if let Some(def) = &default_language {
        if languages.is_empty() {
            languages.push(Language {
                code: def.clone(),
                name: def.clone(),
                dir: default_dir(def),
                locale: def.clone(),
            });
        } else if !languages.iter().any(|l| &l.code == def) {
            let codes: Vec<&str> = languages.iter().map(|l| l.code.as_str()).collect();
            let d = fm
                .error(
                    &[Seg::key("default_language")],
                    "the default language is not one of `languages`",
                )
                .found(format!("`{def}`"))
                .expected(diag::one_of(&codes));
            r.push(d);
        }
    }
    let statuses = match statuses {
        Some(list) => list
            .into_iter()
            .map(|(id, label, done, closed)| StatusDef {
                id,
                label,
                done,
                closed,
            })
            .collect(),
        None => default_statuses(),
    };
    let parties = match parties {
        Some(list) => list
            .into_iter()
            .map(|(id, label, _, _)| PartyDef { id, label })
            .collect(),
        None => default_parties(),
    };
    r.unique_ids(
        &statuses.iter().map(|s| s.id.clone()).collect::<Vec<_>>(),
        "statuses",
    );
    r.unique_ids(
        &parties.iter().map(|p| p.id.clone()).collect::<Vec<_>>(),
        "parties",
    );
    if statuses.is_empty() {
        let d = fm
            .error(&[Seg::key("statuses")], "`statuses` is empty")
            .expected("at least one status".to_owned());
        r.push(d);
    }
    if parties.is_empty() {
        let d = fm
            .error(&[Seg::key("parties")], "`parties` is empty")
            .expected("at least one party".to_owned());
        r.push(d);
    }
    let (Some(title), Some(base_url), Some(default_language)) = (title, base_url, default_language)
    else {
        return (None, r.finish());
    };
    let title = merge_config_text(&mut r, title, &default_language, "title");
    let description =
        description.map(|d| merge_config_text(&mut r, d, &default_language, "description"));
    // Plain labels and names are in the default language.
    let mut statuses = statuses;
    let mut parties = parties;
    let plain_to_default = |m: &mut BTreeMap<String, String>| {
        if let Some(v) = m.remove("") {
            m.insert(default_language.clone(), v);
        }
    };
    statuses
        .iter_mut()
        .for_each(|s| plain_to_default(&mut s.label));
    parties
        .iter_mut()
        .for_each(|p| plain_to_default(&mut p.label));
    countries.values_mut().for_each(plain_to_default);
    topics.values_mut().for_each(plain_to_default);
    let config = Config {
        title,
        description,
        base_url,
        default_language,
        languages,
        as_of: as_of.unwrap_or(build_date),
        statuses,
        parties,
        theme: theme.unwrap_or_else(|| "default".into()),
        countries,
        topics,
        unsafe_trusted_raw_html,
    };
    (Some(config), r.finish())
}

fn default_dir(code: &str) -> Dir {
    let base = code.split('-').next().unwrap_or(code);
    if RTL_LANGUAGES.contains(&code) || RTL_LANGUAGES.contains(&base) && !code.contains("-latn") {
        Dir::Rtl
    } else {
        Dir::Ltr
    }
}

fn merge_config_text(r: &mut Reader, t: RawText, default: &str, what: &str) -> Text {
    let mut by_lang = t.by_lang;
    let default_text = t.plain.or_else(|| by_lang.remove(default));
    match default_text {
        Some(d) => Text {
            default: d,
            translations: by_lang,
        },
        None => {
            let d =
                r.fm.error(
                    &[Seg::key(what)],
                    format!("`{what}` has no text in the default language"),
                )
                .expected(format!("a `{default}:` entry (the default language)"));
            r.push(d);
            Text::default()
        }
    }
}

type Definition = (String, BTreeMap<String, String>, bool, bool);

impl Reader<'_> {
    fn language(&mut self, node: &Node, path: &[Seg]) -> Option<Language> {
        let mut code = None;
        let mut name = None;
        let mut dir = None;
        let mut locale = None;
        let allowed = ["code", "name", "dir", "locale"];
        for (key, value) in self.fields(node, path, &allowed, None, "a language") {
            let p = path_of(path, Seg::key(key));
            match key {
                "code" => {
                    if let Some(s) = self.string(value, &p, key) {
                        if is_lang_code(&s) {
                            code = Some(s);
                        } else {
                            let d = self
                                .fm
                                .error(&p, "not a language code")
                                .found(format!("`{s}`"))
                                .expected(
                                    "a lowercase code such as `en`, `fr`, `ar` or `ne`".to_owned(),
                                );
                            self.push(d);
                        }
                    }
                }
                "name" => name = self.string(value, &p, key),
                "locale" => {
                    if let Some(s) = self.string(value, &p, key) {
                        match crate::locale::Formats::new(&s) {
                            Ok(_) => locale = Some(s),
                            Err(e) => {
                                let d = self.fm.error(&p, e).expected(
                                    "a BCP 47 locale such as `ar-IQ`, `ar-u-nu-arab` or `ne-NP`"
                                        .to_owned(),
                                );
                                self.push(d);
                            }
                        }
                    }
                }
                "dir" => match self.string(value, &p, key).as_deref() {
                    Some("rtl") => dir = Some(Dir::Rtl),
                    Some("ltr") => dir = Some(Dir::Ltr),
                    Some(other) => {
                        let d = self
                            .fm
                            .error(&p, "`dir` is not a writing direction")
                            .found(format!("`{other}`"))
                            .expected("`ltr` (left to right) or `rtl` (right to left)".to_owned());
                        self.push(d);
                    }
                    None => {}
                },
                _ => {}
            }
        }
        if code.is_none() && matches!(node, Node::Map(_)) {
            let d = self
                .fm
                .error(path, "a language has no `code`")
                .expected("`code:` such as `fr`".to_owned());
            self.push(d);
        }
        let code = code?;
        Some(Language {
            name: name.unwrap_or_else(|| code.clone()),
            dir: dir.unwrap_or_else(|| default_dir(&code)),
            locale: locale.unwrap_or_else(|| code.clone()),
            code,
        })
    }

    fn definition(
        &mut self,
        node: &Node,
        path: &[Seg],
        what: &str,
        allowed: &[&str],
    ) -> Option<Definition> {
        let mut id = None;
        let mut label = BTreeMap::new();
        let mut done = false;
        let mut closed = false;
        for (key, value) in self.fields(node, path, allowed, None, what) {
            let p = path_of(path, Seg::key(key));
            match key {
                "id" => id = self.id(value, &p, key),
                "label" => {
                    if let Some(t) = self.text(value, &p, key) {
                        label = t.by_lang;
                        if let Some(plain) = t.plain {
                            // A plain label is in the default language; stored under "" until merged.
                            label.insert(String::new(), plain);
                        }
                    }
                }
                "done" | "closed" => match value {
                    Node::Bool(b) if key == "done" => done = *b,
                    Node::Bool(b) => closed = *b,
                    other => self.type_error(&p, other, key, "`true` or `false`"),
                },
                _ => {}
            }
        }
        if done && closed {
            let d = self
                .fm
                .error(path, format!("{what} cannot be both `done` and `closed`"))
                .help("`done: true` means the pledge was kept; `closed: true` means it ended without being kept");
            self.push(d);
        }
        if id.is_none() && matches!(node, Node::Map(_)) {
            let d = self
                .fm
                .error(path, format!("{what} has no `id`"))
                .expected("`id:` such as `in-progress`".to_owned());
            self.push(d);
        }
        Some((id?, label, done, closed))
    }

    /// A map from keys (country codes, topic ids) to a text per language.
    fn labels(
        &mut self,
        node: &Node,
        path: &[Seg],
        what: &str,
        key_ok: fn(&str) -> bool,
        key_expected: &str,
    ) -> BTreeMap<String, BTreeMap<String, String>> {
        let mut out = BTreeMap::new();
        let Node::Map(entries) = node else {
            self.type_error(
                path,
                node,
                what,
                &format!("a map from {key_expected} to names per language"),
            );
            return out;
        };
        for (key, value) in entries {
            let p = path_of(path, Seg::Key(key.clone()));
            if !key_ok(key) {
                let d = self
                    .fm
                    .error(
                        &path_of(path, Seg::KeyName(key.clone())),
                        format!("`{key}` is not a valid key in `{what}`"),
                    )
                    .found(format!("`{key}`"))
                    .expected(key_expected.to_owned());
                self.push(d);
                continue;
            }
            if let Some(t) = self.text(value, &p, what) {
                let mut names = t.by_lang;
                if let Some(plain) = t.plain {
                    names.insert(String::new(), plain);
                }
                out.insert(key.clone(), names);
            }
        }
        out
    }

    fn unique_ids(&mut self, ids: &[String], what: &str) {
        for (i, id) in ids.iter().enumerate() {
            if ids[..i].contains(id) {
                let d = self.fm.error(
                    &[Seg::key(what), Seg::Index(i)],
                    format!("the id `{id}` is defined twice in `{what}`"),
                );
                self.push(d);
            }
        }
    }
}

/// The statuses of the content model, used when site.yaml gives none.
pub fn default_statuses() -> Vec<StatusDef> {
    let s = |id: &str, done, closed| StatusDef {
        id: id.into(),
        label: BTreeMap::new(),
        done,
        closed,
    };
    vec![
        s("not-started", false, false),
        s("in-progress", false, false),
        s("stalled", false, false),
        s("suspended", false, false),
        s("completed", true, false),
        s("not-completed", false, true),
        s("withdrawn", false, true),
    ]
}

/// The parties of the content model, used when site.yaml gives none.
pub fn default_parties() -> Vec<PartyDef> {
    ["police", "community", "local-government", "justice"]
        .into_iter()
        .map(|id| PartyDef {
            id: id.into(),
            label: BTreeMap::new(),
        })
        .collect()
}
