//! iCalendar (RFC 5545): the calendars' format, written here as the feeds'
//! XML is written in `feeds.rs`.
//!
//! Guarantees of everything written through this module:
//! - every line ends in CRLF;
//! - no line is longer than 75 octets: a longer content line is folded
//!   (CRLF and one space), never inside a UTF-8 character;
//! - TEXT values are escaped (backslash, semicolon, comma, newline) and
//!   carry no control character but tab (RFC 5545's `TSAFE-CHAR`);
//! - a calendar is one `VCALENDAR` (`VERSION:2.0`, `PRODID`,
//!   `CALSCALE:GREGORIAN`, `METHOD:PUBLISH`, its name as RFC 7986's `NAME`
//!   and the common `X-WR-CALNAME`) holding all-day `VEVENT`s: `DTSTART`
//!   is the day (`VALUE=DATE`), `DTEND` the day after, as the RFC asks of
//!   an event that lasts one whole day.
//!
//! What the events say, and their UIDs, is `outputs/calendars.rs`'s.

use jiff::civil::Date;
use std::fmt::Write;

/// The longest line, in octets, without its CRLF (RFC 5545 3.1).
pub(crate) const MAX_LINE: usize = 75;

/// The product that wrote the calendars (no version: the same content
/// gives the same bytes whichever pledgeboard built it).
const PRODID: &str = "-//pledgeboard//pledgeboard calendars//EN";

/// A calendar's own properties.
pub(crate) struct Calendar<'a> {
    /// Its name in the language of its events.
    pub name: &'a str,
    /// The page it belongs to (absolute).
    pub url: &'a str,
}

/// An event that lasts one whole day.
pub(crate) struct Event<'a> {
    /// Stable across builds: a calendar program that subscribed updates
    /// the event it has by this UID instead of adding a second one.
    pub uid: &'a str,
    /// When the calendar was made (the build date).
    pub stamp: Date,
    pub day: Date,
    pub summary: &'a str,
    pub description: &'a str,
    pub location: &'a str,
    /// The page the event is about (absolute).
    pub url: &'a str,
}

impl Calendar<'_> {
    /// Appends the calendar's first lines, up to its first event.
    pub(crate) fn begin(&self, out: &mut String) {
        line(out, "BEGIN", "VCALENDAR");
        line(out, "VERSION", "2.0");
        line(out, "PRODID", PRODID);
        line(out, "CALSCALE", "GREGORIAN");
        line(out, "METHOD", "PUBLISH");
        text(out, "NAME", self.name);
        text(out, "X-WR-CALNAME", self.name);
        line(out, "URL", self.url);
        // Subscribed calendars look again once a day.
        line(out, "REFRESH-INTERVAL;VALUE=DURATION", "P1D");
        line(out, "X-PUBLISHED-TTL", "P1D");
    }
}

/// A calendar's last line, after its events.
pub(crate) const END: &str = "END:VCALENDAR\r\n";

impl Event<'_> {
    /// Appends the event.
    pub(crate) fn write(&self, out: &mut String) {
        line(out, "BEGIN", "VEVENT");
        text(out, "UID", self.uid);
        line(out, "DTSTAMP", &format!("{}T000000Z", date(self.stamp)));
        line(out, "DTSTART;VALUE=DATE", &date(self.day));
        let after = self.day.tomorrow().unwrap_or(self.day);
        line(out, "DTEND;VALUE=DATE", &date(after));
        text(out, "SUMMARY", self.summary);
        text(out, "DESCRIPTION", self.description);
        text(out, "LOCATION", self.location);
        line(out, "URL", self.url);
        // A due date takes no time in anyone's day.
        line(out, "TRANSP", "TRANSPARENT");
        line(out, "END", "VEVENT");
    }
}

/// A date as iCalendar writes it: `20180131`.
pub(crate) fn date(d: Date) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

/// Appends the content line `name:value`, `value` written as it is
/// (a URI, a date, a keyword), folded.
fn line(out: &mut String, name: &str, value: &str) {
    let mut content = String::with_capacity(name.len() + 1 + value.len());
    let _ = write!(content, "{name}:{value}");
    fold(out, &content);
}

/// Appends the content line `name:value` with `value` a TEXT, escaped.
fn text(out: &mut String, name: &str, value: &str) {
    let mut content = String::with_capacity(name.len() + 1 + value.len() + 8);
    content.push_str(name);
    content.push(':');
    escape_text(&mut content, value);
    fold(out, &content);
}

/// Appends `value` escaped as an iCalendar TEXT: `\` `;` `,` and line
/// breaks escaped, other control characters (none but tab are allowed)
/// dropped.
pub(crate) fn escape_text(out: &mut String, value: &str) {
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                // CRLF is one line break; a lone CR too.
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
}

/// Appends the content line `content` with its CRLF, folded so that no line
/// is longer than [`MAX_LINE`] octets: each continuation line starts with
/// one space (which counts), and a break never falls inside a character.
pub(crate) fn fold(out: &mut String, content: &str) {
    let mut rest = content;
    let mut room = MAX_LINE;
    loop {
        if rest.len() <= room {
            out.push_str(rest);
            out.push_str("\r\n");
            return;
        }
        let mut cut = room;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        room = MAX_LINE - 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(content: &str) -> String {
        let mut out = String::new();
        fold(&mut out, content);
        out
    }

    fn unfold(s: &str) -> String {
        s.replace("\r\n ", "")
    }

    #[test]
    fn a_short_line_is_written_whole_with_crlf() {
        assert_eq!(folded("VERSION:2.0"), "VERSION:2.0\r\n");
        let exactly = "X".repeat(75);
        assert_eq!(folded(&exactly), format!("{exactly}\r\n"));
    }

    #[test]
    fn a_long_line_folds_at_75_octets_with_the_space_counted() {
        let long = "A".repeat(200);
        let out = folded(&long);
        let lines: Vec<&str> = out.split("\r\n").collect();
        assert_eq!(lines.last(), Some(&""), "ends with CRLF");
        let lines = &lines[..lines.len() - 1];
        assert_eq!(lines[0].len(), 75);
        assert_eq!(lines[1].len(), 75);
        assert!(lines[1].starts_with(' '));
        assert_eq!(lines[2], format!(" {}", "A".repeat(200 - 75 - 74)));
        assert_eq!(unfold(&out), format!("{long}\r\n"));
    }

    #[test]
    fn folding_never_splits_a_character() {
        // Arabic letters are 2 octets, Devanagari 3, an emoji 4: with a
        // prefix of 1 to 4 octets, every cut position is met.
        for text in ["سوق الإنارة العامة ", "प्रहरी र समुदाय ", "🙂é"]
        {
            for prefix in 1..=4 {
                let content = format!("{}{}", "S".repeat(prefix), text.repeat(20));
                let out = folded(&content);
                for l in out.split("\r\n") {
                    assert!(l.len() <= MAX_LINE, "{} octets: {l}", l.len());
                }
                // Each line is whole UTF-8 (a &str split): unfolding gives
                // back the content.
                assert_eq!(unfold(&out), format!("{content}\r\n"));
            }
        }
    }

    #[test]
    fn text_escapes_backslash_semicolon_comma_and_line_breaks() {
        let mut out = String::new();
        escape_text(&mut out, "a,b;c\\d\ne\r\nf\rg");
        assert_eq!(out, "a\\,b\\;c\\\\d\\ne\\nf\\ng");
    }

    #[test]
    fn text_drops_control_characters_but_keeps_tab_and_colons() {
        let mut out = String::new();
        escape_text(&mut out, "a\u{1b}[31mb\tc: d\u{7f}");
        assert_eq!(out, "a[31mb\tc: d");
    }

    #[test]
    fn an_event_is_all_day_with_the_day_after_as_its_end() {
        let mut out = String::new();
        Event {
            uid: "due/saaba/x/en@example.org",
            stamp: jiff::civil::date(2026, 1, 1),
            day: jiff::civil::date(2024, 12, 31),
            summary: "Due: patrols, lights; more",
            description: "In progress",
            location: "Saaba",
            url: "https://example.org/en/localities/saaba/x/",
        }
        .write(&mut out);
        assert!(out.contains("\r\nDTSTAMP:20260101T000000Z\r\n"), "{out}");
        assert!(out.contains("\r\nDTSTART;VALUE=DATE:20241231\r\n"), "{out}");
        assert!(out.contains("\r\nDTEND;VALUE=DATE:20250101\r\n"), "{out}");
        assert!(out.contains("\r\nSUMMARY:Due: patrols\\, lights\\; more\r\n"));
        assert!(out.starts_with("BEGIN:VEVENT\r\n") && out.ends_with("END:VEVENT\r\n"));
    }
}
