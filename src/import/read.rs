//! Reading the tables: CSV files (the `csv` crate) and the sheets of XLSX
//! and ODS workbooks (`calamine`) as rows of text cells, each cell with the
//! place a person finds it at: `commitments!C12` (sheet, column letter,
//! row as the spreadsheet numbers it) or `commitments.csv!C12` (file name,
//! column letter, row as a spreadsheet opening the file numbers it: the
//! header is row 1, and a cell holding line breaks does not add rows).
//!
//! Guarantee: every cell is text, as a person reads it in the spreadsheet
//! (whole numbers without `.0`, dates as `YYYY-MM-DD`); the `'` the export
//! puts before a cell that would read as a formula is removed; a file or
//! sheet that cannot be read is a diagnostic naming it, never a panic.

use crate::diag::{Diagnostic, did_you_mean, one_of};
use calamine::{Data, Reader};
use std::fmt;
use std::path::{Path, PathBuf};

/// The three tables of the open data, in the order their files are made.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum TableKind {
    Localities,
    Commitments,
    Updates,
}

impl TableKind {
    pub(crate) const ALL: [TableKind; 3] = [
        TableKind::Localities,
        TableKind::Commitments,
        TableKind::Updates,
    ];

    pub(crate) fn name(self) -> &'static str {
        match self {
            TableKind::Localities => "localities",
            TableKind::Commitments => "commitments",
            TableKind::Updates => "updates",
        }
    }

    /// The table a sheet name (`commitments`) or a table name names.
    pub(crate) fn named(name: &str) -> Option<TableKind> {
        let name = name.trim().to_lowercase();
        TableKind::ALL.into_iter().find(|t| t.name() == name)
    }
}

/// Where a cell is: its table's name as the user knows it (a sheet's name,
/// a CSV file's name), its column (0-based) and its row (1-based, the
/// header being row 1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct CellRef {
    pub table: String,
    pub column: usize,
    pub row: usize,
}

impl fmt::Display for CellRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}!{}{}",
            self.table,
            column_letters(self.column),
            self.row
        )
    }
}

/// `A` for column 0, `Z` for 25, `AA` for 26, as spreadsheets name them.
pub(crate) fn column_letters(column: usize) -> String {
    let mut n = column + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// One row of a table: its number and its cells' text.
#[derive(Clone, Debug)]
pub(crate) struct Row {
    pub number: usize,
    pub cells: Vec<String>,
}

/// One table read from a file or a sheet.
#[derive(Clone, Debug)]
pub(crate) struct Table {
    pub kind: TableKind,
    /// The name cells are placed in (`commitments.csv`, `commitments`).
    pub name: String,
    /// The header row (row 1 of the table as placed).
    pub header: Vec<String>,
    pub header_row: usize,
    /// The rows below the header, blank rows left out.
    pub rows: Vec<Row>,
    /// The column numbers start here (a sheet whose cells start at `B`).
    pub first_column: usize,
}

impl Table {
    /// The place of the cell at `column` (an index into `header`) of `row`.
    pub(crate) fn cell(&self, column: usize, row: usize) -> CellRef {
        CellRef {
            table: self.name.clone(),
            column: self.first_column + column,
            row,
        }
    }
}

/// One file named on the command line, with the table `--table` says it holds.
#[derive(Clone, Debug)]
pub(crate) struct Input {
    pub path: PathBuf,
    pub table: Option<TableKind>,
}

/// Reads every input: its tables and the problems found (a warning for a
/// workbook's sheet that is no table, errors for what cannot be read).
pub(crate) fn read(inputs: &[Input]) -> (Vec<Table>, Vec<Diagnostic>) {
    let mut tables = Vec::new();
    let mut diags = Vec::new();
    for input in inputs {
        match extension(&input.path).as_str() {
            "csv" => match read_csv(input) {
                Ok(t) => tables.push(t),
                Err(d) => diags.push(d),
            },
            "xlsx" | "xlsm" | "xls" | "ods" => {
                if input.table.is_some() {
                    diags.push(table_on_workbook(&input.path));
                }
                read_workbook(&input.path, &mut tables, &mut diags);
            }
            _ => diags.push(unknown_format(&input.path)),
        }
    }
    (tables, diags)
}

fn extension(path: &Path) -> String {
    path.extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default()
}

fn shown(path: &Path) -> String {
    path.display().to_string()
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map_or_else(|| shown(path), |n| n.to_string_lossy().into_owned())
}

fn unknown_format(path: &Path) -> Diagnostic {
    Diagnostic::error(shown(path), "this file is not a table pledgeboard can read")
        .found(format!("a file ending in `.{}`", extension(path)))
        .expected("a CSV file (`.csv`), an Excel workbook (`.xlsx`) or an OpenDocument spreadsheet (`.ods`)")
        .help("save the spreadsheet as `.xlsx`, `.ods` or one `.csv` file per table")
}

fn table_on_workbook(path: &Path) -> Diagnostic {
    Diagnostic::error(
        shown(path),
        "`--table` names the table of a CSV file, not of a workbook",
    )
    .found("`--table` with a workbook")
    .expected("a workbook whose sheets are named `localities`, `commitments` and `updates`")
    .help("rename the workbook's sheets, and give this file without `--table`")
}

/// The table of a CSV file: `--table` or its file name.
fn csv_table(input: &Input) -> Result<TableKind, Diagnostic> {
    if let Some(t) = input.table {
        return Ok(t);
    }
    let name = file_name(&input.path);
    let stem = name.rsplit_once('.').map_or(name.as_str(), |(s, _)| s);
    TableKind::named(stem).ok_or_else(|| {
        let names: Vec<String> = TableKind::ALL
            .iter()
            .map(|t| format!("{}.csv", t.name()))
            .collect();
        let mut d = Diagnostic::error(
            shown(&input.path),
            "pledgeboard cannot tell which table this CSV file holds",
        )
        .found(format!("the file name `{name}`"))
        .expected(one_of(&names));
        let guess = did_you_mean(&stem.to_lowercase(), TableKind::ALL.map(TableKind::name));
        d = d.help(match guess {
            Some(g) => format!(
                "did you mean `{g}.csv`? Rename the file, or say it with `--table {g}={name}`"
            ),
            None => format!(
                "rename the file, or say which table it is with `--table commitments={name}`"
            ),
        });
        d
    })
}

fn read_csv(input: &Input) -> Result<Table, Diagnostic> {
    let kind = csv_table(input)?;
    let name = file_name(&input.path);
    let cannot = |e: &dyn fmt::Display| {
        Diagnostic::error(
            shown(&input.path),
            format!("cannot read this CSV file: {e}"),
        )
        .help("save it as CSV (UTF-8, comma-separated) from the spreadsheet program")
    };
    let bytes = std::fs::read(&input.path).map_err(|e| cannot(&e))?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| cannot(&plain_csv_error(&e)))?;
        let cells: Vec<String> = record.iter().map(unescape_formula).collect();
        rows.push(Row {
            number: i + 1,
            cells,
        });
    }
    Ok(table_from_rows(kind, name, rows, 0))
}

/// What went wrong in a CSV file, in words (its position as a row).
fn plain_csv_error(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::Utf8 { pos, .. } => format!(
            "row {} is not UTF-8 text (save the file as \"CSV UTF-8\")",
            pos.as_ref().map_or(0, |p| p.record() + 1)
        ),
        _ => e.to_string(),
    }
}

/// A table from all its rows (the first non-blank one is the header).
fn table_from_rows(kind: TableKind, name: String, rows: Vec<Row>, first_column: usize) -> Table {
    let mut rows = rows
        .into_iter()
        .filter(|r| r.cells.iter().any(|c| !c.trim().is_empty()));
    let (header, header_row) = match rows.next() {
        Some(r) => (
            r.cells.iter().map(|c| c.trim().to_owned()).collect(),
            r.number,
        ),
        None => (Vec::new(), 1),
    };
    Table {
        kind,
        name,
        header,
        header_row,
        rows: rows.collect(),
        first_column,
    }
}

/// A cell as the content has it: line ends as line feeds (CSV cells hold
/// CRLF), and without the `'` the export writes before a formula's first
/// character (`'=1+1` → `=1+1`).
pub(crate) fn unescape_formula(cell: &str) -> String {
    let cell = cell.replace("\r\n", "\n");
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest.to_owned(),
        _ => cell,
    }
}

fn read_workbook(path: &Path, tables: &mut Vec<Table>, diags: &mut Vec<Diagnostic>) {
    let mut workbook = match calamine::open_workbook_auto(path) {
        Ok(w) => w,
        Err(e) => {
            diags.push(
                Diagnostic::error(shown(path), format!("cannot read this workbook: {e}")).help(
                    "open it in a spreadsheet program and save it again as `.xlsx` or `.ods`",
                ),
            );
            return;
        }
    };
    for sheet in workbook.sheet_names() {
        let Some(kind) = TableKind::named(&sheet) else {
            diags.push(other_sheet(path, &sheet));
            continue;
        };
        match workbook.worksheet_range(&sheet) {
            Ok(range) => tables.push(sheet_table(kind, &sheet, &range)),
            Err(e) => diags.push(Diagnostic::error(
                format!("{}!{sheet}", file_name(path)),
                format!("cannot read this sheet: {e}"),
            )),
        }
    }
}

fn other_sheet(path: &Path, sheet: &str) -> Diagnostic {
    let mut d = Diagnostic::warning(
        format!("{}!{sheet}", file_name(path)),
        "this sheet is not one of the three tables, so it is not imported",
    )
    .found(format!("the sheet `{sheet}`"))
    .expected("`localities`, `commitments` or `updates`");
    if let Some(g) = did_you_mean(&sheet.to_lowercase(), TableKind::ALL.map(TableKind::name)) {
        d = d.help(format!("did you mean `{g}`? Rename the sheet to import it"));
    }
    d
}

fn sheet_table(kind: TableKind, sheet: &str, range: &calamine::Range<Data>) -> Table {
    let (row0, col0) = range.start().unwrap_or((0, 0));
    let rows = range
        .rows()
        .enumerate()
        .map(|(i, cells)| Row {
            number: row0 as usize + i + 1,
            cells: cells.iter().map(cell_text).collect(),
        })
        .collect();
    table_from_rows(kind, sheet.to_owned(), rows, col0 as usize)
}

/// A cell's value as a person reads it.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => unescape_formula(s),
        Data::Int(i) => i.to_string(),
        Data::Float(x) if x.fract() == 0.0 && x.abs() < 1e15 => format!("{}", *x as i64),
        Data::Float(x) => x.to_string(),
        Data::Bool(b) => {
            if *b {
                "TRUE".into()
            } else {
                "FALSE".into()
            }
        }
        Data::DateTime(d) => excel_date(d.as_f64()),
        Data::DateTimeIso(s) => s.strip_suffix("T00:00:00").unwrap_or(s).to_owned(),
        Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

/// A spreadsheet's date number (days since 1899-12-30) as `YYYY-MM-DD`.
fn excel_date(serial: f64) -> String {
    let epoch = jiff::civil::date(1899, 12, 30);
    jiff::Span::new()
        .try_days(serial.floor() as i64)
        .ok()
        .and_then(|span| epoch.checked_add(span).ok())
        .map_or_else(|| serial.to_string(), |d| d.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_lettered_as_spreadsheets_do() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
    }

    #[test]
    fn the_exports_formula_quote_is_removed_and_others_kept() {
        assert_eq!(unescape_formula("'=1+1"), "=1+1");
        assert_eq!(unescape_formula("'-3"), "-3");
        assert_eq!(unescape_formula("'quoted'"), "'quoted'");
    }

    #[test]
    fn spreadsheet_dates_are_days_since_1899_12_30() {
        assert_eq!(excel_date(45292.0), "2024-01-01");
        assert_eq!(excel_date(45292.75), "2024-01-01");
    }
}
