//! Short links: templates write every internal link as `{root}{path}`, the
//! page's way back to the output root and then the target's path from
//! there. Once a page is rendered, [`shorten`] rewrites each such `href` and
//! `src` to the shortest relative path from the page's folder to the same
//! file: from `en/localities/saaba/patrols/index.html`,
//! `../../../../en/localities/saaba/index.html` becomes `../index.html` and
//! `../../../../en/status/index.html` becomes `../../../status/index.html`.
//!
//! Guarantee: a rewritten link resolves to the same file as before (only
//! `../` and folder names the page's path and the target share are
//! dropped; the query and fragment are kept), and links into other
//! languages, to the root's files and anything not starting with exactly
//! the page's root prefix are left as they are. Pages only get shorter, so
//! the rewrite is done in place.

use crate::urls;
use memchr::memmem;

/// Rewrites the links of the rendered page at `page_path` (relative to the
/// output root) to their shortest relative form.
pub(super) fn shorten(html: &mut Vec<u8>, page_path: &str) {
    let root = urls::root_prefix(page_path);
    if root.is_empty() {
        return;
    }
    let folders: Vec<&str> = page_path.split('/').collect();
    let folders = &folders[..folders.len() - 1];
    let needle = format!("=\"{root}");
    let starts: Vec<usize> = memmem::find_iter(html, needle.as_bytes())
        .filter(|&at| html[..at].ends_with(b"href") || html[..at].ends_with(b"src"))
        .map(|at| at + 2)
        .collect();
    let mut write = 0;
    let mut read = 0;
    for start in starts {
        let target_at = start + root.len();
        let Some(len) = memchr::memchr(b'"', &html[target_at..]) else {
            break;
        };
        let Some(short) = std::str::from_utf8(&html[target_at..target_at + len])
            .ok()
            .and_then(|target| shortest(folders, target))
        else {
            continue;
        };
        html.copy_within(read..start, write);
        write += start - read;
        html[write..write + short.len()].copy_from_slice(short.as_bytes());
        write += short.len();
        read = target_at + len;
    }
    html.copy_within(read.., write);
    html.truncate(write + html.len() - read);
}

/// The shortest relative path from a page in `folders` (its folders from
/// the output root) to `target` (a path from the output root, possibly with
/// a query or fragment), or `None` when it cannot be shorter or the target
/// is not a plain path.
fn shortest(folders: &[&str], target: &str) -> Option<String> {
    let path_end = target.find(['?', '#']).unwrap_or(target.len());
    let (path, rest) = target.split_at(path_end);
    let segments: Vec<&str> = path.split('/').collect();
    if path.is_empty()
        || path.starts_with('/')
        || path.contains(':')
        || segments.iter().any(|s| *s == "." || *s == "..")
    {
        return None;
    }
    let target_folders = &segments[..segments.len() - 1];
    let shared = folders
        .iter()
        .zip(target_folders)
        .take_while(|(a, b)| a == b)
        .count();
    if shared == 0 {
        return None;
    }
    let mut short = "../".repeat(folders.len() - shared);
    short.push_str(&segments[shared..].join("/"));
    short.push_str(rest);
    Some(short)
}

#[cfg(test)]
mod tests {
    use super::shorten;

    fn short(page: &str, html: &str) -> String {
        let mut bytes = html.as_bytes().to_vec();
        shorten(&mut bytes, page);
        String::from_utf8(bytes).unwrap()
    }

    #[test]
    fn links_into_the_same_language_take_the_shortest_way() {
        let page = "en/localities/saaba/patrols/index.html";
        assert_eq!(
            short(
                page,
                r##"<a href="../../../../en/localities/saaba/index.html">S</a><a href="../../../../en/status/index.html#x">T</a><img src="../../../../en/localities/saaba/patrols/map.svg">"##
            ),
            r##"<a href="../index.html">S</a><a href="../../../status/index.html#x">T</a><img src="map.svg">"##
        );
        // The home, a level below the root.
        assert_eq!(
            short("en/index.html", r#"<a href="../en/overdue/index.html">"#),
            r#"<a href="overdue/index.html">"#
        );
    }

    #[test]
    fn other_links_stay_as_they_are() {
        let page = "en/localities/index.html";
        let html = concat!(
            r#"<a href="../../fr/localities/index.html" hreflang="fr">fr</a>"#,
            r#"<link rel="stylesheet" href="../../style.css">"#,
            r##"<a href="https://example.org/en/x">x</a><a href="#main">skip</a>"##,
            r#"<a href="../../../en/x/index.html">up too far</a>"#,
            r#"<a href="../../en/../en/x">dots</a>"#,
            r#"<p title="../../en/x">not a link</p>"#,
        );
        assert_eq!(short(page, html), html);
        // The root's own pages have nothing to shorten.
        let root = r#"<a href="en/index.html">en</a>"#;
        assert_eq!(short("index.html", root), root);
    }
}
