//! The print sheet of each locality (`{lang}/localities/{id}/print/`): what
//! a reader handed the paper sees (every commitment with its short key,
//! status in words, progress, due date and latest note, in the sheet's
//! language), the short keys (unique in the locality, stable when other
//! commitments come, the same in every language, shown on the commitment's
//! page), and the link to it from the locality's page.

mod common;
use common::*;
use std::collections::BTreeMap;

/// The sheet's commitments: short key → the text of its item.
fn items(page: &Page) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for li in page.select(".items > li") {
        let text = li.text().collect::<Vec<_>>().join(" ");
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let key = Page::parse(&li.html()).text_of(".key").join("");
        assert!(out.insert(key.clone(), text).is_none(), "key {key} twice");
    }
    out
}

/// The minimal site (its commitment `joint-patrols`, key `JP`) with
/// translations of its update's note.
fn translated_site() -> TestSite {
    let s = TestSite::minimal();
    s.file(
        "localities/saaba/joint-patrols.fr.md",
        "---\ntitle: Patrouilles conjointes de nuit\nupdates:\n  - { date: 2017-09-01, note: Trois patrouilles par semaine. }\n---\n",
    );
    s.file(
        "localities/saaba/joint-patrols.ar.md",
        "---\ntitle: دوريات ليلية مشتركة\nupdates:\n  - { date: 2017-09-01, note: ثلاث دوريات في الأسبوع. }\n---\n",
    );
    s
}

#[test]
fn a_sheet_shows_each_commitment_with_its_key_status_due_date_and_latest_note_in_its_language() {
    let site = translated_site();
    site.file("localities/saaba/market-road-lighting.md", "---\ntitle: Street lights on the market road\npledged_by: [local-government]\nagreed: 2019-01-10\ndue: 2026-12-31\nstatus: not-started\n---\n");
    site.build_ok();
    let cases = [
        (
            "en",
            [
                "In progress",
                "Progress: 30%",
                "January 31, 2018",
                "Overdue by 6 years",
                "Latest update, September 1, 2017: Three patrols a week.",
            ],
            [
                "Not started",
                "December 31, 2026",
                "No update has been recorded",
            ],
        ),
        (
            "fr",
            [
                "En cours",
                "Avancement : 30 %",
                "31 janvier 2018",
                "En retard de 6 ans",
                "Dernière mise à jour, 1 septembre 2017 : Trois patrouilles par semaine.",
            ],
            ["Pas commencé", "31 décembre 2026", "Aucune mise à jour"],
        ),
        (
            "ar",
            [
                "قيد التنفيذ",
                "نسبة التقدّم: 30٪",
                "31 يناير 2018",
                "متأخر منذ 6 سنوات",
                "آخر تحديث، 1 سبتمبر 2017: ثلاث دوريات في الأسبوع.",
            ],
            ["لم يبدأ", "31 ديسمبر 2026", "لم يُسجَّل"],
        ),
    ];
    for (lang, patrols, lights) in cases {
        let sheet = site.page(&format!("{lang}/localities/saaba/print/index.html"));
        let items = items(&sheet);
        assert_eq!(
            items.keys().collect::<Vec<_>>(),
            ["JP", "MRL"],
            "{lang}: the keys on the sheet"
        );
        for want in patrols {
            assert!(
                items["JP"].contains(want),
                "{lang}: `{want}` in {}",
                items["JP"]
            );
        }
        for want in lights {
            assert!(
                items["MRL"].contains(want),
                "{lang}: `{want}` in {}",
                items["MRL"]
            );
        }
        let text = sheet.text();
        assert!(text.contains("Saaba"), "{lang}: the locality's name");
        // The address of the locality's page online, from base_url.
        let online = format!("https://tracker.example.org/{lang}/localities/saaba/");
        assert!(
            sheet.attrs(".sheet a", "href").contains(&online),
            "{lang}: a link to {online}"
        );
        assert!(text.contains(&online), "{lang}: {online} printed");
        assert!(!sheet.has("script"), "{lang}: no script on the sheet");
    }
    // The date of the data, in the language.
    let fr = site.page("fr/localities/saaba/print/index.html").text();
    assert!(fr.contains("Données au 30 juin 2024"), "{fr}");
}

#[test]
fn the_locality_page_links_to_its_sheet_in_plain_words() {
    let site = translated_site();
    site.build_ok();
    for (lang, words) in [
        ("en", "Print sheet for a dialogue session"),
        ("fr", "Fiche à imprimer pour une séance de dialogue"),
        ("ar", "ورقة للطباعة لجلسة حوار"),
    ] {
        let from = format!("{lang}/localities/saaba/index.html");
        let page = site.page(&from);
        let link = page
            .select("a")
            .into_iter()
            .find(|a| a.text().collect::<String>() == words)
            .unwrap_or_else(|| panic!("{lang}: no link `{words}`"));
        let target = resolve(&from, link.value().attr("href").unwrap());
        assert_eq!(target, format!("{lang}/localities/saaba/print/index.html"));
        assert!(site.out().join(&target).is_file(), "{target} exists");
    }
}

#[test]
fn short_keys_are_unique_stable_the_same_in_every_language_and_on_the_commitment_page() {
    let site = translated_site();
    site.file("localities/saaba/night-patrols.md", "---\ntitle: Night patrols\npledged_by: [police]\nagreed: 2019-01-10\nstatus: not-started\n---\n");
    site.build_ok();
    let before = items(&site.page("en/localities/saaba/print/index.html"));
    assert_eq!(before.keys().collect::<Vec<_>>(), ["JP", "NP"]);

    // A commitment whose id sorts first, and one with a key of its own.
    site.file("localities/saaba/a-new-desk.md", "---\ntitle: A help desk\npledged_by: [police]\nagreed: 2020-01-10\nstatus: not-started\n---\n");
    site.file("localities/saaba/joint-review.md", "---\ntitle: A joint review\npledged_by: [police]\nagreed: 2020-01-10\nstatus: not-started\nshort_key: jr2\n---\n");
    site.build_ok();
    for lang in ["en", "fr", "ar"] {
        let after = items(&site.page(&format!("{lang}/localities/saaba/print/index.html")));
        assert_eq!(
            after.keys().collect::<Vec<_>>(),
            ["AND", "JP", "JR2", "NP"],
            "{lang}: the old keys kept, the new ones added"
        );
        // Each commitment's page shows the key its sheet gives it.
        for (id, key) in [
            ("joint-patrols", "JP"),
            ("night-patrols", "NP"),
            ("joint-review", "JR2"),
        ] {
            let page = site.page(&format!("{lang}/localities/saaba/{id}/index.html"));
            let facts = page.text_of("#facts dd");
            assert!(
                facts.iter().any(|d| d == key),
                "{lang} {id}: {key} in {facts:?}"
            );
        }
    }
}

#[test]
fn two_commitments_of_a_locality_with_one_key_fail_the_build_naming_both() {
    let site = TestSite::minimal();
    // `joint-patrols` has the key JP; `jos-police` would have it too.
    site.file("localities/saaba/jos-police.md", "---\ntitle: Police in Jos\npledged_by: [police]\nagreed: 2019-01-10\nstatus: not-started\n---\n");
    let r = site.build();
    assert_eq!(r.code(), Some(1), "{}", r.stderr());
    let err = r.stderr();
    assert!(err.contains("localities/saaba/jos-police.md"), "{err}");
    assert!(
        err.contains("`JP`, the key of `localities/saaba/joint-patrols.md` too"),
        "{err}"
    );
    // A key of its own settles it.
    site.file("localities/saaba/jos-police.md", "---\ntitle: Police in Jos\npledged_by: [police]\nagreed: 2019-01-10\nstatus: not-started\nshort_key: JOS\n---\n");
    site.build_ok();
    let keys = items(&site.page("en/localities/saaba/print/index.html"));
    assert_eq!(keys.keys().collect::<Vec<_>>(), ["JOS", "JP"]);
}

#[test]
fn the_demo_has_a_sheet_per_locality_and_language_with_every_commitment_and_its_key() {
    let (_tmp, out) = build_demo();
    let content = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content/localities");
    let mut localities: Vec<String> = std::fs::read_dir(&content)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    localities.sort();
    assert_eq!(localities.len(), 7);
    for lang in ["en", "fr", "ar", "ne"] {
        for loc in &localities {
            let rel = format!("{lang}/localities/{loc}/print/index.html");
            let sheet = Page::parse(&std::fs::read_to_string(out.join(&rel)).unwrap());
            let keys = items(&sheet);
            // Every commitment of the locality: its page's key is on the sheet.
            let mut ids: Vec<String> = std::fs::read_dir(content.join(loc))
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .filter(|f| f.ends_with(".md") && f.matches('.').count() == 1 && f != "_index.md")
                .map(|f| f.trim_end_matches(".md").to_owned())
                .collect();
            ids.sort();
            assert_eq!(keys.len(), ids.len(), "{rel}: one item per commitment");
            for id in ids {
                let page_rel = format!("{lang}/localities/{loc}/{id}/index.html");
                let page = Page::parse(&std::fs::read_to_string(out.join(&page_rel)).unwrap());
                let title = page.text_of("h1").join("");
                let key = keys
                    .iter()
                    .find(|(_, text)| text.contains(&title))
                    .map(|(k, _)| k.clone())
                    .unwrap_or_else(|| panic!("{rel}: no item for `{title}`"));
                assert!(
                    page.text_of("#facts dd").contains(&key),
                    "{page_rel}: the key {key} of its sheet"
                );
            }
        }
    }
}

#[test]
fn a_sheet_names_its_locality_page_as_canonical_and_is_left_out_of_the_sitemap() {
    let site = translated_site();
    site.build_ok();
    for lang in ["en", "fr", "ar"] {
        let sheet = site.page(&format!("{lang}/localities/saaba/print/index.html"));
        let page = format!("https://tracker.example.org/{lang}/localities/saaba/");
        assert_eq!(sheet.attrs("link[rel=canonical]", "href"), [page.as_str()]);
        assert_eq!(
            sheet.attrs("meta[property='og:url']", "content"),
            [page.as_str()]
        );
    }
    let sitemap = site.read("sitemap.xml");
    assert!(
        sitemap.contains("<loc>https://tracker.example.org/en/localities/saaba/</loc>"),
        "{sitemap}"
    );
    assert!(!sitemap.contains("/print/"), "{sitemap}");
}
