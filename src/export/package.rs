//! `data/datapackage.json`: a Frictionless Data Package (v1,
//! <https://specs.frictionlessdata.io/data-package/>) that describes every
//! open-data file: the three tables as tabular resources with their Table
//! Schema (every column, in order, with its type and what it holds; the
//! site's status and party ids; keys) and CSV dialect, and the JSON file.
//!
//! **Guarantee.** The fields are made from the same column list as the
//! tables' header rows ([`Table::columns`]), so they describe every column
//! in order; the same site gives the same bytes (keys sorted, no build time:
//! `created` is the data's date, site.yaml's `as_of`).

use super::tables::{Column, Kind, Languages, Per, Table};
use crate::model::{Assessor, Site};
use crate::urls;
use serde_json::{Map, Value, json};

/// The data package of a site, pretty-printed, ending with a line end.
pub(crate) fn datapackage(site: &Site) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(&package(site)).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}

/// The package's descriptor.
fn package(site: &Site) -> Value {
    let config = &site.config;
    let mut resources: Vec<Value> = Table::ALL.iter().map(|&t| table(site, t)).collect();
    resources.push(json_resource());
    json!({
        "profile": "data-package",
        "name": package_name(&config.base_url),
        "title": config.title.default,
        "description": config.description.as_ref().map_or(
            "Commitments made in dialogues between police, officials and communities, and how far each has come.",
            |d| d.default.as_str(),
        ),
        "homepage": config.base_url,
        "created": format!("{}T00:00:00Z", config.as_of),
        "as_of": config.as_of.to_string(),
        "languages": config.languages.iter().map(|l| l.code.as_str()).collect::<Vec<_>>(),
        "resources": resources,
    })
}

/// The package's name: `base_url`'s host and path as lower-case letters,
/// digits, `-`, `.` and `_` (the characters a name may hold).
fn package_name(base_url: &str) -> String {
    let rest = base_url.split_once("://").map_or(base_url, |(_, r)| r);
    let name: String = rest
        .trim_end_matches('/')
        .chars()
        .map(|c| match c.to_ascii_lowercase() {
            c @ ('a'..='z' | '0'..='9' | '-' | '.' | '_') => c,
            _ => '-',
        })
        .collect();
    if name.is_empty() {
        "pledgeboard".to_owned()
    } else {
        name
    }
}

/// The path of an open-data file relative to the package (both in `data/`).
fn relative(path: &str) -> &str {
    path.strip_prefix("data/").unwrap_or(path)
}

/// `data/commitments.json` as a (non-tabular) data resource.
fn json_resource() -> Value {
    json!({
        "profile": "data-resource",
        "name": "commitments-json",
        "path": relative(urls::DATA_JSON),
        "format": "json",
        "mediatype": "application/json",
        "encoding": "utf-8",
        "title": "Commitments, with their updates (JSON)",
        "description": "An array of one object per commitment, in the order of commitments.csv: the same values, with texts as objects from language code to text, `pledged_by` and `topics` as arrays, `coordinates` as [latitude, longitude], and `updates` as an array of the commitment's updates (`sources` each an address, or an object with `url` and `title`).",
    })
}

/// One table as a tabular data resource.
fn table(site: &Site, t: Table) -> Value {
    let path = super::Format::Csv(t).path();
    json!({
        "profile": "tabular-data-resource",
        "name": t.name(),
        "path": relative(path),
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "title": t.name(),
        "description": format!("{} UTF-8 with a byte-order mark, CRLF line ends. A cell that would start with =, +, -, @, a tab or a carriage return is written with a ' before it, so that spreadsheets show it as text.", t.about()),
        "dialect": {
            "delimiter": ",",
            "lineTerminator": "\r\n",
            "quoteChar": "\"",
            "doubleQuote": true,
            "header": true,
        },
        "schema": schema(site, t),
    })
}

/// A table's Table Schema.
fn schema(site: &Site, t: Table) -> Value {
    let langs = Languages::of(site);
    let fields: Vec<Value> = t
        .columns()
        .iter()
        .flat_map(|c| fields(site, &langs, c))
        .collect();
    let mut schema = Map::new();
    schema.insert("fields".into(), fields.into());
    schema.insert("missingValues".into(), json!([""]));
    match t {
        Table::Localities => {
            schema.insert("primaryKey".into(), json!(["locality"]));
        }
        Table::Commitments => {
            schema.insert("primaryKey".into(), json!(["key"]));
            schema.insert(
                "foreignKeys".into(),
                json!([{ "fields": ["locality"], "reference": { "resource": "localities", "fields": ["locality"] } }]),
            );
        }
        Table::Updates => {
            schema.insert(
                "foreignKeys".into(),
                json!([{ "fields": ["key"], "reference": { "resource": "commitments", "fields": ["key"] } }]),
            );
        }
    }
    schema.into()
}

/// The fields of one column: one, or one per language.
fn fields(site: &Site, langs: &Languages, c: &Column) -> Vec<Value> {
    let names = langs.cells(c);
    let in_language: Vec<Option<&str>> = match c.per {
        Per::One => vec![None],
        Per::Text => std::iter::once(langs.default)
            .chain(langs.others.iter().copied())
            .map(Some)
            .collect(),
        Per::Language => langs.all.iter().copied().map(Some).collect(),
    };
    names
        .into_iter()
        .zip(in_language)
        .map(|(name, lang)| field(site, langs, c, name, lang))
        .collect()
}

/// One field: its name, type, description and constraints.
fn field(site: &Site, langs: &Languages, c: &Column, name: String, lang: Option<&str>) -> Value {
    let mut description = c.about.to_owned();
    if let Some(lang) = lang {
        let language = site.config.language(lang).map_or(lang, |l| l.name.as_str());
        description.push_str(&format!(" In {language} ({lang})."));
        if c.per == Per::Text && lang != langs.default {
            description.push_str(" Empty when not translated.");
        }
    }
    let mut field = Map::new();
    field.insert("name".into(), name.into());
    field.insert("type".into(), type_of(c.kind).into());
    if c.kind == Kind::Address {
        field.insert("format".into(), "uri".into());
    }
    let (constraints, more) = constraints(site, c);
    if !more.is_empty() {
        description.push(' ');
        description.push_str(&more);
    }
    field.insert("description".into(), description.into());
    if !constraints.is_empty() {
        field.insert("constraints".into(), constraints.into());
    }
    field.into()
}

/// A column kind's Table Schema type.
fn type_of(kind: Kind) -> &'static str {
    match kind {
        Kind::Date => "date",
        Kind::Latitude | Kind::Longitude => "number",
        Kind::Count | Kind::Percent => "integer",
        Kind::Boolean => "boolean",
        Kind::String
        | Kind::Id
        | Kind::PartialDate
        | Kind::Status
        | Kind::Parties
        | Kind::Assessor
        | Kind::Topics
        | Kind::Names
        | Kind::Address
        | Kind::Sources => "string",
    }
}

/// A column's constraints, and what the description adds about its values.
fn constraints(site: &Site, c: &Column) -> (Map<String, Value>, String) {
    let mut m = Map::new();
    let mut more = String::new();
    if c.required {
        m.insert("required".into(), true.into());
    }
    let range = |m: &mut Map<String, Value>, min: f64, max: f64| {
        m.insert("minimum".into(), json!(min));
        m.insert("maximum".into(), json!(max));
    };
    match c.kind {
        Kind::Latitude => range(&mut m, -90.0, 90.0),
        Kind::Longitude => range(&mut m, -180.0, 180.0),
        Kind::Percent => {
            m.insert("minimum".into(), 0.into());
            m.insert("maximum".into(), 100.into());
        }
        Kind::Count => {
            m.insert("minimum".into(), 0.into());
        }
        Kind::PartialDate => {
            m.insert("pattern".into(), r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?".into());
        }
        Kind::Status => {
            let ids: Vec<&str> = site.config.statuses.iter().map(|s| s.id.as_str()).collect();
            more = format!("One of: {}.", ids.join(", "));
            m.insert("enum".into(), ids.into());
        }
        Kind::Assessor => {
            let ids: Vec<&str> = Assessor::ALL.iter().map(|(id, _)| *id).collect();
            m.insert("enum".into(), ids.into());
        }
        Kind::Parties => {
            let ids: Vec<&str> = site.config.parties.iter().map(|p| p.id.as_str()).collect();
            more = format!("The parties: {}.", ids.join(", "));
            let one = format!("({})", ids.join("|"));
            m.insert("pattern".into(), format!("{one}(;{one})*").into());
        }
        _ => {}
    }
    (m, more)
}
