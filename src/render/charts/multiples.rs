//! Status by locality as small multiples: one row per locality, labelled
//! with its name above one bar per status, each the
//! share of the locality's commitments in that status, all on the same
//! scale (a full track is 100%), and the count beside it. The data table
//! links each name to the locality's page (a link inside the `role="img"`
//! SVG would be an interactive element hidden in an image). The statuses are
//! the columns, labelled once at the top, so no colour has to be decoded.

use super::{Chart, Frame, TableRow, Words, open, table, text};
use crate::text::escape_html;
use std::fmt::Write;

/// A column: a status (its id is the CSS class suffix) and its label.
pub(crate) struct Column {
    pub(crate) id: String,
    pub(crate) label: String,
}

/// A locality: its name, the path of its page (from the page's root), its
/// count in each column and its total.
pub(crate) struct Row {
    pub(crate) name: String,
    pub(crate) path: String,
    pub(crate) counts: Vec<usize>,
    pub(crate) total: usize,
}

/// What the chart says in words, in the page's language.
pub(crate) struct Texts<'a> {
    pub(crate) title: &'a str,
    pub(crate) desc: &'a str,
    /// The data table's first column head ("Locality").
    pub(crate) locality: &'a str,
}

/// A status column, its full bar (100%; the count follows it), the room
/// the last slanted head needs past the last column, the heads' height
/// and a row's (the name, then the bars).
const COL: i32 = 52;
const BAR: i32 = 28;
const END: i32 = 24;
const HEAD: i32 = 56;
const ROW: i32 = 36;

/// `n` of `total` as a bar length on the shared scale (nearest unit).
fn length(n: usize, total: usize) -> i32 {
    i32::try_from((n * BAR as usize * 2 + total) / (total * 2).max(1)).unwrap_or(BAR)
}

/// The chart of `rows` over `cols`, named `id` on its page; `root` prefixes
/// the links.
pub(crate) fn chart(
    id: &str,
    cols: &[Column],
    rows: &[Row],
    root: &str,
    t: &Texts,
    w: &Words,
) -> Chart {
    let width = COL * i32::try_from(cols.len()).unwrap_or(0) + END;
    let height = HEAD + ROW * i32::try_from(rows.len()).unwrap_or(0);
    let f = Frame { width, rtl: w.rtl };
    let mut s = open(id, "chart sm", (width, height), t.title, t.desc, "");
    // Column heads, slanted to fit long labels.
    let turn = if w.rtl { 30 } else { -30 };
    for (ci, c) in cols.iter().enumerate() {
        let x = f.x(COL * ci as i32);
        let _ = write!(
            s,
            "<text x=\"{x}\" y=\"{}\" transform=\"rotate({turn} {x} {})\">{}</text>",
            HEAD - 6,
            HEAD - 6,
            escape_html(&c.label)
        );
    }
    // The 100% tracks: a line down each column, as wide as a full bar,
    // dashed by style.css (`.tk`: 10 drawn, 26 not: a row's bar, then the
    // room to the next row's) so that each row gets its track.
    if !rows.is_empty() && !cols.is_empty() {
        s.push_str("<path class=\"tk\" d=\"");
        let bottom = HEAD + ROW * i32::try_from(rows.len()).unwrap_or(0);
        for ci in 0..cols.len() as i32 {
            let _ = write!(s, "M{} {}V{bottom}", f.x(COL * ci + BAR / 2), HEAD + 20);
        }
        s.push_str("\"/>");
    }
    // Each row's name and counts; then each column's bars, in one path.
    for (ri, r) in rows.iter().enumerate() {
        let top = HEAD + ROW * ri as i32;
        let _ = write!(
            s,
            "<text class=\"n\" x=\"{}\" y=\"{}\">{}</text>",
            f.x(0),
            top + 14,
            escape_html(&r.name)
        );
        for (ci, n) in r.counts.iter().enumerate().filter(|(_, n)| **n > 0) {
            let x = f.x(COL * ci as i32 + BAR + 3);
            text(&mut s, x, top + 29, "start", &(w.number)(*n));
        }
    }
    for (ci, c) in cols.iter().enumerate() {
        let bars: Vec<(usize, &Row)> = rows
            .iter()
            .enumerate()
            .filter(|(_, r)| r.counts.get(ci).is_some_and(|n| *n > 0))
            .collect();
        if bars.is_empty() {
            continue;
        }
        let _ = write!(s, "<path class=\"b status-{}\" d=\"", escape_html(&c.id));
        let x0 = COL * ci as i32;
        for (ri, r) in bars {
            let len = length(r.counts[ci], r.total);
            let y = HEAD + ROW * ri as i32 + 25;
            let _ = write!(s, "M{} {y}H{}", f.x(x0), f.x(x0 + len));
        }
        s.push_str("\"/>");
    }
    s.push_str("</svg>");
    // A column per status, as the chart has (the table scrolls on a phone).
    let body = rows.iter().map(|r| {
        let mut cells = vec![r.name.clone()];
        cells.extend(r.counts.iter().map(|n| (w.number)(*n)));
        TableRow {
            link: Some(format!("{root}{}", r.path)),
            cells,
        }
    });
    let mut head = vec![t.locality];
    head.extend(cols.iter().map(|c| c.label.as_str()));
    Chart {
        title: t.title.to_owned(),
        svg: s,
        table: table(&head, body),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::charts::testing::words;

    fn cols() -> Vec<Column> {
        ["in-progress", "completed"]
            .iter()
            .map(|id| Column {
                id: (*id).into(),
                label: format!("L {id}"),
            })
            .collect()
    }

    fn row(name: &str, counts: &[usize]) -> Row {
        Row {
            name: name.into(),
            path: format!("en/localities/{name}/index.html"),
            counts: counts.to_vec(),
            total: counts.iter().sum(),
        }
    }

    fn texts() -> Texts<'static> {
        Texts {
            title: "T",
            desc: "D",
            locality: "Locality",
        }
    }

    #[test]
    fn bars_share_one_scale_and_each_row_is_named_and_linked() {
        let rows = [row("a", &[1, 3]), row("b<", &[0, 2])];
        let c = chart("sm", &cols(), &rows, "../", &texts(), &words(false));
        // a: 1 of 4 (7 units of 28), 3 of 4 (21); b: all done, a full bar;
        // a zero draws no bar.
        assert!(
            c.svg
                .contains("<path class=\"b status-in-progress\" d=\"M0 81H7\"/>"),
            "{}",
            c.svg
        );
        assert!(
            c.svg
                .contains("<path class=\"b status-completed\" d=\"M52 81H73M52 117H80\"/>")
        );
        assert!(
            c.svg
                .contains("<text class=\"n\" x=\"0\" y=\"70\">a</text>")
        );
        assert!(c.svg.contains(">b&lt;</text>"));
        assert!(
            c.svg.contains("<text x=\"83\" y=\"85\">&lt;3&gt;</text>"),
            "{}",
            c.svg
        );
        assert!(
            c.table
                .contains("<th scope=\"row\"><a href=\"../en/localities/b&lt;/index.html\">b&lt;</a></th><td>&lt;0&gt;</td><td>&lt;2&gt;</td>"),
            "{}",
            c.table
        );
        assert!(c.svg.contains("viewBox=\"0 0 128 128\""));
        // One dashed track down each column, from the first row's bar.
        assert!(
            c.svg
                .contains("<path class=\"tk\" d=\"M14 76V128M66 76V128\"/>"),
            "{}",
            c.svg
        );
    }

    #[test]
    fn right_to_left_mirrors_names_bars_and_slant() {
        let rows = [row("a", &[1, 3])];
        let c = chart("sm", &cols(), &rows, "", &texts(), &words(true));
        assert!(
            c.svg
                .contains("<text class=\"n\" x=\"128\" y=\"70\">a</text>"),
            "{}",
            c.svg
        );
        assert!(
            c.svg
                .contains("<path class=\"b status-in-progress\" d=\"M128 81H121\"/>"),
            "{}",
            c.svg
        );
        assert!(c.svg.contains("rotate(30 128 50)"), "{}", c.svg);
        assert!(c.svg.contains("d=\"M114 76V92M62 76V92\""), "{}", c.svg);
    }

    #[test]
    fn no_rows_and_a_locality_without_commitments() {
        let c = chart("sm", &cols(), &[], "", &texts(), &words(false));
        assert!(!c.svg.contains("<path") && c.svg.ends_with("</svg>"));
        let zero = [row("z", &[0, 0])];
        let c = chart("sm", &cols(), &zero, "", &texts(), &words(false));
        assert!(!c.svg.contains("class=\"b "), "{}", c.svg);
    }
}
