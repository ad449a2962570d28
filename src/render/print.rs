//! A locality's print sheet (`print.html`, `…/localities/<id>/print/`): a
//! page laid out for A4 to hand out at a dialogue session, with the
//! locality, the date of the data, the address of its page online, and each
//! commitment with its short key, status, progress, due date and latest
//! update; and its fingerprint.
//!
//! Its canonical address is its locality's page, and the sitemap leaves it
//! out ([`Page::in_sitemap`](super::Page::in_sitemap)): it repeats that page.
//!
//! Guarantee: the sheet shows nothing its locality's page does not depend
//! on (the locality's files and its commitments' list entries), so it has
//! the same fingerprint inputs, made once per build.

use super::Renderer;
use super::lang::LangData;
use super::values::{PrintLocality, UpdateView};
use crate::i18n::Arg;
use crate::memo::Fingerprinter;
use crate::model::CRef;
use crate::{reviews, urls};
use tera::{Context, Value};

impl Renderer<'_> {
    pub(super) fn print_context(&self, li: usize, path: &str, i: usize) -> (&'static str, Context) {
        let data = &self.langs[li];
        let loc = &self.site.localities[i];
        let card = self.locality_card_of(data, i);
        let mut ctx = Context::new();
        let title = self.t_args(
            li,
            "print-title",
            &[("locality", Arg::Str(card.name.text.clone()))],
        );
        self.common(&mut ctx, li, path, "print", &title);
        let url = urls::absolute(
            &self.config().base_url,
            &urls::locality(&data.code, &loc.id),
        );
        // The sheet is its locality's page on paper: search engines and
        // link previews are sent to the page.
        ctx.insert("canonical", &url);
        ctx.insert(
            "locality",
            &PrintLocality {
                card,
                url,
                next_review: loc.next_review.map(|d| d.to_string()),
            },
        );
        ctx.insert_value("commitments", self.sheet_items(data, i));
        ("print.html", ctx)
    }

    /// The commitments of locality `i` in the order of its page (by status,
    /// then id): each its card's fields and `latest`, the assessment that
    /// leads its latest review (none without updates).
    fn sheet_items(&self, data: &LangData, i: usize) -> Value {
        let loc = &self.site.localities[i];
        let mut items = Vec::with_capacity(loc.commitments.len());
        for s in &data.statuses {
            for (ci, c) in loc.commitments.iter().enumerate() {
                if c.status != s.id {
                    continue;
                }
                let r = CRef {
                    locality: i,
                    commitment: ci,
                };
                let latest: Option<UpdateView> = reviews::groups(&c.updates)
                    .last()
                    .and_then(|review| reviews::leading(review))
                    .map(|u| self.update_view(data, data.index, u));
                let mut fields = self
                    .card_value(data, data.index, r)
                    .into_map()
                    .unwrap_or_default();
                fields.insert("latest".into(), Value::from_serializable(&latest));
                items.push(Value::from(fields));
            }
        }
        Value::from(items)
    }

    /// The same as its locality's page: the locality's files and its
    /// commitments' list entries (made once per build).
    pub(super) fn print_fp(&self, h: &mut Fingerprinter, i: usize) {
        self.locality_fp(h, i);
    }
}
