//! Browser glue: storage, URL, clock and focus. The only module that touches web-sys, so the
//! rest of the app is plain Rust and Leptos. Every call tolerates a missing API (storage blocked
//! by privacy settings, no window in a test): it returns `None` or does nothing.

use wasm_bindgen::JsCast;

pub mod dom;
pub mod history;
pub mod scroll;
pub mod speech;

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

/// Today on the device's clock, in its time zone (a deadline is the holder's day, not UTC's).
pub fn today() -> crate::catalog::Date {
    let now = js_sys::Date::new_0();
    let year = u16::try_from(now.get_full_year()).unwrap_or(2026);
    let month = u8::try_from(now.get_month() + 1).unwrap_or(1);
    let day = u8::try_from(now.get_date()).unwrap_or(1);
    crate::catalog::Date::ymd(year, month, day)
}

/// Moves keyboard and screen-reader focus to the element with `id` once it is in the DOM.
pub fn focus_after_render(id: &'static str) {
    focus_at_next_frame(id, FOCUS_TRIES);
}

/// How many frames (about two seconds) an element that is in the DOM but not drawn is waited
/// for. The app's root stays hidden while the page's own welcome shows (`ui::app`), and a hidden
/// element cannot take focus: a dialog opened by a key pressed in that moment would otherwise
/// open without it.
const FOCUS_TRIES: u8 = 120;

fn focus_at_next_frame(id: &'static str, tries: u8) {
    let Some(w) = window() else { return };
    let cb = wasm_bindgen::closure::Closure::once_into_js(move || {
        let el = window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(id));
        let Some(el) = el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) else {
            return;
        };
        // No height: not drawn (what the app focuses, headings and fields, always has one).
        if el.offset_height() == 0 {
            if let Some(tries) = tries.checked_sub(1) {
                focus_at_next_frame(id, tries);
            }
            return;
        }
        let _ = el.focus();
        // The screen from its top: a question's progress line sits above its heading and
        // would be scrolled out of sight on a phone.
        match el.parent_element() {
            Some(screen) => screen.scroll_into_view(),
            None => el.scroll_into_view(),
        }
    });
    let _ = w.request_animation_frame(cb.unchecked_ref());
}

pub fn warn(message: &str) {
    web_sys::console::warn_1(&message.into());
}

/// The page's fragment without `#`.
pub fn fragment() -> Option<String> {
    let hash = window()?.location().hash().ok()?;
    let hash = hash.trim_start_matches('#');
    (!hash.is_empty()).then(|| hash.to_string())
}

pub fn query_string() -> String {
    window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// The page's address without its fragment: the base of share links.
pub fn page_url() -> String {
    let Some(loc) = window().map(|w| w.location()) else {
        return String::new();
    };
    let origin = loc.origin().unwrap_or_default();
    let path = loc.pathname().unwrap_or_default();
    format!("{origin}{path}")
}

/// Copies `text` to the clipboard; true only once the browser says it did. False where the
/// clipboard is missing (plain http), refused (an iframe without `allow="clipboard-write"`, a
/// permission denied) or failed: the caller then offers the text selected instead.
pub async fn copy_text(text: &str) -> bool {
    let Some(w) = window() else { return false };
    let nav = w.navigator();
    // Through Reflect: `navigator.clipboard` is undefined outside secure contexts, and calling
    // web-sys's binding on undefined would throw past the app.
    let Some(clipboard) = js_sys::Reflect::get(&nav, &"clipboard".into())
        .ok()
        .filter(|c| c.is_object())
    else {
        return false;
    };
    let Some(write) = js_sys::Reflect::get(&clipboard, &"writeText".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    else {
        return false;
    };
    let Some(promise) = write
        .call1(&clipboard, &text.into())
        .ok()
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
    else {
        return false;
    };
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Focuses a text field and selects all its text, for the holder to copy by hand.
pub fn select_text(id: &str) {
    let el = window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id));
    let Some(el) = el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) else {
        return;
    };
    let _ = el.focus();
    if let Some(select) = js_sys::Reflect::get(&el, &"select".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    {
        let _ = select.call0(&el);
    }
}

/// The Web Share API, where the phone has it (called through Reflect: web-sys marks it unstable).
pub fn can_share() -> bool {
    window()
        .and_then(|w| js_sys::Reflect::get(&w.navigator(), &"share".into()).ok())
        .is_some_and(|f| f.is_function())
}

pub fn share(url: &str, title: &str) {
    let Some(w) = window() else { return };
    let nav = w.navigator();
    let Ok(f) = js_sys::Reflect::get(&nav, &"share".into()) else {
        return;
    };
    let Ok(f) = f.dyn_into::<js_sys::Function>() else {
        return;
    };
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&data, &"url".into(), &url.into());
    let _ = js_sys::Reflect::set(&data, &"title".into(), &title.into());
    // The promise rejects when the holder cancels; nothing to do then.
    if let Ok(p) = f
        .call1(&nav, &data)
        .and_then(|p| p.dyn_into::<js_sys::Promise>())
    {
        let noop = wasm_bindgen::closure::Closure::<dyn FnMut(wasm_bindgen::JsValue)>::new(|_| {});
        let _ = p.catch(&noop);
        noop.forget();
    }
}

pub fn print() {
    if let Some(w) = window() {
        let _ = w.print();
    }
}

/// Sends the content's height to the embedding page whenever it changes, so the partner's
/// iframe fits the widget, down as well as up. Only the height crosses:
/// `{type: "bousla:height", height}`. The height is the `<html>` element's box (the body and its
/// margins), which follows the content; `documentElement.scrollHeight` would never report less
/// than the iframe's current height, so the iframe could grow but never shrink.
pub fn report_height_to_parent() {
    let Some(w) = window() else { return };
    let Some(body) = w.document().and_then(|d| d.body()) else {
        return;
    };
    let Ok(parent) = w.parent() else { return };
    let Some(parent) = parent else { return };
    let send = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
        // The root element's box: the body with its margins, as tall as the content (no CSS
        // here sets a height on <html>). An integer: no float parsing in the wasm.
        let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            return;
        };
        let height = root.offset_height();
        let msg = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&msg, &"type".into(), &"bousla:height".into());
        let _ = js_sys::Reflect::set(&msg, &"height".into(), &height.into());
        let _ = parent.post_message(&msg, "*");
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(send.as_ref().unchecked_ref()) {
        observer.observe(&body);
    }
    // The observer lives as long as the page.
    send.forget();
}

thread_local! {
    static WORKER: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Caches the app for offline use (kiosks on flaky networks). Not in embeds: the partner's
/// origin owns the service worker scope there. A phone keeps the texts of the languages it
/// uses; a kiosk (`every_language`) keeps all of them, for whichever its next holder chooses.
pub fn register_service_worker(every_language: bool) {
    let Some(w) = window() else { return };
    let sw = w.navigator().service_worker();
    // Fails under the dev server (the worker's file list is filled by `cargo xtask dist`) and in
    // browsers that refuse workers: the app works without it, so only note it.
    let failed = wasm_bindgen::closure::Closure::<dyn FnMut(wasm_bindgen::JsValue)>::new(|_| {
        warn("Bousla: offline mode unavailable (service worker not registered)");
    });
    let _ = sw.register("sw.js").catch(&failed);
    failed.forget();
    WORKER.with(|c| c.set(true));
    if every_language {
        tell_worker("bousla:keep-all", None);
    }
}

/// Sends a message to this app's service worker once it is active (after the first load it
/// may not be yet); nothing when the app registered none (embeds, tests).
fn tell_worker(kind: &'static str, url: Option<String>) {
    if !WORKER.with(std::cell::Cell::get) {
        return;
    }
    let Some(w) = window() else { return };
    let Ok(ready) = w.navigator().service_worker().ready() else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(registration) = wasm_bindgen_futures::JsFuture::from(ready).await else {
            return;
        };
        let registration: web_sys::ServiceWorkerRegistration = registration.unchecked_into();
        let Some(worker) = registration.active() else {
            return;
        };
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &kind.into());
        if let Some(url) = url {
            let _ = js_sys::Reflect::set(&message, &"url".into(), &url.into());
        }
        let _ = worker.post_message(&message);
    });
}

/// Sets a CSS custom property on an element (through the CSSOM, which a strict CSP allows).
pub fn set_css_var(id: &str, name: &str, value: &str) {
    let el = window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id));
    if let Some(el) = el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.style().set_property(name, value);
    }
}

/// Removes the element with `id`, if there is one.
pub fn remove_element(id: &str) {
    let el = window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id));
    if let Some(el) = el {
        el.remove();
    }
}

/// Fetches a text file of this site (a language's table, the programs' sources) that the
/// browser checks against this build's SHA-256 of it (Subresource Integrity): a file cut,
/// reordered, altered or of another build is refused natively, off the app's thread, and the
/// app reads only a checked table.
pub async fn fetch_text(url: &str, sha256: &str) -> Result<String, String> {
    use wasm_bindgen_futures::JsFuture;
    let w = window().ok_or("no window")?;
    let integrity = crate::catalog::text_table::integrity(sha256)
        .ok_or_else(|| format!("no digest to check {url} against"))?;
    let request = early_fetch(&w, url).unwrap_or_else(|| {
        let init = web_sys::RequestInit::new();
        init.set_integrity(&integrity);
        w.fetch_with_str_and_init(url, &init)
    });
    let response = JsFuture::from(request)
        .await
        .map_err(|e| format!("{e:?}"))?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| "not a response".to_string())?;
    if !response.ok() {
        return Err(format!("HTTP {} for {url}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(|e| format!("{e:?}"))?)
        .await
        .map_err(|e| format!("{e:?}"))?;
    let text = text.as_string().ok_or_else(|| "not text".to_string())?;
    // Loaded before the service worker took control, it went by unseen: ask it to keep it.
    tell_worker("bousla:keep", Some(url.to_string()));
    Ok(text)
}

/// The download of `url` the boot script started with the page (`xtask/src/first_paint.js`):
/// the interface's words of the page's language (`bouslaWords`, French or English), and on a
/// page opening on the programs the catalog's texts (`bouslaTexts`), with the integrity of the
/// same build (the file's name carries the build's hash, and the boot script is written by the
/// same build). Taken once: "Try again" fetches anew. Other files (the sources) leave it be.
fn early_fetch(w: &web_sys::Window, url: &str) -> Option<js_sys::Promise> {
    ["bouslaWords", "bouslaTexts"].into_iter().find_map(|name| {
        let key = wasm_bindgen::JsValue::from_str(name);
        let early = js_sys::Reflect::get(w, &key)
            .ok()
            .filter(|v| v.is_object())?;
        let field = |name: &str| js_sys::Reflect::get(&early, &name.into()).ok();
        if field("url")?.as_string().as_deref() != Some(url) {
            return None;
        }
        let _ = js_sys::Reflect::delete_property(w, &key);
        field("response")?.dyn_into().ok()
    })
}

/// Calls `f` once, the first time the element with `id` is at least half on screen (office
/// counts: the share QR code shown). Nothing happens where the element or the API is missing.
pub fn once_visible(id: &str, f: fn()) {
    let el = window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id));
    let Some(el) = el else { return };
    let seen = wasm_bindgen::closure::Closure::<
        dyn FnMut(js_sys::Array, web_sys::IntersectionObserver),
    >::new(
        move |entries: js_sys::Array, observer: web_sys::IntersectionObserver| {
            let visible = entries.iter().any(|e| {
                e.unchecked_into::<web_sys::IntersectionObserverEntry>()
                    .is_intersecting()
            });
            if visible {
                observer.disconnect();
                f();
            }
        },
    );
    let options = web_sys::IntersectionObserverInit::new();
    options.set_threshold(&wasm_bindgen::JsValue::from_f64(0.5));
    if let Ok(observer) =
        web_sys::IntersectionObserver::new_with_options(seen.as_ref().unchecked_ref(), &options)
    {
        observer.observe(&el);
    }
    // Lives as long as the page (one per results page drawn; each stops after its first sight).
    seen.forget();
}
