//! site.yaml into the site's settings ([`Config`]): the portal's title and
//! address, its languages and default language, `as_of`, the statuses and
//! parties (the content model's defaults when site.yaml gives none), names
//! of countries and topics, the theme, the raw-HTML switch, and the trust
//! signals (publisher, contact, corrections, licence: `trust.rs`).

use super::lists::{Definition, default_dir};
use super::reader::Reader;
use super::trust::RawPublisher;
use super::{FrontMatter, RawText, is_id, is_lang_code};
use crate::diag::{self, Diagnostic};
use crate::load::SourceFile;
use crate::model::{
    Config, Contact, FileSize, Language, License, OfflineBundle, PartyDef, ShareImages, SizeUnit,
    StatusDef, Text,
};
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
    "offline_bundle",
    "share_images",
    "license",
    "publisher",
    "contact",
    "corrections",
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
    offline_bundle: Option<OfflineBundle>,
    share_images: ShareImages,
    license: Option<License>,
    publisher: Option<RawPublisher>,
    contact: Option<Contact>,
    corrections: Option<RawText>,
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
                "offline_bundle" => site.offline_bundle = self.offline_bundle(value, &path),
                "share_images" => {
                    site.share_images = self.share_images(value, &path).unwrap_or_default()
                }
                "license" => site.license = self.license(value, &path),
                "publisher" => site.publisher = self.publisher(value, &path),
                "contact" => site.contact = self.contact(value, &path),
                "corrections" => site.corrections = self.text(value, &path, key),
                _ => {}
            }
        }
        site
    }

    /// `share_images`: `countries` (the default) or `localities`.
    fn share_images(&mut self, node: &Node, path: &[Seg]) -> Option<ShareImages> {
        let s = self.string(node, path, "share_images")?;
        if let Some((_, v)) = ShareImages::ALL.iter().find(|(n, _)| *n == s) {
            return Some(*v);
        }
        let names: Vec<&str> = ShareImages::ALL.iter().map(|(n, _)| *n).collect();
        let mut d = (self.fm)
            .error(path, "`share_images` names no kind of share image")
            .found(format!("`{s}`"))
            .expected(format!(
                "{} (`localities` adds an image for each locality's pages)",
                diag::one_of(&names)
            ));
        if let Some(m) = diag::did_you_mean(&s, names.iter().copied()) {
            d = d.help(format!("did you mean `{m}`?"));
        }
        self.push(d);
        None
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
        let corrections = site
            .corrections
            .map(|c| merge_config_text(self, c, &default_language, "corrections"));
        let publisher = site
            .publisher
            .and_then(|p| p.merge(self, &default_language));
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
            left_out: Vec::new(),
            offline_bundle: site.offline_bundle,
            share_images: site.share_images,
            license: site.license,
            publisher,
            contact: site.contact,
            corrections,
        })
    }
}

/// The fields of `offline_bundle`.
const OFFLINE_BUNDLE_FIELDS: &[&str] = &["url", "size"];

impl Reader<'_> {
    /// `offline_bundle: { url, size }`: where the partner publishes a zip
    /// of the portal, and how large it is. Both are required.
    fn offline_bundle(&mut self, node: &Node, path: &[Seg]) -> Option<OfflineBundle> {
        let what = "`offline_bundle`";
        let (mut url, mut size, mut read) = (None, None, Vec::new());
        for (key, value) in self.fields(node, path, OFFLINE_BUNDLE_FIELDS, None, what) {
            let at = super::reader::path_of(path, Seg::key(key));
            read.push(key);
            match key {
                "url" => url = self.bundle_url(value, &at),
                "size" => size = self.file_size(value, &at),
                _ => {}
            }
        }
        self.require(
            node,
            path,
            "offline_bundle",
            &read,
            &[
                (
                    "url",
                    "the zip's web address, such as `https://tracker.example.org/portal.zip`",
                ),
                (
                    "size",
                    "the zip's size, such as `4.2 MB`, shown in the link",
                ),
            ],
        );
        Some(OfflineBundle {
            url: url?,
            size: size?,
        })
    }

    /// The zip's address: a web address, which works from every page
    /// wherever the portal is read (a relative one would not, from disk).
    fn bundle_url(&mut self, node: &Node, path: &[Seg]) -> Option<String> {
        let s = self.string(node, path, "url")?;
        if super::trust::is_web_address(&s) {
            return Some(s);
        }
        let d = self
            .fm
            .error(path, "`url` of `offline_bundle` is not a web address")
            .found(format!("`{s}`"))
            .expected(
                "the whole address of the zip, starting with `https://`, such as \
                 `https://tracker.example.org/portal.zip` (a page opened from disk or from \
                 another folder could not follow a shorter one)"
                    .to_owned(),
            );
        self.push(d);
        None
    }

    /// A size such as `4.2 MB`, `850 KB`, `1 GB` (or `4,2 Mo`).
    fn file_size(&mut self, node: &Node, path: &[Seg]) -> Option<FileSize> {
        let s = self.string(node, path, "size")?;
        if let Some(size) = parse_file_size(&s) {
            return Some(size);
        }
        let d = self
            .fm
            .error(path, "`size` of `offline_bundle` is not a file size")
            .found(format!("`{s}`"))
            .expected(
                "a number (at most two decimals, with a point or a comma) and a unit, \
                 `KB`, `MB` or `GB` (or `Ko`, `Mo`, `Go`), such as `4.2 MB`: what \
                 `pledgeboard bundle` printed for the zip"
                    .to_owned(),
            );
        self.push(d);
        None
    }
}

/// `4.2 MB` as a [`FileSize`]; `None` when it is not a size.
fn parse_file_size(s: &str) -> Option<FileSize> {
    let split = s.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))?;
    let (number, unit) = s.split_at(split);
    let unit = unit.trim().to_ascii_lowercase();
    let unit = SizeUnit::ALL
        .into_iter()
        .find(|(_, names)| names.contains(&unit.as_str()))?
        .0;
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    let (whole, fraction) = match number.split_once(['.', ',']) {
        Some((w, f)) if digits(f) && f.len() <= 2 => (w, f),
        Some(_) => return None,
        None => (number, ""),
    };
    if !digits(whole) {
        return None;
    }
    let fraction: u64 = format!("{fraction:0<2}").parse().ok()?;
    let hundredths = whole
        .parse::<u64>()
        .ok()?
        .checked_mul(100)?
        .checked_add(fraction)?;
    Some(FileSize { hundredths, unit })
}

/// A text of site.yaml as a [`Text`]: the default language's text (plain,
/// or under the default language's code) and the translations.
fn merge_config_text(r: &mut Reader, t: RawText, default: &str, what: &str) -> Text {
    merge_text_at(r, t, default, &[Seg::key(what)], what).unwrap_or_default()
}

/// The text `t` of the field `what` at `path` as a [`Text`]; `None`, with
/// an error, when it has no text in the default language.
pub(super) fn merge_text_at(
    r: &mut Reader,
    t: RawText,
    default: &str,
    path: &[Seg],
    what: &str,
) -> Option<Text> {
    let mut by_lang = t.by_lang;
    let default_text = t.plain.or_else(|| by_lang.remove(default));
    match default_text {
        Some(d) => Some(Text {
            default: d,
            translations: by_lang,
        }),
        None => {
            let d =
                r.fm.error(
                    path,
                    format!("`{what}` has no text in the default language"),
                )
                .expected(format!("a `{default}:` entry (the default language)"));
            r.push(d);
            None
        }
    }
}

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

#[cfg(test)]
mod tests {
    use crate::parse::testing::{BUILD_DATE, config, config_error, config_ok, place, site_yaml};
    use jiff::civil::date;

    #[test]
    fn file_sizes_are_a_number_and_a_unit() {
        use super::parse_file_size;
        use crate::model::{FileSize, SizeUnit};
        let size = |hundredths, unit| Some(FileSize { hundredths, unit });
        assert_eq!(parse_file_size("4.2 MB"), size(420, SizeUnit::Megabytes));
        assert_eq!(parse_file_size("4,25 Mo"), size(425, SizeUnit::Megabytes));
        assert_eq!(parse_file_size("850kb"), size(85_000, SizeUnit::Kilobytes));
        assert_eq!(parse_file_size("1 GB"), size(100, SizeUnit::Gigabytes));
        for bad in [
            "MB",
            "4.2",
            "4.256 MB",
            "4. MB",
            ".5 MB",
            "4.2 MiB",
            "about 4 MB",
            "4 MB zip",
        ] {
            assert_eq!(parse_file_size(bad), None, "{bad}");
        }
        let c = config_ok(&site_yaml(
            "offline_bundle: { url: \"https://x.org/p.zip\", size: 4.2 MB }\n",
        ));
        let bundle = c.offline_bundle.expect("the setting");
        assert_eq!(
            (bundle.url.as_str(), bundle.size.amount()),
            ("https://x.org/p.zip", 4.2)
        );
        assert_eq!(config_ok(&site_yaml("")).offline_bundle, None);
    }

    #[test]
    fn a_minimal_site_gets_the_content_model_defaults() {
        let c = config_ok(&site_yaml(""));
        assert_eq!(c.title.default, "Tracker");
        assert_eq!(c.base_url, "https://tracker.example.org/");
        assert_eq!(c.as_of, BUILD_DATE);
        assert_eq!(c.theme, "default");
        let ids = |v: Vec<&str>| v.into_iter().map(String::from).collect::<Vec<_>>();
        assert_eq!(
            c.statuses.iter().map(|s| s.id.clone()).collect::<Vec<_>>(),
            ids(vec![
                "not-started",
                "in-progress",
                "stalled",
                "suspended",
                "completed",
                "not-completed",
                "withdrawn"
            ])
        );
        let done: Vec<_> = c
            .statuses
            .iter()
            .filter(|s| s.done)
            .map(|s| s.id.as_str())
            .collect();
        let closed: Vec<_> = c
            .statuses
            .iter()
            .filter(|s| s.closed)
            .map(|s| s.id.as_str())
            .collect();
        assert_eq!(
            (done, closed),
            (vec!["completed"], vec!["not-completed", "withdrawn"])
        );
        assert_eq!(
            c.parties.iter().map(|p| p.id.clone()).collect::<Vec<_>>(),
            ids(vec!["police", "community", "local-government", "justice"])
        );
        assert!(!c.unsafe_trusted_raw_html);
        let c = config_ok(&site_yaml("as_of: 2024-01-31\n"));
        assert_eq!(c.as_of, date(2024, 1, 31));
    }

    #[test]
    fn the_default_language_must_be_a_listed_language_code() {
        let (config, d) =
            config_error(&site_yaml("").replace("default_language: en", "default_language: de"));
        assert!(config.is_some(), "the rest can still be checked against it");
        assert_eq!(
            place(&d),
            (
                "site.yaml",
                3,
                19,
                "the default language is not one of `languages`"
            )
        );
        assert_eq!(d.found.as_deref(), Some("`de`"));
        assert_eq!(d.expected.as_deref(), Some("one of `en` or `fr`"));
        let (_, d) = config_error(
            &site_yaml("").replace("default_language: en", "default_language: English"),
        );
        assert_eq!(
            place(&d),
            (
                "site.yaml",
                3,
                19,
                "`default_language` is not a language code"
            )
        );
        assert_eq!(d.found.as_deref(), Some("`English`"));
    }

    #[test]
    fn required_fields_and_base_url() {
        let (config, diags) = config("languages: [{ code: en }]\n");
        assert!(config.is_none());
        let places: Vec<_> = diags.iter().map(place).collect();
        assert_eq!(
            places,
            [
                ("site.yaml", 1, 1, "the required field `title` is missing"),
                (
                    "site.yaml",
                    1,
                    1,
                    "the required field `default_language` is missing"
                ),
                (
                    "site.yaml",
                    1,
                    1,
                    "the required field `base_url` is missing"
                ),
            ]
        );
        assert_eq!(
            diags[2].expected.as_deref(),
            Some(
                "`base_url:` with the address the portal is published at, such as `https://tracker.example.org/`"
            )
        );
        let (config, d) = config_error(
            &site_yaml("").replace("https://tracker.example.org", "tracker.example.org"),
        );
        assert!(config.is_none());
        assert_eq!(
            place(&d),
            ("site.yaml", 2, 11, "`base_url` is not a web address")
        );
        assert_eq!(d.found.as_deref(), Some("`tracker.example.org`"));
        assert_eq!(
            config_ok(&site_yaml("").replace("https://tracker.example.org", "/tracker")).base_url,
            "/tracker/"
        );
    }

    #[test]
    fn fields_of_the_wrong_kind_or_format() {
        for (extra, line, column, message, found) in [
            (
                "as_of: 30/06/2024\n",
                7,
                8,
                "`as_of` is not a valid date: it is not written YYYY-MM-DD",
                Some("`30/06/2024`"),
            ),
            (
                "theme: My Theme\n",
                7,
                8,
                "`theme` is not a valid id",
                Some("`My Theme`"),
            ),
            (
                "unsafe_trusted_raw_html: yes\n",
                7,
                26,
                "`unsafe_trusted_raw_html` has the wrong kind of value",
                Some("the text `yes`"),
            ),
            (
                "colour: blue\n",
                7,
                1,
                "unknown field `colour` in site.yaml",
                Some("`colour`"),
            ),
            (
                "countries: { bf: Burkina Faso }\n",
                7,
                14,
                "`bf` is not a valid key in `countries`",
                Some("`bf`"),
            ),
            (
                "topics: { Theft: Theft }\n",
                7,
                11,
                "`Theft` is not a valid key in `topics`",
                Some("`Theft`"),
            ),
            (
                "topics: [theft]\n",
                7,
                9,
                "`topics` has the wrong kind of value",
                Some("a list of 1 item(s)"),
            ),
        ] {
            let (_, d) = config_error(&site_yaml(extra));
            assert_eq!(
                (d.line, d.column, d.message.as_str(), d.found.as_deref()),
                (line, column, message, found),
                "{extra}"
            );
        }
        let (_, d) = config_error(&site_yaml("colour: blue\n"));
        assert_eq!(d.help, None);
        let (_, d) = config_error(&site_yaml("titel: Again\n"));
        assert_eq!(d.help.as_deref(), Some("did you mean `title`?"));
    }

    #[test]
    fn texts_need_the_default_language() {
        let (config, d) =
            config_error(&site_yaml("").replace("title: Tracker", "title: { fr: Suivi }"));
        assert!(config.is_some(), "a config is still made");
        assert_eq!(
            place(&d),
            (
                "site.yaml",
                1,
                8,
                "`title` has no text in the default language"
            )
        );
        assert_eq!(
            d.expected.as_deref(),
            Some("a `en:` entry (the default language)")
        );
        let c = config_ok(&site_yaml(
            "description: { en: About, fr: À propos }\ntopics: { theft: Theft }\n",
        ));
        let description = c.description.unwrap();
        assert_eq!(
            (
                description.default.as_str(),
                description.translations["fr"].as_str()
            ),
            ("About", "À propos")
        );
        // A plain name is in the default language.
        assert_eq!(c.topics["theft"]["en"], "Theft");
    }

    #[test]
    fn yaml_errors_in_site_yaml() {
        let (config, diags) = config("title: a: b\n");
        assert!(config.is_none());
        assert_eq!(diags.len(), 1);
        assert_eq!(
            place(&diags[0]),
            (
                "site.yaml",
                1,
                9,
                "site.yaml is not valid YAML: a `key: value` pair cannot start here (check indentation, or quote a text that contains `: `)"
            )
        );
    }
}
