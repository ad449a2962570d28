//! Text helpers shared by the output stages: escaping and replacing marks in
//! generated HTML and XML. Both run over every page, feed and card, so they
//! copy whole runs of text instead of going character by character.

use memchr::memmem::Finder;

/// `s` with some ASCII bytes replaced: `entity(b)` gives the replacement of
/// byte `b` (`Some("")` drops it), or `None` to keep it. Only ASCII bytes may
/// be replaced, so each is a whole character and the text between them is
/// copied as it is.
pub fn replace_ascii(s: &str, entity: impl Fn(u8) -> Option<&'static str>) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    let mut from = 0;
    for (i, b) in s.bytes().enumerate() {
        if !b.is_ascii() {
            continue;
        }
        let Some(with) = entity(b) else {
            continue;
        };
        out.push_str(&s[from..i]);
        out.push_str(with);
        from = i + 1;
    }
    out.push_str(&s[from..]);
    out
}

/// Appends `s` to `out` with every occurrence of `finder`'s needle replaced
/// by `with` (memchr's vectorised search: a list page copies some fifty
/// cards this way). The needle must be valid UTF-8 on its own, so that
/// matches fall on character boundaries.
pub fn push_replaced(out: &mut String, s: &str, finder: &Finder, with: &str) {
    let mut from = 0;
    for at in finder.find_iter(s.as_bytes()) {
        out.push_str(&s[from..at]);
        out.push_str(with);
        from = at + finder.needle().len();
    }
    out.push_str(&s[from..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_bytes_are_replaced_and_other_text_kept() {
        let html = |b| match b {
            b'<' => Some("&lt;"),
            b'\0' => Some(""),
            _ => None,
        };
        assert_eq!(replace_ascii("a<b\0 — كركوك<", html), "a&lt;b — كركوك&lt;");
        assert_eq!(replace_ascii("", html), "");
    }

    #[test]
    fn every_occurrence_of_a_mark_is_replaced() {
        let finder = Finder::new("\u{E00F}");
        let mut out = String::from(">");
        push_replaced(&mut out, "\u{E00F}a/\u{E00F}\u{E00F}é", &finder, "../");
        assert_eq!(out, ">../a/../../é");
    }
}
