//! Browser glue: storage, URL, clock and focus. The only module that touches web-sys, so the
//! rest of the app is plain Rust and Leptos. Every call tolerates a missing API (storage blocked
//! by privacy settings, no window in a test): it returns `None` or does nothing.

use wasm_bindgen::JsCast;

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

fn storage() -> Option<web_sys::Storage> {
    window()?.local_storage().ok().flatten()
}

pub fn load(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

pub fn save(key: &str, value: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(key, value);
    }
}

pub fn remove(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

/// The value of `name` in the page's query string (`?lang=fr`), percent-decoding not needed:
/// every option value is a plain id.
pub fn query_param(name: &str) -> Option<String> {
    let search = window()?.location().search().ok()?;
    search
        .trim_start_matches('?')
        .split('&')
        .filter_map(|kv| kv.split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
}

pub fn current_year() -> u16 {
    let year = js_sys::Date::new_0().get_full_year();
    u16::try_from(year).unwrap_or(2026)
}

/// Moves keyboard and screen-reader focus to the element with `id` once it is in the DOM.
pub fn focus_after_render(id: &'static str) {
    let Some(w) = window() else { return };
    let cb = wasm_bindgen::closure::Closure::once_into_js(move || {
        let el = window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id));
        if let Some(el) = el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = el.focus();
            el.scroll_into_view();
        }
    });
    let _ = w.request_animation_frame(cb.unchecked_ref());
}

pub fn warn(message: &str) {
    web_sys::console::warn_1(&message.into());
}
