//! The browser's session history for the app's screens: push, replace, go back, and the
//! `popstate` event. The screens' fragments themselves are `flow::fragment` (pure Rust).
//!
//! Each entry the app adds carries, in `history.state`, its depth (how many of the app's
//! entries lie behind it) and the fragment of the entry before it: the app's Back button then
//! steps back through the real history when that leads where Back should, and "start over"
//! returns to the first entry instead of leaving the last holder's screens behind Back.
//! The state is a string ("3|q=age"): kept by the browser across a reload.

use std::cell::Cell;

use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;

thread_local! {
    /// The depth of the entry this page was loaded on: entries behind it belong to an earlier
    /// load (before a reload), and going back to them loads the page again.
    static LOADED_AT: Cell<u32> = const { Cell::new(0) };
}

fn history() -> Option<web_sys::History> {
    web_sys::window()?.history().ok()
}

fn url(fragment: &str) -> String {
    let base = format!("{}{}", super::page_url(), super::query_string());
    if fragment.is_empty() {
        base
    } else {
        format!("{base}#{fragment}")
    }
}

/// The current entry's depth and the fragment of the entry before it (`None` for the first).
fn entry() -> (u32, Option<String>) {
    let state = history()
        .and_then(|h| h.state().ok())
        .and_then(|s| s.as_string())
        .unwrap_or_default();
    match state.split_once('|') {
        Some((depth, previous)) => (depth.parse().unwrap_or(0), Some(previous.to_string())),
        None => (state.parse().unwrap_or(0), None),
    }
}

/// Adds an entry for `fragment` after the current one.
pub fn push(fragment: &str) {
    let Some(h) = history() else { return };
    let (depth, _) = entry();
    let here = super::fragment().unwrap_or_default();
    let state = JsValue::from_str(&format!("{}|{here}", depth + 1));
    let _ = h.push_state_with_url(&state, "", Some(&url(fragment)));
}

/// Notes where in the history this page was loaded; call once, on load.
pub fn loaded() {
    LOADED_AT.set(entry().0);
}

/// Shows `fragment` in the current entry, keeping its place in the history.
pub fn replace(fragment: &str) {
    let Some(h) = history() else { return };
    let state = h.state().unwrap_or(JsValue::NULL);
    // The page's first entry gets a depth: 0.
    let state = if state.is_string() {
        state
    } else {
        JsValue::from_str("0")
    };
    let _ = h.replace_state_with_url(&state, "", Some(&url(fragment)));
}

/// The fragment of the app's entry before this one, if the app added this one.
pub fn previous() -> Option<String> {
    entry().1
}

/// Loads the page again (a share link pasted into the open app is read as on a first load).
pub fn reload() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}

pub fn back() {
    if let Some(h) = history() {
        let _ = h.back();
    }
}

/// Goes back to the first entry of this page load; true when there was one to go back to (a
/// `popstate` follows). Never further: an entry of an earlier load would load the page again,
/// with whatever that entry's address holds.
pub fn to_first() -> bool {
    let depth = entry().0.saturating_sub(LOADED_AT.get());
    let Some(h) = history() else { return false };
    // Browsers keep a limited number of entries (Chromium 50): past that the oldest are
    // dropped, and the oldest left is then the app's own.
    let kept = h.length().unwrap_or(1).saturating_sub(1);
    let delta = i32::try_from(depth.min(kept)).unwrap_or(0);
    delta > 0 && h.go_with_delta(-delta).is_ok()
}

/// Calls `f` with the new fragment whenever the holder moves through the history (Back,
/// Forward, or a fragment typed in the address bar), for the page's lifetime.
pub fn on_pop(f: impl Fn(String) + 'static) {
    let Some(w) = web_sys::window() else { return };
    let cb = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
        f(super::fragment().unwrap_or_default());
    });
    let _ = w.add_event_listener_with_callback("popstate", cb.as_ref().unchecked_ref());
    cb.forget();
}
