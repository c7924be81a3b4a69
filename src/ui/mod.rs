//! The Leptos interface: welcome, one question per screen, results, program detail.
//! Components derive everything from the answers signal and a memo of the engine's ranking.

mod adviser;
mod answers;
mod app;
mod card;
mod chunk;
mod counting;
mod details;
mod downloads;
mod effect;
mod header;
mod history;
mod inline;
mod kiosk;
mod listen;
mod notices;
mod picks;
mod print_sheet;
mod qr;
mod question;
mod ranked;
mod results;
mod review;
mod rows;
mod share;
mod sources;
mod staff;
mod state;
mod welcome;
mod when;
mod widgets;

pub(crate) use chunk::ChunkFailed;
pub(crate) use question::title as question_title;

use std::time::Duration;

use leptos::prelude::{Owner, set_timeout};

/// Mounts the app into the page's `<body>`, in steps of their own, so that no step blocks a
/// slow phone for long (Lighthouse counts each task's time over 50 ms at a 4× slower CPU, and
/// the browser compiles each wasm function on its first call, inside the task that calls it):
/// the browser's work on the freshly compiled module; the embedded catalog; the page's options,
/// stored answers and shared link, read and decoded; the holder's state made of them; then the
/// app's frame, its header and its screen (see `app::App`).
pub fn start() {
    // A panic's message in the console, while developing. The shipped build aborts at once on
    // a panic (`xtask/src/tools.rs`), so no hook would ever run: it leaves the hook's code out.
    #[cfg(not(panic = "immediate-abort"))]
    console_error_panic_hook::set_once();
    // Err only if it was already started.
    let _ = any_spawner::Executor::init_wasm_bindgen();
    step(|| {
        // The catalog's decoder compiled and run on its own.
        let _ = crate::catalog::embedded();
        step(|| {
            // The page's options, stored answers and shared link read and decoded.
            let arrival = state::Arrival::read();
            step(move || {
                // The app's owner: what the mount below adds lives under it, and so finds the
                // state.
                let owner = Owner::new();
                owner.with(|| {
                    state::provide(state::AppState::new(arrival));
                    listen::provide();
                });
                step(move || {
                    owner.with(|| leptos::mount::mount_to_body(app::App));
                    // The app lives as long as the page.
                    std::mem::forget(owner);
                });
            });
        });
    });
}

/// A boolean attribute's value (an ARIA state, `data-drawn`), `"true"` or `"false"`: a static
/// string, so these attributes share the renderer Leptos compiles for the app's other
/// static-string attributes instead of one for `String`s.
pub(crate) fn flag(on: bool) -> &'static str {
    if on { "true" } else { "false" }
}

/// Runs `f` in a task of its own, after what the browser has queued (a paint, input).
fn step(f: impl FnOnce() + 'static) {
    set_timeout(f, Duration::ZERO);
}
