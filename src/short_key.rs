//! Short keys: the few capitals and digits a reader quotes to name a
//! commitment of a locality (`JNP`), printed on the locality's print sheet
//! and shown on the commitment's page.
//!
//! Guarantee: a commitment's key depends on nothing but its own file (its
//! `short_key:`, else its id), so it is the same in every language and
//! does not change when other commitments are added, removed or
//! reordered. `validate` refuses two commitments of one locality with the
//! same key, so a key names one commitment of its locality.

/// The longest key `short_key:` may set.
pub(crate) const MAX_LEN: usize = 8;

/// What `short_key:` must be, in the words of an error message.
pub(crate) const EXPECTED: &str =
    "1 to 8 letters (A to Z) or digits, such as `JNP` or `P2`; small letters are shown as capitals";

/// The key a commitment without `short_key:` gets from its id: of each
/// word (between hyphens) its first character if it is a letter, and its
/// digits, in capitals; an id of one word gives its first three letters
/// and its digits. `joint-night-patrols` → `JNP`, `phase-2-lighting` →
/// `P2L`, `commitment-007` → `C007`, `lighting` → `LIG`.
pub(crate) fn from_id(id: &str) -> String {
    let words: Vec<&str> = id.split('-').filter(|w| !w.is_empty()).collect();
    let letters = if words.len() == 1 { 3 } else { 1 };
    let mut key = String::new();
    for word in words {
        let lead = word.chars().take_while(|c| c.is_ascii_alphabetic());
        key.extend(lead.take(letters).map(|c| c.to_ascii_uppercase()));
        key.extend(word.chars().filter(char::is_ascii_digit));
    }
    key
}

/// `short_key:` as written, in capitals, when it is a valid key.
pub(crate) fn parse(written: &str) -> Option<String> {
    let ok = (1..=MAX_LEN).contains(&written.len())
        && written.chars().all(|c| c.is_ascii_alphanumeric());
    ok.then(|| written.to_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_from_ids() {
        assert_eq!(from_id("joint-night-patrols"), "JNP");
        assert_eq!(from_id("phase-2-lighting"), "P2L");
        assert_eq!(from_id("commitment-007"), "C007");
        assert_eq!(from_id("lighting"), "LIG");
        assert_eq!(from_id("phase2-desk"), "P2D");
        assert_eq!(from_id("3rd-station"), "3S");
        assert_eq!(from_id("ab"), "AB");
    }

    #[test]
    fn written_keys() {
        assert_eq!(parse("jnp").as_deref(), Some("JNP"));
        assert_eq!(parse("P2").as_deref(), Some("P2"));
        assert_eq!(parse(""), None);
        assert_eq!(parse("J-N"), None);
        assert_eq!(parse("ABCDEFGHI"), None);
        assert_eq!(parse("É"), None);
    }
}
