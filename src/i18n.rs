//! Interface strings: Fluent files of the theme, overridable by the site.
//!
//! Each language's bundle is built from the theme's `i18n/<lang>.ftl`, then
//! the site's `i18n/<lang>.ftl` on top (a site may override or add any
//! string). Looking a string up walks a fallback chain: the language itself,
//! then the site's default language, then English, which the built-in theme
//! always has complete. A string missing everywhere is recorded and its key
//! is shown, so the gap is reported rather than silently blank.
//!
//! Numbers in strings (`{ $count }`) select the plural form by the CLDR rules
//! of the language (Arabic has six: zero, one, two, few, many, other) and are
//! written with the digits of the language's locale (see [`crate::locale`]).

use crate::diag::Diagnostic;
use crate::locale::Locales;
use crate::theme::Theme;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::hash::{Hash, Hasher};
use std::sync::{Mutex, RwLock};
use unic_langid::LanguageIdentifier;

type Bundle = FluentBundle<FluentResource>;

/// The interface strings of every language of a site.
pub struct Strings {
    bundles: BTreeMap<String, Bundle>,
    /// For each language, the bundles to try in order (language, default, `en`).
    chains: BTreeMap<String, Vec<String>>,
    missing: Mutex<BTreeSet<(String, String)>>,
    /// The message keys each language's own files define.
    keys: BTreeMap<String, BTreeSet<String>>,
    /// The site's languages, in site.yaml order.
    languages: Vec<String>,
    locales: Locales,
    /// Languages written right to left.
    rtl: BTreeSet<String>,
    /// Strings without variables, formatted once per language: most calls
    /// from templates ask for one of these, tens of times per page.
    plain: HashMap<String, HashMap<String, String>>,
    /// Strings with variables already formatted, by the hash of what they
    /// were formatted from: the same few are asked for on page after page
    /// (`percent` with a progress, `page-n` with a page number), and
    /// formatting one with Fluent costs some twenty times a lookup here.
    formatted: RwLock<rustc_hash::FxHashMap<u64, (Formatted, String)>>,
}

/// What a string with variables was formatted from: language, key, arguments.
type Formatted = (String, String, Vec<(String, Arg)>);

/// How many strings with variables [`Strings`] keeps formatted; past this
/// (names in sentences, say, on a very large site) they are formatted each time.
const FORMATTED_LIMIT: usize = 100_000;

/// Unicode's first-strong isolate and pop-directional-isolate: they keep a
/// name in one script from reordering the sentence of another around it.
const FSI: char = '\u{2068}';
const PDI: char = '\u{2069}';

/// Whether the first letter with a strong direction in `s` is right to left
/// (`Some(true)`), left to right (`Some(false)`), or there is none.
fn first_strong_rtl(s: &str) -> Option<bool> {
    s.chars().find_map(|c| {
        let u = c as u32;
        if matches!(u, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF) {
            Some(true)
        } else if c.is_alphabetic() {
            Some(false)
        } else {
            None
        }
    })
}

/// Where a number stands in a formatted string, until it is written in the
/// language's digits: Fluent's formatter hook cannot know the locale.
const NUM_START: char = '\u{E000}';
const NUM_END: char = '\u{E001}';

fn mark_number<M>(value: &FluentValue, _: &M) -> Option<String> {
    match value {
        FluentValue::Number(n) => Some(format!("{NUM_START}{}{NUM_END}", n.value)),
        _ => None,
    }
}

/// The interface strings a language lacks: keys of the default language or
/// English that its own files (theme and site) do not define.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MissingStrings {
    pub lang: String,
    pub keys: Vec<String>,
}

/// An argument value for a string: a number (selects plural forms) or text.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    Num(f64),
    Str(String),
}

impl Strings {
    /// Builds the bundles for `languages` (plus English as the last fallback).
    /// `site_ftl` gives the site's own `i18n/<lang>.ftl` files, if any;
    /// `locales` formats numbers for each language (English included);
    /// `rtl` names the languages written right to left.
    pub fn load(
        theme: &Theme,
        languages: &[String],
        default_language: &str,
        site_ftl: &BTreeMap<String, (String, String)>,
        locales: Locales,
        rtl: &[String],
    ) -> Result<Strings, Vec<Diagnostic>> {
        let mut diags = Vec::new();
        let mut bundles = BTreeMap::new();
        let mut keys: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let mut wanted: Vec<String> = languages.to_vec();
        if !wanted.iter().any(|l| l == "en") {
            wanted.push("en".into());
        }
        for lang in &wanted {
            let langid: LanguageIdentifier = lang.parse().unwrap_or_default();
            let mut bundle = Bundle::new_concurrent(vec![langid]);
            bundle.set_use_isolating(false);
            bundle.set_formatter(Some(mark_number));
            let own = keys.entry(lang.clone()).or_default();
            let mut sources = Vec::new();
            if let Some((label, text)) = theme.text(&format!("i18n/{lang}.ftl")) {
                sources.push((label, text));
            }
            if let Some((label, text)) = site_ftl.get(lang) {
                sources.push((label.clone(), text.clone()));
            }
            for (label, text) in sources {
                let res = match FluentResource::try_new(text.clone()) {
                    Ok(res) => res,
                    Err((res, errors)) => {
                        for e in errors {
                            let (line, column) = crate::diag::line_col(&text, e.pos.start);
                            diags.push(
                                Diagnostic::error(&label, format!("this Fluent file has a syntax error: {}", e.kind))
                                    .at(&text, line, column)
                                    .expected("Fluent messages such as `key = text`, see https://projectfluent.org/"),
                            );
                        }
                        res
                    }
                };
                for entry in res.entries() {
                    if let fluent_syntax::ast::Entry::Message(m) = entry
                        && m.value.is_some()
                    {
                        own.insert(m.id.name.to_owned());
                    }
                }
                bundle.add_resource_overriding(res);
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
        let mut strings = Strings {
            bundles,
            chains,
            missing: Mutex::new(BTreeSet::new()),
            keys,
            languages: languages.to_vec(),
            locales,
            rtl: rtl.iter().cloned().collect(),
            plain: HashMap::new(),
            formatted: RwLock::default(),
        };
        let all_keys: BTreeSet<String> = strings.keys.values().flatten().cloned().collect();
        let mut plain = HashMap::new();
        for lang in &wanted {
            let mut by_key = HashMap::new();
            for key in &all_keys {
                if let Some(text) = strings.format(lang, key, &[], true) {
                    by_key.insert(key.clone(), text);
                }
            }
            plain.insert(lang.clone(), by_key);
        }
        strings.plain = plain;
        Ok(strings)
    }

    /// For each language of the site, the interface strings it lacks
    /// (see [`MissingStrings`]), in site.yaml order; languages lacking
    /// none are left out.
    pub fn missing_strings(&self) -> Vec<MissingStrings> {
        let mut out = Vec::new();
        for lang in &self.languages {
            let Some(chain) = self.chains.get(lang) else {
                continue;
            };
            let own = self.keys.get(lang);
            let mut wanted = BTreeSet::new();
            for fallback in &chain[1..] {
                if let Some(k) = self.keys.get(fallback) {
                    wanted.extend(k.iter());
                }
            }
            let keys: Vec<String> = wanted
                .into_iter()
                .filter(|k| !own.is_some_and(|o| o.contains(*k)))
                .cloned()
                .collect();
            if !keys.is_empty() {
                out.push(MissingStrings {
                    lang: lang.clone(),
                    keys,
                });
            }
        }
        out
    }

    /// An ISO date (`2017-05-20`, `2014-09`, `2014`) as `lang` writes it.
    pub fn date(&self, lang: &str, iso: &str) -> String {
        self.locales.date(lang, iso)
    }

    /// A number in `lang`'s digits and separators.
    pub fn number(&self, lang: &str, n: f64) -> String {
        self.locales.number(lang, n)
    }

    /// Writes the numbers marked by [`mark_number`] in `lang`'s digits.
    fn localise_numbers(&self, lang: &str, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(start) = rest.find(NUM_START) {
            out.push_str(&rest[..start]);
            let after = &rest[start + NUM_START.len_utf8()..];
            let Some(end) = after.find(NUM_END) else {
                rest = after;
                break;
            };
            let raw = &after[..end];
            match raw.parse::<f64>() {
                Ok(n) => out.push_str(&self.locales.number(lang, n)),
                Err(_) => out.push_str(raw),
            }
            rest = &after[end + NUM_END.len_utf8()..];
        }
        out.push_str(rest);
        out
    }

    /// Whether any language's files define `key`.
    pub fn defined(&self, key: &str) -> bool {
        self.keys.values().any(|k| k.contains(key))
    }

    /// Whether `lang`'s own files (not a fallback) define `key`.
    pub fn has_own(&self, lang: &str, key: &str) -> bool {
        self.bundles.get(lang).is_some_and(|b| b.has_message(key))
    }

    /// The string `key` in `lang` when it has no variables (formatted once,
    /// along the fallback chain), else `None`.
    pub fn plain(&self, lang: &str, key: &str) -> Option<&str> {
        self.plain.get(lang)?.get(key).map(String::as_str)
    }

    /// The languages [`plain`](Self::plain) has strings for.
    pub fn plain_languages(&self) -> impl Iterator<Item = &str> {
        self.plain.keys().map(String::as_str)
    }

    /// The string `key` in `lang`, or `None` when no language of the chain has it.
    pub fn try_get(&self, lang: &str, key: &str, args: &[(&str, Arg)]) -> Option<String> {
        if args.is_empty()
            && let Some(text) = self.plain(lang, key)
        {
            return Some(text.to_owned());
        }
        let mut h = rustc_hash::FxHasher::default();
        (lang, key).hash(&mut h);
        for (name, value) in args {
            name.hash(&mut h);
            match value {
                Arg::Num(n) => n.to_bits().hash(&mut h),
                Arg::Str(s) => s.hash(&mut h),
            }
        }
        let hash = h.finish();
        let same = |f: &Formatted| {
            f.0 == lang
                && f.1 == key
                && f.2.len() == args.len()
                && f.2.iter().zip(args).all(|(a, b)| a.0 == b.0 && a.1 == b.1)
        };
        if let Ok(memo) = self.formatted.read()
            && let Some((from, text)) = memo.get(&hash)
            && same(from)
        {
            return Some(text.clone());
        }
        let text = self.format(lang, key, args, false)?;
        if let Ok(mut memo) = self.formatted.write()
            && memo.len() < FORMATTED_LIMIT
        {
            let from = (
                lang.to_owned(),
                key.to_owned(),
                args.iter()
                    .map(|(n, a)| ((*n).to_owned(), a.clone()))
                    .collect(),
            );
            memo.entry(hash).or_insert((from, text.clone()));
        }
        Some(text)
    }

    /// Formats `key` for `lang` along its fallback chain. With `strict`, a
    /// message whose formatting reports an error (a variable not given) is
    /// `None`, so that only complete texts are kept in `plain`.
    fn format(&self, lang: &str, key: &str, args: &[(&str, Arg)], strict: bool) -> Option<String> {
        let chain = self.chains.get(lang)?;
        for code in chain {
            let bundle = &self.bundles[code];
            let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
                continue;
            };
            let rtl = self.rtl.contains(code);
            let mut fargs = FluentArgs::new();
            for (name, value) in args {
                match value {
                    Arg::Num(n) => fargs.set(*name, FluentValue::from(*n)),
                    // A name whose direction is not the sentence's is isolated.
                    Arg::Str(s) => match first_strong_rtl(s) {
                        Some(r) if r != rtl => {
                            fargs.set(*name, FluentValue::from(format!("{FSI}{s}{PDI}")))
                        }
                        _ => fargs.set(*name, FluentValue::from(s.as_str())),
                    },
                }
            }
            let mut errors = Vec::new();
            let out = bundle.format_pattern(pattern, Some(&fargs), &mut errors);
            if strict && !errors.is_empty() {
                return None;
            }
            if out.contains(NUM_START) {
                // Digits of the language the text is in.
                return Some(self.localise_numbers(code, &out));
            }
            return Some(out.into_owned());
        }
        None
    }

    /// Every string without variables, formatted: `(language, key, text)`.
    pub fn plain_strings(&self) -> impl Iterator<Item = (&str, &str, &str)> {
        self.plain.iter().flat_map(|(lang, by_key)| {
            by_key
                .iter()
                .map(move |(key, text)| (lang.as_str(), key.as_str(), text.as_str()))
        })
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

    /// Interface strings asked for that no language defines (their key was
    /// shown), as `(language, key)`.
    pub fn missing(&self) -> Vec<(String, String)> {
        self.missing
            .lock()
            .map(|m| m.iter().cloned().collect())
            .unwrap_or_default()
    }
}
