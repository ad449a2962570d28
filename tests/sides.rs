//! Both sides' view (issue 16, item 4) and the language-fallback notice
//! (item 6): several parties' assessments of one review side by side on the
//! commitment page, the "views differ" mark in lists, the rules of
//! `review:` and repeated dates, and a visible notice on pages showing text
//! in another language.

mod common;
use common::*;

const C: &str = "localities/saaba/joint-patrols.md";
const C_FR: &str = "localities/saaba/joint-patrols.fr.md";
const PAGE: &str = "en/localities/saaba/joint-patrols/index.html";

/// A commitment whose last review (2024-03-10) the police and the
/// community assessed, with progress `police` and `community`.
fn two_sides(police: u8, community: u8) -> String {
    format!(
        "---
title: Joint night patrols
pledged_by: [police, community]
agreed: 2017-05-20
updates:
  - date: 2017-09-01
    status: in-progress
    progress: 30
    note: Three patrols a week.
    assessed_by: joint
  - date: 2024-03-10
    status: in-progress
    progress: {police}
    note: Four patrols most weeks.
    assessed_by: police
  - date: 2024-03-10
    status: stalled
    progress: {community}
    note: Patrols cancelled when fuel runs out.
    assessed_by: community
---
Police and the vigilante group patrol together.
"
    )
}

fn site_with(commitment: &str) -> TestSite {
    let s = TestSite::minimal();
    s.file(C, commitment);
    s
}

// ---------------------------------------------------------------------------
// The commitment page

#[test]
fn two_parties_assessments_of_one_review_are_shown_side_by_side() {
    let s = site_with(&two_sides(80, 55));
    s.build_ok();
    let page = s.page(PAGE);
    let sides = page.text_of(".review .side");
    assert_eq!(sides.len(), 2, "{sides:?}");
    assert!(sides[0].contains("Assessed by the police"), "{}", sides[0]);
    assert!(sides[0].contains("In progress") && sides[0].contains("80%"));
    assert!(sides[0].contains("Four patrols most weeks."));
    assert!(
        sides[1].contains("Assessed by the community"),
        "{}",
        sides[1]
    );
    assert!(sides[1].contains("Stalled") && sides[1].contains("55%"));
    let note = page.text_of(".review .differ").join(" ");
    assert!(note.contains("differ by 25 points"), "{note}");
    // The latest review is the first one shown, under "Latest update".
    let latest = page.text_of("#latest + ul").join(" ");
    assert!(latest.contains("Assessed by the community"), "{latest}");
    // The current status is the last listed assessment's (no joint or
    // independent one in that review).
    let meta = page.text_of("h1 + .meta").join(" ");
    assert!(meta.contains("Stalled") && meta.contains("55%"), "{meta}");
}

#[test]
fn a_review_named_by_review_groups_updates_of_different_dates() {
    let text = two_sides(60, 50).replacen(
        "  - date: 2024-03-10\n    status: stalled",
        "  - date: 2024-03-14\n    review: 2024-03-10\n    status: stalled",
        1,
    );
    let s = site_with(&text);
    s.build_ok();
    let page = s.page(PAGE);
    assert_eq!(page.select(".review .side").len(), 2);
    let note = page.text_of(".review .differ").join(" ");
    assert!(note.contains("differ by 10 points"), "{note}");
}

#[test]
fn one_assessment_per_review_shows_no_sides() {
    let s = TestSite::minimal();
    s.build_ok();
    let page = s.page(PAGE);
    assert!(
        !page.has(".review"),
        "a single assessment is shown as before"
    );
    assert!(!page.has(".sides"));
}

#[test]
fn translated_assessments_are_matched_by_date_and_assessor() {
    let s = site_with(&two_sides(80, 55));
    s.file(
        C_FR,
        "---
title: Patrouilles
updates:
  - { date: 2024-03-10, assessed_by: community, note: Patrouilles annulées faute de carburant. }
  - { date: 2024-03-10, assessed_by: police, note: Quatre patrouilles la plupart des semaines. }
---
Texte.
",
    );
    s.build_ok();
    let sides = s
        .page("fr/localities/saaba/joint-patrols/index.html")
        .text_of(".review .side");
    assert!(sides[0].contains("Quatre patrouilles"), "{}", sides[0]);
    assert!(
        sides[1].contains("annulées faute de carburant"),
        "{}",
        sides[1]
    );
}

// ---------------------------------------------------------------------------
// The "views differ" mark in lists

fn marked_in_lists(s: &TestSite) -> bool {
    let list = s.page("en/commitments/index.html");
    let locality = s.page("en/localities/saaba/index.html");
    let a = list.text_of(".card .differ").join(" ");
    let b = locality.text_of(".card .differ").join(" ");
    assert_eq!(a, b, "the list and the locality page agree");
    a.contains("Views differ")
}

#[test]
fn lists_mark_views_that_differ_by_twenty_points_or_more() {
    let s = site_with(&two_sides(75, 55));
    s.build_ok();
    assert!(marked_in_lists(&s), "20 points apart: marked");

    // Rebuilt in place after an edit (a second build reuses what did not
    // change): 19 points apart is no longer marked.
    s.file(C, &two_sides(74, 55));
    s.build_ok();
    assert!(!marked_in_lists(&s), "19 points apart: not marked");

    // The order of the parties does not matter.
    s.file(C, &two_sides(35, 55));
    s.build_ok();
    assert!(
        marked_in_lists(&s),
        "police 20 points below the community: marked"
    );
}

#[test]
fn the_latest_review_both_assessed_decides_the_mark() {
    // A later review by one party alone leaves the earlier gap standing.
    let text = two_sides(80, 40).replacen(
        "---\nPolice",
        "  - date: 2024-05-01\n    status: in-progress\n    progress: 60\n    assessed_by: joint\n---\nPolice",
        1,
    );
    let s = site_with(&text);
    s.build_ok();
    assert!(marked_in_lists(&s));
}

// ---------------------------------------------------------------------------
// Errors in the content

fn check_errors(s: &TestSite) -> String {
    let r = s.run(&["check"]);
    assert_eq!(r.code(), Some(1), "{}", r.stderr());
    r.stderr()
}

#[test]
fn the_same_party_twice_in_one_review_is_an_error_at_its_line() {
    let text = two_sides(80, 55).replacen("assessed_by: community", "assessed_by: police", 1);
    let err = check_errors(&site_with(&text));
    assert!(
        err.contains(&format!(
            "{C}:20:18: the same party assessed one review twice"
        )),
        "{err}"
    );
    assert!(err.contains("help: if this is a later update"), "{err}");
}

#[test]
fn several_updates_of_one_review_each_say_who_assessed_them() {
    let text = two_sides(80, 55).replacen("    assessed_by: community\n", "", 1);
    let err = check_errors(&site_with(&text));
    assert!(
        err.contains(&format!(
            "{C}:16:5: an update of a review with several assessments does not say who assessed it"
        )),
        "{err}"
    );
}

#[test]
fn a_review_before_the_previous_one_is_out_of_order() {
    let text = two_sides(80, 55).replacen(
        "  - date: 2024-03-10\n    status: stalled",
        "  - date: 2024-03-12\n    review: 2017-08-01\n    status: stalled",
        1,
    );
    let err = check_errors(&site_with(&text));
    assert!(
        err.contains(&format!("{C}:17:13: updates are out of order")),
        "{err}"
    );
    assert!(
        err.contains("a review of 2017-08-01 after one of 2024-03-10"),
        "{err}"
    );
}

#[test]
fn a_status_other_than_the_leading_assessments_is_an_error() {
    let text = two_sides(80, 55).replacen(
        "agreed: 2017-05-20\n",
        "agreed: 2017-05-20\nstatus: in-progress\n",
        1,
    );
    let err = check_errors(&site_with(&text));
    assert!(
        err.contains(&format!(
            "{C}:5:9: the status disagrees with the last review"
        )),
        "{err}"
    );
    assert!(
        err.contains("the joint assessment if there is one, else the independent one, else the last one listed"),
        "{err}"
    );
}

#[test]
fn a_translated_update_of_a_shared_date_names_its_assessor() {
    let s = site_with(&two_sides(80, 55));
    s.file(
        C_FR,
        "---\ntitle: Patrouilles\nupdates:\n  - { date: 2024-03-10, note: Quatre patrouilles. }\n---\nTexte.\n",
    );
    let err = check_errors(&s);
    assert!(
        err.contains(&format!(
            "{C_FR}:4:13: this translated update could be any of several updates of the original"
        )),
        "{err}"
    );
    assert!(err.contains("`assessed_by:` beside `date:`"), "{err}");
}

// ---------------------------------------------------------------------------
// Open data

#[test]
fn the_open_data_carries_the_review_where_given() {
    let text = two_sides(60, 50).replacen(
        "  - date: 2024-03-10\n    status: stalled",
        "  - date: 2024-03-14\n    review: 2024-03-10\n    status: stalled",
        1,
    );
    let s = site_with(&text);
    s.build_ok();
    let json: serde_json::Value =
        serde_json::from_str(&s.read("data/commitments.json")).expect("json");
    let updates = &json[0]["updates"];
    assert_eq!(updates[2]["review"], "2024-03-10");
    assert!(updates[1].get("review").is_none(), "{}", updates[1]);
}

#[test]
fn feed_entries_of_one_review_keep_distinct_ids() {
    let s = site_with(&two_sides(80, 55));
    s.build_ok();
    let feed = s.read("en/updates/atom.xml");
    let ids: Vec<&str> = feed
        .split("<id>")
        .skip(1)
        .filter_map(|x| x.split("</id>").next())
        .filter(|id| id.contains("#update-2024-03-10"))
        .collect();
    // The leading assessment (the last listed, here the community's)
    // keeps the plain id; the police's gets its name.
    assert_eq!(ids.len(), 2, "{feed}");
    assert!(ids.iter().any(|id| id.ends_with("#update-2024-03-10")));
    assert!(
        ids.iter()
            .any(|id| id.ends_with("#update-2024-03-10-police"))
    );
}

// ---------------------------------------------------------------------------
// The language-fallback notice (issue 16, item 6)

fn demo_page(out: &std::path::Path, rel: &str) -> Page {
    Page::parse(&std::fs::read_to_string(out.join(rel)).unwrap())
}

#[test]
fn a_page_showing_text_in_another_language_says_so_in_its_own() {
    let (_tmp, out) = common::build_demo();
    // Kasserine's school escorts have no Arabic file: the Arabic page shows
    // the English text.
    let ar = demo_page(
        &out,
        "ar/localities/kasserine/school-route-escorts/index.html",
    );
    assert_eq!(
        ar.text_of("main .fallback"),
        ["هذه الصفحة مكتوبة جزئيًا بالإنجليزية: لم تُترجم إلى العربية بعد. لغات أخرى"]
    );
    assert_eq!(ar.attrs("main .fallback a", "href"), ["#langs"]);
    assert!(
        ar.has("nav#langs"),
        "the link leads to the language switcher"
    );
    // Kirkuk's liaison officers have no French file.
    let fr = demo_page(
        &out,
        "fr/localities/kirkuk/neighbourhood-liaison-officers/index.html",
    );
    assert_eq!(
        fr.text_of("main .fallback"),
        [
            "Cette page est en partie en anglais : elle n'a pas encore été traduite en français. Autres langues"
        ]
    );
    // A list whose cards fall back says so too.
    let list = demo_page(&out, "ar/localities/kasserine/index.html");
    assert_eq!(
        list.select("main .fallback").len(),
        1,
        "one notice per page"
    );
}

#[test]
fn a_fully_translated_page_has_no_notice() {
    let (_tmp, out) = common::build_demo();
    for rel in [
        "ne/localities/kasserine/school-route-escorts/index.html",
        "ar/localities/saaba/joint-night-patrols/index.html",
        "en/localities/kasserine/school-route-escorts/index.html",
    ] {
        assert!(!demo_page(&out, rel).has(".fallback"), "{rel}");
        // Not a byte where the notice would go: main opens on its content.
        let html = std::fs::read_to_string(out.join(rel)).unwrap();
        assert!(html.contains("<main id=\"main\" class=\"wrap\"><"), "{rel}");
    }
}

#[test]
fn a_review_after_the_as_of_date_is_an_error() {
    let text = two_sides(60, 50).replacen(
        "  - date: 2024-03-10\n    status: stalled",
        "  - date: 2024-03-10\n    review: 2024-07-02\n    status: stalled",
        1,
    );
    let err = check_errors(&site_with(&text));
    assert!(
        err.contains(&format!(
            "{C}:17:13: a review is dated after the portal's as-of date"
        )),
        "{err}"
    );
}
