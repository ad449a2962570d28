//! The build, stage by stage: load, parse, validate, derive, render, write.
//!
//! `check` runs the stages up to derive; `build` runs them all. Every stage
//! reports all of its problems; a build stops before writing anything when
//! any stage found an error, so the previous output stays as it was.

use crate::derive::{self, Coverage, Derived};
use crate::diag::{self, Diagnostic};
use crate::export;
use crate::feeds;
use crate::i18n::{MissingStrings, Strings};
use crate::load;
use crate::model::Site;
use crate::parse;
use crate::render::{self, Page, Renderer};
use crate::theme::Theme;
use crate::urls;
use crate::validate::{self, Inputs};
use crate::write::{self, Staging};
use jiff::civil::Date;
use rayon::prelude::*;
use std::collections::hash_map::DefaultHasher;
use std::collections::{BTreeMap, HashMap};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU8, Ordering};
use std::time::{Duration, Instant};

/// A site that passed validation, with what rendering needs.
pub struct Checked {
    pub site: Site,
    pub derived: Derived,
    pub theme: Theme,
    pub strings: Arc<Strings>,
    pub tera: Arc<render::Templates>,
    /// Warnings found on the way.
    pub warnings: Vec<Diagnostic>,
    /// Changes whenever anything every page depends on changes: site.yaml,
    /// the theme, interface strings, free pages (navigation), home text, build date.
    pub fingerprint: u64,
}

/// What a successful build did.
#[derive(Debug)]
pub struct Report {
    pub output: PathBuf,
    pub pages: usize,
    /// How many pages were rendered (all of them, except in an incremental rebuild).
    pub rendered: usize,
    pub files: usize,
    pub languages: usize,
    pub commitments: usize,
    pub localities: usize,
    pub coverage: Vec<Coverage>,
    /// Interface strings each language lacks (shown in a fallback language).
    pub interface: Vec<MissingStrings>,
    pub warnings: Vec<Diagnostic>,
    pub elapsed: Duration,
}

/// The date a build is made on: `SOURCE_DATE_EPOCH` when set, else today (UTC).
pub fn build_date() -> Date {
    let ts = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .and_then(|secs| jiff::Timestamp::from_second(secs).ok())
        .unwrap_or_else(jiff::Timestamp::now);
    ts.to_zoned(jiff::tz::TimeZone::UTC).date()
}

/// Loads, parses and validates a site directory, and prepares its theme.
/// Returns every problem found when there is any error.
/// Prints the time since the last lap to stderr when `PLEDGEBOARD_TIMINGS` is
/// set: a cheap profile of the stages, for benchmarks.
fn lap(label: &str, since: &mut Instant) {
    if std::env::var_os("PLEDGEBOARD_TIMINGS").is_some() {
        // Resident memory now, from /proc (Linux); 0 elsewhere.
        let rss_mb = std::fs::read_to_string("/proc/self/statm")
            .ok()
            .and_then(|s| s.split_whitespace().nth(1)?.parse::<u64>().ok())
            .map_or(0, |pages| pages * 4096 / (1 << 20));
        eprintln!(
            "timing: {label:<10} {:>8.1} ms  (resident {rss_mb} MB)",
            since.elapsed().as_secs_f64() * 1000.0,
        );
    }
    *since = Instant::now();
}

pub fn check(site_dir: &Path, today: Date) -> Result<Checked, Vec<Diagnostic>> {
    let mut t = Instant::now();
    let (mut files, mut diags) = load::load(site_dir);
    lap("load", &mut t);

    // Each file's text is dropped once parsed: a parsed document keeps what
    // it needs, and a national programme's texts are hundreds of megabytes.
    let markdown = std::mem::take(&mut files.markdown);
    let parsed: Vec<Result<parse::Doc, Vec<Diagnostic>>> = markdown
        .into_par_iter()
        .map(|f| parse::parse_doc(&f))
        .collect();
    let mut docs = Vec::with_capacity(parsed.len());
    for p in parsed {
        match p {
            Ok(doc) => docs.push(Arc::new(doc)),
            Err(d) => diags.extend(d),
        }
    }
    lap("parse", &mut t);
    assemble(site_dir, today, &files, docs, diags, None)
}

/// What a session keeps for `assemble` between rebuilds: the commitments as
/// checked, and the interface strings with the templates compiled for them,
/// by a hash of everything they are made from (site.yaml, the theme, the
/// site's .ftl files): compiling a copy of the templates per language takes
/// longer than the rest of a small rebuild.
#[derive(Default)]
pub struct AssembleCache {
    pub validated: validate::Cache,
    strings: Option<(u64, Arc<Strings>, Arc<render::Templates>)>,
}

/// Everything of `check` after the Markdown files are parsed: site.yaml,
/// theme, validation, interface strings, templates, derived data. `docs`
/// are the parsed files (in path order), `diags` the problems found so far;
/// `cache`, what a session's last rebuild made.
pub fn assemble(
    site_dir: &Path,
    today: Date,
    files: &load::SiteFiles,
    docs: Vec<Arc<parse::Doc>>,
    mut diags: Vec<Diagnostic>,
    mut cache: Option<&mut AssembleCache>,
) -> Result<Checked, Vec<Diagnostic>> {
    let mut t = Instant::now();
    let config = files.site_yaml.as_ref().and_then(|f| {
        let (config, d) = parse::parse_config(f, today);
        diags.extend(d);
        config
    });
    let mut global = std::collections::hash_map::DefaultHasher::new();
    files.site_yaml.as_ref().map(|f| &f.text).hash(&mut global);
    today.hash(&mut global);
    let settings = global.clone().finish();
    let theme_name = config
        .as_ref()
        .map_or("default", |c| c.theme.as_str())
        .to_owned();
    let theme = match Theme::load(site_dir, &theme_name) {
        Ok(t) => Some(t),
        Err(d) => {
            diags.extend(d);
            None
        }
    };

    let site = config.and_then(|config| {
        let (site, d) = validate::validate(
            Inputs {
                root: site_dir.to_path_buf(),
                config,
                docs,
                locality_dirs: files.locality_dirs.clone(),
                static_files: files.static_files.clone(),
                theme_dir: theme.as_ref().and_then(|t| t.site_dir.clone()),
                settings,
            },
            cache.as_deref_mut().map(|c| &mut c.validated),
        );
        diags.extend(d);
        site
    });

    lap("validate", &mut t);
    let strings_and_templates = match (&theme, &site) {
        (Some(theme), Some(site)) => {
            let codes: Vec<String> = site
                .config
                .languages
                .iter()
                .map(|l| l.code.clone())
                .collect();
            let site_ftl = site_strings(site_dir, &codes, &mut diags);
            site_ftl.hash(&mut global);
            theme.hash_into(&mut global);
            // Everything the strings and templates are made from is hashed by now.
            let inputs = global.clone().finish();
            site.home.as_ref().map(|h| h.fingerprint).hash(&mut global);
            for p in &site.pages {
                p.fingerprint.hash(&mut global);
            }
            let made = cache
                .as_deref()
                .and_then(|c| c.strings.as_ref())
                .filter(|(k, _, _)| *k == inputs)
                .map(|(_, s, t)| (s.clone(), t.clone()))
                .or_else(|| strings_and_templates(site, theme, &codes, &site_ftl, &mut diags));
            if let Some((strings, tera)) = &made {
                diags.extend(missing_string_warnings(
                    strings,
                    &site.config.default_language,
                ));
                if let Some(c) = cache {
                    c.strings = Some((inputs, strings.clone(), tera.clone()));
                }
            }
            made
        }
        _ => None,
    };

    lap("theme", &mut t);
    diag::sort(&mut diags);
    if diags.iter().any(Diagnostic::is_error) {
        return Err(diags);
    }
    match (site, theme, strings_and_templates) {
        (Some(site), Some(theme), Some((strings, tera))) => {
            let derived = derive::derive(&site);
            lap("derive", &mut t);
            Ok(Checked {
                site,
                derived,
                theme,
                strings,
                tera,
                warnings: diags,
                fingerprint: global.finish(),
            })
        }
        // Unreachable in practice: a missing piece always comes with an error.
        _ => Err(diags),
    }
}

/// The interface strings of `site`'s languages and the templates compiled
/// for them, or `None` with the problems added to `diags`.
fn strings_and_templates(
    site: &Site,
    theme: &Theme,
    codes: &[String],
    site_ftl: &BTreeMap<String, (String, String)>,
    diags: &mut Vec<Diagnostic>,
) -> Option<(Arc<Strings>, Arc<render::Templates>)> {
    let mut tags: Vec<(&str, &str)> = site
        .config
        .languages
        .iter()
        .map(|l| (l.code.as_str(), l.locale.as_str()))
        .collect();
    if !codes.iter().any(|c| c == "en") {
        tags.push(("en", "en"));
    }
    // Tags were checked when site.yaml was read.
    let locales = crate::locale::Locales::new(tags).unwrap_or_default();
    let rtl: Vec<String> = site
        .config
        .languages
        .iter()
        .filter(|l| l.dir == crate::model::Dir::Rtl)
        .map(|l| l.code.clone())
        .collect();
    let strings = match Strings::load(
        theme,
        codes,
        &site.config.default_language,
        site_ftl,
        locales,
        &rtl,
    ) {
        Ok(s) => Arc::new(s),
        Err(d) => {
            diags.extend(d);
            return None;
        }
    };
    match render::compile_templates(theme, strings.clone()) {
        Ok(t) => Some((strings, Arc::new(t))),
        Err(d) => {
            diags.extend(d);
            None
        }
    }
}

/// A warning for each language lacking interface strings, naming them.
fn missing_string_warnings(strings: &Strings, default_language: &str) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for m in strings.missing_strings() {
        let shown = if m.lang == default_language {
            "en".to_owned()
        } else {
            default_language.to_owned()
        };
        let mut keys = m
            .keys
            .iter()
            .take(5)
            .cloned()
            .collect::<Vec<_>>()
            .join(", ");
        if m.keys.len() > 5 {
            keys.push_str(", …");
        }
        out.push(Diagnostic::warning(
            format!("i18n/{}.ftl", m.lang),
            format!(
                "{} interface strings have no `{}` text; the `{shown}` text is shown instead: {keys}",
                m.keys.len(),
                m.lang
            ),
        ));
    }
    out
}

/// The site's own interface strings, `SITE_DIR/i18n/<lang>.ftl`.
fn site_strings(
    site_dir: &Path,
    codes: &[String],
    diags: &mut Vec<Diagnostic>,
) -> BTreeMap<String, (String, String)> {
    let mut out = BTreeMap::new();
    for code in codes {
        let rel = format!("i18n/{code}.ftl");
        if site_dir.join(&rel).is_file() {
            match load::read_text(site_dir, &rel) {
                Ok(f) => {
                    out.insert(code.clone(), (rel, f.text));
                }
                Err(d) => diags.push(d),
            }
        }
    }
    out
}

/// Builds the site at `site_dir` into `output` (default `site_dir/public`).
pub fn build(
    site_dir: &Path,
    output: Option<&Path>,
    today: Date,
) -> Result<Report, Vec<Diagnostic>> {
    let start = Instant::now();
    let out = output_folder(site_dir, output)?;
    let checked = check(site_dir, today)?;
    write_output(&out, checked, None, None, start, None).map(|(report, _)| report)
}

/// The output folder, checked to be safe to write.
fn output_folder(site_dir: &Path, output: Option<&Path>) -> Result<PathBuf, Vec<Diagnostic>> {
    let out = output.map_or_else(|| site_dir.join("public"), Path::to_path_buf);
    write::check_output(site_dir, &out).map_err(|r| {
        vec![Diagnostic::error(out.display().to_string(), "cannot write the output here").help(r.0)]
    })
}

/// What was written by the last build, for the next incremental one: for
/// every output path, the fingerprint of its inputs (pages) or a hash of its
/// bytes (other files).
pub struct Written {
    /// The pages' paths, in the order `Renderer::pages` gives them, and a
    /// hash of the whole list: while pages come and go with nothing, the
    /// next build finds a page's previous fingerprint by its index.
    paths: Arc<Vec<String>>,
    paths_fp: u64,
    /// What the paths were made from (`Renderer::layout_fingerprint`).
    layout: u64,
    /// The pages' fingerprints, by index into `paths`.
    fps: Vec<u64>,
    /// Every other file (feeds, sitemap, open data, assets).
    files: HashMap<String, u64>,
}

fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h = DefaultHasher::new();
    bytes.hash(&mut h);
    h.finish()
}

/// Writes the output of a checked site. Without `previous`, a full build
/// into a staging folder swapped into place; with it, an incremental build:
/// only pages whose fingerprint changed are rendered, only files whose
/// content changed are written (each atomically), and files no longer
/// produced are removed. Nothing is written unless every page rendered.
fn write_output(
    out: &Path,
    checked: Checked,
    previous: Option<&Written>,
    caches: Option<&mut Caches>,
    start: Instant,
    mut deferred: Option<&mut Vec<(String, Content)>>,
) -> Result<(Report, Written), Vec<Diagnostic>> {
    let site = &checked.site;
    let derived = &checked.derived;
    let mut t = Instant::now();
    let (export_cache, cards, coverage) = match caches {
        Some(c) => (
            Some(&mut c.exports),
            Some(&mut c.cards),
            Some(&mut c.coverage),
        ),
        None => (None, None, None),
    };
    let mut renderer = Renderer::new(
        site,
        derived,
        checked.strings.clone(),
        checked.tera.clone(),
        checked.fingerprint,
        cards.as_deref(),
    );
    lap("renderer", &mut t);
    let pages = renderer.pages();
    // Each page's output path, made once (fingerprints, the sitemap and the
    // writes all use it), or taken from the last build when what they are
    // made from is the same.
    let layout = renderer.layout_fingerprint(&pages);
    let paths: Arc<Vec<String>> = match previous {
        Some(p) if p.layout == layout && p.paths.len() == pages.len() => p.paths.clone(),
        _ => Arc::new(pages.par_iter().map(|p| renderer.path(*p)).collect()),
    };
    let paths_fp = match previous {
        Some(p) if Arc::ptr_eq(&p.paths, &paths) => p.paths_fp,
        _ => {
            let mut h = DefaultHasher::new();
            paths.hash(&mut h);
            h.finish()
        }
    };
    let io_error = |what: &str, e: std::io::Error| {
        Diagnostic::error(
            out.display().to_string(),
            format!("cannot write {what}: {e}"),
        )
    };

    // Everything but pages: (path, fingerprint, content). Content is made
    // only when the fingerprint changed since the previous build.
    let unchanged = |rel: &str, fp: u64| previous.is_some_and(|p| p.files.get(rel) == Some(&fp));
    let mut extra: Extra = Vec::new();
    let data_fp = renderer.all_fingerprint();
    // A one-shot build streams the open data to disk with the pages (below)
    // instead of holding every record in memory first.
    let stream_data = previous.is_none() && export_cache.is_none();
    if stream_data || unchanged(urls::DATA_JSON, data_fp) && unchanged(urls::DATA_CSV, data_fp) {
        extra.push((urls::DATA_JSON.into(), data_fp, None));
        extra.push((urls::DATA_CSV.into(), data_fp, None));
    } else {
        let files = export::files(site, derived, checked.fingerprint, export_cache);
        extra.push((
            urls::DATA_JSON.into(),
            data_fp,
            Some(Content::Json(files.clone())),
        ));
        extra.push((urls::DATA_CSV.into(), data_fp, Some(Content::Csv(files))));
    }
    lap("open data", &mut t);
    let sitemap_fp = {
        let mut h = DefaultHasher::new();
        (checked.fingerprint, paths_fp).hash(&mut h);
        h.finish()
    };
    let sitemap_files = feeds::sitemap_files(feeds::sitemap_urls(&pages), feeds::SITEMAP_MAX_URLS);
    if sitemap_files.iter().all(|f| unchanged(f, sitemap_fp)) {
        extra.extend(sitemap_files.into_iter().map(|f| (f, sitemap_fp, None)));
    } else {
        for (file, xml) in feeds::sitemaps(site, &pages, &paths) {
            extra.push((file, sitemap_fp, Some(Content::Bytes(xml.into_bytes()))));
        }
    }
    lap("sitemap", &mut t);
    let feed_jobs: Vec<(usize, Option<usize>)> = (0..site.config.languages.len())
        .flat_map(|li| {
            std::iter::once((li, None))
                .chain((0..site.localities.len()).map(move |i| (li, Some(i))))
        })
        .collect();
    let feed_outputs: Vec<(String, u64, Option<Content>)> = feed_jobs
        .par_iter()
        .map(|&(li, loc)| {
            let lang = &site.config.languages[li].code;
            let (rel, entries) = match loc {
                None => (urls::site_feed(lang), &derived.latest_updates),
                Some(i) => (
                    urls::locality_feed(lang, &site.localities[i].id),
                    &derived.updates_by_locality[i],
                ),
            };
            let entries = &entries[..entries.len().min(feeds::FEED_ENTRIES)];
            let fp = renderer.feed_fingerprint(li, loc, entries);
            let bytes = (!unchanged(&rel, fp)).then(|| {
                Content::Bytes(feeds::atom(site, derived, &renderer, li, loc).into_bytes())
            });
            (rel, fp, bytes)
        })
        .collect();
    extra.extend(feed_outputs);
    for (rel, file) in checked.theme.under("static/") {
        let bytes = if rel.ends_with(".css") {
            crate::theme::minify_css(&file.bytes)
        } else {
            file.bytes.to_vec()
        };
        extra.push((
            rel.to_owned(),
            hash_bytes(&file.bytes),
            Some(Content::Bytes(bytes)),
        ));
    }
    let statics: Vec<(String, u64)> = site
        .static_files
        .iter()
        .map(|rel| {
            let meta = std::fs::metadata(site.root.join("static").join(rel)).ok();
            let stamp = meta.map(|m| (m.len(), m.modified().ok()));
            let mut h = DefaultHasher::new();
            stamp.hash(&mut h);
            (rel.clone(), h.finish())
        })
        .collect();
    lap("extras", &mut t);

    let mut files_written: HashMap<String, u64> = HashMap::new();
    let extra_count = extra.len();
    let rendered;
    let page_fps: Vec<u64> = match previous {
        None => {
            let staging =
                Staging::begin(out).map_err(|e| vec![io_error("the output folder", e)])?;
            let result: Result<Vec<u64>, Diagnostic> = (|extra: &mut Extra| {
                extra
                    .par_iter()
                    .try_for_each(|(rel, _, content)| match content {
                        Some(c) => staging
                            .write_with(rel, |w| c.write(w))
                            .map_err(|e| io_error(rel, e)),
                        None => Ok(()),
                    })?;
                // Written: their contents (the open data above all) need not
                // stay in memory while the pages are made.
                for (_, _, content) in extra.iter_mut() {
                    *content = None;
                }
                statics.par_iter().try_for_each(|(rel, _)| {
                    staging
                        .copy(rel, &site.root.join("static").join(rel))
                        .map_err(|e| io_error(rel, e))
                })?;
                if stream_data {
                    staging
                        .write_with(urls::DATA_JSON, |json| {
                            staging
                                .write_with(urls::DATA_CSV, |csv| {
                                    export::stream(site, derived, json, csv)
                                })
                                .map_err(|e| {
                                    std::io::Error::new(
                                        e.kind(),
                                        format!("{}: {e}", urls::DATA_CSV),
                                    )
                                })
                        })
                        .map_err(|e| io_error(urls::DATA_JSON, e))?;
                }
                lap("extras out", &mut Instant::now());
                // Language by language: the cards a language's lists share
                // are dropped before the next language's are made, so only
                // one language's are ever in memory.
                let mut fps = Vec::with_capacity(pages.len());
                for run in pages.chunk_by(|a, b| a.language() == b.language()) {
                    let run_paths = &paths[fps.len()..fps.len() + run.len()];
                    let done: Vec<u64> = run
                        .par_iter()
                        .zip(run_paths)
                        .map(|(page, rel): (&Page, &String)| {
                            let html = renderer.render(*page, rel)?;
                            staging.write(rel, &html).map_err(|e| io_error(rel, e))?;
                            Ok(renderer.fingerprint(*page, rel))
                        })
                        .collect::<Result<_, Diagnostic>>()?;
                    fps.extend(done);
                    if let Some(li) = run[0].language() {
                        renderer.release_language(li);
                    }
                }
                Ok(fps)
            })(&mut extra);
            let page_fps = match result {
                Ok(fps) => fps,
                Err(d) => {
                    staging.abort();
                    return Err(vec![d]);
                }
            };
            lap("pages", &mut t);
            staging
                .commit()
                .map_err(|e| vec![io_error("the finished output in place", e)])?;
            rendered = page_fps.len();
            files_written.extend(extra.iter().map(|(rel, fp, _)| (rel.clone(), *fp)));
            files_written.extend(statics.iter().cloned());
            page_fps
        }
        Some(previous) => {
            // The previous fingerprint of each page: by index while the list
            // of pages is the same, else by path.
            let same_pages = previous.paths_fp == paths_fp && previous.paths.len() == paths.len();
            let by_path: HashMap<&str, u64> = if same_pages {
                HashMap::new()
            } else {
                previous
                    .paths
                    .iter()
                    .map(String::as_str)
                    .zip(previous.fps.iter().copied())
                    .collect()
            };
            // Render every page whose inputs changed, in memory, before writing anything.
            let changed: Vec<(u64, Option<Vec<u8>>)> = pages
                .par_iter()
                .zip(&paths[..])
                .enumerate()
                .map(|(i, (page, rel))| {
                    let fp = renderer.fingerprint(*page, rel);
                    let before = if same_pages {
                        Some(previous.fps[i])
                    } else {
                        by_path.get(rel.as_str()).copied()
                    };
                    if before == Some(fp) {
                        Ok((fp, None))
                    } else {
                        let t = Instant::now();
                        let html = renderer.render(*page, rel)?;
                        if std::env::var_os("PLEDGEBOARD_TIMINGS").is_some() {
                            eprintln!(
                                "timing: rendered {rel} in {:.1} ms",
                                t.elapsed().as_secs_f64() * 1000.0
                            );
                        }
                        Ok((fp, Some(html)))
                    }
                })
                .collect::<Result<_, Diagnostic>>()
                .map_err(|d| vec![d])?;
            rendered = changed.iter().filter(|(_, b)| b.is_some()).count();
            lap("render", &mut t);
            let to_write: Vec<(&str, &[u8])> = changed
                .iter()
                .zip(paths.iter())
                .filter_map(|((_, bytes), rel)| Some((rel.as_str(), bytes.as_deref()?)))
                .collect();
            for (rel, fp, _) in &extra {
                files_written.insert(rel.clone(), *fp);
            }
            let mut to_copy = Vec::new();
            for (rel, stamp) in &statics {
                if previous.files.get(rel) != Some(stamp) {
                    to_copy.push(rel);
                }
                files_written.insert(rel.clone(), *stamp);
            }
            to_write
                .par_iter()
                .try_for_each(|(rel, bytes)| {
                    write::replace_file(out, rel, bytes).map_err(|e| io_error(rel, e))
                })
                .map_err(|d| vec![d])?;
            // The open-data files hold every commitment (hundreds of
            // megabytes for a national programme): a session may write them
            // after the pages, in the background.
            let (later, now): (Vec<_>, Vec<_>) = extra.into_iter().partition(|(_, _, c)| {
                deferred.is_some() && c.as_ref().is_some_and(Content::is_data)
            });
            if let Some(d) = deferred.as_mut() {
                d.extend(later.into_iter().filter_map(|(rel, _, c)| Some((rel, c?))));
            }
            now.par_iter()
                .try_for_each(|(rel, _, content)| match content {
                    Some(c) => write::replace_file_with(out, rel, |w| c.write(w))
                        .map_err(|e| io_error(rel, e)),
                    None => Ok(()),
                })
                .map_err(|d| vec![d])?;
            to_copy
                .par_iter()
                .try_for_each(|rel| {
                    let bytes = std::fs::read(site.root.join("static").join(rel))
                        .map_err(|e| io_error(rel, e))?;
                    write::replace_file(out, rel, &bytes).map_err(|e| io_error(rel, e))
                })
                .map_err(|d| vec![d])?;
            // Files no longer produced.
            let mut stale: Vec<&str> = previous
                .files
                .keys()
                .filter(|k| !files_written.contains_key(*k))
                .map(String::as_str)
                .collect();
            if !same_pages {
                let now: std::collections::HashSet<&str> =
                    paths.iter().map(String::as_str).collect();
                stale.extend(
                    previous
                        .paths
                        .iter()
                        .map(String::as_str)
                        .filter(|p| !now.contains(p) && !files_written.contains_key(*p)),
                );
            }
            for rel in stale {
                write::remove_file(out, rel).map_err(|e| vec![io_error(rel, e)])?;
            }
            lap("pages", &mut t);
            changed.into_iter().map(|(fp, _)| fp).collect()
        }
    };
    let written = Written {
        paths,
        paths_fp,
        layout,
        fps: page_fps,
        files: files_written,
    };
    for (template, n, spent) in renderer.template_times() {
        eprintln!(
            "timing: {template:<18} {n:>7} pages {:>9.1} ms CPU ({:.0} µs a page)",
            spent.as_secs_f64() * 1000.0,
            spent.as_secs_f64() * 1e6 / n.max(1) as f64
        );
    }
    // The list cards rendered now, for the session's next build.
    let harvest = cards.as_deref().map(|c| {
        let fresh = renderer.rendered_cards();
        let prune = c.needs_pruning(fresh.len(), renderer.card_count());
        (fresh, prune.then(|| renderer.card_keys()))
    });
    drop(renderer);
    if let (Some(c), Some((fresh, keys))) = (cards, harvest) {
        c.update(fresh, keys);
    }

    let mut warnings = checked.warnings;
    for (lang, key) in checked.strings.missing() {
        warnings.push(Diagnostic::warning(
            format!("i18n/{lang}.ftl"),
            format!("no language defines the interface string `{key}`; its key is shown"),
        ));
    }
    let report = Report {
        output: out.to_path_buf(),
        pages: pages.len(),
        rendered,
        files: pages.len() + extra_count + site.static_files.len(),
        languages: site.config.languages.len(),
        commitments: derived.total,
        localities: site.localities.len(),
        coverage: match coverage {
            Some(cache) => derive::coverage_with(site, cache),
            None => derive::coverage(site),
        },
        interface: checked.strings.missing_strings(),
        warnings,
        elapsed: start.elapsed(),
    };
    Ok((report, written))
}

/// The output files other than pages: path, fingerprint, and the content
/// when it has to be written.
type Extra = Vec<(String, u64, Option<Content>)>;

/// What a file of the output holds, ready to be written.
enum Content {
    Bytes(Vec<u8>),
    /// `data/commitments.json`, written record by record.
    Json(Arc<export::Files>),
    /// `data/commitments.csv`, written row by row.
    Csv(Arc<export::Files>),
}

impl Content {
    fn is_data(&self) -> bool {
        matches!(self, Content::Json(_) | Content::Csv(_))
    }

    fn write(&self, w: &mut dyn std::io::Write) -> std::io::Result<()> {
        match self {
            Content::Bytes(b) => w.write_all(b),
            Content::Json(f) => f.write_json(w),
            Content::Csv(f) => f.write_csv(w),
        }
    }
}

/// How long a session waits after a rebuild before it writes the open-data
/// files (see `Session::rebuild_after`).
const OPEN_DATA_DELAY: Duration = Duration::from_secs(1);

/// The thread writing open-data files in the background: it returns the
/// files it could not write.
type Writing = std::thread::JoinHandle<Vec<(String, std::io::Error)>>;

/// What the background writer is told: write after the pause, write now
/// (the session waits for it), or stop.
const GO: u8 = 0;
const HURRY: u8 = 1;
const STOP: u8 = 2;

/// A writer that fails with [`Stopped`] once `stop` says [`STOP`].
struct Stoppable<'w> {
    inner: &'w mut dyn std::io::Write,
    stop: &'w AtomicU8,
}

/// Why a background write ended early: a newer rebuild started.
#[derive(Debug)]
struct Stopped;

impl std::fmt::Display for Stopped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("stopped for a newer rebuild")
    }
}

impl std::error::Error for Stopped {}

fn is_stopped(e: &std::io::Error) -> bool {
    e.get_ref().is_some_and(|inner| inner.is::<Stopped>())
}

impl std::io::Write for Stoppable<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.stop.load(Ordering::Relaxed) == STOP {
            return Err(std::io::Error::other(Stopped));
        }
        self.inner.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// What a session keeps of the output stages between rebuilds.
#[derive(Default)]
struct Caches {
    /// Serialised open-data records.
    exports: export::Cache,
    /// The list cards rendered by earlier rebuilds.
    cards: render::CardCache,
    /// Each commitment's translation coverage.
    coverage: derive::CoverageCache,
}

/// A file of the site directory as last read: its size and modification time.
type Stamp = (u64, Option<std::time::SystemTime>);

/// A parsed file, or the problems found in it.
type Parsed = Result<Arc<parse::Doc>, Vec<Diagnostic>>;

/// The state kept between rebuilds by `watch` and `serve`, so that a rebuild
/// re-reads and re-parses only the files that changed, and renders and
/// writes only the pages whose inputs changed. The result is the same as a
/// full build (a test checks it after a sequence of edits).
pub struct Session {
    site_dir: PathBuf,
    output: Option<PathBuf>,
    /// Every content Markdown file by path (in path order, as a build reads them).
    docs: BTreeMap<String, (Stamp, Parsed)>,
    written: Option<Written>,
    caches: Caches,
    /// The commitments checked by the last rebuild, and its interface
    /// strings and templates.
    assembled: AssembleCache,
    /// The last scan of the site directory (without the Markdown texts) and its problems.
    listing: Option<(load::SiteFiles, Vec<Diagnostic>)>,
    /// The open-data files of the last rebuild, being written in the
    /// background, and the flag that stops that.
    writing: Option<(Writing, Arc<AtomicU8>)>,
}

impl Drop for Session {
    fn drop(&mut self) {
        // Never leave an open-data file half-written behind.
        let _ = self.finish_writes();
    }
}

impl Session {
    /// A session building `site_dir` into `output` (default `site_dir/public`).
    pub fn new(site_dir: &Path, output: Option<&Path>) -> Session {
        Session {
            site_dir: site_dir.to_path_buf(),
            output: output.map(Path::to_path_buf),
            docs: BTreeMap::new(),
            written: None,
            caches: Caches::default(),
            assembled: AssembleCache::default(),
            listing: None,
            writing: None,
        }
    }

    /// Builds again, reusing what has not changed since the last build.
    pub fn rebuild(&mut self, today: Date) -> Result<Report, Vec<Diagnostic>> {
        self.rebuild_after(today, None)
    }

    /// Builds again after the files `changed` (relative to the site
    /// directory) changed. When every change is to a content Markdown file
    /// in a known place, only those files are looked at; anything else
    /// (site.yaml, a folder, the theme, static files) scans the whole site.
    pub fn rebuild_after(
        &mut self,
        today: Date,
        changed: Option<&[PathBuf]>,
    ) -> Result<Report, Vec<Diagnostic>> {
        let start = Instant::now();
        let mut t = Instant::now();
        let mut late = self.stop_writes();
        let out = output_folder(&self.site_dir, self.output.as_deref())?;
        let (to_stat, scanned) = match changed.and_then(|c| self.update_listing(c)) {
            Some(paths) => (paths, false),
            None => {
                let listing = load::scan(&self.site_dir);
                let all = listing.0.markdown_paths.clone();
                self.listing = Some(listing);
                (all, true)
            }
        };
        let Some((files, scan_diags)) = &self.listing else {
            unreachable!("the listing was just made")
        };
        let mut diags = scan_diags.clone();
        let stamps: Vec<(String, Stamp)> = to_stat
            .into_iter()
            .map(|rel| {
                let meta = std::fs::metadata(self.site_dir.join(&rel)).ok();
                let stamp = meta.map_or((0, None), |m| (m.len(), m.modified().ok()));
                (rel, stamp)
            })
            .collect();
        let stale: Vec<&(String, Stamp)> = stamps
            .iter()
            .filter(|(rel, stamp)| self.docs.get(rel).is_none_or(|(s, _)| s != stamp))
            .filter(|(rel, _)| files.markdown_paths.binary_search(rel).is_ok())
            .collect();
        let fresh: Vec<(String, Stamp, Parsed)> = stale
            .par_iter()
            .map(|(rel, stamp)| {
                let doc = load::read_text(&self.site_dir, rel)
                    .map_err(|d| vec![d])
                    .and_then(|f| parse::parse_doc(&f).map(Arc::new));
                (rel.clone(), *stamp, doc)
            })
            .collect();
        for (rel, stamp, doc) in fresh {
            self.docs.insert(rel, (stamp, doc));
        }
        // Files gone since the last rebuild: after a scan, any not listed;
        // otherwise only changed paths can have gone.
        if scanned {
            let present: std::collections::HashSet<&String> = files.markdown_paths.iter().collect();
            self.docs.retain(|rel, _| present.contains(rel));
        } else {
            for (rel, _) in &stamps {
                if files.markdown_paths.binary_search(rel).is_err() {
                    self.docs.remove(rel);
                }
            }
        }
        // `docs` holds exactly the listed files, in the same (path) order.
        debug_assert!(self.docs.keys().eq(files.markdown_paths.iter()));
        let mut docs = Vec::with_capacity(self.docs.len());
        for (_, parsed) in self.docs.values() {
            match parsed {
                Ok(doc) => docs.push(doc.clone()),
                Err(d) => diags.extend(d.iter().cloned()),
            }
        }
        lap("reload", &mut t);
        let checked = assemble(
            &self.site_dir,
            today,
            files,
            docs,
            diags,
            Some(&mut self.assembled),
        )?;
        let previous = if out.is_dir() {
            self.written.as_ref()
        } else {
            // A whole new output folder is swapped in: no older write may
            // land in it afterwards.
            late.extend(self.finish_writes());
            None
        };
        let mut deferred = Vec::new();
        let (mut report, written) = write_output(
            &out,
            checked,
            previous,
            Some(&mut self.caches),
            start,
            Some(&mut deferred),
        )?;
        report.warnings.extend(late);
        self.written = Some(written);
        if !deferred.is_empty() {
            let stop = Arc::new(AtomicU8::new(GO));
            let flag = stop.clone();
            // An older write still stopping is waited for on this thread,
            // not by the rebuild: the two never write at the same time.
            let older = self.writing.take();
            let handle = std::thread::spawn(move || {
                // What the older write could not write counts; what it was
                // stopped from writing, this one writes.
                let mut failed: Vec<(String, std::io::Error)> = older
                    .map(|(h, _)| h.join().unwrap_or_default())
                    .unwrap_or_default()
                    .into_iter()
                    .filter(|(_, e)| !is_stopped(e))
                    .collect();
                // Written once editing pauses: while saves follow each other
                // the files would only be replaced again, and writing them
                // takes a core from the next rebuild.
                let idle = Instant::now() + OPEN_DATA_DELAY;
                while Instant::now() < idle && flag.load(Ordering::Relaxed) != HURRY {
                    if flag.load(Ordering::Relaxed) == STOP {
                        failed.extend(
                            deferred
                                .into_iter()
                                .map(|(rel, _)| (rel, std::io::Error::other(Stopped))),
                        );
                        return failed;
                    }
                    std::thread::sleep(Duration::from_millis(20));
                }
                failed.extend(deferred.into_iter().filter_map(|(rel, content)| {
                    write::replace_file_with(&out, &rel, |w| {
                        content.write(&mut Stoppable {
                            inner: w,
                            stop: &flag,
                        })
                    })
                    .err()
                    .map(|e| (rel, e))
                }));
                failed
            });
            self.writing = Some((handle, stop));
        }
        Ok(report)
    }

    /// Stops the background writing of the last rebuild's open-data files
    /// (a newer rebuild makes newer ones): a file not yet complete is left
    /// as it was before, and written again by this rebuild.
    /// The rebuild does not wait for the thread to stop: the next write
    /// waits for it instead.
    fn stop_writes(&mut self) -> Vec<Diagnostic> {
        match &self.writing {
            Some((handle, _)) if handle.is_finished() => self.finish_writes(),
            Some((_, stop)) => {
                stop.store(STOP, Ordering::Relaxed);
                // Whether they were complete is not known yet: they are
                // made and written again by this rebuild.
                if let Some(w) = self.written.as_mut() {
                    w.files.remove(urls::DATA_JSON);
                    w.files.remove(urls::DATA_CSV);
                }
                Vec::new()
            }
            None => Vec::new(),
        }
    }

    /// Waits until the open-data files of the last rebuild are written
    /// (they are written in the background, after the pages) and returns
    /// what could not be written; those files are written again next time.
    pub fn finish_writes(&mut self) -> Vec<Diagnostic> {
        let Some((handle, state)) = self.writing.take() else {
            return Vec::new();
        };
        // Unless stopped, write now rather than after the pause.
        let _ = state.compare_exchange(GO, HURRY, Ordering::Relaxed, Ordering::Relaxed);
        let failed = handle.join().unwrap_or_default();
        let mut diags = Vec::new();
        for (rel, e) in failed {
            if let Some(w) = self.written.as_mut() {
                w.files.remove(&rel);
            }
            if is_stopped(&e) {
                continue;
            }
            diags.push(Diagnostic::warning(
                rel.clone(),
                format!("could not write this open-data file: {e}; it is written again at the next rebuild"),
            ));
        }
        diags
    }

    /// Applies changes to content Markdown files to the last listing and
    /// returns the paths to look at again, or `None` when a full scan is needed.
    fn update_listing(&mut self, changed: &[PathBuf]) -> Option<Vec<String>> {
        let (files, _) = self.listing.as_mut()?;
        let mut paths = Vec::new();
        for path in changed {
            let rel = path.to_str()?.replace('\\', "/");
            let parts: Vec<&str> = rel.split('/').collect();
            let known_place = match parts.as_slice() {
                [name] => name.starts_with("_index.") && name.ends_with(".md"),
                ["localities", loc, name] => {
                    name.ends_with(".md")
                        && files
                            .locality_dirs
                            .iter()
                            .any(|d| d == &format!("localities/{loc}"))
                }
                ["pages", name] => name.ends_with(".md"),
                _ => false,
            };
            if !known_place {
                return None;
            }
            let full = self.site_dir.join(&rel);
            let listed = files.markdown_paths.binary_search(&rel);
            match (full.is_file(), listed) {
                (true, Err(i)) => files.markdown_paths.insert(i, rel.clone()),
                (false, Ok(i)) => {
                    files.markdown_paths.remove(i);
                }
                (false, Err(_)) if full.exists() => return None,
                _ => {}
            }
            paths.push(rel);
        }
        Some(paths)
    }
}
