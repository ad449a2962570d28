//! Counts by status, as the status bar and the `by_status` lists show them:
//! per status of site.yaml, in its order, how many commitments of a list
//! are in it, their share of the list, and how many are done. The counts
//! always add up to the list's length (a status site.yaml lacks, which
//! validation rules out, is not counted).

use super::values::{StatusCount, StatusView};
use crate::model::{CRef, Config, Site};

/// `count` as a percentage of `total`, rounded to the nearest whole number
/// (halves up); 0 when there is nothing to count.
pub(super) fn percent(count: usize, total: usize) -> usize {
    (count * 100 + total / 2).checked_div(total).unwrap_or(0)
}

/// Whether a list of counts keeps the statuses nothing is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Zeros {
    /// Every status, as a table of all statuses shows them.
    Keep,
    /// Only statuses with commitments, as a locality's card shows them.
    Drop,
}

/// Per status of `config`, in its order: how many of `list` are in it.
pub(super) fn counts_of(site: &Site, config: &Config, list: &[CRef]) -> Vec<usize> {
    let mut counts = vec![0; config.statuses.len()];
    for &r in list {
        let status = &site.commitment(r).status;
        if let Some(si) = config.statuses.iter().position(|s| &s.id == status) {
            counts[si] += 1;
        }
    }
    counts
}

/// How many of `counts` (per status of `statuses`) are in a status that
/// counts as done.
pub(super) fn done_of(statuses: &[StatusView], counts: &[usize]) -> usize {
    statuses
        .iter()
        .zip(counts)
        .filter(|(s, _)| s.done)
        .map(|(_, n)| n)
        .sum()
}

/// The items of `by_status` (and of a status bar's `bar`) for `counts`,
/// per status of `statuses`, with their shares of the counts' total.
pub(super) fn status_counts(
    statuses: &[StatusView],
    counts: &[usize],
    zeros: Zeros,
) -> Vec<StatusCount> {
    let total: usize = counts.iter().sum();
    statuses
        .iter()
        .zip(counts)
        .filter(|(_, n)| zeros == Zeros::Keep || **n > 0)
        .map(|(s, &count)| StatusCount {
            status: s.clone(),
            count,
            percent: percent(count, total),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{Zeros, done_of, percent, status_counts};
    use crate::render::values::StatusView;

    #[test]
    fn percentages_round_to_the_nearest_and_survive_an_empty_site() {
        assert_eq!(percent(0, 0), 0);
        assert_eq!(percent(1, 3), 33);
        assert_eq!(percent(2, 3), 67);
        assert_eq!(percent(1, 8), 13); // 12.5 rounds up
        assert_eq!(percent(1, 200), 1); // 0.5 rounds up
        assert_eq!(percent(1, 201), 0);
        assert_eq!(percent(5, 5), 100);
    }

    fn status(id: &str, done: bool) -> StatusView {
        StatusView {
            id: id.to_owned(),
            label: id.to_owned(),
            done,
            closed: false,
            path: String::new(),
        }
    }

    #[test]
    fn counts_keep_or_drop_empty_statuses_and_share_the_whole() {
        let statuses = [
            status("open", false),
            status("shut", false),
            status("kept", true),
        ];
        let counts = [1, 0, 3];
        let rows = |z| -> Vec<(String, usize, usize)> {
            status_counts(&statuses, &counts, z)
                .into_iter()
                .map(|c| (c.status.id, c.count, c.percent))
                .collect()
        };
        assert_eq!(
            rows(Zeros::Drop),
            [("open".into(), 1, 25), ("kept".into(), 3, 75)]
        );
        assert_eq!(rows(Zeros::Keep).len(), 3);
        assert_eq!(done_of(&statuses, &counts), 3);
    }
}
