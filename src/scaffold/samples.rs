//! The sample texts of a new site, one folder per language of the built-in
//! theme (`text/<lang>/`): each document is written as its translation file
//! is (front matter of text fields, then the Markdown body), and the site's
//! texts as `key: "value"` lines. The default-language files take their
//! lines from here by key, so one text serves both kinds of file.

/// A sample document of a new site.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Sample {
    /// The site's texts: the language's name, title, description, topics…
    Site,
    Locality,
    Commitment,
    About,
    Methodology,
}

/// The languages with sample texts: the built-in theme's.
pub(super) const LANGUAGES: &[&str] = &["en", "fr", "ar", "ne", "ha"];

macro_rules! texts {
    ($lang:literal) => {
        [
            include_str!(concat!("text/", $lang, "/site.yaml")),
            include_str!(concat!("text/", $lang, "/locality.md")),
            include_str!(concat!("text/", $lang, "/commitment.md")),
            include_str!(concat!("text/", $lang, "/about.md")),
            include_str!(concat!("text/", $lang, "/methodology.md")),
        ]
    };
}

const EN: [&str; 5] = texts!("en");
const FR: [&str; 5] = texts!("fr");
const AR: [&str; 5] = texts!("ar");
const NE: [&str; 5] = texts!("ne");
const HA: [&str; 5] = texts!("ha");

/// The sample `doc` in `lang`, when there is one in that language.
pub(super) fn sample(lang: &str, doc: Sample) -> Option<&'static str> {
    let texts = match lang {
        "en" => &EN,
        "fr" => &FR,
        "ar" => &AR,
        "ne" => &NE,
        "ha" => &HA,
        _ => return None,
    };
    Some(texts[doc as usize])
}

/// The sample `doc` in `lang`, else in English (the language every
/// theme string falls back to as well).
pub(super) fn sample_or_fallback(lang: &str, doc: Sample) -> &'static str {
    sample(lang, doc).unwrap_or(EN[doc as usize])
}

/// The front-matter line of `key` (`title: "…"`), without its indentation.
pub(super) fn line<'a>(text: &'a str, key: &str) -> Option<&'a str> {
    front_matter(text).lines().map(str::trim_start).find(|l| {
        l.strip_prefix(key)
            .is_some_and(|rest| rest.starts_with(':'))
    })
}

/// The value written after `key:` on its line, as written (quoted).
pub(super) fn value<'a>(text: &'a str, key: &str) -> Option<&'a str> {
    line(text, key).map(|l| l[key.len() + 1..].trim())
}

/// The front matter of a sample document (all of a site's texts).
fn front_matter(text: &str) -> &str {
    match text.strip_prefix("---\n") {
        Some(rest) => rest.split_once("\n---\n").map_or(rest, |(fm, _)| fm),
        None => text,
    }
}

/// The Markdown body of a sample document.
pub(super) fn body(text: &str) -> &str {
    text.strip_prefix("---\n")
        .and_then(|rest| rest.split_once("\n---\n"))
        .map_or("", |(_, body)| body)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOCS: [Sample; 5] = [
        Sample::Site,
        Sample::Locality,
        Sample::Commitment,
        Sample::About,
        Sample::Methodology,
    ];

    #[test]
    fn every_language_has_every_line_the_templates_take() {
        let needs: [(Sample, &[&str]); 5] = [
            (
                Sample::Site,
                &[
                    "language",
                    "title",
                    "description",
                    "publisher",
                    "corrections",
                    "topic-lighting",
                    "topic-patrols",
                ],
            ),
            (Sample::Locality, &["name", "region"]),
            (
                Sample::Commitment,
                &["title", "summary", "responsible", "note"],
            ),
            (Sample::About, &["title"]),
            (Sample::Methodology, &["title"]),
        ];
        for lang in LANGUAGES {
            for (doc, keys) in needs {
                let text = sample(lang, doc).unwrap();
                for key in keys {
                    assert!(value(text, key).is_some(), "{lang} {doc:?} lacks `{key}`");
                }
            }
            for doc in &DOCS[1..] {
                assert!(!body(sample(lang, *doc).unwrap()).trim().is_empty());
            }
        }
    }

    #[test]
    fn a_language_without_texts_gets_the_fallbacks() {
        assert_eq!(sample("sw", Sample::About), None);
        assert_eq!(
            sample_or_fallback("sw", Sample::About),
            sample("en", Sample::About).unwrap()
        );
    }

    #[test]
    fn lines_are_found_by_whole_key() {
        let text = "---\ntitle: \"A\"\nupdates:\n  - date: x\n    note: \"N\"\n---\nBody\n";
        assert_eq!(value(text, "title"), Some("\"A\""));
        assert_eq!(value(text, "note"), Some("\"N\""));
        assert_eq!(value(text, "tit"), None);
        assert_eq!(body(text), "Body\n");
    }
}
