//! Evidence links as an update shows them: the title the content gives a
//! source, else what its address points to, in a few words: the file name
//! and host (`rapport-2024.pdf · example.tn`), or, for an address without a
//! file name, the host and the start of the path (`example.org/news/1`).
//! Never an empty label: an address `url` cannot read is shown whole.

use super::values::SourceView;
use crate::model::Source;
use percent_encoding::percent_decode_str;

/// How many characters of a path a label keeps before it is cut with "…".
const PATH_CHARS: usize = 20;

/// The source as a template value.
pub(super) fn source_view(s: &Source) -> SourceView {
    SourceView {
        url: s.url.clone(),
        label: s.title.clone().unwrap_or_else(|| label_of(&s.url)),
        titled: s.title.is_some(),
    }
}

/// What an untitled address is shown as.
fn label_of(address: &str) -> String {
    let Ok(url) = url::Url::parse(address) else {
        return address.to_owned();
    };
    let Some(host) = url.host_str() else {
        return address.to_owned();
    };
    let host = host.strip_prefix("www.").unwrap_or(host);
    let segments: Vec<String> = url
        .path_segments()
        .map(|s| s.filter(|s| !s.is_empty()).map(decode).collect())
        .unwrap_or_default();
    match segments.last() {
        None => host.to_owned(),
        Some(last) if is_file_name(last) && !url.path().ends_with('/') => {
            format!("{last} · {host}")
        }
        Some(_) => format!("{host}/{}", shortened(&segments)),
    }
}

/// A path segment with an extension, such as `rapport-2024.pdf`.
fn is_file_name(segment: &str) -> bool {
    segment
        .rsplit_once('.')
        .is_some_and(|(stem, ext)| !stem.is_empty() && (1..=5).contains(&ext.len()))
}

fn decode(segment: &str) -> String {
    percent_decode_str(segment).decode_utf8_lossy().into_owned()
}

/// The path's whole segments up to [`PATH_CHARS`] characters, then "…".
fn shortened(segments: &[String]) -> String {
    let mut out = String::new();
    for (i, seg) in segments.iter().enumerate() {
        let sep = usize::from(i > 0);
        if out.chars().count() + sep + seg.chars().count() > PATH_CHARS {
            if i == 0 {
                out.extend(seg.chars().take(PATH_CHARS));
                out.push('…');
            } else {
                out.push_str("/…");
            }
            return out;
        }
        if i > 0 {
            out.push('/');
        }
        out.push_str(seg);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::label_of;

    #[test]
    fn labels_name_the_file_and_host_or_the_start_of_the_path() {
        let cases = [
            (
                "https://www.example.tn/docs/rapport-2024.pdf",
                "rapport-2024.pdf · example.tn",
            ),
            (
                "https://example.org/photos/saaba%20station.jpg",
                "saaba station.jpg · example.org",
            ),
            ("https://example.org/", "example.org"),
            ("https://example.org/news/1", "example.org/news/1"),
            ("https://example.org/v1.2/", "example.org/v1.2"),
            (
                "https://example.org/a/very/long/path/that/goes/on/",
                "example.org/a/very/long/path/…",
            ),
            (
                "https://example.org/abcdefghijklmnopqrstuvwxyz",
                "example.org/abcdefghijklmnopqrst…",
            ),
            ("http://[::1", "http://[::1"),
        ];
        for (url, label) in cases {
            assert_eq!(label_of(url), label, "{url}");
        }
    }
}
