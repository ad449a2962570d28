//! Commitments: the rules of one commitment file (status and party ids,
//! dates, updates, the current status and progress) and of its translations
//! (updates paired by date, by assessor where a date is shared, and by place
//! where the original's date was corrected: `pairing`), and the
//! [`Commitment`] assembled from them; reviews are in `crate::reviews`.

use super::Checked;
use super::groups::{Group, body, fingerprint};
use super::pairing::{self, Pair};
use super::texts::merge;
use crate::diag::{self, Diagnostic};
use crate::memo::{Fingerprint, Fingerprinter, Memo};
use crate::model::{Assessor, Commitment, Config, Text, Update};
use crate::parse::{DocKind, Fields, FrontMatter, RawCommitment, RawText, RawUpdate};
use crate::reviews;
use crate::yaml::Seg;
use jiff::civil::Date;
use rayon::prelude::*;
use std::sync::Arc;

/// Path segments under a locality's folder that the portal itself uses
/// (the print sheet, `…/localities/<locality>/print/`); a commitment
/// cannot take one of them as its id.
pub(crate) const RESERVED_COMMITMENT_IDS: &[&str] = &["print"];

/// How many ids an "expected" line lists before it says how many more.
const MAX_LISTED: usize = 10;

/// What the errors about the current status and progress explain.
const CURRENT_HELP: &str = "when a commitment has updates, its current status and progress are the last review's: \
    the joint assessment if there is one, else the independent one, else the last one listed";

/// Each commitment of the groups with its locality id, in the order of the
/// groups: checked, or taken as checked before from the memo (equal
/// settings and equal files give the same commitment and problems).
pub(super) fn check_all<'g>(
    config: &Config,
    settings: Fingerprint,
    groups: &'g [(DocKind, Group)],
    memo: &Memo<Checked>,
) -> Vec<(&'g String, Checked)> {
    groups
        .par_iter()
        .filter_map(|(kind, group)| {
            let DocKind::Commitment { locality, id } = kind else {
                return None;
            };
            let main = group.main.as_ref()?;
            let Fields::Commitment(raw) = &main.fields else {
                return None;
            };
            let key = Fingerprinter::new()
                .add(&settings)
                .add(&fingerprint(group))
                .fingerprint();
            let checked = memo.get_or_make(key, || {
                let mut d = Vec::new();
                let c = commitment(config, locality, id, raw, group, &mut d).map(Arc::new);
                Arc::new((c, d))
            });
            Some((locality, checked))
        })
        .collect()
}

/// Checks one commitment and its translations; the commitment when no
/// problem was found.
fn commitment(
    config: &Config,
    locality: &str,
    id: &str,
    raw: &RawCommitment,
    group: &Group,
    diags: &mut Vec<Diagnostic>,
) -> Option<Commitment> {
    let main = group.main.as_ref()?;
    let fm = &main.fm;
    let before = diags.len();
    let rules = Rules::new(config, fm, raw);
    check_reserved_id(fm, locality, id, diags);
    rules.check_ids(diags);
    rules.check_due(diags);
    rules.check_updates(diags);
    let status = rules.current_status(diags);
    let progress = rules.current_progress(diags);

    // Translations: text fields, and update notes paired by date (or place).
    let trs = translations(group, raw);
    rules.check_translated_updates(&trs, diags);
    let title = rules.text("title", |c| c.title.as_ref(), &trs, diags);
    let summary = rules.text("summary", |c| c.summary.as_ref(), &trs, diags);
    let responsible = rules.text("responsible", |c| c.responsible.as_ref(), &trs, diags);
    let updates = rules.updates(&trs, diags);

    if diags[before..].iter().any(Diagnostic::is_error) {
        return None;
    }
    Some(Commitment {
        id: id.to_owned(),
        locality: locality.to_owned(),
        title: title?,
        summary,
        pledged_by: raw.pledged_by.clone(),
        agreed: raw.agreed?,
        due: raw.due,
        status: status?,
        progress,
        topics: raw.topics.clone(),
        responsible,
        updates,
        body: body(group),
        short_key: raw
            .short_key
            .clone()
            .unwrap_or_else(|| crate::short_key::from_id(id)),
        source: fm.rel.clone(),
        fingerprint: fingerprint(group),
    })
}

/// A commitment's id is not one of the paths a locality's pages use
/// besides its commitments' ([`RESERVED_COMMITMENT_IDS`]).
fn check_reserved_id(fm: &FrontMatter, locality: &str, id: &str, diags: &mut Vec<Diagnostic>) {
    if !RESERVED_COMMITMENT_IDS.contains(&id) {
        return;
    }
    diags.push(
        fm.error(
            &[],
            format!("`{id}` is used by the portal itself and cannot be a commitment id"),
        )
        .found(format!(
            "the file name `{id}.md`: its page would be where the locality's print sheet is (`localities/{locality}/{id}/`)"
        ))
        .expected(format!(
            "a commitment id other than {}",
            diag::one_of(RESERVED_COMMITMENT_IDS)
        ))
        .help(format!(
            "rename the file (and its translations), for example to `{id}-1.md`"
        )),
    );
}

/// The rules of one commitment file, with what they are checked against.
struct Rules<'a> {
    config: &'a Config,
    fm: &'a FrontMatter,
    raw: &'a RawCommitment,
    status_ids: Vec<&'a str>,
    party_ids: Vec<&'a str>,
}

impl<'a> Rules<'a> {
    fn new(config: &'a Config, fm: &'a FrontMatter, raw: &'a RawCommitment) -> Rules<'a> {
        Rules {
            config,
            fm,
            raw,
            status_ids: config.statuses.iter().map(|s| s.id.as_str()).collect(),
            party_ids: config.parties.iter().map(|p| p.id.as_str()).collect(),
        }
    }

    /// The status and the parties are defined in site.yaml, and so are the
    /// topics when site.yaml declares any.
    fn check_ids(&self, diags: &mut Vec<Diagnostic>) {
        self.check_topics(diags);
        if let Some(s) = &self.raw.status {
            self.check_status(s, &[Seg::key("status")], diags);
        }
        for (i, party) in self.raw.pledged_by.iter().enumerate() {
            if !self.party_ids.contains(&party.as_str()) {
                let path = [Seg::key("pledged_by"), Seg::Index(i)];
                let d = unknown(self.fm, &path, "party", party, &self.party_ids);
                diags.push(d);
            }
        }
    }

    /// When site.yaml declares `topics:`, each topic is one of them; a site
    /// that declares none may use any id.
    fn check_topics(&self, diags: &mut Vec<Diagnostic>) {
        let declared = &self.config.topics;
        if declared.is_empty() {
            return;
        }
        for (i, topic) in self.raw.topics.iter().enumerate() {
            if declared.contains_key(topic) {
                continue;
            }
            let ids: Vec<&str> = declared.keys().map(String::as_str).collect();
            let path = [Seg::key("topics"), Seg::Index(i)];
            let mut d = self
                .fm
                .error(&path, format!("unknown topic `{topic}`"))
                .found(format!("`{topic}`"))
                .expected(format!(
                    "a topic declared in site.yaml under `topics:`: {}",
                    diag::one_of_shortened(&ids, MAX_LISTED)
                ));
            let add = "to add a topic, declare it in site.yaml under `topics:` with its name in each language";
            d = match diag::did_you_mean(topic, ids.iter().copied()) {
                Some(m) => d.help(format!("did you mean `{m}`? ({add})")),
                None => d.help(add),
            };
            diags.push(d);
        }
    }

    /// A status (of the commitment or of an update) is defined in site.yaml.
    fn check_status(&self, status: &str, path: &[Seg], diags: &mut Vec<Diagnostic>) {
        if !self.status_ids.contains(&status) {
            diags.push(unknown(self.fm, path, "status", status, &self.status_ids));
        }
    }

    /// The due date is not before the date the commitment was agreed.
    fn check_due(&self, diags: &mut Vec<Diagnostic>) {
        if let (Some(agreed), Some(due)) = (self.raw.agreed, self.raw.due)
            && due < agreed
        {
            diags.push(
                self.fm
                    .error(
                        &[Seg::key("due")],
                        "the due date is before the date the commitment was agreed",
                    )
                    .found(format!("due {due}, agreed {agreed}"))
                    .expected(format!("a due date on or after {agreed}")),
            );
        }
    }

    /// Updates: known statuses, dates not after as_of nor before agreed,
    /// review dates not after as_of, reviews in order, each party once
    /// per review.
    fn check_updates(&self, diags: &mut Vec<Diagnostic>) {
        let mut previous: Option<Dated> = None;
        let mut review: Vec<Assessed> = Vec::new();
        for (i, u) in self.raw.updates.iter().enumerate() {
            let path = |k: &str| vec![Seg::key("updates"), Seg::Index(i), Seg::key(k)];
            if let Some(s) = &u.status {
                self.check_status(s, &path("status"), diags);
            }
            let Some(date) = u.date else { continue };
            self.check_update_date(date, &path("date"), diags);
            if let Some(review) = u.review {
                self.check_review_date(review, &path("review"), diags);
            }
            let key = u.review.unwrap_or(date);
            if previous.is_some_and(|p| p.review != key) {
                self.check_review(&review, diags);
                review.clear();
            }
            self.check_order(date, key, previous, i, diags);
            review.push(Assessed {
                index: i,
                by: u.assessed_by,
            });
            previous = Some(Dated { date, review: key });
        }
        self.check_review(&review, diags);
    }

    /// A `review:` date: not after `as_of`.
    fn check_review_date(&self, review: Date, path: &[Seg], diags: &mut Vec<Diagnostic>) {
        let as_of = self.config.as_of;
        if review > as_of {
            diags.push(
                self.fm
                    .error(path, "a review is dated after the portal's as-of date")
                    .found(review.to_string())
                    .expected(format!(
                        "the date of a review held on or before {as_of} (`as_of`, or the build date)"
                    )),
            );
        }
    }

    /// An update's date: not after `as_of`, not before `agreed`.
    fn check_update_date(&self, date: Date, path: &[Seg], diags: &mut Vec<Diagnostic>) {
        let fm = self.fm;
        let as_of = self.config.as_of;
        if date > as_of {
            diags.push(
                fm.error(path, "an update is dated after the portal's as-of date")
                    .found(date.to_string())
                    .expected(format!(
                        "a date on or before {as_of} (`as_of`, or the build date)"
                    )),
            );
        }
        if let Some(agreed) = self.raw.agreed
            && date < agreed
        {
            diags.push(
                fm.error(path, "an update is dated before the commitment was agreed")
                    .found(date.to_string())
                    .expected(format!("a date on or after {agreed} (`agreed`)")),
            );
        }
    }

    /// Update `i` (dated `date`, of the review dated `key`) after the one
    /// before it (`previous`: its date and its review's): reviews follow
    /// each other in time; dates never go back, and repeat only within a
    /// review.
    fn check_order(
        &self,
        date: Date,
        key: Date,
        previous: Option<Dated>,
        i: usize,
        diags: &mut Vec<Diagnostic>,
    ) {
        let Some(Dated {
            date: prev,
            review: prev_key,
        }) = previous
        else {
            return;
        };
        let path = |k: &str| [Seg::key("updates"), Seg::Index(i), Seg::key(k)];
        let named = self.raw.updates[i].review.is_some();
        let d = if key < prev_key && named {
            self.fm
                .error(&path("review"), "updates are out of order")
                .found(format!("a review of {key} after one of {prev_key}"))
                .expected(format!(
                    "a review later than {prev_key}: reviews are listed oldest first"
                ))
        } else if date < prev {
            self.fm
                .error(&path("date"), "updates are out of order")
                .found(format!("{date} after {prev}"))
                .expected(format!(
                    "a date later than {prev}: updates are listed oldest first, one per date"
                ))
        } else if key < prev_key || (date == prev && key != prev_key) {
            self.fm
                .error(&path("date"), "updates are out of order")
                .found(format!("{date}, for the review of {key}, after the review of {prev_key}"))
                .expected(format!("a date later than {prev}: one date per review"))
                .help("several parties' assessments of one review share its date, or name it with the same `review:`")
        } else {
            return;
        };
        diags.push(d);
    }

    /// One review's updates (index, assessor): when there are several,
    /// each says who assessed it, and each party assesses once.
    fn check_review(&self, review: &[Assessed], diags: &mut Vec<Diagnostic>) {
        if review.len() < 2 {
            return;
        }
        let date = self.review_label(review[0].index);
        if review.iter().all(|a| a.by.is_none()) {
            let path = [
                Seg::key("updates"),
                Seg::Index(review[1].index),
                Seg::key("date"),
            ];
            let d = self.fm.error(&path, "two updates share a date")
                .found(format!("{} updates for {date}, none saying who assessed it", review.len()))
                .expected(format!(
                    "a date later than {date}: updates are listed oldest first, one per date"
                ))
                .help("several parties' assessments of one review may share its date, each with `assessed_by:` (`police`, `community`, `joint` or `independent`)");
            diags.push(d);
            return;
        }
        self.check_assessors(review, &date, diags);
    }

    /// The assessors of one review of several updates (index, assessor,
    /// the review's date `date`): each named, none twice.
    fn check_assessors(&self, review: &[Assessed], date: &str, diags: &mut Vec<Diagnostic>) {
        for (n, &Assessed { index: i, by: who }) in review.iter().enumerate() {
            let path = [Seg::key("updates"), Seg::Index(i)];
            let Some(who) = who else {
                let d = self.fm.error(&path, "an update of a review with several assessments does not say who assessed it")
                    .found(format!("{} updates for the review of {date}, this one without `assessed_by:`", review.len()))
                    .expected("`assessed_by:` in each of them (`police`, `community`, `joint` or `independent`)".to_owned())
                    .help("two updates of one review must be assessments by different parties; if this is a later update, give it its own later date");
                diags.push(d);
                continue;
            };
            if let Some(j) = review[..n]
                .iter()
                .find(|a| a.by == Some(who))
                .map(|a| a.index)
            {
                let mut p = path.to_vec();
                p.push(Seg::key("assessed_by"));
                let d = self.fm.error(&p, "the same party assessed one review twice")
                    .found(format!("two updates for the review of {date} assessed by `{}` (updates {} and {})", who.as_str(), j + 1, i + 1))
                    .expected("one assessment per party and review".to_owned())
                    .help("if this is a later update, give it its own later date; if another party made it, correct `assessed_by:`");
                diags.push(d);
            }
        }
    }

    /// How an error names the review of update `i`: its date.
    fn review_label(&self, i: usize) -> String {
        let u = &self.raw.updates[i];
        u.review
            .or(u.date)
            .map(|d| d.to_string())
            .unwrap_or_default()
    }

    /// The update that gives the current status and progress: the last
    /// review's leading assessment ([`reviews::leading`]), and whether that
    /// review has several assessments.
    fn current(&self) -> Option<(&RawUpdate, bool)> {
        let last = *reviews::groups(&self.raw.updates).last()?;
        Some((reviews::leading(last)?, last.len() > 1))
    }

    /// How the errors name the update that gives the current status.
    fn current_name(&self) -> (&'static str, String) {
        match self.current() {
            Some((u, true)) => (
                "the last review",
                format!(
                    "the last review's {} assessment",
                    u.assessed_by.map_or("last listed", |a| a.as_str())
                ),
            ),
            _ => ("the last update", "the last update's".to_owned()),
        }
    }

    /// The current status: the current update's, which `status:` may
    /// repeat but not contradict.
    fn current_status(&self, diags: &mut Vec<Diagnostic>) -> Option<String> {
        let last = self.current().map(|(u, _)| u);
        match (last.and_then(|u| u.status.clone()), &self.raw.status) {
            // An unknown status was reported above; saying it also disagrees adds nothing.
            (Some(last_status), Some(fm_status))
                if last_status != *fm_status && self.status_ids.contains(&fm_status.as_str()) =>
            {
                let (what, whose) = self.current_name();
                diags.push(
                    self.fm
                        .error(&[Seg::key("status")], format!("the status disagrees with {what}"))
                        .found(format!(
                            "`status: {fm_status}`, while {what} says `status: {last_status}`"
                        ))
                        .expected(format!(
                            "`status: {last_status}` ({whose}), or no `status:` at all"
                        ))
                        .help(if self.current().is_some_and(|(_, several)| several) {
                            CURRENT_HELP
                        } else {
                            "when a commitment has updates, the last update's status is the current one"
                        }),
                );
                None
            }
            (Some(s), _) => Some(s),
            (None, s) => s.clone(),
        }
    }

    /// The current progress: the current update's, which `progress:` may
    /// repeat but not contradict.
    fn current_progress(&self, diags: &mut Vec<Diagnostic>) -> Option<u8> {
        let last = self.current().map(|(u, _)| u);
        match (last.and_then(|u| u.progress), self.raw.progress) {
            (Some(lp), Some(p)) if lp != p => {
                let (what, whose) = self.current_name();
                let mut d = self
                    .fm
                    .error(
                        &[Seg::key("progress")],
                        format!("the progress disagrees with {what}"),
                    )
                    .found(format!(
                        "`progress: {p}`, while {what} says `progress: {lp}`"
                    ))
                    .expected(format!(
                        "`progress: {lp}` ({whose}), or no `progress:` at all"
                    ));
                if self.current().is_some_and(|(_, several)| several) {
                    d = d.help(CURRENT_HELP);
                }
                diags.push(d);
                None
            }
            (Some(lp), _) => Some(lp),
            (None, p) => p,
        }
    }

    /// Every translated update is paired with one update of the original
    /// ([`pairing`]): an error for one that is paired with none, a warning
    /// for one paired by its place (the original's date was corrected).
    fn check_translated_updates(&self, trs: &[Translation], diags: &mut Vec<Diagnostic>) {
        for tr in trs {
            for (i, (tu, pair)) in tr.raw.updates.iter().zip(&tr.pairs).enumerate() {
                let Some(date) = tu.date else { continue };
                let d = match *pair {
                    Pair::ByDate(_) | Pair::Undated => continue,
                    Pair::ByPlace(o) => self.date_corrected(tr.fm, i, date, o),
                    Pair::Several(n) => self.several(tr.fm, i, date, n),
                    Pair::Unpaired => self.unpaired(tr, i, tu),
                };
                diags.push(d);
            }
        }
    }

    /// The warning for translated update `i` (dated `date`), paired by its
    /// place with the original's update `o`, whose date was corrected.
    fn date_corrected(&self, tfm: &FrontMatter, i: usize, date: Date, o: usize) -> Diagnostic {
        let now = self.raw.updates[o]
            .date
            .map(|d| d.to_string())
            .unwrap_or_default();
        let rel = &self.fm.rel;
        let mut d = tfm.error(
            &[Seg::key("updates"), Seg::Index(i), Seg::key("date")],
            format!("the original now says {now}: update the date here"),
        );
        d.severity = diag::Severity::Warning;
        d
        .found(format!(
            "{date}, a date no update in `{rel}` has any more; this note is shown with the update in the same place there, now dated {now}"
        ))
        .expected(format!("`date: {now}`, the date of that update in `{rel}`"))
        .help(format!(
            "the date was probably corrected in `{rel}`: write `date: {now}` here too. If this note translates another update, give it that update's date"
        ))
    }

    /// The error for translated update `i` (dated `date`, the date of `n`
    /// updates of the original) that names no assessor.
    fn several(&self, tfm: &FrontMatter, i: usize, date: Date, n: usize) -> Diagnostic {
        tfm.error(&[Seg::key("updates"), Seg::Index(i), Seg::key("date")], "this translated update could be any of several updates of the original")
            .found(format!("{date}, the date of {n} updates in `{}`", self.fm.rel))
            .expected(format!("`assessed_by:` beside `date:`, to say which: {}", self.assessors_of(date)))
            .help("several parties' assessments of one review share a date; a translation tells them apart by who assessed them")
    }

    /// The error for translated update `i` (`tu`), paired with no update.
    fn unpaired(&self, tr: &Translation, i: usize, tu: &RawUpdate) -> Diagnostic {
        let path = |k: &str| [Seg::key("updates"), Seg::Index(i), Seg::key(k)];
        let date = tu.date.unwrap_or_default();
        let message = "this translated update matches no update of the original";
        if let Some(who) = tu.assessed_by
            && self.raw.updates.iter().any(|u| u.date == Some(date))
        {
            return tr
                .fm
                .error(&path("assessed_by"), message)
                .found(format!("{date}, assessed by `{}`", who.as_str()))
                .expected(self.assessors_of(date));
        }
        let d = tr
            .fm
            .error(&path("date"), message)
            .found(date.to_string())
            .expected(self.original_update_dates());
        let free = self.untranslated(tr);
        if free.is_empty() {
            return d;
        }
        d.help(format!(
            "if the original's date was corrected, write its new date here; the updates of `{}` that no other update of this file translates are dated {}",
            self.fm.rel,
            free.join(", ")
        ))
    }

    /// The dates of the original's updates that no update of `tr` is
    /// paired with.
    fn untranslated(&self, tr: &Translation) -> Vec<String> {
        let paired: Vec<usize> = tr.pairs.iter().filter_map(|p| p.original()).collect();
        (0..self.raw.updates.len())
            .filter(|i| !paired.contains(i))
            .filter_map(|i| self.raw.updates[i].date)
            .map(|d| d.to_string())
            .collect()
    }

    /// Who assessed the original's updates of `date`.
    fn assessors_of(&self, date: Date) -> String {
        let names: Vec<&str> = self
            .raw
            .updates
            .iter()
            .filter(|u| u.date == Some(date))
            .filter_map(|u| u.assessed_by.map(|a| a.as_str()))
            .collect();
        format!(
            "{} (who assessed the updates of {date})",
            diag::one_of(&names)
        )
    }

    /// What a translated update's date should be: one of the original's.
    fn original_update_dates(&self) -> String {
        let (rel, updates) = (&self.fm.rel, &self.raw.updates);
        if updates.is_empty() {
            return format!("no updates: `{rel}` has none to translate");
        }
        let mut dates: Vec<String> = updates
            .iter()
            .filter_map(|u| u.date)
            .map(|d| d.to_string())
            .collect();
        dates.dedup();
        format!(
            "the date of one of the updates in `{rel}`: {}",
            dates.join(", ")
        )
    }

    /// A text field (`pick` takes it from a file) with its translations.
    fn text(
        &self,
        name: &str,
        pick: fn(&RawCommitment) -> Option<&RawText>,
        trs: &[Translation],
        diags: &mut Vec<Diagnostic>,
    ) -> Option<Text> {
        let translations = trs.iter().map(|tr| (tr.lang, pick(tr.raw)));
        merge(
            self.config,
            pick(self.raw),
            translations,
            self.fm,
            name,
            diags,
        )
    }

    /// The updates with a date and a status, each note with the notes of
    /// the translated updates paired with it.
    fn updates(&self, trs: &[Translation], diags: &mut Vec<Diagnostic>) -> Vec<Update> {
        let mut updates = Vec::new();
        for (i, u) in self.raw.updates.iter().enumerate() {
            let (Some(date), Some(status)) = (u.date, u.status.clone()) else {
                continue;
            };
            let tr_notes = trs.iter().map(|tr| {
                let at = tr.pairs.iter().position(|p| p.original() == Some(i));
                let tu = at.map(|t| &tr.raw.updates[t]);
                (tr.lang, tu.and_then(|tu| tu.note.as_ref()))
            });
            let what = format!("updates.{i}.note");
            let note = merge(
                self.config,
                u.note.as_ref(),
                tr_notes,
                self.fm,
                &what,
                diags,
            );
            updates.push(Update {
                date,
                review: u.review,
                status,
                progress: u.progress,
                note,
                assessed_by: u.assessed_by,
                sources: u.sources.clone(),
            });
        }
        updates
    }
}

/// An update's date and its review's (`review:`, else the same date).
#[derive(Clone, Copy)]
struct Dated {
    date: Date,
    review: Date,
}

/// An update of a review (its index in `updates`) and who assessed it.
#[derive(Clone, Copy)]
struct Assessed {
    index: usize,
    by: Option<Assessor>,
}

/// A translation of the commitment: its language, file and fields, and
/// the pair of each of its updates among the original's.
struct Translation<'g> {
    lang: &'g str,
    fm: &'g FrontMatter,
    raw: &'g RawCommitment,
    pairs: Vec<Pair>,
}

/// The translations of `group` whose fields are a commitment's, with their
/// updates paired with `original`'s.
fn translations<'g>(group: &'g Group, original: &RawCommitment) -> Vec<Translation<'g>> {
    group
        .translations
        .iter()
        .filter_map(|d| {
            let Fields::Commitment(raw) = &d.fields else {
                return None;
            };
            Some(Translation {
                lang: d.lang.as_deref()?,
                fm: &d.fm,
                raw,
                pairs: pairing::pair(&original.updates, &raw.updates),
            })
        })
        .collect()
}

/// An id (`what`: status or party) that site.yaml does not define, with the
/// ids it does and the nearest one.
fn unknown(fm: &FrontMatter, path: &[Seg], what: &str, id: &str, ids: &[&str]) -> Diagnostic {
    let mut d = fm
        .error(path, format!("unknown {what} `{id}`"))
        .found(format!("`{id}`"))
        .expected(diag::one_of(ids));
    if let Some(m) = diag::did_you_mean(id, ids.iter().copied()) {
        d = d.help(format!("did you mean `{m}`?"));
    }
    d
}
