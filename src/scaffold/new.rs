//! `pledgeboard new locality ID` and `pledgeboard new commitment
//! LOCALITY/ID`: one new content file from the content model, dated today,
//! its required fields filled with valid values and its optional ones as
//! comments. Ids are judged by the parser's rule and the validator's
//! reserved ids; a taken id (the file exists) and a commitment in a
//! locality that does not exist are refused, saying why.

use super::fill::{fill, quoted};
use super::{read_config, write_new};
use crate::diag::{self, Diagnostic};
use crate::model::Config;
use crate::parse::{self, Fields};
use jiff::civil::Date;
use std::path::{Path, PathBuf};

const NEW_LOCALITY: &str = include_str!("templates/new-locality.md");
const NEW_COMMITMENT: &str = include_str!("templates/new-commitment.md");

/// What `new locality` is asked to make.
pub struct NewLocality {
    pub site_dir: PathBuf,
    pub id: String,
    /// Its country code; else the one most of the site's localities have.
    pub country: Option<String>,
    /// Its name; else made from the id.
    pub name: Option<String>,
    pub today: Date,
}

/// What `new commitment` is asked to make.
pub struct NewCommitment {
    pub site_dir: PathBuf,
    /// `LOCALITY/ID`, as given.
    pub key: String,
    /// Its title; else made from the id.
    pub title: Option<String>,
    pub today: Date,
}

/// Writes `localities/ID/_index.md`; returns its path in the site.
pub fn new_locality(opts: &NewLocality) -> Result<String, Vec<Diagnostic>> {
    read_config(&opts.site_dir, opts.today)?;
    let rel = format!("localities/{}/_index.md", opts.id);
    check_id(&rel, &opts.id, "locality", &[]).map_err(|d| vec![d])?;
    check_free(&opts.site_dir, &rel, "locality", &opts.id).map_err(|d| vec![d])?;
    let country = country(&opts.site_dir, &rel, opts.country.as_deref()).map_err(|d| vec![d])?;
    let name = opts.name.clone().unwrap_or_else(|| words(&opts.id));
    let text = fill(
        NEW_LOCALITY,
        &[
            ("id", &opts.id),
            ("name", &quoted(&name)),
            ("country", &country),
            ("year", &opts.today.year().to_string()),
            ("today", &opts.today.to_string()),
        ],
    );
    write_new(&opts.site_dir, &rel, &text).map_err(|d| vec![d])?;
    Ok(rel)
}

/// Writes `localities/LOCALITY/ID.md`; returns its path in the site.
pub fn new_commitment(opts: &NewCommitment) -> Result<String, Vec<Diagnostic>> {
    let config = read_config(&opts.site_dir, opts.today)?;
    let Some((locality, id)) = opts.key.split_once('/') else {
        return Err(vec![no_key(&opts.key)]);
    };
    let rel = format!("localities/{locality}/{id}.md");
    let ids = [
        check_id(&rel, locality, "locality", &[]),
        check_id(
            &rel,
            id,
            "commitment",
            crate::validate::RESERVED_COMMITMENT_IDS,
        ),
    ];
    let bad: Vec<Diagnostic> = ids.into_iter().filter_map(Result::err).collect();
    if !bad.is_empty() {
        return Err(bad);
    }
    check_locality(&opts.site_dir, &rel, locality).map_err(|d| vec![d])?;
    check_free(&opts.site_dir, &rel, "commitment", &opts.key).map_err(|d| vec![d])?;
    let title = opts.title.clone().unwrap_or_else(|| words(id));
    let text = commitment_text(&config, locality, id, &title, opts.today);
    write_new(&opts.site_dir, &rel, &text).map_err(|d| vec![d])?;
    Ok(rel)
}

fn commitment_text(config: &Config, locality: &str, id: &str, title: &str, today: Date) -> String {
    let parties: Vec<&str> = config.parties.iter().map(|p| p.id.as_str()).collect();
    let statuses: Vec<&str> = config.statuses.iter().map(|s| s.id.as_str()).collect();
    let topics: Vec<&str> = config.topics.keys().map(String::as_str).collect();
    let topics_listed = match topics.as_slice() {
        [] => String::new(),
        list => format!(" from site.yaml: {}", list.join(", ")),
    };
    fill(
        NEW_COMMITMENT,
        &[
            ("locality", locality),
            ("id", id),
            ("title", &quoted(title)),
            ("parties", &parties.join(", ")),
            ("party", parties.first().copied().unwrap_or("police")),
            ("statuses", &statuses.join(", ")),
            ("status", statuses.first().copied().unwrap_or("not-started")),
            ("topics", &topics_listed),
            ("topic", topics.first().copied().unwrap_or("topic-id")),
            ("short_key", &crate::short_key::from_id(id)),
            ("today", &today.to_string()),
        ],
    )
}

/// `market-lighting` → `Market lighting`.
fn words(id: &str) -> String {
    let spaced = id.replace('-', " ");
    let mut chars = spaced.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => spaced,
    }
}

/// An id by the content model's rule, and not one the portal reserves.
fn check_id(rel: &str, id: &str, what: &str, reserved: &[&str]) -> Result<(), Diagnostic> {
    if !parse::is_id(id) {
        return Err(
            Diagnostic::error(rel, format!("`{id}` is not a valid {what} id"))
                .found(format!("`{id}`"))
                .expected(parse::ID_EXPECTED)
                .help(format!("for example `{}`", parse::suggest_id(id))),
        );
    }
    if reserved.contains(&id) {
        return Err(Diagnostic::error(
            rel,
            format!("`{id}` is used by the portal itself and cannot be a {what} id"),
        )
        .expected(format!("a {what} id other than {}", diag::one_of(reserved)))
        .help(format!("for example `{id}-1`")));
    }
    Ok(())
}

/// The file is not there yet.
fn check_free(root: &Path, rel: &str, what: &str, id: &str) -> Result<(), Diagnostic> {
    if !root.join(rel).exists() {
        return Ok(());
    }
    Err(
        Diagnostic::error(rel, format!("the {what} `{id}` already exists"))
            .found("this file")
            .help(format!("edit it, or choose another id for the new {what}")),
    )
}

/// `LOCALITY/ID` was given without its `/`.
fn no_key(key: &str) -> Diagnostic {
    Diagnostic::error(
        "pledgeboard new commitment",
        "the commitment is not given as `LOCALITY/ID`",
    )
    .found(format!("`{key}`"))
    .expected(
        "the locality's id, `/`, then the new commitment's id, such as `saaba/market-lighting`",
    )
}

/// The locality exists (has its `_index.md`); else did-you-mean.
fn check_locality(root: &Path, rel: &str, locality: &str) -> Result<(), Diagnostic> {
    let existing = localities(root);
    if existing.iter().any(|l| l == locality) {
        return Ok(());
    }
    let mut d = Diagnostic::error(rel, format!("there is no locality `{locality}`"))
        .found(format!("no file `localities/{locality}/_index.md`"));
    d = match existing.as_slice() {
        [] => d.expected("a locality of the site; it has none yet"),
        list => d.expected(format!("a locality of the site: {}", diag::one_of(list))),
    };
    let help = match diag::did_you_mean(locality, existing.iter().map(String::as_str)) {
        Some(m) => format!("did you mean `{m}`?"),
        None => format!("make it first: `pledgeboard new locality {locality}`"),
    };
    Err(d.help(help))
}

/// The site's localities: the folders of `localities/` with an `_index.md`, sorted.
fn localities(root: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(root.join("localities")) else {
        return Vec::new();
    };
    let mut ids: Vec<String> = entries
        .filter_map(Result::ok)
        .filter(|e| e.path().join("_index.md").is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    ids.sort();
    ids
}

/// The country given (by the parser's rule), else the one most of the
/// site's localities are in.
fn country(root: &Path, rel: &str, given: Option<&str>) -> Result<String, Diagnostic> {
    if let Some(code) = given {
        return parse::country_code(code).ok_or_else(|| {
            Diagnostic::error(rel, "`--country` is not a two-letter country code")
                .found(format!("`{code}`"))
                .expected(parse::COUNTRY_EXPECTED)
        });
    }
    most_common_country(root).ok_or_else(|| {
        Diagnostic::error(rel, "the new locality's country is not given")
            .expected("`--country` with the two-letter code of its country, such as `--country BF`")
            .help("the site has no locality yet to take the country from")
    })
}

fn most_common_country(root: &Path) -> Option<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for id in localities(root) {
        let rel = format!("localities/{id}/_index.md");
        let Ok(file) = crate::load::read_text(root, &rel) else {
            continue;
        };
        if let Ok(doc) = parse::parse_doc(&file)
            && let Fields::Locality(loc) = &doc.fields
            && let Some(c) = &loc.country
        {
            match counts.iter_mut().find(|(k, _)| k == c) {
                Some((_, n)) => *n += 1,
                None => counts.push((c.clone(), 1)),
            }
        }
    }
    // The most localities; of equals, the first in order of ids.
    let best = counts.iter().map(|(_, n)| *n).max()?;
    counts.into_iter().find(|(_, n)| *n == best).map(|(c, _)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_from_ids() {
        assert_eq!(words("market-lighting"), "Market lighting");
        assert_eq!(words("saaba"), "Saaba");
    }
}
