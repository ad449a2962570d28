//! Share images: the 1200x630 PNG of each language's home page and of each
//! country (those with localities), which link previews show
//! (`og:image`). Each is fingerprinted by its [`Card`], exactly what it
//! shows, so that an image is drawn again only when that changed; the
//! drawing itself is `crate::share`'s.
//!
//! The content is [`Content::Owned`]: in `watch` and `serve`, the images a
//! rebuild needs are drawn in the background after editing pauses, like
//! the open data, so that a saved change shows without waiting for them.

use super::{Build, Content, Output, Plan, Streamed};
use crate::diag::Diagnostic;
use crate::memo;
use crate::render::ImageOf;
use crate::share::{self, Card};
use std::io;
use std::sync::Arc;

pub(super) fn make(_build: &Build) -> Box<dyn Output> {
    Box::new(ShareImages)
}

struct ShareImages;

impl Output for ShareImages {
    fn name(&self) -> &'static str {
        "share images"
    }

    fn what(&self) -> &'static str {
        "a share image"
    }

    fn paths(&self, build: &Build) -> Arc<Vec<String>> {
        let r = &build.renderer;
        let images = r.share_images();
        Arc::new(
            images
                .into_iter()
                .map(|(li, image)| r.share_image_path(li, image))
                .collect(),
        )
    }

    fn plan(&self, build: &Build) -> Plan {
        let r = &build.renderer;
        (r.share_images().into_iter())
            .map(|(li, image)| {
                let card = r.share_card(li, image);
                (r.share_image_path(li, image), memo::of(&card))
            })
            .collect()
    }

    fn produce<'b>(&self, build: &'b Build, item: usize) -> Result<Content<'b>, Diagnostic> {
        let r = &build.renderer;
        let (li, image): (usize, ImageOf) = r.share_images()[item];
        let card = r.share_card(li, image);
        Ok(Content::Owned(Arc::new(Image(card))))
    }
}

/// One image, drawn when written.
struct Image(Card);

impl Streamed for Image {
    fn write_to(&self, w: &mut dyn io::Write) -> io::Result<()> {
        share::write_png(&self.0, w)
            .map_err(|e| io::Error::other(format!("drawing a share image: {e}")))
    }
}
