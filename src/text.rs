//! Text helpers shared by the stages: the one HTML escaper and the one XML
//! escaper of generated output, the private-use marks rendering splices into
//! text, and their removal from loaded content.
//!
//! Guarantees:
//! - [`escape_html`] and [`escape_xml`] are the only escapers of text that
//!   pledgeboard itself writes into HTML and XML (Tera's autoescaping
//!   covers templates). Both copy whole runs between special ASCII bytes:
//!   they run over every page, feed and card.
//! - [`escape_xml`]'s output holds only characters XML 1.0 allows.
//! - The marks of [`marks`] are defined here only, and
//!   [`remove_marks`] takes every one of them out of a text, so content
//!   cannot forge them (`load` applies it to every file it reads).

use memchr::memmem::Finder;

/// Private-use characters rendering uses as marks inside text it is making.
/// No loaded text holds them (`load` removes them, with a warning), so a
/// mark found in rendered text was put there by pledgeboard.
pub(crate) mod marks {
    /// Where a page's root prefix (`../../`) is spliced into HTML rendered
    /// once for pages at any depth (list cards).
    pub(crate) const ROOT: char = '\u{E00F}';
    /// [`ROOT`] as a string, for searching and splicing.
    pub(crate) const ROOT_STR: &str = "\u{E00F}";
    /// The start of a number in a formatted interface string, until it is
    /// written in the language's digits.
    pub(crate) const NUM_START: char = '\u{E000}';
    /// The end of such a number.
    pub(crate) const NUM_END: char = '\u{E001}';
    /// Every mark.
    pub(crate) const ALL: [char; 3] = [ROOT, NUM_START, NUM_END];
}

/// Escapes text for HTML content and attribute values (double- or
/// single-quoted): `& < > " '` become `&amp; &lt; &gt; &quot; &#39;`.
pub(crate) fn escape_html(s: &str) -> String {
    replace_ascii(s, |b| match b {
        b'&' => Some("&amp;"),
        b'<' => Some("&lt;"),
        b'>' => Some("&gt;"),
        b'"' => Some("&quot;"),
        b'\'' => Some("&#39;"),
        _ => None,
    })
}

/// Escapes text for XML content and attribute values: `& < > " '` become
/// `&amp; &lt; &gt; &quot; &apos;`, and the characters XML 1.0 does not
/// allow are dropped: the controls below U+0020 except tab, line feed and
/// carriage return, and the non-characters U+FFFE and U+FFFF.
pub(crate) fn escape_xml(s: &str) -> String {
    let escaped = replace_ascii(s, |b| match b {
        b'&' => Some("&amp;"),
        b'<' => Some("&lt;"),
        b'>' => Some("&gt;"),
        b'"' => Some("&quot;"),
        b'\'' => Some("&apos;"),
        b'\t' | b'\n' | b'\r' => None,
        b if b < 0x20 => Some(""),
        _ => None,
    });
    // U+FFFE and U+FFFF are EF BF BE and EF BF BF: a rare lead byte to look for.
    let forbidden = |c: char| matches!(c, '\u{FFFE}' | '\u{FFFF}');
    if memchr::memchr(0xEF, escaped.as_bytes()).is_some() && escaped.contains(forbidden) {
        escaped.replace(forbidden, "")
    } else {
        escaped
    }
}

/// What [`remove_marks`] took out of a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct RemovedMarks {
    /// How many marks were removed.
    pub count: usize,
    /// The byte offset of the first one in the text as it was.
    pub first: usize,
    /// Which marks, in code point order, each once.
    pub which: Vec<char>,
}

/// `text` without the marks of [`marks::ALL`], and what was removed;
/// `None` when it holds none (the common case: nothing is copied). Marks
/// are three bytes in UTF-8 that start with EE: texts are searched for
/// that rare lead byte with memchr.
pub(crate) fn remove_marks(text: &str) -> Option<(String, RemovedMarks)> {
    let bytes = text.as_bytes();
    // EE is only ever the first byte of a character.
    let is_mark = |at: usize| {
        text[at..]
            .chars()
            .next()
            .is_some_and(|c| marks::ALL.contains(&c))
    };
    let found: Vec<usize> = memchr::memchr_iter(0xEE, bytes)
        .filter(|&at| is_mark(at))
        .collect();
    let first = *found.first()?;
    let mut which: Vec<char> = found
        .iter()
        .filter_map(|&at| text[at..].chars().next())
        .collect();
    which.sort_unstable();
    which.dedup();
    let mut kept = String::with_capacity(text.len() - 3 * found.len());
    let mut from = 0;
    for &at in &found {
        kept.push_str(&text[from..at]);
        from = at + 3;
    }
    kept.push_str(&text[from..]);
    let removed = RemovedMarks {
        count: found.len(),
        first,
        which,
    };
    Some((kept, removed))
}

/// `s` with some ASCII bytes replaced: `entity(b)` gives the replacement of
/// byte `b` (`Some("")` drops it), or `None` to keep it. Only ASCII bytes may
/// be replaced, so each is a whole character and the text between them is
/// copied as it is.
pub(crate) fn replace_ascii(s: &str, entity: impl Fn(u8) -> Option<&'static str>) -> String {
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
pub(crate) fn push_replaced(out: &mut String, s: &str, finder: &Finder, with: &str) {
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
    fn html_escaping_covers_markup_and_both_quotes() {
        assert_eq!(
            escape_html("Saaba & <Jos> \"say\" 'it' — كركوك"),
            "Saaba &amp; &lt;Jos&gt; &quot;say&quot; &#39;it&#39; — كركوك"
        );
        assert_eq!(escape_html("plain"), "plain");
        assert_eq!(escape_html(""), "");
    }

    #[test]
    fn xml_escaping_replaces_markup_and_drops_what_xml_forbids() {
        assert_eq!(
            escape_xml("Saaba & <Jos> \"say\" 'it'"),
            "Saaba &amp; &lt;Jos&gt; &quot;say&quot; &apos;it&apos;"
        );
        assert_eq!(escape_xml("a\u{1}b\tc\nd\re\u{1f}"), "ab\tc\nd\re");
        assert_eq!(escape_xml("كركوك — Kirkuk é ＡＢ"), "كركوك — Kirkuk é ＡＢ");
        assert_eq!(escape_xml("a\u{FFFE}b\u{FFFF}c\u{FFFD}"), "abc\u{FFFD}");
    }

    #[test]
    fn escaped_xml_reads_back_as_the_text_without_forbidden_characters() {
        let text = "T\u{0}i\u{b}tle & <b> \"q\" 'a' \u{FFFF}\u{FFFE}x\u{10FFFF}";
        let xml = format!("<t a=\"{0}\" b='{0}'>{0}</t>", escape_xml(text));
        let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
        let root = doc.root_element();
        let kept = "Title & <b> \"q\" 'a' x\u{10FFFF}";
        assert_eq!(root.text(), Some(kept));
        assert_eq!(root.attribute("a"), Some(kept));
        assert_eq!(root.attribute("b"), Some(kept));
    }

    #[test]
    fn the_root_mark_as_a_string_is_the_root_mark() {
        assert_eq!(marks::ROOT_STR.chars().collect::<Vec<_>>(), [marks::ROOT]);
    }

    #[test]
    fn marks_are_removed_and_counted() {
        let text = "Joint\u{E00F} patrols \u{E000}1\u{E001}\u{E00F} \u{E002}\u{E080}é";
        let (kept, removed) = remove_marks(text).expect("marks found");
        assert_eq!(kept, "Joint patrols 1 \u{E002}\u{E080}é");
        assert_eq!(removed.count, 4);
        assert_eq!(removed.first, "Joint".len());
        assert_eq!(removed.which, ['\u{E000}', '\u{E001}', '\u{E00F}']);
        assert_eq!(remove_marks("No marks: \u{E002} 漢字 ＡＢ \u{EE80}"), None);
        for mark in marks::ALL {
            let (kept, removed) = remove_marks(&format!("a{mark}")).expect("a mark");
            assert_eq!((kept.as_str(), removed.first), ("a", 1), "{mark:?}");
        }
    }

    #[test]
    fn every_occurrence_of_a_mark_is_replaced() {
        let finder = Finder::new("\u{E00F}");
        let mut out = String::from(">");
        push_replaced(&mut out, "\u{E00F}a/\u{E00F}\u{E00F}é", &finder, "../");
        assert_eq!(out, ">../a/../../é");
    }
}
