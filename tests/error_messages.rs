//! The full text of every kind of content error, as `pledgeboard check`
//! prints it (file, line, column, the source line with a caret, found,
//! expected, help, and the summary), one snapshot per kind of error in
//! `tests/snapshots/error_messages__<test>.snap`. Each test makes a small
//! valid site (`TestSite::minimal`) and breaks it in one way.
//!
//! The kinds are the distinct messages of the loader, the YAML reader,
//! the parser and the validator. Not here: "cannot read this file/folder"
//! (needs a permission the tests, run as root, cannot take away) and "this
//! file is not in a place the content model knows" (the loader reads only
//! the places the content model names); both are unit-tested in `src/`.

mod common;
use common::*;
use std::path::Path;
use std::process::Command;

const C: &str = "localities/saaba/joint-patrols.md";
const C_FR: &str = "localities/saaba/joint-patrols.fr.md";

/// Runs `pledgeboard check <dir>`, asserts it failed with exit code 1, and
/// returns stderr with `dir` shown as `[SITE]`.
fn check_at(dir: &Path) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_pledgeboard"))
        .arg("check")
        .arg(dir)
        .env("SOURCE_DATE_EPOCH", "1719705600") // 2024-06-30
        .output()
        .expect("run pledgeboard");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    stderr.replace(&dir.display().to_string(), "[SITE]")
}

/// The errors of the minimal site with `files` (path, text) written over it.
fn with(files: &[(&str, &str)]) -> String {
    let s = TestSite::minimal();
    for (rel, text) in files {
        s.file(rel, text);
    }
    check_at(s.path())
}

/// The errors of the minimal site with `from` replaced by `to` in the commitment.
fn commitment_with(from: &str, to: &str) -> String {
    assert!(COMMITMENT.contains(from), "test setup: `{from}`");
    with(&[(C, &COMMITMENT.replacen(from, to, 1))])
}

/// The errors of the minimal site with `extra` lines added to site.yaml.
fn site_yaml_with(extra: &str) -> String {
    with(&[("site.yaml", &common::site_yaml_with(extra))])
}

/// The errors of the minimal site with `from` replaced by `to` in site.yaml.
fn site_yaml_replacing(from: &str, to: &str) -> String {
    assert!(SITE_YAML.contains(from), "test setup: `{from}`");
    with(&[("site.yaml", &SITE_YAML.replacen(from, to, 1))])
}

// ---------------------------------------------------------------------------
// Loading the site directory

#[test]
fn site_directory_does_not_exist() {
    let s = TestSite::empty();
    insta::assert_snapshot!(check_at(&s.path().join("missing")));
}

#[test]
fn no_site_yaml() {
    insta::assert_snapshot!(check_at(TestSite::empty().path()));
}

#[cfg(unix)]
#[test]
fn file_name_not_utf8() {
    use std::os::unix::ffi::OsStrExt;
    let s = TestSite::minimal();
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.md");
    std::fs::write(s.path().join("localities/saaba").join(name), COMMITMENT).unwrap();
    insta::assert_snapshot!(check_at(s.path()));
}

#[test]
fn static_folders_nested_too_deeply() {
    let s = TestSite::minimal();
    let deep = vec!["d"; 34].join("/");
    s.file(&format!("static/{deep}/file.txt"), "x");
    insta::assert_snapshot!(check_at(s.path()));
}

#[cfg(unix)]
#[test]
fn special_file_in_static() {
    let s = TestSite::minimal();
    std::fs::create_dir_all(s.path().join("static")).unwrap();
    let made = Command::new("mkfifo")
        .arg(s.path().join("static/pipe"))
        .status()
        .expect("mkfifo");
    assert!(made.success());
    insta::assert_snapshot!(check_at(s.path()));
}

#[cfg(unix)]
#[test]
fn symbolic_link_loop() {
    let s = TestSite::minimal();
    std::os::unix::fs::symlink("loop.md", s.path().join("localities/saaba/loop.md")).unwrap();
    insta::assert_snapshot!(check_at(s.path()));
}

#[cfg(unix)]
#[test]
fn symbolic_link_leading_nowhere() {
    let s = TestSite::minimal();
    std::os::unix::fs::symlink("gone.md", s.path().join("localities/saaba/link.md")).unwrap();
    insta::assert_snapshot!(check_at(s.path()));
}

#[cfg(unix)]
#[test]
fn symbolic_link_outside_the_site() {
    let s = TestSite::minimal();
    std::fs::create_dir_all(s.path().join("pages")).unwrap();
    std::os::unix::fs::symlink("/etc/hostname", s.path().join("pages/host.md")).unwrap();
    insta::assert_snapshot!(check_at(s.path()));
}

#[cfg(unix)]
#[test]
fn symbolic_link_to_a_folder_that_holds_it() {
    let s = TestSite::minimal();
    std::os::unix::fs::symlink(".", s.path().join("localities/again")).unwrap();
    insta::assert_snapshot!(check_at(s.path()));
}

#[test]
fn file_too_large() {
    let s = TestSite::minimal();
    let big = format!("{COMMITMENT}{}", "x".repeat(8 * 1024 * 1024));
    s.file("localities/saaba/huge.md", &big);
    insta::assert_snapshot!(check_at(s.path()));
}

#[test]
fn file_not_valid_utf8() {
    let s = TestSite::minimal();
    s.bytes(C, b"---\ntitle: Caf\xe9 patrols\n---\n");
    insta::assert_snapshot!(check_at(s.path()));
}

// ---------------------------------------------------------------------------
// YAML

#[test]
fn yaml_unclosed_list() {
    insta::assert_snapshot!(commitment_with("due: 2018-01-31", "due: [2018-01-31"));
}

#[test]
fn yaml_character_that_cannot_start_a_value() {
    insta::assert_snapshot!(commitment_with("due: 2018-01-31", "due: @2018-01-31"));
}

#[test]
fn yaml_tab_in_indentation() {
    insta::assert_snapshot!(commitment_with("    note: Three", "\tnote: Three"));
}

#[test]
fn yaml_key_appears_twice() {
    insta::assert_snapshot!(commitment_with(
        "due: 2018-01-31\n",
        "due: 2018-01-31\ndue: 2019-01-31\n"
    ));
}

#[test]
fn yaml_key_value_pair_cannot_start_here() {
    insta::assert_snapshot!(commitment_with(
        "title: Joint night patrols",
        "title: Patrols: day and night"
    ));
}

#[test]
fn yaml_did_not_find_the_next_key() {
    insta::assert_snapshot!(commitment_with(
        "title: Joint night patrols",
        "title: \"Joint\" night patrols"
    ));
}

#[test]
fn yaml_list_as_a_key() {
    insta::assert_snapshot!(commitment_with("due: 2018-01-31", "[due]: 2018-01-31"));
}

#[test]
fn yaml_tag() {
    insta::assert_snapshot!(commitment_with("due: 2018-01-31", "due: !date 2018-01-31"));
}

#[test]
fn yaml_flow_nesting_past_1000_levels() {
    let deep = format!("{}{}", "[".repeat(1001), "]".repeat(1001));
    let stderr = commitment_with("due: 2018-01-31", &format!("due: {deep}"));
    // The source line and the caret under its 1,006th character, shortened.
    let stderr = stderr
        .replace(&deep, "[…]")
        .replace(&format!("{}^", " ".repeat(1005)), "[1,005 spaces]^");
    insta::assert_snapshot!(stderr);
}

#[test]
fn yaml_nesting_past_128_levels() {
    let mut block = String::from("x:\n");
    for depth in 1..140 {
        block.push_str(&" ".repeat(depth));
        block.push_str("k:\n");
    }
    insta::assert_snapshot!(with(&[(C, &format!("---\n{block}---\n"))]));
}

#[test]
fn yaml_alias_bomb() {
    let mut s = String::from("---\ntitle: Laughs\nlol0: &lol0 \"lol\"\n");
    for i in 1..=9 {
        let refs = vec![format!("*lol{}", i - 1); 10].join(", ");
        s.push_str(&format!("lol{i}: &lol{i} [{refs}]\n"));
    }
    s.push_str("---\n");
    insta::assert_snapshot!(with(&[(C, &s)]));
}

#[test]
fn site_yaml_not_valid_yaml() {
    insta::assert_snapshot!(site_yaml_with("theme: a: b\n"));
}

// ---------------------------------------------------------------------------
// Content files, one at a time

#[test]
fn front_matter_not_closed() {
    insta::assert_snapshot!(with(&[(C, "---\ntitle: Patrols\npledged_by: [police]\n")]));
}

#[test]
fn no_front_matter() {
    insta::assert_snapshot!(with(&[(C, "Joint night patrols.\n")]));
}

#[test]
fn language_of_a_file_name_unknown() {
    insta::assert_snapshot!(with(&[(
        "localities/saaba/joint-patrols.FR.md",
        COMMITMENT
    )]));
}

#[test]
fn forbidden_characters_in_ids() {
    insta::assert_snapshot!(with(&[
        ("localities/Jos North/_index.md", LOCALITY),
        ("localities/saaba/Night_Patrols.md", COMMITMENT),
        ("pages/About.md", "---\ntitle: About\n---\n"),
    ]));
}

#[test]
fn front_matter_not_a_mapping() {
    insta::assert_snapshot!(with(&[(C, "---\n- title\n- status\n---\n")]));
}

#[test]
fn unknown_field() {
    insta::assert_snapshot!(commitment_with("due: 2018-01-31", "deu: 2018-01-31"));
}

#[test]
fn wrong_kind_of_value() {
    insta::assert_snapshot!(commitment_with(
        "title: Joint night patrols",
        "title: [Joint, patrols]"
    ));
}

#[test]
fn field_is_empty() {
    insta::assert_snapshot!(commitment_with("title: Joint night patrols", "title: \"\""));
}

#[test]
fn not_a_language_code_in_a_text() {
    insta::assert_snapshot!(commitment_with(
        "title: Joint night patrols",
        "title:\n  en: Joint night patrols\n  French: Patrouilles"
    ));
}

#[test]
fn translation_cannot_set_a_field() {
    insta::assert_snapshot!(with(&[(
        C_FR,
        "---\ntitle: Patrouilles\nstatus: completed\n---\n"
    )]));
}

#[test]
fn not_a_valid_id() {
    insta::assert_snapshot!(commitment_with(
        "agreed:",
        "topics: [theft, Night Patrols]\nagreed:"
    ));
}

#[test]
fn id_listed_twice() {
    insta::assert_snapshot!(commitment_with(
        "pledged_by: [police, community]",
        "pledged_by: [police, community, police]"
    ));
}

#[test]
fn not_a_valid_date() {
    insta::assert_snapshot!(commitment_with("due: 2018-01-31", "due: 31/01/2018"));
}

#[test]
fn date_that_does_not_exist() {
    insta::assert_snapshot!(commitment_with("due: 2018-01-31", "due: 2018-02-30"));
}

#[test]
fn progress_outside_0_100() {
    insta::assert_snapshot!(commitment_with("    progress: 30", "    progress: 130"));
}

#[test]
fn progress_written_as_text() {
    insta::assert_snapshot!(commitment_with("    progress: 30", "    progress: 30%"));
}

#[test]
fn source_not_a_web_address() {
    insta::assert_snapshot!(commitment_with(
        "    note:",
        "    sources: [www.example.org/report.pdf]\n    note:"
    ));
}

#[test]
fn assessed_by_unknown() {
    insta::assert_snapshot!(commitment_with(
        "    note:",
        "    assessed_by: jiont\n    note:"
    ));
}

#[test]
fn update_without_date_or_status() {
    insta::assert_snapshot!(commitment_with(
        "  - date: 2017-09-01\n    status: in-progress\n    progress: 30\n",
        "  - progress: 30\n"
    ));
}

#[test]
fn required_field_missing() {
    insta::assert_snapshot!(commitment_with("agreed: 2017-05-20\n", ""));
}

#[test]
fn country_not_a_two_letter_code() {
    insta::assert_snapshot!(with(&[(
        "localities/saaba/_index.md",
        &LOCALITY.replace("country: BF", "country: Burkina Faso"),
    )]));
}

#[test]
fn coordinates_not_a_latitude_and_longitude() {
    insta::assert_snapshot!(with(&[(
        "localities/saaba/_index.md",
        &LOCALITY.replace(
            "country: BF",
            "country: BF\ncoordinates: [-1.42, 112.37, 0]"
        ),
    )]));
}

#[test]
fn dialogue_since_not_a_date() {
    insta::assert_snapshot!(with(&[(
        "localities/saaba/_index.md",
        &LOCALITY.replace("country: BF", "country: BF\ndialogue_since: November 2016"),
    )]));
}

#[test]
fn more_problems_than_listed() {
    let fields: String = (0..101).map(|i| format!("field{i}: 1\n")).collect();
    insta::assert_snapshot!(with(&[(C, &format!("---\n{fields}---\n"))]));
}

// ---------------------------------------------------------------------------
// site.yaml

#[test]
fn site_yaml_required_fields_missing() {
    insta::assert_snapshot!(with(&[("site.yaml", "languages: [{ code: en }]\n")]));
}

#[test]
fn base_url_not_a_web_address() {
    insta::assert_snapshot!(site_yaml_replacing(
        "https://tracker.example.org/",
        "tracker.example.org"
    ));
}

#[test]
fn default_language_not_a_language_code() {
    insta::assert_snapshot!(site_yaml_replacing(
        "default_language: en",
        "default_language: English"
    ));
}

#[test]
fn default_language_not_in_languages() {
    insta::assert_snapshot!(site_yaml_replacing(
        "default_language: en",
        "default_language: de"
    ));
}

#[test]
fn language_listed_twice() {
    insta::assert_snapshot!(site_yaml_replacing(
        "  - { code: ar, name: العربية }",
        "  - { code: ar, name: العربية }\n  - { code: fr, name: French }"
    ));
}

#[test]
fn language_code_invalid() {
    insta::assert_snapshot!(site_yaml_replacing("{ code: fr,", "{ code: FR,"));
}

#[test]
fn language_without_code() {
    insta::assert_snapshot!(site_yaml_replacing(
        "  - { code: ar, name: العربية }",
        "  - { code: ar, name: العربية }\n  - { name: Deutsch }"
    ));
}

#[test]
fn locale_not_a_locale_tag() {
    insta::assert_snapshot!(site_yaml_replacing(
        "name: العربية }",
        "name: العربية, locale: \"ar IQ\" }"
    ));
}

#[test]
fn dir_not_a_writing_direction() {
    insta::assert_snapshot!(site_yaml_replacing(
        "name: العربية }",
        "name: العربية, dir: right }"
    ));
}

#[test]
fn title_without_default_language_text() {
    insta::assert_snapshot!(site_yaml_replacing("  en: Test tracker\n", ""));
}

#[test]
fn statuses_and_parties_empty() {
    insta::assert_snapshot!(site_yaml_with("statuses: []\nparties: []\n"));
}

#[test]
fn status_both_done_and_closed() {
    insta::assert_snapshot!(site_yaml_with(
        "statuses:\n  - { id: in-progress }\n  - { id: ended, done: true, closed: true }\n"
    ));
}

#[test]
fn status_without_id() {
    insta::assert_snapshot!(site_yaml_with(
        "statuses:\n  - { id: in-progress }\n  - { label: Ended }\n"
    ));
}

#[test]
fn id_defined_twice_in_statuses() {
    insta::assert_snapshot!(site_yaml_with(
        "statuses:\n  - { id: in-progress }\n  - { id: in-progress, label: Ongoing }\n"
    ));
}

#[test]
fn invalid_key_in_countries() {
    insta::assert_snapshot!(site_yaml_with("countries:\n  bf: Burkina Faso\n"));
}

// ---------------------------------------------------------------------------
// Rules across files

#[test]
fn translation_suffix_of_the_default_language() {
    insta::assert_snapshot!(with(&[(
        "localities/saaba/joint-patrols.en.md",
        "---\ntitle: Joint patrols\n---\n"
    )]));
}

#[test]
fn translation_into_a_language_not_configured() {
    insta::assert_snapshot!(with(&[(
        "localities/saaba/joint-patrols.de.md",
        "---\ntitle: Streifen\n---\n"
    )]));
}

#[test]
fn translation_of_a_file_that_does_not_exist() {
    insta::assert_snapshot!(with(&[(
        "localities/saaba/ghost.fr.md",
        "---\ntitle: Fantôme\n---\n"
    )]));
}

#[test]
fn page_id_used_by_the_portal() {
    insta::assert_snapshot!(with(&[("pages/status.md", "---\ntitle: Status\n---\n")]));
}

#[test]
fn text_in_a_language_not_configured() {
    insta::assert_snapshot!(commitment_with(
        "title: Joint night patrols",
        "title: { en: Joint night patrols, de: Streifen }"
    ));
}

#[test]
fn text_without_the_default_language() {
    insta::assert_snapshot!(commitment_with(
        "title: Joint night patrols",
        "title: { fr: Patrouilles }"
    ));
}

#[test]
fn locality_folder_without_index() {
    insta::assert_snapshot!(with(&[("localities/jos/station.md", COMMITMENT)]));
}

#[test]
fn unknown_status() {
    insta::assert_snapshot!(commitment_with(
        "status: in-progress\nprogress",
        "status: in-progres\nprogress"
    ));
}

#[test]
fn unknown_party() {
    insta::assert_snapshot!(commitment_with(
        "pledged_by: [police, community]",
        "pledged_by: [police, comunity]"
    ));
}

#[test]
fn due_before_agreed() {
    insta::assert_snapshot!(commitment_with("due: 2018-01-31", "due: 2017-01-31"));
}

#[test]
fn update_after_as_of() {
    insta::assert_snapshot!(commitment_with(
        "    note: Three patrols a week.\n",
        "    note: Three patrols a week.\n  - { date: 2024-07-01, status: in-progress }\n"
    ));
}

#[test]
fn update_before_agreed() {
    insta::assert_snapshot!(commitment_with(
        "  - date: 2017-09-01",
        "  - date: 2017-05-01"
    ));
}

#[test]
fn updates_out_of_order() {
    insta::assert_snapshot!(commitment_with(
        "    note: Three patrols a week.\n",
        "    note: Three patrols a week.\n  - { date: 2017-08-01, status: in-progress }\n"
    ));
}

#[test]
fn status_disagrees_with_last_update() {
    insta::assert_snapshot!(commitment_with(
        "status: in-progress\nprogress",
        "status: completed\nprogress"
    ));
}

#[test]
fn progress_disagrees_with_last_update() {
    insta::assert_snapshot!(commitment_with(
        "progress: 30\nupdates",
        "progress: 60\nupdates"
    ));
}

#[test]
fn translated_update_matches_no_update() {
    // The second has no update of the original to translate: not a
    // corrected date (that would be paired by its place, with a warning).
    insta::assert_snapshot!(with(&[(
        C_FR,
        "---\ntitle: Patrouilles\nupdates:\n  - { date: 2017-09-01, note: Trois patrouilles. }\n  - { date: 2017-09-02, note: Quatre patrouilles. }\n---\n"
    )]));
}

// ---- issue 15: output folder safety ----

#[test]
fn source_date_epoch_not_a_number_of_seconds() {
    let s = TestSite::minimal();
    let out = Command::new(env!("CARGO_BIN_EXE_pledgeboard"))
        .arg("check")
        .arg(s.path())
        .env("SOURCE_DATE_EPOCH", "1719705600.5")
        .output()
        .expect("run pledgeboard");
    assert_eq!(out.status.code(), Some(1));
    insta::assert_snapshot!(String::from_utf8_lossy(&out.stderr));
}

/// Runs `pledgeboard build --output <out> <dir>`, asserts exit code 1, and
/// returns stderr with `dir` shown as `[SITE]`.
fn build_into(dir: &Path, out: &Path) -> String {
    let run = Command::new(env!("CARGO_BIN_EXE_pledgeboard"))
        .arg("build")
        .arg("--output")
        .arg(out)
        .arg(dir)
        .env("SOURCE_DATE_EPOCH", "1719705600")
        .output()
        .expect("run pledgeboard");
    let stderr = String::from_utf8_lossy(&run.stderr).into_owned();
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    stderr.replace(&dir.display().to_string(), "[SITE]")
}

#[test]
fn output_folder_inside_a_folder_the_site_reads() {
    let s = TestSite::minimal();
    insta::assert_snapshot!(build_into(s.path(), &s.path().join("static/public")));
}

#[test]
fn output_folder_written_by_a_watch_session() {
    use std::io::Write;
    let s = TestSite::minimal();
    // The lock beside the output folder, held as `watch` process 4242 would.
    let mut lock = std::fs::File::create(s.path().join(".public.pledgeboard-lock")).unwrap();
    lock.try_lock().unwrap();
    write!(lock, "4242 watch\npledgeboard watch\n").unwrap();
    insta::assert_snapshot!(build_into(s.path(), &s.path().join("public")));
}

// ---------------------------------------------------------------------------
// ---- issue 15: interface strings and theme templates ----

#[test]
fn interface_string_that_cannot_be_shown() {
    let out = with(&[
        // Cycles and a variable nobody gives, where another language's
        // text can be shown instead: warnings.
        (
            "i18n/fr.ftl",
            "nav-label = { skip-link }\nskip-link = { nav-label }\n",
        ),
        ("i18n/ar.ftl", "skip-link = { $nope }\n"),
        // Strings only the site defines, in a cycle: nothing to show instead.
        (
            "i18n/en.ftl",
            "only-here = { also-here }\nalso-here = { only-here }\n",
        ),
    ]);
    insta::assert_snapshot!(out);
}

#[test]
fn content_fluent_and_template_errors_in_one_run() {
    let out = with(&[
        (
            C,
            &COMMITMENT.replacen("status: in-progress", "status: in-progres", 1),
        ),
        (
            "i18n/fr.ftl",
            "skip-link = Aller au contenu\nnav-label = {\n",
        ),
        (
            "themes/default/templates/page.html",
            "{% extends \"base.html\" %}\n{% block content %}{{ t(key=\"no-such-string\") }}\n{% if %}{% endblock content %}\n",
        ),
    ]);
    for (place, what) in [
        (C, "unknown status `in-progres`"),
        ("i18n/fr.ftl:3:1", "this Fluent file has a syntax error"),
        (
            "themes/default/templates/page.html:2:",
            "the interface string `no-such-string` is not defined",
        ),
        (
            "themes/default/templates/page.html",
            "the theme's templates have an error",
        ),
    ] {
        assert!(
            out.lines().any(|l| l.contains(place) && l.contains(what)),
            "{place}: {what}: {out}"
        );
    }
    insta::assert_snapshot!(out);
}

#[test]
fn a_template_that_is_not_text_hides_no_other_template_error() {
    let s = TestSite::minimal();
    s.bytes("themes/default/templates/list.html", b"<p>caf\xe9</p>\n");
    s.file(
        "themes/default/templates/page.html",
        "{% extends \"base.html\" %}\n{% block content %}{{ t(key=\"no-such-string\") }}{% endblock content %}\n",
    );
    let out = check_at(s.path());
    for (place, what) in [
        (
            "themes/default/templates/list.html",
            "this template is not valid UTF-8 text",
        ),
        (
            "themes/default/templates/page.html:2:",
            "the interface string `no-such-string` is not defined",
        ),
    ] {
        assert!(
            out.lines().any(|l| l.contains(place) && l.contains(what)),
            "{place}: {what}: {out}"
        );
    }
}

// ---- issue 15: what the build reads and what it says ----

#[test]
fn static_file_where_the_portal_has_a_page() {
    insta::assert_snapshot!(with(&[
        ("static/en/index.html", "<p>shadow</p>\n"),
        ("static/style.css", "body { color: red }\n"),
    ]));
}

#[test]
fn static_file_where_the_portal_needs_a_folder() {
    insta::assert_snapshot!(with(&[
        ("static/fr", "not a folder\n"),
        ("static/sitemap.xml/old.txt", "inside a file's path\n"),
    ]));
}

/// The warnings of a `check` of the minimal site with `files` written
/// over it (which succeeds).
fn warnings_with(files: &[(&str, &str)]) -> String {
    let s = TestSite::minimal();
    for (rel, text) in files {
        s.file(rel, text);
    }
    let run = s.run(&["check"]);
    assert!(run.ok(), "{}", run.stderr());
    run.stderr()
}

#[test]
fn files_that_are_not_read() {
    let md = "---\ntitle: Not read\n---\n";
    insta::assert_snapshot!(warnings_with(&[
        ("localities/saaba/2019/old-pledge.md", md),
        ("localities/saaba/gate.MD", md),
        ("pages/about.markdown", md),
        ("i18n/de.ftl", "page-localities = Orte\n"),
    ]));
}

#[test]
fn svg_with_a_script() {
    insta::assert_snapshot!(warnings_with(&[(
        "static/logo.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\">\n<circle r=\"4\"/>\n</svg>\n"
    )]));
}

// ---- issue 15: what content can do ----

#[test]
fn html_nested_too_deeply() {
    insta::assert_snapshot!(commitment_with(
        "Police and the vigilante group patrol together.\n",
        &format!(
            "Police and the vigilante group patrol together.\n\n<section>\n{}x\n",
            "<div>".repeat(20) + &"<ul><li>".repeat(60)
        )
    ));
}

// -- Evidence written as a mapping (issue 16: sources with a title) ---------

#[test]
fn source_mapping_without_url() {
    insta::assert_snapshot!(commitment_with(
        "    note:",
        "    sources: [{ title: Report of the review }]\n    note:"
    ));
}

#[test]
fn source_mapping_with_an_unknown_key() {
    insta::assert_snapshot!(commitment_with(
        "    note:",
        "    sources: [{ url: \"https://example.org/r.pdf\", titel: Report }]\n    note:"
    ));
}

// ---------------------------------------------------------------------------
// Both sides' view: several parties' assessments of one review (issue 16)

/// The minimal commitment's one update, assessed by the police, followed by
/// `more` (further updates).
fn assessed_then(more: &str) -> String {
    commitment_with(
        "    note: Three patrols a week.\n",
        &format!("    note: Three patrols a week.\n    assessed_by: police\n{more}"),
    )
}

#[test]
fn same_party_assesses_one_review_twice() {
    insta::assert_snapshot!(assessed_then(
        "  - date: 2017-09-01\n    status: in-progress\n    progress: 30\n    assessed_by: police\n"
    ));
}

#[test]
fn review_with_an_update_that_names_no_assessor() {
    insta::assert_snapshot!(assessed_then(
        "  - date: 2017-09-01\n    status: in-progress\n    progress: 30\n"
    ));
}

#[test]
fn review_before_the_previous_one() {
    insta::assert_snapshot!(assessed_then(
        "  - date: 2017-10-01\n    review: 2017-08-01\n    status: in-progress\n    assessed_by: community\n"
    ));
}

#[test]
fn progress_disagrees_with_the_last_reviews_leading_assessment() {
    insta::assert_snapshot!(assessed_then(
        "  - date: 2017-09-01\n    status: in-progress\n    progress: 10\n    assessed_by: community\n"
    ));
}

/// Two assessments of one review, and a French file with `updates`.
fn translated_assessments(updates: &str) -> String {
    let original = COMMITMENT.replacen(
        "    note: Three patrols a week.\n",
        "    note: Three patrols a week.\n    assessed_by: community\n  - date: 2017-09-01\n    status: in-progress\n    progress: 30\n    assessed_by: joint\n",
        1,
    );
    with(&[
        (C, &original),
        (
            C_FR,
            &format!("---\ntitle: Patrouilles\nupdates:\n{updates}---\nTexte.\n"),
        ),
    ])
}

#[test]
fn translated_update_of_a_shared_date_names_no_assessor() {
    insta::assert_snapshot!(translated_assessments(
        "  - { date: 2017-09-01, note: Trois patrouilles. }\n"
    ));
}

#[test]
fn translated_update_names_an_assessor_the_original_lacks() {
    insta::assert_snapshot!(translated_assessments(
        "  - { date: 2017-09-01, assessed_by: police, note: Trois patrouilles. }\n"
    ));
}

#[test]
fn two_updates_share_a_date_and_name_no_assessor() {
    insta::assert_snapshot!(commitment_with(
        "    note: Three patrols a week.\n",
        "    note: Three patrols a week.\n  - date: 2017-09-01\n    status: in-progress\n    progress: 30\n"
    ));
}

#[test]
fn review_after_the_as_of_date() {
    insta::assert_snapshot!(assessed_then(
        "  - date: 2017-10-01\n    review: 2024-07-01\n    status: in-progress\n    assessed_by: community\n"
    ));
}

// ---- issue 16: maps ----

#[test]
fn country_without_a_map() {
    insta::assert_snapshot!(warnings_with(&[
        (
            "localities/saaba/_index.md",
            "---\nname: Saaba\ncountry: XK\n---\nA town.\n"
        ),
        (
            "localities/pristina/_index.md",
            "---\nname: Pristina\ncountry: XK\n---\nA city.\n"
        ),
    ]));
}

// ---- issue 17: print sheet ----

#[test]
fn commitment_id_used_by_the_print_sheet() {
    insta::assert_snapshot!(with(&[("localities/saaba/print.md", COMMITMENT)]));
}

#[test]
fn two_commitments_with_one_short_key() {
    insta::assert_snapshot!(with(&[(
        "localities/saaba/jos-police.md",
        "---\ntitle: Police in Jos\npledged_by: [police]\nagreed: 2019-01-10\nstatus: not-started\n---\n"
    )]));
}

#[test]
fn short_key_that_is_not_one() {
    insta::assert_snapshot!(commitment_with(
        "status: in-progress\n",
        "status: in-progress\nshort_key: J-P\n"
    ));
}

// ---- issue 17: bundle ----

#[test]
fn offline_bundle_with_a_bad_address_and_size() {
    insta::assert_snapshot!(site_yaml_with(
        "offline_bundle:\n  url: downloads/portal.zip\n  size: about 4 MB\n  sha: abc\n"
    ));
}

#[test]
fn offline_bundle_without_a_size() {
    insta::assert_snapshot!(site_yaml_with(
        "offline_bundle: { url: \"https://tracker.example.org/portal.zip\" }\n"
    ));
}

// ---- share images ----

#[test]
fn share_images_of_an_unknown_kind() {
    insta::assert_snapshot!(site_yaml_with("share_images: locality\n"));
}

// ---- issue 18: editors' messages ----

/// site.yaml declaring `topics` (`ids`, each with an English name).
fn declared_topics(ids: &[&str]) -> String {
    let mut s = String::from("topics:\n");
    for id in ids {
        s.push_str(&format!("  {id}: {{ en: {id} }}\n"));
    }
    s
}

#[test]
fn topic_not_declared_in_site_yaml() {
    let site = format!(
        "{SITE_YAML}{}",
        declared_topics(&["patrols", "theft", "vigilante-groups"])
    );
    let commitment = COMMITMENT.replacen(
        "progress: 30\nupdates:",
        "progress: 30\ntopics: [patrols, vigilantes]\nupdates:",
        1,
    );
    insta::assert_snapshot!(with(&[("site.yaml", &site), (C, &commitment)]));
}

#[test]
fn topic_not_declared_among_many() {
    let many = [
        "armed-groups",
        "checkpoints",
        "communication",
        "courts",
        "detention",
        "drugs",
        "health",
        "patrols",
        "roads",
        "theft",
        "trust",
        "vigilante-groups",
        "youth",
    ];
    let site = format!("{SITE_YAML}{}", declared_topics(&many));
    let commitment = COMMITMENT.replacen(
        "progress: 30\nupdates:",
        "progress: 30\ntopics: [thefts, road]\nupdates:",
        1,
    );
    insta::assert_snapshot!(with(&[("site.yaml", &site), (C, &commitment)]));
}

// The YAML library's phrases in plain words (issue 18), one per phrase an
// editor can reach; the existing `yaml_*` snapshots above show the rest.

#[test]
fn yaml_tab_before_a_list_item() {
    insta::assert_snapshot!(commitment_with(
        "  - date: 2017-09-01",
        "\t- date: 2017-09-01"
    ));
}

#[test]
fn yaml_tab_after_spaces_in_indentation() {
    insta::assert_snapshot!(commitment_with("    note: Three", "  \t  note: Three"));
}

#[test]
fn yaml_backtick_at_the_start_of_a_value() {
    insta::assert_snapshot!(commitment_with(
        "title: Joint night patrols",
        "title: `Joint` night patrols"
    ));
}

#[test]
fn yaml_missing_comma_in_a_list() {
    insta::assert_snapshot!(commitment_with(
        "pledged_by: [police, community]",
        "pledged_by: [police community, \"youth\" group]"
    ));
}

#[test]
fn yaml_unclosed_mapping() {
    insta::assert_snapshot!(commitment_with(
        "title: Joint night patrols",
        "title: { en: Joint night patrols, fr: Patrouilles"
    ));
}

#[test]
fn yaml_unclosed_double_quote() {
    insta::assert_snapshot!(commitment_with(
        "note: Three patrols a week.",
        "note: \"Three patrols a week."
    ));
}

#[test]
fn yaml_unclosed_single_quote() {
    insta::assert_snapshot!(commitment_with(
        "title: Joint night patrols",
        "title: 'Joint night patrols"
    ));
}

#[test]
fn yaml_unknown_backslash_code() {
    insta::assert_snapshot!(commitment_with(
        "note: Three patrols a week.",
        "note: \"Minutes in C:\\docs\\patrols\""
    ));
}

#[test]
fn yaml_list_line_without_a_dash() {
    insta::assert_snapshot!(commitment_with(
        "    note: Three patrols a week.\n",
        "    note: Three patrols a week.\n  date: 2018-01-01\n"
    ));
}

#[test]
fn yaml_line_without_a_key() {
    insta::assert_snapshot!(commitment_with(
        "due: 2018-01-31\n",
        "due: 2018-01-31\nresponsible\n"
    ));
}

#[test]
fn yaml_list_item_on_the_key_line() {
    insta::assert_snapshot!(commitment_with(
        "due: 2018-01-31\n",
        "due: 2018-01-31\ntopics: - patrols\n"
    ));
}

#[test]
fn yaml_list_item_among_keys() {
    insta::assert_snapshot!(commitment_with(
        "due: 2018-01-31\n",
        "due: 2018-01-31\n- patrols\n"
    ));
}

#[test]
fn yaml_value_starting_with_a_star() {
    insta::assert_snapshot!(commitment_with(
        "note: Three patrols a week.",
        "note: *Three* patrols a week."
    ));
}

#[test]
fn yaml_value_starting_with_a_star_and_a_space() {
    insta::assert_snapshot!(commitment_with(
        "note: Three patrols a week.",
        "note: * Three patrols a week."
    ));
}

#[test]
fn yaml_text_after_a_block_indicator() {
    insta::assert_snapshot!(commitment_with(
        "note: Three patrols a week.",
        "note: | Three patrols a week."
    ));
}

#[test]
fn yaml_missing_value_in_a_list() {
    insta::assert_snapshot!(commitment_with(
        "pledged_by: [police, community]",
        "pledged_by: [police, , community]"
    ));
}

#[test]
fn yaml_closing_bracket_too_many() {
    insta::assert_snapshot!(commitment_with(
        "pledged_by: [police, community]",
        "pledged_by: [police, community]]"
    ));
}

#[test]
fn yaml_line_indented_unlike_its_keys() {
    insta::assert_snapshot!(commitment_with(
        "due: 2018-01-31\n",
        "due: 2018-01-31\n responsible: The chief\n"
    ));
}

#[test]
fn yaml_directive_at_the_top() {
    insta::assert_snapshot!(commitment_with("---\ntitle:", "---\n%progress 30\ntitle:"));
}

/// The French file of the minimal commitment with `updates`, next to an
/// original whose updates are `original` (replacing its one update).
fn translated_updates(original: &str, updates: &str) -> String {
    let commitment = COMMITMENT.replacen(
        "  - date: 2017-09-01\n    status: in-progress\n    progress: 30\n    note: Three patrols a week.\n",
        original,
        1,
    );
    with(&[
        (C, &commitment),
        (
            C_FR,
            &format!("---\ntitle: Patrouilles\nupdates:\n{updates}---\nTexte.\n"),
        ),
    ])
}

#[test]
fn translated_update_whose_place_could_be_two_updates() {
    // The first date was corrected in the original and a later update
    // added: the French note could translate either.
    insta::assert_snapshot!(translated_updates(
        "  - { date: 2017-09-02, status: in-progress, progress: 20, note: Two patrols. }\n  - { date: 2018-01-10, status: in-progress, progress: 30, note: Three patrols. }\n",
        "  - { date: 2017-09-01, note: Deux patrouilles. }\n"
    ));
}
