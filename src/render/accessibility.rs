//! The theme's accessibility statement (`accessibility.html`), one page per
//! language at `/<lang>/accessibility/`: what the portal does for access,
//! its known limits, and how to report a problem (the site's contact).
//! A site's own free page `accessibility` takes its place. All it shows
//! (interface strings, site.yaml's contact) is in the site-wide
//! fingerprint.

use super::Renderer;
use crate::urls;
use tera::Context;

impl Renderer<'_> {
    pub(super) fn accessibility_context(&self, li: usize, path: &str) -> (&'static str, Context) {
        let mut ctx = Context::new();
        let title = self.t(li, "accessibility-title");
        self.common(&mut ctx, li, path, "accessibility", &title);
        ("accessibility.html", ctx)
    }

    /// Whether the site has a free page `accessibility`, which replaces
    /// the theme's statement.
    pub(super) fn has_own_accessibility_page(&self) -> bool {
        self.site.pages.iter().any(|p| p.id == urls::ACCESSIBILITY)
    }
}
