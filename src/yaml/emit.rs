//! All YAML *writing*: front matter made by `pledgeboard import`.
//!
//! Guarantee: what [`field`] writes parses back (with [`super::parse`]) to
//! the value it was given. Every string is written double-quoted, with
//! the escapes YAML defines, so that a title such as `no`, `2024-01-01`,
//! `a: b` or `#1` stays the text it is; numbers are written as numbers.
//! A field is written on one line (lists and mappings inside it in flow
//! style), except a list of mappings (`updates:`), which is one line per
//! key of each item, so that every line comes from one spreadsheet cell.

use std::fmt::Write;

/// A value to write.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Value {
    Str(String),
    Int(i64),
    Float(f64),
    /// A flow list: `[a, b]`.
    List(Vec<Value>),
    /// A flow mapping: `{ url: …, title: … }`.
    Map(Vec<(String, Value)>),
    /// A block list of mappings, one key a line.
    Items(Vec<Vec<(String, Value)>>),
}

impl Value {
    /// A string value.
    pub(crate) fn str(s: impl Into<String>) -> Value {
        Value::Str(s.into())
    }
}

/// `s` as a YAML double-quoted scalar.
pub(crate) fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if needs_escape(c) => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Characters YAML does not allow as they are in a stream (control
/// characters, the byte-order mark, surrogate-free non-characters) or that
/// would change lines (the Unicode line and paragraph separators).
fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{FEFF}' | '\u{2028}' | '\u{2029}' | '\u{FFFE}' | '\u{FFFF}'
        )
}

/// A value in flow style, on one line.
pub(crate) fn flow(value: &Value) -> String {
    match value {
        Value::Str(s) => quoted(s),
        Value::Int(i) => i.to_string(),
        Value::Float(x) => format_float(*x),
        Value::List(items) => {
            let items: Vec<String> = items.iter().map(flow).collect();
            format!("[{}]", items.join(", "))
        }
        Value::Map(pairs) => {
            let pairs: Vec<String> = pairs
                .iter()
                .map(|(k, v)| format!("{k}: {}", flow(v)))
                .collect();
            format!("{{ {} }}", pairs.join(", "))
        }
        Value::Items(items) => {
            let items: Vec<String> = items.iter().map(|i| flow(&Value::Map(i.clone()))).collect();
            format!("[{}]", items.join(", "))
        }
    }
}

/// A float as YAML reads it back as a float (`12.0`, not `12`).
fn format_float(x: f64) -> String {
    let s = x.to_string();
    if s.contains(['.', 'e', 'E']) || !x.is_finite() {
        s
    } else {
        format!("{s}.0")
    }
}

/// The lines of one top-level field `key: value`, each with a newline.
/// For [`Value::Items`], the second part of the pair tells, per line, which
/// item and key it writes (`None` for the `key:` line itself).
pub(crate) fn field(key: &str, value: &Value) -> Vec<(String, Option<(usize, String)>)> {
    match value {
        Value::Items(items) if !items.is_empty() => {
            let mut lines = vec![(format!("{key}:\n"), None)];
            for (i, item) in items.iter().enumerate() {
                for (j, (k, v)) in item.iter().enumerate() {
                    let lead = if j == 0 { "  - " } else { "    " };
                    lines.push((format!("{lead}{k}: {}\n", flow(v)), Some((i, k.clone()))));
                }
            }
            lines
        }
        _ => vec![(format!("{key}: {}\n", flow(value)), None)],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml::{Node, parse};

    fn round_trip(value: &Value) -> Node {
        let text: String = field("x", value).into_iter().map(|(l, _)| l).collect();
        match parse(&text) {
            Ok(Node::Map(mut pairs)) => pairs.remove(0).1,
            other => panic!("{text:?} parsed as {other:?}"),
        }
    }

    #[test]
    fn strings_that_look_like_other_things_stay_strings() {
        for s in [
            "no",
            "yes",
            "2024-01-01",
            "a: b",
            "#1",
            "- x",
            "[x]",
            "{x}",
            "'q'",
            "\"q\"",
            "line\nbreak",
            "tab\there",
            "back\\slash",
            "null",
            "~",
            "1e3",
            "0x10",
            "",
            " lead",
            "\u{85}next",
            "\u{2028}",
            "\u{feff}bom",
            "ليلاً",
            "&anchor",
            "*alias",
            "!tag",
            "%",
            "@",
            "`",
            "|",
            ">",
        ] {
            assert_eq!(round_trip(&Value::str(s)), Node::Str(s.into()), "{s:?}");
        }
    }

    #[test]
    fn numbers_lists_and_items_read_back() {
        assert_eq!(round_trip(&Value::Int(60)), Node::Int(60));
        assert_eq!(round_trip(&Value::Float(-1.5)), Node::Float(-1.5));
        assert_eq!(round_trip(&Value::Float(12.0)), Node::Float(12.0));
        assert_eq!(
            round_trip(&Value::List(vec![Value::str("a"), Value::Float(2.25)])),
            Node::Seq(vec![Node::Str("a".into()), Node::Float(2.25)])
        );
        let item = vec![
            ("date".to_owned(), Value::str("2024-01-01")),
            (
                "sources".to_owned(),
                Value::List(vec![Value::Map(vec![(
                    "url".into(),
                    Value::str("https://x.org/a"),
                )])]),
            ),
        ];
        let node = round_trip(&Value::Items(vec![item.clone(), item]));
        let Node::Seq(items) = node else { panic!() };
        assert_eq!(items.len(), 2);
    }
}
