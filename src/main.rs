//! The `pledgeboard` command line.

use clap::{Parser, Subcommand};
use pledgeboard::derive::{self, Coverage};
use pledgeboard::diag::Diagnostic;
use pledgeboard::i18n::MissingStrings;
use pledgeboard::pipeline;
use std::path::PathBuf;
use std::process::ExitCode;

/// mimalloc instead of the system's allocator: a build allocates and frees
/// a little for every value of every page on every thread, and with glibc's
/// allocator that was a sixth of all instructions (a 2000x10x3 build took
/// 7.28 s instead of 8.59 s, benches/RESULTS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "pledgeboard",
    version,
    about = "Builds a multilingual commitment-tracker portal from Markdown and YAML files"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Write a new site that builds as it is and explains itself.
    Init {
        /// The folder to write it into: new, or empty.
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// The portal's languages, the default first: `fr,ar,en`.
        #[arg(short, long, value_delimiter = ',', required = true)]
        languages: Vec<String>,
        /// The portal's title [default: a sample title in each language].
        #[arg(short, long)]
        title: Option<String>,
    },
    /// Write a new content file: a locality or a commitment.
    #[command(subcommand)]
    New(New),
    /// Write JSON Schemas of site.yaml and front matter, for editors.
    Schema {
        /// The site directory (with site.yaml).
        #[arg(default_value = ".")]
        site_dir: PathBuf,
        /// Where to write them [default: SITE_DIR/.schemas].
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Build the portal into an output folder.
    Build {
        /// The site directory (with site.yaml).
        #[arg(default_value = ".")]
        site_dir: PathBuf,
        /// Where to write the portal [default: SITE_DIR/public].
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// The address the portal is published at, in place of site.yaml's
        /// `base_url` (for a preview deploy): `https://preview.example.org/`.
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
    },
    /// Build, then rebuild the output folder whenever the content or theme changes.
    Watch {
        /// The site directory (with site.yaml).
        #[arg(default_value = ".")]
        site_dir: PathBuf,
        /// Where to write the portal [default: SITE_DIR/public].
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Preview the portal in a browser; pages reload when a file is saved.
    Serve {
        /// The site directory (with site.yaml).
        #[arg(default_value = ".")]
        site_dir: PathBuf,
        /// The port to listen on; the next free one is taken when it is busy.
        #[arg(short, long, default_value_t = 1111)]
        port: u16,
        /// The address to listen on: 0.0.0.0 shows the preview to the local network.
        #[arg(short, long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Open the preview in the default browser.
        #[arg(long)]
        open: bool,
    },
    /// Build the portal and write it as one zip file to read offline (unzip, open index.html).
    Bundle {
        /// The site directory (with site.yaml).
        #[arg(default_value = ".")]
        site_dir: PathBuf,
        /// The zip file to write, such as `portal.zip`.
        #[arg(short, long)]
        output: PathBuf,
        /// Bundle only this language (repeat it, or give a comma-separated list: `fr,ar`).
        #[arg(short, long = "language", value_name = "LANG", value_delimiter = ',')]
        languages: Vec<String>,
    },
    /// Import the tables of a spreadsheet (CSV, XLSX, ODS) into a site's content files.
    ///
    /// A dry run unless `--write`: prints what it would create or change.
    Import {
        /// CSV files named `localities.csv`, `commitments.csv`, `updates.csv`,
        /// or a workbook (.xlsx, .ods) with sheets named `localities`, `commitments`, `updates`.
        files: Vec<PathBuf>,
        /// The site directory to import into (with site.yaml).
        #[arg(long, value_name = "SITE_DIR")]
        into: PathBuf,
        /// A CSV file holding the table NAME, whatever its file name:
        /// `--table commitments=mylist.csv` (repeat it for each file).
        #[arg(long = "table", value_name = "NAME=FILE", value_parser = pledgeboard::import::table_arg)]
        tables: Vec<(String, PathBuf)>,
        /// Write the files (without it, nothing is written).
        #[arg(long)]
        write: bool,
        /// Replace Markdown texts and translations that differ from the table's.
        #[arg(long)]
        overwrite_texts: bool,
    },
    /// Check the content and report translation coverage, without writing anything.
    Check {
        /// The site directory (with site.yaml).
        #[arg(default_value = ".")]
        site_dir: PathBuf,
        /// Fail when a language lacks a translated text or an interface string.
        #[arg(long)]
        strict: bool,
    },
}

#[derive(Subcommand)]
enum New {
    /// Write `localities/ID/_index.md`.
    Locality {
        /// The new locality's id, such as `saaba`.
        id: String,
        /// The site directory (with site.yaml).
        #[arg(short, long, default_value = ".")]
        site: PathBuf,
        /// Its country's two-letter code [default: that of most of the site's localities].
        #[arg(short, long)]
        country: Option<String>,
        /// Its name [default: made from the id].
        #[arg(short, long)]
        name: Option<String>,
    },
    /// Write `localities/LOCALITY/ID.md`.
    Commitment {
        /// `LOCALITY/ID`, such as `saaba/market-lighting`.
        key: String,
        /// The site directory (with site.yaml).
        #[arg(short, long, default_value = ".")]
        site: PathBuf,
        /// Its title [default: made from the id].
        #[arg(short, long)]
        title: Option<String>,
    },
}

/// Standard output is gone: its reader closed the pipe (`| head -1`), or
/// writing to it failed. The command prints nothing more and ends quietly,
/// as if it had been stopped by the closed pipe, instead of panicking.
struct Gone;

/// Writes to standard output (what `print!` does, without its panic).
fn say(text: std::fmt::Arguments) -> Result<(), Gone> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    out.write_fmt(text)
        .and_then(|()| out.flush())
        .map_err(|_| Gone)
}

/// `println!` to standard output, returning `Err(Gone)` once it is gone.
macro_rules! say {
    ($($arg:tt)*) => { say(format_args!("{}\n", format_args!($($arg)*))) };
}

fn print_diagnostics(diags: &[Diagnostic]) {
    for d in diags {
        eprint!("{d}");
    }
}

fn fail(diags: &[Diagnostic]) -> ExitCode {
    print_diagnostics(diags);
    let errors = diags.iter().filter(|d| d.is_error()).count();
    eprintln!(
        "\n{errors} error{} found; nothing was written, the previous output is unchanged.",
        if errors == 1 { "" } else { "s" }
    );
    ExitCode::FAILURE
}

fn percent(part: usize, whole: usize) -> usize {
    (part * 100).checked_div(whole).unwrap_or(100)
}

/// The build's one-line summary of translation coverage.
fn coverage_line(coverage: &[Coverage], interface: &[MissingStrings]) -> Option<String> {
    if coverage.is_empty() && interface.is_empty() {
        return None;
    }
    let mut parts: Vec<String> = coverage
        .iter()
        .map(|c| {
            let mut part = format!(
                "{} {}% ({} of {} texts",
                c.lang,
                percent(c.translated, c.total),
                c.translated,
                c.total
            );
            if let Some(m) = interface.iter().find(|m| m.lang == c.lang) {
                part.push_str(&format!(", {} interface strings missing", m.keys.len()));
            }
            part.push(')');
            part
        })
        .collect();
    for m in interface {
        if !coverage.iter().any(|c| c.lang == m.lang) {
            parts.push(format!(
                "{} ({} interface strings missing)",
                m.lang,
                m.keys.len()
            ));
        }
    }
    let gaps = coverage.iter().any(|c| !c.gaps.is_empty()) || !interface.is_empty();
    Some(format!(
        "Translated: {}{}",
        parts.join(", "),
        if gaps {
            "; `pledgeboard check` lists what is missing."
        } else {
            "."
        }
    ))
}

/// `pledgeboard check`'s report: per language, the texts not translated
/// (grouped by the file they go in) and the interface strings missing.
fn coverage_report(
    default_language: &str,
    coverage: &[Coverage],
    interface: &[MissingStrings],
) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let mut langs: Vec<&str> = coverage.iter().map(|c| c.lang.as_str()).collect();
    for m in interface {
        if !langs.contains(&m.lang.as_str()) {
            langs.push(&m.lang);
        }
    }
    if langs.is_empty() {
        return out;
    }
    let _ = writeln!(
        out,
        "\nTranslation coverage (default language: {default_language})"
    );
    for lang in langs {
        let missing = interface.iter().find(|m| m.lang == lang);
        let _ = write!(out, "\n{lang}: ");
        if let Some(c) = coverage.iter().find(|c| c.lang == lang) {
            let _ = write!(
                out,
                "{}% of texts translated ({} of {})",
                percent(c.translated, c.total),
                c.translated,
                c.total
            );
        } else {
            let _ = write!(out, "the default language");
        }
        match missing {
            Some(m) => {
                let _ = writeln!(out, "; {} interface strings missing", m.keys.len());
            }
            None => {
                let _ = writeln!(out, "; interface strings complete");
            }
        }
        if let Some(c) = coverage.iter().find(|c| c.lang == lang) {
            let mut by_file: Vec<(&str, Vec<&str>)> = Vec::new();
            for g in &c.gaps {
                match by_file.iter_mut().find(|(f, _)| *f == g.translation) {
                    Some((_, fields)) => fields.push(&g.field),
                    None => by_file.push((&g.translation, vec![&g.field])),
                }
            }
            for (file, fields) in by_file {
                let _ = writeln!(out, "  not translated in {file}: {}", fields.join(", "));
            }
        }
        if let Some(m) = missing {
            let _ = writeln!(
                out,
                "  interface strings missing (add them to i18n/{lang}.ftl): {}",
                m.keys.join(", ")
            );
        }
    }
    out
}

fn report_build(report: &pipeline::Report) -> Result<(), Gone> {
    print_diagnostics(&report.warnings);
    let rendered = if report.rendered < report.pages {
        format!(", {} rendered, the others unchanged", report.rendered)
    } else {
        String::new()
    };
    let secs = report.elapsed.as_secs_f64();
    let took = if secs < 1.0 {
        format!("{:.0} ms", secs * 1000.0)
    } else {
        format!("{secs:.2} s")
    };
    say!(
        "Built {} pages ({} files{rendered}) for {} localities, {} commitments, {} languages in {took} into {}",
        report.pages,
        report.files,
        report.localities,
        report.commitments,
        report.languages,
        report.output.display()
    )?;
    if let Some(line) = coverage_line(&report.coverage, &report.interface) {
        say!("{line}")?;
    }
    Ok(())
}

/// `pledgeboard bundle`: the portal as one zip, and a one-line summary.
fn bundle(opts: pledgeboard::bundle::Options, today: jiff::civil::Date) -> ExitCode {
    match pledgeboard::bundle::bundle(&opts, today) {
        Ok(done) => {
            print_diagnostics(&done.warnings);
            // The zip is written; a summary nobody reads is no failure.
            let _ = say!(
                "Bundled {} files ({} pages, {} language{}, {}) into {}",
                done.files,
                done.pages,
                done.languages,
                if done.languages == 1 { "" } else { "s" },
                pledgeboard::bundle::human_size(done.bytes),
                done.zip.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            let diags = e.diagnostics();
            print_diagnostics(&diags);
            let errors = diags.iter().filter(|d| d.is_error()).count();
            eprintln!(
                "\n{errors} error{} found; no bundle was written (a file already at {} is unchanged).",
                if errors == 1 { "" } else { "s" },
                opts.output.display()
            );
            ExitCode::FAILURE
        }
    }
}

/// `pledgeboard watch`: build, then rebuild after every change until stopped
/// (or until standard output is gone).
fn watch(site_dir: &std::path::Path, output: Option<PathBuf>) -> ExitCode {
    // The session writes in place until it stops: it holds the output
    // folder's lock all along (a build into it is refused, naming it).
    let waiting = |other, out: &std::path::Path| {
        eprintln!("Waiting for {other} to finish writing {} …", out.display());
    };
    let (out, _lock) =
        match pipeline::lock_output(site_dir, output.as_deref(), pipeline::Use::Watch, waiting) {
            Ok(locked) => locked,
            Err(diags) => return fail(&diags),
        };
    let mut session = pledgeboard::session::Session::new(site_dir, Some(&out));
    let mut build = |changed: Option<&[PathBuf]>| match session
        .rebuild_after(pipeline::build_date(), changed)
    {
        Ok(report) => report_build(&report),
        Err(diags) => {
            print_diagnostics(&diags);
            let n = diags.iter().filter(|d| d.is_error()).count();
            eprintln!("{n} error(s); the output folder keeps the last good build.");
            Ok(())
        }
    };
    if build(None).is_err() {
        return ExitCode::SUCCESS;
    }
    let watcher = match pledgeboard::watch::Watch::start(site_dir, std::slice::from_ref(&out)) {
        Ok(w) => w,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let watching = say!(
        "Watching {} for changes. Press Ctrl-C to stop.",
        site_dir.display()
    );
    if watching.is_err() {
        return ExitCode::SUCCESS;
    }
    while let Some(changed) = watcher.next_change() {
        if say!("Changed: {}", pledgeboard::watch::names(&changed)).is_err()
            || build(Some(&changed)).is_err()
        {
            break;
        }
    }
    ExitCode::SUCCESS
}

/// Prints a command's problems and says that nothing was written.
fn refuse(diags: &[Diagnostic]) -> ExitCode {
    print_diagnostics(diags);
    eprintln!("\nNothing was written.");
    ExitCode::FAILURE
}

/// `pledgeboard init`: the files written and the next steps, or the problems.
fn init(opts: pledgeboard::scaffold::InitOptions) -> ExitCode {
    match pledgeboard::scaffold::init(&opts) {
        Ok(done) => {
            // The site is written; a summary nobody reads is no failure.
            let _ = say!("{}", done.summary(&opts.dir));
            ExitCode::SUCCESS
        }
        Err(diags) => refuse(&diags),
    }
}

/// `pledgeboard new locality|commitment`: the file written, or the problems.
fn new(what: New, today: jiff::civil::Date) -> ExitCode {
    use pledgeboard::scaffold as s;
    let (site_dir, written) = match what {
        New::Locality {
            id,
            site,
            country,
            name,
        } => {
            let opts = s::NewLocality {
                site_dir: site,
                id,
                country,
                name,
                today,
            };
            (opts.site_dir.clone(), s::new_locality(&opts))
        }
        New::Commitment { key, site, title } => {
            let opts = s::NewCommitment {
                site_dir: site,
                key,
                title,
                today,
            };
            (opts.site_dir.clone(), s::new_commitment(&opts))
        }
    };
    match written {
        Ok(rel) => {
            let _ = say!("{}", s::wrote(&site_dir, &rel));
            ExitCode::SUCCESS
        }
        Err(diags) => refuse(&diags),
    }
}

/// `pledgeboard schema`: where the schemas went, or the problems.
fn schema(
    site_dir: &std::path::Path,
    output: Option<&std::path::Path>,
    today: jiff::civil::Date,
) -> ExitCode {
    match pledgeboard::schema::write(site_dir, output, today) {
        Ok((dir, names)) => {
            let _ = say!(
                "Wrote JSON Schemas (draft 2020-12) into {}: {}",
                dir.display(),
                names.join(", ")
            );
            ExitCode::SUCCESS
        }
        Err(diags) => refuse(&diags),
    }
}

/// `pledgeboard build`: the portal into `output`, `base_url` in place of
/// site.yaml's when given.
fn build(
    site_dir: &std::path::Path,
    output: Option<&std::path::Path>,
    base_url: Option<&str>,
    today: jiff::civil::Date,
) -> ExitCode {
    let overrides = match base_url.map(pipeline::Overrides::with_base_url) {
        None => pipeline::Overrides::default(),
        Some(Ok(overrides)) => overrides,
        Some(Err(d)) => return fail(&[d]),
    };
    match pipeline::build_with(site_dir, output, today, &overrides) {
        Ok(report) => {
            // The output is written; a summary nobody reads is no failure.
            let _ = report_build(&report);
            ExitCode::SUCCESS
        }
        Err(diags) => fail(&diags),
    }
}

/// `pledgeboard import`: every problem, or what is (or would be) written.
fn import(req: pledgeboard::import::Request, write: bool, today: jiff::civil::Date) -> ExitCode {
    use pledgeboard::import;
    if req.files.is_empty() && req.tables.is_empty() {
        eprintln!(
            "error: name the tables to import: `pledgeboard import commitments.csv --into SITE_DIR`"
        );
        return ExitCode::FAILURE;
    }
    let outcome = match import::plan(&req, today) {
        Ok(outcome) => outcome,
        Err(diags) => {
            print_diagnostics(&diags);
            let errors = diags.iter().filter(|d| d.is_error()).count();
            eprintln!(
                "\n{errors} error{} found; nothing was written.",
                if errors == 1 { "" } else { "s" }
            );
            return ExitCode::FAILURE;
        }
    };
    print_diagnostics(&outcome.warnings);
    if write && let Err(d) = import::write(&req.site_dir, &outcome) {
        return fail_quietly(&d);
    }
    let _ = say(format_args!("{}", import::report(&outcome, write)));
    ExitCode::SUCCESS
}

fn fail_quietly(d: &Diagnostic) -> ExitCode {
    print_diagnostics(std::slice::from_ref(d));
    ExitCode::FAILURE
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Every command dates what it builds or checks: a malformed
    // `SOURCE_DATE_EPOCH` stops it before anything is read.
    if let Err(d) = pipeline::source_date_epoch() {
        return fail(&[d]);
    }
    let today = pipeline::build_date();
    match cli.command {
        Command::Init {
            dir,
            languages,
            title,
        } => init(pledgeboard::scaffold::InitOptions {
            dir,
            languages,
            title,
            today,
        }),
        Command::New(what) => new(what, today),
        Command::Schema { site_dir, output } => schema(&site_dir, output.as_deref(), today),
        Command::Build {
            site_dir,
            output,
            base_url,
        } => build(&site_dir, output.as_deref(), base_url.as_deref(), today),
        Command::Watch { site_dir, output } => watch(&site_dir, output),
        Command::Bundle {
            site_dir,
            output,
            languages,
        } => bundle(
            pledgeboard::bundle::Options {
                site_dir,
                output,
                languages,
            },
            today,
        ),
        Command::Serve {
            site_dir,
            port,
            bind,
            open,
        } => match pledgeboard::serve::serve(pledgeboard::serve::Options {
            site_dir,
            bind,
            port,
            open,
        }) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::FAILURE
            }
        },
        Command::Import {
            files,
            into,
            tables,
            write,
            overwrite_texts,
        } => import(
            pledgeboard::import::Request {
                site_dir: into,
                files,
                tables,
                overwrite_texts,
            },
            write,
            today,
        ),
        Command::Check { site_dir, strict } => match pipeline::check(&site_dir, today) {
            Ok(checked) => {
                print_diagnostics(&checked.warnings);
                let coverage = derive::coverage(&checked.site, &pledgeboard::memo::Memo::off());
                let interface = checked.strings.missing_strings();
                let config = &checked.site.config;
                // Standard output gone: the report is not read, but the
                // exit code still tells whether the check passed.
                let _ = say!(
                    "No errors: {} localities, {} commitments, {} languages.",
                    checked.site.localities.len(),
                    checked.derived.total,
                    config.languages.len()
                )
                .and_then(|()| {
                    say(format_args!(
                        "{}",
                        coverage_report(&config.default_language, &coverage, &interface)
                    ))
                });
                let incomplete: Vec<String> = config
                    .languages
                    .iter()
                    .filter_map(|l| {
                        let texts = coverage
                            .iter()
                            .find(|c| c.lang == l.code)
                            .map_or(0, |c| c.gaps.len());
                        let strings = interface
                            .iter()
                            .find(|m| m.lang == l.code)
                            .map_or(0, |m| m.keys.len());
                        (texts + strings > 0).then(|| {
                            format!(
                                "{} lacks {texts} texts and {strings} interface strings",
                                l.code
                            )
                        })
                    })
                    .collect();
                if strict && !incomplete.is_empty() {
                    eprintln!(
                        "\nerror: translations are incomplete (--strict): {}.",
                        incomplete.join("; ")
                    );
                    return ExitCode::FAILURE;
                }
                ExitCode::SUCCESS
            }
            Err(diags) => fail(&diags),
        },
    }
}
