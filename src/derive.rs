//! Derive: everything computed from a validated site rather than written in it.
//!
//! Overdue flags, totals by status and by party, the browse indexes (by
//! status, party, topic, country), the list of latest updates, and the
//! translation coverage report. Computed once per build and borrowed by every
//! page, feed and export.

use crate::memo::{Fingerprinter, Memo};
use crate::model::{CRef, Commitment, Site, Text};
use std::collections::BTreeMap;
use std::sync::Arc;

/// An update of some commitment: the commitment and the update's index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct URef {
    pub commitment: CRef,
    pub update: usize,
}

#[derive(Debug, Default)]
pub struct Derived {
    /// Overdue flag per commitment, indexed like `Site::crefs()`.
    overdue: Vec<Vec<bool>>,
    /// Commitments per status id, in the order of `config.statuses`.
    pub by_status: Vec<(String, Vec<CRef>)>,
    /// Commitments per party id, in the order of `config.parties`.
    pub by_party: Vec<(String, Vec<CRef>)>,
    /// Commitments per topic id, sorted by topic id.
    pub by_topic: Vec<(String, Vec<CRef>)>,
    /// Commitments per country code, sorted by code.
    pub by_country: Vec<(String, Vec<CRef>)>,
    /// Localities per country code (indexes into `Site::localities`).
    pub localities_by_country: BTreeMap<String, Vec<usize>>,
    /// Every overdue commitment, most overdue (earliest due) first.
    pub overdue_list: Vec<CRef>,
    /// Every update, newest first (ties: locality, commitment order).
    pub latest_updates: Vec<URef>,
    /// The same, split by locality (indexes into `Site::localities`).
    pub updates_by_locality: Vec<Vec<URef>>,
    pub total: usize,
}

impl Derived {
    pub fn is_overdue(&self, c: CRef) -> bool {
        self.overdue[c.locality][c.commitment]
    }

    /// How many commitments are overdue among `list`.
    pub fn overdue_count(&self, list: &[CRef]) -> usize {
        list.iter().filter(|c| self.is_overdue(**c)).count()
    }

    /// Commitments of one status.
    pub fn status_list(&self, id: &str) -> &[CRef] {
        self.by_status
            .iter()
            .find(|(s, _)| s == id)
            .map_or(&[], |(_, l)| l.as_slice())
    }
}

/// Computes the derived data of a site.
pub fn derive(site: &Site) -> Derived {
    let config = &site.config;
    let mut d = Derived {
        by_status: config
            .statuses
            .iter()
            .map(|s| (s.id.clone(), Vec::new()))
            .collect(),
        by_party: config
            .parties
            .iter()
            .map(|p| (p.id.clone(), Vec::new()))
            .collect(),
        ..Derived::default()
    };
    let mut by_topic: BTreeMap<String, Vec<CRef>> = BTreeMap::new();
    let mut by_country: BTreeMap<String, Vec<CRef>> = BTreeMap::new();

    for (li, loc) in site.localities.iter().enumerate() {
        d.localities_by_country
            .entry(loc.country.clone())
            .or_default()
            .push(li);
        by_country.entry(loc.country.clone()).or_default();
        let mut flags = Vec::with_capacity(loc.commitments.len());
        for (ci, c) in loc.commitments.iter().enumerate() {
            let r = CRef {
                locality: li,
                commitment: ci,
            };
            let status = config.status(&c.status);
            let finished = status.is_some_and(|s| s.done || s.closed);
            let overdue = !finished && c.due.is_some_and(|due| due < config.as_of);
            flags.push(overdue);
            if overdue {
                d.overdue_list.push(r);
            }
            if let Some((_, list)) = d.by_status.iter_mut().find(|(s, _)| *s == c.status) {
                list.push(r);
            }
            for party in &c.pledged_by {
                if let Some((_, list)) = d.by_party.iter_mut().find(|(p, _)| p == party) {
                    list.push(r);
                }
            }
            for topic in &c.topics {
                by_topic.entry(topic.clone()).or_default().push(r);
            }
            if let Some(list) = by_country.get_mut(&loc.country) {
                list.push(r);
            }
            for ui in 0..c.updates.len() {
                d.latest_updates.push(URef {
                    commitment: r,
                    update: ui,
                });
            }
            d.total += 1;
        }
        d.overdue.push(flags);
    }
    // Keys made once per entry: comparing by reaching into the commitments
    // would visit each of them many times.
    d.overdue_list
        .sort_by_cached_key(|r| (site.commitment(*r).due, *r));
    // Newest first; ties in commitment order, later updates first.
    d.latest_updates.sort_by_cached_key(|u| {
        let date = site.commitment(u.commitment).updates[u.update].date;
        (
            std::cmp::Reverse(date),
            u.commitment,
            std::cmp::Reverse(u.update),
        )
    });
    d.updates_by_locality = vec![Vec::new(); site.localities.len()];
    for u in &d.latest_updates {
        d.updates_by_locality[u.commitment.locality].push(*u);
    }
    d.by_topic = by_topic.into_iter().collect();
    d.by_country = by_country.into_iter().collect();
    d
}

/// One text that has no translation into some language.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Gap {
    /// The default-language file the text is in.
    pub file: String,
    /// The file the translation goes in: `x.fr.md` beside `x.md`, or site.yaml.
    pub translation: String,
    /// The field: `title`, `body`, `updates[2].note`, …
    pub field: String,
}

/// Where the `lang` translation of a text of `file` is written.
pub fn translation_file(file: &str, lang: &str) -> String {
    match file.strip_suffix(".md") {
        Some(stem) => format!("{stem}.{lang}.md"),
        None => file.to_owned(),
    }
}

/// Translation coverage of one language.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Coverage {
    pub lang: String,
    pub translated: usize,
    pub total: usize,
    pub gaps: Vec<Gap>,
}

/// The translation coverage of each non-default language: how many texts
/// (titles, names, summaries, bodies, notes, topic names) have a
/// translation, and where the gaps are, in file order. Each commitment's
/// counts are kept in `memo` by the commitment's fingerprint and the
/// languages (a session's rebuild counts only the commitments that changed).
pub fn coverage(site: &Site, memo: &Memo<Arc<[Coverage]>>) -> Vec<Coverage> {
    let config = &site.config;
    let langs: Vec<String> = config
        .languages
        .iter()
        .filter(|l| l.code != config.default_language)
        .map(|l| l.code.clone())
        .collect();
    let mut covs = uncounted(&langs);
    check_texts(&mut covs, "site.yaml", "title", Some(&config.title));
    check_texts(
        &mut covs,
        "site.yaml",
        "description",
        config.description.as_ref(),
    );
    if let Some(home) = &site.home {
        check_texts(&mut covs, &home.source, "title", home.title.as_ref());
        check_texts(&mut covs, &home.source, "body", Some(&home.body));
    }
    for loc in &site.localities {
        check_texts(&mut covs, &loc.source, "name", Some(&loc.name));
        check_texts(&mut covs, &loc.source, "region", loc.region.as_ref());
        check_texts(&mut covs, &loc.source, "body", Some(&loc.body));
        for c in &loc.commitments {
            let key = Fingerprinter::new()
                .add(&c.fingerprint)
                .add(&c.source)
                .add(&langs)
                .fingerprint();
            let own = memo.get_or_make(key, || commitment_coverage(c, &langs));
            for (cov, part) in covs.iter_mut().zip(own.iter()) {
                cov.total += part.total;
                cov.translated += part.translated;
                cov.gaps.extend(part.gaps.iter().cloned());
            }
        }
    }
    for p in &site.pages {
        check_texts(&mut covs, &p.source, "title", p.title.as_ref());
        check_texts(&mut covs, &p.source, "body", Some(&p.body));
    }
    for cov in &mut covs {
        for (id, names) in &config.topics {
            let Some(name) = names.get(&config.default_language) else {
                continue;
            };
            cov.total += 1;
            if names.contains_key(&cov.lang) || name.trim().is_empty() {
                cov.translated += 1;
            } else {
                cov.gaps.push(Gap {
                    file: "site.yaml".into(),
                    translation: "site.yaml".into(),
                    field: format!("topics.{id}"),
                });
            }
        }
    }
    covs
}

/// Nothing counted yet, for each of `langs`.
fn uncounted(langs: &[String]) -> Vec<Coverage> {
    langs
        .iter()
        .map(|l| Coverage {
            lang: l.clone(),
            translated: 0,
            total: 0,
            gaps: Vec::new(),
        })
        .collect()
}

/// One commitment's texts, counted for each of `langs`.
fn commitment_coverage(c: &Commitment, langs: &[String]) -> Arc<[Coverage]> {
    let mut covs = uncounted(langs);
    check_texts(&mut covs, &c.source, "title", Some(&c.title));
    check_texts(&mut covs, &c.source, "summary", c.summary.as_ref());
    check_texts(&mut covs, &c.source, "responsible", c.responsible.as_ref());
    check_texts(&mut covs, &c.source, "body", Some(&c.body));
    for (i, u) in c.updates.iter().enumerate() {
        if let Some(note) = &u.note {
            check_texts(
                &mut covs,
                &c.source,
                &format!("updates[{i}].note ({})", u.date),
                Some(note),
            );
        }
    }
    covs.into()
}

/// Counts one text of `file` for every language of `covs`.
fn check_texts(covs: &mut [Coverage], file: &str, field: &str, text: Option<&Text>) {
    let Some(text) = text else { return };
    if text.default.trim().is_empty() {
        return;
    }
    for cov in covs {
        cov.total += 1;
        if text.has(&cov.lang) {
            cov.translated += 1;
        } else {
            cov.gaps.push(Gap {
                file: file.to_owned(),
                translation: translation_file(file, &cov.lang),
                field: field.to_owned(),
            });
        }
    }
}
