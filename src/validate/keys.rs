//! Short keys across a locality's commitments: no two of one locality
//! have the same key (`crate::short_key`), so a key a reader quotes names
//! one commitment of its locality.
//!
//! Each clash is reported once, at the commitment that comes second in id
//! order, naming the first; nothing is renamed silently, since a key that
//! changed would no longer match the sheets already handed out.

use super::groups::Group;
use crate::diag::Diagnostic;
use crate::model::Commitment;
use crate::parse::DocKind;
use crate::yaml::Seg;
use std::collections::HashMap;
use std::sync::Arc;

/// Reports every commitment whose short key another commitment of its
/// locality (earlier by id) already has.
///
/// Runs on every rebuild, so it hashes nothing: each locality's
/// commitments are sorted by key, then id, and a key equal to the one
/// before it is a clash with the first of its run.
pub(super) fn check_unique(
    commitments: &HashMap<&str, Vec<Arc<Commitment>>>,
    groups: &[(DocKind, Group)],
    diags: &mut Vec<Diagnostic>,
) {
    let mut sorted: Vec<&Commitment> = Vec::new();
    for list in commitments.values() {
        sorted.clear();
        sorted.extend(list.iter().map(Arc::as_ref));
        sorted.sort_unstable_by(|a, b| (&a.short_key, &a.id).cmp(&(&b.short_key, &b.id)));
        let mut first = 0;
        for (i, c) in sorted.iter().enumerate().skip(1) {
            if c.short_key == sorted[first].short_key {
                diags.push(clash(sorted[first], c, groups));
            } else {
                first = i;
            }
        }
    }
}

/// The error of `second`, whose key `first` already has: at its
/// `short_key:` when it sets one, else at its front matter's start.
fn clash(first: &Commitment, second: &Commitment, groups: &[(DocKind, Group)]) -> Diagnostic {
    let key = &second.short_key;
    let message = format!("two commitments of this locality have the same short key `{key}`");
    let fm = groups
        .iter()
        .filter_map(|(_, g)| g.main.as_ref())
        .find(|main| main.fm.rel == second.source)
        .map(|main| &main.fm);
    let d = match fm {
        Some(fm) => fm.error(&[Seg::key("short_key")], message),
        None => Diagnostic::error(&second.source, message),
    };
    d.found(format!(
        "`{key}`, the key of `{}` too (a key is made from the file name unless `short_key:` sets one)",
        first.source
    ))
    .expected("a short key no other commitment of the locality has, which readers quote to name it")
    .help(format!(
        "give one of the two its own key, such as `short_key: {key}2` (1 to 8 letters or digits); keep the key readers already know, so that printed sheets still match"
    ))
}
