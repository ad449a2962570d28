//! `pledgeboard schema`: the demo's site.yaml and the front matter of every
//! locality and commitment (and their translations) validate against the
//! schemas made from the demo's own site.yaml, checked by a JSON Schema
//! validator (the `jsonschema` crate, draft 2020-12); a bad status fails.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Runs `pledgeboard schema SITE --output OUT` and reads the schemas.
fn schemas(site: &Path, out: &Path) -> (String, Schemas) {
    let run = Command::new(env!("CARGO_BIN_EXE_pledgeboard"))
        .arg("schema")
        .arg(site)
        .arg("--output")
        .arg(out)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let stdout = String::from_utf8_lossy(&run.stdout).replace(&out.display().to_string(), "OUT");
    let load = |name: &str| {
        let text = std::fs::read_to_string(out.join(name)).unwrap();
        let schema: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(
            schema["$schema"],
            "https://json-schema.org/draft/2020-12/schema"
        );
        jsonschema::draft202012::new(&schema).unwrap_or_else(|e| panic!("{name}: {e}"))
    };
    let schemas = Schemas {
        site: load("site.schema.json"),
        locality: load("locality.schema.json"),
        locality_translation: load("locality-translation.schema.json"),
        commitment: load("commitment.schema.json"),
        commitment_translation: load("commitment-translation.schema.json"),
    };
    (stdout, schemas)
}

struct Schemas {
    site: jsonschema::Validator,
    locality: jsonschema::Validator,
    locality_translation: jsonschema::Validator,
    commitment: jsonschema::Validator,
    commitment_translation: jsonschema::Validator,
}

/// YAML as the JSON value an editor's YAML server validates.
fn yaml(text: &str) -> Value {
    serde_yaml::from_str(text).unwrap()
}

/// The front matter of a Markdown file, as JSON.
fn front_matter(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap();
    let rest = text.strip_prefix("---\n").unwrap();
    yaml(rest.split_once("\n---").unwrap().0)
}

fn errors(v: &jsonschema::Validator, value: &Value) -> Vec<String> {
    v.iter_errors(value)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

fn markdown_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(markdown_files(&path));
        } else if path.extension().is_some_and(|e| e == "md") {
            out.push(path);
        }
    }
    out.sort();
    out
}

#[test]
fn the_demo_validates_against_its_schemas_and_a_bad_status_does_not() {
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let out = tempfile::tempdir().unwrap();
    let (stdout, s) = schemas(&demo, out.path());
    insta::assert_snapshot!("schema_written", stdout);

    let site = yaml(&std::fs::read_to_string(demo.join("site.yaml")).unwrap());
    assert_eq!(errors(&s.site, &site), Vec::<String>::new(), "site.yaml");

    let (mut localities, mut commitments) = (0, 0);
    for path in markdown_files(&demo.join("localities")) {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let translation = name.matches('.').count() == 2;
        let schema = match (name.starts_with("_index."), translation) {
            (true, false) => &s.locality,
            (true, true) => &s.locality_translation,
            (false, false) => &s.commitment,
            (false, true) => &s.commitment_translation,
        };
        let fm = front_matter(&path);
        assert_eq!(
            errors(schema, &fm),
            Vec::<String>::new(),
            "{}",
            path.display()
        );
        match (name.starts_with("_index."), translation) {
            (true, false) => localities += 1,
            (false, false) => commitments += 1,
            _ => {}
        }
    }
    assert_eq!(
        (localities, commitments),
        (7, 36),
        "every file was validated"
    );

    let file = demo.join("localities/saaba/joint-night-patrols.md");
    let mut bad = front_matter(&file);
    bad["status"] = "finished".into();
    let found = errors(&s.commitment, &bad);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("\"finished\" is not one of") && found[0].ends_with("at /status"),
        "{found:?}"
    );
    bad["updates"][0]["assessed_by"] = "mayor".into();
    assert_eq!(errors(&s.commitment, &bad).len(), 2);
}

#[test]
fn enums_are_the_sites_own_and_topics_are_free_when_undeclared() {
    let site = tempfile::tempdir().unwrap();
    std::fs::write(
        site.path().join("site.yaml"),
        "title: T\nbase_url: https://t.example.org/\ndefault_language: en\n\
         statuses:\n  - { id: open }\n  - { id: kept, done: true }\n\
         parties:\n  - { id: council }\n",
    )
    .unwrap();
    let out = site.path().join(".schemas");
    let (_, s) = schemas(site.path(), &out);
    let ok = yaml(
        "title: Wells\npledged_by: [council]\nagreed: 2024-01-02\nstatus: kept\ntopics: [water-points]\n",
    );
    assert_eq!(errors(&s.commitment, &ok), Vec::<String>::new());
    let bad = yaml("title: Wells\npledged_by: [police]\nagreed: 2024-01-02\nstatus: in-progress\n");
    assert_eq!(
        errors(&s.commitment, &bad).len(),
        2,
        "{:?}",
        errors(&s.commitment, &bad)
    );
    let text = std::fs::read_to_string(out.join("commitment.schema.json")).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        schema["properties"]["status"]["enum"],
        serde_json::json!(["open", "kept"])
    );
    assert_eq!(
        schema["properties"]["topics"]["items"]["pattern"],
        "^[a-z0-9]+(-[a-z0-9]+)*$"
    );
}

#[test]
fn an_initialised_site_validates_against_the_schemas_it_was_given() {
    let tmp = tempfile::tempdir().unwrap();
    let run = Command::new(env!("CARGO_BIN_EXE_pledgeboard"))
        .args(["init", "site", "--languages", "en,fr,ar,ne,ha"])
        .current_dir(tmp.path())
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let site = tmp.path().join("site");
    let load = |name: &str| {
        let text = std::fs::read_to_string(site.join(".schemas").join(name)).unwrap();
        jsonschema::draft202012::new(&serde_json::from_str::<Value>(&text).unwrap()).unwrap()
    };
    let site_yaml = yaml(&std::fs::read_to_string(site.join("site.yaml")).unwrap());
    assert_eq!(
        errors(&load("site.schema.json"), &site_yaml),
        Vec::<String>::new()
    );
    let c = front_matter(&site.join("localities/riverside/market-street-lighting.md"));
    let commitment = load("commitment.schema.json");
    assert_eq!(errors(&commitment, &c), Vec::<String>::new());
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(site.join(".schemas/commitment.schema.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(
        schema["properties"]["topics"]["items"]["enum"],
        serde_json::json!(["lighting", "patrols"])
    );
}
