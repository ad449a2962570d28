//! The `pledgeboard` command line.

use clap::{Parser, Subcommand};
use pledgeboard::derive::{self, Coverage};
use pledgeboard::diag::Diagnostic;
use pledgeboard::pipeline;
use std::path::PathBuf;
use std::process::ExitCode;

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
    /// Build the portal into an output folder.
    Build {
        /// The site directory (with site.yaml).
        #[arg(default_value = ".")]
        site_dir: PathBuf,
        /// Where to write the portal [default: SITE_DIR/public].
        #[arg(short, long)]
        output: Option<PathBuf>,
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
    /// Check the content and report translation coverage, without writing anything.
    Check {
        /// The site directory (with site.yaml).
        #[arg(default_value = ".")]
        site_dir: PathBuf,
    },
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

fn coverage_line(coverage: &[Coverage]) -> Option<String> {
    if coverage.is_empty() {
        return None;
    }
    let parts: Vec<String> = coverage
        .iter()
        .map(|c| {
            let pct = (c.translated * 100).checked_div(c.total).unwrap_or(100);
            format!("{} {pct}% ({} of {} texts)", c.lang, c.translated, c.total)
        })
        .collect();
    Some(format!("Translated: {}", parts.join(", ")))
}

fn report_build(report: &pipeline::Report) {
    print_diagnostics(&report.warnings);
    let rendered = if report.rendered < report.pages {
        format!(", {} rendered again", report.rendered)
    } else {
        String::new()
    };
    println!(
        "Built {} pages ({} files{rendered}) for {} localities, {} commitments, {} languages in {:.2} s into {}",
        report.pages,
        report.files,
        report.localities,
        report.commitments,
        report.languages,
        report.elapsed.as_secs_f64(),
        report.output.display()
    );
    if let Some(line) = coverage_line(&report.coverage) {
        let gaps: usize = report.coverage.iter().map(|c| c.gaps.len()).sum();
        if gaps > 0 {
            println!("{line}; `pledgeboard check` lists what is missing.");
        } else {
            println!("{line}.");
        }
    }
}

/// `pledgeboard watch`: build, then rebuild after every change until stopped.
fn watch(site_dir: &std::path::Path, output: Option<PathBuf>) -> ExitCode {
    let out = output.unwrap_or_else(|| site_dir.join("public"));
    let mut session = pipeline::Session::new(site_dir, Some(&out));
    let mut build = |changed: Option<&[PathBuf]>| match session
        .rebuild_after(pipeline::build_date(), changed)
    {
        Ok(report) => report_build(&report),
        Err(diags) => {
            print_diagnostics(&diags);
            let n = diags.iter().filter(|d| d.is_error()).count();
            eprintln!("{n} error(s); the output folder keeps the last good build.");
        }
    };
    build(None);
    let watcher = match pledgeboard::watch::Watch::start(site_dir, std::slice::from_ref(&out)) {
        Ok(w) => w,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!(
        "Watching {} for changes. Press Ctrl-C to stop.",
        site_dir.display()
    );
    while let Some(changed) = watcher.next_change() {
        let names: Vec<String> = changed.iter().map(|p| p.display().to_string()).collect();
        println!("Changed: {}", names.join(", "));
        build(Some(&changed));
    }
    ExitCode::SUCCESS
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let today = pipeline::build_date();
    match cli.command {
        Command::Build { site_dir, output } => {
            match pipeline::build(&site_dir, output.as_deref(), today) {
                Ok(report) => {
                    report_build(&report);
                    ExitCode::SUCCESS
                }
                Err(diags) => fail(&diags),
            }
        }
        Command::Watch { site_dir, output } => watch(&site_dir, output),
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
        Command::Check { site_dir } => match pipeline::check(&site_dir, today) {
            Ok(checked) => {
                print_diagnostics(&checked.warnings);
                let coverage = derive::coverage(&checked.site);
                println!(
                    "No errors: {} localities, {} commitments, {} languages.",
                    checked.site.localities.len(),
                    checked.derived.total,
                    checked.site.config.languages.len()
                );
                for c in &coverage {
                    let pct = (c.translated * 100).checked_div(c.total).unwrap_or(100);
                    println!(
                        "\n{}: {pct}% translated ({} of {} texts)",
                        c.lang, c.translated, c.total
                    );
                    for g in &c.gaps {
                        println!("  not translated: {} {}", g.file, g.field);
                    }
                }
                ExitCode::SUCCESS
            }
            Err(diags) => fail(&diags),
        },
    }
}
