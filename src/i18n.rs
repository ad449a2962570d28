//! Interface strings: Fluent files of the theme, overridable by the site.
//!
//! Each language's bundle is built from the theme's `i18n/<lang>.ftl`, then
//! the site's `i18n/<lang>.ftl` on top (a site may override or add any
//! string). Looking a string up walks a fallback chain: the language itself,
//! then the site's default language, then English, which the built-in theme
//! always has complete. A string missing everywhere is recorded and its key
//! is shown, so the gap is reported rather than silently blank.

use crate::diag::Diagnostic;
use crate::theme::Theme;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Mutex;
use unic_langid::LanguageIdentifier;

type Bundle = FluentBundle<FluentResource>;

/// The interface strings of every language of a site.
pub struct Strings {
    bundles: BTreeMap<String, Bundle>,
    /// For each language, the bundles to try in order (language, default, `en`).
    chains: BTreeMap<String, Vec<String>>,
    missing: Mutex<BTreeSet<(String, String)>>,
}

/// An argument value for a string: a number (selects plural forms) or text.
#[derive(Clone, Debug)]
pub enum Arg {
    Num(f64),
    Str(String),
}

impl Strings {
    /// Builds the bundles for `languages` (plus English as the last fallback).
    /// `site_ftl` gives the site's own `i18n/<lang>.ftl` files, if any.
    pub fn load(
        theme: &Theme,
        languages: &[String],
        default_language: &str,
        site_ftl: &BTreeMap<String, (String, String)>,
    ) -> Result<Strings, Vec<Diagnostic>> {
        let mut diags = Vec::new();
        let mut bundles = BTreeMap::new();
        let mut wanted: Vec<String> = languages.to_vec();
        if !wanted.iter().any(|l| l == "en") {
            wanted.push("en".into());
        }
        for lang in &wanted {
            let langid: LanguageIdentifier = lang.parse().unwrap_or_default();
            let mut bundle = Bundle::new_concurrent(vec![langid]);
            bundle.set_use_isolating(false);
            let mut sources = Vec::new();
            if let Some((label, text)) = theme.text(&format!("i18n/{lang}.ftl")) {
                sources.push((label, text));
            }
            if let Some((label, text)) = site_ftl.get(lang) {
                sources.push((label.clone(), text.clone()));
            }
            for (label, text) in sources {
                match FluentResource::try_new(text.clone()) {
                    Ok(res) => bundle.add_resource_overriding(res),
                    Err((res, errors)) => {
                        for e in errors {
                            let (line, column) = crate::diag::line_col(&text, e.pos.start);
                            diags.push(
                                Diagnostic::error(&label, format!("this Fluent file has a syntax error: {}", e.kind))
                                    .at(&text, line, column)
                                    .expected("Fluent messages such as `key = text`, see https://projectfluent.org/"),
                            );
                        }
                        bundle.add_resource_overriding(res);
                    }
                }
            }
            bundles.insert(lang.clone(), bundle);
        }
        if !diags.is_empty() {
            return Err(diags);
        }
        let chains = wanted
            .iter()
            .map(|lang| {
                let mut chain = vec![lang.clone()];
                for fallback in [default_language, "en"] {
                    if !chain.iter().any(|c| c == fallback) {
                        chain.push(fallback.to_owned());
                    }
                }
                (lang.clone(), chain)
            })
            .collect();
        Ok(Strings {
            bundles,
            chains,
            missing: Mutex::new(BTreeSet::new()),
        })
    }

    /// Whether `lang`'s own files (not a fallback) define `key`.
    pub fn has_own(&self, lang: &str, key: &str) -> bool {
        self.bundles.get(lang).is_some_and(|b| b.has_message(key))
    }

    /// The string `key` in `lang`, or `None` when no language of the chain has it.
    pub fn try_get(&self, lang: &str, key: &str, args: &[(&str, Arg)]) -> Option<String> {
        let chain = self.chains.get(lang)?;
        for code in chain {
            let bundle = &self.bundles[code];
            let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
                continue;
            };
            let mut fargs = FluentArgs::new();
            for (name, value) in args {
                match value {
                    Arg::Num(n) => fargs.set(*name, FluentValue::from(*n)),
                    Arg::Str(s) => fargs.set(*name, FluentValue::from(s.as_str())),
                }
            }
            let mut errors = Vec::new();
            let out = bundle.format_pattern(pattern, Some(&fargs), &mut errors);
            if code != lang {
                self.note_missing(lang, key);
            }
            return Some(out.into_owned());
        }
        None
    }

    /// The string `key` in `lang`; its key when it is missing everywhere.
    pub fn get(&self, lang: &str, key: &str, args: &[(&str, Arg)]) -> String {
        match self.try_get(lang, key, args) {
            Some(s) => s,
            None => {
                self.note_missing(lang, key);
                key.to_owned()
            }
        }
    }

    fn note_missing(&self, lang: &str, key: &str) {
        if let Ok(mut m) = self.missing.lock() {
            m.insert((lang.to_owned(), key.to_owned()));
        }
    }

    /// Interface strings that fell back to another language or were missing,
    /// as `(language, key)`.
    pub fn missing(&self) -> Vec<(String, String)> {
        self.missing
            .lock()
            .map(|m| m.iter().cloned().collect())
            .unwrap_or_default()
    }
}
