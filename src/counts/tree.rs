//! The staff's counts screen as a small tree of elements and texts, built here in plain Rust
//! and made into DOM nodes by the browser glue (`browser::dom`): element by element, attribute
//! by attribute, every text a text node. Nothing is ever parsed as HTML, so a label (a program's
//! name from the catalog) can hold `<` or `&` and is shown as written. The tree is written in
//! document order, each element opened, given its attributes and children, then closed: a flat
//! list is a fraction of the wasm that nested values cost.

use super::Dim;
use super::report::Row;
use super::rule::Shown;

/// One step of the tree, in document order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Node {
    /// An element (an SVG one inside an `svg`), child of the element open before it.
    Open(&'static str),
    /// An attribute of the element open last.
    Attr(&'static str, String),
    /// A text, shown as written.
    Text(String),
    /// Ends the element open last.
    Close,
}

/// A tree being written.
#[derive(Default)]
pub struct Tree(pub Vec<Node>);

impl Tree {
    pub fn open(&mut self, tag: &'static str) -> &mut Self {
        self.0.push(Node::Open(tag));
        self
    }

    pub fn attr(&mut self, name: &'static str, value: &str) -> &mut Self {
        self.0.push(Node::Attr(name, value.to_string()));
        self
    }

    pub fn text(&mut self, text: &str) -> &mut Self {
        self.0.push(Node::Text(text.to_string()));
        self
    }

    pub fn close(&mut self) -> &mut Self {
        self.0.push(Node::Close);
        self
    }

    /// An element holding only a text.
    pub fn leaf(&mut self, tag: &'static str, text: &str) -> &mut Self {
        self.open(tag).text(text).close()
    }

    /// A button of the counts screen: its id names it for the click handler and the tests.
    pub fn button(&mut self, id: &str, class: &str, label: &str) -> &mut Self {
        self.open("button")
            .attr("type", "button")
            .attr("id", id)
            .attr("class", &format!("secondary{class}"))
            .attr("data-testid", id)
            .text(label)
            .close()
    }

    /// One table per dimension with counted or listed cells: the answer, what it shows, and a
    /// bar drawn from what it shows ("< 10" lighter). `title` names a dimension, `label` a value.
    pub fn tables(
        &mut self,
        all: &[Row],
        head: [&str; 2],
        title: &dyn Fn(Dim) -> &'static str,
        label: &dyn Fn(Dim, &str) -> String,
    ) {
        for dim in Dim::ALL {
            let Some(max) = all
                .iter()
                .filter(|r| r.dim == dim)
                .map(|r| r.shown.bar())
                .max()
            else {
                continue;
            };
            let max = u64::from(max.max(1));
            self.open("table")
                .attr("class", "counts")
                .attr("data-dim", dim.id())
                .leaf("caption", title(dim))
                .open("thead")
                .open("tr");
            for h in head {
                self.open("th").attr("scope", "col").text(h).close();
            }
            self.close().close().open("tbody");
            for r in all.iter().filter(|r| r.dim == dim) {
                self.open("tr")
                    .attr("data-value", &r.value)
                    .open("th")
                    .attr("scope", "row")
                    .text(&label(dim, &r.value))
                    .close()
                    .open("td")
                    .open("span")
                    .attr("class", "n")
                    .attr("dir", "ltr")
                    .text(&r.shown.text())
                    .close()
                    .open("svg")
                    .attr(
                        "class",
                        if r.shown == Shown::UnderTen {
                            "bar few"
                        } else {
                            "bar"
                        },
                    )
                    .attr("aria-hidden", "true")
                    .attr("viewBox", "0 0 100 1")
                    .attr("preserveAspectRatio", "none")
                    .open("rect")
                    .attr("height", "1")
                    .attr("width", &(u64::from(r.shown.bar()) * 100 / max).to_string())
                    .close()
                    .close()
                    .close()
                    .close();
            }
            self.close().close();
        }
    }

    /// One of the export's QR codes: the path of its dark modules on a white square of `side`
    /// modules, its text (for checks) and its name ("QR code n of N") below.
    pub fn qr_figure(&mut self, qr_text: &str, name: &str, path: &str, side: i32) {
        self.open("figure")
            .attr("data-text", qr_text)
            .open("svg")
            .attr("class", "qr")
            .attr("viewBox", &format!("0 0 {side} {side}"))
            .attr("role", "img")
            .attr("aria-label", name)
            .attr("xmlns", "http://www.w3.org/2000/svg")
            .attr("shape-rendering", "crispEdges")
            .open("rect")
            .attr("width", "100%")
            .attr("height", "100%")
            .attr("fill", "#ffffff")
            .close()
            .open("path")
            .attr("d", path)
            .attr("fill", "#000000")
            .close()
            .close()
            .leaf("figcaption", name)
            .close();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::counts::report::rows;

    fn texts(t: &Tree) -> Vec<&str> {
        t.0.iter()
            .filter_map(|n| match n {
                Node::Text(s) => Some(s.as_str()),
                _ => None,
            })
            .collect()
    }

    fn attrs<'a>(t: &'a Tree, name: &str) -> Vec<&'a str> {
        t.0.iter()
            .filter_map(|n| match n {
                Node::Attr(k, v) if *k == name => Some(v.as_str()),
                _ => None,
            })
            .collect()
    }

    /// Every element closed, none closed twice.
    fn balanced(t: &Tree) -> bool {
        let mut depth = 0i32;
        for n in &t.0 {
            match n {
                Node::Open(_) => depth += 1,
                Node::Close => depth -= 1,
                _ => {}
            }
            if depth < 0 {
                return false;
            }
        }
        depth == 0
    }

    #[test]
    fn labels_are_texts_never_markup() {
        let sums = vec![
            ("top5.<b>x</b>".to_string(), 12),
            ("top5.a&b".to_string(), 3),
        ];
        let nasty = r#"<img src=x onerror="a('b')"> & "#;
        let mut t = Tree::default();
        t.tables(
            &rows(&sums),
            ["Answer", "Number"],
            &|d| {
                if d == Dim::Top {
                    "Programs <top>"
                } else {
                    "Other"
                }
            },
            &|_, v| format!("{nasty}{v}"),
        );
        assert!(balanced(&t));
        let top =
            t.0.iter()
                .position(|n| *n == Node::Attr("data-dim", "top5".into()));
        let top = Tree(t.0[top.expect("the programs' table")..].to_vec());
        assert_eq!(
            texts(&top)[..7],
            [
                "Programs <top>",
                "Answer",
                "Number",
                &format!("{nasty}<b>x</b>"),
                "10",
                &format!("{nasty}a&b"),
                "< 10"
            ]
        );
        assert_eq!(attrs(&top, "data-value")[..2], ["<b>x</b>", "a&b"]);
        // The bars: full width for the largest, lighter for "< 10".
        assert_eq!(attrs(&top, "class")[..4], ["n", "bar", "n", "bar few"]);
        assert_eq!(attrs(&top, "width")[..2], ["100", "50"]);
    }

    #[test]
    fn buttons_and_qr_codes_carry_their_ids_and_names() {
        let mut t = Tree::default();
        t.button("staff-reset-yes", " danger", "Oui & <non>");
        assert_eq!(
            t.0,
            [
                Node::Open("button"),
                Node::Attr("type", "button".into()),
                Node::Attr("id", "staff-reset-yes".into()),
                Node::Attr("class", "secondary danger".into()),
                Node::Attr("data-testid", "staff-reset-yes".into()),
                Node::Text("Oui & <non>".into()),
                Node::Close
            ]
        );
        let mut t = Tree::default();
        t.qr_figure("Bousla <1/1>", "QR 1/1", "M4,4h1v1h-1z", 29);
        assert!(balanced(&t));
        assert_eq!(attrs(&t, "data-text"), ["Bousla <1/1>"]);
        assert_eq!(attrs(&t, "viewBox"), ["0 0 29 29"]);
        assert_eq!(attrs(&t, "aria-label"), ["QR 1/1"]);
        assert_eq!(attrs(&t, "d"), ["M4,4h1v1h-1z"]);
        assert_eq!(texts(&t), ["QR 1/1"]);
    }
}
