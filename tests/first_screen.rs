//! The first screen (issue 16): the headline sentence ("10 of 36
//! commitments completed · 10 overdue") in each language with its plurals
//! and digits, the stacked status bar and its legend whose numbers are the
//! content's, the compact header with its menu, and one `<h1>` per page
//! that is not the site's title.

mod common;
use common::{Page, TestSite};
use std::path::Path;

/// The statuses of the content model, in order (the demo keeps them); only
/// `completed` counts as done.
const STATUSES: [&str; 7] = [
    "not-started",
    "in-progress",
    "stalled",
    "suspended",
    "completed",
    "not-completed",
    "withdrawn",
];

fn page(out: &Path, rel: &str) -> Page {
    Page::parse(&std::fs::read_to_string(out.join(rel)).unwrap())
}

/// What the open data says about the commitments `keep` selects: how many
/// per status (in status order), how many done, how many overdue.
struct Tally {
    per_status: Vec<(String, usize)>,
    total: usize,
    done: usize,
    overdue: usize,
}

fn tally(out: &Path, keep: impl Fn(&serde_json::Value) -> bool) -> Tally {
    let json: Vec<serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(out.join("data/commitments.json")).unwrap())
            .unwrap();
    let kept: Vec<&serde_json::Value> = json.iter().filter(|r| keep(r)).collect();
    let count = |s: &str| kept.iter().filter(|r| r["status"] == s).count();
    Tally {
        per_status: STATUSES.iter().map(|s| (s.to_string(), count(s))).collect(),
        total: kept.len(),
        done: count("completed"),
        overdue: kept.iter().filter(|r| r["overdue"] == true).count(),
    }
}

/// ASCII digits written with Devanagari ones.
fn devanagari(s: &str) -> String {
    s.chars()
        .map(|c| match c.to_digit(10) {
            Some(d) => char::from_u32(0x966 + d).unwrap(),
            None => c,
        })
        .collect()
}

/// The first paragraph of `main` in large type: the headline.
fn headline(p: &Page) -> String {
    p.text_of("main p.big")
        .into_iter()
        .next()
        .unwrap_or_default()
}

/// The bar's segments: each one's status and the count it stands for.
fn segments(p: &Page) -> Vec<(String, usize)> {
    p.select("main .stack > span")
        .iter()
        .map(|s| {
            let class = s.value().attr("class").unwrap_or("");
            let status = class
                .split(' ')
                .find_map(|c| c.strip_prefix("status-"))
                .unwrap_or_else(|| panic!("a segment without a status: {class}"));
            let style = s.value().attr("style").unwrap_or("");
            let count = style
                .strip_prefix("flex:")
                .and_then(|n| n.parse().ok())
                .unwrap_or_else(|| panic!("a segment whose size is not a count: {style}"));
            (status.to_owned(), count)
        })
        .collect()
}

/// The bar and legend of a page agree with the open data: one segment per
/// status that has commitments, in status order, sized by its count; the
/// legend says each count and share.
fn assert_bar(p: &Page, t: &Tally, what: &str) {
    let nonzero: Vec<(String, usize)> = t
        .per_status
        .iter()
        .filter(|(_, n)| *n > 0)
        .cloned()
        .collect();
    assert_eq!(segments(p), nonzero, "{what}: the bar's segments");
    assert!(
        p.has("main .stack[aria-hidden=true]"),
        "{what}: the bar is drawn for the eye, its legend says it in words"
    );
    let legend = p.text_of("main ul.legend > li");
    for (status, n) in &nonzero {
        let share = (n * 100 + t.total / 2) / t.total;
        let label = status_label(status);
        let item = format!("{label} {n} · {share}%");
        assert!(legend.contains(&item), "{what}: no `{item}` in {legend:?}");
    }
}

fn status_label(id: &str) -> String {
    let mut s = id.replace('-', " ");
    s[..1].make_ascii_uppercase();
    s
}

#[test]
fn the_headline_says_how_far_along_in_each_language() {
    let (_tmp, out) = common::build_demo();
    let all = tally(&out, |_| true);
    let (done, total, late) = (all.done, all.total, all.overdue);
    assert!(done > 1 && total > 11 && late > 1, "the demo has changed");
    let expect = [
        (
            "en",
            format!("{done} of {total} commitments completed · {late} overdue"),
        ),
        (
            "fr",
            format!("{done} engagements réalisés sur {total} · {late} en retard"),
        ),
        // The demo's Arabic keeps Latin digits (no `locale:`); 36 takes the
        // "many" form of the noun.
        (
            "ar",
            format!("أُنجز {done} من أصل {total} التزامًا · المتأخرة: {late}"),
        ),
        (
            "ne",
            devanagari(&format!(
                "{total} मध्ये {done} प्रतिबद्धता सम्पन्न · {late} म्याद नाघेका"
            )),
        ),
    ];
    for (lang, want) in expect {
        let home = page(&out, &format!("{lang}/index.html"));
        assert_eq!(headline(&home), want, "{lang} home");
        // The overdue part links to the overdue list.
        let hrefs = home.attrs("main p.big a.overdue", "href");
        let targets: Vec<String> = hrefs
            .iter()
            .map(|h| common::resolve(&format!("{lang}/index.html"), h))
            .collect();
        assert_eq!(targets, [format!("{lang}/overdue/index.html")], "{lang}");
    }
    // A locality and a country say the same of their own commitments.
    let saaba = tally(&out, |r| r["locality"] == "saaba");
    assert_eq!(
        headline(&page(&out, "en/localities/saaba/index.html")),
        format!(
            "{} of {} commitments completed · {} overdue",
            saaba.done, saaba.total, saaba.overdue
        )
    );
    let bf = tally(&out, |r| r["country"] == "BF");
    assert_eq!(
        headline(&page(&out, "ne/country/bf/index.html")),
        devanagari(&format!(
            "{} मध्ये {} प्रतिबद्धता सम्पन्न · {} म्याद नाघेका",
            bf.total, bf.done, bf.overdue
        ))
    );
}

#[test]
fn the_status_bar_counts_what_the_content_holds() {
    let (_tmp, out) = common::build_demo();
    assert_bar(&page(&out, "en/index.html"), &tally(&out, |_| true), "home");
    // The home's legend is its table of statuses: every status, zero
    // counts too, each linking to its list.
    let home = page(&out, "en/index.html");
    assert_eq!(
        home.attrs("main ul.legend a", "href")
            .iter()
            .map(|h| common::resolve("en/index.html", h))
            .collect::<Vec<_>>(),
        STATUSES
            .iter()
            .map(|s| format!("en/status/{s}/index.html"))
            .collect::<Vec<_>>()
    );
    for loc in ["saaba", "jos-north", "zawiya"] {
        let t = tally(&out, |r| r["locality"] == loc);
        assert_bar(
            &page(&out, &format!("en/localities/{loc}/index.html")),
            &t,
            loc,
        );
    }
    let t = tally(&out, |r| r["country"] == "NG");
    assert_bar(&page(&out, "en/country/ng/index.html"), &t, "Nigeria");
    // Other lists show no bar.
    assert!(!page(&out, "en/status/completed/index.html").has(".stack"));
}

#[test]
fn arabic_headlines_take_plural_forms_and_the_sites_digits() {
    let s = TestSite::empty();
    s.file(
        "site.yaml",
        "title:\n  en: Test tracker\n  ar: متتبع الاختبار\nbase_url: https://t.example.org/\n\
         default_language: en\nlanguages:\n  - { code: en, name: English }\n  \
         - { code: ar, name: العربية, locale: ar-u-nu-arab }\nas_of: 2024-06-30\n",
    );
    s.file("localities/l/_index.md", "---\nname: L\ncountry: IQ\n---\n");
    for (i, status) in ["completed", "completed", "in-progress"].iter().enumerate() {
        s.file(
            &format!("localities/l/c{i}.md"),
            &format!(
                "---\ntitle: Pledge {i}\npledged_by: [police]\nagreed: 2017-05-20\n\
                 due: 2018-01-31\nstatus: {status}\n---\nBody.\n"
            ),
        );
    }
    s.build_ok();
    assert_eq!(
        headline(&s.page("ar/index.html")),
        "أُنجز ٢ من أصل ٣ التزامات · المتأخرة: ١"
    );
    assert_eq!(
        headline(&s.page("en/index.html")),
        "2 of 3 commitments completed · 1 overdue"
    );
}

#[test]
fn one_heading_per_page_and_not_the_sites_title() {
    let (_tmp, out) = common::build_demo();
    for lang in ["en", "fr", "ar", "ne"] {
        for rel in [
            "index.html",
            "localities/index.html",
            "localities/saaba/index.html",
            "country/bf/index.html",
            "overdue/index.html",
        ] {
            let p = page(&out, &format!("{lang}/{rel}"));
            assert_eq!(p.select("h1").len(), 1, "{lang}/{rel}");
        }
        let home = page(&out, &format!("{lang}/index.html"));
        let title = home.text_of("header .brand").join("");
        assert!(!title.is_empty());
        assert_ne!(
            home.text_of("h1"),
            [title],
            "{lang}: the home repeats the title"
        );
    }
}

#[test]
fn the_menu_folds_behind_a_summary_without_scripts() {
    let (_tmp, out) = common::build_demo();
    for lang in ["en", "ar"] {
        let p = page(&out, &format!("{lang}/localities/saaba/index.html"));
        assert!(p.has("header details > summary"), "{lang}");
        // The menu's links are inside it; the brand and the languages are not.
        let menu = p.attrs("header details > nav.main a", "href");
        let page_rel = format!("{lang}/localities/saaba/index.html");
        assert!(
            menu.iter()
                .any(|h| common::resolve(&page_rel, h) == format!("{lang}/localities/index.html")),
            "{lang}: {menu:?}"
        );
        assert!(!p.has("details .brand, details .langs"));
        assert!(!p.has("script"));
    }
}

#[test]
fn a_countrys_bar_counts_the_pages_it_does_not_show() {
    let s = TestSite::empty();
    s.file(
        "site.yaml",
        "title:\n  en: Test tracker\nbase_url: https://t.example.org/\n\
         default_language: en\nlanguages:\n  - { code: en, name: English }\nas_of: 2024-06-30\n",
    );
    s.file("localities/l/_index.md", "---\nname: L\ncountry: IQ\n---\n");
    let pledge = |status: &str| {
        format!(
            "---\ntitle: Pledge\npledged_by: [police]\nagreed: 2017-05-20\n\
             status: {status}\n---\nBody.\n"
        )
    };
    // 51 commitments: the list takes two pages, the last one alone on the second.
    for i in 0..51 {
        s.file(&format!("localities/l/c{i:02}.md"), &pledge("in-progress"));
    }
    s.build_ok();
    let first = "en/country/iq/index.html";
    assert!(headline(&s.page(first)).starts_with("0 of 51 commitments completed"));
    // Completing the one on the second page changes the first page's bar.
    s.file("localities/l/c50.md", &pledge("completed"));
    s.build_ok();
    let page = s.page(first);
    assert!(
        headline(&page).starts_with("1 of 51 commitments completed"),
        "{}",
        headline(&page)
    );
    assert_eq!(
        segments(&page),
        [("in-progress".to_owned(), 50), ("completed".to_owned(), 1)]
    );
}
