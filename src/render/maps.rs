//! The maps of pages (`map` in the contexts of `locality.html`, of
//! `list.html` on a country's first page, of `home.html` and
//! `localities.html`): what [`crate::map`] draws, with the localities'
//! names, links, the title and the description in the page's language.
//!
//! A map shows the localities that have coordinates; its description
//! counts those that have none. A page gets no map when none of its
//! localities has coordinates, when more than [`MAX_DOTS`] have, or when
//! the data has no outline for its countries (which `check` reports, see
//! `validate::places`).

use super::Renderer;
use crate::i18n::Arg;
use crate::map::{self, Drawing, outlines::Degrees};
use crate::memo::Fingerprinter;
use crate::urls;
use serde::Serialize;
use std::hash::Hash;

/// Dots of a country map get direct labels up to this many; more would
/// cover each other (the list under the map names them all).
const MAX_LABELS: usize = 8;

/// A map of more localities than this is not drawn: its dots, links and
/// list would take the page past its weight budget (a national programme's
/// home page). Each locality's own page keeps its map.
pub(super) const MAX_DOTS: usize = 50;

/// What a map shows.
#[derive(Clone, Copy, Debug)]
pub(super) enum Scope<'a> {
    /// A locality in its country, labelled.
    Locality(usize),
    /// A country with all its localities, labelled when few.
    Country(&'a str),
    /// Every country with localities; each dot links to its locality.
    Overview,
}

/// A page's `map`.
#[derive(Serialize)]
pub(super) struct MapView {
    /// The viewBox: `0 0 width height`.
    pub(super) width: i32,
    pub(super) height: i32,
    pub(super) title: String,
    pub(super) desc: String,
    /// One SVG path (`d`) per country.
    pub(super) outlines: Vec<String>,
    /// The localities drawn, in name order.
    pub(super) dots: Vec<DotView>,
    /// Whether the dots are links: the map is then a group of links
    /// (`role="group"`), since an image's content is hidden from
    /// assistive technology.
    pub(super) links: bool,
}

/// A locality on a map.
#[derive(Serialize)]
pub(super) struct DotView {
    pub(super) x: i32,
    pub(super) y: i32,
    pub(super) name: String,
    /// Its page.
    pub(super) path: String,
    pub(super) lat: f64,
    pub(super) lon: f64,
    pub(super) label: Option<LabelView>,
}

/// A dot's direct label: where its text is anchored, and how
/// (`text-anchor`, so that it reads away from the dot in either direction).
#[derive(Serialize)]
pub(super) struct LabelView {
    pub(super) x: i32,
    pub(super) y: i32,
    pub(super) anchor: &'static str,
}

impl Renderer<'_> {
    /// The map of `scope` in language `li`, or `None` (see the module doc).
    pub(super) fn map_view(&self, li: usize, scope: Scope) -> Option<MapView> {
        let localities = self.map_localities(li, scope);
        let placed: Vec<usize> = localities
            .iter()
            .copied()
            .filter(|&i| self.site.localities[i].coordinates.is_some())
            .collect();
        if placed.is_empty() || placed.len() > MAX_DOTS {
            return None;
        }
        let countries = self.map_countries(scope, &placed);
        let codes: Vec<&str> = countries.iter().map(String::as_str).collect();
        let drawing = map::draw(&codes, &self.places(&placed))?;
        let missing = localities.len() - placed.len();
        let labelled = !matches!(scope, Scope::Overview) && placed.len() <= MAX_LABELS;
        Some(MapView {
            width: drawing.width,
            height: drawing.height,
            title: self.map_title(li, scope),
            desc: self.map_desc(li, scope, placed.len(), missing),
            dots: self.dots(li, &placed, &drawing, labelled),
            outlines: drawing.outlines,
            links: matches!(scope, Scope::Overview),
        })
    }

    /// The localities a map is about, in name order.
    fn map_localities(&self, li: usize, scope: Scope) -> Vec<usize> {
        let order = self.localities_in_order(&self.langs[li]);
        match scope {
            Scope::Locality(i) => vec![i],
            Scope::Country(code) => order
                .iter()
                .copied()
                .filter(|&i| self.site.localities[i].country == code)
                .collect(),
            Scope::Overview => order.to_vec(),
        }
    }

    /// The countries whose outlines a map draws.
    fn map_countries(&self, scope: Scope, placed: &[usize]) -> Vec<String> {
        let mut codes: Vec<String> = match scope {
            Scope::Country(code) => vec![code.to_owned()],
            _ => placed
                .iter()
                .map(|&i| self.site.localities[i].country.clone())
                .collect(),
        };
        codes.sort();
        codes.dedup();
        codes
    }

    fn places(&self, placed: &[usize]) -> Vec<Option<Degrees>> {
        placed
            .iter()
            .map(|&i| {
                let (lat, lon) = self.site.localities[i].coordinates?;
                Some(Degrees { lon, lat })
            })
            .collect()
    }

    fn dots(&self, li: usize, placed: &[usize], drawing: &Drawing, labelled: bool) -> Vec<DotView> {
        let rtl = self.langs[li].dir == "rtl";
        placed
            .iter()
            .zip(&drawing.dots)
            .filter_map(|(&i, dot)| {
                let (dot, loc) = (dot.as_ref()?, &self.site.localities[i]);
                let (lat, lon) = loc.coordinates?;
                let label = labelled.then(|| {
                    let l = map::label(*dot, drawing.width, drawing.height);
                    LabelView {
                        x: l.at.x,
                        y: l.at.y,
                        anchor: map::text_anchor(l.side, rtl),
                    }
                });
                Some(DotView {
                    x: dot.x,
                    y: dot.y,
                    name: self.lt(&loc.name, li).text,
                    path: urls::locality(self.lang_code(li), &loc.id),
                    lat,
                    lon,
                    label,
                })
            })
            .collect()
    }

    fn map_title(&self, li: usize, scope: Scope) -> String {
        match scope {
            Scope::Locality(i) => {
                let loc = &self.site.localities[i];
                self.t_args(
                    li,
                    "map-locality-title",
                    &[
                        ("locality", Arg::Str(self.lt(&loc.name, li).text)),
                        ("country", Arg::Str(self.country(li, &loc.country).name)),
                    ],
                )
            }
            Scope::Country(code) => self.t_args(
                li,
                "map-country-title",
                &[("country", Arg::Str(self.country(li, code).name))],
            ),
            Scope::Overview => self.t(li, "map-overview-title"),
        }
    }

    /// What the map shows, in words: how many localities are drawn, that
    /// the dots are links (the overview), how many are not shown.
    fn map_desc(&self, li: usize, scope: Scope, shown: usize, missing: usize) -> String {
        let count = |key: &str, n: usize| self.t_args(li, key, &[("count", Arg::Num(n as f64))]);
        let mut desc = count("map-dots", shown);
        if matches!(scope, Scope::Overview) {
            desc = format!("{desc} {}", self.t(li, "map-dots-link"));
        }
        if missing > 0 {
            desc = format!("{desc} {}", count("map-missing", missing));
        }
        desc
    }

    /// What a country's map shows besides the country's name: its
    /// localities' files (names and coordinates).
    pub(super) fn country_map_fp(&self, h: &mut Fingerprinter, code: &str) {
        for loc in self.site.localities.iter().filter(|l| l.country == code) {
            loc.fingerprint.hash(h);
        }
    }
}
