//! Property tests: arbitrary bytes and arbitrary front matter go through the
//! loading, parsing and validation stages and come back as a value or as
//! diagnostics naming the file, never as a panic.

mod common;
use common::*;
use pledgeboard::{load, parse, pipeline};
use proptest::prelude::*;

fn today() -> jiff::civil::Date {
    jiff::civil::date(2024, 6, 30)
}

/// Runs load, parse and validate (`pipeline::check`) on `site`; a panic fails
/// the property. Every error must name a file.
fn check_site(site: &TestSite) {
    if let Err(diags) = pipeline::check(site.path(), today()) {
        assert!(!diags.is_empty(), "an error without diagnostics");
        for d in diags {
            assert!(!d.file.is_empty(), "a diagnostic without a file: {d:?}");
        }
    }
}

/// A YAML value of any shape: scalars of every type, lists and mappings,
/// nested, written in flow style (text quoted as JSON, which YAML reads).
fn yaml_value() -> impl Strategy<Value = String> {
    let key = prop_oneof![
        Just("title".to_owned()),
        Just("status".to_owned()),
        Just("date".to_owned()),
        Just("note".to_owned()),
        Just("en".to_owned()),
        "[a-z_]{1,8}",
    ];
    let leaf = prop_oneof![
        Just("null".to_owned()),
        Just("~".to_owned()),
        any::<bool>().prop_map(|b| b.to_string()),
        any::<i64>().prop_map(|i| i.to_string()),
        (-1e9f64..1e9).prop_map(|x| x.to_string()),
        Just(".nan".to_owned()),
        Just("2017-05-20".to_owned()),
        Just("2017-02-30".to_owned()),
        Just("in-progress".to_owned()),
        Just("police".to_owned()),
        any::<String>().prop_map(|s| serde_json::to_string(&s).unwrap()),
    ];
    leaf.prop_recursive(4, 32, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(|v| format!("[{}]", v.join(", "))),
            prop::collection::vec((key.clone(), inner), 0..6).prop_map(|v| {
                let pairs: Vec<String> = v.iter().map(|(k, v)| format!("{k}: {v}")).collect();
                format!("{{{}}}", pairs.join(", "))
            }),
        ]
    })
}

/// Front matter: known fields of commitments, localities and updates, and
/// made-up ones, each with a value of any type.
fn front_matter() -> impl Strategy<Value = String> {
    let field = prop_oneof![
        Just("title"),
        Just("summary"),
        Just("pledged_by"),
        Just("agreed"),
        Just("due"),
        Just("status"),
        Just("progress"),
        Just("topics"),
        Just("responsible"),
        Just("updates"),
        Just("name"),
        Just("country"),
        Just("coordinates"),
        Just("dialogue_since"),
        Just("partners"),
        Just("colour"),
    ];
    prop::collection::vec((field, yaml_value()), 0..10).prop_map(|fields| {
        fields
            .iter()
            .map(|(k, v)| format!("{k}: {v}\n"))
            .collect::<String>()
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_as_content_files(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        for rel in [
            "localities/saaba/joint-patrols.md",
            "localities/saaba/_index.fr.md",
            "pages/about.md",
        ] {
            if let Ok(file) = load::decode(rel, bytes.clone()) {
                let _ = parse::parse_doc(&file);
            }
        }
        let _ = parse::parse_config(&load::decode("site.yaml", bytes.clone()).unwrap_or_else(|d| {
            panic_free(d)
        }), today());
    }

    #[test]
    fn arbitrary_text_after_front_matter_markers(body in "(---\n)?[ -~\n\u{feff}\r]{0,400}(\n---\n)?.{0,50}") {
        let file = load::decode("localities/saaba/joint-patrols.md", body.into_bytes()).unwrap();
        let _ = parse::parse_doc(&file);
    }

    #[test]
    fn arbitrary_front_matter_through_check(fm in front_matter(), which in 0..4usize) {
        let site = TestSite::minimal();
        let rel = [
            "localities/saaba/joint-patrols.md",
            "localities/saaba/_index.md",
            "localities/saaba/joint-patrols.fr.md",
            "pages/about.md",
        ][which];
        site.file(rel, &format!("---\n{fm}---\nBody <b>text</b>.\n"));
        check_site(&site);
    }

    #[test]
    fn arbitrary_site_yaml_through_check(extra in front_matter(), replace in any::<bool>()) {
        let site = TestSite::minimal();
        let yaml = if replace { extra } else { format!("{SITE_YAML}{extra}") };
        site.file("site.yaml", &yaml);
        check_site(&site);
    }
}

/// Bytes that are not UTF-8 cannot reach `parse_config`; an empty file stands in.
fn panic_free(d: pledgeboard::diag::Diagnostic) -> load::SourceFile {
    assert_eq!(d.file, "site.yaml");
    load::SourceFile {
        rel: "site.yaml".into(),
        text: String::new(),
        warnings: Vec::new(),
    }
}
