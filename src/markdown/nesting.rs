//! How deeply the HTML of a Markdown text with raw HTML nests, measured by
//! the parser the sanitiser runs (html5ever, as [`ammonia`] calls it), and
//! stopped at the first element past [`MAX_NESTING`].
//!
//! The guarantee: a text that passes is one whose elements the sanitiser's
//! parser never places more than [`MAX_NESTING`] levels deep, so each of
//! its steps (which look through the elements open around the current
//! one) costs at most a constant, and sanitising takes time linear in the
//! text's size. Without the limit, nesting makes the parse quadratic: 40,000
//! nested `<div>` took 8 s and an 8 MiB file hours. The measure itself is
//! linear: the HTML is fed to the parser a tag at a time and the parse
//! stops at the first element past the limit, whose depth is counted up
//! its ancestors (at most [`MAX_NESTING`] + 1 steps).

use html5ever::interface::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::{Attribute, QualName, local_name, ns};
use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// How many levels deep the elements of a text with raw HTML may nest
/// (Markdown's own quotes and lists included, since the sanitiser parses
/// them too): far more than any text needs, as for YAML.
pub(crate) const MAX_NESTING: usize = 128;

/// The first element of a fragment nested past [`MAX_NESTING`]: where its
/// tag starts in the HTML, and how deep it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TooDeep {
    /// Byte offset of the tag in the HTML fragment.
    pub html_offset: usize,
    /// Its depth: 1 for an element at the top of the fragment.
    pub depth: usize,
}

/// The first element of `html` nested past [`MAX_NESTING`], parsed as the
/// sanitiser parses it (a fragment in a `<div>`), if there is one.
pub(crate) fn too_deep(html: &str) -> Option<TooDeep> {
    let mut parser = html5ever::driver::parse_fragment(
        Depths::default(),
        html5ever::ParseOpts::default(),
        QualName::new(None, ns!(html), local_name!("div")),
        vec![],
        false,
    );
    for (start, piece) in tag_pieces(html) {
        parser.process(StrTendril::from_slice(piece));
        if let Some(depth) = parser.tokenizer.sink.sink.too_deep.get() {
            return Some(TooDeep {
                html_offset: start,
                depth,
            });
        }
    }
    parser.finish()
}

/// `html` in pieces that each hold at most one `<` (at their start), with
/// their offsets: fed one by one, the parser has read up to the tag that
/// made an element too deep when it reports it.
fn tag_pieces(html: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut starts = memchr::memchr_iter(b'<', html.as_bytes()).peekable();
    let mut at = 0;
    std::iter::from_fn(move || {
        if at >= html.len() {
            return None;
        }
        while starts.next_if(|&s| s <= at).is_some() {}
        let end = starts.peek().copied().unwrap_or(html.len());
        let piece = (at, &html[at..end]);
        at = end;
        Some(piece)
    })
}

/// A node of the parsed fragment: its name (elements only) and its place
/// in the tree, kept in [`Depths::links`] under `id`.
#[derive(Debug)]
struct Node {
    name: QualName,
    id: usize,
}

/// Where a node is in the tree.
#[derive(Debug, Default)]
struct Links {
    parent: Option<usize>,
    children: Vec<usize>,
}

/// A tree sink that keeps only the shape of the tree, and notes the depth
/// of the first element inserted deeper than [`MAX_NESTING`].
#[derive(Debug)]
struct Depths {
    links: RefCell<Vec<Links>>,
    document: Rc<Node>,
    too_deep: Cell<Option<usize>>,
}

impl Default for Depths {
    fn default() -> Self {
        Depths {
            links: RefCell::new(vec![Links::default()]),
            document: Rc::new(Node {
                name: QualName::new(None, ns!(), local_name!("")),
                id: 0,
            }),
            too_deep: Cell::new(None),
        }
    }
}

impl Depths {
    fn node(&self, name: QualName) -> Rc<Node> {
        let mut links = self.links.borrow_mut();
        links.push(Links::default());
        Rc::new(Node {
            name,
            id: links.len() - 1,
        })
    }

    /// Makes `child` a child of node `parent` (taking it from its old one).
    fn attach(&self, parent: usize, child: &Node) {
        let mut links = self.links.borrow_mut();
        links[child.id].parent = Some(parent);
        links[parent].children.push(child.id);
        drop(links);
        self.measure(child.id);
    }

    /// Notes the depth of node `id` if it is past the limit: its ancestors
    /// are counted up to the document (the fragment's `<html>` root is
    /// level 0), at most [`MAX_NESTING`] + 2 of them.
    fn measure(&self, id: usize) {
        if self.too_deep.get().is_some() {
            return;
        }
        let links = self.links.borrow();
        let mut ancestors = 0;
        let mut at = links[id].parent;
        while let Some(p) = at {
            ancestors += 1;
            if ancestors > MAX_NESTING + 1 {
                break;
            }
            at = links[p].parent;
        }
        // Document, then `<html>`, then the fragment's elements.
        let depth = ancestors.saturating_sub(1);
        if depth > MAX_NESTING {
            self.too_deep.set(Some(depth));
        }
    }
}

impl TreeSink for Depths {
    type Handle = Rc<Node>;
    type Output = Option<TooDeep>;
    type ElemName<'a> = &'a QualName;

    fn finish(self) -> Option<TooDeep> {
        // Past the last piece: nothing was too deep.
        None
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> Rc<Node> {
        self.document.clone()
    }

    fn elem_name<'a>(&'a self, target: &'a Rc<Node>) -> &'a QualName {
        &target.name
    }

    fn create_element(&self, name: QualName, _: Vec<Attribute>, _: ElementFlags) -> Rc<Node> {
        self.node(name)
    }

    fn create_comment(&self, _text: StrTendril) -> Rc<Node> {
        self.node(QualName::new(None, ns!(), local_name!("")))
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> Rc<Node> {
        self.node(QualName::new(None, ns!(), local_name!("")))
    }

    fn append(&self, parent: &Rc<Node>, child: NodeOrText<Rc<Node>>) {
        if let NodeOrText::AppendNode(child) = child {
            self.attach(parent.id, &child);
        }
    }

    fn append_based_on_parent_node(
        &self,
        element: &Rc<Node>,
        prev_element: &Rc<Node>,
        child: NodeOrText<Rc<Node>>,
    ) {
        let has_parent = self.links.borrow()[element.id].parent.is_some();
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {}

    fn get_template_contents(&self, target: &Rc<Node>) -> Rc<Node> {
        // A template's contents are counted as its children.
        target.clone()
    }

    fn same_node(&self, x: &Rc<Node>, y: &Rc<Node>) -> bool {
        x.id == y.id
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &Rc<Node>, new_node: NodeOrText<Rc<Node>>) {
        let parent = self.links.borrow()[sibling.id].parent;
        if let (NodeOrText::AppendNode(child), Some(parent)) = (new_node, parent) {
            self.attach(parent, &child);
        }
    }

    fn add_attrs_if_missing(&self, _target: &Rc<Node>, _attrs: Vec<Attribute>) {}

    fn remove_from_parent(&self, target: &Rc<Node>) {
        // Its old parent's list of children keeps it; `reparent_children`
        // moves only the children whose parent is still that node.
        self.links.borrow_mut()[target.id].parent = None;
    }

    fn reparent_children(&self, node: &Rc<Node>, new_parent: &Rc<Node>) {
        let mut links = self.links.borrow_mut();
        let children = std::mem::take(&mut links[node.id].children);
        for child in children {
            if links[child].parent == Some(node.id) {
                links[child].parent = Some(new_parent.id);
                links[new_parent.id].children.push(child);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_element_past_the_limit_is_found_where_its_tag_starts() {
        let html = "<div>".repeat(MAX_NESTING) + "<p>x</p>" + &"</div>".repeat(MAX_NESTING);
        assert_eq!(
            too_deep(&html),
            Some(TooDeep {
                html_offset: 5 * MAX_NESTING,
                depth: MAX_NESTING + 1
            })
        );
        let html = "<div>".repeat(MAX_NESTING) + "x" + &"</div>".repeat(MAX_NESTING);
        assert_eq!(too_deep(&html), None);
    }

    #[test]
    fn closed_elements_do_not_count_and_implied_ones_do() {
        // Siblings, however many, are not nested.
        assert_eq!(too_deep(&"<div>x</div>".repeat(10_000)), None);
        // Unclosed paragraphs and list items close each other.
        assert_eq!(too_deep(&"<p>x".repeat(1_000)), None);
        assert_eq!(
            too_deep(&format!("<ul>{}</ul>", "<li>x".repeat(1_000))),
            None
        );
        // A table's rows and cells are elements of their own, added by the
        // parser: a table inside a cell is three levels deeper.
        let tables = "<table><tr><td>".repeat(MAX_NESTING / 4 + 1);
        assert!(too_deep(&tables).is_some());
        // Misnested formatting elements (the adoption agency) still count.
        assert_eq!(too_deep(&"<b><i>x</b></i>".repeat(10_000)), None);
        // A paragraph closes the one before it, and the `<b>` inside it.
        assert_eq!(too_deep(&"<b><p>".repeat(10_000)), None);
        assert!(too_deep(&"<b><div>".repeat(MAX_NESTING)).is_some());
    }

    #[test]
    fn pieces_hold_one_tag_each() {
        let pieces: Vec<_> = tag_pieces("a<b>c</b><i>").collect();
        assert_eq!(pieces, [(0, "a"), (1, "<b>c"), (5, "</b>"), (9, "<i>")]);
        assert_eq!(tag_pieces("").count(), 0);
        assert_eq!(tag_pieces("é<").collect::<Vec<_>>(), [(0, "é"), (2, "<")]);
    }
}
