//! Country outlines: Natural Earth's, converted once by
//! `tools/natural-earth/convert.py` into `countries.txt` and compiled into
//! the binary. The line format is the script's (one country a line: code,
//! precision, rings of first point then differences). Lines are found by
//! code once per process and decoded only when a map asks for one.
//!
//! Guarantee: every code the data holds decodes to at least one ring of at
//! least three points (a unit test decodes them all); a code it lacks has
//! no outline, and no map is drawn for it.

use std::collections::HashMap;
use std::sync::OnceLock;

/// The converted data (public domain, "Made with Natural Earth"; see
/// `src/map/NOTICE`).
const DATA: &str = include_str!("countries.txt");

/// A point in degrees of longitude (east positive, continued past 180 for a
/// country across the 180th meridian) and latitude (north positive).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Degrees {
    pub lon: f64,
    pub lat: f64,
}

/// A closed ring of a country's outline (its last point joins its first).
pub(crate) type Ring = Vec<Degrees>;

/// Each code's line of the data, without the code.
fn index() -> &'static HashMap<&'static str, &'static str> {
    static INDEX: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    INDEX.get_or_init(|| DATA.lines().filter_map(|l| l.split_once(' ')).collect())
}

/// Whether the data has an outline for the ISO 3166-1 alpha-2 `code`
/// (upper case, as site.yaml's `countries:` keys are).
pub(crate) fn has(code: &str) -> bool {
    index().contains_key(code)
}

/// The rings of `code`'s outline, or `None` when the data has none.
pub(crate) fn rings(code: &str) -> Option<Vec<Ring>> {
    decode(index().get(code)?)
}

/// A line after its code: `E|x,y dx,dy …;x,y …`, integers in 10^-E degrees.
fn decode(line: &str) -> Option<Vec<Ring>> {
    let (exponent, rings) = line.split_once('|')?;
    let unit = 10f64.powi(exponent.parse().ok()?);
    rings
        .split(';')
        .map(|ring| {
            let (mut x, mut y) = (0i64, 0i64);
            ring.split(' ')
                .map(|pair| {
                    let (dx, dy) = pair.split_once(',')?;
                    x += dx.parse::<i64>().ok()?;
                    y += dy.parse::<i64>().ok()?;
                    Some(Degrees {
                        lon: x as f64 / unit,
                        lat: y as f64 / unit,
                    })
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_country_of_the_data_decodes() {
        assert!(index().len() > 200, "{} countries", index().len());
        for (code, line) in index() {
            let rings = decode(line).unwrap_or_else(|| panic!("{code} does not decode"));
            assert!(!rings.is_empty(), "{code}");
            assert!(rings.iter().all(|r| r.len() >= 3), "{code}");
            assert!(code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase()));
        }
    }

    #[test]
    fn outlines_lie_where_the_countries_are() {
        // Burkina Faso: between 6°W and 3°E, 9°N and 16°N.
        let bf = rings("BF").expect("Burkina Faso");
        let all = bf.iter().flatten();
        assert!(all.clone().all(|p| (-6.0..3.0).contains(&p.lon)));
        assert!(all.clone().all(|p| (9.0..16.0).contains(&p.lat)));
        assert!(!has("XX") && rings("XX").is_none() && !has("bf"));
    }
}
