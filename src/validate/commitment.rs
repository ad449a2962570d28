//! Commitments: the rules of one commitment file (status and party ids,
//! dates, updates, the current status and progress) and of its translations
//! (updates matched by date), and the [`Commitment`] assembled from them.

use super::Checked;
use super::groups::{Group, body, fingerprint, translations_of};
use super::texts::merge;
use crate::diag::{self, Diagnostic};
use crate::memo::{Fingerprint, Fingerprinter, Memo};
use crate::model::{Commitment, Config, Text, Update};
use crate::parse::{DocKind, Fields, FrontMatter, RawCommitment, RawText};
use crate::yaml::Seg;
use jiff::civil::Date;
use rayon::prelude::*;
use std::sync::Arc;

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
    rules.check_ids(diags);
    rules.check_due(diags);
    rules.check_updates(diags);
    let status = rules.current_status(diags);
    let progress = rules.current_progress(diags);

    // Translations: text fields, and update notes matched by date.
    let trs: Vec<(&str, &RawCommitment)> = translations_of(group, |f| match f {
        Fields::Commitment(c) => Some(c.as_ref()),
        _ => None,
    });
    rules.check_translated_updates(group, diags);
    let title = rules.text("title", |c| c.title.as_ref(), &trs, diags);
    let summary = rules.text("summary", |c| c.summary.as_ref(), &trs, diags);
    let responsible = rules.text("responsible", |c| c.responsible.as_ref(), &trs, diags);
    let updates = rules.updates(&trs, diags);

    if diags.len() > before {
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
        source: fm.rel.clone(),
        fingerprint: fingerprint(group),
    })
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

    /// The status and the parties are defined in site.yaml.
    fn check_ids(&self, diags: &mut Vec<Diagnostic>) {
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

    /// Updates: known statuses, dates in order, not after as_of nor before agreed.
    fn check_updates(&self, diags: &mut Vec<Diagnostic>) {
        let mut previous: Option<Date> = None;
        for (i, u) in self.raw.updates.iter().enumerate() {
            let path = |k: &str| vec![Seg::key("updates"), Seg::Index(i), Seg::key(k)];
            if let Some(s) = &u.status {
                self.check_status(s, &path("status"), diags);
            }
            let Some(date) = u.date else { continue };
            self.check_update_date(date, previous, &path("date"), diags);
            previous = Some(date);
        }
    }

    /// An update's date: not after `as_of`, not before `agreed`, after the
    /// previous update's.
    fn check_update_date(
        &self,
        date: Date,
        previous: Option<Date>,
        path: &[Seg],
        diags: &mut Vec<Diagnostic>,
    ) {
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
        if let Some(prev) = previous
            && date <= prev
        {
            diags.push(
                fm.error(path, "updates are out of order")
                    .found(format!("{date} after {prev}"))
                    .expected(format!(
                        "a date later than {prev}: updates are listed oldest first, one per date"
                    )),
            );
        }
    }

    /// The current status: the last update's, which `status:` may repeat
    /// but not contradict.
    fn current_status(&self, diags: &mut Vec<Diagnostic>) -> Option<String> {
        let last = self.raw.updates.last();
        match (last.and_then(|u| u.status.clone()), &self.raw.status) {
            // An unknown status was reported above; saying it also disagrees adds nothing.
            (Some(last_status), Some(fm_status))
                if last_status != *fm_status && self.status_ids.contains(&fm_status.as_str()) =>
            {
                diags.push(
                    self.fm
                        .error(&[Seg::key("status")], "the status disagrees with the last update")
                        .found(format!(
                            "`status: {fm_status}`, while the last update says `status: {last_status}`"
                        ))
                        .expected(format!(
                            "`status: {last_status}` (the last update's), or no `status:` at all"
                        ))
                        .help("when a commitment has updates, the last update's status is the current one"),
                );
                None
            }
            (Some(s), _) => Some(s),
            (None, s) => s.clone(),
        }
    }

    /// The current progress: the last update's, which `progress:` may
    /// repeat but not contradict.
    fn current_progress(&self, diags: &mut Vec<Diagnostic>) -> Option<u8> {
        let last = self.raw.updates.last();
        match (last.and_then(|u| u.progress), self.raw.progress) {
            (Some(lp), Some(p)) if lp != p => {
                diags.push(
                    self.fm
                        .error(
                            &[Seg::key("progress")],
                            "the progress disagrees with the last update",
                        )
                        .found(format!(
                            "`progress: {p}`, while the last update says `progress: {lp}`"
                        ))
                        .expected(format!(
                            "`progress: {lp}` (the last update's), or no `progress:` at all"
                        )),
                );
                None
            }
            (Some(lp), _) => Some(lp),
            (None, p) => p,
        }
    }

    /// Every translated update matches an update of the original by date.
    fn check_translated_updates(&self, group: &Group, diags: &mut Vec<Diagnostic>) {
        let raw = self.raw;
        for tdoc in &group.translations {
            let (Some(_), Fields::Commitment(t)) = (&tdoc.lang, &tdoc.fields) else {
                continue;
            };
            for (i, tu) in t.updates.iter().enumerate() {
                if let Some(date) = tu.date
                    && !raw.updates.iter().any(|u| u.date == Some(date))
                {
                    diags.push(
                        tdoc.fm
                            .error(
                                &[Seg::key("updates"), Seg::Index(i), Seg::key("date")],
                                "this translated update matches no update of the original",
                            )
                            .found(date.to_string())
                            .expected(self.original_update_dates()),
                    );
                }
            }
        }
    }

    /// What a translated update's date should be: one of the original's.
    fn original_update_dates(&self) -> String {
        let (rel, updates) = (&self.fm.rel, &self.raw.updates);
        if updates.is_empty() {
            return format!("no updates: `{rel}` has none to translate");
        }
        let dates: Vec<String> = updates
            .iter()
            .filter_map(|u| u.date)
            .map(|d| d.to_string())
            .collect();
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
        trs: &[(&str, &RawCommitment)],
        diags: &mut Vec<Diagnostic>,
    ) -> Option<Text> {
        let translations = trs.iter().map(|(l, t)| (*l, pick(t)));
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
    /// the translated updates of the same date.
    fn updates(&self, trs: &[(&str, &RawCommitment)], diags: &mut Vec<Diagnostic>) -> Vec<Update> {
        let mut updates = Vec::new();
        for (i, u) in self.raw.updates.iter().enumerate() {
            let (Some(date), Some(status)) = (u.date, u.status.clone()) else {
                continue;
            };
            let tr_notes = trs.iter().map(|(lang, t)| {
                let tu = t.updates.iter().find(|tu| tu.date == Some(date));
                (*lang, tu.and_then(|tu| tu.note.as_ref()))
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
