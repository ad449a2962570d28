//! Commitments completed over time: how many commitments are in a status
//! that counts as done at the end of each month, as a step line from the
//! first month a commitment of the set was agreed to the `as_of` date.
//!
//! The count (documented in `docs/CONTENT-MODEL.md`, "Completed over
//! time"): a commitment is done at the end of a month when its last update
//! on or before that month is in a done status; it counts from the month of
//! the update that put it there, and stops counting from the month of an
//! update that leaves done. A commitment without updates has its status
//! from the month it was agreed. So the last value is the number of
//! commitments in a done status.

use super::{Chart, Frame, Words, open, table, text};
use crate::model::Commitment;
use jiff::civil::Date;
use std::collections::BTreeMap;
use std::fmt::Write;

/// A calendar month, counted from year 0 (`year * 12 + month - 1`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Month(pub(crate) i32);

impl Month {
    pub(crate) fn of(d: Date) -> Month {
        Month(i32::from(d.year()) * 12 + i32::from(d.month()) - 1)
    }

    /// `YYYY-MM`, for the locale helpers.
    pub(crate) fn iso(self) -> String {
        format!(
            "{:04}-{:02}",
            self.0.div_euclid(12),
            self.0.rem_euclid(12) + 1
        )
    }
}

/// The done count of a set of commitments, month by month.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Completions {
    /// The first month any commitment of the set was agreed (or updated).
    pub(crate) start: Month,
    /// The month of `as_of`.
    pub(crate) end: Month,
    /// The months where the count changes, with the count from then on;
    /// before the first, the count is 0.
    pub(crate) steps: Vec<(Month, usize)>,
}

impl Completions {
    /// Counts `commitments` up to `as_of`; `done` says whether a status counts as done.
    pub(crate) fn count<'c>(
        commitments: impl Iterator<Item = &'c Commitment>,
        done: impl Fn(&str) -> bool,
        as_of: Date,
    ) -> Completions {
        let end = Month::of(as_of);
        let mut start = end;
        let mut changes: BTreeMap<Month, i64> = BTreeMap::new();
        for c in commitments {
            start = start.min(Month::of(c.agreed));
            let mut was_done = false;
            for u in &c.updates {
                start = start.min(Month::of(u.date));
                let now = done(&u.status);
                if now != was_done {
                    *changes.entry(Month::of(u.date)).or_default() += if now { 1 } else { -1 };
                }
                was_done = now;
            }
            if c.updates.is_empty() && done(&c.status) {
                *changes.entry(Month::of(c.agreed)).or_default() += 1;
            }
        }
        let mut count = 0i64;
        let steps = changes
            .into_iter()
            .filter(|(_, d)| *d != 0)
            .map(|(m, d)| {
                count += d;
                (m, usize::try_from(count).unwrap_or(0))
            })
            .collect();
        Completions { start, end, steps }
    }

    /// The count at the end of the last month.
    pub(crate) fn last(&self) -> usize {
        self.steps.last().map_or(0, |s| s.1)
    }

    fn max(&self) -> usize {
        self.steps.iter().map(|s| s.1).max().unwrap_or(0)
    }
}

/// What the chart says in words, in the page's language.
pub(crate) struct Texts {
    pub(crate) title: String,
    pub(crate) desc: String,
    /// The data table's column heads: month, commitments completed.
    pub(crate) month: String,
    pub(crate) completed: String,
}

const W: i32 = 400;
const H: i32 = 170;
/// The plot's edges: x from the start edge, y from the top (0 at `Y0`).
const X0: i32 = 8;
const X1: i32 = 392;
const Y_TOP: i32 = 24;
const Y0: i32 = 136;

/// The chart of `c`, named `id` on its page.
pub(crate) fn chart(id: &str, c: &Completions, as_of: &str, t: &Texts, w: &Words) -> Chart {
    let f = Frame {
        width: W,
        rtl: w.rtl,
    };
    let slots = (c.end.0 - c.start.0 + 1).max(1);
    let x = |m: Month| X0 + (m.0 - c.start.0).clamp(0, slots) * (X1 - X0) / slots;
    let top = c.max().max(1);
    let y = |n: usize| Y0 - i32::try_from(n * (Y0 - Y_TOP) as usize / top).unwrap_or(0);
    let mut s = open(id, "chart line", (W, H), &t.title, &t.desc, "");
    // The axes: the zero line and the top line, each with its value.
    let _ = write!(
        s,
        "<path class=\"ax\" d=\"M{} {Y0}H{}M{} {Y_TOP}H{}\"/>",
        f.x(X0),
        f.x(X1),
        f.x(X0),
        f.x(X1)
    );
    text(&mut s, f.x(X0), Y0 - 4, "start", &(w.number)(0));
    text(&mut s, f.x(X0), Y_TOP - 4, "start", &(w.number)(c.max()));
    // The step line.
    let _ = write!(s, "<path class=\"val\" d=\"M{} {Y0}", f.x(X0));
    for (m, n) in &c.steps {
        let _ = write!(s, "H{}V{}", f.x(x(*m)), y(*n));
    }
    let _ = write!(s, "H{}\"/>", f.x(X1));
    // The last value, labelled at the end of the line.
    text(
        &mut s,
        f.x(X1),
        y(c.last()) - 6,
        "end",
        &(w.number)(c.last()),
    );
    // Month ticks: the first month, the middle one on long spans, and the as-of date.
    let mut ticks = vec![(X0, "start", (w.date)(&c.start.iso()))];
    if slots >= 24 {
        let mid = Month(c.start.0 + slots / 2);
        ticks.push((x(mid), "middle", (w.date)(&mid.iso())));
    }
    ticks.push((X1, "end", (w.date)(as_of)));
    let _ = write!(s, "<path class=\"ax\" d=\"");
    for (tx, _, _) in &ticks {
        let _ = write!(s, "M{} {Y0}v6", f.x(*tx));
    }
    s.push_str("\"/>");
    for (tx, anchor, label) in &ticks {
        text(&mut s, f.x(*tx), H - 8, anchor, label);
    }
    s.push_str("</svg>");
    let rows = c
        .steps
        .iter()
        .map(|(m, n)| vec![(w.date)(&m.iso()), (w.number)(*n)].into());
    Chart {
        title: t.title.clone(),
        svg: s,
        table: table(&[&t.month, &t.completed], rows),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Text, Update};
    use crate::render::charts::testing::words;

    fn date(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn commitment(agreed: &str, updates: &[(&str, &str)]) -> Commitment {
        Commitment {
            id: "c".into(),
            locality: "l".into(),
            title: Text::plain("t"),
            summary: None,
            pledged_by: vec![],
            agreed: date(agreed),
            due: None,
            status: updates.last().map_or("not-started", |u| u.1).into(),
            progress: None,
            topics: vec![],
            responsible: None,
            updates: updates
                .iter()
                .map(|(d, s)| Update {
                    date: date(d),
                    status: (*s).into(),
                    progress: None,
                    note: None,
                    assessed_by: None,
                    review: None,
                    sources: vec![],
                })
                .collect(),
            body: Text::default(),
            short_key: "C".into(),
            source: String::new(),
            fingerprint: Default::default(),
        }
    }

    fn count(cs: &[Commitment]) -> Completions {
        Completions::count(cs.iter(), |s| s == "completed", date("2024-06-30"))
    }

    fn texts() -> Texts {
        Texts {
            title: "T".into(),
            desc: "D".into(),
            month: "M".into(),
            completed: "C".into(),
        }
    }

    #[test]
    fn a_commitment_counts_from_the_month_it_became_done_until_it_leaves_done() {
        let cs = [
            commitment(
                "2020-01-10",
                &[("2021-03-05", "in-progress"), ("2022-02-01", "completed")],
            ),
            commitment(
                "2020-05-01",
                &[("2021-03-20", "completed"), ("2023-07-01", "in-progress")],
            ),
            commitment("2019-11-30", &[]),
        ];
        let c = count(&cs);
        assert_eq!(c.start, Month::of(date("2019-11-01")));
        assert_eq!(c.end.iso(), "2024-06");
        let steps: Vec<(String, usize)> = c.steps.iter().map(|(m, n)| (m.iso(), *n)).collect();
        assert_eq!(
            steps,
            [
                ("2021-03".into(), 1),
                ("2022-02".into(), 2),
                ("2023-07".into(), 1)
            ]
        );
        assert_eq!(c.last(), 1);
    }

    #[test]
    fn done_without_updates_counts_from_agreement_and_same_month_changes_cancel() {
        let mut plain = commitment("2022-04-02", &[]);
        plain.status = "completed".into();
        let flicker = commitment(
            "2022-01-01",
            &[("2023-05-01", "completed"), ("2023-05-20", "stalled")],
        );
        let c = count(&[plain, flicker]);
        let steps: Vec<(String, usize)> = c.steps.iter().map(|(m, n)| (m.iso(), *n)).collect();
        assert_eq!(steps, [("2022-04".into(), 1)]);
    }

    #[test]
    fn empty_data_draws_a_flat_line_at_zero() {
        let c = count(&[]);
        assert_eq!((c.start, c.steps.len(), c.last()), (c.end, 0, 0));
        let ch = chart("k", &c, "2024-06-30", &texts(), &words(false));
        assert!(
            ch.svg.contains("<path class=\"val\" d=\"M8 136H392\"/>"),
            "{}",
            ch.svg
        );
        assert!(ch.svg.ends_with("</svg>"));
        assert!(ch.table.contains("<tbody></tbody>"));
    }

    #[test]
    fn all_done_reaches_the_top_and_the_last_value_is_labelled_at_the_end() {
        let cs = [
            commitment("2024-01-01", &[("2024-02-01", "completed")]),
            commitment("2024-01-01", &[("2024-04-01", "completed")]),
        ];
        let c = count(&cs);
        let ch = chart("k", &c, "2024-06-30", &texts(), &words(false));
        // Six monthly slots from January to June: 64 units each.
        assert!(
            ch.svg.contains("d=\"M8 136H72V80H200V24H392\""),
            "{}",
            ch.svg
        );
        assert!(
            ch.svg
                .contains("<text x=\"392\" y=\"18\" text-anchor=\"end\">&lt;2&gt;</text>"),
            "{}",
            ch.svg
        );
        assert!(ch.svg.contains(">[2024-01]</text>") && ch.svg.contains(">[2024-06-30]</text>"));
        assert!(
            ch.table
                .contains("<th scope=\"row\">[2024-04]</th><td>&lt;2&gt;</td>")
        );
    }

    #[test]
    fn right_to_left_mirrors_every_x() {
        let cs = [commitment("2024-01-01", &[("2024-02-01", "completed")])];
        let c = count(&cs);
        let ch = chart("k", &c, "2024-06-30", &texts(), &words(true));
        assert!(ch.svg.contains("d=\"M392 136H328V24H8\""), "{}", ch.svg);
        assert!(
            ch.svg
                .contains("<text x=\"8\" y=\"18\" text-anchor=\"end\">"),
            "{}",
            ch.svg
        );
    }

    #[test]
    fn one_month_spans_the_whole_axis_and_coordinates_are_whole_numbers() {
        let cs = [commitment("2024-06-01", &[("2024-06-02", "completed")])];
        let ch = chart("k", &count(&cs), "2024-06-30", &texts(), &words(false));
        assert!(ch.svg.contains("d=\"M8 136H8V24H392\""), "{}", ch.svg);
        assert!(!ch.svg.contains('.'), "{}", ch.svg);
    }
}
