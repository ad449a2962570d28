//! Derive: everything computed from a validated site rather than written in it.
//!
//! Overdue flags, totals by status and by party, the browse indexes (by
//! status, party, topic, country), the list of latest updates, and the
//! translation coverage report. Computed once per build and borrowed by every
//! page, feed and export.

use crate::model::{CRef, Site, Text};
use std::collections::BTreeMap;

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

/// For every language but the default, which texts are translated and which are not.
pub fn coverage(site: &Site) -> Vec<Coverage> {
    let config = &site.config;
    config
        .languages
        .iter()
        .filter(|l| l.code != config.default_language)
        .map(|l| {
            let mut cov = Coverage {
                lang: l.code.clone(),
                translated: 0,
                total: 0,
                gaps: Vec::new(),
            };
            // `field` is only spelt out for a gap: most texts are translated.
            let mut check = |file: &str, field: &dyn Fn() -> String, text: Option<&Text>| {
                let Some(text) = text else { return };
                if text.default.trim().is_empty() {
                    return;
                }
                cov.total += 1;
                if text.has(&l.code) {
                    cov.translated += 1;
                } else {
                    cov.gaps.push(Gap {
                        file: file.to_owned(),
                        translation: translation_file(file, &l.code),
                        field: field(),
                    });
                }
            };
            check("site.yaml", &|| "title".into(), Some(&config.title));
            check(
                "site.yaml",
                &|| "description".into(),
                config.description.as_ref(),
            );
            if let Some(home) = &site.home {
                check(&home.source, &|| "title".into(), home.title.as_ref());
                check(&home.source, &|| "body".into(), Some(&home.body));
            }
            for loc in &site.localities {
                check(&loc.source, &|| "name".into(), Some(&loc.name));
                check(&loc.source, &|| "region".into(), loc.region.as_ref());
                check(&loc.source, &|| "body".into(), Some(&loc.body));
                for c in &loc.commitments {
                    check(&c.source, &|| "title".into(), Some(&c.title));
                    check(&c.source, &|| "summary".into(), c.summary.as_ref());
                    check(&c.source, &|| "responsible".into(), c.responsible.as_ref());
                    check(&c.source, &|| "body".into(), Some(&c.body));
                    for (i, u) in c.updates.iter().enumerate() {
                        check(
                            &c.source,
                            &|| format!("updates[{i}].note ({})", u.date),
                            u.note.as_ref(),
                        );
                    }
                }
            }
            for p in &site.pages {
                check(&p.source, &|| "title".into(), p.title.as_ref());
                check(&p.source, &|| "body".into(), Some(&p.body));
            }
            for (id, names) in &config.topics {
                let Some(name) = names.get(&config.default_language) else {
                    continue;
                };
                cov.total += 1;
                if names.contains_key(&l.code) || name.trim().is_empty() {
                    cov.translated += 1;
                } else {
                    cov.gaps.push(Gap {
                        file: "site.yaml".into(),
                        translation: "site.yaml".into(),
                        field: format!("topics.{id}"),
                    });
                }
            }
            cov
        })
        .collect()
}
