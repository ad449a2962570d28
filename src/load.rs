//! Load: find the files of a site directory and read them as text.
//!
//! Only the places the content model names are read (`site.yaml`, `_index*.md`,
//! `localities/`, `pages/`, `static/`, `themes/`), so an output directory
//! inside the site directory, a README or a `.git` folder are never read.
//! Text is checked to be UTF-8; a byte-order mark is dropped and CRLF line ends
//! become LF, so later stages see one form.

use crate::diag::Diagnostic;
use rayon::prelude::*;
use std::fs;
use std::path::{Path, PathBuf};

/// A text file of the site directory.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// Relative to the site directory, with `/` separators.
    pub rel: String,
    pub text: String,
}

/// What `load` found in a site directory.
#[derive(Debug, Default)]
pub struct SiteFiles {
    pub site_yaml: Option<SourceFile>,
    /// Every `.md` file of the content, sorted by path.
    pub markdown: Vec<SourceFile>,
    /// Files under `static/`, relative to it, sorted.
    pub static_files: Vec<String>,
    /// Folders under `localities/` (each should hold an `_index.md`).
    pub locality_dirs: Vec<String>,
    /// The paths of the `.md` files, sorted (what `markdown` holds, read).
    pub markdown_paths: Vec<String>,
}

/// Largest text file accepted: content files are small, and a huge one is a mistake.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// Reads the site directory at `root`. Problems are returned as diagnostics;
/// a file that cannot be read is left out of the result.
pub fn load(root: &Path) -> (SiteFiles, Vec<Diagnostic>) {
    let (mut files, mut diags) = scan(root);
    let results: Vec<Result<SourceFile, Diagnostic>> = files
        .markdown_paths
        .par_iter()
        .map(|rel| read_text(root, rel))
        .collect();
    for r in results {
        match r {
            Ok(f) => files.markdown.push(f),
            Err(d) => diags.push(d),
        }
    }
    (files, diags)
}

/// Finds the files of the site directory and reads `site.yaml`, without
/// reading the Markdown files (`markdown` stays empty; see `markdown_paths`).
pub fn scan(root: &Path) -> (SiteFiles, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut files = SiteFiles::default();
    let mut md_paths: Vec<String> = Vec::new();

    if !root.is_dir() {
        diags.push(
            Diagnostic::error(
                root.display().to_string(),
                "the site directory does not exist",
            )
            .expected("a folder with a site.yaml file"),
        );
        return (files, diags);
    }

    let site_yaml = root.join("site.yaml");
    if !link_ok(root, "site.yaml", &mut diags) {
    } else if site_yaml.is_file() {
        match read_text(root, "site.yaml") {
            Ok(f) => files.site_yaml = Some(f),
            Err(d) => diags.push(d),
        }
    } else {
        diags.push(
            Diagnostic::error("site.yaml", "the site directory has no site.yaml")
                .expected("a site.yaml with at least `title`, `base_url`, `default_language` and `languages`")
                .help(format!("is `{}` the right folder?", root.display())),
        );
    }

    for (name, kind) in list_dir(root, "", &mut diags) {
        if name.starts_with("_index.")
            && name.ends_with(".md")
            && is_kind(root, &name, kind, Want::File, &mut diags)
        {
            md_paths.push(name);
        }
    }

    // Locality folders in parallel: a national programme has thousands,
    // and each file costs a few system calls.
    let localities: Vec<(Option<String>, Vec<String>, Vec<Diagnostic>)> =
        list_dir(root, "localities", &mut diags)
            .into_par_iter()
            .map(|(loc, kind)| {
                let mut diags = Vec::new();
                let dir = format!("localities/{loc}");
                if !is_kind(root, &dir, kind, Want::Dir, &mut diags) {
                    return (None, Vec::new(), diags);
                }
                let mut paths = Vec::new();
                for (name, kind) in list_dir(root, &dir, &mut diags) {
                    let rel = format!("{dir}/{name}");
                    if name.ends_with(".md") && is_kind(root, &rel, kind, Want::File, &mut diags) {
                        paths.push(rel);
                    }
                }
                (Some(dir), paths, diags)
            })
            .collect();
    for (dir, paths, d) in localities {
        files.locality_dirs.extend(dir);
        md_paths.extend(paths);
        diags.extend(d);
    }

    for (name, kind) in list_dir(root, "pages", &mut diags) {
        let rel = format!("pages/{name}");
        if name.ends_with(".md") && is_kind(root, &rel, kind, Want::File, &mut diags) {
            md_paths.push(rel);
        }
    }

    if link_ok(root, "static", &mut diags) && root.join("static").is_dir() {
        walk_static(root, "static", "", 0, &mut files.static_files, &mut diags);
    }
    files.static_files.sort();
    md_paths.sort();
    files.locality_dirs.sort();
    files.markdown_paths = md_paths;
    (files, diags)
}

/// Is this the name of an editor's swap, backup or temporary file, or a hidden file?
pub fn is_ignored_name(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name.ends_with(".bak")
        || name.ends_with(".orig")
}

/// What a directory entry should be.
#[derive(Clone, Copy, PartialEq)]
enum Want {
    File,
    Dir,
}

/// Whether the entry `rel` of type `kind` (as its folder listed it) is a
/// file or folder as wanted. Only a symbolic link costs system calls (it is
/// checked by [`link_ok`] and followed): a national site has tens of
/// thousands of files, and asking the system about each one again was a
/// good part of loading them.
fn is_kind(
    root: &Path,
    rel: &str,
    kind: fs::FileType,
    want: Want,
    diags: &mut Vec<Diagnostic>,
) -> bool {
    if kind.is_symlink() {
        if !link_ok(root, rel, diags) {
            return false;
        }
        let path = root.join(rel);
        return match want {
            Want::File => path.is_file(),
            Want::Dir => path.is_dir(),
        };
    }
    match want {
        Want::File => kind.is_file(),
        Want::Dir => kind.is_dir(),
    }
}

/// Lists the entries of `root/rel` by name, sorted, without ignored names,
/// each with its type (without following links). A missing folder is an
/// empty list.
fn list_dir(root: &Path, rel: &str, diags: &mut Vec<Diagnostic>) -> Vec<(String, fs::FileType)> {
    let dir = root.join(rel);
    let entries = match fs::read_dir(&dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Vec::new(),
        Err(e) => {
            diags.push(Diagnostic::error(
                rel,
                format!("cannot read this folder: {e}"),
            ));
            return Vec::new();
        }
    };
    let mut names = Vec::new();
    for entry in entries.flatten() {
        // From the folder listing itself where the file system gives it.
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        match entry.file_name().into_string() {
            Ok(name) if !is_ignored_name(&name) => names.push((name, kind)),
            Ok(_) => {}
            Err(raw) => diags.push(
                Diagnostic::error(
                    format!("{rel}/{}", raw.to_string_lossy()),
                    "a file name that is not valid UTF-8",
                )
                .expected(
                    "file names in UTF-8 (ids are lowercase ASCII letters, digits and hyphens)",
                ),
            ),
        }
    }
    names.sort_by(|a, b| a.0.cmp(&b.0));
    names
}

fn walk_static(
    root: &Path,
    base: &str,
    rel: &str,
    depth: usize,
    out: &mut Vec<String>,
    diags: &mut Vec<Diagnostic>,
) {
    let here = if rel.is_empty() {
        base.to_owned()
    } else {
        format!("{base}/{rel}")
    };
    if depth > 32 {
        diags.push(
            Diagnostic::error(
                &here,
                "folders nested too deeply (is there a symbolic link loop?)",
            )
            .expected("at most 32 levels of folders under static/"),
        );
        return;
    }
    for (name, _) in list_dir(root, &here, diags) {
        let child = if rel.is_empty() {
            name.clone()
        } else {
            format!("{rel}/{name}")
        };
        let path: PathBuf = root.join(base).join(&child);
        if !link_ok(root, &format!("{base}/{child}"), diags) {
        } else if path.is_dir() {
            walk_static(root, base, &child, depth + 1, out, diags);
        } else if path.is_file() {
            out.push(child);
        } else {
            diags.push(Diagnostic::error(
                format!("{base}/{child}"),
                "a broken link or special file in static/",
            ));
        }
    }
}

/// Checks a symbolic link at `root/rel` before it is followed: it must lead
/// to a file or folder inside the site folder, and not to a folder that holds
/// it (a loop). Anything that is not a link is fine. Content from partners is
/// not trusted: a link to `/etc/passwd` must not be read into a page or an
/// error message.
fn link_ok(root: &Path, rel: &str, diags: &mut Vec<Diagnostic>) -> bool {
    let path = root.join(rel);
    let is_link = fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
    if !is_link {
        return true;
    }
    let shown = fs::read_link(&path)
        .map(|t| format!("a link to `{}`", t.display()))
        .unwrap_or_else(|_| "a symbolic link".into());
    let target = match fs::canonicalize(&path) {
        Ok(t) => t,
        Err(e) => {
            let why = if e.raw_os_error() == Some(40) {
                "a symbolic link loop: the link leads back to itself"
            } else {
                "a symbolic link that leads nowhere"
            };
            diags.push(
                Diagnostic::error(rel, why)
                    .found(shown)
                    .expected(
                        "a link to a file or folder inside the site folder, or the file itself",
                    )
                    .help(format!(
                        "remove the link or point it at an existing file: {e}"
                    )),
            );
            return false;
        }
    };
    let Ok(site) = fs::canonicalize(root) else {
        return false;
    };
    if !target.starts_with(&site) {
        diags.push(
            Diagnostic::error(rel, "a symbolic link pointing outside the site folder")
                .found(shown)
                .expected("files and folders inside the site folder only")
                .help("copy the file into the site folder instead of linking to it"),
        );
        return false;
    }
    let holder = path
        .parent()
        .and_then(|p| fs::canonicalize(p).ok())
        .unwrap_or_else(|| site.clone());
    if target.is_dir() && holder.starts_with(&target) {
        diags.push(
            Diagnostic::error(
                rel,
                "a symbolic link loop: the link leads to a folder that holds it",
            )
            .found(shown)
            .expected("a link to a file or folder that does not contain the link"),
        );
        return false;
    }
    true
}

/// Reads `root/rel` as UTF-8 text: drops a byte-order mark, turns CRLF into LF.
pub fn read_text(root: &Path, rel: &str) -> Result<SourceFile, Diagnostic> {
    use std::io::Read;
    let cannot = |e: std::io::Error| Diagnostic::error(rel, format!("cannot read this file: {e}"));
    // One open and one status of the open file: its size is checked and
    // sizes the buffer.
    let mut file = fs::File::open(root.join(rel)).map_err(cannot)?;
    let len = file.metadata().map_err(cannot)?.len();
    let too_large = |found: String| {
        Diagnostic::error(rel, "this file is too large for a content file")
            .found(found)
            .expected(format!("at most {MAX_FILE_BYTES} bytes"))
    };
    if len > MAX_FILE_BYTES {
        return Err(too_large(format!("{len} bytes")));
    }
    let mut bytes = Vec::with_capacity(len as usize + 1);
    // No more than the limit even if the file grows while it is read.
    (&mut file)
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(format!("more than {MAX_FILE_BYTES} bytes")));
    }
    decode(rel, bytes)
}

/// Turns the bytes of a content file into normalised text.
pub fn decode(rel: &str, mut bytes: Vec<u8>) -> Result<SourceFile, Diagnostic> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let bytes = e.as_bytes();
            let at = e.utf8_error().valid_up_to();
            let (line, column) =
                crate::diag::line_col(&String::from_utf8_lossy(&bytes[..at]), usize::MAX);
            let text = String::from_utf8_lossy(bytes).into_owned();
            return Err(Diagnostic::error(rel, "this file is not valid UTF-8 text")
                .at(&text, line, column)
                .found(format!("the byte 0x{:02X}", bytes[at]))
                .expected("UTF-8 text")
                .help("save the file as UTF-8 in your editor (\"Save with encoding\")"));
        }
    };
    let text = if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    };
    Ok(SourceFile {
        rel: rel.to_owned(),
        text,
    })
}
