//! A commitment's page (`commitment.html`): its card's fields (the card the
//! lists share) and what only its page shows (responsible, topics, body,
//! every update, newest first, grouped by review); and its fingerprint.

use super::Renderer;
use super::lang::LangData;
use super::values::{CommitmentPage, ReviewView};
use crate::memo::Fingerprinter;
use crate::model::CRef;
use crate::model::Update;
use crate::reviews;
use tera::{Context, Value};

impl Renderer<'_> {
    pub(super) fn commitment_context(
        &self,
        li: usize,
        path: &str,
        r: CRef,
    ) -> (&'static str, Context) {
        let data = &self.langs[li];
        let c = self.site.commitment(r);
        let mut ctx = Context::new();
        self.common(
            &mut ctx,
            li,
            path,
            "commitment",
            self.text_in(&c.title, li).0,
        );
        // The card's fields (the language's card, made once and shared
        // with the lists), and what only the commitment's page shows.
        let full = CommitmentPage {
            responsible: c.responsible.as_ref().map(|t| self.lt(t, li)),
            topics: c.topics.iter().map(|t| self.topic(li, t)).collect(),
            body: self.body(&c.body, li),
            updates: c
                .updates
                .iter()
                .rev()
                .map(|u| self.update_view(data, li, u))
                .collect(),
            reviews: reviews::groups(&c.updates)
                .into_iter()
                .rev()
                .map(|r| self.review_view(data, li, r))
                .collect(),
        };
        let mut fields = self.card_value(data, li, r).into_map().unwrap_or_default();
        fields.extend(
            Value::from_serializable(&full)
                .into_map()
                .unwrap_or_default(),
        );
        ctx.insert_value("c", Value::from(fields));
        ctx.insert("chart_timeline", &self.timeline_chart(li, r));
        ("commitment.html", ctx)
    }

    /// One review: its assessments, and how far apart they are.
    fn review_view(&self, data: &LangData, li: usize, review: &[Update]) -> ReviewView {
        let progress: Vec<u8> = review.iter().filter_map(|u| u.progress).collect();
        let spread = match (progress.iter().max(), progress.iter().min()) {
            (Some(hi), Some(lo)) => hi - lo,
            _ => 0,
        };
        let first = &review[0];
        ReviewView {
            date: first.review.unwrap_or(first.date).to_string(),
            differ: spread > 0 || review.iter().any(|u| u.status != first.status),
            spread,
            assessments: review
                .iter()
                .map(|u| self.update_view(data, li, u))
                .collect(),
        }
    }

    /// The commitment's list entry: its files, its locality's, its overdue
    /// flag (what its page shows beyond that is site-wide).
    pub(super) fn commitment_page_fp(&self, h: &mut Fingerprinter, r: CRef) {
        self.hash_entries(h, &[r]);
    }
}
