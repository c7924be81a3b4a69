//! What Bousla does, the privacy promise, and Start (or resume).

use leptos::prelude::*;

use crate::questionnaire::Question;

use super::app::HEADING_ID;
use super::notices::{SharedPrompt, TextsNotice};
use super::state::{Notice, Screen, is_answered, use_state};

#[component]
pub fn Welcome() -> impl IntoView {
    let state = use_state();
    let s = state.strings();
    let first_unanswered = move || {
        state.profile.with(|p| {
            Question::sequence(p)
                .into_iter()
                .find(|q| !is_answered(*q, p) && !state.skips(*q))
        })
    };
    view! {
        <section class="welcome">
            <h1 id=HEADING_ID tabindex="-1">{s.app_name}</h1>
            // A shared link waiting for "Open the shared answers" / "Keep mine" comes first.
            <SharedPrompt/>
            <p class="tagline">{s.tagline}</p>
            <p>{s.welcome_what}</p>
            <p class="privacy"><span aria-hidden="true">"🔒 "</span>{s.privacy}</p>
            {move || state.notice.get().map(|n| {
                let text = match n {
                    Notice::StoredAnswersDiscarded => s.stored_discarded,
                    Notice::ShareLinkUnreadable => s.link_unreadable,
                    Notice::TextsUnavailable => return view! { <TextsNotice/> }.into_any(),
                    // Shown by the header, beside the language switch.
                    Notice::LangUnavailable => return ().into_any(),
                };
                view! { <p class="notice" role="status" data-testid="notice">{text}</p> }.into_any()
            })}
            // While a shared link waits for "Open the shared answers" / "Keep mine", that choice
            // comes first.
            <Show when=move || !state.asking.get()>
            <div class="actions">
                <Show when=move || state.has_answers()>
                    <button type="button" class="primary" data-testid="resume" on:click=move |_| {
                        state.notice.set(None);
                        match first_unanswered() {
                            Some(q) => state.go(Screen::Ask(q)),
                            None => state.go(Screen::Results),
                        }
                    }>{s.resume}</button>
                </Show>
                <button
                    type="button"
                    class=move || if state.has_answers() { "secondary" } else { "primary" }
                    data-testid="start"
                    on:click=move |_| {
                        state.notice.set(None);
                        state.go(Screen::Ask(state.first_question()));
                    }
                >
                    {s.start}
                </button>
            </div>
            </Show>
        </section>
    }
}
