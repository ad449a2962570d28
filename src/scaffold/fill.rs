//! Filling a template: each `{{name}}` replaced by its value. A template
//! is compiled in and the names are ours, so a name without a value is a
//! mistake in pledgeboard; the unit tests of `init` and `new` check that
//! none is left in any file they write.

/// `template` with each `{{name}}` of `values` replaced by its value.
pub(super) fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 256);
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else {
            rest = &rest[start..];
            break;
        };
        let name = &after[..end];
        match values.iter().find(|(n, _)| *n == name) {
            Some((_, v)) => out.push_str(v),
            None => out.push_str(&rest[start..start + 2 + end + 2]),
        }
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    out
}

/// A value written into YAML as one double-quoted scalar (JSON's string
/// syntax is YAML's double-quoted style), whatever it holds: `:`, `#`,
/// quotes, leading dashes.
pub(super) fn quoted(value: &str) -> String {
    serde_json::Value::String(value.to_owned()).to_string()
}

/// A `{{name}}` still in `text`, if any.
#[cfg(test)]
pub(super) fn unfilled(text: &str) -> Option<&str> {
    let start = text.find("{{")?;
    let end = text[start..]
        .find("}}")
        .map_or(text.len(), |e| start + e + 2);
    Some(&text[start..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_replaced_and_unknown_ones_kept() {
        let t = "a {{x}} b {{y}} c {{x}}";
        assert_eq!(fill(t, &[("x", "1")]), "a 1 b {{y}} c 1");
        assert_eq!(unfilled(&fill(t, &[("x", "1")])), Some("{{y}}"));
        assert_eq!(fill("open {{ only", &[]), "open {{ only");
    }

    #[test]
    fn quoted_values_are_yaml_strings() {
        assert_eq!(quoted("Saaba: \"north\" # 1"), r#""Saaba: \"north\" # 1""#);
    }
}
