//! The manifest: what an output folder holds, file by file, with the
//! fingerprint each file was made from and its stamp on disk.
//!
//! A build compares its plan with the manifest of the output it replaces
//! and produces only what changed. A session keeps the manifest in memory;
//! a one-shot build reads the one the last build left beside the output
//! folder (`.<name>.pledgeboard-manifest`, never inside it: it is not part
//! of the portal). A manifest is trusted only by the binary that wrote it
//! (fingerprints hash what this binary's code makes of its inputs) and only
//! for the very output folder it describes (its marker file's identity);
//! each file is trusted only while its stamp is unchanged. Anything else
//! reads as an empty manifest: everything is produced again.

use crate::memo::Fingerprint;
use crate::write::{MARKER, Stamp};
use std::fmt::Write as _;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// One kind's files: paths, fingerprints and stamps, in plan order.
#[derive(Clone, Debug, Default)]
pub struct KindFiles {
    pub paths: Arc<Vec<String>>,
    pub fingerprints: Vec<Fingerprint>,
    /// `None` for a file whose stamp is not known (trusted only in memory).
    pub stamps: Vec<Option<Stamp>>,
}

/// What an output folder holds, by kind (index into `outputs::KINDS`).
#[derive(Clone, Debug, Default)]
pub struct Manifest {
    pub kinds: Vec<KindFiles>,
}

impl Manifest {
    /// The files of kind `k` (none when the manifest has no such kind).
    pub fn kind(&self, k: usize) -> Option<&KindFiles> {
        self.kinds.get(k)
    }

    /// Forgets the file `path` (written again by the next build).
    pub fn forget(&mut self, path: &str) {
        for kind in &mut self.kinds {
            if let Some(i) = kind.paths.iter().position(|p| p == path) {
                kind.fingerprints[i] = Fingerprint(!kind.fingerprints[i].0);
                kind.stamps[i] = None;
            }
        }
    }

    /// Records the stamp of the file `path`, written after the build.
    pub fn set_stamp(&mut self, path: &str, stamp: Stamp) {
        for kind in &mut self.kinds {
            if let Some(i) = kind.paths.iter().position(|p| p == path) {
                kind.stamps[i] = Some(stamp);
            }
        }
    }

    /// How many files it lists.
    pub fn len(&self) -> usize {
        self.kinds.iter().map(|k| k.paths.len()).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Where the manifest of the output folder `out` is kept.
pub fn location(out: &Path) -> PathBuf {
    let name = out
        .file_name()
        .map_or("public".into(), |n| n.to_string_lossy().into_owned());
    out.with_file_name(format!(".{name}.pledgeboard-manifest"))
}

const HEADER: &str = "pledgeboard-manifest 1";

/// What a manifest must match to be trusted: this binary and the output
/// folder's marker file.
fn identity(out: &Path) -> Option<String> {
    let exe = std::env::current_exe().ok()?;
    let exe = Stamp::read(&exe).ok()?;
    let marker = Stamp::read(&out.join(MARKER)).ok()?;
    let ino = marker_inode(&out.join(MARKER))?;
    Some(format!(
        "{} {} {} {} {} {ino}",
        env!("CARGO_PKG_VERSION"),
        exe.len,
        exe.modified,
        marker.len,
        marker.modified
    ))
}

#[cfg(unix)]
fn marker_inode(path: &Path) -> Option<u64> {
    use std::os::unix::fs::MetadataExt;
    std::fs::symlink_metadata(path).ok().map(|m| m.ino())
}

#[cfg(not(unix))]
fn marker_inode(_path: &Path) -> Option<u64> {
    Some(0)
}

/// Writes the manifest of the output folder `out` beside it.
pub fn save(out: &Path, manifest: &Manifest) -> io::Result<()> {
    let Some(id) = identity(out) else {
        return Ok(());
    };
    let mut text = String::with_capacity(manifest.len() * 96);
    let _ = writeln!(text, "{HEADER}\n{id}");
    for (k, kind) in manifest.kinds.iter().enumerate() {
        let _ = writeln!(text, "kind {k} {}", kind.paths.len());
        for ((path, fp), stamp) in kind.paths.iter().zip(&kind.fingerprints).zip(&kind.stamps) {
            match stamp {
                Some(s) => {
                    let _ = writeln!(text, "{:x} {} {} {path}", fp.0, s.len, s.modified);
                }
                None => {
                    let _ = writeln!(text, "{:x} - - {path}", fp.0);
                }
            }
        }
    }
    let to = location(out);
    let tmp = to.with_extension("tmp");
    std::fs::write(&tmp, text)?;
    std::fs::rename(&tmp, &to)
}

/// The manifest left beside `out` by the last build, or an empty one when
/// there is none this binary can trust for this folder.
pub fn load(out: &Path) -> Manifest {
    let Some(id) = identity(out) else {
        return Manifest::default();
    };
    std::fs::read_to_string(location(out))
        .ok()
        .and_then(|text| parse(&text, &id))
        .unwrap_or_default()
}

fn parse(text: &str, id: &str) -> Option<Manifest> {
    let mut lines = text.lines();
    if lines.next()? != HEADER || lines.next()? != id {
        return None;
    }
    let mut manifest = Manifest::default();
    while let Some(line) = lines.next() {
        let mut head = line.strip_prefix("kind ")?.split(' ');
        let (k, n): (usize, usize) = (head.next()?.parse().ok()?, head.next()?.parse().ok()?);
        if k != manifest.kinds.len() {
            return None;
        }
        let mut kind = KindFiles::default();
        let mut paths = Vec::with_capacity(n);
        for _ in 0..n {
            let (fp, stamp, path) = parse_file(lines.next()?)?;
            paths.push(path.to_owned());
            kind.fingerprints.push(fp);
            kind.stamps.push(stamp);
        }
        kind.paths = Arc::new(paths);
        manifest.kinds.push(kind);
    }
    Some(manifest)
}

/// One file's line: fingerprint, size, modification time, path.
fn parse_file(line: &str) -> Option<(Fingerprint, Option<Stamp>, &str)> {
    let mut parts = line.splitn(4, ' ');
    let fp = Fingerprint(u64::from_str_radix(parts.next()?, 16).ok()?);
    let (len, modified) = (parts.next()?, parts.next()?);
    let stamp = match (len.parse(), modified.parse()) {
        (Ok(len), Ok(modified)) => Some(Stamp { len, modified }),
        _ => None,
    };
    Some((fp, stamp, parts.next()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Manifest {
        Manifest {
            kinds: vec![
                KindFiles {
                    paths: Arc::new(vec!["style.css".into()]),
                    fingerprints: vec![Fingerprint(7)],
                    stamps: vec![Some(Stamp {
                        len: 10,
                        modified: 1_700_000_000_123_456_789,
                    })],
                },
                KindFiles {
                    paths: Arc::new(vec!["en/index.html".into(), "fr/a b/index.html".into()]),
                    fingerprints: vec![Fingerprint(u64::MAX), Fingerprint(0)],
                    stamps: vec![
                        None,
                        Some(Stamp {
                            len: 0,
                            modified: 0,
                        }),
                    ],
                },
            ],
        }
    }

    #[test]
    fn a_saved_manifest_reads_back_the_same_in_the_same_folder() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        std::fs::create_dir(&out).unwrap();
        std::fs::write(out.join(MARKER), "x").unwrap();
        save(&out, &sample()).unwrap();
        let back = load(&out);
        assert_eq!(back.kinds.len(), 2);
        assert_eq!(*back.kinds[1].paths, *sample().kinds[1].paths);
        assert_eq!(back.kinds[1].fingerprints, sample().kinds[1].fingerprints);
        assert_eq!(back.kinds[0].stamps, sample().kinds[0].stamps);
        assert_eq!(back.kinds[1].stamps, sample().kinds[1].stamps);
    }

    #[test]
    fn a_manifest_of_another_output_folder_is_not_trusted() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        std::fs::create_dir(&out).unwrap();
        std::fs::write(out.join(MARKER), "x").unwrap();
        save(&out, &sample()).unwrap();
        assert!(!load(&out).is_empty());
        // Another build's folder put in its place: a new marker file.
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::remove_file(out.join(MARKER)).unwrap();
        std::fs::write(out.join(MARKER), "x").unwrap();
        assert!(load(&out).is_empty());
    }

    #[test]
    fn a_damaged_manifest_reads_as_empty() {
        assert!(parse("pledgeboard-manifest 1\nid\nkind 0 2\n7 1 1 a\n", "id").is_none());
        assert!(parse("pledgeboard-manifest 0\nid\n", "id").is_none());
        assert!(parse("pledgeboard-manifest 1\nid\nkind 1 0\n", "id").is_none());
        assert!(parse("pledgeboard-manifest 1\nid\n", "id").is_some());
    }
}
