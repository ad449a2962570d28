//! A free page of a language (`page.html`: about, methodology…, from the
//! site's `pages/`). Its fingerprint is the site-wide one, which covers the
//! free pages' files.

use super::Renderer;
use super::values::{FreePage, Lt};
use crate::model::Page as PageDoc;
use tera::Context;

impl Renderer<'_> {
    pub(super) fn free_context(&self, li: usize, path: &str, i: usize) -> (&'static str, Context) {
        let p = &self.site.pages[i];
        let title = self.free_page_title(p, li);
        let mut ctx = Context::new();
        self.common(&mut ctx, li, path, "page", &title.text);
        ctx.insert(
            "page",
            &FreePage {
                id: &p.id,
                title,
                body: self.body(&p.body, li),
            },
        );
        ("page.html", ctx)
    }

    /// A free page's title in language `li`: its own, else its id (also
    /// the page's label in the navigation).
    pub(super) fn free_page_title(&self, p: &PageDoc, li: usize) -> Lt {
        p.title
            .as_ref()
            .map_or_else(|| self.plain_lt(p.id.clone(), li), |t| self.lt(t, li))
    }
}
