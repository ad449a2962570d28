//! The typed fields of a locality's `_index.md`: name, country code,
//! region, coordinates, when the dialogue started, partners, next review.

use super::RawLocality;
use super::parse_date;
use super::reader::Reader;
use crate::model::PartialDate;
use crate::yaml::{Node, Seg};

pub(crate) const LOCALITY_FIELDS: &[&str] = &[
    "name",
    "country",
    "region",
    "coordinates",
    "dialogue_since",
    "partners",
    "next_review",
];
/// The fields a translation of a locality may set.
pub(crate) const LOCALITY_TEXT_FIELDS: &[&str] = &["name", "region"];

/// A country code as written (two ASCII letters, in either case), in
/// capitals; `None` when it is not one.
pub(crate) fn country_code(s: &str) -> Option<String> {
    (s.len() == 2 && s.bytes().all(|b| b.is_ascii_alphabetic())).then(|| s.to_ascii_uppercase())
}

/// What a country code is, for the "expected" line of a bad one.
pub(crate) const COUNTRY_EXPECTED: &str = "an ISO 3166-1 alpha-2 code such as `BF`, `NG` or `SN`";

impl Reader<'_> {
    pub(super) fn locality(&mut self, root: &Node) -> RawLocality {
        let mut loc = RawLocality::default();
        let text_only = Some(LOCALITY_TEXT_FIELDS);
        for (key, value) in self.fields(
            root,
            &[],
            LOCALITY_FIELDS,
            text_only,
            "a locality's front matter",
        ) {
            let path = [Seg::key(key)];
            match key {
                "name" => loc.name = self.text(value, &path, key),
                "region" => loc.region = self.text(value, &path, key),
                "country" => loc.country = self.country(value, &path),
                "coordinates" => loc.coordinates = self.coordinates(value, &path),
                "dialogue_since" => loc.dialogue_since = self.partial_date(value, &path),
                "partners" => {
                    loc.partners =
                        self.list(value, &path, key, |r, n, p| r.string(n, p, "partners"))
                }
                "next_review" => loc.next_review = self.date(value, &path, key),
                _ => {}
            }
        }
        if !self.translation {
            if loc.name.is_none() {
                self.missing(root, "name", "the locality's name");
            }
            if loc.country.is_none() {
                self.missing(
                    root,
                    "country",
                    "the ISO 3166-1 alpha-2 country code, such as `BF`",
                );
            }
        }
        loc
    }

    /// A two-letter country code, upper-cased.
    fn country(&mut self, node: &Node, path: &[Seg]) -> Option<String> {
        let s = self.string(node, path, "country")?;
        if let Some(code) = country_code(&s) {
            return Some(code);
        }
        let d = self
            .fm
            .error(path, "`country` is not a two-letter country code")
            .found(format!("`{s}`"))
            .expected(COUNTRY_EXPECTED.to_owned());
        self.push(d);
        None
    }

    fn coordinates(&mut self, node: &Node, path: &[Seg]) -> Option<(f64, f64)> {
        let num = |n: &Node| match n {
            Node::Int(i) => Some(*i as f64),
            Node::Float(x) => Some(*x),
            _ => None,
        };
        if let Node::Seq(items) = node
            && let [lat, lon] = items.as_slice()
            && let (Some(lat), Some(lon)) = (num(lat), num(lon))
            && (-90.0..=90.0).contains(&lat)
            && (-180.0..=180.0).contains(&lon)
        {
            return Some((lat, lon));
        }
        let d = self
            .fm
            .error(path, "`coordinates` are not a latitude and a longitude")
            .found(node.describe())
            .expected(
                "`[latitude, longitude]` in degrees, such as `[12.3686, -1.4203]`".to_owned(),
            );
        self.push(d);
        None
    }

    fn partial_date(&mut self, node: &Node, path: &[Seg]) -> Option<PartialDate> {
        let parsed = match node {
            Node::Int(y) if (1000..=9999).contains(y) => Some(PartialDate::Year(*y as i16)),
            Node::Str(s) => {
                let s = s.trim();
                let parts: Vec<&str> = s.split('-').collect();
                match parts.as_slice() {
                    [y] => y
                        .parse::<i16>()
                        .ok()
                        .filter(|y| *y >= 1000)
                        .map(PartialDate::Year),
                    [y, m] if y.len() == 4 && m.len() == 2 => {
                        match (y.parse::<i16>(), m.parse::<i8>()) {
                            (Ok(y), Ok(m)) if (1..=12).contains(&m) => {
                                Some(PartialDate::Month(y, m))
                            }
                            _ => None,
                        }
                    }
                    _ => parse_date(s).ok().map(PartialDate::Day),
                }
            }
            _ => None,
        };
        if parsed.is_none() {
            let d = self
                .fm
                .error(path, "`dialogue_since` is not a valid date")
                .found(node.describe())
                .expected("a year, a month or a day: `2016`, `2016-11` or `2016-11-05`".to_owned());
            self.push(d);
        }
        parsed
    }
}

#[cfg(test)]
mod tests {
    use crate::model::PartialDate;
    use crate::parse::testing::{doc, doc_error, doc_errors, place, shown};
    use crate::parse::{Fields, RawLocality};
    use jiff::civil::date;

    const L: &str = "localities/saaba/_index.md";

    fn parsed_locality(text: &str) -> RawLocality {
        match doc(L, text).unwrap_or_else(|d| panic!("{d:#?}")).fields {
            Fields::Locality(l) => l,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn locality_fields() {
        let l = parsed_locality(
            "---\nname: Saaba\ncountry: bf\ncoordinates: [12.3686, -1.4203]\ndialogue_since: 2016-11\npartners: [Association]\nnext_review: 2024-09-15\n---\n",
        );
        assert_eq!(l.country.as_deref(), Some("BF"));
        assert_eq!(l.coordinates, Some((12.3686, -1.4203)));
        assert_eq!(l.dialogue_since, Some(PartialDate::Month(2016, 11)));
        assert_eq!(l.partners, ["Association"]);
        assert_eq!(l.next_review, Some(date(2024, 9, 15)));
        let since = |v: &str| {
            parsed_locality(&format!(
                "---\nname: S\ncountry: BF\ndialogue_since: {v}\n---\n"
            ))
            .dialogue_since
        };
        assert_eq!(since("2016"), Some(PartialDate::Year(2016)));
        assert_eq!(
            since("2016-11-05"),
            Some(PartialDate::Day(date(2016, 11, 5)))
        );
        let diags = doc_errors(L, "---\nname: ''\ncountry: Burkina\n---\n");
        let places: Vec<_> = diags.iter().map(shown).collect();
        assert_eq!(
            places,
            [
                (2, 7, "`name` is empty", None, Some("some text")),
                (
                    3,
                    10,
                    "`country` is not a two-letter country code",
                    Some("`Burkina`"),
                    Some("an ISO 3166-1 alpha-2 code such as `BF`, `NG` or `SN`")
                ),
            ]
        );
    }

    #[test]
    fn coordinates_and_dialogue_since_are_checked() {
        for value in ["[100, 0]", "[12.3]", "[north, west]", "12.3"] {
            let d = doc_error(
                L,
                &format!("---\nname: S\ncountry: BF\ncoordinates: {value}\n---\n"),
            );
            assert_eq!(
                place(&d),
                (L, 4, 14, "`coordinates` are not a latitude and a longitude"),
                "{value}"
            );
            assert_eq!(
                d.expected.as_deref(),
                Some("`[latitude, longitude]` in degrees, such as `[12.3686, -1.4203]`")
            );
        }
        for (value, found) in [
            ("2016-13", "the text `2016-13`"),
            ("16", "the number `16`"),
            ("Nov 2016", "the text `Nov 2016`"),
        ] {
            let d = doc_error(
                L,
                &format!("---\nname: S\ncountry: BF\ndialogue_since: {value}\n---\n"),
            );
            assert_eq!(
                shown(&d),
                (
                    4,
                    17,
                    "`dialogue_since` is not a valid date",
                    Some(found),
                    Some("a year, a month or a day: `2016`, `2016-11` or `2016-11-05`")
                ),
                "{value}"
            );
        }
    }
}
