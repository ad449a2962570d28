//! The output layout: where every page, feed and data file is written.
//!
//! Paths are relative to the output root with `/` separators. Pages are
//! `…/index.html` files and links point at those files, so the portal works
//! from any host folder and when opened from disk (`file://`). Absolute URLs
//! (sitemap, feeds, `hreflang`, exports) drop the `index.html`.

/// The home page of a language.
pub(crate) fn home(lang: &str) -> String {
    format!("{lang}/index.html")
}

pub(crate) fn localities(lang: &str) -> String {
    format!("{lang}/localities/index.html")
}

pub(crate) fn locality(lang: &str, locality: &str) -> String {
    format!("{lang}/localities/{locality}/index.html")
}

pub(crate) fn locality_feed(lang: &str, locality: &str) -> String {
    format!("{lang}/localities/{locality}/atom.xml")
}

/// A locality's print sheet (a commitment cannot have the id `print`).
pub(crate) fn print_sheet(lang: &str, locality: &str) -> String {
    format!("{lang}/localities/{locality}/print/index.html")
}

/// A locality's calendar of due dates and review sessions (iCalendar).
pub(crate) fn locality_calendar(lang: &str, locality: &str) -> String {
    format!("{lang}/localities/{locality}/calendar.ics")
}

pub(crate) fn commitment(lang: &str, locality: &str, id: &str) -> String {
    format!("{lang}/localities/{locality}/{id}/index.html")
}

/// A browse dimension: `status`, `party`, `topic` or `country`.
pub(crate) fn browse_index(lang: &str, dimension: &str) -> String {
    format!("{lang}/{dimension}/index.html")
}

pub(crate) fn browse(lang: &str, dimension: &str, key: &str) -> String {
    format!("{lang}/{dimension}/{}/index.html", key.to_ascii_lowercase())
}

pub(crate) fn overdue(lang: &str) -> String {
    format!("{lang}/overdue/index.html")
}

pub(crate) fn all_commitments(lang: &str) -> String {
    format!("{lang}/commitments/index.html")
}

pub(crate) fn updates(lang: &str) -> String {
    format!("{lang}/updates/index.html")
}

pub(crate) fn site_feed(lang: &str) -> String {
    format!("{lang}/updates/atom.xml")
}

/// The site's calendar of due dates and review sessions (iCalendar).
pub(crate) fn site_calendar(lang: &str) -> String {
    format!("{lang}/calendar.ics")
}

pub(crate) fn page(lang: &str, id: &str) -> String {
    format!("{lang}/{id}/index.html")
}

/// The search page of a language.
pub(crate) fn search(lang: &str) -> String {
    format!("{lang}/search/index.html")
}

/// A file of a language's search index (`name` without `.js`; see
/// `search::index`).
pub(crate) fn search_file(lang: &str, name: &str) -> String {
    format!("{lang}/search/{name}.js")
}

/// Page `n` (0-based) of a list whose first page is `first`:
/// `en/overdue/index.html`, `en/overdue/page/2/index.html`, …
pub(crate) fn paged(first: &str, n: usize) -> String {
    if n == 0 {
        first.to_owned()
    } else {
        let base = first.strip_suffix("index.html").unwrap_or(first);
        format!("{base}page/{}/index.html", n + 1)
    }
}

pub(crate) const ROOT_INDEX: &str = "index.html";
pub(crate) const NOT_FOUND: &str = "404.html";
pub(crate) const SITEMAP: &str = "sitemap.xml";
pub(crate) const DATA_JSON: &str = "data/commitments.json";
pub(crate) const DATA_CSV: &str = "data/commitments.csv";
pub(crate) const DATA_LOCALITIES_CSV: &str = "data/localities.csv";
pub(crate) const DATA_UPDATES_CSV: &str = "data/updates.csv";
/// The data package (Frictionless) that describes the open-data files.
pub(crate) const DATA_PACKAGE: &str = "data/datapackage.json";
/// The favicons every page links (the theme's, or the site's own).
pub(crate) const FAVICON_ICO: &str = "favicon.ico";
pub(crate) const FAVICON_SVG: &str = "favicon.svg";

/// The share image (1200x630 PNG) of a language's home page.
pub(crate) fn share_home(lang: &str) -> String {
    format!("share/{lang}/home.png")
}

/// The share image of a country (ISO code), for its localities' pages.
pub(crate) fn share_country(lang: &str, country: &str) -> String {
    format!("share/{lang}/country-{}.png", country.to_ascii_lowercase())
}

/// The share image of one locality (site.yaml's `share_images: localities`).
pub(crate) fn share_locality(lang: &str, locality: &str) -> String {
    format!("share/{lang}/locality-{locality}.png")
}

/// The relative prefix from the page at `path` back to the output root:
/// `""` for `index.html`, `"../../"` for `en/localities/index.html`.
pub(crate) fn root_prefix(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

/// The absolute URL of an output path: `base_url` joined with the path,
/// without a trailing `index.html`.
pub(crate) fn absolute(base_url: &str, path: &str) -> String {
    let pretty = path.strip_suffix("index.html").unwrap_or(path);
    format!("{base_url}{pretty}")
}

/// The same page as `path` in another language (paths start with the language).
pub(crate) fn in_language(path: &str, from: &str, to: &str) -> String {
    match path
        .strip_prefix(from)
        .and_then(|rest| rest.strip_prefix('/'))
    {
        Some(rest) => format!("{to}/{rest}"),
        None => path.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roots_and_absolute_urls() {
        assert_eq!(root_prefix("index.html"), "");
        assert_eq!(root_prefix("en/localities/saaba/index.html"), "../../../");
        assert_eq!(
            absolute("https://x.org/", "en/localities/saaba/index.html"),
            "https://x.org/en/localities/saaba/"
        );
        assert_eq!(
            in_language("en/updates/index.html", "en", "ar"),
            "ar/updates/index.html"
        );
    }
}
