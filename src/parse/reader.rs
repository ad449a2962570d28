//! The `Reader` both parsers use: it reads typed values (texts, ids, lists,
//! dates) out of a YAML [`Node`] tree, reports each value of the wrong kind
//! or format as a diagnostic at its position, and lists at most
//! [`MAX_DIAGNOSTICS_PER_FILE`] of a file's problems.

use super::{FrontMatter, ID_EXPECTED, MAX_DIAGNOSTICS_PER_FILE, RawText};
use super::{is_id, is_lang_code, original_file, parse_date, suggest_id};
use crate::diag::{self, Diagnostic};
use crate::yaml::{Node, Seg};
use jiff::civil::Date;
use std::collections::BTreeMap;

/// Reads typed fields out of a [`Node`] tree, collecting diagnostics.
pub(super) struct Reader<'a> {
    pub(super) fm: &'a FrontMatter,
    diags: Vec<Diagnostic>,
    /// Whether the file is a translation (text fields only).
    pub(super) translation: bool,
    /// Problems counted but not listed (past [`MAX_DIAGNOSTICS_PER_FILE`]).
    dropped: usize,
}

/// The path `parent` followed by `seg`.
pub(super) fn path_of(parent: &[Seg], seg: Seg) -> Vec<Seg> {
    let mut p = parent.to_vec();
    p.push(seg);
    p
}

impl<'a> Reader<'a> {
    /// A reader of the file `fm`; `translation` when it is a translation
    /// file (which may set text fields only).
    pub(super) fn new(fm: &'a FrontMatter, translation: bool) -> Self {
        Reader {
            fm,
            diags: Vec::new(),
            translation,
            dropped: 0,
        }
    }

    /// Whether no problem was found so far.
    pub(super) fn is_clean(&self) -> bool {
        self.diags.is_empty()
    }

    /// Adds a problem (only counted past [`MAX_DIAGNOSTICS_PER_FILE`]).
    pub(super) fn push(&mut self, d: Diagnostic) {
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
    pub(super) fn finish(mut self) -> Vec<Diagnostic> {
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

    pub(super) fn type_error(&mut self, path: &[Seg], node: &Node, what: &str, expected: &str) {
        let d = self
            .fm
            .error(path, format!("`{what}` has the wrong kind of value"))
            .found(node.describe())
            .expected(expected.to_owned());
        self.push(d);
    }

    /// Checks that `node` is a mapping with only `allowed` keys. `text_only`
    /// lists the keys a translation may set.
    pub(super) fn fields<'n>(
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
                self.unknown_field(&key_path, key, allowed, what);
                continue;
            }
            if let Some(text_fields) = text_only
                && self.translation
                && !text_fields.contains(&key.as_str())
            {
                self.not_in_translation(&key_path, key, text_fields);
                continue;
            }
            out.push((key.as_str(), value));
        }
        out
    }

    /// Reports the field `key` (at `key_path`) as unknown in `what`.
    fn unknown_field(&mut self, key_path: &[Seg], key: &str, allowed: &[&str], what: &str) {
        let mut d = self
            .fm
            .error(key_path, format!("unknown field `{key}` in {what}"))
            .found(format!("`{key}`"))
            .expected(diag::one_of(allowed));
        if let Some(s) = diag::did_you_mean(key, allowed.iter().copied()) {
            d = d.help(format!("did you mean `{s}`?"));
        }
        self.push(d);
    }

    /// Reports the field `key` (at `key_path`) of a translation file as one
    /// only the default-language file may set.
    fn not_in_translation(&mut self, key_path: &[Seg], key: &str, text_fields: &[&str]) {
        let original = original_file(&self.fm.rel);
        let d = self
                .fm
                .error(key_path, format!("a translation cannot set `{key}`"))
                .found(format!("`{key}` in a translation file"))
                .expected(format!("only text in a translation: {}", diag::one_of(text_fields)))
                .help(format!("`{key}` belongs in the default-language file `{original}`; statuses, dates, progress, parties, topics and sources are the same in every language"));
        self.push(d);
    }

    pub(super) fn string(&mut self, node: &Node, path: &[Seg], what: &str) -> Option<String> {
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

    pub(super) fn text(&mut self, node: &Node, path: &[Seg], what: &str) -> Option<RawText> {
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

    pub(super) fn id(&mut self, node: &Node, path: &[Seg], what: &str) -> Option<String> {
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

    pub(super) fn list<T>(
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

    pub(super) fn id_list(&mut self, node: &Node, path: &[Seg], what: &str) -> Vec<String> {
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

    pub(super) fn date(&mut self, node: &Node, path: &[Seg], what: &str) -> Option<Date> {
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

    /// Reports a required field as missing, unless it is there with a bad
    /// value (already reported where it is).
    pub(super) fn missing(&mut self, root: &Node, field: &str, meaning: &str) {
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
}
