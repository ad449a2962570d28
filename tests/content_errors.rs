//! Every kind of content error is reported with its file, line and column,
//! what was found and what was expected; all of a build's problems at once;
//! a non-zero exit; and no output written.

mod common;
use common::*;

/// Builds and returns stderr, asserting the build failed with exit code 1.
fn failing(site: &TestSite) -> String {
    let r = site.build();
    assert_eq!(
        r.code(),
        Some(1),
        "expected a failed build, got:\n{}\n{}",
        r.stdout(),
        r.stderr()
    );
    assert!(!site.out().exists(), "a failed build must not write output");
    r.stderr()
}

fn commitment_with(fm_replace: (&str, &str)) -> String {
    assert!(
        COMMITMENT.contains(fm_replace.0),
        "test setup: {} not in COMMITMENT",
        fm_replace.0
    );
    COMMITMENT.replacen(fm_replace.0, fm_replace.1, 1)
}

#[test]
fn unknown_status_names_position_and_suggests() {
    let s = TestSite::minimal();
    s.file(
        "localities/saaba/joint-patrols.md",
        &commitment_with((
            "status: in-progress\nprogress",
            "status: in-progres\nprogress",
        ))
        .replace("    status: in-progress\n", "    status: in-progres\n"),
    );
    let err = failing(&s);
    assert!(
        err.contains("error: localities/saaba/joint-patrols.md:6:9: unknown status `in-progres`"),
        "{err}"
    );
    assert!(err.contains("did you mean `in-progress`?"), "{err}");
    assert!(
        err.contains("expected: one of `not-started`, `in-progress`"),
        "{err}"
    );
    // The update's status is reported too, at its own line.
    assert!(
        err.contains("error: localities/saaba/joint-patrols.md:10:13: unknown status `in-progres`"),
        "{err}"
    );
}

#[test]
fn unknown_party() {
    let s = TestSite::minimal();
    s.file(
        "localities/saaba/joint-patrols.md",
        &commitment_with((
            "pledged_by: [police, community]",
            "pledged_by: [police, comunity]",
        )),
    );
    let err = failing(&s);
    assert!(
        err.contains("error: localities/saaba/joint-patrols.md:3:22: unknown party `comunity`"),
        "{err}"
    );
    assert!(err.contains("did you mean `community`?"), "{err}");
}

#[test]
fn translation_setting_a_structured_field() {
    let s = TestSite::minimal();
    s.file(
        "localities/saaba/joint-patrols.fr.md",
        "---\ntitle: Patrouilles\nstatus: completed\n---\nTexte.\n",
    );
    let err = failing(&s);
    assert!(
        err.contains(
            "error: localities/saaba/joint-patrols.fr.md:3:1: a translation cannot set `status`"
        ),
        "{err}"
    );
    assert!(
        err.contains("belongs in the default-language file `localities/saaba/joint-patrols.md`"),
        "{err}"
    );
}

#[test]
fn bad_dates() {
    let s = TestSite::minimal();
    s.file(
        "localities/saaba/joint-patrols.md",
        &commitment_with(("agreed: 2017-05-20", "agreed: 2017-02-30")),
    );
    s.file(
        "localities/saaba/other.md",
        "---\ntitle: Other\npledged_by: [police]\nagreed: 20/05/2017\nstatus: not-started\n---\n",
    );
    let err = failing(&s);
    assert!(
        err.contains(
            "error: localities/saaba/joint-patrols.md:4:9: `agreed` is not a valid date: there is no day 30 in 2017-02"
        ),
        "{err}"
    );
    assert!(
        err.contains(
            "error: localities/saaba/other.md:4:9: `agreed` is not a valid date: it is not written YYYY-MM-DD"
        ),
        "{err}"
    );
    assert!(err.contains("found: `20/05/2017`"), "{err}");
    assert!(err.contains("expected: a date written YYYY-MM-DD"), "{err}");
}

#[test]
fn updates_out_of_order_and_in_the_future() {
    let s = TestSite::minimal();
    s.file(
        "localities/saaba/joint-patrols.md",
        "---\ntitle: Patrols\npledged_by: [police]\nagreed: 2017-05-20\nupdates:\n  - { date: 2018-03-01, status: in-progress }\n  - { date: 2017-09-01, status: stalled }\n  - { date: 2025-01-01, status: stalled }\n---\n",
    );
    let err = failing(&s);
    assert!(
        err.contains("error: localities/saaba/joint-patrols.md:7:13: updates are out of order"),
        "{err}"
    );
    assert!(err.contains("found: 2017-09-01 after 2018-03-01"), "{err}");
    assert!(
        err.contains(
            "error: localities/saaba/joint-patrols.md:8:13: an update is dated after the portal's as-of date"
        ),
        "{err}"
    );
}

#[test]
fn progress_outside_range() {
    let s = TestSite::minimal();
    s.file(
        "localities/saaba/joint-patrols.md",
        &commitment_with(("    progress: 30\n", "    progress: 130\n")),
    );
    let err = failing(&s);
    assert!(
        err.contains("error: localities/saaba/joint-patrols.md:11:15: `progress` is outside 0-100"),
        "{err}"
    );
    assert!(err.contains("found: the number `130`"), "{err}");
}

#[test]
fn forbidden_characters_in_ids() {
    let s = TestSite::minimal();
    s.file("localities/saaba/Night Patrols.md", COMMITMENT);
    s.file("localities/Jos_North/_index.md", LOCALITY);
    let err = failing(&s);
    assert!(err.contains("error: localities/saaba/Night Patrols.md: the commitment id `Night Patrols` has forbidden characters"), "{err}");
    assert!(
        err.contains("rename it, for example to `night-patrols`"),
        "{err}"
    );
    assert!(
        err.contains(
            "error: localities/Jos_North/_index.md: the locality id `Jos_North` has forbidden characters"
        ),
        "{err}"
    );
}

#[test]
fn missing_required_field() {
    let s = TestSite::minimal();
    s.file(
        "localities/saaba/joint-patrols.md",
        &commitment_with(("agreed: 2017-05-20\n", "")),
    );
    let err = failing(&s);
    assert!(
        err.contains(
            "error: localities/saaba/joint-patrols.md:2:1: the required field `agreed` is missing"
        ),
        "{err}"
    );
}

#[test]
fn unknown_field_with_did_you_mean() {
    let s = TestSite::minimal();
    s.file(
        "localities/saaba/joint-patrols.md",
        &commitment_with(("due: 2018-01-31", "deu: 2018-01-31")),
    );
    let err = failing(&s);
    assert!(
        err.contains(
            "error: localities/saaba/joint-patrols.md:5:1: unknown field `deu` in a commitment's front matter"
        ),
        "{err}"
    );
    assert!(err.contains("did you mean `due`?"), "{err}");
}

#[test]
fn status_disagreeing_with_last_update() {
    let s = TestSite::minimal();
    s.file(
        "localities/saaba/joint-patrols.md",
        &commitment_with((
            "status: in-progress\nprogress",
            "status: completed\nprogress",
        )),
    );
    let err = failing(&s);
    assert!(
        err.contains("error: localities/saaba/joint-patrols.md:6:9: the status disagrees with the last update"),
        "{err}"
    );
    assert!(
        err.contains("`status: completed`, while the last update says `status: in-progress`"),
        "{err}"
    );
}

#[test]
fn yaml_syntax_errors_and_unclosed_front_matter() {
    let s = TestSite::minimal();
    s.file(
        "localities/saaba/broken.md",
        "---\ntitle: [Patrols\npledged_by: police\n---\n",
    );
    s.file("localities/saaba/unclosed.md", "---\ntitle: Patrols\n");
    let err = failing(&s);
    // At the `[` that is not closed.
    assert!(
        err.contains(
            "error: localities/saaba/broken.md:2:8: the front matter is not valid YAML: this list opened with `[` is not closed with `]`"
        ),
        "{err}"
    );
    assert!(
        err.contains("error: localities/saaba/unclosed.md:1:1: the front matter is not closed"),
        "{err}"
    );
}

#[test]
fn duplicate_keys() {
    let s = TestSite::minimal();
    s.file(
        "localities/saaba/joint-patrols.md",
        &commitment_with(("due: 2018-01-31\n", "due: 2018-01-31\ndue: 2019-01-31\n")),
    );
    let err = failing(&s);
    assert!(
        err.contains(
            "error: localities/saaba/joint-patrols.md:6:1: the front matter is not valid YAML: the key `due` appears twice"
        ),
        "{err}"
    );
}

#[test]
fn all_problems_of_a_build_at_once() {
    let s = TestSite::minimal();
    s.file(
        "localities/saaba/a.md",
        "---\ntitle: A\npledged_by: [polic]\nagreed: 2017-05-20\nstatus: started\n---\n",
    );
    s.file("localities/saaba/b.md", "---\ntitle: B\npledged_by: [police]\nagreed: 2017-05-20\nstatus: in-progress\nprogress: -5\n---\n");
    s.file("localities/kirkuk/c.md", COMMITMENT);
    s.file("site.yaml", &site_yaml_with("colour: blue\n"));
    let err = failing(&s);
    for needle in [
        "error: localities/saaba/a.md:3:14: unknown party `polic`",
        "error: localities/saaba/a.md:5:9: unknown status `started`",
        "error: localities/saaba/b.md:6:11: `progress` is outside 0-100",
        "error: localities/kirkuk/_index.md: this locality folder has no `_index.md`",
        "error: site.yaml:12:1: unknown field `colour` in site.yaml",
    ] {
        assert!(err.contains(needle), "missing `{needle}` in:\n{err}");
    }
    assert!(err.contains("5 errors found; nothing was written"), "{err}");
}

#[test]
fn translation_in_unknown_language_and_orphan_translation() {
    let s = TestSite::minimal();
    s.file(
        "localities/saaba/joint-patrols.de.md",
        "---\ntitle: Streifen\n---\n",
    );
    s.file("localities/saaba/ghost.fr.md", "---\ntitle: Fantôme\n---\n");
    let err = failing(&s);
    assert!(
        err.contains(
            "error: localities/saaba/joint-patrols.de.md: `de` is not one of the site's languages"
        ),
        "{err}"
    );
    assert!(
        err.contains(
            "error: localities/saaba/ghost.fr.md: a translation of a file that does not exist"
        ),
        "{err}"
    );
    assert!(
        err.contains("expected: the default-language file `localities/saaba/ghost.md`"),
        "{err}"
    );
}

#[test]
fn translated_update_must_match_a_date() {
    let s = TestSite::minimal();
    s.file(
        "localities/saaba/joint-patrols.fr.md",
        "---\ntitle: Patrouilles\nupdates:\n  - { date: 2017-09-01, note: Trois patrouilles. }\n  - { date: 2017-09-02, note: Quatre patrouilles. }\n---\n",
    );
    let err = failing(&s);
    assert!(
        err.contains(
            "error: localities/saaba/joint-patrols.fr.md:5:13: this translated update matches no update of the original"
        ),
        "{err}"
    );
    assert!(err.contains("2017-09-01"), "{err}");
}

#[test]
fn invalid_utf8_is_reported_with_position() {
    let s = TestSite::minimal();
    s.bytes("localities/saaba/latin1.md", b"---\ntitle: Caf\xe9\n---\n");
    let err = failing(&s);
    assert!(
        err.contains("error: localities/saaba/latin1.md:2:11: this file is not valid UTF-8 text"),
        "{err}"
    );
    assert!(err.contains("found: the byte 0xE9"), "{err}");
}

#[test]
fn site_yaml_problems() {
    let s = TestSite::minimal();
    s.file("site.yaml", "title: T\nbase_url: tracker.example.org\ndefault_language: de\nlanguages:\n  - { code: en, name: English }\n");
    let err = failing(&s);
    assert!(
        err.contains("error: site.yaml:2:11: `base_url` is not a web address"),
        "{err}"
    );
    assert!(
        err.contains("error: site.yaml:3:19: the default language is not one of `languages`"),
        "{err}"
    );
}

#[test]
fn missing_site_directory_and_site_yaml() {
    let s = TestSite::empty();
    let err = failing(&s);
    assert!(
        err.contains("error: site.yaml: the site directory has no site.yaml"),
        "{err}"
    );
    let missing = s.path().join("missing");
    // With `check`: `build` first refuses to write into `missing/public`.
    let r = std::process::Command::new(env!("CARGO_BIN_EXE_pledgeboard"))
        .arg("check")
        .arg(&missing)
        .output()
        .expect("run pledgeboard");
    let err = String::from_utf8_lossy(&r.stderr);
    assert_eq!(r.status.code(), Some(1), "{err}");
    assert!(
        err.contains(&format!(
            "error: {}: the site directory does not exist",
            missing.display()
        )),
        "{err}"
    );
}

// ---- issue 15: what the build reads and what it says ----

/// The `error:` lines of a failed build.
fn error_lines(err: &str) -> Vec<&str> {
    err.lines().filter(|l| l.starts_with("error: ")).collect()
}

#[test]
fn an_error_in_a_locality_index_is_reported_once_not_as_a_missing_file() {
    let s = TestSite::minimal();
    s.file("localities/saaba/_index.md", "---\nname: [broken\n---\n");
    s.file(
        "localities/saaba/_index.fr.md",
        "---\nname: Saaba (fr)\n---\n",
    );
    let err = failing(&s);
    let errors = error_lines(&err);
    assert_eq!(errors.len(), 1, "{err}");
    assert!(
        errors[0].starts_with("error: localities/saaba/_index.md:"),
        "{err}"
    );
    assert!(!err.contains("has no `_index.md`"), "{err}");
    assert!(
        !err.contains("a translation of a file that does not exist"),
        "{err}"
    );
}

#[test]
fn an_error_in_a_commitment_does_not_orphan_its_translations() {
    let s = TestSite::minimal();
    s.file(
        "localities/saaba/joint-patrols.md",
        "---\ntitle: Joint patrols\nagreed: [2017\n---\n",
    );
    s.file(
        "localities/saaba/joint-patrols.fr.md",
        "---\ntitle: Patrouilles\n---\n",
    );
    s.file(
        "localities/saaba/joint-patrols.ar.md",
        "---\ntitle: دوريات\n---\n",
    );
    let err = failing(&s);
    let errors = error_lines(&err);
    assert_eq!(errors.len(), 1, "{err}");
    assert!(
        errors[0].starts_with("error: localities/saaba/joint-patrols.md:"),
        "{err}"
    );
    // A real orphan is still reported.
    s.remove("localities/saaba/joint-patrols.md");
    let err = failing(&s);
    assert_eq!(
        error_lines(&err),
        [
            "error: localities/saaba/joint-patrols.ar.md: a translation of a file that does not exist",
            "error: localities/saaba/joint-patrols.fr.md: a translation of a file that does not exist",
        ],
        "{err}"
    );
}
