//! Cards: a commitment and a locality as lists show them, and an update
//! with its commitment's card; each made once per language and shared by
//! every page that shows it. A commitment's list card is also rendered to
//! HTML once per language, with [`ROOT_MARK`] for the root prefix of the
//! page it goes in, and kept in the renderer's memo of list cards.

use super::Renderer;
use super::lang::LangData;
use super::tally::{Zeros, status_counts};
use super::values::{Card, Labelled, LocalityCard, LocalityRef, UpdateView};
use crate::derive::URef;
use crate::memo::{Fingerprint, Fingerprinter};
use crate::model::CRef;
use crate::urls;
use std::hash::Hash;
use std::sync::{Arc, OnceLock};
use tera::{Context, Value};

/// Stands for the root prefix in HTML rendered once for pages at any depth
/// (a private-use character `load` removes from every text it reads).
pub(crate) const ROOT_MARK: &str = crate::text::marks::ROOT_STR;

static ROOT_MARK_FINDER: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new(ROOT_MARK));

impl Renderer<'_> {
    /// Per locality, per commitment: a hash of what a list entry of the
    /// commitment depends on (its files, its locality's, its overdue flag).
    pub(super) fn entry_fingerprints(&self) -> Vec<Vec<Fingerprint>> {
        self.site
            .localities
            .iter()
            .enumerate()
            .map(|(l, loc)| {
                (0..loc.commitments.len())
                    .map(|c| {
                        let mut h = Fingerprinter::new();
                        self.commitment_fp(CRef {
                            locality: l,
                            commitment: c,
                        })
                        .hash(&mut h);
                        loc.fingerprint.hash(&mut h);
                        h.fingerprint()
                    })
                    .collect()
            })
            .collect()
    }

    /// An empty slot per commitment, by locality then commitment index.
    pub(super) fn per_commitment<T>(&self) -> Vec<Vec<OnceLock<T>>> {
        self.site
            .localities
            .iter()
            .map(|loc| {
                (0..loc.commitments.len())
                    .map(|_| OnceLock::new())
                    .collect()
            })
            .collect()
    }

    fn card(&self, data: &LangData, li: usize, r: CRef) -> Card {
        let c = self.site.commitment(r);
        let loc = self.site.locality_of(r);
        Card {
            key: c.key(),
            short_key: c.short_key.clone(),
            id: c.id.clone(),
            path: urls::commitment(&data.code, &c.locality, &c.id),
            title: self.lt(&c.title, li),
            summary: c.summary.as_ref().map(|s| self.lt(s, li)),
            status: self.status_view(data, &c.status),
            progress: c.progress,
            overdue: self.derived.is_overdue(r),
            overdue_by: self.derived.overdue_by(r),
            agreed: c.agreed.to_string(),
            due: c.due.map(|d| d.to_string()),
            updated: c.updates.last().map(|u| u.date.to_string()),
            locality: LocalityRef {
                id: loc.id.clone(),
                name: self.lt(&loc.name, li),
                path: urls::locality(&data.code, &loc.id),
            },
            parties: c
                .pledged_by
                .iter()
                .filter_map(|p| data.parties.iter().find(|x| x.id == *p).cloned())
                .collect(),
            views_differ: crate::reviews::views_differ(&c.updates),
        }
    }

    /// The card of a commitment as a template value, computed once per language.
    pub(super) fn card_value(&self, data: &LangData, li: usize, r: CRef) -> Value {
        data.cards[r.locality][r.commitment]
            .get_or_init(|| Value::from_serializable(&self.card(data, li, r)))
            .clone()
    }

    /// The cards of `list`, as one template value.
    pub(super) fn cards_of(&self, data: &LangData, li: usize, list: &[CRef]) -> Value {
        Value::from(
            list.iter()
                .map(|r| self.card_value(data, li, *r))
                .collect::<Vec<Value>>(),
        )
    }

    fn locality_card(&self, data: &LangData, li: usize, i: usize) -> LocalityCard {
        let loc = &self.site.localities[i];
        let mut counts: Vec<usize> = vec![0; data.statuses.len()];
        let mut overdue = 0;
        let mut done = 0;
        for (ci, c) in loc.commitments.iter().enumerate() {
            if let Some(si) = data.statuses.iter().position(|s| s.id == c.status) {
                counts[si] += 1;
                if data.statuses[si].done {
                    done += 1;
                }
            }
            if self.derived.is_overdue(CRef {
                locality: i,
                commitment: ci,
            }) {
                overdue += 1;
            }
        }
        LocalityCard {
            id: loc.id.clone(),
            path: urls::locality(&data.code, &loc.id),
            name: self.lt(&loc.name, li),
            region: loc.region.as_ref().map(|r| self.lt(r, li)),
            country: self.country(li, &loc.country),
            count: loc.commitments.len(),
            overdue,
            done,
            by_status: status_counts(&data.statuses, &counts, Zeros::Drop),
        }
    }

    /// The card of locality `i` in the language of `data`.
    pub(super) fn locality_card_of<'d>(&self, data: &'d LangData, i: usize) -> &'d LocalityCard {
        data.locality_cards[i].get_or_init(|| self.locality_card(data, data.index, i))
    }

    /// Every locality card as a template value, in locality order.
    pub(super) fn locality_card_values<'d>(&self, data: &'d LangData) -> &'d [Value] {
        // Serial: a parallel loop here could, while it waits, take up
        // another page that needs this same value, on this same thread.
        data.locality_card_values.get_or_init(|| {
            (0..self.site.localities.len())
                .map(|i| Value::from_serializable(self.locality_card_of(data, i)))
                .collect()
        })
    }

    pub(super) fn update_view(
        &self,
        data: &LangData,
        li: usize,
        u: &crate::model::Update,
    ) -> UpdateView {
        UpdateView {
            date: u.date.to_string(),
            status: self.status_view(data, &u.status),
            progress: u.progress,
            note: u.note.as_ref().map(|n| self.lt(n, li)),
            assessed_by: u.assessed_by.map(|a| Labelled {
                id: a.as_str().to_owned(),
                label: self.t(li, &format!("assessed-{}", a.as_str())),
                path: String::new(),
            }),
            sources: u.sources.iter().map(super::evidence::source_view).collect(),
            commitment: None,
        }
    }

    /// An update with its commitment's card, for lists of latest updates.
    pub(super) fn update_item(&self, data: &LangData, li: usize, u: URef) -> Value {
        let c = self.site.commitment(u.commitment);
        let view = self.update_view(data, li, &c.updates[u.update]);
        let mut map = match Value::from_serializable(&view).into_map() {
            Some(m) => m,
            None => return Value::none(),
        };
        map.insert("commitment".into(), self.card_value(data, li, u.commitment));
        Value::from(map)
    }

    /// A commitment's card as lists show it: `partials/card.html` rendered
    /// once per language, with [`ROOT_MARK`] for the root prefix of the page
    /// it goes in. Cards are most of what list pages hold, and each card is in
    /// several lists (all, its status, parties, topics, country, overdue).
    fn list_card_html<'d>(&self, data: &'d LangData, r: CRef) -> &'d str {
        data.card_html[r.locality][r.commitment].get_or_init(|| {
            let key = self.card_key(data.index, r);
            self.cards
                .get_or_make(key, || self.render_list_card(data, r))
        })
    }

    /// A commitment's list card rendered by `partials/card.html`.
    fn render_list_card(&self, data: &LangData, r: CRef) -> Arc<str> {
        let mut ctx = Context::new();
        ctx.insert("lang", &data.code);
        ctx.insert("dir", data.dir);
        ctx.insert("root", ROOT_MARK);
        ctx.insert("level", &2);
        ctx.insert("page_kind", "browse");
        ctx.insert_value("card", self.card_value(data, data.index, r));
        // A card that cannot be rendered here is rendered by the list
        // template's own include, which reports the error.
        self.tera
            .for_lang(&data.code)
            .render("partials/card.html", &ctx)
            .unwrap_or_default()
            .into()
    }

    /// The list cards of `shown` as one HTML text, for a page whose root
    /// prefix is `root`.
    pub(super) fn list_cards_html(&self, data: &LangData, shown: &[CRef], root: &str) -> String {
        let cards: Vec<&str> = shown
            .iter()
            .map(|&r| self.list_card_html(data, r))
            .collect();
        let mut cards_html =
            String::with_capacity(cards.iter().map(|c| c.len() + 8 * root.len()).sum());
        for card in cards {
            crate::text::push_replaced(&mut cards_html, card, &ROOT_MARK_FINDER, root);
        }
        cards_html
    }

    /// What a list card's HTML is made from: everything every page
    /// depends on, the language, and the commitment's list entry.
    fn card_key(&self, li: usize, r: CRef) -> Fingerprint {
        Fingerprinter::new()
            .add(&self.global)
            .add(&li)
            .add(&self.entry_fps[r.locality][r.commitment])
            .fingerprint()
    }
}
