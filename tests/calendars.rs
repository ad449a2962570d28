//! The calendars (iCalendar, RFC 5545): read back with a real iCalendar
//! parser (the `icalendar` crate), they hold an event for each open
//! commitment's due date and each locality's next review, in the page's
//! language, with UIDs that survive rebuilds; the files are CRLF, folded
//! at 75 octets without splitting a character, and escape TEXT values.

mod common;
use common::*;
use icalendar::{Calendar, Component, DatePerhapsTime, Event, EventLike};
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

/// A calendar file of the output, read and parsed.
fn parse(path: &Path) -> Calendar {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.parse::<Calendar>()
        .unwrap_or_else(|e| panic!("{} does not parse: {e}", path.display()))
}

fn events(cal: &Calendar) -> Vec<&Event> {
    cal.events().collect()
}

/// The day of an all-day event's start, or of its end, as `YYYY-MM-DD`.
fn day(d: Option<DatePerhapsTime>) -> String {
    match d {
        Some(DatePerhapsTime::Date(d)) => d.to_string(),
        other => panic!("not an all-day date: {other:?}"),
    }
}

/// A commitment of the demo, from its open data.
struct Expected {
    key: String,
    locality: String,
    due: Option<String>,
    status: String,
    title: BTreeMap<String, String>,
    url: BTreeMap<String, String>,
}

fn demo_commitments(out: &Path) -> Vec<Expected> {
    let json = fs::read_to_string(out.join("data/commitments.json")).unwrap();
    let records: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
    let map = |v: &serde_json::Value| -> BTreeMap<String, String> {
        v.as_object()
            .unwrap()
            .iter()
            .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_owned()))
            .collect()
    };
    records
        .iter()
        .map(|r| Expected {
            key: r["key"].as_str().unwrap().to_owned(),
            locality: r["locality"].as_str().unwrap().to_owned(),
            due: r["due"].as_str().map(str::to_owned),
            status: r["status"].as_str().unwrap().to_owned(),
            title: map(&r["title"]),
            url: map(&r["url"]),
        })
        .collect()
}

/// The demo's localities with their `next_review`, from their files.
fn demo_reviews() -> BTreeMap<String, Option<String>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("content/localities");
    fs::read_dir(&dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let text = fs::read_to_string(e.path().join("_index.md")).unwrap();
            let review = text
                .lines()
                .find_map(|l| l.strip_prefix("next_review:"))
                .map(|d| d.trim().to_owned());
            (e.file_name().to_string_lossy().into_owned(), review)
        })
        .collect()
}

/// The demo uses the default statuses: `completed` is done,
/// `not-completed` and `withdrawn` are closed (README).
fn is_open(status: &str) -> bool {
    !["completed", "not-completed", "withdrawn"].contains(&status)
}

const DEMO_LANGUAGES: [&str; 4] = ["en", "fr", "ar", "ne"];

/// Checks the events of one calendar in `lang` against the demo's content
/// for `localities`.
fn check_calendar(
    cal: &Calendar,
    lang: &str,
    localities: &[&String],
    commitments: &[Expected],
    reviews: &BTreeMap<String, Option<String>>,
) {
    let evs = events(cal);
    let mut expected = 0;
    for c in commitments
        .iter()
        .filter(|c| localities.contains(&&c.locality))
    {
        let url = &c.url[lang];
        let found: Vec<&&Event> = evs.iter().filter(|e| e.get_url() == Some(url)).collect();
        match (&c.due, is_open(&c.status)) {
            (Some(due), true) => {
                expected += 1;
                assert_eq!(found.len(), 1, "{lang} {}: one event", c.key);
                let e = found[0];
                assert_eq!(&day(e.get_start()), due, "{lang} {}", c.key);
                let title = c.title.get(lang).unwrap_or(&c.title["en"]);
                let summary = e.get_summary().unwrap();
                assert!(summary.contains(title.as_str()), "{lang}: {summary}");
                assert!(e.get_uid().unwrap().contains(&c.key), "{:?}", e.get_uid());
            }
            _ => assert!(found.is_empty(), "{lang} {}: closed or no due date", c.key),
        }
    }
    for id in localities {
        let Some(review) = &reviews[*id] else {
            continue;
        };
        expected += 1;
        let found: Vec<&&Event> = evs
            .iter()
            .filter(|e| e.get_uid().unwrap().starts_with(&format!("review/{id}/")))
            .collect();
        assert_eq!(found.len(), 1, "{lang} {id}: one review event");
        assert_eq!(&day(found[0].get_start()), review);
        assert!(
            found[0]
                .get_url()
                .unwrap()
                .ends_with(&format!("/{lang}/localities/{id}/"))
        );
    }
    assert_eq!(evs.len(), expected, "{lang}: no other event");
    for e in &evs {
        // All-day: the day after is its end; stamped with the build date.
        let start = day(e.get_start());
        let end = day(e.get_end());
        assert!(end > start, "{start} {end}");
        assert_eq!(e.property_value("DTSTAMP"), Some("20260101T000000Z"));
        assert!(e.get_location().is_some_and(|l| !l.is_empty()));
    }
}

#[test]
fn every_calendar_of_the_demo_holds_the_open_due_dates_and_next_reviews() {
    let (_tmp, out) = build_demo();
    let commitments = demo_commitments(&out);
    let reviews = demo_reviews();
    let all: Vec<&String> = reviews.keys().collect();
    // The demo has both kinds, so that the test means something.
    assert!(
        commitments
            .iter()
            .any(|c| c.due.is_some() && is_open(&c.status))
    );
    assert!(
        commitments
            .iter()
            .any(|c| c.due.is_some() && !is_open(&c.status))
    );
    assert!(reviews.values().any(Option::is_some));
    for lang in DEMO_LANGUAGES {
        let site = parse(&out.join(format!("{lang}/calendar.ics")));
        assert_eq!(site.property_value("VERSION"), Some("2.0"));
        assert_eq!(site.property_value("METHOD"), Some("PUBLISH"));
        assert!(site.get_name().is_some_and(|n| !n.is_empty()));
        check_calendar(&site, lang, &all, &commitments, &reviews);
        for id in &all {
            let path = out.join(format!("{lang}/localities/{id}/calendar.ics"));
            check_calendar(&parse(&path), lang, &[id], &commitments, &reviews);
        }
    }
    // In the page's language: a French summary says « Échéance ».
    let fr = parse(&out.join("fr/calendar.ics"));
    assert!(
        events(&fr)
            .iter()
            .all(|e| e.get_summary().unwrap().starts_with("Échéance")
                || e.get_summary().unwrap().starts_with("Séance d'examen"))
    );
    let ne = fs::read_to_string(out.join("ne/localities/banke/calendar.ics")).unwrap();
    assert!(ne.contains("म्याद"), "{ne}");
}

/// Every line of `text` ends in CRLF and is at most 75 octets of whole
/// UTF-8 characters.
fn assert_folded(name: &str, bytes: &[u8]) {
    assert!(bytes.ends_with(b"\r\n"), "{name}: ends with CRLF");
    let body = &bytes[..bytes.len() - 1];
    for (n, line) in body.split(|b| *b == b'\n').enumerate() {
        let line = line
            .strip_suffix(b"\r")
            .unwrap_or_else(|| panic!("{name}:{}: a line ending without CR", n + 1));
        assert!(!line.contains(&b'\r'), "{name}:{}: a lone CR", n + 1);
        assert!(line.len() <= 75, "{name}:{}: {} octets", n + 1, line.len());
        assert!(
            std::str::from_utf8(line).is_ok(),
            "{name}:{}: a character split by folding",
            n + 1
        );
    }
}

#[test]
fn every_calendar_of_the_demo_is_crlf_and_folded_at_75_octets() {
    let (_tmp, out) = build_demo();
    let mut count = 0;
    let mut folded = 0;
    for lang in DEMO_LANGUAGES {
        let mut files = vec![out.join(format!("{lang}/calendar.ics"))];
        for e in fs::read_dir(out.join(format!("{lang}/localities"))).unwrap() {
            let p = e.unwrap().path().join("calendar.ics");
            if p.exists() {
                files.push(p);
            }
        }
        for f in files {
            let bytes = fs::read(&f).unwrap();
            assert_folded(&f.display().to_string(), &bytes);
            folded += bytes.windows(3).filter(|w| w == b"\r\n ").count();
            count += 1;
        }
    }
    assert_eq!(
        count,
        4 * 8,
        "a site calendar and 7 localities' per language"
    );
    assert!(folded > 0, "long lines were folded");
}

/// A site whose commitment titles test escaping and folding.
fn tricky_site() -> TestSite {
    let s = TestSite::minimal();
    s.file(
        "localities/saaba/lights.md",
        "---\ntitle: \"Lights, roads; and a back\\\\slash\\nthen a second line\"\npledged_by: [police]\nagreed: 2017-05-20\ndue: 2025-03-31\nstatus: not-started\n---\n",
    );
    s.file(
        "localities/saaba/lights.ar.md",
        "---\ntitle: إنارة الطريق بين السوق ومحطة الحافلات بمصابيح تعمل بالطاقة الشمسية، وصيانتها كل شهر\n---\n",
    );
    s
}

#[test]
fn a_title_with_comma_semicolon_backslash_and_newline_reads_back_exactly() {
    let site = tricky_site();
    site.build_ok();
    let path = site.out().join("en/localities/saaba/calendar.ics");
    let text = fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("Lights\\, roads\\; and a back\\\\slash\\nthen"),
        "escaped as RFC 5545 says:\n{text}"
    );
    let cal = parse(&path);
    let lights = events(&cal)
        .into_iter()
        .find(|e| e.get_uid().unwrap().starts_with("due/saaba/lights/"))
        .expect("the event");
    assert_eq!(
        lights.get_summary(),
        Some("Due: Lights, roads; and a back\\slash\nthen a second line")
    );
    assert_eq!(day(lights.get_start()), "2025-03-31");
    assert_eq!(day(lights.get_end()), "2025-04-01");
    assert_eq!(lights.get_location(), Some("Saaba"));
}

#[test]
fn arabic_and_devanagari_text_folds_on_character_boundaries() {
    let site = tricky_site();
    site.file(
        "site.yaml",
        &SITE_YAML.replace(
            "  - { code: ar, name: العربية }\n",
            "  - { code: ar, name: العربية }\n  - { code: ne, name: नेपाली }\n",
        ),
    );
    site.file(
        "localities/saaba/lights.ne.md",
        "---\ntitle: बजारदेखि बसपार्कसम्मको सडकमा सौर्य बत्ती जडान र हरेक महिना मर्मतसम्भार\n---\n",
    );
    site.build_ok();
    for (lang, title) in [
        (
            "ar",
            "إنارة الطريق بين السوق ومحطة الحافلات بمصابيح تعمل بالطاقة الشمسية، وصيانتها كل شهر",
        ),
        (
            "ne",
            "बजारदेखि बसपार्कसम्मको सडकमा सौर्य बत्ती जडान र हरेक महिना मर्मतसम्भार",
        ),
    ] {
        let path = site.out().join(format!("{lang}/calendar.ics"));
        let bytes = fs::read(&path).unwrap();
        assert_folded(lang, &bytes);
        let text = String::from_utf8(bytes).unwrap();
        let lines: Vec<&str> = text.split("\r\n").collect();
        let first_word = title.split(' ').next().unwrap();
        let at = lines
            .iter()
            .position(|l| l.starts_with("SUMMARY:") && l.contains(first_word))
            .unwrap();
        assert!(
            lines[at + 1].starts_with(' '),
            "{lang}: the summary is long enough to fold: {}",
            lines[at]
        );
        let cal = parse(&path);
        let summary = events(&cal)
            .into_iter()
            .find(|e| e.get_uid().unwrap().starts_with("due/saaba/lights/"))
            .and_then(|e| e.get_summary().map(str::to_owned))
            .unwrap();
        assert!(summary.ends_with(title), "{lang}: {summary}");
    }
}

/// Each event's URL with its UID, in a calendar of the output.
fn uids(out: &Path, rel: &str) -> BTreeMap<String, String> {
    let cal = parse(&out.join(rel));
    events(&cal)
        .iter()
        .map(|e| {
            (
                format!("{} {}", e.get_url().unwrap(), e.get_summary().unwrap()),
                e.get_uid().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn uids_stay_the_same_after_an_unrelated_edit_and_a_moved_date() {
    let site = TestSite::minimal();
    site.file(
        "localities/saaba/_index.md",
        "---\nname: Saaba\ncountry: BF\nnext_review: 2024-09-15\n---\nA town.\n",
    );
    site.file("localities/saaba/lights.md", "---\ntitle: Street lights\npledged_by: [police]\nagreed: 2017-05-20\ndue: 2025-03-31\nstatus: not-started\n---\n");
    site.build_ok();
    let before = uids(&site.out(), "en/calendar.ics");
    assert_eq!(before.len(), 3, "{before:?}");
    // A commitment added before the others (by id), an unrelated title
    // edited, the review moved: no UID changes.
    site.file("localities/saaba/aaa-first.md", "---\ntitle: A first one\npledged_by: [police]\nagreed: 2017-05-20\ndue: 2025-01-31\nstatus: not-started\n---\n");
    site.file(
        "localities/saaba/lights.md",
        "---\ntitle: Street lights\npledged_by: [police]\nagreed: 2017-05-20\ndue: 2025-06-30\nstatus: not-started\n---\n",
    );
    site.file(
        "localities/saaba/_index.md",
        "---\nname: Saaba\ncountry: BF\nnext_review: 2024-10-01\n---\nA town.\n",
    );
    site.build_ok();
    let after = uids(&site.out(), "en/calendar.ics");
    assert_eq!(after.len(), 4, "{after:?}");
    for (event, uid) in &before {
        assert_eq!(after.get(event), Some(uid), "{event}");
    }
    // Unique within a calendar, and per language.
    let fr = uids(&site.out(), "fr/calendar.ics");
    let mut all: Vec<&String> = after.values().chain(fr.values()).collect();
    all.sort();
    all.dedup();
    assert_eq!(all.len(), 8);
}

/// Where `href`, a relative link on the page at `page` (a path of the
/// output), leads.
fn resolve(page: &str, href: &str) -> String {
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    for seg in href.split('/') {
        match seg {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            s => parts.push(s),
        }
    }
    parts.join("/")
}

/// The calendar links of a page: those in `<head>`, those a reader sees
/// (with their text), as output paths.
fn calendar_links(out: &Path, page: &str) -> (Vec<String>, Vec<(String, String)>) {
    let html = Page::parse(&fs::read_to_string(out.join(page)).unwrap());
    let head = html
        .select("head link[rel=alternate][type='text/calendar']")
        .iter()
        .map(|l| {
            assert!(l.value().attr("title").is_some_and(|t| !t.is_empty()));
            resolve(page, l.value().attr("href").unwrap())
        })
        .collect();
    let visible = html
        .select("body a[href$='calendar.ics']")
        .iter()
        .map(|a| {
            let text = a.text().collect::<String>();
            (resolve(page, a.value().attr("href").unwrap()), text)
        })
        .collect();
    (head, visible)
}

#[test]
fn the_home_and_locality_pages_link_their_calendars_in_words_of_the_language() {
    let (_tmp, out) = build_demo();
    for (lang, site_words, locality_words) in [
        ("en", "Add the due dates", "Add this locality's due dates"),
        (
            "fr",
            "Ajouter les échéances",
            "de cette localité à votre agenda",
        ),
        ("ar", "أضف المواعيد النهائية", "لهذه المنطقة إلى تقويمك"),
        ("ne", "पात्रोमा थप्नुहोस्", "यस क्षेत्रका म्याद"),
    ] {
        let site_cal = format!("{lang}/calendar.ics");
        let saaba_cal = format!("{lang}/localities/saaba/calendar.ics");
        // The home: its head and its footer link the site's calendar.
        let (head, visible) = calendar_links(&out, &format!("{lang}/index.html"));
        assert_eq!(head, std::slice::from_ref(&site_cal), "{lang} home head");
        assert!(
            visible
                .iter()
                .any(|(to, text)| *to == site_cal && text.contains(site_words)),
            "{lang} home: {visible:?}"
        );
        // A locality: its head, its page and its footer link its own
        // calendar (as they do its own feed).
        let (head, visible) = calendar_links(&out, &format!("{lang}/localities/saaba/index.html"));
        assert_eq!(
            head,
            std::slice::from_ref(&saaba_cal),
            "{lang} locality head"
        );
        assert!(
            visible
                .iter()
                .any(|(to, text)| *to == saaba_cal && text.contains(locality_words)),
            "{lang} locality: {visible:?}"
        );
        assert!(
            visible.iter().all(|(to, _)| *to == saaba_cal),
            "{visible:?}"
        );
        // Any other page: the footer's link to the site's calendar only.
        let page = format!("{lang}/localities/saaba/joint-night-patrols/index.html");
        let (head, visible) = calendar_links(&out, &page);
        assert!(head.is_empty(), "{lang}: {head:?}");
        assert_eq!(
            visible
                .iter()
                .map(|(to, _)| to.as_str())
                .collect::<Vec<_>>(),
            [site_cal.as_str()]
        );
        for to in [&site_cal, &saaba_cal] {
            assert!(out.join(to).is_file(), "{to}");
        }
    }
}

#[test]
fn open_is_judged_by_the_statuses_of_site_yaml() {
    // A site of its own statuses: `kept` is done and `dropped` closed;
    // `completed` is an ordinary, open status here.
    let site = TestSite::minimal();
    site.file(
        "site.yaml",
        &format!(
            "{SITE_YAML}statuses:\n  - {{ id: planned, label: {{ en: Planned }} }}\n  - {{ id: completed, label: {{ en: Said completed }} }}\n  - {{ id: kept, label: {{ en: Kept }}, done: true }}\n  - {{ id: dropped, label: {{ en: Dropped }}, closed: true }}\n"
        ),
    );
    let commitment = |status: &str| {
        format!(
            "---\ntitle: Pledge {status}\npledged_by: [police]\nagreed: 2017-05-20\ndue: 2025-03-31\nstatus: {status}\n---\n"
        )
    };
    site.file("localities/saaba/joint-patrols.md", &commitment("planned"));
    for status in ["completed", "kept", "dropped"] {
        site.file(
            &format!("localities/saaba/{status}.md"),
            &commitment(status),
        );
    }
    site.build_ok();
    let cal = parse(&site.out().join("en/calendar.ics"));
    let mut summaries: Vec<&str> = events(&cal)
        .iter()
        .map(|e| e.get_summary().unwrap())
        .collect();
    summaries.sort();
    assert_eq!(summaries, ["Due: Pledge completed", "Due: Pledge planned"]);
    let said = events(&cal)
        .into_iter()
        .find(|e| e.get_summary() == Some("Due: Pledge completed"))
        .unwrap();
    assert!(
        said.get_description()
            .unwrap()
            .starts_with("Said completed")
    );
}
