//! The rules of `validate`, each through a small site run through the real
//! parser and validator: where each problem is reported and what it says.

use crate::diag::{self, Diagnostic};
use crate::parse::testing::{SITE_YAML, site, validate_files};

const LOCALITY: (&str, &str) = (
    "localities/saaba/_index.md",
    "---\nname: Saaba\ncountry: BF\n---\nA town.\n",
);
const C: &str = "localities/saaba/patrols.md";
/// A valid commitment: status on line 6, progress on 7, the update's
/// date, status and progress on lines 9-11.
const PATROLS: &str = "---\ntitle: Patrols\npledged_by: [police, community]\nagreed: 2017-05-20\ndue: 2018-01-31\nstatus: in-progress\nprogress: 30\nupdates:\n  - date: 2017-09-01\n    status: in-progress\n    progress: 30\n    note: Weekly.\n---\nBody.\n";

/// The problems of a site of the saaba locality and `files`, sorted,
/// as `(file, line, column, message)`; asserts no site was made.
fn problems(files: &[(&str, &str)]) -> Vec<Diagnostic> {
    let mut all = vec![LOCALITY];
    all.extend_from_slice(files);
    let (site, mut diags) = validate_files(SITE_YAML, &all);
    assert!(site.is_none(), "a site despite {diags:#?}");
    diag::sort(&mut diags);
    diags
}

fn places(diags: &[Diagnostic]) -> Vec<(&str, usize, usize, &str)> {
    diags
        .iter()
        .map(|d| (d.file.as_str(), d.line, d.column, d.message.as_str()))
        .collect()
}

fn patrols(from: &str, to: &str) -> String {
    assert!(PATROLS.contains(from), "{from}");
    PATROLS.replacen(from, to, 1)
}

#[test]
fn a_valid_site_is_assembled() {
    let s = site(
        SITE_YAML,
        &[
            LOCALITY,
            (C, PATROLS),
            (
                "localities/saaba/patrols.fr.md",
                "---\ntitle: Patrouilles\nupdates:\n  - { date: 2017-09-01, note: Chaque semaine. }\n---\nCorps.\n",
            ),
            (
                "localities/saaba/alarm.md",
                "---\ntitle: Alarm\npledged_by: [community]\nagreed: 2017-05-20\nstatus: completed\n---\n",
            ),
            ("pages/about.md", "---\ntitle: About\n---\nWho.\n"),
        ],
    );
    let loc = &s.localities[0];
    let ids: Vec<_> = loc.commitments.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["alarm", "patrols"]);
    let c = &loc.commitments[1];
    assert_eq!(c.title.get("fr"), ("Patrouilles", false));
    assert_eq!(c.body.get("fr"), ("Corps.\n", false));
    let note = c.updates[0].note.as_ref().unwrap();
    assert_eq!(note.get("fr"), ("Chaque semaine.", false));
    assert_eq!(s.pages[0].id, "about");
}

#[test]
fn unknown_statuses_and_parties_are_named_with_a_suggestion() {
    let text = patrols(
        "status: in-progress\nprogress",
        "status: in-progres\nprogress",
    )
    .replace("[police, community]", "[police, comunity]")
    .replace("    status: in-progress", "    status: in-progres");
    let diags = problems(&[(C, &text)]);
    assert_eq!(
        places(&diags),
        [
            (C, 3, 22, "unknown party `comunity`"),
            (C, 6, 9, "unknown status `in-progres`"),
            (C, 10, 13, "unknown status `in-progres`"),
        ]
    );
    assert_eq!(diags[0].help.as_deref(), Some("did you mean `community`?"));
    assert_eq!(
        diags[0].expected.as_deref(),
        Some("one of `police`, `community`, `local-government` or `justice`")
    );
    assert_eq!(
        diags[1].help.as_deref(),
        Some("did you mean `in-progress`?")
    );
    assert_eq!(diags[1].found.as_deref(), Some("`in-progres`"));
    // Statuses and parties are those of site.yaml when it defines them.
    let own = format!("{SITE_YAML}statuses: [{{ id: open }}]\nparties: [{{ id: council }}]\n");
    let (_, diags) = validate_files(
        &own,
        &[
            LOCALITY,
            (
                C,
                "---\ntitle: P\npledged_by: [council]\nagreed: 2017-05-20\nstatus: in-progress\n---\n",
            ),
        ],
    );
    assert_eq!(places(&diags), [(C, 5, 9, "unknown status `in-progress`")]);
    assert_eq!(diags[0].expected.as_deref(), Some("`open`"));
}

#[test]
fn updates_are_in_order_and_not_after_as_of() {
    let text = patrols(
        "  - date: 2017-09-01\n    status: in-progress\n    progress: 30\n    note: Weekly.\n",
        "  - { date: 2018-03-01, status: in-progress }\n  - { date: 2017-09-01, status: in-progress }\n  - { date: 2017-09-01, status: in-progress }\n  - { date: 2024-06-30, status: in-progress }\n  - { date: 2024-07-01, status: in-progress, progress: 30 }\n",
    );
    let diags = problems(&[(C, &text)]);
    assert_eq!(
        places(&diags),
        [
            (C, 10, 13, "updates are out of order"),
            (C, 11, 13, "two updates share a date"),
            (
                C,
                13,
                13,
                "an update is dated after the portal's as-of date"
            ),
        ]
    );
    assert_eq!(
        diags[0].found.as_deref(),
        Some("2017-09-01 after 2018-03-01")
    );
    assert_eq!(
        diags[1].expected.as_deref(),
        Some("a date later than 2017-09-01: updates are listed oldest first, one per date")
    );
    assert_eq!(
        diags[2].expected.as_deref(),
        Some("a date on or before 2024-06-30 (`as_of`, or the build date)")
    );
}

#[test]
fn dates_before_the_agreement() {
    let text = patrols("due: 2018-01-31", "due: 2017-01-31")
        .replace("date: 2017-09-01", "date: 2017-05-19");
    let diags = problems(&[(C, &text)]);
    assert_eq!(
        places(&diags),
        [
            (
                C,
                5,
                6,
                "the due date is before the date the commitment was agreed"
            ),
            (
                C,
                9,
                11,
                "an update is dated before the commitment was agreed"
            ),
        ]
    );
    assert_eq!(
        diags[0].found.as_deref(),
        Some("due 2017-01-31, agreed 2017-05-20")
    );
    assert_eq!(
        diags[1].expected.as_deref(),
        Some("a date on or after 2017-05-20 (`agreed`)")
    );
}

#[test]
fn status_and_progress_agree_with_the_last_update() {
    let text = patrols(
        "status: in-progress\nprogress: 30",
        "status: completed\nprogress: 100",
    );
    let diags = problems(&[(C, &text)]);
    assert_eq!(
        places(&diags),
        [
            (C, 6, 9, "the status disagrees with the last update"),
            (C, 7, 11, "the progress disagrees with the last update"),
        ]
    );
    assert_eq!(
        diags[0].found.as_deref(),
        Some("`status: completed`, while the last update says `status: in-progress`")
    );
    assert_eq!(
        diags[1].expected.as_deref(),
        Some("`progress: 30` (the last update's), or no `progress:` at all")
    );
    // Without them in the front matter, the last update's are the current ones.
    let text = patrols("status: in-progress\nprogress: 30\n", "");
    let s = site(SITE_YAML, &[LOCALITY, (C, &text)]);
    let c = &s.localities[0].commitments[0];
    assert_eq!((c.status.as_str(), c.progress), ("in-progress", Some(30)));
}

#[test]
fn translations_need_an_original_in_a_configured_language() {
    let diags = problems(&[
        (C, PATROLS),
        ("localities/saaba/ghost.fr.md", "---\ntitle: Fantôme\n---\n"),
        (
            "localities/saaba/patrols.de.md",
            "---\ntitle: Streifen\n---\n",
        ),
        (
            "localities/saaba/patrols.en.md",
            "---\ntitle: Patrols again\n---\n",
        ),
    ]);
    assert_eq!(
        places(&diags),
        [
            (
                "localities/saaba/ghost.fr.md",
                0,
                0,
                "a translation of a file that does not exist"
            ),
            (
                "localities/saaba/patrols.de.md",
                0,
                0,
                "`de` is not one of the site's languages"
            ),
            (
                "localities/saaba/patrols.en.md",
                0,
                0,
                "`en` is the default language"
            ),
        ]
    );
    assert_eq!(
        diags[0].expected.as_deref(),
        Some("the default-language file `localities/saaba/ghost.md`")
    );
    assert_eq!(
        diags[1].expected.as_deref(),
        Some("one of `en`, `fr` or `ar`")
    );
    assert_eq!(
        diags[1].help.as_deref(),
        Some("add the language to `languages` in site.yaml, or rename the file")
    );
    assert_eq!(
        diags[2].expected.as_deref(),
        Some(
            "the default-language text in `localities/saaba/patrols.md`, without a language suffix"
        )
    );
}

#[test]
fn a_translated_update_matches_an_update_by_date() {
    let fr = "localities/saaba/patrols.fr.md";
    let diags = problems(&[
        (C, PATROLS),
        (
            fr,
            "---\nupdates:\n  - { date: 2017-09-01, note: Chaque semaine. }\n  - { date: 2017-09-02, note: Chaque jour. }\n---\n",
        ),
    ]);
    assert_eq!(
        places(&diags),
        [(
            fr,
            4,
            13,
            "this translated update matches no update of the original"
        )]
    );
    assert_eq!(diags[0].found.as_deref(), Some("2017-09-02"));
    assert_eq!(
        diags[0].expected.as_deref(),
        Some("the date of one of the updates in `localities/saaba/patrols.md`: 2017-09-01")
    );
}

#[test]
fn a_date_corrected_in_the_original_keeps_the_translated_note_with_a_warning() {
    let fr = "localities/saaba/patrols.fr.md";
    let files = [
        LOCALITY,
        (C, PATROLS),
        (
            fr,
            "---\nupdates:\n  - { date: 2017-08-31, note: Chaque semaine. }\n---\n",
        ),
    ];
    let (site, diags) = validate_files(SITE_YAML, &files);
    assert_eq!(
        places(&diags),
        [(
            fr,
            3,
            13,
            "the original now says 2017-09-01: update the date here"
        )]
    );
    assert!(!diags[0].is_error());
    let site = site.expect("a warning does not stop the build");
    let note = site.localities[0].commitments[0].updates[0].note.as_ref();
    assert_eq!(note.map(|n| n.get("fr")), Some(("Chaque semaine.", false)));
}

#[test]
fn texts_by_language_use_configured_languages_and_the_default() {
    let diags = problems(&[
        (
            C,
            &patrols("title: Patrols", "title: { en: Patrols, de: Streifen }"),
        ),
        (
            "localities/saaba/alarm.md",
            "---\ntitle: { fr: Alarme }\npledged_by: [police]\nagreed: 2017-05-20\nstatus: stalled\n---\n",
        ),
    ]);
    assert_eq!(
        places(&diags),
        [
            (
                "localities/saaba/alarm.md",
                2,
                8,
                "`title` has no text in the default language"
            ),
            (C, 2, 23, "`de` is not one of the site's languages"),
        ]
    );
    assert_eq!(
        diags[0].expected.as_deref(),
        Some("a plain text, or a `en:` entry")
    );
}

#[test]
fn every_locality_folder_has_an_index() {
    let (site, diags) = validate_files(
        SITE_YAML,
        &[LOCALITY, ("localities/jos/station.md", PATROLS)],
    );
    assert!(site.is_none());
    assert_eq!(
        places(&diags),
        [(
            "localities/jos/_index.md",
            0,
            0,
            "this locality folder has no `_index.md`"
        )]
    );
    assert_eq!(
        diags[0].found.as_deref(),
        Some("the folder `localities/jos` with 1 commitment(s) and no `_index.md`")
    );
}

#[test]
fn pages_cannot_take_the_portals_own_paths() {
    let diags = problems(&[
        ("pages/status.md", "---\ntitle: Status\n---\n"),
        ("pages/about.md", "---\ntitle: About\n---\n"),
    ]);
    assert_eq!(
        places(&diags),
        [(
            "pages/status.md",
            0,
            0,
            "`status` is used by the portal itself and cannot be a page id"
        )]
    );
    assert_eq!(
        diags[0].expected.as_deref(),
        Some(
            "a page id other than one of `localities`, `status`, `party`, `topic`, `country`, `updates`, `overdue`, `commitments`, `data`, `static` or `search`"
        )
    );
}
