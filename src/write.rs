//! Write: put the output on disk without ever losing the previous one.
//!
//! A build writes into a staging folder beside the output folder
//! (`.<name>.pledgeboard-new-<process>-<n>`, a name of its own). Only when
//! every file was written does the staging folder take the output folder's
//! place, in one step where the system can (Linux: `renameat2` with
//! `RENAME_EXCHANGE` swaps the two folders, so the output path always holds
//! a whole portal). Elsewhere, or on a file system that refuses the
//! exchange, the old output is renamed aside and the staging folder into
//! its place: between those two renames the output path is missing (a
//! build killed there leaves the previous output as
//! `.<name>.pledgeboard-old`, where the next build finds it). A build that
//! fails or is interrupted leaves the previous output exactly as it was (at
//! worst with a stale staging folder, which the next build removes); a
//! commit that fails (a mount point cannot be replaced) deletes its
//! staging folder and leaves the output as it was.
//!
//! One process at a time writes an output folder: it holds the folder's
//! [`Lock`] (see `lock.rs`), so staging folders of other names beside the
//! output folder are stale and removed.
//!
//! The staging folder is empty, or (see [`Base`]) it is the output before
//! the current one, which the last commit kept beside the output folder
//! (`.<name>.pledgeboard-old`): the build then replaces only the files that
//! changed and removes those it no longer makes, so that a build of mostly
//! unchanged content writes and deletes little. A file of such a folder may
//! be the same file (a hard link) as one of the current output, so nothing
//! is ever written through: a file is replaced by removing it first.
//!
//! The output folder is refused when it is the site folder or contains it,
//! when it is inside a folder the site reads ([`READ_FOLDERS`]), when it is
//! `/` or the home folder, and when it already exists with content that
//! pledgeboard did not write (it has no marker file). An output folder that
//! is a symbolic link is written through: the portal goes into the link's
//! target, and the link stays.

mod lock;

pub(crate) use lock::Refusal;
pub use lock::{Holder, Lock, Use};

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// The marker file pledgeboard leaves in every output folder it writes.
pub(crate) const MARKER: &str = ".pledgeboard-output";

/// What a written file looks like on disk: its size and modification time.
/// A file whose stamp is still the one it had when written was not touched
/// since, so a later build may link it into its staging folder unread.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Stamp {
    pub len: u64,
    /// Nanoseconds since the Unix epoch (0 where the system has no time).
    pub modified: u128,
}

impl Stamp {
    pub fn of(meta: &fs::Metadata) -> Stamp {
        let modified = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos());
        Stamp {
            len: meta.len(),
            modified,
        }
    }

    /// The stamp of the file at `path` (not following a symbolic link).
    pub fn read(path: &Path) -> io::Result<Stamp> {
        fs::symlink_metadata(path).map(|m| Stamp::of(&m))
    }
}

/// A staging folder being filled.
pub struct Staging {
    out: PathBuf,
    tmp: PathBuf,
    /// It started from an earlier output: a path may hold a file already.
    reused: bool,
    keep_replaced: bool,
}

/// Where the last commit kept the output it replaced (see [`Base`]).
pub(crate) fn previous_output(out: &Path) -> PathBuf {
    beside(out, "old")
}

/// Why an output folder cannot be used.
#[derive(Debug)]
pub(crate) struct Refused(pub String);

/// The folders of a site folder that the site reads (see `load.rs`,
/// `theme.rs` and the site's interface strings): an output folder inside
/// one would be read by the next build.
pub(crate) const READ_FOLDERS: [&str; 5] = ["localities", "pages", "static", "themes", "i18n"];

/// Checks that `out` is a safe place to write the output of the site at
/// `site`, and returns where to write: `out` made absolute, or, when `out`
/// is a symbolic link, the folder it leads to (the link stays).
pub(crate) fn check_output(site: &Path, out: &Path) -> Result<PathBuf, Refused> {
    let site = site
        .canonicalize()
        .map_err(|e| Refused(format!("cannot resolve the site folder: {e}")))?;
    let out_abs =
        absolute(out).map_err(|e| Refused(format!("cannot resolve the output folder: {e}")))?;
    let out_real = resolve_existing(&out_abs);
    if out_real.parent().is_none() {
        return Err(Refused("the output folder cannot be `/`".into()));
    }
    if let Some(home) = std::env::var_os("HOME").map(PathBuf::from)
        && home.canonicalize().is_ok_and(|h| h == out_real)
    {
        return Err(Refused(
            "the output folder cannot be your home folder".into(),
        ));
    }
    if out_real == site {
        return Err(Refused(
            "the output folder cannot be the site folder itself".into(),
        ));
    }
    if site.starts_with(&out_real) {
        return Err(Refused(
            "the output folder cannot contain the site folder".into(),
        ));
    }
    if let Some(read) = read_folder_holding(&site, &out_real) {
        return Err(Refused(format!(
            "the output folder cannot be inside the site's `{read}/` folder: the site reads \
             that folder, so every build would take in the portal of the build before; \
             choose a folder outside it, such as the site's `public/`"
        )));
    }
    check_contents(out, &out_real)?;
    let is_link = fs::symlink_metadata(&out_abs).is_ok_and(|m| m.file_type().is_symlink());
    Ok(if is_link { out_real } else { out_abs })
}

/// The folder of [`READ_FOLDERS`] of the site folder `site` (real path)
/// that holds `real`, if any.
fn read_folder_holding(site: &Path, real: &Path) -> Option<&'static str> {
    READ_FOLDERS
        .into_iter()
        .find(|f| real.starts_with(resolve_existing(&site.join(f))))
}

/// Checks that `file` is a safe place to write one file made from the site
/// at `site` (an offline bundle, `what`): not inside a folder the site reads,
/// nor inside an output folder of pledgeboard (the next build replaces it
/// whole), and not a folder. Returns where to write: `file` made absolute,
/// or, when it is a symbolic link, the file it leads to.
pub(crate) fn check_output_file(site: &Path, file: &Path, what: &str) -> Result<PathBuf, Refused> {
    let site = site
        .canonicalize()
        .map_err(|e| Refused(format!("cannot resolve the site folder: {e}")))?;
    let abs =
        absolute(file).map_err(|e| Refused(format!("cannot resolve `{}`: {e}", file.display())))?;
    let real = resolve_existing(&abs);
    if let Some(read) = read_folder_holding(&site, &real) {
        return Err(Refused(format!(
            "{what} cannot be inside the site's `{read}/` folder: the site reads that \
             folder, so the next build would publish it (or read it as content); \
             choose a place outside it"
        )));
    }
    if let Some(output) = real.ancestors().skip(1).find(|d| d.join(MARKER).is_file()) {
        return Err(Refused(format!(
            "{what} cannot be inside `{}`, an output folder of pledgeboard: the next build \
             replaces that folder, and {what} with it; choose a place outside it",
            output.display()
        )));
    }
    if real.is_dir() {
        return Err(Refused(format!("`{}` is a folder", file.display())));
    }
    Ok(real)
}

/// Refuses an existing output folder that pledgeboard did not write, or
/// something that is not a folder.
fn check_contents(out: &Path, out_real: &Path) -> Result<(), Refused> {
    if out_real.is_dir() {
        let non_empty = fs::read_dir(out_real)
            .map(|mut d| d.next().is_some())
            .unwrap_or(false);
        if non_empty && !out_real.join(MARKER).is_file() {
            return Err(Refused(format!(
                "`{}` already exists and was not written by pledgeboard (it has no `{MARKER}` file); \
                 choose an empty or new folder, so that nothing of yours is replaced",
                out.display()
            )));
        }
    } else if out_real.exists() {
        return Err(Refused(format!(
            "`{}` exists and is not a folder",
            out.display()
        )));
    }
    Ok(())
}

fn absolute(p: &Path) -> io::Result<PathBuf> {
    if p.is_absolute() {
        Ok(p.to_path_buf())
    } else {
        Ok(std::env::current_dir()?.join(p))
    }
}

/// The real path of `p`, resolving the longest existing prefix and
/// symbolic links, also those that lead to nothing yet.
fn resolve_existing(p: &Path) -> PathBuf {
    resolve(p, 40)
}

fn resolve(p: &Path, hops: u8) -> PathBuf {
    if let Ok(real) = p.canonicalize() {
        return real;
    }
    let (Some(parent), Some(name)) = (p.parent(), p.file_name()) else {
        return p.to_path_buf();
    };
    match fs::read_link(p) {
        // A link to a folder still to be made: the folder it will be.
        Ok(target) if hops > 0 => resolve(&parent.join(target), hops - 1),
        _ => resolve(parent, hops).join(name),
    }
}

/// A path beside the output folder `out`: `.NAME.pledgeboard-SUFFIX`.
pub(crate) fn beside(out: &Path, suffix: &str) -> PathBuf {
    let name = out
        .file_name()
        .map_or("public".into(), |n| n.to_string_lossy().into_owned());
    out.with_file_name(format!(".{name}.pledgeboard-{suffix}"))
}

/// What a staging folder starts from, and what its commit keeps.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Base {
    /// Start from the output before the current one, which the last
    /// commit kept beside it (`.NAME.pledgeboard-old`): its files are then
    /// replaced, removed or kept, never written through (a kept file may be
    /// the same file as one of the current output's).
    pub reuse_previous: bool,
    /// Keep the output this build replaces beside the new one, as the next
    /// build's starting point, instead of deleting it.
    pub keep_replaced: bool,
}

impl Staging {
    /// Starts an empty staging folder for the output folder `out` (already
    /// checked); its commit deletes the output it replaces.
    pub fn begin(out: &Path) -> io::Result<Staging> {
        Staging::begin_with(out, Base::default())
    }

    /// Starts a staging folder for `out` from `base`. The caller holds the
    /// output folder's [`Lock`]: other staging folders of `out` are stale.
    pub fn begin_with(out: &Path, base: Base) -> io::Result<Staging> {
        remove_stale_staging(out)?;
        let tmp = staging_name(out);
        let previous = previous_output(out);
        let reused = base.reuse_previous && previous.is_dir();
        if reused {
            fs::rename(&previous, &tmp)?;
        } else {
            if previous.exists() {
                fs::remove_dir_all(&previous)?;
            }
            if let Some(parent) = tmp.parent() {
                fs::create_dir_all(parent)?;
            }
            fs::create_dir(&tmp)?;
        }
        let staging = Staging {
            out: out.to_path_buf(),
            tmp,
            reused,
            keep_replaced: base.keep_replaced,
        };
        // A new marker file for every build: its identity names this output.
        staging.write(
            MARKER,
            b"This folder is written by pledgeboard; each build replaces it.\n",
        )?;
        Ok(staging)
    }

    /// Writes one file, `rel` being relative to the output root.
    pub fn write(&self, rel: &str, bytes: &[u8]) -> io::Result<Stamp> {
        let mut file = fs::File::create(self.place(rel)?)?;
        io::Write::write_all(&mut file, bytes)?;
        Ok(Stamp::of(&file.metadata()?))
    }

    /// Writes one file by streaming it through `fill`.
    pub fn write_with(
        &self,
        rel: &str,
        fill: impl FnOnce(&mut dyn io::Write) -> io::Result<()>,
    ) -> io::Result<Stamp> {
        let mut w = io::BufWriter::with_capacity(1 << 20, fs::File::create(self.place(rel)?)?);
        fill(&mut w)?;
        io::Write::flush(&mut w)?;
        Ok(Stamp::of(&w.get_ref().metadata()?))
    }

    /// Copies a file into the output.
    pub fn copy(&self, rel: &str, from: &Path) -> io::Result<Stamp> {
        let to = self.place(rel)?;
        fs::copy(from, &to)?;
        Stamp::read(&to)
    }

    /// Puts the file `from` (of the output being replaced, with the stamp
    /// `stamp`) into the staging folder as a hard link, unread and
    /// unwritten; a file system without hard links gets a copy. Returns the
    /// stamp of the staged file.
    pub fn link(&self, rel: &str, from: &Path, stamp: Stamp) -> io::Result<Stamp> {
        let to = self.place(rel)?;
        match fs::hard_link(from, &to) {
            Ok(()) => Ok(stamp),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Err(e),
            Err(_) => {
                fs::copy(from, &to)?;
                Stamp::read(&to)
            }
        }
    }

    /// Where `rel` goes in the staging folder, with its folder made and,
    /// in a reused folder, the file there before removed: it may be the
    /// same file as the current output's, which must not change.
    fn place(&self, rel: &str) -> io::Result<PathBuf> {
        let path = self.tmp.join(rel);
        if self.reused {
            match fs::remove_file(&path) {
                Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
                _ => {}
            }
        }
        if let Some(parent) = path.parent() {
            make_dir(parent)?;
        }
        Ok(path)
    }

    /// The stamp of the file `rel` the staging folder holds.
    pub fn stamp(&self, rel: &str) -> io::Result<Stamp> {
        Stamp::read(&self.tmp.join(rel))
    }

    /// Every file the staging folder holds (the marker file aside), by
    /// path relative to it with `/` separators.
    pub fn files(&self) -> io::Result<Vec<String>> {
        let mut out = Vec::new();
        list_files(&self.tmp, "", &mut out)?;
        out.retain(|f| f != MARKER);
        Ok(out)
    }

    /// Removes the file `rel` (of the output it started from), and its
    /// folders when they become empty.
    pub fn remove(&self, rel: &str) -> io::Result<()> {
        remove_file(&self.tmp, rel)
    }

    /// The staging folder (for tests and reports).
    pub fn path(&self) -> &Path {
        &self.tmp
    }

    /// Puts the staging folder in place of the output folder; the output
    /// it replaces is deleted, or kept beside (see [`Base`]). When that
    /// fails, the staging folder is deleted and the output stays as it was.
    pub fn commit(self) -> io::Result<()> {
        self.commit_by(&SystemMoves)
    }

    /// [`Staging::commit`], moving folders with `moves`.
    fn commit_by(self, moves: &dyn Moves) -> io::Result<()> {
        let old = previous_output(&self.out);
        if old.exists() {
            fs::remove_dir_all(&old)?;
        }
        let replaced = match self.swap(moves, &old) {
            Ok(replaced) => replaced,
            Err(e) => {
                self.abort();
                return Err(e);
            }
        };
        // The new output is in place. Should keeping or deleting the one
        // it replaced fail, that folder is left under its staging name,
        // and the next build removes it.
        let _ = match replaced {
            Some(replaced) if self.keep_replaced && replaced != old => {
                moves.rename(&replaced, &old)
            }
            Some(replaced) if !self.keep_replaced => fs::remove_dir_all(replaced),
            _ => Ok(()),
        };
        Ok(())
    }

    /// Swaps the staging folder in: exchanged with the output folder in one
    /// step, or, where the system cannot, in two renames (the output to
    /// `old`, the staging folder to the output). Returns where the replaced
    /// output is now, if there was one.
    fn swap(&self, moves: &dyn Moves, old: &Path) -> io::Result<Option<PathBuf>> {
        if fs::symlink_metadata(&self.out).is_err() {
            moves.rename(&self.tmp, &self.out)?;
            return Ok(None);
        }
        match moves.exchange(&self.tmp, &self.out) {
            Ok(()) => return Ok(Some(self.tmp.clone())),
            Err(e) if !cannot_exchange(&e) => return Err(e),
            Err(_) => {}
        }
        moves.rename(&self.out, old)?;
        if let Err(e) = moves.rename(&self.tmp, &self.out) {
            // Put the previous output back.
            let _ = moves.rename(old, &self.out);
            return Err(e);
        }
        Ok(Some(old.to_path_buf()))
    }

    /// Drops the staging folder, leaving the output as it was.
    pub fn abort(self) {
        let _ = fs::remove_dir_all(&self.tmp);
    }
}

/// How folders are moved when a staging folder is committed: by the
/// system, or in tests by moves that look at the output after each step.
trait Moves {
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()>;
    /// Swaps two existing paths in one step.
    fn exchange(&self, a: &Path, b: &Path) -> io::Result<()>;
}

struct SystemMoves;

impl Moves for SystemMoves {
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        fs::rename(from, to)
    }

    #[cfg(target_os = "linux")]
    fn exchange(&self, a: &Path, b: &Path) -> io::Result<()> {
        use rustix::fs::{CWD, RenameFlags, renameat_with};
        renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(io::Error::from)
    }

    #[cfg(not(target_os = "linux"))]
    fn exchange(&self, _a: &Path, _b: &Path) -> io::Result<()> {
        Err(io::ErrorKind::Unsupported.into())
    }
}

/// Whether an exchange failed because the system or file system does not
/// do exchanges (then two renames do the job), not because of the folders.
fn cannot_exchange(e: &io::Error) -> bool {
    const EINVAL: i32 = 22;
    const ENOSYS: i32 = 38;
    const EOPNOTSUPP: i32 = 95;
    e.kind() == io::ErrorKind::Unsupported
        || (cfg!(target_os = "linux")
            && matches!(e.raw_os_error(), Some(EINVAL | ENOSYS | EOPNOTSUPP)))
}

/// A staging folder's name of its own: `.NAME.pledgeboard-new-PID-N`.
fn staging_name(out: &Path) -> PathBuf {
    static BUILDS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = BUILDS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    beside(out, &format!("new-{}-{n}", std::process::id()))
}

/// Removes the staging folders of `out` that builds left when they were
/// killed (`.NAME.pledgeboard-new` and `.NAME.pledgeboard-new-…`).
fn remove_stale_staging(out: &Path) -> io::Result<()> {
    let stale = beside(out, "new");
    let (Some(parent), Some(prefix)) = (stale.parent(), stale.file_name()) else {
        return Ok(());
    };
    let prefix = prefix.to_string_lossy().into_owned();
    let entries = match fs::read_dir(parent) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    };
    for entry in entries {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let is_staging = name == prefix || name.starts_with(&format!("{prefix}-"));
        if is_staging && entry.file_type()?.is_dir() {
            fs::remove_dir_all(entry.path())?;
        }
    }
    Ok(())
}

/// Replaces one file of an existing output folder atomically: the new
/// content is written beside it and renamed over it, so a reader (or a web
/// server) sees the old file or the new one, never half of one.
pub(crate) fn replace_file(out: &Path, rel: &str, bytes: &[u8]) -> io::Result<Stamp> {
    replace_file_with(out, rel, |w| w.write_all(bytes))
}

/// [`replace_file`], streaming the new content through `fill`.
pub(crate) fn replace_file_with(
    out: &Path,
    rel: &str,
    fill: impl FnOnce(&mut dyn io::Write) -> io::Result<()>,
) -> io::Result<Stamp> {
    let path = out.join(rel);
    let dir = path.parent().unwrap_or(out);
    fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .map_or("file".into(), |n| n.to_string_lossy().into_owned());
    // One writer per output folder (its lock): the temporary name is fixed,
    // so a killed writer's leftover is replaced next time, never published.
    let tmp = dir.join(format!(".{name}.pledgeboard-tmp"));
    fill_then_rename(&tmp, &path, |w| fill(w))
}

/// Writes the file `path` (not inside an output folder: a bundle) whole or
/// not at all, while another process may be writing the same path: the
/// content goes to a temporary file of this write's own beside it
/// (`.NAME.pledgeboard-tmp-PID-N`), renamed over `path` once complete.
/// Whichever write renames last wins; the file at `path` is always whole.
pub(crate) fn write_whole(
    path: &Path,
    fill: impl FnOnce(&mut io::BufWriter<fs::File>) -> io::Result<()>,
) -> io::Result<Stamp> {
    static WRITES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = WRITES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir)?;
    }
    let tmp = beside(path, &format!("tmp-{}-{n}", std::process::id()));
    fill_then_rename(&tmp, path, fill)
}

/// Fills the new file `tmp` (buffered; `fill` may also seek in it: a zip
/// archive goes back to its headers), then renames it to `path`. On any
/// failure `tmp` is removed and `path` stays as it was.
fn fill_then_rename(
    tmp: &Path,
    path: &Path,
    fill: impl FnOnce(&mut io::BufWriter<fs::File>) -> io::Result<()>,
) -> io::Result<Stamp> {
    let written = (|| {
        let mut w = io::BufWriter::with_capacity(1 << 20, fs::File::create(tmp)?);
        fill(&mut w)?;
        io::Write::flush(&mut w)?;
        let stamp = Stamp::of(&w.get_ref().metadata()?);
        drop(w);
        fs::rename(tmp, path)?;
        Ok(stamp)
    })();
    if written.is_err() {
        // Nothing half-written is left behind; the old file stays as it was.
        let _ = fs::remove_file(tmp);
    }
    written
}

/// Removes one file of the output folder, and its folders when they become empty.
pub(crate) fn remove_file(out: &Path, rel: &str) -> io::Result<()> {
    let path = out.join(rel);
    match fs::remove_file(&path) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    let mut dir = path.parent();
    while let Some(d) = dir {
        if d == out || fs::remove_dir(d).is_err() {
            break;
        }
        dir = d.parent();
    }
    Ok(())
}

/// Adds the files under `dir` (which is `prefix` relative to the root) to `out`.
pub(crate) fn list_files(dir: &Path, prefix: &str, out: &mut Vec<String>) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let rel = format!("{prefix}{name}");
        if entry.file_type()?.is_dir() {
            list_files(&entry.path(), &format!("{rel}/"), out)?;
        } else {
            out.push(rel);
        }
    }
    Ok(())
}

/// Makes a folder of the staging tree. Most pages have a folder of their
/// own that does not exist yet: one `mkdir` makes it, without first asking
/// whether it exists (as `create_dir_all` does), which tens of thousands of
/// pages would pay for.
fn make_dir(dir: &Path) -> io::Result<()> {
    match fs::create_dir(dir) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists && dir.is_dir() => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => fs::create_dir_all(dir),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A temporary folder holding the site folder `site` (with a site.yaml).
    fn place() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let site = dir.path().join("site");
        fs::create_dir(&site).expect("the site folder");
        fs::write(site.join("site.yaml"), "title: T\n").expect("site.yaml");
        (dir, site)
    }

    /// Makes `files` (path relative to `root`, text) with their folders.
    fn make(root: &Path, files: &[(&str, &str)]) {
        for (rel, text) in files {
            let path = root.join(rel);
            fs::create_dir_all(path.parent().expect("a parent")).expect("folders");
            fs::write(path, text).expect("a file");
        }
    }

    /// An output folder of an earlier build: the marker and `files`.
    fn old_output(dir: &Path, files: &[(&str, &str)]) -> PathBuf {
        let out = dir.join("public");
        make(&out, files);
        fs::write(out.join(MARKER), "").expect("the marker");
        out
    }

    /// The names in a folder, sorted (hidden ones included).
    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .expect("a folder")
            .map(|e| {
                e.expect("an entry")
                    .file_name()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        names.sort();
        names
    }

    fn read(path: &Path) -> String {
        fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    /// Why `check_output` refuses `out`.
    fn refused(site: &Path, out: &Path) -> String {
        match check_output(site, out) {
            Err(Refused(why)) => why,
            Ok(p) => panic!("{} was accepted", p.display()),
        }
    }

    #[test]
    fn the_site_folder_what_contains_it_and_the_root_are_refused() {
        let (dir, site) = place();
        let itself = "the output folder cannot be the site folder itself";
        assert_eq!(refused(&site, &site), itself);
        assert_eq!(refused(&site, &site.join("../site")), itself);
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(&site, dir.path().join("link")).expect("a link");
            assert_eq!(refused(&site, &dir.path().join("link")), itself);
            fs::remove_file(dir.path().join("link")).expect("removed");
        }
        assert_eq!(
            refused(&site, dir.path()),
            "the output folder cannot contain the site folder"
        );
        assert_eq!(
            refused(&site, Path::new("/")),
            "the output folder cannot be `/`"
        );
        // Nothing was touched.
        assert_eq!(names(dir.path()), ["site"]);
        assert_eq!(names(&site), ["site.yaml"]);
    }

    #[test]
    fn the_home_folder_is_refused() {
        // The real $HOME, read and never set: tests run in parallel.
        let Some(home) = std::env::var_os("HOME").map(PathBuf::from) else {
            return;
        };
        let Ok(real) = home.canonicalize() else {
            return;
        };
        if real.parent().is_none() {
            return; // `/` is refused as such.
        }
        let (_dir, site) = place();
        assert_eq!(
            refused(&site, &home),
            "the output folder cannot be your home folder"
        );
    }

    #[test]
    fn a_folder_pledgeboard_did_not_write_is_refused_and_left_alone() {
        let (dir, site) = place();
        let out = dir.path().join("documents");
        make(&out, &[("notes.txt", "mine")]);
        assert_eq!(
            refused(&site, &out),
            format!(
                "`{}` already exists and was not written by pledgeboard (it has no `.pledgeboard-output` file); \
                 choose an empty or new folder, so that nothing of yours is replaced",
                out.display()
            )
        );
        assert_eq!(names(&out), ["notes.txt"]);
        assert_eq!(read(&out.join("notes.txt")), "mine");

        let file = dir.path().join("public.html");
        fs::write(&file, "a page").expect("a file");
        assert_eq!(
            refused(&site, &file),
            format!("`{}` exists and is not a folder", file.display())
        );
        assert_eq!(read(&file), "a page");
    }

    #[test]
    fn a_new_or_empty_folder_or_one_with_the_marker_is_accepted() {
        let (dir, site) = place();
        let new = dir.path().join("new/deeper/public");
        assert_eq!(check_output(&site, &new).ok(), Some(new.clone()));
        assert!(!dir.path().join("new").exists(), "checking makes nothing");

        let empty = dir.path().join("empty");
        fs::create_dir(&empty).expect("a folder");
        assert_eq!(check_output(&site, &empty).ok(), Some(empty.clone()));

        let out = old_output(dir.path(), &[("en/index.html", "old")]);
        assert_eq!(check_output(&site, &out).ok(), Some(out.clone()));
        // A relative path is taken from the current folder.
        let cwd = std::env::current_dir().expect("a current folder");
        let relative = Path::new("no-such-folder-of-pledgeboard-tests");
        assert_eq!(check_output(&site, relative).ok(), Some(cwd.join(relative)));
    }

    #[test]
    fn staging_writes_copies_and_links_and_commit_swaps_it_in() {
        let (dir, _site) = place();
        let out = old_output(
            dir.path(),
            &[
                ("kept.html", "kept"),
                ("gone/index.html", "deleted content"),
            ],
        );
        let source = dir.path().join("site/style.css");
        fs::write(&source, "body {}").expect("a file");

        let staging = Staging::begin(&out).expect("a staging folder");
        let tmp = staging.path().to_path_buf();
        let name = tmp.file_name().expect("a name").to_string_lossy();
        let own = format!(".public.pledgeboard-new-{}-", std::process::id());
        assert!(name.starts_with(&own), "{name}");
        let written = staging
            .write("en/index.html", b"<p>hello</p>")
            .expect("written");
        assert_eq!(written.len, 12);
        assert_eq!(Stamp::read(&tmp.join("en/index.html")).ok(), Some(written));
        staging
            .write_with("data/commitments.json", |w| w.write_all(b"[]\n"))
            .expect("streamed");
        let copied = staging.copy("static/style.css", &source).expect("copied");
        assert_eq!(copied.len, 7);
        let kept = out.join("kept.html");
        let stamp = Stamp::read(&kept).expect("a stamp");
        assert_eq!(staging.link("kept.html", &kept, stamp).ok(), Some(stamp));
        let missing = staging.link("nothing.html", &out.join("nothing.html"), stamp);
        assert_eq!(
            missing.map_err(|e| e.kind()).err(),
            Some(io::ErrorKind::NotFound)
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let inode = |p: &Path| fs::metadata(p).expect("metadata").ino();
            assert_eq!(inode(&tmp.join("kept.html")), inode(&kept));
        }
        // Until the commit, the output is the old one.
        assert_eq!(names(&out), [MARKER, "gone", "kept.html"]);

        staging.commit().expect("swapped in");
        assert_eq!(names(&out), [MARKER, "data", "en", "kept.html", "static"]);
        assert_eq!(read(&out.join("en/index.html")), "<p>hello</p>");
        assert_eq!(read(&out.join("data/commitments.json")), "[]\n");
        assert_eq!(read(&out.join("static/style.css")), "body {}");
        assert_eq!(read(&out.join("kept.html")), "kept");
        assert!(read(&out.join(MARKER)).contains("written by pledgeboard"));
        // Neither the staging folder nor the old output is left beside it.
        assert_eq!(names(dir.path()), ["public", "site"]);
    }

    #[test]
    fn a_first_build_commits_into_a_new_folder() {
        let (dir, _site) = place();
        let out = dir.path().join("public");
        let staging = Staging::begin(&out).expect("a staging folder");
        staging.write("index.html", b"root").expect("written");
        staging.commit().expect("swapped in");
        assert_eq!(names(&out), [MARKER, "index.html"]);
        assert_eq!(names(dir.path()), ["public", "site"]);
    }

    #[test]
    fn abort_leaves_the_output_as_it_was() {
        let (dir, _site) = place();
        let out = old_output(dir.path(), &[("en/index.html", "old")]);
        let staging = Staging::begin(&out).expect("a staging folder");
        staging.write("en/index.html", b"new").expect("written");
        staging.write("fr/index.html", b"nouveau").expect("written");
        staging.abort();
        assert_eq!(names(&out), [MARKER, "en"]);
        assert_eq!(read(&out.join("en/index.html")), "old");
        assert_eq!(names(dir.path()), ["public", "site"]);
    }

    #[test]
    fn a_stale_staging_folder_is_removed_by_the_next_build() {
        let (dir, _site) = place();
        let out = dir.path().join("public");
        make(
            dir.path(),
            &[(".public.pledgeboard-new/stale.html", "interrupted")],
        );
        let staging = Staging::begin(&out).expect("a staging folder");
        assert_eq!(names(staging.path()), [MARKER]);
        staging.commit().expect("swapped in");
        assert!(!out.join("stale.html").exists());
    }

    #[test]
    fn replace_file_swaps_a_file_whole() {
        let (dir, _site) = place();
        let out = old_output(dir.path(), &[("en/index.html", "old")]);
        let page = out.join("en/index.html");
        let stamp = replace_file(&out, "en/index.html", b"new page").expect("replaced");
        assert_eq!(read(&page), "new page");
        assert_eq!(Stamp::read(&page).ok(), Some(stamp));
        replace_file(&out, "fr/new/index.html", b"nouveau").expect("written");
        assert_eq!(read(&out.join("fr/new/index.html")), "nouveau");
        assert_eq!(names(&out.join("en")), ["index.html"]);
    }

    #[test]
    fn a_failed_replace_leaves_the_old_file_and_no_temporary_one() {
        let (dir, _site) = place();
        let out = old_output(dir.path(), &[("data/commitments.json", "[old]")]);
        let failed = replace_file_with(&out, "data/commitments.json", |w| {
            w.write_all(b"[half")?;
            Err(io::Error::other("the disk is full"))
        });
        assert_eq!(
            failed.map_err(|e| e.to_string()).err().as_deref(),
            Some("the disk is full")
        );
        assert_eq!(read(&out.join("data/commitments.json")), "[old]");
        assert_eq!(names(&out.join("data")), ["commitments.json"]);
    }

    #[test]
    fn two_whole_writes_of_one_path_at_once_do_not_mix() {
        use std::io::Write;
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("portal.zip");
        let first = write_whole(&path, |w| {
            w.write_all(b"first, part one; ")?;
            // A second write of the same path starts and ends meanwhile.
            write_whole(&path, |w| w.write_all(b"second, whole"))?;
            assert_eq!(read(&path), "second, whole");
            w.write_all(b"part two")
        });
        assert!(first.is_ok(), "{first:?}");
        assert_eq!(read(&path), "first, part one; part two");
        assert_eq!(names(dir.path()), ["portal.zip"]);
    }

    #[test]
    fn remove_file_removes_emptied_folders_but_not_the_output() {
        let (dir, _site) = place();
        let out = dir.path().join("public");
        make(
            &out,
            &[
                ("en/index.html", "home"),
                ("en/localities/saaba/index.html", "saaba"),
            ],
        );
        remove_file(&out, "en/localities/saaba/index.html").expect("removed");
        assert_eq!(names(&out.join("en")), ["index.html"]);
        remove_file(&out, "en/index.html").expect("removed");
        assert!(out.is_dir(), "the output folder stays, even empty");
        assert_eq!(names(&out), Vec::<String>::new());
        remove_file(&out, "en/index.html").expect("a missing file is no error");
    }

    #[test]
    fn a_stamp_changes_when_a_file_is_rewritten() {
        let (dir, _site) = place();
        let path = dir.path().join("page.html");
        fs::write(&path, "first").expect("written");
        let first = Stamp::read(&path).expect("a stamp");
        assert_eq!(
            Stamp::read(&path).ok(),
            Some(first),
            "reading changes nothing"
        );
        fs::write(&path, "longer text").expect("rewritten");
        assert_ne!(Stamp::read(&path).ok(), Some(first));
        // The same length: the modification time tells, once the clock
        // (of whatever granularity the file system has) has moved on.
        let before = Stamp::read(&path).expect("a stamp");
        let changed = (0..300).any(|_| {
            std::thread::sleep(std::time::Duration::from_millis(10));
            fs::write(&path, "other text!").expect("rewritten");
            Stamp::read(&path).ok() != Some(before)
        });
        assert!(changed, "the stamp stayed {before:?}");
    }

    #[test]
    fn a_reused_previous_output_is_updated_without_touching_the_current_one() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let out = old_output(
            dir.path(),
            &[("en/index.html", "current"), ("fr/index.html", "fr")],
        );
        // The build before kept the output it replaced; one of its files is
        // the same file as the current output's (a hard link).
        let previous = previous_output(&out);
        make(&previous, &[("gone/index.html", "stale")]);
        fs::write(previous.join(MARKER), "").expect("the marker");
        fs::create_dir(previous.join("en")).expect("a folder");
        fs::hard_link(out.join("en/index.html"), previous.join("en/index.html")).expect("a link");

        let base = Base {
            reuse_previous: true,
            keep_replaced: true,
        };
        let staging = Staging::begin_with(&out, base).expect("a staging folder");
        assert!(
            !previous.exists(),
            "the previous output became the staging folder"
        );
        staging.write("en/index.html", b"new").expect("written");
        staging.remove("gone/index.html").expect("removed");
        // Writing the shared file replaced it: the current output is unchanged.
        assert_eq!(read(&out.join("en/index.html")), "current");
        staging.commit().expect("swapped in");
        assert_eq!(read(&out.join("en/index.html")), "new");
        assert!(!out.join("gone").exists(), "an emptied folder goes too");
        // The replaced output is kept beside, as the next build's start.
        assert_eq!(read(&previous.join("en/index.html")), "current");
        assert_eq!(read(&previous.join("fr/index.html")), "fr");
    }

    #[test]
    fn without_reuse_a_previous_output_is_deleted_and_the_staging_folder_starts_empty() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let out = old_output(dir.path(), &[("en/index.html", "current")]);
        let previous = previous_output(&out);
        make(&previous, &[("en/index.html", "untrusted")]);
        let staging = Staging::begin(&out).expect("a staging folder");
        assert!(!previous.exists());
        assert!(staging.stamp("en/index.html").is_err(), "it starts empty");
        staging.commit().expect("swapped in");
        assert!(!previous.exists(), "nothing is kept without keep_replaced");
    }

    /// Moves that look at the output folder after every step, as a build
    /// killed right there would leave it, and that may refuse exchanges.
    struct Watched {
        out: PathBuf,
        exchange: Result<(), io::ErrorKind>,
        steps: std::cell::RefCell<Vec<String>>,
    }

    impl Watched {
        fn new(out: &Path, exchange: Result<(), io::ErrorKind>) -> Watched {
            Watched {
                out: out.to_path_buf(),
                exchange,
                steps: Default::default(),
            }
        }

        /// What the output folder holds after a step: its marker and pages.
        fn look(&self, step: String) {
            let whole = self.out.join(MARKER).is_file() && self.out.join("en/index.html").is_file();
            self.steps.borrow_mut().push(format!(
                "{step}: {}",
                if whole { "whole" } else { "MISSING" }
            ));
        }
    }

    impl Moves for Watched {
        fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
            SystemMoves.rename(from, to)?;
            self.look(format!("rename {} -> {}", short(from), short(to)));
            Ok(())
        }

        fn exchange(&self, a: &Path, b: &Path) -> io::Result<()> {
            self.exchange.map_err(io::Error::from)?;
            SystemMoves.exchange(a, b)?;
            self.look(format!("exchange {} <-> {}", short(a), short(b)));
            Ok(())
        }
    }

    /// A staging folder's name without its process and number.
    fn short(p: &Path) -> String {
        let name = p.file_name().expect("a name").to_string_lossy();
        match name.find(".pledgeboard-new-") {
            Some(i) => format!("{}.pledgeboard-new-…", &name[..i]),
            None => name.into_owned(),
        }
    }

    /// A current output and a finished staging folder for it, keeping
    /// the output it replaces.
    fn finished_build(dir: &Path) -> (PathBuf, Staging) {
        let out = old_output(dir, &[("en/index.html", "old")]);
        let base = Base {
            reuse_previous: false,
            keep_replaced: true,
        };
        let staging = Staging::begin_with(&out, base).expect("a staging folder");
        staging.write("en/index.html", b"new").expect("written");
        (out, staging)
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn at_every_step_of_a_commit_the_output_folder_holds_a_whole_portal() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let (out, staging) = finished_build(dir.path());
        let moves = Watched::new(&out, Ok(()));
        staging.commit_by(&moves).expect("committed");
        assert_eq!(
            moves.steps.into_inner(),
            [
                "exchange .public.pledgeboard-new-… <-> public: whole",
                "rename .public.pledgeboard-new-… -> .public.pledgeboard-old: whole",
            ]
        );
        assert_eq!(read(&out.join("en/index.html")), "new");
        assert_eq!(read(&previous_output(&out).join("en/index.html")), "old");
        assert_eq!(names(dir.path()), [".public.pledgeboard-old", "public"]);
    }

    #[test]
    fn where_folders_cannot_be_exchanged_two_renames_commit() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let (out, staging) = finished_build(dir.path());
        let moves = Watched::new(&out, Err(io::ErrorKind::Unsupported));
        staging.commit_by(&moves).expect("committed");
        // The documented window: between the renames, the output is aside.
        assert_eq!(
            moves.steps.into_inner(),
            [
                "rename public -> .public.pledgeboard-old: MISSING",
                "rename .public.pledgeboard-new-… -> public: whole",
            ]
        );
        assert_eq!(read(&out.join("en/index.html")), "new");
        assert_eq!(read(&previous_output(&out).join("en/index.html")), "old");
        assert_eq!(names(dir.path()), [".public.pledgeboard-old", "public"]);
    }

    #[test]
    fn a_commit_that_fails_deletes_the_staging_folder_and_leaves_the_output() {
        // A mount point cannot be exchanged nor renamed: "Device or
        // resource busy".
        let dir = tempfile::tempdir().expect("a temporary folder");
        let (out, staging) = finished_build(dir.path());
        let moves = Watched::new(&out, Err(io::ErrorKind::ResourceBusy));
        let failed = staging.commit_by(&moves);
        assert_eq!(
            failed.map_err(|e| e.kind()).err(),
            Some(io::ErrorKind::ResourceBusy)
        );
        assert_eq!(moves.steps.into_inner(), Vec::<String>::new());
        assert_eq!(read(&out.join("en/index.html")), "old");
        assert_eq!(names(dir.path()), ["public"]);
    }

    #[test]
    fn staging_folders_have_names_of_their_own_and_stale_ones_go() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let out = dir.path().join("public");
        make(
            dir.path(),
            &[
                (".public.pledgeboard-new-77-0/a.html", "killed"),
                (".public.pledgeboard-new/b.html", "killed"),
                (".public.pledgeboard-newer/c.html", "not a staging folder"),
                (".other.pledgeboard-new-77-0/d.html", "another output's"),
            ],
        );
        let first = Staging::begin(&out).expect("a staging folder");
        let mut left = names(dir.path());
        left.retain(|n| Path::new(n) != first.path().file_name().expect("a name"));
        assert_eq!(
            left,
            [".other.pledgeboard-new-77-0", ".public.pledgeboard-newer"]
        );
        let first_path = first.path().to_path_buf();
        first.commit().expect("swapped in");
        let second = Staging::begin(&out).expect("a staging folder");
        assert_ne!(second.path(), first_path);
        second.commit().expect("swapped in");
        assert_eq!(names(&out), [MARKER]);
    }

    #[test]
    fn an_output_folder_inside_a_folder_the_site_reads_is_refused() {
        let (dir, site) = place();
        for folder in READ_FOLDERS {
            let why = refused(&site, &site.join(folder).join("deeper/out"));
            assert!(
                why.starts_with(&format!(
                    "the output folder cannot be inside the site's `{folder}/` folder"
                )),
                "{why}"
            );
        }
        // Also reached through a link.
        #[cfg(unix)]
        {
            fs::create_dir(site.join("static")).expect("a folder");
            std::os::unix::fs::symlink(site.join("static"), dir.path().join("s")).expect("a link");
            assert!(refused(&site, &dir.path().join("s/out")).contains("`static/`"));
        }
        // Other folders of the site folder are fine (`public/` is the default).
        let public = site.join("public");
        assert_eq!(check_output(&site, &public).ok(), Some(public));
    }

    #[cfg(unix)]
    #[test]
    fn an_output_folder_that_is_a_link_is_its_target() {
        let (dir, site) = place();
        let target = dir.path().join("www/site");
        let link = dir.path().join("public");
        // A link to a folder still to be made, then to one that exists.
        std::os::unix::fs::symlink(&target, &link).expect("a link");
        let real = dir.path().canonicalize().expect("real").join("www/site");
        assert_eq!(check_output(&site, &link).ok(), Some(real.clone()));
        fs::create_dir_all(&target).expect("a folder");
        assert_eq!(check_output(&site, &link).ok(), Some(real));
        // A link to the site folder is the site folder.
        let to_site = dir.path().join("to-site");
        std::os::unix::fs::symlink(&site, &to_site).expect("a link");
        assert_eq!(
            refused(&site, &to_site),
            "the output folder cannot be the site folder itself"
        );
    }
}
