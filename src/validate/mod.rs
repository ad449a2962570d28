//! Validate: check the rules that span files and assemble the [`Site`].
//!
//! Input is the site settings and every parsed file; output is a [`Site`]
//! whose invariants (see `model`) later stages rely on, or the full list of
//! problems found. Checks here: status and party ids exist, update dates are
//! in order and not after `as_of`, the current status agrees with the last
//! update, translations belong to an existing file in a configured language
//! and match its updates by date, every locality folder has an `_index.md`,
//! free page and commitment ids do not collide with the portal's own paths,
//! a locality's commitments have short keys of their own.
//!
//! [`validate`] runs the steps in order, each adding its problems in the
//! order a reader of the files meets them:
//! - `groups`: each default-language file with its translations (a
//!   translation in the default language or in a language the site lacks is
//!   refused), and translations of files that do not exist (a file found
//!   but not parsed, its errors already reported, exists);
//! - `places`: the home text, free pages (not under a reserved id) and
//!   localities;
//! - `commitment`: each commitment checked (in parallel, or taken from the
//!   memo), its status, parties, dates, updates and translations;
//! - `keys`: no two commitments of a locality with the same short key;
//! - `places` again: locality folders without `_index.md` (one found but
//!   not parsed is not missing: its errors were reported);
//! - the commitments put in their localities, and the `Site` assembled.
//!
//! `texts` merges a field's default-language text with its translations.

mod commitment;
pub(crate) use commitment::RESERVED_COMMITMENT_IDS;
mod groups;
mod keys;
mod pairing;
mod places;
#[cfg(test)]
mod tests;
mod texts;

use crate::diag::Diagnostic;
use crate::memo::{Fingerprint, Memo};
use crate::model::{Commitment, Config, Locality, Site};
use crate::parse::Doc;
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::Arc;

/// Path segments under `/<lang>/` that the portal itself uses; a free page
/// cannot take one of them as its id.
pub(crate) const RESERVED_PAGE_IDS: &[&str] = &[
    "localities",
    "status",
    "party",
    "topic",
    "country",
    "updates",
    "overdue",
    "commitments",
    "data",
    "static",
    "search",
];

/// Everything `validate` needs besides the parsed files.
pub(crate) struct Inputs<'a> {
    pub root: PathBuf,
    pub config: Config,
    pub docs: Vec<Arc<Doc>>,
    /// Every content file found, sorted, parsed or not (a file whose
    /// errors were reported is no missing file).
    pub found: &'a [String],
    pub locality_dirs: Vec<String>,
    pub static_files: Vec<String>,
    pub theme_dir: Option<PathBuf>,
    /// A fingerprint of what `config` was made from (site.yaml's text and
    /// the build date): with equal settings and equal files, a commitment
    /// checked before is checked the same again, so a memo may reuse it.
    pub settings: Fingerprint,
}

/// A commitment as checked: the commitment (none when it has errors) and
/// the problems found in it. A session keeps these by the fingerprint of
/// the commitment's files and the settings: an unchanged commitment is not
/// checked or assembled again.
pub(crate) type Checked = Arc<(Option<Arc<Commitment>>, Vec<Diagnostic>)>;

/// Checks the cross-file rules and builds the site. Warnings are returned
/// alongside a site; errors mean no site. `memo` holds commitments checked
/// before (by a session) or nothing.
pub(crate) fn validate(
    inputs: Inputs<'_>,
    memo: &Memo<Checked>,
) -> (Option<Site>, Vec<Diagnostic>) {
    let Inputs {
        root,
        config,
        docs,
        found,
        locality_dirs,
        static_files,
        theme_dir,
        settings,
    } = inputs;
    let mut diags = Vec::new();
    let groups = groups::group(docs, &config, &mut diags);
    groups::check_originals(&groups, found, &mut diags);
    let places::Places {
        mut localities,
        pages,
        home,
    } = places::places(&config, &groups, &mut diags);
    let checked = commitment::check_all(&config, settings, &groups, memo);
    let commitments = by_locality(&checked, &mut diags);
    keys::check_unique(&commitments, &groups, &mut diags);
    let folders = places::Folders {
        dirs: &locality_dirs,
        found,
    };
    places::check_locality_folders(folders, &localities, &commitments, &mut diags);
    places::check_outlines(&localities, &mut diags);
    attach(commitments, &mut localities);

    if diags.iter().any(Diagnostic::is_error) {
        return (None, diags);
    }
    let site = Site {
        root,
        config,
        localities: localities.into_values().collect(),
        pages,
        home,
        static_files,
        theme_dir,
    };
    (Some(site), diags)
}

/// The valid commitments by locality id; the problems of every commitment
/// added to `diags`, in the order of `checked`.
fn by_locality<'a>(
    checked: &'a [(&'a String, Checked)],
    diags: &mut Vec<Diagnostic>,
) -> HashMap<&'a str, Vec<Arc<Commitment>>> {
    // Checked in the order of the groups, sorted by kind: a locality's
    // commitments are neighbours.
    let mut by_locality: Vec<(&String, Vec<Arc<Commitment>>)> = Vec::new();
    for (locality, checked) in checked {
        let (c, d) = &**checked;
        diags.extend(d.iter().cloned());
        if let Some(c) = c {
            match by_locality.last_mut() {
                Some((l, list)) if *l == *locality => list.push(c.clone()),
                _ => by_locality.push((*locality, vec![c.clone()])),
            }
        }
    }
    by_locality
        .into_iter()
        .map(|(l, list)| (l.as_str(), list))
        .collect()
}

/// Puts each locality's commitments in it, sorted by id (a folder without
/// `_index.md` has no locality: its commitments are left out, and the
/// folder was reported by `check_locality_folders`).
fn attach(
    commitments: HashMap<&str, Vec<Arc<Commitment>>>,
    localities: &mut BTreeMap<String, Locality>,
) {
    for (loc_id, list) in commitments {
        if let Some(loc) = localities.get_mut(loc_id) {
            loc.commitments = list;
            loc.commitments.sort_by(|a, b| a.id.cmp(&b.id));
        }
    }
}
