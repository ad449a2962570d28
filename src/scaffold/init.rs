//! `pledgeboard init`: a new site directory that explains itself (a
//! commented site.yaml, one locality, one commitment with one update, an
//! about page and a methodology page, in every language that has sample
//! texts) and its JSON Schemas for editors. It builds and checks clean as
//! written. It writes into an empty or new folder only, and never replaces
//! a file.

use super::fill::{fill, quoted};
use super::samples::{self, Sample, sample, sample_or_fallback, value};
use crate::diag::Diagnostic;
use jiff::ToSpan;
use jiff::civil::Date;
use std::path::{Path, PathBuf};

const SITE: &str = include_str!("templates/site.yaml");
const LOCALITY: &str = include_str!("templates/locality.md");
const COMMITMENT: &str = include_str!("templates/commitment.md");
const PAGE: &str = include_str!("templates/page.md");

/// The ids of the sample locality and commitment.
const LOCALITY_ID: &str = "riverside";
const COMMITMENT_ID: &str = "market-street-lighting";

/// What `init` is asked to make.
pub struct InitOptions {
    /// The folder to write the site into: new, or empty.
    pub dir: PathBuf,
    /// The portal's languages, the default first.
    pub languages: Vec<String>,
    /// The title, instead of the samples' one per language.
    pub title: Option<String>,
    /// The day the sample dates are counted from.
    pub today: Date,
}

/// What `init` wrote.
#[derive(Debug)]
pub struct Initialised {
    /// The files written, relative to the folder, in order.
    pub files: Vec<String>,
    /// The languages the built-in theme has no interface strings for.
    pub without_strings: Vec<String>,
    /// The languages without sample texts.
    pub without_texts: Vec<String>,
    /// The default language (when it has no sample texts, its files hold
    /// the English ones).
    pub default_language: String,
}

/// Writes a new site into `opts.dir`.
pub fn init(opts: &InitOptions) -> Result<Initialised, Vec<Diagnostic>> {
    check_languages(&opts.languages)?;
    check_folder(&opts.dir)?;
    let files = site_files(opts);
    let mut written = Vec::new();
    for (rel, text) in &files {
        super::write_new(&opts.dir, rel, text).map_err(|d| vec![d])?;
        written.push(rel.clone());
    }
    for (rel, text) in schemas(&opts.dir)? {
        super::write_new(&opts.dir, &rel, &text).map_err(|d| vec![d])?;
        written.push(rel);
    }
    let lacking = |f: fn(&str) -> bool| {
        let langs = opts.languages.iter().filter(|l| !f(l));
        langs.cloned().collect()
    };
    Ok(Initialised {
        files: written,
        without_strings: lacking(crate::theme::has_built_in_strings),
        without_texts: lacking(|l| samples::LANGUAGES.contains(&l)),
        default_language: opts.languages[0].clone(),
    })
}

impl Initialised {
    /// What `init` prints: the files written, the languages that fall
    /// back, the next steps.
    pub fn summary(&self, dir: &Path) -> String {
        use std::fmt::Write;
        let shown = dir.display();
        let mut out = format!("Wrote a new site into {shown}:\n");
        for f in &self.files {
            let _ = writeln!(out, "  {f}");
        }
        for lang in &self.without_texts {
            let _ = if *lang == self.default_language {
                writeln!(
                    out,
                    "\n`{lang}` has no sample texts: the content files hold English ones; translate them."
                )
            } else {
                writeln!(
                    out,
                    "\n`{lang}` has no sample texts: its pages show the default language's until you add translations (`pages/about.{lang}.md`…)."
                )
            };
        }
        for lang in &self.without_strings {
            let _ = writeln!(
                out,
                "\nThe built-in theme has no interface strings in `{lang}` (menus, labels, dates' words): its pages show them in the default language, else in English. \
                 To translate them, write {shown}/i18n/{lang}.ftl with the theme's strings (themes/default/i18n/en.ftl in pledgeboard's source lists them all); `pledgeboard check {shown}` lists those still missing."
            );
        }
        let _ = write!(
            out,
            "\nNext steps:\n  pledgeboard serve {shown}      preview the portal in your browser while you edit\n  \
             pledgeboard check {shown}      find mistakes, with their file, line and column\n  \
             Edit {shown}/site.yaml first (its comments explain each field), then replace the sample locality and commitment:\n  \
             pledgeboard new locality ID --site {shown} --country XX\n  \
             pledgeboard new commitment LOCALITY/ID --site {shown}"
        );
        out
    }
}

/// The languages are codes, each given once, at least one.
fn check_languages(languages: &[String]) -> Result<(), Vec<Diagnostic>> {
    let mut diags = Vec::new();
    if languages.is_empty() {
        diags.push(
            Diagnostic::error("--languages", "no language is given").expected(
                "the portal's languages, the default first, such as `--languages fr,ar,en`",
            ),
        );
    }
    for (i, code) in languages.iter().enumerate() {
        if !crate::parse::is_lang_code(code) {
            diags.push(super::bad_language(code));
        } else if languages[..i].contains(code) {
            diags.push(
                Diagnostic::error(
                    "--languages",
                    format!("the language `{code}` is given twice"),
                )
                .help("give each language once"),
            );
        }
    }
    if diags.is_empty() { Ok(()) } else { Err(diags) }
}

/// The folder does not exist, or is an empty folder.
fn check_folder(dir: &Path) -> Result<(), Vec<Diagnostic>> {
    let shown = dir.display().to_string();
    let refuse = |found: String| {
        vec![
            Diagnostic::error(&shown, "this folder is not empty: a new site is written only into an empty or new folder")
                .found(found)
                .help("give the name of a new folder, such as `pledgeboard init my-tracker`, or empty this one"),
        ]
    };
    match std::fs::read_dir(dir) {
        Ok(mut entries) => match entries.next() {
            None => Ok(()),
            Some(Ok(e)) => Err(refuse(format!(
                "`{}` and maybe more",
                e.file_name().to_string_lossy()
            ))),
            Some(Err(e)) => Err(refuse(format!("a file that cannot be read: {e}"))),
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(_) if dir.exists() => Err(refuse("a file, not a folder".to_owned())),
        Err(e) => Err(vec![Diagnostic::error(
            &shown,
            format!("cannot read this folder: {e}"),
        )]),
    }
}

/// The schemas of the site just written, made from its own site.yaml.
fn schemas(dir: &Path) -> Result<Vec<(String, String)>, Vec<Diagnostic>> {
    let config = super::read_config(dir, jiff::civil::date(2000, 1, 1))?;
    Ok(crate::schema::files(&config)
        .into_iter()
        .map(|(name, text)| (format!("{}/{name}", crate::schema::FOLDER), text))
        .collect())
}

/// Every content file of the new site, with its text.
fn site_files(opts: &InitOptions) -> Vec<(String, String)> {
    let default = &opts.languages[0];
    let others: Vec<&String> = (opts.languages[1..].iter())
        .filter(|l| sample(l, Sample::Site).is_some())
        .collect();
    let dates = Dates::from(opts.today);
    let mut files = vec![("site.yaml".to_owned(), site_yaml(opts))];
    let docs = [
        (format!("localities/{LOCALITY_ID}/_index"), Sample::Locality),
        (
            format!("localities/{LOCALITY_ID}/{COMMITMENT_ID}"),
            Sample::Commitment,
        ),
        ("pages/about".to_owned(), Sample::About),
        ("pages/methodology".to_owned(), Sample::Methodology),
    ];
    for (stem, doc) in docs {
        let text = sample_or_fallback(default, doc);
        files.push((format!("{stem}.md"), original(doc, text, &dates)));
        for lang in &others {
            let Some(text) = sample(lang, doc) else {
                continue;
            };
            let filled = fill(text, &[("update_date", &dates.update)]);
            files.push((format!("{stem}.{lang}.md"), filled));
        }
    }
    files
}

/// The sample's dates, counted from the day the site is made.
struct Dates {
    since: String,
    agreed: String,
    update: String,
    due: String,
    next_review: String,
}

impl From<Date> for Dates {
    fn from(today: Date) -> Self {
        let day = |span: jiff::Span| today.saturating_add(span).to_string();
        Dates {
            since: today.saturating_sub(1.year()).strftime("%Y-%m").to_string(),
            agreed: day((-5).months()),
            update: day((-1).month()),
            due: day(7.months()),
            next_review: day(2.months()),
        }
    }
}

/// The default-language file of a sample document: its template, with the
/// sample's lines.
fn original(doc: Sample, text: &str, dates: &Dates) -> String {
    let line = |key| samples::line(text, key).unwrap_or_default();
    let body = samples::body(text);
    match doc {
        Sample::Locality => fill(
            LOCALITY,
            &[
                ("id", LOCALITY_ID),
                ("name", line("name")),
                ("region", line("region")),
                ("country", "BF"),
                ("since", &dates.since),
                ("next_review", &dates.next_review),
                ("body", body),
            ],
        ),
        Sample::Commitment => fill(
            COMMITMENT,
            &[
                ("id", COMMITMENT_ID),
                ("title", line("title")),
                ("summary", line("summary")),
                ("responsible", line("responsible")),
                ("note", line("note")),
                ("agreed", &dates.agreed),
                ("due", &dates.due),
                ("update_date", &dates.update),
                ("body", body),
            ],
        ),
        Sample::About | Sample::Methodology => {
            let id = if doc == Sample::About {
                "about"
            } else {
                "methodology"
            };
            let values = [("id", id), ("title", line("title")), ("body", body)];
            fill(PAGE, &values)
        }
        Sample::Site => String::new(),
    }
}

/// site.yaml: its template with the texts of each language.
fn site_yaml(opts: &InitOptions) -> String {
    let langs = &opts.languages;
    let title = match &opts.title {
        Some(t) => format!("title: {}", quoted(t)),
        None => text_block("title", "title", langs),
    };
    let languages: Vec<String> = langs
        .iter()
        .map(|l| {
            let name = sample(l, Sample::Site)
                .and_then(|t| value(t, "language"))
                .map_or_else(|| quoted(l), str::to_owned);
            format!("  - {{ code: {l}, name: {name} }}")
        })
        .collect();
    let topics = ["lighting", "patrols"].map(|id| {
        let names = site_texts(&format!("topic-{id}"), langs);
        format!("  {id}: {{ {} }}", names.join(", "))
    });
    fill(
        SITE,
        &[
            ("title", &title),
            (
                "description",
                &text_block("description", "description", langs),
            ),
            ("default_language", &langs[0]),
            ("languages", &languages.join("\n")),
            ("topics", &topics.join("\n")),
            ("publisher", &text_flow("publisher", langs)),
            (
                "corrections",
                &text_block("corrections", "corrections", langs),
            ),
        ],
    )
}

/// `lang: value` of the site's text `key` for each language with its own
/// sample, and for the default language in any case.
fn site_texts(key: &str, langs: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for (i, lang) in langs.iter().enumerate() {
        let text = match sample(lang, Sample::Site) {
            Some(t) => t,
            None if i == 0 => sample_or_fallback(lang, Sample::Site),
            None => continue,
        };
        out.push(format!("{lang}: {}", value(text, key).unwrap_or("\"\"")));
    }
    out
}

/// A text field of site.yaml, one language a line.
fn text_block(field: &str, key: &str, langs: &[String]) -> String {
    let lines: Vec<String> = site_texts(key, langs)
        .into_iter()
        .map(|l| format!("  {l}"))
        .collect();
    format!("{field}:\n{}", lines.join("\n"))
}

/// A text as a flow mapping: `{ en: "…", fr: "…" }`.
fn text_flow(key: &str, langs: &[String]) -> String {
    format!("{{ {} }}", site_texts(key, langs).join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scaffold::fill::unfilled;

    fn files(langs: &[&str], title: Option<&str>) -> Vec<(String, String)> {
        site_files(&InitOptions {
            dir: PathBuf::from("x"),
            languages: langs.iter().map(|l| l.to_string()).collect(),
            title: title.map(str::to_owned),
            today: jiff::civil::date(2026, 1, 1),
        })
    }

    #[test]
    fn every_placeholder_is_filled() {
        for langs in [&["fr", "ar", "en"][..], &["ha"], &["sw", "en"]] {
            for (rel, text) in files(langs, None) {
                assert_eq!(unfilled(&text), None, "{rel} for {langs:?}");
            }
        }
    }

    #[test]
    fn translations_only_for_languages_with_texts() {
        let names: Vec<String> = files(&["sw", "fr", "xx"], None)
            .into_iter()
            .map(|(rel, _)| rel)
            .filter(|rel| rel.starts_with("pages/about"))
            .collect();
        assert_eq!(names, ["pages/about.md", "pages/about.fr.md"]);
    }

    #[test]
    fn a_title_given_replaces_the_samples() {
        let site = &files(&["en", "fr"], Some("Tracker: \"Kano\""))[0].1;
        assert!(
            site.contains("\ntitle: \"Tracker: \\\"Kano\\\"\"\n"),
            "{site}"
        );
    }
}
