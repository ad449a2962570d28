//! The places of the portal other than commitments: the home text, free
//! pages (not under an id the portal uses) and localities (each folder with
//! its `_index.md`); and a warning for a locality's country the map data has
//! no outline for.

use super::RESERVED_PAGE_IDS;
use super::groups::{Group, body, fingerprint, translations_of};
use super::texts::merge;
use crate::diag::{self, Diagnostic};
use crate::model::{Commitment, Config, Locality, Page};
use crate::parse::{DocKind, Fields, RawText};
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

/// The home text, free pages and localities (without their commitments yet).
#[derive(Default)]
pub(super) struct Places {
    pub localities: BTreeMap<String, Locality>,
    pub pages: Vec<Page>,
    pub home: Option<Page>,
}

/// The home text, free pages and localities of the groups, in their order;
/// commitments are left for `commitment::check_all`.
pub(super) fn places(
    config: &Config,
    groups: &[(DocKind, Group)],
    diags: &mut Vec<Diagnostic>,
) -> Places {
    let mut places = Places::default();
    for (kind, group) in groups {
        match kind {
            DocKind::Home => places.home = page(config, "index", group, diags),
            DocKind::Page { id } => places.pages.extend(free_page(config, id, group, diags)),
            DocKind::Locality { locality: id } => {
                if let Some(l) = locality(config, id, group, diags) {
                    places.localities.insert(id.clone(), l);
                }
            }
            // Checked apart, in parallel: they are most of the work.
            DocKind::Commitment { .. } => {}
        }
    }
    places
}

/// A free page, unless its id is one the portal uses for its own paths.
fn free_page(
    config: &Config,
    id: &str,
    group: &Group,
    diags: &mut Vec<Diagnostic>,
) -> Option<Page> {
    let main = group.main.as_ref()?;
    if RESERVED_PAGE_IDS.contains(&id) {
        diags.push(
            Diagnostic::error(
                &main.fm.rel,
                format!("`{id}` is used by the portal itself and cannot be a page id"),
            )
            .expected(format!(
                "a page id other than {}",
                diag::one_of(RESERVED_PAGE_IDS)
            )),
        );
        return None;
    }
    page(config, id, group, diags)
}

/// A page (free page or home text) with its translated title and body.
fn page(config: &Config, id: &str, group: &Group, diags: &mut Vec<Diagnostic>) -> Option<Page> {
    let main = group.main.as_ref()?;
    fn title_of(f: &Fields) -> Option<&RawText> {
        match f {
            Fields::Page(p) | Fields::Home(p) => p.title.as_ref(),
            _ => None,
        }
    }
    let trs = translations_of(group, |f| Some(title_of(f)));
    let title = merge(
        config,
        title_of(&main.fields),
        trs.into_iter(),
        &main.fm,
        "title",
        diags,
    );
    Some(Page {
        id: id.to_owned(),
        title,
        body: body(group),
        source: main.fm.rel.clone(),
        fingerprint: fingerprint(group),
    })
}

/// A locality from its `_index.md` and translations, without commitments.
fn locality(
    config: &Config,
    id: &str,
    group: &Group,
    diags: &mut Vec<Diagnostic>,
) -> Option<Locality> {
    let main = group.main.as_ref()?;
    let Fields::Locality(raw) = &main.fields else {
        return None;
    };
    let tr = translations_of(group, |f| match f {
        Fields::Locality(l) => Some((l.name.as_ref(), l.region.as_ref())),
        _ => None,
    });
    let name = merge(
        config,
        raw.name.as_ref(),
        tr.iter().map(|(l, f)| (*l, f.0)),
        &main.fm,
        "name",
        diags,
    )
    .unwrap_or_default();
    let region = merge(
        config,
        raw.region.as_ref(),
        tr.iter().map(|(l, f)| (*l, f.1)),
        &main.fm,
        "region",
        diags,
    );
    Some(Locality {
        id: id.to_owned(),
        name,
        country: raw.country.clone().unwrap_or_default(),
        region,
        coordinates: raw.coordinates,
        dialogue_since: raw.dialogue_since,
        partners: raw.partners.clone(),
        next_review: raw.next_review,
        body: body(group),
        commitments: Vec::new(),
        source: main.fm.rel.clone(),
        fingerprint: fingerprint(group),
    })
}

/// The locality folders, and every content file found (sorted), parsed or not.
pub(super) struct Folders<'a> {
    pub dirs: &'a [String],
    pub found: &'a [String],
}

/// Reports every locality folder without its `_index.md`, with how many
/// commitments it holds (one that could not be parsed is not missing: its
/// errors were reported).
pub(super) fn check_locality_folders(
    folders: Folders,
    localities: &BTreeMap<String, Locality>,
    commitments: &HashMap<&str, Vec<Arc<Commitment>>>,
    diags: &mut Vec<Diagnostic>,
) {
    for dir in folders.dirs {
        let id = dir.trim_start_matches("localities/");
        let index = format!("{dir}/_index.md");
        let unparsed = || folders.found.binary_search(&index).is_ok();
        if crate::parse::is_id(id) && !localities.contains_key(id) && !unparsed() {
            let n = commitments.get(id).map_or(0, Vec::len);
            diags.push(
                Diagnostic::error(index, "this locality folder has no `_index.md`")
                    .found(format!(
                        "the folder `{dir}` with {n} commitment(s) and no `_index.md`"
                    ))
                    .expected(
                        "`_index.md` with at least `name:` and `country:` in its front matter",
                    ),
            );
        }
    }
}

/// Warns once per country code of the localities that has no outline in
/// the map data (`map::outlines`), at the first locality (by id) with it:
/// that country's pages show no map.
pub(super) fn check_outlines(localities: &BTreeMap<String, Locality>, diags: &mut Vec<Diagnostic>) {
    let mut seen = std::collections::BTreeSet::new();
    for loc in localities.values() {
        let code = loc.country.as_str();
        if !code.is_empty() && !crate::map::outlines::has(code) && seen.insert(code) {
            diags.push(
                Diagnostic::warning(
                    &loc.source,
                    format!(
                        "there is no map of the country `{code}`: its pages are shown without a map"
                    ),
                )
                .found(format!(
                    "`country: {code}`, a code the map data (Natural Earth) does not have"
                ))
                .expected("an ISO 3166-1 two-letter code, such as `BF` or `NG`, to show a map"),
            );
        }
    }
}
