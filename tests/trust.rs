//! Trust signals and publishing: the footer's publisher, contact,
//! corrections and licence in every language, the about page's licence,
//! the theme's accessibility statement (and a site's own), the `check`
//! warning for a site without a licence, and `build --base-url`.

mod common;

use common::{Page, TestSite};

// -- build --base-url ------------------------------------------------------

/// `build --base-url` replaces site.yaml's `base_url` in every absolute
/// URL: the sitemap, canonical and `hreflang` links.
#[test]
fn base_url_option_replaces_site_yaml_address() {
    let s = TestSite::minimal();
    let r = s.run(&["build", "--base-url", "https://preview.example.net/pr-7"]);
    assert!(r.ok(), "{}", r.stderr());
    let sitemap = s.read("sitemap.xml");
    assert!(
        sitemap.contains("<loc>https://preview.example.net/pr-7/en/</loc>"),
        "{sitemap}"
    );
    assert!(!sitemap.contains("tracker.example.org"), "{sitemap}");
    let home = Page::parse(&s.read("fr/index.html"));
    assert_eq!(
        home.attrs("link[rel=canonical]", "href"),
        ["https://preview.example.net/pr-7/fr/"]
    );
    let alternates = home.attrs("link[hreflang]", "href");
    assert!(
        alternates
            .iter()
            .all(|a| a.starts_with("https://preview.example.net/pr-7/")),
        "{alternates:?}"
    );
}

/// A second build without the option goes back to site.yaml's address:
/// the override is part of what the pages are made from.
#[test]
fn base_url_option_is_not_kept_by_the_next_build() {
    let s = TestSite::minimal();
    let r = s.run(&["build", "--base-url", "https://preview.example.net/"]);
    assert!(r.ok(), "{}", r.stderr());
    s.build_ok();
    assert!(
        s.read("sitemap.xml")
            .contains("<loc>https://tracker.example.org/en/</loc>")
    );
    let home = Page::parse(&s.read("en/index.html"));
    assert_eq!(
        home.attrs("link[rel=canonical]", "href"),
        ["https://tracker.example.org/en/"]
    );
}

/// An address that is not one is refused as site.yaml's would be, and
/// nothing is written.
#[test]
fn base_url_option_that_is_not_an_address_is_an_error() {
    let s = TestSite::minimal();
    let r = s.run(&["build", "--base-url", "preview.example.net"]);
    assert_eq!(r.code(), Some(1));
    assert!(!s.out().exists(), "the output folder was written");
    insta::assert_snapshot!(r.stderr());
}

/// The GitHub Pages workflow of docs/PUBLISHING.md is valid YAML, builds
/// with `--base-url` from the Pages address and deploys with the Pages
/// actions.
#[test]
fn github_pages_workflow_builds_with_the_pages_address() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/docs/examples/github-pages.yml"
    );
    let text = std::fs::read_to_string(path).unwrap();
    let workflow: serde_yaml::Value = serde_yaml::from_str(&text).expect("valid YAML");
    let steps = |job: &str| -> Vec<serde_yaml::Value> {
        workflow["jobs"][job]["steps"]
            .as_sequence()
            .unwrap_or_else(|| panic!("job {job} has steps"))
            .clone()
    };
    let uses = |job: &str| -> Vec<String> {
        steps(job)
            .iter()
            .filter_map(|s| s["uses"].as_str().map(str::to_owned))
            .collect()
    };
    let build = uses("build");
    assert!(
        build
            .iter()
            .any(|u| u.starts_with("actions/configure-pages@")),
        "{build:?}"
    );
    assert!(
        build
            .iter()
            .any(|u| u.starts_with("actions/upload-pages-artifact@")),
        "{build:?}"
    );
    assert!(
        uses("deploy")
            .iter()
            .any(|u| u.starts_with("actions/deploy-pages@"))
    );
    let runs: Vec<String> = steps("build")
        .iter()
        .filter_map(|s| s["run"].as_str().map(str::to_owned))
        .collect();
    assert!(
        runs.iter()
            .any(|r| r.contains("pledgeboard build") && r.contains("--base-url \"$BASE_URL\"")),
        "{runs:?}"
    );
}

// -- the accessibility statement -------------------------------------------

/// A site in the five languages of the built-in theme.
fn five_languages() -> TestSite {
    let s = TestSite::minimal();
    s.file(
        "site.yaml",
        "title: Test tracker\nbase_url: https://tracker.example.org/\ndefault_language: en\n\
         languages:\n  - { code: en, name: English }\n  - { code: fr, name: Français }\n\
         \x20 - { code: ar, name: العربية }\n  - { code: ne, name: नेपाली }\n\
         \x20 - { code: ha, name: Hausa }\nas_of: 2024-06-30\n",
    );
    s
}

/// The theme's accessibility statement is written in every language, in
/// that language, linked from every footer and listed in the sitemap.
#[test]
fn accessibility_statement_in_every_language() {
    let s = five_languages();
    s.build_ok();
    let titles = [
        ("en", "Accessibility statement"),
        ("fr", "Déclaration d’accessibilité"),
        ("ar", "بيان إمكانية الوصول"),
        ("ne", "पहुँचयोग्यता विवरण"),
        ("ha", "Sanarwar samun dama"),
    ];
    let sitemap = s.read("sitemap.xml");
    for (lang, title) in titles {
        let page = Page::parse(&s.read(&format!("{lang}/accessibility/index.html")));
        assert_eq!(page.text_of("main h1"), [title], "{lang}");
        // What it does, its limits, how to report a problem.
        assert_eq!(page.select("main h2").len(), 3, "{lang}");
        assert!(page.text().contains("axe-core"), "{lang}");
        let home = Page::parse(&s.read(&format!("{lang}/index.html")));
        assert!(
            home.attrs("footer a", "href")
                .contains(&"accessibility/index.html".to_owned()),
            "{lang}: {:?}",
            home.attrs("footer a", "href")
        );
        assert!(
            sitemap.contains(&format!(
                "<loc>https://tracker.example.org/{lang}/accessibility/</loc>"
            )),
            "{lang}"
        );
    }
}

/// A site's own free page `accessibility` replaces the theme's statement.
#[test]
fn a_site_accessibility_page_replaces_the_theme_statement() {
    let s = TestSite::minimal();
    s.file(
        "pages/accessibility.md",
        "---\ntitle: Our accessibility\n---\nCall us if anything is hard to read.\n",
    );
    s.build_ok();
    let page = Page::parse(&s.read("en/accessibility/index.html"));
    assert_eq!(page.text_of("main h1"), ["Our accessibility"]);
    assert!(page.text().contains("Call us if anything is hard to read."));
    assert!(!page.text().contains("axe-core"));
    // The footer still links it, once.
    let home = Page::parse(&s.read("en/index.html"));
    let links = home.attrs("footer a", "href");
    assert_eq!(
        links
            .iter()
            .filter(|h| *h == "accessibility/index.html")
            .count(),
        1,
        "{links:?}"
    );
}
