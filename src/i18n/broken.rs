//! Interface strings that cannot be shown: a string that refers to itself
//! (`a = { b }`, `b = { a }`), that uses a variable pledgeboard does not
//! give it (`{ $nope }`), or that refers to a string or term its language
//! does not define. Fluent shows such a string as its raw placeholders
//! (`{b}`, `{$nope}`); pledgeboard shows the next language of the fallback
//! chain instead (see `Strings::format`), and reports each one here with
//! its file and line: a warning when a fallback shows, an error when none
//! of the chain can.

use crate::diag::Diagnostic;
use fluent_bundle::{FluentError, resolver::ResolverError, resolver::errors::ReferenceKind};
use fluent_syntax::ast::{Expression, InlineExpression, Pattern, PatternElement};
use std::collections::BTreeSet;

/// The variables (`$name`) a pattern uses, added to `out`.
pub(super) fn variables(pattern: &Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            in_expression(expression, out);
        }
    }
}

fn in_expression(expression: &Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        Expression::Inline(inline) => in_inline(inline, out),
        Expression::Select { selector, variants } => {
            in_inline(selector, out);
            for v in variants {
                variables(&v.value, out);
            }
        }
    }
}

fn in_inline(inline: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_owned());
        }
        InlineExpression::Placeable { expression } => in_expression(expression, out),
        InlineExpression::FunctionReference { arguments, .. } => {
            let named = arguments.named.iter().map(|n| &n.value);
            for arg in arguments.positional.iter().chain(named) {
                in_inline(arg, out);
            }
        }
        _ => {}
    }
}

/// Where the message `key` is defined in the Fluent text `text`: its line
/// (1-based) and column 1; the last definition when there are several.
pub(super) fn line_of(text: &str, key: &str) -> Option<usize> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| {
            line.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .map(|(i, _)| i + 1)
        .last()
}

/// What is wrong with a string, in plain words, from Fluent's first
/// error, and what was expected instead; `allowed` are the variables
/// pledgeboard gives the string.
fn problem(key: &str, errors: &[FluentError], allowed: &BTreeSet<String>) -> (String, String) {
    let resolver = errors.iter().find_map(|e| match e {
        FluentError::ResolverError(r) => Some(r),
        _ => None,
    });
    let it = format!("the interface string `{key}`");
    match resolver {
        Some(ResolverError::Cyclic) => (
            format!("{it} refers back to itself (through other strings)"),
            "a text that does not refer back to itself, directly or through other strings".into(),
        ),
        Some(ResolverError::Reference(ReferenceKind::Variable { id })) => (
            format!("{it} uses the variable `${id}`, which pledgeboard does not give it"),
            variables_expected(allowed),
        ),
        Some(ResolverError::Reference(
            ReferenceKind::Message { id, attribute } | ReferenceKind::Term { id, attribute },
        )) => {
            let what = match attribute {
                Some(a) => format!("{id}.{a}"),
                None => id.clone(),
            };
            (
                format!("{it} refers to `{what}`, which this language does not define"),
                "references to strings and terms this language's files define".into(),
            )
        }
        Some(ResolverError::Reference(ReferenceKind::Function { id })) => (
            format!("{it} calls the function `{id}`, which does not exist"),
            "no function call (pledgeboard's strings have none)".into(),
        ),
        Some(ResolverError::TooManyPlaceables) => (
            format!(
                "{it} grows to more than 100 `{{ … }}` through the strings it uses (Fluent's limit)"
            ),
            "a text that uses fewer strings, directly or through other strings".into(),
        ),
        Some(other) => (
            format!("{it} cannot be shown: {other}"),
            "a text Fluent can show, see https://projectfluent.org/".into(),
        ),
        None => (
            format!("{it} cannot be shown"),
            "a text Fluent can show, see https://projectfluent.org/".into(),
        ),
    }
}

/// What a text may use instead: the variables pledgeboard gives the string.
fn variables_expected(allowed: &BTreeSet<String>) -> String {
    if allowed.is_empty() {
        "no variable: pledgeboard gives this string none".to_owned()
    } else {
        let names: Vec<String> = allowed.iter().map(|v| format!("`${v}`")).collect();
        format!(
            "only the variables pledgeboard gives this string: {}",
            names.join(", ")
        )
    }
}

/// Where a broken string is: its file's label and text.
pub(super) struct Definition<'a> {
    pub(super) label: &'a str,
    pub(super) text: &'a str,
}

/// The report of the string `key` of language `lang`, defined at `def`,
/// that failed with `errors`; `shown` is the language whose text pages
/// show instead, if any.
pub(super) fn report(
    lang: &str,
    key: &str,
    def: &Definition,
    errors: &[FluentError],
    allowed: &BTreeSet<String>,
    shown: Option<&str>,
) -> Diagnostic {
    let (message, expected) = problem(key, errors, allowed);
    let mut d = match shown {
        Some(fallback) => Diagnostic::warning(
            def.label,
            format!("{message}; pages show the `{fallback}` text instead of the `{lang}` one"),
        ),
        None => Diagnostic::error(
            def.label,
            format!("{message}, and no language it falls back to has a text that can be shown"),
        ),
    };
    if let Some(line) = line_of(def.text, key) {
        d = d.at(def.text, line, 1);
    }
    d.expected(expected)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_is_found_on_its_own_line() {
        let text = "# skip = comment\nskip-link = a\nskip = b\n  skip = continued\nskip   = c\n";
        assert_eq!(line_of(text, "skip"), Some(5));
        assert_eq!(line_of(text, "skip-link"), Some(2));
        assert_eq!(line_of(text, "nope"), None);
    }

    #[test]
    fn variables_are_found_in_selectors_variants_and_calls() {
        let res = fluent_syntax::parser::parse(
            "a = { $n ->\n    [one] one { $x }\n   *[other] { NUMBER($y, $z, style: \"percent\") }\n}\n",
        )
        .unwrap();
        let fluent_syntax::ast::Entry::Message(m) = &res.body[0] else {
            panic!("not a message");
        };
        let mut vars = BTreeSet::new();
        variables(m.value.as_ref().unwrap(), &mut vars);
        assert_eq!(vars.into_iter().collect::<Vec<_>>(), ["n", "x", "y", "z"]);
    }
}
