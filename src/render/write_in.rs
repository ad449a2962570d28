//! Writing in: each language's copy of the compacted templates, with that
//! language's plain interface strings written in where a template prints
//! `{{ t(key="…") }}` as it is (escaped as Tera would print them, so the
//! output is the same as calling `t`); and the parser of a literal
//! `t(key="…")`, which also serves the check for undefined keys.

use super::templates::{AUTOESCAPED, new_tera};
use crate::i18n::Strings;
use std::sync::Arc;
use tera::Tera;

/// A copy of the templates per language with its plain strings written in.
/// Only templates Tera autoescapes are changed (their strings are escaped
/// as Tera would), and none where `lang` may mean another language than the
/// page's: then there are no copies, and every page uses the shared templates.
pub(super) fn language_copies(
    compact: &[(String, String)],
    strings: &Arc<Strings>,
) -> Vec<(String, Tera)> {
    let mut by_lang = Vec::new();
    if compact.iter().any(|(_, t)| keeps_strings_out(t)) {
        return by_lang;
    }
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
        let mut tera = new_tera(strings);
        if tera
            .add_raw_templates(inlined.iter().map(|(n, t)| (*n, t.as_str())))
            .is_ok()
        {
            by_lang.push((lang.to_owned(), tera));
        }
    }
    by_lang
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
pub(super) fn literal_keys(text: &str) -> Vec<(&str, usize)> {
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

#[cfg(test)]
mod tests {
    use super::{inline_strings, keeps_strings_out};

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
}
