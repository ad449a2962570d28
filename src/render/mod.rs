//! Render: the HTML pages of the portal, from the theme's Tera templates.
//!
//! A [`Renderer`] is built once per build: it compiles the templates and
//! precomputes, per language, the values many pages share (commitment cards,
//! locality cards, status and party labels). Each page is then a [`Page`]
//! that can be rendered on its own, on any thread: `pages()` lists them,
//! `path()` says where each goes, `render()` makes its minified HTML,
//! `fingerprint()` hashes what it shows.
//!
//! This file holds the [`Renderer`] and what dispatches to the page kinds;
//! the other files of the folder have one job each:
//! - `page.rs`: [`Page`], every HTML page of the output;
//! - `templates.rs`: the Tera set-up (`t`, `local_date`, `local_number`),
//!   compiling and compacting the theme's templates ([`Templates`]);
//! - `write_in.rs`: each language's copy of the templates with its plain
//!   interface strings written in;
//! - `values.rs`: every value a template sees, the theme's API (documented
//!   for theme authors in `docs/THEME.md`);
//! - `lang.rs`: per-language shared values and localised texts and labels;
//! - `cards.rs`: commitment and locality cards, update items, list-card
//!   HTML (kept in a memo by a session);
//! - `common.rs`: the values every page receives;
//! - `trust.rs`: site.yaml's trust signals (publisher, contact,
//!   corrections, licence) as pages show them;
//! - `notice.rs`: the notice on a page showing text in another language;
//! - `charts/`: the charts (inline SVG) and the data they are made from;
//! - `maps.rs`: the maps of pages (home, localities, a locality, a country);
//! - `share.rs`: a page's share preview (Open Graph and Twitter card
//!   values: title, plain-text description, image, locales);
//! - `links.rs`: each rendered page's internal links made as short as its
//!   place allows;
//! - one file per page kind, with its template context and its
//!   fingerprint: `home.rs`, `locality.rs`, `commitment.rs`, `browse.rs`,
//!   `updates.rs`, `free.rs`, `accessibility.rs` (the theme's
//!   accessibility statement), `root.rs`, `print.rs` (a locality's print
//!   sheet), `search.rs`.

mod accessibility;
mod browse;
mod cards;
mod charts;
mod commitment;
mod common;
mod evidence;
mod free;
mod home;
mod lang;
mod links;
mod locality;
mod maps;
mod notice;
mod page;
mod print;
mod root;
mod search;
mod share;
mod tally;
mod templates;
mod trust;
mod updates;
mod values;
mod write_in;

pub(crate) use page::Page;
pub(crate) use share::{ImageOf, trim_at_word};
pub(crate) use templates::{Templates, compile_templates, error_chain};

use crate::derive::Derived;
use crate::diag::Diagnostic;
use crate::i18n::Strings;
use crate::memo::Memo;
use crate::memo::{Fingerprint, Fingerprinter};
use crate::model::{CRef, Config, Site};
use crate::urls;
use lang::LangData;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::hash::Hash;
use std::sync::Arc;
use tera::Context;

/// Browse dimensions, in the order they appear in navigation.
pub(crate) const DIMENSIONS: [&str; 4] = ["status", "party", "topic", "country"];

/// How many commitments a list page shows; longer lists continue on
/// `…/page/2/`, `…/page/3/`, so that no page is too heavy for a cheap phone.
pub(crate) const PER_PAGE: usize = 50;

/// How many pages a list of `n` commitments takes (at least one).
pub(crate) fn page_count(n: usize) -> usize {
    n.div_ceil(PER_PAGE).max(1)
}

/// Above this many localities a site is at national scale: the home page
/// shows countries (with their counts and status bar) instead of every
/// locality's card (docs/THEME.md).
pub(crate) const AT_SCALE: usize = 24;

/// How many localities a page of the localities index shows; a longer index
/// continues on `…/localities/page/2/`, so that each page stays within the
/// page budget (14 KB gzipped with the style sheet).
pub(crate) const LOCALITIES_PER_PAGE: usize = 100;

/// How many pages the localities index of `n` localities takes (at least one).
pub(crate) fn localities_page_count(n: usize) -> usize {
    n.div_ceil(LOCALITIES_PER_PAGE).max(1)
}

/// How many updates the home page and the updates page show.
pub(crate) const HOME_UPDATES: usize = 8;
pub(crate) const UPDATES_PAGE: usize = 100;

/// Renders the HTML pages of one site.
pub(crate) struct Renderer<'a> {
    site: &'a Site,
    derived: &'a Derived,
    strings: Arc<Strings>,
    tera: Arc<Templates>,
    langs: Vec<LangData>,
    /// What every page depends on (see `pipeline::Checked::fingerprint`).
    global: Fingerprint,
    /// With `PLEDGEBOARD_TIMINGS`: pages rendered and time spent, per template.
    profile: Option<std::sync::Mutex<BTreeMap<&'static str, (usize, std::time::Duration)>>>,
    /// What pages listing everything depend on: every commitment and locality.
    all: Fingerprint,
    /// Every commitment, in locality then id order.
    all_crefs: Vec<CRef>,
    /// Per locality, per commitment: a hash of what a list entry of the
    /// commitment depends on (its files, its locality's, its overdue flag),
    /// made once; page fingerprints hash these instead of reaching into
    /// every commitment again.
    entry_fps: Vec<Vec<Fingerprint>>,
    /// A hash of what the locality cards count: each commitment's status
    /// and overdue flag, locality by locality.
    locality_counts: Fingerprint,
    /// List cards' HTML by the fingerprint of what each is made from: a
    /// session's rebuild renders only the cards of commitments that changed.
    cards: &'a Memo<Arc<str>>,
    /// Per browse dimension, per key: how many of its commitments are
    /// overdue (every page of a list shows it: counted once, not per page).
    key_overdue: Vec<Vec<usize>>,
    /// Per country (as `Derived::by_country`), per status of site.yaml:
    /// how many of its commitments are in it (every page of a country's
    /// list shows its status bar: counted once, not per page).
    country_status: Vec<Vec<usize>>,
}

impl<'a> Renderer<'a> {
    pub(crate) fn new(
        site: &'a Site,
        derived: &'a Derived,
        strings: Arc<Strings>,
        tera: Arc<Templates>,
        global: Fingerprint,
        cards: &'a Memo<Arc<str>>,
    ) -> Self {
        let mut r = Renderer {
            site,
            derived,
            strings,
            tera,
            langs: Vec::new(),
            profile: std::env::var_os("PLEDGEBOARD_TIMINGS")
                .map(|_| std::sync::Mutex::new(BTreeMap::new())),
            global,
            all: Fingerprint::default(),
            all_crefs: site.crefs().collect(),
            entry_fps: Vec::new(),
            locality_counts: locality::locality_counts(site, derived),
            cards,
            key_overdue: Vec::new(),
            country_status: derived
                .by_country
                .iter()
                .map(|(_, list)| tally::counts_of(site, &site.config, list))
                .collect(),
        };
        r.key_overdue = r.count_key_overdue();
        r.entry_fps = r.entry_fingerprints();
        // Every locality and every commitment's entry (its files, its
        // locality's, its overdue flag), from the hashes just made.
        let mut h = Fingerprinter::new();
        for (loc, entries) in site.localities.iter().zip(&r.entry_fps) {
            (loc.fingerprint, entries).hash(&mut h);
        }
        r.all = h.fingerprint();
        r.langs = (0..site.config.languages.len())
            .into_par_iter()
            .map(|li| r.lang_data(li))
            .collect();
        r
    }

    fn config(&self) -> &Config {
        &self.site.config
    }

    /// The index of the default language (the root and 404 pages' language).
    fn default_language(&self) -> usize {
        let config = self.config();
        (config.languages.iter())
            .position(|l| l.code == config.home_language())
            .unwrap_or(0)
    }

    fn lang_code(&self, li: usize) -> &str {
        &self.site.config.languages[li].code
    }

    pub(crate) fn strings(&self) -> &Strings {
        &self.strings
    }

    /// Every HTML page of the site.
    pub(crate) fn pages(&self) -> Vec<Page> {
        let mut pages = vec![Page::Root, Page::NotFound];
        for li in 0..self.langs.len() {
            pages.push(Page::Home(li));
            pages.extend(
                (0..localities_page_count(self.site.localities.len()))
                    .map(|pg| Page::Localities(li, pg)),
            );
            pages.push(Page::Updates(li));
            pages.push(Page::Search(li));
            pages.extend(
                (0..page_count(self.derived.overdue_list.len())).map(|pg| Page::Overdue(li, pg)),
            );
            pages.extend((0..page_count(self.all_crefs.len())).map(|pg| Page::All(li, pg)));
            for (di, _) in DIMENSIONS.iter().enumerate() {
                pages.push(Page::BrowseIndex(li, di));
                for (ki, (_, list)) in self.dimension_keys(di).iter().enumerate() {
                    pages
                        .extend((0..page_count(list.len())).map(|pg| Page::Browse(li, di, ki, pg)));
                }
            }
            for (i, _) in self.site.localities.iter().enumerate() {
                pages.push(Page::Locality(li, i));
                pages.push(Page::Print(li, i));
            }
            for c in self.site.crefs() {
                pages.push(Page::Commitment(li, c));
            }
            for (i, _) in self.site.pages.iter().enumerate() {
                pages.push(Page::Free(li, i));
            }
            if !self.has_own_accessibility_page() {
                pages.push(Page::Accessibility(li));
            }
        }
        pages
    }

    /// Drops the cards made for the pages of language `li`: a one-shot
    /// build calls it once that language's pages are written.
    pub(crate) fn release_language(&mut self, li: usize) {
        let data = &mut self.langs[li];
        data.cards
            .iter_mut()
            .flatten()
            .for_each(|slot| drop(slot.take()));
        data.card_html
            .iter_mut()
            .flatten()
            .for_each(|slot| drop(slot.take()));
    }

    /// The keys of a browse dimension with their commitments.
    fn dimension_keys(&self, di: usize) -> &[(String, Vec<CRef>)] {
        match DIMENSIONS[di] {
            "status" => &self.derived.by_status,
            "party" => &self.derived.by_party,
            "topic" => &self.derived.by_topic,
            _ => &self.derived.by_country,
        }
    }

    /// Where a page is written, relative to the output root.
    pub(crate) fn path(&self, page: Page) -> String {
        let code = |li: usize| self.lang_code(li);
        match page {
            Page::Root => urls::ROOT_INDEX.into(),
            Page::NotFound => urls::NOT_FOUND.into(),
            Page::Home(li) => urls::home(code(li)),
            Page::Localities(li, pg) => urls::paged(&urls::localities(code(li)), pg),
            Page::Locality(li, i) => urls::locality(code(li), &self.site.localities[i].id),
            Page::Print(li, i) => urls::print_sheet(code(li), &self.site.localities[i].id),
            Page::Commitment(li, c) => {
                let cm = self.site.commitment(c);
                urls::commitment(code(li), &cm.locality, &cm.id)
            }
            Page::BrowseIndex(li, di) => urls::browse_index(code(li), DIMENSIONS[di]),
            Page::Browse(li, di, ki, pg) => urls::paged(
                &urls::browse(code(li), DIMENSIONS[di], &self.dimension_keys(di)[ki].0),
                pg,
            ),
            Page::Overdue(li, pg) => urls::paged(&urls::overdue(code(li)), pg),
            Page::All(li, pg) => urls::paged(&urls::all_commitments(code(li)), pg),
            Page::Updates(li) => urls::updates(code(li)),
            Page::Free(li, i) => urls::page(code(li), &self.site.pages[i].id),
            Page::Search(li) => urls::search(code(li)),
            Page::Accessibility(li) => urls::accessibility(code(li)),
        }
    }

    /// A hash of everything [`path`](Self::path) makes the paths of `pages`
    /// from (the pages, language codes, locality, commitment and free page
    /// ids, the keys of the browse dimensions): while it stays the same, so
    /// do the paths, and a rebuild can reuse them.
    pub(crate) fn layout_fingerprint(&self, pages: &[Page]) -> Fingerprint {
        let mut h = Fingerprinter::new();
        pages.hash(&mut h);
        for l in &self.config().languages {
            l.code.hash(&mut h);
        }
        for loc in &self.site.localities {
            loc.id.hash(&mut h);
            for c in &loc.commitments {
                c.id.hash(&mut h);
            }
        }
        for di in 0..DIMENSIONS.len() {
            for (key, _) in self.dimension_keys(di) {
                key.hash(&mut h);
            }
        }
        for p in &self.site.pages {
            p.id.hash(&mut h);
        }
        h.fingerprint()
    }

    // -- fingerprints ------------------------------------------------------

    /// A hash of everything the page's output depends on: equal
    /// fingerprints give equal pages, so a rebuild can skip the page.
    /// `path` is the page's [`path`](Self::path). Each page kind's own
    /// part is beside its template context.
    pub(crate) fn fingerprint(&self, page: Page, path: &str) -> Fingerprint {
        let mut h = Fingerprinter::new();
        self.global.hash(&mut h);
        path.hash(&mut h);
        match page {
            // All they show is in the site-wide fingerprint.
            Page::Root | Page::NotFound | Page::Free(..) | Page::Accessibility(_) => {}
            Page::Home(_) => self.home_fp(&mut h),
            Page::Localities(..) => self.localities_fp(&mut h),
            Page::Locality(_, i) => self.locality_fp(&mut h, i),
            Page::Print(_, i) => self.print_fp(&mut h, i),
            Page::Commitment(_, r) => self.commitment_page_fp(&mut h, r),
            Page::BrowseIndex(_, di) => self.browse_index_fp(&mut h, di),
            Page::Browse(..) | Page::Overdue(..) | Page::All(..) => self.list_fp(&mut h, page),
            Page::Updates(_) => self.updates_fp(&mut h),
            Page::Search(_) => self.search_fp(&mut h),
        }
        h.fingerprint()
    }

    /// Hashes the list entries (`entry_fps`) of the commitments of `list`.
    fn hash_entries(&self, h: &mut Fingerprinter, list: &[CRef]) {
        for r in list {
            self.entry_fps[r.locality][r.commitment].hash(h);
        }
    }

    /// What a commitment's entry depends on besides its locality's files:
    /// its own files and how long it is overdue.
    fn commitment_fp(&self, r: CRef) -> (Fingerprint, Option<crate::derive::OverdueSpan>) {
        (
            self.site.commitment(r).fingerprint,
            self.derived.overdue_by(r),
        )
    }

    /// The fingerprint of the inputs of everything that lists every
    /// commitment (the open-data files).
    pub(crate) fn all_fingerprint(&self) -> Fingerprint {
        let mut h = Fingerprinter::new();
        (self.global, self.all).hash(&mut h);
        h.fingerprint()
    }

    /// The fingerprint of a feed (site-wide or one locality's) in
    /// language `li`, from its [`feed_inputs`](Self::feed_inputs).
    pub(crate) fn feed_fingerprint(
        &self,
        li: usize,
        locality: Option<usize>,
        inputs: Fingerprint,
    ) -> Fingerprint {
        let mut h = Fingerprinter::new();
        (self.global, li, locality, inputs).hash(&mut h);
        h.fingerprint()
    }

    /// What a feed shows in any language: its locality's files (for a
    /// locality's feed) and its `entries`, each with its commitment's
    /// entry and locality. Made once per feed, not once per language.
    pub(crate) fn feed_inputs(
        &self,
        locality: Option<usize>,
        entries: &[crate::derive::URef],
    ) -> Fingerprint {
        let mut h = Fingerprinter::new();
        if let Some(i) = locality {
            self.site.localities[i].fingerprint.hash(&mut h);
        }
        for u in entries {
            u.update.hash(&mut h);
            self.commitment_fp(u.commitment).hash(&mut h);
            self.site.localities[u.commitment.locality]
                .fingerprint
                .hash(&mut h);
        }
        h.fingerprint()
    }

    /// The fingerprint of the inputs of a calendar in language `li`: one
    /// locality's (its files, and each commitment's entry: its files and
    /// overdue span) or, for `None`, the site's (every locality and entry,
    /// hashed once per build).
    pub(crate) fn calendar_fingerprint(&self, li: usize, locality: Option<usize>) -> Fingerprint {
        let mut h = Fingerprinter::new();
        (self.global, "calendar", li).hash(&mut h);
        match locality {
            Some(i) => self.locality_fp(&mut h, i),
            None => self.all.hash(&mut h),
        }
        h.fingerprint()
    }

    // -- rendering ---------------------------------------------------------

    /// Renders one page to HTML (minified: the templates were minified when loaded).
    /// `path` is the page's [`path`](Self::path).
    pub(crate) fn render(&self, page: Page, path: &str) -> Result<Vec<u8>, Diagnostic> {
        let started = self.profile.as_ref().map(|_| std::time::Instant::now());
        let (template, mut ctx) = self.context(page, path);
        // What the content says of itself: covered by the page's fingerprint.
        let notice = page
            .language()
            .and_then(|li| self.fallback_notice(li, page, &ctx));
        ctx.insert("fallback_notice", &notice);
        if page != Page::NotFound {
            let li = page.language().unwrap_or_else(|| self.default_language());
            let title = ctx.get("title").and_then(|t| t.as_str()).unwrap_or("");
            let share = self.share_tags(page, li, title);
            ctx.insert("share", &share);
        }
        // Straight into bytes: the page goes to a file, and Tera's output
        // is UTF-8 already (checking it again took 5% of a build).
        let mut html = Vec::with_capacity(16 * 1024);
        let lang = match page.language() {
            Some(li) => self.lang_code(li),
            // The root picker and the 404 page are in the default language
            // (the first language kept, in a bundle that leaves it out).
            None => self.config().home_language(),
        };
        let result = self
            .tera
            .for_lang(lang)
            .render_to(template, &ctx, &mut html);
        if let (Some(profile), Some(started)) = (&self.profile, started)
            && let Ok(mut p) = profile.lock()
        {
            let e = p.entry(template).or_default();
            e.0 += 1;
            e.1 += started.elapsed();
        }
        result.map_err(|e| {
            Diagnostic::error(
                format!("themes/default/templates/{template}"),
                format!("rendering `{path}` failed: {}", error_chain(&e)),
            )
        })?;
        links::shorten(&mut html, path);
        Ok(html)
    }

    /// The template of a page and its context, from the page kind's file.
    fn context(&self, page: Page, path: &str) -> (&'static str, Context) {
        let Some(li) = page.language() else {
            return self.root_context(page, path);
        };
        match page {
            Page::Home(_) => self.home_context(li, path),
            Page::Localities(_, pg) => self.localities_context(li, path, pg),
            Page::Locality(_, i) => self.locality_context(li, path, i),
            Page::Print(_, i) => self.print_context(li, path, i),
            Page::Commitment(_, r) => self.commitment_context(li, path, r),
            Page::BrowseIndex(_, di) => self.browse_index_context(li, path, di),
            Page::Browse(..) | Page::Overdue(..) | Page::All(..) => {
                self.list_page_context(li, path, page)
            }
            Page::Updates(_) => self.updates_context(li, path),
            Page::Free(_, i) => self.free_context(li, path, i),
            Page::Search(_) => self.search_context(li, path),
            Page::Accessibility(_) => self.accessibility_context(li, path),
            Page::Root | Page::NotFound => unreachable!("handled above"),
        }
    }

    /// With `PLEDGEBOARD_TIMINGS`: pages rendered and CPU time per template.
    pub(crate) fn template_times(&self) -> Vec<(&'static str, usize, std::time::Duration)> {
        self.profile
            .as_ref()
            .and_then(|p| {
                p.lock()
                    .ok()
                    .map(|m| m.iter().map(|(k, v)| (*k, v.0, v.1)).collect())
            })
            .unwrap_or_default()
    }
}
