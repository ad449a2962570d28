//! Interface strings: Fluent files of the theme, overridable by the site.
//!
//! Each language's bundle is built from the theme's `i18n/<lang>.ftl`, then
//! the site's `i18n/<lang>.ftl` on top (a site may override or add any
//! string). Looking a string up walks a fallback chain: the language itself,
//! then the site's default language, then English, which the built-in theme
//! always has complete. A text that cannot be shown as written (it refers
//! to itself, or uses a variable or a string that does not exist) is
//! skipped the same way and reported where it is written (`broken.rs`), so
//! pages never show Fluent's raw placeholders (`{b}`, `{$nope}`). A string
//! missing everywhere is recorded and its key is shown, so the gap is
//! reported rather than silently blank; the theme's templates cannot ask
//! for one (an undefined literal key is an error).
//!
//! Numbers in strings (`{ $count }`) select the plural form by the CLDR rules
//! of the language (Arabic has six: zero, one, two, few, many, other) and are
//! written with the digits of the language's locale (see [`crate::locale`]).

mod broken;

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
    /// The report of each string that cannot be shown as written.
    broken: Vec<Diagnostic>,
}

/// The Fluent files of one language, theme's then site's: each file's
/// label and text, the message keys and the file (index) that defines
/// each last, and the variables of each message.
#[derive(Default)]
struct Sources {
    files: Vec<(String, String)>,
    defined: BTreeMap<String, usize>,
    /// The variables of each message of the theme's files.
    theme_vars: BTreeMap<String, BTreeSet<String>>,
    /// The variables of each message as defined last (site over theme).
    vars: BTreeMap<String, BTreeSet<String>>,
}

/// A language's bundle and the files it was made from.
struct Language {
    bundle: Bundle,
    sources: Sources,
}

/// The bundle of `lang`: the theme's `i18n/<lang>.ftl`, then the site's
/// (`site`: label and text) over it. Syntax errors go to `diags`.
fn load_language(
    theme: &Theme,
    lang: &str,
    site: Option<&(String, String)>,
    diags: &mut Vec<Diagnostic>,
) -> Language {
    let langid: LanguageIdentifier = lang.parse().unwrap_or_default();
    let mut bundle = Bundle::new_concurrent(vec![langid]);
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(mark_number));
    let mut sources = Sources::default();
    let theme_file = theme.text(&format!("i18n/{lang}.ftl"));
    let files = theme_file.into_iter().map(|f| (f, true));
    for ((label, text), from_theme) in files.chain(site.cloned().map(|f| (f, false))) {
        let res = parse_ftl(&label, &text, diags);
        let index = sources.files.len();
        for entry in res.entries() {
            if let fluent_syntax::ast::Entry::Message(m) = entry
                && let Some(value) = &m.value
            {
                let key = m.id.name.to_owned();
                let mut vars = BTreeSet::new();
                broken::variables(value, &mut vars);
                if from_theme {
                    sources
                        .theme_vars
                        .entry(key.clone())
                        .or_default()
                        .extend(vars.iter().cloned());
                }
                sources.vars.insert(key.clone(), vars);
                sources.defined.insert(key, index);
            }
        }
        bundle.add_resource_overriding(res);
        sources.files.push((label, text));
    }
    Language { bundle, sources }
}

/// How deep placeables (`{ … }`) may nest in a Fluent file. Fluent's
/// parser recurses once per level, and a file nesting a thousand deep
/// overflows the stack; real strings nest two or three deep.
const MAX_NESTING: usize = 32;

/// The byte offset of the first `{` that opens a placeable more than
/// [`MAX_NESTING`] levels deep, if any. Braces in comments (`#` lines
/// outside placeables) and in string literals (`{ "{" }`) do not count.
fn too_deep(text: &str) -> Option<usize> {
    let (mut depth, mut in_string, mut escaped, mut comment) = (0usize, false, false, false);
    let mut line_start = true;
    for (i, c) in text.char_indices() {
        let at_line_start = std::mem::replace(&mut line_start, c == '\n');
        if comment || in_string {
            comment &= c != '\n';
            in_string &= escaped || (c != '"' && c != '\n');
            escaped = in_string && !escaped && c == '\\';
            continue;
        }
        match c {
            '#' if depth == 0 && at_line_start => comment = true,
            '"' if depth > 0 => in_string = true,
            '{' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Some(i);
                }
            }
            '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// A Fluent file, with an error in `diags` for each syntax error (the
/// entries Fluent could read are kept). A file nesting too deep is not
/// parsed at all.
fn parse_ftl(label: &str, text: &str, diags: &mut Vec<Diagnostic>) -> FluentResource {
    if let Some(at) = too_deep(text) {
        let (line, column) = crate::diag::line_col(text, at);
        diags.push(
            Diagnostic::error(
                label,
                format!("this Fluent file nests `{{ … }}` more than {MAX_NESTING} levels deep"),
            )
            .at(text, line, column)
            .expected("strings with fewer levels of `{ … }` (a string needs two or three at most)"),
        );
        return FluentResource::try_new(String::new()).unwrap_or_else(|(res, _)| res);
    }
    match FluentResource::try_new(text.to_owned()) {
        Ok(res) => res,
        Err((res, errors)) => {
            for e in errors {
                let (line, column) = crate::diag::line_col(text, e.pos.start);
                diags.push(
                    Diagnostic::error(
                        label,
                        format!("this Fluent file has a syntax error: {}", e.kind),
                    )
                    .at(text, line, column)
                    .expected(
                        "Fluent messages such as `key = text`, see https://projectfluent.org/",
                    ),
                );
            }
            res
        }
    }
}

/// The variables pledgeboard gives the string `key`: those the theme's
/// texts of it use (in any language); for a string only the site defines,
/// those its default-language text (else its English one) uses.
fn allowed_variables(
    sources: &BTreeMap<String, Sources>,
    key: &str,
    default_language: &str,
) -> BTreeSet<String> {
    let theme: BTreeSet<String> = sources
        .values()
        .filter_map(|s| s.theme_vars.get(key))
        .flatten()
        .cloned()
        .collect();
    let in_theme = sources.values().any(|s| s.theme_vars.contains_key(key));
    if in_theme {
        return theme;
    }
    [default_language, "en"]
        .iter()
        .find_map(|lang| sources.get(*lang)?.vars.get(key).cloned())
        .unwrap_or_default()
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

/// Whether the first character with a strong direction in `s` (UAX #9's
/// rules P2 and P3, with unicode-bidi's bidi class data; characters inside
/// isolates are skipped) is right to left (`Some(true)`), left to right
/// (`Some(false)`), or there is none (digits, punctuation, spaces only).
fn first_strong_rtl(s: &str) -> Option<bool> {
    match unicode_bidi::get_base_direction_full(s) {
        unicode_bidi::Direction::Rtl => Some(true),
        unicode_bidi::Direction::Ltr => Some(false),
        unicode_bidi::Direction::Mixed => None,
    }
}

/// Where a number stands in a formatted string, until it is written in the
/// language's digits: Fluent's formatter hook cannot know the locale. Loaded
/// texts never hold these marks (see [`crate::text::marks`]).
const NUM_START: char = crate::text::marks::NUM_START;
const NUM_END: char = crate::text::marks::NUM_END;

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
    /// `rtl` names the languages written right to left. Returns the
    /// strings with the syntax errors of the files (the rest of a file with
    /// an error is still used, so that every other problem is found too).
    pub fn load(
        theme: &Theme,
        languages: &[String],
        default_language: &str,
        site_ftl: &BTreeMap<String, (String, String)>,
        locales: Locales,
        rtl: &[String],
    ) -> (Strings, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let mut wanted: Vec<String> = languages.to_vec();
        if !wanted.iter().any(|l| l == "en") {
            wanted.push("en".into());
        }
        let mut bundles = BTreeMap::new();
        let mut keys = BTreeMap::new();
        let mut sources = BTreeMap::new();
        for lang in &wanted {
            let loaded = load_language(theme, lang, site_ftl.get(lang), &mut diags);
            bundles.insert(lang.clone(), loaded.bundle);
            keys.insert(
                lang.clone(),
                loaded.sources.defined.keys().cloned().collect(),
            );
            sources.insert(lang.clone(), loaded.sources);
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
            broken: Vec::new(),
        };
        strings.broken = strings.find_broken(&sources, default_language);
        let all_keys: BTreeSet<String> = strings.keys.values().flatten().cloned().collect();
        let mut plain = HashMap::new();
        for lang in &wanted {
            let mut by_key = HashMap::new();
            for key in &all_keys {
                if let Some(text) = strings.format(lang, key, &[]) {
                    by_key.insert(key.clone(), text);
                }
            }
            plain.insert(lang.clone(), by_key);
        }
        strings.plain = plain;
        (strings, diags)
    }

    /// Every string of every language that cannot be shown as written
    /// (see [`broken`]), reported at its definition: a warning naming the
    /// language shown instead, or an error when no fallback can be shown.
    fn find_broken(
        &self,
        sources: &BTreeMap<String, Sources>,
        default_language: &str,
    ) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        for (lang, own) in sources {
            for (key, &file) in &own.defined {
                let allowed = allowed_variables(sources, key, default_language);
                let args: Vec<(&str, Arg)> = allowed
                    .iter()
                    .map(|v| (v.as_str(), Arg::Num(1.0)))
                    .collect();
                let errors = match self.format_in(lang, key, &args) {
                    Some(Err(errors)) => errors,
                    _ => continue,
                };
                let chain = &self.chains[lang.as_str()];
                let shown = chain[1..]
                    .iter()
                    .find(|code| matches!(self.format_in(code, key, &args), Some(Ok(_))));
                let (label, text) = &own.files[file];
                let def = broken::Definition { label, text };
                out.push(broken::report(
                    lang,
                    key,
                    &def,
                    &errors,
                    &allowed,
                    shown.map(String::as_str),
                ));
            }
        }
        out
    }

    /// The strings that cannot be shown as written (see [`broken`]):
    /// warnings, or errors when no fallback can be shown either.
    pub fn broken_strings(&self) -> &[Diagnostic] {
        &self.broken
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
        let text = self.format(lang, key, args)?;
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

    /// Formats `key` for `lang` along its fallback chain: the first
    /// language whose text of it can be shown (see [`broken`]); `None` when
    /// none can.
    fn format(&self, lang: &str, key: &str, args: &[(&str, Arg)]) -> Option<String> {
        let chain = self.chains.get(lang)?;
        chain
            .iter()
            .find_map(|code| self.format_in(code, key, args)?.ok())
    }

    /// Formats `key` with `lang`'s own text of it: `None` when it has none,
    /// Fluent's errors when the text cannot be shown as written.
    fn format_in(
        &self,
        code: &str,
        key: &str,
        args: &[(&str, Arg)],
    ) -> Option<Result<String, Vec<fluent_bundle::FluentError>>> {
        let bundle = self.bundles.get(code)?;
        let pattern = bundle.get_message(key)?.value()?;
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
        if !errors.is_empty() {
            return Some(Err(errors));
        }
        if out.contains(NUM_START) {
            // Digits of the language the text is in.
            return Some(Ok(self.localise_numbers(code, &out)));
        }
        Some(Ok(out.into_owned()))
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The strings of a site in Arabic (with Arabic-Indic digits) and
    /// French (default), with the built-in theme and the site's own `.ftl` files `site` (language, text).
    fn strings(site: &[(&str, &str)]) -> Strings {
        let theme = Theme::load(std::path::Path::new("/nonexistent"), "default").unwrap();
        let site_ftl = site
            .iter()
            .map(|(lang, text)| {
                let label = format!("i18n/{lang}.ftl");
                ((*lang).to_owned(), (label, (*text).to_owned()))
            })
            .collect();
        let locales = Locales::new([("ar", "ar-u-nu-arab"), ("fr", "fr"), ("en", "en")]).unwrap();
        let languages = ["ar".to_owned(), "fr".to_owned()];
        let (strings, errors) = Strings::load(
            &theme,
            &languages,
            "fr",
            &site_ftl,
            locales,
            &["ar".to_owned()],
        );
        assert!(errors.is_empty(), "{errors:?}");
        strings
    }

    fn count(s: &Strings, lang: &str, key: &str, n: f64) -> String {
        s.get(lang, key, &[("count", Arg::Num(n))])
    }

    #[test]
    fn a_string_falls_back_to_the_default_language_then_english() {
        let s = strings(&[
            ("fr", "only-fr = Seulement en français\n"),
            ("en", "only-en = English only\nonly-fr = not this\n"),
            ("ar", "skip-link = تخطَّ\n"),
        ]);
        assert_eq!(s.get("ar", "only-fr", &[]), "Seulement en français");
        assert_eq!(s.get("ar", "only-en", &[]), "English only");
        assert_eq!(s.get("fr", "only-en", &[]), "English only");
        // The site's string overrides the theme's; the theme's own otherwise.
        assert_eq!(s.get("ar", "skip-link", &[]), "تخطَّ");
        assert_eq!(s.get("fr", "skip-link", &[]), "Aller au contenu");
        assert!(s.missing().is_empty());
        // Missing everywhere: the key is shown, and listed.
        assert_eq!(s.get("ar", "no-such-key", &[]), "no-such-key");
        assert_eq!(s.missing(), [("ar".to_owned(), "no-such-key".to_owned())]);
    }

    #[test]
    fn a_text_that_cannot_be_shown_falls_back_and_is_reported() {
        let s = strings(&[
            (
                "ar",
                "skip-link = { no-such-message }\npercent = { $nope }\n",
            ),
            ("fr", "a = { b }\nb = { a }\nnav-label = { -no-term }\n"),
        ]);
        // Arabic falls back to French (the default), French to English.
        assert_eq!(s.get("ar", "skip-link", &[]), "Aller au contenu");
        assert_eq!(
            s.get("ar", "percent", &[("value", Arg::Num(45.0))]),
            "45\u{a0}%"
        );
        assert_eq!(s.get("fr", "nav-label", &[]), "Main");
        let report: Vec<String> = s.broken_strings().iter().map(|d| d.to_string()).collect();
        let first_lines: Vec<&str> = report.iter().filter_map(|r| r.lines().next()).collect();
        assert_eq!(
            first_lines,
            [
                "warning: i18n/ar.ftl:2:1: the interface string `percent` uses the variable `$nope`, which pledgeboard does not give it; pages show the `fr` text instead of the `ar` one",
                "warning: i18n/ar.ftl:1:1: the interface string `skip-link` refers to `no-such-message`, which this language does not define; pages show the `fr` text instead of the `ar` one",
                "error: i18n/fr.ftl:1:1: the interface string `a` refers back to itself (through other strings), and no language it falls back to has a text that can be shown",
                "error: i18n/fr.ftl:2:1: the interface string `b` refers back to itself (through other strings), and no language it falls back to has a text that can be shown",
                "warning: i18n/fr.ftl:3:1: the interface string `nav-label` refers to `no-term`, which this language does not define; pages show the `en` text instead of the `fr` one",
            ]
        );
        assert!(
            report[0].contains("only the variables pledgeboard gives this string: `$value`"),
            "{}",
            report[0]
        );
    }

    #[test]
    fn nesting_is_counted_outside_comments_and_string_literals() {
        let deep = |n: usize| format!("a = {}x{}\n", "{ ".repeat(n), " }".repeat(n));
        assert_eq!(too_deep(&deep(MAX_NESTING)), None);
        assert_eq!(too_deep(&deep(MAX_NESTING + 1)), Some(4 + 2 * MAX_NESTING));
        let comment = format!("# {}\nb = c\n", "{".repeat(100));
        assert_eq!(too_deep(&comment), None);
        let strings = format!("b = {}\n", "{ \"{\\\"{\" }".repeat(100));
        assert_eq!(too_deep(&strings), None);
    }

    #[test]
    fn arabic_has_six_plural_forms_in_arabic_digits() {
        let s = strings(&[]);
        let forms: Vec<String> = [0.0, 1.0, 2.0, 3.0, 11.0, 100.0]
            .iter()
            .map(|&n| count(&s, "ar", "commitments-count", n))
            .collect();
        assert_eq!(
            forms,
            [
                "لا توجد التزامات",
                "التزام واحد",
                "التزامان",
                "٣ التزامات",
                "١١ التزامًا",
                "١٠٠ التزام",
            ]
        );
        assert_eq!(count(&s, "fr", "commitments-count", 3.0), "3 engagements");
        assert_eq!(s.get("ar", "percent", &[("value", Arg::Num(45.0))]), "٤٥٪");
    }

    #[test]
    fn text_of_the_other_direction_is_isolated() {
        let s = strings(&[]);
        let site = |lang, name: &str| {
            s.get(
                lang,
                "feed-site-title",
                &[("site", Arg::Str(name.to_owned()))],
            )
        };
        assert_eq!(
            site("ar", "Saaba tracker"),
            "\u{2068}Saaba tracker\u{2069} — آخر التحديثات"
        );
        assert_eq!(site("ar", "متابعة صبا"), "متابعة صبا — آخر التحديثات");
        assert_eq!(
            site("fr", "متابعة صبا"),
            "\u{2068}متابعة صبا\u{2069} — dernières mises à jour"
        );
        assert_eq!(
            site("fr", "Suivi Saaba"),
            "Suivi Saaba — dernières mises à jour"
        );
        // Digits and punctuation only: no direction of their own, not isolated.
        assert_eq!(site("ar", "2024"), "2024 — آخر التحديثات");
        // The first strong character decides, after neutral ones.
        assert_eq!(
            site("fr", "« 2024 » שלום"),
            "\u{2068}« 2024 » שלום\u{2069} — dernières mises à jour"
        );
    }

    #[test]
    fn first_strong_character_decides_the_direction() {
        assert_eq!(first_strong_rtl("كركوك"), Some(true));
        assert_eq!(first_strong_rtl("שלום"), Some(true));
        assert_eq!(first_strong_rtl("Kirkuk كركوك"), Some(false));
        assert_eq!(first_strong_rtl("2024"), None);
        assert_eq!(
            first_strong_rtl("١٢٣"),
            None,
            "Arabic-Indic digits are weak"
        );
        assert_eq!(first_strong_rtl(""), None);
        assert_eq!(first_strong_rtl("12 — (كركوك)"), Some(true));
        assert_eq!(
            first_strong_rtl("«\u{2068}Kirkuk\u{2069}» كركوك"),
            Some(true),
            "isolates are skipped"
        );
        assert_eq!(first_strong_rtl("\u{5d0}"), Some(true));
        assert_eq!(first_strong_rtl("漢字"), Some(false));
    }

    #[test]
    fn missing_strings_lists_what_each_language_lacks() {
        let s = strings(&[("fr", "only-fr = Seulement\n"), ("en", "only-en = Only\n")]);
        assert_eq!(
            s.missing_strings(),
            [
                MissingStrings {
                    lang: "ar".into(),
                    keys: vec!["only-en".into(), "only-fr".into()],
                },
                MissingStrings {
                    lang: "fr".into(),
                    keys: vec!["only-en".into()],
                },
            ]
        );
    }
}
