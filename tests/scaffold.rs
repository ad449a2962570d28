//! `pledgeboard init` and `pledgeboard new`: the sites and files they write
//! build and check clean, in any language; what they refuse, and their
//! messages (snapshots).

mod common;

use common::Page;
use std::path::Path;
use std::process::Command;

/// 2026-01-01: the day the sample dates are counted from, and the build's.
const EPOCH: &str = "1767225600";

struct Ran {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// Runs `pledgeboard <args…>` in `cwd`, with the build date fixed; the
/// folder's path is shown as `TMP` in what it prints.
fn run(cwd: &Path, args: &[&str]) -> Ran {
    let out = Command::new(env!("CARGO_BIN_EXE_pledgeboard"))
        .args(args)
        .current_dir(cwd)
        .env("SOURCE_DATE_EPOCH", EPOCH)
        .output()
        .expect("run pledgeboard");
    let tidy = |b: &[u8]| String::from_utf8_lossy(b).replace(&cwd.display().to_string(), "TMP");
    Ran {
        code: out.status.code(),
        stdout: tidy(&out.stdout),
        stderr: tidy(&out.stderr),
    }
}

/// A new site in `TMP/site`, made with these languages.
fn init(languages: &str) -> (tempfile::TempDir, Ran) {
    let tmp = tempfile::tempdir().unwrap();
    let ran = run(tmp.path(), &["init", "site", "--languages", languages]);
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    (tmp, ran)
}

/// `check` passes with no error and no warning.
fn assert_checks_clean(tmp: &Path) {
    let ran = run(tmp, &["check", "site"]);
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    assert_eq!(ran.stderr, "", "check printed warnings");
    assert!(
        ran.stdout
            .starts_with("No errors: 1 localities, 1 commitments")
    );
}

fn read(tmp: &Path, rel: &str) -> String {
    std::fs::read_to_string(tmp.join("site").join(rel)).unwrap()
}

fn build(tmp: &Path) {
    let ran = run(tmp, &["build", "site", "--output", "out"]);
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    assert_eq!(ran.stderr, "", "build printed warnings");
}

fn page(tmp: &Path, rel: &str) -> Page {
    Page::parse(&std::fs::read_to_string(tmp.join("out").join(rel)).unwrap())
}

#[test]
fn init_fr_ar_en_writes_a_site_that_builds_and_checks_clean() {
    let (tmp, ran) = init("fr,ar,en");
    insta::assert_snapshot!("init_fr_ar_en", ran.stdout);
    let site = read(tmp.path(), "site.yaml");
    assert!(site.starts_with("# yaml-language-server: $schema=.schemas/site.schema.json\n"));
    assert!(site.contains("\ndefault_language: fr\n"), "{site}");
    assert!(site.contains("\nlicense:\n  name: CC BY 4.0\n"), "{site}");
    assert_checks_clean(tmp.path());
    let check = run(tmp.path(), &["check", "site"]).stdout;
    assert!(!check.contains("not translated"), "{check}");
    build(tmp.path());
    let c = "localities/riverside/market-street-lighting/index.html";
    let fr = page(tmp.path(), &format!("fr/{c}"));
    assert_eq!(
        fr.text_of("h1"),
        ["Éclairage public sur la route du marché"]
    );
    let ar = page(tmp.path(), &format!("ar/{c}"));
    assert_eq!(ar.text_of("h1"), ["إنارة طريق السوق"]);
    assert!(
        ar.text().contains("رُكّب ستة مصابيح"),
        "the Arabic update note"
    );
    let en = page(tmp.path(), "en/methodology/index.html");
    assert_eq!(en.text_of("h1"), ["Methodology"]);
    assert!(
        page(tmp.path(), "fr/about/index.html")
            .text()
            .contains("Bord-du-Fleuve")
    );
}

#[test]
fn init_in_hausa_alone_builds_and_checks_clean() {
    let (tmp, _) = init("ha");
    assert_checks_clean(tmp.path());
    build(tmp.path());
    let home = page(tmp.path(), "ha/index.html");
    assert!(
        home.text().contains("Tattaunawar Bakin Kogi"),
        "{}",
        home.text()
    );
    let pages = std::fs::read_dir(tmp.path().join("site/pages")).unwrap();
    assert_eq!(
        pages.count(),
        2,
        "about.md and methodology.md, no translations"
    );
}

#[test]
fn init_with_a_language_the_theme_lacks_says_how_its_strings_fall_back() {
    let (tmp, ran) = init("sw,en");
    insta::assert_snapshot!("init_sw_en", ran.stdout);
    assert!(read(tmp.path(), "pages/about.md").contains("About this tracker"));
    assert!(read(tmp.path(), "site.yaml").contains("  - { code: sw, name: \"sw\" }"));
    // The one warning is the one `init` announced: the strings fall back.
    let ran = run(tmp.path(), &["check", "site"]);
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    assert_eq!(ran.stderr.lines().count(), 1, "{}", ran.stderr);
    // Every string of the theme is missing (their number grows with the theme).
    let missing = ran
        .stderr
        .strip_prefix("warning: i18n/sw.ftl: ")
        .and_then(|rest| {
            rest.split_once(" interface strings have no `sw` text; the `en` text is shown instead")
        })
        .map(|(n, _)| n.parse::<usize>().expect("a number"));
    assert!(missing.is_some_and(|n| n > 150), "{}", ran.stderr);
}

#[test]
fn init_sets_the_title_given() {
    let tmp = tempfile::tempdir().unwrap();
    let args = [
        "init",
        "site",
        "-l",
        "en,fr",
        "--title",
        "Kano: \"our\" tracker",
    ];
    assert_eq!(run(tmp.path(), &args).code, Some(0));
    assert!(read(tmp.path(), "site.yaml").contains("\ntitle: \"Kano: \\\"our\\\" tracker\"\n"));
    assert_checks_clean(tmp.path());
}

#[test]
fn init_refuses_a_folder_that_is_not_empty() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::create_dir(tmp.path().join("site")).unwrap();
    std::fs::write(tmp.path().join("site/notes.txt"), "mine").unwrap();
    let ran = run(tmp.path(), &["init", "site", "--languages", "en"]);
    assert_eq!(ran.code, Some(1));
    insta::assert_snapshot!("init_folder_not_empty", ran.stderr);
    let left: Vec<_> = std::fs::read_dir(tmp.path().join("site"))
        .unwrap()
        .collect();
    assert_eq!(left.len(), 1, "nothing was written beside notes.txt");
}

#[test]
fn init_refuses_bad_language_codes_all_at_once() {
    let tmp = tempfile::tempdir().unwrap();
    let ran = run(
        tmp.path(),
        &["init", "site", "--languages", "fr,English,fr"],
    );
    assert_eq!(ran.code, Some(1));
    insta::assert_snapshot!("init_bad_languages", ran.stderr);
    assert!(!tmp.path().join("site").exists());
}

#[test]
fn new_locality_and_commitment_check_clean() {
    let (tmp, _) = init("en,fr");
    let t = tmp.path();
    // The country of most localities when none is given.
    let ran = run(t, &["new", "locality", "jos", "--site", "site"]);
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    assert!(read(t, "localities/jos/_index.md").contains("\ncountry: BF\n"));
    let ran = run(
        t,
        &[
            "new",
            "locality",
            "kano",
            "--site",
            "site",
            "--country",
            "ng",
            "--name",
            "Kano: Sabon Gari",
        ],
    );
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    insta::assert_snapshot!("new_locality", ran.stdout);
    let loc = read(t, "localities/kano/_index.md");
    assert!(loc.contains("\nname: \"Kano: Sabon Gari\"\n"), "{loc}");
    assert!(loc.contains("\ncountry: NG\n"), "{loc}");
    let ran = run(
        t,
        &["new", "commitment", "kano/water-points", "--site", "site"],
    );
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    let c = read(t, "localities/kano/water-points.md");
    insta::assert_snapshot!("new_commitment_file", c);
    let ran = run(t, &["check", "site"]);
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    assert_eq!(ran.stderr, "");
    assert!(
        ran.stdout
            .starts_with("No errors: 3 localities, 2 commitments"),
        "{}",
        ran.stdout
    );
}

#[test]
fn new_refuses_taken_invalid_and_reserved_ids() {
    let (tmp, _) = init("en");
    let t = tmp.path();
    let cases: [(&str, &[&str]); 9] = [
        ("new_locality_taken", &["new", "locality", "riverside"]),
        ("new_locality_invalid_id", &["new", "locality", "Kano Town"]),
        (
            "new_locality_bad_country",
            &["new", "locality", "kano", "--country", "NGA"],
        ),
        (
            "new_commitment_taken",
            &["new", "commitment", "riverside/market-street-lighting"],
        ),
        (
            "new_commitment_invalid_id",
            &["new", "commitment", "riverside/Water_points"],
        ),
        (
            "new_commitment_reserved_id",
            &["new", "commitment", "riverside/print"],
        ),
        (
            "new_commitment_unknown_locality",
            &["new", "commitment", "riversde/water-points"],
        ),
        (
            "new_commitment_without_locality",
            &["new", "commitment", "water-points"],
        ),
        (
            "new_without_a_site",
            &["new", "locality", "kano", "--site", "elsewhere"],
        ),
    ];
    let before = common::tree(&t.join("site"));
    for (name, args) in cases {
        let mut args = args.to_vec();
        if !args.contains(&"--site") {
            args.extend(["--site", "site"]);
        }
        let ran = run(t, &args);
        assert_eq!(ran.code, Some(1), "{name}: {}", ran.stdout);
        insta::assert_snapshot!(name, ran.stderr);
    }
    assert!(
        common::tree(&t.join("site")) == before,
        "nothing was written"
    );
}

#[test]
fn a_new_locality_needs_a_country_in_a_site_without_localities() {
    let (tmp, _) = init("en");
    let t = tmp.path();
    std::fs::remove_dir_all(t.join("site/localities")).unwrap();
    let ran = run(t, &["new", "locality", "kano", "--site", "site"]);
    assert_eq!(ran.code, Some(1));
    insta::assert_snapshot!("new_locality_without_country", ran.stderr);
}
