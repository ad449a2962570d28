//! The open data as a spreadsheet and a data portal read it: the three
//! tables (`data/localities.csv`, `data/commitments.csv`,
//! `data/updates.csv`) read back with the `csv` crate, and the data package
//! (`data/datapackage.json`) checked against the files it describes.

mod common;
use common::*;
use std::collections::BTreeMap;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The demo built once for the tests that read it.
fn demo() -> &'static Path {
    static DEMO: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &DEMO.get_or_init(build_demo).1
}

/// A table read back: its header and its rows as column → cell.
struct Table {
    header: Vec<String>,
    rows: Vec<BTreeMap<String, String>>,
}

impl Table {
    /// Reads a CSV file's bytes, which must start with a UTF-8 byte-order
    /// mark and end every row with CRLF.
    fn read(bytes: &[u8]) -> Table {
        let rest = bytes
            .strip_prefix(b"\xEF\xBB\xBF")
            .expect("a UTF-8 byte-order mark first");
        assert!(rest.ends_with(b"\r\n"), "rows end with CRLF");
        let mut reader = csv::ReaderBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_reader(rest);
        let header: Vec<String> = reader
            .headers()
            .expect("a header row")
            .iter()
            .map(String::from)
            .collect();
        let rows = reader
            .records()
            .map(|r| {
                let r = r.expect("a row with as many cells as the header");
                header
                    .iter()
                    .cloned()
                    .zip(r.iter().map(String::from))
                    .collect()
            })
            .collect();
        Table { header, rows }
    }

    fn file(out: &Path, name: &str) -> Table {
        let path = out.join("data").join(name);
        Table::read(&fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
    }

    /// The first row whose `column` is `value`.
    fn row(&self, column: &str, value: &str) -> &BTreeMap<String, String> {
        self.rows
            .iter()
            .find(|r| r[column] == value)
            .unwrap_or_else(|| panic!("no row with {column} = {value}"))
    }
}

fn strings(names: &[&str]) -> Vec<String> {
    names.iter().map(|n| n.to_string()).collect()
}

/// A text column with its translations in the demo's languages.
fn text(name: &str) -> Vec<String> {
    let mut v = vec![name.to_owned()];
    v.extend(["fr", "ar", "ne"].map(|l| format!("{name}.{l}")));
    v
}

fn urls() -> Vec<String> {
    ["en", "fr", "ar", "ne"]
        .map(|l| format!("url.{l}"))
        .to_vec()
}

#[test]
fn the_demo_has_three_tables_with_the_columns_of_the_specification() {
    let out = demo();
    let localities = Table::file(out, "localities.csv");
    let mut expected = strings(&["locality", "country", "latitude", "longitude"]);
    expected.extend(text("name"));
    expected.extend(text("region"));
    expected.extend(strings(&[
        "dialogue_since",
        "partners",
        "next_review",
        "commitments",
    ]));
    expected.extend(urls());
    expected.extend(text("body"));
    assert_eq!(localities.header, expected);

    let commitments = Table::file(out, "commitments.csv");
    let mut expected = strings(&[
        "key",
        "locality",
        "country",
        "latitude",
        "longitude",
        "id",
        "short_key",
    ]);
    for t in ["locality_name", "title", "summary"] {
        expected.extend(text(t));
    }
    expected.extend(strings(&[
        "pledged_by",
        "agreed",
        "due",
        "status",
        "progress",
        "topics",
    ]));
    expected.extend(text("responsible"));
    expected.extend(strings(&["overdue", "updates_count", "last_update"]));
    expected.extend(urls());
    expected.extend(text("body"));
    assert_eq!(commitments.header, expected);
    assert!(!commitments.header.contains(&"updates".to_owned()));

    let updates = Table::file(out, "updates.csv");
    let mut expected = strings(&[
        "key",
        "locality",
        "commitment",
        "date",
        "review",
        "status",
        "progress",
        "assessed_by",
    ]);
    expected.extend(text("note"));
    expected.push("sources".into());
    assert_eq!(updates.header, expected);
}

#[test]
fn the_demo_tables_hold_its_localities_commitments_and_updates() {
    let out = demo();
    let json: Vec<serde_json::Value> =
        serde_json::from_slice(&fs::read(out.join("data/commitments.json")).unwrap()).unwrap();
    let localities = Table::file(out, "localities.csv");
    let commitments = Table::file(out, "commitments.csv");
    let updates = Table::file(out, "updates.csv");

    // One row per locality, ordered by id, with its coordinates.
    let ids: Vec<&str> = localities.rows.iter().map(|r| &*r["locality"]).collect();
    assert_eq!(
        ids,
        [
            "banke",
            "jos-north",
            "kasserine",
            "kirkuk",
            "pikine",
            "saaba",
            "zawiya"
        ]
    );
    let zawiya = localities.row("locality", "zawiya");
    let cells = |row: &BTreeMap<String, String>, names: &[&str]| -> Vec<String> {
        names.iter().map(|n| row[*n].clone()).collect()
    };
    assert_eq!(
        cells(
            zawiya,
            &[
                "country",
                "latitude",
                "longitude",
                "name",
                "name.fr",
                "name.ar",
                "region.ne",
                "dialogue_since",
                "partners",
                "next_review",
                "commitments",
                "url.ar",
            ]
        ),
        [
            "LY",
            "32.7571",
            "12.7278",
            "Zawiya",
            "Zaouïa",
            "الزاوية",
            "जाविया जिल्ला",
            "2018-02",
            "Zawiya Youth for Civil Peace",
            "",
            "5",
            "https://pledgeboard.example.org/ar/localities/zawiya/",
        ]
    );
    assert!(
        zawiya["body"].len() > 100,
        "the story: {:?}",
        zawiya["body"]
    );

    // One row per commitment, as in the JSON, with its short key.
    assert_eq!(commitments.rows.len(), json.len());
    for (row, rec) in commitments.rows.iter().zip(&json) {
        assert_eq!(row["key"], rec["key"].as_str().unwrap());
        assert_eq!(row["short_key"], rec["short_key"].as_str().unwrap());
        assert_eq!(row["body"], rec["body"]["en"].as_str().unwrap());
        let count = rec["updates"].as_array().unwrap().len();
        assert_eq!(row["updates_count"], count.to_string());
        let of_this: Vec<_> = updates
            .rows
            .iter()
            .filter(|u| u["key"] == row["key"])
            .collect();
        assert_eq!(of_this.len(), count, "{}", row["key"]);
    }
    assert_eq!(
        commitments.row("key", "banke/border-market-patrols")["short_key"],
        "BMP"
    );
    let total: usize = localities
        .rows
        .iter()
        .map(|r| r["commitments"].parse::<usize>().unwrap())
        .sum();
    assert_eq!(total, json.len());

    // One row per update, in the order of the commitments, oldest first;
    // a known row, its note in Arabic too.
    let keys: Vec<&str> = updates.rows.iter().map(|u| &*u["key"]).collect();
    let mut grouped = keys.clone();
    grouped.dedup();
    let order: Vec<&str> = commitments.rows.iter().map(|r| &*r["key"]).collect();
    assert!(
        order
            .iter()
            .filter(|k| grouped.contains(k))
            .eq(grouped.iter())
    );
    let first = &updates.rows[0];
    assert_eq!(
        cells(
            first,
            &[
                "key",
                "locality",
                "commitment",
                "date",
                "review",
                "status",
                "progress",
                "assessed_by",
                "note",
                "note.fr",
                "note.ar",
                "sources",
            ]
        ),
        [
            "banke/border-market-patrols",
            "banke",
            "border-market-patrols",
            "2015-08-20",
            "",
            "in-progress",
            "60",
            "joint",
            "Patrols on Tuesdays and Saturdays.",
            "Patrouilles le mardi et le samedi.",
            "دوريات يومي الثلاثاء والسبت.",
            "",
        ]
    );
    assert_eq!(updates.rows[1]["date"], "2016-02-15");
    let sourced = updates.row("key", "kirkuk/displaced-families-registration");
    let with_source = updates
        .rows
        .iter()
        .find(|u| u["key"] == sourced["key"] && !u["sources"].is_empty())
        .expect("kirkuk's registration has a source");
    assert_eq!(
        with_source["sources"],
        "https://example.org/reports/kirkuk-registration-2017.pdf"
    );
}

/// A site whose update has two sources (one titled), a review date, a note
/// translated into Arabic, and texts a spreadsheet would read as formulas.
fn sourced_site() -> TestSite {
    let s = TestSite::minimal();
    s.file(
        "localities/saaba/_index.md",
        "---\nname: '=Saaba'\ncountry: BF\nregion: '@Kadiogo'\ncoordinates: [12.3686, -1.4203]\npartners: [Saaba Peace Network, '+Women Forum']\n---\n- a story that starts with a list\n",
    );
    s.file(
        "localities/saaba/joint-patrols.md",
        "---\ntitle: Joint night patrols\npledged_by: [police, community]\nagreed: 2017-05-20\nstatus: in-progress\nprogress: 40\nupdates:\n  - date: 2017-09-01\n    assessed_by: police\n    status: in-progress\n    progress: 30\n    note: '-3 thefts since May, \"good\"'\n    sources:\n      - https://example.org/minutes.pdf\n      - { url: 'https://example.org/photo.jpg', title: 'Photo of the patrol, 1 September' }\n  - date: 2017-10-01\n    review: 2017-09-01\n    assessed_by: community\n    status: in-progress\n    progress: 40\n---\nBody.\n",
    );
    s.file(
        "localities/saaba/joint-patrols.ar.md",
        "---\ntitle: دوريات ليلية مشتركة\nupdates:\n  - { date: 2017-09-01, assessed_by: police, note: \"=سرقات أقل\" }\n---\n",
    );
    s
}

#[test]
fn an_update_row_holds_its_sources_one_a_line_with_their_titles_and_formulas_are_neutralised() {
    let s = sourced_site();
    s.build_ok();
    let updates = Table::file(&s.out(), "updates.csv");
    assert_eq!(updates.rows.len(), 2);
    let first = &updates.rows[0];
    assert_eq!(
        first["sources"],
        "https://example.org/minutes.pdf\r\nhttps://example.org/photo.jpg Photo of the patrol, 1 September"
    );
    // The injection rule: a `'` before a cell that starts like a formula.
    assert_eq!(first["note"], "'-3 thefts since May, \"good\"");
    assert_eq!(first["note.ar"], "'=سرقات أقل");
    assert_eq!(first["note.fr"], "");
    let second = &updates.rows[1];
    assert_eq!(
        [&second["date"], &second["review"], &second["assessed_by"]],
        ["2017-10-01", "2017-09-01", "community"]
    );
    let localities = Table::file(&s.out(), "localities.csv");
    let saaba = &localities.rows[0];
    assert_eq!(saaba["name"], "'=Saaba");
    assert_eq!(saaba["region"], "'@Kadiogo");
    // A list cell is not a formula unless it starts like one.
    assert_eq!(saaba["partners"], "Saaba Peace Network;+Women Forum");
    assert_eq!(saaba["body"], "'- a story that starts with a list\n");
    // A negative number is a number.
    assert_eq!(saaba["longitude"], "-1.4203");
    let raw = s.read("data/updates.csv");
    assert!(
        raw.contains(",\"'-3 thefts since May, \"\"good\"\"\","),
        "{raw}"
    );
}

#[test]
fn a_bundle_in_french_has_only_the_french_columns() {
    let s = sourced_site();
    let zip = s.path().join("fr.zip");
    let r = s.run(&[
        "bundle",
        "--output",
        zip.to_str().unwrap(),
        "--language",
        "fr",
    ]);
    assert!(r.ok(), "bundle failed:\n{}", r.stderr());
    let mut archive = zip::ZipArchive::new(fs::File::open(&zip).unwrap()).unwrap();
    let names: Vec<String> = archive
        .file_names()
        .map(|n| n.expect("a name").into_owned())
        .collect();
    let mut read = |end: &str| -> Table {
        let name = names.iter().find(|n| n.ends_with(end)).expect(end).clone();
        let mut bytes = Vec::new();
        archive
            .by_name(&name)
            .unwrap()
            .read_to_end(&mut bytes)
            .unwrap();
        Table::read(&bytes)
    };
    let localities = read("/data/localities.csv");
    let commitments = read("/data/commitments.csv");
    let updates = read("/data/updates.csv");
    for (table, texts) in [
        (&localities, &["name", "region", "body"][..]),
        (&commitments, &["title", "body"][..]),
        (&updates, &["note"][..]),
    ] {
        let languages: Vec<&str> = table
            .header
            .iter()
            .filter_map(|c| c.split_once('.').map(|(_, l)| l))
            .collect();
        assert!(languages.iter().all(|l| *l == "fr"), "{:?}", table.header);
        for t in texts {
            let fr = format!("{t}.fr");
            assert!(table.header.iter().any(|c| c == t) && table.header.contains(&fr));
        }
    }
    assert!(localities.header.contains(&"url.fr".to_owned()));
    assert!(!localities.header.contains(&"url.en".to_owned()));
}

// ---- the data package ----

fn package(out: &Path) -> serde_json::Value {
    let bytes = fs::read(out.join("data/datapackage.json")).expect("data/datapackage.json");
    serde_json::from_slice(&bytes).expect("JSON")
}

fn names(values: &serde_json::Value) -> Vec<&str> {
    values
        .as_array()
        .expect("an array")
        .iter()
        .map(|v| v.as_str().expect("a string"))
        .collect()
}

#[test]
fn the_data_package_describes_every_file_and_every_column_in_order() {
    let out = demo();
    let p = package(out);
    assert_eq!(p["profile"], "data-package");
    assert_eq!(p["name"], "pledgeboard.example.org");
    assert_eq!(
        p["title"],
        "Justice and Security Dialogues — commitments tracker"
    );
    assert_eq!(p["homepage"], "https://pledgeboard.example.org/");
    assert_eq!(p["created"], "2024-06-30T00:00:00Z");
    let resources = p["resources"].as_array().expect("resources");
    let paths: Vec<&str> = resources
        .iter()
        .map(|r| r["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        paths,
        [
            "localities.csv",
            "commitments.csv",
            "updates.csv",
            "commitments.json"
        ]
    );
    // Every file there is, described; every path described, there.
    let mut files: Vec<String> = fs::read_dir(out.join("data"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n != "datapackage.json")
        .collect();
    files.sort();
    let mut described: Vec<String> = paths.iter().map(|p| p.to_string()).collect();
    described.sort();
    assert_eq!(files, described);
    for r in &resources[..3] {
        assert_eq!(r["profile"], "tabular-data-resource");
        assert_eq!(r["dialect"]["lineTerminator"], "\r\n");
        let table = Table::file(out, r["path"].as_str().unwrap());
        let fields = r["schema"]["fields"].as_array().expect("fields");
        let field_names: Vec<&str> = fields.iter().map(|f| f["name"].as_str().unwrap()).collect();
        assert_eq!(field_names, table.header, "{}", r["name"]);
        for f in fields {
            let kind = f["type"].as_str().unwrap();
            assert!(
                ["string", "date", "number", "integer", "boolean"].contains(&kind),
                "{f}"
            );
            assert!(f["description"].as_str().unwrap().len() > 10, "{f}");
        }
    }
    let field = |table: usize, name: &str| -> serde_json::Value {
        resources[table]["schema"]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["name"] == name)
            .unwrap_or_else(|| panic!("no field {name}"))
            .clone()
    };
    assert_eq!(field(1, "agreed")["type"], "date");
    assert_eq!(field(1, "overdue")["type"], "boolean");
    assert_eq!(field(1, "progress")["type"], "integer");
    assert_eq!(field(0, "latitude")["type"], "number");
    assert!(
        field(1, "title.ar")["description"]
            .as_str()
            .unwrap()
            .contains("العربية (ar)")
    );
    assert_eq!(
        resources[0]["schema"]["primaryKey"],
        serde_json::json!(["locality"])
    );
    assert_eq!(
        resources[1]["schema"]["primaryKey"],
        serde_json::json!(["key"])
    );
    assert_eq!(
        resources[2]["schema"]["foreignKeys"],
        serde_json::json!([{ "fields": ["key"], "reference": { "resource": "commitments", "fields": ["key"] } }])
    );
    assert_eq!(
        resources[1]["schema"]["foreignKeys"][0]["reference"]["resource"],
        "localities"
    );
    assert_eq!(resources[3]["format"], "json");
    // The demo's licence, from its site.yaml.
    assert_eq!(
        p["licenses"],
        serde_json::json!([{ "title": "CC BY 4.0", "path": "https://creativecommons.org/licenses/by/4.0/" }])
    );
}

/// The sourced site with its own statuses and parties, and a licence of
/// its own (not the test sites' CC BY 4.0).
fn site_with_vocabulary() -> TestSite {
    let s = sourced_site();
    s.file(
        "site.yaml",
        &format!(
            "{}statuses:\n  - {{ id: not-started, label: {{ en: Not started }} }}\n  - {{ id: in-progress, label: {{ en: Under way }} }}\n  - {{ id: kept, label: {{ en: Kept }}, done: true }}\nparties:\n  - {{ id: police, label: {{ en: Police }} }}\n  - {{ id: community, label: {{ en: Residents }} }}\n  - {{ id: mayor, label: {{ en: The mayor }} }}\nlicense:\n  name: CC BY-SA 4.0\n  url: https://creativecommons.org/licenses/by-sa/4.0/\n",
            SITE_YAML.replace(LICENSE_LINE, "")
        ),
    );
    s
}

#[test]
fn the_data_package_names_the_sites_statuses_parties_and_licence_and_not_the_build_date() {
    let s = site_with_vocabulary();
    let build_on = |epoch: &str, out: &Path| {
        let r = std::process::Command::new(env!("CARGO_BIN_EXE_pledgeboard"))
            .arg("build")
            .arg(s.path())
            .arg("--output")
            .arg(out)
            .env("SOURCE_DATE_EPOCH", epoch)
            .output()
            .unwrap();
        assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    };
    let (a, b) = (s.path().join("out-a"), s.path().join("out-b"));
    build_on("1719705600", &a); // 2024-06-30
    build_on("1767225600", &b); // 2026-01-01
    let bytes = |out: &Path| fs::read(out.join("data/datapackage.json")).unwrap();
    assert!(
        bytes(&a) == bytes(&b),
        "another build date, the same package"
    );
    assert!(bytes(&a).ends_with(b"}\n"));

    let p = package(&a);
    assert_eq!(
        p["licenses"],
        serde_json::json!([{ "title": "CC BY-SA 4.0", "path": "https://creativecommons.org/licenses/by-sa/4.0/" }])
    );
    let fields = |table: usize| p["resources"][table]["schema"]["fields"].clone();
    let field = |table: usize, name: &str| -> serde_json::Value {
        fields(table)
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["name"] == name)
            .unwrap()
            .clone()
    };
    for table in [1, 2] {
        assert_eq!(
            names(&field(table, "status")["constraints"]["enum"]),
            ["not-started", "in-progress", "kept"]
        );
    }
    assert_eq!(
        names(&field(2, "assessed_by")["constraints"]["enum"]),
        ["police", "community", "joint", "independent"]
    );
    let pledged_by = field(1, "pledged_by");
    assert_eq!(
        pledged_by["constraints"]["pattern"],
        "(police|community|mayor)(;(police|community|mayor))*"
    );
    assert!(
        pledged_by["description"]
            .as_str()
            .unwrap()
            .contains("police, community, mayor"),
        "{pledged_by}"
    );
    // Three languages: a text column and its two translations.
    let names_of = |table: usize| -> Vec<String> {
        fields(table)
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["name"].as_str().unwrap().to_owned())
            .collect()
    };
    assert!(names_of(2).ends_with(&strings(&["note", "note.fr", "note.ar", "sources"])));
}

// ---- the footer's open-data line ----

#[test]
fn every_pages_footer_links_the_tables_and_the_data_dictionary_in_its_language() {
    let out = demo();
    for (page, texts) in [
        (
            "en/localities/saaba/index.html",
            [
                "CSV tables:",
                "commitments",
                "updates",
                "localities",
                "data dictionary",
            ],
        ),
        (
            "ar/index.html",
            [
                "جداول CSV:",
                "الالتزامات",
                "التحديثات",
                "المناطق",
                "قاموس البيانات",
            ],
        ),
        (
            "ne/updates/index.html",
            [
                "CSV तालिकाहरू:",
                "प्रतिबद्धताहरू",
                "अद्यावधिकहरू",
                "क्षेत्रहरू",
                "तथ्याङ्क शब्दकोश",
            ],
        ),
    ] {
        let html = fs::read_to_string(out.join(page)).unwrap();
        let doc = Page::parse(&html);
        let line = doc
            .select("footer p")
            .into_iter()
            .map(|p| p.text().collect::<String>())
            .find(|t| t.contains("JSON"))
            .unwrap_or_else(|| panic!("{page}: no open-data line"));
        let mut at = 0;
        for text in texts {
            let found = line[at..].find(text);
            assert!(
                found.is_some(),
                "{page}: {text:?} missing or out of order in {line:?}"
            );
            at += found.unwrap_or_default() + text.len();
        }
        let links: Vec<String> = doc
            .attrs("footer a", "href")
            .iter()
            .map(|href| resolve(page, href))
            .collect();
        for file in [
            "data/commitments.json",
            "data/commitments.csv",
            "data/updates.csv",
            "data/localities.csv",
            "data/datapackage.json",
        ] {
            assert!(
                links.iter().any(|l| l == file),
                "{page}: no link to {file}: {links:?}"
            );
            assert!(out.join(file).is_file());
        }
    }
}
