//! Open data: the whole dataset as `data/commitments.json` and
//! `data/commitments.csv` (the formats are `export`'s).

use super::{Build, Content, Output, Plan, Streamed};
use crate::diag::Diagnostic;
use crate::export::{self, Files, Format};
use crate::urls;
use std::sync::{Arc, OnceLock};

pub(super) fn make(_build: &Build) -> Box<dyn Output> {
    Box::new(OpenData {
        files: OnceLock::new(),
    })
}

/// The files, in plan order.
const FILES: [(&str, Format); 2] = [
    (urls::DATA_JSON, Format::Json),
    (urls::DATA_CSV, Format::Csv),
];

struct OpenData {
    /// A session's records, made (or found in its memo) when first asked for.
    files: OnceLock<Arc<Files>>,
}

/// One of the two files, from records it shares.
struct File {
    files: Arc<Files>,
    format: Format,
}

impl Streamed for File {
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

    /// Every commitment and locality is in both files.
    fn plan(&self, build: &Build) -> Plan {
        let fingerprint = build.renderer.all_fingerprint();
        FILES
            .iter()
            .map(|(path, _)| ((*path).to_owned(), fingerprint))
            .collect()
    }

    /// A session keeps each serialised record for the next rebuild and may
    /// write the files later; a one-shot build streams them from the site,
    /// never holding the whole dataset.
    fn produce<'b>(&self, build: &'b Build, item: usize) -> Result<Content<'b>, Diagnostic> {
        let format = FILES[item].1;
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
            ))
        });
        Ok(Content::Owned(Arc::new(File {
            files: files.clone(),
            format,
        })))
    }
}
