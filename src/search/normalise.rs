//! Search normalisation: text to the terms search matches on.
//!
//! **Guarantee:** [`tokens`] and [`stripped`] are the same functions as
//! `tokens` and `strip` of the theme's `static/search.js`, which normalises
//! what a reader types. Both are checked on one shared list of cases,
//! `tests/search/normalise-cases.tsv` (here by a unit test, in the script
//! by `tests/browser/search.mjs`); a change to one is a change to both and
//! to the list.
//!
//! The rules, in order:
//! 1. canonical decomposition (NFD), then lower case (full Unicode
//!    mapping);
//! 2. removed: Latin combining accents (U+0300–036F, so `é` is `e`; no
//!    other mark, so Devanagari vowel signs stay), Arabic harakat and other
//!    diacritics (U+064B–065F, U+0670: with NFD this unifies `أ إ آ` and
//!    `ؤ ئ` with their bare letters), tatweel (U+0640), the Devanagari nukta
//!    (U+093C: with NFD `क़` is `क`), the modifier apostrophe `ʼ` (U+02BC,
//!    of Hausa `ʼy`), zero-width joiners (U+200C, U+200D);
//! 3. replaced: `ٱ` by `ا`, `ة` by `ه`, `ى` by `ي`; candrabindu (U+0901) by
//!    anusvara (U+0902); Hausa `ɓ ɗ ƙ ƴ` by `b d k y`; Devanagari,
//!    Arabic-Indic and Eastern Arabic-Indic digits by ASCII digits;
//! 4. tokens are the runs of letters, marks and digits (Unicode general
//!    categories L, M, N); anything else separates them.
//!
//! Arabic words also have a *stripped* form ([`stripped`]): without the
//! article `ال`, or with a conjunction or preposition before it (`وال`,
//! `بال`, `كال`, `فال`, `لل`), or without a lone leading `و ب ل ف ك`. The
//! index holds both forms of a word and a query tries both forms of each
//! word typed, so `انارة` finds `الإنارة`, `سوق` finds `السوق` and
//! `بالسوق` finds `السوق`.

use icu_normalizer::DecomposingNormalizerBorrowed;
use icu_properties::CodePointMapData;
use icu_properties::props::{GeneralCategory, GeneralCategoryGroup};

/// The normalised tokens of `text`, in order (repeats kept).
pub(crate) fn tokens(text: &str) -> Vec<String> {
    let decomposed = DecomposingNormalizerBorrowed::new_nfd().normalize(text);
    let lower = decomposed.to_lowercase();
    let categories = CodePointMapData::<GeneralCategory>::new();
    let mut tokens = Vec::new();
    let mut token = String::new();
    for c in lower.chars() {
        if dropped(c) {
            continue;
        }
        let c = replaced(c);
        let category = categories.get(c);
        if GeneralCategoryGroup::Letter.contains(category)
            || GeneralCategoryGroup::Mark.contains(category)
            || GeneralCategoryGroup::Number.contains(category)
        {
            token.push(c);
        } else if !token.is_empty() {
            tokens.push(std::mem::take(&mut token));
        }
    }
    if !token.is_empty() {
        tokens.push(token);
    }
    tokens
}

/// Characters removed (rule 2 of the module documentation).
fn dropped(c: char) -> bool {
    matches!(
        c,
        '\u{0300}'..='\u{036F}'
            | '\u{064B}'..='\u{065F}'
            | '\u{0670}'
            | '\u{0640}'
            | '\u{093C}'
            | '\u{02BC}'
            | '\u{200C}'
            | '\u{200D}'
    )
}

/// Characters replaced (rule 3 of the module documentation).
fn replaced(c: char) -> char {
    match c {
        '\u{0671}' => '\u{0627}',
        '\u{0629}' => '\u{0647}',
        '\u{0649}' => '\u{064A}',
        '\u{0901}' => '\u{0902}',
        'ɓ' => 'b',
        'ɗ' => 'd',
        'ƙ' => 'k',
        'ƴ' => 'y',
        '\u{0660}'..='\u{0669}' => digit(c, '\u{0660}'),
        '\u{06F0}'..='\u{06F9}' => digit(c, '\u{06F0}'),
        '\u{0966}'..='\u{096F}' => digit(c, '\u{0966}'),
        c => c,
    }
}

/// The ASCII digit of `c`, a digit of the script whose zero is `zero`.
fn digit(c: char, zero: char) -> char {
    char::from(b'0' + (c as u32 - zero as u32) as u8)
}

/// Prefixes holding the article, longest first: removed when at least two
/// letters remain.
const ARTICLES: [&str; 6] = ["وال", "بال", "كال", "فال", "لل", "ال"];

/// Lone leading letters (and, with, for, so, as): removed when at least
/// three letters remain.
const PARTICLES: [char; 5] = ['و', 'ب', 'ل', 'ف', 'ك'];

/// The stripped form of a normalised Arabic token (see the module
/// documentation), when it differs from the token.
pub(crate) fn stripped(token: &str) -> Option<&str> {
    for article in ARTICLES {
        if let Some(rest) = token.strip_prefix(article)
            && rest.chars().count() >= 2
        {
            return Some(rest);
        }
    }
    let rest = token.strip_prefix(PARTICLES)?;
    (rest.chars().count() >= 3).then_some(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `tests/search/normalise-cases.tsv`, the cases the script is checked on too.
    const CASES: &str = include_str!("../../tests/search/normalise-cases.tsv");

    /// A token and its stripped form, as the case list writes it (`full|stripped`).
    fn written(token: &str) -> String {
        match stripped(token) {
            Some(rest) => format!("{token}|{rest}"),
            None => token.to_owned(),
        }
    }

    #[test]
    fn every_shared_case_gives_its_tokens() {
        let mut checked = 0;
        for (n, line) in CASES.lines().enumerate() {
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            let Some((input, expected)) = line.split_once('\t') else {
                panic!("line {} of the cases has no tab: {line:?}", n + 1);
            };
            let got: Vec<String> = tokens(input).iter().map(|t| written(t)).collect();
            assert_eq!(got.join(" "), expected, "line {}: {input:?}", n + 1);
            checked += 1;
        }
        assert!(checked >= 25, "only {checked} cases");
    }
}
