//! Share images: the 1200x630 PNG a link preview shows (`og:image`), drawn
//! at build time from a [`Card`]: a place's name (the site's title, or a
//! country's name under the site's title), its headline numbers as a
//! sentence in the page's language, and its status bar, each status
//! labelled under it with its count and name.
//!
//! Guarantees: a card is everything an image shows (its hash is the
//! image's fingerprint); the same card gives the same bytes on every
//! machine (the fonts are compiled in, `fonts.rs`); text in Arabic is laid
//! out right to left and the bar runs from the right, and Arabic and
//! Devanagari are shaped (usvg's text layout, with rustybuzz).
//!
//! - `card.rs`: the card as SVG text;
//! - `encode.rs`: the drawn pixels as PNG bytes (a palette when they fit);
//! - `fonts.rs`: the font and its database;
//! - this file: [`Card`] and its PNG.

mod card;
mod encode;
mod fonts;

use resvg::{tiny_skia, usvg};

/// Width and height of every share image, in pixels (Open Graph's 1.91:1).
pub(crate) const WIDTH: u32 = 1200;
pub(crate) const HEIGHT: u32 = 630;

/// Everything one share image shows.
#[derive(Clone, Debug, Hash, PartialEq, Eq)]
pub(crate) struct Card {
    pub rtl: bool,
    /// A line above the title (the site's title, on a country's image).
    pub kicker: Option<String>,
    /// The place: the site's title, a country's or a locality's name.
    pub title: String,
    /// How many commitments are done, of how many, as a sentence.
    pub headline: String,
    /// How many are overdue, as a phrase (none when none are).
    pub overdue: Option<String>,
    /// The status bar: one segment per status with commitments, in the
    /// site's order.
    pub bar: Vec<Segment>,
    /// The portal's host, at the foot.
    pub footer: String,
}

/// One status in the bar, labelled directly under it with its count and
/// name ("12 Completed"), in the segment's colour.
#[derive(Clone, Debug, Hash, PartialEq, Eq)]
pub(crate) struct Segment {
    /// Fill colour, `#rrggbb`.
    pub colour: &'static str,
    pub count: usize,
    /// The count in the language's digits.
    pub label: String,
    /// The status's name in the card's language (the site's label).
    pub name: String,
}

/// Why a card could not be drawn (a fault of pledgeboard, not of the
/// content: the SVG is made here).
#[derive(Debug)]
pub(crate) struct DrawError(String);

impl std::fmt::Display for DrawError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The card as SVG text (what [`write_png`] rasterises).
pub(crate) fn svg(card: &Card) -> String {
    card::svg(card)
}

/// The card drawn as a PNG image of [`WIDTH`] x [`HEIGHT`] pixels, opaque
/// (a palette of up to 256 colours, else RGB; lossless), written to `w`.
pub(crate) fn write_png(card: &Card, w: &mut dyn std::io::Write) -> Result<(), DrawError> {
    let svg = svg(card);
    let options = usvg::Options {
        fontdb: fonts::database(),
        font_family: fonts::FAMILY.into(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(&svg, &options).map_err(|e| DrawError(e.to_string()))?;
    let mut pixmap = tiny_skia::Pixmap::new(WIDTH, HEIGHT)
        .ok_or_else(|| DrawError("no room for the image".into()))?;
    resvg::render(
        &tree,
        tiny_skia::Transform::identity(),
        &mut pixmap.as_mut(),
    );
    // The card paints every pixel opaque: the alpha channel says nothing.
    encode::write(pixmap.data(), WIDTH, HEIGHT, w).map_err(|e| DrawError(e.to_string()))
}
