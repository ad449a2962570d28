//! The search page of a language: what the index takes from the renderer
//! (labels in the page's language).

use super::Renderer;

impl Renderer<'_> {
    /// Topic `id`'s label in language `li`, as its pages show it.
    pub(crate) fn topic_label(&self, li: usize, id: &str) -> String {
        self.topic(li, id).label
    }
}
