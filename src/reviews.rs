//! Reviews: a commitment's updates grouped by the review they assess, the
//! assessment of a review that gives the current status, and whether the
//! police's and the community's views of a commitment differ.
//!
//! Guarantees (on updates `validate` accepted):
//! - a review is a run of consecutive updates with the same review date
//!   (`review:`, else the update's own `date`), so [`groups`] returns every
//!   update once, in the content's order;
//! - [`leading`] picks one assessment of a review by one rule, the same for
//!   `validate` (what `status:` and `progress:` must equal) and for pages:
//!   the joint assessment, else the independent one, else the last listed;
//! - [`views_differ`] compares the police's and the community's progress in
//!   the latest review both assessed with a progress, and reports the gap
//!   only from [`DIFFER_POINTS`] points.

use crate::model::{Assessor, Update};
use jiff::civil::Date;

/// From how many points of progress apart the police's and the
/// community's assessments of one review make a "views differ" mark.
pub const DIFFER_POINTS: u8 = 20;

/// What grouping and picking need of an update, parsed or checked.
pub trait Assessment {
    /// The review's date: `review:` when given, else the update's date.
    fn review_date(&self) -> Option<Date>;
    fn assessor(&self) -> Option<Assessor>;
}

impl Assessment for Update {
    fn review_date(&self) -> Option<Date> {
        Some(self.review.unwrap_or(self.date))
    }
    fn assessor(&self) -> Option<Assessor> {
        self.assessed_by
    }
}

impl<T: Assessment> Assessment for &T {
    fn review_date(&self) -> Option<Date> {
        (*self).review_date()
    }
    fn assessor(&self) -> Option<Assessor> {
        (*self).assessor()
    }
}

impl Assessment for crate::parse::RawUpdate {
    fn review_date(&self) -> Option<Date> {
        self.review.or(self.date)
    }
    fn assessor(&self) -> Option<Assessor> {
        self.assessed_by
    }
}

/// The updates in runs of the same review, oldest first.
pub fn groups<T: Assessment>(updates: &[T]) -> Vec<&[T]> {
    updates
        .chunk_by(|a, b| a.review_date() == b.review_date())
        .collect()
}

/// The assessment of a review that gives the commitment's status and
/// progress: the joint one, else the independent one, else the last listed.
pub fn leading<T: Assessment>(review: &[T]) -> Option<&T> {
    let by = |who: Assessor| review.iter().find(|u| u.assessor() == Some(who));
    by(Assessor::Joint)
        .or_else(|| by(Assessor::Independent))
        .or(review.last())
}

/// The police's and the community's progress in one review, and how far
/// apart they are.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Gap {
    pub police: u8,
    pub community: u8,
    /// The difference, in points of progress.
    pub points: u8,
}

/// The police's and the community's progress in the latest review where
/// both gave one.
pub fn latest_gap(updates: &[Update]) -> Option<Gap> {
    groups(updates).into_iter().rev().find_map(|review| {
        let of = |who: Assessor| {
            review
                .iter()
                .find(|u| u.assessed_by == Some(who))
                .and_then(|u| u.progress)
        };
        let (police, community) = (of(Assessor::Police)?, of(Assessor::Community)?);
        Some(Gap {
            police,
            community,
            points: police.abs_diff(community),
        })
    })
}

/// The gap of [`latest_gap`] when it is [`DIFFER_POINTS`] points or more.
pub fn views_differ(updates: &[Update]) -> Option<Gap> {
    latest_gap(updates).filter(|g| g.points >= DIFFER_POINTS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn u(day: i8, who: Option<Assessor>, progress: u8) -> Update {
        Update {
            date: date(2024, 3, day),
            review: None,
            status: "in-progress".into(),
            progress: Some(progress),
            note: None,
            assessed_by: who,
            sources: Vec::new(),
        }
    }

    #[test]
    fn a_review_is_a_run_of_one_review_date() {
        let mut late = u(14, Some(Assessor::Community), 40);
        late.review = Some(date(2024, 3, 10));
        let ups = [
            u(1, None, 10),
            u(10, Some(Assessor::Police), 60),
            late,
            u(20, None, 50),
        ];
        let sizes: Vec<usize> = groups(&ups).iter().map(|g| g.len()).collect();
        assert_eq!(sizes, [1, 2, 1]);
    }

    #[test]
    fn joint_then_independent_then_the_last_listed_leads() {
        let p = u(1, Some(Assessor::Police), 60);
        let c = u(1, Some(Assessor::Community), 30);
        let i = u(1, Some(Assessor::Independent), 45);
        let j = u(1, Some(Assessor::Joint), 50);
        let pick = |r: &[Update]| leading(r).and_then(|u| u.progress);
        assert_eq!(pick(&[p.clone(), c.clone()]), Some(30));
        assert_eq!(pick(&[i.clone(), p.clone(), c.clone()]), Some(45));
        assert_eq!(pick(&[p, j, i, c]), Some(50));
    }

    #[test]
    fn views_differ_from_twenty_points_in_the_latest_review_both_assessed() {
        let differ = |police, community| {
            views_differ(&[
                u(1, Some(Assessor::Police), police),
                u(1, Some(Assessor::Community), community),
                u(20, Some(Assessor::Joint), 50),
            ])
        };
        assert_eq!(differ(60, 40).map(|g| g.points), Some(20));
        assert_eq!(differ(40, 60).map(|g| g.points), Some(20));
        assert_eq!(differ(60, 41), None);
    }
}
