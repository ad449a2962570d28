//! The localities index of a language (`localities.html`: locality cards by
//! country) and a locality's page (`locality.html`: its card, its own
//! fields and body, its commitments grouped by status, its feed); and their
//! fingerprints, with the hash of what locality cards count.

use super::lang::LangData;
use super::maps::Scope;
use super::values::{CountryView, Feed, LocalityPage};
use super::{LOCALITIES_PER_PAGE, Page, Renderer, localities_page_count};
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

/// A locality in the order of the localities index.
struct Place {
    /// Its country's place among the countries (by name).
    country: usize,
    /// Index into `Site::localities`.
    locality: usize,
    /// Its place among its country's localities by name.
    order: usize,
    /// Its region's name in the page's language, if it has one.
    region: Option<String>,
    /// Whether it comes first in its country.
    first_of_country: bool,
}

impl Renderer<'_> {
    pub(super) fn localities_context(
        &self,
        li: usize,
        path: &str,
        pg: usize,
    ) -> (&'static str, Context) {
        let mut ctx = Context::new();
        self.common(
            &mut ctx,
            li,
            path,
            "localities",
            &self.t(li, "page-localities"),
        );
        let all = self.localities_by_place(li);
        let start = (pg * LOCALITIES_PER_PAGE).min(all.len());
        let shown = &all[start..(start + LOCALITIES_PER_PAGE).min(all.len())];
        ctx.insert_value("countries", self.place_groups(li, shown));
        ctx.insert("count", &self.site.localities.len());
        let pages = localities_page_count(self.site.localities.len());
        ctx.insert(
            "pagination",
            &self.pagination(Page::Localities(li, pg), pages, pg),
        );
        ctx.insert("chart_multiples", &self.site_multiples(li, path));
        ctx.insert("map", &self.map_view(li, Scope::Overview));
        ("localities.html", ctx)
    }

    /// Every locality in the order of the localities index: by country,
    /// then by region (localities without one last), then by name.
    fn localities_by_place(&self, li: usize) -> Vec<Place> {
        let data = &self.langs[li];
        let mut all = Vec::with_capacity(self.site.localities.len());
        for (country, (_, locs)) in self
            .localities_by_country_in_order(li)
            .into_iter()
            .enumerate()
        {
            let mut places: Vec<Place> = locs
                .into_iter()
                .enumerate()
                .map(|(order, locality)| Place {
                    country,
                    locality,
                    order,
                    first_of_country: false,
                    region: self.site.localities[locality]
                        .region
                        .as_ref()
                        .map(|r| self.lt(r, li).text),
                })
                .collect();
            // Ties by name order: within a region, localities keep it.
            data.collation.sort_by_name(
                &mut places,
                |p| p.region.clone().unwrap_or_default(),
                |p| p.order,
            );
            places.sort_by_key(|p| p.region.is_none());
            if let Some(first) = places.first_mut() {
                first.first_of_country = true;
            }
            all.extend(places);
        }
        all
    }

    /// `countries` of a page of the localities index: its localities by
    /// country, each country's by region when some have one.
    fn place_groups(&self, li: usize, shown: &[Place]) -> Value {
        let data = &self.langs[li];
        let cards = self.locality_card_values(data);
        let groups: Vec<Value> = shown
            .chunk_by(|a, b| a.country == b.country)
            .map(|group| {
                let first = &self.site.localities[group[0].locality];
                let regions: Vec<Value> = group
                    .chunk_by(|a, b| a.region == b.region)
                    .map(|part| {
                        let loc = &self.site.localities[part[0].locality];
                        Value::from(BTreeMap::from([
                            (
                                "region",
                                Value::from_serializable(
                                    &loc.region.as_ref().map(|r| self.lt(r, li)),
                                ),
                            ),
                            (
                                "localities",
                                Value::from(
                                    part.iter()
                                        .map(|p| cards[p.locality].clone())
                                        .collect::<Vec<_>>(),
                                ),
                            ),
                        ]))
                    })
                    .collect();
                Value::from(BTreeMap::from([
                    (
                        "country",
                        Value::from_serializable(&self.country(li, &first.country)),
                    ),
                    ("continued", Value::from(!group[0].first_of_country)),
                    (
                        "localities",
                        Value::from(
                            group
                                .iter()
                                .map(|p| cards[p.locality].clone())
                                .collect::<Vec<_>>(),
                        ),
                    ),
                    ("regions", Value::from(regions)),
                ]))
            })
            .collect();
        Value::from(groups)
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
                print_path: urls::print_sheet(code, &loc.id),
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
        ctx.insert(
            "calendar",
            &Feed {
                path: urls::locality_calendar(code, &loc.id),
                title: self.t_args(
                    li,
                    "calendar-locality-name",
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
