//! DOM nodes from a [`Node`] list (the staff's counts screen): `createElement`, or
//! `createElementNS` inside an `svg`, `setAttribute`, and text nodes. Never `innerHTML`: no text
//! of the tree is parsed as HTML.

use crate::counts::tree::Node;

const SVG: &str = "http://www.w3.org/2000/svg";

/// Replaces the children of `host` with the elements and texts of `nodes`.
pub fn replace_children(host: &web_sys::Element, nodes: &[Node]) {
    host.set_text_content(None);
    let Some(doc) = host.owner_document() else {
        return;
    };
    // The open elements, `host` first; the depth at which an `svg` was opened.
    let mut open = vec![host.clone()];
    let mut svg_at = usize::MAX;
    for n in nodes {
        let Some(parent) = open.last() else { return };
        match n {
            Node::Open(tag) => {
                if *tag == "svg" && svg_at == usize::MAX {
                    svg_at = open.len();
                }
                let el = if svg_at <= open.len() {
                    doc.create_element_ns(Some(SVG), tag)
                } else {
                    doc.create_element(tag)
                };
                let Ok(el) = el else { return };
                let _ = parent.append_child(&el);
                open.push(el);
            }
            Node::Attr(name, value) => {
                let _ = parent.set_attribute(name, value);
            }
            Node::Text(t) => {
                let _ = parent.append_child(&doc.create_text_node(t));
            }
            Node::Close => {
                if open.len() > 1 {
                    open.pop();
                }
                if open.len() <= svg_at {
                    svg_at = usize::MAX;
                }
            }
        }
    }
}
