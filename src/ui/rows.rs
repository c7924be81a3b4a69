//! Keyed lists, with one copy of their code for the whole app. Leptos's `For` compiles its
//! keyed diff and its rendering effect anew for every list (its item, key and view types): 5 to
//! 10 KB of wasm each. Here every list is a list of [`Row`]s (a key and a boxed drawing), so the
//! `For` below is the only one built.

use leptos::prelude::*;

/// One row of a keyed list: its key, unique in the list, and how to draw it. A row whose key
/// was already in the list keeps its drawing (and its state, and its focus) and this one is
/// dropped unused.
pub struct Row {
    key: &'static str,
    draw: Box<dyn FnOnce() -> AnyView + Send>,
}

impl Row {
    pub fn new(key: &'static str, draw: impl FnOnce() -> AnyView + Send + 'static) -> Self {
        Row {
            key,
            draw: Box::new(draw),
        }
    }
}

/// The rows `each` gives, redrawn by key whenever what it reads changes: rows are added,
/// removed or moved, never drawn again.
pub fn rows(each: impl Fn() -> Vec<Row> + Send + Sync + 'static) -> impl IntoView {
    list(Box::new(each))
}

fn list(each: Box<dyn Fn() -> Vec<Row> + Send + Sync>) -> impl IntoView {
    view! { <For each=move || each() key=|r: &Row| r.key children=|r: Row| (r.draw)()/> }
}
