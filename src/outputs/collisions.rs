//! Collisions: a copied file (the site's static files, the theme's) that
//! goes where another output file goes, where the build makes a folder, or
//! inside a file the build makes.
//!
//! Each is an error naming the copied file and what makes the other
//! output, found from the plans before anything is written: in `check`,
//! a build and a session's rebuild alike. Without it, the file written
//! last would win, and which one that is depends on what changed.
//!
//! Copied files are few and other outputs many: each kind's paths are a
//! [`PathSet`] (the pages' is made with their paths and kept with them by a
//! session while the layout is unchanged), and each copied file costs a
//! few lookups, whatever the size of the portal.

use super::{Build, Output};
use crate::diag::Diagnostic;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

/// A kind's output paths, and the folders they need.
#[derive(Debug, Default)]
pub(crate) struct PathSet {
    /// Each path, with its index in the kind's paths.
    files: HashMap<String, usize>,
    /// Each folder above a path, with the index of a path below it.
    folders: HashMap<String, usize>,
}

impl PathSet {
    pub(crate) fn of(paths: &[String]) -> PathSet {
        let mut set = PathSet::default();
        for (index, path) in paths.iter().enumerate() {
            set.files.insert(path.clone(), index);
            for folder in folders_above(path) {
                if set.folders.contains_key(folder) {
                    break;
                }
                set.folders.insert(folder.to_owned(), index);
            }
        }
        set
    }

    /// Where a file at `path` meets this set's paths: the index of the
    /// path it collides with, and the output path where they meet.
    fn meets<'p>(&self, path: &'p str) -> Option<(usize, &'p str)> {
        let same = self.files.get(path).or_else(|| self.folders.get(path));
        if let Some(index) = same {
            return Some((*index, path));
        }
        folders_above(path).find_map(|f| self.files.get(f).map(|i| (*i, f)))
    }
}

/// A planned file: its kind and index in that kind's paths.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Item {
    kind: usize,
    index: usize,
}

/// The paths of each kind, in `kinds` order.
pub(crate) type Paths = [Arc<Vec<String>>];

/// Every collision among the planned `paths` of `kinds`, one per copied file.
pub(crate) fn collisions(
    build: &Build,
    kinds: &[Box<dyn Output>],
    paths: &Paths,
) -> Vec<Diagnostic> {
    let copied: Vec<usize> = (0..kinds.len()).filter(|k| kinds[*k].copies()).collect();
    // Per copied file, the first output it meets and where.
    let mut found: BTreeMap<Item, (Item, &str)> = BTreeMap::new();
    let mut meet = |kind: usize, other: usize, set: &PathSet| {
        for (index, path) in paths[kind].iter().enumerate() {
            if let Some((at_index, at)) = set.meets(path) {
                let other = Item {
                    kind: other,
                    index: at_index,
                };
                found.entry(Item { kind, index }).or_insert((other, at));
            }
        }
    };
    for (i, &other) in copied.iter().enumerate() {
        // The other outputs' files, and the copied files of earlier kinds
        // (a site's static file over the theme's).
        let set = PathSet::of(&paths[other]);
        for &kind in &copied[i + 1..] {
            meet(kind, other, &set);
        }
    }
    for other in (0..kinds.len()).filter(|k| !kinds[*k].copies()) {
        let set = kinds[other].path_set(build, &paths[other]);
        for &kind in &copied {
            meet(kind, other, &set);
        }
    }
    found
        .into_iter()
        .map(|(copy, (other, at))| collision(build, kinds, paths, (copy, other), at))
        .collect()
}
/// The folders above `path`: `a/b/c.html` gives `a/b` and `a`.
fn folders_above(path: &str) -> impl Iterator<Item = &str> {
    path.rmatch_indices('/').map(move |(i, _)| &path[..i])
}

/// The error for the copied file `copy`, which goes to (or below) the
/// output path `at`, where `other` goes too (or below it).
fn collision(
    build: &Build,
    kinds: &[Box<dyn Output>],
    paths: &Paths,
    (copy, other): (Item, Item),
    at: &str,
) -> Diagnostic {
    let file = kinds[copy.kind]
        .copied_from(build, copy.index)
        .unwrap_or_default();
    let published = &paths[copy.kind][copy.index];
    let other_path = &paths[other.kind][other.index];
    let maker = match kinds[other.kind].copied_from(build, other.index) {
        Some(from) => format!("copied from {from}"),
        None => format!("{} pledgeboard makes", kinds[other.kind].what()),
    };
    let place = if published == other_path {
        "a path the portal already uses".to_owned()
    } else if other_path == at {
        format!("inside `{at}`, which the portal makes as a file")
    } else {
        format!("where the portal needs a folder `{at}/`")
    };
    Diagnostic::error(
        file,
        format!("this file would be published as `{published}`, {place}"),
    )
    .found(format!("`{other_path}`, {maker}"))
    .expected("a static file at a path the portal does not use")
    .help("rename or move this file; to change a file of the theme, put your own version in `themes/<name>/static/`")
}
