//! The lists and maps of site.yaml, entry by entry: languages (code, name,
//! writing direction, locale), status and party definitions, names of
//! countries and topics, and that ids are not defined twice.

use super::is_lang_code;
use super::reader::{Reader, path_of};
use crate::model::{Dir, Language};
use crate::yaml::{Node, Seg};
use std::collections::BTreeMap;

/// Scripts written right to left, by language code.
/// The fields of a language of `languages`.
pub(crate) const LANGUAGE_FIELDS: &[&str] = &["code", "name", "dir", "locale"];

const RTL_LANGUAGES: &[&str] = &[
    "ar", "arc", "ckb", "dv", "fa", "ha-arab", "he", "ks", "ku-arab", "pa-arab", "ps", "sd", "syr",
    "ug", "ur", "yi",
];

/// The writing direction of a language's script, from its code.
pub(super) fn default_dir(code: &str) -> Dir {
    let base = code.split('-').next().unwrap_or(code);
    if RTL_LANGUAGES.contains(&code) || RTL_LANGUAGES.contains(&base) && !code.contains("-latn") {
        Dir::Rtl
    } else {
        Dir::Ltr
    }
}

/// A status or party as defined in site.yaml: id, label by language, `done`, `closed`.
pub(super) type Definition = (String, BTreeMap<String, String>, bool, bool);

impl Reader<'_> {
    /// One entry of `languages`: its code, name, writing direction and locale.
    pub(super) fn language(&mut self, node: &Node, path: &[Seg]) -> Option<Language> {
        let mut code = None;
        let mut name = None;
        let mut dir = None;
        let mut locale = None;
        for (key, value) in self.fields(node, path, LANGUAGE_FIELDS, None, "a language") {
            let p = path_of(path, Seg::key(key));
            match key {
                "code" => code = self.language_code(value, &p),
                "name" => name = self.string(value, &p, key),
                "locale" => locale = self.locale(value, &p),
                "dir" => dir = self.dir(value, &p),
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

    fn language_code(&mut self, node: &Node, path: &[Seg]) -> Option<String> {
        let s = self.string(node, path, "code")?;
        if is_lang_code(&s) {
            return Some(s);
        }
        let d = self
            .fm
            .error(path, "not a language code")
            .found(format!("`{s}`"))
            .expected("a lowercase code such as `en`, `fr`, `ar` or `ne`".to_owned());
        self.push(d);
        None
    }

    /// A locale the dates and numbers of a language are formatted for.
    fn locale(&mut self, node: &Node, path: &[Seg]) -> Option<String> {
        let s = self.string(node, path, "locale")?;
        match crate::locale::Formats::new(&s) {
            Ok(_) => Some(s),
            Err(e) => {
                let d = self.fm.error(path, e).expected(
                    "a BCP 47 locale such as `ar-IQ`, `ar-u-nu-arab` or `ne-NP`".to_owned(),
                );
                self.push(d);
                None
            }
        }
    }

    /// A writing direction, `ltr` or `rtl`.
    fn dir(&mut self, node: &Node, path: &[Seg]) -> Option<Dir> {
        match self.string(node, path, "dir").as_deref() {
            Some("rtl") => Some(Dir::Rtl),
            Some("ltr") => Some(Dir::Ltr),
            Some(other) => {
                let d = self
                    .fm
                    .error(path, "`dir` is not a writing direction")
                    .found(format!("`{other}`"))
                    .expected("`ltr` (left to right) or `rtl` (right to left)".to_owned());
                self.push(d);
                None
            }
            None => None,
        }
    }

    /// One status or party (`what`, with its `allowed` fields).
    pub(super) fn definition(
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
    pub(super) fn labels(
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

    /// Reports each id of `ids` (the list `what`) that an earlier one repeats.
    pub(super) fn unique_ids(&mut self, ids: &[String], what: &str) {
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

#[cfg(test)]
mod tests {
    use crate::model::Dir;
    use crate::parse::testing::{config, config_error, config_ok, place, site_yaml};

    #[test]
    fn languages_default_to_the_default_language_and_directions_follow_the_script() {
        let c = config_ok("title: T\nbase_url: /\ndefault_language: ar\n");
        assert_eq!(c.languages.len(), 1);
        assert_eq!(
            (c.languages[0].code.as_str(), c.languages[0].dir),
            ("ar", Dir::Rtl)
        );
        let c = config_ok(&site_yaml(
            "  - { code: ur }\n  - { code: ha-arab }\n  - { code: ur-latn }\n  - { code: ar, dir: ltr, locale: ar-IQ }\n",
        ));
        let dirs: Vec<_> = c
            .languages
            .iter()
            .map(|l| (l.code.as_str(), l.dir))
            .collect();
        assert_eq!(
            dirs,
            [
                ("en", Dir::Ltr),
                ("fr", Dir::Ltr),
                ("ur", Dir::Rtl),
                ("ha-arab", Dir::Rtl),
                ("ur-latn", Dir::Ltr),
                ("ar", Dir::Ltr),
            ]
        );
        assert_eq!(c.languages[2].name, "ur");
        assert_eq!(c.languages[5].locale, "ar-IQ");
    }

    #[test]
    fn each_language_is_checked_where_it_is() {
        for (extra, line, column, message, found) in [
            (
                "  - { code: en, name: Again }\n",
                7,
                5,
                "the language `en` is listed twice",
                None,
            ),
            (
                "  - { code: ar, dir: up }\n",
                7,
                22,
                "`dir` is not a writing direction",
                Some("`up`"),
            ),
            (
                "  - { name: Deutsch }\n",
                7,
                5,
                "a language has no `code`",
                None,
            ),
            (
                "  - { code: de, script: latin }\n",
                7,
                17,
                "unknown field `script` in a language",
                Some("`script`"),
            ),
            (
                "  - { code: ar, locale: \"ar IQ\" }\n",
                7,
                25,
                "`ar IQ` is not a locale tag (The given language subtag is invalid)",
                None,
            ),
        ] {
            let (_, d) = config_error(&site_yaml(extra));
            assert_eq!(
                (d.line, d.column, d.message.as_str(), d.found.as_deref()),
                (line, column, message, found),
                "{extra}"
            );
            assert_eq!(d.source_line.as_deref(), Some(extra.trim_end()));
        }
    }

    #[test]
    fn a_bad_code_or_id_also_counts_as_missing() {
        let (_, diags) = config(&site_yaml("  - { code: FR }\n"));
        let places: Vec<_> = diags.iter().map(place).collect();
        assert_eq!(
            places,
            [
                ("site.yaml", 7, 13, "not a language code"),
                ("site.yaml", 7, 5, "a language has no `code`"),
            ]
        );
        assert_eq!(diags[0].found.as_deref(), Some("`FR`"));
        let (_, diags) = config(&site_yaml("parties:\n  - { id: Police Force }\n"));
        let places: Vec<_> = diags.iter().map(place).collect();
        assert_eq!(
            places,
            [
                ("site.yaml", 8, 11, "`id` is not a valid id"),
                ("site.yaml", 8, 5, "a party has no `id`"),
                ("site.yaml", 8, 3, "`parties` is empty"),
            ]
        );
    }

    #[test]
    fn statuses_and_parties_definitions() {
        let c = config_ok(&site_yaml(
            "statuses:\n  - { id: open, label: Open }\n  - { id: kept, label: { en: Kept, fr: Tenu }, done: true }\n  - { id: dropped, closed: true }\nparties: [{ id: police }]\n",
        ));
        let s = &c.statuses;
        assert_eq!(s.len(), 3);
        assert_eq!(s[0].label.get("en").map(String::as_str), Some("Open"));
        assert_eq!(s[1].label.get("fr").map(String::as_str), Some("Tenu"));
        assert!(s[1].done && !s[1].closed && s[2].closed && !s[2].done);
        assert_eq!(c.parties.len(), 1);
        for (extra, line, column, message) in [
            (
                "statuses:\n  - { id: open }\n  - { id: open }\n",
                9,
                5,
                "the id `open` is defined twice in `statuses`",
            ),
            (
                "statuses:\n  - { id: open }\n  - { label: Shut }\n",
                9,
                5,
                "a status has no `id`",
            ),
            (
                "statuses:\n  - { id: odd, done: true, closed: true }\n",
                8,
                5,
                "a status cannot be both `done` and `closed`",
            ),
            (
                "statuses:\n  - { id: odd, done: yes }\n",
                8,
                22,
                "`done` has the wrong kind of value",
            ),
            ("statuses: []\n", 7, 11, "`statuses` is empty"),
            ("parties: []\n", 7, 10, "`parties` is empty"),
            (
                "parties:\n  - { id: police, done: true }\n",
                8,
                19,
                "unknown field `done` in a party",
            ),
        ] {
            let (_, d) = config_error(&site_yaml(extra));
            assert_eq!(place(&d), ("site.yaml", line, column, message), "{extra}");
        }
        let (_, d) = config_error(&site_yaml(
            "statuses:\n  - { id: odd, done: true, closed: true }\n",
        ));
        assert_eq!(
            d.help.as_deref(),
            Some(
                "`done: true` means the pledge was kept; `closed: true` means it ended without being kept"
            )
        );
    }
}
