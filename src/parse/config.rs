//! site.yaml into the site's settings ([`Config`]): the portal's title and
//! address, its languages and default language, `as_of`, the statuses and
//! parties (the content model's defaults when site.yaml gives none), names
//! of countries and topics, the theme, and the raw-HTML switch.

use super::reader::{Reader, path_of};
use super::{FrontMatter, RawText, is_id, is_lang_code};
use crate::diag::{self, Diagnostic};
use crate::load::SourceFile;
use crate::model::{Config, Dir, Language, PartyDef, StatusDef, Text};
use crate::yaml::{self, Node, Seg};
use jiff::civil::Date;
use std::collections::BTreeMap;

/// The fields site.yaml may have.
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

/// The values of site.yaml's fields as read, before they are checked
/// together and the defaults are filled in.
#[derive(Default)]
struct SiteFields {
    title: Option<RawText>,
    description: Option<RawText>,
    base_url: Option<String>,
    default_language: Option<String>,
    languages: Vec<Language>,
    as_of: Option<Date>,
    statuses: Option<Vec<Definition>>,
    parties: Option<Vec<Definition>>,
    theme: Option<String>,
    countries: Labels,
    topics: Labels,
    unsafe_trusted_raw_html: bool,
}

/// Names per key (country code, topic id), each a map from language to
/// text; a plain text is under `""` until it is put under the default language.
type Labels = BTreeMap<String, BTreeMap<String, String>>;

/// Parses site.yaml into the site's settings. `build_date` is the date
/// `as_of` defaults to.
/// Problems are returned with a config whenever one could still be made
/// from the rest of the file, so that content can be checked against it in
/// the same run.
pub fn parse_config(file: &SourceFile, build_date: Date) -> (Option<Config>, Vec<Diagnostic>) {
    let fm = FrontMatter::new(&file.rel, &file.text, 0..file.text.len(), 1);
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
    let mut r = Reader::new(&fm, false);
    let mut site = r.site_fields(&root);
    r.site_required(&root, &site);
    r.check_languages(&mut site.languages, site.default_language.as_deref());
    let statuses = match site.statuses.take() {
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
    let parties = match site.parties.take() {
        Some(list) => list
            .into_iter()
            .map(|(id, label, _, _)| PartyDef { id, label })
            .collect(),
        None => default_parties(),
    };
    r.check_definitions(&statuses, &parties);
    let config = r.assemble(site, statuses, parties, build_date);
    (config, r.finish())
}

impl Reader<'_> {
    /// Reads each field of site.yaml, reporting unknown fields and values
    /// of the wrong kind or format.
    fn site_fields(&mut self, root: &Node) -> SiteFields {
        let mut site = SiteFields::default();
        for (key, value) in self.fields(root, &[], SITE_FIELDS, None, "site.yaml") {
            let path = [Seg::key(key)];
            match key {
                "title" => site.title = self.text(value, &path, key),
                "description" => site.description = self.text(value, &path, key),
                "base_url" => site.base_url = self.base_url(value, &path),
                "default_language" => site.default_language = self.default_language(value, &path),
                "languages" => {
                    site.languages = self.list(value, &path, key, |r, n, p| r.language(n, p))
                }
                "as_of" => site.as_of = self.date(value, &path, key),
                "theme" => site.theme = self.id(value, &path, key),
                "statuses" => {
                    site.statuses = Some(self.list(value, &path, key, |r, n, p| {
                        r.definition(n, p, "a status", &["id", "label", "done", "closed"])
                    }))
                }
                "parties" => {
                    site.parties = Some(self.list(value, &path, key, |r, n, p| {
                        r.definition(n, p, "a party", &["id", "label"])
                    }))
                }
                "countries" => {
                    site.countries = self.labels(
                        value,
                        &path,
                        key,
                        |k| k.len() == 2 && k.bytes().all(|b| b.is_ascii_uppercase()),
                        "upper-case ISO 3166-1 alpha-2 codes such as `BF`",
                    )
                }
                "topics" => {
                    site.topics =
                        self.labels(value, &path, key, is_id, "topic ids such as `women-safety`")
                }
                "unsafe_trusted_raw_html" => match value {
                    Node::Bool(b) => site.unsafe_trusted_raw_html = *b,
                    other => self.type_error(
                        &path,
                        other,
                        key,
                        "`true` (every author is trusted to put any HTML, script included, into pages) or `false` (the default: raw HTML is sanitised)",
                    ),
                },
                _ => {}
            }
        }
        site
    }

    /// The address the portal is published at, ending in `/`.
    fn base_url(&mut self, node: &Node, path: &[Seg]) -> Option<String> {
        let s = self.string(node, path, "base_url")?;
        if s.starts_with("https://") || s.starts_with("http://") || s.starts_with('/') {
            return Some(if s.ends_with('/') { s } else { format!("{s}/") });
        }
        let d = self
            .fm
            .error(path, "`base_url` is not a web address")
            .found(format!("`{s}`"))
            .expected(
                "the address the portal is published at, such as `https://tracker.example.org/`"
                    .to_owned(),
            );
        self.push(d);
        None
    }

    fn default_language(&mut self, node: &Node, path: &[Seg]) -> Option<String> {
        let s = self.string(node, path, "default_language")?;
        if is_lang_code(&s) {
            return Some(s);
        }
        let d = self
            .fm
            .error(path, "`default_language` is not a language code")
            .found(format!("`{s}`"))
            .expected("a lowercase code such as `en`, `fr` or `ar`".to_owned());
        self.push(d);
        None
    }

    /// Asks for the fields site.yaml must have.
    fn site_required(&mut self, root: &Node, site: &SiteFields) {
        if site.title.is_none() {
            self.missing(
                root,
                "title",
                "the portal's title, a text or one text per language",
            );
        }
        if site.default_language.is_none() {
            self.missing(
                root,
                "default_language",
                "the language of the content files without a language suffix, such as `en`",
            );
        }
        if site.base_url.is_none() {
            self.missing(
                root,
                "base_url",
                "the address the portal is published at, such as `https://tracker.example.org/`",
            );
        }
    }

    /// Languages: unique codes; the default among them (added first when
    /// the list is absent).
    fn check_languages(&mut self, languages: &mut Vec<Language>, default_language: Option<&str>) {
        let mut seen: Vec<String> = Vec::new();
        for (i, l) in languages.iter().enumerate() {
            if seen.contains(&l.code) {
                let d = self.fm.error(
                    &[Seg::key("languages"), Seg::Index(i)],
                    format!("the language `{}` is listed twice", l.code),
                );
                self.push(d);
            }
            seen.push(l.code.clone());
        }
        let Some(def) = default_language else {
            return;
        };
        if languages.is_empty() {
            languages.push(Language {
                code: def.to_owned(),
                name: def.to_owned(),
                dir: default_dir(def),
                locale: def.to_owned(),
            });
        } else if !languages.iter().any(|l| l.code == def) {
            let codes: Vec<&str> = languages.iter().map(|l| l.code.as_str()).collect();
            let d = self
                .fm
                .error(
                    &[Seg::key("default_language")],
                    "the default language is not one of `languages`",
                )
                .found(format!("`{def}`"))
                .expected(diag::one_of(&codes));
            self.push(d);
        }
    }

    /// Status and party ids are unique, and there is at least one of each.
    fn check_definitions(&mut self, statuses: &[StatusDef], parties: &[PartyDef]) {
        self.unique_ids(
            &statuses.iter().map(|s| s.id.clone()).collect::<Vec<_>>(),
            "statuses",
        );
        self.unique_ids(
            &parties.iter().map(|p| p.id.clone()).collect::<Vec<_>>(),
            "parties",
        );
        if statuses.is_empty() {
            let d = self
                .fm
                .error(&[Seg::key("statuses")], "`statuses` is empty")
                .expected("at least one status".to_owned());
            self.push(d);
        }
        if parties.is_empty() {
            let d = self
                .fm
                .error(&[Seg::key("parties")], "`parties` is empty")
                .expected("at least one party".to_owned());
            self.push(d);
        }
    }

    /// The settings, when the required fields are there: texts merged,
    /// plain labels and names put under the default language, defaults
    /// filled in.
    fn assemble(
        &mut self,
        site: SiteFields,
        mut statuses: Vec<StatusDef>,
        mut parties: Vec<PartyDef>,
        build_date: Date,
    ) -> Option<Config> {
        let (Some(title), Some(base_url), Some(default_language)) =
            (site.title, site.base_url, site.default_language)
        else {
            return None;
        };
        let title = merge_config_text(self, title, &default_language, "title");
        let description = site
            .description
            .map(|d| merge_config_text(self, d, &default_language, "description"));
        let (mut countries, mut topics) = (site.countries, site.topics);
        // Plain labels and names are in the default language.
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
        Some(Config {
            title,
            description,
            base_url,
            default_language,
            languages: site.languages,
            as_of: site.as_of.unwrap_or(build_date),
            statuses,
            parties,
            theme: site.theme.unwrap_or_else(|| "default".into()),
            countries,
            topics,
            unsafe_trusted_raw_html: site.unsafe_trusted_raw_html,
        })
    }
}

/// The writing direction of a language's script, from its code.
fn default_dir(code: &str) -> Dir {
    let base = code.split('-').next().unwrap_or(code);
    if RTL_LANGUAGES.contains(&code) || RTL_LANGUAGES.contains(&base) && !code.contains("-latn") {
        Dir::Rtl
    } else {
        Dir::Ltr
    }
}

/// A text of site.yaml as a [`Text`]: the default language's text (plain,
/// or under the default language's code) and the translations.
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

/// A status or party as defined in site.yaml: id, label by language, `done`, `closed`.
type Definition = (String, BTreeMap<String, String>, bool, bool);

impl Reader<'_> {
    /// One entry of `languages`: its code, name, writing direction and locale.
    fn language(&mut self, node: &Node, path: &[Seg]) -> Option<Language> {
        let mut code = None;
        let mut name = None;
        let mut dir = None;
        let mut locale = None;
        let allowed = ["code", "name", "dir", "locale"];
        for (key, value) in self.fields(node, path, &allowed, None, "a language") {
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

    /// Reports each id of `ids` (the list `what`) that an earlier one repeats.
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
