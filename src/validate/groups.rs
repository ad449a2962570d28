//! Grouping: each default-language file with its translations, and what a
//! group's files make together (body, fingerprint, translated fields).

use crate::diag::{self, Diagnostic};
use crate::model::{Config, Text};
use crate::parse::{Doc, DocKind, Fields};
use std::sync::Arc;

/// A default-language file and its translations.
#[derive(Default)]
pub(super) struct Group {
    pub main: Option<Arc<Doc>>,
    pub translations: Vec<Arc<Doc>>,
}

/// The files grouped by kind, sorted by kind; a translation into the
/// default language or into a language the site lacks is reported and left
/// out.
pub(super) fn group(
    docs: Vec<Arc<Doc>>,
    config: &Config,
    diags: &mut Vec<Diagnostic>,
) -> Vec<(DocKind, Group)> {
    // Groups in the order of `docs` (path order, where a file and its
    // translations are neighbours), sorted by kind below.
    let mut groups: Vec<(DocKind, Group)> = Vec::new();
    for doc in docs {
        if let Some(problem) = language_problem(&doc, config) {
            diags.push(problem);
            continue;
        }
        if groups.last().is_none_or(|(kind, _)| *kind != doc.kind) {
            groups.push((doc.kind.clone(), Group::default()));
        }
        let Some((_, group)) = groups.last_mut() else {
            unreachable!("a group was just pushed")
        };
        if doc.lang.is_some() {
            group.translations.push(doc);
        } else {
            group.main = Some(doc);
        }
    }
    sort_and_merge(&mut groups);
    groups
}

/// What is wrong with the language of a translation, if anything: it is
/// the default language, or not one of the site's.
fn language_problem(doc: &Doc, config: &Config) -> Option<Diagnostic> {
    let lang = doc.lang.as_ref()?;
    if *lang == config.default_language {
        return Some(
            Diagnostic::error(&doc.fm.rel, format!("`{lang}` is the default language")).expected(
                format!(
                    "the default-language text in `{}`, without a language suffix",
                    crate::parse::original_file(&doc.fm.rel)
                ),
            ),
        );
    }
    if config.language(lang).is_none() {
        let codes: Vec<&str> = config.languages.iter().map(|l| l.code.as_str()).collect();
        return Some(
            Diagnostic::error(
                &doc.fm.rel,
                format!("`{lang}` is not one of the site's languages"),
            )
            .found(format!("a translation into `{lang}`"))
            .expected(diag::one_of(&codes))
            .help("add the language to `languages` in site.yaml, or rename the file"),
        );
    }
    None
}

/// Sorts groups by kind (nearly sorted already, so nearly free), then
/// merges the groups of one kind that were not neighbours, files in the
/// order of `docs`.
fn sort_and_merge(groups: &mut Vec<(DocKind, Group)>) {
    groups.sort_by(|a, b| a.0.cmp(&b.0));
    groups.dedup_by(|later, earlier| {
        if later.0 != earlier.0 {
            return false;
        }
        let later = std::mem::take(&mut later.1);
        if later.main.is_some() {
            earlier.1.main = later.main;
        }
        earlier.1.translations.extend(later.translations);
        true
    });
}

/// Reports the translations of a file that does not exist: not among the
/// files `found` (sorted), parsed or not (a file that could not be parsed
/// had its errors reported).
pub(super) fn check_originals(
    groups: &[(DocKind, Group)],
    found: &[String],
    diags: &mut Vec<Diagnostic>,
) {
    for (_, group) in groups.iter().filter(|(_, g)| g.main.is_none()) {
        for t in &group.translations {
            let original = crate::parse::original_file(&t.fm.rel);
            if found.binary_search(&original).is_ok() {
                continue;
            }
            diags.push(
                Diagnostic::error(&t.fm.rel, "a translation of a file that does not exist")
                    .expected(format!("the default-language file `{original}`")),
            );
        }
    }
}

/// The translations of a group with the fields `pick` extracts from each.
pub(super) fn translations_of<'g, T>(
    group: &'g Group,
    pick: impl Fn(&'g Fields) -> Option<T>,
) -> Vec<(&'g str, T)> {
    group
        .translations
        .iter()
        .filter_map(|d| Some((d.lang.as_deref()?, pick(&d.fields)?)))
        .collect()
}

/// A hash of the texts of a group's files: equal fingerprints, equal content.
pub(super) fn fingerprint(group: &Group) -> crate::memo::Fingerprint {
    use std::hash::Hash;
    let mut h = crate::memo::Fingerprinter::new();
    for doc in group.main.iter().chain(&group.translations) {
        doc.hash.hash(&mut h);
    }
    h.fingerprint()
}

/// The Markdown body of a group: the main file's, with non-empty translations.
pub(super) fn body(group: &Group) -> Text {
    let mut t = Text::plain(
        group
            .main
            .as_ref()
            .map(|d| d.body().to_owned())
            .unwrap_or_default(),
    );
    for d in &group.translations {
        if let Some(lang) = &d.lang
            && !d.body().trim().is_empty()
        {
            t.translations.insert(lang.clone(), d.body().to_owned());
        }
    }
    t
}
