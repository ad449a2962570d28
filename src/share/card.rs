//! A [`Card`] as SVG text, for usvg: a band in the header's colour with
//! the place's name (and the site's title above a country's), the headline
//! sentence, the overdue phrase, the status bar labelled directly (each
//! status's count and name under its segment, in its colour, no legend),
//! the host.
//!
//! Right-to-left cards anchor their text at the right margin and run the
//! bar from the right, as the pages do. usvg orders every line as a
//! left-to-right paragraph (unicode-bidi, embedding marks making no
//! difference): a line of Arabic is one right-to-left run there, its
//! numbers in place, and only a neutral character at either end of a line
//! would go to the wrong end (a label "12 منجز" reads right to left, its
//! count first); so a title broken in two lines drops the
//! lone dash or colon at the break (the break separates as well). Text is
//! fitted to the width from an estimate of its glyphs' width (no text is
//! measured twice): long titles take two lines, then a smaller size.

use super::fonts::FAMILY;
use super::{Card, HEIGHT, Segment, WIDTH};
use crate::text::escape_xml;
use std::fmt::Write;

const MARGIN: f32 = 64.0;
const BAND: f32 = 240.0;
const HEAD: &str = "#12355b";
const INK: &str = "#1b1f24";
const MUTED: &str = "#4f5a66";
const OVERDUE: &str = "#b3261e";
const EMPTY: &str = "#eceff3";
/// A bold glyph's width, in ems, at most (Latin capitals and Devanagari
/// conjuncts run wider than the average): what fitting assumes.
const GLYPH_EM: f32 = 0.62;

/// The SVG of `card`.
pub(super) fn svg(card: &Card) -> String {
    let mut s = String::with_capacity(4096);
    let _ = write!(
        s,
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}"><rect width="{WIDTH}" height="{HEIGHT}" fill="#fff"/><rect width="{WIDTH}" height="{BAND}" fill="{HEAD}"/>"##
    );
    let text = Text { rtl: card.rtl };
    let width = WIDTH as f32 - 2.0 * MARGIN;
    if let Some(kicker) = &card.kicker {
        let (lines, size) = fit(kicker, 34.0, 24.0, width, 1);
        text.line(&mut s, &lines[0], 76.0, size, "#cbd5e1");
    }
    let (lines, size) = fit(&card.title, 76.0, 40.0, width, 2);
    let bottom = BAND - 44.0;
    for (i, line) in lines.iter().enumerate() {
        let y = bottom - (lines.len() - 1 - i) as f32 * size * 1.2;
        text.line(&mut s, line, y, size, "#fff");
    }
    let (lines, size) = fit(&card.headline, 54.0, 30.0, width, 1);
    text.line(&mut s, &lines[0], 334.0, size, INK);
    if let Some(overdue) = &card.overdue {
        let (lines, size) = fit(overdue, 42.0, 26.0, width, 1);
        text.line(&mut s, &lines[0], 400.0, size, OVERDUE);
    }
    bar(&mut s, &card.bar, card.rtl, 428.0, 48.0);
    bar_labels(&mut s, &card.bar, card.rtl, 508.0);
    let (lines, size) = fit(&card.footer, 30.0, 20.0, width, 1);
    text.line(&mut s, &lines[0], 604.0, size, MUTED);
    s.push_str("</svg>");
    s
}

/// How lines of text are written on a card.
struct Text {
    rtl: bool,
}

impl Text {
    /// One line with its baseline at `y`, from the start margin.
    fn line(&self, s: &mut String, line: &str, y: f32, size: f32, fill: &str) {
        let (x, anchor) = if self.rtl {
            (WIDTH as f32 - MARGIN, "end")
        } else {
            (MARGIN, "start")
        };
        let _ = write!(
            s,
            r#"<text x="{x}" y="{y}" font-size="{size}" font-weight="bold" font-family="{FAMILY}" fill="{fill}" text-anchor="{anchor}">{}</text>"#,
            escape_xml(line)
        );
    }
}

/// The status bar: segments in proportion to their counts, from the start
/// side (the right, right to left).
fn bar(s: &mut String, segments: &[Segment], rtl: bool, y: f32, height: f32) {
    let width = WIDTH as f32 - 2.0 * MARGIN;
    let total: usize = segments.iter().map(|g| g.count).sum();
    let _ = write!(
        s,
        r#"<rect x="{MARGIN}" y="{y}" width="{width}" height="{height}" fill="{EMPTY}"/>"#
    );
    if total == 0 {
        return;
    }
    for span in spans(segments, width) {
        let x = MARGIN + span.left(rtl);
        let _ = write!(
            s,
            r#"<rect x="{x:.1}" y="{y}" width="{:.1}" height="{height}" fill="{}"/>"#,
            span.width, segments[span.segment].colour
        );
    }
}

/// Where one segment lies along the bar, in pixels from its start side.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Span {
    segment: usize,
    start: f32,
    width: f32,
}

impl Span {
    /// The span's left edge from the bar's left end, the bar running from
    /// the right when `rtl`.
    fn left(&self, rtl: bool) -> f32 {
        if rtl {
            WIDTH as f32 - 2.0 * MARGIN - self.start - self.width
        } else {
            self.start
        }
    }

    fn middle(&self) -> f32 {
        self.start + self.width / 2.0
    }
}

/// The segments' spans along a bar `width` long, in proportion to their
/// counts (none when every count is zero).
fn spans(segments: &[Segment], width: f32) -> Vec<Span> {
    let total: usize = segments.iter().map(|g| g.count).sum();
    if total == 0 {
        return Vec::new();
    }
    let mut start = 0.0;
    let mut spans = Vec::with_capacity(segments.len());
    for (i, g) in segments.iter().enumerate() {
        let w = width * g.count as f32 / total as f32;
        spans.push(Span {
            segment: i,
            start,
            width: w,
        });
        start += w;
    }
    spans
}

/// The largest and smallest size of the bar's labels: at 1200 px scaled
/// to a phone's 400 px preview, about 11 and 8 px.
const LABEL_MAX: f32 = 32.0;
const LABEL_MIN: f32 = 24.0;
/// The least room between two labels on a row.
const LABEL_GAP: f32 = 28.0;

/// One label of the bar: its text, where it is centred from the bar's
/// start side, on which row, at what size.
#[derive(Clone, Debug, PartialEq)]
struct Label {
    segment: usize,
    text: String,
    middle: f32,
    row: usize,
    size: f32,
}

/// The bar's direct labels ("12 Completed"), each in its segment's colour
/// under the bar, centred on its segment, pushed apart along its row when
/// neighbours would overlap. One row when every label fits in the width at
/// [`LABEL_MIN`] or more and still overlaps its own segment once pushed;
/// else two rows, neighbours alternating, so that a thin segment between
/// two wide ones keeps its label near it; a row still too long is drawn
/// smaller. No label is left out.
fn labels(segments: &[Segment], width: f32) -> Vec<Label> {
    let spans = spans(segments, width);
    let texts: Vec<String> = segments
        .iter()
        .map(|g| format!("{} {}", g.label, g.name))
        .collect();
    if row_size(&texts, width) >= LABEL_MIN {
        let one = labels_on_rows(&spans, &texts, width, 1);
        let near = |l: &Label| {
            let span = &spans[l.segment];
            let reach = (estimate(&l.text, l.size) + span.width) / 2.0;
            (l.middle - span.middle()).abs() <= reach
        };
        if one.iter().all(near) {
            return one;
        }
    }
    labels_on_rows(&spans, &texts, width, 2)
}

/// The labels `texts` of `spans` on `rows` rows (segment `i` on row
/// `i % rows`), each row pushed apart and sized on its own.
fn labels_on_rows(spans: &[Span], texts: &[String], width: f32, rows: usize) -> Vec<Label> {
    let mut labels = Vec::with_capacity(spans.len());
    for row in 0..rows {
        let on_row: Vec<&Span> = spans.iter().filter(|p| p.segment % rows == row).collect();
        let row_texts: Vec<String> = on_row.iter().map(|p| texts[p.segment].clone()).collect();
        let size = row_size(&row_texts, width);
        let widths: Vec<f32> = row_texts.iter().map(|t| estimate(t, size)).collect();
        let wanted: Vec<f32> = on_row.iter().map(|p| p.middle()).collect();
        let middles = push_apart(&wanted, &widths, width);
        for ((span, text), middle) in on_row.iter().zip(row_texts).zip(middles) {
            labels.push(Label {
                segment: span.segment,
                text,
                middle,
                row,
                size,
            });
        }
    }
    labels.sort_by_key(|l| l.segment);
    labels
}

/// The size at which `texts` fit on one row `width` wide with their gaps,
/// at most [`LABEL_MAX`] (below [`LABEL_MIN`] when they do not fit there).
fn row_size(texts: &[String], width: f32) -> f32 {
    let gaps = LABEL_GAP * texts.len().saturating_sub(1) as f32;
    let ems: f32 = texts.iter().map(|t| estimate(t, 1.0)).sum();
    if ems == 0.0 {
        return LABEL_MAX;
    }
    ((width - gaps) / ems).min(LABEL_MAX)
}

/// Middles for boxes `widths` wide, each as near its `wanted` middle as
/// the others allow: none past either end of `width`, none overlapping the
/// next (with [`LABEL_GAP`] between), in the same order.
fn push_apart(wanted: &[f32], widths: &[f32], width: f32) -> Vec<f32> {
    let mut left: Vec<f32> = (wanted.iter().zip(widths))
        .map(|(m, w)| (m - w / 2.0).clamp(0.0, (width - w).max(0.0)))
        .collect();
    for i in 1..left.len() {
        left[i] = left[i].max(left[i - 1] + widths[i - 1] + LABEL_GAP);
    }
    if let (Some(last), Some(w)) = (left.last_mut(), widths.last()) {
        *last = last.min(width - w);
    }
    for i in (0..left.len().saturating_sub(1)).rev() {
        left[i] = left[i].min(left[i + 1] - LABEL_GAP - widths[i]);
    }
    left.iter().zip(widths).map(|(l, w)| l + w / 2.0).collect()
}

/// The bar's labels, their first row's baseline at `y`.
fn bar_labels(s: &mut String, segments: &[Segment], rtl: bool, y: f32) {
    let width = WIDTH as f32 - 2.0 * MARGIN;
    for label in labels(segments, width) {
        let from_left = if rtl {
            width - label.middle
        } else {
            label.middle
        };
        let _ = write!(
            s,
            r#"<text x="{:.1}" y="{:.1}" font-size="{:.1}" font-weight="bold" font-family="{FAMILY}" fill="{}" text-anchor="middle">{}</text>"#,
            MARGIN + from_left,
            y + label.row as f32 * LABEL_MAX * 1.25,
            label.size,
            segments[label.segment].colour,
            escape_xml(&label.text)
        );
    }
}

/// How wide `text` is at most at `size`, by the estimate.
fn estimate(text: &str, size: f32) -> f32 {
    text.chars().count() as f32 * size * GLYPH_EM
}

/// `text` fitted to `width`: on one line at up to `max` size; else, when
/// `lines` allows two, broken at the space nearest its middle; else at a
/// smaller size down to `min`, then cut with `…`.
fn fit(text: &str, max: f32, min: f32, width: f32, lines: usize) -> (Vec<String>, f32) {
    let size_for = |t: &str| (width / (t.chars().count().max(1) as f32 * GLYPH_EM)).min(max);
    let one = size_for(text);
    if one >= max * 0.8 || lines < 2 || !text.contains(' ') {
        return cut(text, one.max(min), width);
    }
    let (a, b) = halves(text);
    let size = size_for(&a).min(size_for(&b));
    if size < min {
        let (first, _) = cut(&a, min, width);
        let (second, _) = cut(&b, min, width);
        return (vec![first[0].clone(), second[0].clone()], min);
    }
    (vec![a, b], size)
}

/// One line of `text` at `size`, cut with `…` when the estimate says it
/// would overflow `width`.
fn cut(text: &str, size: f32, width: f32) -> (Vec<String>, f32) {
    let room = (width / (size * GLYPH_EM)) as usize;
    let line = if text.chars().count() <= room {
        text.to_owned()
    } else {
        crate::render::trim_at_word(text, room.max(2))
    };
    (vec![line], size)
}

/// `text` broken in two at the space nearest its middle (in characters),
/// without a lone punctuation word (`—`, `:`) at the break.
fn halves(text: &str) -> (String, String) {
    let (a, b) = split_near_middle(text);
    let lone = |w: &str| !w.is_empty() && !w.chars().any(char::is_alphanumeric);
    let a = match a.rsplit_once(' ') {
        Some((rest, last)) if lone(last) => rest.trim_end().to_owned(),
        _ => a,
    };
    let b = match b.split_once(' ') {
        Some((first, rest)) if lone(first) => rest.trim_start().to_owned(),
        _ => b,
    };
    (a, b)
}

/// `text` split at the space nearest its middle.
fn split_near_middle(text: &str) -> (String, String) {
    let middle = text.chars().count() / 2;
    let at = text
        .char_indices()
        .filter(|(_, c)| *c == ' ')
        .enumerate()
        .min_by_key(|(_, (i, _))| text[..*i].chars().count().abs_diff(middle))
        .map(|(_, (i, _))| i)
        .unwrap_or(text.len());
    (text[..at].trim().to_owned(), text[at..].trim().to_owned())
}

#[cfg(test)]
mod tests {
    use super::{LABEL_GAP, LABEL_MIN, Segment, fit, halves, labels};

    #[test]
    fn a_long_title_takes_two_lines_and_a_short_one_its_full_size() {
        assert_eq!(
            fit("Nepal", 76.0, 40.0, 1072.0, 2),
            (vec!["Nepal".into()], 76.0)
        );
        let (lines, size) = fit(
            "Justice and Security Dialogues — commitments tracker",
            76.0,
            40.0,
            1072.0,
            2,
        );
        assert_eq!(
            lines,
            ["Justice and Security Dialogues", "commitments tracker"]
        );
        assert!((40.0..=76.0).contains(&size));
        assert_eq!(halves("a b"), ("a".into(), "b".into()));
        assert_eq!(
            halves("حوارات العدالة والأمن — متابعة الالتزامات"),
            ("حوارات العدالة والأمن".into(), "متابعة الالتزامات".into())
        );
    }

    #[test]
    fn a_line_too_long_even_at_the_smallest_size_is_cut_at_a_word() {
        let (lines, size) = fit(&"word ".repeat(80), 54.0, 30.0, 1072.0, 1);
        assert_eq!(size, 30.0);
        assert!(lines[0].ends_with('…'), "{}", lines[0]);
    }

    fn segment(count: usize, name: &str) -> Segment {
        Segment {
            colour: "#000000",
            count,
            label: count.to_string(),
            name: name.into(),
        }
    }

    #[test]
    fn labels_of_thin_segments_are_pushed_apart_inside_the_bar_and_none_is_dropped() {
        let segments = [
            segment(40, "Completed"),
            segment(1, "Stalled"),
            segment(1, "Suspended"),
            segment(30, "In progress"),
        ];
        let labels = labels(&segments, 1072.0);
        assert_eq!(labels.len(), 4);
        assert!(labels.iter().all(|l| l.size >= LABEL_MIN));
        for row in 0..2 {
            let on_row: Vec<_> = labels.iter().filter(|l| l.row == row).collect();
            for l in &on_row {
                let half = super::estimate(&l.text, l.size) / 2.0;
                assert!(
                    l.middle - half >= -0.1 && l.middle + half <= 1072.1,
                    "{l:?}"
                );
            }
            for pair in on_row.windows(2) {
                let right = pair[0].middle + super::estimate(&pair[0].text, pair[0].size) / 2.0;
                let left = pair[1].middle - super::estimate(&pair[1].text, pair[1].size) / 2.0;
                assert!(left - right >= LABEL_GAP - 0.1, "{pair:?}");
            }
        }
        // A wide segment's label stays centred on it when it has room.
        assert_eq!(labels[0].text, "40 Completed");
        assert!(
            (labels[0].middle - 1072.0 * 20.0 / 72.0).abs() < 1.0,
            "{:?}",
            labels[0]
        );
    }
}
