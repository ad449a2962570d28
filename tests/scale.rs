//! National scale: a synthetic portal of a few hundred localities in
//! several countries keeps every HTML page within the page budget (14 KB
//! gzipped, with the style sheet), the home shows countries rather than every
//! locality, and the localities index is grouped by country and region and
//! paginated.

mod common;

use common::{Page, TestSite};
use flate2::Compression;
use flate2::write::GzEncoder;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The page budget: an HTML page and the style sheet, each gzipped.
const BUDGET: usize = 14 * 1024;
/// How many of the largest pages (before compression) are weighed.
const LARGEST: usize = 150;

const COUNTRIES: [&str; 6] = ["BF", "NG", "SN", "IQ", "NP", "TN"];
const LOCALITIES: usize = 900;
const PER_LOCALITY: usize = 1;
const STATUSES: [&str; 4] = ["not-started", "in-progress", "completed", "not-completed"];

const WORDS: [&str; 24] = [
    "police",
    "community",
    "patrol",
    "station",
    "women",
    "youth",
    "market",
    "night",
    "security",
    "trust",
    "dialogue",
    "meeting",
    "district",
    "road",
    "lighting",
    "court",
    "village",
    "elders",
    "desk",
    "radio",
    "school",
    "committee",
    "training",
    "residents",
];

/// `n` words picked from `seed`, deterministically (a small LCG).
fn words(seed: usize, n: usize) -> String {
    let mut x = (seed as u64).wrapping_mul(2_654_435_761) ^ 1;
    (0..n)
        .map(|_| {
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            WORDS[(x >> 33) as usize % WORDS.len()]
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A place name of three syllables (as varied as real names, which gzip
/// cannot shrink as much as repeated words).
fn place_name(seed: usize) -> String {
    const SYLLABLES: [&str; 20] = [
        "ka", "bo", "ri", "sa", "ten", "gou", "mar", "di", "lo", "zan", "ki", "ba", "nu", "ye",
        "tor", "fa", "mi", "kou", "dja", "rel",
    ];
    let mut x = (seed as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 7;
    let mut name = String::new();
    for _ in 0..3 {
        x ^= x >> 29;
        x = x.wrapping_mul(0xBF58_476D_1CE4_E5B9);
        name.push_str(SYLLABLES[(x >> 40) as usize % SYLLABLES.len()]);
    }
    let mut c = name.chars();
    c.next()
        .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
        .unwrap_or_default()
}

/// A body of about 300 words in paragraphs.
fn body(seed: usize) -> String {
    (0..6)
        .map(|p| format!("{}.\n\n", words(seed * 7 + p, 50)))
        .collect()
}

/// A portal of `LOCALITIES` localities over `COUNTRIES` (those of the first
/// three countries with regions), `PER_LOCALITY` commitments each, in
/// English, French and Arabic.
/// The portal, built once for the tests of this file.
fn built_portal() -> &'static TestSite {
    static SITE: OnceLock<TestSite> = OnceLock::new();
    SITE.get_or_init(|| {
        let site = synthetic_portal();
        site.build_ok();
        site
    })
}

fn synthetic_portal() -> TestSite {
    let s = TestSite::empty();
    s.file("site.yaml", common::SITE_YAML);
    for li in 0..LOCALITIES {
        let country = COUNTRIES[li % COUNTRIES.len()];
        let region = if li % COUNTRIES.len() < 3 {
            format!("region: Region {}\n", li % 4)
        } else {
            String::new()
        };
        let dir = format!("localities/place-{li:04}");
        let name = place_name(li);
        s.file(
            &format!("{dir}/_index.md"),
            &format!(
                "---\nname: {name} {li}\ncountry: {country}\n{region}---\n{}",
                body(li)
            ),
        );
        s.file(
            &format!("{dir}/_index.fr.md"),
            &format!("---\nname: {name} {li} fr\n---\n{}", body(li + 1)),
        );
        for ci in 0..PER_LOCALITY {
            let seed = li * PER_LOCALITY + ci;
            let status = STATUSES[seed % STATUSES.len()];
            let progress = if status == "completed" {
                100
            } else {
                seed % 90
            };
            s.file(
                &format!("{dir}/pledge-{ci}.md"),
                &format!(
                    "---\ntitle: {}\nsummary: {}\npledged_by: [police, community]\n\
                     agreed: 2019-0{}-10\ndue: 202{}-03-31\nstatus: {status}\n\
                     progress: {progress}\nupdates:\n  - date: 2020-05-01\n\
                     \x20   status: in-progress\n    progress: 10\n    note: {}\n\
                     \x20 - date: 2021-05-01\n    status: {status}\n\
                     \x20   progress: {progress}\n    note: {}\n---\n{}",
                    words(seed, 5),
                    words(seed + 1, 14),
                    1 + seed % 9,
                    seed % 6,
                    words(seed + 2, 10),
                    words(seed + 3, 10),
                    body(seed + 5),
                ),
            );
        }
    }
    s
}

fn gzipped_len(bytes: &[u8]) -> usize {
    let mut gz = GzEncoder::new(Vec::new(), Compression::default());
    gz.write_all(bytes).expect("gzip in memory");
    gz.finish().expect("gzip in memory").len()
}

fn files_with_extension(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).expect("read output folder") {
        let p = e.expect("folder entry").path();
        if p.is_dir() {
            files_with_extension(&p, ext, out);
        } else if p.extension().is_some_and(|e| e == ext) {
            out.push(p);
        }
    }
}

#[test]
fn every_page_of_a_national_portal_stays_within_the_page_budget() {
    let site = built_portal();
    let out = site.out();
    let mut css = Vec::new();
    files_with_extension(&out, "css", &mut css);
    assert_eq!(css.len(), 1, "one style sheet: {css:?}");
    let css = gzipped_len(&std::fs::read(&css[0]).expect("read the style sheet"));
    let mut pages = Vec::new();
    files_with_extension(&out, "html", &mut pages);
    assert!(pages.len() > 2000, "only {} pages", pages.len());
    // The largest pages before compression (gzip in a debug build is slow):
    // lists, indexes and the home, whatever the page kind.
    let mut by_size: Vec<(u64, PathBuf)> = pages
        .iter()
        .map(|p| (std::fs::metadata(p).expect("a page").len(), p.clone()))
        .collect();
    by_size.sort_by(|a, b| b.cmp(a));
    let mut weights: Vec<(usize, String)> = by_size
        .iter()
        .take(LARGEST)
        .map(|(_, p)| {
            let html = std::fs::read(p).expect("read a page");
            let rel = p.strip_prefix(&out).unwrap().display().to_string();
            (gzipped_len(&html) + css, rel)
        })
        .collect();
    weights.sort_by(|a, b| b.cmp(a));
    let over: Vec<String> = weights
        .iter()
        .filter(|(w, _)| *w > BUDGET)
        .map(|(w, p)| format!("{p}: {w} bytes"))
        .collect();
    let largest: Vec<String> = weights
        .iter()
        .take(5)
        .map(|(w, p)| format!("{p}: {w} bytes"))
        .collect();
    assert!(
        over.is_empty(),
        "{} of the {LARGEST} largest of {} pages weigh more than {BUDGET} bytes gzipped with the style sheet \
         ({css} bytes); the largest:\n{}",
        over.len(),
        pages.len(),
        over.iter().take(10).cloned().collect::<Vec<_>>().join("\n"),
    );
    eprintln!("largest pages (gzipped, with CSS):\n{}", largest.join("\n"));
}

#[test]
fn the_home_of_a_national_portal_shows_countries_with_their_counts() {
    let site = built_portal();
    let home = site.page("en/index.html");
    // No locality card: each country once, linking to its country page.
    assert!(
        !home.has("section[aria-labelledby=places] li.card"),
        "the home still shows every locality's card"
    );
    let countries = home.select("section[aria-labelledby=places] li.country");
    assert_eq!(countries.len(), COUNTRIES.len());
    let burkina = countries
        .iter()
        .find(|c| c.text().collect::<String>().contains("Burkina Faso"))
        .expect("Burkina Faso listed");
    let text: String = burkina.text().collect();
    let per_country = LOCALITIES / COUNTRIES.len();
    assert!(
        text.contains(&format!("{per_country} localities")),
        "no locality count in {text:?}"
    );
    let commitments = per_country * PER_LOCALITY;
    // Commitments of BF: localities 0, 6, 12, …; status cycles over STATUSES.
    let completed = (0..LOCALITIES)
        .step_by(COUNTRIES.len())
        .flat_map(|li| (0..PER_LOCALITY).map(move |ci| li * PER_LOCALITY + ci))
        .filter(|seed| STATUSES[seed % STATUSES.len()] == "completed")
        .count();
    assert!(
        text.contains(&format!(
            "{completed} of {commitments} commitments completed"
        )),
        "no headline counts in {text:?}"
    );
    let link = burkina
        .select(&scraper::Selector::parse("a").unwrap())
        .next()
        .expect("a link")
        .value()
        .attr("href")
        .unwrap()
        .to_owned();
    assert!(
        link.ends_with("country/bf/index.html"),
        "the country links to {link}"
    );
    assert!(
        burkina
            .select(&scraper::Selector::parse("[class*=status-]").unwrap())
            .next()
            .is_some(),
        "no stacked status bar"
    );
}

#[test]
fn the_localities_index_of_a_national_portal_is_grouped_and_paginated() {
    let site = built_portal();
    let first = site.page("en/localities/index.html");
    let second = site.page("en/localities/page/2/index.html");
    // Country headings, then region headings where localities have regions.
    assert!(first.has("h2"), "no country heading");
    assert!(
        first.text_of("h3").iter().any(|h| h.contains("Region")),
        "no region heading: {:?}",
        first.text_of("h3")
    );
    assert!(
        first
            .attrs("nav.pages a", "href")
            .iter()
            .any(|l| l.ends_with("page/2/index.html")),
        "no link to the second page"
    );
    assert!(second.has("nav.pages a[rel=prev]"), "no way back");
    // Every locality is on exactly one page of the index.
    let mut listed = Vec::new();
    let mut n = 1;
    loop {
        let rel = if n == 1 {
            "en/localities/index.html".to_owned()
        } else {
            format!("en/localities/page/{n}/index.html")
        };
        if !site.out().join(&rel).exists() {
            break;
        }
        let mut on_page: Vec<String> = site
            .page(&rel)
            .attrs("main a", "href")
            .into_iter()
            .filter(|l| l.contains("place-") && l.ends_with("/index.html"))
            .collect();
        on_page.dedup();
        listed.extend(on_page);
        n += 1;
    }
    let pages = n - 1;
    assert!(pages > 1, "the index is one page");
    let names: std::collections::BTreeSet<String> = listed
        .iter()
        .map(|l| l.rsplit('/').nth(1).unwrap().to_owned())
        .collect();
    assert_eq!(
        listed.len(),
        LOCALITIES,
        "links to localities over {pages} pages"
    );
    assert_eq!(names.len(), LOCALITIES, "localities over {pages} pages");
    assert!(
        second.text().contains("continued"),
        "a country group that goes on from the page before does not say so"
    );
}

#[test]
fn a_small_site_keeps_its_locality_cards_and_one_localities_page() {
    let site = TestSite::minimal();
    site.build_ok();
    let home: Page = site.page("en/index.html");
    assert!(
        home.links()
            .iter()
            .any(|l| l.ends_with("localities/saaba/index.html")),
        "the home of a small site lost its locality cards"
    );
    assert!(!site.out().join("en/localities/page/2/index.html").exists());
    assert!(!site.page("en/localities/index.html").has("nav.pages"));
}

// ---- output size: short links ----

/// Every `href` and `src` of the page at `rel` that is not absolute, a
/// fragment or mail, resolved against the page's folder.
fn resolved_links(site: &TestSite, rel: &str) -> Vec<(String, PathBuf)> {
    let page = site.page(rel);
    let folder = site.out().join(rel).parent().unwrap().to_path_buf();
    let mut links = page.attrs("[href]", "href");
    links.extend(page.attrs("[src]", "src"));
    links
        .into_iter()
        .filter(|l| !l.contains(':') && !l.starts_with('#'))
        .map(|l| {
            let path = l.split(['#', '?']).next().unwrap().to_owned();
            (l, folder.join(path))
        })
        .collect()
}

#[test]
fn internal_links_take_the_shortest_way_and_still_lead_to_their_pages() {
    let site = built_portal();
    let rel = "en/localities/place-0000/pledge-0/index.html";
    let page = site.page(rel);
    let crumbs = page.attrs("nav ol.crumbs a", "href");
    assert_eq!(crumbs, ["../../index.html", "../index.html"], "{rel}");
    for rel in [
        rel,
        "en/index.html",
        "ar/localities/page/2/index.html",
        "fr/status/completed/index.html",
        "en/localities/place-0007/index.html",
    ] {
        for (link, file) in resolved_links(site, rel) {
            assert!(file.exists(), "{rel}: {link} leads nowhere");
            assert!(
                !link.starts_with(&format!(
                    "{}{}",
                    "../".repeat(rel.matches('/').count()),
                    &rel[..3]
                )),
                "{rel}: {link} goes up to the root and back into its own language"
            );
        }
    }
}

// ---- output size: head and footer ----

#[test]
fn feeds_are_announced_where_they_belong_and_linked_from_every_footer() {
    let site = built_portal();
    let feed_in_head = "link[rel=alternate][type='application/atom+xml']";
    for rel in [
        "en/index.html",
        "en/updates/index.html",
        "en/localities/place-0000/index.html",
    ] {
        assert!(
            site.page(rel).has(feed_in_head),
            "{rel}: no feed in the head"
        );
    }
    for rel in [
        "en/localities/place-0000/pledge-0/index.html",
        "en/status/completed/index.html",
        "en/commitments/page/2/index.html",
    ] {
        let page = site.page(rel);
        assert!(
            !page.has(feed_in_head),
            "{rel}: the site's feed announced in the head of a page that is not about updates"
        );
        let footer = page.attrs("footer a", "href");
        for end in [
            "updates/atom.xml",
            "data/commitments.json",
            "data/commitments.csv",
        ] {
            assert!(
                footer.iter().any(|l| l.ends_with(end)),
                "{rel}: the footer does not link to {end}: {footer:?}"
            );
        }
        assert!(
            !page.has("footer a[type]"),
            "{rel}: the footer's links still carry a type"
        );
    }
}

// ---- output size: feeds ----

#[test]
fn feeds_are_written_without_indentation_or_default_attributes() {
    let site = built_portal();
    let feed = site.read("en/localities/place-0000/atom.xml");
    let doc = roxmltree::Document::parse(&feed).expect("the feed parses");
    let entries = doc
        .descendants()
        .filter(|n| n.has_tag_name("entry"))
        .count();
    assert_eq!(entries, PER_LOCALITY * 2, "{feed}");
    assert!(
        !feed.lines().any(|l| l.starts_with(' ')),
        "indented feed:\n{feed}"
    );
    assert!(!feed.contains("type=\"text/html\""), "{feed}");
}

// ---- the latest updates page within the budget ----

#[test]
fn the_latest_updates_page_of_a_busy_portal_stays_within_the_page_budget() {
    // 240 updates with notes of the length real ones have: more than the
    // page lists, so the page is as full as it gets.
    let site = TestSite::minimal();
    for ci in 0..120 {
        site.file(
            &format!("localities/saaba/pledge-{ci:03}.md"),
            &format!(
                "---\ntitle: {}\nsummary: {}\npledged_by: [police]\n\
                 agreed: 2019-01-10\nstatus: in-progress\nprogress: 40\nupdates:\n\
                 \x20 - date: 2020-{:02}-{:02}\n    status: in-progress\n    progress: 20\n    note: {}\n\
                 \x20 - date: 2021-{:02}-{:02}\n    status: in-progress\n    progress: 40\n    note: {}\n---\n",
                words(ci, 7),
                words(ci + 1, 14),
                1 + ci % 12,
                1 + ci % 28,
                words(ci + 2, 28),
                1 + ci % 12,
                1 + ci % 28,
                words(ci + 3, 28),
            ),
        );
    }
    site.build_ok();
    let css = gzipped_len(&std::fs::read(site.out().join("style.css")).unwrap());
    for lang in ["en", "fr"] {
        let rel = format!("{lang}/updates/index.html");
        let html = std::fs::read(site.out().join(&rel)).unwrap();
        let weight = gzipped_len(&html) + css;
        assert!(
            weight <= BUDGET,
            "{rel} weighs {weight} bytes gzipped with the CSS (budget {BUDGET})"
        );
        let listed = site.page(&rel).select("li.update").len();
        assert_eq!(listed, 100, "{rel} lists the latest 100 updates");
    }
}
