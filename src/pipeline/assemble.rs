//! Assemble: everything of `check` after the Markdown files are parsed:
//! site.yaml, the theme, interface strings and the templates compiled for
//! them, validation, derived data. Every problem of every step is kept, and
//! no step waits for another to succeed unless it needs its result (the
//! strings and templates need site.yaml and the theme, not valid content);
//! any error means no [`Checked`] site.

use super::Memos;
use super::{Checked, lap};
use crate::derive;
use crate::diag::{self, Diagnostic};
use crate::i18n::Strings;
use crate::load;
use crate::memo::{Fingerprint, Fingerprinter};
use crate::model::{Config, Dir};
use crate::parse;
use crate::render::{self, Templates};
use crate::theme::Theme;
use crate::validate::{self, Inputs};
use jiff::civil::Date;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

/// Interface strings and the templates compiled for them.
pub type Compiled = (Arc<Strings>, Arc<Templates>);

/// Everything after parsing. `docs` are the parsed files (in path order),
/// `diags` the problems found so far; `memos`, what earlier builds of a
/// session made (or nothing).
pub fn assemble(
    site_dir: &Path,
    today: Date,
    files: &load::SiteFiles,
    docs: Vec<Arc<parse::Doc>>,
    mut diags: Vec<Diagnostic>,
    memos: &Memos,
) -> Result<Checked, Vec<Diagnostic>> {
    let config = files.site_yaml.as_ref().and_then(|f| {
        let (config, d) = parse::parse_config(f, today);
        diags.extend(d);
        let config = config?;
        diags.extend(parse::check_logo(f, &config, &files.static_files));
        Some(config)
    });
    let mut global = Fingerprinter::new();
    global
        .add(&files.site_yaml.as_ref().map(|f| &f.text))
        .add(&today);
    let settings = global.fingerprint();
    let theme = load_theme(site_dir, config.as_ref(), &mut diags);
    // Strings and templates need site.yaml and the theme, not valid
    // content: they are checked even when the content has errors, so that
    // every problem shows in one run.
    let compiled = match (&theme, &config) {
        (Some(theme), Some(config)) => {
            compile(site_dir, config, theme, &mut global, memos, &mut diags)
        }
        _ => None,
    };
    lap("theme");
    let theme_dir = theme.as_ref().and_then(|t| t.site_dir.clone());
    let site = config.and_then(|config| {
        let inputs = inputs(site_dir, config, docs, files, theme_dir, settings);
        let (site, d) = validate::validate(inputs, &memos.checked);
        diags.extend(d);
        site
    });
    lap("validate");
    if let Some(site) = &site {
        global
            .add(&site.home.as_ref().map(|h| h.fingerprint))
            .add(&site.pages.iter().map(|p| p.fingerprint).collect::<Vec<_>>());
    }
    diag::sort(&mut diags);
    if diags.iter().any(Diagnostic::is_error) {
        return Err(diags);
    }
    // A missing piece always comes with an error, so this always matches.
    let (Some(site), Some(theme), Some((strings, tera))) = (site, theme, compiled) else {
        return Err(diags);
    };
    let derived = derive::derive(&site);
    lap("derive");
    Ok(Checked {
        site,
        derived,
        theme,
        strings,
        tera,
        warnings: diags,
        fingerprint: global.fingerprint(),
        build_date: today,
    })
}

/// What validation reads: the parsed files and the folders found.
fn inputs<'a>(
    site_dir: &Path,
    config: Config,
    docs: Vec<Arc<parse::Doc>>,
    files: &'a load::SiteFiles,
    theme_dir: Option<std::path::PathBuf>,
    settings: Fingerprint,
) -> Inputs<'a> {
    Inputs {
        root: site_dir.to_path_buf(),
        config,
        docs,
        found: &files.markdown_paths,
        locality_dirs: files.locality_dirs.clone(),
        static_files: files.static_files.clone(),
        theme_dir,
        settings,
    }
}

/// The theme site.yaml names (the default one without a site.yaml).
fn load_theme(
    site_dir: &Path,
    config: Option<&Config>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Theme> {
    let name = config.map_or("default", |c| c.theme.as_str());
    Theme::load(site_dir, name)
        .map_err(|d| diags.extend(d))
        .ok()
}

/// The interface strings and templates of a site with settings `config`
/// (from `memos` when made before from the same inputs), with a warning
/// per language lacking strings and the report of each string that cannot
/// be shown. Adds the strings' inputs to `global`.
fn compile(
    site_dir: &Path,
    config: &Config,
    theme: &Theme,
    global: &mut Fingerprinter,
    memos: &Memos,
    diags: &mut Vec<Diagnostic>,
) -> Option<Compiled> {
    let codes: Vec<String> = config.languages.iter().map(|l| l.code.clone()).collect();
    let site_ftl = site_strings(site_dir, &codes, diags);
    global.add(&site_ftl);
    theme.hash_into(global);
    // Everything the strings and templates are made from is hashed by now.
    let inputs: Fingerprint = global.fingerprint();
    let made = memos.strings.get(inputs).or_else(|| {
        let made = strings_and_templates(config, theme, &codes, &site_ftl, diags)?;
        Some(memos.strings.get_or_make(inputs, || made))
    })?;
    diags.extend(missing_string_warnings(&made.0, &config.default_language));
    diags.extend(made.0.broken_strings().iter().cloned());
    Some(made)
}

/// The interface strings of the site's languages and the templates compiled
/// for them, or `None` with the problems added to `diags`.
fn strings_and_templates(
    config: &Config,
    theme: &Theme,
    codes: &[String],
    site_ftl: &BTreeMap<String, (String, String)>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Compiled> {
    let mut tags: Vec<(&str, &str)> = config
        .languages
        .iter()
        .map(|l| (l.code.as_str(), l.locale.as_str()))
        .collect();
    if !codes.iter().any(|c| c == "en") {
        tags.push(("en", "en"));
    }
    // Tags were checked when site.yaml was read.
    let locales = crate::locale::Locales::new(tags).unwrap_or_default();
    let rtl: Vec<String> = config
        .languages
        .iter()
        .filter(|l| l.dir == Dir::Rtl)
        .map(|l| l.code.clone())
        .collect();
    let default = &config.default_language;
    let (strings, errors) = Strings::load(theme, codes, default, site_ftl, locales, &rtl);
    let strings = Arc::new(strings);
    // The templates are checked even when a Fluent file has an error, so
    // that every problem shows in one run.
    let templates = render::compile_templates(theme, strings.clone()).map_err(|d| diags.extend(d));
    let failed = !errors.is_empty();
    diags.extend(errors);
    match templates {
        Ok(templates) if !failed => Some((strings, Arc::new(templates))),
        _ => None,
    }
}

/// A warning for each language lacking interface strings, naming them.
fn missing_string_warnings(strings: &Strings, default_language: &str) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for m in strings.missing_strings() {
        let shown = if m.lang == default_language {
            "en"
        } else {
            default_language
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
    diags.extend(load::stray_strings(site_dir, codes));
    for code in codes {
        let rel = format!("i18n/{code}.ftl");
        if site_dir.join(&rel).is_file() {
            match load::read_text(site_dir, &rel) {
                Ok(f) => {
                    diags.extend(f.warnings);
                    out.insert(code.clone(), (rel, f.text));
                }
                Err(d) => diags.push(d),
            }
        }
    }
    out
}
