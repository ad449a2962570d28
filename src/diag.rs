//! Diagnostics: what went wrong, where, what was found and what was expected.
//!
//! Every stage reports problems as [`Diagnostic`]s instead of stopping at the first
//! one, so that a build lists all problems of a site directory in one run. A
//! diagnostic names the file relative to the site directory, with a 1-based line
//! and column, and carries the offending source line so it can be shown under
//! the message (also in the `serve` overlay).

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
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{kind}: {}", self.file)?;
        if self.line > 0 {
            write!(f, ":{}", self.line)?;
            if self.column > 0 {
                write!(f, ":{}", self.column)?;
            }
        }
        writeln!(f, ": {}", self.message)?;
        if let Some(src) = &self.source_line {
            let number = self.line.to_string();
            writeln!(f, "  {number} | {src}")?;
            if self.column > 0 {
                let pad: String = src
                    .chars()
                    .take(self.column - 1)
                    .map(|c| if c == '\t' { '\t' } else { ' ' })
                    .collect();
                writeln!(f, "  {} | {pad}^", " ".repeat(number.len()))?;
            }
        }
        if let Some(found) = &self.found {
            writeln!(f, "  found: {found}")?;
        }
        if let Some(expected) = &self.expected {
            writeln!(f, "  expected: {expected}")?;
        }
        if let Some(help) = &self.help {
            writeln!(f, "  help: {help}")?;
        }
        Ok(())
    }
}

/// Sorts diagnostics by file, line and column so output is stable across runs
/// (stages run in parallel and report in any order).
pub fn sort(diags: &mut [Diagnostic]) {
    diags.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
}

/// Suggests the closest of `candidates` to `found`, for "did you mean" help.
pub fn did_you_mean<'a>(
    found: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::damerau_levenshtein(found, c), c))
        .filter(|(d, c)| *d <= 2.max(c.len() / 3))
        .min()
        .map(|(_, c)| c)
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
