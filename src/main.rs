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

fn main() -> ExitCode {
    let cli = Cli::parse();
    let today = pipeline::build_date();
    match cli.command {
        Command::Build { site_dir, output } => {
            match pipeline::build(&site_dir, output.as_deref(), today) {
                Ok(report) => {
                    print_diagnostics(&report.warnings);
                    println!(
                        "Built {} pages ({} files) for {} localities, {} commitments, {} languages in {:.2} s into {}",
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
                    ExitCode::SUCCESS
                }
                Err(diags) => fail(&diags),
            }
        }
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
