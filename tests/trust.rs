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

// -- the footer, the about page, the licence warning -------------------------

/// site.yaml's trust signals, in the three languages of `TestSite::minimal`
/// (corrections untranslated into Arabic).
const TRUST: &str = "\
publisher:
  name: { en: Saaba Network, fr: Réseau de Saaba, ar: شبكة سابا }
  url: https://network.example.org/
  logo: logo.svg
contact:
  email: tracker@example.org
  phone: \"+226 25 00 00 00\"
  messaging: \"+226 70 00 00 00\"
corrections:
  en: Tell us at the next dialogue session.
  fr: Dites-le-nous à la prochaine séance du dialogue.
";

fn with_trust() -> TestSite {
    let s = TestSite::minimal();
    s.file("site.yaml", &format!("{}{TRUST}", common::SITE_YAML));
    s.file(
        "static/logo.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    s.file("pages/about.md", "---\ntitle: About\n---\nWho we are.\n");
    s.build_ok();
    s
}

/// Every page's footer, in each language, names the publisher (linked,
/// with its logo), the contact (mailto:, tel:, the messaging number as
/// text), how to report an error, the licence and the accessibility page.
#[test]
fn footer_shows_the_trust_signals_in_every_language() {
    let s = with_trust();
    let cases = [
        (
            "en",
            "Saaba Network",
            "Tell us at the next dialogue session.",
            "WhatsApp",
        ),
        (
            "fr",
            "Réseau de Saaba",
            "Dites-le-nous à la prochaine séance du dialogue.",
            "WhatsApp",
        ),
        (
            "ar",
            "شبكة سابا",
            "Tell us at the next dialogue session.",
            "واتساب",
        ),
    ];
    for (lang, name, corrections, messaging) in cases {
        for rel in ["index.html", "localities/saaba/joint-patrols/index.html"] {
            let page = Page::parse(&s.read(&format!("{lang}/{rel}")));
            let at = format!("{lang}/{rel}");
            let publisher = page.select("footer .publisher a");
            assert_eq!(publisher.len(), 1, "{at}");
            assert_eq!(
                publisher[0].attr("href"),
                Some("https://network.example.org/")
            );
            assert_eq!(page.text_of("footer .publisher a"), [name], "{at}");
            let logo = page.select("footer img.logo");
            assert_eq!(logo[0].attr("alt"), Some(name), "{at}");
            assert!(logo[0].attr("src").unwrap().ends_with("logo.svg"), "{at}");
            let hrefs = page.attrs("footer a", "href");
            assert!(
                hrefs.contains(&"mailto:tracker@example.org".to_owned()),
                "{at}"
            );
            assert!(hrefs.contains(&"tel:+22625000000".to_owned()), "{at}");
            let footer = page.text_of("footer").join(" ");
            assert!(footer.contains("+226 70 00 00 00"), "{at}: {footer}");
            assert!(footer.contains(messaging), "{at}: {footer}");
            assert!(footer.contains(corrections), "{at}: {footer}");
            let license = page.select("footer a[rel=license]");
            assert_eq!(
                license[0].attr("href"),
                Some("https://creativecommons.org/licenses/by/4.0/"),
                "{at}"
            );
            assert_eq!(page.text_of("footer a[rel=license]"), ["CC BY 4.0"], "{at}");
        }
    }
    // The labels are the page's language's.
    let fr = Page::parse(&s.read("fr/index.html"))
        .text_of("footer")
        .join(" ");
    assert!(fr.contains("Publié par"), "{fr}");
    assert!(fr.contains("Données et textes"), "{fr}");
    let ar = Page::parse(&s.read("ar/index.html"));
    // The Arabic page shows the English corrections marked as English.
    assert!(ar.has("footer .trust span[lang=en]"));
    assert!(ar.text_of("footer").join(" ").contains("ينشرها"));
}

/// Without the fields, the footer has no trust block, no licence line,
/// and still the accessibility link; a contact without `corrections`
/// gets the theme's sentence.
#[test]
fn footer_without_the_fields_and_with_a_contact_only() {
    let s = TestSite::minimal();
    s.build_ok();
    let page = Page::parse(&s.read("en/index.html"));
    assert!(!page.has("footer .trust"));
    assert!(
        page.has("footer a[rel=license]"),
        "the minimal site has a licence"
    );
    assert!(
        page.attrs("footer a", "href")
            .contains(&"accessibility/index.html".to_owned())
    );
    s.file(
        "site.yaml",
        &format!(
            "{}contact: {{ email: tracker@example.org }}\n",
            common::SITE_YAML
        ),
    );
    s.build_ok();
    for (lang, sentence) in [
        ("en", "Tell us through the contact above."),
        ("fr", "Dites-le-nous par le contact ci-dessus."),
    ] {
        let page = Page::parse(&s.read(&format!("{lang}/index.html")));
        assert!(!page.has("footer .publisher"), "{lang}");
        let footer = page.text_of("footer .trust").join(" ");
        assert!(footer.contains(sentence), "{lang}: {footer}");
        assert!(footer.contains("tracker@example.org"), "{lang}: {footer}");
    }
}

/// The free page `about` shows the licence and the open-data files after
/// its content; another free page does not. The accessibility statement
/// gives the contact to report a problem.
#[test]
fn about_page_shows_the_licence_and_the_data() {
    let s = with_trust();
    let about = Page::parse(&s.read("fr/about/index.html"));
    assert_eq!(about.text_of("main .reuse h2"), ["Réutiliser les données"]);
    let license = about.select("main .reuse a[rel=license]");
    assert_eq!(
        license[0].attr("href"),
        Some("https://creativecommons.org/licenses/by/4.0/")
    );
    let data: Vec<String> = about
        .attrs("main .reuse a", "href")
        .into_iter()
        .filter(|h| h.contains("data/"))
        .collect();
    assert_eq!(
        data,
        [
            "../../data/commitments.json",
            "../../data/commitments.csv",
            "../../data/updates.csv",
            "../../data/localities.csv",
            "../../data/datapackage.json"
        ]
    );
    s.file("pages/methods.md", "---\ntitle: Methods\n---\nHow.\n");
    s.build_ok();
    assert!(!Page::parse(&s.read("en/methods/index.html")).has("main .reuse"));
    let a11y = Page::parse(&s.read("en/accessibility/index.html"));
    assert!(
        a11y.attrs("main a", "href")
            .contains(&"mailto:tracker@example.org".to_owned())
    );
}

/// Without a licence, the about page says reuse needs asking.
#[test]
fn about_page_without_a_licence_says_so() {
    let s = TestSite::minimal();
    s.file("site.yaml", &no_license());
    s.file("pages/about.md", "---\ntitle: About\n---\nWho we are.\n");
    s.build_ok();
    let about = Page::parse(&s.read("en/about/index.html")).text_of("main .reuse");
    assert!(
        about.join(" ").contains("No licence has been given"),
        "{about:?}"
    );
}

/// The minimal site's site.yaml without its licence.
fn no_license() -> String {
    let yaml: String = common::SITE_YAML
        .lines()
        .filter(|l| !l.starts_with("license:"))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_ne!(yaml, common::SITE_YAML);
    yaml
}

/// `check` and `build` warn about a site without a licence, and succeed.
#[test]
fn a_site_without_a_licence_gets_a_warning() {
    let s = TestSite::minimal();
    s.file("site.yaml", &no_license());
    let check = s.run(&["check"]);
    assert!(check.ok(), "{}", check.stderr());
    insta::assert_snapshot!(check.stderr());
    let build = s.build_ok();
    assert_eq!(build.stderr(), check.stderr());
    // With a licence: no warning.
    let s = TestSite::minimal();
    assert_eq!(s.run(&["check"]).stderr(), "");
}
