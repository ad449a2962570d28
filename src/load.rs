//! Load: find the files of a site directory and read them as text.
//!
//! Only the places the content model names are read (`site.yaml`, `_index*.md`,
//! `localities/`, `pages/`, `static/`, `themes/`), so an output directory
//! inside the site directory, a README or a `.git` folder are never read.
//! Text is checked to be UTF-8; a byte-order mark is dropped and CRLF line ends
//! become LF, so later stages see one form. The private-use characters
//! rendering uses as marks ([`crate::text::marks`]) are removed from every
//! text read, with a warning: content cannot forge them.
//!
//! What is refused, each with a diagnostic naming the file: files over
//! [`MAX_FILE_BYTES`] (unread), text that is not UTF-8 (with the line and
//! column of the first bad byte), symbolic links that loop or lead outside
//! the site folder, file names that are not UTF-8. Hidden files and
//! editors' swap and backup files are ignored ([`is_ignored_name`]), but
//! under `static/`, where only editors' and systems' own files are
//! ([`is_editor_file`]): hosts need `.nojekyll` and `.well-known/`.
//!
//! What is not read gets a warning naming the file and why: a Markdown
//! file in a folder inside a locality's folder or `pages/`, one whose
//! extension is not `.md` (`.MD`, `.markdown`), and an `i18n/<lang>.ftl`
//! for a language the site does not have ([`stray_strings`]).

use crate::diag::Diagnostic;
use crate::text::RemovedMarks;
use rayon::prelude::*;
use std::fs;
use std::path::{Path, PathBuf};

/// A text file of the site directory.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// Relative to the site directory, with `/` separators.
    pub rel: String,
    pub text: String,
    /// Problems that did not stop the file from being read (marks removed
    /// from its text). [`load`] and [`scan`] move them into their
    /// diagnostics; other callers of [`read_text`] must report them.
    pub warnings: Vec<Diagnostic>,
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
            Ok(mut f) => {
                diags.append(&mut f.warnings);
                files.markdown.push(f);
            }
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
            Ok(mut f) => {
                diags.append(&mut f.warnings);
                files.site_yaml = Some(f);
            }
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
        if !name.starts_with("_index.") {
        } else if name.ends_with(".md") && is_kind(root, &name, kind, Want::File, &mut diags) {
            md_paths.push(name);
        } else {
            diags.extend(misnamed(&name));
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
                let paths = content_files(root, &dir, &mut diags);
                (Some(dir), paths, diags)
            })
            .collect();
    for (dir, paths, d) in localities {
        files.locality_dirs.extend(dir);
        md_paths.extend(paths);
        diags.extend(d);
    }

    md_paths.extend(content_files(root, "pages", &mut diags));

    if link_ok(root, "static", &mut diags) && root.join("static").is_dir() {
        walk_static(root, "static", "", 0, &mut files.static_files, &mut diags);
    }
    files.static_files.sort();
    md_paths.sort();
    files.locality_dirs.sort();
    files.markdown_paths = md_paths;
    (files, diags)
}

/// Is this the name of an editor's swap, backup or temporary file, or a
/// hidden file? Such files are never content.
pub fn is_ignored_name(name: &str) -> bool {
    name.starts_with('.') || is_editor_file(name)
}

/// Is this the name of an editor's or a system's own file, never published
/// from `static/` (where other hidden files are: `.nojekyll`, `.well-known/`)?
/// Editors' swap, lock, backup and temporary files (`.*.swp`, `.*.swx`,
/// `.#*`, `#*`, `*~`, `*.tmp`, `*.bak`, `*.orig`), `.DS_Store`, version
/// control folders (`.git`, `.svn`, `.hg`) and pledgeboard's own names
/// (`.pledgeboard-*`).
pub fn is_editor_file(name: &str) -> bool {
    const SYSTEM: &[&str] = &[".DS_Store", ".git", ".svn", ".hg"];
    SYSTEM.contains(&name)
        || name.starts_with(".pledgeboard-")
        || name.starts_with(".#")
        || name.starts_with('#')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name.ends_with(".bak")
        || name.ends_with(".orig")
}

/// Is a change to `rel` (relative to the site folder) one a build never
/// reads? Hidden and editors' files anywhere, but under `static/`, where
/// only editors' files are ([`is_editor_file`]).
pub fn is_ignored_path(rel: &Path) -> bool {
    let names: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let skip: fn(&str) -> bool = if names.first().is_some_and(|n| n == "static") {
        is_editor_file
    } else {
        is_ignored_name
    };
    names.iter().any(|n| skip(n))
}

/// The `.md` files of the folder `dir` (a locality's, or `pages`), with a
/// warning for each file there or in a folder inside it that looks like
/// content but is not read.
fn content_files(root: &Path, dir: &str, diags: &mut Vec<Diagnostic>) -> Vec<String> {
    let mut paths = Vec::new();
    for (name, kind) in list_dir(root, dir, diags) {
        let rel = format!("{dir}/{name}");
        if name.ends_with(".md") && is_kind(root, &rel, kind, Want::File, diags) {
            paths.push(rel);
        } else if kind.is_dir() {
            nested_content(root, &rel, dir, 0, diags);
        } else {
            diags.extend(misnamed(&rel));
        }
    }
    paths
}

/// Whether a file name looks like Markdown (`.md`, `.markdown`, any case).
fn looks_like_markdown(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".md") || lower.ends_with(".markdown")
}

/// A warning for a file `rel` that looks like Markdown content but is not
/// read because of its extension (`.MD`, `.markdown`).
fn misnamed(rel: &str) -> Option<Diagnostic> {
    if !looks_like_markdown(rel) || rel.ends_with(".md") {
        return None;
    }
    let dot = rel.rfind('.')?;
    let (stem, ext) = rel.split_at(dot);
    let name = stem.rsplit('/').next().unwrap_or(stem);
    Some(
        Diagnostic::warning(rel, "this file is not read: content files end in `.md`")
            .found(format!("the extension `{ext}`"))
            .help(format!("rename it to `{name}.md` to publish it")),
    )
}

/// Warns about each Markdown file in the folder `rel` (and the folders
/// inside it), which is inside the content folder `place`: only the files
/// directly in `place` are read.
fn nested_content(root: &Path, rel: &str, place: &str, depth: usize, diags: &mut Vec<Diagnostic>) {
    if depth > 32 {
        return;
    }
    for (name, kind) in list_dir(root, rel, diags) {
        let child = format!("{rel}/{name}");
        if kind.is_dir() {
            nested_content(root, &child, place, depth + 1, diags);
        } else if looks_like_markdown(&name) {
            diags.push(
                Diagnostic::warning(
                    child,
                    format!("this file is not read: content files go directly in `{place}/`, not in a folder inside it"),
                )
                .help(format!("to publish it, move it to `{place}/{name}`")),
            );
        }
    }
}

/// The site's `i18n/*.ftl` files for a language the site does not have
/// (`codes`), each with a warning: they are not read.
pub fn stray_strings(root: &Path, codes: &[String]) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for (name, _) in list_dir(root, "i18n", &mut diags) {
        let Some(lang) = name.strip_suffix(".ftl") else {
            continue;
        };
        if !codes.iter().any(|c| c == lang) {
            diags.push(
                Diagnostic::warning(
                    format!("i18n/{name}"),
                    format!("this file is not read: `{lang}` is not one of the site's languages"),
                )
                .expected(crate::diag::one_of(codes))
                .help("add the language to `languages` in site.yaml, or rename the file"),
            );
        }
    }
    diags
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

/// Lists the entries of `root/rel` by name, sorted, without ignored names
/// ([`is_ignored_name`]), each with its type (without following links). A
/// missing folder is an empty list.
fn list_dir(root: &Path, rel: &str, diags: &mut Vec<Diagnostic>) -> Vec<(String, fs::FileType)> {
    list_dir_without(root, rel, is_ignored_name, diags)
}

/// [`list_dir`], without the names `skip` says.
fn list_dir_without(
    root: &Path,
    rel: &str,
    skip: fn(&str) -> bool,
    diags: &mut Vec<Diagnostic>,
) -> Vec<(String, fs::FileType)> {
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
            Ok(name) if !skip(&name) => names.push((name, kind)),
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
    for (name, _) in list_dir_without(root, &here, is_editor_file, diags) {
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
            diags.extend(svg_script(&path, &format!("{base}/{child}")));
            out.push(child);
        } else {
            diags.push(Diagnostic::error(
                format!("{base}/{child}"),
                "a broken link or special file in static/",
            ));
        }
    }
}

/// A warning for the static file `path` (`rel` in the site) when it is an
/// SVG image with a script in it (see [`crate::svg`]): the script runs
/// when a reader opens the file.
fn svg_script(path: &Path, rel: &str) -> Option<Diagnostic> {
    use std::io::Read;
    if !rel.to_ascii_lowercase().ends_with(".svg") {
        return None;
    }
    let mut bytes = Vec::new();
    let file = fs::File::open(path).ok()?;
    file.take(MAX_FILE_BYTES).read_to_end(&mut bytes).ok()?;
    let text = String::from_utf8_lossy(&bytes);
    let (at, script) = crate::svg::first_script(&text)?;
    let (line, column) = crate::diag::line_col(&text, at);
    Some(
        Diagnostic::warning(
            rel,
            "this SVG image holds a script, which runs when a reader opens the file",
        )
        .at(&text, line, column)
        .found(script.to_string())
        .expected("an image without scripts, event attributes or `javascript:` links")
        .help("remove the script (or save the image as PNG) unless you wrote it and trust it"),
    )
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

/// Turns the bytes of a content file into normalised text: UTF-8 checked,
/// byte-order mark dropped, CRLF and lone CR made LF, marks removed (with a
/// warning in [`SourceFile::warnings`]).
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
    let (text, warnings) = match crate::text::remove_marks(&text) {
        None => (text, Vec::new()),
        Some((kept, removed)) => {
            let warning = marks_removed(rel, &text, &kept, &removed);
            (kept, vec![warning])
        }
    };
    Ok(SourceFile {
        rel: rel.to_owned(),
        text,
        warnings,
    })
}

/// The warning for marks removed from `text` (leaving `kept`), placed at
/// the first one: lines and columns before it are the same in both texts,
/// and the line shown is the one without the invisible characters.
fn marks_removed(rel: &str, text: &str, kept: &str, removed: &RemovedMarks) -> Diagnostic {
    let (line, column) = crate::diag::line_col(text, removed.first);
    let which: Vec<String> = removed
        .which
        .iter()
        .map(|c| format!("U+{:04X}", u32::from(*c)))
        .collect();
    let (n, s) = (removed.count, if removed.count == 1 { "" } else { "s" });
    Diagnostic::warning(
        rel,
        format!(
            "{n} private-use character{s} ({}) removed: pledgeboard uses them internally",
            which.join(", ")
        ),
    )
    .at(kept, line, column)
    .help("these characters show nothing; if the text was pasted from elsewhere, nothing visible is lost")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A site folder with `files` (path, bytes), in a temporary folder that
    /// also holds `outside.md` beside it.
    fn site(files: &[(&str, &[u8])]) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        for (rel, bytes) in files {
            let path = root.join(rel);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, bytes).unwrap();
        }
        fs::write(dir.path().join("outside.md"), "---\ntitle: secret\n---\n").unwrap();
        (dir, root)
    }

    /// Each diagnostic as the command line prints its first line.
    fn shown(diags: &[Diagnostic]) -> Vec<String> {
        diags
            .iter()
            .map(|d| d.to_string().lines().next().unwrap().to_owned())
            .collect()
    }

    #[test]
    fn only_the_places_of_the_content_model_are_read() {
        let md: &[u8] = b"---\ntitle: x\n---\n";
        let (_dir, root) = site(&[
            ("site.yaml", b"title: x\n"),
            ("_index.md", md),
            ("_index.fr.md", md),
            ("README.md", md),
            ("notes.md", md),
            ("public/en/index.md", md),
            (".git/x.md", md),
            ("localities/saaba/_index.md", md),
            ("localities/saaba/joint-patrols.md", md),
            ("localities/saaba/.joint-patrols.md.swp", md),
            ("localities/saaba/joint-patrols.md~", md),
            ("localities/saaba/#joint-patrols.md#", md),
            ("localities/saaba/draft.md.bak", md),
            ("localities/saaba/notes.txt", md),
            ("localities/saaba/old/nested.md", md),
            ("pages/about.md", md),
            ("pages/.hidden.md", md),
            ("static/img/plan.png", b"png"),
            ("static/img/plan.png~", b"png"),
            ("static/img/plan.png.orig", b"png"),
            ("static/.DS_Store", b""),
        ]);
        let (files, diags) = load(&root);
        assert_eq!(
            shown(&diags),
            [
                "warning: localities/saaba/old/nested.md: this file is not read: content files go \
              directly in `localities/saaba/`, not in a folder inside it"
            ]
        );
        let read: Vec<&str> = files.markdown.iter().map(|f| f.rel.as_str()).collect();
        assert_eq!(
            read,
            [
                "_index.fr.md",
                "_index.md",
                "localities/saaba/_index.md",
                "localities/saaba/joint-patrols.md",
                "pages/about.md"
            ]
        );
        assert_eq!(files.site_yaml.unwrap().text, "title: x\n");
        assert_eq!(files.static_files, ["img/plan.png"]);
        assert_eq!(files.locality_dirs, ["localities/saaba"]);
    }

    #[test]
    fn a_change_to_a_static_dotfile_matters_but_not_to_an_editor_file() {
        let ignored = |p: &str| is_ignored_path(Path::new(p));
        assert!(!ignored("static/.nojekyll"));
        assert!(!ignored("static/.well-known/security.txt"));
        assert!(!ignored("localities/saaba/gate.md"));
        for p in [
            "static/.DS_Store",
            "static/img/.plan.png.swp",
            "static/.git/config",
            "static/.#plan.txt",
            "localities/saaba/.gate.md.swp",
            ".git/index",
            "pages/.draft.md",
        ] {
            assert!(ignored(p), "{p}");
        }
    }

    #[test]
    fn text_that_is_not_utf_8_is_refused_at_its_first_bad_byte() {
        let err = decode(
            "pages/about.md",
            b"---\ntitle: Caf\xE9 \xFF\n---\n".to_vec(),
        )
        .unwrap_err();
        assert_eq!(
            err.to_string().lines().next().unwrap(),
            "error: pages/about.md:2:11: this file is not valid UTF-8 text"
        );
        assert_eq!(err.found.as_deref(), Some("the byte 0xE9"));
    }

    #[test]
    fn byte_order_mark_and_crlf_become_plain_text() {
        let f = decode(
            "a.md",
            b"\xEF\xBB\xBF---\r\ntitle: x\r\n---\rBody\r\n".to_vec(),
        )
        .unwrap();
        assert_eq!(f.text, "---\ntitle: x\n---\nBody\n");
        assert!(f.warnings.is_empty());
        // A BOM is dropped only at the start.
        let f = decode("a.md", "a\u{FEFF}b".as_bytes().to_vec()).unwrap();
        assert_eq!(f.text, "a\u{FEFF}b");
    }

    #[test]
    fn files_over_the_size_limit_are_refused_unread() {
        let (_dir, root) = site(&[("pages/about.md", b"")]);
        let file = fs::File::options()
            .write(true)
            .open(root.join("pages/about.md"))
            .unwrap();
        file.set_len(MAX_FILE_BYTES + 1).unwrap();
        let err = read_text(&root, "pages/about.md").unwrap_err();
        assert_eq!(
            err.to_string(),
            "error: pages/about.md: this file is too large for a content file\n  \
             found: 8388609 bytes\n  expected: at most 8388608 bytes\n"
        );
        file.set_len(MAX_FILE_BYTES).unwrap();
        assert!(
            read_text(&root, "pages/about.md").is_ok(),
            "the limit itself is accepted"
        );
    }

    #[cfg(unix)]
    #[test]
    fn symbolic_links_that_loop_or_leave_the_site_are_refused() {
        use std::os::unix::fs::symlink;
        let md: &[u8] = b"---\ntitle: x\n---\n";
        let (dir, root) = site(&[
            ("site.yaml", b"title: x\n"),
            ("localities/saaba/_index.md", md),
            ("static/a.png", b"png"),
        ]);
        let saaba = root.join("localities/saaba");
        symlink(saaba.join("self.md"), saaba.join("self.md")).unwrap();
        symlink(dir.path().join("outside.md"), saaba.join("out.md")).unwrap();
        symlink(saaba.join("_index.md"), saaba.join("same.md")).unwrap();
        symlink(root.join("static"), root.join("static/again")).unwrap();
        let (files, diags) = load(&root);
        let outside = dir.path().join("outside.md");
        assert_eq!(
            shown(&diags),
            [
                "error: localities/saaba/out.md: a symbolic link pointing outside the site folder",
                "error: localities/saaba/self.md: a symbolic link loop: the link leads back to itself",
                "error: static/again: a symbolic link loop: the link leads to a folder that holds it",
            ]
        );
        assert_eq!(
            diags[0].found.as_deref(),
            Some(format!("a link to `{}`", outside.display()).as_str())
        );
        let read: Vec<&str> = files.markdown.iter().map(|f| f.rel.as_str()).collect();
        assert_eq!(
            read,
            ["localities/saaba/_index.md", "localities/saaba/same.md"]
        );
        assert!(files.markdown.iter().all(|f| !f.text.contains("secret")));
    }

    #[test]
    fn marks_are_removed_with_a_warning_at_the_first() {
        let text = "---\ntitle: Joint\u{E00F} patrols\u{E00F}\nsummary: \u{E000}\n---\n";
        let f = decode(
            "localities/saaba/joint-patrols.md",
            text.as_bytes().to_vec(),
        )
        .unwrap();
        assert_eq!(f.text, "---\ntitle: Joint patrols\nsummary: \n---\n");
        assert_eq!(
            f.warnings
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>(),
            [
                "warning: localities/saaba/joint-patrols.md:2:13: 3 private-use characters \
              (U+E000, U+E00F) removed: pledgeboard uses them internally\n  \
              2 | title: Joint patrols\n    |             ^\n  \
              help: these characters show nothing; if the text was pasted from elsewhere, \
              nothing visible is lost\n"
            ]
        );
        let one = decode("site.yaml", "a: \u{E001}".as_bytes().to_vec()).unwrap();
        assert_eq!(
            one.warnings[0].message,
            "1 private-use character (U+E001) removed: pledgeboard uses them internally"
        );
        // `load` and `scan` report them with the other diagnostics.
        let (_dir, root) = site(&[
            ("site.yaml", "title: \u{E00F}\n".as_bytes()),
            ("pages/about.md", "---\ntitle: \u{E00F}\n---\n".as_bytes()),
        ]);
        let (files, mut diags) = load(&root);
        crate::diag::sort(&mut diags);
        assert_eq!(
            shown(&diags),
            [
                "warning: pages/about.md:2:8: 1 private-use character (U+E00F) removed: pledgeboard uses them internally",
                "warning: site.yaml:1:8: 1 private-use character (U+E00F) removed: pledgeboard uses them internally",
            ]
        );
        assert_eq!(files.site_yaml.unwrap().text, "title: \n");
    }
}
