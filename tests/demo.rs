//! The demo portal in `content/` builds, and shows what the brief promises:
//! several localities and countries, every status and party, overdue
//! commitments, four languages (Nepali complete, French and Arabic with marked
//! fallbacks), and small pages.

mod common;
use common::*;
use std::collections::BTreeSet;
use std::io::Write;
use std::path::Path;
use std::process::Command;

/// Builds the demo into a temporary folder (never into the source tree).
fn build_demo() -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let r = Command::new(env!("CARGO_BIN_EXE_pledgeboard"))
        .arg("build")
        .arg(&content)
        .arg("--output")
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        r.status.success(),
        "demo build failed:\n{}",
        String::from_utf8_lossy(&r.stderr)
    );
    let stdout = String::from_utf8_lossy(&r.stdout);
    assert!(stdout.contains("Built "), "{stdout}");
    (tmp, out)
}

fn read(out: &Path, rel: &str) -> String {
    std::fs::read_to_string(out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

#[test]
fn demo_covers_the_content_model() {
    let (_tmp, out) = build_demo();
    let data: Vec<serde_json::Value> =
        serde_json::from_str(&read(&out, "data/commitments.json")).unwrap();
    assert!(data.len() >= 30, "{} commitments", data.len());
    let localities: BTreeSet<&str> = data
        .iter()
        .map(|r| r["locality"].as_str().unwrap())
        .collect();
    let countries: BTreeSet<&str> = data
        .iter()
        .map(|r| r["country"].as_str().unwrap())
        .collect();
    assert!(localities.len() >= 6, "{localities:?}");
    assert!(countries.len() >= 4, "{countries:?}");
    let statuses: BTreeSet<&str> = data.iter().map(|r| r["status"].as_str().unwrap()).collect();
    for s in [
        "not-started",
        "in-progress",
        "stalled",
        "suspended",
        "completed",
        "not-completed",
        "withdrawn",
    ] {
        assert!(statuses.contains(s), "no commitment is {s}");
    }
    let parties: BTreeSet<&str> = data
        .iter()
        .flat_map(|r| {
            r["pledged_by"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p.as_str().unwrap())
        })
        .collect();
    for p in ["police", "community", "local-government", "justice"] {
        assert!(parties.contains(p), "no commitment pledged by {p}");
    }
    let overdue = data.iter().filter(|r| r["overdue"] == true).count();
    assert!(overdue >= 3, "{overdue} overdue");
    let with_updates = data
        .iter()
        .filter(|r| !r["updates"].as_array().unwrap().is_empty())
        .count();
    assert!(
        with_updates * 2 > data.len(),
        "most commitments have updates"
    );

    // Every commitment page exists in every language.
    for r in &data {
        for lang in ["en", "fr", "ar"] {
            let p = out
                .join(lang)
                .join("localities")
                .join(r["key"].as_str().unwrap())
                .join("index.html");
            assert!(p.is_file(), "{}", p.display());
        }
    }
    // The overdue page lists exactly the overdue commitments.
    let page = Page::parse(&read(&out, "en/overdue/index.html"));
    let titles = page.text();
    for r in &data {
        let title = r["title"]["en"].as_str().unwrap();
        assert_eq!(
            titles.contains(title),
            r["overdue"] == true,
            "{title} on the overdue page"
        );
    }
}

#[test]
fn demo_has_marked_fallbacks_and_rtl_arabic() {
    let (_tmp, out) = build_demo();
    let data: Vec<serde_json::Value> =
        serde_json::from_str(&read(&out, "data/commitments.json")).unwrap();
    let untranslated: Vec<&serde_json::Value> =
        data.iter().filter(|r| r["title"]["ar"].is_null()).collect();
    assert!(
        !untranslated.is_empty(),
        "the demo leaves some Arabic titles untranslated"
    );
    for r in untranslated {
        let page = Page::parse(&read(
            &out,
            &format!("ar/localities/{}/index.html", r["key"].as_str().unwrap()),
        ));
        assert!(page.has("html[lang=ar][dir=rtl]"));
        let marked = page.text_of("h1 [lang=en]");
        assert_eq!(
            marked,
            [r["title"]["en"].as_str().unwrap()],
            "the English title is marked lang=en"
        );
    }
}

#[test]
fn commitment_pages_fit_in_14_kb_compressed() {
    let (_tmp, out) = build_demo();
    let css = std::fs::read(out.join("style.css")).unwrap();
    let gz = |bytes: &[u8]| {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        e.write_all(bytes).unwrap();
        e.finish().unwrap().len()
    };
    let data: Vec<serde_json::Value> =
        serde_json::from_str(&read(&out, "data/commitments.json")).unwrap();
    let mut largest = (0, String::new());
    for r in &data {
        for lang in ["en", "fr", "ar"] {
            let rel = format!(
                "{lang}/localities/{}/index.html",
                r["key"].as_str().unwrap()
            );
            let size = gz(&std::fs::read(out.join(&rel)).unwrap()) + gz(&css);
            if size > largest.0 {
                largest = (size, rel);
            }
        }
    }
    assert!(
        largest.0 <= 14 * 1024,
        "{} with its CSS is {} bytes gzipped",
        largest.1,
        largest.0
    );
}

#[test]
fn demo_reads_in_nepali() {
    let (_tmp, out) = build_demo();
    let page = Page::parse(&read(
        &out,
        "ne/localities/banke/land-dispute-mediation/index.html",
    ));
    assert_eq!(page.attrs("html", "lang"), ["ne"]);
    // Nothing on the page falls back to English.
    assert!(page.select("main [lang=en]").is_empty());
    // Dates and percentages in Devanagari digits; ISO for machines.
    let agreed = page.select("time[datetime='2016-05-24']");
    assert_eq!(agreed[0].text().collect::<String>(), "२०१६ मे २४");
    assert!(page.text().contains("६५%"), "{}", page.text());
    // The demo's Nepali is complete: check reports no gap for it.
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let r = Command::new(env!("CARGO_BIN_EXE_pledgeboard"))
        .arg("check")
        .arg(&content)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&r.stdout);
    assert!(
        stdout.contains("ne: 100% of texts translated (264 of 264); interface strings complete"),
        "{stdout}"
    );
}

// ---- issue 16: time in words ----

#[test]
fn the_demo_says_its_oldest_overdue_pledge_is_six_years_late() {
    let (_tmp, out) = build_demo();
    let read = |rel: &str| Page::parse(&read(&out, rel));
    let en = read("en/localities/saaba/joint-night-patrols/index.html");
    assert_eq!(
        en.text_of("main .meta strong.overdue"),
        ["Overdue by 6 years"]
    );
    let fr = read("fr/localities/saaba/joint-night-patrols/index.html");
    assert_eq!(
        fr.text_of("main .meta strong.overdue"),
        ["En retard de 6 ans"]
    );
    // Its updates, newest first: the latest one under its own heading.
    let dates = en.attrs("main section time", "datetime");
    let mut sorted = dates.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert!(dates.len() >= 2, "{dates:?}");
    assert_eq!(dates, sorted);
    // And the date of its data in the footer, in French.
    assert!(
        fr.text_of("footer")
            .join(" ")
            .contains("Données au 30 juin 2024"),
        "{:?}",
        fr.text_of("footer")
    );
}
