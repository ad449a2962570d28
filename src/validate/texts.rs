//! Texts by language: a field of a default-language file merged with the
//! same field of its translations into one [`Text`].

use crate::diag::{self, Diagnostic};
use crate::model::{Config, Text};
use crate::parse::{FrontMatter, RawText};
use crate::yaml::Seg;

/// Builds a [`Text`] from the default file's value and the translations'
/// values. `what` is the field's path in the default file, where its
/// problems are reported: a language the site lacks, no default text.
pub(super) fn merge<'a>(
    config: &Config,
    main: Option<&RawText>,
    translations: impl Iterator<Item = (&'a str, Option<&'a RawText>)>,
    fm: &FrontMatter,
    what: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<Text> {
    let mut text = Text::default();
    let has_default = match main {
        Some(raw) => from_main(config, raw, &mut text, fm, what, diags),
        None => false,
    };
    for (lang, raw) in translations {
        let Some(raw) = raw else { continue };
        let value = raw.plain.clone().or_else(|| raw.by_lang.get(lang).cloned());
        if let Some(v) = value {
            text.translations.insert(lang.to_owned(), v);
        }
    }
    if has_default {
        Some(text)
    } else if main.is_some() {
        diags.push(
            fm.error(
                &[Seg::key(what)],
                format!("`{what}` has no text in the default language"),
            )
            .expected(format!(
                "a plain text, or a `{}:` entry",
                config.default_language
            )),
        );
        None
    } else {
        None
    }
}

/// Puts the default file's texts into `text`: its plain text, and its texts
/// by language (a language the site lacks is reported). Returns whether it
/// has a text in the default language.
fn from_main(
    config: &Config,
    raw: &RawText,
    text: &mut Text,
    fm: &FrontMatter,
    what: &str,
    diags: &mut Vec<Diagnostic>,
) -> bool {
    let mut has_default = false;
    if let Some(plain) = &raw.plain {
        text.default = plain.clone();
        has_default = true;
    }
    for (lang, s) in &raw.by_lang {
        if *lang == config.default_language {
            text.default = s.clone();
            has_default = true;
        } else if config.language(lang).is_some() {
            text.translations.insert(lang.clone(), s.clone());
        } else {
            let codes: Vec<&str> = config.languages.iter().map(|l| l.code.as_str()).collect();
            diags.push(
                fm.error(
                    &[Seg::key(what), Seg::KeyName(lang.clone())],
                    format!("`{lang}` is not one of the site's languages"),
                )
                .expected(diag::one_of(&codes)),
            );
        }
    }
    has_default
}
