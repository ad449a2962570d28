//! Time and evidence as readers see them (issue 16, items 5 and 6): how
//! long an overdue commitment is late, in words and local digits; the
//! latest update first on a commitment's page; the date the data is current
//! to on every page; evidence links named by their title, or by file name
//! and host.

mod common;
use common::TestSite;

/// English (default), Arabic and Nepali; data current to 2024-06-30.
const SITE: &str = "title: T\nbase_url: https://tracker.example.org/\ndefault_language: en\n\
languages:\n  - { code: en, name: English }\n  - { code: ar, name: العربية }\n  \
- { code: ne, name: नेपाली }\nas_of: 2024-06-30\n";

fn commitment(due: &str, updates: &str) -> String {
    format!(
        "---\ntitle: Pledge due {due}\npledged_by: [police]\nagreed: 2017-05-20\ndue: {due}\n\
         status: in-progress\nprogress: 30\n{updates}---\nBody.\n"
    )
}

/// One locality `l` with a commitment `d<due>` per due date.
fn site(dues: &[&str]) -> TestSite {
    let s = TestSite::empty();
    s.file("site.yaml", SITE);
    s.file(
        "localities/l/_index.md",
        "---\nname: Lalitpur\ncountry: NP\n---\n",
    );
    for due in dues {
        s.file(&format!("localities/l/d{due}.md"), &commitment(due, ""));
    }
    s
}

fn overdue_text(s: &TestSite, lang: &str, due: &str) -> String {
    let page = s.page(&format!("{lang}/localities/l/d{due}/index.html"));
    let texts = page.text_of("main .meta strong.overdue");
    assert_eq!(texts.len(), 1, "{lang} d{due}: {texts:?}");
    texts[0].clone()
}

#[test]
fn overdue_says_by_how_long_in_days_months_or_years() {
    let dues = [
        "2024-06-29",
        "2024-06-18",
        "2024-03-31",
        "2023-06-30",
        "2022-07-01",
        "2022-06-30",
        "2018-01-31",
    ];
    let s = site(&dues);
    s.build_ok();
    let en: Vec<String> = dues.iter().map(|d| overdue_text(&s, "en", d)).collect();
    assert_eq!(
        en,
        [
            "Overdue by 1 day",
            "Overdue by 12 days",
            "Overdue by 3 months",
            "Overdue by 12 months",
            "Overdue by 23 months",
            "Overdue by 2 years",
            "Overdue by 6 years",
        ]
    );
    assert_eq!(overdue_text(&s, "ne", "2018-01-31"), "म्याद नाघेको ६ वर्ष");
    assert_eq!(overdue_text(&s, "ar", "2024-06-18"), "متأخر منذ 12 يومًا");
    assert_eq!(overdue_text(&s, "ar", "2024-03-31"), "متأخر منذ 3 أشهر");
    // The cards of the overdue list say it too.
    let list = s.page("en/overdue/index.html");
    let cards = list.text_of("li.card strong.overdue");
    assert!(
        cards.contains(&"Overdue by 6 years".to_owned()),
        "{cards:?}"
    );
}

#[test]
fn the_latest_update_comes_first_then_the_history_newest_first() {
    let updates = "updates:\n  - date: 2017-09-01\n    status: in-progress\n    progress: 10\n  \
                   - date: 2019-01-01\n    status: in-progress\n    progress: 20\n  \
                   - date: 2023-05-05\n    status: in-progress\n    progress: 30\n";
    let s = site(&[]);
    s.file("localities/l/p.md", &commitment("2030-01-01", updates));
    s.build_ok();
    let page = s.page("en/localities/l/p/index.html");
    assert_eq!(
        page.text_of("main h2"),
        ["Latest update", "Earlier updates"]
    );
    assert_eq!(
        page.attrs("main section time", "datetime"),
        ["2023-05-05", "2019-01-01", "2017-09-01"]
    );
    assert_eq!(
        page.attrs("#history ~ ol time", "datetime"),
        ["2019-01-01", "2017-09-01"]
    );
}

#[test]
fn every_page_says_what_date_its_data_is_current_to() {
    let s = site(&["2024-06-18"]);
    s.file("pages/about.md", "---\ntitle: About\n---\nText.\n");
    s.build_ok();
    for rel in [
        "en/localities/index.html",
        "en/localities/l/index.html",
        "en/localities/l/d2024-06-18/index.html",
        "en/overdue/index.html",
        "en/updates/index.html",
        "en/about/index.html",
    ] {
        let footer = s.page(rel).text_of("footer").join(" ");
        assert!(
            footer.contains("Data as of June 30, 2024"),
            "{rel}: {footer}"
        );
    }
    let ne = s
        .page("ne/localities/l/index.html")
        .text_of("footer")
        .join(" ");
    assert!(ne.contains("२०२४"), "{ne}");
    // The home page shows it above its figures already, and only there.
    let home = s.read("en/index.html");
    assert_eq!(home.matches("datetime=\"2024-06-30\"").count(), 1, "{home}");
}

#[test]
fn evidence_links_say_what_they_are() {
    let updates = "updates:\n  - date: 2023-05-05\n    status: in-progress\n    sources:\n      \
                   - https://www.example.tn/docs/rapport-2024.pdf\n      \
                   - { url: \"https://example.org/news/1\", title: Press release of the governor }\n      \
                   - https://example.org/a/very/long/path/that/goes/on/and/on/\n      \
                   - https://example.org/\n";
    let s = site(&[]);
    s.file("localities/l/p.md", &commitment("2030-01-01", updates));
    s.build_ok();
    let page = s.page("en/localities/l/p/index.html");
    assert_eq!(
        page.text_of("li.update a[rel]"),
        [
            "rapport-2024.pdf · example.tn",
            "Press release of the governor",
            "example.org/a/very/long/path/…",
            "example.org",
        ]
    );
    assert_eq!(
        page.attrs("li.update a[rel]", "href")[1],
        "https://example.org/news/1"
    );
    let data = s.read("data/commitments.json");
    assert!(data.contains("Press release of the governor"), "{data}");
}

#[test]
fn a_source_mapping_needs_a_url_and_known_keys() {
    let updates = "updates:\n  - date: 2023-05-05\n    status: in-progress\n    sources:\n      \
                   - { title: No address }\n      \
                   - { url: \"https://example.org/x\", titel: Typo }\n";
    let s = site(&[]);
    s.file("localities/l/p.md", &commitment("2030-01-01", updates));
    let r = s.build();
    assert!(!r.ok());
    let err = r.stderr();
    assert!(err.contains("a source has no `url`"), "{err}");
    assert!(err.contains("localities/l/p.md:12:9"), "{err}");
    assert!(err.contains("unknown field `titel` in a source"), "{err}");
    assert!(err.contains("did you mean `title`?"), "{err}");
}
