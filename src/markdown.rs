//! Markdown to HTML, with the CommonMark extensions of the content model
//! (tables, footnotes, strikethrough).
//!
//! Content comes from several partner organisations and is not trusted: the
//! whole HTML fragment made from a Markdown text that holds raw HTML goes
//! through an allow-list sanitiser ([`ammonia`]); a text without raw HTML
//! needs only its URLs filtered (see [`to_html_with`]). Harmless
//! markup survives (`<abbr>`, `<sup>`, `<sub>`, `<br>`, `<details>`/`<summary>`,
//! `<kbd>`, `<mark>`, tables…); `<script>`, `<style>`, `<iframe>`, `<object>`,
//! `<embed>`, forms, event-handler attributes and `javascript:`, `vbscript:`
//! or `data:` URLs do not. Links keep relative, `http(s):` and `mailto:` URLs
//! and get `rel="noopener noreferrer"`; Markdown images from other hosts
//! become links to the image, and raw `<img>` tags from other hosts lose
//! their `src` (keeping their `alt` text). A site that trusts every author can
//! set `unsafe_trusted_raw_html: true` in site.yaml ([`RawHtml::Trusted`]):
//! then the HTML is passed through unchanged.

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd, html};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// What happens to HTML in Markdown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RawHtml {
    /// Sanitised with an allow-list (the default).
    #[default]
    Sanitised,
    /// Passed through unchanged (`unsafe_trusted_raw_html: true`).
    Trusted,
}

/// Renders Markdown to an HTML fragment, sanitised (the default).
pub fn to_html(markdown: &str) -> String {
    to_html_with(markdown, RawHtml::Sanitised)
}

/// Renders Markdown to an HTML fragment with the given treatment of raw HTML.
///
/// The sanitiser parses the fragment as HTML, which costs more than making
/// it; a text without raw HTML does not need it: all of its markup is
/// pulldown-cmark's, from which only URLs can carry script, and those are
/// filtered here with the sanitiser's own scheme allow-list. Images from
/// other hosts become links to them, so that a page loads nothing from
/// elsewhere (the reader's connection, the portal offline).
pub fn to_html_with(markdown: &str, raw_html: RawHtml) -> String {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    let mut has_raw_html = false;
    // For each image being written: whether it became a link.
    let mut images: Vec<bool> = Vec::new();
    let parser = Parser::new_ext(markdown, options).map(|event| match event {
        // Footnote ids get a prefix of their own, so that they cannot clash
        // with the page's ids (`main`, `history`…); the sanitiser keeps only
        // ids with that prefix.
        Event::FootnoteReference(name) => Event::FootnoteReference(footnote_id(&name)),
        Event::Start(Tag::FootnoteDefinition(name)) => {
            Event::Start(Tag::FootnoteDefinition(footnote_id(&name)))
        }
        Event::Html(_) | Event::InlineHtml(_) => {
            has_raw_html = true;
            event
        }
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Link {
            link_type,
            dest_url: allowed_url(dest_url),
            title,
            id,
        }),
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            let remote = is_remote(&dest_url);
            images.push(remote);
            let dest_url = allowed_url(dest_url);
            if remote {
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                })
            } else {
                Event::Start(Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                })
            }
        }
        Event::End(TagEnd::Image) if images.pop() == Some(true) => Event::End(TagEnd::Link),
        other => other,
    });
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, parser);
    match raw_html {
        RawHtml::Trusted => out,
        RawHtml::Sanitised if has_raw_html => sanitiser().clean(&out).to_string(),
        // Every `<a href=` here is a link pulldown-cmark wrote (text has its
        // `<` escaped): they get the `rel` the sanitiser gives links.
        RawHtml::Sanitised => {
            let mut with_rel = String::with_capacity(out.len() + 256);
            crate::text::push_replaced(&mut with_rel, &out, &LINK_FINDER, LINK_WITH_REL);
            with_rel
        }
    }
}

/// memchr's vectorised search for the start of a link pulldown-cmark wrote, made once.
static LINK_FINDER: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new("<a href="));

const LINK_WITH_REL: &str = "<a rel=\"noopener noreferrer\" href=";

/// The URL schemes links and images may use (besides relative URLs).
const URL_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

/// The scheme of a URL as a browser reads it (white space and control
/// characters are ignored), if it has one.
fn scheme(url: &str) -> Option<String> {
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .take_while(|c| !matches!(c, '/' | '?' | '#'))
        .collect();
    let (scheme, _) = cleaned.split_once(':')?;
    Some(scheme.to_ascii_lowercase())
}

/// `url`, or an empty one when its scheme could run script or is not on
/// the allow-list.
fn allowed_url(url: CowStr<'_>) -> CowStr<'_> {
    match scheme(&url) {
        Some(s) if !URL_SCHEMES.contains(&s.as_str()) => CowStr::Borrowed(""),
        _ => url,
    }
}

/// Whether a URL points to another host.
fn is_remote(url: &str) -> bool {
    url.trim_start().starts_with("//") || scheme(url).is_some()
}

const FOOTNOTE_PREFIX: &str = "fn-";

fn footnote_id(name: &str) -> CowStr<'static> {
    let id: String = name
        .chars()
        .map(|c| if c.is_whitespace() { '-' } else { c })
        .collect();
    CowStr::from(format!("{FOOTNOTE_PREFIX}{id}"))
}

/// The allow-list, built once.
fn sanitiser() -> &'static ammonia::Builder<'static> {
    static SANITISER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    SANITISER.get_or_init(|| {
        let mut b = ammonia::Builder::default();
        // ammonia's defaults already leave out script, style, iframe, object,
        // embed, form and every event handler; these are added.
        b.add_tags(["details", "summary", "mark", "kbd", "abbr", "sup", "sub"]);
        b.add_tag_attributes("abbr", ["title"]);
        b.add_tag_attributes("details", ["open"]);
        b.add_tag_attributes("div", ["id"]);
        // Table column alignment, which pulldown-cmark writes as a style.
        b.add_tag_attributes("th", ["style"]);
        b.add_tag_attributes("td", ["style"]);
        b.filter_style_properties(HashSet::from(["text-align"]));
        b.allowed_classes(HashMap::from([
            (
                "sup",
                HashSet::from(["footnote-reference", "footnote-definition-label"]),
            ),
            ("div", HashSet::from(["footnote-definition"])),
        ]));
        b.attribute_filter(|element, attribute, value| {
            if attribute == "id" && !value.starts_with(FOOTNOTE_PREFIX) {
                None
            } else if element == "img" && attribute == "src" && is_remote(value) {
                // A page loads nothing from another host: a raw image from
                // elsewhere keeps only its alt text.
                None
            } else {
                Some(value.into())
            }
        });
        b.url_schemes(HashSet::from(["http", "https", "mailto"]));
        b.link_rel(Some("noopener noreferrer"));
        b
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_is_removed_and_text_kept() {
        let html = to_html("Hello <script>alert(1)</script> world");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("alert"), "{html}");
        assert!(html.contains("Hello"), "{html}");
        assert!(html.contains("world"), "{html}");
    }

    #[test]
    fn dangerous_tags_and_attributes_do_not_survive() {
        let md = "<iframe src=\"https://evil.example/\"></iframe>\n\n\
                  <style>body{display:none}</style>\n\n\
                  <object data=\"x.swf\"></object><embed src=\"x.swf\">\n\n\
                  <form action=\"https://evil.example/\"><input name=\"p\"></form>\n\n\
                  <p onclick=\"alert(1)\">Click</p> <img src=\"a.png\" onerror=\"alert(1)\" alt=\"a\">\n\n\
                  <a href=\"javascript:alert(1)\">x</a> <a href=\"data:text/html,hi\">y</a> \
                  <a href=\"vbscript:msgbox\">z</a> <a href=\" JaVaScRiPt:alert(1)\">w</a>\n\n\
                  [md](javascript:alert(1)) ![img](data:image/png;base64,AAAA)\n";
        let html = to_html(md);
        for bad in [
            "<iframe",
            "<style",
            "<object",
            "<embed",
            "<form",
            "<input",
            "onclick",
            "onerror",
            "javascript:",
            "JaVaScRiPt",
            "data:",
            "vbscript:",
            "display:none",
        ] {
            assert!(!html.contains(bad), "`{bad}` survived in {html}");
        }
        assert!(html.contains("Click"), "{html}");
    }

    #[test]
    fn harmless_markup_survives() {
        let md = "<abbr title=\"Justice and Security Dialogue\">JSD</abbr> H<sub>2</sub>O \
                  x<sup>2</sup> a<br>b <kbd>Ctrl</kbd> <mark>new</mark>\n\n\
                  <details><summary>More</summary>Hidden text.</details>\n";
        let html = to_html(md);
        for good in [
            "<abbr title=\"Justice and Security Dialogue\">JSD</abbr>",
            "<sub>2</sub>",
            "<sup>2</sup>",
            "<br>",
            "<kbd>Ctrl</kbd>",
            "<mark>new</mark>",
            "<details><summary>More</summary>",
        ] {
            assert!(html.contains(good), "`{good}` missing in {html}");
        }
    }

    #[test]
    fn links_keep_safe_urls_and_get_rel() {
        let html = to_html(
            "[a](https://example.org/) [b](../about/index.html) [c](mailto:desk@example.org) \
             [d](ftp://example.org/)",
        );
        assert!(
            html.contains("<a rel=\"noopener noreferrer\" href=\"https://example.org/\">a</a>"),
            "{html}"
        );
        assert!(html.contains("href=\"../about/index.html\""), "{html}");
        assert!(html.contains("href=\"mailto:desk@example.org\""), "{html}");
        assert!(!html.contains("ftp:"), "{html}");
    }

    #[test]
    fn script_urls_are_dropped_without_raw_html_too() {
        // No raw HTML: the sanitiser is not run, the URLs are still filtered.
        let html = to_html(
            "[a](javascript:alert(1)) [b](<java\tscript:alert(2)>) [c](VBScript:x) \
             ![d](data:image/png;base64,AAAA) [e](ftp://example.org/)",
        );
        for bad in [
            "javascript",
            "alert",
            "script:",
            "VBScript",
            "data:",
            "ftp:",
        ] {
            assert!(!html.contains(bad), "`{bad}` survived in {html}");
        }
        assert!(html.contains(">a</a>"), "{html}");
    }

    #[test]
    fn images_from_other_hosts_become_links_and_local_ones_stay() {
        let html = to_html(
            "![The new station](https://photos.example/station.jpg) \
             ![Map](//maps.example/m.png) ![Plan](../../static/plan.png)",
        );
        assert!(
            html.contains("href=\"https://photos.example/station.jpg\">The new station</a>"),
            "{html}"
        );
        assert!(
            html.contains("href=\"//maps.example/m.png\">Map</a>"),
            "{html}"
        );
        assert!(!html.contains("<img src=\"https:"), "{html}");
        assert!(!html.contains("<img src=\"//"), "{html}");
        assert!(
            html.contains("<img src=\"../../static/plan.png\" alt=\"Plan\""),
            "{html}"
        );
        // The same with raw HTML beside it, through the sanitiser.
        let html = to_html("<kbd>x</kbd> ![Photo](https://photos.example/p.jpg)");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains(">Photo</a>"), "{html}");
        // Raw image tags from other hosts keep their alt text, not their src.
        let html = to_html(
            "<img src=\"https://tracker.example/p.gif\" alt=\"Station\"> \
             <img src=\"//cdn.example/x.png\" alt=\"X\"> <img src=\"plan.png\" alt=\"Plan\">",
        );
        assert!(!html.contains("tracker.example"), "{html}");
        assert!(!html.contains("cdn.example"), "{html}");
        assert!(html.contains("alt=\"Station\""), "{html}");
        assert!(html.contains("src=\"plan.png\""), "{html}");
    }

    #[test]
    fn trusted_raw_html_passes_through() {
        let md = "<script>track()</script>\n\n<iframe src=\"https://maps.example/\"></iframe>\n";
        let html = to_html_with(md, RawHtml::Trusted);
        assert!(html.contains("<script>track()</script>"), "{html}");
        assert!(
            html.contains("<iframe src=\"https://maps.example/\">"),
            "{html}"
        );
    }

    #[test]
    fn tables_strikethrough_and_footnotes() {
        let html = to_html(
            "| a | b |\n|:--|--:|\n| 1 | 2 |\n\n~~old~~ Note.[^src]\n\n[^src]: The minutes.\n\n<div id=\"main\">x</div>",
        );
        assert!(html.contains("<table>"), "{html}");
        assert!(
            html.contains("<th style=\"text-align:left\">a</th>"),
            "{html}"
        );
        assert!(html.contains("<del>old</del>"), "{html}");
        assert!(
            html.contains("<sup class=\"footnote-reference\"><a href=\"#fn-src\""),
            "{html}"
        );
        assert!(
            html.contains("<div class=\"footnote-definition\" id=\"fn-src\">"),
            "{html}"
        );
        assert!(!html.contains("id=\"main\""), "{html}");
    }
}
