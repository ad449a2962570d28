//! Hostile or broken content (issue 6): every bad input gets a clear error
//! naming the file (and line:column where it has one) with what was found and
//! expected, exit code 1, never a panic or a hang, and the previous output
//! stays byte for byte as it was. Byte-order marks and CRLF line ends are
//! accepted and give the same pages as the plain file. Raw HTML and hostile
//! text in content come out as harmless text or sanitised markup.
//!
//! Cases already in `content_errors.rs` (invalid UTF-8 with its position,
//! unclosed front matter, YAML syntax errors, duplicate keys, forbidden
//! characters in file names, a locality folder without `_index.md`) are run
//! here again only for what that file does not check: that the previous
//! output is kept, and that nothing panics or hangs.
//!
//! Large and explosive inputs (the 50 MB file, alias bombs, deep nesting) are
//! made at test time, not committed.

mod common;
use common::*;
use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Longer than any of these builds takes in a debug build on a slow machine;
/// a run past it is a hang.
const HANG: Duration = Duration::from_secs(60);

/// What one run of the real binary did.
struct Outcome {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// Runs `pledgeboard <args…> <site dir>`, killing it and failing the test
/// when it runs past [`HANG`].
fn run(site: &Path, args: &[&str]) -> Outcome {
    let mut child = Command::new(env!("CARGO_BIN_EXE_pledgeboard"))
        .args(args)
        .arg(site)
        .env("SOURCE_DATE_EPOCH", "1719705600") // 2024-06-30
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start pledgeboard");
    // Read both pipes while waiting, so a long error list cannot block the child.
    let pipe = |mut r: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut s = Vec::new();
            r.read_to_end(&mut s).ok();
            String::from_utf8_lossy(&s).into_owned()
        })
    };
    let out = pipe(Box::new(child.stdout.take().unwrap()));
    let err = pipe(Box::new(child.stderr.take().unwrap()));
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for pledgeboard") {
            break status;
        }
        if start.elapsed() > HANG {
            child.kill().ok();
            child.wait().ok();
            panic!("pledgeboard {args:?} ran for more than {HANG:?}: a hang");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let o = Outcome {
        code: status.code(),
        stdout: out.join().unwrap(),
        stderr: err.join().unwrap(),
    };
    assert!(
        !o.stderr.contains("panicked") && !o.stdout.contains("panicked"),
        "pledgeboard panicked:\n{}",
        o.stderr
    );
    o
}

/// Builds `site` into its default output folder and asserts success.
fn build_ok(site: &TestSite) {
    let o = run(site.path(), &["build"]);
    assert_eq!(o.code, Some(0), "build failed:\n{}", o.stderr);
}

/// Builds a good site, breaks it with `break_it`, builds again into the same
/// output folder: asserts exit code 1, every needle in stderr, and the output
/// byte-identical to the good one. Returns stderr.
fn fails_keeping_output(break_it: impl FnOnce(&TestSite), needles: &[&str]) -> String {
    let site = TestSite::minimal();
    build_ok(&site);
    let before = tree(&site.out());
    assert!(!before.is_empty());
    break_it(&site);
    let o = run(site.path(), &["build"]);
    assert_eq!(
        o.code,
        Some(1),
        "expected a failed build:\n{}\n{}",
        o.stdout,
        o.stderr
    );
    for needle in needles {
        assert!(
            o.stderr.contains(needle),
            "missing `{needle}` in:\n{}",
            o.stderr
        );
    }
    assert!(
        o.stderr.contains("nothing was written"),
        "no summary line in:\n{}",
        o.stderr
    );
    assert!(
        tree(&site.out()) == before,
        "a failed build changed the previous output"
    );
    // `check` reports the same and also exits with 1.
    let c = run(site.path(), &["check"]);
    assert_eq!(c.code, Some(1), "check:\n{}", c.stderr);
    o.stderr
}

const C: &str = "localities/saaba/joint-patrols.md";

#[test]
fn invalid_utf8_keeps_previous_output() {
    // Position and byte are checked in content_errors.rs.
    let mut bytes = COMMITMENT.as_bytes().to_vec();
    bytes.extend_from_slice(b"Caf\xe9 and more.\n");
    fails_keeping_output(
        |s| {
            s.bytes(C, &bytes);
        },
        &[
            "joint-patrols.md:15:4: this file is not valid UTF-8 text",
            "found: the byte 0xE9",
            "expected: UTF-8 text",
        ],
    );
}

#[test]
fn bom_and_crlf_give_the_same_pages_as_plain_files() {
    let plain = TestSite::minimal();
    build_ok(&plain);
    let reference = tree(&plain.out());
    let crlf = |s: &str| s.replace('\n', "\r\n");
    let bom = |s: &str| format!("\u{feff}{s}");
    for (what, f) in [
        ("BOM", &bom as &dyn Fn(&str) -> String),
        ("CRLF", &crlf),
        ("BOM and CRLF", &|s: &str| bom(&crlf(s))),
    ] {
        let s = TestSite::minimal();
        s.file("site.yaml", &f(SITE_YAML));
        s.file("localities/saaba/_index.md", &f(LOCALITY));
        s.file(C, &f(COMMITMENT));
        build_ok(&s);
        let got = tree(&s.out());
        assert_eq!(
            got.keys().collect::<Vec<_>>(),
            reference.keys().collect::<Vec<_>>(),
            "{what}: other files"
        );
        for (path, bytes) in &reference {
            assert!(&got[path] == bytes, "{what}: {path} differs");
        }
    }
}

#[test]
fn unterminated_front_matter_keeps_previous_output() {
    fails_keeping_output(
        |s| {
            s.file(C, "---\ntitle: Patrols\npledged_by: [police]\n");
        },
        &[
            "joint-patrols.md:1:1: the front matter is not closed",
            "found: a `---` line that opens the front matter, and no closing `---` line",
        ],
    );
}

#[test]
fn yaml_syntax_error_has_position() {
    fails_keeping_output(
        |s| {
            s.file(
                C,
                &COMMITMENT.replace("due: 2018-01-31", "due: [2018-01-31"),
            );
        },
        // At the `[` that is not closed.
        &[
            "error: localities/saaba/joint-patrols.md:5:6: the front matter is not valid YAML: this list opened with `[` is not closed with `]`",
        ],
    );
    fails_keeping_output(
        |s| {
            s.file("site.yaml", &site_yaml_with("theme: a: b\n"));
        },
        &[
            "site.yaml:12:9: site.yaml is not valid YAML: a `: ` (a colon and a space) inside a value that is not in quotes",
        ],
    );
}

#[test]
fn duplicate_keys_in_an_update_and_in_site_yaml() {
    fails_keeping_output(
        |s| {
            s.file(
                C,
                &COMMITMENT.replace("    progress: 30\n", "    progress: 30\n    progress: 40\n"),
            );
            s.file(
                "site.yaml",
                &SITE_YAML.replace(
                    "as_of: 2024-06-30\n",
                    "as_of: 2024-06-30\nas_of: 2024-07-01\n",
                ),
            );
        },
        &[
            "joint-patrols.md:12:5: the front matter is not valid YAML: updates[0]: the key `progress` appears twice",
            "site.yaml:12:1: site.yaml is not valid YAML: the key `as_of` appears twice",
        ],
    );
}

/// The classic "billion laughs": ten aliases of ten aliases of … of a text.
fn billion_laughs() -> String {
    let mut s = String::from("---\ntitle: Laughs\nlol0: &lol0 \"lol\"\n");
    for i in 1..=9 {
        let refs = vec![format!("*lol{}", i - 1); 10].join(", ");
        s.push_str(&format!("lol{i}: &lol{i} [{refs}]\n"));
    }
    s.push_str("---\n");
    s
}

#[test]
fn alias_bombs_are_refused() {
    let wide = format!(
        "---\ntitle: Wide\nx: &x [{}x]\ny: [{}*x]\n---\n",
        "x, ".repeat(30_000),
        "*x, ".repeat(30_000)
    );
    fails_keeping_output(
        |s| {
            s.file("localities/saaba/laughs.md", &billion_laughs());
            s.file("localities/saaba/wide.md", &wide);
            s.file(
                "site.yaml",
                &format!(
                    "{}\n{}",
                    billion_laughs().trim_matches('-').trim(),
                    SITE_YAML
                ),
            );
        },
        &[
            "error: localities/saaba/laughs.md:",
            "error: localities/saaba/wide.md:",
            "error: site.yaml:",
            "aliases (`*name`) repeat the values they stand for so often that the text would grow too large (an alias bomb)",
        ],
    );
}

#[test]
fn deep_nesting_is_refused() {
    let flow = format!(
        "---\ntitle: Deep\nx: {}{}\n---\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let mut block = String::from("---\ntitle: Deep\nx:\n");
    for depth in 1..300 {
        block.push_str(&" ".repeat(depth));
        block.push_str("k:\n");
    }
    block.push_str("---\n");
    fails_keeping_output(
        |s| {
            s.file("localities/saaba/flow.md", &flow);
            s.file("localities/saaba/block.md", &block);
        },
        &[
            "flow.md:3:1004: the front matter is not valid YAML: lists or mappings are nested more than 1000 levels deep",
            "block.md:131:129: the front matter is not valid YAML: lists or mappings are nested more than 128 levels deep",
        ],
    );
}

#[test]
fn a_50_mb_file_is_refused_unread() {
    let mut big = COMMITMENT.to_owned();
    big.push_str(&"Padding line of a huge body.\n".repeat(50_000_000 / 29));
    let size = big.len();
    let stderr = fails_keeping_output(
        |s| {
            s.file("localities/saaba/huge.md", &big);
        },
        &[
            "error: localities/saaba/huge.md: this file is too large for a content file",
            "expected: at most 8388608 bytes",
        ],
    );
    assert!(stderr.contains(&format!("found: {size} bytes")), "{stderr}");
}

#[test]
fn a_hundred_thousand_unknown_fields_are_counted_not_listed() {
    let mut fm = String::from("---\n");
    for i in 0..100_000 {
        fm.push_str(&format!("field{i}: 1\n"));
    }
    fm.push_str("---\n");
    let stderr = fails_keeping_output(
        |s| {
            s.file("localities/saaba/many.md", &fm);
        },
        &[
            "many.md:2:1: unknown field `field0` in a commitment's front matter",
            "error: localities/saaba/many.md: this file has 99904 more problems besides the 100 listed",
            "101 errors found",
        ],
    );
    assert!(stderr.len() < 100_000, "{} bytes of errors", stderr.len());
}

#[cfg(unix)]
#[test]
fn symbolic_links_that_loop_dangle_or_leave_the_site() {
    use std::os::unix::fs::symlink;
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(
        outside.path().join("secret.md"),
        "---\ntitle: Secret\n---\n",
    )
    .unwrap();
    std::fs::create_dir(outside.path().join("elsewhere")).unwrap();
    let stderr = fails_keeping_output(
        |s| {
            let p = |rel: &str| s.path().join(rel);
            symlink("b.md", p("localities/saaba/a.md")).unwrap();
            symlink("a.md", p("localities/saaba/b.md")).unwrap();
            symlink("nowhere.md", p("localities/saaba/dangling.md")).unwrap();
            symlink(
                outside.path().join("secret.md"),
                p("localities/saaba/secret.md"),
            )
            .unwrap();
            symlink(outside.path().join("elsewhere"), p("localities/elsewhere")).unwrap();
            std::fs::create_dir(p("static")).unwrap();
            symlink("..", p("static/up")).unwrap();
        },
        &[
            "error: localities/saaba/a.md: a symbolic link loop",
            "error: localities/saaba/b.md: a symbolic link loop",
            "found: a link to `b.md`",
            "error: localities/saaba/dangling.md: a symbolic link that leads nowhere",
            "error: localities/saaba/secret.md: a symbolic link pointing outside the site folder",
            "error: localities/elsewhere: a symbolic link pointing outside the site folder",
            "expected: files and folders inside the site folder only",
            "error: static/up: a symbolic link loop: the link leads to a folder that holds it",
        ],
    );
    assert!(
        !stderr.contains("Secret"),
        "an outside file was read:\n{stderr}"
    );
    // A link inside the site is followed.
    let s = TestSite::minimal();
    std::fs::create_dir_all(s.path().join("shared")).unwrap();
    std::fs::write(s.path().join("shared/patrols.md"), COMMITMENT).unwrap();
    symlink(
        "../../shared/patrols.md",
        s.path().join("localities/saaba/linked.md"),
    )
    .unwrap();
    build_ok(&s);
    assert!(
        s.out()
            .join("en/localities/saaba/linked/index.html")
            .is_file()
    );
}

#[test]
fn ids_with_dots_slashes_uppercase_or_spaces() {
    // File and folder names (spaces, uppercase and `_` are also in content_errors.rs).
    let locality = |s: &TestSite, name: &str| {
        s.file(&format!("localities/{name}/_index.md"), LOCALITY);
    };
    fails_keeping_output(
        |s| {
            locality(s, "a..b");
            locality(s, "Kirkuk");
            locality(s, "jos north");
            s.file("localities/saaba/patrols..md", COMMITMENT);
            s.file("pages/about..fr.md", "---\ntitle: À propos\n---\n");
            // Ids inside front matter.
            s.file(
                C,
                &COMMITMENT
                    .replace(
                        "pledged_by: [police, community]",
                        "pledged_by: [police, ../community]",
                    )
                    .replace("agreed:", "topics: [a/b, Theft, night patrols]\nagreed:"),
            );
            s.file("site.yaml", &site_yaml_with("theme: ../../etc\n"));
        },
        &[
            "error: localities/a..b/_index.md: the locality id `a..b` has forbidden characters",
            "help: rename it, for example to `a-b`",
            "error: localities/Kirkuk/_index.md: the locality id `Kirkuk` has forbidden characters",
            "error: localities/jos north/_index.md: the locality id `jos north` has forbidden characters",
            "error: localities/saaba/patrols..md: cannot tell the language of this file from its name",
            "error: pages/about..fr.md: cannot tell the language of this file from its name",
            "joint-patrols.md:3:22: `pledged_by` is not a valid id",
            "found: `../community`",
            "joint-patrols.md:4:10: `topics` is not a valid id",
            "found: `a/b`",
            "joint-patrols.md:4:15: `topics` is not a valid id",
            "joint-patrols.md:4:22: `topics` is not a valid id",
            "help: write it as `night-patrols`",
            "site.yaml:12:8: `theme` is not a valid id",
        ],
    );
}

#[test]
fn locality_folder_without_index_keeps_previous_output() {
    fails_keeping_output(
        |s| {
            s.file("localities/jos/station.md", COMMITMENT);
        },
        &[
            "error: localities/jos/_index.md: this locality folder has no `_index.md`",
            "found: the folder `localities/jos` with 1 commitment(s) and no `_index.md`",
        ],
    );
}

#[test]
fn two_files_claiming_the_same_text() {
    // `joint-patrols.en.md` would be a second default-language file of the
    // key `saaba/joint-patrols` (en is the default language).
    fails_keeping_output(
        |s| {
            s.file(
                "localities/saaba/joint-patrols.en.md",
                "---\ntitle: Joint patrols again\n---\nAnother text.\n",
            );
        },
        &[
            "error: localities/saaba/joint-patrols.en.md: `en` is the default language",
            "expected: the default-language text in `localities/saaba/joint-patrols.md`, without a language suffix",
        ],
    );
}

const NASTY: &str = "<script>alert(\"x\")</script> Police & \"community\" 'joint' <b>patrols</b>";

#[test]
fn hostile_text_in_titles_names_and_notes_renders_as_text() {
    let s = TestSite::minimal();
    let arabic = "دوريات ليلية مشتركة <i>";
    let nepali = "संयुक्त रात्रि गस्ती & \"";
    s.file(
        C,
        &COMMITMENT
            .replace(
                "title: Joint night patrols",
                &format!("title: '{}'", NASTY.replace('\'', "''")),
            )
            .replace(
                "note: Three patrols a week.",
                "note: \"<img src=x onerror=alert(1)> & more\"",
            ),
    );
    s.file(
        "localities/saaba/joint-patrols.ar.md",
        &format!("---\ntitle: \"{arabic}\"\n---\n"),
    );
    s.file(
        "localities/saaba/_index.md",
        &LOCALITY.replace(
            "name: Saaba",
            "name: \"Saaba <em>&amp;</em> \\\"Ouaga\\\"\"",
        ),
    );
    s.file(
        "site.yaml",
        &SITE_YAML.replace(
            "  - { code: ar, name: العربية }\n",
            "  - { code: ar, name: العربية }\n  - { code: ne, name: नेपाली }\n",
        ),
    );
    s.file(
        "localities/saaba/joint-patrols.ne.md",
        &format!("---\ntitle: '{nepali}'\n---\n"),
    );
    build_ok(&s);
    let html = s.read("en/localities/saaba/joint-patrols/index.html");
    assert!(!html.contains("<script>alert"), "script from a title");
    assert!(!html.contains("<b>patrols"), "markup from a title");
    assert!(!html.contains("<img src=x"), "markup from a note");
    assert!(!html.contains("<em>&amp;</em>"), "markup from a name");
    let page = Page::parse(&html);
    assert!(
        page.text_of("h1").iter().any(|h| h == NASTY),
        "{:?}",
        page.text_of("h1")
    );
    let text = page.text();
    assert!(
        text.contains("<img src=x onerror=alert(1)> & more"),
        "{text}"
    );
    assert!(text.contains("Saaba <em>&amp;</em> \"Ouaga\""), "{text}");
    let ar = s.page("ar/localities/saaba/joint-patrols/index.html");
    assert!(
        ar.text_of("h1").iter().any(|h| h == arabic),
        "{:?}",
        ar.text_of("h1")
    );
    let ne = s.page("ne/localities/saaba/joint-patrols/index.html");
    assert!(
        ne.text_of("h1").iter().any(|h| h == nepali.trim()),
        "{:?}",
        ne.text_of("h1")
    );
    // The open data keeps the text as it was written.
    let json = s.read("data/commitments.json");
    assert!(json.contains("<script>alert(\\\"x\\\")</script>"), "{json}");
}

#[test]
fn raw_html_in_markdown_is_sanitised() {
    let s = TestSite::minimal();
    s.file(
        C,
        &format!(
            "{COMMITMENT}\n<script>alert(1)</script>\n\n<iframe src=\"https://evil.example/\"></iframe>\n\n\
             Ask the <abbr title=\"Justice and Security Dialogue\">JSD</abbr> desk: \
             <a href=\"javascript:alert(1)\" onclick=\"alert(2)\">here</a>, <kbd>Ctrl</kbd>.\n\n\
             <details><summary>Minutes</summary>\n\nSigned by both.\n\n</details>\n"
        ),
    );
    build_ok(&s);
    let html = s.read("en/localities/saaba/joint-patrols/index.html");
    for bad in ["alert(1)", "<iframe", "javascript:", "onclick"] {
        assert!(!html.contains(bad), "`{bad}` in the page");
    }
    let page = Page::parse(&html);
    assert_eq!(
        page.attrs("abbr", "title"),
        ["Justice and Security Dialogue"]
    );
    assert!(page.has("kbd"));
    assert_eq!(page.text_of("main details summary"), ["Minutes"]);
    assert!(page.text().contains("Signed by both."));
}

#[test]
fn trusted_raw_html_passes_through_only_when_the_site_says_so() {
    let s = TestSite::minimal();
    let body = "<div class=\"embed\"><script>track()</script></div>\n";
    s.file(C, &format!("{COMMITMENT}\n{body}"));
    build_ok(&s);
    let page = "en/localities/saaba/joint-patrols/index.html";
    assert!(!s.read(page).contains("<script>track()"));
    s.file(
        "site.yaml",
        &format!("{SITE_YAML}unsafe_trusted_raw_html: true\n"),
    );
    build_ok(&s);
    let html = s.read(page);
    assert!(
        html.contains("<div class=\"embed\"><script>track()</script></div>"),
        "the trusted raw HTML is not in the page:\n{html}"
    );
}

#[test]
fn unsafe_trusted_raw_html_is_a_boolean() {
    let s = TestSite::minimal();
    s.file(
        "site.yaml",
        &format!("{SITE_YAML}unsafe_trusted_raw_html: true\n"),
    );
    build_ok(&s);
    fails_keeping_output(
        |s| {
            s.file(
                "site.yaml",
                &site_yaml_with("unsafe_trusted_raw_html: yes please\n"),
            );
        },
        &[
            "site.yaml:12:26: `unsafe_trusted_raw_html` has the wrong kind of value",
            "found: the text `yes please`",
            "expected: `true` (every author is trusted",
        ],
    );
}

/// The private-use characters rendering uses as marks cannot be forged by
/// content: a title holding U+E00F (where a list card gets the page's root
/// prefix) or U+E000/U+E001 (around numbers of interface strings) builds,
/// shows without them, gets no `../` where they stood, and the build says
/// where they were removed.
#[test]
fn private_use_marks_in_content_are_removed_with_a_warning() {
    let site = TestSite::minimal();
    site.file(
        "localities/saaba/joint-patrols.md",
        &COMMITMENT.replace(
            "title: Joint night patrols",
            "title: Joint\u{E00F} night \u{E000}7\u{E001}patrols\u{E00F}",
        ),
    );
    let run = site.build_ok();
    assert!(
        run.stderr().contains(
            "warning: localities/saaba/joint-patrols.md:2:13: 4 private-use characters \
             (U+E000, U+E001, U+E00F) removed: pledgeboard uses them internally"
        ),
        "{}",
        run.stderr()
    );
    let page = site.page("en/localities/saaba/joint-patrols/index.html");
    assert_eq!(page.text_of("h1"), ["Joint night 7patrols"]);
    for (rel, bytes) in tree(&site.out()) {
        let text = String::from_utf8_lossy(&bytes);
        for mark in ['\u{E00F}', '\u{E000}', '\u{E001}'] {
            assert!(!text.contains(mark), "{rel} holds {mark:?}");
        }
        assert!(
            !text.contains("Joint../"),
            "{rel}: a root prefix where the mark was"
        );
        assert!(
            !text.contains("patrols../"),
            "{rel}: a root prefix where the mark was"
        );
    }
    // The lists show the title too (each card is spliced with a root prefix).
    let list = site.read("en/localities/saaba/index.html");
    assert!(list.contains("Joint night 7patrols"), "{list}");
}

// ---- issue 15: output folder safety ----

/// Runs `pledgeboard <args…> <site>` with `SOURCE_DATE_EPOCH` set to `epoch`.
fn run_with_epoch(site: &Path, args: &[&str], epoch: &str) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_pledgeboard"))
        .args(args)
        .arg(site)
        .env("SOURCE_DATE_EPOCH", epoch)
        .output()
        .expect("run pledgeboard")
}

#[test]
fn a_malformed_source_date_epoch_is_an_error_naming_the_variable() {
    let site = TestSite::minimal();
    build_ok(&site);
    let before = tree(&site.out());
    for bad in [
        "abc",
        "1719705600.5",
        " 1719705600",
        "-",
        "99999999999999999999",
    ] {
        for command in ["build", "check"] {
            let o = run_with_epoch(site.path(), &[command], bad);
            let stderr = String::from_utf8_lossy(&o.stderr);
            assert_eq!(
                o.status.code(),
                Some(1),
                "{command} with {bad:?}:\n{stderr}"
            );
            assert!(
                stderr.contains("error: SOURCE_DATE_EPOCH: ")
                    && stderr.contains(&format!("found: `{bad}`"))
                    && stderr.contains(
                        "expected: a whole number of seconds since 1970-01-01 00:00 UTC, \
                         such as `1719705600`"
                    ),
                "{command} with {bad:?}:\n{stderr}"
            );
        }
    }
    assert!(tree(&site.out()) == before, "a refused build wrote");
    // Empty is unset (the reproducible-builds convention): today's date.
    let o = run_with_epoch(site.path(), &["build"], "");
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let o = run_with_epoch(site.path(), &["build"], "1719705600");
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn a_closed_standard_output_ends_the_command_quietly() {
    let site = TestSite::minimal();
    for command in ["build", "check"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_pledgeboard"))
            .arg(command)
            .arg(site.path())
            .env("SOURCE_DATE_EPOCH", "1719705600")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start pledgeboard");
        // The reader goes before anything is printed (`| head -0`).
        drop(child.stdout.take());
        let o = child.wait_with_output().expect("wait for pledgeboard");
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(0), "{command}:\n{stderr}");
        assert_eq!(stderr, "", "{command}");
    }
    assert!(
        site.out().join("en/index.html").is_file(),
        "the build was done"
    );
}

#[test]
fn staging_folders_of_killed_builds_are_removed_by_the_next_build() {
    let site = TestSite::minimal();
    build_ok(&site);
    let before = tree(&site.out());
    // What builds killed while writing leave beside the output folder
    // (the name of older versions, and one of a process long gone).
    site.file(".public.pledgeboard-new/en/index.html", "half a page");
    site.file(".public.pledgeboard-new-999999-0/en/index.html", "half");
    build_ok(&site);
    assert!(tree(&site.out()) == before, "the output changed");
    let left: Vec<String> = std::fs::read_dir(site.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("pledgeboard-new"))
        .collect();
    assert_eq!(left, Vec::<String>::new());
}

// ---- issue 15: interface strings ----

/// Fluent files built to overflow, explode or loop: each is an error or a
/// warning at its line, never a panic, a hang or a raw placeholder.
#[test]
fn nested_exploding_and_looping_interface_strings() {
    // Placeables nested 100,000 deep overflowed the parser's stack.
    let deep = format!(
        "skip-link = {}\"x\"{}\n",
        "{ ".repeat(100_000),
        " }".repeat(100_000)
    );
    fails_keeping_output(
        |s| {
            s.file("i18n/fr.ftl", &format!("nav-label = Menu\n{deep}"));
        },
        &["error: i18n/fr.ftl:2:77: this Fluent file nests `{ … }` more than 32 levels deep"],
    );
    // A billion laughs (each level ten times the one before), a chain of
    // 2,000 references and a string that is itself, used by theme strings.
    let mut fr = String::from(
        "skip-link = { lol9 }\nnav-label = { nav-label }\nbrowse-label = { chain0 }\nlol0 = lol\n",
    );
    for i in 1..10 {
        fr += &format!("lol{i} = {}\n", format!("{{ lol{} }}", i - 1).repeat(10));
    }
    for i in 0..2000 {
        fr += &format!("chain{i} = {{ chain{} }}\n", i + 1);
    }
    fr += "chain2000 = end\n";
    let err = fails_keeping_output(
        |s| {
            s.file("i18n/fr.ftl", &fr);
        },
        &[
            "warning: i18n/fr.ftl:1:1: the interface string `skip-link` grows to more than 100 `{ … }`",
            "warning: i18n/fr.ftl:2:1: the interface string `nav-label` refers back to itself",
            "warning: i18n/fr.ftl:3:1: the interface string `browse-label` grows to more than 100",
            "error: i18n/fr.ftl:13:1: the interface string `lol9` grows to more than 100",
            "error: i18n/fr.ftl:14:1: the interface string `chain0` grows to more than 100",
        ],
    );
    assert!(
        !err.contains("`chain1999`"),
        "the end of the chain can be shown: {err}"
    );
    // The theme's strings alone, with no string of the site's that cannot
    // be shown: the build succeeds and pages show the English text.
    let site = TestSite::minimal();
    site.file(
        "i18n/fr.ftl",
        "skip-link = { lol1 }\nnav-label = { nav-label }\nlol0 = lol\nlol1 = { lol0 }{ lol0 }\n",
    );
    build_ok(&site);
    let page = site.page("fr/index.html");
    assert_eq!(page.text_of("a.skip"), ["lollol"]);
    assert_eq!(page.attrs("nav.main", "aria-label"), ["Main"]);
}

// ---- issue 15: what the build reads and what it says ----

/// A static file at a path pledgeboard makes is an error naming both, in
/// `check`, `build` and a session's rebuild alike: it never silently wins
/// or loses.
#[test]
fn a_static_file_where_the_build_makes_a_file_is_an_error_naming_both() {
    let cases = [
        (
            "static/style.css",
            "`style.css`",
            "themes/default/static/style.css (built in)",
        ),
        ("static/sitemap.xml", "`sitemap.xml`", "the sitemap"),
        ("static/en/index.html", "`en/index.html`", "a page"),
        (
            "static/en/updates/atom.xml",
            "`en/updates/atom.xml`",
            "an Atom feed",
        ),
        (
            "static/data/commitments.csv",
            "`data/commitments.csv`",
            "the open data",
        ),
        // A file where the build makes a folder.
        ("static/en", "`en`", "a folder `en/`"),
        // A folder where the build makes a file.
        ("static/sitemap.xml/a.txt", "`sitemap.xml`", "the sitemap"),
        // The theme's own static files are checked against the pages too.
        (
            "themes/default/static/en/index.html",
            "`en/index.html`",
            "a page",
        ),
    ];
    for (rel, published, maker) in cases {
        let site = TestSite::minimal();
        site.file(rel, "shadow\n");
        for command in ["check", "build"] {
            let run = site.run(&[command]);
            assert_eq!(
                run.code(),
                Some(1),
                "{command} with {rel}:\n{}",
                run.stderr()
            );
            let stderr = run.stderr();
            let error = stderr
                .split_inclusive('\n')
                .skip_while(|l| !(l.starts_with("error: ") && l.contains(published)))
                .enumerate()
                .take_while(|(i, l)| *i == 0 || l.starts_with("  "))
                .map(|(_, l)| l)
                .collect::<String>();
            assert!(
                error.starts_with(&format!("error: {rel}: ")) && error.contains(maker),
                "{command} with {rel}:\n{stderr}"
            );
        }
        assert!(!site.out().exists(), "{rel}: the build wrote");
    }
}

#[test]
fn a_static_file_added_during_a_session_that_shadows_a_page_fails_the_rebuild() {
    let site = TestSite::minimal();
    let today = jiff::civil::date(2024, 6, 30);
    let work = tempfile::tempdir().unwrap();
    let out = work.path().join("out");
    let mut session = pledgeboard::session::Session::new(site.path(), Some(&out));
    session.rebuild(today).expect("first build");
    let css = std::fs::read(out.join("style.css")).unwrap();
    site.file("static/style.css", "body { color: red }\n");
    let errors = session
        .rebuild_after(today, Some(&[std::path::PathBuf::from("static/style.css")]))
        .expect_err("a static file over the theme's stylesheet");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].file, "static/style.css");
    assert!(errors[0].message.contains("`style.css`"), "{errors:?}");
    assert_eq!(std::fs::read(out.join("style.css")).unwrap(), css);
}

/// Control characters from content (ESC, BEL, CR…) would retitle or clear
/// the editor's terminal: every diagnostic shows them escaped, `\u{1b}`.
#[test]
fn control_characters_from_content_reach_the_terminal_escaped() {
    let site = TestSite::minimal();
    site.file(
        "localities/saaba/joint-patrols.md",
        &COMMITMENT.replacen(
            "status: in-progress\n",
            "status: \"\\e]0;owned\\a\\e[2Jin-progress\\r\"\n",
            1,
        ),
    );
    site.file(
        "localities/saaba/bad\u{1b}[31mname.md",
        "---\ntitle: x\n---\n",
    );
    let run = site.build();
    assert_eq!(run.code(), Some(1), "{}", run.stderr());
    let stderr = run.stderr();
    for c in ['\u{1b}', '\u{7}', '\r'] {
        assert!(
            !stderr.contains(c),
            "{c:?} reached the terminal:\n{stderr:?}"
        );
    }
    // What was found (source lines echoed are escaped too: see diag.rs).
    assert!(
        stderr.contains("\\u{1b}]0;owned\\u{7}\\u{1b}[2Jin-progress"),
        "{stderr}"
    );
    assert!(
        stderr.contains("localities/saaba/bad\\u{1b}[31mname.md"),
        "{stderr}"
    );
}

/// `watch` names each changed file: a file name is shown escaped too.
#[test]
fn watch_shows_a_changed_file_name_escaped() {
    use std::io::BufRead;
    let site = TestSite::minimal();
    site.file("static/plan.txt", "text\n");
    let mut child = Command::new(env!("CARGO_BIN_EXE_pledgeboard"))
        .arg("watch")
        .arg(site.path())
        .env("SOURCE_DATE_EPOCH", "1719705600")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = std::io::BufReader::new(child.stdout.take().unwrap()).lines();
    let mut next_line = |needle: &str| {
        lines
            .by_ref()
            .map_while(Result::ok)
            .find(|l| l.contains(needle))
    };
    assert!(next_line("Watching").is_some(), "watch did not start");
    site.file("static/a\u{1b}]0;owned\u{7}b.txt", "text\n");
    let changed = next_line("b.txt");
    let _ = child.kill();
    let _ = child.wait();
    let changed = changed.expect("no `Changed:` line");
    assert!(
        !changed.contains('\u{1b}') && !changed.contains('\u{7}'),
        "{changed:?}"
    );
    assert!(
        changed.contains("static/a\\u{1b}]0;owned\\u{7}b.txt"),
        "{changed}"
    );
}

/// Files the build does not read get a warning naming them and why.
#[test]
fn content_files_that_are_not_read_get_a_warning() {
    let site = TestSite::minimal();
    let md = "---\ntitle: Not read\n---\n";
    site.file("localities/saaba/old/nested.md", md);
    site.file("localities/saaba/gate.MD", md);
    site.file("pages/about.markdown", md);
    site.file("_index.MD", md);
    site.file("i18n/de.ftl", "page-localities = Orte\n");
    let run = site.build_ok();
    let stderr = run.stderr();
    for (file, why) in [
        (
            "localities/saaba/old/nested.md",
            "localities/saaba/nested.md",
        ),
        ("localities/saaba/gate.MD", "gate.md"),
        ("pages/about.markdown", "about.md"),
        ("_index.MD", "_index.md"),
        ("i18n/de.ftl", "`de` is not one of the site's languages"),
    ] {
        let warning = stderr
            .split_inclusive('\n')
            .skip_while(|l| !l.starts_with(&format!("warning: {file}: ")))
            .enumerate()
            .take_while(|(i, l)| *i == 0 || l.starts_with("  "))
            .map(|(_, l)| l)
            .collect::<String>();
        assert!(warning.contains("not read"), "{file}:\n{stderr}");
        assert!(warning.contains(why), "{file}:\n{stderr}");
    }
    // And `check` says the same.
    let check = site.run(&["check"]);
    assert!(check.ok(), "{}", check.stderr());
    assert!(
        check.stderr().contains("warning: i18n/de.ftl: "),
        "{}",
        check.stderr()
    );
}

/// Hosts need some dotfiles (`.nojekyll`, `.well-known/`): a static
/// dotfile is published, but editors' and systems' own files are not.
#[test]
fn static_dotfiles_are_published_but_editor_files_are_not() {
    let site = TestSite::minimal();
    for rel in [
        "static/.nojekyll",
        "static/.well-known/security.txt",
        "static/.htaccess",
        "static/.DS_Store",
        "static/.plan.txt.swp",
        "static/.#plan.txt",
        "static/#plan.txt#",
        "static/plan.txt~",
        "static/.git/config",
        "static/img/.DS_Store",
    ] {
        site.file(rel, "x\n");
    }
    site.build_ok();
    let published: Vec<String> = tree(&site.out())
        .into_keys()
        .filter(|k| !k.ends_with(".html") && !k.ends_with(".xml") && !k.ends_with(".ics"))
        .filter(|k| !k.starts_with("data/") && k != "style.css")
        // The theme's favicons and the share images (tests/share.rs).
        .filter(|k| !k.starts_with("favicon.") && !k.starts_with("share/"))
        // The search script and index (issue 17) are the build's own.
        .filter(|k| k != "search.js" && !k.contains("/search/"))
        .collect();
    assert_eq!(
        published,
        [
            ".htaccess",
            ".nojekyll",
            ".pledgeboard-output",
            ".well-known/security.txt"
        ]
    );
}

/// An SVG file runs its scripts when opened: `check` and `build` warn,
/// naming the file and where the script is.
#[test]
fn an_svg_with_a_script_in_static_gets_a_warning() {
    let site = TestSite::minimal();
    let svg =
        |inner: &str| format!("<svg xmlns=\"http://www.w3.org/2000/svg\">\n{inner}\n</svg>\n");
    site.file(
        "static/img/clean.svg",
        &svg("<circle r=\"4\" fill=\"red\"/><text>ongoing = 3</text>"),
    );
    site.file("static/img/script.svg", &svg("<ScRiPt>alert(1)</script>"));
    site.file(
        "static/img/onload.svg",
        &svg("<rect width=\"1\"\n  onload = \"alert(1)\"/>"),
    );
    site.file(
        "static/img/link.SVG",
        &svg("<a href=\"java\tscript:alert(1)\"><text>x</text></a>"),
    );
    for command in ["check", "build"] {
        let run = site.run(&[command]);
        assert!(run.ok(), "{command}: {}", run.stderr());
        let stderr = run.stderr();
        for (file, at, what) in [
            ("static/img/script.svg", "2:1", "`<script`"),
            ("static/img/onload.svg", "3:3", "`onload=`"),
            ("static/img/link.SVG", "2:10", "`javascript:`"),
        ] {
            let warning = stderr
                .split_inclusive('\n')
                .skip_while(|l| !l.starts_with(&format!("warning: {file}:{at}: ")))
                .enumerate()
                .take_while(|(i, l)| *i == 0 || l.starts_with("  "))
                .map(|(_, l)| l)
                .collect::<String>();
            assert!(warning.contains("script"), "{command} {file}:\n{stderr}");
            assert!(warning.contains(what), "{command} {file}:\n{stderr}");
        }
        assert!(!stderr.contains("clean.svg"), "{command}:\n{stderr}");
    }
}

// ---- issue 15: control characters in YAML ----

/// A control character YAML does not allow (here ESC, DEL and a C1 control)
/// is an error at its own line and column, shown escaped, with what to do.
#[test]
fn a_control_character_in_yaml_is_located_where_it_is() {
    fails_keeping_output(
        |s| {
            s.file(
                C,
                &COMMITMENT.replace("title: Joint night", "title: Joint \u{1b}[2J night"),
            );
        },
        &[
            "error: localities/saaba/joint-patrols.md:2:14: the front matter is not valid YAML: it holds the control character U+001B, which YAML does not allow",
            "  2 | title: Joint \\u{1b}[2J night patrols",
        ],
    );
    fails_keeping_output(
        |s| {
            s.file("site.yaml", &site_yaml_with("title_suffix: \"a\u{7f}b\"\n"));
        },
        &["site.yaml:12:17: site.yaml is not valid YAML: it holds the control character U+007F"],
    );
    fails_keeping_output(
        |s| {
            s.file(
                C,
                &COMMITMENT.replace("note: Three", "note: ok \u{9b}Three"),
            );
        },
        &[
            "joint-patrols.md:12:14: the front matter is not valid YAML: it holds the control character U+009B",
        ],
    );
}

// ---- issue 15: what content can do (nesting, other hosts, CSV formulas) ----

/// The CSV's rows after its header, as a spreadsheet's CSV import reads
/// them (byte-order mark dropped), each cell by its column name.
fn csv_records(csv: &str) -> Vec<std::collections::HashMap<String, String>> {
    let text = csv.trim_start_matches('\u{feff}');
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("a CSV header")
        .iter()
        .map(String::from)
        .collect();
    reader
        .records()
        .map(|r| {
            let r = r.expect("a CSV row");
            header
                .iter()
                .cloned()
                .zip(r.iter().map(String::from))
                .collect()
        })
        .collect()
}

/// A text that a spreadsheet would run as a formula (OWASP's CSV injection)
/// is written to the CSV with a `'` before it, quoted; the JSON keeps the
/// exact text; numbers are left alone.
#[test]
fn csv_cells_that_spreadsheets_would_run_as_formulas_are_neutralised() {
    let s = TestSite::minimal();
    let formula = "=HYPERLINK(\"http://evil.example\",\"click\")";
    s.file(
        C,
        &COMMITMENT.replace(
            "title: Joint night patrols",
            &format!("title: '{formula}'\nsummary: '+1 patrol'\nresponsible: '@SUM(A1:A9)'"),
        ),
    );
    s.file(
        "localities/saaba/joint-patrols.fr.md",
        "---\ntitle: \"-5 patrouilles\"\nsummary: \"\\t@cmd\"\nresponsible: \"\\r\\n=1\"\n---\n",
    );
    build_ok(&s);
    let csv = s.read("data/commitments.csv");
    assert!(
        csv.contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\""),
        "the formula is not quoted with a ' before it:\n{csv}"
    );
    let rows = csv_records(&csv);
    let row = rows
        .iter()
        .find(|r| r["id"] == "joint-patrols")
        .expect("the commitment's row");
    assert_eq!(row["title"], format!("'{formula}"));
    assert_eq!(row["summary"], "'+1 patrol");
    assert_eq!(row["responsible"], "'@SUM(A1:A9)");
    assert_eq!(row["title.fr"], "'-5 patrouilles");
    // Texts are trimmed on reading: what is left starts with `@` or `=`.
    assert_eq!(row["summary.fr"], "'@cmd");
    assert_eq!(row["responsible.fr"], "'=1");
    assert_eq!(row["progress"], "30");
    assert_eq!(row["updates_count"], "1");
    let json: serde_json::Value =
        serde_json::from_str(&s.read("data/commitments.json")).expect("valid JSON");
    let rec = &json[0];
    assert_eq!(rec["title"]["en"], formula);
    assert_eq!(rec["summary"]["en"], "+1 patrol");
    assert_eq!(rec["responsible"]["en"], "@SUM(A1:A9)");
    assert_eq!(rec["title"]["fr"], "-5 patrouilles");
    assert_eq!(rec["summary"]["fr"], "@cmd");
    assert_eq!(rec["responsible"]["fr"], "=1");
}

/// Whether a browser showing `page` would fetch `src` from another host
/// (another scheme, host or port; from disk, anything but a local file),
/// by the WHATWG URL parser browsers use.
fn fetched_from_elsewhere(page: &str, src: &str) -> bool {
    let page = url::Url::parse(page).expect("a page URL");
    match page.join(src) {
        Ok(to) if page.scheme() == "file" => {
            to.scheme() != "file" || to.host_str().is_some_and(|h| !h.is_empty())
        }
        Ok(to) => to.origin() != page.origin(),
        Err(_) => false,
    }
}

/// Raw `<img>` tags and Markdown images whose URL a browser resolves to
/// another host (backslashes for slashes, tabs and line ends between the
/// slashes, a control character before them) load nothing: the raw ones
/// lose their `src`, the Markdown ones become links. Images on the site stay.
#[test]
fn images_that_a_browser_would_fetch_from_another_host_do_not_load() {
    let s = TestSite::minimal();
    let tricks = [
        "/\\evil.example/a.png",
        "\\\\evil.example/b.png",
        "/&#9;/evil.example/c.png",
        "/&#10;/evil.example/d.png",
        "/&#13;/evil.example/e.png",
        "&#1;//evil.example/f.png",
        "\\/evil.example/g.png",
        "https:\\\\evil.example/h.png",
        "http:evil.example/i.png",
    ];
    let mut body = String::new();
    for (i, src) in tricks.iter().enumerate() {
        body.push_str(&format!("<img src=\"{src}\" alt=\"trick {i}\">\n\n"));
    }
    body.push_str("<img src=\"../../../static/plan.png\" alt=\"Plan\">\n\n");
    body.push_str(
        "![Map](//evil.example/m.png) ![Tab](/&#9;/evil.example/t.png) ![Local](/static/map.png)\n",
    );
    s.file(C, &format!("{COMMITMENT}\n{body}"));
    build_ok(&s);
    let rel = "en/localities/saaba/joint-patrols/index.html";
    let page = s.page(rel);
    let srcs = page.attrs("img", "src");
    let mut leaks = Vec::new();
    for site in [
        format!("https://tracker.example.org/{rel}"),
        format!("http://tracker.example.org/{rel}"),
        format!("file:///home/editor/public/{rel}"),
    ] {
        let scheme = &site[..site.find(':').unwrap_or(0)];
        leaks.extend(
            srcs.iter()
                .filter(|src| fetched_from_elsewhere(&site, src))
                .map(|src| format!("{scheme}: {src:?}")),
        );
    }
    assert!(
        leaks.is_empty(),
        "images from other hosts load:\n{}",
        leaks.join("\n")
    );
    assert!(
        srcs.contains(&"../../../static/plan.png".to_owned()),
        "{srcs:?}"
    );
    assert!(srcs.contains(&"/static/map.png".to_owned()), "{srcs:?}");
    let text = page.text();
    for i in 0..tricks.len() {
        assert!(
            page.attrs("img", "alt").contains(&format!("trick {i}")),
            "the alt text of trick {i} is lost"
        );
    }
    // The Markdown image from elsewhere is a link to it; the tab in the
    // other is written `%09`, a path on the site.
    assert_eq!(
        page.attrs("a[href=\"//evil.example/m.png\"]", "href").len(),
        1,
        "{text}"
    );
    assert!(
        srcs.contains(&"/%09/evil.example/t.png".to_owned()),
        "{srcs:?}"
    );
}

/// The largest file the size limit admits, all nested `<div>`: an error on
/// the first element past the nesting limit, from `build` and from `check`
/// alike, at once (sanitising it took hours: the parse is quadratic in the
/// nesting). Markdown quotes count as levels too. Nesting up to the limit
/// builds.
#[test]
fn the_largest_file_of_nested_html_is_refused_at_once_where_it_nests_too_deeply() {
    const MAX_FILE_BYTES: usize = 8 * 1024 * 1024;
    let head = format!("{COMMITMENT}\n");
    let n = (MAX_FILE_BYTES - head.len() - 2) / "<div></div>".len();
    let mut deep = head.clone();
    deep.push_str(&"<div>".repeat(n));
    deep.push('x');
    deep.push_str(&"</div>".repeat(n));
    deep.push('\n');
    assert!(deep.len() <= MAX_FILE_BYTES && deep.len() > MAX_FILE_BYTES - 16);
    let quotes = format!("{head}{} <b>x</b>\n", ">".repeat(200));
    let line = head.lines().count() + 1;
    let stderr = fails_keeping_output(
        |s| {
            s.file(
                "localities/saaba/deep.md",
                &deep.replace("title: Joint", "title: Deep"),
            );
            s.file("localities/saaba/quoted.md", &quotes);
        },
        &[
            &format!(
                "error: localities/saaba/deep.md:{line}:{}: the HTML of this text is nested \
                 more than 128 levels deep",
                128 * "<div>".len() + 1
            ),
            &format!(
                "error: localities/saaba/quoted.md:{line}:129: the HTML of this text is nested \
                 more than 128 levels deep"
            ),
            "found: an element 129 levels deep",
            "expected: at most 128 levels of elements inside one another",
        ],
    );
    assert_eq!(
        stderr.matches("nested more than 128").count(),
        2,
        "{stderr}"
    );
    let s = TestSite::minimal();
    let fine = format!(
        "{head}{}Deep enough{}\n",
        "<div>".repeat(128),
        "</div>".repeat(128)
    );
    s.file(C, &fine);
    build_ok(&s);
    let page = s.page("en/localities/saaba/joint-patrols/index.html");
    assert!(page.text().contains("Deep enough"), "{}", page.text());
}
