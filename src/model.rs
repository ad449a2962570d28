//! The data types of a validated site: what every stage after `validate` works on.
//!
//! Values here are checked: ids are well formed, every status and party id
//! refers to a definition, dates are real dates, updates are in order and
//! grouped by review, and the current status agrees with the last review. Later stages rely on that and
//! do not check again.

use jiff::civil::Date;
use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

/// A language code such as `en`, `fr` or `ar`.
pub type Lang = String;

/// Text in the default language with optional translations, keyed by language.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct Text {
    /// Text in the site's default language (may be empty for a Markdown body).
    pub default: String,
    /// Translations into other languages; never contains the default language.
    pub translations: BTreeMap<Lang, String>,
}

impl Text {
    pub fn plain(default: impl Into<String>) -> Self {
        Text {
            default: default.into(),
            translations: BTreeMap::new(),
        }
    }

    /// The text for `lang`, and whether it fell back to the default language.
    pub fn get(&self, lang: &str) -> (&str, bool) {
        match self.translations.get(lang) {
            Some(t) => (t, false),
            None => (&self.default, true),
        }
    }

    pub fn has(&self, lang: &str) -> bool {
        self.translations.contains_key(lang)
    }
}

/// Writing direction of a language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Dir {
    Ltr,
    Rtl,
}

impl Dir {
    pub fn as_str(self) -> &'static str {
        match self {
            Dir::Ltr => "ltr",
            Dir::Rtl => "rtl",
        }
    }
}

#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Language {
    pub code: Lang,
    /// The language's own name for itself, shown in the switcher.
    pub name: String,
    pub dir: Dir,
    /// The CLDR locale that formats dates and numbers (`ar-IQ`,
    /// `ar-u-nu-arab`): site.yaml's `locale`, else the code.
    pub locale: String,
}

/// A status a commitment can be in (`in-progress`, `completed`, …).
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct StatusDef {
    pub id: String,
    /// Labels given in site.yaml; the theme supplies defaults for the rest.
    pub label: BTreeMap<Lang, String>,
    /// The pledge was kept.
    pub done: bool,
    /// The pledge is over without being kept (not completed, withdrawn).
    pub closed: bool,
}

/// A party that can make a pledge (`police`, `community`, …).
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct PartyDef {
    pub id: String,
    pub label: BTreeMap<Lang, String>,
}

/// Settings from site.yaml.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    pub title: Text,
    /// Optional one-sentence description (extension), used in the home page and feeds.
    pub description: Option<Text>,
    /// Always ends with `/`.
    pub base_url: String,
    pub default_language: Lang,
    /// In switcher order; the default language is among them.
    pub languages: Vec<Language>,
    /// The date "overdue" is judged against.
    pub as_of: Date,
    pub statuses: Vec<StatusDef>,
    pub parties: Vec<PartyDef>,
    pub theme: String,
    /// Display names of countries by ISO code, per language (extension).
    pub countries: BTreeMap<String, BTreeMap<Lang, String>>,
    /// Display names of topics by id, per language (extension).
    pub topics: BTreeMap<String, BTreeMap<Lang, String>>,
    /// `unsafe_trusted_raw_html: true` (extension): raw HTML in Markdown is
    /// passed through unchanged instead of sanitised. Off by default.
    pub unsafe_trusted_raw_html: bool,
    /// Languages of site.yaml left out of this build ([`Config::keep_languages`],
    /// a bundle of some languages): they get no pages, no links and no
    /// columns, but the default language's texts still show where a
    /// translation is missing, with its name and direction. Empty otherwise.
    pub left_out: Vec<Language>,
    /// `offline_bundle` (extension): a zip of the whole portal that the
    /// partner publishes, linked from every page's footer.
    pub offline_bundle: Option<OfflineBundle>,
    /// `share_images` (extension): which share images the build makes
    /// besides the home page's; countries' by default.
    pub share_images: ShareImages,
    /// `license`: the licence of the data and texts (a `check` warning without one).
    pub license: Option<License>,
    /// `publisher`: who publishes the portal.
    pub publisher: Option<Publisher>,
    /// `contact`: how to reach the publisher.
    pub contact: Option<Contact>,
    /// `corrections`: how to report an error in the data or send evidence.
    pub corrections: Option<Text>,
}

/// The licence the data and texts are published under (`license`).
#[derive(Clone, Debug, PartialEq)]
pub struct License {
    /// Its name, such as `CC BY 4.0`.
    pub name: String,
    /// The address of its text.
    pub url: String,
}

/// Who publishes the portal (`publisher`).
#[derive(Clone, Debug, PartialEq)]
pub struct Publisher {
    pub name: Text,
    /// Its web address, if given.
    pub url: Option<String>,
    /// Its logo: a file of `static/`, relative to it (checked to exist).
    pub logo: Option<String>,
}

/// How to reach the publisher (`contact`): at least one is given.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Contact {
    pub email: Option<String>,
    pub phone: Option<String>,
    /// A number reached on a messaging application.
    pub messaging: Option<String>,
}

/// Where the partner publishes a zip of the portal (`pledgeboard bundle`), and its size.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OfflineBundle {
    /// Its web address (`https://…` or `http://…`).
    pub url: String,
    pub size: FileSize,
}

/// A file's size as written in site.yaml: `4.2 MB` is 420 hundredths of megabytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileSize {
    pub hundredths: u64,
    pub unit: SizeUnit,
}

/// The unit of a [`FileSize`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SizeUnit {
    Kilobytes,
    Megabytes,
    Gigabytes,
}

impl SizeUnit {
    /// The units and how site.yaml may write them (English and French
    /// abbreviations, any case).
    pub const ALL: [(SizeUnit, &'static [&'static str]); 3] = [
        (SizeUnit::Kilobytes, &["kb", "ko"]),
        (SizeUnit::Megabytes, &["mb", "mo"]),
        (SizeUnit::Gigabytes, &["gb", "go"]),
    ];

    /// The unit as interface strings select it (`$unit` of `offline-bundle`).
    pub fn key(self) -> &'static str {
        match self {
            SizeUnit::Kilobytes => "kb",
            SizeUnit::Megabytes => "mb",
            SizeUnit::Gigabytes => "gb",
        }
    }
}

impl FileSize {
    /// The amount as a number (`4.2`).
    pub fn amount(self) -> f64 {
        self.hundredths as f64 / 100.0
    }
}

/// Which places get a share image of their own (site.yaml's `share_images`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ShareImages {
    /// One per country; a locality's and a commitment's pages show their
    /// country's.
    #[default]
    Countries,
    /// One per country and one per locality; a locality's and a
    /// commitment's pages show their locality's.
    Localities,
}

impl ShareImages {
    /// The values site.yaml may give, with their meaning.
    pub const ALL: [(&'static str, ShareImages); 2] = [
        ("countries", ShareImages::Countries),
        ("localities", ShareImages::Localities),
    ];
}

impl Config {
    pub fn status(&self, id: &str) -> Option<&StatusDef> {
        self.statuses.iter().find(|s| s.id == id)
    }

    /// The language `code` of site.yaml, with pages or [left out](Config::left_out).
    pub fn language(&self, code: &str) -> Option<&Language> {
        self.languages
            .iter()
            .chain(&self.left_out)
            .find(|l| l.code == code)
    }

    /// The language of the pages of no language (the root picker, the 404
    /// page) and of `x-default` links: the default language, or, when it
    /// was left out, the first language kept.
    pub fn home_language(&self) -> &str {
        let kept = |code: &str| self.languages.iter().any(|l| l.code == code);
        match self.languages.first() {
            Some(first) if !kept(&self.default_language) => &first.code,
            _ => &self.default_language,
        }
    }

    /// Keeps the pages of the languages `codes` only (in site.yaml's
    /// order), as if site.yaml listed only them: the others are moved to
    /// [`left_out`](Config::left_out). `codes` must be languages of the site.
    pub fn keep_languages(&mut self, codes: &[String]) {
        let (kept, left): (Vec<Language>, Vec<Language>) = std::mem::take(&mut self.languages)
            .into_iter()
            .partition(|l| codes.contains(&l.code));
        self.languages = kept;
        self.left_out.extend(left);
    }

    /// How Markdown bodies treat raw HTML: sanitised unless the site opted in.
    pub fn raw_html(&self) -> crate::markdown::RawHtml {
        if self.unsafe_trusted_raw_html {
            crate::markdown::RawHtml::Trusted
        } else {
            crate::markdown::RawHtml::Sanitised
        }
    }
}

/// A date given as a year, a month or a day (`dialogue_since`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum PartialDate {
    Year(i16),
    Month(i16, i8),
    Day(Date),
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PartialDate::Year(y) => write!(f, "{y:04}"),
            PartialDate::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            PartialDate::Day(d) => write!(f, "{d}"),
        }
    }
}

/// Who judged the status reported in an update.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Assessor {
    Police,
    Community,
    Joint,
    Independent,
}

impl Assessor {
    pub const ALL: [(&'static str, Assessor); 4] = [
        ("police", Assessor::Police),
        ("community", Assessor::Community),
        ("joint", Assessor::Joint),
        ("independent", Assessor::Independent),
    ];

    pub fn as_str(self) -> &'static str {
        Assessor::ALL
            .iter()
            .find(|(_, a)| *a == self)
            .map(|(s, _)| *s)
            .unwrap_or("joint")
    }
}

/// One dated entry of a commitment's public history.
#[derive(Clone, Debug, PartialEq)]
pub struct Update {
    pub date: Date,
    /// The review it assesses, when the content names one (`review:`);
    /// otherwise its own date is its review's. See [`crate::reviews`].
    pub review: Option<Date>,
    pub status: String,
    pub progress: Option<u8>,
    pub note: Option<Text>,
    pub assessed_by: Option<Assessor>,
    pub sources: Vec<Source>,
}

/// A piece of evidence for an update: a web address (`http://` or
/// `https://`), and the title the content gives it, if any.
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    pub url: String,
    pub title: Option<String>,
}

/// As the content writes it: the address alone, or `{ url, title }`.
impl serde::Serialize for Source {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let Some(title) = &self.title else {
            return s.serialize_str(&self.url);
        };
        let mut map = s.serialize_struct("Source", 2)?;
        map.serialize_field("url", &self.url)?;
        map.serialize_field("title", title)?;
        map.end()
    }
}

/// One commitment agreed in a locality.
#[derive(Clone, Debug, PartialEq)]
pub struct Commitment {
    pub id: String,
    /// The id of the locality it belongs to.
    pub locality: String,
    pub title: Text,
    pub summary: Option<Text>,
    pub pledged_by: Vec<String>,
    pub agreed: Date,
    pub due: Option<Date>,
    /// The current status (equal to the last review's leading assessment's,
    /// when there are updates: see [`crate::reviews::leading`]).
    pub status: String,
    pub progress: Option<u8>,
    pub topics: Vec<String>,
    pub responsible: Option<Text>,
    /// Oldest first, grouped by review (see [`crate::reviews`]).
    pub updates: Vec<Update>,
    /// Markdown source, per language.
    pub body: Text,
    /// What a reader quotes to name it in its locality (`JNP`): its
    /// `short_key:`, else made from its id (see `crate::short_key`);
    /// unique in its locality.
    pub short_key: String,
    /// The default-language file, relative to the site directory.
    pub source: String,
    /// Changes whenever one of its files (original or translation) changes;
    /// lets a rebuild tell which pages need rendering again.
    pub fingerprint: crate::memo::Fingerprint,
}

impl Commitment {
    /// `<locality>/<commitment>`: what URLs, feeds and exports use.
    pub fn key(&self) -> String {
        format!("{}/{}", self.locality, self.id)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Locality {
    pub id: String,
    pub name: Text,
    /// ISO 3166-1 alpha-2, upper case.
    pub country: String,
    pub region: Option<Text>,
    /// Latitude, longitude.
    pub coordinates: Option<(f64, f64)>,
    pub dialogue_since: Option<PartialDate>,
    pub partners: Vec<String>,
    pub next_review: Option<Date>,
    /// Markdown source, per language.
    pub body: Text,
    /// Sorted by id. Shared: a rebuild reuses the commitments whose files
    /// did not change (see `validate::Checked` and `pipeline::Memos`).
    pub commitments: Vec<Arc<Commitment>>,
    pub source: String,
    /// Changes whenever one of its files (original or translation) changes;
    /// lets a rebuild tell which pages need rendering again.
    pub fingerprint: crate::memo::Fingerprint,
}

/// A free page (`pages/<page>.md`) or the home page text (`_index.md`).
#[derive(Clone, Debug, PartialEq)]
pub struct Page {
    pub id: String,
    pub title: Option<Text>,
    pub body: Text,
    pub source: String,
    /// Changes whenever one of its files (original or translation) changes;
    /// lets a rebuild tell which pages need rendering again.
    pub fingerprint: crate::memo::Fingerprint,
}

/// A whole validated site.
#[derive(Clone, Debug)]
pub struct Site {
    pub root: PathBuf,
    pub config: Config,
    /// Sorted by id.
    pub localities: Vec<Locality>,
    /// Sorted by id.
    pub pages: Vec<Page>,
    pub home: Option<Page>,
    /// Files under `static/`, relative to it, with `/` separators, sorted.
    pub static_files: Vec<String>,
    /// The site's own theme directory, when `themes/<theme>/` exists.
    pub theme_dir: Option<PathBuf>,
}

/// A reference to a commitment: indexes into `Site::localities` and its commitments.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CRef {
    pub locality: usize,
    pub commitment: usize,
}

impl Site {
    pub fn commitment(&self, r: CRef) -> &Commitment {
        &self.localities[r.locality].commitments[r.commitment]
    }

    pub fn locality_of(&self, r: CRef) -> &Locality {
        &self.localities[r.locality]
    }

    /// Every commitment, in locality then commitment id order.
    pub fn crefs(&self) -> impl Iterator<Item = CRef> + '_ {
        self.localities.iter().enumerate().flat_map(|(l, loc)| {
            (0..loc.commitments.len()).map(move |c| CRef {
                locality: l,
                commitment: c,
            })
        })
    }
}
