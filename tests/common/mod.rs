//! Helpers for integration tests: purpose-made sites in temporary folders,
//! and running the real `pledgeboard` binary on them.
#![allow(dead_code, unreachable_pub)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub const SITE_YAML: &str = "\
title:
  en: Test tracker
  fr: Suivi de test
  ar: متتبع الاختبار
base_url: https://tracker.example.org/
default_language: en
languages:
  - { code: en, name: English }
  - { code: fr, name: Français }
  - { code: ar, name: العربية }
as_of: 2024-06-30
license: { name: CC BY 4.0, url: \"https://creativecommons.org/licenses/by/4.0/\" }
";

/// The last line of [`SITE_YAML`]: a site without a licence gets a warning.
pub const LICENSE_LINE: &str =
    "license: { name: CC BY 4.0, url: \"https://creativecommons.org/licenses/by/4.0/\" }\n";

/// [`SITE_YAML`] with `extra` lines added before its licence line, so that
/// they are on the lines they were on before site.yaml had a licence.
pub fn site_yaml_with(extra: &str) -> String {
    assert!(SITE_YAML.ends_with(LICENSE_LINE));
    SITE_YAML.replacen(LICENSE_LINE, &format!("{extra}{LICENSE_LINE}"), 1)
}

pub const LOCALITY: &str = "---\nname: Saaba\ncountry: BF\n---\nA town near Ouagadougou.\n";

pub const COMMITMENT: &str = "\
---
title: Joint night patrols
pledged_by: [police, community]
agreed: 2017-05-20
due: 2018-01-31
status: in-progress
progress: 30
updates:
  - date: 2017-09-01
    status: in-progress
    progress: 30
    note: Three patrols a week.
---
Police and the vigilante group patrol together.
";

/// A site directory in a temporary folder.
pub struct TestSite {
    pub dir: tempfile::TempDir,
}

impl TestSite {
    /// An empty folder.
    pub fn empty() -> TestSite {
        TestSite {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    /// A small valid site: one locality with one commitment, in three languages.
    pub fn minimal() -> TestSite {
        let s = TestSite::empty();
        s.file("site.yaml", SITE_YAML);
        s.file("localities/saaba/_index.md", LOCALITY);
        s.file("localities/saaba/joint-patrols.md", COMMITMENT);
        s
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn file(&self, rel: &str, content: &str) -> &Self {
        self.bytes(rel, content.as_bytes())
    }

    pub fn bytes(&self, rel: &str, content: &[u8]) -> &Self {
        let p = self.dir.path().join(rel);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, content).unwrap();
        self
    }

    pub fn remove(&self, rel: &str) {
        fs::remove_file(self.dir.path().join(rel)).unwrap();
    }

    /// The default output folder.
    pub fn out(&self) -> PathBuf {
        self.dir.path().join("public")
    }

    /// Runs `pledgeboard <args…> <site dir>`.
    pub fn run(&self, args: &[&str]) -> Run {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_pledgeboard"));
        cmd.args(args).arg(self.dir.path());
        cmd.env("SOURCE_DATE_EPOCH", "1719705600"); // 2024-06-30
        Run(cmd.output().expect("run pledgeboard"))
    }

    pub fn build(&self) -> Run {
        self.run(&["build"])
    }

    /// Builds and panics with the diagnostics when the build fails.
    pub fn build_ok(&self) -> Run {
        let r = self.build();
        assert!(r.ok(), "build failed:\n{}", r.stderr());
        r
    }

    /// A file of the output, as text.
    pub fn read(&self, rel: &str) -> String {
        let p = self.out().join(rel);
        fs::read_to_string(&p).unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display()))
    }
}

pub struct Run(pub Output);

impl Run {
    pub fn ok(&self) -> bool {
        self.0.status.success()
    }
    pub fn code(&self) -> Option<i32> {
        self.0.status.code()
    }
    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.0.stderr).into_owned()
    }
    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.0.stdout).into_owned()
    }
}

/// The text of an HTML document without tags, whitespace folded, for
/// asserting what a reader sees.
pub fn visible_text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => {
                in_tag = true;
                out.push(' ');
            }
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    let out = out
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'");
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A parsed HTML page of the output.
pub struct Page(pub scraper::Html);

impl Page {
    pub fn parse(html: &str) -> Page {
        Page(scraper::Html::parse_document(html))
    }

    /// Elements matching a CSS selector.
    pub fn select(&self, css: &str) -> Vec<scraper::ElementRef<'_>> {
        let sel = scraper::Selector::parse(css).unwrap_or_else(|e| panic!("selector {css}: {e:?}"));
        self.0.select(&sel).collect()
    }

    pub fn has(&self, css: &str) -> bool {
        !self.select(css).is_empty()
    }

    /// The visible text of the elements matching `css`, whitespace folded.
    pub fn text_of(&self, css: &str) -> Vec<String> {
        self.select(css)
            .iter()
            .map(|e| {
                e.text()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    /// The visible text of the whole body.
    pub fn text(&self) -> String {
        self.text_of("body").join(" ")
    }

    /// The values of `attr` on elements matching `css`.
    pub fn attrs(&self, css: &str, attr: &str) -> Vec<String> {
        self.select(css)
            .iter()
            .filter_map(|e| e.value().attr(attr).map(str::to_owned))
            .collect()
    }

    /// Every `href` and `src` value.
    pub fn links(&self) -> Vec<String> {
        let mut out = self.attrs("[href]", "href");
        out.extend(self.attrs("[src]", "src"));
        out
    }
}

impl TestSite {
    /// A page of the output, parsed.
    pub fn page(&self, rel: &str) -> Page {
        Page::parse(&self.read(rel))
    }
}

/// Every file under `dir`, by path relative to it, with its bytes.
pub fn tree(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    fn walk(base: &Path, dir: &Path, out: &mut std::collections::BTreeMap<String, Vec<u8>>) {
        for e in fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(base, &p, out);
            } else {
                let rel = p.strip_prefix(base).unwrap().to_string_lossy().into_owned();
                out.insert(rel, fs::read(&p).unwrap());
            }
        }
    }
    let mut out = std::collections::BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// The output path a relative link of the page at `page_rel` leads to
/// (`..` and `.` resolved), so that tests compare where links go rather
/// than how they are written.
#[allow(dead_code)]
pub fn resolve(page_rel: &str, href: &str) -> String {
    let mut parts: Vec<&str> = page_rel.split('/').collect();
    parts.pop();
    for seg in href.split(['#', '?']).next().unwrap_or("").split('/') {
        match seg {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            s => parts.push(s),
        }
    }
    parts.join("/")
}

/// The demo portal (`content/`) built by the real binary into a temporary
/// folder, with the build date fixed; the folder lives as long as the
/// returned guard.
pub fn build_demo() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let r = Command::new(env!("CARGO_BIN_EXE_pledgeboard"))
        .arg("build")
        .arg(&content)
        .arg("--output")
        .arg(&out)
        .env("SOURCE_DATE_EPOCH", "1767225600")
        .output()
        .unwrap();
    assert!(
        r.status.success(),
        "demo build failed:\n{}",
        String::from_utf8_lossy(&r.stderr)
    );
    (tmp, out)
}
