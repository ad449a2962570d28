//! Collation: names in the order readers of a language expect them, by
//! ICU4X's collator and the CLDR collation data compiled into it (French
//! puts "Écully" between "Dosso" and "Tahoua", Arabic reads its own
//! letters, Nepali the Devanagari order).
//!
//! Guarantees: an order is total and deterministic (names that collate
//! equal keep the order of their ids), and a sort makes each name's sort
//! key once, not once per comparison.

use icu_collator::options::CollatorOptions;
use icu_collator::{Collator, CollatorBorrowed};
use icu_locale_core::Locale;

/// The collator of one language.
pub(crate) struct Collation {
    /// `None` only if CLDR had no collation data even for the root locale,
    /// which compiled data always has: names then sort by code point.
    collator: Option<CollatorBorrowed<'static>>,
}

impl Collation {
    /// The collator for `tag`, a BCP 47 locale such as `fr` or `ar-IQ`. A
    /// locale CLDR does not know falls back to its language, then to the
    /// root order (which already orders every script's letters).
    pub(crate) fn new(tag: &str) -> Collation {
        let made = |locale: &Locale| Collator::try_new(locale.into(), CollatorOptions::default());
        let locale = Locale::try_from_str(tag).unwrap_or(Locale::UNKNOWN);
        Collation {
            collator: made(&locale).or_else(|_| made(&Locale::UNKNOWN)).ok(),
        }
    }

    /// The sort key of `name`: keys compare as their names collate.
    pub(crate) fn key(&self, name: &str) -> Vec<u8> {
        let mut key = Vec::with_capacity(name.len() * 2);
        match &self.collator {
            Some(c) => {
                let Ok(()) = c.write_sort_key_to(name, &mut key);
            }
            None => key.extend_from_slice(name.as_bytes()),
        }
        key
    }

    /// Sorts `items` by the name `name_of` gives each, ties by the id
    /// `id_of` gives it.
    pub(crate) fn sort_by_name<T, I: Ord>(
        &self,
        items: &mut [T],
        name_of: impl Fn(&T) -> String,
        id_of: impl Fn(&T) -> I,
    ) {
        items.sort_by_cached_key(|t| (self.key(&name_of(t)), id_of(t)));
    }
}

#[cfg(test)]
mod tests {
    use super::Collation;

    fn sorted(tag: &str, names: &[&str]) -> Vec<String> {
        let mut v: Vec<String> = names.iter().map(|s| s.to_string()).collect();
        Collation::new(tag).sort_by_name(&mut v, Clone::clone, |_| 0);
        v
    }

    #[test]
    fn each_language_orders_its_own_letters() {
        assert_eq!(
            sorted("fr", &["Zinder", "Écully", "Dosso", "ecully"]),
            ["Dosso", "ecully", "Écully", "Zinder"]
        );
        // Alef with hamza sorts with alef, not after it as code points do.
        assert_eq!(
            sorted("ar", &["إيكولي", "زندر", "انجامينا", "أغاديس"]),
            ["أغاديس", "انجامينا", "إيكولي", "زندر"]
        );
        assert_eq!(
            sorted("ne", &["बेनिन", "अगादेज", "चाड"]),
            ["अगादेज", "चाड", "बेनिन"]
        );
        // Hausa's hooked letters follow their plain ones, not after "Z".
        assert_eq!(
            sorted("ha-NE", &["Zango", "Ɓauchi", "Bida"]),
            ["Bida", "Ɓauchi", "Zango"]
        );
    }

    #[test]
    fn names_that_collate_equal_keep_their_ids_order() {
        let mut v = vec![("Kano", 2), ("Kano", 1), ("Abuja", 3)];
        Collation::new("en").sort_by_name(&mut v, |t| t.0.to_owned(), |t| t.1);
        assert_eq!(v, [("Abuja", 3), ("Kano", 1), ("Kano", 2)]);
    }
}
