//! Static maps of where localities are: country outlines (`map/outlines.rs`,
//! Natural Earth) and dots, projected onto an SVG viewBox at build time.
//!
//! The projection is equirectangular, longitudes scaled by the cosine of the
//! middle latitude, fitted to the box around what the map shows, with a
//! margin of [`PAD`], within [`MAX_WIDTH`] × [`MAX_HEIGHT`].
//!
//! Guarantees: every coordinate of a [`Drawing`] is an integer inside its
//! viewBox (`0..=width`, `0..=height`); north is up and east is right in
//! every language (geography is never mirrored, only labels follow the
//! writing direction: [`text_anchor`]); a place without coordinates is never
//! drawn (its slot is `None`, for the caller to count); a map of countries
//! the data has no outline for is not drawn at all.

pub(crate) mod outlines;

use outlines::{Degrees, Ring};

/// The largest viewBox, in SVG units.
pub(crate) const MAX_WIDTH: f64 = 400.0;
pub(crate) const MAX_HEIGHT: f64 = 300.0;
/// The margin around what the map shows, in SVG units.
pub(crate) const PAD: f64 = 12.0;
/// How far a drawn outline may stray from the data's, in SVG units.
const TOLERANCE: f64 = 0.7;
/// How far a label starts from its dot's centre, in SVG units.
const LABEL_GAP: i32 = 9;
/// How far below a dot's centre a label's baseline goes, in SVG units.
const LABEL_DROP: i32 = 5;

/// The box around what a map shows, in degrees.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Bounds {
    pub west: f64,
    pub south: f64,
    pub east: f64,
    pub north: f64,
}

impl Bounds {
    /// The box around `points`, or `None` when there are none.
    pub(crate) fn around<'p>(points: impl IntoIterator<Item = &'p Degrees>) -> Option<Bounds> {
        points.into_iter().fold(None, |b: Option<Bounds>, p| {
            Some(match b {
                None => Bounds {
                    west: p.lon,
                    south: p.lat,
                    east: p.lon,
                    north: p.lat,
                },
                Some(b) => Bounds {
                    west: b.west.min(p.lon),
                    south: b.south.min(p.lat),
                    east: b.east.max(p.lon),
                    north: b.north.max(p.lat),
                },
            })
        })
    }
}

/// A point of a drawing, in SVG units (y down).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Point {
    pub x: i32,
    pub y: i32,
}

/// Degrees to SVG units, fitted to a box.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Projection {
    west: f64,
    north: f64,
    /// The cosine of the middle latitude: how much shorter a degree of
    /// longitude is than a degree of latitude there.
    kx: f64,
    /// SVG units per degree of latitude.
    scale: f64,
    pub width: i32,
    pub height: i32,
}

impl Projection {
    /// The projection that fits `b` in the largest viewBox with its margin,
    /// keeping its shape. A box of no size (one point) is taken as a
    /// degree wide and high.
    pub(crate) fn fit(b: Bounds) -> Projection {
        let kx = ((b.south + b.north) / 2.0).to_radians().cos().max(0.05);
        let wide = ((b.east - b.west) * kx).max(f64::EPSILON);
        let high = (b.north - b.south).max(f64::EPSILON);
        let (wide, high) = if wide.max(high) < 1.0 {
            (1.0, 1.0)
        } else {
            (wide, high)
        };
        let scale = ((MAX_WIDTH - 2.0 * PAD) / wide).min((MAX_HEIGHT - 2.0 * PAD) / high);
        let (cx, cy) = ((b.west + b.east) / 2.0, (b.south + b.north) / 2.0);
        let width = (wide * scale + 2.0 * PAD).round();
        let height = (high * scale + 2.0 * PAD).round();
        Projection {
            west: cx - (width / 2.0) / (scale * kx),
            north: cy + (height / 2.0) / scale,
            kx,
            scale,
            width: width as i32,
            height: height as i32,
        }
    }

    /// `p` in SVG units, unrounded. A longitude more than half a turn west
    /// of the map is taken a turn east (a map across the 180th meridian).
    fn xy(&self, p: Degrees) -> (f64, f64) {
        let lon = if p.lon < self.west - 180.0 {
            p.lon + 360.0
        } else {
            p.lon
        };
        (
            (lon - self.west) * self.kx * self.scale,
            (self.north - p.lat) * self.scale,
        )
    }

    /// `p` in SVG units, rounded and kept inside the viewBox.
    pub(crate) fn point(&self, p: Degrees) -> Point {
        let (x, y) = self.xy(p);
        Point {
            x: (x.round() as i32).clamp(0, self.width),
            y: (y.round() as i32).clamp(0, self.height),
        }
    }

    /// An outline as the `d` of an SVG path: each ring simplified to
    /// [`TOLERANCE`], rings that shrink to less than a few units left out
    /// (the largest always kept), integer coordinates, relative moves.
    pub(crate) fn path(&self, rings: &[Ring]) -> String {
        let mut drawn: Vec<Vec<Point>> = rings
            .iter()
            .map(|r| self.ring(r))
            .filter(|r| r.len() >= 3)
            .collect();
        let largest = drawn.iter().map(|r| area(r)).fold(0, i64::max);
        drawn.retain(|r| area(r) >= 8 || area(r) == largest);
        let mut d = String::new();
        for ring in &drawn {
            write_ring(&mut d, ring);
        }
        d
    }

    /// A ring projected, simplified and rounded, without repeated points.
    fn ring(&self, ring: &Ring) -> Vec<Point> {
        let projected: Vec<(f64, f64)> = ring.iter().map(|p| self.xy(*p)).collect();
        let mut out: Vec<Point> = Vec::new();
        for (x, y) in simplify(&projected, TOLERANCE) {
            let p = Point {
                x: (x.round() as i32).clamp(0, self.width),
                y: (y.round() as i32).clamp(0, self.height),
            };
            if out.last() != Some(&p) {
                out.push(p);
            }
        }
        if out.len() > 1 && out.first() == out.last() {
            out.pop();
        }
        out
    }
}

/// Twice the area of a ring, in square SVG units.
fn area(ring: &[Point]) -> i64 {
    let n = ring.len();
    (0..n)
        .map(|i| {
            let (a, b) = (ring[i], ring[(i + 1) % n]);
            i64::from(a.x) * i64::from(b.y) - i64::from(b.x) * i64::from(a.y)
        })
        .sum::<i64>()
        .abs()
}

/// `M x y l dx dy … z`, a minus sign standing for the space before it.
fn write_ring(d: &mut String, ring: &[Point]) {
    use std::fmt::Write;
    let mut last = ring[0];
    let _ = write!(d, "M{} {}l", last.x, last.y);
    for (i, p) in ring[1..].iter().enumerate() {
        let (dx, dy) = (p.x - last.x, p.y - last.y);
        if i > 0 && dx >= 0 {
            d.push(' ');
        }
        let _ = write!(d, "{dx}");
        if dy >= 0 {
            d.push(' ');
        }
        let _ = write!(d, "{dy}");
        last = *p;
    }
    d.push('z');
}

/// Douglas–Peucker: the points of the closed ring `pts` that keep it
/// within `tolerance` of the original (the first point always kept).
fn simplify(pts: &[(f64, f64)], tolerance: f64) -> Vec<(f64, f64)> {
    if pts.len() < 4 {
        return pts.to_vec();
    }
    let dist2 = |a: (f64, f64), b: (f64, f64)| (a.0 - b.0).powi(2) + (a.1 - b.1).powi(2);
    // The point farthest from the first splits the ring into two lines.
    let far = (0..pts.len())
        .max_by(|&i, &j| dist2(pts[0], pts[i]).total_cmp(&dist2(pts[0], pts[j])))
        .unwrap_or(0);
    let mut keep = vec![false; pts.len()];
    keep[0] = true;
    keep[far] = true;
    keep[pts.len() - 1] = true;
    let mut stack = vec![(0, far), (far, pts.len() - 1)];
    while let Some((a, b)) = stack.pop() {
        let (ax, ay) = pts[a];
        let (dx, dy) = (pts[b].0 - ax, pts[b].1 - ay);
        let norm = dx.hypot(dy);
        let off = |p: (f64, f64)| {
            if norm == 0.0 {
                dist2(p, pts[a]).sqrt()
            } else {
                (dx * (p.1 - ay) - dy * (p.0 - ax)).abs() / norm
            }
        };
        let best = (a + 1..b).max_by(|&i, &j| off(pts[i]).total_cmp(&off(pts[j])));
        if let Some(i) = best.filter(|&i| off(pts[i]) > tolerance) {
            keep[i] = true;
            stack.push((a, i));
            stack.push((i, b));
        }
    }
    pts.iter()
        .zip(keep)
        .filter_map(|(p, k)| k.then_some(*p))
        .collect()
}

/// Which side of its dot a label is on, on the map (east or west).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Side {
    East,
    West,
}

/// A label's place: its anchor point and the side of the dot it reads on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Label {
    pub at: Point,
    pub side: Side,
}

/// The label of a dot at `p` on a map `width` wide: on the side with more
/// room, its baseline a little below the dot's centre, inside the viewBox.
pub(crate) fn label(p: Point, width: i32, height: i32) -> Label {
    let side = if p.x * 2 <= width {
        Side::East
    } else {
        Side::West
    };
    let x = match side {
        Side::East => p.x + LABEL_GAP,
        Side::West => p.x - LABEL_GAP,
    };
    Label {
        at: Point {
            x: x.clamp(0, width),
            y: (p.y + LABEL_DROP).clamp(LABEL_DROP * 3, height),
        },
        side,
    }
}

/// The SVG `text-anchor` that makes a label read away from its dot on
/// `side`: `start` is the right-hand end of a right-to-left text, so the
/// anchor flips with the writing direction while the side does not.
pub(crate) fn text_anchor(side: Side, rtl: bool) -> &'static str {
    match (side, rtl) {
        (Side::East, false) | (Side::West, true) => "start",
        (Side::West, false) | (Side::East, true) => "end",
    }
}

/// A map ready to draw: its viewBox size, one outline path per country,
/// and a dot per place (`None` for a place without coordinates).
#[derive(Debug, PartialEq)]
pub(crate) struct Drawing {
    pub width: i32,
    pub height: i32,
    pub outlines: Vec<String>,
    pub dots: Vec<Option<Point>>,
}

/// The map of `countries` (ISO 3166-1 alpha-2 codes) with `places` on it,
/// fitted to the countries' outlines and the places. `None` when the data
/// has an outline for none of the countries.
pub(crate) fn draw(countries: &[&str], places: &[Option<Degrees>]) -> Option<Drawing> {
    let rings: Vec<Vec<Ring>> = countries
        .iter()
        .filter_map(|c| outlines::rings(c))
        .collect();
    let all = rings.iter().flatten().flatten();
    let outline_box = Bounds::around(all.clone())?;
    // A place west of a map across the 180th meridian is taken a turn east.
    let places: Vec<Option<Degrees>> = places
        .iter()
        .map(|p| {
            p.map(|p| {
                let east = p.lon + 360.0;
                if east <= outline_box.east {
                    Degrees { lon: east, ..p }
                } else {
                    p
                }
            })
        })
        .collect();
    let projection = Projection::fit(Bounds::around(all.chain(places.iter().flatten()))?);
    Some(Drawing {
        width: projection.width,
        height: projection.height,
        outlines: rings.iter().map(|r| projection.path(r)).collect(),
        dots: places
            .iter()
            .map(|p| p.map(|p| projection.point(p)))
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn deg(lat: f64, lon: f64) -> Degrees {
        Degrees { lon, lat }
    }

    /// Every coordinate of a path, as the absolute points it draws.
    fn path_points(d: &str) -> Vec<Point> {
        let mut pts = Vec::new();
        for ring in d.split('z').filter(|r| !r.is_empty()) {
            let (start, moves) = ring[1..].split_once('l').expect("M … l …");
            let nums = |s: &str| -> Vec<i32> {
                s.replace('-', " -")
                    .split_whitespace()
                    .map(|n| n.parse().expect("integer"))
                    .collect()
            };
            let s = nums(start);
            let mut p = Point { x: s[0], y: s[1] };
            pts.push(p);
            for pair in nums(moves).chunks(2) {
                p = Point {
                    x: p.x + pair[0],
                    y: p.y + pair[1],
                };
                pts.push(p);
            }
        }
        pts
    }

    #[test]
    fn the_projection_fits_the_box_with_its_margin_north_up_east_right() {
        let b = Bounds {
            west: 0.0,
            south: 0.0,
            east: 20.0,
            north: 10.0,
        };
        let p = Projection::fit(b);
        // At 5°N a degree of longitude is cos 5° of a degree of latitude.
        let k = 5f64.to_radians().cos();
        assert_eq!(p.width, 400);
        assert_eq!(
            p.height,
            ((376.0 / (20.0 * k)) * 10.0 + 24.0).round() as i32
        );
        assert_eq!(p.point(deg(10.0, 0.0)), Point { x: 12, y: 12 });
        let se = p.point(deg(0.0, 20.0));
        assert_eq!((se.x, se.y), (388, p.height - 12));
        // North is up, east is right.
        assert!(p.point(deg(5.0, 10.0)).y < p.point(deg(4.0, 10.0)).y);
        assert!(p.point(deg(5.0, 10.0)).x < p.point(deg(5.0, 11.0)).x);
    }

    #[test]
    fn a_tall_box_is_fitted_by_its_height_and_one_point_gets_a_degree() {
        let tall = Projection::fit(Bounds {
            west: -72.0,
            south: -55.0,
            east: -67.0,
            north: -17.0,
        });
        assert_eq!(tall.height, 300);
        assert!(tall.width < 100);
        let one = Projection::fit(Bounds::around([&deg(12.0, -1.0)]).expect("a point"));
        // A degree square, fitted by its height: 276 units and the margins.
        assert_eq!((one.width, one.height), (300, 300));
        assert_eq!(one.point(deg(12.0, -1.0)), Point { x: 150, y: 150 });
    }

    #[test]
    fn points_and_paths_stay_inside_the_viewbox() {
        let p = Projection::fit(Bounds {
            west: 0.0,
            south: 0.0,
            east: 10.0,
            north: 10.0,
        });
        let far = p.point(deg(50.0, -40.0));
        assert_eq!(far, Point { x: 0, y: 0 });
        let square: Ring = vec![
            deg(0.0, 0.0),
            deg(10.0, 0.0),
            deg(10.0, 10.0),
            deg(0.0, 10.0),
        ];
        let d = p.path(&[square]);
        let pts = path_points(&d);
        assert_eq!(pts.len(), 4, "{d}");
        assert!(
            pts.iter()
                .all(|q| (0..=p.width).contains(&q.x) && (0..=p.height).contains(&q.y))
        );
    }

    #[test]
    fn simplifying_drops_what_the_eye_cannot_see_and_keeps_corners() {
        let line: Vec<(f64, f64)> = (0..=100)
            .map(|i| (f64::from(i), if i == 50 { 0.3 } else { 0.0 }))
            .chain([(100.0, 50.0), (0.0, 50.0)])
            .collect();
        let kept = simplify(&line, TOLERANCE);
        assert_eq!(kept, [(0.0, 0.0), (100.0, 0.0), (100.0, 50.0), (0.0, 50.0)]);
        // Paths write one space only where no minus sign separates numbers.
        let mut d = String::new();
        write_ring(
            &mut d,
            &[
                Point { x: 5, y: 5 },
                Point { x: 8, y: 1 },
                Point { x: 2, y: 3 },
            ],
        );
        assert_eq!(d, "M5 5l3-4-6 2z");
    }

    #[test]
    fn labels_read_away_from_their_dot_in_both_directions() {
        let west = label(Point { x: 50, y: 100 }, 400, 300);
        assert_eq!(
            west,
            Label {
                at: Point { x: 59, y: 105 },
                side: Side::East
            }
        );
        let east = label(Point { x: 390, y: 1 }, 400, 300);
        assert_eq!(
            east,
            Label {
                at: Point { x: 381, y: 15 },
                side: Side::West
            }
        );
        // A label east of its dot starts there in English and ends there
        // in Arabic; the map itself is not mirrored.
        assert_eq!(text_anchor(Side::East, false), "start");
        assert_eq!(text_anchor(Side::East, true), "end");
        assert_eq!(text_anchor(Side::West, false), "end");
        assert_eq!(text_anchor(Side::West, true), "start");
    }

    #[test]
    fn a_place_without_coordinates_is_not_drawn_and_an_unknown_country_has_no_map() {
        let saaba = deg(12.3686, -1.4203);
        let map = draw(&["BF"], &[Some(saaba), None]).expect("Burkina Faso has an outline");
        assert_eq!(map.dots.len(), 2);
        assert!(map.dots[1].is_none());
        let dot = map.dots[0].expect("Saaba is drawn");
        // Saaba is east of Ouagadougou, in the middle of the country.
        assert!(
            dot.x > map.width / 3 && dot.x < map.width * 2 / 3,
            "{dot:?}"
        );
        assert!(
            dot.y > map.height / 3 && dot.y < map.height * 2 / 3,
            "{dot:?}"
        );
        assert_eq!(map.outlines.len(), 1);
        assert!(draw(&["XX"], &[Some(saaba)]).is_none());
        assert!(draw(&[], &[]).is_none());
    }

    #[test]
    fn a_country_across_the_180th_meridian_is_one_piece() {
        // Fiji's outline continues past 180°; a place at 179°W joins it.
        let map = draw(&["FJ"], &[Some(deg(-16.8, -179.9))]).expect("Fiji");
        assert!(map.width < 400 || map.height < 300);
        let dot = map.dots[0].expect("drawn");
        assert!(dot.x > 0 && dot.x < map.width, "{dot:?} in {}", map.width);
    }
}
