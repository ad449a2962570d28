//! The localities index of a language (`localities.html`: locality cards by
//! country) and a locality's page (`locality.html`: its card, its own
//! fields and body, its commitments grouped by status, its feed); and their
//! fingerprints, with the hash of what locality cards count.

use super::Renderer;
use super::lang::LangData;
use super::maps::Scope;
use super::values::{CountryView, Feed, LocalityPage};
use crate::derive::Derived;
use crate::i18n::Arg;
use crate::memo::{Fingerprint, Fingerprinter};
use crate::model::{CRef, Site};
use crate::urls;
use std::collections::{BTreeMap, HashMap};
use std::hash::Hash;
use tera::{Context, Value};

/// A hash of what the locality cards count: each commitment's status and
/// overdue flag, locality by locality.
pub(super) fn locality_counts(site: &Site, derived: &Derived) -> Fingerprint {
    let mut h = Fingerprinter::new();
    for (l, loc) in site.localities.iter().enumerate() {
        loc.commitments.len().hash(&mut h);
        for (c, cm) in loc.commitments.iter().enumerate() {
            let overdue = derived.is_overdue(CRef {
                locality: l,
                commitment: c,
            });
            (&cm.status, overdue).hash(&mut h);
        }
    }
    h.fingerprint()
}

impl Renderer<'_> {
    pub(super) fn localities_context(&self, li: usize, path: &str) -> (&'static str, Context) {
        let data = &self.langs[li];
        let mut ctx = Context::new();
        self.common(
            &mut ctx,
            li,
            path,
            "localities",
            &self.t(li, "page-localities"),
        );
        let countries: Vec<Value> = self
            .localities_by_country_in_order(li)
            .into_iter()
            .map(|(country, locs)| {
                Value::from(BTreeMap::from([
                    ("country", Value::from_serializable(&country)),
                    (
                        "localities",
                        Value::from(
                            locs.iter()
                                .map(|i| self.locality_card_values(data)[*i].clone())
                                .collect::<Vec<_>>(),
                        ),
                    ),
                ]))
            })
            .collect();
        ctx.insert_value("countries", Value::from(countries));
        ctx.insert("chart_multiples", &self.site_multiples(li, path));
        ctx.insert("map", &self.map_view(li, Scope::Overview));
        ("localities.html", ctx)
    }

    /// Every locality (indexes into `Site::localities`) by its name in the
    /// language of `data`, ties by id; sorted once per language.
    pub(super) fn localities_in_order<'d>(&self, data: &'d LangData) -> &'d [usize] {
        data.locality_order.get_or_init(|| {
            let locs = &self.site.localities;
            let mut order: Vec<usize> = (0..locs.len()).collect();
            data.collation.sort_by_name(
                &mut order,
                |i| self.lt(&locs[*i].name, data.index).text,
                |i| locs[*i].id.as_str(),
            );
            order
        })
    }

    /// The countries that have localities, by their names in language
    /// `li` (ties by code), each with its localities in name order.
    pub(super) fn localities_by_country_in_order(
        &self,
        li: usize,
    ) -> Vec<(CountryView, Vec<usize>)> {
        let data = &self.langs[li];
        let mut groups: Vec<(CountryView, Vec<usize>)> = self
            .derived
            .localities_by_country
            .keys()
            .map(|cc| (self.country(li, cc), Vec::new()))
            .collect();
        data.collation
            .sort_by_name(&mut groups, |g| g.0.name.clone(), |g| g.0.code.clone());
        let group_of: HashMap<String, usize> = groups
            .iter()
            .enumerate()
            .map(|(gi, g)| (g.0.code.clone(), gi))
            .collect();
        for &i in self.localities_in_order(data) {
            if let Some(&gi) = group_of.get(&self.site.localities[i].country) {
                groups[gi].1.push(i);
            }
        }
        groups
    }

    /// Locality cards: each locality's own files and the counts its card
    /// shows (also part of the home page's fingerprint).
    pub(super) fn localities_fp(&self, h: &mut Fingerprinter) {
        self.locality_counts.hash(h);
        for loc in &self.site.localities {
            loc.fingerprint.hash(h);
        }
    }

    pub(super) fn locality_context(
        &self,
        li: usize,
        path: &str,
        i: usize,
    ) -> (&'static str, Context) {
        let data = &self.langs[li];
        let code = data.code.as_str();
        let loc = &self.site.localities[i];
        let card = self.locality_card_of(data, i);
        let mut ctx = Context::new();
        self.common(&mut ctx, li, path, "locality", &card.name.text);
        ctx.insert(
            "locality",
            &LocalityPage {
                card,
                coordinates: loc.coordinates.map(|(a, b)| [a, b]),
                dialogue_since: loc.dialogue_since.map(|d| d.to_string()),
                partners: &loc.partners,
                next_review: loc.next_review.map(|d| d.to_string()),
                body: self.body(&loc.body, li),
                feed_path: urls::locality_feed(code, &loc.id),
            },
        );
        ctx.insert_value("groups", self.groups_by_status(data, i));
        let crefs = (0..loc.commitments.len()).map(|commitment| CRef {
            locality: i,
            commitment,
        });
        ctx.insert("chart_completed", &self.completed_chart(li, crefs));
        ctx.insert("map", &self.map_view(li, Scope::Locality(i)));
        ctx.insert(
            "feed",
            &Feed {
                path: urls::locality_feed(code, &loc.id),
                title: self.t_args(
                    li,
                    "feed-locality-title",
                    &[
                        ("site", Arg::Str(self.lt(&self.config().title, li).text)),
                        ("locality", Arg::Str(card.name.text.clone())),
                    ],
                ),
            },
        );
        ("locality.html", ctx)
    }

    /// `groups`: the cards of locality `i`'s commitments by status, in
    /// status order, statuses without commitments left out.
    fn groups_by_status(&self, data: &LangData, i: usize) -> Value {
        let loc = &self.site.localities[i];
        let groups: Vec<Value> = data
            .statuses
            .iter()
            .filter_map(|s| {
                let list: Vec<Value> = loc
                    .commitments
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| c.status == s.id)
                    .map(|(ci, _)| {
                        self.card_value(
                            data,
                            data.index,
                            CRef {
                                locality: i,
                                commitment: ci,
                            },
                        )
                    })
                    .collect();
                (!list.is_empty()).then(|| {
                    Value::from(BTreeMap::from([
                        ("status", Value::from_serializable(s)),
                        ("commitments", Value::from(list)),
                    ]))
                })
            })
            .collect();
        Value::from(groups)
    }

    /// The locality's own files and the list entries of its commitments.
    pub(super) fn locality_fp(&self, h: &mut Fingerprinter, i: usize) {
        self.site.localities[i].fingerprint.hash(h);
        self.entry_fps[i].hash(h);
    }
}
