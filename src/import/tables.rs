//! The tables' columns: which a table has, which it needs, which are
//! computed by the export (and ignored here), and each row as cells named
//! by column.
//!
//! Guarantee: every column of every table is accounted for. An unknown
//! column is an error at its header cell (with the closest known name), a
//! required column missing is one error naming the table and the column, a
//! required cell left empty is an error at that cell, and a text column in
//! a language the site does not have is an error at its header cell. The
//! columns the export computes (`url.*`, `overdue`, `updates_count`,
//! `last_update`, `commitments`) and those repeated from another table
//! (`key`, and a commitment's locality columns) are read and ignored.

use super::read::{CellRef, Table, TableKind};
use crate::diag::{Diagnostic, did_you_mean, one_of};

/// How a column is used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Use {
    /// Needed, in every row.
    Required,
    Optional,
    /// Made by the export from other data; ignored.
    Computed,
}

/// One column of a table: its name, its use and whether it is a text with
/// a column per language (`title`, `title.fr`, …).
struct Column {
    name: &'static str,
    what: Use,
    text: bool,
}

const fn col(name: &'static str, what: Use, text: bool) -> Column {
    Column { name, what, text }
}

use Use::{Computed, Optional, Required};

const LOCALITIES: &[Column] = &[
    col("locality", Required, false),
    col("country", Required, false),
    col("latitude", Optional, false),
    col("longitude", Optional, false),
    col("name", Required, true),
    col("region", Optional, true),
    col("dialogue_since", Optional, false),
    col("partners", Optional, false),
    col("next_review", Optional, false),
    col("commitments", Computed, false),
    col("body", Optional, true),
];

const COMMITMENTS: &[Column] = &[
    col("key", Computed, false),
    col("locality", Required, false),
    col("country", Computed, false),
    col("latitude", Computed, false),
    col("longitude", Computed, false),
    col("id", Required, false),
    col("short_key", Optional, false),
    col("locality_name", Computed, true),
    col("title", Required, true),
    col("summary", Optional, true),
    col("pledged_by", Required, false),
    col("agreed", Required, false),
    col("due", Optional, false),
    col("status", Required, false),
    col("progress", Optional, false),
    col("topics", Optional, false),
    col("responsible", Optional, true),
    col("overdue", Computed, false),
    col("updates_count", Computed, false),
    col("last_update", Computed, false),
    col("body", Optional, true),
];

const UPDATES: &[Column] = &[
    col("key", Computed, false),
    col("locality", Required, false),
    col("commitment", Required, false),
    col("date", Required, false),
    col("review", Optional, false),
    col("status", Required, false),
    col("progress", Optional, false),
    col("assessed_by", Optional, false),
    col("note", Optional, true),
    col("sources", Optional, false),
];

fn columns(kind: TableKind) -> &'static [Column] {
    match kind {
        TableKind::Localities => LOCALITIES,
        TableKind::Commitments => COMMITMENTS,
        TableKind::Updates => UPDATES,
    }
}

/// A cell's text and place.
#[derive(Clone, Debug)]
pub(crate) struct Cell {
    pub text: String,
    pub at: CellRef,
}

/// One row: its cells by column name (the columns the table has and the
/// import uses, empty cells included), and the place of the row's first
/// cell.
#[derive(Clone, Debug)]
pub(crate) struct Record {
    pub cells: Vec<(String, Cell)>,
    pub first: CellRef,
}

impl Record {
    /// The cell of `column`, when the table has that column.
    pub(crate) fn column(&self, column: &str) -> Option<&Cell> {
        self.cells
            .iter()
            .find(|(c, _)| c == column)
            .map(|(_, cell)| cell)
    }

    /// The trimmed text of `column`, when it is there and not empty.
    pub(crate) fn value(&self, column: &str) -> Option<(&str, &CellRef)> {
        self.column(column)
            .map(|c| (c.text.trim(), &c.at))
            .filter(|(t, _)| !t.is_empty())
    }
}

/// The languages a text column may have: the site's, by code.
pub(crate) struct Languages<'a> {
    pub default: &'a str,
    pub others: Vec<&'a str>,
}

/// A table's rows as records, and the problems of its columns and cells.
pub(crate) struct Records {
    pub records: Vec<Record>,
    /// A required column is missing: the rows make no files (one error
    /// says so, not one per row).
    pub incomplete: bool,
    /// The required cells left empty (each already an error).
    pub empty: Vec<(CellRef, &'static str)>,
}

/// A table's rows as records, with the problems of its columns and cells.
pub(crate) fn records(table: &Table, langs: &Languages) -> (Records, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let used = header_columns(table, langs, &mut diags);
    let before = diags.len();
    missing_columns(table, &mut diags);
    let incomplete = diags.len() > before;
    let records = table
        .rows
        .iter()
        .map(|row| {
            let cells = used
                .iter()
                .map(|&(i, ref name)| {
                    let text = row.cells.get(i).cloned().unwrap_or_default();
                    (
                        name.clone(),
                        Cell {
                            text,
                            at: table.cell(i, row.number),
                        },
                    )
                })
                .collect();
            Record {
                cells,
                first: table.cell(0, row.number),
            }
        })
        .collect::<Vec<_>>();
    let mut empty = Vec::new();
    for r in &records {
        empty_required(table.kind, r, &mut empty, &mut diags);
    }
    (
        Records {
            records,
            incomplete,
            empty,
        },
        diags,
    )
}

/// The columns of the header the import uses, by index, and the errors of
/// the others.
fn header_columns(
    table: &Table,
    langs: &Languages,
    diags: &mut Vec<Diagnostic>,
) -> Vec<(usize, String)> {
    let mut used: Vec<(usize, String)> = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for (i, name) in table.header.iter().enumerate() {
        let at = table.cell(i, table.header_row);
        if name.is_empty() {
            continue;
        }
        if seen.contains(&name.as_str()) {
            diags.push(
                header_error(&at, "this column is there twice", name)
                    .expected("each column once")
                    .help("delete or rename one of the two columns"),
            );
            continue;
        }
        seen.push(name);
        match column_use(table.kind, name, langs) {
            Ok(Some(())) => used.push((i, name.clone())),
            Ok(None) => {}
            Err(d) => diags.push(d(&at)),
        }
    }
    used
}

type LateError = Box<dyn Fn(&CellRef) -> Diagnostic>;

/// Whether the import uses the column `name` of a `kind` table
/// (`Some`), ignores it (`None`), or refuses it.
fn column_use(kind: TableKind, name: &str, langs: &Languages) -> Result<Option<()>, LateError> {
    if name.starts_with("url.") {
        return Ok(None);
    }
    let (base, lang) = match name.split_once('.') {
        Some((base, lang)) => (base, Some(lang)),
        None => (name, None),
    };
    let known = columns(kind).iter().find(|c| c.name == base);
    let Some(column) = known.filter(|c| lang.is_none() || c.text) else {
        return Err(unknown_column(kind, name));
    };
    if column.what == Computed {
        return Ok(None);
    }
    match lang {
        Some(l) if !langs.others.contains(&l) => Err(unknown_language(name, base, l, langs)),
        _ => Ok(Some(())),
    }
}

fn header_error(at: &CellRef, message: &str, name: &str) -> Diagnostic {
    Diagnostic::error(at.to_string(), message).found(format!("the column `{name}`"))
}

fn unknown_column(kind: TableKind, name: &str) -> LateError {
    let names: Vec<&'static str> = columns(kind)
        .iter()
        .filter(|c| c.what != Computed)
        .map(|c| c.name)
        .collect();
    let name = name.to_owned();
    Box::new(move |at| {
        let d = header_error(
            at,
            &format!("the {} table has no such column", kind.name()),
            &name,
        )
        .expected(one_of(&names));
        match did_you_mean(&name.to_lowercase(), names.iter().copied()) {
            Some(g) => d.help(format!("did you mean `{g}`? Rename the column's header")),
            None => d.help(
                "rename the column's header, or delete the column if it holds notes of your own",
            ),
        }
    })
}

fn unknown_language(name: &str, base: &str, lang: &str, langs: &Languages) -> LateError {
    let (name, base, lang) = (name.to_owned(), base.to_owned(), lang.to_owned());
    let expected: Vec<String> = langs.others.iter().map(|l| format!("{base}.{l}")).collect();
    let default = langs.default.to_owned();
    Box::new(move |at| {
        let d = header_error(
            at,
            &format!("this column is a text in `{lang}`, a language the site does not have"),
            &name,
        )
        .expected(format!(
            "`{base}` (in {default}) or {}",
            if expected.is_empty() {
                "no other".into()
            } else {
                one_of(&expected)
            }
        ));
        if lang == default {
            d.help(format!(
                "the default language's text goes in the column `{base}`"
            ))
        } else {
            d.help(format!(
                "add `{lang}` to `languages:` in site.yaml, or delete this column"
            ))
        }
    })
}

fn missing_columns(table: &Table, diags: &mut Vec<Diagnostic>) {
    for c in columns(table.kind).iter().filter(|c| c.what == Required) {
        if !table.header.iter().any(|h| h == c.name) {
            let place = table.cell(0, table.header_row);
            diags.push(
                Diagnostic::error(
                    place.table.clone(),
                    format!("the {} table has no `{}` column", table.kind.name(), c.name),
                )
                .found(format!(
                    "the columns {}",
                    one_of(&table.header).trim_start_matches("one of ")
                ))
                .expected(format!(
                    "a `{}` column (the required columns are {})",
                    c.name,
                    required_list(table.kind)
                ))
                .help(format!(
                    "add a column whose header (row {}) is `{}`",
                    table.header_row, c.name
                )),
            );
        }
    }
}

fn required_list(kind: TableKind) -> String {
    let names: Vec<&str> = columns(kind)
        .iter()
        .filter(|c| c.what == Required)
        .map(|c| c.name)
        .collect();
    one_of(&names)
        .trim_start_matches("one of ")
        .replace(" or ", " and ")
}

fn empty_required(
    kind: TableKind,
    record: &Record,
    empty: &mut Vec<(CellRef, &'static str)>,
    diags: &mut Vec<Diagnostic>,
) {
    for c in columns(kind).iter().filter(|c| c.what == Required) {
        if let Some(cell) = record
            .column(c.name)
            .filter(|cell| cell.text.trim().is_empty())
        {
            empty.push((cell.at.clone(), c.name));
            diags.push(
                Diagnostic::error(
                    cell.at.to_string(),
                    format!("this cell is empty, and every row needs a `{}`", c.name),
                )
                .found("an empty cell")
                .expected(format!("a value in the column `{}`", c.name))
                .help("fill it in, or delete the row if it is not a real entry"),
            );
        }
    }
}
