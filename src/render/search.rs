//! The search page of a language (`search.html`): the form, the facets'
//! choices and what the script is told in the page's language; its
//! fingerprint. Also what the search index takes from the renderer
//! (labels in the page's language).

use super::Renderer;
use super::values::{FacetChoice, SearchView};
use crate::i18n::Arg;
use crate::memo::Fingerprinter;
use crate::search::index::CHUNK;
use std::hash::Hash;
use tera::Context;

/// The theme's script, at the output root (`static/search.js`).
const SCRIPT: &str = "search.js";

impl Renderer<'_> {
    /// Topic `id`'s label in language `li`, as its pages show it.
    pub(crate) fn topic_label(&self, li: usize, id: &str) -> String {
        self.topic(li, id).label
    }

    pub(super) fn search_context(&self, li: usize, path: &str) -> (&'static str, Context) {
        let mut ctx = Context::new();
        self.common(&mut ctx, li, path, "search", &self.t(li, "search-title"));
        let data = &self.langs[li];
        let choices = |labels: Vec<String>| -> Vec<FacetChoice> {
            let choices = labels.into_iter().enumerate();
            choices
                .map(|(value, label)| FacetChoice { value, label })
                .collect()
        };
        let mut countries = choices(
            (self.derived.by_country.iter())
                .map(|(code, _)| self.country(li, code).name)
                .collect(),
        );
        let collation = &data.collation;
        collation.sort_by_name(&mut countries, |c| c.label.clone(), |c| c.value);
        let view = SearchView {
            data: self.search_data(li),
            statuses: choices(data.statuses.iter().map(|s| s.label.clone()).collect()),
            parties: choices(data.parties.iter().map(|p| p.label.clone()).collect()),
            countries,
            script: SCRIPT,
        };
        ctx.insert("search", &view);
        ("search.html", ctx)
    }

    /// What the script is told, as JSON: the digits of the language, the
    /// statuses (id, label, done, closed), the size of a records file, and
    /// the strings it shows with `{n}` where a number goes.
    fn search_data(&self, li: usize) -> String {
        let lang = self.lang_code(li);
        let digits: String = (0..10)
            .map(|d| self.strings.number(lang, d.into()))
            .collect();
        let statuses: Vec<(&str, &str, bool, bool)> = (self.langs[li].statuses.iter())
            .map(|s| (s.id.as_str(), s.label.as_str(), s.done, s.closed))
            .collect();
        let n = || [("count", Arg::Str("{n}".into()))];
        let value = [("value", Arg::Str("{n}".into()))];
        serde_json::json!({
            "digits": digits,
            "statuses": statuses,
            "chunk": CHUNK,
            "found": self.t_args(li, "search-found", &n()),
            "none": self.t(li, "search-none"),
            "more": self.t(li, "search-more"),
            "percent": self.t_args(li, "percent", &value),
            "progress": self.t(li, "progress"),
        })
        .to_string()
    }

    /// The countries of the site (the facets' other choices are site.yaml's).
    pub(super) fn search_fp(&self, h: &mut Fingerprinter) {
        for (code, _) in &self.derived.by_country {
            code.hash(h);
        }
    }
}
