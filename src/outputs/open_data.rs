//! Open data: the whole dataset as `data/commitments.json`, the tables
//! `data/localities.csv`, `data/commitments.csv` and `data/updates.csv`,
//! and the data package `data/datapackage.json` that describes them (the
//! formats are `export`'s).
//!
//! Every file is fingerprinted by the renderer's `all_fingerprint`, made
//! once per build: planning them costs nothing per commitment. A session
//! writes the data files in the background (their content is `Owned`); the
//! data package is small and written with the build.

use super::{Build, Content, Output, Plan, Streamed};
use crate::diag::Diagnostic;
use crate::export::{self, FORMATS, Files, Format};
use crate::urls;
use std::sync::{Arc, OnceLock};

pub(super) fn make(_build: &Build) -> Box<dyn Output> {
    Box::new(OpenData {
        files: OnceLock::new(),
    })
}

/// One file of the plan.
#[derive(Clone, Copy)]
enum File {
    Data(Format),
    Package,
}

impl File {
    fn path(self) -> &'static str {
        match self {
            File::Data(format) => format.path(),
            File::Package => urls::DATA_PACKAGE,
        }
    }
}

/// The files, in plan order.
fn files() -> impl Iterator<Item = File> {
    FORMATS
        .into_iter()
        .map(File::Data)
        .chain(std::iter::once(File::Package))
}

struct OpenData {
    /// A session's records, made (or found in its memo) when first asked for.
    files: OnceLock<Arc<Files>>,
}

/// One of the data files, from records it shares.
struct Shared {
    files: Arc<Files>,
    format: Format,
}

impl Streamed for Shared {
    fn write_to(&self, w: &mut dyn std::io::Write) -> std::io::Result<()> {
        self.files.write(self.format, w)
    }
}

impl Output for OpenData {
    fn name(&self) -> &'static str {
        "open data"
    }

    fn what(&self) -> &'static str {
        "the open data"
    }

    /// Every commitment and locality is in every file but the package,
    /// which depends on site.yaml (in the same fingerprint).
    fn plan(&self, build: &Build) -> Plan {
        let fingerprint = build.renderer.all_fingerprint();
        files()
            .map(|file| (file.path().to_owned(), fingerprint))
            .collect()
    }

    /// A session keeps each serialised record for the next rebuild and may
    /// write the files later; a one-shot build streams them from the site,
    /// never holding the whole dataset.
    fn produce<'b>(&self, build: &'b Build, item: usize) -> Result<Content<'b>, Diagnostic> {
        let format = match files().nth(item) {
            Some(File::Data(format)) => format,
            _ => return Ok(Content::Bytes(export::package::datapackage(build.site))),
        };
        if !build.memos.keeps() {
            let (site, derived) = (build.site, build.derived);
            return Ok(Content::Stream(Box::new(move |w| {
                export::stream(site, derived, format, w)
            })));
        }
        let files = self.files.get_or_init(|| {
            Arc::new(export::files(
                build.site,
                build.derived,
                build.global,
                &build.memos.records,
                &build.memos.locality_rows,
            ))
        });
        Ok(Content::Owned(Arc::new(Shared {
            files: files.clone(),
            format,
        })))
    }
}
