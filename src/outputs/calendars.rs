//! Calendars of due dates and review sessions (iCalendar, the format is
//! `ical.rs`'s): the site's (`{lang}/calendar.ics`) and each locality's
//! (`{lang}/localities/{id}/calendar.ics`), in every language.
//!
//! **What they hold.** An all-day event on the due date of each *open*
//! commitment (its status neither `done` nor `closed` in site.yaml: the
//! rule overdue is judged by in `derive.rs`), saying its title, status,
//! progress, how long it is overdue and where it was agreed; and an event on
//! each locality's `next_review`. A locality's calendar holds its events;
//! the site's holds every locality's, the same events with the same bytes.
//!
//! **UIDs** are made of ids only, never of dates or positions, so an event
//! keeps its UID when its due date or title changes or commitments are
//! added, and a subscribed calendar updates it instead of adding a second:
//! `due/{locality}/{commitment}/{lang}@{host}` and
//! `review/{locality}/{lang}@{host}`, `host` being `base_url`'s. The
//! language is part of the UID because the same event reads differently in
//! each language: a reader subscribed to two languages' calendars would
//! otherwise see one language's text replaced by the other's, as calendar
//! programs keep one event per UID. The site's and a locality's calendar
//! in one language share their events' UIDs: they are the same event with
//! the same text, which a program that merges by UID rightly shows once.
//!
//! **Reuse.** A locality's events in one language are one block, made from
//! what the locality's calendar is fingerprinted by (the site-wide
//! fingerprint, the language, the locality's files and each of its
//! commitments' entries: its files and overdue span) and kept by a session
//! in `Memos::calendars`; the site's calendar is every block in locality
//! order. A rebuild after one edit makes the blocks of one locality again
//! (once per language: the locality's and the site's calendar share them),
//! and a session writes the site's calendars after the pages, in the
//! background, as it does the open data. A one-shot build keeps a
//! language's events only until its calendars are written (one run per
//! language), and streams the site's.

use super::{Build, Content, Output, Plan, Streamed};
use crate::diag::Diagnostic;
use crate::i18n::Arg;
use crate::ical::{self, Event};
use crate::memo::Fingerprint;
use crate::model::{Commitment, Locality, Site};
use crate::render::Renderer;
use crate::urls;
use std::ops::Range;
use std::sync::{Arc, Mutex, OnceLock};

pub(super) fn make(build: &Build) -> Box<dyn Output> {
    let languages = build.site.config.languages.len();
    let localities = build.site.localities.len();
    let files = (0..languages)
        .flat_map(|li| {
            std::iter::once((li, None)).chain((0..localities).map(move |i| (li, Some(i))))
        })
        .map(|(language, locality)| File { language, locality })
        .collect();
    Box::new(Calendars {
        files,
        host: uid_host(&build.site.config.base_url),
        made: (0..languages * localities)
            .map(|_| Mutex::new(None))
            .collect(),
        keys: OnceLock::new(),
    })
}

/// One calendar: a language, and a locality or the whole site.
struct File {
    language: usize,
    locality: Option<usize>,
}

struct Calendars {
    files: Vec<File>,
    /// The host UIDs end with (`base_url`'s).
    host: Arc<str>,
    /// Each locality's events per language (language-major), once found
    /// or made in this build: the locality's calendar and the site's share
    /// them. Emptied once a language's calendars are written.
    made: Arc<[Mutex<Option<Arc<str>>>]>,
    /// What each locality's events per language (as `made`) are made
    /// from: its calendar's fingerprint, and its block's key in the memo.
    /// Made once per build, when first planned.
    keys: OnceLock<Arc<[Fingerprint]>>,
}

/// The host of `base_url` (site.yaml checked it is an absolute URL).
fn uid_host(base_url: &str) -> Arc<str> {
    url::Url::parse(base_url)
        .ok()
        .and_then(|u| u.host_str().map(Arc::from))
        .unwrap_or_else(|| Arc::from("pledgeboard"))
}

/// Where the calendar `f` goes.
fn calendar_path(site: &Site, f: &File) -> String {
    let lang = &site.config.languages[f.language].code;
    match f.locality {
        None => urls::site_calendar(lang),
        Some(i) => urls::locality_calendar(lang, &site.localities[i].id),
    }
}

impl Output for Calendars {
    fn name(&self) -> &'static str {
        "calendars"
    }

    fn what(&self) -> &'static str {
        "a calendar"
    }

    fn paths(&self, build: &Build) -> Arc<Vec<String>> {
        let site = build.site;
        Arc::new(self.files.iter().map(|f| calendar_path(site, f)).collect())
    }

    fn plan(&self, build: &Build) -> Plan {
        let keys = self.keys(build);
        let localities = build.site.localities.len();
        self.files
            .iter()
            .map(|f| {
                let fingerprint = match f.locality {
                    Some(i) => keys[f.language * localities + i],
                    None => build.renderer.calendar_fingerprint(f.language, None),
                };
                (calendar_path(build.site, f), fingerprint)
            })
            .collect()
    }

    fn produce<'b>(&self, build: &'b Build, item: usize) -> Result<Content<'b>, Diagnostic> {
        let f = &self.files[item];
        let localities = build.site.localities.len();
        let first = f.language * localities;
        let writer = Writer {
            build,
            host: self.host.clone(),
            li: f.language,
            keys: Arc::clone(self.keys(build)),
            first,
        };
        let made = &self.made[first..][..localities];
        if let Some(i) = f.locality {
            let mut out = writer.head(Some(i));
            out.push_str(&writer.block(i, &made[i]));
            out.push_str(ical::END);
            return Ok(Content::Bytes(out.into_bytes()));
        }
        let head = writer.head(None);
        if !build.memos.keeps() {
            // A one-shot build: written as the events are found, without
            // a list of them all.
            let made = self.made.clone();
            return Ok(Content::Stream(Box::new(move |w| {
                w.write_all(head.as_bytes())?;
                for (i, slot) in made[first..][..localities].iter().enumerate() {
                    w.write_all(writer.block(i, slot).as_bytes())?;
                }
                w.write_all(ical::END.as_bytes())
            })));
        }
        let blocks = (0..localities).map(|i| writer.block(i, &made[i])).collect();
        Ok(Content::Owned(Arc::new(SiteCalendar { head, blocks })))
    }

    /// One run per language (the site's calendar and its localities'), so
    /// that the events made for it are dropped once it is written.
    fn runs(&self, planned: usize) -> Vec<Range<usize>> {
        let per_language = planned / self.languages().max(1);
        (0..self.languages())
            .map(|li| li * per_language..(li + 1) * per_language)
            .collect()
    }

    fn after_run(&self, build: &mut Build, run: usize) {
        let localities = build.site.localities.len();
        for slot in &self.made[run * localities..][..localities] {
            if let Ok(mut slot) = slot.lock() {
                slot.take();
            }
        }
    }
}

impl Calendars {
    /// Each locality's calendar fingerprint per language (see `keys`).
    fn keys(&self, build: &Build) -> &Arc<[Fingerprint]> {
        self.keys.get_or_init(|| {
            let localities = build.site.localities.len();
            let languages = build.site.config.languages.len();
            (0..languages * localities)
                .map(|n| {
                    (build.renderer).calendar_fingerprint(n / localities, Some(n % localities))
                })
                .collect()
        })
    }

    fn languages(&self) -> usize {
        self.files.iter().filter(|f| f.locality.is_none()).count()
    }
}

/// The site's calendar in one language, owning its pieces (a session may
/// write it after the build).
struct SiteCalendar {
    head: String,
    blocks: Vec<Arc<str>>,
}

impl Streamed for SiteCalendar {
    fn write_to(&self, w: &mut dyn std::io::Write) -> std::io::Result<()> {
        w.write_all(self.head.as_bytes())?;
        for block in &self.blocks {
            w.write_all(block.as_bytes())?;
        }
        w.write_all(ical::END.as_bytes())
    }
}

/// Writes the calendars of one language.
struct Writer<'b, 'a> {
    build: &'b Build<'a>,
    host: Arc<str>,
    li: usize,
    /// `Calendars::keys`, and where this language's start.
    keys: Arc<[Fingerprint]>,
    first: usize,
}

impl<'b, 'a> Writer<'b, 'a> {
    fn site(&self) -> &'a Site {
        self.build.site
    }

    fn renderer(&self) -> &'b Renderer<'a> {
        &self.build.renderer
    }

    fn lang(&self) -> &'a str {
        &self.site().config.languages[self.li].code
    }

    fn t(&self, key: &str, args: &[(&str, Arg)]) -> String {
        self.renderer().strings().get(self.lang(), key, args)
    }

    /// `text` in this language (the default language's when untranslated).
    fn text<'t>(&self, text: &'t crate::model::Text) -> &'t str {
        text.get(self.lang()).0
    }

    fn absolute(&self, path: &str) -> String {
        urls::absolute(&self.site().config.base_url, path)
    }

    /// The calendar's first lines: the site's (`None`) or locality `i`'s.
    fn head(&self, locality: Option<usize>) -> String {
        let site_title = self.text(&self.site().config.title).to_owned();
        let (name, page) = match locality {
            None => (
                self.t("calendar-site-name", &[("site", Arg::Str(site_title))]),
                urls::home(self.lang()),
            ),
            Some(i) => {
                let loc = &self.site().localities[i];
                let name = self.text(&loc.name).to_owned();
                (
                    self.t(
                        "calendar-locality-name",
                        &[("locality", Arg::Str(name)), ("site", Arg::Str(site_title))],
                    ),
                    urls::locality(self.lang(), &loc.id),
                )
            }
        };
        let mut out = String::with_capacity(512);
        ical::Calendar {
            name: &name,
            url: &self.absolute(&page),
        }
        .begin(&mut out);
        out
    }

    /// Locality `i`'s events: made once in this build (kept in `made`
    /// while its language is written), from the session's memo when it
    /// has them.
    fn block(&self, i: usize, made: &Mutex<Option<Arc<str>>>) -> Arc<str> {
        let make = || {
            let key = self.keys[self.first + i];
            self.build
                .memos
                .calendars
                .get_or_make(key, || Arc::from(self.make_block(i)))
        };
        match made.lock() {
            Ok(mut slot) => slot.get_or_insert_with(make).clone(),
            Err(_) => make(),
        }
    }

    /// Locality `i`'s events: its next review, then the due dates of its
    /// open commitments in id order.
    fn make_block(&self, i: usize) -> String {
        let loc = &self.site().localities[i];
        let mut out = String::new();
        if let Some(day) = loc.next_review {
            self.review(&mut out, loc, day);
        }
        for (ci, c) in loc.commitments.iter().enumerate() {
            if let Some(day) = c.due.filter(|_| self.is_open(c)) {
                let r = crate::model::CRef {
                    locality: i,
                    commitment: ci,
                };
                self.due(&mut out, loc, c, r, day);
            }
        }
        out
    }

    /// Whether `c` is still open: its status is neither done nor closed.
    fn is_open(&self, c: &Commitment) -> bool {
        let status = self.site().config.status(&c.status);
        !status.is_some_and(|s| s.done || s.closed)
    }

    /// The event of locality `loc`'s next review session.
    fn review(&self, out: &mut String, loc: &Locality, day: jiff::civil::Date) {
        let name = self.text(&loc.name);
        let url = self.absolute(&urls::locality(self.lang(), &loc.id));
        let summary = self.t("calendar-review", &[("locality", Arg::Str(name.into()))]);
        let mut description = self.t(
            "calendar-review-description",
            &[("locality", Arg::Str(name.into()))],
        );
        description.push('\n');
        description.push_str(&url);
        Event {
            uid: &format!("review/{}/{}@{}", loc.id, self.lang(), self.host),
            stamp: self.build.build_date,
            day,
            summary: &summary,
            description: &description,
            location: name,
            url: &url,
        }
        .write(out);
    }

    /// The event of commitment `c`'s due date.
    fn due(
        &self,
        out: &mut String,
        loc: &Locality,
        c: &Commitment,
        r: crate::model::CRef,
        day: jiff::civil::Date,
    ) {
        let name = self.text(&loc.name);
        let url = self.absolute(&urls::commitment(self.lang(), &loc.id, &c.id));
        let title = self.text(&c.title);
        let summary = self.t("calendar-due", &[("title", Arg::Str(title.into()))]);
        let description = self.due_description(c, r, name, &url);
        Event {
            uid: &format!("due/{}/{}/{}@{}", loc.id, c.id, self.lang(), self.host),
            stamp: self.build.build_date,
            day,
            summary: &summary,
            description: &description,
            location: name,
            url: &url,
        }
        .write(out);
    }

    /// What a due date's event says, a line each: status, progress and how
    /// long overdue; where it was agreed; its summary; its page.
    fn due_description(
        &self,
        c: &Commitment,
        r: crate::model::CRef,
        locality: &str,
        url: &str,
    ) -> String {
        let mut facts = vec![self.renderer().status_label(self.li, &c.status)];
        if let Some(p) = c.progress {
            let percent = self.t("percent", &[("value", Arg::Num(p.into()))]);
            facts.push(format!("{}: {percent}", self.t("progress", &[])));
        }
        if let Some(late) = self.build.derived.overdue_by(r) {
            let key = match late.unit {
                crate::derive::SpanUnit::Days => "overdue-by-days",
                crate::derive::SpanUnit::Months => "overdue-by-months",
                crate::derive::SpanUnit::Years => "overdue-by-years",
            };
            facts.push(self.t(key, &[("count", Arg::Num(late.count as f64))]));
        }
        let mut lines = vec![
            facts.join(" · "),
            self.t(
                "calendar-due-where",
                &[("locality", Arg::Str(locality.into()))],
            ),
        ];
        if let Some(summary) = &c.summary {
            lines.push(self.text(summary).to_owned());
        }
        lines.push(url.to_owned());
        lines.join("\n")
    }
}
