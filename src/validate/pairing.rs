//! Which update of the original each update of a translation translates.
//!
//! A translated update names its update by `date` (and `assessed_by` where
//! several updates share the date). When that finds exactly one update, it
//! is the one, whatever else holds: a translation whose dates agree with the
//! original means what it always meant. A translated update whose date is
//! no update's date any more (the original's date was corrected) is paired
//! by its place: between the updates its neighbours translate, the
//! translated updates left over and the original's updates left over are
//! paired in order when there are as many of each (and the assessors, where
//! named, agree). Such a pair is a warning, not an error: the note is kept
//! and the editor is told the date the original now has. Anything else is
//! left unpaired, for an error.

use crate::parse::RawUpdate;

/// How one translated update was paired.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Pair {
    /// With the original's update at this index, by date (and assessor).
    ByDate(usize),
    /// With the original's update at this index, by place: its date was
    /// corrected in the original.
    ByPlace(usize),
    /// With none: no update has its date (and assessor), and its place
    /// does not say which.
    Unpaired,
    /// With none: several updates have its date and it names no assessor.
    Several(usize),
    /// Not at all: it has no date (reported when it was parsed).
    Undated,
}

impl Pair {
    /// The index of the original's update it translates, if any.
    pub(super) fn original(self) -> Option<usize> {
        match self {
            Pair::ByDate(i) | Pair::ByPlace(i) => Some(i),
            _ => None,
        }
    }
}

/// The pair of each of `translated` (in order) among `original`.
pub(super) fn pair(original: &[RawUpdate], translated: &[RawUpdate]) -> Vec<Pair> {
    let mut pairs: Vec<Pair> = translated.iter().map(|t| by_date(original, t)).collect();
    if pairs.iter().any(|p| matches!(p, Pair::Several(_))) {
        // Its neighbours' places are not known: the places say nothing.
        return pairs;
    }
    for run in unpaired_runs(&pairs) {
        pair_by_place(original, translated, &mut pairs, run);
    }
    pairs
}

/// The pair of `t` by its date (and assessor) alone.
fn by_date(original: &[RawUpdate], t: &RawUpdate) -> Pair {
    if t.date.is_none() {
        return Pair::Undated;
    }
    let found: Vec<usize> = (0..original.len())
        .filter(|&i| matches(t, &original[i]))
        .collect();
    match found[..] {
        [i] => Pair::ByDate(i),
        [] => Pair::Unpaired,
        _ => Pair::Several(found.len()),
    }
}

/// Whether translated update `t` names the original's `u`: the same date,
/// and the same assessor when the translation names one.
pub(super) fn matches(t: &RawUpdate, u: &RawUpdate) -> bool {
    t.date.is_some()
        && t.date == u.date
        && (t.assessed_by.is_none() || t.assessed_by == u.assessed_by)
}

/// The runs of consecutive unpaired translated updates (index ranges).
fn unpaired_runs(pairs: &[Pair]) -> Vec<std::ops::Range<usize>> {
    let mut runs = Vec::new();
    let mut start = None;
    for (i, p) in pairs.iter().enumerate() {
        match (p, start) {
            (Pair::Unpaired, None) => start = Some(i),
            (Pair::Unpaired, Some(_)) => {}
            (_, Some(s)) => {
                runs.push(s..i);
                start = None;
            }
            (_, None) => {}
        }
    }
    if let Some(s) = start {
        runs.push(s..pairs.len());
    }
    runs
}

/// Pairs the translated updates of `run` with the original's updates
/// between those the run's neighbours translate, when there are as many of
/// each, none of the run has a date the original still uses, and the
/// assessors agree where named.
fn pair_by_place(
    original: &[RawUpdate],
    translated: &[RawUpdate],
    pairs: &mut [Pair],
    run: std::ops::Range<usize>,
) {
    let low = pairs[..run.start]
        .iter()
        .rev()
        .find_map(|p| p.original())
        .map_or(0, |i| i + 1);
    let high = pairs[run.end..]
        .iter()
        .find_map(|p| p.original())
        .unwrap_or(original.len());
    if low > high {
        return;
    }
    let taken: Vec<usize> = pairs.iter().filter_map(|p| p.original()).collect();
    let free: Vec<usize> = (low..high).filter(|i| !taken.contains(i)).collect();
    if free.len() != run.len() {
        return;
    }
    let fits = run.clone().zip(&free).all(|(t, &o)| {
        let t = &translated[t];
        let date_used = original.iter().any(|u| u.date == t.date);
        let same_assessor = t.assessed_by.is_none() || t.assessed_by == original[o].assessed_by;
        !date_used && same_assessor
    });
    if fits {
        for (t, &o) in run.zip(&free) {
            pairs[t] = Pair::ByPlace(o);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Assessor;

    fn u(date: &str, by: Option<Assessor>) -> RawUpdate {
        RawUpdate {
            date: Some(date.parse().unwrap()),
            assessed_by: by,
            ..RawUpdate::default()
        }
    }

    #[test]
    fn dates_that_agree_pair_by_date() {
        let o = [u("2017-09-01", None), u("2018-06-15", None)];
        let t = [u("2018-06-15", None)];
        assert_eq!(pair(&o, &t), [Pair::ByDate(1)]);
    }

    #[test]
    fn a_corrected_date_pairs_by_place() {
        let o = [
            u("2017-09-02", None),
            u("2018-06-15", None),
            u("2019-01-01", None),
        ];
        let t = [
            u("2017-09-01", None),
            u("2018-06-15", None),
            u("2019-01-01", None),
        ];
        assert_eq!(
            pair(&o, &t),
            [Pair::ByPlace(0), Pair::ByDate(1), Pair::ByDate(2)]
        );
        let t = [u("2018-06-15", None), u("2018-12-01", None)];
        assert_eq!(pair(&o, &t), [Pair::ByDate(1), Pair::ByPlace(2)]);
    }

    #[test]
    fn a_place_that_could_be_two_updates_pairs_nothing() {
        let o = [
            u("2017-09-02", None),
            u("2018-01-10", None),
            u("2018-06-15", None),
        ];
        let t = [u("2017-09-01", None), u("2018-06-15", None)];
        assert_eq!(pair(&o, &t), [Pair::Unpaired, Pair::ByDate(2)]);
    }

    #[test]
    fn a_date_the_original_still_uses_is_not_a_correction() {
        let joint = Some(Assessor::Joint);
        let police = Some(Assessor::Police);
        let o = [u("2017-09-01", joint)];
        let t = [u("2017-09-01", police)];
        assert_eq!(pair(&o, &t), [Pair::Unpaired]);
    }

    #[test]
    fn an_assessor_that_differs_is_not_a_correction() {
        let o = [u("2017-09-02", Some(Assessor::Joint))];
        let t = [u("2017-09-01", Some(Assessor::Police))];
        assert_eq!(pair(&o, &t), [Pair::Unpaired]);
    }
}
