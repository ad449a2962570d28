//! Derive: everything computed from a validated site rather than written in it.
//!
//! Overdue flags and how long each overdue commitment is late (an
//! [`OverdueSpan`], measured once per commitment), totals by status and by party, the browse indexes (by
//! status, party, topic, country), the list of latest updates, and the
//! translation coverage report. Computed once per build and borrowed by every
//! page, feed and export.

use crate::memo::{Fingerprinter, Memo};
use crate::model::{CRef, Commitment, Site, Text};
use jiff::civil::Date;
use std::collections::BTreeMap;
use std::sync::Arc;

/// The unit pages say an overdue span in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SpanUnit {
    Days,
    Months,
    Years,
}

/// How long a commitment is past its due date, in one unit: days under a
/// whole calendar month, whole months under two years, whole years after
/// (always rounded down: 23 months and 29 days is "23 months").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
pub struct OverdueSpan {
    pub unit: SpanUnit,
    pub count: i64,
}

impl OverdueSpan {
    /// The span from `due` to `as_of` (`due` before `as_of`).
    pub fn between(due: Date, as_of: Date) -> OverdueSpan {
        let months = whole_months(due, as_of);
        let (unit, count) = if months == 0 {
            (SpanUnit::Days, (as_of - due).get_days().into())
        } else if months < 24 {
            (SpanUnit::Months, months)
        } else {
            (SpanUnit::Years, months / 12)
        };
        OverdueSpan { unit, count }
    }
}

/// Whole calendar months from `from` to `to`: the most months that, added
/// to `from`, stay on or before `to` (adding a month to 31 March gives 30
/// April, the day kept within the month).
fn whole_months(from: Date, to: Date) -> i64 {
    let naive = (i64::from(to.year()) - i64::from(from.year())) * 12 + i64::from(to.month())
        - i64::from(from.month());
    let reaches = from
        .checked_add(jiff::Span::new().months(naive))
        .is_ok_and(|d| d <= to);
    if reaches { naive } else { naive - 1 }
}

/// An update of some commitment: the commitment and the update's index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct URef {
    pub commitment: CRef,
    pub update: usize,
}

#[derive(Debug, Default)]
pub struct Derived {
    /// Per commitment, indexed like `Site::crefs()`: how long it is
    /// overdue, or `None` when it is not.
    overdue: Vec<Vec<Option<OverdueSpan>>>,
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
        self.overdue[c.locality][c.commitment].is_some()
    }

    /// How long `c` is past its due date, when it is overdue.
    pub fn overdue_by(&self, c: CRef) -> Option<OverdueSpan> {
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
            let overdue = c
                .due
                .filter(|due| !finished && *due < config.as_of)
                .map(|due| OverdueSpan::between(due, config.as_of));
            flags.push(overdue);
            if overdue.is_some() {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::testing::{SITE_YAML, site};

    /// A commitment file pledged by `parties`, with `fields` (status, due,
    /// topics, updates…) as front-matter lines.
    fn commitment(parties: &str, fields: &str) -> String {
        format!("---\ntitle: T\npledged_by: [{parties}]\nagreed: 2017-05-20\n{fields}---\n")
    }

    /// Two localities (jos in NG, saaba in BF) of three commitments each;
    /// `as_of` is 2024-06-30.
    fn programme() -> Site {
        let files = [
            (
                "localities/saaba/_index.md",
                "---\nname: Saaba\ncountry: BF\n---\n".to_owned(),
            ),
            (
                "localities/jos/_index.md",
                "---\nname: Jos\ncountry: NG\n---\n".to_owned(),
            ),
            (
                "localities/saaba/a-late.md",
                commitment(
                    "police",
                    "due: 2024-06-29\ntopics: [theft]\nupdates:\n  - { date: 2020-01-01, status: in-progress }\n",
                ),
            ),
            (
                "localities/saaba/b-today.md",
                commitment("community", "due: 2024-06-30\nstatus: in-progress\n"),
            ),
            (
                "localities/saaba/c-done.md",
                commitment(
                    "police, community",
                    "due: 2019-01-01\ntopics: [theft, patrols]\nupdates:\n  - { date: 2019-06-01, status: completed }\n",
                ),
            ),
            (
                "localities/jos/d-closed.md",
                commitment("justice", "due: 2019-01-01\nstatus: withdrawn\n"),
            ),
            (
                "localities/jos/e-old.md",
                commitment(
                    "police",
                    "due: 2018-01-01\ntopics: [patrols]\nupdates:\n  - { date: 2018-05-01, status: stalled }\n  - { date: 2020-01-01, status: stalled }\n",
                ),
            ),
            (
                "localities/jos/f-nodue.md",
                commitment("police", "status: not-started\n"),
            ),
        ];
        let files: Vec<(&str, &str)> = files.iter().map(|(p, t)| (*p, t.as_str())).collect();
        site(SITE_YAML, &files)
    }

    fn keys(site: &Site, list: &[CRef]) -> Vec<String> {
        list.iter().map(|r| site.commitment(*r).key()).collect()
    }

    fn index(site: &Site, index: &[(String, Vec<CRef>)]) -> Vec<(String, Vec<String>)> {
        index
            .iter()
            .map(|(k, list)| (k.clone(), keys(site, list)))
            .collect()
    }

    fn owned(entries: &[(&str, &[&str])]) -> Vec<(String, Vec<String>)> {
        entries
            .iter()
            .map(|(k, l)| (k.to_string(), l.iter().map(|s| s.to_string()).collect()))
            .collect()
    }

    #[test]
    fn overdue_is_due_before_as_of_and_neither_done_nor_closed() {
        let s = programme();
        let d = derive(&s);
        let overdue: Vec<String> = s
            .crefs()
            .filter(|r| d.is_overdue(*r))
            .map(|r| s.commitment(r).key())
            .collect();
        // Not b-today (due on as_of), c-done (done), d-closed (closed), f-nodue.
        assert_eq!(overdue, ["jos/e-old", "saaba/a-late"]);
        // Most overdue first.
        assert_eq!(keys(&s, &d.overdue_list), ["jos/e-old", "saaba/a-late"]);
        assert_eq!(d.overdue_count(d.status_list("in-progress")), 1);
        assert_eq!(d.overdue_count(d.status_list("completed")), 0);
    }

    #[test]
    fn totals_by_status_and_party_in_the_order_of_site_yaml() {
        let s = programme();
        let d = derive(&s);
        assert_eq!(d.total, 6);
        assert_eq!(
            index(&s, &d.by_status),
            owned(&[
                ("not-started", &["jos/f-nodue"]),
                ("in-progress", &["saaba/a-late", "saaba/b-today"]),
                ("stalled", &["jos/e-old"]),
                ("suspended", &[]),
                ("completed", &["saaba/c-done"]),
                ("not-completed", &[]),
                ("withdrawn", &["jos/d-closed"]),
            ])
        );
        // A commitment pledged by two parties counts for each.
        assert_eq!(
            index(&s, &d.by_party),
            owned(&[
                (
                    "police",
                    &["jos/e-old", "jos/f-nodue", "saaba/a-late", "saaba/c-done"]
                ),
                ("community", &["saaba/b-today", "saaba/c-done"]),
                ("local-government", &[]),
                ("justice", &["jos/d-closed"]),
            ])
        );
        assert_eq!(keys(&s, d.status_list("stalled")), ["jos/e-old"]);
        assert!(d.status_list("no-such-status").is_empty());
    }

    #[test]
    fn browse_indexes_by_topic_and_country_are_sorted() {
        let s = programme();
        let d = derive(&s);
        assert_eq!(
            index(&s, &d.by_topic),
            owned(&[
                ("patrols", &["jos/e-old", "saaba/c-done"]),
                ("theft", &["saaba/a-late", "saaba/c-done"]),
            ])
        );
        assert_eq!(
            index(&s, &d.by_country),
            owned(&[
                ("BF", &["saaba/a-late", "saaba/b-today", "saaba/c-done"]),
                ("NG", &["jos/d-closed", "jos/e-old", "jos/f-nodue"]),
            ])
        );
        let by_country: Vec<(&str, Vec<&str>)> = d
            .localities_by_country
            .iter()
            .map(|(c, l)| {
                (
                    c.as_str(),
                    l.iter().map(|i| s.localities[*i].id.as_str()).collect(),
                )
            })
            .collect();
        assert_eq!(by_country, [("BF", vec!["saaba"]), ("NG", vec!["jos"])]);
    }

    #[test]
    fn latest_updates_newest_first_ties_in_commitment_order() {
        let s = programme();
        let d = derive(&s);
        let shown = |list: &[URef]| -> Vec<String> {
            list.iter()
                .map(|u| {
                    let c = s.commitment(u.commitment);
                    format!("{} {}", c.updates[u.update].date, c.key())
                })
                .collect()
        };
        assert_eq!(
            shown(&d.latest_updates),
            [
                "2020-01-01 jos/e-old",
                "2020-01-01 saaba/a-late",
                "2019-06-01 saaba/c-done",
                "2018-05-01 jos/e-old",
            ]
        );
        assert_eq!(
            shown(&d.updates_by_locality[0]),
            ["2020-01-01 jos/e-old", "2018-05-01 jos/e-old"]
        );
        assert_eq!(
            shown(&d.updates_by_locality[1]),
            ["2020-01-01 saaba/a-late", "2019-06-01 saaba/c-done"]
        );
    }

    fn gap(file: &str, translation: &str, field: &str) -> Gap {
        Gap {
            file: file.into(),
            translation: translation.into(),
            field: field.into(),
        }
    }

    #[test]
    fn coverage_counts_translated_texts_and_lists_the_gaps() {
        let c = "localities/saaba/patrols.md";
        let s = site(
            &format!("{SITE_YAML}topics: {{ theft: {{ en: Theft, fr: Vol }} }}\n"),
            &[
                (
                    "localities/saaba/_index.md",
                    "---\nname: Saaba\ncountry: BF\n---\nA town.\n",
                ),
                (
                    "localities/saaba/_index.fr.md",
                    "---\nname: Saaba\n---\nUne ville.\n",
                ),
                (
                    c,
                    "---\ntitle: Patrols\npledged_by: [police]\nagreed: 2017-05-20\nupdates:\n  - { date: 2017-09-01, status: in-progress, note: Weekly. }\n---\nBody.\n",
                ),
                (
                    "localities/saaba/patrols.fr.md",
                    "---\ntitle: Patrouilles\nupdates:\n  - { date: 2017-09-01, note: Chaque semaine. }\n---\n",
                ),
            ],
        );
        let covs = coverage(&s, &Memo::off());
        let langs: Vec<_> = covs.iter().map(|c| c.lang.as_str()).collect();
        assert_eq!(langs, ["fr", "ar"]);
        let (fr, ar) = (&covs[0], &covs[1]);
        // site title, locality name and body, commitment title, body and note, topic.
        assert_eq!((fr.translated, fr.total), (6, 7));
        assert_eq!(fr.gaps, [gap(c, "localities/saaba/patrols.fr.md", "body")]);
        assert_eq!((ar.translated, ar.total), (0, 7));
        let loc = "localities/saaba/_index.md";
        let c_ar = "localities/saaba/patrols.ar.md";
        assert_eq!(
            ar.gaps,
            [
                gap("site.yaml", "site.yaml", "title"),
                gap(loc, "localities/saaba/_index.ar.md", "name"),
                gap(loc, "localities/saaba/_index.ar.md", "body"),
                gap(c, c_ar, "title"),
                gap(c, c_ar, "body"),
                gap(c, c_ar, "updates[0].note (2017-09-01)"),
                gap("site.yaml", "site.yaml", "topics.theft"),
            ]
        );
        // A session's memo gives the same counts, again and again.
        let mut memo = Memo::new();
        assert_eq!(coverage(&s, &memo), covs);
        memo.finish_build(1);
        assert_eq!(coverage(&s, &memo), covs);
        assert_eq!(memo.uses().hits, 1);
    }

    #[test]
    fn overdue_spans_are_days_then_months_then_years_rounded_down() {
        use jiff::civil::date;
        let as_of = date(2024, 6, 30);
        let span = |y, m, d| {
            let o = OverdueSpan::between(date(y, m, d), as_of);
            (o.unit, o.count)
        };
        assert_eq!(span(2024, 6, 29), (SpanUnit::Days, 1));
        assert_eq!(span(2024, 6, 1), (SpanUnit::Days, 29));
        assert_eq!(span(2024, 5, 31), (SpanUnit::Months, 1));
        assert_eq!(span(2024, 5, 30), (SpanUnit::Months, 1));
        // 31 March plus three months is 30 June.
        assert_eq!(span(2024, 3, 31), (SpanUnit::Months, 3));
        assert_eq!(span(2022, 7, 1), (SpanUnit::Months, 23));
        assert_eq!(span(2022, 6, 30), (SpanUnit::Years, 2));
        assert_eq!(span(2018, 1, 31), (SpanUnit::Years, 6));
        // A leap day: a whole year later is 28 February.
        let o = OverdueSpan::between(date(2020, 2, 29), date(2022, 2, 28));
        assert_eq!((o.unit, o.count), (SpanUnit::Years, 2));
    }
}
