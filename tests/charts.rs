//! The charts on the demo portal: each has an accessible name and a
//! description, its numbers are the content's (as the open data gives
//! it), it uses the page language's digits, it is mirrored in Arabic, and
//! it stays within 3 KB gzipped.

mod common;
use common::*;
use serde_json::Value;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// Builds the site at `content` into a temporary folder.
fn build(content: &Path) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let r = Command::new(env!("CARGO_BIN_EXE_pledgeboard"))
        .arg("build")
        .arg(content)
        .arg("--output")
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        r.status.success(),
        "build failed:\n{}",
        String::from_utf8_lossy(&r.stderr)
    );
    (tmp, out)
}

fn demo_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("content")
}

/// The demo, built once for the tests of this file.
fn demo() -> &'static Path {
    static DEMO: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &DEMO.get_or_init(|| build(&demo_dir())).1
}

fn read(out: &Path, rel: &str) -> String {
    std::fs::read_to_string(out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The open data's records: what the content says, for comparing.
fn records(out: &Path) -> Vec<Value> {
    let v: Value = serde_json::from_str(&read(out, "data/commitments.json")).unwrap();
    v.as_array().unwrap().clone()
}

fn done(r: &Value) -> bool {
    r["status"] == "completed"
}

/// Every HTML page of `out`, by path.
fn pages(out: &Path) -> Vec<String> {
    tree(out)
        .into_keys()
        .filter(|k| k.ends_with(".html"))
        .collect()
}

/// The SVG text of chart `class` (`line`, `sm`, `tl`) on a page.
fn svg(html: &str, class: &str) -> Option<String> {
    let start = html.find(&format!("<svg class=\"chart {class}\""))?;
    let end = start + html[start..].find("</svg>")? + "</svg>".len();
    Some(html[start..end].to_owned())
}

/// The completed-over-time chart's last value: the label after its line.
fn last_value(svg: &str) -> String {
    let line = svg.find("class=\"val\"").expect("a line");
    let label = line + svg[line..].find("<text").unwrap();
    let text = &svg[label..];
    text[text.find('>').unwrap() + 1..text.find("</text>").unwrap()].to_owned()
}

/// The contents of every `<text>` of an SVG.
fn texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .map(|t| t[t.find('>').unwrap() + 1..t.find("</text>").unwrap()].to_owned())
        .collect()
}

#[test]
fn every_chart_on_the_demo_has_an_accessible_name_and_a_description() {
    let out = demo();
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for rel in pages(out) {
        let page = Page::parse(&read(out, &rel));
        for chart in page.select("svg.chart") {
            let v = chart.value();
            assert_eq!(v.attr("role"), Some("img"), "{rel}");
            // An image has no interactive parts (axe: nested-interactive).
            assert!(
                !chart.html().contains("<a "),
                "{rel}: a link inside a chart"
            );
            let named = |attr: &str| -> Vec<String> {
                v.attr(attr)
                    .unwrap_or_else(|| panic!("{rel}: no {attr}"))
                    .split(' ')
                    .map(|id| {
                        let found = page.text_of(&format!("#{id}"));
                        assert_eq!(found.len(), 1, "{rel}: #{id} of {attr}");
                        found[0].clone()
                    })
                    .collect()
            };
            let name = named("aria-labelledby");
            let desc = named("aria-describedby");
            assert!(!name[0].is_empty() && !desc[0].is_empty(), "{rel}");
            let title = page.text_of("svg.chart > title");
            assert!(title.contains(&name[0]), "{rel}: the name is the <title>");
            let kind = ["line", "sm", "tl"]
                .into_iter()
                .find(|k| v.classes().any(|c| c == *k))
                .unwrap();
            *seen.entry(kind).or_default() += 1;
        }
    }
    // Completed over time: the homes, 7 localities, 7 countries, in 4
    // languages; small multiples: homes and localities indexes; a timeline
    // on each of 36 commitments' pages.
    assert_eq!(seen.get("line"), Some(&(4 * (1 + 7 + 7))), "{seen:?}");
    assert_eq!(seen.get("sm"), Some(&(4 * 2)), "{seen:?}");
    assert_eq!(seen.get("tl"), Some(&(4 * 36)), "{seen:?}");
}

#[test]
fn completed_over_time_ends_at_the_number_of_done_commitments() {
    let out = demo();
    let recs = records(out);
    let count = |keep: &dyn Fn(&Value) -> bool| {
        recs.iter()
            .filter(|r| keep(r) && done(r))
            .count()
            .to_string()
    };
    let home = svg(&read(out, "en/index.html"), "line").unwrap();
    assert_eq!(last_value(&home), count(&|_| true));
    assert_eq!(last_value(&home), "10", "the demo has ten completed");
    let localities: std::collections::BTreeSet<&str> = recs
        .iter()
        .map(|r| r["locality"].as_str().unwrap())
        .collect();
    for loc in localities {
        let chart = svg(
            &read(out, &format!("en/localities/{loc}/index.html")),
            "line",
        )
        .unwrap();
        assert_eq!(
            last_value(&chart),
            count(&|r| r["locality"] == loc),
            "{loc}"
        );
    }
    let countries: std::collections::BTreeSet<&str> = recs
        .iter()
        .map(|r| r["country"].as_str().unwrap())
        .collect();
    for cc in countries {
        let chart = svg(
            &read(out, &format!("en/country/{}/index.html", cc.to_lowercase())),
            "line",
        )
        .unwrap();
        assert_eq!(last_value(&chart), count(&|r| r["country"] == cc), "{cc}");
    }
}

#[test]
fn each_commitment_timeline_has_one_mark_per_update_and_shades_only_the_overdue() {
    let out = demo();
    for r in records(out) {
        let rel = format!("en/localities/{}/index.html", r["key"].as_str().unwrap());
        let html = read(out, &rel);
        let tl = svg(&html, "tl").unwrap_or_else(|| panic!("{rel}: no timeline"));
        let updates = r["updates"].as_array().map_or(0, Vec::len);
        // A mark is a move (`M`) in the dots' or the ticks' path.
        let marks: usize = ["<path class=\"pt\" d=\"", "<path class=\"np\" d=\""]
            .iter()
            .filter_map(|p| tl.split(p).nth(1))
            .map(|d| d[..d.find('"').unwrap()].matches('M').count())
            .sum();
        assert_eq!(marks, updates, "{rel}");
        // A review with several assessments is one item holding a side each.
        let page = Page::parse(&html);
        let listed = page.select("li.update").len() - page.select("li.review").len()
            + page.select("li.review .side").len();
        assert_eq!(
            listed, updates,
            "{rel}: the page lists the updates the chart shows"
        );
        assert_eq!(tl.contains("class=\"od\""), r["overdue"] == true, "{rel}");
    }
}

#[test]
fn small_multiples_show_each_locality_counts_in_the_site_order() {
    let out = demo();
    let mut expected: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    for r in records(out) {
        *expected
            .entry(r["locality"].as_str().unwrap().to_owned())
            .or_default()
            .entry(r["status"].as_str().unwrap().to_owned())
            .or_default() += 1;
    }
    for lang in ["en", "fr"] {
        // Rows are named in the page's language.
        let ids: BTreeMap<String, String> = records(out)
            .iter()
            .map(|r| {
                let name = r["locality_name"][lang].as_str().unwrap();
                (name.to_owned(), r["locality"].as_str().unwrap().to_owned())
            })
            .collect();
        for rel in [
            format!("{lang}/index.html"),
            format!("{lang}/localities/index.html"),
        ] {
            let html = read(out, &rel);
            let chart = svg(&html, "sm").unwrap_or_else(|| panic!("{rel}: no small multiples"));
            // The columns: the statuses of the bars, in order, headed at
            // these x; a count belongs to the column headed before it.
            let statuses: Vec<&str> = chart
                .split("<path class=\"b status-")
                .skip(1)
                .map(|p| &p[..p.find('"').unwrap()])
                .collect();
            let heads: Vec<i32> = chart
                .split("<text x=\"")
                .skip(1)
                .filter(|t| t[..t.find('>').unwrap()].contains("transform"))
                .map(|t| t[..t.find('"').unwrap()].parse().unwrap())
                .collect();
            assert_eq!(statuses.len(), heads.len(), "{rel}");
            let mut order = Vec::new();
            let rows = &chart[..chart.find("<path class=\"b ").unwrap()];
            for row in rows.split("<text class=\"n\"").skip(1) {
                let name = &row[row.find('>').unwrap() + 1..row.find("</text>").unwrap()];
                let id = ids[name].clone();
                let mut counts = BTreeMap::new();
                let cells = &row[row.find("</text>").unwrap()..];
                for cell in cells.split("<text x=\"").skip(1) {
                    let x: i32 = cell[..cell.find('"').unwrap()].parse().unwrap();
                    let col = heads.iter().rposition(|h| *h <= x).unwrap();
                    let n = &cell[cell.find('>').unwrap() + 1..cell.find("</text>").unwrap()];
                    counts.insert(statuses[col].to_owned(), n.parse::<usize>().unwrap());
                }
                assert_eq!(counts, expected[&id], "{rel}: {id}");
                order.push(id);
            }
            assert_eq!(order.len(), expected.len(), "{rel}");
            // The data table links each locality to its page.
            let page = Page::parse(&html);
            let linked: Vec<String> = page
                .attrs("figure.chart table.data th a", "href")
                .iter()
                .map(|h| h.split('/').rev().nth(1).unwrap().to_owned())
                .collect();
            assert_eq!(linked, order, "{rel}");
            if rel.ends_with("/index.html") && !rel.contains("localities") {
                // The locality cards of the home page, in the site's order.
                let cards: Vec<String> = Page::parse(&html)
                    .attrs("section[aria-labelledby=places] .cards h3 a", "href")
                    .iter()
                    .map(|h| h.split('/').rev().nth(1).unwrap().to_owned())
                    .collect();
                assert_eq!(order, cards, "{rel}: in the order of the locality cards");
            }
        }
    }
}

/// The digits of `s` that are not ASCII, and whether it has ASCII ones.
fn digits(s: &str) -> (String, bool) {
    (
        s.chars()
            .filter(|c| c.is_numeric() && !c.is_ascii_digit())
            .collect(),
        s.chars().any(|c| c.is_ascii_digit()),
    )
}

#[test]
fn nepali_charts_use_devanagari_digits_and_arabic_ones_are_mirrored() {
    let out = demo();
    for chart in [
        svg(&read(out, "ne/index.html"), "line").unwrap(),
        svg(&read(out, "ne/index.html"), "sm").unwrap(),
        svg(
            &read(out, "ne/localities/kirkuk/mixed-patrol-units/index.html"),
            "tl",
        )
        .unwrap(),
    ] {
        let (local, ascii) = digits(&texts(&chart).join(" "));
        assert!(
            !ascii && local.chars().all(|c| ('०'..='९').contains(&c)),
            "{chart}"
        );
        assert!(!local.is_empty(), "{chart}");
    }
    // The line starts at the start edge: the left in English, the right in Arabic.
    let en = svg(&read(out, "en/index.html"), "line").unwrap();
    let ar = svg(&read(out, "ar/index.html"), "line").unwrap();
    assert!(en.contains("<path class=\"val\" d=\"M8 136"), "{en}");
    assert!(ar.contains("<path class=\"val\" d=\"M392 136"), "{ar}");
    // The demo's Arabic locale writes Western digits, as its other numbers do.
    assert_eq!(last_value(&ar), "10");
    let en = svg(&read(out, "en/index.html"), "sm").unwrap();
    let ar = svg(&read(out, "ar/index.html"), "sm").unwrap();
    assert!(en.contains("rotate(-30 ") && ar.contains("rotate(30 "));
}

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
fn an_arabic_locale_with_arabic_indic_digits_writes_them_in_every_chart() {
    let site = tempfile::tempdir().unwrap();
    copy_dir(&demo_dir(), site.path());
    let yaml = read(site.path(), "site.yaml");
    let yaml = yaml.replace(
        "{ code: ar, name: العربية }",
        "{ code: ar, name: العربية, locale: ar-u-nu-arab }",
    );
    std::fs::write(site.path().join("site.yaml"), yaml).unwrap();
    let (_tmp, out) = build(site.path());
    for (rel, class) in [
        ("ar/index.html", "line"),
        ("ar/index.html", "sm"),
        ("ar/localities/index.html", "sm"),
        ("ar/localities/kirkuk/index.html", "line"),
        ("ar/localities/kirkuk/mixed-patrol-units/index.html", "tl"),
    ] {
        let chart = svg(&read(&out, rel), class).unwrap();
        let (local, ascii) = digits(&texts(&chart).join(" "));
        assert!(!ascii && !local.is_empty(), "{rel}: {chart}");
        assert!(local.chars().all(|c| ('٠'..='٩').contains(&c)), "{rel}");
    }
    assert_eq!(
        last_value(&svg(&read(&out, "ar/index.html"), "line").unwrap()),
        "١٠"
    );
}

fn gzipped(s: &str) -> usize {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(s.as_bytes()).unwrap();
    gz.finish().unwrap().len()
}

#[test]
fn every_chart_on_the_demo_weighs_at_most_3_kb_gzipped_with_its_table() {
    let out = demo();
    let mut largest = (0, String::new());
    for rel in pages(out) {
        let html = read(out, &rel);
        for class in ["line", "sm", "tl"] {
            let Some(chart) = svg(&html, class) else {
                continue;
            };
            // With its data table, when it has one.
            let end = html.find(&chart).unwrap() + chart.len();
            let table = html[end..]
                .find("</details>")
                .filter(|_| html[end..].starts_with("<details>"))
                .map_or("", |e| &html[end..end + e]);
            let size = gzipped(&format!("{chart}{table}"));
            if size > largest.0 {
                largest = (size, format!("{rel} ({class})"));
            }
        }
    }
    assert!(largest.0 > 0);
    assert!(largest.0 <= 3 * 1024, "{largest:?}");
}

#[test]
fn past_24_localities_small_multiples_move_to_the_countries_that_have_at_most_24() {
    let site = TestSite::minimal();
    // Saaba (BF) and 25 more in Burkina Faso; two in Nigeria.
    for i in 0..25 {
        site.file(
            &format!("localities/bf{i:02}/_index.md"),
            &format!("---\nname: Commune {i:02}\ncountry: BF\n---\n"),
        );
    }
    for id in ["jos", "kano"] {
        site.file(
            &format!("localities/{id}/_index.md"),
            &format!("---\nname: {id}\ncountry: NG\n---\n"),
        );
    }
    site.file("localities/jos/gate.md", "---\ntitle: Move the gate\npledged_by: [police]\nagreed: 2019-03-01\nstatus: completed\n---\n");
    site.build_ok();
    for rel in [
        "en/index.html",
        "en/localities/index.html",
        "en/country/bf/index.html",
    ] {
        assert!(
            svg(&site.read(rel), "sm").is_none(),
            "{rel}: 28 or 26 localities"
        );
    }
    let ng = svg(&site.read("en/country/ng/index.html"), "sm").expect("Nigeria's two");
    assert_eq!(ng.matches("<text class=\"n\"").count(), 2, "{ng}");
    assert!(ng.contains("<path class=\"b status-completed\""), "{ng}");
    // The completed chart is on every country page all the same.
    let bf = site.read("en/country/bf/index.html");
    assert_eq!(last_value(&svg(&bf, "line").unwrap()), "0");
    assert_eq!(
        last_value(&svg(&site.read("en/country/ng/index.html"), "line").unwrap()),
        "1"
    );
}

#[test]
fn the_largest_small_multiples_stay_within_3_kb_gzipped() {
    // 24 localities (the most the home page shows), each with a
    // commitment in each of the 7 statuses: every bar and count drawn.
    let site = TestSite::empty();
    site.file("site.yaml", SITE_YAML);
    let statuses = [
        "not-started",
        "in-progress",
        "stalled",
        "suspended",
        "completed",
        "not-completed",
        "withdrawn",
    ];
    for i in 0..24 {
        site.file(
            &format!("localities/place-{i:02}/_index.md"),
            &format!("---\nname: A locality with a long name {i:02}\ncountry: BF\n---\n"),
        );
        for (k, status) in statuses.iter().enumerate() {
            site.file(
                &format!("localities/place-{i:02}/pledge-{k}.md"),
                &format!(
                    "---\ntitle: Pledge {k}\npledged_by: [police]\nagreed: 2015-0{}-01\nupdates:\n  - {{ date: 20{:02}-0{}-01, status: {status} }}\n---\n",
                    k + 1,
                    16 + i % 8,
                    k + 1
                ),
            );
        }
    }
    site.build_ok();
    for lang in ["en", "ar"] {
        let html = site.read(&format!("{lang}/index.html"));
        let chart = svg(&html, "sm").expect("24 localities");
        assert_eq!(chart.matches("<text class=\"n\"").count(), 24);
        let end = html.find(&chart).unwrap() + chart.len();
        let table = &html[end..end + html[end..].find("</details>").unwrap()];
        let size = gzipped(&format!("{chart}{table}"));
        assert!(size <= 3 * 1024, "{lang}: {size} bytes gzipped");
    }
}
