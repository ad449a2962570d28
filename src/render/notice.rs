//! The language-fallback notice: whether a page's own content shows text in
//! another language than the page's (a title, summary, note or body that
//! fell back to the default language), and the template value that names
//! it, `fallback_notice`.
//!
//! Guarantee: the notice is set exactly when one of the values the page's
//! content is made of (the context keys of [`CONTENT_KEYS`], at any depth)
//! is a localised text or body marked `fallback: true`; it names the
//! languages of those texts, in the page's language. The site title and
//! the navigation (the header, the same on every page) do not count.

use super::values::FallbackNotice;
use super::{Page, Renderer};
use crate::model::CRef;
use std::collections::BTreeSet;
use tera::{Context, Value};

/// The context values that hold a page's own content, what its `main`
/// shows; `site` only on the home page, which shows its title and
/// description as its heading.
const CONTENT_KEYS: &[&str] = &[
    "intro",
    "intro_title",
    "latest",
    "localities",
    "countries",
    "locality",
    "groups",
    "c",
    "commitments",
    "updates",
    "page",
];

impl Renderer<'_> {
    /// The notice of a page in language `li` whose context is `ctx`, or
    /// `None` when its content is all in its language.
    pub(super) fn fallback_notice(
        &self,
        li: usize,
        page: Page,
        ctx: &Context,
    ) -> Option<FallbackNotice> {
        let mut langs = BTreeSet::new();
        // A list's cards are the same on every list that shows them: their
        // languages are found once per card, not walked on every page.
        let shown = self.shown_on(page);
        for r in shown {
            langs.extend(self.card_langs(li, *r).iter().cloned());
        }
        for key in CONTENT_KEYS {
            if *key == "commitments" && !shown.is_empty() {
                continue;
            }
            if let Some(v) = ctx.get(key) {
                fallen_back(v, &mut langs);
            }
        }
        if ctx.get("page_kind").and_then(Value::as_str) == Some("home")
            && let Some(site) = ctx.get("site")
        {
            fallen_back(site, &mut langs);
        }
        langs.remove(self.lang_code(li));
        if langs.is_empty() {
            return None;
        }
        let names: Vec<String> = langs.iter().map(|c| self.language_name(li, c)).collect();
        Some(FallbackNotice {
            shown: names.join(&self.t(li, "list-separator")),
            language: self.language_name(li, self.lang_code(li)),
            codes: langs.into_iter().collect(),
        })
    }

    /// The languages of a card's texts that fell back, in language `li`.
    fn card_langs(&self, li: usize, r: CRef) -> &[String] {
        let data = &self.langs[li];
        data.card_langs[r.locality][r.commitment].get_or_init(|| {
            let mut langs = BTreeSet::new();
            fallen_back(&self.card_value(data, li, r), &mut langs);
            langs.into_iter().collect()
        })
    }

    /// Language `code` named in language `li`: the theme's `language-<code>`
    /// string in that language, else the language's own name (site.yaml).
    fn language_name(&self, li: usize, code: &str) -> String {
        let key = format!("language-{code}");
        if self.strings.has_own(self.lang_code(li), &key) {
            return self.t(li, &key);
        }
        self.config()
            .language(code)
            .map_or_else(|| code.to_owned(), |l| l.name.clone())
    }
}

/// Adds to `langs` the language of every text of `v` marked `fallback`.
fn fallen_back(v: &Value, langs: &mut BTreeSet<String>) {
    if let Some(items) = v.as_array() {
        items.iter().for_each(|x| fallen_back(x, langs));
        return;
    }
    let Some(map) = v.as_map() else { return };
    let mut flagged = false;
    let mut lang = None;
    for (k, x) in map {
        match k.as_str() {
            Some("fallback") => flagged = x.as_bool() == Some(true),
            Some("lang") => lang = x.as_str(),
            _ => fallen_back(x, langs),
        }
    }
    if let (true, Some(l)) = (flagged, lang) {
        langs.insert(l.to_owned());
    }
}
