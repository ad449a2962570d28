//! Outputs: every file a build writes, as a plan.
//!
//! Each kind of output file (pages, feeds, calendars, the sitemap, open
//! data, theme assets, the site's static files) is one file of this folder implementing
//! [`Output`]: it *plans* its files, each a path with the [`Fingerprint`] of
//! everything its bytes are made from, and *produces* the bytes of any of
//! them on demand. `pipeline::execute` compares a plan with what the output
//! folder holds and produces only the files whose fingerprint changed, so a
//! clean build and a rebuild are the same code.
//!
//! **Adding an output kind** is one new file here with a `make` function
//! and one line in [`KINDS`].

mod assets;
mod calendars;
mod collisions;
mod feeds;
mod open_data;
mod pages;
mod search_index;
mod share_images;
mod sitemap;
mod statics;

pub(crate) use statics::StaticFingerprints;

use crate::derive::Derived;
use crate::diag::Diagnostic;
use crate::memo::Fingerprint;
use crate::model::Site;
use crate::pipeline::{Checked, Memos};
use crate::render::{Page, Renderer};
use crate::theme::Theme;
use std::io;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

/// Every kind of output file, in the order they are planned and produced
/// (open data before pages: a one-shot build frees its records before the
/// pages' cards are made). Adding a kind is one line here.
pub(crate) const KINDS: &[Make] = &[
    assets::make,
    statics::make,
    open_data::make,
    sitemap::make,
    feeds::make,
    share_images::make,
    pages::make,
    calendars::make,
    search_index::make,
];

/// Makes a kind's output for one build.
pub(crate) type Make = fn(&Build) -> Box<dyn Output>;

/// What the outputs of one build are made from: the checked site, what was
/// derived from it, and the pages with their paths.
pub(crate) struct Build<'a> {
    pub site: &'a Site,
    pub derived: &'a Derived,
    pub theme: &'a Theme,
    pub renderer: Renderer<'a>,
    /// What every output depends on (site.yaml, theme, strings, free pages, build date).
    pub global: Fingerprint,
    /// Every HTML page, and where each goes (in the same order).
    pub pages: Vec<Page>,
    pub paths: Arc<Vec<String>>,
    /// A fingerprint of `paths`.
    pub paths_fingerprint: Fingerprint,
    /// Values kept from earlier builds of a session (none in a one-shot build).
    pub memos: &'a crate::pipeline::Memos,
    /// The date the build is made on (in `global`).
    pub build_date: jiff::civil::Date,
}

impl<'a> Build<'a> {
    /// What the outputs of `checked` are made from; the pages' paths are
    /// the ones `memos` kept while the layout is unchanged.
    pub(crate) fn new(checked: &'a Checked, memos: &'a Memos) -> Build<'a> {
        use rayon::prelude::*;
        let renderer = Renderer::new(
            &checked.site,
            &checked.derived,
            checked.strings.clone(),
            checked.tera.clone(),
            checked.fingerprint,
            &memos.cards,
        );
        let pages = renderer.pages();
        let layout = renderer.layout_fingerprint(&pages);
        let (paths, paths_fingerprint) = memos.page_paths.get_or_make(layout, || {
            let paths: Vec<String> = pages.par_iter().map(|p| renderer.path(*p)).collect();
            let fingerprint = crate::memo::of(&paths);
            (Arc::new(paths), fingerprint)
        });
        crate::pipeline::lap("renderer");
        Build {
            site: &checked.site,
            derived: &checked.derived,
            theme: &checked.theme,
            renderer,
            global: checked.fingerprint,
            pages,
            paths,
            paths_fingerprint,
            memos,
            build_date: checked.build_date,
        }
    }
}

/// Refuses plans where a copied file (static, theme) goes where another
/// output file goes (see [`collisions`]): one error per copied file.
pub(crate) fn refuse_collisions(
    build: &Build,
    kinds: &[Box<dyn Output>],
    plans: &[Plan],
) -> Result<(), Vec<Diagnostic>> {
    let paths: Vec<Arc<Vec<String>>> = plans.iter().map(|p| p.paths.clone()).collect();
    let diags = collisions::collisions(build, kinds, &paths);
    if diags.is_empty() { Ok(()) } else { Err(diags) }
}

/// The collisions of a checked site's outputs, from their paths alone
/// (`check` plans nothing).
pub(crate) fn collisions_of(checked: &Checked) -> Vec<Diagnostic> {
    let memos = Memos::off();
    let build = Build::new(checked, &memos);
    let kinds: Vec<Box<dyn Output>> = KINDS.iter().map(|make| make(&build)).collect();
    let paths: Vec<Arc<Vec<String>>> = kinds.iter().map(|k| k.paths(&build)).collect();
    collisions::collisions(&build, &kinds, &paths)
}

/// One kind's files: where each goes and the fingerprint of what it is
/// made from, in the same order (an item is an index into both).
#[derive(Clone, Debug, Default)]
pub(crate) struct Plan {
    pub paths: Arc<Vec<String>>,
    pub fingerprints: Vec<Fingerprint>,
}

impl FromIterator<(String, Fingerprint)> for Plan {
    fn from_iter<I: IntoIterator<Item = (String, Fingerprint)>>(files: I) -> Plan {
        let (paths, fingerprints): (Vec<String>, Vec<Fingerprint>) = files.into_iter().unzip();
        Plan {
            paths: Arc::new(paths),
            fingerprints,
        }
    }
}

/// The bytes of one output file, ready to be written.
pub(crate) enum Content<'a> {
    Bytes(Vec<u8>),
    /// A file of the site copied as it is.
    Copy(PathBuf),
    /// Written piece by piece while the build runs (a large file never
    /// held whole in memory).
    Stream(Fill<'a>),
    /// Written piece by piece from values it owns, so that a session may
    /// write it after the build, in the background (open data).
    Owned(Arc<dyn Streamed>),
}

/// Writes a file's content piece by piece.
pub(crate) type Fill<'a> = Box<dyn FnOnce(&mut dyn io::Write) -> io::Result<()> + Send + 'a>;

/// A file's content that owns what it is written from.
pub trait Streamed: Send + Sync {
    fn write_to(&self, w: &mut dyn io::Write) -> io::Result<()>;
}

/// One kind of output file, for one build.
pub(crate) trait Output: Send + Sync {
    /// The kind's name, for timings.
    fn name(&self) -> &'static str;

    /// Every file of this kind, in a stable order; items are named by
    /// their index in it.
    fn plan(&self, build: &Build) -> Plan;

    /// What a file of this kind is, for messages ("a page"); see also
    /// [`copied_from`](Self::copied_from).
    fn what(&self) -> &'static str;

    /// Whether the kind's files are copied from files of the site or theme.
    fn copies(&self) -> bool {
        false
    }

    /// The file item `item` is copied from, for messages (copied kinds only).
    fn copied_from(&self, _build: &Build, _item: usize) -> Option<String> {
        None
    }

    /// Every path of the plan, without the fingerprints (for `check`).
    fn paths(&self, build: &Build) -> Arc<Vec<String>> {
        self.plan(build).paths
    }

    /// The content of item `item` of the plan.
    fn produce<'b>(&self, build: &'b Build, item: usize) -> Result<Content<'b>, Diagnostic>;

    /// Runs of items produced one after the other (all at once by default);
    /// after each, [`after_run`](Self::after_run) may free what it used.
    fn runs(&self, planned: usize) -> Vec<Range<usize>> {
        std::iter::once(0..planned).collect()
    }

    /// Called once run `run` of [`runs`](Self::runs) is written.
    fn after_run(&self, _build: &mut Build, _run: usize) {}
}
