//! Charts: inline SVG made at build time from derived data, no script.
//!
//! Three charts, one file each: `multiples.rs` (status by locality as small
//! multiples), `completed.rs` (commitments completed over time, by month),
//! `timeline.rs` (a commitment's agreed date, updates, due date and overdue
//! span). Each is a pure function from data and the page's words to a
//! [`Chart`]; `glue.rs` gathers that data from the site for a page.
//!
//! Guarantees, for every chart:
//! - valid SVG with `role="img"`, a `<title>` and a `<desc>` named by
//!   `aria-labelledby` / `aria-describedby`;
//! - every text written into it (and into its data table) goes through
//!   [`escape_html`], the one escaper of `text.rs`;
//! - integer coordinates only, in a fixed `viewBox` (the page's CSS sizes it);
//! - numbers and dates in the page language's digits: callers hand in the
//!   locale helpers as [`Words`];
//! - mirrored in right-to-left languages: every x is mirrored by
//!   [`Frame::x`] and text keeps logical anchors (`start`, `end`), which the
//!   inherited `direction` turns the right way;
//! - colours only through CSS classes of `style.css` (`currentColor`, status
//!   variables), so dark mode and print follow the page.

mod completed;
mod glue;
mod multiples;
mod timeline;

pub(crate) use completed::Completions;

use crate::text::escape_html;
use serde::Serialize;
use std::fmt::Write;

/// A chart as a template prints it: the SVG, and the same data as an
/// HTML table (empty when the page's own content is the table).
#[derive(Clone, Debug, Default, Serialize, PartialEq)]
pub(crate) struct Chart {
    /// The chart's name, also its SVG `<title>` (a caption can show it).
    pub(crate) title: String,
    pub(crate) svg: String,
    pub(crate) table: String,
}

/// The locale helpers of the page's language, and its direction.
pub(crate) struct Words<'a> {
    /// A whole number in the language's digits.
    pub(crate) number: &'a dyn Fn(usize) -> String,
    /// An ISO date (`2024-06-30`, `2024-06`) as the language writes it.
    pub(crate) date: &'a dyn Fn(&str) -> String,
    pub(crate) rtl: bool,
}

/// A chart's drawing area: its width, for mirroring in right-to-left pages.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Frame {
    pub(crate) width: i32,
    pub(crate) rtl: bool,
}

impl Frame {
    /// `x` measured from the start edge, as drawn: from the right in RTL.
    pub(crate) fn x(self, x: i32) -> i32 {
        if self.rtl { self.width - x } else { x }
    }
}

/// The opening of a chart's SVG with its accessible name and description:
/// `id` names the chart on its page (`id-t`, `id-d`), `describedby` adds
/// further ids of the page that describe it.
pub(crate) fn open(
    id: &str,
    class: &str,
    (w, h): (i32, i32),
    title: &str,
    desc: &str,
    describedby: &str,
) -> String {
    let mut s = String::with_capacity(256);
    let _ = write!(
        s,
        "<svg class=\"{class}\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-labelledby=\"{id}-t\" aria-describedby=\"{id}-d{sep}{describedby}\"><title id=\"{id}-t\">{}</title><desc id=\"{id}-d\">{}</desc>",
        escape_html(title),
        escape_html(desc),
        sep = if describedby.is_empty() { "" } else { " " },
    );
    s
}

/// A `<text>` at (`x`, `y`) with a logical anchor (`start` is omitted: the default).
pub(crate) fn text(s: &mut String, x: i32, y: i32, anchor: &str, words: &str) {
    let a = if anchor == "start" {
        String::new()
    } else {
        format!(" text-anchor=\"{anchor}\"")
    };
    let _ = write!(
        s,
        "<text x=\"{x}\" y=\"{y}\"{a}>{}</text>",
        escape_html(words)
    );
}

/// A row of a data table: its cells' plain text, the first one (the row's
/// head) a link to `link` when it has one.
pub(crate) struct TableRow {
    pub(crate) link: Option<String>,
    pub(crate) cells: Vec<String>,
}

impl From<Vec<String>> for TableRow {
    fn from(cells: Vec<String>) -> TableRow {
        TableRow { link: None, cells }
    }
}

/// A data table: a header row and body rows of plain text, escaped here.
pub(crate) fn table(head: &[&str], rows: impl Iterator<Item = TableRow>) -> String {
    let mut s = String::from("<table class=\"data\"><thead><tr>");
    for h in head {
        let _ = write!(s, "<th scope=\"col\">{}</th>", escape_html(h));
    }
    s.push_str("</tr></thead><tbody>");
    for row in rows {
        s.push_str("<tr>");
        for (i, cell) in row.cells.iter().enumerate() {
            let cell = escape_html(cell);
            match (i, &row.link) {
                (0, Some(href)) => {
                    let _ = write!(
                        s,
                        "<th scope=\"row\"><a href=\"{}\">{cell}</a></th>",
                        escape_html(href)
                    );
                }
                (0, None) => {
                    let _ = write!(s, "<th scope=\"row\">{cell}</th>");
                }
                _ => {
                    let _ = write!(s, "<td>{cell}</td>");
                }
            }
        }
        s.push_str("</tr>");
    }
    s.push_str("</tbody></table>");
    s
}

#[cfg(test)]
pub(crate) mod testing {
    use super::Words;

    /// Digits that show they went through the helper: `<3>`, and dates as `[iso]`.
    pub(crate) fn words(rtl: bool) -> Words<'static> {
        Words {
            number: &|n| format!("<{n}>"),
            date: &|d| format!("[{d}]"),
            rtl,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_mirror_in_right_to_left_pages_only() {
        let ltr = Frame {
            width: 300,
            rtl: false,
        };
        let rtl = Frame {
            width: 300,
            rtl: true,
        };
        assert_eq!((ltr.x(10), rtl.x(10)), (10, 290));
        assert_eq!((ltr.x(300), rtl.x(300)), (300, 0));
    }

    #[test]
    fn titles_descriptions_and_tables_are_escaped() {
        let s = open("c", "k", (10, 10), "a<b", "\"d\"&", "facts");
        assert!(s.contains("<title id=\"c-t\">a&lt;b</title>"), "{s}");
        assert!(
            s.contains("<desc id=\"c-d\">&quot;d&quot;&amp;</desc>"),
            "{s}"
        );
        assert!(s.contains("aria-describedby=\"c-d facts\""), "{s}");
        let t = table(&["<x>"], [vec!["a&b".to_string()].into()].into_iter());
        assert!(t.contains("<th scope=\"col\">&lt;x&gt;</th>"), "{t}");
        assert!(t.contains("<th scope=\"row\">a&amp;b</th>"), "{t}");
        let row = TableRow {
            link: Some("x.html?a=1&b=\"".into()),
            cells: vec!["n".into(), "1".into()],
        };
        let t = table(&["h"], [row].into_iter());
        assert!(
            t.contains(
                "<th scope=\"row\"><a href=\"x.html?a=1&amp;b=&quot;\">n</a></th><td>1</td>"
            ),
            "{t}"
        );
    }
}
