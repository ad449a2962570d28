//! Write: put the output on disk without ever losing the previous one.
//!
//! A build writes into a fresh staging folder beside the output folder
//! (`.<name>.pledgeboard-new`). Only when every file was written is the old
//! output moved aside and the staging folder renamed into its place; the old
//! output is then deleted. A build that fails or is interrupted leaves the
//! previous output exactly as it was (at worst with a stale staging folder,
//! which the next build removes). Stale pages of deleted content never
//! linger, since every build starts from an empty folder.
//!
//! The output folder is refused when it is the site folder or contains it,
//! when it is `/` or the home folder, and when it already exists with
//! content that pledgeboard did not write (it has no marker file).

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// The marker file pledgeboard leaves in every output folder it writes.
pub const MARKER: &str = ".pledgeboard-output";

/// What a written file looks like on disk: its size and modification time.
/// A file whose stamp is still the one it had when written was not touched
/// since, so a later build may link it into its staging folder unread.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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
}

/// Why an output folder cannot be used.
#[derive(Debug)]
pub struct Refused(pub String);

/// Checks that `out` is a safe place to write the output of the site at `site`.
pub fn check_output(site: &Path, out: &Path) -> Result<PathBuf, Refused> {
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
    if out_real.is_dir() {
        let non_empty = fs::read_dir(&out_real)
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
    Ok(out_abs)
}

fn absolute(p: &Path) -> io::Result<PathBuf> {
    if p.is_absolute() {
        Ok(p.to_path_buf())
    } else {
        Ok(std::env::current_dir()?.join(p))
    }
}

/// The real path of `p`, resolving the longest existing prefix.
fn resolve_existing(p: &Path) -> PathBuf {
    if let Ok(real) = p.canonicalize() {
        return real;
    }
    match (p.parent(), p.file_name()) {
        (Some(parent), Some(name)) => resolve_existing(parent).join(name),
        _ => p.to_path_buf(),
    }
}

fn sibling(out: &Path, suffix: &str) -> PathBuf {
    let name = out
        .file_name()
        .map_or("public".into(), |n| n.to_string_lossy().into_owned());
    out.with_file_name(format!(".{name}.pledgeboard-{suffix}"))
}

impl Staging {
    /// Starts a staging folder for the output folder `out` (already checked).
    pub fn begin(out: &Path) -> io::Result<Staging> {
        let tmp = sibling(out, "new");
        if tmp.exists() {
            fs::remove_dir_all(&tmp)?;
        }
        if let Some(parent) = tmp.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::create_dir(&tmp)?;
        fs::write(
            tmp.join(MARKER),
            b"This folder is written by pledgeboard; each build replaces it.\n",
        )?;
        Ok(Staging {
            out: out.to_path_buf(),
            tmp,
        })
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

    /// Where `rel` goes in the staging folder, with its folder made.
    fn place(&self, rel: &str) -> io::Result<PathBuf> {
        let path = self.tmp.join(rel);
        if let Some(parent) = path.parent() {
            make_dir(parent)?;
        }
        Ok(path)
    }

    /// The staging folder (for tests and reports).
    pub fn path(&self) -> &Path {
        &self.tmp
    }

    /// Swaps the staging folder into place of the output folder.
    pub fn commit(self) -> io::Result<()> {
        let old = sibling(&self.out, "old");
        if old.exists() {
            fs::remove_dir_all(&old)?;
        }
        if self.out.exists() {
            fs::rename(&self.out, &old)?;
        }
        if let Err(e) = fs::rename(&self.tmp, &self.out) {
            // Put the previous output back.
            if old.exists() {
                let _ = fs::rename(&old, &self.out);
            }
            return Err(e);
        }
        if old.exists() {
            fs::remove_dir_all(&old)?;
        }
        Ok(())
    }

    /// Drops the staging folder, leaving the output as it was.
    pub fn abort(self) {
        let _ = fs::remove_dir_all(&self.tmp);
    }
}

/// Replaces one file of an existing output folder atomically: the new
/// content is written beside it and renamed over it, so a reader (or a web
/// server) sees the old file or the new one, never half of one.
pub fn replace_file(out: &Path, rel: &str, bytes: &[u8]) -> io::Result<Stamp> {
    replace_file_with(out, rel, |w| w.write_all(bytes))
}

/// [`replace_file`], streaming the new content through `fill`.
pub fn replace_file_with(
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
    let tmp = dir.join(format!(".{name}.pledgeboard-tmp"));
    let written = (|| {
        let mut w = io::BufWriter::with_capacity(1 << 20, fs::File::create(&tmp)?);
        fill(&mut w)?;
        io::Write::flush(&mut w)?;
        let stamp = Stamp::of(&w.get_ref().metadata()?);
        drop(w);
        fs::rename(&tmp, &path)?;
        Ok(stamp)
    })();
    if written.is_err() {
        // Nothing half-written is left behind; the old file stays as it was.
        let _ = fs::remove_file(&tmp);
    }
    written
}

/// Removes one file of the output folder, and its folders when they become empty.
pub fn remove_file(out: &Path, rel: &str) -> io::Result<()> {
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
