//! The latest updates of a language (`updates.html`: at most
//! [`UPDATES_PAGE`], newest first, each with its commitment's card); and
//! its fingerprint.

use super::{Renderer, UPDATES_PAGE};
use crate::memo::Fingerprinter;
use std::hash::Hash;
use tera::{Context, Value};

impl Renderer<'_> {
    pub(super) fn updates_context(&self, li: usize, path: &str) -> (&'static str, Context) {
        let data = &self.langs[li];
        let mut ctx = Context::new();
        self.common(&mut ctx, li, path, "updates", &self.t(li, "page-updates"));
        let updates: Vec<Value> = self
            .derived
            .latest_updates
            .iter()
            .take(UPDATES_PAGE)
            .map(|u| self.update_item(data, li, *u))
            .collect();
        ctx.insert_value("updates", Value::from(updates));
        ctx.insert("total", &self.derived.latest_updates.len());
        ("updates.html", ctx)
    }

    /// How many updates there are, and the updates shown with their
    /// commitments' list entries.
    pub(super) fn updates_fp(&self, h: &mut Fingerprinter) {
        self.derived.latest_updates.len().hash(h);
        for u in self.derived.latest_updates.iter().take(UPDATES_PAGE) {
            u.update.hash(h);
            self.hash_entries(h, &[u.commitment]);
        }
    }
}
