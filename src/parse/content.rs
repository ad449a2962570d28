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
pub(crate) fn split_front_matter(file: &SourceFile) -> Result<(Span, usize, Span), Diagnostic> {
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
    if let Some(d) = crate::markdown::nesting_error(&file.rel, &file.text, body_range.start) {
        r.push(d);
    }
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
    let mut d = Diagnostic::error(
        &file.rel,
        format!("the front matter is not valid YAML: {}", e.message),
    );
    d.help.clone_from(&e.help);
    if e.line > 0 {
        d.at(&file.text, e.line + first_line - 1, e.column)
    } else {
        d.at(&file.text, 1, 1)
    }
}

/// A hash of a file's path and text.
fn doc_hash(fm: &FrontMatter) -> crate::memo::Fingerprint {
    use std::hash::Hash;
    let mut h = crate::memo::Fingerprinter::new();
    fm.rel.hash(&mut h);
    fm.file_text.hash(&mut h);
    h.fingerprint()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::testing::{doc, doc_error, place, source};

    /// The YAML text, its first line and the body of `text`, as split.
    fn split(text: &str) -> (String, usize, String) {
        let (yaml, first_line, body) = split_front_matter(&source("x.md", text)).unwrap();
        (text[yaml].to_owned(), first_line, text[body].to_owned())
    }

    #[test]
    fn front_matter_is_the_yaml_between_the_dash_lines() {
        assert_eq!(
            split("---\ntitle: T\n---\nBody\n"),
            ("title: T\n".into(), 2, "Body\n".into())
        );
        // `...` closes it too, and trailing spaces on the marker lines are allowed.
        assert_eq!(
            split("--- \ntitle: T\n... \nBody\n"),
            ("title: T\n".into(), 2, "Body\n".into())
        );
        // A closing line at the very end, without a line break.
        assert_eq!(split("---\na: 1\n---"), ("a: 1\n".into(), 2, "".into()));
    }

    #[test]
    fn a_file_without_dash_line_at_the_top_is_all_body() {
        assert_eq!(
            split("Body\n---\nnot: yaml\n---\n"),
            ("".into(), 1, "Body\n---\nnot: yaml\n---\n".into())
        );
        assert_eq!(split(""), ("".into(), 1, "".into()));
    }

    #[test]
    fn unclosed_front_matter_points_at_the_opening_line() {
        let d = doc_error(
            "localities/saaba/p.md",
            "---\ntitle: Patrols\npledged_by: [police]\n",
        );
        assert_eq!(
            place(&d),
            (
                "localities/saaba/p.md",
                1,
                1,
                "the front matter is not closed"
            )
        );
        assert_eq!(d.source_line.as_deref(), Some("---"));
        assert_eq!(
            d.found.as_deref(),
            Some("a `---` line that opens the front matter, and no closing `---` line")
        );
        assert_eq!(
            d.expected.as_deref(),
            Some("a second `---` line after the YAML fields, before the Markdown text")
        );
    }

    #[test]
    fn localities_and_commitments_need_front_matter_translations_and_pages_not() {
        for rel in ["localities/saaba/_index.md", "localities/saaba/p.md"] {
            let d = doc_error(rel, "Only text.\n");
            assert_eq!(place(&d), (rel, 1, 1, "this file has no front matter"));
            assert_eq!(
                d.expected.as_deref(),
                Some("YAML fields between two `---` lines at the top of the file")
            );
        }
        for rel in ["localities/saaba/p.fr.md", "_index.md", "_index.fr.md"] {
            let d = doc(rel, "Only text.\n").unwrap_or_else(|e| panic!("{rel}: {e:#?}"));
            assert_eq!(d.body(), "Only text.\n");
        }
    }

    #[test]
    fn yaml_errors_are_placed_on_the_file_line() {
        // The YAML starts on line 2: its line 2 is the file's line 3.
        let d = doc_error("pages/about.md", "---\ntitle: A\ntitle: B\n---\n");
        assert_eq!(
            place(&d),
            (
                "pages/about.md",
                3,
                1,
                "the front matter is not valid YAML: the key `title` appears twice in the same mapping"
            )
        );
        assert_eq!(d.source_line.as_deref(), Some("title: B"));
    }

    #[test]
    fn file_names_give_kind_and_language() {
        let kind = |rel: &str| classify(rel).unwrap_or_else(|d| panic!("{rel}: {d:#?}"));
        let loc = || "saaba".to_owned();
        assert_eq!(kind("_index.md"), (DocKind::Home, None));
        assert_eq!(kind("_index.ar.md"), (DocKind::Home, Some("ar".into())));
        assert_eq!(
            kind("localities/saaba/_index.fr.md"),
            (DocKind::Locality { locality: loc() }, Some("fr".into()))
        );
        assert_eq!(
            kind("localities/saaba/joint-patrols.md"),
            (
                DocKind::Commitment {
                    locality: loc(),
                    id: "joint-patrols".into()
                },
                None
            )
        );
        assert_eq!(
            kind("localities/saaba/joint-patrols.pt-br.md"),
            (
                DocKind::Commitment {
                    locality: loc(),
                    id: "joint-patrols".into()
                },
                Some("pt-br".into())
            )
        );
        assert_eq!(
            kind("pages/about.md"),
            (DocKind::Page { id: "about".into() }, None)
        );
    }

    #[test]
    fn a_name_with_an_unreadable_language_suffix() {
        for (rel, shown) in [
            ("localities/saaba/patrols..md", "`patrols..md`"),
            ("localities/saaba/patrols.FR.md", "`patrols.FR.md`"),
            ("pages/about.fr.old.md", "`about.fr.old.md`"),
        ] {
            let d = classify(rel).unwrap_err();
            // About the name: the whole file, no line.
            assert_eq!(
                place(&d),
                (
                    rel,
                    0,
                    0,
                    "cannot tell the language of this file from its name"
                )
            );
            assert_eq!(d.found.as_deref(), Some(shown));
            assert_eq!(
                d.expected.as_deref(),
                Some(
                    "`<name>.md` for the default language or `<name>.<language code>.md` for a translation, such as `saaba.fr.md`"
                )
            );
        }
    }

    #[test]
    fn ids_in_file_names_must_be_ids() {
        for (rel, message, help) in [
            (
                "localities/Jos_North/_index.md",
                "the locality id `Jos_North` has forbidden characters",
                "rename it, for example to `jos-north`",
            ),
            (
                "localities/saaba/Night Patrols.md",
                "the commitment id `Night Patrols` has forbidden characters",
                "rename it, for example to `night-patrols`",
            ),
            (
                "localities/a--b/x.md",
                "the locality id `a--b` has forbidden characters",
                "rename it, for example to `a-b`",
            ),
            (
                "pages/-about.md",
                "the page id `-about` has forbidden characters",
                "rename it, for example to `about`",
            ),
        ] {
            let d = classify(rel).unwrap_err();
            assert_eq!(place(&d), (rel, 0, 0, message));
            assert_eq!(d.expected.as_deref(), Some(ID_EXPECTED));
            assert_eq!(d.help.as_deref(), Some(help));
        }
    }

    #[test]
    fn files_outside_the_content_model_places() {
        for rel in [
            "about.md",
            "localities/saaba.md",
            "localities/saaba/old/x.md",
            "pages/team/x.md",
        ] {
            let d = classify(rel).unwrap_err();
            assert_eq!(
                place(&d),
                (
                    rel,
                    0,
                    0,
                    "this file is not in a place the content model knows"
                )
            );
        }
    }

    #[test]
    fn a_document_keeps_its_body_and_a_hash_of_path_and_text() {
        let text = "---\ntitle: About\n---\nWho we are.\n";
        let a = doc("pages/about.md", text).unwrap();
        assert_eq!(a.body(), "Who we are.\n");
        assert_eq!(a.hash, doc("pages/about.md", text).unwrap().hash);
        assert_ne!(a.hash, doc("pages/team.md", text).unwrap().hash);
        assert_ne!(
            a.hash,
            doc("pages/about.md", &text.replace("Who", "What"))
                .unwrap()
                .hash
        );
    }
}
