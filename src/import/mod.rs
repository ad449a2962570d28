//! `pledgeboard import`: the open-data tables (localities, commitments,
//! updates), from CSV files or the sheets of an XLSX or ODS workbook, into
//! a site's content files.
//!
//! The steps: [`read`] the tables as text cells with their places;
//! [`tables`] checks their columns and names each row's cells; [`make`]
//! turns rows into the files they describe (fields and bodies, each with
//! its cell); [`plan`] sets them against the files on disk. Then the site
//! as it would be, its files replaced by the planned ones, goes through
//! the site's own `check` (the parser's and the validator's rules, not a
//! copy of them), and every problem in a line the import wrote is moved
//! to the cell it came from (`commitments!H12`).
//!
//! Guarantee: nothing is written while any problem is an error, and every
//! problem of every row is reported in one run. [`write`] writes each file
//! whole or not at all (`write::replace_file`).

mod make;
mod plan;
mod read;
mod report;
mod tables;

pub use plan::{Action, Conflict, Planned};
pub use report::report;

use crate::diag::{self, Diagnostic};
use crate::load;
use crate::parse;
use crate::pipeline;
use read::{CellRef, Input, Table, TableKind};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// What to import, and how.
#[derive(Clone, Debug)]
pub struct Request {
    pub site_dir: PathBuf,
    /// Files named on the command line (a CSV file's table from its name).
    pub files: Vec<PathBuf>,
    /// `--table NAME=FILE`: CSV files and the table each holds.
    pub tables: Vec<(String, PathBuf)>,
    /// Replace bodies and translations that differ from the tables'.
    pub overwrite_texts: bool,
}

/// What the import would do, once every row passed.
#[derive(Debug)]
pub struct Outcome {
    /// Per file, in path order.
    pub files: Vec<Planned>,
    pub warnings: Vec<Diagnostic>,
}

/// `--table NAME=FILE` read: its table, or an error naming the three.
pub fn table_arg(arg: &str) -> Result<(String, PathBuf), String> {
    let (name, file) = arg
        .split_once('=')
        .ok_or_else(|| format!("`{arg}` is not NAME=FILE, such as `commitments=mylist.csv`"))?;
    if TableKind::named(name).is_none() {
        return Err(format!(
            "`{name}` is not a table: write `localities`, `commitments` or `updates`"
        ));
    }
    Ok((name.trim().to_lowercase(), PathBuf::from(file)))
}

/// Plans the import: reads the tables, makes the files, checks the site as
/// it would be. Every problem, or what would be done.
pub fn plan(req: &Request, today: jiff::civil::Date) -> Result<Outcome, Vec<Diagnostic>> {
    let (tables, mut diags) = read::read(&inputs(req));
    let (site_files, load_diags) = load::load(&req.site_dir);
    let Some(config) = site_files
        .site_yaml
        .as_ref()
        .and_then(|f| parse::parse_config(f, today).0)
    else {
        // The site's own problems (no site.yaml, a broken one) come first.
        let mut all = [diags, load_diags].concat();
        if let Some(f) = &site_files.site_yaml {
            all.extend(parse::parse_config(f, today).1);
        }
        return Err(all);
    };
    let others: Vec<&str> = config
        .languages
        .iter()
        .map(|l| l.code.as_str())
        .filter(|c| *c != config.default_language)
        .collect();
    let langs = tables::Languages {
        default: &config.default_language,
        others,
    };
    let by_kind = one_per_kind(tables, &mut diags);
    let records: BTreeMap<TableKind, tables::Records> = by_kind
        .iter()
        .map(|(kind, t)| {
            let (r, d) = tables::records(t, &langs);
            diags.extend(d);
            (*kind, r)
        })
        .collect();
    let of = |k| {
        records
            .get(&k)
            .map(|r: &tables::Records| r.records.as_slice())
    };
    let rows = make::Rows {
        localities: of(TableKind::Localities),
        commitments: of(TableKind::Commitments),
        updates: of(TableKind::Updates),
        incomplete: records
            .iter()
            .filter(|(_, r)| r.incomplete)
            .map(|(k, _)| *k)
            .collect(),
    };
    let empty: Vec<(CellRef, &str)> = records
        .values()
        .flat_map(|r| r.empty.iter().cloned())
        .collect();
    let existing = make::Existing::from_paths(&site_files.markdown_paths);
    let (wanted, d) = make::wanted(&rows, &existing, &langs);
    diags.extend(d);
    let mut planned = Vec::new();
    for w in &wanted {
        match plan::plan(&req.site_dir, w, req.overwrite_texts) {
            Ok(p) => planned.push(p),
            Err(d) => diags.push(d),
        }
    }
    planned.sort_by(|a, b| a.rel.cmp(&b.rel));
    let checked = check(
        &req.site_dir,
        today,
        site_files,
        load_diags,
        &planned,
        &empty,
    );
    diags.extend(checked);
    diag::sort(&mut diags);
    if diags.iter().any(Diagnostic::is_error) {
        return Err(diags);
    }
    Ok(Outcome {
        files: planned,
        warnings: diags,
    })
}

fn inputs(req: &Request) -> Vec<Input> {
    let named = req.files.iter().map(|p| Input {
        path: p.clone(),
        table: None,
    });
    let told = req.tables.iter().map(|(n, p)| Input {
        path: p.clone(),
        table: TableKind::named(n),
    });
    named.chain(told).collect()
}

/// The tables by kind; a second table of one kind is an error.
fn one_per_kind(tables: Vec<Table>, diags: &mut Vec<Diagnostic>) -> BTreeMap<TableKind, Table> {
    let mut by_kind: BTreeMap<TableKind, Table> = BTreeMap::new();
    for t in tables {
        if let Some(first) = by_kind.get(&t.kind) {
            diags.push(
                Diagnostic::error(t.name.clone(), format!("a second {} table", t.kind.name()))
                    .found(format!("`{}` and `{}`", first.name, t.name))
                    .expected(format!("one {} table", t.kind.name()))
                    .help("import one of them, or put their rows in one table"),
            );
            continue;
        }
        by_kind.insert(t.kind, t);
    }
    by_kind
}

/// The site's `check` on its files with the planned ones in their place;
/// its problems, those in lines the import wrote moved to their cells.
fn check(
    site_dir: &Path,
    today: jiff::civil::Date,
    mut files: load::SiteFiles,
    diags: Vec<Diagnostic>,
    planned: &[Planned],
    empty: &[(CellRef, &str)],
) -> Vec<Diagnostic> {
    let mut by_rel: BTreeMap<&str, &Planned> = BTreeMap::new();
    for p in planned.iter().filter(|p| p.action != Action::Unchanged) {
        by_rel.insert(&p.rel, p);
        let source = load::SourceFile {
            rel: p.rel.clone(),
            text: p.text.clone(),
            warnings: Vec::new(),
        };
        match files.markdown.iter_mut().find(|f| f.rel == p.rel) {
            Some(f) => *f = source,
            None => {
                files.markdown.push(source);
                files.markdown_paths.push(p.rel.clone());
            }
        }
        if let Some((dir, _)) = p.rel.rsplit_once('/')
            && !files.locality_dirs.iter().any(|d| d == dir)
        {
            files.locality_dirs.push(dir.to_owned());
        }
    }
    files.markdown.sort_by(|a, b| a.rel.cmp(&b.rel));
    files.markdown_paths.sort();
    files.locality_dirs.sort();
    let found = match pipeline::check_files(site_dir, today, files, diags) {
        Ok(checked) => checked.warnings,
        Err(diags) => diags,
    };
    found
        .into_iter()
        .filter_map(|d| {
            let (d, cell) = to_cell(d, &by_rel);
            // A required cell left empty is already an error at that cell.
            let said = cell.is_some_and(|c| {
                empty.iter().any(|(e, column)| {
                    e.table == c.table
                        && e.row == c.row
                        && d.message == format!("the required field `{column}` is missing")
                })
            });
            (!said).then_some(d)
        })
        .collect()
}

/// A problem in a line the import wrote, placed at the cell that line came from.
fn to_cell(d: Diagnostic, planned: &BTreeMap<&str, &Planned>) -> (Diagnostic, Option<CellRef>) {
    let Some(p) = planned.get(d.file.as_str()) else {
        return (d, None);
    };
    let cell = match d.line {
        0 => Some(p.row.clone()),
        n => p.lines.get(n - 1).cloned().flatten(),
    };
    match cell {
        Some(cell) => {
            let d = Diagnostic {
                file: cell.to_string(),
                line: 0,
                column: 0,
                source_line: None,
                ..d
            };
            (d, Some(cell))
        }
        None => (d, None),
    }
}

/// Writes the planned files that change, each whole (`write::replace_file`).
/// The files written, or the first that could not be.
pub fn write(site_dir: &Path, outcome: &Outcome) -> Result<usize, Diagnostic> {
    let mut n = 0;
    for p in outcome
        .files
        .iter()
        .filter(|p| p.action != Action::Unchanged)
    {
        crate::write::replace_file(site_dir, &p.rel, p.text.as_bytes()).map_err(|e| {
            Diagnostic::error(p.rel.clone(), format!("cannot write this file: {e}"))
                .help(format!("{n} files were written before it; fix the problem and import again (files already written show as `unchanged`)"))
        })?;
        n += 1;
    }
    Ok(n)
}
