//! Translated updates survive a date corrected in the original (issue 18):
//! the demo's Saaba patrols with its first update's date corrected in the
//! English file still show the French, Arabic and Nepali notes, with a
//! warning telling the editor of each translation the date to write.

mod common;
use common::*;
use std::path::Path;
use std::process::Command;

const PATROLS: &str = "localities/saaba/joint-night-patrols.md";

/// Copies the folder `from` into `to`.
fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let p = e.unwrap().path();
        let dest = to.join(p.file_name().unwrap());
        if p.is_dir() {
            copy_dir(&p, &dest);
        } else {
            std::fs::copy(&p, &dest).unwrap();
        }
    }
}

#[test]
fn a_date_corrected_in_the_original_keeps_the_translations_notes() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("content"),
        &site,
    );
    let original = std::fs::read_to_string(site.join(PATROLS)).unwrap();
    assert!(original.contains("  - date: 2017-09-01\n"), "test setup");
    let corrected = original.replacen("  - date: 2017-09-01\n", "  - date: 2017-09-02\n", 1);
    std::fs::write(site.join(PATROLS), corrected).unwrap();

    let out = tmp.path().join("public");
    let run = Command::new(env!("CARGO_BIN_EXE_pledgeboard"))
        .arg("build")
        .arg(&site)
        .arg("--output")
        .arg(&out)
        .env("SOURCE_DATE_EPOCH", "1767225600")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{stderr}");

    let fr = Page::parse(
        &std::fs::read_to_string(out.join("fr/localities/saaba/joint-night-patrols/index.html"))
            .unwrap(),
    );
    let text = fr.text();
    assert!(
        text.contains("Trois patrouilles conjointes par semaine depuis août"),
        "{text}"
    );
    assert!(
        !text.contains("Three joint patrols a week since August"),
        "the French page shows the English note: {text}"
    );

    insta::assert_snapshot!(diagnostics_about(&stderr, "joint-night-patrols."));
}

/// The diagnostics of `stderr` (a first line and its indented lines) whose
/// first line names a file containing `file`.
fn diagnostics_about(stderr: &str, file: &str) -> String {
    let mut out = String::new();
    let mut keep = false;
    for line in stderr.lines() {
        if !line.starts_with(' ') {
            keep = (line.starts_with("warning: ") || line.starts_with("error: "))
                && line.contains(file);
        }
        if keep {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}
