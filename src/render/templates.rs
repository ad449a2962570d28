//! The theme's templates, compiled once per set of interface strings: a
//! Tera instance with pledgeboard's `t` function and `local_date` /
//! `local_number` filters, every literal `t(key=…)` checked against the
//! strings, the templates compacted (line breaks at block-level tag edges
//! dropped, so pages need no minifying pass), and a copy per language with
//! its plain strings written in (`write_in.rs`).

use super::write_in::{language_copies, literal_keys};
use crate::diag::Diagnostic;
use crate::i18n::{Arg, Strings};
use crate::theme::Theme;
use std::sync::Arc;
use tera::{Kwargs, State, Tera, Value};

/// The endings of the names of the templates Tera autoescapes.
pub(super) const AUTOESCAPED: [&str; 2] = [".html", ".xml"];

/// A template: its name, its text and the label of its file.
type Source = (String, String, String);

/// Plain interface strings as template values, by language then key.
type PlainValues = rustc_hash::FxHashMap<String, rustc_hash::FxHashMap<String, Value>>;

/// A Tera instance with pledgeboard's functions and filters, no templates yet.
pub(super) fn new_tera(strings: &Arc<Strings>) -> Tera {
    let mut tera = Tera::new();
    tera.autoescape_on(AUTOESCAPED.to_vec());
    // Functions and filters first: Tera checks that every one a template uses exists.
    register_filters(&mut tera, strings);
    let s = strings.clone();
    // Strings without variables as template values, made once: most calls
    // of `t` ask for one of these, tens of times a page, and a clone of a
    // value shares its text.
    // Fx hashing: these maps are asked some forty times a page, with short keys.
    let mut plain: PlainValues = Default::default();
    for (lang, key, text) in strings.plain_strings() {
        plain
            .entry(lang.to_owned())
            .or_default()
            .insert(key.to_owned(), Value::from(text));
    }
    tera.register_function(
        "t",
        move |kwargs: Kwargs, state: &State| -> tera::TeraResult<Value> {
            t(&s, &plain, kwargs, state)
        },
    );
    tera
}

/// The language of the page being rendered.
fn lang_of(state: &State) -> tera::TeraResult<String> {
    Ok(state.get::<String>("lang")?.unwrap_or_default())
}

/// `local_date` and `local_number`: dates and numbers in the page's language.
fn register_filters(tera: &mut Tera, strings: &Arc<Strings>) {
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
}

/// The template function `t(key="…", lang="…", …)`: an interface string
/// in the page's language (or `lang`), the other arguments its variables.
fn t(s: &Strings, plain: &PlainValues, kwargs: Kwargs, state: &State) -> tera::TeraResult<Value> {
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
    let args = fluent_args(&kwargs);
    let args: Vec<(&str, Arg)> = args.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
    Ok(Value::from(s.get(lang, key, &args)))
}

/// The arguments of a `t` call other than `key` and `lang`, as Fluent variables.
fn fluent_args(kwargs: &Kwargs) -> Vec<(String, Arg)> {
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
    args
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

/// Compiles the theme's templates with the `t` function and the filters,
/// compacts them, and makes each language's copy.
pub(crate) fn compile_templates(
    theme: &Theme,
    strings: Arc<Strings>,
) -> Result<Templates, Vec<Diagnostic>> {
    let (templates, unreadable) = read_templates(theme);
    let mut diags = undefined_keys(&templates, &strings);
    // The templates as written are compiled first, so that errors point at
    // the lines the theme author sees; reported with the undefined keys.
    // Without an unreadable one, whose absence would only give errors of
    // its own ("template not found").
    if !unreadable.is_empty() {
        diags.extend(unreadable);
        return Err(diags);
    }
    let tera = compile_as_written(&templates, &strings).map_err(|d| diags.extend(d));
    let tera = match tera {
        Ok(tera) if diags.is_empty() => tera,
        _ => return Err(diags),
    };
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
    let by_lang = language_copies(&compact, &strings);
    Ok(Templates { shared, by_lang })
}

/// The theme's templates, each with its text and the label of its file,
/// and an error for each that is not UTF-8 text.
fn read_templates(theme: &Theme) -> (Vec<Source>, Vec<Diagnostic>) {
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
    (templates, diags)
}

/// A string no language defines would show its key on every page: each
/// literal `t(key=…)` of such a key is an error.
fn undefined_keys(templates: &[Source], strings: &Strings) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for (_, text, label) in templates {
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
    diags
}

/// The templates as written, all at once, so that templates may extend and
/// include each other in any order; an error names the file it is in when
/// Tera's message says which.
fn compile_as_written(
    templates: &[Source],
    strings: &Arc<Strings>,
) -> Result<Tera, Vec<Diagnostic>> {
    let mut tera = new_tera(strings);
    if let Err(e) =
        tera.add_raw_templates(templates.iter().map(|(n, t, _)| (n.as_str(), t.as_str())))
    {
        let msg = error_chain(&e);
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
    Ok(tera)
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

/// The error and its causes on one line.
pub(crate) fn error_chain(e: &dyn std::error::Error) -> String {
    let mut msg = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        msg.push_str(": ");
        msg.push_str(&c.to_string());
        cause = c.source();
    }
    msg
}

#[cfg(test)]
mod tests {
    use super::compact_template;

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
