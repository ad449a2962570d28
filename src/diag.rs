//! Diagnostics: what went wrong, where, what was found and what was expected.
//!
//! Every stage reports problems as [`Diagnostic`]s instead of stopping at the first
//! one, so that a build lists all problems of a site directory in one run. A
//! diagnostic names the file relative to the site directory, with a 1-based line
//! and column, and carries the offending source line so it can be shown under
//! the message (also in the `serve` overlay).
//!
//! Text from content and file names reaches the terminal only through
//! [`escape_controls`]: a control character (C0 but tab and line feed where
//! they are layout, DEL, C1) is shown as Rust writes it, `\u{1b}`, so that
//! a file cannot retitle, recolour or clear the terminal of whoever builds.

use std::borrow::Cow;
use std::fmt;

/// How bad a diagnostic is: errors fail the build, warnings are printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One problem found in the site directory.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Path relative to the site directory, with `/` separators.
    pub file: String,
    /// 1-based line; 0 when the problem concerns the whole file.
    pub line: usize,
    /// 1-based column, counted in characters; 0 when unknown.
    pub column: usize,
    pub message: String,
    pub found: Option<String>,
    pub expected: Option<String>,
    pub help: Option<String>,
    /// The source line the problem is on, shown under the message.
    pub source_line: Option<String>,
}

impl Diagnostic {
    pub fn error(file: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: file.into(),
            line: 0,
            column: 0,
            message: message.into(),
            found: None,
            expected: None,
            help: None,
            source_line: None,
        }
    }

    pub fn warning(file: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(file, message)
        }
    }

    /// Places the diagnostic at `line`:`column` of `text` (the whole file's text).
    pub fn at(mut self, text: &str, line: usize, column: usize) -> Self {
        self.line = line;
        self.column = column;
        self.source_line = line
            .checked_sub(1)
            .and_then(|i| text.lines().nth(i))
            .map(str::to_owned);
        self
    }

    pub fn found(mut self, found: impl Into<String>) -> Self {
        self.found = Some(found.into());
        self
    }

    pub fn expected(mut self, expected: impl Into<String>) -> Self {
        self.expected = Some(expected.into());
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    fn sort_key(&self) -> (&str, usize, usize, Severity, &str) {
        (
            &self.file,
            self.line,
            self.column,
            self.severity,
            &self.message,
        )
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}", self.heading())?;
        if let Some(src) = &self.source_line {
            self.fmt_source_line(f, src)?;
        }
        for (label, text) in self.parts() {
            writeln!(f, "  {label}: {text}")?;
        }
        Ok(())
    }
}

impl Diagnostic {
    /// The first line of the text form, escaped: `error: FILE:LINE:COLUMN: MESSAGE`.
    pub fn heading(&self) -> String {
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut out = format!("{kind}: {}", escape_controls(&self.file, Keep::Nothing));
        if self.line > 0 {
            out.push_str(&format!(":{}", self.line));
            if self.column > 0 {
                out.push_str(&format!(":{}", self.column));
            }
        }
        out.push_str(&format!(
            ": {}",
            escape_controls(&self.message, Keep::Layout)
        ));
        out
    }

    /// The found, expected and help lines that are given, labelled and escaped.
    pub fn parts(&self) -> Vec<(&'static str, Cow<'_, str>)> {
        [
            ("found", &self.found),
            ("expected", &self.expected),
            ("help", &self.help),
        ]
        .into_iter()
        .filter_map(|(label, text)| Some((label, escape_controls(text.as_deref()?, Keep::Layout))))
        .collect()
    }
}

impl Diagnostic {
    /// The source line, escaped, with a caret under the column: the caret
    /// line repeats the line's tabs and is as wide as each escape before it.
    fn fmt_source_line(&self, f: &mut fmt::Formatter<'_>, src: &str) -> fmt::Result {
        let number = self.line.to_string();
        writeln!(f, "  {number} | {}", escape_controls(src, Keep::Tabs))?;
        if self.column > 0 {
            let pad: String = src
                .chars()
                .take(self.column - 1)
                .map(|c| match escape(c, Keep::Tabs) {
                    Some(shown) => " ".repeat(shown.len()),
                    None if c == '\t' => "\t".to_owned(),
                    None => " ".to_owned(),
                })
                .collect();
            writeln!(f, "  {} | {pad}^", " ".repeat(number.len()))?;
        }
        Ok(())
    }
}

/// Which control characters [`escape_controls`] leaves as they are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keep {
    /// None: a name on one line (a file name).
    Nothing,
    /// Tabs: a source line.
    Tabs,
    /// Tabs and line feeds: a message.
    Layout,
}

/// `text` with its control characters escaped (`\u{1b}`), but those
/// `keep` leaves: what text from content or a file name may print.
pub fn escape_controls(text: &str, keep: Keep) -> Cow<'_, str> {
    if !text.chars().any(|c| escape(c, keep).is_some()) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match escape(c, keep) {
            Some(shown) => out.push_str(&shown),
            None => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// How a control character is shown (`\u{1b}`); `None` for any other
/// character, or one `keep` leaves.
fn escape(c: char, keep: Keep) -> Option<String> {
    let kept = match keep {
        Keep::Nothing => false,
        Keep::Tabs => c == '\t',
        Keep::Layout => c == '\t' || c == '\n',
    };
    (c.is_control() && !kept).then(|| c.escape_unicode().to_string())
}

/// Sorts diagnostics by file, line and column so output is stable across runs
/// (stages run in parallel and report in any order).
pub fn sort(diags: &mut [Diagnostic]) {
    diags.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
}

/// Suggests the closest of `candidates` to `found`, for "did you mean" help:
/// the nearest by edits (a typo), else the one that begins with most of
/// `found` (`vigilantes` for `vigilante-groups`).
pub fn did_you_mean<'a>(
    found: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let candidates: Vec<&str> = candidates.into_iter().collect();
    let by_edits = candidates
        .iter()
        .map(|c| (strsim::damerau_levenshtein(found, c), *c))
        .filter(|(d, c)| *d <= 2.max(c.len() / 3))
        .min()
        .map(|(_, c)| c);
    by_edits.or_else(|| by_prefix(found, &candidates))
}

/// The candidate sharing the longest beginning with `found`, when that
/// beginning is at least four characters and all of `found` but its last
/// two (a plural, a typo at the end); ties go to the shortest candidate.
fn by_prefix<'a>(found: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let need = found.chars().count().saturating_sub(2).max(4);
    candidates
        .iter()
        .map(|c| (common_prefix(found, c), std::cmp::Reverse(c.len()), *c))
        .filter(|(n, _, _)| *n >= need)
        .max()
        .map(|(_, _, c)| c)
}

/// How many characters `a` and `b` share at their beginning.
fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

/// Formats a list of choices for an "expected" line: `a`, `b` or `c`.
pub fn one_of<S: AsRef<str>>(choices: &[S]) -> String {
    let quoted: Vec<String> = choices
        .iter()
        .map(|c| format!("`{}`", c.as_ref()))
        .collect();
    match quoted.len() {
        0 => String::from("nothing"),
        1 => quoted[0].clone(),
        n => format!("one of {} or {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    }
}

/// Like [`one_of`], but past `max` choices lists the first `max` and says
/// how many more there are.
pub fn one_of_shortened<S: AsRef<str>>(choices: &[S], max: usize) -> String {
    if choices.len() <= max {
        return one_of(choices);
    }
    let shown: Vec<String> = choices[..max]
        .iter()
        .map(|c| format!("`{}`", c.as_ref()))
        .collect();
    format!(
        "one of {}, … ({} more)",
        shown.join(", "),
        choices.len() - max
    )
}

/// The 1-based line and column (in characters) of byte offset `byte` in `text`.
pub fn line_col(text: &str, byte: usize) -> (usize, usize) {
    let mut end = byte.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = &text[..end];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_escaped_and_the_caret_stays_under_its_column() {
        let text = "a:\tx\u{1b}[2J\u{7}\ty: bad";
        let d = Diagnostic::error(
            "pages/a\u{1b}]0;t\u{7}.md",
            "found `\u{1b}[31m`\nsecond line",
        )
        .at(text, 1, 14)
        .found("\u{9b}2J");
        assert_eq!(
            d.to_string(),
            "error: pages/a\\u{1b}]0;t\\u{7}.md:1:14: found `\\u{1b}[31m`\nsecond line\n  \
             1 | a:\tx\\u{1b}[2J\\u{7}\ty: bad\n    \
               |   \t               \t   ^\n  \
             found: \\u{9b}2J\n"
        );
        assert_eq!(
            escape_controls("plain\ttext", Keep::Nothing),
            "plain\\u{9}text"
        );
        assert!(matches!(
            escape_controls("plain", Keep::Nothing),
            Cow::Borrowed(_)
        ));
    }
}
