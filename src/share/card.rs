//! A [`Card`] as SVG text, for usvg: a band in the header's colour with
//! the place's name (and the site's title above a country's), the headline
//! sentence, the overdue phrase, the status bar with its counts, the host.
//!
//! Right-to-left cards anchor their text at the right margin and run the
//! bar from the right, as the pages do. usvg orders every line as a
//! left-to-right paragraph (unicode-bidi, embedding marks making no
//! difference): a line of Arabic is one right-to-left run there, its
//! numbers in place, and only a neutral character at either end of a line
//! would go to the wrong end; so a title broken in two lines drops the
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
    bar(&mut s, &card.bar, card.rtl, 440.0, 96.0);
    let (lines, size) = fit(&card.footer, 30.0, 20.0, width, 1);
    text.line(&mut s, &lines[0], 596.0, size, MUTED);
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
/// side, each with its count when it has room.
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
    let mut start = 0.0;
    for g in segments {
        let w = width * g.count as f32 / total as f32;
        let x = if rtl {
            MARGIN + width - start - w
        } else {
            MARGIN + start
        };
        start += w;
        let _ = write!(
            s,
            r#"<rect x="{x:.1}" y="{y}" width="{w:.1}" height="{height}" fill="{}"/>"#,
            g.colour
        );
        let size = 40.0;
        if w >= estimate(&g.label, size) + 24.0 {
            let _ = write!(
                s,
                r##"<text x="{:.1}" y="{:.1}" font-size="{size}" font-weight="bold" font-family="{FAMILY}" fill="#fff" text-anchor="middle">{}</text>"##,
                x + w / 2.0,
                y + height / 2.0 + size * 0.36,
                escape_xml(&g.label)
            );
        }
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
    use super::{fit, halves};

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
}
