//! Country names (issue 16): site.yaml's name in the page's language, else
//! the theme's `country-<CODE>` string in that language, else CLDR's name
//! in that language, else site.yaml's name in the default language, else
//! the code. The same name shows in headings, cards and the maps' titles.

mod common;
use common::{COMMITMENT, Page, TestSite};

const SITE: &str = "\
title:
  en: Test tracker
  fr: Suivi de test
  ar: متتبع الاختبار
  ne: परीक्षण ट्र्याकर
  ha: Mai bin diddigi
base_url: https://tracker.example.org/
default_language: en
languages:
  - { code: en, name: English }
  - { code: fr, name: Français }
  - { code: ar, name: العربية }
  - { code: ne, name: नेपाली }
  - { code: ha, name: Hausa }
as_of: 2024-06-30
";

/// A site with a locality in each country of `codes` (the first, in
/// Burkina Faso, placed on the map) and `countries` as site.yaml's
/// `countries:` (none when empty).
fn site(codes: &[&str], countries: &str) -> TestSite {
    let s = TestSite::empty();
    s.file("site.yaml", &format!("{SITE}{countries}"));
    for (i, code) in codes.iter().enumerate() {
        let coordinates = if *code == "BF" {
            "coordinates: [12.3686, -1.4203]\n"
        } else {
            ""
        };
        s.file(
            &format!("localities/town-{i}/_index.md"),
            &format!("---\nname: Town {i}\ncountry: {code}\n{coordinates}---\nA town.\n"),
        );
        s.file(&format!("localities/town-{i}/patrols.md"), COMMITMENT);
    }
    s.build_ok();
    s
}

/// The heading of country `code`'s page in `lang`, without the marks that
/// isolate a name of the other direction.
fn country_heading(s: &TestSite, lang: &str, code: &str) -> String {
    let p = s.page(&format!(
        "{lang}/country/{}/index.html",
        code.to_lowercase()
    ));
    p.text_of("h1")
        .join(" ")
        .replace(['\u{2068}', '\u{2069}'], "")
}

/// The title of the map on a page (its accessible name).
fn map_title(p: &Page) -> String {
    let svg = &p.select("figure.map svg")[0];
    let id = svg.value().attr("aria-labelledby").unwrap_or("");
    let title = id.split(' ').next().unwrap_or("");
    p.text_of(&format!("svg #{title}")).join(" ")
}

#[test]
fn without_site_names_each_language_shows_cldrs_name() {
    let s = site(&["BF"], "");
    let expected = [
        (
            "en",
            "Country: Burkina Faso",
            "Localities in Burkina Faso on the map",
        ),
        (
            "ar",
            "البلد: بوركينا فاسو",
            "المناطق على خريطة بوركينا فاسو",
        ),
        ("ne", "देश: बुर्किना फासो", "बुर्किना फासो को नक्सामा क्षेत्रहरू"),
    ];
    for (lang, heading, title) in expected {
        assert_eq!(country_heading(&s, lang, "BF"), heading, "{lang}");
        let p = s.page(&format!("{lang}/country/bf/index.html"));
        assert_eq!(map_title(&p), title, "{lang}");
        // The locality page's card and map name the same country.
        let loc = s.read(&format!("{lang}/localities/town-0/index.html"));
        let name = heading.rsplit(": ").next().unwrap();
        assert!(
            loc.contains(name),
            "{lang}: {name} not on the locality page"
        );
    }
}

#[test]
fn a_country_the_theme_does_not_name_gets_cldrs_name() {
    // Peru is in neither site.yaml nor the default theme's strings.
    let s = site(&["PE"], "");
    assert_eq!(country_heading(&s, "en", "PE"), "Country: Peru");
    assert_eq!(country_heading(&s, "fr", "PE"), "Pays : Pérou");
    assert_eq!(country_heading(&s, "ar", "PE"), "البلد: بيرو");
    assert_eq!(country_heading(&s, "ne", "PE"), "देश: पेरू");
    assert_eq!(country_heading(&s, "ha", "PE"), "Ƙasa: Feru");
}

#[test]
fn the_sites_name_wins_over_cldrs() {
    let s = site(&["PE"], "countries:\n  PE: { fr: République du Pérou }\n");
    assert_eq!(
        country_heading(&s, "fr", "PE"),
        "Pays : République du Pérou"
    );
    // English has no name in site.yaml: CLDR's English name, not the French one.
    assert_eq!(country_heading(&s, "en", "PE"), "Country: Peru");
}

#[test]
fn the_themes_name_wins_over_cldrs() {
    // CLDR calls it "Congo-Kinshasa"; the default theme names it in full.
    let s = site(&["CD"], "");
    assert_eq!(
        country_heading(&s, "fr", "CD"),
        "Pays : République démocratique du Congo"
    );
}

#[test]
fn a_code_cldr_does_not_name_falls_back_to_the_default_language_then_the_code() {
    let s = site(
        &["QM", "QN"],
        "countries:\n  QM: { en: Northern Quarter }\n",
    );
    assert_eq!(country_heading(&s, "en", "QM"), "Country: Northern Quarter");
    assert_eq!(country_heading(&s, "ar", "QM"), "البلد: Northern Quarter");
    assert_eq!(country_heading(&s, "en", "QN"), "Country: QN");
    assert_eq!(country_heading(&s, "ne", "QN"), "देश: QN");
}
