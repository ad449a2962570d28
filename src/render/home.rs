//! The home page of a language (`home.html`): how far the commitments have
//! come (done of all, overdue, the status bar), the introduction, totals by
//! party, the latest updates and every locality's card; and its fingerprint.

use super::lang::LangData;
use super::maps::Scope;
use super::tally::{Zeros, done_of, status_counts};
use super::values::{CountryRow, OverdueLink, PartyRow};
use super::{AT_SCALE, HOME_UPDATES, Renderer};
use crate::memo::Fingerprinter;
use crate::model::CRef;
use crate::urls;
use std::hash::Hash;
use tera::{Context, Value};

impl Renderer<'_> {
    pub(super) fn home_context(&self, li: usize, path: &str) -> (&'static str, Context) {
        let data = &self.langs[li];
        let code = data.code.as_str();
        let mut ctx = Context::new();
        self.common(
            &mut ctx,
            li,
            path,
            "home",
            &self.lt(&self.config().title, li).text,
        );
        let home = self.site.home.as_ref();
        ctx.insert(
            "intro",
            &home.map(|h| self.body(&h.body, li)).filter(|b| !b.empty),
        );
        ctx.insert(
            "intro_title",
            &home.and_then(|h| h.title.as_ref()).map(|t| self.lt(t, li)),
        );
        let total = self.derived.total;
        ctx.insert("total", &total);
        ctx.insert(
            "overdue",
            &OverdueLink {
                count: self.derived.overdue_list.len(),
                path: urls::overdue(code),
            },
        );
        let counts: Vec<usize> = self
            .derived
            .by_status
            .iter()
            .map(|(_, l)| l.len())
            .collect();
        ctx.insert("done", &done_of(&data.statuses, &counts));
        ctx.insert(
            "by_status",
            &status_counts(&data.statuses, &counts, Zeros::Keep),
        );
        ctx.insert("by_party", &self.party_rows(data));
        let latest: Vec<Value> = self
            .derived
            .latest_updates
            .iter()
            .take(HOME_UPDATES)
            .map(|u| self.update_item(data, li, *u))
            .collect();
        ctx.insert_value("latest", Value::from(latest));
        if self.site.localities.len() > AT_SCALE {
            ctx.insert_value("localities", Value::from(Vec::<Value>::new()));
            ctx.insert("countries", &self.country_rows(li));
        } else {
            let cards = self.locality_card_values(data);
            let localities: Vec<Value> = self
                .localities_in_order(data)
                .iter()
                .map(|i| cards[*i].clone())
                .collect();
            ctx.insert_value("localities", Value::from(localities));
            ctx.insert_value("countries", Value::from(Vec::<Value>::new()));
        }
        ctx.insert(
            "chart_completed",
            &self.completed_chart(li, self.all_crefs.iter().copied()),
        );
        ctx.insert("chart_multiples", &self.site_multiples(li, path));
        ctx.insert("map", &self.map_view(li, Scope::Overview));
        ctx.insert("updates_path", &urls::updates(code));
        ctx.insert("all_path", &urls::all_commitments(code));
        ("home.html", ctx)
    }

    /// `countries`: every country with localities, by name, with its
    /// commitments' counts (the same as its list pages' status bar).
    fn country_rows(&self, li: usize) -> Vec<CountryRow> {
        let statuses = &self.langs[li].statuses;
        self.localities_by_country_in_order(li)
            .into_iter()
            .map(|(country, locs)| {
                // derive.rs gives every country with localities its list.
                let ki = self
                    .derived
                    .by_country
                    .binary_search_by(|(code, _)| code.as_str().cmp(&country.code));
                let (list, counts): (&[CRef], &[usize]) = match ki {
                    Ok(ki) => (&self.derived.by_country[ki].1, &self.country_status[ki]),
                    Err(_) => (&[], &[]),
                };
                CountryRow {
                    country,
                    localities: locs.len(),
                    count: list.len(),
                    overdue: list.iter().filter(|r| self.derived.is_overdue(**r)).count(),
                    done: done_of(statuses, counts),
                    bar: status_counts(statuses, counts, Zeros::Drop),
                }
            })
            .collect()
    }

    /// `by_party`: every party with its count.
    fn party_rows<'d>(&self, data: &'d LangData) -> Vec<PartyRow<'d>> {
        data.parties
            .iter()
            .zip(&self.derived.by_party)
            .map(|(p, (_, list))| PartyRow {
                party: p,
                count: list.len(),
            })
            .collect()
    }

    /// The home page shows the locality cards (as the localities page
    /// does), the totals and the latest updates.
    pub(super) fn home_fp(&self, h: &mut Fingerprinter) {
        self.localities_fp(h);
        self.completions_fp(h, self.all_crefs.iter().copied());
        self.derived.total.hash(h);
        self.derived.overdue_list.len().hash(h);
        for (_, l) in self.derived.by_status.iter().chain(&self.derived.by_party) {
            l.len().hash(h);
        }
        for u in self.derived.latest_updates.iter().take(HOME_UPDATES) {
            u.update.hash(h);
            self.hash_entries(h, &[u.commitment]);
        }
    }
}
