//! From records to the content files the sheets describe: for each file,
//! the front-matter fields to set or remove, each with the cell it comes
//! from, and the Markdown body.
//!
//! Guarantee: a path is only made from ids that pass the content model's id
//! rule (`parse::is_id`), so no cell can name a file outside the site's
//! `localities/` folder; a row whose ids are wrong is an error at that
//! cell and makes no file. A locality is named once, a commitment once
//! (the second row is an error naming the first); a commitment whose
//! locality, or an update whose commitment, is neither in the tables nor
//! in the site is an error at its cell.

use super::read::{CellRef, TableKind};
use super::tables::{Cell, Languages, Record};
use crate::diag::Diagnostic;
use crate::parse::{is_id, suggest_id};
use crate::yaml::emit::Value;
use std::collections::{BTreeMap, BTreeSet};

/// Which cell a field's value comes from.
#[derive(Clone, Debug)]
pub(crate) enum Origin {
    Cell(CellRef),
    /// A list of mappings (`updates:`): per item, per key, its cell.
    Items(Vec<Vec<(String, CellRef)>>),
}

/// One front-matter field as the tables want it: a value, or `None` to
/// remove it (its cell is empty).
#[derive(Clone, Debug)]
pub(crate) struct Field {
    pub key: String,
    pub value: Option<Value>,
    pub origin: Origin,
}

/// One content file as the tables describe it.
#[derive(Clone, Debug)]
pub(crate) struct Wanted {
    pub rel: String,
    /// A translation (`<file>.<lang>.md`): its texts are never silently replaced.
    pub translation: bool,
    pub fields: Vec<Field>,
    /// The Markdown body, when its cell is not empty.
    pub body: Option<Cell>,
    /// The row the file comes from (for problems of the whole file).
    pub row: CellRef,
}

/// What the site holds already: its localities and commitment keys.
#[derive(Debug, Default)]
pub(crate) struct Existing {
    pub localities: BTreeSet<String>,
    pub commitments: BTreeSet<String>,
}

impl Existing {
    /// From the site's Markdown paths (`localities/<l>/<c>.md`).
    pub(crate) fn from_paths(paths: &[String]) -> Existing {
        let mut e = Existing::default();
        for p in paths {
            let Some(rest) = p.strip_prefix("localities/") else {
                continue;
            };
            let Some((loc, name)) = rest.split_once('/') else {
                continue;
            };
            match name.strip_suffix(".md") {
                Some("_index") => {
                    e.localities.insert(loc.to_owned());
                }
                Some(c) if !c.contains('.') && !c.starts_with('_') => {
                    e.commitments.insert(format!("{loc}/{c}"));
                }
                _ => {}
            }
        }
        e
    }
}

/// The tables' rows, by table (a table not given is `None`).
pub(crate) struct Rows<'a> {
    pub localities: Option<&'a [Record]>,
    pub commitments: Option<&'a [Record]>,
    pub updates: Option<&'a [Record]>,
    /// The tables that lack a required column: their rows name localities
    /// and commitments, but make no files.
    pub incomplete: BTreeSet<TableKind>,
}

/// Every file the tables describe, and the problems of their rows.
pub(crate) fn wanted(
    rows: &Rows,
    existing: &Existing,
    langs: &Languages,
) -> (Vec<Wanted>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut files = Vec::new();
    let mut localities = existing.localities.clone();
    let mut first_seen: BTreeMap<String, CellRef> = BTreeMap::new();
    for r in rows.localities.unwrap_or_default() {
        let Some(id) = id_of(r, "locality", &mut diags) else {
            continue;
        };
        if once(&mut first_seen, &id, r, "locality", "locality", &mut diags) {
            localities.insert(id.clone());
            if !rows.incomplete.contains(&TableKind::Localities) {
                files.extend(locality_files(r, &id, langs));
            }
        }
    }
    let updates = group_updates(rows.updates, existing, rows.commitments, &mut diags);
    let mut done = BTreeSet::new();
    for r in rows.commitments.unwrap_or_default() {
        let (Some(loc), Some(id)) = (id_of(r, "locality", &mut diags), id_of(r, "id", &mut diags))
        else {
            continue;
        };
        let key = format!("{loc}/{id}");
        if !once(&mut first_seen, &key, r, "id", "commitment", &mut diags) {
            continue;
        }
        if !localities.contains(&loc) {
            diags.push(unknown_locality(r, &loc));
            continue;
        }
        let ups = rows
            .updates
            .filter(|_| !rows.incomplete.contains(&TableKind::Updates))
            .map(|_| updates.get(&key).map_or(&[][..], Vec::as_slice));
        if !rows.incomplete.contains(&TableKind::Commitments) {
            files.extend(commitment_files(r, &loc, &id, ups, langs));
        }
        done.insert(key);
    }
    for (key, ups) in &updates {
        if !done.contains(key) && !rows.incomplete.contains(&TableKind::Updates) {
            files.extend(update_only_files(key, ups, langs));
        }
    }
    (files, diags)
}

/// The id in `column` of `r`, when it is a valid id (else an error at its cell).
fn id_of(r: &Record, column: &str, diags: &mut Vec<Diagnostic>) -> Option<String> {
    let (text, at) = r.value(column)?;
    if is_id(text) {
        return Some(text.to_owned());
    }
    diags.push(
        Diagnostic::error(at.to_string(), format!("this `{column}` is not a valid id"))
            .found(format!("`{text}`"))
            .expected(
                "lowercase ASCII letters, digits and single hyphens, such as `joint-night-patrols`",
            )
            .help(format!(
                "ids name files and web addresses: write `{}`",
                suggest_id(text)
            )),
    );
    None
}

/// Records the first row of `id`; a second row is an error naming the first.
fn once(
    seen: &mut BTreeMap<String, CellRef>,
    id: &str,
    r: &Record,
    column: &str,
    what: &str,
    diags: &mut Vec<Diagnostic>,
) -> bool {
    let at = r.column(column).map_or(r.first.clone(), |c| c.at.clone());
    if let Some(first) = seen.get(id) {
        diags.push(
            Diagnostic::error(
                at.to_string(),
                format!("this {what} is already in row {} ({first})", first.row),
            )
            .found(format!("`{id}` a second time"))
            .expected(format!("each {what} in one row"))
            .help("merge the two rows, or give one of them another id"),
        );
        return false;
    }
    seen.insert(id.to_owned(), at);
    true
}

fn unknown_locality(r: &Record, loc: &str) -> Diagnostic {
    let at = r
        .column("locality")
        .map_or(r.first.clone(), |c| c.at.clone());
    Diagnostic::error(
        at.to_string(),
        "this commitment's locality is neither in the localities table nor in the site",
    )
    .found(format!("`{loc}`"))
    .expected("a locality of the localities table or of the site's `localities/` folder")
    .help("add a row for it to the localities table, or correct the locality's id")
}

/// The cell of `column` as a string field: `None` when the table has no
/// such column (the file keeps what it has), a removal when it is empty.
fn field(r: &Record, column: &str, key: &str, value: impl Fn(&str) -> Value) -> Option<Field> {
    let cell = r.column(column)?;
    let text = cell.text.trim();
    Some(Field {
        key: key.to_owned(),
        value: (!text.is_empty()).then(|| value(text)),
        origin: Origin::Cell(cell.at.clone()),
    })
}

fn text(t: &str) -> Value {
    Value::str(t)
}

/// A whole number as a number; anything else as text (the parser says what is wrong).
pub(crate) fn number(t: &str) -> Value {
    t.parse::<i64>().map_or_else(|_| Value::str(t), Value::Int)
}

/// Ids or names separated by `;`.
fn list(t: &str) -> Value {
    Value::List(
        t.split(';')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(Value::str)
            .collect(),
    )
}

fn decimal(t: &str) -> Value {
    t.replace(',', ".")
        .parse::<f64>()
        .map_or_else(|_| Value::str(t), Value::Float)
}

/// The default-language file and the translations of a locality.
fn locality_files(r: &Record, id: &str, langs: &Languages) -> Vec<Wanted> {
    let fields: Vec<Field> = [
        field(r, "name", "name", text),
        field(r, "country", "country", text),
        field(r, "region", "region", text),
        coordinates(r),
        field(r, "dialogue_since", "dialogue_since", text),
        field(r, "partners", "partners", list),
        field(r, "next_review", "next_review", text),
    ]
    .into_iter()
    .flatten()
    .collect();
    let dir = format!("localities/{id}");
    with_translations(r, &dir, "_index", fields, &["name", "region"], None, langs)
}

/// `coordinates: [latitude, longitude]` from two columns.
fn coordinates(r: &Record) -> Option<Field> {
    let (lat, lon) = (r.column("latitude"), r.column("longitude"));
    let cell = lat.or(lon)?;
    let cells: Vec<&Cell> = [lat, lon].into_iter().flatten().collect();
    let texts: Vec<&str> = cells
        .iter()
        .map(|c| c.text.trim())
        .filter(|t| !t.is_empty())
        .collect();
    let bad = cells
        .iter()
        .find(|c| matches!(decimal(c.text.trim()), Value::Str(_)))
        .copied();
    Some(Field {
        key: "coordinates".into(),
        value: (!texts.is_empty()).then(|| Value::List(texts.iter().map(|t| decimal(t)).collect())),
        origin: Origin::Cell(bad.unwrap_or(cell).at.clone()),
    })
}

fn body(r: &Record, column: &str) -> Option<Cell> {
    r.column(column)
        .filter(|c| !c.text.trim().is_empty())
        .cloned()
}

/// The file `dir/stem.md` of the record `r`, with `fields` and its body,
/// then its translation files (the `texts` columns and `updates`' notes).
fn with_translations(
    r: &Record,
    dir: &str,
    stem: &str,
    fields: Vec<Field>,
    texts: &[&str],
    updates: Option<&[Record]>,
    langs: &Languages,
) -> Vec<Wanted> {
    let mut files = vec![Wanted {
        rel: format!("{dir}/{stem}.md"),
        translation: false,
        fields,
        body: body(r, "body"),
        row: r.first.clone(),
    }];
    files.extend(translations(r, dir, stem, texts, updates, langs));
    files
}

/// The translation files of one row: the texts of `columns` in each other
/// language (and its updates' notes), for the languages with any text.
fn translations(
    r: &Record,
    dir: &str,
    stem: &str,
    columns: &[&str],
    updates: Option<&[Record]>,
    langs: &Languages,
) -> Vec<Wanted> {
    let mut files = Vec::new();
    for lang in &langs.others {
        let mut fields: Vec<Field> = columns
            .iter()
            .filter_map(|c| field(r, &format!("{c}.{lang}"), c, text))
            .filter(|f| f.value.is_some())
            .collect();
        if let Some(ups) = updates {
            fields.extend(translated_updates(ups, lang));
        }
        let body = body(r, &format!("body.{lang}"));
        if fields.is_empty() && body.is_none() {
            continue;
        }
        files.push(Wanted {
            rel: format!("{dir}/{stem}.{lang}.md"),
            translation: true,
            fields,
            body,
            row: r.first.clone(),
        });
    }
    files
}

/// A commitment's default-language file and translations. `updates` is
/// `None` when no updates table was given (the file keeps its updates).
fn commitment_files(
    r: &Record,
    loc: &str,
    id: &str,
    updates: Option<&[Record]>,
    langs: &Languages,
) -> Vec<Wanted> {
    let mut fields: Vec<Field> = [
        field(r, "title", "title", text),
        field(r, "summary", "summary", text),
        field(r, "pledged_by", "pledged_by", list),
        field(r, "agreed", "agreed", text),
        field(r, "due", "due", text),
        field(r, "status", "status", text),
        field(r, "progress", "progress", number),
        field(r, "topics", "topics", list),
        field(r, "responsible", "responsible", text),
        short_key(r, id),
    ]
    .into_iter()
    .flatten()
    .collect();
    fields.extend(updates.map(|ups| updates_field(ups, &r.first)));
    let dir = format!("localities/{loc}");
    let texts = ["title", "summary", "responsible"];
    with_translations(r, &dir, id, fields, &texts, updates, langs)
}

/// `short_key:` when the table's key is not the one made from the id (the
/// export writes every commitment's key, most made from their ids: those
/// are not written into the files).
fn short_key(r: &Record, id: &str) -> Option<Field> {
    let f = field(r, "short_key", "short_key", text)?;
    let made = crate::short_key::from_id(id);
    let is_made = |v: &Value| matches!(v, Value::Str(s) if crate::short_key::parse(s).as_deref() == Some(made.as_str()));
    match &f.value {
        Some(v) if is_made(v) => None,
        _ => Some(f),
    }
}

/// The files of a commitment of the site that only the updates table names.
fn update_only_files(key: &str, ups: &[Record], langs: &Languages) -> Vec<Wanted> {
    let row = ups[0].first.clone();
    let mut files = vec![Wanted {
        rel: format!("localities/{key}.md"),
        translation: false,
        fields: vec![updates_field(ups, &row)],
        body: None,
        row: row.clone(),
    }];
    for lang in &langs.others {
        let fields: Vec<Field> = translated_updates(ups, lang).into_iter().collect();
        if !fields.is_empty() {
            files.push(Wanted {
                rel: format!("localities/{key}.{lang}.md"),
                translation: true,
                fields,
                body: None,
                row: row.clone(),
            });
        }
    }
    files
}

/// The updates table's rows by commitment key, in table order; rows whose
/// commitment is neither in the commitments table nor in the site are errors.
fn group_updates(
    updates: Option<&[Record]>,
    existing: &Existing,
    commitments: Option<&[Record]>,
    diags: &mut Vec<Diagnostic>,
) -> BTreeMap<String, Vec<Record>> {
    let in_table: BTreeSet<String> = commitments
        .unwrap_or_default()
        .iter()
        .filter_map(|r| Some(format!("{}/{}", r.value("locality")?.0, r.value("id")?.0)))
        .collect();
    let mut groups: BTreeMap<String, Vec<Record>> = BTreeMap::new();
    for r in updates.unwrap_or_default() {
        let (Some(loc), Some(c)) = (id_of(r, "locality", diags), id_of(r, "commitment", diags))
        else {
            continue;
        };
        let key = format!("{loc}/{c}");
        if in_table.contains(&key) || existing.commitments.contains(&key) {
            groups.entry(key).or_default().push(r.clone());
        } else {
            let at = r
                .column("commitment")
                .map_or(r.first.clone(), |c| c.at.clone());
            diags.push(
                Diagnostic::error(at.to_string(), "this update's commitment is neither in the commitments table nor in the site")
                    .found(format!("`{key}`"))
                    .expected("a commitment of the commitments table or of the site, by its locality and id")
                    .help("correct the locality or the commitment's id, or add the commitment to the commitments table"),
            );
        }
    }
    groups
}

/// One update's key–value pairs, each with its cell.
type Item = (Vec<(String, Value)>, Vec<(String, CellRef)>);

/// A column of an update and how its text becomes a value.
type Key<'a> = (&'a str, fn(&str) -> Value);

fn item_of(r: &Record, keys: &[Key]) -> Item {
    let mut pairs = Vec::new();
    let mut cells = Vec::new();
    for (column, make) in keys {
        if let Some((t, at)) = r.value(column) {
            let key = column.split('.').next().unwrap_or(column).to_owned();
            pairs.push((key.clone(), make(t)));
            cells.push((key, at.clone()));
        }
    }
    (pairs, cells)
}

/// `updates:` of a commitment's default-language file (removed when it has none).
fn updates_field(ups: &[Record], row: &CellRef) -> Field {
    let keys: [Key; 7] = [
        ("date", text),
        ("review", text),
        ("status", text),
        ("progress", number),
        ("assessed_by", text),
        ("note", text),
        ("sources", sources),
    ];
    let items: Vec<Item> = ups.iter().map(|r| item_of(r, &keys)).collect();
    items_field(items, row)
}

fn items_field(items: Vec<Item>, row: &CellRef) -> Field {
    let (values, origins): (Vec<_>, Vec<_>) = items.into_iter().unzip();
    Field {
        key: "updates".into(),
        value: (!values.is_empty()).then_some(Value::Items(values)),
        origin: if origins.is_empty() {
            Origin::Cell(row.clone())
        } else {
            Origin::Items(origins)
        },
    }
}

/// A translation's `updates:`: the notes in `lang`, matched by date (and by
/// assessor where several updates share the date), when there are any.
fn translated_updates(ups: &[Record], lang: &str) -> Option<Field> {
    let note = format!("note.{lang}");
    let mut items = Vec::new();
    for r in ups.iter().filter(|r| r.value(&note).is_some()) {
        let date = r.value("date").map(|(d, _)| d);
        let shared = ups
            .iter()
            .filter(|o| o.value("date").map(|(d, _)| d) == date)
            .count()
            > 1;
        let mut keys: Vec<Key> = vec![("date", text)];
        if shared {
            keys.push(("assessed_by", text));
        }
        keys.push((&note, text));
        items.push(item_of(r, &keys));
    }
    (!items.is_empty()).then(|| items_field(items, &ups[0].first))
}

/// Sources, one a line: the address, then optionally a space and its title.
fn sources(t: &str) -> Value {
    Value::List(
        t.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(|l| match l.split_once(char::is_whitespace) {
                Some((url, title)) if !title.trim().is_empty() => Value::Map(vec![
                    ("url".into(), Value::str(url)),
                    ("title".into(), Value::str(title.trim())),
                ]),
                _ => Value::str(l),
            })
            .collect(),
    )
}
