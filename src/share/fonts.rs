//! The font of the share images, compiled into the binary
//! (`fonts/NotoSansPortal-Bold.ttf`, with its licence and NOTICE): Noto
//! Sans, Noto Sans Arabic and Noto Sans Devanagari, bold, subset to the
//! scripts of the portal's languages and merged into one font.
//!
//! One font rather than three: usvg falls back to another font glyph by
//! glyph only while both shape a text into as many glyphs, which Arabic
//! ligatures break, so an em dash or a direction mark in an Arabic title
//! would be left blank. In one font every character of a line is shaped
//! together.
//!
//! Guarantee: the images are drawn with this font only, never the
//! system's, so that every machine draws the same pixels.

use resvg::usvg::fontdb::{Database, Source};
use std::sync::{Arc, OnceLock};

const FONT: &[u8] = include_bytes!("fonts/NotoSansPortal-Bold.ttf");

/// The font's family, as the SVG names it.
pub(super) const FAMILY: &str = "Noto Sans";

/// The font database of the share images: the one font and nothing else,
/// loaded once per process.
pub(super) fn database() -> Arc<Database> {
    static DB: OnceLock<Arc<Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = Database::new();
        db.load_font_source(Source::Binary(Arc::new(FONT)));
        db.set_sans_serif_family(FAMILY);
        Arc::new(db)
    })
    .clone()
}

#[cfg(test)]
mod tests {
    use super::database;

    #[test]
    fn the_database_holds_the_portal_font_only() {
        let db = database();
        let names: Vec<String> = db.faces().map(|f| f.families[0].0.clone()).collect();
        assert_eq!(names, ["Noto Sans"]);
    }
}
