//! Fingerprints, and the one cache shape every reused value is kept in.
//!
//! A [`Fingerprint`] is a hash of *everything* a value is made from. The
//! invariant all reuse rests on: **equal fingerprints, equal values**. A
//! value whose inputs gain a new field must hash that field too, or a
//! rebuild differs from a clean build (`tests/incremental.rs` compares them).
//!
//! A [`Memo`] maps fingerprints to the values made from them. A stage that
//! may reuse work asks it with [`Memo::get_or_make`]; it works the same
//! whether the memo holds values from an earlier build (`watch`, `serve`)
//! or is [`Memo::off`] (a one-shot build, which keeps nothing). Stages never
//! know which: only `session` keeps memos from one build to the next.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU32, AtomicUsize, Ordering};

/// A hash of every input of a value (see the module documentation).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Fingerprint(pub u64);

/// Builds a [`Fingerprint`] from inputs added one by one.
#[derive(Clone, Default)]
pub struct Fingerprinter(DefaultHasher);

impl Fingerprinter {
    pub fn new() -> Fingerprinter {
        Fingerprinter::default()
    }

    /// Adds one input.
    pub fn add(&mut self, input: &(impl Hash + ?Sized)) -> &mut Fingerprinter {
        input.hash(&mut self.0);
        self
    }

    /// The fingerprint of the inputs added so far (more may follow).
    pub fn fingerprint(&self) -> Fingerprint {
        Fingerprint(self.0.finish())
    }
}

/// A fingerprinter is a hasher, for inputs that feed themselves into one.
impl Hasher for Fingerprinter {
    fn write(&mut self, bytes: &[u8]) {
        self.0.write(bytes);
    }

    fn finish(&self) -> u64 {
        self.0.finish()
    }
}

/// The fingerprint of one input.
pub fn of(input: &(impl Hash + ?Sized)) -> Fingerprint {
    Fingerprinter::new().add(input).fingerprint()
}

/// Values by the fingerprint of their inputs, shared by the threads of a
/// build: looked up through `&self`, with the values made during a build
/// added when it ends ([`Memo::finish_build`]).
pub struct Memo<V> {
    /// Keeps what it makes (a session) or nothing (a one-shot build).
    keeps: bool,
    entries: HashMap<Fingerprint, Slot<V>>,
    fresh: Mutex<Vec<(Fingerprint, V)>>,
    /// The number of the build under way; a slot records the last build that used it.
    build: u32,
    hits: AtomicUsize,
    misses: AtomicUsize,
}

struct Slot<V> {
    value: V,
    used: AtomicU32,
}

/// How a memo served the last build.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Uses {
    /// Values found.
    pub hits: usize,
    /// Values made.
    pub misses: usize,
}

impl<V> Default for Memo<V> {
    fn default() -> Memo<V> {
        Memo::new()
    }
}

impl<V> Memo<V> {
    /// A memo that keeps what it makes, for the builds of a session.
    pub fn new() -> Memo<V> {
        Memo {
            keeps: true,
            entries: HashMap::new(),
            fresh: Mutex::new(Vec::new()),
            build: 0,
            hits: AtomicUsize::new(0),
            misses: AtomicUsize::new(0),
        }
    }

    /// A memo that keeps nothing: every value is made (a one-shot build).
    pub fn off() -> Memo<V> {
        Memo {
            keeps: false,
            ..Memo::new()
        }
    }

    /// How many values it holds.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Hits and misses since the last [`finish_build`](Self::finish_build).
    pub fn uses(&self) -> Uses {
        Uses {
            hits: self.hits.load(Ordering::Relaxed),
            misses: self.misses.load(Ordering::Relaxed),
        }
    }

    /// Ends a build: the values it made join the memo, and when the memo
    /// holds more than twice `live` values (the number the site has now),
    /// only those this build used or made stay. Returns how it was used.
    pub fn finish_build(&mut self, live: usize) -> Uses {
        let uses = self.uses();
        let fresh = std::mem::take(self.fresh.get_mut().unwrap_or_else(|e| e.into_inner()));
        for (key, value) in fresh {
            let used = AtomicU32::new(self.build);
            self.entries.insert(key, Slot { value, used });
        }
        if self.entries.len() > 2 * live {
            let build = self.build;
            self.entries
                .retain(|_, slot| slot.used.load(Ordering::Relaxed) == build);
        }
        self.build = self.build.wrapping_add(1);
        self.hits.store(0, Ordering::Relaxed);
        self.misses.store(0, Ordering::Relaxed);
        uses
    }
}

impl<V: Clone> Memo<V> {
    /// The value made from the inputs `key` is the fingerprint of: the one
    /// kept, or the one `make` makes now (kept when the build ends).
    pub fn get_or_make(&self, key: Fingerprint, make: impl FnOnce() -> V) -> V {
        if let Some(slot) = self.entries.get(&key) {
            slot.used.store(self.build, Ordering::Relaxed);
            self.hits.fetch_add(1, Ordering::Relaxed);
            return slot.value.clone();
        }
        self.misses.fetch_add(1, Ordering::Relaxed);
        let value = make();
        if self.keeps
            && let Ok(mut fresh) = self.fresh.lock()
        {
            fresh.push((key, value.clone()));
        }
        value
    }

    /// The value kept for `key`, if any (counted as a hit).
    pub fn get(&self, key: Fingerprint) -> Option<V> {
        let slot = self.entries.get(&key)?;
        slot.used.store(self.build, Ordering::Relaxed);
        self.hits.fetch_add(1, Ordering::Relaxed);
        Some(slot.value.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_inputs_give_equal_fingerprints_and_any_change_another() {
        let a = Fingerprinter::new().add("saaba").add(&3u8).fingerprint();
        let b = Fingerprinter::new().add("saaba").add(&3u8).fingerprint();
        let c = Fingerprinter::new().add("saaba").add(&4u8).fingerprint();
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_eq!(of("x"), of("x"));
    }

    #[test]
    fn a_kept_value_is_found_in_the_next_build_and_counted() {
        let mut memo: Memo<String> = Memo::new();
        let made = memo.get_or_make(Fingerprint(1), || "one".into());
        assert_eq!(made, "one");
        assert_eq!(memo.finish_build(10), Uses { hits: 0, misses: 1 });
        let again = memo.get_or_make(Fingerprint(1), || panic!("made twice"));
        assert_eq!(again, "one");
        assert_eq!(memo.finish_build(10), Uses { hits: 1, misses: 0 });
    }

    #[test]
    fn a_memo_that_is_off_keeps_nothing() {
        let mut memo: Memo<u8> = Memo::off();
        memo.get_or_make(Fingerprint(1), || 1);
        memo.finish_build(10);
        assert!(memo.is_empty());
        assert_eq!(memo.get_or_make(Fingerprint(1), || 2), 2);
    }

    #[test]
    fn past_twice_the_live_count_only_values_of_the_last_build_stay() {
        let mut memo: Memo<u32> = Memo::new();
        for k in 0..4 {
            memo.get_or_make(Fingerprint(k), || k as u32);
        }
        memo.finish_build(4);
        assert_eq!(memo.len(), 4);
        // The next build uses two of them and makes five new ones: 9 > 2 × 4.
        memo.get(Fingerprint(0));
        memo.get(Fingerprint(1));
        for k in 10..15 {
            memo.get_or_make(Fingerprint(k), || k as u32);
        }
        memo.finish_build(4);
        assert_eq!(memo.len(), 7);
        assert!(memo.get(Fingerprint(0)).is_some());
        assert!(memo.get(Fingerprint(2)).is_none());
    }
}
