//! Starting a site: `pledgeboard init` (a new site directory, see `init`)
//! and `pledgeboard new locality|commitment` (a new content file, see
//! `new`), written from the commented templates of `templates/` and the
//! sample texts of `text/` (`samples`), filled by `fill`.
//!
//! Guarantees: what they write passes `pledgeboard check` as it is, with
//! no error and no warning; they never replace a file (each is created
//! new, and an existing one is refused with a message naming it); ids and
//! language codes are judged by the parser's and the validator's own rules.

mod fill;
mod init;
mod new;
mod samples;

pub use init::{InitOptions, Initialised, init};
pub use new::{NewCommitment, NewLocality, new_commitment, new_locality};

use crate::diag::Diagnostic;
use crate::model::Config;
use jiff::civil::Date;
use std::io::Write;
use std::path::Path;

/// What `new` prints once it has written `rel`.
pub fn wrote(site_dir: &Path, rel: &str) -> String {
    let file = site_dir.join(rel);
    format!(
        "Wrote {}.\nEdit the lines marked EDIT, and remove the `#` in front of the optional fields you use; `pledgeboard check {}` finds any mistake.",
        file.display(),
        site_dir.display()
    )
}

/// Writes `text` to `root/rel`, creating its folders; a file already there
/// is refused, never replaced.
fn write_new(root: &Path, rel: &str, text: &str) -> Result<(), Diagnostic> {
    let path = root.join(rel);
    let cannot = |e: std::io::Error| Diagnostic::error(rel, format!("cannot write this file: {e}"));
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(cannot)?;
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .map_err(cannot)?;
    file.write_all(text.as_bytes()).map_err(cannot)
}

/// The site's settings, read from `root/site.yaml` as a build reads them.
pub(crate) fn read_config(root: &Path, today: Date) -> Result<Config, Vec<Diagnostic>> {
    if !root.join("site.yaml").is_file() {
        return Err(vec![
            Diagnostic::error(
                root.join("site.yaml").display().to_string(),
                "there is no site.yaml here: this is not a site directory",
            )
            .help("give the site directory with `--site DIR`, or make one with `pledgeboard init DIR`"),
        ]);
    }
    let file = crate::load::read_text(root, "site.yaml").map_err(|d| vec![d])?;
    match crate::parse::parse_config(&file, today) {
        (Some(config), diags) if !diags.iter().any(Diagnostic::is_error) => Ok(config),
        (_, diags) => Err(diags),
    }
}

/// A language code that is not one, with the rule.
fn bad_language(code: &str) -> Diagnostic {
    Diagnostic::error("--languages", format!("`{code}` is not a language code"))
        .found(format!("`{code}`"))
        .expected(
            "two or three lowercase letters (ISO 639), optionally followed by `-` and a region or script: `fr`, `ar`, `ha`, `pt-br`",
        )
        .help("separate the languages with commas, the default language first: `--languages fr,ar,en`")
}
