//! What `pledgeboard import` prints: a line per file (`create`, `change`
//! with the fields, `unchanged`, `conflict`) and a summary line.

use super::{Action, Outcome, Planned};
use std::fmt::Write;

/// The lines for one file.
fn file_lines(p: &Planned, out: &mut String) {
    let _ = match &p.action {
        Action::Create => writeln!(out, "create    {}", p.rel),
        Action::Change(fields) => writeln!(
            out,
            "change    {} ({}){}",
            p.rel,
            fields.join(", "),
            if p.comments_lost {
                "; a comment in the rewritten fields is lost"
            } else {
                ""
            }
        ),
        Action::Unchanged if p.conflicts.is_empty() => writeln!(out, "unchanged {}", p.rel),
        Action::Unchanged => Ok(()),
    };
    for c in &p.conflicts {
        let what = if c.what == "body" {
            "its text".to_owned()
        } else {
            format!("`{}`", c.what)
        };
        let _ = writeln!(
            out,
            "conflict  {}: {what} differs from the table's ({}) and is kept",
            p.rel, c.cell
        );
    }
}

/// Everything the import prints on standard output: per file, then the summary.
pub fn report(outcome: &Outcome, written: bool) -> String {
    let mut out = String::new();
    for p in &outcome.files {
        file_lines(p, &mut out);
    }
    let count = |f: fn(&Planned) -> bool| outcome.files.iter().filter(|p| f(p)).count();
    let created = count(|p| p.action == Action::Create);
    let changed = count(|p| matches!(p.action, Action::Change(_)));
    let unchanged = count(|p| p.action == Action::Unchanged);
    let conflicts: usize = outcome.files.iter().map(|p| p.conflicts.len()).sum();
    let files = |n: usize| {
        if n == 1 {
            "1 file".to_owned()
        } else {
            format!("{n} files")
        }
    };
    let _ = if written {
        write!(
            out,
            "Wrote {}: {created} created, {changed} changed; {unchanged} unchanged",
            files(created + changed)
        )
    } else {
        write!(
            out,
            "Dry run: {created} to create, {changed} to change, {unchanged} unchanged"
        )
    };
    if conflicts > 0 {
        let _ = write!(
            out,
            "; {conflicts} conflict{} kept as in the files (`--overwrite-texts` replaces them with the table's text)",
            if conflicts == 1 { "" } else { "s" }
        );
    }
    out.push_str(if written {
        ".\n"
    } else {
        ". Nothing was written: run again with `--write` to write these files.\n"
    });
    out
}
