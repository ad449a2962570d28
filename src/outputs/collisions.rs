//! Collisions: a copied file (the site's static files, the theme's) that
//! goes where another output file goes, where the build makes a folder, or
//! inside a file the build makes.
//!
//! Each is an error naming the copied file and what makes the other
//! output, found from the plans before anything is written: in `check`,
//! a build and a session's rebuild alike. Without it, the file written
//! last would win, and which one that is depends on what changed.
//!
//! Copied files are few and other outputs many: the copied files (and the
//! folders above them) go into a map, and another output's path is looked
//! up only when its first segment is one of theirs (`en/…` is, when there
//! is a `static/en/`). Paths come in runs with one first segment, so a
//! page costs a comparison of a few bytes (about 1 ms for 66,000 pages);
//! a set of the pages' paths would cost a hundred times more to build.

use super::{Build, Output};
use crate::diag::Diagnostic;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

/// A planned file: its kind and index in that kind's paths.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Item {
    kind: usize,
    index: usize,
}

/// What a copied file takes in the output: the file itself, or a folder
/// above it (it must stay a folder).
#[derive(Clone, Copy)]
enum Taken {
    File(Item),
    Folder(Item),
}

impl Taken {
    fn item(self) -> Item {
        match self {
            Taken::File(item) | Taken::Folder(item) => item,
        }
    }
}

/// The paths of each kind, in `kinds` order.
pub(crate) type Paths = [Arc<Vec<String>>];

/// Per copied file, the first output it meets and the output path where.
type Found<'p> = BTreeMap<Item, (Item, &'p str)>;

/// Every collision among the planned `paths` of `kinds`, one per copied file.
pub(crate) fn collisions(
    build: &Build,
    kinds: &[Box<dyn Output>],
    paths: &Paths,
) -> Vec<Diagnostic> {
    let mut found = Found::new();
    let taken = copied_files(kinds, paths, &mut found);
    let mut firsts = FirstSegments::of(&taken);
    for kind in (0..kinds.len()).filter(|k| !kinds[*k].copies()) {
        for (index, path) in paths[kind].iter().enumerate() {
            if !firsts.admit(path) {
                continue;
            }
            let made = Item { kind, index };
            if let Some(copy) = taken.get(path.as_str()) {
                found.entry(copy.item()).or_insert((made, path));
            }
            for folder in folders_above(path) {
                if let Some(Taken::File(copy)) = taken.get(folder) {
                    found.entry(*copy).or_insert((made, folder));
                }
            }
        }
    }
    found
        .into_iter()
        .map(|(copy, (other, at))| collision(build, kinds, paths, (copy, other), at))
        .collect()
}

/// The copied files and the folders above them, in kind order; a copied
/// file that meets an earlier one (a site's static file over the theme's)
/// goes into `found`.
fn copied_files<'p>(
    kinds: &[Box<dyn Output>],
    paths: &'p Paths,
    found: &mut Found<'p>,
) -> HashMap<&'p str, Taken> {
    let mut taken: HashMap<&str, Taken> = HashMap::new();
    for kind in (0..kinds.len()).filter(|k| kinds[*k].copies()) {
        for (index, path) in paths[kind].iter().enumerate() {
            let item = Item { kind, index };
            match taken.get(path.as_str()) {
                Some(other) => {
                    found.entry(item).or_insert((other.item(), path));
                }
                None => {
                    taken.insert(path, Taken::File(item));
                }
            }
            for folder in folders_above(path) {
                match taken.get(folder) {
                    Some(Taken::File(other)) => {
                        found.entry(item).or_insert((*other, folder));
                    }
                    Some(Taken::Folder(_)) => {}
                    None => {
                        taken.insert(folder, Taken::Folder(item));
                    }
                }
            }
        }
    }
    taken
}

/// The first segments of the copied files' paths: a path that does not
/// start with one cannot meet a copied file. Paths come in runs with one
/// first segment (a language's pages), so the last answer is kept.
struct FirstSegments<'p> {
    set: HashSet<&'p str>,
    last: Option<(&'p str, bool)>,
}

impl<'p> FirstSegments<'p> {
    fn of(taken: &HashMap<&'p str, Taken>) -> FirstSegments<'p> {
        FirstSegments {
            set: taken.keys().map(|p| first_segment(p)).collect(),
            last: None,
        }
    }

    /// Whether `path` may meet a copied file.
    fn admit(&mut self, path: &'p str) -> bool {
        let first = first_segment(path);
        match self.last {
            Some((last, answer)) if last == first => answer,
            _ => {
                let answer = self.set.contains(first);
                self.last = Some((first, answer));
                answer
            }
        }
    }
}

/// The first segment of a path: `en` of `en/index.html`.
fn first_segment(path: &str) -> &str {
    path.split('/').next().unwrap_or(path)
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
