//! Effects with one copy of Leptos's effect machinery (its task, which waits for a change and
//! runs the function again) for the whole app: `Effect::new` compiles it anew for every closure
//! it is given, so the closure is boxed first.

use leptos::prelude::Effect;

/// Runs `f` now and again whenever a signal it read changes, until its owner is disposed.
pub fn effect(f: impl FnMut() + 'static) {
    erased(Box::new(f));
}

fn erased(mut f: Box<dyn FnMut()>) {
    Effect::new(move |_| f());
}
