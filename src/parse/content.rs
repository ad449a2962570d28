//! A content file (Markdown with YAML front matter): splitting the front
//! matter from the body, telling from the file's path what it is (its
//! [`DocKind`] and language), and [`parse_doc`], which reads the typed fields
//! (see `fields`) into a [`Doc`].

use super::reader::Reader;
use super::{Doc, DocKind, Fields, FrontMatter, ID_EXPECTED, is_id, is_lang_code, suggest_id};
use crate::diag::Diagnostic;
use crate::load::SourceFile;
use crate::yaml;
use std::sync::Arc;

/// A range of bytes in a file's text.
type Span = std::ops::Range<usize>;

/// Splits a file into its front matter (YAML text and the line it starts on)
/// and its body. A file without front matter has an empty one.
fn split_front_matter(file: &SourceFile) -> Result<(Span, usize, Span), Diagnostic> {
    let text = &file.text;
    let first = text.lines().next().unwrap_or("");
    if first.trim_end() != "---" {
        return Ok((0..0, 1, 0..text.len()));
    }
    let mut offset = first.len() + 1;
    for line in text.get(offset..).unwrap_or("").split_inclusive('\n') {
        let bare = line.trim_end();
        if bare == "---" || bare == "..." {
            let yaml = (first.len() + 1).min(offset)..offset;
            let body = (offset + line.len()).min(text.len())..text.len();
            return Ok((yaml, 2, body));
        }
        offset += line.len();
    }
    Err(
        Diagnostic::error(&file.rel, "the front matter is not closed")
            .at(text, 1, 1)
            .found("a `---` line that opens the front matter, and no closing `---` line")
            .expected("a second `---` line after the YAML fields, before the Markdown text"),
    )
}

/// Works out what a Markdown file is from its path: kind and language.
fn classify(rel: &str) -> Result<(DocKind, Option<String>), Diagnostic> {
    let parts: Vec<&str> = rel.split('/').collect();
    let file_name = parts[parts.len() - 1];
    let stem = file_name.strip_suffix(".md").unwrap_or(file_name);
    let (name, lang) = match stem.split_once('.') {
        None => (stem, None),
        Some((name, lang)) => {
            if lang.contains('.') || !is_lang_code(lang) {
                return Err(Diagnostic::error(rel, "cannot tell the language of this file from its name")
                    .found(format!("`{file_name}`"))
                    .expected("`<name>.md` for the default language or `<name>.<language code>.md` for a translation, such as `saaba.fr.md`"));
            }
            (name, Some(lang.to_owned()))
        }
    };
    let check_id = |id: &str, what: &str| -> Result<String, Diagnostic> {
        if is_id(id) {
            Ok(id.to_owned())
        } else {
            Err(Diagnostic::error(
                rel,
                format!("the {what} id `{id}` has forbidden characters"),
            )
            .found(format!("`{id}`"))
            .expected(ID_EXPECTED)
            .help(format!("rename it, for example to `{}`", suggest_id(id))))
        }
    };
    let kind = match parts.as_slice() {
        [_] if name == "_index" => DocKind::Home,
        ["localities", loc, _] if name == "_index" => DocKind::Locality {
            locality: check_id(loc, "locality")?,
        },
        ["localities", loc, _] => DocKind::Commitment {
            locality: check_id(loc, "locality")?,
            id: check_id(name, "commitment")?,
        },
        ["pages", _] => DocKind::Page {
            id: check_id(name, "page")?,
        },
        _ => {
            return Err(Diagnostic::error(rel, "this file is not in a place the content model knows")
                .expected("`_index.md`, `localities/<locality>/_index.md`, `localities/<locality>/<commitment>.md` or `pages/<page>.md`"));
        }
    };
    Ok((kind, lang))
}

/// Parses one Markdown file of the content.
pub fn parse_doc(file: &SourceFile) -> Result<Doc, Vec<Diagnostic>> {
    let (kind, lang) = classify(&file.rel).map_err(|d| vec![d])?;
    let (yaml_range, first_line, body_range) = split_front_matter(file).map_err(|d| vec![d])?;
    let fm = Arc::new(FrontMatter::new(
        &file.rel, &file.text, yaml_range, first_line,
    ));
    let root = yaml::parse(fm.yaml()).map_err(|e| vec![yaml_error(file, first_line, &e)])?;
    let needs_front_matter = matches!(kind, DocKind::Locality { .. } | DocKind::Commitment { .. });
    if fm.yaml_range.is_empty() && needs_front_matter && lang.is_none() {
        return Err(vec![
            Diagnostic::error(&file.rel, "this file has no front matter")
                .at(&file.text, 1, 1)
                .expected("YAML fields between two `---` lines at the top of the file"),
        ]);
    }
    let mut r = Reader::new(&fm, lang.is_some());
    let fields = match &kind {
        DocKind::Home => Fields::Home(r.page(&root, false)),
        DocKind::Page { .. } => Fields::Page(r.page(&root, lang.is_none())),
        DocKind::Locality { .. } => Fields::Locality(r.locality(&root)),
        DocKind::Commitment { .. } => Fields::Commitment(Box::new(r.commitment(&root))),
    };
    if !r.is_clean() {
        return Err(r.finish());
    }
    let hash = doc_hash(&fm);
    Ok(Doc {
        kind,
        lang,
        fields,
        body_range,
        fm,
        hash,
    })
}

/// The diagnostic of front matter that is not valid YAML, placed on the
/// file's line (the YAML starts on `first_line`).
fn yaml_error(file: &SourceFile, first_line: usize, e: &yaml::YamlError) -> Diagnostic {
    let d = Diagnostic::error(
        &file.rel,
        format!("the front matter is not valid YAML: {}", e.message),
    );
    if e.line > 0 {
        d.at(&file.text, e.line + first_line - 1, e.column)
    } else {
        d.at(&file.text, 1, 1)
    }
}

/// A hash of a file's path and text.
fn doc_hash(fm: &FrontMatter) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    fm.rel.hash(&mut h);
    fm.file_text.hash(&mut h);
    h.finish()
}
