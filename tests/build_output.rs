//! What a reader sees in the output of small purpose-made sites.

mod common;
use common::*;
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

/// A site with known statuses, due dates and translations:
/// - saaba/joint-patrols: in-progress, due 2018-01-31 → overdue; fr translated, ar not
/// - saaba/help-desk: completed, due 2018-01-31 → not overdue
/// - saaba/lighting: stalled, due 2025-01-01 → not overdue (due after as_of)
/// - jos/stadium-gate: not-started, no due date → not overdue
fn known_site() -> TestSite {
    let s = TestSite::minimal();
    s.file(
        "localities/saaba/joint-patrols.fr.md",
        "---\ntitle: Patrouilles de nuit conjointes\nupdates:\n  - { date: 2017-09-01, note: Trois patrouilles par semaine. }\n---\nLa police et le groupe patrouillent ensemble.\n",
    );
    s.file(
        "localities/saaba/help-desk.md",
        "---\ntitle: A help desk for women\npledged_by: [police]\nagreed: 2017-05-20\ndue: 2018-01-31\nstatus: completed\nprogress: 100\ntopics: [women-safety]\n---\nA desk staffed by trained officers.\n",
    );
    s.file(
        "localities/saaba/lighting.md",
        "---\ntitle: Street lighting\npledged_by: [local-government]\nagreed: 2019-02-01\ndue: 2025-01-01\nstatus: stalled\ntopics: [infrastructure, women-safety]\n---\n",
    );
    s.file(
        "localities/jos/_index.md",
        "---\nname: Jos North\ncountry: NG\n---\nA city on the plateau.\n",
    );
    s.file(
        "localities/jos/stadium-gate.md",
        "---\ntitle: Move the stadium entrance\npledged_by: [local-government, community]\nagreed: 2019-03-01\nstatus: not-started\n---\n",
    );
    s.file(
        "pages/about.md",
        "---\ntitle: About\n---\nAbout this tracker.\n",
    );
    s.file(
        "pages/about.ar.md",
        "---\ntitle: حول\n---\nعن هذا المتتبع.\n",
    );
    s
}

#[test]
fn every_page_exists_in_every_language() {
    let s = known_site();
    s.build_ok();
    for lang in ["en", "fr", "ar"] {
        for page in [
            "index.html",
            "localities/index.html",
            "localities/saaba/index.html",
            "localities/saaba/joint-patrols/index.html",
            "localities/saaba/help-desk/index.html",
            "localities/jos/stadium-gate/index.html",
            "status/index.html",
            "status/in-progress/index.html",
            "party/index.html",
            "party/police/index.html",
            "topic/index.html",
            "topic/women-safety/index.html",
            "country/index.html",
            "country/bf/index.html",
            "country/ng/index.html",
            "overdue/index.html",
            "commitments/index.html",
            "updates/index.html",
            "updates/atom.xml",
            "localities/saaba/atom.xml",
            "about/index.html",
        ] {
            let p = s.out().join(lang).join(page);
            assert!(p.is_file(), "missing {}", p.display());
        }
    }
    for f in [
        "index.html",
        "404.html",
        "sitemap.xml",
        "data/commitments.json",
        "data/commitments.csv",
        "style.css",
    ] {
        assert!(s.out().join(f).is_file(), "missing {f}");
    }
}

#[test]
fn html_has_language_and_direction() {
    let s = known_site();
    s.build_ok();
    for page in [
        "index.html",
        "localities/saaba/joint-patrols/index.html",
        "status/index.html",
        "about/index.html",
    ] {
        assert!(
            s.page(&format!("ar/{page}")).has("html[lang=ar][dir=rtl]"),
            "ar/{page}"
        );
        assert!(
            s.page(&format!("fr/{page}")).has("html[lang=fr][dir=ltr]"),
            "fr/{page}"
        );
        assert!(
            s.page(&format!("en/{page}")).has("html[lang=en][dir=ltr]"),
            "en/{page}"
        );
    }
}

#[test]
fn untranslated_text_falls_back_marked_with_its_language() {
    let s = known_site();
    s.build_ok();
    // No Arabic translation: the English title and body are shown, marked lang="en".
    let ar = s.page("ar/localities/saaba/joint-patrols/index.html");
    assert!(
        ar.text_of("h1 [lang=en][dir=ltr]")
            .contains(&"Joint night patrols".to_owned()),
        "{}",
        ar.text()
    );
    let marked_body = ar.text_of("[lang=en][dir=ltr] > p");
    assert!(
        marked_body.contains(&"Police and the vigilante group patrol together.".to_owned()),
        "{marked_body:?}"
    );
    assert!(
        ar.text_of("[lang=en][dir=ltr]")
            .contains(&"Three patrols a week.".to_owned()),
        "the update note is marked too"
    );
    // French is translated: no marker, the French text.
    let fr = s.page("fr/localities/saaba/joint-patrols/index.html");
    assert!(
        fr.text_of("h1")
            .iter()
            .any(|t| t.contains("Patrouilles de nuit conjointes")),
        "{}",
        fr.text()
    );
    assert!(
        !fr.text_of("[lang=en]")
            .iter()
            .any(|t| t.contains("Joint night patrols")),
        "{}",
        fr.text()
    );
    assert!(
        fr.text().contains("Trois patrouilles par semaine."),
        "{}",
        fr.text()
    );
    // The free page translated into Arabic is not marked; the untranslated French one is.
    let about = s.page("ar/about/index.html");
    assert!(about.text().contains("عن هذا المتتبع."), "{}", about.text());
    assert!(!about.has("[lang=en] > p"), "{}", about.text());
    assert!(
        s.page("fr/about/index.html")
            .text_of("[lang=en] > p")
            .contains(&"About this tracker.".to_owned())
    );
}

#[test]
fn overdue_is_computed_against_as_of() {
    let s = known_site();
    s.build_ok();
    let overdue = visible_text(&s.read("en/overdue/index.html"));
    assert!(overdue.contains("Joint night patrols"), "{overdue}");
    for not in [
        "A help desk for women",
        "Street lighting",
        "Move the stadium entrance",
    ] {
        assert!(
            !overdue.contains(not),
            "{not} must not be overdue: {overdue}"
        );
    }
    let json: serde_json::Value = serde_json::from_str(&s.read("data/commitments.json")).unwrap();
    let flags: BTreeMap<String, bool> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["key"].as_str().unwrap().to_owned(),
                r["overdue"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        flags,
        BTreeMap::from([
            ("jos/stadium-gate".to_owned(), false),
            ("saaba/help-desk".to_owned(), false),
            ("saaba/joint-patrols".to_owned(), true),
            ("saaba/lighting".to_owned(), false),
        ])
    );
}

#[test]
fn home_shows_totals_by_status_and_party() {
    let s = known_site();
    s.build_ok();
    let home = s.page("en/index.html");
    let text = home.text();
    // 4 commitments, one of each of four statuses, the status names as text.
    for label in ["In progress", "Completed", "Stalled", "Not started"] {
        assert!(text.contains(label), "missing {label}: {text}");
    }
    // Statuses in the status bar's legend, every one, zero counts too.
    let legend = home.text_of("ul.legend li");
    for item in [
        "In progress 1 · 25%",
        "Completed 1 · 25%",
        "Suspended 0 · 0%",
    ] {
        assert!(
            legend.contains(&item.to_owned()),
            "no `{item}` in {legend:?}"
        );
    }
    let rows = home.text_of("table.tally tbody tr");
    for row in ["Police 2", "Local government 2", "Courts and prosecutors 0"] {
        assert!(rows.contains(&row.to_owned()), "no row `{row}` in {rows:?}");
    }
    assert!(
        text.contains("1 of 4 commitments completed · 1 overdue"),
        "{text}"
    );
    // The overdue count links to the overdue page.
    assert!(home.has("a[href=\"overdue/index.html\"]"), "{text}");
    // Party totals: local government pledged two.
    assert!(text.contains("Local government"), "{text}");
    assert!(
        home.has("a[href=\"party/local-government/index.html\"]"),
        "{text}"
    );
}

#[test]
fn language_switcher_links_to_the_same_page() {
    let s = known_site();
    s.build_ok();
    let page = s.page("fr/localities/saaba/help-desk/index.html");
    assert!(page.has("a[href=\"../../../../en/localities/saaba/help-desk/index.html\"][lang=en]"));
    assert!(page.has("a[href=\"../../../../ar/localities/saaba/help-desk/index.html\"][lang=ar]"));
    // hreflang alternates in the head, absolute.
    assert_eq!(
        page.attrs("link[rel=alternate][hreflang=ar]", "href"),
        ["https://tracker.example.org/ar/localities/saaba/help-desk/"]
    );
    assert_eq!(
        page.attrs("link[rel=alternate][hreflang=x-default]", "href"),
        ["https://tracker.example.org/en/localities/saaba/help-desk/"]
    );
}

#[test]
fn root_page_lets_a_reader_pick_a_language_without_script() {
    let s = known_site();
    s.build_ok();
    let root = s.page("index.html");
    for lang in ["en", "fr", "ar"] {
        assert!(
            root.has(&format!("a[href=\"{lang}/index.html\"]")),
            "{}",
            root.text()
        );
    }
    assert!(!root.has("script"));
    assert!(!root.has("meta[http-equiv]"));
}

#[test]
fn feeds_and_sitemap_are_well_formed_xml() {
    let s = known_site();
    s.build_ok();
    for lang in ["en", "fr", "ar"] {
        for feed in [
            format!("{lang}/updates/atom.xml"),
            format!("{lang}/localities/saaba/atom.xml"),
        ] {
            let text = s.read(&feed);
            let doc = roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{feed}: {e}"));
            let root = doc.root_element();
            assert_eq!(root.tag_name().name(), "feed");
            assert_eq!(
                root.tag_name().namespace(),
                Some("http://www.w3.org/2005/Atom")
            );
            let entries = root.children().filter(|n| n.has_tag_name("entry")).count();
            assert_eq!(entries, 1, "{feed}: one update in the site");
        }
    }
    let fr_feed = s.read("fr/updates/atom.xml");
    assert!(
        fr_feed.contains("Trois patrouilles par semaine."),
        "{fr_feed}"
    );
    assert!(
        fr_feed.contains("https://tracker.example.org/fr/localities/saaba/joint-patrols/"),
        "{fr_feed}"
    );

    let sitemap = s.read("sitemap.xml");
    let doc = roxmltree::Document::parse(&sitemap).expect("sitemap parses");
    let locs: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("loc"))
        .filter_map(|n| n.text())
        .collect();
    assert!(
        locs.contains(&"https://tracker.example.org/ar/localities/saaba/joint-patrols/"),
        "{locs:?}"
    );
    // The language alternates are in every page's head (tests/languages.rs),
    // not said a second time here: a sitemap of 60,000 pages would carry
    // them in another 30 MB.
    let alternates = doc
        .descendants()
        .filter(|n| n.tag_name().name() == "link")
        .count();
    assert_eq!(alternates, 0, "the sitemap repeats the pages' alternates");
}

#[test]
fn json_and_csv_exports_agree() {
    let s = known_site();
    s.build_ok();
    let json: Vec<serde_json::Value> =
        serde_json::from_str(&s.read("data/commitments.json")).unwrap();
    assert_eq!(json.len(), 4);
    let patrols = json
        .iter()
        .find(|r| r["key"] == "saaba/joint-patrols")
        .unwrap();
    assert_eq!(patrols["title"]["en"], "Joint night patrols");
    assert_eq!(patrols["title"]["fr"], "Patrouilles de nuit conjointes");
    assert_eq!(
        patrols["pledged_by"],
        serde_json::json!(["police", "community"])
    );
    assert_eq!(patrols["country"], "BF");
    assert_eq!(
        patrols["url"]["ar"],
        "https://tracker.example.org/ar/localities/saaba/joint-patrols/"
    );
    assert_eq!(
        patrols["updates"][0]["note"]["fr"],
        "Trois patrouilles par semaine."
    );

    let bytes = fs::read(s.out().join("data/commitments.csv")).unwrap();
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBF"),
        "CSV starts with a UTF-8 byte-order mark for spreadsheets"
    );
    let mut rdr = csv::ReaderBuilder::new().from_reader(&bytes[3..]);
    let headers = rdr.headers().unwrap().clone();
    let rows: Vec<BTreeMap<String, String>> = rdr
        .records()
        .map(|r| {
            headers
                .iter()
                .zip(r.unwrap().iter())
                .map(|(h, v)| (h.to_owned(), v.to_owned()))
                .collect()
        })
        .collect();
    assert_eq!(rows.len(), json.len());
    for (row, rec) in rows.iter().zip(&json) {
        assert_eq!(row["key"], rec["key"].as_str().unwrap());
        assert_eq!(row["title"], rec["title"]["en"].as_str().unwrap());
        assert_eq!(row["title.fr"], rec["title"]["fr"].as_str().unwrap_or(""));
        assert_eq!(row["status"], rec["status"].as_str().unwrap());
        assert_eq!(
            row["overdue"],
            rec["overdue"].as_bool().unwrap().to_string()
        );
        let parties: Vec<&str> = rec["pledged_by"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p.as_str().unwrap())
            .collect();
        assert_eq!(row["pledged_by"], parties.join(";"));
        assert_eq!(
            row["progress"],
            rec["progress"]
                .as_u64()
                .map(|p| p.to_string())
                .unwrap_or_default()
        );
        let updates = rec["updates"].as_array().unwrap().len();
        assert_eq!(row["updates_count"], updates.to_string());
        assert_eq!(row["url.ar"], rec["url"]["ar"].as_str().unwrap());
    }
}

#[test]
fn two_builds_are_byte_identical() {
    let s = known_site();
    let a = s.dir.path().join("out-a");
    let b = s.dir.path().join("out-b");
    assert!(s.run(&["build", "--output", a.to_str().unwrap()]).ok());
    assert!(s.run(&["build", "--output", b.to_str().unwrap()]).ok());
    let (ta, tb) = (tree(&a), tree(&b));
    assert_eq!(ta.keys().collect::<Vec<_>>(), tb.keys().collect::<Vec<_>>());
    for (k, v) in &ta {
        assert!(v == &tb[k], "{k} differs between two builds");
    }
}

#[test]
fn a_failed_build_leaves_the_previous_output_untouched() {
    let s = known_site();
    s.build_ok();
    let before = tree(&s.out());
    s.file(
        "localities/saaba/lighting.md",
        "---\ntitle: Street lighting\nstatus: unknown-status\n---\n",
    );
    let r = s.build();
    assert_eq!(r.code(), Some(1));
    assert_eq!(
        tree(&s.out()),
        before,
        "the output changed after a failed build"
    );
}

#[test]
fn stale_pages_of_deleted_content_do_not_linger() {
    let s = known_site();
    s.build_ok();
    assert!(
        s.out()
            .join("en/localities/saaba/lighting/index.html")
            .is_file()
    );
    s.remove("localities/saaba/lighting.md");
    s.build_ok();
    assert!(
        !s.out()
            .join("en/localities/saaba/lighting/index.html")
            .exists()
    );
    assert!(!s.out().join("en/topic/infrastructure/index.html").exists());
}

#[test]
fn dangerous_output_folders_are_refused() {
    let s = known_site();
    let site = s.path().to_str().unwrap().to_owned();
    let r = s.run(&["build", "--output", &site]);
    assert_eq!(r.code(), Some(1));
    assert!(
        r.stderr()
            .contains("the output folder cannot be the site folder itself"),
        "{}",
        r.stderr()
    );
    let parent = s.path().parent().unwrap().to_str().unwrap().to_owned();
    let r = s.run(&["build", "--output", &parent]);
    assert_eq!(r.code(), Some(1));
    assert!(
        r.stderr().contains("cannot contain the site folder"),
        "{}",
        r.stderr()
    );
    // A folder with someone's files in it is not replaced.
    let mine = s.path().join("my-documents");
    fs::create_dir_all(&mine).unwrap();
    fs::write(mine.join("letter.txt"), "keep me").unwrap();
    let r = s.run(&["build", "--output", mine.to_str().unwrap()]);
    assert_eq!(r.code(), Some(1));
    assert!(
        r.stderr().contains("was not written by pledgeboard"),
        "{}",
        r.stderr()
    );
    assert_eq!(
        fs::read_to_string(mine.join("letter.txt")).unwrap(),
        "keep me"
    );
}

#[test]
fn every_internal_link_resolves_and_nothing_loads_from_other_hosts() {
    let s = known_site();
    s.build_ok();
    let out = s.out();
    let files = tree(&out);
    let mut checked = 0;
    for (rel, bytes) in &files {
        if !rel.ends_with(".html") || rel == "404.html" {
            continue;
        }
        let page = Page::parse(std::str::from_utf8(bytes).unwrap());
        // Only the search page has a script: the theme's, deferred.
        if rel.ends_with("/search/index.html") {
            let scripts = page.attrs("script", "src");
            assert_eq!(scripts, ["../../search.js"], "{rel}");
            assert_eq!(page.attrs("script", "defer").len(), 1, "{rel}");
        } else {
            assert!(!page.has("script"), "{rel} has a script");
        }
        let dir = Path::new(rel).parent().unwrap();
        for link in page.links() {
            if link.starts_with("https://")
                || link.starts_with("http://")
                || link.starts_with("mailto:")
            {
                // Only head alternates/canonical (absolute by design) and evidence links go elsewhere.
                continue;
            }
            let target = link.split('#').next().unwrap();
            if target.is_empty() {
                continue;
            }
            let resolved = normalize(&dir.join(target));
            assert!(
                files.contains_key(&resolved),
                "{rel}: link `{link}` resolves to missing `{resolved}`"
            );
            checked += 1;
        }
        for loaded in page
            .attrs("link[rel=stylesheet], link[rel=icon]", "href")
            .into_iter()
            .chain(page.attrs("[src]", "src"))
        {
            assert!(
                !loaded.contains("//"),
                "{rel}: `{loaded}` loads from another host"
            );
        }
    }
    assert!(checked > 100, "only {checked} links checked");
}

fn normalize(p: &Path) -> String {
    let mut parts: Vec<String> = Vec::new();
    for c in p.components() {
        match c {
            std::path::Component::ParentDir => {
                parts.pop();
            }
            std::path::Component::Normal(n) => parts.push(n.to_string_lossy().into_owned()),
            _ => {}
        }
    }
    parts.join("/")
}

#[test]
fn long_lists_continue_on_further_pages() {
    let s = TestSite::minimal();
    for i in 0..120 {
        s.file(
            &format!("localities/saaba/pledge-{i:03}.md"),
            &format!("---\ntitle: Pledge number {i:03}\npledged_by: [justice]\nagreed: 2019-01-01\nstatus: suspended\n---\n"),
        );
    }
    s.build_ok();
    // 120 suspended commitments: pages of 50, 50 and 20.
    let first = s.page("fr/status/suspended/index.html");
    assert_eq!(first.select("ul.cards > li").len(), 50);
    assert!(first.text().contains("120 engagements"), "{}", first.text());
    assert!(first.has("a[rel=next][href=\"page/2/index.html\"]"));
    let third = s.page("fr/status/suspended/page/3/index.html");
    assert_eq!(third.select("ul.cards > li").len(), 20);
    assert!(third.text().contains("Pledge number 119"));
    assert!(third.text().contains("Page 3 sur 3"), "{}", third.text());
    assert!(third.has("a[rel=prev][href=\"../2/index.html\"]"));
    assert!(!third.has("a[rel=next]"));
    // Every commitment appears on exactly one page of the list.
    let mut seen = 0;
    for page in ["index.html", "page/2/index.html", "page/3/index.html"] {
        seen += s
            .page(&format!("en/status/suspended/{page}"))
            .select("ul.cards > li")
            .len();
    }
    assert_eq!(seen, 120);
    // The switcher of page 2 points at page 2 in the other languages.
    let second = s.page("ar/status/suspended/page/2/index.html");
    assert!(
        second.has("a[lang=en][href=\"../../../../../en/status/suspended/page/2/index.html\"]")
    );
}

#[test]
fn a_second_build_says_nothing_was_rendered_and_keeps_its_manifest_outside_the_portal() {
    let s = TestSite::minimal();
    let first = s.build_ok();
    assert!(!first.stdout().contains("rendered"), "{}", first.stdout());
    let second = s.build_ok();
    assert!(
        second
            .stdout()
            .contains(" files, 0 rendered, the others unchanged)"),
        "{}",
        second.stdout()
    );
    // The manifest sits beside the output folder: it is not published.
    let out = s.out();
    let manifest = out.with_file_name(".public.pledgeboard-manifest");
    assert!(manifest.is_file(), "no manifest at {}", manifest.display());
    assert!(!tree(&out).keys().any(|k| k.contains("manifest")));
    // Without it, everything is made again.
    std::fs::remove_file(&manifest).unwrap();
    let third = s.build_ok();
    assert!(!third.stdout().contains("rendered"), "{}", third.stdout());
}

// ---- issue 15: output folder safety ----

/// Holds the lock of the output folder `out` as a pledgeboard process
/// `pid` doing `doing` (`build` or `watch`) would: the lock file beside the
/// folder, locked, saying who holds it. Released when dropped.
fn hold_lock(out: &Path, pid: u32, doing: &str) -> fs::File {
    use std::io::Write;
    let path = out.with_file_name(format!(
        ".{}.pledgeboard-lock",
        out.file_name().unwrap().to_string_lossy()
    ));
    let mut file = fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(true)
        .open(path)
        .unwrap();
    file.try_lock().unwrap();
    write!(file, "{pid} {doing}\npledgeboard {doing}\n").unwrap();
    file
}

/// Starts `pledgeboard <args…> <site>` with its output piped.
fn spawn(s: &TestSite, args: &[&str]) -> std::process::Child {
    std::process::Command::new(env!("CARGO_BIN_EXE_pledgeboard"))
        .args(args)
        .arg(s.path())
        .env("SOURCE_DATE_EPOCH", "1719705600")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap()
}

/// Reads lines from `from` until one contains `needle`; returns what was read.
fn read_until(from: impl std::io::Read, needle: &str) -> String {
    use std::io::BufRead;
    let mut seen = String::new();
    for line in std::io::BufReader::new(from).lines() {
        let line = line.unwrap();
        seen.push_str(&line);
        seen.push('\n');
        if line.contains(needle) {
            return seen;
        }
    }
    panic!("the output ended without `{needle}`:\n{seen}");
}

#[test]
fn a_second_build_waits_for_the_first_to_finish_writing() {
    let s = known_site();
    s.build_ok();
    let before = tree(&s.out());
    // A first build holds the folder (here the test, as process 4242).
    let first = hold_lock(&s.out(), 4242, "build");
    let mut second = spawn(&s, &["build"]);
    let said = read_until(
        second.stderr.take().unwrap(),
        "Waiting for pledgeboard build (process 4242) to finish writing",
    );
    assert!(said.contains(&s.out().display().to_string()), "{said}");
    // It waits, writing nothing, as long as the first holds the folder.
    assert!(second.try_wait().unwrap().is_none(), "it did not wait");
    assert!(tree(&s.out()) == before, "the output changed while held");
    drop(first);
    let done = second.wait_with_output().unwrap();
    assert!(done.status.success());
    assert!(String::from_utf8_lossy(&done.stdout).contains("Built "));
    assert!(
        tree(&s.out()) == before,
        "the second build's output differs"
    );
}

#[test]
fn a_build_into_the_folder_of_a_watch_session_is_refused_naming_it() {
    let s = known_site();
    let out = s.dir.path().join("site-out");
    let out_arg = out.to_str().unwrap();
    let mut watch = spawn(&s, &["watch", "--output", out_arg]);
    read_until(watch.stdout.take().unwrap(), "Watching ");
    let before = tree(&out);
    assert!(before.contains_key("en/index.html"));
    let r = s.run(&["build", "--output", out_arg]);
    watch.kill().unwrap();
    watch.wait().unwrap();
    assert_eq!(r.code(), Some(1), "{}", r.stderr());
    let named = format!(
        "another pledgeboard is writing this output folder: pledgeboard watch (process {})",
        watch.id()
    );
    assert!(r.stderr().contains(&named), "{}", r.stderr());
    assert!(r.stderr().contains("stop it"), "{}", r.stderr());
    assert!(tree(&out) == before, "the refused build wrote");
    // Once the session has ended, the folder is free.
    assert!(s.run(&["build", "--output", out_arg]).ok());
}

#[test]
fn an_output_folder_inside_a_folder_the_site_reads_is_refused() {
    let s = known_site();
    for inside in [
        "static/out",
        "localities/out",
        "pages/out",
        "themes/x",
        "i18n/out",
    ] {
        let out = s.path().join(inside);
        let r = s.run(&["build", "--output", out.to_str().unwrap()]);
        assert_eq!(r.code(), Some(1), "{inside}:\n{}", r.stderr());
        let folder = inside.split('/').next().unwrap();
        assert!(
            r.stderr().contains(&format!(
                "the output folder cannot be inside the site's `{folder}/` folder: the site reads \
                 that folder, so every build would take in the portal of the build before"
            )),
            "{inside}:\n{}",
            r.stderr()
        );
        assert!(!out.exists(), "{inside} was written");
    }
    // The site builds as before: nothing was left in its folders.
    s.build_ok();
    assert!(!s.out().join("out").exists());
}

#[cfg(unix)]
#[test]
fn an_output_folder_that_is_a_symbolic_link_is_written_through() {
    let s = known_site();
    let target = s.dir.path().join("www/site");
    fs::create_dir_all(&target).unwrap();
    let link = s.out();
    std::os::unix::fs::symlink(&target, &link).unwrap();
    s.build_ok();
    s.file(
        "localities/jos/_index.md",
        "---\nname: Jos\ncountry: NG\n---\n",
    );
    let second = s.build_ok();
    let into = format!("into {}", target.canonicalize().unwrap().display());
    assert!(second.stdout().contains(&into), "{}", second.stdout());
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(fs::read_link(&link).unwrap(), target);
    let page = fs::read_to_string(target.join("en/localities/jos/index.html")).unwrap();
    assert!(page.contains("Jos"), "{page}");
    assert!(target.join(".pledgeboard-output").is_file());
}
