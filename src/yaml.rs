//! All YAML parsing lives here (site.yaml and front matter).
//!
//! YAML text becomes a [`Node`] tree, our own neutral type, so that no other
//! module depends on the YAML library. Positions are not kept in the tree:
//! valid content never needs them, so [`locate`] finds the line and column of
//! any path lazily, only when a later stage reports a problem there.
//!
//! `locate` works by parsing the text again with a probe that fails exactly at
//! the requested node; the YAML deserializer stamps that failure with the
//! node's position. This is the same parser as [`parse`], so positions always
//! agree with what was parsed.
//!
//! Writing YAML is [`emit`]'s job (front matter made by `pledgeboard import`).

pub(crate) mod emit;

mod phrases;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::cell::Cell;
use std::collections::HashSet;
use std::fmt;

/// A parsed YAML value. Mapping keys are strings (scalar keys are converted);
/// mappings keep their order.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Node {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Node>),
    Map(Vec<(String, Node)>),
}

impl Node {
    /// A short description of the node for "found" lines in diagnostics.
    pub(crate) fn describe(&self) -> String {
        match self {
            Node::Null => "nothing (an empty value)".into(),
            Node::Bool(b) => format!("the boolean `{b}`"),
            Node::Int(i) => format!("the number `{i}`"),
            Node::Float(x) => format!("the number `{x}`"),
            Node::Str(s) => format!("the text `{}`", truncate(s, 60)),
            Node::Seq(items) => format!("a list of {} item(s)", items.len()),
            Node::Map(_) => "a mapping (key: value pairs)".into(),
        }
    }

    /// The scalar as text, for fields where a number such as `2017` is meant as text.
    pub(crate) fn as_scalar_text(&self) -> Option<String> {
        match self {
            Node::Str(s) => Some(s.clone()),
            Node::Int(i) => Some(i.to_string()),
            Node::Float(x) => Some(x.to_string()),
            Node::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    }
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_owned()
    } else {
        let cut: String = s.chars().take(max).collect();
        format!("{cut}…")
    }
}

/// A YAML syntax or structure error, with a 1-based position inside the
/// YAML text, in plain words, and how to fix it when that can be said.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct YamlError {
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub help: Option<String>,
}

/// One step of a path into a YAML tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Seg {
    /// The value under a mapping key.
    Key(String),
    /// The mapping key itself (for "unknown field" errors).
    KeyName(String),
    /// An item of a sequence.
    Index(usize),
}

impl Seg {
    pub(crate) fn key(k: &str) -> Seg {
        Seg::Key(k.to_owned())
    }
}

/// How deeply flow collections (`[…]`, `{…}`) may nest before the text is
/// refused without being parsed. The library refuses more than 128 levels of
/// any nesting itself, but only after scanning, which takes time growing with
/// the square of the depth: a line of 100,000 `[` would take minutes.
pub(crate) const MAX_FLOW_DEPTH: usize = 1000;

/// Parses YAML text into a [`Node`]. An empty document is `Node::Null`.
///
/// Hostile input gives an error, not a hang or a crash: flow collections
/// nested past [`MAX_FLOW_DEPTH`] are refused before parsing, nesting past
/// the library's 128 levels is an error, and aliases (`*name`) may not make
/// the tree much larger than the text ("billion laughs"): see [`node_budget`].
pub(crate) fn parse(src: &str) -> Result<Node, YamlError> {
    if let Some(at) = forbidden_character(src) {
        let (line, column) = crate::diag::line_col(src, at);
        let c = src[at..].chars().next().unwrap_or_default();
        let kind = if c.is_control() {
            "control character"
        } else {
            "character"
        };
        return Err(YamlError {
            line,
            column,
            message: format!(
                "it holds the {kind} U+{:04X}, which YAML does not allow (remove it: it often comes with text copied from another program)",
                u32::from(c)
            ),
            help: None,
        });
    }
    if let Some((line, column)) = flow_too_deep(src) {
        return Err(YamlError {
            line,
            column,
            message: format!("lists or mappings are nested more than {MAX_FLOW_DEPTH} levels deep"),
            help: None,
        });
    }
    let budget = Cell::new(node_budget(src));
    let de = serde_yaml::Deserializer::from_str(src);
    NodeSeed { budget: &budget }
        .deserialize(de)
        .map_err(|e| library_error(src, &e))
}

/// The library's error in plain words ([`phrases`]), or, for our own
/// errors and phrases it does not know, its text without its position.
fn library_error(src: &str, e: &serde_yaml::Error) -> YamlError {
    let (line, column) = e
        .location()
        .map(|l| (l.line(), l.column()))
        .unwrap_or((0, 0));
    let text = e.to_string();
    let lib = phrases::LibError::read(&text, phrases::Mark { line, column });
    if let Some(plain) = phrases::explain(src, &lib) {
        return plain;
    }
    let message = clean_message(&text, line, column);
    let help = message.contains(TWICE).then(|| {
        "keep one of them; if the second belongs to an item of a list or to a mapping below, indent it under that item".to_owned()
    });
    YamlError {
        line,
        column,
        message,
        help,
    }
}

/// How many nodes the tree of `src` may have: without aliases a node takes at
/// least a byte or two of text, so more than this means aliases multiplied it.
pub(crate) fn node_budget(src: &str) -> usize {
    2 * src.len() + 1000
}

/// The position of the first `[` or `{` past [`MAX_FLOW_DEPTH`] levels, if
/// any. Brackets are counted wherever they are, even inside quotes, so this
/// errs towards parsing: only text with a thousand unclosed brackets is refused.
fn flow_too_deep(src: &str) -> Option<(usize, usize)> {
    let mut depth = 0usize;
    for (i, b) in src.bytes().enumerate() {
        match b {
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_FLOW_DEPTH {
                    return Some(crate::diag::line_col(src, i));
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// The byte offset of the first character YAML does not allow anywhere in
/// a stream (YAML 1.2, 5.1): C0 controls other than tab, line feed and
/// carriage return, DEL, C1 controls other than NEL, U+FFFE and U+FFFF.
/// The library refuses them too, but at a position it does not locate.
fn forbidden_character(src: &str) -> Option<usize> {
    let b = src.as_bytes();
    (0..b.len()).find(|&i| match b[i] {
        b'\t' | b'\n' | b'\r' => false,
        0..=0x1f | 0x7f => true,
        0xc2 => matches!(b.get(i + 1), Some(0x80..=0x84 | 0x86..=0x9f)),
        0xef => b.get(i + 1) == Some(&0xbf) && matches!(b.get(i + 2), Some(0xbe | 0xbf)),
        _ => false,
    })
}

/// How the error about a repeated key ends.
const TWICE: &str = "appears twice in the same mapping";

/// Removes the library's own " at line L column C" from a message, since
/// diagnostics print the position themselves, and names its limits in
/// plain words.
fn clean_message(msg: &str, line: usize, column: usize) -> String {
    let suffix = format!(" at line {line} column {column}");
    let msg = msg.replacen(&suffix, "", 1);
    match msg.as_str() {
        "recursion limit exceeded" => {
            "lists or mappings are nested more than 128 levels deep".to_owned()
        }
        "repetition limit exceeded" => ALIAS_BOMB.to_owned(),
        _ => msg,
    }
}

const ALIAS_BOMB: &str = "aliases (`*name`) repeat the values they stand for so often that the text would grow too large (an alias bomb)";

/// Finds the 1-based line and column of the node at `path` inside `src`.
/// Returns `None` when the path does not exist or the text does not parse.
pub(crate) fn locate(src: &str, path: &[Seg]) -> Option<(usize, usize)> {
    let de = serde_yaml::Deserializer::from_str(src);
    match (Probe { path }).deserialize(de) {
        Ok(()) => None,
        Err(e) if e.to_string().contains(PROBE) => e.location().map(|l| (l.line(), l.column())),
        Err(_) => None,
    }
}

const PROBE: &str = "\u{1}probe";

struct Probe<'p> {
    path: &'p [Seg],
}

impl<'de> DeserializeSeed<'de> for Probe<'_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Probe<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        self.scalar()
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        self.scalar()
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        self.scalar()
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        self.scalar()
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        self.scalar()
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.scalar()
    }
    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        self.scalar()
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        match self.path.split_first() {
            None => Err(de::Error::custom(PROBE)),
            Some((Seg::Index(want), rest)) => {
                let mut i = 0;
                loop {
                    let more = if i == *want {
                        seq.next_element_seed(Probe { path: rest })?.is_some()
                    } else {
                        seq.next_element::<IgnoredAny>()?.is_some()
                    };
                    if !more {
                        return Ok(());
                    }
                    i += 1;
                }
            }
            Some(_) => {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(())
            }
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        match self.path.split_first() {
            None => Err(de::Error::custom(PROBE)),
            Some((Seg::Key(want), rest)) => {
                while let Some(key) = map.next_key::<KeyText>()? {
                    if key.0.as_deref() == Some(want.as_str()) {
                        map.next_value_seed(Probe { path: rest })?;
                    } else {
                        map.next_value::<IgnoredAny>()?;
                    }
                }
                Ok(())
            }
            Some((Seg::KeyName(want), _)) => {
                while map.next_key_seed(KeyProbe { want })?.is_some() {
                    map.next_value::<IgnoredAny>()?;
                }
                Ok(())
            }
            Some((Seg::Index(_), _)) => {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(())
            }
        }
    }
}

impl Probe<'_> {
    fn scalar<E: de::Error>(self) -> Result<(), E> {
        if self.path.is_empty() {
            Err(E::custom(PROBE))
        } else {
            Ok(())
        }
    }
}

/// A mapping key read as text, whatever scalar it is.
struct KeyText(Option<String>);

impl<'de> de::Deserialize<'de> for KeyText {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(KeyVisitor).map(KeyText)
    }
}

struct KeyVisitor;

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = Option<String>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a mapping key")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Some(v.to_owned()))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Some(v.to_string()))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Some(v.to_string()))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        Ok(Some(v.to_string()))
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        Ok(Some(v.to_string()))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(None)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(None)
    }
}

struct KeyProbe<'w> {
    want: &'w str,
}

impl<'de> DeserializeSeed<'de> for KeyProbe<'_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

/// Fails inside the key's own visitor, so the error carries the key's position.
impl<'de> Visitor<'de> for KeyProbe<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a mapping key")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        self.check(v)
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<(), E> {
        self.check(&v.to_string())
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<(), E> {
        self.check(&v.to_string())
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<(), E> {
        self.check(&v.to_string())
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<(), E> {
        self.check(&v.to_string())
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(())
    }
}

impl KeyProbe<'_> {
    fn check<E: de::Error>(&self, key: &str) -> Result<(), E> {
        if key == self.want {
            Err(E::custom(PROBE))
        } else {
            Ok(())
        }
    }
}

/// Builds a [`Node`], counting every node against a budget shared by the
/// whole document, so that aliases cannot blow a small text up into a huge tree.
#[derive(Clone, Copy)]
struct NodeSeed<'b> {
    budget: &'b Cell<usize>,
}

impl<'de> DeserializeSeed<'de> for NodeSeed<'_> {
    type Value = Node;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Node, D::Error> {
        match self.budget.get().checked_sub(1) {
            Some(left) => self.budget.set(left),
            None => return Err(de::Error::custom(ALIAS_BOMB)),
        }
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for NodeSeed<'_> {
    type Value = Node;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a YAML value")
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Node, E> {
        Ok(Node::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Node, E> {
        Ok(Node::Int(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Node, E> {
        i64::try_from(v)
            .map(Node::Int)
            .or_else(|_| Ok(Node::Float(v as f64)))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Node, E> {
        Ok(Node::Float(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Node, E> {
        Ok(Node::Str(v.to_owned()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Node, E> {
        Ok(Node::Str(v))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }
    fn visit_some<D: de::Deserializer<'de>>(self, d: D) -> Result<Node, D::Error> {
        self.deserialize(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(self)? {
            items.push(item);
        }
        Ok(Node::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut entries: Vec<(String, Node)> = Vec::new();
        let mut seen: HashSet<String> = HashSet::new();
        while let Some(key) = map.next_key_seed(MapKey { seen: &seen })? {
            let value = map.next_value_seed(self)?;
            seen.insert(key.clone());
            entries.push((key, value));
        }
        Ok(Node::Map(entries))
    }
    fn visit_enum<A: de::EnumAccess<'de>>(self, _: A) -> Result<Node, A::Error> {
        Err(de::Error::custom(
            "YAML tags such as `!name` are not supported here",
        ))
    }
}

/// A mapping key: a scalar, converted to text. Lists or mappings as keys, and
/// a key already seen in the same mapping, are errors reported at the key.
struct MapKey<'s> {
    seen: &'s HashSet<String>,
}

impl<'de> DeserializeSeed<'de> for MapKey<'_> {
    type Value = String;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<String, D::Error> {
        d.deserialize_any(self)
    }
}

impl MapKey<'_> {
    fn check<E: de::Error>(&self, key: String) -> Result<String, E> {
        if self.seen.contains(&key) {
            Err(E::custom(format_args!("the key `{key}` {TWICE}")))
        } else {
            Ok(key)
        }
    }
}

impl<'de> Visitor<'de> for MapKey<'_> {
    type Value = String;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a plain word as mapping key, not empty, a list or a mapping")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
        self.check(v.to_owned())
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<String, E> {
        self.check(v.to_string())
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<String, E> {
        self.check(v.to_string())
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<String, E> {
        self.check(v.to_string())
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<String, E> {
        self.check(v.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "title: Patrols\nstatus: in-progres\nupdates:\n  - date: 2017-09-01\n    status: done\n  - { date: 2018-01-01, note: x }\n";

    #[test]
    fn characters_yaml_forbids_are_found_and_others_kept() {
        for ok in [
            "a\tb\r\n",
            "\u{feff}x: 1",
            "x: \u{85}\u{a0}ٱلسوق नेपाल \u{fffd} 😀",
        ] {
            assert_eq!(forbidden_character(ok), None, "{ok:?}");
        }
        for (bad, at) in [
            ("x\u{0}", 1),
            ("ab\u{1b}", 2),
            ("\u{7f}", 0),
            ("é\u{80}", 2),
            ("\u{9f}", 0),
            ("x\u{fffe}", 1),
            ("\u{ffff}", 0),
        ] {
            assert_eq!(forbidden_character(bad), Some(at), "{bad:?}");
        }
        let e = parse("a: 1\nb: x\u{1b}y\n").unwrap_err();
        assert_eq!((e.line, e.column), (2, 5));
    }

    #[test]
    fn parses_into_nodes() {
        let n = parse(DOC).unwrap();
        let Node::Map(entries) = n else { panic!() };
        assert_eq!(entries[0], ("title".into(), Node::Str("Patrols".into())));
    }

    #[test]
    fn locates_values_keys_and_flow_items() {
        assert_eq!(locate(DOC, &[Seg::key("status")]), Some((2, 9)));
        assert_eq!(locate(DOC, &[Seg::KeyName("status".into())]), Some((2, 1)));
        let p = [Seg::key("updates"), Seg::Index(0), Seg::key("status")];
        assert_eq!(locate(DOC, &p), Some((5, 13)));
        let p = [Seg::key("updates"), Seg::Index(1), Seg::key("note")];
        assert_eq!(locate(DOC, &p), Some((6, 31)));
        assert_eq!(locate(DOC, &[Seg::key("missing")]), None);
    }

    #[test]
    fn duplicate_keys_are_reported_at_the_second_key() {
        let e = parse("a: 1\nb: 2\na: 3\n").unwrap_err();
        assert!(e.message.contains("`a` appears twice"), "{e:?}");
        assert_eq!((e.line, e.column), (3, 1));
    }

    #[test]
    fn syntax_errors_have_positions() {
        let e = parse("title: a\n  bad: [\n").unwrap_err();
        assert!(e.line >= 2, "{e:?}");
    }

    #[test]
    fn a_wide_alias_bomb_is_refused_quickly() {
        let src = format!(
            "a: &a [{}x]\nb: [{}*a]\n",
            "x,".repeat(20_000),
            "*a,".repeat(20_000)
        );
        let e = parse(&src).unwrap_err();
        assert!(e.message.contains("alias bomb"), "{e:?}");
    }

    #[test]
    fn deep_flow_nesting_is_refused_before_parsing() {
        let src = format!("t: {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
        let e = parse(&src).unwrap_err();
        assert!(e.message.contains("nested more than 1000 levels"), "{e:?}");
        assert_eq!((e.line, e.column), (1, 1004));
        let e = parse(&format!("t: {}{}\n", "[".repeat(200), "]".repeat(200))).unwrap_err();
        assert!(e.message.contains("nested more than 128 levels"), "{e:?}");
    }

    #[test]
    fn many_keys_parse_in_linear_time() {
        let src: String = (0..100_000).map(|i| format!("k{i}: 1\n")).collect();
        let Node::Map(entries) = parse(&src).unwrap() else {
            panic!()
        };
        assert_eq!(entries.len(), 100_000);
    }
}
