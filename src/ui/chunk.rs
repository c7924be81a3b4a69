//! Views the first screen does not draw, in wasm chunks fetched when first needed: `results`
//! (the results' cards, pathways and lists), `extras` (the review, sharing, the printed sheet
//! and a program's page), `adviser` (the adviser's page) and `counts` (the office counts). The
//! results and the extras are apart so a share link's first cards wait only for their own code:
//! sharing and the printed sheet are drawn after the cards. The release build (`cargo xtask
//! dist`, feature `split`) cuts them out of the app's wasm with wasm-split, which puts the code
//! two chunks share in chunks of its own, which the build then merges by the holder's screens
//! that load them (`xtask/src/chunk_groups.rs`); without the feature (`trunk serve`) they are
//! ordinary functions.
//!
//! A chunk that cannot be fetched (offline before the service worker kept it, a partner's proxy)
//! leaves the rest of the page working: its place says so, with "Try again".

use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;

use super::app::HEADING_ID;
use super::state::use_state;
use super::when::redrawn;
use crate::i18n::strings::Strings;

/// A chunk could not be fetched or instantiated; the browser's console has the details.
#[derive(Debug, Clone, Copy)]
pub struct ChunkFailed;

#[cfg(feature = "split")]
impl From<wasm_split_helpers::SplitLoaderError> for ChunkFailed {
    fn from(_: wasm_split_helpers::SplitLoaderError) -> Self {
        ChunkFailed
    }
}

/// What a chunk's entry returns: its view, or why it is not here.
pub type Drawn = Result<AnyView, ChunkFailed>;

/// Declares `async fn $name($args) -> Drawn` whose body lives in the chunk `$chunk`, and
/// `async fn $preload() -> Result<(), _>`, which fetches that chunk ahead of need. The
/// body is a plain function body returning a view; arguments are moved into the chunk.
macro_rules! in_chunk {
    ($chunk:ident, $preload:ident, $(#[$meta:meta])* $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) $body:block) => {
        $(#[$meta])*
        #[cfg(feature = "split")]
        #[wasm_split_helpers::wasm_split($chunk, fallible, preload($preload))]
        $vis fn $name($($arg: $ty),*) -> $crate::ui::chunk::Drawn {
            Ok(::leptos::prelude::IntoAny::into_any($body))
        }
        $(#[$meta])*
        #[cfg(not(feature = "split"))]
        $vis async fn $name($($arg: $ty),*) -> $crate::ui::chunk::Drawn {
            Ok(::leptos::prelude::IntoAny::into_any($body))
        }
        #[cfg(not(feature = "split"))]
        #[allow(dead_code)]
        $vis async fn $preload() -> Result<(), $crate::ui::chunk::ChunkFailed> {
            Ok(())
        }
    };
}
pub(crate) use in_chunk;

/// Fetches a chunk ahead of need (the results' while the holder answers), so its screens open
/// at once and a connection lost on the way does not stop them. A failure here is said again,
/// with "Try again", if the view is opened.
pub fn prefetch<Fut, E>(preload: Fut)
where
    Fut: Future<Output = Result<(), E>> + 'static,
{
    leptos::task::spawn_local(async move {
        let _ = preload.await;
    });
}

/// Shows what `draw` returns once its chunk is here, and a sentence with "Try again" if it
/// failed. While a screen's chunk is on its way (a share link opened on a slow network), the
/// screen says "Loading…"; a part of a screen shows nothing meanwhile. `focus`: the element that
/// takes focus when the view arrives (a screen's heading), since the screen change asked for it
/// before the chunk was here.
pub fn lazy<F, Fut>(focus: Option<&'static str>, draw: F) -> impl IntoView
where
    F: Fn() -> Fut + 'static,
    Fut: Future<Output = Drawn> + 'static,
{
    // Boxed, so that what follows is compiled once rather than once per use.
    lazy_erased(focus, Box::new(move || Box::pin(draw())))
}

type Draw = Box<dyn Fn() -> Pin<Box<dyn Future<Output = Drawn>>>>;

fn lazy_erased(focus: Option<&'static str>, draw: Draw) -> impl IntoView {
    let state = use_state();
    let attempt = RwSignal::new(0u32);
    let arrived = RwSignal::new(false);
    // The view once its chunk is here, taken by the first drawing after it arrives.
    let slot = RwSignal::new_local(None::<AnyView>);
    let screen = focus == Some(HEADING_ID);
    // Views drawn by `redrawn`, whose code the app shares, rather than closures of their own
    // returning an `Option`, which Leptos would compile a renderer for.
    let waiting = redrawn(move || {
        if !screen || arrived.get() {
            return ().into_any();
        }
        let loading = state.strings().loading;
        view! { <p class="notice" role="status" data-testid="chunk-loading">{loading}</p> }
            .into_any()
    });
    // An effect and a task under its owner rather than a `Suspend`: the main module carried
    // suspense's machinery for this alone ("Less of Leptos's machinery" in docs/size.md has the
    // figures). Signals the view reads as it is made are tracked by the effect, which then
    // draws it again, as a `Suspend` did.
    Effect::new(move |_| {
        attempt.track();
        arrived.set(false);
        slot.set(None);
        let drawn = draw();
        leptos::task::spawn_local_scoped(async move {
            let view = match drawn.await {
                Ok(view) => {
                    if let Some(id) = focus {
                        crate::browser::focus_after_render(id);
                    }
                    view
                }
                Err(ChunkFailed) => failed(state.strings(), focus, attempt),
            };
            // The screen may have gone meanwhile.
            arrived.try_set(true);
            slot.try_set(Some(view));
        });
    });
    let body = redrawn(move || {
        slot.track();
        slot.try_update_untracked(Option::take)
            .flatten()
            .unwrap_or_else(|| ().into_any())
    });
    (waiting, body)
}

/// `drawn`, with `arrived` set once its view is here: for a view that follows another of the
/// same chunk (the printed sheet after sharing), which should wait for it rather than say a
/// second time that the chunk could not be fetched.
pub async fn marking(drawn: impl Future<Output = Drawn>, arrived: RwSignal<bool>) -> Drawn {
    let drawn = drawn.await;
    if drawn.is_ok() {
        arrived.try_set(true);
    }
    drawn
}

/// In place of a view whose chunk is not here: why, and "Try again". In place of a screen, the
/// sentence is the screen's heading and takes the focus, so the page still says where one is.
fn failed(s: &'static Strings, focus: Option<&'static str>, attempt: RwSignal<u32>) -> AnyView {
    let retry = view! {
        <button type="button" class="link" on:click=move |_| attempt.update(|n| *n += 1)>
            {s.retry}
        </button>
    };
    if focus == Some(HEADING_ID) {
        crate::browser::focus_after_render(HEADING_ID);
        view! {
            <div class="notice" role="alert" data-testid="chunk-failed">
                <h1 id=HEADING_ID tabindex="-1">{s.part_unavailable}</h1>
                {retry}
            </div>
        }
        .into_any()
    } else {
        view! { <p class="notice" role="alert" data-testid="chunk-failed">{s.part_unavailable}" "{retry}</p> }
            .into_any()
    }
}
