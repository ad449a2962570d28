//! The incremental rebuilds of `watch` and `serve` give exactly the output of
//! a clean build, after every edit of a sequence, while rendering fewer pages.

mod common;
use common::*;
use pledgeboard::pipeline;
use pledgeboard::session::Session;
use std::path::Path;

fn assert_same(step: &str, incremental: &Path, clean: &Path) {
    let (a, b) = (tree(incremental), tree(clean));
    let ka: Vec<&String> = a.keys().collect();
    let kb: Vec<&String> = b.keys().collect();
    assert_eq!(ka, kb, "after {step}: the files differ");
    for (k, v) in &a {
        assert!(v == &b[k], "after {step}: {k} differs from a clean build");
    }
}

/// An edit of the site directory.
type Edit = Box<dyn Fn(&TestSite)>;

/// The files an edit touched, as the watcher reports them (`None`: unknown).
type Touched = Option<&'static [&'static str]>;

#[test]
fn incremental_output_equals_a_clean_build_after_each_edit() {
    let site = TestSite::minimal();
    site.file("localities/saaba/help-desk.md", "---\ntitle: A help desk for women\npledged_by: [police]\nagreed: 2017-05-20\ndue: 2018-01-31\nstatus: in-progress\ntopics: [women-safety]\n---\nA desk.\n");
    site.file(
        "localities/jos/_index.md",
        "---\nname: Jos North\ncountry: NG\n---\nPlateau.\n",
    );
    site.file("localities/jos/gate.md", "---\ntitle: Move the stadium gate\npledged_by: [local-government]\nagreed: 2019-03-01\nstatus: not-started\n---\n");
    let today = jiff::civil::date(2024, 6, 30);
    let work = tempfile::tempdir().unwrap();
    let inc = work.path().join("incremental");
    let mut session = Session::new(site.path(), Some(&inc));
    let first = session.rebuild(today).expect("first build");
    assert_eq!(first.rendered, first.pages);

    let edits: Vec<(&str, Edit, Touched)> = vec![
        (
            "a title edit",
            Box::new(|s| {
                s.file("localities/saaba/help-desk.md", "---\ntitle: A help desk for women and girls\npledged_by: [police]\nagreed: 2017-05-20\ndue: 2018-01-31\nstatus: in-progress\ntopics: [women-safety]\n---\nA desk.\n");
            }),
            Some(&["localities/saaba/help-desk.md"]),
        ),
        (
            "a status change with a new update",
            Box::new(|s| {
                s.file("localities/saaba/help-desk.md", "---\ntitle: A help desk for women and girls\npledged_by: [police]\nagreed: 2017-05-20\ndue: 2018-01-31\ntopics: [women-safety]\nupdates:\n  - { date: 2019-01-01, status: completed, progress: 100, note: Open every day. }\n---\nA desk.\n");
            }),
            Some(&["localities/saaba/help-desk.md"]),
        ),
        (
            "a new translation",
            Box::new(|s| {
                s.file("localities/saaba/help-desk.fr.md", "---\ntitle: Un guichet pour les femmes\nupdates:\n  - { date: 2019-01-01, note: Ouvert tous les jours. }\n---\nUn guichet.\n");
            }),
            Some(&["localities/saaba/help-desk.fr.md"]),
        ),
        (
            "a locality renamed",
            Box::new(|s| {
                s.file(
                    "localities/saaba/_index.md",
                    "---\nname: Saaba commune\ncountry: BF\n---\nA town near Ouagadougou.\n",
                );
            }),
            Some(&["localities/saaba/_index.md"]),
        ),
        (
            "a deleted commitment",
            Box::new(|s| s.remove("localities/jos/gate.md")),
            Some(&["localities/jos/gate.md"]),
        ),
        (
            "a new locality",
            Box::new(|s| {
                s.file(
                    "localities/kirkuk/_index.md",
                    "---\nname: Kirkuk\ncountry: IQ\n---\nA city.\n",
                );
                s.file("localities/kirkuk/registration.md", "---\ntitle: Register displaced families\npledged_by: [local-government, police]\nagreed: 2016-02-10\ndue: 2017-02-28\nstatus: stalled\ntopics: [displacement]\n---\n");
            }),
            None,
        ),
        (
            // As many pages as before, at other paths.
            "a commitment renamed",
            Box::new(|s| {
                let text =
                    std::fs::read_to_string(s.path().join("localities/kirkuk/registration.md"))
                        .unwrap();
                s.remove("localities/kirkuk/registration.md");
                s.file("localities/kirkuk/registry.md", &text);
            }),
            Some(&[
                "localities/kirkuk/registration.md",
                "localities/kirkuk/registry.md",
            ]),
        ),
        (
            "a new free page",
            Box::new(|s| {
                s.file("pages/about.md", "---\ntitle: About\n---\nAbout us.\n");
            }),
            Some(&["pages/about.md"]),
        ),
        (
            "a site.yaml edit",
            Box::new(|s| {
                s.file(
                    "site.yaml",
                    &SITE_YAML.replace(
                        "title:\n  en: Test tracker",
                        "title:\n  en: Renamed tracker",
                    ),
                );
            }),
            Some(&["site.yaml"]),
        ),
        (
            // The session keeps the strings and the templates written with
            // them: a changed string must reach every page.
            "a site interface string",
            Box::new(|s| {
                s.file("i18n/fr.ftl", "page-localities = Nos quartiers\n");
            }),
            None,
        ),
        (
            "a theme template",
            Box::new(|s| {
                s.file(
                    "themes/default/templates/page.html",
                    "{% extends \"base.html\" %}\n{% block content %}\n<h1>{{ title }}</h1>\n<p>{{ t(key=\"page-updates\") }}</p>\n{% endblock content %}\n",
                );
            }),
            None,
        ),
    ];
    for (step, edit, touched) in &edits {
        edit(&site);
        // As `watch` and `serve` do: only the touched files are looked at when known.
        let touched: Option<Vec<std::path::PathBuf>> =
            touched.map(|t| t.iter().map(std::path::PathBuf::from).collect());
        let report = session
            .rebuild_after(today, touched.as_deref())
            .unwrap_or_else(|d| panic!("{step}: {d:?}"));
        // The open-data files follow the pages in the background.
        assert!(session.finish_writes().is_empty());
        let clean = work
            .path()
            .join(format!("clean-{}", step.replace(' ', "-")));
        let clean_report = pipeline::build(site.path(), Some(&clean), today).expect("clean build");
        assert_same(step, &inc, &clean);
        // The translation coverage a rebuild reports is a clean build's too.
        assert_eq!(report.coverage, clean_report.coverage, "{step}");
        if *step == "a title edit" {
            assert!(
                report.rendered < report.pages / 2,
                "{step}: {} of {} pages rendered",
                report.rendered,
                report.pages
            );
        }
    }

    // Two saves in quick succession: the second rebuild stops the open-data
    // writing of the first; the files end up as a clean build's all the same.
    let desk = "localities/saaba/help-desk.md";
    let touched = [std::path::PathBuf::from(desk)];
    for title in ["A desk", "A help desk open every day"] {
        site.file(desk, &format!("---\ntitle: {title}\npledged_by: [police]\nagreed: 2017-05-20\ndue: 2018-01-31\ntopics: [women-safety]\nupdates:\n  - {{ date: 2019-01-01, status: completed, progress: 100, note: Open every day. }}\n---\nA desk.\n"));
        session
            .rebuild_after(today, Some(&touched))
            .expect("quick save");
    }
    assert!(session.finish_writes().is_empty());
    let clean = work.path().join("clean-quick");
    pipeline::build(site.path(), Some(&clean), today).unwrap();
    assert_same("two quick saves", &inc, &clean);

    // A setting that makes an unchanged commitment wrong is reported: what the
    // session checked before is not taken on trust.
    site.file(
        "site.yaml",
        &SITE_YAML.replace("as_of: 2024-06-30", "as_of: 2018-06-30"),
    );
    let errors = session
        .rebuild_after(today, Some(&[std::path::PathBuf::from("site.yaml")]))
        .expect_err("an update after as_of");
    assert!(
        errors
            .iter()
            .any(|d| d.file == "localities/saaba/help-desk.md"
                && d.message.contains("after the portal's as-of date")),
        "{errors:?}"
    );
    site.file("site.yaml", SITE_YAML);

    // A broken save fails the rebuild and leaves the output as it was; the fix recovers.
    let before = tree(&inc);
    site.file(
        "localities/saaba/help-desk.md",
        "---\ntitle: [broken\n---\n",
    );
    assert!(session.rebuild(today).is_err());
    assert_eq!(tree(&inc), before);
    site.file("localities/saaba/help-desk.md", "---\ntitle: Fixed desk\npledged_by: [police]\nagreed: 2017-05-20\nupdates:\n  - { date: 2019-01-01, status: completed, progress: 100 }\n---\n");
    session.rebuild(today).expect("fixed");
    assert!(session.finish_writes().is_empty());
    let clean = work.path().join("clean-fixed");
    pipeline::build(site.path(), Some(&clean), today).unwrap();
    assert_same("the fix", &inc, &clean);
}

/// A site with three commitments in one locality, for counting reuse.
fn three_commitments() -> TestSite {
    let site = TestSite::minimal();
    for id in ["help-desk", "gate"] {
        site.file(
            &format!("localities/saaba/{id}.md"),
            &format!("---\ntitle: {id}\npledged_by: [police]\nagreed: 2017-05-20\nstatus: in-progress\ntopics: [women-safety]\n---\nText.\n"),
        );
    }
    site
}

fn hits_misses(u: pledgeboard::memo::Uses) -> (usize, usize) {
    (u.hits, u.misses)
}

#[test]
fn every_memo_of_a_session_is_used_by_a_rebuild_after_one_edit() {
    let site = three_commitments();
    let today = jiff::civil::date(2024, 6, 30);
    let work = tempfile::tempdir().unwrap();
    let mut session = Session::new(site.path(), Some(&work.path().join("out")));
    session.rebuild(today).expect("first build");
    site.file(
        "localities/saaba/gate.md",
        "---\ntitle: Move the gate\npledged_by: [police]\nagreed: 2017-05-20\nstatus: in-progress\ntopics: [women-safety]\n---\nText.\n",
    );
    session
        .rebuild_after(
            today,
            Some(&[std::path::PathBuf::from("localities/saaba/gate.md")]),
        )
        .expect("rebuild");
    assert!(session.finish_writes().is_empty());
    let uses = session.memo_uses();
    // One commitment of three changed: it is made again, the others reused.
    assert_eq!(hits_misses(uses.checked), (2, 1), "checked: {uses:?}");
    assert_eq!(hits_misses(uses.coverage), (2, 1), "coverage: {uses:?}");
    assert_eq!(hits_misses(uses.records), (2, 1), "records: {uses:?}");
    // Strings, templates and page paths are unchanged.
    assert_eq!(hits_misses(uses.strings), (1, 0), "strings: {uses:?}");
    assert_eq!(hits_misses(uses.page_paths), (1, 0), "paths: {uses:?}");
    // The lists showing the changed commitment are rendered again, with the
    // card of that one commitment made anew in each of the three languages.
    assert_eq!(uses.cards.misses, 3, "cards: {uses:?}");
    assert!(uses.cards.hits >= 6, "cards: {uses:?}");
}

#[cfg(unix)]
fn inode(path: &Path) -> u64 {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).unwrap().ino()
}

#[cfg(unix)]
#[test]
fn a_second_build_into_the_same_folder_keeps_the_unchanged_files() {
    let site = three_commitments();
    let today = jiff::civil::date(2024, 6, 30);
    let work = tempfile::tempdir().unwrap();
    let out = work.path().join("out");
    let first = pipeline::build(site.path(), Some(&out), today).expect("first build");
    assert_eq!(first.rendered, first.pages);
    let home = out.join("en/index.html");
    let page = out.join("en/localities/saaba/gate/index.html");
    let (home_inode, page_inode) = (inode(&home), inode(&page));

    // Nothing changed: no page is rendered or written, every file is the same file.
    let second = pipeline::build(site.path(), Some(&out), today).expect("second build");
    assert_eq!(second.rendered, 0);
    assert_eq!((inode(&home), inode(&page)), (home_inode, page_inode));
    let clean = work.path().join("clean");
    pipeline::build(site.path(), Some(&clean), today).unwrap();
    assert_same("a second build", &out, &clean);

    // One commitment edited: its pages are made again, the rest kept.
    site.file(
        "localities/saaba/gate.md",
        "---\ntitle: Move the gate\npledged_by: [police]\nagreed: 2017-05-20\nstatus: in-progress\ntopics: [women-safety]\n---\nText.\n",
    );
    let third = pipeline::build(site.path(), Some(&out), today).expect("third build");
    assert!(
        third.rendered > 0 && third.rendered < third.pages / 2,
        "{third:?}"
    );
    assert_ne!(inode(&page), page_inode);
    std::fs::remove_dir_all(&clean).unwrap();
    pipeline::build(site.path(), Some(&clean), today).unwrap();
    assert_same("an edit between builds", &out, &clean);

    // A file of the output changed by hand is made again, not kept.
    let about = out.join("en/localities/saaba/index.html");
    std::fs::write(&about, "changed by hand").unwrap();
    pipeline::build(site.path(), Some(&out), today).expect("fourth build");
    assert_same("a file changed by hand", &out, &clean);

    // The output before the current one is kept beside it as the next
    // build's starting point; changed by hand there, it is not trusted either.
    let kept = work.path().join(".out.pledgeboard-old");
    assert!(kept.join("en/index.html").is_file(), "no kept output");
    std::fs::write(kept.join("en/index.html"), "changed by hand").unwrap();
    std::fs::write(kept.join("en/stray.html"), "not in any manifest").unwrap();
    pipeline::build(site.path(), Some(&out), today).expect("fifth build");
    assert_same("a kept output changed by hand", &out, &clean);

    // The edit undone: builds that start from older outputs still equal a clean build.
    site.file(
        "localities/saaba/gate.md",
        "---\ntitle: gate\npledged_by: [police]\nagreed: 2017-05-20\nstatus: in-progress\ntopics: [women-safety]\n---\nText.\n",
    );
    for step in ["the edit undone", "once more"] {
        pipeline::build(site.path(), Some(&out), today).expect(step);
        std::fs::remove_dir_all(&clean).unwrap();
        pipeline::build(site.path(), Some(&clean), today).unwrap();
        assert_same(step, &out, &clean);
    }
}

// ---- issue 15: edits that keep size and modification time ----

/// Writes `content` (of the same length as before) to `rel` and puts back
/// the file's modification time, as `cp -p`, `rsync -a` or `tar x` do, or a
/// second save within one tick of a 1-second clock.
fn same_stamp_edit(site: &TestSite, rel: &str, content: &str) {
    let path = site.path().join(rel);
    let before = std::fs::metadata(&path).unwrap();
    assert_eq!(
        before.len(),
        content.len() as u64,
        "the edit keeps the size"
    );
    std::fs::write(&path, content).unwrap();
    let file = std::fs::File::options().write(true).open(&path).unwrap();
    file.set_modified(before.modified().unwrap()).unwrap();
    drop(file);
    let after = std::fs::metadata(&path).unwrap();
    assert_eq!(
        (after.len(), after.modified().unwrap()),
        (before.len(), before.modified().unwrap())
    );
}

#[test]
fn a_reported_edit_that_keeps_size_and_time_is_seen_by_a_session() {
    let site = three_commitments();
    site.file("static/notice.txt", "Office open on Monday\n");
    let today = jiff::civil::date(2024, 6, 30);
    let work = tempfile::tempdir().unwrap();
    let out = work.path().join("out");
    let mut session = Session::new(site.path(), Some(&out));
    session.rebuild(today).expect("first build");
    let gate = "localities/saaba/gate.md";
    let page = out.join("en/localities/saaba/gate/index.html");
    assert!(std::fs::read_to_string(&page).unwrap().contains(">gate<"));

    // A commitment: same length, same time, new title.
    let text = std::fs::read_to_string(site.path().join(gate)).unwrap();
    same_stamp_edit(&site, gate, &text.replace("title: gate", "title: GATE"));
    let report = session
        .rebuild_after(today, Some(&[std::path::PathBuf::from(gate)]))
        .expect("rebuild");
    assert!(report.rendered > 0, "nothing rendered again: {report:?}");
    assert!(
        std::fs::read_to_string(&page).unwrap().contains(">GATE<"),
        "the page still shows the old title"
    );

    // Reported again with its content unchanged: nothing is made again.
    let report = session
        .rebuild_after(today, Some(&[std::path::PathBuf::from(gate)]))
        .expect("rebuild");
    assert_eq!(report.rendered, 0, "{report:?}");

    // The folder reported rather than the file (a folder unpacked or
    // moved in): what it holds is read again.
    let text = std::fs::read_to_string(site.path().join(gate)).unwrap();
    same_stamp_edit(&site, gate, &text.replace("title: GATE", "title: Gate"));
    session
        .rebuild_after(today, Some(&[std::path::PathBuf::from("localities/saaba")]))
        .expect("rebuild");
    assert!(
        std::fs::read_to_string(&page).unwrap().contains(">Gate<"),
        "the page still shows the old title"
    );

    // A static file: same length, same time, new text.
    same_stamp_edit(&site, "static/notice.txt", "Office open on Friday\n");
    session
        .rebuild_after(
            today,
            Some(&[std::path::PathBuf::from("static/notice.txt")]),
        )
        .expect("rebuild");
    assert!(session.finish_writes().is_empty());
    assert_eq!(
        std::fs::read_to_string(out.join("notice.txt")).unwrap(),
        "Office open on Friday\n"
    );
    let clean = work.path().join("clean");
    pipeline::build(site.path(), Some(&clean), today).unwrap();
    assert_same("edits that keep size and time", &out, &clean);
}

#[test]
fn a_static_edit_that_keeps_size_and_time_reaches_the_next_build() {
    let site = three_commitments();
    site.file("static/notice.txt", "Office open on Monday\n");
    let today = jiff::civil::date(2024, 6, 30);
    let work = tempfile::tempdir().unwrap();
    let out = work.path().join("out");
    pipeline::build(site.path(), Some(&out), today).expect("first build");
    same_stamp_edit(&site, "static/notice.txt", "Office open on Friday\n");
    pipeline::build(site.path(), Some(&out), today).expect("second build");
    assert_eq!(
        std::fs::read_to_string(out.join("notice.txt")).unwrap(),
        "Office open on Friday\n"
    );
}

// ---- charts ----

/// A commitment's dated updates, as front matter.
fn with_updates(title: &str, updates: &[(&str, &str)]) -> String {
    let list: String = updates
        .iter()
        .map(|(date, status)| format!("  - {{ date: {date}, status: {status} }}\n"))
        .collect();
    format!("---\ntitle: {title}\npledged_by: [police]\nagreed: 2017-05-20\nupdates:\n{list}---\n")
}

#[test]
fn moving_the_update_that_completed_a_commitment_redraws_the_charts_that_count_it() {
    let site = TestSite::minimal();
    let desk = "localities/saaba/help-desk.md";
    site.file(
        desk,
        &with_updates("A help desk", &[("2019-01-10", "completed")]),
    );
    // Nine later updates elsewhere: the desk is not among the home page's
    // latest updates, so only the chart ties the home page to its dates.
    let months: Vec<String> = (1..=9).map(|m| format!("2023-0{m}-01")).collect();
    let busy: Vec<(&str, &str)> = months.iter().map(|d| (d.as_str(), "in-progress")).collect();
    site.file("localities/saaba/busy.md", &with_updates("Busy", &busy));
    let today = jiff::civil::date(2024, 6, 30);
    let work = tempfile::tempdir().unwrap();
    let inc = work.path().join("incremental");
    let mut session = Session::new(site.path(), Some(&inc));
    session.rebuild(today).expect("first build");
    let before = std::fs::read_to_string(inc.join("en/index.html")).unwrap();
    site.file(
        desk,
        &with_updates("A help desk", &[("2021-06-10", "completed")]),
    );
    session
        .rebuild_after(today, Some(&[std::path::PathBuf::from(desk)]))
        .expect("rebuild");
    assert!(session.finish_writes().is_empty());
    let clean = work.path().join("clean");
    pipeline::build(site.path(), Some(&clean), today).expect("clean build");
    assert_same("moving the completing update", &inc, &clean);
    let after = std::fs::read_to_string(clean.join("en/index.html")).unwrap();
    assert_ne!(before, after, "the home page's chart moved");
}

// ---- issue 16: maps ----

#[test]
fn editing_coordinates_remakes_the_pages_with_maps_as_a_clean_build() {
    let site = TestSite::minimal();
    // Zorgho has no commitments: only the map of Burkina Faso's page shows it.
    let zorgho = |lat: &str| {
        format!("---\nname: Zorgho\ncountry: BF\ncoordinates: [{lat}, -0.6153]\n---\nA town.\n")
    };
    site.file(
        "localities/saaba/_index.md",
        "---\nname: Saaba\ncountry: BF\ncoordinates: [12.3686, -1.4203]\n---\nA town.\n",
    );
    site.file("localities/zorgho/_index.md", &zorgho("12.2431"));
    site.file(
        "localities/jos/_index.md",
        "---\nname: Jos North\ncountry: NG\ncoordinates: [9.9285, 8.8921]\n---\nPlateau.\n",
    );
    site.file("localities/jos/gate.md", "---\ntitle: Move the stadium gate\npledged_by: [local-government]\nagreed: 2019-03-01\nstatus: not-started\n---\n");
    let today = jiff::civil::date(2024, 6, 30);
    let work = tempfile::tempdir().unwrap();
    let inc = work.path().join("incremental");
    let mut session = Session::new(site.path(), Some(&inc));
    session.rebuild(today).expect("first build");
    assert!(session.finish_writes().is_empty());
    let before = tree(&inc);

    // Zorgho moves a degree north, within Burkina Faso.
    site.file("localities/zorgho/_index.md", &zorgho("13.2431"));
    let touched = [std::path::PathBuf::from("localities/zorgho/_index.md")];
    session
        .rebuild_after(today, Some(&touched))
        .expect("rebuild");
    assert!(session.finish_writes().is_empty());
    let clean = work.path().join("clean");
    pipeline::build(site.path(), Some(&clean), today).expect("clean build");
    assert_same("a coordinates edit", &inc, &clean);

    // What changed: each language's pages with Zorgho on a map, and the
    // localities' table (Zorgho has no commitment: no other data file).
    let after = tree(&inc);
    let changed: Vec<&String> = after
        .keys()
        .filter(|k| before.get(*k) != after.get(*k))
        .collect();
    let mut expected: Vec<String> = ["en", "fr", "ar"]
        .iter()
        .flat_map(|l| {
            [
                "index.html",
                "localities/index.html",
                "localities/zorgho/index.html",
                "country/bf/index.html",
            ]
            .map(|p| format!("{l}/{p}"))
        })
        .collect();
    expected.push("data/localities.csv".into());
    expected.sort();
    assert_eq!(changed, expected.iter().collect::<Vec<_>>());
}

// ---- issue 17: print sheet ----

#[test]
fn editing_an_update_note_remakes_the_print_sheet_as_a_clean_build() {
    let site = TestSite::minimal();
    let patrols = "localities/saaba/joint-patrols.md";
    let today = jiff::civil::date(2024, 6, 30);
    let work = tempfile::tempdir().unwrap();
    let inc = work.path().join("incremental");
    let mut session = Session::new(site.path(), Some(&inc));
    session.rebuild(today).expect("first build");
    assert!(session.finish_writes().is_empty());
    let sheet = inc.join("en/localities/saaba/print/index.html");
    let before = std::fs::read_to_string(&sheet).unwrap();
    assert!(before.contains("Three patrols a week."), "{before}");

    site.file(
        patrols,
        &COMMITMENT.replace("Three patrols a week.", "Four patrols a week since May."),
    );
    session
        .rebuild_after(today, Some(&[std::path::PathBuf::from(patrols)]))
        .expect("rebuild");
    assert!(session.finish_writes().is_empty());
    let after = std::fs::read_to_string(&sheet).unwrap();
    assert!(after.contains("Four patrols a week since May."), "{after}");
    assert!(!after.contains("Three patrols a week."), "{after}");
    let clean = work.path().join("clean");
    pipeline::build(site.path(), Some(&clean), today).expect("clean build");
    assert_same("a note edit", &inc, &clean);
}

// ---- issue 17: bundle (site.yaml `offline_bundle`) ----

#[test]
fn setting_and_changing_the_offline_bundle_remakes_every_page_as_a_clean_build() {
    let site = TestSite::minimal();
    let today = jiff::civil::date(2024, 6, 30);
    let work = tempfile::tempdir().unwrap();
    let inc = work.path().join("incremental");
    let mut session = Session::new(site.path(), Some(&inc));
    session.rebuild(today).expect("first build");
    assert!(session.finish_writes().is_empty());
    let touched = [std::path::PathBuf::from("site.yaml")];
    for size in ["4.2 MB", "850 KB"] {
        site.file(
            "site.yaml",
            &format!(
                "{SITE_YAML}offline_bundle: {{ url: \"https://tracker.example.org/portal.zip\", size: {size} }}\n"
            ),
        );
        session
            .rebuild_after(today, Some(&touched))
            .expect("rebuild");
        assert!(session.finish_writes().is_empty());
        let clean = work.path().join(format!("clean-{size}"));
        pipeline::build(site.path(), Some(&clean), today).expect("clean build");
        assert_same(&format!("offline_bundle of {size}"), &inc, &clean);
        let page = std::fs::read_to_string(inc.join("fr/localities/saaba/index.html")).unwrap();
        let shown = if size == "4.2 MB" { "4,2 Mo" } else { "850 Ko" };
        assert!(page.contains(shown), "{size}: {page}");
    }
}

// ---- calendars ----

#[test]
fn a_due_date_edit_remakes_the_calendars_that_show_it_as_a_clean_build() {
    let site = TestSite::minimal();
    site.file(
        "localities/jos/_index.md",
        "---\nname: Jos North\ncountry: NG\nnext_review: 2024-09-15\n---\nPlateau.\n",
    );
    site.file("localities/jos/gate.md", "---\ntitle: Move the stadium gate\npledged_by: [local-government]\nagreed: 2019-03-01\ndue: 2025-01-31\nstatus: not-started\n---\n");
    let today = jiff::civil::date(2024, 6, 30);
    let work = tempfile::tempdir().unwrap();
    let inc = work.path().join("incremental");
    let mut session = Session::new(site.path(), Some(&inc));
    session.rebuild(today).expect("first build");
    assert!(session.finish_writes().is_empty());
    let before = tree(&inc);
    assert!(
        String::from_utf8_lossy(&before["en/calendar.ics"]).contains("DTSTART;VALUE=DATE:20180131")
    );

    // Saaba's commitment is now due two months later.
    site.file(
        "localities/saaba/joint-patrols.md",
        &COMMITMENT.replace("due: 2018-01-31", "due: 2018-03-31"),
    );
    let touched = [std::path::PathBuf::from(
        "localities/saaba/joint-patrols.md",
    )];
    session
        .rebuild_after(today, Some(&touched))
        .expect("rebuild");
    assert!(session.finish_writes().is_empty());
    let clean = work.path().join("clean");
    pipeline::build(site.path(), Some(&clean), today).expect("clean build");
    assert_same("a due date edit", &inc, &clean);

    // The calendars that changed: the site's and Saaba's, in each language.
    let after = tree(&inc);
    let changed: Vec<&String> = after
        .keys()
        .filter(|k| k.ends_with(".ics") && before.get(*k) != after.get(*k))
        .collect();
    let mut expected: Vec<String> = ["en", "fr", "ar"]
        .iter()
        .flat_map(|l| {
            [
                format!("{l}/calendar.ics"),
                format!("{l}/localities/saaba/calendar.ics"),
            ]
        })
        .collect();
    expected.sort();
    assert_eq!(changed, expected.iter().collect::<Vec<_>>());
    let en = String::from_utf8_lossy(&after["en/localities/saaba/calendar.ics"]).into_owned();
    assert!(en.contains("DTSTART;VALUE=DATE:20180331"), "{en}");
    assert!(!en.contains("20180131"), "{en}");
    // Jos's events were reused for the site's calendars, not made again;
    let uses = session.memo_uses().calendars;
    // Saaba's were made once per language, for its calendar and the site's.
    assert_eq!(hits_misses(uses), (3, 3), "{uses:?}");
}

// ---- share images ----

/// The inode of every share image of an output folder, by path.
#[cfg(unix)]
fn share_inodes(out: &Path) -> std::collections::BTreeMap<String, u64> {
    tree(out)
        .into_keys()
        .filter(|rel| rel.starts_with("share/"))
        .map(|rel| {
            let ino = inode(&out.join(&rel));
            (rel, ino)
        })
        .collect()
}

#[cfg(unix)]
#[test]
fn a_status_edit_redraws_only_its_countrys_and_the_home_share_images() {
    let site = TestSite::minimal();
    let gate = "---\ntitle: Move the gate\npledged_by: [police]\nagreed: 2017-05-20\nstatus: in-progress\n---\nText.\n";
    site.file("localities/saaba/gate.md", gate);
    site.file(
        "localities/jos/_index.md",
        "---\nname: Jos\ncountry: NG\n---\nA city.\n",
    );
    site.file(
        "localities/jos/desk.md",
        &gate.replace("Move the gate", "A help desk"),
    );
    let today = jiff::civil::date(2024, 6, 30);
    let work = tempfile::tempdir().unwrap();
    let inc = work.path().join("inc");
    let mut session = Session::new(site.path(), Some(&inc));
    session.rebuild(today).expect("first build");
    assert!(session.finish_writes().is_empty());
    let before = share_inodes(&inc);
    let images = ["home", "country-bf", "country-ng"];
    let expected: Vec<String> = ["ar", "en", "fr"]
        .iter()
        .flat_map(|l| images.iter().map(move |i| format!("share/{l}/{i}.png")))
        .collect();
    let mut planned: Vec<String> = before.keys().cloned().collect();
    planned.sort();
    let mut wanted = expected.clone();
    wanted.sort();
    assert_eq!(planned, wanted);

    site.file(
        "localities/saaba/gate.md",
        &gate.replace("in-progress", "stalled"),
    );
    let touched = [std::path::PathBuf::from("localities/saaba/gate.md")];
    session
        .rebuild_after(today, Some(&touched))
        .expect("rebuild");
    assert!(session.finish_writes().is_empty());
    let after = share_inodes(&inc);
    for (rel, ino) in &before {
        let redrawn = after[rel] != *ino;
        let should = !rel.ends_with("country-ng.png");
        assert_eq!(redrawn, should, "{rel}: redrawn {redrawn}");
    }
    let clean = work.path().join("clean");
    pipeline::build(site.path(), Some(&clean), today).unwrap();
    assert_same("a status edit", &inc, &clean);
}

// ---- search (issue 17) ----

#[test]
fn a_rebuild_after_a_title_edit_remakes_only_its_part_of_the_search_index() {
    let site = three_commitments();
    let today = jiff::civil::date(2024, 6, 30);
    let work = tempfile::tempdir().unwrap();
    let inc = work.path().join("out");
    let mut session = Session::new(site.path(), Some(&inc));
    session.rebuild(today).expect("first build");
    // Term shards are named by the code points of a term's first two letters.
    let gate_shard = inc.join("en/search/t-67-61.js");
    assert!(
        std::fs::read_to_string(&gate_shard)
            .unwrap()
            .contains("\"gate\"")
    );
    let gate = "localities/saaba/gate.md";
    site.file(gate, "---\ntitle: Move the stadium entrance\npledged_by: [police]\nagreed: 2017-05-20\nstatus: in-progress\ntopics: [women-safety]\n---\nText.\n");
    session
        .rebuild_after(today, Some(&[std::path::PathBuf::from(gate)]))
        .expect("rebuild");
    assert!(session.finish_writes().is_empty());
    // The old word is gone (its shard with it), the new one is there.
    assert!(!gate_shard.exists());
    let stadium = std::fs::read_to_string(inc.join("fr/search/t-73-74.js")).unwrap();
    assert!(stadium.contains("\"stadium\""), "{stadium}");
    // One commitment's terms made again in each language, the others reused.
    let uses = session.memo_uses();
    assert_eq!(hits_misses(uses.search_terms), (6, 3), "{uses:?}");
    assert_eq!(hits_misses(uses.search_chunks), (0, 3), "{uses:?}");
    let clean = work.path().join("clean");
    pipeline::build(site.path(), Some(&clean), today).unwrap();
    assert_same("a title edit", &inc, &clean);
}
