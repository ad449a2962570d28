//! What the import would do to each file: the tables' wanted files against
//! the files on disk, as the text each file would have and an action
//! (`create`, `change` with the fields, `unchanged`) with its conflicts.
//!
//! Guarantee: an existing file keeps everything the tables do not change:
//! its Markdown body byte for byte, the front-matter fields the tables
//! have no column for, its other lines and their comments (a field that
//! changes is rewritten whole, and a comment inside it is reported as
//! lost). A body, or a translation's text, that differs from the tables'
//! is never replaced unless `overwrite_texts`: it is a conflict, and the
//! file keeps it. Every line the import writes remembers the cell it came
//! from, so a problem `check` finds in it is reported at that cell.

use super::make::{Field, Origin, Wanted};
use super::read::CellRef;
use crate::diag::Diagnostic;
use crate::load::{self, SourceFile};
use crate::parse::split_front_matter;
use crate::yaml::{self, Node, emit};
use std::path::Path;

/// What happens to one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    Create,
    /// The fields that change (and `body` when the body does).
    Change(Vec<String>),
    Unchanged,
}

/// One file as the import would leave it.
#[derive(Clone, Debug)]
pub struct Planned {
    /// Relative to the site directory.
    pub rel: String,
    pub action: Action,
    /// Texts that differ from the tables' and are kept (not replaced).
    pub conflicts: Vec<Conflict>,
    /// Comments inside rewritten fields are lost.
    pub comments_lost: bool,
    /// The file's whole text after the import.
    pub(crate) text: String,
    /// Per line of `text` (index = line - 1), the cell it was made from.
    pub(crate) lines: Vec<Option<CellRef>>,
    /// The row the file comes from (for problems of the whole file).
    pub(crate) row: CellRef,
}

/// A text of the file that differs from the tables' and is kept.
#[derive(Clone, Debug)]
pub struct Conflict {
    /// `body`, or the field (`title`).
    pub what: String,
    /// The cell the tables' text is in.
    pub cell: String,
}

/// Plans one wanted file against the site directory.
pub(crate) fn plan(
    site_dir: &Path,
    w: &Wanted,
    overwrite_texts: bool,
) -> Result<Planned, Diagnostic> {
    if !site_dir.join(&w.rel).is_file() {
        return Ok(create(w));
    }
    let file = load::read_text(site_dir, &w.rel)?;
    update(&file, w, overwrite_texts)
}

/// Lines with their cells, as they are assembled.
#[derive(Default)]
struct Lines {
    text: String,
    cells: Vec<Option<CellRef>>,
}

impl Lines {
    fn push(&mut self, line: &str, cell: Option<CellRef>) {
        self.text.push_str(line);
        self.cells.push(cell);
    }

    fn field(&mut self, f: &Field, value: &emit::Value) {
        for (line, item) in emit::field(&f.key, value) {
            self.push(&line, cell_of(&f.origin, item.as_ref()));
        }
    }

    fn body(&mut self, body: &str, cell: Option<&CellRef>) {
        for line in body.split_inclusive('\n') {
            self.push(line, cell.cloned());
        }
        // The tables' text ends with a line end; a kept body stays as it is.
        if cell.is_some() && !body.is_empty() && !body.ends_with('\n') {
            self.text.push('\n');
        }
    }
}

/// The cell a line of a field comes from.
fn cell_of(origin: &Origin, item: Option<&(usize, String)>) -> Option<CellRef> {
    match (origin, item) {
        (Origin::Cell(c), _) => Some(c.clone()),
        (Origin::Items(items), Some((i, key))) => items
            .get(*i)?
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, c)| c.clone()),
        (Origin::Items(items), None) => items.first()?.first().map(|(_, c)| c.clone()),
    }
}

fn create(w: &Wanted) -> Planned {
    let mut out = Lines::default();
    out.push("---\n", Some(w.row.clone()));
    for f in &w.fields {
        if let Some(v) = &f.value {
            out.field(f, v);
        }
    }
    out.push("---\n", Some(w.row.clone()));
    if let Some(b) = &w.body {
        out.body(&b.text, Some(&b.at));
    }
    Planned {
        rel: w.rel.clone(),
        action: Action::Create,
        conflicts: Vec::new(),
        comments_lost: false,
        text: out.text,
        lines: out.cells,
        row: w.row.clone(),
    }
}

/// One top-level field of existing front matter: its key and its lines.
struct Block {
    key: Option<String>,
    lines: Vec<String>,
}

/// The front matter's lines, grouped by top-level field (lines before the
/// first field, comments and blank lines, form a block without key).
fn blocks(yaml: &str) -> Vec<Block> {
    let mut out: Vec<Block> = vec![Block {
        key: None,
        lines: Vec::new(),
    }];
    for line in yaml.split_inclusive('\n') {
        match top_level_key(line) {
            Some(key) => out.push(Block {
                key: Some(key),
                lines: vec![line.to_owned()],
            }),
            None => out
                .last_mut()
                .map(|b| b.lines.push(line.to_owned()))
                .unwrap_or_default(),
        }
    }
    out
}

/// The key a line starts, when it starts a top-level field (`title: …`).
fn top_level_key(line: &str) -> Option<String> {
    let first = line.chars().next()?;
    if first.is_whitespace() || matches!(first, '#' | '-' | '[' | '{' | '}' | ']') {
        return None;
    }
    let (key, _) = line.split_once(':')?;
    Some(key.trim().trim_matches(['"', '\'']).to_owned())
}

fn is_comment(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with('#') || t.contains(" #")
}

/// Whether two values mean the same: mappings compared whatever the order
/// of their keys (an update written `date, status, note` or `date, note,
/// status` is one update), lists in order.
fn same(a: Option<&Node>, b: Option<&Node>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => same_node(a, b),
        (None, None) => true,
        _ => false,
    }
}

fn same_node(a: &Node, b: &Node) -> bool {
    match (a, b) {
        (Node::Seq(a), Node::Seq(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(a, b)| same_node(a, b))
        }
        (Node::Map(a), Node::Map(b)) => {
            a.len() == b.len()
                && a.iter()
                    .all(|(k, v)| b.iter().any(|(k2, v2)| k == k2 && same_node(v, v2)))
        }
        _ => a == b,
    }
}

/// The value `f` would have once written, as the parser reads it.
fn node_of(f: &Field, value: &emit::Value) -> Option<Node> {
    let text: String = emit::field(&f.key, value)
        .into_iter()
        .map(|(l, _)| l)
        .collect();
    match yaml::parse(&text) {
        Ok(Node::Map(mut pairs)) if !pairs.is_empty() => Some(pairs.remove(0).1),
        _ => None,
    }
}

fn update(file: &SourceFile, w: &Wanted, overwrite_texts: bool) -> Result<Planned, Diagnostic> {
    let (yaml_range, _, body_range) = split_front_matter(file)?;
    let yaml_text = &file.text[yaml_range];
    let body = &file.text[body_range];
    let existing = match yaml::parse(yaml_text) {
        Ok(Node::Map(pairs)) => pairs,
        Ok(Node::Null) => Vec::new(),
        _ => return Err(unreadable(&w.rel)),
    };
    let mut blocks = blocks(yaml_text);
    let mut changed = Vec::new();
    let mut conflicts = Vec::new();
    let mut comments_lost = false;
    let mut replaced: Vec<(usize, &Field)> = Vec::new();
    let mut appended: Vec<&Field> = Vec::new();
    for f in &w.fields {
        let old = existing.iter().find(|(k, _)| *k == f.key).map(|(_, n)| n);
        let new = f.value.as_ref().and_then(|v| node_of(f, v));
        if same(old, new.as_ref()) || (w.translation && new.is_none()) {
            continue;
        }
        if w.translation && old.is_some() && !overwrite_texts {
            conflicts.push(Conflict {
                what: f.key.clone(),
                cell: first_cell(&f.origin),
            });
            continue;
        }
        changed.push(f.key.clone());
        match blocks
            .iter()
            .position(|b| b.key.as_deref() == Some(f.key.as_str()))
        {
            Some(i) => {
                comments_lost |= blocks[i].lines.iter().skip(1).any(|l| is_comment(l))
                    || is_comment(&blocks[i].lines[0]);
                replaced.push((i, f));
            }
            None => appended.push(f),
        }
    }
    let new_body = body_change(body, w, overwrite_texts, &mut changed, &mut conflicts);
    let action = if changed.is_empty() {
        Action::Unchanged
    } else {
        Action::Change(changed)
    };
    let mut out = Lines::default();
    out.push("---\n", None);
    for (i, b) in blocks.iter_mut().enumerate() {
        match replaced.iter().find(|(j, _)| *j == i) {
            Some((_, f)) => {
                if let Some(v) = &f.value {
                    out.field(f, v);
                }
                // Comment and blank lines after the field's value stay (they
                // most often introduce the next field).
                for l in trailing_comments(&b.lines) {
                    out.push(&l, None);
                }
            }
            None => {
                for l in &b.lines {
                    out.push(l, None);
                }
            }
        }
    }
    for f in appended {
        if let Some(v) = &f.value {
            out.field(f, v);
        }
    }
    out.push("---\n", None);
    match (&new_body, &w.body) {
        (Some(text), Some(cell)) => out.body(text, Some(&cell.at)),
        _ => out.body(body, None),
    }
    Ok(Planned {
        rel: w.rel.clone(),
        action,
        conflicts,
        comments_lost,
        text: out.text,
        lines: out.cells,
        row: w.row.clone(),
    })
}

/// The lines at the end of a block that are comments or blank.
fn trailing_comments(lines: &[String]) -> Vec<String> {
    let n = lines
        .iter()
        .skip(1)
        .rev()
        .take_while(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
        .count();
    lines[lines.len() - n..].to_vec()
}

/// The tables' body when it replaces the file's: the file has none, or
/// `overwrite_texts`; a different body is otherwise a conflict.
fn body_change(
    body: &str,
    w: &Wanted,
    overwrite_texts: bool,
    changed: &mut Vec<String>,
    conflicts: &mut Vec<Conflict>,
) -> Option<String> {
    let cell = w.body.as_ref()?;
    if body.trim() == cell.text.trim() {
        return None;
    }
    if body.trim().is_empty() || overwrite_texts {
        changed.push("body".into());
        return Some(cell.text.clone());
    }
    conflicts.push(Conflict {
        what: "body".into(),
        cell: cell.at.to_string(),
    });
    None
}

fn first_cell(origin: &Origin) -> String {
    cell_of(origin, None).map_or_else(String::new, |c| c.to_string())
}

fn unreadable(rel: &str) -> Diagnostic {
    Diagnostic::error(
        rel,
        "the import cannot update this file: its front matter is not a list of fields",
    )
    .expected("YAML fields (`title: …`) between two `---` lines")
    .help("run `pledgeboard check` and correct the file, then import again")
}
