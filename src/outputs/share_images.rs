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

#[cfg(test)]
mod tests {
    use super::Build;
    use crate::pipeline::{self, Memos};
    use crate::render::ImageOf;

    const SITE: &str = "title: Pledges\nbase_url: https://t.example.org/\n\
        default_language: en\nlanguages:\n  - { code: en, name: English }\n\
        \x20 - { code: ar, name: العربية, locale: ar-u-nu-arab }\n  - { code: ne, name: नेपाली }\nas_of: 2024-06-30\n";

    /// A site with 12 completed commitments and 3 in progress.
    fn site() -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let write = |rel: &str, text: &str| {
            let path = dir.path().join(rel);
            std::fs::create_dir_all(path.parent().expect("a parent")).expect("a folder");
            std::fs::write(path, text).expect("a file");
        };
        write("site.yaml", SITE);
        write(
            "localities/saaba/_index.md",
            "---\nname: Saaba\ncountry: BF\n---\nA town.\n",
        );
        for i in 0..15 {
            let status = if i < 12 { "completed" } else { "in-progress" };
            write(
                &format!("localities/saaba/c{i}.md"),
                &format!(
                    "---\ntitle: Pledge {i}\npledged_by: [police]\nstatus: {status}\nagreed: 2017-05-20\n---\n"
                ),
            );
        }
        dir
    }

    /// Every line of text the home card of language `li` shows.
    fn home_card_texts(li: usize) -> Vec<String> {
        let dir = site();
        let today = jiff::civil::date(2024, 6, 30);
        let checked = pipeline::check(dir.path(), today).expect("the site checks");
        let memos = Memos::off();
        let build = Build::new(&checked, &memos);
        let card = build.renderer.share_card(li, ImageOf::Home);
        let svg = crate::share::svg(&card);
        let doc = roxmltree::Document::parse(&svg).expect("the card is XML");
        (doc.descendants())
            .filter(|n| n.has_tag_name("text"))
            .map(|n| {
                (n.descendants().filter(|d| d.is_text()))
                    .filter_map(|d| d.text())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn the_bar_names_each_status_with_its_count_in_the_cards_language() {
        for (li, expected) in [
            (0, ["12 Completed", "3 In progress"]),
            (1, ["١٢ منجَز", "٣ قيد التنفيذ"]),
            (2, ["१२ सम्पन्न", "३ काम जारी"]),
        ] {
            let texts = home_card_texts(li);
            for label in expected {
                assert!(texts.iter().any(|t| t == label), "{label:?} in {texts:?}");
            }
        }
    }
}
