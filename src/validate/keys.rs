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
pub(super) fn check_unique(
    commitments: &HashMap<&str, Vec<Arc<Commitment>>>,
    groups: &[(DocKind, Group)],
    diags: &mut Vec<Diagnostic>,
) {
    for list in commitments.values() {
        let mut sorted: Vec<&Arc<Commitment>> = list.iter().collect();
        sorted.sort_by(|a, b| a.id.cmp(&b.id));
        let mut seen: HashMap<&str, &Commitment> = HashMap::new();
        for c in sorted {
            match seen.get(c.short_key.as_str()) {
                Some(first) => diags.push(clash(first, c, groups)),
                None => {
                    seen.insert(&c.short_key, c);
                }
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
