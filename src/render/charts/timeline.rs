//! A commitment's timeline: a date axis from the agreed date to the later
//! of the due date and `as_of`, with a tick at the agreed and due dates,
//! one dot per update at the height of its progress (an upright tick
//! across the axis when the update gives none), the line joining them, and the overdue
//! span (due date to `as_of`) shaded and labelled.
//!
//! It has no table of its own: the page lists the same facts (agreed and
//! due dates) and every update with its date and progress, and the chart
//! names them with `aria-describedby`. It is on every commitment page, so
//! it is kept small: no inline style, short classes, few labels.

use super::{Chart, Frame, Words, open, text};
use jiff::civil::Date;
use std::fmt::Write;

/// What a timeline shows.
pub(crate) struct Timeline<'a> {
    pub(crate) agreed: Date,
    pub(crate) due: Option<Date>,
    pub(crate) as_of: Date,
    /// Oldest first: the date and progress of each update.
    pub(crate) updates: &'a [(Date, Option<u8>)],
    /// Whether the commitment is overdue (due before `as_of`, not finished).
    pub(crate) overdue: bool,
}

/// What the timeline says in words, in the page's language.
pub(crate) struct Texts<'a> {
    pub(crate) title: &'a str,
    pub(crate) desc: &'a str,
    /// "Overdue by 2 years", shown over the shaded span.
    pub(crate) overdue: &'a str,
    /// Ids of the page's elements holding the data (facts, update lists).
    pub(crate) describedby: &'a str,
}

const W: i32 = 320;
const H: i32 = 64;
const X0: i32 = 4;
const X1: i32 = 316;
/// The axis (progress 0) and the height of 100%.
const Y0: i32 = 46;
const Y100: i32 = 14;

/// Days from `a` to `b` (negative when `b` is earlier).
fn days(a: Date, b: Date) -> i64 {
    (b - a).get_days().into()
}

/// About how wide a label is drawn (11px text, some 6 units a character).
fn width_of(label: &str) -> i32 {
    i32::try_from(label.chars().count()).unwrap_or(i32::MAX / 8) * 6
}

/// Where the due date's label goes (from the start edge) and its anchor,
/// given the due tick at `at` and the widths of the agreed date's label
/// (at the start of the axis) and its own: ending at the tick when it
/// fits before it, else starting at the tick (or just after the agreed
/// label) when it fits after; else nowhere (the tick stays, the facts
/// list says the date).
fn due_label(at: i32, agreed: i32, due: i32) -> Option<(i32, &'static str)> {
    let free = X0 + agreed + 8;
    if at - due >= free {
        Some((at, "end"))
    } else if at.max(free) + due <= X1 {
        Some((at.max(free), "start"))
    } else {
        None
    }
}

/// The chart of `tl`, named `id` on its page.
pub(crate) fn chart(id: &str, tl: &Timeline, t: &Texts, w: &Words) -> Chart {
    let f = Frame {
        width: W,
        rtl: w.rtl,
    };
    let end = tl.due.map_or(tl.as_of, |d| d.max(tl.as_of));
    let span = days(tl.agreed, end).max(1);
    let x = |d: Date| {
        let at = days(tl.agreed, d).clamp(0, span);
        f.x(X0 + i32::try_from(at * i64::from(X1 - X0) / span).unwrap_or(0))
    };
    let y = |p: Option<u8>| Y0 - i32::from(p.unwrap_or(0)) * (Y0 - Y100) / 100;
    let mut s = open(id, "chart tl", (W, H), t.title, t.desc, t.describedby);
    if let (true, Some(due)) = (tl.overdue, tl.due) {
        let (a, b) = (x(due), x(tl.as_of));
        let _ = write!(
            s,
            "<rect class=\"od\" x=\"{}\" y=\"{Y100}\" width=\"{}\" height=\"{}\"/>",
            a.min(b),
            (b - a).abs(),
            Y0 - Y100
        );
        text(&mut s, b, Y100 - 4, "end", t.overdue);
    }
    // The axis, with ticks at the agreed and due dates.
    let _ = write!(
        s,
        "<path class=\"ax\" d=\"M{} {Y0}H{}M{} {Y0}v5",
        x(tl.agreed),
        x(end),
        x(tl.agreed)
    );
    if let Some(due) = tl.due {
        let _ = write!(s, "M{} {}V{}", x(due), Y100, Y0 + 5);
    }
    s.push_str("\"/>");
    if tl.updates.len() > 1 {
        s.push_str("<path class=\"val\" d=\"");
        for (i, (d, p)) in tl.updates.iter().enumerate() {
            let _ = write!(s, "{}{} {}", if i == 0 { 'M' } else { 'L' }, x(*d), y(*p));
        }
        s.push_str("\"/>");
    }
    // One mark per update, each kind in one path (a few bytes a mark):
    // a dot (a round cap on a zero-length line, `.pt`) at the height of
    // its progress; an update without progress, an upright tick across
    // the axis (`.np`), a shape of its own.
    let with: Vec<_> = tl.updates.iter().filter(|u| u.1.is_some()).collect();
    if !with.is_empty() {
        s.push_str("<path class=\"pt\" d=\"");
        for (d, p) in with {
            let _ = write!(s, "M{} {}h0", x(*d), y(*p));
        }
        s.push_str("\"/>");
    }
    let without: Vec<_> = tl.updates.iter().filter(|u| u.1.is_none()).collect();
    if !without.is_empty() {
        s.push_str("<path class=\"np\" d=\"");
        for (d, _) in without {
            let _ = write!(s, "M{} {}v10", x(*d), Y0 - 5);
        }
        s.push_str("\"/>");
    }
    let agreed = (w.date)(&tl.agreed.to_string());
    text(&mut s, x(tl.agreed), H - 2, "start", &agreed);
    if let Some(due) = tl.due {
        let label = (w.date)(&due.to_string());
        let at = X0
            + i32::try_from(days(tl.agreed, due).clamp(0, span) * i64::from(X1 - X0) / span)
                .unwrap_or(0);
        if let Some((lx, anchor)) = due_label(at, width_of(&agreed), width_of(&label)) {
            text(&mut s, f.x(lx), H - 2, anchor, &label);
        }
    }
    s.push_str("</svg>");
    Chart {
        title: t.title.to_owned(),
        svg: s,
        table: String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::charts::testing::words;

    fn date(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn texts() -> Texts<'static> {
        Texts {
            title: "T",
            desc: "D",
            overdue: "late",
            describedby: "facts",
        }
    }

    fn tl<'a>(updates: &'a [(Date, Option<u8>)], due: Option<&str>, overdue: bool) -> Timeline<'a> {
        Timeline {
            agreed: date("2020-01-01"),
            due: due.map(date),
            as_of: date("2024-01-01"),
            updates,
            overdue,
        }
    }

    #[test]
    fn one_dot_per_update_at_its_progress_and_the_overdue_span_shaded() {
        let ups = [
            (date("2021-01-01"), Some(20)),
            (date("2022-01-01"), None),
            (date("2023-01-01"), Some(100)),
        ];
        let c = chart(
            "tl",
            &tl(&ups, Some("2022-01-01"), true),
            &texts(),
            &words(false),
        );
        // 2020-01-01 to 2024-01-01: 1461 days over 312 units; the update
        // without progress is a tick across the axis.
        assert!(
            c.svg
                .contains("<path class=\"pt\" d=\"M82 40h0M238 14h0\"/>"),
            "{}",
            c.svg
        );
        assert!(
            c.svg.contains("<path class=\"np\" d=\"M160 41v10\"/>"),
            "{}",
            c.svg
        );
        assert!(
            c.svg
                .contains("<rect class=\"od\" x=\"160\" y=\"14\" width=\"156\" height=\"32\"/>"),
            "{}",
            c.svg
        );
        assert!(c.svg.contains("text-anchor=\"end\">late</text>"));
        assert!(c.svg.contains(">[2020-01-01]</text>") && c.svg.contains(">[2022-01-01]</text>"));
        assert!(c.svg.contains("aria-describedby=\"tl-d facts\""));
        assert!(c.table.is_empty());
    }

    #[test]
    fn right_to_left_mirrors_the_dots_the_span_and_the_axis() {
        let ups = [(date("2021-01-01"), Some(20))];
        let c = chart(
            "tl",
            &tl(&ups, Some("2022-01-01"), true),
            &texts(),
            &words(true),
        );
        assert!(
            c.svg.contains("<path class=\"pt\" d=\"M238 40h0\"/>"),
            "{}",
            c.svg
        );
        assert!(
            c.svg
                .contains("<rect class=\"od\" x=\"4\" y=\"14\" width=\"156\""),
            "{}",
            c.svg
        );
        assert!(
            c.svg.contains("d=\"M316 46H4M316 46v5M160 14V51\""),
            "{}",
            c.svg
        );
    }

    #[test]
    fn no_updates_no_due_date_and_not_overdue_draw_just_the_axis() {
        let c = chart("tl", &tl(&[], None, false), &texts(), &words(false));
        assert!(
            !c.svg.contains("class=\"pt\"") && !c.svg.contains("<rect"),
            "{}",
            c.svg
        );
        assert!(!c.svg.contains("class=\"val\""), "{}", c.svg);
        assert!(c.svg.contains("d=\"M4 46H316M4 46v5\""), "{}", c.svg);
    }

    #[test]
    fn the_due_label_never_covers_the_agreed_label() {
        // Room before the tick: it ends there.
        assert_eq!(due_label(250, 100, 80), Some((250, "end")));
        // Too close to the agreed label: it starts after it.
        assert_eq!(due_label(60, 100, 80), Some((112, "start")));
        assert_eq!(due_label(150, 100, 80), Some((150, "start")));
        // No room at all: no label.
        assert_eq!(due_label(300, 200, 150), None);
    }

    #[test]
    fn an_agreement_on_the_as_of_date_does_not_divide_by_zero() {
        let mut t = tl(&[], None, false);
        t.agreed = t.as_of;
        let c = chart("tl", &t, &texts(), &words(false));
        assert!(c.svg.contains("d=\"M4 46H4M4 46v5\""), "{}", c.svg);
    }
}
