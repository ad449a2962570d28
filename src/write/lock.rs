//! The lock on an output folder: while one pledgeboard process holds it,
//! no other writes there.
//!
//! The lock is the file `.NAME.pledgeboard-lock` beside the output folder,
//! locked with the system's file lock (`flock` on Unix), so the lock ends
//! with its process, however that ends (even killed): there is never a
//! stale lock to remove by hand. The file stays; its holder writes into it
//! who it is (one line: process id and command, then the command line, for
//! people who look), and empties it when done.
//!
//! What a process does when another holds the lock depends on the other:
//! a one-shot `build` ends soon, so it is waited for; `watch` writes in
//! place for its whole session, so it is refused at once, naming it.

use std::fs;
use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// What a process holding an output folder's lock is doing there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Use {
    /// A one-shot build: it ends when its output is in place.
    Build,
    /// A `watch` session: it writes in place until it is stopped.
    Watch,
}

impl Use {
    fn word(self) -> &'static str {
        match self {
            Use::Build => "build",
            Use::Watch => "watch",
        }
    }

    fn from_word(word: &str) -> Option<Use> {
        [Use::Build, Use::Watch]
            .into_iter()
            .find(|u| u.word() == word)
    }

    /// Whether it holds the lock for a whole session (not worth waiting for).
    fn is_session(self) -> bool {
        self == Use::Watch
    }
}

/// Another pledgeboard process holding an output folder's lock.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Holder {
    pub pid: u32,
    pub doing: Use,
}

impl std::fmt::Display for Holder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "pledgeboard {} (process {})",
            self.doing.word(),
            self.pid
        )
    }
}

/// Why an output folder's lock was not taken.
#[derive(Debug)]
pub(crate) enum Refusal {
    /// A session writes there: `build` does not wait for it.
    Busy(Holder),
    /// The lock file could not be made or locked.
    Failed(io::Error),
}

/// The lock on an output folder, held until dropped.
#[derive(Debug)]
pub struct Lock {
    file: fs::File,
}

/// How often a waiting process tries the lock again.
const RETRY: Duration = Duration::from_millis(50);

/// Where the lock of the output folder `out` is.
pub(crate) fn location(out: &Path) -> PathBuf {
    super::beside(out, "lock")
}

impl Lock {
    /// Takes the lock of the output folder `out` for `doing`. While a
    /// one-shot build holds it, waits, telling `waiting` once per build
    /// waited for; while a session holds it, refuses. Where the system has
    /// no file locks, the folder is written unlocked.
    pub(crate) fn take(
        out: &Path,
        doing: Use,
        mut waiting: impl FnMut(Holder),
    ) -> Result<Lock, Refusal> {
        let path = location(out);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(Refusal::Failed)?;
        }
        let mut file = fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(Refusal::Failed)?;
        let mut told = None;
        loop {
            match file.try_lock() {
                Ok(()) => break,
                Err(fs::TryLockError::WouldBlock) => {}
                Err(fs::TryLockError::Error(e)) if e.kind() == io::ErrorKind::Unsupported => {
                    break;
                }
                Err(fs::TryLockError::Error(e)) => return Err(Refusal::Failed(e)),
            }
            match holder(&mut file) {
                // Read twice: a process that has just taken the lock may
                // not have written who it is yet over its last holder.
                Some(h) if h.doing.is_session() => {
                    std::thread::sleep(RETRY);
                    if holder(&mut file) == Some(h) && file.try_lock().is_err() {
                        return Err(Refusal::Busy(h));
                    }
                }
                Some(h) if told != Some(h) => {
                    waiting(h);
                    told = Some(h);
                }
                _ => {}
            }
            std::thread::sleep(RETRY);
        }
        write_holder(&mut file, doing).map_err(Refusal::Failed)?;
        Ok(Lock { file })
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Nobody holds it now; the system lock ends with the file.
        let _ = self.file.set_len(0);
    }
}

/// Who holds the lock, as they wrote it: `PID USE` on the first line.
fn holder(file: &mut fs::File) -> Option<Holder> {
    let mut text = String::new();
    file.seek(io::SeekFrom::Start(0)).ok()?;
    file.read_to_string(&mut text).ok()?;
    let (pid, doing) = text.lines().next()?.split_once(' ')?;
    Some(Holder {
        pid: pid.parse().ok()?,
        doing: Use::from_word(doing)?,
    })
}

/// Writes who holds the lock: this process, doing `doing`.
fn write_holder(file: &mut fs::File, doing: Use) -> io::Result<()> {
    let command: Vec<String> = std::env::args().collect();
    let text = format!(
        "{} {}\n{}\n",
        std::process::id(),
        doing.word(),
        command.join(" ")
    );
    file.set_len(0)?;
    file.seek(io::SeekFrom::Start(0))?;
    file.write_all(text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;

    /// Holds the lock of `out` from another open file, as another process
    /// would, saying it is process `pid` doing `doing`.
    fn held_by(out: &Path, pid: u32, doing: Use) -> fs::File {
        let file = fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(true)
            .open(location(out))
            .expect("the lock file");
        file.try_lock().expect("locked");
        (&file)
            .write_all(format!("{pid} {}\npledgeboard …\n", doing.word()).as_bytes())
            .expect("written");
        file
    }

    #[test]
    fn a_session_s_lock_is_refused_at_once_naming_it() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let out = dir.path().join("public");
        let _other = held_by(&out, 4242, Use::Watch);
        let mut waited = Vec::new();
        match Lock::take(&out, Use::Build, |h| waited.push(h)) {
            Err(Refusal::Busy(h)) => {
                assert_eq!(h.to_string(), "pledgeboard watch (process 4242)");
            }
            other => panic!("not refused: {other:?}"),
        }
        assert_eq!(waited, []);
    }

    #[test]
    fn a_build_s_lock_is_waited_for_and_then_taken() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let out = dir.path().join("public");
        let other = held_by(&out, 4242, Use::Build);
        let (told, heard) = mpsc::channel();
        let taker = {
            let out = out.clone();
            std::thread::spawn(move || {
                Lock::take(&out, Use::Build, |h| told.send(h).expect("heard"))
                    .map(|lock| (lock, std::process::id()))
            })
        };
        // It says whom it waits for, and waits while the other holds it.
        let h = heard.recv().expect("a waiting notice");
        assert_eq!(h.to_string(), "pledgeboard build (process 4242)");
        assert!(!taker.is_finished());
        drop(other);
        let (lock, pid) = taker.join().expect("no panic").expect("taken");
        let text = fs::read_to_string(location(&out)).expect("the lock file");
        assert!(text.starts_with(&format!("{pid} build\n")), "{text}");
        drop(lock);
        assert_eq!(fs::read_to_string(location(&out)).expect("kept"), "");
    }

    #[test]
    fn a_free_lock_is_taken_and_its_folder_made() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let out = dir.path().join("new/public");
        let lock = Lock::take(&out, Use::Watch, |h| panic!("waited for {h}"));
        assert!(lock.is_ok());
        // Held: another taker is refused (this one is a session).
        match Lock::take(&out, Use::Build, |_| {}) {
            Err(Refusal::Busy(h)) => assert_eq!(h.pid, std::process::id()),
            other => panic!("not refused: {other:?}"),
        }
    }
}
