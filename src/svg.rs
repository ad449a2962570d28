//! Scripts in SVG files: an SVG image of `static/` is published as it is,
//! and a script in it runs when a reader opens the file (not when a page
//! shows it with `<img>`). `load` warns about each such file.
//!
//! A cheap scan, not a parser nor a sanitiser: it finds, ignoring ASCII
//! case, a `<script` element, an event attribute (`on…=` inside a tag,
//! such as `onload=`), and a `javascript:` URL (tabs, line ends and other
//! control characters inside it ignored, as browsers do). Scripts hidden
//! in other ways (character references, `<foreignObject>` HTML without
//! those, compressed `.svgz` files) are not found.

/// How an SVG file runs a script.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Script {
    /// A `<script>` element.
    Element,
    /// An event attribute, by name (`onload`).
    Event(String),
    /// A `javascript:` URL.
    Url,
}

impl std::fmt::Display for Script {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Script::Element => f.write_str("a `<script` element"),
            Script::Event(name) => write!(f, "an event attribute `{name}=`"),
            Script::Url => f.write_str("a `javascript:` URL"),
        }
    }
}

/// The first script in the SVG text `text`, with its byte offset.
pub(crate) fn first_script(text: &str) -> Option<(usize, Script)> {
    let lower = text.to_ascii_lowercase();
    let in_markup = in_tags(lower.as_bytes());
    let url = javascript_url(lower.as_bytes()).map(|at| (at, Script::Url));
    [in_markup, url]
        .into_iter()
        .flatten()
        .min_by_key(|(at, _)| *at)
}

/// The first `<script` element or event attribute of the lowercase text
/// `b`: tags are followed from `<` to `>`, with quoted attribute values.
fn in_tags(b: &[u8]) -> Option<(usize, Script)> {
    let mut in_tag = false;
    let mut quote: Option<u8> = None;
    for (i, &c) in b.iter().enumerate() {
        if let Some(q) = quote {
            if c == q {
                quote = None;
            }
        } else if in_tag {
            match c {
                b'>' => in_tag = false,
                b'"' | b'\'' => quote = Some(c),
                b'o' if is_boundary(b[i - 1]) => {
                    if let Some(name) = event_attribute(&b[i..]) {
                        return Some((i, Script::Event(name)));
                    }
                }
                _ => {}
            }
        } else if c == b'<' {
            in_tag = true;
            let rest = &b[i + 1..];
            let next = rest.get(6).copied().unwrap_or(b' ');
            if rest.starts_with(b"script") && !next.is_ascii_alphanumeric() {
                return Some((i, Script::Element));
            }
        }
    }
    None
}

/// What may come before an attribute's name inside a tag.
fn is_boundary(c: u8) -> bool {
    c.is_ascii_whitespace() || matches!(c, b'/' | b'"' | b'\'')
}

/// The name of the event attribute `b` starts with (`on` and letters,
/// then `=` after optional spaces), if it is one.
fn event_attribute(b: &[u8]) -> Option<String> {
    let letters = b[2.min(b.len())..]
        .iter()
        .take_while(|c| c.is_ascii_lowercase())
        .count();
    if !b.starts_with(b"on") || letters == 0 {
        return None;
    }
    let end = 2 + letters;
    let after = b[end..].iter().find(|c| !c.is_ascii_whitespace());
    (after == Some(&b'=')).then(|| String::from_utf8_lossy(&b[..end]).into_owned())
}

/// The offset of the first `javascript:` in the lowercase text `b`,
/// control characters and spaces inside it skipped.
fn javascript_url(b: &[u8]) -> Option<usize> {
    const WORD: &[u8] = b"javascript:";
    let skipped = |c: u8| c.is_ascii_control() || c == b' ';
    memchr::memchr_iter(b'j', b).find(|&start| {
        let mut want = WORD.iter();
        let mut next = want.next();
        for &c in &b[start..] {
            match next {
                None => break,
                Some(&w) if c == w => next = want.next(),
                Some(_) if skipped(c) => {}
                Some(_) => return false,
            }
        }
        next.is_none()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_are_found_and_text_is_not_mistaken_for_one() {
        let found = |t: &str| first_script(t).map(|(at, s)| (at, s.to_string()));
        assert_eq!(found("<svg><text>ongoing = 3, onload=x</text></svg>"), None);
        assert_eq!(found("<svg><scripted/></svg>"), None);
        assert_eq!(found("<svg data-on=\"onload=1\"/>"), None);
        assert_eq!(
            found("<svg><SCRIPT>x</SCRIPT>"),
            Some((5, "a `<script` element".into()))
        );
        assert_eq!(
            found("<svg\nOnLoad =\"x\">"),
            Some((5, "an event attribute `onload=`".into()))
        );
        assert_eq!(
            found("<a href='jav\tascript:x'>"),
            Some((9, "a `javascript:` URL".into()))
        );
    }
}
