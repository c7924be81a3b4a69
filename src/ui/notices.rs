//! Two moments where the holder decides: a shared link whose answers differ from their own
//! saved ones ("Open the shared answers" / "Keep mine"), and program texts that failed to load
//! (a notice with "Try again", never nameless cards).

use leptos::prelude::*;

use super::state::{Notice, use_state};
use super::when::{redrawn, when};

/// Shown on the welcome screen while a shared link waits for the holder's choice.
#[component]
pub fn SharedPrompt() -> impl IntoView {
    let state = use_state();
    let s = state.strings();
    when(
        move || state.asking.get(),
        move || {
            view! {
                <section class="shared-prompt notice" aria-labelledby="shared-title" data-testid="shared-prompt">
                    <h2 id="shared-title">{s.shared_title}</h2>
                    <p>{s.shared_prompt}</p>
                    <div class="actions">
                        <button type="button" class="primary" data-testid="open-shared" on:click=move |_| state.open_shared()>
                            {s.open_shared}
                        </button>
                        <button type="button" class="secondary" data-testid="keep-mine" on:click=move |_| state.keep_mine()>
                            {s.keep_mine}
                        </button>
                    </div>
                </section>
            }
        },
    )
}

/// While the program texts are not here: "Loading…", or, when they failed, why and a button to
/// try again.
#[component]
pub fn TextsNotice() -> impl IntoView {
    let state = use_state();
    let s = state.strings();
    redrawn(move || {
        if state.notice.get() == Some(Notice::TextsUnavailable) {
            view! {
                <div class="notice" role="alert" data-testid="texts-failed">
                    <p>{s.texts_unavailable}</p>
                    <button type="button" class="secondary" data-testid="retry-texts" on:click=move |_| state.retry_texts()>
                        {s.retry}
                    </button>
                </div>
            }
            .into_any()
        } else {
            view! { <p class="notice" role="status">{s.loading}</p> }.into_any()
        }
    })
}
