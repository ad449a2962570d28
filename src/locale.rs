//! Dates and numbers in each language's own way, with ICU4X and the CLDR
//! data compiled into it.
//!
//! Each language of a site has a CLDR locale: its `locale` in site.yaml
//! (`ar-IQ`, `ar-u-nu-arab`, `ne-NP`), else its code. The locale picks the
//! month names, the order of day, month and year, and the digits: a site
//! whose Arabic readers expect Arabic-Indic digits (٠١٢٣) names a locale
//! that uses them. Machine-readable values never come through here: pages
//! keep ISO dates in `<time datetime>`, and feeds and data files stay ISO.

use fixed_decimal::Decimal;
use icu_calendar::{Date, Gregorian};
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_datetime::fieldsets::{Y, YM, YMD};
use icu_decimal::DecimalFormatter;
use icu_locale_core::Locale;
use rustc_hash::FxHashMap;
use std::collections::HashMap;
use std::sync::RwLock;

/// The formatters of one language.
pub struct Formats {
    locale: Locale,
    day: FixedCalendarDateTimeFormatter<Gregorian, YMD>,
    month: FixedCalendarDateTimeFormatter<Gregorian, YM>,
    year: FixedCalendarDateTimeFormatter<Gregorian, Y>,
    decimal: DecimalFormatter,
    /// Dates already formatted, by ISO text: a site has a few thousand
    /// distinct dates, shown again on cards, pages and feeds, and ICU4X
    /// formatting one costs some thirty times a lookup here.
    dates: RwLock<FxHashMap<String, String>>,
}

/// How many formatted dates [`Formats`] keeps (some 27 years of days).
const DATES_KEPT: usize = 10_000;

/// Why a locale tag cannot be used.
pub(crate) fn check_tag(tag: &str) -> Result<Locale, String> {
    Locale::try_from_str(tag).map_err(|e| format!("`{tag}` is not a locale tag ({e})"))
}

impl Formats {
    /// The formatters for `tag`, a BCP 47 locale such as `fr` or `ar-IQ`.
    /// A locale CLDR does not know falls back to its language, then to the
    /// root locale: always something readable.
    pub fn new(tag: &str) -> Result<Formats, String> {
        let locale = check_tag(tag)?;
        let err = |e: &dyn std::fmt::Display| format!("no CLDR data for `{tag}`: {e}");
        Ok(Formats {
            day: FixedCalendarDateTimeFormatter::try_new((&locale).into(), YMD::long())
                .map_err(|e| err(&e))?,
            month: FixedCalendarDateTimeFormatter::try_new((&locale).into(), YM::long())
                .map_err(|e| err(&e))?,
            year: FixedCalendarDateTimeFormatter::try_new((&locale).into(), Y::long())
                .map_err(|e| err(&e))?,
            decimal: DecimalFormatter::try_new((&locale).into(), Default::default())
                .map_err(|e| err(&e))?,
            locale,
            dates: RwLock::default(),
        })
    }

    /// The locale these formatters were made for.
    pub fn locale(&self) -> String {
        self.locale.to_string()
    }

    /// An ISO date, `2017-05-20`, `2014-09` or `2014`, as readers of this
    /// language write it: "20 mai 2017", "September 2014". Text that is not
    /// such a date is returned as it is.
    pub fn date(&self, iso: &str) -> String {
        if let Ok(dates) = self.dates.read()
            && let Some(text) = dates.get(iso)
        {
            return text.clone();
        }
        let text = self.format_date(iso);
        if let Ok(mut dates) = self.dates.write()
            && dates.len() < DATES_KEPT
        {
            dates.insert(iso.to_owned(), text.clone());
        }
        text
    }

    fn format_date(&self, iso: &str) -> String {
        let mut parts = iso.splitn(3, '-');
        let year = parts.next().and_then(|y| y.parse::<i32>().ok());
        let month = parts.next().map(|m| m.parse::<u8>().ok());
        let day = parts.next().map(|d| d.parse::<u8>().ok());
        let formatted = match (year, month, day) {
            (Some(y), None, None) if iso.len() == 4 => Date::try_new_gregorian(y, 1, 1)
                .ok()
                .map(|d| self.year.format(&d).to_string()),
            (Some(y), Some(Some(m)), None) => Date::try_new_gregorian(y, m, 1)
                .ok()
                .map(|d| self.month.format(&d).to_string()),
            (Some(y), Some(Some(m)), Some(Some(d))) => Date::try_new_gregorian(y, m, d)
                .ok()
                .map(|d| self.day.format(&d).to_string()),
            _ => None,
        };
        formatted.unwrap_or_else(|| iso.to_owned())
    }

    /// A number with this language's digits and separators: `1,234` in
    /// English, `1 234` in French, `١٬٢٣٤` in Arabic where the locale uses
    /// Arabic-Indic digits, `१,२३४` in Nepali. At most two decimals.
    pub fn number(&self, n: f64) -> String {
        if !n.is_finite() {
            return n.to_string();
        }
        let hundredths = (n * 100.0).round();
        if hundredths.abs() >= 9.0e15 {
            return n.to_string();
        }
        let mut d = Decimal::from(hundredths as i64);
        d.multiply_pow10(-2);
        d.absolute.trim_end();
        self.decimal.format(&d).to_string()
    }
}

/// The formatters of every language of a site, by language code.
#[derive(Default)]
pub struct Locales {
    by_lang: HashMap<String, Formats>,
}

impl Locales {
    /// Formatters for each `(code, locale tag)`.
    pub fn new<'a>(
        languages: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Locales, String> {
        let mut by_lang = HashMap::new();
        for (code, tag) in languages {
            by_lang.insert(code.to_owned(), Formats::new(tag)?);
        }
        Ok(Locales { by_lang })
    }

    /// The formatters of `lang`, if the site has that language.
    pub fn get(&self, lang: &str) -> Option<&Formats> {
        self.by_lang.get(lang)
    }

    /// `Formats::date` for `lang`; the ISO text for an unknown language.
    pub fn date(&self, lang: &str, iso: &str) -> String {
        self.get(lang)
            .map_or_else(|| iso.to_owned(), |f| f.date(iso))
    }

    /// `Formats::number` for `lang`; plain digits for an unknown language.
    pub fn number(&self, lang: &str, n: f64) -> String {
        self.get(lang)
            .map_or_else(|| n.to_string(), |f| f.number(n))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_months_and_years_in_each_language() {
        let fr = Formats::new("fr").unwrap();
        assert_eq!(fr.date("2017-05-20"), "20 mai 2017");
        assert_eq!(fr.date("2014-09"), "septembre 2014");
        assert_eq!(fr.date("2014"), "2014");
        let en = Formats::new("en").unwrap();
        assert_eq!(en.date("2017-05-20"), "May 20, 2017");
        let ne = Formats::new("ne").unwrap();
        assert_eq!(ne.date("2017-05-20"), "२०१७ मे २०");
        let iq = Formats::new("ar-IQ").unwrap();
        assert_eq!(iq.date("2014-09"), "أيلول ٢٠١٤");
    }

    #[test]
    fn what_is_not_a_date_is_left_as_it_is() {
        let fr = Formats::new("fr").unwrap();
        for s in ["", "soon", "2017-13-01", "2017-02-30", "20170520", "-1"] {
            assert_eq!(fr.date(s), s);
        }
    }

    #[test]
    fn numbers_with_local_digits_and_separators() {
        assert_eq!(Formats::new("en").unwrap().number(12345.0), "12,345");
        assert_eq!(Formats::new("fr").unwrap().number(60.5), "60,5");
        assert_eq!(Formats::new("ar").unwrap().number(60.0), "60");
        assert_eq!(
            Formats::new("ar-u-nu-arab").unwrap().number(1234.0),
            "١٬٢٣٤"
        );
        assert_eq!(Formats::new("ne").unwrap().number(100.0), "१००");
        assert_eq!(Formats::new("en").unwrap().number(0.125), "0.13");
        assert_eq!(Formats::new("en").unwrap().number(f64::NAN), "NaN");
    }

    #[test]
    fn bad_tags_are_refused_and_unknown_languages_still_format() {
        assert!(Formats::new("ar IQ").is_err());
        assert!(Formats::new("").is_err());
        let xx = Formats::new("xx").unwrap();
        assert_eq!(xx.number(3.0), "3");
    }
}
