//! Feeds and the sitemap: the XML outputs.
//!
//! Atom feeds of updates (site-wide and per locality, per language) and
//! `sitemap.xml` listing every page (each page's head gives its language
//! alternates; the sitemap does not repeat them). These formats are fixed by
//! their standards, so they are written here rather than by the theme.
//! Programs read them: one element a line, without indentation, and
//! without attributes that only restate the default (an entry's link is
//! `rel="alternate"` to an HTML page), which on a national portal's 6,000
//! feeds is megabytes.

use crate::derive::{Derived, URef};
use crate::model::Site;
use crate::render::{Page, Renderer};
use crate::text::escape_xml;
use crate::urls;
use rayon::prelude::*;
use std::fmt::Write;

/// How many entries a feed carries.
pub(crate) const FEED_ENTRIES: usize = 50;

/// An Atom feed: the site's updates (`locality: None`) or one locality's.
pub(crate) fn atom(
    site: &Site,
    derived: &Derived,
    renderer: &Renderer,
    li: usize,
    locality: Option<usize>,
) -> String {
    let config = &site.config;
    let lang = &config.languages[li].code;
    let strings = renderer.strings();
    let site_title = renderer.lt(&config.title, li).text;
    let (title, self_path, alternate_path) = match locality {
        None => (
            strings.get(
                lang,
                "feed-site-title",
                &[("site", crate::i18n::Arg::Str(site_title.clone()))],
            ),
            urls::site_feed(lang),
            urls::updates(lang),
        ),
        Some(i) => {
            let loc = &site.localities[i];
            (
                strings.get(
                    lang,
                    "feed-locality-title",
                    &[
                        ("site", crate::i18n::Arg::Str(site_title.clone())),
                        (
                            "locality",
                            crate::i18n::Arg::Str(renderer.lt(&loc.name, li).text),
                        ),
                    ],
                ),
                urls::locality_feed(lang, &loc.id),
                urls::locality(lang, &loc.id),
            )
        }
    };
    let all = match locality {
        None => &derived.latest_updates,
        Some(i) => &derived.updates_by_locality[i],
    };
    let entries: Vec<URef> = all.iter().take(FEED_ENTRIES).copied().collect();
    let updated = entries
        .first()
        .map(|u| site.commitment(u.commitment).updates[u.update].date)
        .unwrap_or(config.as_of);
    let mut x = String::new();
    x.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    let _ = writeln!(
        x,
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">",
        escape_xml(lang)
    );
    let _ = writeln!(x, "<title>{}</title>", escape_xml(&title));
    let _ = writeln!(
        x,
        "<id>{}</id>",
        escape_xml(&urls::absolute(&config.base_url, &self_path))
    );
    let _ = writeln!(
        x,
        "<link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>",
        escape_xml(&urls::absolute(&config.base_url, &self_path))
    );
    let _ = writeln!(
        x,
        "<link rel=\"alternate\" href=\"{}\"/>",
        escape_xml(&urls::absolute(&config.base_url, &alternate_path))
    );
    let _ = writeln!(x, "<updated>{updated}T00:00:00Z</updated>");
    let _ = writeln!(
        x,
        "<author><name>{}</name></author>",
        escape_xml(&site_title)
    );
    let _ = writeln!(x, "<generator>pledgeboard</generator>");
    for u in entries {
        let c = site.commitment(u.commitment);
        let update = &c.updates[u.update];
        let page = urls::commitment(lang, &c.locality, &c.id);
        let url = urls::absolute(&config.base_url, &page);
        let status = renderer.status_label(li, &update.status);
        let ctitle = renderer.lt(&c.title, li).text;
        let mut summary = status.clone();
        if let Some(p) = update.progress {
            let _ = write!(summary, " ({p}%)");
        }
        if let Some(note) = &update.note {
            let _ = write!(summary, ": {}", renderer.lt(note, li).text);
        }
        x.push_str("<entry>\n");
        let _ = writeln!(
            x,
            "<title>{} — {}</title>",
            escape_xml(&ctitle),
            escape_xml(&status)
        );
        let _ = writeln!(
            x,
            "<id>{}#update-{}{}</id>",
            escape_xml(&url),
            update.date,
            assessor_suffix(c, update)
        );
        let _ = writeln!(x, "<link rel=\"alternate\" href=\"{}\"/>", escape_xml(&url));
        let _ = writeln!(x, "<updated>{}T00:00:00Z</updated>", update.date);
        let _ = writeln!(x, "<summary>{}</summary>", escape_xml(&summary));
        let _ = writeln!(x, "<category term=\"{}\"/>", escape_xml(&update.status));
        x.push_str("</entry>\n");
    }
    x.push_str("</feed>\n");
    x
}

/// The most URLs one sitemap file may list (the sitemaps protocol's limit).
pub(crate) const SITEMAP_MAX_URLS: usize = 50_000;

/// How many URLs the sitemap lists for `pages`: the site root, then every
/// page of every language.
pub(crate) fn sitemap_urls(pages: &[Page]) -> usize {
    1 + pages.iter().filter(|p| p.in_sitemap()).count()
}

/// The sitemap file names for `urls` URLs: `sitemap.xml` alone, or, past
/// [`SITEMAP_MAX_URLS`], `sitemap.xml` as an index of `sitemap-1.xml`, … .
pub(crate) fn sitemap_files(urls: usize, max_urls: usize) -> Vec<String> {
    let mut names = vec![urls::SITEMAP.to_owned()];
    if urls > max_urls {
        names.extend((1..=urls.div_ceil(max_urls)).map(|n| format!("sitemap-{n}.xml")));
    }
    names
}

/// The sitemap: every page of every language, as (file, XML) pairs named
/// by [`sitemap_files`]. `paths` are the pages' output paths, in the order
/// of `pages`. The `hreflang` alternates of each page are in its head
/// (`base.html`), which search engines read as they would the sitemap's:
/// said once, not twice (on a portal of 60,000 pages, 30 MB).
pub(crate) fn sitemaps(site: &Site, pages: &[Page], paths: &[String]) -> Vec<(String, String)> {
    let config = &site.config;
    let mut entries = vec![format!(
        "<url><loc>{}</loc></url>\n",
        escape_xml(&config.base_url)
    )];
    entries.par_extend(pages.par_iter().zip(paths).filter_map(|(page, path)| {
        page.in_sitemap().then(|| {
            format!(
                "<url><loc>{}</loc></url>\n",
                escape_xml(&urls::absolute(&config.base_url, path))
            )
        })
    }));
    split_sitemap(&entries, &config.base_url, SITEMAP_MAX_URLS)
}

/// Puts `<url>` entries into one sitemap, or into files of at most
/// `max_urls` entries listed by a sitemap index.
fn split_sitemap(entries: &[String], base_url: &str, max_urls: usize) -> Vec<(String, String)> {
    const HEAD: &str = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
    let urlset = |chunk: &[String]| {
        let mut x =
            String::with_capacity(HEAD.len() + chunk.iter().map(String::len).sum::<usize>() + 12);
        x.push_str(HEAD);
        for e in chunk {
            x.push_str(e);
        }
        x.push_str("</urlset>\n");
        x
    };
    let names = sitemap_files(entries.len(), max_urls);
    if names.len() == 1 {
        return vec![(names[0].clone(), urlset(entries))];
    }
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let mut out = Vec::new();
    for (name, chunk) in names[1..].iter().zip(entries.chunks(max_urls)) {
        let _ = writeln!(
            index,
            "  <sitemap><loc>{}</loc></sitemap>",
            escape_xml(&urls::absolute(base_url, name))
        );
        out.push((name.clone(), urlset(chunk)));
    }
    index.push_str("</sitemapindex>\n");
    out.insert(0, (names[0].clone(), index));
    out
}

/// What tells an update's entry id apart from another update of the same
/// commitment and date (several parties' assessments of one review): `-`
/// and who assessed it. The update alone on its date, and the leading
/// assessment of those sharing it (`reviews::leading`), keep
/// `#update-<date>`, so an entry's id stays when other parties' assessments
/// are added beside it.
fn assessor_suffix(c: &crate::model::Commitment, u: &crate::model::Update) -> String {
    let same_date: Vec<&crate::model::Update> =
        c.updates.iter().filter(|o| o.date == u.date).collect();
    let leads = crate::reviews::leading(&same_date).is_some_and(|l| std::ptr::eq(*l, u));
    match u.assessed_by {
        Some(a) if !leads => format!("-{}", a.as_str()),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sitemap_past_the_limit_becomes_an_index_of_files() {
        let entries: Vec<String> = (0..5)
            .map(|i| format!("  <url><loc>u{i}</loc></url>\n"))
            .collect();
        let one = split_sitemap(&entries, "https://t.example.org/", 5);
        assert_eq!(one.len(), 1);
        assert_eq!(one[0].0, "sitemap.xml");
        assert_eq!(one[0].1.matches("<url>").count(), 5);
        let split = split_sitemap(&entries, "https://t.example.org/", 2);
        let names: Vec<&str> = split.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "sitemap.xml",
                "sitemap-1.xml",
                "sitemap-2.xml",
                "sitemap-3.xml"
            ]
        );
        assert!(split[0].1.contains("<sitemapindex"));
        assert!(
            split[0]
                .1
                .contains("<loc>https://t.example.org/sitemap-3.xml</loc>")
        );
        let counts: Vec<usize> = split[1..]
            .iter()
            .map(|(_, x)| x.matches("<url>").count())
            .collect();
        assert_eq!(counts, [2, 2, 1]);
        for (_, x) in &split {
            roxmltree::Document::parse(x).expect("well-formed XML");
        }
        assert_eq!(sitemap_files(50_000, SITEMAP_MAX_URLS), ["sitemap.xml"]);
        assert_eq!(sitemap_files(73_656, SITEMAP_MAX_URLS).len(), 3);
    }
}
