//! A view shown while a condition holds, drawn anew only when the condition flips: what
//! Leptos's `Show` does (a memo of the condition, read by a closure), without its component
//! machinery (props, boxed children and fallback), which cost 1.0 KB brotli over 24 uses.

use leptos::prelude::*;

/// `view` while `cond` holds; nothing otherwise.
pub fn when<V: IntoView + 'static>(
    cond: impl Fn() -> bool + Send + Sync + 'static,
    view: impl Fn() -> V + Send + Sync + 'static,
) -> impl IntoView {
    let holds = Memo::new(move |_| cond());
    move || holds.get().then(&view)
}

/// `view` while `cond` holds; `otherwise` when it does not.
pub fn when_else<V: IntoView + 'static, W: IntoView + 'static>(
    cond: impl Fn() -> bool + Send + Sync + 'static,
    view: impl Fn() -> V + Send + Sync + 'static,
    otherwise: impl Fn() -> W + Send + Sync + 'static,
) -> impl IntoView {
    let holds = Memo::new(move |_| cond());
    move || match holds.get() {
        true => view().into_any(),
        false => otherwise().into_any(),
    }
}
