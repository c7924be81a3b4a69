//! The place the holder was reading, kept across a language switch: the page is drawn again in
//! the new language (longer or shorter), so a scroll offset alone would land elsewhere. The
//! first program card or group heading still on screen is remembered with its distance from
//! the top of the window, and brought back to that distance once the new page is drawn.

use std::cell::RefCell;

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

/// What `remember_anchor` looks for, in document order: the title, program cards and rows,
/// group headings (small elements, so the one found is where the eyes are).
const CANDIDATES: &str =
    "section.results h1[id], section.results [data-program], section.results h2[id]";

thread_local! {
    /// The anchor's selector and its distance from the top of the window, in CSS pixels.
    static ANCHOR: RefCell<Option<(String, f64)>> = const { RefCell::new(None) };
}

/// An element's distance from the top of the document.
fn page_top(el: &HtmlElement) -> f64 {
    let mut top = f64::from(el.offset_top());
    let mut parent = el.offset_parent();
    while let Some(p) = parent.and_then(|p| p.dyn_into::<HtmlElement>().ok()) {
        top += f64::from(p.offset_top());
        parent = p.offset_parent();
    }
    top
}

fn all(selector: &str) -> Vec<HtmlElement> {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return Vec::new();
    };
    let found = js_sys::Reflect::get(&doc, &"querySelectorAll".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call1(&doc, &selector.into()).ok());
    found
        .map(|list| js_sys::Array::from(&list))
        .map(|a| {
            a.iter()
                .filter_map(|e| e.dyn_into::<HtmlElement>().ok())
                .collect()
        })
        .unwrap_or_default()
}

/// A selector that finds `el` again after the page is drawn anew.
fn selector_of(el: &HtmlElement) -> Option<String> {
    if let Some(id) = el.get_attribute("data-program") {
        return Some(format!("section.results [data-program=\"{id}\"]"));
    }
    let id = el.id();
    (!id.is_empty()).then(|| format!("#{id}"))
}

/// Remembers the first card or heading of the results still in view (nothing when the results
/// are not on screen, or the page is at its top).
pub fn remember_anchor() {
    let Some(w) = web_sys::window() else { return };
    let y = w.scroll_y().unwrap_or(0.0);
    let found = (y > 0.0)
        .then(|| {
            all(CANDIDATES).into_iter().find_map(|el| {
                let top = page_top(&el);
                let bottom = top + f64::from(el.offset_height());
                (bottom > y)
                    .then(|| selector_of(&el).map(|s| (s, top - y)))
                    .flatten()
            })
        })
        .flatten();
    ANCHOR.with(|a| *a.borrow_mut() = found);
}

/// Scrolls the remembered anchor back to where it was, once; nothing if none was remembered or
/// it is not on the page.
pub fn restore_anchor() {
    let Some((selector, offset)) = ANCHOR.with(|a| a.borrow_mut().take()) else {
        return;
    };
    let Some(w) = web_sys::window() else { return };
    if let Some(el) = all(&selector).into_iter().next() {
        w.scroll_to_with_x_and_y(0.0, (page_top(&el) - offset).max(0.0));
    }
}
