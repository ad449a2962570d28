//! Bundle: the whole portal as one zip file to read offline
//! (`pledgeboard bundle`), for a USB stick or a download.
//!
//! Guarantees:
//! - **The build's portal.** The content goes through the stages of
//!   `build` (same diagnostics; nothing is written when it has errors),
//!   into a private temporary folder (never the site's output folder). The
//!   zip holds every file that build wrote but the marker file and
//!   `404.html` (a page for web servers, whose links start at the server's
//!   root, which on disk is the disk's root), under one top-level folder
//!   named after the site ([`folder_name`]), with a `README.txt` telling in
//!   each language to open `index.html`.
//! - **Works unzipped anywhere.** The build's internal links are relative
//!   and end in `index.html` (ARCHITECTURE.md, "Relative links"), so from
//!   disk every link of every page leads to a file of the zip.
//! - **Deterministic.** The same content and build date give the same
//!   bytes: entries sorted by name, dated on the build date (midnight UTC),
//!   with fixed permissions (`0644`) and system (Unix), deflated by one
//!   version of the compressor; compressing in parallel keeps the order.
//! - **Whole or nothing.** The zip is written beside its place under a
//!   temporary name and renamed there only once complete
//!   (`write::write_whole`, a temporary name of its own, so two runs at once
//!   cannot mix): a failed run leaves the file that was at the path (or
//!   nothing) as it was. The path is refused inside a folder
//!   the site reads or an output folder of pledgeboard
//!   (`write::check_output_file`), and when it does not end in `.zip`.

use crate::diag::Diagnostic;
use crate::model::Config;
use crate::pipeline::{self, Checked};
use crate::{urls, write};
use jiff::civil::Date;
use rayon::prelude::*;
use std::io;
use std::path::{Path, PathBuf};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, PreparedZipFile, System, ZipWriter};

/// What to bundle, and where.
#[derive(Clone, Debug)]
pub struct Options {
    /// The site directory (with site.yaml).
    pub site_dir: PathBuf,
    /// The zip file to write.
    pub output: PathBuf,
    /// Only these languages' pages (all when empty), as if site.yaml
    /// listed only them (see [`keep_languages`]).
    pub languages: Vec<String>,
}

/// What a successful bundle holds.
#[derive(Debug)]
pub struct Bundled {
    /// Where the zip was written.
    pub zip: PathBuf,
    /// How many files it holds, and how many of them are pages.
    pub files: usize,
    pub pages: usize,
    pub languages: usize,
    /// The zip's size in bytes.
    pub bytes: u64,
    /// The build's warnings.
    pub warnings: Vec<Diagnostic>,
}

/// Why no bundle was written.
#[derive(Debug)]
pub enum BundleError {
    /// The content has errors: the build's diagnostics.
    Content(Vec<Diagnostic>),
    /// A language asked for that the site does not have.
    UnknownLanguage {
        found: String,
        /// The site's languages.
        languages: Vec<String>,
    },
    /// The output path is refused, and why.
    Output { path: PathBuf, why: String },
    /// Building into the temporary folder, reading it or writing the zip failed.
    Io {
        what: &'static str,
        path: PathBuf,
        error: io::Error,
    },
}

impl BundleError {
    /// The error as diagnostics, as the command line prints them.
    pub fn diagnostics(&self) -> Vec<Diagnostic> {
        match self {
            BundleError::Content(diags) => diags.clone(),
            // No "did you mean": two-letter codes are all near each other.
            BundleError::UnknownLanguage { found, languages } => vec![
                Diagnostic::error("--language", format!("the site has no language `{found}`"))
                    .found(format!("`{found}`"))
                    .expected(format!(
                        "{} (the languages of site.yaml)",
                        crate::diag::one_of(languages)
                    )),
            ],
            BundleError::Output { path, why } => vec![
                Diagnostic::error(path.display().to_string(), "cannot write the bundle here")
                    .help(why.clone()),
            ],
            BundleError::Io { what, path, error } => vec![Diagnostic::error(
                path.display().to_string(),
                format!("cannot {what}: {error}"),
            )],
        }
    }
}

/// Builds the site of `opts` and writes it as one zip to `opts.output`.
pub fn bundle(opts: &Options, today: Date) -> Result<Bundled, BundleError> {
    let zip_path = output_path(&opts.site_dir, &opts.output)?;
    let mut checked = pipeline::check(&opts.site_dir, today).map_err(BundleError::Content)?;
    keep_languages(&mut checked.site.config, &opts.languages)?;
    let mut top = folder_name(&checked.site.config, &opts.site_dir);
    if !opts.languages.is_empty() {
        for l in &checked.site.config.languages {
            top = format!("{top}-{}", l.code);
        }
    }
    let readme = readme(&checked);
    let languages = checked.site.config.languages.len();
    let tmp = tempfile::Builder::new()
        .prefix("pledgeboard-bundle-")
        .tempdir()
        .map_err(|e| io_error("make a temporary folder", std::env::temp_dir(), e))?;
    let portal = tmp.path().join("portal");
    let report = pipeline::build_checked(&portal, checked).map_err(BundleError::Content)?;
    let mut entries = portal_entries(&portal)?;
    if !entries.iter().any(|e| e.name == README) {
        entries.push(Entry {
            name: README.into(),
            source: Source::Bytes(readme),
        });
    }
    entries.sort_by(|a, b| a.name.cmp(&b.name));
    let stamp = write_atomically(&zip_path, &top, &entries, zip_date(today))?;
    Ok(Bundled {
        zip: zip_path,
        files: entries.len(),
        pages: entries.iter().filter(|e| e.name.ends_with(".html")).count(),
        languages,
        bytes: stamp.len,
        warnings: report.warnings,
    })
}

/// Keeps the pages of `codes` only (all languages when it is empty): the
/// build then makes pages, links, feeds, open-data columns and the root
/// picker for them alone, as if site.yaml listed only them, so that the
/// bundle has no link to a language it lacks. The default language's texts
/// still show, marked, where a kept language has no translation, and when
/// the default language is left out the first language kept stands in for
/// it where a page needs one language (the root picker, `x-default`).
fn keep_languages(config: &mut Config, codes: &[String]) -> Result<(), BundleError> {
    if codes.is_empty() {
        return Ok(());
    }
    if let Some(unknown) = codes.iter().find(|c| config.language(c).is_none()) {
        return Err(BundleError::UnknownLanguage {
            found: unknown.clone(),
            languages: config.languages.iter().map(|l| l.code.clone()).collect(),
        });
    }
    config.keep_languages(codes);
    Ok(())
}

/// The zip's path, checked: it ends in `.zip`, is not a folder, and is not
/// inside a folder the site reads nor inside an output folder.
fn output_path(site_dir: &Path, output: &Path) -> Result<PathBuf, BundleError> {
    let refused = |why: String| BundleError::Output {
        path: output.to_path_buf(),
        why,
    };
    let is_zip = output
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("zip"));
    if !is_zip {
        return Err(refused(
            "the bundle's file name must end in `.zip`, such as `portal.zip`, so that no \
             other file is replaced by mistake and readers' computers know how to open it"
                .into(),
        ));
    }
    write::check_output_file(site_dir, output, "the bundle").map_err(|r| refused(r.0))
}

fn io_error(what: &'static str, path: PathBuf, error: io::Error) -> BundleError {
    BundleError::Io { what, path, error }
}

/// The bundle's own file beside the portal: how to open it.
const README: &str = "README.txt";

/// One file of the zip, by its path inside the top-level folder.
struct Entry {
    name: String,
    source: Source,
}

enum Source {
    /// A file of the built portal.
    File(PathBuf),
    /// Bytes made here.
    Bytes(Vec<u8>),
}

/// The files of the built portal, but the marker file and the 404 page.
fn portal_entries(portal: &Path) -> Result<Vec<Entry>, BundleError> {
    let mut names = Vec::new();
    write::list_files(portal, "", &mut names)
        .map_err(|e| io_error("read the built portal", portal.to_path_buf(), e))?;
    Ok(names
        .into_iter()
        .filter(|n| n != write::MARKER && n != urls::NOT_FOUND)
        .map(|name| Entry {
            source: Source::File(portal.join(&name)),
            name,
        })
        .collect())
}

/// The top-level folder: the site's address without its scheme (as `wget
/// --mirror` names a copy of a site: `tracker.example.org`, or
/// `example.org-tracker` for `https://example.org/tracker/`), or, when
/// `base_url` is a bare path, the site folder's name.
pub(crate) fn folder_name(config: &Config, site_dir: &Path) -> String {
    let from_url = config
        .base_url
        .split_once("://")
        .map(|(_, rest)| rest.trim_end_matches('/').replace('/', "-"));
    let from_folder = || {
        site_dir
            .canonicalize()
            .ok()
            .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
    };
    let raw = from_url.or_else(from_folder).unwrap_or_default();
    let safe: String = raw
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '-'
            }
        })
        .collect();
    let safe = safe.trim_start_matches(['.', '-']);
    if safe.is_empty() {
        "portal".into()
    } else {
        safe.to_owned()
    }
}

/// `README.txt`: per language, the portal's title, where to start and the
/// date of the data. UTF-8 with a byte-order mark and CRLF line ends, so
/// that Windows' Notepad shows every script.
fn readme(checked: &Checked) -> Vec<u8> {
    let config = &checked.site.config;
    let strings = &checked.strings;
    let mut text = String::from("\u{feff}");
    for l in &config.languages {
        let (title, _) = config.title.get(&l.code);
        let date = strings.date(&l.code, &config.as_of.to_string());
        let as_of = crate::i18n::Arg::Str(date);
        text.push_str(&format!(
            "{title}\r\n{}\r\n{}\r\n\r\n",
            strings.get(&l.code, "bundle-readme", &[]),
            strings.get(&l.code, "data-as-of", &[("date", as_of)]),
        ));
    }
    text.into_bytes()
}

/// The entries' date: the build date at midnight (UTC), or 1980-01-01, the
/// format's first day, for an earlier build date.
fn zip_date(today: Date) -> DateTime {
    let (y, m, d) = (today.year(), today.month(), today.day());
    u16::try_from(y)
        .ok()
        .and_then(|y| DateTime::from_date_and_time(y, m as u8, d as u8, 0, 0, 0).ok())
        .unwrap_or(DateTime::DEFAULT)
}

/// Writes the zip of `entries` under the folder `top` to `path`, atomically.
fn write_atomically(
    path: &Path,
    top: &str,
    entries: &[Entry],
    date: DateTime,
) -> Result<write::Stamp, BundleError> {
    write::write_whole(path, |w| write_zip(w, top, entries, date))
        .map_err(|e| io_error("write the bundle", path.to_path_buf(), e))
}

/// How many files are compressed at once (in parallel) before they are
/// written in order: bounds the memory held to that many compressed files.
const BATCH: usize = 64;

/// Writes `entries` as a zip archive into `w`, each under `top/`.
fn write_zip<W: io::Write + io::Seek>(
    w: W,
    top: &str,
    entries: &[Entry],
    date: DateTime,
) -> io::Result<()> {
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(date)
        .system(System::Unix)
        .unix_permissions(0o644);
    let mut zip = ZipWriter::new(w);
    for batch in entries.chunks(BATCH) {
        let prepared = batch
            .par_iter()
            .map(|e| {
                let name = format!("{top}/{}", e.name);
                match &e.source {
                    Source::File(p) => PreparedZipFile::from_path(name, p, options),
                    Source::Bytes(b) => PreparedZipFile::from_data(name, options, b),
                }
            })
            .collect::<Result<Vec<_>, _>>()?;
        for file in prepared {
            zip.add_prepared_file(file)?;
        }
    }
    zip.finish()?;
    Ok(())
}

/// A size as people read it: `850 bytes`, `12.4 KB`, `4.2 MB`, `1.1 GB`
/// (units of 1,000).
pub fn human_size(bytes: u64) -> String {
    let units = [("GB", 1e9), ("MB", 1e6), ("KB", 1e3)];
    match units.iter().find(|(_, n)| bytes as f64 >= *n) {
        Some((unit, n)) => format!("{:.1} {unit}", bytes as f64 / n),
        None => format!("{bytes} bytes"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn entry(name: &str, source: Source) -> Entry {
        Entry {
            name: name.into(),
            source,
        }
    }

    #[test]
    fn a_zip_that_cannot_be_made_leaves_the_file_before_it() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let zip = dir.path().join("portal.zip");
        std::fs::write(&zip, b"the bundle before").expect("written");
        // A file listed but gone when its turn comes: the write fails half way.
        let entries = [
            entry("index.html", Source::Bytes(b"<p>root</p>".to_vec())),
            entry("style.css", Source::File(dir.path().join("gone.css"))),
        ];
        let failed = write_atomically(&zip, "site", &entries, DateTime::DEFAULT);
        assert!(matches!(failed, Err(BundleError::Io { .. })));
        assert_eq!(
            std::fs::read(&zip).expect("still there"),
            b"the bundle before"
        );
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .expect("the folder")
            .map(|e| e.expect("an entry").file_name())
            .collect();
        assert_eq!(names, ["portal.zip"], "no temporary file is left");
    }

    #[test]
    fn entries_go_under_the_top_folder_in_the_given_order() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let zip = dir.path().join("out/portal.zip");
        let entries: Vec<Entry> = (0..BATCH * 2 + 3)
            .map(|i| entry(&format!("{i:03}.html"), Source::Bytes(vec![b'x'; i])))
            .collect();
        write_atomically(&zip, "site", &entries, DateTime::DEFAULT).expect("written");
        let bytes = std::fs::read(&zip).expect("a zip");
        let mut archive = zip::ZipArchive::new(io::Cursor::new(bytes)).expect("readable");
        for (i, e) in entries.iter().enumerate() {
            let mut f = archive.by_index(i).expect("an entry");
            assert_eq!(f.name().expect("a name"), format!("site/{}", e.name));
            let mut data = Vec::new();
            f.read_to_end(&mut data).expect("its bytes");
            assert_eq!(data.len(), i);
        }
    }

    #[test]
    fn the_folder_is_named_after_the_site_address() {
        let mut config = crate::parse::testing::config_ok(&crate::parse::testing::site_yaml(""));
        let here = Path::new(".");
        assert_eq!(folder_name(&config, here), "tracker.example.org");
        config.base_url = "https://example.org:8080/tracker/".into();
        assert_eq!(folder_name(&config, here), "example.org-8080-tracker");
        config.base_url = "/".into();
        let dir = tempfile::tempdir().expect("a temporary folder");
        let site = dir.path().join("saaba-tracker");
        std::fs::create_dir(&site).expect("a folder");
        assert_eq!(folder_name(&config, &site), "saaba-tracker");
    }

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(human_size(850), "850 bytes");
        assert_eq!(human_size(12_400), "12.4 KB");
        assert_eq!(human_size(4_200_000), "4.2 MB");
        assert_eq!(human_size(1_130_000_000), "1.1 GB");
    }
}
