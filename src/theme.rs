//! Theme: the templates, static files and interface strings pages are made with.
//!
//! The built-in theme (`themes/default/` of this repository) is compiled into
//! the binary, so an installed `pledgeboard` works anywhere. A site overrides
//! it file by file from `SITE_DIR/themes/<theme>/`: a file there replaces the
//! built-in file at the same relative path, and new files are added.

use crate::diag::Diagnostic;
use include_dir::{Dir, include_dir};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

static BUILT_IN: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// Where a theme file comes from.
#[derive(Clone, Debug)]
pub struct ThemeFile {
    /// A label for messages: `themes/default/templates/base.html (built in)` or a site path.
    pub label: String,
    pub bytes: Cow<'static, [u8]>,
}

/// The files of a theme, by path relative to the theme folder.
#[derive(Clone, Debug, Default)]
pub struct Theme {
    files: BTreeMap<String, ThemeFile>,
    /// The site's theme folder, when it has one.
    pub site_dir: Option<PathBuf>,
}

impl Theme {
    /// The built-in theme with the site's overrides from `SITE_DIR/themes/<name>/`.
    /// A theme name other than `default` must exist in the site directory.
    pub fn load(site_root: &Path, name: &str) -> Result<Theme, Vec<Diagnostic>> {
        let mut theme = Theme::default();
        add_built_in(&BUILT_IN, &mut theme.files);
        let dir = site_root.join("themes").join(name);
        if dir.is_dir() {
            let mut diags = Vec::new();
            add_site_files(
                &dir,
                &format!("themes/{name}"),
                "",
                0,
                &mut theme.files,
                &mut diags,
            );
            if !diags.is_empty() {
                return Err(diags);
            }
            theme.site_dir = Some(dir);
        } else if name != "default" {
            return Err(vec![
                Diagnostic::error("site.yaml", format!("the theme `{name}` does not exist"))
                    .expected(format!(
                        "a folder `themes/{name}/` in the site directory, or `theme: default`"
                    )),
            ]);
        }
        Ok(theme)
    }

    /// Feeds every file of the theme (path and content) into a hasher.
    pub fn hash_into(&self, h: &mut impl std::hash::Hasher) {
        use std::hash::Hash;
        for (k, f) in &self.files {
            k.hash(h);
            f.bytes.hash(h);
        }
    }

    /// The text of a theme file, with its label.
    pub fn text(&self, rel: &str) -> Option<(String, String)> {
        let f = self.files.get(rel)?;
        Some((
            f.label.clone(),
            String::from_utf8_lossy(&f.bytes).into_owned(),
        ))
    }

    /// Files whose path starts with `prefix`, as (path without the prefix, file).
    pub fn under<'a>(
        &'a self,
        prefix: &'a str,
    ) -> impl Iterator<Item = (&'a str, &'a ThemeFile)> + 'a {
        self.files
            .iter()
            .filter_map(move |(k, f)| k.strip_prefix(prefix).map(|rest| (rest, f)))
    }
}

/// Whether the built-in theme has interface strings in `lang`
/// (`i18n/<lang>.ftl`).
pub(crate) fn has_built_in_strings(lang: &str) -> bool {
    BUILT_IN.get_file(format!("i18n/{lang}.ftl")).is_some()
}

fn add_built_in(dir: &'static Dir<'static>, out: &mut BTreeMap<String, ThemeFile>) {
    for file in dir.files() {
        let rel = file.path().to_string_lossy().replace('\\', "/");
        out.insert(
            rel.clone(),
            ThemeFile {
                label: format!("themes/default/{rel} (built in)"),
                bytes: Cow::Borrowed(file.contents()),
            },
        );
    }
    for sub in dir.dirs() {
        add_built_in(sub, out);
    }
}

fn add_site_files(
    dir: &Path,
    label_base: &str,
    rel: &str,
    depth: usize,
    out: &mut BTreeMap<String, ThemeFile>,
    diags: &mut Vec<Diagnostic>,
) {
    if depth > 16 {
        diags.push(Diagnostic::error(
            format!("{label_base}/{rel}"),
            "theme folders nested too deeply",
        ));
        return;
    }
    let Ok(entries) = fs::read_dir(dir.join(rel)) else {
        diags.push(Diagnostic::error(
            format!("{label_base}/{rel}"),
            "cannot read this theme folder",
        ));
        return;
    };
    let mut names: Vec<String> = entries
        .flatten()
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| !crate::load::is_ignored_name(n))
        .collect();
    names.sort();
    for name in names {
        let child = if rel.is_empty() {
            name
        } else {
            format!("{rel}/{name}")
        };
        let path = dir.join(&child);
        if path.is_dir() {
            add_site_files(dir, label_base, &child, depth + 1, out, diags);
        } else {
            match fs::read(&path) {
                Ok(bytes) => {
                    out.insert(
                        child.clone(),
                        ThemeFile {
                            label: format!("{label_base}/{child}"),
                            bytes: Cow::Owned(bytes),
                        },
                    );
                }
                Err(e) => diags.push(Diagnostic::error(
                    format!("{label_base}/{child}"),
                    format!("cannot read this file: {e}"),
                )),
            }
        }
    }
}

/// A stylesheet minified with minify-html (its CSS minifier, lightningcss),
/// so a theme's CSS can be written readably and still ship small. Returns the
/// stylesheet as it is when it cannot be minified.
pub(crate) fn minify_css(css: &[u8]) -> Vec<u8> {
    let Ok(text) = std::str::from_utf8(css) else {
        return css.to_vec();
    };
    if text.contains("</style") {
        return css.to_vec();
    }
    let mut cfg = minify_html::Cfg::new();
    cfg.minify_css = true;
    let html = format!("<style>{text}</style>");
    let out = minify_html::minify(html.as_bytes(), &cfg);
    match out
        .strip_prefix(b"<style>".as_slice())
        .and_then(|o| o.strip_suffix(b"</style>".as_slice()))
    {
        Some(min) if !min.is_empty() || text.trim().is_empty() => min.to_vec(),
        _ => css.to_vec(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stylesheets_are_minified_and_keep_their_rules() {
        let css = b".fwd::after {\n  content: \" \\2192\" / \"\";\n}\n\n[dir=rtl] .card {\n  border-inline-start: 0.4rem solid #b3261e;\n}\n";
        let min = String::from_utf8(minify_css(css)).unwrap();
        assert!(min.len() < css.len(), "{min}");
        assert!(
            min.contains("[dir=rtl] .card{border-inline-start:.4rem solid #b3261e}"),
            "{min}"
        );
        assert!(min.contains("content:"), "{min}");
        // Not CSS at all: left alone.
        assert_eq!(minify_css(b"\xff\xfe"), b"\xff\xfe");
    }
}
