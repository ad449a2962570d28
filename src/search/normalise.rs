//! Search normalisation: text to the terms search matches on.
//!
//! **Guarantee:** [`tokens`] and [`lookup`] are the same functions as
//! `tokens` and `lookup` of the theme's `static/search.js`, which normalises
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
//! Arabic words are looked up, and indexed, by [`lookup`]:
//! - a word with the article `ال` (or `وال`, `بال`, `كال`, `فال`, `لل`)
//!   and at least two letters after it is looked up *bare*, without it
//!   (again while another article begins what remains, as in `الالتزام`):
//!   `الإنارة` as `اناره`. Every longer word that begins with it loses the
//!   same article, so its bare form begins with this one's: the full form
//!   finds nothing more, and the index holds only the bare form;
//! - a word with a lone leading `و ب ل ف ك` and at least three letters
//!   after it is looked up in full and bare (`وسوق`: `وسوق`, `سوق`;
//!   `وللسوق`: `وللسوق`, `سوق`);
//! - an article alone, or the start of one (`ال`, `لل`, `وا`, `وال`, …),
//!   begins nearly every word: it is not looked up (nor indexed), as words
//!   of one letter are not;
//! - a word whose article (after a particle or not) has less than a bare
//!   word after it (`الم`, `الف`, `والي`, `الوالي`, `وللس`) is *partial*:
//!   looked up, and indexed, whole; as the longer words it begins are
//!   indexed bare, it finds only itself, so the page asks for more letters
//!   when it finds nothing.
//!
//! So `انارة` finds `الإنارة`, `سوق` finds `السوق` and `بالسوق` finds
//! `السوق`.

use icu_normalizer::DecomposingNormalizerBorrowed;
use icu_properties::CodePointMapData;
use icu_properties::props::{GeneralCategory, GeneralCategoryGroup};

/// The normalised tokens of `text`, in order (repeats kept).
pub(crate) fn tokens(text: &str) -> Vec<String> {
    if text.is_ascii() {
        return ascii_tokens(text);
    }
    unicode_tokens(text)
}

/// [`tokens`] of ASCII text, without its cost: NFD leaves ASCII as it is,
/// it lowers case as ASCII, no rule drops or replaces an ASCII character,
/// and its only letters and digits are `A-Z`, `a-z` and `0-9`.
fn ascii_tokens(text: &str) -> Vec<String> {
    (text.split(|c: char| !c.is_ascii_alphanumeric()))
        .filter(|t| !t.is_empty())
        .map(str::to_ascii_lowercase)
        .collect()
}

/// [`tokens`] of any text, by the rules of the module documentation.
fn unicode_tokens(text: &str) -> Vec<String> {
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

/// Prefixes holding the article, longest first.
const ARTICLES: [&str; 6] = ["وال", "بال", "كال", "فال", "لل", "ال"];

/// Lone leading letters (and, with, for, so, as): removed when at least
/// three letters remain.
const PARTICLES: [char; 5] = ['و', 'ب', 'ل', 'ف', 'ك'];

/// How a normalised token is looked up, and indexed (the rules of the
/// module documentation).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Lookup<'t> {
    /// By these terms, each matched as a prefix: the word or its bare form,
    /// and after a leading particle its bare rest too.
    Terms(&'t str, Option<&'t str>),
    /// By the word whole, which finds only itself: an article, or a
    /// particle and an article, with less than a bare word after it (`الم`,
    /// `والي`, `وللس`).
    Partial(&'t str),
    /// Not at all: an article, or the start of one (`ال`, `وا`).
    Article,
}

impl<'t> Lookup<'t> {
    /// The terms looked up, in order.
    pub(crate) fn terms(self) -> impl Iterator<Item = &'t str> {
        let (first, second) = match self {
            Lookup::Terms(a, b) => (Some(a), b),
            Lookup::Partial(a) => (Some(a), None),
            Lookup::Article => (None, None),
        };
        first.into_iter().chain(second)
    }
}

/// How `token`, a normalised token, is looked up.
pub(crate) fn lookup(token: &str) -> Lookup<'_> {
    if article_start(token) {
        return Lookup::Article;
    }
    if after_article(token).is_some() {
        return bare(token).map_or(Lookup::Partial(token), |b| Lookup::Terms(b, None));
    }
    match token.strip_prefix(PARTICLES) {
        Some(rest) if rest.chars().nth(2).is_some() => match bare(rest) {
            Some(rest) if !article_start(rest) => Lookup::Terms(token, Some(rest)),
            _ => Lookup::Partial(token),
        },
        _ => Lookup::Terms(token, None),
    }
}

/// What follows the first article `word` begins with.
fn after_article(word: &str) -> Option<&str> {
    ARTICLES.iter().find_map(|a| word.strip_prefix(a))
}

/// Whether `word`, of two letters or more, is an article or its start.
fn article_start(word: &str) -> bool {
    word.chars().nth(1).is_some() && ARTICLES.iter().any(|a| a.starts_with(word))
}

/// `word` without its articles, none when what one leaves is less than a
/// word (one letter, or an article or its start).
fn bare(word: &str) -> Option<&str> {
    let mut word = word;
    while let Some(rest) = after_article(word) {
        if rest.chars().nth(1).is_none() || article_start(rest) {
            return None;
        }
        word = rest;
    }
    Some(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `tests/search/normalise-cases.tsv`, the cases the script is checked on too.
    const CASES: &str = include_str!("../../tests/search/normalise-cases.tsv");

    /// A token and how it is looked up, as the case list writes it: the
    /// token alone when it is its own term; `token>term` or
    /// `token>term+term` when its terms differ; `token>` when it is not
    /// looked up; `token?` when it is partial.
    fn written(token: &str) -> String {
        match lookup(token) {
            Lookup::Terms(t, None) if t == token => token.to_owned(),
            Lookup::Partial(_) => format!("{token}?"),
            l => format!("{token}>{}", l.terms().collect::<Vec<_>>().join("+")),
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

    /// The rules before the article's full forms left the index: a word
    /// and its form without the article or a lone leading letter.
    fn previous_terms(token: &str) -> Vec<&str> {
        let rest = ARTICLES
            .iter()
            .find_map(|a| token.strip_prefix(a).filter(|r| r.chars().nth(1).is_some()))
            .or_else(|| {
                let r = token.strip_prefix(PARTICLES)?;
                r.chars().nth(2).is_some().then_some(r)
            });
        [Some(token), rest].into_iter().flatten().collect()
    }

    /// Every word over `letters` of at most `len` letters.
    fn words(letters: &[char], len: usize) -> Vec<String> {
        let mut all = vec![String::new()];
        let mut last = vec![String::new()];
        for _ in 0..len {
            last = (last.iter())
                .flat_map(|w| letters.iter().map(move |c| format!("{w}{c}")))
                .collect();
            all.extend(last.iter().cloned());
        }
        all
    }

    /// Whether one of `query`'s terms begins one of `word`'s (terms of
    /// fewer than two letters are never looked up).
    fn matches(query: &[&str], word: &[&str]) -> bool {
        (query.iter().filter(|q| q.chars().nth(1).is_some()))
            .any(|q| word.iter().any(|w| w.starts_with(q)))
    }

    /// Every query one of whose previous terms could begin one of `terms`:
    /// a start of one, alone or after an article or a particle.
    fn candidates(terms: &[&str]) -> Vec<String> {
        let mut out = Vec::new();
        for term in terms {
            let chars: Vec<char> = term.chars().collect();
            for k in 2..=chars.len() {
                let start: String = chars[..k].iter().collect();
                out.extend(ARTICLES.iter().map(|a| format!("{a}{start}")));
                out.extend(PARTICLES.iter().map(|p| format!("{p}{start}")));
                out.push(start);
            }
        }
        out
    }

    #[test]
    fn a_word_looked_up_finds_every_word_it_found_before_without_the_full_forms() {
        // Every word of up to 6 letters over the article's and particles'
        // letters and one other, against every query that found it by the
        // previous rules: the new ones find it too, unless the query is
        // now partial or an article.
        let all = words(&['ا', 'ل', 'و', 'ب', 'س'], 6);
        let mut checked = 0;
        // A word that is an article alone (`وال`) is not indexed.
        for word in all.iter().filter(|w| lookup(w) != Lookup::Article) {
            let (before, now) = (
                previous_terms(word),
                lookup(word).terms().collect::<Vec<_>>(),
            );
            for query in candidates(&before) {
                if !matches(&previous_terms(&query), &before) {
                    continue;
                }
                if let Lookup::Terms(..) = lookup(&query) {
                    let q: Vec<&str> = lookup(&query).terms().collect();
                    assert!(
                        matches(&q, &now),
                        "{query} no longer finds {word}: {q:?}, {now:?}"
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked > 100_000, "{checked}");
    }

    #[test]
    fn ascii_text_gives_the_tokens_of_the_unicode_rules() {
        // Every ASCII character, alone between letters and digits, doubled
        // and at either end.
        for c in (0u8..128).map(char::from) {
            for text in [format!("Ab{c}9z"), format!("{c}{c}Q1{c}x"), format!("{c}")] {
                assert_eq!(ascii_tokens(&text), unicode_tokens(&text), "{text:?}");
                assert_eq!(tokens(&text), unicode_tokens(&text), "{text:?}");
            }
        }
    }
}
