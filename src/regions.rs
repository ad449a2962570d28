//! Region names: what a country code such as `BF` is called in a
//! language, by CLDR's region display names compiled into ICU4X
//! (`icu_experimental`'s `RegionDisplayNames`): "Burkina Faso" in English,
//! "بوركينا فاسو" in Arabic, "बुर्किना फासो" in Nepali.
//!
//! Guarantees: the names of a language are loaded once per build (one
//! [`RegionNames`] per language, like the collators of `collate.rs`), not
//! per page; a code CLDR does not name (or that is not a region code at
//! all) has no name here, never a made-up one, so the caller's fallback
//! decides what shows.

use icu_experimental::displaynames::DisplayNamesOptions;
use icu_experimental::displaynames::multi::RegionDisplayNames;
use icu_locale_core::Locale;
use icu_locale_core::subtags::Region;

/// CLDR's region names in one language.
pub(crate) struct RegionNames {
    /// `None` only if CLDR had no region names for the locale nor any
    /// locale it falls back to: every code then goes unnamed.
    names: Option<RegionDisplayNames>,
}

impl RegionNames {
    /// The names for `tag`, a BCP 47 locale such as `fr` or `ar-IQ`. A
    /// locale CLDR does not know falls back to its language, then to the
    /// root locale (which names no region).
    pub(crate) fn new(tag: &str) -> RegionNames {
        let locale = Locale::try_from_str(tag).unwrap_or(Locale::UNKNOWN);
        RegionNames {
            names: RegionDisplayNames::try_new((&locale).into(), DisplayNamesOptions::default())
                .ok(),
        }
    }

    /// CLDR's name of the region `code` (`BF`, `np`), if CLDR has one for
    /// this language. Codes are matched without regard to case, as
    /// country codes in content are.
    pub(crate) fn name(&self, code: &str) -> Option<&str> {
        let region = Region::try_from_str(&code.to_ascii_uppercase()).ok()?;
        self.names.as_ref()?.of(region)
    }
}

#[cfg(test)]
mod tests {
    use super::RegionNames;

    #[test]
    fn each_language_names_regions_in_its_own_words() {
        assert_eq!(RegionNames::new("en").name("BF"), Some("Burkina Faso"));
        assert_eq!(RegionNames::new("fr").name("TD"), Some("Tchad"));
        assert_eq!(RegionNames::new("ar").name("BF"), Some("بوركينا فاسو"));
        assert_eq!(RegionNames::new("ne").name("NP"), Some("नेपाल"));
        assert_eq!(RegionNames::new("ha").name("NG"), Some("Nijeriya"));
        assert_eq!(RegionNames::new("ha").name("NE"), Some("Nijar"));
        assert_eq!(RegionNames::new("ar-IQ").name("IQ"), Some("العراق"));
        assert_eq!(RegionNames::new("ne").name("np"), Some("नेपाल"));
    }

    #[test]
    fn codes_cldr_does_not_name_have_no_name() {
        let en = RegionNames::new("en");
        assert_eq!(en.name("QQ"), None);
        assert_eq!(en.name("not a code"), None);
        assert_eq!(en.name(""), None);
    }
}
