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
use crate::write::{self, MARKER, Stamp};
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
    write::beside(out, "manifest")
}

const HEADER: &str = "pledgeboard-manifest 2";

/// The manifests kept beside an output folder: of the output itself, and
/// of the output before it, which the last build kept beside it
/// (`write::previous_output`) as the next build's starting point. Each is
/// empty when it cannot be trusted.
#[derive(Clone, Debug, Default)]
pub struct Saved {
    pub current: Manifest,
    pub previous: Manifest,
}

/// This binary: a manifest written by another one is not trusted.
fn binary() -> Option<String> {
    let exe = Stamp::read(&std::env::current_exe().ok()?).ok()?;
    Some(format!(
        "{} {} {}",
        env!("CARGO_PKG_VERSION"),
        exe.len,
        exe.modified
    ))
}

/// The identity of an output folder: its marker file, new in every build.
fn folder(out: &Path) -> Option<String> {
    let marker = out.join(MARKER);
    let stamp = Stamp::read(&marker).ok()?;
    let ino = marker_inode(&marker)?;
    Some(format!("{} {} {ino}", stamp.len, stamp.modified))
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

/// Writes the manifests of the output folder `out` and of the output kept
/// beside it, beside it.
pub fn save(out: &Path, current: &Manifest, previous: &Manifest) -> io::Result<()> {
    let (Some(binary), Some(out_id)) = (binary(), folder(out)) else {
        return Ok(());
    };
    let mut text = String::with_capacity((current.len() + previous.len()) * 96);
    let _ = writeln!(text, "{HEADER}\n{binary}");
    write_section(&mut text, "output", &out_id, current);
    if let Some(previous_id) = folder(&write::previous_output(out)) {
        write_section(&mut text, "previous", &previous_id, previous);
    }
    let to = location(out);
    let tmp = to.with_extension("tmp");
    std::fs::write(&tmp, text)?;
    std::fs::rename(&tmp, &to)
}

fn write_section(text: &mut String, name: &str, id: &str, manifest: &Manifest) {
    let _ = writeln!(text, "{name} {id}");
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
}

/// The manifests left beside `out` by the last build; each empty when
/// there is none this binary can trust for the folder it describes.
pub fn load(out: &Path) -> Saved {
    let text = std::fs::read_to_string(location(out)).unwrap_or_default();
    let mut lines = text.lines().peekable();
    if lines.next() != Some(HEADER) || binary().is_none() || lines.next() != binary().as_deref() {
        return Saved::default();
    }
    let mut saved = Saved::default();
    let ids = [
        ("output", folder(out)),
        ("previous", folder(&write::previous_output(out))),
    ];
    while let Some(line) = lines.next() {
        let Some((name, id)) = line.split_once(' ') else {
            break;
        };
        let Some(manifest) = parse_section(&mut lines) else {
            return Saved::default();
        };
        let trusted = ids
            .iter()
            .any(|(n, i)| *n == name && i.as_deref() == Some(id));
        match name {
            "output" if trusted => saved.current = manifest,
            "previous" if trusted => saved.previous = manifest,
            _ => {}
        }
    }
    saved
}

/// One section's kinds, up to the next section or the end.
fn parse_section<'t>(
    lines: &mut std::iter::Peekable<impl Iterator<Item = &'t str>>,
) -> Option<Manifest> {
    let mut manifest = Manifest::default();
    while let Some(line) = lines.next_if(|l| l.starts_with("kind ")) {
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

    /// An output folder with its marker file.
    fn output(dir: &Path, name: &str) -> PathBuf {
        let out = dir.join(name);
        std::fs::create_dir(&out).unwrap();
        std::fs::write(out.join(MARKER), "x").unwrap();
        out
    }

    fn same(a: &Manifest, b: &Manifest) -> bool {
        a.kinds.len() == b.kinds.len()
            && a.kinds.iter().zip(&b.kinds).all(|(x, y)| {
                x.paths == y.paths && x.fingerprints == y.fingerprints && x.stamps == y.stamps
            })
    }

    #[test]
    fn saved_manifests_read_back_the_same_for_the_same_folders() {
        let dir = tempfile::tempdir().unwrap();
        let out = output(dir.path(), "public");
        std::fs::create_dir(write::previous_output(&out)).unwrap();
        std::fs::write(write::previous_output(&out).join(MARKER), "y").unwrap();
        let empty = Manifest::default();
        save(&out, &sample(), &empty).unwrap();
        let back = load(&out);
        assert!(same(&back.current, &sample()));
        assert!(back.previous.is_empty());
        save(&out, &empty, &sample()).unwrap();
        let back = load(&out);
        assert!(back.current.is_empty());
        assert!(same(&back.previous, &sample()));
    }

    #[test]
    fn a_manifest_of_another_output_folder_is_not_trusted() {
        let dir = tempfile::tempdir().unwrap();
        let out = output(dir.path(), "public");
        save(&out, &sample(), &Manifest::default()).unwrap();
        assert!(!load(&out).current.is_empty());
        // Another build's folder put in its place: a new marker file.
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::remove_file(out.join(MARKER)).unwrap();
        std::fs::write(out.join(MARKER), "x").unwrap();
        assert!(load(&out).current.is_empty());
    }

    #[test]
    fn a_damaged_manifest_reads_as_empty() {
        let dir = tempfile::tempdir().unwrap();
        let out = output(dir.path(), "public");
        save(&out, &sample(), &Manifest::default()).unwrap();
        let text = std::fs::read_to_string(location(&out)).unwrap();
        // A file line cut off: the whole manifest is dropped.
        let cut = text.replace("ffffffffffffffff - - en/index.html", "ffffffffffffffff -");
        std::fs::write(location(&out), cut).unwrap();
        assert!(load(&out).current.is_empty());
        // Another version of the format.
        std::fs::write(
            location(&out),
            text.replace(HEADER, "pledgeboard-manifest 1"),
        )
        .unwrap();
        assert!(load(&out).current.is_empty());
    }
}
