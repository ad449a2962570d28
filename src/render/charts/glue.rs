//! What each chart is made from on a page: the site's data gathered for
//! the chart functions, with the page language's words and digits.

use super::{Chart, Completions, Words, completed, multiples, timeline};
use crate::derive::SpanUnit;
use crate::i18n::Arg;
use crate::memo::Fingerprinter;
use crate::model::CRef;
use crate::render::{DIMENSIONS, Page, Renderer};
use crate::urls;
use std::hash::Hash;

/// Small multiples show one row per locality up to this many localities:
/// on the home page and the localities index when the site has at most
/// this many, else on each country's first list page when the country has
/// at most this many (docs/THEME.md, "Charts").
pub(crate) const SMALL_MULTIPLES_MAX: usize = 24;

impl Renderer<'_> {
    /// The key of a country's list when `page` is its first page.
    pub(in crate::render) fn country_first_page(page: Page) -> Option<usize> {
        match page {
            Page::Browse(_, di, ki, 0) if DIMENSIONS[di] == "country" => Some(ki),
            _ => None,
        }
    }

    /// The small multiples of every locality, for the home page and the
    /// localities index at `path`, when the site has few enough.
    pub(in crate::render) fn site_multiples(&self, li: usize, path: &str) -> Option<Chart> {
        (self.site.localities.len() <= SMALL_MULTIPLES_MAX).then(|| {
            let order = self.localities_in_order(&self.langs[li]);
            self.multiples_chart(li, order, &urls::root_prefix(path))
        })
    }

    /// Country `ki`'s localities (indexes into `Site::localities`), when
    /// its first list page shows their small multiples: the site has too
    /// many for the home page, the country few enough.
    fn country_multiples(&self, ki: usize) -> Option<&[usize]> {
        let code = &self.derived.by_country[ki].0;
        let locs = self.derived.localities_by_country.get(code)?;
        (self.site.localities.len() > SMALL_MULTIPLES_MAX && locs.len() <= SMALL_MULTIPLES_MAX)
            .then_some(locs.as_slice())
    }

    /// The charts of country `ki`'s first list page: its completions, and
    /// its localities' small multiples when it shows them.
    pub(in crate::render) fn country_charts(
        &self,
        li: usize,
        ki: usize,
        path: &str,
    ) -> (Chart, Option<Chart>) {
        let list = self.derived.by_country[ki].1.iter().copied();
        let multiples = self.country_multiples(ki).map(|locs| {
            let data = &self.langs[li];
            let order: Vec<usize> = self
                .localities_in_order(data)
                .iter()
                .copied()
                .filter(|i| locs.contains(i))
                .collect();
            self.multiples_chart(li, &order, &urls::root_prefix(path))
        });
        (self.completed_chart(li, list), multiples)
    }

    /// Hashes what the charts of country `ki`'s first list page show.
    pub(in crate::render) fn country_charts_fp(&self, h: &mut Fingerprinter, ki: usize) {
        self.completions_fp(h, self.derived.by_country[ki].1.iter().copied());
        if self.country_multiples(ki).is_some() {
            self.localities_fp(h);
        }
    }

    /// Runs `f` with the locale helpers of language `li`.
    fn with_words<T>(&self, li: usize, f: impl FnOnce(&Words) -> T) -> T {
        let code = self.lang_code(li);
        let number = |n: usize| self.strings.number(code, n as f64);
        let date = |d: &str| self.strings.date(code, d);
        f(&Words {
            number: &number,
            date: &date,
            rtl: self.langs[li].dir == "rtl",
        })
    }

    /// The done count by month of the commitments of `list`.
    pub(in crate::render) fn completions(&self, list: impl Iterator<Item = CRef>) -> Completions {
        let config = self.config();
        Completions::count(
            list.map(|r| self.site.commitment(r)),
            |id| config.status(id).is_some_and(|s| s.done),
            config.as_of,
        )
    }

    /// Hashes what the completed-over-time chart of `list` shows.
    pub(in crate::render) fn completions_fp(
        &self,
        h: &mut Fingerprinter,
        list: impl Iterator<Item = CRef>,
    ) {
        self.completions(list).hash(h);
    }

    /// The completed-over-time chart of the commitments of `list`.
    pub(in crate::render) fn completed_chart(
        &self,
        li: usize,
        list: impl Iterator<Item = CRef>,
    ) -> Chart {
        let c = self.completions(list);
        let as_of = self.config().as_of.to_string();
        let code = self.lang_code(li);
        let texts = completed::Texts {
            title: self.t(li, "chart-completed-title"),
            desc: self.t_args(
                li,
                "chart-completed-desc",
                &[
                    ("count", Arg::Num(c.last() as f64)),
                    ("date", Arg::Str(self.strings.date(code, &as_of))),
                    ("start", Arg::Str(self.strings.date(code, &c.start.iso()))),
                ],
            ),
            month: self.t(li, "chart-month"),
            completed: self.t(li, "chart-completed-column"),
        };
        self.with_words(li, |w| completed::chart("cc", &c, &as_of, &texts, w))
    }

    /// The small multiples of the localities `locs` (indexes into
    /// `Site::localities`, in the order shown), with links from `root`.
    pub(in crate::render) fn multiples_chart(
        &self,
        li: usize,
        locs: &[usize],
        root: &str,
    ) -> Chart {
        let data = &self.langs[li];
        let counts: Vec<Vec<usize>> = locs
            .iter()
            .map(|&i| {
                let cs = &self.site.localities[i].commitments;
                data.statuses
                    .iter()
                    .map(|s| cs.iter().filter(|c| c.status == s.id).count())
                    .collect()
            })
            .collect();
        // Only the statuses some locality shown has.
        let used: Vec<usize> = (0..data.statuses.len())
            .filter(|si| counts.iter().any(|c| c[*si] > 0))
            .collect();
        let cols: Vec<multiples::Column> = used
            .iter()
            .map(|&si| multiples::Column {
                id: data.statuses[si].id.clone(),
                label: data.statuses[si].label.clone(),
            })
            .collect();
        let rows: Vec<multiples::Row> = locs
            .iter()
            .zip(&counts)
            .map(|(&i, c)| multiples::Row {
                name: self.lt(&self.site.localities[i].name, li).text,
                path: crate::urls::locality(&data.code, &self.site.localities[i].id),
                counts: used.iter().map(|&si| c[si]).collect(),
                total: self.site.localities[i].commitments.len(),
            })
            .collect();
        let title = self.t(li, "chart-multiples-title");
        let desc = self.t(li, "chart-multiples-desc");
        let locality = self.t(li, "locality");
        let texts = multiples::Texts {
            title: &title,
            desc: &desc,
            locality: &locality,
        };
        self.with_words(li, |w| {
            multiples::chart("sm", &cols, &rows, root, &texts, w)
        })
    }

    /// The timeline of commitment `r`.
    pub(in crate::render) fn timeline_chart(&self, li: usize, r: CRef) -> Chart {
        let c = self.site.commitment(r);
        let updates: Vec<_> = c.updates.iter().map(|u| (u.date, u.progress)).collect();
        let late = self.derived.overdue_by(r);
        let overdue = late.map_or_else(String::new, |span| {
            let unit = match span.unit {
                SpanUnit::Days => "days",
                SpanUnit::Months => "months",
                SpanUnit::Years => "years",
            };
            self.t_args(
                li,
                &format!("overdue-by-{unit}"),
                &[("count", Arg::Num(span.count as f64))],
            )
        });
        let title = self.t(li, "chart-timeline-title");
        let desc = self.t_args(
            li,
            "chart-timeline-desc",
            &[("count", Arg::Num(updates.len() as f64))],
        );
        let describedby = match updates.len() {
            0 => "facts",
            1 => "facts u-latest",
            _ => "facts u-latest u-earlier",
        };
        let tl = timeline::Timeline {
            agreed: c.agreed,
            due: c.due,
            as_of: self.config().as_of,
            updates: &updates,
            overdue: late.is_some(),
        };
        let texts = timeline::Texts {
            title: &title,
            desc: &desc,
            overdue: &overdue,
            describedby,
        };
        self.with_words(li, |w| timeline::chart("tl", &tl, &texts, w))
    }
}
