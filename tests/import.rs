//! `pledgeboard import`: tables (CSV, XLSX, ODS) into a site's content
//! files, checked by the site's own rules, every bad cell reported at once,
//! a dry run by default, texts never silently overwritten.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Runs pledgeboard; its exit code, standard output and standard error.
fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_pledgeboard"))
        .args(args)
        .env("SOURCE_DATE_EPOCH", "1767225600")
        .output()
        .expect("pledgeboard runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn demo_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("content")
}

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/import")
        .join(name)
        .display()
        .to_string()
}

/// A site to import into: one made by `pledgeboard init` in the demo's
/// languages, its site.yaml replaced by the demo's (the statuses, parties,
/// topics and countries the demo's content uses) and its sample locality
/// removed (a partner replaces it with theirs).
fn fresh_site() -> tempfile::TempDir {
    let dir = init_site("en,fr,ar,ne");
    std::fs::copy(demo_dir().join("site.yaml"), dir.path().join("site.yaml"))
        .expect("site.yaml copied");
    std::fs::remove_dir_all(dir.path().join("localities/riverside")).expect("sample removed");
    dir
}

/// A new site made by `pledgeboard init --languages LANGUAGES` (into an
/// empty temporary folder, which init accepts).
fn init_site(languages: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let (code, _, err) = run(&["init", path(&dir), "--languages", languages]);
    assert_eq!(code, 0, "{err}");
    dir
}

/// Every file under `dir/localities`, by path, with its text.
fn content(dir: &Path) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let root = dir.join("localities");
    let Ok(locs) = std::fs::read_dir(&root) else {
        return out;
    };
    for loc in locs.flatten() {
        for f in std::fs::read_dir(loc.path())
            .expect("a locality folder")
            .flatten()
        {
            let rel = f
                .path()
                .strip_prefix(dir)
                .expect("inside")
                .display()
                .to_string();
            out.insert(rel, std::fs::read_to_string(f.path()).expect("text"));
        }
    }
    out
}

fn path(dir: &tempfile::TempDir) -> &str {
    dir.path().to_str().expect("a UTF-8 path")
}

fn fixtures() -> Vec<String> {
    ["localities.csv", "commitments.csv", "updates.csv"]
        .map(fixture)
        .to_vec()
}

fn import(files: &[String], site: &tempfile::TempDir, extra: &[&str]) -> (i32, String, String) {
    let mut args: Vec<&str> = vec!["import"];
    args.extend(files.iter().map(String::as_str));
    args.extend(["--into", path(site)]);
    args.extend(extra);
    run(&args)
}

#[test]
fn a_dry_run_says_what_it_would_create_and_writes_nothing() {
    let site = fresh_site();
    let (code, out, err) = import(&fixtures(), &site, &[]);
    assert_eq!(code, 0, "{err}");
    insta::assert_snapshot!("dry_run", out);
    assert!(content(site.path()).is_empty(), "a dry run wrote files");
}

#[test]
fn csv_tables_become_files_that_check_clean_and_a_second_import_changes_nothing() {
    let site = fresh_site();
    let (code, out, err) = import(&fixtures(), &site, &["--write"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("Wrote 4 files: 4 created, 0 changed; 0 unchanged."),
        "{out}"
    );
    let files = content(site.path());
    insta::assert_snapshot!(
        "written_commitment",
        files["localities/saaba/night-patrols.md"]
    );
    insta::assert_snapshot!(
        "written_translation",
        files["localities/saaba/night-patrols.fr.md"]
    );
    let (code, _, err) = run(&["check", path(&site)]);
    assert_eq!(code, 0, "{err}");
    let (code, out, _) = import(&fixtures(), &site, &[]);
    assert_eq!(code, 0);
    assert_eq!(
        out.lines().filter(|l| l.starts_with("unchanged ")).count(),
        4,
        "{out}"
    );
    assert!(
        out.contains("0 to create, 0 to change, 4 unchanged"),
        "{out}"
    );
}

/// Writes `tables` (file name, CSV text) into a folder; their paths.
fn write_tables(dir: &Path, tables: &[(&str, &str)]) -> Vec<String> {
    tables
        .iter()
        .map(|(name, text)| {
            let p = dir.join(name);
            std::fs::write(&p, text).expect("written");
            p.display().to_string()
        })
        .collect()
}

/// The diagnostics of a failed import, the temporary folder's path taken out.
fn errors_of(err: &str, tmp: &Path) -> String {
    err.replace(&format!("{}/", tmp.display()), "")
}

#[test]
fn every_bad_cell_of_every_table_is_reported_at_once_and_nothing_is_written() {
    let site = fresh_site();
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let files = write_tables(
        tmp.path(),
        &[
            (
                "localities.csv",
                "locality,country,latitude,longitude,name\n\
                 saaba,BF,12.3,east,Saaba\n\
                 Jos North,NG,,,Jos\n",
            ),
            (
                "commitments.csv",
                "locality,id,title,pledged_by,agreed,status,progress,topics\n\
                 saaba,night-patrols,Patrols,police,2017-13-20,in-progress,150,\n\
                 nowhere,lighting,Lights,police,2017-01-01,in-progress,,\n\
                 saaba,wells,,police,2017-01-01,completed,,\n\
                 saaba,radio,Radio,polise,2017-01-01,in-progres,,\n",
            ),
            (
                "updates.csv",
                "locality,commitment,date,status,progress,assessed_by\n\
                 saaba,wells,2017-02-01,completed,100,me\n\
                 saaba,ghost,2017-01-01,in-progress,,\n",
            ),
        ],
    );
    let (code, out, err) = import(&files, &site, &["--write"]);
    assert_eq!(code, 1, "{out}");
    insta::assert_snapshot!("every_bad_cell", errors_of(&err, tmp.path()));
    assert!(content(site.path()).is_empty(), "files were written");
}

#[test]
fn an_unknown_column_and_a_missing_required_column_are_one_error_each() {
    let site = fresh_site();
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let files = write_tables(
        tmp.path(),
        &[(
            "commitments.csv",
            "locality,id,titel,pledged_by,agreed,status,title.xx\n\
             saaba,a,T,police,2017-01-01,in-progress,\n\
             saaba,b,T,police,2017-01-01,in-progress,\n",
        )],
    );
    let (code, _, err) = import(&files, &site, &[]);
    assert_eq!(code, 1);
    insta::assert_snapshot!("column_errors", errors_of(&err, tmp.path()));
}

#[test]
fn a_csv_file_of_another_name_needs_table() {
    let site = fresh_site();
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let text = std::fs::read_to_string(fixture("localities.csv")).expect("fixture");
    let files = write_tables(tmp.path(), &[("places.csv", &text)]);
    let (code, _, err) = import(&files, &site, &[]);
    assert_eq!(code, 1);
    insta::assert_snapshot!("unknown_csv_name", errors_of(&err, tmp.path()));
    let told = format!("localities={}", files[0]);
    let (code, out, err) = run(&["import", "--table", &told, "--into", path(&site)]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("create    localities/saaba/_index.md"),
        "{out}"
    );
}

#[test]
fn a_body_that_differs_is_a_conflict_and_is_kept_unless_overwrite_texts() {
    let site = fresh_site();
    assert_eq!(import(&fixtures(), &site, &["--write"]).0, 0);
    let rel = "localities/saaba/night-patrols.md";
    let file = site.path().join(rel);
    let edited = std::fs::read_to_string(&file)
        .expect("text")
        .replace("What was agreed.", "Edited on the site.");
    std::fs::write(&file, &edited).expect("edited");
    let (code, out, _) = import(&fixtures(), &site, &["--write"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("conflict  localities/saaba/night-patrols.md: its text differs from the table's (commitments.csv!R2) and is kept"),
        "{out}"
    );
    assert!(out.contains("1 conflict kept as in the files"), "{out}");
    assert_eq!(
        std::fs::read_to_string(&file).expect("text"),
        edited,
        "the body was overwritten"
    );
    let (code, out, _) = import(&fixtures(), &site, &["--write", "--overwrite-texts"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("change    localities/saaba/night-patrols.md (body)"),
        "{out}"
    );
    assert!(
        std::fs::read_to_string(&file)
            .expect("text")
            .ends_with("---\nWhat was agreed.\n")
    );
}

#[test]
fn a_change_rewrites_only_its_fields_and_keeps_the_body_and_other_lines() {
    let site = fresh_site();
    assert_eq!(import(&fixtures(), &site, &["--write"]).0, 0);
    let rel = "localities/saaba/_index.md";
    let file = site.path().join(rel);
    let before = std::fs::read_to_string(&file).expect("text");
    let edited = before
        .replace(
            "region: \"Centre\"\n",
            "region: Centre   # the administrative region\n",
        )
        .replace("country: \"BF\"\n", "# Where it is\ncountry: BF\n")
        .replace("Second paragraph.", "Second paragraph, *edited*.  \n");
    std::fs::write(&file, &edited).expect("edited");
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let text = std::fs::read_to_string(fixture("localities.csv")).expect("fixture");
    let files = write_tables(
        tmp.path(),
        &[(
            "localities.csv",
            &text
                .replace(",Centre,", ",Centre-Sud,")
                .replace("Second paragraph.", "Second paragraph, *edited*.  \r\n"),
        )],
    );
    let (code, out, err) = import(&files, &site, &["--write"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("change    localities/saaba/_index.md (region); a comment in the rewritten fields is lost"), "{out}");
    let after = std::fs::read_to_string(&file).expect("text");
    assert_eq!(
        after,
        edited.replace(
            "region: Centre   # the administrative region\n",
            "region: \"Centre-Sud\"\n"
        )
    );
}

/// The fixture's tables: per table, its name and rows of cells.
fn fixture_tables() -> Vec<(&'static str, Vec<Vec<String>>)> {
    ["localities", "commitments", "updates"]
        .into_iter()
        .map(|name| {
            let bytes = std::fs::read(fixture(&format!("{name}.csv"))).expect("fixture");
            let rows = csv::ReaderBuilder::new()
                .has_headers(false)
                .from_reader(bytes.strip_prefix(b"\xEF\xBB\xBF").expect("a BOM"))
                .records()
                .map(|r| {
                    r.expect("a row")
                        .iter()
                        .map(|c| c.replace("\r\n", "\n"))
                        .collect()
                })
                .collect();
            (name, rows)
        })
        .collect()
}

/// How a test workbook holds a cell: numbers as numbers, `agreed` as a
/// date, the rest as text, as a person typing into a spreadsheet would.
enum Typed<'a> {
    Number(f64),
    Date(&'a str),
    Text,
}

fn typed<'a>(column: &str, cell: &'a str) -> Typed<'a> {
    match (column, cell.parse::<f64>()) {
        ("progress" | "latitude" | "longitude", Ok(x)) => Typed::Number(x),
        ("agreed", _) if !cell.is_empty() => Typed::Date(cell),
        _ => Typed::Text,
    }
}

/// The fixture imported from CSV files: the files it writes.
fn imported_from_csv() -> BTreeMap<String, String> {
    let site = fresh_site();
    assert_eq!(import(&fixtures(), &site, &["--write"]).0, 0);
    content(site.path())
}

#[test]
fn an_xlsx_workbook_imports_as_the_csv_files_do_and_other_sheets_are_reported() {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let xlsx = tmp.path().join("tracker.xlsx");
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for (name, rows) in fixture_tables() {
        let sheet = book.add_worksheet().set_name(name).expect("a sheet name");
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c16) = (r as u32, c as u16);
                let written = match typed(&rows[0][c], cell) {
                    Typed::Number(x) if r > 0 => sheet.write_number(r, c16, x).map(|_| ()),
                    Typed::Date(d) if r > 0 => {
                        let d = ExcelDateTime::parse_from_str(d).expect("a date");
                        sheet
                            .write_datetime_with_format(r, c16, &d, &date)
                            .map(|_| ())
                    }
                    _ => sheet.write_string(r, c16, cell).map(|_| ()),
                };
                written.expect("a cell written");
            }
        }
    }
    book.add_worksheet()
        .set_name("Notes")
        .expect("a sheet name");
    book.save(&xlsx).expect("the workbook saved");
    let site = fresh_site();
    let (code, out, err) = import(&[xlsx.display().to_string()], &site, &["--write"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("4 created"), "{out}");
    insta::assert_snapshot!("other_sheet_warning", err);
    assert_eq!(content(site.path()), imported_from_csv());
}

/// An OpenDocument spreadsheet with the fixture's tables, written as the
/// format has it (a zip: `mimetype` first and stored, `content.xml`, the
/// manifest): the machine that runs the tests has no LibreOffice.
fn ods_bytes() -> Vec<u8> {
    use std::io::Write;
    use zip::write::SimpleFileOptions;
    let esc = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content \
         xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" \
         xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" \
         xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">\
         <office:body><office:spreadsheet>",
    );
    for (name, rows) in fixture_tables() {
        xml.push_str(&format!("<table:table table:name=\"{name}\">"));
        for (r, row) in rows.iter().enumerate() {
            xml.push_str("<table:table-row>");
            for (c, cell) in row.iter().enumerate() {
                let paras: String = cell
                    .split('\n')
                    .map(|p| format!("<text:p>{}</text:p>", esc(p)))
                    .collect();
                xml.push_str(&match typed(&rows[0][c], cell) {
                    _ if cell.is_empty() => "<table:table-cell/>".to_owned(),
                    Typed::Number(x) if r > 0 => format!("<table:table-cell office:value-type=\"float\" office:value=\"{x}\">{paras}</table:table-cell>"),
                    Typed::Date(d) if r > 0 => format!("<table:table-cell office:value-type=\"date\" office:date-value=\"{d}\">{paras}</table:table-cell>"),
                    _ => format!("<table:table-cell office:value-type=\"string\">{paras}</table:table-cell>"),
                });
            }
            xml.push_str("</table:table-row>");
        }
        xml.push_str("</table:table>");
    }
    xml.push_str("</office:spreadsheet></office:body></office:document-content>");
    let manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<manifest:manifest \
        xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">\
        <manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/>\
        <manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>\
        </manifest:manifest>";
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, text) in [
        ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
        ("content.xml", xml.as_str()),
        ("META-INF/manifest.xml", manifest),
    ] {
        zip.start_file(name, stored).expect("an entry");
        zip.write_all(text.as_bytes()).expect("written");
    }
    zip.finish().expect("a zip").into_inner()
}

#[test]
fn an_ods_spreadsheet_imports_as_the_csv_files_do() {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let ods = tmp.path().join("tracker.ods");
    std::fs::write(&ods, ods_bytes()).expect("written");
    let site = fresh_site();
    let (code, _, err) = import(&[ods.display().to_string()], &site, &["--write"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(content(site.path()), imported_from_csv());
}

#[test]
fn the_template_spreadsheet_imports_cleanly_into_a_new_site() {
    let site = init_site("en,fr");
    let xlsx = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/examples/tracker.xlsx");
    let (code, out, err) = import(&[xlsx.display().to_string()], &site, &["--write"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(err, "", "warnings for the template");
    assert!(out.contains("Wrote 4 files: 4 created"), "{out}");
    let (code, _, err) = run(&["check", path(&site)]);
    assert_eq!(code, 0, "{err}");
    let files = content(site.path());
    assert!(
        files["localities/hillside/street-lighting.fr.md"]
            .contains("note: \"Quatre des dix lampadaires sont posés.\"")
    );
    // The README's last step: the portal builds, with the imported commitment.
    let (code, _, err) = run(&["build", path(&site)]);
    assert_eq!(code, 0, "{err}");
    let page = std::fs::read_to_string(
        site.path()
            .join("public/fr/localities/hillside/street-lighting/index.html"),
    )
    .expect("the imported commitment's page");
    assert!(
        page.contains("Éclairage public sur la route du marché"),
        "{page}"
    );
}

/// Copies the folder `from` into `to`, but an output folder (`public/`).
fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("a folder");
    for entry in std::fs::read_dir(from).expect("a folder").flatten() {
        let (src, dst) = (entry.path(), to.join(entry.file_name()));
        if entry.file_name() == "public" {
        } else if src.is_dir() {
            copy_dir(&src, &dst);
        } else {
            std::fs::copy(&src, &dst).expect("copied");
        }
    }
}

/// The records of a build's `data/commitments.json` by key, without `url`.
fn records(out: &Path) -> BTreeMap<String, serde_json::Value> {
    let text =
        std::fs::read_to_string(out.join("data/commitments.json")).expect("commitments.json");
    let all: Vec<serde_json::Value> = serde_json::from_str(&text).expect("JSON");
    all.into_iter()
        .map(|mut r| {
            r.as_object_mut().expect("a record").remove("url");
            (r["key"].as_str().expect("a key").to_owned(), r)
        })
        .collect()
}

#[test]
fn the_demos_export_imported_into_a_new_site_builds_the_same_commitments_json() {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let (first, second) = (tmp.path().join("first"), tmp.path().join("second"));
    let demo = demo_dir().display().to_string();
    let (code, _, err) = run(&["build", &demo, "--output", first.to_str().expect("UTF-8")]);
    assert_eq!(code, 0, "{err}");
    let tables: Vec<String> = ["localities.csv", "commitments.csv", "updates.csv"]
        .map(|t| first.join("data").join(t).display().to_string())
        .to_vec();
    // Into the demo itself (a copy): nothing to do, every file as it is.
    let copy = tempfile::tempdir().expect("a temporary folder");
    copy_dir(&demo_dir(), copy.path());
    let (code, out, err) = import(&tables, &copy, &[]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("Dry run: 0 to create, 0 to change, 165 unchanged."),
        "{out}"
    );
    let site = fresh_site();
    let (code, out, err) = import(&tables, &site, &["--write"]);
    assert_eq!(code, 0, "{err}");
    assert!(!out.contains("conflict"), "{out}");
    let (code, _, err) = run(&[
        "build",
        path(&site),
        "--output",
        second.to_str().expect("UTF-8"),
    ]);
    assert_eq!(code, 0, "{err}");
    let (before, after) = (records(&first), records(&second));
    assert!(before.len() > 20, "the demo's records were not read");
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>()
    );
    for (key, record) in &before {
        let other = &after[key];
        for (field, value) in record.as_object().expect("a record") {
            assert_eq!(
                Some(value),
                other.get(field),
                "{key}: `{field}` differs after the round trip"
            );
        }
        assert_eq!(record, other, "{key}");
    }
}

#[test]
fn tables_named_twice_rows_and_columns_repeated_and_unreadable_files_are_errors() {
    let site = fresh_site();
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let mut files = write_tables(
        tmp.path(),
        &[
            (
                "localities.csv",
                "locality,country,name,name\n\
                 saaba,BF,Saaba,Saaba\n\
                 saaba,BF,Saaba again,\n",
            ),
            (
                "commitments.csv",
                "locality,id,title,pledged_by,agreed,status\n",
            ),
            ("notes.txt", "not a table"),
            ("tracker.xlsx", "not a workbook"),
        ],
    );
    let second = tmp.path().join("more.csv");
    std::fs::write(&second, "locality,id,title,pledged_by,agreed,status\n").expect("written");
    let told = format!("commitments={}", second.display());
    files.extend(["--table".to_owned(), told]);
    let (code, _, err) = import(&files, &site, &[]);
    assert_eq!(code, 1);
    let shown = errors_of(&err, tmp.path());
    // The workbook library's own words for a file that is no zip.
    let shown: String = shown
        .lines()
        .map(|l| match l.split_once("cannot read this workbook: ") {
            Some((start, _)) => format!("{start}cannot read this workbook: …"),
            None => l.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("\n");
    insta::assert_snapshot!("table_and_file_errors", shown);
}
