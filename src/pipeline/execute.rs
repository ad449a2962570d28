//! Execute a plan: compare every planned file's fingerprint with the
//! manifest of what the output holds, produce only the files that changed,
//! write them, and drop the files no longer planned.
//!
//! A clean build (an empty manifest) and a rebuild are this same code; only
//! the [`Target`] differs:
//! - a **staging** folder swapped into place at the end (a one-shot build,
//!   or a session whose output folder is gone): files that did not change
//!   are hard-linked from the output being replaced, the rest written; a
//!   failure leaves the output as it was;
//! - the output folder **in place** (a session's rebuilds): changed files
//!   are produced in memory first, and written (each atomically) only when
//!   all were produced; stale files are removed.

use super::manifest::{KindFiles, Manifest};
use crate::diag::Diagnostic;
use crate::memo::Fingerprint;
use crate::outputs::{Build, Content, Output, Plan, Streamed};
use crate::write::{self, Staging, Stamp};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;

/// Where a plan's files are written.
pub enum Target<'o> {
    /// A staging folder, swapped in for `current` at the end. It holds
    /// what `base` lists (the output before `current`, or nothing).
    Staging {
        staging: Staging,
        current: &'o Path,
        base: &'o Manifest,
    },
    /// The output folder itself. With `defer`, files that own their
    /// content (open data) are handed back to be written later.
    InPlace { out: &'o Path, defer: bool },
}

/// What executing a plan did.
pub(super) struct Outcome {
    /// What the output holds now.
    pub manifest: Manifest,
    /// Per kind, in `outputs::KINDS` order.
    pub counts: Vec<Counts>,
    /// Files left for the caller to write (`Target::InPlace` with `defer`).
    pub deferred: Vec<Deferred>,
}

/// A file left to write: its path and content.
pub type Deferred = (String, Arc<dyn Streamed>);

/// How many files of one kind were planned and produced.
#[derive(Clone, Copy, Debug)]
pub struct Counts {
    pub kind: &'static str,
    pub planned: usize,
    pub produced: usize,
}

/// A file of a plan, by kind and index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Item {
    kind: usize,
    index: usize,
}

/// Carries out the plans of `kinds` against `previous` into `target`.
pub(super) fn execute(
    build: &mut Build,
    kinds: &[Box<dyn Output>],
    previous: &Manifest,
    target: Target,
) -> Result<Outcome, Vec<Diagnostic>> {
    let plans: Vec<Plan> = kinds
        .iter()
        .map(|k| plan_timed(build, k.as_ref()))
        .collect();
    if let Err(d) = crate::outputs::refuse_collisions(build, kinds, &plans) {
        if let Target::Staging { staging, .. } = target {
            staging.abort();
        }
        return Err(d);
    }
    super::lap("collisions");
    let mut stamps: Vec<Vec<Option<Stamp>>> = plans
        .iter()
        .enumerate()
        .map(|(k, plan)| kept_stamps(plan, previous.kind(k)))
        .collect();
    let (to_make, deferred) = match target {
        Target::Staging {
            staging,
            current,
            base,
        } => {
            let to_make = keep_or_link(&staging, current, base, &plans, &mut stamps)
                .map_err(|e| vec![io_error(current, "the staging folder", e)])?;
            super::lap("keep");
            let done = produce_staged(
                build,
                kinds,
                &plans,
                &to_make,
                (&staging, current),
                &mut stamps,
            );
            if let Err(d) = done {
                staging.abort();
                return Err(vec![d]);
            }
            staging
                .commit()
                .map_err(|e| vec![commit_error(current, e)])?;
            (to_make, Vec::new())
        }
        Target::InPlace { out, defer } => {
            let to_make = unstamped(&stamps);
            // Made in memory, before anything is written.
            let made = run_by_run(build, kinds, &plans, &to_make, |path, content| {
                in_memory(content).map_err(|e| io_error(out, path, e))
            })
            .map_err(|d| vec![d])?;
            let deferred = write_in_place(out, &plans, made, defer, &mut stamps)?;
            remove_stale(&plans, previous, |path| write::remove_file(out, path))
                .map_err(|e| vec![io_error(out, "a file no longer made", e)])?;
            (to_make, deferred)
        }
    };
    super::lap("produce");
    let counts = kinds
        .iter()
        .zip(&plans)
        .enumerate()
        .map(|(k, (kind, plan))| Counts {
            kind: kind.name(),
            planned: plan.paths.len(),
            produced: to_make.iter().filter(|i| i.kind == k).count(),
        })
        .collect();
    let manifest = Manifest {
        kinds: plans
            .into_iter()
            .zip(stamps)
            .map(|(plan, stamps)| KindFiles {
                paths: plan.paths,
                fingerprints: plan.fingerprints,
                stamps,
            })
            .collect(),
    };
    Ok(Outcome {
        manifest,
        counts,
        deferred,
    })
}

/// The plan of one kind, its time a lap of its own (`plan: {kind}`), so
/// that the timings show what each kind costs before it produces anything.
fn plan_timed(build: &Build, kind: &dyn Output) -> Plan {
    let plan = kind.plan(build);
    super::lap(&format!("plan: {}", kind.name()));
    plan
}

/// For each planned file, the stamp the output's copy has when its
/// fingerprint is unchanged (it can be kept), or `None` (it must be made).
fn kept_stamps(plan: &Plan, before: Option<&KindFiles>) -> Vec<Option<Stamp>> {
    let Some(before) = before else {
        return vec![None; plan.paths.len()];
    };
    if same_paths(plan, before) {
        return plan
            .fingerprints
            .iter()
            .zip(&before.fingerprints)
            .zip(&before.stamps)
            .map(|((now, then), stamp)| if now == then { *stamp } else { None })
            .collect();
    }
    let by_path: HashMap<&str, (Fingerprint, Option<Stamp>)> = before
        .paths
        .iter()
        .map(String::as_str)
        .zip(
            before
                .fingerprints
                .iter()
                .copied()
                .zip(before.stamps.iter().copied()),
        )
        .collect();
    plan.paths
        .iter()
        .zip(&plan.fingerprints)
        .map(|(path, now)| match by_path.get(path.as_str()) {
            Some((then, stamp)) if then == now => *stamp,
            _ => None,
        })
        .collect()
}

/// The files that have no stamp to keep: they are made.
fn unstamped(stamps: &[Vec<Option<Stamp>>]) -> Vec<Item> {
    stamps
        .iter()
        .enumerate()
        .flat_map(|(kind, s)| {
            s.iter()
                .enumerate()
                .filter(|(_, stamp)| stamp.is_none())
                .map(move |(index, _)| Item { kind, index })
        })
        .collect()
}

/// Readies the staging folder: files no plan has are removed; every
/// planned file it holds already (unchanged since the output it started
/// from) stays; every other kept file is linked from the current output.
/// A file is kept only when its stamp on disk is the one recorded. Returns
/// the files to make.
fn keep_or_link(
    staging: &Staging,
    current: &Path,
    base: &Manifest,
    plans: &[Plan],
    stamps: &mut [Vec<Option<Stamp>>],
) -> std::io::Result<Vec<Item>> {
    if !base.is_empty() {
        remove_unplanned(staging, plans)?;
    }
    for (k, (plan, stamps)) in plans.iter().zip(stamps.iter_mut()).enumerate() {
        let in_staging = kept_stamps(plan, base.kind(k));
        stamps
            .par_iter_mut()
            .zip(&plan.paths[..])
            .zip(in_staging)
            .for_each(|((stamp, path), held)| {
                if let Some(held) = held.filter(|s| staging.stamp(path).ok() == Some(*s)) {
                    *stamp = Some(held);
                } else if let Some(kept) = *stamp {
                    let from = current.join(path);
                    *stamp = Stamp::read(&from)
                        .ok()
                        .filter(|now| *now == kept)
                        .and_then(|_| staging.link(path, &from, kept).ok());
                }
            });
    }
    Ok(unstamped(stamps))
}

/// Makes and writes the files `to_make` into the staging folder, recording
/// their stamps.
fn produce_staged(
    build: &mut Build,
    kinds: &[Box<dyn Output>],
    plans: &[Plan],
    to_make: &[Item],
    (staging, current): (&Staging, &Path),
    stamps: &mut [Vec<Option<Stamp>>],
) -> Result<(), Diagnostic> {
    let written = run_by_run(build, kinds, plans, to_make, |path, content| {
        write_staged(staging, path, content).map_err(|e| io_error(current, path, e))
    })?;
    for (item, stamp) in written {
        stamps[item.kind][item.index] = Some(stamp);
    }
    Ok(())
}

/// Produces the files `to_make` and hands each to `finish`, kind by kind
/// and run by run of each kind (after a run, the kind may free what it
/// used), the files of a run in parallel.
fn run_by_run<T: Send>(
    build: &mut Build,
    kinds: &[Box<dyn Output>],
    plans: &[Plan],
    to_make: &[Item],
    finish: impl Fn(&str, Content) -> Result<T, Diagnostic> + Sync,
) -> Result<Vec<(Item, T)>, Diagnostic> {
    let mut done = Vec::with_capacity(to_make.len());
    for (k, kind) in kinds.iter().enumerate() {
        let mine: Vec<usize> = items_of(to_make, k);
        for (r, run) in kind.runs(plans[k].paths.len()).into_iter().enumerate() {
            let here: Vec<usize> = mine.iter().copied().filter(|i| run.contains(i)).collect();
            let build_ref: &Build = build;
            let finished: Vec<(Item, T)> = here
                .par_iter()
                .map(|&index| {
                    let content = kind.produce(build_ref, index)?;
                    let value = finish(&plans[k].paths[index], content)?;
                    Ok((Item { kind: k, index }, value))
                })
                .collect::<Result<_, Diagnostic>>()?;
            done.extend(finished);
            kind.after_run(build, r);
        }
        super::lap(&format!("make: {}", kind.name()));
    }
    Ok(done)
}

fn items_of(items: &[Item], kind: usize) -> Vec<usize> {
    items
        .iter()
        .filter(|i| i.kind == kind)
        .map(|i| i.index)
        .collect()
}

fn write_staged(staging: &Staging, path: &str, content: Content) -> std::io::Result<Stamp> {
    match content {
        Content::Bytes(bytes) => staging.write(path, &bytes),
        Content::Copy(from) => staging.copy(path, &from),
        Content::Stream(fill) => staging.write_with(path, fill),
        Content::Owned(owned) => staging.write_with(path, |w| owned.write_to(w)),
    }
}

/// A file made in memory, to be written once every file is made.
enum Made {
    Bytes(Vec<u8>),
    Owned(Arc<dyn Streamed>),
}

fn in_memory(content: Content) -> std::io::Result<Made> {
    Ok(match content {
        Content::Bytes(bytes) => Made::Bytes(bytes),
        Content::Copy(from) => Made::Bytes(std::fs::read(from)?),
        Content::Stream(fill) => {
            let mut bytes = Vec::new();
            fill(&mut bytes)?;
            Made::Bytes(bytes)
        }
        Content::Owned(owned) => Made::Owned(owned),
    })
}

/// Writes the files made, each atomically; with `defer`, those that own
/// their content are returned instead, to be written later.
fn write_in_place(
    out: &Path,
    plans: &[Plan],
    made: Vec<(Item, Made)>,
    defer: bool,
    stamps: &mut [Vec<Option<Stamp>>],
) -> Result<Vec<Deferred>, Vec<Diagnostic>> {
    let (later, now): (Vec<_>, Vec<_>) = made
        .into_iter()
        .partition(|(_, m)| defer && matches!(m, Made::Owned(_)));
    let written: Vec<(Item, Stamp)> = now
        .par_iter()
        .map(|(item, made)| {
            let path = &plans[item.kind].paths[item.index];
            let stamp = match made {
                Made::Bytes(bytes) => write::replace_file(out, path, bytes),
                Made::Owned(owned) => write::replace_file_with(out, path, |w| owned.write_to(w)),
            };
            stamp
                .map(|s| (*item, s))
                .map_err(|e| io_error(out, path, e))
        })
        .collect::<Result<_, Diagnostic>>()
        .map_err(|d| vec![d])?;
    for (item, stamp) in written {
        stamps[item.kind][item.index] = Some(stamp);
    }
    Ok(later
        .into_iter()
        .filter_map(|(item, made)| match made {
            Made::Owned(owned) => Some((plans[item.kind].paths[item.index].clone(), owned)),
            Made::Bytes(_) => None,
        })
        .collect())
}

/// Removes from a staging folder that started from an earlier output every
/// file no plan has: those of content since deleted, and any other.
fn remove_unplanned(staging: &Staging, plans: &[Plan]) -> std::io::Result<()> {
    let planned = planned_paths(plans);
    for file in staging.files()? {
        if !planned.contains(file.as_str()) {
            staging.remove(&file)?;
        }
    }
    Ok(())
}

/// Removes (with `remove`) the files of `previous` that no plan has.
///
/// Only the kinds whose paths changed are looked at (a rebuild that adds a
/// search shard must not hash the 40,000 pages' paths): no two kinds plan
/// one path (copied files that would are refused as collisions), so a
/// path a kind dropped can only have gone to a kind whose paths changed.
fn remove_stale(
    plans: &[Plan],
    previous: &Manifest,
    remove: impl Fn(&str) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let kinds = plans.len().max(previous.kinds.len());
    let unchanged = |k: usize| match (plans.get(k), previous.kind(k)) {
        (Some(plan), Some(before)) => same_paths(plan, before),
        _ => false,
    };
    let changed: Vec<usize> = (0..kinds).filter(|&k| !unchanged(k)).collect();
    if changed.is_empty() {
        return Ok(());
    }
    let now: HashSet<&str> = (changed.iter())
        .filter_map(|&k| plans.get(k))
        .flat_map(|plan| plan.paths.iter().map(String::as_str))
        .collect();
    for before in changed.iter().filter_map(|&k| previous.kind(k)) {
        for path in before.paths.iter().filter(|p| !now.contains(p.as_str())) {
            remove(path)?;
        }
    }
    Ok(())
}

/// Whether a plan has the very paths, in the same order, that `before` lists.
fn same_paths(plan: &Plan, before: &KindFiles) -> bool {
    Arc::ptr_eq(&plan.paths, &before.paths) || plan.paths == before.paths
}

/// Every path of every plan.
fn planned_paths(plans: &[Plan]) -> HashSet<&str> {
    plans
        .iter()
        .flat_map(|p| p.paths.iter().map(String::as_str))
        .collect()
}

/// A failure to put the finished output in place of the output folder
/// `out` (the staging folder is deleted, `out` is as it was).
fn commit_error(out: &Path, e: std::io::Error) -> Diagnostic {
    let kept = "the new portal was deleted; this folder is as it was";
    let help = if e.kind() == std::io::ErrorKind::ResourceBusy {
        format!(
            "a build replaces its output folder as a whole, and this one cannot be replaced: \
             it is probably a mount point (a disk, a network share or a container volume \
             mounted there). Build into a folder inside it (`--output {}`) or mount the \
             folder above it; {kept}",
            out.join("portal").display()
        )
    } else {
        kept.to_owned()
    };
    Diagnostic::error(
        out.display().to_string(),
        format!("cannot put the new portal in place of this folder: {e}"),
    )
    .help(help)
}

/// A failure to write `what` into the output folder `out`.
pub(super) fn io_error(out: &Path, what: &str, e: std::io::Error) -> Diagnostic {
    Diagnostic::error(
        out.display().to_string(),
        format!("cannot write {what}: {e}"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;

    fn plan(paths: &[&str]) -> Plan {
        paths
            .iter()
            .map(|p| (p.to_string(), Fingerprint::default()))
            .collect()
    }

    fn manifest(plans: &[Plan]) -> Manifest {
        let kinds = plans.iter().map(|p| KindFiles {
            paths: p.paths.clone(),
            fingerprints: p.fingerprints.clone(),
            stamps: vec![None; p.paths.len()],
        });
        Manifest {
            kinds: kinds.collect(),
        }
    }

    /// What `remove_stale` removes when the output held `before` and the
    /// plans are now `after` (kind by kind).
    fn removed(before: &[&[&str]], after: &[&[&str]]) -> Vec<String> {
        let before: Vec<Plan> = before.iter().map(|p| plan(p)).collect();
        let after: Vec<Plan> = after.iter().map(|p| plan(p)).collect();
        let gone = RefCell::new(Vec::new());
        remove_stale(&after, &manifest(&before), |path| {
            gone.borrow_mut().push(path.to_string());
            Ok(())
        })
        .unwrap();
        gone.into_inner()
    }

    #[test]
    fn stale_files_are_removed_and_no_others() {
        let pages: &[&str] = &["en/index.html", "en/a/index.html"];
        // Nothing changed.
        assert!(
            removed(
                &[pages, &["en/search/t-ab.js"]],
                &[pages, &["en/search/t-ab.js"]]
            )
            .is_empty()
        );
        // A search shard replaced by another.
        assert_eq!(
            removed(
                &[pages, &["en/search/t-ab.js"]],
                &[pages, &["en/search/t-cd.js"]]
            ),
            ["en/search/t-ab.js"]
        );
        // A page gone.
        assert_eq!(
            removed(&[pages, &[]], &[&["en/index.html"], &[]]),
            ["en/a/index.html"]
        );
        // A static file replaced by a page at its very path: kept.
        assert!(removed(&[&["en/index.html"], &["en/a/index.html"]], &[pages, &[]]).is_empty());
        // A kind no longer made at all.
        assert_eq!(removed(&[pages, &["x.ics"]], &[pages]), ["x.ics"]);
    }

    #[test]
    fn a_folder_that_cannot_be_replaced_is_named_with_what_to_do() {
        let busy = std::io::Error::from(std::io::ErrorKind::ResourceBusy);
        let d = commit_error(Path::new("/srv/www"), busy);
        assert_eq!(
            d.to_string(),
            "error: /srv/www: cannot put the new portal in place of this folder: \
             resource busy\n  help: a build replaces its output folder as a whole, and \
             this one cannot be replaced: it is probably a mount point (a disk, a network \
             share or a container volume mounted there). Build into a folder inside it \
             (`--output /srv/www/portal`) or mount the folder above it; the new portal was \
             deleted; this folder is as it was\n"
        );
        let other = std::io::Error::from(std::io::ErrorKind::StorageFull);
        assert!(
            commit_error(Path::new("/srv/www"), other)
                .to_string()
                .ends_with("help: the new portal was deleted; this folder is as it was\n")
        );
    }
}
