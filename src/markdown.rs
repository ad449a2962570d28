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
//! and get `rel="noopener noreferrer"`, whatever their host; Markdown images
//! from other hosts become links to the image, and raw `<img>` tags from
//! other hosts lose their `src` (keeping their `alt` text). An image is from
//! another host when a browser would resolve its URL to one ([`other_host`]:
//! the WHATWG URL parser, as browsers use it). A site that trusts every author can
//! set `unsafe_trusted_raw_html: true` in site.yaml ([`RawHtml::Trusted`]):
//! then the HTML is passed through unchanged. A text with raw HTML whose
//! elements nest more than 128 levels deep is refused ([`too_deep`], which
//! `parse` runs on every body): the sanitiser's parse is quadratic in the
//! nesting, the measure linear.

use crate::diag::Diagnostic;
use pulldown_cmark::{CodeBlockKind, CowStr, Event, LinkType, Options, Parser, Tag, TagEnd, html};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

mod nesting;
use nesting::MAX_NESTING;

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
#[cfg(test)]
pub(crate) fn to_html(markdown: &str) -> String {
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
pub(crate) fn to_html_with(markdown: &str, raw_html: RawHtml) -> String {
    let (out, has_raw_html) = pulldown_html(markdown, Urls::Filtered);
    match raw_html {
        RawHtml::Trusted => out,
        RawHtml::Sanitised if has_raw_html => sanitise(&out),
        RawHtml::Sanitised => with_link_rel(&out),
    }
}

/// The whole fragment through the allow-list.
fn sanitise(html: &str) -> String {
    sanitiser().clean(html).to_string()
}

/// pulldown-cmark's links (text has its `<` escaped, so every `<a href=`
/// of HTML without raw HTML is one) with the `rel` the sanitiser gives links.
fn with_link_rel(html: &str) -> String {
    let mut out = String::with_capacity(html.len() + 256);
    crate::text::push_replaced(&mut out, html, &LINK_FINDER, LINK_WITH_REL);
    out
}

/// What [`pulldown_html`] does with the URLs of links and images.
#[derive(Clone, Copy, PartialEq)]
enum Urls {
    /// A link whose URL the sanitiser would drop loses it ([`url_allowed`]).
    Filtered,
    /// Left as written, for the sanitiser to judge (tests compare the two).
    #[cfg_attr(not(test), allow(dead_code))]
    AsWritten,
}

/// pulldown-cmark's HTML for `markdown`, with its events rewritten by
/// [`Rewrite`]; and whether it holds raw HTML.
fn pulldown_html(markdown: &str, urls: Urls) -> (String, bool) {
    let mut rewrite = Rewrite::new(urls);
    let events = Parser::new_ext(markdown, OPTIONS).map(|event| rewrite.event(event));
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, events);
    (out, rewrite.has_raw_html)
}

/// The CommonMark extensions of the content model.
const OPTIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_FOOTNOTES)
    .union(Options::ENABLE_STRIKETHROUGH);

/// What is done to pulldown-cmark's events before they are written:
/// footnote ids prefixed, remote images made links, code blocks without a
/// language class (the sanitiser drops it) and URLs as `urls` says.
struct Rewrite {
    urls: Urls,
    /// Whether an event so far was raw HTML.
    has_raw_html: bool,
    /// For each image being written: whether it became a link.
    images: Vec<bool>,
}

impl Rewrite {
    fn new(urls: Urls) -> Self {
        Rewrite {
            urls,
            has_raw_html: false,
            images: Vec::new(),
        }
    }

    fn event<'a>(&mut self, event: Event<'a>) -> Event<'a> {
        match event {
            // Footnote ids get a prefix of their own, so that they cannot
            // clash with the page's ids (`main`, `history`…); the sanitiser
            // keeps only ids with that prefix.
            Event::FootnoteReference(name) => Event::FootnoteReference(footnote_id(&name)),
            Event::Start(Tag::FootnoteDefinition(name)) => {
                Event::Start(Tag::FootnoteDefinition(footnote_id(&name)))
            }
            Event::Html(_) | Event::InlineHtml(_) => {
                self.has_raw_html = true;
                event
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => link(self.urls, link_type, dest_url, title, id),
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                // An image from elsewhere, or whose URL the sanitiser drops,
                // becomes a link (pulldown-cmark writes an image's `src` always).
                let href = written_href(link_type, &dest_url);
                let as_link = other_host(&href) || !url_allowed(&href);
                self.images.push(as_link);
                if as_link {
                    link(self.urls, link_type, dest_url, title, id)
                } else {
                    Event::Start(Tag::Image {
                        link_type,
                        dest_url,
                        title,
                        id,
                    })
                }
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(_))) => {
                Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(CowStr::Borrowed(""))))
            }
            Event::End(TagEnd::Image) if self.images.pop() == Some(true) => {
                Event::End(TagEnd::Link)
            }
            other => other,
        }
    }
}

/// Where the HTML of one Markdown event starts: in the HTML, and in the
/// Markdown; `verbatim` when the event is raw HTML, copied as written.
#[derive(Clone, Copy, Debug)]
struct EventStart {
    html: usize,
    markdown: usize,
    verbatim: bool,
}

/// [`pulldown_html`] as the sanitiser gets it (URLs filtered), with where
/// each event that may open an element (a start tag, raw HTML) begins.
fn pulldown_html_located(markdown: &str) -> (String, bool, Vec<EventStart>) {
    let mut rewrite = Rewrite::new(Urls::Filtered);
    let mut starts = Vec::new();
    let written = std::cell::Cell::new(0);
    let events = Parser::new_ext(markdown, OPTIONS)
        .into_offset_iter()
        .map(|(event, range)| {
            if matches!(
                event,
                Event::Start(_) | Event::Html(_) | Event::InlineHtml(_)
            ) {
                starts.push(EventStart {
                    html: written.get(),
                    markdown: range.start,
                    verbatim: !matches!(event, Event::Start(_)),
                });
            }
            rewrite.event(event)
        });
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    let _ = html::write_html_fmt(
        Counted {
            out: &mut out,
            written: &written,
        },
        events,
    );
    (out, rewrite.has_raw_html, starts)
}

/// A `String` being written, with its length kept where the events'
/// closure can read it.
struct Counted<'o> {
    out: &'o mut String,
    written: &'o std::cell::Cell<usize>,
}

impl std::fmt::Write for Counted<'_> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.out.push_str(s);
        self.written.set(self.out.len());
        Ok(())
    }
}

/// Elements of a Markdown text nested past what the sanitiser allows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct TooDeep {
    /// Byte offset in the Markdown of the tag, quote or list that opens
    /// the first element past the limit.
    pub offset: usize,
    /// That element's depth.
    pub depth: usize,
}

/// The error for a file whose Markdown body (from byte `body_start` of its
/// text) nests its elements past [`MAX_NESTING`] ([`too_deep`]), placed on
/// the tag, quote or list that opens the first element too deep.
pub(crate) fn nesting_error(rel: &str, text: &str, body_start: usize) -> Option<Diagnostic> {
    let deep = too_deep(text.get(body_start..)?)?;
    let (line, column) = crate::diag::line_col(text, body_start + deep.offset);
    Some(
        Diagnostic::error(
            rel,
            format!("the HTML of this text is nested more than {MAX_NESTING} levels deep"),
        )
        .at(text, line, column)
        .found(format!("an element {} levels deep", deep.depth))
        .expected(format!(
            "at most {MAX_NESTING} levels of elements inside one another \
             (HTML tags, Markdown quotes and lists)"
        ))
        .help(
            "close the elements you open (`<div>` … `</div>`): pledgeboard checks the HTML \
             in Markdown for scripts, and that check is too slow on deeper nesting",
        ),
    )
}

/// Where the elements of the HTML made of `markdown` first nest past
/// [`MAX_NESTING`], if they do and the text holds raw HTML: a text without
/// raw HTML never reaches the sanitiser (see [`to_html_with`]). Linear in
/// the text's size (the parse stops there); `check` and `build` both run it
/// on every text, with or without `unsafe_trusted_raw_html`.
pub(crate) fn too_deep(markdown: &str) -> Option<TooDeep> {
    // No raw HTML can be written without a `<`.
    memchr::memchr(b'<', markdown.as_bytes())?;
    let (out, has_raw_html, starts) = pulldown_html_located(markdown);
    if !has_raw_html {
        return None;
    }
    let found = nesting::too_deep(&out)?;
    // The last event that began at or before the tag; raw HTML is copied
    // as written, so the tag is as far into it as into the HTML.
    let i = starts.partition_point(|s| s.html <= found.html_offset);
    let offset = match i.checked_sub(1).map(|i| starts[i]) {
        Some(s) if s.verbatim => s.markdown + (found.html_offset - s.html),
        Some(s) => s.markdown,
        None => 0,
    };
    Some(TooDeep {
        offset: offset.min(markdown.len()),
        depth: found.depth,
    })
}

/// memchr's vectorised search for the start of a link pulldown-cmark wrote, made once.
static LINK_FINDER: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new("<a href="));

const LINK_WITH_REL: &str = "<a rel=\"noopener noreferrer\" href=";

/// The URL schemes links and images may use (besides relative URLs): the
/// one list, given to the sanitiser and applied by [`url_allowed`].
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

/// Whether a link or image URL is kept, judged on `href` as the HTML holds
/// it (after pulldown-cmark's escaping, entities decoded): the sanitiser's
/// own rule (the `url` crate's parse: a scheme on [`URL_SCHEMES`], or a
/// relative URL; an absolute URL that does not parse is dropped), and the
/// scheme as a browser reads it on the list too. The sanitiser applies the
/// same function to raw HTML's `href` and `src`, so both paths agree.
fn url_allowed(href: &str) -> bool {
    let scheme_ok = scheme(href).is_none_or(|s| URL_SCHEMES.contains(&s.as_str()));
    scheme_ok
        && match url::Url::parse(href) {
            Ok(url) => URL_SCHEMES.contains(&url.scheme()),
            Err(url::ParseError::RelativeUrlWithoutBase) => true,
            Err(_) => false,
        }
}

/// The `href` pulldown-cmark writes for a link to `dest`, as an HTML
/// parser reads it back (its `&amp;` and `&#x27;` decoded).
fn written_href(link_type: LinkType, dest: &str) -> String {
    let mut escaped = String::with_capacity(dest.len() + 8);
    if link_type == LinkType::Email {
        escaped.push_str("mailto:");
    }
    let _ = pulldown_cmark_escape::escape_href(&mut escaped, dest);
    let mut href = String::with_capacity(escaped.len());
    let mut rest = escaped.as_str();
    while let Some(at) = rest.find('&') {
        href.push_str(&rest[..at]);
        rest = &rest[at..];
        let (entity, c) = if rest.starts_with("&amp;") {
            ("&amp;", '&')
        } else if rest.starts_with("&#x27;") {
            ("&#x27;", '\'')
        } else {
            ("&", '&')
        };
        href.push(c);
        rest = &rest[entity.len()..];
    }
    href.push_str(rest);
    href
}

/// The start of a link; with [`Urls::Filtered`], one whose URL the
/// sanitiser would drop is written as it would leave it: an `<a>` without
/// `href`, keeping its title and getting the `rel` of links.
fn link<'a>(
    urls: Urls,
    link_type: LinkType,
    dest_url: CowStr<'a>,
    title: CowStr<'a>,
    id: CowStr<'a>,
) -> Event<'a> {
    if urls == Urls::AsWritten || url_allowed(&written_href(link_type, &dest_url)) {
        return Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        });
    }
    let mut a = String::from("<a rel=\"noopener noreferrer\"");
    if !title.is_empty() {
        a.push_str(" title=\"");
        a.push_str(&crate::text::escape_html(&title));
        a.push('"');
    }
    a.push('>');
    Event::InlineHtml(CowStr::from(a))
}

/// A page of the site as a browser may show it: served over `https:` or
/// `http:`, or opened from disk (`file:`). Which page does not matter: the
/// host a URL resolves to depends on the page's scheme and host, never on
/// its path.
static PAGES: std::sync::LazyLock<[url::Url; 3]> = std::sync::LazyLock::new(|| {
    [
        "https://site.invalid/en/localities/x/index.html",
        "http://site.invalid/en/localities/x/index.html",
        "file:///site/en/localities/x/index.html",
    ]
    .map(|page| url::Url::parse(page).expect("a valid page URL"))
});

/// Whether a browser showing a page of the site would fetch `url` (as the
/// HTML holds it, entities decoded) from another host: resolved against
/// the page with the WHATWG URL parser (the `url` crate, as browsers do:
/// `/\host`, `\\host`, tabs and line ends between the slashes, control
/// characters before them all lead elsewhere), it has another scheme, host
/// or port, on any of [`PAGES`], or does not resolve at all. URLs that
/// plainly stay on the page's host skip the parser ([`plainly_same_host`]).
fn other_host(url: &str) -> bool {
    !plainly_same_host(url) && PAGES.iter().any(|page| leaves(page, url))
}

/// Whether `url`, resolved against `page`, is on another host than it.
fn leaves(page: &url::Url, url: &str) -> bool {
    match page.join(url) {
        Ok(to) => {
            to.scheme() != page.scheme()
                || to.host() != page.host()
                || to.port_or_known_default() != page.port_or_known_default()
        }
        Err(_) => true,
    }
}

/// Whether `url` stays on the page's host by the WHATWG parser's first
/// steps alone, whatever the page: it starts with a character the parser
/// neither strips (C0 controls and space) nor skips (tab, LF, CR), and
/// either has no scheme (it starts with a digit or `.` `#` `?` `_` `~`
/// `%` `-`, or with a letter and holds no `:`) and so is relative to the
/// page's path, or starts with one `/` not followed by `/`, `\`, tab, LF
/// or CR, and so is relative to the page's host. Everything else is
/// resolved; the proptest `plainly_same_host_agrees_with_the_parser`
/// checks this shortcut against the parser.
fn plainly_same_host(url: &str) -> bool {
    let bytes = url.as_bytes();
    match bytes.first() {
        None => true,
        Some(b'/') => !matches!(bytes.get(1), Some(b'/' | b'\\' | b'\t' | b'\n' | b'\r')),
        Some(c) if c.is_ascii_alphabetic() => !url.contains(':'),
        Some(c) => {
            c.is_ascii_digit() || matches!(c, b'.' | b'#' | b'?' | b'_' | b'~' | b'%' | b'-')
        }
    }
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
            } else if element == "img" && attribute == "src" && other_host(value) {
                // A page loads nothing from another host: a raw image from
                // elsewhere keeps only its alt text.
                None
            } else if matches!(attribute, "href" | "src") && !url_allowed(value) {
                None
            } else {
                Some(value.into())
            }
        });
        b.url_schemes(HashSet::from(URL_SCHEMES));
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

    /// Found by `same_as_sanitiser`: the fast path wrote `href=""` (a link
    /// to the page itself) where the sanitiser leaves an `<a>` without one.
    #[test]
    fn refused_urls_leave_a_link_without_href_on_both_paths() {
        let fast = to_html("[a](javascript:x \"T&\") ![i](data:x)");
        assert_eq!(
            fast,
            "<p><a rel=\"noopener noreferrer\" title=\"T&amp;\">a</a> \
             <a rel=\"noopener noreferrer\">i</a></p>\n"
        );
        let sanitised = to_html("[a](javascript:x \"T&\") ![i](data:x) <b>b</b>");
        assert!(
            sanitised.starts_with(
                "<p><a title=\"T&amp;\" rel=\"noopener noreferrer\">a</a> \
                 <a rel=\"noopener noreferrer\">i</a>"
            ),
            "{sanitised}"
        );
    }

    /// Found by `same_as_sanitiser`: absolute URLs that do not parse kept
    /// their `href` on the fast path; the sanitiser drops them.
    #[test]
    fn absolute_urls_that_do_not_parse_are_dropped_on_both_paths() {
        for md in [
            "[a](http://)",
            "[a](<https://exa mple.org/>)",
            "[a](http://[::1/)",
        ] {
            assert_eq!(
                to_html(md),
                "<p><a rel=\"noopener noreferrer\">a</a></p>\n",
                "{md}"
            );
            let sanitised = to_html(&format!("{md} <b>b</b>"));
            assert!(!sanitised.contains("href"), "{md}: {sanitised}");
        }
        assert!(
            to_html("[a](<https://bücher.example/a b>)").contains("href=\"https://b%C3%BCcher")
        );
    }

    /// Found by `same_as_sanitiser`: a fenced code block's language class
    /// was kept on the fast path; the sanitiser drops classes it does not list.
    #[test]
    fn code_blocks_lose_their_language_class_on_both_paths() {
        assert_eq!(to_html("```rust\nx\n```"), "<pre><code>x\n</code></pre>\n");
        assert_eq!(
            to_html("```rust\nx\n```\n\n<b>b</b>"),
            "<pre><code>x\n</code></pre>\n<p><b>b</b></p>\n"
        );
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

/// The fast path for Markdown without raw HTML against the sanitiser: for
/// any such Markdown, the fast path's HTML is the document the sanitiser
/// makes of pulldown-cmark's HTML with the URLs left as written.
#[cfg(test)]
mod same_as_sanitiser {
    use super::*;
    use proptest::prelude::*;

    /// The HTML of `markdown` through the sanitiser, URLs as written; `None`
    /// when the Markdown holds raw HTML (the fast path is not taken).
    fn sanitised(markdown: &str) -> Option<String> {
        let (html, has_raw_html) = pulldown_html(markdown, Urls::AsWritten);
        (!has_raw_html).then(|| sanitise(&html))
    }

    /// A document as an HTML parser (html5ever, as browsers) reads it: one
    /// line per node in document order, elements with their attributes
    /// sorted. Serialisation details that do not change the document
    /// (`&quot;` or `"` in text, attribute order, `<br />` or `<br>`) are
    /// not compared; a style's spaces are not either (the sanitiser writes
    /// `text-align:left` where pulldown-cmark writes `text-align: left`).
    fn document(html: &str) -> Vec<String> {
        let fragment = scraper::Html::parse_fragment(html);
        let mut out = Vec::new();
        for node in fragment.tree.root().descendants() {
            let depth = node.ancestors().count();
            match node.value() {
                scraper::Node::Element(e) => {
                    let mut attrs: Vec<String> = e
                        .attrs()
                        .map(|(k, v)| match k {
                            "style" => format!("{k}={}", v.replace(' ', "")),
                            _ => format!("{k}={v:?}"),
                        })
                        .collect();
                    attrs.sort();
                    out.push(format!("{depth} <{}> {}", e.name(), attrs.join(" ")));
                }
                scraper::Node::Text(t) => out.push(format!("{depth} {:?}", &**t)),
                _ => {}
            }
        }
        out
    }

    fn assert_same(markdown: &str) {
        let Some(reference) = sanitised(markdown) else {
            return;
        };
        let fast = to_html(markdown);
        assert_eq!(
            document(&fast),
            document(&reference),
            "Markdown {markdown:?}\nfast path: {fast}\nsanitiser: {reference}"
        );
    }

    /// URLs of every kind a link may hold: allowed and refused schemes,
    /// spelled oddly, broken absolute URLs, relative ones, with white
    /// space, control characters, entities and non-ASCII text.
    fn url() -> impl Strategy<Value = String> {
        let scheme = prop_oneof![
            Just(""),
            Just("http://"),
            Just("https://"),
            Just("HTTPS://"),
            Just("mailto:"),
            Just("javascript:"),
            Just("JaVaScRiPt:"),
            Just("java\tscript:"),
            Just(" javascript:"),
            Just("\u{1}javascript:"),
            Just("java&#x09;script:"),
            Just("jav&#97;script:"),
            Just("data:"),
            Just("vbscript:"),
            Just("ftp://"),
            Just("//"),
            Just("1abc:"),
            Just("a+b.c-d:"),
            Just("%6Aavascript:"),
            Just("http:"),
            Just("https:/"),
        ];
        let rest = prop_oneof![
            Just("".to_owned()),
            Just("example.org/".to_owned()),
            Just("example.org/a b".to_owned()),
            Just("exa mple.org".to_owned()),
            Just("[::1".to_owned()),
            Just("example.org:99999/".to_owned()),
            Just("bücher.example/é?q=1&r='2'".to_owned()),
            Just("desk@example.org".to_owned()),
            Just("../../static/plan.png".to_owned()),
            Just("#fn-1".to_owned()),
            Just("?q=\"x\"".to_owned()),
            Just("alert(1)".to_owned()),
            Just("a\u{7f}b".to_owned()),
            Just("x&amp;y&quot;z".to_owned()),
            "[a-z0-9./:#?%&' ]{0,12}",
        ];
        (scheme, rest).prop_map(|(s, r)| format!("{s}{r}"))
    }

    /// A link destination as Markdown writes it: bare, or in `<…>` (which
    /// allows spaces), with or without a title.
    fn destination() -> impl Strategy<Value = String> {
        (
            url(),
            any::<bool>(),
            prop::option::of("[a-zA-Z \"'&<]{0,8}"),
        )
            .prop_map(|(url, angle, title)| {
                let dest = if angle {
                    format!("<{}>", url.replace(['<', '>', '\n'], ""))
                } else {
                    url.replace([' ', '\t', '(', ')', '\n'], "")
                };
                match title {
                    Some(t) => format!("{dest} \"{}\"", t.replace('"', "&quot;")),
                    None => dest,
                }
            })
    }

    fn inline() -> impl Strategy<Value = String> {
        let word = prop_oneof![
            "[a-zA-Z0-9]{1,8}",
            Just("&amp;".to_owned()),
            Just("&copy;".to_owned()),
            Just("&#35;".to_owned()),
            Just("&#0;".to_owned()),
            Just("&nbsp;".to_owned()),
            Just("&bogus;".to_owned()),
            Just("\"quoted\"".to_owned()),
            Just("it's".to_owned()),
            Just("a & b".to_owned()),
            Just("كركوك".to_owned()),
            Just("\u{a0}".to_owned()),
            Just("x\u{1}y".to_owned()),
        ];
        let leaf = prop_oneof![
            word.clone(),
            (word.clone(), destination()).prop_map(|(t, d)| format!("[{t}]({d})")),
            (word.clone(), destination()).prop_map(|(t, d)| format!("![{t}]({d})")),
            (word.clone(), destination(), destination())
                .prop_map(|(t, d, i)| format!("[![{t}]({i})]({d})")),
            url().prop_map(|u| format!("<{}>", u.replace(['<', '>', ' ', '\n'], ""))),
            Just("<desk@example.org>".to_owned()),
            Just("https://bare.example.org/x".to_owned()),
            word.clone().prop_map(|w| format!("`{w}`")),
            Just("[^1]".to_owned()),
            Just("[^a b]".to_owned()),
            Just("[ref link][r]".to_owned()),
        ];
        leaf.prop_recursive(2, 12, 4, |inner| {
            prop_oneof![
                inner.clone().prop_map(|i| format!("*{i}*")),
                inner.clone().prop_map(|i| format!("**{i}**")),
                inner.clone().prop_map(|i| format!("~~{i}~~")),
                prop::collection::vec(inner, 1..4).prop_map(|v| v.join(" ")),
            ]
        })
    }

    fn block() -> impl Strategy<Value = String> {
        prop_oneof![
            inline(),
            inline().prop_map(|i| format!("# {i}")),
            inline().prop_map(|i| format!("### {i}")),
            prop::collection::vec(inline(), 1..4).prop_map(|v| format!("- {}", v.join("\n- "))),
            prop::collection::vec(inline(), 1..3).prop_map(|v| format!("3. {}", v.join("\n4. "))),
            inline().prop_map(|i| format!("> {i}")),
            ("[a-z]{0,6}( x)?", "[a-z<&\"]{0,10}").prop_map(|(l, c)| format!("```{l}\n{c}\n```")),
            "[a-z<&]{1,10}".prop_map(|c| format!("    {c}")),
            (inline(), inline()).prop_map(|(a, b)| format!("| {a} | b |\n|:--|--:|\n| {b} | 2 |")),
            inline().prop_map(|i| format!("[^1]: {i}")),
            inline().prop_map(|i| format!("[^a b]: {i}")),
            destination().prop_map(|d| format!("[r]: {d}")),
            Just("---".to_owned()),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

        #[test]
        fn fast_path_equals_the_sanitiser(blocks in prop::collection::vec(block(), 1..6)) {
            assert_same(&blocks.join("\n\n"));
        }

        /// The nesting limit measures the HTML the sanitiser gets.
        #[test]
        fn the_located_html_is_the_sanitisers(
            blocks in prop::collection::vec(block(), 1..6),
            raw in prop::option::of("<(div|b|table|p)>[a-z]{0,3}(</(div|b)>)?"),
        ) {
            let mut markdown = blocks.join("\n\n");
            markdown.extend(raw);
            let (located, has_raw_html, _) = pulldown_html_located(&markdown);
            prop_assert_eq!((located, has_raw_html), pulldown_html(&markdown, Urls::Filtered));
        }
    }
}

/// Images against the browser's resolution of their URL: for any URL, an
/// image whose URL a browser would resolve to another host does not load,
/// raw or Markdown; and [`plainly_same_host`], which skips the parser,
/// agrees with it.
#[cfg(test)]
mod other_hosts {
    use super::*;
    use proptest::prelude::*;

    /// Pages of a site at several depths, served or opened from disk.
    const PAGES_OF_A_SITE: [&str; 5] = [
        "https://portal.example/",
        "https://portal.example/en/localities/saaba/joint-patrols/index.html",
        "http://portal.example:8080/fr/index.html",
        "file:///home/editor/public/en/localities/saaba/index.html",
        "file:///C:/public/index.html",
    ];

    /// The oracle: whether a browser showing `page` would fetch `src` from
    /// another origin (from disk: anything but a local file).
    fn fetched_from_elsewhere(page: &str, src: &str) -> bool {
        let page = url::Url::parse(page).expect("a page URL");
        match page.join(src) {
            Ok(to) if page.scheme() == "file" => {
                to.scheme() != "file" || to.host_str().is_some_and(|h| !h.is_empty())
            }
            Ok(to) => to.origin() != page.origin(),
            Err(_) => false,
        }
    }

    /// URLs made of the pieces that fool host checks: slashes and
    /// backslashes, white space and control characters the parser strips
    /// or skips, schemes in any case, hosts, ports, `@`, dots, escapes.
    fn url() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("/"),
            Just("\\"),
            Just("\t"),
            Just("\n"),
            Just("\r"),
            Just(" "),
            Just("\u{1}"),
            Just("\u{1f}"),
            Just("\u{7f}"),
            Just("\u{a0}"),
            Just(":"),
            Just("http"),
            Just("https"),
            Just("HtTpS"),
            Just("file"),
            Just("mailto"),
            Just("evil.example"),
            Just("portal.example"),
            Just("site.invalid"),
            Just("localhost"),
            Just("[::1]"),
            Just(":8080"),
            Just("@"),
            Just("."),
            Just(".."),
            Just("a"),
            Just("C:"),
            Just("C|"),
            Just("1"),
            Just("-"),
            Just("?"),
            Just("#"),
            Just("%2F"),
            Just("%5C"),
            Just("x.png"),
            Just("é"),
        ];
        prop::collection::vec(piece, 0..9).prop_map(|v| v.concat())
    }

    /// `text` as an HTML attribute value that every parser reads back as
    /// `text`: every character but ASCII letters and digits as a
    /// character reference.
    fn attribute(text: &str) -> String {
        text.chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_string()
                } else {
                    format!("&#x{:X};", u32::from(c))
                }
            })
            .collect()
    }

    /// Every image source in `html`, as a browser reads it.
    fn image_sources(html: &str) -> Vec<String> {
        let fragment = scraper::Html::parse_fragment(html);
        let img = scraper::Selector::parse("img[src]").expect("a selector");
        fragment
            .select(&img)
            .filter_map(|e| e.value().attr("src").map(str::to_owned))
            .collect()
    }

    fn assert_nothing_from_elsewhere(markdown: &str) {
        let html = to_html(markdown);
        for src in image_sources(&html) {
            for page in PAGES_OF_A_SITE {
                assert!(
                    !fetched_from_elsewhere(page, &src),
                    "Markdown {markdown:?}\nan image loads from another host on {page}: \
                     {src:?}\nin {html}"
                );
            }
        }
    }

    #[test]
    fn the_tricks_of_issue_15_load_nothing() {
        for src in [
            "/\\evil.example/a.png",
            "\\\\evil.example/b.png",
            "/\t/evil.example/c.png",
            "/\n/evil.example/d.png",
            "/\r/evil.example/e.png",
            "\u{1}//evil.example/f.png",
        ] {
            let html = to_html(&format!("<img src=\"{}\" alt=\"x\">", attribute(src)));
            assert!(image_sources(&html).is_empty(), "{src:?}: {html}");
            assert!(html.contains("alt=\"x\""), "{src:?}: {html}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2048, ..ProptestConfig::default() })]

        #[test]
        fn plainly_same_host_agrees_with_the_parser(url in url()) {
            if plainly_same_host(&url) {
                for page in PAGES.iter() {
                    prop_assert!(!leaves(page, &url), "{:?} leaves {}", url, page);
                }
                for page in PAGES_OF_A_SITE {
                    prop_assert!(!fetched_from_elsewhere(page, &url), "{:?} on {}", url, page);
                }
            }
        }

        #[test]
        fn images_from_other_hosts_do_not_load(url in url()) {
            // Raw, alone and beside other markup.
            assert_nothing_from_elsewhere(&format!("<img src=\"{}\" alt=\"x\">", attribute(&url)));
            assert_nothing_from_elsewhere(&format!("a <b>b</b> <img src=\"{}\">", attribute(&url)));
            // Markdown, without and with raw HTML beside it.
            let dest = url.replace(['<', '>', '\n', '\r'], "");
            assert_nothing_from_elsewhere(&format!("![x](<{dest}>)"));
            assert_nothing_from_elsewhere(&format!("![x](<{dest}>) <b>b</b>"));
        }
    }
}
