//! `pledgeboard schema`: JSON Schemas (draft 2020-12) of site.yaml, of a
//! locality's and a commitment's front matter and of their translations,
//! for editors (yaml-language-server completes and checks with them).
//!
//! Guarantee: the schemas follow the parser. Their fields are the parser's
//! own lists (`parse::field_lists`), each given a shape here (a unit test
//! fails when the parser gains a field the schemas do not describe), and
//! the status, party and topic ids are the site's own, from its `Config`.
//! They are a help while typing, not the judge: `pledgeboard check` is.

use crate::diag::Diagnostic;
use crate::model::{Assessor, Config, ShareImages};
use crate::parse::field_lists as f;
use serde_json::{Map, Value, json};
use std::path::{Path, PathBuf};

/// The folder of a site the schemas go into by default: hidden, so the
/// build neither reads nor publishes it.
pub const FOLDER: &str = ".schemas";

/// The dialect the schemas are written in.
const DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";

/// The schemas of the site, as (file name, JSON text), in a fixed order.
pub fn files(config: &Config) -> Vec<(&'static str, String)> {
    let ctx = Ctx::new(config);
    [
        ("site.schema.json", site(&ctx)),
        ("locality.schema.json", locality(&ctx, false)),
        ("locality-translation.schema.json", locality(&ctx, true)),
        ("commitment.schema.json", commitment(&ctx, false)),
        ("commitment-translation.schema.json", commitment(&ctx, true)),
    ]
    .into_iter()
    .map(|(name, schema)| {
        let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
        text.push('\n');
        (name, text)
    })
    .collect()
}

/// Writes the schemas of the site in `site_dir` into `output` (default:
/// `site_dir/.schemas/`); returns the folder and the files' names.
pub fn write(
    site_dir: &Path,
    output: Option<&Path>,
    today: jiff::civil::Date,
) -> Result<(PathBuf, Vec<&'static str>), Vec<Diagnostic>> {
    let config = crate::scaffold::read_config(site_dir, today)?;
    let dir = output.map_or_else(|| site_dir.join(FOLDER), Path::to_path_buf);
    let cannot = |what: &Path, e: std::io::Error| {
        vec![Diagnostic::error(
            what.display().to_string(),
            format!("cannot write the schemas here: {e}"),
        )]
    };
    std::fs::create_dir_all(&dir).map_err(|e| cannot(&dir, e))?;
    let mut names = Vec::new();
    for (name, text) in files(&config) {
        let path = dir.join(name);
        std::fs::write(&path, text).map_err(|e| cannot(&path, e))?;
        names.push(name);
    }
    Ok((dir, names))
}

/// What the schemas are made from: the site's ids and languages.
struct Ctx {
    languages: Vec<String>,
    statuses: Vec<String>,
    parties: Vec<String>,
    /// The declared topics; empty when site.yaml declares none (any id).
    topics: Vec<String>,
}

impl Ctx {
    fn new(config: &Config) -> Self {
        Ctx {
            languages: config.languages.iter().map(|l| l.code.clone()).collect(),
            statuses: config.statuses.iter().map(|s| s.id.clone()).collect(),
            parties: config.parties.iter().map(|p| p.id.clone()).collect(),
            topics: config.topics.keys().cloned().collect(),
        }
    }

    /// A text: one string, or one string per language of the site.
    fn text(&self, what: &str) -> Value {
        json!({
            "description": what,
            "anyOf": [
                { "type": "string" },
                {
                    "type": "object",
                    "propertyNames": { "enum": self.languages },
                    "additionalProperties": { "type": "string" }
                }
            ]
        })
    }

    fn topic(&self) -> Value {
        if self.topics.is_empty() {
            id("a topic id")
        } else {
            json!({ "description": "a topic declared in site.yaml's `topics`", "enum": self.topics })
        }
    }
}

const ID_PATTERN: &str = "^[a-z0-9]+(-[a-z0-9]+)*$";
const DATE_PATTERN: &str = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
const LANG_PATTERN: &str = "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$";

fn id(what: &str) -> Value {
    json!({ "description": format!("{what}: lowercase letters, digits and single hyphens"), "type": "string", "pattern": ID_PATTERN })
}

fn date(what: &str) -> Value {
    json!({ "description": format!("{what} (YYYY-MM-DD)"), "type": "string", "pattern": DATE_PATTERN })
}

fn web_address(what: &str) -> Value {
    json!({ "description": what, "type": "string", "pattern": "^https?://" })
}

/// An object of exactly `fields`, each given its shape by `shape`.
fn object(
    title: &str,
    fields: &[&str],
    required: &[&str],
    shape: impl Fn(&str) -> Option<Value>,
) -> Value {
    let mut properties = Map::new();
    for field in fields {
        properties.insert((*field).to_owned(), shape(field).unwrap_or(json!({})));
    }
    json!({
        "title": title,
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": false
    })
}

fn with_dialect(mut schema: Value) -> Value {
    if let Value::Object(m) = &mut schema {
        m.insert("$schema".into(), DIALECT.into());
    }
    schema
}

fn site(ctx: &Ctx) -> Value {
    let schema = object(
        "pledgeboard site.yaml",
        f::SITE_FIELDS,
        &["title", "default_language", "base_url"],
        |field| site_field(ctx, field),
    );
    with_dialect(schema)
}

fn site_field(ctx: &Ctx, field: &str) -> Option<Value> {
    let labels = json!({ "type": "object", "additionalProperties": { "type": "string" } });
    let label = json!({ "anyOf": [{ "type": "string" }, labels] });
    Some(match field {
        "title" => ctx.text("the portal's title"),
        "description" => ctx.text("one or two sentences about the portal"),
        "base_url" => {
            json!({ "description": "the address the portal is published at", "type": "string", "pattern": "^(https?://|/)" })
        }
        "default_language" => {
            json!({ "description": "the language of the files without a language in their name", "type": "string", "pattern": LANG_PATTERN })
        }
        "languages" => json!({
            "description": "the portal's languages, in the order of the language menu",
            "type": "array",
            "items": object("a language", f::LANGUAGE_FIELDS, &["code"], |k| Some(match k {
                "code" => json!({ "type": "string", "pattern": LANG_PATTERN }),
                "name" => json!({ "type": "string" }),
                "dir" => json!({ "enum": ["ltr", "rtl"] }),
                "locale" => json!({ "type": "string" }),
                _ => return None,
            }))
        }),
        "as_of" => date("the date overdue is judged against"),
        "statuses" => {
            json!({ "type": "array", "items": object("a status", f::STATUS_FIELDS, &["id"], |k| Some(match k {
            "id" => id("the status id"),
            "label" => label.clone(),
            "done" | "closed" => json!({ "type": "boolean" }),
            _ => return None,
        })) })
        }
        "parties" => {
            json!({ "type": "array", "items": object("a party", f::PARTY_FIELDS, &["id"], |k| Some(match k {
            "id" => id("the party id"),
            "label" => label.clone(),
            _ => return None,
        })) })
        }
        "theme" => id("a theme in themes/<name>/, or `default`"),
        "countries" => {
            json!({ "type": "object", "propertyNames": { "pattern": "^[A-Z]{2}$" }, "additionalProperties": label })
        }
        "topics" => {
            json!({ "type": "object", "propertyNames": { "pattern": ID_PATTERN }, "additionalProperties": label })
        }
        "unsafe_trusted_raw_html" => json!({ "type": "boolean" }),
        "offline_bundle" => object(
            "a zip of the portal",
            f::OFFLINE_BUNDLE_FIELDS,
            &["url", "size"],
            |k| {
                Some(match k {
                    "url" => web_address("the zip's address"),
                    "size" => {
                        json!({ "type": "string", "pattern": "^[0-9]+([.,][0-9]{1,2})? *([KMG]B|[KMG]o)$" })
                    }
                    _ => return None,
                })
            },
        ),
        "share_images" => json!({ "enum": ShareImages::ALL.map(|(n, _)| n) }),
        "license" => object(
            "the licence of the data and texts",
            f::LICENSE_FIELDS,
            &["name", "url"],
            |k| {
                Some(match k {
                    "name" => json!({ "description": "such as CC BY 4.0", "type": "string" }),
                    "url" => web_address("the address of the licence's text"),
                    _ => return None,
                })
            },
        ),
        "publisher" => object(
            "who publishes the portal",
            f::PUBLISHER_FIELDS,
            &["name"],
            |k| {
                Some(match k {
                    "name" => ctx.text("the publisher's name"),
                    "url" => web_address("the publisher's website"),
                    "logo" => {
                        json!({ "description": "a file in static/, such as logo.svg", "type": "string" })
                    }
                    _ => return None,
                })
            },
        ),
        "contact" => {
            let mut contact = object("how to reach the publisher", f::CONTACT_FIELDS, &[], |k| {
                Some(match k {
                    "email" => {
                        json!({ "type": "string", "pattern": "^[^@\\s]+@[^@\\s]*\\.[^@\\s]*$" })
                    }
                    "phone" | "messaging" => json!({ "type": "string" }),
                    _ => return None,
                })
            });
            contact["minProperties"] = 1.into();
            contact
        }
        "corrections" => ctx.text("how to report an error in the data or send evidence"),
        _ => return None,
    })
}

fn locality(ctx: &Ctx, translation: bool) -> Value {
    let (fields, required) = if translation {
        (f::LOCALITY_TEXT_FIELDS, &[][..])
    } else {
        (f::LOCALITY_FIELDS, &["name", "country"][..])
    };
    let schema = object("a locality's front matter", fields, required, |field| {
        locality_field(ctx, field)
    });
    with_dialect(schema)
}

fn locality_field(ctx: &Ctx, field: &str) -> Option<Value> {
    Some(match field {
        "name" => ctx.text("the locality's name"),
        "region" => ctx.text("the region or province"),
        "country" => {
            json!({ "description": "the ISO 3166-1 alpha-2 code, such as BF", "type": "string", "pattern": "^[A-Za-z]{2}$" })
        }
        "coordinates" => json!({
            "description": "[latitude, longitude] in decimal degrees",
            "type": "array",
            "prefixItems": [
                { "type": "number", "minimum": -90, "maximum": 90 },
                { "type": "number", "minimum": -180, "maximum": 180 }
            ],
            "minItems": 2, "maxItems": 2
        }),
        "dialogue_since" => json!({
            "description": "when the dialogue started: YYYY, YYYY-MM or YYYY-MM-DD",
            "anyOf": [
                { "type": "integer", "minimum": 1000, "maximum": 9999 },
                { "type": "string", "pattern": "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$" }
            ]
        }),
        "partners" => json!({ "type": "array", "items": { "type": "string" } }),
        "next_review" => date("the next dialogue session"),
        _ => return None,
    })
}

fn commitment(ctx: &Ctx, translation: bool) -> Value {
    let (fields, required) = if translation {
        (f::COMMITMENT_TEXT_FIELDS, &[][..])
    } else {
        (f::COMMITMENT_FIELDS, &["title", "pledged_by", "agreed"][..])
    };
    let mut schema = object("a commitment's front matter", fields, required, |field| {
        commitment_field(ctx, field, translation)
    });
    if !translation && let Value::Object(m) = &mut schema {
        // A status, or updates whose last review gives it.
        let either = json!([{ "required": ["status"] }, { "required": ["updates"] }]);
        m.insert("anyOf".into(), either);
    }
    with_dialect(schema)
}

fn commitment_field(ctx: &Ctx, field: &str, translation: bool) -> Option<Value> {
    Some(match field {
        "title" => ctx.text("what was promised, in one line"),
        "summary" => ctx.text("one sentence for lists and feeds"),
        "responsible" => ctx.text("who carries it out"),
        "pledged_by" => {
            json!({ "description": "who made the promise", "type": "array", "minItems": 1, "items": { "enum": ctx.parties } })
        }
        "agreed" => date("the session where it was agreed"),
        "due" => date("when it should be done"),
        "status" => json!({ "description": "the current status", "enum": ctx.statuses }),
        "progress" => progress(),
        "topics" => json!({ "type": "array", "items": ctx.topic() }),
        "short_key" => {
            json!({ "description": "1 to 8 letters or digits", "type": "string", "pattern": "^[A-Za-z0-9]{1,8}$" })
        }
        "updates" => json!({ "type": "array", "items": update(ctx, translation) }),
        _ => return None,
    })
}

fn progress() -> Value {
    json!({ "description": "a percentage, 0 to 100", "type": "integer", "minimum": 0, "maximum": 100 })
}

fn update(ctx: &Ctx, translation: bool) -> Value {
    let (fields, required) = if translation {
        (f::UPDATE_TEXT_FIELDS, &["date"][..])
    } else {
        (f::UPDATE_FIELDS, &["date"][..])
    };
    object("an update", fields, required, |field| {
        update_field(ctx, field)
    })
}

fn update_field(ctx: &Ctx, field: &str) -> Option<Value> {
    Some(match field {
        "date" => date("the update's date"),
        "review" => date("the date of the review it assesses"),
        "status" => json!({ "enum": ctx.statuses }),
        "progress" => progress(),
        "note" => ctx.text("what happened"),
        "assessed_by" => {
            json!({ "description": "who judged this status", "enum": Assessor::ALL.map(|(n, _)| n) })
        }
        "sources" => json!({ "type": "array", "items": { "anyOf": [
            { "type": "string" },
            object("a source", f::SOURCE_FIELDS, &["url"], |k| Some(match k {
                "url" => json!({ "type": "string" }),
                "title" => json!({ "type": "string" }),
                _ => return None,
            }))
        ] } }),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::testing::{SITE_YAML, config_ok};

    /// Every field the parser reads has a shape of its own in the schemas.
    #[test]
    fn every_parser_field_is_described() {
        let ctx = Ctx::new(&config_ok(SITE_YAML));
        type Shape<'a> = &'a dyn Fn(&str) -> Option<Value>;
        let lists: [(&[&str], Shape); 4] = [
            (f::SITE_FIELDS, &|k| site_field(&ctx, k)),
            (f::LOCALITY_FIELDS, &|k| locality_field(&ctx, k)),
            (f::COMMITMENT_FIELDS, &|k| commitment_field(&ctx, k, false)),
            (f::UPDATE_FIELDS, &|k| update_field(&ctx, k)),
        ];
        for (fields, shape) in lists {
            for field in fields {
                assert!(shape(field).is_some(), "`{field}` has no schema");
            }
        }
    }
}
