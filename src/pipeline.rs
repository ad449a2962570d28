//! The build, stage by stage: load, parse, validate, derive, render, write.
//!
//! `check` runs the stages up to derive; `build` runs them all. Every stage
//! reports all of its problems; a build stops before writing anything when
//! any stage found an error, so the previous output stays as it was.

use crate::derive::{self, Coverage, Derived};
use crate::diag::{self, Diagnostic};
use crate::export;
use crate::feeds;
use crate::i18n::Strings;
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
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// A site that passed validation, with what rendering needs.
pub struct Checked {
    pub site: Site,
    pub derived: Derived,
    pub theme: Theme,
    pub strings: Arc<Strings>,
    pub tera: tera::Tera,
    /// Warnings found on the way.
    pub warnings: Vec<Diagnostic>,
}

/// What a successful build did.
#[derive(Debug)]
pub struct Report {
    pub output: PathBuf,
    pub pages: usize,
    pub files: usize,
    pub languages: usize,
    pub commitments: usize,
    pub localities: usize,
    pub coverage: Vec<Coverage>,
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
        eprintln!(
            "timing: {label:<10} {:>8.1} ms",
            since.elapsed().as_secs_f64() * 1000.0
        );
    }
    *since = Instant::now();
}

pub fn check(site_dir: &Path, today: Date) -> Result<Checked, Vec<Diagnostic>> {
    let mut t = Instant::now();
    let (files, mut diags) = load::load(site_dir);
    lap("load", &mut t);

    let config = files.site_yaml.as_ref().and_then(|f| {
        let (config, d) = parse::parse_config(f, today);
        diags.extend(d);
        config
    });
    let parsed: Vec<Result<parse::Doc, Vec<Diagnostic>>> =
        files.markdown.par_iter().map(parse::parse_doc).collect();
    let mut docs = Vec::with_capacity(parsed.len());
    for p in parsed {
        match p {
            Ok(doc) => docs.push(doc),
            Err(d) => diags.extend(d),
        }
    }

    lap("parse", &mut t);
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
        let (site, d) = validate::validate(Inputs {
            root: site_dir.to_path_buf(),
            config,
            docs,
            locality_dirs: files.locality_dirs.clone(),
            static_files: files.static_files.clone(),
            theme_dir: theme.as_ref().and_then(|t| t.site_dir.clone()),
        });
        diags.extend(d);
        site
    });

    lap("validate", &mut t);
    let strings = match (&theme, &site) {
        (Some(theme), Some(site)) => {
            let codes: Vec<String> = site
                .config
                .languages
                .iter()
                .map(|l| l.code.clone())
                .collect();
            let site_ftl = site_strings(site_dir, &codes, &mut diags);
            match Strings::load(theme, &codes, &site.config.default_language, &site_ftl) {
                Ok(s) => Some(Arc::new(s)),
                Err(d) => {
                    diags.extend(d);
                    None
                }
            }
        }
        _ => None,
    };
    let tera = match (&theme, &strings) {
        (Some(theme), Some(strings)) => match render::compile_templates(theme, strings.clone()) {
            Ok(t) => Some(t),
            Err(d) => {
                diags.extend(d);
                None
            }
        },
        _ => None,
    };

    lap("theme", &mut t);
    diag::sort(&mut diags);
    if diags.iter().any(Diagnostic::is_error) {
        return Err(diags);
    }
    match (site, theme, strings, tera) {
        (Some(site), Some(theme), Some(strings), Some(tera)) => {
            let derived = derive::derive(&site);
            lap("derive", &mut t);
            Ok(Checked {
                site,
                derived,
                theme,
                strings,
                tera,
                warnings: diags,
            })
        }
        // Unreachable in practice: a missing piece always comes with an error.
        _ => Err(diags),
    }
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
    let out = output.map_or_else(|| site_dir.join("public"), Path::to_path_buf);
    let out = write::check_output(site_dir, &out).map_err(|r| {
        vec![Diagnostic::error(out.display().to_string(), "cannot write the output here").help(r.0)]
    })?;
    let checked = check(site_dir, today)?;
    let site = &checked.site;
    let derived = &checked.derived;
    let mut t = Instant::now();
    let renderer = Renderer::new(site, derived, checked.strings.clone(), checked.tera.clone());
    lap("renderer", &mut t);
    let pages = renderer.pages();

    let io_error = |what: &str, e: std::io::Error| {
        Diagnostic::error(
            out.display().to_string(),
            format!("cannot write {what}: {e}"),
        )
    };
    let staging = Staging::begin(&out).map_err(|e| vec![io_error("the output folder", e)])?;

    // Everything but pages: small, written first.
    let mut extra: Vec<(String, Vec<u8>)> = Vec::new();
    let records = export::records(site, derived);
    extra.push((urls::DATA_JSON.into(), export::json(&records)));
    extra.push((urls::DATA_CSV.into(), export::csv(site, &records)));
    extra.push((
        urls::SITEMAP.into(),
        feeds::sitemap(site, &renderer, &pages).into_bytes(),
    ));
    for li in 0..site.config.languages.len() {
        let lang = &site.config.languages[li].code;
        extra.push((
            urls::site_feed(lang),
            feeds::atom(site, derived, &renderer, li, None).into_bytes(),
        ));
        for (i, loc) in site.localities.iter().enumerate() {
            extra.push((
                urls::locality_feed(lang, &loc.id),
                feeds::atom(site, derived, &renderer, li, Some(i)).into_bytes(),
            ));
        }
    }
    for (rel, file) in checked.theme.under("static/") {
        extra.push((rel.to_owned(), file.bytes.to_vec()));
    }

    lap("extras", &mut t);
    let result: Result<(), Diagnostic> = (|| {
        extra
            .par_iter()
            .try_for_each(|(rel, bytes)| staging.write(rel, bytes).map_err(|e| io_error(rel, e)))?;
        site.static_files.par_iter().try_for_each(|rel| {
            staging
                .copy(rel, &site.root.join("static").join(rel))
                .map_err(|e| io_error(rel, e))
        })?;
        pages.par_iter().try_for_each(|page: &Page| {
            let html = renderer.render(*page)?;
            let rel = renderer.path(*page);
            staging.write(&rel, &html).map_err(|e| io_error(&rel, e))
        })
    })();
    if let Err(d) = result {
        staging.abort();
        return Err(vec![d]);
    }
    lap("pages", &mut t);
    staging
        .commit()
        .map_err(|e| vec![io_error("the finished output in place", e)])?;

    let mut warnings = checked.warnings;
    for (lang, key) in checked.strings.missing() {
        warnings.push(Diagnostic::warning(
            format!("i18n/{lang}.ftl"),
            format!("the interface string `{key}` has no {lang} text; another language's is shown"),
        ));
    }
    Ok(Report {
        output: out,
        pages: pages.len(),
        files: pages.len() + extra.len() + site.static_files.len(),
        languages: site.config.languages.len(),
        commitments: derived.total,
        localities: site.localities.len(),
        coverage: derive::coverage(site),
        warnings,
        elapsed: start.elapsed(),
    })
}
