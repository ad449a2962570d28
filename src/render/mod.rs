//! Render: the HTML pages of the portal, from the theme's Tera templates.
//!
//! A [`Renderer`] is built once per build: it compiles the templates and
//! precomputes, per language, the values many pages share (commitment cards,
//! locality cards, status and party labels). Each page is then a [`Page`]
//! that can be rendered on its own, on any thread: `pages()` lists them,
//! `path()` says where each goes, `render()` makes its minified HTML.
//! What the templates receive is documented in `docs/THEME.md`.

use crate::derive::{Derived, URef};
use crate::diag::Diagnostic;
use crate::i18n::{Arg, Strings};
use crate::markdown;
use crate::model::{CRef, Config, Lang, Site, Text};
use crate::theme::Theme;
use crate::urls;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::hash_map::DefaultHasher;
use std::collections::{BTreeMap, HashMap};
use std::hash::{Hash, Hasher};
use std::sync::{Arc, OnceLock};
use tera::{Context, Kwargs, State, Tera, Value};

/// Browse dimensions, in the order they appear in navigation.
pub const DIMENSIONS: [&str; 4] = ["status", "party", "topic", "country"];

/// How many commitments a list page shows; longer lists continue on
/// `…/page/2/`, `…/page/3/`, so that no page is too heavy for a cheap phone.
pub const PER_PAGE: usize = 50;

/// How many pages a list of `n` commitments takes (at least one).
pub fn page_count(n: usize) -> usize {
    n.div_ceil(PER_PAGE).max(1)
}

/// How many updates the home page and the updates page show.
pub const HOME_UPDATES: usize = 8;
pub const UPDATES_PAGE: usize = 200;

/// One HTML page of the output.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Page {
    /// `/index.html`, the language picker.
    Root,
    NotFound,
    Home(usize),
    Localities(usize),
    Locality(usize, usize),
    Commitment(usize, CRef),
    /// A language and a dimension (index into [`DIMENSIONS`]).
    BrowseIndex(usize, usize),
    /// A language, a dimension, the index of the key within it, and the
    /// page of the list (0 for the first).
    Browse(usize, usize, usize, usize),
    /// A language and the page of the list.
    Overdue(usize, usize),
    All(usize, usize),
    Updates(usize),
    Free(usize, usize),
}

/// The commitments of page `pg` of a list.
fn page_slice(list: &[CRef], pg: usize) -> &[CRef] {
    let start = (pg * PER_PAGE).min(list.len());
    &list[start..(start + PER_PAGE).min(list.len())]
}

impl Page {
    /// The same list page at another page index (other pages unchanged).
    pub fn with_page_index(self, n: usize) -> Page {
        match self {
            Page::Browse(li, di, ki, _) => Page::Browse(li, di, ki, n),
            Page::Overdue(li, _) => Page::Overdue(li, n),
            Page::All(li, _) => Page::All(li, n),
            other => other,
        }
    }

    /// The language of a page (`None` for the root and 404 pages).
    pub fn language(self) -> Option<usize> {
        match self {
            Page::Root | Page::NotFound => None,
            Page::Home(li)
            | Page::Localities(li)
            | Page::Locality(li, _)
            | Page::Commitment(li, _)
            | Page::BrowseIndex(li, _)
            | Page::Browse(li, ..)
            | Page::Overdue(li, _)
            | Page::All(li, _)
            | Page::Updates(li)
            | Page::Free(li, _) => Some(li),
        }
    }
}

/// Localised text, as templates receive it (see docs/THEME.md, "LT").
#[derive(Clone, Debug, Serialize)]
pub struct Lt {
    pub text: String,
    pub html: String,
    pub fallback: bool,
    pub lang: String,
    pub dir: &'static str,
}

/// A rendered Markdown body (see docs/THEME.md, "Body").
#[derive(Clone, Debug, Serialize)]
pub struct Body {
    pub html: String,
    pub fallback: bool,
    pub lang: String,
    pub dir: &'static str,
    pub empty: bool,
}

#[derive(Clone, Debug, Serialize)]
struct StatusView {
    id: String,
    label: String,
    done: bool,
    closed: bool,
    path: String,
}

#[derive(Clone, Debug, Serialize)]
struct Labelled {
    id: String,
    label: String,
    path: String,
}

#[derive(Clone, Debug, Serialize)]
struct CountryView {
    code: String,
    name: String,
    path: String,
}

#[derive(Clone, Debug, Serialize)]
struct LocalityRef {
    id: String,
    name: Lt,
    path: String,
}

#[derive(Clone, Debug, Serialize)]
struct Card {
    key: String,
    id: String,
    path: String,
    title: Lt,
    summary: Option<Lt>,
    status: StatusView,
    progress: Option<u8>,
    overdue: bool,
    agreed: String,
    due: Option<String>,
    updated: Option<String>,
    locality: LocalityRef,
    parties: Vec<Labelled>,
}

#[derive(Clone, Debug, Serialize)]
struct StatusCount {
    status: StatusView,
    count: usize,
}

#[derive(Clone, Debug, Serialize)]
struct LocalityCard {
    id: String,
    path: String,
    name: Lt,
    region: Option<Lt>,
    country: CountryView,
    count: usize,
    overdue: usize,
    done: usize,
    by_status: Vec<StatusCount>,
}

#[derive(Clone, Debug, Serialize)]
struct UpdateView {
    date: String,
    status: StatusView,
    progress: Option<u8>,
    note: Option<Lt>,
    assessed_by: Option<Labelled>,
    sources: Vec<String>,
    /// Set in lists of latest updates; `none` on the commitment's own page.
    commitment: Option<Card>,
}

/// Per-language values shared by many pages, computed once.
struct LangData {
    /// Index into `config.languages`.
    index: usize,
    code: Lang,
    dir: &'static str,
    site: Value,
    statuses: Vec<StatusView>,
    parties: Vec<Labelled>,
    /// Cards by locality then commitment, as template values.
    /// Cards by locality then commitment, computed when a page first needs one.
    cards: Vec<Vec<OnceLock<Value>>>,
    /// Each card rendered by `partials/card.html` for lists, once, with
    /// [`ROOT_MARK`] where the page's root prefix goes.
    card_html: Vec<Vec<OnceLock<Arc<str>>>>,
    /// Locality cards by locality, computed when a page first needs one
    /// (a rebuild after one edit usually needs only a few).
    locality_cards: Vec<OnceLock<LocalityCard>>,
    /// Every locality card as a template value (home and localities pages).
    locality_card_values: OnceLock<Vec<Value>>,
    /// Free pages: (id, title) for the navigation.
    nav: Vec<(String, Lt)>,
    /// The same on every page of the language: `home_path`, `links` and the
    /// site-wide `feed` of the template context.
    home_path: Value,
    links: Value,
    feed: Value,
}

/// List cards rendered by the earlier builds of a session (`watch`,
/// `serve`), by [`Renderer::card_key`]: a rebuild renders only the cards of
/// commitments that changed.
#[derive(Default)]
pub struct CardCache {
    html: HashMap<u64, Arc<str>>,
}

impl CardCache {
    /// Adds the cards a build rendered; with `keys` (when old versions of
    /// edited commitments have piled up), only the cards of `keys` stay.
    pub fn update(
        &mut self,
        rendered: Vec<(u64, Arc<str>)>,
        keys: Option<std::collections::HashSet<u64>>,
    ) {
        self.html.extend(rendered);
        if let Some(keys) = keys {
            self.html.retain(|k, _| keys.contains(k));
        }
    }

    /// Whether adding `new` cards takes the cache past twice `count`
    /// (then [`update`](Self::update) wants the current keys).
    pub fn needs_pruning(&self, new: usize, count: usize) -> bool {
        self.html.len() + new > 2 * count
    }
}

/// Renders the HTML pages of one site.
pub struct Renderer<'a> {
    site: &'a Site,
    derived: &'a Derived,
    strings: Arc<Strings>,
    tera: Arc<Templates>,
    langs: Vec<LangData>,
    /// What every page depends on (see `pipeline::Checked::fingerprint`).
    global: u64,
    /// With `PLEDGEBOARD_TIMINGS`: pages rendered and time spent, per template.
    profile: Option<std::sync::Mutex<BTreeMap<&'static str, (usize, std::time::Duration)>>>,
    /// What pages listing everything depend on: every commitment and locality.
    all: u64,
    /// Every commitment, in locality then id order.
    all_crefs: Vec<CRef>,
    /// Per locality, per commitment: a hash of what a list entry of the
    /// commitment depends on (its files, its locality's, its overdue flag),
    /// made once; page fingerprints hash these instead of reaching into
    /// every commitment again.
    entry_fps: Vec<Vec<u64>>,
    /// A hash of what the locality cards count: each commitment's status
    /// and overdue flag, locality by locality.
    locality_counts: u64,
    /// The list cards of the last build of a session.
    previous_cards: Option<&'a CardCache>,
    /// Per browse dimension, per key: how many of its commitments are
    /// overdue (every page of a list shows it: counted once, not per page).
    key_overdue: Vec<Vec<usize>>,
}

/// The page indexes a pagination bar links to: the first and the last, and
/// two on each side of the current one, so a list of hundreds of pages
/// keeps a short bar (a phone screen, and the page's own size).
fn pagination_window(current: usize, total: usize) -> Vec<usize> {
    let mut pages: Vec<usize> = (current.saturating_sub(2)..(current + 3).min(total)).collect();
    if pages.first() != Some(&0) {
        pages.insert(0, 0);
    }
    if total > 0 && pages.last() != Some(&(total - 1)) {
        pages.push(total - 1);
    }
    pages
}

/// Stands for the root prefix in HTML rendered once for pages at any depth
/// (a private-use character no content or template contains).
pub const ROOT_MARK: &str = "\u{E00F}";

static ROOT_MARK_FINDER: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new(ROOT_MARK));

fn escape(s: &str) -> String {
    crate::text::replace_ascii(s, |b| match b {
        b'&' => Some("&amp;"),
        b'<' => Some("&lt;"),
        b'>' => Some("&gt;"),
        b'"' => Some("&quot;"),
        b'\'' => Some("&#39;"),
        _ => None,
    })
}

/// The endings of the names of the templates Tera autoescapes.
const AUTOESCAPED: [&str; 2] = [".html", ".xml"];

/// Compiles the theme's templates and registers the `t` function.
/// A Tera instance with pledgeboard's functions and filters, no templates yet.
fn new_tera(strings: &Arc<Strings>) -> Tera {
    let mut tera = Tera::new();
    tera.autoescape_on(AUTOESCAPED.to_vec());
    // Functions and filters first: Tera checks that every one a template uses exists.
    let lang_of = |state: &State| -> tera::TeraResult<String> {
        Ok(state.get::<String>("lang")?.unwrap_or_default())
    };
    let s = strings.clone();
    tera.register_filter(
        "local_date",
        move |iso: &str, _: Kwargs, state: &State| -> tera::TeraResult<String> {
            Ok(s.date(&lang_of(state)?, iso))
        },
    );
    let s = strings.clone();
    tera.register_filter(
        "local_number",
        move |n: Value, _: Kwargs, state: &State| -> tera::TeraResult<String> {
            let lang = lang_of(state)?;
            Ok(match n.as_f64().or_else(|| n.as_i64().map(|i| i as f64)) {
                Some(n) => s.number(&lang, n),
                None => n.to_string(),
            })
        },
    );
    let s = strings.clone();
    // Strings without variables as template values, made once: most calls
    // of `t` ask for one of these, tens of times a page, and a clone of a
    // value shares its text.
    // Fx hashing: these maps are asked some forty times a page, with short keys.
    let mut plain: rustc_hash::FxHashMap<String, rustc_hash::FxHashMap<String, Value>> =
        Default::default();
    for (lang, key, text) in strings.plain_strings() {
        plain
            .entry(lang.to_owned())
            .or_default()
            .insert(key.to_owned(), Value::from(text));
    }
    tera.register_function(
        "t",
        move |kwargs: Kwargs, state: &State| -> tera::TeraResult<Value> {
            // One pass over the arguments instead of a lookup for each:
            // `t` is called some forty times a page.
            let (mut key, mut lang_arg, mut only_key) = (None, None, true);
            for (k, v) in kwargs.iter() {
                match k.as_str() {
                    Some("key") => key = v.as_str(),
                    Some("lang") => lang_arg = Some(v),
                    _ => only_key = false,
                }
            }
            let key: &str = match key {
                Some(k) => k,
                // Missing or not text: Tera's own error says which.
                None => kwargs.must_get("key")?,
            };
            let page_lang;
            let lang: &str = match lang_arg {
                Some(l) => match l.as_str() {
                    Some(l) => l,
                    None => kwargs.must_get("lang")?,
                },
                None => {
                    page_lang = state.get::<Value>("lang")?;
                    page_lang
                        .as_ref()
                        .and_then(Value::as_str)
                        .unwrap_or_default()
                }
            };
            if only_key && let Some(v) = plain.get(lang).and_then(|m| m.get(key)) {
                return Ok(v.clone());
            }
            let mut args: Vec<(String, Arg)> = Vec::new();
            for (k, v) in kwargs.iter() {
                let Some(name) = k.as_str() else { continue };
                if name == "key" || name == "lang" {
                    continue;
                }
                let arg = if let Some(n) = v.as_f64() {
                    Arg::Num(n)
                } else if let Some(n) = v.as_i64() {
                    Arg::Num(n as f64)
                } else if let Some(s) = v.as_str() {
                    Arg::Str(s.to_owned())
                } else {
                    Arg::Str(v.to_string())
                };
                args.push((name.to_owned(), arg));
            }
            let args: Vec<(&str, Arg)> =
                args.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
            Ok(Value::from(s.get(lang, key, &args)))
        },
    );
    tera
}

/// The compiled templates: the theme's, and for each language a copy with
/// that language's interface strings written in where a template prints one
/// as it is (`{{ t(key="skip-link") }}`), so that pages do not call `t` for
/// the forty-odd labels of their header, menus and footer. Rendering with a
/// language's copy gives the same bytes as with the theme's templates.
#[derive(Clone)]
pub struct Templates {
    shared: Tera,
    by_lang: Vec<(String, Tera)>,
}

impl Templates {
    /// The templates to render a page in language `lang` with.
    pub fn for_lang(&self, lang: &str) -> &Tera {
        self.by_lang
            .iter()
            .find(|(code, _)| code == lang)
            .map_or(&self.shared, |(_, tera)| tera)
    }
}

/// `src` with every `{{ t(key="…") }}` (a literal key and nothing else, in
/// single or double quotes) whose string `text_of` gives replaced by that
/// string escaped as Tera would print it. Anything else, `t` with
/// arguments or a filter, stays a call.
fn inline_strings<'s>(src: &str, text_of: impl Fn(&str) -> Option<&'s str>) -> String {
    let mut out = String::with_capacity(src.len());
    let mut copied = 0;
    for (at, _) in src.match_indices("{{") {
        if at < copied {
            continue;
        }
        let call = || -> Option<(&str, usize)> {
            let rest = src[at + 2..].trim_start().strip_prefix("t(")?;
            let (key, rest) = literal_key_arg(rest)?;
            if key.contains('\\') {
                return None;
            }
            let rest = rest.trim_start().strip_prefix(')')?;
            let rest = rest.trim_start().strip_prefix("}}")?;
            Some((key, src.len() - rest.len()))
        };
        let Some((key, end)) = call() else {
            continue;
        };
        // A string with a brace stays a call: written into the template,
        // `{{`, `{%` or `{#` in it would be read as template code.
        let Some(text) = text_of(key).filter(|t| !t.contains('{')) else {
            continue;
        };
        let mut escaped = Vec::with_capacity(text.len());
        if tera::escape_html(text, &mut escaped).is_err() {
            continue;
        }
        out.push_str(&src[copied..at]);
        out.push_str(&String::from_utf8_lossy(&escaped));
        copied = end;
    }
    out.push_str(&src[copied..]);
    out
}

/// Whether a template keeps strings from being written into the theme's
/// templates: it gives `lang` another value (`{% set lang = … %}`, a loop
/// over `lang`), so that `t` without `lang=` does not speak the page's
/// language there nor in what it includes; or it has a raw block, whose
/// text a written-in string would change.
fn keeps_strings_out(src: &str) -> bool {
    src.match_indices("{%").any(|(at, _)| {
        let words: Vec<&str> = src[at + 2..]
            .split(|c: char| !(c.is_alphanumeric() || c == '_'))
            .filter(|w| !w.is_empty())
            .take(3)
            .collect();
        matches!(
            words.as_slice(),
            ["set" | "set_global", "lang", ..]
                | ["for", "lang", ..]
                | ["for", _, "lang", ..]
                | ["raw", ..]
        )
    })
}

pub fn compile_templates(
    theme: &Theme,
    strings: Arc<Strings>,
) -> Result<Templates, Vec<Diagnostic>> {
    let mut diags = Vec::new();
    let mut templates = Vec::new();
    for (name, file) in theme.under("templates/") {
        match std::str::from_utf8(&file.bytes) {
            Ok(text) => templates.push((name.to_owned(), text.to_owned(), file.label.clone())),
            Err(_) => diags.push(Diagnostic::error(
                &file.label,
                "this template is not valid UTF-8 text",
            )),
        }
    }
    if !diags.is_empty() {
        return Err(diags);
    }
    // A string no language defines would show its key on every page: refuse it.
    for (_, text, label) in &templates {
        for (key, offset) in literal_keys(text) {
            if !strings.defined(key) {
                let (line, column) = crate::diag::line_col(text, offset);
                diags.push(
                    Diagnostic::error(
                        label,
                        format!("the interface string `{key}` is not defined in any language"),
                    )
                    .at(text, line, column)
                    .expected(format!(
                        "a `{key} = …` line in the theme's or the site's i18n/en.ftl, or a key that exists"
                    )),
                );
            }
        }
    }
    if !diags.is_empty() {
        return Err(diags);
    }
    // All at once, so that templates may extend and include each other in any order.
    // The templates as written are compiled first, so that errors point at
    // the lines the theme author sees.
    let mut tera = new_tera(&strings);
    if let Err(e) =
        tera.add_raw_templates(templates.iter().map(|(n, t, _)| (n.as_str(), t.as_str())))
    {
        let msg = error_chain(&e);
        // Name the file the error is in when the message says which.
        let label = templates
            .iter()
            .find(|(n, _, _)| msg.contains(&format!("'{n}'")) || msg.contains(&format!("{n}:")))
            .map_or_else(
                || "themes/default/templates".to_owned(),
                |(_, _, l)| l.clone(),
            );
        return Err(vec![Diagnostic::error(
            label,
            format!("the theme's templates have an error: {msg}"),
        )]);
    }
    // Then compacted once, here: line breaks next to block-level tags, which
    // no browser shows, are dropped, so pages need no minifying pass after
    // rendering. Should compacting ever break a template, the templates as
    // written are used.
    let compact: Vec<(String, String)> = templates
        .iter()
        .map(|(n, t, _)| (n.clone(), compact_template(t)))
        .collect();
    let mut fast = new_tera(&strings);
    let shared = if fast
        .add_raw_templates(compact.iter().map(|(n, t)| (n.as_str(), t.as_str())))
        .is_ok()
    {
        fast
    } else {
        return Ok(Templates {
            shared: tera,
            by_lang: Vec::new(),
        });
    };
    // A copy per language with its plain strings written in. Only templates
    // Tera autoescapes are changed (their strings are escaped as Tera would),
    // and none where `lang` may mean another language than the page's.
    let mut by_lang = Vec::new();
    if !compact.iter().any(|(_, t)| keeps_strings_out(t)) {
        for lang in strings.plain_languages() {
            let inlined: Vec<(&str, String)> = compact
                .iter()
                .map(|(n, t)| {
                    let t = if AUTOESCAPED.iter().any(|e| n.ends_with(e)) {
                        inline_strings(t, |k| strings.plain(lang, k))
                    } else {
                        t.clone()
                    };
                    (n.as_str(), t)
                })
                .collect();
            let mut tera = new_tera(&strings);
            if tera
                .add_raw_templates(inlined.iter().map(|(n, t)| (*n, t.as_str())))
                .is_ok()
            {
                by_lang.push((lang.to_owned(), tera));
            }
        }
    }
    Ok(Templates { shared, by_lang })
}

/// Elements whose edges make the white space next to them invisible.
const BLOCK_TAGS: &[&str] = &[
    "!doctype",
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hr",
    "html",
    "li",
    "link",
    "main",
    "meta",
    "nav",
    "ol",
    "p",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "ul",
];

/// The lowercase name of the HTML tag that starts at `s` (`<li …`, `</li>`).
fn tag_name(s: &str) -> Option<String> {
    let rest = s.strip_prefix('<')?;
    let rest = rest.strip_prefix('/').unwrap_or(rest);
    let name: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '!')
        .collect();
    (!name.is_empty()).then(|| name.to_ascii_lowercase())
}

/// Drops the line breaks of a template that touch the edge of a
/// block-level element (`</li>⏎<li>`, `<ul>⏎{% for %}`): white space there
/// is never rendered, whatever Tera puts on the other side. White space in
/// text, inside tags and next to inline elements is kept as it is.
fn compact_template(src: &str) -> String {
    let block_ends_before = |at: usize| {
        let head = &src[..at];
        head.ends_with('>')
            && head.rfind('<').is_some_and(|open| {
                !head[open..].contains("{{")
                    && !head[open..].contains("{%")
                    && tag_name(&head[open..]).is_some_and(|n| BLOCK_TAGS.contains(&n.as_str()))
            })
    };
    let block_starts_after =
        |at: usize| tag_name(&src[at..]).is_some_and(|n| BLOCK_TAGS.contains(&n.as_str()));
    let mut out = String::with_capacity(src.len());
    let bytes = src.as_bytes();
    let mut i = 0;
    let mut copied = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if src[start..i].contains('\n') && (block_ends_before(start) || block_starts_after(i)) {
            out.push_str(&src[copied..start]);
            copied = i;
        }
    }
    out.push_str(&src[copied..]);
    out
}

/// The literal key of a `t(key="…")` call, from the text just after `t(`:
/// the key, and the text after its closing quote.
fn literal_key_arg(after_paren: &str) -> Option<(&str, &str)> {
    let rest = after_paren.trim_start().strip_prefix("key")?;
    let rest = rest.trim_start().strip_prefix('=')?.trim_start();
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let body = &rest[1..];
    let end = body.find(quote)?;
    Some((&body[..end], &body[end + 1..]))
}

/// The literal keys of `t(key="…")` calls in a template, with their byte offsets.
fn literal_keys(text: &str) -> Vec<(&str, usize)> {
    let mut out = Vec::new();
    for (at, _) in text.match_indices("t(") {
        if text[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_')
        {
            continue;
        }
        if let Some((key, after)) = literal_key_arg(&text[at + 2..]) {
            // The key ends one quote before what follows it.
            out.push((key, text.len() - after.len() - 1 - key.len()));
        }
    }
    out
}

/// The error and its causes on one line.
pub fn error_chain(e: &dyn std::error::Error) -> String {
    let mut msg = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        msg.push_str(": ");
        msg.push_str(&c.to_string());
        cause = c.source();
    }
    msg
}

impl<'a> Renderer<'a> {
    pub fn new(
        site: &'a Site,
        derived: &'a Derived,
        strings: Arc<Strings>,
        tera: Arc<Templates>,
        global: u64,
        previous_cards: Option<&'a CardCache>,
    ) -> Self {
        let mut r = Renderer {
            site,
            derived,
            strings,
            tera,
            langs: Vec::new(),
            profile: std::env::var_os("PLEDGEBOARD_TIMINGS")
                .map(|_| std::sync::Mutex::new(BTreeMap::new())),
            global,
            all: 0,
            all_crefs: site.crefs().collect(),
            entry_fps: Vec::new(),
            locality_counts: 0,
            previous_cards,
            key_overdue: Vec::new(),
        };
        r.key_overdue = (0..DIMENSIONS.len())
            .map(|di| {
                r.dimension_keys(di)
                    .iter()
                    .map(|(_, list)| derived.overdue_count(list))
                    .collect()
            })
            .collect();
        let mut h = DefaultHasher::new();
        for (l, loc) in site.localities.iter().enumerate() {
            loc.commitments.len().hash(&mut h);
            for (c, cm) in loc.commitments.iter().enumerate() {
                let overdue = derived.is_overdue(CRef {
                    locality: l,
                    commitment: c,
                });
                (&cm.status, overdue).hash(&mut h);
            }
        }
        r.locality_counts = h.finish();
        r.entry_fps = site
            .localities
            .iter()
            .enumerate()
            .map(|(l, loc)| {
                (0..loc.commitments.len())
                    .map(|c| {
                        let mut h = DefaultHasher::new();
                        r.commitment_fp(CRef {
                            locality: l,
                            commitment: c,
                        })
                        .hash(&mut h);
                        loc.fingerprint.hash(&mut h);
                        h.finish()
                    })
                    .collect()
            })
            .collect();
        // Every locality and every commitment's entry (its files, its
        // locality's, its overdue flag), from the hashes just made.
        let mut h = DefaultHasher::new();
        for (loc, entries) in site.localities.iter().zip(&r.entry_fps) {
            (loc.fingerprint, entries).hash(&mut h);
        }
        r.all = h.finish();
        r.langs = (0..site.config.languages.len())
            .into_par_iter()
            .map(|li| r.lang_data(li))
            .collect();
        r
    }

    fn config(&self) -> &Config {
        &self.site.config
    }

    fn lang_code(&self, li: usize) -> &str {
        &self.site.config.languages[li].code
    }

    /// Every HTML page of the site.
    pub fn pages(&self) -> Vec<Page> {
        let mut pages = vec![Page::Root, Page::NotFound];
        for li in 0..self.langs.len() {
            pages.extend([Page::Home(li), Page::Localities(li), Page::Updates(li)]);
            pages.extend(
                (0..page_count(self.derived.overdue_list.len())).map(|pg| Page::Overdue(li, pg)),
            );
            pages.extend((0..page_count(self.all_crefs.len())).map(|pg| Page::All(li, pg)));
            for (di, _) in DIMENSIONS.iter().enumerate() {
                pages.push(Page::BrowseIndex(li, di));
                for (ki, (_, list)) in self.dimension_keys(di).iter().enumerate() {
                    pages
                        .extend((0..page_count(list.len())).map(|pg| Page::Browse(li, di, ki, pg)));
                }
            }
            for (i, _) in self.site.localities.iter().enumerate() {
                pages.push(Page::Locality(li, i));
            }
            for c in self.site.crefs() {
                pages.push(Page::Commitment(li, c));
            }
            for (i, _) in self.site.pages.iter().enumerate() {
                pages.push(Page::Free(li, i));
            }
        }
        pages
    }

    /// Drops the cards made for the pages of language `li`: a one-shot
    /// build calls it once that language's pages are written.
    pub fn release_language(&mut self, li: usize) {
        let data = &mut self.langs[li];
        data.cards
            .iter_mut()
            .flatten()
            .for_each(|slot| drop(slot.take()));
        data.card_html
            .iter_mut()
            .flatten()
            .for_each(|slot| drop(slot.take()));
    }

    /// The keys of a browse dimension with their commitments.
    fn dimension_keys(&self, di: usize) -> &[(String, Vec<CRef>)] {
        match DIMENSIONS[di] {
            "status" => &self.derived.by_status,
            "party" => &self.derived.by_party,
            "topic" => &self.derived.by_topic,
            _ => &self.derived.by_country,
        }
    }

    fn commitment_fp(&self, r: CRef) -> (u64, bool) {
        (
            self.site.commitment(r).fingerprint,
            self.derived.is_overdue(r),
        )
    }

    /// A hash of everything the page's output depends on: equal
    /// fingerprints give equal pages, so a rebuild can skip the page.
    /// `path` is the page's [`path`](Self::path).
    pub fn fingerprint(&self, page: Page, path: &str) -> u64 {
        let mut h = DefaultHasher::new();
        self.global.hash(&mut h);
        path.hash(&mut h);
        let list = |h: &mut DefaultHasher, list: &[CRef]| {
            for r in list {
                self.entry_fps[r.locality][r.commitment].hash(h);
            }
        };
        match page {
            Page::Root | Page::NotFound | Page::Free(..) => {}
            Page::Home(_) | Page::Localities(_) => {
                // Locality cards: each locality's own files and the counts
                // its card shows.
                self.locality_counts.hash(&mut h);
                for loc in &self.site.localities {
                    loc.fingerprint.hash(&mut h);
                }
                if let Page::Home(_) = page {
                    // Totals and the latest updates.
                    self.derived.total.hash(&mut h);
                    self.derived.overdue_list.len().hash(&mut h);
                    for (_, l) in self.derived.by_status.iter().chain(&self.derived.by_party) {
                        l.len().hash(&mut h);
                    }
                    for u in self.derived.latest_updates.iter().take(HOME_UPDATES) {
                        u.update.hash(&mut h);
                        list(&mut h, &[u.commitment]);
                    }
                }
            }
            Page::Commitment(_, r) => list(&mut h, &[r]),
            Page::Locality(_, i) => {
                self.site.localities[i].fingerprint.hash(&mut h);
                self.entry_fps[i].hash(&mut h);
            }
            Page::BrowseIndex(_, di) => {
                for (ki, (key, l)) in self.dimension_keys(di).iter().enumerate() {
                    key.hash(&mut h);
                    l.len().hash(&mut h);
                    self.key_overdue[di][ki].hash(&mut h);
                }
            }
            Page::Browse(..) | Page::Overdue(..) | Page::All(..) => {
                let (full, pg) = self.list_of(page);
                // The page's own commitments, and what its heading and page links show.
                full.len().hash(&mut h);
                self.list_overdue(page).hash(&mut h);
                list(&mut h, page_slice(full, pg));
            }
            Page::Updates(_) => {
                self.derived.latest_updates.len().hash(&mut h);
                for u in self.derived.latest_updates.iter().take(UPDATES_PAGE) {
                    u.update.hash(&mut h);
                    list(&mut h, &[u.commitment]);
                }
            }
        }
        h.finish()
    }

    /// The fingerprint of the inputs of everything that lists every
    /// commitment (the open-data files).
    pub fn all_fingerprint(&self) -> u64 {
        let mut h = DefaultHasher::new();
        (self.global, self.all).hash(&mut h);
        h.finish()
    }

    /// The fingerprint of the inputs of a feed (site-wide or one locality's).
    pub fn feed_fingerprint(
        &self,
        li: usize,
        locality: Option<usize>,
        entries: &[crate::derive::URef],
    ) -> u64 {
        let mut h = DefaultHasher::new();
        (self.global, li, locality).hash(&mut h);
        if let Some(i) = locality {
            self.site.localities[i].fingerprint.hash(&mut h);
        }
        for u in entries {
            u.update.hash(&mut h);
            self.commitment_fp(u.commitment).hash(&mut h);
            self.site.localities[u.commitment.locality]
                .fingerprint
                .hash(&mut h);
        }
        h.finish()
    }

    /// A hash of everything [`path`](Self::path) makes the paths of `pages`
    /// from (the pages, language codes, locality, commitment and free page
    /// ids, the keys of the browse dimensions): while it stays the same, so
    /// do the paths, and a rebuild can reuse them.
    pub fn layout_fingerprint(&self, pages: &[Page]) -> u64 {
        let mut h = DefaultHasher::new();
        pages.hash(&mut h);
        for l in &self.config().languages {
            l.code.hash(&mut h);
        }
        for loc in &self.site.localities {
            loc.id.hash(&mut h);
            for c in &loc.commitments {
                c.id.hash(&mut h);
            }
        }
        for di in 0..DIMENSIONS.len() {
            for (key, _) in self.dimension_keys(di) {
                key.hash(&mut h);
            }
        }
        for p in &self.site.pages {
            p.id.hash(&mut h);
        }
        h.finish()
    }

    /// Where a page is written, relative to the output root.
    pub fn path(&self, page: Page) -> String {
        let code = |li: usize| self.lang_code(li);
        match page {
            Page::Root => urls::ROOT_INDEX.into(),
            Page::NotFound => urls::NOT_FOUND.into(),
            Page::Home(li) => urls::home(code(li)),
            Page::Localities(li) => urls::localities(code(li)),
            Page::Locality(li, i) => urls::locality(code(li), &self.site.localities[i].id),
            Page::Commitment(li, c) => {
                let cm = self.site.commitment(c);
                urls::commitment(code(li), &cm.locality, &cm.id)
            }
            Page::BrowseIndex(li, di) => urls::browse_index(code(li), DIMENSIONS[di]),
            Page::Browse(li, di, ki, pg) => urls::paged(
                &urls::browse(code(li), DIMENSIONS[di], &self.dimension_keys(di)[ki].0),
                pg,
            ),
            Page::Overdue(li, pg) => urls::paged(&urls::overdue(code(li)), pg),
            Page::All(li, pg) => urls::paged(&urls::all_commitments(code(li)), pg),
            Page::Updates(li) => urls::updates(code(li)),
            Page::Free(li, i) => urls::page(code(li), &self.site.pages[i].id),
        }
    }

    // -- localised values -------------------------------------------------

    fn dir_of(&self, lang: &str) -> &'static str {
        self.config()
            .language(lang)
            .map_or("ltr", |l| l.dir.as_str())
    }

    /// The text of `text` in language `li`, whether it fell back to the
    /// default language, and the language and direction it is written in.
    fn text_in<'t>(&self, text: &'t Text, li: usize) -> (&'t str, bool, String, &'static str) {
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
    pub fn lt(&self, text: &Text, li: usize) -> Lt {
        let (s, fallback, lang, dir) = self.text_in(text, li);
        let html = if fallback {
            format!("<span lang=\"{lang}\" dir=\"{dir}\">{}</span>", escape(s))
        } else {
            escape(s)
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
    fn plain_lt(&self, s: String, li: usize) -> Lt {
        let code = self.lang_code(li).to_owned();
        Lt {
            html: escape(&s),
            text: s,
            fallback: false,
            dir: self.dir_of(&code),
            lang: code,
        }
    }

    fn body(&self, text: &Text, li: usize) -> Body {
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

    fn t(&self, li: usize, key: &str) -> String {
        self.strings.get(self.lang_code(li), key, &[])
    }

    fn t_args(&self, li: usize, key: &str, args: &[(&str, Arg)]) -> String {
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

    fn country(&self, li: usize, code: &str) -> CountryView {
        CountryView {
            code: code.to_owned(),
            name: self.label(
                li,
                self.config().countries.get(code),
                &format!("country-{code}"),
                code,
            ),
            path: urls::browse(self.lang_code(li), "country", code),
        }
    }

    fn topic(&self, li: usize, id: &str) -> Labelled {
        Labelled {
            id: id.to_owned(),
            label: self.label(li, self.config().topics.get(id), &format!("topic-{id}"), id),
            path: urls::browse(self.lang_code(li), "topic", id),
        }
    }

    fn lang_data(&self, li: usize) -> LangData {
        let config = self.config();
        let code = self.lang_code(li).to_owned();
        let statuses: Vec<StatusView> = config
            .statuses
            .iter()
            .map(|s| StatusView {
                id: s.id.clone(),
                label: self.label(li, Some(&s.label), &format!("status-{}", s.id), &s.id),
                done: s.done,
                closed: s.closed,
                path: urls::browse(&code, "status", &s.id),
            })
            .collect();
        let parties: Vec<Labelled> = config
            .parties
            .iter()
            .map(|p| Labelled {
                id: p.id.clone(),
                label: self.label(li, Some(&p.label), &format!("party-{}", p.id), &p.id),
                path: urls::browse(&code, "party", &p.id),
            })
            .collect();
        #[derive(Serialize)]
        struct SiteView {
            title: Lt,
            description: Option<Lt>,
            languages: Vec<crate::model::Language>,
            default_language: String,
            /// The date progress and overdue are judged on (ISO).
            as_of: String,
        }
        let site = Value::from_serializable(&SiteView {
            title: self.lt(&config.title, li),
            description: config.description.as_ref().map(|d| self.lt(d, li)),
            languages: config.languages.clone(),
            default_language: config.default_language.clone(),
            as_of: config.as_of.to_string(),
        });
        #[derive(Serialize)]
        struct Feed {
            path: String,
            title: String,
        }
        let feed = Value::from_serializable(&Feed {
            path: urls::site_feed(&code),
            title: self.t_args(
                li,
                "feed-site-title",
                &[("site", Arg::Str(self.lt(&config.title, li).text))],
            ),
        });
        let links = Value::from_serializable(&BTreeMap::from([
            ("localities", urls::localities(&code)),
            ("commitments", urls::all_commitments(&code)),
            ("overdue", urls::overdue(&code)),
            ("updates", urls::updates(&code)),
            ("status", urls::browse_index(&code, "status")),
            ("party", urls::browse_index(&code, "party")),
            ("topic", urls::browse_index(&code, "topic")),
            ("country", urls::browse_index(&code, "country")),
            ("data_json", urls::DATA_JSON.to_owned()),
            ("data_csv", urls::DATA_CSV.to_owned()),
        ]));
        let mut data = LangData {
            home_path: Value::from(urls::home(&code)),
            links,
            feed,
            index: li,
            dir: config.languages[li].dir.as_str(),
            code,
            site,
            statuses,
            parties,
            cards: Vec::new(),
            card_html: Vec::new(),
            locality_cards: (0..self.site.localities.len())
                .map(|_| OnceLock::new())
                .collect(),
            locality_card_values: OnceLock::new(),
            nav: self
                .site
                .pages
                .iter()
                .map(|p| {
                    let title = p
                        .title
                        .as_ref()
                        .map_or_else(|| self.plain_lt(p.id.clone(), li), |t| self.lt(t, li));
                    (p.id.clone(), title)
                })
                .collect(),
        };
        data.cards = self.per_commitment();
        data.card_html = self.per_commitment();
        data
    }

    /// The card of locality `i` in the language of `data`.
    fn locality_card_of<'d>(&self, data: &'d LangData, i: usize) -> &'d LocalityCard {
        data.locality_cards[i].get_or_init(|| self.locality_card(data, data.index, i))
    }

    /// Every locality card as a template value, in locality order.
    fn locality_card_values<'d>(&self, data: &'d LangData) -> &'d [Value] {
        // Serial: a parallel loop here could, while it waits, take up
        // another page that needs this same value, on this same thread.
        data.locality_card_values.get_or_init(|| {
            (0..self.site.localities.len())
                .map(|i| Value::from_serializable(self.locality_card_of(data, i)))
                .collect()
        })
    }

    fn status_view(&self, data: &LangData, id: &str) -> StatusView {
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

    fn card(&self, data: &LangData, li: usize, r: CRef) -> Card {
        let c = self.site.commitment(r);
        let loc = self.site.locality_of(r);
        Card {
            key: c.key(),
            id: c.id.clone(),
            path: urls::commitment(&data.code, &c.locality, &c.id),
            title: self.lt(&c.title, li),
            summary: c.summary.as_ref().map(|s| self.lt(s, li)),
            status: self.status_view(data, &c.status),
            progress: c.progress,
            overdue: self.derived.is_overdue(r),
            agreed: c.agreed.to_string(),
            due: c.due.map(|d| d.to_string()),
            updated: c.updates.last().map(|u| u.date.to_string()),
            locality: LocalityRef {
                id: loc.id.clone(),
                name: self.lt(&loc.name, li),
                path: urls::locality(&data.code, &loc.id),
            },
            parties: c
                .pledged_by
                .iter()
                .filter_map(|p| data.parties.iter().find(|x| x.id == *p).cloned())
                .collect(),
        }
    }

    fn locality_card(&self, data: &LangData, li: usize, i: usize) -> LocalityCard {
        let loc = &self.site.localities[i];
        let mut counts: Vec<usize> = vec![0; data.statuses.len()];
        let mut overdue = 0;
        let mut done = 0;
        for (ci, c) in loc.commitments.iter().enumerate() {
            if let Some(si) = data.statuses.iter().position(|s| s.id == c.status) {
                counts[si] += 1;
                if data.statuses[si].done {
                    done += 1;
                }
            }
            if self.derived.is_overdue(CRef {
                locality: i,
                commitment: ci,
            }) {
                overdue += 1;
            }
        }
        LocalityCard {
            id: loc.id.clone(),
            path: urls::locality(&data.code, &loc.id),
            name: self.lt(&loc.name, li),
            region: loc.region.as_ref().map(|r| self.lt(r, li)),
            country: self.country(li, &loc.country),
            count: loc.commitments.len(),
            overdue,
            done,
            by_status: data
                .statuses
                .iter()
                .zip(counts)
                .filter(|(_, n)| *n > 0)
                .map(|(s, count)| StatusCount {
                    status: s.clone(),
                    count,
                })
                .collect(),
        }
    }

    fn update_view(&self, data: &LangData, li: usize, u: &crate::model::Update) -> UpdateView {
        UpdateView {
            date: u.date.to_string(),
            status: self.status_view(data, &u.status),
            progress: u.progress,
            note: u.note.as_ref().map(|n| self.lt(n, li)),
            assessed_by: u.assessed_by.map(|a| Labelled {
                id: a.as_str().to_owned(),
                label: self.t(li, &format!("assessed-{}", a.as_str())),
                path: String::new(),
            }),
            sources: u.sources.clone(),
            commitment: None,
        }
    }

    /// An update with its commitment's card, for lists of latest updates.
    fn update_item(&self, data: &LangData, li: usize, u: URef) -> Value {
        let c = self.site.commitment(u.commitment);
        let view = self.update_view(data, li, &c.updates[u.update]);
        let mut map = match Value::from_serializable(&view).into_map() {
            Some(m) => m,
            None => return Value::none(),
        };
        map.insert("commitment".into(), self.card_value(data, li, u.commitment));
        Value::from(map)
    }

    fn cards_of(&self, data: &LangData, li: usize, list: &[CRef]) -> Value {
        Value::from(
            list.iter()
                .map(|r| self.card_value(data, li, *r))
                .collect::<Vec<Value>>(),
        )
    }

    /// An empty slot per commitment, by locality then commitment index.
    fn per_commitment<T>(&self) -> Vec<Vec<OnceLock<T>>> {
        self.site
            .localities
            .iter()
            .map(|loc| {
                (0..loc.commitments.len())
                    .map(|_| OnceLock::new())
                    .collect()
            })
            .collect()
    }

    /// A commitment's card as lists show it: `partials/card.html` rendered
    /// once per language, with [`ROOT_MARK`] for the root prefix of the page
    /// it goes in. Cards are most of what list pages hold, and each card is in
    /// several lists (all, its status, parties, topics, country, overdue).
    fn list_card_html<'d>(&self, data: &'d LangData, r: CRef) -> &'d str {
        data.card_html[r.locality][r.commitment].get_or_init(|| {
            let key = self.card_key(data.index, r);
            if let Some(html) = self.previous_cards.and_then(|c| c.html.get(&key)) {
                return html.clone();
            }
            let mut ctx = Context::new();
            ctx.insert("lang", &data.code);
            ctx.insert("dir", data.dir);
            ctx.insert("root", ROOT_MARK);
            ctx.insert("level", &2);
            ctx.insert("page_kind", "browse");
            ctx.insert_value("card", self.card_value(data, data.index, r));
            // A card that cannot be rendered here is rendered by the list
            // template's own include, which reports the error.
            self.tera
                .for_lang(&data.code)
                .render("partials/card.html", &ctx)
                .unwrap_or_default()
                .into()
        })
    }

    /// What a list card's HTML is cached by between the builds of a session.
    fn card_key(&self, li: usize, r: CRef) -> u64 {
        let mut h = DefaultHasher::new();
        (self.global, li, self.entry_fps[r.locality][r.commitment]).hash(&mut h);
        h.finish()
    }

    /// The list cards this build rendered, for the next build of a session.
    pub fn rendered_cards(&self) -> Vec<(u64, Arc<str>)> {
        let mut out = Vec::new();
        for data in &self.langs {
            for r in &self.all_crefs {
                if let Some(html) = data.card_html[r.locality][r.commitment].get() {
                    out.push((self.card_key(data.index, *r), html.clone()));
                }
            }
        }
        out
    }

    /// The keys of every list card the site has now, in every language.
    pub fn card_keys(&self) -> std::collections::HashSet<u64> {
        (0..self.langs.len())
            .flat_map(|li| self.all_crefs.iter().map(move |r| (li, *r)))
            .map(|(li, r)| self.card_key(li, r))
            .collect()
    }

    /// How many list cards the site has, in every language.
    pub fn card_count(&self) -> usize {
        self.langs.len() * self.all_crefs.len()
    }

    /// The card of a commitment as a template value, computed once per language.
    fn card_value(&self, data: &LangData, li: usize, r: CRef) -> Value {
        data.cards[r.locality][r.commitment]
            .get_or_init(|| Value::from_serializable(&self.card(data, li, r)))
            .clone()
    }

    fn choices(&self) -> Value {
        #[derive(Serialize)]
        struct Choice {
            code: String,
            name: String,
            dir: &'static str,
            path: String,
            title: String,
            description: Option<String>,
        }
        let config = self.config();
        Value::from_serializable(
            &config
                .languages
                .iter()
                .enumerate()
                .map(|(li, l)| Choice {
                    code: l.code.clone(),
                    name: l.name.clone(),
                    dir: l.dir.as_str(),
                    path: urls::home(&l.code),
                    title: self.lt(&config.title, li).text,
                    description: config.description.as_ref().map(|d| self.lt(d, li).text),
                })
                .collect::<Vec<_>>(),
        )
    }

    // -- pages -------------------------------------------------------------

    /// Renders one page to HTML (minified: the templates were minified when loaded).
    /// `path` is the page's [`path`](Self::path).
    pub fn render(&self, page: Page, path: &str) -> Result<Vec<u8>, Diagnostic> {
        let started = self.profile.as_ref().map(|_| std::time::Instant::now());
        let (template, ctx) = self.context(page, path);
        // Straight into bytes: the page goes to a file, and Tera's output
        // is UTF-8 already (checking it again took 5% of a build).
        let mut html = Vec::with_capacity(16 * 1024);
        let lang = match page.language() {
            Some(li) => self.lang_code(li),
            // The root picker and the 404 page are in the default language.
            None => &self.config().default_language,
        };
        let result = self
            .tera
            .for_lang(lang)
            .render_to(template, &ctx, &mut html);
        if let (Some(profile), Some(started)) = (&self.profile, started)
            && let Ok(mut p) = profile.lock()
        {
            let e = p.entry(template).or_default();
            e.0 += 1;
            e.1 += started.elapsed();
        }
        result.map_err(|e| {
            Diagnostic::error(
                format!("themes/default/templates/{template}"),
                format!("rendering `{path}` failed: {}", error_chain(&e)),
            )
        })?;
        Ok(html)
    }

    /// With `PLEDGEBOARD_TIMINGS`: pages rendered and CPU time per template.
    pub fn template_times(&self) -> Vec<(&'static str, usize, std::time::Duration)> {
        self.profile
            .as_ref()
            .and_then(|p| {
                p.lock()
                    .ok()
                    .map(|m| m.iter().map(|(k, v)| (*k, v.0, v.1)).collect())
            })
            .unwrap_or_default()
    }

    fn common(&self, ctx: &mut Context, li: usize, path: &str, kind: &str, title: &str) {
        let data = &self.langs[li];
        let config = self.config();
        ctx.insert("lang", &data.code);
        ctx.insert("dir", data.dir);
        ctx.insert("root", &urls::root_prefix(path));
        ctx.insert("page_kind", kind);
        ctx.insert("title", title);
        ctx.insert_value("site", data.site.clone());
        ctx.insert("css", "style.css");
        ctx.insert_value("home_path", data.home_path.clone());
        ctx.insert_value("links", data.links.clone());

        #[derive(Serialize)]
        struct Switch<'x> {
            code: &'x str,
            name: &'x str,
            dir: &'static str,
            path: String,
            current: bool,
        }
        #[derive(Serialize)]
        struct Alternate {
            hreflang: String,
            href: String,
        }
        let switcher: Vec<Switch> = config
            .languages
            .iter()
            .map(|l| Switch {
                code: &l.code,
                name: &l.name,
                dir: l.dir.as_str(),
                path: urls::in_language(path, &data.code, &l.code),
                current: l.code == data.code,
            })
            .collect();
        let mut alternates: Vec<Alternate> = config
            .languages
            .iter()
            .map(|l| Alternate {
                hreflang: l.code.clone(),
                href: urls::absolute(
                    &config.base_url,
                    &urls::in_language(path, &data.code, &l.code),
                ),
            })
            .collect();
        alternates.push(Alternate {
            hreflang: "x-default".into(),
            href: urls::absolute(
                &config.base_url,
                &urls::in_language(path, &data.code, &config.default_language),
            ),
        });
        ctx.insert("switcher", &switcher);
        ctx.insert("alternates", &alternates);
        ctx.insert("canonical", &urls::absolute(&config.base_url, path));

        #[derive(Serialize)]
        struct Nav<'x> {
            id: &'x str,
            label: &'x Lt,
            path: String,
            current: bool,
        }
        let nav: Vec<Nav> = data
            .nav
            .iter()
            .map(|(id, label)| {
                let p = urls::page(&data.code, id);
                Nav {
                    current: p == path,
                    id,
                    label,
                    path: p,
                }
            })
            .collect();
        ctx.insert("nav", &nav);
        ctx.insert_value("feed", data.feed.clone());
    }

    fn context(&self, page: Page, path: &str) -> (&'static str, Context) {
        let mut ctx = Context::new();
        let Some(li) = page.language() else {
            // The root language picker and the 404 page speak every language.
            let config = self.config();
            let li = config
                .languages
                .iter()
                .position(|l| l.code == config.default_language)
                .unwrap_or(0);
            self.common(&mut ctx, li, path, "root", &self.lt(&config.title, li).text);
            ctx.insert_value("choices", self.choices());
            ctx.insert("switcher", &Vec::<()>::new());
            ctx.insert("nav", &Vec::<()>::new());
            if page == Page::NotFound {
                let base_path = base_path(&config.base_url);
                ctx.insert("root", &base_path);
                ctx.insert("page_kind", "not-found");
                ctx.insert("title", &self.t(li, "page-not-found"));
                ctx.insert("alternates", &Vec::<()>::new());
                ctx.insert(
                    "canonical",
                    &urls::absolute(&config.base_url, urls::NOT_FOUND),
                );
                return ("404.html", ctx);
            }
            let mut alternates: Vec<BTreeMap<&str, String>> = config
                .languages
                .iter()
                .map(|l| {
                    BTreeMap::from([
                        ("hreflang", l.code.clone()),
                        (
                            "href",
                            urls::absolute(&config.base_url, &urls::home(&l.code)),
                        ),
                    ])
                })
                .collect();
            alternates.push(BTreeMap::from([
                ("hreflang", "x-default".into()),
                ("href", config.base_url.clone()),
            ]));
            ctx.insert("alternates", &alternates);
            return ("root.html", ctx);
        };
        let data = &self.langs[li];
        let config = self.config();
        let code = data.code.as_str();
        match page {
            Page::Home(_) => {
                self.common(&mut ctx, li, path, "home", &self.lt(&config.title, li).text);
                let home = self.site.home.as_ref();
                ctx.insert(
                    "intro",
                    &home.map(|h| self.body(&h.body, li)).filter(|b| !b.empty),
                );
                ctx.insert(
                    "intro_title",
                    &home.and_then(|h| h.title.as_ref()).map(|t| self.lt(t, li)),
                );
                let total = self.derived.total;
                ctx.insert("total", &total);
                ctx.insert(
                    "overdue",
                    &BTreeMap::from([
                        ("count", Value::from(self.derived.overdue_list.len())),
                        ("path", Value::from(urls::overdue(code))),
                    ]),
                );
                #[derive(Serialize)]
                struct SC<'x> {
                    status: &'x StatusView,
                    count: usize,
                    percent: usize,
                }
                let by_status: Vec<SC> = data
                    .statuses
                    .iter()
                    .zip(&self.derived.by_status)
                    .map(|(s, (_, list))| SC {
                        status: s,
                        count: list.len(),
                        percent: (list.len() * 100 + total / 2)
                            .checked_div(total)
                            .unwrap_or(0),
                    })
                    .collect();
                ctx.insert("by_status", &by_status);
                #[derive(Serialize)]
                struct PC<'x> {
                    party: &'x Labelled,
                    count: usize,
                }
                let by_party: Vec<PC> = data
                    .parties
                    .iter()
                    .zip(&self.derived.by_party)
                    .map(|(p, (_, list))| PC {
                        party: p,
                        count: list.len(),
                    })
                    .collect();
                ctx.insert("by_party", &by_party);
                let latest: Vec<Value> = self
                    .derived
                    .latest_updates
                    .iter()
                    .take(HOME_UPDATES)
                    .map(|u| self.update_item(data, li, *u))
                    .collect();
                ctx.insert_value("latest", Value::from(latest));
                ctx.insert_value(
                    "localities",
                    Value::from(self.locality_card_values(data).to_vec()),
                );
                ctx.insert("updates_path", &urls::updates(code));
                ctx.insert("all_path", &urls::all_commitments(code));
                ("home.html", ctx)
            }
            Page::Localities(_) => {
                self.common(
                    &mut ctx,
                    li,
                    path,
                    "localities",
                    &self.t(li, "page-localities"),
                );
                let countries: Vec<Value> = self
                    .derived
                    .localities_by_country
                    .iter()
                    .map(|(cc, locs)| {
                        Value::from(BTreeMap::from([
                            ("country", Value::from_serializable(&self.country(li, cc))),
                            (
                                "localities",
                                Value::from(
                                    locs.iter()
                                        .map(|i| self.locality_card_values(data)[*i].clone())
                                        .collect::<Vec<_>>(),
                                ),
                            ),
                        ]))
                    })
                    .collect();
                ctx.insert_value("countries", Value::from(countries));
                ("localities.html", ctx)
            }
            Page::Locality(_, i) => {
                let loc = &self.site.localities[i];
                let card = self.locality_card_of(data, i);
                self.common(&mut ctx, li, path, "locality", &card.name.text);
                #[derive(Serialize)]
                struct LocalityPage<'x> {
                    #[serde(flatten)]
                    card: &'x LocalityCard,
                    coordinates: Option<[f64; 2]>,
                    dialogue_since: Option<String>,
                    partners: &'x [String],
                    next_review: Option<String>,
                    body: Body,
                    feed_path: String,
                }
                ctx.insert(
                    "locality",
                    &LocalityPage {
                        card,
                        coordinates: loc.coordinates.map(|(a, b)| [a, b]),
                        dialogue_since: loc.dialogue_since.map(|d| d.to_string()),
                        partners: &loc.partners,
                        next_review: loc.next_review.map(|d| d.to_string()),
                        body: self.body(&loc.body, li),
                        feed_path: urls::locality_feed(code, &loc.id),
                    },
                );
                let groups: Vec<Value> = data
                    .statuses
                    .iter()
                    .filter_map(|s| {
                        let list: Vec<Value> = loc
                            .commitments
                            .iter()
                            .enumerate()
                            .filter(|(_, c)| c.status == s.id)
                            .map(|(ci, _)| {
                                self.card_value(
                                    data,
                                    li,
                                    CRef {
                                        locality: i,
                                        commitment: ci,
                                    },
                                )
                            })
                            .collect();
                        (!list.is_empty()).then(|| {
                            Value::from(BTreeMap::from([
                                ("status", Value::from_serializable(s)),
                                ("commitments", Value::from(list)),
                            ]))
                        })
                    })
                    .collect();
                ctx.insert_value("groups", Value::from(groups));
                ctx.insert(
                    "feed",
                    &BTreeMap::from([
                        ("path", urls::locality_feed(code, &loc.id)),
                        (
                            "title",
                            self.t_args(
                                li,
                                "feed-locality-title",
                                &[
                                    ("site", Arg::Str(self.lt(&config.title, li).text)),
                                    ("locality", Arg::Str(card.name.text.clone())),
                                ],
                            ),
                        ),
                    ]),
                );
                ("locality.html", ctx)
            }
            Page::Commitment(_, r) => {
                let c = self.site.commitment(r);
                self.common(
                    &mut ctx,
                    li,
                    path,
                    "commitment",
                    self.text_in(&c.title, li).0,
                );
                // The card's fields (the language's card, made once and shared
                // with the lists), and what only the commitment's page shows.
                #[derive(Serialize)]
                struct Full {
                    responsible: Option<Lt>,
                    topics: Vec<Labelled>,
                    body: Body,
                    updates: Vec<UpdateView>,
                }
                let full = Full {
                    responsible: c.responsible.as_ref().map(|t| self.lt(t, li)),
                    topics: c.topics.iter().map(|t| self.topic(li, t)).collect(),
                    body: self.body(&c.body, li),
                    updates: c
                        .updates
                        .iter()
                        .map(|u| self.update_view(data, li, u))
                        .collect(),
                };
                let mut fields = self.card_value(data, li, r).into_map().unwrap_or_default();
                fields.extend(
                    Value::from_serializable(&full)
                        .into_map()
                        .unwrap_or_default(),
                );
                ctx.insert_value("c", Value::from(fields));
                ("commitment.html", ctx)
            }
            Page::BrowseIndex(_, di) => {
                let dim = DIMENSIONS[di];
                let heading = self.t(li, &format!("page-{dim}-index"));
                self.common(&mut ctx, li, path, "browse-index", &heading);
                #[derive(Serialize)]
                struct Item {
                    label: String,
                    path: String,
                    count: usize,
                    overdue: usize,
                }
                let items: Vec<Item> = self
                    .dimension_keys(di)
                    .iter()
                    .enumerate()
                    .map(|(ki, (key, list))| {
                        let (label, p) = self.dimension_label(li, di, key);
                        Item {
                            label,
                            path: p,
                            count: list.len(),
                            overdue: self.key_overdue[di][ki],
                        }
                    })
                    .collect();
                ctx.insert("dimension", dim);
                ctx.insert("heading", &heading);
                ctx.insert("items", &items);
                ("browse-index.html", ctx)
            }
            Page::Browse(_, di, ki, _) => {
                let dim = DIMENSIONS[di];
                let (key, _) = &self.dimension_keys(di)[ki];
                let (label, _) = self.dimension_label(li, di, key);
                let heading = self.t_args(
                    li,
                    &format!("list-{dim}-heading"),
                    &[("label", Arg::Str(label))],
                );
                self.common(&mut ctx, li, path, "browse", &heading);
                self.list_context(&mut ctx, data, dim, &heading, page, path);
                ctx.insert(
                    "up",
                    &BTreeMap::from([
                        ("label", self.t(li, &format!("page-{dim}-index"))),
                        ("path", urls::browse_index(code, dim)),
                    ]),
                );
                ("list.html", ctx)
            }
            Page::Overdue(..) => {
                let heading = self.t(li, "page-overdue");
                self.common(&mut ctx, li, path, "browse", &heading);
                self.list_context(&mut ctx, data, "overdue", &heading, page, path);
                ("list.html", ctx)
            }
            Page::All(..) => {
                let heading = self.t(li, "page-all-commitments");
                self.common(&mut ctx, li, path, "browse", &heading);
                self.list_context(&mut ctx, data, "all", &heading, page, path);
                ("list.html", ctx)
            }
            Page::Updates(_) => {
                self.common(&mut ctx, li, path, "updates", &self.t(li, "page-updates"));
                let updates: Vec<Value> = self
                    .derived
                    .latest_updates
                    .iter()
                    .take(UPDATES_PAGE)
                    .map(|u| self.update_item(data, li, *u))
                    .collect();
                ctx.insert_value("updates", Value::from(updates));
                ctx.insert("total", &self.derived.latest_updates.len());
                ("updates.html", ctx)
            }
            Page::Free(_, i) => {
                let p = &self.site.pages[i];
                let title = p
                    .title
                    .as_ref()
                    .map_or_else(|| self.plain_lt(p.id.clone(), li), |t| self.lt(t, li));
                self.common(&mut ctx, li, path, "page", &title.text);
                ctx.insert(
                    "page",
                    &BTreeMap::from([
                        ("id", Value::from(p.id.as_str())),
                        ("title", Value::from_serializable(&title)),
                        ("body", Value::from_serializable(&self.body(&p.body, li))),
                    ]),
                );
                ("page.html", ctx)
            }
            Page::Root | Page::NotFound => unreachable!("handled above"),
        }
    }

    /// How many commitments of the whole list a list page belongs to are overdue.
    fn list_overdue(&self, page: Page) -> usize {
        match page {
            Page::Browse(_, di, ki, _) => self.key_overdue[di][ki],
            Page::Overdue(..) | Page::All(..) => self.derived.overdue_list.len(),
            _ => 0,
        }
    }

    /// The whole list a list page shows part of, and which part.
    fn list_of(&self, page: Page) -> (&[CRef], usize) {
        match page {
            Page::Browse(_, di, ki, pg) => (&self.dimension_keys(di)[ki].1, pg),
            Page::Overdue(_, pg) => (&self.derived.overdue_list, pg),
            Page::All(_, pg) => (&self.all_crefs, pg),
            _ => (&[], 0),
        }
    }

    fn list_context(
        &self,
        ctx: &mut Context,
        data: &LangData,
        dim: &str,
        heading: &str,
        page: Page,
        path: &str,
    ) {
        let (list, pg) = self.list_of(page);
        ctx.insert("dimension", dim);
        ctx.insert("heading", heading);
        ctx.insert("count", &list.len());
        ctx.insert("overdue_count", &self.list_overdue(page));
        let shown = page_slice(list, pg);
        ctx.insert_value("commitments", self.cards_of(data, data.index, shown));
        let root = urls::root_prefix(path);
        let cards: Vec<&str> = shown
            .iter()
            .map(|&r| self.list_card_html(data, r))
            .collect();
        let mut cards_html =
            String::with_capacity(cards.iter().map(|c| c.len() + 8 * root.len()).sum());
        for card in cards {
            crate::text::push_replaced(&mut cards_html, card, &ROOT_MARK_FINDER, &root);
        }
        ctx.insert("cards_html", &cards_html);
        ctx.insert("up", &Value::none());
        #[derive(Serialize)]
        struct Link {
            number: usize,
            path: String,
            current: bool,
            /// Pages were left out just before this one.
            gap_before: bool,
        }
        #[derive(Serialize)]
        struct Pagination {
            current: usize,
            total: usize,
            previous: Option<String>,
            next: Option<String>,
            pages: Vec<Link>,
        }
        let total = page_count(list.len());
        let path_of = |n: usize| self.path(page.with_page_index(n));
        let pagination = (total > 1).then(|| Pagination {
            current: pg + 1,
            total,
            previous: pg.checked_sub(1).map(path_of),
            next: (pg + 1 < total).then(|| path_of(pg + 1)),
            pages: pagination_window(pg, total)
                .into_iter()
                .scan(None, |last: &mut Option<usize>, n| {
                    let gap_before = last.is_some_and(|l| n > l + 1);
                    *last = Some(n);
                    Some(Link {
                        number: n + 1,
                        path: path_of(n),
                        current: n == pg,
                        gap_before,
                    })
                })
                .collect(),
        });
        ctx.insert("pagination", &pagination);
    }

    /// The label and browse path of a key of a dimension.
    fn dimension_label(&self, li: usize, di: usize, key: &str) -> (String, String) {
        let data = &self.langs[li];
        match DIMENSIONS[di] {
            "status" => {
                let s = self.status_view(data, key);
                (s.label, s.path)
            }
            "party" => data
                .parties
                .iter()
                .find(|p| p.id == key)
                .map(|p| (p.label.clone(), p.path.clone()))
                .unwrap_or_else(|| (key.to_owned(), urls::browse(&data.code, "party", key))),
            "topic" => {
                let t = self.topic(li, key);
                (t.label, t.path)
            }
            _ => {
                let c = self.country(li, key);
                (c.name, c.path)
            }
        }
    }

    /// Labels for feeds and exports.
    pub fn status_label(&self, li: usize, id: &str) -> String {
        self.status_view(&self.langs[li], id).label
    }

    pub fn strings(&self) -> &Strings {
        &self.strings
    }
}

/// The path part of the base URL (`/` for `https://x.org/`, `/tracker/` for
/// `https://x.org/tracker/`), for pages a host serves at any address.
fn base_path(base_url: &str) -> String {
    match base_url.split_once("://") {
        Some((_, rest)) => match rest.find('/') {
            Some(i) => rest[i..].to_owned(),
            None => "/".into(),
        },
        None => base_url.to_owned(),
    }
}

#[cfg(test)]
mod compact_tests {
    use super::{compact_template, inline_strings, keeps_strings_out, pagination_window};

    #[test]
    fn pagination_bars_stay_short() {
        assert_eq!(pagination_window(0, 1), [0]);
        assert_eq!(pagination_window(0, 3), [0, 1, 2]);
        assert_eq!(pagination_window(0, 400), [0, 1, 2, 399]);
        assert_eq!(
            pagination_window(200, 400),
            [0, 198, 199, 200, 201, 202, 399]
        );
        assert_eq!(pagination_window(399, 400), [0, 397, 398, 399]);
    }

    #[test]
    fn plain_string_calls_are_written_in_escaped_and_others_stay_calls() {
        let texts = |k: &str| match k {
            "skip" => Some("Aller au contenu"),
            "quote" => Some("\"A\" & <b>"),
            "braces" => Some("{{ lang }} {% raw %}"),
            _ => None,
        };
        let src = concat!(
            "<a>{{ t(key=\"skip\") }}</a><p title=\"{{t( key = 'quote' )}}\">",
            "{{ t(key=\"skip\") | upper }}{{ t(key=\"missing\") }}",
            "{{ t(key=\"skip\", lang=\"en\") }}{{- t(key=\"skip\") }}</p>{{ t(key=\"braces\") }}"
        );
        assert_eq!(
            inline_strings(src, texts),
            concat!(
                "<a>Aller au contenu</a><p title=\"&quot;A&quot; &amp; &lt;b&gt;\">",
                "{{ t(key=\"skip\") | upper }}{{ t(key=\"missing\") }}",
                "{{ t(key=\"skip\", lang=\"en\") }}{{- t(key=\"skip\") }}</p>{{ t(key=\"braces\") }}"
            )
        );
    }

    #[test]
    fn templates_that_give_lang_another_value_or_hold_raw_text_are_noticed() {
        assert!(keeps_strings_out("{% set lang = \"fr\" %}"));
        assert!(keeps_strings_out("{%- set_global lang = x -%}"));
        assert!(keeps_strings_out(
            "{% for lang in site.languages %}{% endfor %}"
        ));
        assert!(keeps_strings_out(
            "{% for code, lang in names %}{% endfor %}"
        ));
        assert!(keeps_strings_out("{%raw%}{{ t(key=\"x\") }}{%endraw%}"));
        assert!(keeps_strings_out("{%-\n  raw -%}{%- endraw %}"));
        assert!(!keeps_strings_out(
            "{% set language = lang %}{% for l in langs %}{% endfor %}"
        ));
        assert!(!keeps_strings_out(
            "<html lang=\"{{ lang }}\">{% if lang == \"ar\" %}{% endif %}"
        ));
    }

    #[test]
    fn line_breaks_at_block_edges_go_and_the_rest_stays() {
        let src = "<ul>\n{% for x in xs %}<li>{{ x }}</li>\n{% endfor %}</ul>\n<p>a\nb <span>c</span>\n<span>d</span></p>\n";
        assert_eq!(
            compact_template(src),
            "<ul>{% for x in xs %}<li>{{ x }}</li>{% endfor %}</ul><p>a\nb <span>c</span>\n<span>d</span></p>"
        );
        // A break between inline elements or text is a visible space: kept.
        let inline = "<a href=\"x\">one</a>\n<a href=\"y\">two</a>";
        assert_eq!(compact_template(inline), inline);
        // Inside a tag, with Tera in it: kept.
        let tag = "<li\n  class=\"{{ c }}\">x</li>";
        assert_eq!(compact_template(tag), "<li\n  class=\"{{ c }}\">x</li>");
    }
}
