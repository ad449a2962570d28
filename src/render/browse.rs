//! Browse pages: a dimension's index (`browse-index.html`: its keys with
//! their counts) and the lists (`list.html`: a key's commitments, the
//! overdue ones, all of them; a country's with its status bar), paginated at [`PER_PAGE`] with a short
//! pagination bar; and their fingerprints.

use super::lang::LangData;
use super::maps::Scope;
use super::tally::{Zeros, done_of, status_counts};
use super::values::{IndexItem, Link, Pagination, UpLink};
use super::{DIMENSIONS, PER_PAGE, Page, Renderer, page_count};
use crate::i18n::Arg;
use crate::memo::Fingerprinter;
use crate::model::CRef;
use crate::urls;
use std::hash::Hash;
use tera::{Context, Value};

/// A language's lists of commitments with their localities in name order
/// (each locality's commitments keep their order): per browse dimension,
/// per key, and the list of all commitments.
pub(super) struct NamedLists {
    keys: Vec<Vec<Vec<CRef>>>,
    all: Vec<CRef>,
}

/// `list` (in locality order, as derive makes lists) with its localities'
/// runs ordered by `rank`, each locality's position in name order: one
/// pass and a sort of the runs, not of the entries.
fn in_rank_order(list: &[CRef], rank: &[usize]) -> Vec<CRef> {
    let mut runs: Vec<&[CRef]> = list.chunk_by(|a, b| a.locality == b.locality).collect();
    runs.sort_by_key(|run| rank[run[0].locality]);
    runs.concat()
}

/// The commitments of page `pg` of a list.
fn page_slice(list: &[CRef], pg: usize) -> &[CRef] {
    let start = (pg * PER_PAGE).min(list.len());
    &list[start..(start + PER_PAGE).min(list.len())]
}

/// The page indexes a pagination bar links to: the first and the last, and
/// two on each side of the current one, so a list of hundreds of pages
/// keeps a short bar (a phone screen, and the page's own size).
fn pagination_window(current: usize, total: usize) -> Vec<usize> {
    let mut pages: Vec<usize> = (current.saturating_sub(2)..(current + 3).min(total)).collect();
    if pages.first() != Some(&0) {
        pages.insert(0, 0);
    }
    if total > 0 && pages.last() != Some(&(total - 1)) {
        pages.push(total - 1);
    }
    pages
}

impl Renderer<'_> {
    /// The lists of the language of `data` with their localities in name
    /// order, made once per language.
    fn named_lists<'d>(&self, data: &'d LangData) -> &'d NamedLists {
        data.lists.get_or_init(|| {
            let mut rank = vec![0; self.site.localities.len()];
            for (position, &i) in self.localities_in_order(data).iter().enumerate() {
                rank[i] = position;
            }
            NamedLists {
                keys: (0..DIMENSIONS.len())
                    .map(|di| {
                        self.dimension_keys(di)
                            .iter()
                            .map(|(_, list)| in_rank_order(list, &rank))
                            .collect()
                    })
                    .collect(),
                all: in_rank_order(&self.all_crefs, &rank),
            }
        })
    }

    /// Per browse dimension, per key: how many of its commitments are overdue.
    pub(super) fn count_key_overdue(&self) -> Vec<Vec<usize>> {
        (0..DIMENSIONS.len())
            .map(|di| {
                self.dimension_keys(di)
                    .iter()
                    .map(|(_, list)| self.derived.overdue_count(list))
                    .collect()
            })
            .collect()
    }

    pub(super) fn browse_index_context(
        &self,
        li: usize,
        path: &str,
        di: usize,
    ) -> (&'static str, Context) {
        let dim = DIMENSIONS[di];
        let heading = self.t(li, &format!("page-{dim}-index"));
        let mut ctx = Context::new();
        self.common(&mut ctx, li, path, "browse-index", &heading);
        let mut items: Vec<IndexItem> = self
            .dimension_keys(di)
            .iter()
            .enumerate()
            .map(|(ki, (key, list))| {
                let (label, p) = self.dimension_label(li, di, key);
                IndexItem {
                    label,
                    path: p,
                    count: list.len(),
                    overdue: self.key_overdue[di][ki],
                }
            })
            .collect();
        // Statuses and parties keep site.yaml's order; topics and countries
        // are read by name.
        if matches!(dim, "topic" | "country") {
            let collation = &self.langs[li].collation;
            collation.sort_by_name(&mut items, |it| it.label.clone(), |it| it.path.clone());
        }
        ctx.insert("dimension", dim);
        ctx.insert("heading", &heading);
        ctx.insert("items", &items);
        ("browse-index.html", ctx)
    }

    /// Each key with its count and overdue count.
    pub(super) fn browse_index_fp(&self, h: &mut Fingerprinter, di: usize) {
        for (ki, (key, l)) in self.dimension_keys(di).iter().enumerate() {
            key.hash(h);
            l.len().hash(h);
            self.key_overdue[di][ki].hash(h);
        }
    }

    /// The label and browse path of a key of a dimension.
    fn dimension_label(&self, li: usize, di: usize, key: &str) -> (String, String) {
        let data = &self.langs[li];
        match DIMENSIONS[di] {
            "status" => {
                let s = self.status_view(data, key);
                (s.label, s.path)
            }
            "party" => data
                .parties
                .iter()
                .find(|p| p.id == key)
                .map(|p| (p.label.clone(), p.path.clone()))
                .unwrap_or_else(|| (key.to_owned(), urls::browse(&data.code, "party", key))),
            "topic" => {
                let t = self.topic(li, key);
                (t.label, t.path)
            }
            _ => {
                let c = self.country(li, key);
                (c.name, c.path)
            }
        }
    }

    /// A page of a list: a browse key's ([`Page::Browse`]), the overdue
    /// commitments' or all commitments'.
    pub(super) fn list_page_context(
        &self,
        li: usize,
        path: &str,
        page: Page,
    ) -> (&'static str, Context) {
        let (dim, heading, up) = match page {
            Page::Browse(_, di, ki, _) => {
                let dim = DIMENSIONS[di];
                let (key, _) = &self.dimension_keys(di)[ki];
                let (label, _) = self.dimension_label(li, di, key);
                let heading = self.t_args(
                    li,
                    &format!("list-{dim}-heading"),
                    &[("label", Arg::Str(label))],
                );
                let up = UpLink {
                    label: self.t(li, &format!("page-{dim}-index")),
                    path: urls::browse_index(&self.langs[li].code, dim),
                };
                (dim, heading, Some(up))
            }
            Page::Overdue(..) => ("overdue", self.t(li, "page-overdue"), None),
            _ => ("all", self.t(li, "page-all-commitments"), None),
        };
        let mut ctx = Context::new();
        self.common(&mut ctx, li, path, "browse", &heading);
        self.list_context(&mut ctx, &self.langs[li], dim, &heading, page, path);
        if let Some(counts) = self.country_counts(page) {
            let statuses = &self.langs[li].statuses;
            ctx.insert("done", &done_of(statuses, counts));
            ctx.insert("by_status", &status_counts(statuses, counts, Zeros::Drop));
        }
        if let Some(up) = up {
            ctx.insert("up", &up);
        }
        if let Some(ki) = Self::country_first_page(page) {
            let (chart_completed, chart_multiples) = self.country_charts(li, ki, path);
            ctx.insert("chart_completed", &chart_completed);
            ctx.insert("chart_multiples", &chart_multiples);
            let code = self.derived.by_country[ki].0.as_str();
            ctx.insert("map", &self.map_view(li, Scope::Country(code)));
        }
        ("list.html", ctx)
    }

    /// On a page of a country's list, the country's commitments per status
    /// (its status bar).
    fn country_counts(&self, page: Page) -> Option<&[usize]> {
        match page {
            Page::Browse(_, di, ki, _) if DIMENSIONS[di] == "country" => {
                Some(&self.country_status[ki])
            }
            _ => None,
        }
    }

    /// How many commitments of the whole list a list page belongs to are overdue.
    fn list_overdue(&self, page: Page) -> usize {
        match page {
            Page::Browse(_, di, ki, _) => self.key_overdue[di][ki],
            Page::Overdue(..) | Page::All(..) => self.derived.overdue_list.len(),
            _ => 0,
        }
    }

    /// The commitments a list page shows (none for other pages).
    pub(super) fn shown_on(&self, page: Page) -> &[CRef] {
        let (list, pg) = self.list_of(page);
        page_slice(list, pg)
    }

    /// The whole list a list page shows part of, and which part. Lists
    /// run by their localities' names in the page's language; the overdue
    /// list, most overdue first.
    fn list_of(&self, page: Page) -> (&[CRef], usize) {
        match page {
            Page::Browse(li, di, ki, pg) => (&self.named_lists(&self.langs[li]).keys[di][ki], pg),
            Page::Overdue(_, pg) => (&self.derived.overdue_list, pg),
            Page::All(li, pg) => (&self.named_lists(&self.langs[li]).all, pg),
            _ => (&[], 0),
        }
    }

    fn list_context(
        &self,
        ctx: &mut Context,
        data: &LangData,
        dim: &str,
        heading: &str,
        page: Page,
        path: &str,
    ) {
        let (list, pg) = self.list_of(page);
        ctx.insert("dimension", dim);
        ctx.insert("heading", heading);
        ctx.insert("count", &list.len());
        ctx.insert("overdue_count", &self.list_overdue(page));
        let shown = page_slice(list, pg);
        ctx.insert_value("commitments", self.cards_of(data, data.index, shown));
        let root = urls::root_prefix(path);
        ctx.insert("cards_html", &self.list_cards_html(data, shown, &root));
        ctx.insert("up", &Value::none());
        ctx.insert(
            "pagination",
            &self.pagination(page, page_count(list.len()), pg),
        );
    }

    /// The pagination bar of page `pg` of a list of `total` pages (a list of
    /// commitments or the localities index), or `None` when it is one page.
    pub(super) fn pagination(&self, page: Page, total: usize, pg: usize) -> Option<Pagination> {
        let path_of = |n: usize| self.path(page.with_page_index(n));
        (total > 1).then(|| Pagination {
            current: pg + 1,
            total,
            previous: pg.checked_sub(1).map(path_of),
            next: (pg + 1 < total).then(|| path_of(pg + 1)),
            pages: pagination_window(pg, total)
                .into_iter()
                .scan(None, |last: &mut Option<usize>, n| {
                    let gap_before = last.is_some_and(|l| n > l + 1);
                    *last = Some(n);
                    Some(Link {
                        number: n + 1,
                        path: path_of(n),
                        current: n == pg,
                        gap_before,
                    })
                })
                .collect(),
        })
    }

    /// The page's own commitments, and what its heading, status bar and
    /// page links show: the length of the whole list, how many are
    /// overdue, and a country's counts by status (and, on its first page,
    /// its charts and map).
    pub(super) fn list_fp(&self, h: &mut Fingerprinter, page: Page) {
        let (full, pg) = self.list_of(page);
        full.len().hash(h);
        self.list_overdue(page).hash(h);
        self.country_counts(page).hash(h);
        self.hash_entries(h, page_slice(full, pg));
        if let Some(ki) = Self::country_first_page(page) {
            self.country_charts_fp(h, ki);
            self.country_map_fp(h, &self.derived.by_country[ki].0);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{page_slice, pagination_window};
    use crate::model::CRef;

    #[test]
    fn pagination_bars_stay_short() {
        assert_eq!(pagination_window(0, 1), [0]);
        assert_eq!(pagination_window(0, 3), [0, 1, 2]);
        assert_eq!(pagination_window(0, 400), [0, 1, 2, 399]);
        assert_eq!(
            pagination_window(200, 400),
            [0, 198, 199, 200, 201, 202, 399]
        );
        assert_eq!(pagination_window(399, 400), [0, 397, 398, 399]);
    }

    #[test]
    fn list_pages_hold_fifty_and_the_last_the_rest() {
        let list: Vec<CRef> = (0..120)
            .map(|c| CRef {
                locality: 0,
                commitment: c,
            })
            .collect();
        assert_eq!(super::page_count(0), 1);
        assert_eq!(super::page_count(120), 3);
        assert_eq!(page_slice(&list, 0).len(), 50);
        assert_eq!(page_slice(&list, 2).len(), 20);
        assert_eq!(page_slice(&list, 2)[0].commitment, 100);
        assert!(page_slice(&list, 3).is_empty());
        assert!(page_slice(&[], 0).is_empty());
    }
}
