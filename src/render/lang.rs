//! Per-language values: [`LangData`], what many pages of a language share
//! (computed once, up front or lazily), and the localised values pages are
//! made of: texts with their fallback (`lt`, `body`), interface strings,
//! labels of statuses, parties, topics and countries.

use super::Renderer;
use super::values::{
    Body, BundleLink, CountryView, Feed, Labelled, LocalityCard, Lt, SiteView, StatusView,
};
use crate::collate::Collation;
use crate::i18n::Arg;
use crate::markdown;
use crate::model::{Lang, Text};
use crate::regions::RegionNames;
use crate::text::escape_html;
use crate::urls;
use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};
use tera::Value;

/// Per-language values shared by many pages, computed once.
pub(super) struct LangData {
    /// Index into `config.languages`.
    pub(super) index: usize,
    pub(super) code: Lang,
    pub(super) dir: &'static str,
    pub(super) site: Value,
    pub(super) statuses: Vec<StatusView>,
    pub(super) parties: Vec<Labelled>,
    /// Cards by locality then commitment, as template values, computed
    /// when a page first needs one.
    pub(super) cards: Vec<Vec<OnceLock<Value>>>,
    /// Each card rendered by `partials/card.html` for lists, once, with
    /// [`ROOT_MARK`](super::ROOT_MARK) where the page's root prefix goes.
    pub(super) card_html: Vec<Vec<OnceLock<Arc<str>>>>,
    /// Each card's texts' languages where they fell back (for the
    /// fallback notice of the lists that show it), found once.
    pub(super) card_langs: Vec<Vec<OnceLock<Box<[String]>>>>,
    /// Locality cards by locality, computed when a page first needs one
    /// (a rebuild after one edit usually needs only a few).
    pub(super) locality_cards: Vec<OnceLock<LocalityCard>>,
    /// Every locality card as a template value (home and localities pages).
    pub(super) locality_card_values: OnceLock<Vec<Value>>,
    /// The language's collator, made once per build.
    pub(super) collation: Collation,
    /// CLDR's country names in the language, loaded once per build.
    pub(super) region_names: RegionNames,
    /// Localities (indexes into `Site::localities`) by their names in this
    /// language, ties by id: sorted once, when a page first lists them.
    pub(super) locality_order: OnceLock<Vec<usize>>,
    /// The browse lists and the list of all commitments with their
    /// localities in that order: made once, when a list page first needs it.
    pub(super) lists: OnceLock<super::browse::NamedLists>,
    /// Free pages: (id, title) for the navigation.
    pub(super) nav: Vec<(String, Lt)>,
    /// The same on every page of the language: `home_path`, `links` and the
    /// site-wide `feed` of the template context.
    pub(super) home_path: Value,
    pub(super) links: Value,
    pub(super) feed: Value,
    /// The site-wide `calendar` of the template context.
    pub(super) calendar: Value,
    /// `trust`: publisher, contact, corrections and licence.
    pub(super) trust: Value,
}

/// `links`: paths of the portal's own pages in language `code`.
fn links_value(code: &str) -> Value {
    Value::from_serializable(&BTreeMap::from([
        ("localities", urls::localities(code)),
        ("commitments", urls::all_commitments(code)),
        ("overdue", urls::overdue(code)),
        ("updates", urls::updates(code)),
        ("search", urls::search(code)),
        ("accessibility", urls::accessibility(code)),
        ("status", urls::browse_index(code, "status")),
        ("party", urls::browse_index(code, "party")),
        ("topic", urls::browse_index(code, "topic")),
        ("country", urls::browse_index(code, "country")),
        ("data_json", urls::DATA_JSON.to_owned()),
        ("data_csv", urls::DATA_CSV.to_owned()),
        ("data_updates_csv", urls::DATA_UPDATES_CSV.to_owned()),
        ("data_localities_csv", urls::DATA_LOCALITIES_CSV.to_owned()),
        ("data_package", urls::DATA_PACKAGE.to_owned()),
    ]))
}

impl Renderer<'_> {
    pub(super) fn lang_data(&self, li: usize) -> LangData {
        let config = self.config();
        let code = self.lang_code(li).to_owned();
        let statuses = self.statuses_in(li);
        let parties = self.parties_in(li);
        let site = self.site_value(li);
        let feed = self.site_feed(li);
        let calendar = self.site_calendar(li);
        let trust = self.trust_value(li);
        let mut data = LangData {
            trust,
            home_path: Value::from(urls::home(&code)),
            links: links_value(&code),
            feed,
            calendar,
            index: li,
            dir: config.languages[li].dir.as_str(),
            code,
            site,
            statuses,
            parties,
            cards: Vec::new(),
            card_html: Vec::new(),
            card_langs: Vec::new(),
            locality_cards: (0..self.site.localities.len())
                .map(|_| OnceLock::new())
                .collect(),
            locality_card_values: OnceLock::new(),
            collation: Collation::new(&config.languages[li].locale),
            region_names: RegionNames::new(&config.languages[li].locale),
            locality_order: OnceLock::new(),
            lists: OnceLock::new(),
            nav: self
                .site
                .pages
                .iter()
                .map(|p| (p.id.clone(), self.free_page_title(p, li)))
                .collect(),
        };
        data.cards = self.per_commitment();
        data.card_html = self.per_commitment();
        data.card_langs = self.per_commitment();
        data
    }

    /// The statuses of site.yaml, labelled in language `li`.
    fn statuses_in(&self, li: usize) -> Vec<StatusView> {
        let code = self.lang_code(li);
        self.config()
            .statuses
            .iter()
            .map(|s| StatusView {
                id: s.id.clone(),
                label: self.label(li, Some(&s.label), &format!("status-{}", s.id), &s.id),
                done: s.done,
                closed: s.closed,
                path: urls::browse(code, "status", &s.id),
            })
            .collect()
    }

    /// The parties of site.yaml, labelled in language `li`.
    fn parties_in(&self, li: usize) -> Vec<Labelled> {
        let code = self.lang_code(li);
        self.config()
            .parties
            .iter()
            .map(|p| Labelled {
                id: p.id.clone(),
                label: self.label(li, Some(&p.label), &format!("party-{}", p.id), &p.id),
                path: urls::browse(code, "party", &p.id),
            })
            .collect()
    }

    /// `site`, in language `li`.
    fn site_value(&self, li: usize) -> Value {
        let config = self.config();
        Value::from_serializable(&SiteView {
            title: self.lt(&config.title, li),
            description: config.description.as_ref().map(|d| self.lt(d, li)),
            languages: config.languages.clone(),
            default_language: config.default_language.clone(),
            as_of: config.as_of.to_string(),
            offline_bundle: config.offline_bundle.as_ref().map(|b| BundleLink {
                url: b.url.clone(),
                text: self.t_args(
                    li,
                    "offline-bundle",
                    &[
                        ("size", Arg::Num(b.size.amount())),
                        ("unit", Arg::Str(b.size.unit.key().into())),
                    ],
                ),
            }),
        })
    }

    /// `feed` of every page but a locality's: the site-wide feed of language `li`.
    fn site_feed(&self, li: usize) -> Value {
        Value::from_serializable(&Feed {
            path: urls::site_feed(self.lang_code(li)),
            title: self.t_args(
                li,
                "feed-site-title",
                &[("site", Arg::Str(self.lt(&self.config().title, li).text))],
            ),
        })
    }

    /// `calendar` of every page but a locality's: the site's calendar of
    /// language `li`.
    fn site_calendar(&self, li: usize) -> Value {
        Value::from_serializable(&Feed {
            path: urls::site_calendar(self.lang_code(li)),
            title: self.t_args(
                li,
                "calendar-site-name",
                &[("site", Arg::Str(self.lt(&self.config().title, li).text))],
            ),
        })
    }

    fn dir_of(&self, lang: &str) -> &'static str {
        self.config()
            .language(lang)
            .map_or("ltr", |l| l.dir.as_str())
    }

    /// The text of `text` in language `li`, whether it fell back to the
    /// default language, and the language and direction it is written in.
    pub(super) fn text_in<'t>(
        &self,
        text: &'t Text,
        li: usize,
    ) -> (&'t str, bool, String, &'static str) {
        let code = self.lang_code(li);
        let (s, fell_back) = text.get(code);
        let fallback = fell_back && code != self.config().default_language;
        let lang = if fallback {
            self.config().default_language.clone()
        } else {
            code.to_owned()
        };
        let dir = self.dir_of(&lang);
        (s, fallback, lang, dir)
    }

    /// A text in language `li`, marked when it falls back to the default language.
    pub(crate) fn lt(&self, text: &Text, li: usize) -> Lt {
        let (s, fallback, lang, dir) = self.text_in(text, li);
        let html = if fallback {
            format!(
                "<span lang=\"{lang}\" dir=\"{dir}\">{}</span>",
                escape_html(s)
            )
        } else {
            escape_html(s)
        };
        Lt {
            text: s.to_owned(),
            html,
            fallback,
            lang,
            dir,
        }
    }

    /// Plain, unmarked text in the interface language.
    pub(super) fn plain_lt(&self, s: String, li: usize) -> Lt {
        let code = self.lang_code(li).to_owned();
        Lt {
            html: escape_html(&s),
            text: s,
            fallback: false,
            dir: self.dir_of(&code),
            lang: code,
        }
    }

    /// A Markdown text rendered in language `li`.
    pub(super) fn body(&self, text: &Text, li: usize) -> Body {
        // Not through `lt`: a body is Markdown, and escaping and copying
        // its whole text as an `Lt` would be thrown away.
        let (s, fallback, lang, dir) = self.text_in(text, li);
        Body {
            empty: s.trim().is_empty(),
            html: markdown::to_html_with(s, self.config().raw_html()),
            fallback,
            lang,
            dir,
        }
    }

    /// The interface string `key` in language `li`.
    pub(super) fn t(&self, li: usize, key: &str) -> String {
        self.strings.get(self.lang_code(li), key, &[])
    }

    /// The interface string `key` in language `li`, with variables.
    pub(super) fn t_args(&self, li: usize, key: &str, args: &[(&str, Arg)]) -> String {
        self.strings.get(self.lang_code(li), key, args)
    }

    /// A label from site.yaml or the theme: the site's label in this
    /// language, the theme's string in this language, the site's label in
    /// the default language, the theme's fallback string, the id.
    fn label(
        &self,
        li: usize,
        site_labels: Option<&BTreeMap<Lang, String>>,
        key: &str,
        id: &str,
    ) -> String {
        let code = self.lang_code(li);
        let default = &self.config().default_language;
        if let Some(l) = site_labels.and_then(|m| m.get(code)) {
            return l.clone();
        }
        if self.strings.has_own(code, key) {
            return self.strings.get(code, key, &[]);
        }
        if let Some(l) = site_labels.and_then(|m| m.get(default)) {
            return l.clone();
        }
        self.strings
            .try_get(code, key, &[])
            .unwrap_or_else(|| id.replace('-', " "))
    }

    /// Country `code` in language `li`. Its name, wherever a page shows
    /// it (lists, cards, maps' titles and descriptions): site.yaml's name
    /// in this language, the theme's `country-<CODE>` string in this
    /// language, CLDR's name in this language, site.yaml's name in the
    /// default language, the code itself.
    pub(super) fn country(&self, li: usize, code: &str) -> CountryView {
        CountryView {
            code: code.to_owned(),
            name: self.country_name(li, code),
            path: urls::browse(self.lang_code(li), "country", code),
        }
    }

    fn country_name(&self, li: usize, code: &str) -> String {
        let lang = self.lang_code(li);
        let site_names = self.config().countries.get(code);
        if let Some(name) = site_names.and_then(|m| m.get(lang)) {
            return name.clone();
        }
        let key = format!("country-{code}");
        if self.strings.has_own(lang, &key) {
            return self.strings.get(lang, &key, &[]);
        }
        self.langs[li]
            .region_names
            .name(code)
            .or_else(|| {
                site_names
                    .and_then(|m| m.get(&self.config().default_language))
                    .map(String::as_str)
            })
            .unwrap_or(code)
            .to_owned()
    }

    pub(super) fn topic(&self, li: usize, id: &str) -> Labelled {
        Labelled {
            id: id.to_owned(),
            label: self.label(li, self.config().topics.get(id), &format!("topic-{id}"), id),
            path: urls::browse(self.lang_code(li), "topic", id),
        }
    }

    /// Status `id` in the language of `data` (a status site.yaml lacks,
    /// which validation rules out, is shown by its id).
    pub(super) fn status_view(&self, data: &LangData, id: &str) -> StatusView {
        data.statuses
            .iter()
            .find(|s| s.id == id)
            .cloned()
            .unwrap_or_else(|| StatusView {
                id: id.to_owned(),
                label: id.to_owned(),
                done: false,
                closed: false,
                path: urls::browse(&data.code, "status", id),
            })
    }

    /// Labels for feeds and exports.
    pub(crate) fn status_label(&self, li: usize, id: &str) -> String {
        self.status_view(&self.langs[li], id).label
    }
}
