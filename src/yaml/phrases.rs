//! The YAML library's error phrases in plain words.
//!
//! The library (libyaml, through `yaml_serde`) names what its scanner
//! expected ("found character that cannot start any token, while scanning
//! for the next token"). An editor needs what went wrong in their text and
//! how to fix it. [`explain`] turns each phrase an editor can reach into a
//! message and a help line, and moves the position to the real culprit
//! where the library points elsewhere: the tab itself, the `[` or quote
//! that is never closed, the line that lacks its `key:`. A phrase it does
//! not know is left to the caller, which shows it as it is, so no problem
//! is ever hidden.

use super::YamlError;

/// Where the library reports a problem: 1-based line and column inside the
/// YAML text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Mark {
    pub line: usize,
    pub column: usize,
}

/// The library's error, taken apart: its problem, where it is, and what it
/// was reading (`while scanning a quoted scalar`) and where that began.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct LibError<'a> {
    pub problem: &'a str,
    pub at: Mark,
    pub context: Option<&'a str>,
    pub context_at: Option<Mark>,
}

impl<'a> LibError<'a> {
    /// Takes apart the library's text: `PROBLEM at line L column C[,
    /// CONTEXT[ at line L column C]]`; `at` is the problem's position,
    /// which the text leaves out when it is the very start.
    pub(super) fn read(text: &'a str, at: Mark) -> LibError<'a> {
        let (problem, context) = match text.split_once(", while ") {
            Some((p, c)) => (p, Some(c)),
            None => (text, None),
        };
        let (problem, _) = split_mark(problem);
        let (context, context_at) = match context.map(split_mark) {
            Some((c, m)) => (Some(c), m),
            None => (None, None),
        };
        LibError {
            problem,
            at,
            context,
            context_at,
        }
    }
}

/// `text` without its trailing ` at line L column C`, and that position.
fn split_mark(text: &str) -> (&str, Option<Mark>) {
    let Some((head, tail)) = text.rsplit_once(" at line ") else {
        return (text, None);
    };
    let mark = tail.split_once(" column ").and_then(|(l, c)| {
        Some(Mark {
            line: l.parse().ok()?,
            column: c.parse().ok()?,
        })
    });
    match mark {
        Some(m) => (head, Some(m)),
        None => (text, None),
    }
}

/// A plain message, its help, and where it points.
struct Plain {
    message: String,
    help: Option<String>,
    at: Mark,
}

impl Plain {
    fn new(at: Mark, message: impl Into<String>, help: impl Into<String>) -> Plain {
        Plain {
            message: message.into(),
            help: Some(help.into()),
            at,
        }
    }
}

const QUOTE_HELP: &str = "put the whole value in quotes";

/// The library's error `e` on the YAML text `src`, in plain words; `None`
/// for a phrase this module does not know.
pub(super) fn explain(src: &str, e: &LibError) -> Option<YamlError> {
    let plain = plain(src, e)?;
    Some(YamlError {
        line: plain.at.line,
        column: plain.at.column,
        message: plain.message,
        help: plain.help,
    })
}

/// The plain form of a phrase this module knows.
fn plain(src: &str, e: &LibError) -> Option<Plain> {
    let p = e.problem;
    if p.starts_with("found a tab character") {
        return Some(tab(src, e.at));
    }
    let plain = match p {
        "found character that cannot start any token" => cannot_start(src, e.at),
        "did not find expected ',' or ']'" => unclosed(e, '[', ']', "list"),
        "did not find expected ',' or '}'" => unclosed(e, '{', '}', "mapping"),
        "mapping values are not allowed in this context" => colon_in_value(src, e.at),
        "did not find expected key" => no_key(src, e.at),
        "did not find expected '-' indicator" => Plain::new(
            e.at,
            "this line is in a list but does not start with `- `",
            "each item of a list starts with `- ` in the same column as the others; a line that belongs to the item above is indented like that item's first key",
        ),
        "could not find expected ':'" => Plain::new(
            e.context_at.unwrap_or(e.at),
            "this line has no `key:` (a key followed by a colon)",
            "write it as `key: value`; a text that goes on to the next line must be indented more than its key, or put in quotes",
        ),
        "block sequence entries are not allowed in this context" => Plain::new(
            e.at,
            "a list item (`- `) cannot start here",
            "start each item on its own line, indented under its key (`key:` then `  - item`), or write the list in brackets: `[a, b]`",
        ),
        "found unexpected end of stream" if is_quoted(e.context) => unclosed_quote(src, e),
        "found unknown escape character"
        | "found invalid Unicode character escape code"
        | "did not find expected hexadecimal number" => Plain::new(
            e.at,
            "a backslash (`\\`) in text between double quotes starts a code YAML does not know",
            "write a backslash as `\\\\`, or put the text between single quotes (`'…'`), where a backslash is plain text",
        ),
        "did not find expected alphabetic or numeric character" => {
            let at = e.context_at.unwrap_or(e.at);
            Plain::new(
                at,
                "a value cannot begin with `*` or `&`: YAML reads them as a reference to another value",
                quote_help(src, at.line),
            )
        }
        "unknown anchor" => Plain::new(
            e.at,
            "a value cannot begin with `*`: YAML reads `*name` as a reference to another value, and there is none of that name",
            quote_help(src, e.at.line),
        ),
        "did not find expected comment or line break"
        | "found an indentation indicator equal to 0"
            if e.context == Some("scanning a block scalar") =>
        {
            Plain::new(
                e.at,
                "text after `|` or `>` on the same line",
                "`|` and `>` start a text written on the lines below, indented more than its key; move the text to the next line, or remove the `|` or `>` and put the text in quotes",
            )
        }
        "did not find expected node content" => Plain::new(
            e.at,
            "a value is missing here",
            "write a value, or remove the extra comma or bracket; a text that starts with `]`, `}` or `,` must be put in quotes",
        ),
        "found unexpected ':'" => Plain::new(
            e.at,
            "a `:` inside a list or mapping written in brackets",
            format!("{QUOTE_HELP} that holds the `:`: `[\"10:30\", b]`"),
        ),
        _ if e.context.is_some_and(|c| c.contains("directive")) || p.contains("directive") => {
            Plain::new(
                Mark {
                    line: e.at.line,
                    column: 1,
                },
                "a line that starts with `%` at the top is read as a YAML directive",
                "a `%` cannot start the first line: write the value after its key (`progress: 30`), or put the text in quotes",
            )
        }
        _ => return None,
    };
    Some(plain)
}

/// Whether the library was reading text in quotes.
fn is_quoted(context: Option<&str>) -> bool {
    context.is_some_and(|c| c.contains("quoted scalar"))
}

/// The line `line` (1-based) of `src`.
fn line_of(src: &str, line: usize) -> &str {
    src.lines().nth(line.saturating_sub(1)).unwrap_or("")
}

/// The character at `at` in `src`.
fn char_at(src: &str, at: Mark) -> Option<char> {
    line_of(src, at.line)
        .chars()
        .nth(at.column.saturating_sub(1))
}

/// A tab where YAML counts spaces: pointed at the first tab of the line's
/// indentation (the library may point at the line's start).
fn tab(src: &str, at: Mark) -> Plain {
    let line = line_of(src, at.line);
    let column = line
        .chars()
        .take_while(|c| c.is_whitespace())
        .position(|c| c == '\t')
        .map_or(at.column, |i| i + 1);
    Plain::new(
        Mark {
            line: at.line,
            column,
        },
        "a tab character: indent with spaces",
        "YAML counts spaces to see what belongs to what, and refuses tabs there; replace the tab with spaces, as many as the lines around it use (your editor may have a setting to insert spaces for the Tab key)",
    )
}

/// A character that cannot begin a value: what it usually is.
fn cannot_start(src: &str, at: Mark) -> Plain {
    match char_at(src, at) {
        Some('\t') => tab(src, at),
        Some('@') => Plain::new(
            at,
            "a value cannot begin with `@`: YAML keeps this character for future use",
            quote_help(src, at.line),
        ),
        Some('`') => Plain::new(
            at,
            "a value cannot begin with a backtick: YAML keeps this character for future use",
            quote_help(src, at.line),
        ),
        Some(c) => Plain::new(
            at,
            format!("a value cannot begin with `{c}` here"),
            quote_help(src, at.line),
        ),
        None => Plain::new(at, "a character that cannot begin a value", QUOTE_HELP),
    }
}

/// A `[` or `{` with no closing bracket: pointed at the opening bracket
/// when the library only noticed on a later line; on its own line, the
/// place where a `,` or the closing bracket was expected.
fn unclosed(e: &LibError, open: char, close: char, what: &str) -> Plain {
    match e.context_at {
        Some(start) if start.line != e.at.line => Plain::new(
            start,
            format!("this {what} opened with `{open}` is not closed with `{close}`"),
            format!(
                "add `{close}` at the end of the {what}; if `{open}` is part of a text, put the whole value in quotes"
            ),
        ),
        _ => Plain::new(
            e.at,
            format!("a `,` or `{close}` was expected here, inside this {what} in brackets"),
            format!(
                "separate the items with commas (`{open}a, b{close}`); a text that holds a comma, a bracket or a quote must be put in quotes"
            ),
        ),
    }
}

/// A quote opened and never closed: pointed at the opening quote.
fn unclosed_quote(src: &str, e: &LibError) -> Plain {
    let at = e.context_at.unwrap_or(e.at);
    let quote = char_at(src, at)
        .filter(|c| matches!(c, '"' | '\''))
        .unwrap_or('"');
    let inner = if quote == '"' {
        "a `\"` inside the text is written `\\\"`"
    } else {
        "a `'` inside the text is written `''` (twice)"
    };
    Plain::new(
        at,
        format!("this text opens a quote (`{quote}`) that is never closed"),
        format!("end the text with `{quote}`; {inner}"),
    )
}

/// A `: ` inside a value that is not in quotes (or a key indented under
/// a value): with the line quoted as the example.
fn colon_in_value(src: &str, at: Mark) -> Plain {
    if continues_a_value(src, at.line) {
        let line = line_of(src, at.line);
        let column = line.chars().take_while(|c| *c == ' ').count() + 1;
        return Plain::new(
            Mark {
                line: at.line,
                column,
            },
            "this line is indented more than the key above it, so it reads as the rest of that key's value",
            "indent it like the keys above it (in the same column); if it does continue the text above, put that whole text in quotes",
        );
    }
    let message = "a `: ` (a colon and a space) inside a value that is not in quotes";
    let help = match example_quoted(src, at.line) {
        Some(q) => format!(
            "put the value in quotes: `{q}`; if this line starts a new key, indent it like the keys above it"
        ),
        None => "put the value in quotes; if this line starts a new key, indent it like the keys above it".to_owned(),
    };
    Plain::new(at, message, help)
}

/// Whether line `line` of `src` is indented more than the line above it,
/// which is a `key: value` with a plain value (so it continues that value).
fn continues_a_value(src: &str, line: usize) -> bool {
    let indent = |l: &str| l.len() - l.trim_start().len();
    let Some(n) = (1..line)
        .rev()
        .find(|&n| !line_of(src, n).trim().is_empty())
    else {
        return false;
    };
    let (above, here) = (line_of(src, n), line_of(src, line));
    let plain_value =
        key_value(src, n).is_some_and(|(_, v)| !v.starts_with(['"', '\'', '[', '{', '|', '>']));
    indent(here) > indent(above) && plain_value && !above.trim_start().starts_with("- ")
}

/// The library expected the next `key:` of a mapping: after a closing
/// quote (text after it), at a `- ` (a list item among keys), at a closing
/// bracket (one too many), else a line indented differently.
fn no_key(src: &str, at: Mark) -> Plain {
    let line = line_of(src, at.line);
    let before: String = line.chars().take(at.column.saturating_sub(1)).collect();
    let last = before.trim_end().chars().last();
    match (char_at(src, at), last) {
        (_, Some(q @ ('"' | '\''))) if !before.trim().is_empty() => Plain::new(
            at,
            format!("text after the closing quote (`{q}`) of a value"),
            match example_single_quoted(src, at.line) {
                Some(e) => format!(
                    "put the whole value in quotes; in single quotes a `\"` is plain text and a `'` is written twice: `{e}`"
                ),
                None => "put the whole value in quotes; in single quotes a `\"` is plain text and a `'` is written twice".to_owned(),
            },
        ),
        (Some('-'), _) => Plain::new(
            at,
            "a list item (`- `) where a `key:` was expected",
            "a list goes under its key, indented: `key:` then `  - item`",
        ),
        (Some(c @ (']' | '}')), _) => Plain::new(
            at,
            format!("a `{c}` that closes nothing"),
            format!("remove it, or put the whole value in quotes if `{c}` is part of a text"),
        ),
        _ => Plain::new(
            at,
            "this line is not indented like the other keys of its mapping",
            "the keys of one mapping start in the same column; a text that goes on to the next line must be indented more than its key, or put in quotes",
        ),
    }
}

/// "Put the whole value in quotes", with line `line` of `src` quoted as
/// the example when it is a simple `key: value`.
fn quote_help(src: &str, line: usize) -> String {
    match example_quoted(src, line) {
        Some(q) if q.contains('`') => format!("{QUOTE_HELP}: {q}"),
        Some(q) => format!("{QUOTE_HELP}: `{q}`"),
        None => QUOTE_HELP.to_owned(),
    }
}

/// Line `line` of `src` with its value in quotes (`key: "value"`), as an
/// example of the fix, when the line is a simple `key: value`.
fn example_quoted(src: &str, line: usize) -> Option<String> {
    let (key, value) = key_value(src, line)?;
    (!value.contains('"')).then(|| format!("{key}: \"{value}\""))
}

/// Line `line` of `src` with its value in single quotes (`'` doubled
/// inside), when the line is a `key: value`.
fn example_single_quoted(src: &str, line: usize) -> Option<String> {
    let (key, value) = key_value(src, line)?;
    Some(format!("{key}: '{}'", value.replace('\'', "''")))
}

/// The simple key and the value of line `line` of `src` (a list item's
/// `- ` left out).
fn key_value(src: &str, line: usize) -> Option<(&str, &str)> {
    let text = line_of(src, line).trim();
    let text = text.strip_prefix("- ").unwrap_or(text);
    let (key, value) = text.split_once(": ")?;
    let simple = !key.is_empty() && key.chars().all(|c| c.is_alphanumeric() || "_-".contains(c));
    let value = value.trim();
    (simple && !value.is_empty()).then_some((key, value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_library_text_is_taken_apart() {
        let at = Mark { line: 6, column: 7 };
        let e = LibError::read(
            "did not find expected ',' or ']' at line 6 column 7, while parsing a flow sequence at line 4 column 6",
            at,
        );
        assert_eq!(e.problem, "did not find expected ',' or ']'");
        assert_eq!(e.context, Some("parsing a flow sequence"));
        assert_eq!(e.context_at, Some(Mark { line: 4, column: 6 }));
        let e = LibError::read("unknown anchor", at);
        assert_eq!(
            (e.problem, e.context, e.context_at),
            ("unknown anchor", None, None)
        );
    }

    #[test]
    fn an_unknown_phrase_is_left_to_the_caller() {
        let at = Mark { line: 1, column: 1 };
        let e = LibError::read("something new, while parsing a node", at);
        assert_eq!(explain("a: b\n", &e), None);
    }

    #[test]
    fn a_simple_line_is_quoted_as_the_example() {
        assert_eq!(
            example_quoted("  - note: Patrols: day\n", 1).as_deref(),
            Some("note: \"Patrols: day\"")
        );
        assert_eq!(example_quoted("a: \"b\" c\n", 1), None);
    }
}
