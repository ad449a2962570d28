//! Test fixtures: small texts run through the real parser (and, for the
//! tests of `validate` and `derive`, the real validator), so that tests
//! build their inputs the way a build does.

use super::{Doc, parse_config, parse_doc};
use crate::diag::Diagnostic;
use crate::load::{self, SourceFile};
use crate::model::{Config, Site};
use crate::validate::{self, Inputs};
use jiff::civil::{Date, date};
use std::path::PathBuf;
use std::sync::Arc;

/// The build date of the fixtures (also `as_of` when site.yaml sets none).
pub(crate) const BUILD_DATE: Date = date(2024, 6, 30);

/// A site.yaml in English (the default), French and Arabic, `as_of: 2024-06-30`.
pub(crate) const SITE_YAML: &str = "\
title: { en: Test tracker, fr: Suivi de test }
base_url: https://tracker.example.org/
default_language: en
languages:
  - { code: en, name: English }
  - { code: fr, name: Français }
  - { code: ar, name: العربية }
as_of: 2024-06-30
";

/// A file of the site directory as `load` makes it.
pub(crate) fn source(rel: &str, text: &str) -> SourceFile {
    load::decode(rel, text.as_bytes().to_vec()).expect("UTF-8 test text")
}

/// Parses a content file.
pub(crate) fn doc(rel: &str, text: &str) -> Result<Doc, Vec<Diagnostic>> {
    parse_doc(&source(rel, text))
}

/// The problems of a content file the parser refuses.
pub(crate) fn doc_errors(rel: &str, text: &str) -> Vec<Diagnostic> {
    match doc(rel, text) {
        Ok(d) => panic!("{rel} was accepted: {:?}", d.fields),
        Err(diags) => diags,
    }
}

/// The one problem of a content file the parser refuses.
pub(crate) fn doc_error(rel: &str, text: &str) -> Diagnostic {
    let mut diags = doc_errors(rel, text);
    assert_eq!(diags.len(), 1, "{rel}: {diags:#?}");
    diags.remove(0)
}

/// Parses a site.yaml, built on [`BUILD_DATE`].
pub(crate) fn config(text: &str) -> (Option<Config>, Vec<Diagnostic>) {
    parse_config(&source("site.yaml", text), BUILD_DATE)
}

/// A valid site.yaml (lines 1-6: English by default, and French) with
/// `extra` added as lines 7 on.
pub(crate) fn site_yaml(extra: &str) -> String {
    format!(
        "title: Tracker\nbase_url: https://tracker.example.org\ndefault_language: en\nlanguages:\n  - {{ code: en, name: English }}\n  - {{ code: fr, name: Français }}\n{extra}"
    )
}

/// The settings of a valid site.yaml.
pub(crate) fn config_ok(text: &str) -> Config {
    let (config, diags) = config(text);
    assert!(diags.is_empty(), "{diags:#?}");
    config.expect("a config")
}

/// The one problem of a site.yaml, and the settings made despite it.
pub(crate) fn config_error(text: &str) -> (Option<Config>, Diagnostic) {
    let (config, mut diags) = config(text);
    assert_eq!(diags.len(), 1, "{diags:#?}");
    (config, diags.remove(0))
}

/// Where a diagnostic points and what it says: `(file, line, column, message)`.
pub(crate) fn place(d: &Diagnostic) -> (&str, usize, usize, &str) {
    (&d.file, d.line, d.column, &d.message)
}

/// `(line, column, message, found, expected)` of a diagnostic.
pub(crate) fn shown(d: &Diagnostic) -> (usize, usize, &str, Option<&str>, Option<&str>) {
    (
        d.line,
        d.column,
        &d.message,
        d.found.as_deref(),
        d.expected.as_deref(),
    )
}

/// Parses `site_yaml` and `files` (path, text) and validates them as a site
/// (with a locality folder for each `localities/<id>/` a path is in).
/// Every file must parse.
pub(crate) fn validate_files(
    site_yaml: &str,
    files: &[(&str, &str)],
) -> (Option<Site>, Vec<Diagnostic>) {
    let (config, diags) = config(site_yaml);
    assert!(diags.is_empty(), "site.yaml: {diags:#?}");
    let mut files = files.to_vec();
    files.sort();
    let docs = files
        .iter()
        .map(|(rel, text)| Arc::new(doc(rel, text).unwrap_or_else(|d| panic!("{rel}: {d:#?}"))))
        .collect();
    let mut locality_dirs: Vec<String> = files
        .iter()
        .filter_map(|(rel, _)| {
            let rest = rel.strip_prefix("localities/")?;
            Some(format!("localities/{}", rest.split_once('/')?.0))
        })
        .collect();
    locality_dirs.dedup();
    let mut found: Vec<String> = files.iter().map(|(rel, _)| (*rel).to_owned()).collect();
    found.sort();
    let inputs = Inputs {
        root: PathBuf::from("site"),
        config: config.expect("a config"),
        docs,
        found: &found,
        locality_dirs,
        static_files: Vec::new(),
        theme_dir: None,
        settings: crate::memo::Fingerprint(0),
    };
    validate::validate(inputs, &crate::memo::Memo::off())
}

/// The site made of `site_yaml` and `files`, which must be valid.
pub(crate) fn site(site_yaml: &str, files: &[(&str, &str)]) -> Site {
    let (site, diags) = validate_files(site_yaml, files);
    assert!(diags.is_empty(), "{diags:#?}");
    site.expect("a site")
}
