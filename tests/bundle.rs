//! `pledgeboard bundle`: the whole portal as one zip to read offline. The
//! demo is bundled by the real binary and the zip opened with the zip
//! crate: one top-level folder, the root language picker, every internal
//! link of every page leading to an entry of the zip, the same bytes for
//! the same content and build date; and the refusals (output path, content).

mod common;
use common::*;
use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

const EPOCH: &str = "1767225600"; // 2026-01-01

fn demo_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("content")
}

/// Runs `pledgeboard bundle <site> --output <zip> <extra…>` with the build date fixed.
fn bundle(site: &Path, zip: &Path, extra: &[&str]) -> Run {
    bundle_with(site, zip, extra, &[])
}

/// [`bundle`] with environment variables set.
fn bundle_with(site: &Path, zip: &Path, extra: &[&str], env: &[(&str, &str)]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_pledgeboard"))
        .envs(env.iter().copied())
        .arg("bundle")
        .arg(site)
        .arg("--output")
        .arg(zip)
        .args(extra)
        .env("SOURCE_DATE_EPOCH", EPOCH)
        .output()
        .expect("run pledgeboard");
    Run(out)
}

/// The entries of a zip file: name to bytes, in archive order.
fn entries(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip archive");
    (0..archive.len())
        .map(|i| {
            let mut f = archive.by_index(i).expect("an entry");
            let mut data = Vec::new();
            f.read_to_end(&mut data).expect("its bytes");
            (f.name().expect("a name").into_owned(), data)
        })
        .collect()
}

/// A bundle of the demo (with `extra` options): the zip's bytes.
fn demo_bundle(extra: &[&str]) -> Vec<u8> {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let zip = tmp.path().join("portal.zip");
    let r = bundle(&demo_dir(), &zip, extra);
    assert!(r.ok(), "bundle failed:\n{}", r.stderr());
    std::fs::read(&zip).expect("the zip was written")
}

/// The demo's full bundle, made once for the tests that read it.
fn full() -> &'static [u8] {
    static FULL: OnceLock<Vec<u8>> = OnceLock::new();
    FULL.get_or_init(|| demo_bundle(&[]))
}

/// The entries under the one top-level folder, by path inside it.
fn inside(bytes: &[u8]) -> (String, BTreeMap<String, Vec<u8>>) {
    let all = entries(bytes);
    let top = all[0].0.split('/').next().expect("a name").to_owned();
    let files = all
        .into_iter()
        .map(|(name, data)| {
            let rel = name
                .strip_prefix(&format!("{top}/"))
                .unwrap_or_else(|| panic!("`{name}` is outside the folder `{top}/`"));
            (rel.to_owned(), data)
        })
        .collect();
    (top, files)
}

/// Every internal link of every HTML page that leads to no entry of the
/// bundle, as `page -> href`.
fn broken_links(files: &BTreeMap<String, Vec<u8>>) -> Vec<String> {
    let mut broken = Vec::new();
    for (rel, data) in files.iter().filter(|(r, _)| r.ends_with(".html")) {
        let page = Page::parse(&String::from_utf8_lossy(data));
        for href in page.links() {
            let external =
                href.contains("://") || href.starts_with("mailto:") || href.starts_with("tel:");
            if external {
                continue;
            }
            if let Some(id) = href.strip_prefix('#') {
                if !page.has(&format!("[id='{id}']")) {
                    broken.push(format!("{rel} -> {href} (no such id)"));
                }
                continue;
            }
            let target = resolve(rel, &href);
            if href.starts_with('/') || !files.contains_key(&target) {
                broken.push(format!("{rel} -> {href}"));
            }
        }
    }
    broken
}

#[test]
fn the_demo_bundle_is_one_folder_whose_every_link_leads_into_it() {
    let (top, files) = inside(full());
    assert_eq!(
        top, "pledgeboard.example.org",
        "named after the site's address"
    );
    assert!(files.contains_key("index.html"), "the language picker");
    for must in [
        "en/index.html",
        "fr/index.html",
        "ar/index.html",
        "ne/index.html",
        "style.css",
        "data/commitments.json",
        "data/commitments.csv",
        "README.txt",
    ] {
        assert!(files.contains_key(must), "{must} is missing");
    }
    assert!(!files.contains_key(".pledgeboard-output"), "no marker file");
    assert!(
        !files.contains_key("404.html"),
        "no server page, whose links start at `/`"
    );
    let broken = broken_links(&files);
    assert!(broken.is_empty(), "broken links: {broken:#?}");
    // Pages are the build's: the same bytes as `pledgeboard build`.
    let (_tmp, out) = build_demo();
    let built = tree(&out);
    for (rel, data) in files.iter().filter(|(r, _)| *r != "README.txt") {
        assert!(
            built.get(rel) == Some(data),
            "{rel} differs from the build's"
        );
    }
    let readme = String::from_utf8_lossy(&files["README.txt"]).into_owned();
    assert!(readme.contains("index.html"), "{readme}");
    assert!(
        readme.contains("ouvrez le fichier index.html"),
        "in every language:\n{readme}"
    );
}

#[test]
fn the_same_content_and_build_date_give_the_same_bytes() {
    // Compressed on one thread instead of several: the same bytes.
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let zip = tmp.path().join("portal.zip");
    let r = bundle_with(&demo_dir(), &zip, &[], &[("RAYON_NUM_THREADS", "1")]);
    assert!(r.ok(), "{}", r.stderr());
    let again = std::fs::read(&zip).expect("a zip");
    assert!(again == full(), "two bundles of the same content differ");
    // Entries sorted, dated on the build date, with fixed permissions.
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(full())).expect("a zip");
    let mut names = Vec::new();
    for i in 0..archive.len() {
        let f = archive.by_index(i).expect("an entry");
        let t = f.last_modified().expect("a date");
        assert_eq!(
            (t.year(), t.month(), t.day()),
            (2026, 1, 1),
            "{:?}",
            f.name()
        );
        assert_eq!(f.unix_mode(), Some(0o100644), "{:?}", f.name());
        assert_eq!(f.compression(), zip::CompressionMethod::Deflated);
        names.push(f.name().expect("a name").into_owned());
    }
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted);
}

#[test]
fn the_summary_names_the_files_and_the_size() {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let zip = tmp.path().join("portal.zip");
    let r = bundle(&demo_dir(), &zip, &[]);
    assert!(r.ok(), "{}", r.stderr());
    let lines: Vec<String> = r.stdout().lines().map(str::to_owned).collect();
    let files = entries(&std::fs::read(&zip).expect("a zip")).len();
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        lines[0].starts_with(&format!("Bundled {files} files (")),
        "{}",
        lines[0]
    );
    assert!(lines[0].contains(" MB) into "), "{}", lines[0]);
    assert!(lines[0].ends_with("portal.zip"), "{}", lines[0]);
}

#[test]
fn bad_content_writes_no_bundle_and_says_what_build_says() {
    let s = TestSite::minimal();
    s.file(
        "localities/saaba/joint-patrols.md",
        &COMMITMENT.replace(
            "status: in-progress\nprogress: 30\nupdates",
            "status: in-progres\nupdates",
        ),
    );
    let zip = s.path().join("portal.zip");
    let r = bundle(s.path(), &zip, &[]);
    assert_eq!(r.code(), Some(1), "{}", r.stderr());
    assert!(!zip.exists(), "no zip");
    let left = std::fs::read_dir(s.path()).expect("the site").count();
    assert_eq!(left, 2, "nothing left beside site.yaml and localities/");
    let built = s.build();
    assert_eq!(built.code(), Some(1));
    let first = |text: &str| text.lines().next().unwrap_or("").to_owned();
    assert_eq!(first(&r.stderr()), first(&built.stderr()));
    assert!(
        r.stderr().contains("unknown status `in-progres`"),
        "{}",
        r.stderr()
    );
    assert!(
        r.stderr().contains("no bundle was written"),
        "{}",
        r.stderr()
    );
}

#[test]
fn a_failed_run_leaves_the_bundle_before_it_as_it_was() {
    let s = TestSite::minimal();
    let zip = s.path().join("portal.zip");
    assert!(bundle(s.path(), &zip, &[]).ok());
    let before = std::fs::read(&zip).expect("a zip");
    s.file("localities/saaba/_index.md", "---\nname: Saaba\n---\n");
    let r = bundle(s.path(), &zip, &[]);
    assert_eq!(r.code(), Some(1), "{}", r.stderr());
    assert!(std::fs::read(&zip).expect("still there") == before);
    let mut names: Vec<String> = std::fs::read_dir(s.path())
        .expect("the site")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["localities", "portal.zip", "site.yaml"],
        "no temporary file"
    );
}

#[test]
fn an_output_path_the_site_reads_or_a_folder_is_refused() {
    let s = TestSite::minimal();
    let r = bundle(s.path(), &s.path().join("static/portal.zip"), &[]);
    assert_eq!(r.code(), Some(1));
    assert!(
        r.stderr()
            .contains("the bundle cannot be inside the site's `static/` folder"),
        "{}",
        r.stderr()
    );
    std::fs::create_dir(s.path().join("folder.zip")).expect("a folder");
    let r = bundle(s.path(), &s.path().join("folder.zip"), &[]);
    assert_eq!(r.code(), Some(1));
    assert!(r.stderr().contains("is a folder"), "{}", r.stderr());
    let r = bundle(s.path(), &s.path().join("site.yaml"), &[]);
    assert_eq!(r.code(), Some(1));
    assert!(r.stderr().contains("must end in `.zip`"), "{}", r.stderr());
    assert!(s.path().join("site.yaml").is_file());
    // Inside an output folder: the next build would replace it, zip and all.
    s.build_ok();
    let r = bundle(s.path(), &s.out().join("portal.zip"), &[]);
    assert_eq!(r.code(), Some(1));
    assert!(
        r.stderr().contains("the next build replaces that folder"),
        "{}",
        r.stderr()
    );
}

// ---- --language ----

/// A bundle of the demo in `langs` only (`--language` given as `how`).
fn fr_bundle() -> &'static [u8] {
    static FR: OnceLock<Vec<u8>> = OnceLock::new();
    FR.get_or_init(|| demo_bundle(&["--language", "fr"]))
}

#[test]
fn a_bundle_of_one_language_has_its_pages_only_and_no_broken_link() {
    let fr = fr_bundle();
    assert!(
        fr.len() < full().len() / 2,
        "{} against {}",
        fr.len(),
        full().len()
    );
    let (top, files) = inside(fr);
    assert_eq!(top, "pledgeboard.example.org-fr");
    for rel in files.keys().filter(|r| r.ends_with(".html")) {
        assert!(rel == "index.html" || rel.starts_with("fr/"), "{rel}");
    }
    for gone in ["en/", "ar/", "ne/"] {
        assert!(
            !files.keys().any(|r| r.starts_with(gone)),
            "{gone} is bundled"
        );
    }
    assert!(files.contains_key("fr/index.html"));
    assert!(files.contains_key("data/commitments.json"));
    let broken = broken_links(&files);
    assert!(broken.is_empty(), "broken links: {broken:#?}");
    // The root picker offers French only, in French.
    let root = Page::parse(&String::from_utf8_lossy(&files["index.html"]));
    assert_eq!(root.attrs(".choices a", "href"), ["fr/index.html"]);
    assert_eq!(root.attrs("html", "lang"), ["fr"]);
    // No page names another language: no switcher, alternates in French.
    let locality = "fr/localities/saaba/index.html";
    let page = Page::parse(&String::from_utf8_lossy(&files[locality]));
    assert!(!page.has("nav.langs"), "a switcher of one language");
    let hreflang = page.attrs("link[hreflang]", "hreflang");
    assert_eq!(hreflang, ["fr", "x-default"]);
    for href in page.attrs("link[hreflang]", "href") {
        assert!(href.contains("/fr/"), "{href}");
    }
    // Untranslated texts still show in English, marked as English.
    let all = String::from_utf8_lossy(&files["fr/commitments/index.html"]).into_owned();
    assert!(all.contains("lang=\"en\""), "fallback texts are marked");
    // Open data: French and the default language's texts, French pages.
    let json = String::from_utf8_lossy(&files["data/commitments.json"]).into_owned();
    assert!(json.contains("\"fr\":") && json.contains("\"en\":"));
    assert!(
        !json.contains("\"ar\":") && !json.contains("\"ne\":"),
        "{}",
        &json[..400]
    );
    let csv = String::from_utf8_lossy(&files["data/commitments.csv"]).into_owned();
    let header = csv.lines().next().unwrap_or_default();
    assert!(
        header.contains("title.fr") && !header.contains("title.ar"),
        "{header}"
    );
    let readme = String::from_utf8_lossy(&files["README.txt"]).into_owned();
    assert!(
        readme.contains("ouvrez") && !readme.contains("open the file"),
        "{readme}"
    );
}

#[test]
fn languages_are_repeated_or_listed_with_commas() {
    let listed = demo_bundle(&["--language", "fr,ar"]);
    let repeated = demo_bundle(&["--language", "ar", "--language", "fr"]);
    assert!(
        listed == repeated,
        "the same languages give the same bundle"
    );
    let (top, files) = inside(&listed);
    assert_eq!(top, "pledgeboard.example.org-fr-ar", "in site.yaml's order");
    let root = Page::parse(&String::from_utf8_lossy(&files["index.html"]));
    assert_eq!(
        root.attrs(".choices a", "href"),
        ["fr/index.html", "ar/index.html"]
    );
    let page = Page::parse(&String::from_utf8_lossy(&files["ar/index.html"]));
    assert_eq!(page.attrs("nav.langs a", "hreflang"), ["fr", "ar"]);
    let broken = broken_links(&files);
    assert!(broken.is_empty(), "broken links: {broken:#?}");
}

#[test]
fn an_unknown_language_is_an_error_naming_the_sites_languages() {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let zip = tmp.path().join("portal.zip");
    let r = bundle(&demo_dir(), &zip, &["--language", "fr,es"]);
    assert_eq!(r.code(), Some(1));
    assert_eq!(
        r.stderr(),
        "error: --language: the site has no language `es`\n  found: `es`\n  \
         expected: one of `en`, `fr`, `ar` or `ne` (the languages of site.yaml)\n\n\
         1 error found; no bundle was written (a file already at "
            .to_owned()
            + &zip.display().to_string()
            + " is unchanged).\n"
    );
    assert!(!zip.exists());
}

// ---- the footer link to a partner's bundle (site.yaml `offline_bundle`) ----

const PUBLISHED: &str = "https://tracker.example.org/downloads/portal.zip";

/// The footer line linking the published bundle on `page`, if any.
fn footer_link(s: &TestSite, page: &str) -> Option<(String, String)> {
    let page = s.page(page);
    let links = page.select(&format!("footer a[href='{PUBLISHED}']"));
    links.first().map(|a| {
        let text = a.text().collect::<String>();
        (text, a.value().attr("href").unwrap_or_default().to_owned())
    })
}

#[test]
fn the_footer_links_the_partners_bundle_when_site_yaml_says_where() {
    let s = TestSite::minimal();
    s.file(
        "site.yaml",
        &format!("{SITE_YAML}offline_bundle:\n  url: {PUBLISHED}\n  size: 4.2 MB\n"),
    );
    s.build_ok();
    let en = footer_link(&s, "en/index.html").map(|(text, _)| text);
    assert_eq!(
        en.as_deref(),
        Some("Download the whole portal to read offline (ZIP, 4.2 MB)")
    );
    let fr = footer_link(&s, "fr/localities/saaba/joint-patrols/index.html");
    assert_eq!(
        fr.map(|(text, _)| text).as_deref(),
        Some("Télécharger tout le portail pour le lire hors ligne (ZIP, 4,2 Mo)")
    );
    assert!(footer_link(&s, "ar/localities/index.html").is_some());
    // Nepali digits, and the size's own unit.
    s.file(
        "site.yaml",
        &format!(
            "{}offline_bundle: {{ url: \"{PUBLISHED}\", size: 850 KB }}\n",
            SITE_YAML.replace("as_of: 2024-06-30\n", "  - { code: ne, name: नेपाली }\n")
        ),
    );
    s.build_ok();
    let ne = footer_link(&s, "ne/index.html").map(|(text, _)| text);
    assert!(
        ne.as_deref().is_some_and(|t| t.contains("८५० केबी")),
        "{ne:?}"
    );
}

#[test]
fn without_the_setting_the_footer_has_no_download_line() {
    let s = TestSite::minimal();
    s.build_ok();
    let page = s.read("en/index.html");
    assert!(!page.contains("Download the whole portal"), "{page}");
    assert!(!page.contains(".zip"));
}
