//! A view shown while a condition holds, drawn anew only when the condition flips: what
//! Leptos's `Show` does (a memo of the condition, read by a closure), without its component
//! machinery (props, boxed children and fallback), which cost 1.0 KB brotli over 24 uses.
//!
//! The condition and the view are boxed and the view erased (`AnyView`) before they reach the
//! reactive closure, so the closure's rendering code (an effect that builds, then rebuilds on
//! each flip) is compiled once for the whole app rather than once per use.

use leptos::prelude::*;

type Cond = Box<dyn Fn() -> bool + Send + Sync>;
type Draw = Box<dyn Fn() -> AnyView + Send + Sync>;

/// `view` while `cond` holds; nothing otherwise.
pub fn when<V: IntoView + 'static>(
    cond: impl Fn() -> bool + Send + Sync + 'static,
    view: impl Fn() -> V + Send + Sync + 'static,
) -> impl IntoView {
    erased(Box::new(cond), Box::new(move || view().into_any()), None)
}

/// `view` while `cond` holds; `otherwise` when it does not.
pub fn when_else<V: IntoView + 'static, W: IntoView + 'static>(
    cond: impl Fn() -> bool + Send + Sync + 'static,
    view: impl Fn() -> V + Send + Sync + 'static,
    otherwise: impl Fn() -> W + Send + Sync + 'static,
) -> impl IntoView {
    erased(
        Box::new(cond),
        Box::new(move || view().into_any()),
        Some(Box::new(move || otherwise().into_any())),
    )
}

fn erased(cond: Cond, view: Draw, otherwise: Option<Draw>) -> impl IntoView {
    let holds = Memo::new(move |_| cond());
    redrawn(move || match holds.get() {
        true => view(),
        false => otherwise.as_ref().map_or_else(|| ().into_any(), |o| o()),
    })
}

/// The view `draw` returns, drawn again whenever a signal it read changes: a reactive closure
/// whose rendering code, for every use, is the one copy here.
pub fn redrawn(draw: impl Fn() -> AnyView + Send + Sync + 'static) -> impl IntoView {
    redrawn_boxed(Box::new(draw))
}

fn redrawn_boxed(draw: Draw) -> impl IntoView {
    move || draw()
}
